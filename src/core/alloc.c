/*
 * alloc.c - heap wrappers with one out-of-memory policy and a failure hook
 * for tests (see alloc.h): $DYAD_FAIL_ALLOC_AFTER for a whole process, or
 * dyad__alloc_fail_after() for a test that makes every allocation point of
 * a call fail in turn (tests/unit/test_alloc_fail.c).
 */
#include "core/alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Allocation-failure injection: -1 = off. Read once from the environment. */
static long fail_after = -2;
static long n_allocs;
static int counting; /* a test asked: count even when nothing fails */

void dyad__alloc_fail_after(long n)
{
	fail_after = n < 0 ? -1 : n;
	n_allocs = 0;
	counting = 1;
}

long dyad__alloc_count(void)
{
	return n_allocs;
}

static int should_fail(void)
{
	if (fail_after == -2) {
		const char *env = getenv("DYAD_FAIL_ALLOC_AFTER");
		fail_after = env ? strtol(env, NULL, 10) : -1;
	}
	if (fail_after < 0) {
		n_allocs += counting; /* how many points a call has, for the test */
		return 0;
	}
	return n_allocs++ >= fail_after;
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
