/*
 * utf8.h - decoding, validating and case-folding UTF-8 byte strings.
 *
 * Character properties (letter, upper case, script) come from ICU so that
 * every script behaves the same way; these helpers only walk the bytes.
 */
#ifndef DYAD_CORE_UTF8_H
#define DYAD_CORE_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Replacement for bytes that do not decode. */
#define DYAD_UTF8_INVALID 0xFFFDu

/*
 * Decode the code point at s[*i] (n bytes in s) and advance *i past it.
 * Malformed or truncated sequences yield DYAD_UTF8_INVALID and advance one
 * byte, so callers always make progress.
 */
uint32_t dyad_utf8_next(const char *s, size_t n, size_t *i);

/* 1 if (s, n) is well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF). */
int dyad_utf8_valid(const char *s, size_t n);

/* Encode cp into out (4 bytes room); returns the number of bytes written. */
size_t dyad_utf8_encode(uint32_t cp, char *out);

/*
 * Append the lower-case form of (s, n) to out, which has room for cap bytes
 * (lower-casing never grows Latin/Cyrillic text; output is cut at cap).
 * Returns the bytes written; out is NUL-terminated when cap > 0.
 */
size_t dyad_utf8_lower(const char *s, size_t n, char *out, size_t cap);

/* Character classes used by the tokenizer and the recognisers. */
int dyad_cp_is_letter(uint32_t cp);
int dyad_cp_is_upper(uint32_t cp);
int dyad_cp_is_digit(uint32_t cp);
int dyad_cp_is_space(uint32_t cp);
int dyad_cp_is_cyrillic(uint32_t cp);
int dyad_cp_is_latin(uint32_t cp);

#endif
