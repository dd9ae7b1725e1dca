/*
 * tree.h - the dependency tree of one sentence as the event coder reads it:
 * the grammar stage's head, relation, part of speech, features and lemma
 * of each token (doc/work.h: dyad__tok_grammar), and the children of each
 * token, listed once per sentence so that a frame can ask for "the nsubj of
 * this verb" without scanning the sentence.
 */
#ifndef DYAD_EVENTS_TREE_H
#define DYAD_EVENTS_TREE_H

#include <stddef.h>
#include <stdint.h>

#include "doc/work.h"
#include "kb/lang.h"
#include "kb/ud.h"

struct dyad__tree {
	const struct dyad__work *w;
	size_t start, end;   /* the sentence's tokens */
	int analysed;        /* 0: the grammar stage left it alone */
	int32_t *first;      /* per token - start: its first child, or -1 */
	int32_t *next;       /* per token - start: its next sibling, or -1 */
	size_t cap;          /* of first and next (heap, grown) */
};

/* List the children of sentence s's tokens. DYAD_ENOMEM. */
dyad_status dyad__tree_build(struct dyad__tree *t, const struct dyad__work *w, size_t s);
void dyad__tree_release(struct dyad__tree *t);

/* Head token of k (-1: the root or not analysed). */
int32_t dyad__tree_head(const struct dyad__tree *t, size_t k);
enum dyad_deprel dyad__tree_rel(const struct dyad__tree *t, size_t k);
/* The universal relation of k: NSUBJ for nsubj:pass. */
enum dyad_deprel dyad__tree_urel(const struct dyad__tree *t, size_t k);
enum dyad_upos dyad__tree_upos(const struct dyad__tree *t, size_t k);
/* The value of one feature of k (0: absent; else as kb/ud.h numbers it). */
unsigned dyad__tree_feat(const struct dyad__tree *t, size_t k, enum dyad_ud_feat f);
/* Feature f of k has the value named v ("Pass", "Neg", "Ins"). */
int dyad__tree_feat_is(const struct dyad__tree *t, size_t k, enum dyad_ud_feat f,
                       const char *v);

/* First child of k, then the next: -1 at the end. */
int32_t dyad__tree_first(const struct dyad__tree *t, size_t k);
int32_t dyad__tree_next(const struct dyad__tree *t, size_t k);
/* The first child of k with relation rel (exactly), or -1. */
int32_t dyad__tree_child(const struct dyad__tree *t, size_t k, enum dyad_deprel rel);
/* A child of k (case, mark, aux, advmod ...) that is a modifier of that kind
 * in its language (modifiers.tsv), or -1. */
int32_t dyad__tree_child_kind(const struct dyad__tree *t, size_t k, enum dyad_deprel rel,
                              enum dyad__modifier kind);
/* The preposition of a nominal k: its case child, or -1. */
int32_t dyad__tree_case(const struct dyad__tree *t, size_t k);
/* Token a and token b are the same word as written, in lower case. */
int dyad__tree_same_word(const struct dyad__work *w, size_t a, size_t b);

#endif
