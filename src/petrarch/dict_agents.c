/*
 * dict_agents.c - reader of TABARI/PETRARCH agent dictionaries.
 *
 *     !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON     substitution set
 *     AMBASSADOR [~GOV]              regular plural made automatically
 *     ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]   irregular plural
 *     POLICE {} [~COP]               no plural
 *     HUMAN_RIGHTS_BODY [NGO~]       code goes before the actor's
 *     CONGRESS!PERSON! [~LEG]        one phrase per element, no plurals
 *
 * Every phrase and plural maps to one agent (code + side). Blanks and '_'
 * both join consecutive words here: the coder matches agents inside one noun
 * phrase, where PETRARCH's "words may intervene" blank makes no difference
 * worth its cost.
 */
#include <string.h>

#include "core/vec.h"
#include "petrarch/dict_file.h"
#include "petrarch/pdict.h"

#define AGENT_MAX_MARKERS 64     /* substitution sets per file */
#define AGENT_MAX_MARKER_ITEMS 32
#define AGENT_MAX_PHRASE 512     /* bytes of one expanded phrase */
#define AGENT_MAX_EXPANSIONS 100000 /* phrases one entry may expand into */

struct marker {
	char *name;  /* "PERSON" (between the '!') */
	char *items[AGENT_MAX_MARKER_ITEMS];
	size_t n_items;
};

struct agent_reader {
	struct dyad_dict *dict;
	struct dyad__dfile *f;
	struct marker markers[AGENT_MAX_MARKERS];
	size_t n_markers;
	size_t n_expanded; /* phrases made from the current entry */
};

static char *trim(char *s)
{
	s = dyad__dfile_skip_blanks(s);
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

/* "!NAME! = A, B, C" */
static dyad_status read_marker(struct agent_reader *r, char *s)
{
	char *end = strchr(s + 1, '!');
	char *eq = end ? strchr(end, '=') : NULL;
	if (!end || !eq)
		return dyad__dfile_error(r->f, "substitution set must read "
		                               "\"!NAME! = A, B\"");
	if (r->n_markers == AGENT_MAX_MARKERS)
		return dyad__dfile_error(r->f, "more than %d substitution sets",
		                         AGENT_MAX_MARKERS);
	struct marker *m = &r->markers[r->n_markers];
	memset(m, 0, sizeof *m);
	m->name = dyad_arena_strndup(&r->dict->arena, s + 1, (size_t)(end - s - 1));
	if (!m->name)
		return DYAD_ENOMEM;
	char *p = eq + 1;
	while (*p) {
		char *comma = strchr(p, ',');
		if (comma)
			*comma = '\0';
		char *item = trim(p);
		if (*item) {
			if (m->n_items == AGENT_MAX_MARKER_ITEMS)
				return dyad__dfile_error(r->f, "substitution set with more "
				                               "than %d elements",
				                         AGENT_MAX_MARKER_ITEMS);
			size_t n_words;
			m->items[m->n_items] = dyad__pdict_canon(r->dict, item,
			                                         strlen(item), &n_words);
			if (!m->items[m->n_items])
				return DYAD_ENOMEM;
			m->n_items++;
		}
		if (!comma)
			break;
		p = comma + 1;
	}
	if (m->n_items == 0)
		return dyad__dfile_error(r->f, "substitution set !%s! is empty",
		                         m->name);
	r->n_markers++;
	return DYAD_OK;
}

static dyad_status put_phrase(struct agent_reader *r, const char *s, size_t n,
                              uint32_t agent)
{
	size_t n_words;
	char *key = dyad__pdict_canon(r->dict, s, n, &n_words);
	if (!key)
		return DYAD_ENOMEM;
	if (n_words == 0)
		return DYAD_OK;
	if (n_words > DYAD_PDICT_MAX_WORDS)
		return dyad__dfile_error(r->f, "agent phrase longer than %d words",
		                         DYAD_PDICT_MAX_WORDS);
	return dyad__phrases_put(&r->dict->agent_phrases, key, strlen(key),
	                         n_words, agent);
}

/* The phrase and its regular plural (the last word takes the plural). */
static dyad_status put_with_plural(struct agent_reader *r, const char *s,
                                   size_t n, uint32_t agent)
{
	dyad_status st = put_phrase(r, s, n, agent);
	if (st != DYAD_OK)
		return st;
	size_t n_words;
	char *canon = dyad__pdict_canon(r->dict, s, n, &n_words);
	if (!canon)
		return DYAD_ENOMEM;
	size_t len = strlen(canon);
	const char *last = strrchr(canon, ' ');
	last = last ? last + 1 : canon;
	size_t head = (size_t)(last - canon);
	char buf[AGENT_MAX_PHRASE];
	if (head >= sizeof buf)
		return DYAD_OK;
	memcpy(buf, canon, head);
	size_t m = dyad__pdict_plural(last, len - head, buf + head,
	                              sizeof buf - head);
	return m ? put_phrase(r, buf, head + m, agent) : DYAD_OK;
}

/*
 * Expand the first !MARKER! of phrase at or after byte from (recursively for
 * the next ones). An item's own text is not expanded again: a set that
 * names itself (!X! = !X!) would never end. The markers of one entry may
 * multiply into AGENT_MAX_EXPANSIONS phrases at most.
 */
static dyad_status put_expanded(struct agent_reader *r, const char *phrase, size_t from,
                                uint32_t agent)
{
	const char *open = strchr(phrase + from, '!');
	if (!open) {
		if (++r->n_expanded > AGENT_MAX_EXPANSIONS)
			return dyad__dfile_error(r->f, "substitution sets expand into more than %d "
			                               "phrases", AGENT_MAX_EXPANSIONS);
		return put_phrase(r, phrase, strlen(phrase), agent);
	}
	const char *close = strchr(open + 1, '!');
	if (!close)
		return dyad__dfile_error(r->f, "unclosed substitution marker in '%s'",
		                         phrase);
	size_t name_len = (size_t)(close - open - 1);
	struct marker *m = NULL;
	for (size_t i = 0; i < r->n_markers; i++)
		if (strlen(r->markers[i].name) == name_len &&
		    strncmp(r->markers[i].name, open + 1, name_len) == 0)
			m = &r->markers[i];
	if (!m)
		return dyad__dfile_error(r->f, "undefined substitution set !%.*s!",
		                         (int)name_len, open + 1);
	for (size_t i = 0; i < m->n_items; i++) {
		char buf[AGENT_MAX_PHRASE];
		size_t head = (size_t)(open - phrase);
		size_t item = strlen(m->items[i]);
		size_t tail = strlen(close + 1);
		if (head + item + tail + 1 > sizeof buf)
			return dyad__dfile_error(r->f, "expanded phrase too long");
		memcpy(buf, phrase, head);
		memcpy(buf + head, m->items[i], item);
		memcpy(buf + head + item, close + 1, tail + 1);
		dyad_status st = put_expanded(r, buf, head + item, agent);
		if (st != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}

static dyad_status read_agent(struct agent_reader *r, char *s)
{
	char *open = strchr(s, '[');
	if (!open)
		return dyad__dfile_error(r->f, "agent '%s' without a [code]", s);
	char *close = strchr(open, ']');
	if (!close)
		return dyad__dfile_error(r->f, "'[' without ']'");
	*close = '\0';
	if (*dyad__dfile_skip_blanks(close + 1))
		return dyad__dfile_error(r->f, "unexpected text after the code");
	char *code = trim(open + 1);
	size_t code_len = strlen(code);
	int prefix;
	if (code_len >= 2 && code[0] == '~') {
		prefix = 0;
		code++;
	} else if (code_len >= 2 && code[code_len - 1] == '~') {
		prefix = 1;
		code[code_len - 1] = '\0';
	} else {
		return dyad__dfile_error(r->f, "agent code [%s] needs '~' before or "
		                               "after it", code);
	}
	*open = '\0';
	char *brace = strchr(s, '{');
	char *plurals = NULL;
	if (brace) {
		char *end = strchr(brace, '}');
		if (!end)
			return dyad__dfile_error(r->f, "'{' without '}'");
		*end = '\0';
		*brace = '\0';
		plurals = brace + 1;
	}
	char *phrase = trim(s);
	if (!*phrase)
		return dyad__dfile_error(r->f, "agent code without a phrase");

	struct dyad__pagent *a = DYAD_VEC_PUSH(&r->dict->agents,
	                                       &r->dict->n_agents,
	                                       &r->dict->a_agents);
	if (!a)
		return DYAD_ENOMEM;
	a->code = dyad_arena_strdup(&r->dict->arena, trim(code));
	a->prefix = prefix;
	if (!a->code)
		return DYAD_ENOMEM;
	uint32_t agent = (uint32_t)(r->dict->n_agents - 1);

	if (strchr(phrase, '!')) {
		size_t n_words;
		char *canon = dyad__pdict_canon(r->dict, phrase, strlen(phrase),
		                                &n_words);
		r->n_expanded = 0;
		return canon ? put_expanded(r, canon, 0, agent) : DYAD_ENOMEM;
	}
	if (!plurals)
		return put_with_plural(r, phrase, strlen(phrase), agent);
	dyad_status st = put_phrase(r, phrase, strlen(phrase), agent);
	/* {A B} lists irregular plurals; {} says there is none */
	for (char *p = plurals; st == DYAD_OK && *p;) {
		p = dyad__dfile_skip_blanks(p);
		char *e = p;
		while (*e && *e != ' ' && *e != '\t')
			e++;
		if (e > p)
			st = put_phrase(r, p, (size_t)(e - p), agent);
		p = e;
	}
	return st;
}

dyad_status dyad__pdict_read_agents(struct dyad_dict *dict, const char *path,
                                    char *errmsg)
{
	struct dyad__dfile f;
	dyad_status st = dyad__dfile_open(&f, &dict->arena, path, errmsg);
	if (st != DYAD_OK)
		return st;
	struct agent_reader r;
	memset(&r, 0, sizeof r);
	r.dict = dict;
	r.f = &f;
	char *line;
	while ((line = dyad__dfile_next(&f, NULL)) != NULL) {
		char *s = dyad__dfile_skip_blanks(line);
		if (s[0] == '!' && strchr(s, '=') && !strchr(s, '['))
			st = read_marker(&r, s);
		else
			st = read_agent(&r, s);
		if (st != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}
