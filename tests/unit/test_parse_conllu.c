/*
 * test_parse_conllu.c - the CoNLL-U reader and writer on hand-made files
 * (tests/fixtures/parse/): word columns, kept comment / multiword / empty
 * node lines, writing back byte for byte, malformed input named by line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/conllu.h"
#include "testlib.h"

#define FIXTURES "tests/fixtures/parse/"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = malloc(1 << 20);
	*len = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
	fclose(f);
	if (buf)
		buf[*len] = '\0';
	return buf;
}

static int same_str(const char *s, uint32_t len, const char *want)
{
	return len == strlen(want) && memcmp(s, want, len) == 0;
}

TEST(reads_words_and_columns)
{
	struct dyad_conllu_doc doc;
	char err[DYAD_ERRMSG_MAX] = "";
	CHECK_INT_EQ(dyad_conllu_read_file(FIXTURES "small.conllu", &doc, err), DYAD_OK);
	CHECK_INT_EQ(doc.n_sents, 8);
	const struct dyad_conllu_sentence *s = &doc.sents[3];
	CHECK_INT_EQ(s->n_words, 8);
	const struct dyad_conllu_word *w = &s->words[1];
	CHECK(same_str(w->form, w->form_len, "envoy"));
	CHECK_INT_EQ(w->upos, DYAD_UPOS_NOUN);
	CHECK_INT_EQ(w->head, 4);
	CHECK_INT_EQ(w->deprel, DYAD_DEPREL_NSUBJ_PASS);
	w = &s->words[3];
	CHECK(same_str(w->lemma, w->lemma_len, "detain"));
	CHECK(same_str(w->xpos, w->xpos_len, "VBN"));
	CHECK_INT_EQ(dyad_ud_feat_get(w->feats, DYAD_FEAT_Voice), 2); /* Pass */
	CHECK_INT_EQ(w->head, 0);
	CHECK_INT_EQ(w->deprel, DYAD_DEPREL_ROOT);
	CHECK_INT_EQ(s->words[6].deprel, DYAD_DEPREL_OBL_AGENT);
	dyad_conllu_release(&doc);
}

TEST(keeps_multiword_and_empty_lines_in_place)
{
	struct dyad_conllu_doc doc;
	CHECK_INT_EQ(dyad_conllu_read_file(FIXTURES "multi.conllu", &doc, NULL), DYAD_OK);
	CHECK_INT_EQ(doc.n_sents, 2);
	const struct dyad_conllu_sentence *s = &doc.sents[1];
	CHECK_INT_EQ(s->n_words, 4); /* the range and the empty node are not words */
	CHECK_INT_EQ(s->n_lines, 4); /* two comments, one range, one empty node */
	CHECK_INT_EQ(s->lines[2].kind, DYAD_CONLLU_RANGE);
	CHECK_INT_EQ(s->lines[2].before, 0);
	CHECK_INT_EQ(s->lines[3].kind, DYAD_CONLLU_EMPTY);
	CHECK_INT_EQ(s->lines[3].before, 3);
	CHECK(same_str(s->words[1].form, s->words[1].form_len, "n't"));
	dyad_conllu_release(&doc);
}

TEST(writes_back_what_it_read)
{
	const char *files[] = {FIXTURES "small.conllu", FIXTURES "multi.conllu"};
	for (size_t k = 0; k < 2; k++) {
		size_t len;
		char *text = slurp(files[k], &len);
		CHECK(text != NULL);
		if (!text)
			continue;
		struct dyad_conllu_doc doc;
		CHECK_INT_EQ(dyad_conllu_parse(text, len, files[k], &doc, NULL), DYAD_OK);
		struct dyad_buf out;
		dyad_buf_init(&out, 0);
		for (size_t i = 0; i < doc.n_sents; i++)
			dyad_conllu_write(&out, &doc.sents[i], doc.sents[i].words);
		CHECK_INT_EQ(out.len, len);
		CHECK(out.data && memcmp(out.data, text, len) == 0);
		dyad_buf_release(&out);
		dyad_conllu_release(&doc);
		free(text);
	}
}

TEST(writes_an_analysis_in_place_of_the_columns)
{
	struct dyad_conllu_doc doc;
	const char *text = "# sent_id = x\n1\tTalks\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n\n";
	CHECK_INT_EQ(dyad_conllu_parse(text, strlen(text), "x", &doc, NULL), DYAD_OK);
	struct dyad_conllu_word w = doc.sents[0].words[0];
	w.lemma = "talk", w.lemma_len = 4;
	w.upos = DYAD_UPOS_NOUN;
	w.xpos = "NNS", w.xpos_len = 3;
	w.feats = dyad_ud_feat_set(0, DYAD_FEAT_Number, 2), w.feats_len = 0;
	w.head = 0, w.deprel = DYAD_DEPREL_ROOT;
	struct dyad_buf out;
	dyad_buf_init(&out, 0);
	dyad_conllu_write(&out, &doc.sents[0], &w);
	CHECK_STR_EQ(out.data, "# sent_id = x\n1\tTalks\ttalk\tNOUN\tNNS\tNumber=Plur\t0\troot\t_\t"
	                       "SpaceAfter=No\n\n");
	dyad_buf_release(&out);
	dyad_conllu_release(&doc);
}

TEST(unparsed_heads_and_last_sentence_without_blank_line)
{
	struct dyad_conllu_doc doc;
	const char *text = "1\tYes\t_\t_\t_\t_\t_\t_\t_\t_\r\n2\t!\t_\t_\t_\t_\t_\t_\t_\t_";
	CHECK_INT_EQ(dyad_conllu_parse(text, strlen(text), "x", &doc, NULL), DYAD_OK);
	CHECK_INT_EQ(doc.n_sents, 1);
	CHECK_INT_EQ(doc.sents[0].n_words, 2);
	CHECK_INT_EQ(doc.sents[0].words[0].head, DYAD_CONLLU_NO_HEAD);
	CHECK_INT_EQ(doc.sents[0].words[0].upos, DYAD_UPOS_NONE);
	dyad_conllu_release(&doc);
}

static void check_bad(const char *name, const char *want)
{
	struct dyad_conllu_doc doc;
	char err[DYAD_ERRMSG_MAX] = "", path[256];
	snprintf(path, sizeof path, FIXTURES "%s", name);
	CHECK_INT_EQ(dyad_conllu_read_file(path, &doc, err), DYAD_EFORMAT);
	if (!strstr(err, want))
		TESTLIB_FAIL("%s: message \"%s\" lacks \"%s\"", name, err, want);
	CHECK(doc.sents == NULL && doc.n_sents == 0);
}

TEST(malformed_files_are_named_with_their_line)
{
	check_bad("bad_columns.conllu", "bad_columns.conllu:2: 9 columns");
	check_bad("bad_ids.conllu", "bad_ids.conllu:3: word ID 3 where 2 was due");
	check_bad("bad_head.conllu", "bad_head.conllu:1: word 2 has HEAD 7");
	check_bad("bad_feats.conllu", "bad_feats.conllu:2: FEATS \"NumType\"");
	struct dyad_conllu_doc doc;
	char err[DYAD_ERRMSG_MAX] = "";
	CHECK_INT_EQ(dyad_conllu_read_file(FIXTURES "no-such.conllu", &doc, err), DYAD_ENOENT);
	CHECK(strstr(err, "no-such.conllu") != NULL);
}

int main(void)
{
	RUN(reads_words_and_columns);
	RUN(keeps_multiword_and_empty_lines_in_place);
	RUN(writes_back_what_it_read);
	RUN(writes_an_analysis_in_place_of_the_columns);
	RUN(unparsed_heads_and_last_sentence_without_blank_line);
	RUN(malformed_files_are_named_with_their_line);
	return testlib_done();
}
