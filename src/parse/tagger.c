/*
 * tagger.c - feature templates, decoding and training of the tagger (see
 * tagger.h).
 *
 * Positions outside the sentence read as boundary words with their own
 * keys, so that "first word" and "last word" are features like any other.
 * Lexicon templates are left out when the attribute is 0 (no dictionary,
 * unknown word), the same in training and in use.
 */
#include "parse/tagger.h"

#include <string.h>

#include "core/alloc.h"
#include "parse/features.h"
#include "parse/wordlex.h"

enum tagger_template {
	T_BIAS = 1, T_W0, T_FORM0, T_SUF0, T_PRE0 = T_SUF0 + DYAD_AFFIX_MAX,
	T_SHAPE0 = T_PRE0 + DYAD_AFFIX_MAX, T_FLAGS0, T_WM1, T_WM2, T_WP1, T_WP2,
	T_SUFM1, T_SUFP1, T_SUF2P1, T_TM1, T_TM2, T_TM1TM2, T_TM1W0, T_WM1W0, T_W0WP1,
	T_TM1SUF0, T_SHAPEP1, T_FLAGSP1, T_TM2W0, T_TM1WP1,
	/* lexicon attributes: template base + 8 * attribute */
	T_LEX0 = 64, T_LEXP1, T_LEXP2, T_LEXM1, T_TM1LEX0, T_LEX0LEXP1, T_LEX0SUF0, T_LEXM1LEX0,
	/* the first pass's tags, read by the second */
	T_F0 = 160, T_FP1, T_FP2, T_FM1, T_F0FP1, T_FP1FP2, T_TM1FP1, T_F0W0, T_FP1WP1, T_TM1F0FP1,
	T_F0SUF0, T_FM1F0,
	/* the annotation conventions of another treebank (training only) */
	T_STYLE = 200, T_STYLEW0, T_STYLESUF0, T_STYLETM1, T_STYLELEX0,
};

#define BOUNDARY_BEFORE 0x5b05ULL
#define BOUNDARY_AFTER 0xe05ULL

static const struct dyad__word_keys *keys_at(const struct dyad__sent *s, long j)
{
	static const struct dyad__word_keys before = {
		.form = BOUNDARY_BEFORE, .norm = BOUNDARY_BEFORE, .shape = BOUNDARY_BEFORE,
		.suffix = {BOUNDARY_BEFORE, BOUNDARY_BEFORE, BOUNDARY_BEFORE, BOUNDARY_BEFORE}};
	static const struct dyad__word_keys after = {
		.form = BOUNDARY_AFTER, .norm = BOUNDARY_AFTER, .shape = BOUNDARY_AFTER,
		.suffix = {BOUNDARY_AFTER, BOUNDARY_AFTER, BOUNDARY_AFTER, BOUNDARY_AFTER}};
	if (j < 0)
		return &before;
	if ((size_t)j >= s->n)
		return &after;
	return &s->w[j].k;
}

static uint64_t tag_at(const struct dyad__sent *s, long j)
{
	return j < 0 ? BOUNDARY_BEFORE : (uint64_t)s->w[j].tag + 1;
}

static uint64_t lex_at(const struct dyad__sent *s, long j, unsigned a)
{
	if (j < 0)
		return BOUNDARY_BEFORE;
	if ((size_t)j >= s->n)
		return BOUNDARY_AFTER;
	return s->w[j].lex[a];
}

/* Templates on the lexicon attribute a of the words around i. */
static size_t lexicon_features(const struct dyad__sent *s, long i, unsigned a, uint64_t *keys)
{
	uint64_t l0 = lex_at(s, i, a);
	size_t n = 0;
	uint32_t base = (uint32_t)(8 * a);
	if (!l0)
		return 0;
	const struct dyad__word_keys *k0 = keys_at(s, i);
	uint64_t lp1 = lex_at(s, i + 1, a), lm1 = lex_at(s, i - 1, a);
	keys[n++] = dyad__fkey1(T_LEX0 + base, l0);
	keys[n++] = dyad__fkey2(T_TM1LEX0 + base, tag_at(s, i - 1), l0);
	keys[n++] = dyad__fkey2(T_LEX0SUF0 + base, l0, k0->suffix[2]);
	if (lp1) {
		keys[n++] = dyad__fkey1(T_LEXP1 + base, lp1);
		keys[n++] = dyad__fkey2(T_LEX0LEXP1 + base, l0, lp1);
	}
	uint64_t lp2 = lex_at(s, i + 2, a);
	if (lp2)
		keys[n++] = dyad__fkey1(T_LEXP2 + base, lp2);
	if (lm1) {
		keys[n++] = dyad__fkey1(T_LEXM1 + base, lm1);
		keys[n++] = dyad__fkey2(T_LEXM1LEX0 + base, lm1, l0);
	}
	return n;
}

static uint64_t first_at(const struct dyad__sent *s, long j)
{
	if (j < 0)
		return BOUNDARY_BEFORE;
	if ((size_t)j >= s->n)
		return BOUNDARY_AFTER;
	return s->w[j].tag1;
}

/* Templates on the first pass's tags around word i. */
static size_t second_pass_features(const struct dyad__sent *s, long i, uint64_t *keys)
{
	const struct dyad__word_keys *k0 = keys_at(s, i), *kp1 = keys_at(s, i + 1);
	uint64_t f0 = first_at(s, i), fp1 = first_at(s, i + 1), fp2 = first_at(s, i + 2),
	         fm1 = first_at(s, i - 1), tm1 = tag_at(s, i - 1);
	size_t n = 0;
	keys[n++] = dyad__fkey1(T_F0, f0);
	keys[n++] = dyad__fkey1(T_FP1, fp1);
	keys[n++] = dyad__fkey1(T_FP2, fp2);
	keys[n++] = dyad__fkey1(T_FM1, fm1);
	keys[n++] = dyad__fkey2(T_F0FP1, f0, fp1);
	keys[n++] = dyad__fkey2(T_FP1FP2, fp1, fp2);
	keys[n++] = dyad__fkey2(T_TM1FP1, tm1, fp1);
	keys[n++] = dyad__fkey2(T_F0W0, f0, k0->norm);
	keys[n++] = dyad__fkey2(T_FP1WP1, fp1, kp1->norm);
	keys[n++] = dyad__fkey3(T_TM1F0FP1, tm1, f0, fp1);
	keys[n++] = dyad__fkey2(T_F0SUF0, f0, k0->suffix[2]);
	keys[n++] = dyad__fkey2(T_FM1F0, fm1, f0);
	return n;
}

size_t dyad__tagger_features(const struct dyad__sent *s, size_t i, enum dyad__tagger_pass pass,
                             uint64_t *keys)
{
	long j = (long)i;
	const struct dyad__word_keys *k0 = keys_at(s, j), *km1 = keys_at(s, j - 1),
	                             *km2 = keys_at(s, j - 2), *kp1 = keys_at(s, j + 1),
	                             *kp2 = keys_at(s, j + 2);
	uint64_t tm1 = tag_at(s, j - 1), tm2 = tag_at(s, j - 2);
	size_t n = 0;
	keys[n++] = dyad__fkey1(T_BIAS, 0);
	keys[n++] = dyad__fkey1(T_W0, k0->norm);
	keys[n++] = dyad__fkey1(T_FORM0, k0->form);
	for (unsigned a = 0; a < DYAD_AFFIX_MAX; a++) {
		keys[n++] = dyad__fkey1(T_SUF0 + a, k0->suffix[a]);
		keys[n++] = dyad__fkey1(T_PRE0 + a, k0->prefix[a]);
	}
	keys[n++] = dyad__fkey1(T_SHAPE0, k0->shape);
	keys[n++] = dyad__fkey1(T_FLAGS0, k0->flags * 2 + (i == 0));
	keys[n++] = dyad__fkey1(T_WM1, km1->norm);
	keys[n++] = dyad__fkey1(T_WM2, km2->norm);
	keys[n++] = dyad__fkey1(T_WP1, kp1->norm);
	keys[n++] = dyad__fkey1(T_WP2, kp2->norm);
	keys[n++] = dyad__fkey1(T_SUFM1, km1->suffix[2]);
	keys[n++] = dyad__fkey1(T_SUFP1, kp1->suffix[2]);
	keys[n++] = dyad__fkey1(T_SUF2P1, kp1->suffix[1]);
	keys[n++] = dyad__fkey1(T_TM1, tm1);
	keys[n++] = dyad__fkey1(T_TM2, tm2);
	keys[n++] = dyad__fkey2(T_TM1TM2, tm1, tm2);
	keys[n++] = dyad__fkey2(T_TM1W0, tm1, k0->norm);
	keys[n++] = dyad__fkey2(T_WM1W0, km1->norm, k0->norm);
	keys[n++] = dyad__fkey2(T_W0WP1, k0->norm, kp1->norm);
	keys[n++] = dyad__fkey2(T_TM1SUF0, tm1, k0->suffix[2]);
	keys[n++] = dyad__fkey1(T_SHAPEP1, kp1->shape);
	keys[n++] = dyad__fkey1(T_FLAGSP1, kp1->flags);
	keys[n++] = dyad__fkey2(T_TM2W0, tm2, k0->norm);
	keys[n++] = dyad__fkey2(T_TM1WP1, tm1, kp1->norm);
	for (unsigned a = 0; a < DYAD_N_LEX_ATTRS; a++)
		n += lexicon_features(s, j, a, keys + n);
	if (pass == DYAD_TAGGER_SECOND)
		n += second_pass_features(s, j, keys + n);
	if (s->style) {
		/* only other treebanks' sentences have these: they learn how their
		 * conventions differ, and cost nothing in use */
		keys[n++] = dyad__fkey1(T_STYLE, s->style);
		keys[n++] = dyad__fkey2(T_STYLEW0, s->style, k0->norm);
		keys[n++] = dyad__fkey2(T_STYLESUF0, s->style, k0->suffix[2]);
		keys[n++] = dyad__fkey2(T_STYLETM1, s->style, tm1);
		keys[n++] = dyad__fkey2(T_STYLELEX0, s->style, s->w[i].lex[DYAD_LEX_DICT_FIRST]);
	}
	return n;
}

static uint32_t argmax_i32(const int32_t *v, uint32_t n)
{
	uint32_t best = 0;
	for (uint32_t c = 1; c < n; c++)
		if (v[c] > v[best])
			best = c;
	return best;
}

void dyad__tagger_run(const struct dyad__pmodel *weights, enum dyad__tagger_pass pass,
                      struct dyad__sent *s, int32_t *acc)
{
	uint64_t keys[DYAD_TAGGER_MAX_FEATS];
	for (size_t i = 0; i < s->n; i++) {
		size_t n = dyad__tagger_features(s, i, pass, keys);
		dyad__pmodel_score(weights, keys, n, acc);
		s->w[i].tag = argmax_i32(acc, weights->n_classes);
	}
}

dyad_status dyad__tagger_learn(struct dyad__ptrain *weights, uint32_t n_tags,
                               enum dyad__tagger_pass pass, struct dyad__sent *s,
                               size_t *correct)
{
	uint64_t keys[DYAD_TAGGER_MAX_FEATS];
	float scores[DYAD_MAX_TAGS];
	for (size_t i = 0; i < s->n; i++) {
		size_t n = dyad__tagger_features(s, i, pass, keys);
		memset(scores, 0, n_tags * sizeof *scores);
		dyad__ptrain_score(weights, keys, n, scores);
		uint32_t best = 0;
		for (uint32_t c = 1; c < n_tags; c++)
			if (scores[c] > scores[best])
				best = c;
		uint32_t gold = s->w[i].gold.tag;
		s->w[i].tag = best;
		if (gold < n_tags && gold != best) {
			uint32_t cls[2] = {gold, best};
			float delta[2] = {1, -1};
			if (dyad__ptrain_update(weights, keys, n, cls, delta, 2) != DYAD_OK)
				return DYAD_ENOMEM;
		}
		*correct += gold == best;
		dyad__ptrain_tick(weights);
	}
	return DYAD_OK;
}
