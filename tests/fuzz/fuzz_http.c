/*
 * fuzz_http.c - libFuzzer target for the HTTP request handling of 'dyad
 * serve': the raw request target (path and query, percent-decoding, the
 * parameter limits; src/serve/request.c), then the API's routing, every
 * parameter parser and handler over a real database (src/serve/api*.c,
 * static.c, and through them the store's queries), exactly as the server
 * calls them after libmicrohttpd has framed the request.
 *
 * Input: "METHOD TARGET\n" then the body (for POST /api/extract; a first
 * body byte '<' sends it as text/html). Checks beyond the sanitizers': a
 * response has an HTTP status, every /api/ answer is one valid JSON
 * document (parsed with jansson), an error says which status it is, and a
 * page file is only ever served for a plain path.
 *
 * Built and run like every target here: `make fuzz` (FUZZ_SECONDS each)
 * and 10 seconds in `make check` (tests/fuzz/run), seeds in
 * tests/fuzz/seeds/http/, with tests/fuzz/http.dict as a dictionary when
 * run by hand (its first minute found one bug, since fixed: a method of
 * bytes that are not UTF-8 echoed into an error message made invalid JSON):
 *
 *   build-fuzz/fuzz_http -max_len=8192 -dict=tests/fuzz/http.dict \
 *     build-fuzz/corpus/http tests/fuzz/seeds/http
 *
 * It runs from the repository root: it builds its database from examples/
 * at start (in a temporary folder) and serves the page's files of web/.
 */
#include <jansson.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "dyad.h"
#include "serve/api.h"
#include "serve/request.h"

/* Longest method read from an input line. */
#define FUZZ_METHOD_MAX 16

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static dyad_engine *engine;
static dyad_store *store;
static pthread_mutex_t engine_lock = PTHREAD_MUTEX_INITIALIZER;
static struct dyad__api api;

/* The database of examples/, built once in a temporary folder. */
static void build_database(const char *path)
{
	const char *paths[1] = {"examples"};
	dyad_reader *reader;
	dyad_store *w;
	const struct dyad_input *in;
	char err[DYAD_ERRMSG_MAX];
	if (dyad_store_open(path, &w, err) != DYAD_OK ||
	    dyad_reader_open(paths, 1, DYAD_FORMAT_AUTO, &reader) != DYAD_OK) {
		fprintf(stderr, "fuzz_http: cannot build %s: %s\n", path, err);
		abort();
	}
	while (dyad_reader_next(reader, &in) == DYAD_OK) {
		struct dyad_doc *doc;
		if (dyad_extract(engine, in, &doc) == DYAD_OK) {
			dyad_store_put(w, doc, NULL);
			dyad_doc_free(doc);
		}
	}
	dyad_reader_free(reader);
	dyad_store_close(w);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char err[DYAD_ERRMSG_MAX];
	static char dir[] = "/tmp/dyad-fuzz-http-XXXXXX";
	static char path[sizeof dir + 16];
	(void)argc;
	(void)argv;
	if (dyad_engine_open(NULL, &engine, err) != DYAD_OK || !mkdtemp(dir)) {
		fprintf(stderr, "fuzz_http: %s\n", err);
		abort();
	}
	snprintf(path, sizeof path, "%s/t.db", dir);
	build_database(path);
	if (dyad_store_open_readonly(path, &store, err) != DYAD_OK) {
		fprintf(stderr, "fuzz_http: %s\n", err);
		abort();
	}
	dyad_store_set_time_limit(store, 2000);
	api.engine = engine;
	api.engine_lock = &engine_lock;
	api.web_dir = "web";
	api.tmp_dir = dir;
	return 0;
}

static void check_response(const struct dyad__request *req, const struct dyad__response *resp)
{
	if (resp->status < 200 || resp->status > 599 || !resp->type)
		abort();
	if (strncmp(resp->type, "application/json", 16) != 0) {
		/* A page file: only for a plain path inside the web folder. */
		if (resp->status != 200 || strstr(req->path, "..") || strstr(req->path, "//"))
			abort();
		return;
	}
	json_error_t jerr;
	json_t *j = json_loadb(resp->body.data ? resp->body.data : "", resp->body.len, 0, &jerr);
	if (!j) {
		fprintf(stderr, "not JSON (%s): %.*s\n", jerr.text, (int)resp->body.len,
		        resp->body.data);
		abort();
	}
	json_t *status = json_object_get(j, "status");
	if (resp->status >= 400 &&
	    (!json_is_integer(status) || json_integer_value(status) != resp->status ||
	     !json_is_string(json_object_get(j, "error"))))
		abort();
	json_decref(j);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[DYAD_ERRMSG_MAX], method[FUZZ_METHOD_MAX];
	const char *bytes = (const char *)data;
	const char *nl = memchr(bytes, '\n', size), *sp = memchr(bytes, ' ', size);
	if (!nl || !sp || sp > nl || (size_t)(sp - bytes) >= sizeof method)
		return 0;
	memcpy(method, bytes, (size_t)(sp - bytes));
	method[sp - bytes] = '\0';
	size_t n_target = (size_t)(nl - sp - 1);
	char *target = malloc(n_target + 1);
	struct dyad__request *req = malloc(sizeof *req);
	if (!target || !req)
		abort();
	memcpy(target, sp + 1, n_target);
	target[n_target] = '\0';
	req->method = method;
	if (dyad__request_parse_target(req, target, err) == DYAD_OK) {
		req->body = nl + 1;
		req->body_len = size - (size_t)(nl + 1 - bytes);
		req->content_type = req->body_len && req->body[0] == '<' ? "text/html" : NULL;
		struct dyad__response resp = {0, NULL, {0}, NULL};
		dyad_buf_init(&resp.body, 0);
		dyad__api_handle(&api, store, req, &resp);
		check_response(req, &resp);
		dyad_buf_release(&resp.body);
	} else if (!err[0]) {
		abort(); /* a refusal says why */
	}
	free(req);
	free(target);
	return 0;
}
