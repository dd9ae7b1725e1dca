/*
 * triple.h - the unit of event scoring: (source actor, target actor, root).
 *
 * score.py compares sets of triples per document. Here a set is an arena
 * array kept sorted (in Python's tuple order, which is also what --verbose
 * prints) and free of duplicates; membership is a binary search. Strings are
 * NUL-terminated UTF-8 that outlive the set (static actor codes, arena roots).
 */
#ifndef DYAD_EVAL_TRIPLE_H
#define DYAD_EVAL_TRIPLE_H

#include <stddef.h>

#include "core/arena.h"
#include "core/buf.h"

struct dyad__eval_triple {
	const char *src;  /* actor(): ISO3, "IGO" or "" */
	const char *tgt;
	const char *root; /* CAMEO root as given ("04") */
	double confidence; /* of a found triple: its best event's (1 when the
	                      output gives none); not part of its identity */
};

struct dyad__eval_set {
	struct dyad__eval_triple *items; /* sorted, unique */
	size_t n;
};

/* Root 04 (consult) has no direction: its actors are put in order. */
struct dyad__eval_triple dyad__eval_canon(struct dyad__eval_triple t);

/*
 * Turn (items, n), an array in arena memory, into a set in place: sort it
 * and drop duplicates. The set shares the array.
 */
void dyad__eval_set_make(struct dyad__eval_set *set,
                         struct dyad__eval_triple *items, size_t n);

/* 1 when t is in the set. */
int dyad__eval_set_has(const struct dyad__eval_set *set,
                       struct dyad__eval_triple t);

/*
 * The triples of a that are in b (want_in_b = 1) or in neither b nor c
 * (want_in_b = 0; c may be NULL), as a new set in the arena. DYAD_ENOMEM.
 */
dyad_status dyad__eval_set_filter(struct dyad_arena *arena,
                                  const struct dyad__eval_set *a,
                                  const struct dyad__eval_set *b,
                                  const struct dyad__eval_set *c, int want_in_b,
                                  struct dyad__eval_set *out);

/* Append the set as Python prints a sorted list of tuples:
 * [('KGZ', 'AZE', '05'), ...]. */
dyad_status dyad__eval_set_repr(struct dyad_buf *out,
                                const struct dyad__eval_set *set);

#endif
