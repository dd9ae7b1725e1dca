/*
 * gazetteer.c - the phrase index of the named things: every phrase of the
 * countries, places, people, roles and organisations files (read by
 * countries.c, places.c, people.c, roles.c and orgs.c) under its stem key and
 * name key, with the prefixes of longer phrases marked (see gazetteer.h).
 */
#include "kb/gazetteer.h"

#include <string.h>

#include "core/alloc.h"
#include "core/utf8.h"
#include "core/vec.h"
#include "kb/engine.h"
#include "kb/phrase.h"
#include "kb/tsv.h"


dyad_status dyad__gaz_open(struct dyad__gaz_loader *ld, const char *rel,
                             const char *const *cols, size_t n_cols,
                             char *errmsg)
{
	return dyad_tsv_open_in(&ld->tsv, &ld->engine->arena, ld->engine->data_dir, rel, cols,
	                        n_cols, errmsg);
}

/* File one entry under a key, marking every prefix of the key. */
static dyad_status add_key(struct dyad__gaz_loader *ld, const char *k, size_t key_len,
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
dyad_status dyad__gaz_add_phrase(struct dyad__gaz_loader *ld, const char *phrase,
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
dyad_status dyad__gaz_add_variants(struct dyad__gaz_loader *ld, char *field,
                                enum dyad__gaz_kind kind, size_t record)
{
	char *parts[DYAD_GAZ_MAX_VARIANTS];
	size_t n = dyad_tsv_split(field, parts, DYAD_GAZ_MAX_VARIANTS);
	if (n > DYAD_GAZ_MAX_VARIANTS)
		return dyad_tsv_error(&ld->tsv, "more than %d variants", DYAD_GAZ_MAX_VARIANTS);
	for (size_t i = 0; i < n; i++) {
		dyad_status st = dyad__gaz_add_phrase(ld, parts[i], kind, record);
		if (st != DYAD_OK)
			return st;
	}
	return DYAD_OK;
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
	dyad_hash_release(&gaz->honorifics);
	dyad_hash_release(&gaz->origins);
	dyad_hash_release(&gaz->keys);
	dyad_hash_release(&gaz->by_iso3);
	dyad_hash_release(&gaz->by_surname);
	dyad_hash_release(&gaz->by_office);
	dyad_hash_release(&gaz->by_role);
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
	struct dyad__gaz_loader ld;
	memset(&ld, 0, sizeof ld);
	ld.engine = engine;
	ld.gaz = dyad__calloc(1, sizeof *ld.gaz);
	if (!ld.gaz)
		return DYAD_ENOMEM;
	engine->gaz = ld.gaz;
	dyad_status st;
	if ((st = dyad__gaz_load_countries(&ld, errmsg)) != DYAD_OK ||
	    (st = dyad__gaz_load_regions(&ld, errmsg)) != DYAD_OK ||
	    (st = dyad__gaz_load_places(&ld, errmsg)) != DYAD_OK ||
	    (st = dyad__gaz_load_people(&ld, errmsg)) != DYAD_OK ||
	    (st = dyad__gaz_load_roles(&ld, errmsg)) != DYAD_OK ||
	    (st = dyad__gaz_load_orgs(&ld, errmsg)) != DYAD_OK ||
	    (st = dyad__gaz_load_heads(&ld, errmsg)) != DYAD_OK ||
	    (st = dyad__gaz_load_shapes(&ld, errmsg)) != DYAD_OK ||
	    (st = link_capitals(ld.gaz)) != DYAD_OK)
		return st; /* engine_free releases the partial gazetteer */
	return DYAD_OK;
}
