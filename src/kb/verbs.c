/*
 * verbs.c - loading the predicate lexicon and the modifiers (see verbs.h).
 */
#include "kb/verbs.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "core/alloc.h"
#include "core/utf8.h"
#include "core/vec.h"
#include "kb/engine.h"
#include "kb/phrase.h"
#include "kb/tsv.h"

#define SPEECH_CODE "010" /* MAKE PUBLIC STATEMENT */
#define ANCHOR_KEY_MAX (DYAD_MAX_WORD_BYTES + 3)

/* 1 when data/REL exists: a language may have no patterns or verbs of
 * saying of its own. */
static int file_exists(const dyad_engine *engine, const char *rel)
{
	char path[DYAD_ERRMSG_MAX];
	struct stat sb;
	int n = snprintf(path, sizeof path, "%s/%s", engine->data_dir, rel);
	return n > 0 && (size_t)n < sizeof path && stat(path, &sb) == 0;
}

static size_t anchor_key(char *out, char tag, const char *word, size_t n)
{
	out[0] = tag;
	out[1] = ':';
	memcpy(out + 2, word, n);
	return n + 2;
}

static uint32_t lookup(const struct dyad__verbs *v, char tag, const char *w, size_t n)
{
	char key[ANCHOR_KEY_MAX];
	uint32_t id = 0;
	if (!v || n + 2 > sizeof key)
		return 0;
	size_t k = anchor_key(key, tag, w, n);
	return dyad_hash_get(&v->by_anchor, key, k, &id) ? id : 0;
}

uint32_t dyad__verbs_by_stem(const struct dyad__verbs *v, const char *stem, size_t n)
{
	return lookup(v, 's', stem, n);
}

uint32_t dyad__verbs_by_exact(const struct dyad__verbs *v, const char *lower, size_t n)
{
	return lookup(v, '=', lower, n);
}

int dyad__verbs_written_anchor(const struct dyad__verbs *v, const char *lower, size_t n,
                               const char *stem, size_t stem_len)
{
	for (uint32_t id = dyad__verbs_by_stem(v, stem, stem_len); id; id = v->nodes[id - 1].next) {
		const struct dyad__pattern *p = &v->patterns[v->nodes[id - 1].pattern];
		const struct dyad__elem *e = &p->elems[p->anchor];
		/* forms[0] is the stem; it is the written word only when alone */
		for (size_t f = e->n_forms == 1 ? 0 : 1; f < e->n_forms; f++)
			if (e->len[f] == n && memcmp(e->form[f], lower, n) == 0)
				return 1;
	}
	return dyad__verbs_by_exact(v, lower, n) != 0;
}

static unsigned parse_flags(struct dyad_tsv *tsv, char *field, dyad_status *st)
{
	static const struct {
		const char *name;
		unsigned flag;
	} names[] = {{"speech", VERB_SPEECH}, {"passive", VERB_PASSIVE},
	             {"intent", VERB_INTENT}, {"noun", VERB_NOUN}, {"joint", VERB_JOINT},
	             {"target_subject", VERB_TARGET_SUBJECT}};
	unsigned flags = 0;
	*st = DYAD_OK;
	if (!field)
		return 0;
	for (char *p = field; *p;) {
		char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		size_t k;
		for (k = 0; k < sizeof names / sizeof names[0]; k++)
			if (strlen(names[k].name) == n && strncmp(p, names[k].name, n) == 0)
				break;
		if (k == sizeof names / sizeof names[0]) {
			*st = dyad_tsv_error(tsv, "unknown flag \"%.*s\"", (int)n, p);
			return 0;
		}
		flags |= names[k].flag;
		p += n + (comma ? 1 : 0);
	}
	return flags;
}

static dyad_status add_form(dyad_engine *engine, struct dyad__elem *e,
                            const char *form, size_t n)
{
	for (size_t i = 0; i < e->n_forms; i++)
		if (e->len[i] == n && memcmp(e->form[i], form, n) == 0)
			return DYAD_OK;
	if (e->n_forms == DYAD_ELEM_FORMS || n > UINT16_MAX)
		return DYAD_OK;
	char *copy = dyad_arena_strndup(&engine->arena, form, n);
	if (!copy)
		return DYAD_ENOMEM;
	e->form[e->n_forms] = copy;
	e->len[e->n_forms] = (uint16_t)n;
	e->n_forms++;
	return DYAD_OK;
}

/* The forms besides the stem (see DYAD_ELEM_FORMS in verbs.h): the word as
 * written and its present-tense bases (the language's verb_base endings). */
static dyad_status add_written_forms(dyad_engine *engine, const struct dyad__lang *lang,
                                     struct dyad__elem *e, const char *word)
{
	const struct dyad__endings *bases = &lang->endings[END_VERB_BASE];
	char lower[DYAD_MAX_WORD_BYTES];
	size_t n = dyad_utf8_lower(word, strlen(word), lower, sizeof lower);
	dyad_status st = add_form(engine, e, lower, n);
	for (size_t i = 0; st == DYAD_OK && i < bases->n; i++) {
		size_t k = bases->len[i];
		if (n >= bases->min_bytes[i] && n > k &&
		    memcmp(lower + n - k, bases->ending[i], k) == 0)
			st = add_form(engine, e, lower, n - k);
	}
	return st;
}

/* One pattern line into elements; words are stemmed like document tokens. */
static dyad_status parse_pattern(dyad_engine *engine, const struct dyad__lang *lang,
                                 struct dyad_tsv *tsv, char *text, struct dyad__pattern *p)
{
	int anchor = -1;
	dyad_status st;
	p->n_elems = 0;
	for (char *word = text; word && *word;) {
		char *space = strchr(word, ' ');
		if (space)
			*space = '\0';
		if (p->n_elems == DYAD_MAX_PATTERN_ELEMS)
			return dyad_tsv_error(tsv, "more than %d elements", DYAD_MAX_PATTERN_ELEMS);
		struct dyad__elem *e = &p->elems[p->n_elems];
		if (strcmp(word, "*") == 0) {
			e->kind = ELEM_SKIP;
		} else if (strcmp(word, "+") == 0) {
			e->kind = ELEM_TARGET;
		} else if (strcmp(word, "$") == 0) {
			e->kind = ELEM_SOURCE;
		} else if (word[0] == '=') {
			char lower[DYAD_MAX_WORD_BYTES];
			size_t n = dyad_utf8_lower(word + 1, strlen(word + 1), lower, sizeof lower);
			if (!n)
				return dyad_tsv_error(tsv, "\"%s\": an exact word is not empty", word);
			e->kind = ELEM_EXACT;
			if ((st = add_form(engine, e, lower, n)) != DYAD_OK)
				return st;
			if (anchor < 0)
				anchor = p->n_elems;
		} else {
			/* one written word may be several tokens: "cease-fire" */
			struct dyad_phrase ph;
			if (dyad_phrase_make(engine, word, strlen(word), &ph) != DYAD_OK)
				return dyad_tsv_error(tsv, "\"%s\": not a usable word", word);
			if (p->n_elems + ph.n_tokens > DYAD_MAX_PATTERN_ELEMS)
				return dyad_tsv_error(tsv, "more than %d elements", DYAD_MAX_PATTERN_ELEMS);
			size_t from = 0;
			for (size_t t = 0; t < ph.n_tokens; t++) {
				e = &p->elems[p->n_elems];
				size_t to = ph.prefix_len[t];
				e->kind = ELEM_STEM;
				if ((st = add_form(engine, e, ph.key + from, to - from)) != DYAD_OK)
					return st;
				if (ph.n_tokens == 1 && (st = add_written_forms(engine, lang, e, word)) != DYAD_OK)
					return st;
				from = to + 1;
				if (anchor < 0)
					anchor = p->n_elems;
				if (t + 1 < ph.n_tokens)
					p->n_elems++;
			}
		}
		p->n_elems++;
		word = space ? space + 1 : NULL;
		while (word && *word == ' ')
			word++;
	}
	if (anchor < 0)
		return dyad_tsv_error(tsv, "a pattern needs at least one word");
	p->anchor = (uint8_t)anchor;
	return DYAD_OK;
}

/* data/verbs/ID.tsv of one language. */
static dyad_status load_patterns(dyad_engine *engine, const struct dyad__lang *lang,
                                 struct dyad__verbs *v, const char *rel, char *errmsg)
{
	static const char *const cols[] = {"code", "pattern", "flags"};
	struct dyad_tsv tsv;
	dyad_status st = dyad_tsv_open_in(&tsv, &engine->arena, engine->data_dir, rel, cols, 3,
	                                  errmsg);
	if (st != DYAD_OK)
		return st;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		char **f = tsv.fields;
		if (!f[0] || !dyad__cameo_find(engine, f[0]))
			return dyad_tsv_error(&tsv, "\"%s\": not a code of cameo/events.tsv",
			                      f[0] ? f[0] : "-");
		if (!f[1])
			return dyad_tsv_error(&tsv, "empty pattern");
		struct dyad__pattern *p = DYAD_VEC_PUSH(&v->patterns, &v->n_patterns,
		                                        &v->patterns_alloc);
		if (!p)
			return DYAD_ENOMEM;
		p->code = f[0];
		p->flags = parse_flags(&tsv, f[2], &st);
		if (st != DYAD_OK || (st = parse_pattern(engine, lang, &tsv, f[1], p)) != DYAD_OK)
			return st;
	}
	return st == DYAD_DONE ? DYAD_OK : st;
}

static dyad_status index_form(dyad_engine *engine, struct dyad__verbs *v,
                              char tag, const char *form, size_t len, size_t pattern)
{
	char key[ANCHOR_KEY_MAX];
	if (len + 2 > sizeof key)
		return DYAD_OK;
	size_t k = anchor_key(key, tag, form, len);
	uint32_t first = 0;
	int existed = dyad_hash_get(&v->by_anchor, key, k, &first);
	struct dyad__anchor_node *node = DYAD_VEC_PUSH(&v->nodes, &v->n_nodes, &v->nodes_alloc);
	if (!node)
		return DYAD_ENOMEM;
	node->pattern = (uint32_t)pattern;
	node->next = existed ? first : 0;
	const char *stored = key;
	if (!existed) {
		stored = dyad_arena_strndup(&engine->arena, key, k);
		if (!stored)
			return DYAD_ENOMEM;
	}
	return dyad_hash_put(&v->by_anchor, stored, k, (uint32_t)v->n_nodes, NULL, NULL);
}

static dyad_status index_patterns(dyad_engine *engine, struct dyad__verbs *v)
{
	/* chains are built head-first: insert backwards to try the file's order */
	for (size_t i = v->n_patterns; i-- > 0;) {
		struct dyad__pattern *p = &v->patterns[i];
		const struct dyad__elem *a = &p->elems[p->anchor];
		char tag = a->kind == ELEM_EXACT ? '=' : 's';
		for (size_t f = 0; f < a->n_forms; f++) {
			dyad_status st = index_form(engine, v, tag, a->form[f], a->len[f], i);
			if (st != DYAD_OK)
				return st;
		}
	}
	return DYAD_OK;
}

void dyad__verbs_free(struct dyad__verbs *v)
{
	if (!v)
		return;
	dyad_hash_release(&v->by_anchor);
	dyad__free(v->patterns);
	dyad__free(v->nodes);
	dyad__free(v);
}

/* The verbs of saying of one language (speech.tsv, read by kb/lang.c):
 * patterns coded 010 with flag speech, before the language's other
 * patterns. A bad one is reported at its line of speech.tsv. */
static dyad_status add_speech(dyad_engine *engine, const struct dyad__lang *lang,
                              struct dyad__verbs *v, char *errmsg)
{
	struct dyad_tsv at; /* where a message points */
	memset(&at, 0, sizeof at);
	snprintf(at.path_buf, sizeof at.path_buf, "%s", lang->speech_path ? lang->speech_path : "");
	at.path = at.path_buf;
	at.errmsg = errmsg;
	if (lang->n_speech && !dyad__cameo_find(engine, SPEECH_CODE))
		return dyad_tsv_error(&at, "%s is not a code of cameo/events.tsv", SPEECH_CODE);
	for (size_t i = 0; i < lang->n_speech; i++) {
		const struct dyad__speech_verb *sv = &lang->speech[i];
		struct dyad__pattern *p = DYAD_VEC_PUSH(&v->patterns, &v->n_patterns,
		                                        &v->patterns_alloc);
		if (!p)
			return DYAD_ENOMEM;
		dyad_status st;
		at.line_no = sv->line;
		p->code = SPEECH_CODE;
		p->flags = VERB_SPEECH | parse_flags(&at, sv->flags, &st);
		if (st != DYAD_OK || (st = parse_pattern(engine, lang, &at, sv->pattern, p)) != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}

dyad_status dyad__verbs_load(dyad_engine *engine, char *errmsg)
{
	struct dyad__verbs *v = dyad__calloc(1, sizeof *v);
	if (!v)
		return DYAD_ENOMEM;
	engine->verbs = v;
	dyad_status st;
	for (size_t i = 0; i < engine->n_langs; i++) {
		const struct dyad__lang *lang = &engine->langs[i];
		char rel[DYAD_ERRMSG_MAX];
		snprintf(rel, sizeof rel, "verbs/%s.tsv", lang->id);
		if ((st = add_speech(engine, lang, v, errmsg)) != DYAD_OK ||
		    (file_exists(engine, rel) &&
		     (st = load_patterns(engine, lang, v, rel, errmsg)) != DYAD_OK))
			return st;
	}
	return index_patterns(engine, v);
}
