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
#include <string.h>

#include "core/alloc.h"

#define PMODEL_MAGIC 0x324f4d50u /* "PMO2" */
#define TRAIN_MIN_SLOTS 1024

struct entry {
	uint32_t cls;
	float w;  /* current weight */
	double u; /* sum of clock * delta, for the average */
};

struct row {
	uint32_t off, n, cap; /* cap == n_classes: dense, entry index = class */
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
	uint64_t n_slots, n_entries;
	float scale;
	uint32_t reserved[7];
};

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
	t->rows[t->n_rows] = (struct row){0, 0, 0};
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

void dyad__ptrain_score(const struct dyad__ptrain *t, const uint64_t *keys, size_t n,
                        float *scores)
{
	for (size_t k = 0; k < n; k++) {
		size_t i = find_slot(t->slots, t->n_slots, keys[k]);
		if (!t->slots[i].key)
			continue;
		const struct row *r = &t->rows[t->slots[i].feat];
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

#define SLOT_LOAD_NUM 3 /* slots at most 3/4 full */
#define SLOT_LOAD_DEN 4

static float averaged(const struct dyad__ptrain *t, const struct entry *e)
{
	return (float)(e->w - e->u / t->clock);
}

static uint32_t stride_of(uint32_t n_classes)
{
	return (n_classes + DYAD_PMODEL_LANES - 1) / DYAD_PMODEL_LANES * DYAD_PMODEL_LANES;
}

static uint64_t slots_for(uint64_t n_rows)
{
	uint64_t n = 16;
	while (n * SLOT_LOAD_NUM < n_rows * SLOT_LOAD_DEN)
		n *= 2;
	return n;
}

/* Weights kept of each row (0: the row goes), their total and the largest. */
static size_t count_kept(const struct dyad__ptrain *t, float min_weight, uint32_t *kept,
                         float *max)
{
	size_t total = 0;
	*max = 0;
	for (size_t f = 0; f < t->n_rows; f++) {
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

/* Where the kept weights of row f go: into its slot, or from off on in
 * the entries. */
static void fill_row(const struct dyad__ptrain *t, size_t f, float min_weight, float scale,
                     struct dyad__pslot *slot, struct dyad__pentry *e, size_t *at)
{
	const struct row *r = &t->rows[f];
	struct dyad__pentry *to = slot->n <= DYAD_PSLOT_INLINE ? slot->row.e : e + *at;
	uint32_t k = 0;
	if (slot->n > DYAD_PSLOT_INLINE) {
		slot->row.off = (uint32_t)*at;
		*at += slot->n;
	}
	for (uint32_t j = 0; j < r->n; j++) {
		const struct entry *x = &t->entries[r->off + j];
		float a = averaged(t, x);
		if (fabsf(a) > 0 && fabsf(a) >= min_weight)
			to[k++] = (struct dyad__pentry){(uint16_t)x->cls, quantise(a, scale)};
	}
}

/* The slots of the kept rows and their long rows, filled in training order
 * (the same on every run). */
static dyad_status write_rows(const struct dyad__ptrain *t, const uint32_t *kept, float min_weight,
                              const struct pmodel_header *h, struct dyad_buf *out)
{
	struct dyad__pslot *slots = dyad__calloc((size_t)h->n_slots, sizeof *slots);
	uint32_t *slot_of = dyad__calloc(t->n_rows + 1, sizeof *slot_of);
	struct dyad__pentry *e = dyad__calloc(h->n_entries + 1, sizeof *e);
	dyad_status st = slots && slot_of && e ? DYAD_OK : DYAD_ENOMEM;
	uint64_t mask = h->n_slots - 1;
	for (size_t s = 0; st == DYAD_OK && s < t->n_slots; s++) {
		uint64_t key = t->slots[s].key;
		if (!key || !kept[t->slots[s].feat])
			continue;
		uint64_t i = key & mask & ~(uint64_t)3;
		while (slots[i].n)
			i = (i + 1) & mask;
		slots[i].fingerprint = (uint32_t)(key >> 32);
		slots[i].n = (uint16_t)kept[t->slots[s].feat];
		slot_of[t->slots[s].feat] = (uint32_t)i;
	}
	size_t at = 0;
	for (size_t f = 0; st == DYAD_OK && f < t->n_rows; f++)
		if (kept[f])
			fill_row(t, f, min_weight, h->scale, &slots[slot_of[f]], e, &at);
	if (st == DYAD_OK)
		st = dyad_buf_append(out, slots, (size_t)h->n_slots * sizeof *slots);
	if (st == DYAD_OK)
		st = dyad_buf_append(out, e, (size_t)h->n_entries * sizeof *e);
	dyad__free(slots);
	dyad__free(slot_of);
	dyad__free(e);
	return st;
}

dyad_status dyad__ptrain_freeze(const struct dyad__ptrain *t, float min_weight,
                                struct dyad_buf *out)
{
	uint32_t *kept = dyad__calloc(t->n_rows + 1, sizeof *kept);
	if (!kept)
		return DYAD_ENOMEM;
	float max;
	size_t weights = count_kept(t, min_weight, kept, &max);
	uint32_t n_rows = 0;
	size_t outside = 0;
	for (size_t f = 0; f < t->n_rows; f++) {
		n_rows += kept[f] > 0;
		outside += kept[f] > DYAD_PSLOT_INLINE ? kept[f] : 0;
	}
	(void)weights;
	struct pmodel_header h = {PMODEL_MAGIC, t->n_classes, stride_of(t->n_classes), n_rows,
	                          slots_for(n_rows), outside, max > 0 ? max / INT16_MAX : 1, {0}};
	dyad_status st = dyad_buf_append(out, &h, sizeof h);
	if (st == DYAD_OK)
		st = write_rows(t, kept, min_weight, &h, out);
	dyad__free(kept);
	return st;
}

/* ---- use --------------------------------------------------------------- */

/* Every row lies inside the entries and its classes are in range, so that
 * scoring never writes outside a score buffer. */
static dyad_status check_rows(const struct dyad__pmodel *m)
{
	for (uint64_t i = 0; i <= m->mask; i++) {
		const struct dyad__pslot *s = &m->slots[i];
		const struct dyad__pentry *e = s->row.e;
		if (s->n == 0)
			continue;
		if (s->n > DYAD_PSLOT_INLINE) {
			if (s->row.off > m->n_entries || s->n > m->n_entries - s->row.off)
				return DYAD_EDATA;
			e = m->entries + s->row.off;
		}
		for (uint32_t j = 0; j < s->n; j++)
			if (e[j].cls >= m->n_classes)
				return DYAD_EDATA;
	}
	return DYAD_OK;
}

dyad_status dyad__pmodel_open(const void *p, size_t len, struct dyad__pmodel *m)
{
	struct pmodel_header h;
	memset(m, 0, sizeof *m);
	if (len < sizeof h || ((uintptr_t)p & 7))
		return DYAD_EDATA;
	memcpy(&h, p, sizeof h);
	if (h.magic != PMODEL_MAGIC || h.n_classes == 0 || h.n_classes > UINT16_MAX ||
	    h.stride != stride_of(h.n_classes) || h.n_slots < 16 || (h.n_slots & (h.n_slots - 1)) ||
	    h.n_slots * SLOT_LOAD_NUM < (uint64_t)h.n_rows * SLOT_LOAD_DEN || !(h.scale > 0))
		return DYAD_EDATA;
	size_t need = sizeof h + (size_t)h.n_slots * sizeof(struct dyad__pslot) +
	              (size_t)h.n_entries * sizeof(struct dyad__pentry);
	if (need != len)
		return DYAD_EDATA;
	const char *base = p;
	m->slots = (const struct dyad__pslot *)(const void *)(base + sizeof h);
	m->entries = (const struct dyad__pentry *)(const void *)(base + sizeof h +
	                                                       (size_t)h.n_slots * sizeof *m->slots);
	m->n_classes = h.n_classes;
	m->stride = h.stride;
	m->n_rows = h.n_rows;
	m->n_entries = h.n_entries;
	m->mask = h.n_slots - 1;
	m->scale = h.scale;
	dyad_status st = check_rows(m);
	if (st != DYAD_OK)
		memset(m, 0, sizeof *m);
	return st;
}

/* Slots and long rows are fetched ahead of their use: the probes of one
 * batch are independent, so their cache misses overlap instead of queueing. */
#define SCORE_BATCH 32

static void add_row(const struct dyad__pmodel *m, const struct dyad__pslot *s, int32_t *acc)
{
	const struct dyad__pentry *e = s->n <= DYAD_PSLOT_INLINE ? s->row.e : m->entries + s->row.off;
	for (uint32_t j = 0; j < s->n; j++)
		acc[e[j].cls] += e[j].w;
}

void dyad__pmodel_score(const struct dyad__pmodel *m, const uint64_t *keys, size_t n,
                        int32_t *acc)
{
	memset(acc, 0, m->stride * sizeof *acc);
	for (size_t b = 0; b < n; b += SCORE_BATCH) {
		const struct dyad__pslot *found[SCORE_BATCH];
		size_t n_found = 0, end = n - b < SCORE_BATCH ? n : b + SCORE_BATCH;
		for (size_t k = b; k < end; k++)
			__builtin_prefetch(&m->slots[dyad__pmodel_home(m, keys[k])]);
		for (size_t k = b; k < end; k++) {
			const struct dyad__pslot *s = dyad__pmodel_find(m, keys[k]);
			if (!s)
				continue;
			if (s->n > DYAD_PSLOT_INLINE)
				__builtin_prefetch(m->entries + s->row.off);
			found[n_found++] = s;
		}
		for (size_t k = 0; k < n_found; k++)
			add_row(m, found[k], acc);
	}
}
