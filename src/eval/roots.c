/*
 * roots.c - the event figures per CAMEO root and the root confusion table
 * (dyad_eval_by_root, dyad_eval_write_roots, dyad_eval_write_confusion).
 *
 * The summary line says how good the events are; these say where they are
 * missing: per kind of news (a root), and which root dyad gave when it
 * found the right actors but read the event as another kind. The counts
 * follow score.py's sets exactly (a triple right, wrong or missed there is
 * right, wrong or missed under its root here), so the per-root counts add
 * up to the summary's tp, fp and fn.
 */
#include "eval/score.h"

#include <string.h>

/* 1..20 for the roots "01".."20", 0 for anything else. */
static int root_index(const char *root)
{
	if (strlen(root) != 2 || root[0] < '0' || root[0] > '2' || root[1] < '0' ||
	    root[1] > '9')
		return 0;
	int r = (root[0] - '0') * 10 + (root[1] - '0');
	return r >= 1 && r < DYAD_EVAL_N_ROOTS ? r : 0;
}

/* Same actors, as the scorer would see them if the roots agreed: root 04
 * has no direction, so against it the pair is unordered. */
static int same_actors(const struct dyad__eval_triple *a,
                       const struct dyad__eval_triple *b)
{
	if (strcmp(a->src, b->src) == 0 && strcmp(a->tgt, b->tgt) == 0)
		return 1;
	if (strcmp(a->root, "04") != 0 && strcmp(b->root, "04") != 0)
		return 0;
	return strcmp(a->src, b->tgt) == 0 && strcmp(a->tgt, b->src) == 0;
}

static void count_doc(const struct dyad__eval_gold *g,
                      const struct dyad__eval_pred *d, struct dyad_eval_roots *out)
{
	const struct dyad__eval_set *got = &d->events;
	for (size_t i = 0; i < g->required.n; i++) {
		const struct dyad__eval_triple *t = &g->required.items[i];
		int r = root_index(t->root), matched = 0;
		if (dyad__eval_set_has(got, *t))
			out->tp[r]++;
		else
			out->fn[r]++;
		for (size_t j = 0; j < got->n; j++) {
			if (same_actors(t, &got->items[j])) {
				out->confusion[r][root_index(got->items[j].root)]++;
				matched = 1;
			}
		}
		if (!matched)
			out->confusion[r][0]++;
	}
	for (size_t j = 0; j < got->n; j++) {
		const struct dyad__eval_triple *t = &got->items[j];
		if (dyad__eval_set_has(&g->required, *t) || dyad__eval_set_has(&g->optional, *t))
			continue;
		int r = root_index(t->root), matched = 0;
		out->fp[r]++;
		for (size_t i = 0; i < g->required.n && !matched; i++)
			matched = same_actors(&g->required.items[i], t);
		if (!matched)
			out->confusion[0][r]++;
	}
}

dyad_status dyad_eval_by_root(dyad_eval *eval, struct dyad_eval_roots *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < eval->n_golds; i++) {
		const struct dyad__eval_gold *g = &eval->golds[i];
		uint32_t at;
		const struct dyad__eval_pred *d =
			dyad_hash_get(&eval->pred_index, g->key, strlen(g->key), &at)
				? &eval->preds[at]
				: &eval->empty;
		count_doc(g, d, out);
	}
	return DYAD_OK;
}

static double share(size_t num, size_t den)
{
	return den ? (double)num / (double)den : 0.0;
}

dyad_status dyad_eval_write_roots(FILE *out, const struct dyad_eval_roots *r)
{
	int bad = fprintf(out, "root tp fp fn P R F1\n") < 0;
	for (int k = 0; k < DYAD_EVAL_N_ROOTS && !bad; k++) {
		if (!r->tp[k] && !r->fp[k] && !r->fn[k])
			continue;
		double p = share(r->tp[k], r->tp[k] + r->fp[k]);
		double rc = share(r->tp[k], r->tp[k] + r->fn[k]);
		double f1 = p + rc != 0.0 ? 2 * p * rc / (p + rc) : 0.0;
		char name[4] = "-";
		if (k)
			snprintf(name, sizeof name, "%02d", k);
		bad = fprintf(out, "%s %zu %zu %zu %.2f %.2f %.2f\n", name, r->tp[k],
		              r->fp[k], r->fn[k], p, rc, f1) < 0;
	}
	return bad ? DYAD_EIO : DYAD_OK;
}

/* A row or column of the table is shown when it has a count. */
static int used(const struct dyad_eval_roots *r, int k, int as_row)
{
	for (int j = 0; j < DYAD_EVAL_N_ROOTS; j++)
		if (as_row ? r->confusion[k][j] : r->confusion[j][k])
			return 1;
	return 0;
}

dyad_status dyad_eval_write_confusion(FILE *out, const struct dyad_eval_roots *r)
{
	int bad = fprintf(out, "%-10s", "gold\\found") < 0;
	for (int c = 0; c < DYAD_EVAL_N_ROOTS && !bad; c++)
		if (used(r, c, 0))
			bad = c ? fprintf(out, " %4.2d", c) < 0 : fprintf(out, " %4s", "-") < 0;
	bad |= fputc('\n', out) == EOF;
	for (int k = 0; k < DYAD_EVAL_N_ROOTS && !bad; k++) {
		if (!used(r, k, 1))
			continue;
		bad = k ? fprintf(out, "%-10.2d", k) < 0 : fprintf(out, "%-10s", "-") < 0;
		for (int c = 0; c < DYAD_EVAL_N_ROOTS && !bad; c++)
			if (used(r, c, 0))
				bad = fprintf(out, " %4zu", r->confusion[k][c]) < 0;
		bad |= fputc('\n', out) == EOF;
	}
	return bad ? DYAD_EIO : DYAD_OK;
}
