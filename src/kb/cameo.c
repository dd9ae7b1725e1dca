/*
 * cameo.c - the reader of data/cameo/: the CAMEO event ontology of
 * events.tsv (every code with its name, Goldstein value, QuadClass and
 * PLOVER category) and intent.tsv (what intending an act of each root is
 * coded as).
 */
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/vec.h"
#include "kb/engine.h"
#include "kb/tsv.h"

#define CAMEO_FILE "cameo/events.tsv"
#define INTENT_FILE "cameo/intent.tsv"

static int valid_code(const char *code)
{
	size_t n = strlen(code);
	if (n < 2 || n > 4)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (code[i] < '0' || code[i] > '9')
			return 0;
	int root = (code[0] - '0') * 10 + (code[1] - '0');
	return root >= 1 && root <= 20;
}

static int by_code(const void *a, const void *b)
{
	return strcmp(((const struct dyad_cameo_code *)a)->code,
	              ((const struct dyad_cameo_code *)b)->code);
}

static dyad_status load_intent(dyad_engine *engine, char *errmsg);

dyad_status dyad__cameo_load(dyad_engine *engine, char *errmsg)
{
	static const char *const cols[] = {"code", "goldstein", "quad", "plover", "name"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, &engine->arena, engine->data_dir, CAMEO_FILE, cols, 5,
	                                  errmsg);
	if (st != DYAD_OK)
		return st;
	struct dyad_cameo_code *codes = NULL;
	size_t n = 0, alloc = 0;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		char **f = tsv.fields;
		if (!f[0] || !valid_code(f[0])) {
			st = dyad_tsv_error(&tsv, "\"%s\": not a CAMEO code", f[0] ? f[0] : "-");
			goto out;
		}
		char *end;
		double goldstein = f[1] ? strtod(f[1], &end) : 0;
		if (!f[1] || *end || goldstein < -10 || goldstein > 10) {
			st = dyad_tsv_error(&tsv, "\"%s\": Goldstein value must be -10..10",
			                    f[1] ? f[1] : "-");
			goto out;
		}
		if (!f[2] || f[2][0] < '1' || f[2][0] > '4' || f[2][1]) {
			st = dyad_tsv_error(&tsv, "QuadClass must be 1..4");
			goto out;
		}
		struct dyad_cameo_code *c = DYAD_VEC_PUSH(&codes, &n, &alloc);
		if (!c) {
			st = DYAD_ENOMEM;
			goto out;
		}
		c->code = f[0];
		c->goldstein = goldstein;
		c->quad = f[2][0] - '0';
		c->plover = f[3] ? f[3] : "";
		c->name = f[4] ? f[4] : "";
	}
	if (st != DYAD_DONE)
		goto out;
	qsort(codes, n, sizeof *codes, by_code);
	engine->cameo.codes = dyad_arena_calloc(&engine->arena, n, sizeof *codes);
	st = DYAD_ENOMEM;
	if (!engine->cameo.codes)
		goto out;
	memcpy(engine->cameo.codes, codes, n * sizeof *codes);
	engine->cameo.n_codes = n;
	for (size_t i = 0; i < n; i++) {
		const char *code = engine->cameo.codes[i].code;
		int existed;
		if ((st = dyad_hash_put(&engine->cameo.by_code, code, strlen(code),
		                        (uint32_t)i, &existed, NULL)) != DYAD_OK)
			goto out;
		if (existed) {
			snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: code %s is listed twice", tsv.path,
			         code);
			st = DYAD_EDATA;
			goto out;
		}
	}
	st = load_intent(engine, errmsg);
out:
	dyad__free(codes);
	return st;
}

/* data/cameo/intent.tsv: what "plans to visit", "may sign" are coded as. */
static dyad_status load_intent(dyad_engine *engine, char *errmsg)
{
	static const char *const cols[] = {"root", "intent"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, &engine->arena, engine->data_dir, INTENT_FILE, cols, 2,
	                                  errmsg);
	if (st != DYAD_OK)
		return st;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		char **f = tsv.fields;
		int root = f[0] && strlen(f[0]) == 2 ? (f[0][0] - '0') * 10 + (f[0][1] - '0') : 0;
		if (root < 1 || root > 20)
			return dyad_tsv_error(&tsv, "\"%s\": not a CAMEO root", f[0] ? f[0] : "-");
		const char *code = f[1] ? f[1] : "-";
		if (strcmp(code, "keep") != 0 && strcmp(code, "drop") != 0 &&
		    !dyad__cameo_find(engine, code))
			return dyad_tsv_error(&tsv, "\"%s\": not a code of cameo/events.tsv, keep or drop",
			                      code);
		engine->cameo.intent_code[root] = code;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

const struct dyad_cameo_code *dyad__cameo_find(const dyad_engine *engine,
                                               const char *code)
{
	uint32_t i;
	if (!dyad_hash_get(&engine->cameo.by_code, code, strlen(code), &i))
		return NULL;
	return &engine->cameo.codes[i];
}

const struct dyad_cameo_code *dyad_cameo_codes(const dyad_engine *engine,
                                               size_t *n_codes)
{
	*n_codes = engine->cameo.n_codes;
	return engine->cameo.codes;
}
