/*
 * clauses.c - which subject a clause has (reading.h). A verb with its own
 * nsubj keeps it; relative clauses ("the EU, which imposed ...") take the
 * noun they modify for their relative pronoun; a verb conjoined with
 * another ("met X and signed"), controlled by another ("agreed to sell")
 * or in an adverbial clause without a subject takes the subject of that
 * verb. The voice is read from the tree: nsubj:pass, aux:pass, or a
 * passive participle.
 */
#include "events/reading.h"

#define CLAUSE_DEPTH 4 /* verbs passed through to find a subject */

int dyad__clause_passive(const struct dyad__tree *t, size_t p)
{
	if (dyad__tree_child(t, p, DYAD_DEPREL_NSUBJ_PASS) >= 0 ||
	    dyad__tree_child(t, p, DYAD_DEPREL_AUX_PASS) >= 0)
		return 1;
	/* "sanctions imposed by the EU", "подписан Россией"; not the perfect
	 * "has expelled", nor a verb conjoined to an active one */
	if (!dyad__tree_feat_is(t, p, DYAD_FEAT_Voice, "Pass") ||
	    !dyad__tree_feat_is(t, p, DYAD_FEAT_VerbForm, "Part") ||
	    dyad__tree_child(t, p, DYAD_DEPREL_NSUBJ) >= 0 ||
	    dyad__tree_child(t, p, DYAD_DEPREL_AUX) >= 0)
		return 0;
	return dyad__tree_child(t, p, DYAD_DEPREL_OBL_AGENT) >= 0 ||
	       dyad__tree_urel(t, p) == DYAD_DEPREL_ACL || dyad__tree_rel(t, p) == DYAD_DEPREL_ROOT ||
	       dyad__tree_head(t, p) < 0;
}

/* p's own subject: nsubj (active) or nsubj:pass; -1 when none. */
static int32_t own_subject(const struct dyad__tree *t, size_t p, int *passive)
{
	int32_t c = dyad__tree_child(t, p, DYAD_DEPREL_NSUBJ);
	if (c < 0)
		c = dyad__tree_child(t, p, DYAD_DEPREL_NSUBJ_OUTER);
	if (c >= 0) {
		*passive = 0;
		return c;
	}
	c = dyad__tree_child(t, p, DYAD_DEPREL_NSUBJ_PASS);
	if (c >= 0)
		*passive = 1;
	return c;
}

int32_t dyad__clause_subject(const struct dyad__tree *t, size_t p, int *passive, int *hops)
{
	*passive = 0;
	int depth_dummy;
	if (!hops)
		hops = &depth_dummy;
	for (int depth = 0; depth < CLAUSE_DEPTH; depth++) {
		*hops = depth;
		int32_t sj = own_subject(t, p, passive);
		enum dyad_deprel rel = dyad__tree_rel(t, p);
		int32_t h = dyad__tree_head(t, p);
		int relative = rel == DYAD_DEPREL_ACL_RELCL || rel == DYAD_DEPREL_ACL;
		/* "which", "который": the noun the relative clause is about */
		if (relative && h >= 0 &&
		    (sj < 0 || dyad__tree_feat_is(t, (size_t)sj, DYAD_FEAT_PronType, "Rel"))) {
			*passive = *passive || dyad__clause_passive(t, p);
			return h;
		}
		if (sj >= 0)
			return sj;
		if (h < 0)
			return -1;
		switch (rel) {
		case DYAD_DEPREL_CONJ:
		case DYAD_DEPREL_ADVCL:
			break; /* the subject of the verb it goes with */
		case DYAD_DEPREL_XCOMP: {
			/* "asked Germany to supply": the object controls */
			int32_t o = dyad__tree_child(t, (size_t)h, DYAD_DEPREL_OBJ);
			if (o >= 0)
				return o;
			break;
		}
		default:
			return -1;
		}
		p = (size_t)h;
	}
	return -1;
}
