/*
 * fuzz_read.c - libFuzzer target for the read stage: every parser of
 * outside input that src/read has (charset decoding, HTML reduction, JSON
 * Lines records, gzip) gets the fuzzer's bytes, and so does the whole
 * reader through a temporary file whose name the first byte picks
 * (.txt, .html, .jsonl, .txt.gz), so that source.c, format.c and reader.c
 * are covered too.
 *
 * Not built by `make`. It is built straight from the library's sources with
 * clang, from the repository root (the HTML reader reads human-written dates
 * with the knowledge base's date reader, which links most of the library;
 * pages are reduced without an engine, by structure alone):
 *
 *   mkdir -p build-fuzz/corpus-read
 *   clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined \
 *     -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc \
 *     tests/fuzz/fuzz_read.c $(find src -name '*.c' ! -path 'src/cli*') \
 *     $(pkg-config --cflags --libs sqlite3 gumbo jansson zlib icu-uc icu-i18n \
 *       libexttextcat) -lstemmer -lm \
 *     -o build-fuzz/fuzz_read
 *   build-fuzz/fuzz_read -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
 *     build-fuzz/corpus-read tests/fixtures/read
 *
 * (The fixtures make a good seed corpus. A five-minute run found one bug,
 * since fixed: an unterminated scratch buffer in html.c.)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/buf.h"
#include "dyad.h"
#include "read/decode.h"
#include "read/format.h"
#include "read/gzip.h"
#include "read/html.h"
#include "read/jsonl.h"

/* Inflated bytes kept from one input: enough to find bugs, not to hog. */
#define FUZZ_GUNZIP_CAP ((size_t)1 << 20)
#define FUZZ_PATH_MAX 256
#define FUZZ_CHARSET_MAX 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void reduce(const char *text, size_t len, struct dyad_arena *arena,
                   char *err)
{
	struct dyad__html_page page;
	if (dyad__html_reduce(NULL, text, len, arena, &page, err) == DYAD_OK &&
	    strlen(page.text) != page.text_len)
		abort(); /* the text must be one NUL-terminated string */
}

static void in_memory(const char *bytes, size_t size)
{
	char err[DYAD_ERRMSG_MAX];
	struct dyad_arena arena;
	dyad_arena_init(&arena, DYAD_ARENA_DOC_CAP);
	struct dyad_buf text;
	dyad_buf_init(&text, 0);

	char charset[FUZZ_CHARSET_MAX];
	dyad__html_charset(bytes, size, charset, sizeof charset);
	(void)dyad__html_sniff(bytes, size);
	(void)dyad__format_guess("fuzz", bytes, size);
	if (dyad__decode(bytes, size, charset[0] ? charset : NULL, &text, NULL,
	                 err) == DYAD_OK) {
		if (strlen(text.data) != text.len)
			abort(); /* decoded text has no NUL bytes */
		reduce(text.data, text.len, &arena, err);
	}

	struct dyad__jsonl_record rec;
	if (dyad__jsonl_parse(bytes, size, 1, &arena, &rec, err) == DYAD_OK &&
	    rec.html && dyad__decode(rec.html, rec.html_len, NULL, &text, NULL,
	                             err) == DYAD_OK)
		reduce(text.data, text.len, &arena, err);

	struct dyad_buf inflated;
	dyad_buf_init(&inflated, FUZZ_GUNZIP_CAP);
	(void)dyad__gunzip_buf(bytes, size, &inflated, err);
	dyad_buf_release(&inflated);

	dyad_buf_release(&text);
	dyad_arena_release(&arena);
}

static void through_reader(const uint8_t *data, size_t size)
{
	static const char *const names[] = {"doc.txt", "doc.html", "doc.jsonl",
	                                    "doc.txt.gz"};
	if (size == 0)
		return;
	char dir[FUZZ_PATH_MAX], path[FUZZ_PATH_MAX];
	snprintf(dir, sizeof dir, "%s/dyad-fuzz-XXXXXX",
	         getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(dir))
		return;
	snprintf(path, sizeof path, "%s/%s", dir,
	         names[data[0] % (sizeof names / sizeof names[0])]);
	FILE *f = fopen(path, "wb");
	if (f) {
		fwrite(data + 1, 1, size - 1, f);
		fclose(f);
		const char *paths[] = {path, dir};
		dyad_reader *r;
		if (dyad_reader_open(paths, 2, DYAD_FORMAT_AUTO, &r) == DYAD_OK) {
			const struct dyad_input *in;
			while (dyad_reader_next(r, &in) == DYAD_OK)
				if (in->status == DYAD_OK && strlen(in->text) != in->text_len)
					abort();
			dyad_reader_free(r);
		}
		unlink(path);
	}
	rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	in_memory((const char *)data, size);
	through_reader(data, size);
	return 0;
}
