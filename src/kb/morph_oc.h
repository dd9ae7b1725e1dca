/*
 * morph_oc.h - the tables of an OpenCorpora dictionary in pymorphy2's format:
 * grammemes (grammemes.json), tags (gramtab-opencorpora-int.json), paradigms
 * (paradigms.array), endings (suffixes.json), paradigm prefixes and the
 * longest ending of the guess DAWGs (meta.json). The DAWGs say which paradigm and form a word is; these tables
 * say what that form's tag is and how its lemma is spelt.
 *
 * A paradigm of n forms is 3n numbers: the ending of each form, then its tag,
 * then its prefix. A word of form i has the stem word minus prefix[i] at the
 * front and ending[i] at the back; its lemma is prefix[0] + stem + ending[0].
 * All numbers are checked at load, so lookups need no bounds checks.
 */
#ifndef DYAD_KB_MORPH_OC_H
#define DYAD_KB_MORPH_OC_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "dyad.h"

/* Grammemes a set can hold; OpenCorpora has 113. */
#define DYAD__OC_MAX_GRAMMEMES 128
/* Paradigm prefixes ("", "по", "наи" in az 0.2.3). */
#define DYAD__OC_MAX_PREFIXES 8

/* A set of grammemes, bit g for grammeme g. */
struct dyad__oc_gset {
	uint64_t w[2];
};

static inline int dyad__oc_gset_has(struct dyad__oc_gset s, unsigned g)
{
	return (int)((s.w[g >> 6] >> (g & 63)) & 1);
}

/* 1 when every grammeme of sub is in s. */
static inline int dyad__oc_gset_covers(struct dyad__oc_gset s, struct dyad__oc_gset sub)
{
	return (s.w[0] & sub.w[0]) == sub.w[0] && (s.w[1] & sub.w[1]) == sub.w[1];
}

static inline int dyad__oc_gset_meets(struct dyad__oc_gset s, struct dyad__oc_gset t)
{
	return (s.w[0] & t.w[0]) != 0 || (s.w[1] & t.w[1]) != 0;
}

/* A string of the tables: 1251 bytes in the arena. */
struct dyad__oc_str {
	const uint8_t *s;
	uint32_t len;
};

struct dyad__oc {
	struct dyad_arena arena;        /* everything below lives here */
	struct dyad__oc_str *grammemes; /* names ("NOUN", "gent") */
	int16_t *parents;               /* each one's parent ("gent" -> "CAse"), -1 for none */
	size_t n_grammemes;
	struct dyad__oc_gset *tag_sets; /* the grammemes of each tag */
	struct dyad__oc_str *tag_names; /* "NOUN,anim,masc sing,gent" (P(t|w) keys) */
	size_t n_tags;
	const uint16_t **paradigms;     /* each: 3 * n forms (endings, tags, prefixes) */
	uint16_t *paradigm_forms;       /* n forms of each */
	size_t n_paradigms;
	struct dyad__oc_str *endings;
	size_t n_endings;
	struct dyad__oc_str prefixes[DYAD__OC_MAX_PREFIXES];
	size_t n_prefixes;
	size_t max_ending;              /* longest ending the guess DAWGs hold (meta.json) */
};

/*
 * Load the tables from the folder dir. DYAD_ENOENT when a file is missing,
 * DYAD_EDATA when one is malformed or its numbers are out of range, DYAD_EIO,
 * DYAD_ENOMEM; errmsg (may be NULL) names the file. Release with
 * dyad__oc_release (also after a failure).
 */
dyad_status dyad__oc_load(const char *dir, struct dyad__oc *oc, char *errmsg);
void dyad__oc_release(struct dyad__oc *oc);

/* The index of the grammeme named (s, len), or -1. */
int dyad__oc_grammeme(const struct dyad__oc *oc, const char *s, size_t len);

/*
 * The grammemes below g in the hierarchy (a category's values: "CAse" ->
 * nomn, gent, gen1...); an empty set when g has none (a plain grammeme).
 */
struct dyad__oc_gset dyad__oc_below(const struct dyad__oc *oc, unsigned g);

/* Form i of paradigm p: its ending, tag and prefix (p, i in range). */
static inline uint16_t dyad__oc_form_ending(const struct dyad__oc *oc, uint32_t p, uint32_t i)
{
	return oc->paradigms[p][i];
}
static inline uint16_t dyad__oc_form_tag(const struct dyad__oc *oc, uint32_t p, uint32_t i)
{
	return oc->paradigms[p][oc->paradigm_forms[p] + i];
}
static inline uint16_t dyad__oc_form_prefix(const struct dyad__oc *oc, uint32_t p, uint32_t i)
{
	return oc->paradigms[p][2u * oc->paradigm_forms[p] + i];
}

/*
 * Form k of the word (word, len) that is form i of paradigm p: prefix[k] +
 * stem + ending[k], into out (cap bytes); k = 0 gives the lemma. Returns its
 * length, or 0 when the word does not have form i's prefix and ending or
 * the result does not fit.
 */
size_t dyad__oc_inflect(const struct dyad__oc *oc, uint32_t p, uint32_t i, const uint8_t *word,
                        size_t len, uint32_t k, uint8_t *out, size_t cap);

#endif
