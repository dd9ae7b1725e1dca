/*
 * model.c - gold files and output documents as score.py sees them (see
 * model.h). Each builder mirrors one block of score.py; the comments quote
 * the Python expression a field reproduces.
 */
#include "eval/model.h"

#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/vec.h"
#include "eval/fold.h"
#include "eval/pyrepr.h"

/* Room for (source, target, root) in a gold event. */
#define GOLD_TRIPLE_LEN 3

/* ---- small helpers --------------------------------------------------- */

/* Copy what buf holds into the arena and empty buf for the next use. */
static dyad_status keep(struct dyad_arena *arena, struct dyad_buf *buf,
                        const char **out)
{
	*out = NULL;
	if (buf->error != DYAD_OK)
		return buf->error;
	char *s = dyad_arena_strndup(arena, buf->data ? buf->data : "", buf->len);
	dyad_buf_reset(buf);
	if (!s)
		return DYAD_ENOMEM;
	*out = s;
	return DYAD_OK;
}

/* actor(v): "" when falsy, the code or "IGO" for a string, and "IGO" for
 * any other value, whose str() can never be a country code. */
static dyad_status actor_of(const json_t *v, const char **out)
{
	if (!dyad__eval_truthy(v)) {
		*out = "";
		return DYAD_OK;
	}
	if (!json_is_string(v)) {
		*out = "IGO";
		return DYAD_OK;
	}
	return dyad__eval_actor(json_string_value(v), json_string_length(v), out);
}

typedef dyad_status (*fold_fn)(const char *s, size_t n, struct dyad_buf *out);

/* fold(v or ""): NULL when v is truthy but no string. */
static dyad_status folded(struct dyad_arena *arena, struct dyad_buf *buf,
                          const json_t *v, fold_fn fold, const char **out)
{
	*out = NULL;
	if (dyad__eval_truthy(v) && !json_is_string(v))
		return DYAD_OK;
	const char *s = v && json_is_string(v) ? json_string_value(v) : "";
	size_t n = v && json_is_string(v) ? json_string_length(v) : 0;
	dyad_buf_reset(buf);
	dyad_status st = fold(s, n, buf);
	if (st == DYAD_OK)
		st = dyad_buf_append(buf, "", 0);
	return st == DYAD_OK ? keep(arena, buf, out) : st;
}

/* (v or "")[:cps]: NULL when v is truthy but no string. */
static dyad_status prefix_of(struct dyad_arena *arena, const json_t *v,
                             size_t cps, const char **out)
{
	*out = NULL;
	if (!dyad__eval_truthy(v)) {
		*out = "";
		return DYAD_OK;
	}
	if (!json_is_string(v))
		return DYAD_OK;
	const char *s = json_string_value(v);
	size_t n = dyad__eval_cp_prefix(s, json_string_length(v), cps);
	*out = dyad_arena_strndup(arena, s, n);
	return *out ? DYAD_OK : DYAD_ENOMEM;
}

static dyad_status repr_of(struct dyad_arena *arena, struct dyad_buf *buf,
                           const json_t *v, const char **out)
{
	dyad_buf_reset(buf);
	dyad__eval_repr_json(buf, v);
	return keep(arena, buf, out);
}

static dyad_status str_of(struct dyad_arena *arena, struct dyad_buf *buf,
                          const json_t *v, const char **out)
{
	dyad_buf_reset(buf);
	dyad__eval_str_json(buf, v);
	return keep(arena, buf, out);
}

size_t dyad__eval_path_root(const char *path, size_t len, int base_only,
                            size_t *start)
{
	size_t name = 0;
	for (size_t i = 0; i < len; i++)
		if (path[i] == '/')
			name = i + 1;
	*start = base_only ? name : 0;
	size_t dot = len;
	for (size_t i = name; i < len; i++)
		if (path[i] == '.')
			dot = i;
	if (dot == len)
		return len - *start;
	/* a name made of leading dots has no extension */
	for (size_t i = name; i < dot; i++)
		if (path[i] != '.')
			return dot - *start;
	return len - *start;
}

/* ---- name keys ------------------------------------------------------- */

struct keys {
	struct dyad_arena *arena;
	struct dyad_buf *buf;
	const char **items; /* heap while collecting */
	size_t n, alloc;
	const char *last;   /* the last token's skeleton (gold surnames) */
	int only_last;
};

static dyad_status add_key(void *ctx, const char *tok, size_t len)
{
	struct keys *k = ctx;
	dyad_buf_reset(k->buf);
	dyad_status st = dyad__eval_skel(tok, len, k->buf);
	if (st != DYAD_OK)
		return st;
	if (k->only_last)
		return keep(k->arena, k->buf, &k->last);
	if (k->buf->len == 0) /* name_keys() leaves empty skeletons out */
		return DYAD_OK;
	const char *key;
	if ((st = keep(k->arena, k->buf, &key)) != DYAD_OK)
		return st;
	const char **slot = DYAD_VEC_PUSH(&k->items, &k->n, &k->alloc);
	if (!slot)
		return DYAD_ENOMEM;
	*slot = key;
	return DYAD_OK;
}

/* Move the collected keys into the arena. */
static dyad_status keys_finish(struct keys *k, const char ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (k->n) {
		*out = dyad_arena_calloc(k->arena, k->n, sizeof **out);
		if (!*out)
			return DYAD_ENOMEM;
		memcpy(*out, k->items, k->n * sizeof **out);
		*n = k->n;
	}
	dyad__free(k->items);
	k->items = NULL;
	k->n = k->alloc = 0;
	return DYAD_OK;
}

/* ---- gold ------------------------------------------------------------ */

static dyad_status bad_gold(char *errmsg, const char *what)
{
	if (errmsg)
		snprintf(errmsg, DYAD_ERRMSG_MAX, "%s", what);
	return DYAD_EFORMAT;
}

/* events_required / events_optional: [[SRC, TGT, RR], ...]. */
static dyad_status gold_triples(struct dyad_arena *arena, const json_t *list,
                                int distinct, struct dyad__eval_set *out,
                                char *errmsg)
{
	out->items = NULL;
	out->n = 0;
	if (!list || json_is_null(list))
		return DYAD_OK;
	if (!json_is_array(list))
		return bad_gold(errmsg, "events are not a list");
	size_t n = json_array_size(list), kept = 0;
	struct dyad__eval_triple *items =
		n ? dyad_arena_calloc(arena, n, sizeof *items) : NULL;
	if (n && !items)
		return DYAD_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		const json_t *e = json_array_get(list, i);
		const json_t *root = json_array_get(e, 2);
		if (!json_is_array(e) || json_array_size(e) != GOLD_TRIPLE_LEN ||
		    !json_is_string(root))
			return bad_gold(errmsg, "an event is not [\"SRC\", \"TGT\", \"RR\"]");
		struct dyad__eval_triple t = {NULL, NULL, NULL, 1.0};
		dyad_status st = actor_of(json_array_get(e, 0), &t.src);
		if (st == DYAD_OK)
			st = actor_of(json_array_get(e, 1), &t.tgt);
		if (st != DYAD_OK)
			return st;
		t.root = dyad_arena_strdup(arena, json_string_value(root));
		if (!t.root)
			return DYAD_ENOMEM;
		t = dyad__eval_canon(t);
		/* required events within one actor are not scored */
		if (!distinct || strcmp(t.src, t.tgt) != 0)
			items[kept++] = t;
	}
	dyad__eval_set_make(out, items, kept);
	return DYAD_OK;
}

static dyad_status gold_person(struct dyad_arena *arena, struct dyad_buf *buf,
                               const json_t *gp,
                               struct dyad__eval_gold_person *out, char *errmsg)
{
	const json_t *names = json_object_get(gp, "names");
	if (!json_is_object(gp) || !json_is_array(names))
		return bad_gold(errmsg, "a person has no \"names\" list");
	dyad_status st = actor_of(json_object_get(gp, "country"), &out->actor);
	if (st != DYAD_OK)
		return st;
	size_t n = json_array_size(names);
	out->first_name = "";
	out->surnames = n ? dyad_arena_calloc(arena, n, sizeof *out->surnames) : NULL;
	out->n_surnames = 0;
	if (n && !out->surnames)
		return DYAD_ENOMEM;
	struct keys k = {arena, buf, NULL, 0, 0, NULL, 1};
	for (size_t i = 0; i < n; i++) {
		const json_t *name = json_array_get(names, i);
		if (!json_is_string(name))
			return bad_gold(errmsg, "a person name is not a string");
		if (i == 0)
			out->first_name = json_string_value(name);
		/* the surname is the last token of each gold name */
		k.last = NULL;
		st = dyad__eval_tokens(json_string_value(name),
		                       json_string_length(name), 0, add_key, &k);
		if (st != DYAD_OK)
			return st;
		if (k.last)
			out->surnames[out->n_surnames++] = k.last;
	}
	if (*out->first_name)
		out->first_name = dyad_arena_strdup(arena, out->first_name);
	return out->first_name ? DYAD_OK : DYAD_ENOMEM;
}

static dyad_status gold_meta(struct dyad_arena *arena, struct dyad_buf *buf,
                             const json_t *g, struct dyad__eval_gold *out,
                             char *errmsg)
{
	const json_t *doc = json_object_get(g, "doc");
	const json_t *lang = json_object_get(g, "lang");
	if (!json_is_string(doc))
		return bad_gold(errmsg, "\"doc\" is not a string");
	if (!json_is_string(lang))
		return bad_gold(errmsg, "\"lang\" is not a string");
	size_t start, n = dyad__eval_path_root(json_string_value(doc),
	                                       json_string_length(doc), 0, &start);
	out->key = dyad_arena_strndup(arena, json_string_value(doc), n);
	out->lang = dyad_arena_strdup(arena, json_string_value(lang));
	if (!out->key || !out->lang)
		return DYAD_ENOMEM;
	out->published = NULL;
	if (!dyad__eval_truthy(json_object_get(g, "published_optional"))) {
		const json_t *pub = json_object_get(g, "published");
		if (!json_is_string(pub))
			return bad_gold(errmsg, "\"published\" is not a string");
		out->published = dyad_arena_strdup(arena, json_string_value(pub));
		if (!out->published)
			return DYAD_ENOMEM;
	}
	const json_t *sources = json_object_get(g, "source");
	out->sources = NULL;
	out->n_sources = 0;
	if (dyad__eval_truthy(sources)) {
		if (!json_is_array(sources))
			return bad_gold(errmsg, "\"source\" is not a list");
		size_t n_src = json_array_size(sources);
		out->sources = dyad_arena_calloc(arena, n_src, sizeof *out->sources);
		if (!out->sources)
			return DYAD_ENOMEM;
		for (size_t i = 0; i < n_src; i++) {
			const json_t *s = json_array_get(sources, i);
			if (!json_is_string(s))
				return bad_gold(errmsg, "a \"source\" is not a string");
			dyad_status st = folded(arena, buf, s, dyad__eval_latin,
			                        &out->sources[i]);
			if (st != DYAD_OK)
				return st;
		}
		out->n_sources = n_src;
	}
	const json_t *title = json_object_get(g, "title");
	out->title = NULL;
	if (dyad__eval_truthy(title)) {
		if (!json_is_string(title))
			return bad_gold(errmsg, "\"title\" is not a string");
		return folded(arena, buf, title, dyad__eval_norm_title, &out->title);
	}
	return DYAD_OK;
}

static dyad_status gold_build(struct dyad_arena *arena, struct dyad_buf *buf,
                              const json_t *g, struct dyad__eval_gold *out,
                              char *errmsg)
{
	if (!json_is_object(g))
		return bad_gold(errmsg, "not a JSON object");
	dyad_status st = gold_meta(arena, buf, g, out, errmsg);
	if (st != DYAD_OK)
		return st;
	const json_t *persons = json_object_get(g, "persons");
	size_t n = json_array_size(persons);
	if (persons && !json_is_null(persons) && !json_is_array(persons))
		return bad_gold(errmsg, "\"persons\" is not a list");
	out->persons = n ? dyad_arena_calloc(arena, n, sizeof *out->persons) : NULL;
	out->n_persons = n;
	if (n && !out->persons)
		return DYAD_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		st = gold_person(arena, buf, json_array_get(persons, i),
		                 &out->persons[i], errmsg);
		if (st != DYAD_OK)
			return st;
	}
	const json_t *required = json_object_get(g, "events_required");
	if (!json_is_array(required))
		return bad_gold(errmsg, "\"events_required\" is not a list");
	st = gold_triples(arena, required, 1, &out->required, errmsg);
	if (st == DYAD_OK)
		st = gold_triples(arena, json_object_get(g, "events_optional"), 0,
		                  &out->optional, errmsg);
	return st;
}

dyad_status dyad__eval_gold_build(struct dyad_arena *arena, const json_t *g,
                                  struct dyad__eval_gold *out, char *errmsg)
{
	memset(out, 0, sizeof *out);
	struct dyad_buf buf;
	dyad_buf_init(&buf, 0);
	dyad_status st = gold_build(arena, &buf, g, out, errmsg);
	dyad_buf_release(&buf);
	return st;
}

/* ---- output documents ------------------------------------------------ */

/* One "person" entity: keys of its name, its actor, its verbose fields. */
static dyad_status pred_person(struct dyad_arena *arena, struct dyad_buf *buf,
                               const json_t *e, struct dyad__eval_person *out)
{
	const json_t *name = json_object_get(e, "name");
	const json_t *country = json_object_get(e, "country");
	dyad_status st = actor_of(country, &out->actor);
	if (st == DYAD_OK)
		st = repr_of(arena, buf, name, &out->name_shown);
	if (st == DYAD_OK)
		st = str_of(arena, buf, country, &out->country_shown);
	if (st != DYAD_OK || !json_is_string(name))
		return st;
	struct keys k = {arena, buf, NULL, 0, 0, NULL, 0};
	st = dyad__eval_tokens(json_string_value(name), json_string_length(name),
	                       1, add_key, &k);
	if (st == DYAD_OK)
		return keys_finish(&k, &out->keys, &out->n_keys);
	dyad__free(k.items);
	return st;
}

static dyad_status pred_persons(struct dyad_arena *arena, struct dyad_buf *buf,
                                const json_t *entities,
                                struct dyad__eval_pred *out)
{
	size_t n = json_array_size(entities), n_persons = 0;
	for (size_t i = 0; i < n; i++) {
		const json_t *kind = json_object_get(json_array_get(entities, i), "kind");
		n_persons += json_is_string(kind) &&
		             strcmp(json_string_value(kind), "person") == 0;
	}
	if (n_persons == 0)
		return DYAD_OK;
	out->persons = dyad_arena_calloc(arena, n_persons, sizeof *out->persons);
	if (!out->persons)
		return DYAD_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		const json_t *e = json_array_get(entities, i);
		const json_t *kind = json_object_get(e, "kind");
		if (!json_is_string(kind) || strcmp(json_string_value(kind), "person") != 0)
			continue;
		dyad_status st = pred_person(arena, buf, e, &out->persons[out->n_persons]);
		if (st != DYAD_OK)
			return st;
		out->n_persons++;
	}
	return DYAD_OK;
}

/* actor((e.get(side) or {}).get("country")) */
static dyad_status side_actor(const json_t *e, const char *side, const char **out)
{
	const json_t *party = json_object_get(e, side);
	return actor_of(json_is_object(party) ? json_object_get(party, "country")
	                                      : NULL,
	                out);
}

/* triples(d), made canonical. */
static dyad_status pred_events(struct dyad_arena *arena, struct dyad_buf *buf,
                               const json_t *events, struct dyad__eval_pred *out)
{
	size_t n = json_array_size(events), kept = 0;
	if (n == 0)
		return DYAD_OK;
	struct dyad__eval_triple *items = dyad_arena_calloc(arena, n, sizeof *items);
	if (!items)
		return DYAD_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		const json_t *e = json_array_get(events, i);
		if (!json_is_object(e))
			continue;
		/* str(e.get("code") or e.get("root") or "") */
		const json_t *code = json_object_get(e, "code");
		if (!dyad__eval_truthy(code))
			code = json_object_get(e, "root");
		if (!dyad__eval_truthy(code))
			continue;
		dyad_buf_reset(buf);
		dyad__eval_str_json(buf, code);
		if (buf->error != DYAD_OK)
			return buf->error;
		if (dyad__eval_cp_count(buf->data, buf->len) < DYAD_EVAL_ROOT_CPS)
			continue;
		struct dyad__eval_triple t;
		dyad_status st = side_actor(e, "source", &t.src);
		if (st == DYAD_OK)
			st = side_actor(e, "target", &t.tgt);
		if (st != DYAD_OK)
			return st;
		if (!*t.src || !*t.tgt || strcmp(t.src, t.tgt) == 0)
			continue;
		t.root = dyad_arena_strndup(arena, buf->data,
		                            dyad__eval_cp_prefix(buf->data, buf->len,
		                                                 DYAD_EVAL_ROOT_CPS));
		if (!t.root)
			return DYAD_ENOMEM;
		const json_t *conf = json_object_get(e, "confidence");
		t.confidence = json_is_number(conf) ? json_number_value(conf) : 1.0;
		items[kept++] = dyad__eval_canon(t);
	}
	dyad__eval_set_make(&out->events, items, kept);
	return DYAD_OK;
}

/* str(d.get('title'))[:60], as repr() shows it. */
static dyad_status title_shown(struct dyad_arena *arena, struct dyad_buf *buf,
                               const json_t *title, const char **out)
{
	struct dyad_buf str;
	dyad_buf_init(&str, 0);
	dyad__eval_str_json(&str, title);
	dyad_buf_append(&str, "", 0);
	dyad_status st = str.error;
	if (st == DYAD_OK) {
		dyad_buf_reset(buf);
		dyad__eval_repr_str(buf, str.data,
		                    dyad__eval_cp_prefix(str.data, str.len,
		                                         DYAD_EVAL_TITLE_SHOWN_CPS));
		st = keep(arena, buf, out);
	}
	dyad_buf_release(&str);
	return st;
}

static dyad_status pred_key(struct dyad_arena *arena, struct dyad_buf *buf,
                            const json_t *d, const char **key)
{
	/* str(d.get("path", "")): null is "None" */
	const json_t *path = json_object_get(d, "path");
	dyad_buf_reset(buf);
	if (path)
		dyad__eval_str_json(buf, path);
	dyad_buf_append(buf, "", 0);
	if (buf->error != DYAD_OK)
		return buf->error;
	size_t start, n = dyad__eval_path_root(buf->data, buf->len, 1, &start);
	*key = dyad_arena_strndup(arena, buf->data + start, n);
	return *key ? DYAD_OK : DYAD_ENOMEM;
}

static dyad_status pred_build(struct dyad_arena *arena, struct dyad_buf *buf,
                              const json_t *d, struct dyad__eval_pred *out,
                              const char **key)
{
	const json_t *title = json_object_get(d, "title");
	const json_t *published = json_object_get(d, "published");
	const json_t *source = json_object_get(d, "source");
	dyad_status st = pred_key(arena, buf, d, key);
	if (st == DYAD_OK)
		st = prefix_of(arena, json_object_get(d, "lang"), DYAD_EVAL_LANG_CPS,
		               &out->lang);
	if (st == DYAD_OK)
		st = prefix_of(arena, published, DYAD_EVAL_PUBLISHED_CPS, &out->published);
	if (st == DYAD_OK)
		st = folded(arena, buf, source, dyad__eval_latin, &out->source);
	if (st == DYAD_OK)
		st = folded(arena, buf, title, dyad__eval_norm_title, &out->title);
	if (st == DYAD_OK)
		st = repr_of(arena, buf, published, &out->published_shown);
	if (st == DYAD_OK)
		st = repr_of(arena, buf, source, &out->source_shown);
	if (st == DYAD_OK)
		st = title_shown(arena, buf, title, &out->title_shown);
	/* d.get("entities") or []: only a list can be walked */
	if (st == DYAD_OK)
		st = pred_persons(arena, buf, json_object_get(d, "entities"), out);
	if (st == DYAD_OK)
		st = pred_events(arena, buf, json_object_get(d, "events"), out);
	return st;
}

dyad_status dyad__eval_pred_build(struct dyad_arena *arena, const json_t *d,
                                  struct dyad__eval_pred *out, const char **key)
{
	memset(out, 0, sizeof *out);
	*key = NULL;
	struct dyad_buf buf;
	dyad_buf_init(&buf, 0);
	dyad_status st = pred_build(arena, &buf, d, out, key);
	dyad_buf_release(&buf);
	return st;
}

const struct dyad__eval_person *
dyad__eval_person_found(const struct dyad__eval_gold_person *gold,
                        const struct dyad__eval_pred *pred)
{
	for (size_t p = 0; p < pred->n_persons; p++) {
		const struct dyad__eval_person *person = &pred->persons[p];
		for (size_t k = 0; k < person->n_keys; k++)
			for (size_t s = 0; s < gold->n_surnames; s++)
				if (strcmp(person->keys[k], gold->surnames[s]) == 0)
					return person;
	}
	return NULL;
}
