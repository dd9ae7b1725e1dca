/*
 * morph_dawg.h - reading the DAWGs of the dawgdic library, the word lists of
 * pymorphy2's dictionary format (words, endings, P(tag | word)).
 *
 * A dawgdic dictionary is a double array of 32-bit units: from unit i, byte c
 * leads to unit i ^ offset(i) ^ c when that unit's label is c; a unit "has a
 * leaf" when a key ends there, and the leaf (i ^ offset(i)) holds its 31-bit
 * value. A guide of two bytes per unit (first child's label, next sibling's
 * label) lets a walk enumerate every key below a unit in order. The file is
 * the unit count (32-bit little-endian), the units, the guide's unit count
 * and the guide. Everything here checks indices against the sizes read, so
 * a corrupt file gives wrong answers or none, never a read out of bounds.
 */
#ifndef DYAD_KB_MORPH_DAWG_H
#define DYAD_KB_MORPH_DAWG_H

#include <stddef.h>
#include <stdint.h>

#include "dyad.h"

/* No unit: a byte did not continue any key. */
#define DYAD__DAWG_NONE UINT32_MAX

/* The longest key tail a walk enumerates; payloads here are 4 to 6 bytes. */
#define DYAD__DAWG_MAX_DEPTH 32

struct dyad__dawg {
	uint32_t *units;       /* n_units, host byte order; owned */
	uint32_t n_units;
	const uint8_t *guide;  /* 2 * n_guide bytes: child, sibling label per unit */
	uint32_t n_guide;
	void *mem;             /* the file's bytes (guide points into them); owned */
};

/*
 * Read the dawgdic file path into *dawg. DYAD_ENOENT when it is missing,
 * DYAD_EIO when it cannot be read, DYAD_EDATA when its sizes do not add up,
 * DYAD_ENOMEM; errmsg (DYAD_ERRMSG_MAX bytes, may be NULL) names the path.
 * Release with dyad__dawg_release (also after a failure).
 */
dyad_status dyad__dawg_load(const char *path, struct dyad__dawg *dawg, char *errmsg);
void dyad__dawg_release(struct dyad__dawg *dawg);

/* The root unit, where every key starts. */
#define DYAD__DAWG_ROOT 0u

/* The unit reached from index by the bytes (key, len); DYAD__DAWG_NONE if none. */
uint32_t dyad__dawg_follow(const struct dyad__dawg *dawg, uint32_t index,
                           const uint8_t *key, size_t len);

/* 1 and *value when a key ends at index; 0 otherwise. */
int dyad__dawg_value(const struct dyad__dawg *dawg, uint32_t index, uint32_t *value);

/*
 * Enumerating the key tails below a unit (the payloads after a separator):
 *     struct dyad__dawg_walk w; dyad__dawg_walk_start(&w, dawg, index);
 *     while (dyad__dawg_walk_next(&w)) use(w.key, w.len);
 * Tails come in byte order; a tail longer than DYAD__DAWG_MAX_DEPTH (only in
 * a corrupt file) ends the walk.
 */
struct dyad__dawg_walk {
	const struct dyad__dawg *dawg;
	uint32_t stack[DYAD__DAWG_MAX_DEPTH + 1]; /* units from the start down */
	uint8_t key[DYAD__DAWG_MAX_DEPTH];        /* the current tail */
	size_t len;                               /* its length (stack depth - 1) */
	int started;
	int done;
};

void dyad__dawg_walk_start(struct dyad__dawg_walk *walk, const struct dyad__dawg *dawg,
                           uint32_t index);
int dyad__dawg_walk_next(struct dyad__dawg_walk *walk);

#endif
