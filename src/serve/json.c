/*
 * json.c - JSON members into a buffer (see json.h). Strings are escaped
 * for JSON and for being inlined in a page: '<' and '>' are written as
 * \u003c / \u003e, so a response can never close a script element.
 */
#include "serve/json.h"

#include <string.h>

void dyad__json_strn(struct dyad_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	if (!s) {
		dyad_buf_puts(b, "null");
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
