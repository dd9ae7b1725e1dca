/*
 * score.c - dyad_eval_*: score extraction output against gold files the
 * way ../shared/tools/score.py does (see score.h and dyad.h).
 *
 * Loading keeps one record per gold file and per output document; scoring
 * walks the gold in file name order, compares each with the output document
 * of the same name (or an empty one) and adds up the counts. The figures,
 * the summary line and the --verbose lines match score.py's byte for byte.
 */
#include "eval/score.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/vec.h"
#include "eval/fold.h"
#include "eval/pyrepr.h"

/* The extension of gold files. */
#define GOLD_SUFFIX ".json"

/* ---- gold ------------------------------------------------------------ */

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The *.json names of dir, sorted (Python's sorted(os.listdir()) order). */
static dyad_status gold_names(const char *dir, char ***out, size_t *n_out,
                              char *errmsg)
{
	*out = NULL;
	*n_out = 0;
	DIR *d = opendir(dir);
	if (!d) {
		int e = errno;
		snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: %s", dir, strerror(e));
		return e == ENOENT || e == ENOTDIR ? DYAD_ENOENT : DYAD_EIO;
	}
	char **names = NULL;
	size_t n = 0, alloc = 0;
	dyad_status st = DYAD_OK;
	struct dirent *ent;
	size_t suffix = strlen(GOLD_SUFFIX);
	while (st == DYAD_OK && (ent = readdir(d)) != NULL) {
		size_t len = strlen(ent->d_name);
		if (len < suffix || strcmp(ent->d_name + len - suffix, GOLD_SUFFIX) != 0)
			continue;
		char **slot = DYAD_VEC_PUSH(&names, &n, &alloc);
		if (!slot || !(*slot = dyad__strdup(ent->d_name)))
			st = DYAD_ENOMEM;
		if (slot && !*slot)
			n--;
	}
	closedir(d);
	if (st != DYAD_OK) {
		for (size_t i = 0; i < n; i++)
			dyad__free(names[i]);
		dyad__free(names);
		snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: out of memory", dir);
		return st;
	}
	if (n)
		qsort(names, n, sizeof names[0], cmp_name);
	*out = names;
	*n_out = n;
	return DYAD_OK;
}

/* Load one gold file and add it; a second file for the same document
 * replaces the first in its place, as Python's dict assignment does. */
static dyad_status gold_add(dyad_eval *ev, struct dyad_hash *index,
                            const char *path, char *errmsg)
{
	json_error_t jerr;
	json_t *g = json_load_file(path, 0, &jerr);
	if (!g) {
		snprintf(errmsg, DYAD_ERRMSG_MAX, "%s:%d: %s", path, jerr.line, jerr.text);
		return DYAD_EFORMAT;
	}
	struct dyad__eval_gold gold;
	char why[DYAD_ERRMSG_MAX] = "";
	dyad_status st = dyad__eval_gold_build(&ev->arena, g, &gold, why);
	json_decref(g);
	if (st != DYAD_OK) {
		snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: %s", path,
		         st == DYAD_EFORMAT ? why : dyad_strerror(st));
		return st;
	}
	uint32_t at;
	if (dyad_hash_get(index, gold.key, strlen(gold.key), &at)) {
		ev->golds[at] = gold;
		return DYAD_OK;
	}
	struct dyad__eval_gold *slot =
		DYAD_VEC_PUSH(&ev->golds, &ev->n_golds, &ev->alloc_golds);
	if (!slot)
		return DYAD_ENOMEM;
	*slot = gold;
	st = dyad_hash_put(index, gold.key, strlen(gold.key),
	                   (uint32_t)(ev->n_golds - 1), NULL, NULL);
	return st;
}

static dyad_status gold_load(dyad_eval *ev, const char *dir, char *errmsg)
{
	char **names;
	size_t n;
	dyad_status st = gold_names(dir, &names, &n, errmsg);
	if (st != DYAD_OK)
		return st;
	struct dyad_hash index;
	dyad_hash_init(&index);
	struct dyad_buf path;
	dyad_buf_init(&path, 0);
	for (size_t i = 0; st == DYAD_OK && i < n; i++) {
		dyad_buf_reset(&path);
		dyad_buf_puts(&path, dir);
		dyad_buf_putc(&path, '/');
		st = dyad_buf_puts(&path, names[i]);
		if (st == DYAD_OK)
			st = gold_add(ev, &index, path.data, errmsg);
		if (st == DYAD_ENOMEM && !errmsg[0])
			snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: out of memory", names[i]);
	}
	dyad_buf_release(&path);
	dyad_hash_release(&index);
	for (size_t i = 0; i < n; i++)
		dyad__free(names[i]);
	dyad__free(names);
	return st;
}

dyad_status dyad_eval_open(const char *gold_dir, dyad_eval **out, char *errmsg)
{
	char scratch[DYAD_ERRMSG_MAX];
	if (!errmsg)
		errmsg = scratch;
	errmsg[0] = '\0';
	*out = NULL;
	if (!gold_dir) {
		snprintf(errmsg, DYAD_ERRMSG_MAX, "no gold folder");
		return DYAD_EINVAL;
	}
	dyad_eval *ev = dyad__calloc(1, sizeof *ev);
	if (!ev) {
		snprintf(errmsg, DYAD_ERRMSG_MAX, "out of memory");
		return DYAD_ENOMEM;
	}
	dyad_arena_init(&ev->arena, 0);
	dyad_hash_init(&ev->pred_index);
	dyad_buf_init(&ev->line, DYAD_EVAL_MAX_LINE);
	dyad_status st = gold_load(ev, gold_dir, errmsg);
	if (st == DYAD_OK) {
		/* score.py scores a document it has no output for as {} */
		json_t *empty = json_object();
		const char *key;
		st = empty ? dyad__eval_pred_build(&ev->arena, empty, &ev->empty, &key)
		           : DYAD_ENOMEM;
		json_decref(empty);
		if (st != DYAD_OK)
			snprintf(errmsg, DYAD_ERRMSG_MAX, "out of memory");
	}
	if (st != DYAD_OK) {
		dyad_eval_free(ev);
		return st;
	}
	*out = ev;
	return DYAD_OK;
}

void dyad_eval_free(dyad_eval *eval)
{
	if (!eval)
		return;
	dyad__free(eval->golds);
	dyad__free(eval->preds);
	dyad_hash_release(&eval->pred_index);
	dyad_buf_release(&eval->line);
	dyad_arena_release(&eval->arena);
	dyad__free(eval);
}

/* ---- output ---------------------------------------------------------- */

/* Keep the record of one parsed output object under its key. */
static dyad_status pred_add(dyad_eval *ev, const json_t *d)
{
	struct dyad__eval_pred pred;
	const char *key;
	dyad_status st = dyad__eval_pred_build(&ev->arena, d, &pred, &key);
	if (st != DYAD_OK)
		return st;
	uint32_t at;
	if (dyad_hash_get(&ev->pred_index, key, strlen(key), &at)) {
		ev->preds[at] = pred; /* the later line wins, as in score.py */
		return DYAD_OK;
	}
	struct dyad__eval_pred *slot =
		DYAD_VEC_PUSH(&ev->preds, &ev->n_preds, &ev->alloc_preds);
	if (!slot)
		return DYAD_ENOMEM;
	*slot = pred;
	st = dyad_hash_put(&ev->pred_index, key, strlen(key),
	                   (uint32_t)(ev->n_preds - 1), NULL, NULL);
	if (st != DYAD_OK)
		ev->n_preds--;
	return st;
}

dyad_status dyad_eval_add_line(dyad_eval *eval, const char *line, size_t len)
{
	struct dyad_buf *buf = &eval->line;
	dyad_buf_reset(buf);
	dyad_status st = dyad__eval_utf8_repair(line, len, buf);
	if (st == DYAD_EINVAL || st == DYAD_ETOOBIG) {
		eval->n_badjson++; /* more than ICU or the cap can take */
		return DYAD_OK;
	}
	if (st != DYAD_OK)
		return st;
	size_t n;
	const char *s = dyad__eval_strip(buf->data ? buf->data : "", buf->len, &n);
	if (n == 0)
		return DYAD_OK;
	json_error_t jerr;
	json_t *d = json_loadb(s, n, 0, &jerr);
	if (!d || !json_is_object(d)) {
		/* score.py counts what json.loads refuses; an array it would not
		 * survive, so it is counted here too */
		json_decref(d);
		eval->n_badjson++;
		return DYAD_OK;
	}
	st = pred_add(eval, d);
	json_decref(d);
	return st;
}

dyad_status dyad_eval_add_file(dyad_eval *eval, FILE *in)
{
	struct dyad_buf line;
	dyad_buf_init(&line, DYAD_EVAL_MAX_LINE);
	dyad_status st = DYAD_OK;
	int c;
	/* Python's universal newlines: "\n", "\r\n" and "\r" end a line */
	while (st == DYAD_OK && (c = getc(in)) != EOF) {
		if (c != '\n' && c != '\r') {
			st = dyad_buf_putc(&line, (char)c);
			continue;
		}
		if (c == '\r') {
			int next = getc(in);
			if (next != '\n' && next != EOF)
				ungetc(next, in);
		}
		st = dyad_eval_add_line(eval, line.data ? line.data : "", line.len);
		dyad_buf_reset(&line);
	}
	if (st == DYAD_OK && ferror(in))
		st = DYAD_EIO;
	if (st == DYAD_OK && line.len)
		st = dyad_eval_add_line(eval, line.data, line.len);
	dyad_buf_release(&line);
	return st;
}

dyad_status dyad_eval_add_doc(dyad_eval *eval, const struct dyad_doc *doc)
{
	/* through the very JSON `dyad extract` writes, so that scoring a run
	 * and scoring its saved output cannot differ */
	char *json = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&json, &len);
	if (!mem)
		return DYAD_ENOMEM;
	dyad_status st = dyad_doc_write_json(doc, mem);
	if (fclose(mem) != 0 && st == DYAD_OK)
		st = DYAD_EIO;
	if (st == DYAD_OK)
		st = dyad_eval_add_line(eval, json, len);
	free(json); /* open_memstream's buffer comes from the C library */
	return st;
}

/* ---- scoring --------------------------------------------------------- */

const struct dyad__eval_pred *dyad__eval_pred_of(const dyad_eval *ev,
                                                 const struct dyad__eval_gold *g)
{
	uint32_t at;
	if (dyad_hash_get(&ev->pred_index, g->key, strlen(g->key), &at))
		return &ev->preds[at];
	return NULL;
}

static int same(const char *got, const char *want)
{
	return got && strcmp(got, want) == 0;
}

enum { CHECK_LANG, CHECK_PUBLISHED, CHECK_SOURCE, CHECK_TITLE, N_CHECKS };

static const char *const check_names[N_CHECKS] = {"lang", "published",
                                                  "source", "title"};

/* The metadata checks that apply to g: ok[i] is 1/0, or -1 when not made. */
static void meta_checks(const struct dyad__eval_gold *g,
                        const struct dyad__eval_pred *d, int ok[N_CHECKS])
{
	ok[CHECK_LANG] = same(d->lang, g->lang);
	ok[CHECK_PUBLISHED] = g->published ? same(d->published, g->published) : -1;
	ok[CHECK_SOURCE] = -1;
	if (g->n_sources) {
		ok[CHECK_SOURCE] = 0;
		for (size_t i = 0; i < g->n_sources; i++)
			ok[CHECK_SOURCE] |= same(d->source, g->sources[i]);
	}
	ok[CHECK_TITLE] = g->title ? same(d->title, g->title) : -1;
}

struct doc_sets {
	struct dyad__eval_set tp, fp, fn;
};

static void write_verbose(struct dyad_buf *out, const struct dyad__eval_gold *g,
                          const struct dyad__eval_pred *d,
                          const struct doc_sets *sets, const int ok[N_CHECKS])
{
	dyad_buf_printf(out, "# %s: events tp=", g->key);
	dyad__eval_set_repr(out, &sets->tp);
	dyad_buf_puts(out, " fp=");
	dyad__eval_set_repr(out, &sets->fp);
	dyad_buf_puts(out, " fn=");
	dyad__eval_set_repr(out, &sets->fn);
	dyad_buf_puts(out, "\n#   meta");
	for (int i = 0; i < N_CHECKS; i++)
		if (ok[i] >= 0)
			dyad_buf_printf(out, " %s=%s", check_names[i], ok[i] ? "ok" : "WRONG");
	dyad_buf_printf(out, " | published=%s source=%s title=%s\n",
	                d->published_shown, d->source_shown, d->title_shown);
	for (size_t i = 0; i < g->n_persons; i++) {
		const struct dyad__eval_person *p = dyad__eval_person_found(&g->persons[i], d);
		dyad_buf_printf(out, "#   person %s: ", g->persons[i].first_name);
		if (p)
			dyad_buf_printf(out, "found as %s country=%s\n", p->name_shown,
			                p->country_shown);
		else
			dyad_buf_puts(out, "MISSING\n");
	}
}

/* Add one gold document's counts to s; its --verbose lines to out if any. */
static dyad_status score_doc(struct dyad_arena *scratch,
                             const struct dyad__eval_gold *g,
                             const struct dyad__eval_pred *d,
                             struct dyad_eval_scores *s, struct dyad_buf *out)
{
	struct doc_sets sets;
	const struct dyad__eval_set *got = &d->events;
	dyad_status st = dyad__eval_set_filter(scratch, &g->required, got, NULL, 1,
	                                       &sets.tp);
	if (st == DYAD_OK)
		st = dyad__eval_set_filter(scratch, got, &g->required, &g->optional, 0,
		                           &sets.fp);
	if (st == DYAD_OK)
		st = dyad__eval_set_filter(scratch, &g->required, got, NULL, 0, &sets.fn);
	if (st != DYAD_OK)
		return st;
	s->tp += sets.tp.n;
	s->fp += sets.fp.n;
	s->fn += sets.fn.n;
	for (size_t i = 0; i < g->n_persons; i++) {
		const struct dyad__eval_person *p = dyad__eval_person_found(&g->persons[i], d);
		s->n_persons++;
		if (p) {
			s->n_persons_found++;
			s->n_persons_country += strcmp(p->actor, g->persons[i].actor) == 0;
		}
	}
	int ok[N_CHECKS];
	meta_checks(g, d, ok);
	for (int i = 0; i < N_CHECKS; i++) {
		if (ok[i] < 0)
			continue;
		s->n_meta++;
		s->n_meta_ok += (size_t)ok[i];
	}
	if (out)
		write_verbose(out, g, d, &sets, ok);
	return out ? out->error : DYAD_OK;
}

static double ratio(size_t num, size_t den)
{
	return den ? (double)num / (double)den : 0.0;
}

dyad_status dyad_eval_score(dyad_eval *eval, FILE *verbose,
                            struct dyad_eval_scores *out)
{
	memset(out, 0, sizeof *out);
	struct dyad_arena scratch;
	dyad_arena_init(&scratch, 0);
	struct dyad_buf lines;
	dyad_buf_init(&lines, 0);
	dyad_status st = DYAD_OK;
	out->n_docs = eval->n_golds;
	out->n_badjson = eval->n_badjson;
	for (size_t i = 0; st == DYAD_OK && i < eval->n_golds; i++) {
		const struct dyad__eval_gold *g = &eval->golds[i];
		const struct dyad__eval_pred *d = dyad__eval_pred_of(eval, g);
		if (!d) {
			out->n_missing++;
			d = &eval->empty;
		}
		dyad_buf_reset(&lines);
		st = score_doc(&scratch, g, d, out, verbose ? &lines : NULL);
		if (st == DYAD_OK && verbose && lines.len &&
		    fwrite(lines.data, 1, lines.len, verbose) != lines.len)
			st = DYAD_EIO;
		dyad_arena_release(&scratch);
	}
	dyad_buf_release(&lines);
	if (st != DYAD_OK)
		return st;
	/* the same divisions in the same order as score.py, so that the
	 * rounded figures agree */
	out->event_p = ratio(out->tp, out->tp + out->fp);
	out->event_r = ratio(out->tp, out->tp + out->fn);
	out->event_f1 = out->event_p + out->event_r != 0.0
		? 2 * out->event_p * out->event_r / (out->event_p + out->event_r)
		: 0.0;
	out->person_recall = ratio(out->n_persons_found, out->n_persons);
	out->person_country = ratio(out->n_persons_country, out->n_persons);
	out->metadata = ratio(out->n_meta_ok, out->n_meta);
	return DYAD_OK;
}

dyad_status dyad_eval_write_scores(FILE *out,
                                   const struct dyad_eval_scores *s)
{
	int n = fprintf(out,
	                "docs=%zu missing=%zu badjson=%zu event_P=%.2f event_R=%.2f "
	                "event_F1=%.2f person_recall=%.2f person_country=%.2f "
	                "metadata=%.2f\n",
	                s->n_docs, s->n_missing, s->n_badjson, s->event_p, s->event_r,
	                s->event_f1, s->person_recall, s->person_country, s->metadata);
	return n < 0 ? DYAD_EIO : DYAD_OK;
}
