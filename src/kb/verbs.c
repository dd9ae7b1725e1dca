/*
 * verbs.c - loading the predicate lexicon and the modifiers (see verbs.h).
 */
#include "kb/verbs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/utf8.h"
#include "core/vec.h"
#include "kb/engine.h"
#include "kb/tsv.h"
#include "kb/phrase.h"

#define MAX_MODIFIER_FORMS 256
#define ANCHOR_KEY_MAX (DYAD_MAX_WORD_BYTES + 3)
#define MIN_DERIVED_BASE_BYTES 8 /* four Cyrillic letters */

static const char *const modifier_names[MOD_N_KINDS] = {
	[MOD_NEGATION] = "negation",         [MOD_MODAL] = "modal",
	[MOD_PASSIVE_AUX] = "passive_aux",   [MOD_PASSIVE_BY] = "passive_by",
	[MOD_CONDITIONAL] = "conditional",   [MOD_CLAUSE_BREAK] = "clause_break",
	[MOD_FIRST_PERSON] = "first_person", [MOD_COORDINATOR] = "coordinator",
	[MOD_JOINT_SUBJECT] = "joint_subject", [MOD_RECIPROCAL] = "reciprocal",
	[MOD_BACKGROUND] = "background",     [MOD_DETERMINER] = "determiner",
	[MOD_PERFORMATIVE] = "performative", [MOD_LOCATIVE] = "locative",
	[MOD_PREPOSITION] = "preposition", [MOD_TOPIC] = "topic",
	[MOD_THIRD_PERSON] = "third_person", [MOD_POSSESSIVE] = "possessive",
	[MOD_GENITIVE] = "genitive",         [MOD_BETWEEN] = "between",
	[MOD_AGAINST] = "against",           [MOD_DESTINATION] = "destination",
	[MOD_JOINT_OWNER] = "joint_owner",
};

static size_t anchor_key(char *out, char tag, const char *word, size_t n)
{
	out[0] = tag;
	out[1] = ':';
	memcpy(out + 2, word, n);
	return n + 2;
}

static uint32_t lookup(const struct dyad__verbs *v, char tag, const char *w, size_t n)
{
	char key[ANCHOR_KEY_MAX];
	uint32_t id = 0;
	if (!v || n + 2 > sizeof key)
		return 0;
	size_t k = anchor_key(key, tag, w, n);
	return dyad_hash_get(&v->by_anchor, key, k, &id) ? id : 0;
}

uint32_t dyad__verbs_by_stem(const struct dyad__verbs *v, const char *stem, size_t n)
{
	return lookup(v, 's', stem, n);
}

uint32_t dyad__verbs_by_exact(const struct dyad__verbs *v, const char *lower, size_t n)
{
	return lookup(v, '=', lower, n);
}

int dyad__verbs_written_anchor(const struct dyad__verbs *v, const char *lower, size_t n,
                               const char *stem, size_t stem_len)
{
	for (uint32_t id = dyad__verbs_by_stem(v, stem, stem_len); id; id = v->nodes[id - 1].next) {
		const struct dyad__pattern *p = &v->patterns[v->nodes[id - 1].pattern];
		const struct dyad__elem *e = &p->elems[p->anchor];
		/* forms[0] is the stem; it is the written word only when alone */
		for (size_t f = e->n_forms == 1 ? 0 : 1; f < e->n_forms; f++)
			if (e->len[f] == n && memcmp(e->form[f], lower, n) == 0)
				return 1;
	}
	return dyad__verbs_by_exact(v, lower, n) != 0;
}

int dyad__verbs_is(const struct dyad__verbs *v, enum dyad__modifier kind,
                   const char *lower, size_t n)
{
	return v && dyad_hash_get(&v->modifiers[kind], lower, n, NULL);
}

static unsigned parse_flags(struct dyad_tsv *tsv, char *field, dyad_status *st)
{
	static const struct {
		const char *name;
		unsigned flag;
	} names[] = {{"speech", VERB_SPEECH}, {"passive", VERB_PASSIVE},
	             {"intent", VERB_INTENT}, {"noun", VERB_NOUN}, {"joint", VERB_JOINT},
	             {"target_subject", VERB_TARGET_SUBJECT}};
	unsigned flags = 0;
	*st = DYAD_OK;
	if (!field)
		return 0;
	for (char *p = field; *p;) {
		char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		size_t k;
		for (k = 0; k < sizeof names / sizeof names[0]; k++)
			if (strlen(names[k].name) == n && strncmp(p, names[k].name, n) == 0)
				break;
		if (k == sizeof names / sizeof names[0]) {
			*st = dyad_tsv_error(tsv, "unknown flag \"%.*s\"", (int)n, p);
			return 0;
		}
		flags |= names[k].flag;
		p += n + (comma ? 1 : 0);
	}
	return flags;
}

static dyad_status add_form(dyad_engine *engine, struct dyad__elem *e,
                            const char *form, size_t n)
{
	for (size_t i = 0; i < e->n_forms; i++)
		if (e->len[i] == n && memcmp(e->form[i], form, n) == 0)
			return DYAD_OK;
	if (e->n_forms == DYAD_ELEM_FORMS || n > UINT16_MAX)
		return DYAD_OK;
	char *copy = dyad_arena_strndup(&engine->arena, form, n);
	if (!copy)
		return DYAD_ENOMEM;
	e->form[e->n_forms] = copy;
	e->len[e->n_forms] = (uint16_t)n;
	e->n_forms++;
	return DYAD_OK;
}

/* The forms besides the stem (see DYAD_ELEM_FORMS in verbs.h). */
static dyad_status add_written_forms(dyad_engine *engine, struct dyad__elem *e,
                                     const char *word)
{
	static const char *const verb_suffixes[] = {"овать", "евать", "оваться", "еваться"};
	char lower[DYAD_MAX_WORD_BYTES];
	size_t n = dyad_utf8_lower(word, strlen(word), lower, sizeof lower);
	dyad_status st = add_form(engine, e, lower, n);
	for (size_t i = 0; st == DYAD_OK && i < sizeof verb_suffixes / sizeof verb_suffixes[0]; i++) {
		size_t k = strlen(verb_suffixes[i]);
		/* a short base ("во" of воевать) would match prepositions */
		if (n >= k + MIN_DERIVED_BASE_BYTES && memcmp(lower + n - k, verb_suffixes[i], k) == 0)
			st = add_form(engine, e, lower, n - k);
	}
	return st;
}

/* One pattern line into elements; words are stemmed like document tokens. */
static dyad_status parse_pattern(dyad_engine *engine, struct dyad_tsv *tsv,
                                 char *text, struct dyad__pattern *p)
{
	int anchor = -1;
	dyad_status st;
	p->n_elems = 0;
	for (char *word = text; word && *word;) {
		char *space = strchr(word, ' ');
		if (space)
			*space = '\0';
		if (p->n_elems == DYAD_MAX_PATTERN_ELEMS)
			return dyad_tsv_error(tsv, "more than %d elements", DYAD_MAX_PATTERN_ELEMS);
		struct dyad__elem *e = &p->elems[p->n_elems];
		if (strcmp(word, "*") == 0) {
			e->kind = ELEM_SKIP;
		} else if (strcmp(word, "+") == 0) {
			e->kind = ELEM_TARGET;
		} else if (strcmp(word, "$") == 0) {
			e->kind = ELEM_SOURCE;
		} else if (word[0] == '=') {
			char lower[DYAD_MAX_WORD_BYTES];
			size_t n = dyad_utf8_lower(word + 1, strlen(word + 1), lower, sizeof lower);
			if (!n)
				return dyad_tsv_error(tsv, "\"%s\": an exact word is not empty", word);
			e->kind = ELEM_EXACT;
			if ((st = add_form(engine, e, lower, n)) != DYAD_OK)
				return st;
			if (anchor < 0)
				anchor = p->n_elems;
		} else {
			/* one written word may be several tokens: "cease-fire" */
			struct dyad_phrase ph;
			if (dyad_phrase_make(engine, word, strlen(word), &ph) != DYAD_OK)
				return dyad_tsv_error(tsv, "\"%s\": not a usable word", word);
			if (p->n_elems + ph.n_tokens > DYAD_MAX_PATTERN_ELEMS)
				return dyad_tsv_error(tsv, "more than %d elements", DYAD_MAX_PATTERN_ELEMS);
			size_t from = 0;
			for (size_t t = 0; t < ph.n_tokens; t++) {
				e = &p->elems[p->n_elems];
				size_t to = ph.prefix_len[t];
				e->kind = ELEM_STEM;
				if ((st = add_form(engine, e, ph.key + from, to - from)) != DYAD_OK)
					return st;
				if (ph.n_tokens == 1 && (st = add_written_forms(engine, e, word)) != DYAD_OK)
					return st;
				from = to + 1;
				if (anchor < 0)
					anchor = p->n_elems;
				if (t + 1 < ph.n_tokens)
					p->n_elems++;
			}
		}
		p->n_elems++;
		word = space ? space + 1 : NULL;
		while (word && *word == ' ')
			word++;
	}
	if (anchor < 0)
		return dyad_tsv_error(tsv, "a pattern needs at least one word");
	p->anchor = (uint8_t)anchor;
	return DYAD_OK;
}

static dyad_status load_patterns(dyad_engine *engine, struct dyad__verbs *v,
                                 const char *rel, char *errmsg)
{
	static const char *const cols[] = {"code", "pattern", "flags"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, &engine->arena, engine->data_dir, rel, cols, 3,
	                                  errmsg);
	if (st != DYAD_OK)
		return st;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		char **f = tsv.fields;
		if (!f[0] || !dyad__cameo_find(engine, f[0]))
			return dyad_tsv_error(&tsv, "\"%s\": not a code of cameo/events.tsv",
			                      f[0] ? f[0] : "-");
		if (!f[1])
			return dyad_tsv_error(&tsv, "empty pattern");
		struct dyad__pattern *p = DYAD_VEC_PUSH(&v->patterns, &v->n_patterns,
		                                        &v->patterns_alloc);
		if (!p)
			return DYAD_ENOMEM;
		p->code = f[0];
		p->flags = parse_flags(&tsv, f[2], &st);
		if (st != DYAD_OK || (st = parse_pattern(engine, &tsv, f[1], p)) != DYAD_OK)
			return st;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

static dyad_status index_form(dyad_engine *engine, struct dyad__verbs *v,
                              char tag, const char *form, size_t len, size_t pattern)
{
	char key[ANCHOR_KEY_MAX];
	if (len + 2 > sizeof key)
		return DYAD_OK;
	size_t k = anchor_key(key, tag, form, len);
	uint32_t first = 0;
	int existed = dyad_hash_get(&v->by_anchor, key, k, &first);
	struct dyad__anchor_node *node = DYAD_VEC_PUSH(&v->nodes, &v->n_nodes, &v->nodes_alloc);
	if (!node)
		return DYAD_ENOMEM;
	node->pattern = (uint32_t)pattern;
	node->next = existed ? first : 0;
	const char *stored = key;
	if (!existed) {
		stored = dyad_arena_strndup(&engine->arena, key, k);
		if (!stored)
			return DYAD_ENOMEM;
	}
	return dyad_hash_put(&v->by_anchor, stored, k, (uint32_t)v->n_nodes, NULL, NULL);
}

static dyad_status index_patterns(dyad_engine *engine, struct dyad__verbs *v)
{
	/* chains are built head-first: insert backwards to try the file's order */
	for (size_t i = v->n_patterns; i-- > 0;) {
		struct dyad__pattern *p = &v->patterns[i];
		const struct dyad__elem *a = &p->elems[p->anchor];
		char tag = a->kind == ELEM_EXACT ? '=' : 's';
		for (size_t f = 0; f < a->n_forms; f++) {
			dyad_status st = index_form(engine, v, tag, a->form[f], a->len[f], i);
			if (st != DYAD_OK)
				return st;
		}
	}
	return DYAD_OK;
}

static dyad_status load_modifiers(dyad_engine *engine, struct dyad__verbs *v,
                                  char *errmsg)
{
	static const char *const cols[] = {"lang", "kind", "phrases"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, &engine->arena, engine->data_dir, "verbs/modifiers.tsv", cols, 3,
	                                  errmsg);
	if (st != DYAD_OK)
		return st;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		char **f = tsv.fields;
		int kind = -1;
		for (int k = 0; k < MOD_N_KINDS; k++)
			if (f[1] && strcmp(f[1], modifier_names[k]) == 0)
				kind = k;
		if (kind < 0)
			return dyad_tsv_error(&tsv, "unknown modifier kind \"%s\"", f[1] ? f[1] : "-");
		char *parts[MAX_MODIFIER_FORMS];
		size_t n = dyad_tsv_split(f[2], parts, MAX_MODIFIER_FORMS);
		if (n > MAX_MODIFIER_FORMS)
			return dyad_tsv_error(&tsv, "more than %d forms", MAX_MODIFIER_FORMS);
		for (size_t i = 0; i < n; i++) {
			/* phrases of several words are looked up by their first word */
			char *sp = strchr(parts[i], ' ');
			size_t len = sp ? (size_t)(sp - parts[i]) : strlen(parts[i]);
			char lower[DYAD_MAX_WORD_BYTES];
			size_t ln = dyad_utf8_lower(parts[i], len, lower, sizeof lower);
			char *key = dyad_arena_strndup(&engine->arena, lower, ln);
			if (!key)
				return DYAD_ENOMEM;
			if ((st = dyad_hash_put(&v->modifiers[kind], key, ln, 1, NULL, NULL)) != DYAD_OK)
				return st;
		}
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

/* data/cameo/intent.tsv: what "plans to visit", "may sign" are coded as. */
static dyad_status load_intent(dyad_engine *engine, struct dyad__verbs *v,
                               char *errmsg)
{
	static const char *const cols[] = {"root", "intent"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, &engine->arena, engine->data_dir, "cameo/intent.tsv", cols, 2,
	                                  errmsg);
	if (st != DYAD_OK)
		return st;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		char **f = tsv.fields;
		int root = f[0] && strlen(f[0]) == 2 ? (f[0][0] - '0') * 10 + (f[0][1] - '0') : 0;
		if (root < 1 || root > 20)
			return dyad_tsv_error(&tsv, "\"%s\": not a CAMEO root", f[0] ? f[0] : "-");
		const char *code = f[1] ? f[1] : "-";
		if (strcmp(code, "keep") != 0 && strcmp(code, "drop") != 0 &&
		    !dyad__cameo_find(engine, code))
			return dyad_tsv_error(&tsv, "\"%s\": not a code of cameo/events.tsv, keep or drop",
			                      code);
		v->intent_code[root] = code;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

static dyad_status load_endings(dyad_engine *engine, struct dyad__verbs *v, char *errmsg)
{
	static const char *const cols[] = {"lang", "kind", "min_bytes", "endings"};
	static const char *const kinds[END_N_KINDS] = {
		[END_GERUND_PLURAL] = "gerund_plural", [END_GERUND] = "gerund",
		[END_MODIFIER_FORM] = "modifier_form", [END_PARTICIPLE] = "participle",
		[END_SHORT_PARTICIPLE] = "short_participle", [END_DATIVE] = "dative",
	};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, &engine->arena, engine->data_dir,
	                                  "verbs/endings.tsv", cols, 4, errmsg);
	if (st != DYAD_OK)
		return st;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		char **f = tsv.fields;
		int kind = -1;
		for (int k = 0; k < END_N_KINDS; k++)
			if (f[1] && strcmp(f[1], kinds[k]) == 0)
				kind = k;
		if (kind < 0)
			return dyad_tsv_error(&tsv, "unknown ending kind \"%s\"", f[1] ? f[1] : "-");
		char *end;
		long min = f[2] ? strtol(f[2], &end, 10) : -1;
		if (!f[2] || *end || min < 0 || min > UINT16_MAX)
			return dyad_tsv_error(&tsv, "min_bytes is a byte count");
		struct dyad__endings *e = &v->endings[kind];
		size_t room = DYAD_MAX_ENDINGS - e->n;
		char *parts[DYAD_MAX_ENDINGS];
		size_t n = dyad_tsv_split(f[3], parts, room);
		if (n > room)
			return dyad_tsv_error(&tsv, "more than %d endings of one kind", DYAD_MAX_ENDINGS);
		for (size_t i = 0; i < n; i++) {
			e->ending[e->n] = parts[i];
			e->min_bytes[e->n] = (uint16_t)min;
			e->n++;
		}
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

void dyad__verbs_free(struct dyad__verbs *v)
{
	if (!v)
		return;
	dyad_hash_release(&v->by_anchor);
	for (int k = 0; k < MOD_N_KINDS; k++)
		dyad_hash_release(&v->modifiers[k]);
	dyad__free(v->patterns);
	dyad__free(v->nodes);
	dyad__free(v);
}

dyad_status dyad__verbs_load(dyad_engine *engine, char *errmsg)
{
	struct dyad__verbs *v = dyad__calloc(1, sizeof *v);
	if (!v)
		return DYAD_ENOMEM;
	engine->verbs = v;
	dyad_status st;
	if ((st = load_patterns(engine, v, "verbs/en.tsv", errmsg)) != DYAD_OK ||
	    (st = load_patterns(engine, v, "verbs/ru.tsv", errmsg)) != DYAD_OK ||
	    (st = index_patterns(engine, v)) != DYAD_OK ||
	    (st = load_modifiers(engine, v, errmsg)) != DYAD_OK ||
	    (st = load_intent(engine, v, errmsg)) != DYAD_OK ||
	    (st = load_endings(engine, v, errmsg)) != DYAD_OK)
		return st;
	return DYAD_OK;
}
