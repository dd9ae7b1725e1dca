/*
 * cli_export.c - 'dyad export': the stored events in the formats other
 * tools read (GDELT 2.0 events and mentions, ICEWS-style CSV, CSV, JSON
 * Lines, GraphML and GEXF of the knowledge graph), with the filters of
 * 'dyad events', to standard output or a file. docs/formats.md.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: dyad export [--db PATH|URL] --format F [-o FILE] [--actor X]\n"
	        "                   [--country ISO3] [--dyad A:B] [--code PREFIX]\n"
	        "                   [--since DATE] [--until DATE] [--source OUTLET]\n"
	        "                   [--lang xx] [--match FTS] [--min-confidence X]\n"
	        "                   [--limit N]\n\n"
	        "Write the stored events that pass every filter given (those of\n"
	        "'dyad events') in a format other tools read (docs/formats.md):\n\n"
	        "  gdelt           GDELT 2.0 Event table: 61 TAB-separated columns, no header\n"
	        "  gdelt-mentions  GDELT 2.0 Mentions table: 16 TAB-separated columns\n"
	        "  icews           ICEWS-style CSV with a header row\n"
	        "  csv, jsonl      as 'dyad events --format csv|jsonl'\n"
	        "  graphml, gexf   the knowledge graph of those events (Gephi, NetworkX)\n\n"
	        "  --db PATH|URL   SQLite file or postgresql:// URL (default: $DYAD_DB,\n"
	        "                  else dyad.db)\n"
	        "  -o FILE         write to FILE instead of standard output\n\n"
	        "Exit status: 0 success, 1 no such database or the output failed,\n"
	        "2 bad usage or filter, 3 the database failed.\n");
}

/* A whole positive decimal number. */
static int parse_limit(const char *s, size_t *out)
{
	char *end;
	if (s[0] < '0' || s[0] > '9')
		return 0;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || *end || v == 0 || v > SIZE_MAX)
		return 0;
	*out = (size_t)v;
	return 1;
}

/* The CAMEO names for ICEWS's Event Text come from the engine's data. */
static dyad_engine *open_names(enum dyad_export_format format,
                               struct dyad_export_options *o)
{
	if (format != DYAD_EXPORT_ICEWS)
		return NULL;
	dyad_engine *engine = dyad_cli_open_engine(dyad_cli_data_dir(NULL));
	if (engine)
		o->codes = dyad_cameo_codes(engine, &o->n_codes);
	else
		fprintf(stderr, "dyad export: without the CAMEO names, Event Text stays empty\n");
	return engine;
}

static int run(const char *db, const struct dyad_event_filter *filter,
               enum dyad_export_format format, const char *path)
{
	int exit_code = DYAD_EXIT_OK;
	struct dyad_export_options options = {0};
	dyad_store *store = dyad_cli_open_store_readonly(db, &exit_code);
	if (!store)
		return exit_code;
	FILE *out = path ? fopen(path, "wb") : stdout;
	if (!out) {
		fprintf(stderr, "dyad export: %s: %s\n", path, strerror(errno));
		dyad_store_close(store);
		return DYAD_EXIT_FAILED;
	}
	dyad_engine *engine = open_names(format, &options);
	dyad_status st = dyad_store_export(store, filter, format, &options, out);
	if (st == DYAD_EIO) {
		fprintf(stderr, "dyad export: cannot write the output\n");
		exit_code = DYAD_EXIT_FAILED;
	} else if (st == DYAD_EDB) {
		fprintf(stderr, "dyad: %s: %s\n", db, dyad_store_errmsg(store));
		exit_code = DYAD_EXIT_STORE;
	} else if (st != DYAD_OK) {
		fprintf(stderr, "dyad export: %s\n", dyad_store_errmsg(store));
		exit_code = st == DYAD_EINVAL ? DYAD_EXIT_USAGE : DYAD_EXIT_FAILED;
	}
	dyad_store_close(store);
	dyad_engine_free(engine);
	if ((path ? fclose(out) : fflush(out)) != 0 && exit_code == DYAD_EXIT_OK) {
		fprintf(stderr, "dyad export: cannot write the output\n");
		exit_code = DYAD_EXIT_FAILED;
	}
	return exit_code;
}

static const struct option options[] = {
	{"db", required_argument, NULL, 'b'},      {"actor", required_argument, NULL, 'a'},
	{"country", required_argument, NULL, 'c'}, {"dyad", required_argument, NULL, 'y'},
	{"code", required_argument, NULL, 'C'},    {"since", required_argument, NULL, 's'},
	{"until", required_argument, NULL, 'u'},   {"source", required_argument, NULL, 'S'},
	{"lang", required_argument, NULL, 'l'},    {"match", required_argument, NULL, 'm'},
	{"limit", required_argument, NULL, 'n'},   {"format", required_argument, NULL, 'f'},
	{"min-confidence", required_argument, NULL, 'M'},
	{"output", required_argument, NULL, 'o'},  {"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

int dyad_cli_export(int argc, char **argv)
{
	struct dyad_event_filter filter;
	memset(&filter, 0, sizeof filter);
	const char *db = NULL, *path = NULL;
	enum dyad_export_format format = DYAD_EXPORT_JSONL;
	int have_format = 0, c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":ho:", options, NULL)) != -1) {
		if (dyad_cli_filter_option(c, optarg, &filter))
			continue;
		switch (c) {
		case 'h': usage(stdout); return DYAD_EXIT_OK;
		case 'b': db = optarg; break;
		case 'S': filter.source = optarg; break;
		case 'o': path = optarg; break;
		case 'M':
			if (!dyad_cli_parse_confidence(optarg, &filter.min_confidence)) {
				fprintf(stderr, "dyad export: --min-confidence '%s': expected 0 to 1\n",
				        optarg);
				return DYAD_EXIT_USAGE;
			}
			break;
		case 'n':
			if (!parse_limit(optarg, &filter.limit)) {
				fprintf(stderr, "dyad export: --limit '%s': expected a positive number\n",
				        optarg);
				return DYAD_EXIT_USAGE;
			}
			break;
		case 'f':
			if (!dyad_export_format_parse(optarg, &format)) {
				fprintf(stderr, "dyad export: unknown format '%s'\n", optarg);
				return DYAD_EXIT_USAGE;
			}
			have_format = 1;
			break;
		default:
			dyad_cli_option_error("export", c, argv, optind);
			usage(stderr);
			return DYAD_EXIT_USAGE;
		}
	}
	if (optind < argc || !have_format) {
		if (optind < argc)
			fprintf(stderr, "dyad export: unexpected argument '%s'\n", argv[optind]);
		else
			fprintf(stderr, "dyad export: --format is needed\n");
		usage(stderr);
		return DYAD_EXIT_USAGE;
	}
	return run(dyad_cli_db_path(db), &filter, format, path);
}
