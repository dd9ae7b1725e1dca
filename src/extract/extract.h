/*
 * extract.h - the last stages: quotations with their speakers and amounts.
 * pipeline.c runs every stage in order.
 */
#ifndef DYAD_EXTRACT_EXTRACT_H
#define DYAD_EXTRACT_EXTRACT_H

#include "doc/work.h"

/* quotes.c */
dyad_status dyad__quotes_extract(struct dyad__work *w);

/* amounts.c */
dyad_status dyad__amounts_extract(struct dyad__work *w);

#endif
