/*
 * decode.h - from the bytes of a file to UTF-8 text with LF line ends.
 *
 * The second step of the read stage, right after source.c: every document
 * (plain text, the HTML page before it is parsed, the "text" of a JSON Lines
 * record) goes through dyad__decode so that the stages after it only ever
 * see well-formed UTF-8 with '\n' line ends.
 *
 *   - UTF-8 with or without a BOM; UTF-16/UTF-32 with a BOM, and UTF-16
 *     without one when its NUL pattern gives it away;
 *   - bytes that are not UTF-8: the charset the container declared (HTML
 *     meta charset), else a guess between Windows-1251 and KOI8-R (Russian
 *     letter frequencies, runs of high bytes) and Windows-1252 (Latin-1);
 *     text that is none of these is refused with DYAD_EENCODING rather than
 *     turned into mojibake; mostly-UTF-8 text with a few broken bytes keeps
 *     its UTF-8 and gets U+FFFD for the broken ones;
 *   - NUL bytes or many control characters: DYAD_EBINARY;
 *   - nothing but white space: DYAD_EEMPTY.
 * ICU's converters (ucnv) do the conversions.
 */
#ifndef DYAD_READ_DECODE_H
#define DYAD_READ_DECODE_H

#include <stddef.h>

#include "core/buf.h"
#include "dyad.h"

/* What the bytes were found to be. */
enum dyad__encoding {
	DYAD_ENC_UTF8 = 0,
	DYAD_ENC_UTF8_REPAIRED, /* UTF-8 with broken bytes replaced by U+FFFD */
	DYAD_ENC_UTF16LE,
	DYAD_ENC_UTF16BE,
	DYAD_ENC_UTF32LE,
	DYAD_ENC_UTF32BE,
	DYAD_ENC_CP1251,
	DYAD_ENC_KOI8R,
	DYAD_ENC_CP1252,
	DYAD_ENC_DECLARED,      /* the charset the caller passed */
};

/* Share of control characters (in percent) above which bytes are binary. */
#define DYAD_BINARY_CTRL_PERCENT 10

/*
 * Decode (bytes, len) into out, which is reset first; out->cap is ignored
 * (the input is already bounded) so the result may be up to three times len.
 * charset is the name a container declared ("windows-1251"), or NULL; it is
 * used only when the bytes are not valid UTF-8. *enc (may be NULL) says what
 * was decoded. Returns DYAD_OK, DYAD_EEMPTY, DYAD_EBINARY, DYAD_EENCODING or
 * DYAD_ENOMEM with errmsg (DYAD_ERRMSG_MAX bytes) filled.
 */
dyad_status dyad__decode(const char *bytes, size_t len, const char *charset,
                         struct dyad_buf *out, enum dyad__encoding *enc,
                         char *errmsg);

/* Turn CRLF and lone CR into LF in place; returns the new length. */
size_t dyad__newlines_to_lf(char *s, size_t len);

/* 1 when the UTF-8 (s, len) holds nothing but white space (or is empty). */
int dyad__is_blank(const char *s, size_t len);

/* "UTF-8", "Windows-1251", ...: static storage. */
const char *dyad__encoding_name(enum dyad__encoding enc);

#endif
