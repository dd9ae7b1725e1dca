/*
 * date_text.h - reading calendar dates out of a string with the date words
 * of kb/dates.h, and resolving them against a publication date.
 *
 * Three users: the HTML reader (read/) normalises the dates pages write in
 * their markup and finds the time stamp under a headline; the metadata stage
 * (meta/) looks for the time stamp of a text ("28 September 2021 08:00 (UTC
 * +04:00)", "22:25 8 ноября 2021", "8/18/2024 10:09:32 AM"); the event coder
 * asks what day a sentence talks about ("yesterday", "on Wednesday", "в
 * ноябре прошлого года"), through text/dates.h. The reading sits here, below
 * every stage, because the reader is below the text layer.
 *
 * All matching is on lower-cased words of the date lexicon, so a new
 * language is a data change.
 */
#ifndef DYAD_KB_DATE_TEXT_H
#define DYAD_KB_DATE_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "kb/dates.h"

/* An absolute date (or time stamp) found in text. */
struct dyad__date_expr {
	struct dyad__date date; /* year 0 when the text gives none */
	int weekday;            /* 0..6 when a weekday was written, else -1 */
	int hour, minute, second; /* -1 when no time was written */
	int has_offset;         /* a UTC offset was written */
	int offset_minutes;
	uint32_t start, end;    /* the bytes the expression covers */
	unsigned n_words;       /* words and numbers inside the expression */
};

/*
 * Find the first absolute calendar date in text[start, end): a numeric date
 * ("2025-10-21", "05.03.2024", "8/18/2024"), a day and a month name ("21
 * октября", "Sept. 28", "Sunday, May 26", "June 05"), with the year, time of
 * day and UTC offset around it when written. Returns 1 and fills *out, or 0.
 * Month names alone ("in June") are not time stamps and are not returned.
 */
int dyad__date_find(const struct dyad__date_lexicon *lex, const char *text,
                    uint32_t start, uint32_t end, struct dyad__date_expr *out);

/*
 * Find a date expression inside text[start, end) and resolve it against
 * the publication date pub: returns 1 and *out (year/month/day, day 0 if
 * only the month is known, month 0 if only the year) when found; *past (if
 * not NULL) is set to 1 when the expression puts the event clearly before
 * the publication day ("last November", "32 years ago", "in 1924"), else 0.
 * Expressions that need the publication date ("yesterday", "21 октября")
 * are not resolved when pub has no year. Day-precise expressions win over
 * month and year ones; among equals the first in the text wins.
 */
int dyad__date_resolve(const struct dyad__date_lexicon *lex, const char *text,
                       uint32_t start, uint32_t end, const struct dyad__date *pub,
                       struct dyad__date *out, int *past);

#endif
