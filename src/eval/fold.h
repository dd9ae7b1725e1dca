/*
 * fold.h - the spelling folds of the evaluation: how the reference scorer
 * (../shared/tools/score.py) makes two strings comparable.
 *
 * dyad eval must print the very figures score.py prints, so these functions
 * reproduce its Python semantics character for character: latin() (lower
 * case, NFKD, combining marks dropped, Cyrillic transliterated), the surname
 * skeleton skel(), the person name keys, the title normalisation, and the
 * mapping of country codes to scored actors. Character classes follow Python
 * 3's str methods and `re` (\s, \w), taken from ICU and pinned to the Unicode
 * version of the reference Python so that both scorers see the same classes.
 *
 * Results are appended to a caller's struct dyad_buf; strings in are UTF-8
 * (bytes that do not decode count as U+FFFD).
 */
#ifndef DYAD_EVAL_FOLD_H
#define DYAD_EVAL_FOLD_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "dyad.h"

/* Python's str.isspace(), which is also what `re`'s \s matches. */
int dyad__eval_is_space(uint32_t cp);

/* Python's `re` \w on str: alphanumeric (str.isalnum()) or '_'. */
int dyad__eval_is_word(uint32_t cp);

/* Python's str.isprintable() for one character (what repr() leaves as is). */
int dyad__eval_is_printable(uint32_t cp);

/*
 * Append (s, n) to out with each ill-formed UTF-8 sequence replaced by
 * U+FFFD the way Python decodes with errors="replace" (one U+FFFD per
 * maximal ill-formed subpart). DYAD_ENOMEM, DYAD_EINVAL (too long for ICU).
 */
dyad_status dyad__eval_utf8_repair(const char *s, size_t n, struct dyad_buf *out);

/* The number of code points in (s, n). */
size_t dyad__eval_cp_count(const char *s, size_t n);

/* The byte length of the first max_cps code points of (s, n): s[:max_cps]. */
size_t dyad__eval_cp_prefix(const char *s, size_t n, size_t max_cps);

/*
 * (s, n) without the Python whitespace at both ends (str.strip()): the
 * start is returned, *out_len set. Points into s; nothing is allocated.
 */
const char *dyad__eval_strip(const char *s, size_t n, size_t *out_len);

/*
 * score.py's latin(s): lower case, NFKD, combining marks dropped, then the
 * Cyrillic letters of Russian and Kazakh spelled in Latin. Appended to out.
 * DYAD_ENOMEM, or DYAD_EINVAL when ICU refuses the text (too long).
 */
dyad_status dyad__eval_latin(const char *s, size_t n, struct dyad_buf *out);

/*
 * score.py's skel(word): the spelling-tolerant surname key ("Tokayev" and
 * "Токаев" both give "tkv"). Appended to out (possibly nothing).
 * DYAD_ENOMEM, DYAD_EINVAL as dyad__eval_latin().
 */
dyad_status dyad__eval_skel(const char *s, size_t n, struct dyad_buf *out);

/*
 * Call fn(ctx, key, key_len) for each token of a name that score.py keys on:
 * the tokens between runs of separators that are longer than one character.
 * name_keys() separates on whitespace, '-' and '.'; the gold surname rule
 * separates on whitespace and '.' only (with_hyphen = 0). fn returns a
 * status; the first failure stops the walk and is returned.
 */
dyad_status dyad__eval_tokens(const char *s, size_t n, int with_hyphen,
                              dyad_status (*fn)(void *ctx, const char *tok,
                                                size_t len),
                              void *ctx);

/*
 * score.py's norm_title(t): latin(t) with each run of non-word characters
 * made one space, stripped. Appended to out. Errors as dyad__eval_latin().
 */
dyad_status dyad__eval_norm_title(const char *s, size_t n, struct dyad_buf *out);

/*
 * score.py's actor() of a string: stripped and upper-cased, an ISO 3166-1
 * alpha-3 code (or XKX) stays itself, anything else non-empty is "IGO", an
 * empty one "". Returns static storage. DYAD_ENOMEM leaves *out NULL.
 */
dyad_status dyad__eval_actor(const char *s, size_t n, const char **out);

#endif
