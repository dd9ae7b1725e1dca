/*
 * stage.c - the grammar stage (see stage.h): each chosen sentence's tokens
 * become treebank words (words.h), the language's model analyses them
 * (grammar.h) with a work area from the engine's pool (engine.h), and the
 * analysis is written back per token: the word's first token carries it,
 * the other tokens of a joined word are its pieces.
 *
 * Memory: w->grammar (24 bytes a token) is made at the first analysed
 * sentence; the lemmas that are not the token's lower-case form are copied
 * into one pool (w->lemmas) in the scratch arena; the words of one sentence
 * are kept in a buffer grown to the longest. Nothing is allocated per
 * token. Both count against the document's bound (DYAD_WORK_CAP of
 * doc/work.h) with the other working arrays: past it the sentences are not
 * analysed (a 5 MB document of nothing but event sentences is analysed in
 * part; a news article is far from the bound).
 */
#include "parse/stage.h"

#include <string.h>

#include "kb/engine.h"
#include "kb/forms.h"
#include "kb/lang.h"
#include "parse/conllu_doc.h"
#include "parse/engine.h"
#include "parse/grammar.h"
#include "parse/words.h"

struct stage {
	struct dyad__work *w;
	struct dyad_grammar_work *work;
	struct dyad__gword *gw;        /* the sentence's words */
	struct dyad_grammar_word *words;
	size_t cap;
	struct dyad_buf *conllu;       /* the sentences as CoNLL-U, or NULL */
	size_t sent_no;
};

int dyad__grammar_wanted(const struct dyad__work *w, size_t s_idx)
{
	const struct dyad__sentence *s = &w->sentences[s_idx];
	int predicate = 0, mention = 0;
	for (uint32_t k = s->tok_start; k < s->tok_end && !(predicate && mention); k++) {
		const struct dyad__token *t = &w->tokens[k];
		mention |= t->mention >= 0;
		if (!predicate && (t->flags & DYAD_TOK_WORD)) {
			const struct dyad__form *f = dyad__tok_form(w, t);
			predicate = f->verbs_stem != 0 || f->verbs_exact != 0;
		}
	}
	return predicate && mention;
}

static dyad_status reserve(struct stage *st, size_t n)
{
	if (n <= st->cap)
		return DYAD_OK;
	struct dyad_arena *a = dyad__work_scratch(st->w);
	size_t cap = st->cap ? st->cap : 64;
	while (cap < n)
		cap *= 2;
	st->gw = dyad_arena_resize(a, st->gw, st->cap, cap, sizeof *st->gw);
	st->words = dyad_arena_resize(a, st->words, st->cap, cap, sizeof *st->words);
	if (!st->gw || !st->words)
		return DYAD_ENOMEM;
	st->cap = cap;
	return DYAD_OK;
}

/* Bytes of the working arrays with the stage's, and the bound on them. */
static size_t used_bytes(const struct dyad__work *w)
{
	return dyad__work_bytes(w) + w->n_grammar * sizeof *w->grammar + w->lemmas_cap;
}

/* A copy of the lemma in the document's pool; its offset. DYAD_ETOOBIG
 * past the bound. */
static dyad_status keep_lemma(struct dyad__work *w, const char *s, size_t n, uint32_t *off)
{
	if (w->lemmas_len + n > w->lemmas_cap) {
		size_t cap = w->lemmas_cap ? w->lemmas_cap : 4096;
		while (cap < w->lemmas_len + n)
			cap *= 2;
		if (used_bytes(w) + (cap - w->lemmas_cap) > DYAD_WORK_CAP(w->len))
			return DYAD_ETOOBIG;
		char *p = dyad_arena_resize(dyad__work_scratch(w), w->lemmas, w->lemmas_len, cap, 1);
		if (!p)
			return DYAD_ENOMEM;
		w->lemmas = p;
		w->lemmas_cap = cap;
	}
	memcpy(w->lemmas + w->lemmas_len, s, n);
	*off = (uint32_t)w->lemmas_len;
	w->lemmas_len += n;
	return DYAD_OK;
}

/* The analysis of words [from, to) into the tokens they are made of (their
 * lemmas live until the next analysis). */
static dyad_status write_back(struct stage *st, size_t from, size_t to)
{
	struct dyad__work *w = st->w;
	dyad_status rc;
	for (size_t i = from; i < to; i++) {
		const struct dyad__gword *gw = &st->gw[i];
		const struct dyad_grammar_word *x = &st->words[i];
		struct dyad__tok_grammar g = {0};
		g.upos = (uint8_t)x->upos;
		g.feats = x->feats;
		g.deprel = (uint8_t)x->deprel;
		g.head = x->head ? (int32_t)st->gw[x->head - 1].tok : -1;
		g.flags = gw->recut ? DYAD_GTOK_RECUT : 0;
		const struct dyad__token *t = &w->tokens[gw->tok];
		size_t len = x->lemma && x->lemma_len < UINT16_MAX ? x->lemma_len : 0;
		if (len && !gw->recut && gw->tok_end == gw->tok + 1 && len == t->lower_len &&
		    memcmp(x->lemma, dyad__tok_lower(w, t), len) == 0)
			g.flags |= DYAD_GTOK_LEMMA_LOWER;
		else if (len && (rc = keep_lemma(w, x->lemma, len, &g.lemma)) != DYAD_OK)
			return rc;
		g.lemma_len = (uint16_t)len;
		w->grammar[gw->tok] = g;
		for (uint32_t k = gw->tok + 1; k < gw->tok_end; k++) {
			struct dyad__tok_grammar piece = g;
			piece.head = (int32_t)gw->tok;
			piece.deprel = DYAD_DEPREL_NONE;
			piece.flags = DYAD_GTOK_PIECE;
			w->grammar[k] = piece;
		}
	}
	return DYAD_OK;
}

/* Words [0, n) analysed, in pieces of at most the model's longest
 * sentence (a run-on "sentence" of a table or list). */
static dyad_status analyse_words(struct stage *st, const struct dyad_grammar *g, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		memset(&st->words[i], 0, sizeof st->words[i]);
		st->words[i].form = st->w->text + st->gw[i].start;
		st->words[i].form_len = st->gw[i].end - st->gw[i].start;
	}
	for (size_t at = 0; at < n; at += DYAD_GRAMMAR_MAX_WORDS) {
		size_t m = n - at < DYAD_GRAMMAR_MAX_WORDS ? n - at : DYAD_GRAMMAR_MAX_WORDS;
		dyad_status rc = dyad_grammar_analyse(g, st->work, st->words + at, m, DYAD_GRAMMAR_ALL);
		if (rc != DYAD_OK)
			return rc;
		for (size_t i = at; i < at + m; i++)
			if (st->words[i].head)
				st->words[i].head += (uint32_t)at;
		if ((rc = write_back(st, at, at + m)) != DYAD_OK)
			return rc;
	}
	return DYAD_OK;
}

/* The analyses of every token, or of those the bound leaves room for. */
static dyad_status make_grammar(struct dyad__work *w)
{
	size_t used = used_bytes(w), bound = DYAD_WORK_CAP(w->len);
	size_t n = used < bound ? (bound - used) / sizeof *w->grammar : 0;
	if (n > w->n_tokens)
		n = w->n_tokens;
	w->grammar = dyad_arena_calloc(dyad__work_scratch(w), n ? n : 1, sizeof *w->grammar);
	if (!w->grammar)
		return DYAD_ENOMEM;
	w->n_grammar = n;
	return DYAD_OK;
}

static dyad_status analyse_sentence(struct stage *st, struct dyad__sentence *s)
{
	const struct dyad_grammar *g = dyad__lang_model(s->lang);
	size_t n_tok = s->tok_end - s->tok_start;
	if (!g || n_tok == 0)
		return DYAD_OK;
	struct dyad__work *w = st->w;
	dyad_status rc;
	if (!w->grammar && (rc = make_grammar(w)) != DYAD_OK)
		return rc;
	if (s->tok_end > w->n_grammar)
		return DYAD_ETOOBIG;
	if ((rc = reserve(st, n_tok)) != DYAD_OK)
		return rc;
	size_t n = dyad__grammar_words(w, s->tok_start, s->tok_end, &s->lang->grammar, st->gw,
	                               st->cap);
	if ((rc = analyse_words(st, g, n)) != DYAD_OK) {
		/* past the bound half-way: the sentence is left unanalysed */
		memset(w->grammar + s->tok_start, 0, n_tok * sizeof *w->grammar);
		return rc;
	}
	s->analysed = 1;
	if (st->conllu)
		rc = dyad__conllu_sentence(st->conllu, w, (size_t)(s - w->sentences), ++st->sent_no,
		                           st->gw, st->words, n);
	return rc;
}

static dyad_status run(struct dyad__work *w, enum dyad__grammar_scope scope,
                       struct dyad_buf *conllu)
{
	struct stage st = {.w = w, .conllu = conllu};
	dyad_status rc = DYAD_OK;
	for (size_t i = 0; rc == DYAD_OK && i < w->n_sentences; i++) {
		if (scope == DYAD_GRAMMAR_EVENT_SENTENCES && !dyad__grammar_wanted(w, i))
			continue;
		if (!st.work && (rc = dyad__grammar_work_take(w->engine, &st.work)) != DYAD_OK)
			break;
		rc = analyse_sentence(&st, &w->sentences[i]);
	}
	dyad__grammar_work_give(w->engine, st.work);
	return rc == DYAD_ETOOBIG ? DYAD_OK : rc; /* the rest is not analysed */
}

dyad_status dyad__grammar_extract(struct dyad__work *w, enum dyad__grammar_scope scope)
{
	return run(w, scope, NULL);
}

dyad_status dyad__grammar_extract_conllu(struct dyad__work *w)
{
	struct dyad_buf out;
	dyad_buf_init(&out, 0);
	dyad_status rc = run(w, DYAD_GRAMMAR_EVERY_SENTENCE, &out);
	if (rc == DYAD_OK && out.error)
		rc = out.error;
	if (rc == DYAD_OK) {
		w->doc->conllu = dyad_arena_strndup(w->arena, out.data ? out.data : "", out.len);
		w->doc->conllu_len = out.len;
		if (!w->doc->conllu)
			rc = DYAD_ENOMEM;
	}
	dyad_buf_release(&out);
	return rc;
}
