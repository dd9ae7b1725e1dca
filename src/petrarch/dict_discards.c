/*
 * dict_discards.c - reader of TABARI/PETRARCH discard lists.
 *
 *     BASEBALL              sentence discard; the last word is a stem
 *     +TYPHOON              story discard
 *     WORLD CUP_            the last word must end there
 *
 * Matching is case-insensitive and done by the coder on the sentence's
 * canonical words (coder.c); the reader only stores canonical phrases.
 */
#include <string.h>

#include "core/vec.h"
#include "petrarch/dict_file.h"
#include "petrarch/pdict.h"

dyad_status dyad__pdict_read_discards(struct dyad_dict *dict, const char *path,
                                      char *errmsg)
{
	struct dyad__dfile f;
	dyad_status st = dyad__dfile_open(&f, &dict->arena, path, errmsg);
	if (st != DYAD_OK)
		return st;
	char *line;
	while ((line = dyad__dfile_next(&f, NULL)) != NULL) {
		char *s = dyad__dfile_skip_blanks(line);
		int story = *s == '+';
		if (story)
			s++;
		size_t len = strlen(s);
		int exact = len && s[len - 1] == '_';
		size_t n_words;
		char *text = dyad__pdict_canon(dict, s, len, &n_words);
		if (!text)
			return DYAD_ENOMEM;
		if (n_words == 0)
			return dyad__dfile_error(&f, "discard without a phrase");
		if (n_words > DYAD_PDICT_MAX_WORDS)
			return dyad__dfile_error(&f, "discard phrase longer than %d words",
			                         DYAD_PDICT_MAX_WORDS);
		struct dyad__pdiscard *d = DYAD_VEC_PUSH(&dict->discards,
		                                         &dict->n_discards,
		                                         &dict->a_discards);
		if (!d)
			return DYAD_ENOMEM;
		d->text = text;
		d->len = strlen(text);
		d->story = (uint8_t)story;
		d->exact = (uint8_t)exact;
	}
	return DYAD_OK;
}
