/*
 * token.h - the one scanning rule: how text is cut into words, numbers and
 * marks, with the facts every layer asks of a token (case, script, glued to
 * the word before). Knowledge-free: stems, lower-case forms and languages
 * are added by text/tokenize.c for documents and by kb/phrase.c for
 * dictionary phrases, so that both see the same tokens.
 *
 * Hyphens and apostrophes split words ("Kara-Kyrgyz" is Kara - Kyrgyz with
 * the hyphen and the second part marked GLUED; "country's" is country 's), so
 * that dictionary phrases, tokenized the same way, match their parts.
 * Dotted acronyms ("U.S.", "U.N.") stay one token; "4,000" and "169.4" are
 * one number.
 */
#ifndef DYAD_CORE_TOKEN_H
#define DYAD_CORE_TOKEN_H

#include <stddef.h>
#include <stdint.h>

enum dyad__token_flags {
	DYAD_TOK_WORD = 1 << 0,     /* letters (may contain digits or apostrophes) */
	DYAD_TOK_NUMBER = 1 << 1,   /* digits, with , . separators */
	DYAD_TOK_PUNCT = 1 << 2,
	DYAD_TOK_CAP = 1 << 3,      /* first letter upper case */
	DYAD_TOK_ALLCAPS = 1 << 4,  /* every letter upper case, 2+ letters */
	DYAD_TOK_CYRILLIC = 1 << 5,
	DYAD_TOK_LATIN = 1 << 6,
	DYAD_TOK_GLUED = 1 << 7,    /* no space before it ("-" in "Kara-Kyrgyz") */
	DYAD_TOK_SENT_START = 1 << 8, /* first word of its sentence */
	DYAD_TOK_QUOTE = 1 << 9,    /* a quotation mark */
	DYAD_TOK_INITIAL = 1 << 10, /* single capital letter followed by "." */
};

/*
 * Pieces: the smallest units of the scanning rule. A run of letters, a run
 * of ASCII digits, or one other character: a space (any Unicode white
 * space) or a mark (punctuation, symbols, digits of other scripts). Tokens
 * are made of pieces; the date reader reads pieces directly ("8th" is 8 and
 * th, "05.03.2024" five pieces) and so does the treebank view of the
 * PETRARCH coder.
 */
enum dyad__piece_kind {
	DYAD_PIECE_NONE,    /* past the end */
	DYAD_PIECE_LETTERS,
	DYAD_PIECE_DIGITS,  /* ASCII digits */
	DYAD_PIECE_SPACE,   /* one white-space character */
	DYAD_PIECE_MARK,    /* one other character */
};

struct dyad__piece {
	uint32_t start, end; /* bytes */
	uint32_t cp;         /* its first code point */
	uint32_t n_cps;      /* code points */
	uint32_t n_upper;    /* upper-case letters among them */
	uint8_t kind;        /* enum dyad__piece_kind */
	uint8_t alnum;       /* letters or digits of any script */
};

/* The piece at *pos in text[0, end): 0 at the end, else fills *p and moves
 * *pos past it. */
int dyad__next_piece(const char *text, size_t *pos, size_t end,
                     struct dyad__piece *p);

/* 1 for letters and digits of any script (what words are made of). */
int dyad__piece_is_alnum(const struct dyad__piece *p);

/*
 * The token that starts at or after *pos in text[0, end): returns 0 at the
 * end; else sets [*start, *tok_end) and the DYAD_TOK_* flags and moves *pos
 * past the token. Spaces and line ends separate tokens; every other
 * character is part of one.
 */
int dyad__next_token(const char *text, size_t *pos, size_t end, uint32_t *start,
                     uint32_t *tok_end, uint32_t *flags);

#endif
