/*
 * conllu.h - reading and writing CoNLL-U, the format of Universal
 * Dependencies treebanks (https://universaldependencies.org/format.html).
 *
 * The grammar stage trains on treebanks, measures itself against them and
 * prints its analyses in the same format, so one reader and one writer serve
 * training, `dyad parse --eval` and `dyad parse --conllu`. A file is read
 * whole into memory it owns; every string of a word is a (ptr, len) into it.
 * Word lines carry the analysis; the lines that are not words (comments,
 * multiword-token ranges "3-4", empty nodes "8.1") are kept verbatim, in
 * their place, so that a sentence is written back as it was read with only
 * the analysis columns replaced.
 */
#ifndef DYAD_PARSE_CONLLU_H
#define DYAD_PARSE_CONLLU_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "dyad.h"
#include "kb/ud.h"

/* HEAD of a word whose HEAD column is "_" (not parsed). */
#define DYAD_CONLLU_NO_HEAD UINT32_MAX

/* Longest sentence accepted, in words: longer ones are malformed input. */
#define DYAD_CONLLU_MAX_WORDS 4096u

/*
 * One word line; strings point into the document's text, not NUL-terminated.
 * The writer prints feats_text when it is set (a line read back verbatim),
 * else the bundle feats: an analysis clears feats_len.
 */
struct dyad_conllu_word {
	const char *form, *lemma, *xpos, *feats_text, *deps, *misc;
	uint32_t form_len, lemma_len, xpos_len, feats_len, deps_len, misc_len;
	enum dyad_upos upos;    /* DYAD_UPOS_NONE for "_" or a tag outside UD */
	uint64_t feats;         /* kb/ud.h bundle of FEATS (outside categories left out) */
	uint32_t head;          /* 0 = root, 1-based word, DYAD_CONLLU_NO_HEAD */
	enum dyad_deprel deprel; /* DYAD_DEPREL_NONE for "_" */
};

enum dyad_conllu_line_kind {
	DYAD_CONLLU_COMMENT, /* "# ..." */
	DYAD_CONLLU_RANGE,   /* "3-4\tdon't\t..." multiword token */
	DYAD_CONLLU_EMPTY,   /* "8.1\t..." empty node of the enhanced graph */
};

/* A line that is not a word, written back verbatim before word `before`
 * (0-based; n_words = after the last word). */
struct dyad_conllu_line {
	const char *text;
	uint32_t len;
	uint32_t before;
	enum dyad_conllu_line_kind kind;
};

struct dyad_conllu_sentence {
	struct dyad_conllu_word *words; /* into the document's array */
	struct dyad_conllu_line *lines; /* into the document's array, file order */
	uint32_t n_words, n_lines;
	size_t line_no; /* of its first line in the file, for messages */
};

/* A whole file; release with dyad_conllu_release. */
struct dyad_conllu_doc {
	char *text; /* owned copy of the file */
	size_t len;
	struct dyad_conllu_sentence *sents;
	struct dyad_conllu_word *words;
	struct dyad_conllu_line *lines;
	size_t n_sents, n_words, n_lines;
};

/*
 * Parse CoNLL-U text (len bytes, copied) into *doc; name labels messages.
 * DYAD_EFORMAT for a malformed line (errmsg, DYAD_ERRMSG_MAX bytes or NULL,
 * says "name:line: what"), DYAD_ENOMEM. On failure *doc is empty.
 */
dyad_status dyad_conllu_parse(const char *text, size_t len, const char *name,
                              struct dyad_conllu_doc *doc, char *errmsg);

/* Read and parse the file at path; DYAD_ENOENT / DYAD_EIO when it cannot be
 * read, otherwise as dyad_conllu_parse. */
dyad_status dyad_conllu_read_file(const char *path, struct dyad_conllu_doc *doc,
                                  char *errmsg);

void dyad_conllu_release(struct dyad_conllu_doc *doc);

/*
 * Append a sentence to out as CoNLL-U: its kept lines in their places and
 * one line per word taken from words (the sentence's own, or an analysis of
 * it: n_words entries), then a blank line. The status of out's appends.
 */
dyad_status dyad_conllu_write(struct dyad_buf *out, const struct dyad_conllu_sentence *sent,
                              const struct dyad_conllu_word *words);

#endif
