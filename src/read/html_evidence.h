/*
 * html_evidence.h - what one element of a page says about its own subtree,
 * weighed with the words, tags and attributes of data/html/ (kb/html.h).
 */
#ifndef DYAD_READ_HTML_EVIDENCE_H
#define DYAD_READ_HTML_EVIDENCE_H

#include <gumbo.h>

#include "kb/html.h"

/*
 * What element n says about its own subtree: its tag weight plus its ARIA
 * role, microdata and the distinct words of its class and id, clamped to
 * +-DYAD_HTML_EVIDENCE_MAX. 0 without a lexicon.
 */
int dyad__html_evidence(const struct dyad__html_lexicon *lex, const GumboNode *n);

#endif
