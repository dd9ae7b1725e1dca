#!/bin/sh
# Golden test of 'dyad export' (docs/formats.md): every format over the
# demo articles of examples/ and 300 generated documents (pg_docs.py):
# GDELT 2.0 events and mentions have their 61 and 16 columns with the
# types of the codebook, ICEWS and CSV go through Python's csv module,
# JSON Lines and CSV are the listing's own bytes, GraphML and GEXF parse
# with xml.etree (and NetworkX when Debian's python3-networkx is there)
# and their counts add up; filters and failures behave as in 'dyad
# events'; memory does not grow with the rows.
#   BUILD=build sh tests/golden/export.sh
set -u
BUILD=${BUILD:-build}
DYAD="$BUILD/dyad"
case $DYAD in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
here=$(cd "$(dirname "$0")" && pwd)
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() { # description command...
	what=$1; shift
	if "$@"; then ok; else fail "$what"; fi
}

db="$tmp/e.db"
python3 "$here/pg_docs.py" 300 >"$tmp/gen.jsonl"
"$DYAD" ingest --db "$db" examples "$tmp/gen.jsonl" 2>"$tmp/ingest.err"
check "ingest ($(cat "$tmp/ingest.err"))" [ $? -eq 0 ]

for f in gdelt gdelt-mentions icews csv jsonl graphml gexf; do
	"$DYAD" export --db "$db" --format "$f" -o "$tmp/out.$f" 2>"$tmp/err.$f"
	check "export --format $f exits 0 ($(cat "$tmp/err.$f"))" [ $? -eq 0 ]
done
"$DYAD" events --db "$db" --format jsonl >"$tmp/events.jsonl"
"$DYAD" events --db "$db" --format csv >"$tmp/events.csv"
check "jsonl is the listing's" cmp -s "$tmp/events.jsonl" "$tmp/out.jsonl"
check "csv is the listing's" cmp -s "$tmp/events.csv" "$tmp/out.csv"
"$DYAD" export --db "$db" --format gdelt >"$tmp/stdout.gdelt"
check "stdout and -o agree" cmp -s "$tmp/stdout.gdelt" "$tmp/out.gdelt"

# Columns and types, in Python: one line of output per failed check.
python3 - "$tmp" <<'PY' >"$tmp/py.out" 2>&1
import csv, json, re, sys
import xml.etree.ElementTree as ET
d = sys.argv[1]
bad = []
def need(cond, what):
    print(("ok " if cond else "FAIL ") + what)
events = [json.loads(l) for l in open(d + "/out.jsonl", encoding="utf-8")]
n = len(events)
need(n > 300, "more than 300 events (%d)" % n)
INT, DATE8 = re.compile(r"-?[0-9]+$"), re.compile(r"[0-9]{8}$")
FLOAT = re.compile(r"-?[0-9]+\.[0-9]+$")
with open(d + "/out.gdelt", newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
need(len(rows) == n, "gdelt: one row per event (%d, %d)" % (len(rows), n))
need(all(len(r) == 61 for r in rows), "gdelt: 61 columns in every row")
def col_ok(rows, i, pat, empty_ok=True):
    return all((r[i] == "" and empty_ok) or pat.match(r[i]) for r in rows)
need(col_ok(rows, 0, INT, False), "gdelt: GLOBALEVENTID integer")
need(len({r[0] for r in rows}) == n, "gdelt: GLOBALEVENTID unique")
need(col_ok(rows, 1, DATE8), "gdelt: SQLDATE YYYYMMDD")
need(col_ok(rows, 2, re.compile(r"[0-9]{6}$")), "gdelt: MonthYear YYYYMM")
need(col_ok(rows, 3, re.compile(r"[0-9]{4}$")), "gdelt: Year")
need(col_ok(rows, 4, FLOAT), "gdelt: FractionDate")
need(col_ok(rows, 26, re.compile(r"[0-9]{2,4}$"), False), "gdelt: EventCode")
need(all(r[26].startswith(r[28]) and r[26].startswith(r[27]) for r in rows),
     "gdelt: EventCode starts with EventBaseCode and EventRootCode")
need(all(r[29] in "1234" and r[29] for r in rows), "gdelt: QuadClass 1..4")
need(col_ok(rows, 30, FLOAT, False), "gdelt: GoldsteinScale")
need(all(INT.match(r[i]) for r in rows for i in (31, 32, 33)), "gdelt: counts")
for base, name in ((35, "Actor1Geo"), (43, "Actor2Geo"), (51, "ActionGeo")):
    need(col_ok(rows, base, re.compile(r"[14]$")), name + "_Type 1 or 4")
    need(col_ok(rows, base + 5, FLOAT) and col_ok(rows, base + 6, FLOAT),
         name + " Lat/Long")
need(any(r[56] for r in rows), "gdelt: some ActionGeo has coordinates")
need(col_ok(rows, 59, re.compile(r"[0-9]{14}$")), "gdelt: DATEADDED")
need(all(r[60] for r in rows), "gdelt: SOURCEURL")
ids = {r[0] for r in rows}
with open(d + "/out.gdelt-mentions", newline="", encoding="utf-8") as f:
    men = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
need(len(men) == n and all(len(r) == 16 for r in men), "mentions: 16 columns, one per event")
need({r[0] for r in men} == ids, "mentions: the events' ids")
need(all(INT.match(r[i]) for r in men for i in (7, 8, 9, 12)), "mentions: offsets, doc length")
need(all(r[9] != "-1" for r in men), "mentions: ActionCharOffset found")
with open(d + "/out.icews", newline="", encoding="utf-8") as f:
    ic = list(csv.reader(f))
head = ["Event ID", "Event Date", "Source Name", "Source Sector", "Source Country",
        "Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors",
        "Target Country", "Story ID", "Sentence Number", "Publisher", "City",
        "Latitude", "Longitude"]
need(ic[0] == head, "icews: header")
need(len(ic) == n + 1 and all(len(r) == 17 for r in ic), "icews: 17 columns, one row per event")
need({r[0] for r in ic[1:]} == ids, "icews: Event ID is GLOBALEVENTID")
need(all(re.match(r"[0-9]{4}-[0-9]{2}-[0-9]{2}$", r[1]) for r in ic[1:] if r[1]), "icews: dates")
need(all(r[5] for r in ic[1:]), "icews: Event Text named")
need(col_ok(ic[1:], 15, FLOAT) and col_ok(ic[1:], 16, FLOAT), "icews: coordinates")
with open(d + "/out.csv", newline="", encoding="utf-8") as f:
    cs = list(csv.reader(f))
need(len(cs) == n + 1 and len({len(r) for r in cs}) == 1, "csv: rectangular, one row per event")
# Round trips: what the csv module reads, it writes back byte for byte.
import io
def round_trip(path, **fmt):
    raw = open(path, newline="", encoding="utf-8").read()
    out = io.StringIO()
    csv.writer(out, **fmt).writerows(csv.reader(io.StringIO(raw, newline=""), **{k: v for k, v in fmt.items() if k != "lineterminator"}))
    return out.getvalue() == raw
need(round_trip(d + "/out.icews", lineterminator="\r\n"), "icews: csv round trip, byte for byte")
need(round_trip(d + "/out.csv", lineterminator="\r\n"), "csv: csv round trip, byte for byte")
need(round_trip(d + "/out.gdelt", delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n"),
     "gdelt: csv round trip (TAB, no quoting), byte for byte")
def graph(path, gexf):
    root = ET.parse(path).getroot()
    ns = {"g": root.tag[1:].split("}")[0]}
    if gexf:
        nodes = {x.get("id") for x in root.iter("{%s}node" % ns["g"])}
        edges = []
        for e in root.iter("{%s}edge" % ns["g"]):
            att = {a.get("for"): a.get("value") for a in e.iter("{%s}attvalue" % ns["g"])}
            edges.append((e.get("source"), e.get("target"), int(e.get("weight")), att))
        return nodes, edges
    nodes = {x.get("id")[1:] for x in root.iter("{%s}node" % ns["g"])}
    edges = []
    for e in root.iter("{%s}edge" % ns["g"]):
        att = {a.get("key"): a.text for a in e.iter("{%s}data" % ns["g"])}
        edges.append((e.get("source")[1:], e.get("target")[1:], int(float(att["weight"])), att))
    return nodes, edges
gn, ge = graph(d + "/out.graphml", 0)
xn, xe = graph(d + "/out.gexf", 1)
need(len(gn) > 5 and len(ge) > 5, "graphml: nodes and edges (%d, %d)" % (len(gn), len(ge)))
need(all(s in gn and t in gn for s, t, _, _ in ge), "graphml: edges join written nodes")
need(all(w == sum(int(a["quad%d" % q]) for q in range(1, 5)) ==
         sum(int(a["root%02d" % r]) for r in range(1, 21)) for _, _, w, a in ge),
     "graphml: weight = sum per QuadClass = sum per root")
need(len({(s, t) for s, t, _, _ in ge}) == len(ge), "graphml: one edge per pair")
need(gn == xn and sorted(e[:3] for e in ge) == sorted(e[:3] for e in xe),
     "gexf: the same graph as graphml")
PY
while read -r verdict what; do
	if [ "$verdict" = ok ]; then ok; else fail "$what"; fi
done <"$tmp/py.out"
check "the Python checks ran" grep -q "gexf: the same graph" "$tmp/py.out"

if /usr/bin/python3 -c 'import networkx' 2>/dev/null; then
	/usr/bin/python3 - "$tmp" >"$tmp/nx.out" 2>&1 <<'PY'
import sys
import networkx as nx
d = sys.argv[1]
g = nx.read_graphml(d + "/out.graphml")
x = nx.read_gexf(d + "/out.gexf")
assert g.number_of_nodes() == x.number_of_nodes() > 0, "nodes"
assert g.number_of_edges() == x.number_of_edges() > 0, "edges"
assert all(isinstance(a["weight"], float) for _, _, a in g.edges(data=True)), "weights"
assert all("kind" in a for _, a in g.nodes(data=True)), "kinds"
print("networkx ok", g.number_of_nodes(), g.number_of_edges())
PY
	check "NetworkX reads GraphML and GEXF ($(tail -n 1 "$tmp/nx.out"))" grep -q "networkx ok" "$tmp/nx.out"
else
	echo "networkx: Debian's python3-networkx is not installed; xml.etree checks only"
fi

# The events' confidence (0..1) goes into GDELT's Confidence (percent);
# events stored before the column existed (NULL) leave it empty.
cp "$db" "$tmp/conf.db"
sqlite3 "$tmp/conf.db" "UPDATE events SET confidence = 0.8;"
"$DYAD" export --db "$tmp/conf.db" --format gdelt-mentions --limit 3 >"$tmp/conf.tsv"
check "confidence 0.8 is Confidence 80" sh -c "[ \"\$(cut -f12 '$tmp/conf.tsv' | sort -u)\" = 80 ]"
sqlite3 "$tmp/conf.db" "UPDATE events SET confidence = NULL;"
"$DYAD" export --db "$tmp/conf.db" --format gdelt-mentions --limit 3 >"$tmp/conf-null.tsv"
check "no confidence stored: Confidence empty" sh -c "[ -z \"\$(cut -f12 '$tmp/conf-null.tsv' | sort -u)\" ]"
# --min-confidence is the listing's filter: half the events at 0.3, and
# only the others pass 0.5 (an event stored without one passes any).
cp "$db" "$tmp/conf2.db"
sqlite3 "$tmp/conf2.db" "UPDATE events SET confidence = CASE WHEN rowid % 2 THEN 0.3 ELSE 0.9 END;"
high=$(sqlite3 "$tmp/conf2.db" "SELECT count(*) FROM events WHERE confidence >= 0.5")
"$DYAD" export --db "$tmp/conf2.db" --format csv --min-confidence 0.5 >"$tmp/conf2.csv"
"$DYAD" events --db "$tmp/conf2.db" --format csv --min-confidence 0.5 >"$tmp/conf2-events.csv"
check "--min-confidence 0.5: the $high events of 0.9" [ "$(($(wc -l <"$tmp/conf2.csv") - 1))" -eq "$high" ]
check "--min-confidence: export is the listing's" cmp -s "$tmp/conf2.csv" "$tmp/conf2-events.csv"
"$DYAD" export --db "$db" --format csv --min-confidence 2 >/dev/null 2>&1
check "--min-confidence 2: exit 2" [ $? -eq 2 ]

# Filters are the listing's.
"$DYAD" export --db "$db" --format gdelt --code 04 --limit 5 >"$tmp/f.gdelt"
check "--code 04 --limit 5: five rows" [ "$(wc -l <"$tmp/f.gdelt")" -eq 5 ]
check "--code 04: root 04 only" sh -c "! cut -f29 '$tmp/f.gdelt' | grep -v '^04\$'"
"$DYAD" export --db "$db" --format graphml --country KAZ >"$tmp/f.graphml"
check "graphml with a filter parses" python3 -c "import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])" "$tmp/f.graphml"
check "graphml with a filter is smaller" [ "$(wc -c <"$tmp/f.graphml")" -lt "$(wc -c <"$tmp/out.graphml")" ]

# Failures.
"$DYAD" export --db "$db" --format nosuch >/dev/null 2>&1
check "unknown format: exit 2" [ $? -eq 2 ]
"$DYAD" export --db "$db" >/dev/null 2>&1
check "no format: exit 2" [ $? -eq 2 ]
"$DYAD" export --db "$db" --format gdelt --since 2024-02-30 >/dev/null 2>&1
check "bad date: exit 2" [ $? -eq 2 ]
"$DYAD" export --db "$tmp/none.db" --format gdelt >/dev/null 2>&1
check "no such database: exit 1" [ $? -eq 1 ]
"$DYAD" export --db "$db" --format gdelt -o "$tmp/no/such/dir/x" >/dev/null 2>&1
check "unwritable output: exit 1" [ $? -eq 1 ]
if [ -w /dev/full ]; then
	"$DYAD" export --db "$db" --format icews -o /dev/full >/dev/null 2>&1
	check "full disk: exit 1" [ $? -eq 1 ]
fi

# Streams: the peak memory of an export of 8 times the rows stays put.
python3 "$here/pg_docs.py" 2400 99 >"$tmp/big.jsonl"
"$DYAD" ingest --db "$tmp/big.db" "$tmp/big.jsonl" 2>/dev/null
for f in gdelt graphml; do
	small=$(/usr/bin/time -f %M "$DYAD" export --db "$db" --format $f 2>&1 >/dev/null | tail -n 1)
	big=$(/usr/bin/time -f %M "$DYAD" export --db "$tmp/big.db" --format $f 2>&1 >/dev/null | tail -n 1)
	echo "$f: peak memory ${small} KB (300 documents), ${big} KB (2400)"
	check "$f: peak memory ${small} KB for 300 documents, ${big} KB for 2400" \
		[ "$big" -lt $((small + small / 4 + 4096)) ]
done

echo "RESULT passed=$passed failed=$failed"
[ "$failed" -eq 0 ]
