/*
 * train.c - training a grammar model (see train.h).
 *
 * The order of the work:
 *   1. read the treebanks; the fine tag set and the relation labels are the
 *      ones of the training files; every sentence is prepared once (word
 *      keys, dictionary analyses) and kept for all the passes below;
 *   2. count the lemma lexicon and rules, and the features by word and tag;
 *   3. for each of `folds` folds, learn a tag dictionary, a tagger and the
 *      morphology heads on the other folds and tag the fold with them
 *      (jackknifing); then learn the final ones on everything;
 *   4. learn the parser on the jackknifed tags, measuring dev each epoch;
 *   5. write the model, load it back and measure dev the way `dyad parse
 *      --eval` will.
 */
#include "parse/train.h"

#include <stdarg.h>
#include <string.h>
#include <time.h>

#include "core/alloc.h"
#include "kb/morph.h"
#include "parse/conllu.h"
#include "parse/features.h"
#include "parse/grammar.h"
#include "parse/model.h"
#include "parse/steps.h"
#include "parse/tagger.h"

#define NO_FOLD UINT32_MAX
/* A dictionary decides a category when the gold value is among the
 * analyses of the gold part of speech this often. */
#define DICT_HEAD_COVERAGE 0.93
#define ACC_SLOTS 512
#define KEY_TAG 0x7a6
#define MIN_RULE_COUNT 2
/* Votes of a lemma of the conventions followed, against one of others. */
#define TARGET_VOTES 3

struct corpus {
	struct dyad_conllu_doc *docs;
	size_t n_docs;
	struct dyad__sent *sents;
	const struct dyad_conllu_sentence **gold;
	size_t *text_base; /* text length after preparation, to rewind to */
	size_t n, n_words;
};

/* Jackknifed analysis of the training words, in corpus order. */
struct jackknife {
	uint32_t *tag, *chosen;
	enum dyad_upos *upos;
	uint64_t *feats;
};

struct trainer {
	const struct dyad__train_opts *o;
	char *errmsg;
	struct corpus train, dev;
	struct dyad__tagnames tags;
	struct dyad__kbuild tag_index;
	struct dyad__morpher layout;
	int use_morpher;
	int two_pass; /* a second tagger reads the first's tags */
	struct dyad__labels labels;
	struct dyad__model_writer w;
	struct dyad__parts parts;
	struct dyad__pstate pstate;
	int32_t acc[ACC_SLOTS];
	uint32_t *fold_of; /* per training sentence */
	struct jackknife jk;
	clock_t start;
};

static void say(struct trainer *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void say(struct trainer *t, const char *fmt, ...)
{
	if (!t->o->log)
		return;
	va_list ap;
	va_start(ap, fmt);
	fprintf(t->o->log, "[%6.1fs] ", (double)(clock() - t->start) / CLOCKS_PER_SEC);
	vfprintf(t->o->log, fmt, ap);
	fputc('\n', t->o->log);
	fflush(t->o->log);
	va_end(ap);
}

static dyad_status fail(struct trainer *t, dyad_status st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static dyad_status fail(struct trainer *t, dyad_status st, const char *fmt, ...)
{
	if (t->errmsg) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(t->errmsg, DYAD_ERRMSG_MAX, fmt, ap);
		va_end(ap);
	}
	return st;
}

void dyad__train_defaults(struct dyad__train_opts *o)
{
	memset(o, 0, sizeof *o);
	o->tag_epochs = 10;
	o->morph_epochs = 10;
	o->parse_epochs = 15;
	o->folds = 5;
	o->seed = 20240601;
	o->min_weight = 0.0f;
	o->explore = 0.9;
	o->td_share = 0.01f;
}

/* ---- corpora --------------------------------------------------------------- */

static uint32_t tag_of(struct trainer *t, const struct dyad_conllu_word *w, int add)
{
	uint64_t x = t->o->xpos && !(w->xpos_len == 1 && w->xpos[0] == '_')
	                 ? dyad__hash_str(w->xpos, w->xpos_len) : 0;
	uint64_t key = dyad__fkey2(KEY_TAG, w->upos, x);
	uint32_t *known = dyad__kbuild_get(&t->tag_index, key);
	if (known)
		return *known;
	if (!add || t->tags.n == DYAD_MAX_TAGS || w->upos == DYAD_UPOS_NONE)
		return UINT32_MAX;
	uint32_t tag = t->tags.n++;
	t->tags.upos[tag] = w->upos;
	size_t len = x && w->xpos_len < DYAD_XPOS_MAX_BYTES ? w->xpos_len : 0;
	memcpy(t->tags.xpos[tag], w->xpos, len);
	t->tags.xpos_len[tag] = (uint8_t)len;
	return dyad__kbuild_put(&t->tag_index, key, tag) == DYAD_OK ? tag : UINT32_MAX;
}

static void set_gold(struct trainer *t, struct dyad__sent *s,
                     const struct dyad_conllu_sentence *g, int train)
{
	uint32_t heads[DYAD_CONLLU_MAX_WORDS], proj[DYAD_CONLLU_MAX_WORDS];
	int parsed = 1;
	for (uint32_t i = 0; i < g->n_words; i++) {
		heads[i] = g->words[i].head;
		parsed &= heads[i] != DYAD_CONLLU_NO_HEAD;
	}
	if (train && parsed)
		dyad__projectivize(heads, g->n_words, proj);
	for (uint32_t i = 0; i < g->n_words; i++) {
		const struct dyad_conllu_word *cw = &g->words[i];
		struct dyad__gold *gd = &s->w[i].gold;
		gd->tag = tag_of(t, cw, train);
		gd->upos = cw->upos;
		gd->feats = cw->feats;
		gd->lemma = cw->lemma;
		gd->lemma_len = cw->lemma_len;
		gd->head = !parsed ? 0 : train ? proj[i] : heads[i];
		gd->label = cw->deprel;
		if (train && dyad__labels_add(&t->labels, cw->deprel) < 0)
			gd->label = DYAD_DEPREL_DEP;
	}
}

static dyad_status prepare(struct trainer *t, struct corpus *c, const struct dyad__parts *lex,
                           const unsigned *styles, int train)
{
	const char *forms[DYAD_CONLLU_MAX_WORDS];
	uint32_t lens[DYAD_CONLLU_MAX_WORDS];
	size_t k = 0;
	for (size_t d = 0; d < c->n_docs; d++)
		for (size_t i = 0; i < c->docs[d].n_sents; i++) {
			const struct dyad_conllu_sentence *g = &c->docs[d].sents[i];
			struct dyad__sent *s = &c->sents[k];
			for (uint32_t j = 0; j < g->n_words; j++) {
				forms[j] = g->words[j].form;
				lens[j] = g->words[j].form_len;
			}
			dyad__sent_init(s);
			if (dyad__sent_start(s, forms, lens, g->n_words) != DYAD_OK ||
			    dyad__step_lexicon(lex, s) != DYAD_OK)
				return DYAD_ENOMEM;
			s->style = styles ? styles[d] : 0;
			set_gold(t, s, g, train);
			c->gold[k] = g;
			c->text_base[k] = s->text.len;
			c->n_words += g->n_words;
			k++;
		}
	return DYAD_OK;
}

static dyad_status read_corpus(struct trainer *t, struct corpus *c, const char *const *files,
                               const unsigned *styles, size_t n_files,
                               const struct dyad__parts *lex, int train)
{
	memset(c, 0, sizeof *c);
	c->docs = dyad__calloc(n_files ? n_files : 1, sizeof *c->docs);
	if (!c->docs)
		return DYAD_ENOMEM;
	size_t n = 0;
	for (size_t f = 0; f < n_files; f++) {
		dyad_status st = dyad_conllu_read_file(files[f], &c->docs[f], t->errmsg);
		if (st != DYAD_OK)
			return st;
		c->n_docs++;
		n += c->docs[f].n_sents;
	}
	c->sents = dyad__calloc(n ? n : 1, sizeof *c->sents);
	c->gold = dyad__calloc(n ? n : 1, sizeof *c->gold);
	c->text_base = dyad__calloc(n ? n : 1, sizeof *c->text_base);
	if (!c->sents || !c->gold || !c->text_base)
		return DYAD_ENOMEM;
	c->n = n;
	return prepare(t, c, lex, styles, train);
}

static void corpus_release(struct corpus *c)
{
	for (size_t i = 0; c->sents && i < c->n; i++)
		dyad__sent_release(&c->sents[i]);
	for (size_t d = 0; d < c->n_docs; d++)
		dyad_conllu_release(&c->docs[d]);
	dyad__free(c->docs);
	dyad__free(c->sents);
	dyad__free(c->gold);
	dyad__free(c->text_base);
	memset(c, 0, sizeof *c);
}

/* ---- sections of the model being written --------------------------------- */

static int writer_section(const void *ctx, const char *tag, const void **p, size_t *len)
{
	const struct dyad__model_writer *w = ctx;
	for (size_t i = 0; i < w->n; i++)
		if (strncmp(w->tags[i], tag, DYAD_MODEL_TAG_BYTES) == 0) {
			*p = w->data[i].data ? w->data[i].data : "";
			*len = w->data[i].len;
			return 1;
		}
	return 0;
}

static struct dyad_buf *section(struct trainer *t, const char *tag)
{
	struct dyad_buf *b = dyad__model_writer_section(&t->w, tag);
	if (!b)
		fail(t, DYAD_ENOMEM, "too many model sections");
	return b;
}

static unsigned model_flags(const struct trainer *t)
{
	return (t->o->featlex ? DYAD_PARTS_FEATLEX : 0) | (t->o->dict ? DYAD_PARTS_DICT : 0) |
	       (t->o->rich ? DYAD_PARTS_RICH : 0) | (t->use_morpher ? DYAD_PARTS_MORPHER : 0);
}

/* ---- lexicons ------------------------------------------------------------ */

static dyad_status learn_lexicons(struct trainer *t)
{
	struct dyad__lemma_build lb;
	struct dyad__featlex_build fb;
	dyad_status st = dyad__lemma_build_init(&lb);
	dyad__featlex_init(&fb);
	for (size_t i = 0; st == DYAD_OK && i < t->train.n; i++) {
		const struct dyad__sent *s = &t->train.sents[i];
		for (size_t j = 0; st == DYAD_OK && j < s->n; j++) {
			const struct dyad__sword *w = &s->w[j];
			if (w->gold.tag == UINT32_MAX)
				continue;
			/* the conventions followed outvote the others */
			for (int v = 0; st == DYAD_OK && v < (s->style ? 1 : TARGET_VOTES); v++)
				st = dyad__lemma_build_add(&lb, w->form, w->form_len,
				                           dyad__sent_str(s, w->lower_off), w->lower_len,
				                           w->gold.tag, w->gold.lemma, w->gold.lemma_len);
			if (st == DYAD_OK && t->o->featlex)
				st = dyad__featlex_add(&fb, w->k.norm, w->gold.tag, w->gold.feats);
		}
	}
	struct dyad_buf *index = section(t, DYAD_SEC_LM_INDEX), *rules = section(t, DYAD_SEC_LM_RULES),
	                *strings = section(t, DYAD_SEC_LM_STRINGS);
	if (st == DYAD_OK && (!index || !rules || !strings))
		st = DYAD_ENOMEM;
	if (st == DYAD_OK)
		st = dyad__lemma_build_freeze(&lb, MIN_RULE_COUNT, index, rules, strings);
	if (st == DYAD_OK && t->o->featlex) {
		struct dyad_buf *fi = section(t, DYAD_SEC_FL_INDEX), *fbund = section(t, DYAD_SEC_FL_BUNDLES);
		st = fi && fbund ? dyad__featlex_freeze(&fb, fi, fbund) : DYAD_ENOMEM;
	}
	dyad__lemma_build_release(&lb);
	dyad__featlex_release(&fb);
	return st;
}

/* The categories of the training data, and those its dictionary decides
 * (judged on the sentences of the conventions followed, when there are). */
static void morpher_layout(struct trainer *t)
{
	size_t seen[DYAD_N_UD_FEATS] = {0}, covered[DYAD_N_UD_FEATS] = {0}, asked = 0;
	uint32_t mask = 0, dict = 0;
	unsigned style = 1;
	for (size_t i = 0; i < t->train.n; i++)
		style = t->train.sents[i].style < style ? t->train.sents[i].style : style;
	for (size_t i = 0; i < t->train.n; i++) {
		const struct dyad__sent *s = &t->train.sents[i];
		for (size_t j = 0; s->style == style && j < s->n; j++) {
			const struct dyad__sword *w = &s->w[j];
			int any = 0;
			uint64_t hit[DYAD_N_UD_FEATS] = {0};
			for (uint32_t c = 0; c < w->n_cand; c++) {
				const struct dyad__cand *cd = &s->cands[w->cand_off + c];
				if (cd->upos != w->gold.upos)
					continue;
				any = 1;
				for (unsigned f = 0; f < DYAD_N_UD_FEATS; f++)
					hit[f] |= dyad_ud_feat_get(cd->feats, (enum dyad_ud_feat)f) ==
					          dyad_ud_feat_get(w->gold.feats, (enum dyad_ud_feat)f);
			}
			asked += any;
			for (unsigned f = 0; f < DYAD_N_UD_FEATS; f++) {
				seen[f] += dyad_ud_feat_get(w->gold.feats, (enum dyad_ud_feat)f) != 0;
				covered[f] += any && hit[f];
			}
		}
	}
	for (unsigned f = 0; f < DYAD_N_UD_FEATS; f++) {
		if (seen[f])
			mask |= 1u << f;
		if (seen[f] && asked && (double)covered[f] >= DICT_HEAD_COVERAGE * (double)asked)
			dict |= 1u << f;
		if (seen[f])
			say(t, "morphology: %-9s in %6zu words, dictionary has the gold value %5.1f%%%s",
			    dyad_ud_feat_name((enum dyad_ud_feat)f), seen[f],
			    asked ? 100.0 * (double)covered[f] / (double)asked : 0.0,
			    dict & (1u << f) ? " (decides)" : "");
	}
	dyad__morpher_layout(&t->layout, mask, dict);
}

/* ---- taggers --------------------------------------------------------------- */

static int in_run(const struct trainer *t, size_t sent, uint32_t held)
{
	return held == NO_FOLD || t->fold_of[sent] != held;
}

/* Random permutation of the sentences of a run (held-out fold left out). */
static size_t shuffle(const struct trainer *t, uint32_t held, uint64_t seed, size_t *order)
{
	size_t n = 0;
	for (size_t i = 0; i < t->train.n; i++)
		if (in_run(t, i, held))
			order[n++] = i;
	uint64_t x = seed * 0x9E3779B97F4A7C15ULL + 1;
	for (size_t i = n; i > 1; i--) {
		x ^= x >> 12, x ^= x << 25, x ^= x >> 27;
		size_t j = (size_t)((x * 0x2545F4914F6CDD1DULL) % i);
		size_t tmp = order[i - 1];
		order[i - 1] = order[j];
		order[j] = tmp;
	}
	return n;
}

/* Tag dictionary of a run: counted on its sentences, classes of their words
 * left one out, classes of the held-out words from the frozen dictionary. */
static dyad_status tag_dictionary(struct trainer *t, uint32_t held, struct dyad_buf *words,
                                  struct dyad_buf *classes)
{
	struct dyad__tagdict_build b;
	dyad_status st = dyad__tagdict_init(&b, t->tags.n, t->o->td_share);
	for (size_t i = 0; st == DYAD_OK && i < t->train.n; i++)
		for (size_t j = 0; in_run(t, i, held) && st == DYAD_OK && j < t->train.sents[i].n; j++)
			st = dyad__tagdict_add(&b, t->train.sents[i].w[j].k.norm, t->train.sents[i].w[j].gold.tag);
	for (size_t i = 0; st == DYAD_OK && i < t->train.n; i++) {
		struct dyad__sent *s = &t->train.sents[i];
		int own = in_run(t, i, held);
		for (size_t j = 0; j < s->n; j++)
			s->w[j].lex[DYAD_LEX_TAGS] =
				dyad__tagdict_class(&b, s->w[j].k.norm, own ? s->w[j].gold.tag : UINT32_MAX);
	}
	if (st == DYAD_OK)
		st = dyad__tagdict_freeze(&b, words, classes);
	dyad__tagdict_release(&b);
	return st;
}

static dyad_status learn_tagger(struct trainer *t, uint32_t held, enum dyad__tagger_pass pass,
                                size_t *order, struct dyad_buf *out)
{
	struct dyad__ptrain *w;
	dyad_status st = dyad__ptrain_new(t->tags.n, &w);
	for (unsigned e = 0; st == DYAD_OK && e < t->o->tag_epochs; e++) {
		size_t n = shuffle(t, held, t->o->seed + e + 100u * (held + 1) + 57u * pass, order);
		size_t right = 0, all = 0;
		for (size_t k = 0; st == DYAD_OK && k < n; k++) {
			st = dyad__tagger_learn(w, t->tags.n, pass, &t->train.sents[order[k]], &right);
			all += t->train.sents[order[k]].n;
		}
		if (held == NO_FOLD)
			say(t, "tagger (pass %d) epoch %u: %.2f%% of training words", pass + 1, e + 1,
			    all ? 100.0 * (double)right / (double)all : 0.0);
	}
	if (st == DYAD_OK)
		st = dyad__ptrain_freeze(w, t->o->tag_min_weight, out);
	dyad__ptrain_free(w);
	return st;
}

static dyad_status learn_morpher(struct trainer *t, uint32_t held, size_t *order,
                                 struct dyad_buf *out)
{
	struct dyad__ptrain *w;
	dyad_status st = dyad__ptrain_new(t->layout.n_classes, &w);
	for (unsigned e = 0; st == DYAD_OK && e < t->o->morph_epochs; e++) {
		size_t n = shuffle(t, held, t->o->seed + 7 * e + 100u * (held + 1), order), right = 0;
		size_t all = 0;
		for (size_t k = 0; st == DYAD_OK && k < n; k++) {
			struct dyad__sent *s = &t->train.sents[order[k]];
			for (size_t j = 0; j < s->n; j++) {
				s->w[j].tag = s->w[j].gold.tag < t->tags.n ? s->w[j].gold.tag : 0;
				s->w[j].upos = s->w[j].gold.upos;
			}
			st = dyad__morpher_learn(&t->layout, w, s, &right);
			all += s->n;
		}
		if (held == NO_FOLD)
			say(t, "morphology epoch %u: %.2f%% of training words", e + 1,
			    all ? 100.0 * (double)right / (double)all : 0.0);
	}
	if (st == DYAD_OK)
		st = dyad__ptrain_freeze(w, t->o->tag_min_weight, out);
	dyad__ptrain_free(w);
	return st;
}

/* ---- jackknifing --------------------------------------------------------- */

struct run_models {
	struct dyad_buf tagger, td_words, td_classes, morpher;
};

static void run_models_init(struct run_models *m)
{
	dyad_buf_init(&m->tagger, 0);
	dyad_buf_init(&m->td_words, 0);
	dyad_buf_init(&m->td_classes, 0);
	dyad_buf_init(&m->morpher, 0);
}

static void run_models_release(struct run_models *m)
{
	dyad_buf_release(&m->tagger);
	dyad_buf_release(&m->td_words);
	dyad_buf_release(&m->td_classes);
	dyad_buf_release(&m->morpher);
}

/* The tagger a run ends with: the second pass when there is one. */
static enum dyad__tagger_pass last_pass(const struct trainer *t)
{
	return t->two_pass ? DYAD_TAGGER_SECOND : DYAD_TAGGER_FIRST;
}

/* Learn the last tagging models of a run (its tag dictionary, tagger and
 * morphology) into the buffers given. */
static dyad_status learn_run(struct trainer *t, uint32_t held, size_t *order, struct dyad_buf *tagger,
                             struct dyad_buf *td_words, struct dyad_buf *td_classes,
                             struct dyad_buf *morpher)
{
	dyad_status st = tag_dictionary(t, held, td_words, td_classes);
	if (st == DYAD_OK)
		st = learn_tagger(t, held, last_pass(t), order, tagger);
	if (st == DYAD_OK && t->use_morpher)
		st = learn_morpher(t, held, order, morpher);
	return st;
}

/* Tag the held-out fold with a tagger of its run. */
static dyad_status tag_held(struct trainer *t, uint32_t held, const struct dyad_buf *frozen,
                            enum dyad__tagger_pass pass)
{
	struct dyad__pmodel tagger;
	if (dyad__pmodel_open(frozen->data, frozen->len, &tagger) != DYAD_OK)
		return fail(t, DYAD_EDATA, "jackknifing: a frozen tagger does not open");
	for (size_t i = 0; i < t->train.n; i++)
		if (t->fold_of[i] == held)
			dyad__tagger_run(&tagger, pass, &t->train.sents[i], t->acc);
	return DYAD_OK;
}

/* With two passes, first-pass tags of every training word by a first pass
 * that never saw it: what the second pass learns to correct. */
static dyad_status first_pass_tags(struct trainer *t, size_t *order)
{
	dyad_status st = DYAD_OK;
	for (uint32_t k = 0; st == DYAD_OK && k < t->o->folds; k++) {
		struct run_models m;
		run_models_init(&m);
		st = tag_dictionary(t, k, &m.td_words, &m.td_classes);
		if (st == DYAD_OK)
			st = learn_tagger(t, k, DYAD_TAGGER_FIRST, order, &m.tagger);
		if (st == DYAD_OK)
			st = tag_held(t, k, &m.tagger, DYAD_TAGGER_FIRST);
		run_models_release(&m);
	}
	for (size_t i = 0; st == DYAD_OK && i < t->train.n; i++)
		for (size_t j = 0; j < t->train.sents[i].n; j++)
			t->train.sents[i].w[j].tag1 = t->train.sents[i].w[j].tag + 1;
	say(t, "first-pass tags of the training words by jackknifing");
	return st;
}

/* Tag the held-out fold with its run's last models; keep it in t->jk. */
static dyad_status tag_fold(struct trainer *t, uint32_t held, const struct run_models *m,
                            const struct dyad__featlex *featlex)
{
	struct dyad__morpher morpher = t->layout;
	if (t->use_morpher &&
	    dyad__pmodel_open(m->morpher.data, m->morpher.len, &morpher.weights) != DYAD_OK)
		return fail(t, DYAD_EDATA, "jackknifing: a frozen model does not open");
	dyad_status st = tag_held(t, held, &m->tagger, last_pass(t));
	size_t word = 0;
	for (size_t i = 0; st == DYAD_OK && i < t->train.n; i++) {
		struct dyad__sent *s = &t->train.sents[i];
		if (t->fold_of[i] != held) {
			word += s->n;
			continue;
		}
		for (size_t j = 0; j < s->n; j++)
			s->w[j].upos = t->tags.upos[s->w[j].tag];
		if (t->use_morpher)
			dyad__morpher_run(&morpher, s, t->acc);
		for (size_t j = 0; j < s->n; j++, word++) {
			struct dyad__sword *w = &s->w[j];
			if (!t->use_morpher)
				w->feats = featlex ? dyad__featlex_get(featlex, w->k.norm, w->tag) : 0;
			t->jk.tag[word] = w->tag;
			t->jk.upos[word] = w->upos;
			t->jk.feats[word] = w->feats;
			t->jk.chosen[word] = w->chosen;
		}
	}
	return st;
}

static dyad_status jackknife(struct trainer *t, size_t *order)
{
	struct dyad__featlex featlex, *fl = NULL;
	const void *a, *b;
	size_t al, bl;
	if (t->o->featlex && writer_section(&t->w, DYAD_SEC_FL_INDEX, &a, &al) &&
	    writer_section(&t->w, DYAD_SEC_FL_BUNDLES, &b, &bl) &&
	    dyad__featlex_open(a, al, b, bl, &featlex) == DYAD_OK)
		fl = &featlex;
	dyad_status st = t->two_pass ? first_pass_tags(t, order) : DYAD_OK;
	for (uint32_t k = 0; st == DYAD_OK && k < t->o->folds; k++) {
		struct run_models m;
		run_models_init(&m);
		st = learn_run(t, k, order, &m.tagger, &m.td_words, &m.td_classes, &m.morpher);
		if (st == DYAD_OK)
			st = tag_fold(t, k, &m, fl);
		run_models_release(&m);
		say(t, "jackknifing: fold %u of %u tagged", k + 1, t->o->folds);
	}
	return st;
}

/* The training words take their jackknifed analysis (or gold without
 * folds) and lemmas, for the parser to learn from. */
static dyad_status parser_inputs(struct trainer *t)
{
	size_t word = 0, right = 0;
	for (size_t i = 0; i < t->train.n; i++) {
		struct dyad__sent *s = &t->train.sents[i];
		for (size_t j = 0; j < s->n; j++, word++) {
			struct dyad__sword *w = &s->w[j];
			if (t->o->folds >= 2) {
				w->tag = t->jk.tag[word], w->upos = t->jk.upos[word];
				w->feats = t->jk.feats[word], w->chosen = t->jk.chosen[word];
			} else {
				w->tag = w->gold.tag < t->tags.n ? w->gold.tag : 0;
				w->upos = w->gold.upos, w->feats = w->gold.feats;
			}
			right += w->upos == w->gold.upos;
		}
		s->text.len = t->train.text_base[i];
		if (dyad__step_lemmas(&t->parts, s) != DYAD_OK)
			return DYAD_ENOMEM;
	}
	say(t, "parser input: UPOS %.2f%% right on the training words",
	    word ? 100.0 * (double)right / (double)word : 0.0);
	return DYAD_OK;
}

/* ---- final models and measurement ---------------------------------------- */

static dyad_status final_taggers(struct trainer *t, size_t *order)
{
	struct dyad_buf *tagger = section(t, DYAD_SEC_TAGGER), *tdw = section(t, DYAD_SEC_TD_WORDS),
	                *tdc = section(t, DYAD_SEC_TD_CLASSES), *meta = section(t, DYAD_SEC_META),
	                *tags = section(t, DYAD_SEC_TAGS);
	struct dyad_buf *tagger2 = t->two_pass ? section(t, DYAD_SEC_TAGGER2) : NULL;
	struct dyad_buf *layout = t->use_morpher ? section(t, "MORL") : NULL;
	struct dyad_buf *morpher = t->use_morpher ? section(t, DYAD_SEC_MORPHER) : NULL;
	if (!tagger || !tdw || !tdc || !meta || !tags || (t->two_pass && !tagger2) ||
	    (t->use_morpher && (!layout || !morpher)))
		return DYAD_ENOMEM;
	dyad_status st = learn_run(t, NO_FOLD, order, t->two_pass ? tagger2 : tagger, tdw, tdc,
	                           morpher);
	if (st == DYAD_OK && t->two_pass)
		st = learn_tagger(t, NO_FOLD, DYAD_TAGGER_FIRST, order, tagger);
	if (st == DYAD_OK)
		st = dyad__meta_write(t->o->lang, model_flags(t), meta);
	if (st == DYAD_OK)
		st = dyad__tagnames_write(&t->tags, tags);
	if (st == DYAD_OK && layout)
		st = dyad__morpher_write_layout(&t->layout, layout);
	if (st == DYAD_OK)
		st = dyad__parts_open(&t->parts, writer_section, &t->w, t->o->dict, t->errmsg);
	return st;
}

/* The words of s as the API gives them, for scoring. */
static void to_words(const struct trainer *t, const struct dyad__sent *s,
                     struct dyad_grammar_word *out)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct dyad__sword *w = &s->w[i];
		struct dyad_grammar_word *x = &out[i];
		memset(x, 0, sizeof *x);
		x->upos = w->upos;
		x->xpos = t->tags.xpos[w->tag];
		x->xpos_len = t->tags.xpos_len[w->tag];
		x->feats = w->feats;
		x->lemma = dyad__sent_str(s, w->lemma_off);
		x->lemma_len = w->lemma_len;
		x->head = w->head;
		x->deprel = (enum dyad_deprel)w->label;
	}
}

static void score(struct trainer *t, struct corpus *c, struct dyad_grammar_scores *sc)
{
	static struct dyad_grammar_word words[DYAD_CONLLU_MAX_WORDS];
	memset(sc, 0, sizeof *sc);
	for (size_t i = 0; i < c->n; i++) {
		to_words(t, &c->sents[i], words);
		dyad_grammar_score(sc, c->gold[i]->words, words, c->sents[i].n);
	}
}

static double pct(size_t right, size_t all)
{
	return all ? 100.0 * (double)right / (double)all : 0.0;
}

/* Tag, analyse and lemmatise dev with the final models. */
static dyad_status tag_dev(struct trainer *t)
{
	for (size_t i = 0; i < t->dev.n; i++) {
		struct dyad__sent *s = &t->dev.sents[i];
		for (size_t j = 0; j < s->n; j++) {
			const struct dyad__tagclass *c = dyad__tagdict_get(&t->parts.tagdict, s->w[j].k.norm);
			s->w[j].lex[DYAD_LEX_TAGS] = c ? c->value : 0;
		}
		s->text.len = t->dev.text_base[i];
		if (dyad__step_tag(&t->parts, s, t->acc) != DYAD_OK ||
		    dyad__step_morphology(&t->parts, s, t->acc) != DYAD_OK)
			return DYAD_ENOMEM;
		for (size_t j = 0; t->o->gold_dev && j < s->n; j++) {
			struct dyad__sword *w = &s->w[j];
			w->tag = w->gold.tag < t->tags.n ? w->gold.tag : 0;
			w->upos = w->gold.upos;
			w->feats = w->gold.feats;
			w->lemma_key = dyad__hash_str(w->gold.lemma, w->gold.lemma_len);
		}
	}
	if (t->dev.n) {
		struct dyad_grammar_scores sc;
		score(t, &t->dev, &sc);
		say(t, "dev tagging: UPOS %.2f XPOS %.2f UFeats %.2f Case %.2f Lemma %.2f",
		    pct(sc.upos, sc.words), pct(sc.xpos, sc.words), pct(sc.ufeats, sc.words),
		    pct(sc.feat[DYAD_FEAT_Case], sc.words), pct(sc.lemma, sc.words));
	}
	return DYAD_OK;
}

/* Parse dev with frozen parser weights (and label weights, two steps:
 * lfrozen not NULL); log UAS and LAS. */
static dyad_status parse_dev(struct trainer *t, const struct dyad_buf *frozen,
                             const struct dyad_buf *lfrozen, unsigned epoch)
{
	struct dyad__pmodel m, lm;
	if (!t->dev.n)
		return DYAD_OK;
	if (dyad__pmodel_open(frozen->data, frozen->len, &m) != DYAD_OK ||
	    (lfrozen && dyad__pmodel_open(lfrozen->data, lfrozen->len, &lm) != DYAD_OK))
		return fail(t, DYAD_EDATA, "the parser weights do not open");
	if (t->pstate.memo) /* the weights of the last epoch may have lain here */
		dyad__pmemo_forget(t->pstate.memo);
	if (t->pstate.lmemo)
		dyad__pmemo_forget(t->pstate.lmemo);
	for (size_t i = 0; i < t->dev.n; i++)
		if (dyad__parser_run(&m, lfrozen ? &lm : NULL, &t->labels, &t->pstate,
		                     &t->dev.sents[i], t->acc) != DYAD_OK)
			return DYAD_ENOMEM;
	struct dyad_grammar_scores sc;
	score(t, &t->dev, &sc);
	say(t, "parser after epoch %u: dev UAS %.2f LAS %.2f (%u rows of weights)", epoch,
	    pct(sc.uas, sc.words), pct(sc.las, sc.words), m.n_rows);
	return DYAD_OK;
}

/* One run of the parser's training: its own order of sentences and its
 * own exploration; with a log, dev is measured after every epoch of the
 * first run. */
static dyad_status parser_run(struct trainer *t, unsigned run, size_t *order,
                              struct dyad__ptrain *w, struct dyad__ptrain *lw)
{
	uint64_t seed = t->o->seed + 1000003u * run;
	struct dyad__parser_learning how = {0, seed | 1, 0, 0};
	dyad_status st = DYAD_OK;
	t->pstate.rich = t->o->rich;
	for (unsigned e = 0; st == DYAD_OK && e < t->o->parse_epochs; e++) {
		size_t n = shuffle(t, NO_FOLD, seed + 31 * e + 5, order);
		how.explore = e == 0 ? 0 : t->o->explore;
		how.n_steps = how.n_errors = 0;
		for (size_t k = 0; st == DYAD_OK && k < n; k++)
			st = dyad__parser_learn(w, lw, &t->labels, &t->pstate, &t->train.sents[order[k]],
			                        &how);
		size_t feats, weights;
		dyad__ptrain_stats(w, &feats, &weights);
		say(t, "parser run %u epoch %u: %.2f%% of moves wrong, %zu features, %zu weights",
		    run + 1, e + 1, pct(how.n_errors, how.n_steps), feats, weights);
		if (st == DYAD_OK && t->o->log && run == 0 && t->dev.n) {
			struct dyad_buf frozen, lfrozen;
			dyad_buf_init(&frozen, 0);
			dyad_buf_init(&lfrozen, 0);
			st = dyad__ptrain_freeze(w, t->o->min_weight, &frozen);
			if (st == DYAD_OK && lw)
				st = dyad__ptrain_freeze(lw, t->o->min_weight, &lfrozen);
			if (st == DYAD_OK)
				st = parse_dev(t, &frozen, lw ? &lfrozen : NULL, e + 1);
			dyad_buf_release(&frozen);
			dyad_buf_release(&lfrozen);
		}
	}
	return st;
}

/* The parser's tables being learnt: w, and lw for a two-step parser. */
struct ptables {
	struct dyad__ptrain *w, *lw;
};

static void ptables_free(struct ptables *p)
{
	dyad__ptrain_free(p->w);
	dyad__ptrain_free(p->lw);
	p->w = p->lw = NULL;
}

static dyad_status ptables_new(struct trainer *t, struct ptables *p)
{
	int two = !t->o->one_step;
	dyad_status st = dyad__ptrain_new(two ? 3 : 1 + 2 * t->labels.n, &p->w);
	if (st == DYAD_OK && two)
		st = dyad__ptrain_new(t->labels.n, &p->lw);
	return st;
}

static dyad_status ptables_add(struct ptables *sum, const struct ptables *p, float factor)
{
	dyad_status st = dyad__ptrain_add_average(sum->w, p->w, factor);
	if (st == DYAD_OK && p->lw)
		st = dyad__ptrain_add_average(sum->lw, p->lw, factor);
	return st;
}

/* The parser: the average of parse_runs runs (one is the plain perceptron),
 * frozen into out (and lout, two steps). */
static dyad_status learn_parser(struct trainer *t, size_t *order, struct dyad_buf *out,
                                struct dyad_buf *lout)
{
	unsigned runs = t->o->parse_runs ? t->o->parse_runs : 1;
	struct ptables sum = {NULL, NULL}, w = {NULL, NULL};
	dyad_status st = runs > 1 ? ptables_new(t, &sum) : DYAD_OK;
	for (unsigned r = 0; st == DYAD_OK && r < runs; r++) {
		st = ptables_new(t, &w);
		if (st == DYAD_OK)
			st = parser_run(t, r, order, w.w, w.lw);
		if (st == DYAD_OK && sum.w)
			st = ptables_add(&sum, &w, 1.0f / (float)runs);
		if (sum.w || st != DYAD_OK)
			ptables_free(&w);
	}
	const struct ptables *final = sum.w ? &sum : &w;
	if (st == DYAD_OK)
		st = dyad__ptrain_freeze(final->w, t->o->min_weight, out);
	if (st == DYAD_OK && final->lw)
		st = dyad__ptrain_freeze(final->lw, t->o->min_weight, lout);
	if (st == DYAD_OK && runs > 1)
		st = parse_dev(t, out, final->lw ? lout : NULL, t->o->parse_epochs);
	ptables_free(&sum);
	ptables_free(&w);
	return st;
}

/* Load the written model and measure dev through the API, as `dyad parse
 * --eval` does. */
static dyad_status check_saved(struct trainer *t)
{
	struct dyad_grammar *g;
	struct dyad_grammar_work *work;
	dyad_status st = dyad_grammar_load(t->o->out, t->o->dict, &g, t->errmsg);
	if (st != DYAD_OK)
		return st;
	st = dyad_grammar_work_new(&work);
	static struct dyad_grammar_word words[DYAD_CONLLU_MAX_WORDS];
	struct dyad_grammar_scores sc;
	memset(&sc, 0, sizeof sc);
	for (size_t i = 0; st == DYAD_OK && i < t->dev.n; i++) {
		const struct dyad_conllu_sentence *gs = t->dev.gold[i];
		for (uint32_t j = 0; j < gs->n_words; j++) {
			memset(&words[j], 0, sizeof words[j]);
			words[j].form = gs->words[j].form;
			words[j].form_len = gs->words[j].form_len;
		}
		st = dyad_grammar_analyse(g, work, words, gs->n_words, DYAD_GRAMMAR_ALL);
		if (st == DYAD_OK)
			dyad_grammar_score(&sc, gs->words, words, gs->n_words);
	}
	if (st == DYAD_OK && t->dev.n && t->o->log) {
		say(t, "the saved model on dev:");
		dyad_grammar_scores_print(&sc, "dev", t->o->log);
	}
	dyad_grammar_work_free(work);
	dyad_grammar_free(g);
	return st;
}

static dyad_status train_all(struct trainer *t)
{
	static const struct dyad__parts no_parts;
	struct dyad__parts lex = no_parts;
	lex.flags = t->o->dict ? DYAD_PARTS_DICT : 0;
	lex.dict = t->o->dict;
	dyad_status st = read_corpus(t, &t->train, t->o->train, t->o->train_style, t->o->n_train,
	                             &lex, 1);
	if (st == DYAD_OK)
		st = read_corpus(t, &t->dev, t->o->dev, NULL, t->o->n_dev, &lex, 0);
	if (st != DYAD_OK)
		return st;
	if (t->labels.root == UINT32_MAX || t->tags.n == 0)
		return fail(t, DYAD_EFORMAT, "the training files have no tagged, parsed sentences");
	say(t, "read %zu training sentences (%zu words), %zu dev sentences; %u tags, %u labels",
	    t->train.n, t->train.n_words, t->dev.n, t->tags.n, t->labels.n);
	size_t *order = dyad__calloc(t->train.n + 1, sizeof *order);
	t->fold_of = dyad__calloc(t->train.n + 1, sizeof *t->fold_of);
	size_t nw = t->train.n_words + 1;
	t->jk.tag = dyad__calloc(nw, sizeof *t->jk.tag);
	t->jk.chosen = dyad__calloc(nw, sizeof *t->jk.chosen);
	t->jk.upos = dyad__calloc(nw, sizeof *t->jk.upos);
	t->jk.feats = dyad__calloc(nw, sizeof *t->jk.feats);
	if (!order || !t->fold_of || !t->jk.tag || !t->jk.chosen || !t->jk.upos || !t->jk.feats)
		st = DYAD_ENOMEM;
	for (size_t i = 0; st == DYAD_OK && i < t->train.n; i++)
		t->fold_of[i] = t->o->folds >= 2 ? (uint32_t)(i % t->o->folds) : NO_FOLD;
	t->use_morpher = t->o->dict != NULL;
	t->two_pass = t->o->two_pass && t->o->folds >= 2;
	if (st == DYAD_OK && t->use_morpher)
		morpher_layout(t);
	if (st == DYAD_OK)
		st = learn_lexicons(t);
	if (st == DYAD_OK && t->o->folds >= 2)
		st = jackknife(t, order);
	if (st == DYAD_OK)
		st = final_taggers(t, order);
	if (st == DYAD_OK)
		st = tag_dev(t);
	if (st == DYAD_OK && t->o->parse_epochs == 0) {
		dyad__free(order);
		return DYAD_OK; /* tagging only: nothing is written */
	}
	if (st == DYAD_OK)
		st = parser_inputs(t);
	struct dyad_buf *labels = st == DYAD_OK ? section(t, DYAD_SEC_LABELS) : NULL;
	struct dyad_buf *parser = labels ? section(t, DYAD_SEC_PARSER) : NULL;
	struct dyad_buf *lparser = parser && !t->o->one_step
	                               ? section(t, DYAD_SEC_PARSER_LABELS) : NULL;
	if (st == DYAD_OK && (!parser || (!t->o->one_step && !lparser)))
		st = DYAD_ENOMEM;
	if (st == DYAD_OK)
		st = dyad__labels_write(&t->labels, labels);
	if (st == DYAD_OK)
		st = learn_parser(t, order, parser, lparser);
	if (st == DYAD_OK)
		st = dyad__model_writer_save(&t->w, t->o->out, t->errmsg);
	if (st == DYAD_OK) {
		size_t total = 0;
		for (size_t i = 0; i < t->w.n; i++) {
			say(t, "section %-8.8s %10zu bytes", t->w.tags[i], t->w.data[i].len);
			total += t->w.data[i].len;
		}
		say(t, "wrote %s (%.1f MB)", t->o->out, (double)total / 1048576.0);
	}
	dyad__free(order);
	return st == DYAD_OK ? check_saved(t) : st;
}

dyad_status dyad__train(const struct dyad__train_opts *o, char *errmsg)
{
	struct trainer *t = dyad__calloc(1, sizeof *t);
	if (!t)
		return DYAD_ENOMEM;
	t->o = o;
	t->errmsg = errmsg;
	t->start = clock();
	dyad__kbuild_init(&t->tag_index);
	dyad__labels_init(&t->labels);
	dyad__model_writer_init(&t->w);
	dyad__pstate_init(&t->pstate);
	dyad_status st = train_all(t);
	if (st != DYAD_OK && errmsg && !errmsg[0])
		snprintf(errmsg, DYAD_ERRMSG_MAX, "training failed: %s", dyad_strerror(st));
	corpus_release(&t->train);
	corpus_release(&t->dev);
	dyad__kbuild_release(&t->tag_index);
	dyad__model_writer_release(&t->w);
	dyad__pstate_release(&t->pstate);
	dyad__free(t->fold_of);
	dyad__free(t->jk.tag);
	dyad__free(t->jk.chosen);
	dyad__free(t->jk.upos);
	dyad__free(t->jk.feats);
	dyad__free(t);
	return st;
}
