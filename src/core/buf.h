/*
 * buf.h - growable byte buffers on the heap (output lines, decoded files).
 *
 * A buffer keeps its bytes NUL-terminated so they can be used as C strings.
 * Growth is capped: appending past cap fails with DYAD_ETOOBIG, which is how
 * oversized documents are refused while they are being read.
 */
#ifndef DYAD_CORE_BUF_H
#define DYAD_CORE_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "dyad.h"

struct dyad_buf {
	char *data;   /* NUL-terminated; NULL until the first append */
	size_t len;
	size_t alloc;
	size_t cap;   /* maximum len; 0 = no limit */
	dyad_status error; /* sticky: the first failure, later appends fail too */
};

void dyad_buf_init(struct dyad_buf *buf, size_t cap);
void dyad_buf_release(struct dyad_buf *buf);
void dyad_buf_reset(struct dyad_buf *buf); /* len = 0, memory kept */

/* A buffer that failed once keeps failing with the same status, so a
 * writer can append freely and check buf.error (or the last call) once. */

/* Make room for extra more bytes. DYAD_ENOMEM or DYAD_ETOOBIG on failure. */
dyad_status dyad_buf_reserve(struct dyad_buf *buf, size_t extra);
dyad_status dyad_buf_append(struct dyad_buf *buf, const void *data, size_t len);
dyad_status dyad_buf_puts(struct dyad_buf *buf, const char *s);
dyad_status dyad_buf_putc(struct dyad_buf *buf, char c);
dyad_status dyad_buf_printf(struct dyad_buf *buf, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Hand the bytes over to the caller (free with dyad__free); the buffer is
 * empty afterwards. Never NULL on success: an empty buffer yields "".
 */
char *dyad_buf_detach(struct dyad_buf *buf, size_t *len);

#endif
