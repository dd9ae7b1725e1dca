/*
 * kb/morph.h - analyses of word forms (lemma, UD part of speech, UD features)
 * from a dictionary of the language. Russian: OpenCorpora in pymorphy2's
 * format, as shipped by the npm package az (fetched by tools/install-deps,
 * never committed).
 *
 * The tagger asks for every token of a Russian sentence, the entity stage for
 * the nominative of a name or the case of a title; so lookups allocate
 * nothing and a loaded dictionary is immutable. Tags are given in the UD
 * conventions of ru_gsd/ru_taiga (kb/ud.h), mapped from OpenCorpora's
 * grammemes by the data file data/lang/ru/opencorpora-ud.tsv.
 *
 * Where the dictionary lives: DATA_DIR/lang/ru/morph/ (git-ignored, filled by
 * `make`/tools/install-deps), DATA_DIR being the engine's data folder
 * ($DYAD_DATA, the source tree's data/, or PREFIX/share/dyad). The mapping
 * file is found from there too (DATA_DIR/lang/ru/opencorpora-ud.tsv), so
 * dyad__morph_load takes the morph folder and reads ../opencorpora-ud.tsv.
 */
#ifndef DYAD_KB_MORPH_H
#define DYAD_KB_MORPH_H

#include <stddef.h>
#include <stdint.h>

#include "dyad.h"
#include "kb/ud.h"

/* A loaded dictionary: immutable after load, safe to share between threads. */
struct dyad__morph;

enum dyad__morph_flags {
	DYAD_MORPH_KNOWN = 1 << 0,     /* the form is in the dictionary */
	DYAD_MORPH_PREDICTED = 1 << 1, /* guessed from the form's ending (unknown word) */
};

struct dyad__morph_analysis {
	enum dyad_upos upos;
	uint64_t feats;                  /* kb/ud.h bundle, UD conventions of ru_gsd/ru_taiga */
	float score;                     /* estimated P(analysis | form); sums to <= 1 per form */
	uint32_t lemma_start, lemma_len; /* the lemma's bytes in the caller's lemma buffer */
	unsigned flags;                  /* enum dyad__morph_flags */
};

/* Enough room for every analysis of any form (a suggested cap for callers). */
#define DYAD_MORPH_MAX_ANALYSES 64

/* The folder under the engine's data folder holding the Russian dictionary. */
#define DYAD_MORPH_RU_SUBDIR "lang/ru/morph"

/*
 * Load the dictionary from dir (DATA_DIR/lang/ru/morph). On failure *out is
 * NULL, the status is DYAD_ENOENT (a file is missing: the dictionary was not
 * fetched), DYAD_EDATA (a file is corrupt or a mapping line is bad), DYAD_EIO
 * or DYAD_ENOMEM, and errmsg (DYAD_ERRMSG_MAX bytes, may be NULL) names the
 * file (and line) and what is wrong. *out is owned by the caller and freed
 * with dyad__morph_free.
 */
dyad_status dyad__morph_load(const char *dir, struct dyad__morph **out, char *errmsg);

/* Release a dictionary; NULL is allowed. */
void dyad__morph_free(struct dyad__morph *morph);

/*
 * The analyses of one word form (UTF-8, any letter case, ё or е), best first,
 * at most cap; lemmas (lower case, UD's lemma conventions) are written into
 * lemma_buf (lemma_cap bytes, not NUL-terminated; analyses sharing a lemma
 * may share its bytes). An analysis whose lemma does not fit is left out.
 * Known forms give DYAD_MORPH_KNOWN analyses; other forms of letters give
 * DYAD_MORPH_PREDICTED ones guessed from their ending.
 * Returns how many were written; 0 when the form is no word of the language
 * (digits, Latin, punctuation, empty). Allocates nothing; safe to call from
 * several threads at once.
 */
size_t dyad__morph_analyse(const struct dyad__morph *morph, const char *form, size_t len,
                           struct dyad__morph_analysis *out, size_t cap,
                           char *lemma_buf, size_t lemma_cap);

#endif
