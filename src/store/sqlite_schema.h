/*
 * schema.h - the tables of a dyad database and their migrations.
 *
 * The schema version lives in PRAGMA user_version: 0 is an empty file, and
 * each migration step takes the file one version up inside a transaction,
 * so a database written by an older dyad is upgraded when it is opened and
 * one written by a newer dyad is refused instead of being misread.
 * docs/schema.md describes every table.
 */
#ifndef DYAD_STORE_SCHEMA_H
#define DYAD_STORE_SCHEMA_H

#include <sqlite3.h>

#include "dyad.h"

/* The version this build writes and understands. */
#define DYAD_SCHEMA_VERSION 3

/* PRAGMA application_id of dyad databases: "dyad" in ASCII. */
#define DYAD_APPLICATION_ID 0x64796164

/*
 * Bring the database to DYAD_SCHEMA_VERSION: create the tables in an empty
 * file, run the migrations of an older one. DYAD_EDB with errmsg
 * (DYAD_ERRMSG_MAX bytes) filled when the file is not a dyad database, is
 * newer than this build, or SQLite fails.
 */
dyad_status dyad__schema_apply(sqlite3 *db, char *errmsg);

/*
 * For readers: DYAD_OK when the database has exactly DYAD_SCHEMA_VERSION,
 * else DYAD_EDB with errmsg saying why (empty, not dyad's, too old, too
 * new). Never writes.
 */
dyad_status dyad__schema_check(sqlite3 *db, char *errmsg);

#endif
