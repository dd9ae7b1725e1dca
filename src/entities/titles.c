/*
 * titles.c - the second pass of the entity stage: titles composed with
 * names and countries. A title before or after a name gives the person a
 * role and (through an adjective, "of X" or a Russian genitive) a country; a
 * title with a country and no name ("the Azerbaijani President") stands for
 * the office holder of the knowledge base; a generic state body ("the
 * Kyrgyz parliament", "МИД Ирана") takes the country named next to it.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "entities/entities.h"
#include "kb/engine.h"
#include "kb/forms.h"
#include "kb/gazetteer.h"
#include "kb/phrase.h"
#include "text/words.h"

#define ROLE_NAME_GAP 7       /* words between a title and a name ("Ambassador of the Kyrgyz Republic to our country, Maksat ...") */
#define APPOSITION_WINDOW 14  /* tokens after "Name," searched for a title */
#define ADJ_ROLE_GAP 4        /* "Russian Industry and Trade Minister" */
#define NATIONAL_OFFICE_RANK 7 /* roles with one holder per country */
#define CAPITAL_LOCATIVE_GAP 2 /* words between "in" and a capital ("в афганском Кабуле") */
#define CAPITAL_PAIR_DEPTH 2   /* places joined by "and" after one "in" */

/* ---- small token helpers ---------------------------------------------- */

#define BODY_LOOKBACK 96 /* mentions searched back for "the ministry"'s country */

/* The word "ministry" in "Russian Foreign Ministry", in any case, as a
 * whole word: a named organisation of a family of heads. */
static int has_word(const char *name, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = name; *p; p++) {
		if ((p == name || p[-1] == ' ') && strncasecmp(p, word, n) == 0 &&
		    (p[n] == '\0' || p[n] == ' '))
			return 1;
	}
	return 0;
}

/*
 * "Минобороны Армении сообщило ... пресс-секретарь ведомства", "the
 * ministry's spokesman": a body named without its country is the body of
 * that kind the document named last with one; the generic head of a family
 * (data/orgs/patterns.tsv: a bare "ministry") is the last body of any head
 * of the family or named organisation with the family's word. Only heads
 * whose column bare is "last" (offices, not forces or crowds: "the two
 * navies", "the militants" are as often both sides' as the last one's).
 * Returns that mention, or NULL.
 */
static const struct dyad__mention *earlier_body(const struct dyad__work *w, size_t at)
{
	const struct dyad__gazetteer *gaz = w->engine->gaz;
	const struct dyad__mention *m = &w->mentions[at];
	if (m->record < 0 || !gaz->heads[m->record].bare_last)
		return NULL;
	const char *head = gaz->heads[m->record].head, *family = gaz->heads[m->record].family;
	if (family && strcmp(head, family) != 0)
		family = NULL; /* only the generic head stands for the whole family */
	for (size_t i = at, seen = 0; i-- > 0 && seen < BODY_LOOKBACK; seen++) {
		const struct dyad__mention *e = &w->mentions[i];
		if (!e->country || !e->actor || strcmp(e->country, "IGO") == 0)
			continue;
		if (e->kind == DYAD_MENTION_ORG_HEAD && e->record >= 0 &&
		    (e->record == m->record ||
		     (family && gaz->heads[e->record].family &&
		      strcmp(gaz->heads[e->record].family, family) == 0)))
			return e;
		if (e->kind == DYAD_MENTION_ORG && family && e->record >= 0 &&
		    has_word(gaz->orgs[e->record].name, family))
			return e;
	}
	return NULL;
}

/*
 * "SEOUL, June 9 (Yonhap) -- The foreign ministry summoned ...": the state
 * whose capital or city the document is datelined from, or NULL (no
 * dateline, or one that names no known place of a single state).
 */
static const char *dateline_lookup(const struct dyad__work *w)
{
	const struct dyad__gazetteer *gaz = w->engine->gaz;
	const char *d = w->doc ? w->doc->dateline : NULL;
	struct dyad_phrase p;
	uint32_t v;
	if (!d || dyad_phrase_make(w->engine, d, strlen(d), &p) != DYAD_OK ||
	    !dyad_hash_get(&gaz->keys, p.key, p.key_len, &v))
		return NULL;
	const char *found = NULL;
	for (uint32_t id = v & ~DYAD_GAZ_PREFIX; id; id = gaz->entries[id - 1].next) {
		const struct dyad__gaz_entry *e = &gaz->entries[id - 1];
		const char *c = NULL;
		if (e->n_tokens != p.n_tokens)
			continue;
		if (e->kind == GAZ_CAPITAL)
			c = gaz->countries[e->record].iso3;
		else if (e->kind == GAZ_PLACE)
			c = gaz->places[e->record].iso3;
		if (!c || (c[0] == '-' && !c[1]))
			continue;
		if (found && strcmp(found, c) != 0)
			return NULL; /* a city name two states share */
		found = c;
	}
	return found;
}

static const char *dateline_country(struct dyad__work *w)
{
	if (!w->dateline_state_known) {
		w->dateline_state = dateline_lookup(w);
		w->dateline_state_known = 1;
	}
	return w->dateline_state;
}

/* A bare office ("the foreign ministry") that no earlier body explains is
 * of the state the document is datelined from; only heads whose column
 * bare is "last", not forces or crowds. */
static void datelined_body(struct dyad__work *w, struct dyad__mention *m)
{
	const struct dyad__gazetteer *gaz = w->engine->gaz;
	if (m->record < 0 || !gaz->heads[m->record].bare_last)
		return;
	const char *agent = gaz->heads[m->record].agent;
	const char *c = dateline_country(w);
	if (!c)
		return;
	char actor[16];
	snprintf(actor, sizeof actor, "%s%s", c, agent);
	char *copy = dyad_arena_strdup(w->arena, actor);
	if (!copy)
		return;
	m->country = c;
	m->actor = copy;
}

/*
 * "a court in Baku", "police in Tbilisi", "the authorities in Kabul", "суд
 * в Баку": a head whose column seat is "yes" (courts, the police, the
 * government) is the state's where it sits. Not a delegation, an embassy or
 * troops, which are often another state's where they are.
 */
static struct dyad__mention *place_of_body(struct dyad__work *w,
                                           const struct dyad__mention *m, size_t s_end)
{
	const struct dyad__gazetteer *gaz = w->engine->gaz;
	if (m->record < 0)
		return NULL;
	if (!gaz->heads[m->record].seat)
		return NULL;
	size_t k = m->tok_end;
	if (k + 1 >= s_end || !dyad__tok_kind(w, k, MOD_LOCATIVE))
		return NULL;
	struct dyad__mention *p = dyad__mention_at(w, k + 1);
	if (p && p->country && (p->kind == DYAD_MENTION_CAPITAL || p->kind == DYAD_MENTION_PLACE ||
	                        p->kind == DYAD_MENTION_COUNTRY))
		return p;
	return NULL;
}

/*
 * "the Kyrgyz parliament", "Russia's Foreign Ministry", "the Ministry of
 * Foreign Affairs of Azerbaijan", "МИД Ирана": a generic state body takes
 * the country named next to it.
 */
void dyad__compose_org_heads(struct dyad__work *w, size_t s, size_t first)
{
	const struct dyad__sentence *sent = &w->sentences[s];
	const struct dyad__gazetteer *gaz = w->engine->gaz;
	for (size_t i = first; i < w->n_mentions; i++) {
		struct dyad__mention *m = &w->mentions[i];
		if (m->sentence != (int32_t)s || m->kind != DYAD_MENTION_ORG_HEAD || m->country)
			continue;
		struct dyad__mention *owner = NULL;
		size_t k = m->tok_start;
		if (k > sent->tok_start) {
			size_t before = k - 1;
			if (dyad__tok_kind(w, before, MOD_POSSESSIVE) &&
			    before > sent->tok_start)
				before--;
			struct dyad__mention *b = dyad__mention_at(w, before);
			if (b && (b->kind == DYAD_MENTION_ADJECTIVE || b->kind == DYAD_MENTION_COUNTRY))
				owner = b;
		}
		if (!owner) {
			size_t after = m->tok_end;
			if (after < sent->tok_end && dyad__tok_kind(w, after, MOD_GENITIVE))
				after++;
			if (after < sent->tok_end && dyad__tok_kind(w, after, MOD_DETERMINER))
				after++;
			struct dyad__mention *a = after < sent->tok_end ? dyad__mention_at(w, after) : NULL;
			/* "жители сектора Газа", "residents of Kursk region": people
			 * of a place are of its state; a body of a place is not
			 * (a ministry "of Crimea" may be the occupier's) */
			if (a && (a->kind == DYAD_MENTION_COUNTRY || a->kind == DYAD_MENTION_CAPITAL ||
			          (a->kind == DYAD_MENTION_PLACE && m->agent &&
			           strcmp(m->agent, "CVL") == 0)))
				owner = a;
		}
		if (!owner)
			owner = place_of_body(w, m, sent->tok_end);
		if (!owner || !owner->country || !dyad__gives_country(owner)) {
			const struct dyad__mention *e = earlier_body(w, i);
			if (e) {
				m->country = e->country;
				m->actor = e->actor;
			} else {
				datelined_body(w, m);
			}
			continue;
		}
		char actor[16];
		snprintf(actor, sizeof actor, "%s%s", owner->country, m->agent ? m->agent : "GOV");
		char *copy = dyad_arena_strdup(w->arena, actor);
		if (!copy)
			continue;
		m->country = owner->country;
		m->actor = copy;
		owner->attached = 1;
		if (m->record >= 0)
			m->role = gaz->heads[m->record].head; /* kept for the entity name */
	}
}

/*
 * "Pakistan's Foreign Office", "the Iranian Foreign Ministry": a named
 * body of one state ("Foreign Office" is the British one) that the text
 * gives to another is that state's body of the same kind.
 */
void dyad__reassign_owned_orgs(struct dyad__work *w, size_t s, size_t first)
{
	const struct dyad__sentence *sent = &w->sentences[s];
	for (size_t i = first; i < w->n_mentions; i++) {
		struct dyad__mention *m = &w->mentions[i];
		if (m->sentence != (int32_t)s || m->kind != DYAD_MENTION_ORG || !m->country ||
		    !m->actor || strlen(m->country) != 3 || strcmp(m->country, "IGO") == 0 ||
		    m->tok_start == sent->tok_start)
			continue;
		size_t k = m->tok_start - 1;
		if (dyad__tok_kind(w, k, MOD_POSSESSIVE)) {
			if (k == sent->tok_start)
				continue;
			k--;
		}
		int32_t oi = w->tokens[k].mention;
		if (oi < 0)
			continue;
		struct dyad__mention *owner = &w->mentions[oi];
		if (owner->kind != DYAD_MENTION_COUNTRY && owner->kind != DYAD_MENTION_ADJECTIVE &&
		    owner->kind != DYAD_MENTION_CAPITAL)
			continue;
		if (!owner->country || strcmp(owner->country, m->country) == 0)
			continue;
		char actor[16];
		snprintf(actor, sizeof actor, "%s%s", owner->country,
		         strlen(m->actor) > 3 ? m->actor + 3 : "GOV");
		char *copy = dyad_arena_strdup(w->arena, actor);
		if (!copy)
			continue; /* keep the dictionary's reading */
		m->country = owner->country;
		m->actor = copy;
		m->record = -1; /* no longer the dictionary's organisation */
		m->kind = DYAD_MENTION_ORG_HEAD;
		m->agent = copy + 3;
		owner->attached = 1;
	}
}

/*
 * "депутат Госдумы", "member of the Milli Majlis", "генеральный директор
 * МАГАТЭ": a title phrase that names a body of one state (or an
 * international organisation) is of that body's country.
 */
static const char *inner_country(const struct dyad__work *w, size_t a, size_t b)
{
	const struct dyad__gazetteer *gaz = w->engine->gaz;
	for (size_t k = a + 1; k < b; k++) {
		const struct dyad__gaz_entry *e;
		if (!dyad__gaz_match(gaz, w, k, b, &e))
			continue;
		for (; e; e = e->next ? &gaz->entries[e->next - 1] : NULL) {
			if (e->kind != GAZ_ORG)
				continue;
			const char *c = gaz->orgs[e->record].country;
			if (c && strcmp(c, "NGO") != 0)
				return c;
		}
	}
	return NULL;
}

/*
 * The word before token k, past one adjective or country mention and a
 * determiner, is a preposition of place or of the agent: "в Facebook", "by
 * Israeli soldiers" are no title's body nor an apposition's title ("to
 * editor-in-chief of ..." still is).
 */
static int after_place_or_agent(struct dyad__work *w, size_t k, size_t s_start)
{
	if (k > s_start) {
		struct dyad__mention *m = dyad__mention_at(w, k - 1);
		if (m && (m->kind == DYAD_MENTION_ADJECTIVE || m->kind == DYAD_MENTION_COUNTRY))
			k = m->tok_start;
	}
	if (k > s_start && dyad__tok_kind(w, k - 1, MOD_DETERMINER))
		k--;
	return k > s_start && (dyad__tok_kind(w, k - 1, MOD_LOCATIVE) ||
	                       dyad__tok_kind(w, k - 1, MOD_PASSIVE_BY));
}

/*
 * The country a title at [a, b) is of: an adjective just before it
 * ("Kyrgyz Ambassador", "Russian Industry and Trade Minister"), else the
 * country right after it, alone (Russian genitive: "Президента Казахстана")
 * or after "of" ("President of Kyrgyzstan", "Governor of St. Petersburg").
 */
static const char *country_before_title(struct dyad__work *w, size_t a, size_t s_start)
{
	size_t gap = 0;
	for (size_t k = a; k > s_start && gap < ADJ_ROLE_GAP; gap++) {
		k--;
		/* "Kazakhstan's Deputy Foreign Minister" */
		if (dyad__tok_kind(w, k, MOD_POSSESSIVE) && k > s_start &&
		    k + 1 == a) {
			struct dyad__mention *o = dyad__mention_at(w, k - 1);
			if (o && o->country && (o->kind == DYAD_MENTION_COUNTRY ||
			                        o->kind == DYAD_MENTION_CAPITAL)) {
				o->attached = 1;
				return o->country;
			}
		}
		struct dyad__mention *m = dyad__mention_at(w, k);
		if (m && m->kind == DYAD_MENTION_ADJECTIVE) {
			m->attached = 1;
			return m->country;
		}
		if (m && (m->kind == DYAD_MENTION_COUNTRY || m->kind == DYAD_MENTION_ORG) &&
		    m->tok_end == a && !after_place_or_agent(w, m->tok_start, s_start)) {
			m->attached = 1;
			return m->country; /* "Russia's President", "State Duma deputy" */
		}
		/* "India's Foreign Ministry spokesman": the body took its country */
		if (m && m->kind == DYAD_MENTION_ORG_HEAD && m->country && m->tok_end == a)
			return m->country;
		/* "Surkhandarya region governor", "Balkh province governor" */
		if (m && m->kind == DYAD_MENTION_PLACE && m->country)
			return m->country;
		if (m && m->kind != DYAD_MENTION_ORG_HEAD)
			break;
		if (w->tokens[k].flags & DYAD_TOK_PUNCT)
			break;
	}
	return NULL;
}

static const char *title_country(struct dyad__work *w, size_t a, size_t b,
                                 size_t s_start, size_t s_end)
{
	const char *before = country_before_title(w, a, s_start);
	if (before)
		return before;
	size_t k = b;
	/* "Ambassador to Russia" serves another state than Russia: the host
	 * country after "to" is no title country, nor the sentence's subject */
	if (k + 1 < s_end && dyad__tok_kind(w, k, MOD_DESTINATION)) {
		size_t h = k + 1;
		if (h < s_end && dyad__tok_kind(w, h, MOD_DETERMINER))
			h++;
		struct dyad__mention *host = h < s_end ? dyad__mention_at(w, h) : NULL;
		if (host && dyad__gives_country(host))
			host->attached = 1;
		return NULL;
	}
	if (k < s_end && dyad__tok_kind(w, k, MOD_GENITIVE))
		k++;
	if (k < s_end && dyad__tok_kind(w, k, MOD_DETERMINER))
		k++;
	/* the country after the title belongs to it: "President of Kyrgyzstan"
	 * is one actor, not two */
	struct dyad__mention *m = k < s_end ? dyad__mention_at(w, k) : NULL;
	if (dyad__gives_country(m) && m->kind != DYAD_MENTION_ORG) {
		/* "the presidents of Russia and Azerbaijan": both stay actors */
		size_t after = m->tok_end;
		int coordinated = after + 1 < s_end &&
		                  dyad__tok_kind(w, after, MOD_COORDINATOR) &&
		                  dyad__gives_country(dyad__mention_at(w, after + 1));
		if (!coordinated)
			m->attached = 1;
		return m->country;
	}
	/* "Chairman of the Halk Maslahaty of Turkmenistan" */
	if (m && m->kind == DYAD_MENTION_ORG) {
		size_t after = m->tok_end;
		if (after + 1 < s_end && dyad__tok_kind(w, after, MOD_GENITIVE)) {
			struct dyad__mention *c = dyad__mention_at(w, after + 1);
			if (dyad__gives_country(c)) {
				c->attached = 1;
				return c->country;
			}
		}
		return m->country;
	}
	/* "пресс-секретарь афганского МИД", "глава Минпромторга РФ" */
	if (m && m->kind == DYAD_MENTION_ORG_HEAD && m->country)
		return m->country;
	return inner_country(w, a, b);
}

static void set_person_title(struct dyad__work *w, struct dyad__mention *name,
                             const struct dyad__mention *title, const char *country)
{
	const struct dyad__role *r = dyad__role_find(w->engine->gaz, title->role);
	if (!name->role || (r && r->rank > name->role_rank)) {
		name->role = title->role;
		name->agent = title->agent;
		name->role_rank = r ? r->rank : 0;
	}
	if (country && !name->country_from_kb_only)
		name->country = country;
	else if (country && !name->country)
		name->country = country;
	name->kind = DYAD_MENTION_PERSON;
}

/*
 * "editor-in-chief of Russian influential magazine, well-known military
 * expert Igor Korotchenko": when the title next to a name has no country, a
 * title before it in the same apposition chain may give one.
 */
static const char *earlier_title_country(struct dyad__work *w, size_t from,
                                         size_t s_start, size_t s_end)
{
	int commas = 0;
	for (size_t k = from, gap = 0; k > s_start && gap < APPOSITION_WINDOW; gap++) {
		k--;
		struct dyad__mention *m = dyad__mention_at(w, k);
		if (m && m->kind == DYAD_MENTION_ROLE)
			return after_place_or_agent(w, m->tok_start, s_start)
			           ? NULL
			           : title_country(w, m->tok_start, m->tok_end, s_start, s_end);
		if (m && (m->kind == DYAD_MENTION_PERSON ||
		          (m->kind == DYAD_MENTION_NAME && m->n_words > 1)))
			return NULL;
		if (m) {
			k = m->tok_start;
			continue;
		}
		if (dyad__tok_is_char(w, k, ',') && ++commas > 1)
			return NULL;
		if (dyad__tok_is_char(w, k, '.') || dyad__tok_is_char(w, k, ';') ||
		    dyad__predicate_word(w, k))
			return NULL;
	}
	return NULL;
}

static int is_honorific(const struct dyad__work *w, size_t k)
{
	const struct dyad__form *f = dyad__tok_form(w, &w->tokens[k]);
	return (w->tokens[k].flags & DYAD_TOK_WORD) &&
	       dyad_hash_get(&w->engine->gaz->honorifics, f->lower, f->lower_len, NULL);
}

/* A title up to ROLE_NAME_GAP tokens before the name; the words of other
 * mentions in between ("of St. Petersburg") do not count. */
void dyad__title_before(struct dyad__work *w, struct dyad__mention *name,
                         size_t s_start, size_t s_end)
{
	size_t k = name->tok_start;
	size_t gap = 0;
	while (k > s_start && gap <= ROLE_NAME_GAP) {
		k--;
		struct dyad__mention *m = dyad__mention_at(w, k);
		if (m && m->kind == DYAD_MENTION_ROLE) {
			const char *c = title_country(w, m->tok_start, m->tok_end, s_start, s_end);
			if (!c)
				c = earlier_title_country(w, m->tok_start, s_start, s_end);
			set_person_title(w, name, m, c);
			m->attached = 1;
			name->lead_tok = (int32_t)m->tok_start;
			return;
		}
		if (m && (m->kind == DYAD_MENTION_PERSON ||
		          (m->kind == DYAD_MENTION_NAME && m->n_words > 1)))
			return;
		if (m) {
			k = m->tok_start; /* skip the whole mention */
			gap++;
			continue;
		}
		/* "the President of Azerbaijan thanked Vladimir Putin": a predicate
		 * between them means the title is someone else's */
		if (dyad__predicate_word(w, k))
			return;
		/* "the High Commissioner of X, Dr Jane Doe": a form of address
		 * between title and name is neither */
		if (gap == 0 && (is_honorific(w, k) ||
		                 (dyad__tok_is_char(w, k, '.') && k > s_start && is_honorific(w, k - 1))))
			continue;
		/* "the Ambassador of X to our country, Maksat Mamitkanov" */
		if (gap == 0 && dyad__tok_is_char(w, k, ',')) {
			gap++;
			continue;
		}
		if (dyad__tok_is_char(w, k, '.') || dyad__tok_is_char(w, k, ';') ||
		    dyad__tok_is_char(w, k, ':') || dyad__tok_is_char(w, k, ',') ||
		    (w->tokens[k].flags & DYAD_TOK_QUOTE) || dyad__tok_kind(w, k, MOD_COORDINATOR))
			return;
		gap++;
	}
}

/* "Polad Bulbuloglu, Ambassador of Azerbaijan to Russia," */
void dyad__title_after(struct dyad__work *w, struct dyad__mention *name,
                        size_t s_end)
{
	size_t k = name->tok_end;
	if (k >= s_end || !dyad__tok_is_char(w, k, ','))
		return;
	struct dyad__mention *best = NULL;
	for (size_t j = k + 1; j < s_end && j <= k + APPOSITION_WINDOW; j++) {
		struct dyad__mention *m = dyad__mention_at(w, j);
		if (m && (m->kind == DYAD_MENTION_PERSON ||
		          (m->kind == DYAD_MENTION_NAME && m->n_words > 1)))
			break;
		if (dyad__tok_is_char(w, j, '.') || dyad__tok_is_char(w, j, ';') ||
		    (w->tokens[j].flags & DYAD_TOK_QUOTE))
			break;
		/* the apposition's own title comes first: "Yusupova, an adviser to
		 * the Uzbek foreign minister" is an adviser */
		if (m && m->kind == DYAD_MENTION_ROLE && !m->attached) {
			best = m;
			break;
		}

	}
	if (!best)
		return;
	const char *c = title_country(w, best->tok_start, best->tok_end,
	                              name->tok_end, s_end);
	/* "Serhiy Popko, a colonel general who heads Kyiv's military
	 * administration": the state named in the same apposition */
	for (size_t j = best->tok_end; !c && j < s_end && j <= k + APPOSITION_WINDOW; j++) {
		if (dyad__tok_is_char(w, j, ',') || dyad__tok_is_char(w, j, '.') ||
		    dyad__tok_is_char(w, j, ';'))
			break;
		struct dyad__mention *m = dyad__mention_at(w, j);
		if (m && m->kind != DYAD_MENTION_PERSON && dyad__gives_country(m))
			c = m->country;
	}
	set_person_title(w, name, best, c);
	best->attached = 1;
}

/*
 * "Jan Kowalski of Poland said", "Джон Смит из США заявил": a name of two
 * words or more followed by an origin word (name_shapes.tsv) and a state
 * alone is a person of that state, who stands for it.
 */
void dyad__origin_after(struct dyad__work *w, struct dyad__mention *name, size_t s_end)
{
	size_t k = name->tok_end;
	if (name->country || k + 1 >= s_end || !(w->tokens[k].flags & DYAD_TOK_WORD))
		return;
	const struct dyad__form *f = dyad__tok_form(w, &w->tokens[k]);
	if (!dyad_hash_get(&w->engine->gaz->origins, f->lower, f->lower_len, NULL))
		return;
	struct dyad__mention *c = dyad__mention_at(w, k + 1);
	if (!c || c->kind != DYAD_MENTION_COUNTRY || !c->country)
		return;
	/* "Smith of Russia and Azerbaijan", "Smith of Russia's ...": not alone */
	size_t after = c->tok_end;
	if (after < s_end && (dyad__tok_kind(w, after, MOD_COORDINATOR) ||
	                      dyad__tok_kind(w, after, MOD_POSSESSIVE) ||
	                      dyad__mention_at(w, after)))
		return;
	name->kind = DYAD_MENTION_PERSON;
	name->country = c->country;
	c->attached = 1;
}

/* A title with a country and no name: the office holder ("Azerbaijani
 * President", "the President of Russia", "Президент Азербайджана"). */
void dyad__titles_as_people(struct dyad__work *w, size_t s, size_t first)
{
	const struct dyad__sentence *sent = &w->sentences[s];
	for (size_t i = first; i < w->n_mentions; i++) {
		struct dyad__mention *m = &w->mentions[i];
		if (m->sentence != (int32_t)s || m->kind != DYAD_MENTION_ROLE || m->attached)
			continue;
		const char *c = title_country(w, m->tok_start, m->tok_end, sent->tok_start,
		                              sent->tok_end);
		if (!c)
			continue;
		m->country = c;
		const struct dyad__role *r = dyad__role_find(w->engine->gaz, m->role);
		if (!r || r->rank < NATIONAL_OFFICE_RANK)
			continue; /* many governors and ambassadors: no single holder */
		const struct dyad__person *p =
			dyad__office_holder(w->engine->gaz, c, m->role, &w->published);
		if (p) {
			m->kind = DYAD_MENTION_PERSON;
			m->person = p;
		}
	}
}

/*
 * "KATHMANDU, June 12: Nepali border guards opened fire ...", "MOSCOW
 * (Reuters) - ...": a capital or city in capitals that opens a sentence and
 * is followed by a comma or a bracket is the dateline, where the story was
 * filed; so is the place the metadata stage read as the dateline, written
 * as it is.
 */
static int opens_as_dateline(const struct dyad__work *w, const struct dyad__mention *m)
{
	if (m->sentence < 0 || (size_t)m->sentence >= w->n_sentences)
		return 0;
	const struct dyad__sentence *sent = &w->sentences[m->sentence];
	if (m->tok_start != sent->tok_start || m->tok_end >= sent->tok_end ||
	    (m->kind != DYAD_MENTION_CAPITAL && m->kind != DYAD_MENTION_PLACE))
		return 0;
	if (!dyad__tok_is_char(w, m->tok_end, ',') && !dyad__tok_is_char(w, m->tok_end, '('))
		return 0;
	int caps = 1;
	for (size_t k = m->tok_start; k < m->tok_end; k++)
		if ((w->tokens[k].flags & DYAD_TOK_WORD) && !(w->tokens[k].flags & DYAD_TOK_ALLCAPS))
			caps = 0;
	const char *d = w->doc ? w->doc->dateline : NULL;
	size_t n = d ? strlen(d) : 0;
	return caps || (n && n == m->end - m->start && strncmp(d, w->text + m->start, n) == 0);
}

/*
 * The hook where a capital or a seat of power is read as a place or as its
 * state. Without the tree (the entity stage sees words only), a capital
 * after a preposition of place, up to two lower-case words before it, is a
 * place ("talks in Moscow", "в афганском Кабуле"); anywhere else it stands
 * for its state: a subject of a verb of saying or acting ("Moscow warned",
 * "Вашингтон заявил"), an object ("warned Kyiv"), a party ("Baku-Bishkek
 * ties"). Once the grammar stage is in the pipeline this is where the
 * capital's relation is read instead: nsubj, obj, iobj, nmod:poss or conj of
 * such a subject make it the state; obl or nmod with a case marker of place
 * (in, at, в, на + Loc) a place.
 */
static int after_locative(const struct dyad__work *w, const struct dyad__mention *m, int depth)
{
	size_t k = m->tok_start;
	for (int skipped = 0; k > 0 && skipped <= CAPITAL_LOCATIVE_GAP; skipped++) {
		k--;
		if (dyad__tok_kind(w, k, MOD_LOCATIVE))
			return 1;
		if (!(w->tokens[k].flags & DYAD_TOK_WORD) || (w->tokens[k].flags & DYAD_TOK_CAP))
			break;
	}
	/* "in Tashkent and Bishkek", "в Ташкенте и Бишкеке": the second place
	 * of a pair after a preposition of place is a place too */
	k = m->tok_start;
	if (depth > 0 && k >= 2 && dyad__tok_kind(w, k - 1, MOD_COORDINATOR)) {
		int32_t prev = w->tokens[k - 2].mention;
		const struct dyad__mention *p = prev >= 0 ? &w->mentions[prev] : NULL;
		if (p && (p->kind == DYAD_MENTION_CAPITAL || p->kind == DYAD_MENTION_PLACE))
			return after_locative(w, p, depth - 1);
	}
	return 0;
}

int dyad__capital_is_place(const struct dyad__work *w, const struct dyad__mention *m)
{
	return opens_as_dateline(w, m) || after_locative(w, m, CAPITAL_PAIR_DEPTH);
}

/* The state of the first place named after a preposition of place in
 * sentence s ("in Tbilisi", "в Баку", "outside the embassy in Baku"), or
 * NULL. */
static const char *where_in_sentence(struct dyad__work *w, size_t s, size_t first)
{
	for (size_t i = first; i < w->n_mentions; i++) {
		const struct dyad__mention *m = &w->mentions[i];
		if (m->sentence != (int32_t)s || !m->country || strcmp(m->country, "IGO") == 0)
			continue;
		if ((m->kind == DYAD_MENTION_CAPITAL || m->kind == DYAD_MENTION_PLACE ||
		     m->kind == DYAD_MENTION_COUNTRY) &&
		    dyad__capital_is_place(w, m))
			return m->country;
	}
	return NULL;
}

/*
 * "Protesters rallied outside the Russian embassy in Tbilisi", "в Баку
 * активисты пикетировали посольство": a group of people (a civilian role or
 * body, agent CVL) that no adjective gives a state is of the state where it
 * stands: the place the sentence names, else the dateline's.
 */
void dyad__groups_where_they_stand(struct dyad__work *w, size_t s, size_t first)
{
	const char *where = NULL, *filed = NULL;
	int looked = 0;
	for (size_t i = first; i < w->n_mentions; i++) {
		struct dyad__mention *m = &w->mentions[i];
		if (m->sentence != (int32_t)s || m->country || m->attached || !m->agent ||
		    strcmp(m->agent, "CVL") != 0 ||
		    (m->kind != DYAD_MENTION_ROLE && m->kind != DYAD_MENTION_ORG_HEAD))
			continue;
		if (!looked) {
			where = where_in_sentence(w, s, first);
			filed = where ? NULL : dateline_country(w);
			looked = 1;
		}
		/* "MOSCOW, May 1 -- Protesters gathered ...": people named by a
		 * role stand where the story was filed; not a people head
		 * ("unity of the people") */
		const char *c = where ? where : m->kind == DYAD_MENTION_ROLE ? filed : NULL;
		if (!c)
			continue;
		m->country = c;
		if (m->kind == DYAD_MENTION_ORG_HEAD) {
			char actor[16];
			snprintf(actor, sizeof actor, "%s%s", c, m->agent);
			m->actor = dyad_arena_strdup(w->arena, actor);
		}
	}
}

/* The dateline's place opening sentence s stays a place and stands for
 * nobody (see opens_as_dateline). */
void dyad__dateline_places(struct dyad__work *w, size_t s, size_t first)
{
	if (first < w->n_mentions && w->mentions[first].sentence == (int32_t)s &&
	    opens_as_dateline(w, &w->mentions[first]))
		w->mentions[first].attached = 1;
}
