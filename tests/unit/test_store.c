/*
 * test_store.c - the SQLite store and its queries, on documents built by
 * hand (no engine needed): storing, idempotence, rollback, every event
 * filter, reading a document back, statistics and the output formats.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "dyad.h"
#include "testlib.h"

static char dir[64];
static char db_path[128];

/* ---- documents built by hand ---- */

static const char text_en[] =
	"BAKU, Azerbaijan, March 3\n\n"
	"Azerbaijani President Ilham Aliyev met with Kazakh President "
	"Kassym-Jomart Tokayev in Baku. Tokayev praised the \"strategic\" "
	"partnership, and said trade reached $400 million.";

static const char text_ru[] =
	"МОСКВА, 10 мая. Президент России Владимир Путин провел переговоры "
	"с Ильхамом Алиевым.";

static struct dyad_span en_span(const char *needle)
{
	const char *p = strstr(text_en, needle);
	struct dyad_span s = {0, 0};
	if (p) {
		s.start = (uint32_t)(p - text_en);
		s.end = s.start + (uint32_t)strlen(needle);
	}
	return s;
}

static struct dyad_span aliyev_mentions[2];
static struct dyad_span tokayev_mentions[2];
static struct dyad_entity en_entities[3];
static struct dyad_event en_events[2];
static struct dyad_quote en_quotes[1];
static struct dyad_amount en_amounts[1];

static void party(struct dyad_party *p, const char *country, const char *actor,
                  const char *name, int entity)
{
	p->country = country;
	p->actor = actor;
	p->name = name;
	p->entity = entity;
}

static void event(struct dyad_event *e, const char *code, int quad,
                  double goldstein, const char *date, const char *text)
{
	memset(e, 0, sizeof *e);
	snprintf(e->code, sizeof e->code, "%s", code);
	e->quad = quad;
	e->goldstein = goldstein;
	e->date = date;
	e->text = text;
	e->n_mentions = 1;
}

/* English: a meeting (040, dated) and a praise (051, undated). */
static void make_en(struct dyad_doc *d)
{
	memset(d, 0, sizeof *d);
	d->path = "articles/baku.txt";
	d->id = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
	d->lang = "en";
	d->title = "Aliyev, Tokayev meet in Baku";
	d->published = "2021-03-04";
	d->source = "Trend";
	d->dateline = "Baku";
	d->text = text_en;
	d->text_len = strlen(text_en);

	aliyev_mentions[0] = en_span("Ilham Aliyev");
	aliyev_mentions[1] = en_span("Azerbaijani");
	tokayev_mentions[0] = en_span("Kassym-Jomart Tokayev");
	tokayev_mentions[1] = en_span("Tokayev praised");
	tokayev_mentions[1].end = tokayev_mentions[1].start + 7;
	memset(en_entities, 0, sizeof en_entities);
	en_entities[0] = (struct dyad_entity){DYAD_ENTITY_PERSON, "Ilham Aliyev", "AZE",
	                                      "president", "AZEGOV", 0, 0, 0,
	                                      aliyev_mentions, 2};
	en_entities[1] = (struct dyad_entity){DYAD_ENTITY_PERSON, "Kassym-Jomart Tokayev",
	                                      "KAZ", "president", "KAZGOV", 0, 0, 0,
	                                      tokayev_mentions, 2};
	en_entities[2] = (struct dyad_entity){DYAD_ENTITY_PLACE, "Baku", "AZE", NULL, NULL,
	                                      40.4093, 49.8671, 1, NULL, 0};
	d->entities = en_entities;
	d->n_entities = 3;

	event(&en_events[0], "040", 1, 1.0, "2021-03-03",
	      "Azerbaijani President Ilham Aliyev met with Kazakh President "
	      "Kassym-Jomart Tokayev in Baku.");
	party(&en_events[0].source, "AZE", "AZEGOV", "Ilham Aliyev", 0);
	party(&en_events[0].target, "KAZ", "KAZGOV", "Kassym-Jomart Tokayev", 1);
	en_events[0].place = "Baku";
	en_events[0].span = en_span("Azerbaijani President");
	en_events[0].predicate = en_span("met with");
	event(&en_events[1], "051", 1, 3.4, NULL,
	      "Tokayev praised the \"strategic\" partnership, and said trade reached "
	      "$400 million.");
	party(&en_events[1].source, "KAZ", "KAZGOV", "Kassym-Jomart Tokayev", 1);
	party(&en_events[1].target, "AZE", "AZEGOV", "Ilham Aliyev", 0);
	en_events[1].flags = DYAD_EVENT_INTENT;
	d->events = en_events;
	d->n_events = 2;

	en_quotes[0] = (struct dyad_quote){"Kassym-Jomart Tokayev", 1, en_span("strategic")};
	d->quotes = en_quotes;
	d->n_quotes = 1;
	en_amounts[0] = (struct dyad_amount){400e6, "USD", NULL, en_span("$400 million")};
	d->amounts = en_amounts;
	d->n_amounts = 1;
}

static struct dyad_event ru_events[1];

/* Russian: a 036-like talk between RUS and AZE with Cyrillic names. */
static void make_ru(struct dyad_doc *d)
{
	memset(d, 0, sizeof *d);
	d->path = "articles/tass.txt";
	d->id = "b2c3d4e5f60718293a4b5c6d7e8f90a1";
	d->lang = "ru";
	d->title = "Путин провел переговоры с Алиевым";
	d->published = "2021-05-10T10:00:00+03:00";
	d->source = "TASS";
	d->text = text_ru;
	d->text_len = strlen(text_ru);
	event(&ru_events[0], "043", 1, 2.8, NULL,
	      "Президент России Владимир Путин провел переговоры с Ильхамом Алиевым.");
	party(&ru_events[0].source, "RUS", "RUSGOV", "Владимир Путин", -1);
	party(&ru_events[0].target, "AZE", "AZEGOV", "Ильхам Алиев", -1);
	d->events = ru_events;
	d->n_events = 1;
}

/* ---- helpers ---- */

static dyad_store *open_store(void)
{
	dyad_store *store = NULL;
	char err[DYAD_ERRMSG_MAX];
	dyad_status st = dyad_store_open(db_path, &store, err);
	if (st != DYAD_OK)
		fprintf(stderr, "open: %s\n", err);
	return store;
}

static void remove_db(void)
{
	char p[256];
	static const char *const suffixes[] = {"", "-wal", "-shm"};
	for (size_t i = 0; i < 3; i++) {
		snprintf(p, sizeof p, "%s%s", db_path, suffixes[i]);
		unlink(p);
	}
}

/* A fresh database holding the English and Russian documents. */
static dyad_store *fresh_store(void)
{
	struct dyad_doc en, ru;
	int added;
	remove_db();
	dyad_store *store = open_store();
	if (!store)
		return NULL;
	make_en(&en);
	make_ru(&ru);
	if (dyad_store_put(store, &en, &added) != DYAD_OK ||
	    dyad_store_put(store, &ru, &added) != DYAD_OK) {
		fprintf(stderr, "put: %s\n", dyad_store_errmsg(store));
		dyad_store_close(store);
		return NULL;
	}
	return store;
}

/* How many events pass the filter; -1 when the query fails. */
static long count_events(dyad_store *store, const struct dyad_event_filter *f)
{
	dyad_event_cursor *cur;
	const struct dyad_event_row *row;
	long n = 0;
	if (dyad_store_events(store, f, &cur) != DYAD_OK)
		return -1;
	dyad_status st;
	while ((st = dyad_event_cursor_next(cur, &row)) == DYAD_OK)
		n++;
	dyad_event_cursor_free(cur);
	return st == DYAD_DONE ? n : -1;
}

static int64_t sql_count(const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	int64_t n = -1;
	if (sqlite3_open(db_path, &db) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			n = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return n;
}

static int sql_exec(const char *sql)
{
	sqlite3 *db;
	if (sqlite3_open(db_path, &db) != SQLITE_OK)
		return -1;
	int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

/* ---- tests ---- */

TEST(put_is_idempotent)
{
	struct dyad_doc en;
	int added = -1;
	remove_db();
	dyad_store *store = open_store();
	CHECK(store != NULL);
	if (!store)
		return;
	make_en(&en);
	CHECK_INT_EQ(dyad_store_put(store, &en, &added), DYAD_OK);
	CHECK_INT_EQ(added, 1);
	CHECK_INT_EQ(dyad_store_put(store, &en, &added), DYAD_OK);
	CHECK_INT_EQ(added, 0);
	dyad_store_close(store);
	/* Reopened: still one of everything, and the rows are all there. */
	store = open_store();
	CHECK(store != NULL);
	if (!store)
		return;
	CHECK_INT_EQ(dyad_store_put(store, &en, &added), DYAD_OK);
	CHECK_INT_EQ(added, 0);
	dyad_store_close(store);
	CHECK_INT_EQ(sql_count("SELECT count(*) FROM documents"), 1);
	CHECK_INT_EQ(sql_count("SELECT count(*) FROM entities"), 3);
	CHECK_INT_EQ(sql_count("SELECT count(*) FROM mentions"), 4);
	CHECK_INT_EQ(sql_count("SELECT count(*) FROM events"), 2);
	CHECK_INT_EQ(sql_count("SELECT count(*) FROM quotes"), 1);
	CHECK_INT_EQ(sql_count("SELECT count(*) FROM amounts"), 1);
	CHECK_INT_EQ(sql_count("SELECT count(*) FROM docs_fts WHERE docs_fts MATCH 'tokayev'"), 1);
	CHECK_INT_EQ(sql_count("SELECT count(*) FROM events WHERE root = '05'"), 1);
	CHECK_INT_EQ(sql_count("SELECT count(*) FROM amounts WHERE text = '$400 million'"), 1);
	CHECK_INT_EQ(sql_count("PRAGMA user_version"), 3); /* graph, confidence */
	CHECK_INT_EQ(sql_count("SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), 1);
}

TEST(failed_documents)
{
	struct dyad_doc lost, bad;
	int added = -1;
	remove_db();
	dyad_store *store = open_store();
	if (!store) {
		CHECK(store != NULL);
		return;
	}
	/* Failed before it had a text: nothing to key it by, not stored. */
	memset(&lost, 0, sizeof lost);
	lost.path = "missing.txt";
	lost.error = "no such file or folder";
	lost.status = DYAD_ENOENT;
	CHECK_INT_EQ(dyad_store_put(store, &lost, &added), DYAD_OK);
	CHECK_INT_EQ(added, 0);
	/* No id and no error is a caller's bug. */
	lost.error = NULL;
	CHECK_INT_EQ(dyad_store_put(store, &lost, &added), DYAD_EINVAL);
	/* Failed with an id: stored with its error. */
	memset(&bad, 0, sizeof bad);
	bad.path = "odd.txt";
	bad.id = "c3d4";
	bad.lang = "und";
	bad.error = "document is empty";
	bad.status = DYAD_EEMPTY;
	CHECK_INT_EQ(dyad_store_put(store, &bad, &added), DYAD_OK);
	CHECK_INT_EQ(added, 1);
	struct dyad_store_stats *stats;
	CHECK_INT_EQ(dyad_store_stats(store, 0, &stats), DYAD_OK);
	if (stats) {
		CHECK_INT_EQ(stats->n_documents, 1);
		CHECK_INT_EQ(stats->n_failed, 1);
		dyad_store_stats_free(stats);
	}
	struct dyad_doc *back;
	CHECK_INT_EQ(dyad_store_get_doc(store, "c3", &back), DYAD_OK);
	if (back) {
		CHECK_STR_EQ(back->error, "document is empty");
		CHECK(back->text == NULL);
		CHECK_INT_EQ(back->n_events, 0);
		dyad_store_doc_free(back);
	}
	dyad_store_close(store);
}

TEST(failed_put_rolls_back)
{
	struct dyad_doc en;
	int added = -1;
	remove_db();
	dyad_store *store = open_store();
	if (!store) {
		CHECK(store != NULL);
		return;
	}
	dyad_store_close(store);
	/* Make the second event's insert fail halfway through the document. */
	CHECK_INT_EQ(sql_exec("CREATE TRIGGER no_praise BEFORE INSERT ON events"
	                      " WHEN NEW.code = '051' BEGIN SELECT RAISE(ABORT, 'no praise'); END"),
	             SQLITE_OK);
	store = open_store();
	if (!store)
		return;
	make_en(&en);
	/* Rows the database refuses are the document's problem, not the
	 * database failing: only this document is undone. */
	CHECK_INT_EQ(dyad_store_put(store, &en, &added), DYAD_EINVAL);
	CHECK_INT_EQ(added, 0);
	CHECK(strstr(dyad_store_errmsg(store), "no praise") != NULL);
	/* The store is still usable after the rollback. */
	struct dyad_doc ru;
	make_ru(&ru);
	CHECK_INT_EQ(dyad_store_put(store, &ru, &added), DYAD_OK);
	CHECK_INT_EQ(added, 1);
	dyad_store_close(store);
	CHECK_INT_EQ(sql_count("SELECT count(*) FROM documents"), 1);
	CHECK_INT_EQ(sql_count("SELECT count(*) FROM entities"), 0);
	CHECK_INT_EQ(sql_count("SELECT count(*) FROM events"), 1);
	CHECK_INT_EQ(sql_count("SELECT count(*) FROM docs_fts WHERE docs_fts MATCH 'tokayev'"), 0);
}

TEST(event_filters)
{
	dyad_store *store = fresh_store();
	if (!store) {
		CHECK(store != NULL);
		return;
	}
	struct dyad_event_filter f;
#define COUNT_WITH(field, value, want)                                        \
	do {                                                                      \
		memset(&f, 0, sizeof f);                                              \
		f.field = value;                                                      \
		CHECK_INT_EQ(count_events(store, &f), want);                          \
	} while (0)
	CHECK_INT_EQ(count_events(store, NULL), 3);
	COUNT_WITH(actor, "kazgov", 2);
	COUNT_WITH(actor, "tokayev", 2);
	COUNT_WITH(actor, "путин", 1);  /* Cyrillic, any case */
	COUNT_WITH(actor, "ПУТИН", 1);
	COUNT_WITH(actor, "RUS", 1);
	COUNT_WITH(actor, "%", 0);      /* no LIKE wildcards */
	COUNT_WITH(country, "aze", 3);
	COUNT_WITH(country, "KAZ", 2);
	COUNT_WITH(country, "RUS", 1);
	COUNT_WITH(dyad, "AZE:KAZ", 1); /* the meeting */
	COUNT_WITH(dyad, "KAZ:AZE", 2); /* the praise, and the meeting either way */
	COUNT_WITH(dyad, "AZEGOV:", 2); /* the meeting, and RUS met AZE */
	COUNT_WITH(dyad, ":AZE", 3);
	COUNT_WITH(dyad, "rus:aze", 1);
	COUNT_WITH(dyad, "AZE:RUS", 1); /* 043 is a consultation too */
	COUNT_WITH(code, "04", 2);
	COUNT_WITH(code, "051", 1);
	COUNT_WITH(code, "0", 3);
	COUNT_WITH(code, "1", 0);
	COUNT_WITH(since, "2021-03-04", 2); /* undated praise falls back to published */
	COUNT_WITH(since, "2021-05", 1);
	COUNT_WITH(until, "2021-03-03", 1);
	COUNT_WITH(until, "2021-03", 2);
	COUNT_WITH(until, "2021", 3);
	COUNT_WITH(since, "2022", 0);
	COUNT_WITH(source, "trend", 2);
	COUNT_WITH(source, "TASS", 1);
	COUNT_WITH(lang, "ru", 1);
	/* Code filters take any case. */
	COUNT_WITH(lang, "RU", 1);
	COUNT_WITH(lang, "En", 2);
	COUNT_WITH(country, "aze", 3);
	/* Real days, leap days included. */
	COUNT_WITH(since, "2024-02-29", 0);
	COUNT_WITH(until, "2000-02-29", 0);
	COUNT_WITH(match, "strategic", 2);
	COUNT_WITH(match, "переговоры", 1);
	COUNT_WITH(match, "Baku NOT Tokayev", 0);
	COUNT_WITH(limit, 2, 2);
#undef COUNT_WITH
	/* Filters combine. */
	memset(&f, 0, sizeof f);
	f.country = "AZE";
	f.code = "05";
	f.source = "Trend";
	CHECK_INT_EQ(count_events(store, &f), 1);
	dyad_store_close(store);
}

TEST(bad_filters)
{
	dyad_store *store = fresh_store();
	if (!store) {
		CHECK(store != NULL);
		return;
	}
	static const struct {
		const char *field, *value;
	} bad[] = {
		{"since", "2021-13-01"}, {"since", "yesterday"}, {"until", "2021-1-1"},
		{"code", "05a"},          {"code", "0'; DROP"}, {"dyad", "AZE"},
		{"dyad", "AZE:KAZ:RUS"}, {"dyad", "A'Z:KAZ"},  {"country", "A Z"},
		/* days the calendar does not have are refused, not rolled over */
		{"since", "2024-02-30"}, {"since", "2023-02-29"}, {"until", "2021-04-31"},
		{"until", "1900-02-29"}, {"lang", "e n"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct dyad_event_filter f;
		dyad_event_cursor *cur = NULL;
		memset(&f, 0, sizeof f);
		if (strcmp(bad[i].field, "since") == 0)
			f.since = bad[i].value;
		else if (strcmp(bad[i].field, "until") == 0)
			f.until = bad[i].value;
		else if (strcmp(bad[i].field, "code") == 0)
			f.code = bad[i].value;
		else if (strcmp(bad[i].field, "dyad") == 0)
			f.dyad = bad[i].value;
		else if (strcmp(bad[i].field, "lang") == 0)
			f.lang = bad[i].value;
		else
			f.country = bad[i].value;
		dyad_status st = dyad_store_events(store, &f, &cur);
		if (st != DYAD_EINVAL)
			TESTLIB_FAIL("%s=%s gave %s", bad[i].field, bad[i].value, dyad_strerror(st));
		CHECK(cur == NULL);
		CHECK(strstr(dyad_store_errmsg(store), bad[i].value) != NULL);
		dyad_event_cursor_free(cur);
	}
	/* FTS5 queries SQLite cannot parse are bad usage too. */
	static const char *const bad_match[] = {"\"unbalanced", "Baku AND NOT Tokayev",
	                                        "(", "nocolumn:x"};
	for (size_t i = 0; i < sizeof bad_match / sizeof bad_match[0]; i++) {
		struct dyad_event_filter f;
		dyad_event_cursor *cur = NULL;
		memset(&f, 0, sizeof f);
		f.match = bad_match[i];
		CHECK_INT_EQ(dyad_store_events(store, &f, &cur), DYAD_EINVAL);
		CHECK(cur == NULL);
		CHECK(strstr(dyad_store_errmsg(store), "full-text") != NULL);
	}
	/* The tables are all still there. */
	CHECK_INT_EQ(count_events(store, NULL), 3);
	dyad_store_close(store);
}

TEST(event_rows)
{
	dyad_store *store = fresh_store();
	if (!store) {
		CHECK(store != NULL);
		return;
	}
	dyad_event_cursor *cur;
	const struct dyad_event_row *r;
	CHECK_INT_EQ(dyad_store_events(store, NULL, &cur), DYAD_OK);
	if (!cur)
		return;
	/* In date order: the meeting (03-03), the praise (published 03-04), TASS. */
	CHECK_INT_EQ(dyad_event_cursor_next(cur, &r), DYAD_OK);
	if (r) {
		CHECK_STR_EQ(r->day, "2021-03-03");
		CHECK_STR_EQ(r->event.code, "040");
		CHECK_STR_EQ(r->event.source.actor, "AZEGOV");
		CHECK_INT_EQ(r->event.target.entity, 1);
		CHECK_STR_EQ(r->event.place, "Baku");
		CHECK_STR_EQ(r->doc_path, "articles/baku.txt");
		CHECK_STR_EQ(r->outlet, "Trend");
		CHECK_INT_EQ(r->event.predicate.start, en_span("met with").start);
	}
	CHECK_INT_EQ(dyad_event_cursor_next(cur, &r), DYAD_OK);
	if (r) {
		CHECK_STR_EQ(r->day, "2021-03-04");
		CHECK(r->event.date == NULL);
		CHECK_INT_EQ(r->event.flags, DYAD_EVENT_INTENT);
		CHECK_NEAR(r->event.goldstein, 3.4, 1e-9);
	}
	CHECK_INT_EQ(dyad_event_cursor_next(cur, &r), DYAD_OK);
	if (r) {
		CHECK_STR_EQ(r->day, "2021-05-10");
		CHECK_STR_EQ(r->lang, "ru");
		CHECK_INT_EQ(r->event.source.entity, -1);
	}
	CHECK_INT_EQ(dyad_event_cursor_next(cur, &r), DYAD_DONE);
	dyad_event_cursor_free(cur);
	dyad_store_close(store);
}

TEST(doc_round_trip)
{
	dyad_store *store = fresh_store();
	if (!store) {
		CHECK(store != NULL);
		return;
	}
	struct dyad_doc *d = NULL, en;
	make_en(&en);
	CHECK_INT_EQ(dyad_store_get_doc(store, "a1b2", &d), DYAD_OK);
	if (d) {
		CHECK_STR_EQ(d->id, en.id);
		CHECK_STR_EQ(d->title, en.title);
		CHECK_STR_EQ(d->dateline, "Baku");
		CHECK_INT_EQ(d->text_len, en.text_len);
		CHECK(d->text && memcmp(d->text, en.text, en.text_len) == 0);
		CHECK_INT_EQ(d->n_entities, 3);
		CHECK_INT_EQ(d->n_events, 2);
		CHECK_INT_EQ(d->n_quotes, 1);
		CHECK_INT_EQ(d->n_amounts, 1);
		if (d->n_entities == 3) {
			CHECK_INT_EQ(d->entities[0].kind, DYAD_ENTITY_PERSON);
			CHECK_STR_EQ(d->entities[1].actor, "KAZGOV");
			CHECK_INT_EQ(d->entities[1].n_mentions, 2);
			CHECK_INT_EQ(d->entities[1].mentions[1].start, tokayev_mentions[1].start);
			CHECK_INT_EQ(d->entities[2].kind, DYAD_ENTITY_PLACE);
			CHECK_INT_EQ(d->entities[2].has_coords, 1);
			CHECK_NEAR(d->entities[2].lat, 40.4093, 1e-9);
			CHECK_INT_EQ(d->entities[2].n_mentions, 0);
			CHECK_INT_EQ(d->entities[0].has_coords, 0);
		}
		if (d->n_events == 2) {
			CHECK_STR_EQ(d->events[1].code, "051");
			CHECK_STR_EQ(d->events[1].text, en_events[1].text);
			CHECK_STR_EQ(d->events[0].target.name, "Kassym-Jomart Tokayev");
		}
		if (d->n_quotes == 1) {
			CHECK_STR_EQ(d->quotes[0].speaker, "Kassym-Jomart Tokayev");
			CHECK_INT_EQ(d->quotes[0].speaker_entity, 1);
		}
		if (d->n_amounts == 1) {
			CHECK_NEAR(d->amounts[0].value, 400e6, 1e-3);
			CHECK_STR_EQ(d->amounts[0].unit, "USD");
			CHECK(d->amounts[0].counts == NULL);
		}
		dyad_store_doc_free(d);
	}
	/* The full id works too; an unknown prefix does not. */
	CHECK_INT_EQ(dyad_store_get_doc(store, en.id, &d), DYAD_OK);
	dyad_store_doc_free(d);
	CHECK_INT_EQ(dyad_store_get_doc(store, "ffff", &d), DYAD_ENOENT);
	CHECK(d == NULL);
	CHECK_INT_EQ(dyad_store_get_doc(store, "", &d), DYAD_ENOENT);
	CHECK_INT_EQ(dyad_store_get_doc(store, "a1b2\x7f", &d), DYAD_ENOENT);
	/* Both stored ids start with a hex digit between a and b. */
	struct dyad_doc other;
	int added;
	make_en(&other);
	other.id = "a1b2ffff";
	CHECK_INT_EQ(dyad_store_put(store, &other, &added), DYAD_OK);
	CHECK_INT_EQ(dyad_store_get_doc(store, "a1b2", &d), DYAD_EINVAL);
	CHECK(strstr(dyad_store_errmsg(store), "several") != NULL);
	dyad_store_close(store);
}

TEST(stats_counts)
{
	dyad_store *store = fresh_store();
	if (!store) {
		CHECK(store != NULL);
		return;
	}
	struct dyad_store_stats *s;
	CHECK_INT_EQ(dyad_store_stats(store, 1, &s), DYAD_OK);
	if (s) {
		CHECK_INT_EQ(s->n_documents, 2);
		CHECK_INT_EQ(s->n_failed, 0);
		CHECK_INT_EQ(s->n_entities, 3);
		CHECK_INT_EQ(s->n_mentions, 4);
		CHECK_INT_EQ(s->n_events, 3);
		CHECK_INT_EQ(s->n_quotes, 1);
		CHECK_INT_EQ(s->n_amounts, 1);
		CHECK_INT_EQ(s->by_lang.n, 2);
		CHECK_INT_EQ(s->by_source.n, 1); /* top 1 */
		CHECK_INT_EQ(s->by_kind.n, 2);
		if (s->by_kind.n == 2) {
			CHECK_STR_EQ(s->by_kind.items[0].key, "person");
			CHECK_INT_EQ(s->by_kind.items[0].n, 2);
		}
		CHECK_INT_EQ(s->by_root.n, 2);
		if (s->by_root.n == 2) {
			CHECK_STR_EQ(s->by_root.items[0].key, "04");
			CHECK_INT_EQ(s->by_root.items[0].n, 2);
		}
		CHECK_INT_EQ(s->top_dyads.n, 1);
		dyad_store_stats_free(s);
	}
	dyad_store_close(store);
}

/* Everything the writer puts out for all stored events, in one string. */
static char *write_all(dyad_store *store, enum dyad_event_format format,
                       unsigned width, const struct dyad_event_filter *f)
{
	char *data = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&data, &len);
	dyad_event_cursor *cur;
	const struct dyad_event_row *row;
	if (!out)
		return NULL;
	if (dyad_store_events(store, f, &cur) == DYAD_OK) {
		dyad_event_write_header(out, format, width);
		while (dyad_event_cursor_next(cur, &row) == DYAD_OK)
			dyad_event_write(out, format, width, row);
		dyad_event_cursor_free(cur);
	}
	fclose(out);
	return data;
}

TEST(csv_quoting)
{
	dyad_store *store = fresh_store();
	if (!store) {
		CHECK(store != NULL);
		return;
	}
	struct dyad_event_filter f;
	memset(&f, 0, sizeof f);
	f.code = "051";
	char *csv = write_all(store, DYAD_EVENTS_CSV, 0, &f);
	CHECK_STR_EQ(csv,
	             "doc_id,date,code,root,quad,goldstein,source_country,source_actor,"
	             "source_name,target_country,target_actor,target_name,place,text,"
	             "doc_path,doc_title,published,outlet,lang\r\n"
	             "a1b2c3d4e5f60718293a4b5c6d7e8f90,,051,05,1,3.4,KAZ,KAZGOV,"
	             "Kassym-Jomart Tokayev,AZE,AZEGOV,Ilham Aliyev,,"
	             "\"Tokayev praised the \"\"strategic\"\" partnership, and said trade "
	             "reached $400 million.\",articles/baku.txt,"
	             "\"Aliyev, Tokayev meet in Baku\",2021-03-04,Trend,en\r\n");
	free(csv);
	dyad_store_close(store);
}

TEST(jsonl_format)
{
	dyad_store *store = fresh_store();
	if (!store) {
		CHECK(store != NULL);
		return;
	}
	struct dyad_event_filter f;
	memset(&f, 0, sizeof f);
	f.code = "051";
	char *json = write_all(store, DYAD_EVENTS_JSONL, 0, &f);
	CHECK(json && strstr(json, "\"text\":\"Tokayev praised the \\\"strategic\\\" "
	                           "partnership") != NULL);
	CHECK(json && strstr(json, "\"root\":\"05\",\"quad\":1,\"goldstein\":3.4,") != NULL);
	CHECK(json && strstr(json, "\"source\":{\"country\":\"KAZ\",\"actor\":\"KAZGOV\","
	                           "\"name\":\"Kassym-Jomart Tokayev\"}") != NULL);
	CHECK(json && strstr(json, "\"date\":null") != NULL);
	CHECK(json && strstr(json, "\"intent\":true") != NULL);
	/* One line per event. */
	CHECK(json && strchr(json, '\n') == json + strlen(json) - 1);
	free(json);
	dyad_store_close(store);
}

/* Characters (not bytes) in each line; the longest. */
static size_t longest_line(const char *s, size_t *n_lines)
{
	size_t longest = 0, chars = 0;
	*n_lines = 0;
	for (; *s; s++) {
		if (*s == '\n') {
			longest = chars > longest ? chars : longest;
			chars = 0;
			++*n_lines;
		} else if (((unsigned char)*s & 0xC0) != 0x80) {
			chars++;
		}
	}
	return longest;
}

TEST(table_format)
{
	dyad_store *store = fresh_store();
	if (!store) {
		CHECK(store != NULL);
		return;
	}
	size_t n_lines;
	char *table = write_all(store, DYAD_EVENTS_TABLE, DYAD_TABLE_MIN_WIDTH, NULL);
	CHECK(table != NULL);
	if (table) {
		CHECK(longest_line(table, &n_lines) <= DYAD_TABLE_MIN_WIDTH);
		CHECK_INT_EQ(n_lines, 4); /* header + 3 events */
		CHECK(strncmp(table, "date       code source", 22) == 0);
		CHECK(strstr(table, "2021-03-03 040  AZEGOV         KAZGOV           1.0 a1b2c3d4 "
		                    "Azerbaijani") != NULL);
		CHECK(strstr(table, "\xe2\x80\xa6\n") != NULL); /* long sentences are cut */
		free(table);
	}
	table = write_all(store, DYAD_EVENTS_TABLE, 1000, NULL);
	if (table) {
		CHECK(strstr(table, "$400 million.\n") != NULL);
		free(table);
	}
	dyad_store_close(store);
}

TEST(refuses_foreign_files)
{
	dyad_store *store = NULL;
	char err[DYAD_ERRMSG_MAX];
	char missing[160];
	snprintf(missing, sizeof missing, "%s/none.db", dir);
	CHECK_INT_EQ(dyad_store_open_existing(missing, &store, err), DYAD_ENOENT);
	CHECK(store == NULL);
	CHECK(access(missing, F_OK) != 0);
	/* A database from a newer dyad. */
	remove_db();
	CHECK_INT_EQ(sql_exec("PRAGMA user_version = 99"), SQLITE_OK);
	CHECK_INT_EQ(dyad_store_open(db_path, &store, err), DYAD_EDB);
	CHECK(strstr(err, "newer") != NULL);
	/* Another program's database. */
	remove_db();
	CHECK_INT_EQ(sql_exec("PRAGMA application_id = 42"), SQLITE_OK);
	CHECK_INT_EQ(dyad_store_open(db_path, &store, err), DYAD_EDB);
	CHECK(strstr(err, "not a dyad database") != NULL);
	/* Not SQLite at all. */
	remove_db();
	FILE *f = fopen(db_path, "w");
	if (f) {
		fputs("this is not a database, just some text that is long enough "
		      "to look like a header of something else entirely.\n", f);
		fclose(f);
	}
	CHECK(dyad_store_open(db_path, &store, err) != DYAD_OK);
	CHECK(store == NULL);
	remove_db();
}

static void count_problem(void *ctx, const char *problem)
{
	(void)problem;
	(*(int *)ctx)++;
}

TEST(batches_commit_every_n)
{
	static const char *const ids[] = {"d001", "d002", "d003", "d004", "d005"};
	remove_db();
	dyad_store *store = open_store();
	if (!store) {
		CHECK(store != NULL);
		return;
	}
	dyad_store_set_batch(store, 3);
	struct dyad_doc d;
	int added;
	for (size_t i = 0; i < 5; i++) {
		make_en(&d);
		d.id = ids[i];
		CHECK_INT_EQ(dyad_store_put(store, &d, &added), DYAD_OK);
		CHECK_INT_EQ(added, 1);
	}
	/* Three committed with the first batch; two wait in the open one,
	 * invisible to another connection. */
	CHECK_INT_EQ(dyad_store_pending(store), 2);
	CHECK_INT_EQ(sql_count("SELECT count(*) FROM documents"), 3);
	/* The same id again inside the batch is not new. */
	make_en(&d);
	d.id = ids[4];
	CHECK_INT_EQ(dyad_store_put(store, &d, &added), DYAD_OK);
	CHECK_INT_EQ(added, 0);
	/* A read on the handle commits first, so it sees what it put. */
	struct dyad_store_stats *stats;
	CHECK_INT_EQ(dyad_store_stats(store, 0, &stats), DYAD_OK);
	if (stats) {
		CHECK_INT_EQ(stats->n_documents, 5);
		dyad_store_stats_free(stats);
	}
	CHECK_INT_EQ(dyad_store_pending(store), 0);
	CHECK_INT_EQ(sql_count("SELECT count(*) FROM documents"), 5);
	make_ru(&d);
	CHECK_INT_EQ(dyad_store_put(store, &d, &added), DYAD_OK);
	CHECK_INT_EQ(dyad_store_commit(store), DYAD_OK);
	CHECK_INT_EQ(dyad_store_commit(store), DYAD_OK); /* nothing open: fine */
	CHECK_INT_EQ(sql_count("SELECT count(*) FROM documents"), 6);
	CHECK_INT_EQ(sql_count("SELECT count(*) FROM entities"), 15);
	dyad_store_close(store);
}

TEST(a_failing_database_rolls_back_the_batch)
{
	remove_db();
	dyad_store *store = open_store();
	if (!store) {
		CHECK(store != NULL);
		return;
	}
	dyad_store_set_batch(store, 10);
	struct dyad_doc d;
	int added;
	make_en(&d);
	CHECK_INT_EQ(dyad_store_put(store, &d, &added), DYAD_OK);
	CHECK_INT_EQ(dyad_store_commit(store), DYAD_OK);
	make_ru(&d);
	CHECK_INT_EQ(dyad_store_put(store, &d, &added), DYAD_OK);
	/* The open batch holds the write lock: a second writer cannot start
	 * one, and says so once its busy timeout is over. */
	setenv("DYAD_BUSY_TIMEOUT_MS", "50", 1);
	dyad_store *second = open_store();
	unsetenv("DYAD_BUSY_TIMEOUT_MS");
	CHECK(second != NULL);
	if (second) {
		make_en(&d);
		d.id = "e001";
		CHECK_INT_EQ(dyad_store_put(second, &d, &added), DYAD_EDB);
		CHECK(strstr(dyad_store_errmsg(second), "locked") != NULL);
		CHECK(strstr(dyad_store_errmsg(second), "50 ms") != NULL);
		dyad_store_close(second);
	}
	CHECK_INT_EQ(dyad_store_commit(store), DYAD_OK);
	CHECK_INT_EQ(sql_count("SELECT count(*) FROM documents"), 2);
	dyad_store_close(store);
}

TEST(readonly_handles_never_write)
{
	dyad_store *store = fresh_store();
	if (!store) {
		CHECK(store != NULL);
		return;
	}
	dyad_store_close(store);
	char err[DYAD_ERRMSG_MAX];
	CHECK_INT_EQ(dyad_store_open_readonly(db_path, &store, err), DYAD_OK);
	if (store) {
		struct dyad_doc d;
		int added;
		make_en(&d);
		d.id = "f001";
		CHECK_INT_EQ(dyad_store_put(store, &d, &added), DYAD_EDB);
		int n = 0;
		size_t n_problems = 99;
		CHECK_INT_EQ(dyad_store_check(store, count_problem, &n, &n_problems), DYAD_OK);
		CHECK_INT_EQ(n_problems, 0);
		CHECK_INT_EQ(n, 0);
		dyad_store_close(store);
	}
	CHECK_INT_EQ(sql_count("SELECT count(*) FROM documents"), 2);
	/* An empty file stays empty; an older schema stays older. */
	remove_db();
	FILE *f = fopen(db_path, "w");
	if (f)
		fclose(f);
	CHECK_INT_EQ(dyad_store_open_readonly(db_path, &store, err), DYAD_EDB);
	CHECK(strstr(err, "empty database") != NULL);
	struct stat info;
	CHECK(stat(db_path, &info) == 0 && info.st_size == 0);
	CHECK_INT_EQ(sql_exec("PRAGMA application_id = 1685676388; CREATE TABLE documents (id TEXT);"),
	             SQLITE_OK);
	CHECK_INT_EQ(dyad_store_open_readonly(db_path, &store, err), DYAD_EDB);
	CHECK(strstr(err, "schema version 0, older") != NULL);
	CHECK_INT_EQ(sql_count("PRAGMA user_version"), 0);
	CHECK_INT_EQ(sql_count("SELECT count(*) FROM sqlite_master"), 1);
	/* Writing refuses another program's tables instead of adding to them. */
	remove_db();
	CHECK_INT_EQ(sql_exec("CREATE TABLE notes (x TEXT);"), SQLITE_OK);
	CHECK_INT_EQ(dyad_store_open(db_path, &store, err), DYAD_EDB);
	CHECK(strstr(err, "not a dyad database") != NULL);
	CHECK_INT_EQ(sql_count("SELECT count(*) FROM sqlite_master"), 1);
	remove_db();
}

TEST(check_finds_what_is_broken)
{
	dyad_store *store = fresh_store();
	if (!store) {
		CHECK(store != NULL);
		return;
	}
	int n = 0;
	size_t n_problems = 99;
	CHECK_INT_EQ(dyad_store_check(store, count_problem, &n, &n_problems), DYAD_OK);
	CHECK_INT_EQ(n_problems, 0);
	dyad_store_close(store);
	CHECK_INT_EQ(sql_exec("DELETE FROM entities WHERE idx = 1;"
	                      "UPDATE events SET root = '99' WHERE idx = 0;"
	                      "UPDATE mentions SET span_end = 100000 WHERE idx = 0;"),
	             SQLITE_OK);
	store = open_store();
	if (!store)
		return;
	CHECK_INT_EQ(dyad_store_check(store, count_problem, &n, &n_problems), DYAD_OK);
	/* orphan mentions, an event's entity gone, a bad root, a span past the text */
	CHECK(n_problems >= 4);
	CHECK_INT_EQ(n, (int)n_problems);
	dyad_store_close(store);
	CHECK_INT_EQ(sql_exec("UPDATE documents SET text = 'other words' WHERE seq = 1;"), SQLITE_OK);
	store = open_store();
	if (!store)
		return;
	n = 0;
	CHECK_INT_EQ(dyad_store_check(store, count_problem, &n, &n_problems), DYAD_OK);
	CHECK(n_problems >= 5); /* the full-text index no longer matches */
	dyad_store_close(store);
}

int main(void)
{
	snprintf(dir, sizeof dir, "/tmp/dyad-test-store-XXXXXX");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(db_path, sizeof db_path, "%s/t.db", dir);
	RUN(put_is_idempotent);
	RUN(failed_documents);
	RUN(failed_put_rolls_back);
	RUN(event_filters);
	RUN(bad_filters);
	RUN(event_rows);
	RUN(doc_round_trip);
	RUN(stats_counts);
	RUN(csv_quoting);
	RUN(jsonl_format);
	RUN(table_format);
	RUN(refuses_foreign_files);
	RUN(batches_commit_every_n);
	RUN(a_failing_database_rolls_back_the_batch);
	RUN(readonly_handles_never_write);
	RUN(check_finds_what_is_broken);
	remove_db();
	rmdir(dir);
	return testlib_done();
}
