/*
 * arena.c - block-list bump allocator (see arena.h).
 */
#include "core/arena.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/alloc.h"

#define ARENA_FIRST_BLOCK (16u << 10) /* most documents fit in a few blocks */
#define ARENA_MAX_BLOCK (256u << 10)  /* blocks grow to this, no further */
/* An allocation this large gets a block of its own: no block is wasted on
 * it, and the arrays that grow (tokens, mentions) are resized in place. */
#define ARENA_OWN_BLOCK (ARENA_MAX_BLOCK / 4)
#define ARENA_ALIGN alignof(max_align_t)

struct dyad_arena_block {
	struct dyad_arena_block *next;
	size_t size; /* usable bytes after the header */
	size_t used;
	int own;     /* holds one allocation only (ARENA_OWN_BLOCK) */
	alignas(max_align_t) unsigned char data[];
};

void dyad_arena_init(struct dyad_arena *arena, size_t cap)
{
	arena->head = NULL;
	arena->used = 0;
	arena->reserved = 0;
	arena->cap = cap;
	arena->refused = 0;
}

void dyad_arena_release(struct dyad_arena *arena)
{
	struct dyad_arena_block *block = arena->head;
	while (block) {
		struct dyad_arena_block *next = block->next;
		if (block->own)
			dyad__pages_free(block, sizeof *block + block->size);
		else
			dyad__free(block);
		block = next;
	}
	arena->head = NULL;
	arena->used = 0;
	arena->reserved = 0;
}

static size_t align_up(size_t n)
{
	return (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
}

/* A block of its own for one large allocation, linked behind every heap
 * block so that the head keeps serving the small ones. */
static void *own_block(struct dyad_arena *arena, size_t need)
{
	if (arena->cap && arena->reserved + need > arena->cap) {
		arena->refused = 1;
		return NULL;
	}
	struct dyad_arena_block *block = dyad__pages_alloc(sizeof *block + need);
	if (!block)
		return NULL;
	block->size = block->used = need;
	block->own = 1;
	/* at the tail: the heap blocks all come before the mapped ones, so each
	 * is reachable through heap memory (LeakSanitizer does not scan mapped
	 * pages, and a long-lived arena, a loaded dictionary, is alive at exit) */
	block->next = NULL;
	struct dyad_arena_block **link = &arena->head;
	while (*link)
		link = &(*link)->next;
	*link = block;
	arena->reserved += need;
	arena->used += need;
	return block->data;
}

void *dyad_arena_alloc(struct dyad_arena *arena, size_t size)
{
	size_t need = align_up(size ? size : 1);
	if (need < size)
		return NULL;
	if (need >= ARENA_OWN_BLOCK)
		return own_block(arena, need);
	struct dyad_arena_block *block = arena->head;
	if (!block || block->own || block->size - block->used < need) {
		size_t grow = block && !block->own ? block->size * 2 : ARENA_FIRST_BLOCK;
		if (grow > ARENA_MAX_BLOCK)
			grow = ARENA_MAX_BLOCK;
		if (grow < need)
			grow = need;
		if (arena->cap && arena->reserved + grow > arena->cap) {
			if (arena->reserved + need > arena->cap) {
				arena->refused = 1;
				return NULL;
			}
			grow = need;
		}
		block = dyad__malloc(sizeof *block + grow);
		if (!block)
			return NULL;
		block->size = grow;
		block->used = 0;
		block->own = 0;
		block->next = arena->head;
		arena->head = block;
		arena->reserved += grow;
	}
	void *p = block->data + block->used;
	block->used += need;
	arena->used += need;
	return p;
}

void *dyad_arena_calloc(struct dyad_arena *arena, size_t count, size_t size)
{
	int overflow;
	size_t total = dyad__mul_size(count, size, &overflow);
	if (overflow)
		return NULL;
	void *p = dyad_arena_alloc(arena, total);
	if (p && align_up(total ? total : 1) < ARENA_OWN_BLOCK)
		memset(p, 0, total); /* a block of its own is fresh zero pages */
	return p;
}

char *dyad_arena_strndup(struct dyad_arena *arena, const char *s, size_t len)
{
	char *copy = dyad_arena_alloc(arena, len + 1);
	if (!copy)
		return NULL;
	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

char *dyad_arena_strdup(struct dyad_arena *arena, const char *s)
{
	return dyad_arena_strndup(arena, s, strlen(s));
}

/* The link that points at the block of its own that holds p, or NULL. */
static struct dyad_arena_block **own_link(struct dyad_arena *arena, const void *p)
{
	for (struct dyad_arena_block **link = &arena->head; *link; link = &(*link)->next)
		if ((*link)->own && (const void *)(*link)->data == p)
			return link;
	return NULL;
}

/* Resize an array of its own block in place; NULL when p is none (or the
 * block could not grow: then *failed is set). */
static void *resize_own(struct dyad_arena *arena, void *p, size_t old_bytes,
                        size_t total, int zero, int *failed)
{
	struct dyad_arena_block **link = p ? own_link(arena, p) : NULL;
	size_t need = align_up(total);
	*failed = 0;
	if (!link || need < total || total < old_bytes)
		return NULL;
	if (arena->cap && arena->reserved - (*link)->size + need > arena->cap) {
		arena->refused = 1;
		*failed = 1;
		return NULL;
	}
	/* remapped: the pages move, nothing is copied, the new ones are zero */
	size_t old_size = (*link)->size;
	struct dyad_arena_block *b = dyad__pages_resize(*link, sizeof *b + old_size,
	                                                sizeof *b + need);
	if (!b) {
		*failed = 1;
		return NULL;
	}
	arena->reserved += need - b->size;
	arena->used += need - b->size;
	if (zero && old_size > old_bytes)
		memset(b->data + old_bytes, 0, old_size - old_bytes);
	b->size = b->used = need;
	*link = b;
	return b->data;
}

static void *grow(struct dyad_arena *arena, void *old, size_t old_count,
                  size_t new_count, size_t size, int zero)
{
	int overflow, failed;
	size_t total = dyad__mul_size(new_count, size, &overflow);
	if (overflow)
		return NULL;
	void *p = resize_own(arena, old, old_count * size, total, zero, &failed);
	if (p || failed)
		return p;
	p = zero ? dyad_arena_calloc(arena, new_count, size) : dyad_arena_alloc(arena, total);
	if (p && old && old_count)
		memcpy(p, old, (old_count < new_count ? old_count : new_count) * size);
	return p;
}

void *dyad_arena_grow(struct dyad_arena *arena, void *old, size_t old_count,
                      size_t new_count, size_t size)
{
	return grow(arena, old, old_count, new_count, size, 1);
}

void *dyad_arena_resize(struct dyad_arena *arena, void *old, size_t old_count,
                        size_t new_count, size_t size)
{
	return grow(arena, old, old_count, new_count, size, 0);
}
