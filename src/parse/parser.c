/*
 * parser.c - the arc-hybrid transition system, its dynamic oracle, greedy
 * decoding and training (see parser.h).
 *
 * Words are 0..n-1, ROOT is n, and n + 1 is "no word" (every array has a
 * slot for it, so that features of missing positions need no tests).
 */
#include "parse/parser.h"

#include <string.h>

#include "core/alloc.h"
#include "parse/features.h"

#define NONE_OF(st) ((st)->n + 1)

enum { SHIFT, LEFT, RIGHT };

void dyad__labels_init(struct dyad__labels *l)
{
	memset(l, 0, sizeof *l);
	memset(l->index, 0xff, sizeof l->index);
	l->root = UINT32_MAX;
}

int dyad__labels_add(struct dyad__labels *l, enum dyad_deprel rel)
{
	if ((unsigned)rel >= DYAD_N_DEPRELS || rel == DYAD_DEPREL_NONE)
		return -1;
	if (l->index[rel] != 0xff)
		return l->index[rel];
	if (l->n == DYAD_PARSER_MAX_LABELS)
		return -1;
	l->rel[l->n] = (uint8_t)rel;
	l->index[rel] = (uint8_t)l->n;
	if (rel == DYAD_DEPREL_ROOT)
		l->root = l->n;
	return (int)l->n++;
}

void dyad__pstate_init(struct dyad__pstate *st)
{
	memset(st, 0, sizeof *st);
}

void dyad__pstate_release(struct dyad__pstate *st)
{
	int rich = st->rich;
	dyad__free(st->block);
	dyad__free(st->memo);
	dyad__free(st->lmemo);
	dyad__pstate_init(st);
	st->rich = rich;
}

static dyad_status reserve(struct dyad__pstate *st, size_t n)
{
	size_t need = n + 2;
	if (need <= st->cap)
		return DYAD_OK;
	size_t cap = st->cap ? st->cap : 64;
	while (cap < need)
		cap *= 2;
	uint64_t **arrays64[] = {&st->lset, &st->rset, &st->word, &st->lemma, &st->marker};
	uint32_t **arrays32[] = {&st->stack, &st->head, &st->label, &st->lc1, &st->lc2,
	                         &st->rc1, &st->rc2, &st->nl, &st->nr, &st->tag,
	                         &st->upos, &st->morph, &st->gold_head, &st->gold_label};
	size_t n64 = sizeof arrays64 / sizeof *arrays64, n32 = sizeof arrays32 / sizeof *arrays32;
	char *block = dyad__malloc(cap * (n64 * sizeof(uint64_t) + n32 * sizeof(uint32_t)));
	if (!block)
		return DYAD_ENOMEM;
	dyad__free(st->block);
	st->block = block;
	for (size_t k = 0; k < n64; k++)
		*arrays64[k] = (uint64_t *)(void *)block + k * cap;
	uint32_t *p32 = (uint32_t *)(void *)((uint64_t *)(void *)block + n64 * cap);
	for (size_t k = 0; k < n32; k++)
		*arrays32[k] = p32 + k * cap;
	st->cap = cap;
	return DYAD_OK;
}

/* Case, number and gender of a bundle in one small code. */
static uint32_t morph_code(uint64_t feats)
{
	return dyad_ud_feat_get(feats, DYAD_FEAT_Case) |
	       dyad_ud_feat_get(feats, DYAD_FEAT_Number) << 4 |
	       dyad_ud_feat_get(feats, DYAD_FEAT_Gender) << 6 |
	       dyad_ud_feat_get(feats, DYAD_FEAT_VerbForm) << 8 |
	       dyad_ud_feat_get(feats, DYAD_FEAT_Person) << 11;
}

#define ROOT_WORD 0x2007ULL
#define NO_WORD 0x3009ULL

static void load(struct dyad__pstate *st, const struct dyad__sent *s)
{
	uint32_t n = (uint32_t)s->n;
	st->n = n;
	st->b = 0;
	st->depth = 0;
	st->style = s->style;
	for (uint32_t i = 0; i < n + 2; i++) {
		st->head[i] = st->label[i] = UINT32_MAX;
		st->lc1[i] = st->lc2[i] = st->rc1[i] = st->rc2[i] = n + 1;
		st->nl[i] = st->nr[i] = 0;
		st->lset[i] = st->rset[i] = 0;
		st->marker[i] = 0;
		if (i < n) {
			const struct dyad__sword *w = &s->w[i];
			st->word[i] = w->k.norm;
			st->lemma[i] = w->lemma_key;
			st->tag[i] = w->tag + 1;
			st->upos[i] = w->upos;
			st->morph[i] = morph_code(w->feats);
			st->gold_head[i] = w->gold.head == 0 ? n : w->gold.head - 1;
			st->gold_label[i] = w->gold.label;
		} else {
			st->word[i] = st->lemma[i] = i == n ? ROOT_WORD : NO_WORD;
			st->tag[i] = i == n ? 0xfe : 0xff;
			st->upos[i] = i == n ? 0xfe : 0xff;
			st->morph[i] = 0;
			st->gold_head[i] = st->gold_label[i] = UINT32_MAX;
		}
	}
}

static void add_arc(struct dyad__pstate *st, uint32_t h, uint32_t d, uint32_t label,
                    const struct dyad__labels *labels)
{
	uint32_t none = NONE_OF(st);
	st->head[d] = h;
	st->label[d] = label;
	uint64_t bit = 1ULL << (labels->rel[label] & 63);
	if (d < h) {
		if (st->lc1[h] == none || d < st->lc1[h]) {
			st->lc2[h] = st->lc1[h];
			st->lc1[h] = d;
		} else if (st->lc2[h] == none || d < st->lc2[h]) {
			st->lc2[h] = d;
		}
		st->nl[h]++;
		st->lset[h] |= bit;
	} else {
		if (st->rc1[h] == none || d > st->rc1[h]) {
			st->rc2[h] = st->rc1[h];
			st->rc1[h] = d;
		} else if (st->rc2[h] == none || d > st->rc2[h]) {
			st->rc2[h] = d;
		}
		st->nr[h]++;
		st->rset[h] |= bit;
	}
	if (labels->rel[label] == DYAD_DEPREL_CASE && d < h)
		st->marker[h] = st->lemma[d];
}

static int valid(const struct dyad__pstate *st, const struct dyad__labels *labels, uint32_t cls)
{
	if (cls == 0)
		return st->b < st->n;
	uint32_t label = (cls - 1) % labels->n;
	int is_root = label == labels->root;
	if (cls <= labels->n) /* LEFT */
		return st->depth > 0 &&
		       (st->b < st->n ? !is_root : st->depth == 1 && is_root);
	return st->depth > 1 && !is_root;
}

static void apply(struct dyad__pstate *st, const struct dyad__labels *labels, uint32_t cls)
{
	if (cls == 0) {
		st->stack[st->depth++] = st->b++;
		return;
	}
	uint32_t label = (cls - 1) % labels->n;
	uint32_t s0 = st->stack[--st->depth];
	uint32_t h = cls <= labels->n ? st->b : st->stack[st->depth - 1];
	add_arc(st, h, s0, label, labels);
}

/* Gold arcs lost by SHIFT, LEFT and RIGHT (structure only). */
static void costs(const struct dyad__pstate *st, uint32_t cost[3])
{
	uint32_t n = st->n, b = st->b, d = st->depth;
	cost[SHIFT] = cost[LEFT] = cost[RIGHT] = 0;
	if (b < n) {
		/* b's head deeper than s0, b's children anywhere in the stack */
		for (uint32_t k = 0; k < d; k++) {
			uint32_t x = st->stack[k];
			cost[SHIFT] += (k + 1 < d && st->gold_head[b] == x) + (st->gold_head[x] == b);
		}
	}
	if (d == 0)
		return;
	uint32_t s0 = st->stack[d - 1], h = st->gold_head[s0];
	uint32_t kids = 0; /* s0's children still in the buffer */
	for (uint32_t k = b; k < n; k++)
		kids += st->gold_head[k] == s0;
	int head_in_buffer = h >= b && h <= n;
	int head_is_s1 = d > 1 && h == st->stack[d - 2];
	cost[LEFT] = kids + ((head_in_buffer && h != b) || head_is_s1);
	cost[RIGHT] = kids + head_in_buffer;
}

/* Cost of class cls given the structural costs (a wrong label costs one). */
static uint32_t class_cost(const struct dyad__pstate *st, const struct dyad__labels *labels,
                           const uint32_t cost[3], uint32_t cls)
{
	if (cls == 0)
		return cost[SHIFT];
	uint32_t label = (cls - 1) % labels->n;
	uint32_t s0 = st->stack[st->depth - 1];
	int left = cls <= labels->n;
	uint32_t h = left ? st->b : st->stack[st->depth - 2];
	uint32_t c = cost[left ? LEFT : RIGHT];
	if (st->gold_head[s0] == h && labels->index[st->gold_label[s0]] != label)
		c++;
	return c;
}

static uint32_t n_classes(const struct dyad__labels *labels)
{
	return 1 + 2 * labels->n;
}

/* Words left without a head (only after a sentence the parser could not
 * finish, which the validity rules prevent) hang from the root word. */
static void finish(const struct dyad__pstate *st, const struct dyad__labels *labels,
                   struct dyad__sent *s)
{
	uint32_t root = UINT32_MAX;
	for (uint32_t i = 0; i < st->n; i++)
		if (st->head[i] == st->n)
			root = i;
	for (uint32_t i = 0; i < st->n; i++) {
		uint32_t h = st->head[i];
		if (h == UINT32_MAX) {
			if (root == UINT32_MAX) {
				root = i;
				s->w[i].head = 0;
				s->w[i].label = DYAD_DEPREL_ROOT;
				continue;
			}
			s->w[i].head = root + 1;
			s->w[i].label = DYAD_DEPREL_DEP;
			continue;
		}
		s->w[i].head = h == st->n ? 0 : h + 1;
		s->w[i].label = labels->rel[st->label[i]];
	}
}

/* The valid classes as ranges: SHIFT, then LEFT-l and RIGHT-l with or
 * without the root label (a division per class would cost more than the
 * rest of the step). */
static uint32_t best_valid(const struct dyad__pstate *st, const struct dyad__labels *labels,
                           const int32_t *acc)
{
	uint32_t best = UINT32_MAX, L = labels->n, root = labels->root;
	if (st->b < st->n)
		best = 0;
	if (st->depth > 0) {
		int to_root = st->b == st->n;
		for (uint32_t l = 0; l < L; l++) {
			if ((l == root) != to_root || (to_root && st->depth != 1))
				continue;
			if (best == UINT32_MAX || acc[1 + l] > acc[best])
				best = 1 + l;
		}
	}
	if (st->depth > 1)
		for (uint32_t l = 0; l < L; l++)
			if (l != root && (best == UINT32_MAX || acc[1 + L + l] > acc[best]))
				best = 1 + L + l;
	return best;
}

/* The best label of the arc h -> s0 but the root's (the root's arc is
 * the one forced move of the last step). */
static uint32_t best_label(const struct dyad__pmodel *lweights, const struct dyad__labels *labels,
                           struct dyad__pstate *st, uint32_t h, int32_t *lacc)
{
	uint64_t keys[DYAD_PARSER_MAX_FEATS];
	size_t n = dyad__parser_label_features(st, h, st->stack[st->depth - 1], keys);
	dyad__pmodel_score_memo(lweights, st->lmemo, keys, n, NULL, UINT32_MAX, lacc);
	uint32_t best = UINT32_MAX;
	for (uint32_t l = 0; l < labels->n; l++)
		if (l != labels->root && (best == UINT32_MAX || lacc[l] > lacc[best]))
			best = l;
	return best;
}

/* Two steps: the move among the valid ones (SHIFT wins ties, as in one
 * step), then for an arc its label. */
static void run_two_step(const struct dyad__pmodel *moves, const struct dyad__pmodel *lweights,
                         const struct dyad__labels *labels, struct dyad__pstate *st,
                         int32_t *acc)
{
	uint64_t keys[DYAD_PARSER_MAX_FEATS];
	int32_t *kept = acc + moves->stride, *lacc = kept + moves->stride;
	uint32_t kept_b = UINT32_MAX;
	while (st->b < st->n || st->depth > 0) {
		if (st->depth == 0) {
			apply(st, labels, 0);
			continue;
		}
		if (st->b == st->n && st->depth == 1) {
			apply(st, labels, 1 + labels->root);
			continue;
		}
		uint32_t move = RIGHT; /* the only move when the buffer holds only ROOT */
		if (st->b < st->n) {
			if (st->b != kept_b) {
				size_t nb = dyad__parser_buffer_features(st, keys);
				dyad__pmodel_score_memo(moves, st->memo, keys, nb, NULL, UINT32_MAX, kept);
				kept_b = st->b;
			}
			size_t n = dyad__parser_features(st, keys);
			dyad__pmodel_score_memo(moves, st->memo, keys, n, kept, UINT32_MAX, acc);
			move = acc[LEFT] > acc[SHIFT] ? LEFT : SHIFT;
			if (st->depth > 1 && acc[RIGHT] > acc[move])
				move = RIGHT;
		}
		if (move == SHIFT) {
			apply(st, labels, 0);
			continue;
		}
		uint32_t h = move == LEFT ? st->b : st->stack[st->depth - 2];
		uint32_t label = best_label(lweights, labels, st, h, lacc);
		apply(st, labels, (move == LEFT ? 1 : 1 + labels->n) + label);
	}
}

dyad_status dyad__parser_run(const struct dyad__pmodel *weights, const struct dyad__pmodel *lweights,
                             const struct dyad__labels *labels, struct dyad__pstate *st,
                             struct dyad__sent *s, int32_t *acc)
{
	if (reserve(st, s->n) != DYAD_OK)
		return DYAD_ENOMEM;
	if (!st->memo && !(st->memo = dyad__calloc(1, sizeof *st->memo)))
		return DYAD_ENOMEM;
	if (lweights && !st->lmemo && !(st->lmemo = dyad__calloc(1, sizeof *st->lmemo)))
		return DYAD_ENOMEM;
	load(st, s);
	if (lweights) {
		run_two_step(weights, lweights, labels, st, acc);
		finish(st, labels, s);
		return DYAD_OK;
	}
	uint64_t keys[DYAD_PARSER_MAX_FEATS];
	int32_t *kept = acc + weights->stride; /* scores of the buffer's features */
	uint32_t kept_b = UINT32_MAX;
	while (st->b < st->n || st->depth > 0) {
		/* a step with one valid move is not scored: SHIFT onto an empty
		 * stack (a fifth to a third of the steps), the last word to the root */
		if (st->depth == 0) {
			apply(st, labels, 0);
			continue;
		}
		if (st->b == st->n && st->depth == 1) {
			apply(st, labels, 1 + labels->root);
			continue;
		}
		if (st->b != kept_b) {
			size_t nb = dyad__parser_buffer_features(st, keys);
			dyad__pmodel_score_memo(weights, st->memo, keys, nb, NULL, UINT32_MAX, kept);
			kept_b = st->b;
		}
		size_t n = dyad__parser_features(st, keys);
		/* with one word on the stack RIGHT-l is not a move: SHIFT and
		 * LEFT-l are the classes below 1 + L (a quarter of the steps) */
		uint32_t classes = st->depth == 1 ? 1 + labels->n : UINT32_MAX;
		dyad__pmodel_score_memo(weights, st->memo, keys, n, kept, classes, acc);
		uint32_t best = best_valid(st, labels, acc);
		if (best == UINT32_MAX)
			break;
		apply(st, labels, best);
	}
	finish(st, labels, s);
	return DYAD_OK;
}

/* xorshift64*: the exploration's dice, seeded by the trainer. */
static double uniform(uint64_t *state)
{
	uint64_t x = *state;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*state = x;
	return (double)((x * 0x2545F4914F6CDD1DULL) >> 11) / 9007199254740992.0;
}

/* One step of training: the model's choice and the best of the cheapest. */
static dyad_status learn_step(struct dyad__ptrain *weights, const struct dyad__labels *labels,
                              struct dyad__pstate *st, struct dyad__parser_learning *how)
{
	uint64_t keys[DYAD_PARSER_MAX_FEATS];
	float scores[DYAD_PARSER_MAX_CLASSES];
	uint32_t nc = n_classes(labels), cost[3];
	size_t n = dyad__parser_buffer_features(st, keys);
	n += dyad__parser_features(st, keys + n);
	memset(scores, 0, nc * sizeof *scores);
	dyad__ptrain_score(weights, keys, n, scores);
	costs(st, cost);
	uint32_t pred = UINT32_MAX, gold = UINT32_MAX, min_cost = UINT32_MAX, pred_cost = 0;
	for (uint32_t c = 0; c < nc; c++) {
		if (!valid(st, labels, c))
			continue;
		uint32_t k = class_cost(st, labels, cost, c);
		if (pred == UINT32_MAX || scores[c] > scores[pred])
			pred = c, pred_cost = k;
		if (k < min_cost || (k == min_cost && scores[c] > scores[gold]))
			gold = c, min_cost = k;
	}
	if (pred == UINT32_MAX)
		return DYAD_EINVAL;
	how->n_steps++;
	if (pred_cost > min_cost) {
		uint32_t cls[2] = {gold, pred};
		float delta[2] = {1, -1};
		how->n_errors++;
		if (dyad__ptrain_update(weights, keys, n, cls, delta, 2) != DYAD_OK)
			return DYAD_ENOMEM;
	}
	dyad__ptrain_tick(weights);
	int follow = pred_cost == min_cost || uniform(&how->rng) < how->explore;
	apply(st, labels, follow ? pred : gold);
	return DYAD_OK;
}

/* The move of a two-step parser: the model's choice among the valid moves
 * and the best of the cheapest (structure only); *move is the one followed. */
static dyad_status learn_move(struct dyad__ptrain *weights, struct dyad__pstate *st,
                              struct dyad__parser_learning *how, uint32_t *move)
{
	int ok[3] = {st->b < st->n, st->depth > 0 && (st->b < st->n || st->depth == 1),
	             st->depth > 1};
	if (ok[SHIFT] + ok[LEFT] + ok[RIGHT] < 2) {
		*move = ok[SHIFT] ? SHIFT : ok[LEFT] ? LEFT : RIGHT;
		return ok[*move] ? DYAD_OK : DYAD_EINVAL;
	}
	uint64_t keys[DYAD_PARSER_MAX_FEATS];
	float scores[DYAD_PMODEL_LANES] = {0};
	uint32_t cost[3], pred = UINT32_MAX, gold = UINT32_MAX;
	size_t n = dyad__parser_buffer_features(st, keys);
	n += dyad__parser_features(st, keys + n);
	dyad__ptrain_score(weights, keys, n, scores);
	costs(st, cost);
	for (uint32_t c = 0; c < 3; c++) {
		if (!ok[c])
			continue;
		if (pred == UINT32_MAX || scores[c] > scores[pred])
			pred = c;
		if (gold == UINT32_MAX || cost[c] < cost[gold] ||
		    (cost[c] == cost[gold] && scores[c] > scores[gold]))
			gold = c;
	}
	how->n_steps++;
	if (cost[pred] > cost[gold]) {
		uint32_t cls[2] = {gold, pred};
		float delta[2] = {1, -1};
		how->n_errors++;
		if (dyad__ptrain_update(weights, keys, n, cls, delta, 2) != DYAD_OK)
			return DYAD_ENOMEM;
	}
	dyad__ptrain_tick(weights);
	int follow = cost[pred] == cost[gold] || uniform(&how->rng) < how->explore;
	*move = follow ? pred : gold;
	return DYAD_OK;
}

/* The label of the arc h -> s0 of a two-step parser: learnt when the arc
 * is a gold one (the label of a wrong arc has no gold answer); the label
 * followed is the gold one unless the model's is right or the dice say to
 * explore. */
static dyad_status learn_label(struct dyad__ptrain *lweights, const struct dyad__labels *labels,
                               struct dyad__pstate *st, struct dyad__parser_learning *how,
                               uint32_t h, uint32_t *label)
{
	uint64_t keys[DYAD_PARSER_MAX_FEATS];
	float scores[DYAD_PARSER_MAX_LABELS + DYAD_PMODEL_LANES] = {0};
	uint32_t s0 = st->stack[st->depth - 1], pred = UINT32_MAX;
	size_t n = dyad__parser_label_features(st, h, s0, keys);
	dyad__ptrain_score(lweights, keys, n, scores);
	for (uint32_t l = 0; l < labels->n; l++)
		if (l != labels->root && (pred == UINT32_MAX || scores[l] > scores[pred]))
			pred = l;
	*label = pred;
	uint32_t gold = st->gold_head[s0] == h && st->gold_label[s0] < DYAD_N_DEPRELS
	                    ? labels->index[st->gold_label[s0]] : 0xff;
	if (gold == 0xff || gold == labels->root || pred == UINT32_MAX)
		return pred == UINT32_MAX ? DYAD_EINVAL : DYAD_OK;
	if (pred != gold) {
		uint32_t cls[2] = {gold, pred};
		float delta[2] = {1, -1};
		if (dyad__ptrain_update(lweights, keys, n, cls, delta, 2) != DYAD_OK)
			return DYAD_ENOMEM;
		if (!(uniform(&how->rng) < how->explore))
			*label = gold;
	}
	dyad__ptrain_tick(lweights);
	return DYAD_OK;
}

static dyad_status learn_two_step(struct dyad__ptrain *weights, struct dyad__ptrain *lweights,
                                  const struct dyad__labels *labels, struct dyad__pstate *st,
                                  struct dyad__parser_learning *how)
{
	uint32_t move, label;
	dyad_status rc = learn_move(weights, st, how, &move);
	if (rc != DYAD_OK)
		return rc;
	if (move == SHIFT) {
		apply(st, labels, 0);
		return DYAD_OK;
	}
	if (move == LEFT && st->b == st->n) {
		apply(st, labels, 1 + labels->root);
		return DYAD_OK;
	}
	uint32_t h = move == LEFT ? st->b : st->stack[st->depth - 2];
	rc = learn_label(lweights, labels, st, how, h, &label);
	if (rc == DYAD_OK)
		apply(st, labels, (move == LEFT ? 1 : 1 + labels->n) + label);
	return rc;
}

dyad_status dyad__parser_learn(struct dyad__ptrain *weights, struct dyad__ptrain *lweights,
                               const struct dyad__labels *labels,
                               struct dyad__pstate *st, struct dyad__sent *s,
                               struct dyad__parser_learning *how)
{
	if (reserve(st, s->n) != DYAD_OK)
		return DYAD_ENOMEM;
	load(st, s);
	while (st->b < st->n || st->depth > 0) {
		dyad_status rc = lweights ? learn_two_step(weights, lweights, labels, st, how)
		                          : learn_step(weights, labels, st, how);
		if (rc == DYAD_EINVAL)
			break;
		if (rc != DYAD_OK)
			return rc;
	}
	finish(st, labels, s);
	return DYAD_OK;
}

/* ---- projectivity -------------------------------------------------------- */

/* 1 when h (0 = root, else 1-based) dominates k in heads. */
static int dominates(const uint32_t *heads, size_t n, uint32_t h, uint32_t k)
{
	for (size_t steps = 0; k != 0 && steps <= n; steps++) {
		if (k == h)
			return 1;
		k = heads[k - 1];
	}
	return h == 0;
}

static int arc_projective(const uint32_t *heads, size_t n, uint32_t d)
{
	uint32_t h = heads[d - 1];
	uint32_t lo = h < d ? h : d, hi = h < d ? d : h;
	for (uint32_t k = lo + 1; k < hi; k++)
		if (!dominates(heads, n, h, k))
			return 0;
	return 1;
}

size_t dyad__projectivize(const uint32_t *heads, size_t n, uint32_t *out)
{
	memcpy(out, heads, n * sizeof *out);
	size_t lifted = 0;
	for (;;) {
		uint32_t shortest = 0, len = UINT32_MAX;
		for (uint32_t d = 1; d <= n; d++) {
			uint32_t h = out[d - 1];
			if (h == 0 || h > n)
				continue;
			uint32_t l = h < d ? d - h : h - d;
			if (l < len && !arc_projective(out, n, d))
				shortest = d, len = l;
		}
		if (!shortest)
			return lifted;
		out[shortest - 1] = out[out[shortest - 1] - 1];
		lifted++;
	}
}
