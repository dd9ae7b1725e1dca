/*
 * html_prune.h - taking the furniture out of the element chosen as the
 * article: what is left is what html_emit.c writes.
 *
 * Inside the chosen element, a subtree goes when
 *   - its tag never holds text (scripts, forms' controls, media);
 *   - its evidence says furniture (navigation, share bars, captions, bylines,
 *     consent banners, comment areas, ads, hidden) - unless it holds most of
 *     the article's prose, which no piece of furniture does;
 *   - it is a block made mostly of link text (lists of links, "Read more");
 *   - it is a short block that only says when or by whom (a time stamp, a
 *     byline: html_stamp.c);
 *   - it is one of a run of three or more look-alike siblings that each lead
 *     with a link and show a picture, a heading or a time (teasers of other
 *     stories).
 */
#ifndef DYAD_READ_HTML_PRUNE_H
#define DYAD_READ_HTML_PRUNE_H

#include "core/buf.h"
#include "read/html_score.h"

struct dyad__date_lexicon;

/*
 * Mark in drop[] (one byte per node of tree, zeroed by the caller) the
 * subtrees of root to leave out. lex and dates (the engine's date words)
 * may be NULL; scratch is a buffer to work in.
 */
void dyad__html_prune(const struct dyad__htree *tree,
                      const struct dyad__html_lexicon *lex,
                      const struct dyad__date_lexicon *dates,
                      const struct dyad__hscores *scores, uint32_t root,
                      struct dyad_buf *scratch, unsigned char *drop);

#endif
