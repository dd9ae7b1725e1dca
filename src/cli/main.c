/*
 * main.c - the dyad program: dispatch to a subcommand, nothing else.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

static const struct command commands[] = {
	{"extract", dyad_cli_extract, "extract documents to JSON Lines on stdout"},
	{"ingest", dyad_cli_ingest, "extract documents and store them in the database"},
	{"events", dyad_cli_events, "list stored events, with filters"},
	{"export", dyad_cli_export, "write stored events as GDELT, ICEWS, CSV, JSONL, GraphML, GEXF"},
	{"doc", dyad_cli_doc, "show one stored document with its entities and events"},
	{"stats", dyad_cli_stats, "counts of what the database holds"},
	{"entities", dyad_cli_entities, "list the entities of the knowledge graph"},
	{"entity", dyad_cli_entity, "show one entity with its events and relations"},
	{"serve", dyad_cli_serve, "serve the API and the web page over the database"},
	{"check", dyad_cli_check, "check that the database is sound"},
	{"codes", dyad_cli_codes, "list the CAMEO event codes"},
	{"eval", dyad_cli_eval, "score extraction against gold annotations"},
	{"validate", dyad_cli_validate, "run a PETRARCH/TABARI validation file"},
	{"parse", dyad_cli_parse, "tag, lemmatise and parse CoNLL-U words; measure a treebank"},
	{"train", dyad_cli_train, "learn a grammar model from UD treebanks"},
};

static void usage(FILE *out)
{
	fprintf(out, "usage: dyad COMMAND [OPTIONS] [ARGS]\n\n"
	             "dyad reads news articles and turns them into event data.\n\n"
	             "commands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\nRun 'dyad COMMAND --help' for the options of a command.\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return DYAD_EXIT_USAGE;
	}
	if (dyad_cli_is_help(argv[1])) {
		usage(stdout);
		return DYAD_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("dyad %s\n", DYAD_VERSION);
		return DYAD_EXIT_OK;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "dyad: '%s' is not a command\n", argv[1]);
	usage(stderr);
	return DYAD_EXIT_USAGE;
}
