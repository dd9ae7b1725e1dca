/*
 * clause.c - how the clause around a predicate reads, from the function
 * words and endings of the language (text/words.h): negation, modality,
 * clause boundaries, a verb form used as a noun or a modifier, the passive,
 * a topic or reason, a first-person subject, a list after "against", a verb
 * coordinated with the one before it, a dative.
 */

#include "events/coder.h"
#include "kb/engine.h"
#include "text/words.h"

#define NEGATION_WINDOW 3  /* tokens before a predicate that can negate it */
#define MODAL_WINDOW 6     /* "there will be a process of reconciliation" */
#define AGAINST_LIST_SPAN 8 /* "against the PKK/PYD/YPG" */
#define GERUND_ADJECTIVES 2 /* "the first official meeting" */
#define TOPIC_GAP 3        /* articles and adjectives between "on" and its noun */
#define COORDINATED_GAP 2  /* "and also invited": words between "and" and a verb */

int dyad__negated(const struct dyad__work *w, size_t sent_start, size_t sent_end,
                   size_t anchor)
{
	for (size_t d = 1; d <= NEGATION_WINDOW && d <= anchor - sent_start; d++)
		if (dyad__tok_kind(w, anchor - d, MOD_NEGATION))
			return 1;
	/* after it, with the auxiliary: "подписано не было", "signed it was not" */
	return anchor + 2 < sent_end && dyad__tok_kind(w, anchor + 1, MOD_NEGATION) &&
	       dyad__tok_kind(w, anchor + 2, MOD_PASSIVE_AUX);
}

/* "may sign", "plans to visit" - but "I would like to thank", "хотел бы
 * поблагодарить" perform the act they name. */
int dyad__modal(const struct dyad__work *w, size_t sent_start, size_t anchor)
{
	int found = 0;
	for (size_t d = 1; d <= MODAL_WINDOW && d <= anchor - sent_start; d++) {
		if (dyad__clause_break(w, anchor - d) || dyad__tok_is_char(w, anchor - d, ','))
			break;
		if (dyad__tok_kind(w, anchor - d, MOD_PERFORMATIVE))
			return 0;
		if (dyad__tok_kind(w, anchor - d, MOD_MODAL))
			found = 1;
	}
	return found;
}

/* A boundary no frame reaches across: ';', or a word that opens a new
 * clause ("which", "когда", "but"). */
int dyad__clause_break(const struct dyad__work *w, size_t k)
{
	return dyad__tok_is_char(w, k, ';') || dyad__tok_kind(w, k, MOD_CLAUSE_BREAK);
}

/* "meetings", "the meeting of A and B": an English -ing form used as a
 * noun (plural, or after an article and before a preposition or the end). */
int dyad__gerund_as_noun(const struct dyad__work *w, size_t sent_start, size_t k,
                          size_t end)
{
	if (dyad__tok_ends(w, k, END_GERUND_PLURAL))
		return 1;
	if (!dyad__tok_ends(w, k, END_GERUND))
		return 0;
	/* an article before it, maybe with adjectives between: "a recent meeting" */
	size_t j = k;
	int article = 0;
	for (int d = 0; d < GERUND_ADJECTIVES + 1 && j > sent_start; d++) {
		j--;
		if (dyad__tok_kind(w, j, MOD_DETERMINER)) {
			article = 1;
			break;
		}
		if (!(w->tokens[j].flags & DYAD_TOK_WORD) || w->tokens[j].mention >= 0 ||
		    (w->tokens[j].flags & DYAD_TOK_CAP))
			break;
	}
	if (!article)
		return 0;
	return k + 1 >= end || !(w->tokens[k + 1].flags & DYAD_TOK_WORD) ||
	       dyad__tok_kind(w, k + 1, MOD_PREPOSITION);
}

/* "the fighting spirit", "its occupied territories": a verb form after a
 * determiner is an adjective or a noun, not a predicate. */
int dyad__used_as_modifier(const struct dyad__work *w, size_t sent_start, size_t k)
{
	return k > sent_start && dyad__tok_kind(w, k - 1, MOD_DETERMINER) &&
	       dyad__tok_ends(w, k, END_MODIFIER_FORM);
}

/* An English past participle: "imposed", "taken", "held". */
int dyad__participle_shaped(const struct dyad__work *w, size_t k)
{
	return dyad__tok_ends(w, k, END_PARTICIPLE);
}

/* Russian periphrastic passive: "были задержаны", "были одобрены
 * Европейским союзом" (был + short participle; the agent follows in the
 * instrumental). */
int dyad__short_participle_after_aux(const struct dyad__work *w, size_t sent_start,
                                      size_t k)
{
	return k > sent_start && dyad__tok_kind(w, k - 1, MOD_PASSIVE_AUX) &&
	       dyad__tok_ends(w, k, END_SHORT_PARTICIPLE);
}

/* "thanked X for the support", "talks on the ceasefire", "переговоры по
 * прекращению огня": a verbal noun that is the reason or the topic of
 * another predicate is no event of its own. */
int dyad__topic_complement(const struct dyad__work *w, size_t sent_start, size_t k)
{
	for (size_t d = 1; d <= TOPIC_GAP && d <= k - sent_start; d++) {
		size_t j = k - d;
		if (dyad__tok_kind(w, j, MOD_TOPIC))
			return 1;
		/* articles and adjectives may stand between: "on the new ceasefire" */
		const struct dyad__token *t = &w->tokens[j];
		if (!(t->flags & DYAD_TOK_WORD) || (t->flags & DYAD_TOK_CAP) || t->mention >= 0)
			return 0;
	}
	return 0;
}

int dyad__first_person_subject(const struct dyad__work *w, size_t sent_start,
                                size_t anchor)
{
	for (size_t k = anchor; k-- > sent_start;)
		if (dyad__tok_kind(w, k, MOD_FIRST_PERSON))
			return 1;
	return 0;
}

/* "against the PKK/PYD/YPG": the actor at k stands in a list after
 * "against" / "против". */
int dyad__after_against(const struct dyad__work *w, size_t s_start, size_t k)
{
	for (size_t d = 1; d <= AGAINST_LIST_SPAN && d <= k - s_start; d++) {
		size_t j = k - d;
		if (dyad__tok_kind(w, j, MOD_AGAINST))
			return 1;
		const struct dyad__token *t = &w->tokens[j];
		if (t->mention < 0 && !(t->flags & DYAD_TOK_PUNCT) && !dyad__tok_kind(w, j, MOD_DETERMINER) &&
		    !dyad__tok_kind(w, j, MOD_COORDINATOR))
			return 0;
	}
	return 0;
}

/* "... and invited him": a predicate right after "and" shares the subject
 * of the predicate before it. */
int dyad__coordinated_verb(const struct dyad__work *w, size_t s_start, size_t anchor)
{
	for (size_t d = 1; d <= COORDINATED_GAP && d <= anchor - s_start; d++) {
		size_t k = anchor - d;
		if (dyad__tok_kind(w, k, MOD_COORDINATOR))
			return 1;
		/* "and also invited": only an adverb may stand between */
		if (w->tokens[k].mention >= 0 || !(w->tokens[k].flags & DYAD_TOK_WORD))
			return 0;
	}
	return 0;
}

/* "благодарны Китаю", "Азербайджану": a Russian dative, whom something is
 * given or addressed to, not the genitive of who acts. */
int dyad__dative_shaped(const struct dyad__work *w, size_t k)
{
	return dyad__tok_ends(w, k, END_DATIVE);
}
