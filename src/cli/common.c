/*
 * common.c - helpers shared by the subcommands.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

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
