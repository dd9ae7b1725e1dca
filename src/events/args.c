/*
 * args.c - who acts on whom, read from the dependency tree (reading.h).
 *
 * A verb's source is its subject (nsubj, or the one its clause passes
 * down: clauses.c); in the passive, the agent (obl:agent, or an
 * instrumental oblique without a preposition, the Russian agent). Its
 * target is the oblique or nominal modifier that carries the pattern's
 * preposition ("meet with +": the obl whose case is "with"), else its
 * object, indirect object or first oblique that names an actor. A verbal
 * noun's source is its possessor, a nationality adjective, its "of"/"by"
 * or bare genitive modifier, or the subject of the light verb it is the
 * object of ("X carried out strikes"); of violence, an "of" with no other
 * target names the victim. "Between A and B" is the pair. The resolvers
 * (negation, modality, complement, speech, background) decide first
 * whether there is an event at all.
 */
#include <string.h>

#include "events/confidence.h"
#include "events/reading.h"
#include "kb/engine.h"
#include "text/words.h"

#define FRAME_MAX 8 /* tokens of one predicate */

struct tree_reading {
	struct dyad__work *w;
	size_t s;
	const struct dyad__tree *t;
	struct dyad__sentence_ctx *ctx;
	const struct dyad__matches *all;
	struct dyad__match *m;
	size_t p;                     /* the anchor token */
	size_t frame[FRAME_MAX];      /* the predicate's own tokens */
	size_t n_frame;
	int noun, passive;
	unsigned flags;
	struct dyad__side src, tgt;
	int pair;                     /* src holds the parties of a joint act */
};

/* The pattern's word right before its target slot ("with" of "meet with
 * +"), or NULL. */
static const struct dyad__elem *target_marker(const struct dyad__pattern *p)
{
	/* "призвать + к": the verb itself is no preposition */
	for (size_t e = (size_t)p->anchor + 2; e < p->n_elems; e++)
		if (p->elems[e].kind == ELEM_TARGET) {
			const struct dyad__elem *b = &p->elems[e - 1];
			return b->kind == ELEM_STEM || b->kind == ELEM_EXACT ? b : NULL;
		}
	return NULL;
}

static int in_frame(const struct tree_reading *r, size_t k)
{
	for (size_t i = 0; i < r->n_frame; i++)
		if (r->frame[i] == k)
			return 1;
	return 0;
}

/* The predicate's tokens (the anchor and the pattern's words after it),
 * and the one that heads them in the tree: "визит" of "государственный
 * визит", "talks" of "hold talks" is the object of "hold". */
static void frame_of(struct tree_reading *r)
{
	r->n_frame = 0;
	for (size_t k = r->m->first; k <= r->m->last && r->n_frame < FRAME_MAX; k++)
		if ((r->w->tokens[k].flags & DYAD_TOK_WORD) && r->w->tokens[k].mention < 0)
			r->frame[r->n_frame++] = k;
	/* of the tokens headed from outside, a verb, else a noun ("joint
	 * exercise": "joint" and "exercise" both modify a name) */
	static const int rank[DYAD_UPOS_X + 1] = {[DYAD_UPOS_VERB] = 3, [DYAD_UPOS_NOUN] = 2,
	                                          [DYAD_UPOS_PROPN] = 1};
	int best = -1;
	r->p = r->m->first;
	for (size_t i = 0; i < r->n_frame; i++) {
		int32_t h = dyad__tree_head(r->t, r->frame[i]);
		enum dyad_upos u = dyad__tree_upos(r->t, r->frame[i]);
		int score = u <= DYAD_UPOS_X ? rank[u] : 0;
		if ((h < 0 || !in_frame(r, (size_t)h)) && score > best) {
			best = score;
			r->p = r->frame[i];
		}
	}
}

/* A child of the frame whose preposition is the pattern's marker. */
static int32_t marked_argument(const struct tree_reading *r, const struct dyad__elem *marker)
{
	for (size_t i = 0; i < r->n_frame; i++)
		for (int32_t c = dyad__tree_first(r->t, r->frame[i]); c >= 0;
		     c = dyad__tree_next(r->t, (size_t)c)) {
			if (in_frame(r, (size_t)c))
				continue;
			int32_t cs = dyad__tree_case(r->t, (size_t)c);
			if (cs >= 0 && dyad__elem_matches(r->w, marker, (size_t)cs))
				return c;
		}
	return -1;
}

/* An oblique the default target may be: not a place ("in Baku"), a topic
 * ("on the ceasefire"), the "between" of a pair, or what a cooperative act
 * is against. */
static int plain_oblique(const struct tree_reading *r, size_t c)
{
	int32_t cs = dyad__tree_case(r->t, c);
	if (cs < 0)
		return dyad__tree_feat_is(r->t, c, DYAD_FEAT_Case, "Dat");
	static const enum dyad__modifier not_target[] = {MOD_LOCATIVE, MOD_TOPIC, MOD_BETWEEN,
	                                                 MOD_GENITIVE, MOD_PASSIVE_BY};
	for (size_t i = 0; i < sizeof not_target / sizeof not_target[0]; i++)
		if (dyad__tok_kind(r->w, (size_t)cs, not_target[i]))
			return 0;
	return !(dyad__cooperative(r->w, r->m) && dyad__tok_kind(r->w, (size_t)cs, MOD_AGAINST));
}

/* The target by default: object, indirect object, then the first plain
 * oblique (verbs) or prepositional modifier (nouns) that names an actor. */
static void default_target(struct tree_reading *r)
{
	static const enum dyad_deprel order[] = {DYAD_DEPREL_OBJ, DYAD_DEPREL_IOBJ};
	int pass = 0;
	int32_t subj = r->noun ? -1 : dyad__clause_subject(r->t, r->p, &pass, NULL);
	int32_t demoted = r->noun ? -1 : dyad__clause_demoted_subject(r->t, r->p);
	if (demoted >= 0 && dyad__actors_at(r->t, r->ctx, demoted, &r->tgt))
		r->tgt.node = demoted; /* the parser's "subject" is the object */
	for (size_t i = 0; i < sizeof order / sizeof order[0] && !r->tgt.n && !r->noun; i++)
		for (int32_t c = dyad__tree_first(r->t, r->p); c >= 0 && !r->tgt.n;
		     c = dyad__tree_next(r->t, (size_t)c))
			if (dyad__tree_rel(r->t, (size_t)c) == order[i] && c != subj &&
			    !in_frame(r, (size_t)c) && dyad__actors_at(r->t, r->ctx, c, &r->tgt))
				r->tgt.node = c;
	for (size_t i = 0; i < r->n_frame && !r->tgt.n; i++)
		for (int32_t c = dyad__tree_first(r->t, r->frame[i]); c >= 0 && !r->tgt.n;
		     c = dyad__tree_next(r->t, (size_t)c)) {
			enum dyad_deprel u = dyad__tree_urel(r->t, (size_t)c);
			int obl = u == DYAD_DEPREL_OBL || (u == DYAD_DEPREL_NMOD &&
			                                   dyad__tree_case(r->t, (size_t)c) >= 0);
			if (!obl || c == subj || in_frame(r, (size_t)c) || !plain_oblique(r, (size_t)c))
				continue;
			if (dyad__actors_at(r->t, r->ctx, c, &r->tgt))
				r->tgt.node = c;
		}
}

static void read_target(struct tree_reading *r)
{
	const struct dyad__elem *marker = target_marker(r->m->p);
	if (marker) {
		int32_t c = marked_argument(r, marker);
		if (c >= 0 && dyad__actors_at(r->t, r->ctx, c, &r->tgt))
			r->tgt.node = c;
		return;
	}
	if (r->passive && !r->noun) {
		int32_t c = dyad__tree_child(r->t, r->p, DYAD_DEPREL_NSUBJ_PASS);
		if (c >= 0 && dyad__actors_at(r->t, r->ctx, c, &r->tgt))
			r->tgt.node = c;
		if (r->tgt.n)
			return;
	}
	default_target(r);
}

/* The agent of a passive: obl:agent, or a bare instrumental oblique. */
static int32_t passive_agent(const struct tree_reading *r)
{
	int32_t c = dyad__tree_child(r->t, r->p, DYAD_DEPREL_OBL_AGENT);
	if (c >= 0)
		return c;
	for (c = dyad__tree_first(r->t, r->p); c >= 0; c = dyad__tree_next(r->t, (size_t)c)) {
		enum dyad_deprel u = dyad__tree_urel(r->t, (size_t)c);
		if ((u == DYAD_DEPREL_OBL || u == DYAD_DEPREL_IOBJ || u == DYAD_DEPREL_OBJ ||
		     u == DYAD_DEPREL_NMOD) &&
		    dyad__tree_case(r->t, (size_t)c) < 0 &&
		    dyad__tree_feat_is(r->t, (size_t)c, DYAD_FEAT_Case, "Ins"))
			return c;
	}
	return -1;
}

/* A "by" phrase of the noun or of its "of" phrase (the parser hangs "the
 * expulsion of diplomats by X" either way), or -1. */
static int32_t noun_agent(const struct tree_reading *r, int32_t *patient)
{
	*patient = -1;
	for (int32_t c = dyad__tree_first(r->t, r->p); c >= 0; c = dyad__tree_next(r->t, (size_t)c)) {
		int32_t cs = dyad__tree_case(r->t, (size_t)c);
		if (dyad__tree_urel(r->t, (size_t)c) != DYAD_DEPREL_NMOD || cs < 0)
			continue;
		if (dyad__tok_kind(r->w, (size_t)cs, MOD_PASSIVE_BY))
			return c;
		if (!dyad__tok_kind(r->w, (size_t)cs, MOD_GENITIVE))
			continue;
		*patient = c;
		for (int32_t g = dyad__tree_first(r->t, (size_t)c); g >= 0;
		     g = dyad__tree_next(r->t, (size_t)g)) {
			int32_t gs = dyad__tree_case(r->t, (size_t)g);
			if (gs >= 0 && dyad__tok_kind(r->w, (size_t)gs, MOD_PASSIVE_BY))
				return g;
		}
	}
	return -1;
}

/* A verbal noun's own source: possessor, nationality adjective, "of" /
 * "by" / bare genitive. */
static int32_t noun_owner(const struct tree_reading *r)
{
	for (int32_t c = dyad__tree_first(r->t, r->p); c >= 0; c = dyad__tree_next(r->t, (size_t)c)) {
		enum dyad_deprel rel = dyad__tree_rel(r->t, (size_t)c);
		if (rel == DYAD_DEPREL_NMOD_POSS ||
		    (rel == DYAD_DEPREL_AMOD && r->w->tokens[c].mention >= 0))
			return c;
		if (dyad_deprel_universal(rel) != DYAD_DEPREL_NMOD)
			continue;
		int32_t cs = dyad__tree_case(r->t, (size_t)c);
		if (cs >= 0 ? dyad__tok_kind(r->w, (size_t)cs, MOD_GENITIVE) ||
		                  dyad__tok_kind(r->w, (size_t)cs, MOD_PASSIVE_BY)
		            : dyad__tree_feat_is(r->t, (size_t)c, DYAD_FEAT_Case, "Gen"))
			return c;
	}
	return -1;
}

/* Token h is the predicate of another match of the sentence, other than
 * a verb of saying ("X condemned the strikes": the strikes are not X's;
 * "X said at the meeting with Y": the meeting is). */
static int head_is_predicate(const struct tree_reading *r, int32_t h, int speech_too)
{
	for (size_t i = 0; i < r->all->n; i++)
		if (&r->all->m[i] != r->m && r->all->m[i].first <= (size_t)h &&
		    (size_t)h <= r->all->m[i].last &&
		    (speech_too || !(r->all->m[i].p->flags & VERB_SPEECH)))
			return 1;
	return 0;
}

static void read_source(struct tree_reading *r)
{
	if (r->noun) {
		int32_t patient, by = noun_agent(r, &patient);
		if (by >= 0 && dyad__actors_at(r->t, r->ctx, by, &r->src)) {
			r->src.node = by; /* "the expulsion of X's diplomats by Y" */
			if (!r->tgt.n && patient >= 0 && dyad__actors_at(r->t, r->ctx, patient, &r->tgt))
				r->tgt.node = patient;
			return;
		}
		int32_t o = noun_owner(r);
		if (o >= 0 && dyad__actors_at(r->t, r->ctx, o, &r->src))
			r->src.node = o;
		/* "the shelling of Kyiv": the victim, when nothing else is */
		if (r->src.n && !r->tgt.n && dyad__violent(r->w, r->m) &&
		    dyad__tree_case(r->t, (size_t)o) >= 0) {
			r->tgt = r->src;
			r->src.n = 0;
			r->src.node = -1;
		}
		/* "X carried out strikes on Y", "X said at the meeting with Y" */
		int32_t h = dyad__tree_head(r->t, r->p);
		enum dyad_deprel u = dyad__tree_urel(r->t, r->p);
		if (!r->src.n && h >= 0 && (u == DYAD_DEPREL_OBJ || u == DYAD_DEPREL_OBL) &&
		    dyad__tree_upos(r->t, (size_t)h) == DYAD_UPOS_VERB &&
		    !head_is_predicate(r, h, u == DYAD_DEPREL_OBJ)) {
			int pass = 0;
			int32_t sj = dyad__clause_subject(r->t, (size_t)h, &pass, NULL);
			if (sj >= 0 && !pass && dyad__actors_at(r->t, r->ctx, sj, &r->src))
				r->src.node = sj;
		}
		return;
	}
	int pass = 0, hops = 0;
	int32_t c = r->passive ? passive_agent(r) : dyad__clause_subject(r->t, r->p, &pass, &hops);
	r->src.far = hops >= 2;
	if (pass && !r->passive) { /* "was received and thanked by": the voice too */
		r->passive = 1;
		r->tgt.n = 0;
		read_target(r);
		c = passive_agent(r);
		pass = 0;
	}
	if (c >= 0 && !pass && dyad__actors_at(r->t, r->ctx, c, &r->src))
		r->src.node = c;
	if (c >= 0 && r->src.n == 0 && dyad__first_person(r->t, (size_t)c))
		r->src.node = c; /* "we": the speaker's, below */
}

/* "between A and B": the pair, joint. */
static int joint(const struct tree_reading *r);

static void read_between(struct tree_reading *r)
{
	/* "X offered to mediate between A and B": X's act, and A and B are
	 * the parties only of a joint one ("talks between A and B") */
	if (r->src.n || !joint(r))
		return;
	for (size_t i = 0; i < r->n_frame; i++) {
		int32_t c;
		for (c = dyad__tree_first(r->t, r->frame[i]); c >= 0; c = dyad__tree_next(r->t, (size_t)c)) {
			int32_t cs = dyad__tree_case(r->t, (size_t)c);
			if (cs < 0 || !dyad__tok_kind(r->w, (size_t)cs, MOD_BETWEEN))
				continue;
			struct dyad__side pair = {.n = 0, .node = c};
			if (dyad__actors_at(r->t, r->ctx, c, &pair) >= 2) {
				r->src = pair;
				r->tgt.n = 0;
				r->pair = 1;
				return;
			}
		}
	}
}

/* "В Киеве пикетируют посольство": a finite verb in the third person
 * plural with no subject at all (the indefinite-personal sentence) tells
 * what people of a place did; for a protest (14) they stand for the state
 * of the place its locative names. */
static void read_indefinite_place(struct tree_reading *r)
{
	const struct dyad__tree *t = r->t;
	if (r->src.n || r->noun || r->passive || strncmp(r->m->code, "14", 2) != 0 ||
	    dyad__tree_child(t, r->p, DYAD_DEPREL_NSUBJ) >= 0 ||
	    dyad__tree_child(t, r->p, DYAD_DEPREL_NSUBJ_PASS) >= 0 ||
	    !dyad__tree_feat_is(t, r->p, DYAD_FEAT_Number, "Plur") ||
	    !dyad__tree_feat_is(t, r->p, DYAD_FEAT_VerbForm, "Fin") ||
	    (dyad__tree_feat(t, r->p, DYAD_FEAT_Person) &&
	     !dyad__tree_feat_is(t, r->p, DYAD_FEAT_Person, "3")))
		return;
	for (int32_t c = dyad__tree_first(t, r->p); c >= 0; c = dyad__tree_next(t, (size_t)c)) {
		int32_t cs = dyad__tree_case(t, (size_t)c), mi = r->w->tokens[c].mention;
		if (dyad__tree_urel(t, (size_t)c) != DYAD_DEPREL_OBL || cs < 0 ||
		    !dyad__tok_kind(r->w, (size_t)cs, MOD_LOCATIVE) || mi < 0 ||
		    r->ctx->n_extra >= MAX_SLOT_PLACES)
			continue;
		const struct dyad__mention *m = &r->w->mentions[mi];
		if ((m->kind != DYAD_MENTION_PLACE && m->kind != DYAD_MENTION_CAPITAL) || !m->country)
			continue;
		struct dyad__actor *a = &r->ctx->extra[r->ctx->n_extra++];
		dyad__actor_of(r->w, m, a);
		a->actor = a->country;
		r->src.a[r->src.n++] = a;
		return;
	}
}

/* Reported speech: a first-person or missing source is the speaker - of
 * the verb of saying whose content this is, else of the paragraph. */
static void read_speaker(struct tree_reading *r)
{
	if (r->src.n || r->pair || (r->passive && !r->noun))
		return; /* "Americans who were imprisoned ...", Biden said: not by him */
	int we = r->src.node >= 0 && dyad__first_person(r->t, (size_t)r->src.node);
	if (r->src.node >= 0 && !we)
		return; /* a subject that is no actor: "the talks", "it" */
	int32_t v = dyad__speech_verb_of(r->t, r->p);
	if (v >= 0) {
		int pass = 0;
		int32_t sj = dyad__clause_subject(r->t, (size_t)v, &pass, NULL);
		if (sj >= 0 && dyad__actors_at(r->t, r->ctx, sj, &r->src))
			r->src.speaker = 1;
	}
	if (!r->src.n && r->ctx->speaker) {
		r->src.a[r->src.n++] = &r->ctx->speaker_actor;
		r->src.speaker = 1;
	}
}

/* Both sides act on each other: the lexicon says so, a consultation (04),
 * or the signing of an agreement (057). */
static int joint(const struct tree_reading *r)
{
	return (r->m->p->flags & VERB_JOINT) || strncmp(r->m->code, "04", 2) == 0 ||
	       strncmp(r->m->code, "057", 3) == 0;
}

static dyad_status emit_all(struct tree_reading *r)
{
	enum dyad__binding how = r->pair ? DYAD_BIND_RELATION_PAIR
	                         : r->src.speaker ? DYAD_BIND_RELATION_SPEAKER
	                         : r->src.far     ? DYAD_BIND_RELATION_FAR
	                                          : DYAD_BIND_RELATIONS;
	r->m->confidence = dyad__confidence(how, r->flags);
	dyad_status st = DYAD_OK;
	/* "A and B exchanged prisoners through the mediation of C": a joint
	 * act of several subjects is between them */
	if (r->src.n >= 2 && joint(r) && !r->src.speaker)
		r->tgt.n = 0;
	if (!r->tgt.n) { /* the parties of a joint act, each way */
		for (size_t i = 0; i < r->src.n && st == DYAD_OK; i++)
			for (size_t j = 0; j < r->src.n && st == DYAD_OK; j++)
				if (i != j)
					st = dyad__emit(r->w, r->s, r->m, r->src.a[i], r->src.a[j], r->flags);
		return st;
	}
	for (size_t i = 0; i < r->src.n && st == DYAD_OK; i++)
		for (size_t j = 0; j < r->tgt.n && st == DYAD_OK; j++) {
			st = dyad__emit(r->w, r->s, r->m, r->src.a[i], r->tgt.a[j], r->flags);
			if (st == DYAD_OK && joint(r))
				st = dyad__emit(r->w, r->s, r->m, r->tgt.a[j], r->src.a[i], r->flags);
		}
	return st;
}

/* The predicate is only a modifier or the content of something else: "the
 * fighting spirit", "a battle tank", "opened a case for the mining of
 * ...", "denied the accusations", "blocked the allocation of aid", "the
 * importance of strengthening ties", "the decision to impose". */
static int not_an_act(const struct tree_reading *r)
{
	enum dyad_deprel rel = dyad__tree_rel(r->t, r->p), u = dyad_deprel_universal(rel);
	int32_t h = dyad__tree_head(r->t, r->p);
	if (rel == DYAD_DEPREL_AMOD)
		return 1;
	if (rel == DYAD_DEPREL_COMPOUND && h >= 0 &&
	    dyad__tree_upos(r->t, (size_t)h) == DYAD_UPOS_NOUN)
		return 1;
	if ((u == DYAD_DEPREL_OBJ || u == DYAD_DEPREL_IOBJ || u == DYAD_DEPREL_OBL ||
	     u == DYAD_DEPREL_NMOD) &&
	    dyad__tree_upos(r->t, r->p) == DYAD_UPOS_NOUN && h >= 0 && !in_frame(r, (size_t)h) &&
	    head_is_predicate(r, h, 0))
		return 1;
	for (size_t k = r->p, depth = 0; depth < 3; depth++) {
		enum dyad_deprel kr = dyad__tree_urel(r->t, k);
		int32_t kh = dyad__tree_head(r->t, k);
		if (kr == DYAD_DEPREL_ACL && dyad__tree_child(r->t, k, DYAD_DEPREL_MARK) >= 0)
			return 1;
		if (kh < 0 || (kr != DYAD_DEPREL_CONJ && kr != DYAD_DEPREL_OBJ && kr != DYAD_DEPREL_XCOMP))
			break;
		k = (size_t)kh;
	}
	return 0;
}

/* Whether the predicate is an event, and its code: negated, a complement,
 * a modifier or a dropped intention are none. */
static int happened(struct tree_reading *r)
{
	const struct dyad__pattern *pat = r->m->p;
	if ((pat->flags & VERB_SPEECH) || dyad__negated_in_tree(r->t, r->p) ||
	    dyad__complement_of_other(r->t, r->all, r->p))
		return 0;
	if (not_an_act(r))
		return 0;
	enum dyad_upos u = dyad__tree_upos(r->t, r->p);
	r->noun = u == DYAD_UPOS_NOUN || u == DYAD_UPOS_PROPN ||
	          ((pat->flags & VERB_NOUN) && u != DYAD_UPOS_VERB && u != DYAD_UPOS_AUX);
	r->passive = !r->noun && ((pat->flags & VERB_PASSIVE) || dyad__clause_passive(r->t, r->p));
	r->flags = 0;
	if (dyad__background_in_tree(r->t, r->p))
		r->flags |= DYAD_EVENT_BACKGROUND;
	if (!dyad__modal_in_tree(r->t, r->p) && !(pat->flags & VERB_INTENT))
		return 1;
	r->flags |= DYAD_EVENT_INTENT;
	const char *code = r->w->engine->cameo.intent_code[(pat->code[0] - '0') * 10 +
	                                                    (pat->code[1] - '0')];
	if (!code || strcmp(code, "drop") == 0)
		return 0;
	if (strcmp(code, "keep") != 0)
		r->m->code = code;
	return 1;
}

/* "the accusations made by Washington": the act's author is the agent of
 * a participle that modifies it (left to the positional reading). */
static int authored_by_clause(const struct dyad__tree *t, size_t act)
{
	for (int32_t c = dyad__tree_first(t, act); c >= 0; c = dyad__tree_next(t, (size_t)c))
		if (dyad__tree_urel(t, (size_t)c) == DYAD_DEPREL_ACL &&
		    dyad__tree_child(t, (size_t)c, DYAD_DEPREL_OBL_AGENT) >= 0)
			return 1;
	return 0;
}

/* "condemned the attack on the Israeli embassy": the object of the verb
 * is another act, and whom the verb is aimed at is that act's author (the
 * tree takes it from the act's owner: "condemned the Russian strikes").
 * When the act names none, its victim is not the target either, and no
 * position may guess one. */
static int object_is_act(const struct tree_reading *r)
{
	/* reactions to an act: comment (01), praise (051), criticism (11),
	 * rejection (12) */
	static const char *const reacting[] = {"01", "051", "11", "12"};
	int reaction = 0;
	for (size_t i = 0; i < sizeof reacting / sizeof reacting[0]; i++)
		reaction |= strncmp(r->m->p->code, reacting[i], strlen(reacting[i])) == 0;
	if (r->noun || !reaction)
		return 0;
	for (int32_t c = dyad__tree_first(r->t, r->p); c >= 0; c = dyad__tree_next(r->t, (size_t)c))
		if (dyad__tree_rel(r->t, (size_t)c) == DYAD_DEPREL_OBJ && !in_frame(r, (size_t)c) &&
		    head_is_predicate(r, c, 0) && !authored_by_clause(r->t, (size_t)c))
			return 1;
	return 0;
}

enum dyad__verdict dyad__read_predicate(struct dyad__work *w, size_t s,
                                        const struct dyad__tree *t,
                                        struct dyad__sentence_ctx *ctx,
                                        const struct dyad__matches *all,
                                        struct dyad__match *m, dyad_status *st)
{
	*st = DYAD_OK;
	if (!t->analysed || dyad__tree_upos(t, m->first) == DYAD_UPOS_NONE ||
	    (m->p->flags & VERB_TARGET_SUBJECT))
		return DYAD_READ_UNSURE;
	struct tree_reading r;
	memset(&r, 0, sizeof r);
	r.w = w;
	r.s = s;
	r.t = t;
	r.ctx = ctx;
	r.all = all;
	r.m = m;
	r.p = m->first;
	r.src.node = r.tgt.node = -1;
	frame_of(&r);
	if (!happened(&r))
		return DYAD_READ_NONE;
	read_target(&r);
	read_source(&r);
	read_between(&r);
	read_indefinite_place(&r);
	read_speaker(&r);
	/* "diplomats were expelled", "Americans who were imprisoned in Iran":
	 * by whom, it does not say; no position may guess it */
	if (!r.src.n && r.passive && dyad__tree_child(t, r.p, DYAD_DEPREL_AUX_PASS) >= 0)
		return DYAD_READ_NONE;
	if (!r.tgt.n && object_is_act(&r))
		return DYAD_READ_NONE;
	if (!r.src.n || (!r.tgt.n && !(r.src.n >= 2 && (joint(&r) || r.pair)))) {
		/* the sources by relation stay (resolvers.c, resolve_tree_source):
		 * of an active verb, not the speaker nor a noun's "of X" */
		if (r.src.n && !r.passive && !r.noun && !r.src.speaker)
			for (size_t i = 0; i < r.src.n && i < MAX_TREE_SOURCES; i++)
				m->tree_src[m->n_tree_src++] = r.src.a[i];
		if (r.tgt.n && !r.src.n && !r.passive)
			for (size_t i = 0; i < r.tgt.n && i < MAX_TREE_SOURCES; i++)
				m->tree_tgt[m->n_tree_tgt++] = r.tgt.a[i];
		return DYAD_READ_UNSURE;
	}
	*st = emit_all(&r);
	return DYAD_READ_EVENT;
}
