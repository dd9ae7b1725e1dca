/*
 * json.c - JSON members into a buffer (see json.h). Strings are escaped
 * for JSON and for being inlined in a page: '<' and '>' are written as
 * \u003c / \u003e, so a response can never close a script element; bytes
 * that are not UTF-8 become U+FFFD, so a response is always valid JSON.
 */
#include "serve/json.h"

#include <string.h>

#include "core/alloc.h"
#include "core/utf8.h"

/* (s, n) with every malformed UTF-8 sequence replaced by U+FFFD (a
 * message cut mid-character, bytes a client sent), into a heap copy. */
static char *repaired(const char *s, size_t n, size_t *len)
{
	char *out = dyad__malloc(3 * n + 1), *o = out;
	if (!out)
		return NULL;
	for (size_t i = 0; i < n;) {
		size_t start = i;
		uint32_t cp = dyad_utf8_next(s, n, &i);
		if (cp == DYAD_UTF8_INVALID) {
			o += dyad_utf8_encode(0xFFFD, o);
		} else {
			memcpy(o, s + start, i - start);
			o += i - start;
		}
	}
	*len = (size_t)(o - out);
	return out;
}

void dyad__json_strn(struct dyad_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	if (!s) {
		dyad_buf_puts(b, "null");
		return;
	}
	if (!dyad_utf8_valid(s, n)) {
		size_t len;
		char *fixed = repaired(s, n, &len);
		if (!fixed) {
			b->error = DYAD_ENOMEM;
			return;
		}
		dyad__json_strn(b, fixed, len);
		dyad__free(fixed);
		return;
	}
	dyad_buf_putc(b, '"');
	size_t run = 0; /* bytes that need no escape, appended in one go */
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>')
			continue;
		dyad_buf_append(b, s + run, i - run);
		run = i + 1;
		if (c == '"' || c == '\\') {
			char esc[2] = {'\\', (char)c};
			dyad_buf_append(b, esc, 2);
		} else if (c == '\n') {
			dyad_buf_puts(b, "\\n");
		} else {
			char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
			dyad_buf_append(b, esc, 6);
		}
	}
	dyad_buf_append(b, s + run, n - run);
	dyad_buf_putc(b, '"');
}

void dyad__json_str(struct dyad_buf *b, const char *s)
{
	dyad__json_strn(b, s, s ? strlen(s) : 0);
}

void dyad__json_key(struct dyad_buf *b, const char *key, int *first)
{
	if (!*first)
		dyad_buf_putc(b, ',');
	*first = 0;
	dyad__json_str(b, key);
	dyad_buf_putc(b, ':');
}

void dyad__json_kstr(struct dyad_buf *b, const char *key, const char *s, int *first)
{
	dyad__json_key(b, key, first);
	dyad__json_str(b, s);
}

void dyad__json_kint(struct dyad_buf *b, const char *key, int64_t v, int *first)
{
	dyad__json_key(b, key, first);
	dyad_buf_printf(b, "%lld", (long long)v);
}

void dyad__json_knum(struct dyad_buf *b, const char *key, double v, int *first)
{
	dyad__json_key(b, key, first);
	/* JSON has no NaN or infinity. */
	if (v != v || v > 1e300 || v < -1e300)
		dyad_buf_puts(b, "null");
	else
		dyad_buf_printf(b, "%.3g", v);
}
