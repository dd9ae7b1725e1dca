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
 */
#ifndef DYAD_PARSE_TAGGER_H
#define DYAD_PARSE_TAGGER_H

#include <stddef.h>
#include <stdint.h>

#include "dyad.h"
#include "parse/perceptron.h"
#include "parse/sentence.h"

/* Most feature keys of one word. */
#define DYAD_TAGGER_MAX_FEATS 80

/* The keys of word i of s; the tags of words before i must be set. */
size_t dyad__tagger_features(const struct dyad__sent *s, size_t i, uint64_t *keys);

/* Tag every word of s (sets tag); acc has weights->stride entries. */
void dyad__tagger_run(const struct dyad__pmodel *weights, struct dyad__sent *s, int32_t *acc);

/*
 * Training: tag s with the current weights (the tags of earlier words are
 * the predicted ones, as in use) and update towards gold.tag where wrong.
 * *correct counts the words tagged right. DYAD_ENOMEM.
 */
dyad_status dyad__tagger_learn(struct dyad__ptrain *weights, uint32_t n_tags, struct dyad__sent *s,
                               size_t *correct);

#endif
