/*
 * html_tree.c - copying gumbo's tree into the flat array of html_tree.h and
 * counting its text.
 *
 * One iterative walk (pages nest deep; no recursion) creates the nodes and
 * hands each text node's characters to its block; one backward pass over the
 * array then adds every node's counts to its parent, which in pre-order
 * always comes before it.
 */
#include "read/html_tree.h"

#include <string.h>

#include "core/utf8.h"
#include "read/html_evidence.h"

#define TREE_FIRST_CAP 1024
/* Bytes of a style attribute looked at for display:none. */
#define STYLE_SCAN 256

static char lower_ascii(char c)
{
	return (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
}

int dyad__html_ieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (lower_ascii(*a) != lower_ascii(*b))
			return 0;
	return *a == *b;
}

int dyad__html_istarts(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);
	if (len < n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (lower_ascii(s[i]) != lower_ascii(prefix[i]))
			return 0;
	return 1;
}

int dyad__html_is_block(GumboTag tag)
{
	switch (tag) {
	case GUMBO_TAG_HTML: case GUMBO_TAG_BODY: case GUMBO_TAG_P: case GUMBO_TAG_DIV:
	case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
	case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV:
	case GUMBO_TAG_ASIDE: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HGROUP:
	case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_LI: case GUMBO_TAG_DL:
	case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_TABLE: case GUMBO_TAG_CAPTION:
	case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR:
	case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
	case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FORM:
	case GUMBO_TAG_FIELDSET: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_DETAILS:
	case GUMBO_TAG_SUMMARY: case GUMBO_TAG_CENTER: case GUMBO_TAG_HR: case GUMBO_TAG_MENU:
	case GUMBO_TAG_LISTING: case GUMBO_TAG_PLAINTEXT:
	case GUMBO_TAG_XMP:
		return 1;
	default:
		return 0;
	}
}

static int is_punct(uint32_t cp)
{
	switch (cp) {
	case '.': case ',': case ';': case ':': case '!': case '?':
	case 0x3002: case 0xFF0C: case 0x3001: case 0xFF01: case 0xFF1F: case 0xFF1B:
	case 0x061F: case 0x060C: case 0x0964: case 0x2026:
		return 1;
	default:
		return 0;
	}
}

uint32_t dyad__html_count_chars(const char *s, size_t len, uint32_t *punct)
{
	uint32_t n = 0, p = 0;
	size_t i = 0;
	while (i < len) {
		uint32_t cp = dyad_utf8_next(s, len, &i);
		if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp == '\f' ||
		    cp == 0xA0 || dyad_cp_is_space(cp))
			continue;
		n++;
		p += (uint32_t)is_punct(cp);
	}
	if (punct)
		*punct = p;
	return n;
}

const char *dyad__hnode_attr(const struct dyad__htree *tree, uint32_t i,
                             const char *name)
{
	const GumboNode *g = tree->nodes[i].g;
	if (g->type != GUMBO_NODE_ELEMENT && g->type != GUMBO_NODE_TEMPLATE)
		return NULL;
	const GumboAttribute *a = gumbo_get_attribute(&g->v.element.attributes, name);
	return a ? a->value : NULL;
}

static int style_hides(const char *style)
{
	char low[STYLE_SCAN];
	size_t w = 0;
	for (size_t i = 0; style[i] && w + 1 < sizeof low; i++)
		if (style[i] != ' ')
			low[w++] = lower_ascii(style[i]);
	low[w] = '\0';
	return strstr(low, "display:none") || strstr(low, "visibility:hidden");
}

static int is_hidden(const GumboNode *g)
{
	const GumboVector *attrs = &g->v.element.attributes;
	for (unsigned i = 0; i < attrs->length; i++) {
		const GumboAttribute *a = attrs->data[i];
		if (strcmp(a->name, "hidden") == 0 ||
		    (strcmp(a->name, "aria-hidden") == 0 && dyad__html_ieq(a->value, "true")) ||
		    (strcmp(a->name, "style") == 0 && style_hides(a->value)))
			return 1;
	}
	return 0;
}

struct builder {
	struct dyad__htree *tree;
	uint32_t cap;
	struct dyad_arena *arena;
	const struct dyad__html_lexicon *lex;
};

static struct dyad__hnode *new_node(struct builder *b)
{
	struct dyad__htree *t = b->tree;
	if (t->n == b->cap) {
		uint32_t grow = b->cap * 2;
		struct dyad__hnode *p = dyad_arena_grow(b->arena, t->nodes, t->n, grow,
		                                        sizeof *p);
		if (!p)
			return NULL;
		t->nodes = p;
		b->cap = grow;
	}
	struct dyad__hnode *node = &t->nodes[t->n++];
	memset(node, 0, sizeof *node);
	node->end = DYAD_HTML_NONE;
	return node;
}

/* The node for gumbo node g under parent (NONE for the root). */
static struct dyad__hnode *add(struct builder *b, const GumboNode *g, uint32_t parent)
{
	struct dyad__hnode *node = new_node(b);
	if (!node)
		return NULL;
	struct dyad__hnode *nodes = b->tree->nodes;
	const struct dyad__hnode *up = parent == DYAD_HTML_NONE ? NULL : &nodes[parent];
	node->g = g;
	node->parent = parent;
	node->depth = up ? (uint16_t)(up->depth + 1) : 0;
	node->flags = up ? (uint16_t)(up->flags & (DYAD_HN_SKIP | DYAD_HN_IN_LINK)) : 0;
	node->block = up ? up->block : DYAD_HTML_NONE;
	uint32_t self = b->tree->n - 1;
	if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE) {
		GumboTag tag = g->v.element.tag;
		node->tag = (uint16_t)tag;
		if (dyad__html_tag_skipped(b->lex, tag))
			node->flags |= DYAD_HN_SKIP;
		if (tag == GUMBO_TAG_A && gumbo_get_attribute(&g->v.element.attributes, "href"))
			node->flags |= DYAD_HN_IN_LINK;
		if (tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6)
			node->flags |= DYAD_HN_HEADING;
		if (dyad__html_is_block(tag)) {
			node->flags |= DYAD_HN_BLOCK;
			node->block = self;
		}
		/* the classes of <html> and <body> name the page's theme, not a region */
		int ev = tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY
		         ? 0 : dyad__html_evidence(b->lex, g);
		if (is_hidden(g)) {
			node->flags |= DYAD_HN_HIDDEN;
			ev = DYAD_HTML_HIDDEN_EVIDENCE;
		}
		node->evidence = (int16_t)ev;
		return node;
	}
	node->tag = GUMBO_TAG_UNKNOWN;
	node->flags |= DYAD_HN_TEXT;
	if (g->type == GUMBO_NODE_WHITESPACE)
		node->flags |= DYAD_HN_SPACE;
	else if (!(node->flags & DYAD_HN_SKIP)) {
		const char *s = g->v.text.text;
		node->own_chars = dyad__html_count_chars(s, strlen(s), &node->own_punct);
		if (node->flags & DYAD_HN_IN_LINK)
			node->own_link = node->own_chars;
		if (node->block != DYAD_HTML_NONE) {
			struct dyad__hnode *blk = &nodes[node->block];
			blk->own_chars += node->own_chars;
			blk->own_link += node->own_link;
			blk->own_punct += node->own_punct;
		}
	}
	return node;
}

static int has_children(const GumboNode *g)
{
	return g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE;
}

static int wanted(const GumboNode *g)
{
	return g->type != GUMBO_NODE_COMMENT && g->type != GUMBO_NODE_DOCUMENT;
}

struct frame {
	const GumboNode *g;
	uint32_t idx;
	unsigned next;
};

/* The gumbo node after g in pre-order inside top's subtree, children
 * first unless skip_kids; NULL at its end. Uses gumbo's parent links, so it
 * needs no stack however deep the page nests. */
static const GumboNode *next_in(const GumboNode *top, const GumboNode *g, int skip_kids)
{
	if (!skip_kids && has_children(g) && g->v.element.children.length)
		return g->v.element.children.data[0];
	while (g != top && g->parent) {
		const GumboNode *p = g->parent;
		size_t next = g->index_within_parent + 1;
		if (has_children(p) && next < p->v.element.children.length)
			return p->v.element.children.data[next];
		g = p;
	}
	return NULL;
}

/*
 * An element below DYAD_HTML_MAX_DEPTH, flattened instead of lost: its
 * text nodes become children of parent (the deepest element kept), and
 * its block elements and <br>s childless elements there, so that its
 * paragraphs still start lines. Elements that never hold text are left out
 * with their subtrees.
 */
static dyad_status flatten(struct builder *b, const GumboNode *top, uint32_t parent)
{
	for (const GumboNode *g = top; g;) {
		int skip_kids = 0;
		if (has_children(g)) {
			GumboTag tag = g->v.element.tag;
			skip_kids = dyad__html_tag_skipped(b->lex, tag);
			if (!skip_kids && (dyad__html_is_block(tag) || tag == GUMBO_TAG_BR)) {
				uint32_t idx = b->tree->n;
				if (!add(b, g, parent))
					return DYAD_ENOMEM;
				b->tree->nodes[idx].end = idx + 1;
			}
		} else if (wanted(g)) {
			uint32_t idx = b->tree->n;
			if (!add(b, g, parent))
				return DYAD_ENOMEM;
			b->tree->nodes[idx].end = idx + 1;
		}
		g = next_in(top, g, skip_kids);
	}
	return DYAD_OK;
}

/* Create the nodes in pre-order, without recursion; below the depth limit
 * the page is flattened (see flatten). */
static dyad_status walk(struct builder *b, const GumboNode *root)
{
	struct frame stack[DYAD_HTML_MAX_DEPTH + 1];
	size_t top = 0;
	if (!add(b, root, DYAD_HTML_NONE))
		return DYAD_ENOMEM;
	stack[0] = (struct frame){root, 0, 0};
	for (;;) {
		struct frame *f = &stack[top];
		const GumboVector *kids = has_children(f->g) ? &f->g->v.element.children : NULL;
		if (!kids || f->next >= kids->length) {
			b->tree->nodes[f->idx].end = b->tree->n;
			if (top == 0)
				return DYAD_OK;
			top--;
			continue;
		}
		const GumboNode *kid = kids->data[f->next++];
		if (!wanted(kid))
			continue;
		if (top == DYAD_HTML_MAX_DEPTH) {
			if (flatten(b, kid, f->idx) != DYAD_OK)
				return DYAD_ENOMEM;
			continue;
		}
		uint32_t idx = b->tree->n;
		if (!add(b, kid, f->idx))
			return DYAD_ENOMEM;
		if (has_children(kid))
			stack[++top] = (struct frame){kid, idx, 0};
		else
			b->tree->nodes[idx].end = idx + 1;
	}
}

/* Subtree totals: children come after their parent in pre-order. */
static void add_up(struct dyad__htree *t)
{
	for (uint32_t i = t->n; i-- > 0;) {
		struct dyad__hnode *node = &t->nodes[i];
		if (node->flags & DYAD_HN_TEXT) {
			node->chars = node->own_chars;
			node->link_chars = node->own_link;
		}
		if (!(node->flags & DYAD_HN_TEXT) && node->tag == GUMBO_TAG_A &&
		    (node->flags & DYAD_HN_IN_LINK) && node->parent != DYAD_HTML_NONE &&
		    !(t->nodes[node->parent].flags & DYAD_HN_IN_LINK))
			node->n_links++;
		if (node->flags & DYAD_HN_SKIP) {
			node->chars = node->link_chars = node->n_links = 0;
			continue;
		}
		if (node->parent == DYAD_HTML_NONE)
			continue;
		struct dyad__hnode *up = &t->nodes[node->parent];
		up->chars += node->chars;
		up->link_chars += node->link_chars;
		up->n_links += node->n_links;
	}
}

dyad_status dyad__htree_build(struct dyad__htree *tree, const GumboNode *root,
                              const struct dyad__html_lexicon *lex,
                              struct dyad_arena *arena)
{
	memset(tree, 0, sizeof *tree);
	struct builder b = {tree, TREE_FIRST_CAP, arena, lex};
	tree->nodes = dyad_arena_calloc(arena, TREE_FIRST_CAP, sizeof *tree->nodes);
	if (!tree->nodes)
		return DYAD_ENOMEM;
	dyad_status st = walk(&b, root);
	if (st != DYAD_OK)
		return st;
	add_up(tree);
	tree->body = 0;
	for (uint32_t i = 1; i < tree->n && i < tree->nodes[0].end; i = tree->nodes[i].end)
		if (tree->nodes[i].tag == GUMBO_TAG_BODY && !(tree->nodes[i].flags & DYAD_HN_TEXT))
			tree->body = i;
	return DYAD_OK;
}

int dyad__hnode_same_look(const struct dyad__htree *tree, uint32_t a, uint32_t b)
{
	if (tree->nodes[a].tag != tree->nodes[b].tag ||
	    ((tree->nodes[a].flags ^ tree->nodes[b].flags) & DYAD_HN_TEXT))
		return 0;
	const char *ca = dyad__hnode_attr(tree, a, "class");
	const char *cb = dyad__hnode_attr(tree, b, "class");
	return (!ca && !cb) || (ca && cb && strcmp(ca, cb) == 0);
}
