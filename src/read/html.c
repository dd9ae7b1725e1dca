/*
 * html.c - dyad__html_reduce(): a page to its article text and facts (see
 * html.h for the modules it runs).
 *
 * The article is found in passes, each trusting less of the page's own
 * labels, and the first whose text is plausible wins:
 *   1. all evidence (tags, roles, microdata, class/id words) chooses the
 *      element and prunes it;
 *   2. the same element pruned by tag semantics and link density only (a
 *      site whose content column is called "main-with-sidebar");
 *   3. the element chosen and pruned by tags alone;
 *   4. the whole body pruned by tags alone.
 * Plausible: the text keeps at least half of the prose the element held (as
 * the evidence of the pass weighs it: comments it pruned did not count), and is not much shorter than an article or than the page's prose (the
 * prose of furniture discounted by its evidence).
 *
 * Gumbo allocates with plain malloc and has no failure path of its own;
 * every walk here is bounded by DYAD_HTML_MAX_DEPTH.
 */
#include "read/html.h"

#include <gumbo.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "kb/meta.h"
#include "read/html_emit.h"
#include "read/html_facts.h"
#include "read/html_prune.h"
#include "read/html_score.h"
#include "read/html_tree.h"

/* A body with this many characters is long enough for an article. */
#define PLAUSIBLE_CHARS 400
/* It must keep this share of the prose of its element (%) ... */
#define PLAUSIBLE_KEEP_PCT 50
/* ... and, when shorter than PLAUSIBLE_CHARS, be this share of the page's. */
#define PLAUSIBLE_PAGE_PCT 25
#define N_PASSES 4
/* The time stamp under a headline is in its first blocks, before the first
 * paragraph this long. */
#define HEAD_MAX_BLOCKS 16
#define HEAD_PARAGRAPH_CHARS 80.0f

struct reduction {
	const struct dyad__htree *tree;
	const struct dyad__html_lexicon *lex;
	struct dyad_arena *arena;
	struct dyad__html_facts *facts;
	struct dyad_buf body;      /* the best text so far */
	struct dyad_buf scratch;
	struct dyad_buf line;      /* for the pruner */
	uint32_t headline;         /* the <h1> written as the headline, or NONE */
	uint32_t root;             /* the element the text comes from */
	int plausible;             /* the text so far is plausible */
	int kept;                  /* it kept the prose of its element */
};

/* The headline: the first <h1> of the article's element, else the first
 * one outside furniture before it that is not a link (a site's logo). */
static uint32_t find_headline(const struct reduction *r, uint32_t root)
{
	const struct dyad__htree *tree = r->tree;
	for (uint32_t k = root; k < tree->nodes[root].end; k++) {
		const struct dyad__hnode *n = &tree->nodes[k];
		if (n->flags & DYAD_HN_SKIP)
			k = n->end - 1;
		else if (n->tag == GUMBO_TAG_H1 && !(n->flags & DYAD_HN_TEXT) && n->chars > 0)
			return k;
	}
	uint32_t h1 = r->facts->first_h1;
	if (h1 != DYAD_HTML_NONE && h1 < root && tree->nodes[h1].chars > 0 &&
	    tree->nodes[h1].link_chars * 2 < tree->nodes[h1].chars)
		return h1;
	return DYAD_HTML_NONE;
}

/* One pass: choose (or take) the element, prune it, write it. */
static dyad_status run_pass(struct reduction *r, int pass)
{
	const struct dyad__htree *tree = r->tree;
	enum dyad__html_evidence_mode choose = pass == 0 || pass == 1
	                                       ? DYAD_HTML_EVIDENCE_ALL : DYAD_HTML_EVIDENCE_TAGS;
	enum dyad__html_evidence_mode prune = pass == 0 ? DYAD_HTML_EVIDENCE_ALL
	                                                : DYAD_HTML_EVIDENCE_TAGS;
	struct dyad__hscores scores;
	dyad_status st = dyad__html_score(tree, r->lex, choose, r->arena, &scores);
	if (st != DYAD_OK)
		return st;
	uint32_t root = pass == 3 ? tree->body : dyad__html_choose_root(tree, &scores, r->arena);
	float page = scores.prose[tree->body]; /* furniture's prose discounted */
	if (prune != choose && (st = dyad__html_score(tree, r->lex, prune, r->arena,
	                                              &scores)) != DYAD_OK)
		return st;
	unsigned char *drop = dyad_arena_calloc(r->arena, tree->n ? tree->n : 1, 1);
	if (!drop)
		return DYAD_ENOMEM;
	dyad__html_prune(tree, r->lex, r->facts->dates, &scores, root, &r->line, drop);
	uint32_t headline = find_headline(r, root);
	if ((st = dyad__html_emit(tree, root, drop, headline, &r->scratch)) != DYAD_OK)
		return st;
	uint32_t got = dyad__html_count_chars(r->scratch.data, r->scratch.len, NULL);
	float held = scores.prose[root]; /* as the pruning evidence weighs it */
	int kept = got > 0 && (float)got * 100 >= held * PLAUSIBLE_KEEP_PCT;
	r->plausible = kept &&
	               (got >= PLAUSIBLE_CHARS || (float)got * 100 >= page * PLAUSIBLE_PAGE_PCT);
	uint32_t best = r->body.len ? dyad__html_count_chars(r->body.data, r->body.len, NULL) : 0;
	if (r->plausible || (kept && !r->kept) || (!r->kept && got > best)) {
		r->kept = kept;
		struct dyad_buf swap = r->body;
		r->body = r->scratch;
		r->scratch = swap;
		r->headline = headline;
		r->root = root;
	}
	return DYAD_OK;
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

static dyad_status compose(struct reduction *r, const char *headline,
                           struct dyad__html_page *page)
{
	const struct dyad_buf *body = &r->body;
	size_t hl = headline ? strlen(headline) : 0;
	char *text = dyad_arena_alloc(r->arena, hl + 2 + body->len + 2);
	if (!text)
		return DYAD_ENOMEM;
	size_t w = 0;
	if (hl) {
		memcpy(text, headline, hl);
		w = hl;
		memcpy(text + w, "\n\n", 2);
		w += 2;
		page->head_lines = 2;
	}
	memcpy(text + w, body->data, body->len);
	w += body->len;
	text[w++] = '\n';
	text[w] = '\0';
	page->text = text;
	page->text_len = w;
	return DYAD_OK;
}

/* The headline's text: the chosen <h1>, else the title fact. */
static const char *headline_text(struct reduction *r)
{
	if (r->headline != DYAD_HTML_NONE) {
		if (dyad__html_flat_text(r->tree, r->headline, DYAD_HTML_MAX_FACT,
		                         &r->scratch) != DYAD_OK)
			return NULL;
		if (r->scratch.len)
			return dyad_arena_strdup(r->arena, r->scratch.data);
	}
	const char *t = r->facts->value[DYAD_HF_TITLE];
	return t ? t : "";
}

/* A time stamp between the headline and the first paragraph of the text:
 * what follows the headline up to the first long block, or a few blocks. */
static dyad_status head_date(struct reduction *r)
{
	const struct dyad__htree *tree = r->tree;
	uint32_t from = r->headline != DYAD_HTML_NONE ? r->headline : r->root;
	uint32_t to = from, blocks = 0;
	while (to < tree->n && blocks < HEAD_MAX_BLOCKS &&
	       dyad__html_prose_value(&tree->nodes[to]) < HEAD_PARAGRAPH_CHARS)
		blocks += (tree->nodes[to++].flags & DYAD_HN_BLOCK) != 0;
	return dyad__html_facts_head_date(r->facts, tree, from, to);
}

static dyad_status find_article(struct reduction *r, struct dyad__html_page *page,
                                char *errmsg)
{
	for (int pass = 0; pass < N_PASSES && !r->plausible; pass++) {
		dyad_status st = run_pass(r, pass);
		if (st != DYAD_OK)
			return st;
	}
	const char *headline = headline_text(r);
	if (!headline || head_date(r) != DYAD_OK)
		return DYAD_ENOMEM;
	if (r->body.len)
		drop_repeated_headline(&r->body, headline);
	if (r->body.len == 0) {
		snprintf(errmsg, DYAD_ERRMSG_MAX, "no article text in the HTML page");
		return DYAD_EEMPTY;
	}
	dyad__html_fact_offer_str(r->facts, DYAD_HF_TITLE, DYAD_RANK_TITLE_H1, headline);
	if (r->facts->st != DYAD_OK)
		return r->facts->st;
	return compose(r, *headline ? headline : NULL, page);
}

static dyad_status reduce_tree(const dyad_engine *engine, const GumboOutput *out,
                               struct dyad_arena *arena, struct dyad__html_page *page,
                               char *errmsg)
{
	const struct dyad__html_lexicon *lex = dyad__html_lexicon(engine);
	struct dyad__htree tree;
	dyad_status st = dyad__htree_build(&tree, out->root, lex, arena);
	if (st != DYAD_OK)
		return st;
	struct dyad__html_facts facts;
	dyad__html_facts_init(&facts, arena, lex, dyad__meta_dates(engine));
	struct reduction r = {&tree, lex, arena, &facts, {0}, {0}, {0}, DYAD_HTML_NONE, 0, 0, 0};
	dyad_buf_init(&r.body, 0);
	dyad_buf_init(&r.scratch, 0);
	dyad_buf_init(&r.line, 0);
	st = dyad__html_facts_collect(&facts, &tree);
	if (st == DYAD_OK)
		st = find_article(&r, page, errmsg);
	if (st == DYAD_OK) {
		page->facts.url = facts.value[DYAD_HF_URL];
		page->facts.title = facts.value[DYAD_HF_TITLE];
		page->facts.published = facts.value[DYAD_HF_PUBLISHED];
		page->facts.source = facts.value[DYAD_HF_SOURCE];
		page->facts.author = facts.value[DYAD_HF_AUTHOR];
	}
	dyad_buf_release(&r.body);
	dyad_buf_release(&r.scratch);
	dyad_buf_release(&r.line);
	dyad__html_facts_release(&facts);
	return st;
}

dyad_status dyad__html_reduce(const dyad_engine *engine, const char *html,
                              size_t len, struct dyad_arena *arena,
                              struct dyad__html_page *page, char *errmsg)
{
	memset(page, 0, sizeof *page);
	if (dyad__html_nested_too_deep(html, len)) {
		snprintf(errmsg, DYAD_ERRMSG_MAX, "HTML elements nested more than %d deep",
		         DYAD_HTML_MAX_NESTING);
		return DYAD_EFORMAT;
	}
	GumboOptions options = kGumboDefaultOptions;
	options.max_errors = 0; /* parse errors are the rule on the web: not kept */
	GumboOutput *out = gumbo_parse_with_options(&options, html, len);
	if (!out) {
		snprintf(errmsg, DYAD_ERRMSG_MAX, "out of memory");
		return DYAD_ENOMEM;
	}
	dyad_status st = reduce_tree(engine, out, arena, page, errmsg);
	gumbo_destroy_output(&options, out);
	if (st == DYAD_ENOMEM)
		snprintf(errmsg, DYAD_ERRMSG_MAX, "out of memory");
	return st;
}
