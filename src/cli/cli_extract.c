/*
 * cli_extract.c - 'dyad extract': documents in, JSON Lines out.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: dyad extract [--data DIR] [--format auto|text|html|jsonl]\n"
	        "                    [--dict PATH | --dict-on-top PATH] [--with-body]\n"
	        "                    [--min-confidence X] [-j N] [PATH...]\n\n"
	        "Read articles (files, folders, .gz, JSON Lines; '-' or nothing for\n"
	        "standard input) and write one JSON object per document to standard\n"
	        "output, in input order. A document that cannot be read still gets a\n"
	        "line with an \"error\" field and is named on standard error.\n\n"
	        "  --data DIR     knowledge folder (default: $DYAD_DATA, the source tree,\n"
	        "                 PREFIX/share/dyad)\n"
	        "  --format F     force the input format instead of guessing it\n"
	        "  --dict PATH    code events with TABARI/PETRARCH dictionaries (a folder\n"
	        "                 of *actors*, *agents*, *verbs*, *discards* files, or a\n"
	        "                 config of \"kind = FILE\" lines) instead of dyad's own\n"
	        "  --dict-on-top PATH  the same, adding their events to dyad's own\n"
	        "  --with-body    add a \"body\" field: the article text, headline excluded\n"
	        "  --min-confidence X  report the events of confidence X (0..1) or more\n"
	        "                 (default 0.55, dev precision >= 0.90; 0: every event)\n"
	        "  -j, --jobs N   extract on N threads (default: the number of cores);\n"
	        "                 the output is the same, in the same order\n\n"
	        "Exit status: 0 all documents extracted, 1 some failed, 2 bad usage.\n");
}

struct options {
	const char *data_dir;
	const char *dict_path;
	enum dyad_dict_mode dict_mode;
	enum dyad_format format;
	unsigned json_flags; /* enum dyad_json_flags */
	unsigned jobs;       /* 0 = the number of cores */
	double min_confidence; /* < 0: the engine's default */
	const char *const *paths;
	size_t n_paths;
};

/* Options into opt; returns -1 to go on, else the exit status. */
static int parse_options(int argc, char **argv, struct options *opt)
{
	static const char *const stdin_path[] = {"-"};
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (dyad_cli_is_help(argv[i])) {
			usage(stdout);
			return DYAD_EXIT_OK;
		} else if (strcmp(argv[i], "--data") == 0 && i + 1 < argc) {
			opt->data_dir = argv[++i];
		} else if (strcmp(argv[i], "--dict") == 0 && i + 1 < argc) {
			opt->dict_path = argv[++i];
			opt->dict_mode = DYAD_DICT_INSTEAD;
		} else if (strcmp(argv[i], "--dict-on-top") == 0 && i + 1 < argc) {
			opt->dict_path = argv[++i];
			opt->dict_mode = DYAD_DICT_ON_TOP;
		} else if (strcmp(argv[i], "--min-confidence") == 0 && i + 1 < argc) {
			if (!dyad_cli_parse_confidence(argv[++i], &opt->min_confidence)) {
				fprintf(stderr, "dyad extract: --min-confidence '%s': expected 0 to 1\n",
				        argv[i]);
				return DYAD_EXIT_USAGE;
			}
		} else if (strcmp(argv[i], "--with-body") == 0) {
			opt->json_flags |= DYAD_JSON_BODY;
		} else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			if (!dyad_cli_parse_format(argv[++i], &opt->format)) {
				fprintf(stderr, "dyad extract: unknown format '%s'\n", argv[i]);
				return DYAD_EXIT_USAGE;
			}
		} else if ((strcmp(argv[i], "-j") == 0 || strcmp(argv[i], "--jobs") == 0) &&
		           i + 1 < argc) {
			if (!dyad_cli_parse_jobs(argv[++i], &opt->jobs)) {
				fprintf(stderr, "dyad extract: -j needs a number of threads, not '%s'\n",
				        argv[i]);
				return DYAD_EXIT_USAGE;
			}
		} else if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		} else {
			fprintf(stderr, "dyad extract: unknown option '%s'\n", argv[i]);
			usage(stderr);
			return DYAD_EXIT_USAGE;
		}
	}
	opt->paths = i < argc ? (const char *const *)argv + i : stdin_path;
	opt->n_paths = i < argc ? (size_t)(argc - i) : 1;
	return -1;
}

/* One result in input order: its line on stdout, its failure on stderr. */
static int print_result(void *ctx, struct dyad_pool_result *r)
{
	int *exit_code = ctx;
	if (r->warning)
		fprintf(stderr, "dyad: %s: warning: %s\n", r->path ? r->path : "-", r->warning);
	if (!r->doc) {
		fprintf(stderr, "dyad: %s: out of memory\n", r->path ? r->path : "-");
		*exit_code = DYAD_EXIT_FAILED;
		return 0;
	}
	if (r->doc->error) {
		fprintf(stderr, "dyad: %s: %s\n", r->doc->path, r->doc->error);
		*exit_code = DYAD_EXIT_FAILED;
	}
	if (r->json_status != DYAD_OK || !r->json ||
	    fwrite(r->json, 1, r->json_len, stdout) != r->json_len) {
		fprintf(stderr, "dyad: %s: could not write the output\n", r->doc->path);
		*exit_code = DYAD_EXIT_FAILED;
	}
	return 0;
}

/* Every document of the reader as one JSON line, extracted by a pool of
 * opt->jobs threads; returns the exit status. */
static int extract_all(const dyad_engine *engine, dyad_reader *reader,
                       const struct options *opt)
{
	int exit_code = DYAD_EXIT_OK;
	dyad_pool *pool;
	dyad_status st = dyad_pool_new(engine, opt->jobs, DYAD_POOL_JSON, opt->json_flags, &pool);
	if (st == DYAD_OK)
		st = dyad_pool_run(pool, reader, print_result, &exit_code);
	dyad_pool_free(pool);
	if (st != DYAD_OK) {
		fprintf(stderr, "dyad extract: %s\n", dyad_strerror(st));
		exit_code = DYAD_EXIT_FAILED;
	}
	return exit_code;
}

int dyad_cli_extract(int argc, char **argv)
{
	struct options opt = {NULL, NULL, DYAD_DICT_INSTEAD, DYAD_FORMAT_AUTO, 0, 0, -1, NULL, 0};
	int rc = parse_options(argc, argv, &opt);
	if (rc >= 0)
		return rc;
	dyad_engine *engine = dyad_cli_open_engine(opt.data_dir);
	if (!engine)
		return DYAD_EXIT_FAILED;
	if (opt.min_confidence >= 0)
		dyad_engine_set_min_confidence(engine, opt.min_confidence);
	dyad_dict *dict = NULL;
	if (!dyad_cli_use_dict(engine, opt.dict_path, opt.dict_mode, &dict)) {
		dyad_engine_free(engine);
		return DYAD_EXIT_FAILED;
	}
	dyad_reader *reader;
	if (dyad_reader_open(opt.paths, opt.n_paths, opt.format, &reader) != DYAD_OK) {
		fprintf(stderr, "dyad extract: out of memory\n");
		dyad_engine_free(engine);
		dyad_dict_free(dict);
		return DYAD_EXIT_FAILED;
	}
	dyad_reader_set_engine(reader, engine);
	int exit_code = extract_all(engine, reader, &opt);
	dyad_reader_free(reader);
	dyad_engine_free(engine);
	dyad_dict_free(dict);
	if (fflush(stdout) != 0)
		exit_code = DYAD_EXIT_FAILED;
	return exit_code;
}
