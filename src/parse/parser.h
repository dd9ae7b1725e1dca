/*
 * parser.h - the dependency parser: greedy arc-hybrid transitions scored
 * by an averaged perceptron, trained with a dynamic oracle.
 *
 * A configuration is a stack, a buffer front b and the arcs made so far.
 * SHIFT pushes b; LEFT-l pops the top s0 as a dependent of b; RIGHT-l pops
 * s0 as a dependent of the word s1 below it (Kuhlmann et al. 2011). The
 * artificial ROOT sits at the end of the buffer (Ballesteros & Nivre 2013):
 * it is never shifted, and the one word left on the stack when the buffer
 * holds only ROOT becomes the root, so every tree has exactly one.
 *
 * Training follows Goldberg & Nivre (2012, 2013): at every step the oracle
 * knows which transitions lose the fewest gold arcs from the configuration
 * actually reached (arc-hybrid is arc-decomposable), the model is updated
 * when its choice loses more, and after the first epoch the parser mostly
 * follows its own choices, so it learns to recover from its mistakes. Gold
 * trees that are not projective are made so by lifting their crossing arcs.
 *
 * Features (parser_feats.c) follow Zhang & Nivre (2011): words, tags,
 * lemmas and cases of the stack, buffer and their children, distance,
 * valency and label sets, plus agreement and case-marker features for
 * languages with rich morphology.
 */
#ifndef DYAD_PARSE_PARSER_H
#define DYAD_PARSE_PARSER_H

#include <stddef.h>
#include <stdint.h>

#include "dyad.h"
#include "kb/ud.h"
#include "parse/perceptron.h"
#include "parse/sentence.h"

/* Most labels a parser distinguishes (DYAD_N_DEPRELS fits). */
#define DYAD_PARSER_MAX_LABELS 64
#define DYAD_PARSER_MAX_CLASSES (1 + 2 * DYAD_PARSER_MAX_LABELS)
#define DYAD_PARSER_MAX_FEATS 128

/* The label set of a parser: class 0 SHIFT, 1..L LEFT-l, L+1..2L RIGHT-l. */
struct dyad__labels {
	uint32_t n;
	uint8_t rel[DYAD_PARSER_MAX_LABELS];        /* enum dyad_deprel of label k */
	uint8_t index[DYAD_N_DEPRELS];               /* label of a relation, 0xff none */
	uint32_t root;                               /* label k of "root" */
};

/* The working arrays of one configuration, sized for the longest sentence
 * so far (n words + ROOT + the "no word" slot). */
struct dyad__pstate {
	void *block; /* owns every array below */
	size_t cap;
	int rich;    /* morphology features on (languages with case) */
	unsigned style; /* the sentence's annotation conventions (sentence.h) */
	uint32_t n, b, depth;
	uint32_t *stack;
	uint32_t *head, *label;
	uint32_t *lc1, *lc2, *rc1, *rc2; /* left- and rightmost children, NONE if none */
	uint32_t *nl, *nr;               /* numbers of left and right children */
	uint64_t *lset, *rset;           /* labels of the left and right children */
	uint64_t *word, *lemma, *marker; /* per word: form, lemma, case marker's lemma */
	uint32_t *tag, *upos, *morph;    /* fine tag + 1, UPOS, case/number/gender */
	uint32_t *gold_head, *gold_label;
	struct dyad__pmemo *memo;  /* owned; rows of the weights met before */
	struct dyad__pmemo *lmemo; /* owned; the same for the label weights */
};

void dyad__pstate_init(struct dyad__pstate *st);
void dyad__pstate_release(struct dyad__pstate *st);

/* Labels seen in training: build the set from the gold labels used. */
void dyad__labels_init(struct dyad__labels *l);
int dyad__labels_add(struct dyad__labels *l, enum dyad_deprel rel);

/* Feature keys of the current configuration (parser_feats.c): those that
 * read only the buffer's first three words, which stay the same until the
 * next SHIFT (their scores are kept meanwhile), and all the others. */
size_t dyad__parser_buffer_features(const struct dyad__pstate *st, uint64_t *keys);
size_t dyad__parser_features(const struct dyad__pstate *st, uint64_t *keys);

/* Feature keys of the label of the arc from head h to dependent d (a
 * two-step parser's second step): the two words, their tags, children and
 * neighbours, conjoined with the arc's direction. */
size_t dyad__parser_label_features(const struct dyad__pstate *st, uint32_t h, uint32_t d,
                                   uint64_t *keys);

/*
 * A parser scores its moves in one step or in two. One step: one table
 * over all 1 + 2L classes (SHIFT, LEFT-l, RIGHT-l), label weights NULL.
 * Two steps: a table of the three moves (SHIFT, LEFT, RIGHT) over all the
 * features, then, only when the move is an arc, a table of the L labels
 * over the arc's own smaller set (dyad__parser_label_features). A step
 * then adds rows of 3 weights instead of 1 + 2L, and a SHIFT (half of the
 * moves) needs no label at all.
 */

/* Parse s (its tag, upos, feats and lemma_key set): sets head and label of
 * every word. acc has 2 * weights->stride entries (one step) or
 * 2 * weights->stride + lweights->stride (two). DYAD_ENOMEM. */
dyad_status dyad__parser_run(const struct dyad__pmodel *weights, const struct dyad__pmodel *lweights,
                             const struct dyad__labels *labels, struct dyad__pstate *st,
                             struct dyad__sent *s, int32_t *acc);

struct dyad__parser_learning {
	double explore;   /* chance of following the model's choice */
	uint64_t rng;     /* state of the exploration's random numbers */
	size_t n_steps, n_errors;
};

/* Training on one sentence whose gold.head / gold.label are projective:
 * weights of 1 + 2L classes and lweights NULL (one step), or of 3 moves
 * and lweights of L labels (two steps). */
dyad_status dyad__parser_learn(struct dyad__ptrain *weights, struct dyad__ptrain *lweights,
                               const struct dyad__labels *labels,
                               struct dyad__pstate *st, struct dyad__sent *s,
                               struct dyad__parser_learning *how);

/* Heads made projective by lifting (heads: 0 = root, 1-based, n words),
 * written to out; returns how many arcs were lifted. */
size_t dyad__projectivize(const uint32_t *heads, size_t n, uint32_t *out);

#endif
