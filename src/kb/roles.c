/*
 * roles.c - the reader of data/roles/roles.tsv: titles, their CAMEO agent
 * codes and ranks, found by name (see gazetteer.h).
 */
#include "kb/gazetteer.h"

#include <stdlib.h>
#include <string.h>

#include "core/vec.h"
#include "kb/engine.h"
#include "kb/tsv.h"

dyad_status dyad__gaz_load_roles(struct dyad__gaz_loader *ld, char *errmsg)
{
	static const char *const cols[] = {"role", "agent", "rank", "phrases"};
	struct dyad__gazetteer *gaz = ld->gaz;
	dyad_status st = dyad__gaz_open(ld, "roles/roles.tsv", cols, 4, errmsg);
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
		int existed;
		if ((st = dyad_hash_put(&gaz->by_role, f[0], strlen(f[0]), (uint32_t)idx, &existed,
		                        NULL)) != DYAD_OK)
			return st;
		if (existed)
			return dyad_tsv_error(&ld->tsv, "role \"%s\" is listed twice", f[0]);
		if ((st = dyad__gaz_add_variants(ld, f[3], GAZ_ROLE, idx)) != DYAD_OK)
			return st;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

const struct dyad__role *dyad__role_find(const struct dyad__gazetteer *gaz,
                                         const char *role)
{
	uint32_t i;
	if (!role || !dyad_hash_get(&gaz->by_role, role, strlen(role), &i))
		return NULL;
	return &gaz->roles[i];
}
