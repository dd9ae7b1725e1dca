/*
 * tree.c - the children of each token of a parsed sentence (see tree.h).
 * The lists are two arrays over the sentence, kept and grown across
 * sentences, so that reading a tree allocates nothing once warm.
 */
#include "events/tree.h"

#include <string.h>

#include "core/alloc.h"
#include "text/words.h"

dyad_status dyad__tree_build(struct dyad__tree *t, const struct dyad__work *w, size_t s)
{
	const struct dyad__sentence *sent = &w->sentences[s];
	size_t n = sent->tok_end - sent->tok_start;
	t->w = w;
	t->start = sent->tok_start;
	t->end = sent->tok_end;
	t->analysed = sent->analysed && w->grammar;
	if (!t->analysed)
		return DYAD_OK;
	if (n > t->cap) {
		int32_t *first = dyad__realloc(t->first, n * sizeof *first);
		if (!first)
			return DYAD_ENOMEM;
		t->first = first;
		int32_t *next = dyad__realloc(t->next, n * sizeof *next);
		if (!next)
			return DYAD_ENOMEM;
		t->next = next;
		t->cap = n;
	}
	for (size_t i = 0; i < n; i++)
		t->first[i] = t->next[i] = -1;
	/* backwards, so that each list comes out in token order */
	for (size_t k = t->end; k-- > t->start;) {
		int32_t h = dyad__tree_head(t, k);
		if (h < 0 || (size_t)h < t->start || (size_t)h >= t->end ||
		    dyad__tree_rel(t, k) == DYAD_DEPREL_NONE)
			continue;
		t->next[k - t->start] = t->first[(size_t)h - t->start];
		t->first[(size_t)h - t->start] = (int32_t)k;
	}
	return DYAD_OK;
}

void dyad__tree_release(struct dyad__tree *t)
{
	dyad__free(t->first);
	dyad__free(t->next);
	t->first = t->next = NULL;
	t->cap = 0;
}

static const struct dyad__tok_grammar *gram(const struct dyad__tree *t, size_t k)
{
	if (!t->analysed || k < t->start || k >= t->end)
		return NULL;
	return dyad__tok_grammar(t->w, k);
}

int32_t dyad__tree_head(const struct dyad__tree *t, size_t k)
{
	const struct dyad__tok_grammar *g = gram(t, k);
	return g ? g->head : -1;
}

enum dyad_deprel dyad__tree_rel(const struct dyad__tree *t, size_t k)
{
	const struct dyad__tok_grammar *g = gram(t, k);
	return g ? (enum dyad_deprel)g->deprel : DYAD_DEPREL_NONE;
}

enum dyad_deprel dyad__tree_urel(const struct dyad__tree *t, size_t k)
{
	return dyad_deprel_universal(dyad__tree_rel(t, k));
}

enum dyad_upos dyad__tree_upos(const struct dyad__tree *t, size_t k)
{
	const struct dyad__tok_grammar *g = gram(t, k);
	return g ? (enum dyad_upos)g->upos : DYAD_UPOS_NONE;
}

unsigned dyad__tree_feat(const struct dyad__tree *t, size_t k, enum dyad_ud_feat f)
{
	const struct dyad__tok_grammar *g = gram(t, k);
	return g ? dyad_ud_feat_get(g->feats, f) : 0;
}

int dyad__tree_feat_is(const struct dyad__tree *t, size_t k, enum dyad_ud_feat f,
                       const char *v)
{
	unsigned got = dyad__tree_feat(t, k, f);
	return got && got == dyad_ud_feat_value_parse(f, v, strlen(v));
}

int32_t dyad__tree_first(const struct dyad__tree *t, size_t k)
{
	return t->analysed && k >= t->start && k < t->end ? t->first[k - t->start] : -1;
}

int32_t dyad__tree_next(const struct dyad__tree *t, size_t k)
{
	return t->analysed && k >= t->start && k < t->end ? t->next[k - t->start] : -1;
}

int32_t dyad__tree_child(const struct dyad__tree *t, size_t k, enum dyad_deprel rel)
{
	for (int32_t c = dyad__tree_first(t, k); c >= 0; c = dyad__tree_next(t, (size_t)c))
		if (dyad__tree_rel(t, (size_t)c) == rel)
			return c;
	return -1;
}

int32_t dyad__tree_child_kind(const struct dyad__tree *t, size_t k, enum dyad_deprel rel,
                              enum dyad__modifier kind)
{
	for (int32_t c = dyad__tree_first(t, k); c >= 0; c = dyad__tree_next(t, (size_t)c))
		if ((rel == DYAD_DEPREL_NONE || dyad__tree_urel(t, (size_t)c) == rel) &&
		    dyad__tok_kind(t->w, (size_t)c, kind))
			return c;
	return -1;
}

int32_t dyad__tree_case(const struct dyad__tree *t, size_t k)
{
	return dyad__tree_child(t, k, DYAD_DEPREL_CASE);
}

int dyad__tree_same_word(const struct dyad__work *w, size_t a, size_t b)
{
	const struct dyad__token *x = &w->tokens[a], *y = &w->tokens[b];
	return x->lower_len == y->lower_len &&
	       memcmp(dyad__tok_lower(w, x), dyad__tok_lower(w, y), x->lower_len) == 0;
}
