/*
 * segment.c - sentences: the body lines cut at sentence ends.
 *
 * A line (a paragraph, a headline) never spans two sentences. Inside a line a
 * sentence ends at . ! ? or … (and any closing quotes or brackets after it)
 * when a space follows and the next word starts like a sentence (capital
 * letter, digit, opening quote or dash). A full stop after an abbreviation
 * of the word's language (data/lang/ID/abbreviations.tsv: "Sept.", "г.") or after an initial
 * ("M. Mamytkanov") does not end a sentence.
 */
#include <string.h>

#include "core/utf8.h"
#include "kb/engine.h"
#include "kb/lang.h"
#include "text/text.h"

#define MAX_ABBREV_BYTES 24 /* longest word looked up as an abbreviation */

static int is_closer(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D ||
	       cp == 0x2019 || cp == 0x00BB || cp == 0x201C;
}

static int starts_sentence(uint32_t cp)
{
	return dyad_cp_is_upper(cp) || dyad_cp_is_digit(cp) || cp == '"' ||
	       cp == 0x201C || cp == 0x00AB || cp == 0x201E || cp == '(' ||
	       cp == 0x2013 || cp == 0x2014 || cp == '-' || cp == '\'' || cp == 0x2018;
}

/* The word that ends at `dot` (the '.' included), lower-cased. */
static int abbreviation_before(const struct dyad__work *w, size_t line_start,
                               size_t dot)
{
	size_t a = dot;
	while (a > line_start && w->text[a - 1] != ' ' && w->text[a - 1] != '(' &&
	       w->text[a - 1] != '"')
		a--;
	size_t n = dot + 1 - a;
	if (n < 2 || n > MAX_ABBREV_BYTES)
		return 0;
	/* a single capital letter: an initial */
	size_t i = a;
	uint32_t cp = dyad_utf8_next(w->text, dot, &i);
	if (i == dot && dyad_cp_is_upper(cp))
		return 1;
	/* the abbreviations of the language its letters are written in */
	const struct dyad__lang *lang =
		dyad__lang_of_script(w->engine, dyad__script_of_cp(cp), w->lang);
	char lower[MAX_ABBREV_BYTES * 2];
	size_t len = dyad_utf8_lower(w->text + a, n, lower, sizeof lower);
	return dyad__lang_abbrev(lang, lower, len);
}

static dyad_status push_sentence(struct dyad__work *w, size_t a, size_t b,
                                 size_t line)
{
	while (a < b && w->text[a] == ' ')
		a++;
	while (b > a && w->text[b - 1] == ' ')
		b--;
	if (a == b)
		return DYAD_OK;
	struct dyad__sentence *s = DYAD_WORK_PUSH_SCRATCH(w, sentences);
	if (!s)
		return DYAD_ENOMEM;
	s->start = (uint32_t)a;
	s->end = (uint32_t)b;
	s->line = (int32_t)line;
	return DYAD_OK;
}

static dyad_status segment_line(struct dyad__work *w, size_t line_no)
{
	const struct dyad__line *line = &w->lines[line_no];
	size_t start = line->start, end = line->end, i = start;
	while (i < end) {
		/* most characters: no terminal mark has two bytes */
		i = dyad__skip_plain(w->text, i, end, '.', '!', '?', 0xC2);
		if (i >= end)
			break;
		size_t at = i;
		uint32_t cp = dyad_utf8_next(w->text, end, &i);
		if (cp != '.' && cp != '!' && cp != '?' && cp != 0x2026)
			continue;
		if (cp == '.' && abbreviation_before(w, start, at))
			continue;
		size_t j = i;
		while (j < end) { /* more terminal marks and closers belong here */
			size_t k = j;
			uint32_t next = dyad_utf8_next(w->text, end, &k);
			if (!is_closer(next) && next != '.' && next != '!' && next != '?')
				break;
			j = k;
		}
		if (j >= end || w->text[j] != ' ')
			continue;
		size_t k = j + 1;
		uint32_t next = dyad_utf8_next(w->text, end, &k);
		if (!starts_sentence(next))
			continue;
		dyad_status st = push_sentence(w, start, j, line_no);
		if (st != DYAD_OK)
			return st;
		start = j + 1;
		i = start;
	}
	return push_sentence(w, start, end, line_no);
}

dyad_status dyad__segment(struct dyad__work *w)
{
	for (size_t l = 0; l < w->n_lines; l++) {
		unsigned skip = DYAD_LINE_BLANK | DYAD_LINE_CLUTTER | DYAD_LINE_META;
		if (w->lines[l].flags & skip)
			continue;
		dyad_status st = segment_line(w, l);
		if (st != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}
