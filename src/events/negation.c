/*
 * negation.c - a negated predicate is no event (reading.h): "did not
 * sign", "не подписала", "never met", "no agreement was reached" (a
 * negated object), "neither A nor B attended" (a negated subject), the Polarity=Neg of a verb or its auxiliary, and the
 * negation of the verb
 * that controls it ("did not agree to sell", "had no plans to attack").
 * The negating words are the
 * language's (modifiers.tsv, negation).
 */
#include "events/reading.h"

#include "text/words.h"

#define NEGATION_DEPTH 3 /* controlling verbs looked through */

/* "no agreement was signed", "signed no agreement": the act's object is
 * negated. */
static int negated_object(const struct dyad__tree *t, size_t p)
{
	for (int32_t c = dyad__tree_first(t, p); c >= 0; c = dyad__tree_next(t, (size_t)c)) {
		enum dyad_deprel rel = dyad__tree_rel(t, (size_t)c);
		if ((rel == DYAD_DEPREL_NSUBJ_PASS || rel == DYAD_DEPREL_OBJ) &&
		    dyad__tree_child_kind(t, (size_t)c, DYAD_DEPREL_DET, MOD_NEGATION) >= 0)
			return 1;
	}
	return 0;
}

/* "Neither Russia nor Ukraine attended": the subject's coordination is a
 * negating one. */
static int negated_subject(const struct dyad__tree *t, size_t p)
{
	int32_t sj = dyad__tree_child(t, p, DYAD_DEPREL_NSUBJ);
	if (sj < 0)
		return 0;
	for (int32_t c = dyad__tree_first(t, (size_t)sj); c >= 0; c = dyad__tree_next(t, (size_t)c))
		if (dyad__tree_urel(t, (size_t)c) == DYAD_DEPREL_CC &&
		    dyad__tok_kind(t->w, (size_t)c, MOD_NEGATION))
			return 1;
	return 0;
}

static int negated_here(const struct dyad__tree *t, size_t p)
{
	if (dyad__tree_feat_is(t, p, DYAD_FEAT_Polarity, "Neg") || negated_object(t, p) ||
	    negated_subject(t, p))
		return 1;
	for (int32_t c = dyad__tree_first(t, p); c >= 0; c = dyad__tree_next(t, (size_t)c)) {
		enum dyad_deprel u = dyad__tree_urel(t, (size_t)c);
		if (u != DYAD_DEPREL_ADVMOD && u != DYAD_DEPREL_AUX && u != DYAD_DEPREL_DET &&
		    u != DYAD_DEPREL_DEP && u != DYAD_DEPREL_CC)
			continue;
		if (dyad__tok_kind(t->w, (size_t)c, MOD_NEGATION) ||
		    (u == DYAD_DEPREL_AUX && dyad__tree_feat_is(t, (size_t)c, DYAD_FEAT_Polarity, "Neg")))
			return 1;
	}
	return 0;
}

int dyad__negated_in_tree(const struct dyad__tree *t, size_t p)
{
	for (int depth = 0; depth < NEGATION_DEPTH; depth++) {
		if (negated_here(t, p))
			return 1;
		/* "did not agree to sell", "did not attend the talks" */
		int32_t h = dyad__tree_head(t, p);
		enum dyad_deprel rel = dyad__tree_rel(t, p);
		/* "had no plans to attack", parsed as a purpose clause of "had" */
		int purpose = rel == DYAD_DEPREL_ADVCL &&
		              dyad__tree_feat_is(t, p, DYAD_FEAT_VerbForm, "Inf");
		if (h < 0 || (rel != DYAD_DEPREL_XCOMP && rel != DYAD_DEPREL_OBJ && !purpose))
			return 0;
		p = (size_t)h;
	}
	return 0;
}
