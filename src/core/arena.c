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
#define ARENA_ALIGN alignof(max_align_t)

struct dyad_arena_block {
	struct dyad_arena_block *next;
	size_t size; /* usable bytes after the header */
	size_t used;
	alignas(max_align_t) unsigned char data[];
};

void dyad_arena_init(struct dyad_arena *arena, size_t cap)
{
	arena->head = NULL;
	arena->used = 0;
	arena->reserved = 0;
	arena->cap = cap;
}

void dyad_arena_release(struct dyad_arena *arena)
{
	struct dyad_arena_block *block = arena->head;
	while (block) {
		struct dyad_arena_block *next = block->next;
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

void *dyad_arena_alloc(struct dyad_arena *arena, size_t size)
{
	size_t need = align_up(size ? size : 1);
	if (need < size)
		return NULL;
	struct dyad_arena_block *block = arena->head;
	if (!block || block->size - block->used < need) {
		size_t grow = block ? block->size * 2 : ARENA_FIRST_BLOCK;
		if (grow < need)
			grow = need;
		if (arena->cap && arena->reserved + grow > arena->cap) {
			if (arena->reserved + need > arena->cap)
				return NULL;
			grow = need;
		}
		block = dyad__malloc(sizeof *block + grow);
		if (!block)
			return NULL;
		block->size = grow;
		block->used = 0;
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
	if (p)
		memset(p, 0, total);
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

void *dyad_arena_grow(struct dyad_arena *arena, void *old, size_t old_count,
                      size_t new_count, size_t size)
{
	void *p = dyad_arena_calloc(arena, new_count, size);
	if (p && old && old_count)
		memcpy(p, old, (old_count < new_count ? old_count : new_count) * size);
	return p;
}
