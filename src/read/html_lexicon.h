/*
 * html_lexicon.h - the knowledge the HTML extractor weighs, from data/html/.
 *
 * Loaded once with the engine (dyad_engine_open calls the loader, like the
 * other stage lexicons) and handed to the reader with
 * dyad_reader_set_engine(): tags.tsv (elements that never hold text, and the
 * weight of each element's tag), words.tsv (the words of class and id values),
 * attrs.tsv (ARIA roles, microdata properties and types) and bylines.tsv (the
 * words that tell a job title from a name). See data/html/README.md.
 *
 * Evidence is an integer from -100 (page furniture) to +100 (article text);
 * dyad__html_evidence() adds up what one element says about itself.
 */
#ifndef DYAD_READ_HTML_LEXICON_H
#define DYAD_READ_HTML_LEXICON_H

#include <gumbo.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/hash.h"
#include "dyad.h"
#include "lexicon/engine.h"

#define DYAD_HTML_EVIDENCE_MAX 100

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
 * dyad__html_lexicon_load(engine, errmsg) (declared with the other loaders
 * in lexicon/engine.h) loads data/html/ of engine->data_dir into a new
 * lexicon at engine->html, strings in the engine arena: DYAD_EDATA with
 * "file:line: message" in errmsg on a bad line, DYAD_ENOENT/DYAD_EIO when a
 * file is missing, DYAD_ENOMEM. dyad__html_lexicon_free() releases it.
 */

/* The lexicon of an engine, or NULL (no engine: structure only). */
const struct dyad__html_lexicon *dyad__html_lexicon(const dyad_engine *engine);

/* The engine's date words (data/dates/, loaded with the metadata lexicon),
 * or NULL: the reader reads dates people wrote with them. */
struct dyad__date_lexicon;
const struct dyad__date_lexicon *dyad__html_date_words(const dyad_engine *engine);

/*
 * What element n says about its own subtree: its tag weight plus its ARIA
 * role, microdata and the distinct words of its class and id, clamped to
 * +-DYAD_HTML_EVIDENCE_MAX. 0 without a lexicon.
 */
int dyad__html_evidence(const struct dyad__html_lexicon *lex, const GumboNode *n);

/* 1 when the tag never holds article text (tags.tsv "skip"). Without a
 * lexicon, the built-in minimum: scripts, styles and templates. */
int dyad__html_tag_skipped(const struct dyad__html_lexicon *lex, GumboTag tag);

/* What the lower-case word (s, len) is in a byline (bylines.tsv), or
 * DYAD_HTML_BYLINE_NONE. */
int dyad__html_byline_word(const struct dyad__html_lexicon *lex, const char *s,
                           size_t len);

#endif
