/*
 * steps.c - the parts of a grammar model and the steps over a sentence
 * (see steps.h).
 */
#include "parse/steps.h"

#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/utf8.h"
#include "kb/morph.h"
#include "parse/features.h"
#include "parse/tagger.h"

/* Bytes of dictionary lemmas one word may produce. */
#define DICT_LEMMA_BYTES 4096

/* ---- small sections ------------------------------------------------------ */

dyad_status dyad__tagnames_write(const struct dyad__tagnames *t, struct dyad_buf *out)
{
	dyad_buf_append(out, &t->n, sizeof t->n);
	for (uint32_t i = 0; i < t->n; i++) {
		uint8_t rec[2] = {(uint8_t)t->upos[i], t->xpos_len[i]};
		dyad_buf_append(out, rec, 2);
		dyad_buf_append(out, t->xpos[i], t->xpos_len[i]);
	}
	return out->error;
}

static dyad_status tagnames_read(struct dyad__tagnames *t, const unsigned char *p, size_t len)
{
	size_t at = sizeof t->n;
	if (len < at)
		return DYAD_EDATA;
	memcpy(&t->n, p, sizeof t->n);
	if (t->n == 0 || t->n > DYAD_MAX_TAGS)
		return DYAD_EDATA;
	for (uint32_t i = 0; i < t->n; i++) {
		if (at + 2 > len || p[at] >= DYAD_N_UPOS || p[at + 1] >= DYAD_XPOS_MAX_BYTES ||
		    at + 2 + p[at + 1] > len)
			return DYAD_EDATA;
		t->upos[i] = (enum dyad_upos)p[at];
		t->xpos_len[i] = p[at + 1];
		memcpy(t->xpos[i], p + at + 2, t->xpos_len[i]);
		at += 2 + (size_t)t->xpos_len[i];
	}
	return at == len ? DYAD_OK : DYAD_EDATA;
}

dyad_status dyad__labels_write(const struct dyad__labels *l, struct dyad_buf *out)
{
	dyad_buf_append(out, &l->n, sizeof l->n);
	return dyad_buf_append(out, l->rel, l->n);
}

static dyad_status labels_read(struct dyad__labels *l, const unsigned char *p, size_t len)
{
	uint32_t n;
	dyad__labels_init(l);
	if (len < sizeof n)
		return DYAD_EDATA;
	memcpy(&n, p, sizeof n);
	if (n == 0 || n > DYAD_PARSER_MAX_LABELS || len != sizeof n + n)
		return DYAD_EDATA;
	for (uint32_t i = 0; i < n; i++)
		if (dyad__labels_add(l, (enum dyad_deprel)p[sizeof n + i]) != (int)i)
			return DYAD_EDATA;
	return l->root == UINT32_MAX ? DYAD_EDATA : DYAD_OK;
}

dyad_status dyad__meta_write(const char *lang, unsigned flags, struct dyad_buf *out)
{
	return dyad_buf_printf(out, "lang=%s\nflags=%u\n", lang, flags);
}

static dyad_status meta_read(struct dyad__parts *p, const char *text, size_t len)
{
	char buf[128];
	unsigned flags;
	if (len >= sizeof buf)
		return DYAD_EDATA;
	memcpy(buf, text, len);
	buf[len] = '\0';
	if (sscanf(buf, "lang=%7[a-z]\nflags=%u", p->lang, &flags) != 2)
		return DYAD_EDATA;
	p->flags = flags;
	return DYAD_OK;
}

/* ---- opening ------------------------------------------------------------- */

struct opener {
	dyad__section_fn section;
	const void *ctx;
	char *errmsg;
	const char *missing; /* name of the first section absent or bad */
};

static int get(struct opener *o, const char *tag, const void **p, size_t *len)
{
	if (o->section(o->ctx, tag, p, len))
		return 1;
	if (!o->missing)
		o->missing = tag;
	return 0;
}

static dyad_status bad(struct opener *o, const char *tag)
{
	if (o->errmsg)
		snprintf(o->errmsg, DYAD_ERRMSG_MAX, "section %s is missing or damaged", tag);
	return DYAD_EDATA;
}

static dyad_status open_tagging(struct dyad__parts *p, struct opener *o)
{
	const void *a, *b, *c;
	size_t al, bl, cl;
	if (!get(o, DYAD_SEC_TAGS, &a, &al) || tagnames_read(&p->tags, a, al) != DYAD_OK)
		return bad(o, DYAD_SEC_TAGS);
	if (!get(o, DYAD_SEC_TAGGER, &a, &al) || dyad__pmodel_open(a, al, &p->tagger) != DYAD_OK ||
	    p->tagger.n_classes != p->tags.n)
		return bad(o, DYAD_SEC_TAGGER);
	if (o->section(o->ctx, DYAD_SEC_TAGGER2, &a, &al)) {
		if (dyad__pmodel_open(a, al, &p->tagger2) != DYAD_OK || p->tagger2.n_classes != p->tags.n)
			return bad(o, DYAD_SEC_TAGGER2);
		p->has_tagger2 = 1;
	}
	if (!get(o, DYAD_SEC_TD_WORDS, &a, &al) || !get(o, DYAD_SEC_TD_CLASSES, &b, &bl) ||
	    dyad__tagdict_open(a, al, b, bl, &p->tagdict) != DYAD_OK)
		return bad(o, DYAD_SEC_TD_WORDS);
	if (!get(o, DYAD_SEC_LM_INDEX, &a, &al) || !get(o, DYAD_SEC_LM_RULES, &b, &bl) ||
	    !get(o, DYAD_SEC_LM_STRINGS, &c, &cl) ||
	    dyad__lemmatiser_open(a, al, b, bl, c, cl, &p->lemmas) != DYAD_OK)
		return bad(o, DYAD_SEC_LM_INDEX);
	if ((p->flags & DYAD_PARTS_FEATLEX) &&
	    (!get(o, DYAD_SEC_FL_INDEX, &a, &al) || !get(o, DYAD_SEC_FL_BUNDLES, &b, &bl) ||
	     dyad__featlex_open(a, al, b, bl, &p->featlex) != DYAD_OK))
		return bad(o, DYAD_SEC_FL_INDEX);
	return DYAD_OK;
}

static dyad_status open_morpher(struct dyad__parts *p, struct opener *o)
{
	const void *a, *b;
	size_t al, bl;
	if (!(p->flags & DYAD_PARTS_MORPHER))
		return DYAD_OK;
	if (!get(o, "MORL", &a, &al) || dyad__morpher_read_layout(&p->morpher, a, al) != DYAD_OK ||
	    !get(o, DYAD_SEC_MORPHER, &b, &bl) ||
	    dyad__pmodel_open(b, bl, &p->morpher.weights) != DYAD_OK ||
	    p->morpher.weights.n_classes != p->morpher.n_classes)
		return bad(o, DYAD_SEC_MORPHER);
	return DYAD_OK;
}

dyad_status dyad__parts_open(struct dyad__parts *p, dyad__section_fn section, const void *ctx,
                             const struct dyad__morph *dict, char *errmsg)
{
	struct opener o = {section, ctx, errmsg, NULL};
	const void *a;
	size_t al;
	memset(p, 0, sizeof *p);
	p->dict = dict;
	if (!get(&o, DYAD_SEC_META, &a, &al) || meta_read(p, a, al) != DYAD_OK)
		return bad(&o, DYAD_SEC_META);
	if ((p->flags & DYAD_PARTS_DICT) && !dict) {
		if (errmsg)
			snprintf(errmsg, DYAD_ERRMSG_MAX,
			         "the %s model needs its dictionary (run tools/install-deps)", p->lang);
		return DYAD_EINVAL;
	}
	dyad_status st = open_tagging(p, &o);
	if (st == DYAD_OK)
		st = open_morpher(p, &o);
	if (st != DYAD_OK)
		return st;
	p->max_stride = p->tagger.stride;
	if (p->morpher.weights.stride > p->max_stride)
		p->max_stride = p->morpher.weights.stride;
	const void *b, *a2;
	size_t bl, al2;
	if (section(ctx, DYAD_SEC_LABELS, &a, &al) && section(ctx, DYAD_SEC_PARSER, &b, &bl)) {
		p->has_lparser = section(ctx, DYAD_SEC_PARSER_LABELS, &a2, &al2);
		if (labels_read(&p->labels, a, al) != DYAD_OK ||
		    dyad__pmodel_open(b, bl, &p->parser) != DYAD_OK ||
		    p->parser.n_classes != (p->has_lparser ? 3 : 1 + 2 * p->labels.n))
			return bad(&o, DYAD_SEC_PARSER);
		if (p->has_lparser && (dyad__pmodel_open(a2, al2, &p->lparser) != DYAD_OK ||
		                       p->lparser.n_classes != p->labels.n))
			return bad(&o, DYAD_SEC_PARSER_LABELS);
		p->has_parser = 1;
		/* the score buffer holds a step's sums and the kept ones, then
		 * (two steps) the label sums */
		uint32_t need = p->parser.stride + (p->has_lparser ? p->lparser.stride : 0);
		if (need > p->max_stride)
			p->max_stride = need;
	}
	return DYAD_OK;
}

/* ---- step 1: lexicon ----------------------------------------------------- */

/* One bit per value of a small enum, as a nonzero feature value. */
static uint64_t set_value(uint64_t bits, uint64_t kind)
{
	return dyad__nonzero(dyad__mix(bits * 0x9E3779B97F4A7C15ULL + kind));
}

/* The dictionary's analyses of word i: candidates and lexicon attributes. */
static dyad_status dictionary(const struct dyad__parts *p, struct dyad__sent *s, size_t i)
{
	struct dyad__morph_analysis an[DYAD_MORPH_MAX_ANALYSES];
	char lemmas[DICT_LEMMA_BYTES];
	struct dyad__sword *w = &s->w[i];
	size_t n = dyad__morph_analyse(p->dict, w->form, w->form_len, an, DYAD_MORPH_MAX_ANALYSES,
	                               lemmas, sizeof lemmas);
	uint64_t upos_bits = 0, case_bits = 0;
	w->cand_off = (uint32_t)s->n_cands;
	w->n_cand = 0;
	for (size_t k = 0; k < n; k++) {
		struct dyad__cand *c = dyad__sent_cand(s);
		if (!c || dyad__sent_put(s, lemmas + an[k].lemma_start, an[k].lemma_len,
		                         &c->lemma_off) != DYAD_OK)
			return DYAD_ENOMEM;
		c->lemma_len = an[k].lemma_len;
		c->upos = an[k].upos;
		c->feats = an[k].feats;
		c->score = an[k].score;
		c->flags = an[k].flags;
		w->n_cand++;
		upos_bits |= 1ULL << an[k].upos;
		case_bits |= 1ULL << dyad_ud_feat_get(an[k].feats, DYAD_FEAT_Case);
	}
	if (n == 0)
		return DYAD_OK;
	w->lex[DYAD_LEX_DICT_UPOS] = set_value(upos_bits, 1);
	w->lex[DYAD_LEX_DICT_CASE] = set_value(case_bits, 2);
	w->lex[DYAD_LEX_DICT_FIRST] = set_value(an[0].feats ^ ((uint64_t)an[0].upos << 58), 3);
	w->lex[DYAD_LEX_DICT_KIND] = set_value(an[0].flags, 4);
	return DYAD_OK;
}

dyad_status dyad__step_lexicon(const struct dyad__parts *p, struct dyad__sent *s)
{
	for (size_t i = 0; i < s->n; i++) {
		struct dyad__sword *w = &s->w[i];
		const struct dyad__tagclass *c = dyad__tagdict_get(&p->tagdict, w->k.norm);
		w->lex[DYAD_LEX_TAGS] = c ? c->value : 0;
		if ((p->flags & DYAD_PARTS_DICT) && p->dict && dictionary(p, s, i) != DYAD_OK)
			return DYAD_ENOMEM;
	}
	return DYAD_OK;
}

/* ---- steps 2 and 3 ------------------------------------------------------- */

dyad_status dyad__step_tag(const struct dyad__parts *p, struct dyad__sent *s, int32_t *acc)
{
	dyad__tagger_run(&p->tagger, DYAD_TAGGER_FIRST, s, acc);
	if (p->has_tagger2) {
		for (size_t i = 0; i < s->n; i++)
			s->w[i].tag1 = s->w[i].tag + 1;
		dyad__tagger_run(&p->tagger2, DYAD_TAGGER_SECOND, s, acc);
	}
	for (size_t i = 0; i < s->n; i++)
		s->w[i].upos = p->tags.upos[s->w[i].tag];
	return DYAD_OK;
}

/* A dictionary lemma of a proper noun takes the form's letter case over
 * the characters they share ("россия" for "России" -> "Россия"). */
static void name_case(const struct dyad__sword *w, char *lemma, size_t len)
{
	if (!(w->k.flags & DYAD_WORD_UPPER_INITIAL))
		return;
	char lower[DYAD_WORD_MAX_BYTES];
	size_t n = dyad_utf8_lower(w->form, w->form_len, lower, sizeof lower);
	if (n != w->form_len)
		return; /* lower-casing changed the byte lengths: leave the lemma be */
	size_t k = 0;
	while (k < n && k < len && lower[k] == lemma[k])
		k++;
	while (k > 0 && k < len && ((unsigned char)lemma[k] & 0xC0) == 0x80)
		k--;
	memcpy(lemma, w->form, k);
}

static dyad_status lemma(const struct dyad__parts *p, struct dyad__sent *s, size_t i)
{
	struct dyad__sword *w = &s->w[i];
	char out[DYAD_LEMMA_MAX_BYTES];
	enum dyad__lemma_source src;
	const char *lower = dyad__sent_str(s, w->lower_off);
	size_t n = dyad__lemmatise(&p->lemmas, w->form, w->form_len, lower, w->lower_len, w->tag, 0,
	                           out, sizeof out, &src);
	const struct dyad__cand *c = src == DYAD_LEMMA_NONE ? dyad__morpher_chosen(s, i) : NULL;
	if (c && c->lemma_len && c->lemma_len <= sizeof out) {
		memcpy(out, dyad__sent_str(s, c->lemma_off), c->lemma_len);
		n = c->lemma_len;
		if (w->upos == DYAD_UPOS_PROPN)
			name_case(w, out, n);
	} else if (src == DYAD_LEMMA_NONE) {
		lower = dyad__sent_str(s, w->lower_off);
		n = dyad__lemmatise(&p->lemmas, w->form, w->form_len, lower, w->lower_len, w->tag, 1,
		                    out, sizeof out, &src);
	}
	w->lemma_len = (uint32_t)n;
	return dyad__sent_put(s, out, n, &w->lemma_off);
}

dyad_status dyad__step_morphology(const struct dyad__parts *p, struct dyad__sent *s,
                                  int32_t *acc)
{
	if (p->flags & DYAD_PARTS_MORPHER)
		dyad__morpher_run(&p->morpher, s, acc);
	else if (p->flags & DYAD_PARTS_FEATLEX)
		for (size_t i = 0; i < s->n; i++)
			s->w[i].feats = dyad__featlex_get(&p->featlex, s->w[i].k.norm, s->w[i].tag);
	return dyad__step_lemmas(p, s);
}

dyad_status dyad__step_lemmas(const struct dyad__parts *p, struct dyad__sent *s)
{
	for (size_t i = 0; i < s->n; i++)
		if (lemma(p, s, i) != DYAD_OK)
			return DYAD_ENOMEM;
	dyad__step_lemma_keys(s);
	return DYAD_OK;
}

void dyad__step_lemma_keys(struct dyad__sent *s)
{
	for (size_t i = 0; i < s->n; i++)
		s->w[i].lemma_key = dyad__hash_str(dyad__sent_str(s, s->w[i].lemma_off),
		                                   s->w[i].lemma_len);
}
