/*
 * modality.c - a predicate told as possible, intended, obliged, predicted
 * or conditional (reading.h): a modal auxiliary or verb over it ("may
 * impose", "plans to visit", "может ввести", "намерен посетить"), the
 * conditional mood ("ввела бы", Mood=Cnd) or a conditional clause ("if",
 * "если"). The caller turns a cooperative act into its intent code
 * (data/cameo/intent.tsv) and drops a conflict act. "Would like to thank"
 * performs the thanks (modifiers.tsv, performative). The words are the
 * language's (modifiers.tsv: modal, conditional, performative).
 */
#include "events/reading.h"

#include "text/words.h"

#define MODAL_DEPTH 3 /* controlling verbs looked through */

static int modal_here(const struct dyad__tree *t, size_t p)
{
	if (dyad__tree_feat_is(t, p, DYAD_FEAT_Mood, "Cnd") ||
	    dyad__tree_child_kind(t, p, DYAD_DEPREL_MARK, MOD_CONDITIONAL) >= 0)
		return 1;
	for (int32_t c = dyad__tree_first(t, p); c >= 0; c = dyad__tree_next(t, (size_t)c)) {
		enum dyad_deprel u = dyad__tree_urel(t, (size_t)c);
		if (u == DYAD_DEPREL_AUX && (dyad__tok_kind(t->w, (size_t)c, MOD_MODAL) ||
		                             dyad__tree_feat_is(t, (size_t)c, DYAD_FEAT_Mood, "Cnd")))
			return 1;
	}
	return 0;
}

static int performative(const struct dyad__tree *t, size_t p)
{
	return dyad__tok_kind(t->w, p, MOD_PERFORMATIVE) ||
	       dyad__tree_child_kind(t, p, DYAD_DEPREL_NONE, MOD_PERFORMATIVE) >= 0;
}

int dyad__modal_in_tree(const struct dyad__tree *t, size_t p)
{
	/* a verbal noun in a conditional clause: "if talks fail" */
	int32_t gov = dyad__tree_head(t, p);
	enum dyad_deprel u = dyad__tree_urel(t, p);
	if (gov >= 0 && dyad__tree_upos(t, p) == DYAD_UPOS_NOUN &&
	    (u == DYAD_DEPREL_NSUBJ || u == DYAD_DEPREL_OBJ || u == DYAD_DEPREL_OBL) &&
	    dyad__tree_child_kind(t, (size_t)gov, DYAD_DEPREL_MARK, MOD_CONDITIONAL) >= 0)
		return 1;
	for (int depth = 0; depth < MODAL_DEPTH; depth++) {
		if (modal_here(t, p))
			return 1;
		int32_t h = dyad__tree_head(t, p);
		if (h < 0 || dyad__tree_rel(t, p) != DYAD_DEPREL_XCOMP)
			return 0;
		p = (size_t)h;
		if (performative(t, p))
			return 0;
		/* "plans to visit", "может ввести": the controlling verb */
		if (dyad__tok_kind(t->w, p, MOD_MODAL))
			return 1;
	}
	return 0;
}
