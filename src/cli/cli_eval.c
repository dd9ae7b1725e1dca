/*
 * cli_eval.c - 'dyad eval': score extraction against gold annotations.
 *
 * The scoring itself is the library's (dyad_eval_*, which reproduces
 * ../shared/tools/score.py); this file picks what to score - a saved
 * `dyad extract` output, or documents it extracts itself, by default the
 * texts that sit next to the gold folder - and turns the figures and the
 * --min thresholds into the exit status.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

/* Where the texts of GOLD_DIR are looked for when no PATH is given. */
static const char *const text_dirs[] = {"/../texts", "/.."};

/* The extension of those texts. */
#define TEXT_SUFFIX ".txt"

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: dyad eval GOLD_DIR [--verbose] [--by-root] [--confusion] [--min-f1 X]\n"
	        "                 [--min-person-recall X] [--min-meta X] [--data DIR]\n"
	        "                 [--output OUT.jsonl | PATH...]\n"
	        "       dyad eval --sweep GOLD_DIR [OUT.jsonl]\n\n"
	        "Score extraction against the gold files (*.json) of GOLD_DIR and print\n"
	        "the figures of ../shared/tools/score.py: event precision, recall and F1\n"
	        "over (source, target, CAMEO root) triples, person recall and country\n"
	        "accuracy, metadata accuracy.\n\n"
	        "What is scored: the JSON Lines of --output (a saved `dyad extract` run;\n"
	        "'-' for standard input), else the documents at PATH... extracted now,\n"
	        "else the *.txt files of GOLD_DIR/../texts or GOLD_DIR/.. extracted now.\n\n"
	        "  --verbose          per document: events right, wrong and missed,\n"
	        "                     metadata checks, persons found\n"
	        "  --by-root          before the summary, per CAMEO root: tp fp fn P R F1\n"
	        "                     (the summary's triples split by root)\n"
	        "  --confusion        before the summary, the root confusion table: for\n"
	        "                     each required triple (row: its root), the roots of\n"
	        "                     the output triples between the same actors\n"
	        "                     (columns; '-' = none); row '-' counts wrong output\n"
	        "                     between actors the gold has nothing for\n"
	        "  --min-f1 X         fail when event F1 is below X\n"
	        "  --min-person-recall X  fail when person recall is below X\n"
	        "  --min-meta X       fail when metadata accuracy is below X\n"
	        "  --data DIR         knowledge folder for extracting\n"
	        "  --sweep            the precision dial's curve instead: event P, R, F1\n"
	        "                     at each confidence threshold 0, 0.05, ..., 1, of\n"
	        "                     OUT.jsonl (made with extract --min-confidence 0)\n"
	        "                     or of the texts extracted now with the dial at 0\n\n"
	        "Exit status: 0 success, 1 a threshold was not met, a gold document has\n"
	        "no output, an output line is not JSON or something failed, 2 bad usage.\n");
}

enum { MIN_F1, MIN_PERSON_RECALL, MIN_META, N_MINS };

struct options {
	const char *gold_dir;
	const char *output;
	const char *data_dir;
	int verbose;
	int sweep;           /* print the P/R curve (eval/sweep.c) */
	int by_root, confusion;
	int has_min[N_MINS];
	double min[N_MINS];
	char **paths;
	size_t n_paths;
};

/* ---- texts next to the gold ------------------------------------------ */

struct text_list {
	char **paths; /* malloc'd, sorted */
	size_t n;
};

static void text_list_free(struct text_list *list)
{
	for (size_t i = 0; i < list->n; i++)
		free(list->paths[i]);
	free(list->paths);
	list->paths = NULL;
	list->n = 0;
}

static int is_text(const struct dirent *ent)
{
	size_t len = strlen(ent->d_name), suffix = strlen(TEXT_SUFFIX);
	return len > suffix && strcmp(ent->d_name + len - suffix, TEXT_SUFFIX) == 0;
}

/* The *.txt files of dir in name order (alphasort is strcmp order in the C
 * locale the program runs in). 0 on success, -1 when out of memory. */
static int list_texts(const char *dir, struct text_list *out)
{
	struct dirent **ents;
	int n = scandir(dir, &ents, is_text, alphasort);
	out->paths = NULL;
	out->n = 0;
	if (n <= 0)
		return n < 0 && errno == ENOMEM ? -1 : 0;
	out->paths = calloc((size_t)n, sizeof *out->paths);
	int failed = !out->paths;
	for (int i = 0; i < n; i++) {
		if (!failed) {
			size_t len = strlen(dir) + 1 + strlen(ents[i]->d_name) + 1;
			char *path = malloc(len);
			if (path) {
				snprintf(path, len, "%s/%s", dir, ents[i]->d_name);
				out->paths[out->n++] = path;
			}
			failed = !path;
		}
		free(ents[i]);
	}
	free(ents);
	if (failed)
		text_list_free(out);
	return failed ? -1 : 0;
}

/* The texts of the first of GOLD_DIR/../texts, GOLD_DIR/.. that has some. */
static int find_texts(const char *gold_dir, struct text_list *out)
{
	for (size_t i = 0; i < sizeof text_dirs / sizeof text_dirs[0]; i++) {
		size_t len = strlen(gold_dir) + strlen(text_dirs[i]) + 1;
		char *dir = malloc(len);
		if (!dir)
			return -1;
		snprintf(dir, len, "%s%s", gold_dir, text_dirs[i]);
		int rc = list_texts(dir, out);
		free(dir);
		if (rc != 0 || out->n > 0)
			return rc;
	}
	return 0;
}

/* ---- scoring --------------------------------------------------------- */

/* Extract the documents of paths and add them. 0, or 1 when something failed
 * badly enough that the scores would mean nothing. */
static int add_extracted(dyad_eval *eval, const char *data_dir, int sweep,
                         const char *const *paths, size_t n_paths)
{
	dyad_engine *engine = dyad_cli_open_engine(data_dir);
	if (!engine)
		return 1;
	if (sweep)
		dyad_engine_set_min_confidence(engine, 0.0); /* the curve needs them all */
	dyad_reader *reader;
	if (dyad_reader_open(paths, n_paths, DYAD_FORMAT_AUTO, &reader) != DYAD_OK) {
		fprintf(stderr, "dyad eval: out of memory\n");
		dyad_engine_free(engine);
		return 1;
	}
	dyad_reader_set_engine(reader, engine);
	int failed = 0;
	const struct dyad_input *input;
	dyad_status st = DYAD_OK;
	while (!failed && (st = dyad_reader_next(reader, &input)) == DYAD_OK) {
		struct dyad_doc *doc;
		if (dyad_extract(engine, input, &doc) != DYAD_OK) {
			fprintf(stderr, "dyad: %s: out of memory\n", input->path);
			failed = 1;
			break;
		}
		/* a document that failed is still scored, as its error line would be */
		if (doc->error)
			fprintf(stderr, "dyad: %s: %s\n", doc->path, doc->error);
		st = dyad_eval_add_doc(eval, doc);
		if (st != DYAD_OK) {
			fprintf(stderr, "dyad eval: %s: %s\n", doc->path, dyad_strerror(st));
			failed = 1;
		}
		dyad_doc_free(doc);
	}
	if (!failed && st != DYAD_DONE) {
		fprintf(stderr, "dyad eval: %s\n", dyad_strerror(st));
		failed = 1;
	}
	dyad_reader_free(reader);
	dyad_engine_free(engine);
	return failed;
}

static int add_output(dyad_eval *eval, const char *path)
{
	int is_stdin = strcmp(path, "-") == 0;
	FILE *in = is_stdin ? stdin : fopen(path, "rb");
	if (!in) {
		fprintf(stderr, "dyad eval: %s: %s\n", path, strerror(errno));
		return 1;
	}
	dyad_status st = dyad_eval_add_file(eval, in);
	if (!is_stdin)
		fclose(in);
	if (st != DYAD_OK) {
		fprintf(stderr, "dyad eval: %s: %s\n", path, dyad_strerror(st));
		return 1;
	}
	return 0;
}

/* Add what the options say to score. 0, 1 failed, 2 nothing to score. */
static int add_input(dyad_eval *eval, const struct options *o)
{
	if (o->output)
		return add_output(eval, o->output);
	if (o->n_paths)
		return add_extracted(eval, o->data_dir, o->sweep, (const char *const *)o->paths,
		                     o->n_paths);
	struct text_list texts;
	if (find_texts(o->gold_dir, &texts) != 0) {
		fprintf(stderr, "dyad eval: out of memory\n");
		return 1;
	}
	if (texts.n == 0) {
		fprintf(stderr,
		        "dyad eval: no *.txt in %s/../texts or %s/..; give --output or PATH\n",
		        o->gold_dir, o->gold_dir);
		return 2;
	}
	int rc = add_extracted(eval, o->data_dir, o->sweep, (const char *const *)texts.paths,
	                       texts.n);
	text_list_free(&texts);
	return rc;
}

/* --by-root, --confusion: the tables, each after a blank line. */
static dyad_status write_roots(dyad_eval *eval, const struct options *o)
{
	struct dyad_eval_roots *r = malloc(sizeof *r);
	if (!r)
		return DYAD_ENOMEM;
	dyad_status st = dyad_eval_by_root(eval, r);
	if (st == DYAD_OK && o->by_root)
		st = dyad_eval_write_roots(stdout, r);
	if (st == DYAD_OK && o->by_root && o->confusion && fputc('\n', stdout) == EOF)
		st = DYAD_EIO;
	if (st == DYAD_OK && o->confusion)
		st = dyad_eval_write_confusion(stdout, r);
	if (st == DYAD_OK && fputc('\n', stdout) == EOF)
		st = DYAD_EIO;
	free(r);
	return st;
}

static int run(const struct options *o)
{
	char err[DYAD_ERRMSG_MAX];
	dyad_eval *eval;
	dyad_status st = dyad_eval_open(o->gold_dir, &eval, err);
	if (st != DYAD_OK) {
		fprintf(stderr, "dyad eval: %s\n", err[0] ? err : dyad_strerror(st));
		return st == DYAD_ENOENT ? DYAD_EXIT_USAGE : DYAD_EXIT_FAILED;
	}
	int rc = add_input(eval, o);
	if (rc != 0) {
		dyad_eval_free(eval);
		return rc == 2 ? DYAD_EXIT_USAGE : DYAD_EXIT_FAILED;
	}
	if (o->sweep) {
		st = dyad_eval_sweep(eval, stdout);
		dyad_eval_free(eval);
		return st == DYAD_OK && fflush(stdout) == 0 ? DYAD_EXIT_OK : DYAD_EXIT_FAILED;
	}
	struct dyad_eval_scores s;
	st = dyad_eval_score(eval, o->verbose ? stdout : NULL, &s);
	if (st == DYAD_OK && (o->by_root || o->confusion))
		st = write_roots(eval, o);
	if (st == DYAD_OK)
		st = dyad_eval_write_scores(stdout, &s);
	dyad_eval_free(eval);
	if (st != DYAD_OK || fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "dyad eval: %s\n",
		        st != DYAD_OK ? dyad_strerror(st) : "cannot write the output");
		return DYAD_EXIT_FAILED;
	}
	/* as score.py: every gold document needs output, every line JSON */
	int ok = s.n_missing == 0 && s.n_badjson == 0;
	const double got[N_MINS] = {s.event_f1, s.person_recall, s.metadata};
	for (int i = 0; i < N_MINS; i++)
		if (o->has_min[i] && got[i] < o->min[i])
			ok = 0;
	return ok ? DYAD_EXIT_OK : DYAD_EXIT_FAILED;
}

/* ---- options --------------------------------------------------------- */

static int parse_min(const char *name, const char *arg, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(arg, &end);
	if (end == arg || *end || errno == ERANGE) {
		fprintf(stderr, "dyad eval: --%s '%s': expected a number\n", name, arg);
		return 0;
	}
	*out = v;
	return 1;
}

int dyad_cli_eval(int argc, char **argv)
{
	static const struct option options[] = {
		{"verbose", no_argument, NULL, 'v'},
		{"by-root", no_argument, NULL, 'r'},
		{"confusion", no_argument, NULL, 'c'},
		{"min-f1", required_argument, NULL, 'f'},
		{"min-person-recall", required_argument, NULL, 'p'},
		{"min-meta", required_argument, NULL, 'm'},
		{"output", required_argument, NULL, 'o'},
		{"data", required_argument, NULL, 'd'},
		{"sweep", no_argument, NULL, 's'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct options o;
	memset(&o, 0, sizeof o);
	int c, which;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", options, &which)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return DYAD_EXIT_OK;
		case 'v':
			o.verbose = 1;
			break;
		case 'r':
			o.by_root = 1;
			break;
		case 'c':
			o.confusion = 1;
			break;
		case 'f':
		case 'p':
		case 'm': {
			int k = c == 'f' ? MIN_F1 : c == 'p' ? MIN_PERSON_RECALL : MIN_META;
			if (!parse_min(options[which].name, optarg, &o.min[k]))
				return DYAD_EXIT_USAGE;
			o.has_min[k] = 1;
			break;
		}
		case 'o':
			o.output = optarg;
			break;
		case 'd':
			o.data_dir = optarg;
			break;
		case 's':
			o.sweep = 1;
			break;
		default: /* ':' (a missing value) or an unknown option */
			dyad_cli_option_error("eval", c, argv, optind);
			usage(stderr);
			return DYAD_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "dyad eval: no gold folder given\n");
		usage(stderr);
		return DYAD_EXIT_USAGE;
	}
	o.gold_dir = argv[optind++];
	o.paths = argv + optind;
	o.n_paths = (size_t)(argc - optind);
	if (o.sweep && !o.output && o.n_paths == 1) { /* dyad eval --sweep GOLD OUT */
		o.output = o.paths[0];
		o.n_paths = 0;
	}
	if (o.output && o.n_paths) {
		fprintf(stderr, "dyad eval: give --output or PATH..., not both\n");
		return DYAD_EXIT_USAGE;
	}
	return run(&o);
}
