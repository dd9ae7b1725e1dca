/*
 * cli_eval.c - 'dyad eval' (not built yet).
 */
#include <stdio.h>

#include "cli/cli.h"

int dyad_cli_eval(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "dyad eval: not available yet\n");
	return DYAD_EXIT_USAGE;
}
