/*
 * tokenize.c - tokens: words, numbers and punctuation of each sentence, cut
 * by the one scanning rule (core/token.h), with byte offsets into the text,
 * case and script flags, and the lower-case form and Snowball stem of every
 * word in the document's pool.
 */
#include <string.h>

#include "core/token.h"
#include "core/utf8.h"
#include "kb/engine.h"
#include "kb/lang.h"
#include "text/text.h"

/* Store (s, n) lower-cased and stemmed in the pool. */
static void add_forms(struct dyad__work *w, struct dyad__token *t, int word)
{
	size_t n = t->end - t->start;
	size_t room = w->pool_cap - w->pool_len;
	t->lower = t->stem = (uint32_t)w->pool_len;
	t->lower_len = t->stem_len = 0;
	if (room < 2 * DYAD_MAX_WORD_BYTES + 2)
		return; /* pool full (pathological text): the token has no forms */
	char *lower = w->pool + w->pool_len;
	size_t len = dyad_utf8_lower(w->text + t->start, n, lower, DYAD_MAX_WORD_BYTES);
	t->lower_len = (uint16_t)len;
	w->pool_len += len + 1;
	if (!word || (t->flags & DYAD_TOK_NUMBER)) {
		t->stem = t->lower;
		t->stem_len = t->lower_len;
		return;
	}
	char *stem = w->pool + w->pool_len;
	const struct dyad__lang *lang = t->lang ? &w->engine->langs[t->lang - 1] : NULL;
	size_t slen = dyad__stem(w->engine, lang, lower, len, stem, DYAD_MAX_WORD_BYTES);
	if (slen == len && memcmp(stem, lower, len) == 0) {
		t->stem = t->lower; /* share: most short words do not change */
		t->stem_len = t->lower_len;
		return;
	}
	t->stem = (uint32_t)w->pool_len;
	t->stem_len = (uint16_t)slen;
	w->pool_len += slen + 1;
}

/* The language of a sentence: that of the script most of its words are
 * written in (the document's on a tie or when no language claims it). */
static const struct dyad__lang *sentence_lang(const struct dyad__work *w,
                                              const size_t by_script[DYAD_N_SCRIPTS])
{
	const struct dyad__lang *lang = w->lang;
	size_t best = 0;
	for (int s = DYAD_SCRIPT_NONE + 1; s < DYAD_N_SCRIPTS; s++) {
		const struct dyad__lang *l = dyad__lang_of_script(w->engine, (enum dyad__script)s,
		                                                  w->lang);
		if (l && by_script[s] > best) {
			best = by_script[s];
			lang = l;
		} else if (l && by_script[s] == best && best && l == w->lang) {
			lang = l;
		}
	}
	return lang;
}

static dyad_status tokenize_sentence(struct dyad__work *w, size_t s_idx)
{
	struct dyad__sentence *s = &w->sentences[s_idx];
	size_t i = s->start;
	size_t by_script[DYAD_N_SCRIPTS] = {0};
	uint32_t a, b, flags;
	s->tok_start = (uint32_t)w->n_tokens;
	while (dyad__next_token(w->text, &i, s->end, &a, &b, &flags)) {
		struct dyad__token *t = DYAD_WORK_PUSH(w, tokens);
		if (!t)
			return DYAD_ENOMEM;
		t->start = a;
		t->end = b;
		t->flags = flags;
		t->mention = -1;
		/* the language that claims its script, the document's first */
		const struct dyad__lang *lang =
			dyad__lang_of_script(w->engine, dyad__script_of_token(flags), w->lang);
		t->lang = lang ? (uint8_t)(lang->index + 1) : 0;
		if (a == s->start)
			t->flags &= ~(uint32_t)DYAD_TOK_GLUED;
		by_script[dyad__script_of_token(flags)]++;
		add_forms(w, t, (flags & DYAD_TOK_WORD) != 0);
	}
	s->tok_end = (uint32_t)w->n_tokens;
	s->lang = sentence_lang(w, by_script);
	for (size_t k = s->tok_start; k < s->tok_end; k++)
		if (w->tokens[k].flags & DYAD_TOK_WORD) {
			w->tokens[k].flags |= DYAD_TOK_SENT_START;
			break;
		}
	return DYAD_OK;
}

dyad_status dyad__tokenize(struct dyad__work *w)
{
	/* lower-case forms plus stems fit in three times the text */
	w->pool_cap = 3 * w->len + 4 * DYAD_MAX_WORD_BYTES;
	w->pool = dyad_arena_alloc(w->arena, w->pool_cap);
	if (!w->pool)
		return DYAD_ENOMEM;
	w->pool_len = 0;
	for (size_t s = 0; s < w->n_sentences; s++) {
		dyad_status st = tokenize_sentence(w, s);
		if (st != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}
