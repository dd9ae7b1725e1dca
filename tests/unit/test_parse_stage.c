/*
 * test_parse_stage.c - the grammar stage in the pipeline, seen through the
 * fields the event coder reads (doc/work.h): dyad's tokens cut and joined
 * as the treebanks do ("don't", "из-за", "...", "O'Brien"), each token's
 * UPOS, features, lemma, head and relation, the pieces of joined words,
 * the sentence filter, and the CoNLL-U of dyad_parse(). Sentences written
 * for this test.
 */
#include <string.h>

#include "dyad.h"
#include "doc/work.h"
#include "entities/entities.h"
#include "kb/engine.h"
#include "kb/ud.h"
#include "meta/meta.h"
#include "parse/stage.h"
#include "text/text.h"
#include "testdoc.h"
#include "testlib.h"

static dyad_engine *engine;
static struct dyad__work w;
static struct dyad_doc doc;
static struct dyad_input in;
static struct dyad_arena arena;

/* Run the stages up to the grammar (every sentence, or the filtered ones
 * after the entities) on text. */
static int prepare(const char *text, enum dyad__grammar_scope scope)
{
	dyad_arena_release(&arena);
	dyad_arena_init(&arena, 0);
	memset(&w, 0, sizeof w);
	memset(&doc, 0, sizeof doc);
	memset(&in, 0, sizeof in);
	in.path = "t.txt";
	in.text = text;
	in.text_len = strlen(text);
	w.engine = engine;
	w.arena = &arena;
	w.doc = &doc;
	w.input = &in;
	w.published_weekday = -1;
	return dyad__normalise(&w, text, strlen(text)) == DYAD_OK &&
	       dyad__meta_extract(&w) == DYAD_OK && dyad__segment(&w) == DYAD_OK &&
	       dyad__tokenize(&w) == DYAD_OK && dyad__entities_extract(&w) == DYAD_OK &&
	       dyad__grammar_extract(&w, scope) == DYAD_OK;
}

/* The first token whose text is s, or -1. */
static long tok(const char *s)
{
	for (size_t k = 0; k < w.n_tokens; k++)
		if (w.tokens[k].end - w.tokens[k].start == strlen(s) &&
		    memcmp(w.text + w.tokens[k].start, s, strlen(s)) == 0)
			return (long)k;
	return -1;
}

static int lemma_is(long k, const char *want)
{
	size_t n;
	const char *l = k >= 0 ? dyad__tok_lemma(&w, (size_t)k, &n) : NULL;
	return l && n == strlen(want) && memcmp(l, want, n) == 0;
}

static const struct dyad__tok_grammar *g_of(long k)
{
	return k >= 0 ? dyad__tok_grammar(&w, (size_t)k) : NULL;
}

TEST(passive_with_agent)
{
	CHECK(prepare("The ambassador was summoned by the ministry on Monday.\n",
	              DYAD_GRAMMAR_EVERY_SENTENCE));
	CHECK(w.n_sentences == 1 && w.sentences[0].analysed);
	long amb = tok("ambassador"), summ = tok("summoned"), min = tok("ministry");
	const struct dyad__tok_grammar *a = g_of(amb), *s = g_of(summ), *m = g_of(min);
	CHECK(a && s && m);
	if (!a || !s || !m)
		return;
	CHECK_INT_EQ(a->upos, DYAD_UPOS_NOUN);
	CHECK_INT_EQ(a->head, summ);
	CHECK_INT_EQ(a->deprel, DYAD_DEPREL_NSUBJ_PASS);
	CHECK_INT_EQ(s->head, -1);
	CHECK_INT_EQ(s->deprel, DYAD_DEPREL_ROOT);
	CHECK(dyad_ud_feat_get(s->feats, DYAD_FEAT_Voice) ==
	      dyad_ud_feat_value_parse(DYAD_FEAT_Voice, "Pass", 4));
	CHECK(lemma_is(summ, "summon"));
	CHECK_INT_EQ(m->head, summ);
	CHECK_INT_EQ(m->deprel, DYAD_DEPREL_OBL_AGENT);
	CHECK(lemma_is(tok("was"), "be"));
}

TEST(negation_clitic_is_cut_as_in_the_treebank)
{
	CHECK(prepare("Officials didn't attend the talks.\n", DYAD_GRAMMAR_EVERY_SENTENCE));
	/* dyad's tokens: "didn" "'" "t"; the parser's words: "did" "n't" */
	long didn = tok("didn"), apo = tok("'"), t = tok("t");
	const struct dyad__tok_grammar *d = g_of(didn), *n = g_of(apo), *p = g_of(t);
	CHECK(d && n && p);
	if (!d || !n || !p)
		return;
	CHECK(lemma_is(didn, "do"));
	CHECK_INT_EQ(d->upos, DYAD_UPOS_AUX);
	CHECK(d->flags & DYAD_GTOK_RECUT);
	CHECK(lemma_is(apo, "not"));
	CHECK_INT_EQ(n->upos, DYAD_UPOS_PART);
	CHECK(dyad_ud_feat_get(n->feats, DYAD_FEAT_Polarity) ==
	      dyad_ud_feat_value_parse(DYAD_FEAT_Polarity, "Neg", 3));
	CHECK_INT_EQ(n->head, tok("attend"));
	CHECK(p->flags & DYAD_GTOK_PIECE);
	CHECK_INT_EQ(p->head, apo);
	CHECK_INT_EQ(p->deprel, DYAD_DEPREL_NONE);
}

TEST(russian_hyphenated_word_is_one_word)
{
	CHECK(prepare("Из-за погоды посол Молдовы был вызван в министерство.\n",
	              DYAD_GRAMMAR_EVERY_SENTENCE));
	long iz = tok("Из"), za = tok("за"), posol = tok("посол"), vyzvan = tok("вызван");
	const struct dyad__tok_grammar *g = g_of(iz), *piece = g_of(za), *p = g_of(posol);
	CHECK(g && piece && p);
	if (!g || !piece || !p)
		return;
	CHECK(lemma_is(iz, "из-за"));
	CHECK_INT_EQ(g->upos, DYAD_UPOS_ADP);
	CHECK(piece->flags & DYAD_GTOK_PIECE);
	CHECK_INT_EQ(piece->head, iz);
	CHECK(g_of(iz + 1) && (g_of(iz + 1)->flags & DYAD_GTOK_PIECE)); /* the "-" */
	CHECK_INT_EQ(p->deprel, DYAD_DEPREL_NSUBJ_PASS);
	CHECK_INT_EQ(p->head, vyzvan);
	CHECK(dyad_ud_feat_get(p->feats, DYAD_FEAT_Case) ==
	      dyad_ud_feat_value_parse(DYAD_FEAT_Case, "Nom", 3));
	CHECK(lemma_is(tok("Молдовы"), "Молдова"));
}

TEST(english_hyphens_and_apostrophe_words)
{
	CHECK(prepare("Mr O'Brien left the Kara-Kyrgyz talks... Nobody came.\n",
	              DYAD_GRAMMAR_EVERY_SENTENCE));
	long o = tok("O"), kara = tok("Kara"), dash = kara + 1, dots = tok(".");
	CHECK(o >= 0 && kara >= 0 && dots >= 0);
	if (o < 0 || kara < 0 || dots < 0)
		return;
	CHECK(lemma_is(o, "O'Brien")); /* one word: no clitic ends it */
	CHECK(g_of(o + 2) && (g_of(o + 2)->flags & DYAD_GTOK_PIECE));
	/* EWT cuts hyphenated words: "Kara" "-" "Kyrgyz" are three words */
	CHECK(g_of(dash) && !(g_of(dash)->flags & DYAD_GTOK_PIECE));
	CHECK(g_of(dots) && g_of(dots)->upos == DYAD_UPOS_PUNCT);
	CHECK(g_of(dots + 1) && (g_of(dots + 1)->flags & DYAD_GTOK_PIECE)); /* "..." */
}

TEST(filter_keeps_sentences_with_a_predicate_and_a_mention)
{
	CHECK(prepare("Russia condemned the decision of Ukraine. The weather was fine and warm.\n",
	              DYAD_GRAMMAR_EVENT_SENTENCES));
	CHECK_INT_EQ(w.n_sentences, 2);
	if (w.n_sentences != 2)
		return;
	CHECK(dyad__grammar_wanted(&w, 0));
	CHECK(w.sentences[0].analysed);
	CHECK(!dyad__grammar_wanted(&w, 1));
	CHECK(!w.sentences[1].analysed);
	CHECK(g_of(tok("weather")) == NULL);
	size_t n;
	CHECK(dyad__tok_lemma(&w, (size_t)tok("weather"), &n) == NULL && n == 0);
	CHECK(g_of(tok("condemned")) != NULL);
}

TEST(every_head_is_in_its_sentence)
{
	CHECK(prepare("Leaders met in Baku.\n\nThey signed three agreements, the ministry said. "
	              "\"We're ready,\" he added.\n",
	              DYAD_GRAMMAR_EVERY_SENTENCE));
	for (size_t i = 0; i < w.n_sentences; i++) {
		const struct dyad__sentence *s = &w.sentences[i];
		CHECK(s->analysed);
		size_t roots = 0;
		for (uint32_t k = s->tok_start; k < s->tok_end; k++) {
			const struct dyad__tok_grammar *g = dyad__tok_grammar(&w, k);
			CHECK(g != NULL);
			if (!g)
				continue;
			roots += g->head < 0;
			CHECK(g->head < 0 || ((uint32_t)g->head >= s->tok_start &&
			                      (uint32_t)g->head < s->tok_end && (uint32_t)g->head != k));
		}
		CHECK_INT_EQ(roots, 1);
	}
}

TEST(parse_api_writes_conllu)
{
	struct dyad_input pin;
	memset(&pin, 0, sizeof pin);
	pin.path = "p.txt";
	pin.text = "The talks ended. Nobody came.\n";
	pin.text_len = strlen(pin.text);
	struct dyad_doc *d = NULL;
	CHECK(dyad_parse(engine, &pin, &d) == DYAD_OK && d);
	if (!d)
		return;
	CHECK(d->conllu && strstr(d->conllu, "# newdoc id = ") == d->conllu);
	CHECK(d->conllu && strstr(d->conllu, "# text = Nobody came.\n"));
	CHECK(d->conllu && strstr(d->conllu, "\tTokenRange=4:9\n"));
	CHECK(d->conllu && strstr(d->conllu, "\tTokenRange=10:15|SpaceAfter=No\n"));
	CHECK_INT_EQ(d->n_events, 0);
	dyad_doc_free(d);
	struct dyad_doc *e = testdoc_extract(engine, "e.txt", pin.text);
	CHECK(e && e->conllu == NULL);
	dyad_doc_free(e);
}

int main(void)
{
	engine = testdoc_engine();
	if (!engine)
		return 1;
	dyad_arena_init(&arena, 0);
	RUN(passive_with_agent);
	RUN(negation_clitic_is_cut_as_in_the_treebank);
	RUN(russian_hyphenated_word_is_one_word);
	RUN(english_hyphens_and_apostrophe_words);
	RUN(filter_keeps_sentences_with_a_predicate_and_a_mention);
	RUN(every_head_is_in_its_sentence);
	RUN(parse_api_writes_conllu);
	dyad_arena_release(&arena);
	dyad_engine_free(engine);
	return testlib_done();
}
