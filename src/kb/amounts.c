/*
 * amounts.c - the reader of data/amounts/: units, number words and the
 * adjective endings of counted nouns (see amounts.h).
 */
#include "kb/amounts.h"

#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/utf8.h"
#include "kb/engine.h"
#include "kb/phrase.h"
#include "kb/tsv.h"

#define MAX_FORMS 64 /* variants on one line */

static dyad_status load_units(dyad_engine *engine, struct dyad__amount_lexicon *lex,
                              char *errmsg)
{
	static const char *const cols[] = {"unit", "kind", "phrases"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, &engine->arena, engine->data_dir, "amounts/units.tsv", cols, 3,
	                                  errmsg);
	if (st != DYAD_OK)
		return st;
	size_t cap = 64;
	lex->list = dyad_arena_calloc(&engine->arena, cap, sizeof *lex->list);
	if (!lex->list)
		return DYAD_ENOMEM;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		char **f = tsv.fields;
		if (!f[0] || !f[1])
			return dyad_tsv_error(&tsv, "a unit needs a code and a kind");
		if (lex->n_units == cap) {
			lex->list = dyad_arena_grow(&engine->arena, lex->list, cap, cap * 2,
			                            sizeof *lex->list);
			if (!lex->list)
				return DYAD_ENOMEM;
			cap *= 2;
		}
		lex->list[lex->n_units].unit = f[0];
		lex->list[lex->n_units].kind = f[1];
		lex->n_units++;
		char *forms[MAX_FORMS];
		size_t n = dyad_tsv_split(f[2], forms, MAX_FORMS);
		if (n > MAX_FORMS)
			return dyad_tsv_error(&tsv, "more than %d forms", MAX_FORMS);
		for (size_t i = 0; i < n; i++) {
			struct dyad_phrase p;
			if (dyad_phrase_make(engine, forms[i], strlen(forms[i]), &p) != DYAD_OK)
				return dyad_tsv_error(&tsv, "\"%s\": not a usable form", forms[i]);
			/* units of several words are found by their first word */
			char *key = dyad_arena_strndup(&engine->arena, p.key, p.prefix_len[0]);
			if (!key)
				return DYAD_ENOMEM;
			if ((st = dyad_hash_put(&lex->units, key, p.prefix_len[0],
			                        (uint32_t)lex->n_units, NULL, NULL)) != DYAD_OK)
				return st;
		}
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

static dyad_status load_numbers(dyad_engine *engine, struct dyad__amount_lexicon *lex,
                                char *errmsg)
{
	static const char *const cols[] = {"value", "kind", "words"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, &engine->arena, engine->data_dir, "amounts/numbers.tsv", cols, 3,
	                                  errmsg);
	if (st != DYAD_OK)
		return st;
	size_t cap = 256;
	lex->values = dyad_arena_calloc(&engine->arena, cap, sizeof *lex->values);
	lex->is_multiplier = dyad_arena_calloc(&engine->arena, cap, 1);
	if (!lex->values || !lex->is_multiplier)
		return DYAD_ENOMEM;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		char **f = tsv.fields;
		char *end;
		double value = f[0] ? strtod(f[0], &end) : 0;
		if (!f[0] || *end || value <= 0)
			return dyad_tsv_error(&tsv, "value must be a positive number");
		int multiplier = f[1] && strcmp(f[1], "multiplier") == 0;
		if (!f[1] || (!multiplier && strcmp(f[1], "value") != 0))
			return dyad_tsv_error(&tsv, "kind is value or multiplier");
		char *words[MAX_FORMS];
		size_t n = dyad_tsv_split(f[2], words, MAX_FORMS);
		if (n > MAX_FORMS)
			return dyad_tsv_error(&tsv, "more than %d words", MAX_FORMS);
		for (size_t i = 0; i < n; i++) {
			if (lex->n_numbers == cap)
				return dyad_tsv_error(&tsv, "more than %zu number words", cap);
			char lower[DYAD_MAX_WORD_BYTES];
			size_t len = dyad_utf8_lower(words[i], strlen(words[i]), lower, sizeof lower);
			if (len && lower[len - 1] == '.')
				len--; /* "млрд." is the token "млрд" and a full stop */
			char *key = dyad_arena_strndup(&engine->arena, lower, len);
			if (!key)
				return DYAD_ENOMEM;
			int existed;
			if ((st = dyad_hash_put(&lex->numbers, key, len, (uint32_t)lex->n_numbers,
			                        &existed, NULL)) != DYAD_OK)
				return st;
			if (existed)
				return dyad_tsv_error(&tsv, "\"%s\" is listed twice", words[i]);
			lex->values[lex->n_numbers] = value;
			lex->is_multiplier[lex->n_numbers] = (unsigned char)multiplier;
			lex->n_numbers++;
		}
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

static dyad_status load_adjective_endings(dyad_engine *engine,
                                          struct dyad__amount_lexicon *lex, char *errmsg)
{
	static const char *const cols[] = {"lang", "endings"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, &engine->arena, engine->data_dir,
	                                  "amounts/adjective_endings.tsv", cols, 2, errmsg);
	if (st != DYAD_OK)
		return st;
	const size_t cap = sizeof lex->adj_endings / sizeof lex->adj_endings[0];
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		size_t room = cap - lex->n_adj_endings;
		size_t n = dyad_tsv_split(tsv.fields[1], lex->adj_endings + lex->n_adj_endings, room);
		if (n > room)
			return dyad_tsv_error(&tsv, "more than %zu endings in all", cap);
		lex->n_adj_endings += n;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

void dyad__amounts_free(struct dyad__amount_lexicon *lex)
{
	if (!lex)
		return;
	dyad_hash_release(&lex->units);
	dyad_hash_release(&lex->numbers);
	dyad__free(lex);
}

dyad_status dyad__amounts_load(dyad_engine *engine, char *errmsg)
{
	struct dyad__amount_lexicon *lex = dyad__calloc(1, sizeof *lex);
	if (!lex)
		return DYAD_ENOMEM;
	engine->amounts = lex;
	dyad_status st;
	if ((st = load_units(engine, lex, errmsg)) != DYAD_OK ||
	    (st = load_numbers(engine, lex, errmsg)) != DYAD_OK)
		return st;
	return load_adjective_endings(engine, lex, errmsg);
}
