/*
 * export_gdelt.c - the GDELT 2.0 Event table (61 TAB-separated columns, no
 * header row, as GDELT publishes it) and its Mentions table (16 columns),
 * so that notebooks and scripts written for GDELT files read dyad's
 * events unchanged. docs/formats.md lists every column and what dyad puts
 * in it; a column dyad has nothing for stays empty, as GDELT leaves its
 * own unknown fields.
 *
 * Geography comes from the places data through the entities of the
 * event's document: an actor that is a place or a country, and the place
 * the event happened (Geo_Type 1 for a country, 4 for any other place, the
 * coordinates of data/places). GDELT's country codes in the Geo columns
 * are FIPS 10-4; dyad's are ISO 3166-1 alpha-3, like its actor codes.
 */
#include <stdio.h>
#include <string.h>

#include "query/export.h"

/* Letters of a country code, the start of a state actor's code. */
#define CC_LEN 3
/* GDELT's Geo_Type values. */
#define GEO_COUNTRY 1
#define GEO_WORLDCITY 4

static void put_int(struct dyad_buf *b, int64_t v)
{
	dyad_buf_printf(b, "\t%lld", (long long)v);
}

static void put_str(struct dyad_buf *b, const char *s)
{
	dyad__export_tsv(b, s, 0);
}

static int digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* SQLDATE, MonthYear, Year, FractionDate of "YYYY-MM-DD" (the event's
 * day); only the Year of a day that is a year alone. */
static void put_day(struct dyad_buf *b, const char *day)
{
	size_t n = day ? strlen(day) : 0;
	if (n >= 10 && digits(day, 4) && digits(day + 5, 2) && digits(day + 8, 2)) {
		int y, m, d;
		if (sscanf(day, "%4d-%2d-%2d", &y, &m, &d) == 3) {
			/* GDELT's FractionDate: the year plus (month * 30 + day) / 365. */
			dyad_buf_printf(b, "\t%.4s%.2s%.2s\t%.4s%.2s\t%.4s\t%.4f", day, day + 5,
			                day + 8, day, day + 5, day, y + (m * 30 + d) / 365.0);
			return;
		}
	}
	if (n >= 4 && digits(day, 4))
		dyad_buf_printf(b, "\t\t\t%.4s\t", day);
	else
		dyad_buf_puts(b, "\t\t\t\t");
}

/* Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code,
 * Religion2Code, Type1Code, Type2Code, Type3Code. A state actor's code is
 * its country and then its roles, three letters each (AZEGOVMIL). */
static void put_actor(struct dyad_buf *b, const struct dyad__export_party *p)
{
	char types[3][CC_LEN + 1] = {"", "", ""};
	const char *a = p->actor;
	if (a && p->country && strncmp(a, p->country, CC_LEN) == 0)
		for (int i = 0; i < 3 && strlen(a) >= (size_t)(CC_LEN * (i + 2)); i++)
			memcpy(types[i], a + CC_LEN * (i + 1), CC_LEN);
	put_str(b, a);
	put_str(b, p->name);
	put_str(b, p->country);
	dyad_buf_puts(b, "\t\t\t\t");
	for (int i = 0; i < 3; i++)
		put_str(b, types[i]);
}

/* Geo_Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long,
 * FeatureID. */
static void put_geo(struct dyad_buf *b, const struct dyad__export_geo *g,
                    const char *name_only)
{
	if (!g->kind) {
		put_str(b, NULL);
		put_str(b, name_only);
		dyad_buf_puts(b, "\t\t\t\t\t\t");
		return;
	}
	put_int(b, strcmp(g->kind, "country") == 0 ? GEO_COUNTRY : GEO_WORLDCITY);
	put_str(b, g->name);
	put_str(b, g->country);
	dyad_buf_puts(b, "\t\t");
	if (g->has_coords)
		dyad_buf_printf(b, "\t%.4f\t%.4f\t", g->lat, g->lon);
	else
		dyad_buf_puts(b, "\t\t\t");
}

/* DATEADDED (YYYYMMDDHHMMSS) from the publication time: an export is a
 * function of the articles, not of when they were stored. */
static void put_added(struct dyad_buf *b, const char *published)
{
	char out[15];
	size_t k = 0;
	for (const char *p = published; p && *p && k < 14; p++) {
		if (*p >= '0' && *p <= '9')
			out[k++] = *p;
		else if (*p == '+' || *p == 'Z' || *p == '.')
			break;
	}
	if (k < 8) {
		put_str(b, NULL);
		return;
	}
	while (k < 14)
		out[k++] = '0';
	out[k] = '\0';
	put_str(b, out);
}

static void event_line(struct dyad_buf *b, const struct dyad__export_row *r)
{
	dyad_buf_printf(b, "%lld", (long long)dyad__export_event_id(r));
	put_day(b, r->day);
	put_actor(b, &r->src);
	put_actor(b, &r->tgt);
	put_str(b, NULL); /* IsRootEvent: dyad does not mark the lead paragraph */
	put_str(b, r->code);
	char base[4] = "";
	if (r->code)
		snprintf(base, sizeof base, "%.3s", r->code);
	put_str(b, base);
	put_str(b, r->root);
	put_int(b, r->quad);
	dyad_buf_printf(b, "\t%.1f", r->goldstein);
	put_int(b, r->n_mentions);
	put_int(b, 1); /* NumSources: one article, one source */
	put_int(b, 1); /* NumArticles */
	put_str(b, NULL); /* AvgTone */
	put_geo(b, &r->src.geo, NULL);
	put_geo(b, &r->tgt.geo, NULL);
	put_geo(b, &r->where, r->place);
	put_added(b, r->published);
	put_str(b, r->url ? r->url : r->path);
	dyad_buf_putc(b, '\n');
}

/* The Mentions table: one row per stored mention of an event (dyad keeps
 * the sentence it was coded from; NumMentions counts the others). */
static void mention_line(struct dyad_buf *b, const struct dyad__export_row *r)
{
	dyad_buf_printf(b, "%lld", (long long)dyad__export_event_id(r));
	put_added(b, r->published); /* EventTimeDate: the event's DATEADDED */
	put_added(b, r->published); /* MentionTimeDate: one article, the same */
	put_int(b, 1);        /* MentionType: 1, a web page */
	put_str(b, r->source);
	put_str(b, r->url ? r->url : r->path);
	put_str(b, NULL);     /* SentenceID: not stored (its byte offset is) */
	put_int(b, r->src.offset);
	put_int(b, r->tgt.offset);
	put_int(b, r->pred_start);
	put_int(b, 1);        /* InRawText */
	put_str(b, r->confidence);
	put_int(b, r->doc_len);
	put_str(b, NULL);     /* MentionDocTone */
	put_str(b, NULL);     /* MentionDocTranslationInfo */
	dyad_buf_printf(b, "\t<SENTENCE_OFFSET>%lld</SENTENCE_OFFSET>\n",
	                (long long)r->span_start);
}

dyad_status dyad__export_gdelt(struct dyad_store *store, const struct dyad_event_filter *f,
                               int mentions, FILE *out)
{
	dyad__stmt *s;
	dyad_status st = dyad__export_events(store, f, &s);
	if (st != DYAD_OK)
		return st;
	struct dyad_buf b;
	dyad_buf_init(&b, 0);
	struct dyad__export_row r;
	while ((st = dyad__export_next(store, s, &r)) == DYAD_OK) {
		if (mentions)
			mention_line(&b, &r);
		else
			event_line(&b, &r);
		if ((st = dyad__export_flush(&b, out)) != DYAD_OK)
			break;
	}
	dyad_buf_release(&b);
	dyad__stmt_put(s);
	return st == DYAD_DONE ? DYAD_OK : st;
}
