/*
 * resolvers.c - the event stage: CAMEO events from each sentence.
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
 *   - negation next to the predicate drops it; modality turns it into an
 *     intention (data/cameo/intent.tsv); what is demanded, urged, intended
 *     or rejected is not coded as done.
 * Each event takes the date its sentence names (else the publication
 * date), the sentence's place (else the dateline) and a background flag
 * when it clearly precedes publication. Events between the same actors
 * with the same code are one record with several mentions.
 */
#include <stdio.h>
#include <string.h>

#include "text/dates.h"
#include "events/speech.h"
#include "events/events.h"
#include "text/words.h"
#include "kb/engine.h"
#include "kb/gazetteer.h"

#define NEGATION_WINDOW 3  /* tokens before a predicate that can negate it */
#define MODAL_WINDOW 6     /* "there will be a process of reconciliation" */
#define LOCATIVE_GAP 2     /* adjectives between "in" and a city */
#define NOUN_TARGET_WINDOW 4 /* "визит главы МИД в Баку": tokens to the partner */
#define OWNER_SKIP 3       /* "the visit of the President of X": to the actor */
#define AGAINST_LIST_SPAN 8 /* "against the PKK/PYD/YPG" */
#define GERUND_ADJECTIVES 2 /* "the first official meeting" */
#define SLOT_SKIP 4        /* determiners and titles before a slot's actor */
#define MAX_ACTORS 32      /* actors considered in one sentence */
#define MAX_SLOT_PLACES 8  /* places bound by pattern slots in one sentence */

struct actor {
	const struct dyad__mention *m;
	size_t tok;        /* first token */
	const char *country;
	const char *actor;
	const char *name;
	int entity;
	int was_target;    /* the object of an earlier predicate of the sentence */
};

struct sentence_ctx {
	struct actor actors[MAX_ACTORS];
	size_t n_actors;
	struct actor extra[MAX_SLOT_PLACES]; /* places bound by slots */
	size_t n_extra;
	const struct dyad__mention *speaker; /* reported-speech source */
};

static int is_actor_mention(const struct dyad__mention *m, const struct dyad__work *w)
{
	if (!m->country || m->attached)
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

static void actor_of(struct dyad__work *w, const struct dyad__mention *m,
                     struct actor *a)
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

static void collect_actors(struct dyad__work *w, size_t s, struct sentence_ctx *ctx)
{
	const struct dyad__sentence *sent = &w->sentences[s];
	ctx->n_actors = 0;
	for (size_t k = sent->tok_start; k < sent->tok_end && ctx->n_actors < MAX_ACTORS; k++) {
		int32_t mi = w->tokens[k].mention;
		if (mi < 0 || w->mentions[mi].tok_start != k)
			continue;
		const struct dyad__mention *m = &w->mentions[mi];
		if (is_actor_mention(m, w))
			actor_of(w, m, &ctx->actors[ctx->n_actors++]);
	}
}

/* ---- modifiers -------------------------------------------------------- */

static int negated(const struct dyad__work *w, size_t sent_start, size_t sent_end,
                   size_t anchor)
{
	for (size_t d = 1; d <= NEGATION_WINDOW && d <= anchor - sent_start; d++)
		if (dyad__tok_kind(w, anchor - d, MOD_NEGATION))
			return 1;
	/* after it, with the auxiliary: "подписано не было", "signed it was not" */
	return anchor + 2 < sent_end && dyad__tok_kind(w, anchor + 1, MOD_NEGATION) &&
	       dyad__tok_kind(w, anchor + 2, MOD_PASSIVE_AUX);
}

static int clause_break(const struct dyad__work *w, size_t k);

/* "may sign", "plans to visit" - but "I would like to thank", "хотел бы
 * поблагодарить" perform the act they name. */
static int modal(const struct dyad__work *w, size_t sent_start, size_t anchor)
{
	int found = 0;
	for (size_t d = 1; d <= MODAL_WINDOW && d <= anchor - sent_start; d++) {
		if (clause_break(w, anchor - d) || dyad__tok_is_char(w, anchor - d, ','))
			break;
		if (dyad__tok_kind(w, anchor - d, MOD_PERFORMATIVE))
			return 0;
		if (dyad__tok_kind(w, anchor - d, MOD_MODAL))
			found = 1;
	}
	return found;
}

/* A boundary no frame reaches across: ';', or a word that opens a new
 * clause ("which", "когда", "but"). */
static int clause_break(const struct dyad__work *w, size_t k)
{
	return dyad__tok_is_char(w, k, ';') || dyad__tok_kind(w, k, MOD_CLAUSE_BREAK);
}

/* "meetings", "the meeting of A and B": an English -ing form used as a
 * noun (plural, or after an article and before a preposition or the end). */
static int gerund_as_noun(const struct dyad__work *w, size_t sent_start, size_t k,
                          size_t end)
{
	if (!(w->tokens[k].flags & DYAD_TOK_LATIN))
		return 0;
	if (dyad__tok_ends(w, k, END_GERUND_PLURAL))
		return 1;
	if (!dyad__tok_ends(w, k, END_GERUND))
		return 0;
	/* an article before it, maybe with adjectives between: "a recent meeting" */
	size_t j = k;
	int article = 0;
	for (int d = 0; d < GERUND_ADJECTIVES + 1 && j > sent_start; d++) {
		j--;
		if (dyad__tok_kind(w, j, MOD_DETERMINER)) {
			article = 1;
			break;
		}
		if (!(w->tokens[j].flags & DYAD_TOK_WORD) || w->tokens[j].mention >= 0 ||
		    (w->tokens[j].flags & DYAD_TOK_CAP))
			break;
	}
	if (!article)
		return 0;
	return k + 1 >= end || !(w->tokens[k + 1].flags & DYAD_TOK_WORD) ||
	       dyad__tok_kind(w, k + 1, MOD_PREPOSITION);
}

/* "the fighting spirit", "its occupied territories": a verb form after a
 * determiner is an adjective or a noun, not a predicate. */
static int used_as_modifier(const struct dyad__work *w, size_t sent_start, size_t k)
{
	return k > sent_start && dyad__tok_kind(w, k - 1, MOD_DETERMINER) &&
	       dyad__tok_ends(w, k, END_MODIFIER_FORM);
}

/* An English past participle: "imposed", "taken", "held". */
static int participle_shaped(const struct dyad__work *w, size_t k)
{
	return (w->tokens[k].flags & DYAD_TOK_LATIN) && dyad__tok_ends(w, k, END_PARTICIPLE);
}

/* Russian periphrastic passive: "были задержаны", "были одобрены
 * Европейским союзом" (был + short participle; the agent follows in the
 * instrumental). */
static int short_participle_after_aux(const struct dyad__work *w, size_t sent_start,
                                      size_t k)
{
	return k > sent_start && (w->tokens[k].flags & DYAD_TOK_CYRILLIC) &&
	       dyad__tok_kind(w, k - 1, MOD_PASSIVE_AUX) &&
	       dyad__tok_ends(w, k, END_SHORT_PARTICIPLE);
}

/* "thanked X for the support", "talks on the ceasefire", "переговоры по
 * прекращению огня": a verbal noun that is the reason or the topic of
 * another predicate is no event of its own. */
static int topic_complement(const struct dyad__work *w, size_t sent_start, size_t k)
{
	for (size_t d = 1; d <= 3 && d <= k - sent_start; d++) {
		size_t j = k - d;
		if (dyad__tok_kind(w, j, MOD_TOPIC))
			return 1;
		/* articles and adjectives may stand between: "on the new ceasefire" */
		const struct dyad__token *t = &w->tokens[j];
		if (!(t->flags & DYAD_TOK_WORD) || (t->flags & DYAD_TOK_CAP) || t->mention >= 0)
			return 0;
	}
	return 0;
}

static int first_person_subject(const struct dyad__work *w, size_t sent_start,
                                size_t anchor)
{
	for (size_t k = anchor; k-- > sent_start;)
		if (dyad__tok_kind(w, k, MOD_FIRST_PERSON))
			return 1;
	return 0;
}

/* ---- pattern matching ------------------------------------------------- */

struct match {
	const struct dyad__pattern *p;
	const char *code;            /* the pattern's code, or its intent form */
	size_t first, last;          /* token range of the predicate */
	const struct actor *source;  /* bound by a slot, or NULL */
	const struct actor *target;
};

/* The actor a slot binds: the first one starting within SLOT_SKIP tokens.
 * A slot also takes a place ("visit to St. Petersburg"): a city stands for
 * its country there, though "in Baku" alone makes nobody an actor. */
static const struct actor *actor_starting_near(struct dyad__work *w,
                                               struct sentence_ctx *ctx,
                                               size_t k, size_t end, size_t *after)
{
	/* a slot skips articles, not prepositions: "встрече с X и Y" is no
	 * "встреча $ и +" */
	size_t limit = k;
	while (limit < end && limit < k + SLOT_SKIP && !dyad__tok_kind(w, limit, MOD_PREPOSITION) &&
	       !(w->tokens[limit].flags & DYAD_TOK_PUNCT))
		limit++;
	for (size_t i = 0; i < ctx->n_actors; i++) {
		const struct actor *a = &ctx->actors[i];
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
		struct actor *a = &ctx->extra[ctx->n_extra++];
		actor_of(w, &w->mentions[mi], a);
		a->actor = a->country;
		*after = w->mentions[mi].tok_end;
		return a;
	}
	return NULL;
}

static int elem_matches(const struct dyad__work *w, const struct dyad__elem *e, size_t k)
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
static int match_pattern(struct dyad__work *w, struct sentence_ctx *ctx,
                         const struct dyad__pattern *p, size_t anchor_tok,
                         size_t s_start, size_t s_end, struct match *m)
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
				if ((nx->kind == ELEM_STEM || nx->kind == ELEM_EXACT) && elem_matches(w, nx, j))
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
			const struct actor *a = actor_starting_near(w, ctx, k, s_end, &after);
			if (!a)
				return 0;
			if (el->kind == ELEM_TARGET)
				m->target = a;
			else
				m->source = a;
			k = after;
			continue;
		}
		if (k >= s_end || !elem_matches(w, el, k))
			return 0;
		m->last = k;
		k++;
	}
	/* a source slot before the anchor: "$ visit" is the default anyway */
	(void)s_start;
	return 1;
}

/* "against the PKK/PYD/YPG": the actor at k stands in a list after
 * "against" / "против". */
static int after_against(const struct dyad__work *w, size_t s_start, size_t k)
{
	for (size_t d = 1; d <= AGAINST_LIST_SPAN && d <= k - s_start; d++) {
		size_t j = k - d;
		if (dyad__tok_kind(w, j, MOD_AGAINST))
			return 1;
		const struct dyad__token *t = &w->tokens[j];
		if (t->mention < 0 && !(t->flags & DYAD_TOK_PUNCT) && !dyad__tok_kind(w, j, MOD_DETERMINER) &&
		    !dyad__tok_kind(w, j, MOD_COORDINATOR))
			return 0;
	}
	return 0;
}

/* Appeals (02), intentions (03), demands (10), rejections (12) and threats
 * (13) govern an act that has not happened. */
static int takes_complement(const struct match *m)
{
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
static int clause_names_target(const struct match *m)
{
	static const char *const roots[] = {"02", "10", "11", "12", "13"};
	for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++)
		if (m->code[0] == roots[i][0] && m->code[1] == roots[i][1])
			return 1;
	return 0;
}

/* QuadClass 4: material conflict. */
static int violent(const struct dyad__work *w, const struct match *m)
{
	const struct dyad_cameo_code *code = dyad__cameo_find(w->engine, m->code);
	return code && code->quad == 4;
}

/* QuadClass 1 and 2: verbal and material cooperation. */
static int cooperative(const struct dyad__work *w, const struct match *m)
{
	const struct dyad_cameo_code *code = dyad__cameo_find(w->engine, m->code);
	return code && code->quad <= 2;
}

/* ---- emitting --------------------------------------------------------- */

static const char *format_date(struct dyad__work *w, const struct dyad__date *d)
{
	if (!d->year)
		return NULL;
	char buf[16];
	if (d->day)
		snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->year, d->month, d->day);
	else if (d->month)
		snprintf(buf, sizeof buf, "%04d-%02d", d->year, d->month);
	else
		snprintf(buf, sizeof buf, "%04d", d->year);
	return dyad_arena_strdup(w->arena, buf);
}

/* Where a sentence places its events: the first place or capital after a
 * locative ("in Baku", "в Астане"), by its canonical name. */
static const char *sentence_place(const struct dyad__work *w,
                                  const struct dyad__sentence *sent)
{
	for (size_t k = sent->tok_start; k + 1 < sent->tok_end; k++) {
		if (!dyad__tok_kind(w, k, MOD_LOCATIVE))
			continue;
		int32_t mi = w->tokens[k + 1].mention;
		if (mi < 0)
			continue;
		const struct dyad__mention *m = &w->mentions[mi];
		if ((m->kind == DYAD_MENTION_PLACE || m->kind == DYAD_MENTION_CAPITAL) &&
		    m->entity >= 0)
			return w->entities[m->entity].name;
	}
	return NULL;
}

static void party_of(struct dyad_party *p, const struct actor *a)
{
	p->country = a->country;
	p->actor = a->actor;
	p->name = a->name;
	p->entity = a->entity;
}

static dyad_status emit(struct dyad__work *w, size_t s, const struct match *m,
                        const struct actor *src, const struct actor *tgt,
                        unsigned flags)
{
	if (!src || !tgt || !src->country || !tgt->country ||
	    strcmp(src->country, tgt->country) == 0)
		return DYAD_OK;
	const struct dyad_cameo_code *code = dyad__cameo_find(w->engine, m->code);
	if (!code)
		return DYAD_OK;
	/* the same event told again: one record, one more mention */
	for (size_t i = 0; i < w->n_events; i++) {
		struct dyad_event *e = &w->events[i];
		if (strcmp(e->code, code->code) == 0 && e->source.actor && e->target.actor &&
		    strcmp(e->source.actor, src->actor) == 0 &&
		    strcmp(e->target.actor, tgt->actor) == 0) {
			e->n_mentions++;
			return DYAD_OK;
		}
	}
	struct dyad_event *e = DYAD_WORK_PUSH(w, events);
	if (!e)
		return DYAD_ENOMEM;
	const struct dyad__sentence *sent = &w->sentences[s];
	snprintf(e->code, sizeof e->code, "%s", code->code);
	e->quad = code->quad;
	e->goldstein = code->goldstein;
	party_of(&e->source, src);
	party_of(&e->target, tgt);
	/* the day the sentence names ("yesterday", "on April 4", "в ноябре
	 * прошлого года"), else the publication day; a day clearly before
	 * publication makes the event background rather than news */
	struct dyad__date when;
	int past = 0;
	if (!dyad__date_in_span(w, sent->start, sent->end, &when, &past))
		when = w->published;
	else if (past)
		flags |= DYAD_EVENT_BACKGROUND;
	e->date = format_date(w, &when);
	e->place = sentence_place(w, sent);
	if (!e->place)
		e->place = w->doc->dateline;
	e->text = dyad_arena_strndup(w->arena, w->text + sent->start, sent->end - sent->start);
	if (!e->text)
		return DYAD_ENOMEM;
	e->span.start = sent->start;
	e->span.end = sent->end;
	e->predicate.start = w->tokens[m->first].start;
	e->predicate.end = w->tokens[m->last].end;
	e->flags = flags;
	e->n_mentions = 1;
	return DYAD_OK;
}

static const struct actor *speaker_actor(struct dyad__work *w,
                                         const struct sentence_ctx *ctx,
                                         struct actor *scratch)
{
	if (!ctx->speaker)
		return NULL;
	actor_of(w, ctx->speaker, scratch);
	return scratch;
}

/* "... and invited him": a predicate right after "and" shares the subject
 * of the predicate before it. */
static int coordinated_verb(const struct dyad__work *w, size_t s_start, size_t anchor)
{
	for (size_t d = 1; d <= 2 && d <= anchor - s_start; d++) {
		size_t k = anchor - d;
		if (dyad__tok_kind(w, k, MOD_COORDINATOR))
			return 1;
		/* "and also invited": only an adverb may stand between */
		if (w->tokens[k].mention >= 0 || !(w->tokens[k].flags & DYAD_TOK_WORD))
			return 0;
	}
	return 0;
}

/* Actors before the anchor joined by "and": "Russia and Azerbaijan agreed".
 * Actors inside "between A and B" or across a clause boundary are not the
 * subject. */
static size_t coordinated_before(const struct dyad__work *w, const struct sentence_ctx *ctx,
                                 size_t s_start, size_t anchor, int verb,
                                 const struct actor **out, size_t max)
{
	size_t n = 0;
	int coordinated = 0;
	for (size_t i = ctx->n_actors; i-- > 0 && n < max;) {
		const struct actor *a = &ctx->actors[i];
		if (a->tok >= anchor)
			continue;
		/* "Токаев поблагодарил Путина ... и пригласил его": the object of
		 * the first verb is not the subject of the second */
		if (n == 0 && a->was_target && verb && coordinated_verb(w, s_start, anchor))
			continue;
		size_t from = n ? out[n - 1]->tok : anchor;
		int crossed = 0;
		for (size_t k = a->m->tok_end; k < from; k++)
			if (clause_break(w, k))
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

/* "благодарны Китаю", "Азербайджану": a Russian dative, whom something is
 * given or addressed to, not the genitive of who acts. */
static int dative_shaped(const struct dyad__work *w, size_t k)
{
	return dyad__tok_ends(w, k, END_DATIVE);
}

/* "visit of X": the actor an "of" right after a verbal noun introduces. */
static const struct actor *noun_owner(const struct dyad__work *w,
                                      const struct sentence_ctx *ctx, size_t first,
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
	/* "удары России по ...": a Cyrillic actor right after the noun itself
	 * is its genitive, the one who acts */
	if (w->tokens[first].flags & DYAD_TOK_CYRILLIC) {
		if (last != first)
			return NULL; /* "переговоры с X": the pattern has placed its actors */
		for (size_t i = 0; i < ctx->n_actors; i++)
			if (ctx->actors[i].tok == k && ctx->actors[i].m->tok_start == k &&
			    !dative_shaped(w, k))
				return &ctx->actors[i];
		return NULL;
	}
	if (!dyad__tok_kind(w, k, MOD_GENITIVE))
		return NULL;
	for (size_t i = 0; i < ctx->n_actors; i++) {
		const struct actor *a = &ctx->actors[i];
		if (a->tok > k && a->tok <= k + OWNER_SKIP)
			return a;
	}
	return NULL;
}

/* The first actor after token k introduced by a preposition ("to X",
 * "with X") within NOUN_TARGET_WINDOW tokens. */
static const struct actor *actor_after_prep(struct dyad__work *w, struct sentence_ctx *ctx,
                                            size_t k, size_t end)
{
	/* past what belongs to the actor before: "министра ... Ирана в Баку" */
	while (k < end && w->tokens[k].mention >= 0 && w->mentions[w->tokens[k].mention].attached)
		k++;
	if (k >= end || !dyad__tok_kind(w, k, MOD_PREPOSITION) || dyad__tok_kind(w, k, MOD_GENITIVE))
		return NULL;
	/* the destination of a visit may be a city: "визит ... в Баку" */
	size_t after;
	return actor_starting_near(w, ctx, k + 1, end, &after);
}

/* The actor joined to a by "and" / "и" right after it, or NULL. */
static const struct actor *coordinated_after(const struct dyad__work *w,
                                             const struct sentence_ctx *ctx,
                                             const struct actor *a)
{
	if (!a || !a->m)
		return NULL;
	size_t k = a->m->tok_end;
	if (k >= w->n_tokens || !dyad__tok_kind(w, k, MOD_COORDINATOR))
		return NULL;
	for (size_t i = 0; i < ctx->n_actors; i++) {
		const struct actor *b = &ctx->actors[i];
		if (b->tok > k && b->tok <= k + 1)
			return b;
	}
	return NULL;
}

/* "talks between A and B", "переговоры между A и B": the two parties of a
 * joint predicate named after it. */
static int between_after(const struct dyad__work *w, const struct sentence_ctx *ctx,
                         size_t last, const struct actor **a, const struct actor **b)
{
	size_t k = last + 1;
	if (k >= w->n_tokens || !dyad__tok_kind(w, k, MOD_BETWEEN))
		return 0;
	*a = *b = NULL;
	for (size_t i = 0; i < ctx->n_actors; i++) {
		const struct actor *x = &ctx->actors[i];
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

static dyad_status code_predicate(struct dyad__work *w, size_t s,
                                  struct sentence_ctx *ctx, const struct match *m)
{
	const struct dyad__sentence *sent = &w->sentences[s];
	size_t anchor = m->first;
	if (negated(w, sent->tok_start, sent->tok_end, anchor))
		return DYAD_OK;
	unsigned flags = modal(w, sent->tok_start, anchor) || (m->p->flags & VERB_INTENT)
	                     ? DYAD_EVENT_INTENT : 0;
	if (m->p->flags & VERB_SPEECH)
		return DYAD_OK; /* "X said": the statement's content carries the events */
	/* "the meetings of", "talks after the meeting": a verb's -ing form
	 * used as its noun takes the frame of a noun */
	int noun = (m->p->flags & VERB_NOUN) ||
	           gerund_as_noun(w, sent->tok_start, anchor, sent->tok_end) ||
	           (anchor > sent->tok_start && dyad__tok_kind(w, anchor - 1, MOD_DETERMINER) &&
	            (w->tokens[anchor].flags & DYAD_TOK_LATIN) &&
	            !used_as_modifier(w, sent->tok_start, anchor)); /* "the fight" */
	if (!noun && used_as_modifier(w, sent->tok_start, anchor))
		return DYAD_OK;
	if (noun && topic_complement(w, sent->tok_start, anchor))
		return DYAD_OK;
	struct match coded = *m;
	if (flags & DYAD_EVENT_INTENT) {
		/* "plans to visit" is an intention to meet (036), not a visit */
		const char *root_code = w->engine->verbs->intent_code[(m->p->code[0] - '0') * 10 +
		                                                      (m->p->code[1] - '0')];
		if (!root_code || strcmp(root_code, "drop") == 0)
			return DYAD_OK;
		if (strcmp(root_code, "keep") != 0)
			coded.code = root_code;
	}
	m = &coded;

	struct actor scratch;
	const struct actor *src = m->source, *tgt = m->target;
	/* "was praised by X", and the reduced form "sanctions imposed by X" */
	int by_follows = m->last + 1 < sent->tok_end && dyad__tok_kind(w, m->last + 1, MOD_PASSIVE_BY) &&
	                 !noun;
	int passive = (m->p->flags & VERB_PASSIVE) ||
	              (by_follows && ((anchor > sent->tok_start &&
	                               dyad__tok_kind(w, anchor - 1, MOD_PASSIVE_AUX)) ||
	                              participle_shaped(w, anchor))) ||
	              short_participle_after_aux(w, sent->tok_start, anchor);
	const struct actor *before[4];
	size_t n_before = coordinated_before(w, ctx, sent->tok_start, anchor,
	                                     !noun, before, 4);
	if (m->p->flags & VERB_TARGET_SUBJECT) {
		/* "X's role in ... deserves the highest praise": the speaker praises
		 * X, the head of the clause's subject */
		if (!ctx->speaker || !ctx->n_actors || ctx->actors[0].tok >= anchor)
			return DYAD_OK;
		return emit(w, s, m, speaker_actor(w, ctx, &scratch), &ctx->actors[0], flags);
	}
	/* "the visit of the President of Kyrgyzstan to Azerbaijan", "the
	 * meetings of the commission of the CIS": after a verbal noun, "of X"
	 * names who acts, not whom it is done to */
	const struct actor *owner = noun && !m->source
	                                ? noun_owner(w, ctx, m->first, m->last, sent->tok_end) : NULL;
	/* "the deportation of Ukrainian children", "killings of Palestinians":
	 * the "of X" of violence is whom it is done to */
	if (owner && !m->target && violent(w, m)) {
		tgt = owner;
		owner = NULL;
	}
	if (owner) {
		const struct actor *second = coordinated_after(w, ctx, owner);
		if (second && !m->target) { /* "the meeting of the presidents of A and B" */
			dyad_status st2 = emit(w, s, m, owner, second, flags);
			return st2 == DYAD_OK ? emit(w, s, m, second, owner, flags) : st2;
		}
		src = owner;
		if (!tgt)
			tgt = actor_after_prep(w, ctx, owner->m->tok_end, sent->tok_end);
		if (!tgt)
			return DYAD_OK;
	}
	/* "we propose ...": the speaker, even after other actors */
	int we = first_person_subject(w, n_before ? before[0]->m->tok_end : sent->tok_start,
	                              anchor) && ctx->speaker;
	if (we)
		n_before = 0;
	if (!src && !passive) {
		if (n_before)
			src = before[0];
		else if (ctx->speaker)
			src = speaker_actor(w, ctx, &scratch);
	}
	const struct actor *pa, *pb;
	/* "... his Iranian counterpart Raisi following their meeting": a
	 * verbal noun owned by "their" is joint between the two last named */
	if (noun && !m->target && anchor > sent->tok_start &&
	    dyad__tok_kind(w, anchor - 1, MOD_JOINT_OWNER)) {
		const struct actor *x = NULL, *y = NULL;
		for (size_t i = ctx->n_actors; i-- > 0;) {
			const struct actor *a = &ctx->actors[i];
			if (a->tok >= anchor || !a->country)
				continue;
			if (!x)
				x = a;
			else if (strcmp(a->country, x->country) != 0) {
				y = a;
				break;
			}
		}
		if (x && y) {
			dyad_status st2 = emit(w, s, m, y, x, flags);
			return st2 == DYAD_OK ? emit(w, s, m, x, y, flags) : st2;
		}
	}
	/* "normalisation of relations between A and B": the pair, whoever
	 * the sentence's subject is */
	if ((!src || noun) && !m->target && between_after(w, ctx, m->last, &pa, &pb)) {
		/* "we hope there will be reconciliation between Armenians and
		 * Azerbaijanis", said by an Azerbaijani: the hope is the speaker's */
		struct actor speaker;
		const char *own = ctx->speaker ? speaker_actor(w, ctx, &speaker)->country : NULL;
		if ((flags & DYAD_EVENT_INTENT) && own &&
		    first_person_subject(w, sent->tok_start, anchor)) {
			if (pa->country && strcmp(pa->country, own) == 0)
				return emit(w, s, m, pa, pb, flags);
			if (pb->country && strcmp(pb->country, own) == 0)
				return emit(w, s, m, pb, pa, flags);
		}
		dyad_status st2 = emit(w, s, m, pa, pb, flags);
		return st2 == DYAD_OK ? emit(w, s, m, pb, pa, flags) : st2;
	}
	if (!tgt) {
		for (size_t i = 0; i < ctx->n_actors; i++) {
			const struct actor *a = &ctx->actors[i];
			/* from the anchor: a skip ("потребовать * освобождения") may
			 * have passed over the object ("от Азербайджана") */
			if (a->tok <= m->first)
				continue;
			int crossed = 0;
			for (size_t k = m->first + 1; k < a->tok; k++)
				/* "demanded that France stop": the object clause itself */
				if ((clause_break(w, k) && (k > m->last + 1 || !clause_names_target(m))) ||
				    dyad__is_cue(w, k) ||
				    (noun && dyad__tok_is_char(w, k, ',')))
					crossed = 1;
			if (crossed)
				break;
			/* a verbal noun takes its partner close by: "talks with X" */
			if (noun && a->tok > m->last + NOUN_TARGET_WINDOW)
				break;
			/* "cooperation against the PKK": whom a cooperative act is
			 * against is not its partner */
			if (cooperative(w, m) && after_against(w, sent->tok_start, a->tok))
				continue;
			if (!src || !a->country || !src->country || strcmp(a->country, src->country) != 0) {
				tgt = a;
				break;
			}
		}
	}
	if (passive) {
		/* "X was praised by Y": Y acts on X; a "by $" slot bound Y already */
		const struct actor *by = m->source ? m->source : tgt;
		tgt = n_before ? before[0] : NULL;
		src = by;
	}
	dyad_status st;
	/* joint acts: "A and B signed", "meeting with the participation of A and B" */
	int consult = m->code[0] == '0' && m->code[1] == '4';
	if (!passive && n_before >= 2 && !m->source) {
		/* "Russia and Ukraine exchanged prisoners through the mediation of
		 * the UAE": a reciprocal act is between the subjects, whoever else
		 * the sentence names */
		if (tgt && !(m->p->flags & VERB_JOINT)) {
			/* "Germany and France condemned Russia": each of them */
			for (size_t i = 0; i < n_before; i++)
				for (const struct actor *t = tgt; t; t = coordinated_after(w, ctx, t))
					if ((st = emit(w, s, m, before[i], t, flags)) != DYAD_OK)
						return st;
			return DYAD_OK;
		}
		/* "A and B signed": a joint act, both ways */
		for (size_t i = 0; i < n_before; i++)
			for (size_t j = 0; j < n_before; j++)
				if (i != j && (st = emit(w, s, m, before[i], before[j], flags)) != DYAD_OK)
					return st;
		return DYAD_OK;
	}
	if (!src && tgt && consult) {
		/* a meeting told from its place: the two parties after the noun */
		const struct actor *second = NULL;
		for (size_t i = 0; i < ctx->n_actors; i++) {
			const struct actor *a = &ctx->actors[i];
			if (a != tgt && a->tok > tgt->tok && a->country && tgt->country &&
			    strcmp(a->country, tgt->country) != 0) {
				second = a;
				break;
			}
		}
		if (second)
			return emit(w, s, m, tgt, second, flags);
	}
	/* "met with A and B": each of them */
	for (const struct actor *t = tgt; t; t = coordinated_after(w, ctx, t)) {
		if (t >= ctx->actors && t < ctx->actors + ctx->n_actors)
			ctx->actors[t - ctx->actors].was_target = 1;
		if ((st = emit(w, s, m, src, t, flags)) != DYAD_OK)
			return st;
		if ((m->p->flags & VERB_JOINT) && (st = emit(w, s, m, t, src, flags)) != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}

static dyad_status code_sentence(struct dyad__work *w, size_t s, struct sentence_ctx *ctx)
{
	const struct dyad__verbs *v = w->engine->verbs;
	const struct dyad__sentence *sent = &w->sentences[s];
	collect_actors(w, s, ctx);
	ctx->n_extra = 0;
	if (ctx->n_actors == 0 && !ctx->speaker)
		return DYAD_OK;
	size_t covered = sent->tok_start; /* predicates do not overlap */
	for (size_t k = sent->tok_start; k < sent->tok_end; k++) {
		const struct dyad__token *t = &w->tokens[k];
		if (!(t->flags & DYAD_TOK_WORD) || k < covered || t->mention >= 0)
			continue;
		uint32_t ids[2] = {dyad__verbs_by_stem(v, dyad__tok_stem(w, t), t->stem_len),
		                   dyad__verbs_by_exact(v, dyad__tok_lower(w, t), t->lower_len)};
		struct match best;
		int found = 0, best_exact = 0;
		for (int list = 0; list < 2; list++)
			for (uint32_t id = ids[list]; id; id = v->nodes[id - 1].next) {
				struct match m;
				if (!match_pattern(w, ctx, &v->patterns[v->nodes[id - 1].pattern], k,
				                   sent->tok_start, sent->tok_end, &m))
					continue;
				/* the longest pattern wins; then the one with slots; then an
				 * exact form ("=задержаны", passive) over a stem */
				int slots = (m.target || m.source) != 0;
				int best_slots = found && (best.target || best.source);
				if (!found || m.last > best.last ||
				    (m.last == best.last && slots && !best_slots) ||
				    (m.last == best.last && slots == best_slots && list == 1 && !best_exact)) {
					best = m;
					found = 1;
					best_exact = list == 1;
				}
			}
		if (!found)
			continue;
		dyad_status st = code_predicate(w, s, ctx, &best);
		if (st != DYAD_OK)
			return st;
		covered = best.last + 1;
		/* what is demanded, urged, intended or rejected has not happened:
		 * "потребовал от Москвы вернуть ...", "rejected the proposal to
		 * hold talks", "called on A and B to resume negotiations" */
		if (takes_complement(&best))
			covered = clause_end(w, covered, sent->tok_end);
	}
	return DYAD_OK;
}

dyad_status dyad__events_extract(struct dyad__work *w)
{
	if (w->engine->dict && w->engine->dict_mode == DYAD_DICT_INSTEAD)
		return DYAD_OK; /* the user's dictionaries code the events */
	struct sentence_ctx ctx;
	struct dyad__speech_state speech;
	memset(&ctx, 0, sizeof ctx);
	dyad__speech_init(&speech);
	for (size_t s = 0; s < w->n_sentences; s++) {
		ctx.speaker = dyad__speech_at(&speech, w, s);
		dyad_status st = code_sentence(w, s, &ctx);
		if (st != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}
