/*
 * export.c - dyad_store_export(): the stored events in the formats other
 * tools read (docs/formats.md). This file chooses the writer, runs the
 * export query that the GDELT and ICEWS writers share, and holds the
 * field writers; the formats live in export_gdelt.c, export_icews.c and
 * export_graph.c. CSV and JSON Lines are the listing's own (format.c).
 *
 * Every writer reads one row, formats one line into a buffer and writes
 * it, so memory stays the same however many rows there are, and the
 * query goes through the store interface, whichever backend holds them.
 */
#include "query/export.h"

#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "store/store.h"

static const struct {
	const char *name;
	enum dyad_export_format format;
} formats[] = {
	{"gdelt", DYAD_EXPORT_GDELT},     {"gdelt-mentions", DYAD_EXPORT_GDELT_MENTIONS},
	{"icews", DYAD_EXPORT_ICEWS},     {"csv", DYAD_EXPORT_CSV},
	{"jsonl", DYAD_EXPORT_JSONL},     {"graphml", DYAD_EXPORT_GRAPHML},
	{"gexf", DYAD_EXPORT_GEXF},
};

int dyad_export_format_parse(const char *name, enum dyad_export_format *out)
{
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strcmp(name, formats[i].name) == 0) {
			*out = formats[i].format;
			return 1;
		}
	return 0;
}

void dyad__export_tsv(struct dyad_buf *b, const char *s, int first)
{
	if (!first)
		dyad_buf_putc(b, '\t');
	for (; s && *s; s++)
		dyad_buf_putc(b, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

void dyad__export_csv(struct dyad_buf *b, const char *s, int first)
{
	if (!first)
		dyad_buf_putc(b, ',');
	if (!s)
		return;
	if (!strpbrk(s, ",\"\r\n")) {
		dyad_buf_puts(b, s);
		return;
	}
	dyad_buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			dyad_buf_putc(b, '"');
		dyad_buf_putc(b, *s);
	}
	dyad_buf_putc(b, '"');
}

void dyad__export_xml(struct dyad_buf *b, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '&': dyad_buf_puts(b, "&amp;"); break;
		case '<': dyad_buf_puts(b, "&lt;"); break;
		case '>': dyad_buf_puts(b, "&gt;"); break;
		case '"': dyad_buf_puts(b, "&quot;"); break;
		case '\'': dyad_buf_puts(b, "&apos;"); break;
		default:
			/* XML 1.0 has no place for the other control characters. */
			dyad_buf_putc(b, c < 0x20 && c != '\t' && c != '\n' ? ' ' : (char)c);
		}
	}
}

dyad_status dyad__export_flush(struct dyad_buf *b, FILE *out)
{
	if (b->error != DYAD_OK)
		return b->error;
	if (b->len && fwrite(b->data, 1, b->len, out) != b->len)
		return DYAD_EIO;
	dyad_buf_reset(b);
	return DYAD_OK;
}

int64_t dyad__export_event_id(const struct dyad__export_row *row)
{
	int64_t v = 0;
	for (int i = 0; i < 12 && row->doc_id && row->doc_id[i]; i++) {
		char c = row->doc_id[i];
		int d = c >= 'a' ? c - 'a' + 10 : c >= 'A' ? c - 'A' + 10 : c - '0';
		v = v * 16 + (d & 15);
	}
	return v * 10000 + row->idx % 10000;
}

/* The columns of the export query, in order (dyad__export_next). */
static const char export_head[] =
	"SELECT e.doc_id, e.idx, e.day, e.code, e.root, e.quad, e.goldstein,"
	" e.src_actor, e.src_name, e.src_country, e.tgt_actor, e.tgt_name, e.tgt_country,"
	" e.n_mentions, e.span_start, e.pred_start,"
	" d.published, d.url, d.path, d.source, e.sentence, e.place,"
	" s.kind, s.name, s.country, s.lat, s.lon,"
	" t.kind, t.name, t.country, t.lat, t.lon,"
	" p.kind, p.name, p.country, p.lat, p.lon,"
	" (SELECT min(m.span_start) FROM mentions m WHERE m.doc_id = e.doc_id"
	"  AND m.entity_idx = e.src_entity AND m.span_start >= e.span_start"
	"  AND m.span_end <= e.span_end),"
	" (SELECT min(m.span_start) FROM mentions m WHERE m.doc_id = e.doc_id"
	"  AND m.entity_idx = e.tgt_entity AND m.span_start >= e.span_start"
	"  AND m.span_end <= e.span_end),"
	" length(d.text), %s"
	" FROM events e JOIN documents d ON d.id = e.doc_id"
	" LEFT JOIN entities s ON s.doc_id = e.doc_id AND s.idx = e.src_entity"
	" LEFT JOIN entities t ON t.doc_id = e.doc_id AND t.idx = e.tgt_entity"
	/* The event's place is the first place or country entity of its
	 * document with that name: where the coordinates are. */
	" LEFT JOIN entities p ON p.doc_id = e.doc_id AND p.idx ="
	"  (SELECT min(x.idx) FROM entities x WHERE x.doc_id = e.doc_id"
	"   AND x.name = e.place AND x.kind IN ('place', 'country'))"
	" WHERE TRUE";

/* 1 when the events table has a confidence column (a newer schema). */
static int has_confidence(struct dyad_store *store)
{
	dyad__stmt *s;
	if (dyad__stmt_prepare(store, "SELECT confidence FROM events WHERE FALSE", &s) !=
	    DYAD_OK) {
		store->errmsg[0] = '\0';
		return 0;
	}
	int ok = dyad__step(s) == DYAD__STEP_DONE;
	dyad__stmt_put(s);
	store->errmsg[0] = '\0';
	return ok;
}

dyad_status dyad__export_events(struct dyad_store *store,
                                const struct dyad_event_filter *f, dyad__stmt **out)
{
	*out = NULL;
	struct dyad__event_query *q = dyad__calloc(1, sizeof *q);
	if (!q)
		return dyad__store_error(store, DYAD_ENOMEM, "%s", dyad_strerror(DYAD_ENOMEM));
	dyad_buf_init(&q->sql, 0);
	dyad_status st = dyad_store_commit(store);
	if (st == DYAD_OK) {
		dyad_buf_printf(&q->sql, export_head,
		                has_confidence(store) ? "e.confidence" : "NULL");
		st = dyad__event_where(store, f, q);
	}
	if (st == DYAD_OK) {
		dyad_buf_printf(&q->sql, " ORDER BY e.day IS NULL, e.day, e.doc_id, e.idx"
		                         " LIMIT ?%d", q->n_binds + 1);
		st = dyad__event_query_prepare(store, q, f->match, out);
	}
	if (st == DYAD_OK)
		dyad__bind_int64(*out, q->n_binds + 1,
		                 f->limit && f->limit < (size_t)INT64_MAX ? (int64_t)f->limit
		                                                          : INT64_MAX);
	dyad_buf_release(&q->sql);
	dyad__free(q);
	return st;
}

static void read_geo(dyad__stmt *s, int col, struct dyad__export_geo *g)
{
	g->kind = dyad__column_text(s, col);
	g->name = dyad__column_text(s, col + 1);
	g->country = dyad__column_text(s, col + 2);
	g->has_coords = !dyad__column_null(s, col + 3) && !dyad__column_null(s, col + 4);
	g->lat = dyad__column_double(s, col + 3);
	g->lon = dyad__column_double(s, col + 4);
	if (g->kind && strcmp(g->kind, "place") != 0 && strcmp(g->kind, "country") != 0)
		g->kind = NULL; /* a person or an organisation: no geography */
}

static void read_party(dyad__stmt *s, int col, int geo_col, int off_col,
                       struct dyad__export_party *p)
{
	p->actor = dyad__column_text(s, col);
	p->name = dyad__column_text(s, col + 1);
	p->country = dyad__column_text(s, col + 2);
	read_geo(s, geo_col, &p->geo);
	p->offset = dyad__column_null(s, off_col) ? -1 : dyad__column_int64(s, off_col);
}

dyad_status dyad__export_next(struct dyad_store *store, dyad__stmt *s,
                              struct dyad__export_row *r)
{
	int rc = dyad__step(s);
	if (rc == DYAD__STEP_DONE)
		return DYAD_DONE;
	if (rc != DYAD__STEP_ROW)
		return dyad__store_fail(store, "cannot read the events");
	memset(r, 0, sizeof *r);
	r->doc_id = dyad__column_text(s, 0);
	r->idx = dyad__column_int64(s, 1);
	r->day = dyad__column_text(s, 2);
	r->code = dyad__column_text(s, 3);
	r->root = dyad__column_text(s, 4);
	r->quad = dyad__column_int(s, 5);
	r->goldstein = dyad__column_double(s, 6);
	read_party(s, 7, 22, 37, &r->src);
	read_party(s, 10, 27, 38, &r->tgt);
	r->n_mentions = dyad__column_int64(s, 13);
	r->span_start = dyad__column_int64(s, 14);
	r->pred_start = dyad__column_int64(s, 15);
	r->published = dyad__column_text(s, 16);
	r->url = dyad__column_text(s, 17);
	r->path = dyad__column_text(s, 18);
	r->source = dyad__column_text(s, 19);
	r->sentence = dyad__column_text(s, 20);
	r->place = dyad__column_text(s, 21);
	read_geo(s, 32, &r->where);
	r->doc_len = dyad__column_int64(s, 39);
	/* 0..1 in the store, a percentage in GDELT; rounded here, not in SQL,
	 * where the backends cast a real to an integer differently */
	r->confidence = NULL;
	if (!dyad__column_null(s, 40)) {
		double c = dyad__column_double(s, 40) * 100.0 + 0.5;
		snprintf(r->confidence_text, sizeof r->confidence_text, "%d",
		         c < 0 ? 0 : c > 100 ? 100 : (int)c);
		r->confidence = r->confidence_text;
	}
	return DYAD_OK;
}

/* CSV and JSON Lines: the listing's own writer over the listing's cursor. */
static dyad_status export_listing(struct dyad_store *store,
                                  const struct dyad_event_filter *f,
                                  enum dyad_event_format format, FILE *out)
{
	dyad_event_cursor *cur = NULL;
	const struct dyad_event_row *row;
	dyad_status st = dyad_store_events(store, f, &cur);
	if (st == DYAD_OK)
		st = dyad_event_write_header(out, format, 0);
	while (st == DYAD_OK && (st = dyad_event_cursor_next(cur, &row)) == DYAD_OK)
		st = dyad_event_write(out, format, 0, row);
	dyad_event_cursor_free(cur);
	return st == DYAD_DONE ? DYAD_OK : st;
}

dyad_status dyad_store_export(dyad_store *store, const struct dyad_event_filter *filter,
                              enum dyad_export_format format,
                              const struct dyad_export_options *options, FILE *out)
{
	static const struct dyad_event_filter all;
	static const struct dyad_export_options none;
	if (!filter)
		filter = &all;
	if (!options)
		options = &none;
	store->errmsg[0] = '\0';
	dyad_status st;
	switch (format) {
	case DYAD_EXPORT_GDELT: st = dyad__export_gdelt(store, filter, 0, out); break;
	case DYAD_EXPORT_GDELT_MENTIONS: st = dyad__export_gdelt(store, filter, 1, out); break;
	case DYAD_EXPORT_ICEWS: st = dyad__export_icews(store, filter, options, out); break;
	case DYAD_EXPORT_CSV: st = export_listing(store, filter, DYAD_EVENTS_CSV, out); break;
	case DYAD_EXPORT_JSONL: st = export_listing(store, filter, DYAD_EVENTS_JSONL, out); break;
	case DYAD_EXPORT_GRAPHML: st = dyad__export_graph(store, filter, 0, out); break;
	case DYAD_EXPORT_GEXF: st = dyad__export_graph(store, filter, 1, out); break;
	default: return dyad__store_error(store, DYAD_EINVAL, "no such export format");
	}
	if (st == DYAD_OK && fflush(out) != 0)
		st = DYAD_EIO;
	if (st == DYAD_EIO && !store->errmsg[0])
		dyad__store_error(store, st, "cannot write the output");
	return st;
}
