/*
 * coder.h - the working state of one sentence in the dictionary coder.
 *
 * PETRARCH coded from a treebank parse; this coder replaces the parse with a
 * shallow analysis of the tokens:
 *
 *   tokens -> discards -> comma clauses dropped -> classes
 *          -> actor and agent phrases (longest match)   coder_np.c
 *          -> noun groups, "X of Y" links, "A, B and C" compounds = units
 *          -> verbs and their pattern matches           coder.c
 *          -> source and target of each verb -> events
 *
 * Everything lives in the sentence's arena.
 */
#ifndef DYAD_PETRARCH_CODER_H
#define DYAD_PETRARCH_CODER_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "petrarch/pdict.h"

#define DYAD_CODER_NONE (-1)

struct dyad__stok {
	const char *up;     /* upper-case text */
	uint32_t len;
	uint32_t off;       /* in sentence.canon */
	uint16_t flags;     /* enum dyad__ptok_flags */
	uint8_t cls;        /* enum dyad__pclass */
	uint8_t verb;       /* part of a verb anchor */
	uint32_t word;      /* dictionary word id, or DYAD_PDICT_NONE */
	int32_t actor;      /* actor match covering it, or NONE */
	int32_t agent;      /* agent match covering it, or NONE */
	int32_t group;      /* noun group, or NONE */
	int32_t unit;       /* unit (noun phrase or compound), or NONE */
};

/* A dictionary phrase found in the sentence: tokens [s, e). */
struct dyad__smatch {
	int32_t s, e;
	uint32_t entry; /* actor or agent index */
};

/* A noun group: a run of noun-phrase tokens, with its code(s). */
struct dyad__sgroup {
	int32_t s, e;
	int32_t actor;        /* first actor match inside, or NONE */
	int has_agent;
	int has_actor;        /* its codes come from an actor (not agents alone) */
	const char **codes;   /* the group's codes after agents are applied */
	size_t n_codes;
};

/*
 * A unit: what a pattern's $ + % ^ and the source/target search deal in. A
 * noun group, possibly with "of/in/from" phrases attached, or a compound of
 * those ("Arnor, Osgiliath and Gondor").
 */
struct dyad__sunit {
	int32_t s, e;
	const char **codes;   /* distinct codes of its members, "---GOV" forms */
	size_t n_codes;
	int n_members;        /* members of a compound (1 for a plain phrase) */
	int has_actor;        /* some member has an actor code */
};

struct dyad__psentence {
	const struct dyad_dict *dict;
	struct dyad_arena *arena;
	int32_t date;                /* YYYYMMDD or 0 */
	struct dyad__stok *toks;
	int32_t n;
	char *canon;                 /* token texts joined by single spaces */
	struct dyad__smatch *actors; /* in token order */
	int32_t n_actors;
	struct dyad__smatch *agents;
	int32_t n_agents;
	struct dyad__sgroup *groups;
	int32_t n_groups;
	struct dyad__sunit *units;
	int32_t n_units;
};

/*
 * Find actor and agent phrases, then build the noun groups and units of the
 * sentence (tokens flagged .verb are left out of noun groups).
 * DYAD_ENOMEM only.
 */
dyad_status dyad__coder_find_phrases(struct dyad__psentence *s);
dyad_status dyad__coder_build_units(struct dyad__psentence *s);

/* Code of an actor on the sentence's date: NULL when it has none then. */
const char *dyad__coder_actor_code(const struct dyad__psentence *s,
                                   uint32_t actor);

/* The canonical text of tokens [a, b) (a substring of s->canon). */
const char *dyad__coder_span(const struct dyad__psentence *s, int32_t a,
                             int32_t b, size_t *len);

#endif
