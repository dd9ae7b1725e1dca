/*
 * events.c - dyad_store_events(): the stored events that pass a filter, one
 * row at a time, for 'dyad events' and any other client of the store.
 *
 * The WHERE clause is assembled from fixed SQL fragments only; every value
 * the user gave is checked here (dates, codes, dyads) and then bound as a
 * parameter, never pasted into the SQL text.
 */
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "query/filter.h"
#include "store/store.h"

/* "YYYY-MM-DD" */
#define DYAD_DATE_LEN 10

struct dyad_event_cursor {
	struct dyad_store *store;
	dyad__stmt *stmt;
	struct dyad_event_row row;
};


#define SELECT_COLUMNS \
	"SELECT d.id, d.path, d.title, d.published, d.source, d.lang," \
	" e.idx, e.code, e.quad, e.goldstein," \
	" e.src_country, e.src_actor, e.src_name, e.src_entity," \
	" e.tgt_country, e.tgt_actor, e.tgt_name, e.tgt_entity," \
	" e.date, e.place, e.sentence, e.span_start, e.span_end," \
	" e.pred_start, e.pred_end, e.flags, e.n_mentions," \
	" e.day AS day, e.confidence"
/* e.doc_id is d.id; written so, the order is that of the index
 * events_order (store/sqlite_graph.c) and a page stops at its limit. */
#define ORDER_SQL " ORDER BY e.day IS NULL, e.day, e.doc_id, e.idx"

static const char select_sql[] =
	SELECT_COLUMNS " FROM events e JOIN documents d ON d.id = e.doc_id WHERE TRUE";

/*
 * A page of a filtered listing is chosen by its keys first, and only its
 * own rows are then read whole and joined to their documents. A filter
 * such as a dyad is an OR of index searches whose matches must all be
 * sorted before the first row is known; sorting every match with all its
 * columns (the sentence among them) and a document each cost the server
 * about a third of its time per request.
 */
static const char page_head_sql[] =
	SELECT_COLUMNS " FROM (SELECT e.doc_id AS page_doc, e.idx AS page_idx";
static const char page_tail_sql[] =
	") page JOIN events e ON e.doc_id = page.page_doc AND e.idx = page.page_idx"
	" JOIN documents d ON d.id = e.doc_id" ORDER_SQL;

enum {
	COL_DOC_ID, COL_DOC_PATH, COL_DOC_TITLE, COL_PUBLISHED, COL_OUTLET, COL_LANG,
	COL_IDX, COL_CODE, COL_QUAD, COL_GOLDSTEIN,
	COL_SRC, /* country, actor, name, entity */
	COL_TGT = COL_SRC + 4,
	COL_DATE = COL_TGT + 4, COL_PLACE, COL_SENTENCE, COL_SPAN_START, COL_SPAN_END,
	COL_PRED_START, COL_PRED_END, COL_FLAGS, COL_N_MENTIONS, COL_DAY,
	COL_CONFIDENCE
};

/* The day an event counts for, as SQL: the filters and the order agree.
 * It is COALESCE(e.date, substr(d.published, 1, 10)), which the store
 * keeps in the indexed column events.day (store/sqlite_graph.c). */
#define DAY_SQL "e.day"

/*
 * Append a fragment whose '?' placeholders are all ?N with N the number of
 * the value pushed next; the value is owned by the query or the filter.
 */
static int push(struct dyad__event_query *q, const char *value)
{
	if (q->n_binds == DYAD_FILTER_MAX_BINDS)
		return -1;
	q->binds[q->n_binds++] = value;
	return q->n_binds;
}

static void clause(struct dyad__event_query *q, const char *fmt, int n)
{
	/* fmt names the parameter only as %1$d, as often as it needs it. */
	dyad_buf_printf(&q->sql, fmt, n);
}

static int is_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int days_in_month(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return month == 2 && leap ? 29 : days[month - 1];
}

/*
 * Normalise a date bound into out: "YYYY-MM-DD" as is, "YYYY-MM" and
 * "YYYY" widened to the first (since) or last (until) day they cover.
 */
static int normalise_date(const char *s, int until, char *out)
{
	size_t n = strlen(s);
	if (!(n == 4 || n == 7 || n == DYAD_DATE_LEN) || !is_digits(s, 4))
		return 0;
	if (n >= 7 && (s[4] != '-' || !is_digits(s + 5, 2)))
		return 0;
	if (n == DYAD_DATE_LEN && (s[7] != '-' || !is_digits(s + 8, 2)))
		return 0;
	int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	           (s[3] - '0');
	int month = n >= 7 ? (s[5] - '0') * 10 + (s[6] - '0') : 1;
	int day = n == DYAD_DATE_LEN ? (s[8] - '0') * 10 + (s[9] - '0') : 1;
	/* A day the calendar does not have is refused, not rolled over:
	 * 2024-02-30 is a typo, not March 1. */
	if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
		return 0;
	memcpy(out, s, n);
	/* Dates compare as strings: "-99" sorts after every real day. */
	const char *tail = until ? "-12-99" : "-01-01";
	if (n == 7)
		tail = until ? "-99" : "-01";
	if (n < DYAD_DATE_LEN)
		memcpy(out + n, tail, DYAD_DATE_LEN - n);
	out[DYAD_DATE_LEN] = '\0';
	return 1;
}

/* An exact day "YYYY-MM-DD" of n bytes copied into out; 0 otherwise. */
static int normalise_date_exact(const char *s, size_t n, char *out)
{
	char copy[DYAD_DATE_LEN + 1];
	if (n != DYAD_DATE_LEN)
		return 0;
	memcpy(copy, s, n);
	copy[n] = '\0';
	return normalise_date(copy, 0, out);
}

/* Copy s upper-cased (ASCII codes) into out; 0 when too long or not a code. */
static int code_upper(const char *s, size_t n, char *out)
{
	if (n >= DYAD_FILTER_VALUE_MAX)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
			return 0;
		out[i] = c;
	}
	out[n] = '\0';
	return 1;
}

/*
 * One side of a dyad matches X when its country is X or its actor code
 * starts with X. The prefix test is written as a range (X <= actor < X
 * with its last letter one higher), and the whole dyad as an OR of plain
 * conjunctions (each side's country or actor, times the direction), so
 * that SQLite answers every one of them from an index (the pairs of
 * store/sqlite_graph.c's schema) instead of reading every event.
 */
/* Letters of a country code, the start of every state actor's code. */
#define DYAD_COUNTRY_LEN 3

struct side {
	int value, end; /* parameter numbers of X and of its range's end; 0: any */
	int three;      /* of X's first three letters (a country's code), 0: shorter */
};

/* Term k (0: country, 1: actor) of side s on the source or target; an
 * empty string appended keeps a term out of the index choice (the other
 * side's range leads). */
static void side_term(struct dyad__event_query *q, int target, struct side s, int k,
                      int plain)
{
	const char *col = target ? "tgt" : "src", *p = plain ? " || ''" : "";
	if (k == 0)
		dyad_buf_printf(&q->sql, " AND e.%s_country = ?%d", col, s.value);
	else
		dyad_buf_printf(&q->sql, " AND e.%s_actor%s >= ?%d AND e.%s_actor%s < ?%d", col,
		                p, s.value, col, p, s.end);
}

/* The disjuncts of source a and target b (either may be any). */
static void disjuncts(struct dyad__event_query *q, struct side a, struct side b,
                      const char *extra, int *first)
{
	for (int ka = 0; ka < (a.value ? 2 : 1); ka++)
		for (int kb = 0; kb < (b.value ? 2 : 1); kb++) {
			dyad_buf_puts(&q->sql, *first ? " (TRUE" : " OR (TRUE");
			*first = 0;
			dyad_buf_puts(&q->sql, extra);
			/* Two actor ranges: the first three letters of both
			 * (implied by the ranges) find them in the index on those
			 * letters; else the target's range leads. */
			if (ka && kb && a.value && b.value && a.three && b.three)
				dyad_buf_printf(&q->sql,
				                " AND substr(e.tgt_actor, 1, 3) = ?%d"
				                " AND substr(e.src_actor, 1, 3) = ?%d",
				                b.three, a.three);
			if (a.value)
				side_term(q, 0, a, ka, ka && kb && b.value);
			if (b.value)
				side_term(q, 1, b, kb, 0);
			dyad_buf_putc(&q->sql, ')');
		}
}

/* Push code x (upper-cased) and the end of its prefix range. */
static int push_side(struct dyad__event_query *q, const char *x, size_t n, struct side *s)
{
	s->value = s->end = s->three = 0;
	if (q->n_binds + 3 > DYAD_FILTER_MAX_BINDS)
		return 0;
	char *v = q->values[q->n_binds], *e = q->values[q->n_binds + 1],
	     *t = q->values[q->n_binds + 2];
	if (!code_upper(x, n, v))
		return 0;
	if (!v[0])
		return 1;
	memcpy(e, v, n + 1);
	e[n - 1]++; /* letters and digits: never the last byte value */
	s->value = push(q, v);
	s->end = push(q, e);
	if (n >= DYAD_COUNTRY_LEN) {
		memcpy(t, v, DYAD_COUNTRY_LEN);
		t[DYAD_COUNTRY_LEN] = '\0';
		s->three = push(q, t);
	}
	return 1;
}

static dyad_status add_dyad(struct dyad_store *store, struct dyad__event_query *q,
                            const char *dyad)
{
	const char *colon = strchr(dyad, ':');
	struct side a, b;
	int first = 1;
	if (!colon || strchr(colon + 1, ':') ||
	    !push_side(q, dyad, (size_t)(colon - dyad), &a) ||
	    !push_side(q, colon + 1, strlen(colon + 1), &b))
		return dyad__store_error(store, DYAD_EINVAL,
		                         "dyad \"%s\": expected SOURCE:TARGET, each a country or "
		                         "actor code (letters and digits)", dyad);
	if (!a.value && !b.value)
		return DYAD_OK;
	/* A directed pair, or either way round for consultations (root 04),
	 * where "A met B" and "B met A" report the same meeting. */
	dyad_buf_puts(&q->sql, " AND (");
	disjuncts(q, a, b, "", &first);
	disjuncts(q, b, a, " AND e.root = '04'", &first);
	dyad_buf_putc(&q->sql, ')');
	return DYAD_OK;
}

static dyad_status add_date(struct dyad_store *store, struct dyad__event_query *q,
                            const char *date, int until)
{
	char *v = q->values[q->n_binds];
	if (!normalise_date(date, until, v))
		return dyad__store_error(store, DYAD_EINVAL,
		                         "\"%s\": not a date (YYYY-MM-DD, YYYY-MM or YYYY)",
		                         date);
	int n = push(q, v);
	clause(q, until ? " AND " DAY_SQL " <= ?%1$d" : " AND " DAY_SQL " >= ?%1$d", n);
	return DYAD_OK;
}

static dyad_status add_code(struct dyad_store *store, struct dyad__event_query *q,
                            const char *code)
{
	size_t n = strlen(code);
	char *v = q->values[q->n_binds];
	if (n == 0 || n >= sizeof ((struct dyad_event *)0)->code || !is_digits(code, n))
		return dyad__store_error(store, DYAD_EINVAL,
		                         "code \"%s\": expected a CAMEO code prefix "
		                         "(digits, like 05 or 051)", code);
	/* Digits only: the codes starting with them are the range from them
	 * to them with the last digit one higher (':' follows '9'). */
	char *end = q->values[q->n_binds + 1];
	memcpy(v, code, n + 1);
	memcpy(end, code, n + 1);
	end[n - 1]++;
	int a = push(q, v), b = push(q, end);
	dyad_buf_printf(&q->sql, " AND e.code >= ?%d AND e.code < ?%d", a, b);
	return DYAD_OK;
}

/* The longest document id a cursor may carry (hex digits). */
#define DYAD_CURSOR_ID_MAX 128
/* The longest event position a cursor may carry (decimal digits). */
#define DYAD_CURSOR_IDX_MAX 9

/* Split a cursor "DAY_ID_IDX" (DAY empty for events with no day) into the
 * query's values; 0 when it is not one. */
static int parse_cursor(const char *s, char *day, char *id, char *idx)
{
	const char *u1 = strchr(s, '_'), *u2 = u1 ? strchr(u1 + 1, '_') : NULL;
	if (!u2 || strchr(u2 + 1, '_'))
		return 0;
	size_t nd = (size_t)(u1 - s), ni = (size_t)(u2 - u1 - 1), nx = strlen(u2 + 1);
	if ((nd && !normalise_date_exact(s, nd, day)) || ni == 0 ||
	    ni > DYAD_CURSOR_ID_MAX || ni >= DYAD_FILTER_VALUE_MAX || nx == 0 ||
	    nx > DYAD_CURSOR_IDX_MAX || !is_digits(u2 + 1, nx))
		return 0;
	for (size_t i = 0; i < ni; i++)
		if (!strchr("0123456789abcdef", u1[1 + i]))
			return 0;
	day[nd] = '\0';
	memcpy(id, u1 + 1, ni);
	id[ni] = '\0';
	memcpy(idx, u2 + 1, nx + 1);
	return 1;
}

/* Keyset paging: the events after the cursor in the listing's order. */
static dyad_status add_after(struct dyad_store *store, struct dyad__event_query *q,
                             const char *after)
{
	if (q->n_binds + 3 > DYAD_FILTER_MAX_BINDS)
		return dyad__store_error(store, DYAD_EINVAL, "too many filters");
	char *day = q->values[q->n_binds], *id = q->values[q->n_binds + 1],
	     *idx = q->values[q->n_binds + 2];
	if (!parse_cursor(after, day, id, idx))
		return dyad__store_error(store, DYAD_EINVAL,
		                         "cursor \"%s\": not a cursor this listing gave",
		                         after);
	int nd = day[0] ? push(q, day) : 0;
	int ni = push(q, id), nx = push(q, idx);
	if (nd)
		dyad_buf_printf(&q->sql,
		                " AND (" DAY_SQL " IS NULL OR " DAY_SQL " > ?%1$d OR (" DAY_SQL
		                " = ?%1$d AND (e.doc_id > ?%2$d OR (e.doc_id = ?%2$d"
		                " AND e.idx > CAST(?%3$d AS INTEGER)))))",
		                nd, ni, nx);
	else
		dyad_buf_printf(&q->sql,
		                " AND " DAY_SQL " IS NULL AND (e.doc_id > ?%1$d OR (e.doc_id = ?%1$d"
		                " AND e.idx > CAST(?%2$d AS INTEGER)))",
		                ni, nx);
	return q->sql.error;
}

void dyad_event_row_cursor(const struct dyad_event_row *row, char *buf, size_t size)
{
	int n = snprintf(buf, size, "%s_%s_%zu", row->day ? row->day : "",
	                 row->doc_id ? row->doc_id : "", row->idx);
	(void)n; /* a cut cursor is refused when it comes back */
}

dyad_status dyad__event_where(struct dyad_store *store,
                              const struct dyad_event_filter *f,
                              struct dyad__event_query *q)
{
	dyad_status st;
	if (f->actor && f->actor[0])
		clause(q, " AND (instr(dyad_fold(e.src_actor), dyad_fold(?%1$d)) > 0"
		          " OR instr(dyad_fold(e.tgt_actor), dyad_fold(?%1$d)) > 0"
		          " OR instr(dyad_fold(e.src_name), dyad_fold(?%1$d)) > 0"
		          " OR instr(dyad_fold(e.tgt_name), dyad_fold(?%1$d)) > 0)",
		       push(q, f->actor));
	if (f->country && f->country[0]) {
		char *v = q->values[q->n_binds];
		if (!code_upper(f->country, strlen(f->country), v))
			return dyad__store_error(store, DYAD_EINVAL,
			                         "country \"%s\": expected an ISO3 code",
			                         f->country);
		clause(q, " AND (e.src_country = ?%1$d OR e.tgt_country = ?%1$d)",
		       push(q, v));
	}
	if (f->dyad && f->dyad[0] && (st = add_dyad(store, q, f->dyad)) != DYAD_OK)
		return st;
	if (f->code && f->code[0] && (st = add_code(store, q, f->code)) != DYAD_OK)
		return st;
	if (f->since && f->since[0] && (st = add_date(store, q, f->since, 0)) != DYAD_OK)
		return st;
	if (f->until && f->until[0] && (st = add_date(store, q, f->until, 1)) != DYAD_OK)
		return st;
	if (f->source && f->source[0])
		dyad_buf_printf(&q->sql, store->be->sql_nocase, "d.source", push(q, f->source));
	if (f->lang && f->lang[0]) {
		/* Stored lower case (ISO 639-1): "EN" means "en". */
		char *v = q->values[q->n_binds];
		if (!code_upper(f->lang, strlen(f->lang), v))
			return dyad__store_error(store, DYAD_EINVAL,
			                         "lang \"%s\": expected a language code (en, ru)",
			                         f->lang);
		for (char *p = v; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		clause(q, " AND d.lang = ?%1$d", push(q, v));
	}
	if (f->min_confidence > 0 && q->n_binds < DYAD_FILTER_MAX_BINDS) {
		char *v = q->values[q->n_binds];
		snprintf(v, DYAD_FILTER_VALUE_MAX, "%.17g", f->min_confidence);
		clause(q, " AND COALESCE(e.confidence, 1) >= CAST(?%1$d AS REAL)", push(q, v));
	}
	if (f->match && f->match[0])
		clause(q, store->be->sql_match, push(q, f->match));
	return q->sql.error;
}

static dyad_status build(struct dyad_store *store, const struct dyad_event_filter *f,
                         struct dyad__event_query *q)
{
	/* A listing without a limit reads every row anyway. */
	int paged = f->limit != 0;
	if (paged) {
		dyad_buf_puts(&q->sql, page_head_sql);
		dyad_buf_puts(&q->sql, dyad__event_from(f));
		dyad_buf_puts(&q->sql, " WHERE TRUE");
	} else {
		dyad_buf_puts(&q->sql, select_sql);
	}
	dyad_status st = dyad__event_where(store, f, q);
	if (st == DYAD_OK && f->after && f->after[0])
		st = add_after(store, q, f->after);
	if (st != DYAD_OK)
		return st;
	dyad_buf_puts(&q->sql, ORDER_SQL);
	q->limit = f->limit ? (int64_t)f->limit : INT64_MAX;
	if (f->limit > (size_t)INT64_MAX)
		q->limit = INT64_MAX;
	/* Numbered: a value pushed and not used must not shift it. */
	dyad_buf_printf(&q->sql, " LIMIT ?%d", q->n_binds + 1);
	if (paged)
		dyad_buf_puts(&q->sql, page_tail_sql);
	if (q->sql.error != DYAD_OK)
		return dyad__store_error(store, q->sql.error, "%s",
		                         dyad_strerror(q->sql.error));
	return DYAD_OK;
}

dyad_status dyad__event_check_match(struct dyad_store *store, const char *match)
{
	return store->be->check_match(store, match);
}

const char *dyad__event_from(const struct dyad_event_filter *f)
{
	int docs = (f->source && f->source[0]) || (f->lang && f->lang[0]) ||
	           (f->match && f->match[0]);
	return docs ? " FROM events e JOIN documents d ON d.id = e.doc_id" : " FROM events e";
}

dyad_status dyad__event_query_prepare(struct dyad_store *store,
                                      struct dyad__event_query *q,
                                      const char *match, dyad__stmt **out)
{
	*out = NULL;
	if (q->sql.error != DYAD_OK)
		return dyad__store_error(store, q->sql.error, "%s",
		                         dyad_strerror(q->sql.error));
	dyad_status st = dyad_store_commit(store);
	if (st == DYAD_OK && match && match[0])
		st = dyad__event_check_match(store, match);
	if (st != DYAD_OK)
		return st;
	if ((st = dyad__stmt_get(store, q->sql.data, q->sql.len, out)) != DYAD_OK)
		return st;
	for (int i = 0; i < q->n_binds; i++)
		dyad__bind_text(*out, i + 1, q->binds[i]);
	return DYAD_OK;
}

dyad_status dyad_store_events(dyad_store *store,
                              const struct dyad_event_filter *filter,
                              dyad_event_cursor **out)
{
	static const struct dyad_event_filter all;
	*out = NULL;
	store->errmsg[0] = '\0';
	struct dyad__event_query *q = dyad__calloc(1, sizeof *q);
	struct dyad_event_cursor *cur = dyad__calloc(1, sizeof *cur);
	dyad_status st = DYAD_ENOMEM;
	if (!q || !cur) {
		dyad__store_error(store, st, "%s", dyad_strerror(st));
		goto done;
	}
	dyad_buf_init(&q->sql, 0);
	if (!filter)
		filter = &all;
	/* A read sees what the handle put before it. */
	if ((st = dyad_store_commit(store)) != DYAD_OK)
		goto done;
	if ((st = build(store, filter, q)) != DYAD_OK)
		goto done;
	if (filter->match && filter->match[0] &&
	    (st = dyad__event_check_match(store, filter->match)) != DYAD_OK)
		goto done;
	if ((st = dyad__stmt_get(store, q->sql.data, q->sql.len, &cur->stmt)) != DYAD_OK)
		goto done;
	/* Copied: the query and its normalised values go away below. */
	for (int i = 0; i < q->n_binds; i++)
		dyad__bind_text(cur->stmt, i + 1, q->binds[i]);
	dyad__bind_int64(cur->stmt, q->n_binds + 1, q->limit);
	cur->store = store;
	*out = cur;
	cur = NULL;
	st = DYAD_OK;
done:
	if (q)
		dyad_buf_release(&q->sql);
	dyad__free(q);
	dyad_event_cursor_free(cur);
	return st;
}

static void read_party(dyad__stmt *s, int col, struct dyad_party *p)
{
	p->country = dyad__column_text(s, col);
	p->actor = dyad__column_text(s, col + 1);
	p->name = dyad__column_text(s, col + 2);
	p->entity = dyad__column_null(s, col + 3)
	                ? -1
	                : dyad__column_int(s, col + 3);
}

static uint32_t column_u32(dyad__stmt *s, int col)
{
	int64_t v = dyad__column_int64(s, col);
	return v < 0 || v > UINT32_MAX ? 0 : (uint32_t)v;
}

dyad_status dyad_event_cursor_next(dyad_event_cursor *cur,
                                   const struct dyad_event_row **out)
{
	*out = NULL;
	dyad__stmt *s = cur->stmt;
	int rc = dyad__step(s);
	if (rc == DYAD__STEP_DONE)
		return DYAD_DONE;
	if (rc != DYAD__STEP_ROW) {
		return dyad__store_fail(cur->store, "cannot read the events");
	}
	struct dyad_event_row *r = &cur->row;
	memset(r, 0, sizeof *r);
	r->doc_id = dyad__column_text(s, COL_DOC_ID);
	r->doc_path = dyad__column_text(s, COL_DOC_PATH);
	r->doc_title = dyad__column_text(s, COL_DOC_TITLE);
	r->published = dyad__column_text(s, COL_PUBLISHED);
	r->outlet = dyad__column_text(s, COL_OUTLET);
	r->lang = dyad__column_text(s, COL_LANG);
	r->day = dyad__column_text(s, COL_DAY);
	r->idx = (size_t)dyad__column_int64(s, COL_IDX);
	struct dyad_event *e = &r->event;
	const char *code = dyad__column_text(s, COL_CODE);
	if (code) {
		size_t n = strnlen(code, sizeof e->code - 1);
		memcpy(e->code, code, n);
		e->code[n] = '\0';
	}
	e->quad = dyad__column_int(s, COL_QUAD);
	e->goldstein = dyad__column_double(s, COL_GOLDSTEIN);
	read_party(s, COL_SRC, &e->source);
	read_party(s, COL_TGT, &e->target);
	e->date = dyad__column_text(s, COL_DATE);
	e->place = dyad__column_text(s, COL_PLACE);
	e->text = dyad__column_text(s, COL_SENTENCE);
	e->span.start = column_u32(s, COL_SPAN_START);
	e->span.end = column_u32(s, COL_SPAN_END);
	e->predicate.start = column_u32(s, COL_PRED_START);
	e->predicate.end = column_u32(s, COL_PRED_END);
	e->flags = column_u32(s, COL_FLAGS);
	e->n_mentions = column_u32(s, COL_N_MENTIONS);
	/* stored before events had one: as sure as any the coder reports */
	e->confidence = dyad__column_null(s, COL_CONFIDENCE)
	                        ? 1.0 : dyad__column_double(s, COL_CONFIDENCE);
	*out = r;
	return DYAD_OK;
}

void dyad_event_cursor_free(dyad_event_cursor *cur)
{
	if (!cur)
		return;
	if (cur->store)
		dyad__stmt_put(cur->stmt);
	else
		dyad__stmt_put(cur->stmt);
	dyad__free(cur);
}
