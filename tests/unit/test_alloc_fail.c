/*
 * test_alloc_fail.c - the allocation-failure run: for a handful of
 * documents written for this test, every allocation point of
 * dyad_extract() is made to fail in turn (that allocation and every one
 * after it, as when memory runs out), and each run must come back with
 * DYAD_ENOMEM - no crash, no leak (the ASan build's LeakSanitizer checks at
 * exit), no document passed off as complete. Afterwards the engine, whose
 * memo tables the failed runs touched, must still extract every document
 * exactly as before.
 *
 * A document with more allocation points than ALLOC_FAIL_MAX_RUNS has its
 * first and last ALLOC_FAIL_EDGE points all tried and the ones between
 * sampled at an even stride (the stride is printed), which keeps the test
 * well under a minute under the sanitizers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "dyad.h"
#include "testlib.h"

#define ALLOC_FAIL_MAX_RUNS 400
#define ALLOC_FAIL_EDGE 60

static dyad_engine *engine;

static const char *const texts[] = {
	"Aliyev and Tokayev discuss transit routes\n\n"
	"BAKU, Azerbaijan, March 3 (Example News)\n\n"
	"Azerbaijani President Ilham Aliyev met with Kazakh President Kassym-Jomart "
	"Tokayev in Baku on Wednesday. The two presidents discussed the Middle "
	"Corridor and trade, which reached $400 million last year.\n\n"
	"\"Our partnership is strategic,\" Tokayev said. Russia criticised the plan.\n",

	"Путин провел переговоры с Алиевым\n\n"
	"МОСКВА, 10 мая.\n\n"
	"Президент России Владимир Путин провел в Кремле переговоры с президентом "
	"Азербайджана Ильхамом Алиевым. Стороны обсудили региональную безопасность "
	"и торговлю, которая выросла до 4 миллиардов долларов.\n",

	"Turkey and Azerbaijan sign energy memorandum\n\n"
	"ANKARA, May 12\n\n"
	"Turkish Foreign Minister Mevlut Cavusoglu hosted Azerbaijani Foreign Minister "
	"Jeyhun Bayramov in Ankara. The ministers signed a memorandum on gas supplies "
	"and praised the alliance. Georgia did not send anyone; Iran condemned it.\n",

	"short note without a headline. 12 schools were built.",
};

static void input_of(const char *text, struct dyad_input *in)
{
	memset(in, 0, sizeof *in);
	in->path = "alloc-fail.txt";
	in->text = text;
	in->text_len = strlen(text);
	in->format = DYAD_FORMAT_TEXT;
	in->title = NULL;
	in->published = "2024-05-13";
}

/* A long document (about 25 KB) of numbered paragraphs, so that the
 * arenas grow many times, in every stage. Heap. */
static char *long_text(void)
{
	size_t cap = 64 << 10, len = 0;
	char *s = malloc(cap);
	if (!s)
		return NULL;
	len += (size_t)snprintf(s, cap, "Talks go on in the region\n\nBAKU, June 2\n\n");
	for (int i = 0; i < 60 && len < cap - 512; i++)
		len += (size_t)snprintf(s + len, cap - len,
		                        "In round %d, Azerbaijani President Ilham Aliyev met Kazakh "
		                        "President Kassym-Jomart Tokayev in Astana on June %d. "
		                        "They signed %d agreements worth $%d million. \"We agree,\" "
		                        "Aliyev said.\n\n",
		                        i + 1, i % 28 + 1, i + 2, 10 * (i + 1));
	return s;
}

/* The document as its JSON line (malloc'd), to compare runs. */
static char *json_of(const struct dyad_doc *doc)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	dyad_doc_write_json(doc, f);
	fclose(f);
	return buf;
}

/* One run with the allocation point `point` failing; 1 when it was clean. */
static int fail_at(const struct dyad_input *in, long point)
{
	struct dyad_doc *doc = NULL;
	dyad__alloc_fail_after(point);
	dyad_status st = dyad_extract(engine, in, &doc);
	dyad__alloc_fail_after(-1);
	int clean = (st == DYAD_ENOMEM && doc == NULL) ||
	            (st == DYAD_OK && doc && doc->status == DYAD_ENOMEM && doc->error);
	if (!clean)
		TESTLIB_FAIL("allocation %ld failing: status %s, document %s", point,
		             dyad_strerror(st),
		             doc ? (doc->status == DYAD_OK ? "complete" : doc->error) : "none");
	if (doc)
		dyad_doc_free(doc);
	return clean;
}

TEST(every_allocation_point_fails_cleanly)
{
	char *big = long_text();
	CHECK(big != NULL);
	const size_t n_texts = sizeof texts / sizeof texts[0];
	for (size_t d = 0; d <= n_texts; d++) {
		struct dyad_input in;
		if (d == n_texts && !big)
			break;
		input_of(d < n_texts ? texts[d] : big, &in);
		struct dyad_doc *doc = NULL;
		/* A first run fills the engine's reused state (the memo of word
		 * forms, the grammar stage's work areas grown to the longest
		 * sentence), which later runs only read: counted after it, every
		 * run makes the same allocations. */
		CHECK_INT_EQ(dyad_extract(engine, &in, &doc), DYAD_OK);
		dyad_doc_free(doc);
		doc = NULL;
		dyad__alloc_fail_after(-1);
		CHECK_INT_EQ(dyad_extract(engine, &in, &doc), DYAD_OK);
		long n = dyad__alloc_count();
		char *want = doc ? json_of(doc) : NULL;
		if (doc)
			dyad_doc_free(doc);
		long stride = 1;
		if (n > ALLOC_FAIL_MAX_RUNS)
			stride = (n - 2 * ALLOC_FAIL_EDGE) / (ALLOC_FAIL_MAX_RUNS - 2 * ALLOC_FAIL_EDGE) + 1;
		long runs = 0, bad = 0;
		for (long k = 0; k < n && bad < 5; k++) {
			int edge = k < ALLOC_FAIL_EDGE || k >= n - ALLOC_FAIL_EDGE;
			if (!edge && (k - ALLOC_FAIL_EDGE) % stride != 0)
				continue;
			runs++;
			bad += !fail_at(&in, k);
		}
		printf("document %zu: %ld allocation points, %ld runs (stride %ld)\n", d, n, runs,
		       stride);
		/* The engine's memo tables survived the failures. */
		CHECK_INT_EQ(dyad_extract(engine, &in, &doc), DYAD_OK);
		char *got = doc ? json_of(doc) : NULL;
		CHECK(want && got && strcmp(want, got) == 0);
		if (doc)
			dyad_doc_free(doc);
		free(want);
		free(got);
	}
	free(big);
}

int main(void)
{
	char err[DYAD_ERRMSG_MAX];
	if (dyad_engine_open(NULL, &engine, err) != DYAD_OK) {
		fprintf(stderr, "test_alloc_fail: %s\n", err);
		printf("RESULT passed=0 failed=1\n");
		return 1;
	}
	RUN(every_allocation_point_fails_cleanly);
	dyad_engine_free(engine);
	return testlib_done();
}
