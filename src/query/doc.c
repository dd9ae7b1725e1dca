/*
 * doc.c - dyad_store_get_doc(): a stored document read back into the same
 * struct dyad_doc that extraction produced, for 'dyad doc' and for writing
 * it out again with dyad_doc_write_json().
 *
 * Everything the result points to lives in one arena that travels with it,
 * so dyad_store_doc_free() releases the lot in one call.
 */
#include <stddef.h>
#include <string.h>

#include "core/alloc.h"
#include "core/arena.h"
#include "store/store.h"

/* The result and its memory; doc comes first so the two pointers agree. */
struct stored_doc {
	struct dyad_doc doc;
	struct dyad_arena arena;
};

/* A loaded document may take this much memory (text plus facts). */
#define DYAD_STORED_DOC_CAP ((size_t)DYAD_MAX_DOC_BYTES * 8)

struct loader {
	struct dyad_store *store;
	struct stored_doc *sd;
	dyad__stmt *stmt;
	int oom;
};

static const char *dup_col(struct loader *l, int col)
{
	const char *s = dyad__column_text(l->stmt, col);
	if (!s)
		return NULL;
	size_t n = (size_t)dyad__column_bytes(l->stmt, col);
	char *copy = dyad_arena_strndup(&l->sd->arena, s, n);
	if (!copy)
		l->oom = 1;
	return copy;
}

static uint32_t u32_col(dyad__stmt *s, int col)
{
	int64_t v = dyad__column_int64(s, col);
	return v < 0 || v > UINT32_MAX ? 0 : (uint32_t)v;
}

static int index_col(dyad__stmt *s, int col)
{
	return dyad__column_null(s, col) ? -1 : dyad__column_int(s, col);
}

static struct dyad_span span_col(dyad__stmt *s, int col)
{
	struct dyad_span span = {u32_col(s, col), u32_col(s, col + 1)};
	return span;
}

/* Prepare sql with the document id bound as ?1. */
static dyad_status prepare(struct loader *l, const char *sql, const char *id)
{
	dyad__stmt_put(l->stmt);
	l->stmt = NULL;
	if (dyad__stmt_prepare(l->store, sql, &l->stmt) != DYAD_OK)
		return dyad__store_fail(l->store, "cannot read the document");
	dyad__bind_text(l->stmt, 1, id);
	return DYAD_OK;
}

/* Step: 1 for a row, 0 at the end, -1 on error (recorded). */
static int step(struct loader *l)
{
	int rc = dyad__step(l->stmt);
	if (rc == DYAD__STEP_ROW)
		return 1;
	if (rc == DYAD__STEP_DONE)
		return 0;
	dyad__store_fail(l->store, "cannot read the document");
	return -1;
}

/*
 * The one id that starts with prefix, into the arena. Hex ids are ASCII,
 * so the prefix's range ends where its last byte is one higher.
 */
static dyad_status resolve(struct loader *l, const char *prefix, const char **id)
{
	size_t n = strlen(prefix);
	char upper[DYAD_ERRMSG_MAX / 4];
	*id = NULL;
	if (n == 0 || n >= sizeof upper)
		return dyad__store_error(l->store, DYAD_ENOENT,
		                         "no document has the id \"%s\"", prefix);
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)prefix[i] < 0x20 || (unsigned char)prefix[i] >= 0x7f)
			return dyad__store_error(l->store, DYAD_ENOENT,
			                         "no document has the id \"%s\"", prefix);
	memcpy(upper, prefix, n + 1);
	upper[n - 1]++;
	dyad_status st = prepare(l, "SELECT id FROM documents WHERE id >= ?1 AND id < ?2"
	                            " ORDER BY id LIMIT 2", prefix);
	if (st != DYAD_OK)
		return st;
	dyad__bind_text(l->stmt, 2, upper);
	int rc = step(l);
	if (rc < 0)
		return DYAD_EDB;
	if (rc == 0)
		return dyad__store_error(l->store, DYAD_ENOENT,
		                         "no document has an id starting with \"%s\"", prefix);
	*id = dup_col(l, 0);
	if (l->oom)
		return DYAD_ENOMEM;
	if ((rc = step(l)) < 0)
		return DYAD_EDB;
	if (rc == 1)
		return dyad__store_error(l->store, DYAD_EINVAL,
		                         "several documents have ids starting with \"%s\"",
		                         prefix);
	return DYAD_OK;
}

static dyad_status load_facts(struct loader *l, const char *id)
{
	struct dyad_doc *d = &l->sd->doc;
	dyad_status st = prepare(l, "SELECT path, lang, title, published, source, author,"
	                            " dateline, url, error, text FROM documents"
	                            " WHERE id = ?1", id);
	if (st != DYAD_OK)
		return st;
	int rc = step(l);
	if (rc <= 0)
		return rc < 0 ? DYAD_EDB
		              : dyad__store_error(l->store, DYAD_ENOENT, "%s: gone", id);
	d->id = id;
	d->path = dup_col(l, 0);
	d->lang = dup_col(l, 1);
	d->title = dup_col(l, 2);
	d->published = dup_col(l, 3);
	d->source = dup_col(l, 4);
	d->author = dup_col(l, 5);
	d->dateline = dup_col(l, 6);
	d->url = dup_col(l, 7);
	d->error = dup_col(l, 8);
	d->text = dup_col(l, 9);
	d->text_len = d->text ? (size_t)dyad__column_bytes(l->stmt, 9) : 0;
	d->status = d->error ? DYAD_EIO : DYAD_OK;
	return l->oom ? DYAD_ENOMEM : DYAD_OK;
}

/* Row count of a child table for the document, and an array that big. */
static void *alloc_rows(struct loader *l, const char *count_sql, const char *id,
                        size_t size, size_t *n, dyad_status *st)
{
	*n = 0;
	if ((*st = prepare(l, count_sql, id)) != DYAD_OK)
		return NULL;
	int rc = step(l);
	if (rc < 0) {
		*st = DYAD_EDB;
		return NULL;
	}
	int64_t count = rc ? dyad__column_int64(l->stmt, 0) : 0;
	void *rows = dyad_arena_calloc(&l->sd->arena, count > 0 ? (size_t)count : 1, size);
	if (!rows) {
		*st = DYAD_ENOMEM;
		return NULL;
	}
	*n = (size_t)count;
	return rows;
}

static enum dyad_entity_kind kind_of(const char *name)
{
	for (int k = 0; k < DYAD_N_ENTITY_KINDS; k++)
		if (name && strcmp(name, dyad_entity_kind_name((enum dyad_entity_kind)k)) == 0)
			return (enum dyad_entity_kind)k;
	return DYAD_ENTITY_ORG;
}

static dyad_status load_entities(struct loader *l, const char *id)
{
	struct dyad_doc *d = &l->sd->doc;
	dyad_status st;
	size_t n, n_mentions, i = 0, k = 0;
	int rc = 0;
	d->entities = alloc_rows(l, "SELECT count(*) FROM entities WHERE doc_id = ?1", id,
	                         sizeof *d->entities, &n, &st);
	if (!d->entities)
		return st;
	if ((st = prepare(l, "SELECT kind, name, country, role, actor, lat, lon"
	                     " FROM entities WHERE doc_id = ?1 ORDER BY idx", id)) != DYAD_OK)
		return st;
	for (; i < n && (rc = step(l)) == 1; i++) {
		struct dyad_entity *e = &d->entities[i];
		e->kind = kind_of(dyad__column_text(l->stmt, 0));
		e->name = dup_col(l, 1);
		e->country = dup_col(l, 2);
		e->role = dup_col(l, 3);
		e->actor = dup_col(l, 4);
		e->has_coords = !dyad__column_null(l->stmt, 5);
		e->lat = dyad__column_double(l->stmt, 5);
		e->lon = dyad__column_double(l->stmt, 6);
	}
	d->n_entities = i;
	if (rc < 0)
		return DYAD_EDB;
	struct dyad_span *all = alloc_rows(l, "SELECT count(*) FROM mentions WHERE doc_id = ?1",
	                                   id, sizeof *all, &n_mentions, &st);
	if (!all)
		return st;
	if ((st = prepare(l, "SELECT entity_idx, span_start, span_end FROM mentions"
	                     " WHERE doc_id = ?1 ORDER BY entity_idx, idx", id)) != DYAD_OK)
		return st;
	/* Rows come grouped by entity: each entity gets its run of the array. */
	while (k < n_mentions && (rc = step(l)) == 1) {
		int e = dyad__column_int(l->stmt, 0);
		if (e < 0 || (size_t)e >= d->n_entities)
			continue;
		all[k] = span_col(l->stmt, 1);
		if (!d->entities[e].mentions)
			d->entities[e].mentions = &all[k];
		d->entities[e].n_mentions++;
		k++;
	}
	if (rc < 0)
		return DYAD_EDB;
	return l->oom ? DYAD_ENOMEM : DYAD_OK;
}

static void party_cols(struct loader *l, int col, struct dyad_party *p)
{
	p->country = dup_col(l, col);
	p->actor = dup_col(l, col + 1);
	p->name = dup_col(l, col + 2);
	p->entity = index_col(l->stmt, col + 3);
}

static dyad_status load_events(struct loader *l, const char *id)
{
	struct dyad_doc *d = &l->sd->doc;
	dyad_status st;
	size_t n, i = 0;
	int rc = 0;
	d->events = alloc_rows(l, "SELECT count(*) FROM events WHERE doc_id = ?1", id,
	                       sizeof *d->events, &n, &st);
	if (!d->events)
		return st;
	if ((st = prepare(l, "SELECT code, quad, goldstein,"
	                     " src_country, src_actor, src_name, src_entity,"
	                     " tgt_country, tgt_actor, tgt_name, tgt_entity,"
	                     " date, place, sentence, span_start, span_end,"
	                     " pred_start, pred_end, flags, n_mentions"
	                     " FROM events WHERE doc_id = ?1 ORDER BY idx", id)) != DYAD_OK)
		return st;
	for (; i < n && (rc = step(l)) == 1; i++) {
		struct dyad_event *e = &d->events[i];
		const char *code = dyad__column_text(l->stmt, 0);
		if (code) {
			size_t len = strnlen(code, sizeof e->code - 1);
			memcpy(e->code, code, len);
		}
		e->quad = dyad__column_int(l->stmt, 1);
		e->goldstein = dyad__column_double(l->stmt, 2);
		party_cols(l, 3, &e->source);
		party_cols(l, 7, &e->target);
		e->date = dup_col(l, 11);
		e->place = dup_col(l, 12);
		e->text = dup_col(l, 13);
		e->span = span_col(l->stmt, 14);
		e->predicate = span_col(l->stmt, 16);
		e->flags = u32_col(l->stmt, 18);
		e->n_mentions = u32_col(l->stmt, 19);
	}
	d->n_events = i;
	if (rc < 0)
		return DYAD_EDB;
	return l->oom ? DYAD_ENOMEM : DYAD_OK;
}

/* Spans outside the stored text (a corrupt row) are emptied, because
 * writers slice the text with them. */
static struct dyad_span checked_span(const struct dyad_doc *d, struct dyad_span s)
{
	if (s.start > s.end || s.end > d->text_len)
		s.start = s.end = 0;
	return s;
}

static dyad_status load_quotes(struct loader *l, const char *id)
{
	struct dyad_doc *d = &l->sd->doc;
	dyad_status st;
	size_t n, i = 0;
	int rc = 0;
	d->quotes = alloc_rows(l, "SELECT count(*) FROM quotes WHERE doc_id = ?1", id,
	                       sizeof *d->quotes, &n, &st);
	if (!d->quotes)
		return st;
	if ((st = prepare(l, "SELECT speaker, speaker_entity, span_start, span_end"
	                     " FROM quotes WHERE doc_id = ?1 ORDER BY idx", id)) != DYAD_OK)
		return st;
	for (; i < n && (rc = step(l)) == 1; i++) {
		struct dyad_quote *q = &d->quotes[i];
		q->speaker = dup_col(l, 0);
		q->speaker_entity = index_col(l->stmt, 1);
		q->span = checked_span(d, span_col(l->stmt, 2));
	}
	d->n_quotes = i;
	if (rc < 0)
		return DYAD_EDB;
	return l->oom ? DYAD_ENOMEM : DYAD_OK;
}

static dyad_status load_amounts(struct loader *l, const char *id)
{
	struct dyad_doc *d = &l->sd->doc;
	dyad_status st;
	size_t n, i = 0;
	int rc = 0;
	d->amounts = alloc_rows(l, "SELECT count(*) FROM amounts WHERE doc_id = ?1", id,
	                        sizeof *d->amounts, &n, &st);
	if (!d->amounts)
		return st;
	if ((st = prepare(l, "SELECT value, unit, counts, span_start, span_end"
	                     " FROM amounts WHERE doc_id = ?1 ORDER BY idx", id)) != DYAD_OK)
		return st;
	for (; i < n && (rc = step(l)) == 1; i++) {
		struct dyad_amount *a = &d->amounts[i];
		a->value = dyad__column_double(l->stmt, 0);
		a->unit = dup_col(l, 1);
		a->counts = dup_col(l, 2);
		a->span = checked_span(d, span_col(l->stmt, 3));
	}
	d->n_amounts = i;
	if (rc < 0)
		return DYAD_EDB;
	return l->oom ? DYAD_ENOMEM : DYAD_OK;
}

dyad_status dyad_store_get_doc(dyad_store *store, const char *id_prefix,
                               struct dyad_doc **out)
{
	*out = NULL;
	store->errmsg[0] = '\0';
	struct loader l = {store, dyad__calloc(1, sizeof *l.sd), NULL, 0};
	if (!l.sd)
		return dyad__store_error(store, DYAD_ENOMEM, "%s", dyad_strerror(DYAD_ENOMEM));
	dyad_arena_init(&l.sd->arena, DYAD_STORED_DOC_CAP);
	const char *id;
	dyad_status st;
	/* The handle's own open batch is committed first: a read sees what
	 * was put before it. */
	if ((st = dyad_store_commit(store)) != DYAD_OK)
		goto fail;
	/* A read transaction: the pieces all come from the same snapshot. */
	if (dyad__store_exec(store, "BEGIN") != DYAD_OK) {
		st = dyad__store_fail(store, "cannot read the database");
		goto fail;
	}
	if ((st = resolve(&l, id_prefix, &id)) == DYAD_OK &&
	    (st = load_facts(&l, id)) == DYAD_OK &&
	    (st = load_entities(&l, id)) == DYAD_OK &&
	    (st = load_events(&l, id)) == DYAD_OK &&
	    (st = load_quotes(&l, id)) == DYAD_OK)
		st = load_amounts(&l, id);
	dyad__stmt_put(l.stmt);
	dyad__store_exec(store, "COMMIT");
	if (st == DYAD_ENOMEM && !store->errmsg[0])
		dyad__store_error(store, st, "%s", dyad_strerror(st));
	if (st != DYAD_OK)
		goto fail;
	*out = &l.sd->doc;
	return DYAD_OK;
fail:
	dyad_store_doc_free(&l.sd->doc);
	return st;
}

void dyad_store_doc_free(struct dyad_doc *doc)
{
	if (!doc)
		return;
	struct stored_doc *sd = (struct stored_doc *)doc;
	dyad_arena_release(&sd->arena);
	dyad__free(sd);
}
