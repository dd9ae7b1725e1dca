/*
 * html_facts.c - offering and cleaning facts, and the walk over the page
 * that finds them in meta tags, <link>, <time>, microdata and bylines (see
 * html_facts.h).
 */
#include "read/html_facts.h"

#include <string.h>

#include "kb/date_norm.h"
#include "kb/byline.h"
#include "read/html_emit.h"

/* Elements under an ancestor at or below this evidence (navigation, comment
 * areas) give no <time>, byline or headline: they belong to other stories. */
#define FACTS_FURNITURE_EVIDENCE (-80)
/* A "date" element with more text than this is not a time stamp. */
#define DATE_TEXT_MAX 80
#define ISO_MAX 40
#define CLASS_SCAN 256

void dyad__html_facts_init(struct dyad__html_facts *f, struct dyad_arena *arena,
                           const struct dyad__html_lexicon *lex,
                           const struct dyad__date_lexicon *dates)
{
	memset(f, 0, sizeof *f);
	f->arena = arena;
	f->lex = lex;
	f->dates = dates;
	f->first_h1 = DYAD_HTML_NONE;
	for (size_t i = 0; i < DYAD_HF_N; i++)
		f->rank[i] = DYAD_RANK_NONE;
	dyad_buf_init(&f->scratch, 0);
}

void dyad__html_facts_release(struct dyad__html_facts *f)
{
	dyad_buf_release(&f->scratch);
}

static int looks_like_url(const char *s, size_t len)
{
	return dyad__html_istarts(s, len, "http://") || dyad__html_istarts(s, len, "https://") ||
	       dyad__html_istarts(s, len, "//") || dyad__html_istarts(s, len, "www.");
}

/* The length of (s, n) without a character cut short at its end. */
static size_t whole_chars(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	size_t k = n - 1;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	unsigned char lead = (unsigned char)s[k];
	size_t need = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	return k + need > n ? k : n;
}

/* (s, len) with white space collapsed and trimmed, at most
 * DYAD_HTML_MAX_FACT bytes, into the arena; NULL on out of memory. */
static char *collapse(struct dyad__html_facts *f, const char *s, size_t len, size_t *out_len)
{
	size_t cap = len < DYAD_HTML_MAX_FACT ? len : DYAD_HTML_MAX_FACT;
	char *v = dyad_arena_alloc(f->arena, cap + 1);
	if (!v) {
		f->st = DYAD_ENOMEM;
		return NULL;
	}
	size_t w = 0;
	int space = 0;
	for (size_t i = 0; i < len && w < cap; i++) {
		unsigned char c = (unsigned char)s[i];
		int sp = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
		         (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0);
		if (sp) {
			i += c == 0xC2;
			space = w > 0;
			continue;
		}
		if (space && w + 1 < cap)
			v[w++] = ' ';
		space = 0;
		v[w++] = (char)c;
	}
	w = whole_chars(v, w);
	v[w] = '\0';
	*out_len = w;
	return v;
}

/* The value fact id keeps of v (w bytes, arena): cleaned, or NULL. */
static char *clean(struct dyad__html_facts *f, enum dyad__html_fact id, char *v, size_t w)
{
	if (id == DYAD_HF_PUBLISHED) {
		char iso[ISO_MAX];
		size_t n = dyad__date_normalise(v, w, f->dates, iso, sizeof iso);
		return n ? dyad_arena_strndup(f->arena, iso, n) : NULL;
	}
	if ((id == DYAD_HF_AUTHOR || id == DYAD_HF_SOURCE) && looks_like_url(v, w))
		return NULL;
	if (id == DYAD_HF_AUTHOR) {
		char *names = dyad_arena_alloc(f->arena, w + 1);
		if (!names)
			return NULL;
		size_t n = dyad__byline_clean(f->lex, f->dates, f->value[DYAD_HF_SOURCE],
		                                   v, w, names, w + 1);
		return n ? names : NULL;
	}
	return v;
}

void dyad__html_fact_offer(struct dyad__html_facts *f, enum dyad__html_fact id,
                           int rank, const char *s, size_t len)
{
	if (!s || rank >= f->rank[id] || f->st != DYAD_OK)
		return;
	size_t w;
	char *v = collapse(f, s, len, &w);
	if (!v || w == 0)
		return;
	char *kept = clean(f, id, v, w);
	if (!kept)
		return;
	f->value[id] = kept;
	f->rank[id] = rank;
}

void dyad__html_fact_offer_str(struct dyad__html_facts *f, enum dyad__html_fact id,
                               int rank, const char *s)
{
	if (s)
		dyad__html_fact_offer(f, id, rank, s, strlen(s));
}

/* The text of node i as a fact, when it is at most cap bytes. */
static void offer_text(struct dyad__html_facts *f, const struct dyad__htree *tree,
                       enum dyad__html_fact id, int rank, uint32_t i, size_t cap)
{
	if (rank >= f->rank[id] || f->st != DYAD_OK)
		return;
	if (dyad__html_flat_text(tree, i, cap + 1, &f->scratch) != DYAD_OK) {
		f->st = DYAD_ENOMEM;
		return;
	}
	if (f->scratch.len > cap)
		return;
	char *copy = dyad_arena_strndup(f->arena, f->scratch.data, f->scratch.len);
	if (!copy) {
		f->st = DYAD_ENOMEM;
		return;
	}
	dyad__html_fact_offer(f, id, rank, copy, strlen(copy));
}

/* The own text of block i (not its nested blocks') as a date. */
static void offer_own_text(struct dyad__html_facts *f, const struct dyad__htree *tree,
                           uint32_t i)
{
	dyad_buf_reset(&f->scratch);
	for (uint32_t k = i + 1; k < tree->nodes[i].end; k++) {
		const struct dyad__hnode *n = &tree->nodes[k];
		if (n->flags & DYAD_HN_SKIP)
			k = n->end - 1;
		else if ((n->flags & DYAD_HN_TEXT) && n->block == i &&
		         (dyad_buf_puts(&f->scratch, n->g->v.text.text) != DYAD_OK ||
		          dyad_buf_putc(&f->scratch, ' ') != DYAD_OK)) {
			f->st = DYAD_ENOMEM;
			return;
		}
	}
	if (!f->scratch.len)
		return;
	char *copy = dyad_arena_strndup(f->arena, f->scratch.data, f->scratch.len);
	if (!copy)
		f->st = DYAD_ENOMEM;
	else
		dyad__html_fact_offer(f, DYAD_HF_PUBLISHED, DYAD_RANK_PUB_HEAD, copy, strlen(copy));
}

static const struct {
	const char *key; /* meta name or property */
	enum dyad__html_fact fact;
	int rank;
} meta_map[] = {
	{"og:title", DYAD_HF_TITLE, DYAD_RANK_TITLE_OG},
	{"twitter:title", DYAD_HF_TITLE, DYAD_RANK_TITLE_TWITTER},
	{"article:published_time", DYAD_HF_PUBLISHED, DYAD_RANK_PUB_ARTICLE},
	{"article:published", DYAD_HF_PUBLISHED, DYAD_RANK_PUB_ARTICLE},
	{"og:published_time", DYAD_HF_PUBLISHED, DYAD_RANK_PUB_OG},
	{"og:article:published_time", DYAD_HF_PUBLISHED, DYAD_RANK_PUB_OG},
	{"pubdate", DYAD_HF_PUBLISHED, DYAD_RANK_PUB_META},
	{"publishdate", DYAD_HF_PUBLISHED, DYAD_RANK_PUB_META},
	{"publish-date", DYAD_HF_PUBLISHED, DYAD_RANK_PUB_META},
	{"publish_date", DYAD_HF_PUBLISHED, DYAD_RANK_PUB_META},
	{"pub_date", DYAD_HF_PUBLISHED, DYAD_RANK_PUB_META},
	{"publication_date", DYAD_HF_PUBLISHED, DYAD_RANK_PUB_META},
	{"date_published", DYAD_HF_PUBLISHED, DYAD_RANK_PUB_META},
	{"datepublished", DYAD_HF_PUBLISHED, DYAD_RANK_PUB_META},
	{"date", DYAD_HF_PUBLISHED, DYAD_RANK_PUB_META},
	{"dc.date", DYAD_HF_PUBLISHED, DYAD_RANK_PUB_META},
	{"dc.date.issued", DYAD_HF_PUBLISHED, DYAD_RANK_PUB_META},
	{"dc.date.created", DYAD_HF_PUBLISHED, DYAD_RANK_PUB_META},
	{"dcterms.created", DYAD_HF_PUBLISHED, DYAD_RANK_PUB_META},
	{"dcterms.issued", DYAD_HF_PUBLISHED, DYAD_RANK_PUB_META},
	{"dcterms.date", DYAD_HF_PUBLISHED, DYAD_RANK_PUB_META},
	{"sailthru.date", DYAD_HF_PUBLISHED, DYAD_RANK_PUB_META},
	{"parsely-pub-date", DYAD_HF_PUBLISHED, DYAD_RANK_PUB_META},
	{"og:site_name", DYAD_HF_SOURCE, DYAD_RANK_SOURCE_OG},
	{"publisher", DYAD_HF_SOURCE, DYAD_RANK_SOURCE_META},
	{"article:publisher", DYAD_HF_SOURCE, DYAD_RANK_SOURCE_META},
	{"author", DYAD_HF_AUTHOR, DYAD_RANK_AUTHOR_META},
	{"article:author", DYAD_HF_AUTHOR, DYAD_RANK_AUTHOR_OTHER_META},
	{"dc.creator", DYAD_HF_AUTHOR, DYAD_RANK_AUTHOR_OTHER_META},
	{"sailthru.author", DYAD_HF_AUTHOR, DYAD_RANK_AUTHOR_OTHER_META},
	{"parsely-author", DYAD_HF_AUTHOR, DYAD_RANK_AUTHOR_OTHER_META},
	{"byl", DYAD_HF_AUTHOR, DYAD_RANK_AUTHOR_OTHER_META},
	{"og:url", DYAD_HF_URL, DYAD_RANK_URL_OG},
};

static void meta_fact(struct dyad__html_facts *f, const struct dyad__htree *tree,
                      uint32_t i)
{
	const char *content = dyad__hnode_attr(tree, i, "content");
	if (!content)
		return;
	const char *keys[] = {dyad__hnode_attr(tree, i, "property"),
	                      dyad__hnode_attr(tree, i, "name")};
	for (size_t k = 0; k < 2; k++)
		for (size_t m = 0; keys[k] && m < sizeof meta_map / sizeof meta_map[0]; m++)
			if (dyad__html_ieq(keys[k], meta_map[m].key))
				dyad__html_fact_offer_str(f, meta_map[m].fact, meta_map[m].rank, content);
}

/* The first element under i (i included) whose itemprop is prop. */
static uint32_t find_itemprop(const struct dyad__htree *tree, uint32_t i, const char *prop)
{
	for (uint32_t k = i; k < tree->nodes[i].end; k++) {
		const char *v = dyad__hnode_attr(tree, k, "itemprop");
		if (v && dyad__html_ieq(v, prop))
			return k;
	}
	return DYAD_HTML_NONE;
}

static void itemprop_fact(struct dyad__html_facts *f, const struct dyad__htree *tree,
                          uint32_t i, const char *prop)
{
	const char *content = dyad__hnode_attr(tree, i, "content");
	if (dyad__html_ieq(prop, "datePublished")) {
		const char *v = content ? content : dyad__hnode_attr(tree, i, "datetime");
		if (v)
			dyad__html_fact_offer_str(f, DYAD_HF_PUBLISHED, DYAD_RANK_PUB_ITEMPROP, v);
		else
			offer_text(f, tree, DYAD_HF_PUBLISHED, DYAD_RANK_PUB_ITEMPROP, i, DATE_TEXT_MAX);
	} else if (dyad__html_ieq(prop, "author") || dyad__html_ieq(prop, "creator")) {
		uint32_t name = find_itemprop(tree, i + 1 < tree->nodes[i].end ? i + 1 : i, "name");
		if (name != DYAD_HTML_NONE && name >= tree->nodes[i].end)
			name = DYAD_HTML_NONE;
		const char *name_content = name != DYAD_HTML_NONE
		                           ? dyad__hnode_attr(tree, name, "content") : NULL;
		if (content)
			dyad__html_fact_offer_str(f, DYAD_HF_AUTHOR, DYAD_RANK_AUTHOR_ITEMPROP, content);
		else if (name_content)
			dyad__html_fact_offer_str(f, DYAD_HF_AUTHOR, DYAD_RANK_AUTHOR_ITEMPROP,
			                          name_content);
		else
			offer_text(f, tree, DYAD_HF_AUTHOR, DYAD_RANK_AUTHOR_ITEMPROP,
			           name != DYAD_HTML_NONE ? name : i, DYAD_HTML_MAX_BYLINE);
	}
}

/* 1 when the class or id of node i contains word (lower case). */
static int class_mentions(const struct dyad__htree *tree, uint32_t i, const char *word)
{
	const char *names[] = {"class", "id"};
	for (size_t k = 0; k < 2; k++) {
		const char *v = dyad__hnode_attr(tree, i, names[k]);
		if (!v)
			continue;
		char low[CLASS_SCAN];
		size_t n = 0;
		for (; v[n] && n + 1 < sizeof low; n++)
			low[n] = (char)(v[n] >= 'A' && v[n] <= 'Z' ? v[n] + 32 : v[n]);
		low[n] = '\0';
		if (strstr(low, word))
			return 1;
	}
	return 0;
}

/* <title> as written (its text is never article text, so the tree skips it). */
static void title_tag(struct dyad__html_facts *f, const struct dyad__htree *tree, uint32_t i)
{
	dyad_buf_reset(&f->scratch);
	for (uint32_t k = i + 1; k < tree->nodes[i].end; k++)
		if (tree->nodes[k].flags & DYAD_HN_TEXT)
			dyad_buf_puts(&f->scratch, tree->nodes[k].g->v.text.text);
	size_t w;
	char *t = f->scratch.error == DYAD_OK
	          ? collapse(f, f->scratch.data ? f->scratch.data : "", f->scratch.len, &w) : NULL;
	if (!t)
		f->st = DYAD_ENOMEM;
	else
		f->title_tag = t;
}

/* Facts of one element; *furniture is set for what it says of its subtree. */
static void element_facts(struct dyad__html_facts *f, const struct dyad__htree *tree,
                          uint32_t i, int furniture)
{
	const char *v;
	switch ((GumboTag)tree->nodes[i].tag) {
	case GUMBO_TAG_META:
		meta_fact(f, tree, i);
		break;
	case GUMBO_TAG_LINK:
		v = dyad__hnode_attr(tree, i, "rel");
		if (v && dyad__html_ieq(v, "canonical"))
			dyad__html_fact_offer_str(f, DYAD_HF_URL, DYAD_RANK_URL_CANONICAL,
			                          dyad__hnode_attr(tree, i, "href"));
		return;
	case GUMBO_TAG_TITLE:
		if (!f->title_tag)
			title_tag(f, tree, i);
		return;
	case GUMBO_TAG_SCRIPT:
		v = dyad__hnode_attr(tree, i, "type");
		if (v && dyad__html_ieq(v, "application/ld+json"))
			dyad__html_jsonld(f, tree, i);
		return;
	case GUMBO_TAG_TIME:
		v = dyad__hnode_attr(tree, i, "datetime");
		if (v && !furniture)
			dyad__html_fact_offer_str(f, DYAD_HF_PUBLISHED,
			                          dyad__hnode_attr(tree, i, "pubdate")
			                          ? DYAD_RANK_PUB_TIME_PUBDATE : DYAD_RANK_PUB_TIME, v);
		break;
	case GUMBO_TAG_A:
		v = dyad__hnode_attr(tree, i, "rel");
		if (v && !furniture && dyad__html_ieq(v, "author"))
			offer_text(f, tree, DYAD_HF_AUTHOR, DYAD_RANK_AUTHOR_REL, i, DYAD_HTML_MAX_BYLINE);
		break;
	case GUMBO_TAG_H1:
		if (!furniture && f->first_h1 == DYAD_HTML_NONE)
			f->first_h1 = i;
		break;
	default:
		break;
	}
	v = dyad__hnode_attr(tree, i, "itemprop");
	if (v)
		itemprop_fact(f, tree, i, v);
	if (furniture)
		return;
	if (class_mentions(tree, i, "byline") || class_mentions(tree, i, "author"))
		offer_text(f, tree, DYAD_HF_AUTHOR, DYAD_RANK_AUTHOR_BYLINE, i, DYAD_HTML_MAX_BYLINE);
	if (class_mentions(tree, i, "date") || class_mentions(tree, i, "time"))
		offer_text(f, tree, DYAD_HF_PUBLISHED, DYAD_RANK_PUB_TEXT, i, DATE_TEXT_MAX);
}

/* A title that only names the site is a navigation line, not a headline. */
static void drop_site_title(struct dyad__html_facts *f)
{
	const char *t = f->value[DYAD_HF_TITLE], *site = f->value[DYAD_HF_SOURCE];
	if (t && site && dyad__html_same_letters(t, site)) {
		f->value[DYAD_HF_TITLE] = NULL;
		f->rank[DYAD_HF_TITLE] = DYAD_RANK_NONE;
	}
}

dyad_status dyad__html_facts_collect(struct dyad__html_facts *f,
                                     const struct dyad__htree *tree)
{
	/* furniture[d]: an element at depth < d on the current path is furniture */
	unsigned char furniture[DYAD_HTML_MAX_DEPTH + 3] = {0}; /* flattened nodes
	                                                           are at MAX_DEPTH + 1 */
	for (uint32_t i = 0; i < tree->n && f->st == DYAD_OK; i++) {
		const struct dyad__hnode *node = &tree->nodes[i];
		if (node->flags & DYAD_HN_TEXT)
			continue;
		int in_furniture = furniture[node->depth];
		int self = in_furniture || node->evidence <= FACTS_FURNITURE_EVIDENCE;
		furniture[node->depth + 1] = (unsigned char)self;
		element_facts(f, tree, i, in_furniture);
	}
	if (f->st != DYAD_OK)
		return f->st;
	drop_site_title(f);
	char *title = f->value[DYAD_HF_TITLE];
	if (title) {
		size_t start = 0, len = strlen(title);
		dyad__html_title_strip(f->value[DYAD_HF_SOURCE], f->value[DYAD_HF_URL], title, 0,
		                       &start, &len);
		title[start + len] = '\0';
		f->value[DYAD_HF_TITLE] = title + start;
	}
	if (f->title_tag) {
		size_t start = 0, len = strlen(f->title_tag);
		dyad__html_title_strip(f->value[DYAD_HF_SOURCE], f->value[DYAD_HF_URL],
		                       f->title_tag, 1, &start, &len);
		dyad__html_fact_offer(f, DYAD_HF_TITLE, DYAD_RANK_TITLE_TAG, f->title_tag + start, len);
	}
	char iso[ISO_MAX];
	size_t n = dyad__date_from_url(f->value[DYAD_HF_URL], iso, sizeof iso);
	if (n)
		dyad__html_fact_offer(f, DYAD_HF_PUBLISHED, DYAD_RANK_PUB_URL, iso, n);
	return f->st;
}

dyad_status dyad__html_facts_head_date(struct dyad__html_facts *f,
                                       const struct dyad__htree *tree,
                                       uint32_t from, uint32_t to)
{
	for (uint32_t i = from; i < to && i < tree->n; i++) {
		if (f->rank[DYAD_HF_PUBLISHED] <= DYAD_RANK_PUB_HEAD || f->st != DYAD_OK)
			break;
		const struct dyad__hnode *n = &tree->nodes[i];
		if (n->flags & DYAD_HN_SKIP) {
			i = n->end - 1;
			continue;
		}
		if ((n->flags & DYAD_HN_BLOCK) && n->own_chars > 0 && n->own_chars <= DATE_TEXT_MAX &&
		    !(n->flags & DYAD_HN_HEADING))
			offer_own_text(f, tree, i);
	}
	return f->st;
}
