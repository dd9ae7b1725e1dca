/*
 * ptoken.c - treebank-style tokenizer for the dictionary coder (see
 * ptoken.h).
 */
#include "petrarch/ptoken.h"

#include <string.h>

#include "core/utf8.h"

#define PTOK_WORD_MAX 256 /* longer "words" are cut: no phrase is that long */
#define PTOK_MAX_PIECES 8 /* suffixes split off one word */

#define CP_LEFT_SINGLE_QUOTE 0x2018u
#define CP_RIGHT_SINGLE_QUOTE 0x2019u
#define CP_LEFT_DOUBLE_QUOTE 0x201Cu
#define CP_RIGHT_DOUBLE_QUOTE 0x201Du
#define CP_LEFT_GUILLEMET 0x00ABu
#define CP_RIGHT_GUILLEMET 0x00BBu
#define CP_EN_DASH 0x2013u
#define CP_EM_DASH 0x2014u

struct tokenizer {
	struct dyad_arena *arena;
	struct dyad__ptok *toks;
	size_t n;
};

static dyad_status emit(struct tokenizer *t, const char *up, size_t len,
                        size_t start, size_t end, unsigned flags)
{
	if (t->n == DYAD_PTOK_MAX || len == 0)
		return DYAD_OK;
	char *copy = dyad_arena_strndup(t->arena, up, len);
	if (!copy)
		return DYAD_ENOMEM;
	struct dyad__ptok *tok = &t->toks[t->n++];
	tok->up = copy;
	tok->len = (uint32_t)len;
	tok->start = (uint32_t)start;
	tok->end = (uint32_t)end;
	tok->flags = (uint16_t)flags;
	return DYAD_OK;
}

static int is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

static int is_apostrophe(uint32_t cp)
{
	return cp == '\'' || cp == CP_RIGHT_SINGLE_QUOTE ||
	       cp == CP_LEFT_SINGLE_QUOTE;
}

static int is_quote(uint32_t cp)
{
	return cp == '"' || cp == CP_LEFT_DOUBLE_QUOTE ||
	       cp == CP_RIGHT_DOUBLE_QUOTE || cp == CP_LEFT_GUILLEMET ||
	       cp == CP_RIGHT_GUILLEMET || cp == '`';
}

static int ends_with(const char *w, size_t n, const char *suffix)
{
	size_t s = strlen(suffix);
	return n > s && memcmp(w + n - s, suffix, s) == 0;
}

struct piece {
	const char *text;
	size_t len;
	unsigned flags;
};

static int is_number(const char *w, size_t n)
{
	if (n == 0 || w[0] < '0' || w[0] > '9')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((w[i] >= '0' && w[i] <= '9') || w[i] == ',' || w[i] == '.'))
			return 0;
	return 1;
}

/*
 * Emit one upper-cased word (w, n) from input [start, end), splitting the
 * pieces the treebank splits off: "--", a final ".", possessives, "N'T" and
 * the other contractions.
 */
static dyad_status emit_word(struct tokenizer *t, const char *w, size_t n,
                             size_t start, size_t end, int cap)
{
	struct piece pieces[PTOK_MAX_PIECES];
	size_t np = 0;
	static const char *const contractions[] = {"N'T", "'S", "'LL", "'RE",
	                                           "'VE", "'D", "'M"};
	for (int changed = 1; changed && np < PTOK_MAX_PIECES;) {
		changed = 0;
		if (n >= 3 && w[n - 1] == '-' && w[n - 2] == '-') {
			pieces[np++] = (struct piece){"--", 2, DYAD_PTOK_PUNCT};
			n -= 2;
			while (n && w[n - 1] == '-')
				n--;
			changed = 1;
			continue;
		}
		if (n >= 2 && w[n - 1] == '.') {
			int abbreviation = memchr(w, '.', n - 1) != NULL || n == 2;
			if (!abbreviation || w[n - 2] == '.') {
				pieces[np++] = (struct piece){".", 1, DYAD_PTOK_PUNCT};
				n--;
				changed = 1;
				continue;
			}
		}
		if (n >= 2 && w[n - 1] == '\'') {
			unsigned f = w[n - 2] == 'S' ? DYAD_PTOK_POSS : DYAD_PTOK_QUOTE;
			pieces[np++] = (struct piece){"'", 1, f | DYAD_PTOK_PUNCT};
			n--;
			changed = 1;
			continue;
		}
		for (size_t k = 0; k < sizeof contractions / sizeof *contractions;
		     k++) {
			const char *c = contractions[k];
			if (!ends_with(w, n, c))
				continue;
			size_t cl = strlen(c);
			unsigned f = DYAD_PTOK_WORD | (k == 1 ? DYAD_PTOK_POSS : 0);
			pieces[np++] = (struct piece){c, cl, f};
			n -= cl;
			changed = 1;
			break;
		}
	}
	size_t body_end = start + n <= end ? start + n : end;
	unsigned flags = is_number(w, n) ? DYAD_PTOK_NUM : DYAD_PTOK_WORD;
	if (cap)
		flags |= DYAD_PTOK_CAP;
	dyad_status st = emit(t, w, n, start, body_end, flags);
	while (st == DYAD_OK && np > 0) {
		struct piece *p = &pieces[--np];
		st = emit(t, p->text, p->len, body_end, end, p->flags);
	}
	return st;
}

dyad_status dyad__ptokenize(struct dyad_arena *arena, const char *text,
                            size_t len, struct dyad__ptok **toks, size_t *n)
{
	struct tokenizer t = {arena, NULL, 0};
	t.toks = dyad_arena_calloc(arena, DYAD_PTOK_MAX, sizeof *t.toks);
	*toks = t.toks;
	*n = 0;
	if (!t.toks)
		return DYAD_ENOMEM;
	dyad_status st = DYAD_OK;
	size_t i = 0;
	while (i < len && st == DYAD_OK && t.n < DYAD_PTOK_MAX) {
		size_t at = i;
		uint32_t cp = dyad_utf8_next(text, len, &i);
		if (dyad_cp_is_space(cp) || cp == '_' || cp == 0)
			continue;
		if (is_quote(cp)) {
			size_t e = i;
			if (cp == '`' && e < len && text[e] == '`')
				e++;
			st = emit(&t, "\"", 1, at, e, DYAD_PTOK_PUNCT | DYAD_PTOK_QUOTE);
			i = e;
			continue;
		}
		if (cp == CP_EN_DASH || cp == CP_EM_DASH ||
		    (cp == '-' && i < len && text[i] == '-')) {
			size_t e = i;
			while (e < len && text[e] == '-')
				e++;
			st = emit(&t, "--", 2, at, e, DYAD_PTOK_PUNCT);
			i = e;
			continue;
		}
		if (is_apostrophe(cp) && !(i < len && is_alnum(text[i]))) {
			if (i < len && text[i] == '\'')
				i++;
			st = emit(&t, "\"", 1, at, i, DYAD_PTOK_PUNCT | DYAD_PTOK_QUOTE);
			continue;
		}
		int word_start = cp >= 0x80 ? dyad_cp_is_letter(cp) || dyad_cp_is_digit(cp)
		                            : is_alnum((char)cp) || cp == '&' ||
		                                  is_apostrophe(cp);
		if (!word_start) {
			char c = cp < 0x80 ? (char)cp : '?';
			size_t e = i;
			if (c == '.')
				while (e < len && text[e] == '.')
					e++;
			st = emit(&t, e > i ? "..." : &c, e > i ? 3 : 1, at, e,
			          DYAD_PTOK_PUNCT);
			i = e;
			continue;
		}
		/* a word: letters and digits with inner - . ' & */
		char up[PTOK_WORD_MAX];
		size_t un = 0;
		size_t j = at;
		int cap = cp >= 'A' && cp <= 'Z';
		while (j < len) {
			size_t k = j;
			uint32_t c = dyad_utf8_next(text, len, &k);
			int inner = c == '-' || c == '.' || is_apostrophe(c) || c == '&';
			int letter = c >= 0x80 ? dyad_cp_is_letter(c) || dyad_cp_is_digit(c)
			                       : is_alnum((char)c);
			if (!letter && !inner)
				break;
			if (c == '-' && k < len && text[k] == '-')
				break; /* "coal--the": a double dash is punctuation */
			if (un + 4 < sizeof up) {
				if (is_apostrophe(c)) {
					up[un++] = '\'';
				} else if (c < 0x80) {
					char ch = (char)c;
					up[un++] = ch >= 'a' && ch <= 'z' ? (char)(ch - 'a' + 'A')
					                                  : ch;
				} else {
					memcpy(up + un, text + j, k - j);
					un += k - j;
				}
			}
			j = k;
		}
		if (j == at)
			j = i;
		st = emit_word(&t, up, un, at, j, cap);
		i = j;
	}
	*n = t.n;
	return st;
}
