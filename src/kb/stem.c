/*
 * stem.c - the two matching keys of a word (see stem.h): its Snowball stem,
 * by the stemmer of the word's language and remembered per engine, and its
 * name key, the word less one case ending of the language's
 * name_endings.tsv (see that file for why names need it besides the stem).
 */
#include "kb/stem.h"

#include <libstemmer.h>
#include <pthread.h>
#include <string.h>

#include "core/alloc.h"
#include "kb/engine.h"

#define MIN_NAME_STEM_CHARS 3

/*
 * Snowball costs a couple of thousand instructions a word, and the phrases
 * of the knowledge base repeat their words: the stems of the words seen are
 * remembered, up to a cap, in memory of their own, while the engine loads.
 * Documents reach here only for forms new to the engine's memo (kb/forms.h),
 * which remembers their stems itself: once the engine is open the memo here
 * is only read, so that it does not grow with the documents. A Snowball stemmer
 * keeps state between calls, so the memo and the stemmers are used under
 * one lock: dyad__stem is safe to call from several threads.
 */
#define STEM_CACHE_MAX_WORDS (1u << 16)

struct dyad__stem_cache {
	pthread_mutex_t lock;    /* held for the map and for the stemmers */
	struct dyad_arena arena; /* language + word + stem, NUL-separated */
	int frozen;              /* the engine is open: look up, add nothing */
	struct dyad_hash map;    /* language + word -> index into stems */
	const char **stems;
	uint16_t *stem_lens;
	size_t n;
};

static size_t snowball(const struct dyad__lang *lang, const char *lower, size_t len,
                       char *out, size_t cap)
{
	struct sb_stemmer *stemmer = lang ? lang->stemmer : NULL;
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

/* The memo's answer for the key (language + word), else Snowball's, which
 * the memo then keeps; under c->lock. */
static size_t cached_stem(struct dyad__stem_cache *c, const struct dyad__lang *lang,
                          const char *key, size_t key_len, char *out, size_t cap)
{
	uint32_t i;
	if (dyad_hash_get(&c->map, key, key_len, &i)) {
		size_t n = c->stem_lens[i] < cap ? c->stem_lens[i] : cap - 1;
		memcpy(out, c->stems[i], n);
		out[n] = '\0';
		return n;
	}
	size_t n = snowball(lang, key + 1, key_len - 1, out, cap);
	if (!c->frozen && c->n < STEM_CACHE_MAX_WORDS) {
		char *k = dyad_arena_strndup(&c->arena, key, key_len);
		char *v = dyad_arena_strndup(&c->arena, out, n);
		if (k && v && dyad_hash_put(&c->map, k, key_len, (uint32_t)c->n, NULL, NULL) == DYAD_OK) {
			c->stems[c->n] = v;
			c->stem_lens[c->n] = (uint16_t)n;
			c->n++;
		}
	}
	return n;
}

size_t dyad__stem(const dyad_engine *engine, const struct dyad__lang *lang,
                  const char *lower, size_t len, char *out, size_t cap)
{
	struct dyad__stem_cache *c = engine->stems;
	if (!lang)
		lang = dyad__lang_default(engine);
	char key[DYAD_MAX_WORD_BYTES + 1];
	if (!c)
		return snowball(lang, lower, len, out, cap); /* no engine to share */
	pthread_mutex_lock(&c->lock);
	size_t n;
	if (len >= DYAD_MAX_WORD_BYTES) {
		n = snowball(lang, lower, len, out, cap);
	} else {
		key[0] = (char)('0' + (lang ? lang->index : 0));
		memcpy(key + 1, lower, len);
		n = cached_stem(c, lang, key, len + 1, out, cap);
	}
	pthread_mutex_unlock(&c->lock);
	return n;
}

void dyad__stem_cache_freeze(struct dyad__stem_cache *c)
{
	pthread_mutex_lock(&c->lock);
	c->frozen = 1;
	pthread_mutex_unlock(&c->lock);
}

void dyad__stem_cache_free(struct dyad__stem_cache *c)
{
	if (!c)
		return;
	pthread_mutex_destroy(&c->lock);
	dyad_hash_release(&c->map);
	dyad_arena_release(&c->arena);
	dyad__free(c->stems);
	dyad__free(c->stem_lens);
	dyad__free(c);
}

struct dyad__stem_cache *dyad__stem_cache_new(void)
{
	struct dyad__stem_cache *c = dyad__calloc(1, sizeof *c);
	if (!c)
		return NULL;
	dyad_arena_init(&c->arena, 0);
	dyad_hash_init(&c->map);
	c->stems = dyad__calloc(STEM_CACHE_MAX_WORDS, sizeof *c->stems);
	c->stem_lens = dyad__calloc(STEM_CACHE_MAX_WORDS, sizeof *c->stem_lens);
	if (pthread_mutex_init(&c->lock, NULL) != 0) {
		dyad_hash_release(&c->map);
		dyad__free(c->stems);
		dyad__free(c->stem_lens);
		dyad__free(c);
		return NULL;
	}
	if (!c->stems || !c->stem_lens) {
		dyad__stem_cache_free(c);
		return NULL;
	}
	return c;
}

size_t dyad__name_key_lens(const struct dyad__lang *lang, const char *lower, size_t len,
                           size_t lens[DYAD_MAX_NAME_KEYS])
{
	const struct dyad__name_endings *ne = lang ? &lang->name_endings : NULL;
	size_t n = 0;
	lens[n++] = len;
	if (!ne || !ne->n)
		return n;
	size_t chars = 0;
	for (size_t i = 0; i < len; i++)
		chars += ((unsigned char)lower[i] & 0xC0) != 0x80;
	for (size_t i = 0; i < ne->n && n < DYAD_MAX_NAME_KEYS; i++) {
		size_t k = ne->len[i];
		if (k < len && memcmp(lower + len - k, ne->ending[i], k) == 0 &&
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

size_t dyad__name_stem_len(const struct dyad__lang *lang, const char *lower, size_t len)
{
	const struct dyad__name_endings *ne = lang ? &lang->name_endings : NULL;
	if (!ne || !ne->n)
		return len;
	size_t chars = 0;
	for (size_t i = 0; i < len; i++)
		chars += ((unsigned char)lower[i] & 0xC0) != 0x80;
	for (size_t i = 0; i < ne->n; i++) {
		size_t k = ne->len[i];
		if (k < len && memcmp(lower + len - k, ne->ending[i], k) == 0 &&
		    chars - ne->chars[i] >= MIN_NAME_STEM_CHARS)
			return len - k;
	}
	return len;
}
