/*
 * test_core.c - arena, buffers, vectors, hash map, UTF-8 and the scanning rule.
 */
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/hash.h"
#include "core/token.h"
#include "core/utf8.h"
#include "core/vec.h"
#include "testlib.h"

TEST(arena_hands_out_aligned_memory_and_releases_it)
{
	struct dyad_arena a;
	dyad_arena_init(&a, 0);
	for (int i = 0; i < 10000; i++) {
		char *p = dyad_arena_alloc(&a, (size_t)(i % 97) + 1);
		CHECK(p != NULL);
		CHECK(((uintptr_t)p % sizeof(void *)) == 0);
	}
	CHECK(a.used > 0);
	char *s = dyad_arena_strdup(&a, "Baku");
	CHECK_STR_EQ(s, "Baku");
	dyad_arena_release(&a);
	CHECK_INT_EQ(a.used, 0);
}

TEST(arena_cap_refuses_growth)
{
	struct dyad_arena a;
	dyad_arena_init(&a, 1024);
	CHECK(dyad_arena_alloc(&a, 512) != NULL);
	CHECK(dyad_arena_alloc(&a, 4096) == NULL);
	dyad_arena_release(&a);
}

TEST(buf_appends_and_caps)
{
	struct dyad_buf b;
	dyad_buf_init(&b, 8);
	CHECK_INT_EQ(dyad_buf_puts(&b, "abc"), DYAD_OK);
	CHECK_INT_EQ(dyad_buf_printf(&b, "%d", 42), DYAD_OK);
	CHECK_STR_EQ(b.data, "abc42");
	CHECK_INT_EQ(dyad_buf_puts(&b, "overflow"), DYAD_ETOOBIG);
	CHECK_INT_EQ(b.error, DYAD_ETOOBIG); /* sticky */
	CHECK_INT_EQ(dyad_buf_putc(&b, 'x'), DYAD_ETOOBIG);
	dyad_buf_release(&b);
}

/* printf formats into the room left when it fits, grows when it does
 * not, and past the cap leaves the text as it was. */
TEST(buf_printf_fits_grows_and_caps)
{
	struct dyad_buf b;
	dyad_buf_init(&b, 300);
	for (int i = 0; i < 25; i++)
		CHECK_INT_EQ(dyad_buf_printf(&b, "%05d,", i * 7), DYAD_OK);
	CHECK_INT_EQ(b.len, 150);
	CHECK(strncmp(b.data + 144, "00168,", 6) == 0);
	CHECK_INT_EQ(b.data[b.len], '\0');
	CHECK_INT_EQ(dyad_buf_printf(&b, "%0140d", 5), DYAD_OK); /* 290: grows */
	CHECK_INT_EQ(b.len, 290);
	CHECK_INT_EQ(dyad_buf_printf(&b, "%s", "0123456789x"), DYAD_ETOOBIG);
	CHECK_INT_EQ(b.len, 290);
	CHECK_INT_EQ(b.data[b.len], '\0');
	dyad_buf_release(&b);
	struct dyad_buf c;
	dyad_buf_init(&c, 5);
	CHECK_INT_EQ(dyad_buf_puts(&c, "ab"), DYAD_OK); /* 256 allocated, cap 5 */
	CHECK_INT_EQ(dyad_buf_printf(&c, "%d", 1234), DYAD_ETOOBIG);
	CHECK_STR_EQ(c.data, "ab");
	dyad_buf_release(&c);
}

TEST(vec_grows)
{
	int *items = NULL;
	size_t n = 0, alloc = 0;
	for (int i = 0; i < 1000; i++) {
		int *slot = DYAD_VEC_PUSH(&items, &n, &alloc);
		CHECK(slot != NULL);
		*slot = i;
	}
	CHECK_INT_EQ(n, 1000);
	CHECK_INT_EQ(items[999], 999);
	dyad__free(items);
}

TEST(hash_puts_gets_and_replaces)
{
	struct dyad_hash h;
	dyad_hash_init(&h);
	char keys[2000][8];
	for (int i = 0; i < 2000; i++) {
		snprintf(keys[i], sizeof keys[i], "k%d", i);
		CHECK_INT_EQ(dyad_hash_put(&h, keys[i], strlen(keys[i]), (uint32_t)i, NULL, NULL),
		             DYAD_OK);
	}
	uint32_t v = 0;
	CHECK(dyad_hash_get(&h, "k1234", 5, &v));
	CHECK_INT_EQ(v, 1234);
	CHECK(!dyad_hash_get(&h, "k2000", 5, &v));
	int existed = 0;
	uint32_t old = 0;
	CHECK_INT_EQ(dyad_hash_put(&h, keys[7], 2, 70, &existed, &old), DYAD_OK);
	CHECK(existed);
	CHECK_INT_EQ(old, 7);
	dyad_hash_release(&h);
}

TEST(utf8_decodes_validates_and_lowers)
{
	const char *s = "Азербайджан";
	size_t i = 0;
	CHECK_INT_EQ(dyad_utf8_next(s, strlen(s), &i), 0x0410);
	CHECK_INT_EQ(i, 2);
	CHECK(dyad_utf8_valid(s, strlen(s)));
	CHECK(!dyad_utf8_valid("\xC3\x28", 2));
	CHECK(!dyad_utf8_valid("\xED\xA0\x80", 3)); /* surrogate */
	CHECK(!dyad_utf8_valid("\xC0\xAF", 2));     /* overlong */
	char out[64];
	dyad_utf8_lower("ЁЛКА Baku", strlen("ЁЛКА Baku"), out, sizeof out);
	CHECK_STR_EQ(out, "елка baku");
	i = 0;
	CHECK_INT_EQ(dyad_utf8_next("\xE2\x82", 2, &i), DYAD_UTF8_INVALID);
	CHECK_INT_EQ(i, 1);
}

TEST(the_scanning_rule_cuts_words_numbers_and_marks)
{
	const char *text = "U.S.-made 4,000 drones, Kara-Kyrgyz's 8th";
	static const char *const want[] = {"U.S.", "-", "made", "4,000", "drones", ",", "Kara",
	                                   "-", "Kyrgyz", "'s", "8th"};
	size_t pos = 0, n = 0;
	uint32_t a, b, f;
	while (dyad__next_token(text, &pos, strlen(text), &a, &b, &f) && n < 11) {
		CHECK_INT_EQ(b - a, strlen(want[n]));
		CHECK(strncmp(text + a, want[n], b - a) == 0);
		n++;
	}
	CHECK_INT_EQ(n, 11);
	/* pieces: the date reader's "8th" is 8 and th */
	struct dyad__piece p;
	pos = strlen(text) - 3;
	CHECK(dyad__next_piece(text, &pos, strlen(text), &p));
	CHECK_INT_EQ(p.kind, DYAD_PIECE_DIGITS);
	CHECK(dyad__next_piece(text, &pos, strlen(text), &p));
	CHECK_INT_EQ(p.kind, DYAD_PIECE_LETTERS);
	CHECK_INT_EQ(p.n_cps, 2);
}

TEST(strerror_names_every_status)
{
	for (int s = 0; s < DYAD_N_STATUS; s++)
		CHECK(strlen(dyad_strerror((dyad_status)s)) > 0);
	CHECK_STR_EQ(dyad_strerror(DYAD_ENOMEM), "out of memory");
	CHECK_STR_EQ(dyad_entity_kind_name(DYAD_ENTITY_ORG), "org");
}

int main(void)
{
	RUN(arena_hands_out_aligned_memory_and_releases_it);
	RUN(arena_cap_refuses_growth);
	RUN(buf_appends_and_caps);
	RUN(buf_printf_fits_grows_and_caps);
	RUN(vec_grows);
	RUN(hash_puts_gets_and_replaces);
	RUN(utf8_decodes_validates_and_lowers);
	RUN(the_scanning_rule_cuts_words_numbers_and_marks);
	RUN(strerror_names_every_status);
	return testlib_done();
}
