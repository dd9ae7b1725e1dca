/*
 * names.c - which name-shaped mentions are people: a title next to them
 * (titles.c), a verb of saying, the shape of a surname or a person of the
 * knowledge base with that surname; and how a name is keyed (its surname's
 * spelling skeleton) and written (Cyrillic names transliterated).
 */
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "entities/entities.h"
#include "kb/engine.h"
#include "kb/gazetteer.h"
#include "text/words.h"

/* dyad__person_by_surname on every name key of the word, the longest first
 * ("Абдоллахианом" is Abdollahian in the instrumental). */
const struct dyad__person *dyad__person_of_word(const struct dyad__work *w,
                                                   const struct dyad__token *t)
{
	const struct dyad__gazetteer *gaz = w->engine->gaz;
	const struct dyad__person *p = NULL;
	size_t lens[DYAD_MAX_NAME_KEYS];
	const char *lower = dyad__tok_lower(w, t);
	size_t n = dyad__name_key_lens(w->engine, (t->flags & DYAD_TOK_CYRILLIC) != 0, lower,
	                               t->lower_len, lens);
	for (size_t i = 0; i < n && !p; i++)
		p = dyad__person_by_surname(gaz, lower, lens[i], &w->published);
	return p;
}

static int next_to_cue(struct dyad__work *w, const struct dyad__mention *m,
                       size_t s_start, size_t s_end)
{
	if (m->tok_end < s_end && dyad__is_cue(w, m->tok_end))
		return 1;
	if (m->tok_start > s_start && dyad__is_cue(w, m->tok_start - 1))
		return 1;
	return 0;
}

/* The surname word of a person mention: its last word token. */
size_t dyad__surname_token(const struct dyad__work *w, const struct dyad__mention *m)
{
	size_t k = m->tok_end;
	while (k > m->tok_start) {
		k--;
		if (w->tokens[k].flags & DYAD_TOK_WORD)
			return k;
	}
	return m->tok_start;
}

size_t dyad__token_skeleton(const struct dyad__work *w, size_t k, char *out, size_t cap)
{
	const struct dyad__token *t = &w->tokens[k];
	return dyad__name_skeleton(w->text + t->start, t->end - t->start, out, cap);
}

void dyad__confirm_names(struct dyad__work *w, size_t s)
{
	const struct dyad__gazetteer *gaz = w->engine->gaz;
	const struct dyad__sentence *sent = &w->sentences[s];
	for (size_t i = 0; i < w->n_mentions; i++) {
		struct dyad__mention *m = &w->mentions[i];
		if (m->sentence != (int32_t)s)
			continue;
		if (m->kind != DYAD_MENTION_NAME && m->kind != DYAD_MENTION_PERSON)
			continue;
		/* a lone capitalised word takes no title: "Group, State Duma deputy" */
		if (m->kind == DYAD_MENTION_PERSON || m->n_words > 1) {
			dyad__title_before(w, m, sent->tok_start, sent->tok_end);
			if (m->kind == DYAD_MENTION_NAME || !m->role || !m->country)
				dyad__title_after(w, m, sent->tok_end);
		}
		if (m->kind != DYAD_MENTION_NAME)
			continue;
		/* no title: a person when a verb of saying or the name's shape says so */
		size_t sk = dyad__surname_token(w, m);
		const struct dyad__token *st = &w->tokens[sk];
		const struct dyad__person *kb = dyad__person_of_word(w, st);
		int shaped = m->n_words >= 2 &&
		             dyad__gaz_surname_shape(gaz, dyad__tok_lower(w, st), st->lower_len);
		if (kb && (m->n_words == 1 || shaped || next_to_cue(w, m, sent->tok_start, sent->tok_end))) {
			m->kind = DYAD_MENTION_PERSON;
			m->person = kb;
			m->country = kb->iso3;
			m->role = kb->role;
			const struct dyad__role *r = dyad__role_find(gaz, kb->role);
			m->agent = r ? r->agent : "GOV";
			m->country_from_kb_only = 1;
		} else if (shaped || next_to_cue(w, m, sent->tok_start, sent->tok_end)) {
			m->kind = DYAD_MENTION_PERSON;
		}
	}
}

/* Latin transliteration of a Cyrillic name for display ("Галузин" ->
 * "Galuzin"); other letters are kept. */
static char *latin_name(struct dyad__work *w, uint32_t start, uint32_t end)
{
	size_t n = end - start, i = 0, o = 0;
	/* two bytes of Cyrillic become at most four Latin letters ("щ") */
	char *out = dyad_arena_alloc(w->arena, n * 2 + 1);
	if (!out)
		return NULL;
	while (i < n) {
		size_t at = i;
		uint32_t cp = dyad_utf8_next(w->text + start, n, &i);
		int upper = dyad_cp_is_upper(cp);
		uint32_t lower = cp >= 0x0410 && cp <= 0x042F ? cp + 0x20 : cp == 0x0401 ? 0x0451 : cp;
		const char *l = dyad__cyrillic_latin(lower);
		if (l) {
			for (size_t k = 0; l[k]; k++)
				out[o++] = (char)(k == 0 && upper ? l[k] - ('a' - 'A') : l[k]);
		} else {
			memcpy(out + o, w->text + start + at, i - at);
			o += i - at;
		}
	}
	out[o] = '\0';
	return out;
}

/* Skeleton of the first word of a name (the given name), in the arena. */
const char *dyad__given_skeleton(struct dyad__work *w, const char *name, size_t len)
{
	size_t n = 0;
	while (n < len && name[n] != ' ')
		n++;
	if (n == len)
		return NULL; /* one word: no given name */
	char skel[DYAD_MAX_WORD_BYTES];
	size_t k = dyad__name_skeleton(name, n, skel, sizeof skel);
	return k ? dyad_arena_strndup(w->arena, skel, k) : NULL;
}

char *dyad__mention_name(struct dyad__work *w, const struct dyad__mention *m)
{
	return (w->tokens[m->tok_start].flags & DYAD_TOK_CYRILLIC)
	           ? latin_name(w, m->start, m->end)
	           : dyad_arena_strndup(w->arena, w->text + m->start, m->end - m->start);
}
