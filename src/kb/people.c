/*
 * people.c - the reader of data/people/ (office holders with dated offices,
 * the shapes of names) and the look-ups into it: who held an office on a
 * date, whose name ends in a surname (see gazetteer.h).
 */
#include "kb/gazetteer.h"

#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "core/vec.h"
#include "kb/engine.h"
#include "kb/phrase.h"
#include "kb/tsv.h"

#define MAX_SHAPES 512 /* forms on one line of name_shapes.tsv */

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

/* Index the last word of a spelling: what "President Aliyev" is found by. */
static dyad_status index_surname(struct dyad__gaz_loader *ld, const char *spelling, size_t person)
{
	struct dyad__gazetteer *gaz = ld->gaz;
	struct dyad_phrase p;
	if (dyad_phrase_make(ld->engine, spelling, strlen(spelling), &p) != DYAD_OK ||
	    p.n_tokens < 2)
		return DYAD_OK; /* single names ("Xi") are not looked up alone */
	/* the name key (kb/stem.h), not the stem: Snowball makes "али"
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

/* "AZE\x1fpresident": the key of an office in gaz->by_office; 0 when the
 * key would not fit. */
static size_t office_key(char *out, const char *iso3, const char *role)
{
	int n = snprintf(out, DYAD_MAX_OFFICE_KEY, "%s\x1f%s", iso3, role);
	return n > 0 && n < DYAD_MAX_OFFICE_KEY ? (size_t)n : 0;
}

/* Chain each person's offices (records of one name, in file order) and
 * the holders of each office (records of one country and role, in file
 * order), so that the look-ups below follow chains instead of scanning. */
static dyad_status chain_offices(struct dyad__gaz_loader *ld)
{
	struct dyad__gazetteer *gaz = ld->gaz;
	dyad_status st;
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
	for (size_t i = gaz->n_people; i-- > 0;) {
		struct dyad__person *p = &gaz->people[i];
		if (!p->iso3 || !p->role)
			continue;
		char key[DYAD_MAX_OFFICE_KEY];
		size_t n = office_key(key, p->iso3, p->role);
		uint32_t next = 0;
		int existed = n && dyad_hash_get(&gaz->by_office, key, n, &next);
		p->next_holder = existed ? next : 0;
		const char *stored = existed ? key : dyad_arena_strndup(&ld->engine->arena, key, n);
		if (!stored)
			return DYAD_ENOMEM;
		if ((st = dyad_hash_put(&gaz->by_office, stored, n, (uint32_t)i + 1, NULL,
		                        NULL)) != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}

dyad_status dyad__gaz_load_people(struct dyad__gaz_loader *ld, char *errmsg)
{
	static const char *const cols[] = {"name", "iso3", "role", "from", "to", "variants"};
	struct dyad__gazetteer *gaz = ld->gaz;
	dyad_status st = dyad__gaz_open(ld, "people/people.tsv", cols, 6, errmsg);
	if (st != DYAD_OK)
		return st;
	while ((st = dyad_tsv_next(&ld->tsv)) == DYAD_OK) {
		char **f = ld->tsv.fields;
		if (!f[0])
			return dyad_tsv_error(&ld->tsv, "a person needs a name");
		if ((st = dyad__gaz_check_country(ld, f[1], 1)) != DYAD_OK)
			return st;
		size_t idx = gaz->n_people;
		struct dyad__person *p = DYAD_VEC_PUSH(&gaz->people, &gaz->n_people,
		                                       &gaz->people_alloc);
		if (!p)
			return DYAD_ENOMEM;
		p->name = f[0];
		p->iso3 = f[1];
		p->role = f[2];
		if (p->role && strlen(p->role) + 5 > DYAD_MAX_OFFICE_KEY)
			return dyad_tsv_error(&ld->tsv, "role too long");
		if (!parse_date(f[3], &p->from) || !parse_date(f[4], &p->to))
			return dyad_tsv_error(&ld->tsv, "dates are YYYY, YYYY-MM or YYYY-MM-DD");
		if ((st = dyad__gaz_add_phrase(ld, f[0], GAZ_PERSON, idx)) != DYAD_OK ||
		    (st = index_surname(ld, f[0], idx)) != DYAD_OK)
			return st;
		char *parts[DYAD_GAZ_MAX_VARIANTS];
		size_t n = dyad_tsv_split(f[5], parts, DYAD_GAZ_MAX_VARIANTS);
		if (n > DYAD_GAZ_MAX_VARIANTS)
			return dyad_tsv_error(&ld->tsv, "more than %d variants", DYAD_GAZ_MAX_VARIANTS);
		for (size_t i = 0; i < n; i++)
			if ((st = dyad__gaz_add_phrase(ld, parts[i], GAZ_PERSON, idx)) != DYAD_OK ||
			    (st = index_surname(ld, parts[i], idx)) != DYAD_OK)
				return st;
	}
	if (st != DYAD_DONE)
		return st;
	return chain_offices(ld);
}

static dyad_status lower_set(struct dyad__gaz_loader *ld, char *field, struct dyad_hash *set)
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

/* Honorifics are stopwords too (lower_set splits the field in place, so
 * the second set reads a copy). */
static dyad_status honorifics(struct dyad__gaz_loader *ld, char *field)
{
	char *copy = dyad_arena_strdup(&ld->engine->arena, field);
	if (!copy)
		return DYAD_ENOMEM;
	dyad_status st = lower_set(ld, field, &ld->engine->gaz->stopwords);
	return st == DYAD_OK ? lower_set(ld, copy, &ld->engine->gaz->honorifics) : st;
}

static dyad_status suffix_list(struct dyad__gaz_loader *ld, char *field, char ***out,
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

dyad_status dyad__gaz_load_shapes(struct dyad__gaz_loader *ld, char *errmsg)
{
	static const char *const cols[] = {"kind", "forms"};
	struct dyad__gazetteer *gaz = ld->gaz;
	dyad_status st = dyad__gaz_open(ld, "people/name_shapes.tsv", cols, 2, errmsg);
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
		else if (strcmp(kind, "origin") == 0)
			st = lower_set(ld, f[1], &gaz->origins);
		else if (strcmp(kind, "honorific") == 0)
			st = honorifics(ld, f[1]);
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

uint32_t dyad__gaz_people_by_surname(const struct dyad__gazetteer *gaz,
                                     const char *stem, size_t len)
{
	uint32_t v = 0;
	return dyad_hash_get(&gaz->by_surname, stem, len, &v) ? v : 0;
}

/* ---- look-ups -------------------------------------------------------- */

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

const struct dyad__person *dyad__person_on(const struct dyad__gazetteer *gaz,
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
			const struct dyad__role *r = dyad__role_find(gaz, p->role);
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

static uint32_t office_chain(const struct dyad__gazetteer *gaz, const char *iso3,
                             const char *role)
{
	char key[DYAD_MAX_OFFICE_KEY];
	size_t n = office_key(key, iso3, role);
	uint32_t first = 0;
	return n && dyad_hash_get(&gaz->by_office, key, n, &first) ? first : 0;
}

const struct dyad__person *dyad__office_holder(const struct dyad__gazetteer *gaz,
                                              const char *iso3, const char *role,
                                              const struct dyad__date *on)
{
	const struct dyad__person *found = NULL;
	for (uint32_t id = office_chain(gaz, iso3, role); id; id = gaz->people[id - 1].next_holder) {
		const struct dyad__person *p = &gaz->people[id - 1];
		if (!holds_office_on(p, on))
			continue;
		if (found && strcmp(found->name, p->name) != 0)
			return NULL; /* two holders: ambiguous */
		found = p;
	}
	return found;
}

const struct dyad__person *dyad__person_by_surname(const struct dyad__gazetteer *gaz,
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
		const struct dyad__role *r = dyad__role_find(gaz, p->role);
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
		return dyad__person_on(gaz, current, on);
	return any && !several ? dyad__person_on(gaz, any, on) : NULL;
}
