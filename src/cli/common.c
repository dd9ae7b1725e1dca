/*
 * common.c - helpers shared by the subcommands.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

#include <getopt.h>

dyad_engine *dyad_cli_open_engine(const char *data_dir)
{
	dyad_engine *engine;
	char err[DYAD_ERRMSG_MAX];
	dyad_status st = dyad_engine_open(data_dir, &engine, err);
	if (st != DYAD_OK) {
		fprintf(stderr, "dyad: %s\n", err[0] ? err : dyad_strerror(st));
		return NULL;
	}
	return engine;
}

int dyad_cli_is_help(const char *arg)
{
	return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

const char *dyad_cli_db_path(const char *option_value)
{
	if (option_value)
		return option_value;
	const char *env = getenv("DYAD_DB");
	return env && *env ? env : "dyad.db";
}

void dyad_cli_warn_input(const struct dyad_input *input)
{
	if (input->warning)
		fprintf(stderr, "dyad: %s: warning: %s\n", input->path, input->warning);
}

dyad_store *dyad_cli_open_store_readonly(const char *path, int *exit_code)
{
	char err[DYAD_ERRMSG_MAX];
	dyad_store *store;
	dyad_status st = dyad_store_open_readonly(path, &store, err);
	if (st == DYAD_OK)
		return store;
	fprintf(stderr, "dyad: %s\n", err[0] ? err : dyad_strerror(st));
	*exit_code = st == DYAD_ENOENT ? DYAD_EXIT_FAILED : DYAD_EXIT_STORE;
	return NULL;
}

int dyad_cli_parse_format(const char *s, enum dyad_format *out)
{
	static const struct {
		const char *name;
		enum dyad_format format;
	} formats[] = {{"auto", DYAD_FORMAT_AUTO}, {"text", DYAD_FORMAT_TEXT},
	               {"html", DYAD_FORMAT_HTML}, {"jsonl", DYAD_FORMAT_JSONL}};
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strcmp(s, formats[i].name) == 0) {
			*out = formats[i].format;
			return 1;
		}
	return 0;
}

int dyad_cli_use_dict(dyad_engine *engine, const char *path, enum dyad_dict_mode mode,
                      dyad_dict **out)
{
	char err[DYAD_ERRMSG_MAX];
	*out = NULL;
	if (!path)
		return 1;
	if (dyad_dict_open(path, out, err) != DYAD_OK) {
		fprintf(stderr, "dyad: %s\n", err);
		return 0;
	}
	dyad_engine_use_dict(engine, *out, mode);
	return 1;
}

void dyad_cli_option_error(const char *command, int code, char **argv, int next)
{
	if (code == ':')
		fprintf(stderr, "dyad %s: '%s' needs a value\n", command, argv[next - 1]);
	else if (optopt)
		fprintf(stderr, "dyad %s: unknown option '-%c'\n", command, optopt);
	else
		fprintf(stderr, "dyad %s: unknown option '%s'\n", command, argv[next - 1]);
}

int dyad_cli_parse_confidence(const char *s, double *out)
{
	char *end;
	errno = 0;
	double x = strtod(s, &end);
	if (errno || end == s || *end || !(x >= 0.0 && x <= 1.0))
		return 0;
	*out = x;
	return 1;
}

int dyad_cli_parse_jobs(const char *s, unsigned *out)
{
	char *end;
	errno = 0;
	unsigned long n = strtoul(s, &end, 10);
	if (errno || end == s || *end || s[0] == '-' || n < 1 || n > 256)
		return 0;
	*out = (unsigned)n;
	return 1;
}

int dyad_cli_filter_option(int c, const char *arg, struct dyad_event_filter *filter)
{
	switch (c) {
	case 'a': filter->actor = arg; return 1;
	case 'c': filter->country = arg; return 1;
	case 'y': filter->dyad = arg; return 1;
	case 'C': filter->code = arg; return 1;
	case 's': filter->since = arg; return 1;
	case 'u': filter->until = arg; return 1;
	case 'l': filter->lang = arg; return 1;
	case 'm': filter->match = arg; return 1;
	default: return 0;
	}
}
