/*
 * orgs.c - the reader of data/orgs/: named organisations and the generic
 * heads of state bodies ("ministry", "parliament"; see gazetteer.h).
 */
#include "kb/gazetteer.h"

#include <string.h>

#include "core/vec.h"
#include "kb/engine.h"
#include "kb/tsv.h"

dyad_status dyad__gaz_load_orgs(struct dyad__gaz_loader *ld, char *errmsg)
{
	static const char *const cols[] = {"name", "country", "actor", "kind", "variants"};
	struct dyad__gazetteer *gaz = ld->gaz;
	dyad_status st = dyad__gaz_open(ld, "orgs/orgs.tsv", cols, 5, errmsg);
	if (st != DYAD_OK)
		return st;
	while ((st = dyad_tsv_next(&ld->tsv)) == DYAD_OK) {
		char **f = ld->tsv.fields;
		if (!f[0])
			return dyad_tsv_error(&ld->tsv, "an organisation needs a name");
		if ((st = dyad__gaz_check_country(ld, f[1], 1)) != DYAD_OK)
			return st;
		size_t idx = gaz->n_orgs;
		struct dyad__org *o = DYAD_VEC_PUSH(&gaz->orgs, &gaz->n_orgs, &gaz->orgs_alloc);
		if (!o)
			return DYAD_ENOMEM;
		o->name = f[0];
		o->country = f[1];
		o->actor = f[2];
		o->kind = f[3] ? f[3] : "org";
		if ((st = dyad__gaz_add_phrase(ld, f[0], GAZ_ORG, idx)) != DYAD_OK ||
		    (st = dyad__gaz_add_variants(ld, f[4], GAZ_ORG, idx)) != DYAD_OK)
			return st;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

dyad_status dyad__gaz_load_heads(struct dyad__gaz_loader *ld, char *errmsg)
{
	static const char *const cols[] = {"head", "agent", "bare", "seat", "family", "phrases"};
	struct dyad__gazetteer *gaz = ld->gaz;
	dyad_status st = dyad__gaz_open(ld, "orgs/patterns.tsv", cols, 6, errmsg);
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
		if (f[2] && strcmp(f[2], "last") != 0)
			return dyad_tsv_error(&ld->tsv, "bare must be 'last' or '-', not \"%s\"", f[2]);
		if (f[3] && strcmp(f[3], "yes") != 0)
			return dyad_tsv_error(&ld->tsv, "seat must be 'yes' or '-', not \"%s\"", f[3]);
		h->bare_last = f[2] != NULL;
		h->seat = f[3] != NULL;
		h->family = f[4];
		if ((st = dyad__gaz_add_variants(ld, f[5], GAZ_ORG_HEAD, idx)) != DYAD_OK)
			return st;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}
