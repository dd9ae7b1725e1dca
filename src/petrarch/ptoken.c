/*
 * ptoken.c - the treebank view of the one scanning rule for the dictionary
 * coder (see ptoken.h).
 */
#include "petrarch/ptoken.h"

#include <string.h>

#include "core/token.h"
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

enum punct { PUNCT_NONE, PUNCT_QUOTE, PUNCT_DASH, PUNCT_OTHER };

/* The quote, dash and other marks the treebank writes as punctuation, from
 * the mark piece p: returns which (PUNCT_NONE when p starts a word) and in
 * *end where the token ends. */
static enum punct punct_at(const char *text, size_t len, const struct dyad__piece *p,
                           size_t *end)
{
	uint32_t cp = p->cp;
	size_t e = p->end;
	*end = e;
	if (is_quote(cp)) {
		if (cp == '`' && e < len && text[e] == '`')
			*end = e + 1;
		return PUNCT_QUOTE;
	}
	if (cp == CP_EN_DASH || cp == CP_EM_DASH || (cp == '-' && e < len && text[e] == '-')) {
		while (*end < len && text[*end] == '-')
			(*end)++;
		return PUNCT_DASH;
	}
	if (is_apostrophe(cp) && !(e < len && is_alnum(text[e]))) {
		if (e < len && text[e] == '\'')
			*end = e + 1; /* '' is one quote */
		return PUNCT_QUOTE;
	}
	/* a word starts with a letter, a digit, '&' or an apostrophe ("'S") */
	if (cp >= 0x80 ? dyad_cp_is_digit(cp) : cp == '&' || cp == '\'')
		return PUNCT_NONE;
	if (cp == '.')
		while (*end < len && text[*end] == '.')
			(*end)++;
	return PUNCT_OTHER;
}

/* The treebank token of punctuation [at, e) of that kind starting with cp
 * (which ends at cp_end): a quote is ", a dash --, several dots ..., any
 * other ASCII mark itself and other characters ?. */
static dyad_status emit_punct(struct tokenizer *t, enum punct kind, uint32_t cp,
                              size_t at, size_t e, size_t cp_end)
{
	if (kind == PUNCT_QUOTE)
		return emit(t, "\"", 1, at, e, DYAD_PTOK_PUNCT | DYAD_PTOK_QUOTE);
	if (kind == PUNCT_DASH)
		return emit(t, "--", 2, at, e, DYAD_PTOK_PUNCT);
	char c = cp < 0x80 ? (char)cp : '?';
	return emit(t, e > cp_end ? "..." : &c, e > cp_end ? 3 : 1, at, e, DYAD_PTOK_PUNCT);
}

/* Append the code points of piece p to the upper-case word (up, *un): ASCII
 * letters upper-cased, apostrophes written '. */
static void append_upper(const char *text, const struct dyad__piece *p, char *up,
                         size_t cap, size_t *un)
{
	size_t j = p->start;
	while (j < p->end) {
		size_t k = j;
		uint32_t c = dyad_utf8_next(text, p->end, &k);
		if (*un + 4 < cap) {
			if (is_apostrophe(c)) {
				up[(*un)++] = '\'';
			} else if (c < 0x80) {
				char ch = (char)c;
				up[(*un)++] = ch >= 'a' && ch <= 'z' ? (char)(ch - 'a' + 'A') : ch;
			} else {
				memcpy(up + *un, text + j, k - j);
				*un += k - j;
			}
		}
		j = k;
	}
}

/* A word from piece p: letters and digits with inner - . ' &, as far as
 * they go ("coal--the": a double dash is punctuation). Returns its end. */
static size_t word_pieces(const char *text, size_t len, const struct dyad__piece *first,
                          char *up, size_t cap, size_t *un)
{
	struct dyad__piece p = *first;
	size_t j = first->start, pos;
	*un = 0;
	for (;;) {
		int inner = p.kind == DYAD_PIECE_MARK &&
		            (p.cp == '-' || p.cp == '.' || is_apostrophe(p.cp) || p.cp == '&');
		if (!dyad__piece_is_alnum(&p) && !inner)
			break;
		if (p.cp == '-' && p.end < len && text[p.end] == '-')
			break;
		append_upper(text, &p, up, cap, un);
		j = p.end;
		pos = j;
		if (!dyad__next_piece(text, &pos, len, &p))
			break;
	}
	return j;
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
	struct dyad__piece p;
	while (st == DYAD_OK && t.n < DYAD_PTOK_MAX && dyad__next_piece(text, &i, len, &p)) {
		if (p.kind == DYAD_PIECE_SPACE || p.cp == '_' || p.cp == 0)
			continue;
		size_t e;
		enum punct kind = p.kind == DYAD_PIECE_MARK ? punct_at(text, len, &p, &e) : PUNCT_NONE;
		if (kind != PUNCT_NONE) {
			st = emit_punct(&t, kind, p.cp, p.start, e, p.end);
			i = e;
			continue;
		}
		char up[PTOK_WORD_MAX];
		size_t un;
		size_t j = word_pieces(text, len, &p, up, sizeof up, &un);
		st = emit_word(&t, up, un, p.start, j, p.cp >= 'A' && p.cp <= 'Z');
		i = j;
	}
	*n = t.n;
	return st;
}
