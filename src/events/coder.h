/*
 * coder.h - the working state of dyad's own event coder on one sentence and
 * the steps its files share. For each predicate the lexicon finds
 * (kb/verbs.h), the coder looks for its actors with a shallow reading of the
 * clause instead of a parse tree:
 *
 *   frames.c     predicates: patterns matched at each word, the best kept
 *   actors.c     the mentions that can act, and the ones slots bind
 *   clause.c     negation, modality, voice, noun use, clause boundaries
 *   resolvers.c  the source and target of a predicate
 *   emit.c       the event record, merged with the same event told again
 */
#ifndef DYAD_EVENTS_CODER_H
#define DYAD_EVENTS_CODER_H

#include <stddef.h>

#include "doc/work.h"
#include "kb/verbs.h"

#define MAX_ACTORS 32      /* actors considered in one sentence */
#define MAX_SLOT_PLACES 8  /* places bound by pattern slots in one sentence */
#define MAX_MATCHES 32     /* predicates in one sentence */
#define MAX_TREE_SOURCES 6 /* sources the tree hands the positional reading */

struct dyad__actor {
	const struct dyad__mention *m;
	size_t tok;        /* first token */
	const char *country;
	const char *actor;
	const char *name;
	int entity;
	int was_target;    /* the object of an earlier predicate of the sentence */
};

struct dyad__sentence_ctx {
	struct dyad__actor actors[MAX_ACTORS];
	size_t n_actors;
	struct dyad__actor extra[MAX_SLOT_PLACES]; /* places bound by slots */
	size_t n_extra;
	const struct dyad__mention *speaker; /* reported-speech source */
	struct dyad__actor speaker_actor;    /* the same as an actor, when set */
};

struct dyad__match {
	const struct dyad__pattern *p;
	const char *code;            /* the pattern's code, or its intent form */
	size_t first, last;          /* token range of the predicate */
	const struct dyad__actor *source;  /* bound by a slot, or NULL */
	const struct dyad__actor *target;
	double confidence;           /* of the events it emits (confidence.h) */
	int by_tree;                 /* matched in the tree, not word by word */
	/* the sources the tree bound by relation when it found no target
	 * (args.c): the positional reading keeps them, looking for the target
	 * only, never among them */
	const struct dyad__actor *tree_src[MAX_TREE_SOURCES];
	size_t n_tree_src;
	/* the targets it bound when it found no source: kept, and never the
	 * source */
	const struct dyad__actor *tree_tgt[MAX_TREE_SOURCES];
	size_t n_tree_tgt;
};


/* ---- actors.c ---------------------------------------------------------- */

/* The actors of sentence s, in token order, into ctx->actors. */
void dyad__collect_actors(struct dyad__work *w, size_t s, struct dyad__sentence_ctx *ctx);
/* Fill a from mention m (its entity's country and actor code when merged). */
void dyad__actor_of(struct dyad__work *w, const struct dyad__mention *m,
                    struct dyad__actor *a);
/* The actor a slot at token k binds, or NULL; *after is where it ends. */
const struct dyad__actor *dyad__actor_starting_near(struct dyad__work *w,
                                                    struct dyad__sentence_ctx *ctx,
                                                    size_t k, size_t end, size_t *after);
/* The speaker of reported speech as an actor (in scratch), or NULL. */
const struct dyad__actor *dyad__speaker_actor(struct dyad__work *w,
                                              const struct dyad__sentence_ctx *ctx,
                                              struct dyad__actor *scratch);
/* The actor joined to a by "and" right after it, or NULL. */
const struct dyad__actor *dyad__coordinated_after(const struct dyad__work *w,
                                                  const struct dyad__sentence_ctx *ctx,
                                                  const struct dyad__actor *a);

/* ---- clause.c: tests on the tokens around a predicate ------------------ */

int dyad__negated(const struct dyad__work *w, size_t sent_start, size_t sent_end,
                  size_t anchor);
int dyad__modal(const struct dyad__work *w, size_t sent_start, size_t anchor);
int dyad__clause_break(const struct dyad__work *w, size_t k);
int dyad__gerund_as_noun(const struct dyad__work *w, size_t sent_start, size_t k,
                         size_t end);
int dyad__used_as_modifier(const struct dyad__work *w, size_t sent_start, size_t k);
int dyad__participle_shaped(const struct dyad__work *w, size_t k);
int dyad__short_participle_after_aux(const struct dyad__work *w, size_t sent_start,
                                     size_t k);
int dyad__topic_complement(const struct dyad__work *w, size_t sent_start, size_t k);
int dyad__first_person_subject(const struct dyad__work *w, size_t sent_start,
                               size_t anchor);
int dyad__after_against(const struct dyad__work *w, size_t s_start, size_t k);
int dyad__coordinated_verb(const struct dyad__work *w, size_t s_start, size_t anchor);
int dyad__dative_shaped(const struct dyad__work *w, size_t k);

/* ---- frames.c: what the code of a predicate implies -------------------- */

/* Token k is the pattern word e (by stem, or exactly for =word). */
int dyad__elem_matches(const struct dyad__work *w, const struct dyad__elem *e, size_t k);
/* The predicate's root governs an act that has not happened: appeals (02),
 * intentions (03), demands (10), rejections (12), threats (13). */
int dyad__takes_complement(const struct dyad__match *m);

int dyad__clause_names_target(const struct dyad__match *m);
int dyad__violent(const struct dyad__work *w, const struct dyad__match *m);
int dyad__cooperative(const struct dyad__work *w, const struct dyad__match *m);

/* ---- resolvers.c --------------------------------------------------------- */

/* Source and target of the predicate m of sentence s; emits its events. */
dyad_status dyad__code_predicate(struct dyad__work *w, size_t s,
                                 struct dyad__sentence_ctx *ctx,
                                 const struct dyad__match *m);

/* ---- emit.c -------------------------------------------------------------- */

/* Record the event m of sentence s from src to tgt (nothing when a party
 * is missing, has no country, or both are of one country). DYAD_ENOMEM only. */
dyad_status dyad__emit(struct dyad__work *w, size_t s, const struct dyad__match *m,
                       const struct dyad__actor *src, const struct dyad__actor *tgt,
                       unsigned flags);

#endif
