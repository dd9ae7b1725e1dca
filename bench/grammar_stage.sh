#!/bin/sh
# The grammar stage's share of extraction: `dyad extract -j 1` on one core
# over a corpus made from examples/ (bench/make_corpus.py, DYAD_BENCH_STAGE_MB,
# default 20 MB), with the engine's models and then with a data folder whose
# languages name no model (lang.tsv key grammar -, the documented fallback:
# no sentence is analysed). Prints MB/s, user CPU seconds and peak memory of
# both, the stage's share of the time, and the sentences and words of the
# corpus per MB as `dyad parse` gives them (every sentence: what the stage
# parses when dyad__grammar_wanted keeps them all). Not part of check.
#   sh bench/grammar_stage.sh [BUILD]
set -eu
BUILD=${1:-build}
cd "$(dirname "$0")/.."
mb=${DYAD_BENCH_STAGE_MB:-20}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 bench/make_corpus.py examples "$tmp/corpus" "$mb" >/dev/null
here=$(pwd)
nogrammar="$tmp/data"
mkdir -p "$nogrammar/lang"
for x in "$here"/data/*; do
	[ "$(basename "$x")" = lang ] || ln -s "$x" "$nogrammar/"
done
cp data/lang/languages.tsv "$nogrammar/lang/"
for l in $(sed -n '/^[a-z][a-z]*$/p' data/lang/languages.tsv | grep -v '^id$'); do
	mkdir "$nogrammar/lang/$l"
	for f in "$here"/data/lang/"$l"/*; do
		[ "$(basename "$f")" = lang.tsv ] || ln -s "$f" "$nogrammar/lang/$l/"
	done
	sed 's/^grammar\t.*/grammar\t-/' "data/lang/$l/lang.tsv" >"$nogrammar/lang/$l/lang.tsv"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared: figures vary)"
python3 - "$BUILD/dyad" "$tmp/corpus" "$nogrammar" <<'PY'
import os, resource, subprocess, sys, time
dyad, corpus, nogrammar = sys.argv[1:]
size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(corpus) for f in fs)
def run(env):
    t = time.perf_counter()
    p = subprocess.Popen([dyad, "extract", "-j", "1", corpus], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, env=env)
    _, status, ru = os.wait4(p.pid, 0)
    return time.perf_counter() - t, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024
with_env = dict(os.environ)
without_env = dict(os.environ, DYAD_DATA=nogrammar)
w, wcpu, wmem = run(with_env)
o, ocpu, omem = run(without_env)
mb = size / 2**20
print(f"grammar stage, extract -j 1 on {mb:.1f} MB:")
print(f"  with the stage:    {w:6.2f} s, {mb / w:5.2f} MB/s, cpu {wcpu:6.2f} s ({mb / wcpu:5.2f} MB/cpu-s), peak {wmem:.1f} MB")
print(f"  without the stage: {o:6.2f} s, {mb / o:5.2f} MB/s, cpu {ocpu:6.2f} s ({mb / ocpu:5.2f} MB/cpu-s), peak {omem:.1f} MB")
print(f"  the stage's share: {100 * (wcpu - ocpu) / wcpu:.0f} % of the cpu time")
p = subprocess.Popen([dyad, "parse", corpus], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
sents = words = 0
for line in p.stdout:
    if line.startswith(b"# text"):
        sents += 1
    elif line[:1].isdigit() and b"-" not in line.split(b"\t", 1)[0]:
        words += 1
p.wait()
print(f"  every sentence (dyad parse): {sents / mb:.0f} sentences and {words / mb:.0f} words per MB")
PY
