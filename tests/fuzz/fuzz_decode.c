/*
 * fuzz_decode.c - libFuzzer target for charset decoding (src/read/decode.c):
 * BOMs, UTF-16, UTF-8 repair, the legacy Cyrillic and Latin charsets, and a
 * declared charset that may be anything. The first byte picks the declared
 * charset; the rest are the document's bytes. Decoded text must be one
 * NUL-free string of the length given.
 */
#include <string.h>

#include "core/buf.h"
#include "dyad.h"
#include "fuzzlib.h"
#include "read/decode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const charsets[] = {
		NULL, "utf-8", "windows-1251", "koi8-r", "iso-8859-1", "utf-16le",
		"utf-16be", "x-no-such-charset", "",
	};
	if (size == 0)
		return 0;
	const char *charset = charsets[data[0] % (sizeof charsets / sizeof charsets[0])];
	char err[DYAD_ERRMSG_MAX];
	struct dyad_buf text;
	dyad_buf_init(&text, 0);
	if (dyad__decode((const char *)data + 1, size - 1, charset, &text, NULL, err) ==
	        DYAD_OK &&
	    (!text.data || strlen(text.data) != text.len))
		abort();
	dyad_buf_release(&text);
	return 0;
}
