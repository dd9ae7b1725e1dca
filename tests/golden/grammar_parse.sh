#!/bin/sh
# `dyad parse PATH...`: documents as CoNLL-U. The output on two short
# articles written for this test (tests/grammar/article-{en,ru}.txt) must be
# tests/grammar/articles.conllu byte for byte (retraining a model changes
# it: regenerate with
#   build/dyad parse tests/grammar/article-en.txt tests/grammar/article-ru.txt
#     > tests/grammar/articles.conllu
# and read the diff). Then: every word's TokenRange holds its FORM in the
# text, SpaceAfter=No exactly where no space follows, the same documents
# from stdin and from JSON Lines give the same sentences, and the CoNLL-U
# reads back with `dyad parse --conllu`.
set -u
BUILD=${BUILD:-build}
dir=tests/grammar
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { passed=$((passed + 1)); echo "ok     $1"; }
fail() { failed=$((failed + 1)); echo "FAIL   $1"; }

if "$BUILD/dyad" parse "$dir/article-en.txt" "$dir/article-ru.txt" >"$tmp/out.conllu" 2>"$tmp/err"; then
	ok "dyad parse exits 0"
else
	fail "dyad parse exits $?: $(cat "$tmp/err")"
fi
if cmp -s "$tmp/out.conllu" "$dir/articles.conllu"; then
	ok "output is tests/grammar/articles.conllu"
else
	fail "output differs from tests/grammar/articles.conllu:"
	diff "$dir/articles.conllu" "$tmp/out.conllu" | head -20
fi

# TokenRange and SpaceAfter against the text (these articles are already in
# normal form, so the document's text is the file's bytes).
if python3 - "$tmp/out.conllu" "$dir/article-en.txt" "$dir/article-ru.txt" <<'PY'
import re, sys
out, texts = sys.argv[1], [open(p, "rb").read() for p in sys.argv[2:]]
doc, bad, words = -1, 0, 0
for line in open(out, encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("# newdoc id"):
        doc += 1
    if not line or line.startswith("#"):
        continue
    cols = line.split("\t")
    m = re.search(r"TokenRange=(\d+):(\d+)", cols[9])
    a, b = int(m.group(1)), int(m.group(2))
    text = texts[doc]
    if text[a:b].decode() != cols[1]:
        print(f"{cols[0]} {cols[1]!r}: TokenRange {a}:{b} holds {text[a:b]!r}"); bad += 1
    glued = b < len(text) and text[b:b + 1] not in (b" ", b"\n")
    if glued != ("SpaceAfter=No" in cols[9]) and "-" not in cols[0]:
        print(f"{cols[0]} {cols[1]!r}: SpaceAfter wrong"); bad += 1
    words += 1
print(f"{words} lines checked, {bad} wrong")
sys.exit(1 if bad or words < 50 else 0)
PY
then ok "TokenRange holds each FORM, SpaceAfter=No where glued"; else fail "TokenRange / SpaceAfter"; fi

"$BUILD/dyad" parse <"$dir/article-en.txt" | grep -v '^# newdoc\|^# sent_id' >"$tmp/stdin"
"$BUILD/dyad" parse "$dir/article-en.txt" | grep -v '^# newdoc\|^# sent_id' >"$tmp/file"
if [ -s "$tmp/stdin" ] && cmp -s "$tmp/stdin" "$tmp/file"; then
	ok "stdin gives the same analysis as the file"
else
	fail "stdin differs from the file"
fi
python3 -c 'import json,sys; print(json.dumps({"text": open(sys.argv[1]).read(), "url": "http://example.org/a"}))' \
	"$dir/article-ru.txt" >"$tmp/doc.jsonl"
"$BUILD/dyad" parse --format jsonl "$tmp/doc.jsonl" | grep '^# text' >"$tmp/jsonl.text"
"$BUILD/dyad" parse "$dir/article-ru.txt" | grep '^# text' >"$tmp/file.text"
if [ -s "$tmp/jsonl.text" ] && cmp -s "$tmp/jsonl.text" "$tmp/file.text"; then
	ok "JSON Lines gives the same sentences"
else
	fail "JSON Lines sentences differ"
fi
if "$BUILD/dyad" parse --conllu "$tmp/out.conllu" --lang en >"$tmp/again" 2>"$tmp/err2"; then
	ok "the output reads back as CoNLL-U"
else
	fail "the output does not read back: $(head -c 300 "$tmp/err2")"
fi
if "$BUILD/dyad" parse /nonexistent/file.txt >/dev/null 2>"$tmp/err3"; then
	fail "a missing file exits 0"
else
	grep -q nonexistent "$tmp/err3" && ok "a missing file is named and exits non-zero" ||
		fail "a missing file is not named: $(cat "$tmp/err3")"
fi
echo "RESULT passed=$passed failed=$failed"
[ "$failed" -eq 0 ]
