/*
 * fuzz_conllu.c - libFuzzer target for the CoNLL-U reader and writer of the
 * grammar stage (src/parse/conllu.c): any bytes as a treebank file; one
 * that parses is written back sentence by sentence.
 *
 * Built only when src/parse/conllu.c is in the tree (the Makefile's fuzz
 * target looks); written against its header, parse/conllu.h.
 */
#include <string.h>

#include "core/buf.h"
#include "dyad.h"
#include "fuzzlib.h"
#include "parse/conllu.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[DYAD_ERRMSG_MAX];
	struct dyad_conllu_doc doc;
	if (dyad_conllu_parse((const char *)data, size, "fuzz", &doc, err) != DYAD_OK)
		return 0;
	struct dyad_buf out;
	dyad_buf_init(&out, 0);
	for (size_t i = 0; i < doc.n_sents; i++) {
		const struct dyad_conllu_sentence *s = &doc.sents[i];
		if (dyad_conllu_write(&out, s, s->words) != DYAD_OK)
			break;
	}
	dyad_buf_release(&out);
	dyad_conllu_release(&doc);
	return 0;
}
