/*
 * aho.c - the Aho-Corasick automaton of aho.h.
 *
 * Built in two steps: the keys make a trie whose edges are byte classes;
 * a breadth-first pass then gives each state its failure link and turns
 * every missing edge into the edge of the failure state, so that scanning
 * is one table look-up per byte. Keys are short (credit patterns), so the
 * table stays small: states are at most the bytes of all keys.
 */
#include "kb/aho.h"

#include <string.h>

#include "core/alloc.h"

#define NONE UINT32_MAX

void dyad__aho_release(struct dyad__aho *a)
{
	if (!a)
		return;
	dyad__free(a->next);
	dyad__free(a->out);
	dyad__free(a->out_link);
	dyad__free(a->hits);
	dyad__free(a->key_len);
	memset(a, 0, sizeof *a);
}

/* Byte classes: 1.. for the bytes the keys use, 0 for the rest. */
static void make_classes(struct dyad__aho *a, const char *const *keys,
                         const size_t *lens, size_t n)
{
	a->n_classes = 1;
	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < lens[k]; i++) {
			uint8_t b = (uint8_t)keys[k][i];
			if (!a->cls[b])
				a->cls[b] = (uint8_t)a->n_classes++;
		}
}

/* The trie of the keys; returns 0 on ENOMEM. */
static int make_trie(struct dyad__aho *a, const char *const *keys,
                     const size_t *lens, size_t n, size_t max_states)
{
	size_t nc = a->n_classes;
	a->next = dyad__malloc(max_states * nc * sizeof *a->next);
	a->out = dyad__malloc(max_states * sizeof *a->out);
	a->out_link = dyad__calloc(max_states, sizeof *a->out_link);
	a->key_len = dyad__malloc((n ? n : 1) * sizeof *a->key_len);
	if (!a->next || !a->out || !a->out_link || !a->key_len)
		return 0;
	memset(a->next, 0xFF, max_states * nc * sizeof *a->next);
	a->out[0] = NONE;
	a->n_states = 1;
	for (size_t k = 0; k < n; k++) {
		a->key_len[k] = lens[k];
		if (lens[k] == 0)
			continue;
		uint32_t s = 0;
		for (size_t i = 0; i < lens[k]; i++) {
			uint32_t *edge = &a->next[s * nc + a->cls[(uint8_t)keys[k][i]]];
			if (*edge == NONE) {
				*edge = a->n_states;
				a->out[a->n_states++] = NONE;
			}
			s = *edge;
		}
		if (a->out[s] == NONE)
			a->out[s] = (uint32_t)k;
	}
	a->n_keys = n;
	return 1;
}

/* Failure links, breadth first; missing edges become those of the failure
 * state. The queue is a heap array of states (each enters once). */
static int link_failures(struct dyad__aho *a)
{
	size_t nc = a->n_classes;
	uint32_t *queue = dyad__malloc(a->n_states * sizeof *queue);
	uint32_t *fail = dyad__calloc(a->n_states, sizeof *fail);
	if (!queue || !fail) {
		dyad__free(queue);
		dyad__free(fail);
		return 0;
	}
	size_t head = 0, tail = 0;
	for (size_t c = 0; c < nc; c++) {
		uint32_t t = a->next[c];
		if (t == NONE) {
			a->next[c] = 0;
		} else {
			fail[t] = 0;
			queue[tail++] = t;
		}
	}
	while (head < tail) {
		uint32_t s = queue[head++];
		for (size_t c = 0; c < nc; c++) {
			uint32_t *edge = &a->next[(size_t)s * nc + c];
			uint32_t via = a->next[(size_t)fail[s] * nc + c];
			if (*edge == NONE) {
				*edge = via;
				continue;
			}
			uint32_t t = *edge;
			fail[t] = via;
			a->out_link[t] = a->out[via] != NONE ? via : a->out_link[via];
			queue[tail++] = t;
		}
	}
	dyad__free(queue);
	dyad__free(fail);
	return 1;
}

dyad_status dyad__aho_build(struct dyad__aho *a, const char *const *keys,
                            const size_t *lens, size_t n)
{
	memset(a, 0, sizeof *a);
	size_t max_states = 1;
	for (size_t k = 0; k < n; k++)
		max_states += lens[k];
	make_classes(a, keys, lens, n);
	if (!make_trie(a, keys, lens, n, max_states) || !link_failures(a) ||
	    !(a->hits = dyad__malloc(a->n_states))) {
		dyad__aho_release(a);
		return DYAD_ENOMEM;
	}
	for (uint32_t st = 0; st < a->n_states; st++)
		a->hits[st] = a->out[st] != NONE || a->out_link[st] != 0;
	return DYAD_OK;
}

void dyad__aho_scan(const struct dyad__aho *a, const char *text, size_t from,
                    size_t to, dyad__aho_hit *hit, void *ctx)
{
	if (!a->next)
		return;
	size_t nc = a->n_classes;
	uint32_t s = 0;
	for (size_t i = from; i < to; i++) {
		s = a->next[(size_t)s * nc + a->cls[(uint8_t)text[i]]];
		if (!a->hits[s])
			continue;
		for (uint32_t k = a->out[s] != NONE ? s : a->out_link[s]; k;
		     k = a->out_link[k]) {
			uint32_t key = a->out[k];
			hit(ctx, key, i + 1 - a->key_len[key]);
		}
	}
}
