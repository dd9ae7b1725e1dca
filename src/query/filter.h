/*
 * filter.h - the event filter as SQL, shared by the queries that take a
 * struct dyad_event_filter: the event listing (events.c), the filtered
 * graph (graph.c) and the timeline (timeline.c), so that "the events of
 * this filter" means the same rows in every one of them.
 *
 * The SQL is assembled from fixed fragments over "events e JOIN documents
 * d ON d.id = e.doc_id"; every value is bound, never pasted.
 */
#ifndef DYAD_QUERY_FILTER_H
#define DYAD_QUERY_FILTER_H

#include "core/buf.h"
#include "store/store.h"

/* At most this many values are bound (the filter has a dozen fields, and
 * an export may repeat it). */
#define DYAD_FILTER_MAX_BINDS 48
/* Room for a normalised filter value: "2021-03-03", "AZEGOV", "051*". */
#define DYAD_FILTER_VALUE_MAX 160

/* The SQL being built and the values it will bind, in order. */
struct dyad__event_query {
	struct dyad_buf sql;
	const char *binds[DYAD_FILTER_MAX_BINDS];
	int n_binds;
	char values[DYAD_FILTER_MAX_BINDS][DYAD_FILTER_VALUE_MAX]; /* normalised copies */
	int64_t limit;
};

/*
 * Append " AND ..." for every field of f but limit and after to q->sql,
 * pushing the values to bind. DYAD_EINVAL with the store's message naming
 * the bad value, DYAD_ENOMEM.
 */
dyad_status dyad__event_where(struct dyad_store *store,
                              const struct dyad_event_filter *f,
                              struct dyad__event_query *q);

/* The FROM of a query over the events of f: with the documents joined
 * ("d") only when a field of f reads them (outlet, language, text). */
const char *dyad__event_from(const struct dyad_event_filter *f);

/* DYAD_EINVAL (with a message) when match is not an FTS5 query. */
dyad_status dyad__event_check_match(struct dyad_store *store, const char *match);

/*
 * Prepare q's SQL with its values bound (copied: q may go after this),
 * after committing the handle's open batch and checking match (the
 * filter's FTS query, or NULL). DYAD_EINVAL, DYAD_EDB, DYAD_ENOMEM with
 * the store's message; *out is NULL then. Give the statement back with
 * dyad__stmt_put() (it may be kept prepared for the next such query).
 */
dyad_status dyad__event_query_prepare(struct dyad_store *store,
                                      struct dyad__event_query *q,
                                      const char *match, dyad__stmt **out);

#endif
