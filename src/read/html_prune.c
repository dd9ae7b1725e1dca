/*
 * html_prune.c - the furniture inside the article's element (see
 * html_prune.h).
 */
#include "read/html_prune.h"

#include <string.h>

#include "read/html_emit.h"
#include "read/html_facts.h"

/* Block elements at or below this evidence are furniture ... */
#define PRUNE_BLOCK_EVIDENCE (-30)
/* ... and inline ones at or below this (a "caption" span, "sr-only" text). */
#define PRUNE_INLINE_EVIDENCE (-80)
/* Nothing holding this share of the article's prose is furniture. */
#define PROTECT_SHARE 0.5f
/* A block whose text is more than this share of link text is a link list. */
#define LINK_DENSE_PCT 50
/* Teasers: at least this many look-alike siblings ... */
#define TEASER_MIN_RUN 3
/* ... each leading with a link that is at least this share of its text ... */
#define TEASER_MIN_LINK_PCT 20
/* ... and shorter than this (characters). */
#define TEASER_MAX_CHARS 600
/* A block this short (characters; bytes of its text) may be a stamp line. */
#define STAMP_MAX_CHARS 80
#define STAMP_MAX_BYTES 400
/* Siblings compared for look-alikes. */
#define TEASER_MAX_SIBLINGS 128

struct pruner {
	const struct dyad__htree *tree;
	const struct dyad__html_lexicon *lex;
	const struct dyad__date_lexicon *dates;
	struct dyad_buf *scratch;
	const struct dyad__hscores *scores;
	uint32_t root;
	float root_prose;
	unsigned char *drop;
};

static float down_mult(const struct pruner *p, uint32_t i)
{
	return p->scores->mult[i] < 1.0f ? p->scores->mult[i] : 1.0f;
}

/*
 * 1 when element i holds at least PROTECT_SHARE of the article's prose as
 * the root sees it; with alike, together with its look-alike siblings (the
 * chunks an article is cut into share a class, and the class that misleads
 * about one misleads about all).
 */
static int protected_node(const struct pruner *p, uint32_t i, int alike)
{
	const struct dyad__htree *tree = p->tree;
	uint32_t up = tree->nodes[i].parent;
	if (up == DYAD_HTML_NONE || i == p->root)
		return 1;
	float seen = 0;
	for (uint32_t c = up + 1; c < tree->nodes[up].end; c = tree->nodes[c].end)
		if (c == i || (alike && dyad__hnode_same_look(tree, c, i)))
			seen += down_mult(p, c) * p->scores->prose[c];
	return p->root_prose > 0 && seen >= PROTECT_SHARE * p->root_prose;
}

static int link_dense(const struct dyad__hnode *node)
{
	return (node->flags & DYAD_HN_BLOCK) && node->chars > 0 &&
	       node->link_chars * 100 > node->chars * LINK_DENSE_PCT;
}

/* A short block (or an inline element whose evidence leans to furniture:
 * a "timestamp" span) that is only a time stamp or a byline. */
static int stamp(const struct pruner *p, uint32_t i, int evidence)
{
	const struct dyad__hnode *node = &p->tree->nodes[i];
	if ((!(node->flags & DYAD_HN_BLOCK) && evidence > PRUNE_BLOCK_EVIDENCE) ||
	    node->chars == 0 || node->chars > STAMP_MAX_CHARS ||
	    dyad__html_flat_text(p->tree, i, STAMP_MAX_BYTES, p->scratch) != DYAD_OK)
		return 0;
	return dyad__html_stamp_line(p->lex, p->dates, p->scratch->data, p->scratch->len);
}

static int furniture(const struct pruner *p, uint32_t i)
{
	const struct dyad__hnode *node = &p->tree->nodes[i];
	if (node->flags & DYAD_HN_SKIP)
		return 1;
	if (node->flags & DYAD_HN_TEXT)
		return 0;
	int ev = dyad__html_node_evidence(p->tree, p->lex, i, p->scores->mode);
	int limit = node->flags & DYAD_HN_BLOCK ? PRUNE_BLOCK_EVIDENCE : PRUNE_INLINE_EVIDENCE;
	if (ev <= limit)
		return !protected_node(p, i, 1);
	return (link_dense(node) || stamp(p, i, ev)) && !protected_node(p, i, 0);
}

/* 1 when the first text under element i is link text. */
static int leads_with_link(const struct dyad__htree *tree, uint32_t i)
{
	for (uint32_t k = i + 1; k < tree->nodes[i].end; k++) {
		const struct dyad__hnode *n = &tree->nodes[k];
		if (n->flags & DYAD_HN_SKIP) {
			k = n->end - 1;
			continue;
		}
		if ((n->flags & DYAD_HN_TEXT) && n->own_chars > 0)
			return (n->flags & DYAD_HN_IN_LINK) != 0;
	}
	return 0;
}

/* 1 when element i holds what a story's teaser has besides its link: a
 * picture, a heading or a time stamp. */
static int has_teaser_parts(const struct dyad__htree *tree, uint32_t i)
{
	for (uint32_t k = i + 1; k < tree->nodes[i].end; k++) {
		GumboTag tag = (GumboTag)tree->nodes[k].tag;
		if (tree->nodes[k].flags & DYAD_HN_TEXT)
			continue;
		if (tag == GUMBO_TAG_IMG || tag == GUMBO_TAG_TIME ||
		    (tree->nodes[k].flags & DYAD_HN_HEADING))
			return 1;
	}
	return 0;
}

/* A teaser: short, led by a link that is a fair share of it, with a picture,
 * a heading or a time stamp. A list item that starts with a link and goes on
 * in prose is article text (a digest of the day's news). */
static int teaser_like(const struct dyad__htree *tree, uint32_t i)
{
	const struct dyad__hnode *n = &tree->nodes[i];
	if (!(n->flags & DYAD_HN_BLOCK) || n->tag == GUMBO_TAG_P || n->chars == 0 ||
	    n->chars >= TEASER_MAX_CHARS ||
	    n->link_chars * 100 < n->chars * TEASER_MIN_LINK_PCT || !leads_with_link(tree, i))
		return 0;
	return has_teaser_parts(tree, i);
}

/* Drop the runs of look-alike teaser children of element i. */
static void drop_teasers(struct pruner *p, uint32_t i)
{
	const struct dyad__htree *tree = p->tree;
	uint32_t kids[TEASER_MAX_SIBLINGS];
	size_t n = 0;
	for (uint32_t k = i + 1; k < tree->nodes[i].end && n < TEASER_MAX_SIBLINGS;
	     k = tree->nodes[k].end)
		if (!(tree->nodes[k].flags & DYAD_HN_TEXT) && tree->nodes[k].chars > 0 &&
		    !p->drop[k] && teaser_like(tree, k))
			kids[n++] = k;
	if (n < TEASER_MIN_RUN)
		return;
	for (size_t a = 0; a < n; a++) {
		size_t run = 0;
		for (size_t b = 0; b < n; b++)
			run += (size_t)dyad__hnode_same_look(tree, kids[a], kids[b]);
		if (run >= TEASER_MIN_RUN && !protected_node(p, kids[a], 0))
			p->drop[kids[a]] = 1;
	}
}

void dyad__html_prune(const struct dyad__htree *tree,
                      const struct dyad__html_lexicon *lex,
                      const struct dyad__date_lexicon *dates,
                      const struct dyad__hscores *scores, uint32_t root,
                      struct dyad_buf *scratch, unsigned char *drop)
{
	struct pruner p = {tree, lex, dates, scratch, scores, root, scores->prose[root], drop};
	uint32_t end = tree->nodes[root].end;
	for (uint32_t i = root; i < end;) {
		if (i != root && (drop[i] || furniture(&p, i))) {
			drop[i] = 1;
			i = tree->nodes[i].end;
			continue;
		}
		if (!(tree->nodes[i].flags & DYAD_HN_TEXT))
			drop_teasers(&p, i);
		i++;
	}
}
