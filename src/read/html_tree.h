/*
 * html_tree.h - gumbo's tree as one flat array in document order, with the
 * counts the extractor weighs.
 *
 * Gumbo's nodes cannot carry data of ours, so the page is copied once into
 * an array of struct dyad__hnode in pre-order: a node's subtree is the range
 * [i, end), its first child is i + 1, its next sibling is at its end. Every
 * later walk (facts, scoring, pruning, writing) is a loop over that array.
 *
 * Counts are in characters (code points) that are not white space, so that
 * a Russian or Chinese page weighs the same as an English one. A block
 * element's "own" text is the inline text that is its own (not inside a
 * nested block): the unit a reader sees as one paragraph or line.
 */
#ifndef DYAD_READ_HTML_TREE_H
#define DYAD_READ_HTML_TREE_H

#include <gumbo.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "dyad.h"
#include "kb/html.h"

/* Elements deeper than this are flattened: their text and their block
 * elements hang from the deepest element kept, one level below it. */
#define DYAD_HTML_MAX_DEPTH 400
#define DYAD_HTML_NONE UINT32_MAX
/* Evidence given to a hidden element (hidden, aria-hidden, display:none). */
#define DYAD_HTML_HIDDEN_EVIDENCE (-DYAD_HTML_EVIDENCE_MAX)

enum dyad__hnode_flags {
	DYAD_HN_TEXT = 1 << 0,    /* a text node; else an element */
	DYAD_HN_BLOCK = 1 << 1,   /* a block element: its text starts a line */
	DYAD_HN_SKIP = 1 << 2,    /* never article text, or inside such an element */
	DYAD_HN_IN_LINK = 1 << 3, /* an <a href>, or inside one */
	DYAD_HN_HEADING = 1 << 4, /* h1..h6 */
	DYAD_HN_HIDDEN = 1 << 5,  /* hidden by an attribute or an inline style */
	DYAD_HN_SPACE = 1 << 6,   /* a text node of white space only */
};

struct dyad__hnode {
	const GumboNode *g;
	uint32_t parent;     /* DYAD_HTML_NONE for the root */
	uint32_t end;        /* one past the last node of the subtree */
	uint32_t block;      /* nearest block element at or above; NONE above body */
	uint16_t tag;        /* GumboTag; GUMBO_TAG_UNKNOWN for text */
	uint16_t flags;      /* enum dyad__hnode_flags */
	int16_t evidence;    /* what the element says of itself (html_evidence.h) */
	uint16_t depth;
	uint32_t own_chars;  /* own text (block elements; text nodes: their own) */
	uint32_t own_link;   /* of which inside links */
	uint32_t own_punct;  /* sentence punctuation in the own text */
	uint32_t chars;      /* text in the subtree, skipped elements left out */
	uint32_t link_chars; /* of which inside links */
	uint32_t n_links;    /* <a href> elements in the subtree */
};

struct dyad__htree {
	struct dyad__hnode *nodes; /* in the arena */
	uint32_t n;
	uint32_t body;             /* the <body>, else the root */
};

/*
 * Copy gumbo's tree under root into *tree (arena memory, valid as long as
 * the arena and gumbo's output), weighing each element with lex (NULL:
 * structure only). DYAD_OK or DYAD_ENOMEM.
 */
dyad_status dyad__htree_build(struct dyad__htree *tree, const GumboNode *root,
                              const struct dyad__html_lexicon *lex,
                              struct dyad_arena *arena);

/* 1 for the elements whose text starts a line of its own. */
int dyad__html_is_block(GumboTag tag);

/* The value of attribute name of element node i, or NULL. */
const char *dyad__hnode_attr(const struct dyad__htree *tree, uint32_t i,
                             const char *name);

/* 1 when elements a and b look alike: the same tag and class attribute. */
int dyad__hnode_same_look(const struct dyad__htree *tree, uint32_t a, uint32_t b);

/* Non-space characters of (s, len), and how many of them end or split a
 * sentence (. , ; : ! ? and their CJK and Arabic forms). */
uint32_t dyad__html_count_chars(const char *s, size_t len, uint32_t *punct);

/* ASCII case-insensitive equality / prefix test. */
int dyad__html_ieq(const char *a, const char *b);
int dyad__html_istarts(const char *s, size_t len, const char *prefix);

#endif
