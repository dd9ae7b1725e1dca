/*
 * fuzz_morph.c - libFuzzer target for the Russian dictionary reader: the
 * first byte picks what gets the fuzzer's other bytes: a word form for
 * dyad__morph_analyse on the real dictionary, a DAWG file (loaded, then
 * looked up and walked), or a mapping file (opencorpora-ud.tsv rules for
 * the real tag table).
 *
 * Built and run by `make fuzz` with the other targets (tests/fuzz/run); it
 * needs the dictionary fetched (tools/install-deps, which `make check`
 * runs first).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kb/morph_cand.h"

#define DICT_DIR "data/lang/ru/morph"

static struct dyad__morph *morph;
static char tmp_path[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void write_tmp(const uint8_t *data, size_t size)
{
	if (!tmp_path[0])
		snprintf(tmp_path, sizeof tmp_path, "/tmp/fuzz-morph-%ld", (long)getpid());
	FILE *f = fopen(tmp_path, "wb");
	if (!f)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);
}

static void fuzz_dawg(const uint8_t *data, size_t size)
{
	struct dyad__dawg dawg;
	write_tmp(data, size);
	if (dyad__dawg_load(tmp_path, &dawg, NULL) == DYAD_OK) {
		size_t n = size < 8 ? size : 8;
		uint32_t node = dyad__dawg_follow(&dawg, DYAD__DAWG_ROOT, data, n);
		uint32_t value;
		(void)dyad__dawg_value(&dawg, node, &value);
		struct dyad__dawg_walk walk;
		dyad__dawg_walk_start(&walk, &dawg, DYAD__DAWG_ROOT);
		for (int i = 0; i < 1000 && dyad__dawg_walk_next(&walk); i++)
			;
	}
	dyad__dawg_release(&dawg);
}

static void fuzz_map(const uint8_t *data, size_t size)
{
	struct dyad__morph_map map;
	char err[DYAD_ERRMSG_MAX];
	write_tmp(data, size);
	(void)dyad__morph_map_load(tmp_path, &morph->oc, &map, err);
	dyad__morph_map_release(&map);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!morph) {
		char err[DYAD_ERRMSG_MAX];
		if (dyad__morph_load(DICT_DIR, &morph, err) != DYAD_OK) {
			fprintf(stderr, "fuzz_morph: %s\n", err);
			abort();
		}
	}
	if (size == 0)
		return 0;
	struct dyad__morph_analysis an[DYAD_MORPH_MAX_ANALYSES];
	char lemmas[1024];
	switch (data[0] % 3) {
	case 0:
		(void)dyad__morph_analyse(morph, (const char *)data + 1, size - 1, an,
		                          DYAD_MORPH_MAX_ANALYSES, lemmas, data[0] & 0x80 ? 16 : sizeof lemmas);
		break;
	case 1:
		fuzz_dawg(data + 1, size - 1);
		break;
	default:
		fuzz_map(data + 1, size - 1);
		break;
	}
	return 0;
}
