/*
 * decode.c - bytes to UTF-8 with LF line ends (see decode.h).
 *
 * Order of the checks: byte-order marks, BOM-less UTF-16, binary data,
 * valid UTF-8, nearly valid UTF-8, the declared charset, then the guess
 * between the single-byte charsets that news in English and Russian comes
 * in. The guess looks at the bytes 0x80-0xFF only:
 *   - Russian in Windows-1251 or KOI8-R is made of runs of high bytes (every
 *     letter is one), seldom touching an ASCII letter, and its most frequent
 *     letters (о е а и н т с р в л) sit at different codes in the two charsets,
 *     which tells them apart;
 *   - Latin-1 / Windows-1252 text is mostly ASCII with a few accented letters
 *     in between, and never uses the five codes 1252 leaves undefined.
 */
#include "read/decode.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/utypes.h>

#include "core/utf8.h"

/* BOM-less UTF-16: units with a zero high byte and a non-zero low byte ... */
#define UTF16_MIN_ASCII_PERCENT 10
/* ... and units whose high byte is a common script block, among all units. */
#define UTF16_MIN_PLAUSIBLE_PERCENT 95
#define UTF16_MIN_UNITS 2
/* Broken bytes allowed per 100 well-formed multi-byte UTF-8 characters. */
#define UTF8_MAX_BROKEN_PERCENT 5
/* Russian: share of high bytes that are letters, of letters in runs of two
 * or more, and of letters touching an ASCII letter. */
#define CYR_MIN_LETTER_PERCENT 80
#define CYR_MIN_RUN_PERCENT 70
#define CYR_MAX_MIXED_PERCENT 10
/* Latin-1: share of high bytes among all letters, at most. */
#define LATIN_MAX_HIGH_PERCENT 40
/* UTF-8 bytes per input byte at most for the charsets converted here. */
#define CONVERT_MAX_GROWTH 3
#define CONVERT_SLACK 16
/* Bytes of a charset name kept from the caller. */
#define CHARSET_NAME_MAX 64

static const unsigned char replacement_utf8[] = {0xEF, 0xBF, 0xBD};

/* The ten most frequent Russian letters, both cases, in each charset. */
static const unsigned char cp1251_top[] = {
	0xEE, 0xE5, 0xE0, 0xE8, 0xED, 0xF2, 0xF1, 0xF0, 0xE2, 0xEB,
	0xCE, 0xC5, 0xC0, 0xC8, 0xCD, 0xD2, 0xD1, 0xD0, 0xC2, 0xCB,
};
static const unsigned char koi8r_top[] = {
	0xCF, 0xC5, 0xC1, 0xC9, 0xCE, 0xD4, 0xD3, 0xD2, 0xD7, 0xCC,
	0xEF, 0xE5, 0xE1, 0xE9, 0xEE, 0xF4, 0xF3, 0xF2, 0xF7, 0xEC,
};
/* Codes Windows-1252 leaves undefined. */
static const unsigned char cp1252_undefined[] = {0x81, 0x8D, 0x8F, 0x90, 0x9D};

const char *dyad__encoding_name(enum dyad__encoding enc)
{
	switch (enc) {
	case DYAD_ENC_UTF8: return "UTF-8";
	case DYAD_ENC_UTF8_REPAIRED: return "UTF-8 (repaired)";
	case DYAD_ENC_UTF16LE: return "UTF-16LE";
	case DYAD_ENC_UTF16BE: return "UTF-16BE";
	case DYAD_ENC_UTF32LE: return "UTF-32LE";
	case DYAD_ENC_UTF32BE: return "UTF-32BE";
	case DYAD_ENC_CP1251: return "windows-1251";
	case DYAD_ENC_KOI8R: return "KOI8-R";
	case DYAD_ENC_CP1252: return "windows-1252";
	case DYAD_ENC_DECLARED: return "declared charset";
	}
	return "unknown";
}

static dyad_status set_error(char *errmsg, dyad_status st, const char *msg)
{
	int n = snprintf(errmsg, DYAD_ERRMSG_MAX, "%s", msg);
	(void)n;
	return st;
}

/* ICU: convert (bytes, len) from charset `from` and append to out. */
static dyad_status convert(const char *from, const unsigned char *bytes,
                           size_t len, struct dyad_buf *out, char *errmsg)
{
	if (len > (size_t)(INT32_MAX - CONVERT_SLACK) / CONVERT_MAX_GROWTH)
		return set_error(errmsg, DYAD_ETOOBIG, "too large to convert");
	size_t cap_before = out->cap;
	out->cap = 0; /* the caller bounded the input; growth is expected */
	int32_t room = (int32_t)(len * CONVERT_MAX_GROWTH + CONVERT_SLACK);
	dyad_status st = DYAD_OK;
	for (int attempt = 0; attempt < 2; attempt++) {
		st = dyad_buf_reserve(out, (size_t)room);
		if (st != DYAD_OK)
			break;
		UErrorCode err = U_ZERO_ERROR;
		int32_t n = ucnv_convert("UTF-8", from, out->data + out->len, room,
		                         (const char *)bytes, (int32_t)len, &err);
		if (err == U_BUFFER_OVERFLOW_ERROR && attempt == 0) {
			room = n + CONVERT_SLACK;
			continue;
		}
		if (U_FAILURE(err)) {
			int k = snprintf(errmsg, DYAD_ERRMSG_MAX,
			                 "cannot convert from %s: %s", from, u_errorName(err));
			(void)k;
			st = err == U_MEMORY_ALLOCATION_ERROR ? DYAD_ENOMEM : DYAD_EENCODING;
			break;
		}
		out->len += (size_t)n;
		out->data[out->len] = '\0';
		break;
	}
	out->cap = cap_before;
	if (st == DYAD_ENOMEM)
		set_error(errmsg, st, "out of memory");
	return st;
}

static int guess_utf16(const unsigned char *p, size_t len, int *big_endian)
{
	if (len < 2 * UTF16_MIN_UNITS || len % 2)
		return 0;
	size_t units = len / 2;
	for (int be = 0; be <= 1; be++) {
		size_t ascii = 0, plausible = 0;
		for (size_t i = 0; i < units; i++) {
			unsigned hi = p[2 * i + (be ? 0 : 1)];
			unsigned lo = p[2 * i + (be ? 1 : 0)];
			if (hi == 0 && lo != 0) {
				ascii++;
				plausible++;
			} else if ((hi >= 0x01 && hi <= 0x05) || hi == 0x20) {
				/* Latin extended, Greek, Cyrillic; general punctuation */
				plausible++;
			}
		}
		if (ascii * 100 >= units * UTF16_MIN_ASCII_PERCENT &&
		    plausible * 100 >= units * UTF16_MIN_PLAUSIBLE_PERCENT) {
			*big_endian = be;
			return 1;
		}
	}
	return 0;
}

/* EBINARY when (p, len) has NUL bytes or too many control characters. */
static dyad_status check_binary(const unsigned char *p, size_t len,
                                char *errmsg)
{
	if (memchr(p, '\0', len))
		return set_error(errmsg, DYAD_EBINARY, "binary file (NUL bytes)");
	size_t ctrl = 0;
	const uint64_t ones = 0x0101010101010101ull, highs = ones * 0x80;
	for (size_t i = 0; i < len; i++) {
		uint64_t v, del;
		/* eight bytes none of which is below 0x20 or DEL: skipped at once */
		while (len - i >= 8 && (memcpy(&v, p + i, 8), del = v ^ (ones * 0x7F),
		                        !((((v - ones * 0x20) & ~v) | ((del - ones) & ~del)) & highs)))
			i += 8;
		if (i >= len)
			break;
		unsigned char c = p[i];
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' &&
		     c != '\v') ||
		    c == 0x7F)
			ctrl++;
	}
	if (ctrl * 100 > len * DYAD_BINARY_CTRL_PERCENT)
		return set_error(errmsg, DYAD_EBINARY,
		                 "binary file (control characters)");
	return DYAD_OK;
}

/* 1 when broken bytes are rare next to well-formed multi-byte characters. */
static int mostly_utf8(const unsigned char *p, size_t len)
{
	size_t good = 0, broken = 0, i = 0;
	while (i < len) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		size_t before = i;
		uint32_t cp = dyad_utf8_next((const char *)p, len, &i);
		if (cp == DYAD_UTF8_INVALID && i == before + 1)
			broken++;
		else
			good++;
	}
	return good > 0 && broken * 100 <= good * UTF8_MAX_BROKEN_PERCENT;
}

/* Copy UTF-8, replacing each byte that does not decode by U+FFFD. */
static dyad_status repair_utf8(const unsigned char *p, size_t len,
                               struct dyad_buf *out)
{
	size_t i = 0, run = 0;
	while (i < len) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		size_t before = i;
		uint32_t cp = dyad_utf8_next((const char *)p, len, &i);
		if (cp != DYAD_UTF8_INVALID || i != before + 1)
			continue;
		dyad_status st = dyad_buf_append(out, p + run, before - run);
		if (st == DYAD_OK)
			st = dyad_buf_append(out, replacement_utf8, sizeof replacement_utf8);
		if (st != DYAD_OK)
			return st;
		run = i;
	}
	return dyad_buf_append(out, p + run, len - run);
}

static int is_cyr_byte(unsigned char c)
{
	/* 0xA8/0xB8 Ё ё in 1251; 0xA3/0xB3 ё Ё in KOI8-R */
	return c >= 0xC0 || c == 0xA8 || c == 0xB8 || c == 0xA3 || c == 0xB3;
}

static int is_ascii_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Which single-byte charset (p, len) is in; 0 when none is plausible. */
static int guess_single_byte(const unsigned char *p, size_t len,
                             enum dyad__encoding *enc)
{
	size_t hist[256] = {0};
	size_t letters = 0, in_run = 0, mixed = 0, ascii_letters = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = p[i];
		hist[c]++;
		if (is_ascii_letter(c)) {
			ascii_letters++;
			continue;
		}
		if (!is_cyr_byte(c))
			continue;
		letters++;
		unsigned char prev = i > 0 ? p[i - 1] : ' ';
		unsigned char next = i + 1 < len ? p[i + 1] : ' ';
		if (is_cyr_byte(prev) || is_cyr_byte(next))
			in_run++;
		if (is_ascii_letter(prev) || is_ascii_letter(next))
			mixed++;
	}
	size_t high = 0;
	for (unsigned c = 0x80; c <= 0xFF; c++)
		high += hist[c];
	if (letters > 0 && letters * 100 >= high * CYR_MIN_LETTER_PERCENT &&
	    in_run * 100 >= letters * CYR_MIN_RUN_PERCENT &&
	    mixed * 100 <= letters * CYR_MAX_MIXED_PERCENT) {
		size_t score_1251 = 0, score_koi8 = 0;
		for (size_t k = 0; k < sizeof cp1251_top; k++) {
			score_1251 += hist[cp1251_top[k]];
			score_koi8 += hist[koi8r_top[k]];
		}
		*enc = score_koi8 > score_1251 ? DYAD_ENC_KOI8R : DYAD_ENC_CP1251;
		return 1;
	}
	for (size_t k = 0; k < sizeof cp1252_undefined; k++)
		if (hist[cp1252_undefined[k]])
			return 0;
	if (high * 100 > (high + ascii_letters) * LATIN_MAX_HIGH_PERCENT)
		return 0;
	*enc = DYAD_ENC_CP1252;
	return 1;
}

/* The ICU name for a declared charset, or NULL when it is no use here. */
static const char *usable_charset(const char *charset, char *name)
{
	if (!charset || !*charset)
		return NULL;
	size_t n = strlen(charset);
	if (n >= CHARSET_NAME_MAX)
		return NULL;
	for (size_t i = 0; i <= n; i++) {
		char c = charset[i];
		name[i] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
	}
	/* Declared UTF-8 that is not: the guess does better than the label. */
	if (strcmp(name, "utf-8") == 0 || strcmp(name, "utf8") == 0)
		return NULL;
	/* As browsers do: Latin-1 and ASCII labels mean Windows-1252. */
	if (strcmp(name, "iso-8859-1") == 0 || strcmp(name, "latin1") == 0 ||
	    strcmp(name, "us-ascii") == 0 || strcmp(name, "ascii") == 0 ||
	    strcmp(name, "iso8859-1") == 0)
		return "windows-1252";
	UErrorCode err = U_ZERO_ERROR;
	UConverter *conv = ucnv_open(name, &err);
	if (U_FAILURE(err) || !conv)
		return NULL;
	ucnv_close(conv);
	return name;
}

static const char *icu_name(enum dyad__encoding enc)
{
	switch (enc) {
	case DYAD_ENC_UTF16LE: return "UTF-16LE";
	case DYAD_ENC_UTF16BE: return "UTF-16BE";
	case DYAD_ENC_UTF32LE: return "UTF-32LE";
	case DYAD_ENC_UTF32BE: return "UTF-32BE";
	case DYAD_ENC_CP1251: return "windows-1251";
	case DYAD_ENC_KOI8R: return "KOI8-R";
	default: return "windows-1252";
	}
}

/* The byte-order mark at p, if any: its length and encoding. */
static size_t detect_bom(const unsigned char *p, size_t len,
                         enum dyad__encoding *enc)
{
	if (len >= 4 && p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0) {
		*enc = DYAD_ENC_UTF32LE;
		return 4;
	}
	if (len >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF) {
		*enc = DYAD_ENC_UTF32BE;
		return 4;
	}
	if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
		*enc = DYAD_ENC_UTF8;
		return 3;
	}
	if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
		*enc = DYAD_ENC_UTF16LE;
		return 2;
	}
	if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
		*enc = DYAD_ENC_UTF16BE;
		return 2;
	}
	return 0;
}

/* The bytes after any BOM, which are not UTF-16/32, into out. */
static dyad_status decode_bytes(const unsigned char *p, size_t len,
                                const char *charset, struct dyad_buf *out,
                                enum dyad__encoding *enc, char *errmsg)
{
	dyad_status st = check_binary(p, len, errmsg);
	if (st != DYAD_OK)
		return st;
	if (dyad_utf8_valid((const char *)p, len))
		return dyad_buf_append(out, p, len);
	if (mostly_utf8(p, len)) {
		*enc = DYAD_ENC_UTF8_REPAIRED;
		return repair_utf8(p, len, out);
	}
	char name[CHARSET_NAME_MAX];
	const char *declared = usable_charset(charset, name);
	if (declared) {
		*enc = DYAD_ENC_DECLARED;
		return convert(declared, p, len, out, errmsg);
	}
	if (!guess_single_byte(p, len, enc))
		return set_error(errmsg, DYAD_EENCODING,
		                 "not UTF-8, and not plausible Windows-1251, KOI8-R "
		                 "or Windows-1252 text");
	return convert(icu_name(*enc), p, len, out, errmsg);
}

dyad_status dyad__decode(const char *bytes, size_t len, const char *charset,
                         struct dyad_buf *out, enum dyad__encoding *enc_out,
                         char *errmsg)
{
	const unsigned char *p = (const unsigned char *)bytes;
	enum dyad__encoding enc = DYAD_ENC_UTF8;
	dyad_buf_reset(out);
	if (enc_out)
		*enc_out = enc;
	if (len == 0)
		return set_error(errmsg, DYAD_EEMPTY, "empty file");

	size_t bom = detect_bom(p, len, &enc);
	int be = 0;
	if (!bom && guess_utf16(p, len, &be))
		enc = be ? DYAD_ENC_UTF16BE : DYAD_ENC_UTF16LE;
	p += bom;
	len -= bom;

	dyad_status st;
	if (enc != DYAD_ENC_UTF8) {
		st = convert(icu_name(enc), p, len, out, errmsg);
		if (st == DYAD_OK)
			st = check_binary((const unsigned char *)out->data, out->len,
			                  errmsg);
	} else {
		st = decode_bytes(p, len, charset, out, &enc, errmsg);
	}
	if (st == DYAD_ENOMEM)
		set_error(errmsg, st, "out of memory");
	if (st != DYAD_OK) {
		dyad_buf_reset(out);
		return st;
	}
	if (!out->data && dyad_buf_reserve(out, 0) != DYAD_OK)
		return set_error(errmsg, DYAD_ENOMEM, "out of memory");
	out->len = dyad__newlines_to_lf(out->data, out->len);
	out->data[out->len] = '\0';
	if (enc_out)
		*enc_out = enc;
	if (dyad__is_blank(out->data, out->len))
		return set_error(errmsg, DYAD_EEMPTY,
		                 len == 0 ? "empty file" : "only white space");
	return DYAD_OK;
}

size_t dyad__newlines_to_lf(char *s, size_t len)
{
	char *cr = memchr(s, '\r', len);
	if (!cr)
		return len;
	size_t w = (size_t)(cr - s);
	for (size_t r = w; r < len; r++) {
		if (s[r] != '\r') {
			s[w++] = s[r];
			continue;
		}
		s[w++] = '\n';
		if (r + 1 < len && s[r + 1] == '\n')
			r++;
	}
	return w;
}

int dyad__is_blank(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			if (c != ' ' && (c < '\t' || c > '\r'))
				return 0;
			i++;
			continue;
		}
		uint32_t cp = dyad_utf8_next(s, len, &i);
		/* BOM, zero-width space and joiners count as nothing too. */
		if (!dyad_cp_is_space(cp) && cp != 0xFEFF && cp != 0x200B &&
		    cp != 0x200C && cp != 0x200D)
			return 0;
	}
	return 1;
}
