/*
 * html.h - from an HTML page to its article text and the facts its markup
 * gives.
 *
 * Part of the read stage: reader.c (and jsonl.c for "html" fields) hand the
 * decoded page here; what comes out is plain text in the shape the extract
 * stage expects of any article: the headline on the first line, then one
 * line per block (paragraph, heading, list item, quote), a blank line
 * between paragraphs, inline white space collapsed, entities decoded.
 *
 * Gumbo parses the page; the modules under it, in the order they run:
 *   html_tree.c     the page as a flat array with text counts
 *   html_evidence.c the evidence of tags, roles, microdata, class/id words
 *                   (weighed with kb/html.h, the reader of data/html/)
 *   html_facts.c    title, date, outlet, author, URL from the markup, with
 *   html_jsonld.c   JSON-LD,
 *   kb/date_norm.c  dates normalised to the contract or dropped,
 *   kb/byline.c     names without job titles, and
 *   html_title.c    <title> without the site name
 *   html_score.c    prose and furniture; the element that holds the article
 *   html_prune.c    furniture inside it taken out
 *   html_emit.c     the text written out
 * When what comes out is implausibly short for the prose the chosen element
 * held, the choice is made again with less evidence (see html.c).
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
	const char *published; /* "YYYY-MM-DD" or ISO 8601 with an offset (HTML) */
	const char *source;
	const char *author;
};

struct dyad__html_page {
	const char *text;   /* article text, NUL-terminated, in the arena */
	size_t text_len;
	size_t head_lines;  /* lines of text before the body (headline, blank) */
	struct dyad__facts facts; /* strings in the arena */
};

/* Bytes at the start of a page searched for a charset declaration. */
#define DYAD_HTML_CHARSET_SCAN 2048
/* Bytes at the start of a file looked at to tell HTML from text. */
#define DYAD_HTML_SNIFF_SCAN 4096
/* Pages whose container tags open deeper than this are not parsed at all. */
#define DYAD_HTML_MAX_NESTING 5000

/* 1 when the start of (bytes, len) looks like an HTML page. */
int dyad__html_sniff(const char *bytes, size_t len);

/*
 * The charset a page declares near its start (<meta charset=...>, or
 * http-equiv Content-Type), copied NUL-terminated into name (cap bytes).
 * Returns 1 when found, else 0 (name is then "").
 */
int dyad__html_charset(const char *bytes, size_t len, char *name, size_t cap);

/*
 * 1 when container tags in (html, len) open deeper than
 * DYAD_HTML_MAX_NESTING: gumbo's tree building is quadratic in depth.
 */
int dyad__html_nested_too_deep(const char *html, size_t len);

/*
 * Reduce the UTF-8 page (html, len) to its article text and facts, all
 * allocated in arena (valid until it is released). engine (may be NULL)
 * gives the knowledge of data/html/ and the date words; without it the page
 * is reduced by its structure alone. Returns DYAD_OK, DYAD_EEMPTY when the
 * page holds no article text, DYAD_EFORMAT when it nests too deep,
 * DYAD_ENOMEM; errmsg (DYAD_ERRMSG_MAX bytes) says why on failure.
 */
dyad_status dyad__html_reduce(const dyad_engine *engine, const char *html,
                              size_t len, struct dyad_arena *arena,
                              struct dyad__html_page *page, char *errmsg);

#endif
