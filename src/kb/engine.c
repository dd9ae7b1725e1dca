/*
 * engine.c - opening and closing the knowledge base (see engine.h and the
 * dyad_engine_* functions of dyad.h). The public dyad_engine_open() and
 * dyad_engine_free() wrap these in parse/engine.c, which also loads the
 * grammar models (the layers point one way: kb does not know the parser).
 */
#include "kb/engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "core/alloc.h"
#include "kb/amounts.h"
#include "kb/forms.h"
#include "kb/gazetteer.h"
#include "kb/html.h"
#include "kb/lang.h"
#include "kb/meta.h"
#include "kb/verbs.h"

#ifndef DYAD_SOURCE_DATA
#define DYAD_SOURCE_DATA "data"
#endif
#ifndef DYAD_PREFIX_DATA
#define DYAD_PREFIX_DATA "/usr/local/share/dyad"
#endif

/* The marker file that tells a data folder from any other folder. */
#define DATA_MARKER "cameo/events.tsv"

static int is_data_dir(const char *dir)
{
	char path[DYAD_ERRMSG_MAX];
	struct stat st;
	int n = snprintf(path, sizeof path, "%s/%s", dir, DATA_MARKER);
	return n > 0 && (size_t)n < sizeof path && stat(path, &st) == 0;
}

static const char *find_data_dir(void)
{
	const char *env = getenv("DYAD_DATA");
	if (env && *env)
		return env; /* explicit: use it even if wrong, and say so */
	if (is_data_dir(DYAD_SOURCE_DATA))
		return DYAD_SOURCE_DATA;
	return DYAD_PREFIX_DATA;
}

void dyad__engine_free_knowledge(dyad_engine *engine)
{
	if (!engine)
		return;
	dyad__forms_free(engine->forms);
	dyad__html_lexicon_free(engine->html);
	dyad__amounts_free(engine->amounts);
	dyad__verbs_free(engine->verbs);
	dyad__gazetteer_free(engine->gaz);
	dyad__meta_lexicon_free(engine->meta);
	dyad__stem_cache_free(engine->stems);
	dyad__langs_free(engine);
	dyad_hash_release(&engine->cameo.by_code);
	dyad_arena_release(&engine->arena);
	dyad__free(engine);
}

const char *dyad_engine_data_dir(const dyad_engine *engine)
{
	return engine->data_dir;
}

dyad_status dyad__engine_open_knowledge(const char *data_dir, dyad_engine **out,
                                        char *errmsg)
{
	char scratch[DYAD_ERRMSG_MAX];
	if (!errmsg)
		errmsg = scratch;
	errmsg[0] = '\0';
	*out = NULL;
	dyad_engine *engine = dyad__calloc(1, sizeof *engine);
	if (!engine)
		return DYAD_ENOMEM;
	dyad_arena_init(&engine->arena, 0);
	dyad_hash_init(&engine->cameo.by_code);
	dyad_status st = DYAD_ENOMEM;
	if (!data_dir)
		data_dir = find_data_dir();
	engine->data_dir = dyad_arena_strdup(&engine->arena, data_dir);
	if (!engine->data_dir)
		goto fail;
	if (!is_data_dir(data_dir)) {
		snprintf(errmsg, DYAD_ERRMSG_MAX,
		         "%s: not a dyad data folder (no %s); set DYAD_DATA", data_dir,
		         DATA_MARKER);
		st = DYAD_ENOENT;
		goto fail;
	}
	engine->stems = dyad__stem_cache_new();
	if (!engine->stems)
		goto fail;
	if ((st = dyad__cameo_load(engine, errmsg)) != DYAD_OK ||
	    (st = dyad__langs_load(engine, errmsg)) != DYAD_OK ||
	    (st = dyad__meta_lexicon_load(engine, errmsg)) != DYAD_OK ||
	    (st = dyad__gazetteer_load(engine, errmsg)) != DYAD_OK ||
	    (st = dyad__verbs_load(engine, errmsg)) != DYAD_OK ||
	    (st = dyad__amounts_load(engine, errmsg)) != DYAD_OK ||
	    (st = dyad__html_lexicon_load(engine, errmsg)) != DYAD_OK ||
	    (st = dyad__forms_new(&engine->forms)) != DYAD_OK)
		goto fail;
	dyad__stem_cache_freeze(engine->stems);
	*out = engine;
	return DYAD_OK;
fail:
	if (!errmsg[0])
		snprintf(errmsg, DYAD_ERRMSG_MAX, "loading knowledge from %s: %s",
		         data_dir, dyad_strerror(st));
	dyad__engine_free_knowledge(engine);
	return st;
}
