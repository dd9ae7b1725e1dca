/*
 * stem.c - the second matching key of a word: lower-cased, with one
 * case ending of data/text/name_endings.tsv removed. See that file for why
 * names need it besides the Snowball stem.
 */
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "kb/engine.h"
#include "kb/tsv.h"

#define MAX_ENDINGS 64
#define MIN_NAME_STEM_CHARS 3

struct dyad__name_endings {
	char *endings[MAX_ENDINGS]; /* longest first, in the engine arena */
	size_t len[MAX_ENDINGS];    /* their bytes */
	size_t chars[MAX_ENDINGS];  /* their letters */
	size_t n;
};

static size_t n_chars(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

static int longer_first(const void *a, const void *b)
{
	size_t la = strlen(*(char *const *)a), lb = strlen(*(char *const *)b);
	return la < lb ? 1 : la > lb ? -1 : 0;
}

dyad_status dyad__name_endings_load(dyad_engine *engine, char *errmsg)
{
	static const char *const cols[] = {"lang", "endings"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, &engine->arena, engine->data_dir, "text/name_endings.tsv", cols, 2,
	                                  errmsg);
	if (st != DYAD_OK)
		return st;
	struct dyad__name_endings *ne = dyad_arena_calloc(&engine->arena, 1, sizeof *ne);
	if (!ne)
		return DYAD_ENOMEM;
	engine->name_endings = ne;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		/* only Cyrillic-script words inflect among the languages we read */
		if (!tsv.fields[0] || strcmp(tsv.fields[0], "ru") != 0)
			return dyad_tsv_error(&tsv, "only \"ru\" endings are used");
		size_t n = dyad_tsv_split(tsv.fields[1], ne->endings, MAX_ENDINGS);
		if (n > MAX_ENDINGS)
			return dyad_tsv_error(&tsv, "more than %d endings", MAX_ENDINGS);
		ne->n = n;
		qsort(ne->endings, n, sizeof ne->endings[0], longer_first);
		for (size_t i = 0; i < n; i++) {
			ne->len[i] = strlen(ne->endings[i]);
			ne->chars[i] = n_chars(ne->endings[i], ne->len[i]);
		}
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}


size_t dyad__name_key_lens(const dyad_engine *engine, int cyrillic,
                           const char *lower, size_t len,
                           size_t lens[DYAD_MAX_NAME_KEYS])
{
	const struct dyad__name_endings *ne = engine->name_endings;
	size_t n = 0;
	lens[n++] = len;
	if (!cyrillic || !ne)
		return n;
	size_t chars = n_chars(lower, len);
	for (size_t i = 0; i < ne->n && n < DYAD_MAX_NAME_KEYS; i++) {
		size_t k = ne->len[i];
		if (k < len && memcmp(lower + len - k, ne->endings[i], k) == 0 &&
		    chars - ne->chars[i] >= MIN_NAME_STEM_CHARS) {
			size_t j;
			for (j = 0; j < n && lens[j] != len - k; j++)
				;
			if (j == n)
				lens[n++] = len - k;
		}
	}
	return n;
}

size_t dyad__name_stem_len(const dyad_engine *engine, int cyrillic,
                           const char *lower, size_t len)
{
	const struct dyad__name_endings *ne = engine->name_endings;
	if (!cyrillic || !ne)
		return len;
	size_t chars = n_chars(lower, len);
	for (size_t i = 0; i < ne->n; i++) {
		size_t k = ne->len[i];
		if (k < len && memcmp(lower + len - k, ne->endings[i], k) == 0 &&
		    chars - ne->chars[i] >= MIN_NAME_STEM_CHARS)
			return len - k;
	}
	return len;
}
