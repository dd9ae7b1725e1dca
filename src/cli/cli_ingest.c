/*
 * cli_ingest.c - 'dyad ingest': read documents, extract them and store them
 * in the database, in batches of --batch documents per transaction.
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
	        "                   [--batch N] PATH...\n\n"
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
	        "                 at most the last N, which a re-run adds\n\n"
	        "Exit status: 0 all documents stored, 1 some failed, 2 bad usage, 3 the\n"
	        "database failed (the run stops; what was committed stays).\n",
	        DYAD_STORE_BATCH);
}

/* Largest --batch taken seriously. */
#define DYAD_MAX_BATCH 1000000

struct tally {
	size_t n_docs, n_new, n_failed;
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

/* Extract and store one document; failures are named on stderr. 0, or -1
 * when the database failed (reported; the run must stop). */
static int ingest_one(dyad_engine *engine, dyad_store *store, const char *db,
                      const struct dyad_input *input, struct tally *t)
{
	struct dyad_doc *doc;
	t->n_docs++;
	dyad_cli_warn_input(input);
	if (dyad_extract(engine, input, &doc) != DYAD_OK) {
		fprintf(stderr, "dyad: %s: %s\n", input->path, dyad_strerror(DYAD_ENOMEM));
		t->n_failed++;
		return 0;
	}
	int failed = 0, added = 0;
	if (doc->error) {
		fprintf(stderr, "dyad: %s: %s\n", doc->path, doc->error);
		failed = 1;
	}
	size_t counted = dyad_store_pending(store); /* new, in the open batch */
	dyad_status st = dyad_store_put(store, doc, &added);
	if (st == DYAD_EDB || st == DYAD_ENOMEM) {
		store_failed(db, store, doc->path);
		t->n_new -= counted;
		dyad_doc_free(doc);
		return -1;
	}
	if (st != DYAD_OK) {
		fprintf(stderr, "dyad: %s: not stored: %s\n", doc->path,
		        dyad_store_errmsg(store));
		failed = 1;
	}
	t->n_new += (size_t)added;
	t->n_failed += (size_t)failed;
	dyad_doc_free(doc);
	return 0;
}

static int run(const char *db, const char *data_dir, enum dyad_format format,
               size_t batch, const char *const *paths, size_t n_paths)
{
	struct timespec start;
	struct tally t = {0, 0, 0};
	char err[DYAD_ERRMSG_MAX];
	int exit_code = DYAD_EXIT_FAILED;
	clock_gettime(CLOCK_MONOTONIC, &start);

	/* The engine first: a broken data folder should not leave an empty
	 * database behind. */
	dyad_engine *engine = dyad_cli_open_engine(data_dir);
	if (!engine)
		return DYAD_EXIT_FAILED;
	dyad_store *store;
	if (dyad_store_open(db, &store, err) != DYAD_OK) {
		fprintf(stderr, "dyad: %s\n", err);
		exit_code = DYAD_EXIT_STORE;
		goto fail_store;
	}
	dyad_store_set_batch(store, batch);
	dyad_reader *reader;
	if (dyad_reader_open(paths, n_paths, format, &reader) != DYAD_OK) {
		fprintf(stderr, "dyad ingest: %s\n", dyad_strerror(DYAD_ENOMEM));
		goto fail_reader;
	}
	dyad_reader_set_engine(reader, engine);
	const struct dyad_input *input;
	dyad_status st;
	int db_failed = 0;
	while (!db_failed && (st = dyad_reader_next(reader, &input)) == DYAD_OK)
		db_failed = ingest_one(engine, store, db, input, &t) != 0;
	if (!db_failed && st != DYAD_DONE)
		fprintf(stderr, "dyad ingest: %s\n", dyad_strerror(st));
	size_t counted = dyad_store_pending(store);
	if (!db_failed && dyad_store_commit(store) != DYAD_OK) {
		store_failed(db, store, "the last batch");
		t.n_new -= counted;
		db_failed = 1;
	}
	fprintf(stderr, "ingested %zu document%s (%zu new, %zu failed) in %.1f s%s\n",
	        t.n_docs, t.n_docs == 1 ? "" : "s", t.n_new, t.n_failed,
	        seconds_since(&start), db_failed ? "; stopped by the database" : "");
	if (db_failed)
		exit_code = DYAD_EXIT_STORE;
	else
		exit_code = st == DYAD_DONE && t.n_failed == 0 ? DYAD_EXIT_OK
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
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *db = NULL, *data_dir = NULL;
	enum dyad_format format = DYAD_FORMAT_AUTO;
	size_t batch = DYAD_STORE_BATCH;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return DYAD_EXIT_OK;
		case 'b':
			db = optarg;
			break;
		case 'D':
			data_dir = optarg;
			break;
		case 'f':
			if (!dyad_cli_parse_format(optarg, &format)) {
				fprintf(stderr, "dyad ingest: unknown format '%s'\n", optarg);
				return DYAD_EXIT_USAGE;
			}
			break;
		case 'B':
			if (!parse_batch(optarg, &batch)) {
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
	return run(dyad_cli_db_path(db), data_dir, format, batch,
	           (const char *const *)argv + optind, (size_t)(argc - optind));
}
