/*
 * quotes.c - quotations and who said them.
 *
 * A quotation is the text between an opening and a closing quote mark in a
 * paragraph (“...”, «...», "..."); one left open runs to the end of the
 * paragraph, as multi-paragraph quotes do in news copy. In interview and
 * speech transcripts, a paragraph that opens with a dash after "X said:"
 * is X's words too. Scare quotes and titles ("One China", “Natsionalnaya
 * oborona” magazine) are too short to be quotations. The speaker is the one
 * reported speech attributes the paragraph to (speech.h).
 */
#include <string.h>

#include "core/utf8.h"
#include "events/speech.h"
#include "extract/extract.h"

#define MIN_QUOTE_WORDS 4 /* shorter quoted text is a name or a scare quote */

static int opens(uint32_t cp)
{
	return cp == 0x201C || cp == 0x00AB || cp == 0x201E || cp == '"';
}

static int closes(uint32_t open, uint32_t cp)
{
	if (open == '"')
		return cp == '"' || cp == 0x201D;
	if (open == 0x00AB)
		return cp == 0x00BB;
	return cp == 0x201D || (open == 0x201E && cp == 0x201C) || cp == '"';
}

static int is_dash(uint32_t cp)
{
	return cp == '-' || cp == 0x2013 || cp == 0x2014;
}

static size_t count_words(const char *s, size_t n)
{
	size_t words = 0;
	int in_word = 0;
	for (size_t i = 0; i < n; i++) {
		int space = s[i] == ' ' || s[i] == '\n';
		if (!space && !in_word)
			words++;
		in_word = !space;
	}
	return words;
}

static dyad_status add_quote(struct dyad__work *w, uint32_t a, uint32_t b,
                             const struct dyad__mention *speaker)
{
	while (a < b && w->text[a] == ' ')
		a++;
	while (b > a && (w->text[b - 1] == ' ' || w->text[b - 1] == ','))
		b--;
	if (count_words(w->text + a, b - a) < MIN_QUOTE_WORDS)
		return DYAD_OK;
	struct dyad_quote *q = DYAD_WORK_PUSH(w, quotes);
	if (!q)
		return DYAD_ENOMEM;
	q->span.start = a;
	q->span.end = b;
	q->speaker_entity = speaker ? speaker->entity : -1;
	q->speaker = speaker && speaker->entity >= 0 ? w->entities[speaker->entity].name : NULL;
	return DYAD_OK;
}

/* Quotations in one paragraph. */
static dyad_status quotes_in_line(struct dyad__work *w, size_t l,
                                  const struct dyad__mention *speaker,
                                  int dash_is_quote)
{
	const struct dyad__line *line = &w->lines[l];
	size_t i = line->start;
	uint32_t open = 0, start = 0;
	if (dash_is_quote) {
		size_t k = i;
		uint32_t cp = dyad_utf8_next(w->text, line->end, &k);
		if (is_dash(cp))
			return add_quote(w, (uint32_t)k, line->end, speaker);
	}
	while (i < line->end) {
		/* no quotation mark in the rest of ASCII, nor after U+00BB */
		i = dyad__skip_plain(w->text, i, line->end, '"', '"', '"', 0xC3);
		if (i >= line->end)
			break;
		size_t at = i;
		uint32_t cp = dyad_utf8_next(w->text, line->end, &i);
		if (!open && opens(cp)) {
			open = cp;
			start = (uint32_t)i;
		} else if (open && closes(open, cp)) {
			dyad_status st = add_quote(w, start, (uint32_t)at, speaker);
			if (st != DYAD_OK)
				return st;
			open = 0;
		}
	}
	return open ? add_quote(w, start, line->end, speaker) : DYAD_OK;
}

dyad_status dyad__quotes_extract(struct dyad__work *w)
{
	struct dyad__speech_state speech;
	dyad__speech_init(&speech);
	int32_t last_line = -1;
	for (size_t s = 0; s < w->n_sentences; s++) {
		const struct dyad__mention *speaker = dyad__speech_at(&speech, w, s);
		int32_t l = w->sentences[s].line;
		if (l == last_line)
			continue;
		last_line = l;
		dyad_status st = quotes_in_line(w, (size_t)l, speaker,
		                                speech.carries_on && speaker);
		if (st != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}
