/*
 * sweep.c - the precision dial's curve (dyad_eval_sweep in dyad.h): the
 * event figures of score.py at each confidence threshold, so that the
 * default (DYAD_MIN_CONFIDENCE) can be chosen on a gold folder and an
 * analyst can see what lowering it buys in recall and costs in precision.
 */
#include <stdio.h>
#include <string.h>

#include "eval/score.h"

#define SWEEP_STEPS 20 /* thresholds 0, 0.05, ..., 1 */

struct counts {
	size_t tp, fp, fn;
};

/* One gold document at threshold min, as score.py counts it. */
static void count_doc(const struct dyad__eval_gold *g, const struct dyad__eval_pred *d,
                      double min, struct counts *c)
{
	const struct dyad__eval_set *got = d ? &d->events : NULL;
	for (size_t i = 0; i < g->required.n; i++) {
		const struct dyad__eval_triple *hit = NULL;
		for (size_t j = 0; got && j < got->n && !hit; j++)
			if (strcmp(got->items[j].src, g->required.items[i].src) == 0 &&
			    strcmp(got->items[j].tgt, g->required.items[i].tgt) == 0 &&
			    strcmp(got->items[j].root, g->required.items[i].root) == 0)
				hit = &got->items[j];
		if (hit && hit->confidence >= min)
			c->tp++;
		else
			c->fn++;
	}
	for (size_t j = 0; got && j < got->n; j++)
		if (got->items[j].confidence >= min &&
		    !dyad__eval_set_has(&g->required, got->items[j]) &&
		    !dyad__eval_set_has(&g->optional, got->items[j]))
			c->fp++;
}

static double ratio(size_t num, size_t den)
{
	return den ? (double)num / (double)den : 0.0;
}

dyad_status dyad_eval_sweep(dyad_eval *eval, FILE *out)
{
	for (int step = 0; step <= SWEEP_STEPS; step++) {
		/* a hair under the step: 0.7 stored as 0.69999 still passes 0.70 */
		double min = (double)step / SWEEP_STEPS - 1e-9;
		struct counts c = {0, 0, 0};
		for (size_t i = 0; i < eval->n_golds; i++)
			count_doc(&eval->golds[i], dyad__eval_pred_of(eval, &eval->golds[i]), min, &c);
		double p = ratio(c.tp, c.tp + c.fp), r = ratio(c.tp, c.tp + c.fn);
		double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
		if (fprintf(out, "min=%.2f event_P=%.2f event_R=%.2f event_F1=%.2f tp=%zu fp=%zu fn=%zu\n",
		            (double)step / SWEEP_STEPS, p, r, f1, c.tp, c.fp, c.fn) < 0)
			return DYAD_EIO;
	}
	return DYAD_OK;
}
