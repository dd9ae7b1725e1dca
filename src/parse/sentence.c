/*
 * sentence.c - the working state of one sentence (see sentence.h).
 */
#include "parse/sentence.h"

#include <string.h>

#include "core/alloc.h"

void dyad__sent_init(struct dyad__sent *s)
{
	memset(s, 0, sizeof *s);
	dyad_buf_init(&s->text, 0);
}

void dyad__sent_release(struct dyad__sent *s)
{
	dyad__free(s->w);
	dyad__free(s->cands);
	dyad_buf_release(&s->text);
	dyad__sent_init(s);
}

static dyad_status reserve_words(struct dyad__sent *s, size_t n)
{
	if (n <= s->cap)
		return DYAD_OK;
	size_t cap = s->cap ? s->cap : 64;
	while (cap < n)
		cap *= 2;
	struct dyad__sword *w = dyad__realloc(s->w, cap * sizeof *w);
	if (!w)
		return DYAD_ENOMEM;
	s->w = w;
	s->cap = cap;
	return DYAD_OK;
}

dyad_status dyad__sent_put(struct dyad__sent *s, const char *p, size_t len, uint32_t *off)
{
	*off = (uint32_t)s->text.len;
	return dyad_buf_append(&s->text, p, len);
}

struct dyad__cand *dyad__sent_cand(struct dyad__sent *s)
{
	if (s->n_cands == s->cap_cands) {
		size_t cap = s->cap_cands ? s->cap_cands * 2 : 256;
		struct dyad__cand *c = dyad__realloc(s->cands, cap * sizeof *c);
		if (!c)
			return NULL;
		s->cands = c;
		s->cap_cands = cap;
	}
	struct dyad__cand *c = &s->cands[s->n_cands++];
	memset(c, 0, sizeof *c);
	return c;
}

dyad_status dyad__sent_start(struct dyad__sent *s, const char *const *forms,
                             const uint32_t *lens, size_t n)
{
	if (reserve_words(s, n) != DYAD_OK)
		return DYAD_ENOMEM;
	dyad_buf_reset(&s->text);
	s->text.error = DYAD_OK;
	s->n = n;
	s->n_cands = 0;
	s->style = 0;
	char lower[DYAD_WORD_MAX_BYTES];
	for (size_t i = 0; i < n; i++) {
		struct dyad__sword *w = &s->w[i];
		memset(w, 0, sizeof *w);
		w->chosen = UINT32_MAX;
		w->form = forms[i];
		w->form_len = lens[i];
		w->lower_len = (uint32_t)dyad__word_keys(forms[i], lens[i], &w->k, lower);
		if (dyad__sent_put(s, lower, w->lower_len, &w->lower_off) != DYAD_OK)
			return DYAD_ENOMEM;
	}
	return DYAD_OK;
}
