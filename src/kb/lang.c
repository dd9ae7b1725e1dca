/*
 * lang.c - the abbreviations of data/text/abbreviations.tsv, which the
 * sentence splitter consults before it ends a sentence at a full stop.
 */
#include <string.h>

#include "kb/engine.h"
#include "kb/tsv.h"

#define ABBREV_FILE "text/abbreviations.tsv"

dyad_status dyad__abbrev_load(dyad_engine *engine, char *errmsg)
{
	static const char *const cols[] = {"lang", "abbrev"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, &engine->arena, engine->data_dir, ABBREV_FILE, cols, 2,
	                                  errmsg);
	if (st != DYAD_OK)
		return st;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		const char *abbrev = tsv.fields[1];
		size_t n = abbrev ? strlen(abbrev) : 0;
		if (n < 2 || abbrev[n - 1] != '.')
			return dyad_tsv_error(&tsv, "\"%s\": an abbreviation ends with '.'",
			                      abbrev ? abbrev : "-");
		if ((st = dyad_hash_put(&engine->abbrev, abbrev, n, 1, NULL, NULL)) != DYAD_OK)
			return st;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}
