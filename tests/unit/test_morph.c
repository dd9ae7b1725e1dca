/*
 * test_morph.c - the Russian dictionary (kb/morph.h) on forms written for
 * these tests, each with the analysis a Russian reader knows it has: case
 * forms of nouns and names, verbs, participles, ё written as е, capitals,
 * unknown words guessed from their ending; and a missing or corrupt
 * dictionary reported with its path. Needs the dictionary that
 * tools/install-deps fetches; skipped (with a message) when it was not.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kb/morph.h"
#include "testlib.h"

#define DICT_DIR DYAD_SOURCE_DATA "/" DYAD_MORPH_RU_SUBDIR
#define MAP_FILE DYAD_SOURCE_DATA "/lang/ru/opencorpora-ud.tsv"
#define LEMMA_CAP 4096
#define PATH_CAP 1024

static struct dyad__morph *morph;
static struct dyad__morph_analysis an[DYAD_MORPH_MAX_ANALYSES];
static char lemmas[LEMMA_CAP];

static size_t analyse(const char *form)
{
	return dyad__morph_analyse(morph, form, strlen(form), an, DYAD_MORPH_MAX_ANALYSES, lemmas,
	                           sizeof lemmas);
}

static int lemma_is(const struct dyad__morph_analysis *a, const char *lemma)
{
	return a->lemma_len == strlen(lemma) && memcmp(lemmas + a->lemma_start, lemma, a->lemma_len) == 0;
}

/* Does analysis a have the UPOS, lemma and every feature of feats? */
static int fits(const struct dyad__morph_analysis *a, const char *upos, const char *lemma,
                const char *feats)
{
	uint64_t want = 0;
	if (dyad_ud_feats_parse(feats, strlen(feats), &want, NULL) != DYAD_OK)
		return 0;
	for (unsigned f = 0; f < DYAD_N_UD_FEATS; f++) {
		unsigned v = dyad_ud_feat_get(want, (enum dyad_ud_feat)f);
		if (v && dyad_ud_feat_get(a->feats, (enum dyad_ud_feat)f) != v)
			return 0;
	}
	return a->upos == dyad_upos_parse(upos, strlen(upos)) && lemma_is(a, lemma);
}

/* The index of the first of the n analyses that fits, -1 when none does. */
static int find(size_t n, const char *upos, const char *lemma, const char *feats)
{
	for (size_t i = 0; i < n; i++)
		if (fits(&an[i], upos, lemma, feats))
			return (int)i;
	return -1;
}

#define CHECK_HAS(form, upos, lemma, feats)                                   \
	do {                                                                      \
		size_t n_ = analyse(form);                                            \
		if (find(n_, upos, lemma, feats) < 0)                                 \
			TESTLIB_FAIL("%s: no %s %s %s among %zu analyses", form, upos, lemma, feats, n_); \
	} while (0)

#define CHECK_FIRST(form, upos, lemma, feats)                                 \
	do {                                                                      \
		size_t n_ = analyse(form);                                            \
		if (n_ == 0 || !fits(&an[0], upos, lemma, feats))                     \
			TESTLIB_FAIL("%s: first analysis is not %s %s %s", form, upos, lemma, feats); \
	} while (0)

TEST(nouns_in_their_cases)
{
	/* "посла": the ambassador, genitive or accusative (animate) */
	CHECK_HAS("посла", "NOUN", "посол", "Case=Gen|Number=Sing|Gender=Masc|Animacy=Anim");
	CHECK_HAS("посла", "NOUN", "посол", "Case=Acc|Number=Sing");
	CHECK_HAS("министрами", "NOUN", "министр", "Case=Ins|Number=Plur");
	CHECK_HAS("переговорах", "NOUN", "переговоры", "Case=Loc");
	CHECK_FIRST("стали", "VERB", "стать", "Number=Plur|Tense=Past");
	CHECK_HAS("стали", "NOUN", "сталь", "Case=Gen|Gender=Fem");
	size_t n = analyse("посла");
	CHECK(n >= 2);
	for (size_t i = 0; i < n; i++)
		CHECK(an[i].flags == DYAD_MORPH_KNOWN);
}

TEST(names_and_their_nominatives)
{
	CHECK_HAS("Алиева", "PROPN", "Алиев", "Case=Gen|Gender=Masc|NameType=Sur");
	/* a woman's surname keeps its own lemma, as UD writes it */
	CHECK_HAS("Алиевой", "PROPN", "Алиева", "Case=Ins|Gender=Fem|NameType=Sur");
	CHECK_HAS("Ильхама", "PROPN", "Ильхам", "Case=Gen|NameType=Giv");
	CHECK_HAS("Сергеевичу", "PROPN", "Сергеевич", "Case=Dat|NameType=Pat");
	CHECK_FIRST("Москвы", "PROPN", "Москва", "Case=Gen|NameType=Geo");
	CHECK_FIRST("МИДа", "PROPN", "МИД", "Case=Gen");
	CHECK_HAS("США", "PROPN", "США", "Case=Gen|Abbr=Yes");
}

TEST(verbs_and_participles)
{
	CHECK_FIRST("встретился", "VERB", "встретиться",
	            "Aspect=Perf|Gender=Masc|Mood=Ind|Number=Sing|Tense=Past|VerbForm=Fin|Voice=Mid");
	CHECK_FIRST("подписано", "VERB", "подписать",
	            "VerbForm=Part|Variant=Short|Voice=Pass|Gender=Neut|Aspect=Perf");
	CHECK_HAS("подписавший", "VERB", "подписать", "VerbForm=Part|Voice=Act|Case=Nom");
	CHECK_HAS("заявив", "VERB", "заявить", "VerbForm=Conv|Aspect=Perf");
	CHECK_HAS("обсудят", "VERB", "обсудить", "Tense=Fut|Person=3|Number=Plur");
	CHECK_HAS("был", "AUX", "быть", "Tense=Past|Gender=Masc");
}

TEST(closed_classes_follow_ud)
{
	CHECK_HAS("что", "SCONJ", "что", "");
	CHECK_HAS("и", "CCONJ", "и", "");
	CHECK_HAS("во", "ADP", "во", "");
	CHECK_HAS("не", "PART", "не", "Polarity=Neg");
	CHECK_HAS("его", "DET", "его", "");
	CHECK_HAS("его", "PRON", "он", "Case=Acc|Person=3");
	CHECK_HAS("себя", "PRON", "себя", "Reflex=Yes");
	CHECK_HAS("первого", "ADJ", "первый", "Case=Gen|NumType=Ord");
	CHECK_HAS("можно", "VERB", "можно", "");
	CHECK_HAS("бы", "AUX", "бы", "Mood=Cnd");
}

TEST(lemmas_by_ud_conventions)
{
	/* a comparative is also an adverb, the positive adverb its lemma */
	CHECK_HAS("чаще", "ADV", "часто", "Degree=Cmp");
	CHECK_HAS("чаще", "ADJ", "частый", "Degree=Cmp");
	CHECK_HAS("больше", "ADV", "больше", "Degree=Cmp");
	CHECK_HAS("должна", "ADJ", "должен", "Variant=Short|Gender=Fem");
	/* a participle may be an adjective, its long form the lemma */
	CHECK_HAS("уверена", "ADJ", "уверенный", "Variant=Short|Gender=Fem");
	CHECK_HAS("уверена", "VERB", "уверить", "VerbForm=Part|Variant=Short");
	CHECK_HAS("крупнейший", "ADJ", "крупнейший", "Degree=Sup|Case=Nom");
	/* a capitalised unknown word is also a name */
	CHECK_HAS("Гримбольда", "PROPN", "Гримбольд", "Case=Gen");
}

TEST(yo_written_as_ye)
{
	/* dictionary forms have ё; texts mostly write е; UD lemmas spell е */
	CHECK_HAS("ежика", "NOUN", "ежик", "Case=Gen");
	CHECK_HAS("ёжика", "NOUN", "ежик", "Case=Gen");
	CHECK_HAS("зелёного", "ADJ", "зеленый", "Case=Gen");
	size_t a = analyse("еще"), b;
	float s0 = a ? an[0].score : 0;
	b = analyse("ещё");
	CHECK_INT_EQ(a, b);
	CHECK(a > 0 && an[0].score == s0);
	/* ...except всё, which UD keeps apart from все */
	CHECK_HAS("всё", "PRON", "всё", "Case=Nom");
}

TEST(letter_case_of_the_form)
{
	CHECK_HAS("ПОСЛА", "NOUN", "посол", "Case=Gen");
	CHECK_HAS("Посла", "NOUN", "посол", "Case=Gen");
	/* a heading in capitals is no abbreviation */
	CHECK_FIRST("МОСКВЫ", "PROPN", "Москва", "Case=Gen");
	/* names only for a capitalised form, when something else fits */
	size_t n = analyse("путин");
	CHECK(n > 0 && find(n, "PROPN", "Путин", "") < 0);
	CHECK_FIRST("Путин", "PROPN", "Путин", "Case=Nom");
}

TEST(unknown_words_from_their_ending)
{
	/* a surname the dictionary lacks declines like the ones it has */
	size_t n = analyse("Токаеву");
	int i = find(n, "PROPN", "Токаев", "Case=Dat|Gender=Masc|NameType=Sur");
	CHECK(i >= 0);
	CHECK(i >= 0 && an[i].flags == DYAD_MORPH_PREDICTED);
	CHECK_FIRST("твиттерили", "VERB", "твиттерить", "Tense=Past|Number=Plur");
	CHECK_FIRST("ковидными", "ADJ", "ковидный", "Case=Ins|Number=Plur");
	CHECK_HAS("блогерше", "NOUN", "блогерша", "Case=Dat|Gender=Fem");
	CHECK(an[0].flags == DYAD_MORPH_PREDICTED);
	/* a hyphenated word the dictionary lacks: its last part, the first kept */
	CHECK_HAS("экс-посла", "NOUN", "экс-посол", "Case=Gen");
}

TEST(no_word_no_analysis)
{
	const char *none[] = {"", "2024", "—", "hello", "5-й", "...", "Москва!"};
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
		CHECK_INT_EQ(analyse(none[i]), 0);
}

TEST(scores_order_and_buffers)
{
	size_t n = analyse("его");
	float sum = 0;
	for (size_t i = 0; i < n; i++) {
		sum += an[i].score;
		CHECK(an[i].score >= 0);
		if (i > 0)
			CHECK(an[i].score <= an[i - 1].score);
		CHECK(an[i].lemma_start + an[i].lemma_len <= sizeof lemmas);
	}
	CHECK(n > 1 && sum <= 1.0001f && sum > 0.999f);
	/* cap 1: only the best */
	struct dyad__morph_analysis one;
	CHECK_INT_EQ(dyad__morph_analyse(morph, "стали", strlen("стали"), &one, 1, lemmas,
	                                 sizeof lemmas), 1);
	CHECK(one.upos == DYAD_UPOS_VERB);
	/* a lemma buffer too small for any lemma: nothing written */
	char tiny[4];
	CHECK_INT_EQ(dyad__morph_analyse(morph, "министрами", strlen("министрами"), an,
	                                 DYAD_MORPH_MAX_ANALYSES, tiny, sizeof tiny), 0);
	/* analyses with one lemma share its bytes */
	n = analyse("посла");
	CHECK(n == 2 && an[0].lemma_start == an[1].lemma_start);
}

/* ---- missing and corrupt files ---------------------------------------- */

static const char *const dict_files[] = {
	"grammemes.json", "gramtab-opencorpora-int.json", "meta.json", "p_t_given_w.intdawg",
	"paradigms.array", "prediction-suffixes-0.dawg", "prediction-suffixes-1.dawg",
	"prediction-suffixes-2.dawg", "suffixes.json", "words.dawg",
};
#define N_DICT_FILES (sizeof dict_files / sizeof dict_files[0])

static char tmp_root[PATH_CAP], tmp_dict[PATH_CAP], tmp_map[PATH_CAP];

/* tmp/morph/ links every dictionary file except skip; tmp/opencorpora-ud.tsv the mapping. */
static int make_copy(const char *skip)
{
	snprintf(tmp_root, sizeof tmp_root, "%s/dyad-morph-XXXXXX",
	         getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(tmp_root))
		return 0;
	snprintf(tmp_dict, sizeof tmp_dict, "%s/morph", tmp_root);
	snprintf(tmp_map, sizeof tmp_map, "%s/opencorpora-ud.tsv", tmp_root);
	if (mkdir(tmp_dict, 0700) != 0 || symlink(MAP_FILE, tmp_map) != 0)
		return 0;
	for (size_t i = 0; i < N_DICT_FILES; i++) {
		char from[PATH_CAP], to[PATH_CAP];
		if (skip && strcmp(skip, dict_files[i]) == 0)
			continue;
		snprintf(from, sizeof from, "%s/%s", DICT_DIR, dict_files[i]);
		snprintf(to, sizeof to, "%s/%s", tmp_dict, dict_files[i]);
		if (symlink(from, to) != 0)
			return 0;
	}
	return 1;
}

static void remove_copy(void)
{
	for (size_t i = 0; i < N_DICT_FILES; i++) {
		char path[PATH_CAP];
		snprintf(path, sizeof path, "%s/%s", tmp_dict, dict_files[i]);
		unlink(path);
	}
	unlink(tmp_map);
	rmdir(tmp_dict);
	rmdir(tmp_root);
}

static void write_file(const char *path, const char *text)
{
	unlink(path);
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

/* Load tmp/morph and expect status with the path (and line) in the message. */
static void expect_failure(dyad_status want, const char *path_part)
{
	char err[DYAD_ERRMSG_MAX];
	struct dyad__morph *m = (struct dyad__morph *)&err; /* must be reset to NULL */
	dyad_status st = dyad__morph_load(tmp_dict, &m, err);
	CHECK_INT_EQ(st, want);
	CHECK(m == NULL);
	if (!strstr(err, path_part))
		TESTLIB_FAIL("message \"%s\" does not name %s", err, path_part);
}

TEST(missing_file_named)
{
	CHECK(make_copy("words.dawg"));
	expect_failure(DYAD_ENOENT, "/morph/words.dawg");
	remove_copy();
	char err[DYAD_ERRMSG_MAX];
	struct dyad__morph *m;
	CHECK_INT_EQ(dyad__morph_load("/nonexistent/morph", &m, err), DYAD_ENOENT);
	CHECK(strstr(err, "/nonexistent/morph/") != NULL);
}

TEST(corrupt_files_named)
{
	char path[PATH_CAP];
	CHECK(make_copy("words.dawg"));
	snprintf(path, sizeof path, "%s/words.dawg", tmp_dict);
	write_file(path, "\x10\x00\x00\x00garbage");
	expect_failure(DYAD_EDATA, "/morph/words.dawg");
	remove_copy();

	CHECK(make_copy("paradigms.array"));
	snprintf(path, sizeof path, "%s/paradigms.array", tmp_dict);
	write_file(path, "\x02\x00\x03\x00\x01\x00");
	expect_failure(DYAD_EDATA, "/morph/paradigms.array");
	remove_copy();

	CHECK(make_copy("gramtab-opencorpora-int.json"));
	snprintf(path, sizeof path, "%s/gramtab-opencorpora-int.json", tmp_dict);
	write_file(path, "[\"NOUN,anim,masc sing,nomn\", \"NOUN,xyzzy\"]");
	expect_failure(DYAD_EDATA, "unknown grammeme \"xyzzy\"");
	write_file(path, "[\"NOUN\", ");
	expect_failure(DYAD_EDATA, "gramtab-opencorpora-int.json: line 1");
	remove_copy();
}

TEST(bad_mapping_line_named)
{
	CHECK(make_copy(NULL));
	write_file(tmp_map, "# test\nwhen\tlemma\tupos\tfeats\tdo\nNOUN\t-\tNOUN\t-\t-\nnoun\t-\tNOUN\t-\t-\n");
	expect_failure(DYAD_EDATA, "opencorpora-ud.tsv:4: unknown OpenCorpora grammeme \"noun\"");
	write_file(tmp_map, "when\tlemma\tupos\tfeats\tdo\nNOUN\t-\tNOUNS\t-\t-\n");
	expect_failure(DYAD_EDATA, "opencorpora-ud.tsv:2: unknown UPOS \"NOUNS\"");
	write_file(tmp_map, "when\tlemma\tupos\tfeats\tdo\nNOUN\t-\t-\tCase=Nominative\t-\n");
	expect_failure(DYAD_EDATA, "opencorpora-ud.tsv:2: unknown value \"Nominative\" of Case");
	write_file(tmp_map, "when\tlemma\tupos\tfeats\tdo\nNOUN\t-\t-\t-\n");
	expect_failure(DYAD_EDATA, "opencorpora-ud.tsv:2: expected 5 fields, found 4");
	write_file(tmp_map, "when\tlemma\tupos\tfeats\tdo\nNOUN\t-\t-\t-\tfly\n");
	expect_failure(DYAD_EDATA, "opencorpora-ud.tsv:2: unknown action \"fly\"");
	write_file(tmp_map, "upos\twhen\n");
	expect_failure(DYAD_EDATA, "opencorpora-ud.tsv:1: header has 2 columns, expected 5");
	remove_copy();
}

int main(void)
{
	char path[PATH_CAP], err[DYAD_ERRMSG_MAX];
	snprintf(path, sizeof path, "%s/words.dawg", DICT_DIR);
	if (access(path, R_OK) != 0) {
		printf("skip test_morph: no dictionary in %s (tools/install-deps fetches it)\n", DICT_DIR);
		return testlib_done();
	}
	if (dyad__morph_load(DICT_DIR, &morph, err) != DYAD_OK) {
		fprintf(stderr, "test_morph: %s\n", err);
		return 1;
	}
	RUN(nouns_in_their_cases);
	RUN(names_and_their_nominatives);
	RUN(verbs_and_participles);
	RUN(closed_classes_follow_ud);
	RUN(lemmas_by_ud_conventions);
	RUN(yo_written_as_ye);
	RUN(letter_case_of_the_form);
	RUN(unknown_words_from_their_ending);
	RUN(no_word_no_analysis);
	RUN(scores_order_and_buffers);
	RUN(missing_file_named);
	RUN(corrupt_files_named);
	RUN(bad_mapping_line_named);
	dyad__morph_free(morph);
	return testlib_done();
}
