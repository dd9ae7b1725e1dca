/*
 * test_text.c - the text stage seen through the public result: normalised
 * text, sentences (abbreviations and initials do not end them) and the
 * offsets of mentions, in English and Russian.
 */
#include <string.h>

#include "dyad.h"
#include "text/text.h"
#include "meta/meta.h"
#include "doc/work.h"
#include "kb/engine.h"
#include "testdoc.h"
#include "testlib.h"

static dyad_engine *engine;

/* Run the stages up to tokens on text and hand back the work. */
static struct dyad__work *prepare(struct dyad_arena *arena, struct dyad_doc *doc,
                                  struct dyad_input *in, const char *text)
{
	static struct dyad__work w;
	memset(&w, 0, sizeof w);
	memset(doc, 0, sizeof *doc);
	memset(in, 0, sizeof *in);
	in->path = "t.txt";
	in->text = text;
	in->text_len = strlen(text);
	w.engine = engine;
	w.arena = arena;
	w.doc = doc;
	w.input = in;
	w.published_weekday = -1;
	if (dyad__normalise(&w, text, strlen(text)) != DYAD_OK ||
	    dyad__meta_extract(&w) != DYAD_OK || dyad__segment(&w) != DYAD_OK ||
	    dyad__tokenize(&w) != DYAD_OK)
		return NULL;
	return &w;
}

static int sentence_is(const struct dyad__work *w, size_t i, const char *want)
{
	if (i >= w->n_sentences)
		return 0;
	const struct dyad__sentence *s = &w->sentences[i];
	return s->end - s->start == strlen(want) &&
	       memcmp(w->text + s->start, want, strlen(want)) == 0;
}

TEST(abbreviations_and_initials_do_not_end_sentences)
{
	struct dyad_arena arena;
	struct dyad_doc doc;
	struct dyad_input in;
	dyad_arena_init(&arena, 0);
	struct dyad__work *w = prepare(&arena, &doc, &in,
		"Talks were held on Sept. 28 in Baku. M. Mamytkanov met Dr. Aliyeva at 5 p.m. "
		"on Friday. The U.S. envoy left.\n");
	CHECK(w != NULL);
	if (w) {
		CHECK_INT_EQ(w->n_sentences, 3);
		CHECK(sentence_is(w, 0, "Talks were held on Sept. 28 in Baku."));
		CHECK(sentence_is(w, 1, "M. Mamytkanov met Dr. Aliyeva at 5 p.m. on Friday."));
		CHECK(sentence_is(w, 2, "The U.S. envoy left."));
	}
	dyad_arena_release(&arena);
}

TEST(russian_abbreviations_and_patronymics)
{
	struct dyad_arena arena;
	struct dyad_doc doc;
	struct dyad_input in;
	dyad_arena_init(&arena, 0);
	struct dyad__work *w = prepare(&arena, &doc, &in,
		"Встреча прошла в 2024 г. в Баку. Ильхам Гейдарович Алиев поблагодарил гостей. "
		"Объем торговли вырос на 4 млрд. долларов.\n");
	CHECK(w != NULL);
	if (w) {
		CHECK_INT_EQ(w->n_sentences, 3);
		CHECK(sentence_is(w, 0, "Встреча прошла в 2024 г. в Баку."));
	}
	dyad_arena_release(&arena);
}

TEST(tokens_carry_offsets_case_and_stems)
{
	struct dyad_arena arena;
	struct dyad_doc doc;
	struct dyad_input in;
	dyad_arena_init(&arena, 0);
	struct dyad__work *w = prepare(&arena, &doc, &in,
		"Президент Казахстана посетил Kara-Kyrgyz region.\n");
	CHECK(w != NULL);
	if (w) {
		/* Президент Казахстана посетил Kara - Kyrgyz region . */
		CHECK_INT_EQ(w->n_tokens, 8);
		const struct dyad__token *t = &w->tokens[1];
		CHECK(strncmp(w->text + t->start, "Казахстана", t->end - t->start) == 0);
		CHECK(t->flags & DYAD_TOK_CAP);
		CHECK(t->flags & DYAD_TOK_CYRILLIC);
		/* Russian inflection reaches the dictionary form */
		CHECK(strncmp(dyad__tok_stem(w, t), "казахстан", t->stem_len) == 0);
		CHECK(w->tokens[4].flags & DYAD_TOK_GLUED); /* the hyphen */
		CHECK(w->tokens[5].flags & DYAD_TOK_GLUED); /* Kyrgyz */
	}
	dyad_arena_release(&arena);
}

TEST(normalisation_folds_spaces_and_line_ends)
{
	struct dyad_arena arena;
	struct dyad_doc doc;
	struct dyad_input in;
	dyad_arena_init(&arena, 0);
	/* no-break space, zero-width space, CRLF, a combining breve */
	struct dyad__work *w = prepare(&arena, &doc, &in,
		"Baku\xC2\xA0" "and\xE2\x80\x8B Astana\r\n" "\xD0\xB8\xCC\x86\r\n");
	CHECK(w != NULL);
	if (w) {
		CHECK_STR_EQ(w->text, "Baku and Astana\n\xD0\xB9\n");
		CHECK_INT_EQ(w->n_lines, 3);
	}
	dyad_arena_release(&arena);
}

int main(void)
{
	engine = testdoc_engine();
	if (!engine)
		return 1;
	RUN(abbreviations_and_initials_do_not_end_sentences);
	RUN(russian_abbreviations_and_patronymics);
	RUN(tokens_carry_offsets_case_and_stems);
	RUN(normalisation_folds_spaces_and_line_ends);
	dyad_engine_free(engine);
	return testlib_done();
}
