/*
 * complement.c - what a demand, an appeal, a proposal, an intention, a
 * rejection or a threat is about has not happened (reading.h): "urged
 * Russia to withdraw", "rejected the proposal to hold talks", "потребовал
 * вывести войска", "threatened to impose sanctions". The predicate that is
 * the complement (xcomp, ccomp), object or oblique of such a predicate is
 * its content, not an act of its own. A verbal noun that is only the topic
 * or reason of another ("thanked X for the support", "talks on the
 * ceasefire") is no event either.
 */
#include "events/reading.h"

#include "text/words.h"

#define COMPLEMENT_DEPTH 3 /* conjoined complements passed through */

static int content_rel(enum dyad_deprel rel)
{
	switch (dyad_deprel_universal(rel)) {
	case DYAD_DEPREL_XCOMP:
	case DYAD_DEPREL_CCOMP:
	case DYAD_DEPREL_OBJ:
	case DYAD_DEPREL_OBL:
	case DYAD_DEPREL_NMOD:
	case DYAD_DEPREL_ACL:
		return 1;
	default:
		return 0;
	}
}

/* The match anchored at token h, or NULL. */
static const struct dyad__match *match_at(const struct dyad__matches *all, size_t h)
{
	for (size_t i = 0; i < all->n; i++)
		if (all->m[i].first <= h && h <= all->m[i].last)
			return &all->m[i];
	return NULL;
}

int dyad__complement_of_other(const struct dyad__tree *t, const struct dyad__matches *all,
                              size_t p)
{
	size_t k = p;
	/* "for the support", "по прекращению огня": a topic, not an act */
	int32_t cs = dyad__tree_case(t, p);
	if (cs >= 0 && dyad__tok_kind(t->w, (size_t)cs, MOD_TOPIC) &&
	    dyad__tree_upos(t, p) == DYAD_UPOS_NOUN && match_at(all, p) &&
	    !(match_at(all, p)->last > p))
		return 1;
	for (int depth = 0; depth < COMPLEMENT_DEPTH; depth++) {
		enum dyad_deprel rel = dyad__tree_rel(t, k);
		int32_t h = dyad__tree_head(t, k);
		if (h < 0)
			return 0;
		if (content_rel(rel)) {
			const struct dyad__match *gov = match_at(all, (size_t)h);
			return gov && !(gov->first <= p && p <= gov->last) && dyad__takes_complement(gov);
		}
		if (rel != DYAD_DEPREL_CONJ)
			return 0;
		k = (size_t)h;
	}
	return 0;
}
