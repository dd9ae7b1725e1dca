/*
 * test_pipeline.c - the text, entity and event stages end to end on
 * sentences written for this test, through the public API.
 */
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "testdoc.h"
#include "testlib.h"

static dyad_engine *engine;

static struct dyad_doc *extract(const char *text)
{
	return testdoc_extract(engine, "test.txt", text);
}

static const struct dyad_entity *person(const struct dyad_doc *doc, const char *part)
{
	for (size_t i = 0; i < doc->n_entities; i++)
		if (doc->entities[i].kind == DYAD_ENTITY_PERSON && strstr(doc->entities[i].name, part))
			return &doc->entities[i];
	return NULL;
}

static int has_event(const struct dyad_doc *doc, const char *src, const char *tgt,
                     const char *root)
{
	for (size_t i = 0; i < doc->n_events; i++) {
		const struct dyad_event *e = &doc->events[i];
		if (e->source.country && e->target.country &&
		    strcmp(e->source.country, src) == 0 && strcmp(e->target.country, tgt) == 0 &&
		    strncmp(e->code, root, strlen(root)) == 0)
			return 1;
	}
	return 0;
}

TEST(offsets_point_into_the_normalised_text)
{
	struct dyad_doc *doc = extract("Azerbaijani President Ilham Aliyev met with Kazakh "
	                               "President Kassym-Jomart Tokayev in Astana.");
	CHECK(doc != NULL);
	if (!doc)
		return;
	const struct dyad_entity *p = person(doc, "Aliyev");
	CHECK(p != NULL);
	if (p && p->n_mentions) {
		struct dyad_span s = p->mentions[0];
		CHECK(s.end <= doc->text_len);
		CHECK(strncmp(doc->text + s.start, "Ilham Aliyev", s.end - s.start) == 0);
	}
	dyad_doc_free(doc);
}

TEST(titles_give_people_their_country_and_role)
{
	struct dyad_doc *doc = extract(
		"Kyrgyz Ambassador to the country Daniyar Sydykov told reporters that "
		"relations were excellent. The ambassador noted the growth of trade.");
	CHECK(doc != NULL);
	if (!doc)
		return;
	const struct dyad_entity *p = person(doc, "Sydykov");
	CHECK(p != NULL);
	if (p) {
		CHECK_STR_EQ(p->country, "KGZ");
		CHECK_STR_EQ(p->role, "ambassador");
		CHECK_STR_EQ(p->actor, "KGZDIP");
		CHECK_INT_EQ(p->n_mentions, 2); /* "the ambassador" joins him */
	}
	dyad_doc_free(doc);
}

TEST(russian_inflections_merge_into_one_person)
{
	struct dyad_doc *doc = extract(
		"Президент Азербайджана Ильхам Алиев прибыл в Казахстан. "
		"Визит Ильхама Алиева продлится два дня. Алиеву вручили орден.");
	CHECK(doc != NULL);
	if (!doc)
		return;
	const struct dyad_entity *p = person(doc, "Aliyev");
	CHECK(p != NULL);
	if (p) {
		CHECK_STR_EQ(p->country, "AZE");
		CHECK_INT_EQ(p->n_mentions, 3);
	}
	CHECK(has_event(doc, "AZE", "KAZ", "04"));
	dyad_doc_free(doc);
}

TEST(visits_meetings_and_praise_are_coded)
{
	struct dyad_doc *doc = extract(
		"Turkish President Recep Tayyip Erdogan paid an official visit to Baku. "
		"Erdogan praised Azerbaijan for its support. "
		"The Iranian foreign minister did not meet his Azerbaijani counterpart.");
	CHECK(doc != NULL);
	if (!doc)
		return;
	CHECK(has_event(doc, "TUR", "AZE", "04"));
	CHECK(has_event(doc, "TUR", "AZE", "05"));
	CHECK(!has_event(doc, "IRN", "AZE", "04")); /* negated */
	dyad_doc_free(doc);
}

TEST(reported_speech_takes_the_speaker_as_source)
{
	struct dyad_doc *doc = extract(
		"\"We highly appreciate the work of Russian peacekeepers,\" said "
		"Azerbaijani President Ilham Aliyev.");
	CHECK(doc != NULL);
	if (!doc)
		return;
	CHECK(has_event(doc, "AZE", "RUS", "05"));
	dyad_doc_free(doc);
}

TEST(joint_subjects_act_both_ways)
{
	struct dyad_doc *doc = extract("Georgia and Armenia signed an agreement on transit.");
	CHECK(doc != NULL);
	if (!doc)
		return;
	CHECK(has_event(doc, "GEO", "ARM", "05"));
	CHECK(has_event(doc, "ARM", "GEO", "05"));
	dyad_doc_free(doc);
}

TEST(events_take_the_day_and_place_their_sentence_names)
{
	struct dyad_doc *doc = extract(
		" date 2025-03-14 Georgian Prime Minister Irakli Kobakhidze met with Armenian "
		"Prime Minister Nikol Pashinyan in Tbilisi yesterday. Last November, Georgia "
		"signed an agreement with Armenia.\n");
	CHECK(doc != NULL);
	if (!doc)
		return;
	CHECK_STR_EQ(doc->published, "2025-03-14");
	int met = 0, signed_ = 0;
	for (size_t i = 0; i < doc->n_events; i++) {
		const struct dyad_event *e = &doc->events[i];
		if (strncmp(e->code, "04", 2) == 0) {
			met = 1;
			CHECK_STR_EQ(e->date, "2025-03-13");
			CHECK_STR_EQ(e->place, "Tbilisi");
			CHECK(!(e->flags & DYAD_EVENT_BACKGROUND));
		}
		if (strncmp(e->code, "05", 2) == 0) {
			signed_ = 1;
			CHECK_STR_EQ(e->date, "2024-11");
			CHECK(e->flags & DYAD_EVENT_BACKGROUND);
		}
	}
	CHECK(met && signed_);
	dyad_doc_free(doc);
}

TEST(quotes_have_speakers_and_amounts_their_units)
{
	struct dyad_doc *doc = extract(
		"\"We are ready to deepen cooperation with all our neighbours,\" Azerbaijani "
		"President Ilham Aliyev said. Trade reached more than four billion dollars, and "
		"5,000 soldiers and 169.4 tons of flour were sent. Россия направила 52 тонны "
		"помощи, и 11 российских граждан вернулись домой.\n");
	CHECK(doc != NULL);
	if (!doc)
		return;
	CHECK_INT_EQ(doc->n_quotes, 1);
	if (doc->n_quotes)
		CHECK_STR_EQ(doc->quotes[0].speaker, "Ilham Aliyev");
	CHECK_INT_EQ(doc->n_amounts, 5);
	if (doc->n_amounts == 5) {
		CHECK_NEAR(doc->amounts[0].value, 4e9, 1);
		CHECK_STR_EQ(doc->amounts[0].unit, "USD");
		CHECK_STR_EQ(doc->amounts[1].counts, "soldiers");
		CHECK_NEAR(doc->amounts[2].value, 169.4, 1e-9);
		CHECK_STR_EQ(doc->amounts[2].unit, "t");
		CHECK_STR_EQ(doc->amounts[2].counts, "flour");
		CHECK_STR_EQ(doc->amounts[4].counts, "граждан");
	}
	dyad_doc_free(doc);
}

TEST(he_said_is_the_person_named_last)
{
	struct dyad_doc *doc = extract(
		"Armenian Prime Minister Nikol Pashinyan arrived in Tbilisi.\n\n"
		"\"We will deepen our cooperation with Georgia,\" he said.\n");
	CHECK(doc != NULL);
	if (!doc)
		return;
	CHECK_INT_EQ(doc->n_quotes, 1);
	if (doc->n_quotes)
		CHECK_STR_EQ(doc->quotes[0].speaker, "Nikol Pashinyan");
	CHECK(has_event(doc, "ARM", "GEO", "03")); /* "we will": an intention */
	dyad_doc_free(doc);
}

int main(void)
{
	engine = testdoc_engine();
	if (!engine)
		return 1;
	RUN(offsets_point_into_the_normalised_text);
	RUN(titles_give_people_their_country_and_role);
	RUN(russian_inflections_merge_into_one_person);
	RUN(visits_meetings_and_praise_are_coded);
	RUN(reported_speech_takes_the_speaker_as_source);
	RUN(joint_subjects_act_both_ways);
	RUN(events_take_the_day_and_place_their_sentence_names);
	RUN(quotes_have_speakers_and_amounts_their_units);
	RUN(he_said_is_the_person_named_last);
	dyad_engine_free(engine);
	return testlib_done();
}
