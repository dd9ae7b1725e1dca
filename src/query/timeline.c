/*
 * timeline.c - dyad_store_timeline(): how many events of a filter happened
 * per day, week or month, split by QuadClass or CAMEO root, for the
 * server's /api/timeline and the page's chart. One grouped query over the
 * events that pass the filter (query/filter.h) on their indexed day.
 */
#include "core/alloc.h"
#include "query/filter.h"
#include "query/result.h"

/* The first day of the bin of day, per unit. Weeks start on Monday:
 * strftime('%w') is 0 for Sunday. */
static const char *const period_sql[] = {
	[DYAD_TIMELINE_DAY] = "day",
	[DYAD_TIMELINE_WEEK] =
		("date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7)"
		 " || ' days')"),
	[DYAD_TIMELINE_MONTH] = "substr(day, 1, 7) || '-01'",
};

static const char *const key_sql[] = {
	[DYAD_TIMELINE_QUAD] = "e.quad",
	[DYAD_TIMELINE_ROOT] = "e.root",
};

/* Counted per day first (the index on day reads them in order), then the
 * days per bin: the date arithmetic runs once per day, not per event. */
static const char timeline_head[] =
	"SELECT %s AS period, CAST(key AS TEXT), sum(n), sum(g) / sum(n) FROM ("
	" SELECT e.day AS day, %s AS key, count(*) AS n, total(e.goldstein) AS g%s"
	" WHERE e.day IS NOT NULL";
/* Days that are not whole dates (a publication year alone) are left out. */
static const char timeline_tail[] =
	" GROUP BY e.day, key) AS per_day WHERE length(day) = 10"
	" AND day >= '0000-01-01' AND day <= '9999-12-31'"
	" GROUP BY 1, 2 ORDER BY 1, 2";

static dyad_status read_bins(struct dyad_store *store, dyad__stmt *s,
                             struct dyad_timeline *t)
{
	size_t cap = 0;
	int rc = DYAD__STEP_DONE, oom = 0;
	while (!oom && (rc = dyad__step(s)) == DYAD__STEP_ROW) {
		if (!dyad__result_reserve(t->priv, (void **)&t->bins, t->n, &cap,
		                          sizeof *t->bins)) {
			oom = 1;
			break;
		}
		struct dyad_timeline_bin *b = &t->bins[t->n++];
		b->period = dyad__result_text(t->priv, s, 0, &oom);
		b->key = dyad__result_text(t->priv, s, 1, &oom);
		b->n = dyad__column_int64(s, 2);
		b->goldstein = dyad__column_double(s, 3);
	}
	if (oom)
		return dyad__store_error(store, DYAD_ENOMEM, "%s", dyad_strerror(DYAD_ENOMEM));
	return rc == DYAD__STEP_DONE ? DYAD_OK
	                         : dyad__store_fail(store, "cannot read the timeline");
}

static dyad_status count_bins(struct dyad_store *store,
                              const struct dyad_event_filter *f,
                              enum dyad_timeline_unit unit,
                              enum dyad_timeline_group group, struct dyad_timeline *t)
{
	struct dyad__event_query *q = dyad__calloc(1, sizeof *q);
	dyad__stmt *s = NULL;
	if (!q)
		return dyad__store_error(store, DYAD_ENOMEM, "%s", dyad_strerror(DYAD_ENOMEM));
	dyad_buf_init(&q->sql, 0);
	dyad_buf_printf(&q->sql, timeline_head, period_sql[unit], key_sql[group],
	                dyad__event_from(f));
	dyad_status st = dyad__event_where(store, f, q);
	dyad_buf_puts(&q->sql, timeline_tail);
	if (st == DYAD_OK)
		st = dyad__event_query_prepare(store, q, f->match, &s);
	if (st == DYAD_OK)
		st = read_bins(store, s, t);
	dyad__stmt_put(s);
	dyad_buf_release(&q->sql);
	dyad__free(q);
	return st;
}

dyad_status dyad_store_timeline(dyad_store *store, const struct dyad_event_filter *filter,
                                enum dyad_timeline_unit unit,
                                enum dyad_timeline_group group,
                                struct dyad_timeline **out)
{
	static const struct dyad_event_filter all;
	struct dyad__result_private *priv;
	*out = NULL;
	store->errmsg[0] = '\0';
	if ((unsigned)unit > DYAD_TIMELINE_MONTH || (unsigned)group > DYAD_TIMELINE_ROOT)
		return dyad__store_error(store, DYAD_EINVAL, "no such timeline unit or group");
	struct dyad_timeline *t = dyad__result_new(sizeof *t, &priv);
	if (!t)
		return dyad__store_error(store, DYAD_ENOMEM, "%s", dyad_strerror(DYAD_ENOMEM));
	t->priv = priv;
	dyad_status st = count_bins(store, filter ? filter : &all, unit, group, t);
	if (st != DYAD_OK) {
		dyad_store_timeline_free(t);
		return st;
	}
	*out = t;
	return DYAD_OK;
}

void dyad_store_timeline_free(struct dyad_timeline *timeline)
{
	if (timeline)
		dyad__result_free(timeline->priv);
}
