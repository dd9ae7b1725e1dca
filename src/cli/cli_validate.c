/*
 * cli_validate.c - 'dyad validate' (not built yet).
 */
#include <stdio.h>

#include "cli/cli.h"

int dyad_cli_validate(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "dyad validate: not available yet\n");
	return DYAD_EXIT_USAGE;
}
