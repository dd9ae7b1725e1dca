/*
 * api_extract.c - POST /api/extract: an article pasted as the request
 * body (plain text or HTML) goes through the whole reading and extraction
 * pipeline, and the extract JSON (the output contract, as 'dyad extract'
 * writes it) comes back. Nothing is stored.
 *
 * The body is written to a temporary file and read with the library's
 * reader, so that it is decoded, its format guessed and its HTML reduced
 * exactly as a file given to 'dyad extract' would be. The engine is loaded
 * once when the server starts; extractions take turns on it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "serve/handlers.h"

/* Room for "DIR/dyad-extract-XXXXXX.html". */
#define DYAD_TMP_PATH_MAX 4096

static int is_html(const char *content_type)
{
	return content_type && (strncmp(content_type, "text/html", 9) == 0 ||
	                        strncmp(content_type, "application/xhtml", 17) == 0);
}

/* The body in a new temporary file; its name in path. 0 on failure. */
static int write_body(const struct dyad__api *api, const struct dyad__request *req,
                      char *path)
{
	const char *dir = api->tmp_dir ? api->tmp_dir : getenv("TMPDIR");
	const char *ext = is_html(req->content_type) ? ".html" : ".txt";
	int n = snprintf(path, DYAD_TMP_PATH_MAX, "%s/dyad-extract-XXXXXX%s",
	                 dir && dir[0] ? dir : "/tmp", ext);
	if (n < 0 || n >= DYAD_TMP_PATH_MAX)
		return 0;
	int fd = mkstemps(path, (int)strlen(ext));
	if (fd < 0)
		return 0;
	size_t done = 0;
	while (done < req->body_len) {
		ssize_t w = write(fd, req->body + done, req->body_len - done);
		if (w <= 0)
			break;
		done += (size_t)w;
	}
	if (close(fd) != 0 || done != req->body_len) {
		unlink(path);
		return 0;
	}
	return 1;
}

static dyad_status write_doc(FILE *out, const void *doc)
{
	return dyad_doc_write_json(doc, out);
}

/* Read the file and extract its one document into resp. */
static void extract_file(const struct dyad__api *api, const char *path,
                         struct dyad__response *resp)
{
	dyad_reader *reader;
	const struct dyad_input *input;
	struct dyad_doc *doc = NULL;
	const char *paths[1] = {path};
	if (dyad_reader_open(paths, 1, DYAD_FORMAT_AUTO, &reader) != DYAD_OK) {
		dyad__api_error(resp, 503, "out of memory");
		return;
	}
	dyad_status st = dyad_reader_next(reader, &input);
	if (st == DYAD_OK && input->status != DYAD_OK) {
		dyad__api_error(resp, 400, "the body cannot be read as an article: %s",
		                input->error ? input->error : dyad_strerror(input->status));
	} else if (st == DYAD_OK) {
		pthread_mutex_lock(api->engine_lock);
		st = dyad_extract(api->engine, input, &doc);
		pthread_mutex_unlock(api->engine_lock);
	}
	if (st != DYAD_OK) {
		dyad__api_error(resp, st == DYAD_DONE ? 400 : 503, "cannot extract: %s",
		                dyad_strerror(st));
	} else if (doc) {
		doc->path = NULL; /* the temporary file means nothing to the client */
		dyad__api_json(resp);
		st = dyad__api_capture(&resp->body, write_doc, doc);
		dyad_buf_putc(&resp->body, '\n');
		if (st != DYAD_OK)
			dyad__api_error(resp, 503, "cannot write the result: %s", dyad_strerror(st));
	}
	dyad_doc_free(doc);
	dyad_reader_free(reader);
}

void dyad__api_extract(const struct dyad__api *api, dyad_store *store,
                       struct dyad__request *req, const char *rest,
                       struct dyad__response *resp)
{
	char path[DYAD_TMP_PATH_MAX];
	(void)store;
	(void)rest;
	if (dyad__api_unknown(req, resp))
		return;
	if (req->body_len > DYAD_SERVE_MAX_BODY) {
		dyad__api_error(resp, 413, "the body has %zu bytes; at most %u are taken",
		                req->body_len, DYAD_SERVE_MAX_BODY);
		return;
	}
	if (req->body_len == 0) {
		dyad__api_error(resp, 400, "the body is empty: post the article's text or HTML");
		return;
	}
	if (!api->engine) {
		dyad__api_error(resp, 503, "extraction is not available on this server");
		return;
	}
	if (!write_body(api, req, path)) {
		dyad__api_error(resp, 503, "cannot keep the body in a temporary file");
		return;
	}
	extract_file(api, path, resp);
	unlink(path);
}
