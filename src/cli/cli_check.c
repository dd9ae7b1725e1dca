/*
 * cli_check.c - 'dyad check': is a database sound? SQLite's integrity check
 * over every page, then the schema's own consistency rules (see
 * dyad_store_check()). It never changes the file: it opens it read only,
 * and opens it for writing only to let the full-text index compare itself
 * with the documents, which SQLite allows on a writable handle alone.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: dyad check [--db PATH]\n\n"
	        "Check that the database is sound: SQLite's integrity check of every\n"
	        "page, then dyad's own rules (every row belongs to a stored document,\n"
	        "mentions and events point at entities that exist, spans lie inside\n"
	        "the text, the full-text index holds exactly the stored documents and\n"
	        "matches their texts). Each problem is one line on standard output.\n"
	        "The database is not changed.\n\n"
	        "  --db PATH      database file (default: $DYAD_DB, else dyad.db)\n\n"
	        "Exit status: 0 sound, 1 no such database, 2 bad usage, 3 damaged or\n"
	        "unreadable.\n");
}

struct report {
	const char *db;
	size_t n_shown;
};

static void print_problem(void *ctx, const char *problem)
{
	struct report *r = ctx;
	printf("%s: %s\n", r->db, problem);
	r->n_shown++;
}

/* 1 when a writable handle may be opened (the file and its folder). */
static int writable(const char *db)
{
	if (access(db, W_OK) != 0)
		return 0;
	const char *slash = strrchr(db, '/');
	if (!slash)
		return access(".", W_OK) == 0;
	char dir[4096];
	size_t n = (size_t)(slash - db);
	if (n == 0)
		return access("/", W_OK) == 0;
	if (n >= sizeof dir)
		return 0;
	memcpy(dir, db, n);
	dir[n] = '\0';
	return access(dir, W_OK) == 0;
}

/* The read-only open checks the schema version without touching it; once
 * it is current, a writable open changes nothing either. */
static dyad_store *open_for_check(const char *db, int *exit_code)
{
	dyad_store *store = dyad_cli_open_store_readonly(db, exit_code);
	if (!store || !writable(db))
		return store;
	dyad_store *rw;
	char err[DYAD_ERRMSG_MAX];
	if (dyad_store_open(db, &rw, err) != DYAD_OK)
		return store; /* check what can be checked read only */
	dyad_store_close(store);
	return rw;
}

static int run(const char *db)
{
	int exit_code = DYAD_EXIT_OK;
	dyad_store *store = open_for_check(db, &exit_code);
	if (!store)
		return exit_code;
	struct report r = {db, 0};
	size_t n = 0;
	dyad_status st = dyad_store_check(store, print_problem, &r, &n);
	if (st == DYAD_ENOMEM)
		fprintf(stderr, "dyad check: %s\n", dyad_strerror(st));
	else if (n == 0)
		printf("%s: ok\n", db);
	else
		printf("%s: %zu problem%s found\n", db, n, n == 1 ? "" : "s");
	dyad_store_close(store);
	if (fflush(stdout) != 0)
		return DYAD_EXIT_FAILED;
	if (st == DYAD_ENOMEM)
		return DYAD_EXIT_FAILED;
	return st != DYAD_OK || n > 0 ? DYAD_EXIT_STORE : DYAD_EXIT_OK;
}

int dyad_cli_check(int argc, char **argv)
{
	static const struct option options[] = {
		{"db", required_argument, NULL, 'b'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *db = NULL;
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
		default: /* ':' (a missing value) or an unknown option */
			dyad_cli_option_error("check", c, argv, optind);
			usage(stderr);
			return DYAD_EXIT_USAGE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "dyad check: unexpected argument '%s'\n", argv[optind]);
		usage(stderr);
		return DYAD_EXIT_USAGE;
	}
	return run(dyad_cli_db_path(db));
}
