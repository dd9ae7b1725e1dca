/*
 * html_author.c - the names in a byline (see html_facts.h).
 *
 * Bylines mix names with everything around them: "By Robert Burns, AP
 * National Security Writer", "Jill Disis, CNN Business", "by Roger Gonzalez
 * Nov 19, 2019 at 6:46 pm ET". The byline is cut into parts at separators
 * and joiner words; a part is a name when it has no job-title word
 * (data/html/bylines.tsv), is not the site's own name, has a capital letter
 * and at most a few words; a number or a stop word ends it.
 */
#include <string.h>

#include "core/utf8.h"
#include "read/html_facts.h"

/* A name has at most this many words. */
#define NAME_MAX_WORDS 5
#define WORD_BYTES 64
/* Names kept from one byline. */
#define MAX_NAMES 4

struct part {
	size_t start, end;  /* bytes of the byline */
	int words;
	int bad;            /* holds a title word: no name */
	int closed;         /* a stop word or a number ended it */
	int capital;        /* holds an upper-case letter */
};

/* Length of the separator at s (",", "|", " - ", "•"...), or 0. */
static size_t separator_len(const char *s, size_t left, int word_start)
{
	static const char *const seps[] = {"\xE2\x80\xA2", "\xC2\xB7", "\xE2\x80\x93",
	                                   "\xE2\x80\x94", "\xE2\x80\xA6"};
	if (strchr(",|/;()[]", s[0]) && s[0])
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

static int word_kind(const struct dyad__html_lexicon *lex, const char *w, size_t n)
{
	char low[WORD_BYTES];
	size_t len = dyad_utf8_lower(w, n, low, sizeof low);
	while (len > 0 && (low[len - 1] == ':' || low[len - 1] == '.'))
		len--;
	return len ? dyad__html_byline_word(lex, low, len) : DYAD_HTML_BYLINE_NONE;
}

static int has_digit_or_at(const char *w, size_t n)
{
	if (n && w[0] == '@')
		return 1;
	for (size_t i = 0; i < n; i++)
		if (w[i] >= '0' && w[i] <= '9')
			return 1;
	return 0;
}

static int has_capital(const char *w, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp = dyad_utf8_next(w, n, &i);
		if (dyad_cp_is_upper(cp))
			return 1;
	}
	return 0;
}

/* The byline after its lead words ("By", "Written by", "Автор:"). */
static size_t skip_prefixes(const struct dyad__html_lexicon *lex, const char *s, size_t len)
{
	size_t at = 0;
	for (int again = 1; again && lex;) {
		again = 0;
		while (at < len && s[at] == ' ')
			at++;
		for (size_t k = 0; k < lex->n_byline_prefixes; k++) {
			const char *p = lex->byline_prefixes[k];
			size_t n = strlen(p);
			char low[WORD_BYTES];
			if (n >= sizeof low || at + n > len)
				continue;
			size_t got = dyad_utf8_lower(s + at, n, low, sizeof low);
			if (got != n || memcmp(low, p, n) != 0)
				continue;
			if (at + n == len || s[at + n] == ' ' || p[n - 1] == ':') {
				at += n;
				again = 1;
				break;
			}
		}
	}
	return at;
}

/* 1 when part (p, n) names the site (or the site is part of it). */
static int names_site(const char *site, const char *p, size_t n)
{
	size_t sl = site ? strlen(site) : 0;
	if (sl == 0 || sl > n)
		return 0;
	for (size_t i = 0; i + sl <= n; i++)
		if (dyad__html_istarts(p + i, n - i, site) &&
		    (i == 0 || p[i - 1] == ' ') && (i + sl == n || p[i + sl] == ' '))
			return 1;
	return 0;
}

/* Cut (s, len) into parts; returns how many. */
static size_t cut_parts(const struct dyad__html_lexicon *lex, const char *s,
                        size_t len, struct part *parts, size_t max)
{
	size_t n = 0, i = skip_prefixes(lex, s, len);
	struct part cur = {i, i, 0, 0, 0, 0};
	while (i <= len) {
		while (i < len && s[i] == ' ')
			i++;
		size_t sep = i < len ? separator_len(s + i, len - i, 1) : 1;
		size_t w = i;
		while (!sep && w < len && s[w] != ' ' && !separator_len(s + w, len - w, 0))
			w++;
		int kind = sep ? 0 : word_kind(lex, s + i, w - i);
		if (sep || kind == DYAD_HTML_BYLINE_JOINER) {
			if (cur.words && n < max)
				parts[n++] = cur;
			i += sep ? sep : w - i;
			cur = (struct part){i, i, 0, 0, 0, 0};
			if (i >= len)
				break;
			continue;
		}
		if (kind == DYAD_HTML_BYLINE_STOP || has_digit_or_at(s + i, w - i))
			cur.closed = 1;
		if (!cur.closed) {
			if (cur.words == 0)
				cur.start = i;
			cur.bad |= kind == DYAD_HTML_BYLINE_TITLE;
			cur.capital |= has_capital(s + i, w - i);
			cur.words++;
			cur.end = w;
		}
		i = w;
	}
	return n;
}

size_t dyad__html_author_clean(const struct dyad__html_lexicon *lex,
                               const char *site, const char *s, size_t len,
                               char *out, size_t cap)
{
	struct part parts[MAX_NAMES * 4];
	size_t n = cut_parts(lex, s, len, parts, sizeof parts / sizeof parts[0]);
	size_t w = 0, kept = 0;
	for (size_t k = 0; k < n && kept < MAX_NAMES; k++) {
		const struct part *p = &parts[k];
		size_t plen = p->end - p->start;
		if (p->bad || !p->capital || p->words > NAME_MAX_WORDS || plen == 0 ||
		    names_site(site, s + p->start, plen))
			continue;
		size_t need = plen + (kept ? 2 : 0);
		if (w + need + 1 > cap)
			break;
		if (kept) {
			memcpy(out + w, ", ", 2);
			w += 2;
		}
		memcpy(out + w, s + p->start, plen);
		w += plen;
		kept++;
	}
	if (cap)
		out[w] = '\0';
	return w;
}
