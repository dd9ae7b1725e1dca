/*
 * events.h - the event stage: CAMEO events from the sentences, by dyad's own
 * coder (resolvers.c and its parts) and by the user's TABARI/PETRARCH
 * dictionaries (dict.c).
 */
#ifndef DYAD_EVENTS_EVENTS_H
#define DYAD_EVENTS_EVENTS_H

#include "doc/work.h"

/* resolvers.c: events from the predicate patterns of data/verbs/. */
dyad_status dyad__events_extract(struct dyad__work *w);

/* dict.c: events from the user's TABARI/PETRARCH dictionaries, when
 * dyad_engine_use_dict() gave some. */
dyad_status dyad__dict_events_extract(struct dyad__work *w);

#endif
