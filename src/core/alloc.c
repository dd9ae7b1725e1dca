/*
 * alloc.c - heap wrappers with one out-of-memory policy and a failure hook
 * for tests (see alloc.h): $DYAD_FAIL_ALLOC_AFTER for a whole process, or
 * dyad__alloc_fail_after() for a test that makes every allocation point of
 * a call fail in turn (tests/unit/test_alloc_fail.c).
 */
#define _GNU_SOURCE /* mremap */
#include "core/alloc.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Allocation-failure injection: -1 = off. Read once from the environment;
 * atomic, since a pool's threads allocate at once. */
static _Atomic long fail_after = -2;
static _Atomic long n_allocs;
static _Atomic int counting; /* a test asked: count even when nothing fails */

void dyad__alloc_fail_after(long n)
{
	atomic_store(&fail_after, n < 0 ? -1 : n);
	atomic_store(&n_allocs, 0);
	atomic_store(&counting, 1);
}

long dyad__alloc_count(void)
{
	return atomic_load(&n_allocs);
}

static int should_fail(void)
{
	long after = atomic_load_explicit(&fail_after, memory_order_relaxed);
	if (after == -2) {
		const char *env = getenv("DYAD_FAIL_ALLOC_AFTER");
		after = env ? strtol(env, NULL, 10) : -1;
		atomic_store_explicit(&fail_after, after, memory_order_relaxed);
	}
	if (after < 0) {
		/* how many points a call has, for the test */
		if (atomic_load_explicit(&counting, memory_order_relaxed))
			atomic_fetch_add_explicit(&n_allocs, 1, memory_order_relaxed);
		return 0;
	}
	return atomic_fetch_add_explicit(&n_allocs, 1, memory_order_relaxed) >= after;
}

void *dyad__malloc(size_t size)
{
	if (should_fail())
		return NULL;
	return malloc(size ? size : 1);
}

void *dyad__calloc(size_t count, size_t size)
{
	if (should_fail())
		return NULL;
	return calloc(count ? count : 1, size ? size : 1);
}

void *dyad__realloc(void *ptr, size_t size)
{
	if (should_fail())
		return NULL;
	return realloc(ptr, size ? size : 1);
}

void dyad__free(void *ptr)
{
	free(ptr);
}

/*
 * Leak checkers and address checkers do not look inside pages mapped
 * directly: a heap pointer kept only in such a page (an arena's list of
 * blocks) would be reported as leaked, and an overrun of the page would go
 * unseen. Sanitized builds therefore take "pages" from the heap.
 */
#if defined(__SANITIZE_ADDRESS__)
#define DYAD_PAGES_FROM_HEAP 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define DYAD_PAGES_FROM_HEAP 1
#endif
#endif

#ifdef DYAD_PAGES_FROM_HEAP
void *dyad__pages_alloc(size_t size)
{
	return dyad__calloc(1, size ? size : 1);
}

void *dyad__pages_resize(void *p, size_t old_size, size_t new_size)
{
	unsigned char *q = dyad__realloc(p, new_size ? new_size : 1);
	if (q && new_size > old_size)
		memset(q + old_size, 0, new_size - old_size);
	return q;
}

void dyad__pages_free(void *p, size_t size)
{
	(void)size;
	dyad__free(p);
}
#else
void *dyad__pages_alloc(size_t size)
{
	if (should_fail())
		return NULL;
	void *p = mmap(NULL, size ? size : 1, PROT_READ | PROT_WRITE,
	               MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return p == MAP_FAILED ? NULL : p;
}

void *dyad__pages_resize(void *p, size_t old_size, size_t new_size)
{
	if (should_fail())
		return NULL;
#ifdef MREMAP_MAYMOVE
	void *q = mremap(p, old_size, new_size, MREMAP_MAYMOVE);
	return q == MAP_FAILED ? NULL : q;
#else
	void *q = mmap(NULL, new_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
	               -1, 0);
	if (q == MAP_FAILED)
		return NULL;
	memcpy(q, p, old_size < new_size ? old_size : new_size);
	munmap(p, old_size);
	return q;
#endif
}

void dyad__pages_free(void *p, size_t size)
{
	if (p)
		munmap(p, size ? size : 1);
}
#endif

char *dyad__strndup(const char *s, size_t len)
{
	char *copy = dyad__malloc(len + 1);
	if (!copy)
		return NULL;
	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

char *dyad__strdup(const char *s)
{
	return dyad__strndup(s, strlen(s));
}

size_t dyad__mul_size(size_t count, size_t size, int *overflow)
{
	if (size && count > SIZE_MAX / size) {
		*overflow = 1;
		return 0;
	}
	*overflow = 0;
	return count * size;
}
