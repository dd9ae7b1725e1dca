/*
 * html_facts.h - the document facts a page's markup gives: title, date of
 * publication, outlet, author, canonical URL.
 *
 * Each source of a fact has a rank (lower is more trusted, see the enums);
 * the best-ranked value that survives cleaning wins, whatever the order the
 * page lists them in. Values are cleaned when they are offered, so a value
 * that does not clean up (a date that is no date, a byline that is only a
 * job title) never takes the place of a worse-ranked good one:
 *
 *   published  normalised to "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS+HH:MM"
 *              (kb/date_norm.c) or dropped - never the raw string;
 *   author     names only: "By", job titles, dates and the outlet's own
 *              name taken out (kb/byline.c);
 *   title      white space collapsed; the site name is taken off <title>
 *              (html_title.c).
 *
 * html_facts.c walks the tree (meta tags, <link>, <time>, microdata,
 * bylines), html_jsonld.c reads JSON-LD.
 */
#ifndef DYAD_READ_HTML_FACTS_H
#define DYAD_READ_HTML_FACTS_H

#include "core/buf.h"
#include "read/html_tree.h"

struct dyad__date_lexicon;

/* Bytes kept of one fact. */
#define DYAD_HTML_MAX_FACT 1024
/* An "author" element longer than this is a biography, not a byline. */
#define DYAD_HTML_MAX_BYLINE 160

enum dyad__html_fact {
	DYAD_HF_URL, DYAD_HF_TITLE, DYAD_HF_PUBLISHED, DYAD_HF_SOURCE, DYAD_HF_AUTHOR,
	DYAD_HF_N
};

/* The order of trust of each fact's sources; the first is the best. */
enum {
	DYAD_RANK_TITLE_OG = 0, DYAD_RANK_TITLE_TWITTER, DYAD_RANK_TITLE_JSONLD,
	DYAD_RANK_TITLE_TAG, DYAD_RANK_TITLE_H1,
};
enum {
	DYAD_RANK_PUB_ARTICLE = 0, /* meta article:published_time */
	DYAD_RANK_PUB_OG,          /* meta og:published_time */
	DYAD_RANK_PUB_JSONLD,      /* JSON-LD datePublished of the article */
	DYAD_RANK_PUB_ITEMPROP,    /* itemprop=datePublished: content, datetime, text */
	DYAD_RANK_PUB_META,        /* meta pubdate, date, dc.date, parsely-pub-date... */
	DYAD_RANK_PUB_PAGE,        /* JSON-LD datePublished of the WebPage */
	DYAD_RANK_PUB_TIME_PUBDATE, /* <time pubdate datetime> */
	DYAD_RANK_PUB_TIME,        /* the first <time datetime> outside furniture */
	DYAD_RANK_PUB_URL,         /* a date path in the canonical URL: /2024/06/19/ */
	DYAD_RANK_PUB_TEXT,        /* the text of a "date" element */
	DYAD_RANK_PUB_HEAD,        /* a short line between headline and body that is a date */
};
enum { DYAD_RANK_SOURCE_OG = 0, DYAD_RANK_SOURCE_JSONLD, DYAD_RANK_SOURCE_META };
enum {
	DYAD_RANK_AUTHOR_JSONLD = 0, /* JSON-LD author that is a person */
	DYAD_RANK_AUTHOR_ITEMPROP,   /* itemprop=author */
	DYAD_RANK_AUTHOR_REL,        /* <a rel=author> */
	DYAD_RANK_AUTHOR_BYLINE,     /* an element whose class or id says byline/author */
	DYAD_RANK_AUTHOR_META,       /* meta name=author */
	DYAD_RANK_AUTHOR_OTHER_META, /* article:author, dc.creator, parsely-author... */
	DYAD_RANK_AUTHOR_JSONLD_ORG, /* JSON-LD author that is an organisation */
};
enum { DYAD_RANK_URL_OG = 0, DYAD_RANK_URL_CANONICAL, DYAD_RANK_URL_JSONLD };
#define DYAD_RANK_NONE 1000

struct dyad__html_facts {
	struct dyad_arena *arena;
	const struct dyad__html_lexicon *lex;     /* may be NULL */
	const struct dyad__date_lexicon *dates;   /* may be NULL */
	char *value[DYAD_HF_N];   /* in the arena, NULL when unknown */
	int rank[DYAD_HF_N];
	char *title_tag;          /* <title> as written, arena */
	uint32_t first_h1;        /* first <h1> outside furniture, or NONE */
	struct dyad_buf scratch;
	dyad_status st;           /* DYAD_ENOMEM once memory ran out */
};

void dyad__html_facts_init(struct dyad__html_facts *f, struct dyad_arena *arena,
                           const struct dyad__html_lexicon *lex,
                           const struct dyad__date_lexicon *dates);
void dyad__html_facts_release(struct dyad__html_facts *f);

/*
 * Offer (s, len) as fact id from a source of the given rank: kept, cleaned
 * (see above), unless a better-ranked value is known or it does not clean
 * up. Sets f->st to DYAD_ENOMEM when memory runs out.
 */
void dyad__html_fact_offer(struct dyad__html_facts *f, enum dyad__html_fact id,
                           int rank, const char *s, size_t len);
void dyad__html_fact_offer_str(struct dyad__html_facts *f, enum dyad__html_fact id,
                               int rank, const char *s);

/* Walk the whole tree for facts; the <title> fallback is applied at the
 * end. Returns f->st. */
dyad_status dyad__html_facts_collect(struct dyad__html_facts *f,
                                     const struct dyad__htree *tree);

/*
 * The time stamp printed between the headline (node from) and the article's
 * first paragraph (node to): the first short block there that reads as a
 * full date. Returns f->st.
 */
dyad_status dyad__html_facts_head_date(struct dyad__html_facts *f,
                                       const struct dyad__htree *tree,
                                       uint32_t from, uint32_t to);

/* Read the JSON-LD script element i of tree. */
void dyad__html_jsonld(struct dyad__html_facts *f, const struct dyad__htree *tree,
                       uint32_t i);

/*
 * The headline part of a title: "Headline - Site" and "Site | Headline"
 * lose the site name (site: og:site_name or NULL; url: the page's, or NULL)
 * when the other part names the site, and with always a " | " or " :: "
 * part in any case (a <title>). Sets *start and *len (in bytes of t) to the
 * part kept.
 */
void dyad__html_title_strip(const char *site, const char *url, const char *t,
                            int always, size_t *start, size_t *len);

/*
 * 1 when the line (s, len) only says when or by whom: a time stamp whose
 * date (read with dates, may be NULL) is most of it, or a lead word and
 * names ("By Anna Lind"). Such lines are furniture around an article.
 */
int dyad__html_stamp_line(const struct dyad__html_lexicon *lex,
                          const struct dyad__date_lexicon *dates, const char *s, size_t len);

/* 1 when a and b have the same letters and digits, case aside ("Day.Az"
 * and "day az"). */
int dyad__html_same_letters(const char *a, const char *b);

#endif
