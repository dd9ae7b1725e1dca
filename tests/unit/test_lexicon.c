/*
 * test_lexicon.c - loading data/: every knowledge file is checked, and a bad
 * line is reported with its file and line number.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dyad.h"
#include "testlib.h"

static char tmpdir[] = "/tmp/dyad-lexicon-XXXXXX";

/* A copy of data/ with `line` appended to the file rel. */
static int corrupt_copy(const char *rel, const char *line)
{
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "rm -rf %s/data && cp -R data %s/data", tmpdir, tmpdir);
	if (system(cmd) != 0)
		return 0;
	char path[512];
	snprintf(path, sizeof path, "%s/data/%s", tmpdir, rel);
	FILE *f = fopen(path, "a");
	if (!f)
		return 0;
	fputs(line, f);
	fclose(f);
	return 1;
}

static void expect_error(const char *rel, const char *line, const char *where)
{
	char dir[512], err[DYAD_ERRMSG_MAX];
	dyad_engine *engine = NULL;
	CHECK(corrupt_copy(rel, line));
	snprintf(dir, sizeof dir, "%s/data", tmpdir);
	dyad_status st = dyad_engine_open(dir, &engine, err);
	CHECK_INT_EQ(st, DYAD_EDATA);
	CHECK(engine == NULL);
	if (!strstr(err, where))
		TESTLIB_FAIL("message \"%s\" does not name \"%s\"", err, where);
	dyad_engine_free(engine);
}

TEST(the_shipped_data_loads)
{
	char err[DYAD_ERRMSG_MAX];
	dyad_engine *engine = NULL;
	CHECK_INT_EQ(dyad_engine_open("data", &engine, err), DYAD_OK);
	size_t n = 0;
	const struct dyad_cameo_code *codes = engine ? dyad_cameo_codes(engine, &n) : NULL;
	CHECK(n > 250); /* every root and sub-code */
	CHECK(codes && strcmp(codes[0].code, "01") == 0);
	dyad_engine_free(engine);
}

TEST(a_short_line_names_file_and_line)
{
	expect_error("people/people.tsv", "Nobody Known\tAZE\tpresident\n", "people.tsv:");
}

TEST(a_bad_country_code_is_refused)
{
	expect_error("places/places.tsv", "Atlantis\tXXX\tcity\t1.0\t2.0\tAtlantis\n",
	             "\"XXX\": not a country");
}

TEST(a_bad_goldstein_value_is_refused)
{
	expect_error("cameo/events.tsv", "0999\t42\t1\tOTHER\tNot a code\n", "events.tsv:");
}

TEST(an_unknown_event_code_in_a_verb_pattern_is_refused)
{
	expect_error("verbs/en.tsv", "999\tfrobnicate\t-\n", "not a code of cameo/events.tsv");
}

TEST(an_empty_field_must_be_a_dash)
{
	expect_error("roles/roles.tsv", "sheriff\tCOP\t\tsheriff\n", "roles.tsv:");
}

TEST(a_language_descriptor_is_checked)
{
	expect_error("lang/en/lang.tsv", "favourite_colour\tblue\n", "lang.tsv:");
	expect_error("lang/ru/abbreviations.tsv", "гг\n", "abbreviations.tsv:");
	expect_error("lang/ru/modifiers.tsv", "politeness\tпожалуйста\n",
	             "unknown modifier kind");
}

TEST(an_unknown_stemmer_is_refused)
{
	char dir[512], err[DYAD_ERRMSG_MAX];
	dyad_engine *engine = NULL;
	CHECK(corrupt_copy("lang/languages.tsv", ""));
	snprintf(dir, sizeof dir, "%s/data/lang/ru/lang.tsv", tmpdir);
	FILE *f = fopen(dir, "w");
	CHECK(f != NULL);
	if (f) {
		fputs("key\tvalue\nname\tRussian\nstemmer\tklingon\nscripts\tcyrillic\n", f);
		fclose(f);
	}
	snprintf(dir, sizeof dir, "%s/data", tmpdir);
	CHECK_INT_EQ(dyad_engine_open(dir, &engine, err), DYAD_EDATA);
	CHECK(strstr(err, "klingon") != NULL);
	dyad_engine_free(engine);
}

TEST(a_listed_language_needs_its_folder)
{
	char dir[512], err[DYAD_ERRMSG_MAX];
	dyad_engine *engine = NULL;
	CHECK(corrupt_copy("lang/languages.tsv", "xx\n"));
	snprintf(dir, sizeof dir, "%s/data", tmpdir);
	CHECK(dyad_engine_open(dir, &engine, err) != DYAD_OK);
	CHECK(engine == NULL);
	if (!strstr(err, "lang/xx/lang.tsv"))
		TESTLIB_FAIL("message \"%s\" does not name lang/xx/lang.tsv", err);
}

TEST(a_missing_folder_is_named)
{
	char err[DYAD_ERRMSG_MAX];
	dyad_engine *engine = NULL;
	CHECK_INT_EQ(dyad_engine_open("/nonexistent/dyad-data", &engine, err), DYAD_ENOENT);
	CHECK(strstr(err, "/nonexistent/dyad-data") != NULL);
}

int main(void)
{
	if (!mkdtemp(tmpdir)) {
		printf("RESULT passed=0 failed=1\n");
		return 1;
	}
	RUN(the_shipped_data_loads);
	RUN(a_short_line_names_file_and_line);
	RUN(a_bad_country_code_is_refused);
	RUN(a_bad_goldstein_value_is_refused);
	RUN(an_unknown_event_code_in_a_verb_pattern_is_refused);
	RUN(an_empty_field_must_be_a_dash);
	RUN(a_language_descriptor_is_checked);
	RUN(an_unknown_stemmer_is_refused);
	RUN(a_listed_language_needs_its_folder);
	RUN(a_missing_folder_is_named);
	char cmd[256];
	snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmpdir);
	return testlib_done();
}
