/*
 * words.h - questions about one token of a document that the knowledge base
 * answers: is it a modifier of some kind (data/verbs/modifiers.tsv), does it
 * end in a grammatical ending (data/verbs/endings.tsv), does a predicate
 * pattern start with it, is it a verb of saying. Shared by the entity and
 * event stages.
 */
#ifndef DYAD_TEXT_WORDS_H
#define DYAD_TEXT_WORDS_H

#include <stddef.h>

#include "doc/work.h"
#include "kb/verbs.h"

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

/* Token k is a verb of saying (data/people/name_shapes.tsv, kind cue):
 * "said", "сообщает". */
int dyad__is_cue(const struct dyad__work *w, size_t k);

#endif
