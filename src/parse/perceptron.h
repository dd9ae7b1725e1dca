/*
 * perceptron.h - weights of the averaged perceptron: learnt sparse while
 * training, frozen into a compact table for use.
 *
 * Every model of the grammar stage (tagger, morphology, parser) scores a set
 * of classes as the sum, over the active features, of one row of weights per
 * feature: rows keep all classes of a feature together, so scoring is one
 * hash probe and one vector add per feature.
 *
 * Training (struct dyad__ptrain) keeps, for each feature that was ever
 * updated, only the classes it was updated for, with the running sums that
 * averaging needs (Collins 2002; Daume's trick: avg = w - u / t). Freezing
 * averages, drops weights too small to matter and quantises the rest to 16
 * bits with one scale per table (struct dyad__pmodel): an open-addressing
 * table of 32-bit fingerprints pointing at sparse rows of (class, weight),
 * laid out so that a model file is used where it was read. Rows are sparse
 * because most features are rare and only ever met a few classes: a
 * parser's row averages under five weights out of a hundred classes.
 */
#ifndef DYAD_PARSE_PERCEPTRON_H
#define DYAD_PARSE_PERCEPTRON_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "dyad.h"

/* Score buffers are padded to a multiple of this many classes. */
#define DYAD_PMODEL_LANES 16

/* ---- training ---------------------------------------------------------- */

struct dyad__ptrain;

/* A table for n_classes classes; *out owned by the caller (dyad__ptrain_free). */
dyad_status dyad__ptrain_new(uint32_t n_classes, struct dyad__ptrain **out);
void dyad__ptrain_free(struct dyad__ptrain *t);

/* scores[c] += current weight of (key, c), for every key (unknown keys add
 * nothing). scores has n_classes entries. Counts how often each feature is
 * met, which decides where freezing puts it. */
void dyad__ptrain_score(struct dyad__ptrain *t, const uint64_t *keys, size_t n, float *scores);

/* For every key and every k < n_upd: weight (key, cls[k]) += delta[k]. */
dyad_status dyad__ptrain_update(struct dyad__ptrain *t, const uint64_t *keys, size_t n,
                                const uint32_t *cls, const float *delta, size_t n_upd);

/* One training instance went by (the clock of averaging). */
void dyad__ptrain_tick(struct dyad__ptrain *t);

/* Counts for reports: features and weights held. */
void dyad__ptrain_stats(const struct dyad__ptrain *t, size_t *n_feats, size_t *n_weights);

/*
 * Freeze: average, drop weights under min_weight (absolute) and features
 * left without any, quantise, and append the table to out (the format
 * dyad__pmodel_open reads). The training table is unchanged.
 */
dyad_status dyad__ptrain_freeze(const struct dyad__ptrain *t, float min_weight,
                                struct dyad_buf *out);

/* ---- use --------------------------------------------------------------- */

/* A weight of a row. */
struct dyad__pentry {
	uint16_t cls;
	int16_t w;
};

/* A row of one weight lives in its slot (a third of the rows do). */
#define DYAD_PSLOT_INLINE 1
/* Rows of at least this many weights are stored dense (one int16 per class,
 * added with vector instructions): the frequent features, few but met at
 * every step, carry weights for most classes. */
#define DYAD_PSLOT_DENSE_MIN 12
/* n of a slot whose row is dense. */
#define DYAD_PSLOT_DENSE 0xffffu

/*
 * A slot of the table: 8 bytes, eight to a cache line. The key's low half
 * picks the slot, 16 of its high bits tell keys apart; an absent feature
 * taken for another one (2^-16 per slot probed, a few in 10^5 look-ups)
 * adds one wrong row to one decision, noise far below training noise.
 */
struct dyad__pslot {
	uint16_t fingerprint; /* bits 48..63 of the key */
	uint16_t n;           /* weights of the row; 0 = empty slot; DYAD_PSLOT_DENSE */
	union {
		struct dyad__pentry e; /* n == 1 */
		uint32_t off;          /* else: first of n in entries, or (dense) the row index */
	} row;
};

/* Open addressing in buckets of a cache line, probed from the key's bucket. */
#define DYAD_PTABLE_BUCKET 8

struct dyad__ptable {
	const struct dyad__pslot *slots;
	uint64_t n_slots; /* a multiple of DYAD_PTABLE_BUCKET */
};

/*
 * A frozen table; points into memory it does not own (a model file). The
 * features used most in training (counted while training) sit in a small
 * table of their own that stays in cache; the rest, most of the features but
 * a minority of the look-ups, in the large one.
 */
struct dyad__pmodel {
	uint32_t n_classes, stride; /* stride: room a score buffer needs */
	uint32_t n_rows;
	uint64_t n_entries;
	float scale; /* a weight is its int16 times scale */
	struct dyad__ptable hot, cold;
	const struct dyad__pentry *entries;
	const int16_t *dense; /* n_dense rows of stride weights */
	uint64_t n_dense;
	const uint64_t *bloom; /* the keys of the large table, n_bloom words */
	uint64_t n_bloom;
};

/* Slots of the table of frequent features (8 bytes each: 512 KB). */
#define DYAD_PMODEL_HOT_SLOTS 65536u

/*
 * Read a table written by dyad__ptrain_freeze from (p, len), which must be
 * 8-byte aligned (64 for speed) and outlive *m. DYAD_EDATA when it is
 * inconsistent.
 */
dyad_status dyad__pmodel_open(const void *p, size_t len, struct dyad__pmodel *m);

/* The first slot of the key's bucket (the low half of the key scaled to the
 * number of buckets, so that tables need not be powers of two). */
static inline uint64_t dyad__ptable_home(const struct dyad__ptable *t, uint64_t key)
{
	uint64_t buckets = t->n_slots / DYAD_PTABLE_BUCKET;
	return (((key & 0xffffffffu) * buckets) >> 32) * DYAD_PTABLE_BUCKET;
}

/* The slot of key in one table, NULL when the feature is not there. */
static inline const struct dyad__pslot *dyad__ptable_find(const struct dyad__ptable *t,
                                                         uint64_t key)
{
	uint16_t fp = (uint16_t)(key >> 48);
	for (uint64_t i = dyad__ptable_home(t, key);;) {
		const struct dyad__pslot *s = &t->slots[i];
		if (s->n == 0)
			return NULL;
		if (s->fingerprint == fp)
			return s;
		if (++i == t->n_slots)
			i = 0;
	}
}

/*
 * A blocked Bloom filter over the large table's keys: one 64-bit word per
 * key, three bits in it. Most features missing from the small table are
 * missing from the model altogether (rare word pairs); the filter turns
 * most of those away without touching the large table, which is mostly
 * not in cache.
 */
static inline uint64_t dyad__bloom_bits(uint64_t key, uint64_t *word, uint64_t n_words)
{
	uint64_t h = (key >> 16) * 0x9E3779B97F4A7C15ULL;
	*word = ((h >> 32) * n_words) >> 32;
	return (1ULL << (h & 63)) | (1ULL << ((h >> 6) & 63)) | (1ULL << ((h >> 12) & 63));
}

static inline int dyad__bloom_maybe(const struct dyad__pmodel *m, uint64_t key)
{
	uint64_t word, bits = dyad__bloom_bits(key, &word, m->n_bloom);
	return (m->bloom[word] & bits) == bits;
}

/* The slot of key, NULL when the feature is not in the model. */
static inline const struct dyad__pslot *dyad__pmodel_find(const struct dyad__pmodel *m,
                                                         uint64_t key)
{
	const struct dyad__pslot *s = dyad__ptable_find(&m->hot, key);
	return s || !dyad__bloom_maybe(m, key) ? s : dyad__ptable_find(&m->cold, key);
}

/* acc[c] = sum over keys of the int16 weights of (key, c); acc has stride
 * entries. Scores compare as integers; times scale they are the model's. */
void dyad__pmodel_score(const struct dyad__pmodel *m, const uint64_t *keys, size_t n,
                        int32_t *acc);

#endif
