/*
 * morph_file.c - whole-file reads for the dictionary loaders (DAWGs, tables,
 * the mapping file), so that each loader only interprets bytes and every
 * complaint has one shape: "PATH: what is wrong".
 */
#include "kb/morph_file.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"

dyad_status dyad__morph_error(char *errmsg, dyad_status status, const char *path,
                              const char *fmt, ...)
{
	if (!errmsg)
		return status;
	int n = snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: ", path);
	if (n < 0 || (size_t)n >= DYAD_ERRMSG_MAX)
		return status;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(errmsg + n, DYAD_ERRMSG_MAX - (size_t)n, fmt, ap);
	va_end(ap);
	return status;
}

dyad_status dyad__morph_path(char *buf, size_t cap, const char *dir, const char *name,
                             char *errmsg)
{
	int n = snprintf(buf, cap, "%s/%s", dir, name);
	if (n < 0 || (size_t)n >= cap)
		return dyad__morph_error(errmsg, DYAD_EINVAL, dir, "path too long for %s", name);
	return DYAD_OK;
}

static dyad_status read_all(FILE *f, const char *path, char *mem, size_t len, char *errmsg)
{
	if (fread(mem, 1, len, f) != len)
		return dyad__morph_error(errmsg, DYAD_EIO, path, "read failed or file shrank");
	mem[len] = '\0';
	return DYAD_OK;
}

dyad_status dyad__morph_read_file(const char *path, void **mem, size_t *len, char *errmsg)
{
	*mem = NULL;
	*len = 0;
	FILE *f = fopen(path, "rb");
	if (!f) {
		dyad_status st = errno == ENOENT ? DYAD_ENOENT : DYAD_EIO;
		return dyad__morph_error(errmsg, st, path, "%s", strerror(errno));
	}
	dyad_status st = DYAD_OK;
	long size = -1;
	if (fseek(f, 0, SEEK_END) == 0)
		size = ftell(f);
	if (size < 0 || fseek(f, 0, SEEK_SET) != 0) {
		st = dyad__morph_error(errmsg, DYAD_EIO, path, "cannot tell its size");
		goto done;
	}
	if ((unsigned long)size > DYAD__MORPH_MAX_FILE) {
		st = dyad__morph_error(errmsg, DYAD_ETOOBIG, path, "%ld bytes", size);
		goto done;
	}
	char *buf = dyad__malloc((size_t)size + 1);
	if (!buf) {
		st = dyad__morph_error(errmsg, DYAD_ENOMEM, path, "out of memory");
		goto done;
	}
	st = read_all(f, path, buf, (size_t)size, errmsg);
	if (st != DYAD_OK) {
		dyad__free(buf);
		goto done;
	}
	*mem = buf;
	*len = (size_t)size;
done:
	fclose(f);
	return st;
}
