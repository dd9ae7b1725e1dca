/*
 * morph_map.c - reading and folding the OpenCorpora -> UD rules
 * (morph_map.h). The file has the shape of every knowledge file of data/:
 * '#' comment lines, a header naming the columns, TAB-separated fields, '-'
 * for an empty field, '|' between the items of a field; a bad line is
 * reported as "path:line: message".
 */
#include "kb/morph_map.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "kb/morph_file.h"
#include "kb/morph_key.h"

#define N_COLUMNS 5
static const char *const columns[N_COLUMNS] = {"when", "lemma", "upos", "feats", "do"};

/* Items of a field ("что|чтобы", "NOUN,!Abbr") a row may list. */
#define MAX_ITEMS 256

struct reader {
	const char *path;
	size_t line_no;
	char *errmsg;
	struct dyad__morph_map *map;
	const struct dyad__oc *oc;
};

static dyad_status bad_line(struct reader *rd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static dyad_status bad_line(struct reader *rd, const char *fmt, ...)
{
	if (!rd->errmsg)
		return DYAD_EDATA;
	int n = snprintf(rd->errmsg, DYAD_ERRMSG_MAX, "%s:%zu: ", rd->path, rd->line_no);
	if (n < 0 || (size_t)n >= DYAD_ERRMSG_MAX)
		return DYAD_EDATA;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(rd->errmsg + n, DYAD_ERRMSG_MAX - (size_t)n, fmt, ap);
	va_end(ap);
	return DYAD_EDATA;
}

/* Split s at sep in place into at most max parts; returns their count, max + 1 if more. */
static size_t split(char *s, char sep, char **parts, size_t max)
{
	size_t n = 0;
	for (char *p = s;; p++) {
		char *end = strchr(p, sep);
		if (n == max)
			return max + 1;
		parts[n++] = p;
		if (!end)
			return n;
		*end = '\0';
		p = end;
	}
}

static dyad_status parse_when(struct reader *rd, char *field, struct dyad__map_rule *r)
{
	if (strcmp(field, "*") == 0)
		return DYAD_OK;
	char *items[MAX_ITEMS];
	size_t n = split(field, ',', items, MAX_ITEMS);
	if (n > MAX_ITEMS)
		return bad_line(rd, "more than %d grammemes", MAX_ITEMS);
	for (size_t i = 0; i < n; i++) {
		int neg = items[i][0] == '!';
		const char *name = items[i] + neg;
		int g = dyad__oc_grammeme(rd->oc, name, strlen(name));
		if (g < 0)
			return bad_line(rd, "unknown OpenCorpora grammeme \"%s\"", name);
		struct dyad__oc_gset *set = neg ? &r->forbid : &r->need;
		set->w[g >> 6] |= (uint64_t)1 << (g & 63);
	}
	return DYAD_OK;
}

static dyad_status parse_lemmas(struct reader *rd, char *field, struct dyad__map_rule *r)
{
	char *items[MAX_ITEMS];
	size_t n = split(field, '|', items, MAX_ITEMS);
	if (n > MAX_ITEMS)
		return bad_line(rd, "more than %d lemmas", MAX_ITEMS);
	r->lemmas = dyad_arena_calloc(&rd->map->arena, n, sizeof *r->lemmas);
	r->lemma_suffix = dyad_arena_calloc(&rd->map->arena, n, 1);
	if (!r->lemmas || !r->lemma_suffix)
		return DYAD_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		int suffix = items[i][0] == '*';
		const char *s = items[i] + suffix;
		size_t len = strlen(s);
		uint8_t *key = dyad_arena_alloc(&rd->map->arena, len + 1);
		if (!key)
			return DYAD_ENOMEM;
		size_t k = dyad__key_encode(s, len, key, len, NULL, NULL);
		if (k == 0)
			return bad_line(rd, "lemma \"%s\" is empty or has letters outside the dictionary's",
			                items[i]);
		r->lemmas[i] = (struct dyad__oc_str){key, (uint32_t)k};
		r->lemma_suffix[i] = (uint8_t)suffix;
	}
	r->n_lemmas = n;
	return DYAD_OK;
}

static dyad_status parse_feats(struct reader *rd, char *field, struct dyad__map_rule *r)
{
	char *items[MAX_ITEMS];
	size_t n = split(field, '|', items, MAX_ITEMS);
	if (n > MAX_ITEMS)
		return bad_line(rd, "more than %d features", MAX_ITEMS);
	for (size_t i = 0; i < n; i++) {
		char *eq = strchr(items[i], '=');
		if (!eq)
			return bad_line(rd, "feature \"%s\" is not Category=Value", items[i]);
		enum dyad_ud_feat f = dyad_ud_feat_parse(items[i], (size_t)(eq - items[i]));
		if (f == DYAD_N_UD_FEATS)
			return bad_line(rd, "unknown UD feature \"%.*s\"", (int)(eq - items[i]), items[i]);
		unsigned v = 0;
		if (eq[1]) {
			v = dyad_ud_feat_value_parse(f, eq + 1, strlen(eq + 1));
			if (v == 0)
				return bad_line(rd, "unknown value \"%s\" of %s", eq + 1, dyad_ud_feat_name(f));
		}
		r->feats_mask |= dyad_ud_feat_mask(f);
		r->feats = dyad_ud_feat_set(r->feats, f, v);
	}
	return DYAD_OK;
}

static const struct {
	const char *name;
	unsigned set, clear;
} actions[] = {
	{"add", DYAD__MAP_ADD, 0},
	{"drop", DYAD__MAP_DROP, 0},
	{"proper", DYAD__MAP_PROPER, 0},
	{"closed", DYAD__MAP_CLOSED, 0},
	{"lemma=form", DYAD__MAP_LEMMA_FORM, DYAD__MAP_LEMMA_MASK},
	{"lemma=ye", DYAD__MAP_LEMMA_YE, 0},
	{"lemma=yo", 0, DYAD__MAP_LEMMA_YE},
	{"case=title", DYAD__MAP_CASE_TITLE, DYAD__MAP_CASE_MASK},
	{"case=upper", DYAD__MAP_CASE_UPPER, DYAD__MAP_CASE_MASK},
	{"case=form", DYAD__MAP_CASE_FORM, DYAD__MAP_CASE_MASK},
	{"case=lower", 0, DYAD__MAP_CASE_MASK},
};

#define LIKE_PREFIX "lemma=like:"

/* lemma=like:GNdr,Patr - the categories or grammemes the lemma's form shares. */
static dyad_status parse_like(struct reader *rd, char *list, struct dyad__map_rule *r)
{
	char *items[MAX_ITEMS];
	size_t n = split(list, ',', items, MAX_ITEMS);
	if (n > DYAD__MAP_MAX_LIKE)
		return bad_line(rd, "lemma=like: at most %d grammemes", DYAD__MAP_MAX_LIKE);
	for (size_t i = 0; i < n; i++) {
		int g = dyad__oc_grammeme(rd->oc, items[i], strlen(items[i]));
		if (g < 0)
			return bad_line(rd, "unknown OpenCorpora grammeme \"%s\" in lemma=like", items[i]);
		struct dyad__oc_gset below = dyad__oc_below(rd->oc, (unsigned)g);
		r->like.strict[i] = !below.w[0] && !below.w[1];
		if (r->like.strict[i])
			below.w[g >> 6] |= (uint64_t)1 << (g & 63);
		r->like.mask[i] = below;
	}
	r->like.n = n;
	r->flags = (r->flags & ~(unsigned)DYAD__MAP_LEMMA_MASK) | DYAD__MAP_LEMMA_LIKE;
	r->clear_flags |= DYAD__MAP_LEMMA_MASK;
	return DYAD_OK;
}

static dyad_status parse_do(struct reader *rd, char *field, struct dyad__map_rule *r)
{
	char *items[MAX_ITEMS];
	size_t n = split(field, '|', items, MAX_ITEMS);
	if (n > MAX_ITEMS)
		return bad_line(rd, "more than %d actions", MAX_ITEMS);
	for (size_t i = 0; i < n; i++) {
		if (strncmp(items[i], LIKE_PREFIX, strlen(LIKE_PREFIX)) == 0) {
			dyad_status st = parse_like(rd, items[i] + strlen(LIKE_PREFIX), r);
			if (st != DYAD_OK)
				return st;
			continue;
		}
		size_t a = 0;
		while (a < sizeof actions / sizeof actions[0] && strcmp(actions[a].name, items[i]) != 0)
			a++;
		if (a == sizeof actions / sizeof actions[0])
			return bad_line(rd, "unknown action \"%s\" (add, drop, proper, closed, "
			                    "lemma=form, lemma=like:..., lemma=ye|yo, case=title|upper|form|lower)", items[i]);
		r->flags = (r->flags & ~actions[a].clear) | actions[a].set;
		r->clear_flags |= actions[a].clear;
	}
	if ((r->flags & DYAD__MAP_ADD) && r->upos == DYAD_UPOS_NONE)
		return bad_line(rd, "an added analysis needs a UPOS");
	return DYAD_OK;
}

static dyad_status parse_row(struct reader *rd, char **f, struct dyad__map_rule *r)
{
	memset(r, 0, sizeof *r);
	dyad_status st = parse_when(rd, f[0], r);
	if (st == DYAD_OK && f[1])
		st = parse_lemmas(rd, f[1], r);
	if (st == DYAD_OK && f[2]) {
		r->upos = dyad_upos_parse(f[2], strlen(f[2]));
		if (r->upos == DYAD_UPOS_NONE)
			st = bad_line(rd, "unknown UPOS \"%s\"", f[2]);
	}
	if (st == DYAD_OK && f[3])
		st = parse_feats(rd, f[3], r);
	if (st == DYAD_OK && f[4])
		st = parse_do(rd, f[4], r);
	return st;
}

/* One line: the header (*seen_header 0) or a rule appended to the map. */
static dyad_status read_line(struct reader *rd, char *line, int *seen_header, size_t *cap)
{
	char *f[N_COLUMNS + 1];
	size_t n = split(line, '\t', f, N_COLUMNS);
	if (!*seen_header) {
		for (size_t i = 0; i < N_COLUMNS; i++)
			if (n != N_COLUMNS || strcmp(f[i], columns[i]) != 0)
				return bad_line(rd, "expected the header \"when\\tlemma\\tupos\\tfeats\\tdo\"");
		*seen_header = 1;
		return DYAD_OK;
	}
	if (n > N_COLUMNS)
		return bad_line(rd, "expected %d fields, found more", N_COLUMNS);
	if (n < N_COLUMNS)
		return bad_line(rd, "expected %d fields, found %zu", N_COLUMNS, n);
	for (size_t i = 0; i < N_COLUMNS; i++) {
		if (!f[i][0])
			return bad_line(rd, "empty field %s (write '-')", columns[i]);
		if (strcmp(f[i], "-") == 0)
			f[i] = NULL;
	}
	if (!f[0])
		return bad_line(rd, "the when field is required ('*' for every tag)");
	struct dyad__morph_map *map = rd->map;
	if (map->n_rules == *cap) {
		size_t grown = *cap ? *cap * 2 : 64;
		map->rules = dyad_arena_grow(&map->arena, map->rules, *cap, grown, sizeof *map->rules);
		if (!map->rules)
			return DYAD_ENOMEM;
		*cap = grown;
	}
	dyad_status st = parse_row(rd, f, &map->rules[map->n_rules]);
	if (st == DYAD_OK)
		map->rules[map->n_rules].index = (uint32_t)map->n_rules;
	if (st == DYAD_OK)
		map->n_rules++;
	return st;
}

static dyad_status read_rules(struct reader *rd, char *text, size_t len)
{
	int seen_header = 0;
	size_t cap = 0;
	for (size_t pos = 0; pos < len;) {
		char *line = text + pos;
		char *nl = memchr(line, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - line) : len - pos;
		pos += n + 1;
		rd->line_no++;
		line[n] = '\0';
		if (n > 0 && line[n - 1] == '\r')
			line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		dyad_status st = read_line(rd, line, &seen_header, &cap);
		if (st != DYAD_OK)
			return st;
	}
	if (!seen_header)
		return dyad__morph_error(rd->errmsg, DYAD_EDATA, rd->path, "no header line");
	return DYAD_OK;
}

static int tag_meets(const struct dyad__oc *oc, size_t tag, const struct dyad__map_rule *r)
{
	struct dyad__oc_gset s = oc->tag_sets[tag];
	return dyad__oc_gset_covers(s, r->need) && !dyad__oc_gset_meets(s, r->forbid);
}

static int kept_for_lookup(const struct dyad__map_rule *r)
{
	return r->n_lemmas > 0 || (r->flags & DYAD__MAP_ADD);
}

/* Fold the plain rows into one result per tag; list the kept rows per tag. */
static dyad_status fold(struct dyad__morph_map *map, const struct dyad__oc *oc)
{
	size_t n = oc->n_tags;
	map->tags = dyad_arena_calloc(&map->arena, n ? n : 1, sizeof *map->tags);
	map->tag_rules_at = dyad_arena_calloc(&map->arena, n + 1, sizeof *map->tag_rules_at);
	if (!map->tags || !map->tag_rules_at)
		return DYAD_ENOMEM;
	size_t total = 0;
	for (size_t t = 0; t < n; t++) {
		map->tag_rules_at[t] = (uint32_t)total;
		for (size_t i = 0; i < map->n_rules; i++) {
			const struct dyad__map_rule *r = &map->rules[i];
			if (!tag_meets(oc, t, r))
				continue;
			if (kept_for_lookup(r))
				total++;
			else
				dyad__map_rule_apply(r, &map->tags[t]);
		}
	}
	map->tag_rules_at[n] = (uint32_t)total;
	map->tag_rules = dyad_arena_calloc(&map->arena, total ? total : 1, sizeof *map->tag_rules);
	if (!map->tag_rules)
		return DYAD_ENOMEM;
	for (size_t t = 0, k = 0; t < n; t++)
		for (size_t i = 0; i < map->n_rules; i++)
			if (kept_for_lookup(&map->rules[i]) && tag_meets(oc, t, &map->rules[i]))
				map->tag_rules[k++] = (uint32_t)i;
	map->n_tags = n;
	return DYAD_OK;
}

dyad_status dyad__morph_map_load(const char *path, const struct dyad__oc *oc,
                                 struct dyad__morph_map *map, char *errmsg)
{
	memset(map, 0, sizeof *map);
	dyad_arena_init(&map->arena, 0);
	void *mem;
	size_t len;
	dyad_status st = dyad__morph_read_file(path, &mem, &len, errmsg);
	if (st != DYAD_OK)
		return st;
	struct reader rd = {path, 0, errmsg, map, oc};
	st = read_rules(&rd, mem, len);
	dyad__free(mem);
	if (st == DYAD_OK)
		st = fold(map, oc);
	if (st == DYAD_ENOMEM)
		dyad__morph_error(errmsg, st, path, "out of memory");
	return st;
}

void dyad__morph_map_release(struct dyad__morph_map *map)
{
	dyad_arena_release(&map->arena);
	memset(map, 0, sizeof *map);
}

int dyad__map_rule_lemma_ok(const struct dyad__map_rule *rule, const uint8_t *lemma, size_t len)
{
	if (rule->n_lemmas == 0)
		return 1;
	for (size_t i = 0; i < rule->n_lemmas; i++) {
		struct dyad__oc_str s = rule->lemmas[i];
		if (rule->lemma_suffix[i] ? s.len <= len && memcmp(lemma + len - s.len, s.s, s.len) == 0
		                          : s.len == len && memcmp(lemma, s.s, len) == 0)
			return 1;
	}
	return 0;
}

void dyad__map_rule_apply(const struct dyad__map_rule *rule, struct dyad__map_ud *ud)
{
	if (rule->upos != DYAD_UPOS_NONE)
		ud->upos = rule->upos;
	ud->feats = (ud->feats & ~rule->feats_mask) | rule->feats;
	ud->flags = (ud->flags & ~rule->clear_flags) | (rule->flags & ~(unsigned)DYAD__MAP_ADD);
	if (rule->flags & DYAD__MAP_LEMMA_LIKE)
		ud->like = rule->index;
}

int dyad__map_like_ok(const struct dyad__map_like *like, struct dyad__oc_gset form,
                      struct dyad__oc_gset k)
{
	for (size_t i = 0; i < like->n; i++) {
		struct dyad__oc_gset m = like->mask[i];
		uint64_t f0 = form.w[0] & m.w[0], f1 = form.w[1] & m.w[1];
		if (!like->strict[i] && !f0 && !f1)
			continue; /* the form has no value in this category */
		if ((k.w[0] & m.w[0]) != f0 || (k.w[1] & m.w[1]) != f1)
			return 0;
	}
	return 1;
}
