/*
 * fuzz_petrarch.c - libFuzzer target for the TABARI/PETRARCH readers
 * (src/petrarch/): the first byte picks what the other bytes are - an
 * actors, agents, verbs or discards dictionary, or a validation records
 * file - and they are read from a scratch file. A dictionary that loads
 * codes one sentence, so that what the reader built is also used.
 */
#include <string.h>

#include "dyad.h"
#include "fuzzlib.h"

static const char sentence[] =
	"The president of Gondor met the foreign minister of Rohan in Minas "
	"Tirith and they signed an agreement on trade.";

static void dictionary(const char *path, int kind)
{
	struct dyad_dict_files files;
	memset(&files, 0, sizeof files);
	const char *actors[1] = {path};
	switch (kind) {
	case 0: files.actors = actors; files.n_actors = 1; break;
	case 1: files.agents = path; break;
	case 2: files.verbs = path; break;
	default: files.discards = path; break;
	}
	char err[DYAD_ERRMSG_MAX];
	dyad_dict *dict;
	if (dyad_dict_open_files(&files, &dict, err) != DYAD_OK)
		return;
	struct dyad_dict_coding *coding;
	if (dyad_dict_code_sentence(dict, sentence, sizeof sentence - 1, "20240105",
	                            &coding) == DYAD_OK)
		dyad_dict_coding_free(coding);
	dyad_dict_free(dict);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	int kind = data[0] % 5;
	const char *path = fuzz_write_tmp(data + 1, size - 1, kind == 4 ? ".xml" : ".txt");
	if (kind < 4) {
		dictionary(path, kind);
	} else {
		char err[DYAD_ERRMSG_MAX];
		struct dyad_validation *v;
		if (dyad_validation_read(path, &v, err) == DYAD_OK)
			dyad_validation_free(v);
	}
	unlink(path);
	return 0;
}
