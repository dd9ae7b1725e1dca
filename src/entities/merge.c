/*
 * merge.c - the last pass of the entity stage: one entity per referent.
 * People merge by surname skeleton (so "Ильхама Алиева", "Aliyev" and "Ilham
 * Heydarovich Aliyev" meet) or by given name and patronymic; countries by
 * ISO code; places, organisations and state bodies by name; a role
 * reference ("the ambassador") joins the last person of that role.
 *
 * Entities are found by hash (kind and key, given name), so the pass stays
 * linear in the number of mentions.
 */
#include <stdio.h>
#include <string.h>

#include "core/hash.h"
#include "entities/entities.h"
#include "kb/engine.h"
#include "kb/forms.h"
#include "kb/gazetteer.h"

/* The pass's indexes over the entities made so far. */
struct merge {
	struct dyad__work *w;
	struct dyad_hash by_key[DYAD_N_ENTITY_KINDS]; /* key -> newest entity */
	struct dyad_hash by_given;   /* given-name skeleton -> newest person that had it */
};

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

static dyad_status new_entity(struct merge *mg, struct dyad__mention *m,
                              enum dyad_entity_kind kind, const char *name,
                              const char *key)
{
	struct dyad__work *w = mg->w;
	struct dyad__entity *e = DYAD_WORK_PUSH_SCRATCH(w, entities);
	if (!e || dyad_hash_put(&mg->by_key[kind], key, strlen(key),
	                        (uint32_t)(w->n_entities - 1), NULL, NULL) != DYAD_OK)
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

/* The newest entity of that kind and key, or -1. */
static int32_t find_entity(const struct merge *mg, enum dyad_entity_kind kind,
                           const char *key)
{
	uint32_t i;
	return dyad_hash_get(&mg->by_key[kind], key, strlen(key), &i) ? (int32_t)i : -1;
}

/* Entity i has (now) that given name: the index keeps the newest index
 * that ever had it. */
static dyad_status set_given(struct merge *mg, size_t i, const char *given)
{
	struct dyad__work *w = mg->w;
	w->entities[i].given = given;
	uint32_t old;
	if (!given || (dyad_hash_get(&mg->by_given, given, strlen(given), &old) && old > i))
		return DYAD_OK;
	return dyad_hash_put(&mg->by_given, given, strlen(given), (uint32_t)i, NULL, NULL);
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

/* "Dmitry Ivanovich": a given name and a patronymic address a person named
 * before by full name: the newest person with that given name. */
static int32_t by_given_name(struct merge *mg, const struct dyad__mention *m)
{
	struct dyad__work *w = mg->w;
	if (m->n_words != 2)
		return -1;
	const struct dyad__token *last = &w->tokens[m->tok_end - 1];
	if (!(dyad__tok_form(w, last)->classes & FORM_PATRONYMIC))
		return -1;
	const char *given = dyad__given_skeleton(w, w->text + m->start, m->end - m->start);
	uint32_t newest;
	if (!given || !dyad_hash_get(&mg->by_given, given, strlen(given), &newest))
		return -1;
	const struct dyad__entity *e = &w->entities[newest];
	if (e->kind == DYAD_ENTITY_PERSON && e->given && strcmp(e->given, given) == 0)
		return (int32_t)newest;
	/* the newest one's given name changed since: look further back */
	for (size_t i = newest; i-- > 0;) {
		e = &w->entities[i];
		if (e->kind == DYAD_ENTITY_PERSON && e->given && strcmp(e->given, given) == 0)
			return (int32_t)i;
	}
	return -1;
}

/* The skeleton of the surname of a person of the knowledge base (its last
 * word), through the engine's memo of forms. */
static size_t person_key(struct dyad__work *w, const char *name, char *key, size_t cap)
{
	const char *sp = strrchr(name, ' ');
	sp = sp ? sp + 1 : name;
	size_t n;
	const struct dyad__form *f =
		dyad__form_of(w->engine, NULL, DYAD_TOK_WORD, sp, strlen(sp), w->arena);
	const char *skel = f ? dyad__form_skeleton(w->engine, f, &n, w->arena) : NULL;
	if (!skel || cap != DYAD_MAX_WORD_BYTES)
		return dyad__name_skeleton(w->engine, sp, strlen(sp), key, cap);
	memcpy(key, skel, n + 1);
	return n;
}

static dyad_status person_entity(struct merge *mg, struct dyad__mention *m)
{
	struct dyad__work *w = mg->w;
	char key[DYAD_MAX_WORD_BYTES];
	const char *name = NULL;
	size_t n;
	int32_t found = m->person ? -1 : by_given_name(mg, m);
	if (m->person) {
		name = m->person->name;
		n = person_key(w, name, key, sizeof key);
	} else {
		n = dyad__token_skeleton(w, dyad__surname_token(w, m), key, sizeof key);
	}
	if (!n)
		return DYAD_OK;
	if (found < 0)
		found = find_entity(mg, DYAD_ENTITY_PERSON, key);
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
		const struct dyad__person *kb = dyad__person_of_word(w, &w->tokens[dyad__surname_token(w, m)]);
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
		dyad_status st = DYAD_OK;
		if (m->person && !e->person) {
			e->person = m->person;
			e->name = m->person->name;
			st = set_given(mg, (size_t)found, dyad__given_skeleton(w, e->name, strlen(e->name)));
		} else if (!e->person && m->n_words > e->n_words && by_given_name(mg, m) < 0) {
			e->name = dyad__mention_name(w, m);
			e->n_words = m->n_words;
			st = set_given(mg, (size_t)found,
			               dyad__given_skeleton(w, w->text + m->start, m->end - m->start));
		}
		enrich(w, e, m);
		return st;
	}
	char *k = dyad_arena_strndup(w->arena, key, n);
	if (!name)
		name = dyad__mention_name(w, m);
	if (!k || !name)
		return DYAD_ENOMEM;
	dyad_status st = new_entity(mg, m, DYAD_ENTITY_PERSON, name, k);
	if (st != DYAD_OK)
		return st;
	struct dyad__entity *e = &w->entities[w->n_entities - 1];
	e->person = m->person;
	e->n_words = m->n_words;
	e->n_mentions = 1;
	e->agent = m->agent;
	e->country_from_kb = m->country_from_kb_only;
	st = set_given(mg, w->n_entities - 1,
	               m->person ? dyad__given_skeleton(w, name, strlen(name))
	                         : dyad__given_skeleton(w, w->text + m->start, m->end - m->start));
	enrich(w, e, m);
	return st;
}

static dyad_status keyed_entity(struct merge *mg, struct dyad__mention *m,
                                enum dyad_entity_kind kind, const char *name)
{
	struct dyad__work *w = mg->w;
	int32_t found = find_entity(mg, kind, name);
	if (found >= 0) {
		m->entity = found;
		w->entities[found].n_mentions++;
		return DYAD_OK;
	}
	dyad_status st = new_entity(mg, m, kind, name, name);
	if (st == DYAD_OK)
		w->entities[w->n_entities - 1].n_mentions = 1;
	return st;
}

/* "the ambassador", "the head of state": the last person of that office. */
static void role_reference(struct dyad__work *w, struct dyad__mention *m)
{
	const struct dyad__gazetteer *gaz = w->engine->gaz;
	const struct dyad__role *r = dyad__role_find(gaz, m->role);
	for (size_t i = w->n_entities; i-- > 0;) {
		struct dyad__entity *e = &w->entities[i];
		if (e->kind != DYAD_ENTITY_PERSON || !e->role)
			continue;
		const struct dyad__role *er = dyad__role_find(gaz, e->role);
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

/* A lone surname of someone already named: "Osmonaliyev said". */
static dyad_status name_entity(struct merge *mg, struct dyad__mention *m)
{
	struct dyad__work *w = mg->w;
	char key[DYAD_MAX_WORD_BYTES];
	if (m->n_words != 1 ||
	    !dyad__token_skeleton(w, dyad__surname_token(w, m), key, sizeof key) ||
	    find_entity(mg, DYAD_ENTITY_PERSON, key) < 0)
		return DYAD_OK;
	m->kind = DYAD_MENTION_PERSON;
	dyad_status st = person_entity(mg, m);
	if (m->entity >= 0 && !m->country)
		m->country = w->entities[m->entity].country;
	return st;
}

/* "Айбек Токтогулов ... Токтогулов отметил": a one-word place shaped like a
 * surname that is the surname of someone the text named is that person,
 * not the town of Токтогул. */
static int is_named_person(struct merge *mg, const struct dyad__mention *m)
{
	struct dyad__work *w = mg->w;
	char key[DYAD_MAX_WORD_BYTES];
	if (m->tok_end - m->tok_start != 1 ||
	    !(dyad__tok_form(w, &w->tokens[m->tok_start])->classes & FORM_SURNAME_SHAPE) ||
	    !dyad__token_skeleton(w, m->tok_start, key, sizeof key))
		return 0;
	return find_entity(mg, DYAD_ENTITY_PERSON, key) >= 0;
}

static dyad_status country_entity(struct merge *mg, struct dyad__mention *m)
{
	const struct dyad__country *c = dyad__gaz_country(mg->w->engine->gaz, m->country);
	return c ? keyed_entity(mg, m, DYAD_ENTITY_COUNTRY, c->name) : DYAD_OK;
}

/* A place, with its coordinates; a capital without a city record (a seat of
 * power: the Kremlin) keeps its words. A capital stands for its state (the
 * entity's actor, "RUSGOV") only when some mention of it is not a place
 * (dyad__capital_is_place): "talks in Moscow" alone make no actor of it. */
static dyad_status place_entity(struct merge *mg, struct dyad__mention *m)
{
	struct dyad__work *w = mg->w;
	const struct dyad__gazetteer *gaz = w->engine->gaz;
	const char *name = m->record >= 0
	                       ? gaz->places[m->record].name
	                       : dyad_arena_strndup(w->arena, w->text + m->start,
	                                            m->end - m->start);
	if (!name)
		return DYAD_ENOMEM;
	size_t before = w->n_entities;
	dyad_status st = keyed_entity(mg, m, DYAD_ENTITY_PLACE, name);
	if (st == DYAD_OK && m->kind == DYAD_MENTION_CAPITAL) {
		struct dyad__entity *e = &w->entities[m->entity];
		int acts = !dyad__capital_is_place(w, m);
		if (w->n_entities > before && !acts)
			e->actor = NULL; /* until a mention acts */
		else if (acts && !e->actor)
			e->actor = join_actor(w, e->country, m->agent ? m->agent : "GOV");
	}
	if (st == DYAD_OK && m->record >= 0) {
		struct dyad__entity *e = &w->entities[m->entity];
		const struct dyad__place *p = &gaz->places[m->record];
		e->lat = p->lat;
		e->lon = p->lon;
		e->has_coords = p->has_coords;
	}
	return st;
}

/* "Azerbaijan foreign ministry": the country's body of that kind. A named
 * body the text gives to another state ("Pakistan's Foreign Office") has no
 * head of its own and takes the name of the first head of
 * data/orgs/patterns.tsv (the government). */
static dyad_status body_entity(struct merge *mg, struct dyad__mention *m)
{
	struct dyad__work *w = mg->w;
	const struct dyad__gazetteer *gaz = w->engine->gaz;
	const struct dyad__country *c = dyad__gaz_country(gaz, m->country);
	if (!c)
		return DYAD_OK;
	int32_t h = m->record >= 0 ? m->record : 0;
	char name[DYAD_ERRMSG_MAX];
	if ((size_t)h < gaz->n_heads)
		snprintf(name, sizeof name, "%s %s", c->name, gaz->heads[h].head);
	else
		snprintf(name, sizeof name, "%s", c->name);
	char *copy = dyad_arena_strdup(w->arena, name);
	if (!copy)
		return DYAD_ENOMEM;
	const char *role = m->role;
	m->role = NULL; /* an organisation has no office */
	dyad_status st = keyed_entity(mg, m, DYAD_ENTITY_ORG, copy);
	m->role = role;
	return st;
}

static dyad_status mention_entity(struct merge *mg, struct dyad__mention *m)
{
	switch (m->kind) {
	case DYAD_MENTION_PERSON:
		return person_entity(mg, m);
	case DYAD_MENTION_NAME:
		return name_entity(mg, m);
	case DYAD_MENTION_COUNTRY:
	case DYAD_MENTION_ADJECTIVE:
	case DYAD_MENTION_DEMONYM:
		return country_entity(mg, m);
	case DYAD_MENTION_PLACE:
		if (is_named_person(mg, m)) {
			m->kind = DYAD_MENTION_NAME;
			m->country = NULL;
			m->record = -1;
			m->n_words = 1;
			return name_entity(mg, m);
		}
		return place_entity(mg, m);
	case DYAD_MENTION_CAPITAL:
		return place_entity(mg, m);
	case DYAD_MENTION_ORG:
		return keyed_entity(mg, m, DYAD_ENTITY_ORG,
		                    mg->w->engine->gaz->orgs[m->record].name);
	case DYAD_MENTION_ORG_HEAD:
		return body_entity(mg, m);
	case DYAD_MENTION_ROLE:
		if (!m->attached)
			role_reference(mg->w, m);
		return DYAD_OK;
	default:
		return DYAD_OK;
	}
}

#define HOME_CANDIDATES 32 /* distinct countries counted for the home country */

static int names_a_state(const struct dyad__mention *m)
{
	if (!m->country || strlen(m->country) != 3 || strcmp(m->country, "IGO") == 0 ||
	    strcmp(m->country, "NGO") == 0)
		return 0;
	switch (m->kind) {
	case DYAD_MENTION_COUNTRY: case DYAD_MENTION_ADJECTIVE: case DYAD_MENTION_DEMONYM:
	case DYAD_MENTION_CAPITAL: case DYAD_MENTION_PLACE: case DYAD_MENTION_ORG:
	case DYAD_MENTION_ORG_HEAD:
		return 1;
	default:
		return 0;
	}
}

/* The state the document names most (countries, their adjectives, places
 * and bodies; the first named wins a tie), or NULL. */
static const char *home_country(const struct dyad__work *w)
{
	const char *code[HOME_CANDIDATES];
	size_t count[HOME_CANDIDATES], n = 0, best = 0;
	for (size_t i = 0; i < w->n_mentions; i++) {
		const struct dyad__mention *m = &w->mentions[i];
		if (!names_a_state(m))
			continue;
		size_t j = 0;
		while (j < n && strcmp(code[j], m->country) != 0)
			j++;
		if (j == n) {
			if (n == HOME_CANDIDATES)
				continue;
			code[n] = m->country;
			count[n++] = 0;
		}
		count[j]++;
		if (count[j] > count[best])
			best = j;
	}
	return n ? code[best] : NULL;
}

/* A town or region named in the sentence of mention i ("the head of the
 * region said a drone hit a car in the Kursk region"), or NULL. */
static const char *place_in_sentence(const struct dyad__work *w, size_t i)
{
	int32_t s = w->mentions[i].sentence;
	size_t a = i, b = i + 1;
	while (a > 0 && w->mentions[a - 1].sentence == s)
		a--;
	while (b < w->n_mentions && w->mentions[b].sentence == s)
		b++;
	for (size_t k = a; k < b; k++)
		if (w->mentions[k].kind == DYAD_MENTION_PLACE && names_a_state(&w->mentions[k]))
			return w->mentions[k].country;
	return NULL;
}

/*
 * "Justice Minister Yilmaz Tunc announced", "PRESIDENT Muhammadu Buhari":
 * a person whose office the text names without a state, and whom the
 * knowledge base does not know, holds it in the state of the town or
 * region named with the office, else in the state the story is about. The
 * guess marks the entity only: its mentions stay without a country, so no
 * event is coded on it.
 */
static void officials_of_home_country(struct dyad__work *w)
{
	const char *home = NULL;
	int looked = 0;
	for (size_t i = 0; i < w->n_mentions; i++) {
		const struct dyad__mention *m = &w->mentions[i];
		if (m->kind != DYAD_MENTION_PERSON || m->entity < 0)
			continue;
		struct dyad__entity *e = &w->entities[m->entity];
		/* refugees and deportees are the story's foreigners */
		if (e->country || !e->role || e->person || (e->agent && strcmp(e->agent, "REF") == 0))
			continue;
		const char *c = place_in_sentence(w, i);
		if (!c && !looked) {
			home = home_country(w);
			looked = 1;
		}
		if (!c)
			c = home;
		if (!c)
			continue;
		e->country = c;
		e->country_from_kb = 1;
		e->actor = join_actor(w, c, e->agent);
	}
}

dyad_status dyad__build_entities(struct dyad__work *w)
{
	struct merge mg;
	mg.w = w;
	for (int k = 0; k < DYAD_N_ENTITY_KINDS; k++)
		dyad_hash_init(&mg.by_key[k]);
	dyad_hash_init(&mg.by_given);
	dyad_status st = DYAD_OK;
	for (size_t i = 0; i < w->n_mentions && st == DYAD_OK; i++)
		st = mention_entity(&mg, &w->mentions[i]);
	if (st == DYAD_OK)
		officials_of_home_country(w);
	for (int k = 0; k < DYAD_N_ENTITY_KINDS; k++)
		dyad_hash_release(&mg.by_key[k]);
	dyad_hash_release(&mg.by_given);
	return st;
}
