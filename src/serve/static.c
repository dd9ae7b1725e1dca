/*
 * static.c - the page's files (web/ and the libraries install-deps put in
 * web/vendor/), served from one folder: "/" is index.html, any other path
 * names a file under the folder. Only plain names are taken (letters,
 * digits, '.', '-', '_', '/'; no segment starting with '.'), so a request
 * can never leave the folder.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "serve/handlers.h"

/* The largest file served (the vendored libraries are well under it). */
#define DYAD_STATIC_MAX (8u << 20)
#define DYAD_STATIC_PATH_MAX 4096

static const struct {
	const char *ext, *type;
} types[] = {
	{".html", "text/html; charset=utf-8"},
	{".js", "text/javascript; charset=utf-8"},
	{".css", "text/css; charset=utf-8"},
	{".svg", "image/svg+xml"},
	{".png", "image/png"},
	{".json", "application/json; charset=utf-8"},
	{".yaml", "text/plain; charset=utf-8"},
	{".txt", "text/plain; charset=utf-8"},
};

static const char *type_of(const char *path)
{
	const char *dot = strrchr(path, '.');
	for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
		if (strcmp(dot, types[i].ext) == 0)
			return types[i].type;
	return NULL;
}

static int plain_name(const char *p)
{
	if (*p != '/')
		return 0;
	for (const char *s = p; *s; s++) {
		char c = *s;
		if (c == '/' && (s[1] == '.' || s[1] == '/' || s[1] == '\0'))
			return 0;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' || c == '/'))
			return 0;
	}
	return 1;
}

static int read_file(const char *path, struct dyad__response *resp)
{
	int fd = open(path, O_RDONLY);
	struct stat st;
	if (fd < 0)
		return 0;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > DYAD_STATIC_MAX ||
	    dyad_buf_reserve(&resp->body, (size_t)st.st_size) != DYAD_OK) {
		close(fd);
		return 0;
	}
	for (;;) {
		char chunk[16384];
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n <= 0)
			break;
		dyad_buf_append(&resp->body, chunk, (size_t)n);
	}
	close(fd);
	return 1;
}

void dyad__api_static(const struct dyad__api *api, dyad_store *store,
                      struct dyad__request *req, const char *rest,
                      struct dyad__response *resp)
{
	char path[DYAD_STATIC_PATH_MAX];
	(void)store;
	(void)req;
	const char *name = strcmp(rest, "/") == 0 ? "/index.html" : rest;
	const char *type = type_of(name);
	if (!api->web_dir || !plain_name(name) || !type) {
		dyad__api_error(resp, 404, "no such page: %s", rest);
		return;
	}
	int n = snprintf(path, sizeof path, "%s%s", api->web_dir, name);
	dyad_buf_reset(&resp->body);
	if (n < 0 || (size_t)n >= sizeof path || !read_file(path, resp)) {
		dyad__api_error(resp, 404, "no such page: %s", rest);
		return;
	}
	resp->status = 200;
	resp->type = type;
}
