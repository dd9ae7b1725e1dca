#!/bin/sh
# The grammar stage (src/parse/): model load time and memory, words per
# second of CPU time (user + sys, one thread: the machine is shared, wall
# time would count the other jobs) tagged and tagged + parsed over the UD
# treebanks of ../shared/ud (gold tokenisation: the stage alone is timed).
# Not part of check. Needs the committed models (data/lang/*/grammar.model) and, for
# Russian, the dictionary fetched by tools/install-deps.
#   sh bench/grammar.sh [BUILD]
set -eu
BUILD=${1:-build}
cd "$(dirname "$0")/.."
ud=../shared/ud
bin="$BUILD/grammar-bench"
libs=$(pkg-config --libs sqlite3 gumbo jansson zlib icu-uc icu-i18n libexttextcat 2>/dev/null)
# shellcheck disable=SC2086
cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc \
	-o "$bin" bench/grammar.c "$BUILD/libdyad.a" $libs -lstemmer -lm
if [ ! -d "$ud" ]; then
	echo "grammar: skipped, no $ud"
	exit 0
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared: figures vary)"
if [ -f data/lang/en/grammar.model ]; then
	echo "grammar, English (en_ewt train + dev + test):"
	"$bin" data/lang/en/grammar.model "$ud"/en_ewt/*.conllu
fi
if [ -f data/lang/ru/grammar.model ] && [ -f data/lang/ru/morph/words.dawg ]; then
	echo "grammar, Russian (ru_gsd dev + test, ru_taiga dev + test):"
	"$bin" data/lang/ru/grammar.model data/lang/ru/morph "$ud"/ru_gsd/*.conllu "$ud"/ru_taiga/*.conllu
else
	echo "grammar, Russian: skipped (no model or no dictionary)"
fi
