/*
 * gazetteer.h - the named things dyad knows, keyed for the phrase matcher
 * of the entity stage (entities/match.c).
 *
 * Loaded from data/: countries (names, adjectives, demonyms, capitals, seats
 * of power), regions, places, people (office holders with dates), roles
 * (titles -> CAMEO agent codes), organisations and the generic heads of state
 * bodies. Every phrase of every file becomes a stem key (kb/phrase.h) in
 * one hash map; prefixes of longer phrases are marked so that the matcher can
 * stop extending a match as soon as no phrase continues it.
 */
#ifndef DYAD_KB_GAZETTEER_H
#define DYAD_KB_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/hash.h"
#include "dyad.h"
#include "kb/dates.h"
#include "kb/lang.h"
#include "kb/tsv.h"

enum dyad__gaz_kind {
	GAZ_COUNTRY,    /* a country's name */
	GAZ_ADJECTIVE,  /* its adjective */
	GAZ_DEMONYM,    /* its people */
	GAZ_CAPITAL,    /* its capital, standing for its government */
	GAZ_SEAT,       /* seat of power: the Kremlin */
	GAZ_REGION,     /* South Caucasus, Central Asia */
	GAZ_PLACE,
	GAZ_PERSON,     /* a full name of an office holder */
	GAZ_ROLE,       /* a title: president, посол */
	GAZ_ORG,
	GAZ_ORG_HEAD,   /* a generic state body: ministry, parliament */
	GAZ_N_KINDS
};

struct dyad__country {
	const char *iso3;
	const char *name;
};

struct dyad__place {
	const char *name;
	const char *iso3;
	const char *kind;
	double lat, lon;
	int has_coords;
};

struct dyad__person {
	uint32_t first_office; /* index of the same person's first record */
	uint32_t next_office;  /* the same person's next record + 1; 0 = none */
	uint32_t next_holder;  /* the next record of the same office + 1; 0 = none */
	const char *name;
	const char *iso3;
	const char *role;
	struct dyad__date from, to; /* year 0 = open */
};

struct dyad__role {
	const char *role;
	const char *agent;
	int rank;
};

struct dyad__org {
	const char *name;
	const char *country;
	const char *actor;
	const char *kind;
};

struct dyad__org_head {
	const char *head;
	const char *agent;
	int bare_last;      /* named alone: the document's last body of its kind (offices) */
	int seat;           /* of the state of the place where it sits ("a court in Baku") */
	const char *family; /* a word its family of heads shares ("ministry"), or NULL */
};

struct dyad__region {
	const char *code;
	const char *name;
};

/* One way of writing a person's surname ("Putin", "Путин"): a link in the
 * chain of people whose names end in that stem. */
struct dyad__surname_node {
	uint32_t person;
	uint32_t next; /* next node + 1; 0 = end */
};

struct dyad__gaz_entry {
	uint8_t kind;         /* enum dyad__gaz_kind */
	uint8_t need_cap;     /* the text must be capitalised to match */
	uint8_t need_allcaps; /* ... or even all capitals (acronyms) */
	uint8_t n_tokens;
	uint32_t record;      /* index into the table of its kind */
	uint32_t next;        /* next entry with the same key, + 1; 0 = none */
	const char *lower;    /* the phrase as written, lower-cased (engine arena) */
	int32_t place;        /* capitals: the place record of the same city, or -1 */
};

#define DYAD_GAZ_PREFIX 0x80000000u /* hash value bit: a longer key continues */

struct dyad__gazetteer {
	struct dyad_hash keys; /* stem key -> first entry + 1, | DYAD_GAZ_PREFIX */
	struct dyad__gaz_entry *entries;
	size_t n_entries, entries_alloc;
	struct dyad__country *countries;
	size_t n_countries, countries_alloc;
	struct dyad_hash by_iso3;   /* iso3 -> country index */
	struct dyad__place *places;
	size_t n_places, places_alloc;
	struct dyad__person *people;
	size_t n_people, people_alloc;
	struct dyad_hash by_surname; /* surname name key -> first node + 1 */
	struct dyad_hash by_office;  /* "ISO3\x1frole" -> first holder + 1 */
	struct dyad__surname_node *surname_nodes; /* chains of namesakes */
	size_t n_surname_nodes, surname_nodes_alloc;
	struct dyad__role *roles;
	size_t n_roles, roles_alloc;
	struct dyad_hash by_role;    /* role name -> index */
	struct dyad__org *orgs;
	size_t n_orgs, orgs_alloc;
	struct dyad__org_head *heads;
	size_t n_heads, heads_alloc;
	struct dyad__region *regions;
	size_t n_regions, regions_alloc;
	/* name shapes (data/people/name_shapes.tsv) */
	char **surname_suffixes;
	size_t n_surname_suffixes;
	char **patronymic_suffixes;
	size_t n_patronymic_suffixes;
	struct dyad_hash particles;  /* lower-case words allowed inside names */
	struct dyad_hash stopwords;  /* lower-case words that are never names */
	struct dyad_hash origins;    /* lower-case words between a name and its state: of, from, из */
	struct dyad_hash honorifics; /* lower-case words before a name that are no title: Dr, Mr (also stopwords) */
};

/* 1 when the lower-case word ends like a surname / a patronymic. */
int dyad__gaz_surname_shape(const struct dyad__gazetteer *gaz, const char *lower,
                            size_t len);
int dyad__gaz_patronymic_shape(const struct dyad__gazetteer *gaz,
                               const char *lower, size_t len);

/* A country by ISO3 code, or NULL. */
const struct dyad__country *dyad__gaz_country(const struct dyad__gazetteer *gaz,
                                              const char *iso3);

/*
 * A spelling-tolerant key for a surname: transliterated to Latin (the
 * letters of translit.tsv of the languages, other diacritics folded),
 * regional digraphs folded, vowels after the first letter dropped, so that
 * Tokayev, Токаева and Tokaev agree. Writes at most cap bytes; returns the
 * length.
 */
size_t dyad__name_skeleton(const dyad_engine *engine, const char *word, size_t len,
                           char *out, size_t cap);

#define DYAD_MAX_OFFICE_KEY 256 /* "ISO3\x1frole" */

/* The role of roles.tsv of that name, or NULL (also for a NULL role). */
const struct dyad__role *dyad__role_find(const struct dyad__gazetteer *gaz,
                                         const char *role);

/* Among the records of one person (any of them), the office held on the
 * date, the highest when several are; else the latest record. */
const struct dyad__person *dyad__person_on(const struct dyad__gazetteer *gaz,
                                          const struct dyad__person *any,
                                          const struct dyad__date *on);

/*
 * The one person who held role in country iso3 on the date (or, for an
 * undated text, holds it now); NULL when nobody or several did.
 */
const struct dyad__person *dyad__office_holder(const struct dyad__gazetteer *gaz,
                                              const char *iso3, const char *role,
                                              const struct dyad__date *on);

/* The person whose name ends in a word with this name key ("Putin",
 * "Путину") and who was in office on the date (the higher office when
 * namesakes were), or the only one of that name; NULL otherwise. The record
 * returned is dyad__person_on() of that person. */
const struct dyad__person *dyad__person_by_surname(const struct dyad__gazetteer *gaz,
                                                  const char *stem, size_t n,
                                                  const struct dyad__date *on);

/* The name (s, n) in the Latin letters of its language (translit.tsv) for
 * display; letters the language has none for are kept. In the arena; NULL
 * when out of memory. */
char *dyad__translit(const struct dyad__lang *lang, const char *s, size_t n,
                     struct dyad_arena *arena);

/* People whose name, in any of its spellings, ends in a word with this name
 * key (kb/stem.h):
 * the first node + 1, 0 when none; follow gaz->surname_nodes[i].next. */
uint32_t dyad__gaz_people_by_surname(const struct dyad__gazetteer *gaz,
                                     const char *stem, size_t len);

/* ---- loading: shared by the readers of the gazetteer's files ---------- */

#define DYAD_GAZ_MAX_VARIANTS 256 /* '|' variants of one field */

struct dyad__gaz_loader {
	dyad_engine *engine;
	struct dyad__gazetteer *gaz;
	struct dyad_tsv tsv;         /* the file being read */
};

/* Open data/REL with the columns cols into ld->tsv. */
dyad_status dyad__gaz_open(struct dyad__gaz_loader *ld, const char *rel,
                           const char *const *cols, size_t n_cols, char *errmsg);
/* File one phrase of the given kind and record under its keys. */
dyad_status dyad__gaz_add_phrase(struct dyad__gaz_loader *ld, const char *phrase,
                                 enum dyad__gaz_kind kind, size_t record);
/* Every '|' variant of a field as a phrase of the given kind. */
dyad_status dyad__gaz_add_variants(struct dyad__gaz_loader *ld, char *field,
                                   enum dyad__gaz_kind kind, size_t record);
/* A country code of countries.tsv (or IGO/NGO when igo_ok); else a
 * DYAD_EDATA naming the line. */
dyad_status dyad__gaz_check_country(struct dyad__gaz_loader *ld, const char *code,
                                    int igo_ok);

/* The readers, in the order dyad__gazetteer_load() calls them. */
dyad_status dyad__gaz_load_countries(struct dyad__gaz_loader *ld, char *errmsg);
dyad_status dyad__gaz_load_regions(struct dyad__gaz_loader *ld, char *errmsg);
dyad_status dyad__gaz_load_places(struct dyad__gaz_loader *ld, char *errmsg);
dyad_status dyad__gaz_load_people(struct dyad__gaz_loader *ld, char *errmsg);
dyad_status dyad__gaz_load_roles(struct dyad__gaz_loader *ld, char *errmsg);
dyad_status dyad__gaz_load_orgs(struct dyad__gaz_loader *ld, char *errmsg);
dyad_status dyad__gaz_load_heads(struct dyad__gaz_loader *ld, char *errmsg);
dyad_status dyad__gaz_load_shapes(struct dyad__gaz_loader *ld, char *errmsg);

/* Load every file into engine->gaz; DYAD_EDATA naming file and line. */
dyad_status dyad__gazetteer_load(dyad_engine *engine, char *errmsg);
void dyad__gazetteer_free(struct dyad__gazetteer *gaz);

#endif
