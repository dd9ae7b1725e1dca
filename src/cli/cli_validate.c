/*
 * cli_validate.c - 'dyad validate': run a PETRARCH/TABARI validation file.
 *
 * Reads the records (dyad_validation_read), loads the dictionaries their
 * <Environment> names (or --dict), codes every <Text> with
 * dyad_dict_code_sentence and compares the set of (source, target, code)
 * triples with the expected one. Prints PASS/FAIL per record with the
 * difference, totals per category over the sentence="true" records, the
 * sentence="false" records apart, and ends with "passed N/M".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

#define VALIDATE_MAX_CATEGORIES 64

struct tally {
	const char *name;
	size_t passed, total;
};

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: dyad validate [--verbose] [--dict PATH] FILE.xml\n\n"
	        "Code every <Sentence> of a PETRARCH/TABARI validation file with the\n"
	        "dictionaries its <Environment> names (relative to the file's folder)\n"
	        "and compare with its <EventCoding> records.\n\n"
	        "  --verbose   print the text and codings of every record\n"
	        "  --dict PATH use these dictionaries instead (folder or config)\n");
}

static int same_event(const struct dyad_dict_event *a,
                      const struct dyad_dict_event *b)
{
	return strcmp(a->source, b->source) == 0 &&
	       strcmp(a->target, b->target) == 0 && strcmp(a->code, b->code) == 0;
}

static int contains(const struct dyad_dict_event *set, size_t n,
                    const struct dyad_dict_event *e)
{
	for (size_t i = 0; i < n; i++)
		if (same_event(&set[i], e))
			return 1;
	return 0;
}

/* Every event of a in b (duplicates in a do not matter). */
static int subset(const struct dyad_dict_event *a, size_t na,
                  const struct dyad_dict_event *b, size_t nb)
{
	for (size_t i = 0; i < na; i++)
		if (!contains(b, nb, &a[i]))
			return 0;
	return 1;
}

static void print_events(const char *label, const struct dyad_dict_event *e,
                         size_t n, const struct dyad_dict_event *other,
                         size_t n_other, int only_missing)
{
	size_t shown = 0;
	for (size_t i = 0; i < n; i++) {
		if (only_missing && contains(other, n_other, &e[i]))
			continue;
		printf("%s%s%s %s %s", shown ? ", " : "    ", shown ? "" : label,
		       e[i].source, e[i].target, e[i].code);
		shown++;
	}
	if (shown)
		printf("\n");
}

static const char *discard_name(enum dyad_dict_discard d)
{
	return d == DYAD_DICT_STORY_DISCARD     ? "storydiscard"
	       : d == DYAD_DICT_SENTENCE_DISCARD ? "sentencediscard"
	                                          : NULL;
}

static struct tally *tally_of(struct tally *t, size_t *n, const char *name)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp(t[i].name, name) == 0)
			return &t[i];
	if (*n == VALIDATE_MAX_CATEGORIES)
		return &t[*n - 1];
	t[*n] = (struct tally){name, 0, 0};
	return &t[(*n)++];
}

/* Code one record and print its line; 1 when it passed, -1 on ENOMEM. */
static int check_record(const dyad_dict *dict,
                        const struct dyad_validation_record *r, int verbose)
{
	struct dyad_dict_coding *got;
	dyad_status st = dyad_dict_code_sentence(dict, r->text, strlen(r->text),
	                                         r->date, &got);
	if (st != DYAD_OK) {
		fprintf(stderr, "dyad validate: %s: %s\n", r->id, dyad_strerror(st));
		return -1;
	}
	const char *why = NULL;
	const char *discard = discard_name(got->discard);
	int pass;
	if (r->expect_error) {
		pass = discard && strcmp(discard, r->expect_error) == 0;
		if (!pass)
			why = discard ? discard : "coded (no discard)";
	} else if (r->expect_none || r->n_expected == 0) {
		pass = got->n_events == 0;
	} else {
		pass = subset(r->expected, r->n_expected, got->events, got->n_events) &&
		       subset(got->events, got->n_events, r->expected, r->n_expected);
		if (discard)
			why = discard;
	}
	printf("%s %s [%s]%s\n", pass ? "PASS" : "FAIL", r->id, r->category,
	       r->sentence ? "" : " (sentence=\"false\")");
	if (!pass || verbose) {
		if (verbose)
			printf("    text: %s\n", r->text);
		if (r->expect_error)
			printf("    expected: error %s\n", r->expect_error);
		else if (r->n_expected)
			print_events("expected: ", r->expected, r->n_expected, NULL, 0, 0);
		else
			printf("    expected: no events\n");
		if (why)
			printf("    got: %s\n", why);
		else if (got->n_events)
			print_events("got:      ", got->events, got->n_events, NULL, 0, 0);
		else
			printf("    got: no events\n");
		if (!pass && r->n_expected && got->n_events) {
			print_events("missing:  ", r->expected, r->n_expected, got->events,
			             got->n_events, 1);
			print_events("extra:    ", got->events, got->n_events, r->expected,
			             r->n_expected, 1);
		}
	}
	dyad_dict_coding_free(got);
	return pass;
}

int dyad_cli_validate(int argc, char **argv)
{
	const char *file = NULL, *dict_path = NULL;
	int verbose = 0;
	for (int i = 1; i < argc; i++) {
		if (dyad_cli_is_help(argv[i])) {
			usage(stdout);
			return DYAD_EXIT_OK;
		} else if (strcmp(argv[i], "--verbose") == 0 ||
		           strcmp(argv[i], "-v") == 0) {
			verbose = 1;
		} else if (strcmp(argv[i], "--dict") == 0 && i + 1 < argc) {
			dict_path = argv[++i];
		} else if (argv[i][0] == '-' || file) {
			usage(stderr);
			return DYAD_EXIT_USAGE;
		} else {
			file = argv[i];
		}
	}
	if (!file) {
		usage(stderr);
		return DYAD_EXIT_USAGE;
	}
	char err[DYAD_ERRMSG_MAX];
	struct dyad_validation *v;
	dyad_status st = dyad_validation_read(file, &v, err);
	if (st != DYAD_OK) {
		fprintf(stderr, "dyad validate: %s\n", err[0] ? err : dyad_strerror(st));
		return DYAD_EXIT_FAILED;
	}
	dyad_dict *dict;
	st = dict_path ? dyad_dict_open(dict_path, &dict, err)
	               : dyad_dict_open_files(&v->files, &dict, err);
	if (st != DYAD_OK) {
		fprintf(stderr, "dyad validate: %s\n", err[0] ? err : dyad_strerror(st));
		dyad_validation_free(v);
		return DYAD_EXIT_FAILED;
	}
	struct tally cats[VALIDATE_MAX_CATEGORIES];
	size_t n_cats = 0;
	struct tally all = {"all", 0, 0}, off = {"sentence=false", 0, 0};
	int rc = DYAD_EXIT_OK;
	for (size_t i = 0; i < v->n_records; i++) {
		const struct dyad_validation_record *r = &v->records[i];
		int pass = check_record(dict, r, verbose);
		if (pass < 0) {
			rc = DYAD_EXIT_FAILED;
			break;
		}
		struct tally *t = r->sentence ? tally_of(cats, &n_cats, r->category)
		                              : &off;
		t->total++;
		t->passed += (size_t)pass;
		if (r->sentence) {
			all.total++;
			all.passed += (size_t)pass;
		}
	}
	printf("\ntotals per category (sentence=\"true\" records):\n");
	for (size_t i = 0; i < n_cats; i++)
		printf("category %-10s %3zu/%-3zu %5.1f%%\n", cats[i].name,
		       cats[i].passed, cats[i].total,
		       100.0 * (double)cats[i].passed / (double)cats[i].total);
	if (off.total)
		printf("sentence=\"false\" records: %zu/%zu passed\n", off.passed,
		       off.total);
	printf("passed %zu/%zu\n", all.passed, all.total);
	dyad_dict_free(dict);
	dyad_validation_free(v);
	return rc;
}
