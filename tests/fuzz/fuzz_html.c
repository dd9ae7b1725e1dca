/*
 * fuzz_html.c - libFuzzer target for HTML pages (src/read/html.c): the
 * charset sniffed from the head, the page decoded as the reader would, then
 * reduced to its article with its facts (meta tags, JSON-LD, dates), with
 * the knowledge of data/html/ from the engine loaded once, as the CLI
 * reduces pages. The article text must be one NUL-terminated string of the
 * length given.
 */
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "dyad.h"
#include "fuzzlib.h"
#include "read/decode.h"
#include "read/html.h"

#define FUZZ_CHARSET_MAX 64

static dyad_engine *engine;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!engine) {
		char msg[DYAD_ERRMSG_MAX];
		if (dyad_engine_open(NULL, &engine, msg) != DYAD_OK) {
			fprintf(stderr, "fuzz_html: %s\n", msg);
			abort();
		}
	}
	const char *bytes = (const char *)data;
	char err[DYAD_ERRMSG_MAX], charset[FUZZ_CHARSET_MAX];
	dyad__html_charset(bytes, size, charset, sizeof charset);
	(void)dyad__html_sniff(bytes, size);
	struct dyad_buf text;
	dyad_buf_init(&text, 0);
	if (dyad__decode(bytes, size, charset[0] ? charset : NULL, &text, NULL, err) ==
	    DYAD_OK) {
		struct dyad_arena arena;
		struct dyad__html_page page;
		dyad_arena_init(&arena, DYAD_ARENA_DOC_CAP);
		if (dyad__html_reduce(engine, text.data, text.len, &arena, &page, err) == DYAD_OK &&
		    strlen(page.text) != page.text_len)
			abort();
		dyad_arena_release(&arena);
	}
	dyad_buf_release(&text);
	return 0;
}
