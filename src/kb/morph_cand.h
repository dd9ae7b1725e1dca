/*
 * morph_cand.h - the loaded dictionary and the scratch of one lookup, shared
 * by the three steps of dyad__morph_analyse: finding a form's dictionary
 * entries (morph_lookup.c), guessing those of an unknown form from its
 * ending (morph_guess.c), and turning them into scored UD analyses
 * (morph.c). Candidates are OpenCorpora (paradigm, form) pairs; the scratch
 * lives on the caller's stack, so a lookup allocates nothing.
 */
#ifndef DYAD_KB_MORPH_CAND_H
#define DYAD_KB_MORPH_CAND_H

#include <stddef.h>
#include <stdint.h>

#include "kb/morph.h"
#include "kb/morph_dawg.h"
#include "kb/morph_key.h"
#include "kb/morph_map.h"
#include "kb/morph_oc.h"

struct dyad__morph {
	struct dyad__oc oc;
	struct dyad__morph_map map;
	struct dyad__dawg words;                         /* form \1 (paradigm, form)... */
	struct dyad__dawg probs;                         /* "form:tag" -> P(tag | form) * 1e6 */
	struct dyad__dawg guess[DYAD__OC_MAX_PREFIXES]; /* per prefix: ending \1 (count, paradigm, form)... */
	size_t n_guess;
};

/* Candidates one lookup keeps (a guess from a common ending has hundreds). */
#define DYAD__MORPH_MAX_CANDS 256
/* Spellings of one form found in the dictionary (е read as е or ё). */
#define DYAD__MORPH_MAX_SPELLINGS 8

struct dyad__morph_cand {
	float score;
	uint16_t para, form;
	uint8_t spelling; /* index of the spelling it was found under */
	uint8_t flags;    /* DYAD_MORPH_KNOWN or DYAD_MORPH_PREDICTED */
};

struct dyad__morph_work {
	uint8_t key[DYAD__MORPH_MAX_KEY];  /* the form, lower-case 1251 */
	size_t len;
	size_t head;                        /* bytes of key before the part looked up ("вице-") */
	unsigned shape;                     /* enum dyad__key_shape */
	uint64_t upper;                     /* bit i: key[i] was upper case */
	uint8_t spell[DYAD__MORPH_MAX_SPELLINGS][DYAD__MORPH_MAX_KEY]; /* the part, as found */
	size_t n_spell;
	struct dyad__morph_cand cands[DYAD__MORPH_MAX_CANDS];
	size_t n_cands;
};

/* Keep a candidate; when full, it replaces the lowest-scored one if better. */
void dyad__morph_cand_add(struct dyad__morph_work *w, struct dyad__morph_cand c);

/* The index of spelling (s, len of the part) in w, added if new; -1 when full. */
int dyad__morph_spelling(struct dyad__morph_work *w, const uint8_t *s);

/* A 14-bit number of a payload: two odd bytes, 7 bits each; -1 when malformed. */
static inline int dyad__morph_payload_u14(const uint8_t *b)
{
	if (!(b[0] & 1) || !(b[1] & 1))
		return -1;
	return (b[0] >> 1) << 7 | (b[1] >> 1);
}

/*
 * Dictionary entries of the part key[head..len): DYAD_MORPH_KNOWN candidates
 * scored with P(tag | form) where the dictionary has it. Returns how many.
 */
size_t dyad__morph_lookup(const struct dyad__morph *m, struct dyad__morph_work *w);

/* Guesses for the part from its ending: DYAD_MORPH_PREDICTED candidates. */
size_t dyad__morph_guess(const struct dyad__morph *m, struct dyad__morph_work *w);

/*
 * Follow key (len bytes) from the root of dawg, reading each е of key as е
 * or ё, and call found(ctx, spelling, node) for every unit reached (spelling
 * len bytes, valid during the call only).
 */
void dyad__morph_walk_spellings(const struct dyad__dawg *dawg, const uint8_t *key, size_t len,
                                void (*found)(void *ctx, const uint8_t *spelling, uint32_t node),
                                void *ctx);

#endif
