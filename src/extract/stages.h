/*
 * stages.h - the extraction stages dyad_extract() runs in order, each adding
 * its layer to struct dyad__work (see work.h). Every stage returns a status;
 * DYAD_ENOMEM is the only one that stops a document.
 */
#ifndef DYAD_EXTRACT_STAGES_H
#define DYAD_EXTRACT_STAGES_H

#include "doc/work.h"

/* text/normalise.c: input text -> w->text (NFC, LF, spaces), w->lines. */
dyad_status dyad__normalise(struct dyad__work *w, const char *text, size_t len);

/* extract/meta.c: language, title, dates, outlet, author, dateline;
 * marks clutter/title/meta lines and sets w->body_line and w->published. */
dyad_status dyad__meta_extract(struct dyad__work *w);

/* text/segment.c: body lines -> w->sentences (needs w->lang_ru per line). */
dyad_status dyad__segment(struct dyad__work *w);

/* text/tokenize.c: sentences -> w->tokens with lower-case forms and stems. */
dyad_status dyad__tokenize(struct dyad__work *w);

/* extract/entities.c: mentions and merged entities. */
dyad_status dyad__entities_extract(struct dyad__work *w);

/* extract/events.c: CAMEO events from the sentences. */
dyad_status dyad__events_extract(struct dyad__work *w);

/* extract/dict_events.c: events from the user's TABARI/PETRARCH
 * dictionaries, when dyad_engine_use_dict() gave some. */
dyad_status dyad__dict_events_extract(struct dyad__work *w);

/* extract/quotes.c and extract/amounts.c */
dyad_status dyad__quotes_extract(struct dyad__work *w);
dyad_status dyad__amounts_extract(struct dyad__work *w);

#endif
