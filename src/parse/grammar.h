/*
 * grammar.h - the grammar stage: part of speech, morphological features,
 * lemma and dependency tree of every word of a sentence, from a model
 * trained on a Universal Dependencies treebank (data/lang/LANG/grammar.model).
 *
 *     dyad_grammar_load()      once per language; immutable, shared by threads
 *     dyad_grammar_work_new()  once per thread: the scratch memory
 *     dyad_grammar_analyse()   per sentence, allocation-free once warm
 *
 * A sentence is given as its words, each a (pointer, length) into any buffer
 * (dyad's own tokens keep their byte offsets that way); the analysis is
 * written into the same array. The models behind it: tagger.h (part of
 * speech), morpher.h (Russian features chosen among dictionary analyses),
 * wordlex.h (English features), lemma.h, parser.h; training is train.h.
 */
#ifndef DYAD_PARSE_GRAMMAR_H
#define DYAD_PARSE_GRAMMAR_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "dyad.h"
#include "kb/ud.h"

struct dyad__morph;

/* The usual name of a language's model under the data folder. */
#define DYAD_GRAMMAR_MODEL_NAME "grammar.model"

/* A loaded model of one language. */
struct dyad_grammar;

/* Scratch memory of one thread. */
struct dyad_grammar_work;

/* One word: the caller fills form; dyad_grammar_analyse fills the rest. */
struct dyad_grammar_word {
	const char *form;
	uint32_t form_len;
	enum dyad_upos upos;
	const char *xpos; /* language-specific tag, into the model; len 0: none */
	uint32_t xpos_len;
	uint64_t feats;   /* kb/ud.h bundle */
	const char *lemma; /* into the work area: valid until its next analysis */
	uint32_t lemma_len;
	uint32_t head;     /* 0 = root, else 1-based index of the head word */
	enum dyad_deprel deprel;
};

/*
 * Load the model file at path. A model trained with a dictionary (Russian)
 * needs that dictionary (dyad__morph_load of DATA/lang/ru/morph) in dict,
 * which must outlive the model; others ignore dict (may be NULL).
 * DYAD_ENOENT, DYAD_EIO, DYAD_EDATA (a damaged or foreign file),
 * DYAD_EINVAL (the dictionary is missing), DYAD_ENOMEM; errmsg
 * (DYAD_ERRMSG_MAX bytes or NULL) names the file and the problem.
 * *out is owned by the caller: dyad_grammar_free.
 */
dyad_status dyad_grammar_load(const char *path, const struct dyad__morph *dict,
                              struct dyad_grammar **out, char *errmsg);
void dyad_grammar_free(struct dyad_grammar *g);

/* 1 when the model at path needs the Russian dictionary, 0 when not, -1
 * when the file cannot be read as a model. */
int dyad_grammar_file_needs_dict(const char *path);

/* The model's language code ("en", "ru"). */
const char *dyad_grammar_lang(const struct dyad_grammar *g);

/* A work area for g (or any model: it grows as needed); owned by the caller,
 * dyad_grammar_work_free. DYAD_ENOMEM. */
dyad_status dyad_grammar_work_new(struct dyad_grammar_work **out);
void dyad_grammar_work_free(struct dyad_grammar_work *w);

/* What dyad_grammar_analyse does. */
enum dyad_grammar_steps {
	DYAD_GRAMMAR_TAG = 1 << 0,   /* part of speech, features, lemma */
	DYAD_GRAMMAR_PARSE = 1 << 1, /* head and relation (needs the tags) */
	DYAD_GRAMMAR_ALL = DYAD_GRAMMAR_TAG | DYAD_GRAMMAR_PARSE,
};

/*
 * Analyse the n words of one sentence (their forms set) in place. With only
 * DYAD_GRAMMAR_PARSE the words' upos, xpos, feats and lemma must be set (from
 * an earlier call). DYAD_EINVAL for an empty form or n = 0 or n over
 * DYAD_GRAMMAR_MAX_WORDS, DYAD_ENOMEM.
 */
dyad_status dyad_grammar_analyse(const struct dyad_grammar *g, struct dyad_grammar_work *w,
                                 struct dyad_grammar_word *words, size_t n, unsigned steps);

/* Longest sentence analysed, in words (longer ones should be cut). */
#define DYAD_GRAMMAR_MAX_WORDS 4096u

/* ---- measuring against a treebank ---------------------------------------- */

struct dyad_conllu_word;

/* Words counted and words right, per measure. */
struct dyad_grammar_scores {
	size_t words;
	size_t upos, xpos, ufeats, lemma, uas, las;
	size_t feat[DYAD_N_UD_FEATS]; /* per category; a category absent on both is right */
};

/* Count the analysis of one sentence against its gold words. */
void dyad_grammar_score(struct dyad_grammar_scores *s, const struct dyad_conllu_word *gold,
                        const struct dyad_grammar_word *got, size_t n);

/* Print the figures, one per line, the last a summary line. */
void dyad_grammar_scores_print(const struct dyad_grammar_scores *s, const char *name, FILE *out);

#endif
