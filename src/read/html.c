/*
 * html.c - HTML page to article text and facts, with gumbo (see html.h).
 *
 * Three walks over gumbo's tree:
 *   1. facts: meta tags, <link rel=canonical>, JSON-LD, <time>, bylines,
 *      each source with a rank; the lowest rank seen wins.
 *   2. scores: for each element, the paragraph text of its <p> children
 *      plus half of its grandchildren's (readability's content density;
 *      link text does not count), and for each <article> all its
 *      paragraph text. The article is the best <article> unless the densest
 *      element outweighs it twice over.
 *   3. text: the headline, then the blocks of the article with clutter
 *      skipped.
 * When the class/id rules leave nothing (a site that calls its content
 * column "main-with-sidebar"), walks 2 and 3 run again on tag names alone.
 *
 * Gumbo allocates with plain malloc and has no failure path of its own;
 * every walk here is bounded by HTML_MAX_DEPTH.
 */
#include "read/html.h"

#include <gumbo.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"

/* Elements deeper than this are ignored (gumbo keeps them; we do not walk). */
#define HTML_MAX_DEPTH 400
/* Pages whose container tags open deeper than this are not parsed at all. */
#define HTML_MAX_NESTING 5000
/* Bytes kept of one fact. */
#define HTML_MAX_FACT 1024
/* An "author" element longer than this is a biography, not a byline. */
#define HTML_MAX_BYLINE 160
/* Bytes of a class/id value looked at for clutter words. */
#define HTML_MAX_CLASS 256
/* Sniffing: a file starting with '<' needs this many known tags ... */
#define HTML_SNIFF_MIN_TAGS 5
/* ... any other file this many. */
#define HTML_SNIFF_MANY_TAGS 20
/* An <article> wins unless the densest element scores this many times more. */
#define ARTICLE_MIN_SHARE 2
/* Climbing from the densest element: levels, and extra text allowed (%). */
#define CLIMB_MAX_LEVELS 8
#define CLIMB_MAX_EXTRA 25
#define JSONLD_MAX_DEPTH 8
#define JSONLD_MAX_AUTHORS 4
#define CHARSET_NAME_CHARS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-"

enum fact_id { FACT_URL, FACT_TITLE, FACT_PUBLISHED, FACT_SOURCE, FACT_AUTHOR, N_FACTS };

/* Ranks: lower is more trusted. */
enum {
	RANK_TITLE_OG = 0, RANK_TITLE_TWITTER, RANK_TITLE_JSONLD, RANK_TITLE_TAG,
	RANK_TITLE_H1,
};
enum {
	RANK_PUB_ARTICLE = 0, RANK_PUB_OG, RANK_PUB_ITEMPROP, RANK_PUB_JSONLD,
	RANK_PUB_META, RANK_PUB_TIME_PUBDATE, RANK_PUB_TIME,
};
enum { RANK_SOURCE_OG = 0, RANK_SOURCE_JSONLD, RANK_SOURCE_META };
enum {
	RANK_AUTHOR_META = 0, RANK_AUTHOR_OTHER_META, RANK_AUTHOR_JSONLD,
	RANK_AUTHOR_ITEMPROP, RANK_AUTHOR_REL, RANK_AUTHOR_CLASS,
};
enum { RANK_URL_OG = 0, RANK_URL_CANONICAL, RANK_URL_JSONLD };
#define RANK_NONE 1000

/* is_clutter() flags */
enum {
	CLUTTER_BY_CLASS = 1 << 0,   /* apply the class/id/role rules */
	CLUTTER_KEEP_HEADER = 1 << 1, /* <header> and "header" classes are fine */
};

struct fact {
	char *value; /* arena */
	int rank;
};

struct ctx {
	struct dyad_arena *arena;
	struct fact facts[N_FACTS];
	char *title_tag;          /* <title> as written, arena */
	const GumboNode *h1_any;  /* first <h1> outside clutter */
	struct dyad_buf scratch;
	dyad_status st;
};

/* ---- small helpers ------------------------------------------------------ */

static char ascii_lower(char c)
{
	return (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
}

static int ascii_ieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (ascii_lower(*a) != ascii_lower(*b))
			return 0;
	return *a == *b;
}

static int ascii_istarts(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);
	if (len < n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (ascii_lower(s[i]) != prefix[i])
			return 0;
	return 1;
}

static const char *attr(const GumboNode *n, const char *name)
{
	const GumboAttribute *a = gumbo_get_attribute(&n->v.element.attributes, name);
	return a ? a->value : NULL;
}

static int is_element(const GumboNode *n)
{
	return n->type == GUMBO_NODE_ELEMENT;
}

static int is_text(const GumboNode *n)
{
	return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
	       n->type == GUMBO_NODE_WHITESPACE;
}

/* Length of the UTF-8 whitespace character at s, or 0 (ASCII space, NBSP). */
static size_t space_len(const char *s, size_t left)
{
	unsigned char c = (unsigned char)s[0];
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
		return 1;
	if (c == 0xC2 && left >= 2 && (unsigned char)s[1] == 0xA0)
		return 2;
	return 0;
}

/* Largest n' <= n that does not cut a UTF-8 character of s. */
static size_t utf8_cut(const char *s, size_t n)
{
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* ---- clutter ------------------------------------------------------------ */

static const char *const clutter_words[] = {
	"nav", "menu", "share", "social", "comment", "footer", "header",
	"sidebar", "related", "advert", "banner", "cookie", "subscribe",
	"breadcrumb", "newsletter", "popup", "modal", "promo", "sponsor",
};

static const char *const clutter_roles[] = {
	"navigation", "banner", "contentinfo", "complementary", "search",
	"dialog", "alertdialog", "menu", "menubar", "toolbar",
};

static int tag_is_clutter(GumboTag tag)
{
	switch (tag) {
	case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
	case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_SCRIPT:
	case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_IFRAME:
	case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_BUTTON:
	case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT:
	case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
	case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO:
	case GUMBO_TAG_MENU: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE:
	case GUMBO_TAG_MAP: case GUMBO_TAG_LABEL: case GUMBO_TAG_FIGURE:
		return 1;
	default:
		return 0;
	}
}

/* 1 when the lower-cased value of attribute name contains a clutter word. */
static int attr_has_clutter_word(const GumboNode *n, const char *name,
                                 int keep_header)
{
	const char *v = attr(n, name);
	if (!v || !*v)
		return 0;
	char low[HTML_MAX_CLASS];
	size_t i = 0;
	for (; v[i] && i + 1 < sizeof low; i++)
		low[i] = ascii_lower(v[i]);
	low[i] = '\0';
	/* a "subheader" is the article's lead, not the site's header */
	int lead = strstr(low, "subhead") != NULL;
	for (size_t k = 0; k < sizeof clutter_words / sizeof clutter_words[0]; k++) {
		if ((keep_header || lead) && strcmp(clutter_words[k], "header") == 0)
			continue;
		if (strstr(low, clutter_words[k]))
			return 1;
	}
	return 0;
}

static int is_hidden(const GumboNode *n)
{
	if (attr(n, "hidden"))
		return 1;
	const char *aria = attr(n, "aria-hidden");
	if (aria && ascii_ieq(aria, "true"))
		return 1;
	const char *style = attr(n, "style");
	if (!style)
		return 0;
	char low[HTML_MAX_CLASS];
	size_t w = 0;
	for (size_t i = 0; style[i] && w + 1 < sizeof low; i++)
		if (style[i] != ' ')
			low[w++] = ascii_lower(style[i]);
	low[w] = '\0';
	return strstr(low, "display:none") || strstr(low, "visibility:hidden");
}

static int is_clutter(const GumboNode *n, unsigned flags)
{
	GumboTag tag = n->v.element.tag;
	int keep_header = (flags & CLUTTER_KEEP_HEADER) != 0;
	if (tag_is_clutter(tag) && !(keep_header && tag == GUMBO_TAG_HEADER))
		return 1;
	if (is_hidden(n))
		return 1;
	if (!(flags & CLUTTER_BY_CLASS))
		return 0;
	const char *role = attr(n, "role");
	if (role)
		for (size_t k = 0; k < sizeof clutter_roles / sizeof clutter_roles[0]; k++)
			if (ascii_ieq(role, clutter_roles[k]) &&
			    !(keep_header && ascii_ieq(role, "banner")))
				return 1;
	return attr_has_clutter_word(n, "class", keep_header) ||
	       attr_has_clutter_word(n, "id", keep_header);
}

/* ---- writing text ------------------------------------------------------- */

struct emitter {
	struct dyad_buf *out;
	int pending;        /* line breaks owed before the next text: 0..2 */
	int space;          /* a space owed before the next text */
	unsigned clutter;   /* is_clutter flags */
	int flat;           /* one line: breaks become spaces */
	int skip_links;     /* leave out the text of <a> (scoring) */
	size_t cap;         /* stop at this many bytes; 0 = none */
	const GumboNode *skip; /* the headline, already written */
	dyad_status st;
};

static void owe(struct emitter *e, int breaks)
{
	if (e->flat)
		e->space = 1;
	else if (breaks > e->pending)
		e->pending = breaks;
}

static void put_run(struct emitter *e, const char *s, size_t n)
{
	if (e->st != DYAD_OK)
		return;
	if (e->out->len > 0) {
		if (e->pending)
			e->st = dyad_buf_append(e->out, "\n\n", (size_t)e->pending);
		else if (e->space)
			e->st = dyad_buf_putc(e->out, ' ');
	}
	e->pending = 0;
	e->space = 0;
	if (e->cap && e->out->len + n > e->cap) {
		n = e->cap > e->out->len ? utf8_cut(s, e->cap - e->out->len) : 0;
		if (e->st == DYAD_OK)
			e->st = dyad_buf_append(e->out, s, n);
		if (e->st == DYAD_OK)
			e->st = DYAD_ETOOBIG; /* full: the walk stops, the text is kept */
		return;
	}
	if (e->st == DYAD_OK)
		e->st = dyad_buf_append(e->out, s, n);
}

static void emit_text(struct emitter *e, const char *s)
{
	size_t len = strlen(s), i = 0;
	while (i < len && e->st == DYAD_OK) {
		size_t sp = space_len(s + i, len - i);
		if (sp) {
			e->space = 1;
			i += sp;
			continue;
		}
		size_t start = i;
		while (i < len && !space_len(s + i, len - i))
			i++;
		put_run(e, s + start, i - start);
	}
}

/* 0 inline, 1 a line of its own, 2 a paragraph (blank line around). */
static int block_kind(GumboTag tag)
{
	switch (tag) {
	case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
	case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_UL:
	case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_TABLE:
	case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION: case GUMBO_TAG_HR:
		return 2;
	case GUMBO_TAG_LI: case GUMBO_TAG_DIV: case GUMBO_TAG_TR: case GUMBO_TAG_DT:
	case GUMBO_TAG_DD: case GUMBO_TAG_BR: case GUMBO_TAG_FIGCAPTION:
	case GUMBO_TAG_ADDRESS: case GUMBO_TAG_MAIN: case GUMBO_TAG_CENTER:
	case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_CAPTION:
	case GUMBO_TAG_BODY:
		return 1;
	default:
		return 0;
	}
}

static void emit_node(struct emitter *e, const GumboNode *n, int depth);

static void emit_children(struct emitter *e, const GumboNode *n, int depth)
{
	const GumboVector *kids = &n->v.element.children;
	for (unsigned i = 0; i < kids->length && e->st == DYAD_OK; i++)
		emit_node(e, kids->data[i], depth + 1);
}

static void emit_node(struct emitter *e, const GumboNode *n, int depth)
{
	if (depth > HTML_MAX_DEPTH || e->st != DYAD_OK)
		return;
	if (is_text(n)) {
		emit_text(e, n->v.text.text);
		return;
	}
	if (!is_element(n) || n == e->skip || is_clutter(n, e->clutter))
		return;
	GumboTag tag = n->v.element.tag;
	if (e->skip_links && tag == GUMBO_TAG_A)
		return;
	int kind = block_kind(tag);
	if (tag == GUMBO_TAG_BR) {
		owe(e, 1);
		return;
	}
	if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH)
		e->space = 1;
	if (kind)
		owe(e, kind);
	emit_children(e, n, depth);
	if (kind)
		owe(e, kind);
	if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH)
		e->space = 1;
}

/*
 * The text of n on one line into c->scratch (reset first), at most cap bytes.
 * Returns the scratch bytes (NUL-terminated) or NULL on out of memory.
 */
static const char *flat_text(struct ctx *c, const GumboNode *n, size_t cap,
                             unsigned clutter)
{
	dyad_buf_reset(&c->scratch);
	struct emitter e = {.out = &c->scratch, .flat = 1, .cap = cap,
	                    .clutter = clutter};
	if (is_text(n))
		emit_text(&e, n->v.text.text);
	else if (is_element(n))
		emit_children(&e, n, 0);
	if (e.st == DYAD_ENOMEM) {
		c->st = DYAD_ENOMEM;
		return NULL;
	}
	if (dyad_buf_reserve(&c->scratch, 0) != DYAD_OK) {
		c->st = DYAD_ENOMEM;
		return NULL;
	}
	c->scratch.data[c->scratch.len] = '\0'; /* a fresh buffer is not terminated */
	return c->scratch.data;
}

/* ---- facts -------------------------------------------------------------- */

static int looks_like_url(const char *s, size_t len)
{
	return ascii_istarts(s, len, "http://") || ascii_istarts(s, len, "https://") ||
	       ascii_istarts(s, len, "//");
}

/* Keep (s, len) as fact id at rank, collapsed, unless a better one is known. */
static void set_fact(struct ctx *c, enum fact_id id, int rank, const char *s,
                     size_t len)
{
	struct fact *f = &c->facts[id];
	if (!s || rank >= f->rank || c->st != DYAD_OK)
		return;
	/* collapse white space and trim */
	char *v = dyad_arena_alloc(c->arena, (len < HTML_MAX_FACT ? len : HTML_MAX_FACT) + 1);
	if (!v) {
		c->st = DYAD_ENOMEM;
		return;
	}
	size_t w = 0, i = 0;
	int space = 0;
	while (i < len && w < HTML_MAX_FACT) {
		size_t sp = space_len(s + i, len - i);
		if (sp) {
			space = w > 0;
			i += sp;
			continue;
		}
		if (space) {
			v[w++] = ' ';
			space = 0;
			if (w >= HTML_MAX_FACT)
				break;
		}
		v[w++] = s[i++];
	}
	/* cut at the cap: do not keep half a character */
	while (i < len && w > 0 && ((unsigned char)s[i] & 0xC0) == 0x80) {
		w--;
		i--;
	}
	v[w] = '\0';
	const char *start = v;
	if (id == FACT_AUTHOR) {
		static const char *const prefixes[] = {"by ", "author: ", "автор: "};
		for (size_t k = 0; k < sizeof prefixes / sizeof prefixes[0]; k++) {
			size_t plen = strlen(prefixes[k]);
			/* ascii_istarts lowers only ASCII; the Russian prefix is lower already */
			if (ascii_istarts(start, w, prefixes[k]) ||
			    (w >= plen && memcmp(start, "Автор: ", plen) == 0)) {
				start += plen;
				w -= plen;
				break;
			}
		}
	}
	if (w == 0)
		return;
	if ((id == FACT_AUTHOR || id == FACT_SOURCE) && looks_like_url(start, w))
		return;
	f->value = (char *)start;
	f->rank = rank;
}

static void set_fact_str(struct ctx *c, enum fact_id id, int rank, const char *s)
{
	if (s)
		set_fact(c, id, rank, s, strlen(s));
}

static void set_fact_text(struct ctx *c, enum fact_id id, int rank,
                          const GumboNode *n, size_t cap)
{
	if (rank >= c->facts[id].rank)
		return;
	const char *t = flat_text(c, n, cap + 1, CLUTTER_BY_CLASS);
	if (t && strlen(t) <= cap)
		set_fact_str(c, id, rank, t);
}

static const struct {
	const char *key; /* meta name or property, lower case */
	enum fact_id fact;
	int rank;
} meta_map[] = {
	{"og:title", FACT_TITLE, RANK_TITLE_OG},
	{"twitter:title", FACT_TITLE, RANK_TITLE_TWITTER},
	{"article:published_time", FACT_PUBLISHED, RANK_PUB_ARTICLE},
	{"og:published_time", FACT_PUBLISHED, RANK_PUB_OG},
	{"pubdate", FACT_PUBLISHED, RANK_PUB_META},
	{"publishdate", FACT_PUBLISHED, RANK_PUB_META},
	{"publish-date", FACT_PUBLISHED, RANK_PUB_META},
	{"publication_date", FACT_PUBLISHED, RANK_PUB_META},
	{"date", FACT_PUBLISHED, RANK_PUB_META},
	{"dc.date", FACT_PUBLISHED, RANK_PUB_META},
	{"dc.date.issued", FACT_PUBLISHED, RANK_PUB_META},
	{"dcterms.created", FACT_PUBLISHED, RANK_PUB_META},
	{"sailthru.date", FACT_PUBLISHED, RANK_PUB_META},
	{"parsely-pub-date", FACT_PUBLISHED, RANK_PUB_META},
	{"og:site_name", FACT_SOURCE, RANK_SOURCE_OG},
	{"publisher", FACT_SOURCE, RANK_SOURCE_META},
	{"article:publisher", FACT_SOURCE, RANK_SOURCE_META},
	{"author", FACT_AUTHOR, RANK_AUTHOR_META},
	{"article:author", FACT_AUTHOR, RANK_AUTHOR_OTHER_META},
	{"dc.creator", FACT_AUTHOR, RANK_AUTHOR_OTHER_META},
	{"sailthru.author", FACT_AUTHOR, RANK_AUTHOR_OTHER_META},
	{"parsely-author", FACT_AUTHOR, RANK_AUTHOR_OTHER_META},
	{"byl", FACT_AUTHOR, RANK_AUTHOR_OTHER_META},
	{"og:url", FACT_URL, RANK_URL_OG},
};

static void meta_fact(struct ctx *c, const GumboNode *n)
{
	const char *content = attr(n, "content");
	if (!content)
		return;
	const char *keys[] = {attr(n, "property"), attr(n, "name")};
	for (size_t k = 0; k < 2; k++) {
		if (!keys[k])
			continue;
		for (size_t m = 0; m < sizeof meta_map / sizeof meta_map[0]; m++)
			if (ascii_ieq(keys[k], meta_map[m].key))
				set_fact_str(c, meta_map[m].fact, meta_map[m].rank, content);
	}
}

/* ---- JSON-LD ------------------------------------------------------------ */

static int jsonld_is_article(json_t *type)
{
	static const char *const types[] = {
		"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
		"OpinionNewsArticle", "BackgroundNewsArticle", "BlogPosting",
	};
	if (json_is_array(type)) {
		size_t i;
		json_t *t;
		json_array_foreach(type, i, t)
			if (jsonld_is_article(t))
				return 1;
		return 0;
	}
	const char *s = json_string_value(type);
	if (!s)
		return 0;
	for (size_t k = 0; k < sizeof types / sizeof types[0]; k++)
		if (strcmp(s, types[k]) == 0)
			return 1;
	return 0;
}

static const char *jsonld_name(json_t *v)
{
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_object(v))
		return json_string_value(json_object_get(v, "name"));
	return NULL;
}

/* Author names, joined with ", ", into scratch. */
static void jsonld_authors(struct ctx *c, json_t *author)
{
	dyad_buf_reset(&c->scratch);
	size_t n = 0;
	json_t *one = author;
	size_t count = json_is_array(author) ? json_array_size(author) : 1;
	for (size_t i = 0; i < count && n < JSONLD_MAX_AUTHORS; i++) {
		if (json_is_array(author))
			one = json_array_get(author, i);
		const char *name = jsonld_name(one);
		if (!name || !*name)
			continue;
		if ((n++ && dyad_buf_puts(&c->scratch, ", ") != DYAD_OK) ||
		    dyad_buf_puts(&c->scratch, name) != DYAD_OK) {
			c->st = DYAD_ENOMEM;
			return;
		}
	}
	if (n)
		set_fact(c, FACT_AUTHOR, RANK_AUTHOR_JSONLD, c->scratch.data,
		         c->scratch.len);
}

static void jsonld_value(struct ctx *c, json_t *v, int depth)
{
	if (depth > JSONLD_MAX_DEPTH || c->st != DYAD_OK)
		return;
	if (json_is_array(v)) {
		size_t i;
		json_t *item;
		json_array_foreach(v, i, item)
			jsonld_value(c, item, depth + 1);
		return;
	}
	if (!json_is_object(v))
		return;
	json_t *graph = json_object_get(v, "@graph");
	if (graph)
		jsonld_value(c, graph, depth + 1);
	if (!jsonld_is_article(json_object_get(v, "@type")))
		return;
	set_fact_str(c, FACT_TITLE, RANK_TITLE_JSONLD,
	             json_string_value(json_object_get(v, "headline")));
	set_fact_str(c, FACT_PUBLISHED, RANK_PUB_JSONLD,
	             json_string_value(json_object_get(v, "datePublished")));
	json_t *author = json_object_get(v, "author");
	if (author)
		jsonld_authors(c, author);
	set_fact_str(c, FACT_SOURCE, RANK_SOURCE_JSONLD,
	             jsonld_name(json_object_get(v, "publisher")));
	const char *url = json_string_value(json_object_get(v, "url"));
	json_t *page = json_object_get(v, "mainEntityOfPage");
	if (!url)
		url = json_is_object(page) ? json_string_value(json_object_get(page, "@id"))
		                           : json_string_value(page);
	set_fact_str(c, FACT_URL, RANK_URL_JSONLD, url);
}

static void jsonld_script(struct ctx *c, const GumboNode *script)
{
	const GumboVector *kids = &script->v.element.children;
	if (kids->length == 0 || !is_text(kids->data[0]))
		return;
	const char *text = ((const GumboNode *)kids->data[0])->v.text.text;
	json_error_t err;
	json_t *root = json_loads(text, JSON_DECODE_ANY, &err);
	if (!root)
		return; /* broken JSON-LD is common; the meta tags still count */
	jsonld_value(c, root, 0);
	json_decref(root);
}

/* ---- walk 1: facts ------------------------------------------------------ */

static const GumboNode *find_itemprop(const GumboNode *n, const char *prop,
                                      int depth)
{
	if (depth > HTML_MAX_DEPTH || !is_element(n))
		return NULL;
	const char *ip = attr(n, "itemprop");
	if (ip && ascii_ieq(ip, prop))
		return n;
	const GumboVector *kids = &n->v.element.children;
	for (unsigned i = 0; i < kids->length; i++) {
		const GumboNode *hit = find_itemprop(kids->data[i], prop, depth + 1);
		if (hit)
			return hit;
	}
	return NULL;
}

static void itemprop_fact(struct ctx *c, const GumboNode *n, const char *prop,
                          int depth)
{
	if (ascii_ieq(prop, "datePublished")) {
		const char *v = attr(n, "content");
		if (!v)
			v = attr(n, "datetime");
		if (v)
			set_fact_str(c, FACT_PUBLISHED, RANK_PUB_ITEMPROP, v);
		else
			set_fact_text(c, FACT_PUBLISHED, RANK_PUB_ITEMPROP, n, HTML_MAX_BYLINE);
	} else if (ascii_ieq(prop, "author")) {
		const char *v = attr(n, "content");
		const GumboNode *name = NULL;
		const GumboVector *kids = &n->v.element.children;
		for (unsigned i = 0; i < kids->length && !name; i++)
			name = find_itemprop(kids->data[i], "name", depth + 1);
		if (v)
			set_fact_str(c, FACT_AUTHOR, RANK_AUTHOR_ITEMPROP, v);
		else if (name && attr(name, "content"))
			set_fact_str(c, FACT_AUTHOR, RANK_AUTHOR_ITEMPROP, attr(name, "content"));
		else
			set_fact_text(c, FACT_AUTHOR, RANK_AUTHOR_ITEMPROP, name ? name : n,
			              HTML_MAX_BYLINE);
	}
}

static int class_mentions(const GumboNode *n, const char *word)
{
	const char *names[] = {"class", "id"};
	for (size_t k = 0; k < 2; k++) {
		const char *v = attr(n, names[k]);
		if (!v)
			continue;
		char low[HTML_MAX_CLASS];
		size_t i = 0;
		for (; v[i] && i + 1 < sizeof low; i++)
			low[i] = ascii_lower(v[i]);
		low[i] = '\0';
		if (strstr(low, word))
			return 1;
	}
	return 0;
}

static void facts_walk(struct ctx *c, const GumboNode *n, int depth, int clutter)
{
	if (depth > HTML_MAX_DEPTH || c->st != DYAD_OK || !is_element(n))
		return;
	GumboTag tag = n->v.element.tag;
	clutter = clutter || is_clutter(n, CLUTTER_BY_CLASS);
	const char *v;
	switch (tag) {
	case GUMBO_TAG_META:
		meta_fact(c, n);
		return;
	case GUMBO_TAG_LINK:
		v = attr(n, "rel");
		if (v && ascii_ieq(v, "canonical"))
			set_fact_str(c, FACT_URL, RANK_URL_CANONICAL, attr(n, "href"));
		return;
	case GUMBO_TAG_TITLE:
		if (!c->title_tag) {
			const char *t = flat_text(c, n, HTML_MAX_FACT, 0);
			c->title_tag = t ? dyad_arena_strdup(c->arena, t) : NULL;
			if (!c->title_tag)
				c->st = DYAD_ENOMEM;
		}
		return;
	case GUMBO_TAG_SCRIPT:
		v = attr(n, "type");
		if (v && ascii_ieq(v, "application/ld+json"))
			jsonld_script(c, n);
		return;
	case GUMBO_TAG_TIME:
		v = attr(n, "datetime");
		if (v && !clutter)
			set_fact_str(c, FACT_PUBLISHED,
			             attr(n, "pubdate") ? RANK_PUB_TIME_PUBDATE : RANK_PUB_TIME, v);
		break;
	case GUMBO_TAG_A:
		v = attr(n, "rel");
		if (v && !clutter && ascii_ieq(v, "author"))
			set_fact_text(c, FACT_AUTHOR, RANK_AUTHOR_REL, n, HTML_MAX_BYLINE);
		break;
	case GUMBO_TAG_H1:
		if (!clutter && !c->h1_any)
			c->h1_any = n;
		break;
	default:
		break;
	}
	v = attr(n, "itemprop");
	if (v)
		itemprop_fact(c, n, v, depth);
	if (!clutter && (class_mentions(n, "byline") || class_mentions(n, "author")))
		set_fact_text(c, FACT_AUTHOR, RANK_AUTHOR_CLASS, n, HTML_MAX_BYLINE);
	const GumboVector *kids = &n->v.element.children;
	for (unsigned i = 0; i < kids->length; i++)
		facts_walk(c, kids->data[i], depth + 1, clutter);
}

/* ---- site names in titles ----------------------------------------------- */

/* Lower-case ASCII letters and digits of (s, len), other bytes kept, into out. */
static size_t squash(const char *s, size_t len, char *out, size_t cap)
{
	size_t w = 0;
	for (size_t i = 0; i < len && w + 1 < cap; i++) {
		char ch = ascii_lower(s[i]);
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		    (unsigned char)ch >= 0x80)
			out[w++] = ch;
	}
	out[w] = '\0';
	return w;
}

/* 1 when (s, len) names the site: its site_name, or its host. */
static int names_site(const struct ctx *c, const char *s, size_t len)
{
	char a[HTML_MAX_CLASS], b[HTML_MAX_CLASS];
	if (len == 0 || len >= sizeof a)
		return 0;
	if (!memchr(s, ' ', len) && memchr(s, '.', len))
		return 1; /* "Day.Az", "trend.az": a domain */
	if (!squash(s, len, a, sizeof a))
		return 0;
	const char *site = c->facts[FACT_SOURCE].value;
	if (site && squash(site, strlen(site), b, sizeof b) && strcmp(a, b) == 0)
		return 1;
	const char *url = c->facts[FACT_URL].value;
	const char *host = url ? strstr(url, "://") : NULL;
	if (!host)
		return 0;
	host += 3;
	if (ascii_istarts(host, strlen(host), "www."))
		host += 4;
	size_t hlen = strcspn(host, "/:?#");
	size_t label = strcspn(host, ".");
	if (label > hlen)
		label = hlen;
	return (squash(host, hlen, b, sizeof b) && strcmp(a, b) == 0) ||
	       (squash(host, label, b, sizeof b) && strcmp(a, b) == 0);
}

/*
 * The headline part of a <title>: "Headline - Site" and "Site | Headline"
 * lose the site name. A " - " is cut only when what follows names the site,
 * since headlines themselves use dashes; " | " and " :: " are always cut.
 */
static void strip_site(const struct ctx *c, const char *t, size_t *start,
                       size_t *len)
{
	static const char *const seps[] = {" | ", " :: ", " - ", " \xE2\x80\x94 ",
	                                   " \xE2\x80\x93 ", " \xC2\xBB "};
	size_t n = *len;
	size_t best = 0, best_len = 0;
	int best_sep = -1;
	for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
		size_t sl = strlen(seps[k]);
		for (size_t i = 1; i + sl < n; i++)
			if (memcmp(t + i, seps[k], sl) == 0 && i >= best) {
				best = i;
				best_len = sl;
				best_sep = (int)k;
			}
	}
	if (best_sep < 0)
		return;
	const char *tail = t + best + best_len;
	size_t tail_len = n - best - best_len;
	if (best_sep <= 1 || names_site(c, tail, tail_len)) {
		*len = best;
		return;
	}
	/* "Site - Headline": the first separator, with the site before it */
	for (size_t i = 1; i + best_len < n; i++)
		if (memcmp(t + i, seps[best_sep], best_len) == 0) {
			if (names_site(c, t, i)) {
				*start = i + best_len;
				*len = n - *start;
			}
			return;
		}
}

/* ---- walk 2: choosing the article --------------------------------------- */

struct scorer {
	unsigned clutter;
	const GumboNode *best;
	size_t best_score;
	const GumboNode *best_article;
	size_t best_article_text;
};

struct sums {
	size_t ptext;    /* paragraph text in the subtree */
	size_t direct;   /* paragraph text of the direct <p> children and own text */
};

/* Bytes of non-space text under n, links and clutter left out. */
static size_t text_weight(const GumboNode *n, unsigned clutter, int depth)
{
	if (depth > HTML_MAX_DEPTH)
		return 0;
	if (is_text(n)) {
		if (n->type == GUMBO_NODE_WHITESPACE)
			return 0;
		size_t w = 0;
		const char *s = n->v.text.text;
		size_t len = strlen(s);
		for (size_t i = 0; i < len;) {
			size_t sp = space_len(s + i, len - i);
			if (!sp)
				w++;
			i += sp ? sp : 1;
		}
		return w;
	}
	if (!is_element(n) || is_clutter(n, clutter) ||
	    n->v.element.tag == GUMBO_TAG_A)
		return 0;
	size_t w = 0;
	const GumboVector *kids = &n->v.element.children;
	for (unsigned i = 0; i < kids->length; i++)
		w += text_weight(kids->data[i], clutter, depth + 1);
	return w;
}

static int holds_own_text(GumboTag tag)
{
	switch (tag) {
	case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
	case GUMBO_TAG_MAIN: case GUMBO_TAG_TD: case GUMBO_TAG_BODY:
	case GUMBO_TAG_CENTER: case GUMBO_TAG_FONT: case GUMBO_TAG_SPAN:
		return 1;
	default:
		return 0;
	}
}

static struct sums score_walk(struct scorer *s, const GumboNode *n, int depth)
{
	struct sums r = {0, 0};
	if (depth > HTML_MAX_DEPTH || !is_element(n) || is_clutter(n, s->clutter))
		return r;
	GumboTag tag = n->v.element.tag;
	size_t score = 0;
	const GumboVector *kids = &n->v.element.children;
	for (unsigned i = 0; i < kids->length; i++) {
		const GumboNode *kid = kids->data[i];
		if (is_text(kid)) {
			if (holds_own_text(tag)) {
				size_t w = text_weight(kid, s->clutter, depth + 1);
				r.direct += w;
				r.ptext += w;
			}
		} else if (is_element(kid) && kid->v.element.tag == GUMBO_TAG_P) {
			size_t w = is_clutter(kid, s->clutter)
			           ? 0 : text_weight(kid, s->clutter, depth + 1);
			r.direct += w;
			r.ptext += w;
		} else {
			struct sums sub = score_walk(s, kid, depth + 1);
			r.ptext += sub.ptext;
			score += sub.direct / 2;
		}
	}
	score += r.direct;
	if (score > s->best_score) {
		s->best_score = score;
		s->best = n;
	}
	if (tag == GUMBO_TAG_ARTICLE && r.ptext > s->best_article_text) {
		s->best_article_text = r.ptext;
		s->best_article = n;
	}
	return r;
}

/* All paragraph text under n (what score_walk calls ptext). */
static size_t para_text(const GumboNode *n, unsigned clutter, int depth)
{
	struct scorer scratch = {.clutter = clutter};
	return score_walk(&scratch, n, depth).ptext;
}

/*
 * The densest element may hold only part of the article: a lead paragraph
 * in a sibling <div>, or one long paragraph wrapped on its own. Climb to the
 * parent while that adds little paragraph text (at most CLIMB_MAX_EXTRA
 * percent), which takes the rest of the article and not the page around it.
 */
static const GumboNode *climb(const GumboNode *best, const GumboNode *body,
                              unsigned clutter)
{
	const GumboNode *cur = best;
	size_t cur_text = para_text(cur, clutter, 0);
	for (int up = 0; up < CLIMB_MAX_LEVELS; up++) {
		const GumboNode *parent = cur->parent;
		if (!parent || parent == body || !is_element(parent) ||
		    parent->v.element.tag == GUMBO_TAG_HTML)
			break;
		size_t parent_text = para_text(parent, clutter, 0);
		if (parent_text * 100 > cur_text * (100 + CLIMB_MAX_EXTRA))
			break;
		cur = parent;
		cur_text = parent_text;
	}
	return cur;
}

static const GumboNode *choose_root(const GumboNode *body, unsigned clutter)
{
	struct scorer s = {.clutter = clutter};
	score_walk(&s, body, 0);
	if (s.best_article &&
	    s.best_article_text * ARTICLE_MIN_SHARE >= s.best_score)
		return s.best_article;
	return s.best ? climb(s.best, body, clutter) : NULL;
}

/* The first <h1> under n, not counting clutter. */
static const GumboNode *find_h1(const GumboNode *n, unsigned clutter, int depth)
{
	if (depth > HTML_MAX_DEPTH || !is_element(n))
		return NULL;
	if (depth > 0 && is_clutter(n, clutter))
		return NULL;
	if (n->v.element.tag == GUMBO_TAG_H1)
		return n;
	const GumboVector *kids = &n->v.element.children;
	for (unsigned i = 0; i < kids->length; i++) {
		const GumboNode *hit = find_h1(kids->data[i], clutter, depth + 1);
		if (hit)
			return hit;
	}
	return NULL;
}

/* ---- walk 3: the text --------------------------------------------------- */

/* Write the blocks under root into out; 0 bytes when it holds no text. */
static dyad_status emit_article(const GumboNode *root, unsigned clutter,
                                const GumboNode *skip, struct dyad_buf *out)
{
	dyad_buf_reset(out);
	struct emitter e = {.out = out, .clutter = clutter, .skip = skip};
	emit_children(&e, root, 0);
	return e.st;
}

/* Drop a first line of body that repeats the headline. */
static void drop_repeated_headline(struct dyad_buf *body, const char *headline)
{
	size_t hl = strlen(headline);
	if (hl == 0 || body->len < hl || memcmp(body->data, headline, hl) != 0 ||
	    (body->len > hl && body->data[hl] != '\n'))
		return;
	size_t cut = hl;
	while (cut < body->len && body->data[cut] == '\n')
		cut++;
	memmove(body->data, body->data + cut, body->len - cut + 1);
	body->len -= cut;
}

static dyad_status compose(struct ctx *c, const char *headline,
                           const struct dyad_buf *body,
                           struct dyad__html_page *page)
{
	size_t hl = headline ? strlen(headline) : 0;
	size_t total = hl + 2 + body->len + 1;
	char *text = dyad_arena_alloc(c->arena, total + 1);
	if (!text)
		return DYAD_ENOMEM;
	size_t w = 0;
	if (hl) {
		memcpy(text, headline, hl);
		w = hl;
		if (body->len) {
			memcpy(text + w, "\n\n", 2);
			w += 2;
		}
	}
	if (body->len) {
		memcpy(text + w, body->data, body->len);
		w += body->len;
	}
	text[w++] = '\n';
	text[w] = '\0';
	page->text = text;
	page->text_len = w;
	return DYAD_OK;
}

static const GumboNode *find_body(const GumboOutput *out)
{
	const GumboNode *root = out->root;
	if (!root || !is_element(root))
		return NULL;
	const GumboVector *kids = &root->v.element.children;
	for (unsigned i = 0; i < kids->length; i++) {
		const GumboNode *kid = kids->data[i];
		if (is_element(kid) && kid->v.element.tag == GUMBO_TAG_BODY)
			return kid;
	}
	return root;
}

static dyad_status reduce_tree(struct ctx *c, const GumboOutput *out,
                               struct dyad__html_page *page,
                               struct dyad_buf *body, char *errmsg)
{
	facts_walk(c, out->root, 0, 0);
	if (c->st != DYAD_OK)
		return c->st;

	/* The title fact: meta and JSON-LD, else <title> without the site. */
	if (c->title_tag && !c->facts[FACT_TITLE].value) {
		size_t start = 0, len = strlen(c->title_tag);
		strip_site(c, c->title_tag, &start, &len);
		set_fact(c, FACT_TITLE, RANK_TITLE_TAG, c->title_tag + start, len);
	}

	const GumboNode *html_body = find_body(out);
	if (!html_body) {
		int n = snprintf(errmsg, DYAD_ERRMSG_MAX, "no article text in the HTML page");
		(void)n;
		return DYAD_EEMPTY;
	}
	const unsigned passes[] = {CLUTTER_BY_CLASS, 0};
	for (size_t p = 0; p < sizeof passes / sizeof passes[0]; p++) {
		unsigned clutter = passes[p];
		const GumboNode *root = choose_root(html_body, clutter);
		if (!root)
			root = html_body;
		unsigned h1_rules = root == html_body ? clutter : clutter | CLUTTER_KEEP_HEADER;
		const GumboNode *h1 = find_h1(root, h1_rules, 0);
		const char *headline = NULL;
		if (h1) {
			headline = flat_text(c, h1, HTML_MAX_FACT, 0);
			headline = headline ? dyad_arena_strdup(c->arena, headline) : NULL;
			if (!headline)
				return DYAD_ENOMEM;
			if (!*headline)
				headline = NULL;
		}
		if (!headline)
			headline = c->facts[FACT_TITLE].value;
		if (!headline && c->h1_any) {
			const char *t = flat_text(c, c->h1_any, HTML_MAX_FACT, 0);
			headline = t ? dyad_arena_strdup(c->arena, t) : NULL;
			if (!headline)
				return DYAD_ENOMEM;
		}
		dyad_status st = emit_article(root, clutter, h1, body);
		if (st != DYAD_OK)
			return st;
		if (headline)
			drop_repeated_headline(body, headline);
		if (body->len == 0)
			continue;
		set_fact_str(c, FACT_TITLE, RANK_TITLE_H1, headline);
		if (c->st != DYAD_OK)
			return c->st;
		return compose(c, headline, body, page);
	}
	int n = snprintf(errmsg, DYAD_ERRMSG_MAX, "no article text in the HTML page");
	(void)n;
	return DYAD_EEMPTY;
}

/*
 * Gumbo's tree building is quadratic in the nesting depth (a page of 100 000
 * nested <div>s takes most of a minute), so pages whose container tags open
 * deeper than HTML_MAX_NESTING are refused before parsing. Tags HTML closes
 * by itself (p, li, td...) are not counted, so sloppy real pages pass.
 */
static int nested_too_deep(const char *html, size_t len)
{
	static const char *const containers[] = {
		"div", "span", "section", "article", "table", "ul", "ol", "blockquote",
		"b", "i", "em", "strong", "font", "a", "main", "aside", "nav", "center",
	};
	size_t depth = 0;
	const char *end = html + len;
	for (const char *p = html; p < end; p++) {
		if (*p != '<')
			continue;
		const char *q = p + 1;
		int closing = q < end && *q == '/';
		if (closing)
			q++;
		size_t n = 0;
		while (q + n < end && ((q[n] >= 'a' && q[n] <= 'z') ||
		                       (q[n] >= 'A' && q[n] <= 'Z')))
			n++;
		if (n == 0 || q + n >= end ||
		    !(q[n] == '>' || q[n] == ' ' || q[n] == '\t' || q[n] == '\n' ||
		      q[n] == '/' || q[n] == '\r'))
			continue;
		for (size_t k = 0; k < sizeof containers / sizeof containers[0]; k++) {
			if (strlen(containers[k]) != n || !ascii_istarts(q, n, containers[k]))
				continue;
			if (closing)
				depth -= depth > 0;
			else if (++depth > HTML_MAX_NESTING)
				return 1;
			break;
		}
	}
	return 0;
}

dyad_status dyad__html_reduce(const char *html, size_t len,
                              struct dyad_arena *arena,
                              struct dyad__html_page *page, char *errmsg)
{
	memset(page, 0, sizeof *page);
	struct ctx c;
	memset(&c, 0, sizeof c);
	c.arena = arena;
	for (size_t i = 0; i < N_FACTS; i++)
		c.facts[i].rank = RANK_NONE;
	dyad_buf_init(&c.scratch, 0);
	struct dyad_buf body;
	dyad_buf_init(&body, 0);

	if (nested_too_deep(html, len)) {
		int n = snprintf(errmsg, DYAD_ERRMSG_MAX,
		                 "HTML elements nested more than %d deep",
		                 HTML_MAX_NESTING);
		(void)n;
		return DYAD_EFORMAT;
	}
	GumboOptions options = kGumboDefaultOptions;
	options.max_errors = 0; /* parse errors are the rule on the web: not kept */
	GumboOutput *out = gumbo_parse_with_options(&options, html, len);
	dyad_status st;
	if (!out) {
		st = DYAD_ENOMEM;
	} else {
		st = reduce_tree(&c, out, page, &body, errmsg);
		gumbo_destroy_output(&options, out);
	}
	if (st == DYAD_OK) {
		page->facts.url = c.facts[FACT_URL].value;
		page->facts.title = c.facts[FACT_TITLE].value;
		page->facts.published = c.facts[FACT_PUBLISHED].value;
		page->facts.source = c.facts[FACT_SOURCE].value;
		page->facts.author = c.facts[FACT_AUTHOR].value;
	} else if (st == DYAD_ENOMEM) {
		int n = snprintf(errmsg, DYAD_ERRMSG_MAX, "out of memory");
		(void)n;
	}
	dyad_buf_release(&c.scratch);
	dyad_buf_release(&body);
	return st;
}

/* ---- sniffing ----------------------------------------------------------- */

static const char *skip_space_bom(const char *s, const char *end)
{
	if (end - s >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3;
	while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
		s++;
	return s;
}

int dyad__html_sniff(const char *bytes, size_t len)
{
	static const char *const tags[] = {
		"<p>", "<p ", "</p>", "<div", "</div>", "<br", "<a href", "<span",
		"<h1", "<h2", "<h3", "<li", "<table", "<body", "<head", "<meta",
		"<title", "<script", "<link",
	};
	if (len > DYAD_HTML_SNIFF_SCAN)
		len = DYAD_HTML_SNIFF_SCAN;
	const char *end = bytes + len;
	const char *s = skip_space_bom(bytes, end);
	size_t left = (size_t)(end - s);
	if (ascii_istarts(s, left, "<!doctype html") || ascii_istarts(s, left, "<html"))
		return 1;
	if (ascii_istarts(s, left, "<?xml")) {
		for (const char *p = s; p < end; p++)
			if (ascii_istarts(p, (size_t)(end - p), "<html"))
				return 1;
	}
	size_t n_tags = 0;
	for (const char *p = s; p < end; p++) {
		if (*p != '<')
			continue;
		for (size_t k = 0; k < sizeof tags / sizeof tags[0]; k++)
			if (ascii_istarts(p, (size_t)(end - p), tags[k])) {
				n_tags++;
				break;
			}
	}
	return n_tags >= HTML_SNIFF_MANY_TAGS ||
	       (left > 0 && *s == '<' && n_tags >= HTML_SNIFF_MIN_TAGS);
}

int dyad__html_charset(const char *bytes, size_t len, char *name, size_t cap)
{
	if (cap)
		name[0] = '\0';
	if (len > DYAD_HTML_CHARSET_SCAN)
		len = DYAD_HTML_CHARSET_SCAN;
	static const char key[] = "charset";
	size_t klen = sizeof key - 1;
	for (size_t i = 0; i + klen < len; i++) {
		if (!ascii_istarts(bytes + i, len - i, key))
			continue;
		size_t j = i + klen;
		while (j < len && (bytes[j] == ' ' || bytes[j] == '\t'))
			j++;
		if (j >= len || bytes[j] != '=')
			continue;
		j++;
		while (j < len && (bytes[j] == ' ' || bytes[j] == '"' || bytes[j] == '\''))
			j++;
		size_t w = 0;
		while (j < len && w + 1 < cap && bytes[j] &&
		       strchr(CHARSET_NAME_CHARS, bytes[j]))
			name[w++] = bytes[j++];
		if (cap)
			name[w] = '\0';
		if (w)
			return 1;
	}
	return 0;
}
