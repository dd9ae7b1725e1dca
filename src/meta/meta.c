/*
 * meta.c - the metadata stage: document facts from a copied news page.
 *
 * Runs right after normalisation (see extract/pipeline.c). It classifies the
 * lines (lines.c), reads the publication date, finds the outlet, byline and
 * dateline (source.c) and the language of the body (lang.c), and
 * leaves the line flags that tell segmentation which lines are article text.
 * Facts the container gave (JSON Lines fields, HTML meta tags) win over the
 * ones guessed from the text.
 *
 * The publication date, always in the output contract's form or none: the
 * container's (JSON Lines "published", the HTML page's markup) normalised
 * by kb/date_norm.c, or dropped when it reads as no date; else the
 * crawler's leading " date YYYY-MM-DD" field; else a date path of the URL
 * ("/2024/06/19/"); else the time stamp of the story (the stamp next to the
 * headline wins over a page header printed above it), with the year
 * inferred from a written weekday when the stamp has none; else the date of
 * the dateline when it gives a year ("New York, Oct 01, 2016:").
 */
#include <stdio.h>
#include <string.h>

#include "core/token.h"
#include "kb/date_norm.h"
#include "kb/engine.h"
#include "meta/meta.h"

#define NO_LINE ((size_t)-1)
#define STAMP_AFTER_BODY 4   /* lines after the body start searched for stamps */
#define STAMP_NEAR_TITLE 3   /* non-blank lines that count as next to the title */
/* A weekday fixes the year of a month/day among these years after the latest
 * year the text mentions. */
#define WEEKDAY_YEAR_WINDOW 5
#define MIN_MENTIONED_YEAR 1900
#define MAX_MENTIONED_YEAR 2199
#define ISO_MAX 32

/* ---- the publication date ---------------------------------------------- */

/* "2021-09-28", or "2021-09-28T08:00:00+04:00" with a time and an offset. */
static const char *format_published(struct dyad_arena *arena,
                                    const struct dyad__date *d,
                                    const struct dyad__date_expr *e)
{
	char buf[ISO_MAX];
	size_t n = dyad__date_format(d, buf, sizeof buf);
	if (n == 0 || !d->day)
		return NULL;
	if (e && e->hour >= 0 && e->has_offset) {
		int off = e->offset_minutes < 0 ? -e->offset_minutes : e->offset_minutes;
		snprintf(buf + n, sizeof buf - n, "T%02d:%02d:%02d%c%02d:%02d", e->hour,
		         e->minute, e->second < 0 ? 0 : e->second,
		         e->offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
	}
	return dyad_arena_strdup(arena, buf);
}

/* The latest four-digit year the text mentions, or 0. */
static int latest_year(const struct dyad__work *w)
{
	int best = 0;
	size_t i = 0;
	struct dyad__piece p;
	while (dyad__next_piece(w->text, &i, w->len, &p)) {
		if (p.kind != DYAD_PIECE_DIGITS || p.n_cps != 4)
			continue;
		int v = 0;
		for (uint32_t k = p.start; k < p.end; k++)
			v = v * 10 + (w->text[k] - '0');
		if (v >= MIN_MENTIONED_YEAR && v <= MAX_MENTIONED_YEAR && v > best)
			best = v;
	}
	return best;
}

/* The year in which month/day falls on weekday, when only one year within
 * the window after the latest year mentioned does; else 0. */
static int year_from_weekday(const struct dyad__work *w, int month, int day,
                             int weekday)
{
	int from = latest_year(w), found = 0;
	if (!from)
		return 0;
	for (int y = from; y <= from + WEEKDAY_YEAR_WINDOW; y++) {
		if (!dyad__date_valid(y, month, day) || dyad__weekday(y, month, day) != weekday)
			continue;
		if (found)
			return 0;
		found = y;
	}
	return found;
}

/* Distance in non-blank lines between two lines. */
static size_t line_distance(const struct dyad__work *w, size_t a, size_t b)
{
	size_t lo = a < b ? a : b, hi = a < b ? b : a, d = 0;
	for (size_t l = lo; l < hi; l++)
		if (!(w->lines[l + 1].flags & DYAD_LINE_BLANK))
			d++;
	return d;
}

/* The time stamp of the story: next to the headline, after it, with a time. */
static const struct dyad__date_expr *best_stamp(const struct dyad__meta_scan *scan)
{
	const struct dyad__work *w = scan->w;
	const struct dyad__date_expr *best = NULL;
	int best_score = -1;
	size_t after = 0;
	for (size_t l = 0; l < w->n_lines && after <= STAMP_AFTER_BODY; l++) {
		if (w->lines[l].flags & DYAD_LINE_BLANK)
			continue;
		if (l >= scan->body)
			after++;
		const struct dyad__meta_line *info = &scan->info[l];
		if (info->kind != DYAD_META_STAMP)
			continue;
		int score = 0;
		if (scan->title != NO_LINE && l > scan->title)
			score += 2;
		if (scan->title != NO_LINE && line_distance(w, l, scan->title) <= STAMP_NEAR_TITLE)
			score += 1;
		if (info->date.hour >= 0)
			score += 1;
		if (info->date.date.year)
			score += 1;
		if (score > best_score) {
			best = &info->date;
			best_score = score;
		}
	}
	/* no stamp near the head: the first one anywhere ("Published: ...") */
	for (size_t l = 0; !best && l < w->n_lines; l++)
		if (!(w->lines[l].flags & DYAD_LINE_BLANK) &&
		    scan->info[l].kind == DYAD_META_STAMP)
			best = &scan->info[l].date;
	return best;
}

/* A date value in the contract's form (iso) as the stage's date. */
static struct dyad__date iso_date(const struct dyad__meta_scan *scan, const char *iso)
{
	struct dyad__date_expr e;
	struct dyad__date none = {0, 0, 0};
	return dyad__date_find(&scan->lex->dates, iso, 0, (uint32_t)strlen(iso), &e)
	       ? e.date : none;
}

/* The date the container gives, normalised; 0 when it gives none that
 * reads as a date. */
static int given_date(struct dyad__meta_scan *scan, dyad_status *st)
{
	struct dyad__work *w = scan->w;
	const char *p = w->input->published;
	char iso[DYAD_DATE_ISO_CAP];
	*st = DYAD_OK;
	if (!p || !dyad__date_normalise(p, strlen(p), &scan->lex->dates, iso, sizeof iso))
		return 0;
	w->doc->published = dyad_arena_strdup(w->arena, iso);
	if (!w->doc->published)
		*st = DYAD_ENOMEM;
	w->published = iso_date(scan, iso);
	return 1;
}

static dyad_status published(struct dyad__meta_scan *scan)
{
	struct dyad__work *w = scan->w;
	struct dyad_doc *doc = w->doc;
	dyad_status st;
	if (given_date(scan, &st))
		return st;
	const struct dyad__date_expr *stamp = best_stamp(scan);
	struct dyad__date d = {0, 0, 0};
	const struct dyad__date_expr *timed = NULL;
	char iso[DYAD_DATE_ISO_CAP];
	if (scan->crawl.year) {
		d = scan->crawl;
		if (stamp && stamp->date.month == d.month && stamp->date.day == d.day)
			timed = stamp;
	} else if (w->input->url && dyad__date_from_url(w->input->url, iso, sizeof iso)) {
		d = iso_date(scan, iso);
		if (stamp && stamp->date.month == d.month && stamp->date.day == d.day)
			timed = stamp;
	} else if (stamp) {
		d = stamp->date;
		timed = stamp;
		if (!d.year && stamp->weekday >= 0)
			d.year = year_from_weekday(w, d.month, d.day, stamp->weekday);
		if (!d.year)
			w->published_weekday = stamp->weekday;
	} else if (scan->dateline_date.year) {
		d = scan->dateline_date;
	}
	w->published = d;
	if (d.year) {
		doc->published = format_published(w->arena, &d, timed);
		if (!doc->published)
			return DYAD_ENOMEM;
	}
	return DYAD_OK;
}

/* ---- the stage ----------------------------------------------------------- */

static dyad_status title(struct dyad__meta_scan *scan)
{
	struct dyad__work *w = scan->w;
	if (w->input->title)
		w->doc->title = dyad_arena_strdup(w->arena, w->input->title);
	else if (scan->title != NO_LINE)
		w->doc->title = dyad_arena_strndup(
			w->arena, w->text + w->lines[scan->title].start,
			w->lines[scan->title].end - w->lines[scan->title].start);
	else
		return DYAD_OK;
	return w->doc->title ? DYAD_OK : DYAD_ENOMEM;
}

dyad_status dyad__meta_extract(struct dyad__work *w)
{
	struct dyad__meta_scan scan;
	memset(&scan, 0, sizeof scan);
	scan.w = w;
	scan.lex = w->engine->meta;
	w->published_weekday = -1;
	if (!scan.lex) {
		w->body_line = 0;
		return DYAD_OK;
	}
	dyad_status st;
	if ((st = dyad__meta_lines(&scan)) != DYAD_OK || (st = title(&scan)) != DYAD_OK ||
	    (st = published(&scan)) != DYAD_OK || (st = dyad__meta_source(&scan)) != DYAD_OK ||
	    (st = dyad__meta_lang_detect(&scan)) != DYAD_OK)
		return st;
	return DYAD_OK;
}
