/*
 * html.c - the reader of data/html/: the words, tags and attributes the HTML
 * extractor weighs, and the look-ups into them (see html.h). Weighing an
 * element of a page with them is read/html_evidence.c's business.
 */
#include "kb/html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/utf8.h"
#include "core/vec.h"
#include "kb/engine.h"
#include "kb/tsv.h"

#define TAGS_FILE "html/tags.tsv"
#define WORDS_FILE "html/words.tsv"
#define ATTRS_FILE "html/attrs.tsv"
#define BYLINES_FILE "html/bylines.tsv"
#define WORD_MAX DYAD_HTML_WORD_MAX
/* Shortest prefix or suffix entry ("ad*" would match every "add..."). */
#define AFFIX_MIN 3
#define ATTR_KEY_MAX DYAD_HTML_ATTR_KEY_MAX

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* weight field: an integer in -100..100 */
static int parse_weight(struct dyad_tsv *tsv, const char *s, int *out)
{
	char *end = NULL;
	long v = s ? strtol(s, &end, 10) : 0;
	if (!s || *end || v < -DYAD_HTML_EVIDENCE_MAX || v > DYAD_HTML_EVIDENCE_MAX) {
		dyad_tsv_error(tsv, "\"%s\": weight must be an integer from -%d to %d",
		               s ? s : "-", DYAD_HTML_EVIDENCE_MAX, DYAD_HTML_EVIDENCE_MAX);
		return 0;
	}
	*out = (int)v;
	return 1;
}

static int valid_kind(const char *kind)
{
	static const char *const kinds[] = {
		"content", "navigation", "related", "social", "comment", "consent",
		"ad", "caption", "byline", "meta", "widget", "hidden",
	};
	for (size_t k = 0; kind && k < sizeof kinds / sizeof kinds[0]; k++)
		if (strcmp(kind, kinds[k]) == 0)
			return 1;
	return 0;
}

static dyad_status put_unique(struct dyad_tsv *tsv, struct dyad_hash *map,
                              const char *key, size_t len, uint32_t value)
{
	int existed = 0;
	if (dyad_hash_put(map, key, len, value, &existed, NULL) != DYAD_OK)
		return DYAD_ENOMEM;
	if (existed)
		return dyad_tsv_error(tsv, "\"%.*s\" is listed twice", (int)len, key);
	return DYAD_OK;
}

static dyad_status load_tags(struct dyad__html_lexicon *lex,
                             struct dyad_arena *arena, const char *dir,
                             char *errmsg)
{
	static const char *const cols[] = {"tag", "kind", "weight"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, arena, dir, TAGS_FILE, cols, 3, errmsg);
	if (st != DYAD_OK)
		return st;
	unsigned char seen[GUMBO_TAG_LAST + 1] = {0};
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		const char *name = tsv.fields[0], *kind = tsv.fields[1];
		GumboTag tag = name ? gumbo_tag_enum(name) : GUMBO_TAG_UNKNOWN;
		if (tag == GUMBO_TAG_UNKNOWN || tag >= GUMBO_TAG_LAST)
			return dyad_tsv_error(&tsv, "\"%s\": not an HTML element", name ? name : "-");
		if (seen[tag]++)
			return dyad_tsv_error(&tsv, "\"%s\" is listed twice", name);
		int w;
		if (!parse_weight(&tsv, tsv.fields[2], &w))
			return DYAD_EDATA;
		if (kind && strcmp(kind, "skip") == 0)
			lex->tag_kind[tag] = DYAD_HTML_TAG_SKIP;
		else if (!kind || strcmp(kind, "text") != 0)
			return dyad_tsv_error(&tsv, "\"%s\": kind must be skip or text",
			                      kind ? kind : "-");
		lex->tag_weight[tag] = (signed char)w;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

/* A word entry: lower-case letters and digits, one '*' at either end. */
static dyad_status add_word(struct dyad__html_lexicon *lex, struct dyad_tsv *tsv,
                            char *word, int weight)
{
	size_t len = strlen(word);
	struct dyad_hash *map = &lex->words;
	if (len && word[len - 1] == '*') {
		map = &lex->prefixes;
		word[--len] = '\0';
	} else if (len && word[0] == '*') {
		map = &lex->suffixes;
		word++;
		len--;
	}
	for (size_t i = 0; i < len; i++)
		if (!((word[i] >= 'a' && word[i] <= 'z') || is_digit(word[i])))
			return dyad_tsv_error(tsv, "\"%s\": a word is lower-case letters "
			                      "and digits, with '*' at one end", tsv->fields[0]);
	if (len == 0 || len > WORD_MAX || (map != &lex->words && len < AFFIX_MIN))
		return dyad_tsv_error(tsv, "\"%s\": too short or too long", tsv->fields[0]);
	if (map != &lex->words && len > lex->longest_affix)
		lex->longest_affix = len;
	return put_unique(tsv, map, word, len, (uint32_t)(weight + DYAD_HTML_EVIDENCE_MAX));
}

static dyad_status load_words(struct dyad__html_lexicon *lex,
                              struct dyad_arena *arena, const char *dir,
                              char *errmsg)
{
	static const char *const cols[] = {"word", "weight", "kind"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, arena, dir, WORDS_FILE, cols, 3, errmsg);
	if (st != DYAD_OK)
		return st;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		int w;
		if (!tsv.fields[0])
			return dyad_tsv_error(&tsv, "word is missing");
		if (!parse_weight(&tsv, tsv.fields[1], &w))
			return DYAD_EDATA;
		if (!valid_kind(tsv.fields[2]))
			return dyad_tsv_error(&tsv, "\"%s\": unknown kind (see the header)",
			                      tsv.fields[2] ? tsv.fields[2] : "-");
		char *word = dyad_arena_strdup(arena, tsv.fields[0]);
		if (!word)
			return DYAD_ENOMEM;
		if ((st = add_word(lex, &tsv, word, w)) != DYAD_OK)
			return st;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

static dyad_status load_attrs(struct dyad__html_lexicon *lex,
                              struct dyad_arena *arena, const char *dir,
                              char *errmsg)
{
	static const char *const cols[] = {"attribute", "value", "weight", "kind"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, arena, dir, ATTRS_FILE, cols, 4, errmsg);
	if (st != DYAD_OK)
		return st;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		const char *a = tsv.fields[0], *v = tsv.fields[1];
		if (!a || (strcmp(a, "role") && strcmp(a, "itemprop") && strcmp(a, "itemtype")))
			return dyad_tsv_error(&tsv, "\"%s\": attribute must be role, itemprop "
			                      "or itemtype", a ? a : "-");
		char lower[ATTR_KEY_MAX];
		if (!v || dyad_utf8_lower(v, strlen(v), lower, sizeof lower) + 1 >= sizeof lower ||
		    strcmp(lower, v) != 0)
			return dyad_tsv_error(&tsv, "\"%s\": write the value in lower case",
			                      v ? v : "-");
		int w;
		if (!parse_weight(&tsv, tsv.fields[2], &w))
			return DYAD_EDATA;
		if (!valid_kind(tsv.fields[3]))
			return dyad_tsv_error(&tsv, "\"%s\": unknown kind (see the header)",
			                      tsv.fields[3] ? tsv.fields[3] : "-");
		size_t len = strlen(a) + 1 + strlen(v);
		char *key = dyad_arena_alloc(arena, len + 1);
		if (!key)
			return DYAD_ENOMEM;
		snprintf(key, len + 1, "%s=%s", a, v);
		if ((st = put_unique(&tsv, &lex->attrs, key, len,
		                     (uint32_t)(w + DYAD_HTML_EVIDENCE_MAX))) != DYAD_OK)
			return st;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

static dyad_status load_bylines(struct dyad__html_lexicon *lex,
                                struct dyad_arena *arena, const char *dir,
                                char *errmsg)
{
	static const char *const cols[] = {"kind", "lang", "word"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, arena, dir, BYLINES_FILE, cols, 3, errmsg);
	if (st != DYAD_OK)
		return st;
	size_t alloc = 0;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		const char *kind = tsv.fields[0], *word = tsv.fields[2];
		char lower[WORD_MAX + 1];
		if (!word || dyad_utf8_lower(word, strlen(word), lower, sizeof lower) + 1 >=
		             sizeof lower || strcmp(lower, word) != 0)
			return dyad_tsv_error(&tsv, "\"%s\": write the word in lower case",
			                      word ? word : "-");
		static const char *const kinds[] = {"title", "stop", "joiner"};
		uint32_t k = 0;
		while (k < 3 && !(kind && strcmp(kind, kinds[k]) == 0))
			k++;
		if (k < 3) {
			st = put_unique(&tsv, &lex->byline_words, word, strlen(word),
			                k + DYAD_HTML_BYLINE_TITLE);
			if (st != DYAD_OK)
				return st;
		} else if (kind && strcmp(kind, "prefix") == 0) {
			const char **slot = DYAD_VEC_PUSH(&lex->byline_prefixes,
			                                  &lex->n_byline_prefixes, &alloc);
			if (!slot)
				return DYAD_ENOMEM;
			*slot = word;
		} else {
			return dyad_tsv_error(&tsv, "\"%s\": kind must be prefix, title, stop "
			                      "or joiner", kind ? kind : "-");
		}
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

void dyad__html_lexicon_free(struct dyad__html_lexicon *lex)
{
	if (!lex)
		return;
	dyad_hash_release(&lex->words);
	dyad_hash_release(&lex->prefixes);
	dyad_hash_release(&lex->suffixes);
	dyad_hash_release(&lex->attrs);
	dyad_hash_release(&lex->byline_words);
	dyad__free(lex->byline_prefixes);
	dyad__free(lex);
}

dyad_status dyad__html_lexicon_load(dyad_engine *engine, char *errmsg)
{
	engine->html = NULL;
	struct dyad__html_lexicon *lex = dyad__calloc(1, sizeof *lex);
	if (!lex)
		return DYAD_ENOMEM;
	dyad_hash_init(&lex->words);
	dyad_hash_init(&lex->prefixes);
	dyad_hash_init(&lex->suffixes);
	dyad_hash_init(&lex->attrs);
	dyad_hash_init(&lex->byline_words);
	const char *dir = engine->data_dir;
	struct dyad_arena *arena = &engine->arena;
	dyad_status st;
	if ((st = load_tags(lex, arena, dir, errmsg)) != DYAD_OK ||
	    (st = load_words(lex, arena, dir, errmsg)) != DYAD_OK ||
	    (st = load_attrs(lex, arena, dir, errmsg)) != DYAD_OK ||
	    (st = load_bylines(lex, arena, dir, errmsg)) != DYAD_OK) {
		dyad__html_lexicon_free(lex);
		return st;
	}
	engine->html = lex;
	return DYAD_OK;
}

const struct dyad__html_lexicon *dyad__html_lexicon(const dyad_engine *engine)
{
	return engine ? engine->html : NULL;
}


/* ---- look-ups ------------------------------------------------------------ */

/* The weight of one lower-case word, or 0: whole word, else its longest
 * listed prefix, else its longest listed suffix (an affix entry matches the
 * word itself too). */
int dyad__html_word_weight(const struct dyad__html_lexicon *lex, const char *w, size_t len)
{
	uint32_t v;
	if (dyad_hash_get(&lex->words, w, len, &v))
		return (int)v - DYAD_HTML_EVIDENCE_MAX;
	size_t top = len < lex->longest_affix ? len : lex->longest_affix;
	for (size_t k = top; k >= AFFIX_MIN; k--)
		if (dyad_hash_get(&lex->prefixes, w, k, &v))
			return (int)v - DYAD_HTML_EVIDENCE_MAX;
	for (size_t k = top; k >= AFFIX_MIN; k--)
		if (dyad_hash_get(&lex->suffixes, w + len - k, k, &v))
			return (int)v - DYAD_HTML_EVIDENCE_MAX;
	return 0;
}

int dyad__html_attr_weight(const struct dyad__html_lexicon *lex, const char *key,
                           size_t len)
{
	uint32_t w;
	return dyad_hash_get(&lex->attrs, key, len, &w) ? (int)w - DYAD_HTML_EVIDENCE_MAX : 0;
}

int dyad__html_tag_weight(const struct dyad__html_lexicon *lex, GumboTag tag)
{
	return tag <= GUMBO_TAG_LAST ? lex->tag_weight[tag] : 0;
}

int dyad__html_tag_skipped(const struct dyad__html_lexicon *lex, GumboTag tag)
{
	if (lex)
		return tag <= GUMBO_TAG_LAST && lex->tag_kind[tag] == DYAD_HTML_TAG_SKIP;
	return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE ||
	       tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_HEAD ||
	       tag == GUMBO_TAG_NOSCRIPT;
}

int dyad__html_byline_word(const struct dyad__html_lexicon *lex, const char *s,
                           size_t len)
{
	uint32_t v;
	return lex && dyad_hash_get(&lex->byline_words, s, len, &v) ? (int)v : 0;
}
