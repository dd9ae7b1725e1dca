/*
 * test_graph.c - unit tests of the knowledge graph (store/graph.c, the
 * reads of query/nodes.c, graph.c, timeline.c) and of what the server asks
 * of the store: event paging cursors, the change check, the time limit.
 * Two small documents written here, one English and one Russian, name the
 * same person in two scripts.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dyad.h"
#include "testlib.h"

static char dir[] = "/tmp/dyad-test-graph-XXXXXX";
static char path[sizeof dir + 8];

static const char text_en[] =
	"Azerbaijani President Ilham Aliyev met Georgian Prime Minister Irakli "
	"Kobakhidze in Baku. Aliyev praised Georgia.";
static const char text_ru[] =
	"Президент Азербайджана Ильхам Алиев провел переговоры с Кобахидзе.";

static struct dyad_span span_of(const char *text, const char *what)
{
	const char *p = strstr(text, what);
	struct dyad_span s = {0, 0};
	if (p) {
		s.start = (uint32_t)(p - text);
		s.end = s.start + (uint32_t)strlen(what);
	}
	return s;
}

static struct dyad_span en_aliyev[2], en_kob[1], en_geo[1], ru_aliyev[1], ru_kob[1];
static struct dyad_entity en_ents[3], ru_ents[2];
static struct dyad_event en_events[2], ru_events[1];

static void party(struct dyad_party *p, const char *country, const char *actor,
                  const char *name, int entity)
{
	p->country = country;
	p->actor = actor;
	p->name = name;
	p->entity = entity;
}

static void event(struct dyad_event *e, const char *code, int quad, const char *date,
                  const char *text, struct dyad_span span)
{
	memset(e, 0, sizeof *e);
	memcpy(e->code, code, strlen(code) + 1);
	e->quad = quad;
	e->date = date;
	e->text = text;
	e->span = span;
	e->predicate = span;
	e->n_mentions = 1;
}

static void make_en(struct dyad_doc *d)
{
	memset(d, 0, sizeof *d);
	d->path = "en.txt";
	d->id = "aa11";
	d->lang = "en";
	d->published = "2025-03-14";
	d->text = text_en;
	d->text_len = strlen(text_en);
	en_aliyev[0] = span_of(text_en, "Ilham Aliyev");
	en_aliyev[1] = span_of(text_en, "Aliyev praised");
	en_aliyev[1].end = en_aliyev[1].start + 6;
	en_kob[0] = span_of(text_en, "Irakli Kobakhidze");
	en_geo[0] = span_of(text_en, "Georgia.");
	en_ents[0] = (struct dyad_entity){DYAD_ENTITY_PERSON, "Ilham Aliyev", "AZE",
	                                  "president", "AZEGOV", 0, 0, 0, en_aliyev, 2};
	en_ents[1] = (struct dyad_entity){DYAD_ENTITY_PERSON, "Irakli Kobakhidze", "GEO",
	                                  "prime minister", "GEOGOV", 0, 0, 0, en_kob, 1};
	en_ents[2] = (struct dyad_entity){DYAD_ENTITY_COUNTRY, "Georgia", "GEO", NULL,
	                                  "GEO", 0, 0, 0, en_geo, 1};
	d->entities = en_ents;
	d->n_entities = 3;
	event(&en_events[0], "040", 1, "2025-03-13", "met", span_of(text_en, "met"));
	party(&en_events[0].source, "AZE", "AZEGOV", "Ilham Aliyev", 0);
	party(&en_events[0].target, "GEO", "GEOGOV", "Irakli Kobakhidze", 1);
	event(&en_events[1], "051", 1, NULL, "praised", span_of(text_en, "praised"));
	party(&en_events[1].source, "AZE", "AZEGOV", "Ilham Aliyev", 0);
	party(&en_events[1].target, "GEO", "GEO", "Georgia", 2);
	d->events = en_events;
	d->n_events = 2;
}

static void make_ru(struct dyad_doc *d)
{
	memset(d, 0, sizeof *d);
	d->path = "ru.txt";
	d->id = "bb22";
	d->lang = "ru";
	d->published = "2025-03-20";
	d->text = text_ru;
	d->text_len = strlen(text_ru);
	ru_aliyev[0] = span_of(text_ru, "Ильхам Алиев");
	ru_kob[0] = span_of(text_ru, "Кобахидзе");
	ru_ents[0] = (struct dyad_entity){DYAD_ENTITY_PERSON, "Ilham Aliyev", "AZE",
	                                  "president", "AZEGOV", 0, 0, 0, ru_aliyev, 1};
	ru_ents[1] = (struct dyad_entity){DYAD_ENTITY_PERSON, "Irakli Kobakhidze", "GEO",
	                                  NULL, "GEOGOV", 0, 0, 0, ru_kob, 1};
	d->entities = ru_ents;
	d->n_entities = 2;
	/* A target known only by its country: the country's node. */
	event(&ru_events[0], "040", 1, NULL, "talks", span_of(text_ru, "провел"));
	party(&ru_events[0].source, "AZE", "AZEGOV", "Ilham Aliyev", 0);
	party(&ru_events[0].target, "GEO", "GEOGOV", NULL, -1);
	d->events = ru_events;
	d->n_events = 1;
}

static dyad_store *writer(void)
{
	dyad_store *s;
	char err[DYAD_ERRMSG_MAX];
	if (dyad_store_open(path, &s, err) != DYAD_OK) {
		fprintf(stderr, "%s\n", err);
		return NULL;
	}
	return s;
}

static void put_both(void)
{
	struct dyad_doc en, ru;
	dyad_store *s = writer();
	if (!s)
		return;
	make_en(&en);
	make_ru(&ru);
	CHECK_INT_EQ(dyad_store_put(s, &en, NULL), DYAD_OK);
	CHECK_INT_EQ(dyad_store_put(s, &ru, NULL), DYAD_OK);
	CHECK_INT_EQ(dyad_store_put(s, &en, NULL), DYAD_OK); /* again: nothing new */
	dyad_store_close(s);
}

TEST(one_node_per_referent)
{
	struct dyad_nodes *nodes;
	dyad_store *s = writer();
	struct dyad_node_filter people = {"person", NULL, NULL, 0, 0};
	if (!s)
		return;
	CHECK_INT_EQ(dyad_store_nodes(s, &people, &nodes), DYAD_OK);
	if (nodes) {
		CHECK_INT_EQ(nodes->total, 2);
		CHECK_STR_EQ(nodes->items[0].name, "Ilham Aliyev");
		CHECK_INT_EQ(nodes->items[0].n_docs, 2);
		CHECK_INT_EQ(nodes->items[0].n_mentions, 3);
		CHECK_INT_EQ(nodes->items[0].n_events, 3);
		CHECK_STR_EQ(nodes->items[0].first_day, "2025-03-14");
		CHECK_STR_EQ(nodes->items[0].last_day, "2025-03-20");
		dyad_store_nodes_free(nodes);
	}
	struct dyad_node_filter cyr = {NULL, NULL, "алиев", 0, 0};
	CHECK_INT_EQ(dyad_store_nodes(s, &cyr, &nodes), DYAD_OK);
	if (nodes) {
		CHECK_INT_EQ(nodes->n, 1); /* found by a variant, in any case */
		dyad_store_nodes_free(nodes);
	}
	struct dyad_node_filter bad = {"planet", NULL, NULL, 0, 0};
	CHECK_INT_EQ(dyad_store_nodes(s, &bad, &nodes), DYAD_EINVAL);
	dyad_store_close(s);
}

TEST(node_detail)
{
	struct dyad_node_detail *d = NULL;
	dyad_store *s = writer();
	if (!s)
		return;
	CHECK_INT_EQ(dyad_store_node(s, "ИЛЬХАМ АЛИЕВ", &d), DYAD_OK);
	if (d) {
		CHECK_STR_EQ(d->node.name, "Ilham Aliyev");
		int latin = 0, cyrillic = 0;
		for (size_t i = 0; i < d->n_variants; i++) {
			latin += strcmp(d->variants[i].text, "Aliyev") == 0;
			cyrillic += strcmp(d->variants[i].text, "Ильхам Алиев") == 0;
		}
		CHECK(latin == 1 && cyrillic == 1);
		/* 040 to Kobakhidze, 051 to Georgia, 040 to the country GEO. */
		CHECK_INT_EQ(d->n_edges, 3);
		int office = 0;
		for (size_t i = 0; i < d->n_relations; i++)
			office += strcmp(d->relations[i].what, "office") == 0 &&
			          strcmp(d->relations[i].label, "president") == 0 &&
			          d->relations[i].n == 2 &&
			          strcmp(d->relations[i].other.country, "AZE") == 0;
		CHECK_INT_EQ(office, 1);
		char id[32];
		snprintf(id, sizeof id, "%lld", (long long)d->node.id);
		dyad_store_node_free(d);
		d = NULL;
		CHECK_INT_EQ(dyad_store_node(s, id, &d), DYAD_OK);
		CHECK(d && strcmp(d->node.name, "Ilham Aliyev") == 0);
		dyad_store_node_free(d);
	}
	CHECK_INT_EQ(dyad_store_node(s, "Nobody", &d), DYAD_ENOENT);
	CHECK_INT_EQ(dyad_store_node(s, "i", &d), DYAD_EINVAL);
	dyad_store_close(s);
}

TEST(graph_and_timeline)
{
	struct dyad_graph *g = NULL;
	struct dyad_timeline *t = NULL;
	dyad_store *s = writer();
	if (!s)
		return;
	CHECK_INT_EQ(dyad_store_graph(s, NULL, 0, &g), DYAD_OK);
	if (g) {
		CHECK_INT_EQ(g->n_events, 3);
		/* Aliyev to Kobakhidze, and to Georgia (the entity and the
		 * country-only side are one node) by two events. */
		CHECK(g->n_nodes == 3 && g->n_edges == 2);
		dyad_store_graph_free(g);
	}
	struct dyad_event_filter f;
	memset(&f, 0, sizeof f);
	f.lang = "ru";
	CHECK_INT_EQ(dyad_store_graph(s, &f, 0, &g), DYAD_OK);
	if (g) {
		CHECK_INT_EQ(g->n_events, 1);
		CHECK_INT_EQ(g->n_nodes, 2);
		dyad_store_graph_free(g);
	}
	f.lang = NULL;
	f.dyad = "AZE:";
	CHECK_INT_EQ(dyad_store_timeline(s, &f, DYAD_TIMELINE_WEEK, DYAD_TIMELINE_ROOT, &t),
	             DYAD_OK);
	if (t) {
		int64_t n = 0;
		for (size_t i = 0; i < t->n; i++)
			n += t->bins[i].n;
		CHECK_INT_EQ(n, 3);
		CHECK_STR_EQ(t->bins[0].period, "2025-03-10"); /* the Monday */
		CHECK_STR_EQ(t->bins[0].key, "04");
		dyad_store_timeline_free(t);
	}
	f.since = "never";
	CHECK_INT_EQ(dyad_store_timeline(s, &f, DYAD_TIMELINE_DAY, DYAD_TIMELINE_QUAD, &t),
	             DYAD_EINVAL);
	dyad_store_close(s);
}

TEST(paging_cursor)
{
	dyad_store *s = writer();
	struct dyad_event_filter f;
	char cursor[DYAD_EVENT_CURSOR_MAX] = "";
	int n = 0;
	if (!s)
		return;
	memset(&f, 0, sizeof f);
	f.limit = 1;
	for (int page = 0; page < 10; page++) {
		dyad_event_cursor *cur;
		const struct dyad_event_row *row;
		f.after = cursor[0] ? cursor : NULL;
		if (dyad_store_events(s, &f, &cur) != DYAD_OK)
			break;
		int got = 0;
		while (dyad_event_cursor_next(cur, &row) == DYAD_OK) {
			dyad_event_row_cursor(row, cursor, sizeof cursor);
			got++;
		}
		dyad_event_cursor_free(cur);
		if (!got)
			break;
		n += got;
	}
	CHECK_INT_EQ(n, 3);
	dyad_event_cursor *cur = NULL;
	f.after = "2025-01-01_XYZ_1";
	CHECK_INT_EQ(dyad_store_events(s, &f, &cur), DYAD_EINVAL);
	dyad_event_cursor_free(cur);
	dyad_store_close(s);
}

TEST(check_change_and_limit)
{
	size_t problems = 99;
	dyad_store *r, *s = writer();
	char err[DYAD_ERRMSG_MAX];
	if (!s)
		return;
	CHECK_INT_EQ(dyad_store_check(s, NULL, NULL, &problems), DYAD_OK);
	CHECK_INT_EQ(problems, 0);
	CHECK_INT_EQ(dyad_store_open_readonly(path, &r, err), DYAD_OK);
	CHECK_INT_EQ(dyad_store_changed(r), 1); /* the first call */
	CHECK_INT_EQ(dyad_store_changed(r), 0);
	struct dyad_doc d;
	make_en(&d);
	d.id = "cc33";
	CHECK_INT_EQ(dyad_store_put(s, &d, NULL), DYAD_OK);
	CHECK_INT_EQ(dyad_store_commit(s), DYAD_OK);
	CHECK_INT_EQ(dyad_store_changed(r), 1);
	dyad_store_set_time_limit(r, 1000);
	struct dyad_nodes *nodes;
	CHECK_INT_EQ(dyad_store_nodes(r, NULL, &nodes), DYAD_OK);
	CHECK_INT_EQ(dyad_store_timed_out(r), 0);
	dyad_store_nodes_free(nodes);
	CHECK_INT_EQ(dyad_store_set_memory(r, (size_t)1 << 26, (size_t)1 << 22), DYAD_OK);
	dyad_store_close(r);
	dyad_store_close(s);
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof path, "%s/g.db", dir);
	put_both();
	RUN(one_node_per_referent);
	RUN(node_detail);
	RUN(graph_and_timeline);
	RUN(paging_cursor);
	RUN(check_change_and_limit);
	unlink(path);
	char side[sizeof path + 8];
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	rmdir(dir);
	return testlib_done();
}
