/*
 * coder.c - coding one sentence with TABARI/PETRARCH dictionaries, without a
 * treebank parser (see coder.h for the stages, docs/petrarch.md for the
 * rules in prose).
 *
 * Verbs are found by their dictionary forms; a form used as a noun ("an
 * attack", "their meeting") is not a verb unless one of its patterns names
 * the verb that governs it. Each verb tries the patterns of its block: upper
 * elements are matched backwards from the verb within its clause, lower ones
 * forwards to the end of the sentence; the pattern with most matched elements
 * wins, ties going to the earlier line. A verb whose word another verb's
 * pattern matched belongs to that verb's event. The source is the subject
 * noun phrase (first actor of "X of Y between Z" chains), the target the first
 * coded noun phrase after the verb; passive "was V-ed by X" swaps them, "to V"
 * and "after V-ing" complements are folded into the verb that governs them.
 */
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/vec.h"
#include "petrarch/coder.h"
#include "petrarch/ptoken.h"
#include "petrarch/pwords.h"

#define CODER_ARENA_CAP ((size_t)64 << 20) /* one sentence never needs more */
#define COMMA_MIN 2       /* comma clauses of 2..8 tokens are dropped, as in */
#define COMMA_MAX 8       /* PETRARCH's comma_min/comma_max defaults... */
#define COMMA_END_MIN 2   /* ...and a final ", officials said" clause too */
#define COMMA_END_MAX 8
#define PAREN_MAX 12      /* "(EU)": short parentheses are asides */
#define NOUN_SCAN_MAX 3   /* "a brief private visit": modifiers before a noun */
#define ARTICLE_SCAN_MAX 6 /* "an anti- Gondor parade": words after "a" */
#define MAX_CONSUMED 64   /* words one pattern match may hold */
#define CODE_PART_MAX 32
#define PAST_MIN_LEN 3    /* "RED" is no past tense: -ED words are longer */
#define TOK_ASIDE_CLOSE (1u << 15) /* the comma left after a dropped aside */
#define TABARI_COMPLEX_CODE "+++"  /* TABARI's complex-coding mark */

enum verb_mode { MODE_FINITE, MODE_NONFINITE, MODE_NOMINAL };
enum verb_tense { TENSE_BASE, TENSE_S, TENSE_PAST, TENSE_ING };

struct binding {
	int32_t src, tgt;      /* units bound by $, + or %, or NONE */
	int32_t consumed[MAX_CONSUMED]; /* tokens of literal words */
	int n_consumed;
	int score;
};

struct anchor {
	int32_t s, e;          /* tokens of the verb form */
	int32_t verb_tok;
	uint32_t verb;         /* dict verb */
	enum verb_mode mode;
	enum verb_tense tense;
	const char *code;      /* chosen code */
	int matched;           /* a pattern matched */
	struct binding b;
	int suppressed;
	int32_t src;           /* the source unit used, for "and V-ed" */
};

struct coder {
	struct dyad__psentence *s;
	struct anchor *anchors;
	int32_t n_anchors;
	struct dyad_dict_event *events;
	size_t n_events, a_events;
};

struct dyad__dict_coding_private {
	struct dyad_arena arena;
	struct dyad_dict_event *events; /* heap */
};

/* ---- preparing the tokens ---------------------------------------------- */

static int32_t parse_date(const char *date)
{
	if (!date)
		return 0;
	char digits[9];
	size_t n = 0;
	for (const char *p = date; *p && n + 1 < sizeof digits; p++) {
		if (*p >= '0' && *p <= '9')
			digits[n++] = *p;
		else if (*p != '-')
			break;
	}
	int32_t d = dyad__pdict_date(digits, n);
	return d < 0 ? 0 : d;
}

static char *join_canon(struct dyad_arena *arena, const struct dyad__ptok *t,
                        size_t n)
{
	size_t len = 1;
	for (size_t i = 0; i < n; i++)
		len += t[i].len + 1;
	char *c = dyad_arena_alloc(arena, len);
	if (!c)
		return NULL;
	size_t w = 0;
	for (size_t i = 0; i < n; i++) {
		if (i)
			c[w++] = ' ';
		memcpy(c + w, t[i].up, t[i].len);
		w += t[i].len;
	}
	c[w] = '\0';
	return c;
}

/* The discard phrase d at a token start of canon: story/sentence/none. */
static enum dyad_dict_discard check_discards(const struct dyad_dict *dict,
                                             const char *canon)
{
	enum dyad_dict_discard found = DYAD_DICT_KEPT;
	for (size_t i = 0; i < dict->n_discards; i++) {
		const struct dyad__pdiscard *d = &dict->discards[i];
		for (const char *p = canon; (p = strstr(p, d->text)) != NULL; p++) {
			if (p != canon && p[-1] != ' ')
				continue;
			char after = p[d->len];
			if (d->exact && after && after != ' ')
				continue;
			if (d->story)
				return DYAD_DICT_STORY_DISCARD;
			found = DYAD_DICT_SENTENCE_DISCARD;
			break;
		}
	}
	return found;
}

static enum dyad__pclass raw_class(const struct dyad__ptok *t)
{
	return dyad__pword_class(t->up, t->len);
}

static int np_class(enum dyad__pclass c)
{
	return c == DYAD_PC_WORD || c == DYAD_PC_NUM || c == DYAD_PC_DET ||
	       c == DYAD_PC_POSSPRON || c == DYAD_PC_POSS || c == DYAD_PC_ADV;
}

/*
 * A comma inside "A, B and C" is not a clause boundary: the words around it
 * are noun-like, no "and" came before it in the list, and one follows.
 */
static int list_comma(const struct dyad__ptok *t, const uint8_t *keep,
                      size_t n, size_t c)
{
	for (size_t i = c; i-- > 0;) {
		if (!keep[i])
			continue;
		enum dyad__pclass k = raw_class(&t[i]);
		if (k == DYAD_PC_CONJ)
			return 0;
		if (!np_class(k) && k != DYAD_PC_COMMA)
			break;
	}
	for (size_t i = c + 1; i < n; i++) {
		if (!keep[i])
			continue;
		enum dyad__pclass k = raw_class(&t[i]);
		if (k == DYAD_PC_CONJ)
			return i + 1 < n && np_class(raw_class(&t[i + 1]));
		if (!np_class(k) && k != DYAD_PC_COMMA)
			return 0;
	}
	return 0;
}

/* A verb of the dictionary, or a lower-case word in -ED. */
static int starts_predicate(const struct dyad_dict *dict,
                            const struct dyad__ptok *t)
{
	if (!(t->flags & DYAD_PTOK_WORD) || (t->flags & DYAD_PTOK_CAP) ||
	    raw_class(t) != DYAD_PC_WORD)
		return 0;
	if (dyad_hash_get(&dict->verb_forms.map, t->up, t->len, NULL))
		return 1;
	return t->len > PAST_MIN_LEN && t->up[t->len - 2] == 'E' &&
	       t->up[t->len - 1] == 'D';
}

/* Count kept tokens in (a, b). */
static size_t kept_between(const uint8_t *keep, size_t a, size_t b)
{
	size_t n = 0;
	for (size_t i = a + 1; i < b; i++)
		n += keep[i];
	return n;
}

/*
 * Drop short parentheses and the comma-delimited clauses PETRARCH drops:
 * asides of COMMA_MIN..COMMA_MAX tokens between two commas (unless a list
 * goes on after them) and a final clause of COMMA_END_MIN..COMMA_END_MAX
 * tokens ("..., a senior official said.").
 */
static void drop_asides(const struct dyad_dict *dict,
                        const struct dyad__ptok *t, uint8_t *keep,
                        uint8_t *aside_close, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (raw_class(&t[i]) != DYAD_PC_OPEN)
			continue;
		size_t j = i + 1;
		while (j < n && raw_class(&t[j]) != DYAD_PC_CLOSE && j - i <= PAREN_MAX)
			j++;
		if (j < n && raw_class(&t[j]) == DYAD_PC_CLOSE)
			for (size_t k = i; k <= j; k++)
				keep[k] = 0;
	}
	size_t end = n;
	while (end > 0 && (!keep[end - 1] || raw_class(&t[end - 1]) == DYAD_PC_END ||
	                   raw_class(&t[end - 1]) == DYAD_PC_QUOTE))
		end--;
	size_t prev = SIZE_MAX;
	for (size_t i = 0; i < end; i++) {
		if (!keep[i] || raw_class(&t[i]) != DYAD_PC_COMMA ||
		    list_comma(t, keep, n, i))
			continue;
		if (prev != SIZE_MAX) {
			size_t inner = kept_between(keep, prev, i);
			size_t next = i + 1;
			while (next < n && !keep[next])
				next++;
			int list_goes_on = next < n && raw_class(&t[next]) == DYAD_PC_CONJ;
			if (inner >= COMMA_MIN && inner <= COMMA_MAX && !list_goes_on) {
				for (size_t k = prev; k < i; k++)
					keep[k] = 0;
				aside_close[i] = 1;
			}
		}
		prev = i;
	}
	if (prev != SIZE_MAX && keep[prev]) {
		size_t inner = kept_between(keep, prev, end);
		size_t first = prev + 1;
		while (first < end && !keep[first])
			first++;
		/* "X, in a speech, urged Y": the predicate of X is no aside */
		if (inner >= COMMA_END_MIN && inner <= COMMA_END_MAX &&
		    !(first < end && starts_predicate(dict, &t[first])))
			for (size_t k = prev; k < end; k++)
				keep[k] = 0;
	}
}

static dyad_status build_sentence(struct dyad__psentence *s,
                                  const struct dyad__ptok *raw, size_t n_raw,
                                  const uint8_t *keep,
                                  const uint8_t *aside_close)
{
	s->toks = dyad_arena_calloc(s->arena, n_raw + 1, sizeof *s->toks);
	struct dyad__ptok *kept = dyad_arena_calloc(s->arena, n_raw + 1,
	                                            sizeof *kept);
	if (!s->toks || !kept)
		return DYAD_ENOMEM;
	s->n = 0;
	for (size_t i = 0; i < n_raw; i++) {
		if (!keep[i])
			continue;
		kept[s->n] = raw[i];
		struct dyad__stok *t = &s->toks[s->n];
		t->up = raw[i].up;
		t->len = raw[i].len;
		t->flags = (uint16_t)(raw[i].flags |
		                      (aside_close[i] ? TOK_ASIDE_CLOSE : 0));
		enum dyad__pclass c = raw_class(&raw[i]);
		if (raw[i].flags & DYAD_PTOK_POSS)
			c = DYAD_PC_POSS;
		/* "May Day", "US officials": a capital inside a sentence is a name */
		if ((c == DYAD_PC_MODAL || c == DYAD_PC_PRON) &&
		    (raw[i].flags & DYAD_PTOK_CAP) && s->n > 0 &&
		    strcmp(raw[i].up, "I") != 0)
			c = DYAD_PC_WORD;
		t->cls = (uint8_t)c;
		t->word = dyad__pdict_find_word(s->dict, t->up, t->len);
		t->actor = t->agent = t->group = t->unit = DYAD_CODER_NONE;
		s->n++;
	}
	s->canon = join_canon(s->arena, kept, (size_t)s->n);
	if (!s->canon)
		return DYAD_ENOMEM;
	size_t off = 0;
	for (int32_t i = 0; i < s->n; i++) {
		s->toks[i].off = (uint32_t)off;
		off += s->toks[i].len + 1;
	}
	return DYAD_OK;
}

/* ---- verbs -------------------------------------------------------------- */

static int ends_with(const struct dyad__stok *t, const char *suffix)
{
	size_t n = strlen(suffix);
	return t->len > n + 1 && memcmp(t->up + t->len - n, suffix, n) == 0;
}

static enum verb_tense tense_of(const struct dyad__stok *t)
{
	if (ends_with(t, "ING"))
		return TENSE_ING;
	if (ends_with(t, "ED") || ends_with(t, "EN"))
		return TENSE_PAST;
	if (ends_with(t, "S") && !ends_with(t, "SS"))
		return TENSE_S;
	return TENSE_BASE;
}

static int is_phrase_tok(const struct dyad__stok *t)
{
	return t->actor != DYAD_CODER_NONE || t->agent != DYAD_CODER_NONE;
}

static int is_determiner_like(const struct dyad__stok *t)
{
	return t->cls == DYAD_PC_DET || t->cls == DYAD_PC_POSSPRON ||
	       t->cls == DYAD_PC_POSS || t->cls == DYAD_PC_NUM;
}

static int is_degree_word(const struct dyad__stok *t)
{
	static const char *const words[] = {"VERY", "TOO", "SO", "QUITE", "RATHER",
	                                    "MORE", "MOST", "LESS", "LEAST"};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strcmp(t->up, words[i]) == 0)
			return 1;
	return 0;
}

/* Is the verb form at [s, e) used as a verb, a verbal noun, or neither? */
static enum verb_mode verb_mode(const struct dyad__psentence *s, int32_t at,
                                enum verb_tense tense)
{
	if (at == 0)
		return MODE_FINITE;
	const struct dyad__stok *p = &s->toks[at - 1];
	if (!is_phrase_tok(p)) {
		if (is_determiner_like(p))
			return MODE_NOMINAL;
		if (p->cls == DYAD_PC_PREP)
			return tense == TENSE_ING ? MODE_NONFINITE : MODE_NOMINAL;
		if (p->cls == DYAD_PC_TO && tense != TENSE_BASE)
			return MODE_NOMINAL;
	}
	/* "very close": a degree word makes an adjective of what follows */
	if (is_degree_word(p))
		return MODE_NOMINAL;
	/* "an anti- Gondor parade": after "a", a bare verb cannot be finite */
	if (tense == TENSE_BASE) {
		for (int32_t i = at - 1, k = 0; i >= 0 && k <= ARTICLE_SCAN_MAX; i--, k++) {
			const struct dyad__stok *t = &s->toks[i];
			if (t->cls == DYAD_PC_DET)
				if (strcmp(t->up, "A") == 0 || strcmp(t->up, "AN") == 0)
					return MODE_NOMINAL;
			if (t->verb || (t->cls != DYAD_PC_WORD && t->cls != DYAD_PC_NUM &&
			                t->cls != DYAD_PC_POSS && !is_phrase_tok(t)))
				break;
		}
	}
	if (tense != TENSE_PAST) {
		/* "a brief private visit", "an 800 million ducat trade protocol" */
		for (int32_t i = at - 1, k = 0; i >= 0 && k <= NOUN_SCAN_MAX; i--, k++) {
			const struct dyad__stok *t = &s->toks[i];
			/* an agent right before the verb is its subject ("officials
			 * visit"); further back it is a modifier ("his first official
			 * foreign visit") */
			if (t->actor != DYAD_CODER_NONE || (t->flags & DYAD_PTOK_CAP) ||
			    t->verb || (t->agent != DYAD_CODER_NONE && k == 0))
				break;
			if (t->agent != DYAD_CODER_NONE)
				continue;
			if (is_determiner_like(t))
				return MODE_NOMINAL;
			if (t->cls != DYAD_PC_WORD && t->cls != DYAD_PC_NUM)
				break;
		}
	}
	int32_t q = at - 1;
	while (q > 0 && (s->toks[q].cls == DYAD_PC_ADV || s->toks[q].cls == DYAD_PC_NEG))
		q--;
	const struct dyad__stok *aux = &s->toks[q];
	if (aux->cls == DYAD_PC_TO && tense == TENSE_BASE)
		return MODE_NONFINITE;
	/* "to be allowed", "to have left" */
	if ((aux->cls == DYAD_PC_BE || aux->cls == DYAD_PC_HAVE) && q > 0) {
		int32_t r = q - 1;
		while (r > 0 && s->toks[r].cls == DYAD_PC_ADV)
			r--;
		if (s->toks[r].cls == DYAD_PC_TO)
			return MODE_NONFINITE;
	}
	if (tense == TENSE_ING)
		return aux->cls == DYAD_PC_BE ? MODE_FINITE : MODE_NONFINITE;
	return MODE_FINITE;
}

/* An auxiliary ("have postponed", "was opposed") is not a verb of its own. */
static int auxiliary_use(const struct dyad__psentence *s, int32_t at)
{
	enum dyad__pclass c = s->toks[at].cls;
	if (c == DYAD_PC_MODAL)
		return 1;
	if (c != DYAD_PC_BE && c != DYAD_PC_HAVE && c != DYAD_PC_DO)
		return 0;
	int32_t k = at + 1;
	while (k < s->n && (s->toks[k].cls == DYAD_PC_ADV ||
	                    s->toks[k].cls == DYAD_PC_NEG))
		k++;
	if (k == s->n)
		return 0;
	const struct dyad__stok *t = &s->toks[k];
	return t->cls == DYAD_PC_BE || t->cls == DYAD_PC_TO ||
	       (t->cls == DYAD_PC_WORD && !is_phrase_tok(t) &&
	        (tense_of(t) == TENSE_PAST || tense_of(t) == TENSE_ING ||
	         t->verb));
}

/* "Arnor noted Gondor ...", "Ethiopia indicated it": an unknown past form
 * between a name and a noun phrase, pronoun or "that" is a verb. */
static int past_between_names(const struct dyad__psentence *s, int32_t i)
{
	if (i + 1 >= s->n || tense_of(&s->toks[i]) != TENSE_PAST)
		return 0;
	const struct dyad__stok *p = &s->toks[i - 1], *n = &s->toks[i + 1];
	int name_before = is_phrase_tok(p) || (p->flags & DYAD_PTOK_CAP);
	int np_after = is_phrase_tok(n) || (n->flags & DYAD_PTOK_CAP) ||
	               n->cls == DYAD_PC_DET || n->cls == DYAD_PC_POSSPRON ||
	               n->cls == DYAD_PC_PRON || strcmp(n->up, "THAT") == 0;
	return name_before && np_after;
}

static dyad_status find_verbs(struct coder *c)
{
	struct dyad__psentence *s = c->s;
	const struct dyad_dict *d = s->dict;
	c->anchors = dyad_arena_calloc(s->arena, (size_t)s->n + 1,
	                               sizeof *c->anchors);
	if (!c->anchors)
		return DYAD_ENOMEM;
	for (int32_t i = 0; i < s->n;) {
		const struct dyad__stok *t = &s->toks[i];
		int32_t longest = 0;
		uint32_t form = 0;
		if ((t->flags & DYAD_PTOK_WORD) && !is_phrase_tok(t) &&
		    !(t->flags & DYAD_PTOK_POSS)) {
			longest = (int32_t)dyad__phrases_longest(&d->verb_forms, t->up,
			                                         t->len);
			if (longest > s->n - i)
				longest = s->n - i;
			for (; longest > 0; longest--) {
				int inside = 0;
				for (int32_t k = i; k < i + longest; k++)
					inside |= is_phrase_tok(&s->toks[k]);
				size_t n;
				const char *key = dyad__coder_span(s, i, i + longest, &n);
				if (!inside && dyad_hash_get(&d->verb_forms.map, key, n, &form))
					break;
			}
		}
		if (longest == 0 || auxiliary_use(s, i)) {
			i++;
			continue;
		}
		const struct dyad__pform *f = &d->forms[form];
		struct anchor *a = &c->anchors[c->n_anchors++];
		memset(a, 0, sizeof *a);
		a->s = i;
		a->e = i + longest;
		a->verb_tok = i + f->verb_at;
		a->verb = f->verb;
		a->tense = tense_of(&s->toks[a->verb_tok]);
		a->mode = verb_mode(s, i, a->tense);
		a->src = DYAD_CODER_NONE;
		if (a->mode != MODE_NOMINAL)
			for (int32_t k = a->s; k < a->e; k++)
				s->toks[k].verb = 1;
		i += longest;
	}
	/* words after an auxiliary are verbs too ("was seen to", "is inching") */
	for (int32_t i = 1; i < s->n; i++) {
		struct dyad__stok *t = &s->toks[i];
		if (t->cls != DYAD_PC_WORD || is_phrase_tok(t) || t->verb ||
		    (t->flags & DYAD_PTOK_CAP))
			continue;
		int32_t q = i - 1;
		while (q > 0 && s->toks[q].cls == DYAD_PC_ADV)
			q--;
		enum dyad__pclass pc = s->toks[q].cls;
		if (pc == DYAD_PC_BE || pc == DYAD_PC_HAVE || pc == DYAD_PC_MODAL ||
		    pc == DYAD_PC_DO || pc == DYAD_PC_NEG || pc == DYAD_PC_TO ||
		    past_between_names(s, i))
			t->verb = 2;
	}
	return DYAD_OK;
}

/* ---- pattern matching ---------------------------------------------------- */

struct matcher {
	const struct dyad__psentence *s;
	const struct dyad_dict *d;
	int32_t lo, hi; /* tokens the pattern may look at */
};

static int unit_ok(const struct dyad__psentence *s, int32_t u, uint8_t kind)
{
	if (u < 0)
		return 0;
	return kind != DYAD_PELEM_COMPOUND || s->units[u].n_codes >= 2;
}

/*
 * Match elements el[k..n) going in direction dir (-1 upper, +1 lower) from
 * token pos. On success the binding holds what matched; on failure it is as
 * it was.
 */
static int match_elems(const struct matcher *m, const struct dyad__pelem *el,
                       uint32_t k, uint32_t n, int32_t pos, int dir,
                       struct binding *b)
{
	if (k == n)
		return 1;
	const struct dyad__pelem *e = &el[k];
	int32_t stop = e->closed ? pos + dir : dir < 0 ? m->lo - 1 : m->hi;
	for (int32_t p = pos; p != stop && p >= m->lo && p < m->hi; p += dir) {
		struct binding save = *b;
		int32_t next = 0;
		int ok = 0;
		switch (e->kind) {
		case DYAD_PELEM_WORD:
			if (m->s->toks[p].word == e->value && b->n_consumed < MAX_CONSUMED) {
				b->consumed[b->n_consumed++] = p;
				b->score++;
				next = p + dir;
				ok = match_elems(m, el, k + 1, n, next, dir, b);
			}
			break;
		case DYAD_PELEM_SYNSET: {
			const struct dyad__psynset *syn = &m->d->synsets[e->value];
			for (uint32_t ph = 0; ph < syn->n && !ok; ph++) {
				const struct dyad__pphrase *pp = &m->d->sphrases[syn->first + ph];
				int32_t first = dir < 0 ? p - (int32_t)pp->n + 1 : p;
				if (first < m->lo || first + (int32_t)pp->n > m->hi)
					continue;
				int same = 1;
				for (uint32_t w = 0; w < pp->n && same; w++)
					same = m->s->toks[first + (int32_t)w].word ==
					       m->d->phrase_words[pp->first + w];
				if (!same)
					continue;
				*b = save;
				for (uint32_t w = 0; w < pp->n && b->n_consumed < MAX_CONSUMED; w++)
					b->consumed[b->n_consumed++] = first + (int32_t)w;
				b->score += (int)pp->n;
				next = dir < 0 ? first - 1 : first + (int32_t)pp->n;
				ok = match_elems(m, el, k + 1, n, next, dir, b);
			}
			break;
		}
		default: {
			int32_t u = m->s->toks[p].unit;
			if (!unit_ok(m->s, u, e->kind))
				break;
			if (e->kind == DYAD_PELEM_SOURCE ||
			    (e->kind == DYAD_PELEM_COMPOUND && dir < 0))
				b->src = u;
			else if (e->kind != DYAD_PELEM_SKIP)
				b->tgt = u;
			b->score++;
			next = dir < 0 ? m->s->units[u].s - 1 : m->s->units[u].e;
			ok = match_elems(m, el, k + 1, n, next, dir, b);
			break;
		}
		}
		if (ok)
			return 1;
		*b = save;
	}
	return 0;
}

/* First token of the clause holding token at. */
static int32_t clause_start(const struct dyad__psentence *s, int32_t at)
{
	for (int32_t i = at - 1; i >= 0; i--) {
		enum dyad__pclass c = s->toks[i].cls;
		if (c == DYAD_PC_SUBORD || c == DYAD_PC_SEMI)
			return i + 1;
	}
	return 0;
}

static void match_anchor(struct coder *c, struct anchor *a)
{
	const struct dyad__psentence *s = c->s;
	const struct dyad_dict *d = s->dict;
	const struct dyad__pverb *v = &d->verbs[a->verb];
	const struct dyad__pblock *blk = &d->blocks[v->block];
	a->code = v->code ? v->code : blk->code;
	a->b.src = a->b.tgt = DYAD_CODER_NONE;
	int best = -1;
	struct matcher m = {s, d, clause_start(s, a->s), s->n};
	for (uint32_t i = 0; i < blk->n_patterns; i++) {
		const struct dyad__ppattern *p = &d->patterns[blk->first_pattern + i];
		struct binding b;
		memset(&b, 0, sizeof b);
		b.src = b.tgt = DYAD_CODER_NONE;
		/* A dictionary whose patterns have no elements has no elems array:
		 * no pointer arithmetic on NULL (found by tests/fuzz/fuzz_petrarch). */
		const struct dyad__pelem *upper = p->n_upper ? &d->elems[p->upper] : NULL;
		const struct dyad__pelem *lower = p->n_lower ? &d->elems[p->lower] : NULL;
		if (!match_elems(&m, upper, 0, p->n_upper, a->s - 1, -1, &b))
			continue;
		if (!match_elems(&m, lower, 0, p->n_lower, a->e, 1, &b))
			continue;
		if (b.score <= best || strcmp(p->code, TABARI_COMPLEX_CODE) == 0)
			continue; /* TABARI's complex coding is not PETRARCH's either */
		best = b.score;
		a->b = b;
		a->code = p->code;
		a->matched = 1;
	}
}

static int consumes(const struct anchor *a, int32_t tok)
{
	for (int i = 0; i < a->b.n_consumed; i++)
		if (a->b.consumed[i] == tok)
			return 1;
	return 0;
}

/*
 * A verbal noun is an event only when its pattern takes in another verb
 * ("% HAVE POSTPONED *" on "have postponed their meeting"); a verb another
 * verb's pattern took in is part of that event.
 */
static void resolve_overlaps(struct coder *c)
{
	for (int32_t i = 0; i < c->n_anchors; i++) {
		struct anchor *a = &c->anchors[i];
		if (a->mode != MODE_NOMINAL)
			continue;
		int takes_verb = 0;
		for (int32_t j = 0; j < c->n_anchors; j++)
			if (j != i && c->anchors[j].mode != MODE_NOMINAL &&
			    consumes(a, c->anchors[j].verb_tok))
				takes_verb = 1;
		a->suppressed = !(a->matched && takes_verb);
	}
	for (int32_t i = 0; i < c->n_anchors; i++) {
		struct anchor *a = &c->anchors[i];
		for (int32_t j = 0; j < c->n_anchors && !a->suppressed; j++) {
			const struct anchor *o = &c->anchors[j];
			if (j != i && !o->suppressed && consumes(o, a->verb_tok) &&
			    !(consumes(a, o->verb_tok) && a->b.score > o->b.score))
				a->suppressed = 1;
		}
	}
}

/* ---- source and target ---------------------------------------------------- */

static int skippable_in_verb_group(const struct dyad__psentence *s,
                                   const struct anchor *a, int32_t i)
{
	const struct dyad__stok *t = &s->toks[i];
	/* words of the predicate that the pattern matched ("inching nearer") */
	if (consumes(a, i))
		return 1;
	if (t->cls == DYAD_PC_COMMA && (t->flags & TOK_ASIDE_CLOSE))
		return 1;
	switch (t->cls) {
	case DYAD_PC_ADV:
	case DYAD_PC_NEG:
	case DYAD_PC_MODAL:
	case DYAD_PC_BE:
	case DYAD_PC_HAVE:
	case DYAD_PC_DO:
	case DYAD_PC_TO:
		return t->unit == DYAD_CODER_NONE;
	default:
		break;
	}
	if (t->verb && t->unit == DYAD_CODER_NONE)
		return 1;
	/* "is about to restore" */
	return t->cls == DYAD_PC_PREP && strcmp(t->up, "ABOUT") == 0 &&
	       i + 1 < s->n && s->toks[i + 1].cls == DYAD_PC_TO;
}

static int is_subject_pronoun(const struct dyad__stok *t)
{
	return t->cls == DYAD_PC_PRON &&
	       (strcmp(t->up, "HE") == 0 || strcmp(t->up, "SHE") == 0 ||
	        strcmp(t->up, "IT") == 0 || strcmp(t->up, "THEY") == 0 ||
	        strcmp(t->up, "WE") == 0);
}

/* Prepositions that attach a noun phrase to the one before it: "the centre
 * of a row between A and B", "an embargo against C". Not "after", "with". */
static int chain_prep(const struct dyad__stok *t)
{
	static const char *const preps[] = {"OF", "BETWEEN", "IN", "ON", "AT",
	                                    "FROM", "AGAINST", "FOR", "BY", "OVER",
	                                    "NEAR"};
	if (t->cls != DYAD_PC_PREP)
		return 0;
	for (size_t i = 0; i < sizeof preps / sizeof *preps; i++)
		if (strcmp(t->up, preps[i]) == 0)
			return 1;
	return 0;
}

/* The nearest coded unit before token at, within its clause. */
static int32_t coded_before(const struct dyad__psentence *s, int32_t at)
{
	for (int32_t j = at - 1; j >= 0; j--) {
		enum dyad__pclass c = s->toks[j].cls;
		if (c == DYAD_PC_SUBORD || c == DYAD_PC_SEMI)
			break;
		int32_t u = s->toks[j].unit;
		if (u != DYAD_CODER_NONE && s->units[u].n_codes)
			return u;
	}
	return DYAD_CODER_NONE;
}

#define SUBJECT_INHERIT (-2) /* "..., and promised": the previous subject */

/*
 * The subject unit of the verb starting at token at: the unit before its
 * verb group, followed back through "X of Y between Z" to the first coded
 * unit of that chain. A personal pronoun takes the nearest coded unit before
 * it; "and" before the verb group means the previous verb's subject.
 */
static int32_t subject(const struct dyad__psentence *s, const struct anchor *a)
{
	int32_t i = a->s - 1;
	while (i >= 0 && skippable_in_verb_group(s, a, i))
		i--;
	if (i < 0)
		return DYAD_CODER_NONE;
	const struct dyad__stok *t = &s->toks[i];
	if (t->unit != DYAD_CODER_NONE) {
		int32_t u = t->unit;
		int32_t first = s->units[u].n_codes ? u : DYAD_CODER_NONE;
		while (s->units[u].s >= 2) {
			int32_t p = s->units[u].s - 1;
			if (!chain_prep(&s->toks[p]) || s->toks[p - 1].unit == DYAD_CODER_NONE)
				break;
			u = s->toks[p - 1].unit;
			if (s->units[u].n_codes)
				first = u;
		}
		return first;
	}
	if (is_subject_pronoun(t)) {
		for (int32_t j = i - 1; j >= 0; j--) {
			int32_t u = s->toks[j].unit;
			if (u != DYAD_CODER_NONE && s->units[u].n_codes)
				return u;
		}
		return DYAD_CODER_NONE;
	}
	if (t->cls == DYAD_PC_CONJ)
		return SUBJECT_INHERIT;
	return DYAD_CODER_NONE;
}

/* "was opposed by X": the unit after "by", or NONE when not passive. */
static int32_t passive_agent(const struct dyad__psentence *s,
                             const struct anchor *a)
{
	if (a->tense != TENSE_PAST)
		return DYAD_CODER_NONE;
	int32_t q = a->s - 1;
	while (q >= 0 && s->toks[q].cls == DYAD_PC_ADV)
		q--;
	if (q < 0 || s->toks[q].cls != DYAD_PC_BE)
		return DYAD_CODER_NONE;
	int32_t k = a->e;
	while (k < s->n && s->toks[k].cls == DYAD_PC_ADV)
		k++;
	if (k + 1 >= s->n || strcmp(s->toks[k].up, "BY") != 0)
		return DYAD_CODER_NONE;
	return s->toks[k + 1].unit;
}

/* Every code of a is one of b's: "Minas Tirith" after "Gondor and Arnor". */
static int codes_within(const struct dyad__sunit *a, const struct dyad__sunit *b)
{
	for (size_t i = 0; i < a->n_codes; i++) {
		int found = 0;
		for (size_t k = 0; k < b->n_codes && !found; k++)
			found = strcmp(a->codes[i], b->codes[k]) == 0;
		if (!found)
			return 0;
	}
	return 1;
}

/*
 * The first coded unit after the verb, other than the source. "their" before
 * any is the compound source itself: "A and B downplayed their meeting".
 */
static int32_t target(const struct dyad__psentence *s, const struct anchor *a,
                      int32_t src)
{
	int32_t agents_only = DYAD_CODER_NONE;
	for (int32_t k = a->e; k < s->n; k++) {
		const struct dyad__stok *t = &s->toks[k];
		if (t->cls == DYAD_PC_POSSPRON && strcmp(t->up, "THEIR") == 0 &&
		    src != DYAD_CODER_NONE && s->units[src].n_codes >= 2)
			return src;
		int32_t u = t->unit;
		if (u == DYAD_CODER_NONE || u == src || !s->units[u].n_codes)
			continue;
		int part_of_source = src != DYAD_CODER_NONE &&
		                     codes_within(&s->units[u], &s->units[src]);
		if (part_of_source || !s->units[u].has_actor) {
			/* an agent alone is a target of last resort, and "its
			 * ambassador" is the source's own */
			if (!part_of_source && agents_only == DYAD_CODER_NONE &&
			    s->toks[s->units[u].s].cls != DYAD_PC_POSSPRON)
				agents_only = u;
			k = s->units[u].e - 1;
			continue;
		}
		return u;
	}
	return agents_only;
}

/* Nothing but a preposition or the end after the verb: "said on Friday." */
static int intransitive(const struct dyad__psentence *s, const struct anchor *a)
{
	int32_t k = a->e;
	/* adverbs, and particles the pattern took ("burned down its embassy") */
	while (k < s->n && (s->toks[k].cls == DYAD_PC_ADV || consumes(a, k)))
		k++;
	if (k == s->n)
		return 1;
	switch (s->toks[k].cls) {
	case DYAD_PC_PREP:
	case DYAD_PC_TO:
	case DYAD_PC_END:
	case DYAD_PC_COMMA:
	case DYAD_PC_SEMI:
	case DYAD_PC_SUBORD:
	case DYAD_PC_CONJ:
	case DYAD_PC_QUOTE:
		return s->toks[k].unit == DYAD_CODER_NONE;
	default:
		return 0;
	}
}

/* ---- events ---------------------------------------------------------- */

static dyad_status emit(struct coder *c, const char *src, const char *tgt,
                        const char *code)
{
	if (strcmp(src, tgt) == 0 || !code[0] ||
	    strcmp(code, DYAD_PDICT_NULL_CODE) == 0)
		return DYAD_OK;
	for (size_t i = 0; i < c->n_events; i++)
		if (strcmp(c->events[i].source, src) == 0 &&
		    strcmp(c->events[i].target, tgt) == 0 &&
		    strcmp(c->events[i].code, code) == 0)
			return DYAD_OK;
	struct dyad_dict_event *e = DYAD_VEC_PUSH(&c->events, &c->n_events,
	                                          &c->a_events);
	if (!e)
		return DYAD_ENOMEM;
	e->source = src;
	e->target = tgt;
	e->code = code;
	return DYAD_OK;
}

/* "032:033": source->target 032, target->source 033. */
static dyad_status emit_pair(struct coder *c, const char *src, const char *tgt,
                             const char *code1, const char *code2)
{
	dyad_status st = emit(c, src, tgt, code1);
	if (st == DYAD_OK && code2 && strcmp(tgt, DYAD_PDICT_NULL_CODE) != 0)
		st = emit(c, tgt, src, code2);
	return st;
}

static dyad_status code_anchor(struct coder *c, struct anchor *a)
{
	struct dyad__psentence *s = c->s;
	char first[CODE_PART_MAX], second[CODE_PART_MAX];
	const char *colon = strchr(a->code, ':');
	size_t n1 = colon ? (size_t)(colon - a->code) : strlen(a->code);
	if (n1 >= sizeof first)
		n1 = sizeof first - 1;
	memcpy(first, a->code, n1);
	first[n1] = '\0';
	const char *code2 = NULL;
	if (colon) {
		size_t n2 = strlen(colon + 1);
		if (n2 >= sizeof second)
			n2 = sizeof second - 1;
		memcpy(second, colon + 1, n2);
		second[n2] = '\0';
		code2 = dyad_arena_strdup(s->arena, second);
		if (!code2)
			return DYAD_ENOMEM;
	}
	const char *code1 = dyad_arena_strdup(s->arena, first);
	if (!code1)
		return DYAD_ENOMEM;

	int32_t src = a->b.src, tgt = a->b.tgt;
	if (src == DYAD_CODER_NONE && tgt == DYAD_CODER_NONE) {
		int32_t by = passive_agent(s, a);
		if (by != DYAD_CODER_NONE) {
			src = by;
			tgt = subject(s, a);
			if (tgt < 0)
				tgt = DYAD_CODER_NONE;
		}
	}
	if (src == DYAD_CODER_NONE) {
		int32_t subj = subject(s, a);
		if (subj == SUBJECT_INHERIT) {
			for (const struct anchor *p = a; p-- > c->anchors;)
				if (!p->suppressed && p->src != DYAD_CODER_NONE) {
					subj = p->src;
					break;
				}
			if (subj == SUBJECT_INHERIT)
				subj = DYAD_CODER_NONE;
		}
		if (subj != DYAD_CODER_NONE && subj == tgt)
			subj = coded_before(s, s->units[tgt].s); /* "noted + *" */
		src = subj;
	}
	a->src = src;
	if (src == DYAD_CODER_NONE || !s->units[src].n_codes)
		return DYAD_OK;
	if (tgt == DYAD_CODER_NONE)
		tgt = target(s, a, src);
	const struct dyad__sunit *su = &s->units[src];
	dyad_status st = DYAD_OK;
	if (tgt == src || (tgt == DYAD_CODER_NONE && su->n_codes >= 2)) {
		/* a compound acting on itself: each member on the others */
		for (size_t i = 0; i < su->n_codes && st == DYAD_OK; i++)
			for (size_t j = 0; j < su->n_codes && st == DYAD_OK; j++)
				if (i != j)
					st = emit_pair(c, su->codes[i], su->codes[j], code1, code2);
		return st;
	}
	if (tgt == DYAD_CODER_NONE) {
		if (!intransitive(s, a))
			return DYAD_OK;
		for (size_t i = 0; i < su->n_codes && st == DYAD_OK; i++)
			st = emit(c, su->codes[i], DYAD_PDICT_NULL_CODE, code1);
		return st;
	}
	const struct dyad__sunit *tu = &s->units[tgt];
	for (size_t i = 0; i < su->n_codes && st == DYAD_OK; i++)
		for (size_t j = 0; j < tu->n_codes && st == DYAD_OK; j++)
			st = emit_pair(c, su->codes[i], tu->codes[j], code1, code2);
	return st;
}

/* No clause boundary between tokens a and b. */
static int same_clause(const struct dyad__psentence *s, int32_t a, int32_t b)
{
	for (int32_t i = a; i < b; i++) {
		enum dyad__pclass c = s->toks[i].cls;
		if (c == DYAD_PC_SUBORD || c == DYAD_PC_SEMI || c == DYAD_PC_END)
			return 0;
	}
	return 1;
}

static dyad_status code_verbs(struct coder *c)
{
	const struct anchor *governing = NULL;
	for (int32_t i = 0; i < c->n_anchors; i++) {
		struct anchor *a = &c->anchors[i];
		if (a->suppressed)
			continue;
		/* "urged X to respond", "after leaving": part of the governing verb */
		if (a->mode == MODE_NONFINITE && governing &&
		    strcmp(governing->code, DYAD_PDICT_NULL_CODE) != 0 &&
		    same_clause(c->s, governing->e, a->s))
			continue;
		governing = a;
		if (strcmp(a->code, DYAD_PDICT_NULL_CODE) == 0)
			continue;
		dyad_status st = code_anchor(c, a);
		if (st != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}

/* ---- the public entry point ---------------------------------------------- */

static dyad_status code(const dyad_dict *dict, struct dyad_arena *arena,
                        const char *text, size_t len, const char *date,
                        struct dyad_dict_coding *out, struct coder *c)
{
	struct dyad__ptok *raw;
	size_t n_raw;
	dyad_status st = dyad__ptokenize(arena, text, len, &raw, &n_raw);
	if (st != DYAD_OK)
		return st;
	char *all = join_canon(arena, raw, n_raw);
	if (!all)
		return DYAD_ENOMEM;
	out->discard = check_discards(dict, all);
	if (out->discard != DYAD_DICT_KEPT)
		return DYAD_OK;
	uint8_t *keep = dyad_arena_alloc(arena, n_raw + 1);
	uint8_t *aside_close = dyad_arena_calloc(arena, n_raw + 1, 1);
	if (!keep || !aside_close)
		return DYAD_ENOMEM;
	memset(keep, 1, n_raw + 1);
	drop_asides(dict, raw, keep, aside_close, n_raw);

	struct dyad__psentence *s = dyad_arena_calloc(arena, 1, sizeof *s);
	if (!s)
		return DYAD_ENOMEM;
	s->dict = dict;
	s->arena = arena;
	s->date = parse_date(date);
	c->s = s;
	if ((st = build_sentence(s, raw, n_raw, keep, aside_close)) != DYAD_OK ||
	    (st = dyad__coder_find_phrases(s)) != DYAD_OK ||
	    (st = find_verbs(c)) != DYAD_OK ||
	    (st = dyad__coder_build_units(s)) != DYAD_OK)
		return st;
	for (int32_t i = 0; i < c->n_anchors; i++)
		match_anchor(c, &c->anchors[i]);
	resolve_overlaps(c);
	return code_verbs(c);
}

dyad_status dyad_dict_code_sentence(const dyad_dict *dict, const char *text,
                                    size_t len, const char *date,
                                    struct dyad_dict_coding **out)
{
	*out = NULL;
	struct dyad_dict_coding *coding = dyad__calloc(1, sizeof *coding);
	struct dyad__dict_coding_private *priv = dyad__calloc(1, sizeof *priv);
	if (!coding || !priv) {
		dyad__free(coding);
		dyad__free(priv);
		return DYAD_ENOMEM;
	}
	coding->priv = priv;
	dyad_arena_init(&priv->arena, CODER_ARENA_CAP);
	struct coder c;
	memset(&c, 0, sizeof c);
	dyad_status st = code(dict, &priv->arena, text, len, date, coding, &c);
	priv->events = c.events;
	if (st != DYAD_OK) {
		dyad_dict_coding_free(coding);
		return st;
	}
	coding->events = c.events;
	coding->n_events = c.n_events;
	*out = coding;
	return DYAD_OK;
}

void dyad_dict_coding_free(struct dyad_dict_coding *coding)
{
	if (!coding)
		return;
	if (coding->priv) {
		dyad__free(coding->priv->events);
		dyad_arena_release(&coding->priv->arena);
		dyad__free(coding->priv);
	}
	dyad__free(coding);
}
