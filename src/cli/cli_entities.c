/*
 * cli_entities.c - 'dyad entities' (the knowledge graph's nodes, most
 * mentioned first) and 'dyad entity NAME|ID' (one node with its names as
 * written, its event edges and the relations articles state).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static void entities_usage(FILE *out)
{
	fprintf(out,
	        "usage: dyad entities [--db PATH] [--kind KIND] [--country ISO3]\n"
	        "                     [--name TEXT] [--limit N] [--offset N]\n\n"
	        "List the entities of the knowledge graph (resolved across documents),\n"
	        "most mentioned first: id, kind, country, documents, mentions, events, name.\n\n"
	        "  --db PATH        database file (default: $DYAD_DB, else dyad.db)\n"
	        "  --kind KIND      person, country, place or org\n"
	        "  --country ISO3   of that country (or IGO)\n"
	        "  --name TEXT      name or a variant contains TEXT (any case, any script)\n"
	        "  --limit N        at most N (default %d)\n"
	        "  --offset N       skip the first N\n\n"
	        "Exit status: 0 success, 1 no such database, 2 bad usage, 3 the database failed.\n",
	        DYAD_NODES_LIMIT);
}

static void entity_usage(FILE *out)
{
	fprintf(out,
	        "usage: dyad entity [--db PATH] NAME|ID\n\n"
	        "Show one entity of the knowledge graph: its totals, the names it is\n"
	        "written with, its event edges (by CAMEO root) and stated relations.\n"
	        "NAME is a canonical name or a variant in any case; else the one\n"
	        "entity whose name contains it.\n\n"
	        "Exit status: 0 success, 1 no such entity or database, 2 bad usage or\n"
	        "an ambiguous name, 3 the database failed.\n");
}

static int parse_size(const char *s, size_t *out)
{
	char *end;
	if (s[0] < '0' || s[0] > '9')
		return 0;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || *end || v > (1ull << 40))
		return 0;
	*out = (size_t)v;
	return 1;
}

static const char *or_dash(const char *s)
{
	return s && s[0] ? s : "-";
}

static int store_exit(dyad_store *store, const char *db, dyad_status st)
{
	if (st == DYAD_EDB || st == DYAD_ENOMEM) {
		fprintf(stderr, "dyad: %s: %s\n", db, dyad_store_errmsg(store));
		return DYAD_EXIT_STORE;
	}
	fprintf(stderr, "dyad: %s\n", dyad_store_errmsg(store));
	return st == DYAD_EINVAL ? DYAD_EXIT_USAGE : DYAD_EXIT_FAILED;
}

static int list(const char *db, const struct dyad_node_filter *f)
{
	int exit_code = DYAD_EXIT_OK;
	dyad_store *store = dyad_cli_open_store_readonly(db, &exit_code);
	if (!store)
		return exit_code;
	struct dyad_nodes *nodes;
	dyad_status st = dyad_store_nodes(store, f, &nodes);
	if (st != DYAD_OK) {
		exit_code = store_exit(store, db, st);
		dyad_store_close(store);
		return exit_code;
	}
	printf("%6s %-7s %-7s %6s %8s %6s  %s\n", "id", "kind", "country", "docs",
	       "mentions", "events", "name");
	for (size_t i = 0; i < nodes->n; i++) {
		const struct dyad_node *n = &nodes->items[i];
		printf("%6lld %-7s %-7s %6lld %8lld %6lld  %s\n", (long long)n->id, n->kind,
		       or_dash(n->country), (long long)n->n_docs, (long long)n->n_mentions,
		       (long long)n->n_events, n->name);
	}
	fprintf(stderr, "%zu of %lld entities\n", nodes->n, (long long)nodes->total);
	dyad_store_nodes_free(nodes);
	dyad_store_close(store);
	return fflush(stdout) == 0 ? DYAD_EXIT_OK : DYAD_EXIT_FAILED;
}

int dyad_cli_entities(int argc, char **argv)
{
	static const struct option options[] = {
		{"db", required_argument, NULL, 'b'},   {"kind", required_argument, NULL, 'k'},
		{"country", required_argument, NULL, 'c'}, {"name", required_argument, NULL, 'n'},
		{"limit", required_argument, NULL, 'l'}, {"offset", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},       {NULL, 0, NULL, 0},
	};
	struct dyad_node_filter f;
	memset(&f, 0, sizeof f);
	const char *db = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		switch (c) {
		case 'h': entities_usage(stdout); return DYAD_EXIT_OK;
		case 'b': db = optarg; break;
		case 'k': f.kind = optarg; break;
		case 'c': f.country = optarg; break;
		case 'n': f.name = optarg; break;
		case 'l':
		case 'o':
			if (!parse_size(optarg, c == 'l' ? &f.limit : &f.offset)) {
				fprintf(stderr, "dyad entities: '%s': expected a number\n", optarg);
				return DYAD_EXIT_USAGE;
			}
			break;
		default:
			dyad_cli_option_error("entities", c, argv, optind);
			entities_usage(stderr);
			return DYAD_EXIT_USAGE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "dyad entities: unexpected argument '%s'\n", argv[optind]);
		return DYAD_EXIT_USAGE;
	}
	return list(dyad_cli_db_path(db), &f);
}

static void print_links(const char *title, const struct dyad_node_link *links, size_t n,
                        int edges)
{
	printf("\n%s (%zu)\n", title, n);
	for (size_t i = 0; i < n; i++) {
		const struct dyad_node_link *l = &links[i];
		char what[64];
		if (edges)
			snprintf(what, sizeof what, "root %s q%d", l->what, l->quad);
		else
			snprintf(what, sizeof what, "%s%s%s", l->what, l->label[0] ? " " : "",
			         l->label);
		printf("  %s %-28s %-3s %6lld  %s..%s  %s (%lld)\n", l->outgoing ? "->" : "<-",
		       what, or_dash(l->other.country), (long long)l->n, or_dash(l->first_day),
		       or_dash(l->last_day), l->other.name, (long long)l->other.id);
	}
}

static void show(const struct dyad_node_detail *d)
{
	const struct dyad_node *n = &d->node;
	printf("id        %lld\nkind      %s\nname      %s\ncountry   %s\nactor     %s\n"
	       "documents %lld\nmentions  %lld\nevents    %lld\nseen      %s .. %s\n",
	       (long long)n->id, n->kind, n->name, or_dash(n->country), or_dash(n->actor),
	       (long long)n->n_docs, (long long)n->n_mentions, (long long)n->n_events,
	       or_dash(n->first_day), or_dash(n->last_day));
	printf("\nvariants (%zu)\n", d->n_variants);
	for (size_t i = 0; i < d->n_variants; i++)
		printf("  %6lld  %s\n", (long long)d->variants[i].n, d->variants[i].text);
	print_links("events", d->edges, d->n_edges, 1);
	print_links("relations", d->relations, d->n_relations, 0);
}

int dyad_cli_entity(int argc, char **argv)
{
	static const struct option options[] = {
		{"db", required_argument, NULL, 'b'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *db = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		switch (c) {
		case 'h': entity_usage(stdout); return DYAD_EXIT_OK;
		case 'b': db = optarg; break;
		default:
			dyad_cli_option_error("entity", c, argv, optind);
			entity_usage(stderr);
			return DYAD_EXIT_USAGE;
		}
	}
	if (optind + 1 != argc) {
		entity_usage(stderr);
		return DYAD_EXIT_USAGE;
	}
	int exit_code = DYAD_EXIT_OK;
	dyad_store *store = dyad_cli_open_store_readonly(dyad_cli_db_path(db), &exit_code);
	if (!store)
		return exit_code;
	struct dyad_node_detail *d;
	dyad_status st = dyad_store_node(store, argv[optind], &d);
	if (st == DYAD_OK) {
		show(d);
		dyad_store_node_free(d);
		exit_code = fflush(stdout) == 0 ? DYAD_EXIT_OK : DYAD_EXIT_FAILED;
	} else {
		exit_code = store_exit(store, dyad_cli_db_path(db), st);
	}
	dyad_store_close(store);
	return exit_code;
}
