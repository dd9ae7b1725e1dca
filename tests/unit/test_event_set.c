/*
 * test_event_set.c - the event coder measured on the hand-written sentence
 * sets tests/events/en.tsv and tests/events/ru.tsv.
 *
 * Each line of a set is a news sentence (or a short paragraph) about
 * relations between states and the CAMEO events an analyst codes from it, as
 * SRC:TGT:RR triples: required ones, and optional ones that may be found
 * without being asked for. Every text goes through dyad_extract() and is
 * scored the way ../shared/tools/score.py scores an article: the unique
 * (source country, target country, root) triples of the events whose two
 * countries are known and different, codes other than ISO 3166-1 alpha-3
 * counted as the one actor IGO, root 04 without direction. A required triple
 * found is a true positive, one not found a false negative, a triple found
 * that is neither required nor optional a false positive.
 *
 * Each line is a spec of its own: it passes when it is fully right (no
 * false positive, no false negative). The lines known to fail are listed in
 * tests/events/xfail.txt (one id a line, '#' comments); a line that fails
 * and is not listed fails the run, and so does a listed line that passes
 * (it must leave the list). Over each set, precision and F1 must also stay
 * at or above the thresholds below (see tests/events/README.md). Every
 * sentence that is not fully right is printed with its expected and found
 * triples, so that a failure points at the construction that broke.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "dyad.h"
#include "eval/fold.h"
#include "eval/triple.h"
#include "kb/tsv.h"
#include "testdoc.h"
#include "testlib.h"

#define EN_SET_PATH "tests/events/en.tsv"
#define RU_SET_PATH "tests/events/ru.tsv"
#define XFAIL_PATH "tests/events/xfail.txt"
#define XFAIL_MAX 1024     /* ids in the expected-failures list */
#define ID_MAX 32          /* bytes of an id */

/* Figures the coder must keep; raise them when it gets better. */
#define EN_MIN_PRECISION 0.90
#define EN_MIN_F1 0.85
#define RU_MIN_PRECISION 0.90
#define RU_MIN_F1 0.80

#define SET_MAX_TRIPLES 16 /* triples in one field of a line */
#define ROOT_LEN 2         /* a CAMEO root is two digits */
#define N_ROOTS 20         /* roots 01..20 */

static dyad_engine *engine;

/* The expected failures: ids, and whether each was seen. */
static char xfail_ids[XFAIL_MAX][ID_MAX];
static int xfail_seen[XFAIL_MAX];
static size_t n_xfail;

static int load_xfail(void)
{
	FILE *f = fopen(XFAIL_PATH, "r");
	if (!f)
		return 0;
	char line[256];
	while (fgets(line, sizeof line, f) && n_xfail < XFAIL_MAX) {
		size_t n = strcspn(line, " \t\r\n#");
		if (n == 0 || n >= ID_MAX)
			continue;
		memcpy(xfail_ids[n_xfail], line, n);
		xfail_ids[n_xfail++][n] = '\0';
	}
	fclose(f);
	return 1;
}

/* The index of id in the list, or -1. */
static int xfail_index(const char *id)
{
	for (size_t i = 0; i < n_xfail; i++)
		if (strcmp(xfail_ids[i], id) == 0)
			return (int)i;
	return -1;
}

/* A line's verdict against the list. */
static void check_row(const char *id, int right)
{
	int x = xfail_index(id);
	if (x >= 0)
		xfail_seen[x] = 1;
	if (!right && x < 0)
		TESTLIB_FAIL("%s fails (fix it, or list it in %s)", id, XFAIL_PATH);
	if (right && x >= 0)
		TESTLIB_FAIL("%s passes now: remove it from %s", id, XFAIL_PATH);
}

struct set_tally {
	size_t sentences, right;
	size_t tp, fp, fn;
	size_t by_root[N_ROOTS + 1]; /* required triples per root, [0] unused */
};

static struct dyad_doc *extract(const char *text)
{
	return testdoc_extract(engine, "event-set.txt", text);
}

/* The root number of a two-digit root string "01".."20", or 0. */
static int root_number(const char *root)
{
	if (strlen(root) != ROOT_LEN || root[0] < '0' || root[0] > '9' || root[1] < '0' ||
	    root[1] > '9')
		return 0;
	int n = (root[0] - '0') * 10 + (root[1] - '0');
	return n >= 1 && n <= N_ROOTS ? n : 0;
}

/* A triple as score.py keys it: actors folded, root 04 put in order. */
static int scored_triple(const char *src, size_t src_len, const char *tgt,
                         size_t tgt_len, const char *root,
                         struct dyad__eval_triple *out)
{
	const char *s = NULL, *t = NULL;
	if (dyad__eval_actor(src, src_len, &s) != DYAD_OK ||
	    dyad__eval_actor(tgt, tgt_len, &t) != DYAD_OK)
		return 0;
	out->src = s;
	out->tgt = t;
	out->root = root;
	out->confidence = 1.0;
	*out = dyad__eval_canon(*out);
	return 1;
}

/*
 * "SRC:TGT:RR|..." into a set of scored triples in the arena. Returns 1, or
 * 0 when the field is malformed (a root outside 01..20, a missing part,
 * too many triples). A NULL field ('-') is the empty set.
 */
static int parse_triples(struct dyad_arena *arena, char *field,
                         struct dyad__eval_set *set)
{
	char *parts[SET_MAX_TRIPLES];
	size_t n = dyad_tsv_split(field, parts, SET_MAX_TRIPLES);
	if (n > SET_MAX_TRIPLES)
		return 0;
	struct dyad__eval_triple *items = n ? dyad_arena_calloc(arena, n, sizeof *items) : NULL;
	if (n && !items)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char *colon1 = strchr(parts[i], ':');
		char *colon2 = colon1 ? strchr(colon1 + 1, ':') : NULL;
		if (!colon2 || colon1 == parts[i] || colon2 == colon1 + 1 || !root_number(colon2 + 1))
			return 0;
		if (!scored_triple(parts[i], (size_t)(colon1 - parts[i]), colon1 + 1,
		                   (size_t)(colon2 - colon1 - 1), colon2 + 1, &items[i]))
			return 0;
		if (strcmp(items[i].src, items[i].tgt) == 0)
			return 0; /* a triple within one actor is never scored */
	}
	dyad__eval_set_make(set, items, n);
	return 1;
}

/* The scored triples of the document's events. Returns 1, 0 on ENOMEM. */
static int found_triples(struct dyad_arena *arena, const struct dyad_doc *doc,
                         struct dyad__eval_set *set)
{
	struct dyad__eval_triple *items =
		doc->n_events ? dyad_arena_calloc(arena, doc->n_events, sizeof *items) : NULL;
	if (doc->n_events && !items)
		return 0;
	size_t n = 0;
	for (size_t i = 0; i < doc->n_events; i++) {
		const struct dyad_event *e = &doc->events[i];
		const char *src = e->source.country, *tgt = e->target.country;
		if (!src || !tgt || strlen(e->code) < ROOT_LEN)
			continue;
		char *root = dyad_arena_strndup(arena, e->code, ROOT_LEN);
		if (!root)
			return 0;
		struct dyad__eval_triple t;
		if (!scored_triple(src, strlen(src), tgt, strlen(tgt), root, &t))
			return 0;
		if (*t.src && *t.tgt && strcmp(t.src, t.tgt) != 0)
			items[n++] = t;
	}
	dyad__eval_set_make(set, items, n);
	return 1;
}

static void print_set(const char *label, const struct dyad__eval_set *set)
{
	printf("%s", label);
	for (size_t i = 0; i < set->n; i++)
		printf("%s%s:%s:%s", i ? "|" : "", set->items[i].src, set->items[i].tgt,
		       set->items[i].root);
	if (!set->n)
		putchar('-');
}

/* Score one sentence into tally; 0 when the text could not be extracted. */
static int score_sentence(struct dyad_arena *arena, const char *id, const char *text,
                          const struct dyad__eval_set *req,
                          const struct dyad__eval_set *opt, struct set_tally *tally)
{
	struct dyad_doc *doc = extract(text);
	if (!doc)
		return 0;
	struct dyad__eval_set got;
	int ok = found_triples(arena, doc, &got);
	dyad_doc_free(doc);
	if (!ok)
		return 0;
	size_t tp = 0, fn = 0, fp = 0;
	for (size_t i = 0; i < req->n; i++) {
		if (dyad__eval_set_has(&got, req->items[i]))
			tp++;
		else
			fn++;
		tally->by_root[root_number(req->items[i].root)]++;
	}
	for (size_t i = 0; i < got.n; i++)
		if (!dyad__eval_set_has(req, got.items[i]) && !dyad__eval_set_has(opt, got.items[i]))
			fp++;
	tally->tp += tp;
	tally->fn += fn;
	tally->fp += fp;
	tally->sentences++;
	check_row(id, !fn && !fp);
	if (!fn && !fp) {
		tally->right++;
		return 1;
	}
	printf("  %s %s\n", id, text);
	print_set("       expected ", req);
	if (opt->n)
		print_set(" optional ", opt);
	print_set("\n       found    ", &got);
	putchar('\n');
	return 1;
}

static double ratio(size_t num, size_t den)
{
	return den ? (double)num / (double)den : 0.0;
}

/* Run one set and check its figures against the thresholds. */
static void run_set(const char *lang, const char *path, double min_precision,
                    double min_f1)
{
	static const char *const columns[] = {"id", "text", "events", "optional"};
	char err[DYAD_ERRMSG_MAX];
	struct dyad_arena arena;
	dyad_arena_init(&arena, 0);
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open(&tsv, &arena, path, columns, 4, err);
	if (st != DYAD_OK) {
		TESTLIB_FAIL("%s (run from the repository root)", err);
		dyad_arena_release(&arena);
		return;
	}
	struct set_tally tally;
	memset(&tally, 0, sizeof tally);
	printf("%s (%s):\n", lang, path);
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		const char *id = tsv.fields[0], *text = tsv.fields[1];
		struct dyad__eval_set req, opt;
		if (!id || !text || !parse_triples(&arena, tsv.fields[2], &req) ||
		    !parse_triples(&arena, tsv.fields[3], &opt)) {
			TESTLIB_FAIL("%s:%zu: malformed line", path, tsv.line_no);
			continue;
		}
		if (!score_sentence(&arena, id, text, &req, &opt, &tally))
			TESTLIB_FAIL("%s: extraction failed", id);
	}
	if (st != DYAD_DONE)
		TESTLIB_FAIL("%s", err);
	double p = ratio(tally.tp, tally.tp + tally.fp);
	double r = ratio(tally.tp, tally.tp + tally.fn);
	double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
	printf("%s: %zu/%zu sentences fully right; tp=%zu fp=%zu fn=%zu "
	       "precision %.3f recall %.3f F1 %.3f\n",
	       lang, tally.right, tally.sentences, tally.tp, tally.fp, tally.fn, p, r, f1);
	printf("%s: required triples per root:", lang);
	for (int k = 1; k <= N_ROOTS; k++)
		printf(" %02d=%zu", k, tally.by_root[k]);
	putchar('\n');
	fflush(stdout); /* before testlib's complaints on stderr */
	if (p < min_precision)
		TESTLIB_FAIL("%s precision %.3f < %.2f", lang, p, min_precision);
	if (f1 < min_f1)
		TESTLIB_FAIL("%s F1 %.3f < %.2f", lang, f1, min_f1);
	dyad_arena_release(&arena);
}

TEST(english_event_set)
{
	run_set("en", EN_SET_PATH, EN_MIN_PRECISION, EN_MIN_F1);
}

TEST(russian_event_set)
{
	run_set("ru", RU_SET_PATH, RU_MIN_PRECISION, RU_MIN_F1);
}

TEST(expected_failures_exist)
{
	for (size_t i = 0; i < n_xfail; i++)
		if (!xfail_seen[i])
			TESTLIB_FAIL("%s lists %s, which no set has", XFAIL_PATH, xfail_ids[i]);
}

int main(void)
{
	engine = testdoc_engine();
	if (!engine)
		return 1;
	if (!load_xfail())
		fprintf(stderr, "%s: not found (run from the repository root)\n", XFAIL_PATH);
	RUN(english_event_set);
	RUN(russian_event_set);
	RUN(expected_failures_exist);
	dyad_engine_free(engine);
	return testlib_done();
}
