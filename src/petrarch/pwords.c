/*
 * pwords.c - closed-class English words for the dictionary coder (see
 * pwords.h). The table is sorted for binary search.
 */
#include "petrarch/pwords.h"

#include <stdlib.h>
#include <string.h>

#define ADV_LY_MIN_LEN 5 /* "ONLY", "ALLY" are not -ly adverbs */

struct pword {
	const char *word;
	enum dyad__pclass cls;
};

static const struct pword table[] = {
	{"A", DYAD_PC_DET},         {"ABOUT", DYAD_PC_PREP},
	{"ACROSS", DYAD_PC_PREP},   {"AFTER", DYAD_PC_PREP},
	{"AGAIN", DYAD_PC_ADV},     {"AGAINST", DYAD_PC_PREP},
	{"ALL", DYAD_PC_DET},       {"ALMOST", DYAD_PC_ADV},
	{"ALONG", DYAD_PC_PREP},    {"ALREADY", DYAD_PC_ADV},
	{"ALSO", DYAD_PC_ADV},      {"ALTHOUGH", DYAD_PC_SUBORD},
	{"AM", DYAD_PC_BE},         {"AMID", DYAD_PC_PREP},
	{"AMONG", DYAD_PC_PREP},    {"AN", DYAD_PC_DET},
	{"AND", DYAD_PC_CONJ},      {"ANOTHER", DYAD_PC_DET},
	{"ANY", DYAD_PC_DET},       {"ARE", DYAD_PC_BE},
	{"AROUND", DYAD_PC_PREP},   {"AS", DYAD_PC_SUBORD},
	{"AT", DYAD_PC_PREP},       {"BE", DYAD_PC_BE},
	{"BECAUSE", DYAD_PC_SUBORD}, {"BEEN", DYAD_PC_BE},
	{"BEFORE", DYAD_PC_PREP},   {"BEHIND", DYAD_PC_PREP},
	{"BEING", DYAD_PC_BE},      {"BETWEEN", DYAD_PC_PREP},
	{"BEYOND", DYAD_PC_PREP},   {"BOTH", DYAD_PC_DET},
	{"BUT", DYAD_PC_CONJ},      {"BY", DYAD_PC_PREP},
	{"CA", DYAD_PC_MODAL},      {"CAN", DYAD_PC_MODAL},
	{"COULD", DYAD_PC_MODAL},   {"DESPITE", DYAD_PC_PREP},
	{"DID", DYAD_PC_DO},        {"DO", DYAD_PC_DO},
	{"DOES", DYAD_PC_DO},       {"DOWN", DYAD_PC_PREP},
	{"DURING", DYAD_PC_PREP},   {"EACH", DYAD_PC_DET},
	{"EARLIER", DYAD_PC_ADV},   {"EVEN", DYAD_PC_ADV},
	{"EVER", DYAD_PC_ADV},      {"EVERY", DYAD_PC_DET},
	{"FOR", DYAD_PC_PREP},      {"FROM", DYAD_PC_PREP},
	{"HAD", DYAD_PC_HAVE},      {"HAS", DYAD_PC_HAVE},
	{"HAVE", DYAD_PC_HAVE},     {"HAVING", DYAD_PC_HAVE},
	{"HE", DYAD_PC_PRON},       {"HER", DYAD_PC_POSSPRON},
	{"HERE", DYAD_PC_ADV},      {"HIM", DYAD_PC_PRON},
	{"HIS", DYAD_PC_POSSPRON},  {"I", DYAD_PC_PRON},
	{"IF", DYAD_PC_SUBORD},     {"IN", DYAD_PC_PREP},
	{"INSIDE", DYAD_PC_PREP},   {"INTO", DYAD_PC_PREP},
	{"IS", DYAD_PC_BE},         {"IT", DYAD_PC_PRON},
	{"ITS", DYAD_PC_POSSPRON},  {"JUST", DYAD_PC_ADV},
	{"LATER", DYAD_PC_ADV},     {"LIKE", DYAD_PC_PREP},
	{"MAY", DYAD_PC_MODAL},     {"ME", DYAD_PC_PRON},
	{"MIGHT", DYAD_PC_MODAL},   {"MUST", DYAD_PC_MODAL},
	{"MY", DYAD_PC_POSSPRON},   {"N'T", DYAD_PC_NEG},
	{"NEAR", DYAD_PC_PREP},     {"NEVER", DYAD_PC_NEG},
	{"NO", DYAD_PC_DET},        {"NOR", DYAD_PC_CONJ},
	{"NOT", DYAD_PC_NEG},       {"NOW", DYAD_PC_ADV},
	{"OF", DYAD_PC_PREP},       {"OFF", DYAD_PC_PREP},
	{"ON", DYAD_PC_PREP},       {"ONLY", DYAD_PC_ADV},
	{"ONTO", DYAD_PC_PREP},     {"OR", DYAD_PC_CONJ},
	{"OUR", DYAD_PC_POSSPRON},  {"OUT", DYAD_PC_PREP},
	{"OUTSIDE", DYAD_PC_PREP},  {"OVER", DYAD_PC_PREP},
	{"PER", DYAD_PC_PREP},      {"QUITE", DYAD_PC_ADV},
	{"RATHER", DYAD_PC_ADV},    {"SEVERAL", DYAD_PC_DET},
	{"SHALL", DYAD_PC_MODAL},   {"SHE", DYAD_PC_PRON},
	{"SHOULD", DYAD_PC_MODAL},  {"SINCE", DYAD_PC_PREP},
	{"SO", DYAD_PC_ADV},        {"SOME", DYAD_PC_DET},
	{"SOON", DYAD_PC_ADV},      {"STILL", DYAD_PC_ADV},
	{"THAN", DYAD_PC_PREP},     {"THAT", DYAD_PC_SUBORD},
	{"THE", DYAD_PC_DET},       {"THEIR", DYAD_PC_POSSPRON},
	{"THEM", DYAD_PC_PRON},     {"THEN", DYAD_PC_ADV},
	{"THERE", DYAD_PC_ADV},     {"THESE", DYAD_PC_DET},
	{"THEY", DYAD_PC_PRON},     {"THIS", DYAD_PC_DET},
	{"THOSE", DYAD_PC_DET},     {"THOUGH", DYAD_PC_SUBORD},
	{"THROUGH", DYAD_PC_PREP},  {"THROUGHOUT", DYAD_PC_PREP},
	{"TO", DYAD_PC_TO},         {"TODAY", DYAD_PC_ADV},
	{"TOMORROW", DYAD_PC_ADV},  {"TONIGHT", DYAD_PC_ADV},
	{"TOO", DYAD_PC_ADV},       {"TOWARD", DYAD_PC_PREP},
	{"TOWARDS", DYAD_PC_PREP},  {"UNDER", DYAD_PC_PREP},
	{"UNLESS", DYAD_PC_SUBORD}, {"UNTIL", DYAD_PC_PREP},
	{"UP", DYAD_PC_PREP},       {"UPON", DYAD_PC_PREP},
	{"US", DYAD_PC_PRON},       {"VERY", DYAD_PC_ADV},
	{"VIA", DYAD_PC_PREP},      {"WAS", DYAD_PC_BE},
	{"WE", DYAD_PC_PRON},       {"WERE", DYAD_PC_BE},
	{"WHEN", DYAD_PC_SUBORD},   {"WHERE", DYAD_PC_SUBORD},
	{"WHEREAS", DYAD_PC_SUBORD}, {"WHETHER", DYAD_PC_SUBORD},
	{"WHICH", DYAD_PC_SUBORD},  {"WHILE", DYAD_PC_SUBORD},
	{"WHO", DYAD_PC_SUBORD},    {"WHOM", DYAD_PC_SUBORD},
	{"WHOSE", DYAD_PC_SUBORD},  {"WILL", DYAD_PC_MODAL},
	{"WITH", DYAD_PC_PREP},     {"WITHIN", DYAD_PC_PREP},
	{"WITHOUT", DYAD_PC_PREP},  {"WO", DYAD_PC_MODAL},
	{"WOULD", DYAD_PC_MODAL},   {"YESTERDAY", DYAD_PC_ADV},
	{"YET", DYAD_PC_ADV},       {"YOU", DYAD_PC_PRON},
	{"YOUR", DYAD_PC_POSSPRON},
};

struct key {
	const char *s;
	size_t n;
};

static int cmp_key(const void *k, const void *e)
{
	const struct key *key = k;
	const char *w = ((const struct pword *)e)->word;
	size_t wl = strlen(w);
	int c = memcmp(key->s, w, key->n < wl ? key->n : wl);
	if (c)
		return c;
	return key->n < wl ? -1 : key->n > wl;
}

enum dyad__pclass dyad__pword_class(const char *up, size_t len)
{
	if (len == 1) {
		switch (up[0]) {
		case ',':
			return DYAD_PC_COMMA;
		case '.':
		case '!':
		case '?':
			return DYAD_PC_END;
		case ';':
		case ':':
			return DYAD_PC_SEMI;
		case '(':
		case '[':
			return DYAD_PC_OPEN;
		case ')':
		case ']':
			return DYAD_PC_CLOSE;
		case '"':
			return DYAD_PC_QUOTE;
		default:
			break;
		}
	}
	struct key key = {up, len};
	const struct pword *p = bsearch(&key, table, sizeof table / sizeof *table,
	                                sizeof *table, cmp_key);
	if (p)
		return p->cls;
	if (len >= ADV_LY_MIN_LEN && up[len - 2] == 'L' && up[len - 1] == 'Y')
		return DYAD_PC_ADV;
	return DYAD_PC_WORD;
}
