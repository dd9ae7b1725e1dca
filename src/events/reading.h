/*
 * reading.h - the event coder's reading of a predicate in the dependency
 * tree (args.c and the resolvers it calls, one file each): who acts on
 * whom by grammatical relation, and what the clause around it says about
 * whether it happened.
 *
 *   args.c        the source and target relations of a verb or verbal noun
 *   actors.c      from an argument's subtree to the actors it names
 *   clauses.c     subjects passed down: conjoined verbs, control, relative
 *                 and adverbial clauses
 *   speech.c      reported speech: the speaker of a content clause
 *   credits.c     news outlets credited as sources never act
 *   negation.c    a negated predicate is no event
 *   modality.c    "may", "if", "plans to": an intention, or nothing
 *   complement.c  what is demanded, urged, proposed or rejected
 *   background.c  the pluperfect and "earlier": background, not news
 */
#ifndef DYAD_EVENTS_READING_H
#define DYAD_EVENTS_READING_H

#include "events/coder.h"
#include "events/tree.h"

#define DYAD_SIDE_MAX 6 /* actors on one side of an event */

/* The actors of one side, and how they were found. */
struct dyad__side {
	const struct dyad__actor *a[DYAD_SIDE_MAX];
	size_t n;
	int32_t node;   /* the argument's token, -1 when none */
	int speaker;    /* the speaker of the sentence's reported speech */
	int far;        /* found two or more clauses away ("plan to create
	                   the conditions to expand ...") */
};

/* What the tree says about one predicate. */
enum dyad__verdict {
	DYAD_READ_UNSURE, /* a side is missing: let the positional coder try */
	DYAD_READ_NONE,   /* no event: negated, a complement, a modifier */
	DYAD_READ_EVENT,  /* src and tgt are bound */
};

/* The matches of one sentence, for the resolvers that look at the others
 * ("the content of a demand"). */
struct dyad__matches {
	struct dyad__match *m;
	size_t n;
};

/* ---- args.c ---------------------------------------------------------- */

/* Read predicate m of the sentence in tree t; on DYAD_READ_EVENT emit its
 * events; on DYAD_READ_UNSURE m->tree_src holds the sources it bound by
 * relation, if any (the positional reading keeps them). DYAD_ENOMEM only
 * through *st. */
enum dyad__verdict dyad__read_predicate(struct dyad__work *w, size_t s,
                                        const struct dyad__tree *t,
                                        struct dyad__sentence_ctx *ctx,
                                        const struct dyad__matches *all,
                                        struct dyad__match *m, dyad_status *st);

/* ---- actors.c: the tree side ------------------------------------------ */

/* The actors the nominal at token node names (its own mention, a mention
 * in its nominal subtree - "the President of X" - and its conjuncts),
 * appended to side. Returns how many were added. */
size_t dyad__actors_at(const struct dyad__tree *t, const struct dyad__sentence_ctx *ctx,
                       int32_t node, struct dyad__side *side);

/* ---- clauses.c --------------------------------------------------------- */

/* The subject token of verb p: its own nsubj, else the one its clause
 * takes from the verb it is conjoined with or controlled by, or the noun a
 * relative clause modifies; -1 when none. *passive is set when the subject
 * so found is a passive one; *hops (may be NULL) counts the clauses passed
 * through. */
int32_t dyad__clause_subject(const struct dyad__tree *t, size_t p, int *passive, int *hops);
/* The parser's nsubj of p when case and agreement make another nominal
 * the subject (it is then an object), or -1. */
int32_t dyad__clause_demoted_subject(const struct dyad__tree *t, size_t p);
/* The verb p is passive: nsubj:pass, aux:pass, Voice=Pass participle. */
int dyad__clause_passive(const struct dyad__tree *t, size_t p);

/* ---- speech.c: the tree side ------------------------------------------ */

/* The verb of saying whose content clause holds p, or -1. */
int32_t dyad__speech_verb_of(const struct dyad__tree *t, size_t p);
/* Token k is a first-person pronoun ("we", "мы"). */
int dyad__first_person(const struct dyad__tree *t, size_t k);

/* ---- credits.c --------------------------------------------------------- */

/* Mention m names a news outlet (data/meta/outlets.tsv): a credit, never
 * an actor. */
int dyad__is_credit(const struct dyad__work *w, const struct dyad__mention *m);

/* ---- negation.c, modality.c, complement.c, background.c --------------- */

int dyad__negated_in_tree(const struct dyad__tree *t, size_t p);
/* 1 when p is told as possible, intended, conditional or obliged. */
int dyad__modal_in_tree(const struct dyad__tree *t, size_t p);
/* 1 when p is what another predicate of the sentence demands, urges,
 * proposes, intends, rejects or threatens. */
int dyad__complement_of_other(const struct dyad__tree *t, const struct dyad__matches *all,
                              size_t p);
/* 1 when the clause of p marks it as background (pluperfect, "earlier"). */
int dyad__background_in_tree(const struct dyad__tree *t, size_t p);

#endif
