/*
 * pipeline.c - dyad_extract(): run one raw document through every stage and
 * freeze the result into a struct dyad_doc that owns its arena.
 */
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "extract/stages.h"
#include "lexicon/engine.h"

struct dyad__doc_private {
	struct dyad_arena arena;
};

void *dyad__work_push(struct dyad__work *w, void **items, size_t *n,
                      size_t *cap, size_t size)
{
	if (*n == *cap) {
		size_t grow = *cap ? *cap * 2 : 16;
		void *p = dyad_arena_grow(w->arena, *items, *n, grow, size);
		if (!p)
			return NULL;
		*items = p;
		*cap = grow;
	}
	char *slot = (char *)*items + (*n)++ * size;
	memset(slot, 0, size);
	return slot;
}

/* A 128-bit FNV-1a digest in hex: stable across runs and machines. */
static char *digest_hex(struct dyad_arena *arena, const char *s, size_t n)
{
	uint64_t a = 1469598103934665603ull, b = 0x84222325cbf29ce4ull;
	for (size_t i = 0; i < n; i++) {
		a = (a ^ (unsigned char)s[i]) * 1099511628211ull;
		b = (b ^ (unsigned char)s[n - 1 - i]) * 1099511628211ull;
	}
	char *hex = dyad_arena_alloc(arena, 33);
	if (hex)
		snprintf(hex, 33, "%016llx%016llx", (unsigned long long)a,
		         (unsigned long long)b);
	return hex;
}

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

/* Move the working entities into the public result. */
static dyad_status freeze_entities(struct dyad__work *w)
{
	struct dyad_doc *doc = w->doc;
	doc->entities = dyad_arena_calloc(w->arena, w->n_entities ? w->n_entities : 1,
	                                  sizeof *doc->entities);
	if (!doc->entities)
		return DYAD_ENOMEM;
	for (size_t i = 0; i < w->n_entities; i++) {
		const struct dyad__entity *e = &w->entities[i];
		struct dyad_entity *out = &doc->entities[i];
		out->kind = e->kind;
		out->name = e->name;
		out->country = e->country;
		out->role = e->role;
		out->actor = e->actor;
		out->lat = e->lat;
		out->lon = e->lon;
		out->has_coords = e->has_coords;
		out->mentions = dyad_arena_calloc(w->arena, e->n_mentions ? e->n_mentions : 1,
		                                  sizeof *out->mentions);
		if (!out->mentions)
			return DYAD_ENOMEM;
	}
	for (size_t m = 0; m < w->n_mentions; m++) {
		const struct dyad__mention *mention = &w->mentions[m];
		if (mention->entity < 0)
			continue;
		struct dyad_entity *out = &doc->entities[mention->entity];
		out->mentions[out->n_mentions].start = mention->start;
		out->mentions[out->n_mentions].end = mention->end;
		out->n_mentions++;
	}
	doc->n_entities = w->n_entities;
	return DYAD_OK;
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

static dyad_status run_stages(struct dyad__work *w)
{
	const struct dyad_input *in = w->input;
	dyad_status st;
	if ((st = dyad__normalise(w, in->text, in->text_len)) != DYAD_OK)
		return st;
	w->doc->text = w->text;
	w->doc->text_len = w->len;
	w->doc->id = digest_hex(w->arena, w->text, w->len);
	if (!w->doc->id)
		return DYAD_ENOMEM;
	if ((st = dyad__meta_extract(w)) != DYAD_OK)
		return st;
	w->doc->body = body_span(w);
	if ((st = dyad__segment(w)) != DYAD_OK ||
	    (st = dyad__tokenize(w)) != DYAD_OK ||
	    (st = dyad__entities_extract(w)) != DYAD_OK ||
	    (st = dyad__events_extract(w)) != DYAD_OK ||
	    (st = dyad__dict_events_extract(w)) != DYAD_OK ||
	    (st = dyad__quotes_extract(w)) != DYAD_OK ||
	    (st = dyad__amounts_extract(w)) != DYAD_OK)
		return st;
	if ((st = freeze_entities(w)) != DYAD_OK)
		return st;
	w->doc->events = w->events;
	w->doc->n_events = w->n_events;
	w->doc->quotes = w->quotes;
	w->doc->n_quotes = w->n_quotes;
	w->doc->amounts = w->amounts;
	w->doc->n_amounts = w->n_amounts;
	return DYAD_OK;
}

dyad_status dyad_extract(const dyad_engine *engine,
                         const struct dyad_input *input, struct dyad_doc **out)
{
	*out = NULL;
	struct dyad_doc *doc = dyad__calloc(1, sizeof *doc);
	struct dyad__doc_private *priv = dyad__calloc(1, sizeof *priv);
	if (!doc || !priv) {
		dyad__free(doc);
		dyad__free(priv);
		return DYAD_ENOMEM;
	}
	doc->priv = priv;
	dyad_arena_init(&priv->arena, DYAD_ARENA_DOC_CAP);
	int oom = 0;
	doc->path = copy_or_null(&priv->arena, input->path ? input->path : "-", &oom);
	doc->url = copy_or_null(&priv->arena, input->url, &oom);
	doc->lang = "und";
	doc->status = input->status;
	if (oom)
		goto nomem;
	if (input->status != DYAD_OK || !input->text) {
		if (doc->status == DYAD_OK)
			doc->status = DYAD_EEMPTY;
		doc->error = copy_or_null(&priv->arena,
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
	w.arena = &priv->arena;
	w.doc = doc;
	w.input = input;
	w.published_weekday = -1;
	dyad_status st = run_stages(&w);
	if (st != DYAD_OK) {
		/* Start over with an empty result that only says what failed. */
		dyad_doc_free(doc);
		struct dyad_input failed = *input;
		failed.status = st;
		failed.error = st == DYAD_ENOMEM ? "out of memory while extracting"
		                                 : dyad_strerror(st);
		failed.text = NULL;
		return dyad_extract(engine, &failed, out);
	}
	*out = doc;
	return DYAD_OK;
nomem:
	dyad_doc_free(doc);
	return DYAD_ENOMEM;
}

void dyad_doc_free(struct dyad_doc *doc)
{
	if (!doc)
		return;
	if (doc->priv) {
		dyad_arena_release(&doc->priv->arena);
		dyad__free(doc->priv);
	}
	dyad__free(doc);
}
