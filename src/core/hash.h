/*
 * hash.h - a string-keyed hash map to 32-bit values (open addressing).
 *
 * Keys are (ptr, len) byte strings that the map does NOT copy: they must
 * outlive the map (typically they live in the lexicon's arena). Values are
 * small integers, usually indexes into an array owned by the caller. Used for
 * every dictionary lookup, so lookups allocate nothing.
 */
#ifndef DYAD_CORE_HASH_H
#define DYAD_CORE_HASH_H

#include <stddef.h>
#include <stdint.h>

#include "dyad.h"

struct dyad_hash_slot {
	const char *key; /* NULL = empty */
	uint32_t len;
	uint32_t value;
	uint64_t hash;
};

struct dyad_hash {
	struct dyad_hash_slot *slots; /* heap, owned */
	size_t n_slots;               /* power of two */
	size_t n_used;
};

void dyad_hash_init(struct dyad_hash *map);
void dyad_hash_release(struct dyad_hash *map);

/* FNV-1a of the bytes; exposed so callers can hash once and probe twice. */
uint64_t dyad_hash_bytes(const char *key, size_t len);

/*
 * Insert or replace key -> value. If the key was present its old value is
 * stored in *old (if not NULL) and *existed set to 1. DYAD_ENOMEM on failure.
 */
dyad_status dyad_hash_put(struct dyad_hash *map, const char *key, size_t len,
                          uint32_t value, int *existed, uint32_t *old);

/* 1 and *value when present, else 0. */
int dyad_hash_get(const struct dyad_hash *map, const char *key, size_t len,
                  uint32_t *value);

#endif
