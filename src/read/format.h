/*
 * format.h - telling plain text, HTML and JSON Lines apart.
 *
 * The reader asks this once per file, after source.c has opened it and
 * before anything is decoded: the name decides first (a trailing ".gz" is
 * looked through, so "news.jsonl.gz" is JSON Lines), then the first bytes.
 *
 *   .jsonl .ndjson .json             JSON Lines
 *   .html .htm .xhtml .shtml         HTML
 *   .txt .text                       plain text, never sniffed
 *   anything else, and "-"           '{' first: JSON Lines; "<!doctype html",
 *                                    "<html" or many tags: HTML; else text
 */
#ifndef DYAD_READ_FORMAT_H
#define DYAD_READ_FORMAT_H

#include <stddef.h>

#include "dyad.h"

/* The format of the file named path whose (inflated) input starts with head. */
enum dyad_format dyad__format_guess(const char *path, const char *head,
                                    size_t head_len);

/* "text", "html", "jsonl", "auto": static storage. */
const char *dyad__format_name(enum dyad_format format);

#endif
