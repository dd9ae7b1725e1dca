/*
 * check_rules.h - the rules of the schema that `dyad check` tests on either
 * backend (sqlite_check.c, pg_check.c): each query counts the rows that
 * break its rule. The backends differ only in how SQL spells the length of
 * a text in bytes, which the spans are measured against. Both report the
 * broken rules through one checker (check_rules.c).
 */
#ifndef DYAD_STORE_CHECK_RULES_H
#define DYAD_STORE_CHECK_RULES_H

#include <stddef.h>

struct dyad_store;

/* One run of dyad_store_check(): where its problems go, and how many. */
struct dyad__checker {
	struct dyad_store *store;
	void (*report)(void *ctx, const char *problem);
	void *ctx;
	size_t n;
	int failed; /* the backend's own: the connection was lost */
};

/* Count one problem and hand its line (cut at DYAD_ERRMSG_MAX) to report. */
void dyad__check_problem(struct dyad__checker *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

struct dyad__check_rule {
	const char *what;
	const char *sql;
};

#define DYAD_CHECK_ORPHANS(table)                                             \
	{table " rows of no stored document",                                     \
	 "SELECT count(*) FROM " table " t WHERE NOT EXISTS"                      \
	 " (SELECT 1 FROM documents d WHERE d.id = t.doc_id)"}
#define DYAD_CHECK_ENTITY_REF(table, col)                                     \
	{table "." col " pointing at no entity of the document",                  \
	 "SELECT count(*) FROM " table " t WHERE t." col " IS NOT NULL AND NOT"   \
	 " EXISTS (SELECT 1 FROM entities e WHERE e.doc_id = t.doc_id"            \
	 " AND e.idx = t." col ")"}
#define DYAD_CHECK_SPANS(table, text_bytes)                                   \
	{table " spans outside their document's text",                            \
	 "SELECT count(*) FROM " table " t JOIN documents d ON d.id = t.doc_id"   \
	 " WHERE t.span_start > t.span_end OR t.span_end > " text_bytes}

/* The rules both backends check, first and in this order; text_bytes is
 * the SQL of d.text's length in bytes. */
#define DYAD_CHECK_COMMON_RULES(text_bytes)                                   \
	DYAD_CHECK_ORPHANS("entities"), DYAD_CHECK_ORPHANS("mentions"),          \
	DYAD_CHECK_ORPHANS("events"), DYAD_CHECK_ORPHANS("quotes"),               \
	DYAD_CHECK_ORPHANS("amounts"), DYAD_CHECK_ENTITY_REF("mentions", "entity_idx"), \
	DYAD_CHECK_ENTITY_REF("events", "src_entity"),                            \
	DYAD_CHECK_ENTITY_REF("events", "tgt_entity"),                            \
	DYAD_CHECK_ENTITY_REF("quotes", "speaker_entity"),                        \
	DYAD_CHECK_SPANS("mentions", text_bytes), DYAD_CHECK_SPANS("events", text_bytes), \
	DYAD_CHECK_SPANS("quotes", text_bytes), DYAD_CHECK_SPANS("amounts", text_bytes), \
	{"events whose root is not the start of their code",                      \
	 "SELECT count(*) FROM events WHERE root <> substr(code, 1, 2)"},         \
	{"documents without text and without an error",                          \
	 "SELECT count(*) FROM documents WHERE text IS NULL AND error IS NULL"}

#endif
