/*
 * verbs.h - the predicate lexicon: verbs, verbal nouns and fixed phrases that
 * report an event, with their CAMEO code and frame (data/verbs/ID.tsv of each
 * language, after its verbs of saying in data/lang/ID/speech.tsv). The
 * function words and endings that change how a predicate reads belong to
 * the language (kb/lang.h).
 *
 * A pattern is a list of elements: a word (matched by stem), an exact word
 * (=word), a skip (*: 0..3 tokens), the target slot (+) and the source slot
 * ($). Patterns are indexed by their first word so that each token costs one
 * hash probe.
 */
#ifndef DYAD_KB_VERBS_H
#define DYAD_KB_VERBS_H

#include <stddef.h>
#include <stdint.h>

#include "core/hash.h"
#include "dyad.h"
#include "kb/lang.h"

#define DYAD_MAX_PATTERN_ELEMS 10

enum dyad__elem_kind {
	ELEM_STEM,   /* a word, by stem */
	ELEM_EXACT,  /* =word, by exact lower-case form */
	ELEM_SKIP,   /* *: up to DYAD_PATTERN_SKIP tokens */
	ELEM_TARGET, /* + */
	ELEM_SOURCE, /* $ */
};

#define DYAD_PATTERN_SKIP 3

enum dyad__verb_flags {
	VERB_SPEECH = 1 << 0,  /* a reporting verb: say, заявить */
	VERB_PASSIVE = 1 << 1, /* the pattern is itself passive */
	VERB_INTENT = 1 << 2,  /* intent or plan */
	VERB_NOUN = 1 << 3,    /* the anchor is a verbal noun */
	VERB_JOINT = 1 << 4,   /* both sides act on each other */
	VERB_TARGET_SUBJECT = 1 << 5, /* the clause's subject is the target and
	                                 the speaker the source: "X deserves praise" */
};

/* Snowball does not bring every inflected form to one stem ("визит" ->
 * "виз" but "визита" -> "визит"; "парафировать" -> "парафирова" but
 * "парафируют" -> "парафир"), so a word element also accepts the stems
 * equal to its written form and, for Russian -овать/-евать verbs, to its
 * present-tense base. */
#define DYAD_ELEM_FORMS 3

struct dyad__elem {
	uint8_t kind;
	uint8_t n_forms;
	uint16_t len[DYAD_ELEM_FORMS];
	const char *form[DYAD_ELEM_FORMS]; /* stem first; in the engine arena */
};

struct dyad__pattern {
	const char *code;
	unsigned flags;
	uint8_t n_elems;
	uint8_t anchor; /* index of the first word element */
	struct dyad__elem elems[DYAD_MAX_PATTERN_ELEMS];
};

/* A link in the chain of patterns anchored on one form. */
struct dyad__anchor_node {
	uint32_t pattern;
	uint32_t next; /* next node + 1; 0 = end */
};

struct dyad__verbs {
	struct dyad__pattern *patterns;
	size_t n_patterns, patterns_alloc;
	struct dyad_hash by_anchor;            /* "s:stem" / "=:word" -> node + 1 */
	struct dyad__anchor_node *nodes;
	size_t n_nodes, nodes_alloc;
};

/* The first node of the patterns anchored on a token with this stem /
 * lower form (node + 1, 0 = none); follow v->nodes[i].next. */
uint32_t dyad__verbs_by_stem(const struct dyad__verbs *v, const char *stem, size_t n);
uint32_t dyad__verbs_by_exact(const struct dyad__verbs *v, const char *lower, size_t n);

/*
 * 1 when a pattern starts with this very word as written ("talks",
 * "встреча"), not merely with a word of the same stem ("Chang" stems like
 * "change"). lower is the token's lower-case form, stem its stem.
 */
int dyad__verbs_written_anchor(const struct dyad__verbs *v, const char *lower, size_t n,
                               const char *stem, size_t stem_len);

/* Load the patterns of every language (its verbs of saying,
 * data/lang/ID/speech.tsv as kb/lang.c read them, then data/verbs/ID.tsv)
 * into engine->verbs. DYAD_EDATA naming file and line. */
dyad_status dyad__verbs_load(dyad_engine *engine, char *errmsg);
void dyad__verbs_free(struct dyad__verbs *verbs);

#endif
