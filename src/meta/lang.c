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
#include <string.h>
#include <unicode/uchar.h>

#include "core/utf8.h"
#include "meta/meta.h"

#define LANG_SAMPLE_BYTES (6u << 10) /* body bytes looked at: a few paragraphs decide */
/* Letters of one language, per thousand letters of its script, that make
 * the language certain; and the least number that counts at all. */
#define LETTER_PER_MILLE 3
#define LETTER_MIN_COUNT 3

struct lang_counts {
	size_t script[DYAD_N_SCRIPTS];
	size_t letters[DYAD_META_MAX_LANGS];
	size_t words[DYAD_META_MAX_LANGS];
	size_t seen;
};

static void count_word(const struct dyad__meta_lexicon *lex, const char *s,
                       size_t n, struct lang_counts *c)
{
	char lower[DYAD_META_MAX_WORD_BYTES];
	if (n == 0 || n >= DYAD_META_MAX_WORD_BYTES)
		return;
	size_t len = 0;
	while (len < n && (unsigned char)s[len] < 0x80) { /* ASCII: no call */
		char ch = s[len];
		lower[len++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch);
	}
	len = len == n ? len : dyad_utf8_lower(s, n, lower, sizeof lower);
	uint32_t mask;
	if (!dyad_hash_get(&lex->stopwords, lower, len, &mask))
		return;
	for (size_t l = 0; l < lex->n_langs; l++)
		if (mask & (1u << l))
			c->words[l]++;
}

/* A letter of another script than ASCII: its script and its letters.tsv
 * entry, from the lexicon's direct table when the letter is in its reach. */
static void count_letter(const struct dyad__meta_lexicon *lex, uint32_t cp,
                         struct lang_counts *c)
{
	size_t k = SIZE_MAX;
	if (cp < DYAD_META_LETTER_TABLE_CPS && (lex->letter_table[cp] & 0xFF) != DYAD_META_LETTER_SCAN) {
		uint16_t v = lex->letter_table[cp];
		c->script[v >> 8]++;
		if (!(v & 0xFF))
			return;
		k = (v & 0xFF) - 1u;
	} else {
		if (dyad_cp_is_cyrillic(cp))
			c->script[DYAD_SCRIPT_CYRILLIC]++;
		else if (dyad_cp_is_latin(cp))
			c->script[DYAD_SCRIPT_LATIN]++;
		uint32_t lower = (uint32_t)u_tolower((UChar32)cp);
		for (size_t i = 0; i < lex->n_letters && k == SIZE_MAX; i++)
			if (lex->letters[i].cp == lower)
				k = i;
		if (k == SIZE_MAX)
			return;
	}
	for (size_t l = 0; l < lex->n_langs; l++)
		if (lex->letters[k].langs & (1u << l))
			c->letters[l]++;
}

/* A word of count_span, lower-cased as it is read when that takes no
 * table (ASCII and basic Cyrillic); else the bytes go to count_word. */
struct word_buf {
	size_t start;                 /* SIZE_MAX: not in a word */
	size_t len;                   /* lower-case bytes in `lower` */
	int other;                    /* a letter lowered by count_word only */
	char lower[DYAD_META_MAX_WORD_BYTES];
};

static void word_end(const struct dyad__meta_lexicon *lex, const char *text,
                     size_t at, struct word_buf *wb, struct lang_counts *c)
{
	size_t n = at - wb->start;
	if (wb->other) {
		count_word(lex, text + wb->start, n, c);
	} else if (n < DYAD_META_MAX_WORD_BYTES) { /* as count_word would */
		uint32_t mask;
		if (dyad_hash_get(&lex->stopwords, wb->lower, wb->len, &mask))
			for (size_t l = 0; l < lex->n_langs; l++)
				if (mask & (1u << l))
					c->words[l]++;
	}
	wb->start = SIZE_MAX;
}

/* Basic Cyrillic lowered as dyad_utf8_lower does (ё written е): 0 when the
 * letter is another one. */
static int cyrillic_lower(unsigned char c, unsigned char d, char out[2])
{
	if (c == 0xD0 && d >= 0x90 && d <= 0xBF) {
		out[0] = (char)(d <= 0x9F || d >= 0xB0 ? 0xD0 : 0xD1);
		out[1] = (char)(d <= 0x9F ? d + 0x20 : d >= 0xB0 ? d : d - 0x20);
		return 1;
	}
	if (c == 0xD1 && d >= 0x80 && d <= 0x8F) {
		out[0] = (char)c;
		out[1] = (char)d;
		return 1;
	}
	if ((c == 0xD0 && d == 0x81) || (c == 0xD1 && d == 0x91)) {
		out[0] = (char)0xD0;
		out[1] = (char)0xB5;
		return 1;
	}
	return 0;
}

/* A non-ASCII code point at text[at, i) of a word added to its buffer. */
static void word_add(const char *text, size_t at, size_t i, struct word_buf *wb)
{
	if (wb->other || i - at != 2 || wb->len + 2 > sizeof wb->lower ||
	    !cyrillic_lower((unsigned char)text[at], (unsigned char)text[at + 1],
	                    wb->lower + wb->len)) {
		wb->other = 1;
		return;
	}
	wb->len += 2;
}

/* The run of ASCII letters and apostrophes from i: counted, and lowered
 * into the word; returns its end. */
static size_t ascii_letters(const char *text, size_t i, size_t b, struct word_buf *wb,
                            struct lang_counts *c)
{
	size_t latin = 0, len = wb->len;
	while (i < b) {
		unsigned char ch = (unsigned char)text[i];
		int letter = (unsigned)((ch | 0x20) - 'a') < 26u;
		if (!letter && ch != '\'')
			break;
		latin += (size_t)letter;
		if (len < sizeof wb->lower)
			wb->lower[len++] = (char)(letter ? ch | 0x20 : ch);
		i++;
	}
	wb->len = len;
	c->script[DYAD_SCRIPT_LATIN] += latin;
	return i;
}

/*
 * The words and letters of text[a, b): a word is a run of letters, with the
 * apostrophes inside it (the pieces of core/token.h would give the same
 * runs; bytes are read directly here, ASCII without a call, since every
 * letter is looked at).
 */
static void count_span(const struct dyad__meta_lexicon *lex, const char *text,
                       size_t a, size_t b, struct lang_counts *c)
{
	struct word_buf wb = {.start = SIZE_MAX};
	size_t i = a;
	while (i < b) {
		size_t at = i;
		unsigned char ch = (unsigned char)text[i];
		if (ch < 0x80) {
			if (!((unsigned)((ch | 0x20) - 'a') < 26u) && ch != '\'') {
				i++;
				if (wb.start != SIZE_MAX)
					word_end(lex, text, at, &wb, c);
				continue;
			}
			if (wb.start == SIZE_MAX) {
				wb.start = at;
				wb.len = 0;
				wb.other = 0;
			}
			i = ascii_letters(text, i, b, &wb, c);
			continue;
		}
		uint32_t cp = dyad_utf8_next(text, b, &i);
		int in_word = dyad_cp_is_letter(cp);
		if (in_word)
			count_letter(lex, cp, c);
		in_word |= cp == 0x2019;
		if (!in_word) {
			if (wb.start != SIZE_MAX)
				word_end(lex, text, at, &wb, c);
			continue;
		}
		if (wb.start == SIZE_MAX) {
			wb.start = at;
			wb.len = 0;
			wb.other = 0;
		}
		word_add(text, at, i, &wb);
	}
	if (wb.start != SIZE_MAX)
		word_end(lex, text, b, &wb, c);
	c->seen += b - a;
}

static const char *pick(const dyad_engine *engine, const struct dyad__meta_lexicon *lex,
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
	/* a few words without a single function word: the language dyad reads
	 * for the script, when it is its script's default (lang.tsv) */
	const struct dyad__lang *own = dyad__lang_of_script(engine, *script, NULL);
	for (size_t l = 0; own && own->script_default && l < lex->n_langs; l++)
		if (lex->langs[l].script == *script && strcmp(lex->langs[l].code, own->id) == 0)
			return lex->langs[l].code;
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
	const char *code = pick(w->engine, lex, &c, &script);
	/* the language the rest of the pipeline reads the body in: the one
	 * found when dyad reads it, else the one it reads for that script */
	w->lang = dyad__lang_find(w->engine, code);
	if (!w->lang && code)
		w->lang = dyad__lang_of_script(w->engine, script, NULL);
	if (!w->lang)
		w->lang = dyad__lang_default(w->engine);
	if (!code)
		return DYAD_OK; /* "und", set by dyad_extract() */
	/* the result may outlive the engine that holds the codes */
	const char *copy = dyad_arena_strdup(w->arena, code);
	if (!copy)
		return DYAD_ENOMEM;
	w->doc->lang = copy;
	return DYAD_OK;
}
