/*
 * mentions.c - the entity stage and its first pass: the mentions of every
 * sentence. At each token the longest dictionary phrase (entities/match.c)
 * wins, else a run of capitalised words shaped like a name. The later
 * passes compose titles with names (titles.c), decide which names are
 * people (names.c) and merge mentions into entities (merge.c).
 */

#include <string.h>

#include "entities/entities.h"
#include "kb/engine.h"
#include "kb/forms.h"
#include "kb/gazetteer.h"
#include "kb/lang.h"
#include "kb/morph.h"
#include "kb/ud.h"
#include "text/words.h"

#define MAX_NAME_WORDS 4      /* given + patronymic + two-part surname */
#define MAX_NAME_SYLLABLE 4   /* a lower-case part after a hyphen: "Ho-jin" */

static struct dyad__mention *add_mention(struct dyad__work *w, size_t s,
                                         size_t a, size_t b,
                                         enum dyad__mention_kind kind)
{
	struct dyad__mention *m = DYAD_WORK_PUSH_SCRATCH(w, mentions);
	if (!m)
		return NULL;
	m->tok_start = (uint32_t)a;
	m->tok_end = (uint32_t)b;
	m->start = w->tokens[a].start;
	m->end = w->tokens[b - 1].end;
	m->kind = kind;
	m->entity = -1;
	m->sentence = (int32_t)s;
	m->record = -1;
	m->lead_tok = -1;
	for (size_t k = a; k < b; k++)
		w->tokens[k].mention = (int32_t)(w->n_mentions - 1);
	return m;
}

static int is_name_word(const struct dyad__work *w, size_t i)
{
	const struct dyad__token *t = &w->tokens[i];
	if (!(t->flags & DYAD_TOK_WORD) || !(t->flags & DYAD_TOK_CAP) ||
	    (t->flags & DYAD_TOK_NUMBER))
		return 0;
	if (t->end - t->start > 2 && (t->flags & DYAD_TOK_ALLCAPS))
		return 0; /* acronyms and shouted words are not names */
	return !(dyad__tok_form(w, t)->classes & FORM_STOPWORD);
}

/* The dictionary phrase found at a token, remembered: the token where a
 * name-shaped run stops for a phrase is where the next mention starts. */
struct phrase_at {
	size_t tok;                        /* SIZE_MAX: none remembered */
	size_t len;
	const struct dyad__gaz_entry *entry;
};

static size_t phrase_at(const struct dyad__work *w, size_t k, size_t end,
                        struct phrase_at *seen, const struct dyad__gaz_entry **e)
{
	if (seen->tok != k) {
		seen->len = dyad__gaz_match(w->engine->gaz, w, k, end, &seen->entry);
		seen->tok = k;
	}
	*e = seen->entry;
	return seen->len;
}

/* The dictionary's likeliest reading of token k is a given name ("Айбек",
 * "Иван"): OpenCorpora's Name, or its guess for a name it lacks. */
static int given_name(const struct dyad__work *w, size_t k)
{
	const struct dyad__morph *morph = dyad__lang_dictionary(dyad__tok_lang(w, k));
	const struct dyad__token *t = &w->tokens[k];
	struct dyad__morph_analysis an;
	char lemma[DYAD_MAX_WORD_BYTES];
	if (!morph || !dyad__morph_analyse(morph, w->text + t->start, t->end - t->start, &an, 1,
	                                   lemma, sizeof lemma))
		return 0;
	unsigned type = dyad_ud_feat_get(an.feats, DYAD_FEAT_NameType);
	return type && strcmp(dyad_ud_feat_value_name(DYAD_FEAT_NameType, type), "Giv") == 0;
}

/*
 * A one-word place at k, where a name run from i stops, is the run's
 * surname when the name names no place: after a given name and another name
 * word ("Abdul Qahar Balkhi"), or shaped like a surname after a given name
 * ("Айбек Токтогулов", not the town of Токтогул) - and no name word follows.
 */
static int place_is_surname(const struct dyad__work *w, size_t i, size_t k, size_t words,
                            size_t end, const struct dyad__gaz_entry *e)
{
	if (e->kind != GAZ_PLACE || e->n_tokens != 1 || !is_name_word(w, k) ||
	    (k + 1 < end && is_name_word(w, k + 1)))
		return 0;
	if (words >= 2)
		return 1;
	return words == 1 && (dyad__tok_form(w, &w->tokens[k])->classes & FORM_SURNAME_SHAPE) &&
	       given_name(w, i);
}

/* Length in tokens of a name-shaped run at i ("Kassym-Jomart Tokayev",
 * "M. Mamytkanov"), stopping where a dictionary phrase begins. */
static size_t name_run(const struct dyad__work *w, size_t i, size_t end,
                       size_t *n_words, struct phrase_at *seen)
{
	size_t k = i, words = 0;
	while (k < end && words < MAX_NAME_WORDS) {
		if (k > i) {
			/* a dictionary phrase, a known name included, starts a mention
			 * of its own: "Визит Ильхама Алиева"; but a one-word place
			 * after a given name and another name word is the surname of
			 * a name that names no place ("Abdul Qahar Balkhi") */
			const struct dyad__gaz_entry *e;
			if (phrase_at(w, k, end, seen, &e)) {
				if (place_is_surname(w, i, k, words, end, e)) {
					words++;
					k++;
				}
				break;
			}
		}
		if (!is_name_word(w, k))
			break;
		size_t next = k + 1;
		if (w->tokens[k].flags & DYAD_TOK_INITIAL)
			next++; /* the dot */
		/* hyphenated parts: Kassym-Jomart, Kara-Kyrgyz, Ho-jin */
		while (next + 1 < end && dyad__tok_is_char(w, next, '-') &&
		       (w->tokens[next].flags & DYAD_TOK_GLUED) &&
		       (w->tokens[next + 1].flags & DYAD_TOK_GLUED) &&
		       (w->tokens[next + 1].flags & DYAD_TOK_WORD) &&
		       ((w->tokens[next + 1].flags & DYAD_TOK_CAP) ||
		        w->tokens[next + 1].end - w->tokens[next + 1].start <= MAX_NAME_SYLLABLE))
			next += 2;
		words++;
		k = next;
	}
	*n_words = words;
	return k - i;
}

static enum dyad__mention_kind kind_of(enum dyad__gaz_kind g)
{
	switch (g) {
	case GAZ_COUNTRY: return DYAD_MENTION_COUNTRY;
	case GAZ_ADJECTIVE: return DYAD_MENTION_ADJECTIVE;
	case GAZ_DEMONYM: return DYAD_MENTION_DEMONYM;
	case GAZ_CAPITAL: case GAZ_SEAT: return DYAD_MENTION_CAPITAL;
	case GAZ_REGION: return DYAD_MENTION_REGION;
	case GAZ_PLACE: return DYAD_MENTION_PLACE;
	case GAZ_PERSON: return DYAD_MENTION_PERSON;
	case GAZ_ROLE: return DYAD_MENTION_ROLE;
	case GAZ_ORG: return DYAD_MENTION_ORG;
	default: return DYAD_MENTION_ORG_HEAD;
	}
}

/* Fill what a dictionary reading tells about a mention. */
static void apply_entry(struct dyad__work *w, struct dyad__mention *m,
                        const struct dyad__gaz_entry *e)
{
	const struct dyad__gazetteer *gaz = w->engine->gaz;
	m->kind = kind_of((enum dyad__gaz_kind)e->kind);
	m->record = (int32_t)e->record;
	switch ((enum dyad__gaz_kind)e->kind) {
	case GAZ_COUNTRY: case GAZ_ADJECTIVE: case GAZ_DEMONYM:
		m->country = gaz->countries[e->record].iso3;
		break;
	case GAZ_CAPITAL: case GAZ_SEAT:
		m->country = gaz->countries[e->record].iso3;
		m->agent = "GOV";
		m->record = e->place; /* the city, when places.tsv has it */
		break;
	case GAZ_PLACE:
		m->country = gaz->places[e->record].iso3;
		break;
	case GAZ_PERSON: {
		const struct dyad__person *p =
			dyad__person_on(gaz, &gaz->people[e->record], &w->published);
		m->person = p;
		m->country = p->iso3;
		m->role = p->role;
		const struct dyad__role *r = dyad__role_find(gaz, p->role);
		m->agent = r ? r->agent : "GOV";
		break;
	}
	case GAZ_ROLE:
		m->role = gaz->roles[e->record].role;
		m->agent = gaz->roles[e->record].agent;
		break;
	case GAZ_ORG:
		m->country = gaz->orgs[e->record].country;
		m->actor = gaz->orgs[e->record].actor;
		break;
	case GAZ_ORG_HEAD:
		m->agent = gaz->heads[e->record].agent;
		break;
	default:
		break;
	}
}

/* How many mentions the document may have within its bound (doc/work.h):
 * past it, the rest of the document has none. */
static size_t last_mention(const struct dyad__work *w)
{
	size_t used = dyad__work_bytes(w), bound = DYAD_ANALYSIS_BYTES(w->len);
	return w->n_mentions + (used < bound ? (bound - used) / sizeof *w->mentions : 0);
}

static dyad_status find_mentions(struct dyad__work *w, size_t s)
{
	const struct dyad__sentence *sent = &w->sentences[s];
	size_t i = sent->tok_start, end = sent->tok_end;
	struct phrase_at seen = {SIZE_MAX, 0, NULL};
	size_t last = last_mention(w);
	while (i < end && w->n_mentions < last) {
		const struct dyad__token *t = &w->tokens[i];
		if (!(t->flags & DYAD_TOK_WORD)) {
			i++;
			continue;
		}
		const struct dyad__gaz_entry *e;
		size_t n = phrase_at(w, i, end, &seen, &e);
		size_t words = 0;
		size_t run = is_name_word(w, i) ? name_run(w, i, end, &words, &seen) : 0;
		/* a longer name beats a dictionary first name ("Jordan Smith") */
		if (n && !(e->kind != GAZ_PERSON && run > n && words >= 2 &&
		           e->kind == GAZ_PLACE)) {
			struct dyad__mention *m = add_mention(w, s, i, i + n, DYAD_MENTION_ORG);
			if (!m)
				return DYAD_ENOMEM;
			apply_entry(w, m, e);
			i += n;
			continue;
		}
		/* "Talks between A and B ...", "Встреча президента ...": the capital
		 * letter that opens a sentence makes no name of a predicate noun */
		if (run && words == 1 && (t->flags & DYAD_TOK_SENT_START) &&
		    (dyad__tok_form(w, t)->classes & FORM_VERB_ANCHOR))
			run = 0;
		if (run) {
			struct dyad__mention *m = add_mention(w, s, i, i + run, DYAD_MENTION_NAME);
			if (!m)
				return DYAD_ENOMEM;
			m->n_words = (int)words;
			i += run;
			continue;
		}
		i++;
	}
	return DYAD_OK;
}

struct dyad__mention *dyad__mention_at(struct dyad__work *w, size_t tok)
{
	int32_t m = w->tokens[tok].mention;
	return m >= 0 ? &w->mentions[m] : NULL;
}

int dyad__gives_country(const struct dyad__mention *m)
{
	return m && m->country &&
	       (m->kind == DYAD_MENTION_COUNTRY || m->kind == DYAD_MENTION_ADJECTIVE ||
	        m->kind == DYAD_MENTION_CAPITAL || m->kind == DYAD_MENTION_PLACE ||
	        m->kind == DYAD_MENTION_ORG);
}

dyad_status dyad__entities_extract(struct dyad__work *w)
{
	dyad_status st;
	for (size_t s = 0; s < w->n_sentences; s++) {
		/* the passes read only the sentence's own mentions, the last ones
		 * added: the stage stays linear in the length of the document */
		size_t first = w->n_mentions;
		if ((st = find_mentions(w, s)) != DYAD_OK)
			return st;
		dyad__reassign_owned_orgs(w, s, first);
		dyad__compose_org_heads(w, s, first);
		dyad__confirm_names(w, s, first);
		dyad__titles_as_people(w, s, first);
		dyad__groups_where_they_stand(w, s, first);
		dyad__dateline_places(w, s, first);
	}
	return dyad__build_entities(w);
}
