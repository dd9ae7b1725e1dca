/*
 * html_emit.c - a subtree of the page as lines of text (see html_emit.h).
 *
 * Text is written run by run (a run is a stretch without white space);
 * white space and block boundaries only leave a debt - a space, a line
 * break or a blank line - paid when the next run comes, so that nothing
 * trails and nothing doubles.
 */
#include "read/html_emit.h"

#include <string.h>

#define NO_HELD ((size_t)-1)

struct emitter {
	const struct dyad__htree *tree;
	const unsigned char *drop;
	uint32_t skip;
	struct dyad_buf *out;
	int pending;      /* line breaks owed before the next run: 0..2 */
	int space;        /* a space owed before the next run */
	int flat;         /* one line: breaks become spaces */
	size_t cap;       /* stop at this many bytes; 0 = none */
	int in_heading;   /* headings open around the current node */
	size_t held;      /* out->len where an unconfirmed heading starts */
	dyad_status st;
};

/* Length of the UTF-8 white space character at s, or 0 (ASCII, NBSP). */
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

static void owe(struct emitter *e, int breaks)
{
	if (e->flat)
		e->space = 1;
	else if (breaks > e->pending)
		e->pending = breaks;
}

static void put_run(struct emitter *e, const char *s, size_t n)
{
	if (!e->in_heading)
		e->held = NO_HELD; /* text after a heading confirms it */
	if (e->out->len > 0) {
		if (e->pending)
			e->st = dyad_buf_append(e->out, "\n\n", (size_t)e->pending);
		else if (e->space)
			e->st = dyad_buf_putc(e->out, ' ');
	}
	e->pending = 0;
	e->space = 0;
	if (e->st == DYAD_OK && e->cap && e->out->len + n > e->cap) {
		n = e->cap > e->out->len ? utf8_cut(s, e->cap - e->out->len) : 0;
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
	default:
		return dyad__html_is_block(tag) || tag == GUMBO_TAG_BR;
	}
}

/* A heading starts: an earlier one that nothing followed goes. */
static void open_heading(struct emitter *e)
{
	if (e->flat)
		return;
	if (e->in_heading++ == 0) {
		if (e->held != NO_HELD) {
			e->out->len = e->held;
			if (e->out->data)
				e->out->data[e->out->len] = '\0';
		}
		e->held = e->out->len;
	}
}

static void emit_node(struct emitter *e, uint32_t i)
{
	const struct dyad__hnode *node = &e->tree->nodes[i];
	if (e->st != DYAD_OK || (node->flags & DYAD_HN_SKIP) || i == e->skip ||
	    (e->drop && e->drop[i]))
		return;
	if (node->flags & DYAD_HN_TEXT) {
		emit_text(e, node->g->v.text.text);
		return;
	}
	GumboTag tag = (GumboTag)node->tag;
	if (tag == GUMBO_TAG_BR) {
		owe(e, 1);
		return;
	}
	int kind = block_kind(tag);
	int heading = (node->flags & DYAD_HN_HEADING) != 0;
	if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH)
		e->space = 1;
	if (kind)
		owe(e, kind);
	if (heading)
		open_heading(e);
	for (uint32_t k = i + 1; k < node->end && e->st == DYAD_OK; k = e->tree->nodes[k].end)
		emit_node(e, k);
	if (heading && !e->flat)
		e->in_heading--;
	if (kind)
		owe(e, kind);
	if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH)
		e->space = 1;
}

static dyad_status finish(struct emitter *e)
{
	if (e->st == DYAD_ETOOBIG && e->cap)
		e->st = DYAD_OK;
	if (e->st != DYAD_OK)
		return e->st;
	if (e->held != NO_HELD)
		e->out->len = e->held;
	if (dyad_buf_reserve(e->out, 1) != DYAD_OK)
		return DYAD_ENOMEM;
	e->out->data[e->out->len] = '\0';
	return DYAD_OK;
}

dyad_status dyad__html_emit(const struct dyad__htree *tree, uint32_t root,
                            const unsigned char *drop, uint32_t skip,
                            struct dyad_buf *out)
{
	dyad_buf_reset(out);
	struct emitter e = {.tree = tree, .drop = drop, .skip = skip, .out = out,
	                    .held = NO_HELD};
	const struct dyad__hnode *node = &tree->nodes[root];
	if (node->flags & DYAD_HN_TEXT)
		emit_node(&e, root);
	for (uint32_t k = root + 1; k < node->end && e.st == DYAD_OK; k = tree->nodes[k].end)
		emit_node(&e, k);
	return finish(&e);
}

dyad_status dyad__html_flat_text(const struct dyad__htree *tree, uint32_t i,
                                 size_t cap, struct dyad_buf *out)
{
	dyad_buf_reset(out);
	struct emitter e = {.tree = tree, .skip = DYAD_HTML_NONE, .out = out,
	                    .flat = 1, .cap = cap, .held = NO_HELD};
	emit_node(&e, i);
	return finish(&e);
}
