/*
 * dates.h - calendar dates: the date struct every layer shares, calendar
 * arithmetic, and the words of data/dates/ (month and weekday names in every
 * case and abbreviation, and the relative expressions), loaded once into a
 * struct dyad__date_lexicon that the engine's meta lexicon owns. Reading
 * dates out of text is text/dates.h. All matching is on lower-cased words,
 * so a new language is a data change.
 */
#ifndef DYAD_KB_DATES_H
#define DYAD_KB_DATES_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/hash.h"
#include "dyad.h"

/* A calendar date; fields are 0 when unknown (year 0 = no date). */
struct dyad__date {
	int year;
	int month; /* 1..12 */
	int day;   /* 1..31 */
};

/* A month/day with no year is put in the publication year unless that lands
 * more than this many days after publication; then it is last year's. */
#define DYAD_DATE_FUTURE_SLACK_DAYS 7
/* An event this many days or more before publication is told as the past. */
#define DYAD_DATE_RECENT_DAYS 7
/* Longest relative phrase, in words ("the day before yesterday"). */
#define DYAD_DATE_MAX_PHRASE_WORDS 6

/* Longest word of the date vocabulary. Words are letter runs of the one
 * scanning rule, or runs joined by an apostrophe ("п'ятниця", written with
 * ' in the vocabulary whichever apostrophe the text uses). */
#define DYAD_DATE_MAX_WORD_BYTES 64

/* What a word of data/dates/ means; one word may be several things. */
struct dyad__date_word {
	int8_t month;      /* 1..12, or 0 */
	int8_t weekday;    /* 0..6 (Sunday 0), or -1 */
	uint8_t month_cap; /* the month name counts only when capitalised */
	uint8_t weekday_cap;
};

enum dyad__date_rel_kind {
	DYAD_REL_DAY,         /* "yesterday": value = offset in days */
	DYAD_REL_WEEK,        /* "last week": offset in weeks */
	DYAD_REL_MONTH,       /* "last month": offset in months */
	DYAD_REL_YEAR,        /* "last year": offset in years */
	DYAD_REL_RECENT,      /* "the other day", "на днях": a few days before */
	DYAD_REL_YEAR_OF,     /* after a month: "of last year", "прошлого года" */
	DYAD_REL_MONTH_MOD,   /* before a month: "last" (November) */
	DYAD_REL_WEEKDAY_MOD, /* before a weekday: "last", "next", "on" */
	DYAD_REL_AGO,         /* "ago", "назад" after "N years" */
	DYAD_REL_UNIT_DAY,    /* "days", "дней" in "N days ago" */
	DYAD_REL_UNIT_WEEK,
	DYAD_REL_UNIT_MONTH,
	DYAD_REL_UNIT_YEAR,
	DYAD_REL_YEAR_WORD,   /* "года", "г." after a year number */
	DYAD_REL_IN,          /* "in", "в" before a bare year */
	DYAD_REL_JOINER,      /* "of", "de" between day, month and year */
	DYAD_REL_ORDINAL,     /* "th", "er" glued to a day number */
	DYAD_REL_AT,          /* "at", "в", "um" between a date and its time */
	DYAD_REL_WEEKDAY_NAME, /* a weekday name of several words ("bazar
	                          ertəsi"): value = the weekday */
	DYAD_N_REL_KINDS
};

struct dyad__date_phrase {
	uint32_t words[DYAD_DATE_MAX_PHRASE_WORDS]; /* vocabulary ids */
	uint8_t n_words;
	uint8_t kind;   /* enum dyad__date_rel_kind */
	int16_t value;
};

struct dyad__date_lexicon {
	struct dyad_hash vocab;            /* lower-case word -> index in words */
	struct dyad__date_word *words;     /* heap */
	size_t n_words;
	struct dyad__date_phrase *phrases; /* heap */
	size_t n_phrases;
	/* The phrases by their first word: those starting with vocabulary word
	 * v are by_first[first[v] .. first[v + 1]), longest first, so a match
	 * looks at a handful of phrases instead of all of them. Heap. */
	uint32_t *first;                   /* n_words + 1 entries */
	uint32_t *by_first;                /* n_phrases entries */
};

/*
 * Load data/dates/{months,weekdays,relative}.tsv (folder data_dir) into lex,
 * allocating from arena. DYAD_EDATA with "file:line: message" in errmsg on a
 * bad line, DYAD_ENOENT/DYAD_EIO when a file is missing, DYAD_ENOMEM.
 * Release with dyad__date_lexicon_release (the arena holds the rest).
 */
dyad_status dyad__date_lexicon_load(struct dyad__date_lexicon *lex,
                                    struct dyad_arena *arena,
                                    const char *data_dir, char *errmsg);
void dyad__date_lexicon_release(struct dyad__date_lexicon *lex);

/* The vocabulary key of a written word (s, len): lower case, apostrophes
 * written '. NUL-terminated into out (cap bytes); the length, 0 when it does
 * not fit. */
size_t dyad__date_word_key(const char *s, size_t len, char *out, size_t cap);

/* The end of the date word starting at text[start] (a letter run, runs
 * joined by apostrophes), or start when none starts there. */
size_t dyad__date_word_end(const char *text, size_t start, size_t end);

/* "YYYY-MM-DD", "YYYY-MM" or "YYYY" into out (cap bytes); returns the length
 * written (0 when d has no year or cap is too small). */
size_t dyad__date_format(const struct dyad__date *d, char *out, size_t cap);

/* Calendar arithmetic (proleptic Gregorian). */
int dyad__date_valid(int year, int month, int day);
int dyad__days_in_month(int year, int month);
int dyad__weekday(int year, int month, int day); /* 0..6, Sunday 0 */
long dyad__days_from_civil(int year, int month, int day);
void dyad__civil_from_days(long days, struct dyad__date *out);

/* The year of a month/day written without one, seen from the publication
 * date pub (DYAD_DATE_FUTURE_SLACK_DAYS rule); 0 when pub has no year. */
int dyad__date_infer_year(const struct dyad__date *pub, int month, int day);

#endif
