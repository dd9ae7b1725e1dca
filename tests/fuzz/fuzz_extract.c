/*
 * fuzz_extract.c - libFuzzer target for dyad_extract() as a whole: every
 * stage after reading, on the engine loaded once from data/. The bytes go
 * through the reader's decoding first (dyad_extract takes UTF-8 text, as
 * the reader guarantees), and the first byte picks plain text or an HTML
 * page reduced the reader's way, with or without facts from a container.
 * The result must be writable as JSON, and its spans must lie in its text.
 */
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "dyad.h"
#include "fuzzlib.h"
#include "read/decode.h"
#include "read/html.h"

static dyad_engine *engine;
static FILE *sink;

static void check_spans(const struct dyad_doc *doc)
{
	for (size_t i = 0; i < doc->n_events; i++)
		if (doc->events[i].span.end > doc->text_len ||
		    doc->events[i].span.start > doc->events[i].span.end)
			abort();
	for (size_t i = 0; i < doc->n_entities; i++)
		for (size_t k = 0; k < doc->entities[i].n_mentions; k++)
			if (doc->entities[i].mentions[k].end > doc->text_len)
				abort();
}

static void extract(const char *text, size_t len, int facts)
{
	struct dyad_input in;
	memset(&in, 0, sizeof in);
	in.path = "fuzz";
	in.text = text;
	in.text_len = len;
	in.format = DYAD_FORMAT_TEXT;
	if (facts) {
		in.title = "Talks in Baku";
		in.published = "2024-02-29";
		in.source = "Trend";
	}
	struct dyad_doc *doc;
	if (dyad_extract(engine, &in, &doc) != DYAD_OK)
		return;
	check_spans(doc);
	if (dyad_doc_write_json(doc, sink) != DYAD_OK)
		abort();
	dyad_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!engine) {
		char err[DYAD_ERRMSG_MAX];
		if (dyad_engine_open(NULL, &engine, err) != DYAD_OK) {
			fprintf(stderr, "fuzz_extract: %s\n", err);
			abort();
		}
		sink = fopen("/dev/null", "w");
		if (!sink)
			abort();
	}
	if (size == 0)
		return 0;
	char err[DYAD_ERRMSG_MAX];
	struct dyad_buf text;
	dyad_buf_init(&text, 0);
	if (dyad__decode((const char *)data + 1, size - 1, NULL, &text, NULL, err) ==
	    DYAD_OK) {
		if (data[0] & 1) {
			struct dyad_arena arena;
			struct dyad__html_page page;
			dyad_arena_init(&arena, DYAD_ARENA_DOC_CAP);
			if (dyad__html_reduce(engine, text.data, text.len, &arena, &page, err) == DYAD_OK)
				extract(page.text, page.text_len, data[0] & 2);
			dyad_arena_release(&arena);
		} else {
			extract(text.data, text.len, data[0] & 2);
		}
	}
	dyad_buf_release(&text);
	return 0;
}
