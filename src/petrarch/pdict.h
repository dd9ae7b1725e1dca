/*
 * pdict.h - TABARI/PETRARCH dictionaries in memory.
 *
 * Analysts bring decades of CAMEO dictionaries in the formats of TABARI and
 * PETRARCH: actors with dated codes, agents, verb blocks with patterns and
 * synsets, discard lists. The readers (dict_actors.c, dict_agents.c,
 * dict_verbs.c, dict_discards.c) turn those files into the tables below; the
 * coder (coder.c) looks sentences up in them. This module is a side entrance
 * to dyad: it does not use data/ and does not feed the main pipeline, except
 * through the public dyad_dict_* functions.
 *
 * Everything lives in the dictionary's arena (strings, phrases) or in heap
 * arrays released by dyad_dict_free(). Phrases are stored as canonical
 * strings, upper case with single spaces ("PRIME MINISTER"), so that a run of
 * sentence tokens written the same way can be looked up with one hash probe.
 */
#ifndef DYAD_PETRARCH_PDICT_H
#define DYAD_PETRARCH_PDICT_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/hash.h"
#include "dyad.h"

#define DYAD_PDICT_NONE UINT32_MAX
#define DYAD_PDICT_AMBIGUOUS (UINT32_MAX - 1) /* partial name of two actors */

/* Longest phrase (in words) an entry may have; longer ones are refused. */
#define DYAD_PDICT_MAX_WORDS 24

/* Two-digit years below this are 20xx, the others 19xx ("070723" = 2007). */
#define DYAD_PDICT_CENTURY_PIVOT 30

/* The null code: no actor, or a verb that makes no event. */
#define DYAD_PDICT_NULL_CODE "---"

enum dyad__pdate_kind {
	DYAD_PDATE_ALWAYS,  /* [CODE] */
	DYAD_PDATE_BEFORE,  /* [CODE <date] */
	DYAD_PDATE_AFTER,   /* [CODE >date] */
	DYAD_PDATE_BETWEEN, /* [CODE date-date] */
};

/* One code an actor may take and the dates it applies to (see coder_np.c). */
struct dyad__prole {
	const char *code;  /* "HOBGOV"; "ELR/GAL" names several actors; "---" */
	uint8_t kind;      /* enum dyad__pdate_kind */
	int32_t from, to;  /* YYYYMMDD */
};

struct dyad__pactor {
	const char *deflt;       /* code on the primary line, or NULL */
	uint32_t first_role;     /* dated codes, in file order, in dict->roles */
	uint32_t n_roles;
};

struct dyad__pagent {
	const char *code; /* "GOV" */
	int prefix;       /* 1: written "NGO~", goes before the actor code */
};

/* Phrase -> value, with the longest phrase per first word for longest match. */
struct dyad__phrases {
	struct dyad_hash map;   /* "WORD WORD" -> value */
	struct dyad_hash first; /* "WORD" -> longest phrase starting with it */
};

enum dyad__pelem_kind {
	DYAD_PELEM_WORD,     /* a literal word */
	DYAD_PELEM_SYNSET,   /* &NAME: one of its phrases */
	DYAD_PELEM_SOURCE,   /* $ */
	DYAD_PELEM_TARGET,   /* + */
	DYAD_PELEM_COMPOUND, /* % */
	DYAD_PELEM_SKIP,     /* ^ : one noun phrase skipped */
};

/*
 * One element of a verb pattern. Upper elements (before the verb) are stored
 * nearest to the verb first, lower ones in reading order; `closed` says that
 * no word may come between this element and the one matched before it (the
 * verb or the previous element): the '_' connector of the pattern syntax.
 */
struct dyad__pelem {
	uint8_t kind;   /* enum dyad__pelem_kind */
	uint8_t closed;
	uint32_t value; /* word id or synset index */
};

struct dyad__ppattern {
	uint32_t upper, n_upper; /* into dict->elems */
	uint32_t lower, n_lower;
	const char *code;        /* "064", "032:033" (paired), "---" */
	uint32_t line;           /* in the verbs file: ties go to the earlier */
};

struct dyad__pblock {
	const char *name;        /* "ABANDON" from "--- ABANDON [345] ---" */
	const char *code;        /* the block's code, "---" when none */
	uint32_t first_pattern;  /* patterns of the block are contiguous */
	uint32_t n_patterns;
};

/* One verb line of a block ("KLM_NOP_+RST [002]"). */
struct dyad__pverb {
	uint32_t block;
	const char *code; /* own code, or NULL for the block's */
};

/* One written form of a verb ("WIRE TAPPED"): which word is the verb. */
struct dyad__pform {
	uint32_t verb;
	uint8_t n_words;
	uint8_t verb_at; /* index of the verb word within the form */
};

struct dyad__pphrase {
	uint32_t first, n; /* word ids in dict->phrase_words */
};

struct dyad__psynset {
	const char *name;
	uint32_t first, n; /* phrases in dict->sphrases */
	int no_plural;     /* label ended with '_' */
};

struct dyad__pdiscard {
	const char *text; /* canonical phrase */
	size_t len;
	uint8_t story;    /* '+': the whole story is dropped */
	uint8_t exact;    /* ended with '_': last word must end there */
};

struct dyad_dict {
	struct dyad_arena arena;

	/* words used by patterns and synsets, interned to ids */
	struct dyad_hash word_ids;
	const char **words;
	size_t n_words, a_words;

	struct dyad__pactor *actors;
	size_t n_actors, a_actors;
	struct dyad__prole *roles;
	size_t n_roles, a_roles;
	struct dyad__phrases actor_phrases; /* -> actor index */
	struct dyad_hash actor_prefixes;    /* first 2+ words of long names */

	struct dyad__pagent *agents;
	size_t n_agents, a_agents;
	struct dyad__phrases agent_phrases; /* -> agent index */

	struct dyad__pblock *blocks;
	size_t n_blocks, a_blocks;
	struct dyad__ppattern *patterns;
	size_t n_patterns, a_patterns;
	struct dyad__pelem *elems;
	size_t n_elems, a_elems;
	struct dyad__pverb *verbs;
	size_t n_verbs, a_verbs;
	struct dyad__pform *forms;
	size_t n_forms, a_forms;
	struct dyad__phrases verb_forms; /* -> form index */

	struct dyad__psynset *synsets;
	size_t n_synsets, a_synsets;
	struct dyad_hash synset_ids;
	struct dyad__pphrase *sphrases;
	size_t n_sphrases, a_sphrases;
	uint32_t *phrase_words;
	size_t n_phrase_words, a_phrase_words;

	struct dyad__pdiscard *discards;
	size_t n_discards, a_discards;

	size_t n_actor_lines; /* statistics for messages and the benchmark */
	size_t n_ignored_patterns; /* patterns naming an undefined synset */
};

/* ---- readers: each appends one file to the dictionary ------------------- */

/*
 * Each reader parses one file into dict. On a malformed entry it returns
 * DYAD_EDATA with errmsg (DYAD_ERRMSG_MAX bytes) set to "FILE:LINE: message";
 * DYAD_ENOENT/DYAD_EIO when the file cannot be read, DYAD_ENOMEM.
 */
dyad_status dyad__pdict_read_actors(struct dyad_dict *dict, const char *path,
                                    char *errmsg);
dyad_status dyad__pdict_read_agents(struct dyad_dict *dict, const char *path,
                                    char *errmsg);
dyad_status dyad__pdict_read_verbs(struct dyad_dict *dict, const char *path,
                                   char *errmsg);
dyad_status dyad__pdict_read_discards(struct dyad_dict *dict, const char *path,
                                      char *errmsg);

/* ---- shared helpers (dict.c) --------------------------------------------- */

/*
 * The canonical form of a phrase as written in a dictionary: upper case,
 * '_' and runs of blanks become one space, leading/trailing blanks and '_'
 * dropped. Returns an arena string (NULL on ENOMEM) and its word count.
 */
char *dyad__pdict_canon(struct dyad_dict *dict, const char *s, size_t n,
                        size_t *n_words);

/* Id of a word (interned on first sight); DYAD_PDICT_NONE on ENOMEM. */
uint32_t dyad__pdict_word_id(struct dyad_dict *dict, const char *w, size_t n);

/* Id of a word if the dictionaries use it, else DYAD_PDICT_NONE. */
uint32_t dyad__pdict_find_word(const struct dyad_dict *dict, const char *w,
                               size_t n);

/* Add key -> value (the key must live in the arena); a later key replaces. */
dyad_status dyad__phrases_put(struct dyad__phrases *ph, const char *key,
                              size_t len, size_t n_words, uint32_t value);

/* Longest phrase (in words) that starts with this word, 0 if none. */
size_t dyad__phrases_longest(const struct dyad__phrases *ph, const char *word,
                             size_t len);

/* The regular plural of an upper-case word into out (cap bytes): 0 if it
 * does not fit. S, ES after S/SH/CH/X/Z, IES after consonant + Y. */
size_t dyad__pdict_plural(const char *w, size_t n, char *out, size_t cap);

/* A date "YYMMDD" or "YYYYMMDD" as YYYYMMDD; -1 if it is not one. */
int32_t dyad__pdict_date(const char *s, size_t n);

void dyad__phrases_init(struct dyad__phrases *ph);
void dyad__phrases_release(struct dyad__phrases *ph);

#endif
