/*
 * grammar.c - measuring the grammar stage (src/parse/): model load time and
 * memory, and words per second tagged + parsed on one core over the words
 * of CoNLL-U files (gold tokenisation, so only the stage is timed). Run by
 * bench/grammar.sh (make bench), never by make check.
 *
 *   grammar MODEL [DICT_DIR] FILE.conllu...
 *
 * Prints the best and mean of LOAD_RUNS loads, the resident memory the
 * model (and dictionary) add, then the best of SPEED_RUNS passes over all
 * sentences for tagging alone and for tagging + parsing, in words per
 * second of CPU time (user + sys; the machine is shared).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "kb/morph.h"
#include "parse/conllu.h"
#include "parse/grammar.h"

#define LOAD_RUNS 5
#define SPEED_RUNS 3
#define MAX_FILES 16

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU time of the process (user + sys): on a shared machine wall time
 * counts the other jobs' turns too. */
static double cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
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

static struct dyad_grammar *load(const char *model, const struct dyad__morph *dict)
{
	char err[DYAD_ERRMSG_MAX];
	struct dyad_grammar *g;
	if (dyad_grammar_load(model, dict, &g, err) != DYAD_OK) {
		fprintf(stderr, "grammar: %s\n", err);
		exit(1);
	}
	return g;
}

/* One pass over every sentence; returns the words analysed. */
static size_t pass(const struct dyad_grammar *g, struct dyad_grammar_work *w,
                   const struct dyad_conllu_doc *docs, size_t n_docs,
                   struct dyad_grammar_word *words, unsigned steps)
{
	size_t n = 0;
	for (size_t d = 0; d < n_docs; d++)
		for (size_t i = 0; i < docs[d].n_sents; i++) {
			const struct dyad_conllu_sentence *s = &docs[d].sents[i];
			for (uint32_t j = 0; j < s->n_words; j++) {
				memset(&words[j], 0, sizeof words[j]);
				words[j].form = s->words[j].form;
				words[j].form_len = s->words[j].form_len;
			}
			if (dyad_grammar_analyse(g, w, words, s->n_words, steps) != DYAD_OK) {
				fprintf(stderr, "grammar: analysis failed\n");
				exit(1);
			}
			n += s->n_words;
		}
	return n;
}

static double best_rate(const struct dyad_grammar *g, const struct dyad_conllu_doc *docs,
                        size_t n_docs, unsigned steps, size_t *n_words)
{
	struct dyad_grammar_work *w;
	struct dyad_grammar_word *words = calloc(DYAD_CONLLU_MAX_WORDS, sizeof *words);
	if (!words || dyad_grammar_work_new(&w) != DYAD_OK)
		exit(1);
	double best = 0;
	for (int r = 0; r < SPEED_RUNS; r++) {
		double t0 = cpu_now();
		*n_words = pass(g, w, docs, n_docs, words, steps);
		double rate = (double)*n_words / (cpu_now() - t0);
		best = rate > best ? rate : best;
	}
	dyad_grammar_work_free(w);
	free(words);
	return best;
}

static void report_load(const char *model, const struct dyad__morph *dict, long rss0)
{
	double best = 1e9, sum = 0;
	struct stat st;
	for (int r = 0; r < LOAD_RUNS; r++) {
		double t0 = now();
		struct dyad_grammar *g = load(model, dict);
		double dt = now() - t0;
		best = dt < best ? dt : best;
		sum += dt;
		if (r + 1 < LOAD_RUNS)
			dyad_grammar_free(g);
		else
			printf("grammar load: best %.1f ms, mean %.1f ms over %d runs; model %.1f MB, "
			       "resident +%.1f MB with the dictionary\n",
			       best * 1e3, sum / LOAD_RUNS * 1e3, LOAD_RUNS,
			       stat(model, &st) == 0 ? (double)st.st_size / 1048576.0 : 0.0,
			       (double)(rss_kb() - rss0) / 1024.0);
		if (r + 1 == LOAD_RUNS)
			dyad_grammar_free(g);
	}
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: grammar MODEL [DICT_DIR] FILE.conllu...\n");
		return 2;
	}
	const char *model = argv[1];
	int first = 2;
	long rss0 = rss_kb();
	struct dyad__morph *dict = NULL;
	char err[DYAD_ERRMSG_MAX];
	if (dyad_grammar_file_needs_dict(model) > 0) {
		double t0 = now();
		if (dyad__morph_load(argv[2], &dict, err) != DYAD_OK) {
			fprintf(stderr, "grammar: %s\n", err);
			return 77;
		}
		printf("dictionary load: %.1f ms\n", (now() - t0) * 1e3);
		first = 3;
	}
	report_load(model, dict, rss0);
	struct dyad_conllu_doc docs[MAX_FILES];
	size_t n_docs = 0;
	for (int i = first; i < argc && n_docs < MAX_FILES; i++)
		if (dyad_conllu_read_file(argv[i], &docs[n_docs], err) == DYAD_OK)
			n_docs++;
		else
			fprintf(stderr, "grammar: %s\n", err);
	struct dyad_grammar *g = load(model, dict);
	size_t n;
	double tag = best_rate(g, docs, n_docs, DYAD_GRAMMAR_TAG, &n);
	double all = best_rate(g, docs, n_docs, DYAD_GRAMMAR_ALL, &n);
	printf("grammar speed: %zu words, best of %d passes, per cpu-second: tag %.0f words/s, "
	       "tag + parse %.0f words/s; resident %.1f MB in all\n",
	       n, SPEED_RUNS, tag, all, (double)rss_kb() / 1024.0);
	dyad_grammar_free(g);
	dyad__morph_free(dict);
	for (size_t d = 0; d < n_docs; d++)
		dyad_conllu_release(&docs[d]);
	return 0;
}
