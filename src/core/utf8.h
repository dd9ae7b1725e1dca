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
#include <string.h>

/* Replacement for bytes that do not decode. */
#define DYAD_UTF8_INVALID 0xFFFDu

/*
 * Decode the code point at s[*i] (n bytes in s) and advance *i past it.
 * Malformed or truncated sequences yield DYAD_UTF8_INVALID and advance one
 * byte, so callers always make progress. ASCII and two-byte letters (Latin,
 * Cyrillic: most text) are decoded inline; dyad__utf8_decode does the rest.
 */
uint32_t dyad__utf8_decode(const char *s, size_t n, size_t *i);
static inline uint32_t dyad_utf8_next(const char *s, size_t n, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	if (p[0] < 0x80) {
		*i += 1;
		return p[0];
	}
	if ((p[0] & 0xE0) == 0xC0 && p[0] >= 0xC2 && n - *i >= 2 && (p[1] & 0xC0) == 0x80) {
		*i += 2;
		return (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
	}
	return dyad__utf8_decode(s, n, i);
}

/*
 * The first position from i (i <= end) that is not a character to step
 * over: the ASCII bytes other than a, b, c (repeat one to look for fewer)
 * and the two-byte characters whose first byte is lead or above (0xE0: none
 * of them). The passes that look for a few marks only step over the rest,
 * runs of ASCII eight bytes at a time.
 */
static inline size_t dyad__skip_plain(const char *s, size_t i, size_t end, unsigned char a,
                                      unsigned char b, unsigned char c, unsigned char lead)
{
	const uint64_t ones = 0x0101010101010101ull, highs = ones * 0x80;
	const unsigned char *u = (const unsigned char *)s;
	while (i < end) {
		unsigned char ch = u[i];
		if (ch >= 0x80) {
			if (ch < lead || ch > 0xDF || end - i < 2 || (u[i + 1] & 0xC0) != 0x80)
				break;
			i += 2;
			continue;
		}
		if (ch == a || ch == b || ch == c)
			break;
		uint64_t v, x, y, z;
		if (end - i >= 8 && (memcpy(&v, s + i, 8), x = v ^ (ones * a), y = v ^ (ones * b),
		                     z = v ^ (ones * c),
		                     !((v | ((x - ones) & ~x) | ((y - ones) & ~y) | ((z - ones) & ~z)) &
		                       highs)))
			i += 8; /* none of the eight stops */
		else
			i++;
	}
	return i;
}

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

/* Character classes used by the tokenizer and the recognisers. ASCII and
 * the basic Cyrillic letters (А..я, Ё, ё) answer inline, the rest from ICU. */
int dyad__cp_is_letter(uint32_t cp);
int dyad__cp_is_upper(uint32_t cp);
static inline int dyad_cp_is_letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	if ((cp >= 0x0410 && cp <= 0x044F) || cp == 0x0401 || cp == 0x0451)
		return 1;
	return dyad__cp_is_letter(cp);
}
static inline int dyad_cp_is_upper(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	if ((cp >= 0x0410 && cp <= 0x044F) || cp == 0x0401 || cp == 0x0451)
		return cp <= 0x042F || cp == 0x0401;
	return dyad__cp_is_upper(cp);
}
int dyad_cp_is_digit(uint32_t cp);
int dyad_cp_is_space(uint32_t cp);
int dyad_cp_is_cyrillic(uint32_t cp);
int dyad_cp_is_latin(uint32_t cp);

#endif
