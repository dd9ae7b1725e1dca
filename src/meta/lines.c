/*
 * lines.c - what each line of a copied web page is (part of the
 * metadata stage, see meta.h): page clutter, a time stamp, a byline, a
 * dateline, the headline, or the article body.
 *
 * A page copied as text keeps its navigation, tickers and widgets around the
 * article. Lines that match data/meta/clutter.tsv, lines without letters and
 * short ticker lines ("USD 92.13", "19°С Москва") are clutter. The headline
 * is the title-like line of the page head that sits closest to the time
 * stamp or is repeated; everything above it is clutter or metadata; the body
 * starts at the first ordinary line after it. When the page has no headline
 * (it opens with the first sentence), the body starts at the first ordinary
 * line.
 */
#include <string.h>

#include "core/token.h"
#include "core/utf8.h"
#include "kb/byline.h"
#include "kb/html.h"
#include "meta/meta.h"

#define CREDIT_ONLY_MAX_WORDS 10 /* a longer line is more than a credit (source.c) */
#define HEAD_MAX_LINES 40      /* non-blank lines searched for the headline */
#define TITLE_MIN_WORDS 3
#define TITLE_MAX_CHARS 250
#define STAMP_MAX_EXTRA_WORDS 2 /* words on a time-stamp line besides labels */
#define STAMP_MAX_CHARS 90
#define TICKER_MAX_WORDS 6     /* "AZN = 50.33 RUB", "Самара +29 °C" */
#define TICKER_MAX_LETTER_WORDS 2
#define PROSE_MIN_WORDS 6      /* a line ending in a full stop reads as prose */
#define PROSE_LONG_WORDS 30    /* a line this long is prose anyway */
#define LABEL_MAX_WORDS 4      /* "Russian Politics & Diplomacy": a section */
#define BYLINE_AFTER_BODY 4    /* lines after the body start still searched */
#define STAMP_NEAR 2           /* non-blank lines that count as "next to" */
#define SCORE_REPEATED 4       /* headline scores (see find_title) */
#define SCORE_NEAR_STAMP 1
#define BREADCRUMB_MIN_SEPS 2  /* " » " marks that make a navigation trail */
#define NO_LINE ((size_t)-1)
#define CRAWL_FIELD "date "

/* ---- line features ---------------------------------------------------- */

/* What a code point is to the word count: part of a word (a letter or a
 * digit), a mark that keeps two letter or digit runs one word when glued
 * between them ("Day.Az", "Interfax-Azerbaijan", "64,247.73"), or else. */
enum { CP_OTHER, CP_ALNUM, CP_JOINER };

static int cp_class(uint32_t cp)
{
	if (cp < 0x80) {
		if ((cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'))
			return CP_ALNUM;
		return cp == '.' || cp == '-' || cp == '\'' || cp == ',' ? CP_JOINER : CP_OTHER;
	}
	if (dyad_cp_is_letter(cp))
		return CP_ALNUM;
	if (dyad_cp_is_space(cp))
		return CP_OTHER;
	if (dyad_cp_is_digit(cp))
		return CP_ALNUM;
	return cp == 0x2019 ? CP_JOINER : CP_OTHER;
}

/* The two bytes of a basic Cyrillic letter (А..я, Ё, ё): a letter. */
static int basic_cyrillic(unsigned char c, unsigned char d)
{
	if (c == 0xD0)
		return (unsigned)(d - 0x90) < 0x30u || d == 0x81;
	return c == 0xD1 && ((unsigned)(d - 0x80) < 0x10u || d == 0x91);
}

/* cp_class() of the ASCII characters. */
#define ALNUM8(c) [c] = CP_ALNUM, [c + 1] = CP_ALNUM, [c + 2] = CP_ALNUM, \
	[c + 3] = CP_ALNUM, [c + 4] = CP_ALNUM, [c + 5] = CP_ALNUM, [c + 6] = CP_ALNUM, \
	[c + 7] = CP_ALNUM
static const unsigned char ascii_class[128] = {
	ALNUM8('0'), ['8'] = CP_ALNUM, ['9'] = CP_ALNUM,
	ALNUM8('A'), ALNUM8('I'), ALNUM8('Q'), ['Y'] = CP_ALNUM, ['Z'] = CP_ALNUM,
	ALNUM8('a'), ALNUM8('i'), ALNUM8('q'), ['y'] = CP_ALNUM, ['z'] = CP_ALNUM,
	['.'] = CP_JOINER, ['-'] = CP_JOINER, ['\''] = CP_JOINER, [','] = CP_JOINER,
};

/*
 * The pieces of core/token.h counted: a word starts at a letter or digit
 * that follows neither another one nor a joiner glued to one. That is the
 * rule read a code point at a time (this runs on every line; pieces would
 * cost a call each).
 */
void dyad__meta_count(const char *text, uint32_t a, uint32_t b, unsigned *chars,
                      unsigned *words)
{
	/* states: after another character, after a letter or digit, after a
	 * joiner glued to one, after another joiner; an entry is the next
	 * state, plus 4 when a word starts */
	static const unsigned char step[4][3] = {
		[0] = {[CP_OTHER] = 0, [CP_ALNUM] = 1 | 4, [CP_JOINER] = 3},
		[1] = {[CP_OTHER] = 0, [CP_ALNUM] = 1, [CP_JOINER] = 2},
		[2] = {[CP_OTHER] = 0, [CP_ALNUM] = 1, [CP_JOINER] = 3},
		[3] = {[CP_OTHER] = 0, [CP_ALNUM] = 1 | 4, [CP_JOINER] = 3},
	};
	size_t i = a;
	unsigned c = 0, n = 0, state = 0;
	while (i < b) {
		unsigned char ch = (unsigned char)text[i];
		int cls;
		if (ch < 0x80) {
			i++;
			cls = ascii_class[ch];
		} else if (i + 1 < b && basic_cyrillic(ch, (unsigned char)text[i + 1])) {
			i += 2;
			cls = CP_ALNUM;
		} else {
			cls = cp_class(dyad_utf8_next(text, b, &i));
		}
		c++;
		unsigned v = step[state][cls];
		n += v >> 2;
		state = v & 3;
	}
	*chars = c;
	*words = n;
}

/* Letters and the words of two letters or more: the letter pieces of
 * core/token.h, read a code point at a time. */
static void count_letters(const char *text, uint32_t a, uint32_t b,
                          unsigned *letters, unsigned *letter_words, int *digit)
{
	size_t i = a;
	unsigned run = 0;
	*letters = *letter_words = 0;
	*digit = 0;
	while (i < b) {
		unsigned char ch = (unsigned char)text[i];
		int letter;
		if (ch < 0x80) {
			i++;
			letter = (unsigned)((ch | 0x20) - 'a') < 26u;
			*digit |= ch >= '0' && ch <= '9';
		} else {
			uint32_t cp = dyad_utf8_next(text, b, &i);
			letter = dyad_cp_is_letter(cp);
			*digit |= !letter && !dyad_cp_is_space(cp) && dyad_cp_is_digit(cp);
		}
		if (letter) {
			++*letters;
			*letter_words += ++run == 2;
		} else {
			run = 0;
		}
	}
}

/* Where the line starts after leading bullets, list numbers and '#'. */
static size_t after_bullets(const char *text, uint32_t a, uint32_t b)
{
	size_t i = a;
	for (;;) {
		size_t k = i;
		uint32_t cp = i < b ? dyad_utf8_next(text, b, &k) : 0;
		if (cp == 0x2022 || cp == '*' || cp == '#' || cp == 0x00B7 || cp == ' ' ||
		    cp == '-' || cp == 0x2013 || cp == 0x2014) {
			i = k;
			continue;
		}
		/* "1. Skip to content" */
		size_t d = i;
		while (d < b && text[d] >= '0' && text[d] <= '9')
			d++;
		if (d > i && d < b && (text[d] == '.' || text[d] == ')') && d + 1 < b &&
		    text[d + 1] == ' ') {
			i = d + 2;
			continue;
		}
		break;
	}
	return i;
}

/* The line lower-cased without leading bullets, list numbers and '#'. */
static size_t lower_line(const char *text, uint32_t a, uint32_t b, char *out,
                         size_t cap)
{
	size_t i = after_bullets(text, a, b);
	size_t n = b - i < cap - 1 ? b - i : cap - 1;
	return dyad_utf8_lower(text + i, n, out, cap);
}

/* 0 when clutter_match() cannot find a label on the line: a label is a
 * whole line, and a line of ASCII lowers to as many bytes, so there must
 * be a label of its length that starts with its first letter. */
static int may_be_label(const struct dyad__meta_lexicon *lex, const char *text,
                        uint32_t a, uint32_t b)
{
	if (b - a >= DYAD_META_MAX_LINE_BYTES)
		return 0;
	size_t i = after_bullets(text, a, b);
	for (size_t k = i; k < b; k++)
		if ((unsigned char)text[k] >= 0x80)
			return 1;
	unsigned char first = i < b ? (unsigned char)text[i] : 0;
	if (first >= 'A' && first <= 'Z')
		first |= 0x20;
	for (uint32_t j = lex->clutter_from[first]; j < lex->clutter_from[first + 1]; j++) {
		const struct dyad__meta_clutter *c = &lex->clutter[lex->clutter_by_byte[j]];
		if (c->match == DYAD_CLUTTER_LABEL && c->len == b - i)
			return 1;
	}
	return 0;
}

/* needle in hay: memchr finds the candidates for its first byte (glibc's
 * memmem sets up a search per call, too dear for a short line) */
static int contains(const char *hay, size_t n, const char *needle, size_t len)
{
	if (len == 0)
		return 1;
	const char *at = hay, *end = hay + n;
	while ((size_t)(end - at) >= len && (at = memchr(at, needle[0], (size_t)(end - at) - len + 1))) {
		if (memcmp(at + 1, needle + 1, len - 1) == 0)
			return 1;
		at++;
	}
	return 0;
}

/* -1 when not clutter, else the enum dyad__clutter_match of the first
 * entry of clutter.tsv that matches, among those the line's first byte
 * allows (kb/meta.h). */
static int clutter_match(const struct dyad__meta_lexicon *lex, const char *text,
                         uint32_t a, uint32_t b)
{
	char lower[DYAD_META_MAX_LINE_BYTES];
	if (b - a >= DYAD_META_MAX_LINE_BYTES)
		return -1; /* clutter is short; a paragraph is never clutter */
	size_t len = lower_line(text, a, b, lower, sizeof lower);
	unsigned char first = (unsigned char)lower[0]; /* '\0' when the line is empty */
	for (uint32_t j = lex->clutter_from[first]; j < lex->clutter_from[first + 1]; j++) {
		const struct dyad__meta_clutter *c = &lex->clutter[lex->clutter_by_byte[j]];
		switch (c->match) {
		case DYAD_CLUTTER_EXACT:
		case DYAD_CLUTTER_LABEL:
			if (len == c->len && memcmp(lower, c->text, len) == 0)
				return (int)c->match;
			break;
		case DYAD_CLUTTER_PREFIX:
			if (len >= c->len && memcmp(lower, c->text, c->len) == 0)
				return (int)c->match;
			break;
		case DYAD_CLUTTER_CONTAINS:
			if (contains(lower, len, c->text, c->len))
				return (int)c->match;
			break;
		}
	}
	return -1;
}

/* clutter_match() of line l, worked out once per line. */
static int line_clutter(struct dyad__meta_scan *scan, size_t l)
{
	struct dyad__meta_line *info = &scan->info[l];
	if (!info->clutter) {
		const struct dyad__line *line = &scan->w->lines[l];
		info->clutter = clutter_match(scan->lex, scan->w->text, line->start, line->end) + 2;
	}
	return info->clutter - 2;
}

static int is_date_label(const struct dyad__meta_lexicon *lex, const char *s,
                         size_t n)
{
	char lower[DYAD_META_MAX_LINE_BYTES];
	if (n >= sizeof lower)
		return 0;
	size_t len = dyad_utf8_lower(s, n, lower, sizeof lower);
	for (size_t k = 0; k < lex->n_date_labels; k++)
		if (strlen(lex->date_labels[k]) == len &&
		    memcmp(lex->date_labels[k], lower, len) == 0)
			return 1;
	return 0;
}

/* Words outside the time stamp that are not labels like "Updated". */
static unsigned stamp_extra_words(const struct dyad__meta_scan *scan,
                                  const struct dyad__line *l,
                                  const struct dyad__date_expr *e)
{
	const char *text = scan->w->text;
	unsigned extra = 0;
	for (int side = 0; side < 2; side++) {
		size_t i = side ? e->end : l->start, b = side ? l->end : e->start;
		struct dyad__piece p, q;
		while (dyad__next_piece(text, &i, b, &p)) {
			if (!dyad__piece_is_alnum(&p))
				continue;
			/* a word, with the colons of a time inside it */
			size_t j = p.end, k = j;
			while (dyad__next_piece(text, &k, b, &q) &&
			       (dyad__piece_is_alnum(&q) || (q.kind == DYAD_PIECE_MARK && q.cp == ':')))
				j = k;
			if (!is_date_label(scan->lex, text + p.start, j - p.start))
				extra++;
			i = j;
		}
	}
	return extra;
}

static int ends_sentence(const char *text, uint32_t a, uint32_t b)
{
	size_t i = b;
	while (i > a) {
		size_t k = i - 1;
		while (k > a && ((unsigned char)text[k] & 0xC0) == 0x80)
			k--;
		size_t m = k;
		uint32_t cp = dyad_utf8_next(text, b, &m);
		if (cp == '"' || cp == 0x201D || cp == 0x00BB || cp == ')' || cp == '\'' ||
		    cp == 0x2019) {
			i = k;
			continue;
		}
		return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
	}
	return 0;
}

static uint32_t last_cp(const char *text, uint32_t a, uint32_t b)
{
	if (b <= a)
		return 0;
	size_t k = b - 1;
	while (k > a && ((unsigned char)text[k] & 0xC0) == 0x80)
		k--;
	return dyad_utf8_next(text, b, &k);
}

/* The crawler's " date YYYY-MM-DD" field that opens some documents. */
static void crawl_field(struct dyad__meta_scan *scan)
{
	struct dyad__work *w = scan->w;
	for (size_t l = 0; l < w->n_lines; l++) {
		struct dyad__line *line = &w->lines[l];
		if (line->flags & DYAD_LINE_BLANK)
			continue;
		size_t n = strlen(CRAWL_FIELD);
		if (line->end - line->start < n ||
		    memcmp(w->text + line->start, CRAWL_FIELD, n) != 0)
			return;
		struct dyad__date_expr e;
		uint32_t a = line->start + (uint32_t)n;
		while (a < line->end && w->text[a] == ' ')
			a++;
		if (!dyad__date_find(&scan->lex->dates, w->text, a, line->end, &e) ||
		    e.start != a || !e.date.year)
			return;
		scan->crawl = e.date;
		uint32_t rest = e.end;
		while (rest < line->end && w->text[rest] == ' ')
			rest++;
		line->start = rest;
		if (rest >= line->end) {
			line->start = line->end;
			line->flags |= DYAD_LINE_BLANK | DYAD_LINE_META;
		}
		return;
	}
}

/* Navigation trails: "Home » World » Asia", "News | Politics | Economy". */
static int breadcrumb(const char *text, uint32_t a, uint32_t b)
{
	size_t i = a;
	unsigned seps = 0;
	uint32_t prev = 0;
	while (i < b) {
		uint32_t cp = dyad_utf8_next(text, b, &i);
		uint32_t next = i < b ? (unsigned char)text[i] : ' ';
		if ((cp == 0x00BB || cp == 0x203A || cp == '|' || cp == '>' || cp == '/') &&
		    prev == ' ' && next == ' ')
			seps++;
		prev = cp;
	}
	return seps >= BREADCRUMB_MIN_SEPS;
}

static void classify(struct dyad__meta_scan *scan, size_t l)
{
	struct dyad__work *w = scan->w;
	const struct dyad__line *line = &w->lines[l];
	struct dyad__meta_line *info = &scan->info[l];
	const char *text = w->text;
	dyad__meta_count(text, line->start, line->end, &info->n_chars, &info->n_words);
	info->prose = (ends_sentence(text, line->start, line->end) &&
	               info->n_words >= PROSE_MIN_WORDS) ||
	              info->n_words >= PROSE_LONG_WORDS;
	/* a paragraph of prose is no stamp, clutter, dateline or credit line:
	 * most lines of an article stop here */
	if (info->prose && info->n_chars > STAMP_MAX_CHARS &&
	    info->n_words > CREDIT_ONLY_MAX_WORDS)
		return;
	if (info->n_chars <= STAMP_MAX_CHARS &&
	    dyad__date_find(&scan->lex->dates, text, line->start, line->end,
	                    &info->date)) {
		info->has_date = 1;
		if (stamp_extra_words(scan, line, &info->date) <= STAMP_MAX_EXTRA_WORDS &&
		    !info->prose) {
			info->kind = DYAD_META_STAMP;
			return;
		}
	}
	if (line_clutter(scan, l) >= 0 ||
	    breadcrumb(text, line->start, line->end)) {
		info->kind = DYAD_META_CLUTTER;
		return;
	}
	unsigned letters, letter_words;
	int digit;
	count_letters(text, line->start, line->end, &letters, &letter_words, &digit);
	if (letters == 0 || (digit && info->n_words <= TICKER_MAX_WORDS &&
	                     letter_words <= TICKER_MAX_LETTER_WORDS && !info->prose)) {
		info->kind = DYAD_META_CLUTTER;
		return;
	}
	struct dyad__dateline d;
	if (dyad__meta_dateline(scan, l, &d) && d.rest >= line->end) {
		info->kind = DYAD_META_DATELINE;
		return;
	}
	if (dyad__meta_credit_line(scan, l)) {
		info->kind = DYAD_META_CREDIT;
		return;
	}
}

/* ---- the headline ------------------------------------------------------ */

static int same_text(const struct dyad__work *w, size_t a, size_t b)
{
	const struct dyad__line *x = &w->lines[a], *y = &w->lines[b];
	return x->end - x->start == y->end - y->start &&
	       memcmp(w->text + x->start, w->text + y->start, x->end - x->start) == 0;
}

/* A section name rather than a headline: "Russian Politics & Diplomacy",
 * "STOCK MARKET BSE NSE" (every word capitalised, few words). */
static int label_like(const struct dyad__work *w, size_t l, unsigned n_words)
{
	const char *text = w->text;
	const struct dyad__line *line = &w->lines[l];
	if (n_words > LABEL_MAX_WORDS)
		return 0;
	size_t i = line->start;
	int start = 1;
	while (i < line->end) {
		uint32_t cp = dyad_utf8_next(text, line->end, &i);
		if (dyad_cp_is_letter(cp)) {
			if (start && !dyad_cp_is_upper(cp))
				return 0;
			start = 0;
		} else if (cp == ' ') {
			start = 1;
		}
	}
	return 1;
}

/* A headline is never a clutter, navigation or credit line, a byline
 * ("By Anna Lind") or a line that carries a full date ("This story is from
 * August 16, 2021", "Photo by A. Lind on 19 April, 2023"). */
static int title_like(const struct dyad__meta_scan *scan, size_t l)
{
	const struct dyad__meta_line *info = &scan->info[l];
	const struct dyad__line *line = &scan->w->lines[l];
	if (info->kind != DYAD_META_TEXT || info->prose ||
	    info->n_words < TITLE_MIN_WORDS || info->n_chars > TITLE_MAX_CHARS)
		return 0;
	if (info->has_date && info->date.date.year && info->date.date.day)
		return 0;
	uint32_t a, b;
	if (dyad__meta_byline(scan, l, &a, &b))
		return 0;
	/* "by choosing only interesting": the middle of a sentence */
	size_t i = line->start;
	uint32_t first = dyad_utf8_next(scan->w->text, line->end, &i);
	if (dyad_cp_is_letter(first) && !dyad_cp_is_upper(first))
		return 0;
	uint32_t last = last_cp(scan->w->text, line->start, line->end);
	return last != ':' && last != '.' && last != ',';
}

/* A line that opens with a photo credit ("© EPA", "Photo: Reuters";
 * labels.tsv kind photo), as a whole word. */
static int photo_credit(const struct dyad__meta_scan *scan, size_t l)
{
	const struct dyad__line *line = &scan->w->lines[l];
	char lower[DYAD_META_MAX_WORD_BYTES * 2];
	size_t n = line->end - line->start;
	if (n >= sizeof lower / 2)
		n = sizeof lower / 2 - 1;
	n = dyad_utf8_lower(scan->w->text + line->start, n, lower, sizeof lower);
	if (n >= sizeof lower)
		return 0;
	for (size_t k = 0; k < scan->lex->n_photo_labels; k++) {
		const char *label = scan->lex->photo_labels[k];
		size_t len = strlen(label);
		if (len > n || memcmp(lower, label, len) != 0)
			continue;
		size_t i = len; /* "Фото:", not "Фотографии" */
		if (i == n || !dyad_cp_is_letter(dyad_utf8_next(lower, n, &i)))
			return 1;
	}
	return 0;
}

/* A photo caption of the page head: a printing of the line (pages often
 * print a caption twice, as the image's text and under it) stands right
 * above a photo credit. Its repetition is no headline's. */
static int caption_like(const struct dyad__meta_scan *scan, const size_t *lines,
                        const unsigned char *credit, size_t n, size_t k)
{
	for (size_t m = 0; m + 1 < n; m++)
		if (credit[m + 1] && (m == k || same_text(scan->w, lines[k], lines[m])))
			return 1;
	return 0;
}

/* The next non-blank line after l, or NO_LINE. */
static size_t next_text_line(const struct dyad__work *w, size_t l)
{
	for (l++; l < w->n_lines; l++)
		if (!(w->lines[l].flags & DYAD_LINE_BLANK))
			return l;
	return NO_LINE;
}

/* A caption as it stands in the body: the line, or its second printing,
 * right above a photo credit. */
static int above_photo_credit(const struct dyad__meta_scan *scan, size_t l)
{
	size_t m = next_text_line(scan->w, l);
	if (m != NO_LINE && same_text(scan->w, l, m))
		m = next_text_line(scan->w, m);
	return m != NO_LINE && photo_credit(scan, m);
}

/* The headline among the lines [0, limit): NO_LINE when there is none. */
static size_t find_title(struct dyad__meta_scan *scan, size_t limit)
{
	const struct dyad__work *w = scan->w;
	size_t lines[HEAD_MAX_LINES], n = 0;
	unsigned char credit[HEAD_MAX_LINES]; /* the line is a photo credit */
	for (size_t l = 0; l < limit && n < HEAD_MAX_LINES; l++)
		if (!(w->lines[l].flags & DYAD_LINE_BLANK)) {
			credit[n] = (unsigned char)photo_credit(scan, l);
			lines[n++] = l;
		}
	size_t best = NO_LINE;
	int best_score = 0;
	for (size_t k = 0; k < n; k++) {
		size_t l = lines[k];
		if (!title_like(scan, l))
			continue;
		/* A repeated line is the headline printed twice; a section name
		 * is not a headline; a time stamp close by is weak evidence, since
		 * subtitles and photo captions sit next to it too. Then the first
		 * title-like line wins. */
		int score = 0;
		for (size_t m = 0; m < n; m++)
			if (m != k && same_text(w, l, lines[m]))
				score += SCORE_REPEATED;
		for (size_t m = 0; m < n; m++) {
			size_t d = m > k ? m - k : k - m;
			if (scan->info[lines[m]].kind == DYAD_META_STAMP && d <= STAMP_NEAR) {
				score += SCORE_NEAR_STAMP;
				break;
			}
		}
		if (label_like(w, l, scan->info[l].n_words))
			score -= SCORE_REPEATED;
		if (caption_like(scan, lines, credit, n, k))
			score -= 2 * SCORE_REPEATED;
		if (best == NO_LINE || score > best_score) {
			best = l;
			best_score = score;
		}
	}
	return best;
}

/* The line that says what the container's title says, or NO_LINE. */
static size_t find_given_title(const struct dyad__meta_scan *scan, const char *title)
{
	const struct dyad__work *w = scan->w;
	size_t n = strlen(title), seen = 0;
	while (n && title[n - 1] == ' ')
		n--;
	while (n && title[0] == ' ') {
		title++;
		n--;
	}
	for (size_t l = 0; l < w->n_lines && seen < HEAD_MAX_LINES; l++) {
		const struct dyad__line *line = &w->lines[l];
		if (line->flags & DYAD_LINE_BLANK)
			continue;
		seen++;
		if (line->end - line->start == n && memcmp(w->text + line->start, title, n) == 0)
			return l;
	}
	return NO_LINE;
}

/* Flags of a head line that is not the headline. */
static unsigned head_flags(const struct dyad__meta_line *info)
{
	switch (info->kind) {
	case DYAD_META_STAMP:
	case DYAD_META_DATELINE:
	case DYAD_META_BYLINE:
	case DYAD_META_CREDIT:
		return DYAD_LINE_META;
	default:
		return DYAD_LINE_CLUTTER;
	}
}

/* The names of the byline text[a, b), without job titles, lead words and
 * dates (kb/byline.h, the same cleaning as bylines in HTML markup). */
static dyad_status byline_author(struct dyad__meta_scan *scan, uint32_t a, uint32_t b)
{
	struct dyad__work *w = scan->w;
	char names[DYAD_META_MAX_LINE_BYTES];
	size_t n = dyad__byline_clean(dyad__html_lexicon(w->engine), &scan->lex->dates,
	                              NULL, w->text + a, b - a, names, sizeof names);
	if (n == 0)
		return DYAD_OK;
	scan->author = dyad_arena_strndup(w->arena, names, n);
	return scan->author ? DYAD_OK : DYAD_ENOMEM;
}

/* The byline in the head or just after the body starts. */
static dyad_status find_byline(struct dyad__meta_scan *scan)
{
	struct dyad__work *w = scan->w;
	size_t from = scan->title != NO_LINE ? scan->title + 1 : 0;
	size_t after = 0;
	for (size_t l = from; l < w->n_lines && after <= BYLINE_AFTER_BODY; l++) {
		struct dyad__line *line = &w->lines[l];
		if (line->flags & DYAD_LINE_BLANK)
			continue;
		if (l >= scan->body)
			after++;
		struct dyad__meta_line *info = &scan->info[l];
		if (info->kind != DYAD_META_TEXT && info->kind != DYAD_META_BYLINE)
			continue;
		uint32_t a, b;
		if (!dyad__meta_byline(scan, l, &a, &b))
			continue;
		int whole = b == line->end || (b == a && !info->prose);
		if (whole) {
			info->kind = DYAD_META_BYLINE;
			line->flags = (line->flags & ~DYAD_LINE_CLUTTER) | DYAD_LINE_META;
		}
		if (b > a && !scan->author && byline_author(scan, a, b) != DYAD_OK)
			return DYAD_ENOMEM;
		if (l == scan->body && whole) {
			/* the body starts after the byline */
			size_t next = l + 1;
			while (next < w->n_lines &&
			       (w->lines[next].flags & (DYAD_LINE_BLANK | DYAD_LINE_CLUTTER |
			                                DYAD_LINE_META)))
				next++;
			scan->body = next;
		}
	}
	return DYAD_OK;
}

/* Agency datelines that open the body: "SEOUL, June 9 (Yonhap) -- The ..."
 * become the dateline and the line then starts with the sentence. */
static void find_dateline(struct dyad__meta_scan *scan)
{
	struct dyad__work *w = scan->w;
	size_t seen = 0;
	size_t from = scan->title != NO_LINE ? scan->title + 1 : 0;
	for (size_t l = from; l < w->n_lines && seen <= BYLINE_AFTER_BODY; l++) {
		struct dyad__line *line = &w->lines[l];
		if (line->flags & DYAD_LINE_BLANK)
			continue;
		/* a caption and its photo credit are no lines of the story */
		if (l >= scan->body && !photo_credit(scan, l) && !above_photo_credit(scan, l))
			seen++;
		struct dyad__dateline d;
		if (!dyad__meta_dateline(scan, l, &d))
			continue;
		scan->dateline = l;
		scan->dateline_start = d.place_start;
		scan->dateline_end = d.place_end;
		scan->agency_start = d.agency_start;
		scan->agency_end = d.agency_end;
		scan->dateline_date = d.date;
		if (d.rest < line->end) {
			line->start = d.rest;
		} else {
			line->flags = (line->flags & ~DYAD_LINE_CLUTTER) | DYAD_LINE_META;
			if (l == scan->body)
				scan->body = l + 1;
		}
		return;
	}
}

dyad_status dyad__meta_lines(struct dyad__meta_scan *scan)
{
	struct dyad__work *w = scan->w;
	scan->info = dyad_arena_calloc(&scan->arena, w->n_lines ? w->n_lines : 1,
	                               sizeof *scan->info);
	if (!scan->info)
		return DYAD_ENOMEM;
	scan->title = scan->dateline = NO_LINE;
	for (size_t l = 0; l < w->n_lines; l++)
		scan->info[l].start = w->lines[l].start;
	crawl_field(scan);
	for (size_t l = 0; l < w->n_lines; l++)
		if (!(w->lines[l].flags & DYAD_LINE_BLANK))
			classify(scan, l);
	/* tag lists: the line after a label is clutter too */
	for (size_t l = 0; l < w->n_lines; l++) {
		struct dyad__line *line = &w->lines[l];
		if (line->flags & DYAD_LINE_BLANK)
			continue;
		if ((scan->info[l].clutter ||
		     may_be_label(scan->lex, w->text, line->start, line->end)) &&
		    line_clutter(scan, l) == DYAD_CLUTTER_LABEL) {
			size_t next = l + 1;
			while (next < w->n_lines && (w->lines[next].flags & DYAD_LINE_BLANK))
				next++;
			if (next < w->n_lines)
				scan->info[next].kind = DYAD_META_CLUTTER;
		}
	}
	/* the head ends at the first line that reads as a sentence */
	size_t first_prose = w->n_lines;
	for (size_t l = 0; l < w->n_lines; l++)
		if (!(w->lines[l].flags & DYAD_LINE_BLANK) && scan->info[l].prose &&
		    scan->info[l].kind == DYAD_META_TEXT) {
			first_prose = l;
			break;
		}
	if (w->input->title) {
		scan->title = find_given_title(scan, w->input->title);
	} else {
		scan->title = find_title(scan, first_prose);
	}
	/* the body: the first ordinary line after the headline */
	size_t from = scan->title != NO_LINE ? scan->title + 1 : 0;
	scan->body = w->n_lines;
	for (size_t l = from; l < w->n_lines; l++) {
		if (w->lines[l].flags & DYAD_LINE_BLANK)
			continue;
		if (scan->info[l].kind == DYAD_META_TEXT &&
		    scan->info[l].n_words >= TITLE_MIN_WORDS &&
		    !(scan->title != NO_LINE && same_text(w, l, scan->title))) {
			scan->body = l;
			break;
		}
	}
	for (size_t l = 0; l < w->n_lines; l++) {
		struct dyad__line *line = &w->lines[l];
		if (line->flags & DYAD_LINE_BLANK)
			continue;
		const struct dyad__meta_line *info = &scan->info[l];
		if (l == scan->title)
			line->flags |= DYAD_LINE_TITLE;
		else if (scan->title != NO_LINE && same_text(w, l, scan->title))
			line->flags |= DYAD_LINE_TITLE | DYAD_LINE_CLUTTER;
		else if (l < scan->body)
			line->flags |= head_flags(info);
		else if (info->kind == DYAD_META_CLUTTER)
			line->flags |= DYAD_LINE_CLUTTER;
		else if (info->kind != DYAD_META_TEXT)
			line->flags |= DYAD_LINE_META;
	}
	dyad_status st = find_byline(scan);
	if (st != DYAD_OK)
		return st;
	find_dateline(scan);
	w->body_line = scan->body;
	return DYAD_OK;
}
