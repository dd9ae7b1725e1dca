/*
 * json.c - dyad_doc_write_json(): one document as one line of JSON, in
 * the shape of the output contract (docs/output-contract.md in ../shared).
 */
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "dyad.h"

static void put_str(struct dyad_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	dyad_buf_putc(b, '"');
	size_t run = 0; /* bytes that need no escape, appended in one go */
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		dyad_buf_append(b, s + run, i - run);
		run = i + 1;
		switch (c) {
		case '"': dyad_buf_puts(b, "\\\""); break;
		case '\\': dyad_buf_puts(b, "\\\\"); break;
		case '\n': dyad_buf_puts(b, "\\n"); break;
		case '\r': dyad_buf_puts(b, "\\r"); break;
		case '\t': dyad_buf_puts(b, "\\t"); break;
		default: {
			char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
			dyad_buf_append(b, esc, 6);
		}
		}
	}
	dyad_buf_append(b, s + run, n - run);
	dyad_buf_putc(b, '"');
}

static void put_cstr(struct dyad_buf *b, const char *s)
{
	if (s)
		put_str(b, s, strlen(s));
	else
		dyad_buf_puts(b, "null");
}

static void put_key(struct dyad_buf *b, const char *key, int *first)
{
	if (!*first)
		dyad_buf_putc(b, ',');
	*first = 0;
	put_cstr(b, key);
	dyad_buf_putc(b, ':');
}

static void put_field(struct dyad_buf *b, const char *key, const char *value,
                      int *first)
{
	put_key(b, key, first);
	put_cstr(b, value);
}

static void put_span(struct dyad_buf *b, struct dyad_span span)
{
	dyad_buf_printf(b, "[%u,%u]", span.start, span.end);
}

static void put_party(struct dyad_buf *b, const struct dyad_party *p)
{
	int first = 1;
	dyad_buf_putc(b, '{');
	put_field(b, "country", p->country, &first);
	put_field(b, "actor", p->actor, &first);
	put_field(b, "name", p->name, &first);
	dyad_buf_putc(b, '}');
}

static void put_entities(struct dyad_buf *b, const struct dyad_doc *doc)
{
	dyad_buf_putc(b, '[');
	for (size_t i = 0; i < doc->n_entities; i++) {
		const struct dyad_entity *e = &doc->entities[i];
		int first = 1;
		dyad_buf_puts(b, i ? ",{" : "{");
		put_field(b, "kind", dyad_entity_kind_name(e->kind), &first);
		put_field(b, "name", e->name, &first);
		put_field(b, "country", e->country, &first);
		put_field(b, "role", e->role, &first);
		put_field(b, "actor", e->actor, &first);
		if (e->has_coords) {
			put_key(b, "coords", &first);
			dyad_buf_printf(b, "[%.4f,%.4f]", e->lat, e->lon);
		}
		put_key(b, "mentions", &first);
		dyad_buf_putc(b, '[');
		for (size_t m = 0; m < e->n_mentions; m++) {
			if (m)
				dyad_buf_putc(b, ',');
			put_span(b, e->mentions[m]);
		}
		dyad_buf_puts(b, "]}");
	}
	dyad_buf_putc(b, ']');
}

static void put_events(struct dyad_buf *b, const struct dyad_doc *doc)
{
	dyad_buf_putc(b, '[');
	for (size_t i = 0; i < doc->n_events; i++) {
		const struct dyad_event *e = &doc->events[i];
		int first = 1;
		char root[3] = {e->code[0], e->code[1], '\0'};
		dyad_buf_puts(b, i ? ",{" : "{");
		put_field(b, "code", e->code, &first);
		put_field(b, "root", root, &first);
		put_key(b, "quad", &first);
		dyad_buf_printf(b, "%d", e->quad);
		put_key(b, "goldstein", &first);
		dyad_buf_printf(b, "%.1f", e->goldstein);
		put_key(b, "source", &first);
		put_party(b, &e->source);
		put_key(b, "target", &first);
		put_party(b, &e->target);
		put_field(b, "date", e->date, &first);
		put_field(b, "place", e->place, &first);
		put_field(b, "text", e->text, &first);
		put_key(b, "span", &first);
		put_span(b, e->span);
		put_key(b, "predicate", &first);
		put_span(b, e->predicate);
		put_key(b, "background", &first);
		dyad_buf_puts(b, e->flags & DYAD_EVENT_BACKGROUND ? "true" : "false");
		put_key(b, "intent", &first);
		dyad_buf_puts(b, e->flags & DYAD_EVENT_INTENT ? "true" : "false");
		put_key(b, "mentions", &first);
		dyad_buf_printf(b, "%u", e->n_mentions);
		dyad_buf_putc(b, '}');
	}
	dyad_buf_putc(b, ']');
}

static void put_quotes(struct dyad_buf *b, const struct dyad_doc *doc)
{
	dyad_buf_putc(b, '[');
	for (size_t i = 0; i < doc->n_quotes; i++) {
		const struct dyad_quote *q = &doc->quotes[i];
		int first = 1;
		dyad_buf_puts(b, i ? ",{" : "{");
		put_field(b, "speaker", q->speaker, &first);
		put_key(b, "text", &first);
		put_str(b, doc->text + q->span.start, q->span.end - q->span.start);
		put_key(b, "span", &first);
		put_span(b, q->span);
		dyad_buf_putc(b, '}');
	}
	dyad_buf_putc(b, ']');
}

static void put_amounts(struct dyad_buf *b, const struct dyad_doc *doc)
{
	dyad_buf_putc(b, '[');
	for (size_t i = 0; i < doc->n_amounts; i++) {
		const struct dyad_amount *a = &doc->amounts[i];
		int first = 1;
		dyad_buf_puts(b, i ? ",{" : "{");
		put_key(b, "value", &first);
		dyad_buf_printf(b, "%.15g", a->value);
		put_field(b, "unit", a->unit, &first);
		put_field(b, "counts", a->counts, &first);
		put_key(b, "text", &first);
		put_str(b, doc->text + a->span.start, a->span.end - a->span.start);
		put_key(b, "span", &first);
		put_span(b, a->span);
		dyad_buf_putc(b, '}');
	}
	dyad_buf_putc(b, ']');
}

dyad_status dyad_doc_write_json(const struct dyad_doc *doc, FILE *out)
{
	return dyad_doc_write_json_with(doc, 0, out);
}

dyad_status dyad_doc_write_json_with(const struct dyad_doc *doc, unsigned flags,
                                     FILE *out)
{
	struct dyad_buf b;
	int first = 1;
	dyad_buf_init(&b, 0);
	dyad_buf_putc(&b, '{');
	put_field(&b, "path", doc->path, &first);
	put_field(&b, "id", doc->id, &first);
	put_field(&b, "lang", doc->lang, &first);
	put_field(&b, "title", doc->title, &first);
	put_field(&b, "published", doc->published, &first);
	put_field(&b, "source", doc->source, &first);
	put_field(&b, "author", doc->author, &first);
	put_field(&b, "dateline", doc->dateline, &first);
	if (doc->url)
		put_field(&b, "url", doc->url, &first);
	if (doc->error)
		put_field(&b, "error", doc->error, &first);
	if (flags & DYAD_JSON_BODY) {
		put_key(&b, "body", &first);
		put_str(&b, doc->text ? doc->text + doc->body.start : "",
		        doc->text ? doc->body.end - doc->body.start : 0);
	}
	put_key(&b, "entities", &first);
	put_entities(&b, doc);
	put_key(&b, "events", &first);
	put_events(&b, doc);
	put_key(&b, "quotes", &first);
	put_quotes(&b, doc);
	put_key(&b, "amounts", &first);
	put_amounts(&b, doc);
	dyad_buf_puts(&b, "}\n");
	dyad_status st = b.error;
	if (st == DYAD_OK && fwrite(b.data, 1, b.len, out) != b.len)
		st = DYAD_EIO;
	dyad_buf_release(&b);
	return st;
}
