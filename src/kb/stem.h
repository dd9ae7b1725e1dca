/*
 * stem.h - the keys a word is matched by: its Snowball stem in its
 * language, and its name key, the word less one case ending of names
 * (data/lang/ID/name_endings.tsv). Dictionary phrases (kb/phrase.h) and
 * document tokens (text/tokenize.c) are keyed by the same functions.
 */
#ifndef DYAD_KB_STEM_H
#define DYAD_KB_STEM_H

#include <stddef.h>

#include "dyad.h"
#include "kb/lang.h"

/* Longest stem or lower-cased word the tokenizer keeps. */
#define DYAD_MAX_WORD_BYTES 128

/*
 * Stem one lower-case word of the language (NULL: the default language,
 * dyad__lang_default) into out (cap bytes, NUL-terminated). Returns the
 * length written. Words the stemmer leaves alone are copied unchanged.
 */
size_t dyad__stem(const dyad_engine *engine, const struct dyad__lang *lang,
                  const char *lower, size_t len, char *out, size_t cap);

/*
 * The length of the name key of a lower-case word: the word less one case
 * ending of its language (a word of a language whose names do not inflect,
 * or of no language, is its own key).
 */
size_t dyad__name_stem_len(const struct dyad__lang *lang, const char *lower, size_t len);

/*
 * Every name key a text word may stand for: the word itself and the word
 * less each case ending it has ("китая" -> китая, кита, кит), since a text
 * word cannot tell its ending from its stem ("Китая" is Китай + я, not
 * кит + ая). Dictionary phrases are keyed with dyad__name_stem_len; the
 * matcher tries all of these. Returns how many lengths it wrote.
 */
#define DYAD_MAX_NAME_KEYS 4
size_t dyad__name_key_lens(const struct dyad__lang *lang, const char *lower, size_t len,
                           size_t lens[DYAD_MAX_NAME_KEYS]);

/* The engine's memo of stems (kb/engine.c makes and frees it). */
struct dyad__stem_cache;
struct dyad__stem_cache *dyad__stem_cache_new(void);
void dyad__stem_cache_free(struct dyad__stem_cache *c);
/* The engine is loaded: from now on the memo is only read. */
void dyad__stem_cache_freeze(struct dyad__stem_cache *c);

#endif
