/*
 * test_store_backend.c - unit tests of the store interface (store/backend.h):
 * the backend a database name chooses, the statement calls over SQLite
 * (binding, stepping, NULL and typed columns, keeping a statement for the
 * next query of the same text, resetting), the export formats' names, and
 * a PostgreSQL URL that reaches no server failing as the database (no
 * server needed: tests/golden/pg*.sh test the backend against one).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dyad.h"
#include "store/store.h"
#include "testlib.h"

static char dir[] = "/tmp/dyad-backend-XXXXXX";
static char path[64];

TEST(backend_by_name)
{
	CHECK(dyad__store_is_pg("postgresql://u@h/db"));
	CHECK(dyad__store_is_pg("postgres:///db?host=/tmp"));
	CHECK(!dyad__store_is_pg("postgresql.db"));
	CHECK(!dyad__store_is_pg("/srv/postgresql://x"));
	CHECK(!dyad__store_is_pg("dyad.db"));
	dyad_store *store;
	char err[DYAD_ERRMSG_MAX];
	CHECK_INT_EQ(dyad_store_open(path, &store, err), DYAD_OK);
	CHECK_STR_EQ(store->be->name, "sqlite");
	dyad_store_close(store);
}

TEST(statements_over_sqlite)
{
	dyad_store *store;
	char err[DYAD_ERRMSG_MAX];
	CHECK_INT_EQ(dyad_store_open_readonly(path, &store, err), DYAD_OK);
	dyad__stmt *s;
	static const char sql[] = "SELECT ?1, ?2 + 1, ?3 * 2, ?4 IS NULL, 'a?1b'";
	CHECK_INT_EQ(dyad__stmt_get(store, sql, sizeof sql - 1, &s), DYAD_OK);
	dyad__bind_text(s, 1, "Баку");
	dyad__bind_int64(s, 2, 41);
	dyad__bind_double(s, 3, 1.25);
	dyad__bind_text(s, 4, NULL);
	CHECK_INT_EQ(dyad__step(s), DYAD__STEP_ROW);
	CHECK_STR_EQ(dyad__column_text(s, 0), "Баку");
	CHECK_INT_EQ((int)dyad__column_bytes(s, 0), 8);
	CHECK_INT_EQ((int)dyad__column_int64(s, 1), 42);
	CHECK_NEAR(dyad__column_double(s, 2), 2.5, 1e-12);
	CHECK_INT_EQ(dyad__column_int(s, 3), 1);
	CHECK_STR_EQ(dyad__column_text(s, 4), "a?1b");
	CHECK(!dyad__column_null(s, 0));
	CHECK_INT_EQ(dyad__step(s), DYAD__STEP_DONE);
	/* Run again after a reset: the bindings stay. */
	dyad__stmt_reset(s);
	CHECK_INT_EQ(dyad__step(s), DYAD__STEP_ROW);
	CHECK_INT_EQ((int)dyad__column_int64(s, 1), 42);
	dyad__stmt_put(s);
	/* The same text again: the kept statement, unbound. */
	dyad__stmt *again;
	CHECK_INT_EQ(dyad__stmt_get(store, sql, sizeof sql - 1, &again), DYAD_OK);
	CHECK(again == s);
	CHECK_INT_EQ(dyad__step(again), DYAD__STEP_ROW);
	CHECK(dyad__column_null(again, 0));
	CHECK(dyad__column_text(again, 0) == NULL);
	dyad__stmt_put(again);
	/* A statement that fails says why through the store. */
	dyad__stmt *bad;
	CHECK(dyad__stmt_prepare(store, "SELECT * FROM no_such_table", &bad) == DYAD_EDB);
	CHECK(strstr(dyad_store_errmsg(store), "no_such_table") != NULL);
	CHECK_INT_EQ(dyad__store_exec(store, "BEGIN"), DYAD_OK);
	CHECK_INT_EQ(dyad__store_exec(store, "COMMIT"), DYAD_OK);
	dyad_store_close(store);
}

TEST(export_format_names)
{
	static const char *const names[] = {"gdelt", "gdelt-mentions", "icews", "csv",
	                                    "jsonl", "graphml", "gexf"};
	enum dyad_export_format f;
	for (int i = 0; i < 7; i++) {
		CHECK(dyad_export_format_parse(names[i], &f));
		CHECK_INT_EQ((int)f, i);
	}
	CHECK(!dyad_export_format_parse("GDELT", &f));
	CHECK(!dyad_export_format_parse("", &f));
}

TEST(postgresql_without_a_server)
{
	char url[128], err[DYAD_ERRMSG_MAX];
	dyad_store *store = (dyad_store *)1;
	snprintf(url, sizeof url, "postgresql://me:secret@/db?host=%s/none", dir);
	CHECK_INT_EQ(dyad_store_open(url, &store, err), DYAD_EDB);
	CHECK(store == NULL);
	CHECK(strstr(err, "cannot connect") != NULL);
	CHECK(strstr(err, "secret") == NULL); /* the password is not shown */
	CHECK_INT_EQ(dyad_store_open_readonly(url, &store, err), DYAD_EDB);
	CHECK(store == NULL);
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof path, "%s/b.db", dir);
	RUN(backend_by_name);
	RUN(statements_over_sqlite);
	RUN(export_format_names);
	RUN(postgresql_without_a_server);
	char side[sizeof path + 8];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	rmdir(dir);
	return testlib_done();
}
