/*
 * morph_lookup.c - a form's entries in the words DAWG and their P(tag | form).
 *
 * A key of words.dawg is the form, byte 1, then 4 payload bytes per entry
 * (paradigm and form number, 14 bits each). Forms are stored with ё where
 * the language has it, while texts mostly write е, so every е of the form
 * is tried both ways. P(tag | form), estimated by pymorphy2 from the
 * OpenCorpora corpus, is the value of the key "form:tag" of
 * p_t_given_w.intdawg, times a million.
 */
#include "kb/morph_cand.h"

#include <string.h>

/* What separates a key from its payloads, and a form from a tag. */
#define KEY_SEPARATOR 1u
#define PROB_SEPARATOR ':'
#define PROB_SCALE 1e6f
#define WORD_PAYLOAD 4
/* Score of an entry P(tag | form) does not know, when others of the form it knows. */
#define UNSEEN_SCORE 1e-4f

void dyad__morph_cand_add(struct dyad__morph_work *w, struct dyad__morph_cand c)
{
	if (w->n_cands < DYAD__MORPH_MAX_CANDS) {
		w->cands[w->n_cands++] = c;
		return;
	}
	size_t low = 0;
	for (size_t i = 1; i < w->n_cands; i++)
		if (w->cands[i].score < w->cands[low].score)
			low = i;
	if (c.score > w->cands[low].score)
		w->cands[low] = c;
}

int dyad__morph_spelling(struct dyad__morph_work *w, const uint8_t *s)
{
	size_t n = w->len - w->head;
	for (size_t i = 0; i < w->n_spell; i++)
		if (memcmp(w->spell[i], s, n) == 0)
			return (int)i;
	if (w->n_spell == DYAD__MORPH_MAX_SPELLINGS)
		return -1;
	memcpy(w->spell[w->n_spell], s, n);
	return (int)w->n_spell++;
}

struct spell_walk {
	const struct dyad__dawg *dawg;
	const uint8_t *key;
	size_t len;
	uint8_t spelling[DYAD__MORPH_MAX_KEY];
	void (*found)(void *ctx, const uint8_t *spelling, uint32_t node);
	void *ctx;
};

static void walk_from(struct spell_walk *sw, size_t i, uint32_t node)
{
	if (i == sw->len) {
		sw->found(sw->ctx, sw->spelling, node);
		return;
	}
	uint8_t c = sw->key[i];
	uint32_t next = dyad__dawg_follow(sw->dawg, node, &c, 1);
	if (next != DYAD__DAWG_NONE) {
		sw->spelling[i] = c;
		walk_from(sw, i + 1, next);
	}
	if (c == DYAD__KEY_YE) {
		uint8_t yo = DYAD__KEY_YO;
		next = dyad__dawg_follow(sw->dawg, node, &yo, 1);
		if (next != DYAD__DAWG_NONE) {
			sw->spelling[i] = yo;
			walk_from(sw, i + 1, next);
		}
	}
}

void dyad__morph_walk_spellings(const struct dyad__dawg *dawg, const uint8_t *key, size_t len,
                                void (*found)(void *ctx, const uint8_t *spelling, uint32_t node),
                                void *ctx)
{
	struct spell_walk sw = {dawg, key, len, {0}, found, ctx};
	if (len <= DYAD__MORPH_MAX_KEY)
		walk_from(&sw, 0, DYAD__DAWG_ROOT);
}

struct word_ctx {
	const struct dyad__morph *m;
	struct dyad__morph_work *w;
};

static void found_word(void *ctx, const uint8_t *spelling, uint32_t node)
{
	struct word_ctx *wc = ctx;
	const struct dyad__oc *oc = &wc->m->oc;
	uint8_t sep = KEY_SEPARATOR;
	node = dyad__dawg_follow(&wc->m->words, node, &sep, 1);
	if (node == DYAD__DAWG_NONE)
		return;
	int s = dyad__morph_spelling(wc->w, spelling);
	if (s < 0)
		return;
	struct dyad__dawg_walk walk;
	dyad__dawg_walk_start(&walk, &wc->m->words, node);
	while (dyad__dawg_walk_next(&walk)) {
		if (walk.len != WORD_PAYLOAD)
			continue;
		int para = dyad__morph_payload_u14(walk.key);
		int form = dyad__morph_payload_u14(walk.key + 2);
		if (para < 0 || form < 0 || (size_t)para >= oc->n_paradigms ||
		    form >= oc->paradigm_forms[para])
			continue;
		struct dyad__morph_cand c = {0.0f, (uint16_t)para, (uint16_t)form, (uint8_t)s,
		                             DYAD_MORPH_KNOWN};
		dyad__morph_cand_add(wc->w, c);
	}
}

/* P(tag | word) for the candidates of spelling s; how many had one. */
static size_t score_spelling(const struct dyad__morph *m, struct dyad__morph_work *w,
                             const uint8_t *word, size_t first, int s)
{
	uint8_t sep = PROB_SEPARATOR;
	uint32_t node = dyad__dawg_follow(&m->probs, DYAD__DAWG_ROOT, word, w->len - w->head);
	node = dyad__dawg_follow(&m->probs, node, &sep, 1);
	if (node == DYAD__DAWG_NONE)
		return 0;
	size_t n = 0;
	for (size_t i = first; i < w->n_cands; i++) {
		struct dyad__morph_cand *c = &w->cands[i];
		if (c->spelling != s || c->score > 0)
			continue;
		struct dyad__oc_str tag = m->oc.tag_names[dyad__oc_form_tag(&m->oc, c->para, c->form)];
		uint32_t v;
		if (dyad__dawg_value(&m->probs, dyad__dawg_follow(&m->probs, node, tag.s, tag.len), &v)) {
			c->score = (float)v / PROB_SCALE;
			n++;
		}
	}
	return n;
}

/* Score the candidates from first on; uniform when the corpus saw none of them. */
static void score(const struct dyad__morph *m, struct dyad__morph_work *w, size_t first)
{
	size_t n_scored = 0;
	for (size_t s = 0; s < w->n_spell; s++) {
		n_scored += score_spelling(m, w, w->spell[s], first, (int)s);
		/* The corpus spells as the text did, which may not be the dictionary's ё. */
		if (memcmp(w->spell[s], w->key + w->head, w->len - w->head) != 0)
			n_scored += score_spelling(m, w, w->key + w->head, first, (int)s);
	}
	size_t n = w->n_cands - first;
	for (size_t i = first; i < w->n_cands; i++)
		if (w->cands[i].score <= 0)
			w->cands[i].score = n_scored ? UNSEEN_SCORE : 1.0f / (float)n;
}

size_t dyad__morph_lookup(const struct dyad__morph *m, struct dyad__morph_work *w)
{
	size_t first = w->n_cands;
	struct word_ctx wc = {m, w};
	dyad__morph_walk_spellings(&m->words, w->key + w->head, w->len - w->head, found_word, &wc);
	score(m, w, first);
	return w->n_cands - first;
}
