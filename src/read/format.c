/*
 * format.c - choosing how to read a file from its name and first bytes
 * (see format.h).
 */
#include "read/format.h"

#include <string.h>

#include "read/html.h"

static const struct {
	const char *ext; /* lower case, with the dot */
	enum dyad_format format;
} extensions[] = {
	{".jsonl", DYAD_FORMAT_JSONL},  {".ndjson", DYAD_FORMAT_JSONL},
	{".json", DYAD_FORMAT_JSONL},   {".html", DYAD_FORMAT_HTML},
	{".htm", DYAD_FORMAT_HTML},     {".xhtml", DYAD_FORMAT_HTML},
	{".shtml", DYAD_FORMAT_HTML},   {".txt", DYAD_FORMAT_TEXT},
	{".text", DYAD_FORMAT_TEXT},
};

/* 1 when (name, len) ends with ext, ignoring ASCII case. */
static int ends_with(const char *name, size_t len, const char *ext)
{
	size_t n = strlen(ext);
	if (len < n)
		return 0;
	const char *tail = name + len - n;
	for (size_t i = 0; i < n; i++) {
		char c = tail[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + ('a' - 'A'));
		if (c != ext[i])
			return 0;
	}
	return 1;
}

enum dyad_format dyad__format_guess(const char *path, const char *head,
                                    size_t head_len)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t len = strlen(base);
	if (ends_with(base, len, ".gz"))
		len -= strlen(".gz");
	for (size_t i = 0; i < sizeof extensions / sizeof extensions[0]; i++)
		if (ends_with(base, len, extensions[i].ext))
			return extensions[i].format;

	size_t i = 0;
	if (head_len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < head_len && (head[i] == ' ' || head[i] == '\t' ||
	                        head[i] == '\n' || head[i] == '\r'))
		i++;
	if (i < head_len && head[i] == '{')
		return DYAD_FORMAT_JSONL;
	if (dyad__html_sniff(head, head_len))
		return DYAD_FORMAT_HTML;
	return DYAD_FORMAT_TEXT;
}

const char *dyad__format_name(enum dyad_format format)
{
	switch (format) {
	case DYAD_FORMAT_TEXT: return "text";
	case DYAD_FORMAT_HTML: return "html";
	case DYAD_FORMAT_JSONL: return "jsonl";
	case DYAD_FORMAT_AUTO: return "auto";
	}
	return "unknown";
}
