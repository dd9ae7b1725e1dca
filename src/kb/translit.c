/*
 * translit.c - names in Latin letters: shown in the letters their language
 * gives its own (data/lang/ID/translit.tsv: "Галузин" -> "Galuzin"), and
 * keyed by spelling-tolerant skeletons built on the same letters (see
 * gazetteer.h).
 *
 * News spells the same surname many ways: Mamitkanov / Mamytkanov,
 * Tokayev / Tokaev / Токаева (genitive), Erdoğan / Erdogan / Эрдоган. The
 * skeleton transliterates to plain Latin, folds digraphs that transliteration
 * systems disagree on, and keeps only the first letter and the consonants.
 */
#include <string.h>

#include "core/utf8.h"
#include "kb/engine.h"
#include "core/arena.h"
#include "kb/gazetteer.h"
#include "kb/lang.h"

/* Plain Latin for a lower-case letter: the letters of the languages that
 * have their own (translit.tsv), else the fold of letters of other
 * alphabets with diacritics ("ə", "ğ", "қ") to the plain letter. */
static const char *latin_of(const dyad_engine *engine, uint32_t cp, char *ascii)
{
	if (cp < 0x80) {
		ascii[0] = (char)cp;
		ascii[1] = '\0';
		return ascii;
	}
	for (size_t i = 0; i < engine->n_langs; i++) {
		const char *l = dyad__lang_latin(&engine->langs[i], cp);
		if (l)
			return l;
	}
	switch (cp) {
	case 0x0451: case 0x0454: case 0x0259: case 0xE9: case 0xE8: case 0xEA: case 0xEB:
		return "e"; /* ё є ə é è ê ë */
	case 0x0456: case 0x0457: case 0x0131: case 0xED: case 0xEC: case 0xEE: case 0xEF:
		return "i";
	case 0x04D9: case 0xE1: case 0xE0: case 0xE2: case 0xE4: case 0xE3: case 0xE5:
		return "a";
	case 0x0493: case 0x011F: case 0x0491:
		return "g";
	case 0x049B:
		return "k";
	case 0x04A3:
		return "n";
	case 0x04E9: case 0xF6: case 0xF3: case 0xF2: case 0xF4: case 0xF5:
		return "o";
	case 0x04B1: case 0x04AF: case 0xFC: case 0xFA: case 0xF9: case 0xFB: case 0x016B:
		return "u";
	case 0x04BB:
		return "h";
	case 0x015F:
		return "s";
	case 0xE7: case 0x010D:
		return "c";
	case 0x0161:
		return "sh";
	case 0x017E:
		return "zh";
	case 0xF1:
		return "n";
	default:
		return "";
	}
}

size_t dyad__name_skeleton(const dyad_engine *engine, const char *word, size_t len,
                           char *out, size_t cap)
{
	char lower[DYAD_MAX_WORD_BYTES * 2], latin[DYAD_MAX_WORD_BYTES * 2];
	size_t n = dyad_utf8_lower(word, len, lower, sizeof lower);
	size_t i = 0, w = 0;
	while (i < n) {
		char ascii[2];
		const char *l = latin_of(engine, dyad_utf8_next(lower, n, &i), ascii);
		for (; *l && w + 1 < sizeof latin; l++)
			if (*l >= 'a' && *l <= 'z')
				latin[w++] = *l;
	}
	latin[w] = '\0';
	static const struct {
		const char *from, *to;
	} folds[] = {
		{"shch", "s"}, {"sch", "s"}, {"sh", "s"}, {"ch", "C"}, {"dzh", "J"},
		{"dj", "J"}, {"zh", "J"}, {"j", "J"}, {"kh", "h"}, {"ts", "T"}, {"tz", "T"},
		{"ph", "f"}, {"ck", "k"}, {"c", "k"}, {"q", "k"}, {"x", "ks"}, {"w", "v"},
	};
	char folded[DYAD_MAX_WORD_BYTES * 4];
	size_t f = 0;
	i = 0;
	if (latin[0] == 'x') { /* Xing / Khamrayev: initial x reads as s */
		folded[f++] = 's';
		i = 1;
	}
	while (i < w && f + 3 < sizeof folded) {
		size_t k;
		for (k = 0; k < sizeof folds / sizeof folds[0]; k++) {
			size_t fl = strlen(folds[k].from);
			if (strncmp(latin + i, folds[k].from, fl) == 0) {
				size_t tl = strlen(folds[k].to);
				memcpy(folded + f, folds[k].to, tl);
				f += tl;
				i += fl;
				break;
			}
		}
		if (k == sizeof folds / sizeof folds[0])
			folded[f++] = latin[i++];
	}
	if (f == 0 || cap == 0) {
		if (cap)
			out[0] = '\0';
		return 0;
	}
	size_t o = 0;
	out[o++] = folded[0];
	for (size_t k = 1; k < f && o + 1 < cap; k++) {
		char c = folded[k];
		if (strchr("aeiouyh", c))
			continue;
		if (out[o - 1] == c && o > 1)
			continue;
		out[o++] = c;
	}
	out[o] = '\0';
	return o;
}

/* The Latin letters the language gives the letter cp, or NULL. */
static const char *letter_latin(const struct dyad__lang *lang, uint32_t cp)
{
	char enc[4], lower[8];
	size_t n = dyad_utf8_encode(cp, enc), at = 0;
	size_t len = dyad_utf8_lower(enc, n, lower, sizeof lower);
	return dyad__lang_latin(lang, dyad_utf8_next(lower, len, &at));
}

char *dyad__translit(const struct dyad__lang *lang, const char *s, size_t n,
                     struct dyad_arena *arena)
{
	size_t i = 0, o = 0, need = 1;
	while (i < n) {
		size_t at = i;
		const char *l = letter_latin(lang, dyad_utf8_next(s, n, &i));
		need += l ? strlen(l) : i - at;
	}
	char *out = dyad_arena_alloc(arena, need);
	if (!out)
		return NULL;
	for (i = 0; i < n;) {
		size_t at = i;
		uint32_t cp = dyad_utf8_next(s, n, &i);
		const char *l = letter_latin(lang, cp);
		if (!l) {
			memcpy(out + o, s + at, i - at);
			o += i - at;
			continue;
		}
		for (size_t k = 0; l[k]; k++) /* "Ш" -> "Sh" */
			out[o++] = k == 0 && dyad_cp_is_upper(cp) && l[k] >= 'a' && l[k] <= 'z'
			               ? (char)(l[k] - ('a' - 'A')) : l[k];
	}
	out[o] = '\0';
	return out;
}
