/*
 * alloc.h - the one place libdyad allocates from the system heap.
 *
 * Every allocation goes through these wrappers so that there is a single
 * out-of-memory policy (return NULL, the caller returns DYAD_ENOMEM) and a
 * single hook for the allocation-failure tests: when DYAD_FAIL_ALLOC_AFTER is
 * set in the environment, the Nth allocation and all later ones fail.
 */
#ifndef DYAD_CORE_ALLOC_H
#define DYAD_CORE_ALLOC_H

#include <stddef.h>

/* Like malloc/calloc/realloc/free; NULL on failure, never abort. */
void *dyad__malloc(size_t size);
void *dyad__calloc(size_t count, size_t size);
void *dyad__realloc(void *ptr, size_t size);
void dyad__free(void *ptr);

/* A NUL-terminated copy of (s, len); free with dyad__free. NULL on failure. */
char *dyad__strndup(const char *s, size_t len);
char *dyad__strdup(const char *s);

/*
 * Tests: make the nth allocation from now (0-based) and every later one
 * fail; n < 0 lets all succeed again. Either way the count starts again at
 * 0, and dyad__alloc_count() is how many allocations were asked for since.
 * Not thread-safe: for single-threaded tests.
 */
void dyad__alloc_fail_after(long n);
long dyad__alloc_count(void);

/* count * size without overflow; 0 with *overflow set on overflow. */
size_t dyad__mul_size(size_t count, size_t size, int *overflow);

#endif
