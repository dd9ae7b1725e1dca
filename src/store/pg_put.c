/*
 * pg_put.c - dyad_store_put() into PostgreSQL: bulk ingest with COPY.
 *
 * A document's rows are written as COPY text into one buffer per table;
 * a commit (every store->batch documents, or dyad_store_commit()) sends
 * them with COPY into temporary staging tables, then, in one transaction,
 * moves them into the real tables: the documents with INSERT ... ON
 * CONFLICT (id) DO NOTHING, which the unique id makes safe under any
 * number of concurrent writers (a document another ingester stored first
 * is skipped, and so are its rows), the child rows of the documents that
 * were new, and the knowledge graph's step for each of those
 * (pg_graph.c). The copies run side by side; the moves take turns (an
 * advisory lock held to the commit), so concurrent writers never deadlock
 * on the graph's shared rows. Should PostgreSQL still abort a transaction
 * (a deadlock or serialisation failure with another client), it is sent
 * again from the buffers, so no document is lost to it.
 *
 * A crash loses the open batch only (--batch 1: the document in flight);
 * what was committed stays, and a re-run adds the rest.
 */
#include "store/pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/alloc.h"

/* The lock writers take in turn to move a batch in: "dyaw". */
#define DYAD_PG_WRITE_LOCK "1685682551"
/* Attempts of a batch that deadlocked or could not be serialised. */
#define DYAD_PG_RETRIES 20
/* Length of the root of a CAMEO code: "051" -> "05". */
#define ROOT_LEN 2

static const char *const stage_sql =
	"CREATE TEMP TABLE IF NOT EXISTS dyad_s_documents (ord integer, id text COLLATE \"C\","
	" path text, lang text, title text, published text, source text, author text,"
	" dateline text, url text, error text, text text, ingested_at text)"
	" ON COMMIT DELETE ROWS;"
	"CREATE TEMP TABLE IF NOT EXISTS dyad_s_entities (LIKE entities) ON COMMIT DELETE ROWS;"
	"CREATE TEMP TABLE IF NOT EXISTS dyad_s_mentions (LIKE mentions) ON COMMIT DELETE ROWS;"
	"CREATE TEMP TABLE IF NOT EXISTS dyad_s_events (LIKE events) ON COMMIT DELETE ROWS;"
	"CREATE TEMP TABLE IF NOT EXISTS dyad_s_quotes (LIKE quotes) ON COMMIT DELETE ROWS;"
	"CREATE TEMP TABLE IF NOT EXISTS dyad_s_amounts (LIKE amounts) ON COMMIT DELETE ROWS;"
	"CREATE TEMP TABLE IF NOT EXISTS dyad_s_new (id text COLLATE \"C\", ord integer)"
	" ON COMMIT DELETE ROWS;";

static const char *const copy_sql[DYAD_N_PG_TABLES] = {
	[DYAD_PG_DOCUMENTS] = "COPY dyad_s_documents FROM STDIN",
	[DYAD_PG_ENTITIES] = "COPY dyad_s_entities (doc_id, idx, kind, name, country, role,"
	                     " actor, lat, lon) FROM STDIN",
	[DYAD_PG_MENTIONS] = "COPY dyad_s_mentions FROM STDIN",
	[DYAD_PG_EVENTS] = "COPY dyad_s_events (doc_id, idx, code, root, quad, goldstein,"
	                   " src_country, src_actor, src_name, src_entity, tgt_country,"
	                   " tgt_actor, tgt_name, tgt_entity, date, place, sentence,"
	                   " span_start, span_end, pred_start, pred_end, flags, n_mentions,"
	                   " confidence) FROM STDIN",
	[DYAD_PG_QUOTES] = "COPY dyad_s_quotes FROM STDIN",
	[DYAD_PG_AMOUNTS] = "COPY dyad_s_amounts FROM STDIN",
};

/* The documents that were new, then their rows; in input order. */
static const char *const move_sql[] = {
	"WITH ins AS (INSERT INTO documents (id, path, lang, title, published, source,"
	" author, dateline, url, error, text, ingested_at)"
	" SELECT id, path, lang, title, published, source, author, dateline, url, error,"
	" text, ingested_at FROM dyad_s_documents ORDER BY ord"
	" ON CONFLICT (id) DO NOTHING RETURNING id)"
	" INSERT INTO dyad_s_new SELECT i.id, s.ord FROM ins i JOIN dyad_s_documents s"
	" ON s.id = i.id",
	/* Its real size, so that the plans below read the new documents' rows
	 * by index rather than scanning the tables. */
	"ANALYZE dyad_s_new",
	"INSERT INTO entities SELECT s.* FROM dyad_s_entities s JOIN dyad_s_new n ON n.id = s.doc_id",
	"INSERT INTO mentions SELECT s.* FROM dyad_s_mentions s JOIN dyad_s_new n ON n.id = s.doc_id",
	"INSERT INTO events SELECT s.* FROM dyad_s_events s JOIN dyad_s_new n ON n.id = s.doc_id",
	"INSERT INTO quotes SELECT s.* FROM dyad_s_quotes s JOIN dyad_s_new n ON n.id = s.doc_id",
	"INSERT INTO amounts SELECT s.* FROM dyad_s_amounts s JOIN dyad_s_new n ON n.id = s.doc_id",
};

/* ---- COPY text ---- */

static void field(struct dyad_buf *b, const char *s, size_t n, int first)
{
	if (!first)
		dyad_buf_putc(b, '\t');
	if (!s) {
		dyad_buf_puts(b, "\\N");
		return;
	}
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		switch (c) {
		case '\\': dyad_buf_puts(b, "\\\\"); break;
		case '\t': dyad_buf_puts(b, "\\t"); break;
		case '\n': dyad_buf_puts(b, "\\n"); break;
		case '\r': dyad_buf_puts(b, "\\r"); break;
		case '\0': break; /* PostgreSQL text has no NUL */
		default: dyad_buf_putc(b, c);
		}
	}
}

static void str(struct dyad_buf *b, const char *s)
{
	field(b, s, s ? strlen(s) : 0, 0);
}

static void num(struct dyad_buf *b, long long v)
{
	dyad_buf_printf(b, "\t%lld", v);
}

static void index_or_null(struct dyad_buf *b, int v)
{
	if (v < 0)
		dyad_buf_puts(b, "\t\\N");
	else
		num(b, v);
}

static void real(struct dyad_buf *b, double v)
{
	dyad_buf_printf(b, "\t%.17g", v);
}

static void span_text(struct dyad_buf *b, const struct dyad_doc *doc, struct dyad_span s)
{
	if (!doc->text || s.start > s.end || s.end > doc->text_len)
		str(b, NULL);
	else
		field(b, doc->text + s.start, s.end - s.start, 0);
}

static void copy_document(struct dyad__pg *pg, const struct dyad_doc *doc)
{
	struct dyad_buf *b = &pg->copy[DYAD_PG_DOCUMENTS];
	char now[32];
	time_t t = time(NULL);
	struct tm tm;
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&t, &tm));
	dyad_buf_printf(b, "%zu", pg->n_copied);
	str(b, doc->id);
	str(b, doc->path);
	str(b, doc->lang);
	str(b, doc->title);
	str(b, doc->published);
	str(b, doc->source);
	str(b, doc->author);
	str(b, doc->dateline);
	str(b, doc->url);
	str(b, doc->error);
	field(b, doc->text, doc->text ? doc->text_len : 0, 0);
	str(b, now);
	dyad_buf_putc(b, '\n');
}

static void copy_entities(struct dyad__pg *pg, const struct dyad_doc *doc)
{
	struct dyad_buf *b = &pg->copy[DYAD_PG_ENTITIES], *m = &pg->copy[DYAD_PG_MENTIONS];
	for (size_t i = 0; i < doc->n_entities; i++) {
		const struct dyad_entity *e = &doc->entities[i];
		field(b, doc->id, strlen(doc->id), 1);
		num(b, (long long)i);
		str(b, dyad_entity_kind_name(e->kind));
		str(b, e->name);
		str(b, e->country);
		str(b, e->role);
		str(b, e->actor);
		if (e->has_coords) {
			real(b, e->lat);
			real(b, e->lon);
		} else {
			dyad_buf_puts(b, "\t\\N\t\\N");
		}
		dyad_buf_putc(b, '\n');
		for (size_t k = 0; k < e->n_mentions; k++) {
			field(m, doc->id, strlen(doc->id), 1);
			num(m, (long long)i);
			num(m, (long long)k);
			num(m, e->mentions[k].start);
			num(m, e->mentions[k].end);
			dyad_buf_putc(m, '\n');
		}
	}
}

static void copy_party(struct dyad_buf *b, const struct dyad_party *p)
{
	str(b, p->country);
	str(b, p->actor);
	str(b, p->name);
	index_or_null(b, p->entity);
}

static void copy_events(struct dyad__pg *pg, const struct dyad_doc *doc)
{
	struct dyad_buf *b = &pg->copy[DYAD_PG_EVENTS];
	for (size_t i = 0; i < doc->n_events; i++) {
		const struct dyad_event *e = &doc->events[i];
		size_t n = strnlen(e->code, sizeof e->code);
		field(b, doc->id, strlen(doc->id), 1);
		num(b, (long long)i);
		field(b, e->code, n, 0);
		field(b, e->code, n < ROOT_LEN ? n : ROOT_LEN, 0);
		num(b, e->quad);
		real(b, e->goldstein);
		copy_party(b, &e->source);
		copy_party(b, &e->target);
		str(b, e->date);
		str(b, e->place);
		str(b, e->text);
		num(b, e->span.start);
		num(b, e->span.end);
		num(b, e->predicate.start);
		num(b, e->predicate.end);
		num(b, e->flags);
		num(b, e->n_mentions);
		real(b, e->confidence);
		dyad_buf_putc(b, '\n');
	}
}

static void copy_quotes_amounts(struct dyad__pg *pg, const struct dyad_doc *doc)
{
	struct dyad_buf *b = &pg->copy[DYAD_PG_QUOTES];
	for (size_t i = 0; i < doc->n_quotes; i++) {
		const struct dyad_quote *q = &doc->quotes[i];
		field(b, doc->id, strlen(doc->id), 1);
		num(b, (long long)i);
		str(b, q->speaker);
		index_or_null(b, q->speaker_entity);
		num(b, q->span.start);
		num(b, q->span.end);
		span_text(b, doc, q->span);
		dyad_buf_putc(b, '\n');
	}
	b = &pg->copy[DYAD_PG_AMOUNTS];
	for (size_t i = 0; i < doc->n_amounts; i++) {
		const struct dyad_amount *a = &doc->amounts[i];
		field(b, doc->id, strlen(doc->id), 1);
		num(b, (long long)i);
		real(b, a->value);
		str(b, a->unit);
		str(b, a->counts);
		num(b, a->span.start);
		num(b, a->span.end);
		span_text(b, doc, a->span);
		dyad_buf_putc(b, '\n');
	}
}

/* ---- the batch ---- */

static void clear_batch(struct dyad_store *store)
{
	struct dyad__pg *pg = store->pg;
	for (int i = 0; i < DYAD_N_PG_TABLES; i++)
		dyad_buf_reset(&pg->copy[i]);
	dyad_buf_reset(&pg->ids);
	pg->n_copied = 0;
	store->in_batch = 0;
	store->n_batched = 0;
}

void dyad__pg_put_free(struct dyad_store *store)
{
	for (int i = 0; i < DYAD_N_PG_TABLES; i++)
		dyad_buf_release(&store->pg->copy[i]);
	dyad_buf_release(&store->pg->ids);
}

static dyad_status copy_in(struct dyad_store *store, enum dyad__pg_table t)
{
	struct dyad_buf *b = &store->pg->copy[t];
	PGconn *conn = store->pg->conn;
	if (!b->len)
		return DYAD_OK;
	PGresult *res = PQexec(conn, copy_sql[t]);
	int ok = PQresultStatus(res) == PGRES_COPY_IN;
	if (!ok)
		dyad__pg_note(store, res);
	PQclear(res);
	if (!ok)
		return dyad__store_fail(store, "cannot copy the rows");
	ok = PQputCopyData(conn, b->data, (int)b->len) == 1 && PQputCopyEnd(conn, NULL) == 1;
	while ((res = PQgetResult(conn)) != NULL) {
		if (PQresultStatus(res) != PGRES_COMMAND_OK) {
			dyad__pg_note(store, res);
			ok = 0;
		}
		PQclear(res);
	}
	return ok ? DYAD_OK : dyad__store_fail(store, "cannot copy the rows");
}

/* One attempt at the batch's transaction. */
static dyad_status send_batch(struct dyad_store *store)
{
	dyad_status st = dyad__pg_run(store, "BEGIN", "cannot start a transaction");
	for (int t = 0; st == DYAD_OK && t < DYAD_N_PG_TABLES; t++)
		st = copy_in(store, (enum dyad__pg_table)t);
	/* Writers take turns from here to the commit: the documents' unique
	 * index and the graph's shared rows (a country's node is in most
	 * documents) are then never locked in two orders at once. */
	if (st == DYAD_OK)
		st = dyad__pg_run(store, "SELECT pg_advisory_xact_lock(" DYAD_PG_WRITE_LOCK ")",
		                  "cannot take the writers' lock");
	for (size_t i = 0; st == DYAD_OK && i < sizeof move_sql / sizeof move_sql[0]; i++)
		st = dyad__pg_run(store, move_sql[i], "cannot store the documents");
	if (st == DYAD_OK)
		st = dyad__pg_graph_batch(store);
	if (st == DYAD_OK)
		st = dyad__pg_run(store, "COMMIT", "cannot commit");
	if (st != DYAD_OK) {
		char keep[DYAD_ERRMSG_MAX], state[6];
		memcpy(keep, store->errmsg, sizeof keep);
		memcpy(state, store->pg->sqlstate, sizeof state);
		if (!store->pg->lost)
			(void)dyad__pg_run(store, "ROLLBACK", "cannot roll back");
		memcpy(store->errmsg, keep, sizeof keep);
		memcpy(store->pg->sqlstate, state, sizeof state);
	}
	return st;
}

/* A deadlock (40P01) or a serialisation failure (40001): send it again. */
static int retryable(const struct dyad__pg *pg)
{
	return strcmp(pg->sqlstate, "40P01") == 0 || strcmp(pg->sqlstate, "40001") == 0;
}

dyad_status dyad__pg_commit(struct dyad_store *store)
{
	struct dyad__pg *pg = store->pg;
	if (!pg->n_copied) {
		clear_batch(store);
		return DYAD_OK;
	}
	dyad_status st = DYAD_OK;
	if (!pg->staged) {
		st = dyad__pg_run(store, stage_sql, "cannot make the staging tables");
		pg->staged = st == DYAD_OK;
	}
	for (int attempt = 0; st == DYAD_OK; attempt++) {
		pg->sqlstate[0] = '\0';
		st = send_batch(store);
		if (st == DYAD_OK || !retryable(pg) || attempt == DYAD_PG_RETRIES)
			break;
		/* The other transaction goes first; a random pause keeps two from
		 * meeting again at once. */
		usleep((useconds_t)(1000 * (5 + (unsigned)(rand() % 50) * (unsigned)(attempt + 1))));
		st = DYAD_OK;
	}
	clear_batch(store);
	if (st == DYAD_OK)
		store->n_pending = 0;
	return st;
}

/* 1 when id is stored already or earlier in the open batch. */
static int known(struct dyad_store *store, const char *id, dyad_status *st)
{
	struct dyad__pg *pg = store->pg;
	size_t n = strlen(id);
	for (const char *p = pg->ids.data; p && (p = strstr(p, id)) != NULL; p += n)
		if (p[-1] == '\n' && p[n] == '\n')
			return 1;
	const char *values[1] = {id};
	PGresult *res = PQexecParams(pg->conn, "SELECT 1 FROM documents WHERE id = $1", 1,
	                             NULL, values, NULL, NULL, 0);
	int found = 0;
	if (PQresultStatus(res) == PGRES_TUPLES_OK)
		found = PQntuples(res) > 0;
	else {
		dyad__pg_note(store, res);
		*st = dyad__store_fail(store, "cannot look the document up");
	}
	PQclear(res);
	return found;
}

dyad_status dyad__pg_put(struct dyad_store *store, const struct dyad_doc *doc, int *added)
{
	struct dyad__pg *pg = store->pg;
	dyad_status st = DYAD_OK;
	if (added)
		*added = 0;
	store->errmsg[0] = '\0';
	if (store->readonly)
		return dyad__store_error(store, DYAD_EDB, "the database was opened read only");
	if (!doc->id || !doc->id[0]) {
		if (doc->error)
			return DYAD_OK; /* nothing to key it by: not stored */
		return dyad__store_error(store, DYAD_EINVAL, "%s: document has no id",
		                         doc->path ? doc->path : "-");
	}
	dyad__pg_park(store);
	if (known(store, doc->id, &st) || st != DYAD_OK)
		return st;
	if (!pg->ids.len)
		dyad_buf_putc(&pg->ids, '\n');
	dyad_buf_printf(&pg->ids, "%s\n", doc->id);
	copy_document(pg, doc);
	copy_entities(pg, doc);
	copy_events(pg, doc);
	copy_quotes_amounts(pg, doc);
	for (int i = 0; i < DYAD_N_PG_TABLES; i++)
		if (pg->copy[i].error != DYAD_OK)
			return dyad__store_error(store, pg->copy[i].error, "%s",
			                         dyad_strerror(pg->copy[i].error));
	pg->n_copied++;
	store->in_batch = 1;
	store->n_batched++;
	store->n_pending++;
	if (added)
		*added = 1;
	if (store->n_batched >= store->batch && (st = dyad__pg_commit(store)) != DYAD_OK) {
		if (added)
			*added = 0;
		return st;
	}
	return DYAD_OK;
}
