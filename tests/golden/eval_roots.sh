#!/bin/sh
# dyad eval --by-root and --confusion against a reference computed here in
# Python with score.py's own functions (actor, triples, canon): on what dyad
# extract makes of the dev corpora and of the seeds, every per-root line and
# every cell of the confusion table must agree, the per-root counts must add
# up to the summary's, and the summary line must still be score.py's.
set -u
BUILD=${BUILD:-build}
shared=${DYAD_SHARED:-../shared}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

reference() {
	python3 - "$shared/tools/score.py" "$1" "$2" <<'PYEOF'
import importlib.util, json, os, sys
spec = importlib.util.spec_from_file_location("score", sys.argv[1])
S = importlib.util.module_from_spec(spec); spec.loader.exec_module(S)
gold_dir, out = sys.argv[2], sys.argv[3]
preds = {}
for line in open(out, encoding="utf-8", errors="replace"):
    line = line.strip()
    if line:
        d = json.loads(line)
        preds[os.path.splitext(os.path.basename(str(d.get("path", ""))))[0]] = d
def idx(r):
    return int(r) if len(r) == 2 and r.isdigit() and 1 <= int(r) <= 20 else 0
def same(a, b):
    if a[:2] == b[:2]:
        return True
    return ("04" in (a[2], b[2])) and a[0] == b[1] and a[1] == b[0]
tp = [0] * 21; fp = [0] * 21; fn = [0] * 21
conf = [[0] * 21 for _ in range(21)]
for f in sorted(os.listdir(gold_dir)):
    if not f.endswith(".json"):
        continue
    g = json.load(open(os.path.join(gold_dir, f)))
    d = preds.get(os.path.splitext(g["doc"])[0], {})
    req = {S.canon((S.actor(a), S.actor(b), r)) for a, b, r in g["events_required"]}
    req = {x for x in req if x[0] != x[1]}
    opt = {S.canon((S.actor(a), S.actor(b), r)) for a, b, r in g.get("events_optional", [])}
    got = {S.canon(x) for x in S.triples(d)}
    for t in req:
        (tp if t in got else fn)[idx(t[2])] += 1
        m = [x for x in got if same(t, x)]
        for x in m:
            conf[idx(t[2])][idx(x[2])] += 1
        if not m:
            conf[idx(t[2])][0] += 1
    for x in got - req - opt:
        fp[idx(x[2])] += 1
        if not any(same(t, x) for t in req):
            conf[0][idx(x[2])] += 1
def sh(n, d): return n / d if d else 0.0
print("root tp fp fn P R F1")
for k in range(21):
    if tp[k] or fp[k] or fn[k]:
        p, r = sh(tp[k], tp[k] + fp[k]), sh(tp[k], tp[k] + fn[k])
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{'%02d' % k if k else '-'} {tp[k]} {fp[k]} {fn[k]} {p:.2f} {r:.2f} {f1:.2f}")
print()
cols = [c for c in range(21) if any(conf[k][c] for k in range(21))]
print("%-10s" % "gold\\found" + "".join(" %4s" % ("%02d" % c if c else "-") for c in cols))
for k in range(21):
    if any(conf[k]):
        print("%-10s" % ("%02d" % k if k else "-") + "".join(" %4d" % conf[k][c] for c in cols))
print()
PYEOF
}

# check NAME TEXTS GOLD
check() {
	name=$1 texts=$2 gold=$3
	if [ ! -d "$gold" ]; then
		echo "skip $name: $gold not found"
		return
	fi
	"$BUILD/dyad" extract "$texts"/*.txt >"$tmp/$name.jsonl" 2>/dev/null
	reference "$gold" "$tmp/$name.jsonl" >"$tmp/want.txt"
	python3 "$shared/tools/score.py" "$gold" "$tmp/$name.jsonl" | tail -n 1 >>"$tmp/want.txt"
	"$BUILD/dyad" eval "$gold" --output "$tmp/$name.jsonl" --by-root --confusion >"$tmp/got.txt"
	if cmp -s "$tmp/want.txt" "$tmp/got.txt"; then
		passed=$((passed + 1))
	else
		echo "FAIL $name: dyad eval --by-root --confusion differs from the reference"
		diff "$tmp/want.txt" "$tmp/got.txt" | head -n 20
		failed=$((failed + 1))
	fi
	# the per-root counts add up to the summary's
	sums=$(awk 'NR > 1 && NF == 7 { tp += $2; fp += $3; fn += $4 } /^$/ { exit } END { print tp, fp, fn }' "$tmp/got.txt")
	want=$(python3 "$shared/tools/score.py" "$gold" "$tmp/$name.jsonl" --verbose | python3 -c '
import sys, ast
tp = fp = fn = 0
for l in sys.stdin:
    if l.startswith("# ") and ": events tp=" in l:
        body = l.split(": events ", 1)[1]
        a, rest = body.split(" fp=", 1); b, c = rest.split(" fn=", 1)
        tp += len(ast.literal_eval(a[3:])); fp += len(ast.literal_eval(b)); fn += len(ast.literal_eval(c))
print(tp, fp, fn)')
	if [ "$sums" = "$want" ]; then
		passed=$((passed + 1))
	else
		echo "FAIL $name: per-root sums $sums, score.py $want"
		failed=$((failed + 1))
	fi
}

check seeds "$shared/seeds" "$shared/seeds/gold"
check dev "$shared/corpus/dev/texts" "$shared/corpus/dev/gold"
check dev2 "$shared/corpus/dev2/texts" "$shared/corpus/dev2/gold"
"$BUILD/dyad" eval --help | grep -q -- "--by-root" && "$BUILD/dyad" eval --help | grep -q -- "--confusion"
if [ $? -eq 0 ]; then passed=$((passed + 1)); else echo "FAIL --help does not name --by-root and --confusion"; failed=$((failed + 1)); fi
echo "RESULT passed=$passed failed=$failed"
[ "$failed" -eq 0 ]
