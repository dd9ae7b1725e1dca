/*
 * names.c - which name-shaped mentions are people: a title next to them
 * (titles.c), a verb of saying, the shape of a surname or a person of the
 * knowledge base with that surname; and how a name is keyed (its surname's
 * spelling skeleton) and written (in the Latin letters of its language).
 */
#include <string.h>

#include "core/utf8.h"
#include "entities/entities.h"
#include "kb/engine.h"
#include "kb/forms.h"
#include "kb/gazetteer.h"
#include "kb/lang.h"
#include "kb/morph.h"
#include "kb/stem.h"
#include "kb/ud.h"
#include "text/words.h"

/* The person of the knowledge base whose surname is the word's lemma as a
 * surname in the language's dictionary ("Мирзиёеву" -> Мирзиёев), through
 * the same name keys as the knowledge base's surnames; NULL when none. */
static const struct dyad__person *person_of_lemma(const struct dyad__work *w,
                                                  const struct dyad__token *t)
{
	const struct dyad__lang *lang = dyad__tok_lang(w, (size_t)(t - w->tokens));
	const struct dyad__morph *morph = dyad__lang_dictionary(lang);
	if (!morph || !(t->flags & DYAD_TOK_CAP))
		return NULL;
	struct dyad__morph_analysis an[8];
	char lemmas[512];
	size_t n = dyad__morph_analyse(morph, w->text + t->start, t->end - t->start, an, 8,
	                               lemmas, sizeof lemmas);
	for (size_t i = 0; i < n; i++) {
		unsigned type = dyad_ud_feat_get(an[i].feats, DYAD_FEAT_NameType);
		if (an[i].upos != DYAD_UPOS_PROPN || !type ||
		    strcmp(dyad_ud_feat_value_name(DYAD_FEAT_NameType, type), "Sur") != 0)
			continue;
		char lower[DYAD_MAX_WORD_BYTES];
		size_t len = dyad_utf8_lower(lemmas + an[i].lemma_start, an[i].lemma_len, lower,
		                             sizeof lower);
		size_t keys[DYAD_MAX_NAME_KEYS];
		size_t k = dyad__name_key_lens(lang, lower, len, keys);
		for (size_t j = 0; j < k; j++) {
			const struct dyad__person *p =
				dyad__person_by_surname(w->engine->gaz, lower, keys[j], &w->published);
			if (p)
				return p;
		}
	}
	return NULL;
}

/* dyad__person_by_surname on every name key of the word, the longest first
 * ("Абдоллахианом" is Abdollahian in the instrumental); the word's form
 * knows which keys are anyone's surname at all. */
const struct dyad__person *dyad__person_of_word(const struct dyad__work *w,
                                                   const struct dyad__token *t)
{
	const struct dyad__gazetteer *gaz = w->engine->gaz;
	const struct dyad__form *f = dyad__tok_form(w, t);
	const struct dyad__person *p = NULL;
	for (size_t i = 0; i < f->n_name_keys && !p; i++)
		if (f->surnames & (1u << i))
			p = dyad__person_by_surname(gaz, f->lower, f->name_key_len[i], &w->published);
	return p ? p : person_of_lemma(w, t);
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

size_t dyad__token_skeleton(struct dyad__work *w, size_t k, char *out, size_t cap)
{
	size_t n;
	const char *skel = dyad__form_skeleton(w->engine, dyad__tok_form(w, &w->tokens[k]), &n,
	                                       w->arena);
	if (!skel || cap != DYAD_MAX_WORD_BYTES) /* made here: out of memory, or another cap */
		return dyad__name_skeleton(w->engine, w->text + w->tokens[k].start,
		                           w->tokens[k].end - w->tokens[k].start, out, cap);
	memcpy(out, skel, n + 1);
	return n;
}

void dyad__confirm_names(struct dyad__work *w, size_t s, size_t first)
{
	const struct dyad__gazetteer *gaz = w->engine->gaz;
	const struct dyad__sentence *sent = &w->sentences[s];
	for (size_t i = first; i < w->n_mentions; i++) {
		struct dyad__mention *m = &w->mentions[i];
		if (m->sentence != (int32_t)s)
			continue;
		if (m->kind != DYAD_MENTION_NAME && m->kind != DYAD_MENTION_PERSON)
			continue;
		/* a lone capitalised word takes no title: "Group, State Duma deputy";
		 * a hyphenated one may ("Vice Foreign Minister Chang Ho-jin") */
		if (m->kind == DYAD_MENTION_PERSON || m->n_words > 1 ||
		    m->tok_end - m->tok_start >= 3) {
			dyad__title_before(w, m, sent->tok_start, sent->tok_end);
			if (m->kind == DYAD_MENTION_NAME || !m->role || !m->country)
				dyad__title_after(w, m, sent->tok_end);
		}
		if (m->n_words > 1 && !m->country)
			dyad__origin_after(w, m, sent->tok_end);
		if (m->kind != DYAD_MENTION_NAME)
			continue;
		/* no title: a person when a verb of saying or the name's shape says so */
		size_t sk = dyad__surname_token(w, m);
		const struct dyad__token *st = &w->tokens[sk];
		const struct dyad__person *kb = dyad__person_of_word(w, st);
		int shaped = m->n_words >= 2 && (dyad__tok_form(w, st)->classes & FORM_SURNAME_SHAPE);
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

/* Skeleton of the first word of a name (the given name): its form's. */
const char *dyad__given_skeleton(struct dyad__work *w, const char *name, size_t len)
{
	size_t n = 0;
	while (n < len && name[n] != ' ')
		n++;
	if (n == len)
		return NULL; /* one word: no given name */
	size_t k;
	const struct dyad__form *f = dyad__form_of(w->engine, NULL, DYAD_TOK_WORD, name, n, w->arena);
	const char *skel = f ? dyad__form_skeleton(w->engine, f, &k, w->arena) : NULL;
	return skel && k ? skel : NULL;
}

char *dyad__mention_name(struct dyad__work *w, const struct dyad__mention *m)
{
	const struct dyad__lang *lang = dyad__tok_lang(w, m->tok_start);
	const char *text = w->text + m->start;
	size_t len = m->end - m->start;
	const char *nom = m->kind == DYAD_MENTION_PERSON ? dyad__name_nominative(w, m) : NULL;
	if (nom) {
		text = nom;
		len = strlen(nom);
	}
	return lang && lang->n_latin ? dyad__translit(lang, text, len, w->arena)
	                             : dyad_arena_strndup(w->arena, text, len);
}
