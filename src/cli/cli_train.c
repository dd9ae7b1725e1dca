/*
 * cli_train.c - 'dyad train': learn a grammar model from UD treebanks.
 *
 * `make models` runs it once per language with the settings that made the
 * committed models (see data/lang/MODELS.md); the training itself is
 * parse/train.c. Progress and the dev figures go to stderr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "kb/morph.h"
#include "parse/train.h"

#define MAX_FILES 16

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: dyad train --lang LANG --out MODEL --train FILE... [--train-other FILE...]\n"
	        "                  [--dev FILE...]\n"
	        "                  [--xpos] [--rich] [--featlex] [--dict DIR] [--folds N]\n"
	        "                  [--tag-epochs N] [--morph-epochs N] [--parse-epochs N]\n"
	        "                  [--seed N] [--min-weight X] [--tag-min-weight X]\n"
	        "                  [--tag-share X] [--explore P] [--one-step] [--quiet]\n\n"
	        "Learn a tagger, lemmatiser and dependency parser from CoNLL-U treebanks\n"
	        "and write them as one model file.\n\n"
	        "  --train FILE   training treebank (repeatable)\n"
	        "  --train-other FILE  a treebank of other annotation conventions: learnt\n"
	        "                 from, with features of its own that absorb the differences\n"
	        "  --dev FILE     measured after each epoch, never learnt from (repeatable)\n"
	        "  --xpos         fine tags are UPOS/XPOS pairs (XPOS is predicted too)\n"
	        "  --rich         the parser reads case, number, gender and case markers\n"
	        "  --featlex      features from the ones seen with the word and tag\n"
	        "  --dict DIR     the language's dictionary: its analyses become features\n"
	        "                 and morphology is chosen among them\n"
	        "  --folds N      jackknifing folds for the parser's training tags (5;\n"
	        "                 under 2: the parser learns from gold tags)\n"
	        "  --two-pass     a second tagging pass reads the first's tags (needs folds)\n"
	        "  --one-step     the parser scores move and label together (slower; default:\n"
	        "                 the move, then the label of an arc)\n"
	        "  --tag-epochs N, --morph-epochs N, --parse-epochs N   passes (10, 10, 15;\n"
	        "                 --parse-epochs 0 measures the tagging and writes nothing)\n"
	        "  --parse-runs N average N parser runs of different sentence orders into one\n"
	        "                 model (an ensemble at no cost in use; 1)\n"
	        "  --seed N       order of the sentences (fixed: training is reproducible)\n"
	        "  --min-weight X drop averaged parser weights below X (smaller model)\n"
	        "  --tag-min-weight X  the same for the tagger and the morphology (0)\n"
	        "  --tag-share X  share of a word's occurrences a tag needs to join the\n"
	        "                 word's ambiguity class (0.01)\n"
	        "  --explore P    chance of following a wrong parser move when learning (0.9)\n"
	        "  --gold-dev-tags  parse dev on its gold tags (the parser's upper bound)\n");
}

static int number(const char *s, double lo, double hi, double *out)
{
	char *end;
	double v = strtod(s, &end);
	if (end == s || *end || v < lo || v > hi)
		return 0;
	*out = v;
	return 1;
}

/* Options with a value; 0 when arg is not one of them, -1 when bad. */
struct file_lists {
	const char *train[MAX_FILES], *dev[MAX_FILES];
	unsigned style[MAX_FILES];
	size_t n_train, n_dev;
};

static int add_file(struct file_lists *f, const char *arg, const char *val)
{
	int dev = strcmp(arg, "--dev") == 0;
	if ((dev ? f->n_dev : f->n_train) == MAX_FILES)
		return -1;
	if (dev) {
		f->dev[f->n_dev++] = val;
	} else {
		f->style[f->n_train] = strcmp(arg, "--train-other") == 0;
		f->train[f->n_train++] = val;
	}
	return 1;
}

static int value_option(struct dyad__train_opts *o, const char *arg, const char *val,
                        struct file_lists *files, const char **dict_dir)
{
	double v;
	if (strcmp(arg, "--train") == 0 || strcmp(arg, "--train-other") == 0 ||
	    strcmp(arg, "--dev") == 0) {
		return add_file(files, arg, val);
	} else if (strcmp(arg, "--lang") == 0) {
		o->lang = val;
	} else if (strcmp(arg, "--out") == 0) {
		o->out = val;
	} else if (strcmp(arg, "--dict") == 0) {
		*dict_dir = val;
	} else if (strcmp(arg, "--folds") == 0 && number(val, 0, 20, &v)) {
		o->folds = (unsigned)v;
	} else if (strcmp(arg, "--tag-epochs") == 0 && number(val, 1, 100, &v)) {
		o->tag_epochs = (unsigned)v;
	} else if (strcmp(arg, "--morph-epochs") == 0 && number(val, 1, 100, &v)) {
		o->morph_epochs = (unsigned)v;
	} else if (strcmp(arg, "--parse-epochs") == 0 && number(val, 0, 100, &v)) {
		o->parse_epochs = (unsigned)v;
	} else if (strcmp(arg, "--parse-runs") == 0 && number(val, 1, 16, &v)) {
		o->parse_runs = (unsigned)v;
	} else if (strcmp(arg, "--seed") == 0 && number(val, 0, 4e9, &v)) {
		o->seed = (uint64_t)v;
	} else if (strcmp(arg, "--min-weight") == 0 && number(val, 0, 1e6, &v)) {
		o->min_weight = (float)v;
	} else if (strcmp(arg, "--explore") == 0 && number(val, 0, 1, &v)) {
		o->explore = v;
	} else if (strcmp(arg, "--tag-share") == 0 && number(val, 0, 1, &v)) {
		o->td_share = (float)v;
	} else if (strcmp(arg, "--tag-min-weight") == 0 && number(val, 0, 1e6, &v)) {
		o->tag_min_weight = (float)v;
	} else {
		return strncmp(arg, "--", 2) == 0 && strchr("tldofms", arg[2]) ? -1 : 0;
	}
	return 1;
}

int dyad_cli_train(int argc, char **argv)
{
	struct dyad__train_opts o;
	struct file_lists files;
	const char *dict_dir = NULL;
	int quiet = 0;
	memset(&files, 0, sizeof files);
	dyad__train_defaults(&o);
	for (int i = 1; i < argc; i++) {
		if (dyad_cli_is_help(argv[i])) {
			usage(stdout);
			return DYAD_EXIT_OK;
		}
		static const char *const flags[] = {"--xpos", "--rich", "--featlex", "--quiet",
		                                    "--gold-dev-tags", "--two-pass", "--one-step"};
		int *slots[] = {&o.xpos, &o.rich, &o.featlex, &quiet, &o.gold_dev, &o.two_pass,
		                &o.one_step};
		size_t f = 0, n_flags = sizeof flags / sizeof *flags;
		while (f < n_flags && strcmp(argv[i], flags[f]) != 0)
			f++;
		if (f < n_flags) {
			*slots[f] = 1;
			continue;
		}
		int r = i + 1 < argc ? value_option(&o, argv[i], argv[i + 1], &files, &dict_dir) : 0;
		if (r <= 0) {
			fprintf(stderr, "dyad train: %s '%s'\n", r < 0 ? "bad value for" : "unknown argument",
			        argv[i]);
			usage(stderr);
			return DYAD_EXIT_USAGE;
		}
		i++;
	}
	if (!o.lang || !o.out || files.n_train == 0) {
		fprintf(stderr, "dyad train: --lang, --out and --train are required\n");
		usage(stderr);
		return DYAD_EXIT_USAGE;
	}
	char err[DYAD_ERRMSG_MAX] = "";
	struct dyad__morph *dict = NULL;
	if (dict_dir && dyad__morph_load(dict_dir, &dict, err) != DYAD_OK) {
		fprintf(stderr, "dyad train: %s\n", err);
		return DYAD_EXIT_FAILED;
	}
	o.train = files.train, o.train_style = files.style, o.n_train = files.n_train;
	o.dev = files.dev, o.n_dev = files.n_dev;
	o.dict = dict;
	o.log = quiet ? NULL : stderr;
	dyad_status st = dyad__train(&o, err);
	if (st != DYAD_OK)
		fprintf(stderr, "dyad train: %s\n", err[0] ? err : dyad_strerror(st));
	dyad__morph_free(dict);
	return st == DYAD_OK ? DYAD_EXIT_OK : DYAD_EXIT_FAILED;
}
