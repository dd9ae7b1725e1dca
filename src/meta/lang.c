/*
 * lang.c - the language of an article body (part of the metadata stage,
 * see meta.h).
 *
 * Script first: Cyrillic against Latin letters of the body (clutter, time
 * stamps and bylines left out). Then letters only some languages write
 * (data/meta/letters.tsv: Kazakh "қ", Ukrainian "ї", Azerbaijani "ə") and,
 * failing those, a vote of the most frequent function words of each
 * language (data/meta/stopwords.tsv). A Latin-script body with no English
 * evidence is never called English: it is "und" when nothing wins.
 */
#include <unicode/uchar.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/utf8.h"
#include "core/vec.h"
#include "meta/meta.h"
#include "kb/tsv.h"

#define STOPWORDS_FILE "meta/stopwords.tsv"
#define LETTERS_FILE "meta/letters.tsv"

#define MAX_WORDS_PER_LINE 256  /* variants on one stopwords.tsv line */
#define LANG_SAMPLE_BYTES (6u << 10) /* body bytes looked at: a few paragraphs decide */
#define MAX_WORD_BYTES 64
/* Letters of one language, per thousand letters of its script, that make
 * the language certain; and the least number that counts at all. */
#define LETTER_PER_MILLE 3
#define LETTER_MIN_COUNT 3

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
		enum dyad__script script;
		if (f[1] && strcmp(f[1], "latin") == 0)
			script = DYAD_SCRIPT_LATIN;
		else if (f[1] && strcmp(f[1], "cyrillic") == 0)
			script = DYAD_SCRIPT_CYRILLIC;
		else
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
			char lower[MAX_WORD_BYTES];
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

dyad_status dyad__meta_lang_load(struct dyad__meta_lexicon *lex,
                                 struct dyad_arena *arena, const char *data_dir,
                                 char *errmsg)
{
	dyad_status st = load_stopwords(lex, arena, data_dir, errmsg);
	if (st == DYAD_OK)
		st = load_letters(lex, arena, data_dir, errmsg);
	return st;
}

struct lang_counts {
	size_t script[DYAD_N_SCRIPTS];
	size_t letters[DYAD_META_MAX_LANGS];
	size_t words[DYAD_META_MAX_LANGS];
	size_t seen;
};

static void count_word(const struct dyad__meta_lexicon *lex, const char *s,
                       size_t n, struct lang_counts *c)
{
	char lower[MAX_WORD_BYTES];
	if (n == 0 || n >= MAX_WORD_BYTES)
		return;
	size_t len = dyad_utf8_lower(s, n, lower, sizeof lower);
	uint32_t mask;
	if (!dyad_hash_get(&lex->stopwords, lower, len, &mask))
		return;
	for (size_t l = 0; l < lex->n_langs; l++)
		if (mask & (1u << l))
			c->words[l]++;
}

static void count_letter(const struct dyad__meta_lexicon *lex, uint32_t cp,
                         struct lang_counts *c)
{
	if (cp < 0x80) { /* ASCII letters are Latin and tell no language apart */
		c->script[DYAD_SCRIPT_LATIN]++;
		return;
	}
	if (dyad_cp_is_cyrillic(cp))
		c->script[DYAD_SCRIPT_CYRILLIC]++;
	else if (dyad_cp_is_latin(cp))
		c->script[DYAD_SCRIPT_LATIN]++;
	uint32_t lower = (uint32_t)u_tolower((UChar32)cp);
	for (size_t k = 0; k < lex->n_letters; k++)
		if (lex->letters[k].cp == lower)
			for (size_t l = 0; l < lex->n_langs; l++)
				if (lex->letters[k].langs & (1u << l))
					c->letters[l]++;
}

static void count_span(const struct dyad__meta_lexicon *lex, const char *text,
                       size_t a, size_t b, struct lang_counts *c)
{
	size_t i = a, word = SIZE_MAX;
	while (i <= b) {
		size_t at = i;
		uint32_t cp = i < b ? dyad_utf8_next(text, b, &i) : 0;
		int letter = i <= b && at < b &&
		             (dyad_cp_is_letter(cp) || cp == '\'' || cp == 0x2019);
		if (letter) {
			if (word == SIZE_MAX)
				word = at;
			if (cp != '\'' && cp != 0x2019)
				count_letter(lex, cp, c);
		} else {
			if (word != SIZE_MAX)
				count_word(lex, text + word, at - word, c);
			word = SIZE_MAX;
		}
		if (at >= b)
			break;
	}
	c->seen += b - a;
}

static const char *pick(const struct dyad__meta_lexicon *lex,
                        const struct lang_counts *c, enum dyad__script *script)
{
	size_t lat = c->script[DYAD_SCRIPT_LATIN], cyr = c->script[DYAD_SCRIPT_CYRILLIC];
	if (lat == 0 && cyr == 0)
		return NULL;
	*script = cyr > lat ? DYAD_SCRIPT_CYRILLIC : DYAD_SCRIPT_LATIN;
	size_t total = *script == DYAD_SCRIPT_CYRILLIC ? cyr : lat;
	int best = -1;
	for (size_t l = 0; l < lex->n_langs; l++) {
		if (lex->langs[l].script != *script)
			continue;
		if (c->letters[l] >= LETTER_MIN_COUNT &&
		    c->letters[l] * 1000 >= total * LETTER_PER_MILLE &&
		    (best < 0 || c->letters[l] > c->letters[best]))
			best = (int)l;
	}
	if (best >= 0)
		return lex->langs[best].code;
	for (size_t l = 0; l < lex->n_langs; l++) {
		if (lex->langs[l].script != *script)
			continue;
		/* ties go to the language listed first (en, ru) */
		if (c->words[l] > 0 && (best < 0 || c->words[l] > c->words[best]))
			best = (int)l;
	}
	if (best >= 0)
		return lex->langs[best].code;
	if (*script == DYAD_SCRIPT_CYRILLIC) {
		/* a few Cyrillic words without a single function word: Russian is
		 * the only Cyrillic language this tool reads */
		for (size_t l = 0; l < lex->n_langs; l++)
			if (lex->langs[l].script == DYAD_SCRIPT_CYRILLIC)
				return lex->langs[l].code;
	}
	return NULL;
}

dyad_status dyad__meta_lang_detect(struct dyad__meta_scan *scan)
{
	struct dyad__work *w = scan->w;
	const struct dyad__meta_lexicon *lex = scan->lex;
	struct lang_counts c;
	memset(&c, 0, sizeof c);
	const unsigned skip = DYAD_LINE_BLANK | DYAD_LINE_CLUTTER | DYAD_LINE_META;
	for (size_t l = scan->body; l < w->n_lines && c.seen < LANG_SAMPLE_BYTES; l++)
		if (!(w->lines[l].flags & skip))
			count_span(lex, w->text, w->lines[l].start, w->lines[l].end, &c);
	if (c.seen == 0) /* no body: the headline, then anything */
		for (size_t l = 0; l < w->n_lines && c.seen < LANG_SAMPLE_BYTES; l++)
			if (!(w->lines[l].flags & DYAD_LINE_BLANK))
				count_span(lex, w->text, w->lines[l].start, w->lines[l].end, &c);
	enum dyad__script script = DYAD_SCRIPT_LATIN;
	const char *code = pick(lex, &c, &script);
	w->lang_ru = code && script == DYAD_SCRIPT_CYRILLIC;
	if (!code)
		return DYAD_OK; /* "und", set by dyad_extract() */
	/* the result may outlive the engine that holds the codes */
	const char *copy = dyad_arena_strdup(w->arena, code);
	if (!copy)
		return DYAD_ENOMEM;
	w->doc->lang = copy;
	return DYAD_OK;
}
