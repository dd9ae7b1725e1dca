/*
 * morph_oc.c - loading the OpenCorpora tables of pymorphy2's format
 * (morph_oc.h). The JSON files are read with jansson and turned into flat
 * arrays in one arena; strings become Windows-1251 bytes like the DAWG keys
 * so that a lemma is spelt by copying bytes.
 */
#include "kb/morph_oc.h"

#include <jansson.h>
#include <string.h>

#include "core/alloc.h"
#include "kb/morph_file.h"
#include "kb/morph_key.h"

/* File names inside the dictionary folder (pymorphy2's, as az ships them). */
#define FILE_GRAMMEMES "grammemes.json"
#define FILE_TAGS "gramtab-opencorpora-int.json"
#define FILE_PARADIGMS "paradigms.array"
#define FILE_ENDINGS "suffixes.json"
#define FILE_META "meta.json"

/* A JSON file of the folder, parsed; *root freed with json_decref. */
static dyad_status load_json(const char *dir, const char *name, json_t **root, char *path,
                             size_t path_cap, char *errmsg)
{
	*root = NULL;
	dyad_status st = dyad__morph_path(path, path_cap, dir, name, errmsg);
	if (st != DYAD_OK)
		return st;
	void *mem;
	size_t len;
	st = dyad__morph_read_file(path, &mem, &len, errmsg);
	if (st != DYAD_OK)
		return st;
	json_error_t err;
	*root = json_loadb(mem, len, 0, &err);
	dyad__free(mem);
	if (!*root)
		return dyad__morph_error(errmsg, DYAD_EDATA, path, "line %d: %s", err.line, err.text);
	if (!json_is_array(*root))
		return dyad__morph_error(errmsg, DYAD_EDATA, path, "expected a JSON array");
	return DYAD_OK;
}

/* Copy (s, len) into the arena as-is (ASCII names) or as 1251 key bytes. */
static int keep_str(struct dyad__oc *oc, const char *s, size_t len, int as_key,
                    struct dyad__oc_str *out)
{
	uint8_t *buf = dyad_arena_alloc(&oc->arena, len + 1);
	if (!buf)
		return -1;
	size_t n = len;
	if (as_key && len > 0) {
		n = dyad__key_encode(s, len, buf, len, NULL, NULL);
		if (n == 0)
			return 0;
	} else {
		memcpy(buf, s, len);
	}
	out->s = buf;
	out->len = (uint32_t)n;
	return 1;
}

int dyad__oc_grammeme(const struct dyad__oc *oc, const char *s, size_t len)
{
	for (size_t g = 0; g < oc->n_grammemes; g++)
		if (oc->grammemes[g].len == len && memcmp(oc->grammemes[g].s, s, len) == 0)
			return (int)g;
	return -1;
}

/* Each entry's second field names its parent ("" for none). */
static dyad_status link_parents(struct dyad__oc *oc, json_t *root, const char *path,
                                char *errmsg)
{
	for (size_t i = 0; i < oc->n_grammemes; i++) {
		const char *parent = json_string_value(json_array_get(json_array_get(root, i), 1));
		oc->parents[i] = -1;
		if (!parent || !*parent)
			continue;
		int p = dyad__oc_grammeme(oc, parent, strlen(parent));
		if (p < 0)
			return dyad__morph_error(errmsg, DYAD_EDATA, path,
			                         "entry %zu: unknown parent \"%s\"", i, parent);
		oc->parents[i] = (int16_t)p;
	}
	return DYAD_OK;
}

static dyad_status load_grammemes(struct dyad__oc *oc, const char *dir, char *errmsg)
{
	char path[DYAD_ERRMSG_MAX];
	json_t *root;
	dyad_status st = load_json(dir, FILE_GRAMMEMES, &root, path, sizeof path, errmsg);
	if (st != DYAD_OK)
		goto done;
	size_t n = json_array_size(root);
	if (n > DYAD__OC_MAX_GRAMMEMES) {
		st = dyad__morph_error(errmsg, DYAD_EDATA, path, "%zu grammemes, at most %d", n,
		                       DYAD__OC_MAX_GRAMMEMES);
		goto done;
	}
	oc->grammemes = dyad_arena_calloc(&oc->arena, n ? n : 1, sizeof *oc->grammemes);
	oc->parents = dyad_arena_calloc(&oc->arena, n ? n : 1, sizeof *oc->parents);
	if (!oc->grammemes || !oc->parents) {
		st = DYAD_ENOMEM;
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		const char *name = json_string_value(json_array_get(json_array_get(root, i), 0));
		if (!name || !*name) {
			st = dyad__morph_error(errmsg, DYAD_EDATA, path, "entry %zu has no name", i);
			goto done;
		}
		if (keep_str(oc, name, strlen(name), 0, &oc->grammemes[i]) < 0) {
			st = DYAD_ENOMEM;
			goto done;
		}
		oc->n_grammemes = i + 1;
	}
	st = link_parents(oc, root, path, errmsg);
done:
	json_decref(root);
	return st;
}

struct dyad__oc_gset dyad__oc_below(const struct dyad__oc *oc, unsigned g)
{
	struct dyad__oc_gset set = {{0, 0}};
	for (size_t c = 0; c < oc->n_grammemes; c++) {
		/* c is below g when g is on its chain of parents (at most n long). */
		int p = oc->parents[c];
		for (size_t depth = 0; p >= 0 && depth < oc->n_grammemes; depth++, p = oc->parents[p])
			if ((unsigned)p == g) {
				set.w[c >> 6] |= (uint64_t)1 << (c & 63);
				break;
			}
	}
	return set;
}

/* The grammemes of a tag's text ("NOUN,anim,masc sing,gent") as a set. */
static int parse_tag(const struct dyad__oc *oc, const char *s, struct dyad__oc_gset *set,
                     const char **bad, size_t *bad_len)
{
	memset(set, 0, sizeof *set);
	for (const char *p = s; *p;) {
		size_t n = strcspn(p, ", ");
		if (n > 0) {
			int g = dyad__oc_grammeme(oc, p, n);
			if (g < 0) {
				*bad = p;
				*bad_len = n;
				return 0;
			}
			set->w[g >> 6] |= (uint64_t)1 << (g & 63);
		}
		p += n;
		if (*p)
			p++;
	}
	return 1;
}

static dyad_status load_tags(struct dyad__oc *oc, const char *dir, char *errmsg)
{
	char path[DYAD_ERRMSG_MAX];
	json_t *root;
	dyad_status st = load_json(dir, FILE_TAGS, &root, path, sizeof path, errmsg);
	if (st != DYAD_OK)
		goto done;
	size_t n = json_array_size(root);
	oc->tag_sets = dyad_arena_calloc(&oc->arena, n ? n : 1, sizeof *oc->tag_sets);
	oc->tag_names = dyad_arena_calloc(&oc->arena, n ? n : 1, sizeof *oc->tag_names);
	if (!oc->tag_sets || !oc->tag_names) {
		st = DYAD_ENOMEM;
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		const char *text = json_string_value(json_array_get(root, i));
		const char *bad = "";
		size_t bad_len = 0;
		if (!text) {
			st = dyad__morph_error(errmsg, DYAD_EDATA, path, "tag %zu is not a string", i);
			goto done;
		}
		if (!parse_tag(oc, text, &oc->tag_sets[i], &bad, &bad_len)) {
			st = dyad__morph_error(errmsg, DYAD_EDATA, path, "tag %zu: unknown grammeme \"%.*s\"",
			                       i, (int)bad_len, bad);
			goto done;
		}
		if (keep_str(oc, text, strlen(text), 0, &oc->tag_names[i]) < 0) {
			st = DYAD_ENOMEM;
			goto done;
		}
	}
	oc->n_tags = n;
done:
	json_decref(root);
	return st;
}

/* The strings of a JSON array as 1251 keys into out[] (n of them). */
static dyad_status keep_strings(struct dyad__oc *oc, json_t *array, struct dyad__oc_str *out,
                                const char *path, char *errmsg)
{
	for (size_t i = 0; i < json_array_size(array); i++) {
		json_t *item = json_array_get(array, i);
		const char *s = json_string_value(item);
		if (!s)
			return dyad__morph_error(errmsg, DYAD_EDATA, path, "entry %zu is not a string", i);
		int ok = keep_str(oc, s, json_string_length(item), 1, &out[i]);
		if (ok < 0)
			return DYAD_ENOMEM;
		if (ok == 0)
			return dyad__morph_error(errmsg, DYAD_EDATA, path,
			                         "entry %zu (\"%s\") has letters outside the key alphabet",
			                         i, s);
	}
	return DYAD_OK;
}

static dyad_status load_endings(struct dyad__oc *oc, const char *dir, char *errmsg)
{
	char path[DYAD_ERRMSG_MAX];
	json_t *root;
	dyad_status st = load_json(dir, FILE_ENDINGS, &root, path, sizeof path, errmsg);
	if (st == DYAD_OK) {
		size_t n = json_array_size(root);
		oc->endings = dyad_arena_calloc(&oc->arena, n ? n : 1, sizeof *oc->endings);
		st = oc->endings ? keep_strings(oc, root, oc->endings, path, errmsg) : DYAD_ENOMEM;
		oc->n_endings = st == DYAD_OK ? n : 0;
	}
	json_decref(root);
	return st;
}

/* meta.json: [[key, value], ...]; compile_options has the prefixes and longest ending. */
static dyad_status load_meta(struct dyad__oc *oc, const char *dir, char *errmsg)
{
	char path[DYAD_ERRMSG_MAX];
	json_t *root;
	dyad_status st = load_json(dir, FILE_META, &root, path, sizeof path, errmsg);
	if (st != DYAD_OK)
		goto done;
	json_t *prefixes = NULL, *max_ending = NULL;
	for (size_t i = 0; i < json_array_size(root); i++) {
		json_t *pair = json_array_get(root, i);
		const char *key = json_string_value(json_array_get(pair, 0));
		if (key && strcmp(key, "compile_options") == 0) {
			prefixes = json_object_get(json_array_get(pair, 1), "paradigm_prefixes");
			max_ending = json_object_get(json_array_get(pair, 1), "max_suffix_length");
		}
	}
	json_int_t longest = json_is_integer(max_ending) ? json_integer_value(max_ending) : 0;
	if (longest < 1 || longest > DYAD__MORPH_MAX_KEY) {
		st = dyad__morph_error(errmsg, DYAD_EDATA, path,
		                       "no compile_options.max_suffix_length from 1 to %d",
		                       DYAD__MORPH_MAX_KEY);
		goto done;
	}
	oc->max_ending = (size_t)longest;
	size_t n = json_array_size(prefixes);
	if (!json_is_array(prefixes) || n == 0 || n > DYAD__OC_MAX_PREFIXES) {
		st = dyad__morph_error(errmsg, DYAD_EDATA, path,
		                       "no compile_options.paradigm_prefixes of 1 to %d strings",
		                       DYAD__OC_MAX_PREFIXES);
		goto done;
	}
	st = keep_strings(oc, prefixes, oc->prefixes, path, errmsg);
	oc->n_prefixes = st == DYAD_OK ? n : 0;
done:
	json_decref(root);
	return st;
}

static int paradigm_ok(const struct dyad__oc *oc, const uint16_t *v, size_t n_forms)
{
	for (size_t i = 0; i < n_forms; i++)
		if (v[i] >= oc->n_endings || v[n_forms + i] >= oc->n_tags ||
		    v[2 * n_forms + i] >= oc->n_prefixes)
			return 0;
	return n_forms > 0;
}

/* paradigms.array: uint16 LE count, then per paradigm its size and numbers. */
static dyad_status parse_paradigms(struct dyad__oc *oc, const unsigned char *mem, size_t len,
                                   const char *path, char *errmsg)
{
	size_t n_words = len / 2;
	uint16_t *words = dyad_arena_calloc(&oc->arena, n_words ? n_words : 1, sizeof *words);
	if (!words)
		return DYAD_ENOMEM;
	for (size_t i = 0; i < n_words; i++)
		words[i] = (uint16_t)(mem[2 * i] | mem[2 * i + 1] << 8);
	size_t n = n_words ? words[0] : 0, pos = 1;
	oc->paradigms = dyad_arena_calloc(&oc->arena, n ? n : 1, sizeof *oc->paradigms);
	oc->paradigm_forms = dyad_arena_calloc(&oc->arena, n ? n : 1, sizeof *oc->paradigm_forms);
	if (!oc->paradigms || !oc->paradigm_forms)
		return DYAD_ENOMEM;
	if (n == 0 || len % 2 != 0)
		return dyad__morph_error(errmsg, DYAD_EDATA, path, "no paradigms in %zu bytes", len);
	for (size_t p = 0; p < n; p++) {
		size_t size = pos < n_words ? words[pos] : 0;
		if (size % 3 != 0 || pos + 1 + size > n_words || !paradigm_ok(oc, words + pos + 1, size / 3))
			return dyad__morph_error(errmsg, DYAD_EDATA, path,
			                         "paradigm %zu is truncated or out of range", p);
		oc->paradigms[p] = words + pos + 1;
		oc->paradigm_forms[p] = (uint16_t)(size / 3);
		pos += 1 + size;
	}
	if (pos != n_words)
		return dyad__morph_error(errmsg, DYAD_EDATA, path, "%zu bytes after the last paradigm",
		                         2 * (n_words - pos));
	oc->n_paradigms = n;
	return DYAD_OK;
}

static dyad_status load_paradigms(struct dyad__oc *oc, const char *dir, char *errmsg)
{
	char path[DYAD_ERRMSG_MAX];
	dyad_status st = dyad__morph_path(path, sizeof path, dir, FILE_PARADIGMS, errmsg);
	if (st != DYAD_OK)
		return st;
	void *mem;
	size_t len;
	st = dyad__morph_read_file(path, &mem, &len, errmsg);
	if (st != DYAD_OK)
		return st;
	st = parse_paradigms(oc, mem, len, path, errmsg);
	dyad__free(mem);
	return st;
}

dyad_status dyad__oc_load(const char *dir, struct dyad__oc *oc, char *errmsg)
{
	memset(oc, 0, sizeof *oc);
	dyad_arena_init(&oc->arena, 0);
	dyad_status st = load_grammemes(oc, dir, errmsg);
	if (st == DYAD_OK)
		st = load_tags(oc, dir, errmsg);
	if (st == DYAD_OK)
		st = load_endings(oc, dir, errmsg);
	if (st == DYAD_OK)
		st = load_meta(oc, dir, errmsg);
	if (st == DYAD_OK)
		st = load_paradigms(oc, dir, errmsg);
	if (st == DYAD_ENOMEM && errmsg)
		dyad__morph_error(errmsg, st, dir, "out of memory loading the tables");
	return st;
}

void dyad__oc_release(struct dyad__oc *oc)
{
	dyad_arena_release(&oc->arena);
	memset(oc, 0, sizeof *oc);
}

size_t dyad__oc_inflect(const struct dyad__oc *oc, uint32_t p, uint32_t i, const uint8_t *word,
                        size_t len, uint32_t k, uint8_t *out, size_t cap)
{
	struct dyad__oc_str pre = oc->prefixes[dyad__oc_form_prefix(oc, p, i)];
	struct dyad__oc_str end = oc->endings[dyad__oc_form_ending(oc, p, i)];
	struct dyad__oc_str pre0 = oc->prefixes[dyad__oc_form_prefix(oc, p, k)];
	struct dyad__oc_str end0 = oc->endings[dyad__oc_form_ending(oc, p, k)];
	if (pre.len + end.len > len || memcmp(word, pre.s, pre.len) != 0 ||
	    memcmp(word + len - end.len, end.s, end.len) != 0)
		return 0;
	size_t stem = len - pre.len - end.len;
	size_t n = pre0.len + stem + end0.len;
	if (n > cap || n == 0)
		return 0;
	memcpy(out, pre0.s, pre0.len);
	memcpy(out + pre0.len, word + pre.len, stem);
	memcpy(out + pre0.len + stem, end0.s, end0.len);
	return n;
}
