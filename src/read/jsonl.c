/*
 * jsonl.c - parsing one JSON Lines record with jansson (see jsonl.h).
 *
 * Known fields must be strings ("id" may be a number); unknown fields are
 * ignored so that richer exports (with "lang", "tags", ...) read as they are.
 * A field that is present but null counts as not given.
 */
#include "read/jsonl.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

/* Room for a JSON integer id written out in decimal. */
#define JSONL_ID_DIGITS 24

int dyad__jsonl_blank(const char *line, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r' &&
		    line[i] != '\n')
			return 0;
	return 1;
}

/* The string field key of obj: DYAD_OK with *out (arena) or NULL when absent. */
static dyad_status string_field(json_t *obj, const char *key, size_t line_no,
                                struct dyad_arena *arena, const char **out,
                                size_t *out_len, char *errmsg)
{
	*out = NULL;
	if (out_len)
		*out_len = 0;
	json_t *v = json_object_get(obj, key);
	if (!v || json_is_null(v))
		return DYAD_OK;
	if (!json_is_string(v)) {
		int n = snprintf(errmsg, DYAD_ERRMSG_MAX,
		                 "line %zu: \"%s\" is not a string", line_no, key);
		(void)n;
		return DYAD_EFORMAT;
	}
	size_t len = json_string_length(v);
	char *copy = dyad_arena_strndup(arena, json_string_value(v), len);
	if (!copy)
		return DYAD_ENOMEM;
	*out = copy;
	if (out_len)
		*out_len = len;
	return DYAD_OK;
}

static dyad_status id_field(json_t *obj, size_t line_no,
                            struct dyad_arena *arena, const char **out,
                            char *errmsg)
{
	json_t *v = json_object_get(obj, "id");
	if (json_is_integer(v)) {
		char digits[JSONL_ID_DIGITS];
		int n = snprintf(digits, sizeof digits, "%" JSON_INTEGER_FORMAT,
		                 json_integer_value(v));
		if (n < 0 || (size_t)n >= sizeof digits)
			return DYAD_EFORMAT;
		*out = dyad_arena_strdup(arena, digits);
		return *out ? DYAD_OK : DYAD_ENOMEM;
	}
	return string_field(obj, "id", line_no, arena, out, NULL, errmsg);
}

static dyad_status read_fields(json_t *obj, size_t line_no,
                               struct dyad_arena *arena,
                               struct dyad__jsonl_record *rec, char *errmsg)
{
	struct {
		const char *key;
		const char **out;
		size_t *len;
	} fields[] = {
		{"text", &rec->text, &rec->text_len},
		{"html", &rec->html, &rec->html_len},
		{"url", &rec->facts.url, NULL},
		{"title", &rec->facts.title, NULL},
		{"published", &rec->facts.published, NULL},
		{"source", &rec->facts.source, NULL},
		{"author", &rec->facts.author, NULL},
		{"path", &rec->path, NULL},
	};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		dyad_status st = string_field(obj, fields[i].key, line_no, arena,
		                              fields[i].out, fields[i].len, errmsg);
		if (st != DYAD_OK)
			return st;
	}
	return id_field(obj, line_no, arena, &rec->id, errmsg);
}

dyad_status dyad__jsonl_parse(const char *line, size_t len, size_t line_no,
                              struct dyad_arena *arena,
                              struct dyad__jsonl_record *rec, char *errmsg)
{
	memset(rec, 0, sizeof *rec);
	while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == ' ' ||
	                   line[len - 1] == '\t'))
		len--;
	json_error_t err;
	json_t *root = json_loadb(line, len, 0, &err);
	if (!root) {
		int n = snprintf(errmsg, DYAD_ERRMSG_MAX, "line %zu: invalid JSON: %s",
		                 line_no, err.text);
		(void)n;
		return DYAD_EFORMAT;
	}
	dyad_status st;
	if (!json_is_object(root)) {
		int n = snprintf(errmsg, DYAD_ERRMSG_MAX,
		                 "line %zu: expected a JSON object", line_no);
		(void)n;
		st = DYAD_EFORMAT;
	} else {
		st = read_fields(root, line_no, arena, rec, errmsg);
	}
	json_decref(root);
	if (st == DYAD_ENOMEM) {
		int n = snprintf(errmsg, DYAD_ERRMSG_MAX, "out of memory");
		(void)n;
		return st;
	}
	if (st != DYAD_OK)
		return st;
	if (!rec->text && !rec->html) {
		int n = snprintf(errmsg, DYAD_ERRMSG_MAX,
		                 "line %zu: no \"text\" or \"html\" field", line_no);
		(void)n;
		return DYAD_EEMPTY;
	}
	return DYAD_OK;
}
