/*
 * actors.c - who can act in a sentence: the mentions that stand for a state
 * or one of its agents (a capital in "talks in Baku" is a place, in "Baku
 * said" the state; an adjective in a compound only qualifies), with their
 * CAMEO actor codes; the actor a pattern slot binds; the one joined to
 * another by "and".
 */
#include <stdio.h>

#include "events/coder.h"
#include "events/reading.h"
#include "events/speech.h"
#include "kb/engine.h"
#include "text/words.h"

#define LOCATIVE_GAP 2     /* adjectives between "in" and a city */
#define SLOT_SKIP 4        /* determiners and titles before a slot's actor */

static int is_actor_mention(const struct dyad__mention *m, const struct dyad__work *w)
{
	if (!m->country || m->attached || dyad__is_credit(w, m))
		return 0;
	switch (m->kind) {
	case DYAD_MENTION_CAPITAL: {
		/* "talks in Baku", "в афганском Кабуле": a location; "Baku said",
		 * "Baku-Bishkek ties": the state */
		size_t k = m->tok_start;
		for (int skipped = 0; k > 0 && skipped <= LOCATIVE_GAP; skipped++) {
			k--;
			if (dyad__tok_kind(w, k, MOD_LOCATIVE))
				return 0;
			if (!(w->tokens[k].flags & DYAD_TOK_WORD) || (w->tokens[k].flags & DYAD_TOK_CAP))
				break;
		}
		return 1;
	}
	case DYAD_MENTION_ORG_HEAD: /* only with a country, checked above */
	case DYAD_MENTION_PERSON:
	case DYAD_MENTION_COUNTRY:
	case DYAD_MENTION_ORG:
	case DYAD_MENTION_DEMONYM:
	case DYAD_MENTION_ROLE:
		return 1;
	case DYAD_MENTION_ADJECTIVE: {
		/* "Russian peacekeepers", "Indian allegations": the adjective's
		 * state acts or is acted upon; in a compound ("Russian-Azerbaijani
		 * relations", "Kyrgyz-Azerbaijani friendship") it only qualifies */
		size_t next = m->tok_end;
		if (next >= w->n_tokens || dyad__tok_is_char(w, next, '-'))
			return 0;
		if (m->tok_start > 0 && dyad__tok_is_char(w, m->tok_start - 1, '-') &&
		    (w->tokens[m->tok_start].flags & DYAD_TOK_GLUED))
			return 0;
		return (w->tokens[next].flags & DYAD_TOK_WORD) != 0;
	}
	default:
		return 0;
	}
}

void dyad__actor_of(struct dyad__work *w, const struct dyad__mention *m,
                     struct dyad__actor *a)
{
	a->m = m;
	a->tok = m->lead_tok >= 0 ? (size_t)m->lead_tok : m->tok_start;
	a->entity = m->entity;
	a->country = m->country;
	a->name = NULL;
	a->actor = m->actor;
	if (m->entity >= 0) {
		const struct dyad__entity *e = &w->entities[m->entity];
		if (e->country)
			a->country = e->country;
		a->actor = e->actor;
		a->name = e->name;
	}
	if (!a->actor)
		a->actor = a->country;
	if (m->kind == DYAD_MENTION_ADJECTIVE || m->kind == DYAD_MENTION_ROLE) {
		/* the adjective's country with the agent of the title after it */
		size_t next = m->tok_end;
		int32_t k = next < w->n_tokens ? w->tokens[next].mention : -1;
		const char *agent = m->kind == DYAD_MENTION_ROLE ? m->agent
		                  : k >= 0 ? w->mentions[k].agent : NULL;
		if (agent) {
			char buf[16];
			snprintf(buf, sizeof buf, "%s%s", a->country, agent);
			char *s = dyad_arena_strdup(w->arena, buf);
			if (s)
				a->actor = s;
		}
	}
}

void dyad__collect_actors(struct dyad__work *w, size_t s, struct dyad__sentence_ctx *ctx)
{
	const struct dyad__sentence *sent = &w->sentences[s];
	ctx->n_actors = 0;
	for (size_t k = sent->tok_start; k < sent->tok_end && ctx->n_actors < MAX_ACTORS; k++) {
		int32_t mi = w->tokens[k].mention;
		if (mi < 0 || w->mentions[mi].tok_start != k)
			continue;
		const struct dyad__mention *m = &w->mentions[mi];
		if (is_actor_mention(m, w))
			dyad__actor_of(w, m, &ctx->actors[ctx->n_actors++]);
	}
}

/* The actor a slot binds: the first one starting within SLOT_SKIP tokens.
 * A slot also takes a place ("visit to St. Petersburg"): a city stands for
 * its country there, though "in Baku" alone makes nobody an actor. */
const struct dyad__actor *dyad__actor_starting_near(struct dyad__work *w,
                                               struct dyad__sentence_ctx *ctx,
                                               size_t k, size_t end, size_t *after)
{
	/* a slot skips articles, not prepositions: "встрече с X и Y" is no
	 * "встреча $ и +" */
	size_t limit = k;
	while (limit < end && limit < k + SLOT_SKIP && !dyad__tok_kind(w, limit, MOD_PREPOSITION) &&
	       !(w->tokens[limit].flags & DYAD_TOK_PUNCT))
		limit++;
	for (size_t i = 0; i < ctx->n_actors; i++) {
		const struct dyad__actor *a = &ctx->actors[i];
		if (a->tok >= k && a->tok <= limit && a->tok < end) {
			*after = a->m->tok_end;
			return a;
		}
	}
	for (size_t j = k; j < end && j <= limit; j++) {
		int32_t mi = w->tokens[j].mention;
		if (mi < 0 || (w->mentions[mi].kind != DYAD_MENTION_PLACE &&
		               w->mentions[mi].kind != DYAD_MENTION_CAPITAL) ||
		    !w->mentions[mi].country || ctx->n_extra >= MAX_SLOT_PLACES)
			continue;
		struct dyad__actor *a = &ctx->extra[ctx->n_extra++];
		dyad__actor_of(w, &w->mentions[mi], a);
		a->actor = a->country;
		*after = w->mentions[mi].tok_end;
		return a;
	}
	return NULL;
}

const struct dyad__actor *dyad__speaker_actor(struct dyad__work *w,
                                         const struct dyad__sentence_ctx *ctx,
                                         struct dyad__actor *scratch)
{
	if (!ctx->speaker)
		return NULL;
	dyad__actor_of(w, ctx->speaker, scratch);
	return scratch;
}

/* The actor joined to a by "and" / "и" right after it, or NULL. */
const struct dyad__actor *dyad__coordinated_after(const struct dyad__work *w,
                                             const struct dyad__sentence_ctx *ctx,
                                             const struct dyad__actor *a)
{
	if (!a || !a->m)
		return NULL;
	size_t k = a->m->tok_end;
	if (k >= w->n_tokens || !dyad__tok_kind(w, k, MOD_COORDINATOR))
		return NULL;
	for (size_t i = 0; i < ctx->n_actors; i++) {
		const struct dyad__actor *b = &ctx->actors[i];
		if (b->tok > k && b->tok <= k + 1)
			return b;
	}
	return NULL;
}

/* ---- the tree side (reading.h) ---------------------------------------- */

#define NOMINAL_DEPTH 3 /* "the head of the foreign ministry of X" */

/* The actor whose mention covers token k, or NULL. */
static const struct dyad__actor *actor_covering(const struct dyad__sentence_ctx *ctx, size_t k)
{
	for (size_t i = 0; i < ctx->n_actors; i++)
		if (ctx->actors[i].m->tok_start <= k && k < ctx->actors[i].m->tok_end)
			return &ctx->actors[i];
	return NULL;
}

static void side_add(struct dyad__side *side, const struct dyad__actor *a)
{
	for (size_t i = 0; i < side->n; i++)
		if (side->a[i] == a)
			return;
	if (side->n < DYAD_SIDE_MAX)
		side->a[side->n++] = a;
}

/* The relations inside a nominal that lead to who it stands for: "the
 * President of X", "Russia's minister", "the Russian side", a name's
 * parts, an apposition ("the minister, Lavrov"). Clauses inside it
 * (relative, participial) keep their own actors. */
static int nominal_rel(enum dyad_deprel rel)
{
	switch (dyad_deprel_universal(rel)) {
	case DYAD_DEPREL_NMOD:
	case DYAD_DEPREL_AMOD:
	case DYAD_DEPREL_COMPOUND:
	case DYAD_DEPREL_FLAT:
	case DYAD_DEPREL_APPOS:
		return 1;
	default:
		return rel == DYAD_DEPREL_NMOD_POSS || rel == DYAD_DEPREL_FLAT_NAME;
	}
}

static int collect(const struct dyad__tree *t, const struct dyad__sentence_ctx *ctx,
                   size_t node, struct dyad__side *side, int depth);

/* "the foreign ministers of A, B and C": a title that stands for one
 * person is several when its "of" phrase names several countries. */
static int several_owners(const struct dyad__tree *t, const struct dyad__sentence_ctx *ctx,
                          size_t node, struct dyad__side *side, int depth)
{
	for (int32_t c = dyad__tree_first(t, node); c >= 0; c = dyad__tree_next(t, (size_t)c)) {
		int32_t cs = dyad__tree_case(t, (size_t)c);
		if (dyad__tree_urel(t, (size_t)c) != DYAD_DEPREL_NMOD ||
		    (cs >= 0 && !dyad__tok_kind(t->w, (size_t)cs, MOD_GENITIVE)))
			continue;
		struct dyad__side owners = {.n = 0, .node = c};
		if (collect(t, ctx, (size_t)c, &owners, depth + 1) && owners.n >= 2) {
			for (size_t i = 0; i < owners.n; i++)
				side_add(side, owners.a[i]);
			return 1;
		}
	}
	return 0;
}

static int collect(const struct dyad__tree *t, const struct dyad__sentence_ctx *ctx,
                   size_t node, struct dyad__side *side, int depth)
{
	const struct dyad__actor *a = actor_covering(ctx, node);
	int found = a != NULL;
	if (a && !(depth < NOMINAL_DEPTH && several_owners(t, ctx, node, side, depth)))
		side_add(side, a);
	/* "the UN Charter" is a document: a name's compounds do not act */
	int name = dyad__tree_upos(t, node) == DYAD_UPOS_PROPN;
	for (int32_t c = dyad__tree_first(t, node); c >= 0 && !found && depth < NOMINAL_DEPTH;
	     c = dyad__tree_next(t, (size_t)c)) {
		enum dyad_deprel rel = dyad__tree_rel(t, (size_t)c);
		/* "Russia's attacks": the possessive "'s" is no preposition (of
		 * the nominal itself, not of one nested in it: "the renewal of
		 * Venezuela's claim" is no Venezuelan act) */
		if (nominal_rel(rel) &&
		    (dyad__tree_case(t, (size_t)c) < 0 ||
		     (rel == DYAD_DEPREL_NMOD_POSS && depth == 0)) &&
		    !(name && rel == DYAD_DEPREL_COMPOUND))
			found = collect(t, ctx, (size_t)c, side, depth + 1);
	}
	/* "the President of X": the "of" phrase, after the bare modifiers (not
	 * "the ambassador to X", "the situation in X") */
	for (int32_t c = dyad__tree_first(t, node); c >= 0 && !found && depth < NOMINAL_DEPTH;
	     c = dyad__tree_next(t, (size_t)c)) {
		int32_t cs = dyad__tree_case(t, (size_t)c);
		if (dyad__tree_urel(t, (size_t)c) == DYAD_DEPREL_NMOD && cs >= 0 &&
		    dyad__tok_kind(t->w, (size_t)cs, MOD_GENITIVE))
			found = collect(t, ctx, (size_t)c, side, depth + 1);
	}
	/* "атаки со стороны Пакистана": a noun of the language's agent_noun
	 * list passes its genitive on, whatever its preposition */
	for (int32_t c = dyad__tree_first(t, node); c >= 0 && !found && depth < NOMINAL_DEPTH;
	     c = dyad__tree_next(t, (size_t)c))
		if (dyad__tree_urel(t, (size_t)c) == DYAD_DEPREL_NMOD &&
		    dyad__tree_case(t, (size_t)c) >= 0 &&
		    dyad__tok_kind(t->w, (size_t)c, MOD_AGENT_NOUN))
			found = collect(t, ctx, (size_t)c, side, depth + 1);
	/* conjuncts: "Russia and Kazakhstan", "the presidents of A and B" */
	for (int32_t c = dyad__tree_first(t, node); c >= 0; c = dyad__tree_next(t, (size_t)c))
		if (dyad__tree_rel(t, (size_t)c) == DYAD_DEPREL_CONJ)
			found |= collect(t, ctx, (size_t)c, side, depth);
	return found;
}

size_t dyad__actors_at(const struct dyad__tree *t, const struct dyad__sentence_ctx *ctx,
                       int32_t node, struct dyad__side *side)
{
	size_t before = side->n;
	if (node >= 0)
		collect(t, ctx, (size_t)node, side, 0);
	return side->n - before;
}
