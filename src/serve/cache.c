/*
 * cache.c - the server's answers by request target (see cache.h).
 */
#include "serve/cache.h"

#include <string.h>

#include "core/alloc.h"
#include "core/hash.h"

dyad_status dyad__cache_init(struct dyad__cache *c, size_t n_slots, size_t cap)
{
	memset(c, 0, sizeof *c);
	pthread_mutex_init(&c->lock, NULL);
	if (!n_slots)
		return DYAD_OK;
	c->slots = dyad__calloc(n_slots, sizeof *c->slots);
	if (!c->slots)
		return DYAD_ENOMEM;
	c->n_slots = n_slots;
	c->cap = cap;
	return DYAD_OK;
}

static void empty(struct dyad__cache *c, struct dyad__cache_slot *s)
{
	c->bytes -= s->len;
	dyad__free(s->key);
	dyad__free(s->body);
	memset(s, 0, sizeof *s);
}

uint64_t dyad__cache_generation(struct dyad__cache *c)
{
	pthread_mutex_lock(&c->lock);
	uint64_t g = c->generation;
	pthread_mutex_unlock(&c->lock);
	return g;
}

void dyad__cache_clear(struct dyad__cache *c)
{
	pthread_mutex_lock(&c->lock);
	c->generation++;
	for (size_t i = 0; i < c->n_slots; i++)
		if (c->slots[i].key)
			empty(c, &c->slots[i]);
	pthread_mutex_unlock(&c->lock);
}

void dyad__cache_release(struct dyad__cache *c)
{
	dyad__cache_clear(c);
	dyad__free(c->slots);
	c->slots = NULL;
	c->n_slots = 0;
	pthread_mutex_destroy(&c->lock);
}

int dyad__cache_get(struct dyad__cache *c, const char *key, struct dyad_buf *out)
{
	if (!c->n_slots)
		return 0;
	uint64_t h = dyad_hash_bytes(key, strlen(key));
	int found = 0;
	pthread_mutex_lock(&c->lock);
	struct dyad__cache_slot *s = &c->slots[h % c->n_slots];
	if (s->key && s->hash == h && strcmp(s->key, key) == 0)
		found = dyad_buf_append(out, s->body, s->len) == DYAD_OK;
	pthread_mutex_unlock(&c->lock);
	return found;
}

void dyad__cache_put(struct dyad__cache *c, const char *key, const char *body,
                     size_t len, uint64_t generation)
{
	if (!c->n_slots || len > c->cap / 8)
		return;
	uint64_t h = dyad_hash_bytes(key, strlen(key));
	char *k = dyad__strdup(key), *b = dyad__malloc(len ? len : 1);
	if (!k || !b) {
		dyad__free(k);
		dyad__free(b);
		return;
	}
	memcpy(b, body, len);
	pthread_mutex_lock(&c->lock);
	if (generation != c->generation) {
		pthread_mutex_unlock(&c->lock);
		dyad__free(k);
		dyad__free(b);
		return;
	}
	struct dyad__cache_slot *s = &c->slots[h % c->n_slots];
	if (s->key)
		empty(c, s);
	/* Over the cap: start again rather than keep old answers alive. */
	if (c->bytes + len > c->cap)
		for (size_t i = 0; i < c->n_slots; i++)
			if (c->slots[i].key)
				empty(c, &c->slots[i]);
	*s = (struct dyad__cache_slot){k, b, len, h};
	c->bytes += len;
	pthread_mutex_unlock(&c->lock);
}
