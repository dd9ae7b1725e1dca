/*
 * aho.h - many literal byte strings found in one pass over a text
 * (Aho-Corasick), for the tables of the knowledge base that are matched
 * against every line of a document (the credit patterns of
 * data/meta/credits.tsv): one walk over the line instead of one search per
 * pattern.
 *
 * The automaton is built once when the engine loads and read-only after:
 * a table of transitions over the byte classes the keys use (bytes no key
 * has share one class), failure links folded into it, and for every state
 * the keys that end there.
 */
#ifndef DYAD_KB_AHO_H
#define DYAD_KB_AHO_H

#include <stddef.h>
#include <stdint.h>

#include "dyad.h"

struct dyad__aho {
	uint8_t cls[256];      /* byte -> class; 0 for bytes no key uses */
	uint32_t n_classes;
	uint32_t n_states;
	uint32_t *next;        /* n_states * n_classes transitions; heap */
	uint32_t *out;         /* per state: the key ending there, or UINT32_MAX */
	uint32_t *out_link;    /* per state: the next state on its failure chain
	                          where a key ends, or 0 (the root has none) */
	uint8_t *hits;         /* per state: 1 when a key ends there or on its
	                          failure chain (the scan's one test per byte) */
	size_t *key_len;       /* per key; heap */
	size_t n_keys;
};

/*
 * Build the automaton of keys[0..n) (lens[i] bytes each; empty keys are
 * never found, a key listed twice is found once as its first index). Zeroes
 * *a first; DYAD_ENOMEM leaves nothing to free.
 */
dyad_status dyad__aho_build(struct dyad__aho *a, const char *const *keys,
                            const size_t *lens, size_t n);
void dyad__aho_release(struct dyad__aho *a);

/* Called for every occurrence: the key and the byte where it starts. */
typedef void dyad__aho_hit(void *ctx, uint32_t key, size_t start);

/* Every occurrence of every key inside text[from, to), in the order of
 * their ends. */
void dyad__aho_scan(const struct dyad__aho *a, const char *text, size_t from,
                    size_t to, dyad__aho_hit *hit, void *ctx);

#endif
