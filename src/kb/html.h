/*
 * html.h - the knowledge the HTML extractor weighs, from data/html/.
 *
 * Loaded once with the engine (dyad_engine_open calls the loader, like the
 * other lexicons) and handed to the reader with
 * dyad_reader_set_engine(): tags.tsv (elements that never hold text, and the
 * weight of each element's tag), words.tsv (the words of class and id values),
 * attrs.tsv (ARIA roles, microdata properties and types) and bylines.tsv (the
 * words that tell a job title from a name). See data/html/README.md.
 *
 * Evidence is an integer from -100 (page furniture) to +100 (article text);
 * read/html_evidence.h adds up what one element says about itself.
 */
#ifndef DYAD_KB_HTML_H
#define DYAD_KB_HTML_H

#include <gumbo.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/hash.h"
#include "dyad.h"

#define DYAD_HTML_EVIDENCE_MAX 100
/* A class/id word longer than this is not looked up (hashes, not words). */
#define DYAD_HTML_WORD_MAX 40
/* Longest "attribute=value" key of attrs.tsv looked up. */
#define DYAD_HTML_ATTR_KEY_MAX 96

enum dyad__html_byline_word {
	DYAD_HTML_BYLINE_NONE = 0,
	DYAD_HTML_BYLINE_TITLE,  /* a word of a job title: the part is no name */
	DYAD_HTML_BYLINE_STOP,   /* the names end before it */
	DYAD_HTML_BYLINE_JOINER, /* between two names */
};

enum dyad__html_tag_kind {
	DYAD_HTML_TAG_TEXT = 0, /* may hold article text */
	DYAD_HTML_TAG_SKIP,     /* never does: left out with its subtree */
};

struct dyad__html_lexicon {
	unsigned char tag_kind[GUMBO_TAG_LAST + 1];
	signed char tag_weight[GUMBO_TAG_LAST + 1];
	struct dyad_hash words;    /* class/id word -> weight + EVIDENCE_MAX */
	struct dyad_hash prefixes; /* "nav" of "nav*" -> the same */
	struct dyad_hash suffixes; /* "nav" of "*nav" */
	size_t longest_affix;      /* bytes of the longest prefix or suffix */
	struct dyad_hash attrs;    /* "role=navigation" -> the same */
	struct dyad_hash byline_words;    /* -> enum dyad__html_byline_word */
	const char **byline_prefixes;     /* "by", "автор:"; in the arena */
	size_t n_byline_prefixes;
};

/*
 * Load data/html/ of engine->data_dir into a new lexicon at engine->html,
 * strings in the engine arena: DYAD_EDATA with "file:line: message" in
 * errmsg on a bad line, DYAD_ENOENT/DYAD_EIO when a file is missing,
 * DYAD_ENOMEM. dyad__html_lexicon_free() releases it (dyad_engine_free does).
 */
dyad_status dyad__html_lexicon_load(dyad_engine *engine, char *errmsg);
void dyad__html_lexicon_free(struct dyad__html_lexicon *lex);

/* The lexicon of an engine, or NULL (no engine: structure only). */
const struct dyad__html_lexicon *dyad__html_lexicon(const dyad_engine *engine);

/* The weight (-100..100) words.tsv gives the lower-case class/id word
 * (w, len): the whole word, else its longest listed prefix, else its longest
 * listed suffix; 0 when none. */
int dyad__html_word_weight(const struct dyad__html_lexicon *lex, const char *w,
                           size_t len);

/* The weight attrs.tsv gives the lower-case key "role=navigation" (len
 * bytes), or 0. */
int dyad__html_attr_weight(const struct dyad__html_lexicon *lex, const char *key,
                           size_t len);

/* The weight tags.tsv gives the element's tag. */
int dyad__html_tag_weight(const struct dyad__html_lexicon *lex, GumboTag tag);

/* 1 when the tag never holds article text (tags.tsv "skip"). Without a
 * lexicon, the built-in minimum: scripts, styles and templates. */
int dyad__html_tag_skipped(const struct dyad__html_lexicon *lex, GumboTag tag);

/* What the lower-case word (s, len) is in a byline (bylines.tsv), or
 * DYAD_HTML_BYLINE_NONE. */
int dyad__html_byline_word(const struct dyad__html_lexicon *lex, const char *s,
                           size_t len);

#endif
