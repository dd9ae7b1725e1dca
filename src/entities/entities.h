/*
 * entities.h - knowledge-base questions the entity and event stages share.
 */
#ifndef DYAD_ENTITIES_ENTITIES_H
#define DYAD_ENTITIES_ENTITIES_H

#include "doc/work.h"
#include "kb/gazetteer.h"

/*
 * The one person who held role in country iso3 on the date (or, for an
 * undated text, holds it now); NULL when nobody or several did.
 */
const struct dyad__person *dyad__kb_office_holder(const struct dyad__gazetteer *gaz,
                                                  const char *iso3, const char *role,
                                                  const struct dyad__date *on);

#endif
