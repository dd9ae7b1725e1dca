/*
 * cli_ingest.c - 'dyad ingest': read documents, extract them and store them
 * in the database, in batches of --batch documents per transaction.
 * Extraction runs on a pool of threads (-j); this thread is the store's one
 * writer and stores the documents in input order.
 *
 * A document that fails (unreadable, empty, not text) is named on standard
 * error and the run goes on; the exit status says that something failed.
 * The database failing (full disk, I/O error, corruption, read-only, locked)
 * is not a document's failure: the run stops at once with one message and
 * exit status 3, and what earlier batches committed stays. Ingesting the
 * same documents again adds nothing.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: dyad ingest [--db PATH] [--data DIR] [--format auto|text|html|jsonl]\n"
	        "                   [--batch N] [--min-confidence X] [-j N] PATH...\n\n"
	        "Read articles (files, folders, .gz, JSON Lines; '-' for standard input),\n"
	        "extract their events and store everything in the database. Documents\n"
	        "already stored (same normalised text) are skipped, so re-running is\n"
	        "harmless. A summary line goes to standard error.\n\n"
	        "  --db PATH      database file (default: $DYAD_DB, else dyad.db);\n"
	        "                 created when missing\n"
	        "  --data DIR     knowledge folder (default: $DYAD_DATA, the source tree,\n"
	        "                 PREFIX/share/dyad)\n"
	        "  --format F     force the input format instead of guessing it\n"
	        "  --batch N      documents per transaction (default %d): a crash loses\n"
	        "                 at most the last N, which a re-run adds\n"
	        "  --min-confidence X  store the events of confidence X (0..1) or more\n"
	        "                 (default 0.55; 0: every event the coder finds)\n"
	        "  -j, --jobs N   extract on N threads (default: the number of cores);\n"
	        "                 documents are stored in input order all the same\n\n"
	        "Exit status: 0 all documents stored, 1 some failed, 2 bad usage, 3 the\n"
	        "database failed (the run stops; what was committed stays).\n",
	        DYAD_STORE_BATCH);
}

/* Largest --batch taken seriously. */
#define DYAD_MAX_BATCH 1000000

struct tally {
	size_t n_docs, n_new, n_failed;
	dyad_store *store;
	const char *db;
	int db_failed;
};

static double seconds_since(const struct timespec *start)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) +
	       (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* The database failed: say so once, with what is lost. */
static void store_failed(const char *db, dyad_store *store, const char *path)
{
	size_t lost = dyad_store_pending(store);
	fprintf(stderr, "dyad: %s: the database failed: %s (storing %s); ingest "
	        "stopped: %zu new document%s of the open batch not stored, those "
	        "committed before kept\n",
	        db, dyad_store_errmsg(store), path, lost, lost == 1 ? "" : "s");
}

/* Store one extracted document (a pool result, in input order); failures
 * are named on stderr. 0, or -1 when the database failed (reported; the run
 * must stop). */
static int ingest_one(void *ctx, struct dyad_pool_result *r)
{
	struct tally *t = ctx;
	struct dyad_doc *doc = r->doc;
	t->n_docs++;
	if (r->warning)
		fprintf(stderr, "dyad: %s: warning: %s\n", r->path ? r->path : "-", r->warning);
	if (!doc) {
		fprintf(stderr, "dyad: %s: %s\n", r->path ? r->path : "-",
		        dyad_strerror(DYAD_ENOMEM));
		t->n_failed++;
		return 0;
	}
	int failed = 0, added = 0;
	if (doc->error) {
		fprintf(stderr, "dyad: %s: %s\n", doc->path, doc->error);
		failed = 1;
	}
	size_t counted = dyad_store_pending(t->store); /* new, in the open batch */
	dyad_status st = dyad_store_put(t->store, doc, &added);
	if (st == DYAD_EDB || st == DYAD_ENOMEM) {
		store_failed(t->db, t->store, doc->path);
		t->n_new -= counted;
		t->db_failed = 1;
		return -1;
	}
	if (st != DYAD_OK) {
		fprintf(stderr, "dyad: %s: not stored: %s\n", doc->path,
		        dyad_store_errmsg(t->store));
		failed = 1;
	}
	t->n_new += (size_t)added;
	t->n_failed += (size_t)failed;
	return 0;
}

struct ingest_options {
	const char *db, *data_dir;
	enum dyad_format format;
	size_t batch;
	unsigned jobs;             /* 0 = the number of cores */
	double min_confidence;     /* < 0: the engine's default */
};

static int run(const struct ingest_options *o, const char *const *paths, size_t n_paths)
{
	struct timespec start;
	struct tally t = {0, 0, 0, NULL, o->db, 0};
	char err[DYAD_ERRMSG_MAX];
	int exit_code = DYAD_EXIT_FAILED;
	clock_gettime(CLOCK_MONOTONIC, &start);

	/* The engine first: a broken data folder should not leave an empty
	 * database behind. */
	dyad_engine *engine = dyad_cli_open_engine(o->data_dir);
	if (!engine)
		return DYAD_EXIT_FAILED;
	if (o->min_confidence >= 0)
		dyad_engine_set_min_confidence(engine, o->min_confidence);
	dyad_store *store;
	if (dyad_store_open(o->db, &store, err) != DYAD_OK) {
		fprintf(stderr, "dyad: %s\n", err);
		exit_code = DYAD_EXIT_STORE;
		goto fail_store;
	}
	dyad_store_set_batch(store, o->batch);
	t.store = store;
	dyad_reader *reader;
	if (dyad_reader_open(paths, n_paths, o->format, &reader) != DYAD_OK) {
		fprintf(stderr, "dyad ingest: %s\n", dyad_strerror(DYAD_ENOMEM));
		goto fail_reader;
	}
	dyad_reader_set_engine(reader, engine);
	dyad_pool *pool;
	dyad_status st = dyad_pool_new(engine, o->jobs, 0, 0, &pool);
	if (st == DYAD_OK)
		st = dyad_pool_run(pool, reader, ingest_one, &t);
	dyad_pool_free(pool);
	int db_failed = t.db_failed;
	if (!db_failed && st != DYAD_OK)
		fprintf(stderr, "dyad ingest: %s\n", dyad_strerror(st));
	size_t counted = dyad_store_pending(store);
	if (!db_failed && dyad_store_commit(store) != DYAD_OK) {
		store_failed(o->db, store, "the last batch");
		t.n_new -= counted;
		db_failed = 1;
	}
	fprintf(stderr, "ingested %zu document%s (%zu new, %zu failed) in %.1f s%s\n",
	        t.n_docs, t.n_docs == 1 ? "" : "s", t.n_new, t.n_failed,
	        seconds_since(&start), db_failed ? "; stopped by the database" : "");
	if (db_failed)
		exit_code = DYAD_EXIT_STORE;
	else
		exit_code = st == DYAD_OK && t.n_failed == 0 ? DYAD_EXIT_OK
		                                               : DYAD_EXIT_FAILED;
	dyad_reader_free(reader);
fail_reader:
	dyad_store_close(store);
fail_store:
	dyad_engine_free(engine);
	return exit_code;
}

static int parse_batch(const char *s, size_t *out)
{
	char *end;
	if (s[0] < '0' || s[0] > '9')
		return 0;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (errno || *end || v == 0 || v > DYAD_MAX_BATCH)
		return 0;
	*out = (size_t)v;
	return 1;
}

int dyad_cli_ingest(int argc, char **argv)
{
	static const struct option options[] = {
		{"db", required_argument, NULL, 'b'},
		{"data", required_argument, NULL, 'D'},
		{"format", required_argument, NULL, 'f'},
		{"batch", required_argument, NULL, 'B'},
		{"jobs", required_argument, NULL, 'j'},
		{"min-confidence", required_argument, NULL, 'M'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct ingest_options o = {NULL, NULL, DYAD_FORMAT_AUTO, DYAD_STORE_BATCH, 0, -1};
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hj:", options, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return DYAD_EXIT_OK;
		case 'b':
			o.db = optarg;
			break;
		case 'D':
			o.data_dir = optarg;
			break;
		case 'j':
			if (!dyad_cli_parse_jobs(optarg, &o.jobs)) {
				fprintf(stderr, "dyad ingest: -j needs a number of threads, not '%s'\n",
				        optarg);
				return DYAD_EXIT_USAGE;
			}
			break;
		case 'f':
			if (!dyad_cli_parse_format(optarg, &o.format)) {
				fprintf(stderr, "dyad ingest: unknown format '%s'\n", optarg);
				return DYAD_EXIT_USAGE;
			}
			break;
		case 'M':
			if (!dyad_cli_parse_confidence(optarg, &o.min_confidence)) {
				fprintf(stderr, "dyad ingest: --min-confidence '%s': expected 0 to 1\n",
				        optarg);
				return DYAD_EXIT_USAGE;
			}
			break;
		case 'B':
			if (!parse_batch(optarg, &o.batch)) {
				fprintf(stderr, "dyad ingest: --batch '%s': expected 1 to %d\n",
				        optarg, DYAD_MAX_BATCH);
				return DYAD_EXIT_USAGE;
			}
			break;
		default: /* ':' (a missing value) or an unknown option */
			dyad_cli_option_error("ingest", c, argv, optind);
			usage(stderr);
			return DYAD_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "dyad ingest: no PATH given\n");
		usage(stderr);
		return DYAD_EXIT_USAGE;
	}
	o.db = dyad_cli_db_path(o.db);
	return run(&o, (const char *const *)argv + optind, (size_t)(argc - optind));
}
