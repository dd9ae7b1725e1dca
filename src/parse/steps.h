/*
 * steps.h - the parts of a grammar model and the steps that run them over
 * one sentence, shared by use (grammar.c) and training (train.c).
 *
 * A model is a set of named sections (model.h); dyad__parts_open points the
 * parts into them, wherever the sections are: a file just read, or the
 * buffers of a model being trained (so that training measures itself with
 * exactly the code that will run). The steps are, for each sentence:
 * lexicon attributes (tag dictionary, dictionary analyses), tagging,
 * features and lemmas, parsing.
 */
#ifndef DYAD_PARSE_STEPS_H
#define DYAD_PARSE_STEPS_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "dyad.h"
#include "kb/ud.h"
#include "parse/lemma.h"
#include "parse/morpher.h"
#include "parse/parser.h"
#include "parse/perceptron.h"
#include "parse/sentence.h"
#include "parse/wordlex.h"

struct dyad__morph;

/* Section names. */
#define DYAD_SEC_META "META"
#define DYAD_SEC_TAGS "TAGS"
#define DYAD_SEC_TAGGER "TAGW"
#define DYAD_SEC_TAGGER2 "TAGW2"
#define DYAD_SEC_TD_WORDS "TDWORDS"
#define DYAD_SEC_TD_CLASSES "TDCLASS"
#define DYAD_SEC_FL_INDEX "FLINDEX"
#define DYAD_SEC_FL_BUNDLES "FLBUNDLE"
#define DYAD_SEC_LM_INDEX "LMINDEX"
#define DYAD_SEC_LM_RULES "LMRULES"
#define DYAD_SEC_LM_STRINGS "LMSTRS"
#define DYAD_SEC_MORPHER "MORW"
#define DYAD_SEC_LABELS "LABELS"
#define DYAD_SEC_PARSER "PARSW"
#define DYAD_SEC_PARSER_LABELS "PARSL" /* two-step parsers: the label weights */

/* What a model does (META "flags"). */
enum dyad__parts_flags {
	DYAD_PARTS_FEATLEX = 1 << 0, /* features from (word, tag) counts */
	DYAD_PARTS_DICT = 1 << 1,    /* needs the language's dictionary */
	DYAD_PARTS_RICH = 1 << 2,    /* morphology features in the parser */
	DYAD_PARTS_MORPHER = 1 << 3, /* features chosen among dictionary analyses */
};

/* Most bytes of an XPOS tag. */
#define DYAD_XPOS_MAX_BYTES 32

struct dyad__tagnames {
	uint32_t n;
	enum dyad_upos upos[DYAD_MAX_TAGS];
	uint8_t xpos_len[DYAD_MAX_TAGS];
	char xpos[DYAD_MAX_TAGS][DYAD_XPOS_MAX_BYTES];
};

struct dyad__parts {
	char lang[8];
	unsigned flags; /* enum dyad__parts_flags */
	struct dyad__tagnames tags;
	struct dyad__pmodel tagger;
	struct dyad__pmodel tagger2; /* second pass (has_tagger2) */
	int has_tagger2;
	struct dyad__tagdict tagdict;
	struct dyad__featlex featlex;
	struct dyad__lemmatiser lemmas;
	struct dyad__morpher morpher;
	struct dyad__labels labels;
	struct dyad__pmodel parser;  /* 1 + 2L classes, or 3 moves (has_lparser) */
	struct dyad__pmodel lparser; /* labels of a two-step parser (parser.h) */
	int has_parser, has_lparser;
	const struct dyad__morph *dict;
	uint32_t max_stride; /* widest table: the size of a score buffer */
};

/* Where sections come from: (p, len) of the section named tag, 0 if absent. */
typedef int (*dyad__section_fn)(const void *ctx, const char *tag, const void **p, size_t *len);

/* Point the parts into the sections. A model without a parser section
 * opens with has_parser 0 (training opens it before the parser exists).
 * DYAD_EDATA with errmsg naming the section. */
dyad_status dyad__parts_open(struct dyad__parts *p, dyad__section_fn section, const void *ctx,
                             const struct dyad__morph *dict, char *errmsg);

/* Section writers of training. */
dyad_status dyad__tagnames_write(const struct dyad__tagnames *t, struct dyad_buf *out);
dyad_status dyad__labels_write(const struct dyad__labels *l, struct dyad_buf *out);
dyad_status dyad__meta_write(const char *lang, unsigned flags, struct dyad_buf *out);

/* Step 1: lexicon attributes and dictionary analyses of every word. */
dyad_status dyad__step_lexicon(const struct dyad__parts *p, struct dyad__sent *s);

/* Step 2: tags (dyad__tagger_run) then step 3: UPOS, features, lemmas. */
dyad_status dyad__step_tag(const struct dyad__parts *p, struct dyad__sent *s, int32_t *acc);
dyad_status dyad__step_morphology(const struct dyad__parts *p, struct dyad__sent *s,
                                  int32_t *acc);

/* Step 3 without the features: lemmas (and their keys) of words whose
 * tags and features are set. */
dyad_status dyad__step_lemmas(const struct dyad__parts *p, struct dyad__sent *s);

/* The lemma key the parser reads, from the word's lemma text. */
void dyad__step_lemma_keys(struct dyad__sent *s);

#endif
