/*
 * tsv.c - the common reader of data/ files (see tsv.h).
 */
#include "kb/tsv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"

dyad_status dyad_read_file(struct dyad_arena *arena, const char *path,
                           char **text, size_t *len)
{
	*text = NULL;
	FILE *f = fopen(path, "rb");
	if (!f)
		return errno == ENOENT ? DYAD_ENOENT : DYAD_EIO;
	dyad_status st = DYAD_EIO;
	if (fseek(f, 0, SEEK_END) != 0)
		goto out;
	long size = ftell(f);
	if (size < 0 || fseek(f, 0, SEEK_SET) != 0)
		goto out;
	char *buf = dyad_arena_alloc(arena, (size_t)size + 1);
	st = DYAD_ENOMEM;
	if (!buf)
		goto out;
	st = DYAD_EIO;
	if (fread(buf, 1, (size_t)size, f) != (size_t)size)
		goto out;
	buf[size] = '\0';
	*text = buf;
	*len = (size_t)size;
	st = DYAD_OK;
out:
	fclose(f);
	return st;
}

dyad_status dyad_file_verror(char *errmsg, const char *path, size_t line,
                             const char *fmt, va_list ap)
{
	if (!errmsg)
		return DYAD_EDATA;
	int n = snprintf(errmsg, DYAD_ERRMSG_MAX, "%s:%zu: ", path, line);
	if (n < 0 || n >= DYAD_ERRMSG_MAX)
		return DYAD_EDATA;
	vsnprintf(errmsg + n, DYAD_ERRMSG_MAX - (size_t)n, fmt, ap);
	return DYAD_EDATA;
}

dyad_status dyad_tsv_error(struct dyad_tsv *tsv, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	dyad_status st = dyad_file_verror(tsv->errmsg, tsv->path, tsv->line_no, fmt, ap);
	va_end(ap);
	return st;
}

/* Next line that is neither blank nor a comment, NUL-terminated in place. */
static char *next_line(struct dyad_tsv *tsv)
{
	while (tsv->pos < tsv->len) {
		char *line = tsv->text + tsv->pos;
		char *nl = memchr(line, '\n', tsv->len - tsv->pos);
		size_t n = nl ? (size_t)(nl - line) : tsv->len - tsv->pos;
		tsv->pos += n + (nl ? 1 : 0);
		tsv->line_no++;
		line[n] = '\0';
		if (n && line[n - 1] == '\r')
			line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		return line;
	}
	return NULL;
}

static size_t split_tabs(char *line, char **fields, size_t max)
{
	size_t n = 0;
	for (char *p = line;;) {
		char *tab = strchr(p, '\t');
		if (n < max)
			fields[n] = p;
		n++;
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	return n;
}

dyad_status dyad_tsv_open(struct dyad_tsv *tsv, struct dyad_arena *arena,
                          const char *path, const char *const *columns,
                          size_t n_columns, char *errmsg)
{
	memset(tsv, 0, sizeof *tsv);
	snprintf(tsv->path_buf, sizeof tsv->path_buf, "%s", path);
	tsv->path = tsv->path_buf;
	tsv->errmsg = errmsg;
	tsv->n_columns = n_columns;
	if (n_columns > DYAD_TSV_MAX_COLUMNS)
		return DYAD_EINVAL;
	dyad_status st = dyad_read_file(arena, path, &tsv->text, &tsv->len);
	if (st != DYAD_OK) {
		if (errmsg)
			snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: %s", tsv->path, dyad_strerror(st));
		return st;
	}
	if (!dyad_utf8_valid(tsv->text, tsv->len))
		return dyad_tsv_error(tsv, "not valid UTF-8");
	char *header = next_line(tsv);
	if (!header)
		return dyad_tsv_error(tsv, "no header line");
	char *names[DYAD_TSV_MAX_COLUMNS];
	size_t n = split_tabs(header, names, DYAD_TSV_MAX_COLUMNS);
	if (n != n_columns)
		return dyad_tsv_error(tsv, "header has %zu columns, expected %zu", n,
		                      n_columns);
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], columns[i]) != 0)
			return dyad_tsv_error(tsv, "column %zu is \"%s\", expected \"%s\"",
			                      i + 1, names[i], columns[i]);
	return DYAD_OK;
}

dyad_status dyad_tsv_open_in(struct dyad_tsv *tsv, struct dyad_arena *arena,
                             const char *dir, const char *rel,
                             const char *const *columns, size_t n_columns,
                             char *errmsg)
{
	char path[DYAD_ERRMSG_MAX];
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	return dyad_tsv_open(tsv, arena, path, columns, n_columns, errmsg);
}

dyad_status dyad_tsv_next(struct dyad_tsv *tsv)
{
	char *line = next_line(tsv);
	if (!line)
		return DYAD_DONE;
	size_t n = split_tabs(line, tsv->fields, DYAD_TSV_MAX_COLUMNS);
	if (n != tsv->n_columns)
		return dyad_tsv_error(tsv, "expected %zu fields, found %zu",
		                      tsv->n_columns, n);
	for (size_t i = 0; i < n; i++) {
		char *f = tsv->fields[i];
		if (f[0] == '\0')
			return dyad_tsv_error(tsv, "field %zu is empty (write '-')", i + 1);
		if (f[0] == ' ' || f[strlen(f) - 1] == ' ')
			return dyad_tsv_error(tsv, "field %zu has spaces around it", i + 1);
		if (strcmp(f, "-") == 0)
			tsv->fields[i] = NULL;
	}
	return DYAD_OK;
}

size_t dyad_tsv_split(char *field, char **parts, size_t max)
{
	if (!field)
		return 0;
	size_t n = 0;
	for (char *p = field;;) {
		char *bar = strchr(p, '|');
		if (bar)
			*bar = '\0';
		if (*p) {
			if (n == max)
				return max + 1;
			parts[n++] = p;
		}
		if (!bar)
			break;
		p = bar + 1;
	}
	return n;
}
