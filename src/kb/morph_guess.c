/*
 * morph_guess.c - analyses of a form the dictionary lacks, from its ending.
 *
 * pymorphy2's prediction DAWGs, one per paradigm prefix ("", "по", "наи"),
 * map an ending of up to max_ending letters to the (count, paradigm, form)
 * triples of the dictionary words that end so. The longest ending of the
 * form that any open-class word shares decides: each triple becomes a
 * candidate scored by its share of the count, the form's stem kept and the
 * paradigm's endings giving the lemma. Closed classes (pronouns,
 * prepositions... the "closed" rows of the mapping) are never guessed, nor
 * names for a form in lower case.
 */
#include "kb/morph_cand.h"

#include <string.h>

#define KEY_SEPARATOR 1u
#define GUESS_PAYLOAD 6
/* A guess is worth less than a dictionary entry: the share of the count, halved. */
#define GUESS_DECAY 0.5f

struct guess_ctx {
	const struct dyad__morph *m;
	struct dyad__morph_work *w;
	const struct dyad__dawg *dawg;
	size_t stem;       /* bytes of the part kept before the ending */
	size_t ending;     /* bytes of the ending */
	float total;       /* counts of the candidates added */
	size_t first;      /* the first candidate of this prefix */
};

/* May the tag of (para, form) be guessed for this form? */
static int guessable(const struct dyad__morph *m, const struct dyad__morph_work *w,
                     uint32_t para, uint32_t form)
{
	const struct dyad__map_ud *ud = &m->map.tags[dyad__oc_form_tag(&m->oc, para, form)];
	if (ud->flags & (DYAD__MAP_CLOSED | DYAD__MAP_DROP))
		return 0;
	return !(ud->flags & DYAD__MAP_PROPER) || (w->shape & DYAD__KEY_FIRST_UPPER);
}

static void add_guess(struct guess_ctx *g, const uint8_t *key, int spelling)
{
	const struct dyad__oc *oc = &g->m->oc;
	int count = dyad__morph_payload_u14(key);
	int para = dyad__morph_payload_u14(key + 2);
	int form = dyad__morph_payload_u14(key + 4);
	if (count <= 0 || para < 0 || form < 0 || (size_t)para >= oc->n_paradigms ||
	    form >= oc->paradigm_forms[para] || !guessable(g->m, g->w, (uint32_t)para, (uint32_t)form))
		return;
	/* The paradigm must fit the whole form, not only the ending in the DAWG. */
	uint8_t lemma[2 * DYAD__MORPH_MAX_KEY];
	if (!dyad__oc_inflect(oc, (uint32_t)para, (uint32_t)form, g->w->spell[spelling],
	                      g->w->len - g->w->head, 0, lemma, sizeof lemma))
		return;
	struct dyad__morph_cand c = {(float)count, (uint16_t)para, (uint16_t)form,
	                             (uint8_t)spelling, DYAD_MORPH_PREDICTED};
	dyad__morph_cand_add(g->w, c);
	g->total += (float)count;
}

static void found_ending(void *ctx, const uint8_t *spelling, uint32_t node)
{
	struct guess_ctx *g = ctx;
	uint8_t sep = KEY_SEPARATOR;
	node = dyad__dawg_follow(g->dawg, node, &sep, 1);
	if (node == DYAD__DAWG_NONE)
		return;
	/* The form as this ending spells it: stem, then the ending as found. */
	uint8_t word[DYAD__MORPH_MAX_KEY];
	memcpy(word, g->w->key + g->w->head, g->stem);
	memcpy(word + g->stem, spelling, g->ending);
	int s = dyad__morph_spelling(g->w, word);
	if (s < 0)
		return;
	struct dyad__dawg_walk walk;
	dyad__dawg_walk_start(&walk, g->dawg, node);
	while (dyad__dawg_walk_next(&walk))
		if (walk.len == GUESS_PAYLOAD)
			add_guess(g, walk.key, s);
}

/* Guesses under prefix p: the longest ending that gives any. */
static void guess_prefix(const struct dyad__morph *m, struct dyad__morph_work *w, size_t p)
{
	const struct dyad__oc_str pre = m->oc.prefixes[p];
	const uint8_t *part = w->key + w->head;
	size_t n = w->len - w->head;
	if (pre.len >= n || memcmp(part, pre.s, pre.len) != 0)
		return;
	size_t longest = n - pre.len - 1; /* keep a letter of stem */
	if (longest > m->oc.max_ending)
		longest = m->oc.max_ending;
	struct guess_ctx g = {m, w, &m->guess[p], 0, 0, 0.0f, w->n_cands};
	for (size_t len = longest; len >= 1 && g.total == 0; len--) {
		g.stem = n - len;
		g.ending = len;
		dyad__morph_walk_spellings(g.dawg, part + g.stem, len, found_ending, &g);
	}
	for (size_t i = g.first; i < w->n_cands; i++)
		w->cands[i].score = w->cands[i].score / g.total * GUESS_DECAY;
}

size_t dyad__morph_guess(const struct dyad__morph *m, struct dyad__morph_work *w)
{
	size_t first = w->n_cands;
	for (size_t p = 0; p < m->n_guess && p < m->oc.n_prefixes; p++)
		guess_prefix(m, w, p);
	return w->n_cands - first;
}
