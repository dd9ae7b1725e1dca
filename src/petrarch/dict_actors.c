/*
 * dict_actors.c - reader of TABARI/PETRARCH actor dictionaries.
 *
 *     GOLLUM                        primary phrase, maybe [CODE]
 *     +SMEAGOL                      synonyms
 *         [HOB < 950601]            dated codes, first that applies wins
 *         [HOBGOV 19950601 - 19990815]
 *         [HOBREB > 990816]
 *     LORIEN [ELR/GAL]              several actors in one code
 *
 * Words are joined by blanks or '_' (a trailing '_' is TABARI's "no stem"
 * mark; PETRARCH does not stem, so it is dropped). ';' also starts a comment
 * here, as in TABARI's .actors files. Each phrase maps to its entry; the
 * first two or more words of long names are kept too, for the partial-name
 * fallback of the coder.
 */
#include <string.h>

#include "core/vec.h"
#include "petrarch/dict_file.h"
#include "petrarch/pdict.h"

/* Long names whose first words are kept for partial matches. */
#define ACTOR_PREFIX_MIN_WORDS 3
#define ACTOR_PREFIX_WORDS 2 /* a partial name has at least this many */

static char *skip_to(char *s, char c)
{
	while (*s && *s != c)
		s++;
	return s;
}

/* Parse "CODE [restriction]" (the inside of [...]) into role. */
static dyad_status parse_role(struct dyad_dict *dict, struct dyad__dfile *f,
                              char *inside, struct dyad__prole *role,
                              int *dated)
{
	char *p = dyad__dfile_skip_blanks(inside);
	char *code = p;
	while (*p && *p != ' ' && *p != '\t' && *p != '<' && *p != '>')
		p++;
	size_t code_len = (size_t)(p - code);
	if (code_len == 0)
		return dyad__dfile_error(f, *p ? "date restriction without a code"
		                               : "empty code []");
	role->code = dyad_arena_strndup(&dict->arena, code, code_len);
	if (!role->code)
		return DYAD_ENOMEM;
	role->kind = DYAD_PDATE_ALWAYS;
	p = dyad__dfile_skip_blanks(p);
	*dated = *p != '\0';
	if (!*p)
		return DYAD_OK;
	if (*p == '<' || *p == '>') {
		role->kind = *p == '<' ? DYAD_PDATE_BEFORE : DYAD_PDATE_AFTER;
		p = dyad__dfile_skip_blanks(p + 1);
		char *d = p;
		while (*p >= '0' && *p <= '9')
			p++;
		int32_t date = dyad__pdict_date(d, (size_t)(p - d));
		if (date < 0 || *dyad__dfile_skip_blanks(p))
			return dyad__dfile_error(f, "bad date in [%s] (want YYMMDD or "
			                            "YYYYMMDD)", inside);
		role->from = role->to = date;
		return DYAD_OK;
	}
	char *d1 = p;
	while (*p >= '0' && *p <= '9')
		p++;
	int32_t from = dyad__pdict_date(d1, (size_t)(p - d1));
	p = dyad__dfile_skip_blanks(p);
	if (from < 0 || *p != '-')
		return dyad__dfile_error(f, "bad date restriction in [%s] (want <DATE, "
		                            ">DATE or DATE-DATE)", inside);
	p = dyad__dfile_skip_blanks(p + 1);
	char *d2 = p;
	while (*p >= '0' && *p <= '9')
		p++;
	int32_t to = dyad__pdict_date(d2, (size_t)(p - d2));
	if (to < 0 || *dyad__dfile_skip_blanks(p))
		return dyad__dfile_error(f, "bad date restriction in [%s] (want <DATE, "
		                            ">DATE or DATE-DATE)", inside);
	if (to < from)
		return dyad__dfile_error(f, "date range [%s] ends before it starts",
		                         inside);
	role->kind = DYAD_PDATE_BETWEEN;
	role->from = from;
	role->to = to;
	return DYAD_OK;
}

static dyad_status add_role(struct dyad_dict *dict, uint32_t actor,
                            const struct dyad__prole *role)
{
	struct dyad__pactor *a = &dict->actors[actor];
	/* roles of one entry must stay contiguous: entries are read one at a
	 * time, so the entry being read always owns the tail of the array */
	if (a->n_roles == 0)
		a->first_role = (uint32_t)dict->n_roles;
	struct dyad__prole *slot = DYAD_VEC_PUSH(&dict->roles, &dict->n_roles,
	                                         &dict->a_roles);
	if (!slot)
		return DYAD_ENOMEM;
	*slot = *role;
	a->n_roles++;
	return DYAD_OK;
}

/*
 * Read every [...] of s (after the phrase). The first undated code of a
 * primary line is the default; dated codes and codes on their own lines are
 * roles. Anything else after the codes is an error.
 */
static dyad_status read_codes(struct dyad_dict *dict, struct dyad__dfile *f,
                              char *s, uint32_t actor, int primary)
{
	for (;;) {
		s = dyad__dfile_skip_blanks(s);
		if (!*s || *s == ';')
			return DYAD_OK;
		if (*s != '[')
			return dyad__dfile_error(f, "unexpected text '%s' after the codes",
			                         s);
		char *close = skip_to(s, ']');
		if (!*close)
			return dyad__dfile_error(f, "'[' without ']'");
		*close = '\0';
		struct dyad__prole role;
		memset(&role, 0, sizeof role);
		int dated = 0;
		dyad_status st = parse_role(dict, f, s + 1, &role, &dated);
		if (st != DYAD_OK)
			return st;
		if (primary && !dated && !dict->actors[actor].deflt &&
		    dict->actors[actor].n_roles == 0)
			dict->actors[actor].deflt = role.code;
		else if ((st = add_role(dict, actor, &role)) != DYAD_OK)
			return st;
		s = close + 1;
	}
}

static dyad_status add_prefixes(struct dyad_dict *dict, const char *key,
                                size_t n_words, uint32_t actor)
{
	if (n_words < ACTOR_PREFIX_MIN_WORDS)
		return DYAD_OK;
	size_t words = 0;
	for (size_t i = 0; key[i]; i++) {
		if (key[i] != ' ')
			continue;
		if (++words < ACTOR_PREFIX_WORDS)
			continue;
		uint32_t old;
		int existed;
		dyad_status st = dyad_hash_put(&dict->actor_prefixes, key, i, actor,
		                               &existed, &old);
		if (st != DYAD_OK)
			return st;
		if (existed && old != actor)
			dyad_hash_put(&dict->actor_prefixes, key, i, DYAD_PDICT_AMBIGUOUS,
			              NULL, NULL);
	}
	return DYAD_OK;
}

static dyad_status add_phrase(struct dyad_dict *dict, struct dyad__dfile *f,
                              const char *s, size_t n, uint32_t actor)
{
	size_t n_words;
	char *key = dyad__pdict_canon(dict, s, n, &n_words);
	if (!key)
		return DYAD_ENOMEM;
	if (n_words == 0)
		return dyad__dfile_error(f, "actor entry without a phrase");
	if (n_words > DYAD_PDICT_MAX_WORDS)
		return dyad__dfile_error(f, "actor phrase longer than %d words",
		                         DYAD_PDICT_MAX_WORDS);
	size_t len = strlen(key);
	dyad_status st = dyad__phrases_put(&dict->actor_phrases, key, len, n_words,
	                                   actor);
	if (st == DYAD_OK)
		st = add_prefixes(dict, key, n_words, actor);
	return st;
}

/* Length of the phrase part of a line: up to '[', ';' or the end. */
static size_t phrase_len(const char *s)
{
	size_t n = 0;
	while (s[n] && s[n] != '[' && s[n] != ';')
		n++;
	return n;
}

dyad_status dyad__pdict_read_actors(struct dyad_dict *dict, const char *path,
                                    char *errmsg)
{
	struct dyad__dfile f;
	dyad_status st = dyad__dfile_open(&f, &dict->arena, path, errmsg);
	if (st != DYAD_OK)
		return st;
	uint32_t actor = DYAD_PDICT_NONE;
	char *line;
	int indented;
	while ((line = dyad__dfile_next(&f, &indented)) != NULL) {
		dict->n_actor_lines++;
		char *s = dyad__dfile_skip_blanks(line);
		if (*s == '[') {
			if (actor == DYAD_PDICT_NONE)
				return dyad__dfile_error(&f, "code line before any actor "
				                             "entry");
			st = read_codes(dict, &f, s, actor, 0);
		} else if (*s == '+') {
			if (actor == DYAD_PDICT_NONE)
				return dyad__dfile_error(&f, "synonym '%s' before any actor "
				                             "entry", s);
			size_t n = phrase_len(s + 1);
			st = add_phrase(dict, &f, s + 1, n, actor);
			if (st == DYAD_OK)
				st = read_codes(dict, &f, s + 1 + n, actor, 0);
		} else if (indented) {
			return dyad__dfile_error(&f, "indented line '%s' is neither a "
			                             "[code] nor a +synonym", s);
		} else {
			struct dyad__pactor *a = DYAD_VEC_PUSH(
				&dict->actors, &dict->n_actors, &dict->a_actors);
			if (!a)
				return DYAD_ENOMEM;
			actor = (uint32_t)(dict->n_actors - 1);
			size_t n = phrase_len(s);
			st = add_phrase(dict, &f, s, n, actor);
			if (st == DYAD_OK)
				st = read_codes(dict, &f, s + n, actor, 1);
		}
		if (st != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}
