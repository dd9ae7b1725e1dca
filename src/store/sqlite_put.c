/*
 * sqlite_put.c - dyad_store_put() in SQLite: one extracted document into the database,
 * with statements prepared once per store handle, in batches.
 *
 * A document is keyed by its id (the digest of its normalised text), so
 * storing the same document again finds the id taken and changes nothing:
 * ingesting a folder twice is harmless. Child rows are written only for a
 * document that was new, so they can never be doubled.
 *
 * Documents go in batches: one transaction per store->batch documents (a
 * commit costs about as much as storing a few documents), each document in
 * a savepoint of its own inside it, so a document whose rows SQLite refuses
 * is undone alone and the batch goes on. When the database itself fails
 * (dyad__store_failed_db) the whole open batch is rolled back: what earlier
 * batches committed stays, and a crash loses at most the open batch, which
 * a re-run stores again.
 */
#include <string.h>

#include "store/sqlite.h"

static const char *const put_sql[DYAD_N_PUT_STMTS] = {
	[DYAD_PUT_BEGIN] = "BEGIN IMMEDIATE",
	[DYAD_PUT_COMMIT] = "COMMIT",
	[DYAD_PUT_ROLLBACK] = "ROLLBACK",
	[DYAD_PUT_SAVEPOINT] = "SAVEPOINT dyad_doc",
	[DYAD_PUT_RELEASE] = "RELEASE dyad_doc",
	[DYAD_PUT_UNDO_DOC] = "ROLLBACK TO dyad_doc",
	[DYAD_PUT_DOCUMENT] =
		"INSERT OR IGNORE INTO documents (id, path, lang, title, published,"
		" source, author, dateline, url, error, text, ingested_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
		" strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
	[DYAD_PUT_FTS] = "INSERT INTO docs_fts (rowid, title, text) VALUES (?1, ?2, ?3)",
	[DYAD_PUT_ENTITY] =
		"INSERT INTO entities (doc_id, idx, kind, name, country, role, actor,"
		" lat, lon) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[DYAD_PUT_MENTION] =
		"INSERT INTO mentions (doc_id, entity_idx, idx, span_start, span_end)"
		" VALUES (?1, ?2, ?3, ?4, ?5)",
	[DYAD_PUT_EVENT] =
		"INSERT INTO events (doc_id, idx, code, root, quad, goldstein,"
		" src_country, src_actor, src_name, src_entity,"
		" tgt_country, tgt_actor, tgt_name, tgt_entity,"
		" date, place, sentence, span_start, span_end, pred_start, pred_end,"
		" flags, n_mentions, confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
		" ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,"
		" ?23, ?24)",
	[DYAD_PUT_QUOTE] =
		"INSERT INTO quotes (doc_id, idx, speaker, speaker_entity, span_start,"
		" span_end, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[DYAD_PUT_AMOUNT] =
		"INSERT INTO amounts (doc_id, idx, value, unit, counts, span_start,"
		" span_end, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
};

/* Length of the root of a CAMEO code: "051" -> "05". */
#define DYAD_CAMEO_ROOT_LEN 2

void dyad__store_put_finalize(struct dyad_store *store)
{
	for (int i = 0; i < DYAD_N_PUT_STMTS; i++) {
		sqlite3_finalize(store->lite->put[i]);
		store->lite->put[i] = NULL;
	}
	dyad__graph_finalize(&store->lite->graph);
	dyad__stmt_finalize(store);
}

/* The statement, prepared on first use; NULL with the error recorded. */
static sqlite3_stmt *stmt(struct dyad_store *store, enum dyad__put_stmt which)
{
	if (!store->lite->put[which] &&
	    sqlite3_prepare_v3(store->lite->db, put_sql[which], -1,
	                       SQLITE_PREPARE_PERSISTENT, &store->lite->put[which],
	                       NULL) != SQLITE_OK) {
		dyad__store_fail(store, "cannot prepare a statement");
		return NULL;
	}
	return store->lite->put[which];
}

/* Step a bound statement to completion and make it ready for reuse. */
static dyad_status run(struct dyad_store *store, sqlite3_stmt *s,
                       const char *what)
{
	int rc = sqlite3_step(s);
	dyad_status st = DYAD_OK;
	if (rc != SQLITE_DONE)
		st = dyad__store_fail(store, what);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return st;
}

static dyad_status run_plain(struct dyad_store *store,
                             enum dyad__put_stmt which, const char *what)
{
	sqlite3_stmt *s = stmt(store, which);
	return s ? run(store, s, what) : DYAD_EDB;
}

/* Bind the bytes a span covers, or NULL when it is not inside the text. */
static void bind_span_text(sqlite3_stmt *s, int col, const struct dyad_doc *doc,
                           struct dyad_span span)
{
	if (!doc->text || span.start > span.end || span.end > doc->text_len)
		sqlite3_bind_null(s, col);
	else
		sqlite3_bind_text(s, col, doc->text + span.start,
		                  (int)(span.end - span.start), SQLITE_STATIC);
}

static void bind_index(sqlite3_stmt *s, int col, int index)
{
	if (index < 0)
		sqlite3_bind_null(s, col);
	else
		sqlite3_bind_int(s, col, index);
}

static dyad_status put_document(struct dyad_store *store,
                                const struct dyad_doc *doc, int *added)
{
	sqlite3_stmt *s = stmt(store, DYAD_PUT_DOCUMENT);
	if (!s)
		return DYAD_EDB;
	dyad__lite_bind_text(s, 1, doc->id);
	dyad__lite_bind_text(s, 2, doc->path);
	dyad__lite_bind_text(s, 3, doc->lang);
	dyad__lite_bind_text(s, 4, doc->title);
	dyad__lite_bind_text(s, 5, doc->published);
	dyad__lite_bind_text(s, 6, doc->source);
	dyad__lite_bind_text(s, 7, doc->author);
	dyad__lite_bind_text(s, 8, doc->dateline);
	dyad__lite_bind_text(s, 9, doc->url);
	dyad__lite_bind_text(s, 10, doc->error);
	if (doc->text)
		sqlite3_bind_text(s, 11, doc->text, (int)doc->text_len, SQLITE_STATIC);
	dyad_status st = run(store, s, "cannot store the document");
	if (st != DYAD_OK)
		return st;
	*added = sqlite3_changes(store->lite->db) > 0;
	if (!*added)
		return DYAD_OK;
	sqlite3_int64 seq = sqlite3_last_insert_rowid(store->lite->db);
	if (!(s = stmt(store, DYAD_PUT_FTS)))
		return DYAD_EDB;
	sqlite3_bind_int64(s, 1, seq);
	dyad__lite_bind_text(s, 2, doc->title);
	if (doc->text)
		sqlite3_bind_text(s, 3, doc->text, (int)doc->text_len, SQLITE_STATIC);
	return run(store, s, "cannot index the document");
}

static dyad_status put_entities(struct dyad_store *store,
                                const struct dyad_doc *doc)
{
	sqlite3_stmt *s = stmt(store, DYAD_PUT_ENTITY);
	sqlite3_stmt *m = stmt(store, DYAD_PUT_MENTION);
	if (!s || !m)
		return DYAD_EDB;
	for (size_t i = 0; i < doc->n_entities; i++) {
		const struct dyad_entity *e = &doc->entities[i];
		dyad__lite_bind_text(s, 1, doc->id);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
		dyad__lite_bind_text(s, 3, dyad_entity_kind_name(e->kind));
		dyad__lite_bind_text(s, 4, e->name);
		dyad__lite_bind_text(s, 5, e->country);
		dyad__lite_bind_text(s, 6, e->role);
		dyad__lite_bind_text(s, 7, e->actor);
		if (e->has_coords) {
			sqlite3_bind_double(s, 8, e->lat);
			sqlite3_bind_double(s, 9, e->lon);
		}
		dyad_status st = run(store, s, "cannot store an entity");
		if (st != DYAD_OK)
			return st;
		for (size_t k = 0; k < e->n_mentions; k++) {
			dyad__lite_bind_text(m, 1, doc->id);
			sqlite3_bind_int64(m, 2, (sqlite3_int64)i);
			sqlite3_bind_int64(m, 3, (sqlite3_int64)k);
			sqlite3_bind_int64(m, 4, e->mentions[k].start);
			sqlite3_bind_int64(m, 5, e->mentions[k].end);
			if ((st = run(store, m, "cannot store a mention")) != DYAD_OK)
				return st;
		}
	}
	return DYAD_OK;
}

static void bind_party(sqlite3_stmt *s, int col, const struct dyad_party *p)
{
	dyad__lite_bind_text(s, col, p->country);
	dyad__lite_bind_text(s, col + 1, p->actor);
	dyad__lite_bind_text(s, col + 2, p->name);
	bind_index(s, col + 3, p->entity);
}

static dyad_status put_events(struct dyad_store *store,
                              const struct dyad_doc *doc)
{
	sqlite3_stmt *s = stmt(store, DYAD_PUT_EVENT);
	if (!s)
		return DYAD_EDB;
	for (size_t i = 0; i < doc->n_events; i++) {
		const struct dyad_event *e = &doc->events[i];
		size_t code_len = strnlen(e->code, sizeof e->code);
		size_t root_len = code_len < DYAD_CAMEO_ROOT_LEN ? code_len
		                                                 : DYAD_CAMEO_ROOT_LEN;
		dyad__lite_bind_text(s, 1, doc->id);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
		sqlite3_bind_text(s, 3, e->code, (int)code_len, SQLITE_STATIC);
		sqlite3_bind_text(s, 4, e->code, (int)root_len, SQLITE_STATIC);
		sqlite3_bind_int(s, 5, e->quad);
		sqlite3_bind_double(s, 6, e->goldstein);
		bind_party(s, 7, &e->source);
		bind_party(s, 11, &e->target);
		dyad__lite_bind_text(s, 15, e->date);
		dyad__lite_bind_text(s, 16, e->place);
		dyad__lite_bind_text(s, 17, e->text);
		sqlite3_bind_int64(s, 18, e->span.start);
		sqlite3_bind_int64(s, 19, e->span.end);
		sqlite3_bind_int64(s, 20, e->predicate.start);
		sqlite3_bind_int64(s, 21, e->predicate.end);
		sqlite3_bind_int64(s, 22, e->flags);
		sqlite3_bind_int64(s, 23, e->n_mentions);
		sqlite3_bind_double(s, 24, e->confidence);
		dyad_status st = run(store, s, "cannot store an event");
		if (st != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}

static dyad_status put_quotes(struct dyad_store *store,
                              const struct dyad_doc *doc)
{
	sqlite3_stmt *s = stmt(store, DYAD_PUT_QUOTE);
	if (!s)
		return DYAD_EDB;
	for (size_t i = 0; i < doc->n_quotes; i++) {
		const struct dyad_quote *q = &doc->quotes[i];
		dyad__lite_bind_text(s, 1, doc->id);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
		dyad__lite_bind_text(s, 3, q->speaker);
		bind_index(s, 4, q->speaker_entity);
		sqlite3_bind_int64(s, 5, q->span.start);
		sqlite3_bind_int64(s, 6, q->span.end);
		bind_span_text(s, 7, doc, q->span);
		dyad_status st = run(store, s, "cannot store a quote");
		if (st != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}

static dyad_status put_amounts(struct dyad_store *store,
                               const struct dyad_doc *doc)
{
	sqlite3_stmt *s = stmt(store, DYAD_PUT_AMOUNT);
	if (!s)
		return DYAD_EDB;
	for (size_t i = 0; i < doc->n_amounts; i++) {
		const struct dyad_amount *a = &doc->amounts[i];
		dyad__lite_bind_text(s, 1, doc->id);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
		sqlite3_bind_double(s, 3, a->value);
		dyad__lite_bind_text(s, 4, a->unit);
		dyad__lite_bind_text(s, 5, a->counts);
		sqlite3_bind_int64(s, 6, a->span.start);
		sqlite3_bind_int64(s, 7, a->span.end);
		bind_span_text(s, 8, doc, a->span);
		dyad_status st = run(store, s, "cannot store an amount");
		if (st != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}

/* Roll the open batch back, keeping the error that caused it. */
static void abandon_batch(struct dyad_store *store)
{
	char keep[DYAD_ERRMSG_MAX];
	memcpy(keep, store->errmsg, sizeof keep);
	/* SQLite may have rolled back already (full disk, I/O error). */
	if (!sqlite3_get_autocommit(store->lite->db))
		run_plain(store, DYAD_PUT_ROLLBACK, "cannot roll back");
	memcpy(store->errmsg, keep, sizeof keep);
	store->in_batch = 0;
	store->n_batched = 0;
	/* n_pending stays: it is what was lost, until the next batch opens. */
}

/* Undo one document inside the batch; a failure here is the database's. */
static dyad_status undo_document(struct dyad_store *store, dyad_status st)
{
	char keep[DYAD_ERRMSG_MAX];
	memcpy(keep, store->errmsg, sizeof keep);
	if (run_plain(store, DYAD_PUT_UNDO_DOC, "cannot undo a document") != DYAD_OK ||
	    run_plain(store, DYAD_PUT_RELEASE, "cannot undo a document") != DYAD_OK) {
		abandon_batch(store);
		return DYAD_EDB;
	}
	memcpy(store->errmsg, keep, sizeof keep);
	/* The document is not stored; the batch and the run go on. */
	return st == DYAD_ENOMEM ? st : DYAD_EINVAL;
}

static dyad_status put_rows(struct dyad_store *store, const struct dyad_doc *doc,
                            int *is_new)
{
	dyad_status st = put_document(store, doc, is_new);
	if (st != DYAD_OK || !*is_new)
		return st;
	if ((st = put_entities(store, doc)) != DYAD_OK ||
	    (st = put_events(store, doc)) != DYAD_OK ||
	    (st = put_quotes(store, doc)) != DYAD_OK ||
	    (st = put_amounts(store, doc)) != DYAD_OK)
		return st;
	/* The knowledge graph grows from the rows just written (store/sqlite_graph.h). */
	if (dyad__graph_put(store->lite->db, &store->lite->graph, doc->id) != SQLITE_OK)
		return dyad__store_fail(store, "cannot add the document to the graph");
	return DYAD_OK;
}

dyad_status dyad__lite_commit(struct dyad_store *store)
{
	if (!store->in_batch)
		return DYAD_OK;
	dyad_status st = run_plain(store, DYAD_PUT_COMMIT, "cannot commit");
	if (st != DYAD_OK) {
		abandon_batch(store);
		return st == DYAD_ENOMEM ? st : DYAD_EDB;
	}
	store->in_batch = 0;
	store->n_batched = 0;
	store->n_pending = 0;
	return DYAD_OK;
}

/* The checks that need no SQL: DYAD_OK or the document's own problem. */
static dyad_status check_doc(struct dyad_store *store, const struct dyad_doc *doc)
{
	if (store->readonly)
		return dyad__store_error(store, DYAD_EDB,
		                         "the database was opened read only");
	if (!doc->id || !doc->id[0]) {
		if (doc->error)
			return DYAD_DONE; /* nothing to key it by: not stored */
		return dyad__store_error(store, DYAD_EINVAL, "%s: document has no id",
		                         doc->path ? doc->path : "-");
	}
	if (doc->text_len > (size_t)INT32_MAX)
		return dyad__store_error(store, DYAD_ETOOBIG, "%s: document too large",
		                         doc->path ? doc->path : "-");
	return DYAD_OK;
}

dyad_status dyad__lite_put(struct dyad_store *store, const struct dyad_doc *doc,
                           int *added)
{
	int is_new = 0;
	if (added)
		*added = 0;
	store->errmsg[0] = '\0';
	dyad_status st = check_doc(store, doc);
	if (st != DYAD_OK)
		return st == DYAD_DONE ? DYAD_OK : st;
	if (!store->in_batch) {
		store->n_pending = 0;
		st = run_plain(store, DYAD_PUT_BEGIN, "cannot start a transaction");
		if (st != DYAD_OK)
			return st == DYAD_ENOMEM ? st : DYAD_EDB;
		store->in_batch = 1;
	}
	if ((st = run_plain(store, DYAD_PUT_SAVEPOINT, "cannot start a document")) !=
	    DYAD_OK)
		goto failed_db;
	if ((st = put_rows(store, doc, &is_new)) != DYAD_OK) {
		if (dyad__store_failed_db(store))
			goto failed_db;
		return undo_document(store, st);
	}
	if ((st = run_plain(store, DYAD_PUT_RELEASE, "cannot end a document")) !=
	    DYAD_OK)
		goto failed_db;
	store->n_batched++;
	store->n_pending += (size_t)is_new;
	if (added)
		*added = is_new;
	if (store->n_batched >= store->batch && (st = dyad_store_commit(store)) != DYAD_OK) {
		if (added)
			*added = 0;
		return st;
	}
	return DYAD_OK;
failed_db:
	abandon_batch(store);
	return st == DYAD_ENOMEM ? st : DYAD_EDB;
}
