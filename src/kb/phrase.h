/*
 * phrase.h - turning a dictionary phrase into the key the matchers look up.
 *
 * A phrase ("Kassym-Jomart Tokayev", "министр иностранных дел") is split by
 * the one scanning rule (core/token.h) the way document text is, and each
 * word is lower-cased and stemmed with the stemmer of its language
 * (kb/lang.h). The key is the stems joined by DYAD_KEY_SEP, so that a run of
 * document tokens builds the same key.
 */
#ifndef DYAD_KB_PHRASE_H
#define DYAD_KB_PHRASE_H

#include <stddef.h>
#include <stdint.h>

#include "dyad.h"

#define DYAD_KEY_SEP '\x1f'
#define DYAD_MAX_PHRASE_TOKENS 12
#define DYAD_MAX_KEY_BYTES 512

struct dyad_phrase {
	char key[DYAD_MAX_KEY_BYTES]; /* stems joined by DYAD_KEY_SEP */
	size_t key_len;
	size_t n_tokens;
	size_t prefix_len[DYAD_MAX_PHRASE_TOKENS]; /* key length after token i */
	char name_key[DYAD_MAX_KEY_BYTES]; /* name keys joined (kb/stem.h) */
	size_t name_key_len;
	size_t name_prefix_len[DYAD_MAX_PHRASE_TOKENS];
	int first_cap;     /* the phrase starts with an upper-case letter */
	int first_allcaps; /* its first word is an acronym ("UN", "РФ") */
};

/*
 * Fill phrase from (s, n). Returns DYAD_EINVAL when the phrase is empty, has
 * more than DYAD_MAX_PHRASE_TOKENS tokens or a key over DYAD_MAX_KEY_BYTES.
 */
dyad_status dyad_phrase_make(const dyad_engine *engine, const char *s, size_t n,
                             struct dyad_phrase *phrase);

#endif
