/*
 * morpher.c - features chosen in context (see morpher.h).
 *
 * Scores of one word are computed once (one lookup per feature, all heads
 * in the row); choosing is then cheap: each analysis is scored by adding its
 * value's score in every dictionary head. Training updates a head only when
 * its chosen value differs from the target: the gold value, or, for
 * dictionary heads when no analysis carries the gold bundle, the value of
 * the analysis closest to it (so the heads learn to rank what the
 * dictionary can offer instead of chasing what it cannot).
 */
#include "parse/morpher.h"

#include <string.h>

#include "core/alloc.h"
#include "parse/features.h"

#define LAYOUT_MAGIC 0x4850524du /* "MRPH" */
/* How far back a preposition is looked for. */
#define ADP_WINDOW 4

enum morpher_template {
	M_BIAS = 200, M_W0, M_SUF0, M_TAG0 = M_SUF0 + DYAD_AFFIX_MAX, M_TAGM1, M_TAGP1,
	M_TAGM1TAG0, M_TAG0TAGP1, M_WM1TAG0, M_WM2TAG0, M_WP1, M_PREV1, M_PREV2, M_ADP,
	M_DICTCASE0, M_DICTFIRST0, M_KINDSUF0, M_SUF3TAG0, M_SUF2TAG0,
	M_SUF1TAG0, M_FLAGSTAG0, M_W0TAG0, M_TAGP1CASEP1, M_SHAPE0, M_DICTCASEM1,
	M_PREV1W0, M_ADPSUF0,
	/* the annotation conventions of another treebank (training only) */
	M_STYLE = 260, M_STYLETAG0, M_STYLESUF0, M_STYLESUF1, M_STYLEW0, M_STYLEFIRST0, M_STYLESHAPE0,
};

void dyad__morpher_layout(struct dyad__morpher *m, uint32_t mask, uint32_t dict_mask)
{
	memset(m, 0, sizeof *m);
	for (unsigned f = 0; f < DYAD_N_UD_FEATS; f++) {
		if (!(mask & (1u << f)))
			continue;
		struct dyad__morpher_head *h = &m->heads[m->n_heads++];
		h->feat = (uint8_t)f;
		h->from_dict = (dict_mask >> f) & 1;
		h->offset = (uint16_t)m->n_classes;
		h->n = (uint16_t)(1 + dyad_ud_feat_n_values((enum dyad_ud_feat)f));
		m->n_classes += h->n;
	}
}

dyad_status dyad__morpher_write_layout(const struct dyad__morpher *m, struct dyad_buf *out)
{
	uint32_t head[2] = {LAYOUT_MAGIC, m->n_heads};
	dyad_buf_append(out, head, sizeof head);
	for (uint32_t k = 0; k < m->n_heads; k++) {
		uint8_t rec[2] = {m->heads[k].feat, m->heads[k].from_dict};
		dyad_buf_append(out, rec, sizeof rec);
	}
	return out->error;
}

dyad_status dyad__morpher_read_layout(struct dyad__morpher *m, const void *p, size_t len)
{
	uint32_t head[2];
	if (len < sizeof head)
		return DYAD_EDATA;
	memcpy(head, p, sizeof head);
	if (head[0] != LAYOUT_MAGIC || head[1] > DYAD_N_UD_FEATS || len != sizeof head + 2 * head[1])
		return DYAD_EDATA;
	const uint8_t *rec = (const uint8_t *)p + sizeof head;
	uint32_t mask = 0, dict = 0;
	for (uint32_t k = 0; k < head[1]; k++) {
		if (rec[2 * k] >= DYAD_N_UD_FEATS || rec[2 * k + 1] > 1)
			return DYAD_EDATA;
		mask |= 1u << rec[2 * k];
		dict |= (uint32_t)rec[2 * k + 1] << rec[2 * k];
	}
	dyad__morpher_layout(m, mask, dict);
	return m->n_heads == head[1] ? DYAD_OK : DYAD_EDATA;
}

#define OUTSIDE 0x0e75ULL

static uint64_t tag_at(const struct dyad__sent *s, long j)
{
	return j < 0 || (size_t)j >= s->n ? OUTSIDE : (uint64_t)s->w[j].tag + 1;
}

static uint64_t norm_at(const struct dyad__sent *s, long j)
{
	return j < 0 || (size_t)j >= s->n ? OUTSIDE : s->w[j].k.norm;
}

static uint64_t lex_at(const struct dyad__sent *s, long j, unsigned a)
{
	return j < 0 || (size_t)j >= s->n ? OUTSIDE : s->w[j].lex[a];
}

/* Case, number and gender chosen for word j. */
static uint64_t chosen_at(const struct dyad__sent *s, long j)
{
	if (j < 0)
		return OUTSIDE;
	uint64_t f = s->w[j].feats;
	return dyad_ud_feat_get(f, DYAD_FEAT_Case) | dyad_ud_feat_get(f, DYAD_FEAT_Number) << 4 |
	       dyad_ud_feat_get(f, DYAD_FEAT_Gender) << 6 | (uint64_t)s->w[j].upos << 8;
}

/* The nearest preposition before word i, within ADP_WINDOW words. */
static uint64_t adp_before(const struct dyad__sent *s, long i)
{
	for (long j = i - 1; j >= 0 && j >= i - ADP_WINDOW; j--)
		if (s->w[j].upos == DYAD_UPOS_ADP)
			return s->w[j].k.norm ^ (uint64_t)(i - j);
	return 0;
}

size_t dyad__morpher_features(const struct dyad__morpher *m, const struct dyad__sent *s, size_t i,
                              uint64_t *keys)
{
	(void)m;
	long j = (long)i;
	const struct dyad__word_keys *k0 = &s->w[i].k;
	uint64_t t0 = tag_at(s, j), tm1 = tag_at(s, j - 1), tp1 = tag_at(s, j + 1);
	uint64_t adp = adp_before(s, j), prev1 = chosen_at(s, j - 1);
	size_t n = 0;
	keys[n++] = dyad__fkey1(M_BIAS, 0);
	keys[n++] = dyad__fkey1(M_W0, k0->norm);
	for (unsigned a = 0; a < DYAD_AFFIX_MAX; a++)
		keys[n++] = dyad__fkey1(M_SUF0 + a, k0->suffix[a]);
	keys[n++] = dyad__fkey1(M_TAG0, t0);
	keys[n++] = dyad__fkey1(M_TAGM1, tm1);
	keys[n++] = dyad__fkey1(M_TAGP1, tp1);
	keys[n++] = dyad__fkey2(M_TAGM1TAG0, tm1, t0);
	keys[n++] = dyad__fkey2(M_TAG0TAGP1, t0, tp1);
	keys[n++] = dyad__fkey2(M_WM1TAG0, norm_at(s, j - 1), t0);
	keys[n++] = dyad__fkey2(M_WM2TAG0, norm_at(s, j - 2), t0);
	keys[n++] = dyad__fkey1(M_WP1, norm_at(s, j + 1));
	keys[n++] = dyad__fkey3(M_PREV1, prev1, tm1, t0);
	keys[n++] = dyad__fkey3(M_PREV2, chosen_at(s, j - 2), tag_at(s, j - 2), t0);
	keys[n++] = dyad__fkey3(M_PREV1W0, prev1, k0->suffix[1], t0);
	if (adp) {
		keys[n++] = dyad__fkey2(M_ADP, adp, t0);
		keys[n++] = dyad__fkey3(M_ADPSUF0, adp, k0->suffix[1], t0);
	}
	keys[n++] = dyad__fkey2(M_SUF3TAG0, k0->suffix[2], t0);
	keys[n++] = dyad__fkey2(M_SUF2TAG0, k0->suffix[1], t0);
	keys[n++] = dyad__fkey2(M_SUF1TAG0, k0->suffix[0], t0);
	keys[n++] = dyad__fkey2(M_FLAGSTAG0, k0->flags, t0);
	keys[n++] = dyad__fkey2(M_W0TAG0, k0->norm, t0);
	keys[n++] = dyad__fkey1(M_SHAPE0, k0->shape);
	uint64_t c0 = lex_at(s, j, DYAD_LEX_DICT_CASE), cp1 = lex_at(s, j + 1, DYAD_LEX_DICT_CASE);
	if (c0)
		keys[n++] = dyad__fkey2(M_DICTCASE0, c0, t0);
	if (cp1)
		keys[n++] = dyad__fkey3(M_TAGP1CASEP1, tp1, cp1, t0);
	uint64_t cm1 = lex_at(s, j - 1, DYAD_LEX_DICT_CASE);
	if (cm1)
		keys[n++] = dyad__fkey2(M_DICTCASEM1, cm1, t0);
	uint64_t first = lex_at(s, j, DYAD_LEX_DICT_FIRST), kind = lex_at(s, j, DYAD_LEX_DICT_KIND);
	if (first)
		keys[n++] = dyad__fkey2(M_DICTFIRST0, first, t0);
	if (kind)
		keys[n++] = dyad__fkey3(M_KINDSUF0, kind, k0->suffix[2], t0);
	if (s->style) {
		/* only other treebanks' sentences have these (see sentence.h) */
		keys[n++] = dyad__fkey1(M_STYLE, s->style);
		keys[n++] = dyad__fkey2(M_STYLETAG0, s->style, t0);
		keys[n++] = dyad__fkey3(M_STYLESUF0, s->style, k0->suffix[0], t0);
		keys[n++] = dyad__fkey3(M_STYLESUF1, s->style, k0->suffix[1], t0);
		keys[n++] = dyad__fkey2(M_STYLEW0, s->style, k0->norm);
		keys[n++] = dyad__fkey3(M_STYLEFIRST0, s->style, first, t0);
		keys[n++] = dyad__fkey3(M_STYLESHAPE0, s->style, k0->shape, t0);
	}
	return n;
}

/* The value of every head for a bundle. */
static void head_values(const struct dyad__morpher *m, uint64_t feats, uint32_t *v)
{
	for (uint32_t k = 0; k < m->n_heads; k++)
		v[k] = dyad_ud_feat_get(feats, (enum dyad_ud_feat)m->heads[k].feat);
}

/* Score of a candidate over the dictionary heads. */
static float cand_score(const struct dyad__morpher *m, const float *scores, uint64_t feats)
{
	float sum = 0;
	for (uint32_t k = 0; k < m->n_heads; k++) {
		const struct dyad__morpher_head *h = &m->heads[k];
		if (!h->from_dict)
			continue;
		unsigned v = dyad_ud_feat_get(feats, (enum dyad_ud_feat)h->feat);
		sum += scores[h->offset + (v < h->n ? v : 0)];
	}
	return sum;
}

/* The analyses of word i to choose from: those of its UPOS if any, else all. */
static void candidates(const struct dyad__sent *s, size_t i, uint32_t *first, uint32_t *n,
                       int *same_upos)
{
	const struct dyad__sword *w = &s->w[i];
	uint32_t match = 0;
	for (uint32_t c = 0; c < w->n_cand; c++)
		match += s->cands[w->cand_off + c].upos == w->upos;
	*first = w->cand_off;
	*n = w->n_cand;
	*same_upos = match > 0;
}

/* Choose word i's bundle from its scores; returns the analysis chosen
 * (index into s->cands) or UINT32_MAX. */
static uint32_t choose(const struct dyad__morpher *m, const struct dyad__sent *s, size_t i,
                       const float *scores, uint64_t *out)
{
	uint32_t first, n, best = UINT32_MAX;
	int same;
	float best_score = 0;
	candidates(s, i, &first, &n, &same);
	for (uint32_t c = first; c < first + n; c++) {
		if (same && s->cands[c].upos != s->w[i].upos)
			continue;
		float sc = cand_score(m, scores, s->cands[c].feats);
		if (best == UINT32_MAX || sc > best_score)
			best = c, best_score = sc;
	}
	uint64_t feats = 0;
	for (uint32_t k = 0; k < m->n_heads; k++) {
		const struct dyad__morpher_head *h = &m->heads[k];
		enum dyad_ud_feat f = (enum dyad_ud_feat)h->feat;
		unsigned v = 0;
		if (h->from_dict && best != UINT32_MAX) {
			v = dyad_ud_feat_get(s->cands[best].feats, f);
			v = v < h->n ? v : 0;
		} else {
			for (unsigned x = 1; x < h->n; x++)
				if (scores[h->offset + x] > scores[h->offset + v])
					v = x;
		}
		feats = dyad_ud_feat_set(feats, f, v);
	}
	*out = feats;
	return best;
}

void dyad__morpher_run(const struct dyad__morpher *m, struct dyad__sent *s, int32_t *acc)
{
	uint64_t keys[DYAD_MORPHER_MAX_FEATS];
	float scores[DYAD_MORPHER_MAX_CLASSES];
	for (size_t i = 0; i < s->n; i++) {
		size_t n = dyad__morpher_features(m, s, i, keys);
		dyad__pmodel_score(&m->weights, keys, n, acc);
		for (uint32_t c = 0; c < m->n_classes; c++)
			scores[c] = (float)acc[c];
		s->w[i].chosen = choose(m, s, i, scores, &s->w[i].feats);
	}
}

const struct dyad__cand *dyad__morpher_chosen(const struct dyad__sent *s, size_t i)
{
	uint32_t c = s->w[i].chosen;
	return c < s->n_cands ? &s->cands[c] : NULL;
}

/* The bundle training aims at: gold, or on the dictionary heads the closest
 * analysis when none carries gold's values there. */
static uint64_t target(const struct dyad__morpher *m, const struct dyad__sent *s, size_t i)
{
	uint64_t gold = s->w[i].gold.feats;
	uint32_t first, n, gv[DYAD_N_UD_FEATS], cv[DYAD_N_UD_FEATS];
	int same;
	candidates(s, i, &first, &n, &same);
	head_values(m, gold, gv);
	uint32_t best = UINT32_MAX, best_hits = 0;
	for (uint32_t c = first; c < first + n; c++) {
		if (same && s->cands[c].upos != s->w[i].upos)
			continue;
		head_values(m, s->cands[c].feats, cv);
		uint32_t hits = 0, dict = 0;
		for (uint32_t k = 0; k < m->n_heads; k++)
			if (m->heads[k].from_dict)
				dict++, hits += cv[k] == gv[k];
		if (hits == dict)
			return gold;
		if (best == UINT32_MAX || hits > best_hits)
			best = c, best_hits = hits;
	}
	if (best == UINT32_MAX)
		return gold;
	uint64_t t = gold;
	for (uint32_t k = 0; k < m->n_heads; k++)
		if (m->heads[k].from_dict) {
			enum dyad_ud_feat f = (enum dyad_ud_feat)m->heads[k].feat;
			t = dyad_ud_feat_set(t, f, dyad_ud_feat_get(s->cands[best].feats, f));
		}
	return t;
}

dyad_status dyad__morpher_learn(const struct dyad__morpher *m, struct dyad__ptrain *weights,
                                struct dyad__sent *s, size_t *correct)
{
	uint64_t keys[DYAD_MORPHER_MAX_FEATS];
	float scores[DYAD_MORPHER_MAX_CLASSES];
	uint32_t cls[2 * DYAD_N_UD_FEATS];
	float delta[2 * DYAD_N_UD_FEATS];
	for (size_t i = 0; i < s->n; i++) {
		size_t n = dyad__morpher_features(m, s, i, keys);
		memset(scores, 0, m->n_classes * sizeof *scores);
		dyad__ptrain_score(weights, keys, n, scores);
		uint64_t got;
		s->w[i].chosen = choose(m, s, i, scores, &got);
		uint64_t want = target(m, s, i);
		size_t n_upd = 0;
		for (uint32_t k = 0; k < m->n_heads; k++) {
			const struct dyad__morpher_head *h = &m->heads[k];
			enum dyad_ud_feat f = (enum dyad_ud_feat)h->feat;
			unsigned g = dyad_ud_feat_get(want, f), p = dyad_ud_feat_get(got, f);
			if (g == p || g >= h->n)
				continue;
			cls[n_upd] = h->offset + g, delta[n_upd++] = 1;
			cls[n_upd] = h->offset + p, delta[n_upd++] = -1;
		}
		if (n_upd && dyad__ptrain_update(weights, keys, n, cls, delta, n_upd) != DYAD_OK)
			return DYAD_ENOMEM;
		*correct += n_upd == 0;
		dyad__ptrain_tick(weights);
		/* later words see what was chosen, as in use */
		s->w[i].feats = got;
	}
	return DYAD_OK;
}
