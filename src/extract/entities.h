/*
 * entities.h - knowledge-base questions the entity and event stages share.
 */
#ifndef DYAD_EXTRACT_ENTITIES_H
#define DYAD_EXTRACT_ENTITIES_H

#include "extract/work.h"
#include "lexicon/gazetteer.h"

/*
 * The one person who held role in country iso3 on the date (or, for an
 * undated text, holds it now); NULL when nobody or several did.
 */
const struct dyad__person *dyad__kb_office_holder(const struct dyad__gazetteer *gaz,
                                                  const char *iso3, const char *role,
                                                  const struct dyad__date *on);

#endif
