/*
 * engine.c - dyad_engine_open() and dyad_engine_free(): the knowledge base
 * (kb/engine.c) and, above it, the grammar models of its languages and the
 * pool of the stage's work areas (see parse/engine.h).
 *
 * The models load here, not in kb/, because the model reader is the parser's
 * (parse/model.c) and kb/ sits below the stages. Load time is one read of
 * each model file (about 15 ms for English, 10 ms for Russian, besides the
 * dictionary kb/lang.c reads).
 */
#include "parse/engine.h"

#include <pthread.h>
#include <stdio.h>

#include "core/alloc.h"
#include "kb/engine.h"
#include "kb/lang.h"
#include "parse/grammar.h"

/* Work areas kept for reuse: more than the threads of any pool. */
#define POOL_KEEP 64

struct dyad__grammar_pool {
	pthread_mutex_t lock;
	struct dyad_grammar_work *idle[POOL_KEEP];
	size_t n_idle;
};

const struct dyad_grammar *dyad__lang_model(const struct dyad__lang *lang)
{
	return lang ? lang->grammar.model : NULL;
}

/* The model lang.tsv names, read with the language's dictionary. */
static dyad_status load_model(dyad_engine *engine, struct dyad__lang *lang, char *errmsg)
{
	struct dyad__lang_grammar *g = &lang->grammar;
	if (!g->model_file)
		return DYAD_OK;
	char path[DYAD_ERRMSG_MAX], why[DYAD_ERRMSG_MAX] = "";
	snprintf(path, sizeof path, "%s/lang/%s/%s", engine->data_dir, lang->id, g->model_file);
	dyad_status st = dyad_grammar_load(path, g->morph, &g->model, why);
	if (st != DYAD_OK)
		snprintf(errmsg, DYAD_ERRMSG_MAX, "%s (the grammar model lang/%s/lang.tsv names%s)",
		         why[0] ? why : path, lang->id,
		         st == DYAD_ENOENT ? "; `make models` trains it" : "");
	return st;
}

static dyad_status pool_new(dyad_engine *engine)
{
	struct dyad__grammar_pool *pool = dyad__calloc(1, sizeof *pool);
	if (!pool)
		return DYAD_ENOMEM;
	pthread_mutex_init(&pool->lock, NULL);
	engine->grammar_pool = pool;
	return DYAD_OK;
}

static void pool_free(struct dyad__grammar_pool *pool)
{
	if (!pool)
		return;
	for (size_t i = 0; i < pool->n_idle; i++)
		dyad_grammar_work_free(pool->idle[i]);
	pthread_mutex_destroy(&pool->lock);
	dyad__free(pool);
}

void dyad_engine_free(dyad_engine *engine)
{
	if (!engine)
		return;
	pool_free(engine->grammar_pool);
	engine->grammar_pool = NULL;
	for (size_t i = 0; engine->langs && i < engine->n_langs; i++) {
		dyad_grammar_free(engine->langs[i].grammar.model); /* before its dictionary */
		engine->langs[i].grammar.model = NULL;
	}
	dyad__engine_free_knowledge(engine);
}

dyad_status dyad_engine_open(const char *data_dir, dyad_engine **out, char *errmsg)
{
	char scratch[DYAD_ERRMSG_MAX];
	if (!errmsg)
		errmsg = scratch;
	dyad_engine *engine;
	dyad_status st = dyad__engine_open_knowledge(data_dir, &engine, errmsg);
	if (st != DYAD_OK) {
		*out = NULL;
		return st;
	}
	st = pool_new(engine);
	for (size_t i = 0; st == DYAD_OK && i < engine->n_langs; i++)
		st = load_model(engine, &engine->langs[i], errmsg);
	if (st != DYAD_OK) {
		if (st == DYAD_ENOMEM && !errmsg[0])
			snprintf(errmsg, DYAD_ERRMSG_MAX, "loading the grammar models: %s",
			         dyad_strerror(st));
		dyad_engine_free(engine);
		*out = NULL;
		return st;
	}
	*out = engine;
	return DYAD_OK;
}

dyad_status dyad__grammar_work_take(const dyad_engine *engine, struct dyad_grammar_work **out)
{
	struct dyad__grammar_pool *pool = engine->grammar_pool;
	*out = NULL;
	if (pool) {
		pthread_mutex_lock(&pool->lock);
		if (pool->n_idle)
			*out = pool->idle[--pool->n_idle];
		pthread_mutex_unlock(&pool->lock);
	}
	return *out ? DYAD_OK : dyad_grammar_work_new(out);
}

void dyad__grammar_work_give(const dyad_engine *engine, struct dyad_grammar_work *w)
{
	struct dyad__grammar_pool *pool = engine->grammar_pool;
	if (!w)
		return;
	if (pool) {
		pthread_mutex_lock(&pool->lock);
		if (pool->n_idle < POOL_KEEP) {
			pool->idle[pool->n_idle++] = w;
			w = NULL;
		}
		pthread_mutex_unlock(&pool->lock);
	}
	dyad_grammar_work_free(w);
}
