/*
 * words.c - cutting and joining dyad's tokens into a treebank's words (see
 * words.h for the conventions and why).
 */
#include "parse/words.h"

#include <string.h>

#include "kb/lang.h"

static int is_punct_char(const struct dyad__work *w, uint32_t k, char c)
{
	return dyad__tok_is_char(w, k, c);
}

static int is_glued(const struct dyad__work *w, uint32_t k)
{
	return (w->tokens[k].flags & DYAD_TOK_GLUED) != 0;
}

static int is_wordlike(const struct dyad__work *w, uint32_t k)
{
	return (w->tokens[k].flags & (DYAD_TOK_WORD | DYAD_TOK_NUMBER)) != 0;
}

/* An apostrophe token: ' or U+2019. */
static int is_apostrophe(const struct dyad__work *w, uint32_t k)
{
	const struct dyad__token *t = &w->tokens[k];
	const char *s = w->text + t->start;
	size_t n = t->end - t->start;
	return (t->flags & DYAD_TOK_PUNCT) &&
	       ((n == 1 && s[0] == '\'') || (n == 3 && memcmp(s, "\xE2\x80\x99", 3) == 0));
}

/* Bytes at the end of text[start, end) that spell clitic (its ' may be
 * written U+2019); 0 when they do not. */
static size_t clitic_tail(const char *text, size_t start, size_t end, const char *clitic,
                          size_t clen)
{
	size_t at = end;
	for (size_t i = clen; i-- > 0;) {
		if (at <= start)
			return 0;
		char c = clitic[i];
		if (c == '\'' && at - start >= 3 && memcmp(text + at - 3, "\xE2\x80\x99", 3) == 0)
			at -= 3;
		else if (text[at - 1] == c || (c >= 'a' && c <= 'z' && text[at - 1] == c - 32))
			at--;
		else
			return 0;
	}
	return end - at;
}

/* Glued runs of one punctuation character: "...", "--". */
static uint32_t punct_run(const struct dyad__work *w, uint32_t k, uint32_t end)
{
	const struct dyad__token *t = &w->tokens[k];
	if (!(t->flags & DYAD_TOK_PUNCT) || t->end - t->start != 1 || (t->flags & DYAD_TOK_QUOTE))
		return k + 1;
	char c = w->text[t->start];
	uint32_t j = k + 1;
	while (j < end && is_glued(w, j) && is_punct_char(w, j, c))
		j++;
	return j;
}

/* The tokens after a word-like token k that belong to its word; fills a
 * second word in *clitic (and returns 2) when its end is a clitic. */
static int grow_word(const struct dyad__work *w, uint32_t end,
                     const struct dyad__lang_grammar *lg, struct dyad__gword *word,
                     struct dyad__gword *clitic)
{
	for (;;) {
		uint32_t j = word->tok_end;
		if (j + 1 >= end || !is_glued(w, j) || !is_glued(w, j + 1) || !is_wordlike(w, j + 1))
			return 1;
		if (lg->hyphen_joins && is_punct_char(w, j, '-')) {
			word->tok_end = j + 2;
			word->end = w->tokens[j + 1].end;
			continue;
		}
		if (!is_apostrophe(w, j) || !(w->tokens[j + 1].flags & DYAD_TOK_WORD))
			return 1;
		uint32_t all_end = w->tokens[j + 1].end;
		for (size_t c = 0; c < lg->n_clitics; c++) {
			size_t n = clitic_tail(w->text, word->start, all_end, lg->clitics[c],
			                       lg->clitic_len[c]);
			if (n && all_end - n > word->start) {
				*clitic = (struct dyad__gword){j, j + 2, (uint32_t)(all_end - n), all_end, 0};
				word->end = (uint32_t)(all_end - n);
				word->recut = clitic->recut = word->end != w->tokens[j - 1].end;
				return 2;
			}
		}
		word->tok_end = j + 2; /* "o'clock", "O'Brien" */
		word->end = all_end;
	}
}

size_t dyad__grammar_words(const struct dyad__work *w, uint32_t tok_start, uint32_t tok_end,
                           const struct dyad__lang_grammar *lg, struct dyad__gword *out,
                           size_t cap)
{
	size_t n = 0;
	uint32_t k = tok_start;
	while (k < tok_end && n < cap) {
		const struct dyad__token *t = &w->tokens[k];
		struct dyad__gword word = {k, k + 1, t->start, t->end, 0}, clitic;
		int got = 1;
		if (is_wordlike(w, k))
			got = grow_word(w, tok_end, lg, &word, &clitic);
		else
			word.tok_end = punct_run(w, k, tok_end);
		if (word.tok_end > k + 1 && !word.recut)
			word.end = w->tokens[word.tok_end - 1].end;
		out[n++] = word;
		k = word.tok_end;
		if (got == 2 && n < cap) {
			out[n++] = clitic;
			k = clitic.tok_end;
		}
	}
	return n;
}
