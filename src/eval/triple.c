/*
 * triple.c - sorted sets of event triples (see triple.h).
 */
#include "eval/triple.h"

#include <stdlib.h>
#include <string.h>

#include "eval/pyrepr.h"

/* Python compares str by code point, which on UTF-8 is strcmp order. */
static int cmp_triple(const void *pa, const void *pb)
{
	const struct dyad__eval_triple *a = pa, *b = pb;
	int c = strcmp(a->src, b->src);
	if (c == 0)
		c = strcmp(a->tgt, b->tgt);
	if (c == 0)
		c = strcmp(a->root, b->root);
	return c;
}

struct dyad__eval_triple dyad__eval_canon(struct dyad__eval_triple t)
{
	if (strcmp(t.root, "04") == 0 && strcmp(t.src, t.tgt) > 0) {
		const char *swap = t.src;
		t.src = t.tgt;
		t.tgt = swap;
	}
	return t;
}

void dyad__eval_set_make(struct dyad__eval_set *set,
                         struct dyad__eval_triple *items, size_t n)
{
	set->items = items;
	set->n = 0;
	if (n == 0)
		return;
	qsort(items, n, sizeof items[0], cmp_triple);
	size_t kept = 1;
	for (size_t i = 1; i < n; i++)
		if (cmp_triple(&items[i], &items[kept - 1]) != 0)
			items[kept++] = items[i];
		else if (items[i].confidence > items[kept - 1].confidence)
			items[kept - 1].confidence = items[i].confidence;
	set->n = kept;
}

int dyad__eval_set_has(const struct dyad__eval_set *set,
                       struct dyad__eval_triple t)
{
	return set && set->n &&
	       bsearch(&t, set->items, set->n, sizeof set->items[0], cmp_triple);
}

dyad_status dyad__eval_set_filter(struct dyad_arena *arena,
                                  const struct dyad__eval_set *a,
                                  const struct dyad__eval_set *b,
                                  const struct dyad__eval_set *c, int want_in_b,
                                  struct dyad__eval_set *out)
{
	out->items = NULL;
	out->n = 0;
	if (a->n == 0)
		return DYAD_OK;
	out->items = dyad_arena_calloc(arena, a->n, sizeof a->items[0]);
	if (!out->items)
		return DYAD_ENOMEM;
	for (size_t i = 0; i < a->n; i++) {
		int keep = want_in_b ? dyad__eval_set_has(b, a->items[i])
		                     : !dyad__eval_set_has(b, a->items[i]) &&
		                           !dyad__eval_set_has(c, a->items[i]);
		if (keep)
			out->items[out->n++] = a->items[i];
	}
	return DYAD_OK;
}

dyad_status dyad__eval_set_repr(struct dyad_buf *out,
                                const struct dyad__eval_set *set)
{
	dyad_buf_putc(out, '[');
	for (size_t i = 0; i < set->n; i++) {
		const struct dyad__eval_triple *t = &set->items[i];
		if (i)
			dyad_buf_puts(out, ", ");
		dyad_buf_putc(out, '(');
		dyad__eval_repr_str(out, t->src, strlen(t->src));
		dyad_buf_puts(out, ", ");
		dyad__eval_repr_str(out, t->tgt, strlen(t->tgt));
		dyad_buf_puts(out, ", ");
		dyad__eval_repr_str(out, t->root, strlen(t->root));
		dyad_buf_putc(out, ')');
	}
	return dyad_buf_putc(out, ']');
}
