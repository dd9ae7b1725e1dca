#!/bin/sh
# The Russian dictionary (src/kb/morph*.c): load time and memory, lookups
# per second over the forms of the UD Russian treebanks, and how often the
# gold (UPOS, Case, lemma) is among the analyses / first. Not part of check
# (tests/golden/morph.sh asserts coverage floors). Needs the dictionary
# fetched by tools/install-deps and ../shared/ud.
#   sh bench/morph.sh [BUILD]
set -eu
BUILD=${1:-build}
cd "$(dirname "$0")/.."
dict=${DYAD_MORPH_DIR:-data/lang/ru/morph}
ud=../shared/ud
bin="$BUILD/morph-bench"
libs=$(pkg-config --libs sqlite3 gumbo jansson zlib icu-uc icu-i18n libexttextcat 2>/dev/null)
# shellcheck disable=SC2086
cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc \
	-o "$bin" bench/morph.c "$BUILD/libdyad.a" $libs -lstemmer -lm
if [ ! -f "$dict/words.dawg" ]; then
	echo "morph: skipped, no dictionary in $dict (run tools/install-deps)"
	exit 0
fi
"$bin" load "$dict"
if [ -d "$ud/ru_gsd" ] && [ -d "$ud/ru_taiga" ]; then
	"$bin" speed "$dict" "$ud"/ru_gsd/*.conllu "$ud"/ru_taiga/*.conllu
	for tb in ru_gsd ru_taiga; do
		echo "morph coverage, $tb (dev + test):"
		"$bin" coverage "$dict" "$ud/$tb"/*.conllu
	done
else
	echo "morph: speed and coverage skipped, no $ud/ru_gsd and ru_taiga"
fi
