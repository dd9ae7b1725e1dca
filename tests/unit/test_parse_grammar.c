/*
 * test_parse_grammar.c - the grammar stage end to end on a hand-made
 * treebank: train a model (dyad__train), load it, analyse sentences through
 * the API, score them; bad input and bad files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parse/conllu.h"
#include "parse/grammar.h"
#include "parse/train.h"
#include "testlib.h"

#define FIXTURES "tests/fixtures/parse/"

static char model_path[64];
static int trained;

static void train_once(void)
{
	if (trained)
		return;
	strcpy(model_path, "/tmp/dyad-test-grammar-XXXXXX");
	int fd = mkstemp(model_path);
	if (fd >= 0)
		close(fd);
	static const char *const train[] = {FIXTURES "small.conllu", FIXTURES "multi.conllu"};
	static const unsigned style[] = {0, 1};
	struct dyad__train_opts o;
	dyad__train_defaults(&o);
	o.lang = "en";
	o.train = train;
	o.train_style = style;
	o.n_train = 2;
	o.out = model_path;
	o.tag_epochs = 8;
	o.parse_epochs = 12;
	o.folds = 0; /* eight sentences: jackknifed tags would be noise */
	o.xpos = 1;
	o.featlex = 1;
	char err[DYAD_ERRMSG_MAX] = "";
	dyad_status st = dyad__train(&o, err);
	if (st != DYAD_OK)
		TESTLIB_FAIL("training: %s", err);
	trained = st == DYAD_OK ? 1 : -1;
}

static void forms(const struct dyad_conllu_sentence *s, struct dyad_grammar_word *w)
{
	for (uint32_t i = 0; i < s->n_words; i++) {
		memset(&w[i], 0, sizeof w[i]);
		w[i].form = s->words[i].form;
		w[i].form_len = s->words[i].form_len;
	}
}

TEST(trains_loads_and_analyses_its_treebank)
{
	train_once();
	struct dyad_grammar *g;
	char err[DYAD_ERRMSG_MAX] = "";
	CHECK_INT_EQ(dyad_grammar_load(model_path, NULL, &g, err), DYAD_OK);
	if (!g)
		return;
	CHECK_STR_EQ(dyad_grammar_lang(g), "en");
	CHECK_INT_EQ(dyad_grammar_file_needs_dict(model_path), 0);
	struct dyad_grammar_work *w;
	CHECK_INT_EQ(dyad_grammar_work_new(&w), DYAD_OK);
	struct dyad_conllu_doc doc;
	CHECK_INT_EQ(dyad_conllu_read_file(FIXTURES "small.conllu", &doc, NULL), DYAD_OK);
	struct dyad_grammar_scores sc;
	memset(&sc, 0, sizeof sc);
	struct dyad_grammar_word words[32];
	for (size_t i = 0; i < doc.n_sents; i++) {
		const struct dyad_conllu_sentence *s = &doc.sents[i];
		forms(s, words);
		CHECK_INT_EQ(dyad_grammar_analyse(g, w, words, s->n_words, DYAD_GRAMMAR_ALL), DYAD_OK);
		int roots = 0;
		for (uint32_t j = 0; j < s->n_words; j++) {
			roots += words[j].head == 0;
			CHECK(words[j].head <= s->n_words && words[j].head != j + 1);
			CHECK(words[j].lemma && words[j].lemma_len > 0);
		}
		CHECK_INT_EQ(roots, 1);
		if (i == 0) /* "met" -> "meet", known to the lexicon */
			CHECK(words[2].lemma_len == 4 && memcmp(words[2].lemma, "meet", 4) == 0);
		dyad_grammar_score(&sc, s->words, words, s->n_words);
	}
	/* the model saw these sentences: it must know them nearly by heart */
	CHECK_INT_EQ(sc.words, 55);
	CHECK(sc.upos * 100 >= sc.words * 95);
	CHECK(sc.lemma * 100 >= sc.words * 95);
	CHECK(sc.uas * 100 >= sc.words * 90);
	dyad_conllu_release(&doc);
	dyad_grammar_work_free(w);
	dyad_grammar_free(g);
}

TEST(parses_given_tags_and_rejects_bad_sentences)
{
	train_once();
	struct dyad_grammar *g;
	CHECK_INT_EQ(dyad_grammar_load(model_path, NULL, &g, NULL), DYAD_OK);
	if (!g)
		return;
	struct dyad_grammar_work *w;
	dyad_grammar_work_new(&w);
	static const char *const text[] = {"The", "envoy", "met", "ministers", "."};
	struct dyad_grammar_word words[5];
	memset(words, 0, sizeof words);
	for (int i = 0; i < 5; i++)
		words[i].form = text[i], words[i].form_len = (uint32_t)strlen(text[i]);
	CHECK_INT_EQ(dyad_grammar_analyse(g, w, words, 5, DYAD_GRAMMAR_TAG), DYAD_OK);
	CHECK_INT_EQ(words[1].upos, DYAD_UPOS_NOUN);
	CHECK_INT_EQ(dyad_grammar_analyse(g, w, words, 5, DYAD_GRAMMAR_PARSE), DYAD_OK);
	CHECK_INT_EQ(words[2].head, 0);
	CHECK_INT_EQ(words[1].head, 3);
	CHECK_INT_EQ(words[1].deprel, DYAD_DEPREL_NSUBJ);
	CHECK_INT_EQ(dyad_grammar_analyse(g, w, words, 0, DYAD_GRAMMAR_ALL), DYAD_EINVAL);
	words[3].form_len = 0;
	CHECK_INT_EQ(dyad_grammar_analyse(g, w, words, 5, DYAD_GRAMMAR_ALL), DYAD_EINVAL);
	dyad_grammar_work_free(w);
	dyad_grammar_free(g);
}

TEST(a_long_sentence_grows_the_work_area)
{
	train_once();
	struct dyad_grammar *g;
	CHECK_INT_EQ(dyad_grammar_load(model_path, NULL, &g, NULL), DYAD_OK);
	if (!g)
		return;
	struct dyad_grammar_work *w;
	dyad_grammar_work_new(&w);
	enum { N = 700 };
	struct dyad_grammar_word *words = calloc(N, sizeof *words);
	for (int i = 0; i < N; i++) {
		words[i].form = i % 7 == 6 ? "," : "ministers";
		words[i].form_len = (uint32_t)strlen(words[i].form);
	}
	CHECK_INT_EQ(dyad_grammar_analyse(g, w, words, N, DYAD_GRAMMAR_ALL), DYAD_OK);
	int roots = 0;
	for (int i = 0; i < N; i++)
		roots += words[i].head == 0;
	CHECK_INT_EQ(roots, 1);
	free(words);
	dyad_grammar_work_free(w);
	dyad_grammar_free(g);
}

TEST(jackknifing_a_second_tagging_pass_and_a_one_step_parser_train_too)
{
	char path[] = "/tmp/dyad-test-grammar2-XXXXXX";
	int fd = mkstemp(path);
	if (fd >= 0)
		close(fd);
	static const char *const train[] = {FIXTURES "small.conllu", FIXTURES "small.conllu"};
	struct dyad__train_opts o;
	dyad__train_defaults(&o);
	o.lang = "en";
	o.train = train;
	o.n_train = 2;
	o.dev = train;
	o.n_dev = 1;
	o.out = path;
	o.tag_epochs = 3;
	o.parse_epochs = 3;
	o.folds = 2;
	o.two_pass = 1;
	o.one_step = 1; /* the parser of one step (the default is two: move, then label) */
	char err[DYAD_ERRMSG_MAX] = "";
	CHECK_INT_EQ(dyad__train(&o, err), DYAD_OK);
	struct dyad_grammar *g;
	CHECK_INT_EQ(dyad_grammar_load(path, NULL, &g, err), DYAD_OK);
	dyad_grammar_free(g);
	remove(path);
	static const char *const none[] = {FIXTURES "no-such.conllu"};
	o.train = none;
	o.n_train = 1;
	o.n_dev = 0;
	err[0] = '\0';
	CHECK_INT_EQ(dyad__train(&o, err), DYAD_ENOENT);
	CHECK(strstr(err, "no-such.conllu") != NULL);
}

TEST(files_that_are_no_model_are_refused)
{
	struct dyad_grammar *g;
	char err[DYAD_ERRMSG_MAX] = "";
	CHECK_INT_EQ(dyad_grammar_load(FIXTURES "small.conllu", NULL, &g, err), DYAD_EDATA);
	CHECK(g == NULL && strstr(err, "small.conllu") != NULL);
	CHECK_INT_EQ(dyad_grammar_load("/nonexistent/grammar.model", NULL, &g, err), DYAD_ENOENT);
	CHECK_INT_EQ(dyad_grammar_file_needs_dict(FIXTURES "small.conllu"), -1);
}

int main(void)
{
	RUN(trains_loads_and_analyses_its_treebank);
	RUN(parses_given_tags_and_rejects_bad_sentences);
	RUN(a_long_sentence_grows_the_work_area);
	RUN(jackknifing_a_second_tagging_pass_and_a_one_step_parser_train_too);
	RUN(files_that_are_no_model_are_refused);
	if (trained > 0)
		remove(model_path);
	return testlib_done();
}
