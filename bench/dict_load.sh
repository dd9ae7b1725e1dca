#!/bin/sh
# Load time of a generated 60,000-line TABARI/PETRARCH actors dictionary
# (bench/dict_load.c, linked against the built library). Not part of check.
#   sh bench/dict_load.sh [BUILD]
set -eu
BUILD=${1:-build}
cd "$(dirname "$0")/.."
out=$(mktemp)
trap 'rm -f "$out"' EXIT
libs=$(pkg-config --libs sqlite3 gumbo jansson zlib icu-uc icu-i18n libexttextcat 2>/dev/null)
# shellcheck disable=SC2086
cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude \
	-o "$out" bench/dict_load.c "$BUILD/libdyad.a" $libs -lstemmer -lm
"$out"
