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

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

/*
 * Add factor times the averaged weights of t into sum, a table that only
 * ever receives such sums (never updates): the weights of several runs
 * trained on different orders average into one model, an ensemble that
 * costs nothing more to use. DYAD_ENOMEM.
 */
dyad_status dyad__ptrain_add_average(struct dyad__ptrain *sum, const struct dyad__ptrain *t,
                                     float factor);

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
 * n of a slot of a table of three classes (a parser's moves, parser.h):
 * its row holds the weights of classes 1 and 2 minus the weight of class 0
 * (int16 each), class 0 gets none. Only differences between the classes
 * decide an argmax, so the choices are the same, and every row lives in
 * its slot: a look-up is one bucket, no second cache miss for the row.
 */
#define DYAD_PSLOT_PAIR 0xfffeu

/*
 * Eight slots in one cache line, their fields side by side so that one
 * vector compare finds a key's slot. The key's low half picks the bucket,
 * 16 of its high bits tell keys apart; an absent feature taken for another
 * one (2^-16 per slot compared, a few in 10^5 look-ups) adds one wrong row
 * to one decision, noise far below training noise.
 */
#define DYAD_PTABLE_BUCKET 8

struct dyad__pbucket {
	uint16_t fingerprint[DYAD_PTABLE_BUCKET]; /* bits 48..63 of the key */
	uint16_t n[DYAD_PTABLE_BUCKET];           /* weights; 0 empty; DYAD_PSLOT_DENSE */
	uint32_t row[DYAD_PTABLE_BUCKET];         /* n == 1: class | weight << 16;
	                                             else entries offset or dense row */
};

/* Open addressing over buckets, probed from the key's bucket on. */
struct dyad__ptable {
	const struct dyad__pbucket *buckets;
	uint64_t n_buckets;
};

/* A row found: n weights (0: the feature is not in the table). */
struct dyad__prow {
	uint32_t n, row;
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
#define DYAD_PMODEL_HOT_SLOTS 16384u

/*
 * Read a table written by dyad__ptrain_freeze from (p, len), which must be
 * 8-byte aligned (64 for speed) and outlive *m. DYAD_EDATA when it is
 * inconsistent.
 */
dyad_status dyad__pmodel_open(const void *p, size_t len, struct dyad__pmodel *m);

/* The key's bucket: the low half of the key scaled to the number of
 * buckets, so that tables need not be powers of two. */
static inline uint64_t dyad__ptable_home(const struct dyad__ptable *t, uint64_t key)
{
	return ((key & 0xffffffffu) * t->n_buckets) >> 32;
}

/* Lanes of a bucket holding fingerprint fp, and empty lanes (bit k = lane k). */
static inline void dyad__pbucket_match(const struct dyad__pbucket *b, uint16_t fp,
                                       unsigned *match, unsigned *empty)
{
#if defined(__SSE2__)
	__m128i f = _mm_loadu_si128((const __m128i *)(const void *)b->fingerprint);
	__m128i n = _mm_loadu_si128((const __m128i *)(const void *)b->n);
	__m128i z = _mm_setzero_si128();
	/* packing the 16-bit lanes to bytes leaves one mask bit per lane */
	unsigned m = (unsigned)_mm_movemask_epi8(
		_mm_packs_epi16(_mm_cmpeq_epi16(f, _mm_set1_epi16((short)fp)), z));
	unsigned e = (unsigned)_mm_movemask_epi8(_mm_packs_epi16(_mm_cmpeq_epi16(n, z), z));
	*match = m & ~e;
	*empty = e;
#else
	unsigned m = 0, e = 0;
	for (unsigned k = 0; k < DYAD_PTABLE_BUCKET; k++) {
		e |= (unsigned)(b->n[k] == 0) << k;
		m |= (unsigned)(b->fingerprint[k] == fp && b->n[k] != 0) << k;
	}
	*match = m;
	*empty = e;
#endif
}

/* The row of key in one table ({0, 0} when the feature is not there). */
static inline struct dyad__prow dyad__ptable_find(const struct dyad__ptable *t, uint64_t key)
{
	uint16_t fp = (uint16_t)(key >> 48);
	for (uint64_t i = dyad__ptable_home(t, key);;) {
		const struct dyad__pbucket *b = &t->buckets[i];
		unsigned match, empty;
		dyad__pbucket_match(b, fp, &match, &empty);
		if (match) {
			unsigned k = (unsigned)__builtin_ctz(match);
			return (struct dyad__prow){b->n[k], b->row[k]};
		}
		if (empty)
			return (struct dyad__prow){0, 0};
		if (++i == t->n_buckets)
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

/* The row of key ({0, 0} when the feature is not in the model). */
static inline struct dyad__prow dyad__pmodel_find(const struct dyad__pmodel *m, uint64_t key)
{
	struct dyad__prow r = dyad__ptable_find(&m->hot, key);
	if (r.n || !dyad__bloom_maybe(m, key))
		return r;
	return dyad__ptable_find(&m->cold, key);
}

/* acc[c] = sum over keys of the int16 weights of (key, c); acc has stride
 * entries. Scores compare as integers; times scale they are the model's. */
void dyad__pmodel_score(const struct dyad__pmodel *m, const uint64_t *keys, size_t n,
                        int32_t *acc);

/*
 * A memo of the rows of one model: a direct-mapped cache of (key, row) in
 * a work area (one per thread). The parser meets the same features again
 * and again within a sentence (the same word and tag templates at the same
 * positions, the buffer's words step after step) and across sentences
 * (frequent words); a look-up in the tables costs cache misses (the bucket,
 * the Bloom filter's word), one in the memo a load from L1 or L2. Absent
 * features are remembered too (n = 0). The memo belongs to the model it was
 * filled from: dyad__pmodel_score_memo starts it over when given another
 * one, and a caller that frees a model and opens another where it lay must
 * call dyad__pmemo_forget.
 */
#define DYAD_PMEMO_BITS 11

struct dyad__pmemo_slot {
	uint64_t key; /* 0: empty */
	uint32_t n, row;
};

struct dyad__pmemo {
	const void *model; /* the tables the slots come from */
	struct dyad__pmemo_slot slot[1u << DYAD_PMEMO_BITS];
};

/* Empty the memo (after the model it was filled from went away). */
void dyad__pmemo_forget(struct dyad__pmemo *memo);

/* dyad__pmodel_score through the memo (same sums, fewer table probes),
 * starting from the sums in base (stride entries) instead of zero when
 * base is not NULL. Only the classes below `classes` need be right: dense
 * rows are added up to there (rounded up to DYAD_PMODEL_LANES), which
 * saves most of the work when a caller knows the classes above are not
 * possible moves. */
void dyad__pmodel_score_memo(const struct dyad__pmodel *m, struct dyad__pmemo *memo,
                             const uint64_t *keys, size_t n, const int32_t *base,
                             uint32_t classes, int32_t *acc);

#endif
