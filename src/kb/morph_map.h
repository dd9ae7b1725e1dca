/*
 * morph_map.h - what an OpenCorpora tag (and lemma) is in Universal
 * Dependencies, read from a data file (data/lang/ru/opencorpora-ud.tsv).
 *
 * The file is rules, applied in order to every tag of the dictionary: a row
 * whose grammemes the tag has sets a UPOS and features, or says how the
 * lemma is spelt. Rows without a lemma condition are folded into one result
 * per tag at load; rows with one (CONJ "что" is SCONJ, the reflexive verbs
 * are Voice=Mid) and rows that add a second analysis (the possessive DET of
 * "его") are kept in a short list per tag and applied at lookup, after the
 * folded ones. The file's format is documented in data/lang/ru/README.md.
 */
#ifndef DYAD_KB_MORPH_MAP_H
#define DYAD_KB_MORPH_MAP_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "dyad.h"
#include "kb/morph_oc.h"
#include "kb/ud.h"

/* What a rule does besides setting UPOS and features (the "do" column). */
enum dyad__map_flags {
	DYAD__MAP_ADD = 1 << 0,        /* add: a further analysis, this one changed by the row */
	DYAD__MAP_DROP = 1 << 1,       /* drop: no analysis at all */
	DYAD__MAP_PROPER = 1 << 2,     /* proper: only for a capitalised form, unless nothing else */
	DYAD__MAP_CLOSED = 1 << 3,     /* closed: a closed class, never guessed for unknown words */
	DYAD__MAP_LEMMA_FORM = 1 << 4, /* lemma=form: the lemma is the form itself */
	DYAD__MAP_LEMMA_YE = 1 << 5,   /* lemma=ye: ё is spelt е in the lemma (lemma=yo: not) */
	DYAD__MAP_CASE_TITLE = 1 << 6, /* case=title: capitalised lemma */
	DYAD__MAP_CASE_UPPER = 1 << 7, /* case=upper: upper-case lemma */
	DYAD__MAP_CASE_FORM = 1 << 8,  /* case=form: capitals where the form has them */
	DYAD__MAP_LEMMA_LIKE = 1 << 9, /* lemma=like:...: the first form of the paradigm like this one */
};
#define DYAD__MAP_CASE_MASK (DYAD__MAP_CASE_TITLE | DYAD__MAP_CASE_UPPER | DYAD__MAP_CASE_FORM)
#define DYAD__MAP_LEMMA_MASK (DYAD__MAP_LEMMA_FORM | DYAD__MAP_LEMMA_LIKE)

/* Categories ("GNdr": same value, if any) or grammemes ("Patr": both or neither) a lemma shares. */
#define DYAD__MAP_MAX_LIKE 4
struct dyad__map_like {
	struct dyad__oc_gset mask[DYAD__MAP_MAX_LIKE];
	uint8_t strict[DYAD__MAP_MAX_LIKE]; /* a plain grammeme: presence must agree */
	size_t n;
};

/* A tag (or analysis) in UD terms. */
struct dyad__map_ud {
	uint64_t feats;
	enum dyad_upos upos;
	unsigned flags;    /* enum dyad__map_flags, except ADD */
	uint32_t like;     /* with DYAD__MAP_LEMMA_LIKE: the rule whose like it is */
};

struct dyad__map_rule {
	struct dyad__oc_gset need, forbid; /* grammemes the tag must have / lack */
	struct dyad__oc_str *lemmas;       /* lemma condition, 1251 bytes; none when n_lemmas 0 */
	uint8_t *lemma_suffix;             /* 1 when lemmas[i] is an ending ("*ся") */
	size_t n_lemmas;
	enum dyad_upos upos;               /* DYAD_UPOS_NONE: keep */
	uint64_t feats, feats_mask;        /* the categories set (or cleared) and their values */
	unsigned flags;                    /* enum dyad__map_flags */
	unsigned clear_flags;              /* flags the row turns off (case=lower, lemma=yo...) */
	struct dyad__map_like like;        /* with DYAD__MAP_LEMMA_LIKE */
	uint32_t index;                    /* its place in the rules */
};

struct dyad__morph_map {
	struct dyad_arena arena;
	struct dyad__map_rule *rules; /* the rows kept for lookup time */
	size_t n_rules;
	struct dyad__map_ud *tags;    /* per tag: the rows without lemma or add folded */
	uint32_t *tag_rules_at;       /* n_tags + 1 offsets into tag_rules */
	uint32_t *tag_rules;          /* per tag, the kept rows it meets, in file order */
	size_t n_tags;
};

/*
 * Load the rules of path for the tags of oc. DYAD_ENOENT, DYAD_EIO,
 * DYAD_ENOMEM, or DYAD_EDATA with errmsg "path:line: message" for a bad
 * line (unknown grammeme, UPOS, feature or action, wrong field count).
 * Release with dyad__morph_map_release (also after a failure).
 */
dyad_status dyad__morph_map_load(const char *path, const struct dyad__oc *oc,
                                 struct dyad__morph_map *map, char *errmsg);
void dyad__morph_map_release(struct dyad__morph_map *map);

/* 1 when the lemma (1251 bytes) meets the rule's lemma condition. */
int dyad__map_rule_lemma_ok(const struct dyad__map_rule *rule, const uint8_t *lemma, size_t len);

/* Apply a rule to an analysis (an add rule: to the copy it adds). */
void dyad__map_rule_apply(const struct dyad__map_rule *rule, struct dyad__map_ud *ud);

/* 1 when the tag (grammemes) of form k is like that of the analysed form. */
int dyad__map_like_ok(const struct dyad__map_like *like, struct dyad__oc_gset form,
                      struct dyad__oc_gset k);

#endif
