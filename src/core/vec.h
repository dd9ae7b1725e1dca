/*
 * vec.h - growable arrays of any element type, on the heap or in an arena.
 *
 *     struct thing *items = NULL; size_t n = 0, alloc = 0;
 *     struct thing *slot = DYAD_VEC_PUSH(&items, &n, &alloc);
 *     if (!slot) return DYAD_ENOMEM;
 *
 * DYAD_VEC_PUSH grows geometrically with dyad__realloc and returns a pointer
 * to a zeroed new last element, or NULL when memory is exhausted (the array
 * is left as it was). The caller owns the array and frees it with dyad__free.
 */
#ifndef DYAD_CORE_VEC_H
#define DYAD_CORE_VEC_H

#include <stddef.h>

void *dyad__vec_push(void **items, size_t *n, size_t *alloc, size_t size);

#define DYAD_VEC_PUSH(items_ptr, n_ptr, alloc_ptr)                            \
	((__typeof__(*(items_ptr)))dyad__vec_push((void **)(items_ptr), (n_ptr), \
	                                          (alloc_ptr), sizeof **(items_ptr)))

#endif
