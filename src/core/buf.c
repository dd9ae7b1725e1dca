/*
 * buf.c - growable, capped byte buffers (see buf.h).
 */
#include "core/buf.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"

void dyad_buf_init(struct dyad_buf *buf, size_t cap)
{
	buf->data = NULL;
	buf->len = 0;
	buf->alloc = 0;
	buf->cap = cap;
	buf->error = DYAD_OK;
}

void dyad_buf_release(struct dyad_buf *buf)
{
	dyad__free(buf->data);
	dyad_buf_init(buf, buf->cap);
}

void dyad_buf_reset(struct dyad_buf *buf)
{
	buf->len = 0;
	if (buf->data)
		buf->data[0] = '\0';
}

static dyad_status fail(struct dyad_buf *buf, dyad_status st)
{
	buf->error = st;
	return st;
}

dyad_status dyad_buf_reserve(struct dyad_buf *buf, size_t extra)
{
	if (buf->error != DYAD_OK)
		return buf->error;
	if (extra > SIZE_MAX - buf->len - 1)
		return fail(buf, DYAD_ENOMEM);
	size_t need = buf->len + extra + 1;
	if (buf->cap && buf->len + extra > buf->cap)
		return fail(buf, DYAD_ETOOBIG);
	if (need <= buf->alloc)
		return DYAD_OK;
	size_t alloc = buf->alloc ? buf->alloc : 256;
	while (alloc < need)
		alloc = alloc > SIZE_MAX / 2 ? need : alloc * 2;
	char *data = dyad__realloc(buf->data, alloc);
	if (!data)
		return fail(buf, DYAD_ENOMEM);
	buf->data = data;
	buf->alloc = alloc;
	return DYAD_OK;
}

dyad_status dyad_buf_append(struct dyad_buf *buf, const void *data, size_t len)
{
	dyad_status st = dyad_buf_reserve(buf, len);
	if (st != DYAD_OK)
		return st;
	if (len)
		memcpy(buf->data + buf->len, data, len);
	buf->len += len;
	buf->data[buf->len] = '\0';
	return DYAD_OK;
}

dyad_status dyad_buf_puts(struct dyad_buf *buf, const char *s)
{
	return dyad_buf_append(buf, s, strlen(s));
}

dyad_status dyad_buf_putc(struct dyad_buf *buf, char c)
{
	/* Writers put most of their output a byte at a time. */
	if (buf->error == DYAD_OK && buf->len + 2 <= buf->alloc &&
	    (!buf->cap || buf->len < buf->cap)) {
		buf->data[buf->len++] = c;
		buf->data[buf->len] = '\0';
		return DYAD_OK;
	}
	return dyad_buf_append(buf, &c, 1);
}

dyad_status dyad_buf_printf(struct dyad_buf *buf, const char *fmt, ...)
{
	if (buf->error != DYAD_OK)
		return buf->error;
	/* Formatted straight into the room left, which nearly always
	 * suffices; a second pass only when the buffer must grow. */
	size_t room = buf->data ? buf->alloc - buf->len : 0;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(room ? buf->data + buf->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n < 0) {
		if (buf->data)
			buf->data[buf->len] = '\0';
		return DYAD_EINVAL;
	}
	if ((size_t)n < room && (!buf->cap || buf->len + (size_t)n <= buf->cap)) {
		buf->len += (size_t)n;
		return DYAD_OK;
	}
	if (buf->data)
		buf->data[buf->len] = '\0';
	dyad_status st = dyad_buf_reserve(buf, (size_t)n);
	if (st != DYAD_OK)
		return st;
	va_start(ap, fmt);
	vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	buf->len += (size_t)n;
	return DYAD_OK;
}

char *dyad_buf_detach(struct dyad_buf *buf, size_t *len)
{
	if (!buf->data && dyad_buf_reserve(buf, 0) != DYAD_OK)
		return NULL;
	char *data = buf->data;
	if (len)
		*len = buf->len;
	dyad_buf_init(buf, buf->cap);
	return data;
}
