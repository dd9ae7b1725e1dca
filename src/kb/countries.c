/*
 * countries.c - the reader of data/countries/: every ISO 3166-1 country with
 * its names, adjectives, demonyms, capitals and seats of power, and the
 * regions (see gazetteer.h).
 */
#include "kb/gazetteer.h"

#include <string.h>

#include "core/vec.h"
#include "kb/engine.h"
#include "kb/tsv.h"

static int valid_iso3(const char *s)
{
	return s && strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' &&
	       s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z';
}

dyad_status dyad__gaz_load_countries(struct dyad__gaz_loader *ld, char *errmsg)
{
	static const char *const cols[] = {"iso3", "iso2", "name", "names", "adjectives",
	                                   "demonyms", "capitals", "seats"};
	struct dyad__gazetteer *gaz = ld->gaz;
	dyad_status st = dyad__gaz_open(ld, "countries/countries.tsv", cols, 8, errmsg);
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
		if ((st = dyad__gaz_add_phrase(ld, f[2], GAZ_COUNTRY, idx)) != DYAD_OK ||
		    (st = dyad__gaz_add_variants(ld, f[3], GAZ_COUNTRY, idx)) != DYAD_OK ||
		    (st = dyad__gaz_add_variants(ld, f[4], GAZ_ADJECTIVE, idx)) != DYAD_OK ||
		    (st = dyad__gaz_add_variants(ld, f[5], GAZ_DEMONYM, idx)) != DYAD_OK ||
		    (st = dyad__gaz_add_variants(ld, f[6], GAZ_CAPITAL, idx)) != DYAD_OK ||
		    (st = dyad__gaz_add_variants(ld, f[7], GAZ_SEAT, idx)) != DYAD_OK)
			return st;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

dyad_status dyad__gaz_check_country(struct dyad__gaz_loader *ld, const char *code, int igo_ok)
{
	if (igo_ok && code && (strcmp(code, "IGO") == 0 || strcmp(code, "NGO") == 0))
		return DYAD_OK;
	if (!valid_iso3(code) || !dyad__gaz_country(ld->gaz, code))
		return dyad_tsv_error(&ld->tsv, "\"%s\": not a country of countries.tsv",
		                      code ? code : "-");
	return DYAD_OK;
}

dyad_status dyad__gaz_load_regions(struct dyad__gaz_loader *ld, char *errmsg)
{
	static const char *const cols[] = {"code", "name", "names", "members"};
	struct dyad__gazetteer *gaz = ld->gaz;
	dyad_status st = dyad__gaz_open(ld, "countries/regions.tsv", cols, 4, errmsg);
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
		if ((st = dyad__gaz_add_phrase(ld, f[1], GAZ_REGION, idx)) != DYAD_OK ||
		    (st = dyad__gaz_add_variants(ld, f[2], GAZ_REGION, idx)) != DYAD_OK)
			return st;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

const struct dyad__country *dyad__gaz_country(const struct dyad__gazetteer *gaz,
                                              const char *iso3)
{
	uint32_t i;
	if (!iso3 || !dyad_hash_get(&gaz->by_iso3, iso3, strlen(iso3), &i))
		return NULL;
	return &gaz->countries[i];
}
