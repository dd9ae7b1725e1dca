#!/bin/sh
# The grammar stage against the UD test splits (gold tokenisation), through
# `dyad parse --eval`: the committed models must reach the floors below (a
# little under what `make models` reaches; data/lang/MODELS.md has the
# figures). Then `dyad parse --conllu` on a hand-made file keeps comments,
# multiword tokens and empty nodes and gives every sentence one root, and
# bad usage is refused. Skips what it cannot run (no ../shared/ud, no
# model, no Russian dictionary) and says why.
set -u
BUILD=${BUILD:-build}
ud=../shared/ud
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pass() { passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }

# floors LANG FILE MEASURE=FLOOR...: the summary line of --eval meets them.
floors() {
	lang=$1 file=$2
	shift 2
	if [ ! -f "$file" ]; then
		echo "skip $lang: $file not found"
		return
	fi
	if [ ! -f "data/lang/$lang/grammar.model" ]; then
		echo "skip $lang: data/lang/$lang/grammar.model not found (make models)"
		return
	fi
	if ! "$BUILD/dyad" parse --eval "$file" --lang "$lang" >"$tmp/eval.txt" 2>"$tmp/eval.err"; then
		fail "$lang: dyad parse --eval failed"
		sed 's/^/    /' "$tmp/eval.err" | head -n 5
		return
	fi
	summary=$(tail -n 1 "$tmp/eval.txt")
	echo "$summary"
	for want in "$@"; do
		measure=${want%%=*} floor=${want#*=}
		got=$(echo "$summary" | awk -v m="$measure" '{ for (i = 1; i < NF; i++) if ($i == m) print $(i + 1) }')
		if [ -z "$got" ]; then
			fail "$lang: no $measure in the summary"
		elif awk -v g="$got" -v f="$floor" 'BEGIN { exit !(g + 0 >= f + 0) }'; then
			pass
		else
			fail "$lang: $measure $got under the floor $floor"
		fi
	done
}

if [ -d "$ud" ]; then
	floors en "$ud/en_ewt/en_ewt-ud-test.conllu" UPOS=95.0 Lemma=96.0 UAS=85.0 LAS=81.0
	if [ -f data/lang/ru/morph/words.dawg ]; then
		floors ru "$ud/ru_gsd/ru_gsd-ud-test.conllu" UPOS=94.0 Case=90.0 Lemma=94.0 UAS=80.0 LAS=72.0
	else
		echo "skip ru: no dictionary in data/lang/ru/morph (tools/install-deps)"
	fi
else
	echo "skip test splits: $ud not found"
fi

# --conllu keeps the lines that are not words and gives one root a sentence
fixture=tests/fixtures/parse/multi.conllu
if [ -f data/lang/en/grammar.model ]; then
	if "$BUILD/dyad" parse --conllu "$fixture" --lang en >"$tmp/out.conllu" 2>"$tmp/out.err"; then
		grep -v '^[0-9]' "$fixture" >"$tmp/kept.want"
		grep -v '^[0-9]' "$tmp/out.conllu" >"$tmp/kept.got"
		cmp -s "$tmp/kept.want" "$tmp/kept.got" && pass || fail "--conllu changed comment lines"
		grep -E '^[0-9]+[-.]' "$fixture" >"$tmp/nonword.want"
		grep -E '^[0-9]+[-.]' "$tmp/out.conllu" >"$tmp/nonword.got"
		cmp -s "$tmp/nonword.want" "$tmp/nonword.got" && pass ||
			fail "--conllu changed multiword or empty-node lines"
		awk -F'\t' '
			/^[0-9]+\t/ { if (NF != 10) bad = 1; if ($7 == "0") roots++; words++ }
			/^$/ { if (words && roots != 1) bad = 1; roots = 0; words = 0 }
			END { exit bad }' "$tmp/out.conllu" && pass ||
			fail "--conllu: a word line without 10 columns or a sentence without one root"
	else
		fail "dyad parse --conllu failed"
		sed 's/^/    /' "$tmp/out.err" | head -n 5
	fi
else
	echo "skip --conllu: data/lang/en/grammar.model not found"
fi

# bad usage and missing files
"$BUILD/dyad" parse --eval >/dev/null 2>&1
[ $? -eq 2 ] && pass || fail "--eval without a file: want exit 2"
"$BUILD/dyad" parse --eval "$fixture" --conllu "$fixture" >/dev/null 2>&1
[ $? -eq 2 ] && pass || fail "--eval with --conllu: want exit 2"
# no arguments: documents from standard input (here none: one empty document)
"$BUILD/dyad" parse </dev/null >"$tmp/empty.out" 2>/dev/null
[ $? -eq 1 ] && [ ! -s "$tmp/empty.out" ] && pass || fail "empty stdin: want exit 1, no output"
"$BUILD/dyad" parse --eval "$tmp/none.conllu" --lang en >/dev/null 2>&1
[ $? -eq 1 ] && pass || fail "missing file: want exit 1"
"$BUILD/dyad" parse --eval "$fixture" --lang xx >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && grep -q 'lang/xx/grammar.model' "$tmp/err" && pass ||
	fail "a language without a model: want exit 1 naming the model"
"$BUILD/dyad" parse --eval "$fixture" >/dev/null 2>&1
[ $? -eq 2 ] && pass || fail "no --lang and a name without one: want exit 2"
"$BUILD/dyad" train --lang en --out "$tmp/m" >/dev/null 2>&1
[ $? -eq 2 ] && pass || fail "train without --train: want exit 2"

echo "RESULT passed=$passed failed=$failed"
[ "$failed" -eq 0 ]
