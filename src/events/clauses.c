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

/* A subject is in the nominative where the language marks case: a
 * genitive or accusative "nsubj" is the parser's slip over free word order
 * ("Территориальную целостность Азербайджана поддержал Пакистан"). */
static int case_allows_subject(const struct dyad__tree *t, size_t k)
{
	unsigned c = dyad__tree_feat(t, k, DYAD_FEAT_Case);
	return !c || dyad__tree_feat_is(t, k, DYAD_FEAT_Case, "Nom");
}

/* The verb and the noun agree where both mark gender and number: the
 * subject of "поддержала" is feminine. A noun for a person agrees in the
 * gender of the person, not its own ("глава МИД призвал", "врач
 * сказала"): an animate noun's gender decides nothing. */
static int agrees(const struct dyad__tree *t, size_t verb, size_t noun)
{
	/* "Тегеран и Эр-Рияд восстановили": nouns joined by "и" are plural,
	 * whatever each one is */
	if (dyad__tree_child(t, noun, DYAD_DEPREL_CONJ) >= 0)
		return !dyad__tree_feat_is(t, verb, DYAD_FEAT_Number, "Sing");
	static const enum dyad_ud_feat feats[] = {DYAD_FEAT_Gender, DYAD_FEAT_Number};
	int person = dyad__tree_feat_is(t, noun, DYAD_FEAT_Animacy, "Anim");
	for (size_t i = person ? 1 : 0; i < sizeof feats / sizeof feats[0]; i++) {
		unsigned v = dyad__tree_feat(t, verb, feats[i]), n = dyad__tree_feat(t, noun, feats[i]);
		if (v && n && v != n)
			return 0;
	}
	return 1;
}

/* A nominal child of the verb, with no preposition, that could be its
 * subject: nominative, or accusative where the tagger cannot tell them
 * apart ("Казахстан"), agreeing with the verb. */
static int could_be_subject(const struct dyad__tree *t, size_t p, size_t c, int nominative_only)
{
	enum dyad_upos u = dyad__tree_upos(t, c);
	enum dyad_deprel rel = dyad__tree_urel(t, c);
	if ((u != DYAD_UPOS_PROPN && u != DYAD_UPOS_NOUN) || dyad__tree_case(t, c) >= 0 ||
	    !dyad__tree_feat(t, c, DYAD_FEAT_Case))
		return 0;
	if (rel != DYAD_DEPREL_CONJ && rel != DYAD_DEPREL_OBJ && rel != DYAD_DEPREL_OBL &&
	    rel != DYAD_DEPREL_NMOD && rel != DYAD_DEPREL_DEP && rel != DYAD_DEPREL_NSUBJ &&
	    rel != DYAD_DEPREL_IOBJ)
		return 0;
	int nom = dyad__tree_feat_is(t, c, DYAD_FEAT_Case, "Nom");
	int acc = dyad__tree_feat_is(t, c, DYAD_FEAT_Case, "Acc");
	return (nom || (!nominative_only && acc)) && agrees(t, p, c);
}

/* Where the parser's subject is none, or not nominative, or does not agree
 * with the verb, the nominal that is and does: Russian free word order
 * ("Казахстан поддержала Турция", "Армению обвинил Азербайджан"). -1 when
 * there is no better one. */
static int32_t subject_by_case(const struct dyad__tree *t, size_t p, int32_t parsed)
{
	if (parsed >= 0 && case_allows_subject(t, (size_t)parsed) && agrees(t, p, (size_t)parsed))
		return -1;
	/* a conjoined verb with no subject shares its head's ("осудил
	 * Пакистан и призвал Пакистан к диалогу"): only a nominative is a
	 * subject of its own there, not an object that merely looks like one */
	int shared = parsed < 0 && dyad__tree_rel(t, p) == DYAD_DEPREL_CONJ;
	for (int pass = 0; pass < (shared ? 1 : 2); pass++)
		for (int32_t c = dyad__tree_first(t, p); c >= 0; c = dyad__tree_next(t, (size_t)c))
			if (c != parsed && could_be_subject(t, p, (size_t)c, pass == 0))
				return c;
	return -1;
}

int32_t dyad__clause_demoted_subject(const struct dyad__tree *t, size_t p)
{
	int32_t parsed = dyad__tree_child(t, p, DYAD_DEPREL_NSUBJ);
	return parsed >= 0 && subject_by_case(t, p, parsed) >= 0 ? parsed : -1;
}

/* Verb p can have a subject of its own: a finite verb or a participle,
 * not an infinitive or a converb ("решила выслать посла": the accusative
 * of "выслать" is its object; the subject is the controller's). */
static int has_own_subject(const struct dyad__tree *t, size_t p)
{
	return dyad__tree_feat(t, p, DYAD_FEAT_VerbForm) &&
	       !dyad__tree_feat_is(t, p, DYAD_FEAT_VerbForm, "Inf") &&
	       !dyad__tree_feat_is(t, p, DYAD_FEAT_VerbForm, "Conv");
}

/* p's own subject: nsubj (active) or nsubj:pass; -1 when none. */
static int32_t own_subject(const struct dyad__tree *t, size_t p, int *passive)
{
	int32_t c = dyad__tree_child(t, p, DYAD_DEPREL_NSUBJ);
	if (c < 0)
		c = dyad__tree_child(t, p, DYAD_DEPREL_NSUBJ_OUTER);
	int32_t better = has_own_subject(t, p) ? subject_by_case(t, p, c) : -1;
	if (better >= 0)
		c = better;
	else if (c >= 0 && !case_allows_subject(t, (size_t)c))
		c = -1;
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
			break; /* the subject of the verb it goes with */
		case DYAD_DEPREL_ADVCL:
			/* "after meeting X": a non-finite clause shares the subject;
			 * a finite one without a subject is a parse gone wrong */
			if (dyad__tree_feat_is(t, p, DYAD_FEAT_VerbForm, "Fin"))
				return -1;
			break;
		case DYAD_DEPREL_XCOMP: {
			/* "asked Germany to supply": the object controls */
			int32_t o = dyad__tree_child(t, (size_t)h, DYAD_DEPREL_OBJ);
			if (o >= 0)
				return o;
			/* "X is expected to sign": X signs, actively */
			int up_passive = 0;
			int32_t up = dyad__clause_subject(t, (size_t)h, &up_passive, NULL);
			*hops = depth + 1;
			return up;
		}
		default:
			return -1;
		}
		p = (size_t)h;
	}
	return -1;
}
