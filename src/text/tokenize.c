/*
 * tokenize.c - tokens: words, numbers and punctuation of each sentence, with
 * byte offsets into the text, case and script flags, and the lower-case form
 * and Snowball stem of every word in the document's pool.
 *
 * Hyphens and apostrophes split words ("Kara-Kyrgyz" is Kara - Kyrgyz with
 * the hyphen and the second part marked GLUED; "country's" is country 's), so
 * that dictionary phrases, tokenized the same way, match their parts.
 * Dotted acronyms ("U.S.", "U.N.") stay one token.
 */
#include <string.h>

#include "core/utf8.h"
#include "extract/stages.h"
#include "kb/engine.h"
#include "kb/phrase.h"

static int is_quote(uint32_t cp)
{
	return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E ||
	       cp == 0x00AB || cp == 0x00BB || cp == 0x2018 || cp == 0x2019 ||
	       cp == '\'';
}

static int is_word_cp(uint32_t cp)
{
	return dyad_cp_is_letter(cp) || dyad_cp_is_digit(cp);
}

/* Store (s, n) lower-cased and stemmed in the pool. */
static void add_forms(struct dyad__work *w, struct dyad__token *t, int word)
{
	size_t n = t->end - t->start;
	size_t room = w->pool_cap - w->pool_len;
	t->lower = t->stem = (uint32_t)w->pool_len;
	t->lower_len = t->stem_len = 0;
	if (room < 2 * DYAD_MAX_WORD_BYTES + 2)
		return; /* pool full (pathological text): the token has no forms */
	char *lower = w->pool + w->pool_len;
	size_t len = dyad_utf8_lower(w->text + t->start, n, lower, DYAD_MAX_WORD_BYTES);
	t->lower_len = (uint16_t)len;
	w->pool_len += len + 1;
	if (!word || (t->flags & DYAD_TOK_NUMBER)) {
		t->stem = t->lower;
		t->stem_len = t->lower_len;
		return;
	}
	char *stem = w->pool + w->pool_len;
	size_t slen = dyad__stem(w->engine, (t->flags & DYAD_TOK_CYRILLIC) != 0,
	                         lower, len, stem, DYAD_MAX_WORD_BYTES);
	if (slen == len && memcmp(stem, lower, len) == 0) {
		t->stem = t->lower; /* share: most short words do not change */
		t->stem_len = t->lower_len;
		return;
	}
	t->stem = (uint32_t)w->pool_len;
	t->stem_len = (uint16_t)slen;
	w->pool_len += slen + 1;
}

/* Length of a dotted acronym at i ("U.S.", "U.N."), or 0. */
static size_t acronym_len(const char *s, size_t i, size_t end)
{
	size_t j = i, letters = 0;
	while (j + 1 < end && ((unsigned char)s[j] < 0x80) &&
	       ((s[j] >= 'A' && s[j] <= 'Z')) && s[j + 1] == '.') {
		j += 2;
		letters++;
	}
	if (letters < 2)
		return 0;
	if (j < end && ((s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= 'a' && s[j] <= 'z')))
		return 0;
	return j - i;
}

int dyad__next_token(const char *text, size_t *pos, size_t end,
                     uint32_t *tok_start, uint32_t *tok_end, uint32_t *flags)
{
	size_t i = *pos;
	uint32_t cp;
	size_t at;
	do {
		if (i >= end)
			return 0;
		at = i;
		cp = dyad_utf8_next(text, end, &i);
	} while (cp == ' ' || cp == '\n');
	uint32_t f = 0;
	if (at > 0 && text[at - 1] != ' ' && text[at - 1] != '\n')
		f |= DYAD_TOK_GLUED;
	*tok_start = (uint32_t)at;
	size_t acr = acronym_len(text, at, end);
	if (acr) {
		f |= DYAD_TOK_WORD | DYAD_TOK_CAP | DYAD_TOK_ALLCAPS | DYAD_TOK_LATIN;
		i = at + acr;
	} else if (is_word_cp(cp)) {
		int digits_only = dyad_cp_is_digit(cp);
		int upper = 0, letters = 0;
		if (dyad_cp_is_letter(cp)) {
			letters++;
			upper += dyad_cp_is_upper(cp);
			f |= dyad_cp_is_cyrillic(cp) ? DYAD_TOK_CYRILLIC
			   : dyad_cp_is_latin(cp)  ? DYAD_TOK_LATIN : 0;
		}
		if (dyad_cp_is_upper(cp))
			f |= DYAD_TOK_CAP;
		while (i < end) {
			size_t k = i;
			uint32_t next = dyad_utf8_next(text, end, &k);
			if (is_word_cp(next)) {
				if (dyad_cp_is_letter(next)) {
					digits_only = 0;
					letters++;
					upper += dyad_cp_is_upper(next);
				}
				i = k;
				continue;
			}
			/* 4,000 and 169.4 are one number */
			if (digits_only && (next == ',' || next == '.') && k < end &&
			    text[k] >= '0' && text[k] <= '9') {
				i = k;
				continue;
			}
			break;
		}
		f |= digits_only ? DYAD_TOK_NUMBER : DYAD_TOK_WORD;
		if (letters >= 2 && upper == letters)
			f |= DYAD_TOK_ALLCAPS;
		if (letters == 1 && upper == 1 && i < end && text[i] == '.')
			f |= DYAD_TOK_INITIAL;
	} else if ((cp == '\'' || cp == 0x2019) && i < end && text[i] == 's' &&
	           (i + 1 >= end || !is_word_cp((unsigned char)text[i + 1]))) {
		/* English possessive 's stays one token */
		i++;
		f |= DYAD_TOK_WORD | DYAD_TOK_LATIN;
	} else {
		f |= DYAD_TOK_PUNCT;
		if (is_quote(cp))
			f |= DYAD_TOK_QUOTE;
	}
	*tok_end = (uint32_t)i;
	*flags = f;
	*pos = i;
	return 1;
}

static dyad_status tokenize_sentence(struct dyad__work *w, size_t s_idx)
{
	struct dyad__sentence *s = &w->sentences[s_idx];
	size_t i = s->start;
	size_t cyr = 0, lat = 0;
	uint32_t a, b, flags;
	s->tok_start = (uint32_t)w->n_tokens;
	while (dyad__next_token(w->text, &i, s->end, &a, &b, &flags)) {
		struct dyad__token *t = DYAD_WORK_PUSH(w, tokens);
		if (!t)
			return DYAD_ENOMEM;
		t->start = a;
		t->end = b;
		t->flags = flags;
		t->mention = -1;
		if (a == s->start)
			t->flags &= ~(uint32_t)DYAD_TOK_GLUED;
		if (flags & DYAD_TOK_CYRILLIC)
			cyr++;
		else if (flags & DYAD_TOK_LATIN)
			lat++;
		add_forms(w, t, (flags & DYAD_TOK_WORD) != 0);
	}
	s->tok_end = (uint32_t)w->n_tokens;
	s->lang_ru = cyr > lat;
	for (size_t k = s->tok_start; k < s->tok_end; k++)
		if (w->tokens[k].flags & DYAD_TOK_WORD) {
			w->tokens[k].flags |= DYAD_TOK_SENT_START;
			break;
		}
	return DYAD_OK;
}

dyad_status dyad__tokenize(struct dyad__work *w)
{
	/* lower-case forms plus stems fit in three times the text */
	w->pool_cap = 3 * w->len + 4 * DYAD_MAX_WORD_BYTES;
	w->pool = dyad_arena_alloc(w->arena, w->pool_cap);
	if (!w->pool)
		return DYAD_ENOMEM;
	w->pool_len = 0;
	for (size_t s = 0; s < w->n_sentences; s++) {
		dyad_status st = tokenize_sentence(w, s);
		if (st != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}
