/*
 * result.h - the memory of a query result (struct dyad_nodes,
 * dyad_node_detail, dyad_graph, dyad_timeline): the result struct and
 * every string and array it points to come from one arena that travels
 * with it in ->priv, so one call frees the lot.
 */
#ifndef DYAD_QUERY_RESULT_H
#define DYAD_QUERY_RESULT_H

#include <stdint.h>

#include "core/arena.h"
#include "dyad.h"
#include "store/backend.h"

struct dyad__result_private {
	struct dyad_arena arena;
};

/* A zeroed result of size bytes whose priv member is *priv. NULL when out
 * of memory. Free with dyad__result_free(priv). */
void *dyad__result_new(size_t size, struct dyad__result_private **priv);
void dyad__result_free(struct dyad__result_private *priv);

/* A copy of a text column in the result's arena; NULL for SQL NULL. *oom
 * is set when the copy could not be made. */
const char *dyad__result_text(struct dyad__result_private *priv,
                              dyad__stmt *stmt, int col, int *oom);

/* Grow an array of the result's arena that holds *n of *cap items of size
 * bytes to hold one more; 0 when out of memory. */
int dyad__result_reserve(struct dyad__result_private *priv, void **items,
                         size_t n, size_t *cap, size_t size);

/* The node columns queries select ("n.id, n.kind, ..."), and reading them
 * from col on. */
#define DYAD_NODE_COLUMNS                                                     \
	"n.id, n.kind, n.name, n.country, n.actor, n.n_docs, n.n_mentions,"       \
	" n.n_events, n.first_day, n.last_day"
#define DYAD_NODE_N_COLUMNS 10
void dyad__result_node(struct dyad__result_private *priv, dyad__stmt *stmt,
                       int col, struct dyad_node *node, int *oom);

#endif
