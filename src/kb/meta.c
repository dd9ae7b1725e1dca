/*
 * meta.c - the reader of data/meta/ (outlets, credit lines, news domains,
 * clutter, labels, stop words and letters for language identification) and
 * of data/dates/ through kb/dates.c: the knowledge the metadata stage
 * (src/meta/) reads documents with, and the look-ups of URLs into the news
 * domains. See meta.h for the shapes.
 */
#include "kb/meta.h"

#include <stdio.h>
#include <string.h>
#include <unicode/uchar.h>

#include "core/alloc.h"
#include "core/utf8.h"
#include "core/vec.h"
#include "kb/engine.h"
#include "kb/tsv.h"

#define STOPWORDS_FILE "meta/stopwords.tsv"
#define LETTERS_FILE "meta/letters.tsv"
#define CLUTTER_FILE "meta/clutter.tsv"
#define LABELS_FILE "meta/labels.tsv"
#define OUTLETS_FILE "meta/outlets.tsv"
#define CREDITS_FILE "meta/credits.tsv"
#define NOT_OUTLETS_FILE "meta/not_outlets.tsv"
#define DOMAINS_FILE "meta/domains.tsv"
#define OUTLET_PLACEHOLDER "{OUTLET}"

#define MAX_WORDS_PER_LINE 256  /* variants on one stopwords.tsv line */
#define MAX_VARIANTS 32         /* spellings of one outlet */

const struct dyad__date_lexicon *dyad__meta_dates(const dyad_engine *engine)
{
	return engine && engine->meta ? &engine->meta->dates : NULL;
}


void dyad__meta_lexicon_free(struct dyad__meta_lexicon *meta)
{
	if (!meta)
		return;
	dyad__date_lexicon_release(&meta->dates);
	dyad_hash_release(&meta->stopwords);
	dyad_hash_release(&meta->outlet_names);
	dyad_hash_release(&meta->not_outlets);
	dyad_hash_release(&meta->domain_index);
	dyad__aho_release(&meta->credit_aho);
	dyad__free(meta->credit_of_key);
	dyad__free(meta->domains);
	dyad__free(meta->letters);
	dyad__free(meta->outlets);
	dyad__free(meta->credits);
	dyad__free(meta->clutter);
	dyad__free(meta->bylines);
	dyad__free(meta->date_labels);
	dyad__free(meta->photo_labels);
	dyad__free(meta);
}

dyad_status dyad__meta_lexicon_load(dyad_engine *engine, char *errmsg)
{
	engine->meta = NULL;
	struct dyad__meta_lexicon *meta = dyad__calloc(1, sizeof *meta);
	if (!meta)
		return DYAD_ENOMEM;
	dyad_hash_init(&meta->stopwords);
	dyad_hash_init(&meta->outlet_names);
	dyad_hash_init(&meta->not_outlets);
	const char *dir = engine->data_dir;
	struct dyad_arena *arena = &engine->arena;
	dyad_status st;
	if ((st = dyad__date_lexicon_load(&meta->dates, arena, dir, errmsg)) != DYAD_OK ||
	    (st = dyad__meta_lang_load(meta, arena, dir, errmsg)) != DYAD_OK ||
	    (st = dyad__meta_lines_load(meta, arena, dir, errmsg)) != DYAD_OK ||
	    (st = dyad__meta_source_load(meta, arena, dir, errmsg)) != DYAD_OK) {
		dyad__meta_lexicon_free(meta);
		return st;
	}
	engine->meta = meta;
	return DYAD_OK;
}

/* ---- languages (stopwords.tsv, letters.tsv) ------------------------- */

static int lang_index(struct dyad__meta_lexicon *lex, const char *code)
{
	for (size_t i = 0; i < lex->n_langs; i++)
		if (strcmp(lex->langs[i].code, code) == 0)
			return (int)i;
	return -1;
}

static int valid_code(const char *code)
{
	size_t n = code ? strlen(code) : 0;
	if (n < 2 || n > 3)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (code[i] < 'a' || code[i] > 'z')
			return 0;
	return 1;
}

static dyad_status load_stopwords(struct dyad__meta_lexicon *lex,
                                  struct dyad_arena *arena,
                                  const char *data_dir, char *errmsg)
{
	static const char *const cols[] = {"lang", "script", "words"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, arena, data_dir, STOPWORDS_FILE, cols, 3, errmsg);
	if (st != DYAD_OK)
		return st;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		char **f = tsv.fields;
		if (!valid_code(f[0]))
			return dyad_tsv_error(&tsv, "\"%s\": not an ISO 639-1 code",
			                      f[0] ? f[0] : "-");
		enum dyad__script script = dyad__script_parse(f[1]);
		if (script == DYAD_SCRIPT_NONE)
			return dyad_tsv_error(&tsv, "\"%s\": script must be latin or cyrillic",
			                      f[1] ? f[1] : "-");
		int li = lang_index(lex, f[0]);
		if (li < 0) {
			if (lex->n_langs == DYAD_META_MAX_LANGS)
				return dyad_tsv_error(&tsv, "more than %d languages",
				                      DYAD_META_MAX_LANGS);
			li = (int)lex->n_langs++;
			snprintf(lex->langs[li].code, sizeof lex->langs[li].code, "%s", f[0]);
			lex->langs[li].script = script;
		} else if (lex->langs[li].script != script) {
			return dyad_tsv_error(&tsv, "%s was given another script before", f[0]);
		}
		char *words[MAX_WORDS_PER_LINE];
		size_t n = dyad_tsv_split(f[2], words, MAX_WORDS_PER_LINE);
		if (n == 0 || n > MAX_WORDS_PER_LINE)
			return dyad_tsv_error(&tsv, "expected 1..%d words", MAX_WORDS_PER_LINE);
		for (size_t i = 0; i < n; i++) {
			char lower[DYAD_META_MAX_WORD_BYTES];
			size_t len = dyad_utf8_lower(words[i], strlen(words[i]), lower,
			                             sizeof lower);
			if (len + 1 >= sizeof lower || strchr(lower, ' '))
				return dyad_tsv_error(&tsv, "\"%s\": not one word", words[i]);
			uint32_t mask = 0;
			dyad_hash_get(&lex->stopwords, lower, len, &mask);
			/* the map keeps key pointers: every key lives in the arena */
			const char *key = dyad_arena_strndup(arena, lower, len);
			if (!key || dyad_hash_put(&lex->stopwords, key, len, mask | 1u << li,
			                          NULL, NULL) != DYAD_OK)
				return DYAD_ENOMEM;
		}
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

static dyad_status load_letters(struct dyad__meta_lexicon *lex,
                                struct dyad_arena *arena, const char *data_dir,
                                char *errmsg)
{
	static const char *const cols[] = {"lang", "letters"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, arena, data_dir, LETTERS_FILE, cols, 2, errmsg);
	if (st != DYAD_OK)
		return st;
	size_t alloc = 0;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		int li = tsv.fields[0] ? lang_index(lex, tsv.fields[0]) : -1;
		if (li < 0)
			return dyad_tsv_error(&tsv, "\"%s\": language not in %s",
			                      tsv.fields[0] ? tsv.fields[0] : "-",
			                      STOPWORDS_FILE);
		char *letters[MAX_WORDS_PER_LINE];
		size_t n = dyad_tsv_split(tsv.fields[1], letters, MAX_WORDS_PER_LINE);
		if (n == 0 || n > MAX_WORDS_PER_LINE)
			return dyad_tsv_error(&tsv, "expected 1..%d letters", MAX_WORDS_PER_LINE);
		for (size_t i = 0; i < n; i++) {
			size_t len = strlen(letters[i]), at = 0;
			uint32_t cp = dyad_utf8_next(letters[i], len, &at);
			if (at != len || !dyad_cp_is_letter(cp))
				return dyad_tsv_error(&tsv, "\"%s\": not one letter", letters[i]);
			struct dyad__meta_letter *l = NULL;
			for (size_t k = 0; k < lex->n_letters; k++)
				if (lex->letters[k].cp == cp)
					l = &lex->letters[k];
			if (!l) {
				l = DYAD_VEC_PUSH(&lex->letters, &lex->n_letters, &alloc);
				if (!l)
					return DYAD_ENOMEM;
				l->cp = cp;
			}
			l->langs |= 1u << li;
		}
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

/* The direct letter table (meta.h): one load per letter for the language
 * detector instead of ICU calls and a scan of letters.tsv. */
static void build_letter_table(struct dyad__meta_lexicon *lex)
{
	for (uint32_t cp = 0x80; cp < DYAD_META_LETTER_TABLE_CPS; cp++) {
		uint16_t v = dyad_cp_is_cyrillic(cp) ? DYAD_SCRIPT_CYRILLIC << 8
		           : dyad_cp_is_latin(cp)    ? DYAD_SCRIPT_LATIN << 8 : 0;
		uint32_t lower = (uint32_t)u_tolower((UChar32)cp);
		for (size_t k = 0; k < lex->n_letters; k++)
			if (lex->letters[k].cp == lower)
				v |= k + 1 < DYAD_META_LETTER_SCAN ? (uint16_t)(k + 1) : DYAD_META_LETTER_SCAN;
		lex->letter_table[cp] = v;
	}
}

dyad_status dyad__meta_lang_load(struct dyad__meta_lexicon *lex,
                                 struct dyad_arena *arena, const char *data_dir,
                                 char *errmsg)
{
	dyad_status st = load_stopwords(lex, arena, data_dir, errmsg);
	if (st == DYAD_OK)
		st = load_letters(lex, arena, data_dir, errmsg);
	if (st == DYAD_OK)
		build_letter_table(lex);
	return st;
}

/* ---- lines (clutter.tsv, labels.tsv) --------------------------------- */

static dyad_status load_clutter(struct dyad__meta_lexicon *lex,
                                struct dyad_arena *arena, const char *data_dir,
                                char *errmsg)
{
	static const char *const cols[] = {"match", "text"};
	static const char *const kinds[] = {"exact", "prefix", "contains", "label"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, arena, data_dir, CLUTTER_FILE, cols, 2, errmsg);
	if (st != DYAD_OK)
		return st;
	size_t alloc = 0;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		int kind = -1;
		for (int k = 0; k < (int)(sizeof kinds / sizeof kinds[0]); k++)
			if (tsv.fields[0] && strcmp(tsv.fields[0], kinds[k]) == 0)
				kind = k;
		if (kind < 0)
			return dyad_tsv_error(&tsv, "\"%s\": match must be exact, prefix, "
			                      "contains or label",
			                      tsv.fields[0] ? tsv.fields[0] : "-");
		const char *t = tsv.fields[1];
		if (!t)
			return dyad_tsv_error(&tsv, "text is missing");
		char lower[DYAD_META_MAX_LINE_BYTES];
		size_t len = dyad_utf8_lower(t, strlen(t), lower, sizeof lower);
		if (len + 1 >= sizeof lower || strcmp(lower, t) != 0)
			return dyad_tsv_error(&tsv, "\"%s\": write it in lower case", t);
		struct dyad__meta_clutter *c =
			DYAD_VEC_PUSH(&lex->clutter, &lex->n_clutter, &alloc);
		if (!c)
			return DYAD_ENOMEM;
		c->match = (enum dyad__clutter_match)kind;
		c->text = t;
		c->len = len;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

/* The index of clutter entries by the first byte of a line (meta.h). */
static int clutter_for_byte(const struct dyad__meta_clutter *c, unsigned byte)
{
	return c->match == DYAD_CLUTTER_CONTAINS || c->len == 0 ||
	       (unsigned char)c->text[0] == byte;
}

static dyad_status index_clutter(struct dyad__meta_lexicon *lex, struct dyad_arena *arena)
{
	size_t n = 0;
	for (unsigned byte = 0; byte < 256; byte++)
		for (size_t k = 0; k < lex->n_clutter; k++)
			n += (size_t)clutter_for_byte(&lex->clutter[k], byte);
	lex->clutter_by_byte = dyad_arena_alloc(arena, (n ? n : 1) * sizeof *lex->clutter_by_byte);
	if (!lex->clutter_by_byte)
		return DYAD_ENOMEM;
	n = 0;
	for (unsigned byte = 0; byte < 256; byte++) {
		lex->clutter_from[byte] = (uint32_t)n;
		for (size_t k = 0; k < lex->n_clutter; k++)
			if (clutter_for_byte(&lex->clutter[k], byte))
				lex->clutter_by_byte[n++] = (uint32_t)k;
	}
	lex->clutter_from[256] = (uint32_t)n;
	return DYAD_OK;
}

static dyad_status load_labels(struct dyad__meta_lexicon *lex,
                               struct dyad_arena *arena, const char *data_dir,
                               char *errmsg)
{
	static const char *const cols[] = {"kind", "lang", "text"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, arena, data_dir, LABELS_FILE, cols, 3, errmsg);
	if (st != DYAD_OK)
		return st;
	size_t by_alloc = 0, stamp_alloc = 0, photo_alloc = 0;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		const char *kind = tsv.fields[0], *t = tsv.fields[2];
		if (!t)
			return dyad_tsv_error(&tsv, "text is missing");
		char lower[DYAD_META_MAX_LINE_BYTES];
		size_t len = dyad_utf8_lower(t, strlen(t), lower, sizeof lower);
		if (len + 1 >= sizeof lower || strcmp(lower, t) != 0)
			return dyad_tsv_error(&tsv, "\"%s\": write it in lower case", t);
		const char **slot;
		if (kind && strcmp(kind, "byline") == 0)
			slot = DYAD_VEC_PUSH(&lex->bylines, &lex->n_bylines, &by_alloc);
		else if (kind && strcmp(kind, "stamp") == 0)
			slot = DYAD_VEC_PUSH(&lex->date_labels, &lex->n_date_labels, &stamp_alloc);
		else if (kind && strcmp(kind, "photo") == 0)
			slot = DYAD_VEC_PUSH(&lex->photo_labels, &lex->n_photo_labels, &photo_alloc);
		else
			return dyad_tsv_error(&tsv, "\"%s\": kind must be byline, stamp or photo",
			                      kind ? kind : "-");
		if (!slot)
			return DYAD_ENOMEM;
		*slot = t;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

dyad_status dyad__meta_lines_load(struct dyad__meta_lexicon *lex,
                                  struct dyad_arena *arena,
                                  const char *data_dir, char *errmsg)
{
	dyad_status st = load_clutter(lex, arena, data_dir, errmsg);
	if (st == DYAD_OK)
		st = index_clutter(lex, arena);
	if (st == DYAD_OK)
		st = load_labels(lex, arena, data_dir, errmsg);
	return st;
}

/* ---- outlets (outlets.tsv, not_outlets.tsv, credits.tsv) ------------- */


static dyad_status add_name(struct dyad__meta_lexicon *lex,
                            struct dyad_arena *arena, struct dyad_tsv *tsv,
                            const char *name, uint32_t outlet)
{
	char lower[DYAD_META_MAX_NAME_BYTES];
	size_t len = dyad_utf8_lower(name, strlen(name), lower, sizeof lower);
	if (len == 0 || len + 1 >= sizeof lower)
		return dyad_tsv_error(tsv, "\"%s\": name too long", name);
	uint32_t old;
	if (dyad_hash_get(&lex->outlet_names, lower, len, &old) && old != outlet)
		return dyad_tsv_error(tsv, "\"%s\" already names %s", name,
		                      lex->outlets[old]);
	const char *key = dyad_arena_strndup(arena, lower, len);
	if (!key || dyad_hash_put(&lex->outlet_names, key, len, outlet, NULL, NULL) !=
	                    DYAD_OK)
		return DYAD_ENOMEM;
	return DYAD_OK;
}

static dyad_status load_outlets(struct dyad__meta_lexicon *lex,
                                struct dyad_arena *arena, const char *data_dir,
                                char *errmsg)
{
	static const char *const cols[] = {"outlet", "variants"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, arena, data_dir, OUTLETS_FILE, cols, 2, errmsg);
	if (st != DYAD_OK)
		return st;
	size_t alloc = 0;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		if (!tsv.fields[0])
			return dyad_tsv_error(&tsv, "outlet name is missing");
		const char **slot = DYAD_VEC_PUSH(&lex->outlets, &lex->n_outlets, &alloc);
		if (!slot)
			return DYAD_ENOMEM;
		*slot = tsv.fields[0];
		uint32_t id = (uint32_t)(lex->n_outlets - 1);
		if ((st = add_name(lex, arena, &tsv, tsv.fields[0], id)) != DYAD_OK)
			return st;
		char *variants[MAX_VARIANTS];
		size_t n = dyad_tsv_split(tsv.fields[1], variants, MAX_VARIANTS);
		if (n > MAX_VARIANTS)
			return dyad_tsv_error(&tsv, "more than %d variants", MAX_VARIANTS);
		for (size_t i = 0; i < n; i++)
			if ((st = add_name(lex, arena, &tsv, variants[i], id)) != DYAD_OK)
				return st;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

static dyad_status load_not_outlets(struct dyad__meta_lexicon *lex,
                                    struct dyad_arena *arena,
                                    const char *data_dir, char *errmsg)
{
	static const char *const cols[] = {"name"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, arena, data_dir, NOT_OUTLETS_FILE, cols, 1, errmsg);
	if (st != DYAD_OK)
		return st;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		char lower[DYAD_META_MAX_NAME_BYTES];
		const char *name = tsv.fields[0];
		if (!name || strchr(name, ' '))
			return dyad_tsv_error(&tsv, "a name is one word");
		size_t len = dyad_utf8_lower(name, strlen(name), lower, sizeof lower);
		if (len + 1 >= sizeof lower)
			return dyad_tsv_error(&tsv, "\"%s\": name too long", name);
		const char *key = dyad_arena_strndup(arena, lower, len);
		if (!key || dyad_hash_put(&lex->not_outlets, key, len, 1, NULL, NULL) != DYAD_OK)
			return DYAD_ENOMEM;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

static dyad_status load_credits(struct dyad__meta_lexicon *lex,
                                struct dyad_arena *arena, const char *data_dir,
                                char *errmsg)
{
	static const char *const cols[] = {"lang", "pattern", "rank", "open"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, arena, data_dir, CREDITS_FILE, cols, 4, errmsg);
	if (st != DYAD_OK)
		return st;
	size_t alloc = 0;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		char **f = tsv.fields;
		char *hole = f[1] ? strstr(f[1], OUTLET_PLACEHOLDER) : NULL;
		if (!hole || strstr(hole + 1, OUTLET_PLACEHOLDER))
			return dyad_tsv_error(&tsv, "pattern needs exactly one %s",
			                      OUTLET_PLACEHOLDER);
		if (!f[2] || f[2][0] < '1' || f[2][0] > '3' || f[2][1])
			return dyad_tsv_error(&tsv, "rank must be 1..3");
		if (!f[3] || (strcmp(f[3], "yes") != 0 && strcmp(f[3], "no") != 0))
			return dyad_tsv_error(&tsv, "open must be yes or no");
		struct dyad__meta_credit *c =
			DYAD_VEC_PUSH(&lex->credits, &lex->n_credits, &alloc);
		if (!c)
			return DYAD_ENOMEM;
		memset(c, 0, sizeof *c);
		*hole = '\0';
		c->prefix = f[1];
		c->suffix = hole + strlen(OUTLET_PLACEHOLDER);
		c->suffix_len = strlen(c->suffix);
		if (c->prefix[0] == '^') {
			c->at_start = 1;
			c->prefix++;
		}
		if (c->suffix_len && c->suffix[c->suffix_len - 1] == '$') {
			c->at_end = 1;
			((char *)c->suffix)[--c->suffix_len] = '\0';
		}
		c->prefix_len = strlen(c->prefix);
		if (!c->prefix_len && !c->suffix_len)
			return dyad_tsv_error(&tsv, "a pattern needs text beside %s",
			                      OUTLET_PLACEHOLDER);
		c->rank = f[2][0] - '0';
		c->open = strcmp(f[3], "yes") == 0;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

/* The credits' literal sides in one automaton (meta.h, credit_aho). */
static dyad_status index_credits(struct dyad__meta_lexicon *lex)
{
	size_t n = lex->n_credits;
	const char **keys = dyad__calloc(n ? n : 1, sizeof *keys);
	size_t *lens = dyad__calloc(n ? n : 1, sizeof *lens);
	lex->credit_of_key = dyad__calloc(n ? n : 1, sizeof *lex->credit_of_key);
	dyad_status st = DYAD_ENOMEM;
	if (!keys || !lens || !lex->credit_of_key)
		goto done;
	size_t n_keys = 0;
	for (size_t c = n; c-- > 0;) { /* backwards: each list in file order */
		struct dyad__meta_credit *cr = &lex->credits[c];
		const char *lit = cr->prefix_len ? cr->prefix : cr->suffix;
		size_t len = cr->prefix_len ? cr->prefix_len : cr->suffix_len, k = 0;
		while (k < n_keys && !(lens[k] == len && memcmp(keys[k], lit, len) == 0))
			k++;
		if (k == n_keys) {
			keys[n_keys] = lit;
			lens[n_keys++] = len;
			lex->credit_of_key[k] = UINT32_MAX;
		}
		cr->next_same = lex->credit_of_key[k];
		lex->credit_of_key[k] = (uint32_t)c;
	}
	st = dyad__aho_build(&lex->credit_aho, keys, lens, n_keys);
done:
	dyad__free(keys);
	dyad__free(lens);
	return st;
}

/* ---- news domains (domains.tsv) ------------------------------------------ */

static int valid_domain(const char *d)
{
	size_t n = strlen(d), dots = 0;
	if (n == 0 || n >= DYAD_META_MAX_HOST_BYTES || d[0] == '.' || d[n - 1] == '.' ||
	    strncmp(d, "www.", 4) == 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = d[i];
		if (c == '.')
			dots++;
		else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
			return 0;
	}
	return dots > 0;
}

static int upper_code(const char *s, size_t n)
{
	if (!s || strlen(s) != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return 0;
	return 1;
}

/* The outlet column: an outlet of outlets.tsv must be written as there. */
static dyad_status check_outlet(const struct dyad__meta_lexicon *lex,
                                struct dyad_tsv *tsv, const char *outlet)
{
	char lower[DYAD_META_MAX_NAME_BYTES];
	size_t len = dyad_utf8_lower(outlet, strlen(outlet), lower, sizeof lower);
	uint32_t id;
	if (len + 1 >= sizeof lower)
		return dyad_tsv_error(tsv, "\"%s\": name too long", outlet);
	if (dyad_hash_get(&lex->outlet_names, lower, len, &id) &&
	    strcmp(lex->outlets[id], outlet) != 0)
		return dyad_tsv_error(tsv, "\"%s\": outlets.tsv writes it \"%s\"", outlet,
		                      lex->outlets[id]);
	return DYAD_OK;
}

static dyad_status load_domains(struct dyad__meta_lexicon *lex,
                                struct dyad_arena *arena, const char *data_dir,
                                char *errmsg)
{
	static const char *const cols[] = {"domain", "outlet", "country", "lang"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, arena, data_dir, DOMAINS_FILE, cols, 4, errmsg);
	if (st != DYAD_OK)
		return st;
	size_t alloc = 0;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		char **f = tsv.fields;
		if (!f[0] || !valid_domain(f[0]))
			return dyad_tsv_error(&tsv, "\"%s\": a domain is lower-case letters, "
			                      "digits, '-' and dots, without \"www.\"",
			                      f[0] ? f[0] : "-");
		if (!f[1])
			return dyad_tsv_error(&tsv, "outlet is missing");
		if ((st = check_outlet(lex, &tsv, f[1])) != DYAD_OK)
			return st;
		if (!upper_code(f[2], 3) || !f[3] || !valid_code(f[3]))
			return dyad_tsv_error(&tsv, "country must be ISO 3166-1 alpha-3 (\"RUS\"), "
			                      "lang ISO 639-1 (\"ru\")");
		struct dyad__meta_domain *d =
			DYAD_VEC_PUSH(&lex->domains, &lex->n_domains, &alloc);
		if (!d)
			return DYAD_ENOMEM;
		d->domain = f[0];
		d->outlet = f[1];
		memcpy(d->country, f[2], 4);
		snprintf(d->lang, sizeof d->lang, "%s", f[3]);
		int existed = 0;
		if (dyad_hash_put(&lex->domain_index, f[0], strlen(f[0]),
		                  (uint32_t)(lex->n_domains - 1), &existed, NULL) != DYAD_OK)
			return DYAD_ENOMEM;
		if (existed)
			return dyad_tsv_error(&tsv, "\"%s\" is listed twice", f[0]);
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

/* A leading label of a host that names no outlet of its own. */
static size_t host_skip(const char *h, size_t n)
{
	static const char *const skip[] = {"www.", "www1.", "www2.", "www3.", "m.",
	                                   "mobile.", "amp."};
	for (size_t k = 0; k < sizeof skip / sizeof skip[0]; k++) {
		size_t l = strlen(skip[k]);
		if (n > l && memcmp(h, skip[k], l) == 0 && memchr(h + l, '.', n - l))
			return l;
	}
	return 0;
}

size_t dyad__url_host(const char *url, size_t len, char *out, size_t cap)
{
	const char *s = url, *end = url + len;
	for (const char *p = s; p + 2 < end && p < s + 16; p++)
		if (p[0] == ':' && p[1] == '/' && p[2] == '/') {
			s = p + 3;
			break;
		}
	const char *h = s;
	while (h < end && !strchr("/?#", *h))
		h++;
	const char *at = memchr(s, '@', (size_t)(h - s));
	if (at)
		s = at + 1;
	const char *colon = memchr(s, ':', (size_t)(h - s));
	size_t n = (size_t)((colon ? colon : h) - s);
	if (n == 0 || n + 1 > cap || !memchr(s, '.', n))
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + ('a' - 'A'));
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
		      (unsigned char)c >= 0x80))
			return 0;
		out[i] = c;
	}
	while (n && out[n - 1] == '.')
		n--;
	size_t k = host_skip(out, n);
	memmove(out, out + k, n - k);
	n -= k;
	out[n] = '\0';
	return n;
}

const struct dyad__meta_domain *dyad__meta_domain_find(
	const struct dyad__meta_lexicon *lex, const char *host, size_t len)
{
	for (size_t i = 0; lex && i < len;) {
		uint32_t id;
		if (dyad_hash_get(&lex->domain_index, host + i, len - i, &id))
			return &lex->domains[id];
		const char *dot = memchr(host + i, '.', len - i);
		if (!dot || !memchr(dot + 1, '.', (size_t)(host + len - dot - 1)))
			break; /* "co.uk" and "ru" name no outlet */
		i = (size_t)(dot - host) + 1;
	}
	return NULL;
}

dyad_status dyad__meta_source_load(struct dyad__meta_lexicon *lex,
                                   struct dyad_arena *arena,
                                   const char *data_dir, char *errmsg)
{
	dyad_status st = load_outlets(lex, arena, data_dir, errmsg);
	if (st == DYAD_OK)
		st = load_not_outlets(lex, arena, data_dir, errmsg);
	if (st == DYAD_OK)
		st = load_credits(lex, arena, data_dir, errmsg);
	if (st == DYAD_OK)
		st = index_credits(lex);
	if (st == DYAD_OK)
		st = load_domains(lex, arena, data_dir, errmsg);
	return st;
}
