/*
 * morpher.h - morphological features of a word chosen in context: an
 * averaged perceptron with one group of classes ("head") per UD category
 * (Case, Number, Gender...), decoded greedily left to right after tagging.
 *
 * When the dictionary knows the word, the bundle is one of its analyses
 * (those of the part of speech the tagger chose, if any): the analysis whose
 * values the heads score highest over the categories the dictionary decides
 * (the trainer measures which: those whose gold value is among the
 * analyses'). The other categories, and every category of a word without
 * analyses (foreign words, digits, names the dictionary lacks), take each
 * head's best value. Context features look at the prepositions and tags
 * around the word and at the cases chosen for and offered by its
 * neighbours, which is what decides between "в доме" (Loc) and "в дом" (Acc).
 */
#ifndef DYAD_PARSE_MORPHER_H
#define DYAD_PARSE_MORPHER_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "dyad.h"
#include "kb/ud.h"
#include "parse/perceptron.h"
#include "parse/sentence.h"

#define DYAD_MORPHER_MAX_FEATS 64
/* Room for the classes of every category of kb/ud.h. */
#define DYAD_MORPHER_MAX_CLASSES 256

struct dyad__morpher_head {
	uint8_t feat;      /* enum dyad_ud_feat */
	uint8_t from_dict; /* the dictionary's analyses decide it */
	uint16_t offset;   /* first class of the head in a row */
	uint16_t n;        /* classes: 1 + the category's values (0 = not set) */
};

struct dyad__morpher {
	uint32_t n_heads;
	struct dyad__morpher_head heads[DYAD_N_UD_FEATS];
	uint32_t n_classes;            /* sum of the heads' classes */
	struct dyad__pmodel weights;
};

/* Lay out heads for the categories in mask (bit f = category f); dict_mask
 * those decided by the dictionary. */
void dyad__morpher_layout(struct dyad__morpher *m, uint32_t mask, uint32_t dict_mask);

/* The section of the layout (heads) that goes with the weights. */
dyad_status dyad__morpher_write_layout(const struct dyad__morpher *m, struct dyad_buf *out);
dyad_status dyad__morpher_read_layout(struct dyad__morpher *m, const void *p, size_t len);

/* Feature keys of word i (the features of words before i chosen). */
size_t dyad__morpher_features(const struct dyad__morpher *m, const struct dyad__sent *s, size_t i,
                              uint64_t *keys);

/* Choose the features of every word of s (tags and upos set). */
void dyad__morpher_run(const struct dyad__morpher *m, struct dyad__sent *s, int32_t *acc);

/* The analysis chosen for word i by the last run, or NULL (its lemma is
 * the dictionary's). */
const struct dyad__cand *dyad__morpher_chosen(const struct dyad__sent *s, size_t i);

/* Training on one sentence (predicted tags set, gold.feats the answer);
 * *correct counts words whose bundle (over the heads) is right. */
dyad_status dyad__morpher_learn(const struct dyad__morpher *m, struct dyad__ptrain *weights,
                                struct dyad__sent *s, size_t *correct);

#endif
