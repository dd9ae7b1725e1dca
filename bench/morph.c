/*
 * morph.c - measuring the Russian dictionary (src/kb/morph.h): load time and
 * memory, lookups per second, and how well its analyses cover the gold
 * analyses of UD treebanks. Run by bench/morph.sh (make bench); the coverage
 * floor of make check is tests/golden/morph.sh, which uses this program.
 *
 *   morph load DIR                       best and mean load time, memory
 *   morph speed DIR FILE.conllu...       lookups per second over the forms
 *   morph coverage DIR FILE.conllu...    gold (UPOS, Case, lemma) among / first
 *   morph misses DIR FILE.conllu...      every Cyrillic word whose gold is missed
 *   morph analyse DIR WORD...            print the analyses
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "core/utf8.h"
#include "kb/morph.h"

#define LOAD_RUNS 5
#define SPEED_MIN_S 1.0
#define MAX_FORMS 200000
#define LINE_BYTES 4096
#define LEMMA_BYTES 4096

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long rss_kb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;
	while (f && fgets(line, sizeof line, f))
		if (strncmp(line, "VmRSS:", 6) == 0)
			kb = strtol(line + 6, NULL, 10);
	if (f)
		fclose(f);
	return kb;
}

static struct dyad__morph *load(const char *dir)
{
	char err[DYAD_ERRMSG_MAX];
	struct dyad__morph *m;
	dyad_status st = dyad__morph_load(dir, &m, err);
	if (st != DYAD_OK) {
		fprintf(stderr, "morph: %s\n", err);
		exit(st == DYAD_ENOENT ? 77 : 1);
	}
	return m;
}

static int cmd_load(const char *dir)
{
	double best = 1e9, sum = 0;
	long before = rss_kb(), after = 0;
	for (int i = 0; i < LOAD_RUNS; i++) {
		double t = now();
		struct dyad__morph *m = load(dir);
		t = now() - t;
		if (i == 0)
			after = rss_kb();
		dyad__morph_free(m);
		best = t < best ? t : best;
		sum += t;
	}
	printf("morph load: best %.1f ms, mean %.1f ms over %d runs; resident memory +%.1f MB\n",
	       best * 1e3, sum / LOAD_RUNS * 1e3, LOAD_RUNS, (double)(after - before) / 1024.0);
	return 0;
}

/* One word line of CoNLL-U: its fields (pointers into line, NUL-terminated). */
static int word_line(char *line, char **f)
{
	size_t n = 0;
	for (char *p = line; n < 10; n++) {
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
	if (n != 10 || line[0] == '#')
		return 0;
	for (const char *p = f[0]; *p; p++)
		if (*p < '0' || *p > '9')
			return 0; /* "1-2" ranges and "8.1" empty nodes */
	return 1;
}

/* A form of Cyrillic letters and hyphens only: what the dictionary is for. */
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

struct tally {
	long words, among, first, upos_among, lemma_among, analysed;
};

static unsigned gold_case(const char *feats)
{
	uint64_t bundle = 0;
	if (dyad_ud_feats_parse(feats, strlen(feats), &bundle, NULL) != DYAD_OK)
		return 0;
	return dyad_ud_feat_get(bundle, DYAD_FEAT_Case);
}

/* Which analysis (0-based) has the gold UPOS, Case and lemma; -1 none. */
static int match(const struct dyad__morph_analysis *a, size_t n, const char *lemmas,
                 char **f, int *upos_ok, int *lemma_ok)
{
	enum dyad_upos upos = dyad_upos_parse(f[3], strlen(f[3]));
	unsigned gcase = gold_case(f[5]);
	size_t glen = strlen(f[2]);
	int found = -1;
	*upos_ok = *lemma_ok = 0;
	for (size_t i = 0; i < n; i++) {
		int u = a[i].upos == upos;
		int l = a[i].lemma_len == glen && memcmp(lemmas + a[i].lemma_start, f[2], glen) == 0;
		*upos_ok |= u;
		*lemma_ok |= l;
		if (found < 0 && u && l && dyad_ud_feat_get(a[i].feats, DYAD_FEAT_Case) == gcase)
			found = (int)i;
	}
	return found;
}

static void count(struct tally *t, int found, int upos_ok, int lemma_ok, size_t n)
{
	t->words++;
	t->analysed += n > 0;
	t->among += found >= 0;
	t->first += found == 0;
	t->upos_among += upos_ok;
	t->lemma_among += lemma_ok;
}

static void print_tally(const char *what, const struct tally *t)
{
	double w = t->words ? (double)t->words : 1.0;
	printf("%-22s %6ld words: analysed %5.1f%%  gold (UPOS,Case,lemma) among %5.1f%%, first %5.1f%%"
	       "  (UPOS among %5.1f%%, lemma among %5.1f%%)\n",
	       what, t->words, 100.0 * t->analysed / w, 100.0 * t->among / w, 100.0 * t->first / w,
	       100.0 * t->upos_among / w, 100.0 * t->lemma_among / w);
}

static void report_miss(char **f, const struct dyad__morph_analysis *a, size_t n,
                        const char *lemmas)
{
	printf("MISS\t%s\t%s\t%s\t%s\t", f[1], f[2], f[3], f[5]);
	for (size_t i = 0; i < n && i < 6; i++) {
		char feats[256];
		dyad_ud_feats_format(a[i].feats, feats, sizeof feats);
		printf("%s%.*s/%s/%s", i ? " ; " : "", (int)a[i].lemma_len, lemmas + a[i].lemma_start,
		       dyad_upos_name(a[i].upos), feats);
	}
	putchar('\n');
}

static int cmd_coverage(struct dyad__morph *m, char **files, int n_files, int misses)
{
	struct tally all = {0}, cyr = {0};
	struct dyad__morph_analysis a[DYAD_MORPH_MAX_ANALYSES];
	char lemmas[LEMMA_BYTES], line[LINE_BYTES];
	for (int k = 0; k < n_files; k++) {
		FILE *in = fopen(files[k], "r");
		if (!in) {
			perror(files[k]);
			return 1;
		}
		char *f[10];
		while (fgets(line, sizeof line, in)) {
			if (!word_line(line, f))
				continue;
			size_t n = dyad__morph_analyse(m, f[1], strlen(f[1]), a, DYAD_MORPH_MAX_ANALYSES,
			                               lemmas, sizeof lemmas);
			int upos_ok, lemma_ok;
			int found = match(a, n, lemmas, f, &upos_ok, &lemma_ok);
			count(&all, found, upos_ok, lemma_ok, n);
			if (cyrillic_word(f[1])) {
				count(&cyr, found, upos_ok, lemma_ok, n);
				if (misses && found < 0)
					report_miss(f, a, n, lemmas);
			}
		}
		fclose(in);
	}
	if (!misses) {
		print_tally("all word lines", &all);
		print_tally("Cyrillic words", &cyr);
	}
	return 0;
}

static int cmd_speed(struct dyad__morph *m, char **files, int n_files)
{
	static char *forms[MAX_FORMS];
	size_t n_forms = 0;
	char line[LINE_BYTES];
	for (int k = 0; k < n_files; k++) {
		FILE *in = fopen(files[k], "r");
		char *f[10];
		while (in && fgets(line, sizeof line, in) && n_forms < MAX_FORMS)
			if (word_line(line, f) && (forms[n_forms] = strdup(f[1])))
				n_forms++;
		if (in)
			fclose(in);
	}
	struct dyad__morph_analysis a[DYAD_MORPH_MAX_ANALYSES];
	char lemmas[LEMMA_BYTES];
	size_t calls = 0, total = 0;
	double t = now(), elapsed;
	do {
		for (size_t i = 0; i < n_forms; i++)
			total += dyad__morph_analyse(m, forms[i], strlen(forms[i]), a,
			                             DYAD_MORPH_MAX_ANALYSES, lemmas, sizeof lemmas);
		calls += n_forms;
		elapsed = now() - t;
	} while (elapsed < SPEED_MIN_S && n_forms);
	printf("morph speed: %zu lookups of %zu treebank forms in %.2f s: %.0f lookups/s, "
	       "%.2f analyses per lookup\n",
	       calls, n_forms, elapsed, (double)calls / elapsed, (double)total / (double)(calls ? calls : 1));
	for (size_t i = 0; i < n_forms; i++)
		free(forms[i]);
	return 0;
}

static int cmd_analyse(struct dyad__morph *m, char **words, int n)
{
	struct dyad__morph_analysis a[DYAD_MORPH_MAX_ANALYSES];
	char lemmas[LEMMA_BYTES], feats[256];
	for (int k = 0; k < n; k++) {
		size_t got = dyad__morph_analyse(m, words[k], strlen(words[k]), a,
		                                 DYAD_MORPH_MAX_ANALYSES, lemmas, sizeof lemmas);
		printf("%s: %zu\n", words[k], got);
		for (size_t i = 0; i < got; i++) {
			dyad_ud_feats_format(a[i].feats, feats, sizeof feats);
			printf("  %.4f %-5s %-28.*s %s%s\n", a[i].score, dyad_upos_name(a[i].upos),
			       (int)a[i].lemma_len, lemmas + a[i].lemma_start, feats,
			       a[i].flags & DYAD_MORPH_PREDICTED ? "  (predicted)" : "");
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: morph load|speed|coverage|misses|analyse DIR [ARGS...]\n");
		return 2;
	}
	const char *cmd = argv[1], *dir = argv[2];
	if (strcmp(cmd, "load") == 0)
		return cmd_load(dir);
	struct dyad__morph *m = load(dir);
	int rc = 2;
	if (strcmp(cmd, "speed") == 0)
		rc = cmd_speed(m, argv + 3, argc - 3);
	else if (strcmp(cmd, "coverage") == 0)
		rc = cmd_coverage(m, argv + 3, argc - 3, 0);
	else if (strcmp(cmd, "misses") == 0)
		rc = cmd_coverage(m, argv + 3, argc - 3, 1);
	else if (strcmp(cmd, "analyse") == 0)
		rc = cmd_analyse(m, argv + 3, argc - 3);
	dyad__morph_free(m);
	return rc;
}
