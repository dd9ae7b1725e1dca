/*
 * lang.h - the languages dyad reads, as data: data/lang/languages.tsv lists
 * them, and data/lang/ID/ holds what the code asks of one (see
 * data/lang/README.md): its Snowball stemmer, the scripts it is written in,
 * a few facts about its grammar, its abbreviations, the function words and
 * endings the coders read structure from, the case endings of names and the
 * Latin letters of its own (its transliteration). Extra files in a
 * language's folder (models of the grammar stage, dictionaries) are left to
 * their readers.
 *
 * A word's language is the language that claims its script, the
 * document's own when it does (dyad__lang_of_script); no code tests an
 * alphabet to decide grammar.
 */
#ifndef DYAD_KB_LANG_H
#define DYAD_KB_LANG_H

#include <stddef.h>
#include <stdint.h>

#include "core/hash.h"
#include "dyad.h"

#define DYAD_MAX_LANGS 16   /* languages of languages.tsv */
#define DYAD_LANG_ID_MAX 8  /* "en", "ru": ISO 639-1 */

/* The scripts a language may be written in (lang.tsv, key scripts). */
enum dyad__script {
	DYAD_SCRIPT_NONE,     /* digits, marks, scripts no language claims */
	DYAD_SCRIPT_LATIN,
	DYAD_SCRIPT_CYRILLIC,
	DYAD_N_SCRIPTS
};

/* Function words a coder reads structure from (modifiers.tsv, by kind). */
enum dyad__modifier {
	MOD_NEGATION,
	MOD_MODAL,
	MOD_PASSIVE_AUX,
	MOD_PASSIVE_BY,
	MOD_CONDITIONAL,
	MOD_CLAUSE_BREAK,
	MOD_FIRST_PERSON,
	MOD_COORDINATOR,
	MOD_JOINT_SUBJECT,
	MOD_RECIPROCAL,
	MOD_BACKGROUND,
	MOD_DETERMINER,
	MOD_PERFORMATIVE,
	MOD_LOCATIVE,
	MOD_PREPOSITION,
	MOD_TOPIC,
	MOD_THIRD_PERSON,
	MOD_POSSESSIVE,  /* "'s" */
	MOD_GENITIVE,    /* "of" */
	MOD_BETWEEN,     /* "between", "между" */
	MOD_AGAINST,     /* "against", "против" */
	MOD_DESTINATION, /* "to" in "Ambassador to X" */
	MOD_JOINT_OWNER, /* "their", "их" */
	MOD_AGENT_NOUN,  /* "стороны" in "со стороны X": X is the act's author */
	MOD_N_KINDS
};

/* Word endings a coder reads grammar from (endings.tsv, by kind). */
enum dyad__ending {
	END_GERUND_PLURAL,
	END_GERUND,
	END_MODIFIER_FORM,
	END_PARTICIPLE,
	END_SHORT_PARTICIPLE,
	END_DATIVE,
	END_VERB_BASE,        /* -овать: a pattern word's present-tense base */
	END_N_KINDS
};

#define DYAD_MAX_ENDINGS 32      /* endings of one kind */
#define DYAD_MAX_NAME_ENDINGS 64 /* case endings of names */
#define DYAD_MAX_PLURALS 8       /* plural rules */

struct dyad__endings {
	const char *ending[DYAD_MAX_ENDINGS]; /* in the engine arena */
	uint16_t len[DYAD_MAX_ENDINGS];
	uint16_t min_bytes[DYAD_MAX_ENDINGS];
	size_t n;
};

/* A plural: a word ending in `from` (may be "") takes `to` instead: "s",
 * "es", "y>ies". */
struct dyad__plural {
	const char *from, *to;
	size_t from_len, to_len;
};

struct dyad__name_endings {
	const char *ending[DYAD_MAX_NAME_ENDINGS]; /* longest first */
	size_t len[DYAD_MAX_NAME_ENDINGS];         /* bytes */
	size_t chars[DYAD_MAX_NAME_ENDINGS];       /* letters */
	size_t n;
};

/* A verb of saying of speech.tsv, as a pattern of kb/verbs.h syntax that
 * kb/verbs.c parses (it is coded 010 with flag speech). */
struct dyad__speech_verb {
	char *pattern;               /* in the engine arena */
	char *flags;                 /* further flags, or NULL */
	size_t line;                 /* of speech.tsv, for messages */
};

struct sb_stemmer;
struct dyad__morph;   /* kb/morph.h */
struct dyad_grammar;  /* parse/grammar.h: loaded by dyad_engine_open (parse/engine.c) */

#define DYAD_MAX_CLITICS 16 /* clitics of lang.tsv */

/* What the grammar stage asks of a language (lang.tsv keys grammar,
 * dictionary, hyphenated, clitics): where its model and dictionary are and
 * how its treebank cuts words, so that dyad's tokens are given to the
 * parser as the words it was trained on. */
struct dyad__lang_grammar {
	const char *model_file;      /* in the language's folder; NULL: no model
	                                (its sentences are not analysed) */
	const char *dictionary_dir;  /* morphological dictionary folder, or NULL */
	int hyphen_joins;            /* "из-за" is one word of the treebank */
	const char *clitics[DYAD_MAX_CLITICS]; /* "n't", "'s": a word's glued
	                                end that is a word of its own */
	uint8_t clitic_len[DYAD_MAX_CLITICS];
	size_t n_clitics;
	struct dyad__morph *morph;   /* the loaded dictionary (owned), or NULL */
	struct dyad_grammar *model;  /* the loaded model (owned, freed by
	                                dyad_engine_free), or NULL */
};

struct dyad__lang {
	char id[DYAD_LANG_ID_MAX];   /* "en" */
	const char *name;            /* "English" */
	unsigned index;              /* in languages.tsv */
	unsigned scripts;            /* 1 << enum dyad__script */
	struct sb_stemmer *stemmer;  /* owned */
	int names_inflect;           /* names take case endings ("Алиева") */
	int noun_after_determiner;   /* a verb form after a determiner is a noun
	                                ("the fight") */
	int genitive_after_noun;     /* a noun's owner follows it in the genitive,
	                                with no word for "of" ("удары России") */
	int script_default;          /* a text in its script with no stop word
	                                of any language is in this language */
	struct dyad__plural plurals[DYAD_MAX_PLURALS];
	size_t n_plurals;
	struct dyad_hash abbrev;     /* lower-case abbreviations with their dot */
	struct dyad__name_endings name_endings;
	struct dyad_hash translit;   /* lower-case letter -> index in latin */
	const char **latin;          /* Latin letters of each, in the arena */
	size_t n_latin;
	struct dyad_hash modifiers[MOD_N_KINDS]; /* lower-case single words */
	struct dyad__endings endings[END_N_KINDS];
	struct dyad_hash cues;       /* verbs of saying as written (speech.tsv) */
	struct dyad__speech_verb *speech; /* their patterns, in file order */
	size_t n_speech;
	const char *speech_path;     /* the file they come from, for messages */
	struct dyad__lang_grammar grammar;
};

/* The language's dictionary of forms (lang.tsv key dictionary), or NULL:
 * the one the grammar stage reads, and the entities' nominatives. */
static inline const struct dyad__morph *dyad__lang_dictionary(const struct dyad__lang *lang)
{
	return lang ? lang->grammar.morph : NULL;
}

/* Read data/lang/ into engine->langs (the stemmers too). DYAD_EDATA with
 * "file:line: message" in errmsg on a bad line or an unknown stemmer. */
dyad_status dyad__langs_load(dyad_engine *engine, char *errmsg);
void dyad__langs_free(dyad_engine *engine);

/* The language of that id, or NULL when dyad does not read it. */
const struct dyad__lang *dyad__lang_find(const dyad_engine *engine, const char *id);

/* The first language of languages.tsv. */
const struct dyad__lang *dyad__lang_default(const dyad_engine *engine);

/* The language a word of that script is in: prefer (the document's or the
 * sentence's language) when it claims the script, else the first language
 * that does; NULL when none does (digits, marks, Greek...). */
const struct dyad__lang *dyad__lang_of_script(const dyad_engine *engine,
                                              enum dyad__script script,
                                              const struct dyad__lang *prefer);

/* The script of a token (its DYAD_TOK_LATIN / DYAD_TOK_CYRILLIC flag), of a
 * letter, and of a name in lang.tsv or stopwords.tsv ("latin"; NONE when
 * unknown). */
enum dyad__script dyad__script_of_token(uint32_t tok_flags);
enum dyad__script dyad__script_of_cp(uint32_t cp);
enum dyad__script dyad__script_parse(const char *name);

/* Questions about a lower-case word of the language; all are 0 for a NULL
 * language. */
int dyad__lang_is(const struct dyad__lang *lang, enum dyad__modifier kind,
                  const char *lower, size_t n);
int dyad__lang_ends(const struct dyad__lang *lang, enum dyad__ending kind,
                    const char *lower, size_t n);
int dyad__lang_abbrev(const struct dyad__lang *lang, const char *lower, size_t n);
int dyad__lang_cue(const struct dyad__lang *lang, const char *lower, size_t n);

/* 1 when form (n bytes) is word (word_len bytes) in one of the language's
 * plurals ("ministries" of "ministry"). */
int dyad__lang_plural(const struct dyad__lang *lang, const char *word, size_t word_len,
                      const char *form, size_t n);

/* The Latin letters of a lower-case letter of the language (may be ""), or
 * NULL when it has none of its own. */
const char *dyad__lang_latin(const struct dyad__lang *lang, uint32_t lower_cp);

#endif
