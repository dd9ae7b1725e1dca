/*
 * places.c - the reader of data/places/: cities, regions, territories and
 * seas with their country and coordinates (see gazetteer.h).
 */
#include "kb/gazetteer.h"

#include <stdlib.h>
#include <string.h>

#include "core/vec.h"
#include "kb/engine.h"
#include "kb/tsv.h"

dyad_status dyad__gaz_load_places(struct dyad__gaz_loader *ld, char *errmsg)
{
	static const char *const cols[] = {"name", "iso3", "kind", "lat", "lon", "variants"};
	struct dyad__gazetteer *gaz = ld->gaz;
	dyad_status st = dyad__gaz_open(ld, "places/places.tsv", cols, 6, errmsg);
	if (st != DYAD_OK)
		return st;
	while ((st = dyad_tsv_next(&ld->tsv)) == DYAD_OK) {
		char **f = ld->tsv.fields;
		if (!f[0])
			return dyad_tsv_error(&ld->tsv, "a place needs a name");
		/* seas and disputed shoals belong to no country */
		if (f[1] && (st = dyad__gaz_check_country(ld, f[1], 0)) != DYAD_OK)
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
		if ((st = dyad__gaz_add_phrase(ld, f[0], GAZ_PLACE, idx)) != DYAD_OK ||
		    (st = dyad__gaz_add_variants(ld, f[5], GAZ_PLACE, idx)) != DYAD_OK)
			return st;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}
