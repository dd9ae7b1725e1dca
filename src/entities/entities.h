/*
 * entities.h - knowledge-base questions the entity and event stages share.
 */
#ifndef DYAD_ENTITIES_ENTITIES_H
#define DYAD_ENTITIES_ENTITIES_H

#include "doc/work.h"
#include "kb/gazetteer.h"

/* The stage: mentions and merged entities. */
dyad_status dyad__entities_extract(struct dyad__work *w);

/*
 * The one person who held role in country iso3 on the date (or, for an
 * undated text, holds it now); NULL when nobody or several did.
 */
const struct dyad__person *dyad__kb_office_holder(const struct dyad__gazetteer *gaz,
                                                  const char *iso3, const char *role,
                                                  const struct dyad__date *on);

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
