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
#include "kb/lang.h"

const struct dyad__lang *dyad__tok_lang(const struct dyad__work *w, size_t k)
{
	uint8_t lang = w->tokens[k].lang;
	return lang ? &w->engine->langs[lang - 1] : NULL;
}

int dyad__tok_ends(const struct dyad__work *w, size_t k, enum dyad__ending kind)
{
	const struct dyad__token *t = &w->tokens[k];
	return dyad__lang_ends(dyad__tok_lang(w, k), kind, dyad__tok_lower(w, t), t->lower_len);
}

int dyad__tok_kind(const struct dyad__work *w, size_t k, enum dyad__modifier kind)
{
	const struct dyad__token *t = &w->tokens[k];
	return dyad__lang_is(dyad__tok_lang(w, k), kind, dyad__tok_lower(w, t), t->lower_len);
}

int dyad__predicate_word(const struct dyad__work *w, size_t k)
{
	const struct dyad__verbs *v = w->engine->verbs;
	const struct dyad__token *t = &w->tokens[k];
	if (!(t->flags & DYAD_TOK_WORD) || (t->flags & DYAD_TOK_CAP) ||
	    dyad__tok_kind(w, k, MOD_PREPOSITION))
		return 0;
	return dyad__verbs_by_stem(v, dyad__tok_stem(w, t), t->stem_len) ||
	       dyad__verbs_by_exact(v, dyad__tok_lower(w, t), t->lower_len);
}

int dyad__is_cue(const struct dyad__work *w, size_t k)
{
	const struct dyad__token *t = &w->tokens[k];
	return dyad__lang_cue(dyad__tok_lang(w, k), dyad__tok_lower(w, t), t->lower_len);
}
