/*
 * cli_parse.c - 'dyad parse': the grammar stage from the command line.
 *
 *   dyad parse --eval GOLD.conllu    analyse the words of a treebank (gold
 *                                    tokenisation) and print UPOS, features,
 *                                    lemma, UAS and LAS against it
 *   dyad parse --conllu IN.conllu    print the analysis as CoNLL-U, keeping
 *                                    IN's comments, multiword tokens and MISC
 *
 *   dyad parse [PATH...]             read documents as `dyad extract` does
 *                                    (files, folders, JSON Lines, stdin) and
 *                                    print every sentence's grammar as
 *                                    CoNLL-U (dyad_parse, parse/conllu_doc.h)
 *
 * The model is DATA/lang/LANG/grammar.model (or --model PATH); LANG comes
 * from --lang or from the UD file name ("ru_gsd-ud-test.conllu"). A model
 * trained with a dictionary loads it from DATA/lang/LANG/morph. Documents
 * use the engine's models: the one of each sentence's language.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli/cli.h"
#include "kb/morph.h"
#include "parse/conllu.h"
#include "parse/grammar.h"

#ifndef DYAD_SOURCE_DATA
#define DYAD_SOURCE_DATA "data"
#endif
#ifndef DYAD_PREFIX_DATA
#define DYAD_PREFIX_DATA "/usr/local/share/dyad"
#endif

#define PATH_BYTES 1024

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: dyad parse [--data DIR] [--format auto|text|html|jsonl] [PATH...]\n"
	        "       dyad parse --eval GOLD.conllu [--lang LANG] [--model PATH] [--data DIR]\n"
	        "       dyad parse --conllu IN.conllu [--lang LANG] [--model PATH] [--data DIR]\n\n"
	        "Read articles (files, folders, .gz, JSON Lines; '-' or nothing for standard\n"
	        "input) as 'dyad extract' does and print every sentence as CoNLL-U: # newdoc id,\n"
	        "# sent_id, # text, and the byte range of each word in the document's text\n"
	        "(MISC TokenRange=START:END, SpaceAfter=No). Or tag, lemmatise and parse the\n"
	        "words of a CoNLL-U file with the grammar model of its language\n"
	        "(DATA/lang/LANG/grammar.model).\n\n"
	        "  --format F     force the input format of documents instead of guessing it\n"
	        "  --eval FILE    measure against FILE's gold analysis: UPOS, XPOS, UFeats\n"
	        "                 (and per category), lemma, UAS, LAS; the last line sums up\n"
	        "  --conllu FILE  print FILE with its analysis columns replaced\n"
	        "  --lang LANG    en, ru... (default: from a UD file name, LANG_treebank-ud-...)\n"
	        "  --model PATH   a model file other than the language's\n"
	        "  --data DIR     knowledge folder (default: $DYAD_DATA, the source tree,\n"
	        "                 the installed one)\n");
}

const char *dyad_cli_data_dir(const char *option_value)
{
	struct stat st;
	if (option_value)
		return option_value;
	const char *env = getenv("DYAD_DATA");
	if (env && *env)
		return env;
	if (stat(DYAD_SOURCE_DATA, &st) == 0)
		return DYAD_SOURCE_DATA;
	return DYAD_PREFIX_DATA;
}

/* "ru" from ".../ru_gsd-ud-test.conllu"; 0 when the name does not say. */
static int lang_from_name(const char *path, char *lang, size_t cap)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strcspn(base, "_");
	if (n < 2 || n >= cap || base[n] != '_')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (base[i] < 'a' || base[i] > 'z')
			return 0;
	memcpy(lang, base, n);
	lang[n] = '\0';
	return 1;
}

int dyad_cli_open_grammar(const char *data_dir, const char *lang, const char *model,
                          struct dyad_grammar **g, struct dyad__morph **dict)
{
	char path[PATH_BYTES], morph_dir[PATH_BYTES], err[DYAD_ERRMSG_MAX] = "";
	*g = NULL;
	*dict = NULL;
	if (!model) {
		snprintf(path, sizeof path, "%s/lang/%s/%s", data_dir, lang, DYAD_GRAMMAR_MODEL_NAME);
		model = path;
	}
	int needs = dyad_grammar_file_needs_dict(model);
	if (needs > 0) {
		snprintf(morph_dir, sizeof morph_dir, "%s/lang/%s/morph", data_dir, lang);
		if (dyad__morph_load(morph_dir, dict, err) != DYAD_OK) {
			fprintf(stderr, "dyad parse: %s needs the dictionary: %s\n", model, err);
			return 0;
		}
	}
	dyad_status st = dyad_grammar_load(model, *dict, g, err);
	if (st != DYAD_OK) {
		fprintf(stderr, "dyad parse: %s\n", err[0] ? err : dyad_strerror(st));
		dyad__morph_free(*dict);
		*dict = NULL;
		return 0;
	}
	return 1;
}

/* The words of a gold sentence, with only their forms. */
static void forms_of(const struct dyad_conllu_sentence *s, struct dyad_grammar_word *words)
{
	for (uint32_t i = 0; i < s->n_words; i++) {
		memset(&words[i], 0, sizeof words[i]);
		words[i].form = s->words[i].form;
		words[i].form_len = s->words[i].form_len;
	}
}

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* What is done with each sentence once analysed (its lemmas live until the
 * next analysis). */
struct sink {
	int (*sentence)(struct sink *k, const struct dyad_conllu_sentence *s,
	                const struct dyad_grammar_word *words);
	struct dyad_grammar_scores scores;
	struct dyad_buf out;
	struct dyad_conllu_word *cw;
};

/* Analyse every sentence of doc and hand it to the sink. */
static int analyse_doc(const struct dyad_grammar *g, const struct dyad_conllu_doc *doc,
                       struct dyad_grammar_word *words, const char *path, struct sink *k)
{
	struct dyad_grammar_work *work;
	if (dyad_grammar_work_new(&work) != DYAD_OK)
		return 0;
	double t0 = seconds(), busy = 0;
	size_t n = 0;
	int ok = 1;
	for (size_t i = 0; ok && i < doc->n_sents; i++) {
		const struct dyad_conllu_sentence *s = &doc->sents[i];
		forms_of(s, words);
		double t1 = seconds();
		dyad_status st = dyad_grammar_analyse(g, work, words, s->n_words, DYAD_GRAMMAR_ALL);
		busy += seconds() - t1;
		if (st != DYAD_OK) {
			fprintf(stderr, "dyad parse: %s:%zu: %s\n", path, s->line_no, dyad_strerror(st));
			ok = 0;
			break;
		}
		ok = k->sentence(k, s, words);
		n += s->n_words;
	}
	fprintf(stderr, "dyad parse: %zu words in %.3f s, %.3f s analysing (%.0f words/s)\n", n,
	        seconds() - t0, busy, busy > 0 ? (double)n / busy : 0.0);
	dyad_grammar_work_free(work);
	return ok;
}

static int score_sentence(struct sink *k, const struct dyad_conllu_sentence *s,
                          const struct dyad_grammar_word *words)
{
	dyad_grammar_score(&k->scores, s->words, words, s->n_words);
	return 1;
}

/* The analysis as CoNLL-U words: gold columns replaced, FORM, DEPS, MISC kept. */
static int print_sentence(struct sink *k, const struct dyad_conllu_sentence *s,
                          const struct dyad_grammar_word *words)
{
	for (uint32_t j = 0; j < s->n_words; j++) {
		const struct dyad_grammar_word *x = &words[j];
		struct dyad_conllu_word *c = &k->cw[j];
		*c = s->words[j];
		c->lemma = x->lemma, c->lemma_len = x->lemma_len;
		c->upos = x->upos;
		c->xpos = x->xpos, c->xpos_len = x->xpos_len;
		c->feats = x->feats, c->feats_len = 0;
		c->head = x->head, c->deprel = x->deprel;
	}
	dyad_conllu_write(&k->out, s, k->cw);
	if (k->out.len > (1u << 20)) {
		fwrite(k->out.data, 1, k->out.len, stdout);
		dyad_buf_reset(&k->out);
	}
	return k->out.error == DYAD_OK;
}

static int run(const struct dyad_grammar *g, const struct dyad_conllu_doc *doc, const char *path,
               int eval)
{
	struct sink k;
	memset(&k, 0, sizeof k);
	dyad_buf_init(&k.out, 0);
	k.sentence = eval ? score_sentence : print_sentence;
	struct dyad_grammar_word *words = calloc(DYAD_CONLLU_MAX_WORDS, sizeof *words);
	k.cw = calloc(DYAD_CONLLU_MAX_WORDS, sizeof *k.cw);
	int ok = words && k.cw && analyse_doc(g, doc, words, path, &k);
	if (ok && eval) {
		const char *base = strrchr(path, '/');
		dyad_grammar_scores_print(&k.scores, base ? base + 1 : path, stdout);
	} else if (ok) {
		fwrite(k.out.data ? k.out.data : "", 1, k.out.len, stdout);
	}
	dyad_buf_release(&k.out);
	free(words);
	free(k.cw);
	return ok ? DYAD_EXIT_OK : DYAD_EXIT_FAILED;
}

struct parse_options {
	const char *eval, *conllu, *lang, *model, *data, *format;
	const char *const *paths;
	size_t n_paths;
};

static int parse_args(int argc, char **argv, struct parse_options *o)
{
	memset(o, 0, sizeof *o);
	for (int i = 1; i < argc; i++) {
		const char **slot = NULL;
		if (dyad_cli_is_help(argv[i])) {
			usage(stdout);
			return -1;
		}
		if (strcmp(argv[i], "--eval") == 0)
			slot = &o->eval;
		else if (strcmp(argv[i], "--conllu") == 0)
			slot = &o->conllu;
		else if (strcmp(argv[i], "--lang") == 0)
			slot = &o->lang;
		else if (strcmp(argv[i], "--model") == 0)
			slot = &o->model;
		else if (strcmp(argv[i], "--data") == 0)
			slot = &o->data;
		else if (strcmp(argv[i], "--format") == 0)
			slot = &o->format;
		if (!slot && (argv[i][0] != '-' || strcmp(argv[i], "-") == 0)) {
			o->paths = (const char *const *)argv + i;
			o->n_paths = (size_t)(argc - i);
			break;
		}
		if (!slot || i + 1 >= argc) {
			fprintf(stderr, "dyad parse: %s '%s'\n", slot ? "missing value for" : "unknown argument",
			        argv[i]);
			return 0;
		}
		*slot = argv[++i];
	}
	if ((o->eval && o->conllu) || ((o->eval || o->conllu) && (o->n_paths || o->format))) {
		fprintf(stderr, "dyad parse: give one of --eval FILE, --conllu FILE or documents\n");
		return 0;
	}
	return 1;
}

/* Every document of the paths as CoNLL-U on stdout, in order. */
static int parse_documents(const struct parse_options *o)
{
	enum dyad_format format = DYAD_FORMAT_AUTO;
	if (o->format && !dyad_cli_parse_format(o->format, &format)) {
		fprintf(stderr, "dyad parse: unknown format '%s'\n", o->format);
		return DYAD_EXIT_USAGE;
	}
	static const char *const stdin_only[] = {"-"};
	dyad_engine *engine = dyad_cli_open_engine(o->data);
	if (!engine)
		return DYAD_EXIT_FAILED;
	dyad_reader *reader;
	if (dyad_reader_open(o->n_paths ? o->paths : stdin_only, o->n_paths ? o->n_paths : 1,
	                     format, &reader) != DYAD_OK) {
		dyad_engine_free(engine);
		return DYAD_EXIT_FAILED;
	}
	dyad_reader_set_engine(reader, engine);
	int rc = DYAD_EXIT_OK;
	const struct dyad_input *in;
	dyad_status st;
	while ((st = dyad_reader_next(reader, &in)) == DYAD_OK) {
		dyad_cli_warn_input(in);
		struct dyad_doc *doc;
		if (dyad_parse(engine, in, &doc) != DYAD_OK) {
			st = DYAD_ENOMEM;
			break;
		}
		if (doc->status != DYAD_OK) {
			fprintf(stderr, "dyad parse: %s: %s\n", doc->path, doc->error ? doc->error : "");
			rc = DYAD_EXIT_FAILED;
		} else if (dyad_doc_write_conllu(doc, stdout) != DYAD_OK) {
			rc = DYAD_EXIT_FAILED;
		}
		dyad_doc_free(doc);
	}
	if (st != DYAD_DONE) {
		fprintf(stderr, "dyad parse: %s\n", dyad_strerror(st));
		rc = DYAD_EXIT_FAILED;
	}
	dyad_reader_free(reader);
	dyad_engine_free(engine);
	if (fflush(stdout) != 0)
		rc = DYAD_EXIT_FAILED;
	return rc;
}

int dyad_cli_parse(int argc, char **argv)
{
	struct parse_options o;
	int ok = parse_args(argc, argv, &o);
	if (ok < 0)
		return DYAD_EXIT_OK;
	if (!ok) {
		usage(stderr);
		return DYAD_EXIT_USAGE;
	}
	if (!o.eval && !o.conllu)
		return parse_documents(&o);
	const char *path = o.eval ? o.eval : o.conllu;
	char lang[16];
	if (o.lang)
		snprintf(lang, sizeof lang, "%s", o.lang);
	else if (!lang_from_name(path, lang, sizeof lang)) {
		fprintf(stderr, "dyad parse: say --lang: the file name %s does not\n", path);
		return DYAD_EXIT_USAGE;
	}
	struct dyad_conllu_doc doc;
	char err[DYAD_ERRMSG_MAX] = "";
	if (dyad_conllu_read_file(path, &doc, err) != DYAD_OK) {
		fprintf(stderr, "dyad parse: %s\n", err);
		return DYAD_EXIT_FAILED;
	}
	struct dyad_grammar *g;
	struct dyad__morph *dict;
	int rc = DYAD_EXIT_FAILED;
	if (dyad_cli_open_grammar(dyad_cli_data_dir(o.data), lang, o.model, &g, &dict)) {
		rc = run(g, &doc, path, o.eval != NULL);
		dyad_grammar_free(g);
		dyad__morph_free(dict);
	}
	dyad_conllu_release(&doc);
	return rc;
}
