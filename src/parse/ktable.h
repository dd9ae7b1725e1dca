/*
 * ktable.h - tables from 64-bit keys to 32-bit values: built while
 * training, frozen into a model file, probed in place when tagging.
 *
 * The lexicons of the grammar stage (word -> tags seen, word and tag ->
 * lemma, suffix and tag -> lemma rule) are keyed by hashes of their strings
 * (features.h); a value is usually an index into an array of the section
 * that owns the table. Open addressing with linear probing, at most half
 * full; key 0 is the empty slot (dyad__nonzero keeps keys away from it).
 */
#ifndef DYAD_PARSE_KTABLE_H
#define DYAD_PARSE_KTABLE_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "dyad.h"

struct dyad__kslot {
	uint64_t key;
	uint32_t value;
	uint32_t reserved;
};

/* A growable table (training); release with dyad__kbuild_release. */
struct dyad__kbuild {
	struct dyad__kslot *slots;
	size_t n_slots, n;
};

void dyad__kbuild_init(struct dyad__kbuild *b);
void dyad__kbuild_release(struct dyad__kbuild *b);

/* Set key -> value (key != 0). DYAD_ENOMEM. */
dyad_status dyad__kbuild_put(struct dyad__kbuild *b, uint64_t key, uint32_t value);

/* The slot's value for key: a pointer to update in place, NULL if absent. */
uint32_t *dyad__kbuild_get(const struct dyad__kbuild *b, uint64_t key);

/* Append the frozen form (what dyad__ktable_open reads) to out. */
dyad_status dyad__kbuild_freeze(const struct dyad__kbuild *b, struct dyad_buf *out);

/* A frozen table pointing into memory it does not own. */
struct dyad__ktable {
	const struct dyad__kslot *slots;
	uint64_t mask;
	uint64_t n;
};

/* Open a frozen table at (p, len), 8-byte aligned; DYAD_EDATA if it is not
 * one. An empty (len 0) section opens as an empty table. */
dyad_status dyad__ktable_open(const void *p, size_t len, struct dyad__ktable *t);

/* 1 and *value when key is in the table. */
static inline int dyad__ktable_get(const struct dyad__ktable *t, uint64_t key, uint32_t *value)
{
	if (!t->slots)
		return 0;
	for (uint64_t i = (key ^ (key >> 31)) & t->mask;; i = (i + 1) & t->mask) {
		if (t->slots[i].key == key) {
			*value = t->slots[i].value;
			return 1;
		}
		if (t->slots[i].key == 0)
			return 0;
	}
}

#endif
