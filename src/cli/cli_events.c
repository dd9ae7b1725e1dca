/*
 * cli_events.c - 'dyad events': list stored events, filtered, as a table,
 * JSON Lines or CSV.
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
	        "usage: dyad events [--db PATH] [--actor X] [--country ISO3] [--dyad A:B]\n"
	        "                   [--code PREFIX] [--since DATE] [--until DATE]\n"
	        "                   [--source OUTLET] [--lang xx] [--match FTS] [--limit N]\n"
	        "                   [--min-confidence X] [--format table|jsonl|csv] [--width N]\n\n"
	        "List the stored events that pass every filter given, by date.\n\n"
	        "  --db PATH        database file (default: $DYAD_DB, else dyad.db)\n"
	        "  --actor X        either side's actor code or name contains X (any case)\n"
	        "  --country ISO3   either side's country is ISO3\n"
	        "  --dyad A:B       source A, target B (a country or actor code prefix;\n"
	        "                   either may be empty); meetings and consultations\n"
	        "                   (root 04) match in either direction\n"
	        "  --code PREFIX    CAMEO code starts with PREFIX (05, 051)\n"
	        "  --since DATE     on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY): the\n"
	        "                   event's date, else the publication date\n"
	        "  --until DATE     on or before DATE, same rule\n"
	        "  --source OUTLET  published by OUTLET (any case)\n"
	        "  --lang xx        documents in language xx (en, ru)\n"
	        "  --match FTS      documents whose title or text match the SQLite FTS5\n"
	        "                   query FTS ('gas AND pipeline', '\"Trans-Caspian\"')\n"
	        "  --limit N        at most N events\n"
	        "  --min-confidence X  events of confidence X (0..1) or more (default: all\n"
	        "                   stored; ingest already applied its own dial)\n"
	        "  --format F       table (default), jsonl or csv\n"
	        "  --width N        table line width (default: $COLUMNS, else %d)\n\n"
	        "Exit status: 0 success, 1 no such database, 2 bad usage or filter,\n"
	        "3 the database failed.\n",
	        DYAD_TABLE_WIDTH);
}

static int parse_format(const char *s, enum dyad_event_format *out)
{
	static const struct {
		const char *name;
		enum dyad_event_format format;
	} formats[] = {{"table", DYAD_EVENTS_TABLE},
	               {"jsonl", DYAD_EVENTS_JSONL},
	               {"csv", DYAD_EVENTS_CSV}};
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strcmp(s, formats[i].name) == 0) {
			*out = formats[i].format;
			return 1;
		}
	return 0;
}

/* A whole non-negative decimal number, no sign, no trailing bytes. */
static int parse_count(const char *s, unsigned long long max,
                       unsigned long long *out)
{
	char *end;
	if (s[0] < '0' || s[0] > '9')
		return 0;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || *end || v > max)
		return 0;
	*out = v;
	return 1;
}

static unsigned table_width(unsigned option)
{
	unsigned long long v;
	if (option)
		return option;
	const char *env = getenv("COLUMNS");
	if (env && parse_count(env, 1u << 16, &v) && v > 0)
		return (unsigned)v;
	return DYAD_TABLE_WIDTH;
}

static int list(const char *db, const struct dyad_event_filter *filter,
                enum dyad_event_format format, unsigned width)
{
	dyad_event_cursor *cur = NULL;
	int exit_code = DYAD_EXIT_OK;
	dyad_store *store = dyad_cli_open_store_readonly(db, &exit_code);
	if (!store)
		return exit_code;
	dyad_status st = dyad_store_events(store, filter, &cur);
	if (st == DYAD_OK)
		st = dyad_event_write_header(stdout, format, width);
	const struct dyad_event_row *row;
	while (st == DYAD_OK && (st = dyad_event_cursor_next(cur, &row)) == DYAD_OK)
		st = dyad_event_write(stdout, format, width, row);
	if (st == DYAD_EIO) {
		fprintf(stderr, "dyad events: cannot write the output\n");
		exit_code = DYAD_EXIT_FAILED;
	} else if (st == DYAD_EDB) {
		fprintf(stderr, "dyad: %s: %s\n", db, dyad_store_errmsg(store));
		exit_code = DYAD_EXIT_STORE;
	} else if (st != DYAD_DONE) {
		fprintf(stderr, "dyad events: %s\n", dyad_store_errmsg(store));
		exit_code = st == DYAD_EINVAL ? DYAD_EXIT_USAGE : DYAD_EXIT_FAILED;
	}
	dyad_event_cursor_free(cur);
	dyad_store_close(store);
	if (fflush(stdout) != 0 && exit_code == DYAD_EXIT_OK) {
		fprintf(stderr, "dyad events: cannot write the output\n");
		exit_code = DYAD_EXIT_FAILED;
	}
	return exit_code;
}

/* Largest --width taken seriously; wider is surely a typo. */
#define DYAD_MAX_WIDTH 4096

static int min_confidence(const char *arg, struct dyad_event_filter *filter)
{
	if (dyad_cli_parse_confidence(arg, &filter->min_confidence))
		return 1;
	fprintf(stderr, "dyad events: --min-confidence '%s': expected 0 to 1\n", arg);
	return 0;
}

int dyad_cli_events(int argc, char **argv)
{
	static const struct option options[] = {
		{"db", required_argument, NULL, 'b'},
		{"actor", required_argument, NULL, 'a'},
		{"country", required_argument, NULL, 'c'},
		{"dyad", required_argument, NULL, 'y'},
		{"code", required_argument, NULL, 'C'},
		{"since", required_argument, NULL, 's'},
		{"until", required_argument, NULL, 'u'},
		{"source", required_argument, NULL, 'o'},
		{"lang", required_argument, NULL, 'l'},
		{"match", required_argument, NULL, 'm'},
		{"limit", required_argument, NULL, 'n'},
		{"format", required_argument, NULL, 'f'},
		{"width", required_argument, NULL, 'w'},
		{"min-confidence", required_argument, NULL, 'M'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct dyad_event_filter filter;
	memset(&filter, 0, sizeof filter);
	const char *db = NULL;
	enum dyad_event_format format = DYAD_EVENTS_TABLE;
	unsigned width = 0;
	unsigned long long v;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		if (dyad_cli_filter_option(c, optarg, &filter))
			continue;
		switch (c) {
		case 'h': usage(stdout); return DYAD_EXIT_OK;
		case 'b': db = optarg; break;
		case 'o': filter.source = optarg; break;
		case 'M':
			if (!min_confidence(optarg, &filter)) return DYAD_EXIT_USAGE;
			break;
		case 'n':
			if (!parse_count(optarg, SIZE_MAX, &v) || v == 0) {
				fprintf(stderr, "dyad events: --limit '%s': expected a positive number\n",
				        optarg);
				return DYAD_EXIT_USAGE;
			}
			filter.limit = (size_t)v;
			break;
		case 'w':
			if (!parse_count(optarg, DYAD_MAX_WIDTH, &v) || v == 0) {
				fprintf(stderr, "dyad events: --width '%s': expected 1 to %d\n", optarg,
				        DYAD_MAX_WIDTH);
				return DYAD_EXIT_USAGE;
			}
			width = (unsigned)v;
			break;
		case 'f':
			if (!parse_format(optarg, &format)) {
				fprintf(stderr, "dyad events: unknown format '%s'\n", optarg);
				return DYAD_EXIT_USAGE;
			}
			break;
		default: /* ':' (a missing value) or an unknown option */
			dyad_cli_option_error("events", c, argv, optind);
			usage(stderr);
			return DYAD_EXIT_USAGE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "dyad events: unexpected argument '%s'\n", argv[optind]);
		usage(stderr);
		return DYAD_EXIT_USAGE;
	}
	return list(dyad_cli_db_path(db), &filter, format, table_width(width));
}
