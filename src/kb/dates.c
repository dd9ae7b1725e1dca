/*
 * dates.c - the date words of data/dates/ (month and weekday names in every
 * case and abbreviation, relative expressions) and calendar arithmetic (see
 * dates.h). The reader of dates in text is text/dates.c.
 */
#include "kb/dates.h"

#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/utf8.h"
#include "core/vec.h"
#include "kb/tsv.h"

#define MONTHS_FILE "dates/months.tsv"
#define WEEKDAYS_FILE "dates/weekdays.tsv"
#define RELATIVE_FILE "dates/relative.tsv"

#define MAX_FORMS 32          /* variants on one line of a data file */
#define MAX_INFER_BACK_YEARS 8 /* 29 February: the last leap year is this close */
#define NO_VOCAB UINT32_MAX

/* ---- calendar ------------------------------------------------------- */

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int dyad__days_in_month(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (month < 1 || month > 12)
		return 0;
	return days[month - 1] + (month == 2 && is_leap(year));
}

int dyad__date_valid(int year, int month, int day)
{
	return year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
	       day <= dyad__days_in_month(year, month);
}

/* Howard Hinnant's days_from_civil: days since 1970-01-01. */
long dyad__days_from_civil(int year, int month, int day)
{
	long y = year - (month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void dyad__civil_from_days(long z, struct dyad__date *out)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	out->day = (int)(doy - (153 * mp + 2) / 5 + 1);
	out->month = (int)(mp < 10 ? mp + 3 : mp - 9);
	out->year = (int)(y + (out->month <= 2));
}

int dyad__weekday(int year, int month, int day)
{
	long d = dyad__days_from_civil(year, month, day);
	long w = (d + 4) % 7; /* 1970-01-01 was a Thursday */
	return (int)(w < 0 ? w + 7 : w);
}

int dyad__date_infer_year(const struct dyad__date *pub, int month, int day)
{
	if (!pub || pub->year == 0 || pub->month == 0)
		return 0;
	int pday = pub->day ? pub->day : 1;
	long limit = dyad__days_from_civil(pub->year, pub->month, pday) +
	             DYAD_DATE_FUTURE_SLACK_DAYS;
	int d = day ? day : 1;
	for (int y = pub->year; y > pub->year - MAX_INFER_BACK_YEARS; y--) {
		if (!dyad__date_valid(y, month, d))
			continue; /* 29 February: the last leap year */
		if (dyad__days_from_civil(y, month, d) <= limit)
			return y;
	}
	return 0;
}

size_t dyad__date_format(const struct dyad__date *d, char *out, size_t cap)
{
	int n;
	if (!d || d->year <= 0 || d->year > 9999 || cap == 0)
		return 0;
	if (d->month && d->day)
		n = snprintf(out, cap, "%04d-%02d-%02d", d->year, d->month, d->day);
	else if (d->month)
		n = snprintf(out, cap, "%04d-%02d", d->year, d->month);
	else
		n = snprintf(out, cap, "%04d", d->year);
	if (n < 0 || (size_t)n >= cap) {
		out[0] = '\0';
		return 0;
	}
	return (size_t)n;
}

/* ---- loading -------------------------------------------------------- */

struct loader {
	struct dyad__date_lexicon *lex;
	struct dyad_arena *arena;
	size_t words_alloc, phrases_alloc;
};

/* The vocabulary id of a lower-case word, added when new. NO_VOCAB on ENOMEM. */
static uint32_t vocab_add(struct loader *ld, const char *word, size_t len)
{
	struct dyad__date_lexicon *lex = ld->lex;
	uint32_t id;
	if (dyad_hash_get(&lex->vocab, word, len, &id))
		return id;
	char *key = dyad_arena_strndup(ld->arena, word, len);
	struct dyad__date_word *w =
		DYAD_VEC_PUSH(&lex->words, &lex->n_words, &ld->words_alloc);
	if (!key || !w)
		return NO_VOCAB;
	w->weekday = -1;
	id = (uint32_t)(lex->n_words - 1);
	if (dyad_hash_put(&lex->vocab, key, len, id, NULL, NULL) != DYAD_OK)
		return NO_VOCAB;
	return id;
}

static dyad_status parse_int(struct dyad_tsv *tsv, const char *field, int lo,
                             int hi, const char *what, int *out)
{
	if (!field)
		return dyad_tsv_error(tsv, "%s is missing", what);
	const char *p = field;
	int sign = 1, v = 0, digits = 0;
	if (*p == '-' || *p == '+')
		sign = *p++ == '-' ? -1 : 1;
	for (; *p >= '0' && *p <= '9' && digits < 6; p++, digits++)
		v = v * 10 + (*p - '0');
	v *= sign;
	if (*p || !digits || v < lo || v > hi)
		return dyad_tsv_error(tsv, "\"%s\": %s must be %d..%d", field, what, lo, hi);
	*out = v;
	return DYAD_OK;
}

static dyad_status parse_case(struct dyad_tsv *tsv, const char *field, int *cap)
{
	if (field && strcmp(field, "title") == 0)
		*cap = 1;
	else if (field && strcmp(field, "any") == 0)
		*cap = 0;
	else
		return dyad_tsv_error(tsv, "\"%s\": case must be title or any",
		                      field ? field : "-");
	return DYAD_OK;
}

/* months.tsv and weekdays.tsv share one shape: number, lang, case, forms. */
static dyad_status load_names(struct loader *ld, const char *data_dir,
                              const char *file, int is_month, char *errmsg)
{
	static const char *const month_cols[] = {"month", "lang", "case", "forms"};
	static const char *const weekday_cols[] = {"weekday", "lang", "case", "forms"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, ld->arena, data_dir, file,
	                                  is_month ? month_cols : weekday_cols, 4, errmsg);
	if (st != DYAD_OK)
		return st;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		int value = 0, cap = 0;
		if ((st = parse_int(&tsv, tsv.fields[0], is_month ? 1 : 0,
		                    is_month ? 12 : 6, is_month ? "month" : "weekday",
		                    &value)) != DYAD_OK ||
		    (st = parse_case(&tsv, tsv.fields[2], &cap)) != DYAD_OK)
			return st;
		char *forms[MAX_FORMS];
		size_t n = dyad_tsv_split(tsv.fields[3], forms, MAX_FORMS);
		if (n == 0 || n > MAX_FORMS)
			return dyad_tsv_error(&tsv, "expected 1..%d forms", MAX_FORMS);
		for (size_t i = 0; i < n; i++) {
			char lower[DYAD_DATE_MAX_WORD_BYTES];
			size_t len = dyad_utf8_lower(forms[i], strlen(forms[i]), lower,
			                             sizeof lower);
			if (len == 0 || len + 1 >= sizeof lower || strchr(lower, ' ') ||
			    strchr(lower, '.'))
				return dyad_tsv_error(&tsv, "\"%s\": a form is one word without "
				                      "a full stop", forms[i]);
			uint32_t id = vocab_add(ld, lower, len);
			if (id == NO_VOCAB)
				return DYAD_ENOMEM;
			struct dyad__date_word *w = &ld->lex->words[id];
			if (is_month) {
				if (w->month && w->month != value)
					return dyad_tsv_error(&tsv, "\"%s\" is already month %d",
					                      forms[i], w->month);
				w->month = (int8_t)value;
				w->month_cap = (uint8_t)cap;
			} else {
				if (w->weekday >= 0 && w->weekday != value)
					return dyad_tsv_error(&tsv, "\"%s\" is already weekday %d",
					                      forms[i], w->weekday);
				w->weekday = (int8_t)value;
				w->weekday_cap = (uint8_t)cap;
			}
		}
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

static const char *const rel_kind_names[DYAD_N_REL_KINDS] = {
	[DYAD_REL_DAY] = "day",
	[DYAD_REL_WEEK] = "week",
	[DYAD_REL_MONTH] = "month",
	[DYAD_REL_YEAR] = "year",
	[DYAD_REL_RECENT] = "recent",
	[DYAD_REL_YEAR_OF] = "year_of",
	[DYAD_REL_MONTH_MOD] = "month_mod",
	[DYAD_REL_WEEKDAY_MOD] = "weekday_mod",
	[DYAD_REL_AGO] = "ago",
	[DYAD_REL_UNIT_DAY] = "unit_day",
	[DYAD_REL_UNIT_WEEK] = "unit_week",
	[DYAD_REL_UNIT_MONTH] = "unit_month",
	[DYAD_REL_UNIT_YEAR] = "unit_year",
	[DYAD_REL_YEAR_WORD] = "year_word",
	[DYAD_REL_IN] = "in",
};

#define MAX_REL_VALUE 100 /* offsets beyond a century are data errors */

static dyad_status load_relative(struct loader *ld, const char *data_dir,
                                 char *errmsg)
{
	static const char *const cols[] = {"lang", "phrase", "kind", "value"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, ld->arena, data_dir, RELATIVE_FILE, cols, 4, errmsg);
	if (st != DYAD_OK)
		return st;
	struct dyad__date_lexicon *lex = ld->lex;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		char **f = tsv.fields;
		int kind = -1, value;
		for (int k = 0; k < DYAD_N_REL_KINDS; k++)
			if (f[2] && strcmp(f[2], rel_kind_names[k]) == 0)
				kind = k;
		if (kind < 0)
			return dyad_tsv_error(&tsv, "\"%s\": unknown kind", f[2] ? f[2] : "-");
		if ((st = parse_int(&tsv, f[3], -MAX_REL_VALUE, MAX_REL_VALUE, "value",
		                    &value)) != DYAD_OK)
			return st;
		if (!f[1])
			return dyad_tsv_error(&tsv, "phrase is missing");
		struct dyad__date_phrase *ph =
			DYAD_VEC_PUSH(&lex->phrases, &lex->n_phrases, &ld->phrases_alloc);
		if (!ph)
			return DYAD_ENOMEM;
		ph->kind = (uint8_t)kind;
		ph->value = (int16_t)value;
		char lower[DYAD_DATE_MAX_WORD_BYTES * DYAD_DATE_MAX_PHRASE_WORDS];
		size_t len = dyad_utf8_lower(f[1], strlen(f[1]), lower, sizeof lower);
		for (size_t a = 0; a < len;) {
			size_t b = a;
			while (b < len && lower[b] != ' ')
				b++;
			if (b == a || ph->n_words == DYAD_DATE_MAX_PHRASE_WORDS)
				return dyad_tsv_error(&tsv, "\"%s\": 1..%d words with single "
				                      "spaces", f[1], DYAD_DATE_MAX_PHRASE_WORDS);
			uint32_t id = vocab_add(ld, lower + a, b - a);
			if (id == NO_VOCAB)
				return DYAD_ENOMEM;
			ph->words[ph->n_words++] = id;
			a = b + 1;
		}
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

dyad_status dyad__date_lexicon_load(struct dyad__date_lexicon *lex,
                                    struct dyad_arena *arena,
                                    const char *data_dir, char *errmsg)
{
	memset(lex, 0, sizeof *lex);
	dyad_hash_init(&lex->vocab);
	struct loader ld = {.lex = lex, .arena = arena};
	dyad_status st;
	if ((st = load_names(&ld, data_dir, MONTHS_FILE, 1, errmsg)) != DYAD_OK ||
	    (st = load_names(&ld, data_dir, WEEKDAYS_FILE, 0, errmsg)) != DYAD_OK ||
	    (st = load_relative(&ld, data_dir, errmsg)) != DYAD_OK) {
		dyad__date_lexicon_release(lex);
		return st;
	}
	return DYAD_OK;
}

void dyad__date_lexicon_release(struct dyad__date_lexicon *lex)
{
	if (!lex)
		return;
	dyad_hash_release(&lex->vocab);
	dyad__free(lex->words);
	dyad__free(lex->phrases);
	memset(lex, 0, sizeof *lex);
}
