/*
 * ktable.c - 64-bit keyed tables, growable and frozen (see ktable.h).
 */
#include "parse/ktable.h"

#include <string.h>

#include "core/alloc.h"

#define KTABLE_MAGIC 0x4c42544bu /* "KTBL" */
#define MIN_SLOTS 16

struct ktable_header {
	uint32_t magic, reserved;
	uint64_t n_slots, n;
};

static uint64_t home(uint64_t key, uint64_t mask)
{
	return (key ^ (key >> 31)) & mask;
}

void dyad__kbuild_init(struct dyad__kbuild *b)
{
	memset(b, 0, sizeof *b);
}

void dyad__kbuild_release(struct dyad__kbuild *b)
{
	dyad__free(b->slots);
	memset(b, 0, sizeof *b);
}

static struct dyad__kslot *probe(struct dyad__kslot *slots, size_t n_slots, uint64_t key)
{
	uint64_t mask = n_slots - 1;
	uint64_t i = home(key, mask);
	while (slots[i].key && slots[i].key != key)
		i = (i + 1) & mask;
	return &slots[i];
}

static dyad_status grow(struct dyad__kbuild *b)
{
	size_t n_slots = b->n_slots ? b->n_slots * 2 : MIN_SLOTS;
	struct dyad__kslot *slots = dyad__calloc(n_slots, sizeof *slots);
	if (!slots)
		return DYAD_ENOMEM;
	for (size_t i = 0; i < b->n_slots; i++)
		if (b->slots[i].key)
			*probe(slots, n_slots, b->slots[i].key) = b->slots[i];
	dyad__free(b->slots);
	b->slots = slots;
	b->n_slots = n_slots;
	return DYAD_OK;
}

dyad_status dyad__kbuild_put(struct dyad__kbuild *b, uint64_t key, uint32_t value)
{
	if (key == 0)
		return DYAD_EINVAL;
	if ((b->n + 1) * 2 > b->n_slots && grow(b) != DYAD_OK)
		return DYAD_ENOMEM;
	struct dyad__kslot *s = probe(b->slots, b->n_slots, key);
	if (!s->key) {
		s->key = key;
		b->n++;
	}
	s->value = value;
	return DYAD_OK;
}

uint32_t *dyad__kbuild_get(const struct dyad__kbuild *b, uint64_t key)
{
	if (!b->n_slots || key == 0)
		return NULL;
	struct dyad__kslot *s = probe(b->slots, b->n_slots, key);
	return s->key ? &s->value : NULL;
}

dyad_status dyad__kbuild_freeze(const struct dyad__kbuild *b, struct dyad_buf *out)
{
	/* re-inserted in slot order into a table sized for its content, so the
	 * frozen bytes depend only on what was put, not on the growth history */
	size_t n_slots = MIN_SLOTS;
	while (n_slots < 2 * b->n)
		n_slots *= 2;
	struct dyad__kslot *slots = dyad__calloc(n_slots, sizeof *slots);
	if (!slots)
		return DYAD_ENOMEM;
	for (size_t i = 0; i < b->n_slots; i++)
		if (b->slots[i].key)
			*probe(slots, n_slots, b->slots[i].key) = b->slots[i];
	struct ktable_header h = {KTABLE_MAGIC, 0, n_slots, b->n};
	dyad_buf_append(out, &h, sizeof h);
	dyad_status st = dyad_buf_append(out, slots, n_slots * sizeof *slots);
	dyad__free(slots);
	return st;
}

dyad_status dyad__ktable_open(const void *p, size_t len, struct dyad__ktable *t)
{
	struct ktable_header h;
	memset(t, 0, sizeof *t);
	if (len == 0)
		return DYAD_OK;
	if (len < sizeof h || ((uintptr_t)p & 7))
		return DYAD_EDATA;
	memcpy(&h, p, sizeof h);
	if (h.magic != KTABLE_MAGIC || h.n_slots < MIN_SLOTS || (h.n_slots & (h.n_slots - 1)) ||
	    h.n * 2 > h.n_slots || (len - sizeof h) / sizeof(struct dyad__kslot) < h.n_slots)
		return DYAD_EDATA;
	t->slots = (const struct dyad__kslot *)(const void *)((const char *)p + sizeof h);
	t->mask = h.n_slots - 1;
	t->n = h.n;
	return DYAD_OK;
}
