/*
 * test_parse_learning.c - the learning parts of the grammar stage on small
 * hand-made data: word keys, the perceptron (training, averaging, freezing,
 * the frozen table and its file), keyed tables, tag dictionary, votes, lemma
 * lexicon and rules, projectivisation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parse/features.h"
#include "parse/ktable.h"
#include "parse/lemma.h"
#include "parse/model.h"
#include "parse/parser.h"
#include "parse/perceptron.h"
#include "parse/wordlex.h"
#include "testlib.h"

TEST(word_keys_lower_case_affixes_and_shape)
{
	struct dyad__word_keys a, b, c;
	char la[DYAD_WORD_MAX_BYTES], lb[DYAD_WORD_MAX_BYTES], lc[DYAD_WORD_MAX_BYTES];
	dyad__word_keys("Minister", 8, &a, la);
	dyad__word_keys("minister", 8, &b, lb);
	CHECK_STR_EQ(la, "minister");
	CHECK(a.norm == b.norm && a.form != b.form);
	CHECK(a.suffix[2] == b.suffix[2] && a.shape != b.shape);
	CHECK(a.flags & DYAD_WORD_UPPER_INITIAL);
	/* Cyrillic: affixes by character, not byte */
	dyad__word_keys("Министру", strlen("Министру"), &c, lc);
	CHECK_STR_EQ(lc, "министру");
	CHECK_INT_EQ(c.n_chars, 8);
	struct dyad__word_keys d;
	char ld[DYAD_WORD_MAX_BYTES];
	dyad__word_keys("послу", strlen("послу"), &d, ld);
	CHECK(c.suffix[0] == d.suffix[0]); /* "у" */
	CHECK(c.suffix[1] != d.suffix[1]); /* "ру" / "лу" */
	dyad__word_keys("1999", 4, &a, la);
	dyad__word_keys("2024", 4, &b, lb);
	CHECK(a.norm == b.norm && a.shape == b.shape && (a.flags & DYAD_WORD_HAS_DIGIT));
	CHECK(dyad__fkey2(1, 2, 3) != dyad__fkey2(1, 3, 2));
	CHECK(dyad__fkey1(1, 5) != dyad__fkey1(2, 5));
}

/* Two classes told apart by one feature each; one feature shared. */
static void train_toy(struct dyad__ptrain *t)
{
	uint64_t a[2] = {dyad__fkey1(1, 1), dyad__fkey1(9, 0)};
	uint64_t b[2] = {dyad__fkey1(1, 2), dyad__fkey1(9, 0)};
	for (int epoch = 0; epoch < 5; epoch++) {
		for (int k = 0; k < 2; k++) {
			const uint64_t *keys = k ? b : a;
			float s[3] = {0, 0, 0};
			dyad__ptrain_score(t, keys, 2, s);
			uint32_t best = s[1] > s[0] ? 1 : 0, gold = (uint32_t)k;
			if (best != gold) {
				uint32_t cls[2] = {gold, best};
				float delta[2] = {1, -1};
				dyad__ptrain_update(t, keys, 2, cls, delta, 2);
			}
			dyad__ptrain_tick(t);
		}
	}
}

TEST(perceptron_learns_freezes_and_opens)
{
	struct dyad__ptrain *t;
	CHECK_INT_EQ(dyad__ptrain_new(3, &t), DYAD_OK);
	train_toy(t);
	size_t feats, weights;
	dyad__ptrain_stats(t, &feats, &weights);
	CHECK(feats >= 2 && weights >= 2);
	struct dyad_buf buf;
	dyad_buf_init(&buf, 0);
	CHECK_INT_EQ(dyad__ptrain_freeze(t, 0, &buf), DYAD_OK);
	struct dyad__pmodel m;
	CHECK_INT_EQ(dyad__pmodel_open(buf.data, buf.len, &m), DYAD_OK);
	CHECK_INT_EQ(m.n_classes, 3);
	int32_t acc[64];
	uint64_t a[2] = {dyad__fkey1(1, 1), dyad__fkey1(9, 0)};
	uint64_t b[2] = {dyad__fkey1(1, 2), dyad__fkey1(9, 0)};
	dyad__pmodel_score(&m, a, 2, acc);
	CHECK(acc[0] > acc[1]);
	dyad__pmodel_score(&m, b, 2, acc);
	CHECK(acc[1] > acc[0]);
	uint64_t unknown = dyad__fkey1(77, 7);
	dyad__pmodel_score(&m, &unknown, 1, acc);
	CHECK(acc[0] == 0 && acc[1] == 0 && acc[2] == 0);
	/* a damaged table is refused, not read out of bounds */
	CHECK_INT_EQ(dyad__pmodel_open(buf.data, buf.len - 8, &m), DYAD_EDATA);
	buf.data[0] ^= 0x55;
	CHECK_INT_EQ(dyad__pmodel_open(buf.data, buf.len, &m), DYAD_EDATA);
	dyad_buf_release(&buf);
	dyad__ptrain_free(t);
}

TEST(perceptron_rows_dense_and_sparse_add_up)
{
	enum { N = 40 };
	struct dyad__ptrain *t;
	CHECK_INT_EQ(dyad__ptrain_new(N, &t), DYAD_OK);
	uint64_t key = dyad__fkey1(3, 3), other = dyad__fkey1(4, 4);
	for (uint32_t c = 0; c < N; c++) { /* one dense row, one of a single weight */
		float d = (float)c - 20;
		dyad__ptrain_update(t, &key, 1, &c, &d, 1);
	}
	uint32_t c7 = 7;
	float d7 = 5;
	dyad__ptrain_update(t, &other, 1, &c7, &d7, 1);
	dyad__ptrain_tick(t);
	struct dyad_buf buf;
	dyad_buf_init(&buf, 0);
	CHECK_INT_EQ(dyad__ptrain_freeze(t, 0, &buf), DYAD_OK);
	struct dyad__pmodel m;
	CHECK_INT_EQ(dyad__pmodel_open(buf.data, buf.len, &m), DYAD_OK);
	int32_t acc[64];
	uint64_t keys[2] = {key, other};
	dyad__pmodel_score(&m, keys, 2, acc);
	/* updated before the one tick: averaged over two clock steps, half */
	CHECK_NEAR(acc[0] * m.scale, -10, 0.01);
	CHECK_NEAR(acc[39] * m.scale, 9.5, 0.01);
	CHECK_NEAR(acc[7] * m.scale, (-13 + 5) / 2.0, 0.01);
	dyad_buf_release(&buf);
	dyad__ptrain_free(t);
}

/* A table of three classes (a parser's moves) keeps, per feature, classes 1
 * and 2 minus class 0 in the slot: the differences, and so every argmax,
 * are those of the weights; the memo gives the same sums. */
TEST(perceptron_three_classes_as_pairs)
{
	struct dyad__ptrain *t;
	CHECK_INT_EQ(dyad__ptrain_new(3, &t), DYAD_OK);
	uint64_t keys[3] = {dyad__fkey1(3, 3), dyad__fkey1(4, 4), dyad__fkey1(5, 5)};
	uint32_t cls[3] = {0, 1, 2};
	float d0[3] = {4, 1, -2}, d1[3] = {0, 3, 0};
	dyad__ptrain_update(t, &keys[0], 1, cls, d0, 3);
	dyad__ptrain_update(t, &keys[1], 1, cls, d1, 3);
	uint32_t c2 = 2;
	float small = 0.25f;
	dyad__ptrain_update(t, &keys[2], 1, &c2, &small, 1); /* dropped at min_weight 0.5 */
	dyad__ptrain_tick(t);
	struct dyad_buf buf;
	dyad_buf_init(&buf, 0);
	CHECK_INT_EQ(dyad__ptrain_freeze(t, 0.5f, &buf), DYAD_OK);
	struct dyad__pmodel m;
	CHECK_INT_EQ(dyad__pmodel_open(buf.data, buf.len, &m), DYAD_OK);
	CHECK_INT_EQ(m.n_rows, 2);
	int32_t acc[64], acc2[64];
	dyad__pmodel_score(&m, keys, 3, acc);
	/* averaged over two clock steps: half; sums (2, 0.5 + 1.5, -1) */
	CHECK_INT_EQ(acc[0], 0);
	CHECK_NEAR(acc[1] * m.scale, 2.0 - 2.0, 0.01);
	CHECK_NEAR(acc[2] * m.scale, -1.0 - 2.0, 0.01);
	struct dyad__pmemo *memo = calloc(1, sizeof *memo);
	CHECK(memo != NULL);
	for (int round = 0; memo && round < 2; round++) { /* filled, then from the memo */
		dyad__pmodel_score_memo(&m, memo, keys, 3, NULL, UINT32_MAX, acc2);
		CHECK(memcmp(acc, acc2, 3 * sizeof *acc) == 0);
	}
	free(memo);
	dyad_buf_release(&buf);
	dyad__ptrain_free(t);
}

TEST(model_file_round_trip_and_damage)
{
	char path[] = "/tmp/dyad-test-model-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	close(fd);
	struct dyad__model_writer w;
	dyad__model_writer_init(&w);
	dyad_buf_puts(dyad__model_writer_section(&w, "ONE"), "first section");
	dyad_buf_puts(dyad__model_writer_section(&w, "TWO"), "second");
	char err[DYAD_ERRMSG_MAX] = "";
	CHECK_INT_EQ(dyad__model_writer_save(&w, path, err), DYAD_OK);
	dyad__model_writer_release(&w);
	struct dyad__model_file f;
	CHECK_INT_EQ(dyad__model_file_read(path, &f, err), DYAD_OK);
	const void *p;
	size_t len;
	CHECK(dyad__model_file_section(&f, "TWO", &p, &len));
	CHECK(len == 6 && memcmp(p, "second", 6) == 0);
	CHECK((uintptr_t)p % 64 == 0);
	CHECK(!dyad__model_file_section(&f, "THREE", &p, &len));
	/* flip one byte: the checksum names the damage */
	unsigned char *bytes = f.data;
	size_t n = f.len;
	bytes[n - 1] ^= 1;
	FILE *out = fopen(path, "wb");
	fwrite(bytes, 1, n, out);
	fclose(out);
	dyad__model_file_release(&f);
	CHECK_INT_EQ(dyad__model_file_read(path, &f, err), DYAD_EDATA);
	CHECK(strstr(err, "checksum") != NULL && strstr(err, path) != NULL);
	remove(path);
	CHECK_INT_EQ(dyad__model_file_read(path, &f, err), DYAD_ENOENT);
}

TEST(ktable_builds_freezes_and_answers)
{
	struct dyad__kbuild b;
	dyad__kbuild_init(&b);
	for (uint32_t i = 1; i <= 1000; i++)
		CHECK_INT_EQ(dyad__kbuild_put(&b, dyad__fkey1(5, i), i * 3), DYAD_OK);
	CHECK_INT_EQ(dyad__kbuild_put(&b, 0, 1), DYAD_EINVAL);
	struct dyad_buf buf;
	dyad_buf_init(&buf, 0);
	CHECK_INT_EQ(dyad__kbuild_freeze(&b, &buf), DYAD_OK);
	struct dyad__ktable t;
	CHECK_INT_EQ(dyad__ktable_open(buf.data, buf.len, &t), DYAD_OK);
	uint32_t v;
	CHECK(dyad__ktable_get(&t, dyad__fkey1(5, 777), &v) && v == 2331);
	CHECK(!dyad__ktable_get(&t, dyad__fkey1(5, 1001), &v));
	CHECK_INT_EQ(dyad__ktable_open(buf.data, 8, &t), DYAD_EDATA);
	dyad_buf_release(&buf);
	dyad__kbuild_release(&b);
}

TEST(tag_dictionary_leaves_the_word_itself_out)
{
	struct dyad__tagdict_build b;
	CHECK_INT_EQ(dyad__tagdict_init(&b, 4, 0.0f), DYAD_OK);
	uint64_t once = dyad__hash_str("once", 4), often = dyad__hash_str("often", 5);
	dyad__tagdict_add(&b, once, 1);
	for (int i = 0; i < 5; i++)
		dyad__tagdict_add(&b, often, 2);
	dyad__tagdict_add(&b, often, 3);
	/* a word seen once looks unknown while it is the one being learnt */
	CHECK(dyad__tagdict_class(&b, once, 1) == 0);
	CHECK(dyad__tagdict_class(&b, once, UINT32_MAX) != 0);
	CHECK(dyad__tagdict_class(&b, often, 3) != dyad__tagdict_class(&b, often, UINT32_MAX));
	CHECK(dyad__tagdict_class(&b, dyad__hash_str("never", 5), UINT32_MAX) == 0);
	struct dyad_buf words, classes;
	dyad_buf_init(&words, 0);
	dyad_buf_init(&classes, 0);
	CHECK_INT_EQ(dyad__tagdict_freeze(&b, &words, &classes), DYAD_OK);
	struct dyad__tagdict d;
	CHECK_INT_EQ(dyad__tagdict_open(words.data, words.len, classes.data, classes.len, &d), DYAD_OK);
	const struct dyad__tagclass *c = dyad__tagdict_get(&d, often);
	CHECK(c && c->value == dyad__tagdict_class(&b, often, UINT32_MAX));
	CHECK(c && (c->set.bits[0] & 0xf) == 0xc);
	dyad_buf_release(&words);
	dyad_buf_release(&classes);
	dyad__tagdict_release(&b);
}

static dyad_status note_winner(void *ctx, const struct dyad__vote *v, uint32_t count, uint32_t total)
{
	uint64_t *out = ctx;
	out[v->key] = v->value * 100 + count * 10 + total;
	return DYAD_OK;
}

TEST(votes_pick_the_most_frequent_value)
{
	struct dyad__vote v[] = {{1, 7, 0}, {2, 5, 0}, {1, 8, 0}, {1, 8, 0}, {2, 4, 0}};
	uint64_t out[3] = {0, 0, 0};
	CHECK_INT_EQ(dyad__vote_count(v, 5, note_winner, out), DYAD_OK);
	CHECK_INT_EQ(out[1], 8 * 100 + 2 * 10 + 3);
	CHECK_INT_EQ(out[2], 4 * 100 + 1 * 10 + 2); /* a tie goes to the smaller value */
}

static size_t lemma_of(const struct dyad__lemmatiser *l, const char *form, uint32_t tag,
                       char *out, enum dyad__lemma_source *src)
{
	char lower[DYAD_WORD_MAX_BYTES];
	struct dyad__word_keys k;
	size_t ll = dyad__word_keys(form, strlen(form), &k, lower);
	size_t n = dyad__lemmatise(l, form, strlen(form), lower, ll, tag, 1, out, 64, src);
	out[n] = '\0';
	return n;
}

TEST(lemmas_from_the_lexicon_and_suffix_rules)
{
	static const char *const pairs[][2] = {
		{"walked", "walk"}, {"talked", "talk"}, {"signed", "sign"}, {"met", "meet"},
		{"Johns", "John"}, {"Smiths", "Smith"}, {"The", "the"}, {"played", "play"},
	};
	static const uint32_t tags[] = {1, 1, 1, 1, 2, 2, 3, 1};
	struct dyad__lemma_build b;
	CHECK_INT_EQ(dyad__lemma_build_init(&b), DYAD_OK);
	for (size_t i = 0; i < sizeof tags / sizeof *tags; i++) {
		char lower[DYAD_WORD_MAX_BYTES];
		struct dyad__word_keys k;
		size_t ll = dyad__word_keys(pairs[i][0], strlen(pairs[i][0]), &k, lower);
		CHECK_INT_EQ(dyad__lemma_build_add(&b, pairs[i][0], strlen(pairs[i][0]), lower, ll,
		                                   tags[i], pairs[i][1], strlen(pairs[i][1])), DYAD_OK);
	}
	struct dyad_buf index, rules, strings;
	dyad_buf_init(&index, 0), dyad_buf_init(&rules, 0), dyad_buf_init(&strings, 0);
	CHECK_INT_EQ(dyad__lemma_build_freeze(&b, 2, &index, &rules, &strings), DYAD_OK);
	struct dyad__lemmatiser l;
	CHECK_INT_EQ(dyad__lemmatiser_open(index.data, index.len, rules.data, rules.len,
	                                   strings.data, strings.len, &l), DYAD_OK);
	char out[64];
	enum dyad__lemma_source src;
	lemma_of(&l, "met", 1, out, &src);
	CHECK_STR_EQ(out, "meet");
	CHECK_INT_EQ(src, DYAD_LEMMA_LEXICON);
	lemma_of(&l, "jumped", 1, out, &src); /* never seen: the -ed rule */
	CHECK_STR_EQ(out, "jump");
	CHECK_INT_EQ(src, DYAD_LEMMA_RULE);
	lemma_of(&l, "Jumped", 1, out, &src); /* sentence-initial: lower case */
	CHECK_STR_EQ(out, "jump");
	lemma_of(&l, "Browns", 2, out, &src); /* names keep their capital */
	CHECK_STR_EQ(out, "Brown");
	lemma_of(&l, "Walked", 1, out, &src); /* known in lower case */
	CHECK_STR_EQ(out, "walk");
	lemma_of(&l, "xyz", 9, out, &src); /* unknown tag: the form */
	CHECK_STR_EQ(out, "xyz");
	dyad_buf_release(&index), dyad_buf_release(&rules), dyad_buf_release(&strings);
	dyad__lemma_build_release(&b);
}

TEST(projectivize_lifts_crossing_arcs)
{
	/* 1 <- 3, 2 <- 4 crosses 1..3; lifting 2 to 4's head (3) uncrosses */
	uint32_t heads[4] = {3, 4, 0, 3}, out[4];
	size_t lifted = dyad__projectivize(heads, 4, out);
	CHECK_INT_EQ(lifted, 1);
	CHECK_INT_EQ(out[1], 3);
	uint32_t proj[3] = {2, 0, 2};
	CHECK_INT_EQ(dyad__projectivize(proj, 3, out), 0);
	CHECK(memcmp(out, proj, sizeof proj) == 0);
}

int main(void)
{
	RUN(word_keys_lower_case_affixes_and_shape);
	RUN(perceptron_learns_freezes_and_opens);
	RUN(perceptron_rows_dense_and_sparse_add_up);
	RUN(perceptron_three_classes_as_pairs);
	RUN(model_file_round_trip_and_damage);
	RUN(ktable_builds_freezes_and_answers);
	RUN(tag_dictionary_leaves_the_word_itself_out);
	RUN(votes_pick_the_most_frequent_value);
	RUN(lemmas_from_the_lexicon_and_suffix_rules);
	RUN(projectivize_lifts_crossing_arcs);
	return testlib_done();
}
