/*
 * features.c - hashed string attributes of a word (see features.h).
 *
 * Done once per word of a sentence, before tagging: lower-casing (ICU
 * character properties through core/utf8), digit folding, affixes by code
 * point and the shape. Nothing here allocates.
 */
#include "parse/features.h"

#include <string.h>

#include "core/utf8.h"

/* A run of one character class longer than this is cut in the shape. */
#define SHAPE_RUN_MAX 3
#define SHAPE_MAX_BYTES 32

uint64_t dyad__hash_str(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return dyad__mix(h ^ len);
}

/* 'X' upper, 'x' lower letter, 'd' digit, the character itself otherwise
 * (ASCII punctuation), '*' any other symbol. */
static char shape_class(uint32_t cp, unsigned *flags)
{
	if (dyad_cp_is_digit(cp)) {
		*flags |= DYAD_WORD_HAS_DIGIT;
		return 'd';
	}
	if (dyad_cp_is_letter(cp)) {
		*flags |= DYAD_WORD_HAS_LETTER;
		return dyad_cp_is_upper(cp) ? 'X' : 'x';
	}
	if (cp == '-')
		*flags |= DYAD_WORD_HAS_HYPHEN;
	return cp < 0x80 ? (char)cp : '*';
}

/* Shape and flags of the form; returns the number of code points. */
static uint32_t shape(const char *form, size_t len, struct dyad__word_keys *keys)
{
	char buf[SHAPE_MAX_BYTES];
	size_t n = 0, i = 0;
	unsigned run = 0, flags = 0, n_letters = 0, n_upper = 0;
	uint32_t n_chars = 0;
	char last = 0;
	while (i < len) {
		uint32_t cp = dyad_utf8_next(form, len, &i);
		char c = shape_class(cp, &flags);
		n_chars++;
		if (c == 'X' || c == 'x') {
			if (n_letters == 0 && c == 'X')
				flags |= DYAD_WORD_UPPER_INITIAL;
			n_letters++;
			n_upper += c == 'X';
		}
		run = c == last ? run + 1 : 1;
		last = c;
		if (run <= SHAPE_RUN_MAX && n < sizeof buf)
			buf[n++] = c;
	}
	if (n_letters >= 2 && n_upper == n_letters)
		flags |= DYAD_WORD_ALL_UPPER;
	if (!(flags & (DYAD_WORD_HAS_LETTER | DYAD_WORD_HAS_DIGIT)))
		flags |= DYAD_WORD_NO_ALNUM;
	keys->shape = dyad__hash_str(buf, n);
	keys->flags = flags;
	return n_chars;
}

/* Hashes of the first and last 1..DYAD_AFFIX_MAX characters of lower. */
static void affixes(const char *lower, size_t len, struct dyad__word_keys *keys)
{
	size_t ends[DYAD_AFFIX_MAX];
	size_t n = 0, i = 0;
	while (i < len && n < DYAD_AFFIX_MAX) {
		dyad_utf8_next(lower, len, &i);
		ends[n++] = i;
	}
	for (size_t k = 0; k < DYAD_AFFIX_MAX; k++) {
		size_t e = ends[k < n ? k : n - 1];
		keys->prefix[k] = dyad__hash_str(lower, e) + k;
	}
	/* walk back from the end over continuation bytes */
	size_t start = len;
	for (size_t k = 0; k < DYAD_AFFIX_MAX; k++) {
		if (start > 0) {
			start--;
			while (start > 0 && ((unsigned char)lower[start] & 0xC0) == 0x80)
				start--;
		}
		keys->suffix[k] = dyad__hash_str(lower + start, len - start) ^ (0x51ULL << k);
	}
}

size_t dyad__word_keys(const char *form, size_t len, struct dyad__word_keys *keys,
                       char *lower)
{
	char norm[DYAD_WORD_MAX_BYTES];
	if (len >= DYAD_WORD_MAX_BYTES)
		len = DYAD_WORD_MAX_BYTES - 1;
	size_t n = dyad_utf8_lower(form, len, lower, DYAD_WORD_MAX_BYTES);
	for (size_t i = 0; i < n; i++)
		norm[i] = lower[i] >= '0' && lower[i] <= '9' ? '0' : lower[i];
	keys->form = dyad__hash_str(form, len);
	keys->norm = dyad__hash_str(norm, n);
	keys->n_chars = shape(form, len, keys);
	if (n == 0) {
		memset(keys->prefix, 0, sizeof keys->prefix);
		memset(keys->suffix, 0, sizeof keys->suffix);
	} else {
		affixes(lower, n, keys);
	}
	return n;
}
