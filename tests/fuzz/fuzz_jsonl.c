/*
 * fuzz_jsonl.c - libFuzzer target for one JSON Lines record
 * (src/read/jsonl.c): any bytes as one line; a record that parses has its
 * text or its html, each a string of the length given.
 */
#include <string.h>

#include "core/arena.h"
#include "dyad.h"
#include "fuzzlib.h"
#include "read/jsonl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[DYAD_ERRMSG_MAX];
	struct dyad_arena arena;
	struct dyad__jsonl_record rec;
	dyad_arena_init(&arena, DYAD_ARENA_DOC_CAP);
	(void)dyad__jsonl_blank((const char *)data, size);
	if (dyad__jsonl_parse((const char *)data, size, 1, &arena, &rec, err) == DYAD_OK) {
		if (!rec.text && !rec.html)
			abort();
		if (rec.text && memchr(rec.text, '\0', rec.text_len + 1) == NULL)
			abort(); /* copies are NUL-terminated */
	}
	dyad_arena_release(&arena);
	return 0;
}
