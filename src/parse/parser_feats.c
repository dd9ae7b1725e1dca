/*
 * parser_feats.c - the feature templates of the parser (see parser.h).
 *
 * Zhang & Nivre's (2011) templates for arc-eager map onto arc-hybrid with
 * the word below the top of the stack (s1) in the place of the top's head,
 * which arc-hybrid has not found yet (seven of them, redundant here, were
 * left out: no loss on EWT dev or a GSD half, and time saved); a few coarse (UPOS) templates keep
 * working when the fine tag is wrong. When the language inflects
 * (st->rich) come lemma templates, which generalise over inflected forms
 * (for English they gave nothing on dev and cost time), and morphology: case, number and gender of the words compared,
 * whether two words agree, and the preposition that governs a noun ("the
 * case marker", its child labelled case), which decides where a
 * prepositional phrase or a bare genitive attaches.
 */
#include "parse/parser.h"

#include "parse/features.h"

/* Small values packed into one key part. */
#define PK2(a, b) ((uint64_t)(a) | (uint64_t)(b) << 16)
#define PK3(a, b, c) (PK2(a, b) | (uint64_t)(c) << 32)

static uint32_t distance_bucket(uint32_t d)
{
	static const uint8_t buckets[] = {0, 1, 2, 3, 4, 5, 5, 6, 6, 6};
	return d < sizeof buckets ? buckets[d] : 7;
}

static uint32_t cap7(uint32_t v)
{
	return v < 7 ? v : 7;
}

/* Agreement of two words in case, number and gender: one bit each when both
 * have the category and agree, another when both have it and differ. */
static uint32_t agreement(uint32_t a, uint32_t b)
{
	static const uint32_t mask[3] = {0xf, 0x3 << 4, 0x3 << 6};
	uint32_t code = 0;
	for (int k = 0; k < 3; k++) {
		uint32_t x = a & mask[k], y = b & mask[k];
		if (x && y)
			code |= (x == y ? 1u : 2u) << (2 * k);
	}
	return code;
}

struct positions {
	uint32_t s0, s1, s2, b0, b1, b2;
	uint32_t s0l, s0l2, s0r, s0r2, s1l, s1r, b0l, b0l2;
};

static void positions(const struct dyad__pstate *st, struct positions *p)
{
	uint32_t none = st->n + 1, d = st->depth;
	p->s0 = d >= 1 ? st->stack[d - 1] : none;
	p->s1 = d >= 2 ? st->stack[d - 2] : none;
	p->s2 = d >= 3 ? st->stack[d - 3] : none;
	p->b0 = st->b;
	p->b1 = st->b + 1 <= st->n ? st->b + 1 : none;
	p->b2 = st->b + 2 <= st->n ? st->b + 2 : none;
	p->s0l = st->lc1[p->s0], p->s0l2 = st->lc2[p->s0];
	p->s0r = st->rc1[p->s0], p->s0r2 = st->rc2[p->s0];
	p->s1l = st->lc1[p->s1], p->s1r = st->rc1[p->s1];
	p->b0l = st->lc1[p->b0], p->b0l2 = st->lc2[p->b0];
}

#define W(x) st->word[x]
#define P(x) st->tag[x]
#define L(x) st->lemma[x]
#define LAB(x) (st->label[x] == UINT32_MAX ? 0xffu : st->label[x])
#define M(x) st->morph[x]
#define CASE(x) (st->morph[x] & 0xf)
#define MK(x) st->marker[x]

/* Single positions and pairs of the stack top and buffer front. */
static size_t base_features(const struct dyad__pstate *st, const struct positions *p,
                            uint64_t *k)
{
	uint32_t s0 = p->s0, s1 = p->s1, b0 = p->b0, b1 = p->b1;
	size_t n = 0;
	k[n++] = dyad__fkey2(1, W(s0), P(s0));
	k[n++] = dyad__fkey1(2, W(s0));
	k[n++] = dyad__fkey1(3, P(s0));
	k[n++] = dyad__fkey2(13, W(s1), P(s1));
	k[n++] = dyad__fkey1(14, W(s1));
	k[n++] = dyad__fkey1(15, P(s1));
	k[n++] = dyad__fkey1(16, P(p->s2));
	k[n++] = dyad__fkey3(17, W(s0), W(b0), PK2(P(s0), P(b0)));
	k[n++] = dyad__fkey2(20, W(s0), PK2(P(s0), P(b0)));
	k[n++] = dyad__fkey2(21, W(b0), PK2(P(s0), P(b0)));
	k[n++] = dyad__fkey2(22, W(s0), W(b0));
	k[n++] = dyad__fkey1(23, PK2(P(s0), P(b0)));
	k[n++] = dyad__fkey1(26, PK3(P(s0), P(b0), P(b1)));
	k[n++] = dyad__fkey1(27, PK3(P(s1), P(s0), P(b0)));
	k[n++] = dyad__fkey1(28, PK3(P(s0), P(p->s0l), P(b0)));
	k[n++] = dyad__fkey1(29, PK3(P(s0), P(p->s0r), P(b0)));
	k[n++] = dyad__fkey1(30, PK3(P(s0), P(b0), P(p->b0l)));
	k[n++] = dyad__fkey1(32, PK2(P(s1), P(s0)));
	return n;
}

/* Distance, valency, children and label sets. */
static size_t structure_features(const struct dyad__pstate *st, const struct positions *p,
                                 uint64_t *k)
{
	uint32_t s0 = p->s0, s1 = p->s1, b0 = p->b0, none = st->n + 1;
	uint32_t d = s0 == none ? 0 : distance_bucket(b0 - s0);
	uint32_t d1 = s1 == none ? 0 : distance_bucket(s0 - s1);
	size_t n = 0;
	k[n++] = dyad__fkey2(40, W(s0), d);
	k[n++] = dyad__fkey1(41, PK2(P(s0), d));
	k[n++] = dyad__fkey2(42, W(b0), d);
	k[n++] = dyad__fkey1(43, PK2(P(b0), d));
	k[n++] = dyad__fkey3(44, W(s0), W(b0), d);
	k[n++] = dyad__fkey1(45, PK3(P(s0), P(b0), d));
	k[n++] = dyad__fkey1(46, PK3(P(s1), P(s0), d1));
	k[n++] = dyad__fkey2(47, W(s0), cap7(st->nr[s0]));
	k[n++] = dyad__fkey1(48, PK2(P(s0), cap7(st->nr[s0])));
	k[n++] = dyad__fkey2(49, W(s0), cap7(st->nl[s0]));
	k[n++] = dyad__fkey1(50, PK2(P(s0), cap7(st->nl[s0])));
	k[n++] = dyad__fkey2(51, W(b0), cap7(st->nl[b0]));
	k[n++] = dyad__fkey1(52, PK2(P(b0), cap7(st->nl[b0])));
	k[n++] = dyad__fkey1(53, PK2(P(s1), cap7(st->nr[s1])));
	k[n++] = dyad__fkey1(54, W(p->s0l));
	k[n++] = dyad__fkey1(55, P(p->s0l));
	k[n++] = dyad__fkey1(56, LAB(p->s0l));
	k[n++] = dyad__fkey1(57, W(p->s0r));
	k[n++] = dyad__fkey1(58, P(p->s0r));
	k[n++] = dyad__fkey1(59, LAB(p->s0r));
	k[n++] = dyad__fkey1(60, W(p->b0l));
	k[n++] = dyad__fkey1(61, P(p->b0l));
	k[n++] = dyad__fkey1(62, LAB(p->b0l));
	k[n++] = dyad__fkey1(63, PK2(P(s1), LAB(p->s1r)));
	k[n++] = dyad__fkey1(64, PK2(P(s1), LAB(p->s1l)));
	k[n++] = dyad__fkey1(65, W(p->s0l2));
	k[n++] = dyad__fkey1(66, P(p->s0l2));
	k[n++] = dyad__fkey1(67, LAB(p->s0l2));
	k[n++] = dyad__fkey1(68, W(p->s0r2));
	k[n++] = dyad__fkey1(69, P(p->s0r2));
	k[n++] = dyad__fkey1(70, LAB(p->s0r2));
	k[n++] = dyad__fkey1(71, P(p->b0l2));
	k[n++] = dyad__fkey1(72, LAB(p->b0l2));
	k[n++] = dyad__fkey1(73, PK3(P(s0), P(p->s0l), P(p->s0l2)));
	k[n++] = dyad__fkey1(74, PK3(P(s0), P(p->s0r), P(p->s0r2)));
	k[n++] = dyad__fkey1(75, PK3(P(b0), P(p->b0l), P(p->b0l2)));
	k[n++] = dyad__fkey2(76, W(s0), st->rset[s0]);
	k[n++] = dyad__fkey2(77, P(s0), st->rset[s0]);
	k[n++] = dyad__fkey2(78, W(s0), st->lset[s0]);
	k[n++] = dyad__fkey2(79, P(s0), st->lset[s0]);
	k[n++] = dyad__fkey2(80, W(b0), st->lset[b0]);
	k[n++] = dyad__fkey2(81, P(b0), st->lset[b0]);
	k[n++] = dyad__fkey2(82, P(s1), st->rset[s1]);
	return n;
}

/* Lemmas of the words compared. */
static size_t lemma_features(const struct dyad__pstate *st, const struct positions *p,
                             uint64_t *k)
{
	uint32_t s0 = p->s0, s1 = p->s1, b0 = p->b0;
	size_t n = 0;
	k[n++] = dyad__fkey2(90, L(s0), P(s0));
	k[n++] = dyad__fkey2(92, L(s1), P(s1));
	k[n++] = dyad__fkey2(93, L(s0), L(b0));
	k[n++] = dyad__fkey2(94, L(s1), L(s0));
	k[n++] = dyad__fkey2(95, L(s0), P(b0));
	k[n++] = dyad__fkey2(96, L(b0), P(s0));
	k[n++] = dyad__fkey2(97, L(s1), P(s0));
	k[n++] = dyad__fkey2(98, L(s0), P(s1));
	return n;
}

#define U(x) st->upos[x]

/* Coarse tags: what stays true when the tagger's fine tag is wrong. */
static size_t coarse_features(const struct dyad__pstate *st, const struct positions *p,
                              uint64_t *k)
{
	uint32_t s0 = p->s0, s1 = p->s1, b0 = p->b0, b1 = p->b1;
	size_t n = 0;
	k[n++] = dyad__fkey1(130, PK3(U(s1), U(s0), U(b0)));
	k[n++] = dyad__fkey1(131, PK3(U(s0), U(b0), U(b1)));
	k[n++] = dyad__fkey2(132, W(s0), U(b0));
	k[n++] = dyad__fkey2(133, W(b0), U(s0));
	return n;
}

/* Case, agreement and case markers. */
static size_t morph_features(const struct dyad__pstate *st, const struct positions *p,
                             uint64_t *k)
{
	uint32_t s0 = p->s0, s1 = p->s1, b0 = p->b0;
	size_t n = 0;
	k[n++] = dyad__fkey1(100, PK2(P(s0), M(s0)));
	k[n++] = dyad__fkey1(102, PK2(P(s1), M(s1)));
	k[n++] = dyad__fkey2(103, PK2(P(s0), M(s0)), PK2(P(b0), M(b0)));
	k[n++] = dyad__fkey2(104, PK2(P(s1), M(s1)), PK2(P(s0), M(s0)));
	k[n++] = dyad__fkey1(105, PK3(P(s0), P(b0), agreement(M(s0), M(b0))));
	k[n++] = dyad__fkey1(106, PK3(P(s1), P(s0), agreement(M(s1), M(s0))));
	k[n++] = dyad__fkey2(107, MK(s0), PK2(CASE(s0), P(s0)));
	k[n++] = dyad__fkey2(108, MK(b0), PK2(CASE(b0), P(b0)));
	k[n++] = dyad__fkey2(109, MK(s0), PK2(CASE(s0), P(b0)));
	k[n++] = dyad__fkey2(110, MK(s0), PK2(CASE(s0), P(s1)));
	k[n++] = dyad__fkey3(111, MK(s0), L(b0), CASE(s0));
	k[n++] = dyad__fkey3(112, MK(s0), L(s1), CASE(s0));
	k[n++] = dyad__fkey3(113, L(s0), L(b0), CASE(s0));
	k[n++] = dyad__fkey3(114, L(s1), L(s0), CASE(s0));
	k[n++] = dyad__fkey2(115, L(b0), PK2(CASE(s0), P(s0)));
	k[n++] = dyad__fkey2(116, L(s1), PK2(CASE(s0), P(s0)));
	k[n++] = dyad__fkey2(117, MK(b0), PK2(CASE(b0), P(s0)));
	k[n++] = dyad__fkey1(118, PK3(P(s0), CASE(s0), PK2(P(b0), CASE(b0))) ^ (uint64_t)P(s1) << 56);
	return n;
}

/* The parts of speech between words a and b (a < b), up to GAP_SCAN of
 * them; one more bit when there are more. */
#define GAP_SCAN 8

static uint32_t between(const struct dyad__pstate *st, uint32_t a, uint32_t b)
{
	uint32_t mask = 0, none = st->n + 1;
	if (a == none || b == none || a + 1 >= b)
		return a == none || b == none ? 1u << 31 : 0;
	for (uint32_t k = a + 1; k < b && k <= a + GAP_SCAN; k++)
		mask |= 1u << (st->upos[k] & 31);
	return b > a + GAP_SCAN + 1 ? mask | 1u << 30 : mask;
}

/* What lies between the words compared: a verb or a comma between a noun
 * and a candidate head changes everything. */
static size_t gap_features(const struct dyad__pstate *st, const struct positions *p, uint64_t *k)
{
	size_t n = 0;
	k[n++] = dyad__fkey2(160, between(st, p->s0, p->b0), PK2(P(p->s0), P(p->b0)));
	k[n++] = dyad__fkey2(161, between(st, p->s1, p->s0), PK2(P(p->s1), P(p->s0)));
	return n;
}

/* Only sentences of another treebank have these: they learn how its
 * conventions differ, and cost nothing in use (sentence.h). */
static size_t style_features(const struct dyad__pstate *st, const struct positions *p,
                             uint64_t *k)
{
	uint32_t s0 = p->s0, s1 = p->s1, b0 = p->b0, none = st->n + 1;
	uint32_t d = s0 == none ? 0 : distance_bucket(b0 - s0);
	size_t n = 0;
	k[n++] = dyad__fkey1(150, st->style);
	k[n++] = dyad__fkey2(151, st->style, P(s0));
	k[n++] = dyad__fkey2(152, st->style, P(b0));
	k[n++] = dyad__fkey2(153, st->style, PK2(P(s0), P(b0)));
	k[n++] = dyad__fkey2(154, st->style, PK2(P(s1), P(s0)));
	k[n++] = dyad__fkey2(155, st->style, PK3(P(s0), P(b0), d));
	k[n++] = dyad__fkey3(156, st->style, W(s0), P(b0));
	k[n++] = dyad__fkey3(157, st->style, W(b0), P(s0));
	return n;
}

size_t dyad__parser_buffer_features(const struct dyad__pstate *st, uint64_t *k)
{
	uint32_t b0 = st->b, none = st->n + 1;
	uint32_t b1 = b0 + 1 <= st->n ? b0 + 1 : none, b2 = b0 + 2 <= st->n ? b0 + 2 : none;
	size_t n = 0;
	k[n++] = dyad__fkey2(4, W(b0), P(b0));
	k[n++] = dyad__fkey1(5, W(b0));
	k[n++] = dyad__fkey1(6, P(b0));
	k[n++] = dyad__fkey2(7, W(b1), P(b1));
	k[n++] = dyad__fkey1(8, W(b1));
	k[n++] = dyad__fkey1(9, P(b1));
	k[n++] = dyad__fkey2(10, W(b2), P(b2));
	k[n++] = dyad__fkey1(12, P(b2));
	k[n++] = dyad__fkey1(24, PK2(P(b0), P(b1)));
	k[n++] = dyad__fkey1(25, PK3(P(b0), P(b1), P(b2)));
	if (st->rich) {
		k[n++] = dyad__fkey2(91, L(b0), P(b0));
		k[n++] = dyad__fkey1(101, PK2(P(b0), M(b0)));
	}
	return n;
}

size_t dyad__parser_features(const struct dyad__pstate *st, uint64_t *keys)
{
	struct positions p;
	positions(st, &p);
	size_t n = base_features(st, &p, keys);
	n += structure_features(st, &p, keys + n);
	n += coarse_features(st, &p, keys + n);
	n += gap_features(st, &p, keys + n);
	if (st->rich) {
		n += lemma_features(st, &p, keys + n);
		n += morph_features(st, &p, keys + n);
	}
	if (st->style)
		n += style_features(st, &p, keys + n);
	return n;
}

/* The morphology of a labelled arc: lemmas, case, agreement, case marker. */
static size_t label_rich_features(const struct dyad__pstate *st, uint32_t h, uint32_t d,
                                  uint32_t dir, uint64_t *k)
{
	size_t n = 0;
	k[n++] = dyad__fkey2(230, L(d), PK2(P(d), dir));
	k[n++] = dyad__fkey2(231, L(h), PK2(P(h), dir));
	k[n++] = dyad__fkey3(232, L(h), L(d), dir);
	k[n++] = dyad__fkey1(233, PK3(P(d), M(d), dir));
	k[n++] = dyad__fkey1(234, PK3(P(h), M(h), dir));
	k[n++] = dyad__fkey2(235, PK2(P(h), M(h)), PK3(P(d), M(d), dir));
	k[n++] = dyad__fkey1(236, PK3(P(h), P(d), agreement(M(h), M(d)) | dir << 12));
	k[n++] = dyad__fkey2(237, MK(d), PK3(CASE(d), P(d), dir));
	k[n++] = dyad__fkey3(238, MK(d), L(h), PK2(CASE(d), dir));
	k[n++] = dyad__fkey2(239, L(h), PK3(CASE(d), P(d), dir));
	return n;
}

size_t dyad__parser_label_features(const struct dyad__pstate *st, uint32_t h, uint32_t d,
                                   uint64_t *k)
{
	uint32_t none = st->n + 1, dir = h > d;
	uint32_t lo = dir ? d : h, hi = dir ? h : d;
	uint32_t dist = distance_bucket(hi - lo) | dir << 8;
	uint32_t dl = st->lc1[d], dr = st->rc1[d];
	uint32_t dm1 = d > 0 ? d - 1 : none, dp1 = d + 1 < st->n ? d + 1 : none;
	uint32_t hm1 = h > 0 && h <= st->n ? h - 1 : none, hp1 = h + 1 < st->n ? h + 1 : none;
	uint32_t valency = cap7(st->nl[d]) | cap7(st->nr[d]) << 4;
	size_t n = 0;
	k[n++] = dyad__fkey2(200, W(d), PK2(P(d), dir));
	k[n++] = dyad__fkey2(201, W(d), dir);
	k[n++] = dyad__fkey1(202, PK2(P(d), dir));
	k[n++] = dyad__fkey2(203, W(h), PK2(P(h), dir));
	k[n++] = dyad__fkey2(204, W(h), dir);
	k[n++] = dyad__fkey1(205, PK2(P(h), dir));
	k[n++] = dyad__fkey1(206, PK3(P(h), P(d), dir));
	k[n++] = dyad__fkey2(207, W(h), PK2(P(d), dir));
	k[n++] = dyad__fkey2(208, W(d), PK2(P(h), dir));
	k[n++] = dyad__fkey3(209, W(h), W(d), dir);
	k[n++] = dyad__fkey1(210, PK3(P(h), P(d), dist));
	k[n++] = dyad__fkey2(211, st->lset[d], PK2(P(d), dir));
	k[n++] = dyad__fkey2(212, st->rset[d], PK2(P(d), dir));
	k[n++] = dyad__fkey2(213, st->lset[h], PK2(P(h), dir));
	k[n++] = dyad__fkey2(214, st->rset[h], PK2(P(h), dir));
	k[n++] = dyad__fkey2(215, PK3(P(d), P(dl), P(dr)), dir);
	k[n++] = dyad__fkey2(216, PK2(P(h), P(d)), PK3(LAB(dl), LAB(dr), dir));
	k[n++] = dyad__fkey2(217, PK3(P(h), P(d), P(dm1)), PK2(P(dp1), dir));
	k[n++] = dyad__fkey2(218, PK3(P(h), P(d), P(hm1)), PK2(P(hp1), dir));
	k[n++] = dyad__fkey1(219, PK3(U(h), U(d), dir));
	k[n++] = dyad__fkey2(220, between(st, lo, hi), PK3(P(h), P(d), dir));
	k[n++] = dyad__fkey2(221, PK2(P(h), P(d)), PK2(valency, dir));
	k[n++] = dyad__fkey3(222, W(dl), P(d), dir);
	k[n++] = dyad__fkey3(223, W(dr), P(d), dir);
	if (st->rich)
		n += label_rich_features(st, h, d, dir, k + n);
	if (st->style) {
		k[n++] = dyad__fkey2(240, st->style, PK2(P(d), dir));
		k[n++] = dyad__fkey2(241, st->style, PK3(P(h), P(d), dir));
		k[n++] = dyad__fkey3(242, st->style, W(d), PK2(P(h), dir));
	}
	return n;
}
