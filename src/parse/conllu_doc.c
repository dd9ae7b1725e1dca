/*
 * conllu_doc.c - one analysed sentence of a document as CoNLL-U (see
 * conllu_doc.h for the lines and the MISC fields).
 */
#include "parse/conllu_doc.h"

#include <string.h>

#include "kb/ud.h"

/* The sentence text on one line: line ends and tabs become spaces. */
static void put_text(struct dyad_buf *out, const char *s, size_t n)
{
	size_t from = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '\n' || s[i] == '\r' || s[i] == '\t') {
			dyad_buf_append(out, s + from, i - from);
			dyad_buf_putc(out, ' ');
			from = i + 1;
		}
	dyad_buf_append(out, s + from, n - from);
}

static void put_str(struct dyad_buf *out, const char *s, size_t n)
{
	if (n)
		dyad_buf_append(out, s, n);
	else
		dyad_buf_putc(out, '_');
}

/* Whether text goes on at once after byte end (no space, not the end). */
static int glued_after(const struct dyad__work *w, uint32_t end)
{
	if (end >= w->len)
		return 0;
	char c = w->text[end];
	return c != ' ' && c != '\n' && c != '\t' && c != '\r';
}

static void put_word(struct dyad_buf *out, const struct dyad__work *w,
                     const struct dyad__gword *gw, const struct dyad_grammar_word *x, size_t id)
{
	char feats[512];
	dyad_buf_printf(out, "%zu\t", id);
	put_text(out, w->text + gw->start, gw->end - gw->start);
	dyad_buf_putc(out, '\t');
	size_t lemma_len;
	const char *lemma = dyad__tok_lemma(w, gw->tok, &lemma_len);
	put_str(out, lemma, lemma_len);
	dyad_buf_printf(out, "\t%s\t", dyad_upos_name(x->upos));
	put_str(out, x->xpos, x->xpos_len);
	size_t n = dyad_ud_feats_format(x->feats, feats, sizeof feats);
	dyad_buf_putc(out, '\t');
	put_str(out, feats, n < sizeof feats ? n : 0);
	dyad_buf_printf(out, "\t%u\t%s\t_\tTokenRange=%u:%u%s\n", (unsigned)x->head,
	                x->head || x->deprel ? dyad_deprel_name(x->deprel) : "root",
	                (unsigned)gw->start, (unsigned)gw->end,
	                glued_after(w, gw->end) ? "|SpaceAfter=No" : "");
}

dyad_status dyad__conllu_sentence(struct dyad_buf *out, const struct dyad__work *w,
                                  size_t s_idx, size_t sent_no, const struct dyad__gword *gw,
                                  const struct dyad_grammar_word *words, size_t n)
{
	const struct dyad__sentence *s = &w->sentences[s_idx];
	const char *id = w->doc && w->doc->id ? w->doc->id : "doc";
	if (sent_no == 1)
		dyad_buf_printf(out, "# newdoc id = %s\n", id);
	dyad_buf_printf(out, "# sent_id = %s-%zu\n# text = ", id, sent_no);
	put_text(out, w->text + s->start, s->end - s->start);
	dyad_buf_putc(out, '\n');
	for (size_t i = 0; i < n; i++) {
		if (gw[i].recut && i + 1 < n && gw[i + 1].recut && gw[i + 1].start == gw[i].end) {
			uint32_t a = w->tokens[gw[i].tok].start, b = w->tokens[gw[i + 1].tok_end - 1].end;
			dyad_buf_printf(out, "%zu-%zu\t", i + 1, i + 2);
			put_text(out, w->text + a, b - a);
			dyad_buf_printf(out, "\t_\t_\t_\t_\t_\t_\t_\tTokenRange=%u:%u%s\n", (unsigned)a,
			                (unsigned)b, glued_after(w, b) ? "|SpaceAfter=No" : "");
		}
		put_word(out, w, &gw[i], &words[i], i + 1);
	}
	return dyad_buf_putc(out, '\n');
}

dyad_status dyad_doc_write_conllu(const struct dyad_doc *doc, FILE *out)
{
	if (!doc->conllu || doc->conllu_len == 0)
		return DYAD_OK;
	if (fwrite(doc->conllu, 1, doc->conllu_len, out) != doc->conllu_len)
		return DYAD_EIO;
	return DYAD_OK;
}
