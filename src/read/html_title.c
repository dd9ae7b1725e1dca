/*
 * html_title.c - the headline part of a page's <title> (see html_facts.h).
 *
 * A <title> loses " | Site" and " :: Site" always, and " - Site" only when
 * "Site" looks like the site (a domain such as "Day.Az", og:site_name, or
 * the host of the page's URL), since headlines use dashes too. "Site -
 * Headline" loses its head the same way. Titles the page gives as such
 * (og:title, JSON-LD) lose a site name only when it is named.
 */
#include <string.h>

#include "read/html_facts.h"

#define SQUASH_MAX 256

static char lower_ascii(char c)
{
	return (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
}

/* Lower-case ASCII letters and digits of (s, len), other bytes kept, into out. */
static size_t squash(const char *s, size_t len, char *out, size_t cap)
{
	size_t w = 0;
	for (size_t i = 0; i < len && w + 1 < cap; i++) {
		char ch = lower_ascii(s[i]);
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		    (unsigned char)ch >= 0x80)
			out[w++] = ch;
	}
	out[w] = '\0';
	return w;
}

/* 1 when (s, len) names the site: a domain, its site_name, or its host. */
static int names_site(const char *site, const char *url, const char *s, size_t len)
{
	char a[SQUASH_MAX], b[SQUASH_MAX];
	if (len == 0 || len >= sizeof a)
		return 0;
	if (!memchr(s, ' ', len) && memchr(s, '.', len))
		return 1; /* "Day.Az", "trend.az": a domain */
	if (!squash(s, len, a, sizeof a))
		return 0;
	if (site && squash(site, strlen(site), b, sizeof b) && strcmp(a, b) == 0)
		return 1;
	const char *host = url ? strstr(url, "://") : NULL;
	if (!host)
		return 0;
	host += 3;
	if (dyad__html_istarts(host, strlen(host), "www."))
		host += 4;
	size_t hlen = strcspn(host, "/:?#");
	size_t label = strcspn(host, ".");
	if (label > hlen)
		label = hlen;
	return (squash(host, hlen, b, sizeof b) && strcmp(a, b) == 0) ||
	       (squash(host, label, b, sizeof b) && strcmp(a, b) == 0);
}

void dyad__html_title_strip(const char *site, const char *url, const char *t,
                            int always, size_t *start, size_t *len)
{
	static const char *const seps[] = {" | ", " :: ", " - ", " \xE2\x80\x94 ",
	                                   " \xE2\x80\x93 ", " \xC2\xBB "};
	size_t n = *len;
	size_t best = 0, best_len = 0;
	int best_sep = -1;
	for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
		size_t sl = strlen(seps[k]);
		for (size_t i = 1; i + sl < n; i++)
			if (memcmp(t + i, seps[k], sl) == 0 && i >= best) {
				best = i;
				best_len = sl;
				best_sep = (int)k;
			}
	}
	if (best_sep < 0)
		return;
	const char *tail = t + best + best_len;
	size_t tail_len = n - best - best_len;
	if ((always && best_sep <= 1) || names_site(site, url, tail, tail_len)) {
		*len = best;
		return;
	}
	/* "Site - Headline": the first separator, with the site before it */
	for (size_t i = 1; i + best_len < n; i++)
		if (memcmp(t + i, seps[best_sep], best_len) == 0) {
			if (names_site(site, url, t, i)) {
				*start = i + best_len;
				*len = n - *start;
			}
			return;
		}
}

int dyad__html_same_letters(const char *a, const char *b)
{
	char sa[SQUASH_MAX], sb[SQUASH_MAX];
	size_t na = squash(a, strlen(a), sa, sizeof sa), nb = squash(b, strlen(b), sb, sizeof sb);
	return na > 0 && na == nb && memcmp(sa, sb, na) == 0;
}
