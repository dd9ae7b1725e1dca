/*
 * entities.h - the entity stage: its entry point and the parts its files share.
 */
#ifndef DYAD_ENTITIES_ENTITIES_H
#define DYAD_ENTITIES_ENTITIES_H

#include "doc/work.h"
#include "kb/gazetteer.h"

/* The stage: mentions and merged entities. */
dyad_status dyad__entities_extract(struct dyad__work *w);

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
