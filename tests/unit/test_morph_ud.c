/*
 * test_morph_ud.c - how well the Russian dictionary's analyses cover the gold
 * analyses of UD Russian-GSD and Russian-Taiga (../shared/ud, dev and test):
 * on the word lines whose form is Cyrillic letters (what a dictionary of the
 * language is for), how often the gold (UPOS, Case, lemma) is among the
 * analyses and how often it is the first. Prints the figures (also over all
 * word lines) and asserts floors a little under what the mapping reaches.
 * DYAD_MORPH_MISSES=1 prints every miss (to improve the mapping rules),
 * DYAD_MORPH_MISSES=first every word whose gold is found but not first.
 * Skipped when the dictionary was not fetched or the treebanks are absent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/utf8.h"
#include "kb/morph.h"
#include "testlib.h"

#define DICT_DIR DYAD_SOURCE_DATA "/" DYAD_MORPH_RU_SUBDIR
#define UD_DIR "../shared/ud"
#define LINE_BYTES 4096
#define LEMMA_CAP 4096
#define N_FIELDS 10

/* Floors, in percent of Cyrillic words: among, first. */
#define GSD_AMONG 95.0
#define GSD_FIRST 78.0
#define TAIGA_AMONG 95.5
#define TAIGA_FIRST 76.5

static struct dyad__morph *morph;
static int print_misses; /* 1: misses, 2: found but not first */

struct tally {
	long words, among, first, upos_among, lemma_among;
};

/* Split a CoNLL-U word line (not "1-2" ranges, "8.1" empty nodes, comments). */
static int word_line(char *line, char **f)
{
	size_t n = 0;
	for (char *p = line; n < N_FIELDS; n++) {
		f[n] = p;
		char *tab = strchr(p, '\t');
		if (!tab) {
			p[strcspn(p, "\r\n")] = '\0';
			n++;
			break;
		}
		*tab = '\0';
		p = tab + 1;
	}
	if (n != N_FIELDS || !f[0][0])
		return 0;
	for (const char *p = f[0]; *p; p++)
		if (*p < '0' || *p > '9')
			return 0;
	return 1;
}

static int cyrillic_word(const char *s)
{
	size_t n = strlen(s), i = 0, letters = 0;
	while (i < n) {
		uint32_t cp = dyad_utf8_next(s, n, &i);
		if (cp == '-')
			continue;
		if (!dyad_cp_is_cyrillic(cp) || !dyad_cp_is_letter(cp))
			return 0;
		letters++;
	}
	return letters > 0;
}

static unsigned gold_case(const char *feats)
{
	uint64_t bundle = 0;
	if (dyad_ud_feats_parse(feats, strlen(feats), &bundle, NULL) != DYAD_OK)
		return 0;
	return dyad_ud_feat_get(bundle, DYAD_FEAT_Case);
}

static void count_word(struct tally *t, char **f, const struct dyad__morph_analysis *a,
                       size_t n, const char *lemmas, int show)
{
	enum dyad_upos upos = dyad_upos_parse(f[3], strlen(f[3]));
	unsigned gcase = gold_case(f[5]);
	size_t glen = strlen(f[2]);
	int found = -1, upos_ok = 0, lemma_ok = 0;
	for (size_t i = 0; i < n; i++) {
		int u = a[i].upos == upos;
		int l = a[i].lemma_len == glen && memcmp(lemmas + a[i].lemma_start, f[2], glen) == 0;
		upos_ok |= u;
		lemma_ok |= l;
		if (found < 0 && u && l && dyad_ud_feat_get(a[i].feats, DYAD_FEAT_Case) == gcase)
			found = (int)i;
	}
	t->words++;
	t->among += found >= 0;
	t->first += found == 0;
	t->upos_among += upos_ok;
	t->lemma_among += lemma_ok;
	if ((show == 1 && found < 0) || (show == 2 && found > 0)) {
		printf("%s\t%s\t%s\t%s\t%s\t", found < 0 ? "MISS" : "LATE", f[1], f[2], f[3], f[5]);
		for (size_t i = 0; i < n && i < 6; i++) {
			char feats[256];
			dyad_ud_feats_format(a[i].feats, feats, sizeof feats);
			printf("%s%.*s/%s/%s", i ? " ; " : "", (int)a[i].lemma_len,
			       lemmas + a[i].lemma_start, dyad_upos_name(a[i].upos), feats);
		}
		putchar('\n');
	}
}

static int read_treebank(const char *path, struct tally *all, struct tally *cyr)
{
	FILE *in = fopen(path, "r");
	if (!in)
		return 0;
	char line[LINE_BYTES], lemmas[LEMMA_CAP], *f[N_FIELDS];
	struct dyad__morph_analysis a[DYAD_MORPH_MAX_ANALYSES];
	while (fgets(line, sizeof line, in)) {
		if (!word_line(line, f))
			continue;
		size_t n = dyad__morph_analyse(morph, f[1], strlen(f[1]), a, DYAD_MORPH_MAX_ANALYSES,
		                               lemmas, sizeof lemmas);
		count_word(all, f, a, n, lemmas, 0);
		if (cyrillic_word(f[1]))
			count_word(cyr, f, a, n, lemmas, print_misses);
	}
	fclose(in);
	return 1;
}

static double pct(long part, long whole)
{
	return whole ? 100.0 * (double)part / (double)whole : 0.0;
}

static void print_tally(const char *treebank, const char *what, const struct tally *t)
{
	printf("%s %-15s %6ld words: gold (UPOS, Case, lemma) among %5.1f%%, first %5.1f%%; "
	       "UPOS among %5.1f%%, lemma among %5.1f%%\n",
	       treebank, what, t->words, pct(t->among, t->words), pct(t->first, t->words),
	       pct(t->upos_among, t->words), pct(t->lemma_among, t->words));
}

static void cover(const char *treebank, double among_floor, double first_floor)
{
	struct tally all = {0}, cyr = {0};
	const char *splits[] = {"dev", "test"};
	for (size_t i = 0; i < 2; i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s/%s-ud-%s.conllu", UD_DIR, treebank, treebank, splits[i]);
		CHECK(read_treebank(path, &all, &cyr));
	}
	print_tally(treebank, "all word lines", &all);
	print_tally(treebank, "Cyrillic words", &cyr);
	CHECK(cyr.words > 10000);
	CHECK(pct(cyr.among, cyr.words) >= among_floor);
	CHECK(pct(cyr.first, cyr.words) >= first_floor);
}

TEST(covers_ru_gsd)
{
	cover("ru_gsd", GSD_AMONG, GSD_FIRST);
}

TEST(covers_ru_taiga)
{
	cover("ru_taiga", TAIGA_AMONG, TAIGA_FIRST);
}

int main(void)
{
	char err[DYAD_ERRMSG_MAX];
	const char *misses = getenv("DYAD_MORPH_MISSES");
	print_misses = !misses ? 0 : strcmp(misses, "first") == 0 ? 2 : 1;
	if (access(DICT_DIR "/words.dawg", R_OK) != 0) {
		printf("skip test_morph_ud: no dictionary in %s (tools/install-deps fetches it)\n",
		       DICT_DIR);
		return testlib_done();
	}
	if (access(UD_DIR "/ru_gsd", R_OK) != 0 || access(UD_DIR "/ru_taiga", R_OK) != 0) {
		printf("skip test_morph_ud: no %s/ru_gsd and ru_taiga\n", UD_DIR);
		return testlib_done();
	}
	if (dyad__morph_load(DICT_DIR, &morph, err) != DYAD_OK) {
		fprintf(stderr, "test_morph_ud: %s\n", err);
		return 1;
	}
	RUN(covers_ru_gsd);
	RUN(covers_ru_taiga);
	dyad__morph_free(morph);
	return testlib_done();
}
