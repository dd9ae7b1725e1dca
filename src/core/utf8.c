/*
 * utf8.c - UTF-8 walking plus ICU character properties (see utf8.h).
 */
#include "core/utf8.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

uint32_t dyad__utf8_decode(const char *s, size_t n, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t left = n - *i;
	uint32_t c = p[0];
	if (c < 0x80) {
		*i += 1;
		return c;
	}
	size_t len;
	uint32_t min;
	if ((c & 0xE0) == 0xC0) {
		len = 2;
		c &= 0x1F;
		min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		len = 3;
		c &= 0x0F;
		min = 0x800;
	} else if ((c & 0xF8) == 0xF0) {
		len = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		*i += 1;
		return DYAD_UTF8_INVALID;
	}
	if (left < len) {
		*i += 1;
		return DYAD_UTF8_INVALID;
	}
	for (size_t k = 1; k < len; k++) {
		if ((p[k] & 0xC0) != 0x80) {
			*i += 1;
			return DYAD_UTF8_INVALID;
		}
		c = (c << 6) | (p[k] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*i += 1;
		return DYAD_UTF8_INVALID;
	}
	*i += len;
	return c;
}

int dyad_utf8_valid(const char *s, size_t n)
{
	size_t i = 0;
	const unsigned char *u = (const unsigned char *)s;
	while (i < n) {
		uint64_t eight;
		if (u[i] < 0x80) {
			if (n - i >= 8 && (memcpy(&eight, s + i, 8), !(eight & 0x8080808080808080ull)))
				i += 8; /* eight ASCII bytes at once */
			else
				i++;
			continue;
		}
		if (u[i] >= 0xC2 && u[i] <= 0xDF && n - i >= 2 && (u[i + 1] & 0xC0) == 0x80) {
			i += 2; /* two bytes: Latin, Cyrillic */
			continue;
		}
		size_t before = i;
		uint32_t cp = dyad_utf8_next(s, n, &i);
		if (cp == DYAD_UTF8_INVALID && i == before + 1)
			return 0;
	}
	return 1;
}

size_t dyad_utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t dyad_utf8_lower(const char *s, size_t n, char *out, size_t cap)
{
	size_t i = 0, w = 0;
	if (!cap)
		return 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) { /* a run of ASCII needs no tables */
			size_t room = cap - 1 - w, k = 0;
			if (room == 0)
				break;
			size_t lim = n - i < room ? n - i : room;
			const uint64_t ones = 0x0101010101010101ull, highs = ones * 0x80;
			uint64_t v;
			while (lim - k >= 8 && (memcpy(&v, s + i + k, 8), !(v & highs))) {
				/* eight ASCII bytes: the high bit of each of A..Z, moved to 0x20 */
				uint64_t caps = ((v + ones * (0x80 - 'A')) ^ (v + ones * (0x80 - 'Z' - 1))) & highs;
				v |= caps >> 2;
				memcpy(out + w + k, &v, 8);
				k += 8;
			}
			if (k == lim) {
				i += k;
				w += k;
				continue;
			}
			do {
				unsigned char d = (unsigned char)s[i + k];
				if (d >= 0x80)
					break;
				out[w + k] = (char)(d | (unsigned char)((unsigned)(d - 'A') < 26u) << 5);
			} while (++k < lim);
			i += k;
			w += k;
			continue;
		}
		if ((c == 0xD0 || c == 0xD1) && i + 1 < n && w + 2 < cap) {
			/* basic Cyrillic, two bytes in, two out, on the bytes: А..П
			 * D0 90..9F, Р..Я D0 A0..AF, а..п D0 B0..BF, р..я D1 80..8F;
			 * ё and Ё (D1 91, D0 81) are written е (D0 B5) in most Russian text */
			unsigned char d = (unsigned char)s[i + 1];
			unsigned char o0 = 0, o1 = 0;
			if (c == 0xD0 && d >= 0x90 && d <= 0x9F)
				o0 = 0xD0, o1 = (unsigned char)(d + 0x20);
			else if (c == 0xD0 && d >= 0xA0 && d <= 0xAF)
				o0 = 0xD1, o1 = (unsigned char)(d - 0x20);
			else if ((c == 0xD0 && d >= 0xB0 && d <= 0xBF) || (c == 0xD1 && d >= 0x80 && d <= 0x8F))
				o0 = c, o1 = d;
			else if ((c == 0xD0 && d == 0x81) || (c == 0xD1 && d == 0x91))
				o0 = 0xD0, o1 = 0xB5;
			if (o0) {
				out[w++] = (char)o0;
				out[w++] = (char)o1;
				i += 2;
				continue;
			}
		}
		uint32_t cp = dyad_utf8_next(s, n, &i);
		if (cp >= 0x0410 && cp <= 0x042F)
			cp += 0x20; /* А..Я */
		else if (!(cp >= 0x0430 && cp <= 0x044F))
			cp = (uint32_t)u_tolower((UChar32)cp);
		if (cp == 0x0451) /* ё: written е in most Russian text */
			cp = 0x0435;
		char enc[4];
		size_t len = dyad_utf8_encode(cp, enc);
		if (w + len >= cap)
			break;
		for (size_t k = 0; k < len; k++)
			out[w++] = enc[k];
	}
	out[w] = '\0';
	return w;
}

/* The basic Cyrillic letters А..я and Ё/ё, the bulk of Russian text. */
static int basic_cyrillic(uint32_t cp)
{
	return (cp >= 0x0410 && cp <= 0x044F) || cp == 0x0401 || cp == 0x0451;
}

/* ASCII and basic Cyrillic answer without ICU: they are most of the text
 * (utf8.h answers them inline; these are the out-of-line forms). */
int dyad__cp_is_letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	if (basic_cyrillic(cp))
		return 1;
	return u_isalpha((UChar32)cp) || u_hasBinaryProperty((UChar32)cp, UCHAR_DIACRITIC);
}

int dyad__cp_is_upper(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	if (basic_cyrillic(cp))
		return cp <= 0x042F || cp == 0x0401;
	return u_isupper((UChar32)cp) || u_istitle((UChar32)cp);
}

int dyad_cp_is_digit(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	return u_isdigit((UChar32)cp);
}

int dyad_cp_is_space(uint32_t cp)
{
	return u_isUWhiteSpace((UChar32)cp);
}

int dyad_cp_is_cyrillic(uint32_t cp)
{
	if (cp < 0x80)
		return 0;
	if (basic_cyrillic(cp))
		return 1;
	UErrorCode err = U_ZERO_ERROR;
	return uscript_getScript((UChar32)cp, &err) == USCRIPT_CYRILLIC;
}

int dyad_cp_is_latin(uint32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	if (basic_cyrillic(cp))
		return 0;
	UErrorCode err = U_ZERO_ERROR;
	return uscript_getScript((UChar32)cp, &err) == USCRIPT_LATIN;
}
