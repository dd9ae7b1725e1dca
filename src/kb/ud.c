/*
 * ud.c - names, parsing and bit layout of the Universal Dependencies
 * inventory declared in ud.h.
 *
 * The feature table is built from DYAD_UD_FEAT_MAP at compile time: each
 * category's field starts where the previous one ended, and its values are
 * the '|'-separated list of the map. Nothing here allocates.
 */
#include "kb/ud.h"

#include <string.h>

static const char *const upos_names[DYAD_N_UPOS] = {
	[DYAD_UPOS_NONE] = "_",
#define DYAD__UPOS_NAME(name) [DYAD_UPOS_##name] = #name,
	DYAD_UD_UPOS_MAP(DYAD__UPOS_NAME)
#undef DYAD__UPOS_NAME
};

const char *dyad_upos_name(enum dyad_upos upos)
{
	if ((unsigned)upos >= DYAD_N_UPOS)
		return "_";
	return upos_names[upos];
}

static int same(const char *s, size_t len, const char *name)
{
	return strlen(name) == len && memcmp(s, name, len) == 0;
}

enum dyad_upos dyad_upos_parse(const char *s, size_t len)
{
	for (unsigned u = 1; u < DYAD_N_UPOS; u++)
		if (same(s, len, upos_names[u]))
			return (enum dyad_upos)u;
	return DYAD_UPOS_NONE;
}

/* ---- features ---------------------------------------------------------- */

#define DYAD__FEAT_VALUES(name, bits, ...)                                    \
	static const char *const values_##name[] = {__VA_ARGS__};
DYAD_UD_FEAT_MAP(DYAD__FEAT_VALUES)
#undef DYAD__FEAT_VALUES

struct feat_info {
	const char *name;
	unsigned bits;
	unsigned shift;              /* first bit of its field */
	const char *const *values;
	unsigned n_values;
};

/*
 * Each field starts where the one before it ends: AT_x is the first bit of
 * field x, and the PAD_x enumerator moves the count on by the field's width
 * so that the next AT lands after it. BITS_TOTAL is the sum of the widths.
 */
enum {
#define DYAD__FEAT_AT(name, bits, ...)                                        \
	DYAD__FEAT_AT_##name, DYAD__FEAT_PAD_##name = DYAD__FEAT_AT_##name + (bits) - 1,
	DYAD_UD_FEAT_MAP(DYAD__FEAT_AT)
#undef DYAD__FEAT_AT
	DYAD__FEAT_BITS_TOTAL
};
_Static_assert(DYAD__FEAT_BITS_TOTAL <= 64, "the UD feature fields must fit in 64 bits");

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static const struct feat_info feats[DYAD_N_UD_FEATS] = {
#define DYAD__FEAT_INFO(name, bits, ...)                                      \
	{#name, bits, DYAD__FEAT_AT_##name, values_##name, (unsigned)N_OF(values_##name)},
	DYAD_UD_FEAT_MAP(DYAD__FEAT_INFO)
#undef DYAD__FEAT_INFO
};

const char *dyad_ud_feat_name(enum dyad_ud_feat feat)
{
	if ((unsigned)feat >= DYAD_N_UD_FEATS)
		return NULL;
	return feats[feat].name;
}

unsigned dyad_ud_feat_n_values(enum dyad_ud_feat feat)
{
	if ((unsigned)feat >= DYAD_N_UD_FEATS)
		return 0;
	return feats[feat].n_values;
}

const char *dyad_ud_feat_value_name(enum dyad_ud_feat feat, unsigned v)
{
	if ((unsigned)feat >= DYAD_N_UD_FEATS || v == 0 || v > feats[feat].n_values)
		return NULL;
	return feats[feat].values[v - 1];
}

enum dyad_ud_feat dyad_ud_feat_parse(const char *s, size_t len)
{
	for (unsigned f = 0; f < DYAD_N_UD_FEATS; f++)
		if (same(s, len, feats[f].name))
			return (enum dyad_ud_feat)f;
	return DYAD_N_UD_FEATS;
}

unsigned dyad_ud_feat_value_parse(enum dyad_ud_feat feat, const char *s, size_t len)
{
	if ((unsigned)feat >= DYAD_N_UD_FEATS)
		return 0;
	for (unsigned v = 0; v < feats[feat].n_values; v++)
		if (same(s, len, feats[feat].values[v]))
			return v + 1;
	return 0;
}

uint64_t dyad_ud_feat_mask(enum dyad_ud_feat feat)
{
	if ((unsigned)feat >= DYAD_N_UD_FEATS)
		return 0;
	return (((uint64_t)1 << feats[feat].bits) - 1) << feats[feat].shift;
}

unsigned dyad_ud_feat_get(uint64_t bundle, enum dyad_ud_feat feat)
{
	if ((unsigned)feat >= DYAD_N_UD_FEATS)
		return 0;
	return (unsigned)((bundle & dyad_ud_feat_mask(feat)) >> feats[feat].shift);
}

uint64_t dyad_ud_feat_set(uint64_t bundle, enum dyad_ud_feat feat, unsigned v)
{
	if ((unsigned)feat >= DYAD_N_UD_FEATS)
		return bundle;
	uint64_t mask = dyad_ud_feat_mask(feat);
	return (bundle & ~mask) | (((uint64_t)v << feats[feat].shift) & mask);
}

dyad_status dyad_ud_feats_parse(const char *s, size_t len, uint64_t *out,
                                size_t *n_unknown)
{
	*out = 0;
	if (len == 1 && s[0] == '_')
		return DYAD_OK;
	size_t unknown = 0;
	const char *end = s + len;
	while (s < end) {
		const char *bar = memchr(s, '|', (size_t)(end - s));
		const char *pair_end = bar ? bar : end;
		const char *eq = memchr(s, '=', (size_t)(pair_end - s));
		if (!eq || eq == s || eq + 1 == pair_end)
			return DYAD_EFORMAT;
		enum dyad_ud_feat f = dyad_ud_feat_parse(s, (size_t)(eq - s));
		/* Multi-valued features ("Case=Acc,Nom") keep their first value. */
		const char *value = eq + 1;
		const char *comma = memchr(value, ',', (size_t)(pair_end - value));
		size_t value_len = (size_t)((comma ? comma : pair_end) - value);
		unsigned v = f < DYAD_N_UD_FEATS ? dyad_ud_feat_value_parse(f, value, value_len) : 0;
		if (v)
			*out = dyad_ud_feat_set(*out, f, v);
		else
			unknown++;
		s = bar ? bar + 1 : end;
	}
	if (n_unknown)
		*n_unknown += unknown;
	return DYAD_OK;
}

/* Categories in UD's alphabetical order (case-insensitive, as CoNLL-U asks). */
static int feat_order_cmp(const void *a, const void *b)
{
	const char *x = feats[*(const unsigned char *)a].name;
	const char *y = feats[*(const unsigned char *)b].name;
	for (; *x && *y; x++, y++) {
		int cx = (*x >= 'A' && *x <= 'Z') ? *x + 32 : *x;
		int cy = (*y >= 'A' && *y <= 'Z') ? *y + 32 : *y;
		if (cx != cy)
			return cx - cy;
	}
	return (unsigned char)*x - (unsigned char)*y;
}

size_t dyad_ud_feats_format(uint64_t bundle, char *buf, size_t cap)
{
	unsigned char order[DYAD_N_UD_FEATS];
	for (unsigned f = 0; f < DYAD_N_UD_FEATS; f++)
		order[f] = (unsigned char)f;
	/* Tiny and fixed: an insertion sort keeps this free of qsort's state. */
	for (unsigned i = 1; i < DYAD_N_UD_FEATS; i++)
		for (unsigned j = i; j > 0 && feat_order_cmp(&order[j - 1], &order[j]) > 0; j--) {
			unsigned char t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	size_t need = 0;
#define DYAD__EMIT(str, n)                                                    \
	do {                                                                      \
		for (size_t i_ = 0; i_ < (n); i_++, need++)                           \
			if (need + 1 < cap)                                               \
				buf[need] = (str)[i_];                                        \
	} while (0)
	for (unsigned i = 0; i < DYAD_N_UD_FEATS; i++) {
		enum dyad_ud_feat f = (enum dyad_ud_feat)order[i];
		unsigned v = dyad_ud_feat_get(bundle, f);
		if (!v || v > feats[f].n_values)
			continue;
		const char *value = feats[f].values[v - 1];
		size_t value_len = strlen(value);
		if (need)
			DYAD__EMIT("|", 1);
		DYAD__EMIT(feats[f].name, strlen(feats[f].name));
		DYAD__EMIT("=", 1);
		DYAD__EMIT(value, value_len);
	}
	if (!need)
		DYAD__EMIT("_", 1);
#undef DYAD__EMIT
	if (cap)
		buf[need < cap ? need : cap - 1] = '\0';
	return need;
}

/* ---- relations --------------------------------------------------------- */

static const char *const deprel_names[DYAD_N_DEPRELS] = {
	[DYAD_DEPREL_NONE] = "_",
#define DYAD__DEPREL_NAME(name, label) [DYAD_DEPREL_##name] = label,
	DYAD_UD_DEPREL_MAP(DYAD__DEPREL_NAME)
#undef DYAD__DEPREL_NAME
};

const char *dyad_deprel_name(enum dyad_deprel rel)
{
	if ((unsigned)rel >= DYAD_N_DEPRELS)
		return "_";
	return deprel_names[rel];
}

static enum dyad_deprel deprel_exact(const char *s, size_t len)
{
	for (unsigned r = 1; r < DYAD_N_DEPRELS; r++)
		if (same(s, len, deprel_names[r]))
			return (enum dyad_deprel)r;
	return DYAD_DEPREL_NONE;
}

enum dyad_deprel dyad_deprel_parse(const char *s, size_t len)
{
	enum dyad_deprel rel = deprel_exact(s, len);
	if (rel != DYAD_DEPREL_NONE)
		return rel;
	const char *colon = memchr(s, ':', len);
	return colon ? deprel_exact(s, (size_t)(colon - s)) : DYAD_DEPREL_NONE;
}

enum dyad_deprel dyad_deprel_universal(enum dyad_deprel rel)
{
	const char *name = dyad_deprel_name(rel);
	const char *colon = strchr(name, ':');
	return colon ? deprel_exact(name, (size_t)(colon - name)) : rel;
}
