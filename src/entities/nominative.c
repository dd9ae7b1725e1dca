/*
 * nominative.c - a person's name in the nominative, from the dictionary of
 * forms of its language (kb/morph.h: OpenCorpora for Russian), so that
 * "депутата Госдумы Шамсаила Саралиева" names Шамсаил Саралиев and not
 * "Shamsaila Saralieva".
 *
 * Each word of the name is looked up; its analyses as a given name, a
 * surname or a patronymic in the singular (OpenCorpora's Name, Surn, Patr;
 * the dictionary predicts them for names it lacks) say in which case and
 * gender it can be.
 * The words of one name agree, so the case and gender that the most words
 * can share (the nominative when it is one of those, else the likeliest) is
 * the name's, and each word is replaced by its lemma in that reading ("Ивана" ->
 * "Иван"; a woman's "Саралиевой" -> "Саралиева", since a surname's lemma
 * keeps its gender). A word with no such reading stays as written, and so
 * does the whole name in a language without a dictionary.
 */
#include <stdint.h>
#include <string.h>

#include "core/buf.h"
#include "entities/entities.h"
#include "kb/engine.h"
#include "kb/lang.h"
#include "kb/morph.h"
#include "kb/ud.h"
#include "text/words.h"

#define NAME_MAX_WORDS 8     /* word tokens of a name looked up */
#define READINGS_PER_WORD 16 /* name readings kept per word */
#define WORD_LEMMAS 512      /* bytes of the lemmas kept per word */
#define CASES 16             /* Case values + 1 (kb/ud.h: 4 bits) */
#define GENDERS 4            /* Gender values + 1 (2 bits) */

struct reading {
	unsigned char gcase, gender; /* 0 = not marked: agrees with any */
	float score;
	uint16_t lemma_start, lemma_len; /* in the word's lemmas */
};

struct word {
	size_t tok;
	struct reading r[READINGS_PER_WORD];
	size_t n;
	char lemmas[WORD_LEMMAS];
};

/* The name readings of one form into wd (kept when they fit). */
static void read_word(const struct dyad__morph *morph, const char *form, size_t len,
                      struct word *wd)
{
	struct dyad__morph_analysis an[DYAD_MORPH_MAX_ANALYSES];
	char lemma_buf[4096];
	size_t n = dyad__morph_analyse(morph, form, len, an, DYAD_MORPH_MAX_ANALYSES, lemma_buf,
	                               sizeof lemma_buf);
	size_t used = 0;
	wd->n = 0;
	for (size_t i = 0; i < n && wd->n < READINGS_PER_WORD; i++) {
		unsigned type = dyad_ud_feat_get(an[i].feats, DYAD_FEAT_NameType);
		const char *t = type ? dyad_ud_feat_value_name(DYAD_FEAT_NameType, type) : NULL;
		/* a proper noun guessed without a name type ("Бахтиёра") counts too */
		if (an[i].upos != DYAD_UPOS_PROPN ||
		    (t && strcmp(t, "Giv") != 0 && strcmp(t, "Sur") != 0 && strcmp(t, "Pat") != 0))
			continue;
		/* one person: "Сейтказиев" is no genitive plural of "Сейтказий" */
		unsigned number = dyad_ud_feat_get(an[i].feats, DYAD_FEAT_Number);
		if (number && strcmp(dyad_ud_feat_value_name(DYAD_FEAT_Number, number), "Sing") != 0)
			continue;
		if (used + an[i].lemma_len > WORD_LEMMAS)
			break;
		struct reading *r = &wd->r[wd->n++];
		r->gcase = (unsigned char)dyad_ud_feat_get(an[i].feats, DYAD_FEAT_Case);
		r->gender = (unsigned char)dyad_ud_feat_get(an[i].feats, DYAD_FEAT_Gender);
		r->score = an[i].score;
		r->lemma_start = (uint16_t)used;
		r->lemma_len = (uint16_t)an[i].lemma_len;
		memcpy(wd->lemmas + used, lemma_buf + an[i].lemma_start, an[i].lemma_len);
		used += an[i].lemma_len;
	}
}

/* The word's best reading in (gcase, gender), or NULL. */
static const struct reading *reading_in(const struct word *wd, unsigned gcase, unsigned gender)
{
	const struct reading *best = NULL;
	for (size_t i = 0; i < wd->n; i++) {
		const struct reading *r = &wd->r[i];
		if ((r->gcase && r->gcase != gcase) || (r->gender && gender && r->gender != gender))
			continue;
		if (!best || r->score > best->score)
			best = r;
	}
	return best;
}

/*
 * The cases the name's title can be in (bit c for Case value c), 0 when it
 * has none: a title and the name it goes with agree ("депутата Госдумы
 * Шамсаила Саралиева", "Дилноза Юсупова, советник министра"). The title is
 * the one before the name (lead_tok) or a title right after "Name,".
 */
static unsigned title_cases(const struct dyad__work *w, const struct dyad__mention *m,
                            const struct dyad__morph *morph)
{
	size_t k = SIZE_MAX;
	if (m->lead_tok >= 0)
		k = (size_t)m->lead_tok;
	else if (m->tok_end + 1 < w->n_tokens && dyad__tok_is_char(w, m->tok_end, ',')) {
		const struct dyad__mention *t = dyad__mention_at((struct dyad__work *)w, m->tok_end + 1);
		if (t && t->kind == DYAD_MENTION_ROLE)
			k = t->tok_start;
	}
	if (k == SIZE_MAX || !(w->tokens[k].flags & DYAD_TOK_WORD))
		return 0;
	struct dyad__morph_analysis an[DYAD_MORPH_MAX_ANALYSES];
	char lemma_buf[2048];
	const struct dyad__token *t = &w->tokens[k];
	size_t n = dyad__morph_analyse(morph, w->text + t->start, t->end - t->start, an,
	                               DYAD_MORPH_MAX_ANALYSES, lemma_buf, sizeof lemma_buf);
	unsigned cases = 0;
	for (size_t i = 0; i < n; i++)
		if (an[i].upos == DYAD_UPOS_NOUN && (an[i].flags & DYAD_MORPH_KNOWN))
			cases |= 1u << dyad_ud_feat_get(an[i].feats, DYAD_FEAT_Case);
	return cases & ~1u;
}

/* The case and gender the most words share (among the title's cases when
 * it has some): the nominative when it is one of them, else the likeliest.
 * 0 when no word has a name reading. */
static int agree(const struct word *words, size_t n, unsigned allowed, unsigned *gcase,
                 unsigned *gender)
{
	static const unsigned nom = 1;
	int best_words = 0;
	float best_score = 0;
	for (unsigned c = 1; c < CASES; c++) {
		if (allowed && !(allowed & (1u << c)))
			continue;
		for (unsigned g = 0; g < GENDERS; g++) {
			int hits = 0;
			float score = 0;
			for (size_t i = 0; i < n; i++) {
				const struct reading *r = reading_in(&words[i], c, g);
				if (r) {
					hits++;
					score += r->score;
				}
			}
			/* as written when it can be: "Дилноза Юсупова" is no man's
			 * genitive */
			if (c == nom)
				score += 1e3f;
			if (hits > best_words || (hits == best_words && hits && score > best_score)) {
				best_words = hits;
				best_score = score;
				*gcase = c;
				*gender = g;
			}
		}
	}
	return best_words > 0;
}

/* The text of the mention with each word at words[i].tok replaced by its
 * lemma in (gcase, gender), into out. */
static void rewrite(const struct dyad__work *w, const struct dyad__mention *m,
                    const struct word *words, size_t n, unsigned gcase, unsigned gender,
                    struct dyad_buf *out)
{
	size_t at = m->start, next = 0;
	for (size_t k = m->tok_start; k < m->tok_end; k++) {
		const struct dyad__token *t = &w->tokens[k];
		if (next < n && words[next].tok == k) {
			const struct reading *r = reading_in(&words[next], gcase, gender);
			dyad_buf_append(out, w->text + at, t->start - at);
			if (r)
				dyad_buf_append(out, words[next].lemmas + r->lemma_start, r->lemma_len);
			else
				dyad_buf_append(out, w->text + t->start, t->end - t->start);
			at = t->end;
			next++;
		}
	}
	dyad_buf_append(out, w->text + at, m->end - at);
}

char *dyad__name_nominative(struct dyad__work *w, const struct dyad__mention *m)
{
	const struct dyad__lang *lang = dyad__tok_lang(w, m->tok_start);
	const struct dyad__morph *morph = dyad__lang_dictionary(lang);
	if (!morph)
		return NULL;
	struct word words[NAME_MAX_WORDS];
	size_t n = 0;
	for (size_t k = m->tok_start; k < m->tok_end && n < NAME_MAX_WORDS; k++) {
		const struct dyad__token *t = &w->tokens[k];
		if (!(t->flags & DYAD_TOK_WORD) || dyad__tok_lang(w, k) != lang)
			continue;
		words[n].tok = k;
		read_word(morph, w->text + t->start, t->end - t->start, &words[n]);
		n++;
	}
	unsigned gcase = 0, gender = 0;
	if (!n || !agree(words, n, title_cases(w, m, morph), &gcase, &gender))
		return NULL;
	struct dyad_buf out;
	dyad_buf_init(&out, 0);
	rewrite(w, m, words, n, gcase, gender, &out);
	char *name = out.error ? NULL : dyad_arena_strndup(w->arena, out.data, out.len);
	dyad_buf_release(&out);
	return name;
}
