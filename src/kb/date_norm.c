/*
 * date_norm.c - a date value as the output contract writes it, or nothing
 * (see date_norm.h).
 *
 * Containers write dates for machines (ISO 8601 in meta tags, JSON-LD,
 * <time datetime> and JSON Lines exports, RFC 2822 in feeds that pages copy)
 * and for people ("sexta-feira, 22 de outubro de 2010"). The machine shapes
 * are read here; the human ones with the date words of data/dates/ through
 * date_text.c, so a new language is a data change there. Anything else is no
 * date: the caller then tries its next source.
 */
#include "kb/date_norm.h"

#include <stdio.h>
#include <string.h>

#include "kb/date_text.h"

/* Dates before the web or far ahead are placeholders, not publication dates. */
#define DATE_MIN_YEAR 1991
#define DATE_MAX_YEAR 2100
#define MAX_OFFSET_MINUTES (14 * 60)
#define ISO_LEN 32
/* Bytes of a human-written date handed to the date words. */
#define HUMAN_DATE_MAX 256

struct stamp {
	int year, month, day;
	int hour, minute, second; /* hour -1: no time */
	int zone;                 /* 0 none, 1 "Z", 2 offset */
	int offset;               /* minutes east of UTC */
};

static int digits(const char *s, size_t len, size_t at, size_t n, int *out)
{
	if (at + n > len)
		return 0;
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[at + i] < '0' || s[at + i] > '9')
			return 0;
		v = v * 10 + (s[at + i] - '0');
	}
	*out = v;
	return 1;
}

static int is_digit_at(const char *s, size_t len, size_t at)
{
	return at < len && s[at] >= '0' && s[at] <= '9';
}

static int valid_stamp(const struct stamp *t)
{
	if (t->year < DATE_MIN_YEAR || t->year > DATE_MAX_YEAR ||
	    !dyad__date_valid(t->year, t->month, t->day))
		return 0;
	if (t->hour >= 0 && (t->hour > 23 || t->minute > 59 || t->second > 60))
		return 0;
	return t->zone != 2 || (t->offset >= -MAX_OFFSET_MINUTES && t->offset <= MAX_OFFSET_MINUTES);
}

/* "Z", "+05:30", "+0530", "+05", " UTC", " GMT" at s[*at]. */
static void read_zone(const char *s, size_t len, size_t at, struct stamp *t)
{
	while (at < len && s[at] == ' ')
		at++;
	if (at < len && (s[at] == 'Z' || s[at] == 'z')) {
		t->zone = 1;
		return;
	}
	if (at + 3 <= len && (memcmp(s + at, "UTC", 3) == 0 || memcmp(s + at, "GMT", 3) == 0)) {
		t->zone = 1;
		at += 3;
		if (at >= len || (s[at] != '+' && s[at] != '-'))
			return;
	}
	if (at >= len || (s[at] != '+' && s[at] != '-'))
		return;
	int sign = s[at] == '-' ? -1 : 1, h = 0, m = 0;
	if (!digits(s, len, at + 1, 2, &h))
		return;
	size_t k = at + 3;
	if (k < len && s[k] == ':')
		k++;
	if (!digits(s, len, k, 2, &m))
		m = 0;
	t->zone = 2;
	t->offset = sign * (h * 60 + m);
}

/* "HH:MM[:SS[.fff]]" at s[at], then a zone. */
static int read_time(const char *s, size_t len, size_t at, struct stamp *t)
{
	if (!digits(s, len, at, 2, &t->hour) || at + 2 >= len || s[at + 2] != ':' ||
	    !digits(s, len, at + 3, 2, &t->minute)) {
		t->hour = -1;
		return 0;
	}
	at += 5;
	t->second = 0;
	if (at < len && s[at] == ':' && digits(s, len, at + 1, 2, &t->second))
		at += 3;
	if (at < len && (s[at] == '.' || s[at] == ','))
		for (at++; is_digit_at(s, len, at); at++)
			;
	read_zone(s, len, at, t);
	return 1;
}

/* ISO 8601: "2019-11-18", "2019/11/18", "20191118", with "T16:07:38-06:00". */
static int read_iso(const char *s, size_t len, struct stamp *t)
{
	size_t at = 0;
	if (!digits(s, len, 0, 4, &t->year))
		return 0;
	if (len > 4 && (s[4] == '-' || s[4] == '/' || s[4] == '.')) {
		char sep = s[4];
		if (!digits(s, len, 5, 2, &t->month) || len < 8 || s[7] != sep ||
		    !digits(s, len, 8, 2, &t->day))
			return 0;
		at = 10;
	} else if (digits(s, len, 4, 2, &t->month) && digits(s, len, 6, 2, &t->day)) {
		at = 8;
	} else {
		return 0;
	}
	if (is_digit_at(s, len, at))
		return 0;
	t->hour = -1;
	if (at < len && (s[at] == 'T' || s[at] == 't' || s[at] == ' '))
		read_time(s, len, at + 1, t);
	return 1;
}

/* RFC 2822: "[Mon, ]18 Nov 2019 16:07:38 -0600" (English month names by
 * definition of the format, not a language choice). */
static int read_rfc2822(const char *s, size_t len, struct stamp *t)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	size_t at = 0;
	if (len > 5 && s[3] == ',' && s[4] == ' ')
		at = 5;
	size_t nd = 0;
	while (is_digit_at(s, len, at + nd))
		nd++;
	if (nd < 1 || nd > 2 || !digits(s, len, at, nd, &t->day) || at + nd + 5 > len ||
	    s[at + nd] != ' ')
		return 0;
	at += nd + 1;
	t->month = 0;
	for (int m = 0; m < 12; m++)
		if (memcmp(s + at, months + 3 * m, 3) == 0)
			t->month = m + 1;
	if (!t->month || at + 3 >= len || s[at + 3] != ' ' || !digits(s, len, at + 4, 4, &t->year))
		return 0;
	at += 8;
	t->hour = -1;
	if (at < len && s[at] == ' ')
		read_time(s, len, at + 1, t);
	static const struct { const char *name; int offset; } zones[] = {
		{"EST", -300}, {"EDT", -240}, {"CST", -360}, {"CDT", -300},
		{"MST", -420}, {"MDT", -360}, {"PST", -480}, {"PDT", -420},
	};
	for (size_t z = 0; t->hour >= 0 && !t->zone && z < sizeof zones / sizeof zones[0]; z++)
		if (strstr(s + at, zones[z].name)) {
			t->zone = 2;
			t->offset = zones[z].offset;
		}
	return 1;
}

static size_t format_stamp(const struct stamp *t, char *out, size_t cap)
{
	int n;
	if (t->hour < 0 || t->zone == 0)
		n = snprintf(out, cap, "%04d-%02d-%02d", t->year, t->month, t->day);
	else if (t->zone == 1)
		n = snprintf(out, cap, "%04d-%02d-%02dT%02d:%02d:%02dZ", t->year, t->month,
		             t->day, t->hour, t->minute, t->second);
	else {
		int off = t->offset < 0 ? -t->offset : t->offset;
		n = snprintf(out, cap, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", t->year,
		             t->month, t->day, t->hour, t->minute, t->second,
		             t->offset < 0 ? '-' : '+', off / 60, off % 60);
	}
	return n > 0 && (size_t)n < cap ? (size_t)n : 0;
}

/* A date people wrote, read with the engine's date words. */
static int read_human(const struct dyad__date_lexicon *dates, const char *s,
                      size_t len, struct stamp *t)
{
	if (!dates || len >= HUMAN_DATE_MAX)
		return 0;
	char copy[HUMAN_DATE_MAX];
	memcpy(copy, s, len);
	copy[len] = '\0';
	struct dyad__date_expr e;
	if (!dyad__date_find(dates, copy, 0, (uint32_t)len, &e) || !e.date.year)
		return 0;
	t->year = e.date.year;
	t->month = e.date.month;
	t->day = e.date.day;
	t->hour = e.hour;
	t->minute = e.minute < 0 ? 0 : e.minute;
	t->second = e.second < 0 ? 0 : e.second;
	t->zone = e.hour >= 0 && e.has_offset ? 2 : 0;
	t->offset = e.offset_minutes;
	return 1;
}

size_t dyad__date_normalise(const char *s, size_t len,
                                 const struct dyad__date_lexicon *dates,
                                 char *out, size_t cap)
{
	while (len > 0 && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) {
		s++;
		len--;
	}
	struct stamp t;
	memset(&t, 0, sizeof t);
	t.hour = -1;
	int ok = read_iso(s, len, &t) && valid_stamp(&t);
	if (!ok) {
		memset(&t, 0, sizeof t);
		ok = read_rfc2822(s, len, &t) && valid_stamp(&t);
	}
	if (!ok) {
		memset(&t, 0, sizeof t);
		ok = read_human(dates, s, len, &t) && valid_stamp(&t);
	}
	if (!ok || cap < ISO_LEN)
		return 0;
	return format_stamp(&t, out, cap);
}

size_t dyad__date_from_url(const char *url, char *out, size_t cap)
{
	const char *path = url ? strstr(url, "://") : NULL;
	path = path ? strchr(path + 3, '/') : url;
	if (!path || cap < ISO_LEN)
		return 0;
	size_t len = strcspn(path, "?#");
	for (size_t i = 0; i + 5 < len; i++) {
		if (path[i] != '/')
			continue;
		struct stamp t;
		memset(&t, 0, sizeof t);
		t.hour = -1;
		size_t at = i + 1, nm = 0, nd = 0;
		if (!digits(path, len, at, 4, &t.year))
			continue;
		at += 4;
		if (at < len && (path[at] == '/' || path[at] == '-')) {
			char sep = path[at++];
			while (nm < 2 && is_digit_at(path, len, at + nm))
				nm++;
			if (!nm || !digits(path, len, at, nm, &t.month) || at + nm >= len ||
			    path[at + nm] != sep)
				continue;
			at += nm + 1;
			while (nd < 2 && is_digit_at(path, len, at + nd))
				nd++;
			if (!nd || !digits(path, len, at, nd, &t.day) ||
			    (at + nd < len && path[at + nd] != '/' && path[at + nd] != '-' &&
			     path[at + nd] != '.' && path[at + nd] != '_'))
				continue;
		} else {
			continue;
		}
		if (valid_stamp(&t))
			return format_stamp(&t, out, cap);
	}
	return 0;
}
