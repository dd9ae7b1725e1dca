/*
 * parse/conllu_doc.h - a document's analysed sentences as CoNLL-U, the
 * format every parser of the field reads and writes
 * (https://universaldependencies.org/format.html): `dyad parse PATH...` and
 * dyad_parse() / dyad_doc_write_conllu().
 *
 *   # newdoc id = DOC-ID               (first sentence; dyad's document id)
 *   # sent_id = DOC-ID-N               (N: the sentence's number, from 1)
 *   # text = the sentence as written (line ends as spaces)
 *   1-2  don't  _ ...  TokenRange=S:E  (a token UD cuts in two)
 *   1    do     do  AUX  VBP  Mood=Ind|...  3  aux  _  TokenRange=S:E|SpaceAfter=No
 *
 * TokenRange is the word's bytes [S, E) in the document's normalised text
 * (doc->text), SpaceAfter=No when the next word or mark follows it at once.
 */
#ifndef DYAD_PARSE_CONLLU_DOC_H
#define DYAD_PARSE_CONLLU_DOC_H

#include <stddef.h>

#include "core/buf.h"
#include "doc/work.h"
#include "parse/grammar.h"
#include "parse/words.h"

/* Append sentence s_idx of w, analysed as words[0, n) cut as gw[0, n), to
 * out; the sentence numbered sent_no (1 for the first: it also opens the
 * document). The status of out's appends. */
dyad_status dyad__conllu_sentence(struct dyad_buf *out, const struct dyad__work *w,
                                  size_t s_idx, size_t sent_no, const struct dyad__gword *gw,
                                  const struct dyad_grammar_word *words, size_t n);

#endif
