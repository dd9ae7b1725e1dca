/*
 * export_icews.c - an ICEWS-style event table: the columns of the ICEWS
 * coded event data that dyad can fill, as CSV with a header row (RFC
 * 4180, CRLF), so that readers written for ICEWS find their columns by
 * name. docs/formats.md says what each holds and where dyad's values
 * differ from ICEWS's (codes for sectors and countries, the document id
 * for the story).
 */
#include <stdio.h>
#include <string.h>

#include "query/export.h"

static const char *const columns[] = {
	"Event ID", "Event Date", "Source Name", "Source Sector", "Source Country",
	"Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors",
	"Target Country", "Story ID", "Sentence Number", "Publisher", "City",
	"Latitude", "Longitude",
};

/* Letters of a country code, the start of a state actor's code. */
#define CC_LEN 3

/* The CAMEO name of code (ICEWS's Event Text), or NULL. */
static const char *code_name(const struct dyad_export_options *o, const char *code)
{
	if (!code || !o->codes)
		return NULL;
	/* A few hundred codes: a scan costs less than formatting the line. */
	for (size_t i = 0; i < o->n_codes; i++)
		if (strcmp(o->codes[i].code, code) == 0)
			return o->codes[i].name;
	return NULL;
}

/* A side's name: the entity's, else its actor code, else its country. */
static const char *party_name(const struct dyad__export_party *p)
{
	return p->name ? p->name : p->actor ? p->actor : p->country;
}

/* The roles of a state actor's code after its country (AZEGOVMIL ->
 * "GOV,MIL"): where ICEWS names sectors, dyad gives CAMEO role codes. */
static void put_sectors(struct dyad_buf *b, const struct dyad__export_party *p)
{
	char out[64] = "";
	const char *a = p->actor;
	size_t k = 0;
	if (a && p->country && strncmp(a, p->country, CC_LEN) == 0)
		for (size_t i = CC_LEN; i + CC_LEN <= strlen(a) && k + CC_LEN + 2 < sizeof out;
		     i += CC_LEN) {
			if (k)
				out[k++] = ',';
			memcpy(out + k, a + i, CC_LEN);
			k += CC_LEN;
			out[k] = '\0';
		}
	dyad__export_csv(b, out, 0);
}

static void put_number(struct dyad_buf *b, const char *fmt, double v)
{
	char num[32];
	snprintf(num, sizeof num, fmt, v);
	dyad__export_csv(b, num, 0);
}

static void icews_line(struct dyad_buf *b, const struct dyad__export_row *r,
                       const struct dyad_export_options *o)
{
	dyad_buf_printf(b, "%lld", (long long)dyad__export_event_id(r));
	dyad__export_csv(b, r->day, 0);
	dyad__export_csv(b, party_name(&r->src), 0);
	put_sectors(b, &r->src);
	dyad__export_csv(b, r->src.country, 0);
	dyad__export_csv(b, code_name(o, r->code), 0);
	dyad__export_csv(b, r->code, 0);
	put_number(b, "%.1f", r->goldstein);
	dyad__export_csv(b, party_name(&r->tgt), 0);
	put_sectors(b, &r->tgt);
	dyad__export_csv(b, r->tgt.country, 0);
	dyad__export_csv(b, r->doc_id, 0);
	dyad__export_csv(b, NULL, 0); /* Sentence Number: not stored */
	dyad__export_csv(b, r->source, 0);
	int city = r->where.kind && strcmp(r->where.kind, "place") == 0;
	dyad__export_csv(b, city ? r->where.name : NULL, 0);
	if (r->where.kind && r->where.has_coords) {
		put_number(b, "%.4f", r->where.lat);
		put_number(b, "%.4f", r->where.lon);
	} else {
		dyad_buf_puts(b, ",,");
	}
	dyad_buf_puts(b, "\r\n");
}

dyad_status dyad__export_icews(struct dyad_store *store, const struct dyad_event_filter *f,
                               const struct dyad_export_options *options, FILE *out)
{
	dyad__stmt *s;
	dyad_status st = dyad__export_events(store, f, &s);
	if (st != DYAD_OK)
		return st;
	struct dyad_buf b;
	dyad_buf_init(&b, 0);
	for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++)
		dyad__export_csv(&b, columns[i], i == 0);
	dyad_buf_puts(&b, "\r\n");
	struct dyad__export_row r;
	st = dyad__export_flush(&b, out);
	while (st == DYAD_OK && (st = dyad__export_next(store, s, &r)) == DYAD_OK) {
		icews_line(&b, &r, options);
		st = dyad__export_flush(&b, out);
	}
	dyad_buf_release(&b);
	dyad__stmt_put(s);
	return st == DYAD_DONE ? DYAD_OK : st;
}
