/*
 * parse/engine.h - the grammar side of an engine: dyad_engine_open() (here)
 * opens the knowledge base (kb/engine.c), then loads the grammar model each
 * language's lang.tsv names (key grammar) with the dictionary kb/lang.c
 * loaded for it; dyad_engine_free() releases both. Models are immutable
 * once loaded and shared by every thread.
 *
 * A document's grammar stage needs a work area (parse/grammar.h: grown
 * buffers of the tagger and parser). Threads take one from the engine's
 * pool for a document and give it back, so a pool of n workers keeps n of
 * them warm, and a thread never allocates per sentence once they are grown.
 */
#ifndef DYAD_PARSE_ENGINE_H
#define DYAD_PARSE_ENGINE_H

#include "dyad.h"

struct dyad_grammar_work;
struct dyad__lang;

/* The loaded model of lang, or NULL when its lang.tsv names none. */
const struct dyad_grammar *dyad__lang_model(const struct dyad__lang *lang);

/* A work area from the engine's pool (or a new one): *out is the caller's
 * until dyad__grammar_work_give. DYAD_ENOMEM. Safe from several threads. */
dyad_status dyad__grammar_work_take(const dyad_engine *engine, struct dyad_grammar_work **out);

/* Give w back to the pool (freed when the pool is full); NULL is allowed. */
void dyad__grammar_work_give(const dyad_engine *engine, struct dyad_grammar_work *w);

#endif
