/*
 * fuzz_gzip.c - libFuzzer target for gzip data (src/read/gzip.c): a whole
 * buffer inflated under a cap, and the same bytes fed to the streaming
 * calls in chunks whose size the first byte picks, as the reader feeds a
 * file. Both must agree on whether the data is good and, when it is, on
 * how many bytes it inflates to.
 */
#include <string.h>

#include "core/buf.h"
#include "dyad.h"
#include "fuzzlib.h"
#include "read/gzip.h"

/* Inflated bytes kept from one input: enough to find bugs, not to hog. */
#define FUZZ_GUNZIP_CAP ((size_t)1 << 20)
#define FUZZ_OUT_CHUNK 4096

/* Streamed: DYAD_OK with *total, DYAD_ETOOBIG past the cap, else the error. */
static dyad_status stream(const uint8_t *in, size_t len, size_t chunk,
                          size_t *total)
{
	static unsigned char out[FUZZ_OUT_CHUNK];
	char err[DYAD_ERRMSG_MAX];
	struct dyad__gunzip gz;
	*total = 0;
	dyad_status st = dyad__gunzip_init(&gz);
	size_t at = 0, want = chunk;
	/* As source.c does: step until a call neither reads nor writes (zlib
	 * may still hold output when the input is all read). */
	while (st == DYAD_OK) {
		size_t n = len - at < want ? len - at : want, used = 0, made = 0;
		st = dyad__gunzip_step(&gz, in + at, n, &used, out, sizeof out, &made, err);
		at += used;
		*total += made;
		if (*total > FUZZ_GUNZIP_CAP) {
			st = DYAD_ETOOBIG;
		} else if (st == DYAD_OK && used == 0 && made == 0) {
			if (at + n >= len)
				break;
			want += chunk; /* it waits for more bytes, as source.c gives */
		} else {
			want = chunk;
		}
	}
	if (st == DYAD_OK)
		st = dyad__gunzip_finish(&gz, err);
	dyad__gunzip_end(&gz);
	return st;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	char err[DYAD_ERRMSG_MAX];
	struct dyad_buf whole;
	dyad_buf_init(&whole, FUZZ_GUNZIP_CAP);
	dyad_status a = dyad__gunzip_buf(data + 1, size - 1, &whole, err);
	size_t total;
	dyad_status b = stream(data + 1, size - 1, (size_t)(data[0] % 64) + 1, &total);
	if (a == DYAD_OK && b == DYAD_OK && total != whole.len)
		abort();
	dyad_buf_release(&whole);
	(void)dyad__gzip_magic(data, size);
	return 0;
}
