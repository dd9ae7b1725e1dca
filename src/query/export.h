/*
 * export.h - what the export writers share (export*.c): one event row of
 * the export query with its document, its actors' entities and the place
 * it happened, read through the store interface; field writers for TSV,
 * CSV and XML; the event id GDELT and ICEWS number rows by.
 */
#ifndef DYAD_QUERY_EXPORT_H
#define DYAD_QUERY_EXPORT_H

#include <stdio.h>

#include "core/buf.h"
#include "query/filter.h"

/* Where an actor or an event is, from the entities of its document. */
struct dyad__export_geo {
	const char *kind;    /* "place", "country", else NULL: no geography */
	const char *name;
	const char *country;
	int has_coords;
	double lat, lon;
};

struct dyad__export_party {
	const char *actor, *name, *country;
	struct dyad__export_geo geo; /* of the side's entity */
	int64_t offset;              /* its first mention in the sentence, -1 */
};

struct dyad__export_row {
	const char *doc_id, *day, *code, *root;
	int64_t idx;
	int quad;
	double goldstein;
	struct dyad__export_party src, tgt;
	int64_t n_mentions, span_start, pred_start, doc_len;
	const char *published, *url, *path, *source, *sentence, *place;
	struct dyad__export_geo where; /* the event's place */
	const char *confidence;        /* the events' confidence as a percentage
	                                  (in confidence_text), or NULL */
	char confidence_text[8];
};

/* The export query over the events of f in the listing's order, prepared
 * and bound; read rows with dyad__export_next(). */
dyad_status dyad__export_events(struct dyad_store *store,
                                const struct dyad_event_filter *f, dyad__stmt **out);
/* DYAD_OK with *row filled (valid until the next call), DYAD_DONE, DYAD_EDB. */
dyad_status dyad__export_next(struct dyad_store *store, dyad__stmt *s,
                              struct dyad__export_row *row);

/* GDELT's GLOBALEVENTID and ICEWS's Event ID of a row: the document id's
 * first 12 hex digits times 10,000 plus the event's position, the same in
 * every backend and every export of the same rows. */
int64_t dyad__export_event_id(const struct dyad__export_row *row);

/* Append a TSV field (tabs and line breaks become spaces; NULL is empty),
 * preceded by a TAB unless first. */
void dyad__export_tsv(struct dyad_buf *b, const char *s, int first);
/* Append an RFC 4180 field, preceded by a comma unless first. */
void dyad__export_csv(struct dyad_buf *b, const char *s, int first);
/* Append s escaped for XML text and attribute values. */
void dyad__export_xml(struct dyad_buf *b, const char *s);

/* Write the buffer's line(s) and empty it: DYAD_EIO when out fails. */
dyad_status dyad__export_flush(struct dyad_buf *b, FILE *out);

/* The writers of each format (export_gdelt.c, export_icews.c, export_graph.c). */
dyad_status dyad__export_gdelt(struct dyad_store *store, const struct dyad_event_filter *f,
                               int mentions, FILE *out);
dyad_status dyad__export_icews(struct dyad_store *store, const struct dyad_event_filter *f,
                               const struct dyad_export_options *options, FILE *out);
dyad_status dyad__export_graph(struct dyad_store *store, const struct dyad_event_filter *f,
                               int gexf, FILE *out);

#endif
