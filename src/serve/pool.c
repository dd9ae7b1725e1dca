/*
 * pool.c - the workers' database handles (see pool.h).
 */
#include "serve/pool.h"

#include <stdio.h>
#include <string.h>

#include "core/alloc.h"

/* Each handle maps the file (shared by all of them: the system's pages)
 * and keeps a page cache of its own for what the map cannot cover. */
#define DYAD_POOL_MAP_BYTES ((size_t)4 << 30)
#define DYAD_POOL_CACHE_BYTES ((size_t)32 << 20)

dyad_status dyad__pool_open(struct dyad__pool *pool, const char *path, size_t n,
                            unsigned ms, char *errmsg)
{
	memset(pool, 0, sizeof *pool);
	pool->stores = dyad__calloc(n, sizeof *pool->stores);
	pool->busy = dyad__calloc(n, sizeof *pool->busy);
	pthread_mutex_init(&pool->lock, NULL);
	pthread_cond_init(&pool->freed, NULL);
	if (!pool->stores || !pool->busy) {
		dyad__pool_close(pool);
		return DYAD_ENOMEM;
	}
	pool->n = n;
	for (size_t i = 0; i < n; i++) {
		dyad_status st = dyad_store_open_readonly(path, &pool->stores[i], errmsg);
		if (st != DYAD_OK) {
			dyad__pool_close(pool);
			return st;
		}
		dyad_store_set_time_limit(pool->stores[i], ms);
		st = dyad_store_set_memory(pool->stores[i], DYAD_POOL_MAP_BYTES,
		                           DYAD_POOL_CACHE_BYTES);
		if (st != DYAD_OK) {
			snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: %s", path,
			         dyad_store_errmsg(pool->stores[i]));
			dyad__pool_close(pool);
			return st;
		}
	}
	return DYAD_OK;
}

void dyad__pool_close(struct dyad__pool *pool)
{
	for (size_t i = 0; pool->stores && i < pool->n; i++)
		dyad_store_close(pool->stores[i]);
	dyad__free(pool->stores);
	dyad__free(pool->busy);
	pool->stores = NULL;
	pool->busy = NULL;
	pool->n = 0;
	pthread_mutex_destroy(&pool->lock);
	pthread_cond_destroy(&pool->freed);
}

dyad_store *dyad__pool_get(struct dyad__pool *pool)
{
	pthread_mutex_lock(&pool->lock);
	for (;;) {
		for (size_t i = 0; i < pool->n; i++)
			if (!pool->busy[i]) {
				pool->busy[i] = 1;
				pthread_mutex_unlock(&pool->lock);
				return pool->stores[i];
			}
		pthread_cond_wait(&pool->freed, &pool->lock);
	}
}

void dyad__pool_put(struct dyad__pool *pool, dyad_store *store)
{
	pthread_mutex_lock(&pool->lock);
	for (size_t i = 0; i < pool->n; i++)
		if (pool->stores[i] == store)
			pool->busy[i] = 0;
	pthread_cond_signal(&pool->freed);
	pthread_mutex_unlock(&pool->lock);
}
