/*
 * html_score.h - weighing a page's blocks and choosing the element that
 * holds the article.
 *
 * Every block's own text is either prose (long enough, punctuated, mostly
 * not link text) or furniture ("junk": link text and short lines). Each
 * element's evidence (html_evidence.h) becomes a multiplier on what its
 * subtree is worth to the elements above it: prose under a "comments" or
 * "sidebar" element counts little higher up, but an element still sees its
 * own subtree at full value, so a misleading class on a wrapper can only
 * push the choice inside the wrapper, never drop the article.
 *
 * The choice: the block element where prose concentrates (its own text,
 * its children's, and less of its grandchildren's, times one minus its link
 * density), then up to the ancestor where prose minus furniture is highest
 * - the rest of an article that an ad or a photo split in two comes back,
 * the sidebar and the list of other stories do not.
 */
#ifndef DYAD_READ_HTML_SCORE_H
#define DYAD_READ_HTML_SCORE_H

#include "read/html_tree.h"

enum dyad__html_evidence_mode {
	DYAD_HTML_EVIDENCE_ALL = 0, /* tags, roles, microdata, class and id words */
	DYAD_HTML_EVIDENCE_TAGS,    /* tags and hidden elements only */
};

struct dyad__hscores {
	float *mult;  /* per node: what its evidence multiplies its subtree by */
	float *prose; /* prose in the subtree, as the node itself sees it */
	float *junk;  /* furniture in the subtree, the same way */
	enum dyad__html_evidence_mode mode;
};

/* The evidence of node i under the mode. */
int dyad__html_node_evidence(const struct dyad__htree *tree,
                             const struct dyad__html_lexicon *lex, uint32_t i,
                             enum dyad__html_evidence_mode mode);

/* The prose value of block element i's own text (0 when it is not prose). */
float dyad__html_prose_value(const struct dyad__hnode *node);

/*
 * Weigh every node of tree (arrays in arena). DYAD_OK or DYAD_ENOMEM.
 */
dyad_status dyad__html_score(const struct dyad__htree *tree,
                             const struct dyad__html_lexicon *lex,
                             enum dyad__html_evidence_mode mode,
                             struct dyad_arena *arena, struct dyad__hscores *out);

/* The element that holds the article; tree->body when no block is prose. */
uint32_t dyad__html_choose_root(const struct dyad__htree *tree,
                                const struct dyad__hscores *scores,
                                struct dyad_arena *arena);

#endif
