/*
 * json.h - writing JSON responses into a growable buffer: the server's
 * own objects (graph, timeline, entities, stats, errors). Events and
 * documents reuse the library's writers (dyad_event_write,
 * dyad_doc_write_json), so the API says what 'dyad events --format jsonl'
 * and 'dyad extract' say.
 */
#ifndef DYAD_SERVE_JSON_H
#define DYAD_SERVE_JSON_H

#include <stdint.h>

#include "core/buf.h"

/* A JSON string of (s, n) UTF-8 bytes (malformed ones as U+FFFD), or null
 * for s == NULL. */
void dyad__json_strn(struct dyad_buf *b, const char *s, size_t n);
void dyad__json_str(struct dyad_buf *b, const char *s);

/* ',' unless *first (then cleared), the key and ':'. */
void dyad__json_key(struct dyad_buf *b, const char *key, int *first);

/* "key": value members. */
void dyad__json_kstr(struct dyad_buf *b, const char *key, const char *s, int *first);
void dyad__json_kint(struct dyad_buf *b, const char *key, int64_t v, int *first);
void dyad__json_knum(struct dyad_buf *b, const char *key, double v, int *first);

#endif
