/*
 * morph_key.c - UTF-8 <-> Windows-1251 for dictionary keys (morph_key.h).
 *
 * Only the letters the dictionary spells need a byte: ASCII, the 64 basic
 * Cyrillic letters (U+0410..U+044F <-> 0xC0..0xFF) and Ё/ё (0xA8/0xB8).
 * Anything else (other scripts, typographic signs) is not a key character,
 * which is what makes a form "no word" of the dictionary.
 */
#include "kb/morph_key.h"

#include <string.h>

#include "core/utf8.h"

#define CP_CYR_FIRST 0x0410u /* А */
#define CP_CYR_LAST 0x044Fu  /* я */
#define CP_CYR_LOWER 0x0430u /* а */
#define CP_YO_UPPER 0x0401u  /* Ё */
#define CP_YO_LOWER 0x0451u  /* ё */
#define KEY_CYR_FIRST 0xC0u
#define KEY_YO_UPPER 0xA8u
#define ASCII_MAX 0x7Fu

/* The lower-case byte of cp and whether cp was upper case; 0 when none. */
static uint8_t encode_cp(uint32_t cp, int *upper)
{
	*upper = 0;
	if (cp >= 'A' && cp <= 'Z') {
		*upper = 1;
		return (uint8_t)(cp - 'A' + 'a');
	}
	if (cp > 0 && cp <= ASCII_MAX)
		return (uint8_t)cp;
	if (cp >= CP_CYR_FIRST && cp <= CP_CYR_LAST) {
		*upper = cp < CP_CYR_LOWER;
		uint32_t lower = *upper ? cp + (CP_CYR_LOWER - CP_CYR_FIRST) : cp;
		return (uint8_t)(KEY_CYR_FIRST + (lower - CP_CYR_FIRST));
	}
	if (cp == CP_YO_UPPER || cp == CP_YO_LOWER) {
		*upper = cp == CP_YO_UPPER;
		return DYAD__KEY_YO;
	}
	return 0;
}

int dyad__key_is_letter(uint8_t c)
{
	return (c >= 'a' && c <= 'z') || c >= KEY_CYR_FIRST || c == DYAD__KEY_YO;
}

size_t dyad__key_encode(const char *s, size_t len, uint8_t *key, size_t cap, unsigned *shape,
                        uint64_t *upper_bits)
{
	size_t n = 0, n_letters = 0, n_upper = 0;
	uint64_t bits = 0;
	int first_upper = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp = dyad_utf8_next(s, len, &i);
		int upper;
		uint8_t c = encode_cp(cp, &upper);
		if (!c || n >= cap)
			return 0;
		if (dyad__key_is_letter(c)) {
			if (n_letters == 0)
				first_upper = upper;
			n_letters++;
			n_upper += (size_t)upper;
			if (upper)
				bits |= (uint64_t)1 << (n < 63 ? n : 63);
		}
		key[n++] = c;
	}
	if (shape)
		*shape = (first_upper ? DYAD__KEY_FIRST_UPPER : 0u) |
		         (n_letters > 1 && n_upper == n_letters ? DYAD__KEY_ALL_UPPER : 0u) |
		         (n_letters ? DYAD__KEY_HAS_LETTER : 0u);
	if (upper_bits)
		*upper_bits = bits;
	return n;
}

/* The code point of 1251 byte c, upper-cased when upper. */
static uint32_t decode_byte(uint8_t c, int upper)
{
	if (c == DYAD__KEY_YO)
		return upper ? CP_YO_UPPER : CP_YO_LOWER;
	if (c == KEY_YO_UPPER)
		return CP_YO_UPPER;
	if (c >= KEY_CYR_FIRST) {
		uint32_t cp = CP_CYR_FIRST + (uint32_t)(c - KEY_CYR_FIRST);
		return upper && cp >= CP_CYR_LOWER ? cp - (CP_CYR_LOWER - CP_CYR_FIRST) : cp;
	}
	if (upper && c >= 'a' && c <= 'z')
		return (uint32_t)(c - 'a' + 'A');
	return c <= ASCII_MAX ? c : DYAD_UTF8_INVALID;
}

size_t dyad__key_decode(const uint8_t *key, size_t n, uint64_t upper, char *out, size_t cap)
{
	size_t w = 0;
	for (size_t i = 0; i < n; i++) {
		int up = (int)((upper >> (i < 63 ? i : 63)) & 1);
		char buf[4];
		size_t k = dyad_utf8_encode(decode_byte(key[i], up), buf);
		if (w + k > cap)
			return SIZE_MAX;
		memcpy(out + w, buf, k);
		w += k;
	}
	return w;
}
