/*
 * parse/words.h - dyad's tokens as the words a Universal Dependencies
 * treebank would have: the grammar model was trained on those, so the stage
 * gives it the same cuts, with byte offsets into the document kept.
 *
 * dyad cuts "don't" into "don" "'" "t", "из-за" into "из" "-" "за",
 * "..." into three full stops; UD English has "do" "n't", UD Russian
 * "из-за", both "...". What a language's treebank does is data (lang.tsv
 * keys hyphenated and clitics, kb/lang.h), not a test on the alphabet:
 *   - glued runs of one punctuation character are one word ("...", "--");
 *   - with hyphenated: yes, glued word-hyphen-word runs are one word;
 *   - a word glued to an apostrophe and letters ("don't", "I'm", "o'clock")
 *     is cut before the clitic its end is ("n't", "'m"), else is one word.
 * "Russia's" (dyad's "Russia" "'s"), "U.S." and quotes are already UD's.
 */
#ifndef DYAD_PARSE_WORDS_H
#define DYAD_PARSE_WORDS_H

#include <stddef.h>
#include <stdint.h>

#include "doc/work.h"

struct dyad__lang_grammar;

/* One word: tokens [tok, tok_end) of the document, bytes [start, end) of
 * its text (which may start or end inside a token: recut). */
struct dyad__gword {
	uint32_t tok, tok_end;
	uint32_t start, end;
	uint8_t recut;
};

/*
 * The words of tokens [tok_start, tok_end) of w by the conventions of lg,
 * at most cap (the rest are left out: pass cap >= tok_end - tok_start to
 * have them all, since a word holds at least one token). Returns how many.
 */
size_t dyad__grammar_words(const struct dyad__work *w, uint32_t tok_start, uint32_t tok_end,
                           const struct dyad__lang_grammar *lg, struct dyad__gword *out,
                           size_t cap);

#endif
