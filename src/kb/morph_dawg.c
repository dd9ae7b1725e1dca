/*
 * morph_dawg.c - lookups and walks in a dawgdic DAWG (see morph_dawg.h for
 * the layout). Read once at load, then only read: a walk keeps its state in
 * the caller's struct, so several threads can walk one DAWG at a time.
 */
#include "kb/morph_dawg.h"

#include <string.h>

#include "core/alloc.h"
#include "kb/morph_file.h"

/* The bits of a unit, as dawgdic lays them out. */
#define UNIT_IS_LEAF (1u << 31)   /* a leaf unit: the rest is a value */
#define UNIT_HAS_LEAF (1u << 8)   /* a key ends here: the leaf is at i ^ offset */
#define UNIT_EXTENSION (1u << 9)  /* the offset is shifted left by 8 more bits */
#define UNIT_LABEL_MASK (UNIT_IS_LEAF | 0xFFu)

static uint32_t unit_offset(uint32_t u)
{
	return (u >> 10) << ((u & UNIT_EXTENSION) >> 6);
}

static uint32_t read_le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

/* Check the sizes, then turn the units into host order in place. */
static dyad_status parse(struct dyad__dawg *dawg, unsigned char *mem, size_t len,
                         const char *path, char *errmsg)
{
	if (len < 8)
		return dyad__morph_error(errmsg, DYAD_EDATA, path, "truncated DAWG (%zu bytes)", len);
	uint32_t n_units = read_le32(mem);
	size_t guide_at = 4 + (size_t)n_units * 4;
	if (n_units == 0 || guide_at + 4 > len)
		return dyad__morph_error(errmsg, DYAD_EDATA, path,
		                         "DAWG of %u units does not fit in %zu bytes", n_units, len);
	uint32_t n_guide = read_le32(mem + guide_at);
	if (n_guide != n_units || guide_at + 4 + (size_t)n_guide * 2 != len)
		return dyad__morph_error(errmsg, DYAD_EDATA, path,
		                         "DAWG guide of %u units does not match %u units in %zu bytes",
		                         n_guide, n_units, len);
	/* mem comes from malloc, so mem + 4 is aligned for uint32_t. */
	uint32_t *units = (uint32_t *)(void *)(mem + 4);
	for (uint32_t i = 0; i < n_units; i++)
		units[i] = read_le32(mem + 4 + (size_t)i * 4);
	dawg->units = units;
	dawg->n_units = n_units;
	dawg->guide = mem + guide_at + 4;
	dawg->n_guide = n_guide;
	return DYAD_OK;
}

dyad_status dyad__dawg_load(const char *path, struct dyad__dawg *dawg, char *errmsg)
{
	memset(dawg, 0, sizeof *dawg);
	size_t len;
	dyad_status st = dyad__morph_read_file(path, &dawg->mem, &len, errmsg);
	if (st != DYAD_OK)
		return st;
	return parse(dawg, dawg->mem, len, path, errmsg);
}

void dyad__dawg_release(struct dyad__dawg *dawg)
{
	dyad__free(dawg->mem);
	memset(dawg, 0, sizeof *dawg);
}

static uint32_t follow_byte(const struct dyad__dawg *dawg, uint32_t index, uint8_t c)
{
	if (index >= dawg->n_units)
		return DYAD__DAWG_NONE;
	uint32_t next = index ^ unit_offset(dawg->units[index]) ^ c;
	if (next >= dawg->n_units || (dawg->units[next] & UNIT_LABEL_MASK) != c)
		return DYAD__DAWG_NONE;
	return next;
}

uint32_t dyad__dawg_follow(const struct dyad__dawg *dawg, uint32_t index,
                           const uint8_t *key, size_t len)
{
	for (size_t i = 0; i < len && index != DYAD__DAWG_NONE; i++)
		index = follow_byte(dawg, index, key[i]);
	return index;
}

static int has_leaf(const struct dyad__dawg *dawg, uint32_t index)
{
	return index < dawg->n_units && (dawg->units[index] & UNIT_HAS_LEAF) != 0;
}

int dyad__dawg_value(const struct dyad__dawg *dawg, uint32_t index, uint32_t *value)
{
	if (!has_leaf(dawg, index))
		return 0;
	uint32_t leaf = index ^ unit_offset(dawg->units[index]);
	if (leaf >= dawg->n_units)
		return 0;
	*value = dawg->units[leaf] & ~UNIT_IS_LEAF;
	return 1;
}

/* ---- walks ------------------------------------------------------------- */

static uint8_t guide_child(const struct dyad__dawg *dawg, uint32_t index)
{
	return index < dawg->n_guide ? dawg->guide[(size_t)index * 2] : 0;
}

static uint8_t guide_sibling(const struct dyad__dawg *dawg, uint32_t index)
{
	return index < dawg->n_guide ? dawg->guide[(size_t)index * 2 + 1] : 0;
}

void dyad__dawg_walk_start(struct dyad__dawg_walk *walk, const struct dyad__dawg *dawg,
                           uint32_t index)
{
	walk->dawg = dawg;
	walk->stack[0] = index;
	walk->len = 0;
	walk->started = 0;
	walk->done = index >= dawg->n_units;
}

/* Step down by byte c from the top of the stack; 0 (walk done) when it fails. */
static int push(struct dyad__dawg_walk *walk, uint8_t c)
{
	uint32_t next = follow_byte(walk->dawg, walk->stack[walk->len], c);
	if (next == DYAD__DAWG_NONE || walk->len >= DYAD__DAWG_MAX_DEPTH) {
		walk->done = 1;
		return 0;
	}
	walk->key[walk->len++] = c;
	walk->stack[walk->len] = next;
	return 1;
}

/* Go up until a unit has a next sibling and step to it; 0 at the end. */
static int next_sibling(struct dyad__dawg_walk *walk)
{
	for (;;) {
		uint8_t sibling = guide_sibling(walk->dawg, walk->stack[walk->len]);
		if (walk->len == 0) {
			walk->done = 1;
			return 0;
		}
		walk->len--;
		if (sibling)
			return push(walk, sibling);
	}
}

int dyad__dawg_walk_next(struct dyad__dawg_walk *walk)
{
	if (walk->done)
		return 0;
	if (walk->started) {
		uint8_t child = guide_child(walk->dawg, walk->stack[walk->len]);
		if (!(child ? push(walk, child) : next_sibling(walk)))
			return 0;
	}
	walk->started = 1;
	/* Down the first children to the next key end. */
	while (!has_leaf(walk->dawg, walk->stack[walk->len])) {
		uint8_t child = guide_child(walk->dawg, walk->stack[walk->len]);
		if (!child || !push(walk, child)) {
			walk->done = 1;
			return 0;
		}
	}
	return 1;
}
