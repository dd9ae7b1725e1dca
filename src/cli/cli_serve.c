/*
 * cli_serve.c - 'dyad serve': placeholder until the server lands.
 */
#include <stdio.h>

#include "cli/cli.h"

int dyad_cli_serve(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "dyad serve: not built yet\n");
	return DYAD_EXIT_FAILED;
}
