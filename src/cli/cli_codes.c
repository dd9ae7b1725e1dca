/*
 * cli_codes.c - 'dyad codes': the CAMEO ontology the engine loaded.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

int dyad_cli_codes(int argc, char **argv)
{
	const char *data_dir = NULL;
	const char *prefix = "";
	for (int i = 1; i < argc; i++) {
		if (dyad_cli_is_help(argv[i])) {
			printf("usage: dyad codes [--data DIR] [PREFIX]\n\n"
			       "List the CAMEO event codes (all, or those starting with PREFIX)\n"
			       "with QuadClass, Goldstein value, PLOVER category and name.\n");
			return DYAD_EXIT_OK;
		} else if (strcmp(argv[i], "--data") == 0 && i + 1 < argc) {
			data_dir = argv[++i];
		} else if (argv[i][0] == '-') {
			fprintf(stderr, "dyad codes: unknown option '%s'\n", argv[i]);
			return DYAD_EXIT_USAGE;
		} else {
			prefix = argv[i];
		}
	}
	dyad_engine *engine = dyad_cli_open_engine(data_dir);
	if (!engine)
		return DYAD_EXIT_FAILED;
	size_t n;
	const struct dyad_cameo_code *codes = dyad_cameo_codes(engine, &n);
	printf("%-5s %-4s %-9s %-10s %s\n", "code", "quad", "goldstein", "plover", "name");
	for (size_t i = 0; i < n; i++)
		if (strncmp(codes[i].code, prefix, strlen(prefix)) == 0)
			printf("%-5s %-4d %-9.1f %-10s %s\n", codes[i].code, codes[i].quad,
			       codes[i].goldstein, codes[i].plover, codes[i].name);
	dyad_engine_free(engine);
	return DYAD_EXIT_OK;
}
