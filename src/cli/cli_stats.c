/*
 * cli_stats.c - 'dyad stats': what the database holds, in counts.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

/* Largest --top taken seriously. */
#define DYAD_MAX_TOP 100000

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: dyad stats [--db PATH] [--top N]\n\n"
	        "Count what the database holds: documents (ok and failed), the rows of\n"
	        "every table, documents by language and by outlet, entities by kind,\n"
	        "events by CAMEO root code and the busiest country dyads.\n\n"
	        "  --db PATH      database file (default: $DYAD_DB, else dyad.db)\n"
	        "  --top N        longest lists keep their N largest entries (default %d)\n\n"
	        "Exit status: 0 success, 1 no such database, 2 bad usage, 3 the database\n"
	        "failed.\n",
	        DYAD_STATS_TOP);
}

static void print_counts(FILE *out, const char *title,
                         const struct dyad_store_counts *c)
{
	fprintf(out, "\n%s\n", title);
	if (c->n == 0)
		fputs("  (none)\n", out);
	for (size_t i = 0; i < c->n; i++)
		fprintf(out, "  %-24s %8lld\n", c->items[i].key, (long long)c->items[i].n);
}

static void print_stats(FILE *out, const struct dyad_store_stats *s)
{
	fprintf(out, "documents  %8lld  (%lld ok, %lld failed)\n",
	        (long long)s->n_documents, (long long)(s->n_documents - s->n_failed),
	        (long long)s->n_failed);
	fprintf(out, "entities   %8lld\n", (long long)s->n_entities);
	fprintf(out, "mentions   %8lld\n", (long long)s->n_mentions);
	fprintf(out, "events     %8lld\n", (long long)s->n_events);
	fprintf(out, "quotes     %8lld\n", (long long)s->n_quotes);
	fprintf(out, "amounts    %8lld\n", (long long)s->n_amounts);
	print_counts(out, "documents by language", &s->by_lang);
	print_counts(out, "documents by source", &s->by_source);
	print_counts(out, "entities by kind", &s->by_kind);
	print_counts(out, "events by root code", &s->by_root);
	print_counts(out, "top dyads (source>target country)", &s->top_dyads);
}

static int run(const char *db, size_t top)
{
	int exit_code = DYAD_EXIT_OK;
	dyad_store *store = dyad_cli_open_store_readonly(db, &exit_code);
	if (!store)
		return exit_code;
	struct dyad_store_stats *stats;
	dyad_status st = dyad_store_stats(store, top, &stats);
	if (st != DYAD_OK) {
		fprintf(stderr, "dyad: %s: %s\n", db, dyad_store_errmsg(store));
		exit_code = st == DYAD_EDB ? DYAD_EXIT_STORE : DYAD_EXIT_FAILED;
	} else {
		print_stats(stdout, stats);
		dyad_store_stats_free(stats);
		if (fflush(stdout) != 0 || ferror(stdout)) {
			fprintf(stderr, "dyad stats: cannot write the output\n");
			exit_code = DYAD_EXIT_FAILED;
		}
	}
	dyad_store_close(store);
	return exit_code;
}

int dyad_cli_stats(int argc, char **argv)
{
	static const struct option options[] = {
		{"db", required_argument, NULL, 'b'},
		{"top", required_argument, NULL, 't'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *db = NULL;
	size_t top = DYAD_STATS_TOP;
	char *end;
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
		case 't': {
			errno = 0;
			unsigned long v = strtoul(optarg, &end, 10);
			if (optarg[0] < '0' || optarg[0] > '9' || errno || *end || v == 0 ||
			    v > DYAD_MAX_TOP) {
				fprintf(stderr, "dyad stats: --top '%s': expected 1 to %d\n", optarg,
				        DYAD_MAX_TOP);
				return DYAD_EXIT_USAGE;
			}
			top = (size_t)v;
			break;
		}
		default: /* ':' (a missing value) or an unknown option */
			dyad_cli_option_error("stats", c, argv, optind);
			usage(stderr);
			return DYAD_EXIT_USAGE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "dyad stats: unexpected argument '%s'\n", argv[optind]);
		usage(stderr);
		return DYAD_EXIT_USAGE;
	}
	return run(dyad_cli_db_path(db), top);
}
