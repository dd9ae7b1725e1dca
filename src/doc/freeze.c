/*
 * freeze.c - the life of one document's result: the struct dyad_doc and the
 * arena it owns, the growable arrays of the working state (work.h), and the
 * freezing of the working layers into the public struct dyad_doc once every
 * stage has run (extract/pipeline.c).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "doc/work.h"

#define WORK_SMALL_BYTES ((size_t)1 << 20) /* arrays below grow by doubling */

struct dyad__doc_private {
	struct dyad_arena arena;
};

struct dyad_doc *dyad__doc_new(void)
{
	struct dyad_doc *doc = dyad__calloc(1, sizeof *doc);
	struct dyad__doc_private *priv = dyad__calloc(1, sizeof *priv);
	if (!doc || !priv) {
		dyad__free(doc);
		dyad__free(priv);
		return NULL;
	}
	doc->priv = priv;
	dyad_arena_init(&priv->arena, DYAD_ARENA_DOC_CAP);
	return doc;
}

struct dyad_arena *dyad__doc_arena(struct dyad_doc *doc)
{
	return &doc->priv->arena;
}

void *dyad__work_push(struct dyad__work *w, void **items, size_t *n,
                      size_t *cap, size_t size)
{
	return dyad__work_push_in(w->arena, items, n, cap, size);
}

/* Push with the array's room grown to at most max elements. */
static void *push(struct dyad_arena *arena, void **items, size_t *n, size_t *cap,
                  size_t size, size_t max)
{
	if (*n == *cap) {
		/* doubling while small; a large array has a block of its own that
		 * grows in place without a copy, so it grows by a quarter and its
		 * slack stays small */
		size_t grow = !*cap ? 16 : *cap * size < WORK_SMALL_BYTES ? *cap * 2
		                                                        : *cap + *cap / 4;
		if (grow > max)
			grow = max;
		if (grow <= *n)
			return NULL;
		void *p = dyad_arena_resize(arena, *items, *n, grow, size);
		if (!p)
			return NULL;
		*items = p;
		*cap = grow;
	}
	char *slot = (char *)*items + (*n)++ * size;
	memset(slot, 0, size);
	return slot;
}

void *dyad__work_push_in(struct dyad_arena *arena, void **items, size_t *n,
                         size_t *cap, size_t size)
{
	return push(arena, items, n, cap, size, SIZE_MAX);
}

/* Bytes held in the working arrays of the scratch arena (their elements,
 * not the room they may still grow into, which costs no memory). */
size_t dyad__work_bytes(const struct dyad__work *w)
{
	return w->n_lines * sizeof *w->lines + w->n_sentences * sizeof *w->sentences +
	       w->n_tokens * sizeof *w->tokens + w->n_mentions * sizeof *w->mentions +
	       w->n_entities * sizeof *w->entities +
	       w->own_forms.n * sizeof *w->own_forms.items;
}

/* The arrays are filled one stage after another, so an array that grows
 * gets at most the room the others leave under DYAD_WORK_CAP: elements
 * (what costs memory: the room beyond them is pages never written) never
 * pass the bound. */
void *dyad__work_push_scratch(struct dyad__work *w, void **items, size_t *n,
                              size_t *cap, size_t size)
{
	size_t max = SIZE_MAX;
	if (*n == *cap) {
		size_t others = dyad__work_bytes(w) - *n * size, bound = DYAD_WORK_CAP(w->len);
		max = others < bound ? (bound - others) / size : 0;
		if (max <= *n) {
			dyad__work_scratch(w)->refused = 1;
			return NULL;
		}
	}
	return push(dyad__work_scratch(w), items, n, cap, size, max);
}

/* A 128-bit FNV-1a digest in hex: stable across runs and machines. */
char *dyad__digest_hex(struct dyad_arena *arena, const char *s, size_t n)
{
	const uint64_t prime = 1099511628211ull;
	uint64_t a = 1469598103934665603ull, b = 0x84222325cbf29ce4ull;
	const unsigned char *f = (const unsigned char *)s, *r = f + n;
	size_t i = 0;
	for (; i + 4 <= n; i += 4, f += 4, r -= 4) { /* four bytes a turn */
		a = (a ^ f[0]) * prime;
		b = (b ^ r[-1]) * prime;
		a = (a ^ f[1]) * prime;
		b = (b ^ r[-2]) * prime;
		a = (a ^ f[2]) * prime;
		b = (b ^ r[-3]) * prime;
		a = (a ^ f[3]) * prime;
		b = (b ^ r[-4]) * prime;
	}
	for (; i < n; i++, f++, r--) {
		a = (a ^ f[0]) * prime;
		b = (b ^ r[-1]) * prime;
	}
	char *hex = dyad_arena_alloc(arena, 33);
	if (hex)
		snprintf(hex, 33, "%016llx%016llx", (unsigned long long)a,
		         (unsigned long long)b);
	return hex;
}

static dyad_status freeze_entities(struct dyad__work *w)
{
	struct dyad_doc *doc = w->doc;
	doc->entities = dyad_arena_calloc(w->arena, w->n_entities ? w->n_entities : 1,
	                                  sizeof *doc->entities);
	if (!doc->entities)
		return DYAD_ENOMEM;
	for (size_t i = 0; i < w->n_entities; i++) {
		const struct dyad__entity *e = &w->entities[i];
		struct dyad_entity *out = &doc->entities[i];
		out->kind = e->kind;
		out->name = e->name;
		out->country = e->country;
		out->role = e->role;
		out->actor = e->actor;
		out->lat = e->lat;
		out->lon = e->lon;
		out->has_coords = e->has_coords;
		out->mentions = dyad_arena_calloc(w->arena, e->n_mentions ? e->n_mentions : 1,
		                                  sizeof *out->mentions);
		if (!out->mentions)
			return DYAD_ENOMEM;
	}
	for (size_t m = 0; m < w->n_mentions; m++) {
		const struct dyad__mention *mention = &w->mentions[m];
		if (mention->entity < 0)
			continue;
		struct dyad_entity *out = &doc->entities[mention->entity];
		out->mentions[out->n_mentions].start = mention->start;
		out->mentions[out->n_mentions].end = mention->end;
		out->n_mentions++;
	}
	doc->n_entities = w->n_entities;
	return DYAD_OK;
}

dyad_status dyad__work_freeze(struct dyad__work *w)
{
	dyad_status st = freeze_entities(w);
	if (st != DYAD_OK)
		return st;
	w->doc->events = w->events;
	w->doc->n_events = w->n_events;
	w->doc->quotes = w->quotes;
	w->doc->n_quotes = w->n_quotes;
	w->doc->amounts = w->amounts;
	w->doc->n_amounts = w->n_amounts;
	return DYAD_OK;
}

void dyad_doc_free(struct dyad_doc *doc)
{
	if (!doc)
		return;
	if (doc->priv) {
		dyad_arena_release(&doc->priv->arena);
		dyad__free(doc->priv);
	}
	dyad__free(doc);
}
