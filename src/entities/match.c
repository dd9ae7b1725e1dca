/*
 * match.c - the longest dictionary phrase at a token: the gazetteer's stem
 * keys and name keys (kb/gazetteer.h) walked over the document's tokens, the
 * reading written most like the text chosen among those sharing a key.
 */
#include <string.h>

#include "entities/entities.h"
#include "kb/engine.h"
#include "kb/forms.h"
#include "kb/lang.h"
#include "kb/phrase.h"
#include "text/words.h"

static int case_ok(const struct dyad__gaz_entry *e, const struct dyad__token *t)
{
	if (e->need_allcaps && !(t->flags & DYAD_TOK_ALLCAPS))
		return 0;
	if (e->need_cap && !(t->flags & DYAD_TOK_CAP))
		return 0;
	return 1;
}

/* How much of the phrase as written the text spells out: the length of the
 * common prefix of the lower-cased forms, spaces ignored. */
static size_t likeness(const char *phrase, const struct dyad__work *w, size_t i,
                       size_t n_tokens)
{
	size_t score = 0;
	const char *p = phrase;
	for (size_t k = i; k < i + n_tokens; k++) {
		const struct dyad__token *t = &w->tokens[k];
		const char *form = dyad__tok_lower(w, t);
		while (*p == ' ')
			p++;
		size_t j = 0;
		while (j < t->lower_len && p[j] && p[j] == form[j])
			j++;
		score += j;
		if (j < t->lower_len)
			break;
		p += j;
	}
	return score;
}

/*
 * In a language that does not inflect names (lang.tsv: names_inflect no) a
 * capitalised phrase must be spelled out: "Turkish President" is not
 * "Turkish Presidency" though both stem to "turkish presid". A lower-case
 * phrase ("ambassador", "foreign ministry") may also stand in one of the
 * plurals of the word's language (allow_plural): "protested" is not
 * "protester" though both stem to "protest".
 */
static int spelled_out(const char *lower, const struct dyad__work *w, size_t i,
                       size_t k, int allow_plural)
{
	const char *p = lower;
	for (size_t j = i; j <= k; j++) {
		const struct dyad__token *t = &w->tokens[j];
		const char *form = dyad__tok_lower(w, t);
		size_t n = t->lower_len;
		if (j > i && !(t->flags & DYAD_TOK_GLUED)) {
			if (*p != ' ')
				return 0;
			p++;
		}
		const struct dyad__lang *lang = dyad__tok_lang(w, j);
		if (!allow_plural || !(t->flags & DYAD_TOK_WORD) || !lang || !lang->n_plurals) {
			if (strncmp(p, form, n) != 0)
				return 0;
			p += n;
			continue;
		}
		size_t word = 0; /* the dictionary word, up to a space or hyphen */
		while (p[word] && p[word] != ' ' && p[word] != '-')
			word++;
		int same = n == word && strncmp(p, form, n) == 0;
		if (!same && !dyad__lang_plural(lang, p, word, form, n))
			return 0;
		p += word;
	}
	return *p == '\0';
}

#define INFLECTION_SLACK 3 /* letters an inflected form may differ in at the end */

static size_t utf8_letters(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t j = 0; j < n; j++)
		c += ((unsigned char)s[j] & 0xC0) != 0x80;
	return c;
}

/*
 * In a language that inflects names a one-word lower-case phrase matches an
 * inflection of itself, not every word that shares its stem: the stemmer
 * cuts a participle to its root, so "протестующие" (protesters) and
 * "протеста" (of a protest), "митингующие" and "митинг" share a stem. The
 * form must spell the phrase up to its last few letters.
 */
static int inflection_of(const char *lower, const struct dyad__work *w, size_t i)
{
	const struct dyad__token *t = &w->tokens[i];
	const char *form = dyad__tok_lower(w, t);
	size_t n = strlen(lower), j = 0;
	while (j < n && j < t->lower_len && lower[j] == form[j])
		j++;
	while (j > 0 && ((unsigned char)lower[j] & 0xC0) == 0x80)
		j--; /* back to the start of a letter */
	size_t all = utf8_letters(lower, n), same = utf8_letters(lower, j);
	return same + INFLECTION_SLACK >= all;
}

/* The best reading filed under the key built so far, if any. */
static const struct dyad__gaz_entry *best_reading(const struct dyad__gazetteer *gaz,
                                                  const struct dyad__work *w,
                                                  uint32_t first, size_t i, size_t k,
                                                  size_t *score_out)
{
	const struct dyad__gaz_entry *chosen = NULL;
	size_t chosen_score = 0;
	for (uint32_t id = first; id; id = gaz->entries[id - 1].next) {
		const struct dyad__gaz_entry *e = &gaz->entries[id - 1];
		if (!case_ok(e, &w->tokens[i]) || e->n_tokens != k - i + 1)
			continue;
		const struct dyad__lang *lang = dyad__tok_lang(w, i);
		if (lang && !lang->names_inflect && !spelled_out(e->lower, w, i, k, !e->need_cap))
			continue;
		if (lang && lang->names_inflect && !e->need_cap && k == i &&
		    !inflection_of(e->lower, w, i))
			continue;
		/* the longest common spelling, then the closest length; a place
		 * that is also a capital is read as the capital: the event coder
		 * decides when it is only a location */
		size_t like = likeness(e->lower, w, i, k - i + 1);
		size_t text_len = w->tokens[k].end - w->tokens[i].start;
		size_t plen = strlen(e->lower);
		size_t diff = plen > text_len ? plen - text_len : text_len - plen;
		size_t score = (like * 64 + (diff < 63 ? 63 - diff : 0)) * 2 +
		               (e->kind != GAZ_PLACE);
		if (!chosen || score > chosen_score) {
			chosen = e;
			chosen_score = score;
		}
	}
	*score_out = chosen_score;
	return chosen;
}

struct walk_state {
	const struct dyad__gazetteer *gaz;
	const struct dyad__work *w;
	size_t i, end;
	char key[DYAD_MAX_KEY_BYTES];
	const struct dyad__gaz_entry *best;
	size_t best_len, best_score;
};

static void keep_if_better(struct walk_state *ws, const struct dyad__gaz_entry *e,
                           size_t len, size_t score)
{
	if (e && (len > ws->best_len || (len == ws->best_len && score > ws->best_score))) {
		ws->best = e;
		ws->best_len = len;
		ws->best_score = score;
	}
}

/* Stem keys: one key per token, extended while a longer phrase continues;
 * the first token's answer is its form's. */
static void walk_stems(struct walk_state *ws)
{
	size_t key_len = 0;
	for (size_t k = ws->i; k < ws->end && k - ws->i < DYAD_MAX_PHRASE_TOKENS; k++) {
		const struct dyad__token *t = &ws->w->tokens[k];
		if (key_len + t->stem_len + 1 >= sizeof ws->key)
			return;
		uint32_t value;
		const struct dyad__form *f = dyad__tok_form(ws->w, t);
		if (k == ws->i && !(f->classes & FORM_GAZ_STEM))
			return;
		if (k > ws->i)
			ws->key[key_len++] = DYAD_KEY_SEP;
		memcpy(ws->key + key_len, dyad__tok_stem(ws->w, t), t->stem_len);
		key_len += t->stem_len;
		if (k == ws->i)
			value = f->gaz_stem;
		else if (!dyad_hash_get(&ws->gaz->keys, ws->key, key_len, &value))
			return;
		size_t score;
		const struct dyad__gaz_entry *e =
			best_reading(ws->gaz, ws->w, value & ~DYAD_GAZ_PREFIX, ws->i, k, &score);
		keep_if_better(ws, e, k - ws->i + 1, score);
		if (!(value & DYAD_GAZ_PREFIX))
			return;
	}
}

/* Lemma keys: as the stem keys, each word by the stem of its dictionary
 * lemma where it has one ("посла Узбекистана" as "посол узбекистан"); only
 * when some word has one, else it is the stem walk again. Tried when the
 * stems and name keys find nothing: a lemma is a guess among readings
 * ("Алиевым" is Aliyev by its name key whatever the lemma). */
static void walk_lemmas(struct walk_state *ws)
{
	size_t key_len = 0;
	int lemma_used = 0;
	for (size_t k = ws->i; k < ws->end && k - ws->i < DYAD_MAX_PHRASE_TOKENS; k++) {
		const struct dyad__token *t = &ws->w->tokens[k];
		const struct dyad__form *f = dyad__tok_form(ws->w, t);
		const char *stem = f->lemma_stem ? f->lemma_stem : dyad__tok_stem(ws->w, t);
		size_t stem_len = f->lemma_stem ? f->lemma_stem_len : t->stem_len;
		lemma_used |= f->lemma_stem != NULL;
		if (key_len + stem_len + 1 >= sizeof ws->key)
			return;
		if (k > ws->i)
			ws->key[key_len++] = DYAD_KEY_SEP;
		memcpy(ws->key + key_len, stem, stem_len);
		key_len += stem_len;
		uint32_t value;
		if (k == ws->i) {
			if (!(f->classes & (f->lemma_stem ? FORM_GAZ_LEMMA : FORM_GAZ_STEM)))
				return;
			value = f->lemma_stem ? f->gaz_lemma : f->gaz_stem;
		} else if (!dyad_hash_get(&ws->gaz->keys, ws->key, key_len, &value)) {
			return;
		}
		size_t score;
		const struct dyad__gaz_entry *e = lemma_used
			? best_reading(ws->gaz, ws->w, value & ~DYAD_GAZ_PREFIX, ws->i, k, &score)
			: NULL;
		keep_if_better(ws, e, k - ws->i + 1, e ? score : 0);
		if (!(value & DYAD_GAZ_PREFIX))
			return;
	}
}

/* Name keys: every reading of each word's ending (its form's name keys),
 * depth first; the first token's answers are its form's. */
static void walk_names(struct walk_state *ws, size_t k, size_t key_len)
{
	if (k >= ws->end || k - ws->i >= DYAD_MAX_PHRASE_TOKENS)
		return;
	const struct dyad__token *t = &ws->w->tokens[k];
	const struct dyad__form *f = dyad__tok_form(ws->w, t);
	if (k == ws->i && !f->gaz_names)
		return;
	const char *lower = dyad__tok_lower(ws->w, t);
	size_t base = key_len + (k > ws->i ? 1 : 0);
	for (size_t v = 0; v < f->n_name_keys; v++) {
		size_t len = f->name_key_len[v];
		if (base + len >= sizeof ws->key)
			continue;
		uint32_t value;
		if (k == ws->i) {
			if (!(f->gaz_names & (1u << v)))
				continue;
			value = f->gaz_name[v];
		} else {
			ws->key[key_len] = DYAD_KEY_SEP;
			memcpy(ws->key + base, lower, len);
			if (!dyad_hash_get(&ws->gaz->keys, ws->key, base + len, &value))
				continue;
		}
		if (k == ws->i)
			memcpy(ws->key, lower, len);
		size_t score;
		const struct dyad__gaz_entry *e =
			best_reading(ws->gaz, ws->w, value & ~DYAD_GAZ_PREFIX, ws->i, k, &score);
		keep_if_better(ws, e, k - ws->i + 1, score);
		if (value & DYAD_GAZ_PREFIX)
			walk_names(ws, k + 1, base + len);
	}
}

size_t dyad__gaz_match(const struct dyad__gazetteer *gaz,
                       const struct dyad__work *w, size_t i, size_t end,
                       const struct dyad__gaz_entry **entry)
{
	struct walk_state ws;
	ws.gaz = gaz;
	ws.w = w;
	ws.i = i;
	ws.end = end;
	ws.best = NULL;
	ws.best_len = ws.best_score = 0;
	walk_stems(&ws);
	walk_names(&ws, i, 0);
	if (!ws.best_len)
		walk_lemmas(&ws); /* only where the spelling finds nothing */
	*entry = ws.best;
	return ws.best_len;
}
