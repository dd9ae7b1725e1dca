/*
 * gzip.h - inflating gzip data for the read stage.
 *
 * A *.gz file (or any input that starts with the gzip magic bytes) is
 * inflated while it is read, so the bytes the rest of the reader sees are
 * already the inner document. zlib does the work (windowBits 15 + 32 accepts
 * gzip and zlib headers); this module adds the cap on the inflated size and
 * turns zlib's failures into DYAD_EGZIP with a message that says what was
 * wrong ("truncated gzip data", "corrupt gzip data: ...").
 *
 * Concatenated gzip members (as `cat a.gz b.gz` makes) inflate as one stream.
 */
#ifndef DYAD_READ_GZIP_H
#define DYAD_READ_GZIP_H

#include <stddef.h>

#include "core/buf.h"
#include "dyad.h"

/* Bytes needed to recognise gzip data. */
#define DYAD_GZIP_MAGIC_LEN 2

struct dyad__gunzip {
	void *zs;       /* z_stream, heap; NULL when not started */
	int at_member_end; /* the last member ended; more input may start another */
	int in_garbage;    /* bytes after a member were not a member: the rest is ignored */
	size_t total_out;
};

/* 1 when (bytes, len) starts with the gzip magic bytes 1F 8B. */
int dyad__gzip_magic(const void *bytes, size_t len);

/* Start inflating. DYAD_ENOMEM on failure (gz is then safe to _end). */
dyad_status dyad__gunzip_init(struct dyad__gunzip *gz);

/*
 * Inflate from (in, in_len) into (out, out_cap). *consumed and *produced say
 * how much of each was used; call again with the rest of the input. Bytes
 * after the end of the last member that do not start another member are
 * ignored (as gzip does). Returns DYAD_OK, or DYAD_EGZIP with errmsg
 * (DYAD_ERRMSG_MAX bytes) filled, or DYAD_ENOMEM.
 */
dyad_status dyad__gunzip_step(struct dyad__gunzip *gz, const void *in,
                              size_t in_len, size_t *consumed, void *out,
                              size_t out_cap, size_t *produced, char *errmsg);

/*
 * Call when the input is exhausted: DYAD_OK when the data ended at the end
 * of a gzip member, else DYAD_EGZIP "truncated gzip data".
 */
dyad_status dyad__gunzip_finish(const struct dyad__gunzip *gz, char *errmsg);

/* Release zlib's state; gz may be reused with _init. */
void dyad__gunzip_end(struct dyad__gunzip *gz);

/*
 * Inflate a whole gzip buffer into out (whose cap bounds the result:
 * DYAD_ETOOBIG past it). DYAD_EGZIP / DYAD_ENOMEM with errmsg filled.
 */
dyad_status dyad__gunzip_buf(const void *in, size_t in_len,
                             struct dyad_buf *out, char *errmsg);

#endif
