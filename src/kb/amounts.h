/*
 * amounts.h - the words amounts are read with: units ("tons", "долларов"),
 * number words and multipliers ("four", "billion", "млрд") and the endings
 * of adjectives that stand between a number and its noun. Loaded from
 * data/amounts/ by kb/amounts.c; the amount stage is extract/amounts.c.
 */
#ifndef DYAD_KB_AMOUNTS_H
#define DYAD_KB_AMOUNTS_H

#include <stddef.h>

#include "core/hash.h"
#include "dyad.h"

#define DYAD_AMOUNT_MAX_ADJ_ENDINGS 128 /* adjective endings in all */

struct dyad__unit {
	const char *unit;
	const char *kind;
};

struct dyad__amount_lexicon {
	struct dyad_hash units;   /* stem key -> unit index + 1 */
	struct dyad__unit *list;
	size_t n_units;
	struct dyad_hash numbers; /* lower-case word -> index into values */
	double *values;
	unsigned char *is_multiplier;
	size_t n_numbers;
	char *adj_endings[DYAD_AMOUNT_MAX_ADJ_ENDINGS]; /* in the engine arena */
	size_t n_adj_endings;
};

/* Load data/amounts/ into engine->amounts; DYAD_EDATA naming file and line. */
dyad_status dyad__amounts_load(dyad_engine *engine, char *errmsg);
void dyad__amounts_free(struct dyad__amount_lexicon *lex);

#endif
