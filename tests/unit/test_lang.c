/*
 * test_lang.c - languages as data (data/lang/): what the code asks of a
 * language comes from its folder, a word's language is the one that claims
 * its script (the document's own first), and the name skeletons are built
 * on the languages' own Latin letters.
 */
#include <stdlib.h>
#include <string.h>

#include "kb/engine.h"
#include "kb/gazetteer.h"
#include "kb/lang.h"
#include "testdoc.h"
#include "testlib.h"

static dyad_engine *engine;

TEST(the_languages_of_languages_tsv_are_read)
{
	const struct dyad__lang *en = dyad__lang_find(engine, "en");
	const struct dyad__lang *ru = dyad__lang_find(engine, "ru");
	CHECK(en != NULL && ru != NULL);
	CHECK(dyad__lang_find(engine, "de") == NULL);
	CHECK(dyad__lang_default(engine) == en);
	if (!en || !ru)
		return;
	CHECK_STR_EQ(en->name, "English");
	CHECK(en->stemmer && ru->stemmer);
	CHECK(!en->names_inflect && ru->names_inflect);
	CHECK(en->noun_after_determiner && !ru->noun_after_determiner);
	CHECK(!en->genitive_after_noun && ru->genitive_after_noun);
	/* people's names come from the dictionary (data/lang/ru/morph); the
	 * ending list stays for geographical names (name_endings.tsv) */
	CHECK(ru->name_endings.n > 10 && en->name_endings.n == 0);
}

TEST(a_word_is_in_the_language_of_its_script)
{
	const struct dyad__lang *en = dyad__lang_find(engine, "en");
	const struct dyad__lang *ru = dyad__lang_find(engine, "ru");
	CHECK(dyad__lang_of_script(engine, DYAD_SCRIPT_LATIN, NULL) == en);
	CHECK(dyad__lang_of_script(engine, DYAD_SCRIPT_CYRILLIC, NULL) == ru);
	CHECK(dyad__lang_of_script(engine, DYAD_SCRIPT_CYRILLIC, en) == ru);
	CHECK(dyad__lang_of_script(engine, DYAD_SCRIPT_LATIN, ru) == en);
	CHECK(dyad__lang_of_script(engine, DYAD_SCRIPT_NONE, en) == NULL);
	CHECK_INT_EQ(dyad__script_of_cp(0x0416), DYAD_SCRIPT_CYRILLIC); /* Ж */
	CHECK_INT_EQ(dyad__script_of_cp('q'), DYAD_SCRIPT_LATIN);
	CHECK_INT_EQ(dyad__script_of_cp('7'), DYAD_SCRIPT_NONE);
}

TEST(a_language_answers_from_its_files)
{
	const struct dyad__lang *en = dyad__lang_find(engine, "en");
	const struct dyad__lang *ru = dyad__lang_find(engine, "ru");
	CHECK(dyad__lang_abbrev(en, "sept.", 5));
	CHECK(!dyad__lang_abbrev(ru, "sept.", 5));
	CHECK(dyad__lang_abbrev(ru, "г.", strlen("г.")));
	CHECK(dyad__lang_is(en, MOD_NEGATION, "not", 3));
	CHECK(dyad__lang_is(ru, MOD_NEGATION, "не", strlen("не")));
	CHECK(!dyad__lang_is(ru, MOD_NEGATION, "not", 3));
	CHECK(dyad__lang_ends(en, END_GERUND, "meeting", 7));
	CHECK(!dyad__lang_ends(ru, END_GERUND, "meeting", 7));
	CHECK(dyad__lang_ends(ru, END_DATIVE, "китаю", strlen("китаю")));
	CHECK(dyad__lang_cue(en, "said", 4) && dyad__lang_cue(ru, "заявил", strlen("заявил")));
	CHECK(dyad__lang_plural(en, "ministry", 8, "ministries", 10));
	CHECK(dyad__lang_plural(en, "talk", 4, "talks", 5));
	CHECK(!dyad__lang_plural(en, "talk", 4, "talked", 6));
	CHECK(!dyad__lang_plural(ru, "talk", 4, "talks", 5));
	CHECK_STR_EQ(dyad__lang_latin(ru, 0x0449), "shch"); /* щ */
	CHECK_STR_EQ(dyad__lang_latin(ru, 0x044A), "");     /* ъ */
	CHECK(dyad__lang_latin(en, 0x0449) == NULL);
}

TEST(skeletons_fold_spellings_and_scripts)
{
	char a[64], b[64];
	dyad__name_skeleton(engine, "Tokayev", 7, a, sizeof a);
	dyad__name_skeleton(engine, "Токаева", strlen("Токаева"), b, sizeof b);
	CHECK_STR_EQ(a, b);
	dyad__name_skeleton(engine, "Mamitkanov", 10, a, sizeof a);
	dyad__name_skeleton(engine, "Mamytkanov", 10, b, sizeof b);
	CHECK_STR_EQ(a, b);
	dyad__name_skeleton(engine, "Erdoğan", strlen("Erdoğan"), a, sizeof a);
	dyad__name_skeleton(engine, "Эрдоган", strlen("Эрдоган"), b, sizeof b);
	CHECK_STR_EQ(a, b);
	dyad__name_skeleton(engine, "Aliyev", 6, a, sizeof a);
	dyad__name_skeleton(engine, "Алиева", strlen("Алиева"), b, sizeof b);
	CHECK_STR_EQ(a, b); /* the genitive ending is a vowel */
}

/* A Cyrillic name is shown in the Latin letters of translit.tsv. */
TEST(a_cyrillic_name_is_shown_in_latin_letters)
{
	struct dyad_doc *doc = testdoc_extract(
		engine, "lang.txt", "Посол Иван Щукин встретился с министром в Баку.\n");
	CHECK(doc != NULL);
	int found = 0;
	for (size_t i = 0; doc && i < doc->n_entities; i++)
		found |= doc->entities[i].kind == DYAD_ENTITY_PERSON &&
		         strcmp(doc->entities[i].name, "Ivan Shchukin") == 0;
	CHECK(found);
	CHECK(doc && strcmp(doc->lang, "ru") == 0);
	dyad_doc_free(doc);
}

int main(void)
{
	engine = testdoc_engine();
	if (!engine)
		return 1;
	RUN(the_languages_of_languages_tsv_are_read);
	RUN(a_word_is_in_the_language_of_its_script);
	RUN(a_language_answers_from_its_files);
	RUN(skeletons_fold_spellings_and_scripts);
	RUN(a_cyrillic_name_is_shown_in_latin_letters);
	dyad_engine_free(engine);
	return testlib_done();
}
