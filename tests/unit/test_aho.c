/*
 * test_aho.c - the multi-pattern matcher of kb/aho.h: every occurrence of
 * every key, overlapping ones included, against a naive search.
 */
#include <stdio.h>
#include <string.h>

#include "kb/aho.h"
#include "testlib.h"

#define MAX_HITS 64

struct hits {
	uint32_t key[MAX_HITS];
	size_t start[MAX_HITS];
	size_t n;
};

static void record(void *ctx, uint32_t key, size_t start)
{
	struct hits *h = ctx;
	if (h->n < MAX_HITS) {
		h->key[h->n] = key;
		h->start[h->n++] = start;
	}
}

/* Occurrences a naive search finds, for comparison. */
static size_t naive(const char *const *keys, size_t n_keys, const char *text)
{
	size_t n = 0, len = strlen(text);
	for (size_t k = 0; k < n_keys; k++)
		for (size_t i = 0; keys[k][0] && i + strlen(keys[k]) <= len; i++)
			n += memcmp(text + i, keys[k], strlen(keys[k])) == 0;
	return n;
}

static int found(const struct hits *h, uint32_t key, size_t start)
{
	for (size_t i = 0; i < h->n; i++)
		if (h->key[i] == key && h->start[i] == start)
			return 1;
	return 0;
}

TEST(overlapping_keys)
{
	static const char *const keys[] = {"he", "she", "his", "hers", "/", "(", ") --"};
	size_t lens[7];
	for (size_t k = 0; k < 7; k++)
		lens[k] = strlen(keys[k]);
	struct dyad__aho a;
	CHECK_INT_EQ(dyad__aho_build(&a, keys, lens, 7), DYAD_OK);
	const char *text = "ushers /TASS/ (Yonhap) -- his";
	struct hits h = {{0}, {0}, 0};
	dyad__aho_scan(&a, text, 0, strlen(text), record, &h);
	CHECK_INT_EQ(h.n, naive(keys, 7, text));
	CHECK(found(&h, 1, 1));  /* "she" in "ushers" */
	CHECK(found(&h, 0, 2));  /* "he" */
	CHECK(found(&h, 3, 2));  /* "hers" */
	CHECK(found(&h, 4, 7));  /* the slashes of /TASS/ */
	CHECK(found(&h, 4, 12));
	CHECK(found(&h, 6, 21)); /* ") --" */
	CHECK(found(&h, 2, 26)); /* "his" at the end */
	/* a window of the text only */
	h.n = 0;
	dyad__aho_scan(&a, text, 7, 13, record, &h);
	CHECK_INT_EQ(h.n, 2);
	dyad__aho_release(&a);
}

TEST(cyrillic_and_no_keys)
{
	static const char *const keys[] = {"сообщает ", "передает ", "— "};
	size_t lens[3] = {strlen(keys[0]), strlen(keys[1]), strlen(keys[2])};
	struct dyad__aho a;
	CHECK_INT_EQ(dyad__aho_build(&a, keys, lens, 3), DYAD_OK);
	const char *text = "Об этом сообщает ТАСС — и передает Trend. — ТАСС";
	struct hits h = {{0}, {0}, 0};
	dyad__aho_scan(&a, text, 0, strlen(text), record, &h);
	CHECK_INT_EQ(h.n, naive(keys, 3, text));
	CHECK_INT_EQ(h.n, 4);
	dyad__aho_release(&a);
	CHECK_INT_EQ(dyad__aho_build(&a, NULL, NULL, 0), DYAD_OK);
	h.n = 0;
	dyad__aho_scan(&a, text, 0, strlen(text), record, &h);
	CHECK_INT_EQ(h.n, 0);
	dyad__aho_release(&a);
}

int main(void)
{
	RUN(overlapping_keys);
	RUN(cyrillic_and_no_keys);
	return testlib_done();
}
