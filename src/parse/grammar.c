/*
 * grammar.c - the grammar stage's entry points: loading a model, analysing
 * a sentence with a work area, measuring against gold words (see grammar.h).
 *
 * A model is one file read into one allocation (model.h); the parts point
 * into it (steps.h). A work area owns the sentence state, the parser's
 * configuration and the score buffer, all grown to the longest sentence seen.
 */
#include "parse/grammar.h"

#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "parse/conllu.h"
#include "parse/model.h"
#include "parse/steps.h"
#include "parse/tagger.h"

struct dyad_grammar {
	struct dyad__model_file file;
	struct dyad__parts parts;
};

struct dyad_grammar_work {
	struct dyad__sent sent;
	struct dyad__pstate pstate;
	int32_t *acc;
	size_t acc_cap;
	const char **forms;
	uint32_t *lens;
	size_t cap;
};

static int file_section(const void *ctx, const char *tag, const void **p, size_t *len)
{
	return dyad__model_file_section(ctx, tag, p, len);
}

dyad_status dyad_grammar_load(const char *path, const struct dyad__morph *dict,
                              struct dyad_grammar **out, char *errmsg)
{
	*out = NULL;
	struct dyad_grammar *g = dyad__calloc(1, sizeof *g);
	if (!g)
		return DYAD_ENOMEM;
	dyad_status st = dyad__model_file_read(path, &g->file, errmsg);
	if (st == DYAD_OK) {
		char why[DYAD_ERRMSG_MAX] = "";
		st = dyad__parts_open(&g->parts, file_section, &g->file, dict, why);
		if (st == DYAD_OK && !g->parts.has_parser) {
			snprintf(why, sizeof why, "no parser in the model");
			st = DYAD_EDATA;
		}
		if (st != DYAD_OK && errmsg)
			snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: %s", path, why);
	}
	if (st != DYAD_OK) {
		dyad_grammar_free(g);
		return st;
	}
	*out = g;
	return DYAD_OK;
}

void dyad_grammar_free(struct dyad_grammar *g)
{
	if (!g)
		return;
	dyad__model_file_release(&g->file);
	dyad__free(g);
}

int dyad_grammar_file_needs_dict(const char *path)
{
	struct dyad__model_file f;
	if (dyad__model_file_read(path, &f, NULL) != DYAD_OK)
		return -1;
	const void *p;
	size_t len;
	int needs = -1;
	if (dyad__model_file_section(&f, DYAD_SEC_META, &p, &len)) {
		const char *at = memchr(p, 'f', len);
		unsigned flags;
		char buf[64];
		size_t n = at ? len - (size_t)(at - (const char *)p) : 0;
		if (n && n < sizeof buf) {
			memcpy(buf, at, n);
			buf[n] = '\0';
			if (sscanf(buf, "flags=%u", &flags) == 1)
				needs = (flags & DYAD_PARTS_DICT) != 0;
		}
	}
	dyad__model_file_release(&f);
	return needs;
}

const char *dyad_grammar_lang(const struct dyad_grammar *g)
{
	return g->parts.lang;
}

dyad_status dyad_grammar_work_new(struct dyad_grammar_work **out)
{
	struct dyad_grammar_work *w = dyad__calloc(1, sizeof *w);
	*out = NULL;
	if (!w)
		return DYAD_ENOMEM;
	dyad__sent_init(&w->sent);
	dyad__pstate_init(&w->pstate);
	*out = w;
	return DYAD_OK;
}

void dyad_grammar_work_free(struct dyad_grammar_work *w)
{
	if (!w)
		return;
	dyad__sent_release(&w->sent);
	dyad__pstate_release(&w->pstate);
	dyad__free(w->acc);
	dyad__free(w->forms);
	dyad__free(w->lens);
	dyad__free(w);
}

static dyad_status reserve(struct dyad_grammar_work *w, size_t n, size_t stride)
{
	if (stride > w->acc_cap) {
		int32_t *acc = dyad__realloc(w->acc, stride * sizeof *acc);
		if (!acc)
			return DYAD_ENOMEM;
		w->acc = acc;
		w->acc_cap = stride;
	}
	if (n > w->cap) {
		size_t cap = w->cap ? w->cap : 64;
		while (cap < n)
			cap *= 2;
		const char **forms = dyad__realloc(w->forms, cap * sizeof *forms);
		if (forms)
			w->forms = forms;
		uint32_t *lens = dyad__realloc(w->lens, cap * sizeof *lens);
		if (lens)
			w->lens = lens;
		if (!forms || !lens)
			return DYAD_ENOMEM;
		w->cap = cap;
	}
	return DYAD_OK;
}

/* For parsing alone: the model's tags and lemma keys from the words. */
static void words_to_sent(const struct dyad__parts *p, const struct dyad_grammar_word *words,
                          struct dyad__sent *s)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct dyad_grammar_word *x = &words[i];
		uint32_t tag = 0;
		for (uint32_t t = 0; t < p->tags.n; t++)
			if (p->tags.upos[t] == x->upos && p->tags.xpos_len[t] == x->xpos_len &&
			    memcmp(p->tags.xpos[t], x->xpos ? x->xpos : "", x->xpos_len) == 0) {
				tag = t;
				break;
			}
		s->w[i].tag = tag;
		s->w[i].upos = x->upos;
		s->w[i].feats = x->feats;
		s->w[i].lemma_key = dyad__hash_str(x->lemma ? x->lemma : "", x->lemma_len);
	}
}

static void sent_to_words(const struct dyad__parts *p, const struct dyad__sent *s,
                          struct dyad_grammar_word *words, unsigned steps)
{
	for (size_t i = 0; i < s->n; i++) {
		struct dyad_grammar_word *x = &words[i];
		const struct dyad__sword *w = &s->w[i];
		if (steps & DYAD_GRAMMAR_TAG) {
			x->upos = w->upos;
			x->xpos = p->tags.xpos[w->tag];
			x->xpos_len = p->tags.xpos_len[w->tag];
			x->feats = w->feats;
			x->lemma = dyad__sent_str(s, w->lemma_off);
			x->lemma_len = w->lemma_len;
		}
		if (steps & DYAD_GRAMMAR_PARSE) {
			x->head = w->head;
			x->deprel = (enum dyad_deprel)w->label;
		}
	}
}

dyad_status dyad_grammar_analyse(const struct dyad_grammar *g, struct dyad_grammar_work *w,
                                 struct dyad_grammar_word *words, size_t n, unsigned steps)
{
	const struct dyad__parts *p = &g->parts;
	if (n == 0 || n > DYAD_GRAMMAR_MAX_WORDS)
		return DYAD_EINVAL;
	if (reserve(w, n, 2 * (size_t)p->max_stride) != DYAD_OK)
		return DYAD_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		if (!words[i].form || words[i].form_len == 0)
			return DYAD_EINVAL;
		w->forms[i] = words[i].form;
		w->lens[i] = words[i].form_len;
	}
	struct dyad__sent *s = &w->sent;
	dyad_status st = dyad__sent_start(s, w->forms, w->lens, n);
	if (st == DYAD_OK && (steps & DYAD_GRAMMAR_TAG)) {
		st = dyad__step_lexicon(p, s);
		if (st == DYAD_OK)
			st = dyad__step_tag(p, s, w->acc);
		if (st == DYAD_OK)
			st = dyad__step_morphology(p, s, w->acc);
	} else if (st == DYAD_OK) {
		words_to_sent(p, words, s);
	}
	if (st == DYAD_OK && (steps & DYAD_GRAMMAR_PARSE)) {
		w->pstate.rich = (p->flags & DYAD_PARTS_RICH) != 0;
		st = dyad__parser_run(&p->parser, p->has_lparser ? &p->lparser : NULL, &p->labels,
		                      &w->pstate, s, w->acc);
	}
	if (st == DYAD_OK)
		sent_to_words(p, s, words, steps);
	return st;
}

/* ---- scores -------------------------------------------------------------- */

static int same(const char *a, size_t al, const char *b, size_t bl)
{
	return al == bl && (al == 0 || memcmp(a, b, al) == 0);
}

void dyad_grammar_score(struct dyad_grammar_scores *s, const struct dyad_conllu_word *gold,
                        const struct dyad_grammar_word *got, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct dyad_conllu_word *g = &gold[i];
		const struct dyad_grammar_word *x = &got[i];
		int head = g->head == x->head;
		s->words++;
		s->upos += g->upos == x->upos;
		s->xpos += same(g->xpos, g->xpos_len, x->xpos, x->xpos_len) ||
		           (x->xpos_len == 0 && g->xpos_len == 1 && g->xpos[0] == '_');
		s->ufeats += g->feats == x->feats;
		s->lemma += same(g->lemma, g->lemma_len, x->lemma, x->lemma_len);
		s->uas += head;
		s->las += head && g->deprel == x->deprel;
		for (unsigned f = 0; f < DYAD_N_UD_FEATS; f++)
			s->feat[f] += dyad_ud_feat_get(g->feats, (enum dyad_ud_feat)f) ==
			              dyad_ud_feat_get(x->feats, (enum dyad_ud_feat)f);
	}
}

static double pct(size_t right, size_t all)
{
	return all ? 100.0 * (double)right / (double)all : 0.0;
}

/* The categories the issue names, printed one per line. */
static const enum dyad_ud_feat shown[] = {
	DYAD_FEAT_Case, DYAD_FEAT_Number, DYAD_FEAT_Gender, DYAD_FEAT_Animacy,
	DYAD_FEAT_Voice, DYAD_FEAT_VerbForm, DYAD_FEAT_Mood, DYAD_FEAT_Tense,
	DYAD_FEAT_Aspect, DYAD_FEAT_Polarity, DYAD_FEAT_Person,
};

void dyad_grammar_scores_print(const struct dyad_grammar_scores *s, const char *name, FILE *out)
{
	size_t n = s->words;
	fprintf(out, "words      %zu\n", n);
	fprintf(out, "UPOS       %6.2f%%\n", pct(s->upos, n));
	fprintf(out, "XPOS       %6.2f%%\n", pct(s->xpos, n));
	fprintf(out, "UFeats     %6.2f%%\n", pct(s->ufeats, n));
	for (size_t k = 0; k < sizeof shown / sizeof *shown; k++)
		fprintf(out, "  %-8s %6.2f%%\n", dyad_ud_feat_name(shown[k]), pct(s->feat[shown[k]], n));
	fprintf(out, "Lemma      %6.2f%%\n", pct(s->lemma, n));
	fprintf(out, "UAS        %6.2f%%\n", pct(s->uas, n));
	fprintf(out, "LAS        %6.2f%%\n", pct(s->las, n));
	fprintf(out, "%s: UPOS %.2f Case %.2f UFeats %.2f Lemma %.2f UAS %.2f LAS %.2f (%zu words)\n",
	        name, pct(s->upos, n), pct(s->feat[DYAD_FEAT_Case], n), pct(s->ufeats, n),
	        pct(s->lemma, n), pct(s->uas, n), pct(s->las, n), n);
}
