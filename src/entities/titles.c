/*
 * titles.c - the entity stage: mentions of people, countries, places and
 * organisations in every sentence, then one entity per referent.
 *
 * Pass 1 walks each sentence and takes the longest dictionary phrase at each
 * token (gazetteer), else a run of capitalised words shaped like a name.
 * Pass 2 composes mentions: a title before or after a name gives the person
 * a role and (through an adjective, "of X" or a Russian genitive) a country;
 * a title with a country and no name ("the Azerbaijani President") stands for
 * the office holder of the knowledge base. Pass 3 merges mentions into
 * entities: people by surname skeleton (so "Ильхама Алиева", "Aliyev" and
 * "Ilham Heydarovich Aliyev" meet), countries by ISO code, the rest by name;
 * role references ("the ambassador") join the last person of that role.
 */
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "entities/entities.h"
#include "extract/stages.h"
#include "kb/verbs.h"
#include "kb/engine.h"
#include "kb/gazetteer.h"

#define MAX_NAME_WORDS 4      /* given + patronymic + two-part surname */
#define MAX_NAME_SYLLABLE 4   /* a lower-case part after a hyphen: "Ho-jin" */
#define ROLE_NAME_GAP 7       /* words between a title and a name ("Ambassador of the Kyrgyz Republic to our country, Maksat ...") */
#define APPOSITION_WINDOW 14  /* tokens after "Name," searched for a title */
#define ADJ_ROLE_GAP 4        /* "Russian Industry and Trade Minister" */
#define NATIONAL_OFFICE_RANK 7 /* roles with one holder per country */

/* ---- small token helpers ---------------------------------------------- */

static int in_set(const struct dyad_hash *set, const struct dyad__work *w, size_t i)
{
	const struct dyad__token *t = &w->tokens[i];
	return dyad_hash_get(set, dyad__tok_lower(w, t), t->lower_len, NULL);
}

/* ---- knowledge-base look-ups ------------------------------------------ */

static long date_key(const struct dyad__date *d, int end_of_period)
{
	if (!d->year)
		return end_of_period ? 99999999L : 0;
	int m = d->month ? d->month : (end_of_period ? 12 : 1);
	int day = d->day ? d->day : (end_of_period ? 31 : 1);
	return (long)d->year * 10000 + m * 100 + day;
}

static int holds_office_on(const struct dyad__person *p, const struct dyad__date *on)
{
	if (!p->from.year)
		return 0; /* an undated title ("national leader") is an honour, no office */
	if (!on->year)
		return p->to.year == 0; /* undated article: current holders */
	long k = date_key(on, 0);
	return date_key(&p->from, 0) <= k && k <= date_key(&p->to, 1);
}

static const struct dyad__role *role_by_name(const struct dyad__gazetteer *gaz,
                                             const char *role);

/* Among the records of one person, the office held on the date, else the
 * latest one. The records are chained from the first (gazetteer.c). */
static const struct dyad__person *pick_record(const struct dyad__gazetteer *gaz,
                                              const struct dyad__person *any,
                                              const struct dyad__date *on)
{
	const struct dyad__person *first = &gaz->people[any->first_office];
	const struct dyad__person *best = NULL, *held = NULL;
	int held_rank = -1;
	for (const struct dyad__person *p = first; p;
	     p = p->next_office ? &gaz->people[p->next_office - 1] : NULL) {
		if (holds_office_on(p, on)) {
			/* of several offices at once, the highest: Xi Jinping acts as
			 * president rather than as party leader */
			const struct dyad__role *r = role_by_name(gaz, p->role);
			int rank = r ? r->rank : 0;
			if (rank > held_rank) {
				held = p;
				held_rank = rank;
			}
		}
		if (!best || date_key(&p->from, 0) > date_key(&best->from, 0))
			best = p;
	}
	return held ? held : best;
}

const struct dyad__person *dyad__kb_office_holder(const struct dyad__gazetteer *gaz,
                                                  const char *iso3, const char *role,
                                                  const struct dyad__date *on)
{
	const struct dyad__person *found = NULL;
	for (size_t i = 0; i < gaz->n_people; i++) {
		const struct dyad__person *p = &gaz->people[i];
		if (!p->iso3 || !p->role || strcmp(p->iso3, iso3) != 0 ||
		    strcmp(p->role, role) != 0 || !holds_office_on(p, on))
			continue;
		if (found && strcmp(found->name, p->name) != 0)
			return NULL; /* two holders: ambiguous */
		found = p;
	}
	return found;
}

/* The KB person whose name ends in this stem ("Putin", "Путину") and who
 * was in office on the date, or the only one of that name. */
static const struct dyad__person *kb_by_surname(const struct dyad__gazetteer *gaz,
                                                const char *stem, size_t n,
                                                const struct dyad__date *on)
{
	const struct dyad__person *current = NULL, *any = NULL;
	int several_current = 0, several = 0, current_rank = -1;
	for (uint32_t id = dyad__gaz_people_by_surname(gaz, stem, n); id;
	     id = gaz->surname_nodes[id - 1].next) {
		const struct dyad__person *p = &gaz->people[gaz->surname_nodes[id - 1].person];
		if (any && strcmp(any->name, p->name) != 0)
			several = 1;
		any = p;
		if (!holds_office_on(p, on))
			continue;
		/* "Erdogan said": of the president and the first lady, the one in
		 * the higher office is meant */
		const struct dyad__role *r = role_by_name(gaz, p->role);
		int rank = r ? r->rank : 0;
		if (!current || rank > current_rank) {
			several_current = current && strcmp(current->name, p->name) != 0 &&
			                  rank == current_rank;
			current = p;
			current_rank = rank;
		} else if (rank == current_rank && strcmp(current->name, p->name) != 0) {
			several_current = 1;
		}
	}
	if (current && !several_current)
		return pick_record(gaz, current, on);
	return any && !several ? pick_record(gaz, any, on) : NULL;
}

/* kb_by_surname on every name key of the word, the longest first
 * ("Абдоллахианом" is Abdollahian in the instrumental). */
static const struct dyad__person *kb_by_surname_any(const struct dyad__work *w,
                                                   const struct dyad__token *t)
{
	const struct dyad__gazetteer *gaz = w->engine->gaz;
	const struct dyad__person *p = NULL;
	size_t lens[DYAD_MAX_NAME_KEYS];
	const char *lower = dyad__tok_lower(w, t);
	size_t n = dyad__name_key_lens(w->engine, (t->flags & DYAD_TOK_CYRILLIC) != 0, lower,
	                               t->lower_len, lens);
	for (size_t i = 0; i < n && !p; i++)
		p = kb_by_surname(gaz, lower, lens[i], &w->published);
	return p;
}

static const struct dyad__role *role_by_name(const struct dyad__gazetteer *gaz,
                                             const char *role)
{
	for (size_t i = 0; role && i < gaz->n_roles; i++)
		if (strcmp(gaz->roles[i].role, role) == 0)
			return &gaz->roles[i];
	return NULL;
}

/* ---- pass 1: mentions ------------------------------------------------- */

static struct dyad__mention *add_mention(struct dyad__work *w, size_t s,
                                         size_t a, size_t b,
                                         enum dyad__mention_kind kind)
{
	struct dyad__mention *m = DYAD_WORK_PUSH(w, mentions);
	if (!m)
		return NULL;
	m->tok_start = (uint32_t)a;
	m->tok_end = (uint32_t)b;
	m->start = w->tokens[a].start;
	m->end = w->tokens[b - 1].end;
	m->kind = kind;
	m->entity = -1;
	m->sentence = (int32_t)s;
	m->record = -1;
	m->lead_tok = -1;
	for (size_t k = a; k < b; k++)
		w->tokens[k].mention = (int32_t)(w->n_mentions - 1);
	return m;
}

static int is_name_word(const struct dyad__work *w, size_t i)
{
	const struct dyad__token *t = &w->tokens[i];
	if (!(t->flags & DYAD_TOK_WORD) || !(t->flags & DYAD_TOK_CAP) ||
	    (t->flags & DYAD_TOK_NUMBER))
		return 0;
	if (t->end - t->start > 2 && (t->flags & DYAD_TOK_ALLCAPS))
		return 0; /* acronyms and shouted words are not names */
	return !in_set(&w->engine->gaz->stopwords, w, i);
}

/* Length in tokens of a name-shaped run at i ("Kassym-Jomart Tokayev",
 * "M. Mamytkanov"), stopping where a dictionary phrase begins. */
static size_t name_run(const struct dyad__work *w, size_t i, size_t end,
                       size_t *n_words)
{
	const struct dyad__gazetteer *gaz = w->engine->gaz;
	size_t k = i, words = 0;
	while (k < end && words < MAX_NAME_WORDS) {
		if (k > i) {
			/* a dictionary phrase, a known name included, starts a mention
			 * of its own: "Визит Ильхама Алиева" */
			const struct dyad__gaz_entry *e;
			if (dyad__gaz_match(gaz, w, k, end, &e))
				break;
		}
		if (!is_name_word(w, k))
			break;
		size_t next = k + 1;
		if (w->tokens[k].flags & DYAD_TOK_INITIAL)
			next++; /* the dot */
		/* hyphenated parts: Kassym-Jomart, Kara-Kyrgyz, Ho-jin */
		while (next + 1 < end && dyad__tok_is_char(w, next, '-') &&
		       (w->tokens[next].flags & DYAD_TOK_GLUED) &&
		       (w->tokens[next + 1].flags & DYAD_TOK_GLUED) &&
		       (w->tokens[next + 1].flags & DYAD_TOK_WORD) &&
		       ((w->tokens[next + 1].flags & DYAD_TOK_CAP) ||
		        w->tokens[next + 1].end - w->tokens[next + 1].start <= MAX_NAME_SYLLABLE))
			next += 2;
		words++;
		k = next;
	}
	*n_words = words;
	return k - i;
}

static enum dyad__mention_kind kind_of(enum dyad__gaz_kind g)
{
	switch (g) {
	case GAZ_COUNTRY: return DYAD_MENTION_COUNTRY;
	case GAZ_ADJECTIVE: return DYAD_MENTION_ADJECTIVE;
	case GAZ_DEMONYM: return DYAD_MENTION_DEMONYM;
	case GAZ_CAPITAL: case GAZ_SEAT: return DYAD_MENTION_CAPITAL;
	case GAZ_REGION: return DYAD_MENTION_REGION;
	case GAZ_PLACE: return DYAD_MENTION_PLACE;
	case GAZ_PERSON: return DYAD_MENTION_PERSON;
	case GAZ_ROLE: return DYAD_MENTION_ROLE;
	case GAZ_ORG: return DYAD_MENTION_ORG;
	default: return DYAD_MENTION_ORG_HEAD;
	}
}

/* Fill what a dictionary reading tells about a mention. */
static void apply_entry(struct dyad__work *w, struct dyad__mention *m,
                        const struct dyad__gaz_entry *e)
{
	const struct dyad__gazetteer *gaz = w->engine->gaz;
	m->kind = kind_of((enum dyad__gaz_kind)e->kind);
	m->record = (int32_t)e->record;
	switch ((enum dyad__gaz_kind)e->kind) {
	case GAZ_COUNTRY: case GAZ_ADJECTIVE: case GAZ_DEMONYM:
		m->country = gaz->countries[e->record].iso3;
		break;
	case GAZ_CAPITAL: case GAZ_SEAT:
		m->country = gaz->countries[e->record].iso3;
		m->agent = "GOV";
		m->record = e->place; /* the city, when places.tsv has it */
		break;
	case GAZ_PLACE:
		m->country = gaz->places[e->record].iso3;
		break;
	case GAZ_PERSON: {
		const struct dyad__person *p =
			pick_record(gaz, &gaz->people[e->record], &w->published);
		m->person = p;
		m->country = p->iso3;
		m->role = p->role;
		const struct dyad__role *r = role_by_name(gaz, p->role);
		m->agent = r ? r->agent : "GOV";
		break;
	}
	case GAZ_ROLE:
		m->role = gaz->roles[e->record].role;
		m->agent = gaz->roles[e->record].agent;
		break;
	case GAZ_ORG:
		m->country = gaz->orgs[e->record].country;
		m->actor = gaz->orgs[e->record].actor;
		break;
	case GAZ_ORG_HEAD:
		m->agent = gaz->heads[e->record].agent;
		break;
	default:
		break;
	}
}

static dyad_status find_mentions(struct dyad__work *w, size_t s)
{
	const struct dyad__gazetteer *gaz = w->engine->gaz;
	const struct dyad__sentence *sent = &w->sentences[s];
	size_t i = sent->tok_start, end = sent->tok_end;
	while (i < end) {
		const struct dyad__token *t = &w->tokens[i];
		if (!(t->flags & DYAD_TOK_WORD)) {
			i++;
			continue;
		}
		const struct dyad__gaz_entry *e;
		size_t n = dyad__gaz_match(gaz, w, i, end, &e);
		size_t words = 0;
		size_t run = is_name_word(w, i) ? name_run(w, i, end, &words) : 0;
		/* a longer name beats a dictionary first name ("Jordan Smith") */
		if (n && !(e->kind != GAZ_PERSON && run > n && words >= 2 &&
		           e->kind == GAZ_PLACE)) {
			struct dyad__mention *m = add_mention(w, s, i, i + n, DYAD_MENTION_ORG);
			if (!m)
				return DYAD_ENOMEM;
			apply_entry(w, m, e);
			i += n;
			continue;
		}
		/* "Talks between A and B ...", "Встреча президента ...": the capital
		 * letter that opens a sentence makes no name of a predicate noun */
		if (run && words == 1 && (t->flags & DYAD_TOK_SENT_START) &&
		    dyad__verbs_written_anchor(w->engine->verbs, dyad__tok_lower(w, t), t->lower_len,
		                               dyad__tok_stem(w, t), t->stem_len))
			run = 0;
		if (run) {
			struct dyad__mention *m = add_mention(w, s, i, i + run, DYAD_MENTION_NAME);
			if (!m)
				return DYAD_ENOMEM;
			m->n_words = (int)words;
			i += run;
			continue;
		}
		i++;
	}
	return DYAD_OK;
}

/* ---- pass 2: composing titles, countries and names --------------------- */

static struct dyad__mention *mention_at(struct dyad__work *w, size_t tok);
static int gives_country(const struct dyad__mention *m);

/*
 * "the Kyrgyz parliament", "Russia's Foreign Ministry", "the Ministry of
 * Foreign Affairs of Azerbaijan", "МИД Ирана": a generic state body takes
 * the country named next to it.
 */
static void compose_org_heads(struct dyad__work *w, size_t s)
{
	const struct dyad__sentence *sent = &w->sentences[s];
	const struct dyad__gazetteer *gaz = w->engine->gaz;
	for (size_t i = 0; i < w->n_mentions; i++) {
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
			struct dyad__mention *b = mention_at(w, before);
			if (b && (b->kind == DYAD_MENTION_ADJECTIVE || b->kind == DYAD_MENTION_COUNTRY))
				owner = b;
		}
		if (!owner) {
			size_t after = m->tok_end;
			if (after < sent->tok_end && dyad__tok_kind(w, after, MOD_GENITIVE))
				after++;
			if (after < sent->tok_end && dyad__tok_kind(w, after, MOD_DETERMINER))
				after++;
			struct dyad__mention *a = after < sent->tok_end ? mention_at(w, after) : NULL;
			if (a && (a->kind == DYAD_MENTION_COUNTRY || a->kind == DYAD_MENTION_CAPITAL))
				owner = a;
		}
		if (!owner || !owner->country || !gives_country(owner))
			continue;
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
static void reassign_owned_orgs(struct dyad__work *w, size_t s)
{
	const struct dyad__sentence *sent = &w->sentences[s];
	for (size_t i = 0; i < w->n_mentions; i++) {
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

static struct dyad__mention *mention_at(struct dyad__work *w, size_t tok)
{
	int32_t m = w->tokens[tok].mention;
	return m >= 0 ? &w->mentions[m] : NULL;
}

static int gives_country(const struct dyad__mention *m)
{
	return m && m->country &&
	       (m->kind == DYAD_MENTION_COUNTRY || m->kind == DYAD_MENTION_ADJECTIVE ||
	        m->kind == DYAD_MENTION_CAPITAL || m->kind == DYAD_MENTION_PLACE ||
	        m->kind == DYAD_MENTION_ORG);
}

/*
 * The country a title at [a, b) is of: an adjective just before it
 * ("Kyrgyz Ambassador", "Russian Industry and Trade Minister"), else the
 * country right after it, alone (Russian genitive: "Президента Казахстана")
 * or after "of" ("President of Kyrgyzstan", "Governor of St. Petersburg").
 */
static const char *title_country(struct dyad__work *w, size_t a, size_t b,
                                 size_t s_start, size_t s_end)
{
	size_t gap = 0;
	for (size_t k = a; k > s_start && gap < ADJ_ROLE_GAP; gap++) {
		k--;
		/* "Kazakhstan's Deputy Foreign Minister" */
		if (dyad__tok_kind(w, k, MOD_POSSESSIVE) && k > s_start &&
		    k + 1 == a) {
			struct dyad__mention *o = mention_at(w, k - 1);
			if (o && o->country && (o->kind == DYAD_MENTION_COUNTRY ||
			                        o->kind == DYAD_MENTION_CAPITAL)) {
				o->attached = 1;
				return o->country;
			}
		}
		struct dyad__mention *m = mention_at(w, k);
		if (m && m->kind == DYAD_MENTION_ADJECTIVE) {
			m->attached = 1;
			return m->country;
		}
		if (m && (m->kind == DYAD_MENTION_COUNTRY || m->kind == DYAD_MENTION_ORG) &&
		    m->tok_end == a) {
			m->attached = 1;
			return m->country; /* "Russia's President", "State Duma deputy" */
		}
		/* "Surkhandarya region governor", "Balkh province governor" */
		if (m && m->kind == DYAD_MENTION_PLACE && m->country)
			return m->country;
		if (m && m->kind != DYAD_MENTION_ORG_HEAD)
			break;
		if (w->tokens[k].flags & DYAD_TOK_PUNCT)
			break;
	}
	size_t k = b;
	/* "Ambassador to Russia" serves another state than Russia: the host
	 * country after "to" is no title country, nor the sentence's subject */
	if (k + 1 < s_end && dyad__tok_kind(w, k, MOD_DESTINATION)) {
		size_t h = k + 1;
		if (h < s_end && dyad__tok_kind(w, h, MOD_DETERMINER))
			h++;
		struct dyad__mention *host = h < s_end ? mention_at(w, h) : NULL;
		if (host && gives_country(host))
			host->attached = 1;
		return NULL;
	}
	if (k < s_end && dyad__tok_kind(w, k, MOD_GENITIVE))
		k++;
	if (k < s_end && dyad__tok_kind(w, k, MOD_DETERMINER))
		k++;
	/* the country after the title belongs to it: "President of Kyrgyzstan"
	 * is one actor, not two */
	struct dyad__mention *m = k < s_end ? mention_at(w, k) : NULL;
	if (gives_country(m) && m->kind != DYAD_MENTION_ORG) {
		/* "the presidents of Russia and Azerbaijan": both stay actors */
		size_t after = m->tok_end;
		int coordinated = after + 1 < s_end &&
		                  dyad__tok_kind(w, after, MOD_COORDINATOR) &&
		                  gives_country(mention_at(w, after + 1));
		if (!coordinated)
			m->attached = 1;
		return m->country;
	}
	/* "Chairman of the Halk Maslahaty of Turkmenistan" */
	if (m && m->kind == DYAD_MENTION_ORG) {
		size_t after = m->tok_end;
		if (after + 1 < s_end && dyad__tok_kind(w, after, MOD_GENITIVE)) {
			struct dyad__mention *c = mention_at(w, after + 1);
			if (gives_country(c)) {
				c->attached = 1;
				return c->country;
			}
		}
		return m->country;
	}
	return NULL;
}

static void set_person_title(struct dyad__work *w, struct dyad__mention *name,
                             const struct dyad__mention *title, const char *country)
{
	const struct dyad__role *r = role_by_name(w->engine->gaz, title->role);
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
		struct dyad__mention *m = mention_at(w, k);
		if (m && m->kind == DYAD_MENTION_ROLE)
			return title_country(w, m->tok_start, m->tok_end, s_start, s_end);
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

/* A title up to ROLE_NAME_GAP tokens before the name; the words of other
 * mentions in between ("of St. Petersburg") do not count. */
static void title_before(struct dyad__work *w, struct dyad__mention *name,
                         size_t s_start, size_t s_end)
{
	size_t k = name->tok_start;
	size_t gap = 0;
	while (k > s_start && gap <= ROLE_NAME_GAP) {
		k--;
		struct dyad__mention *m = mention_at(w, k);
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
static void title_after(struct dyad__work *w, struct dyad__mention *name,
                        size_t s_end)
{
	size_t k = name->tok_end;
	if (k >= s_end || !dyad__tok_is_char(w, k, ','))
		return;
	struct dyad__mention *best = NULL;
	for (size_t j = k + 1; j < s_end && j <= k + APPOSITION_WINDOW; j++) {
		struct dyad__mention *m = mention_at(w, j);
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
		struct dyad__mention *m = mention_at(w, j);
		if (m && m->kind != DYAD_MENTION_PERSON && gives_country(m))
			c = m->country;
	}
	set_person_title(w, name, best, c);
	best->attached = 1;
}

static int next_to_cue(struct dyad__work *w, const struct dyad__mention *m,
                       size_t s_start, size_t s_end)
{
	const struct dyad__gazetteer *gaz = w->engine->gaz;
	if (m->tok_end < s_end && in_set(&gaz->cues, w, m->tok_end))
		return 1;
	if (m->tok_start > s_start && in_set(&gaz->cues, w, m->tok_start - 1))
		return 1;
	return 0;
}

/* The surname word of a person mention: its last word token. */
static size_t surname_token(const struct dyad__work *w, const struct dyad__mention *m)
{
	size_t k = m->tok_end;
	while (k > m->tok_start) {
		k--;
		if (w->tokens[k].flags & DYAD_TOK_WORD)
			return k;
	}
	return m->tok_start;
}

static size_t token_skeleton(const struct dyad__work *w, size_t k, char *out, size_t cap)
{
	const struct dyad__token *t = &w->tokens[k];
	return dyad__name_skeleton(w->text + t->start, t->end - t->start, out, cap);
}

static void confirm_names(struct dyad__work *w, size_t s)
{
	const struct dyad__gazetteer *gaz = w->engine->gaz;
	const struct dyad__sentence *sent = &w->sentences[s];
	for (size_t i = 0; i < w->n_mentions; i++) {
		struct dyad__mention *m = &w->mentions[i];
		if (m->sentence != (int32_t)s)
			continue;
		if (m->kind != DYAD_MENTION_NAME && m->kind != DYAD_MENTION_PERSON)
			continue;
		/* a lone capitalised word takes no title: "Group, State Duma deputy" */
		if (m->kind == DYAD_MENTION_PERSON || m->n_words > 1) {
			title_before(w, m, sent->tok_start, sent->tok_end);
			if (m->kind == DYAD_MENTION_NAME || !m->role || !m->country)
				title_after(w, m, sent->tok_end);
		}
		if (m->kind != DYAD_MENTION_NAME)
			continue;
		/* no title: a person when a verb of saying or the name's shape says so */
		size_t sk = surname_token(w, m);
		const struct dyad__token *st = &w->tokens[sk];
		const struct dyad__person *kb = kb_by_surname_any(w, st);
		int shaped = m->n_words >= 2 &&
		             dyad__gaz_surname_shape(gaz, dyad__tok_lower(w, st), st->lower_len);
		if (kb && (m->n_words == 1 || shaped || next_to_cue(w, m, sent->tok_start, sent->tok_end))) {
			m->kind = DYAD_MENTION_PERSON;
			m->person = kb;
			m->country = kb->iso3;
			m->role = kb->role;
			const struct dyad__role *r = role_by_name(gaz, kb->role);
			m->agent = r ? r->agent : "GOV";
			m->country_from_kb_only = 1;
		} else if (shaped || next_to_cue(w, m, sent->tok_start, sent->tok_end)) {
			m->kind = DYAD_MENTION_PERSON;
		}
	}
}

/* ---- pass 3: entities ------------------------------------------------- */

static char *join_actor(struct dyad__work *w, const char *country, const char *agent)
{
	if (!country)
		return NULL;
	if (!agent || strcmp(country, "IGO") == 0)
		return (char *)country;
	char buf[16];
	snprintf(buf, sizeof buf, "%s%s", country, agent);
	return dyad_arena_strdup(w->arena, buf);
}

/* Latin transliteration of a Cyrillic name for display ("Галузин" ->
 * "Galuzin"); other letters are kept. */
static char *latin_name(struct dyad__work *w, uint32_t start, uint32_t end)
{
	size_t n = end - start, i = 0, o = 0;
	/* two bytes of Cyrillic become at most four Latin letters ("щ") */
	char *out = dyad_arena_alloc(w->arena, n * 2 + 1);
	if (!out)
		return NULL;
	while (i < n) {
		size_t at = i;
		uint32_t cp = dyad_utf8_next(w->text + start, n, &i);
		int upper = dyad_cp_is_upper(cp);
		uint32_t lower = cp >= 0x0410 && cp <= 0x042F ? cp + 0x20 : cp == 0x0401 ? 0x0451 : cp;
		const char *l = dyad__cyrillic_latin(lower);
		if (l) {
			for (size_t k = 0; l[k]; k++)
				out[o++] = (char)(k == 0 && upper ? l[k] - ('a' - 'A') : l[k]);
		} else {
			memcpy(out + o, w->text + start + at, i - at);
			o += i - at;
		}
	}
	out[o] = '\0';
	return out;
}

static dyad_status new_entity(struct dyad__work *w, struct dyad__mention *m,
                              enum dyad_entity_kind kind, const char *name,
                              const char *key)
{
	struct dyad__entity *e = DYAD_WORK_PUSH(w, entities);
	if (!e)
		return DYAD_ENOMEM;
	e->kind = kind;
	e->name = name;
	e->key = key;
	e->country = m->country;
	e->role = m->role;
	e->role_rank = m->role_rank;
	e->actor = kind == DYAD_ENTITY_COUNTRY ? m->country
	         : m->actor ? m->actor : join_actor(w, m->country, m->agent);
	m->entity = (int32_t)(w->n_entities - 1);
	return DYAD_OK;
}

static int32_t find_entity(struct dyad__work *w, enum dyad_entity_kind kind,
                           const char *key)
{
	for (size_t i = w->n_entities; i-- > 0;)
		if (w->entities[i].kind == kind && w->entities[i].key &&
		    strcmp(w->entities[i].key, key) == 0)
			return (int32_t)i;
	return -1;
}

static void enrich(struct dyad__work *w, struct dyad__entity *e,
                   const struct dyad__mention *m)
{
	if (m->country && (!e->country || (e->country_from_kb && !m->country_from_kb_only))) {
		e->country = m->country;
		e->country_from_kb = m->country_from_kb_only;
		e->actor = NULL;
	}
	if (m->role && m->role_rank >= e->role_rank) {
		e->role = m->role;
		e->role_rank = m->role_rank;
		e->agent = m->agent;
		e->actor = NULL;
	}
	if (!e->actor && e->country)
		e->actor = join_actor(w, e->country, e->agent ? e->agent : m->agent);
}

/* Skeleton of the first word of a name (the given name), in the arena. */
static const char *given_skeleton(struct dyad__work *w, const char *name, size_t len)
{
	size_t n = 0;
	while (n < len && name[n] != ' ')
		n++;
	if (n == len)
		return NULL; /* one word: no given name */
	char skel[DYAD_MAX_WORD_BYTES];
	size_t k = dyad__name_skeleton(name, n, skel, sizeof skel);
	return k ? dyad_arena_strndup(w->arena, skel, k) : NULL;
}

/* "Dmitry Ivanovich": a given name and a patronymic address a person named
 * before by full name. */
static int32_t by_given_name(struct dyad__work *w, const struct dyad__mention *m)
{
	const struct dyad__gazetteer *gaz = w->engine->gaz;
	if (m->n_words != 2)
		return -1;
	const struct dyad__token *last = &w->tokens[m->tok_end - 1];
	if (!dyad__gaz_patronymic_shape(gaz, dyad__tok_lower(w, last), last->lower_len))
		return -1;
	const char *given = given_skeleton(w, w->text + m->start, m->end - m->start);
	for (size_t i = w->n_entities; given && i-- > 0;) {
		const struct dyad__entity *e = &w->entities[i];
		if (e->kind == DYAD_ENTITY_PERSON && e->given && strcmp(e->given, given) == 0)
			return (int32_t)i;
	}
	return -1;
}

static char *mention_name(struct dyad__work *w, const struct dyad__mention *m)
{
	return (w->tokens[m->tok_start].flags & DYAD_TOK_CYRILLIC)
	           ? latin_name(w, m->start, m->end)
	           : dyad_arena_strndup(w->arena, w->text + m->start, m->end - m->start);
}

static dyad_status person_entity(struct dyad__work *w, struct dyad__mention *m)
{
	char key[DYAD_MAX_WORD_BYTES];
	const char *name = NULL;
	size_t n;
	int32_t found = m->person ? -1 : by_given_name(w, m);
	if (m->person) {
		name = m->person->name;
		const char *sp = strrchr(name, ' ');
		sp = sp ? sp + 1 : name;
		n = dyad__name_skeleton(sp, strlen(sp), key, sizeof key);
	} else {
		n = token_skeleton(w, surname_token(w, m), key, sizeof key);
	}
	if (!n)
		return DYAD_OK;
	if (found < 0)
		found = find_entity(w, DYAD_ENTITY_PERSON, key);
	if (found >= 0 && m->person && w->entities[found].person &&
	    strcmp(w->entities[found].person->name, m->person->name) != 0) {
		if (m->n_words <= 1 && m->country_from_kb_only) {
			/* a lone surname is the namesake the text already named, not
			 * the knowledge base's guess */
			m->person = NULL;
			m->role = NULL;
			m->country = NULL;
		} else {
			found = -1; /* Heydar Aliyev is not Ilham Aliyev */
		}
	}
	if (found < 0 && !m->person && m->n_words <= 1) {
		/* a lone surname may be someone of the knowledge base */
		const struct dyad__person *kb = kb_by_surname_any(w, &w->tokens[surname_token(w, m)]);
		if (kb) {
			m->person = kb;
			name = kb->name;
			if (!m->country) {
				m->country = kb->iso3;
				m->country_from_kb_only = 1;
			}
		}
	}
	if (found >= 0) {
		struct dyad__entity *e = &w->entities[found];
		m->entity = found;
		e->n_mentions++;
		if (m->person && !e->person) {
			e->person = m->person;
			e->name = m->person->name;
			e->given = given_skeleton(w, e->name, strlen(e->name));
		} else if (!e->person && m->n_words > e->n_words && by_given_name(w, m) < 0) {
			e->name = mention_name(w, m);
			e->n_words = m->n_words;
			e->given = given_skeleton(w, w->text + m->start, m->end - m->start);
		}
		enrich(w, e, m);
		return DYAD_OK;
	}
	char *k = dyad_arena_strndup(w->arena, key, n);
	if (!name)
		name = mention_name(w, m);
	if (!k || !name)
		return DYAD_ENOMEM;
	dyad_status st = new_entity(w, m, DYAD_ENTITY_PERSON, name, k);
	if (st != DYAD_OK)
		return st;
	struct dyad__entity *e = &w->entities[w->n_entities - 1];
	e->person = m->person;
	e->n_words = m->n_words;
	e->n_mentions = 1;
	e->agent = m->agent;
	e->country_from_kb = m->country_from_kb_only;
	e->given = m->person ? given_skeleton(w, name, strlen(name))
	                     : given_skeleton(w, w->text + m->start, m->end - m->start);
	enrich(w, e, m);
	return DYAD_OK;
}

static dyad_status keyed_entity(struct dyad__work *w, struct dyad__mention *m,
                                enum dyad_entity_kind kind, const char *name)
{
	int32_t found = find_entity(w, kind, name);
	if (found >= 0) {
		m->entity = found;
		w->entities[found].n_mentions++;
		return DYAD_OK;
	}
	dyad_status st = new_entity(w, m, kind, name, name);
	if (st == DYAD_OK)
		w->entities[w->n_entities - 1].n_mentions = 1;
	return st;
}

/* "the ambassador", "the head of state": the last person of that office. */
static void role_reference(struct dyad__work *w, struct dyad__mention *m)
{
	const struct dyad__gazetteer *gaz = w->engine->gaz;
	const struct dyad__role *r = role_by_name(gaz, m->role);
	for (size_t i = w->n_entities; i-- > 0;) {
		struct dyad__entity *e = &w->entities[i];
		if (e->kind != DYAD_ENTITY_PERSON || !e->role)
			continue;
		const struct dyad__role *er = role_by_name(gaz, e->role);
		int same = strcmp(e->role, m->role) == 0 ||
		           (r && er && strcmp(r->agent, er->agent) == 0 && r->rank >= er->rank - 1 &&
		            r->rank <= er->rank + 1);
		if (same && (!m->country || !e->country || strcmp(m->country, e->country) == 0)) {
			m->entity = (int32_t)i;
			e->n_mentions++;
			return;
		}
	}
}

static dyad_status build_entities(struct dyad__work *w)
{
	const struct dyad__gazetteer *gaz = w->engine->gaz;
	dyad_status st = DYAD_OK;
	for (size_t i = 0; i < w->n_mentions && st == DYAD_OK; i++) {
		struct dyad__mention *m = &w->mentions[i];
		switch (m->kind) {
		case DYAD_MENTION_PERSON:
			st = person_entity(w, m);
			break;
		case DYAD_MENTION_NAME: {
			/* a lone surname of someone already named: "Osmonaliyev said" */
			char key[DYAD_MAX_WORD_BYTES];
			if (m->n_words != 1 ||
			    !token_skeleton(w, surname_token(w, m), key, sizeof key) ||
			    find_entity(w, DYAD_ENTITY_PERSON, key) < 0)
				break;
			m->kind = DYAD_MENTION_PERSON;
			st = person_entity(w, m);
			if (m->entity >= 0 && !m->country)
				m->country = w->entities[m->entity].country;
			break;
		}
		case DYAD_MENTION_COUNTRY:
		case DYAD_MENTION_ADJECTIVE:
		case DYAD_MENTION_DEMONYM: {
			const struct dyad__country *c = dyad__gaz_country(gaz, m->country);
			if (c)
				st = keyed_entity(w, m, DYAD_ENTITY_COUNTRY, c->name);
			break;
		}
		case DYAD_MENTION_CAPITAL:
		case DYAD_MENTION_PLACE: {
			/* a capital without a city record (a seat of power: the Kremlin)
			 * keeps its words */
			const char *name = m->record >= 0
			                       ? gaz->places[m->record].name
			                       : dyad_arena_strndup(w->arena, w->text + m->start,
			                                            m->end - m->start);
			if (!name)
				return DYAD_ENOMEM;
			st = keyed_entity(w, m, DYAD_ENTITY_PLACE, name);
			if (st == DYAD_OK && m->record >= 0) {
				struct dyad__entity *e = &w->entities[m->entity];
				const struct dyad__place *p = &gaz->places[m->record];
				e->lat = p->lat;
				e->lon = p->lon;
				e->has_coords = p->has_coords;
			}
			break;
		}
		case DYAD_MENTION_ORG:
			st = keyed_entity(w, m, DYAD_ENTITY_ORG, gaz->orgs[m->record].name);
			break;
		case DYAD_MENTION_ORG_HEAD: {
			/* "Azerbaijan foreign ministry": the country's body of that kind */
			const struct dyad__country *c = dyad__gaz_country(gaz, m->country);
			if (!c)
				break;
			const char *head = m->record >= 0 ? gaz->heads[m->record].head : "government";
			char name[DYAD_ERRMSG_MAX];
			snprintf(name, sizeof name, "%s %s", c->name, head);
			char *copy = dyad_arena_strdup(w->arena, name);
			if (!copy)
				return DYAD_ENOMEM;
			const char *role = m->role;
			m->role = NULL; /* an organisation has no office */
			st = keyed_entity(w, m, DYAD_ENTITY_ORG, copy);
			m->role = role;
			break;
		}
		case DYAD_MENTION_ROLE:
			if (!m->attached)
				role_reference(w, m);
			break;
		default:
			break;
		}
	}
	return st;
}

/* A title with a country and no name: the office holder ("Azerbaijani
 * President", "the President of Russia", "Президент Азербайджана"). */
static void titles_as_people(struct dyad__work *w, size_t s)
{
	const struct dyad__sentence *sent = &w->sentences[s];
	for (size_t i = 0; i < w->n_mentions; i++) {
		struct dyad__mention *m = &w->mentions[i];
		if (m->sentence != (int32_t)s || m->kind != DYAD_MENTION_ROLE || m->attached)
			continue;
		const char *c = title_country(w, m->tok_start, m->tok_end, sent->tok_start,
		                              sent->tok_end);
		if (!c)
			continue;
		m->country = c;
		const struct dyad__role *r = role_by_name(w->engine->gaz, m->role);
		if (!r || r->rank < NATIONAL_OFFICE_RANK)
			continue; /* many governors and ambassadors: no single holder */
		const struct dyad__person *p =
			dyad__kb_office_holder(w->engine->gaz, c, m->role, &w->published);
		if (p) {
			m->kind = DYAD_MENTION_PERSON;
			m->person = p;
		}
	}
}

dyad_status dyad__entities_extract(struct dyad__work *w)
{
	dyad_status st;
	for (size_t s = 0; s < w->n_sentences; s++) {
		if ((st = find_mentions(w, s)) != DYAD_OK)
			return st;
		reassign_owned_orgs(w, s);
		compose_org_heads(w, s);
		confirm_names(w, s);
		titles_as_people(w, s);
	}
	return build_entities(w);
}
