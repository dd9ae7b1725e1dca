/*
 * cli_doc.c - 'dyad doc': one stored document with what was found in it,
 * for a person (text) or a program (the output contract's JSON).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

/* Evidence shown in text form is cut to this many bytes (at a UTF-8 boundary). */
#define DYAD_DOC_SNIPPET_MAX 300

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: dyad doc [--db PATH] [--format text|json] ID\n\n"
	        "Show one stored document: its facts, its entities with their mentions,\n"
	        "its events with the sentence each was coded from, quotes and amounts.\n"
	        "ID may be any unique prefix of the document id (see 'dyad events').\n\n"
	        "  --db PATH      database file (default: $DYAD_DB, else dyad.db)\n"
	        "  --format F     text (default) or json (one line, the extract format)\n\n"
	        "Exit status: 0 shown, 1 no such document or database, 2 bad usage,\n"
	        "3 the database failed.\n");
}

static const char *or_dash(const char *s)
{
	return s && *s ? s : "-";
}

/* Print (s, n) on one line, cut at a character boundary. */
static void snippet(FILE *out, const char *s, size_t n)
{
	size_t cut = n > DYAD_DOC_SNIPPET_MAX ? DYAD_DOC_SNIPPET_MAX : n;
	while (cut < n && cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	fputc('"', out);
	for (size_t i = 0; i < cut; i++)
		fputc(s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i], out);
	fputs(cut < n ? "...\"" : "\"", out);
}

static void span_text(FILE *out, const struct dyad_doc *d, struct dyad_span sp)
{
	if (d->text && sp.start <= sp.end && sp.end <= d->text_len)
		snippet(out, d->text + sp.start, sp.end - sp.start);
	else
		fputs("-", out);
}

static void party(FILE *out, const struct dyad_party *p)
{
	fprintf(out, "%s (%s, %s)", or_dash(p->actor), or_dash(p->name),
	        or_dash(p->country));
}

static void print_entities(FILE *out, const struct dyad_doc *d)
{
	fprintf(out, "\nentities (%zu)\n", d->n_entities);
	for (size_t i = 0; i < d->n_entities; i++) {
		const struct dyad_entity *e = &d->entities[i];
		fprintf(out, "  [%zu] %-7s %s  country %s  actor %s  role %s",
		        i, dyad_entity_kind_name(e->kind), or_dash(e->name),
		        or_dash(e->country), or_dash(e->actor), or_dash(e->role));
		if (e->has_coords)
			fprintf(out, "  at %.4f,%.4f", e->lat, e->lon);
		fprintf(out, "\n      mentions (%zu):", e->n_mentions);
		for (size_t m = 0; m < e->n_mentions; m++) {
			fprintf(out, "\n        %u-%u ", e->mentions[m].start, e->mentions[m].end);
			span_text(out, d, e->mentions[m]);
		}
		fputc('\n', out);
	}
}

static void print_events(FILE *out, const struct dyad_doc *d)
{
	fprintf(out, "\nevents (%zu)\n", d->n_events);
	for (size_t i = 0; i < d->n_events; i++) {
		const struct dyad_event *e = &d->events[i];
		fprintf(out, "  [%zu] %s  code %s  quad %d  goldstein %.1f\n      ", i,
		        or_dash(e->date), e->code, e->quad, e->goldstein);
		party(out, &e->source);
		fputs(" -> ", out);
		party(out, &e->target);
		if (e->place)
			fprintf(out, "  in %s", e->place);
		if (e->flags & DYAD_EVENT_BACKGROUND)
			fputs("  [background]", out);
		if (e->flags & DYAD_EVENT_INTENT)
			fputs("  [intent]", out);
		if (e->n_mentions > 1)
			fprintf(out, "  [%u mentions]", e->n_mentions);
		fputs("\n      ", out);
		if (e->text)
			snippet(out, e->text, strlen(e->text));
		else
			span_text(out, d, e->span);
		fputc('\n', out);
	}
}

static void print_quotes_amounts(FILE *out, const struct dyad_doc *d)
{
	fprintf(out, "\nquotes (%zu)\n", d->n_quotes);
	for (size_t i = 0; i < d->n_quotes; i++) {
		fprintf(out, "  [%zu] %s: ", i, or_dash(d->quotes[i].speaker));
		span_text(out, d, d->quotes[i].span);
		fputc('\n', out);
	}
	fprintf(out, "\namounts (%zu)\n", d->n_amounts);
	for (size_t i = 0; i < d->n_amounts; i++) {
		const struct dyad_amount *a = &d->amounts[i];
		fprintf(out, "  [%zu] %.15g %s", i, a->value, a->unit ? a->unit : "");
		if (a->counts)
			fprintf(out, " %s", a->counts);
		fputs("  ", out);
		span_text(out, d, a->span);
		fputc('\n', out);
	}
}

static void print_text(FILE *out, const struct dyad_doc *d)
{
	fprintf(out, "id         %s\n", d->id);
	fprintf(out, "path       %s\n", or_dash(d->path));
	fprintf(out, "title      %s\n", or_dash(d->title));
	fprintf(out, "published  %s\n", or_dash(d->published));
	fprintf(out, "source     %s\n", or_dash(d->source));
	fprintf(out, "author     %s\n", or_dash(d->author));
	fprintf(out, "dateline   %s\n", or_dash(d->dateline));
	fprintf(out, "lang       %s\n", or_dash(d->lang));
	fprintf(out, "url        %s\n", or_dash(d->url));
	if (d->error)
		fprintf(out, "error      %s\n", d->error);
	fprintf(out, "text       %zu bytes\n", d->text_len);
	print_entities(out, d);
	print_events(out, d);
	print_quotes_amounts(out, d);
}

static int show(const char *db, const char *id, int json)
{
	int exit_code = DYAD_EXIT_OK;
	dyad_store *store = dyad_cli_open_store_readonly(db, &exit_code);
	if (!store)
		return exit_code;
	struct dyad_doc *doc;
	dyad_status st = dyad_store_get_doc(store, id, &doc);
	if (st != DYAD_OK) {
		if (st == DYAD_EDB)
			fprintf(stderr, "dyad: %s: %s\n", db, dyad_store_errmsg(store));
		else
			fprintf(stderr, "dyad doc: %s\n", dyad_store_errmsg(store));
		dyad_store_close(store);
		return st == DYAD_EDB ? DYAD_EXIT_STORE : DYAD_EXIT_FAILED;
	}
	if (json) {
		if (dyad_doc_write_json(doc, stdout) != DYAD_OK)
			exit_code = DYAD_EXIT_FAILED;
	} else {
		print_text(stdout, doc);
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		exit_code = DYAD_EXIT_FAILED;
	if (exit_code != DYAD_EXIT_OK)
		fprintf(stderr, "dyad doc: cannot write the output\n");
	dyad_store_doc_free(doc);
	dyad_store_close(store);
	return exit_code;
}

int dyad_cli_doc(int argc, char **argv)
{
	static const struct option options[] = {
		{"db", required_argument, NULL, 'b'},
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *db = NULL;
	int json = 0, c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return DYAD_EXIT_OK;
		case 'b':
			db = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "json") == 0) {
				json = 1;
			} else if (strcmp(optarg, "text") == 0) {
				json = 0;
			} else {
				fprintf(stderr, "dyad doc: unknown format '%s'\n", optarg);
				return DYAD_EXIT_USAGE;
			}
			break;
		default: /* ':' (a missing value) or an unknown option */
			dyad_cli_option_error("doc", c, argv, optind);
			usage(stderr);
			return DYAD_EXIT_USAGE;
		}
	}
	if (optind + 1 != argc) {
		fprintf(stderr, "dyad doc: expected one document ID\n");
		usage(stderr);
		return DYAD_EXIT_USAGE;
	}
	return show(dyad_cli_db_path(db), argv[optind], json);
}
