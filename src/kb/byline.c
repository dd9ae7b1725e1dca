/*
 * byline.c - the names in a byline (see byline.h), for the HTML reader's
 * markup bylines and the metadata stage's text bylines alike.
 *
 * Bylines mix names with everything around them: "By Robert Burns, AP
 * National Security Writer", "Jill Disis, CNN Business", "Analysis by Chris
 * Cillizza", "Carrie Arnold November 15, 2019", "Kevin McCoy USA TODAY". The
 * byline is cut into parts at separators and joiner words; a lead word
 * ("by") starts the names afresh; a number, a month or weekday name or a
 * stop word ends a part; a part is a name when it has no job-title word
 * (data/html/bylines.tsv) and no domain, has a capital letter and a few
 * words, and is not the site's own name (which is also cut off its end).
 */
#include "kb/byline.h"

#include <string.h>

#include "core/utf8.h"

/* A name has at most this many words. */
#define NAME_MAX_WORDS 5
#define WORD_BYTES 64
#define SQUASH_BYTES 256
/* Names kept from one byline. */
#define MAX_NAMES 4
#define MAX_PARTS 16
/* A part of one word in capitals this short is initials, not a name. */
#define LONE_INITIALS_MAX 4

enum word_kind { W_NAME, W_TITLE, W_STOP, W_JOINER, W_LEAD, W_DOMAIN };

struct part {
	size_t start[NAME_MAX_WORDS + 1], end[NAME_MAX_WORDS + 1]; /* words */
	int words;
	int bad;     /* a title word or a domain: no name */
	int closed;  /* a stop word ended it */
	int capital; /* holds an upper-case letter */
};

struct byline {
	const struct dyad__html_lexicon *lex;
	const struct dyad__date_lexicon *dates;
	const char *s;
	size_t len;
};

/* Length of the separator at s (",", "|", " - ", "•"...), or 0. */
static size_t separator_len(const char *s, size_t left, int word_start)
{
	static const char *const seps[] = {"\xE2\x80\xA2", "\xC2\xB7", "\xE2\x80\x93",
	                                   "\xE2\x80\x94", "\xE2\x80\xA6"};
	if (s[0] && strchr(",|/;()[]", s[0]))
		return 1;
	if (s[0] == '-' && word_start && (left == 1 || s[1] == ' '))
		return 1;
	for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
		size_t n = strlen(seps[k]);
		if (left >= n && memcmp(s, seps[k], n) == 0)
			return n;
	}
	return 0;
}

static int is_letter_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80;
}

/* "cleveland.com", "NJ.com": a dot with letters on both sides. */
static int is_domain(const char *w, size_t n)
{
	for (size_t i = 1; i + 1 < n; i++)
		if (w[i] == '.' && is_letter_byte(w[i - 1]) && is_letter_byte(w[i + 1]))
			return 1;
	return 0;
}

static int is_date_word(const struct dyad__date_lexicon *dates, const char *low, size_t len)
{
	uint32_t v;
	if (!dates || !dyad_hash_get(&dates->vocab, low, len, &v) || v >= dates->n_words)
		return 0;
	return dates->words[v].month > 0 || dates->words[v].weekday >= 0;
}

/* A lead word ("by"); one listed with a colon ("author:") needs it. */
static int is_lead(const struct dyad__html_lexicon *lex, const char *low, size_t len,
                   int colon)
{
	for (size_t k = 0; lex && k < lex->n_byline_prefixes; k++) {
		const char *p = lex->byline_prefixes[k];
		size_t n = strlen(p);
		int needs_colon = n && p[n - 1] == ':';
		if (needs_colon && !colon)
			continue;
		n -= (size_t)needs_colon;
		if (n == len && memcmp(p, low, n) == 0)
			return 1;
	}
	return 0;
}

/* "editor-at-large": a title word joined by hyphens. */
static int hyphen_title(const struct byline *b, const char *low, size_t len)
{
	size_t a = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && low[i] != '-')
			continue;
		if (i > a && (a > 0 || i < len) &&
		    dyad__html_byline_word(b->lex, low + a, i - a) == DYAD_HTML_BYLINE_TITLE)
			return 1;
		a = i + 1;
	}
	return 0;
}

static enum word_kind classify(const struct byline *b, const char *w, size_t n)
{
	if (w[0] == '@')
		return W_STOP;
	for (size_t i = 0; i < n; i++)
		if (w[i] >= '0' && w[i] <= '9')
			return W_STOP;
	if (is_domain(w, n))
		return W_DOMAIN;
	char low[WORD_BYTES];
	size_t len = dyad_utf8_lower(w, n, low, sizeof low);
	int colon = len > 0 && low[len - 1] == ':';
	len -= (size_t)colon;
	if (len == 0)
		return W_NAME;
	if (is_lead(b->lex, low, len, colon))
		return W_LEAD;
	int kind = dyad__html_byline_word(b->lex, low, len);
	/* joiners are written in lower case: "E." and "Y." are initials */
	if (kind == DYAD_HTML_BYLINE_JOINER && len == n && memcmp(low, w, n) == 0)
		return W_JOINER;
	size_t bare = len;
	while (bare > 0 && low[bare - 1] == '.')
		bare--;
	if (bare && is_date_word(b->dates, low, bare))
		return W_STOP;
	kind = bare ? dyad__html_byline_word(b->lex, low, bare) : 0;
	if (kind == DYAD_HTML_BYLINE_TITLE || hyphen_title(b, low, bare))
		return W_TITLE;
	return kind == DYAD_HTML_BYLINE_STOP ? W_STOP : W_NAME;
}

static int has_capital(const char *w, size_t n)
{
	size_t i = 0;
	while (i < n)
		if (dyad_cp_is_upper(dyad_utf8_next(w, n, &i)))
			return 1;
	return 0;
}

static void add_word(struct part *p, const char *s, size_t a, size_t z, enum word_kind kind)
{
	if (p->closed)
		return;
	if (kind == W_STOP) {
		p->closed = 1;
		return;
	}
	if (kind == W_LEAD) { /* "Analysis by": the names start after it */
		memset(p, 0, sizeof *p);
		return;
	}
	p->bad |= kind == W_TITLE || kind == W_DOMAIN;
	p->capital |= has_capital(s + a, z - a);
	if (p->words < NAME_MAX_WORDS + 1) {
		p->start[p->words] = a;
		p->end[p->words] = z;
	}
	p->words++;
}

/* Cut the byline into parts; returns how many. */
static size_t cut_parts(const struct byline *b, struct part *parts, size_t max)
{
	const char *s = b->s;
	size_t n = 0, i = 0, len = b->len;
	struct part cur;
	memset(&cur, 0, sizeof cur);
	while (i <= len) {
		while (i < len && s[i] == ' ')
			i++;
		size_t sep = i < len ? separator_len(s + i, len - i, 1) : 1;
		size_t w = i;
		while (!sep && w < len && s[w] != ' ' && !separator_len(s + w, len - w, 0))
			w++;
		enum word_kind kind = sep ? W_NAME : classify(b, s + i, w - i);
		if (sep || kind == W_JOINER) {
			if (cur.words && n < max)
				parts[n++] = cur;
			memset(&cur, 0, sizeof cur);
			i += sep ? sep : w - i;
			continue;
		}
		add_word(&cur, s, i, w, kind);
		i = w;
	}
	return n;
}

/* Lower-case letters and digits of (s, len) into out; returns the length. */
static size_t squash(const char *s, size_t len, char *out, size_t cap)
{
	size_t w = 0;
	for (size_t i = 0; i < len && w + 1 < cap; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + ('a' - 'A'));
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80)
			out[w++] = c;
	}
	out[w] = '\0';
	return w;
}

/* 1 when the words [from, to) of p squash to want. */
static int words_are(const struct byline *b, const struct part *p, int from, int to,
                     const char *want, size_t wl)
{
	char got[SQUASH_BYTES];
	size_t gl = squash(b->s + p->start[from], p->end[to - 1] - p->start[from], got, sizeof got);
	return gl == wl && memcmp(got, want, wl) == 0;
}

/* 1 for a lone short word in capitals: after a name, a credential or an
 * agency ("MS", "CNN"); alone it is the credit and stays ("PTI"). */
static int lone_initials(const struct byline *b, const struct part *p)
{
	size_t n = p->end[0] - p->start[0];
	if (p->words != 1 || n > LONE_INITIALS_MAX)
		return 0;
	for (size_t i = p->start[0]; i < p->end[0]; i++)
		if (b->s[i] >= 'a' && b->s[i] <= 'z')
			return 0;
	return 1;
}

/* The words of p that are a name: none when p starts with the site's name
 * ("CNN Business") or is initials after a name, and the site's name taken
 * off the end ("Kevin McCoy USA TODAY"). */
static int name_words(const struct byline *b, const struct part *p, const char *site,
                      int after_name)
{
	int words = p->words;
	char want[SQUASH_BYTES];
	size_t wl = site ? squash(site, strlen(site), want, sizeof want) : 0;
	if (after_name && lone_initials(b, p))
		return 0;
	for (int k = 1; wl && k <= words; k++)
		if (words_are(b, p, 0, k, want, wl))
			return 0;
	for (int k = words - 1; wl && k > 0; k--)
		if (words_are(b, p, k, words, want, wl))
			return k;
	return words;
}

size_t dyad__byline_clean(const struct dyad__html_lexicon *lex,
                          const struct dyad__date_lexicon *dates,
                          const char *site, const char *s, size_t len,
                          char *out, size_t cap)
{
	struct byline b = {lex, dates, s, len};
	struct part parts[MAX_PARTS];
	size_t n = cut_parts(&b, parts, MAX_PARTS);
	size_t w = 0, kept = 0;
	for (size_t k = 0; k < n && kept < MAX_NAMES; k++) {
		const struct part *p = &parts[k];
		if (p->bad || !p->capital || p->words > NAME_MAX_WORDS)
			continue;
		int words = name_words(&b, p, site, kept > 0);
		if (words == 0)
			continue;
		size_t from = p->start[0], plen = p->end[words - 1] - from;
		if (w + plen + (kept ? 2 : 0) + 1 > cap)
			break;
		if (kept) {
			memcpy(out + w, ", ", 2);
			w += 2;
		}
		memcpy(out + w, s + from, plen);
		w += plen;
		kept++;
	}
	if (cap)
		out[w] = '\0';
	return w;
}
