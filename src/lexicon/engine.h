/*
 * engine.h - the loaded knowledge: everything dyad_engine_open() reads from
 * data/ once and every extraction consults read-only.
 *
 * An engine may be shared by several documents in turn but is used by one
 * thread at a time (the Snowball stemmers keep per-call state).
 */
#ifndef DYAD_LEXICON_ENGINE_H
#define DYAD_LEXICON_ENGINE_H

#include <stddef.h>

#include "core/arena.h"
#include "core/hash.h"
#include "dyad.h"

struct sb_stemmer;
struct dyad__meta_lexicon;
struct dyad__gazetteer;
struct dyad__verbs;
struct dyad__amount_lexicon;
struct dyad__name_endings;
struct dyad__stem_cache;
struct dyad__html_lexicon;

struct dyad__cameo {
	struct dyad_cameo_code *codes; /* sorted by code, in the engine arena */
	size_t n_codes;
	struct dyad_hash by_code;      /* code -> index */
};

struct dyad_engine {
	struct dyad_arena arena;       /* all loaded knowledge */
	char *data_dir;
	struct sb_stemmer *stem_en;
	struct sb_stemmer *stem_ru;
	struct dyad__stem_cache *stems; /* memo of stems seen (one thread at a time) */
	struct dyad_hash abbrev;       /* lower-case abbreviations with their dot */
	struct dyad__name_endings *name_endings; /* text/name_stem.c, in the arena */
	struct dyad__cameo cameo;
	struct dyad__meta_lexicon *meta;  /* extract/meta.c */
	struct dyad__gazetteer *gaz;      /* lexicon/gazetteer.c */
	struct dyad__verbs *verbs;        /* extract/verbs.c */
	struct dyad__amount_lexicon *amounts; /* extract/amounts.c */
	struct dyad__html_lexicon *html;  /* read/html_lexicon.c */
	const dyad_dict *dict;          /* borrowed user dictionaries, or NULL */
	enum dyad_dict_mode dict_mode;
};

/* The CAMEO code record for code, or NULL when unknown. */
const struct dyad_cameo_code *dyad__cameo_find(const dyad_engine *engine,
                                               const char *code);

/*
 * Stem one lower-case word (Russian when ru, else English) into out (cap
 * bytes, NUL-terminated). Returns the length written. Words that are not
 * letters are copied unchanged.
 */
size_t dyad__stem(const dyad_engine *engine, int ru, const char *lower,
                  size_t len, char *out, size_t cap);

/*
 * The length of the name key of a lower-case word: the word less one case
 * ending (Cyrillic words; others are their own key). See name_endings.tsv.
 */
size_t dyad__name_stem_len(const dyad_engine *engine, int cyrillic,
                           const char *lower, size_t len);

/*
 * Every name key a text word may stand for: the word itself and the word
 * less each case ending it has ("китая" -> китая, кита, кит), since a text
 * word cannot tell its ending from its stem ("Китая" is Китай + я, not
 * кит + ая). Dictionary phrases are keyed with dyad__name_stem_len; the
 * matcher tries all of these. Returns how many lengths it wrote.
 */
#define DYAD_MAX_NAME_KEYS 4
size_t dyad__name_key_lens(const dyad_engine *engine, int cyrillic,
                           const char *lower, size_t len,
                           size_t lens[DYAD_MAX_NAME_KEYS]);

/* Longest stem or lower-cased word the tokenizer keeps. */
#define DYAD_MAX_WORD_BYTES 128

/* Loaders called by dyad_engine_open(); each fills errmsg on failure. */
dyad_status dyad__cameo_load(dyad_engine *engine, char *errmsg);
dyad_status dyad__abbrev_load(dyad_engine *engine, char *errmsg);
dyad_status dyad__name_endings_load(dyad_engine *engine, char *errmsg);
dyad_status dyad__meta_lexicon_load(dyad_engine *engine, char *errmsg);
void dyad__meta_lexicon_free(struct dyad__meta_lexicon *meta);
dyad_status dyad__gazetteer_load(dyad_engine *engine, char *errmsg);
void dyad__gazetteer_free(struct dyad__gazetteer *gaz);
dyad_status dyad__verbs_load(dyad_engine *engine, char *errmsg);
void dyad__verbs_free(struct dyad__verbs *verbs);
dyad_status dyad__amounts_load(dyad_engine *engine, char *errmsg);
void dyad__amounts_free(struct dyad__amount_lexicon *amounts);
dyad_status dyad__html_lexicon_load(dyad_engine *engine, char *errmsg);
void dyad__html_lexicon_free(struct dyad__html_lexicon *lex);

#endif
