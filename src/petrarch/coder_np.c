/*
 * coder_np.c - noun phrases for the dictionary coder: actor and agent
 * phrases, noun groups, and the units that patterns and source/target
 * searches deal in (see coder.h for where this sits).
 *
 * A group's code is its first actor's code on the sentence date with the
 * group's agents applied: "NGO~" agents before it, "~GOV" agents after it,
 * an agent whose code the actor code already holds is not added again
 * ("Washington security officials" stays USAGOV). A group with agents but no
 * actor is "---GOV". "X of/in/from Y" gives a code-less X the actor(s) of Y,
 * so "the ambassadors of A, B and C" is AGOV, BGOV, CGOV. "A, B and C" is a
 * compound unit holding the codes of its members.
 */
#include <string.h>

#include "petrarch/coder.h"
#include "petrarch/ptoken.h"
#include "petrarch/pwords.h"

#define CODE_SEGMENT 3      /* CAMEO codes are built of 3-letter segments */
#define CODE_MAX 128        /* bytes of one composed code */
#define PARTIAL_MIN_WORDS 2 /* a partial name needs this many words */

const char *dyad__coder_span(const struct dyad__psentence *s, int32_t a,
                             int32_t b, size_t *len)
{
	const struct dyad__stok *first = &s->toks[a];
	const struct dyad__stok *last = &s->toks[b - 1];
	*len = last->off + last->len - first->off;
	return s->canon + first->off;
}

/*
 * As PETRARCH applies them: "<D" is before D, ">D" is D or after, "A-B" is
 * from A up to the day before B, so that abutting windows written with the
 * same date ("[X <20080120]", "[Y 20080120-20121109]", "[Z 20121109-...]")
 * never overlap.
 */
static int role_applies(const struct dyad__prole *r, int32_t date)
{
	switch (r->kind) {
	case DYAD_PDATE_ALWAYS:
		return 1;
	case DYAD_PDATE_BEFORE:
		return date && date < r->from;
	case DYAD_PDATE_AFTER:
		return date && date >= r->from;
	default:
		return date && date >= r->from && date < r->to;
	}
}

const char *dyad__coder_actor_code(const struct dyad__psentence *s,
                                   uint32_t actor)
{
	const struct dyad_dict *d = s->dict;
	const struct dyad__pactor *a = &d->actors[actor];
	const char *code = NULL;
	for (uint32_t i = 0; i < a->n_roles && !code; i++)
		if (role_applies(&d->roles[a->first_role + i], s->date))
			code = d->roles[a->first_role + i].code;
	if (!code)
		code = a->deflt;
	if (!code && !s->date && a->n_roles)
		code = d->roles[a->first_role + a->n_roles - 1].code; /* undated */
	if (code && strcmp(code, DYAD_PDICT_NULL_CODE) == 0)
		return NULL;
	return code;
}

/* Longest phrase of ph starting at token i; its length in tokens or 0. */
static int32_t longest_at(const struct dyad__psentence *s,
                          const struct dyad__phrases *ph, int32_t i,
                          uint32_t *value)
{
	const struct dyad__stok *t = &s->toks[i];
	if (!(t->flags & (DYAD_PTOK_WORD | DYAD_PTOK_NUM)) ||
	    (t->flags & DYAD_PTOK_POSS))
		return 0;
	int32_t longest = (int32_t)dyad__phrases_longest(ph, t->up, t->len);
	if (longest > s->n - i)
		longest = s->n - i;
	for (int32_t len = longest; len > 0; len--) {
		size_t n;
		const char *key = dyad__coder_span(s, i, i + len, &n);
		if (dyad_hash_get(&ph->map, key, n, value))
			return len;
	}
	return 0;
}

static dyad_status find(struct dyad__psentence *s,
                        const struct dyad__phrases *ph, int agents)
{
	struct dyad__smatch *m = dyad_arena_calloc(s->arena, (size_t)s->n + 1,
	                                           sizeof *m);
	if (!m)
		return DYAD_ENOMEM;
	int32_t count = 0;
	for (int32_t i = 0; i < s->n;) {
		uint32_t value;
		int32_t len = agents && s->toks[i].actor != DYAD_CODER_NONE
		                  ? 0
		                  : longest_at(s, ph, i, &value);
		for (int32_t k = 1; agents && k < len; k++)
			if (s->toks[i + k].actor != DYAD_CODER_NONE)
				len = 0; /* an agent may not eat into an actor */
		if (len == 0) {
			i++;
			continue;
		}
		m[count] = (struct dyad__smatch){i, i + len, value};
		for (int32_t k = i; k < i + len; k++) {
			if (agents)
				s->toks[k].agent = count;
			else
				s->toks[k].actor = count;
		}
		count++;
		i += len;
	}
	if (agents) {
		s->agents = m;
		s->n_agents = count;
	} else {
		s->actors = m;
		s->n_actors = count;
	}
	return DYAD_OK;
}

dyad_status dyad__coder_find_phrases(struct dyad__psentence *s)
{
	dyad_status st = find(s, &s->dict->actor_phrases, 0);
	return st == DYAD_OK ? find(s, &s->dict->agent_phrases, 1) : st;
}

/* ---- codes ---------------------------------------------------------------- */

/* 1 when code holds seg at a segment boundary ("HGWGOVMED" holds "GOVMED"). */
static int holds(const char *code, size_t n, const char *seg)
{
	size_t sl = strlen(seg);
	for (size_t at = 0; at + sl <= n; at += CODE_SEGMENT)
		if (memcmp(code + at, seg, sl) == 0)
			return 1;
	return 0;
}

static void append(char *buf, size_t *n, const char *add)
{
	size_t a = strlen(add);
	if (*n + a < CODE_MAX) {
		memcpy(buf + *n, add, a);
		*n += a;
		buf[*n] = '\0';
	}
}

/*
 * Compose one code: the group's prefix agents, the actor code (or "---"),
 * then its suffix agents, each added only when not already there.
 */
static const char *compose(struct dyad__psentence *s, const char *actor,
                           size_t actor_len, const struct dyad__sgroup *g)
{
	char buf[CODE_MAX];
	char core[CODE_MAX];
	size_t n = 0, cn = actor_len < CODE_MAX ? actor_len : CODE_MAX - 1;
	memcpy(core, actor, cn);
	core[cn] = '\0';
	buf[0] = '\0';
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1)
			append(buf, &n, core);
		for (int32_t i = g->s; i < g->e; i++) {
			int32_t am = s->toks[i].agent;
			if (am == DYAD_CODER_NONE || (i > g->s && s->toks[i - 1].agent == am))
				continue;
			const struct dyad__pagent *ag = &s->dict->agents[s->agents[am].entry];
			if (ag->prefix != (pass == 0))
				continue;
			if (pass == 0 ? holds(core, cn, ag->code) || holds(buf, n, ag->code)
			              : holds(buf, n, ag->code))
				continue;
			append(buf, &n, ag->code);
		}
	}
	return dyad_arena_strndup(s->arena, buf, n);
}

static dyad_status push_code(struct dyad__psentence *s, const char ***codes,
                             size_t *n, const char *code)
{
	if (!code)
		return DYAD_ENOMEM;
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*codes)[i], code) == 0)
			return DYAD_OK;
	const char **grown = dyad_arena_grow(s->arena, *codes, *n, *n + 1,
	                                     sizeof *grown);
	if (!grown)
		return DYAD_ENOMEM;
	grown[(*n)++] = code;
	*codes = grown;
	return DYAD_OK;
}

/* Codes of an actor code string ("ELR/GAL" is two) with g's agents. */
static dyad_status actor_codes(struct dyad__psentence *s,
                               const struct dyad__sgroup *g, const char *code,
                               const char ***out, size_t *n)
{
	while (*code) {
		const char *slash = strchr(code, '/');
		size_t len = slash ? (size_t)(slash - code) : strlen(code);
		if (len) {
			dyad_status st = push_code(s, out, n, compose(s, code, len, g));
			if (st != DYAD_OK)
				return st;
		}
		code += len + (slash ? 1 : 0);
	}
	return DYAD_OK;
}

/*
 * A long name the dictionary knows only in another form ("The International
 * Criminal Court" for INTERNATIONAL CRIMINAL POLICE ORGANIZATION): a run of
 * capitalised words whose first two or more words begin exactly one actor
 * name. Returns the actor or DYAD_PDICT_NONE.
 */
static int name_word(const struct dyad__stok *t)
{
	return (t->flags & DYAD_PTOK_CAP) && t->cls == DYAD_PC_WORD;
}

/* "of", "the", "and" inside a name: "Order of the Silver Council" */
static int name_glue(const struct dyad__stok *t)
{
	return strcmp(t->up, "OF") == 0 || strcmp(t->up, "THE") == 0 ||
	       strcmp(t->up, "AND") == 0;
}

static uint32_t partial_name(const struct dyad__psentence *s,
                             const struct dyad__sgroup *g)
{
	for (int32_t r = g->s; r < g->e; r++) {
		if (!name_word(&s->toks[r]))
			continue;
		int32_t e = r;
		while (e < s->n && s->toks[e].actor == DYAD_CODER_NONE &&
		       (name_word(&s->toks[e]) ||
		        (name_glue(&s->toks[e]) && e + 1 < s->n &&
		         (name_word(&s->toks[e + 1]) || name_glue(&s->toks[e + 1])))))
			e++;
		for (int32_t len = e - r; len >= PARTIAL_MIN_WORDS; len--) {
			if (!name_word(&s->toks[r + len - 1]))
				continue;
			size_t n;
			const char *key = dyad__coder_span(s, r, r + len, &n);
			uint32_t actor;
			if (dyad_hash_get(&s->dict->actor_prefixes, key, n, &actor) &&
			    actor != DYAD_PDICT_AMBIGUOUS)
				return actor;
		}
	}
	return DYAD_PDICT_NONE;
}

static dyad_status group_codes(struct dyad__psentence *s, struct dyad__sgroup *g)
{
	const char *code = NULL;
	if (g->actor != DYAD_CODER_NONE) {
		code = dyad__coder_actor_code(s, s->actors[g->actor].entry);
	} else {
		uint32_t actor = partial_name(s, g);
		if (actor != DYAD_PDICT_NONE)
			code = dyad__coder_actor_code(s, actor);
	}
	if (code) {
		g->has_actor = 1;
		return actor_codes(s, g, code, &g->codes, &g->n_codes);
	}
	if (g->has_agent)
		return push_code(s, &g->codes, &g->n_codes,
		                 compose(s, DYAD_PDICT_NULL_CODE,
		                         sizeof DYAD_PDICT_NULL_CODE - 1, g));
	return DYAD_OK;
}

/* ---- groups ------------------------------------------------------------- */

static int core_np(const struct dyad__stok *t)
{
	if (t->actor != DYAD_CODER_NONE || t->agent != DYAD_CODER_NONE)
		return 1;
	if (t->verb)
		return 0;
	return t->cls == DYAD_PC_WORD || t->cls == DYAD_PC_NUM ||
	       t->cls == DYAD_PC_DET || t->cls == DYAD_PC_POSSPRON ||
	       t->cls == DYAD_PC_POSS;
}

static int np_token(const struct dyad__psentence *s, int32_t i)
{
	const struct dyad__stok *t = &s->toks[i];
	if (core_np(t))
		return 1;
	/* "a clearly inebriated official": an adverb inside a noun phrase */
	return t->cls == DYAD_PC_ADV && !t->verb && i > 0 && i + 1 < s->n &&
	       core_np(&s->toks[i - 1]) && core_np(&s->toks[i + 1]) &&
	       s->toks[i + 1].cls != DYAD_PC_DET;
}

/* A determiner or possessive pronoun starts a new noun phrase. */
static int starts_np(const struct dyad__psentence *s, int32_t i)
{
	const struct dyad__stok *t = &s->toks[i];
	if (t->actor != DYAD_CODER_NONE || t->agent != DYAD_CODER_NONE)
		return 0;
	if (t->cls != DYAD_PC_DET && t->cls != DYAD_PC_POSSPRON)
		return 0;
	return i == 0 || s->toks[i - 1].cls != DYAD_PC_DET;
}

static dyad_status build_groups(struct dyad__psentence *s)
{
	s->groups = dyad_arena_calloc(s->arena, (size_t)s->n + 1, sizeof *s->groups);
	if (!s->groups)
		return DYAD_ENOMEM;
	s->n_groups = 0;
	for (int32_t i = 0; i < s->n;) {
		if (!np_token(s, i)) {
			i++;
			continue;
		}
		struct dyad__sgroup *g = &s->groups[s->n_groups];
		memset(g, 0, sizeof *g);
		g->s = i;
		g->actor = DYAD_CODER_NONE;
		int after_poss = 0;
		do {
			struct dyad__stok *t = &s->toks[i];
			/* "Mordor's Durthang orc": the possessed actor is the head */
			if (t->cls == DYAD_PC_POSS)
				after_poss = 1;
			if (t->actor != DYAD_CODER_NONE &&
			    (g->actor == DYAD_CODER_NONE || after_poss))
				g->actor = t->actor;
			if (t->actor != DYAD_CODER_NONE)
				after_poss = 0;
			if (t->agent != DYAD_CODER_NONE)
				g->has_agent = 1;
			t->group = s->n_groups;
			i++;
		} while (i < s->n && np_token(s, i) && !starts_np(s, i));
		g->e = i;
		dyad_status st = group_codes(s, g);
		if (st != DYAD_OK)
			return st;
		s->n_groups++;
	}
	return DYAD_OK;
}

/* ---- units ------------------------------------------------------------- */

static int is_conj(const struct dyad__stok *t)
{
	return t->cls == DYAD_PC_CONJ && t->actor == DYAD_CODER_NONE &&
	       (strcmp(t->up, "AND") == 0 || strcmp(t->up, "OR") == 0);
}

/*
 * The separator between groups a and b in a list: 0 none, 1 a comma,
 * 2 "and"/"or" (with or without a comma before it).
 */
static int separator(const struct dyad__psentence *s, const struct dyad__sgroup *a,
                     const struct dyad__sgroup *b)
{
	int32_t gap = b->s - a->e;
	const struct dyad__stok *t = &s->toks[a->e];
	if (gap == 1 && t->cls == DYAD_PC_COMMA)
		return 1;
	if (gap == 1 && is_conj(t))
		return 2;
	if (gap == 2 && t->cls == DYAD_PC_COMMA && is_conj(&s->toks[a->e + 1]))
		return 2;
	return 0;
}

static int is_link_prep(const struct dyad__stok *t)
{
	return t->cls == DYAD_PC_PREP && t->actor == DYAD_CODER_NONE &&
	       (strcmp(t->up, "OF") == 0 || strcmp(t->up, "IN") == 0 ||
	        strcmp(t->up, "FROM") == 0);
}

/* Units in the making: runs of groups [first, last]. */
struct draft {
	int32_t first, last; /* group indexes */
	int32_t s, e;        /* token span */
};

/*
 * Give group g (which has no actor) the codes of unit v: its agents applied
 * to each of v's codes, or v's codes as they are when g has no agent.
 */
static dyad_status adopt(struct dyad__psentence *s, struct dyad__sgroup *g,
                         const struct draft *v)
{
	const char **codes = NULL;
	size_t n = 0;
	for (int32_t k = v->first; k <= v->last; k++) {
		const struct dyad__sgroup *m = &s->groups[k];
		if (!m->has_actor)
			continue;
		for (size_t c = 0; c < m->n_codes; c++) {
			/* m's own code with g's agents added on top */
			dyad_status st = push_code(
				s, &codes, &n, compose(s, m->codes[c], strlen(m->codes[c]), g));
			if (st != DYAD_OK)
				return st;
		}
	}
	if (n) {
		g->codes = codes;
		g->n_codes = n;
		g->has_actor = 1;
	}
	return DYAD_OK;
}

static dyad_status finish_unit(struct dyad__psentence *s, const struct draft *d)
{
	struct dyad__sunit *u = &s->units[s->n_units];
	memset(u, 0, sizeof *u);
	u->s = d->s;
	u->e = d->e;
	for (int32_t k = d->first; k <= d->last; k++) {
		struct dyad__sgroup *g = &s->groups[k];
		if (g->n_codes)
			u->n_members++;
		if (g->has_actor)
			u->has_actor = 1;
		for (size_t c = 0; c < g->n_codes; c++) {
			dyad_status st = push_code(s, &u->codes, &u->n_codes, g->codes[c]);
			if (st != DYAD_OK)
				return st;
		}
	}
	for (int32_t i = d->s; i < d->e; i++)
		s->toks[i].unit = s->n_units;
	s->n_units++;
	return DYAD_OK;
}

dyad_status dyad__coder_build_units(struct dyad__psentence *s)
{
	dyad_status st = build_groups(s);
	if (st != DYAD_OK)
		return st;
	struct draft *drafts = dyad_arena_calloc(s->arena, (size_t)s->n_groups + 1,
	                                         sizeof *drafts);
	s->units = dyad_arena_calloc(s->arena, (size_t)s->n_groups + 1,
	                             sizeof *s->units);
	if (!drafts || !s->units)
		return DYAD_ENOMEM;

	/* compounds: "A, B and C", "A and B"; a list of commas alone is not */
	int32_t nd = 0;
	for (int32_t k = 0; k < s->n_groups;) {
		int32_t last_conj = k;
		int32_t j = k;
		while (j + 1 < s->n_groups) {
			int sep = separator(s, &s->groups[j], &s->groups[j + 1]);
			if (!sep)
				break;
			j++;
			if (sep == 2)
				last_conj = j;
		}
		drafts[nd] = (struct draft){k, last_conj, s->groups[k].s,
		                            s->groups[last_conj].e};
		nd++;
		k = last_conj + 1;
	}

	/* "X of/in/from Y": a code-less X takes Y's actors */
	s->n_units = 0;
	for (int32_t d = 0; d < nd; d++) {
		struct draft cur = drafts[d];
		while (d + 1 < nd && cur.e + 1 == drafts[d + 1].s &&
		       is_link_prep(&s->toks[cur.e])) {
			struct dyad__sgroup *g = &s->groups[cur.last];
			/* "its ambassador from Arnor" is not Arnor's ambassador */
			if (g->has_actor || s->toks[g->s].cls == DYAD_PC_POSSPRON)
				break;
			if ((st = adopt(s, g, &drafts[d + 1])) != DYAD_OK)
				return st;
			cur.e = drafts[d + 1].e;
			d++;
		}
		if ((st = finish_unit(s, &cur)) != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}
