/*
 * html_emit.h - writing a subtree of the page as the plain text the extract
 * stage reads: one line per block (paragraph, heading, list item, quote), a
 * blank line between paragraphs, inline white space collapsed, entities
 * decoded (gumbo did that).
 *
 * A heading that nothing follows (the "Related stories" above a list that
 * was pruned, or two headings in a row) is not written: headings belong to
 * the text after them.
 */
#ifndef DYAD_READ_HTML_EMIT_H
#define DYAD_READ_HTML_EMIT_H

#include "core/buf.h"
#include "read/html_tree.h"

/*
 * Append the text of the subtree of node root to out (reset first), leaving
 * out the subtrees marked in drop (may be NULL) and node skip (NONE for
 * none). DYAD_OK, DYAD_ENOMEM.
 */
dyad_status dyad__html_emit(const struct dyad__htree *tree, uint32_t root,
                            const unsigned char *drop, uint32_t skip,
                            struct dyad_buf *out);

/*
 * The text of node i on one line into out (reset first), cut at cap bytes
 * on a character boundary; skipped and hidden elements left out. DYAD_OK or
 * DYAD_ENOMEM; out is NUL-terminated.
 */
dyad_status dyad__html_flat_text(const struct dyad__htree *tree, uint32_t i,
                                 size_t cap, struct dyad_buf *out);

#endif
