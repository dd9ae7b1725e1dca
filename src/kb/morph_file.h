/*
 * morph_file.h - reading the dictionary's files whole, with every failure
 * naming the file: a missing file means the dictionary was not fetched
 * (DYAD_ENOENT), anything else that it is unreadable or corrupt.
 */
#ifndef DYAD_KB_MORPH_FILE_H
#define DYAD_KB_MORPH_FILE_H

#include <stddef.h>

#include "dyad.h"

/* The largest dictionary file read (the biggest of az 0.2.3 is 5.4 MB). */
#define DYAD__MORPH_MAX_FILE ((size_t)256 << 20)

/*
 * Read the file path into *mem (*len bytes, NUL-terminated beyond them,
 * aligned for any object); *mem is freed with dyad__free. DYAD_ENOENT,
 * DYAD_EIO, DYAD_ETOOBIG or DYAD_ENOMEM with errmsg ("PATH: why", may be
 * NULL) on failure, *mem NULL then.
 */
dyad_status dyad__morph_read_file(const char *path, void **mem, size_t *len, char *errmsg);

/* Format "path: message" into errmsg (may be NULL) and return status. */
dyad_status dyad__morph_error(char *errmsg, dyad_status status, const char *path,
                              const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Join dir and name into buf (cap bytes); DYAD_EINVAL when it does not fit. */
dyad_status dyad__morph_path(char *buf, size_t cap, const char *dir, const char *name,
                             char *errmsg);

#endif
