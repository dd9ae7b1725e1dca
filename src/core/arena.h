/*
 * arena.h - bump allocation for everything that lives as long as one document
 * (or one loaded knowledge base).
 *
 * Objects are never freed one by one: dyad_arena_release() returns all of
 * them at once. Blocks grow geometrically; an arena carries a cap so that a
 * pathological document fails with DYAD_ENOMEM instead of eating the machine.
 */
#ifndef DYAD_CORE_ARENA_H
#define DYAD_CORE_ARENA_H

#include <stddef.h>

struct dyad_arena_block;

struct dyad_arena {
	struct dyad_arena_block *head; /* newest block first */
	size_t used;                   /* bytes handed out, for statistics */
	size_t reserved;               /* bytes taken from the heap */
	size_t cap;                    /* refuse to reserve more than this; 0 = none */
	int refused;                   /* an allocation was refused for the cap */
};

/* A document's working memory may not exceed this. */
#define DYAD_ARENA_DOC_CAP ((size_t)1 << 31)

void dyad_arena_init(struct dyad_arena *arena, size_t cap);

/* Release every block; the arena can be used again afterwards. */
void dyad_arena_release(struct dyad_arena *arena);

/*
 * size bytes aligned for any object; NULL when the heap or the cap is
 * exhausted. Valid until dyad_arena_release().
 */
void *dyad_arena_alloc(struct dyad_arena *arena, size_t size);

/* Zeroed array of count elements of size bytes; NULL on overflow too. */
void *dyad_arena_calloc(struct dyad_arena *arena, size_t count, size_t size);

/* NUL-terminated copy of (s, len) in the arena. */
char *dyad_arena_strndup(struct dyad_arena *arena, const char *s, size_t len);
char *dyad_arena_strdup(struct dyad_arena *arena, const char *s);

/*
 * Grow an arena array from old_count to new_count elements, the new ones
 * zeroed. A large array (a block of its own) is resized in place and may
 * move: pointers into the old array are invalid afterwards. A small one is
 * copied (the old memory stays in the arena until release).
 */
void *dyad_arena_grow(struct dyad_arena *arena, void *old, size_t old_count,
                      size_t new_count, size_t size);

/* The same without zeroing the new elements (pages not written yet stay
 * untouched): for arrays filled one element at a time. */
void *dyad_arena_resize(struct dyad_arena *arena, void *old, size_t old_count,
                        size_t new_count, size_t size);

#endif
