/*
 * format.c - writing listed events as a table for people, JSON Lines for
 * programs (the event fields of the output contract plus the document they
 * come from) or CSV for spreadsheets (RFC 4180).
 *
 * Each line is built in a buffer and written with one fwrite, so a failing
 * stream is noticed once per line and a line is never half-formatted.
 */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/utf8.h"
#include "dyad.h"
#include "query/export.h"

/* Table columns, in characters. */
#define COL_DAY 10   /* YYYY-MM-DD */
#define COL_CODE 4   /* CAMEO codes have up to four digits */
#define COL_PARTY 14 /* actor codes are 3 to 12 letters */
#define COL_GOLD 5   /* "-10.0" */
#define COL_DOC 8    /* enough of the id to be unique in practice */
#define COL_FIXED (COL_DAY + COL_CODE + 2 * COL_PARTY + COL_GOLD + COL_DOC + 6)

static const char ellipsis[] = "\xe2\x80\xa6"; /* U+2026, one column wide */

/*
 * Append s as a cell of exactly width characters: cut with an ellipsis when
 * longer, padded with spaces when shorter (unless it is the last column).
 * Line breaks and tabs become spaces so that one event stays one line.
 */
static void put_cell(struct dyad_buf *b, const char *s, size_t width, int pad)
{
	if (!s || !*s)
		s = "-";
	size_t n = strlen(s), chars = 0, i = 0, total = 0;
	for (size_t j = 0; j < n; total++)
		dyad_utf8_next(s, n, &j);
	while (i < n && chars < width) {
		if (total > width && chars == width - 1) {
			dyad_buf_puts(b, ellipsis);
			chars++;
			break;
		}
		size_t start = i;
		uint32_t cp = dyad_utf8_next(s, n, &i);
		if (cp < 0x20)
			dyad_buf_putc(b, ' ');
		else
			dyad_buf_append(b, s + start, i - start);
		chars++;
	}
	while (pad && chars++ < width)
		dyad_buf_putc(b, ' ');
}

static const char *party_label(const struct dyad_party *p)
{
	if (p->actor)
		return p->actor;
	if (p->country)
		return p->country;
	return p->name;
}

static size_t sentence_width(unsigned width)
{
	if (width == 0)
		width = DYAD_TABLE_WIDTH;
	if (width < DYAD_TABLE_MIN_WIDTH)
		width = DYAD_TABLE_MIN_WIDTH;
	return width - COL_FIXED;
}

static void table_header(struct dyad_buf *b)
{
	dyad_buf_printf(b, "%-*s %-*s %-*s %-*s %*s %-*s %s\n", COL_DAY, "date",
	                COL_CODE, "code", COL_PARTY, "source", COL_PARTY, "target",
	                COL_GOLD, "gold", COL_DOC, "doc", "sentence");
}

static void table_row(struct dyad_buf *b, unsigned width,
                      const struct dyad_event_row *r)
{
	char doc[COL_DOC + 1] = "-";
	if (r->doc_id) {
		size_t n = strnlen(r->doc_id, COL_DOC);
		memcpy(doc, r->doc_id, n);
		doc[n] = '\0';
	}
	put_cell(b, r->day, COL_DAY, 1);
	dyad_buf_putc(b, ' ');
	put_cell(b, r->event.code, COL_CODE, 1);
	dyad_buf_putc(b, ' ');
	put_cell(b, party_label(&r->event.source), COL_PARTY, 1);
	dyad_buf_putc(b, ' ');
	put_cell(b, party_label(&r->event.target), COL_PARTY, 1);
	dyad_buf_printf(b, " %*.1f ", COL_GOLD, r->event.goldstein);
	put_cell(b, doc, COL_DOC, 1);
	dyad_buf_putc(b, ' ');
	put_cell(b, r->event.text, sentence_width(width), 0);
	dyad_buf_putc(b, '\n');
}

/* ---- JSON Lines ---- */

static void json_str(struct dyad_buf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	if (!s) {
		dyad_buf_puts(b, "null");
		return;
	}
	dyad_buf_putc(b, '"');
	for (; *s; s++) {
		/* The bytes that need no escape go in one run. */
		size_t run = strcspn(s, "\"\\\n\r\t\x01\x02\x03\x04\x05\x06\x07\x08"
		                        "\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17"
		                        "\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f");
		if (run) {
			dyad_buf_append(b, s, run);
			s += run;
			if (!*s)
				break;
		}
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\') {
			dyad_buf_putc(b, '\\');
			dyad_buf_putc(b, (char)c);
		} else if (c == '\n') {
			dyad_buf_puts(b, "\\n");
		} else if (c == '\r') {
			dyad_buf_puts(b, "\\r");
		} else if (c == '\t') {
			dyad_buf_puts(b, "\\t");
		} else if (c < 0x20) {
			char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
			dyad_buf_append(b, esc, sizeof esc);
		} else {
			dyad_buf_putc(b, (char)c);
		}
	}
	dyad_buf_putc(b, '"');
}

/* ,"key": */
static void json_key(struct dyad_buf *b, const char *key)
{
	dyad_buf_puts(b, ",\"");
	dyad_buf_puts(b, key);
	dyad_buf_puts(b, "\":");
}

static void json_field(struct dyad_buf *b, const char *key, const char *value)
{
	json_key(b, key);
	json_str(b, value);
}

static void json_party(struct dyad_buf *b, const char *key,
                       const struct dyad_party *p)
{
	json_key(b, key);
	dyad_buf_puts(b, "{\"country\":");
	json_str(b, p->country);
	json_field(b, "actor", p->actor);
	json_field(b, "name", p->name);
	dyad_buf_putc(b, '}');
}

static void jsonl_row(struct dyad_buf *b, const struct dyad_event_row *r)
{
	const struct dyad_event *e = &r->event;
	char root[3] = {e->code[0], e->code[0] ? e->code[1] : '\0', '\0'};
	dyad_buf_puts(b, "{\"doc_id\":");
	json_str(b, r->doc_id);
	json_field(b, "doc_path", r->doc_path);
	json_field(b, "doc_title", r->doc_title);
	json_field(b, "published", r->published);
	json_field(b, "outlet", r->outlet);
	json_field(b, "lang", r->lang);
	dyad_buf_printf(b, ",\"idx\":%zu", r->idx);
	json_field(b, "code", e->code);
	json_field(b, "root", root);
	dyad_buf_printf(b, ",\"quad\":%d,\"goldstein\":%.1f", e->quad, e->goldstein);
	json_party(b, "source", &e->source);
	json_party(b, "target", &e->target);
	json_field(b, "date", e->date);
	json_field(b, "place", e->place);
	json_field(b, "text", e->text);
	dyad_buf_printf(b, ",\"span\":[%u,%u],\"predicate\":[%u,%u]", e->span.start,
	                e->span.end, e->predicate.start, e->predicate.end);
	dyad_buf_printf(b, ",\"background\":%s,\"intent\":%s,\"mentions\":%u,\"confidence\":%.2f}\n",
	                e->flags & DYAD_EVENT_BACKGROUND ? "true" : "false",
	                e->flags & DYAD_EVENT_INTENT ? "true" : "false", e->n_mentions,
	                e->confidence);
}

/* ---- CSV ---- */

static const char *const csv_columns[] = {
	"doc_id", "date", "code", "root", "quad", "goldstein",
	"source_country", "source_actor", "source_name",
	"target_country", "target_actor", "target_name",
	"place", "text", "doc_path", "doc_title", "published", "outlet", "lang",
};
#define N_CSV_COLUMNS (sizeof csv_columns / sizeof csv_columns[0])

static void csv_header(struct dyad_buf *b)
{
	for (size_t i = 0; i < N_CSV_COLUMNS; i++)
		dyad__export_csv(b, csv_columns[i], i == 0);
	dyad_buf_puts(b, "\r\n");
}

static void csv_row(struct dyad_buf *b, const struct dyad_event_row *r)
{
	const struct dyad_event *e = &r->event;
	char root[3] = {e->code[0], e->code[0] ? e->code[1] : '\0', '\0'};
	char quad[16], gold[16];
	snprintf(quad, sizeof quad, "%d", e->quad);
	snprintf(gold, sizeof gold, "%.1f", e->goldstein);
	const char *fields[N_CSV_COLUMNS] = {
		r->doc_id, e->date, e->code, root, quad, gold,
		e->source.country, e->source.actor, e->source.name,
		e->target.country, e->target.actor, e->target.name,
		e->place, e->text, r->doc_path, r->doc_title, r->published, r->outlet,
		r->lang,
	};
	for (size_t i = 0; i < N_CSV_COLUMNS; i++)
		dyad__export_csv(b, fields[i], i == 0);
	dyad_buf_puts(b, "\r\n");
}

static dyad_status flush(struct dyad_buf *b, FILE *out)
{
	dyad_status st = b->error;
	if (st == DYAD_OK && b->len && fwrite(b->data, 1, b->len, out) != b->len)
		st = DYAD_EIO;
	dyad_buf_release(b);
	return st;
}

dyad_status dyad_event_write_header(FILE *out, enum dyad_event_format format,
                                    unsigned width)
{
	struct dyad_buf b;
	(void)width;
	dyad_buf_init(&b, 0);
	if (format == DYAD_EVENTS_TABLE)
		table_header(&b);
	else if (format == DYAD_EVENTS_CSV)
		csv_header(&b);
	return flush(&b, out);
}

dyad_status dyad_event_write(FILE *out, enum dyad_event_format format,
                             unsigned width, const struct dyad_event_row *row)
{
	struct dyad_buf b;
	dyad_buf_init(&b, 0);
	switch (format) {
	case DYAD_EVENTS_TABLE:
		table_row(&b, width, row);
		break;
	case DYAD_EVENTS_JSONL:
		jsonl_row(&b, row);
		break;
	case DYAD_EVENTS_CSV:
		csv_row(&b, row);
		break;
	default:
		dyad_buf_release(&b);
		return DYAD_EINVAL;
	}
	return flush(&b, out);
}
