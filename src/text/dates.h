/*
 * dates.h - the date a span of a document talks about, resolved against the
 * document's publication date.
 *
 * The reading itself (the shapes of dates, the relative phrases) is
 * kb/date_text.h, shared with the HTML reader; this is the stages' view of
 * it over the document's working state.
 */
#ifndef DYAD_TEXT_DATES_H
#define DYAD_TEXT_DATES_H

#include <stddef.h>
#include <stdint.h>

#include "doc/work.h"
#include "kb/date_text.h"
#include "kb/dates.h"

/*
 * Find a date expression inside w->text[start, end) and resolve it against
 * the publication date w->published (dyad__date_resolve with the engine's
 * date words): returns 1 and *out when found, *past as there.
 */
int dyad__date_in_span(const struct dyad__work *w, uint32_t start, uint32_t end,
                       struct dyad__date *out, int *past);

#endif
