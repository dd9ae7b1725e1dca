/*
 * lemma.h - lemmas from the training data: a lexicon of (form, tag) ->
 * lemma, and suffix-rewrite rules for the forms it does not hold.
 *
 * A rule says "strip k characters, append s" and how the result takes its
 * letter case (from the form, as "Johns" -> "John", or lower case, as "The"
 * -> "the"). Rules are learnt per fine tag and final characters of the form
 * (up to DYAD_LEMMA_SUFFIX_MAX): an unknown form takes the rule of its
 * longest final characters seen often enough with its tag. Languages with a
 * dictionary (Russian) ask it first and keep the rules as the fallback.
 */
#ifndef DYAD_PARSE_LEMMA_H
#define DYAD_PARSE_LEMMA_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "dyad.h"
#include "parse/ktable.h"
#include "parse/wordlex.h"

/* Longest final characters a rule is keyed by. */
#define DYAD_LEMMA_SUFFIX_MAX 6
/* Longest lemma the lexicon holds (bytes). */
#define DYAD_LEMMA_MAX_BYTES 255

/* ---- training ---------------------------------------------------------- */

struct dyad__lemma_build {
	struct dyad__vote *votes; /* lexicon and rule votes */
	size_t n, alloc;
	struct dyad_buf strings;   /* [len u8][bytes] for lemmas and appended parts */
	struct dyad__kbuild interned; /* string hash -> offset */
};

dyad_status dyad__lemma_build_init(struct dyad__lemma_build *b);
void dyad__lemma_build_release(struct dyad__lemma_build *b);

/* Learn from one training word: its form, lower-case spelling, fine tag
 * and gold lemma. */
dyad_status dyad__lemma_build_add(struct dyad__lemma_build *b, const char *form, size_t form_len,
                                  const char *lower, size_t lower_len, uint32_t tag,
                                  const char *lemma, size_t lemma_len);

/* Freeze into three sections: the key table (index), the rules and the
 * strings; min_rule_count is the evidence a suffix needs to give a rule. */
dyad_status dyad__lemma_build_freeze(struct dyad__lemma_build *b, uint32_t min_rule_count,
                                     struct dyad_buf *index, struct dyad_buf *rules,
                                     struct dyad_buf *strings);

/* ---- use --------------------------------------------------------------- */

struct dyad__lemma_rule {
	uint16_t strip;      /* characters (code points) cut from the end */
	uint8_t mode;        /* how the letter case is taken */
	uint8_t append_len;
	uint32_t append_off; /* in the strings section */
};

struct dyad__lemmatiser {
	struct dyad__ktable index;
	const struct dyad__lemma_rule *rules;
	uint32_t n_rules;
	const unsigned char *strings;
	size_t strings_len;
};

dyad_status dyad__lemmatiser_open(const void *index, size_t index_len, const void *rules,
                                  size_t rules_len, const void *strings, size_t strings_len,
                                  struct dyad__lemmatiser *l);

/* How a lemma was found. */
enum dyad__lemma_source {
	DYAD_LEMMA_NONE,     /* no rule applied: the form itself */
	DYAD_LEMMA_LEXICON,  /* (form, tag) was seen in training */
	DYAD_LEMMA_RULE,     /* a suffix rule */
};

/*
 * The lemma of (form, lower) with fine tag into out (cap bytes, not
 * NUL-terminated); returns its length and sets *source. Falls back to the
 * form itself. use_rules = 0 asks the lexicon only (*source NONE, length 0
 * when it lacks the form).
 */
size_t dyad__lemmatise(const struct dyad__lemmatiser *l, const char *form, size_t form_len,
                       const char *lower, size_t lower_len, uint32_t tag, int use_rules,
                       char *out, size_t cap, enum dyad__lemma_source *source);

#endif
