/*
 * frames.c - the event stage and its predicates: at each word the patterns
 * of data/verbs/ anchored on it are matched (by stem; skips pass over a few
 * words), the best one wins, and the sentence's predicates are read in the
 * dependency tree first (args.c and its resolvers, reading.h). Only where
 * the tree cannot bind a side (the sentence was not parsed, a side is
 * missing) does the older positional reading decide (resolvers.c), with the
 * lower confidence of a guess; there, what is demanded, urged, intended or
 * rejected is skipped by clause boundaries.
 */
#include <string.h>

#include "events/coder.h"
#include "events/reading.h"
#include "events/confidence.h"
#include "events/events.h"
#include "events/speech.h"
#include "kb/engine.h"
#include "text/words.h"

int dyad__elem_matches(const struct dyad__work *w, const struct dyad__elem *e, size_t k)
{
	const struct dyad__token *t = &w->tokens[k];
	const char *have = e->kind == ELEM_EXACT ? dyad__tok_lower(w, t) : dyad__tok_stem(w, t);
	size_t n = e->kind == ELEM_EXACT ? t->lower_len : t->stem_len;
	for (size_t f = 0; f < e->n_forms; f++)
		if (n == e->len[f] && memcmp(have, e->form[f], n) == 0)
			return 1;
	return 0;
}

/* Match the elements after the anchor; slots before it bind backwards. */
static int match_pattern(struct dyad__work *w, struct dyad__sentence_ctx *ctx,
                         const struct dyad__pattern *p, size_t anchor_tok,
                         size_t s_start, size_t s_end, struct dyad__match *m)
{
	memset(m, 0, sizeof *m);
	m->p = p;
	m->code = p->code;
	m->first = m->last = anchor_tok;
	size_t k = anchor_tok + 1;
	for (size_t e = p->anchor + 1; e < p->n_elems; e++) {
		const struct dyad__elem *el = &p->elems[e];
		if (el->kind == ELEM_SKIP) {
			/* lazily: find the next element within the skip window */
			if (e + 1 >= p->n_elems)
				continue;
			const struct dyad__elem *nx = &p->elems[e + 1];
			size_t j;
			for (j = k; j < s_end && j <= k + DYAD_PATTERN_SKIP; j++) {
				if ((nx->kind == ELEM_STEM || nx->kind == ELEM_EXACT) && dyad__elem_matches(w, nx, j))
					break;
				if ((nx->kind == ELEM_TARGET || nx->kind == ELEM_SOURCE) &&
				    w->tokens[j].mention >= 0)
					break;
			}
			if (j >= s_end || j > k + DYAD_PATTERN_SKIP)
				return 0;
			k = j;
			continue;
		}
		if (el->kind == ELEM_TARGET || el->kind == ELEM_SOURCE) {
			size_t after;
			const struct dyad__actor *a = dyad__actor_starting_near(w, ctx, k, s_end, &after);
			if (!a)
				return 0;
			if (el->kind == ELEM_TARGET)
				m->target = a;
			else
				m->source = a;
			k = after;
			continue;
		}
		if (k >= s_end || !dyad__elem_matches(w, el, k))
			return 0;
		m->last = k;
		k++;
	}
	/* a source slot before the anchor: "$ visit" is the default anyway */
	(void)s_start;
	return 1;
}

/* Appeals (02), intentions (03), demands (10), rejections (12) and threats
 * (13) govern an act that has not happened. */
int dyad__takes_complement(const struct dyad__match *m)
{
	if (strncmp(m->code, "016", 3) == 0)
		return 1; /* what is denied ("denied supplying drones") */
	static const char *const roots[] = {"02", "03", "10", "12", "13"};
	for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++)
		if (m->code[0] == roots[i][0] && m->code[1] == roots[i][1])
			return 1;
	return 0;
}

/* Where the complement that starts at k ends: at ';', a full stop or the
 * sentence's end (a complement runs over commas: "urged A, B and C to
 * ..."). */
static size_t clause_end(const struct dyad__work *w, size_t k, size_t end)
{
	for (; k < end; k++)
		if (dyad__tok_is_char(w, k, ';') || dyad__tok_is_char(w, k, '.'))
			break;
	return k;
}

/* "demanded that France stop", "urged that Russia withdraw", "accused
 * that ...": the object clause of an appeal (02), a demand (10), a
 * disapproval (11), a rejection (12) or a threat (13) opens with the one
 * acted upon; that of a comment or an intention ("hopes that ...") does not. */
int dyad__clause_names_target(const struct dyad__match *m)
{
	static const char *const roots[] = {"02", "10", "11", "12", "13"};
	for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++)
		if (m->code[0] == roots[i][0] && m->code[1] == roots[i][1])
			return 1;
	return 0;
}

/* QuadClass 4: material conflict. */
int dyad__violent(const struct dyad__work *w, const struct dyad__match *m)
{
	const struct dyad_cameo_code *code = dyad__cameo_find(w->engine, m->code);
	return code && code->quad == 4;
}

/* QuadClass 1 and 2: verbal and material cooperation. */
int dyad__cooperative(const struct dyad__work *w, const struct dyad__match *m)
{
	const struct dyad_cameo_code *code = dyad__cameo_find(w->engine, m->code);
	return code && code->quad <= 2;
}

static int best_by_position(struct dyad__work *w, struct dyad__sentence_ctx *ctx, size_t s,
                            size_t k, struct dyad__match *best);

/* Token j is within two steps of k in the tree: a child, a grandchild, or
 * the head. */
static int tree_near(const struct dyad__tree *t, size_t k, size_t j)
{
	int32_t h = dyad__tree_head(t, j);
	if (h == (int32_t)k || dyad__tree_head(t, k) == (int32_t)j)
		return 1;
	return h >= 0 && dyad__tree_head(t, (size_t)h) == (int32_t)k;
}

/* A word of pattern p, other than its anchor and the preposition before its
 * target, found near token k in the tree; 0 when one is missing. Such a
 * match holds in any word order ("sanctions were imposed on X by Y" for
 * "impose * sanctions on +"). */
static int tree_match(const struct dyad__work *w, const struct dyad__tree *t,
                      const struct dyad__pattern *p, size_t k, struct dyad__match *m)
{
	size_t words = 0;
	for (size_t e = (size_t)p->anchor + 1; e < p->n_elems; e++) {
		const struct dyad__elem *el = &p->elems[e];
		if (el->kind != ELEM_STEM && el->kind != ELEM_EXACT)
			continue;
		if (e + 1 < p->n_elems && p->elems[e + 1].kind == ELEM_TARGET)
			continue; /* the target's preposition: args.c reads it */
		size_t j;
		for (j = t->start; j < t->end; j++)
			if (j != k && tree_near(t, k, j) && dyad__elem_matches(w, el, j))
				break;
		if (j == t->end)
			return 0;
		words++;
	}
	if (!words)
		return 0; /* a single word matches by position anyway */
	memset(m, 0, sizeof *m);
	m->p = p;
	m->code = p->code;
	m->first = m->last = k;
	m->by_tree = 1;
	return 1;
}

/* The best pattern anchored at token k, into *best; 0 when none matches.
 * Where no pattern matches word by word, one whose words the tree puts
 * around k does (tree_match). */
static int best_at(struct dyad__work *w, struct dyad__sentence_ctx *ctx, size_t s, size_t k,
                   const struct dyad__tree *tree, struct dyad__match *best)
{
	if (best_by_position(w, ctx, s, k, best))
		return 1;
	const struct dyad__verbs *v = w->engine->verbs;
	const struct dyad__form *f = dyad__tok_form(w, &w->tokens[k]);
	uint32_t ids[2] = {f->verbs_stem, f->verbs_exact};
	if (!tree->analysed || dyad__tree_upos(tree, k) == DYAD_UPOS_NONE)
		return 0;
	for (int list = 0; list < 2; list++)
		for (uint32_t id = ids[list]; id; id = v->nodes[id - 1].next)
			if (tree_match(w, tree, &v->patterns[v->nodes[id - 1].pattern], k, best))
				return 1;
	return 0;
}

/* The best pattern anchored at token k word by word, into *best; 0 when
 * none matches. */
static int best_by_position(struct dyad__work *w, struct dyad__sentence_ctx *ctx, size_t s,
                            size_t k, struct dyad__match *best)
{
	const struct dyad__verbs *v = w->engine->verbs;
	const struct dyad__sentence *sent = &w->sentences[s];
	const struct dyad__form *f = dyad__tok_form(w, &w->tokens[k]); /* its look-ups, made once */
	uint32_t ids[2] = {f->verbs_stem, f->verbs_exact};
	int found = 0, best_exact = 0;
	for (int list = 0; list < 2; list++)
		for (uint32_t id = ids[list]; id; id = v->nodes[id - 1].next) {
			struct dyad__match m;
			if (!match_pattern(w, ctx, &v->patterns[v->nodes[id - 1].pattern], k,
			                   sent->tok_start, sent->tok_end, &m))
				continue;
			/* the longest pattern wins; then the one with slots; then an
			 * exact form ("=задержаны", passive) over a stem */
			int slots = (m.target || m.source) != 0;
			int best_slots = found && (best->target || best->source);
			if (!found || m.last > best->last ||
			    (m.last == best->last && slots && !best_slots) ||
			    (m.last == best->last && slots == best_slots && list == 1 && !best_exact)) {
				*best = m;
				found = 1;
				best_exact = list == 1;
			}
		}
	return found;
}

/* The predicates of sentence s, in order, not overlapping; covered[i] is
 * set for those inside the clause an earlier demand, appeal, intention,
 * rejection or threat governs (the positional coder skips them). */
static size_t find_matches(struct dyad__work *w, struct dyad__sentence_ctx *ctx, size_t s,
                           const struct dyad__tree *tree, struct dyad__match *out,
                           int *covered_out, size_t max)
{
	const struct dyad__sentence *sent = &w->sentences[s];
	size_t n = 0, covered = sent->tok_start, clause = sent->tok_start;
	for (size_t k = sent->tok_start; k < sent->tok_end && n < max; k++) {
		const struct dyad__token *t = &w->tokens[k];
		if (!(t->flags & DYAD_TOK_WORD) || k < covered || t->mention >= 0)
			continue;
		if (!best_at(w, ctx, s, k, tree, &out[n]))
			continue;
		out[n].confidence = 0;
		out[n].n_tree_src = 0;
		out[n].n_tree_tgt = 0;
		covered_out[n] = k < clause;
		covered = out[n].last + 1;
		/* what is demanded, urged, intended or rejected has not happened:
		 * "потребовал от Москвы вернуть ...", "rejected the proposal to
		 * hold talks", "called on A and B to resume negotiations" */
		if (dyad__takes_complement(&out[n]) && !covered_out[n])
			clause = clause_end(w, covered, sent->tok_end);
		n++;
	}
	return n;
}

static dyad_status code_sentence(struct dyad__work *w, size_t s, struct dyad__sentence_ctx *ctx,
                                 struct dyad__tree *tree)
{
	dyad__collect_actors(w, s, ctx);
	ctx->n_extra = 0;
	if (ctx->n_actors == 0 && !ctx->speaker)
		return DYAD_OK;
	if (ctx->speaker)
		dyad__actor_of(w, ctx->speaker, &ctx->speaker_actor);
	struct dyad__match found[MAX_MATCHES];
	int covered[MAX_MATCHES];
	dyad_status st = dyad__tree_build(tree, w, s);
	if (st != DYAD_OK)
		return st;
	struct dyad__matches all = {found,
	                            find_matches(w, ctx, s, tree, found, covered, MAX_MATCHES)};
	for (size_t i = 0; i < all.n && st == DYAD_OK; i++) {
		/* the tree first; the positional reading where it cannot tell */
		struct dyad__match m = found[i];
		m.n_tree_src = 0;
		m.n_tree_tgt = 0;
		enum dyad__verdict v = dyad__read_predicate(w, s, tree, ctx, &all, &m, &st);
		/* a match only the tree made is the tree's to read */
		if (v == DYAD_READ_UNSURE && st == DYAD_OK && !covered[i] && !found[i].by_tree) {
			found[i].n_tree_src = m.n_tree_src;
			memcpy(found[i].tree_src, m.tree_src, sizeof m.tree_src);
			found[i].n_tree_tgt = m.n_tree_tgt;
			memcpy(found[i].tree_tgt, m.tree_tgt, sizeof m.tree_tgt);
			st = dyad__code_predicate(w, s, ctx, &found[i]);
		}
	}
	return st;
}

dyad_status dyad__events_extract(struct dyad__work *w)
{
	if (w->engine->dict && w->engine->dict_mode == DYAD_DICT_INSTEAD)
		return DYAD_OK; /* the user's dictionaries code the events */
	struct dyad__sentence_ctx ctx;
	struct dyad__speech_state speech;
	struct dyad__tree tree;
	memset(&ctx, 0, sizeof ctx);
	memset(&tree, 0, sizeof tree);
	dyad__speech_init(&speech);
	dyad_status st = DYAD_OK;
	for (size_t s = 0; s < w->n_sentences && st == DYAD_OK; s++) {
		ctx.speaker = dyad__speech_at(&speech, w, s);
		st = code_sentence(w, s, &ctx, &tree);
	}
	dyad__tree_release(&tree);
	if (st == DYAD_OK)
		dyad__events_apply_dial(w);
	return st;
}
