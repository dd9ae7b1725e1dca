/*
 * dict_file.h - the line reader shared by the four dictionary readers.
 *
 * TABARI/PETRARCH files share one lexical shape: '#' starts a comment (except
 * inside [...], where "[###]" is a code), <!-- ... --> blocks may span lines,
 * a line that starts with "<!" is markup, blank lines are skipped. This reader
 * hides all of that so that each reader sees only meaningful lines, and keeps
 * the line number for "FILE:LINE: message" errors.
 */
#ifndef DYAD_PETRARCH_DICT_FILE_H
#define DYAD_PETRARCH_DICT_FILE_H

#include <stddef.h>

#include "core/arena.h"
#include "dyad.h"

struct dyad__dfile {
	const char *path;
	char *text;        /* whole file, in the caller's arena, edited in place */
	size_t len;
	size_t pos;        /* start of the next line */
	size_t line_no;    /* 1-based number of the current line */
	int in_markup;     /* inside a <!-- comment that spans lines */
	char *errmsg;      /* DYAD_ERRMSG_MAX bytes, the caller's, or NULL */
};

/* Load path into arena. DYAD_ENOENT/DYAD_EIO/DYAD_ENOMEM with errmsg set. */
dyad_status dyad__dfile_open(struct dyad__dfile *f, struct dyad_arena *arena,
                             const char *path, char *errmsg);

/*
 * The next line with content: comments removed, trailing blanks trimmed,
 * NUL-terminated in place (valid as long as the arena). *indented is 1 when
 * the line started with a blank or tab (date lines of actors). Returns NULL
 * at the end of the file.
 */
char *dyad__dfile_next(struct dyad__dfile *f, int *indented);

/* Format "path:line: message" into errmsg; returns DYAD_EDATA. */
dyad_status dyad__dfile_error(struct dyad__dfile *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Pointer past leading blanks. */
char *dyad__dfile_skip_blanks(char *s);

#endif
