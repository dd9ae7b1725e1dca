/*
 * train.h - training a grammar model from Universal Dependencies treebanks
 * (`dyad train`, driven by `make models`).
 *
 * One run reads the training treebanks, learns the lemma lexicon and rules,
 * the tag dictionary, the tagger and (Russian) the morphology heads, tags
 * the training data by jackknifing (each fold tagged by models that never
 * saw it, so the parser learns from the kind of tags it will get), trains
 * the parser, and writes one model file. Everything is deterministic: the
 * order of sentences in each epoch comes from a fixed seed.
 */
#ifndef DYAD_PARSE_TRAIN_H
#define DYAD_PARSE_TRAIN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "dyad.h"

struct dyad__morph;

struct dyad__train_opts {
	const char *lang;              /* "en", "ru": written into the model */
	const char *const *train;      /* CoNLL-U files to learn from */
	const unsigned *train_style;   /* per file: 0 the conventions to follow, else
	                                  another treebank's (NULL: all 0) */
	size_t n_train;
	const char *const *dev;        /* CoNLL-U files measured after each epoch */
	size_t n_dev;
	const char *out;               /* the model file */
	unsigned tag_epochs, morph_epochs, parse_epochs;
	unsigned folds;                /* jackknifing folds (< 2: tag with gold) */
	unsigned parse_runs;           /* parser runs averaged into one (1: plain) */
	int xpos;                      /* fine tags are UPOS/XPOS pairs */
	int rich;                      /* parser uses case/number/gender features */
	int featlex;                   /* features from (word, tag) counts */
	const struct dyad__morph *dict; /* dictionary (morphology heads), or NULL */
	uint64_t seed;
	float min_weight;              /* parser weights smaller than this are dropped */
	float tag_min_weight;          /* the same for the tagger and the morphology */
	double explore;                /* chance of following a wrong parser move */
	float td_share;                /* share a tag needs to join a word's class */
	int gold_dev;                  /* parse dev on its gold tags (an upper bound) */
	int two_pass;                  /* a second tagging pass reads the first's tags */
	int one_step;                  /* the parser scores move and label together
	                                  (parser.h), not in two steps */
	FILE *log;                     /* progress and figures, or NULL */
};

/* Defaults for everything but the files, the language and the log. */
void dyad__train_defaults(struct dyad__train_opts *o);

/* Train and write o->out. errmsg (DYAD_ERRMSG_MAX bytes) says what failed
 * on which file. */
dyad_status dyad__train(const struct dyad__train_opts *o, char *errmsg);

#endif
