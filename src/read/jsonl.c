/*
 * jsonl.c - parsing one JSON Lines record with jansson (see jsonl.h).
 *
 * "text" and "html" must be strings: they are the document. The other
 * known fields are facts about it, so one of the wrong type ("title": 7)
 * is ignored with a warning and the record is kept; "id" may also be a
 * number, any number (jansson refuses integers beyond 64 bits, so such a
 * line is read again with every integer as a real). Unknown fields are
 * ignored so that richer exports (with "lang", "tags", ...) read as they
 * are. A field that is present but null counts as not given.
 */
#include "read/jsonl.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

/* Room for a JSON number id written out in decimal ("%.17g" of a real). */
#define JSONL_ID_DIGITS 32

int dyad__jsonl_blank(const char *line, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r' &&
		    line[i] != '\n')
			return 0;
	return 1;
}

static const char *json_type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_INTEGER:
	case JSON_REAL: return "a number";
	case JSON_TRUE:
	case JSON_FALSE: return "a boolean";
	default: return "not a string";
	}
}

/* Note an ignored field in rec->warning (the first few, "; "-joined). */
static dyad_status warn(struct dyad_arena *arena, struct dyad__jsonl_record *rec,
                        const char *key, const json_t *v)
{
	char line[DYAD_ERRMSG_MAX];
	int n = snprintf(line, sizeof line, "%s%s\"%s\" is %s, not a string: ignored",
	                 rec->warning ? rec->warning : "", rec->warning ? "; " : "",
	                 key, json_type_name(v));
	(void)n; /* a cut warning is still a warning */
	rec->warning = dyad_arena_strdup(arena, line);
	return rec->warning ? DYAD_OK : DYAD_ENOMEM;
}

/* The string field key of obj: DYAD_OK with *out (arena) or NULL when absent.
 * A value of another type is an error when required, else a warning. */
static dyad_status string_field(json_t *obj, const char *key, int required,
                                struct dyad_arena *arena,
                                struct dyad__jsonl_record *rec, const char **out,
                                size_t *out_len, char *errmsg)
{
	*out = NULL;
	if (out_len)
		*out_len = 0;
	json_t *v = json_object_get(obj, key);
	if (!v || json_is_null(v))
		return DYAD_OK;
	if (!json_is_string(v)) {
		if (!required)
			return warn(arena, rec, key, v);
		int n = snprintf(errmsg, DYAD_ERRMSG_MAX, "line %zu: \"%s\" is %s, not a string",
		                 rec->line_no, key, json_type_name(v));
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

static dyad_status id_field(json_t *obj, struct dyad_arena *arena,
                            struct dyad__jsonl_record *rec, char *errmsg)
{
	json_t *v = json_object_get(obj, "id");
	char digits[JSONL_ID_DIGITS];
	int n = -1;
	if (json_is_integer(v))
		n = snprintf(digits, sizeof digits, "%" JSON_INTEGER_FORMAT,
		             json_integer_value(v));
	else if (json_is_real(v))
		n = snprintf(digits, sizeof digits, "%.17g", json_real_value(v));
	else
		return string_field(obj, "id", 0, arena, rec, &rec->id, NULL, errmsg);
	if (n < 0 || (size_t)n >= sizeof digits)
		return warn(arena, rec, "id", v);
	rec->id = dyad_arena_strdup(arena, digits);
	return rec->id ? DYAD_OK : DYAD_ENOMEM;
}

static dyad_status read_fields(json_t *obj, struct dyad_arena *arena,
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
		/* the first two are the document itself */
		dyad_status st = string_field(obj, fields[i].key, i < 2, arena, rec,
		                              fields[i].out, fields[i].len, errmsg);
		if (st != DYAD_OK)
			return st;
	}
	return id_field(obj, arena, rec, errmsg);
}

/* jansson's message for an integer it cannot hold. */
#define JSONL_TOO_BIG "too big integer"

static json_t *load(const char *line, size_t len, size_t line_no, char *errmsg)
{
	json_error_t err;
	json_t *root = json_loadb(line, len, 0, &err);
	if (!root && strstr(err.text, JSONL_TOO_BIG))
		root = json_loadb(line, len, JSON_DECODE_INT_AS_REAL, &err);
	if (!root) {
		int n = snprintf(errmsg, DYAD_ERRMSG_MAX, "line %zu: invalid JSON: %s",
		                 line_no, err.text);
		(void)n;
	}
	return root;
}

dyad_status dyad__jsonl_parse(const char *line, size_t len, size_t line_no,
                              struct dyad_arena *arena,
                              struct dyad__jsonl_record *rec, char *errmsg)
{
	memset(rec, 0, sizeof *rec);
	rec->line_no = line_no;
	while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == ' ' ||
	                   line[len - 1] == '\t'))
		len--;
	json_t *root = load(line, len, line_no, errmsg);
	if (!root)
		return DYAD_EFORMAT;
	dyad_status st;
	if (!json_is_object(root)) {
		int n = snprintf(errmsg, DYAD_ERRMSG_MAX,
		                 "line %zu: expected a JSON object", line_no);
		(void)n;
		st = DYAD_EFORMAT;
	} else {
		st = read_fields(root, arena, rec, errmsg);
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
