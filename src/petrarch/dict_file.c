/*
 * dict_file.c - comment-aware line reader for dictionary files (see
 * dict_file.h).
 */
#include "petrarch/dict_file.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "kb/tsv.h"

static const char MARKUP_OPEN[] = "<!--";
static const char MARKUP_CLOSE[] = "-->";

dyad_status dyad__dfile_open(struct dyad__dfile *f, struct dyad_arena *arena,
                             const char *path, char *errmsg)
{
	memset(f, 0, sizeof *f);
	f->path = path;
	f->errmsg = errmsg;
	dyad_status st = dyad_read_file(arena, path, &f->text, &f->len);
	if (st != DYAD_OK && errmsg)
		snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: %s", path, dyad_strerror(st));
	return st;
}

dyad_status dyad__dfile_error(struct dyad__dfile *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	dyad_status st = dyad_file_verror(f->errmsg, f->path, f->line_no, fmt, ap);
	va_end(ap);
	return st;
}

char *dyad__dfile_skip_blanks(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/*
 * Remove comments from line in place. A '#' inside brackets is part of a
 * code ("[###]", the TABARI discard code), so brackets are tracked.
 */
static void strip_comments(struct dyad__dfile *f, char *line)
{
	char *w = line;
	char *r = line;
	int depth = 0;
	if (f->in_markup) {
		char *close = strstr(r, MARKUP_CLOSE);
		if (!close) {
			*line = '\0';
			return;
		}
		f->in_markup = 0;
		r = close + sizeof MARKUP_CLOSE - 1;
	}
	while (*r) {
		if (r[0] == '<' && r[1] == '!') {
			/* "<!-- x -->", "<! -- x -->" or a markup line to its end */
			char *close = strstr(r, MARKUP_CLOSE);
			if (close) {
				r = close + sizeof MARKUP_CLOSE - 1;
				continue;
			}
			if (strncmp(r, MARKUP_OPEN, sizeof MARKUP_OPEN - 1) == 0)
				f->in_markup = 1;
			break;
		}
		if (*r == '[')
			depth++;
		else if (*r == ']' && depth > 0)
			depth--;
		else if (*r == '#' && depth == 0)
			break;
		*w++ = *r++;
	}
	*w = '\0';
}

char *dyad__dfile_next(struct dyad__dfile *f, int *indented)
{
	while (f->pos < f->len) {
		char *line = f->text + f->pos;
		char *nl = memchr(line, '\n', f->len - f->pos);
		size_t n = nl ? (size_t)(nl - line) : f->len - f->pos;
		f->pos += n + (nl ? 1 : 0);
		f->line_no++;
		line[n] = '\0';
		for (size_t i = 0; i < n; i++)
			if (line[i] == '\0') /* stray NUL bytes would cut the line */
				line[i] = ' ';
		strip_comments(f, line);
		size_t len = strlen(line);
		while (len && (line[len - 1] == ' ' || line[len - 1] == '\t' ||
		               line[len - 1] == '\r'))
			line[--len] = '\0';
		char *start = dyad__dfile_skip_blanks(line);
		if (!*start)
			continue;
		if (indented)
			*indented = start != line;
		return line;
	}
	return NULL;
}
