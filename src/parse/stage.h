/*
 * parse/stage.h - the grammar stage of the pipeline: the sentences of a
 * document tagged, lemmatised and parsed by their language's model, the
 * analysis of each token written into the working state (doc/work.h:
 * w->grammar, w->lemmas, s->analysed).
 *
 * The driver (extract/pipeline.c) calls it after the entities, so that the
 * filter can ask for actor mentions; `dyad parse` analyses every sentence.
 */
#ifndef DYAD_PARSE_STAGE_H
#define DYAD_PARSE_STAGE_H

#include <stddef.h>

#include "doc/work.h"

/* Which sentences the stage analyses. */
enum dyad__grammar_scope {
	DYAD_GRAMMAR_EVENT_SENTENCES, /* those dyad__grammar_wanted() keeps */
	DYAD_GRAMMAR_EVERY_SENTENCE,
};

/*
 * Whether the pipeline analyses sentence s_idx: it can hold an event. For
 * now: a word the predicate lexicon (data/verbs, kb/verbs.h) has patterns
 * for and at least one mention of an entity. The one place to change when
 * the lexicon becomes one of lemmas.
 */
int dyad__grammar_wanted(const struct dyad__work *w, size_t s_idx);

/* Analyse the sentences of the scope whose language has a model.
 * DYAD_ENOMEM (or DYAD_ETOOBIG past the bound of work.h). */
dyad_status dyad__grammar_extract(struct dyad__work *w, enum dyad__grammar_scope scope);

/* Every sentence analysed, and the document's CoNLL-U (conllu_doc.h) kept
 * in w->doc->conllu (the result's arena). A sentence of a language with no
 * model is left out. DYAD_ENOMEM. */
dyad_status dyad__grammar_extract_conllu(struct dyad__work *w);

#endif
