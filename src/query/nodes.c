/*
 * nodes.c - reading the knowledge graph's nodes: dyad_store_nodes() (a
 * filtered, paged list) and dyad_store_node() (one node with its variants,
 * event edges and relations), for 'dyad entities', 'dyad entity' and the
 * server's /api/entities. The tables are store/sqlite_graph.c's.
 */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "query/result.h"
#include "store/store.h"

static const char *const kinds[] = {"person", "country", "place", "org"};

/* The WHERE of a node listing; ?1 kind, ?2 country, ?3 name (NULL: any). */
static const char nodes_where[] =
	" FROM nodes n WHERE (CAST(?1 AS TEXT) IS NULL OR n.kind = ?1)"
	" AND (CAST(?2 AS TEXT) IS NULL OR n.country = upper(?2))"
	" AND (CAST(?3 AS TEXT) IS NULL OR instr(dyad_fold(n.name), dyad_fold(?3)) > 0"
	"  OR EXISTS (SELECT 1 FROM node_variants v WHERE v.node_id = n.id"
	"   AND instr(dyad_fold(v.variant), dyad_fold(?3)) > 0))";

static const char *nonempty(const char *s)
{
	return s && s[0] ? s : NULL;
}

static dyad_status prepare_nodes(struct dyad_store *store, const char *head,
                                 const char *tail, const struct dyad_node_filter *f,
                                 dyad__stmt **s)
{
	struct dyad_buf sql;
	dyad_buf_init(&sql, 0);
	dyad_buf_puts(&sql, head);
	dyad_buf_puts(&sql, nodes_where);
	dyad_buf_puts(&sql, tail);
	dyad_status st = sql.error;
	if (st == DYAD_OK &&
	    dyad__stmt_get(store, sql.data, sql.len, s) != DYAD_OK)
		st = dyad__store_fail(store, "cannot list the entities");
	dyad_buf_release(&sql);
	if (st != DYAD_OK)
		return st;
	dyad__bind_text(*s, 1, nonempty(f->kind));
	dyad__bind_text(*s, 2, nonempty(f->country));
	dyad__bind_text(*s, 3, nonempty(f->name));
	return DYAD_OK;
}

static dyad_status check_kind(struct dyad_store *store, const char *kind)
{
	if (!nonempty(kind))
		return DYAD_OK;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kind, kinds[i]) == 0)
			return DYAD_OK;
	return dyad__store_error(store, DYAD_EINVAL,
	                         "kind \"%s\": expected person, country, place or org",
	                         kind);
}

/* Step s to its end, adding a node per row to r. */
static dyad_status read_nodes(struct dyad_store *store, dyad__stmt *s,
                              struct dyad_nodes *r)
{
	size_t cap = 0;
	int rc = DYAD__STEP_DONE, oom = 0;
	while ((rc = dyad__step(s)) == DYAD__STEP_ROW) {
		if (!dyad__result_reserve(r->priv, (void **)&r->items, r->n, &cap,
		                          sizeof *r->items))
			return DYAD_ENOMEM;
		dyad__result_node(r->priv, s, 0, &r->items[r->n++], &oom);
		if (oom)
			return DYAD_ENOMEM;
	}
	return rc == DYAD__STEP_DONE ? DYAD_OK : dyad__store_fail(store, "cannot list the entities");
}

static dyad_status list_nodes(struct dyad_store *store,
                              const struct dyad_node_filter *f, struct dyad_nodes *r)
{
	dyad__stmt *s = NULL;
	dyad_status st = prepare_nodes(store, "SELECT count(*)", "", f, &s);
	if (st == DYAD_OK) {
		if (dyad__step(s) == DYAD__STEP_ROW)
			r->total = dyad__column_int64(s, 0);
		else
			st = dyad__store_fail(store, "cannot count the entities");
	}
	dyad__stmt_put(s);
	s = NULL;
	if (st == DYAD_OK)
		st = prepare_nodes(store, "SELECT " DYAD_NODE_COLUMNS,
		                   " ORDER BY n.n_mentions DESC, n.id LIMIT ?4 OFFSET ?5", f,
		                   &s);
	if (st == DYAD_OK) {
		dyad__bind_int64(s, 4, (int64_t)(f->limit ? f->limit : DYAD_NODES_LIMIT));
		dyad__bind_int64(s, 5, (int64_t)f->offset);
		st = read_nodes(store, s, r);
	}
	dyad__stmt_put(s);
	return st;
}

dyad_status dyad_store_nodes(dyad_store *store, const struct dyad_node_filter *filter,
                             struct dyad_nodes **out)
{
	static const struct dyad_node_filter all;
	struct dyad__result_private *priv;
	*out = NULL;
	store->errmsg[0] = '\0';
	if (!filter)
		filter = &all;
	dyad_status st = check_kind(store, filter->kind);
	if (st == DYAD_OK && (filter->limit > (size_t)INT64_MAX / 2 ||
	                      filter->offset > (size_t)INT64_MAX / 2))
		st = dyad__store_error(store, DYAD_EINVAL, "limit or offset too large");
	if (st == DYAD_OK)
		st = dyad_store_commit(store);
	if (st != DYAD_OK)
		return st;
	struct dyad_nodes *r = dyad__result_new(sizeof *r, &priv);
	if (!r)
		return dyad__store_error(store, DYAD_ENOMEM, "%s", dyad_strerror(DYAD_ENOMEM));
	r->priv = priv;
	if ((st = list_nodes(store, filter, r)) != DYAD_OK) {
		dyad_store_nodes_free(r);
		return st;
	}
	*out = r;
	return DYAD_OK;
}

void dyad_store_nodes_free(struct dyad_nodes *nodes)
{
	if (nodes)
		dyad__result_free(nodes->priv);
}

/* ---- one node ---- */

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/* One int64 from sql with ?1 = key: 1 found, 0 none, -1 error. */
static int lookup(struct dyad_store *store, const char *sql, const char *key,
                  int64_t *id)
{
	dyad__stmt *s;
	if (dyad__stmt_prepare(store, sql, &s) != DYAD_OK)
		return -1;
	dyad__bind_text(s, 1, key);
	int rc = dyad__step(s);
	if (rc == DYAD__STEP_ROW)
		*id = dyad__column_int64(s, 0);
	dyad__stmt_put(s);
	return rc == DYAD__STEP_ROW ? 1 : rc == DYAD__STEP_DONE ? 0 : -1;
}

/* Several nodes contain key: say which (the first few) in the error. */
static dyad_status ambiguous(struct dyad_store *store, const char *key)
{
	dyad__stmt *s;
	char names[DYAD_ERRMSG_MAX / 2] = "";
	size_t len = 0;
	if (dyad__stmt_prepare(store, "SELECT id, name FROM nodes WHERE instr(dyad_fold(name),"
	                       " dyad_fold(?1)) > 0 ORDER BY n_mentions DESC, id LIMIT 5", &s) != DYAD_OK)
		return dyad__store_fail(store, "cannot look the entity up");
	dyad__bind_text(s, 1, key);
	while (dyad__step(s) == DYAD__STEP_ROW && len < sizeof names) {
		int n = snprintf(names + len, sizeof names - len, "%s%lld %s",
		                 len ? ", " : "", (long long)dyad__column_int64(s, 0),
		                 dyad__column_text(s, 1));
		len += n > 0 ? (size_t)n : 0;
	}
	dyad__stmt_put(s);
	return dyad__store_error(store, DYAD_EINVAL,
	                         "\"%s\" names several entities (%s...): give an id",
	                         key, names);
}

static dyad_status resolve(struct dyad_store *store, const char *key, int64_t *id)
{
	int rc;
	if (all_digits(key) && strlen(key) < 19) {
		rc = lookup(store, "SELECT id FROM nodes WHERE id = CAST(?1 AS INTEGER)", key, id);
	} else {
		rc = lookup(store,
		            "SELECT n.id FROM nodes n WHERE n.id IN (SELECT id FROM nodes"
		            " WHERE dyad_fold(name) = dyad_fold(?1) UNION SELECT node_id"
		            " FROM node_variants WHERE dyad_fold(variant) = dyad_fold(?1))"
		            " ORDER BY n.n_mentions DESC, n.id LIMIT 1",
		            key, id);
		if (rc == 0) {
			int64_t n = 0;
			rc = lookup(store, "SELECT count(*) FROM nodes WHERE"
			                   " instr(dyad_fold(name), dyad_fold(?1)) > 0", key, &n);
			if (rc == 1 && n > 1)
				return ambiguous(store, key);
			if (rc == 1 && n == 1)
				rc = lookup(store, "SELECT id FROM nodes WHERE"
				                   " instr(dyad_fold(name), dyad_fold(?1)) > 0", key, id);
			else if (rc == 1)
				rc = 0;
		}
	}
	if (rc < 0)
		return dyad__store_fail(store, "cannot look the entity up");
	if (rc == 0)
		return dyad__store_error(store, DYAD_ENOENT, "no entity \"%s\"", key);
	return DYAD_OK;
}

static dyad_status load_variants(struct dyad_store *store, struct dyad_node_detail *r)
{
	dyad__stmt *s;
	size_t cap = 0;
	int oom = 0, rc = DYAD__STEP_DONE;
	if (dyad__stmt_prepare(store, "SELECT variant, n FROM node_variants WHERE node_id = ?1"
	                       " ORDER BY n DESC, variant LIMIT ?2", &s) != DYAD_OK)
		return dyad__store_fail(store, "cannot read the entity");
	dyad__bind_int64(s, 1, r->node.id);
	dyad__bind_int64(s, 2, DYAD_NODE_LINKS_MAX);
	while (!oom && (rc = dyad__step(s)) == DYAD__STEP_ROW) {
		if (!dyad__result_reserve(r->priv, (void **)&r->variants, r->n_variants,
		                          &cap, sizeof *r->variants)) {
			oom = 1;
			break;
		}
		struct dyad_node_variant *v = &r->variants[r->n_variants++];
		v->text = dyad__result_text(r->priv, s, 0, &oom);
		v->n = dyad__column_int64(s, 1);
	}
	dyad__stmt_put(s);
	if (oom)
		return dyad__store_error(store, DYAD_ENOMEM, "%s", dyad_strerror(DYAD_ENOMEM));
	return rc == DYAD__STEP_DONE ? DYAD_OK : dyad__store_fail(store, "cannot read the entity");
}

/* Links: ?1 the node; the query's columns are outgoing, the other node's
 * columns, what, label, quad, n, first_day, last_day. */
static const char edges_sql[] =
	"SELECT 1, " DYAD_NODE_COLUMNS ", g.root, '', g.quad, g.n_events, g.first_day,"
	" g.last_day FROM edges g JOIN nodes n ON n.id = g.tgt WHERE g.src = ?1"
	" UNION ALL SELECT 0, " DYAD_NODE_COLUMNS ", g.root, '', g.quad, g.n_events,"
	" g.first_day, g.last_day FROM edges g JOIN nodes n ON n.id = g.src"
	" WHERE g.tgt = ?1 ORDER BY 15 DESC, 4, 12 LIMIT ?2";
static const char relations_sql[] =
	"SELECT 1, " DYAD_NODE_COLUMNS ", r.rel, r.label, 0, r.n_docs, r.first_day,"
	" r.last_day FROM relations r JOIN nodes n ON n.id = r.dst WHERE r.src = ?1"
	" UNION ALL SELECT 0, " DYAD_NODE_COLUMNS ", r.rel, r.label, 0, r.n_docs,"
	" r.first_day, r.last_day FROM relations r JOIN nodes n ON n.id = r.src"
	" WHERE r.dst = ?1 ORDER BY 15 DESC, 4, 12 LIMIT ?2";

static dyad_status load_links(struct dyad_store *store, struct dyad_node_detail *r,
                              const char *sql, struct dyad_node_link **items,
                              size_t *n)
{
	dyad__stmt *s;
	size_t cap = 0;
	int oom = 0, rc = DYAD__STEP_DONE;
	const int c = 1 + DYAD_NODE_N_COLUMNS;
	if (dyad__stmt_prepare(store, sql, &s) != DYAD_OK)
		return dyad__store_fail(store, "cannot read the entity's links");
	dyad__bind_int64(s, 1, r->node.id);
	dyad__bind_int64(s, 2, DYAD_NODE_LINKS_MAX);
	while (!oom && (rc = dyad__step(s)) == DYAD__STEP_ROW) {
		if (!dyad__result_reserve(r->priv, (void **)items, *n, &cap, sizeof **items)) {
			oom = 1;
			break;
		}
		struct dyad_node_link *l = &(*items)[(*n)++];
		l->outgoing = dyad__column_int(s, 0);
		dyad__result_node(r->priv, s, 1, &l->other, &oom);
		l->what = dyad__result_text(r->priv, s, c, &oom);
		l->label = dyad__result_text(r->priv, s, c + 1, &oom);
		l->quad = dyad__column_int(s, c + 2);
		l->n = dyad__column_int64(s, c + 3);
		l->first_day = dyad__result_text(r->priv, s, c + 4, &oom);
		l->last_day = dyad__result_text(r->priv, s, c + 5, &oom);
	}
	dyad__stmt_put(s);
	if (oom)
		return dyad__store_error(store, DYAD_ENOMEM, "%s", dyad_strerror(DYAD_ENOMEM));
	return rc == DYAD__STEP_DONE ? DYAD_OK
	                         : dyad__store_fail(store, "cannot read the entity's links");
}

static dyad_status load_node(struct dyad_store *store, int64_t id,
                             struct dyad_node_detail *r)
{
	dyad__stmt *s;
	int oom = 0;
	if (dyad__stmt_prepare(store, "SELECT " DYAD_NODE_COLUMNS " FROM nodes n WHERE n.id = ?1", &s) != DYAD_OK)
		return dyad__store_fail(store, "cannot read the entity");
	dyad__bind_int64(s, 1, id);
	int rc = dyad__step(s);
	if (rc == DYAD__STEP_ROW)
		dyad__result_node(r->priv, s, 0, &r->node, &oom);
	dyad__stmt_put(s);
	if (rc != DYAD__STEP_ROW)
		return dyad__store_fail(store, "cannot read the entity");
	if (oom)
		return dyad__store_error(store, DYAD_ENOMEM, "%s", dyad_strerror(DYAD_ENOMEM));
	dyad_status st = load_variants(store, r);
	if (st == DYAD_OK)
		st = load_links(store, r, edges_sql, &r->edges, &r->n_edges);
	if (st == DYAD_OK)
		st = load_links(store, r, relations_sql, &r->relations, &r->n_relations);
	return st;
}

dyad_status dyad_store_node(dyad_store *store, const char *key,
                            struct dyad_node_detail **out)
{
	struct dyad__result_private *priv;
	int64_t id = 0;
	*out = NULL;
	store->errmsg[0] = '\0';
	dyad_status st = dyad_store_commit(store);
	if (st == DYAD_OK)
		st = resolve(store, key, &id);
	if (st != DYAD_OK)
		return st;
	struct dyad_node_detail *r = dyad__result_new(sizeof *r, &priv);
	if (!r)
		return dyad__store_error(store, DYAD_ENOMEM, "%s", dyad_strerror(DYAD_ENOMEM));
	r->priv = priv;
	if ((st = load_node(store, id, r)) != DYAD_OK) {
		dyad_store_node_free(r);
		return st;
	}
	*out = r;
	return DYAD_OK;
}

void dyad_store_node_free(struct dyad_node_detail *detail)
{
	if (detail)
		dyad__result_free(detail->priv);
}
