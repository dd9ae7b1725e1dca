/*
 * conllu.c - the CoNLL-U reader and writer (see conllu.h).
 *
 * The reader makes one pass over a private copy of the text. Arrays are sized
 * from the number of lines before parsing, so a document costs four
 * allocations whatever its size. A word line must have the ten TAB-separated
 * columns and the word IDs of a sentence must run 1, 2, 3...; HEAD is checked
 * against the sentence length when the sentence ends.
 */
#include "parse/conllu.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"

#define N_COLUMNS 10

struct reader {
	struct dyad_conllu_doc *doc;
	const char *name;
	char *errmsg;
	size_t line_no;
	struct dyad_conllu_sentence *cur; /* sentence being read, NULL between */
};

static dyad_status fail(struct reader *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static dyad_status fail(struct reader *r, const char *fmt, ...)
{
	if (r->errmsg) {
		int n = snprintf(r->errmsg, DYAD_ERRMSG_MAX, "%s:%zu: ", r->name, r->line_no);
		if (n > 0 && n < DYAD_ERRMSG_MAX) {
			va_list ap;
			va_start(ap, fmt);
			vsnprintf(r->errmsg + n, DYAD_ERRMSG_MAX - (size_t)n, fmt, ap);
			va_end(ap);
		}
	}
	return DYAD_EFORMAT;
}

/* Decimal (s, len) into *out; 0 when it is not a number that fits. */
static int parse_uint(const char *s, size_t len, uint32_t *out)
{
	uint64_t v = 0;
	if (len == 0 || len > 9)
		return 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	*out = (uint32_t)v;
	return 1;
}

static struct dyad_conllu_sentence *sentence(struct reader *r)
{
	if (!r->cur) {
		struct dyad_conllu_doc *doc = r->doc;
		r->cur = &doc->sents[doc->n_sents++];
		r->cur->words = doc->words + doc->n_words;
		r->cur->lines = doc->lines + doc->n_lines;
		r->cur->n_words = r->cur->n_lines = 0;
		r->cur->line_no = r->line_no;
	}
	return r->cur;
}

static void keep_line(struct reader *r, const char *line, size_t len,
                      enum dyad_conllu_line_kind kind)
{
	struct dyad_conllu_sentence *s = sentence(r);
	struct dyad_conllu_line *l = &r->doc->lines[r->doc->n_lines++];
	l->text = line;
	l->len = (uint32_t)len;
	l->before = s->n_words;
	l->kind = kind;
	s->n_lines++;
}

static dyad_status end_sentence(struct reader *r)
{
	struct dyad_conllu_sentence *s = r->cur;
	r->cur = NULL;
	if (!s)
		return DYAD_OK;
	if (s->n_words == 0) {
		r->line_no = s->line_no;
		return fail(r, "a sentence of comments without words");
	}
	for (uint32_t i = 0; i < s->n_words; i++) {
		uint32_t h = s->words[i].head;
		if (h != DYAD_CONLLU_NO_HEAD && h > s->n_words) {
			r->line_no = s->line_no;
			return fail(r, "word %u has HEAD %u, past the sentence's %u words",
			            (unsigned)i + 1, (unsigned)h, (unsigned)s->n_words);
		}
	}
	return DYAD_OK;
}

/* The analysis columns of a word line (fields 2-10). */
static dyad_status word_columns(struct reader *r, struct dyad_conllu_word *w,
                                const char *const *f, const size_t *fl)
{
	w->form = f[1], w->form_len = (uint32_t)fl[1];
	w->lemma = f[2], w->lemma_len = (uint32_t)fl[2];
	w->xpos = f[4], w->xpos_len = (uint32_t)fl[4];
	w->feats_text = f[5], w->feats_len = (uint32_t)fl[5];
	w->deps = f[8], w->deps_len = (uint32_t)fl[8];
	w->misc = f[9], w->misc_len = (uint32_t)fl[9];
	if (fl[1] == 0)
		return fail(r, "empty FORM");
	w->upos = dyad_upos_parse(f[3], fl[3]);
	if (dyad_ud_feats_parse(f[5], fl[5], &w->feats, NULL) != DYAD_OK)
		return fail(r, "FEATS \"%.*s\" is not Name=Value pairs joined by '|'",
		            (int)fl[5], f[5]);
	if (fl[6] == 1 && f[6][0] == '_')
		w->head = DYAD_CONLLU_NO_HEAD;
	else if (!parse_uint(f[6], fl[6], &w->head))
		return fail(r, "HEAD \"%.*s\" is not a number", (int)fl[6], f[6]);
	w->deprel = dyad_deprel_parse(f[7], fl[7]);
	return DYAD_OK;
}

static dyad_status token_line(struct reader *r, const char *line, size_t len)
{
	const char *f[N_COLUMNS];
	size_t fl[N_COLUMNS];
	size_t n = 0, start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && line[i] != '\t')
			continue;
		if (n == N_COLUMNS)
			return fail(r, "more than %d TAB-separated columns", N_COLUMNS);
		f[n] = line + start;
		fl[n++] = i - start;
		start = i + 1;
	}
	if (n != N_COLUMNS)
		return fail(r, "%zu columns, want %d separated by TABs", n, N_COLUMNS);
	if (memchr(f[0], '-', fl[0])) {
		keep_line(r, line, len, DYAD_CONLLU_RANGE);
		return DYAD_OK;
	}
	if (memchr(f[0], '.', fl[0])) {
		keep_line(r, line, len, DYAD_CONLLU_EMPTY);
		return DYAD_OK;
	}
	struct dyad_conllu_sentence *s = sentence(r);
	uint32_t id;
	if (!parse_uint(f[0], fl[0], &id))
		return fail(r, "ID \"%.*s\" is not a number", (int)fl[0], f[0]);
	if (id != s->n_words + 1)
		return fail(r, "word ID %u where %u was due", (unsigned)id, (unsigned)s->n_words + 1);
	if (s->n_words == DYAD_CONLLU_MAX_WORDS)
		return fail(r, "sentence longer than %u words", DYAD_CONLLU_MAX_WORDS);
	struct dyad_conllu_word *w = &r->doc->words[r->doc->n_words];
	memset(w, 0, sizeof *w);
	dyad_status st = word_columns(r, w, f, fl);
	if (st != DYAD_OK)
		return st;
	r->doc->n_words++;
	s->n_words++;
	return DYAD_OK;
}

static dyad_status read_lines(struct reader *r)
{
	char *text = r->doc->text;
	size_t pos = 0, len = r->doc->len;
	while (pos < len) {
		char *line = text + pos;
		char *nl = memchr(line, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - line) : len - pos;
		pos += n + (nl ? 1 : 0);
		r->line_no++;
		if (n && line[n - 1] == '\r')
			n--;
		dyad_status st;
		if (n == 0)
			st = end_sentence(r);
		else if (line[0] == '#')
			keep_line(r, line, n, DYAD_CONLLU_COMMENT), st = DYAD_OK;
		else
			st = token_line(r, line, n);
		if (st != DYAD_OK)
			return st;
	}
	return end_sentence(r);
}

static dyad_status allocate(struct dyad_conllu_doc *doc)
{
	size_t n_lines = 1;
	for (size_t i = 0; i < doc->len; i++)
		n_lines += doc->text[i] == '\n';
	doc->sents = dyad__calloc(n_lines, sizeof *doc->sents);
	doc->words = dyad__calloc(n_lines, sizeof *doc->words);
	doc->lines = dyad__calloc(n_lines, sizeof *doc->lines);
	return doc->sents && doc->words && doc->lines ? DYAD_OK : DYAD_ENOMEM;
}

dyad_status dyad_conllu_parse(const char *text, size_t len, const char *name,
                              struct dyad_conllu_doc *doc, char *errmsg)
{
	memset(doc, 0, sizeof *doc);
	doc->text = dyad__malloc(len + 1);
	if (!doc->text)
		return DYAD_ENOMEM;
	memcpy(doc->text, text, len);
	doc->text[len] = '\0';
	doc->len = len;
	dyad_status st = allocate(doc);
	if (st == DYAD_OK) {
		struct reader r = {.doc = doc, .name = name, .errmsg = errmsg};
		st = read_lines(&r);
	}
	if (st != DYAD_OK)
		dyad_conllu_release(doc);
	return st;
}

dyad_status dyad_conllu_read_file(const char *path, struct dyad_conllu_doc *doc,
                                  char *errmsg)
{
	memset(doc, 0, sizeof *doc);
	FILE *f = fopen(path, "rb");
	if (!f) {
		if (errmsg)
			snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: %s", path, strerror(errno));
		return errno == ENOENT ? DYAD_ENOENT : DYAD_EIO;
	}
	struct dyad_buf buf;
	dyad_buf_init(&buf, 0);
	char chunk[1 << 16];
	size_t got;
	dyad_status st = DYAD_OK;
	while (st == DYAD_OK && (got = fread(chunk, 1, sizeof chunk, f)) > 0)
		st = dyad_buf_append(&buf, chunk, got);
	if (st == DYAD_OK && ferror(f))
		st = DYAD_EIO;
	fclose(f);
	if (st == DYAD_OK)
		st = dyad_conllu_parse(buf.data ? buf.data : "", buf.len, path, doc, errmsg);
	else if (errmsg)
		snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: %s", path, dyad_strerror(st));
	dyad_buf_release(&buf);
	return st;
}

void dyad_conllu_release(struct dyad_conllu_doc *doc)
{
	dyad__free(doc->text);
	dyad__free(doc->sents);
	dyad__free(doc->words);
	dyad__free(doc->lines);
	memset(doc, 0, sizeof *doc);
}

/* ---- writing ----------------------------------------------------------- */

static void put_field(struct dyad_buf *out, const char *s, size_t len)
{
	if (len)
		dyad_buf_append(out, s, len);
	else
		dyad_buf_putc(out, '_');
}

static void put_word(struct dyad_buf *out, uint32_t id, const struct dyad_conllu_word *w)
{
	char feats[512];
	dyad_buf_printf(out, "%u\t", (unsigned)id);
	put_field(out, w->form, w->form_len);
	dyad_buf_putc(out, '\t');
	put_field(out, w->lemma, w->lemma_len);
	dyad_buf_printf(out, "\t%s\t", dyad_upos_name(w->upos));
	put_field(out, w->xpos, w->xpos_len);
	dyad_buf_putc(out, '\t');
	if (w->feats_len) {
		dyad_buf_append(out, w->feats_text, w->feats_len);
	} else {
		dyad_ud_feats_format(w->feats, feats, sizeof feats);
		dyad_buf_puts(out, feats);
	}
	if (w->head == DYAD_CONLLU_NO_HEAD)
		dyad_buf_puts(out, "\t_\t");
	else
		dyad_buf_printf(out, "\t%u\t", (unsigned)w->head);
	dyad_buf_puts(out, dyad_deprel_name(w->deprel));
	dyad_buf_putc(out, '\t');
	put_field(out, w->deps, w->deps_len);
	dyad_buf_putc(out, '\t');
	put_field(out, w->misc, w->misc_len);
	dyad_buf_putc(out, '\n');
}

dyad_status dyad_conllu_write(struct dyad_buf *out, const struct dyad_conllu_sentence *sent,
                              const struct dyad_conllu_word *words)
{
	uint32_t l = 0;
	for (uint32_t i = 0; i <= sent->n_words; i++) {
		for (; l < sent->n_lines && sent->lines[l].before <= i; l++) {
			dyad_buf_append(out, sent->lines[l].text, sent->lines[l].len);
			dyad_buf_putc(out, '\n');
		}
		if (i < sent->n_words)
			put_word(out, i + 1, &words[i]);
	}
	return dyad_buf_putc(out, '\n');
}
