/*
 * tokenize.c - tokens: words, numbers and punctuation of each sentence, cut
 * by the one scanning rule (core/token.h), with byte offsets into the text,
 * case and script flags, and the record of its written form in the
 * engine's memo (kb/forms.h): lower-case form, Snowball stem and word classes.
 * The tokens stop where the document's working arrays reach the bound of
 * doc/work.h (DYAD_ANALYSIS_BYTES): the sentences past it have no tokens.
 */
#include <string.h>

#include "core/token.h"
#include "core/utf8.h"
#include "kb/engine.h"
#include "kb/forms.h"
#include "kb/lang.h"
#include "text/text.h"

/* The token's record in the engine's memo of forms (lower-case form, stem,
 * word classes), or one of the document's own. */
static dyad_status add_form(struct dyad__work *w, struct dyad__token *t)
{
	const struct dyad__lang *lang = t->lang ? &w->engine->langs[t->lang - 1] : NULL;
	t->form = dyad__form_id(w->engine, lang, t->flags, w->text + t->start,
	                        t->end - t->start, &w->own_forms, dyad__work_scratch(w));
	if (t->form == DYAD_FORM_NONE)
		return DYAD_ENOMEM;
	const struct dyad__form *f = dyad__tok_form(w, t);
	t->lower_len = (uint8_t)f->lower_len;
	t->stem_len = (uint8_t)f->stem_len;
	return DYAD_OK;
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
	size_t used = dyad__work_bytes(w), bound = DYAD_ANALYSIS_BYTES(w->len);
	size_t last = w->n_tokens + (used < bound ? (bound - used) / sizeof *w->tokens : 0);
	while (w->n_tokens < last && dyad__next_token(w->text, &i, s->end, &a, &b, &flags)) {
		/* the room is there for most tokens: no call */
		struct dyad__token *t = w->n_tokens < w->tokens_cap ? &w->tokens[w->n_tokens++]
		                                                     : DYAD_WORK_PUSH_SCRATCH(w, tokens);
		if (!t)
			return DYAD_ENOMEM;
		memset(t, 0, sizeof *t);
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
		if (add_form(w, t) != DYAD_OK)
			return DYAD_ENOMEM;
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
	w->forms = dyad__forms_records(w->engine);
	for (size_t s = 0; s < w->n_sentences; s++) {
		dyad_status st = tokenize_sentence(w, s);
		if (st != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}
