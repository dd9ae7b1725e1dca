/*
 * byline.h - the names of a byline, without what stands around them: lead
 * words ("By", "Автор:"), job titles ("AP National Security Writer"), dates,
 * domains, credentials and the outlet's own name. The words come from
 * data/html/bylines.tsv (kb/html.h) and data/dates/ (kb/dates.h).
 */
#ifndef DYAD_KB_BYLINE_H
#define DYAD_KB_BYLINE_H

#include <stddef.h>

#include "kb/dates.h"
#include "kb/html.h"

/*
 * The names of a byline (s, len) into out (cap bytes), joined with ", ":
 * lead words, job titles, dates (month and weekday names from dates, may be
 * NULL) and the site's name (site, may be NULL) taken out. lex may be NULL
 * (no title or lead words known). Returns the length, 0 when no name is
 * left.
 */
size_t dyad__byline_clean(const struct dyad__html_lexicon *lex,
                          const struct dyad__date_lexicon *dates,
                          const char *site, const char *s, size_t len,
                          char *out, size_t cap);

#endif
