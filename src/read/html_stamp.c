/*
 * html_stamp.c - lines that only say when and by whom: "Updated 1:39 am
 * EST, Wednesday, November 20, 2019", "By Anna Lind". Pages print them
 * around the article, often inside the element that holds it, with no class
 * that says so; html_prune.c leaves them out of the text (the facts have
 * read them already).
 */
#include <string.h>

#include "core/utf8.h"
#include "kb/byline.h"
#include "kb/date_text.h"
#include "read/html_facts.h"

/* A stamp's date covers at least this share of its characters (%). */
#define STAMP_DATE_PCT 50
#define LINE_MAX_BYTES 512
#define WORD_BYTES 64

static uint32_t count(const char *s, size_t a, size_t b)
{
	return dyad__html_count_chars(s + a, b - a, NULL);
}

/* "Updated 5:27 am CST, Wednesday, November 20, 2019": mostly a date. */
static int is_stamp(const struct dyad__date_lexicon *dates, const char *s, size_t len)
{
	struct dyad__date_expr e;
	if (!dates || !dyad__date_find(dates, s, 0, (uint32_t)len, &e) || !e.date.year ||
	    !e.date.day)
		return 0;
	uint32_t all = count(s, 0, len);
	return all && count(s, e.start, e.end) * 100 >= all * STAMP_DATE_PCT;
}

/* "By Anna Lind": a lead word, then a capitalised name, no sentence. */
static int is_byline(const struct dyad__html_lexicon *lex,
                     const struct dyad__date_lexicon *dates, const char *s, size_t len)
{
	size_t w = strcspn(s, " ");
	if (!lex || w >= len || w + 1 >= WORD_BYTES || s[len - 1] == '.' || s[len - 1] == '!' ||
	    s[len - 1] == '?')
		return 0;
	char low[WORD_BYTES];
	size_t n = dyad_utf8_lower(s, w, low, sizeof low);
	int colon = n && low[n - 1] == ':';
	n -= (size_t)colon;
	int lead = 0;
	for (size_t k = 0; k < lex->n_byline_prefixes; k++) {
		const char *p = lex->byline_prefixes[k];
		size_t pl = strlen(p);
		int needs_colon = pl && p[pl - 1] == ':';
		pl -= (size_t)needs_colon;
		lead |= (colon || !needs_colon) && pl == n && memcmp(p, low, n) == 0;
	}
	size_t i = w + 1;
	if (!lead || i >= len || !dyad_cp_is_upper(dyad_utf8_next(s, len, &i)))
		return 0;
	char names[LINE_MAX_BYTES];
	return dyad__byline_clean(lex, dates, NULL, s, len, names, sizeof names) > 0;
}

int dyad__html_stamp_line(const struct dyad__html_lexicon *lex,
                          const struct dyad__date_lexicon *dates, const char *s, size_t len)
{
	if (len == 0 || len >= LINE_MAX_BYTES)
		return 0;
	char line[LINE_MAX_BYTES];
	memcpy(line, s, len);
	line[len] = '\0';
	return is_stamp(dates, line, len) || is_byline(lex, dates, line, len);
}
