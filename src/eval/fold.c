/*
 * fold.c - score.py's string folds in C (see fold.h).
 *
 * Case mapping and NFKD go through ICU in UTF-16, like the text normaliser;
 * the rest walks code points. Where ICU knows a newer Unicode than the
 * reference Python, characters assigned after EVAL_UNICODE_MAJOR are treated
 * as unassigned so that \w and repr() agree with Python on every character.
 */
#include "eval/fold.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "core/alloc.h"
#include "core/utf8.h"

/* The Unicode version of the reference scorer's Python (3.11: 14.0). */
#define EVAL_UNICODE_MAJOR 14

/* Longest text ICU is handed at once (its lengths are int32_t). */
#define EVAL_MAX_ICU_UNITS (INT32_MAX / 4)

/* Length of an ISO 3166-1 alpha-3 code. */
#define ISO3_LEN 3

/* score.py's ISO3 set, sorted for bsearch. */
static const char *const iso3_codes[] = {
	"ABW", "AFG", "AGO", "AIA", "ALA", "ALB", "AND", "ARE", "ARG", "ARM", "ASM", "ATA", "ATF", "ATG", "AUS", "AUT",
	"AZE", "BDI", "BEL", "BEN", "BES", "BFA", "BGD", "BGR", "BHR", "BHS", "BIH", "BLM", "BLR", "BLZ", "BMU", "BOL",
	"BRA", "BRB", "BRN", "BTN", "BVT", "BWA", "CAF", "CAN", "CCK", "CHE", "CHL", "CHN", "CIV", "CMR", "COD", "COG",
	"COK", "COL", "COM", "CPV", "CRI", "CUB", "CUW", "CXR", "CYM", "CYP", "CZE", "DEU", "DJI", "DMA", "DNK", "DOM",
	"DZA", "ECU", "EGY", "ERI", "ESH", "ESP", "EST", "ETH", "FIN", "FJI", "FLK", "FRA", "FRO", "FSM", "GAB", "GBR",
	"GEO", "GGY", "GHA", "GIB", "GIN", "GLP", "GMB", "GNB", "GNQ", "GRC", "GRD", "GRL", "GTM", "GUF", "GUM", "GUY",
	"HKG", "HMD", "HND", "HRV", "HTI", "HUN", "IDN", "IMN", "IND", "IOT", "IRL", "IRN", "IRQ", "ISL", "ISR", "ITA",
	"JAM", "JEY", "JOR", "JPN", "KAZ", "KEN", "KGZ", "KHM", "KIR", "KNA", "KOR", "KWT", "LAO", "LBN", "LBR", "LBY",
	"LCA", "LIE", "LKA", "LSO", "LTU", "LUX", "LVA", "MAC", "MAF", "MAR", "MCO", "MDA", "MDG", "MDV", "MEX", "MHL",
	"MKD", "MLI", "MLT", "MMR", "MNE", "MNG", "MNP", "MOZ", "MRT", "MSR", "MTQ", "MUS", "MWI", "MYS", "MYT", "NAM",
	"NCL", "NER", "NFK", "NGA", "NIC", "NIU", "NLD", "NOR", "NPL", "NRU", "NZL", "OMN", "PAK", "PAN", "PCN", "PER",
	"PHL", "PLW", "PNG", "POL", "PRI", "PRK", "PRT", "PRY", "PSE", "PYF", "QAT", "REU", "ROU", "RUS", "RWA", "SAU",
	"SDN", "SEN", "SGP", "SGS", "SHN", "SJM", "SLB", "SLE", "SLV", "SMR", "SOM", "SPM", "SRB", "SSD", "STP", "SUR",
	"SVK", "SVN", "SWE", "SWZ", "SXM", "SYC", "SYR", "TCA", "TCD", "TGO", "THA", "TJK", "TKL", "TKM", "TLS", "TON",
	"TTO", "TUN", "TUR", "TUV", "TWN", "TZA", "UGA", "UKR", "UMI", "URY", "USA", "UZB", "VAT", "VCT", "VEN", "VGB",
	"VIR", "VNM", "VUT", "WLF", "WSM", "XKX", "YEM", "ZAF", "ZMB", "ZWE",
};

/* score.py's CYR table: lower-case Cyrillic (Russian, Ukrainian, Kazakh). */
static const struct {
	uint32_t cp;
	const char *latin;
} cyrillic[] = {
	{0x430, "a"}, {0x431, "b"}, {0x432, "v"}, {0x433, "g"}, {0x434, "d"},
	{0x435, "e"}, {0x436, "zh"}, {0x437, "z"}, {0x438, "i"}, {0x439, "y"},
	{0x43A, "k"}, {0x43B, "l"}, {0x43C, "m"}, {0x43D, "n"}, {0x43E, "o"},
	{0x43F, "p"}, {0x440, "r"}, {0x441, "s"}, {0x442, "t"}, {0x443, "u"},
	{0x444, "f"}, {0x445, "kh"}, {0x446, "ts"}, {0x447, "ch"}, {0x448, "sh"},
	{0x449, "shch"}, {0x44A, ""}, {0x44B, "y"}, {0x44C, ""}, {0x44D, "e"},
	{0x44E, "yu"}, {0x44F, "ya"}, {0x451, "e"}, {0x454, "e"}, {0x456, "i"},
	{0x457, "i"}, {0x493, "g"}, {0x49B, "k"}, {0x4A3, "n"}, {0x4AF, "u"},
	{0x4B1, "u"}, {0x4BB, "h"}, {0x4D9, "a"}, {0x4E9, "o"},
};

/* skel()'s digraph folds, applied in this order to the whole word. */
static const struct {
	const char *from, *to;
} skel_folds[] = {
	{"shch", "s"}, {"sch", "s"}, {"sh", "s"}, {"ch", "C"}, {"dzh", "J"},
	{"dj", "J"}, {"zh", "J"}, {"j", "J"}, {"kh", "h"}, {"ts", "T"},
	{"tz", "T"}, {"ph", "f"}, {"ck", "k"}, {"c", "k"}, {"q", "k"},
	{"x", "ks"}, {"w", "v"},
};

/* 1 when Python's Unicode database does not know cp yet. */
static int newer_than_python(uint32_t cp)
{
	UVersionInfo age;
	u_charAge((UChar32)cp, age);
	return age[0] > EVAL_UNICODE_MAJOR;
}

int dyad__eval_is_space(uint32_t cp)
{
	return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20) ||
	       cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
	       (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
	       cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

int dyad__eval_is_word(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		       (cp >= '0' && cp <= '9') || cp == '_';
	if (newer_than_python(cp))
		return 0;
	switch (u_charType((UChar32)cp)) {
	case U_UPPERCASE_LETTER:
	case U_LOWERCASE_LETTER:
	case U_TITLECASE_LETTER:
	case U_MODIFIER_LETTER:
	case U_OTHER_LETTER:
		return 1;
	default:
		/* Python's isalnum() takes every character with a numeric value */
		return u_getIntPropertyValue((UChar32)cp, UCHAR_NUMERIC_TYPE) !=
		       U_NT_NONE;
	}
}

int dyad__eval_is_printable(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 0x20 && cp < 0x7F;
	if (newer_than_python(cp))
		return 0;
	switch (u_charType((UChar32)cp)) {
	case U_CONTROL_CHAR:
	case U_FORMAT_CHAR:
	case U_SURROGATE:
	case U_PRIVATE_USE_CHAR:
	case U_UNASSIGNED:
	case U_SPACE_SEPARATOR:
	case U_LINE_SEPARATOR:
	case U_PARAGRAPH_SEPARATOR:
		return 0;
	default:
		return 1;
	}
}

size_t dyad__eval_cp_count(const char *s, size_t n)
{
	size_t i = 0, count = 0;
	while (i < n) {
		dyad_utf8_next(s, n, &i);
		count++;
	}
	return count;
}

size_t dyad__eval_cp_prefix(const char *s, size_t n, size_t max_cps)
{
	size_t i = 0;
	for (size_t k = 0; k < max_cps && i < n; k++)
		dyad_utf8_next(s, n, &i);
	return i;
}

const char *dyad__eval_strip(const char *s, size_t n, size_t *out_len)
{
	size_t start = 0;
	while (start < n) {
		size_t next = start;
		if (!dyad__eval_is_space(dyad_utf8_next(s, n, &next)))
			break;
		start = next;
	}
	/* scan forward so that multi-byte characters are seen whole */
	size_t end = start, i = start;
	while (i < n) {
		uint32_t cp = dyad_utf8_next(s, n, &i);
		if (!dyad__eval_is_space(cp))
			end = i;
	}
	*out_len = end - start;
	return s + start;
}

/* ---- UTF-16 through ICU ---------------------------------------------- */

struct u16 {
	UChar *p; /* dyad__malloc */
	int32_t n;
};

static dyad_status to_u16(const char *s, size_t n, struct u16 *out)
{
	out->p = NULL;
	out->n = 0;
	if (n > EVAL_MAX_ICU_UNITS)
		return DYAD_EINVAL;
	UErrorCode err = U_ZERO_ERROR;
	int32_t n16 = 0;
	u_strFromUTF8WithSub(NULL, 0, &n16, s, (int32_t)n, DYAD_UTF8_INVALID, NULL,
	                     &err);
	if (U_FAILURE(err) && err != U_BUFFER_OVERFLOW_ERROR)
		return DYAD_EINVAL;
	out->p = dyad__malloc(((size_t)n16 + 1) * sizeof(UChar));
	if (!out->p)
		return DYAD_ENOMEM;
	err = U_ZERO_ERROR;
	u_strFromUTF8WithSub(out->p, n16 + 1, &out->n, s, (int32_t)n,
	                     DYAD_UTF8_INVALID, NULL, &err);
	if (U_FAILURE(err)) {
		dyad__free(out->p);
		out->p = NULL;
		return DYAD_EINVAL;
	}
	return DYAD_OK;
}

enum u16_op { OP_LOWER, OP_UPPER, OP_NFKD };

/* Apply op to in, giving a new string in *out (preflight, then convert). */
static dyad_status u16_apply(enum u16_op op, const struct u16 *in,
                             struct u16 *out)
{
	const UNormalizer2 *nfkd = NULL;
	UErrorCode err = U_ZERO_ERROR;
	if (op == OP_NFKD) {
		nfkd = unorm2_getNFKDInstance(&err);
		if (U_FAILURE(err))
			return DYAD_EINVAL;
	}
	int32_t cap = 0;
	out->p = NULL;
	out->n = 0;
	for (int pass = 0; pass < 2; pass++) {
		err = U_ZERO_ERROR;
		int32_t got;
		if (op == OP_LOWER)
			got = u_strToLower(out->p, cap, in->p, in->n, "", &err);
		else if (op == OP_UPPER)
			got = u_strToUpper(out->p, cap, in->p, in->n, "", &err);
		else
			got = unorm2_normalize(nfkd, in->p, in->n, out->p, cap, &err);
		if (pass == 0 && err == U_BUFFER_OVERFLOW_ERROR)
			err = U_ZERO_ERROR;
		if (U_FAILURE(err) || got < 0 || got > EVAL_MAX_ICU_UNITS)
			break;
		if (pass == 1 || got == 0) {
			out->n = got;
			return DYAD_OK;
		}
		cap = got + 1;
		out->p = dyad__malloc((size_t)cap * sizeof(UChar));
		if (!out->p)
			return DYAD_ENOMEM;
	}
	dyad__free(out->p);
	out->p = NULL;
	return DYAD_EINVAL;
}

dyad_status dyad__eval_utf8_repair(const char *s, size_t n, struct dyad_buf *out)
{
	if (dyad_utf8_valid(s, n))
		return dyad_buf_append(out, s, n);
	/* ICU substitutes maximal subparts, as Python does */
	struct u16 src;
	dyad_status st = to_u16(s, n, &src);
	if (st != DYAD_OK)
		return st;
	UErrorCode err = U_ZERO_ERROR;
	int32_t n8 = 0;
	u_strToUTF8(NULL, 0, &n8, src.p, src.n, &err);
	if (U_FAILURE(err) && err != U_BUFFER_OVERFLOW_ERROR)
		st = DYAD_EINVAL;
	if (st == DYAD_OK)
		st = dyad_buf_reserve(out, (size_t)n8);
	if (st == DYAD_OK) {
		err = U_ZERO_ERROR;
		u_strToUTF8(out->data + out->len, n8 + 1, NULL, src.p, src.n, &err);
		if (U_FAILURE(err)) {
			st = DYAD_EINVAL;
		} else {
			out->len += (size_t)n8;
			out->data[out->len] = '\0';
		}
	}
	dyad__free(src.p);
	return st;
}

/* Append the UTF-8 of one code point. */
static dyad_status put_cp(struct dyad_buf *out, uint32_t cp)
{
	char enc[4];
	return dyad_buf_append(out, enc, dyad_utf8_encode(cp, enc));
}

static const char *cyrillic_latin(uint32_t cp)
{
	for (size_t i = 0; i < sizeof cyrillic / sizeof cyrillic[0]; i++)
		if (cyrillic[i].cp == cp)
			return cyrillic[i].latin;
	return NULL;
}

/* latin() of text that Python's Unicode database knows entirely. */
static dyad_status latin_known(const char *s, size_t n, struct dyad_buf *out)
{
	struct u16 src, lower = {NULL, 0}, nfkd = {NULL, 0};
	dyad_status st = to_u16(s, n, &src);
	if (st != DYAD_OK)
		return st;
	st = u16_apply(OP_LOWER, &src, &lower);
	if (st == DYAD_OK)
		st = u16_apply(OP_NFKD, &lower, &nfkd);
	for (int32_t i = 0; st == DYAD_OK && i < nfkd.n;) {
		UChar32 cp;
		U16_NEXT(nfkd.p, i, nfkd.n, cp);
		if (u_getCombiningClass(cp) != 0)
			continue;
		const char *lat = cyrillic_latin((uint32_t)cp);
		st = lat ? dyad_buf_puts(out, lat) : put_cp(out, (uint32_t)cp);
	}
	dyad__free(src.p);
	dyad__free(lower.p);
	dyad__free(nfkd.p);
	return st;
}

dyad_status dyad__eval_latin(const char *s, size_t n, struct dyad_buf *out)
{
	/* Characters newer than Python's Unicode are unassigned to it: no case,
	 * no decomposition, not combining. They pass through as they are, and
	 * being starters they cut the text into runs normalised apart. */
	dyad_status st = DYAD_OK;
	size_t run = 0, i = 0;
	while (st == DYAD_OK && i < n) {
		size_t at = i;
		uint32_t cp = dyad_utf8_next(s, n, &i);
		if (cp < 0x80 || !newer_than_python(cp))
			continue;
		if (at > run)
			st = latin_known(s + run, at - run, out);
		if (st == DYAD_OK)
			st = dyad_buf_append(out, s + at, i - at);
		run = i;
	}
	if (st == DYAD_OK && n > run)
		st = latin_known(s + run, n - run, out);
	if (st == DYAD_OK)
		st = dyad_buf_append(out, "", 0); /* a C string even when empty */
	return st;
}

/* ---- skel ------------------------------------------------------------ */

/* dst = src with every non-overlapping from replaced by to, left to right. */
static dyad_status replace_all(struct dyad_buf *dst, const char *src,
                               size_t n, const char *from, const char *to)
{
	size_t from_len = strlen(from);
	dyad_buf_reset(dst);
	dyad_status st = dyad_buf_append(dst, "", 0);
	for (size_t i = 0; st == DYAD_OK && i < n;) {
		if (n - i >= from_len && memcmp(src + i, from, from_len) == 0) {
			st = dyad_buf_puts(dst, to);
			i += from_len;
		} else {
			st = dyad_buf_putc(dst, src[i++]);
		}
	}
	return st;
}

static int skel_drops(char c)
{
	return c != '\0' && strchr("aeiouyh", c) != NULL;
}

dyad_status dyad__eval_skel(const char *s, size_t n, struct dyad_buf *out)
{
	struct dyad_buf lat, a, b;
	dyad_buf_init(&lat, 0);
	dyad_buf_init(&a, 0);
	dyad_buf_init(&b, 0);
	dyad_status st = dyad__eval_latin(s, n, &lat);
	/* only the Latin letters a-z count */
	for (size_t i = 0; st == DYAD_OK && i < lat.len; i++)
		if (lat.data[i] >= 'a' && lat.data[i] <= 'z')
			st = dyad_buf_putc(&a, lat.data[i]);
	if (st == DYAD_OK)
		st = dyad_buf_append(&a, "", 0);
	if (st == DYAD_OK && a.len > 0 && a.data[0] == 'x')
		a.data[0] = 's';
	struct dyad_buf *cur = &a, *next = &b;
	for (size_t k = 0; st == DYAD_OK && k < sizeof skel_folds / sizeof skel_folds[0]; k++) {
		st = replace_all(next, cur->data, cur->len, skel_folds[k].from,
		                 skel_folds[k].to);
		struct dyad_buf *t = cur;
		cur = next;
		next = t;
	}
	if (st == DYAD_OK && cur->len > 0) {
		/* the first letter as is; after it no vowels, no doubled letters */
		st = dyad_buf_putc(out, cur->data[0]);
		char last = '\0';
		for (size_t i = 1; st == DYAD_OK && i < cur->len; i++) {
			char c = cur->data[i];
			if (skel_drops(c))
				continue;
			if (c != last)
				st = dyad_buf_putc(out, c);
			last = c;
		}
	}
	if (st == DYAD_OK)
		st = dyad_buf_append(out, "", 0);
	dyad_buf_release(&lat);
	dyad_buf_release(&a);
	dyad_buf_release(&b);
	return st;
}

/* ---- tokens and titles ----------------------------------------------- */

dyad_status dyad__eval_tokens(const char *s, size_t n, int with_hyphen,
                              dyad_status (*fn)(void *ctx, const char *tok,
                                                size_t len),
                              void *ctx)
{
	size_t i = 0, start = 0, n_cps = 0;
	while (i <= n) {
		size_t at = i;
		int sep = 1;
		if (i < n) {
			uint32_t cp = dyad_utf8_next(s, n, &i);
			sep = dyad__eval_is_space(cp) || cp == '.' ||
			      (with_hyphen && cp == '-');
		} else {
			i++;
		}
		if (!sep) {
			n_cps++;
			continue;
		}
		if (n_cps > 1) {
			dyad_status st = fn(ctx, s + start, at - start);
			if (st != DYAD_OK)
				return st;
		}
		start = i;
		n_cps = 0;
	}
	return DYAD_OK;
}

dyad_status dyad__eval_norm_title(const char *s, size_t n, struct dyad_buf *out)
{
	struct dyad_buf lat;
	dyad_buf_init(&lat, 0);
	dyad_status st = dyad__eval_latin(s, n, &lat);
	/* runs of non-word characters become one space, none at the ends */
	int pending_space = 0, any = 0;
	for (size_t i = 0; st == DYAD_OK && i < lat.len;) {
		size_t at = i;
		uint32_t cp = dyad_utf8_next(lat.data, lat.len, &i);
		if (!dyad__eval_is_word(cp)) {
			pending_space = 1;
			continue;
		}
		if (pending_space && any)
			st = dyad_buf_putc(out, ' ');
		if (st == DYAD_OK)
			st = dyad_buf_append(out, lat.data + at, i - at);
		pending_space = 0;
		any = 1;
	}
	if (st == DYAD_OK)
		st = dyad_buf_append(out, "", 0);
	dyad_buf_release(&lat);
	return st;
}

/* ---- actors ---------------------------------------------------------- */

static int cmp_code(const void *key, const void *item)
{
	return strcmp((const char *)key, *(const char *const *)item);
}

static const char *iso3_or_igo(const char *code, size_t len)
{
	char key[ISO3_LEN + 1];
	if (len != ISO3_LEN)
		return "IGO";
	memcpy(key, code, ISO3_LEN);
	key[ISO3_LEN] = '\0';
	const char *const *hit =
		bsearch(key, iso3_codes, sizeof iso3_codes / sizeof iso3_codes[0],
		        sizeof iso3_codes[0], cmp_code);
	return hit ? *hit : "IGO";
}

dyad_status dyad__eval_actor(const char *s, size_t n, const char **out)
{
	*out = NULL;
	size_t len;
	s = dyad__eval_strip(s, n, &len);
	if (len == 0) {
		*out = "";
		return DYAD_OK;
	}
	int ascii = 1;
	for (size_t i = 0; i < len; i++)
		ascii &= (unsigned char)s[i] < 0x80;
	if (ascii) {
		char up[ISO3_LEN];
		if (len != ISO3_LEN) {
			*out = "IGO";
			return DYAD_OK;
		}
		for (size_t i = 0; i < ISO3_LEN; i++)
			up[i] = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 'a' + 'A') : s[i];
		*out = iso3_or_igo(up, ISO3_LEN);
		return DYAD_OK;
	}
	/* Python's upper() can turn a few non-ASCII letters into ASCII ones
	 * (dotless i, long s, ligatures), so ask ICU like Python would */
	struct u16 src, up = {NULL, 0};
	dyad_status st = to_u16(s, len, &src);
	if (st == DYAD_OK)
		st = u16_apply(OP_UPPER, &src, &up);
	if (st == DYAD_OK) {
		char code[ISO3_LEN];
		int is_code = up.n == ISO3_LEN;
		for (int32_t i = 0; is_code && i < ISO3_LEN; i++) {
			is_code = up.p[i] < 0x80;
			code[i] = (char)up.p[i];
		}
		*out = is_code ? iso3_or_igo(code, ISO3_LEN) : "IGO";
	}
	dyad__free(src.p);
	dyad__free(up.p);
	if (st == DYAD_EINVAL) {
		/* text ICU cannot take is no country code either */
		*out = "IGO";
		st = DYAD_OK;
	}
	return st;
}
