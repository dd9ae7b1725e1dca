/*
 * engine.h - the loaded knowledge: everything dyad_engine_open() reads from
 * data/ once and every extraction consults read-only.
 *
 * Once open, an engine is read-only but for its two memos, which are safe
 * to use from several threads at once: the forms (kb/forms.h, lock-free
 * look-ups, a mutex to add) and the stems (kb/stem.c, under a mutex with
 * the Snowball stemmers, which keep per-call state). So one engine serves
 * every thread of a pool (extract/parallel.c). dyad_engine_use_dict() is
 * the one call that changes it: not while documents are being extracted.
 */
#ifndef DYAD_KB_ENGINE_H
#define DYAD_KB_ENGINE_H

#include <stddef.h>

#include "core/arena.h"
#include "core/hash.h"
#include "dyad.h"
#include "kb/stem.h"

struct dyad__lang;
struct dyad__meta_lexicon;
struct dyad__gazetteer;
struct dyad__verbs;
struct dyad__amount_lexicon;
struct dyad__stem_cache;
struct dyad__forms;
struct dyad__html_lexicon;
struct dyad__grammar_pool;

struct dyad__cameo {
	struct dyad_cameo_code *codes; /* sorted by code, in the engine arena */
	size_t n_codes;
	struct dyad_hash by_code;      /* code -> index */
	/* by root: the code of intending it, "keep" or "drop" (intent.tsv) */
	const char *intent_code[21];
};

struct dyad_engine {
	struct dyad_arena arena;       /* all loaded knowledge */
	char *data_dir;
	struct dyad__lang *langs;      /* kb/lang.c: languages.tsv order, heap */
	size_t n_langs;
	const struct dyad__lang *lang_of_script[DYAD_N_SCRIPTS]; /* the first
	                                  language claiming each script, or NULL */
	struct dyad__stem_cache *stems; /* kb/stem.c: memo of stems (locked) */
	struct dyad__forms *forms;     /* kb/forms.c: memo of word forms, made
	                                  last (its records read every lexicon) */
	struct dyad__cameo cameo;
	struct dyad__meta_lexicon *meta;  /* kb/meta.c */
	struct dyad__gazetteer *gaz;      /* kb/gazetteer.c */
	struct dyad__verbs *verbs;        /* kb/verbs.c */
	struct dyad__amount_lexicon *amounts; /* kb/amounts.c */
	struct dyad__html_lexicon *html;  /* kb/html.c */
	const dyad_dict *dict;          /* borrowed user dictionaries, or NULL */
	enum dyad_dict_mode dict_mode;
	double min_confidence;          /* events under it are dropped, when */
	int min_confidence_set;         /* set (events/confidence.c); else
	                                   DYAD_MIN_CONFIDENCE */
	/* the grammar stage's work areas not in use (parse/engine.c): a thread
	 * takes one per document and gives it back, under the pool's lock */
	struct dyad__grammar_pool *grammar_pool;
};

/*
 * Opening in two layers: dyad_engine_open() (parse/engine.c, above the
 * stages' models) opens the knowledge base here, then loads each
 * language's grammar model; dyad_engine_free() frees them, then this.
 * The same contract as dyad_engine_open() / dyad_engine_free() otherwise.
 */
dyad_status dyad__engine_open_knowledge(const char *data_dir, dyad_engine **out,
                                        char *errmsg);
void dyad__engine_free_knowledge(dyad_engine *engine);

/* The CAMEO code record for code, or NULL when unknown. */
const struct dyad_cameo_code *dyad__cameo_find(const dyad_engine *engine,
                                               const char *code);

/* Reads data/cameo/ (events.tsv, intent.tsv); fills errmsg on failure. */
dyad_status dyad__cameo_load(dyad_engine *engine, char *errmsg);

#endif
