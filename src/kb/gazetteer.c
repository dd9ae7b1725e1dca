/*
 * gazetteer.c - loading the named-thing files of data/ and matching their
 * phrases against document tokens (see gazetteer.h).
 */
#include "kb/gazetteer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/utf8.h"
#include "core/vec.h"
#include "kb/engine.h"
#include "kb/tsv.h"
#include "kb/phrase.h"

#define MAX_VARIANTS 256 /* per field */

struct loader {
	dyad_engine *engine;
	struct dyad__gazetteer *gaz;
	struct dyad_tsv tsv;
};

static dyad_status open_file(struct loader *ld, const char *rel,
                             const char *const *cols, size_t n_cols,
                             char *errmsg)
{
	return dyad_tsv_open_in(&ld->tsv, &ld->engine->arena, ld->engine->data_dir, rel, cols,
	                        n_cols, errmsg);
}

/* File one entry under a key, marking every prefix of the key. */
static dyad_status add_key(struct loader *ld, const char *k, size_t key_len,
                           const size_t *prefix_len, size_t n_tokens,
                           const struct dyad__gaz_entry *tmpl)
{
	struct dyad__gazetteer *gaz = ld->gaz;
	/* the key must outlive the map: keep it in the engine arena */
	char *key = dyad_arena_strndup(&ld->engine->arena, k, key_len);
	if (!key)
		return DYAD_ENOMEM;
	struct dyad__gaz_entry *e = DYAD_VEC_PUSH(&gaz->entries, &gaz->n_entries,
	                                          &gaz->entries_alloc);
	if (!e)
		return DYAD_ENOMEM;
	*e = *tmpl;
	uint32_t id = (uint32_t)gaz->n_entries; /* index + 1 */
	dyad_status st;
	for (size_t t = 0; t + 1 < n_tokens; t++) {
		uint32_t value = 0;
		int there = dyad_hash_get(&gaz->keys, key, prefix_len[t], &value);
		if (!there || !(value & DYAD_GAZ_PREFIX))
			if ((st = dyad_hash_put(&gaz->keys, key, prefix_len[t],
			                        value | DYAD_GAZ_PREFIX, NULL, NULL)) != DYAD_OK)
				return st;
	}
	uint32_t value = 0;
	int existed = dyad_hash_get(&gaz->keys, key, key_len, &value);
	e->next = existed ? value & ~DYAD_GAZ_PREFIX : 0;
	return dyad_hash_put(&gaz->keys, key, key_len, id | (value & DYAD_GAZ_PREFIX),
	                     NULL, NULL);
}

/* Register one phrase under its stem key and, when different, its name key. */
static dyad_status add_phrase(struct loader *ld, const char *phrase,
                              enum dyad__gaz_kind kind, size_t record)
{
	struct dyad_phrase p;
	if (dyad_phrase_make(ld->engine, phrase, strlen(phrase), &p) != DYAD_OK)
		return dyad_tsv_error(&ld->tsv, "\"%s\": not a usable phrase (empty or too long)",
		                      phrase);
	struct dyad__gaz_entry e;
	memset(&e, 0, sizeof e);
	e.place = -1;
	e.kind = (uint8_t)kind;
	e.need_cap = (uint8_t)p.first_cap;
	e.need_allcaps = (uint8_t)p.first_allcaps;
	e.n_tokens = (uint8_t)p.n_tokens;
	e.record = (uint32_t)record;
	char lower[DYAD_MAX_KEY_BYTES];
	size_t ln = dyad_utf8_lower(phrase, strlen(phrase), lower, sizeof lower);
	e.lower = dyad_arena_strndup(&ld->engine->arena, lower, ln);
	if (!e.lower)
		return DYAD_ENOMEM;
	dyad_status st = add_key(ld, p.key, p.key_len, p.prefix_len, p.n_tokens, &e);
	if (st == DYAD_OK && (p.name_key_len != p.key_len ||
	                      memcmp(p.name_key, p.key, p.key_len) != 0))
		st = add_key(ld, p.name_key, p.name_key_len, p.name_prefix_len, p.n_tokens, &e);
	return st;
}

/* Every '|' variant of a field as a phrase of the given kind. */
static dyad_status add_variants(struct loader *ld, char *field,
                                enum dyad__gaz_kind kind, size_t record)
{
	char *parts[MAX_VARIANTS];
	size_t n = dyad_tsv_split(field, parts, MAX_VARIANTS);
	if (n > MAX_VARIANTS)
		return dyad_tsv_error(&ld->tsv, "more than %d variants", MAX_VARIANTS);
	for (size_t i = 0; i < n; i++) {
		dyad_status st = add_phrase(ld, parts[i], kind, record);
		if (st != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}

static int valid_iso3(const char *s)
{
	return s && strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' &&
	       s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z';
}

static int parse_date(const char *s, struct dyad__date *d)
{
	memset(d, 0, sizeof *d);
	if (!s)
		return 1;
	int y = 0, m = 0, day = 0;
	char tail;
	int n = sscanf(s, "%4d-%2d-%2d%c", &y, &m, &day, &tail);
	if (n < 1 || n > 3 || y < 1000 || y > 2999 || (n >= 2 && (m < 1 || m > 12)) ||
	    (n == 3 && (day < 1 || day > 31)))
		return 0;
	d->year = y;
	d->month = n >= 2 ? m : 0;
	d->day = n == 3 ? day : 0;
	return 1;
}

static dyad_status load_countries(struct loader *ld, char *errmsg)
{
	static const char *const cols[] = {"iso3", "iso2", "name", "names", "adjectives",
	                                   "demonyms", "capitals", "seats"};
	struct dyad__gazetteer *gaz = ld->gaz;
	dyad_status st = open_file(ld, "countries/countries.tsv", cols, 8, errmsg);
	if (st != DYAD_OK)
		return st;
	while ((st = dyad_tsv_next(&ld->tsv)) == DYAD_OK) {
		char **f = ld->tsv.fields;
		if (!valid_iso3(f[0]))
			return dyad_tsv_error(&ld->tsv, "\"%s\": not an ISO 3166-1 alpha-3 code",
			                      f[0] ? f[0] : "-");
		if (!f[2])
			return dyad_tsv_error(&ld->tsv, "a country needs a name");
		size_t idx = gaz->n_countries;
		struct dyad__country *c = DYAD_VEC_PUSH(&gaz->countries, &gaz->n_countries,
		                                        &gaz->countries_alloc);
		if (!c)
			return DYAD_ENOMEM;
		c->iso3 = f[0];
		c->name = f[2];
		int existed;
		if ((st = dyad_hash_put(&gaz->by_iso3, f[0], 3, (uint32_t)idx, &existed,
		                        NULL)) != DYAD_OK)
			return st;
		if (existed)
			return dyad_tsv_error(&ld->tsv, "%s is listed twice", f[0]);
		if ((st = add_phrase(ld, f[2], GAZ_COUNTRY, idx)) != DYAD_OK ||
		    (st = add_variants(ld, f[3], GAZ_COUNTRY, idx)) != DYAD_OK ||
		    (st = add_variants(ld, f[4], GAZ_ADJECTIVE, idx)) != DYAD_OK ||
		    (st = add_variants(ld, f[5], GAZ_DEMONYM, idx)) != DYAD_OK ||
		    (st = add_variants(ld, f[6], GAZ_CAPITAL, idx)) != DYAD_OK ||
		    (st = add_variants(ld, f[7], GAZ_SEAT, idx)) != DYAD_OK)
			return st;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

static dyad_status check_country(struct loader *ld, const char *code, int igo_ok)
{
	if (igo_ok && code && (strcmp(code, "IGO") == 0 || strcmp(code, "NGO") == 0))
		return DYAD_OK;
	if (!valid_iso3(code) || !dyad__gaz_country(ld->gaz, code))
		return dyad_tsv_error(&ld->tsv, "\"%s\": not a country of countries.tsv",
		                      code ? code : "-");
	return DYAD_OK;
}

static dyad_status load_regions(struct loader *ld, char *errmsg)
{
	static const char *const cols[] = {"code", "name", "names", "members"};
	struct dyad__gazetteer *gaz = ld->gaz;
	dyad_status st = open_file(ld, "countries/regions.tsv", cols, 4, errmsg);
	if (st != DYAD_OK)
		return st;
	while ((st = dyad_tsv_next(&ld->tsv)) == DYAD_OK) {
		char **f = ld->tsv.fields;
		if (!f[0] || !f[1])
			return dyad_tsv_error(&ld->tsv, "a region needs a code and a name");
		size_t idx = gaz->n_regions;
		struct dyad__region *r = DYAD_VEC_PUSH(&gaz->regions, &gaz->n_regions,
		                                       &gaz->regions_alloc);
		if (!r)
			return DYAD_ENOMEM;
		r->code = f[0];
		r->name = f[1];
		if ((st = add_phrase(ld, f[1], GAZ_REGION, idx)) != DYAD_OK ||
		    (st = add_variants(ld, f[2], GAZ_REGION, idx)) != DYAD_OK)
			return st;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

static dyad_status load_places(struct loader *ld, char *errmsg)
{
	static const char *const cols[] = {"name", "iso3", "kind", "lat", "lon", "variants"};
	struct dyad__gazetteer *gaz = ld->gaz;
	dyad_status st = open_file(ld, "places/places.tsv", cols, 6, errmsg);
	if (st != DYAD_OK)
		return st;
	while ((st = dyad_tsv_next(&ld->tsv)) == DYAD_OK) {
		char **f = ld->tsv.fields;
		if (!f[0])
			return dyad_tsv_error(&ld->tsv, "a place needs a name");
		/* seas and disputed shoals belong to no country */
		if (f[1] && (st = check_country(ld, f[1], 0)) != DYAD_OK)
			return st;
		size_t idx = gaz->n_places;
		struct dyad__place *p = DYAD_VEC_PUSH(&gaz->places, &gaz->n_places,
		                                      &gaz->places_alloc);
		if (!p)
			return DYAD_ENOMEM;
		p->name = f[0];
		p->iso3 = f[1];
		p->kind = f[2] ? f[2] : "place";
		if (f[3] && f[4]) {
			char *e1, *e2;
			p->lat = strtod(f[3], &e1);
			p->lon = strtod(f[4], &e2);
			if (*e1 || *e2 || p->lat < -90 || p->lat > 90 || p->lon < -180 || p->lon > 180)
				return dyad_tsv_error(&ld->tsv, "bad coordinates \"%s\" \"%s\"", f[3], f[4]);
			p->has_coords = 1;
		}
		if ((st = add_phrase(ld, f[0], GAZ_PLACE, idx)) != DYAD_OK ||
		    (st = add_variants(ld, f[5], GAZ_PLACE, idx)) != DYAD_OK)
			return st;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

/* Index the last word of a spelling: what "President Aliyev" is found by. */
static dyad_status index_surname(struct loader *ld, const char *spelling, size_t person)
{
	struct dyad__gazetteer *gaz = ld->gaz;
	struct dyad_phrase p;
	if (dyad_phrase_make(ld->engine, spelling, strlen(spelling), &p) != DYAD_OK ||
	    p.n_tokens < 2)
		return DYAD_OK; /* single names ("Xi") are not looked up alone */
	/* the name key (text/name_stem.c), not the stem: Snowball makes "али"
	 * of "Алиев" but "алиев" of "Алиеву" */
	size_t from = p.name_prefix_len[p.n_tokens - 2] + 1;
	size_t len = p.name_key_len - from;
	const char *surname = p.name_key + from;
	uint32_t first = 0;
	int existed = dyad_hash_get(&gaz->by_surname, surname, len, &first);
	for (uint32_t id = first; id; id = gaz->surname_nodes[id - 1].next)
		if (gaz->surname_nodes[id - 1].person == person)
			return DYAD_OK;
	struct dyad__surname_node *node = DYAD_VEC_PUSH(&gaz->surname_nodes,
	                                                &gaz->n_surname_nodes,
	                                                &gaz->surname_nodes_alloc);
	if (!node)
		return DYAD_ENOMEM;
	node->person = (uint32_t)person;
	node->next = existed ? first : 0;
	char *key = existed ? NULL : dyad_arena_strndup(&ld->engine->arena, surname, len);
	if (!existed && !key)
		return DYAD_ENOMEM;
	uint32_t value = (uint32_t)gaz->n_surname_nodes;
	if (existed) {
		/* keep the stored key; replace the value */
		return dyad_hash_put(&gaz->by_surname, surname, len, value, NULL, NULL);
	}
	return dyad_hash_put(&gaz->by_surname, key, len, value, NULL, NULL);
}

static dyad_status load_people(struct loader *ld, char *errmsg)
{
	static const char *const cols[] = {"name", "iso3", "role", "from", "to", "variants"};
	struct dyad__gazetteer *gaz = ld->gaz;
	dyad_status st = open_file(ld, "people/people.tsv", cols, 6, errmsg);
	if (st != DYAD_OK)
		return st;
	while ((st = dyad_tsv_next(&ld->tsv)) == DYAD_OK) {
		char **f = ld->tsv.fields;
		if (!f[0])
			return dyad_tsv_error(&ld->tsv, "a person needs a name");
		if ((st = check_country(ld, f[1], 1)) != DYAD_OK)
			return st;
		size_t idx = gaz->n_people;
		struct dyad__person *p = DYAD_VEC_PUSH(&gaz->people, &gaz->n_people,
		                                       &gaz->people_alloc);
		if (!p)
			return DYAD_ENOMEM;
		p->name = f[0];
		p->iso3 = f[1];
		p->role = f[2];
		if (!parse_date(f[3], &p->from) || !parse_date(f[4], &p->to))
			return dyad_tsv_error(&ld->tsv, "dates are YYYY, YYYY-MM or YYYY-MM-DD");
		if ((st = add_phrase(ld, f[0], GAZ_PERSON, idx)) != DYAD_OK ||
		    (st = index_surname(ld, f[0], idx)) != DYAD_OK)
			return st;
		char *parts[MAX_VARIANTS];
		size_t n = dyad_tsv_split(f[5], parts, MAX_VARIANTS);
		if (n > MAX_VARIANTS)
			return dyad_tsv_error(&ld->tsv, "more than %d variants", MAX_VARIANTS);
		for (size_t i = 0; i < n; i++)
			if ((st = add_phrase(ld, parts[i], GAZ_PERSON, idx)) != DYAD_OK ||
			    (st = index_surname(ld, parts[i], idx)) != DYAD_OK)
				return st;
	}
	if (st != DYAD_DONE)
		return st;
	/* chain each person's offices: records of one name, in file order */
	struct dyad_hash last;
	dyad_hash_init(&last);
	for (size_t i = gaz->n_people; i-- > 0;) {
		struct dyad__person *p = &gaz->people[i];
		uint32_t next = 0;
		if (dyad_hash_get(&last, p->name, strlen(p->name), &next))
			p->next_office = next;
		if ((st = dyad_hash_put(&last, p->name, strlen(p->name), (uint32_t)i + 1, NULL,
		                        NULL)) != DYAD_OK) {
			dyad_hash_release(&last);
			return st;
		}
	}
	for (size_t i = 0; i < gaz->n_people; i++) {
		uint32_t first = 0;
		const char *name = gaz->people[i].name;
		dyad_hash_get(&last, name, strlen(name), &first);
		gaz->people[i].first_office = first - 1;
	}
	dyad_hash_release(&last);
	return DYAD_OK;
}

static dyad_status load_roles(struct loader *ld, char *errmsg)
{
	static const char *const cols[] = {"role", "agent", "rank", "phrases"};
	struct dyad__gazetteer *gaz = ld->gaz;
	dyad_status st = open_file(ld, "roles/roles.tsv", cols, 4, errmsg);
	if (st != DYAD_OK)
		return st;
	while ((st = dyad_tsv_next(&ld->tsv)) == DYAD_OK) {
		char **f = ld->tsv.fields;
		if (!f[0] || !f[1] || strlen(f[1]) != 3)
			return dyad_tsv_error(&ld->tsv, "a role needs a name and a 3-letter agent code");
		char *end;
		long rank = f[2] ? strtol(f[2], &end, 10) : 0;
		if (!f[2] || *end || rank < 1 || rank > 9)
			return dyad_tsv_error(&ld->tsv, "rank must be 1..9");
		size_t idx = gaz->n_roles;
		struct dyad__role *r = DYAD_VEC_PUSH(&gaz->roles, &gaz->n_roles, &gaz->roles_alloc);
		if (!r)
			return DYAD_ENOMEM;
		r->role = f[0];
		r->agent = f[1];
		r->rank = (int)rank;
		if ((st = add_variants(ld, f[3], GAZ_ROLE, idx)) != DYAD_OK)
			return st;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

static dyad_status load_orgs(struct loader *ld, char *errmsg)
{
	static const char *const cols[] = {"name", "country", "actor", "kind", "variants"};
	struct dyad__gazetteer *gaz = ld->gaz;
	dyad_status st = open_file(ld, "orgs/orgs.tsv", cols, 5, errmsg);
	if (st != DYAD_OK)
		return st;
	while ((st = dyad_tsv_next(&ld->tsv)) == DYAD_OK) {
		char **f = ld->tsv.fields;
		if (!f[0])
			return dyad_tsv_error(&ld->tsv, "an organisation needs a name");
		if ((st = check_country(ld, f[1], 1)) != DYAD_OK)
			return st;
		size_t idx = gaz->n_orgs;
		struct dyad__org *o = DYAD_VEC_PUSH(&gaz->orgs, &gaz->n_orgs, &gaz->orgs_alloc);
		if (!o)
			return DYAD_ENOMEM;
		o->name = f[0];
		o->country = f[1];
		o->actor = f[2];
		o->kind = f[3] ? f[3] : "org";
		if ((st = add_phrase(ld, f[0], GAZ_ORG, idx)) != DYAD_OK ||
		    (st = add_variants(ld, f[4], GAZ_ORG, idx)) != DYAD_OK)
			return st;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

static dyad_status load_heads(struct loader *ld, char *errmsg)
{
	static const char *const cols[] = {"head", "agent", "phrases"};
	struct dyad__gazetteer *gaz = ld->gaz;
	dyad_status st = open_file(ld, "orgs/patterns.tsv", cols, 3, errmsg);
	if (st != DYAD_OK)
		return st;
	while ((st = dyad_tsv_next(&ld->tsv)) == DYAD_OK) {
		char **f = ld->tsv.fields;
		if (!f[0] || !f[1])
			return dyad_tsv_error(&ld->tsv, "a head needs a name and an agent code");
		size_t idx = gaz->n_heads;
		struct dyad__org_head *h = DYAD_VEC_PUSH(&gaz->heads, &gaz->n_heads, &gaz->heads_alloc);
		if (!h)
			return DYAD_ENOMEM;
		h->head = f[0];
		h->agent = f[1];
		if ((st = add_variants(ld, f[2], GAZ_ORG_HEAD, idx)) != DYAD_OK)
			return st;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

#define MAX_SHAPES 512

static dyad_status lower_set(struct loader *ld, char *field, struct dyad_hash *set)
{
	char *parts[MAX_SHAPES];
	size_t n = dyad_tsv_split(field, parts, MAX_SHAPES);
	if (n > MAX_SHAPES)
		return dyad_tsv_error(&ld->tsv, "more than %d forms", MAX_SHAPES);
	for (size_t i = 0; i < n; i++) {
		char lower[DYAD_MAX_WORD_BYTES];
		size_t len = dyad_utf8_lower(parts[i], strlen(parts[i]), lower, sizeof lower);
		char *key = dyad_arena_strndup(&ld->engine->arena, lower, len);
		if (!key)
			return DYAD_ENOMEM;
		dyad_status st = dyad_hash_put(set, key, len, 1, NULL, NULL);
		if (st != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}

static dyad_status suffix_list(struct loader *ld, char *field, char ***out,
                               size_t *n_out)
{
	char *parts[MAX_SHAPES];
	size_t n = dyad_tsv_split(field, parts, MAX_SHAPES);
	if (n > MAX_SHAPES)
		return dyad_tsv_error(&ld->tsv, "more than %d forms", MAX_SHAPES);
	*out = dyad_arena_calloc(&ld->engine->arena, n ? n : 1, sizeof **out);
	if (!*out)
		return DYAD_ENOMEM;
	for (size_t i = 0; i < n; i++)
		(*out)[i] = parts[i];
	*n_out = n;
	return DYAD_OK;
}

static dyad_status load_shapes(struct loader *ld, char *errmsg)
{
	static const char *const cols[] = {"kind", "forms"};
	struct dyad__gazetteer *gaz = ld->gaz;
	dyad_status st = open_file(ld, "people/name_shapes.tsv", cols, 2, errmsg);
	if (st != DYAD_OK)
		return st;
	while ((st = dyad_tsv_next(&ld->tsv)) == DYAD_OK) {
		char **f = ld->tsv.fields;
		const char *kind = f[0] ? f[0] : "-";
		if (strcmp(kind, "surname_suffix") == 0)
			st = suffix_list(ld, f[1], &gaz->surname_suffixes, &gaz->n_surname_suffixes);
		else if (strcmp(kind, "patronymic_suffix") == 0)
			st = suffix_list(ld, f[1], &gaz->patronymic_suffixes,
			                 &gaz->n_patronymic_suffixes);
		else if (strcmp(kind, "particle") == 0)
			st = lower_set(ld, f[1], &gaz->particles);
		else if (strcmp(kind, "stopword") == 0)
			st = lower_set(ld, f[1], &gaz->stopwords);
		else if (strcmp(kind, "cue") == 0)
			st = lower_set(ld, f[1], &gaz->cues);
		else
			return dyad_tsv_error(&ld->tsv, "unknown kind \"%s\"", kind);
		if (st != DYAD_OK)
			return st;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

static int ends_with_any(char *const *suffixes, size_t n, const char *lower,
                         size_t len)
{
	for (size_t i = 0; i < n; i++) {
		size_t k = strlen(suffixes[i]);
		/* the suffix may not be the whole word */
		if (k < len && memcmp(lower + len - k, suffixes[i], k) == 0)
			return 1;
	}
	return 0;
}

int dyad__gaz_surname_shape(const struct dyad__gazetteer *gaz, const char *lower,
                            size_t len)
{
	return ends_with_any(gaz->surname_suffixes, gaz->n_surname_suffixes, lower, len);
}

int dyad__gaz_patronymic_shape(const struct dyad__gazetteer *gaz,
                               const char *lower, size_t len)
{
	return ends_with_any(gaz->patronymic_suffixes, gaz->n_patronymic_suffixes,
	                     lower, len);
}

/* A capital names a city of places.tsv too: link them, so that "Астане"
 * is the place "Astana" with its coordinates. */
static dyad_status link_capitals(struct dyad__gazetteer *gaz)
{
	struct dyad_hash places;
	dyad_hash_init(&places);
	dyad_status st = DYAD_OK;
	for (size_t i = 0; i < gaz->n_entries && st == DYAD_OK; i++) {
		const struct dyad__gaz_entry *e = &gaz->entries[i];
		if (e->kind == GAZ_PLACE)
			st = dyad_hash_put(&places, e->lower, strlen(e->lower), e->record, NULL, NULL);
	}
	for (size_t i = 0; i < gaz->n_entries && st == DYAD_OK; i++) {
		struct dyad__gaz_entry *e = &gaz->entries[i];
		uint32_t record;
		if (e->kind == GAZ_CAPITAL &&
		    dyad_hash_get(&places, e->lower, strlen(e->lower), &record))
			e->place = (int32_t)record;
	}
	dyad_hash_release(&places);
	return st;
}

void dyad__gazetteer_free(struct dyad__gazetteer *gaz)
{
	if (!gaz)
		return;
	dyad_hash_release(&gaz->particles);
	dyad_hash_release(&gaz->stopwords);
	dyad_hash_release(&gaz->cues);
	dyad_hash_release(&gaz->keys);
	dyad_hash_release(&gaz->by_iso3);
	dyad_hash_release(&gaz->by_surname);
	dyad__free(gaz->entries);
	dyad__free(gaz->countries);
	dyad__free(gaz->places);
	dyad__free(gaz->people);
	dyad__free(gaz->surname_nodes);
	dyad__free(gaz->roles);
	dyad__free(gaz->orgs);
	dyad__free(gaz->heads);
	dyad__free(gaz->regions);
	dyad__free(gaz);
}

dyad_status dyad__gazetteer_load(dyad_engine *engine, char *errmsg)
{
	struct loader ld;
	memset(&ld, 0, sizeof ld);
	ld.engine = engine;
	ld.gaz = dyad__calloc(1, sizeof *ld.gaz);
	if (!ld.gaz)
		return DYAD_ENOMEM;
	engine->gaz = ld.gaz;
	dyad_status st;
	if ((st = load_countries(&ld, errmsg)) != DYAD_OK ||
	    (st = load_regions(&ld, errmsg)) != DYAD_OK ||
	    (st = load_places(&ld, errmsg)) != DYAD_OK ||
	    (st = load_people(&ld, errmsg)) != DYAD_OK ||
	    (st = load_roles(&ld, errmsg)) != DYAD_OK ||
	    (st = load_orgs(&ld, errmsg)) != DYAD_OK ||
	    (st = load_heads(&ld, errmsg)) != DYAD_OK ||
	    (st = load_shapes(&ld, errmsg)) != DYAD_OK ||
	    (st = link_capitals(ld.gaz)) != DYAD_OK)
		return st; /* engine_free releases the partial gazetteer */
	return DYAD_OK;
}

const struct dyad__country *dyad__gaz_country(const struct dyad__gazetteer *gaz,
                                              const char *iso3)
{
	uint32_t i;
	if (!iso3 || !dyad_hash_get(&gaz->by_iso3, iso3, strlen(iso3), &i))
		return NULL;
	return &gaz->countries[i];
}

uint32_t dyad__gaz_people_by_surname(const struct dyad__gazetteer *gaz,
                                     const char *stem, size_t len)
{
	uint32_t v = 0;
	return dyad_hash_get(&gaz->by_surname, stem, len, &v) ? v : 0;
}

static int case_ok(const struct dyad__gaz_entry *e, const struct dyad__token *t)
{
	if (e->need_allcaps && !(t->flags & DYAD_TOK_ALLCAPS))
		return 0;
	if (e->need_cap && !(t->flags & DYAD_TOK_CAP))
		return 0;
	return 1;
}

/* How much of the phrase as written the text spells out: the length of the
 * common prefix of the lower-cased forms, spaces ignored. */
static size_t likeness(const char *phrase, const struct dyad__work *w, size_t i,
                       size_t n_tokens)
{
	size_t score = 0;
	const char *p = phrase;
	for (size_t k = i; k < i + n_tokens; k++) {
		const struct dyad__token *t = &w->tokens[k];
		const char *form = dyad__tok_lower(w, t);
		while (*p == ' ')
			p++;
		size_t j = 0;
		while (j < t->lower_len && p[j] && p[j] == form[j])
			j++;
		score += j;
		if (j < t->lower_len)
			break;
		p += j;
	}
	return score;
}

/*
 * English does not inflect names, so a capitalised Latin-script phrase must
 * be spelled out: "Turkish President" is not "Turkish Presidency" though
 * both stem to "turkish presid". A lower-case phrase ("ambassador", "foreign
 * ministry") may also stand in the plural (allow_plural): "protested" is
 * not "protester" though both stem to "protest".
 */
static int spelled_out(const char *lower, const struct dyad__work *w, size_t i,
                       size_t k, int allow_plural)
{
	const char *p = lower;
	for (size_t j = i; j <= k; j++) {
		const struct dyad__token *t = &w->tokens[j];
		const char *form = dyad__tok_lower(w, t);
		size_t n = t->lower_len;
		if (j > i && !(t->flags & DYAD_TOK_GLUED)) {
			if (*p != ' ')
				return 0;
			p++;
		}
		if (!allow_plural || !(t->flags & DYAD_TOK_WORD) || !(t->flags & DYAD_TOK_LATIN)) {
			if (strncmp(p, form, n) != 0)
				return 0;
			p += n;
			continue;
		}
		size_t word = 0; /* the dictionary word, up to a space or hyphen */
		while (p[word] && p[word] != ' ' && p[word] != '-')
			word++;
		int same = n == word && strncmp(p, form, n) == 0;
		int plural_s = n == word + 1 && strncmp(p, form, word) == 0 && form[word] == 's';
		int plural_es = n == word + 2 && strncmp(p, form, word) == 0 &&
		                strncmp(form + word, "es", 2) == 0;
		int plural_ies = word > 1 && p[word - 1] == 'y' && n == word + 2 &&
		                 strncmp(p, form, word - 1) == 0 &&
		                 strncmp(form + word - 1, "ies", 3) == 0;
		if (!same && !plural_s && !plural_es && !plural_ies)
			return 0;
		p += word;
	}
	return *p == '\0';
}

/* The best reading filed under the key built so far, if any. */
static const struct dyad__gaz_entry *best_reading(const struct dyad__gazetteer *gaz,
                                                  const struct dyad__work *w,
                                                  uint32_t first, size_t i, size_t k,
                                                  size_t *score_out)
{
	const struct dyad__gaz_entry *chosen = NULL;
	size_t chosen_score = 0;
	for (uint32_t id = first; id; id = gaz->entries[id - 1].next) {
		const struct dyad__gaz_entry *e = &gaz->entries[id - 1];
		if (!case_ok(e, &w->tokens[i]) || e->n_tokens != k - i + 1)
			continue;
		if ((w->tokens[i].flags & DYAD_TOK_LATIN) &&
		    !spelled_out(e->lower, w, i, k, !e->need_cap))
			continue;
		/* the longest common spelling, then the closest length; a place
		 * that is also a capital is read as the capital: the event coder
		 * decides when it is only a location */
		size_t like = likeness(e->lower, w, i, k - i + 1);
		size_t text_len = w->tokens[k].end - w->tokens[i].start;
		size_t plen = strlen(e->lower);
		size_t diff = plen > text_len ? plen - text_len : text_len - plen;
		size_t score = (like * 64 + (diff < 63 ? 63 - diff : 0)) * 2 +
		               (e->kind != GAZ_PLACE);
		if (!chosen || score > chosen_score) {
			chosen = e;
			chosen_score = score;
		}
	}
	*score_out = chosen_score;
	return chosen;
}

struct walk_state {
	const struct dyad__gazetteer *gaz;
	const struct dyad__work *w;
	size_t i, end;
	char key[DYAD_MAX_KEY_BYTES];
	const struct dyad__gaz_entry *best;
	size_t best_len, best_score;
};

static void keep_if_better(struct walk_state *ws, const struct dyad__gaz_entry *e,
                           size_t len, size_t score)
{
	if (e && (len > ws->best_len || (len == ws->best_len && score > ws->best_score))) {
		ws->best = e;
		ws->best_len = len;
		ws->best_score = score;
	}
}

/* Stem keys: one key per token, extended while a longer phrase continues. */
static void walk_stems(struct walk_state *ws)
{
	size_t key_len = 0;
	for (size_t k = ws->i; k < ws->end && k - ws->i < DYAD_MAX_PHRASE_TOKENS; k++) {
		const struct dyad__token *t = &ws->w->tokens[k];
		if (key_len + t->stem_len + 1 >= sizeof ws->key)
			return;
		if (k > ws->i)
			ws->key[key_len++] = DYAD_KEY_SEP;
		memcpy(ws->key + key_len, dyad__tok_stem(ws->w, t), t->stem_len);
		key_len += t->stem_len;
		uint32_t value;
		if (!dyad_hash_get(&ws->gaz->keys, ws->key, key_len, &value))
			return;
		size_t score;
		const struct dyad__gaz_entry *e =
			best_reading(ws->gaz, ws->w, value & ~DYAD_GAZ_PREFIX, ws->i, k, &score);
		keep_if_better(ws, e, k - ws->i + 1, score);
		if (!(value & DYAD_GAZ_PREFIX))
			return;
	}
}

/* Name keys: every reading of each word's ending, depth first. */
static void walk_names(struct walk_state *ws, size_t k, size_t key_len)
{
	if (k >= ws->end || k - ws->i >= DYAD_MAX_PHRASE_TOKENS)
		return;
	const struct dyad__token *t = &ws->w->tokens[k];
	const char *lower = dyad__tok_lower(ws->w, t);
	size_t lens[DYAD_MAX_NAME_KEYS];
	size_t n = dyad__name_key_lens(ws->w->engine, (t->flags & DYAD_TOK_CYRILLIC) != 0,
	                               lower, t->lower_len, lens);
	size_t base = key_len + (k > ws->i ? 1 : 0);
	for (size_t v = 0; v < n; v++) {
		if (base + lens[v] >= sizeof ws->key)
			continue;
		if (k > ws->i)
			ws->key[key_len] = DYAD_KEY_SEP;
		memcpy(ws->key + base, lower, lens[v]);
		uint32_t value;
		if (!dyad_hash_get(&ws->gaz->keys, ws->key, base + lens[v], &value))
			continue;
		size_t score;
		const struct dyad__gaz_entry *e =
			best_reading(ws->gaz, ws->w, value & ~DYAD_GAZ_PREFIX, ws->i, k, &score);
		keep_if_better(ws, e, k - ws->i + 1, score);
		if (value & DYAD_GAZ_PREFIX)
			walk_names(ws, k + 1, base + lens[v]);
	}
}

size_t dyad__gaz_match(const struct dyad__gazetteer *gaz,
                       const struct dyad__work *w, size_t i, size_t end,
                       const struct dyad__gaz_entry **entry)
{
	struct walk_state ws;
	ws.gaz = gaz;
	ws.w = w;
	ws.i = i;
	ws.end = end;
	ws.best = NULL;
	ws.best_len = ws.best_score = 0;
	walk_stems(&ws);
	walk_names(&ws, i, 0);
	*entry = ws.best;
	return ws.best_len;
}
