/*
 * score.h - the evaluation object behind the dyad_eval_* functions of dyad.h.
 *
 * `dyad eval` (src/cli/cli_eval.c) opens one on a gold folder, feeds it
 * extraction output (an existing JSON Lines file, or documents it extracts
 * itself) and asks for the scores. score.c holds the gold records and the
 * latest record per output document (see model.h) and reproduces
 * ../shared/tools/score.py's loop over the gold documents.
 */
#ifndef DYAD_EVAL_SCORE_H
#define DYAD_EVAL_SCORE_H

#include "core/arena.h"
#include "core/buf.h"
#include "core/hash.h"
#include "dyad.h"
#include "eval/model.h"

/* Longest output line taken (score.py has no limit; this only stops a
 * runaway input from eating the machine). */
#define DYAD_EVAL_MAX_LINE ((size_t)1 << 30)

struct dyad_eval {
	struct dyad_arena arena;        /* every record and string */
	struct dyad__eval_gold *golds;  /* heap, in gold file name order */
	size_t n_golds, alloc_golds;
	struct dyad__eval_pred *preds;  /* heap, one per distinct key */
	size_t n_preds, alloc_preds;
	struct dyad_hash pred_index;    /* key (in the arena) -> preds index */
	struct dyad__eval_pred empty;   /* score.py's {} for a missing document */
	size_t n_badjson;
	struct dyad_buf line;           /* scratch for decoding a line */
};

/* The output document of gold document g (owned by ev), or NULL when the
 * output has none. */
const struct dyad__eval_pred *dyad__eval_pred_of(const dyad_eval *ev,
                                                 const struct dyad__eval_gold *g);

#endif
