/*
 * dates.c - the date words of data/dates/ (month and weekday names in every
 * case and abbreviation, relative expressions) and calendar arithmetic (see
 * dates.h). The reader of dates in text is text/dates.c.
 */
#include "kb/dates.h"

#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/token.h"
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

/* ---- words ---------------------------------------------------------- */

/* 1 when the bytes at s (n left) start an apostrophe: ', U+2019, U+02BC. */
static size_t apostrophe_len(const char *s, size_t n)
{
	if (n >= 1 && s[0] == '\'')
		return 1;
	if (n >= 3 && memcmp(s, "\xE2\x80\x99", 3) == 0)
		return 3;
	if (n >= 2 && memcmp(s, "\xCA\xBC", 2) == 0)
		return 2;
	return 0;
}

size_t dyad__date_word_key(const char *s, size_t len, char *out, size_t cap)
{
	if (cap == 0 || len >= DYAD_DATE_MAX_WORD_BYTES)
		return 0;
	size_t n = dyad_utf8_lower(s, len, out, cap);
	if (n + 1 >= cap)
		return 0;
	if (!memchr(out, '\'', n) && !memchr(out, '\xE2', n) && !memchr(out, '\xCA', n))
		return n; /* the common case: no apostrophe */
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		size_t a = apostrophe_len(out + i, n - i);
		if (a) {
			out[o++] = '\'';
			i += a;
		} else {
			out[o++] = out[i++];
		}
	}
	out[o] = '\0';
	return o;
}

size_t dyad__date_word_end(const char *text, size_t start, size_t end)
{
	size_t i = start;
	struct dyad__piece p, q;
	if (!dyad__next_piece(text, &i, end, &p) || p.kind != DYAD_PIECE_LETTERS)
		return start;
	size_t j = p.end;
	for (;;) {
		size_t a = apostrophe_len(text + j, end - j), k = j + a;
		if (!a || !dyad__next_piece(text, &k, end, &q) || q.kind != DYAD_PIECE_LETTERS)
			return j;
		j = q.end;
	}
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

/* The words of a phrase (single spaces between them) into ph->words. */
static dyad_status phrase_words(struct loader *ld, struct dyad_tsv *tsv,
                                const char *text, struct dyad__date_phrase *ph)
{
	size_t len = strlen(text);
	for (size_t a = 0; a <= len;) {
		size_t b = a;
		while (b < len && text[b] != ' ')
			b++;
		char key[DYAD_DATE_MAX_WORD_BYTES];
		size_t klen = b > a ? dyad__date_word_key(text + a, b - a, key, sizeof key) : 0;
		if (klen == 0 || ph->n_words == DYAD_DATE_MAX_PHRASE_WORDS ||
		    dyad__date_word_end(text, a, b) != b)
			return dyad_tsv_error(tsv, "\"%s\": 1..%d words of letters with single "
			                      "spaces", text, DYAD_DATE_MAX_PHRASE_WORDS);
		uint32_t id = vocab_add(ld, key, klen);
		if (id == NO_VOCAB)
			return DYAD_ENOMEM;
		ph->words[ph->n_words++] = id;
		a = b + 1;
	}
	return DYAD_OK;
}

static struct dyad__date_phrase *new_phrase(struct loader *ld, int kind, int value)
{
	struct dyad__date_lexicon *lex = ld->lex;
	struct dyad__date_phrase *ph =
		DYAD_VEC_PUSH(&lex->phrases, &lex->n_phrases, &ld->phrases_alloc);
	if (ph) {
		memset(ph, 0, sizeof *ph);
		ph->kind = (uint8_t)kind;
		ph->value = (int16_t)value;
	}
	return ph;
}

/*
 * One form of a month or weekday name. A weekday of several words ("bazar
 * ertəsi") becomes a phrase. A form two languages share with different case
 * rules counts in any case: the language that writes it in lower case needs
 * that, and a capital is any case too.
 */
static dyad_status add_name(struct loader *ld, struct dyad_tsv *tsv,
                            const char *form, int is_month, int value, int cap)
{
	size_t len = strlen(form);
	if (!is_month && strchr(form, ' ')) {
		struct dyad__date_phrase *ph = new_phrase(ld, DYAD_REL_WEEKDAY_NAME, value);
		return ph ? phrase_words(ld, tsv, form, ph) : DYAD_ENOMEM;
	}
	char key[DYAD_DATE_MAX_WORD_BYTES];
	size_t klen = dyad__date_word_key(form, len, key, sizeof key);
	if (klen == 0 || dyad__date_word_end(form, 0, len) != len)
		return dyad_tsv_error(tsv, "\"%s\": a form is one word of letters (an "
		                      "apostrophe may join two), without a full stop", form);
	uint32_t id = vocab_add(ld, key, klen);
	if (id == NO_VOCAB)
		return DYAD_ENOMEM;
	struct dyad__date_word *w = &ld->lex->words[id];
	if (is_month) {
		if (w->month && w->month != value)
			return dyad_tsv_error(tsv, "\"%s\" is already month %d", form, w->month);
		w->month_cap = (uint8_t)(w->month ? w->month_cap && cap : cap);
		w->month = (int8_t)value;
	} else {
		if (w->weekday >= 0 && w->weekday != value)
			return dyad_tsv_error(tsv, "\"%s\" is already weekday %d", form,
			                      w->weekday);
		w->weekday_cap = (uint8_t)(w->weekday >= 0 ? w->weekday_cap && cap : cap);
		w->weekday = (int8_t)value;
	}
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
		for (size_t i = 0; i < n; i++)
			if ((st = add_name(ld, &tsv, forms[i], is_month, value, cap)) != DYAD_OK)
				return st;
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
	[DYAD_REL_JOINER] = "joiner",
	[DYAD_REL_ORDINAL] = "ordinal",
	[DYAD_REL_AT] = "at",
	[DYAD_REL_WEEKDAY_NAME] = "weekday_name",
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
		struct dyad__date_phrase *ph = new_phrase(ld, kind, value);
		if (!ph)
			return DYAD_ENOMEM;
		if ((st = phrase_words(ld, &tsv, f[1], ph)) != DYAD_OK)
			return st;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

/* Sort one group of phrase indices, longer phrases first and the order of
 * the files among equals (insertion sort: a group is a few phrases). */
static void longest_first(const struct dyad__date_phrase *phrases, uint32_t *g,
                          size_t n)
{
	for (size_t i = 1; i < n; i++) {
		uint32_t x = g[i];
		size_t j = i;
		while (j > 0 && phrases[g[j - 1]].n_words < phrases[x].n_words) {
			g[j] = g[j - 1];
			j--;
		}
		g[j] = x;
	}
}

/* first/by_first: the phrases grouped by their first word (counting sort). */
static dyad_status index_phrases(struct dyad__date_lexicon *lex)
{
	lex->first = dyad__calloc(lex->n_words + 1, sizeof *lex->first);
	lex->by_first = dyad__calloc(lex->n_phrases ? lex->n_phrases : 1,
	                             sizeof *lex->by_first);
	uint32_t *next = dyad__calloc(lex->n_words + 1, sizeof *next);
	if (!lex->first || !lex->by_first || !next) {
		dyad__free(next);
		return DYAD_ENOMEM;
	}
	for (size_t p = 0; p < lex->n_phrases; p++)
		lex->first[lex->phrases[p].words[0] + 1]++;
	for (size_t v = 0; v < lex->n_words; v++)
		lex->first[v + 1] += lex->first[v];
	memcpy(next, lex->first, (lex->n_words + 1) * sizeof *next);
	for (size_t p = 0; p < lex->n_phrases; p++)
		lex->by_first[next[lex->phrases[p].words[0]]++] = (uint32_t)p;
	dyad__free(next);
	for (size_t v = 0; v < lex->n_words; v++)
		longest_first(lex->phrases, lex->by_first + lex->first[v],
		              lex->first[v + 1] - lex->first[v]);
	return DYAD_OK;
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
	    (st = load_relative(&ld, data_dir, errmsg)) != DYAD_OK ||
	    (st = index_phrases(lex)) != DYAD_OK) {
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
	dyad__free(lex->first);
	dyad__free(lex->by_first);
	memset(lex, 0, sizeof *lex);
}
