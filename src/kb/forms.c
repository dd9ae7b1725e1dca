/*
 * forms.c - the engine's memo of word forms (see forms.h): a fixed table of
 * records filled in order, found through open addressing over 32-bit slots
 * (a hash tag and the record index) that readers load without a lock.
 */
#include "kb/forms.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#include "core/alloc.h"
#include "core/hash.h"
#include "core/token.h"
#include "core/utf8.h"
#include "kb/amounts.h"
#include "kb/engine.h"
#include "kb/gazetteer.h"
#include "kb/lang.h"
#include "kb/morph.h"
#include "kb/stem.h"
#include "kb/verbs.h"

/* Twice as many slots as records: probes stay short and never wrap. A slot
 * holds a tag of the key's hash above the record index + 1. */
#define FORMS_SLOTS (2 * (size_t)DYAD_FORMS_CAP)
#define INDEX_BITS 17 /* DYAD_FORMS_CAP + 1 values */
#define INDEX_MASK ((1u << INDEX_BITS) - 1)
#define KIND_BITS (DYAD_TOK_WORD | DYAD_TOK_NUMBER)

_Static_assert(DYAD_FORMS_CAP < (1u << INDEX_BITS), "record indexes fit the slots");

struct dyad__forms {
	pthread_mutex_t lock;       /* held to publish a record or a skeleton */
	_Atomic uint32_t *slots;    /* tag << INDEX_BITS | record index + 1; 0 = empty */
	struct dyad__form *records; /* DYAD_FORMS_CAP of them, heap */
	size_t n;                   /* records published (written under the lock) */
	struct dyad_arena arena;    /* their strings (under the lock) */
};

dyad_status dyad__forms_new(struct dyad__forms **out)
{
	struct dyad__forms *f = dyad__calloc(1, sizeof *f);
	*out = NULL;
	if (!f)
		return DYAD_ENOMEM;
	/* calloc: the pages are touched only as records are filled */
	f->slots = dyad__calloc(FORMS_SLOTS, sizeof *f->slots);
	f->records = dyad__calloc(DYAD_FORMS_CAP, sizeof *f->records);
	dyad_arena_init(&f->arena, 0);
	if (!f->slots || !f->records || pthread_mutex_init(&f->lock, NULL) != 0) {
		dyad__free(f->slots);
		dyad__free(f->records);
		dyad__free(f);
		return DYAD_ENOMEM;
	}
	*out = f;
	return DYAD_OK;
}

void dyad__forms_free(struct dyad__forms *f)
{
	if (!f)
		return;
	pthread_mutex_destroy(&f->lock);
	dyad_arena_release(&f->arena);
	dyad__free(f->slots);
	dyad__free(f->records);
	dyad__free(f);
}

size_t dyad__forms_count(const dyad_engine *engine)
{
	struct dyad__forms *f = engine->forms;
	pthread_mutex_lock(&f->lock);
	size_t n = f->n;
	pthread_mutex_unlock(&f->lock);
	return n;
}

/* A 64-bit hash of the key (the tag and the slot come from its two halves):
 * the text's hash, with the language and kind mixed in so that the same
 * spelling in two languages or kinds lands elsewhere. */
static uint64_t key_hash(unsigned lang, unsigned kind, const char *s, size_t n)
{
	const uint64_t m = 0x9E3779B97F4A7C15ull;
	uint64_t h = (dyad_hash_bytes(s, n) ^ ((uint64_t)lang << 8 | kind)) * m;
	return h ^ (h >> 29);
}

/* The published record of the key, or NULL with *slot the empty slot where
 * it would go. */
static const struct dyad__form *find(const struct dyad__forms *f, uint64_t h,
                                     unsigned lang, unsigned kind,
                                     const char *text, size_t len, size_t *slot)
{
	const size_t mask = FORMS_SLOTS - 1;
	const uint32_t tag = (uint32_t)(h >> 32) & ~INDEX_MASK;
	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
		uint32_t s = atomic_load_explicit(&f->slots[i], memory_order_acquire);
		if (!s) {
			*slot = i;
			return NULL;
		}
		if ((s & ~INDEX_MASK) != tag)
			continue;
		const struct dyad__form *r = &f->records[(s & INDEX_MASK) - 1];
		if (r->text_len == len && r->lang == lang && r->kind == kind &&
		    memcmp(r->text, text, len) == 0)
			return r;
	}
}

/* A copy of (s, n) in the arena, or s itself when it may stay (the same
 * bytes as `same`). */
static const char *keep(struct dyad_arena *arena, const char *s, size_t n,
                        const char *same, size_t same_len)
{
	if (same && same_len == n && memcmp(same, s, n) == 0)
		return same;
	return dyad_arena_strndup(arena, s, n);
}

/* text, lower and stem (words are stemmed in their language; a word of no
 * language, in the default one, as the tokenizer always did). */
static dyad_status fill_strings(const dyad_engine *engine, struct dyad__form *r,
                                const struct dyad__lang *lang, const char *text,
                                size_t len, int copy_text, struct dyad_arena *arena)
{
	char lower[DYAD_MAX_WORD_BYTES], stem[DYAD_MAX_WORD_BYTES];
	size_t ln = dyad_utf8_lower(text, len, lower, sizeof lower);
	size_t sn = ln;
	if ((r->kind & DYAD_TOK_WORD) && !(r->kind & DYAD_TOK_NUMBER))
		sn = dyad__stem(engine, lang, lower, ln, stem, sizeof stem);
	else
		memcpy(stem, lower, ln + 1);
	r->text = copy_text ? dyad_arena_strndup(arena, text, len) : text;
	r->text_len = (uint32_t)len;
	r->lower = r->text ? keep(arena, lower, ln, r->text, len) : NULL;
	r->stem = r->lower ? keep(arena, stem, sn, r->lower, ln) : NULL;
	r->lower_len = (uint16_t)ln;
	r->stem_len = (uint16_t)sn;
	return r->stem ? DYAD_OK : DYAD_ENOMEM;
}

/*
 * The stem of the word's lemma in the language's dictionary, when the
 * dictionary knows it as a common noun or adjective (a name's lemma is a
 * guess between a man's and a woman's) and the lemma stems otherwise than
 * the form: Snowball leaves "посла" at "посл", the
 * dictionary reads it as посол, which matches the phrase "посол".
 */
static dyad_status fill_lemma(const dyad_engine *engine, struct dyad__form *r,
                              const struct dyad__lang *lang, struct dyad_arena *arena)
{
	const struct dyad__morph *morph = dyad__lang_dictionary(lang);
	if (!morph || !(r->kind & DYAD_TOK_WORD) || (r->kind & DYAD_TOK_NUMBER))
		return DYAD_OK;
	struct dyad__morph_analysis an;
	char lemma[DYAD_MAX_WORD_BYTES], lower[DYAD_MAX_WORD_BYTES], stem[DYAD_MAX_WORD_BYTES];
	if (!dyad__morph_analyse(morph, r->lower, r->lower_len, &an, 1, lemma, sizeof lemma) ||
	    !(an.flags & DYAD_MORPH_KNOWN) ||
	    (an.upos != DYAD_UPOS_NOUN && an.upos != DYAD_UPOS_ADJ))
		return DYAD_OK;
	size_t ln = dyad_utf8_lower(lemma + an.lemma_start, an.lemma_len, lower, sizeof lower);
	size_t sn = dyad__stem(engine, lang, lower, ln, stem, sizeof stem);
	if (sn == r->stem_len && memcmp(stem, r->stem, sn) == 0)
		return DYAD_OK;
	r->lemma_stem = dyad_arena_strndup(arena, stem, sn);
	r->lemma_stem_len = (uint16_t)sn;
	return r->lemma_stem ? DYAD_OK : DYAD_ENOMEM;
}

_Static_assert(MOD_N_KINDS <= 32, "the modifier kinds fit a form's mask");

/* What the language's lists say of the word. */
static void fill_language(struct dyad__form *r, const struct dyad__lang *lang)
{
	for (int k = 0; k < MOD_N_KINDS; k++)
		if (dyad__lang_is(lang, (enum dyad__modifier)k, r->lower, r->lower_len))
			r->modifiers |= 1u << k;
	for (int k = 0; k < END_N_KINDS; k++)
		if (dyad__lang_ends(lang, (enum dyad__ending)k, r->lower, r->lower_len))
			r->endings |= (uint8_t)(1u << k);
	if (dyad__lang_cue(lang, r->lower, r->lower_len))
		r->classes |= FORM_CUE;
	size_t lens[DYAD_MAX_NAME_KEYS];
	r->n_name_keys = (uint8_t)dyad__name_key_lens(lang, r->lower, r->lower_len, lens);
	for (size_t v = 0; v < r->n_name_keys; v++)
		r->name_key_len[v] = (uint8_t)lens[v];
}

/* What the gazetteer, the verb patterns and the amount words say of it. */
static void fill_lexicons(const dyad_engine *engine, struct dyad__form *r)
{
	const struct dyad__gazetteer *gaz = engine->gaz;
	uint32_t v;
	if (dyad_hash_get(&gaz->stopwords, r->lower, r->lower_len, NULL))
		r->classes |= FORM_STOPWORD;
	if (dyad__gaz_surname_shape(gaz, r->lower, r->lower_len))
		r->classes |= FORM_SURNAME_SHAPE;
	if (dyad__gaz_patronymic_shape(gaz, r->lower, r->lower_len))
		r->classes |= FORM_PATRONYMIC;
	if (dyad_hash_get(&gaz->keys, r->stem, r->stem_len, &v)) {
		r->classes |= FORM_GAZ_STEM;
		r->gaz_stem = v;
	}
	if (r->lemma_stem && dyad_hash_get(&gaz->keys, r->lemma_stem, r->lemma_stem_len, &v)) {
		r->classes |= FORM_GAZ_LEMMA;
		r->gaz_lemma = v;
	}
	for (size_t k = 0; k < r->n_name_keys; k++) {
		if (dyad_hash_get(&gaz->keys, r->lower, r->name_key_len[k], &v)) {
			r->gaz_names |= (uint8_t)(1u << k);
			r->gaz_name[k] = v;
		}
		if (dyad__gaz_people_by_surname(gaz, r->lower, r->name_key_len[k]))
			r->surnames |= (uint8_t)(1u << k);
	}
	r->verbs_stem = dyad__verbs_by_stem(engine->verbs, r->stem, r->stem_len);
	r->verbs_exact = dyad__verbs_by_exact(engine->verbs, r->lower, r->lower_len);
	if (dyad__verbs_written_anchor(engine->verbs, r->lower, r->lower_len, r->stem,
	                               r->stem_len))
		r->classes |= FORM_VERB_ANCHOR;
	const struct dyad__amount_lexicon *am = engine->amounts;
	if (dyad_hash_get(&am->numbers, r->lower, r->lower_len, &v))
		r->number = v + 1;
	if (dyad_hash_get(&am->units, r->stem, r->stem_len, &v))
		r->unit = v;
}

static dyad_status fill(const dyad_engine *engine, struct dyad__form *r,
                        const struct dyad__lang *lang, unsigned kind,
                        const char *text, size_t len, int copy_text,
                        struct dyad_arena *arena)
{
	memset(r, 0, sizeof *r);
	r->lang = lang ? (uint8_t)(lang->index + 1) : 0;
	r->kind = (uint8_t)kind;
	dyad_status st = fill_strings(engine, r, lang, text, len, copy_text, arena);
	if (st == DYAD_OK)
		st = fill_lemma(engine, r, lang, arena);
	if (st != DYAD_OK)
		return st;
	fill_language(r, lang);
	fill_lexicons(engine, r);
	return DYAD_OK;
}

/* The memo's record of the key, added when missing and there is room;
 * NULL when the memo cannot hold it. */
static const struct dyad__form *memo_form(const dyad_engine *engine,
                                          const struct dyad__lang *lang,
                                          unsigned kind, const char *text, size_t len)
{
	struct dyad__forms *f = engine->forms;
	unsigned lang_id = lang ? lang->index + 1 : 0;
	size_t slot;
	if (!f || len >= DYAD_MAX_WORD_BYTES)
		return NULL;
	uint64_t h = key_hash(lang_id, kind, text, len);
	const struct dyad__form *r = find(f, h, lang_id, kind, text, len, &slot);
	if (r)
		return r;
	pthread_mutex_lock(&f->lock);
	r = find(f, h, lang_id, kind, text, len, &slot); /* another thread's */
	if (!r && f->n < DYAD_FORMS_CAP &&
	    fill(engine, &f->records[f->n], lang, kind, text, len, 1, &f->arena) == DYAD_OK) {
		r = &f->records[f->n++];
		atomic_store_explicit(&f->slots[slot],
		                      ((uint32_t)(h >> 32) & ~INDEX_MASK) | (uint32_t)f->n,
		                      memory_order_release);
	}
	pthread_mutex_unlock(&f->lock);
	return r;
}

const struct dyad__form *dyad__form_of(const dyad_engine *engine,
                                       const struct dyad__lang *lang,
                                       uint32_t tok_flags, const char *text,
                                       size_t len, struct dyad_arena *spill)
{
	unsigned kind = tok_flags & KIND_BITS;
	const struct dyad__form *m = memo_form(engine, lang, kind, text, len);
	if (m)
		return m;
	/* not in the memo: a record of the document's own, over its text */
	struct dyad__form *r = dyad_arena_alloc(spill, sizeof *r);
	if (!r || fill(engine, r, lang, kind, text, len, 0, spill) != DYAD_OK)
		return NULL;
	return r;
}

const struct dyad__form *dyad__forms_records(const dyad_engine *engine)
{
	return engine->forms ? engine->forms->records : NULL;
}

uint32_t dyad__form_id(const dyad_engine *engine, const struct dyad__lang *lang,
                       uint32_t tok_flags, const char *text, size_t len,
                       struct dyad__form_list *own, struct dyad_arena *arena)
{
	unsigned kind = tok_flags & KIND_BITS;
	const struct dyad__form *m = memo_form(engine, lang, kind, text, len);
	if (m)
		return (uint32_t)(m - engine->forms->records);
	if (own->n == own->cap) {
		size_t cap = own->cap ? own->cap * 2 : 16;
		struct dyad__form *items = dyad_arena_resize(arena, own->items, own->n, cap,
		                                             sizeof *items);
		if (!items)
			return DYAD_FORM_NONE;
		own->items = items;
		own->cap = cap;
	}
	if (fill(engine, &own->items[own->n], lang, kind, text, len, 0, arena) != DYAD_OK)
		return DYAD_FORM_NONE;
	return (uint32_t)(DYAD_FORMS_CAP + own->n++);
}

const char *dyad__form_skeleton(const dyad_engine *engine, const struct dyad__form *form,
                                size_t *len, struct dyad_arena *spill)
{
	struct dyad__form *r = (struct dyad__form *)form; /* only the skeleton changes */
	const char *s = atomic_load_explicit(&r->skeleton, memory_order_acquire);
	if (s) {
		*len = r->skeleton_len;
		return s;
	}
	char buf[DYAD_MAX_WORD_BYTES];
	size_t n = dyad__name_skeleton(engine, r->text, r->text_len, buf, sizeof buf);
	struct dyad__forms *f = engine->forms;
	uintptr_t at = (uintptr_t)r, base = f ? (uintptr_t)f->records : 0;
	int shared = f && at >= base && at < base + DYAD_FORMS_CAP * sizeof *r;
	if (shared)
		pthread_mutex_lock(&f->lock);
	s = atomic_load_explicit(&r->skeleton, memory_order_relaxed);
	if (!s) {
		s = dyad_arena_strndup(shared ? &f->arena : spill, buf, n);
		if (s) {
			r->skeleton_len = (uint8_t)n;
			atomic_store_explicit(&r->skeleton, s, memory_order_release);
		}
	}
	if (shared)
		pthread_mutex_unlock(&f->lock);
	*len = s ? r->skeleton_len : 0;
	return s;
}
