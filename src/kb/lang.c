/*
 * lang.c - the reader of data/lang/: the languages of languages.tsv, each
 * with its descriptor (lang.tsv) and the files of its folder that the code
 * asks about (see lang.h and data/lang/README.md); the patterns of its
 * verbs of saying are kept for the predicate lexicon (kb/verbs.c). A file a language does
 * not need (Latin letters of its own, case endings of names) may be absent;
 * files of other readers in the folder are not looked at.
 */
#include "kb/lang.h"

#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/alloc.h"
#include "core/token.h"
#include "core/utf8.h"
#include "kb/engine.h"
#include "kb/morph.h"
#include "kb/tsv.h"

#define LANGUAGES_FILE "lang/languages.tsv"
#define LANG_PATH_MAX 64          /* "lang/ID/FILE" */
#define MAX_FORMS 256             /* '|' variants on one line */

struct lang_file {
	dyad_engine *engine;
	struct dyad__lang *lang;
	struct dyad_tsv tsv;
	char *errmsg;
};

/* Open data/lang/ID/NAME with these columns; *absent set (and DYAD_OK
 * returned) when the file does not exist and optional is set. */
static dyad_status open_lang_file(struct lang_file *lf, const char *name,
                                  const char *const *cols, size_t n_cols, int optional,
                                  int *absent)
{
	char rel[LANG_PATH_MAX], path[DYAD_ERRMSG_MAX];
	struct stat sb;
	snprintf(rel, sizeof rel, "lang/%s/%s", lf->lang->id, name);
	snprintf(path, sizeof path, "%s/%s", lf->engine->data_dir, rel);
	*absent = optional && stat(path, &sb) != 0;
	if (*absent)
		return DYAD_OK;
	return dyad_tsv_open_in(&lf->tsv, &lf->engine->arena, lf->engine->data_dir, rel, cols,
	                        n_cols, lf->errmsg);
}

static dyad_status parse_yes_no(struct lang_file *lf, const char *value, int *out)
{
	if (value && strcmp(value, "yes") == 0)
		*out = 1;
	else if (value && strcmp(value, "no") == 0)
		*out = 0;
	else
		return dyad_tsv_error(&lf->tsv, "\"%s\": yes or no", value ? value : "-");
	return DYAD_OK;
}

static dyad_status parse_scripts(struct lang_file *lf, char *value)
{
	char *parts[DYAD_N_SCRIPTS];
	size_t n = dyad_tsv_split(value, parts, DYAD_N_SCRIPTS);
	if (n == 0 || n >= DYAD_N_SCRIPTS)
		return dyad_tsv_error(&lf->tsv, "scripts: one or more of latin, cyrillic");
	for (size_t i = 0; i < n; i++) {
		enum dyad__script s = dyad__script_parse(parts[i]);
		if (s == DYAD_SCRIPT_NONE)
			return dyad_tsv_error(&lf->tsv, "\"%s\": not a script (latin, cyrillic)",
			                      parts[i]);
		lf->lang->scripts |= 1u << s;
	}
	return DYAD_OK;
}

/* "s|es|y>ies": the plural rules of the language. */
static dyad_status parse_plurals(struct lang_file *lf, char *value)
{
	struct dyad__lang *lang = lf->lang;
	char *parts[DYAD_MAX_PLURALS + 1];
	size_t n = dyad_tsv_split(value, parts, DYAD_MAX_PLURALS + 1);
	if (n > DYAD_MAX_PLURALS)
		return dyad_tsv_error(&lf->tsv, "more than %d plurals", DYAD_MAX_PLURALS);
	for (size_t i = 0; i < n; i++) {
		struct dyad__plural *p = &lang->plurals[lang->n_plurals++];
		char *arrow = strchr(parts[i], '>');
		p->from = arrow ? parts[i] : "";
		p->to = arrow ? arrow + 1 : parts[i];
		if (arrow)
			*arrow = '\0';
		p->from_len = strlen(p->from);
		p->to_len = strlen(p->to);
		if (!p->to_len)
			return dyad_tsv_error(&lf->tsv, "\"%s\": a plural ending is not empty",
			                      parts[i]);
	}
	return DYAD_OK;
}

static dyad_status set_stemmer(struct lang_file *lf, const char *value)
{
	if (lf->lang->stemmer)
		return dyad_tsv_error(&lf->tsv, "the stemmer is given twice");
	lf->lang->stemmer = value ? sb_stemmer_new(value, "UTF_8") : NULL;
	if (!lf->lang->stemmer)
		return dyad_tsv_error(&lf->tsv, "\"%s\": not a Snowball stemmer",
		                      value ? value : "-");
	return DYAD_OK;
}

/* A file or folder name of the language's folder, "-" for none. */
static dyad_status parse_file_name(struct lang_file *lf, const char *value, const char **out)
{
	if (!value || strcmp(value, "-") == 0) { /* the reader gives "-" as NULL */
		*out = NULL;
		return DYAD_OK;
	}
	if (strchr(value, '/') || strcmp(value, "..") == 0)
		return dyad_tsv_error(&lf->tsv, "\"%s\": a name in the language's folder, or -",
		                      value);
	*out = value;
	return DYAD_OK;
}

/* "n't|'s|'m": the clitics a word's glued end may be. */
static dyad_status parse_clitics(struct lang_file *lf, char *value)
{
	struct dyad__lang_grammar *g = &lf->lang->grammar;
	char *parts[DYAD_MAX_CLITICS + 1];
	size_t n = value && strcmp(value, "-") != 0
	               ? dyad_tsv_split(value, parts, DYAD_MAX_CLITICS + 1) : 0;
	if (n > DYAD_MAX_CLITICS)
		return dyad_tsv_error(&lf->tsv, "more than %d clitics", DYAD_MAX_CLITICS);
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(parts[i]);
		if (len < 2 || len > 16)
			return dyad_tsv_error(&lf->tsv, "\"%s\": a clitic has 2 to 16 bytes", parts[i]);
		g->clitics[i] = parts[i];
		g->clitic_len[i] = (uint8_t)len;
	}
	g->n_clitics = n;
	return DYAD_OK;
}

/* The keys of the grammar stage; 0 when key is none of them. */
static int grammar_key(struct lang_file *lf, const char *key, char *value, dyad_status *st)
{
	struct dyad__lang_grammar *g = &lf->lang->grammar;
	if (strcmp(key, "grammar") == 0)
		*st = parse_file_name(lf, value, &g->model_file);
	else if (strcmp(key, "dictionary") == 0)
		*st = parse_file_name(lf, value, &g->dictionary_dir);
	else if (strcmp(key, "hyphenated") == 0)
		*st = parse_yes_no(lf, value, &g->hyphen_joins);
	else if (strcmp(key, "clitics") == 0)
		*st = parse_clitics(lf, value);
	else
		return 0;
	return 1;
}

/* One key of lang.tsv. */
static dyad_status descriptor_key(struct lang_file *lf, const char *key, char *value)
{
	struct dyad__lang *lang = lf->lang;
	if (strcmp(key, "name") == 0 && value) {
		lang->name = value;
		return DYAD_OK;
	}
	if (strcmp(key, "stemmer") == 0)
		return set_stemmer(lf, value);
	if (strcmp(key, "scripts") == 0 && value)
		return parse_scripts(lf, value);
	if (strcmp(key, "plurals") == 0)
		return parse_plurals(lf, value);
	if (strcmp(key, "names_inflect") == 0)
		return parse_yes_no(lf, value, &lang->names_inflect);
	if (strcmp(key, "noun_after_determiner") == 0)
		return parse_yes_no(lf, value, &lang->noun_after_determiner);
	if (strcmp(key, "genitive_after_noun") == 0)
		return parse_yes_no(lf, value, &lang->genitive_after_noun);
	if (strcmp(key, "script_default") == 0)
		return parse_yes_no(lf, value, &lang->script_default);
	dyad_status st;
	if (grammar_key(lf, key, value, &st))
		return st;
	return dyad_tsv_error(&lf->tsv, "\"%s\": unknown key (see data/lang/README.md)", key);
}

static dyad_status load_descriptor(struct lang_file *lf)
{
	static const char *const cols[] = {"key", "value"};
	int absent;
	dyad_status st = open_lang_file(lf, "lang.tsv", cols, 2, 0, &absent);
	if (st != DYAD_OK)
		return st;
	while ((st = dyad_tsv_next(&lf->tsv)) == DYAD_OK) {
		if (!lf->tsv.fields[0])
			return dyad_tsv_error(&lf->tsv, "a key is missing");
		if ((st = descriptor_key(lf, lf->tsv.fields[0], lf->tsv.fields[1])) != DYAD_OK)
			return st;
	}
	if (st != DYAD_DONE)
		return st;
	if (!lf->lang->name || !lf->lang->stemmer || !lf->lang->scripts) {
		snprintf(lf->errmsg, DYAD_ERRMSG_MAX, "%s: name, stemmer and scripts are required",
		         lf->tsv.path);
		return DYAD_EDATA;
	}
	return DYAD_OK;
}

/* abbreviations.tsv: lower-case words with their final dot. */
static dyad_status load_abbrev(struct lang_file *lf)
{
	static const char *const cols[] = {"abbrev"};
	int absent;
	dyad_status st = open_lang_file(lf, "abbreviations.tsv", cols, 1, 1, &absent);
	if (st != DYAD_OK || absent)
		return st;
	while ((st = dyad_tsv_next(&lf->tsv)) == DYAD_OK) {
		const char *abbrev = lf->tsv.fields[0];
		size_t n = abbrev ? strlen(abbrev) : 0;
		if (n < 2 || abbrev[n - 1] != '.')
			return dyad_tsv_error(&lf->tsv, "\"%s\": an abbreviation ends with '.'",
			                      abbrev ? abbrev : "-");
		if ((st = dyad_hash_put(&lf->lang->abbrev, abbrev, n, 1, NULL, NULL)) != DYAD_OK)
			return st;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

static size_t n_chars(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

static int longer_first(const void *a, const void *b)
{
	size_t la = strlen(*(char *const *)a), lb = strlen(*(char *const *)b);
	return la < lb ? 1 : la > lb ? -1 : 0;
}

/* name_endings.tsv: the case endings of names, tried longest first. */
static dyad_status load_name_endings(struct lang_file *lf)
{
	static const char *const cols[] = {"endings"};
	struct dyad__name_endings *ne = &lf->lang->name_endings;
	int absent;
	dyad_status st = open_lang_file(lf, "name_endings.tsv", cols, 1, 1, &absent);
	if (st != DYAD_OK || absent)
		return st;
	while ((st = dyad_tsv_next(&lf->tsv)) == DYAD_OK) {
		char *parts[DYAD_MAX_NAME_ENDINGS + 1];
		size_t n = dyad_tsv_split(lf->tsv.fields[0], parts, DYAD_MAX_NAME_ENDINGS + 1);
		if (n > DYAD_MAX_NAME_ENDINGS)
			return dyad_tsv_error(&lf->tsv, "more than %d endings", DYAD_MAX_NAME_ENDINGS);
		qsort(parts, n, sizeof parts[0], longer_first);
		ne->n = n;
		for (size_t i = 0; i < n; i++) {
			ne->ending[i] = parts[i];
			ne->len[i] = strlen(parts[i]);
			ne->chars[i] = n_chars(parts[i], ne->len[i]);
		}
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

/* translit.tsv: the Latin letters of each letter of the language. */
static dyad_status load_translit(struct lang_file *lf)
{
	static const char *const cols[] = {"letter", "latin"};
	struct dyad__lang *lang = lf->lang;
	int absent;
	dyad_status st = open_lang_file(lf, "translit.tsv", cols, 2, 1, &absent);
	if (st != DYAD_OK || absent)
		return st;
	size_t cap = 0;
	while ((st = dyad_tsv_next(&lf->tsv)) == DYAD_OK) {
		const char *letter = lf->tsv.fields[0];
		size_t len = letter ? strlen(letter) : 0, at = 0;
		if (!len || !dyad_cp_is_letter(dyad_utf8_next(letter, len, &at)) || at != len)
			return dyad_tsv_error(&lf->tsv, "\"%s\": not one letter", letter ? letter : "-");
		if (lang->n_latin == cap) {
			size_t grow = cap ? cap * 2 : 64;
			lang->latin = dyad_arena_grow(&lf->engine->arena, lang->latin, cap, grow,
			                              sizeof *lang->latin);
			if (!lang->latin)
				return DYAD_ENOMEM;
			cap = grow;
		}
		lang->latin[lang->n_latin] = lf->tsv.fields[1] ? lf->tsv.fields[1] : "";
		if ((st = dyad_hash_put(&lang->translit, letter, len, (uint32_t)lang->n_latin++,
		                        NULL, NULL)) != DYAD_OK)
			return st;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

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
	[MOD_JOINT_OWNER] = "joint_owner",   [MOD_AGENT_NOUN] = "agent_noun",
};

/* One line of modifiers.tsv: every phrase filed under its first word. */
static dyad_status add_modifiers(struct lang_file *lf, int kind, char *phrases)
{
	char *parts[MAX_FORMS + 1];
	size_t n = dyad_tsv_split(phrases, parts, MAX_FORMS + 1);
	if (n > MAX_FORMS)
		return dyad_tsv_error(&lf->tsv, "more than %d forms", MAX_FORMS);
	for (size_t i = 0; i < n; i++) {
		char *sp = strchr(parts[i], ' ');
		size_t len = sp ? (size_t)(sp - parts[i]) : strlen(parts[i]);
		char lower[DYAD_MAX_WORD_BYTES];
		size_t ln = dyad_utf8_lower(parts[i], len, lower, sizeof lower);
		char *key = dyad_arena_strndup(&lf->engine->arena, lower, ln);
		if (!key)
			return DYAD_ENOMEM;
		dyad_status st = dyad_hash_put(&lf->lang->modifiers[kind], key, ln, 1, NULL, NULL);
		if (st != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}

static dyad_status load_modifiers(struct lang_file *lf)
{
	static const char *const cols[] = {"kind", "phrases"};
	int absent;
	dyad_status st = open_lang_file(lf, "modifiers.tsv", cols, 2, 1, &absent);
	if (st != DYAD_OK || absent)
		return st;
	while ((st = dyad_tsv_next(&lf->tsv)) == DYAD_OK) {
		char **f = lf->tsv.fields;
		int kind = -1;
		for (int k = 0; k < MOD_N_KINDS; k++)
			if (f[0] && strcmp(f[0], modifier_names[k]) == 0)
				kind = k;
		if (kind < 0)
			return dyad_tsv_error(&lf->tsv, "unknown modifier kind \"%s\"", f[0] ? f[0] : "-");
		if ((st = add_modifiers(lf, kind, f[1])) != DYAD_OK)
			return st;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

static dyad_status load_endings(struct lang_file *lf)
{
	static const char *const cols[] = {"kind", "min_bytes", "endings"};
	static const char *const kinds[END_N_KINDS] = {
		[END_GERUND_PLURAL] = "gerund_plural", [END_GERUND] = "gerund",
		[END_MODIFIER_FORM] = "modifier_form", [END_PARTICIPLE] = "participle",
		[END_SHORT_PARTICIPLE] = "short_participle", [END_DATIVE] = "dative",
		[END_VERB_BASE] = "verb_base",
	};
	int absent;
	dyad_status st = open_lang_file(lf, "endings.tsv", cols, 3, 1, &absent);
	if (st != DYAD_OK || absent)
		return st;
	while ((st = dyad_tsv_next(&lf->tsv)) == DYAD_OK) {
		char **f = lf->tsv.fields;
		int kind = -1;
		for (int k = 0; k < END_N_KINDS; k++)
			if (f[0] && strcmp(f[0], kinds[k]) == 0)
				kind = k;
		if (kind < 0)
			return dyad_tsv_error(&lf->tsv, "unknown ending kind \"%s\"", f[0] ? f[0] : "-");
		char *end;
		long min = f[1] ? strtol(f[1], &end, 10) : -1;
		if (!f[1] || *end || min < 0 || min > UINT16_MAX)
			return dyad_tsv_error(&lf->tsv, "min_bytes is a byte count");
		struct dyad__endings *e = &lf->lang->endings[kind];
		size_t room = DYAD_MAX_ENDINGS - e->n;
		char *parts[DYAD_MAX_ENDINGS + 1];
		size_t n = dyad_tsv_split(f[2], parts, room + 1);
		if (n > room)
			return dyad_tsv_error(&lf->tsv, "more than %d endings of one kind",
			                      DYAD_MAX_ENDINGS);
		for (size_t i = 0; i < n; i++, e->n++) {
			e->ending[e->n] = parts[i];
			e->len[e->n] = (uint16_t)strlen(parts[i]);
			e->min_bytes[e->n] = (uint16_t)min;
		}
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

/* The written forms of a verb of saying into the language's cues. */
static dyad_status add_cues(struct lang_file *lf, char *field)
{
	char *parts[MAX_FORMS + 1];
	size_t n = dyad_tsv_split(field, parts, MAX_FORMS + 1);
	if (n > MAX_FORMS)
		return dyad_tsv_error(&lf->tsv, "more than %d forms", MAX_FORMS);
	for (size_t i = 0; i < n; i++) {
		char lower[DYAD_MAX_WORD_BYTES];
		size_t len = dyad_utf8_lower(parts[i], strlen(parts[i]), lower, sizeof lower);
		char *key = dyad_arena_strndup(&lf->engine->arena, lower, len);
		if (!key)
			return DYAD_ENOMEM;
		dyad_status st = dyad_hash_put(&lf->lang->cues, key, len, 1, NULL, NULL);
		if (st != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}

/* speech.tsv: the verbs of saying, each a pattern (kept for kb/verbs.c)
 * and the written forms that mark a speaker. */
static dyad_status load_speech(struct lang_file *lf)
{
	static const char *const cols[] = {"pattern", "flags", "forms"};
	struct dyad__lang *lang = lf->lang;
	int absent;
	dyad_status st = open_lang_file(lf, "speech.tsv", cols, 3, 1, &absent);
	if (st != DYAD_OK || absent)
		return st;
	lang->speech_path = dyad_arena_strdup(&lf->engine->arena, lf->tsv.path);
	if (!lang->speech_path)
		return DYAD_ENOMEM;
	size_t cap = 0;
	while ((st = dyad_tsv_next(&lf->tsv)) == DYAD_OK) {
		char **f = lf->tsv.fields;
		if (f[0]) {
			if (lang->n_speech == cap) {
				size_t grow = cap ? cap * 2 : 32;
				lang->speech = dyad_arena_grow(&lf->engine->arena, lang->speech, cap,
				                               grow, sizeof *lang->speech);
				if (!lang->speech)
					return DYAD_ENOMEM;
				cap = grow;
			}
			struct dyad__speech_verb *sv = &lang->speech[lang->n_speech++];
			sv->pattern = f[0];
			sv->flags = f[1];
			sv->line = lf->tsv.line_no;
		}
		if ((st = add_cues(lf, f[2])) != DYAD_OK)
			return st;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

/* The language's morphological dictionary (lang.tsv key dictionary), shared
 * read-only by every thread; it is fetched by tools/install-deps, not
 * committed, so its absence says how to get it. */
static dyad_status load_dictionary(struct lang_file *lf)
{
	struct dyad__lang_grammar *g = &lf->lang->grammar;
	if (!g->dictionary_dir)
		return DYAD_OK;
	char dir[DYAD_ERRMSG_MAX], why[DYAD_ERRMSG_MAX] = "";
	snprintf(dir, sizeof dir, "%s/lang/%s/%s", lf->engine->data_dir, lf->lang->id,
	         g->dictionary_dir);
	dyad_status st = dyad__morph_load(dir, &g->morph, why);
	if (st != DYAD_OK)
		snprintf(lf->errmsg, DYAD_ERRMSG_MAX, "%s (the dictionary of lang/%s/lang.tsv%s)",
		         why[0] ? why : dir, lf->lang->id,
		         st == DYAD_ENOENT ? "; tools/install-deps fetches it" : "");
	return st;
}

static dyad_status load_language(dyad_engine *engine, struct dyad__lang *lang,
                                 char *errmsg)
{
	struct lang_file lf = {.engine = engine, .lang = lang, .errmsg = errmsg};
	dyad_status st;
	if ((st = load_descriptor(&lf)) != DYAD_OK || (st = load_abbrev(&lf)) != DYAD_OK ||
	    (st = load_name_endings(&lf)) != DYAD_OK || (st = load_translit(&lf)) != DYAD_OK ||
	    (st = load_modifiers(&lf)) != DYAD_OK || (st = load_endings(&lf)) != DYAD_OK ||
	    (st = load_speech(&lf)) != DYAD_OK || (st = load_dictionary(&lf)) != DYAD_OK)
		return st;
	return DYAD_OK;
}

static int valid_id(const char *id)
{
	size_t n = id ? strlen(id) : 0;
	if (n < 2 || n >= DYAD_LANG_ID_MAX)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (id[i] < 'a' || id[i] > 'z')
			return 0;
	return 1;
}

dyad_status dyad__langs_load(dyad_engine *engine, char *errmsg)
{
	static const char *const cols[] = {"id"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, &engine->arena, engine->data_dir, LANGUAGES_FILE,
	                                  cols, 1, errmsg);
	if (st != DYAD_OK)
		return st;
	engine->langs = dyad__calloc(DYAD_MAX_LANGS, sizeof *engine->langs);
	if (!engine->langs)
		return DYAD_ENOMEM;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		const char *id = tsv.fields[0];
		if (!valid_id(id))
			return dyad_tsv_error(&tsv, "\"%s\": not a language id (ISO 639-1)", id ? id : "-");
		if (dyad__lang_find(engine, id))
			return dyad_tsv_error(&tsv, "%s is listed twice", id);
		if (engine->n_langs == DYAD_MAX_LANGS)
			return dyad_tsv_error(&tsv, "more than %d languages", DYAD_MAX_LANGS);
		struct dyad__lang *lang = &engine->langs[engine->n_langs++];
		snprintf(lang->id, sizeof lang->id, "%s", id);
		lang->index = (unsigned)(engine->n_langs - 1);
		if ((st = load_language(engine, lang, errmsg)) != DYAD_OK)
			return st;
	}
	if (st != DYAD_DONE)
		return st;
	if (engine->n_langs == 0)
		return dyad_tsv_error(&tsv, "no language listed");
	for (int s = DYAD_N_SCRIPTS; s-- > DYAD_SCRIPT_NONE + 1;) /* the first claims it */
		for (size_t i = engine->n_langs; i-- > 0;)
			if (engine->langs[i].scripts & (1u << s))
				engine->lang_of_script[s] = &engine->langs[i];
	return DYAD_OK;
}

void dyad__langs_free(dyad_engine *engine)
{
	for (size_t i = 0; engine->langs && i < engine->n_langs; i++) {
		struct dyad__lang *lang = &engine->langs[i];
		if (lang->stemmer)
			sb_stemmer_delete(lang->stemmer);
		dyad__morph_free(lang->grammar.morph);
		dyad_hash_release(&lang->abbrev);
		dyad_hash_release(&lang->translit);
		dyad_hash_release(&lang->cues);
		for (int k = 0; k < MOD_N_KINDS; k++)
			dyad_hash_release(&lang->modifiers[k]);
	}
	dyad__free(engine->langs);
	engine->langs = NULL;
	engine->n_langs = 0;
}

/* ---- questions -------------------------------------------------------- */

const struct dyad__lang *dyad__lang_find(const dyad_engine *engine, const char *id)
{
	for (size_t i = 0; id && i < engine->n_langs; i++)
		if (strcmp(engine->langs[i].id, id) == 0)
			return &engine->langs[i];
	return NULL;
}

const struct dyad__lang *dyad__lang_default(const dyad_engine *engine)
{
	return engine->n_langs ? &engine->langs[0] : NULL;
}

const struct dyad__lang *dyad__lang_of_script(const dyad_engine *engine,
                                              enum dyad__script script,
                                              const struct dyad__lang *prefer)
{
	if (script == DYAD_SCRIPT_NONE)
		return NULL;
	if (prefer && (prefer->scripts & (1u << script)))
		return prefer;
	return engine->lang_of_script[script];
}

enum dyad__script dyad__script_of_token(uint32_t tok_flags)
{
	return (tok_flags & DYAD_TOK_CYRILLIC) ? DYAD_SCRIPT_CYRILLIC
	     : (tok_flags & DYAD_TOK_LATIN)    ? DYAD_SCRIPT_LATIN : DYAD_SCRIPT_NONE;
}

enum dyad__script dyad__script_of_cp(uint32_t cp)
{
	return dyad_cp_is_cyrillic(cp) ? DYAD_SCRIPT_CYRILLIC
	     : dyad_cp_is_latin(cp)    ? DYAD_SCRIPT_LATIN : DYAD_SCRIPT_NONE;
}

enum dyad__script dyad__script_parse(const char *name)
{
	if (name && strcmp(name, "latin") == 0)
		return DYAD_SCRIPT_LATIN;
	if (name && strcmp(name, "cyrillic") == 0)
		return DYAD_SCRIPT_CYRILLIC;
	return DYAD_SCRIPT_NONE;
}

int dyad__lang_is(const struct dyad__lang *lang, enum dyad__modifier kind,
                  const char *lower, size_t n)
{
	return lang && dyad_hash_get(&lang->modifiers[kind], lower, n, NULL);
}

int dyad__lang_ends(const struct dyad__lang *lang, enum dyad__ending kind,
                    const char *lower, size_t n)
{
	const struct dyad__endings *e = lang ? &lang->endings[kind] : NULL;
	for (size_t i = 0; e && i < e->n; i++) {
		size_t len = e->len[i];
		if (n >= e->min_bytes[i] && n > len && memcmp(lower + n - len, e->ending[i], len) == 0)
			return 1;
	}
	return 0;
}

int dyad__lang_abbrev(const struct dyad__lang *lang, const char *lower, size_t n)
{
	return lang && dyad_hash_get(&lang->abbrev, lower, n, NULL);
}

int dyad__lang_cue(const struct dyad__lang *lang, const char *lower, size_t n)
{
	return lang && dyad_hash_get(&lang->cues, lower, n, NULL);
}

int dyad__lang_plural(const struct dyad__lang *lang, const char *word, size_t word_len,
                      const char *form, size_t n)
{
	for (size_t i = 0; lang && i < lang->n_plurals; i++) {
		const struct dyad__plural *p = &lang->plurals[i];
		if (p->from_len && (word_len <= p->from_len ||
		                    memcmp(word + word_len - p->from_len, p->from, p->from_len) != 0))
			continue;
		size_t base = word_len - p->from_len;
		if (n == base + p->to_len && strncmp(word, form, base) == 0 &&
		    strncmp(form + base, p->to, p->to_len) == 0)
			return 1;
	}
	return 0;
}

const char *dyad__lang_latin(const struct dyad__lang *lang, uint32_t lower_cp)
{
	char enc[4];
	uint32_t i;
	if (!lang || !lang->n_latin)
		return NULL;
	size_t len = dyad_utf8_encode(lower_cp, enc);
	return dyad_hash_get(&lang->translit, enc, len, &i) ? lang->latin[i] : NULL;
}
