/*
 * tsv.h - reading the knowledge files in data/.
 *
 * Every knowledge file shares one shape: UTF-8, '#' comment lines, a header
 * line naming the columns, TAB-separated fields, '-' for an empty field and
 * '|' between the variants of a field. This reader checks that shape once so
 * that each loader only interprets fields, and every complaint names the
 * file and line: `data/people/people.tsv:12: expected 6 fields, found 5`.
 *
 * The file's bytes are loaded into the caller's arena and fields point into
 * them: they stay valid as long as that arena.
 */
#ifndef DYAD_KB_TSV_H
#define DYAD_KB_TSV_H

#include <stdarg.h>
#include <stddef.h>

#include "core/arena.h"
#include "dyad.h"

#define DYAD_TSV_MAX_COLUMNS 16

struct dyad_tsv {
	const char *path;        /* = path_buf */
	char path_buf[DYAD_ERRMSG_MAX];
	char *text;      /* whole file, in the arena */
	size_t len;
	size_t pos;      /* start of the next line */
	size_t line_no;  /* 1-based line of the current row */
	size_t n_columns;
	char *fields[DYAD_TSV_MAX_COLUMNS]; /* current row; NULL for '-' */
	char *errmsg;    /* DYAD_ERRMSG_MAX bytes, caller's */
};

/*
 * Open path, load it into arena and check that its header is exactly the
 * given columns. DYAD_ENOENT/DYAD_EIO/DYAD_EDATA with errmsg filled.
 */
dyad_status dyad_tsv_open(struct dyad_tsv *tsv, struct dyad_arena *arena,
                          const char *path, const char *const *columns,
                          size_t n_columns, char *errmsg);

/* The same for the file rel of the folder dir ("data", "people/people.tsv"). */
dyad_status dyad_tsv_open_in(struct dyad_tsv *tsv, struct dyad_arena *arena,
                             const char *dir, const char *rel,
                             const char *const *columns, size_t n_columns,
                             char *errmsg);

/* Next row into tsv->fields: DYAD_OK, DYAD_DONE at the end, DYAD_EDATA. */
dyad_status dyad_tsv_next(struct dyad_tsv *tsv);

/* Format "path:line: message" into errmsg (DYAD_ERRMSG_MAX bytes, may be
 * NULL) and return DYAD_EDATA: the one shape of every knowledge-file error. */
dyad_status dyad_file_verror(char *errmsg, const char *path, size_t line,
                             const char *fmt, va_list ap);

/* Format "path:line: message" into errmsg and return DYAD_EDATA. */
dyad_status dyad_tsv_error(struct dyad_tsv *tsv, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Split a field at '|' in place: up to max parts, returns their count (0 for
 * NULL). More than max variants is reported by returning max + 1.
 */
size_t dyad_tsv_split(char *field, char **parts, size_t max);

/* Read a whole file into the arena, NUL-terminated. */
dyad_status dyad_read_file(struct dyad_arena *arena, const char *path,
                           char **text, size_t *len);

#endif
