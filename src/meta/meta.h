/*
 * meta.h - the metadata stage: its entry point and the per-line findings its
 * parts pass on. The knowledge it reads with is kb/meta.h.
 *
 * The stage runs right after normalisation (see extract/pipeline.c). meta.c
 * drives it and picks the publication date; lines.c classifies lines
 * (clutter, time stamps, the headline, where the body starts); source.c
 * finds the outlet, the byline and the dateline; lang.c tells the language
 * of the body.
 */
#ifndef DYAD_META_META_H
#define DYAD_META_META_H

#include <stddef.h>
#include <stdint.h>

#include "doc/work.h"
#include "kb/meta.h"
#include "text/dates.h"

/* The stage: language, title, dates, outlet, author, dateline; marks
 * clutter/title/meta lines and sets w->body_line and w->published. */
dyad_status dyad__meta_extract(struct dyad__work *w);

/* What the line classifier learnt about one line. */
enum dyad__meta_kind {
	DYAD_META_TEXT = 0,      /* anything else: title candidate or body */
	DYAD_META_CLUTTER,       /* navigation, tickers, widgets */
	DYAD_META_STAMP,         /* a time stamp with at most a few labels */
	DYAD_META_DATELINE,      /* "BAKU, Azerbaijan, Sept. 28" alone */
	DYAD_META_BYLINE,        /* "By Pavel Polityuk", a name under the title */
	DYAD_META_CREDIT,        /* "(MENAFN- AzerNews)", "Тартус – САНА" */
};

struct dyad__meta_line {
	enum dyad__meta_kind kind;
	uint32_t start;          /* where the line started before the crawler's
	                            date field or a dateline was cut off */
	unsigned n_words;        /* words and numbers */
	unsigned n_chars;        /* code points */
	int prose;               /* reads as a sentence of the article */
	int has_date;
	struct dyad__date_expr date; /* the first time stamp on the line */
	int clutter;             /* clutter_match() + 2 once known, else 0 */
};

/* The state of one run of the stage over a document. */
struct dyad__meta_scan {
	struct dyad__work *w;
	const struct dyad__meta_lexicon *lex;
	struct dyad__meta_line *info; /* one per line, in `arena` */
	struct dyad_arena arena;      /* the stage's working memory, released when
	                                 it ends */
	size_t title;                 /* line of the headline, or SIZE_MAX */
	size_t body;                  /* first line of the body (w->n_lines if none) */
	struct dyad__date crawl;      /* the leading " date YYYY-MM-DD" field */
	size_t dateline;              /* line with the dateline, or SIZE_MAX */
	uint32_t dateline_start, dateline_end; /* the place name */
	uint32_t agency_start, agency_end;     /* the agency it names, if any */
	struct dyad__date dateline_date;       /* the date it gives, if any */
	const char *author;           /* in the document arena, or NULL */
};

/* Number of code points and words of text[a, b). */
void dyad__meta_count(const char *text, uint32_t a, uint32_t b, unsigned *chars,
                      unsigned *words);

/* Sets w->doc->lang and w->lang (the language the body is read in) from
 * the body lines. DYAD_ENOMEM only. */
dyad_status dyad__meta_lang_detect(struct dyad__meta_scan *scan);

/* Classify every line, find the headline and the body; fills scan->info,
 * scan->title, scan->body and sets the line flags. DYAD_ENOMEM only. */
dyad_status dyad__meta_lines(struct dyad__meta_scan *scan);

/* A dateline that opens a line: the place, the agency when named, and where
 * the sentence after it starts (the line end when none follows). */
struct dyad__dateline {
	uint32_t place_start, place_end;
	uint32_t agency_start, agency_end; /* empty when no agency is named */
	uint32_t rest;
	struct dyad__date date;            /* the date it gives; year 0 if none */
};

/* 1 and *d when the line opens with a dateline ("BAKU, Azerbaijan, Sept.
 * 28", "MOSCOW, June 5. /TASS/.", "SEOUL, June 9 (Yonhap) --", "ASTANA —",
 * "Тартус – САНА"), else 0. */
int dyad__meta_dateline(const struct dyad__meta_scan *scan, size_t line,
                        struct dyad__dateline *d);
/* 1 when the line is only a credit such as "(MENAFN- AzerNews)". */
int dyad__meta_credit_line(const struct dyad__meta_scan *scan, size_t line);
/* 1 when the line is a byline; *name_start/end = the person's name, or an
 * empty span when the byline names an outlet ("By PTI"). */
int dyad__meta_byline(const struct dyad__meta_scan *scan, size_t line,
                      uint32_t *name_start, uint32_t *name_end);
/* Fill w->doc->source, author and dateline. DYAD_ENOMEM only. */
dyad_status dyad__meta_source(struct dyad__meta_scan *scan);

#endif
