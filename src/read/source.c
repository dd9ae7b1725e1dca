/*
 * source.c - reading one input in chunks, inflating gzip on the way
 * (see source.h).
 *
 * A plain file is read straight into the window; a gzip file is read into
 * `raw` and inflated into the window. Errors are sticky: once a read failed,
 * every later call returns the same status and message.
 */
#include "read/source.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "core/alloc.h"

static dyad_status fail(struct dyad__source *src, dyad_status st,
                        char *errmsg)
{
	src->failed = st;
	src->done = 1;
	memcpy(errmsg, src->errmsg, sizeof src->errmsg);
	return st;
}

static dyad_status fail_errno(struct dyad__source *src, const char *what,
                              int err, char *errmsg)
{
	int n = snprintf(src->errmsg, sizeof src->errmsg, "%s: %s", what,
	                 strerror(err));
	(void)n;
	return fail(src, DYAD_EIO, errmsg);
}

/* Read into buf[*len..cap): sets *eof at the end of the file. */
static dyad_status read_more(struct dyad__source *src, unsigned char *buf,
                             size_t *len, size_t cap, int *eof, char *errmsg)
{
	if (*len >= cap || *eof)
		return DYAD_OK;
	size_t want = cap - *len;
	errno = 0;
	size_t n = fread(buf + *len, 1, want, src->file);
	*len += n;
	if (n < want) {
		if (ferror(src->file))
			return fail_errno(src, "read error", errno ? errno : EIO, errmsg);
		*eof = 1;
	}
	return DYAD_OK;
}

dyad_status dyad__source_open(struct dyad__source *src, const char *path,
                              char *errmsg)
{
	memset(src, 0, sizeof *src);
	src->size = -1;
	if (strcmp(path, "-") == 0) {
		src->file = stdin;
	} else {
		src->file = fopen(path, "rb");
		if (!src->file) {
			int err = errno;
			if (err == ENOENT || err == ENOTDIR) {
				int n = snprintf(errmsg, DYAD_ERRMSG_MAX, "no such file or folder");
				(void)n;
				return DYAD_ENOENT;
			}
			int n = snprintf(errmsg, DYAD_ERRMSG_MAX, "cannot open: %s",
			                 strerror(err));
			(void)n;
			return DYAD_EIO;
		}
		src->owns_file = 1;
	}
	struct stat st;
	if (fstat(fileno(src->file), &st) == 0 && S_ISREG(st.st_mode))
		src->size = (long long)st.st_size;

	src->win = dyad__malloc(DYAD_SOURCE_CHUNK);
	if (!src->win) {
		dyad__source_close(src);
		int n = snprintf(errmsg, DYAD_ERRMSG_MAX, "out of memory");
		(void)n;
		return DYAD_ENOMEM;
	}
	int eof = 0;
	dyad_status rc = read_more(src, src->win, &src->win_len, DYAD_SOURCE_CHUNK,
	                           &eof, errmsg);
	if (rc != DYAD_OK) {
		dyad__source_close(src);
		return rc;
	}
	if (!dyad__gzip_magic(src->win, src->win_len)) {
		src->raw_eof = eof;
		if (src->win_len == 0)
			src->done = eof;
		return DYAD_OK;
	}
	/* gzip: what was read is compressed input; the window gets a new buffer. */
	src->is_gzip = 1;
	src->raw = src->win;
	src->raw_len = src->win_len;
	src->raw_eof = eof;
	src->win_len = 0;
	src->win = dyad__malloc(DYAD_SOURCE_CHUNK);
	if (!src->win || dyad__gunzip_init(&src->gz) != DYAD_OK) {
		dyad__source_close(src);
		int n = snprintf(errmsg, DYAD_ERRMSG_MAX, "out of memory");
		(void)n;
		return DYAD_ENOMEM;
	}
	return DYAD_OK;
}

/* Inflate the next piece of a gzip source into the (empty) window. */
static dyad_status fill_gzip(struct dyad__source *src, char *errmsg)
{
	for (;;) {
		size_t used = 0, made = 0;
		dyad_status st = dyad__gunzip_step(
			&src->gz, src->raw + src->raw_pos, src->raw_len - src->raw_pos,
			&used, src->win, DYAD_SOURCE_CHUNK, &made, src->errmsg);
		if (st != DYAD_OK) {
			if (st == DYAD_ENOMEM) {
				int n = snprintf(src->errmsg, sizeof src->errmsg, "out of memory");
				(void)n;
			}
			return fail(src, st, errmsg);
		}
		src->raw_pos += used;
		if (made) {
			src->win_len = made;
			return DYAD_OK;
		}
		if (used)
			continue;
		if (src->raw_eof) {
			st = dyad__gunzip_finish(&src->gz, src->errmsg);
			if (st != DYAD_OK)
				return fail(src, st, errmsg);
			src->done = 1;
			return DYAD_OK;
		}
		size_t before = src->raw_len - src->raw_pos;
		memmove(src->raw, src->raw + src->raw_pos, before);
		src->raw_len = before;
		src->raw_pos = 0;
		st = read_more(src, src->raw, &src->raw_len, DYAD_SOURCE_CHUNK,
		               &src->raw_eof, errmsg);
		if (st != DYAD_OK)
			return st;
		if (src->raw_len == before && !src->raw_eof) {
			int n = snprintf(src->errmsg, sizeof src->errmsg,
			                 "corrupt gzip data: no progress");
			(void)n;
			return fail(src, DYAD_EGZIP, errmsg);
		}
	}
}

/* Make the window non-empty, or set done. */
static dyad_status fill(struct dyad__source *src, char *errmsg)
{
	if (src->failed != DYAD_OK)
		return fail(src, src->failed, errmsg);
	if (src->win_pos < src->win_len || src->done)
		return DYAD_OK;
	src->win_pos = 0;
	src->win_len = 0;
	if (src->is_gzip)
		return fill_gzip(src, errmsg);
	dyad_status st = read_more(src, src->win, &src->win_len,
	                           DYAD_SOURCE_CHUNK, &src->raw_eof, errmsg);
	if (st != DYAD_OK)
		return st;
	if (src->win_len == 0)
		src->done = 1;
	return DYAD_OK;
}

dyad_status dyad__source_peek(struct dyad__source *src, const char **bytes,
                              size_t *len, char *errmsg)
{
	dyad_status st = fill(src, errmsg);
	*bytes = (const char *)src->win + src->win_pos;
	*len = st == DYAD_OK ? src->win_len - src->win_pos : 0;
	return st;
}

dyad_status dyad__source_read_all(struct dyad__source *src,
                                  struct dyad_buf *out, char *errmsg)
{
	if (!src->is_gzip && out->cap && src->size >= 0 &&
	    (unsigned long long)src->size > out->cap)
		return DYAD_ETOOBIG;
	for (;;) {
		dyad_status st = fill(src, errmsg);
		if (st != DYAD_OK)
			return st;
		if (src->done && src->win_pos == src->win_len)
			return DYAD_OK;
		st = dyad_buf_append(out, src->win + src->win_pos,
		                     src->win_len - src->win_pos);
		if (st != DYAD_OK) {
			if (st == DYAD_ENOMEM) {
				int n = snprintf(errmsg, DYAD_ERRMSG_MAX, "out of memory");
				(void)n;
			}
			return st;
		}
		src->win_pos = src->win_len;
	}
}

dyad_status dyad__source_read_line(struct dyad__source *src,
                                   struct dyad_buf *line, size_t max,
                                   int *too_long, char *errmsg)
{
	dyad_buf_reset(line);
	*too_long = 0;
	int any = 0;
	for (;;) {
		dyad_status st = fill(src, errmsg);
		if (st != DYAD_OK)
			return st;
		if (src->done && src->win_pos == src->win_len)
			return any ? DYAD_OK : DYAD_DONE;
		any = 1;
		const unsigned char *p = src->win + src->win_pos;
		size_t avail = src->win_len - src->win_pos;
		const unsigned char *nl = memchr(p, '\n', avail);
		size_t seg = nl ? (size_t)(nl - p) : avail;
		size_t keep = seg;
		if (line->len + keep > max) {
			keep = max > line->len ? max - line->len : 0;
			*too_long = 1;
		}
		st = dyad_buf_append(line, p, keep);
		if (st != DYAD_OK) {
			int n = snprintf(errmsg, DYAD_ERRMSG_MAX, "out of memory");
			(void)n;
			return DYAD_ENOMEM;
		}
		src->win_pos += seg + (nl ? 1 : 0);
		if (nl)
			return DYAD_OK;
	}
}

void dyad__source_close(struct dyad__source *src)
{
	if (src->file && src->owns_file)
		fclose(src->file);
	src->file = NULL;
	dyad__gunzip_end(&src->gz);
	dyad__free(src->raw);
	dyad__free(src->win);
	src->raw = NULL;
	src->win = NULL;
	src->done = 1;
}
