/*
 * html.h - from an HTML page to its article text and the facts its meta
 * tags give.
 *
 * Part of the read stage: reader.c (and jsonl.c for "html" fields) hand the
 * decoded page here; what comes out is plain text in the shape the extract
 * stage expects of any article: the headline on the first line, then one
 * line per block (paragraph, heading, list item, quote), a blank line
 * between paragraphs, inline white space collapsed, entities decoded.
 *
 * Gumbo parses the page. The article is the <article> element, or failing
 * one the element holding the most paragraph text (a content-density score,
 * link text not counted); navigation, headers, footers, asides, forms,
 * scripts, share buttons, comments, cookie banners and "related" lists are
 * dropped by tag name, ARIA role, and class/id substrings. The facts (title,
 * published, source, author, url) come from meta tags, JSON-LD, and
 * byline/time elements, in a fixed order of trust (see html.c).
 */
#ifndef DYAD_READ_HTML_H
#define DYAD_READ_HTML_H

#include <stddef.h>

#include "core/arena.h"
#include "dyad.h"

/* The facts a container gives about a document; NULL when not given. */
struct dyad__facts {
	const char *url;
	const char *title;
	const char *published;
	const char *source;
	const char *author;
};

struct dyad__html_page {
	const char *text;   /* article text, NUL-terminated, in the arena */
	size_t text_len;
	struct dyad__facts facts; /* strings in the arena */
};

/* Bytes at the start of a page searched for a charset declaration. */
#define DYAD_HTML_CHARSET_SCAN 2048
/* Bytes at the start of a file looked at to tell HTML from text. */
#define DYAD_HTML_SNIFF_SCAN 4096

/* 1 when the start of (bytes, len) looks like an HTML page. */
int dyad__html_sniff(const char *bytes, size_t len);

/*
 * The charset a page declares near its start (<meta charset=...>, or
 * http-equiv Content-Type), copied NUL-terminated into name (cap bytes).
 * Returns 1 when found, else 0 (name is then "").
 */
int dyad__html_charset(const char *bytes, size_t len, char *name, size_t cap);

/*
 * Reduce the UTF-8 page (html, len) to its article text and facts, all
 * allocated in arena (valid until it is released). Returns DYAD_OK,
 * DYAD_EEMPTY when the page holds no article text, DYAD_ENOMEM; errmsg
 * (DYAD_ERRMSG_MAX bytes) says why on failure.
 */
dyad_status dyad__html_reduce(const char *html, size_t len,
                              struct dyad_arena *arena,
                              struct dyad__html_page *page, char *errmsg);

#endif
