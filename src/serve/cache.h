/*
 * cache.h - answers kept by request target. The server only reads, and
 * the database changes only when an ingest commits, so an answer stays
 * right until then: the server drops them all when any worker's handle
 * sees the data change (dyad_store_changed). Direct-mapped: a target has
 * one slot, a new answer replaces what was there; the bytes kept are
 * capped. The access log marks the answers it gave.
 */
#ifndef DYAD_SERVE_CACHE_H
#define DYAD_SERVE_CACHE_H

#include <pthread.h>
#include <stdint.h>

#include "core/buf.h"

struct dyad__cache_slot {
	char *key;          /* the request target, NULL: empty */
	char *body;
	size_t len;
	uint64_t hash;
};

struct dyad__cache {
	struct dyad__cache_slot *slots;
	size_t n_slots;     /* 0: caching off */
	size_t bytes, cap;  /* bodies kept, and their most */
	uint64_t generation; /* grows at every clear */
	pthread_mutex_t lock;
};

/* A cache of n_slots answers and at most cap bytes (n_slots 0: off).
 * DYAD_ENOMEM. */
dyad_status dyad__cache_init(struct dyad__cache *c, size_t n_slots, size_t cap);
void dyad__cache_release(struct dyad__cache *c);

/* Append the answer kept for key to out: 1 found, 0 not. */
int dyad__cache_get(struct dyad__cache *c, const char *key, struct dyad_buf *out);

/* The generation to give dyad__cache_put() for an answer computed from now. */
uint64_t dyad__cache_generation(struct dyad__cache *c);

/* Keep a copy of body as the answer for key, unless the cache was cleared
 * since generation (the answer may be of the old data), it is too big or
 * memory is short. */
void dyad__cache_put(struct dyad__cache *c, const char *key, const char *body,
                     size_t len, uint64_t generation);

/* Forget every answer. */
void dyad__cache_clear(struct dyad__cache *c);

#endif
