/*
 * api_events.c - the endpoints over events and documents: GET
 * /api/events (the filters of 'dyad events', paged with a cursor), GET
 * /api/timeline (counts per day, week or month by QuadClass or root) and
 * GET /api/docs/ID (a document with its text, entities and evidence).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve/handlers.h"
#include "serve/json.h"

/* The rows of cur, written by the library as JSON Lines into one memory
 * stream: at most limit, *next the cursor of the last one when more
 * follow. */
static dyad_status write_rows(FILE *out, dyad_event_cursor *cur, size_t limit,
                              char *next, size_t *n)
{
	const struct dyad_event_row *row;
	dyad_status st;
	char cursor[DYAD_EVENT_CURSOR_MAX];
	next[0] = '\0';
	*n = 0;
	while ((st = dyad_event_cursor_next(cur, &row)) == DYAD_OK) {
		if (*n == limit) {
			memcpy(next, cursor, sizeof cursor);
			return DYAD_DONE;
		}
		if ((st = dyad_event_write(out, DYAD_EVENTS_JSONL, 0, row)) != DYAD_OK)
			return st;
		dyad_event_row_cursor(row, cursor, sizeof cursor);
		(*n)++;
	}
	return st;
}

/* The JSON Lines as the elements of a JSON array: a line ends at every
 * newline byte (JSON escapes those inside strings), which becomes ','. */
static dyad_status list_rows(dyad_event_cursor *cur, size_t limit,
                             struct dyad_buf *b, char *next, size_t *n)
{
	char *data = NULL;
	size_t size = 0;
	FILE *mem = open_memstream(&data, &size);
	if (!mem)
		return DYAD_ENOMEM;
	dyad_status st = write_rows(mem, cur, limit, next, n);
	if (fclose(mem) != 0 && st == DYAD_DONE)
		st = DYAD_ENOMEM;
	if (st == DYAD_DONE) {
		for (size_t i = 0; i < size; i++)
			if (data[i] == '\n')
				data[i] = i + 1 == size ? ' ' : ',';
		dyad_buf_append(b, data, size);
	}
	free(data); /* open_memstream's, from the C library's heap */
	return st;
}

void dyad__api_events(const struct dyad__api *api, dyad_store *store,
                      struct dyad__request *req, const char *rest,
                      struct dyad__response *resp)
{
	struct dyad_event_filter f;
	size_t limit, n;
	char next[DYAD_EVENT_CURSOR_MAX];
	dyad_event_cursor *cur = NULL;
	(void)api;
	(void)rest;
	dyad__api_event_filter(req, &f);
	f.after = dyad__request_param(req, "cursor");
	if (!dyad__api_count(req, "limit", DYAD_SERVE_EVENTS_PAGE, 1,
	                     DYAD_SERVE_EVENTS_MAX, &limit, resp) ||
	    dyad__api_unknown(req, resp))
		return;
	f.limit = limit + 1; /* one more tells whether a next page exists */
	dyad_status st = dyad_store_events(store, &f, &cur);
	if (st != DYAD_OK) {
		dyad__api_store_error(store, st, resp);
		return;
	}
	dyad__api_json(resp);
	struct dyad_buf *b = &resp->body;
	dyad_buf_puts(b, "{\"events\":[");
	st = list_rows(cur, limit, b, next, &n);
	dyad_event_cursor_free(cur);
	if (st != DYAD_DONE) {
		dyad__api_store_error(store, st, resp);
		return;
	}
	int first = 0;
	dyad_buf_putc(b, ']');
	dyad__json_kint(b, "count", (int64_t)n, &first);
	dyad__json_kstr(b, "next", next[0] ? next : NULL, &first);
	dyad_buf_puts(b, "}\n");
}

static int parse_unit(const char *s, enum dyad_timeline_unit *unit)
{
	static const char *const names[] = {"day", "week", "month"};
	for (int i = 0; i < 3; i++)
		if (strcmp(s, names[i]) == 0) {
			*unit = (enum dyad_timeline_unit)i;
			return 1;
		}
	return 0;
}

static void write_timeline(struct dyad_buf *b, const struct dyad_timeline *t,
                           const char *unit, const char *by)
{
	int first = 1;
	dyad_buf_putc(b, '{');
	dyad__json_kstr(b, "unit", unit, &first);
	dyad__json_kstr(b, "by", by, &first);
	dyad__json_key(b, "bins", &first);
	dyad_buf_putc(b, '[');
	for (size_t i = 0; i < t->n; i++) {
		int f2 = 1;
		dyad_buf_puts(b, i ? ",{" : "{");
		dyad__json_kstr(b, "period", t->bins[i].period, &f2);
		dyad__json_kstr(b, "key", t->bins[i].key, &f2);
		dyad__json_kint(b, "n", t->bins[i].n, &f2);
		dyad__json_knum(b, "goldstein", t->bins[i].goldstein, &f2);
		dyad_buf_putc(b, '}');
	}
	dyad_buf_puts(b, "]}\n");
}

void dyad__api_timeline(const struct dyad__api *api, dyad_store *store,
                        struct dyad__request *req, const char *rest,
                        struct dyad__response *resp)
{
	struct dyad_event_filter f;
	enum dyad_timeline_unit unit = DYAD_TIMELINE_WEEK;
	enum dyad_timeline_group group = DYAD_TIMELINE_QUAD;
	(void)api;
	(void)rest;
	dyad__api_event_filter(req, &f);
	const char *u = dyad__request_param(req, "unit");
	const char *by = dyad__request_param(req, "by");
	if (u && !parse_unit(u, &unit)) {
		dyad__api_error(resp, 400, "unit \"%s\": expected day, week or month", u);
		return;
	}
	if (by && strcmp(by, "quad") != 0 && strcmp(by, "root") != 0) {
		dyad__api_error(resp, 400, "by \"%s\": expected quad or root", by);
		return;
	}
	if (by && strcmp(by, "root") == 0)
		group = DYAD_TIMELINE_ROOT;
	if (dyad__api_unknown(req, resp))
		return;
	struct dyad_timeline *t;
	dyad_status st = dyad_store_timeline(store, &f, unit, group, &t);
	if (st != DYAD_OK) {
		dyad__api_store_error(store, st, resp);
		return;
	}
	static const char *const unit_names[] = {"day", "week", "month"};
	dyad__api_json(resp);
	write_timeline(&resp->body, t, unit_names[unit],
	               group == DYAD_TIMELINE_ROOT ? "root" : "quad");
	dyad_store_timeline_free(t);
}

static dyad_status write_doc(FILE *out, const void *doc)
{
	return dyad_doc_write_json(doc, out);
}

void dyad__api_doc(const struct dyad__api *api, dyad_store *store,
                   struct dyad__request *req, const char *rest,
                   struct dyad__response *resp)
{
	struct dyad_doc *doc;
	(void)api;
	if (dyad__api_unknown(req, resp))
		return;
	dyad_status st = dyad_store_get_doc(store, rest, &doc);
	if (st != DYAD_OK && st != DYAD_EIO) {
		dyad__api_store_error(store, st, resp);
		return;
	}
	dyad__api_json(resp);
	struct dyad_buf *b = &resp->body;
	int first = 1;
	dyad_buf_putc(b, '{');
	dyad__json_key(b, "doc", &first);
	st = dyad__api_capture(b, write_doc, doc);
	/* The spans are byte offsets into this text (UTF-8). */
	dyad__json_key(b, "text", &first);
	dyad__json_strn(b, doc->text, doc->text ? doc->text_len : 0);
	dyad_buf_puts(b, "}\n");
	dyad_store_doc_free(doc);
	if (st != DYAD_OK)
		dyad__api_error(resp, 503, "cannot write the document: %s", dyad_strerror(st));
}
