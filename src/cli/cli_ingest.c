/*
 * cli_ingest.c - 'dyad ingest': read documents, extract them and store them
 * in the database, one transaction per document. Extraction runs on a pool
 * of threads (-j); this thread is the store's one writer and stores the
 * documents in input order.
 *
 * A document that fails (unreadable, empty, not text) is named on standard
 * error and the run goes on; the exit status says that something failed.
 * Ingesting the same documents again adds nothing.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: dyad ingest [--db PATH] [--data DIR] [--format auto|text|html|jsonl]\n"
	        "                   [-j N] PATH...\n\n"
	        "Read articles (files, folders, .gz, JSON Lines; '-' for standard input),\n"
	        "extract their events and store everything in the database. Documents\n"
	        "already stored (same normalised text) are skipped, so re-running is\n"
	        "harmless. A summary line goes to standard error.\n\n"
	        "  --db PATH      database file (default: $DYAD_DB, else dyad.db);\n"
	        "                 created when missing\n"
	        "  --data DIR     knowledge folder (default: $DYAD_DATA, the source tree,\n"
	        "                 PREFIX/share/dyad)\n"
	        "  --format F     force the input format instead of guessing it\n"
	        "  -j, --jobs N   extract on N threads (default: the number of cores);\n"
	        "                 documents are stored in input order all the same\n\n"
	        "Exit status: 0 all documents stored, 1 some failed, 2 bad usage.\n");
}

struct tally {
	size_t n_docs, n_new, n_failed;
	dyad_store *store;
};

static double seconds_since(const struct timespec *start)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) +
	       (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* Store one extracted document (a pool result, in input order); failures
 * are named on stderr. */
static int ingest_one(void *ctx, struct dyad_pool_result *r)
{
	struct tally *t = ctx;
	struct dyad_doc *doc = r->doc;
	t->n_docs++;
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
	if (dyad_store_put(t->store, doc, &added) != DYAD_OK) {
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
	unsigned jobs;             /* 0 = the number of cores */
};

static int run(const struct ingest_options *o, const char *const *paths, size_t n_paths)
{
	struct timespec start;
	struct tally t = {0, 0, 0, NULL};
	char err[DYAD_ERRMSG_MAX];
	int exit_code = DYAD_EXIT_FAILED;
	clock_gettime(CLOCK_MONOTONIC, &start);

	/* The engine first: a broken data folder should not leave an empty
	 * database behind. */
	dyad_engine *engine = dyad_cli_open_engine(o->data_dir);
	if (!engine)
		return DYAD_EXIT_FAILED;
	dyad_store *store;
	if (dyad_store_open(o->db, &store, err) != DYAD_OK) {
		fprintf(stderr, "dyad: %s\n", err);
		goto fail_store;
	}
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
	if (st != DYAD_OK)
		fprintf(stderr, "dyad ingest: %s\n", dyad_strerror(st));
	fprintf(stderr, "ingested %zu document%s (%zu new, %zu failed) in %.1f s\n",
	        t.n_docs, t.n_docs == 1 ? "" : "s", t.n_new, t.n_failed,
	        seconds_since(&start));
	exit_code = st == DYAD_OK && t.n_failed == 0 ? DYAD_EXIT_OK : DYAD_EXIT_FAILED;
	dyad_reader_free(reader);
fail_reader:
	dyad_store_close(store);
fail_store:
	dyad_engine_free(engine);
	return exit_code;
}

int dyad_cli_ingest(int argc, char **argv)
{
	static const struct option options[] = {
		{"db", required_argument, NULL, 'b'},
		{"data", required_argument, NULL, 'D'},
		{"format", required_argument, NULL, 'f'},
		{"jobs", required_argument, NULL, 'j'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct ingest_options o = {NULL, NULL, DYAD_FORMAT_AUTO, 0};
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
