/*
 * words.h - questions about one token of a document that the knowledge base
 * answers: its language, is it a modifier of some kind (modifiers.tsv of
 * its language), does it end in a grammatical ending (endings.tsv), does a
 * predicate pattern start with it, is it a verb of saying (speech.tsv).
 * Shared by the entity and event stages.
 */
#ifndef DYAD_TEXT_WORDS_H
#define DYAD_TEXT_WORDS_H

#include <stddef.h>

#include "doc/work.h"
#include "kb/lang.h"
#include "kb/verbs.h"

/* The language of token k: the one that claims its script, the document's
 * own when it does (kb/lang.h); NULL for digits and marks. */
const struct dyad__lang *dyad__tok_lang(const struct dyad__work *w, size_t k);

/*
 * Token k of the document is a lower-case word some predicate pattern
 * starts with ("thanked", "development", "визит") - prepositions, which
 * also start patterns ("в кулуарах"), excepted.
 */
int dyad__predicate_word(const struct dyad__work *w, size_t k);

/* Token k of the document ends in an ending of that kind (endings.tsv). */
int dyad__tok_ends(const struct dyad__work *w, size_t k, enum dyad__ending kind);

/* Token k of the document is a modifier of that kind. */
int dyad__tok_kind(const struct dyad__work *w, size_t k, enum dyad__modifier kind);

/* Token k is a verb of saying as written (the forms of speech.tsv of its
 * language): "said", "сообщает". */
int dyad__is_cue(const struct dyad__work *w, size_t k);

#endif
