/*
 * words.c - what the knowledge base says about one token of a document (see
 * words.h): the modifier class of a function word, a grammatical ending, a
 * word that starts a predicate pattern, a verb of saying. The stages ask
 * these questions of tokens instead of reaching into the lexicons.
 */
#include "text/words.h"

#include <string.h>

#include "kb/engine.h"
#include "kb/gazetteer.h"

int dyad__tok_ends(const struct dyad__work *w, size_t k, enum dyad__ending kind)
{
	const struct dyad__endings *e = &w->engine->verbs->endings[kind];
	const struct dyad__token *t = &w->tokens[k];
	const char *lower = dyad__tok_lower(w, t);
	size_t n = t->lower_len;
	for (size_t i = 0; i < e->n; i++) {
		size_t len = strlen(e->ending[i]);
		if (n >= e->min_bytes[i] && n > len && memcmp(lower + n - len, e->ending[i], len) == 0)
			return 1;
	}
	return 0;
}

int dyad__tok_kind(const struct dyad__work *w, size_t k, enum dyad__modifier kind)
{
	const struct dyad__token *t = &w->tokens[k];
	return dyad__verbs_is(w->engine->verbs, kind, dyad__tok_lower(w, t), t->lower_len);
}

int dyad__predicate_word(const struct dyad__work *w, size_t k)
{
	const struct dyad__verbs *v = w->engine->verbs;
	const struct dyad__token *t = &w->tokens[k];
	if (!(t->flags & DYAD_TOK_WORD) || (t->flags & DYAD_TOK_CAP) ||
	    dyad__verbs_is(v, MOD_PREPOSITION, dyad__tok_lower(w, t), t->lower_len))
		return 0;
	return dyad__verbs_by_stem(v, dyad__tok_stem(w, t), t->stem_len) ||
	       dyad__verbs_by_exact(v, dyad__tok_lower(w, t), t->lower_len);
}

int dyad__is_cue(const struct dyad__work *w, size_t k)
{
	const struct dyad__token *t = &w->tokens[k];
	return dyad_hash_get(&w->engine->gaz->cues, dyad__tok_lower(w, t), t->lower_len,
	                     NULL);
}
