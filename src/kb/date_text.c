/*
 * date_text.c - calendar dates in text (see date_text.h).
 *
 * A span of text is cut into the pieces of the one scanning rule
 * (core/token.h: letter runs, digit runs, single marks) and the date shapes
 * are tried at every piece: numeric dates, a day with a month
 * name on either side, the time and UTC offset that often stand next to them,
 * and the relative expressions of data/dates/relative.tsv. Words are looked
 * up once per token in the vocabulary built from data/dates/, so matching a
 * phrase is comparing small integers.
 */
#include "kb/date_text.h"

#include <string.h>

#include "core/token.h"
#include "core/utf8.h"

#define SPAN_MAX_TOKENS 1024  /* tokens of one span examined; the rest is not */
#define MIN_YEAR 1800         /* four-digit numbers outside these are not years */
#define MAX_YEAR 2199
#define MAX_OFFSET_HOURS 14   /* UTC offsets run from -12 to +14 */
#define NO_VOCAB UINT32_MAX /* a word of no date vocabulary */

/* ---- tokens --------------------------------------------------------- */

enum tok_kind { TOK_WORD, TOK_NUM, TOK_MARK };

struct tok {
	uint32_t start, end;
	uint8_t kind;
	uint8_t cap;          /* word starting with a capital */
	uint8_t glued;        /* no space before it */
	uint8_t digits;       /* numbers: digit count */
	uint32_t mark;        /* marks: the code point */
	long value;           /* numbers: value (digits <= 9) */
	uint32_t vocab;       /* words: vocabulary id or NO_VOCAB */
};

struct toks {
	struct tok t[SPAN_MAX_TOKENS];
	size_t n;
	const char *text;
	const struct dyad__date_lexicon *lex;
};

#define MAX_NUMBER_DIGITS 9 /* longer digit runs keep value -1 */

/* A number token: its digits and value (-1 when too long for one). */
static void number_value(struct tok *t, const char *text)
{
	long v = 0;
	t->kind = TOK_NUM;
	for (uint32_t j = t->start; j < t->end; j++) {
		if (t->digits < MAX_NUMBER_DIGITS)
			v = v * 10 + (text[j] - '0');
		t->digits = (uint8_t)(t->digits < UINT8_MAX ? t->digits + 1 : t->digits);
	}
	t->value = t->digits <= MAX_NUMBER_DIGITS ? v : -1;
}

/* A word token: capitalised or not, and its id in the date vocabulary. */
static void word_vocab(const struct toks *ts, struct tok *t, const char *text,
                       uint32_t first_cp)
{
	t->kind = TOK_WORD;
	t->cap = (uint8_t)dyad_cp_is_upper(first_cp);
	char key[DYAD_DATE_MAX_WORD_BYTES];
	size_t len = dyad__date_word_key(text + t->start, t->end - t->start, key, sizeof key);
	uint32_t id;
	if (len && dyad_hash_get(&ts->lex->vocab, key, len, &id))
		t->vocab = id;
}

/* The span's pieces of the one scanning rule (core/token.h) as date
 * tokens: digit runs are numbers, letter runs words, any other character
 * but a space a mark. */
static void tokenize(struct toks *ts, const char *text, uint32_t start,
                     uint32_t end)
{
	ts->n = 0;
	ts->text = text;
	size_t i = start;
	int space = 1;
	struct dyad__piece p;
	while (ts->n < SPAN_MAX_TOKENS && dyad__next_piece(text, &i, end, &p)) {
		if (p.kind == DYAD_PIECE_SPACE) {
			space = 1;
			continue;
		}
		struct tok *t = &ts->t[ts->n++];
		memset(t, 0, sizeof *t);
		t->start = p.start;
		t->end = p.end;
		t->glued = (uint8_t)!space;
		t->vocab = NO_VOCAB;
		space = 0;
		if (p.kind == DYAD_PIECE_DIGITS) {
			number_value(t, text);
		} else if (p.kind == DYAD_PIECE_LETTERS) {
			/* "п'ятниця" is one word across its apostrophe when the
			 * vocabulary has it so; "Monday's" is Monday and 's */
			unsigned char c = p.end < end ? (unsigned char)text[p.end] : 0;
			if (c == '\'' || c == 0xE2 || c == 0xCA)
				t->end = (uint32_t)dyad__date_word_end(text, p.start, end);
			word_vocab(ts, t, text, p.cp);
			if (t->end > p.end && t->vocab == NO_VOCAB) {
				t->end = p.end;
				word_vocab(ts, t, text, p.cp);
			}
			i = t->end;
		} else {
			t->kind = TOK_MARK;
			t->mark = p.cp;
		}
	}
}

static const struct tok *tok_at(const struct toks *ts, size_t i)
{
	return i < ts->n ? &ts->t[i] : NULL;
}

static int is_mark(const struct toks *ts, size_t i, uint32_t cp)
{
	const struct tok *t = tok_at(ts, i);
	return t && t->kind == TOK_MARK && t->mark == cp;
}

static int is_num(const struct toks *ts, size_t i, int min_digits, int max_digits)
{
	const struct tok *t = tok_at(ts, i);
	return t && t->kind == TOK_NUM && t->digits >= min_digits &&
	       t->digits <= max_digits;
}

/* Case-insensitive ASCII comparison of a word token with s. */
static int word_is(const struct toks *ts, size_t i, const char *s)
{
	const struct tok *t = tok_at(ts, i);
	size_t n = strlen(s);
	if (!t || t->kind != TOK_WORD || t->end - t->start != n)
		return 0;
	for (size_t k = 0; k < n; k++) {
		char c = ts->text[t->start + k];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != s[k])
			return 0;
	}
	return 1;
}

static int tok_month(const struct toks *ts, size_t i)
{
	const struct tok *t = tok_at(ts, i);
	if (!t || t->kind != TOK_WORD || t->vocab == NO_VOCAB)
		return 0;
	const struct dyad__date_word *w = &ts->lex->words[t->vocab];
	if (!w->month || (w->month_cap && !t->cap))
		return 0;
	return w->month;
}

static size_t match_phrase(const struct toks *ts, size_t i, int kind,
                           const struct dyad__date_phrase **out);

/* The weekday named at token i (-1 when none) and its length in tokens:
 * a name of several words ("bazar ertəsi") before a one-word one. */
static int tok_weekday_n(const struct toks *ts, size_t i, size_t *n)
{
	const struct dyad__date_phrase *ph;
	size_t len = match_phrase(ts, i, DYAD_REL_WEEKDAY_NAME, &ph);
	*n = len;
	if (len)
		return ph->value;
	const struct tok *t = tok_at(ts, i);
	if (!t || t->kind != TOK_WORD || t->vocab == NO_VOCAB)
		return -1;
	const struct dyad__date_word *w = &ts->lex->words[t->vocab];
	if (w->weekday < 0 || (w->weekday_cap && !t->cap))
		return -1;
	*n = 1;
	return w->weekday;
}

/* Skip a full stop glued to the word at i-1 ("Sept.", "г."). */
static size_t skip_dot(const struct toks *ts, size_t i)
{
	const struct tok *t = tok_at(ts, i);
	return t && t->glued && t->kind == TOK_MARK && t->mark == '.' ? i + 1 : i;
}

/* Longest phrase of the given kind starting at token i; its length in
 * tokens (0 when none) and the phrase in *out. Only the phrases that start
 * with the token's word are looked at, longest first (kb/dates.h). */
static size_t match_phrase(const struct toks *ts, size_t i, int kind,
                           const struct dyad__date_phrase **out)
{
	const struct dyad__date_lexicon *lex = ts->lex;
	const struct tok *first = tok_at(ts, i);
	if (!first || first->vocab == NO_VOCAB || !lex->first)
		return 0;
	for (uint32_t g = lex->first[first->vocab]; g < lex->first[first->vocab + 1]; g++) {
		const struct dyad__date_phrase *ph = &lex->phrases[lex->by_first[g]];
		if (ph->kind != kind)
			continue;
		size_t k = 1;
		while (k < ph->n_words && i + k < ts->n &&
		       ts->t[i + k].vocab == ph->words[k])
			k++;
		if (k == ph->n_words) {
			*out = ph;
			return k;
		}
	}
	return 0;
}

/* 1 when a phrase of the kind starts at token i; *n its length. */
static int phrase_at(const struct toks *ts, size_t i, int kind, size_t *n)
{
	const struct dyad__date_phrase *ph;
	*n = match_phrase(ts, i, kind, &ph);
	return *n > 0;
}

/* ---- absolute dates ------------------------------------------------- */

static int valid_day(int year, int month, int day)
{
	if (year)
		return dyad__date_valid(year, month, day);
	return month >= 1 && month <= 12 && day >= 1 &&
	       day <= dyad__days_in_month(2000, month); /* a leap year allows 29 Feb */
}

static int year_value(const struct toks *ts, size_t i)
{
	if (!is_num(ts, i, 4, 4))
		return 0;
	long v = ts->t[i].value;
	return v >= MIN_YEAR && v <= MAX_YEAR ? (int)v : 0;
}

/* "08:00", "10:09:32 AM": returns the index after it, or i. */
static size_t match_time(const struct toks *ts, size_t i,
                         struct dyad__date_expr *e)
{
	if (!is_num(ts, i, 1, 2) || !is_mark(ts, i + 1, ':') || !ts->t[i + 1].glued ||
	    !is_num(ts, i + 2, 2, 2) || !ts->t[i + 2].glued)
		return i;
	int h = (int)ts->t[i].value, m = (int)ts->t[i + 2].value, s = 0;
	size_t j = i + 3;
	if (is_mark(ts, j, ':') && ts->t[j].glued && is_num(ts, j + 1, 2, 2) &&
	    ts->t[j + 1].glued) {
		s = (int)ts->t[j + 1].value;
		j += 2;
	}
	if (word_is(ts, j, "am") || word_is(ts, j, "pm")) {
		int pm = word_is(ts, j, "pm");
		if (h < 1 || h > 12)
			return i;
		h = h % 12 + (pm ? 12 : 0);
		j++;
	}
	if (h > 23 || m > 59 || s > 59)
		return i;
	e->hour = h;
	e->minute = m;
	e->second = s;
	return j;
}

static int is_sign(const struct toks *ts, size_t i, int *sign)
{
	if (is_mark(ts, i, '+')) {
		*sign = 1;
		return 1;
	}
	if (is_mark(ts, i, '-') || is_mark(ts, i, 0x2212) || is_mark(ts, i, 0x2013)) {
		*sign = -1;
		return 1;
	}
	return 0;
}

/* "(UTC +04:00)", "UTC+3", "GMT": returns the index after it, or i. */
static size_t match_offset(const struct toks *ts, size_t i,
                           struct dyad__date_expr *e)
{
	size_t j = i;
	int paren = is_mark(ts, j, '(');
	if (paren)
		j++;
	if (!word_is(ts, j, "utc") && !word_is(ts, j, "gmt"))
		return i;
	j++;
	int sign = 1, minutes = 0;
	if (is_sign(ts, j, &sign) && is_num(ts, j + 1, 1, 2)) {
		int h = (int)ts->t[j + 1].value, m = 0;
		j += 2;
		if (is_mark(ts, j, ':') && is_num(ts, j + 1, 2, 2)) {
			m = (int)ts->t[j + 1].value;
			j += 2;
		}
		if (h > MAX_OFFSET_HOURS || m > 59)
			return i;
		minutes = sign * (h * 60 + m);
	}
	if (paren) {
		if (!is_mark(ts, j, ')'))
			return i;
		j++;
	}
	e->has_offset = 1;
	e->offset_minutes = minutes;
	return j;
}

/* Day-month-year with numbers only, glued: 2025-10-21, 05.03.2024, 8/18/2024. */
static size_t match_numeric(const struct toks *ts, size_t i,
                            struct dyad__date_expr *e)
{
	if (!is_num(ts, i, 1, 4) || !tok_at(ts, i + 4))
		return i;
	const struct tok *a = &ts->t[i], *s1 = &ts->t[i + 1], *b = &ts->t[i + 2],
	                 *s2 = &ts->t[i + 3], *c = &ts->t[i + 4];
	if (s1->kind != TOK_MARK || s2->kind != TOK_MARK || s1->mark != s2->mark ||
	    !s1->glued || !b->glued || !s2->glued || !c->glued || b->kind != TOK_NUM ||
	    c->kind != TOK_NUM)
		return i;
	uint32_t sep = s1->mark;
	if (sep != '-' && sep != '.' && sep != '/')
		return i;
	int y, m, d;
	if (a->digits == 4 && b->digits <= 2 && c->digits <= 2) {
		y = (int)a->value; /* 2025-10-21, 2023.06.09 */
		m = (int)b->value;
		d = (int)c->value;
	} else if (a->digits <= 2 && b->digits <= 2 && c->digits == 4) {
		y = (int)c->value;
		/* the slash form is American (month first) unless the first number
		 * cannot be a month */
		int us = sep == '/' && a->value <= 12;
		m = (int)(us ? a->value : b->value);
		d = (int)(us ? b->value : a->value);
	} else {
		return i;
	}
	/* a number glued after it means a longer code, not a date */
	const struct tok *after = tok_at(ts, i + 5);
	if (after && after->glued && (after->kind == TOK_NUM || after->kind == TOK_WORD))
		return i;
	if (y < MIN_YEAR || y > MAX_YEAR || !dyad__date_valid(y, m, d))
		return i;
	e->date.year = y;
	e->date.month = m;
	e->date.day = d;
	return i + 5;
}

/* What may stand glued after a day number: an ordinal ending ("8th",
 * "1er", "1º") or the ordinal full stop ("5. Mai"), which only counts when
 * a month name follows. */
static size_t skip_ordinal(const struct toks *ts, size_t i)
{
	const struct tok *t = tok_at(ts, i);
	size_t n;
	if (t && t->glued && t->kind == TOK_WORD && phrase_at(ts, i, DYAD_REL_ORDINAL, &n))
		return i + n;
	if (t && t->glued && t->kind == TOK_MARK && t->mark == '.' && tok_month(ts, i + 1))
		return i + 1;
	return i;
}

/* A year after a day and month: ", 2022", "2022 года", "2021 г." */
static size_t match_year_after(const struct toks *ts, size_t i, int *year)
{
	size_t j = is_mark(ts, i, ',') ? i + 1 : i, n;
	if (phrase_at(ts, j, DYAD_REL_JOINER, &n) && year_value(ts, j + n))
		j += n; /* "de outubro de 2010" */
	int y = year_value(ts, j);
	if (!y)
		return i;
	/* "June 05, 16:10": a number that starts a time is not a year; "Oct
	 * 01, 2016: In a bid..." is */
	if (is_mark(ts, j + 1, ':') && ts->t[j + 1].glued && is_num(ts, j + 2, 2, 2) &&
	    ts->t[j + 2].glued)
		return i;
	*year = y;
	j++;
	if (phrase_at(ts, j, DYAD_REL_YEAR_WORD, &n))
		j = skip_dot(ts, j + n);
	return j;
}

/* Day and month name in either order, the year when written. */
static size_t match_named(const struct toks *ts, size_t i,
                          struct dyad__date_expr *e)
{
	int day = 0, month = 0, year = 0;
	size_t j;
	if (is_num(ts, i, 1, 2)) {
		j = skip_ordinal(ts, i + 1);
		size_t n;
		if (phrase_at(ts, j, DYAD_REL_JOINER, &n) && tok_month(ts, j + n))
			j += n; /* "5 of May", "5 de mayo" */
		month = tok_month(ts, j);
		if (!month)
			return i;
		day = (int)ts->t[i].value;
		j = skip_dot(ts, j + 1);
	} else if ((month = tok_month(ts, i)) != 0) {
		j = skip_dot(ts, i + 1);
		if (!is_num(ts, j, 1, 2))
			return i;
		day = (int)ts->t[j].value;
		j = skip_ordinal(ts, j + 1);
	} else {
		return i;
	}
	/* "5.2" or "10:30" right after is a number, not a day */
	if (is_mark(ts, j, ':') && ts->t[j].glued)
		return i;
	j = match_year_after(ts, j, &year);
	if (!valid_day(year, month, day))
		return i;
	e->date.year = year;
	e->date.month = month;
	e->date.day = day;
	return j;
}

static void expr_init(struct dyad__date_expr *e)
{
	memset(e, 0, sizeof *e);
	e->weekday = -1;
	e->hour = e->minute = e->second = -1;
}

/* A weekday before the date ("Sunday, May 26", "Mi., 5. Juni",
 * "sexta-feira, 22 de outubro"): e->weekday and the token after it. */
static size_t match_weekday(const struct toks *ts, size_t i,
                            struct dyad__date_expr *e)
{
	size_t n;
	int wd = tok_weekday_n(ts, i, &n);
	if (wd < 0)
		return i;
	size_t j = i + n;
	/* the hyphenated second half of a weekday: "-feira" */
	const struct tok *t = tok_at(ts, j), *u = tok_at(ts, j + 1);
	if (t && u && t->glued && is_mark(ts, j, '-') && u->glued && u->kind == TOK_WORD)
		j += 2;
	j = skip_dot(ts, j);
	if (is_mark(ts, j, ','))
		j++;
	e->weekday = wd;
	return j;
}

/* The year first: "2024 жылғы 23 ақпан", "2024-yil 5-fevral". */
static size_t match_year_first(const struct toks *ts, size_t i,
                               struct dyad__date_expr *e)
{
	int year = year_value(ts, i);
	if (!year)
		return i;
	size_t j = i + 1, n;
	if (is_mark(ts, j, '-') && ts->t[j].glued)
		j++;
	if (!phrase_at(ts, j, DYAD_REL_YEAR_WORD, &n))
		return i;
	j = skip_dot(ts, j + n);
	if (is_mark(ts, j, ','))
		j++;
	size_t d = match_named(ts, j, e);
	if (d == j || e->date.year || !dyad__date_valid(year, e->date.month, e->date.day)) {
		memset(&e->date, 0, sizeof e->date);
		return i;
	}
	e->date.year = year;
	return d;
}

/* Everything that makes up one time stamp, starting at token i. */
static size_t match_absolute(const struct toks *ts, size_t i,
                             struct dyad__date_expr *e)
{
	expr_init(e);
	size_t j = i;
	/* a time written before the date: "22:25 8 ноября 2021", "10:43, 31 января" */
	size_t t = match_time(ts, j, e);
	if (t != j)
		j = is_mark(ts, t, ',') ? t + 1 : t;
	j = match_weekday(ts, j, e);
	int wd = e->weekday;
	size_t d = match_numeric(ts, j, e);
	if (d == j)
		d = match_named(ts, j, e);
	if (d == j)
		d = match_year_first(ts, j, e);
	if (d == j) {
		expr_init(e);
		return i;
	}
	e->weekday = wd;
	j = d;
	if (e->hour < 0) {
		size_t k = is_mark(ts, j, ',') ? j + 1 : j;
		size_t n;
		if (phrase_at(ts, k, DYAD_REL_AT, &n))
			k += n; /* "at", "в", "um", "às" */
		t = match_time(ts, k, e);
		if (t != k)
			j = t;
	}
	j = match_offset(ts, j, e);
	e->start = ts->t[i].start;
	e->end = ts->t[j - 1].end;
	e->n_words = 0;
	for (size_t k = i; k < j; k++)
		if (ts->t[k].kind != TOK_MARK)
			e->n_words++;
	return j;
}

int dyad__date_find(const struct dyad__date_lexicon *lex, const char *text,
                    uint32_t start, uint32_t end, struct dyad__date_expr *out)
{
	/* On the stack: a failed allocation here used to read as "no date". */
	struct toks scratch, *ts = &scratch;
	ts->lex = lex;
	tokenize(ts, text, start, end);
	int found = 0;
	for (size_t i = 0; i < ts->n && !found; i++)
		found = match_absolute(ts, i, out) != i;
	return found;
}

/* ---- resolving against the publication date -------------------------- */

enum precision { PREC_NONE, PREC_YEAR, PREC_MONTH, PREC_DAY };

struct resolved {
	struct dyad__date date;
	enum precision prec;
	int vague;   /* "the other day": never the past */
	size_t tok;  /* where it starts, for the first-wins rule */
};

static long pub_days(const struct dyad__date *pub)
{
	return dyad__days_from_civil(pub->year, pub->month, pub->day ? pub->day : 1);
}

static void from_days(long days, struct resolved *r)
{
	dyad__civil_from_days(days, &r->date);
	r->prec = PREC_DAY;
}

static void add_months(const struct dyad__date *pub, int delta, struct resolved *r)
{
	long m = (long)pub->year * 12 + (pub->month - 1) + delta;
	r->date.year = (int)(m / 12);
	r->date.month = (int)(m % 12) + 1;
	r->date.day = 0;
	r->prec = PREC_MONTH;
}

/* Month name with its modifiers: "last November", "в ноябре прошлого года",
 * "in April of this year", "June 2022". */
static size_t resolve_month(const struct toks *ts, size_t i,
                            const struct dyad__date *pub, struct resolved *r)
{
	const struct dyad__date_phrase *mod = NULL, *of = NULL;
	size_t j = i, n = match_phrase(ts, i, DYAD_REL_MONTH_MOD, &mod);
	int month = tok_month(ts, j + n);
	if (n && month)
		j += n;
	else
		mod = NULL;
	month = tok_month(ts, j);
	if (!month)
		return i;
	j = skip_dot(ts, j + 1);
	int year = year_value(ts, j);
	if (year) {
		j++;
		size_t yw = match_phrase(ts, j, DYAD_REL_YEAR_WORD, &of);
		j = yw ? skip_dot(ts, j + yw) : j;
	} else {
		size_t yo = match_phrase(ts, j, DYAD_REL_YEAR_OF, &of);
		if (yo)
			j += yo;
		else
			of = NULL;
		if (!pub->year)
			return i;
		if (of) {
			year = pub->year + of->value;
		} else if (mod) {
			year = pub->year;
			if (mod->value < 0 && month >= pub->month)
				year--;
			else if (mod->value > 0 && month <= pub->month)
				year++;
		} else {
			year = month <= pub->month ? pub->year : pub->year - 1;
		}
	}
	r->date.year = year;
	r->date.month = month;
	r->date.day = 0;
	r->prec = PREC_MONTH;
	return j;
}

/* "on Wednesday", "last Monday", "в пятницу". */
static size_t resolve_weekday(const struct toks *ts, size_t i,
                              const struct dyad__date *pub, struct resolved *r)
{
	const struct dyad__date_phrase *mod = NULL;
	size_t n = match_phrase(ts, i, DYAD_REL_WEEKDAY_MOD, &mod), wn;
	int wd = tok_weekday_n(ts, i + n, &wn);
	if (wd < 0 && n) {
		n = 0;
		mod = NULL;
		wd = tok_weekday_n(ts, i, &wn);
	}
	if (wd < 0 || !pub->year || !pub->day)
		return i;
	long p = pub_days(pub);
	int pwd = dyad__weekday(pub->year, pub->month, pub->day);
	int back = (pwd - wd + 7) % 7;
	long d = p - back;
	if (mod && mod->value < 0 && back == 0)
		d -= 7;
	else if (mod && mod->value > 0)
		d = p + ((wd - pwd + 7) % 7 ? (wd - pwd + 7) % 7 : 7);
	from_days(d, r);
	return skip_dot(ts, i + n + wn);
}

/* "32 years ago", "5 дней назад". */
static size_t resolve_ago(const struct toks *ts, size_t i,
                          const struct dyad__date *pub, struct resolved *r)
{
	if (!is_num(ts, i, 1, 4) || !pub->year)
		return i;
	long n = ts->t[i].value;
	static const int units[] = {DYAD_REL_UNIT_DAY, DYAD_REL_UNIT_WEEK,
	                            DYAD_REL_UNIT_MONTH, DYAD_REL_UNIT_YEAR};
	for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
		const struct dyad__date_phrase *ph, *ago;
		size_t len = match_phrase(ts, i + 1, units[u], &ph);
		if (!len)
			continue;
		size_t alen = match_phrase(ts, i + 1 + len, DYAD_REL_AGO, &ago);
		if (!alen)
			continue;
		if (units[u] == DYAD_REL_UNIT_DAY) {
			from_days(pub_days(pub) - n, r);
		} else if (units[u] == DYAD_REL_UNIT_WEEK) {
			from_days(pub_days(pub) - 7 * n, r);
			r->date.day = 0;
			r->prec = PREC_MONTH;
		} else if (units[u] == DYAD_REL_UNIT_MONTH) {
			add_months(pub, (int)-n, r);
		} else {
			r->date.year = pub->year - (int)n;
			r->date.month = r->date.day = 0;
			r->prec = PREC_YEAR;
		}
		return i + 1 + len + alen;
	}
	return i;
}

/* "in 1924", "в 1924 году". */
static size_t resolve_year(const struct toks *ts, size_t i, struct resolved *r)
{
	const struct dyad__date_phrase *ph;
	size_t n = match_phrase(ts, i, DYAD_REL_IN, &ph);
	if (!n)
		return i;
	int y = year_value(ts, i + n);
	if (!y)
		return i;
	/* "in 2022-2023" or "in 2022 million" are not a year */
	const struct tok *after = tok_at(ts, i + n + 1);
	if (after && after->kind == TOK_MARK && after->glued && after->mark == '-')
		return i;
	r->date.year = y;
	r->date.month = r->date.day = 0;
	r->prec = PREC_YEAR;
	size_t j = i + n + 1;
	size_t yw = match_phrase(ts, j, DYAD_REL_YEAR_WORD, &ph);
	return yw ? skip_dot(ts, j + yw) : j;
}

/* Standalone relative phrases: "yesterday", "last month", "в прошлом году". */
static size_t resolve_relative(const struct toks *ts, size_t i,
                               const struct dyad__date *pub, struct resolved *r)
{
	static const int kinds[] = {DYAD_REL_DAY, DYAD_REL_WEEK, DYAD_REL_MONTH,
	                            DYAD_REL_YEAR, DYAD_REL_RECENT};
	const struct dyad__date_phrase *best = NULL;
	size_t best_len = 0;
	if (!pub->year || !pub->month)
		return i;
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		const struct dyad__date_phrase *ph;
		size_t len = match_phrase(ts, i, kinds[k], &ph);
		if (len > best_len) {
			best_len = len;
			best = ph;
		}
	}
	if (!best)
		return i;
	switch (best->kind) {
	case DYAD_REL_DAY:
		if (!pub->day)
			return i;
		from_days(pub_days(pub) + best->value, r);
		break;
	case DYAD_REL_WEEK:
		if (!pub->day)
			return i;
		from_days(pub_days(pub) + 7L * best->value, r);
		r->date.day = 0;
		r->prec = PREC_MONTH;
		break;
	case DYAD_REL_MONTH:
		add_months(pub, best->value, r);
		break;
	case DYAD_REL_YEAR:
		r->date.year = pub->year + best->value;
		r->date.month = r->date.day = 0;
		r->prec = PREC_YEAR;
		break;
	default: /* recent: the month of publication, never background */
		r->date = *pub;
		r->date.day = 0;
		r->prec = PREC_MONTH;
		r->vague = 1;
		break;
	}
	return i + best_len;
}

/* One expression starting at token i; returns the token after it, or i. */
static size_t resolve_at(const struct toks *ts, size_t i,
                         const struct dyad__date *pub, struct resolved *r)
{
	memset(r, 0, sizeof *r);
	r->tok = i;
	struct dyad__date_expr e;
	size_t j = match_absolute(ts, i, &e);
	if (j != i) {
		r->date = e.date;
		if (!r->date.year)
			r->date.year = dyad__date_infer_year(pub, e.date.month, e.date.day);
		if (!r->date.year)
			return i;
		r->prec = PREC_DAY;
		return j;
	}
	if ((j = resolve_relative(ts, i, pub, r)) != i ||
	    (j = resolve_ago(ts, i, pub, r)) != i ||
	    (j = resolve_month(ts, i, pub, r)) != i ||
	    (j = resolve_weekday(ts, i, pub, r)) != i ||
	    (j = resolve_year(ts, i, r)) != i)
		return j;
	return i;
}

static long last_day_of(const struct resolved *r)
{
	const struct dyad__date *d = &r->date;
	if (r->prec == PREC_DAY)
		return dyad__days_from_civil(d->year, d->month, d->day);
	if (r->prec == PREC_MONTH)
		return dyad__days_from_civil(d->year, d->month,
		                             dyad__days_in_month(d->year, d->month));
	return dyad__days_from_civil(d->year, 12, 31);
}

int dyad__date_resolve(const struct dyad__date_lexicon *lex, const char *text,
                       uint32_t start, uint32_t end, const struct dyad__date *pub,
                       struct dyad__date *out, int *past)
{
	if (past)
		*past = 0;
	if (!lex || start >= end)
		return 0;
	struct toks scratch, *ts = &scratch; /* as in dyad__date_find */
	ts->lex = lex;
	tokenize(ts, text, start, end);
	struct resolved best = {.prec = PREC_NONE};
	for (size_t i = 0; i < ts->n;) {
		struct resolved r;
		size_t j = resolve_at(ts, i, pub, &r);
		if (j == i) {
			i++;
			continue;
		}
		if (r.prec > best.prec)
			best = r;
		i = j;
	}
	if (best.prec == PREC_NONE || best.date.year <= 0)
		return 0;
	*out = best.date;
	if (past && pub->year && pub->month && !best.vague)
		*past = last_day_of(&best) <= pub_days(pub) - DYAD_DATE_RECENT_DAYS;
	return 1;
}
