/*
 * entities.h - the entity stage: its entry point and the parts its files share.
 */
#ifndef DYAD_ENTITIES_ENTITIES_H
#define DYAD_ENTITIES_ENTITIES_H

#include "doc/work.h"
#include "kb/gazetteer.h"

/* The stage (mentions.c): mentions and merged entities. */
dyad_status dyad__entities_extract(struct dyad__work *w);

/* ---- shared by the passes ------------------------------------------------ */

/* mentions.c: the mention covering token tok, or NULL. */
struct dyad__mention *dyad__mention_at(struct dyad__work *w, size_t tok);
/* mentions.c: a mention that can give a title or a body its country. */
int dyad__gives_country(const struct dyad__mention *m);

/* titles.c, pass 2 on sentence s, whose mentions are those from index
 * `first` to the last: a named body of one state given to another
 * ("Pakistan's Foreign Office"), generic state bodies with their country,
 * titles with no name standing for the office holder. */
void dyad__reassign_owned_orgs(struct dyad__work *w, size_t s, size_t first);
void dyad__compose_org_heads(struct dyad__work *w, size_t s, size_t first);
void dyad__titles_as_people(struct dyad__work *w, size_t s, size_t first);
/* titles.c: a group of people with no state of its own ("protesters",
 * "активисты") is of the state where it stands ("in Tbilisi"). */
void dyad__groups_where_they_stand(struct dyad__work *w, size_t s, size_t first);
/* "KATHMANDU, June 12: ...", "MOSCOW (Reuters) - ...": the capital of a dateline
 * that opens sentence s is where the story was filed, not an actor. */
void dyad__dateline_places(struct dyad__work *w, size_t s, size_t first);
/* titles.c: the title before the name (up to a few words away) or after it
 * in apposition ("Name, Ambassador of X to Y,") gives it role and country. */
void dyad__title_before(struct dyad__work *w, struct dyad__mention *name,
                        size_t s_start, size_t s_end);
void dyad__title_after(struct dyad__work *w, struct dyad__mention *name, size_t s_end);
/* titles.c: "Jan Kowalski of Poland", "Джон Смит из США": the state after
 * the name gives a name without a country its country. */
void dyad__origin_after(struct dyad__work *w, struct dyad__mention *name, size_t s_end);

/* names.c, pass 2 on sentence s (mentions from `first` on): titled names,
 * and names next to a verb of saying, shaped like a surname or known by
 * their surname, become people. */
void dyad__confirm_names(struct dyad__work *w, size_t s, size_t first);
/* names.c: the person of the knowledge base a word names, trying every
 * name key of it, the longest first ("Абдоллахианом"); NULL when none. */
const struct dyad__person *dyad__person_of_word(const struct dyad__work *w,
                                                const struct dyad__token *t);
/* names.c: the surname token of a person mention (its last word). */
size_t dyad__surname_token(const struct dyad__work *w, const struct dyad__mention *m);
/* names.c: the spelling skeleton of token k into out (cap bytes); returns
 * its length. Remembered with the token's form. */
size_t dyad__token_skeleton(struct dyad__work *w, size_t k, char *out, size_t cap);
/* names.c: the skeleton of the first word of a name (the given name), in
 * the engine's memo or the document arena (lives as long as the document);
 * NULL for a one-word name or when out of memory. */
const char *dyad__given_skeleton(struct dyad__work *w, const char *name, size_t len);
/* names.c: the name of a mention as an entity shows it, in the document
 * arena (in the Latin letters of its language: "Галузин" -> "Galuzin"). */
char *dyad__mention_name(struct dyad__work *w, const struct dyad__mention *m);

/* titles.c: a capital or seat of power that is only where something
 * happens ("talks in Moscow"), not its state acting; the hook for the tree
 * (see there). */
int dyad__capital_is_place(const struct dyad__work *w, const struct dyad__mention *m);

/* nominative.c: the text of a person mention with its words in the
 * nominative ("Шамсаила Саралиева" -> "Шамсаил Саралиев"), in the document
 * arena; NULL when its language has no dictionary, no word reads as a
 * name, or out of memory (then the name stays as written). */
char *dyad__name_nominative(struct dyad__work *w, const struct dyad__mention *m);

/* merge.c, pass 3: entities from all mentions of the document. */
dyad_status dyad__build_entities(struct dyad__work *w);

/*
 * The longest dictionary phrase starting at token i of the sentence that
 * ends at token `end`. Returns its length in tokens (0 = none) and in *entry
 * the reading written most like the text when several phrases share a stem
 * key ("Каспия" is the Caspian, not the bank Kaspi); follow ->next for the
 * other readings.
 */
size_t dyad__gaz_match(const struct dyad__gazetteer *gaz,
                       const struct dyad__work *w, size_t i, size_t end,
                       const struct dyad__gaz_entry **entry);

#endif
