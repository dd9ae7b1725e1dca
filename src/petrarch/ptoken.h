/*
 * ptoken.h - Penn Treebank style tokens for the dictionary coder.
 *
 * TABARI/PETRARCH dictionaries were written against treebank tokens: "won't"
 * is "WO N'T", "Gondor's" is "GONDOR 'S", "U.S." keeps its dots. This is a
 * view of the pieces of dyad's one scanning rule (core/token.h): letters and
 * digits joined by inner - . ' & make a word, and the treebank conventions
 * (contractions, final full stops, "--", quotes) are applied to it, so that
 * dictionary phrases and synsets ("+CA N'T") match the words they were
 * written for. Tokens are upper-cased into a pool; each keeps its byte span
 * in the input.
 */
#ifndef DYAD_PETRARCH_PTOKEN_H
#define DYAD_PETRARCH_PTOKEN_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "dyad.h"

enum dyad__ptok_flags {
	DYAD_PTOK_WORD = 1 << 0,  /* letters, digits, inner - . ' & */
	DYAD_PTOK_NUM = 1 << 1,   /* digits with , . separators */
	DYAD_PTOK_PUNCT = 1 << 2,
	DYAD_PTOK_CAP = 1 << 3,   /* first letter written upper case */
	DYAD_PTOK_POSS = 1 << 4,  /* the possessive 'S or ' split off a word */
	DYAD_PTOK_QUOTE = 1 << 5, /* " `` '' and the like */
};

struct dyad__ptok {
	const char *up;       /* upper-case text, NUL-terminated, in the arena */
	uint32_t len;
	uint32_t start, end;  /* bytes of the input it came from */
	uint16_t flags;       /* enum dyad__ptok_flags */
};

/* Longest sentence (in tokens) the coder takes; longer text is cut. */
#define DYAD_PTOK_MAX 1024

/*
 * Tokenize (text, len) into *toks (arena array, *n tokens). Never fails on
 * content; DYAD_ENOMEM only.
 */
dyad_status dyad__ptokenize(struct dyad_arena *arena, const char *text,
                            size_t len, struct dyad__ptok **toks, size_t *n);

#endif
