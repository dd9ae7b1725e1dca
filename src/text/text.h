/*
 * text.h - the text stages of the pipeline, each adding its layer to struct
 * dyad__work (doc/work.h): normalised text and lines, then (after the
 * metadata stage has marked the lines) sentences and tokens. Every stage
 * returns a status; DYAD_ENOMEM is the only one that stops a document.
 */
#ifndef DYAD_TEXT_TEXT_H
#define DYAD_TEXT_TEXT_H

#include "doc/work.h"

/* normalise.c: input text -> w->text (NFC, LF, spaces), w->lines. */
dyad_status dyad__normalise(struct dyad__work *w, const char *text, size_t len);

/* segment.c: body lines -> w->sentences (the lines the metadata stage left
 * as article text). */
dyad_status dyad__segment(struct dyad__work *w);

/* tokenize.c: sentences -> w->tokens with lower-case forms and stems. */
dyad_status dyad__tokenize(struct dyad__work *w);

#endif
