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
 * nothing). scores has n_classes entries. */
void dyad__ptrain_score(const struct dyad__ptrain *t, const uint64_t *keys, size_t n,
                        float *scores);

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

/* Rows of up to this many weights live in their slot (most rows do). */
#define DYAD_PSLOT_INLINE 2

/* A slot of the table: 16 bytes, four to a cache line. */
struct dyad__pslot {
	uint32_t fingerprint; /* high half of the key */
	uint16_t n;           /* weights of the row; 0 = empty slot */
	uint16_t reserved;
	union {
		struct dyad__pentry e[DYAD_PSLOT_INLINE]; /* n <= DYAD_PSLOT_INLINE */
		uint32_t off;                             /* else: first of n in entries */
	} row;
};

/* A frozen table; points into memory it does not own (a model file). */
struct dyad__pmodel {
	uint32_t n_classes, stride; /* stride: room a score buffer needs */
	uint32_t n_rows;
	uint64_t n_entries;
	uint64_t mask;              /* slots - 1 (a power of two minus one) */
	float scale;                /* a weight is its int16 times scale */
	const struct dyad__pslot *slots;
	const struct dyad__pentry *entries;
};

/*
 * Read a table written by dyad__ptrain_freeze from (p, len), which must be
 * 8-byte aligned (64 for speed) and outlive *m. DYAD_EDATA when it is
 * inconsistent.
 */
dyad_status dyad__pmodel_open(const void *p, size_t len, struct dyad__pmodel *m);

/* Probing starts at the first slot of the key's cache line. */
static inline uint64_t dyad__pmodel_home(const struct dyad__pmodel *m, uint64_t key)
{
	return key & m->mask & ~(uint64_t)3;
}

/* The slot of key, NULL when the feature is not in the table. */
static inline const struct dyad__pslot *dyad__pmodel_find(const struct dyad__pmodel *m,
                                                         uint64_t key)
{
	uint32_t fp = (uint32_t)(key >> 32);
	for (uint64_t i = dyad__pmodel_home(m, key);; i = (i + 1) & m->mask) {
		const struct dyad__pslot *s = &m->slots[i];
		if (s->n == 0)
			return NULL;
		if (s->fingerprint == fp)
			return s;
	}
}

/* acc[c] = sum over keys of the int16 weights of (key, c); acc has stride
 * entries. Scores compare as integers; times scale they are the model's. */
void dyad__pmodel_score(const struct dyad__pmodel *m, const uint64_t *keys, size_t n,
                        int32_t *acc);

#endif
