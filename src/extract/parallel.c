/*
 * parallel.c - the worker pool of dyad.h (dyad_pool_*): documents go in on
 * one thread, are extracted on n workers sharing one engine, and come out
 * on the same thread in the order they went in.
 *
 * Jobs form one list in submission order. Workers take the first job not
 * started (so they start in order too), extract it without holding the
 * lock and mark it done; the taker waits for the head of the list. Each job
 * holds its own copy of the input, freed as soon as it is extracted (the
 * result copies what it keeps), so the memory in flight is the text of the
 * documents waiting plus the results not yet taken.
 */
#include <pthread.h>
#include <string.h>
#include <unistd.h>

#include "core/alloc.h"
#include "dyad.h"

#define MAX_THREADS 256 /* more than any machine dyad runs on has cores */

struct job {
	struct job *next;          /* in submission order */
	struct dyad_input in;      /* its strings in `copy` */
	char *copy;
	size_t text_len;           /* counted in pending_bytes */
	struct dyad_pool_result res;
	int done;
};

struct dyad_pool {
	const dyad_engine *engine;
	unsigned n_threads, flags, json_flags;
	pthread_t *threads;        /* NULL for an inline pool */
	unsigned n_started;
	pthread_mutex_t lock;
	pthread_cond_t has_work;   /* a job waits, or the pool closes */
	pthread_cond_t has_done;   /* a job was finished */
	struct job *head, *tail;   /* not taken yet */
	struct job *todo;          /* the first job not started, or NULL */
	size_t pending, pending_bytes;
	int closing;
};

unsigned dyad_cpu_count(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1u : n > MAX_THREADS ? MAX_THREADS : (unsigned)n;
}

/* ---- jobs ------------------------------------------------------------- */

static size_t opt_len(const char *s)
{
	return s ? strlen(s) + 1 : 0;
}

/* s copied to *at (advanced), or NULL for NULL. */
static const char *put(char **at, const char *s, size_t n)
{
	if (!s)
		return NULL;
	char *c = *at;
	memcpy(c, s, n);
	c[n] = '\0';
	*at += n + 1;
	return c;
}

static struct job *job_new(const struct dyad_input *in)
{
	struct job *j = dyad__calloc(1, sizeof *j);
	if (!j)
		return NULL;
	size_t text = in->text ? in->text_len + 1 : 0;
	size_t need = text + opt_len(in->path) + opt_len(in->error) + opt_len(in->warning) + opt_len(in->url) +
	              opt_len(in->title) + opt_len(in->published) + opt_len(in->source) +
	              opt_len(in->author);
	j->copy = dyad__malloc(need ? need : 1);
	if (!j->copy) {
		dyad__free(j);
		return NULL;
	}
	char *at = j->copy;
	j->in = *in;
	j->in.text = put(&at, in->text, in->text_len);
	j->in.path = put(&at, in->path, opt_len(in->path) - (in->path != NULL));
	j->in.error = put(&at, in->error, opt_len(in->error) - (in->error != NULL));
	j->in.warning = put(&at, in->warning, opt_len(in->warning) - (in->warning != NULL));
	j->in.url = put(&at, in->url, opt_len(in->url) - (in->url != NULL));
	j->in.title = put(&at, in->title, opt_len(in->title) - (in->title != NULL));
	j->in.published = put(&at, in->published, opt_len(in->published) - (in->published != NULL));
	j->in.source = put(&at, in->source, opt_len(in->source) - (in->source != NULL));
	j->in.author = put(&at, in->author, opt_len(in->author) - (in->author != NULL));
	j->text_len = in->text ? in->text_len : 0;
	return j;
}

/* Extract the job's document (and its line); frees the input copy. Runs
 * without the pool's lock. */
static void job_run(const dyad_pool *pool, struct job *j)
{
	struct dyad_pool_result *r = &j->res;
	r->path = dyad__strdup(j->in.path ? j->in.path : "-");
	if (r->path && j->in.warning && !(r->warning = dyad__strdup(j->in.warning))) {
		dyad__free(r->path);
		r->path = NULL;
	}
	r->status = r->path ? dyad_extract(pool->engine, &j->in, &r->doc) : DYAD_ENOMEM;
	r->json_status = DYAD_OK;
	if (r->doc && (pool->flags & DYAD_POOL_JSON))
		r->json_status = dyad_doc_json(r->doc, pool->json_flags, &r->json, &r->json_len);
	dyad__free(j->copy);
	j->copy = NULL;
}

static void job_free(struct job *j)
{
	dyad_pool_result_release(&j->res);
	dyad__free(j->copy);
	dyad__free(j);
}

void dyad_pool_result_release(struct dyad_pool_result *r)
{
	dyad__free(r->path);
	dyad__free(r->warning);
	dyad_doc_free(r->doc);
	dyad__free(r->json);
	memset(r, 0, sizeof *r);
}

/* ---- the workers ------------------------------------------------------ */

static void *worker(void *arg)
{
	dyad_pool *pool = arg;
	pthread_mutex_lock(&pool->lock);
	for (;;) {
		while (!pool->todo && !pool->closing)
			pthread_cond_wait(&pool->has_work, &pool->lock);
		struct job *j = pool->todo;
		if (!j)
			break; /* closing, and nothing left to start */
		pool->todo = j->next;
		pthread_mutex_unlock(&pool->lock);
		job_run(pool, j);
		pthread_mutex_lock(&pool->lock);
		j->done = 1;
		pthread_cond_broadcast(&pool->has_done);
	}
	pthread_mutex_unlock(&pool->lock);
	return NULL;
}

static void stop_workers(dyad_pool *pool)
{
	pthread_mutex_lock(&pool->lock);
	pool->closing = 1;
	pthread_cond_broadcast(&pool->has_work);
	pthread_mutex_unlock(&pool->lock);
	for (unsigned i = 0; i < pool->n_started; i++)
		pthread_join(pool->threads[i], NULL);
	pool->n_started = 0;
}

void dyad_pool_free(dyad_pool *pool)
{
	if (!pool)
		return;
	stop_workers(pool);
	while (pool->head) {
		struct job *j = pool->head;
		pool->head = j->next;
		job_free(j);
	}
	pthread_cond_destroy(&pool->has_done);
	pthread_cond_destroy(&pool->has_work);
	pthread_mutex_destroy(&pool->lock);
	dyad__free(pool->threads);
	dyad__free(pool);
}

dyad_status dyad_pool_new(const dyad_engine *engine, unsigned n_threads,
                          unsigned flags, unsigned json_flags, dyad_pool **out)
{
	*out = NULL;
	dyad_pool *pool = dyad__calloc(1, sizeof *pool);
	if (!pool)
		return DYAD_ENOMEM;
	pool->engine = engine;
	pool->flags = flags;
	pool->json_flags = json_flags;
	pool->n_threads = n_threads ? n_threads : dyad_cpu_count();
	if (pool->n_threads > MAX_THREADS)
		pool->n_threads = MAX_THREADS;
	pthread_mutex_init(&pool->lock, NULL);
	pthread_cond_init(&pool->has_work, NULL);
	pthread_cond_init(&pool->has_done, NULL);
	if (pool->n_threads > 1) {
		pool->threads = dyad__calloc(pool->n_threads, sizeof *pool->threads);
		if (!pool->threads) {
			dyad_pool_free(pool);
			return DYAD_ENOMEM;
		}
		for (; pool->n_started < pool->n_threads; pool->n_started++)
			if (pthread_create(&pool->threads[pool->n_started], NULL, worker, pool) != 0) {
				dyad_pool_free(pool);
				return DYAD_EINVAL;
			}
	}
	*out = pool;
	return DYAD_OK;
}

unsigned dyad_pool_threads(const dyad_pool *pool)
{
	return pool->n_threads;
}

/* ---- submitting and taking -------------------------------------------- */

dyad_status dyad_pool_submit(dyad_pool *pool, const struct dyad_input *input)
{
	struct job *j = job_new(input);
	if (!j)
		return DYAD_ENOMEM;
	pthread_mutex_lock(&pool->lock);
	if (pool->tail)
		pool->tail->next = j;
	else
		pool->head = j;
	pool->tail = j;
	if (!pool->todo)
		pool->todo = j;
	pool->pending++;
	pool->pending_bytes += j->text_len;
	pthread_cond_signal(&pool->has_work);
	pthread_mutex_unlock(&pool->lock);
	return DYAD_OK;
}

size_t dyad_pool_pending(const dyad_pool *pool)
{
	pthread_mutex_lock((pthread_mutex_t *)&pool->lock);
	size_t n = pool->pending;
	pthread_mutex_unlock((pthread_mutex_t *)&pool->lock);
	return n;
}

size_t dyad_pool_pending_bytes(const dyad_pool *pool)
{
	pthread_mutex_lock((pthread_mutex_t *)&pool->lock);
	size_t n = pool->pending_bytes;
	pthread_mutex_unlock((pthread_mutex_t *)&pool->lock);
	return n;
}

dyad_status dyad_pool_next(dyad_pool *pool, struct dyad_pool_result *out)
{
	memset(out, 0, sizeof *out);
	pthread_mutex_lock(&pool->lock);
	struct job *j = pool->head;
	if (!j) {
		pthread_mutex_unlock(&pool->lock);
		return DYAD_DONE;
	}
	if (!pool->threads && pool->todo == j) {
		/* an inline pool: the caller's thread does the work */
		pool->todo = j->next;
		pthread_mutex_unlock(&pool->lock);
		job_run(pool, j);
		pthread_mutex_lock(&pool->lock);
		j->done = 1;
	}
	while (!j->done)
		pthread_cond_wait(&pool->has_done, &pool->lock);
	pool->head = j->next;
	if (!pool->head)
		pool->tail = NULL;
	pool->pending--;
	pool->pending_bytes -= j->text_len;
	pthread_mutex_unlock(&pool->lock);
	*out = j->res;
	memset(&j->res, 0, sizeof j->res);
	job_free(j);
	return DYAD_OK;
}

/* Take the oldest result and hand it to fn; returns fn's answer. */
static int deliver(dyad_pool *pool, dyad_pool_fn fn, void *ctx)
{
	struct dyad_pool_result r;
	if (dyad_pool_next(pool, &r) != DYAD_OK)
		return 0;
	int stop = fn(ctx, &r);
	dyad_pool_result_release(&r);
	return stop;
}

/* An inline pool with nothing queued: the reader's input as it is, no copy
 * (what dyad_extract() alone would do). */
static int run_inline(dyad_pool *pool, const struct dyad_input *input,
                      dyad_pool_fn fn, void *ctx)
{
	struct job j;
	memset(&j, 0, sizeof j);
	j.in = *input;
	job_run(pool, &j);
	int stop = fn(ctx, &j.res);
	dyad_pool_result_release(&j.res);
	return stop;
}

dyad_status dyad_pool_run(dyad_pool *pool, dyad_reader *reader, dyad_pool_fn fn,
                          void *ctx)
{
	size_t window = (size_t)DYAD_POOL_WINDOW * pool->n_threads;
	const struct dyad_input *input;
	dyad_status st = DYAD_OK;
	int stop = 0;
	while (!pool->threads && !stop && dyad_pool_pending(pool) == 0) {
		if ((st = dyad_reader_next(reader, &input)) != DYAD_OK)
			return st == DYAD_DONE ? DYAD_OK : st;
		stop = run_inline(pool, input, fn, ctx);
	}
	while (!stop) {
		/* keep the workers fed, within the window */
		while (dyad_pool_pending(pool) >= window ||
		       (dyad_pool_pending(pool) > 0 &&
		        dyad_pool_pending_bytes(pool) >= DYAD_POOL_MAX_BYTES))
			if ((stop = deliver(pool, fn, ctx)) != 0)
				break;
		if (stop)
			break;
		if ((st = dyad_reader_next(reader, &input)) != DYAD_OK)
			break;
		if ((st = dyad_pool_submit(pool, input)) != DYAD_OK)
			break;
	}
	while (dyad_pool_pending(pool) > 0) {
		if (stop) {
			struct dyad_pool_result r;
			if (dyad_pool_next(pool, &r) == DYAD_OK)
				dyad_pool_result_release(&r);
		} else {
			stop = deliver(pool, fn, ctx);
		}
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}
