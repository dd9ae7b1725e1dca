/*
 * source.h - the bytes of one input file, inflated when they are gzip.
 *
 * The lowest layer of the read stage: it opens a path ("-" = standard input),
 * reads it in fixed-size chunks, and when the first bytes are the gzip magic
 * inflates them on the way (gzip.c), so that everything above sees only the
 * inner document. Nothing here loads a whole file: callers ask for all bytes
 * up to a cap (one document) or for one line at a time (JSON Lines), and an
 * oversized input is refused after reading at most the cap.
 */
#ifndef DYAD_READ_SOURCE_H
#define DYAD_READ_SOURCE_H

#include <stdio.h>

#include "core/buf.h"
#include "dyad.h"
#include "read/gzip.h"

/* Bytes read from the file (and inflated) per step. */
#define DYAD_SOURCE_CHUNK ((size_t)64 << 10)

struct dyad__source {
	FILE *file;            /* NULL when closed */
	int owns_file;         /* 0 for standard input */
	int is_gzip;
	long long size;        /* bytes on disk of a regular file, else -1 */
	struct dyad__gunzip gz;
	unsigned char *raw;    /* gzip input chunk (heap) */
	size_t raw_len, raw_pos;
	int raw_eof;
	unsigned char *win;    /* bytes ready for the caller (heap) */
	size_t win_len, win_pos;
	int done;              /* no more bytes will come */
	dyad_status failed;    /* sticky error, DYAD_OK while none */
	char errmsg[DYAD_ERRMSG_MAX]; /* message of the sticky error */
};

/*
 * Open path ("-" = standard input) and read its first chunk to recognise
 * gzip. DYAD_ENOENT ("no such file or folder"), DYAD_EIO or DYAD_ENOMEM with
 * errmsg (DYAD_ERRMSG_MAX bytes) filled. On failure the source is closed;
 * on success close it with dyad__source_close.
 */
dyad_status dyad__source_open(struct dyad__source *src, const char *path,
                              char *errmsg);

/*
 * The first bytes of the (inflated) input without consuming them: at most
 * DYAD_SOURCE_CHUNK bytes; *len is 0 for empty input. Valid until the next
 * call on the source. DYAD_EGZIP/DYAD_EIO/DYAD_ENOMEM with errmsg filled.
 */
dyad_status dyad__source_peek(struct dyad__source *src, const char **bytes,
                              size_t *len, char *errmsg);

/*
 * Append every remaining byte to out. out->cap bounds the document: past it
 * DYAD_ETOOBIG, after reading at most cap + one chunk (a regular file bigger
 * than the cap on disk is refused without reading). DYAD_EGZIP, DYAD_EIO,
 * DYAD_ENOMEM with errmsg filled.
 */
dyad_status dyad__source_read_all(struct dyad__source *src,
                                  struct dyad_buf *out, char *errmsg);

/*
 * The next line into line (reset first; no '\n', a trailing '\r' kept).
 * A line longer than max bytes keeps its first max bytes, the rest is
 * skipped and *too_long is set. DYAD_OK, DYAD_DONE at the end of the input,
 * DYAD_EGZIP/DYAD_EIO/DYAD_ENOMEM with errmsg filled.
 */
dyad_status dyad__source_read_line(struct dyad__source *src,
                                   struct dyad_buf *line, size_t max,
                                   int *too_long, char *errmsg);

/* Close the file (not standard input) and free the buffers. Idempotent. */
void dyad__source_close(struct dyad__source *src);

#endif
