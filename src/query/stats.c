/*
 * stats.c - dyad_store_stats(): what a database holds, counted by table and
 * grouped the ways 'dyad stats' shows it (languages, outlets, entity kinds,
 * event roots, the busiest country dyads).
 */
#include <string.h>

#include "core/alloc.h"
#include "core/arena.h"
#include "store/store.h"

/* The result and the memory of its labels; stats comes first. */
struct stats_mem {
	struct dyad_store_stats stats;
	struct dyad_arena arena;
};

/* Labels are short: languages, outlets, codes. */
#define DYAD_STATS_ARENA_CAP ((size_t)64 << 20)

/* A single number: SQL that yields one row with one integer column. */
static dyad_status count(struct dyad_store *store, const char *sql, int64_t *n)
{
	dyad__stmt *s;
	*n = 0;
	if (dyad__stmt_prepare(store, sql, &s) != DYAD_OK)
		return dyad__store_fail(store, "cannot count");
	int rc = dyad__step(s);
	if (rc == DYAD__STEP_ROW)
		*n = dyad__column_int64(s, 0);
	dyad_status st = rc == DYAD__STEP_ROW || rc == DYAD__STEP_DONE
	                     ? DYAD_OK
	                     : dyad__store_fail(store, "cannot count");
	dyad__stmt_put(s);
	return st;
}

/* Rows of (label, count), at most limit of them (?1). */
static dyad_status group(struct dyad_store *store, struct dyad_arena *arena,
                         const char *sql, size_t limit,
                         struct dyad_store_counts *out)
{
	dyad__stmt *s;
	size_t alloc = 0;
	out->items = NULL;
	out->n = 0;
	if (dyad__stmt_prepare(store, sql, &s) != DYAD_OK)
		return dyad__store_fail(store, "cannot count");
	dyad__bind_int64(s, 1, (int64_t)limit);
	dyad_status st = DYAD_OK;
	int rc;
	while ((rc = dyad__step(s)) == DYAD__STEP_ROW) {
		if (out->n == alloc) {
			size_t grow = alloc ? alloc * 2 : 8;
			struct dyad_store_count *items =
				dyad_arena_grow(arena, out->items, out->n, grow, sizeof *items);
			if (!items) {
				st = DYAD_ENOMEM;
				break;
			}
			out->items = items;
			alloc = grow;
		}
		const char *key = dyad__column_text(s, 0);
		struct dyad_store_count *c = &out->items[out->n++];
		c->key = dyad_arena_strdup(arena, key ? key : "-");
		c->n = dyad__column_int64(s, 1);
		if (!c->key) {
			st = DYAD_ENOMEM;
			break;
		}
	}
	if (st == DYAD_OK && rc != DYAD__STEP_DONE)
		st = dyad__store_fail(store, "cannot count");
	else if (st == DYAD_ENOMEM)
		dyad__store_error(store, st, "%s", dyad_strerror(st));
	dyad__stmt_put(s);
	return st;
}

/* Every list but the long ones passes -1: no limit. */
#define NO_LIMIT ((size_t)INT64_MAX)

dyad_status dyad_store_stats(dyad_store *store, size_t top,
                             struct dyad_store_stats **out)
{
	*out = NULL;
	store->errmsg[0] = '\0';
	if (top == 0)
		top = DYAD_STATS_TOP;
	if (top > (size_t)INT64_MAX)
		top = NO_LIMIT;
	struct stats_mem *m = dyad__calloc(1, sizeof *m);
	if (!m)
		return dyad__store_error(store, DYAD_ENOMEM, "%s", dyad_strerror(DYAD_ENOMEM));
	dyad_arena_init(&m->arena, DYAD_STATS_ARENA_CAP);
	struct dyad_store_stats *s = &m->stats;
	dyad_status st;
	/* The handle's own open batch is committed first: a read sees what
	 * was put before it. */
	if ((st = dyad_store_commit(store)) != DYAD_OK)
		goto fail;
	/* One snapshot, so the numbers agree with each other. */
	if (dyad__store_exec(store, "BEGIN") != DYAD_OK) {
		st = dyad__store_fail(store, "cannot read the database");
		goto fail;
	}
	if ((st = count(store, "SELECT count(*) FROM documents", &s->n_documents)) != DYAD_OK ||
	    (st = count(store, "SELECT count(*) FROM documents WHERE error IS NOT NULL",
	                &s->n_failed)) != DYAD_OK ||
	    (st = count(store, "SELECT count(*) FROM entities", &s->n_entities)) != DYAD_OK ||
	    (st = count(store, "SELECT count(*) FROM mentions", &s->n_mentions)) != DYAD_OK ||
	    (st = count(store, "SELECT count(*) FROM events", &s->n_events)) != DYAD_OK ||
	    (st = count(store, "SELECT count(*) FROM quotes", &s->n_quotes)) != DYAD_OK ||
	    (st = count(store, "SELECT count(*) FROM amounts", &s->n_amounts)) != DYAD_OK ||
	    (st = group(store, &m->arena,
	                "SELECT COALESCE(lang, 'und'), count(*) FROM documents"
	                " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?1",
	                NO_LIMIT, &s->by_lang)) != DYAD_OK ||
	    (st = group(store, &m->arena,
	                "SELECT COALESCE(source, '(unknown)'), count(*) FROM documents"
	                " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?1",
	                top, &s->by_source)) != DYAD_OK ||
	    (st = group(store, &m->arena,
	                "SELECT kind, count(*) FROM entities GROUP BY 1 ORDER BY 1 LIMIT ?1",
	                NO_LIMIT, &s->by_kind)) != DYAD_OK ||
	    (st = group(store, &m->arena,
	                "SELECT root, count(*) FROM events GROUP BY 1 ORDER BY 1 LIMIT ?1",
	                NO_LIMIT, &s->by_root)) != DYAD_OK ||
	    (st = group(store, &m->arena,
	                "SELECT COALESCE(src_country, '-') || '>' ||"
	                " COALESCE(tgt_country, '-'), count(*) FROM events"
	                " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?1",
	                top, &s->top_dyads)) != DYAD_OK) {
		dyad__store_exec(store, "COMMIT");
		goto fail;
	}
	dyad__store_exec(store, "COMMIT");
	*out = s;
	return DYAD_OK;
fail:
	dyad_store_stats_free(s);
	return st;
}

void dyad_store_stats_free(struct dyad_store_stats *stats)
{
	if (!stats)
		return;
	struct stats_mem *m = (struct stats_mem *)stats;
	dyad_arena_release(&m->arena);
	dyad__free(m);
}
