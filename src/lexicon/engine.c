/*
 * engine.c - opening and closing the knowledge base (see engine.h and the
 * dyad_engine_* functions of dyad.h).
 */
#include "lexicon/engine.h"

#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/alloc.h"
#include "core/utf8.h"

#ifndef DYAD_SOURCE_DATA
#define DYAD_SOURCE_DATA "data"
#endif
#ifndef DYAD_PREFIX_DATA
#define DYAD_PREFIX_DATA "/usr/local/share/dyad"
#endif

/* The marker file that tells a data folder from any other folder. */
#define DATA_MARKER "cameo/events.tsv"

static int is_data_dir(const char *dir)
{
	char path[DYAD_ERRMSG_MAX];
	struct stat st;
	int n = snprintf(path, sizeof path, "%s/%s", dir, DATA_MARKER);
	return n > 0 && (size_t)n < sizeof path && stat(path, &st) == 0;
}

static const char *find_data_dir(void)
{
	const char *env = getenv("DYAD_DATA");
	if (env && *env)
		return env; /* explicit: use it even if wrong, and say so */
	if (is_data_dir(DYAD_SOURCE_DATA))
		return DYAD_SOURCE_DATA;
	return DYAD_PREFIX_DATA;
}

/*
 * Snowball costs a couple of thousand instructions a word, and news repeats
 * its words: the stems of the words seen are remembered, up to a cap, in
 * memory of their own (the engine is used by one thread at a time).
 */
#define STEM_CACHE_MAX_WORDS (1u << 18)

struct dyad__stem_cache {
	struct dyad_arena arena; /* "ru" flag + word + stem, NUL-separated */
	struct dyad_hash map;    /* flag + word -> index into stems */
	const char **stems;
	uint16_t *stem_lens;
	size_t n;
};

static size_t snowball(const dyad_engine *engine, int ru, const char *lower,
                       size_t len, char *out, size_t cap)
{
	struct sb_stemmer *stemmer = ru ? engine->stem_ru : engine->stem_en;
	const sb_symbol *stem = NULL;
	int n = 0;
	if (stemmer && len < DYAD_MAX_WORD_BYTES) {
		stem = sb_stemmer_stem(stemmer, (const sb_symbol *)lower, (int)len);
		n = sb_stemmer_length(stemmer);
	}
	if (!stem || n <= 0) {
		stem = (const sb_symbol *)lower;
		n = (int)len;
	}
	size_t w = (size_t)n < cap ? (size_t)n : cap - 1;
	memcpy(out, stem, w);
	out[w] = '\0';
	return w;
}

size_t dyad__stem(const dyad_engine *engine, int ru, const char *lower,
                  size_t len, char *out, size_t cap)
{
	struct dyad__stem_cache *c = engine->stems;
	char key[DYAD_MAX_WORD_BYTES + 1];
	if (!c || len >= DYAD_MAX_WORD_BYTES)
		return snowball(engine, ru, lower, len, out, cap);
	key[0] = ru ? 'r' : 'e';
	memcpy(key + 1, lower, len);
	uint32_t i;
	if (dyad_hash_get(&c->map, key, len + 1, &i)) {
		size_t n = c->stem_lens[i] < cap ? c->stem_lens[i] : cap - 1;
		memcpy(out, c->stems[i], n);
		out[n] = '\0';
		return n;
	}
	size_t n = snowball(engine, ru, lower, len, out, cap);
	if (c->n < STEM_CACHE_MAX_WORDS) {
		char *k = dyad_arena_strndup(&c->arena, key, len + 1);
		char *v = dyad_arena_strndup(&c->arena, out, n);
		if (k && v && dyad_hash_put(&c->map, k, len + 1, (uint32_t)c->n, NULL, NULL) == DYAD_OK) {
			c->stems[c->n] = v;
			c->stem_lens[c->n] = (uint16_t)n;
			c->n++;
		}
	}
	return n;
}

static void stem_cache_free(struct dyad__stem_cache *c)
{
	if (!c)
		return;
	dyad_hash_release(&c->map);
	dyad_arena_release(&c->arena);
	dyad__free(c->stems);
	dyad__free(c->stem_lens);
	dyad__free(c);
}

static struct dyad__stem_cache *stem_cache_new(void)
{
	struct dyad__stem_cache *c = dyad__calloc(1, sizeof *c);
	if (!c)
		return NULL;
	dyad_arena_init(&c->arena, 0);
	dyad_hash_init(&c->map);
	c->stems = dyad__calloc(STEM_CACHE_MAX_WORDS, sizeof *c->stems);
	c->stem_lens = dyad__calloc(STEM_CACHE_MAX_WORDS, sizeof *c->stem_lens);
	if (!c->stems || !c->stem_lens) {
		stem_cache_free(c);
		return NULL;
	}
	return c;
}

void dyad_engine_free(dyad_engine *engine)
{
	if (!engine)
		return;
	dyad__amounts_free(engine->amounts);
	dyad__html_lexicon_free(engine->html);
	dyad__verbs_free(engine->verbs);
	dyad__gazetteer_free(engine->gaz);
	dyad__meta_lexicon_free(engine->meta);
	stem_cache_free(engine->stems);
	dyad_hash_release(&engine->cameo.by_code);
	dyad_hash_release(&engine->abbrev);
	if (engine->stem_en)
		sb_stemmer_delete(engine->stem_en);
	if (engine->stem_ru)
		sb_stemmer_delete(engine->stem_ru);
	dyad_arena_release(&engine->arena);
	dyad__free(engine);
}

const char *dyad_engine_data_dir(const dyad_engine *engine)
{
	return engine->data_dir;
}

dyad_status dyad_engine_open(const char *data_dir, dyad_engine **out,
                             char *errmsg)
{
	char scratch[DYAD_ERRMSG_MAX];
	if (!errmsg)
		errmsg = scratch;
	errmsg[0] = '\0';
	*out = NULL;
	dyad_engine *engine = dyad__calloc(1, sizeof *engine);
	if (!engine)
		return DYAD_ENOMEM;
	dyad_arena_init(&engine->arena, 0);
	dyad_hash_init(&engine->abbrev);
	dyad_hash_init(&engine->cameo.by_code);
	dyad_status st = DYAD_ENOMEM;
	if (!data_dir)
		data_dir = find_data_dir();
	engine->data_dir = dyad_arena_strdup(&engine->arena, data_dir);
	if (!engine->data_dir)
		goto fail;
	if (!is_data_dir(data_dir)) {
		snprintf(errmsg, DYAD_ERRMSG_MAX,
		         "%s: not a dyad data folder (no %s); set DYAD_DATA", data_dir,
		         DATA_MARKER);
		st = DYAD_ENOENT;
		goto fail;
	}
	engine->stem_en = sb_stemmer_new("english", "UTF_8");
	engine->stem_ru = sb_stemmer_new("russian", "UTF_8");
	if (!engine->stem_en || !engine->stem_ru)
		goto fail;
	engine->stems = stem_cache_new();
	if (!engine->stems)
		goto fail;
	if ((st = dyad__cameo_load(engine, errmsg)) != DYAD_OK ||
	    (st = dyad__abbrev_load(engine, errmsg)) != DYAD_OK ||
	    (st = dyad__name_endings_load(engine, errmsg)) != DYAD_OK ||
	    (st = dyad__meta_lexicon_load(engine, errmsg)) != DYAD_OK ||
	    (st = dyad__gazetteer_load(engine, errmsg)) != DYAD_OK ||
	    (st = dyad__verbs_load(engine, errmsg)) != DYAD_OK ||
	    (st = dyad__amounts_load(engine, errmsg)) != DYAD_OK ||
	    (st = dyad__html_lexicon_load(engine, errmsg)) != DYAD_OK)
		goto fail;
	*out = engine;
	return DYAD_OK;
fail:
	if (!errmsg[0])
		snprintf(errmsg, DYAD_ERRMSG_MAX, "loading knowledge from %s: %s",
		         data_dir, dyad_strerror(st));
	dyad_engine_free(engine);
	return st;
}
