/*
 * resolvers.c - who acts on whom: the source and the target of a predicate.
 *
 * For each predicate the lexicon finds (verbs.h), the coder looks for its
 * actors with a shallow reading of the clause instead of a parse tree:
 *   - slots of the pattern ("visit to +") bind the actor found there;
 *   - else the source is the nearest actor before the predicate and the
 *     target the first actor after it ("X praised Y", "X встретился с Y");
 *   - passive voice ("was praised by X") swaps them;
 *   - inside reported speech, a first-person or missing subject is the
 *     speaker ("We highly appreciate ...", said Aliyev);
 *   - coordinated actors ("Russia and Azerbaijan discussed", a meeting "with
 *     the participation of A and B") make a joint event in both directions;
 *     several subjects with a target each act on it;
 *   - a verbal noun takes "of X" as its actor ("the visit of X to Y") - or
 *     its victim for violence - and a partner close by;
 *   - what the tree did bind stays: its sources (the target alone is then
 *     looked for, never among their countries) or its targets (never taken
 *     for the source);
 *   - negation next to the predicate drops it; modality turns it into an
 *     intention (data/cameo/intent.tsv); what is demanded, urged, intended
 *     or rejected is not coded as done.
 * Each event takes the date its sentence names (else the publication
 * date), the sentence's place (else the dateline) and a background flag
 * when it clearly precedes publication. Events between the same actors
 * with the same code are one record with several mentions.
 */
#include <string.h>

#include "events/coder.h"
#include "events/confidence.h"
#include "events/speech.h"
#include "kb/engine.h"
#include "kb/lang.h"
#include "text/words.h"

#define NOUN_TARGET_WINDOW 4 /* "визит главы МИД в Баку": tokens to the partner */
#define OWNER_SKIP 3       /* "the visit of the President of X": to the actor */

/* Actors before the anchor joined by "and": "Russia and Azerbaijan agreed".
 * Actors inside "between A and B" or across a clause boundary are not the
 * subject. */
static size_t coordinated_before(const struct dyad__work *w, const struct dyad__sentence_ctx *ctx,
                                 size_t s_start, size_t anchor, int verb,
                                 const struct dyad__actor **out, size_t max)
{
	size_t n = 0;
	int coordinated = 0;
	for (size_t i = ctx->n_actors; i-- > 0 && n < max;) {
		const struct dyad__actor *a = &ctx->actors[i];
		if (a->tok >= anchor)
			continue;
		/* "Токаев поблагодарил Путина ... и пригласил его": the object of
		 * the first verb is not the subject of the second */
		if (n == 0 && a->was_target && verb && dyad__coordinated_verb(w, s_start, anchor))
			continue;
		size_t from = n ? out[n - 1]->tok : anchor;
		int crossed = 0;
		for (size_t k = a->m->tok_end; k < from; k++)
			if (dyad__clause_break(w, k))
				crossed = 1;
		if (crossed)
			break;
		if (n > 0) {
			/* the gap to the previous one must be a coordinator or a comma */
			size_t gap = out[n - 1]->tok - a->m->tok_end;
			size_t k = a->m->tok_end;
			int by_and = gap <= 2 && dyad__tok_kind(w, k, MOD_COORDINATOR);
			int joined = by_and || (gap <= 2 && (w->tokens[k].flags & DYAD_TOK_PUNCT));
			if (!joined)
				break;
			coordinated |= by_and;
		}
		out[n++] = a;
	}
	/* "A, B" with no "and" is no list ("According to X, Y shelled ..."),
	 * unless the sentence opens with it, headline style ("Türkiye, Iran
	 * sign 10 agreements") */
	if (n > 1 && !coordinated) {
		int opens = 1;
		for (size_t k = s_start; k < out[n - 1]->tok && opens; k++)
			opens = (w->tokens[k].flags & DYAD_TOK_PUNCT) != 0;
		if (!opens)
			n = 1;
	}
	/* "cooperation between Kyrgyzstan and Azerbaijan, we propose", "the
	 * development of relations of A and B": a prepositional phrase, not the
	 * subject ("the presidents of A and B met" keeps theirs) */
	if (n) {
		size_t first = out[n - 1]->tok;
		if (first > s_start && (dyad__tok_kind(w, first - 1, MOD_BETWEEN) ||
		                        (dyad__tok_kind(w, first - 1, MOD_GENITIVE) && first - 1 > s_start &&
		                         dyad__predicate_word(w, first - 2))))
			return 0;
	}
	return n;
}

/* "visit of X": the actor an "of" right after a verbal noun introduces. */
static const struct dyad__actor *noun_owner(const struct dyad__work *w,
                                      const struct dyad__sentence_ctx *ctx, size_t first,
                                      size_t last, size_t end)
{
	/* "Russia's strikes", "Россия's" is English only: the possessive */
	if (first >= 2 && dyad__tok_kind(w, first - 1, MOD_POSSESSIVE))
		for (size_t i = 0; i < ctx->n_actors; i++)
			if (ctx->actors[i].m->tok_end == first - 1)
				return &ctx->actors[i];
	size_t k = last + 1;
	if (k >= end)
		return NULL;
	/* "удары России по ...": where the owner follows the noun in the
	 * genitive, an actor right after the noun itself is the one who acts */
	const struct dyad__lang *lang = dyad__tok_lang(w, first);
	if (lang && lang->genitive_after_noun) {
		if (last != first)
			return NULL; /* "переговоры с X": the pattern has placed its actors */
		for (size_t i = 0; i < ctx->n_actors; i++)
			if (ctx->actors[i].tok == k && ctx->actors[i].m->tok_start == k &&
			    !dyad__dative_shaped(w, k))
				return &ctx->actors[i];
		return NULL;
	}
	if (!dyad__tok_kind(w, k, MOD_GENITIVE))
		return NULL;
	for (size_t i = 0; i < ctx->n_actors; i++) {
		const struct dyad__actor *a = &ctx->actors[i];
		if (a->tok > k && a->tok <= k + OWNER_SKIP)
			return a;
	}
	return NULL;
}

/* The first actor after token k introduced by a preposition ("to X",
 * "with X") within NOUN_TARGET_WINDOW tokens. */
static const struct dyad__actor *actor_after_prep(struct dyad__work *w, struct dyad__sentence_ctx *ctx,
                                            size_t k, size_t end)
{
	/* past what belongs to the actor before: "министра ... Ирана в Баку" */
	while (k < end && w->tokens[k].mention >= 0 && w->mentions[w->tokens[k].mention].attached)
		k++;
	if (k >= end || !dyad__tok_kind(w, k, MOD_PREPOSITION) || dyad__tok_kind(w, k, MOD_GENITIVE))
		return NULL;
	/* the destination of a visit may be a city: "визит ... в Баку" */
	size_t after;
	return dyad__actor_starting_near(w, ctx, k + 1, end, &after);
}

/* "talks between A and B", "переговоры между A и B": the two parties of a
 * joint predicate named after it. */
static int between_after(const struct dyad__work *w, const struct dyad__sentence_ctx *ctx,
                         size_t last, const struct dyad__actor **a, const struct dyad__actor **b)
{
	size_t k = last + 1;
	if (k >= w->n_tokens || !dyad__tok_kind(w, k, MOD_BETWEEN))
		return 0;
	*a = *b = NULL;
	for (size_t i = 0; i < ctx->n_actors; i++) {
		const struct dyad__actor *x = &ctx->actors[i];
		if (x->tok <= k)
			continue;
		if (!*a) {
			*a = x;
			continue;
		}
		size_t gap = x->tok - (*a)->m->tok_end;
		if (gap <= 2 && x->country && (*a)->country && strcmp(x->country, (*a)->country) != 0) {
			*b = x;
			return 1;
		}
		return 0;
	}
	return 0;
}

/* What the resolvers know about one predicate while they decide. */
struct reading {
	struct dyad__work *w;
	size_t s;                           /* the sentence */
	const struct dyad__sentence *sent;
	struct dyad__sentence_ctx *ctx;
	struct dyad__match m;               /* the match, with its intent code */
	size_t anchor;                      /* first token of the predicate */
	unsigned flags;                     /* DYAD_EVENT_* */
	int noun;                           /* the predicate is a (verbal) noun */
	int passive;
	const struct dyad__actor *src, *tgt;
	const struct dyad__actor *before[4]; /* coordinated subjects, nearest first */
	size_t n_before;
	struct dyad__actor scratch;         /* the speaker, when an actor is */
	int src_is_speaker;                 /* the source is that speaker */
};

/* Say how the events about to be emitted were bound (confidence.h). */
static void bind(struct reading *r, enum dyad__binding how)
{
	r->m.confidence = dyad__confidence(how, r->flags);
}

/* In the predicate's language a verb form after a determiner is a noun:
 * "the fight" (lang.tsv, noun_after_determiner). */
static int noun_after_determiner(const struct dyad__work *w, size_t anchor)
{
	const struct dyad__lang *lang = dyad__tok_lang(w, anchor);
	return lang && lang->noun_after_determiner;
}

/* Step 1: whether the predicate is an event at all, and how it reads:
 * negated, said, a modifier, a topic or a dropped intention are no event
 * (returns 0); an intention takes its intent code. */
static int read_predicate(struct reading *r)
{
	struct dyad__work *w = r->w;
	const struct dyad__sentence *sent = r->sent;
	const struct dyad__match *m = &r->m;
	size_t anchor = r->anchor;
	if (dyad__negated(w, sent->tok_start, sent->tok_end, anchor))
		return 0;
	r->flags = dyad__modal(w, sent->tok_start, anchor) || (m->p->flags & VERB_INTENT)
	                   ? DYAD_EVENT_INTENT : 0;
	if (m->p->flags & VERB_SPEECH)
		return 0; /* "X said": the statement's content carries the events */
	/* "the meetings of", "talks after the meeting": a verb's -ing form
	 * used as its noun takes the frame of a noun */
	r->noun = (m->p->flags & VERB_NOUN) ||
	          dyad__gerund_as_noun(w, sent->tok_start, anchor, sent->tok_end) ||
	          (anchor > sent->tok_start && dyad__tok_kind(w, anchor - 1, MOD_DETERMINER) &&
	           noun_after_determiner(w, anchor) &&
	           !dyad__used_as_modifier(w, sent->tok_start, anchor)); /* "the fight" */
	if (!r->noun && dyad__used_as_modifier(w, sent->tok_start, anchor))
		return 0;
	if (r->noun && dyad__topic_complement(w, sent->tok_start, anchor))
		return 0;
	if (r->flags & DYAD_EVENT_INTENT) {
		/* "plans to visit" is an intention to meet (036), not a visit */
		const char *root_code = w->engine->cameo.intent_code[(m->p->code[0] - '0') * 10 +
		                                                      (m->p->code[1] - '0')];
		if (!root_code || strcmp(root_code, "drop") == 0)
			return 0;
		if (strcmp(root_code, "keep") != 0)
			r->m.code = root_code;
	}
	return 1;
}

/* Actor a is one of list, or of the country of one of them. */
static int among(const struct dyad__actor *const *list, size_t n, const struct dyad__actor *a)
{
	for (size_t i = 0; i < n; i++)
		if (list[i] == a || (a->country && list[i]->country &&
		                     strcmp(a->country, list[i]->country) == 0))
			return 1;
	return 0;
}

/* Step 2: the voice and the coordinated subjects before the predicate. */
static void read_voice(struct reading *r)
{
	struct dyad__work *w = r->w;
	const struct dyad__sentence *sent = r->sent;
	const struct dyad__match *m = &r->m;
	size_t anchor = r->anchor;
	r->src = m->source;
	r->tgt = m->target;
	/* "was praised by X", and the reduced form "sanctions imposed by X" */
	int by_follows = m->last + 1 < sent->tok_end && dyad__tok_kind(w, m->last + 1, MOD_PASSIVE_BY) &&
	                 !r->noun;
	r->passive = (m->p->flags & VERB_PASSIVE) ||
	             (by_follows && ((anchor > sent->tok_start &&
	                              dyad__tok_kind(w, anchor - 1, MOD_PASSIVE_AUX)) ||
	                             dyad__participle_shaped(w, anchor))) ||
	             dyad__short_participle_after_aux(w, sent->tok_start, anchor);
	r->n_before = coordinated_before(w, r->ctx, sent->tok_start, anchor, !r->noun,
	                                 r->before, 4);
	if (m->n_tree_tgt && !r->passive && !m->source && !m->target) {
		/* "Российского посла вызвали в МИД": the object the tree found
		 * is the target, never the subject by position */
		size_t kept = 0;
		for (size_t i = 0; i < r->n_before; i++)
			if (!among(m->tree_tgt, m->n_tree_tgt, r->before[i]))
				r->before[kept++] = r->before[i];
		r->n_before = kept;
		r->tgt = m->tree_tgt[0];
	}
}

/* Emit the event both ways between a and b. */
static dyad_status emit_both(struct reading *r, const struct dyad__actor *a,
                             const struct dyad__actor *b)
{
	dyad_status st = dyad__emit(r->w, r->s, &r->m, a, b, r->flags);
	return st == DYAD_OK ? dyad__emit(r->w, r->s, &r->m, b, a, r->flags) : st;
}

/* Step 3: "the visit of the President of Kyrgyzstan to Azerbaijan", "the
 * meetings of the commission of the CIS": after a verbal noun, "of X" names
 * who acts, not whom it is done to; "the deportation of Ukrainian
 * children": the "of X" of violence is whom it is done to. Returns 1 when
 * that decides the predicate (*st its status). */
static int resolve_owner(struct reading *r, dyad_status *st)
{
	const struct dyad__match *m = &r->m;
	const struct dyad__actor *owner =
		r->noun && !m->source ? noun_owner(r->w, r->ctx, m->first, m->last, r->sent->tok_end)
		                      : NULL;
	*st = DYAD_OK;
	if (owner && !m->target && dyad__violent(r->w, m)) {
		r->tgt = owner;
		owner = NULL;
	}
	if (!owner)
		return 0;
	const struct dyad__actor *second = dyad__coordinated_after(r->w, r->ctx, owner);
	bind(r, DYAD_BIND_NOUN);
	if (second && !m->target) { /* "the meeting of the presidents of A and B" */
		*st = emit_both(r, owner, second);
		return 1;
	}
	r->src = owner;
	if (!r->tgt)
		r->tgt = actor_after_prep(r->w, r->ctx, owner->m->tok_end, r->sent->tok_end);
	return r->tgt == NULL;
}

/* Step 4: the source by default: the subject before the predicate, else
 * the speaker of reported speech; "we propose ...": the speaker, even after
 * other actors. */
static void resolve_subject(struct reading *r)
{
	const struct dyad__sentence_ctx *ctx = r->ctx;
	int we = dyad__first_person_subject(r->w,
	                                    r->n_before ? r->before[0]->m->tok_end
	                                                : r->sent->tok_start,
	                                    r->anchor) && ctx->speaker;
	if (we)
		r->n_before = 0;
	if (!r->src && !r->passive) {
		if (r->n_before)
			r->src = r->before[0];
		else if (ctx->speaker) {
			r->src = dyad__speaker_actor(r->w, ctx, &r->scratch);
			r->src_is_speaker = 1;
		}
	}
}

/* Step 5: "... his Iranian counterpart Raisi following their meeting": a
 * verbal noun owned by "their" is joint between the two last named.
 * Returns 1 when that decides the predicate. */
static int resolve_their(struct reading *r, dyad_status *st)
{
	const struct dyad__sentence_ctx *ctx = r->ctx;
	size_t anchor = r->anchor;
	if (!r->noun || r->m.target || anchor <= r->sent->tok_start ||
	    !dyad__tok_kind(r->w, anchor - 1, MOD_JOINT_OWNER))
		return 0;
	const struct dyad__actor *x = NULL, *y = NULL;
	for (size_t i = ctx->n_actors; i-- > 0;) {
		const struct dyad__actor *a = &ctx->actors[i];
		if (a->tok >= anchor || !a->country)
			continue;
		if (!x)
			x = a;
		else if (strcmp(a->country, x->country) != 0) {
			y = a;
			break;
		}
	}
	if (!x || !y)
		return 0;
	bind(r, DYAD_BIND_PAIR);
	*st = emit_both(r, y, x);
	return 1;
}

/* Step 6: "normalisation of relations between A and B": the pair, whoever
 * the sentence's subject is. Returns 1 when that decides the predicate. */
static int resolve_between(struct reading *r, dyad_status *st)
{
	const struct dyad__actor *pa, *pb;
	if ((r->src && !r->noun) || r->m.target ||
	    !between_after(r->w, r->ctx, r->m.last, &pa, &pb))
		return 0;
	bind(r, DYAD_BIND_PAIR);
	/* "we hope there will be reconciliation between Armenians and
	 * Azerbaijanis", said by an Azerbaijani: the hope is the speaker's */
	struct dyad__actor speaker;
	const char *own = r->ctx->speaker ? dyad__speaker_actor(r->w, r->ctx, &speaker)->country
	                                  : NULL;
	if ((r->flags & DYAD_EVENT_INTENT) && own &&
	    dyad__first_person_subject(r->w, r->sent->tok_start, r->anchor)) {
		if (pa->country && strcmp(pa->country, own) == 0) {
			*st = dyad__emit(r->w, r->s, &r->m, pa, pb, r->flags);
			return 1;
		}
		if (pb->country && strcmp(pb->country, own) == 0) {
			*st = dyad__emit(r->w, r->s, &r->m, pb, pa, r->flags);
			return 1;
		}
	}
	*st = emit_both(r, pa, pb);
	return 1;
}

/* Actor a is of the country of one of the sources the tree bound: "the
 * Ethiopian and Eritrean forces killed ...": co-agents, not each other's
 * targets. */
static int among_tree_sources(const struct dyad__match *m, const struct dyad__actor *a)
{
	return among(m->tree_src, m->n_tree_src, a);
}

/* Step 7: the target by default: the first actor after the predicate, in
 * its clause, of another country than the source. */
static void resolve_object(struct reading *r)
{
	struct dyad__work *w = r->w;
	const struct dyad__match *m = &r->m;
	const struct dyad__sentence_ctx *ctx = r->ctx;
	if (r->tgt)
		return;
	for (size_t i = 0; i < ctx->n_actors; i++) {
		const struct dyad__actor *a = &ctx->actors[i];
		/* from the anchor: a skip ("потребовать * освобождения") may
		 * have passed over the object ("от Азербайджана") */
		if (a->tok <= m->first)
			continue;
		int crossed = 0;
		for (size_t k = m->first + 1; k < a->tok; k++)
			/* "demanded that France stop": the object clause itself */
			if ((dyad__clause_break(w, k) && (k > m->last + 1 || !dyad__clause_names_target(m))) ||
			    dyad__is_cue(w, k) ||
			    (r->noun && dyad__tok_is_char(w, k, ',')))
				crossed = 1;
		if (crossed)
			break;
		/* a verbal noun takes its partner close by: "talks with X" */
		if (r->noun && a->tok > m->last + NOUN_TARGET_WINDOW)
			break;
		/* "cooperation against the PKK": whom a cooperative act is
		 * against is not its partner */
		if (dyad__cooperative(w, m) && dyad__after_against(w, r->sent->tok_start, a->tok))
			continue;
		const struct dyad__actor *src = r->src;
		if (among_tree_sources(&r->m, a))
			continue;
		if (!src || !a->country || !src->country || strcmp(a->country, src->country) != 0) {
			r->tgt = a;
			break;
		}
	}
}

/* Step 8: joint acts of coordinated subjects: "Germany and France condemned
 * Russia" (each of them), "A and B signed" (both ways); a reciprocal act is
 * between the subjects, whoever else the sentence names ("Russia and
 * Ukraine exchanged prisoners through the mediation of the UAE"). Returns 1
 * when that decides the predicate. */
static int resolve_joint(struct reading *r, dyad_status *st)
{
	*st = DYAD_OK;
	if (r->passive || r->n_before < 2 || r->m.source)
		return 0;
	bind(r, DYAD_BIND_PAIR);
	if (r->tgt && !(r->m.p->flags & VERB_JOINT)) {
		for (size_t i = 0; i < r->n_before; i++)
			for (const struct dyad__actor *t = r->tgt; t;
			     t = dyad__coordinated_after(r->w, r->ctx, t))
				if ((*st = dyad__emit(r->w, r->s, &r->m, r->before[i], t, r->flags)) !=
				    DYAD_OK)
					return 1;
		return 1;
	}
	for (size_t i = 0; i < r->n_before; i++)
		for (size_t j = 0; j < r->n_before; j++)
			if (i != j && (*st = dyad__emit(r->w, r->s, &r->m, r->before[i], r->before[j],
			                                r->flags)) != DYAD_OK)
				return 1;
	return 1;
}

/* Actor a is a country named as a place: "in" (the language's locative
 * words) right before it, the accusative of a direction ("визит в
 * Узбекистан") excepted. */
static int place_before(const struct reading *r, const struct dyad__actor *a)
{
	if (a->m->kind != DYAD_MENTION_COUNTRY || a->tok <= r->sent->tok_start ||
	    !dyad__tok_kind(r->w, a->tok - 1, MOD_LOCATIVE))
		return 0;
	const struct dyad__tok_grammar *g = dyad__tok_grammar(r->w, a->tok);
	return !g || dyad_ud_feat_get(g->feats, DYAD_FEAT_Case) !=
	                 dyad_ud_feat_value_parse(DYAD_FEAT_Case, "Acc", 3);
}

/* Step 9: a meeting told from its place, with no subject: the two parties
 * after the noun. Returns 1 when that decides the predicate. */
static int resolve_meeting(struct reading *r, dyad_status *st)
{
	const struct dyad__actor *tgt = r->tgt;
	int consult = r->m.code[0] == '0' && r->m.code[1] == '4';
	if (r->src || !tgt || !consult)
		return 0;
	/* "a meeting in Uzbekistan that X and Y attend": the place is no party */
	if (place_before(r, tgt)) {
		r->tgt = NULL;
		return 1;
	}
	const struct dyad__actor *second = NULL;
	for (size_t i = 0; i < r->ctx->n_actors; i++) {
		const struct dyad__actor *a = &r->ctx->actors[i];
		if (a != tgt && a->tok > tgt->tok && a->country && tgt->country &&
		    strcmp(a->country, tgt->country) != 0) {
			second = a;
			break;
		}
	}
	if (!second)
		return 0;
	if (place_before(r, second)) /* "... to support our brothers in Haiti" */
		return 1;
	bind(r, DYAD_BIND_PARTIES_AFTER);
	*st = dyad__emit(r->w, r->s, &r->m, tgt, second, r->flags);
	return 1;
}

/* The last step: "met with A and B": the source acts on each of them. */
static dyad_status emit_on_targets(struct reading *r)
{
	struct dyad__sentence_ctx *ctx = r->ctx;
	dyad_status st;
	for (const struct dyad__actor *t = r->tgt; t; t = dyad__coordinated_after(r->w, ctx, t)) {
		if (t >= ctx->actors && t < ctx->actors + ctx->n_actors)
			ctx->actors[t - ctx->actors].was_target = 1;
		if ((st = dyad__emit(r->w, r->s, &r->m, r->src, t, r->flags)) != DYAD_OK)
			return st;
		if ((r->m.p->flags & VERB_JOINT) &&
		    (st = dyad__emit(r->w, r->s, &r->m, t, r->src, r->flags)) != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}

/* "открыли огонь друг по другу": a reciprocal after the predicate makes
 * its subjects each other's targets. */
static int reciprocal_after(const struct reading *r)
{
	for (size_t k = r->m.last + 1; k < r->sent->tok_end; k++)
		if (dyad__tok_kind(r->w, k, MOD_RECIPROCAL))
			return 1;
	return 0;
}

/* Step 2b, instead of the others: the tree bound the source by relation
 * but no target ("Russia launches drone attack on Kyiv", "on Kyiv" hung
 * from the noun): the sources stay the tree's, each acting on the first
 * actor after the predicate that is none of them. */
static int resolve_tree_source(struct reading *r, dyad_status *st)
{
	*st = DYAD_OK;
	r->src = r->m.tree_src[0];
	resolve_object(r);
	/* one subject and no target: a cooperative or mutual act may still be
	 * read by the other steps (the coordinated subjects the tree missed);
	 * a one-sided conflict act has no one to be aimed at ("Ethiopian and
	 * Eritrean forces ... killing civilians") */
	if (!r->tgt && r->m.n_tree_src < 2)
		return dyad__cooperative(r->w, &r->m) || (r->m.p->flags & VERB_JOINT) ||
		               reciprocal_after(r)
		           ? 0
		           : 1;
	bind(r, DYAD_BIND_TREE_SOURCE);
	if (!r->tgt) {
		/* "Türkiye, Iran sign 10 agreements", "A and B agreed to
		 * expand cooperation": a cooperative act of several subjects is
		 * between them; a conflict act is not ("Ethiopian and Eritrean
		 * forces killed ...", "A and B refused to ...") */
		if (!dyad__cooperative(r->w, &r->m))
			return 1;
		for (size_t i = 0; i < r->m.n_tree_src && *st == DYAD_OK; i++)
			for (size_t j = 0; j < r->m.n_tree_src && *st == DYAD_OK; j++)
				if (i != j)
					*st = dyad__emit(r->w, r->s, &r->m, r->m.tree_src[i],
					                r->m.tree_src[j], r->flags);
		return 1;
	}
	for (size_t i = 0; i < r->m.n_tree_src && *st == DYAD_OK; i++) {
		r->src = r->m.tree_src[i];
		*st = emit_on_targets(r);
	}
	return 1;
}

dyad_status dyad__code_predicate(struct dyad__work *w, size_t s,
                                 struct dyad__sentence_ctx *ctx, const struct dyad__match *m)
{
	struct reading r;
	memset(&r, 0, sizeof r);
	r.w = w;
	r.s = s;
	r.sent = &w->sentences[s];
	r.ctx = ctx;
	r.m = *m;
	r.anchor = m->first;
	if (!read_predicate(&r))
		return DYAD_OK;
	read_voice(&r);
	if (r.m.p->flags & VERB_TARGET_SUBJECT) {
		/* "X's role in ... deserves the highest praise": the speaker praises
		 * X, the head of the clause's subject */
		if (!ctx->speaker || !ctx->n_actors || ctx->actors[0].tok >= r.anchor)
			return DYAD_OK;
		bind(&r, DYAD_BIND_SPEAKER);
		return dyad__emit(w, s, &r.m, dyad__speaker_actor(w, ctx, &r.scratch),
		                  &ctx->actors[0], r.flags);
	}
	dyad_status st = DYAD_OK;
	if (r.m.n_tree_src && !r.passive && !r.m.source && !r.m.target &&
	    resolve_tree_source(&r, &st))
		return st;
	if (resolve_owner(&r, &st))
		return st;
	resolve_subject(&r);
	if (resolve_their(&r, &st) || resolve_between(&r, &st))
		return st;
	resolve_object(&r);
	if (r.passive) {
		/* "X was praised by Y": Y acts on X; a "by $" slot bound Y already */
		const struct dyad__actor *by = r.m.source ? r.m.source : r.tgt;
		r.tgt = r.n_before ? r.before[0] : NULL;
		r.src = by;
	}
	if (resolve_joint(&r, &st) || resolve_meeting(&r, &st))
		return st;
	bind(&r, r.m.source || r.m.target ? DYAD_BIND_SLOTS
	         : r.passive              ? DYAD_BIND_PASSIVE
	         : r.src_is_speaker       ? DYAD_BIND_SPEAKER
	         : r.noun                 ? DYAD_BIND_NOUN
	                                  : DYAD_BIND_POSITIONS);
	return emit_on_targets(&r);
}
