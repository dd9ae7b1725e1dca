/*
 * html_sniff.c - what the bytes of a file say before any parsing: is it
 * HTML, which charset does it declare, and is it nested too deep for gumbo.
 */
#include <string.h>

#include "read/html.h"
#include "read/html_tree.h"

/* Sniffing: a file starting with '<' needs this many known tags ... */
#define HTML_SNIFF_MIN_TAGS 5
/* ... any other file this many. */
#define HTML_SNIFF_MANY_TAGS 20
#define CHARSET_NAME_CHARS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-"

/*
 * Gumbo's tree building is quadratic in the nesting depth (a page of 100 000
 * nested <div>s takes most of a minute), so pages whose container tags open
 * deeper than DYAD_HTML_MAX_NESTING are refused before parsing. Tags HTML closes
 * by itself (p, li, td...) are not counted, so sloppy real pages pass.
 */
int dyad__html_nested_too_deep(const char *html, size_t len)
{
	static const char *const containers[] = {
		"div", "span", "section", "article", "table", "ul", "ol", "blockquote",
		"b", "i", "em", "strong", "font", "a", "main", "aside", "nav", "center",
	};
	size_t depth = 0;
	const char *end = html + len;
	for (const char *p = html; p < end; p++) {
		if (*p != '<')
			continue;
		const char *q = p + 1;
		int closing = q < end && *q == '/';
		if (closing)
			q++;
		size_t n = 0;
		while (q + n < end && ((q[n] >= 'a' && q[n] <= 'z') ||
		                       (q[n] >= 'A' && q[n] <= 'Z')))
			n++;
		if (n == 0 || q + n >= end ||
		    !(q[n] == '>' || q[n] == ' ' || q[n] == '\t' || q[n] == '\n' ||
		      q[n] == '/' || q[n] == '\r'))
			continue;
		for (size_t k = 0; k < sizeof containers / sizeof containers[0]; k++) {
			if (strlen(containers[k]) != n || !dyad__html_istarts(q, n, containers[k]))
				continue;
			if (closing)
				depth -= depth > 0;
			else if (++depth > DYAD_HTML_MAX_NESTING)
				return 1;
			break;
		}
	}
	return 0;
}

static const char *skip_space_bom(const char *s, const char *end)
{
	if (end - s >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3;
	while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
		s++;
	return s;
}

int dyad__html_sniff(const char *bytes, size_t len)
{
	static const char *const tags[] = {
		"<p>", "<p ", "</p>", "<div", "</div>", "<br", "<a href", "<span",
		"<h1", "<h2", "<h3", "<li", "<table", "<body", "<head", "<meta",
		"<title", "<script", "<link",
	};
	if (len > DYAD_HTML_SNIFF_SCAN)
		len = DYAD_HTML_SNIFF_SCAN;
	const char *end = bytes + len;
	const char *s = skip_space_bom(bytes, end);
	size_t left = (size_t)(end - s);
	if (dyad__html_istarts(s, left, "<!doctype html") || dyad__html_istarts(s, left, "<html"))
		return 1;
	if (dyad__html_istarts(s, left, "<?xml")) {
		for (const char *p = s; p < end; p++)
			if (dyad__html_istarts(p, (size_t)(end - p), "<html"))
				return 1;
	}
	size_t n_tags = 0;
	for (const char *p = s; p < end; p++) {
		if (*p != '<')
			continue;
		for (size_t k = 0; k < sizeof tags / sizeof tags[0]; k++)
			if (dyad__html_istarts(p, (size_t)(end - p), tags[k])) {
				n_tags++;
				break;
			}
	}
	return n_tags >= HTML_SNIFF_MANY_TAGS ||
	       (left > 0 && *s == '<' && n_tags >= HTML_SNIFF_MIN_TAGS);
}

int dyad__html_charset(const char *bytes, size_t len, char *name, size_t cap)
{
	if (cap)
		name[0] = '\0';
	if (len > DYAD_HTML_CHARSET_SCAN)
		len = DYAD_HTML_CHARSET_SCAN;
	static const char key[] = "charset";
	size_t klen = sizeof key - 1;
	for (size_t i = 0; i + klen < len; i++) {
		if (!dyad__html_istarts(bytes + i, len - i, key))
			continue;
		size_t j = i + klen;
		while (j < len && (bytes[j] == ' ' || bytes[j] == '\t'))
			j++;
		if (j >= len || bytes[j] != '=')
			continue;
		j++;
		while (j < len && (bytes[j] == ' ' || bytes[j] == '"' || bytes[j] == '\''))
			j++;
		size_t w = 0;
		while (j < len && w + 1 < cap && bytes[j] &&
		       strchr(CHARSET_NAME_CHARS, bytes[j]))
			name[w++] = bytes[j++];
		if (cap)
			name[w] = '\0';
		if (w)
			return 1;
	}
	return 0;
}
