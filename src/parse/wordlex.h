/*
 * wordlex.h - what the training data says about words: the tags each word
 * was seen with (its ambiguity class, a strong feature of the tagger) and
 * the features a word takes with a tag (how English gets its FEATS).
 *
 * Both are learnt by counting the training treebank and frozen into model
 * sections. The ambiguity class of a training word is computed leaving its
 * own occurrence out, so that a word seen once looks, while training, the
 * way an unseen word looks in use (otherwise the tagger learns to trust
 * classes that are only its own answer).
 */
#ifndef DYAD_PARSE_WORDLEX_H
#define DYAD_PARSE_WORDLEX_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "dyad.h"
#include "parse/ktable.h"

/* At most this many fine tags in a model (the width of a tag set). */
#define DYAD_MAX_TAGS 256

struct dyad__tagset_bits {
	uint64_t bits[DYAD_MAX_TAGS / 64];
};

/* ---- tag dictionary: training -------------------------------------------- */

struct dyad__tagdict_build {
	struct dyad__kbuild words; /* norm key -> word index */
	uint32_t *counts;          /* n_words x n_tags */
	size_t n_words, alloc_words;
	uint32_t n_tags;
	float min_share; /* a tag joins a class with this share of the word's count */
};

dyad_status dyad__tagdict_init(struct dyad__tagdict_build *b, uint32_t n_tags, float min_share);
void dyad__tagdict_release(struct dyad__tagdict_build *b);

/* Count one occurrence of the word (norm key) with tag. */
dyad_status dyad__tagdict_add(struct dyad__tagdict_build *b, uint64_t norm, uint32_t tag);

/* The class of the word as a feature value (0 when empty or unknown); when
 * exclude < n_tags one occurrence with that tag is left out. */
uint64_t dyad__tagdict_class(const struct dyad__tagdict_build *b, uint64_t norm,
                             uint32_t exclude);

/* Append the frozen dictionary to out: a ktable section (words) and a
 * section of classes (classes); see dyad__tagdict_open. */
dyad_status dyad__tagdict_freeze(const struct dyad__tagdict_build *b, struct dyad_buf *words,
                                 struct dyad_buf *classes);

/* ---- tag dictionary: use ------------------------------------------------- */

struct dyad__tagclass {
	struct dyad__tagset_bits set;
	uint64_t value; /* the feature value of the class */
};

struct dyad__tagdict {
	struct dyad__ktable words; /* norm key -> class index */
	const struct dyad__tagclass *classes;
	uint32_t n_classes;
};

dyad_status dyad__tagdict_open(const void *words, size_t words_len, const void *classes,
                               size_t classes_len, struct dyad__tagdict *d);

/* The class of a word, NULL when the word is unknown. */
const struct dyad__tagclass *dyad__tagdict_get(const struct dyad__tagdict *d, uint64_t norm);

/* ---- most frequent value per key ---------------------------------------- */

struct dyad__vote {
	uint64_t key, value;
	uint32_t aux; /* carried along (e.g. an index to the value's text) */
};

/* Sort votes by key and value, then call winner once per key with the
 * value voted most often (ties: the smallest value), its count and the
 * key's total. Stops at the first status other than DYAD_OK. */
dyad_status dyad__vote_count(struct dyad__vote *votes, size_t n,
                             dyad_status (*winner)(void *ctx, const struct dyad__vote *v,
                                                   uint32_t count, uint32_t total),
                             void *ctx);

/* ---- features by word and tag ------------------------------------------- */

/* Training: votes of (word, tag) -> bundle and tag -> bundle. */
struct dyad__featlex_build {
	struct dyad__vote *votes;
	size_t n, alloc;
};

void dyad__featlex_init(struct dyad__featlex_build *b);
void dyad__featlex_release(struct dyad__featlex_build *b);
dyad_status dyad__featlex_add(struct dyad__featlex_build *b, uint64_t norm, uint32_t tag,
                              uint64_t feats);

/* Freeze into a ktable section (index) and an array of bundles (bundles). */
dyad_status dyad__featlex_freeze(struct dyad__featlex_build *b, struct dyad_buf *index,
                                 struct dyad_buf *bundles);

struct dyad__featlex {
	struct dyad__ktable index;
	const uint64_t *bundles;
	uint32_t n_bundles;
};

dyad_status dyad__featlex_open(const void *index, size_t index_len, const void *bundles,
                               size_t bundles_len, struct dyad__featlex *f);

/* The bundle of the word with tag: the one seen most with both, else the
 * one seen most with the tag, else 0. */
uint64_t dyad__featlex_get(const struct dyad__featlex *f, uint64_t norm, uint32_t tag);

#endif
