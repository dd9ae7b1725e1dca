/*
 * phrase.c - dictionary phrases as stem keys (see phrase.h).
 */
#include "kb/phrase.h"

#include <string.h>

#include "core/token.h"
#include "core/utf8.h"
#include "kb/engine.h"
#include "kb/lang.h"

dyad_status dyad_phrase_make(const dyad_engine *engine, const char *s, size_t n,
                             struct dyad_phrase *phrase)
{
	size_t i = 0;
	uint32_t a, b, flags;
	phrase->key_len = 0;
	phrase->name_key_len = 0;
	phrase->n_tokens = 0;
	phrase->first_cap = 0;
	phrase->first_allcaps = 0;
	while (dyad__next_token(s, &i, n, &a, &b, &flags)) {
		if (phrase->n_tokens == DYAD_MAX_PHRASE_TOKENS)
			return DYAD_EINVAL;
		char lower[DYAD_MAX_WORD_BYTES], stem[DYAD_MAX_WORD_BYTES];
		size_t len = dyad_utf8_lower(s + a, b - a, lower, sizeof lower);
		size_t slen = len;
		const char *form = lower;
		/* a dictionary phrase has no document: a word is in the first
		 * language that claims its script */
		const struct dyad__lang *lang =
			dyad__lang_of_script(engine, dyad__script_of_token(flags), NULL);
		if ((flags & DYAD_TOK_WORD) && !(flags & DYAD_TOK_NUMBER)) {
			slen = dyad__stem(engine, lang, lower, len, stem, sizeof stem);
			form = stem;
		}
		if (phrase->n_tokens == 0) {
			phrase->first_cap = (flags & DYAD_TOK_CAP) != 0;
			phrase->first_allcaps = (flags & DYAD_TOK_ALLCAPS) != 0;
		}
		size_t need = phrase->key_len + (phrase->n_tokens ? 1 : 0) + slen;
		if (need >= DYAD_MAX_KEY_BYTES)
			return DYAD_EINVAL;
		size_t nlen = dyad__name_stem_len(lang, lower, len);
		if (phrase->name_key_len + 1 + nlen >= DYAD_MAX_KEY_BYTES)
			return DYAD_EINVAL;
		if (phrase->n_tokens) {
			phrase->key[phrase->key_len++] = DYAD_KEY_SEP;
			phrase->name_key[phrase->name_key_len++] = DYAD_KEY_SEP;
		}
		memcpy(phrase->key + phrase->key_len, form, slen);
		phrase->key_len += slen;
		memcpy(phrase->name_key + phrase->name_key_len, lower, nlen);
		phrase->name_key_len += nlen;
		phrase->name_prefix_len[phrase->n_tokens] = phrase->name_key_len;
		phrase->prefix_len[phrase->n_tokens++] = phrase->key_len;
	}
	phrase->key[phrase->key_len] = '\0';
	phrase->name_key[phrase->name_key_len] = '\0';
	return phrase->n_tokens ? DYAD_OK : DYAD_EINVAL;
}
