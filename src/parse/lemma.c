/*
 * lemma.c - the lemma lexicon and suffix rules (see lemma.h).
 *
 * Training only votes: every word votes for its lemma under two keys (its
 * exact form and its lower-case spelling, each with its tag) and for its
 * rule under the keys of its final 0..DYAD_LEMMA_SUFFIX_MAX characters.
 * Freezing keeps the winner of each key. A rule's case mode is LOWER when
 * the lemma is the lower-cased form rewritten (this also covers forms
 * without capitals, so "Running" at a sentence start still gives "run"),
 * else AS_FORM when it is the form itself rewritten ("Johns" -> "John").
 */
#include "parse/lemma.h"

#include <string.h>

#include "core/alloc.h"
#include "core/utf8.h"
#include "parse/features.h"

enum { KEY_FORM = 0x1f01, KEY_LOWER = 0x1f02, KEY_RULE = 0x1f03 };
enum { MODE_LOWER = 1, MODE_AS_FORM = 2 };

/* Value of a rule vote: strip << 40 | mode << 32 | offset of the appended text. */
#define RULE_VALUE(strip, mode, off) \
	(((uint64_t)(strip) << 40) | ((uint64_t)(mode) << 32) | (uint64_t)(off))

dyad_status dyad__lemma_build_init(struct dyad__lemma_build *b)
{
	memset(b, 0, sizeof *b);
	dyad_buf_init(&b->strings, 0);
	dyad__kbuild_init(&b->interned);
	/* offset 0 is the empty string, so that no text has offset 0 by chance */
	return dyad_buf_putc(&b->strings, '\0');
}

void dyad__lemma_build_release(struct dyad__lemma_build *b)
{
	dyad__free(b->votes);
	dyad_buf_release(&b->strings);
	dyad__kbuild_release(&b->interned);
	memset(b, 0, sizeof *b);
}

static dyad_status intern(struct dyad__lemma_build *b, const char *s, size_t len, uint32_t *off)
{
	if (len == 0) {
		*off = 0;
		return DYAD_OK;
	}
	uint64_t key = dyad__nonzero(dyad__hash_str(s, len));
	uint32_t *known = dyad__kbuild_get(&b->interned, key);
	if (known) {
		*off = *known;
		return DYAD_OK;
	}
	*off = (uint32_t)b->strings.len;
	unsigned char n = (unsigned char)len;
	dyad_buf_append(&b->strings, &n, 1);
	if (dyad_buf_append(&b->strings, s, len) != DYAD_OK)
		return DYAD_ENOMEM;
	return dyad__kbuild_put(&b->interned, key, *off);
}

static dyad_status vote(struct dyad__lemma_build *b, uint64_t key, uint64_t value)
{
	if (b->n == b->alloc) {
		size_t alloc = b->alloc ? b->alloc * 2 : 1u << 14;
		struct dyad__vote *v = dyad__realloc(b->votes, alloc * sizeof *v);
		if (!v)
			return DYAD_ENOMEM;
		b->votes = v;
		b->alloc = alloc;
	}
	b->votes[b->n++] = (struct dyad__vote){key, value, 0};
	return DYAD_OK;
}

/* Byte offset of the start of the last k code points of (s, len). */
static size_t cut_chars(const char *s, size_t len, size_t k)
{
	size_t i = len;
	while (k > 0 && i > 0) {
		i--;
		while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
			i--;
		k--;
	}
	return i;
}

static size_t n_chars(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/* Key of the rule for the last k characters of lower with tag. */
static uint64_t rule_key(const char *lower, size_t lower_len, size_t k, uint32_t tag)
{
	size_t at = cut_chars(lower, lower_len, k);
	return dyad__fkey3(KEY_RULE, dyad__hash_str(lower + at, lower_len - at), k, tag);
}

/* The rule turning the form into the lemma, 0 when none fits. */
static dyad_status derive_rule(struct dyad__lemma_build *b, const char *form, size_t form_len,
                               const char *lower, size_t lower_len, const char *lemma,
                               size_t lemma_len, uint64_t *rule)
{
	char ll[DYAD_WORD_MAX_BYTES];
	size_t ll_len = dyad_utf8_lower(lemma, lemma_len, ll, sizeof ll);
	size_t p = 0, i = 0;
	while (i < lower_len && i < ll_len && lower[i] == ll[i]) {
		i++;
		if (i == lower_len || ((unsigned char)lower[i] & 0xC0) != 0x80)
			p = i; /* a code point boundary shared by both */
	}
	size_t strip = n_chars(lower + p, lower_len - p);
	*rule = 0;
	if (strip > UINT16_MAX)
		return DYAD_OK;
	int mode = 0;
	size_t cut;
	if (lemma_len >= (cut = cut_chars(lower, lower_len, strip)) && memcmp(lemma, lower, cut) == 0)
		mode = MODE_LOWER;
	else if (lemma_len >= (cut = cut_chars(form, form_len, strip)) && memcmp(lemma, form, cut) == 0)
		mode = MODE_AS_FORM;
	if (!mode || lemma_len - cut > DYAD_LEMMA_MAX_BYTES)
		return DYAD_OK;
	uint32_t off;
	if (intern(b, lemma + cut, lemma_len - cut, &off) != DYAD_OK)
		return DYAD_ENOMEM;
	*rule = RULE_VALUE(strip, mode, off);
	return DYAD_OK;
}

dyad_status dyad__lemma_build_add(struct dyad__lemma_build *b, const char *form, size_t form_len,
                                  const char *lower, size_t lower_len, uint32_t tag,
                                  const char *lemma, size_t lemma_len)
{
	if (lemma_len == 0 || lemma_len > DYAD_LEMMA_MAX_BYTES || form_len >= DYAD_WORD_MAX_BYTES)
		return DYAD_OK;
	uint32_t off;
	if (intern(b, lemma, lemma_len, &off) != DYAD_OK ||
	    vote(b, dyad__fkey2(KEY_FORM, dyad__hash_str(form, form_len), tag), off) != DYAD_OK ||
	    vote(b, dyad__fkey2(KEY_LOWER, dyad__hash_str(lower, lower_len), tag), off) != DYAD_OK)
		return DYAD_ENOMEM;
	uint64_t rule;
	if (derive_rule(b, form, form_len, lower, lower_len, lemma, lemma_len, &rule) != DYAD_OK)
		return DYAD_ENOMEM;
	if (!rule)
		return DYAD_OK;
	size_t chars = n_chars(lower, lower_len);
	for (size_t k = 0; k <= DYAD_LEMMA_SUFFIX_MAX && k <= chars; k++)
		if (vote(b, rule_key(lower, lower_len, k, tag), rule) != DYAD_OK)
			return DYAD_ENOMEM;
	return DYAD_OK;
}

struct freeze_ctx {
	struct dyad__kbuild index, rule_ids;
	struct dyad_buf *rules;
	uint32_t n_rules, min_rule_count;
	const struct dyad_buf *strings;
};

/* The winner of a key: a lexicon lemma (a string offset) or a rule (its
 * value has a mode in bits 32..39), kept when seen min_rule_count times. */
static dyad_status freeze_winner(void *ctx, const struct dyad__vote *v, uint32_t count,
                                 uint32_t total)
{
	struct freeze_ctx *f = ctx;
	(void)count;
	unsigned mode = (unsigned)((v->value >> 32) & 0xff);
	if (!mode)
		return dyad__kbuild_put(&f->index, v->key, (uint32_t)v->value);
	if (total < f->min_rule_count)
		return DYAD_OK;
	uint64_t rkey = dyad__nonzero(dyad__mix(v->value));
	uint32_t *id = dyad__kbuild_get(&f->rule_ids, rkey);
	uint32_t rule = id ? *id : f->n_rules;
	if (!id) {
		uint32_t off = (uint32_t)(v->value & 0xffffffffu);
		struct dyad__lemma_rule r = {(uint16_t)(v->value >> 40), (uint8_t)mode,
		                             off ? (uint8_t)f->strings->data[off] : 0, off + (off != 0)};
		if (dyad__kbuild_put(&f->rule_ids, rkey, f->n_rules++) != DYAD_OK ||
		    dyad_buf_append(f->rules, &r, sizeof r) != DYAD_OK)
			return DYAD_ENOMEM;
	}
	return dyad__kbuild_put(&f->index, v->key, rule);
}

dyad_status dyad__lemma_build_freeze(struct dyad__lemma_build *b, uint32_t min_rule_count,
                                     struct dyad_buf *index, struct dyad_buf *rules,
                                     struct dyad_buf *strings)
{
	struct freeze_ctx f = {.rules = rules, .min_rule_count = min_rule_count,
	                       .strings = &b->strings};
	dyad__kbuild_init(&f.index);
	dyad__kbuild_init(&f.rule_ids);
	dyad_status st = dyad__vote_count(b->votes, b->n, freeze_winner, &f);
	if (st == DYAD_OK)
		st = dyad__kbuild_freeze(&f.index, index);
	if (st == DYAD_OK)
		st = dyad_buf_append(strings, b->strings.data, b->strings.len);
	dyad__kbuild_release(&f.index);
	dyad__kbuild_release(&f.rule_ids);
	return st;
}

dyad_status dyad__lemmatiser_open(const void *index, size_t index_len, const void *rules,
                                  size_t rules_len, const void *strings, size_t strings_len,
                                  struct dyad__lemmatiser *l)
{
	memset(l, 0, sizeof *l);
	if (rules_len % sizeof(struct dyad__lemma_rule) || ((uintptr_t)rules & 3))
		return DYAD_EDATA;
	dyad_status st = dyad__ktable_open(index, index_len, &l->index);
	if (st != DYAD_OK)
		return st;
	l->rules = rules;
	l->n_rules = (uint32_t)(rules_len / sizeof(struct dyad__lemma_rule));
	l->strings = strings;
	l->strings_len = strings_len;
	for (uint32_t i = 0; i < l->n_rules; i++)
		if (l->rules[i].append_off + (size_t)l->rules[i].append_len > strings_len ||
		    (l->rules[i].mode != MODE_LOWER && l->rules[i].mode != MODE_AS_FORM))
			return DYAD_EDATA;
	/* lexicon values are string offsets: each must hold its length byte and text */
	for (uint64_t i = 0; l->index.slots && i <= l->index.mask; i++) {
		uint32_t v = l->index.slots[i].value;
		if (l->index.slots[i].key && v >= strings_len && v >= l->n_rules)
			return DYAD_EDATA;
	}
	return DYAD_OK;
}

static size_t copy_out(const char *s, size_t len, char *out, size_t cap)
{
	size_t n = len < cap ? len : cap;
	memcpy(out, s, n);
	return n;
}

/* The lexicon's lemma at string offset off. */
static size_t lexicon_lemma(const struct dyad__lemmatiser *l, uint32_t off, char *out, size_t cap)
{
	if (off == 0 || off >= l->strings_len)
		return 0;
	size_t len = l->strings[off];
	if (off + 1 + len > l->strings_len)
		return 0;
	return copy_out((const char *)l->strings + off + 1, len, out, cap);
}

static size_t apply_rule(const struct dyad__lemmatiser *l, const struct dyad__lemma_rule *r,
                         const char *form, size_t form_len, const char *lower,
                         size_t lower_len, char *out, size_t cap)
{
	const char *base = r->mode == MODE_LOWER ? lower : form;
	size_t base_len = r->mode == MODE_LOWER ? lower_len : form_len;
	size_t cut = cut_chars(base, base_len, r->strip);
	size_t n = copy_out(base, cut, out, cap);
	return n + copy_out((const char *)l->strings + r->append_off, r->append_len, out + n, cap - n);
}

size_t dyad__lemmatise(const struct dyad__lemmatiser *l, const char *form, size_t form_len,
                       const char *lower, size_t lower_len, uint32_t tag, int use_rules,
                       char *out, size_t cap, enum dyad__lemma_source *source)
{
	uint32_t v;
	size_t n;
	*source = DYAD_LEMMA_LEXICON;
	if ((dyad__ktable_get(&l->index, dyad__fkey2(KEY_FORM, dyad__hash_str(form, form_len), tag), &v) ||
	     dyad__ktable_get(&l->index, dyad__fkey2(KEY_LOWER, dyad__hash_str(lower, lower_len), tag), &v)) &&
	    (n = lexicon_lemma(l, v, out, cap)) > 0)
		return n;
	*source = DYAD_LEMMA_NONE;
	if (!use_rules)
		return 0;
	size_t chars = n_chars(lower, lower_len);
	for (size_t k = chars < DYAD_LEMMA_SUFFIX_MAX ? chars : DYAD_LEMMA_SUFFIX_MAX;; k--) {
		if (dyad__ktable_get(&l->index, rule_key(lower, lower_len, k, tag), &v) &&
		    v < l->n_rules && l->rules[v].strip <= chars) {
			*source = DYAD_LEMMA_RULE;
			return apply_rule(l, &l->rules[v], form, form_len, lower, lower_len, out, cap);
		}
		if (k == 0)
			break;
	}
	return copy_out(form, form_len, out, cap);
}
