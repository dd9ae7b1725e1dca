/*
 * morph.c - loading the Russian dictionary and answering "what can this
 * form be": the dictionary's entries (morph_lookup.c) or, for an unknown
 * form, guesses from its ending (morph_guess.c), each turned into UD terms
 * by the mapping rules (morph_map.c), its lemma spelt by UD's conventions,
 * equal analyses merged, best first.
 *
 * A form with a hyphen that the dictionary lacks ("экс-премьер") is looked
 * up by its last part; the part before stays in front of the lemma.
 */
#include "kb/morph.h"

#include <string.h>

#include "core/alloc.h"
#include "kb/morph_cand.h"
#include "kb/morph_file.h"

#define FILE_WORDS "words.dawg"
#define FILE_PROBS "p_t_given_w.intdawg"
#define FILE_GUESS "prediction-suffixes-%zu.dawg"
/* The mapping file, beside the dictionary's folder (DATA/lang/ru/). */
#define FILE_MAP "../opencorpora-ud.tsv"

/* Scratch limits of one lookup: analyses before merging, 1251 lemma bytes. */
#define MAX_RAW 128
#define LEMMA_POOL 4096
#define MAX_LEMMA (2 * DYAD__MORPH_MAX_KEY)

static dyad_status load_dawg(const char *dir, const char *name, struct dyad__dawg *dawg,
                             char *errmsg)
{
	char path[DYAD_ERRMSG_MAX];
	dyad_status st = dyad__morph_path(path, sizeof path, dir, name, errmsg);
	return st == DYAD_OK ? dyad__dawg_load(path, dawg, errmsg) : st;
}

static dyad_status load_parts(struct dyad__morph *m, const char *dir, char *errmsg)
{
	dyad_status st = dyad__oc_load(dir, &m->oc, errmsg);
	if (st == DYAD_OK)
		st = load_dawg(dir, FILE_WORDS, &m->words, errmsg);
	if (st == DYAD_OK)
		st = load_dawg(dir, FILE_PROBS, &m->probs, errmsg);
	for (size_t p = 0; st == DYAD_OK && p < m->oc.n_prefixes; p++) {
		char name[64];
		snprintf(name, sizeof name, FILE_GUESS, p);
		st = load_dawg(dir, name, &m->guess[p], errmsg);
		m->n_guess = p + 1;
	}
	if (st == DYAD_OK) {
		char path[DYAD_ERRMSG_MAX];
		st = dyad__morph_path(path, sizeof path, dir, FILE_MAP, errmsg);
		if (st == DYAD_OK)
			st = dyad__morph_map_load(path, &m->oc, &m->map, errmsg);
	}
	return st;
}

dyad_status dyad__morph_load(const char *dir, struct dyad__morph **out, char *errmsg)
{
	*out = NULL;
	if (errmsg)
		errmsg[0] = '\0';
	struct dyad__morph *m = dyad__calloc(1, sizeof *m);
	if (!m)
		return dyad__morph_error(errmsg, DYAD_ENOMEM, dir, "out of memory");
	dyad_status st = load_parts(m, dir, errmsg);
	if (st != DYAD_OK) {
		dyad__morph_free(m);
		return st;
	}
	*out = m;
	return DYAD_OK;
}

void dyad__morph_free(struct dyad__morph *m)
{
	if (!m)
		return;
	dyad__oc_release(&m->oc);
	dyad__morph_map_release(&m->map);
	dyad__dawg_release(&m->words);
	dyad__dawg_release(&m->probs);
	for (size_t p = 0; p < m->n_guess; p++)
		dyad__dawg_release(&m->guess[p]);
	dyad__free(m);
}

/* ---- analyses in UD terms ---------------------------------------------- */

struct raw {
	struct dyad__map_ud ud;
	float score;
	uint16_t lemma_at, lemma_len; /* in the pool, 1251 bytes, ё already spelt */
	unsigned flags;               /* DYAD_MORPH_* */
};

struct out_work {
	struct raw raw[MAX_RAW];
	size_t n_raw;
	uint8_t pool[LEMMA_POOL];
	size_t pool_len;
};

/* Merge into an equal analysis (UPOS, features, lemma and its case) or add one. */
static void add_raw(struct out_work *o, struct dyad__map_ud ud, const uint8_t *lemma,
                    size_t len, float score, unsigned flags)
{
	if (ud.flags & DYAD__MAP_DROP)
		return;
	uint8_t buf[MAX_LEMMA];
	if (len > sizeof buf)
		return;
	for (size_t i = 0; i < len; i++)
		buf[i] = (ud.flags & DYAD__MAP_LEMMA_YE) && lemma[i] == DYAD__KEY_YO ? DYAD__KEY_YE
		                                                                      : lemma[i];
	for (size_t i = 0; i < o->n_raw; i++) {
		struct raw *r = &o->raw[i];
		if (r->ud.upos == ud.upos && r->ud.feats == ud.feats && r->lemma_len == len &&
		    (r->ud.flags & DYAD__MAP_CASE_MASK) == (ud.flags & DYAD__MAP_CASE_MASK) &&
		    memcmp(o->pool + r->lemma_at, buf, len) == 0) {
			r->score += score;
			r->flags |= flags;
			return;
		}
	}
	if (o->n_raw == MAX_RAW || o->pool_len + len > LEMMA_POOL)
		return;
	memcpy(o->pool + o->pool_len, buf, len);
	o->raw[o->n_raw++] = (struct raw){ud, score, (uint16_t)o->pool_len, (uint16_t)len, flags};
	o->pool_len += len;
}

/* Rows that add analyses to one candidate, at most. */
#define MAX_ADDED 8

/* The form of the paradigm that spells the lemma: the first one like the candidate's. */
static uint32_t lemma_form(const struct dyad__morph *m, const struct dyad__map_ud *ud,
                           const struct dyad__morph_cand *c)
{
	if (!(ud->flags & DYAD__MAP_LEMMA_LIKE))
		return 0;
	const struct dyad__map_like *like = &m->map.rules[ud->like].like;
	struct dyad__oc_gset form = m->oc.tag_sets[dyad__oc_form_tag(&m->oc, c->para, c->form)];
	for (uint32_t k = 0; k < m->oc.paradigm_forms[c->para]; k++)
		if (dyad__map_like_ok(like, form, m->oc.tag_sets[dyad__oc_form_tag(&m->oc, c->para, k)]))
			return k;
	return 0;
}

/* An analysis of the rules, its lemma spelt from the paradigm or the form as found. */
static void add_analysis(struct out_work *o, const struct dyad__morph *m,
                         const struct dyad__morph_work *w, struct dyad__map_ud ud,
                         const struct dyad__morph_cand *c)
{
	uint8_t lemma[MAX_LEMMA];
	memcpy(lemma, w->key, w->head);
	const uint8_t *part = w->spell[c->spelling];
	size_t n = w->len - w->head;
	if (ud.flags & DYAD__MAP_LEMMA_FORM)
		memcpy(lemma + w->head, part, n);
	else
		n = dyad__oc_inflect(&m->oc, c->para, c->form, part, n, lemma_form(m, &ud, c),
		                     lemma + w->head, sizeof lemma - w->head);
	if (n > 0)
		add_raw(o, ud, lemma, w->head + n, c->score, c->flags);
}

/* One candidate: its tag's UD result, the lemma rules, then the analyses they add. */
static void convert(const struct dyad__morph *m, const struct dyad__morph_work *w,
                    const struct dyad__morph_cand *c, struct out_work *o)
{
	uint8_t lemma[MAX_LEMMA];
	memcpy(lemma, w->key, w->head);
	size_t n = dyad__oc_inflect(&m->oc, c->para, c->form, w->spell[c->spelling],
	                            w->len - w->head, 0, lemma + w->head, sizeof lemma - w->head);
	if (n == 0)
		return;
	n += w->head;
	uint16_t tag = dyad__oc_form_tag(&m->oc, c->para, c->form);
	struct dyad__map_ud ud = m->map.tags[tag], added[MAX_ADDED];
	size_t n_added = 0;
	for (uint32_t k = m->map.tag_rules_at[tag]; k < m->map.tag_rules_at[tag + 1]; k++) {
		const struct dyad__map_rule *r = &m->map.rules[m->map.tag_rules[k]];
		if (!dyad__map_rule_lemma_ok(r, lemma, n))
			continue;
		if (!(r->flags & DYAD__MAP_ADD)) {
			dyad__map_rule_apply(r, &ud);
		} else if (n_added < MAX_ADDED) {
			added[n_added] = ud;
			dyad__map_rule_apply(r, &added[n_added++]);
		}
	}
	add_analysis(o, m, w, ud, c);
	for (size_t i = 0; i < n_added; i++)
		add_analysis(o, m, w, added[i], c);
}

/* For a form in lower case, names only when the form can be nothing else. */
static void drop_proper(struct out_work *o, const struct dyad__morph_work *w)
{
	if (w->shape & DYAD__KEY_FIRST_UPPER)
		return;
	size_t n_common = 0;
	for (size_t i = 0; i < o->n_raw; i++)
		n_common += !(o->raw[i].ud.flags & DYAD__MAP_PROPER);
	if (n_common == 0 || n_common == o->n_raw)
		return;
	size_t k = 0;
	for (size_t i = 0; i < o->n_raw; i++)
		if (!(o->raw[i].ud.flags & DYAD__MAP_PROPER))
			o->raw[k++] = o->raw[i];
	o->n_raw = k;
}

/* Best first; equal scores keep the dictionary's order (insertion sort: n is small). */
static void sort_and_normalise(struct out_work *o)
{
	float total = 0;
	for (size_t i = 0; i < o->n_raw; i++)
		total += o->raw[i].score;
	for (size_t i = 1; i < o->n_raw; i++) {
		struct raw r = o->raw[i];
		size_t j = i;
		for (; j > 0 && o->raw[j - 1].score < r.score; j--)
			o->raw[j] = o->raw[j - 1];
		o->raw[j] = r;
	}
	for (size_t i = 0; total > 0 && i < o->n_raw; i++)
		o->raw[i].score /= total;
}

/* Which letters of the lemma are upper case, as its rules and the form say. */
static uint64_t lemma_case(const struct raw *r, const uint8_t *lemma,
                           const struct dyad__morph_work *w)
{
	unsigned mode = r->ud.flags & DYAD__MAP_CASE_MASK;
	if (mode == DYAD__MAP_CASE_UPPER)
		return UINT64_MAX;
	if (mode == 0)
		return 0;
	uint64_t bits = 0;
	if (mode == DYAD__MAP_CASE_TITLE) {
		size_t first = 0;
		while (first < r->lemma_len && !dyad__key_is_letter(lemma[first]))
			first++;
		bits = first < 63 ? (uint64_t)1 << first : 0;
		if (w->shape & DYAD__KEY_ALL_UPPER)
			return bits; /* "МОСКВЫ": a heading, not an abbreviation */
	}
	/* "МИДа" -> "МИД": letters the form capitalised stay so. */
	for (size_t i = 0; i < r->lemma_len && i < w->len && i < 63 && lemma[i] == w->key[i]; i++)
		bits |= w->upper & ((uint64_t)1 << i);
	return bits;
}

/* Write the best cap analyses, their lemmas in UTF-8 shared when equal. */
static size_t emit(const struct out_work *o, const struct dyad__morph_work *w,
                   struct dyad__morph_analysis *out, size_t cap, char *lemma_buf,
                   size_t lemma_cap)
{
	size_t n = 0, used = 0;
	for (size_t i = 0; i < o->n_raw && n < cap; i++) {
		const struct raw *r = &o->raw[i];
		const uint8_t *lemma = o->pool + r->lemma_at;
		char *dst = lemma_buf + used;
		size_t len = dyad__key_decode(lemma, r->lemma_len, lemma_case(r, lemma, w), dst,
		                              lemma_cap - used);
		if (len == SIZE_MAX)
			continue;
		uint32_t start = (uint32_t)used;
		for (size_t j = 0; j < n; j++)
			if (out[j].lemma_len == len && memcmp(lemma_buf + out[j].lemma_start, dst, len) == 0) {
				start = out[j].lemma_start;
				break;
			}
		if (start == used)
			used += len;
		out[n++] = (struct dyad__morph_analysis){r->ud.upos, r->ud.feats, r->score, start,
		                                         (uint32_t)len, r->flags};
	}
	return n;
}

/* The last hyphen of the form, when there is a part on either side of it. */
static size_t hyphen_head(const struct dyad__morph_work *w)
{
	for (size_t i = w->len; i > 1; i--)
		if (w->key[i - 1] == '-')
			return i < w->len ? i : 0;
	return 0;
}

static void find_candidates(const struct dyad__morph *m, struct dyad__morph_work *w)
{
	if (dyad__morph_lookup(m, w))
		return;
	size_t head = hyphen_head(w);
	if (head) {
		w->head = head;
		w->n_spell = 0;
		if (dyad__morph_lookup(m, w))
			return;
	}
	dyad__morph_guess(m, w);
}

size_t dyad__morph_analyse(const struct dyad__morph *morph, const char *form, size_t len,
                           struct dyad__morph_analysis *out, size_t cap, char *lemma_buf,
                           size_t lemma_cap)
{
	struct dyad__morph_work w;
	w.len = dyad__key_encode(form, len, w.key, sizeof w.key, &w.shape, &w.upper);
	if (w.len == 0 || !(w.shape & DYAD__KEY_HAS_LETTER) || cap == 0)
		return 0;
	for (size_t i = 0; i < w.len; i++)
		if (!dyad__key_is_letter(w.key[i]) && w.key[i] != '-')
			return 0;
	w.head = 0;
	w.n_spell = 0;
	w.n_cands = 0;
	find_candidates(morph, &w);
	struct out_work o;
	o.n_raw = 0;
	o.pool_len = 0;
	for (size_t i = 0; i < w.n_cands; i++)
		convert(morph, &w, &w.cands[i], &o);
	drop_proper(&o, &w);
	sort_and_normalise(&o);
	return emit(&o, &w, out, cap, lemma_buf, lemma_cap);
}
