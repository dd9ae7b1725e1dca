/*
 * pool.h - the database handles of the server's workers. A dyad_store is
 * used by one thread at a time, so each worker borrows one for the length
 * of a request; there are as many handles as workers, so a borrow only
 * waits when a request is answered outside the pool's threads.
 */
#ifndef DYAD_SERVE_POOL_H
#define DYAD_SERVE_POOL_H

#include <pthread.h>

#include "dyad.h"

struct dyad__pool {
	dyad_store **stores;
	int *busy;
	size_t n;
	pthread_mutex_t lock;
	pthread_cond_t freed;
};

/* n read-only handles on path, each with a query time limit of ms.
 * Errors as dyad_store_open_readonly() with errmsg. */
dyad_status dyad__pool_open(struct dyad__pool *pool, const char *path, size_t n,
                            unsigned ms, char *errmsg);
void dyad__pool_close(struct dyad__pool *pool);

/* A free handle (waiting for one); give it back with dyad__pool_put. */
dyad_store *dyad__pool_get(struct dyad__pool *pool);
void dyad__pool_put(struct dyad__pool *pool, dyad_store *store);

#endif
