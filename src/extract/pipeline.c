/*
 * pipeline.c - dyad_extract(): run one raw document through every stage and
 * freeze the result into a struct dyad_doc that owns its arena.
 *
 * The driver sits above every stage it calls (the stages never call each
 * other's entry points): text/normalise -> meta -> text/segment ->
 * text/tokenize -> entities -> parse/stage (the grammar of the sentences
 * that can hold an event) -> events (own coder, then the user's
 * dictionaries) -> extract/quotes -> extract/amounts -> doc/freeze.
 */
#include <string.h>

#include "entities/entities.h"
#include "events/events.h"
#include "extract/extract.h"
#include "kb/engine.h"
#include "meta/meta.h"
#include "parse/stage.h"
#include "text/text.h"

static const char *copy_or_null(struct dyad_arena *arena, const char *s,
                                int *oom)
{
	if (!s)
		return NULL;
	char *c = dyad_arena_strdup(arena, s);
	if (!c)
		*oom = 1;
	return c;
}

/* The article text: after the lines the reader marked as the headline, else
 * from the line the metadata stage took for the start of the body. */
static struct dyad_span body_span(const struct dyad__work *w)
{
	size_t first = w->input->head_lines ? w->input->head_lines : w->body_line;
	while (first < w->n_lines && (w->lines[first].flags & DYAD_LINE_BLANK))
		first++;
	size_t last = w->n_lines;
	while (last > first && (w->lines[last - 1].flags & DYAD_LINE_BLANK))
		last--;
	struct dyad_span span = {(uint32_t)w->len, (uint32_t)w->len};
	if (first < last) {
		/* from the line's first byte: the dateline stays part of the text */
		span.start = w->lines[first].start;
		while (span.start > 0 && w->text[span.start - 1] != '\n')
			span.start--;
		span.end = w->lines[last - 1].end;
	}
	return span;
}

/* What dyad_parse() runs: the text read as for extraction, then every
 * sentence's grammar; no entities, events, quotes or amounts. */
static dyad_status run_grammar_stages(struct dyad__work *w)
{
	dyad_status st;
	if ((st = dyad__segment(w)) != DYAD_OK || (st = dyad__tokenize(w)) != DYAD_OK ||
	    (st = dyad__grammar_extract_conllu(w)) != DYAD_OK)
		return st;
	return dyad__work_freeze(w);
}

static dyad_status run_stages(struct dyad__work *w, int grammar_only)
{
	const struct dyad_input *in = w->input;
	dyad_status st;
	if ((st = dyad__normalise(w, in->text, in->text_len)) != DYAD_OK)
		return st;
	w->doc->text = w->text;
	w->doc->text_len = w->len;
	w->doc->id = dyad__digest_hex(w->arena, w->text, w->len);
	if (!w->doc->id)
		return DYAD_ENOMEM;
	if ((st = dyad__meta_extract(w)) != DYAD_OK)
		return st;
	w->doc->body = body_span(w);
	if (grammar_only)
		return run_grammar_stages(w);
	if ((st = dyad__segment(w)) != DYAD_OK ||
	    (st = dyad__tokenize(w)) != DYAD_OK ||
	    (st = dyad__entities_extract(w)) != DYAD_OK ||
	    (st = dyad__grammar_extract(w, DYAD_GRAMMAR_EVENT_SENTENCES)) != DYAD_OK ||
	    (st = dyad__events_extract(w)) != DYAD_OK ||
	    (st = dyad__dict_events_extract(w)) != DYAD_OK ||
	    (st = dyad__quotes_extract(w)) != DYAD_OK ||
	    (st = dyad__amounts_extract(w)) != DYAD_OK)
		return st;
	return dyad__work_freeze(w);
}

static dyad_status extract(const dyad_engine *engine, const struct dyad_input *input,
                           struct dyad_doc **out, int grammar_only)
{
	*out = NULL;
	struct dyad_doc *doc = dyad__doc_new();
	if (!doc)
		return DYAD_ENOMEM;
	struct dyad_arena *arena = dyad__doc_arena(doc);
	int oom = 0;
	doc->path = copy_or_null(arena, input->path ? input->path : "-", &oom);
	doc->url = copy_or_null(arena, input->url, &oom);
	doc->lang = "und";
	doc->status = input->status;
	if (oom)
		goto nomem;
	if (input->status != DYAD_OK || !input->text) {
		if (doc->status == DYAD_OK)
			doc->status = DYAD_EEMPTY;
		doc->error = copy_or_null(arena,
		                          input->error ? input->error
		                                       : dyad_strerror(doc->status),
		                          &oom);
		if (oom)
			goto nomem;
		*out = doc;
		return DYAD_OK;
	}
	struct dyad__work w;
	memset(&w, 0, sizeof w);
	w.engine = engine;
	w.arena = arena;
	w.doc = doc;
	w.input = input;
	w.published_weekday = -1;
	struct dyad_arena scratch;
	dyad_arena_init(&scratch, DYAD_ARENA_DOC_CAP);
	w.scratch = &scratch;
	dyad_status st = run_stages(&w, grammar_only);
	if (st == DYAD_ENOMEM && scratch.refused)
		st = DYAD_ETOOBIG; /* past the bound of work.h, not out of memory */
	dyad_arena_release(&scratch);
	if (st != DYAD_OK) {
		/* Start over with an empty result that only says what failed. */
		dyad_doc_free(doc);
		struct dyad_input failed = *input;
		failed.status = st;
		failed.error = st == DYAD_ENOMEM    ? "out of memory while extracting"
		             : st == DYAD_ETOOBIG ? "too dense to analyse within the memory bound"
		                                  : dyad_strerror(st);
		failed.text = NULL;
		return extract(engine, &failed, out, grammar_only);
	}
	*out = doc;
	return DYAD_OK;
nomem:
	dyad_doc_free(doc);
	return DYAD_ENOMEM;
}

dyad_status dyad_extract(const dyad_engine *engine, const struct dyad_input *input,
                         struct dyad_doc **out)
{
	return extract(engine, input, out, 0);
}

dyad_status dyad_parse(const dyad_engine *engine, const struct dyad_input *input,
                       struct dyad_doc **out)
{
	return extract(engine, input, out, 1);
}
