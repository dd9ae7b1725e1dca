/*
 * wordlex.c - tag dictionary and features by word and tag (see wordlex.h).
 */
#include "parse/wordlex.h"

#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "parse/features.h"

/* Key spaces of the feature lexicon's table. */
enum { KEY_WORD_TAG = 0x57a9, KEY_TAG = 0x7a60 };

#define CLASS_SEED 0x7a9c1a55ULL

/* ---- tag dictionary ----------------------------------------------------- */

dyad_status dyad__tagdict_init(struct dyad__tagdict_build *b, uint32_t n_tags, float min_share)
{
	memset(b, 0, sizeof *b);
	if (n_tags == 0 || n_tags > DYAD_MAX_TAGS)
		return DYAD_EINVAL;
	dyad__kbuild_init(&b->words);
	b->n_tags = n_tags;
	b->min_share = min_share;
	return DYAD_OK;
}

void dyad__tagdict_release(struct dyad__tagdict_build *b)
{
	dyad__kbuild_release(&b->words);
	dyad__free(b->counts);
	memset(b, 0, sizeof *b);
}

dyad_status dyad__tagdict_add(struct dyad__tagdict_build *b, uint64_t norm, uint32_t tag)
{
	if (tag >= b->n_tags)
		return DYAD_OK; /* a tag outside the set: nothing to learn */
	uint32_t *idx = dyad__kbuild_get(&b->words, norm);
	if (!idx) {
		if (b->n_words == b->alloc_words) {
			size_t alloc = b->alloc_words ? b->alloc_words * 2 : 4096;
			uint32_t *c = dyad__realloc(b->counts, alloc * b->n_tags * sizeof *c);
			if (!c)
				return DYAD_ENOMEM;
			b->counts = c;
			b->alloc_words = alloc;
		}
		memset(b->counts + b->n_words * b->n_tags, 0, b->n_tags * sizeof *b->counts);
		if (dyad__kbuild_put(&b->words, norm, (uint32_t)b->n_words) != DYAD_OK)
			return DYAD_ENOMEM;
		idx = dyad__kbuild_get(&b->words, norm);
		b->n_words++;
	}
	b->counts[(size_t)*idx * b->n_tags + tag]++;
	return DYAD_OK;
}

static uint64_t class_value(const struct dyad__tagset_bits *set)
{
	uint64_t h = CLASS_SEED, any = 0;
	for (size_t i = 0; i < DYAD_MAX_TAGS / 64; i++) {
		h = dyad__mix(h ^ set->bits[i]) + i;
		any |= set->bits[i];
	}
	return any ? dyad__nonzero(h) : 0;
}

/* The class of word index idx, one occurrence of exclude left out. */
static void class_of(const struct dyad__tagdict_build *b, uint32_t idx, uint32_t exclude,
                     struct dyad__tagset_bits *set)
{
	const uint32_t *c = b->counts + (size_t)idx * b->n_tags;
	uint64_t total = 0;
	memset(set, 0, sizeof *set);
	for (uint32_t t = 0; t < b->n_tags; t++)
		total += c[t] - (t == exclude && c[t] > 0);
	for (uint32_t t = 0; t < b->n_tags; t++) {
		uint32_t n = c[t] - (t == exclude && c[t] > 0);
		if (n > 0 && (float)n >= b->min_share * (float)total)
			set->bits[t / 64] |= 1ULL << (t % 64);
	}
}

uint64_t dyad__tagdict_class(const struct dyad__tagdict_build *b, uint64_t norm,
                             uint32_t exclude)
{
	uint32_t *idx = dyad__kbuild_get(&b->words, norm);
	if (!idx)
		return 0;
	struct dyad__tagset_bits set;
	class_of(b, *idx, exclude, &set);
	return class_value(&set);
}

dyad_status dyad__tagdict_freeze(const struct dyad__tagdict_build *b, struct dyad_buf *words,
                                 struct dyad_buf *classes)
{
	struct dyad__kbuild index, seen;
	dyad__kbuild_init(&index);
	dyad__kbuild_init(&seen);
	dyad_status st = DYAD_OK;
	uint32_t n_classes = 0;
	/* words in slot order of the builder: deterministic for equal input */
	for (size_t s = 0; st == DYAD_OK && s < b->words.n_slots; s++) {
		const struct dyad__kslot *slot = &b->words.slots[s];
		if (!slot->key)
			continue;
		struct dyad__tagclass cls;
		class_of(b, slot->value, UINT32_MAX, &cls.set);
		cls.value = class_value(&cls.set);
		if (!cls.value)
			continue;
		uint32_t *known = dyad__kbuild_get(&seen, cls.value);
		uint32_t id = known ? *known : n_classes;
		if (!known) {
			st = dyad__kbuild_put(&seen, cls.value, n_classes++);
			if (st == DYAD_OK)
				st = dyad_buf_append(classes, &cls, sizeof cls);
		}
		if (st == DYAD_OK)
			st = dyad__kbuild_put(&index, slot->key, id);
	}
	if (st == DYAD_OK)
		st = dyad__kbuild_freeze(&index, words);
	dyad__kbuild_release(&index);
	dyad__kbuild_release(&seen);
	return st;
}

dyad_status dyad__tagdict_open(const void *words, size_t words_len, const void *classes,
                               size_t classes_len, struct dyad__tagdict *d)
{
	memset(d, 0, sizeof *d);
	if (classes_len % sizeof(struct dyad__tagclass) || ((uintptr_t)classes & 7))
		return DYAD_EDATA;
	dyad_status st = dyad__ktable_open(words, words_len, &d->words);
	if (st != DYAD_OK)
		return st;
	d->classes = classes;
	d->n_classes = (uint32_t)(classes_len / sizeof(struct dyad__tagclass));
	for (uint64_t i = 0; d->words.slots && i <= d->words.mask; i++)
		if (d->words.slots[i].key && d->words.slots[i].value >= d->n_classes)
			return DYAD_EDATA;
	return DYAD_OK;
}

const struct dyad__tagclass *dyad__tagdict_get(const struct dyad__tagdict *d, uint64_t norm)
{
	uint32_t idx;
	return dyad__ktable_get(&d->words, norm, &idx) ? &d->classes[idx] : NULL;
}

/* ---- votes -------------------------------------------------------------- */

static int vote_cmp(const void *a, const void *b)
{
	const struct dyad__vote *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	if (x->value != y->value)
		return x->value < y->value ? -1 : 1;
	return x->aux < y->aux ? -1 : x->aux > y->aux;
}

dyad_status dyad__vote_count(struct dyad__vote *votes, size_t n,
                             dyad_status (*winner)(void *ctx, const struct dyad__vote *v,
                                                   uint32_t count, uint32_t total),
                             void *ctx)
{
	qsort(votes, n, sizeof *votes, vote_cmp);
	size_t i = 0;
	while (i < n) {
		size_t end = i, best = i;
		uint32_t best_count = 0;
		while (end < n && votes[end].key == votes[i].key) {
			size_t run = end;
			while (end < n && votes[end].key == votes[i].key && votes[end].value == votes[run].value)
				end++;
			if (end - run > best_count) {
				best_count = (uint32_t)(end - run);
				best = run;
			}
		}
		dyad_status st = winner(ctx, &votes[best], best_count, (uint32_t)(end - i));
		if (st != DYAD_OK)
			return st;
		i = end;
	}
	return DYAD_OK;
}

/* ---- features by word and tag ------------------------------------------- */

void dyad__featlex_init(struct dyad__featlex_build *b)
{
	memset(b, 0, sizeof *b);
}

void dyad__featlex_release(struct dyad__featlex_build *b)
{
	dyad__free(b->votes);
	memset(b, 0, sizeof *b);
}

static dyad_status push_vote(struct dyad__featlex_build *b, uint64_t key, uint64_t value)
{
	if (b->n == b->alloc) {
		size_t alloc = b->alloc ? b->alloc * 2 : 4096;
		struct dyad__vote *v = dyad__realloc(b->votes, alloc * sizeof *v);
		if (!v)
			return DYAD_ENOMEM;
		b->votes = v;
		b->alloc = alloc;
	}
	b->votes[b->n++] = (struct dyad__vote){key, value, 0};
	return DYAD_OK;
}

dyad_status dyad__featlex_add(struct dyad__featlex_build *b, uint64_t norm, uint32_t tag,
                              uint64_t feats)
{
	dyad_status st = push_vote(b, dyad__fkey2(KEY_WORD_TAG, norm, tag), feats);
	return st == DYAD_OK ? push_vote(b, dyad__fkey1(KEY_TAG, tag), feats) : st;
}

struct featlex_freeze {
	struct dyad__kbuild index, bundle_ids;
	struct dyad_buf *bundles;
	uint32_t n_bundles;
};

static dyad_status featlex_winner(void *ctx, const struct dyad__vote *v, uint32_t count,
                                  uint32_t total)
{
	struct featlex_freeze *f = ctx;
	(void)count, (void)total;
	uint64_t bkey = dyad__nonzero(dyad__mix(v->value + 0x51));
	uint32_t *id = dyad__kbuild_get(&f->bundle_ids, bkey);
	uint32_t bundle = id ? *id : f->n_bundles;
	if (!id) {
		if (dyad__kbuild_put(&f->bundle_ids, bkey, f->n_bundles++) != DYAD_OK ||
		    dyad_buf_append(f->bundles, &v->value, sizeof v->value) != DYAD_OK)
			return DYAD_ENOMEM;
	}
	return dyad__kbuild_put(&f->index, v->key, bundle);
}

dyad_status dyad__featlex_freeze(struct dyad__featlex_build *b, struct dyad_buf *index,
                                 struct dyad_buf *bundles)
{
	struct featlex_freeze f = {.bundles = bundles};
	dyad__kbuild_init(&f.index);
	dyad__kbuild_init(&f.bundle_ids);
	dyad_status st = dyad__vote_count(b->votes, b->n, featlex_winner, &f);
	if (st == DYAD_OK)
		st = dyad__kbuild_freeze(&f.index, index);
	dyad__kbuild_release(&f.index);
	dyad__kbuild_release(&f.bundle_ids);
	return st;
}

dyad_status dyad__featlex_open(const void *index, size_t index_len, const void *bundles,
                               size_t bundles_len, struct dyad__featlex *f)
{
	memset(f, 0, sizeof *f);
	if (bundles_len % sizeof(uint64_t) || ((uintptr_t)bundles & 7))
		return DYAD_EDATA;
	dyad_status st = dyad__ktable_open(index, index_len, &f->index);
	if (st != DYAD_OK)
		return st;
	f->bundles = bundles;
	f->n_bundles = (uint32_t)(bundles_len / sizeof(uint64_t));
	for (uint64_t i = 0; f->index.slots && i <= f->index.mask; i++)
		if (f->index.slots[i].key && f->index.slots[i].value >= f->n_bundles)
			return DYAD_EDATA;
	return DYAD_OK;
}

uint64_t dyad__featlex_get(const struct dyad__featlex *f, uint64_t norm, uint32_t tag)
{
	uint32_t id;
	if (dyad__ktable_get(&f->index, dyad__fkey2(KEY_WORD_TAG, norm, tag), &id) ||
	    dyad__ktable_get(&f->index, dyad__fkey1(KEY_TAG, tag), &id))
		return f->bundles[id];
	return 0;
}
