/*
 * fuzz_read.c - libFuzzer target for the read stage as a whole: the bytes
 * become a file whose name the first byte picks (.txt, .html, .jsonl,
 * .txt.gz), and the reader is given that file and its folder, so source.c
 * (reading, gzip streaming, the size cap), format.c (guessing), folder.c
 * (walking) and reader.c (JSON Lines lines, documents) all see them. The
 * parsers inside have targets of their own (fuzz_decode, fuzz_html,
 * fuzz_jsonl, fuzz_gzip); this one is about how the reader joins them.
 *
 * (A five-minute run of an earlier version found one bug, since fixed: an
 * unterminated scratch buffer in html.c.)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dyad.h"
#include "fuzzlib.h"

#define FUZZ_PATH_MAX 256

static dyad_engine *engine; /* for pages, as the CLI reads them */

static void through_reader(const uint8_t *data, size_t size)
{
	static const char *const names[] = {"doc.txt", "doc.html", "doc.jsonl",
	                                    "doc.txt.gz"};
	if (size == 0)
		return;
	char dir[FUZZ_PATH_MAX], path[FUZZ_PATH_MAX];
	snprintf(dir, sizeof dir, "%s/dyad-fuzz-XXXXXX",
	         access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
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
			dyad_reader_set_engine(r, engine);
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
	if (!engine) {
		char msg[DYAD_ERRMSG_MAX];
		if (dyad_engine_open(NULL, &engine, msg) != DYAD_OK) {
			fprintf(stderr, "fuzz_read: %s\n", msg);
			abort();
		}
	}
	through_reader(data, size);
	return 0;
}
