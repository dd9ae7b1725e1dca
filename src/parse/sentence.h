/*
 * sentence.h - one sentence on its way through the grammar stage: what each
 * word looks like to the models, and the analysis they build for it.
 *
 * The tagger, the morphology, the lemmatiser and the parser all read and
 * write this one structure, in training (where the gold analysis sits next
 * to the predicted one) and in use. It belongs to a work area (one per
 * thread); its arrays grow to the longest sentence seen and are then reused,
 * so analysing a sentence allocates nothing once the work area is warm.
 * Strings the stage writes (lower-case spellings, lemmas, the lemmas of
 * dictionary analyses) go into one byte buffer and are kept as offsets,
 * since the buffer may move while it grows.
 */
#ifndef DYAD_PARSE_SENTENCE_H
#define DYAD_PARSE_SENTENCE_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "dyad.h"
#include "kb/ud.h"
#include "parse/features.h"

/* Lexicon attributes of a word (0 = none), read by the tagger's templates. */
enum dyad__lex_attr {
	DYAD_LEX_TAGS,       /* tags the training data gave the word */
	DYAD_LEX_DICT_UPOS,  /* parts of speech of its dictionary analyses */
	DYAD_LEX_DICT_CASE,  /* cases of its dictionary analyses */
	DYAD_LEX_DICT_FIRST, /* part of speech and features of the best analysis */
	DYAD_LEX_DICT_KIND,  /* known, predicted from its ending, or no word */
	DYAD_N_LEX_ATTRS
};

/* A dictionary analysis of a word. */
struct dyad__cand {
	enum dyad_upos upos;
	uint64_t feats;
	uint32_t lemma_off, lemma_len; /* in the sentence's text */
	float score;
	unsigned flags;
};

/* The gold analysis of a training word. */
struct dyad__gold {
	uint32_t tag; /* fine tag index; UINT32_MAX when the tag set lacks it */
	enum dyad_upos upos;
	uint64_t feats;
	const char *lemma;
	uint32_t lemma_len;
	uint32_t head;  /* 0 = root */
	uint32_t label; /* enum dyad_deprel */
};

struct dyad__sword {
	const char *form; /* the caller's bytes */
	uint32_t form_len;
	uint32_t lower_off, lower_len; /* lower-case spelling in the text */
	struct dyad__word_keys k;
	uint64_t lex[DYAD_N_LEX_ATTRS];
	uint32_t cand_off, n_cand; /* dictionary analyses in the sentence's cands */
	uint32_t chosen;           /* the analysis the morphology chose, or UINT32_MAX */
	/* the analysis */
	uint32_t tag1; /* 1 + the first pass's tag (0: none yet) */
	uint32_t tag;  /* fine tag index of the tagger */
	enum dyad_upos upos;
	uint64_t feats;
	uint32_t lemma_off, lemma_len; /* in the text */
	uint64_t lemma_key;            /* hash of the lemma, for the parser */
	uint32_t head;                 /* 0 = root */
	uint32_t label;                /* enum dyad_deprel */
	struct dyad__gold gold;        /* training only */
};

struct dyad__sent {
	struct dyad__sword *w;
	size_t n, cap;
	struct dyad_buf text; /* lower-case spellings, lemmas */
	struct dyad__cand *cands;
	size_t n_cands, cap_cands;
	/* Annotation conventions of the treebank the sentence comes from: 0 those
	 * the model follows; training sentences of other treebanks (whose
	 * conventions differ) carry another number, read by features that
	 * only they have, so the differences are learnt apart. */
	unsigned style;
};

void dyad__sent_init(struct dyad__sent *s);
void dyad__sent_release(struct dyad__sent *s);

/*
 * Start a sentence of n words whose forms are (forms[i], lens[i]) (the
 * caller's bytes, which must outlive the analysis): compute each word's
 * keys and lower-case spelling; the analysis fields are zeroed. DYAD_ENOMEM.
 */
dyad_status dyad__sent_start(struct dyad__sent *s, const char *const *forms,
                             const uint32_t *lens, size_t n);

/* The bytes at offset off of the sentence's text (valid until it grows). */
static inline const char *dyad__sent_str(const struct dyad__sent *s, uint32_t off)
{
	return s->text.data + off;
}

/* Append (p, len) to the text; *off is where it starts. DYAD_ENOMEM. */
dyad_status dyad__sent_put(struct dyad__sent *s, const char *p, size_t len, uint32_t *off);

/* Append a dictionary analysis; the caller sets its fields. NULL: no memory. */
struct dyad__cand *dyad__sent_cand(struct dyad__sent *s);

#endif
