/*
 * dates.c - the date of a span of a document (see dates.h): the engine's
 * date words and the document's publication date handed to the one date
 * reader, kb/date_text.c.
 */
#include "text/dates.h"

#include "kb/engine.h"
#include "kb/meta.h"

int dyad__date_in_span(const struct dyad__work *w, uint32_t start, uint32_t end,
                       struct dyad__date *out, int *past)
{
	if (past)
		*past = 0;
	if (end > w->len)
		return 0;
	return dyad__date_resolve(dyad__meta_dates(w->engine), w->text, start, end,
	                          &w->published, out, past);
}
