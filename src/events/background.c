/*
 * background.c - a predicate told as background rather than news
 * (reading.h): the pluperfect ("had signed": a past auxiliary over a past
 * participle) and the language's background adverbs ("earlier",
 * "previously", "ранее"; modifiers.tsv, background). A date the sentence
 * names before publication marks background too (emit.c).
 */
#include "events/reading.h"

#include "text/words.h"

int dyad__background_in_tree(const struct dyad__tree *t, size_t p)
{
	if (dyad__tree_child_kind(t, p, DYAD_DEPREL_ADVMOD, MOD_BACKGROUND) >= 0)
		return 1;
	if (!dyad__tree_feat_is(t, p, DYAD_FEAT_VerbForm, "Part") ||
	    !dyad__tree_feat_is(t, p, DYAD_FEAT_Tense, "Past"))
		return 0;
	for (int32_t c = dyad__tree_first(t, p); c >= 0; c = dyad__tree_next(t, (size_t)c))
		if (dyad__tree_rel(t, (size_t)c) == DYAD_DEPREL_AUX &&
		    dyad__tree_feat_is(t, (size_t)c, DYAD_FEAT_Tense, "Past") &&
		    dyad__tree_feat_is(t, (size_t)c, DYAD_FEAT_VerbForm, "Fin"))
			return 1;
	return 0;
}
