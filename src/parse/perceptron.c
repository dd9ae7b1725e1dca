/*
 * perceptron.c - averaged-perceptron weights, sparse for training and
 * frozen for use (see perceptron.h).
 *
 * A training row starts sparse (the few classes a feature was updated for,
 * found by a short scan) and turns dense (indexed by class) once it holds a
 * quarter of the classes, so that frequent features cost no scan. Rows live
 * in one array of entries; a row that outgrows its room moves to the end
 * (the old room is not reused: at most half the array is lost that way).
 */
#include "parse/perceptron.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"

#define PMODEL_MAGIC 0x374f4d50u /* "PMO7" */
/* Bits of the Bloom filter per key of the large table (about 3% false
 * positives with three bits in a 64-bit block). */
#define BLOOM_BITS_PER_KEY 12
#define TRAIN_MIN_SLOTS 1024

struct entry {
	uint32_t cls;
	float w;  /* current weight */
	double u; /* sum of clock * delta, for the average */
};

struct row {
	uint32_t off, n, cap; /* cap == n_classes: dense, entry index = class */
	uint32_t hits;        /* times the feature was scored */
};

struct tslot {
	uint64_t key; /* 0 = empty */
	uint32_t feat;
};

struct dyad__ptrain {
	uint32_t n_classes;
	struct tslot *slots;
	size_t n_slots;
	struct row *rows;
	size_t n_rows, alloc_rows;
	struct entry *entries;
	size_t n_entries, alloc_entries;
	double clock;
};

/* 64 bytes, so that the slots after it start a cache line. */
struct pmodel_header {
	uint32_t magic, n_classes, stride, n_rows;
	uint64_t n_hot_slots, n_cold_slots, n_entries, n_dense, n_bloom;
	float scale;
	uint32_t flags; /* HEADER_PAIRS: the rows are DYAD_PSLOT_PAIR */
};

#define HEADER_PAIRS 1u

/* A table of three classes is frozen as pairs (perceptron.h). */
static int pairs_of(uint32_t n_classes)
{
	return n_classes == 3;
}

dyad_status dyad__ptrain_new(uint32_t n_classes, struct dyad__ptrain **out)
{
	*out = NULL;
	if (n_classes == 0)
		return DYAD_EINVAL;
	struct dyad__ptrain *t = dyad__calloc(1, sizeof *t);
	if (!t)
		return DYAD_ENOMEM;
	t->n_classes = n_classes;
	t->n_slots = TRAIN_MIN_SLOTS;
	t->slots = dyad__calloc(t->n_slots, sizeof *t->slots);
	t->clock = 1;
	if (!t->slots) {
		dyad__free(t);
		return DYAD_ENOMEM;
	}
	*out = t;
	return DYAD_OK;
}

void dyad__ptrain_free(struct dyad__ptrain *t)
{
	if (!t)
		return;
	dyad__free(t->slots);
	dyad__free(t->rows);
	dyad__free(t->entries);
	dyad__free(t);
}

static size_t find_slot(const struct tslot *slots, size_t n_slots, uint64_t key)
{
	size_t mask = n_slots - 1;
	size_t i = (size_t)(key ^ (key >> 29)) & mask;
	while (slots[i].key && slots[i].key != key)
		i = (i + 1) & mask;
	return i;
}

static dyad_status grow_slots(struct dyad__ptrain *t)
{
	size_t n = t->n_slots * 2;
	struct tslot *slots = dyad__calloc(n, sizeof *slots);
	if (!slots)
		return DYAD_ENOMEM;
	for (size_t i = 0; i < t->n_slots; i++)
		if (t->slots[i].key)
			slots[find_slot(slots, n, t->slots[i].key)] = t->slots[i];
	dyad__free(t->slots);
	t->slots = slots;
	t->n_slots = n;
	return DYAD_OK;
}

/* Room for n more entries at the end of the entry array. */
static dyad_status reserve_entries(struct dyad__ptrain *t, size_t n)
{
	if (t->n_entries + n <= t->alloc_entries)
		return DYAD_OK;
	size_t alloc = t->alloc_entries ? t->alloc_entries * 2 : 1u << 16;
	while (alloc < t->n_entries + n)
		alloc *= 2;
	struct entry *e = dyad__realloc(t->entries, alloc * sizeof *e);
	if (!e)
		return DYAD_ENOMEM;
	t->entries = e;
	t->alloc_entries = alloc;
	return DYAD_OK;
}

/* The feature of key, created when absent. */
static dyad_status feature(struct dyad__ptrain *t, uint64_t key, uint32_t *feat)
{
	size_t i = find_slot(t->slots, t->n_slots, key);
	if (t->slots[i].key) {
		*feat = t->slots[i].feat;
		return DYAD_OK;
	}
	if ((t->n_rows + 1) * 2 > t->n_slots) {
		if (grow_slots(t) != DYAD_OK)
			return DYAD_ENOMEM;
		i = find_slot(t->slots, t->n_slots, key);
	}
	if (t->n_rows == t->alloc_rows) {
		size_t alloc = t->alloc_rows ? t->alloc_rows * 2 : 1024;
		struct row *rows = dyad__realloc(t->rows, alloc * sizeof *rows);
		if (!rows)
			return DYAD_ENOMEM;
		t->rows = rows;
		t->alloc_rows = alloc;
	}
	t->rows[t->n_rows] = (struct row){0, 0, 0, 0};
	t->slots[i].key = key;
	t->slots[i].feat = (uint32_t)t->n_rows;
	*feat = (uint32_t)t->n_rows++;
	return DYAD_OK;
}

/* Move a full sparse row to new room: twice the size, or dense. */
static dyad_status grow_row(struct dyad__ptrain *t, struct row *r)
{
	uint32_t cap = r->cap ? r->cap * 2 : 2;
	int dense = cap * 4 > t->n_classes;
	if (dense)
		cap = t->n_classes;
	if (reserve_entries(t, cap) != DYAD_OK)
		return DYAD_ENOMEM;
	struct entry *to = t->entries + t->n_entries;
	const struct entry *from = t->entries + r->off;
	if (dense) {
		for (uint32_t c = 0; c < cap; c++)
			to[c] = (struct entry){c, 0, 0};
		for (uint32_t k = 0; k < r->n; k++)
			to[from[k].cls] = from[k];
		r->n = cap;
	} else {
		memcpy(to, from, r->n * sizeof *to);
	}
	r->off = (uint32_t)t->n_entries;
	r->cap = cap;
	t->n_entries += cap;
	return DYAD_OK;
}

static dyad_status entry(struct dyad__ptrain *t, uint32_t feat, uint32_t cls,
                         struct entry **out)
{
	struct row *r = &t->rows[feat];
	if (r->cap == t->n_classes) {
		*out = &t->entries[r->off + cls];
		return DYAD_OK;
	}
	for (uint32_t k = 0; k < r->n; k++)
		if (t->entries[r->off + k].cls == cls) {
			*out = &t->entries[r->off + k];
			return DYAD_OK;
		}
	if (r->n == r->cap) {
		if (grow_row(t, r) != DYAD_OK)
			return DYAD_ENOMEM;
		if (r->cap == t->n_classes) {
			*out = &t->entries[r->off + cls];
			return DYAD_OK;
		}
	}
	struct entry *e = &t->entries[r->off + r->n++];
	*e = (struct entry){cls, 0, 0};
	*out = e;
	return DYAD_OK;
}

void dyad__ptrain_score(struct dyad__ptrain *t, const uint64_t *keys, size_t n, float *scores)
{
	for (size_t k = 0; k < n; k++) {
		size_t i = find_slot(t->slots, t->n_slots, keys[k]);
		if (!t->slots[i].key)
			continue;
		struct row *r = &t->rows[t->slots[i].feat];
		r->hits++;
		const struct entry *e = t->entries + r->off;
		for (uint32_t j = 0; j < r->n; j++)
			scores[e[j].cls] += e[j].w;
	}
}

dyad_status dyad__ptrain_update(struct dyad__ptrain *t, const uint64_t *keys, size_t n,
                                const uint32_t *cls, const float *delta, size_t n_upd)
{
	for (size_t k = 0; k < n; k++) {
		uint32_t feat;
		if (feature(t, keys[k], &feat) != DYAD_OK)
			return DYAD_ENOMEM;
		for (size_t u = 0; u < n_upd; u++) {
			struct entry *e;
			if (cls[u] >= t->n_classes)
				return DYAD_EINVAL;
			if (entry(t, feat, cls[u], &e) != DYAD_OK)
				return DYAD_ENOMEM;
			e->w += delta[u];
			e->u += t->clock * delta[u];
		}
	}
	return DYAD_OK;
}

static float averaged(const struct dyad__ptrain *t, const struct entry *e);

dyad_status dyad__ptrain_add_average(struct dyad__ptrain *sum, const struct dyad__ptrain *t,
                                     float factor)
{
	if (sum->n_classes != t->n_classes)
		return DYAD_EINVAL;
	for (size_t s = 0; s < t->n_slots; s++) {
		if (!t->slots[s].key)
			continue;
		const struct row *r = &t->rows[t->slots[s].feat];
		uint32_t f;
		if (feature(sum, t->slots[s].key, &f) != DYAD_OK)
			return DYAD_ENOMEM;
		sum->rows[f].hits += r->hits;
		for (uint32_t j = 0; j < r->n; j++) {
			const struct entry *x = &t->entries[r->off + j];
			struct entry *e;
			if (entry(sum, f, x->cls, &e) != DYAD_OK)
				return DYAD_ENOMEM;
			/* sum's clock stays 1 and u 0, so its average is w */
			e->w += factor * averaged(t, x);
		}
	}
	return DYAD_OK;
}

void dyad__ptrain_tick(struct dyad__ptrain *t)
{
	t->clock += 1;
}

void dyad__ptrain_stats(const struct dyad__ptrain *t, size_t *n_feats, size_t *n_weights)
{
	size_t w = 0;
	for (size_t i = 0; i < t->n_rows; i++)
		w += t->rows[i].n;
	*n_feats = t->n_rows;
	*n_weights = w;
}

/* ---- freezing ---------------------------------------------------------- */

#define SLOT_LOAD_NUM 2 /* the large table at most 2/3 full */
#define SLOT_LOAD_DEN 3
#define HOT_LOAD_NUM 1 /* the small one at most half full */
#define HOT_LOAD_DEN 2

static float averaged(const struct dyad__ptrain *t, const struct entry *e)
{
	return (float)(e->w - e->u / t->clock);
}

static uint32_t stride_of(uint32_t n_classes)
{
	return (n_classes + DYAD_PMODEL_LANES - 1) / DYAD_PMODEL_LANES * DYAD_PMODEL_LANES;
}

/* Slots for n_rows at the load factor: whole buckets, at least two. */
static uint64_t slots_for(uint64_t n_rows)
{
	uint64_t n = (n_rows * SLOT_LOAD_DEN + SLOT_LOAD_NUM - 1) / SLOT_LOAD_NUM;
	n = (n + DYAD_PTABLE_BUCKET - 1) / DYAD_PTABLE_BUCKET * DYAD_PTABLE_BUCKET;
	return n < 2 * DYAD_PTABLE_BUCKET ? 2 * DYAD_PTABLE_BUCKET : n;
}

/* The averaged weight of class cls in row r (0 when the row has none). */
static float row_weight(const struct dyad__ptrain *t, const struct row *r, uint32_t cls)
{
	for (uint32_t j = 0; j < r->n; j++)
		if (t->entries[r->off + j].cls == cls)
			return averaged(t, &t->entries[r->off + j]);
	return 0;
}

/* The pair of a row of three classes: classes 1 and 2 minus class 0, each
 * 0 when under min_weight. */
static void row_pair(const struct dyad__ptrain *t, const struct row *r, float min_weight,
                     float d[2])
{
	float w0 = row_weight(t, r, 0);
	for (uint32_t c = 1; c <= 2; c++) {
		float x = row_weight(t, r, c) - w0;
		d[c - 1] = fabsf(x) > 0 && fabsf(x) >= min_weight ? x : 0;
	}
}

/* Weights kept of each row (0: the row goes), their total and the largest. */
static size_t count_kept(const struct dyad__ptrain *t, float min_weight, uint32_t *kept,
                         float *max)
{
	size_t total = 0;
	*max = 0;
	for (size_t f = 0; f < t->n_rows && pairs_of(t->n_classes); f++) {
		float d[2];
		row_pair(t, &t->rows[f], min_weight, d);
		kept[f] = d[0] != 0 || d[1] != 0;
		for (int k = 0; k < 2; k++)
			*max = fabsf(d[k]) > *max ? fabsf(d[k]) : *max;
		total += kept[f];
	}
	for (size_t f = 0; f < t->n_rows && !pairs_of(t->n_classes); f++) {
		const struct row *r = &t->rows[f];
		kept[f] = 0;
		for (uint32_t j = 0; j < r->n; j++) {
			float a = fabsf(averaged(t, &t->entries[r->off + j]));
			if (a > 0 && a >= min_weight) {
				kept[f]++;
				*max = a > *max ? a : *max;
			}
		}
		total += kept[f];
	}
	return total;
}

static int16_t quantise(float w, float scale)
{
	long q = lrintf(w / scale);
	return (int16_t)(q > INT16_MAX ? INT16_MAX : q < -INT16_MAX ? -INT16_MAX : q);
}

static int is_dense(uint32_t kept)
{
	return kept >= DYAD_PSLOT_DENSE_MIN;
}

/* A slot while the table is written; packed into buckets at the end. */
struct wslot {
	uint16_t fingerprint, n;
	uint32_t row;
};

/* Where the kept weights of row f go: into its slot, from off on in the
 * entries, or (dense) into dense row *dense_at. */
static void fill_row(const struct dyad__ptrain *t, size_t f, float min_weight,
                     const struct pmodel_header *h, struct wslot *slot,
                     struct dyad__pentry *e, size_t *at, int16_t *dense, size_t *dense_at)
{
	const struct row *r = &t->rows[f];
	if (slot->n == DYAD_PSLOT_PAIR) {
		float pair[2];
		row_pair(t, r, min_weight, pair);
		slot->row = (uint16_t)quantise(pair[0], h->scale) |
		            (uint32_t)(uint16_t)quantise(pair[1], h->scale) << 16;
		return;
	}
	int d = slot->n == DYAD_PSLOT_DENSE;
	struct dyad__pentry one, *to = slot->n <= DYAD_PSLOT_INLINE ? &one : e + *at;
	int16_t *row = d ? dense + *dense_at * h->stride : NULL;
	uint32_t k = 0;
	if (d)
		slot->row = (uint32_t)(*dense_at)++;
	else if (slot->n > DYAD_PSLOT_INLINE) {
		slot->row = (uint32_t)*at;
		*at += slot->n;
	}
	for (uint32_t j = 0; j < r->n; j++) {
		const struct entry *x = &t->entries[r->off + j];
		float a = averaged(t, x);
		if (!(fabsf(a) > 0 && fabsf(a) >= min_weight))
			continue;
		if (d)
			row[x->cls] = quantise(a, h->scale);
		else
			to[k++] = (struct dyad__pentry){(uint16_t)x->cls, quantise(a, h->scale)};
	}
	if (slot->n <= DYAD_PSLOT_INLINE)
		slot->row = one.cls | (uint32_t)(uint16_t)one.w << 16;
}

/* Place key in slots (n_slots of them, in buckets); returns its slot. */
static uint64_t place(struct wslot *slots, uint64_t n_slots, uint64_t key, uint16_t n)
{
	struct dyad__ptable t = {NULL, n_slots / DYAD_PTABLE_BUCKET};
	uint64_t i = dyad__ptable_home(&t, key) * DYAD_PTABLE_BUCKET;
	while (slots[i].n)
		i = i + 1 == n_slots ? 0 : i + 1;
	slots[i].fingerprint = (uint16_t)(key >> 48);
	slots[i].n = n;
	return i;
}

/* Append slots as buckets: fields of eight slots side by side. */
static dyad_status append_buckets(struct dyad_buf *out, const struct wslot *slots, uint64_t n)
{
	dyad_status st = DYAD_OK;
	for (uint64_t i = 0; st == DYAD_OK && i < n; i += DYAD_PTABLE_BUCKET) {
		struct dyad__pbucket b;
		for (unsigned k = 0; k < DYAD_PTABLE_BUCKET; k++) {
			b.fingerprint[k] = slots[i + k].fingerprint;
			b.n[k] = slots[i + k].n;
			b.row[k] = slots[i + k].row;
		}
		st = dyad_buf_append(out, &b, sizeof b);
	}
	return st;
}

struct frozen {
	struct wslot *hot, *cold;
	struct dyad__pentry *entries;
	uint32_t *slot_of; /* per row: slot index, hot ones offset by 1 << 31 */
	int16_t *dense;
	uint64_t *bloom;
};

/* The slots of the kept rows and their long rows, filled in training order
 * (the same on every run); rows marked hot go to the small table. */
static dyad_status write_rows(const struct dyad__ptrain *t, const uint32_t *kept,
                              const unsigned char *hot, float min_weight,
                              const struct pmodel_header *h, struct dyad_buf *out)
{
	struct frozen z = {dyad__calloc((size_t)h->n_hot_slots, sizeof *z.hot),
	                   dyad__calloc((size_t)h->n_cold_slots, sizeof *z.cold),
	                   dyad__calloc(h->n_entries + 1, sizeof *z.entries),
	                   dyad__calloc(t->n_rows + 1, sizeof *z.slot_of),
	                   dyad__calloc((size_t)(h->n_dense + 1) * h->stride, sizeof *z.dense),
	                   dyad__calloc((size_t)h->n_bloom, sizeof *z.bloom)};
	dyad_status st = z.hot && z.cold && z.entries && z.slot_of && z.dense && z.bloom
	                     ? DYAD_OK : DYAD_ENOMEM;
	for (size_t s = 0; st == DYAD_OK && s < t->n_slots; s++) {
		uint64_t key = t->slots[s].key;
		uint32_t f = t->slots[s].feat;
		if (!key || !kept[f])
			continue;
		uint16_t n = h->flags & HEADER_PAIRS ? DYAD_PSLOT_PAIR
		             : is_dense(kept[f]) ? DYAD_PSLOT_DENSE : (uint16_t)kept[f];
		z.slot_of[f] = hot[f] ? (uint32_t)place(z.hot, h->n_hot_slots, key, n) | 1u << 31
		                      : (uint32_t)place(z.cold, h->n_cold_slots, key, n);
		if (!hot[f]) {
			uint64_t word, bits = dyad__bloom_bits(key, &word, h->n_bloom);
			z.bloom[word] |= bits;
		}
	}
	size_t at = 0, dense_at = 0;
	for (size_t f = 0; st == DYAD_OK && f < t->n_rows; f++) {
		if (!kept[f])
			continue;
		uint32_t i = z.slot_of[f];
		struct wslot *slot = i >> 31 ? &z.hot[i & ~(1u << 31)] : &z.cold[i];
		fill_row(t, f, min_weight, h, slot, z.entries, &at, z.dense, &dense_at);
	}
	static const char pad[64];
	size_t entry_bytes = (size_t)h->n_entries * sizeof *z.entries;
	if (st == DYAD_OK)
		st = append_buckets(out, z.hot, h->n_hot_slots);
	if (st == DYAD_OK)
		st = append_buckets(out, z.cold, h->n_cold_slots);
	if (st == DYAD_OK)
		st = dyad_buf_append(out, z.entries, entry_bytes);
	if (st == DYAD_OK)
		st = dyad_buf_append(out, pad, (64 - entry_bytes % 64) % 64);
	size_t dense_bytes = (size_t)h->n_dense * h->stride * sizeof *z.dense;
	if (st == DYAD_OK)
		st = dyad_buf_append(out, z.dense, dense_bytes);
	if (st == DYAD_OK)
		st = dyad_buf_append(out, pad, (8 - dense_bytes % 8) % 8);
	if (st == DYAD_OK)
		st = dyad_buf_append(out, z.bloom, (size_t)h->n_bloom * sizeof *z.bloom);
	dyad__free(z.hot);
	dyad__free(z.cold);
	dyad__free(z.entries);
	dyad__free(z.slot_of);
	dyad__free(z.dense);
	dyad__free(z.bloom);
	return st;
}

static const struct row *sort_rows;

static int by_hits(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	if (sort_rows[x].hits != sort_rows[y].hits)
		return sort_rows[x].hits > sort_rows[y].hits ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* Mark the kept rows met most in training as hot, as many as the small
 * table holds at half full. */
static dyad_status choose_hot(const struct dyad__ptrain *t, const uint32_t *kept,
                              unsigned char *hot, uint32_t *n_hot)
{
	uint32_t *order = dyad__calloc(t->n_rows + 1, sizeof *order);
	if (!order)
		return DYAD_ENOMEM;
	uint32_t n = 0;
	for (uint32_t f = 0; f < t->n_rows; f++)
		if (kept[f])
			order[n++] = f;
	sort_rows = t->rows; /* qsort has no context argument; training is one thread */
	qsort(order, n, sizeof *order, by_hits);
	uint32_t cap = DYAD_PMODEL_HOT_SLOTS / HOT_LOAD_DEN * HOT_LOAD_NUM;
	*n_hot = n < cap ? n : cap;
	for (uint32_t k = 0; k < *n_hot; k++)
		hot[order[k]] = 1;
	dyad__free(order);
	return DYAD_OK;
}

dyad_status dyad__ptrain_freeze(const struct dyad__ptrain *t, float min_weight,
                                struct dyad_buf *out)
{
	uint32_t *kept = dyad__calloc(t->n_rows + 1, sizeof *kept);
	unsigned char *hot = dyad__calloc(t->n_rows + 1, 1);
	if (!kept || !hot) {
		dyad__free(kept);
		dyad__free(hot);
		return DYAD_ENOMEM;
	}
	float max;
	count_kept(t, min_weight, kept, &max);
	uint32_t n_rows = 0, n_hot = 0;
	size_t outside = 0, dense = 0;
	int pairs = pairs_of(t->n_classes);
	for (size_t f = 0; f < t->n_rows; f++) {
		n_rows += kept[f] > 0;
		dense += !pairs && is_dense(kept[f]);
		outside += !pairs && kept[f] > DYAD_PSLOT_INLINE && !is_dense(kept[f]) ? kept[f] : 0;
	}
	dyad_status st = choose_hot(t, kept, hot, &n_hot);
	uint64_t n_bloom = ((uint64_t)(n_rows - n_hot) * BLOOM_BITS_PER_KEY + 63) / 64;
	struct pmodel_header h = {PMODEL_MAGIC, t->n_classes, stride_of(t->n_classes), n_rows,
	                          DYAD_PMODEL_HOT_SLOTS, slots_for(n_rows - n_hot), outside, dense,
	                          n_bloom ? n_bloom : 1, max > 0 ? max / INT16_MAX : 1,
	                          pairs ? HEADER_PAIRS : 0};
	if (st == DYAD_OK)
		st = dyad_buf_append(out, &h, sizeof h);
	if (st == DYAD_OK)
		st = write_rows(t, kept, hot, min_weight, &h, out);
	dyad__free(kept);
	dyad__free(hot);
	return st;
}

/* ---- use --------------------------------------------------------------- */

/* Every row lies inside the entries and its classes are in range, so that
 * scoring never writes outside a score buffer. */
static dyad_status check_rows(const struct dyad__pmodel *m, const struct dyad__ptable *t,
                              int pairs)
{
	for (uint64_t i = 0; i < t->n_buckets; i++)
		for (unsigned k = 0; k < DYAD_PTABLE_BUCKET; k++) {
			uint32_t n = t->buckets[i].n[k], row = t->buckets[i].row[k];
			if (n == 0 || (pairs && n == DYAD_PSLOT_PAIR))
				continue;
			if (pairs || n == DYAD_PSLOT_PAIR)
				return DYAD_EDATA;
			if (n == DYAD_PSLOT_DENSE) {
				if (row >= m->n_dense)
					return DYAD_EDATA;
				continue;
			}
			if (n <= DYAD_PSLOT_INLINE) {
				if ((row & 0xffffu) >= m->n_classes)
					return DYAD_EDATA;
				continue;
			}
			if (row > m->n_entries || n > m->n_entries - row)
				return DYAD_EDATA;
			for (uint32_t j = 0; j < n; j++)
				if (m->entries[row + j].cls >= m->n_classes)
					return DYAD_EDATA;
		}
	return DYAD_OK;
}

static int good_slots(uint64_t n)
{
	return n >= 2 * DYAD_PTABLE_BUCKET && n % DYAD_PTABLE_BUCKET == 0 &&
	       n / DYAD_PTABLE_BUCKET < ((uint64_t)1 << 32);
}

dyad_status dyad__pmodel_open(const void *p, size_t len, struct dyad__pmodel *m)
{
	struct pmodel_header h;
	memset(m, 0, sizeof *m);
	if (len < sizeof h || ((uintptr_t)p & 7))
		return DYAD_EDATA;
	memcpy(&h, p, sizeof h);
	if (h.magic != PMODEL_MAGIC || h.n_classes == 0 || h.n_classes > UINT16_MAX ||
	    h.stride != stride_of(h.n_classes) || !good_slots(h.n_hot_slots) ||
	    !good_slots(h.n_cold_slots) || !(h.scale > 0) || (h.flags & ~HEADER_PAIRS) ||
	    ((h.flags & HEADER_PAIRS) != 0) != pairs_of(h.n_classes) ||
	    (h.n_hot_slots + h.n_cold_slots) * SLOT_LOAD_NUM < (uint64_t)h.n_rows * SLOT_LOAD_DEN)
		return DYAD_EDATA;
	size_t slot_bytes = (size_t)(h.n_hot_slots + h.n_cold_slots) / DYAD_PTABLE_BUCKET *
	                    sizeof(struct dyad__pbucket);
	size_t entry_bytes = (size_t)h.n_entries * sizeof(struct dyad__pentry);
	size_t dense_at = sizeof h + slot_bytes + entry_bytes + (64 - entry_bytes % 64) % 64;
	size_t dense_bytes = (size_t)h.n_dense * h.stride * sizeof(int16_t);
	size_t bloom_at = dense_at + dense_bytes + (8 - dense_bytes % 8) % 8;
	if (h.n_dense > len || h.n_bloom == 0 || h.n_bloom > len ||
	    bloom_at + (size_t)h.n_bloom * sizeof(uint64_t) != len)
		return DYAD_EDATA;
	const char *base = (const char *)p + sizeof h;
	m->hot.buckets = (const struct dyad__pbucket *)(const void *)base;
	m->hot.n_buckets = h.n_hot_slots / DYAD_PTABLE_BUCKET;
	m->cold.buckets = m->hot.buckets + m->hot.n_buckets;
	m->cold.n_buckets = h.n_cold_slots / DYAD_PTABLE_BUCKET;
	m->entries = (const struct dyad__pentry *)(const void *)(base + slot_bytes);
	m->dense = (const int16_t *)(const void *)((const char *)p + dense_at);
	m->n_dense = h.n_dense;
	m->bloom = (const uint64_t *)(const void *)((const char *)p + bloom_at);
	m->n_bloom = h.n_bloom;
	m->n_classes = h.n_classes;
	m->stride = h.stride;
	m->n_rows = h.n_rows;
	m->n_entries = h.n_entries;
	m->scale = h.scale;
	int pairs = (h.flags & HEADER_PAIRS) != 0;
	dyad_status st = check_rows(m, &m->hot, pairs);
	if (st == DYAD_OK)
		st = check_rows(m, &m->cold, pairs);
	if (st != DYAD_OK)
		memset(m, 0, sizeof *m);
	return st;
}

/* Slots and long rows are fetched ahead of their use: the probes of one
 * batch are independent, so their cache misses overlap instead of queueing.
 * The small table is probed first; only its misses go to the large one. */
#define SCORE_BATCH 64

typedef int16_t v8hi __attribute__((vector_size(16)));
typedef int32_t v8si __attribute__((vector_size(32)));

/* acc += the dense rows, 8 classes at a time over all rows, so that the
 * partial sum stays in one register. */
static void add_dense_generic(const int16_t *const *rows, size_t n, uint32_t stride,
                              int32_t *acc)
{
	for (uint32_t j = 0; j < stride; j += 8) {
		v8si a;
		memcpy(&a, acc + j, sizeof a);
		for (size_t k = 0; k < n; k++) {
			v8hi w;
			memcpy(&w, rows[k] + j, sizeof w);
			a += __builtin_convertvector(w, v8si);
		}
		memcpy(acc + j, &a, sizeof a);
	}
}

/* The same with AVX2 or AVX-512, where widening int16 to int32 is one
 * instruction (the generic code takes four); chosen at the first call. */
#if (defined(__GNUC__) || defined(__clang__)) && defined(__x86_64__)
#include <immintrin.h>

__attribute__((target("avx2")))
static void add_dense_avx2(const int16_t *const *rows, size_t n, uint32_t stride, int32_t *acc)
{
	for (uint32_t j = 0; j < stride; j += 8) {
		__m256i a = _mm256_loadu_si256((const __m256i *)(const void *)(acc + j));
		for (size_t k = 0; k < n; k++) {
			__m128i w = _mm_loadu_si128((const __m128i *)(const void *)(rows[k] + j));
			a = _mm256_add_epi32(a, _mm256_cvtepi16_epi32(w));
		}
		_mm256_storeu_si256((__m256i *)(void *)(acc + j), a);
	}
}

/* AVX-512 takes 16 classes at a time (strides are multiples of 16). */
__attribute__((target("avx512f")))
static void add_dense_avx512(const int16_t *const *rows, size_t n, uint32_t stride,
                             int32_t *acc)
{
	for (uint32_t j = 0; j < stride; j += 16) {
		__m512i a = _mm512_loadu_si512((const void *)(acc + j));
		for (size_t k = 0; k < n; k++) {
			__m256i w = _mm256_loadu_si256((const __m256i *)(const void *)(rows[k] + j));
			a = _mm512_add_epi32(a, _mm512_cvtepi16_epi32(w));
		}
		_mm512_storeu_si512((void *)(acc + j), a);
	}
}

static void add_dense(const int16_t *const *rows, size_t n, uint32_t stride, int32_t *acc)
{
	static int level = -1; /* a benign race: every thread finds the same answer */
	if (level < 0)
		level = __builtin_cpu_supports("avx512f") ? 2 : __builtin_cpu_supports("avx2") ? 1 : 0;
	if (level == 2)
		add_dense_avx512(rows, n, stride, acc);
	else if (level == 1)
		add_dense_avx2(rows, n, stride, acc);
	else
		add_dense_generic(rows, n, stride, acc);
}
#else
#define add_dense add_dense_generic
#endif

static void add_sparse(const struct dyad__pmodel *m, struct dyad__prow r, int32_t *acc)
{
	if (r.n == DYAD_PSLOT_PAIR) {
		acc[1] += (int16_t)(r.row & 0xffffu);
		acc[2] += (int16_t)(r.row >> 16);
		return;
	}
	if (r.n <= DYAD_PSLOT_INLINE) {
		acc[r.row & 0xffffu] += (int16_t)(r.row >> 16);
		return;
	}
	const struct dyad__pentry *e = m->entries + r.row;
	for (uint32_t j = 0; j < r.n; j++)
		acc[e[j].cls] += e[j].w;
}

/* Every cache line of a row: a dense one spans several (a parser's 112
 * classes take 224 bytes), and waiting for a line is most of the cost of
 * adding a row. */
static inline void prefetch_row(const struct dyad__pmodel *m, struct dyad__prow r)
{
	if (r.n == DYAD_PSLOT_DENSE) {
		const char *p = (const char *)(m->dense + (size_t)r.row * m->stride);
		const char *end = p + m->stride * sizeof *m->dense;
		for (; p < end; p += 64)
			__builtin_prefetch(p);
		__builtin_prefetch(end - 1);
	} else if (r.n > DYAD_PSLOT_INLINE && r.n != DYAD_PSLOT_PAIR) {
		__builtin_prefetch(m->entries + r.row);
		__builtin_prefetch(m->entries + r.row + r.n - 1);
	}
}

/* Probe table t for keys, keep the rows found, return the keys missed. */
static size_t probe(const struct dyad__pmodel *m, const struct dyad__ptable *t,
                    const uint64_t *keys, size_t n, struct dyad__prow *found,
                    size_t *n_found, uint64_t *missed)
{
	size_t n_missed = 0;
	for (size_t k = 0; k < n; k++)
		__builtin_prefetch(&t->buckets[dyad__ptable_home(t, keys[k])]);
	for (size_t k = 0; k < n; k++) {
		struct dyad__prow r = dyad__ptable_find(t, keys[k]);
		if (!r.n) {
			missed[n_missed++] = keys[k];
			continue;
		}
		prefetch_row(m, r);
		found[(*n_found)++] = r;
	}
	return n_missed;
}

void dyad__pmodel_score(const struct dyad__pmodel *m, const uint64_t *keys, size_t n,
                        int32_t *acc)
{
	memset(acc, 0, m->stride * sizeof *acc);
	for (size_t b = 0; b < n; b += SCORE_BATCH) {
		struct dyad__prow found[SCORE_BATCH];
		uint64_t missed[SCORE_BATCH], unused[SCORE_BATCH];
		size_t n_found = 0, len = n - b < SCORE_BATCH ? n - b : SCORE_BATCH;
		const int16_t *dense[SCORE_BATCH];
		size_t n_dense = 0;
		size_t n_missed = probe(m, &m->hot, keys + b, len, found, &n_found, missed);
		size_t n_maybe = 0;
		for (size_t k = 0; k < n_missed; k++)
			if (dyad__bloom_maybe(m, missed[k]))
				missed[n_maybe++] = missed[k];
		probe(m, &m->cold, missed, n_maybe, found, &n_found, unused);
		for (size_t k = 0; k < n_found; k++) {
			if (found[k].n == DYAD_PSLOT_DENSE)
				dense[n_dense++] = m->dense + (size_t)found[k].row * m->stride;
			else
				add_sparse(m, found[k], acc);
		}
		add_dense(dense, n_dense, m->stride, acc);
	}
}

void dyad__pmemo_forget(struct dyad__pmemo *memo)
{
	memset(memo, 0, sizeof *memo);
}

/* The memo's slot of a key: bits the tables use least (the low half picks
 * their bucket, the top 16 bits are the fingerprint). */
static struct dyad__pmemo_slot *memo_slot(struct dyad__pmemo *memo, uint64_t key)
{
	return &memo->slot[(key >> 32) & ((1u << DYAD_PMEMO_BITS) - 1)];
}


/* Find in the tables the rows of keys the memo does not know (n of them,
 * at most SCORE_BATCH), remember them (absent ones with n = 0) and append
 * the rows present to found. Every probe of a stage is fetched ahead, so
 * that the cache misses of a stage overlap. */
static void memo_fill(const struct dyad__pmodel *m, struct dyad__pmemo *memo,
                      const uint64_t *keys, size_t n, struct dyad__prow *found,
                      size_t *n_found)
{
	uint64_t missed[SCORE_BATCH];
	size_t n_missed = 0, n_maybe = 0;
	for (size_t k = 0; k < n; k++)
		__builtin_prefetch(&m->hot.buckets[dyad__ptable_home(&m->hot, keys[k])]);
	for (size_t k = 0; k < n; k++) {
		struct dyad__prow r = dyad__ptable_find(&m->hot, keys[k]);
		if (!r.n) {
			uint64_t word;
			dyad__bloom_bits(keys[k], &word, m->n_bloom);
			__builtin_prefetch(&m->bloom[word]);
			missed[n_missed++] = keys[k];
			continue;
		}
		*memo_slot(memo, keys[k]) = (struct dyad__pmemo_slot){keys[k], r.n, r.row};
		prefetch_row(m, r);
		found[(*n_found)++] = r;
	}
	for (size_t k = 0; k < n_missed; k++) {
		uint64_t key = missed[k];
		if (dyad__bloom_maybe(m, key)) {
			__builtin_prefetch(&m->cold.buckets[dyad__ptable_home(&m->cold, key)]);
			missed[n_maybe++] = key;
		} else {
			*memo_slot(memo, key) = (struct dyad__pmemo_slot){key, 0, 0};
		}
	}
	for (size_t k = 0; k < n_maybe; k++) {
		struct dyad__prow r = dyad__ptable_find(&m->cold, missed[k]);
		*memo_slot(memo, missed[k]) = (struct dyad__pmemo_slot){missed[k], r.n, r.row};
		if (r.n) {
			prefetch_row(m, r);
			found[(*n_found)++] = r;
		}
	}
}

void dyad__pmodel_score_memo(const struct dyad__pmodel *m, struct dyad__pmemo *memo,
                             const uint64_t *keys, size_t n, const int32_t *base,
                             uint32_t classes, int32_t *acc)
{
	uint32_t width = classes >= m->n_classes ? m->stride
	                 : (classes + DYAD_PMODEL_LANES - 1) / DYAD_PMODEL_LANES * DYAD_PMODEL_LANES;
	if (memo->model != (const void *)m->hot.buckets) {
		dyad__pmemo_forget(memo);
		memo->model = m->hot.buckets;
	}
	if (base)
		memcpy(acc, base, m->stride * sizeof *acc);
	else
		memset(acc, 0, m->stride * sizeof *acc);
	for (size_t b = 0; b < n; b += SCORE_BATCH) {
		struct dyad__prow found[SCORE_BATCH];
		uint64_t pending[SCORE_BATCH];
		const int16_t *dense[SCORE_BATCH];
		size_t n_found = 0, n_pending = 0, n_dense = 0;
		size_t len = n - b < SCORE_BATCH ? n - b : SCORE_BATCH;
		for (size_t k = 0; k < len; k++) {
			uint64_t key = keys[b + k];
			const struct dyad__pmemo_slot *s = memo_slot(memo, key);
			if (s->key != key) {
				pending[n_pending++] = key;
			} else if (s->n) {
				struct dyad__prow r = {s->n, s->row};
				prefetch_row(m, r);
				found[n_found++] = r;
			}
		}
		if (n_pending)
			memo_fill(m, memo, pending, n_pending, found, &n_found);
		for (size_t k = 0; k < n_found; k++) {
			if (found[k].n == DYAD_PSLOT_DENSE)
				dense[n_dense++] = m->dense + (size_t)found[k].row * m->stride;
			else
				add_sparse(m, found[k], acc);
		}
		add_dense(dense, n_dense, width, acc);
	}
}
