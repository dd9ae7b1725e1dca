/*
 * amounts.c - money and counts: "$30 billion", "more than four billion
 * dollars", "169.4 tons of food", "5,000 soldiers", "11 российских граждан".
 *
 * A number (digits or number words, data/amounts/numbers.tsv) with its
 * multipliers ("billion", "млрд") and a unit before or after it
 * (data/amounts/units.tsv) is an amount of that unit; without a unit, the
 * noun after it is what it counts. Numbers that belong to dates ("21
 * октября", "October 14, 1924"), years and times are not amounts.
 */
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "kb/amounts.h"
#include "kb/engine.h"
#include "text/dates.h"
#include "text/words.h"

#define COUNT_LOOKAHEAD 3 /* words after a number searched for its noun */

/* ---- recognition ------------------------------------------------------ */

static const struct dyad__unit *unit_at(const struct dyad__work *w, size_t k)
{
	const struct dyad__amount_lexicon *lex = w->engine->amounts;
	uint32_t id = dyad__tok_form(w, &w->tokens[k])->unit; /* units.tsv, by stem */
	return id ? &lex->list[id - 1] : NULL;
}

static int number_word(const struct dyad__work *w, size_t k, double *value, int *mult)
{
	const struct dyad__amount_lexicon *lex = w->engine->amounts;
	uint32_t id = dyad__tok_form(w, &w->tokens[k])->number; /* numbers.tsv + 1 */
	if (!id)
		return 0;
	*value = lex->values[id - 1];
	*mult = lex->is_multiplier[id - 1];
	return 1;
}

static double digits_value(const struct dyad__work *w, const struct dyad__token *t)
{
	char buf[64];
	size_t n = 0;
	for (uint32_t i = t->start; i < t->end && n + 1 < sizeof buf; i++) {
		char c = w->text[i];
		if (c == ',')
			continue; /* thousands separator: 10,080 */
		buf[n++] = c;
	}
	buf[n] = '\0';
	return strtod(buf, NULL);
}

/* Part of a date, a year or a clock time rather than a quantity. */
static int is_date_part(const struct dyad__work *w, size_t k, size_t s_start, size_t s_end)
{
	const struct dyad__token *t = &w->tokens[k];
	double v = digits_value(w, t);
	if (k + 1 < s_end && w->text[w->tokens[k + 1].start] == ':')
		return 1;
	if (k > s_start && w->text[w->tokens[k - 1].start] == ':')
		return 1;
	uint32_t a = k > s_start ? w->tokens[k - 1].start : t->start;
	uint32_t b = k + 1 < s_end ? w->tokens[k + 1].end : t->end;
	struct dyad__date d;
	if (w->engine->meta && dyad__date_in_span(w, a, b, &d, NULL) && v <= 31)
		return 1;
	return v >= 1800 && v <= 2100 && t->end - t->start == 4;
}

static int is_noun_candidate(const struct dyad__work *w, size_t k)
{
	const struct dyad__token *t = &w->tokens[k];
	return (t->flags & DYAD_TOK_WORD) && !(t->flags & DYAD_TOK_NUMBER) && t->lower_len > 2;
}

/* "Iranian", "Iranian-made", "российских", "военных": an adjective before
 * the noun a number counts (data/amounts/adjective_endings.tsv). */
static int adjective_shaped(const struct dyad__amount_lexicon *lex, const char *lower,
                            size_t n)
{
	for (size_t i = 0; i < lex->n_adj_endings; i++) {
		size_t k = strlen(lex->adj_endings[i]);
		if (n > k + 1 && memcmp(lower + n - k, lex->adj_endings[i], k) == 0)
			return 1;
	}
	return 0;
}

/* The noun a bare number counts: the word after it, past one adjective
 * ("11 российских граждан", "eight Iranian-made drones"). */
static const char *counted_noun(struct dyad__work *w, size_t k, size_t s_end,
                                size_t *last)
{
	size_t best = 0;
	for (size_t j = k + 1; j < s_end && j <= k + COUNT_LOOKAHEAD; j++) {
		if (!is_noun_candidate(w, j)) {
			if (dyad__tok_is_char(w, j, '-') && (w->tokens[j].flags & DYAD_TOK_GLUED))
				continue;
			break;
		}
		best = j;
		/* stop at the first word that is not adjective-shaped */
		if (!adjective_shaped(w->engine->amounts, dyad__tok_lower(w, &w->tokens[j]),
		                      w->tokens[j].lower_len))
			break;
	}
	if (!best)
		return NULL;
	*last = best;
	const struct dyad__token *t = &w->tokens[best];
	return dyad_arena_strndup(w->arena, w->text + t->start, t->end - t->start);
}

static dyad_status amounts_in_sentence(struct dyad__work *w, size_t s)
{
	const struct dyad__sentence *sent = &w->sentences[s];
	size_t k = sent->tok_start;
	while (k < sent->tok_end) {
		const struct dyad__token *t = &w->tokens[k];
		double value = 0;
		int mult = 0;
		int is_digits = (t->flags & DYAD_TOK_NUMBER) != 0;
		if (!is_digits && !number_word(w, k, &value, &mult)) {
			k++;
			continue;
		}
		if (is_digits) {
			if (is_date_part(w, k, sent->tok_start, sent->tok_end)) {
				k++;
				continue;
			}
			value = digits_value(w, t);
		}
		size_t first = k, last = k, j = k + 1;
		const struct dyad__unit *unit = NULL;
		if (k > sent->tok_start && (unit = unit_at(w, k - 1)) != NULL &&
		    (w->tokens[k - 1].flags & DYAD_TOK_PUNCT))
			first = k - 1; /* "$30", "€5.63" */
		else
			unit = NULL;
		for (; j < sent->tok_end; j++) {
			double v;
			int m;
			if (number_word(w, j, &v, &m) && m) {
				value *= v;
				last = j;
				continue;
			}
			break;
		}
		if (!unit && j < sent->tok_end && (unit = unit_at(w, j)) != NULL)
			last = j;
		const char *counts = NULL;
		if (!unit) {
			size_t noun_last;
			counts = counted_noun(w, last, sent->tok_end, &noun_last);
			if (!counts) {
				k = last + 1;
				continue;
			}
			last = noun_last;
		} else if (strcmp(unit->kind, "money") != 0) {
			/* "169.4 tons of flour": what the tonnes are of */
			size_t of = last + 1;
			size_t noun_last;
			if (of + 1 < sent->tok_end && dyad__tok_kind(w, of, MOD_GENITIVE))
				counts = counted_noun(w, of, sent->tok_end, &noun_last);
		}
		if (!counts && !unit && value == 0) {
			k = last + 1;
			continue;
		}
		struct dyad_amount *a = DYAD_WORK_PUSH(w, amounts);
		if (!a)
			return DYAD_ENOMEM;
		a->value = value;
		a->unit = unit ? unit->unit : NULL;
		a->counts = counts;
		a->span.start = w->tokens[first].start;
		a->span.end = w->tokens[last].end;
		k = last + 1;
	}
	return DYAD_OK;
}

dyad_status dyad__amounts_extract(struct dyad__work *w)
{
	for (size_t s = 0; s < w->n_sentences; s++) {
		dyad_status st = amounts_in_sentence(w, s);
		if (st != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}
