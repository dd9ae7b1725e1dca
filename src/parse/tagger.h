/*
 * tagger.h - the part-of-speech tagger: a greedy left-to-right averaged
 * perceptron over the fine tags of a language (English: UPOS/XPOS pairs,
 * Russian: UPOS).
 *
 * Features are the classic ones of Ratnaparkhi and Collins: the word, its
 * affixes and shape, the words around it, the two tags chosen before it,
 * and lexicon attributes (the tags the training data gave the words around
 * it, the parts of speech and cases a dictionary gives them), which is how
 * a small treebank plus a dictionary tags words it never saw.
 *
 * A second pass (Toutanova et al.'s insight that the tags to the right
 * matter as much as those to the left, done greedily) tags the sentence
 * again with the first pass's tags of the words around it as features: it
 * corrects the first pass where the right context decides ("that" before a
 * verb, VBD/VBN, NOUN/VERB). It learns from first-pass tags of training
 * words tagged by first passes that never saw them (jackknifing, train.c).
 */
#ifndef DYAD_PARSE_TAGGER_H
#define DYAD_PARSE_TAGGER_H

#include <stddef.h>
#include <stdint.h>

#include "dyad.h"
#include "parse/perceptron.h"
#include "parse/sentence.h"

/* Most feature keys of one word. */
#define DYAD_TAGGER_MAX_FEATS 112

/* Which pass a model is: the second reads the first's tags (tag1). */
enum dyad__tagger_pass { DYAD_TAGGER_FIRST, DYAD_TAGGER_SECOND };

/* The keys of word i of s; the tags of words before i must be set (and, for
 * the second pass, tag1 of every word). */
size_t dyad__tagger_features(const struct dyad__sent *s, size_t i, enum dyad__tagger_pass pass,
                             uint64_t *keys);

/* Tag every word of s (sets tag); acc has weights->stride entries. */
void dyad__tagger_run(const struct dyad__pmodel *weights, enum dyad__tagger_pass pass,
                      struct dyad__sent *s, int32_t *acc);

/*
 * Training: tag s with the current weights (the tags of earlier words are
 * the predicted ones, as in use) and update towards gold.tag where wrong.
 * *correct counts the words tagged right. DYAD_ENOMEM.
 */
dyad_status dyad__tagger_learn(struct dyad__ptrain *weights, uint32_t n_tags,
                               enum dyad__tagger_pass pass, struct dyad__sent *s,
                               size_t *correct);

#endif
