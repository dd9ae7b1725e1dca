/*
 * reader.c - the dyad_reader_* API: from paths on the command line to one
 * struct dyad_input at a time.
 *
 * The first stage of the pipeline (read -> extract -> store). The reader is
 * a small state machine over three nested sources of documents:
 *
 *   the paths given, in order      a missing one is one failed document
 *     a folder being walked        folder.c, byte-wise name order
 *       a JSON Lines file          jsonl.c, one document per line
 *
 * and every other file is one document: source.c reads it (inflating gzip,
 * capped at DYAD_MAX_DOC_BYTES), format.c says what it is, decode.c turns it
 * into UTF-8, html.c reduces a page to its article. Nothing that goes wrong
 * with one document stops the run: it comes back with status and error set,
 * and the next call goes on with the next one. Only DYAD_ENOMEM ends it.
 *
 * Everything a returned struct dyad_input points to lives in the reader's
 * per-document arena and buffers, released or reused at the next call.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "dyad.h"
#include "read/decode.h"
#include "read/folder.h"
#include "read/format.h"
#include "read/html.h"
#include "read/jsonl.h"
#include "read/source.h"

/* Buffers grown past this by a big document are freed before the next one. */
#define READER_KEEP_BYTES ((size_t)1 << 20)
#define READER_CHARSET_MAX 64
#define READER_MIB ((size_t)1 << 20)
/* Room for ":" and a line number after a file name. */
#define READER_LINE_SUFFIX 24

struct dyad_reader {
	char **paths;             /* copies, heap */
	size_t n_paths, next_path;
	enum dyad_format format;  /* DYAD_FORMAT_AUTO, or forced for every file */
	const dyad_engine *engine; /* borrowed, for HTML; may be NULL */

	struct dyad__walk walk;
	int walking;

	struct dyad__source src;  /* the JSON Lines file being read */
	int in_jsonl;
	int jsonl_broken;         /* a read error ended the file early */
	char *jsonl_path;         /* heap */
	size_t line_no;
	struct dyad_buf line;

	struct dyad_arena arena;  /* per document */
	struct dyad_buf raw;      /* the file's bytes, capped */
	struct dyad_buf text;     /* decoded text */
	struct dyad_input input;
	char errmsg[DYAD_ERRMSG_MAX];
};

/* How one document is to be built from its bytes. */
struct doc_spec {
	const char *path;
	enum dyad_format read_as;  /* DYAD_FORMAT_TEXT or DYAD_FORMAT_HTML */
	enum dyad_format report_as;
	const char *charset;       /* declared charset, or NULL */
	const struct dyad__facts *given; /* facts that win over the page's */
	size_t line_no;            /* JSON Lines: prefix errors with it; else 0 */
};

dyad_status dyad_reader_open(const char *const *paths, size_t n_paths,
                             enum dyad_format format, dyad_reader **out)
{
	*out = NULL;
	if ((n_paths && !paths) || format < DYAD_FORMAT_AUTO ||
	    format > DYAD_FORMAT_JSONL)
		return DYAD_EINVAL;
	dyad_reader *r = dyad__calloc(1, sizeof *r);
	if (!r)
		return DYAD_ENOMEM;
	r->format = format;
	dyad__walk_init(&r->walk);
	dyad_arena_init(&r->arena, DYAD_ARENA_DOC_CAP);
	dyad_buf_init(&r->raw, DYAD_MAX_DOC_BYTES);
	dyad_buf_init(&r->text, 0);
	dyad_buf_init(&r->line, 0);
	r->src.done = 1;
	if (n_paths) {
		r->paths = dyad__calloc(n_paths, sizeof *r->paths);
		if (!r->paths)
			goto fail;
		for (size_t i = 0; i < n_paths; i++) {
			if (!paths[i])
				goto fail_inval;
			r->paths[i] = dyad__strdup(paths[i]);
			if (!r->paths[i])
				goto fail;
			r->n_paths = i + 1;
		}
	}
	*out = r;
	return DYAD_OK;
fail_inval:
	dyad_reader_free(r);
	return DYAD_EINVAL;
fail:
	dyad_reader_free(r);
	return DYAD_ENOMEM;
}

static void end_jsonl(dyad_reader *r)
{
	dyad__source_close(&r->src);
	dyad__free(r->jsonl_path);
	r->jsonl_path = NULL;
	r->in_jsonl = 0;
	r->jsonl_broken = 0;
}

void dyad_reader_set_engine(dyad_reader *r, const dyad_engine *engine)
{
	r->engine = engine;
}

void dyad_reader_free(dyad_reader *r)
{
	if (!r)
		return;
	end_jsonl(r);
	dyad__walk_release(&r->walk);
	for (size_t i = 0; i < r->n_paths; i++)
		dyad__free(r->paths[i]);
	dyad__free(r->paths);
	dyad_arena_release(&r->arena);
	dyad_buf_release(&r->raw);
	dyad_buf_release(&r->text);
	dyad_buf_release(&r->line);
	dyad__free(r);
}

static void shrink(struct dyad_buf *buf)
{
	if (buf->alloc > READER_KEEP_BYTES)
		dyad_buf_release(buf);
	else
		dyad_buf_reset(buf);
}

static void begin_document(dyad_reader *r)
{
	dyad_arena_release(&r->arena);
	shrink(&r->raw);
	shrink(&r->text);
	shrink(&r->line);
	memset(&r->input, 0, sizeof r->input);
	r->errmsg[0] = '\0';
}

/* Fill in a failed document: DYAD_OK (it is ready), or DYAD_ENOMEM. */
static dyad_status failed(dyad_reader *r, const char *path,
                          enum dyad_format format, dyad_status why,
                          const char *msg)
{
	struct dyad_input *in = &r->input;
	memset(in, 0, sizeof *in);
	in->path = dyad_arena_strdup(&r->arena, path);
	in->error = dyad_arena_strdup(&r->arena, msg && *msg ? msg : dyad_strerror(why));
	if (!in->path || !in->error)
		return DYAD_ENOMEM;
	in->format = format;
	in->status = why;
	return DYAD_OK;
}

/* failed() with errmsg prefixed by "line N: " when spec has a line. */
static dyad_status failed_spec(dyad_reader *r, const struct doc_spec *spec,
                               dyad_status why)
{
	if (spec->line_no) {
		char msg[DYAD_ERRMSG_MAX];
		int n = snprintf(msg, sizeof msg, "line %zu: %s", spec->line_no,
		                 r->errmsg);
		(void)n;
		return failed(r, spec->path, spec->report_as, why, msg);
	}
	return failed(r, spec->path, spec->report_as, why, r->errmsg);
}

static const char *pick(const char *given, const char *found)
{
	return given ? given : found;
}

/* Decode (bytes, len), reduce HTML, and fill r->input. */
static dyad_status build_doc(dyad_reader *r, const struct doc_spec *spec,
                             const char *bytes, size_t len)
{
	dyad_status st = dyad__decode(bytes, len, spec->charset, &r->text, NULL,
	                              r->errmsg);
	if (st == DYAD_ENOMEM)
		return st;
	if (st != DYAD_OK)
		return failed_spec(r, spec, st);
	struct dyad_input *in = &r->input;
	memset(in, 0, sizeof *in);
	struct dyad__facts none = {0};
	const struct dyad__facts *given = spec->given ? spec->given : &none;
	const struct dyad__facts *found = &none;
	struct dyad__html_page page;
	if (spec->read_as == DYAD_FORMAT_HTML) {
		st = dyad__html_reduce(r->engine, r->text.data, r->text.len, &r->arena,
		                       &page, r->errmsg);
		if (st == DYAD_ENOMEM)
			return st;
		if (st != DYAD_OK)
			return failed_spec(r, spec, st);
		in->text = page.text;
		in->text_len = page.text_len;
		in->head_lines = page.head_lines;
		found = &page.facts;
	} else {
		in->text = r->text.data;
		in->text_len = r->text.len;
	}
	in->path = dyad_arena_strdup(&r->arena, spec->path);
	if (!in->path)
		return DYAD_ENOMEM;
	in->format = spec->report_as;
	in->status = DYAD_OK;
	in->url = pick(given->url, found->url);
	in->title = pick(given->title, found->title);
	in->published = pick(given->published, found->published);
	in->source = pick(given->source, found->source);
	in->author = pick(given->author, found->author);
	return DYAD_OK;
}

static void too_big_message(dyad_reader *r, const char *what)
{
	int n = snprintf(r->errmsg, sizeof r->errmsg,
	                 "%s larger than the %zu MiB limit (DYAD_MAX_DOC_BYTES)",
	                 what, (size_t)DYAD_MAX_DOC_BYTES / READER_MIB);
	(void)n;
}

/* ---- JSON Lines --------------------------------------------------------- */

static char *line_path(dyad_reader *r)
{
	size_t n = strlen(r->jsonl_path) + READER_LINE_SUFFIX;
	char *path = dyad_arena_alloc(&r->arena, n);
	if (path) {
		int k = snprintf(path, n, "%s:%zu", r->jsonl_path, r->line_no);
		(void)k;
	}
	return path;
}

/* The next document of the JSON Lines file: DYAD_OK, DYAD_DONE, DYAD_ENOMEM. */
static dyad_status jsonl_next(dyad_reader *r)
{
	if (r->jsonl_broken)
		return DYAD_DONE;
	for (;;) {
		int too_long = 0;
		dyad_status st = dyad__source_read_line(&r->src, &r->line,
		                                        DYAD_JSONL_MAX_LINE, &too_long,
		                                        r->errmsg);
		if (st == DYAD_DONE || st == DYAD_ENOMEM)
			return st;
		if (st != DYAD_OK) {
			/* The rest of the file is lost: one failed document says so. */
			r->jsonl_broken = 1;
			r->line_no++;
			char *path = line_path(r);
			if (!path)
				return DYAD_ENOMEM;
			return failed(r, path, DYAD_FORMAT_JSONL, st, r->errmsg);
		}
		r->line_no++;
		const char *s = r->line.data ? r->line.data : "";
		size_t n = r->line.len;
		if (r->line_no == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
			s += 3;
			n -= 3;
		}
		if (dyad__jsonl_blank(s, n))
			continue;
		char *path = line_path(r);
		if (!path)
			return DYAD_ENOMEM;
		if (too_long) {
			int k = snprintf(r->errmsg, sizeof r->errmsg,
			                 "line %zu: longer than the %zu MiB limit of a line",
			                 r->line_no, DYAD_JSONL_MAX_LINE / READER_MIB);
			(void)k;
			return failed(r, path, DYAD_FORMAT_JSONL, DYAD_ETOOBIG, r->errmsg);
		}
		struct dyad__jsonl_record rec;
		st = dyad__jsonl_parse(s, n, r->line_no, &r->arena, &rec, r->errmsg);
		if (st == DYAD_ENOMEM)
			return st;
		if (st != DYAD_OK)
			return failed(r, path, DYAD_FORMAT_JSONL, st, r->errmsg);
		struct doc_spec spec = {
			.path = rec.path ? rec.path : path,
			.read_as = rec.text ? DYAD_FORMAT_TEXT : DYAD_FORMAT_HTML,
			.report_as = DYAD_FORMAT_JSONL,
			.given = &rec.facts,
			.line_no = r->line_no,
		};
		st = rec.text ? build_doc(r, &spec, rec.text, rec.text_len)
		              : build_doc(r, &spec, rec.html, rec.html_len);
		if (st == DYAD_OK && r->input.status == DYAD_OK && rec.warning)
			r->input.warning = rec.warning; /* in the arena, like rec */
		return st;
	}
}

/* ---- files and paths ---------------------------------------------------- */

/*
 * Read one file: DYAD_OK with r->input ready, DYAD_DONE when it turned out
 * to be JSON Lines (its lines come from jsonl_next), or DYAD_ENOMEM.
 */
static dyad_status read_file(dyad_reader *r, const char *path)
{
	dyad_status st = dyad__source_open(&r->src, path, r->errmsg);
	if (st == DYAD_ENOMEM)
		return st;
	if (st != DYAD_OK)
		return failed(r, path, r->format, st, r->errmsg);
	const char *head;
	size_t head_len;
	st = dyad__source_peek(&r->src, &head, &head_len, r->errmsg);
	if (st != DYAD_OK) {
		dyad__source_close(&r->src);
		return st == DYAD_ENOMEM ? st : failed(r, path, r->format, st, r->errmsg);
	}
	enum dyad_format format = r->format != DYAD_FORMAT_AUTO
	                          ? r->format
	                          : dyad__format_guess(path, head, head_len);
	if (format == DYAD_FORMAT_JSONL) {
		r->jsonl_path = dyad__strdup(path);
		if (!r->jsonl_path) {
			dyad__source_close(&r->src);
			return DYAD_ENOMEM;
		}
		r->in_jsonl = 1;
		r->jsonl_broken = 0;
		r->line_no = 0;
		return DYAD_DONE;
	}
	char charset[READER_CHARSET_MAX] = "";
	if (format == DYAD_FORMAT_HTML)
		dyad__html_charset(head, head_len, charset, sizeof charset);
	int gzip = r->src.is_gzip;
	st = dyad__source_read_all(&r->src, &r->raw, r->errmsg);
	dyad__source_close(&r->src);
	if (st == DYAD_ETOOBIG)
		too_big_message(r, gzip ? "inflated data"
		                   : strcmp(path, "-") == 0 ? "standard input" : "file");
	if (st == DYAD_ENOMEM)
		return st;
	if (st != DYAD_OK)
		return failed(r, path, format, st, r->errmsg);
	struct doc_spec spec = {
		.path = path,
		.read_as = format,
		.report_as = format,
		.charset = charset[0] ? charset : NULL,
	};
	return build_doc(r, &spec, r->raw.data ? r->raw.data : "", r->raw.len);
}

/* A path given to the reader: a file, a folder to walk, or "-". */
static dyad_status read_path(dyad_reader *r, const char *path)
{
	if (strcmp(path, "-") == 0)
		return read_file(r, path);
	struct stat st;
	if (stat(path, &st) != 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			return failed(r, path, r->format, DYAD_ENOENT,
			              "no such file or folder");
		int n = snprintf(r->errmsg, sizeof r->errmsg, "cannot read: %s",
		                 strerror(errno));
		(void)n;
		return failed(r, path, r->format, DYAD_EIO, r->errmsg);
	}
	if (!S_ISDIR(st.st_mode))
		return read_file(r, path);
	dyad_status rc = dyad__walk_push(&r->walk, path, r->errmsg);
	if (rc == DYAD_ENOMEM)
		return rc;
	if (rc != DYAD_OK)
		return failed(r, path, r->format, rc, r->errmsg);
	r->walking = 1;
	return DYAD_DONE;
}

dyad_status dyad_reader_next(dyad_reader *r, const struct dyad_input **out)
{
	*out = NULL;
	if (!r)
		return DYAD_EINVAL;
	begin_document(r);
	for (;;) {
		dyad_status st;
		if (r->in_jsonl) {
			st = jsonl_next(r);
			if (st == DYAD_DONE) {
				end_jsonl(r);
				continue;
			}
		} else if (r->walking) {
			char *found = NULL;
			st = dyad__walk_next(&r->walk, &found, r->errmsg);
			if (st == DYAD_DONE) {
				r->walking = 0;
				continue;
			}
			if (st == DYAD_OK)
				st = read_file(r, found);
			else if (st != DYAD_ENOMEM)
				st = failed(r, found, r->format, st, r->errmsg);
			dyad__free(found);
		} else {
			if (r->next_path == r->n_paths)
				return DYAD_DONE;
			st = read_path(r, r->paths[r->next_path++]);
		}
		if (st == DYAD_DONE)
			continue;
		if (st != DYAD_OK)
			return st;
		*out = &r->input;
		return DYAD_OK;
	}
}
