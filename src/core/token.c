/*
 * token.c - the one scanning rule of dyad (see token.h): what a word, a
 * number and a mark are. The document tokenizer (text/tokenize.c), the
 * phrase keys of the knowledge base (kb/phrase.c), the date reader, the
 * metadata stage and the PETRARCH coder all cut text with it.
 */
#include "core/token.h"

#include "core/utf8.h"

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
