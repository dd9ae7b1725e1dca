/*
 * date_norm.h - dates as the output contract writes them: "YYYY-MM-DD", or
 * "YYYY-MM-DDTHH:MM:SS" with "Z" or "+HH:MM". Every "published" value dyad
 * prints goes through here (HTML markup, JSON Lines fields, URL paths) or is
 * dropped.
 */
#ifndef DYAD_KB_DATE_NORM_H
#define DYAD_KB_DATE_NORM_H

#include <stddef.h>

#include "kb/dates.h"

/* Bytes dyad__date_normalise and dyad__date_from_url need in out. */
#define DYAD_DATE_ISO_CAP 32

/*
 * Normalise a date to "YYYY-MM-DD", or to "YYYY-MM-DDTHH:MM:SS" with "Z" or
 * "+HH:MM" when a time and an offset are given (a time without an offset
 * keeps only the day): ISO 8601 in its usual shapes, RFC 2822 ("Mon, 18 Nov
 * 2019 16:07:38 -0600"), and with dates (may be NULL) any day-month-year the
 * date words can read. Years before 1991 or after 2100 are placeholders, not
 * dates. Writes NUL-terminated into out (cap bytes, at least
 * DYAD_DATE_ISO_CAP) and returns the length, or 0 when s holds no full date.
 */
size_t dyad__date_normalise(const char *s, size_t len,
                            const struct dyad__date_lexicon *dates, char *out,
                            size_t cap);

/* The date a URL's path gives ("/2024/06/19/", "/2024-06-19/"), as
 * "YYYY-MM-DD" into out (cap >= DYAD_DATE_ISO_CAP); returns the length or 0. */
size_t dyad__date_from_url(const char *url, char *out, size_t cap);

#endif
