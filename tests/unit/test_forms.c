/*
 * test_forms.c - the engine's memo of word forms (kb/forms.h) and the
 * worker pool (dyad_pool_*): what a document gives never depends on what the
 * memo holds (fresh, full, shared by threads that fill it at once), and a
 * pool hands back the results of dyad_extract() in input order. Articles
 * are sentences written for this test.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "kb/forms.h"
#include "testdoc.h"
#include "testlib.h"

static dyad_engine *engine;

static const char *const articles[] = {
	"Azerbaijani President Ilham Aliyev met Russian President Vladimir Putin in Moscow "
	"on Monday.\n\nThe two leaders discussed trade and energy, the Kremlin said.",
	"Президент России Владимир Путин провёл переговоры с президентом Азербайджана "
	"Ильхамом Алиевым в Москве.\n\nСтороны обсудили торговлю.",
	"Kyrgyzstan's Foreign Minister Jeenbek Kulubaev visited Tashkent and signed "
	"an agreement with Uzbekistan on water. \"We will build it together,\" he said.",
	"Turkey sent 300 tonnes of flour and $2 million in aid to Syria, the ministry "
	"said on Tuesday. Ankara condemned the attack.",
	"A word longer than the memo keeps: "
	"Pneumonoultramicroscopicsilicovolcanoconiosispneumonoultramicroscopicsilicovolcanoconiosis"
	"pneumonoultramicroscopicsilicovolcanoconiosis was written by Mr. Aliyev.",
};
#define N_ARTICLES (sizeof articles / sizeof articles[0])

/* The JSON line of text on engine e (heap, the caller frees), or NULL. */
static char *line_of(const dyad_engine *e, const char *text)
{
	struct dyad_doc *doc = testdoc_extract(e, "a.txt", text);
	char *json = NULL;
	size_t len;
	if (doc && dyad_doc_json(doc, 0, &json, &len) != DYAD_OK)
		json = NULL;
	dyad_doc_free(doc);
	return json;
}

/* A document of n distinct made-up words ("qzxa", "qzxb", ...). */
static char *distinct_words(size_t n, size_t first)
{
	char *s = malloc(n * 12 + 1);
	size_t o = 0;
	for (size_t i = first; s && i < first + n; i++) {
		size_t v = i;
		s[o++] = 'q';
		for (int k = 0; k < 6; k++, v /= 26)
			s[o++] = (char)('a' + v % 26);
		s[o++] = i % 20 == 19 ? '.' : ' ';
		if (i % 20 == 19)
			s[o++] = ' ';
	}
	if (s)
		s[o] = '\0';
	return s;
}

TEST(a_full_memo_changes_nothing)
{
	char *fresh[N_ARTICLES];
	for (size_t i = 0; i < N_ARTICLES; i++)
		fresh[i] = line_of(engine, articles[i]);
	/* a second engine whose memo the made-up words fill up */
	dyad_engine *full = testdoc_engine();
	CHECK(full != NULL);
	if (!full)
		return;
	char *words = distinct_words(DYAD_FORMS_CAP + 1000, 0);
	char *filler = words ? line_of(full, words) : NULL;
	CHECK(filler != NULL);
	CHECK_INT_EQ(dyad__forms_count(full), DYAD_FORMS_CAP);
	for (size_t i = 0; i < N_ARTICLES; i++) {
		char *again = line_of(full, articles[i]);
		CHECK(fresh[i] && again && strcmp(fresh[i], again) == 0);
		free(again);
		free(fresh[i]);
	}
	free(filler);
	free(words);
	dyad_engine_free(full);
}

struct run {
	const dyad_engine *engine;
	size_t first;     /* of its made-up words */
	char *lines[N_ARTICLES];
	int ok;
};

/* One thread: new words (the memo grows from several threads at once),
 * then every article. */
static void *extract_all(void *arg)
{
	struct run *r = arg;
	char *words = distinct_words(3000, r->first);
	char *line = words ? line_of(r->engine, words) : NULL;
	r->ok = line != NULL;
	free(line);
	free(words);
	for (size_t i = 0; i < N_ARTICLES; i++)
		r->lines[i] = line_of(r->engine, articles[(i + r->first) % N_ARTICLES]);
	return NULL;
}

TEST(threads_share_one_engine)
{
	enum { N_THREADS = 4 };
	dyad_engine *shared = testdoc_engine();
	CHECK(shared != NULL);
	if (!shared)
		return;
	struct run runs[N_THREADS];
	pthread_t threads[N_THREADS];
	for (int t = 0; t < N_THREADS; t++) {
		memset(&runs[t], 0, sizeof runs[t]);
		runs[t].engine = shared;
		runs[t].first = (size_t)t * 1500; /* half of each thread's words are another's */
		CHECK(pthread_create(&threads[t], NULL, extract_all, &runs[t]) == 0);
	}
	for (int t = 0; t < N_THREADS; t++)
		pthread_join(threads[t], NULL);
	for (int t = 0; t < N_THREADS; t++) {
		CHECK(runs[t].ok);
		for (size_t i = 0; i < N_ARTICLES; i++) {
			char *alone = line_of(engine, articles[(i + runs[t].first) % N_ARTICLES]);
			CHECK(alone && runs[t].lines[i] && strcmp(alone, runs[t].lines[i]) == 0);
			free(alone);
			free(runs[t].lines[i]);
		}
	}
	dyad_engine_free(shared);
}

TEST(a_pool_keeps_the_input_order)
{
	for (unsigned n = 1; n <= 3; n++) {
		dyad_pool *pool;
		CHECK(dyad_pool_new(engine, n, DYAD_POOL_JSON, 0, &pool) == DYAD_OK);
		if (!pool)
			return;
		CHECK_INT_EQ(dyad_pool_threads(pool), n);
		enum { ROUNDS = 12 };
		for (size_t k = 0; k < ROUNDS * N_ARTICLES; k++) {
			struct dyad_input in;
			memset(&in, 0, sizeof in);
			in.path = "a.txt";
			in.text = articles[k % N_ARTICLES];
			in.text_len = strlen(in.text);
			CHECK(dyad_pool_submit(pool, &in) == DYAD_OK);
		}
		CHECK_INT_EQ(dyad_pool_pending(pool), ROUNDS * N_ARTICLES);
		struct dyad_pool_result r;
		for (size_t k = 0; dyad_pool_next(pool, &r) == DYAD_OK; k++) {
			char *want = line_of(engine, articles[k % N_ARTICLES]);
			CHECK(r.status == DYAD_OK && r.doc && r.json && want &&
			      strcmp(r.json, want) == 0 && strcmp(r.path, "a.txt") == 0);
			free(want);
			dyad_pool_result_release(&r);
		}
		CHECK_INT_EQ(dyad_pool_pending(pool), 0);
		/* results not taken are freed with the pool */
		struct dyad_input in;
		memset(&in, 0, sizeof in);
		in.path = "b.txt";
		in.text = articles[0];
		in.text_len = strlen(in.text);
		CHECK(dyad_pool_submit(pool, &in) == DYAD_OK);
		dyad_pool_free(pool);
	}
}

TEST(a_failed_input_comes_back_in_its_place)
{
	dyad_pool *pool;
	CHECK(dyad_pool_new(engine, 2, 0, 0, &pool) == DYAD_OK);
	if (!pool)
		return;
	struct dyad_input in;
	memset(&in, 0, sizeof in);
	in.path = "ok.txt";
	in.text = articles[0];
	in.text_len = strlen(in.text);
	CHECK(dyad_pool_submit(pool, &in) == DYAD_OK);
	memset(&in, 0, sizeof in);
	in.path = "lost.txt";
	in.status = DYAD_EIO;
	in.error = "could not read it";
	CHECK(dyad_pool_submit(pool, &in) == DYAD_OK);
	struct dyad_pool_result r;
	CHECK(dyad_pool_next(pool, &r) == DYAD_OK && r.doc && !r.doc->error && !r.json);
	dyad_pool_result_release(&r);
	CHECK(dyad_pool_next(pool, &r) == DYAD_OK && r.doc && r.doc->error &&
	      strcmp(r.doc->error, "could not read it") == 0 && strcmp(r.path, "lost.txt") == 0);
	dyad_pool_result_release(&r);
	CHECK(dyad_pool_next(pool, &r) == DYAD_DONE);
	dyad_pool_free(pool);
}

int main(void)
{
	engine = testdoc_engine();
	if (!engine)
		return 1;
	RUN(a_full_memo_changes_nothing);
	RUN(threads_share_one_engine);
	RUN(a_pool_keeps_the_input_order);
	RUN(a_failed_input_comes_back_in_its_place);
	dyad_engine_free(engine);
	return testlib_done();
}
