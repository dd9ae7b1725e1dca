/*
 * forms.h - the engine's memo of word forms: for each distinct written form
 * of a token (in its language, as a word, number or mark) everything the
 * stages ask about it, computed once and then shared by every document and
 * every thread: its lower-case form, its Snowball stem, its name keys, the
 * classes of function words, endings and verbs it belongs to, and the
 * gazetteer's and the lexicons' answers for the word alone.
 *
 * News repeats its words: a document of 5,000 tokens has about 1,500
 * distinct forms and a day of news a few tens of thousands, so one hash
 * look-up per token replaces the eight or so the stages made (modifier
 * kinds, verbs of saying, predicate stems, stop words, number words, the
 * stem memo, the first gazetteer keys).
 *
 * Threads: records are immutable once published. Look-ups take no lock
 * (slots are read with acquire loads); a miss takes the memo's mutex to
 * compute and publish the record (the Snowball stemmers are not reentrant,
 * so stemming happens under that lock too). When the memo is full, or a
 * form is longer than DYAD_MAX_WORD_BYTES, the record is computed into the
 * caller's arena instead and lives as long as it.
 */
#ifndef DYAD_KB_FORMS_H
#define DYAD_KB_FORMS_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "dyad.h"
#include "kb/lang.h"
#include "kb/stem.h"

/* Distinct forms the engine remembers; later new forms are computed per
 * document (the memo stays bounded however much text an engine reads). */
#define DYAD_FORMS_CAP (1u << 16)

enum dyad__form_class {
	FORM_CUE = 1 << 0,          /* a verb of saying as written (speech.tsv) */
	FORM_STOPWORD = 1 << 1,     /* never a name (people/stopwords) */
	FORM_VERB_ANCHOR = 1 << 2,  /* written as a pattern's anchor word */
	FORM_SURNAME_SHAPE = 1 << 3, /* ends like a surname (name_shapes.tsv) */
	FORM_PATRONYMIC = 1 << 4,   /* ends like a patronymic */
	FORM_GAZ_STEM = 1 << 5,     /* gaz_stem holds the stem's gazetteer value */
	FORM_GAZ_LEMMA = 1 << 6,    /* gaz_lemma holds lemma_stem's gazetteer value */
};

struct dyad__form {
	const char *text;       /* the form as written, NUL-terminated */
	const char *lower;      /* lower-cased, at most DYAD_MAX_WORD_BYTES - 1 */
	const char *stem;       /* its stem (words), else the same as lower */
	uint32_t text_len;
	uint16_t lower_len, stem_len;
	uint8_t lang;           /* engine->langs index + 1; 0 = none */
	uint8_t kind;           /* DYAD_TOK_WORD / DYAD_TOK_NUMBER bits of the token */
	uint8_t n_name_keys;    /* dyad__name_key_lens of lower */
	uint8_t name_key_len[DYAD_MAX_NAME_KEYS];
	uint8_t gaz_names;      /* bit v: gaz_name[v] holds name key v's value */
	uint8_t surnames;       /* bit v: some person has name key v as surname */
	uint8_t endings;        /* 1 << enum dyad__ending */
	uint16_t classes;       /* enum dyad__form_class */
	uint32_t modifiers;     /* 1 << enum dyad__modifier */
	uint32_t verbs_stem;    /* dyad__verbs_by_stem of the stem (0 = none) */
	uint32_t verbs_exact;   /* dyad__verbs_by_exact of lower */
	uint32_t number;        /* amount number word: its index + 1, 0 = none */
	uint32_t unit;          /* amount unit: its index + 1, 0 = none */
	uint32_t gaz_stem;      /* the stem alone as a gazetteer key (FORM_GAZ_STEM) */
	const char *lemma_stem; /* the stem of the word's dictionary lemma (a common noun
	                           or adjective the dictionary knows) when it is not
	                           the stem: "посла" -> посол; else NULL */
	uint16_t lemma_stem_len;
	uint32_t gaz_lemma;     /* lemma_stem alone as a gazetteer key (FORM_GAZ_LEMMA) */
	uint32_t gaz_name[DYAD_MAX_NAME_KEYS];
	const char *_Atomic skeleton; /* name skeleton, made on first request */
	uint8_t skeleton_len;
};

/* The memo (made by kb/engine.c once everything else is loaded). */
struct dyad__forms;
dyad_status dyad__forms_new(struct dyad__forms **out);
void dyad__forms_free(struct dyad__forms *forms);

/*
 * The record of (text, len) as a token with those flags (only the WORD and
 * NUMBER bits count) in lang (NULL: no language). Returns the engine's
 * record, or one made in spill (the document's arena) when the memo cannot
 * hold it; NULL only when spill is out of memory. Valid while the engine
 * and spill live. Safe to call from several threads at once.
 */
const struct dyad__form *dyad__form_of(const dyad_engine *engine,
                                       const struct dyad__lang *lang,
                                       uint32_t tok_flags, const char *text,
                                       size_t len, struct dyad_arena *spill);

/*
 * The name skeleton of the form (kb/translit.c: dyad__name_skeleton of its
 * text), made on first request and remembered with the record; *len gets
 * its length (0: none). NULL only when out of memory.
 */
const char *dyad__form_skeleton(const dyad_engine *engine, const struct dyad__form *form,
                                size_t *len, struct dyad_arena *spill);

/*
 * Records a document keeps of its own, in its arena (the memo was full, or
 * the form is too long): with the memo's, they are numbered by form id.
 */
struct dyad__form_list {
	struct dyad__form *items;
	size_t n, cap;
};

#define DYAD_FORM_NONE UINT32_MAX

/* The engine's records, for dyad__form_get (fixed for the engine's life). */
const struct dyad__form *dyad__forms_records(const dyad_engine *engine);

/*
 * Like dyad__form_of, the record's id: below DYAD_FORMS_CAP a record of the
 * memo, else DYAD_FORMS_CAP + its index in own (grown in arena).
 * DYAD_FORM_NONE when out of memory.
 */
uint32_t dyad__form_id(const dyad_engine *engine, const struct dyad__lang *lang,
                       uint32_t tok_flags, const char *text, size_t len,
                       struct dyad__form_list *own, struct dyad_arena *arena);

static inline const struct dyad__form *dyad__form_get(const struct dyad__form *memo,
                                                      const struct dyad__form_list *own,
                                                      uint32_t id)
{
	return id < DYAD_FORMS_CAP ? &memo[id] : &own->items[id - DYAD_FORMS_CAP];
}

/* How many forms the memo holds (for tests and benchmarks). */
size_t dyad__forms_count(const dyad_engine *engine);

#endif
