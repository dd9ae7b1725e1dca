/*
 * hash.c - open-addressing string map with linear probing (see hash.h).
 */
#include "core/hash.h"

#include <string.h>

#include "core/alloc.h"

#define HASH_MIN_SLOTS 64
#define HASH_MAX_LOAD_NUM 7 /* grow beyond 7/10 full */
#define HASH_MAX_LOAD_DEN 10

void dyad_hash_init(struct dyad_hash *map)
{
	map->slots = NULL;
	map->n_slots = 0;
	map->n_used = 0;
}

void dyad_hash_release(struct dyad_hash *map)
{
	dyad__free(map->slots);
	dyad_hash_init(map);
}

/* Eight bytes at a time, multiply and shift: words and keys are short, and
 * FNV's byte at a time cost more than the probes. */
uint64_t dyad_hash_bytes(const char *key, size_t len)
{
	const uint64_t m = 0x9E3779B97F4A7C15ull;
	uint64_t h = len * m;
	while (len >= 8) {
		uint64_t v;
		memcpy(&v, key, 8);
		h = (h ^ v) * m;
		h ^= h >> 29;
		key += 8;
		len -= 8;
	}
	uint64_t v = 0; /* the last 0..7 bytes: two overlapping loads, or three bytes */
	if (len >= 4) {
		uint32_t lo, hi;
		memcpy(&lo, key, 4);
		memcpy(&hi, key + len - 4, 4);
		v = (uint64_t)lo << 32 | hi;
	} else if (len) {
		v = (uint64_t)(unsigned char)key[0] << 16 |
		    (uint64_t)(unsigned char)key[len >> 1] << 8 | (unsigned char)key[len - 1];
	}
	h = (h ^ v) * m;
	h ^= h >> 32;
	h *= m;
	return h ^ (h >> 29);
}

static struct dyad_hash_slot *find_slot(struct dyad_hash_slot *slots,
                                        size_t n_slots, const char *key,
                                        size_t len, uint64_t hash)
{
	size_t mask = n_slots - 1;
	for (size_t i = hash & mask;; i = (i + 1) & mask) {
		struct dyad_hash_slot *s = &slots[i];
		if (!s->key)
			return s;
		if (s->hash == hash && s->len == len && memcmp(s->key, key, len) == 0)
			return s;
	}
}

static dyad_status grow(struct dyad_hash *map)
{
	size_t n = map->n_slots ? map->n_slots * 2 : HASH_MIN_SLOTS;
	struct dyad_hash_slot *slots = dyad__calloc(n, sizeof *slots);
	if (!slots)
		return DYAD_ENOMEM;
	for (size_t i = 0; i < map->n_slots; i++) {
		struct dyad_hash_slot *old = &map->slots[i];
		if (old->key)
			*find_slot(slots, n, old->key, old->len, old->hash) = *old;
	}
	dyad__free(map->slots);
	map->slots = slots;
	map->n_slots = n;
	return DYAD_OK;
}

dyad_status dyad_hash_put(struct dyad_hash *map, const char *key, size_t len,
                          uint32_t value, int *existed, uint32_t *old)
{
	if (len > UINT32_MAX)
		return DYAD_EINVAL;
	if ((map->n_used + 1) * HASH_MAX_LOAD_DEN >= map->n_slots * HASH_MAX_LOAD_NUM) {
		dyad_status st = grow(map);
		if (st != DYAD_OK)
			return st;
	}
	uint64_t hash = dyad_hash_bytes(key, len);
	struct dyad_hash_slot *s = find_slot(map->slots, map->n_slots, key, len, hash);
	if (existed)
		*existed = s->key != NULL;
	if (s->key) {
		if (old)
			*old = s->value;
	} else {
		s->key = key;
		s->len = (uint32_t)len;
		s->hash = hash;
		map->n_used++;
	}
	s->value = value;
	return DYAD_OK;
}

int dyad_hash_get(const struct dyad_hash *map, const char *key, size_t len,
                  uint32_t *value)
{
	if (!map->n_slots)
		return 0;
	uint64_t hash = dyad_hash_bytes(key, len);
	struct dyad_hash_slot *s = find_slot(map->slots, map->n_slots, key, len, hash);
	if (!s->key)
		return 0;
	if (value)
		*value = s->value;
	return 1;
}
