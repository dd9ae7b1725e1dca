/*
 * jsonl.h - one record of a JSON Lines file.
 *
 * A JSON Lines input (.jsonl, .ndjson) holds one document per line:
 *
 *   {"text": "...", "url": "...", "title": "...", "published": "...",
 *    "source": "...", "author": "...", "id": "...", "path": "..."}
 *
 * with "html" in place of "text" for a page still to be reduced (html.c).
 * reader.c reads the lines (source.c) and turns each record into one
 * struct dyad_input; this module parses a single line with jansson and says
 * precisely what is wrong with a bad one, so that one bad line costs one
 * document and the lines after it still come.
 */
#ifndef DYAD_READ_JSONL_H
#define DYAD_READ_JSONL_H

#include <stddef.h>

#include "core/arena.h"
#include "dyad.h"
#include "read/html.h"

/* Longest line accepted: a document at the cap plus room for JSON escapes. */
#define DYAD_JSONL_MAX_LINE ((size_t)DYAD_MAX_DOC_BYTES * 2)

struct dyad__jsonl_record {
	const char *text;  /* "text", UTF-8 as given, or NULL */
	size_t text_len;
	const char *html;  /* "html", or NULL (ignored when text is given) */
	size_t html_len;
	struct dyad__facts facts; /* the string fields given, else NULL */
	const char *id;    /* "id" (a string, or a number written out), or NULL */
	const char *path;  /* "path", or NULL */
	const char *warning; /* the fields ignored for their type, or NULL */
	size_t line_no;
};

/* 1 when the line holds nothing but white space (such lines are skipped). */
int dyad__jsonl_blank(const char *line, size_t len);

/*
 * Parse one line (without its '\n'; a trailing '\r' is allowed). Strings are
 * copied into arena. Returns DYAD_OK (rec->warning names the optional
 * fields ignored for being of the wrong type); DYAD_EFORMAT with errmsg
 * "line N: invalid JSON: <jansson's message>" or "line N: ..." naming the
 * field that is wrong ("text" or "html" not a string); DYAD_EEMPTY "line N: no \"text\" or \"html\" field";
 * DYAD_ENOMEM.
 */
dyad_status dyad__jsonl_parse(const char *line, size_t len, size_t line_no,
                              struct dyad_arena *arena,
                              struct dyad__jsonl_record *rec, char *errmsg);

#endif
