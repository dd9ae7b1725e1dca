/*
 * pwords.h - the closed-class English words the dictionary coder needs.
 *
 * PETRARCH coded from a treebank parse; dyad replaces the parse with a
 * shallow chunker, which must tell determiners, prepositions, auxiliaries
 * and the like from content words. TABARI/PETRARCH dictionaries are English
 * only, and these word classes are a property of the language, not of any
 * dictionary, so the short table lives in pwords.c.
 */
#ifndef DYAD_PETRARCH_PWORDS_H
#define DYAD_PETRARCH_PWORDS_H

#include <stddef.h>

enum dyad__pclass {
	DYAD_PC_WORD = 0, /* content word (noun, adjective, verb...) */
	DYAD_PC_NUM,
	DYAD_PC_PUNCT,
	DYAD_PC_COMMA,
	DYAD_PC_END,      /* . ! ? */
	DYAD_PC_SEMI,     /* ; : */
	DYAD_PC_OPEN,     /* ( [ */
	DYAD_PC_CLOSE,    /* ) ] */
	DYAD_PC_QUOTE,
	DYAD_PC_DET,      /* the, a, some */
	DYAD_PC_POSSPRON, /* his, its, their */
	DYAD_PC_POSS,     /* the 's split off a name */
	DYAD_PC_PRON,     /* he, it, they */
	DYAD_PC_SUBORD,   /* that, which, who, when, while, because */
	DYAD_PC_PREP,     /* of, in, with, after */
	DYAD_PC_TO,
	DYAD_PC_CONJ,     /* and, or */
	DYAD_PC_BE,       /* is, was, been */
	DYAD_PC_HAVE,
	DYAD_PC_DO,
	DYAD_PC_MODAL,    /* will, would, should, wo (wo n't) */
	DYAD_PC_NEG,      /* not, n't, never */
	DYAD_PC_ADV,      /* now, also, -ly words */
};

/* Class of an upper-case word; DYAD_PC_WORD when it is not a function word. */
enum dyad__pclass dyad__pword_class(const char *up, size_t len);

#endif
