/*
 * meta.h - the metadata stage's shared state: the knowledge it loads from
 * data/meta/ and data/dates/, and the per-line findings its parts pass on.
 *
 * The stage runs right after normalisation (see stages.h). meta.c drives it
 * and picks the publication date; meta_lines.c classifies lines (clutter,
 * time stamps, the headline, where the body starts); meta_source.c finds the
 * outlet, the byline and the dateline; meta_lang.c tells the language of the
 * body. Only the stage itself and dates.c include this header.
 */
#ifndef DYAD_META_META_H
#define DYAD_META_META_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/hash.h"
#include "text/dates.h"
#include "doc/work.h"

#define DYAD_META_MAX_LANGS 32 /* languages of stopwords.tsv (a bit mask) */

enum dyad__script { DYAD_SCRIPT_LATIN, DYAD_SCRIPT_CYRILLIC, DYAD_N_SCRIPTS };

struct dyad__meta_lang {
	char code[8];            /* ISO 639-1 */
	enum dyad__script script;
};

/* A letter that only some languages of a script use ("ә", "ї"). */
struct dyad__meta_letter {
	uint32_t cp;
	uint32_t langs;          /* bit mask over lexicon langs */
};

enum dyad__credit_place {
	DYAD_CREDIT_BEFORE,      /* "{OUTLET} reports": the name comes first */
	DYAD_CREDIT_AFTER,       /* "told {OUTLET}": the name comes after */
};

/* One line of credits.tsv: prefix {OUTLET} suffix. */
struct dyad__meta_credit {
	const char *prefix;      /* may be "" */
	const char *suffix;      /* may be "" */
	size_t prefix_len, suffix_len;
	int rank;                /* higher wins */
	int open;                /* names missing from outlets.tsv are accepted */
};

enum dyad__clutter_match {
	DYAD_CLUTTER_EXACT,      /* the whole line */
	DYAD_CLUTTER_PREFIX,     /* the line starts with it */
	DYAD_CLUTTER_CONTAINS,
	DYAD_CLUTTER_LABEL,      /* the whole line, and the line after it */
};

struct dyad__meta_clutter {
	enum dyad__clutter_match match;
	const char *text;        /* lower case */
	size_t len;
};

struct dyad__meta_lexicon {
	struct dyad__date_lexicon dates;

	struct dyad__meta_lang langs[DYAD_META_MAX_LANGS];
	size_t n_langs;
	struct dyad_hash stopwords;        /* lower word -> bit mask of langs */
	struct dyad__meta_letter *letters; /* heap */
	size_t n_letters;

	const char **outlets;              /* canonical names; heap array */
	size_t n_outlets;
	struct dyad_hash outlet_names;     /* lower variant -> outlet index */
	struct dyad_hash not_outlets;      /* lower names that are no outlet */
	struct dyad__meta_credit *credits; /* heap */
	size_t n_credits;

	struct dyad__meta_clutter *clutter; /* heap */
	size_t n_clutter;
	const char **bylines;              /* lower "by", "автор:"; heap array */
	size_t n_bylines;
	const char **date_labels;          /* lower words allowed on a date line */
	size_t n_date_labels;
};

/* The date words of the engine, for dates.c; NULL before loading. */
const struct dyad__date_lexicon *dyad__meta_dates(const dyad_engine *engine);

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
};

/* The state of one run of the stage over a document. */
struct dyad__meta_scan {
	struct dyad__work *w;
	const struct dyad__meta_lexicon *lex;
	struct dyad__meta_line *info; /* one per line, in the document arena */
	size_t title;                 /* line of the headline, or SIZE_MAX */
	size_t body;                  /* first line of the body (w->n_lines if none) */
	struct dyad__date crawl;      /* the leading " date YYYY-MM-DD" field */
	size_t dateline;              /* line with the dateline, or SIZE_MAX */
	uint32_t dateline_start, dateline_end; /* the place name */
	uint32_t agency_start, agency_end;     /* the agency it names, if any */
	const char *author;           /* in the document arena, or NULL */
};

/* Number of code points and words of text[a, b). */
void dyad__meta_count(const char *text, uint32_t a, uint32_t b, unsigned *chars,
                      unsigned *words);

/* meta_lang.c: data/meta/stopwords.tsv and letters.tsv. */
dyad_status dyad__meta_lang_load(struct dyad__meta_lexicon *lex,
                                 struct dyad_arena *arena, const char *data_dir,
                                 char *errmsg);
/* Sets w->doc->lang and w->lang_ru from the body lines. DYAD_ENOMEM only. */
dyad_status dyad__meta_lang_detect(struct dyad__meta_scan *scan);

/* meta_lines.c: data/meta/clutter.tsv, bylines.tsv, date_labels.tsv. */
dyad_status dyad__meta_lines_load(struct dyad__meta_lexicon *lex,
                                  struct dyad_arena *arena,
                                  const char *data_dir, char *errmsg);
/* Classify every line, find the headline and the body; fills scan->info,
 * scan->title, scan->body and sets the line flags. DYAD_ENOMEM only. */
dyad_status dyad__meta_lines(struct dyad__meta_scan *scan);

/* meta_source.c: data/meta/outlets.tsv, not_outlets.tsv and credits.tsv. */
dyad_status dyad__meta_source_load(struct dyad__meta_lexicon *lex,
                                   struct dyad_arena *arena,
                                   const char *data_dir, char *errmsg);
/* A dateline that opens a line: the place, the agency when named, and where
 * the sentence after it starts (the line end when none follows). */
struct dyad__dateline {
	uint32_t place_start, place_end;
	uint32_t agency_start, agency_end; /* empty when no agency is named */
	uint32_t rest;
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
