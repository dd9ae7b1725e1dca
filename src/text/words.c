/*
 * words.c - what the knowledge base says about one token of a document (see
 * words.h): its language, the modifier class of a function word, a
 * grammatical ending, a word that starts a predicate pattern, a verb of
 * saying. The stages ask these questions of tokens instead of reaching into
 * the lexicons; the function words, endings and verbs of saying are those
 * of the token's language.
 */
#include "text/words.h"

#include "kb/engine.h"
#include "kb/forms.h"
#include "kb/lang.h"

const struct dyad__lang *dyad__tok_lang(const struct dyad__work *w, size_t k)
{
	uint8_t lang = w->tokens[k].lang;
	return lang ? &w->engine->langs[lang - 1] : NULL;
}

int dyad__tok_ends(const struct dyad__work *w, size_t k, enum dyad__ending kind)
{
	return (dyad__tok_form(w, &w->tokens[k])->endings >> kind) & 1;
}

int dyad__tok_kind(const struct dyad__work *w, size_t k, enum dyad__modifier kind)
{
	return (dyad__tok_form(w, &w->tokens[k])->modifiers >> kind) & 1;
}

int dyad__predicate_word(const struct dyad__work *w, size_t k)
{
	const struct dyad__token *t = &w->tokens[k];
	const struct dyad__form *f = dyad__tok_form(w, t);
	if (!(t->flags & DYAD_TOK_WORD) || (t->flags & DYAD_TOK_CAP) ||
	    (f->modifiers & (1u << MOD_PREPOSITION)))
		return 0;
	return f->verbs_stem || f->verbs_exact;
}

int dyad__is_cue(const struct dyad__work *w, size_t k)
{
	return (dyad__tok_form(w, &w->tokens[k])->classes & FORM_CUE) != 0;
}
