/*
 * result.c - the arena of a query result (see result.h).
 */
#include "query/result.h"

#include "core/alloc.h"

/* A result may take this much memory: far more than any page of it. */
#define DYAD_RESULT_CAP ((size_t)1 << 30)

void *dyad__result_new(size_t size, struct dyad__result_private **priv)
{
	*priv = dyad__calloc(1, sizeof **priv);
	if (!*priv)
		return NULL;
	dyad_arena_init(&(*priv)->arena, DYAD_RESULT_CAP);
	void *r = dyad_arena_calloc(&(*priv)->arena, 1, size);
	if (!r) {
		dyad__result_free(*priv);
		*priv = NULL;
	}
	return r;
}

void dyad__result_free(struct dyad__result_private *priv)
{
	if (!priv)
		return;
	dyad_arena_release(&priv->arena);
	dyad__free(priv);
}

const char *dyad__result_text(struct dyad__result_private *priv,
                              dyad__stmt *stmt, int col, int *oom)
{
	const char *s = dyad__column_text(stmt, col);
	if (!s)
		return NULL;
	char *copy = dyad_arena_strndup(&priv->arena, s,
	                                (size_t)dyad__column_bytes(stmt, col));
	if (!copy)
		*oom = 1;
	return copy;
}

int dyad__result_reserve(struct dyad__result_private *priv, void **items,
                         size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return 1;
	size_t grown = *cap ? *cap * 2 : 16;
	void *bigger = dyad_arena_grow(&priv->arena, *items, n, grown, size);
	if (!bigger)
		return 0;
	*items = bigger;
	*cap = grown;
	return 1;
}

void dyad__result_node(struct dyad__result_private *priv, dyad__stmt *stmt,
                       int col, struct dyad_node *node, int *oom)
{
	node->id = dyad__column_int64(stmt, col);
	node->kind = dyad__result_text(priv, stmt, col + 1, oom);
	node->name = dyad__result_text(priv, stmt, col + 2, oom);
	node->country = dyad__result_text(priv, stmt, col + 3, oom);
	node->actor = dyad__result_text(priv, stmt, col + 4, oom);
	node->n_docs = dyad__column_int64(stmt, col + 5);
	node->n_mentions = dyad__column_int64(stmt, col + 6);
	node->n_events = dyad__column_int64(stmt, col + 7);
	node->first_day = dyad__result_text(priv, stmt, col + 8, oom);
	node->last_day = dyad__result_text(priv, stmt, col + 9, oom);
}
