/*
 * work.h - the working state of one document as it goes down the pipeline.
 *
 *   read -> normalise -> lines -> meta (lang, title, dates, outlet, clutter)
 *        -> sentences -> tokens -> entities -> grammar -> events, quotes, amounts
 *        -> struct dyad_doc
 *
 * Each stage reads what the earlier ones left here and adds its own layer.
 * Everything lives in the document's arena; positions are byte offsets into
 * `text`, never copies.
 */
#ifndef DYAD_DOC_WORK_H
#define DYAD_DOC_WORK_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/token.h"
#include "dyad.h"
#include "kb/dates.h"
#include "kb/forms.h"
#include "kb/ud.h"

struct dyad__lang; /* kb/lang.h */

enum dyad__line_flags {
	DYAD_LINE_CLUTTER = 1 << 0,  /* navigation, share buttons, "Read more" */
	DYAD_LINE_TITLE = 1 << 1,    /* the headline (or a repeat of it) */
	DYAD_LINE_META = 1 << 2,     /* time stamp, byline, credit, dateline only */
	DYAD_LINE_BLANK = 1 << 3,
};

struct dyad__line {
	uint32_t start, end; /* trimmed, end excludes the newline */
	unsigned flags;      /* enum dyad__line_flags */
};

struct dyad__token {
	uint32_t start, end;     /* in text */
	uint32_t form;           /* id of its record (kb/forms.h): lower-case form,
	                            stem, word classes; dyad__tok_form() */
	uint32_t flags;          /* enum dyad__token_flags */
	int32_t mention;         /* index of the mention covering it, or -1 */
	uint8_t lower_len;       /* the record's lower_len and stem_len, at hand */
	uint8_t stem_len;        /* (at most DYAD_MAX_WORD_BYTES - 1) */
	uint8_t lang;            /* its language: engine->langs index + 1, 0 = none
	                            (text/words.h: dyad__tok_lang) */
};

struct dyad__sentence {
	uint32_t start, end;     /* in text */
	uint32_t tok_start;      /* first token index */
	uint32_t tok_end;        /* one past the last token */
	int32_t line;            /* the line it comes from */
	const struct dyad__lang *lang; /* the language most of its words are in */
	uint8_t analysed;        /* the grammar stage tagged and parsed it
	                            (w->grammar holds its tokens' analysis) */
};

enum dyad__tok_grammar_flags {
	/* the token is a piece of a word that starts at an earlier token (its
	 * head): the "-" and "за" of "из-за", the "t" of "don't"; it repeats
	 * that word's UPOS, features and lemma, its relation is NONE */
	DYAD_GTOK_PIECE = 1 << 0,
	/* the word of this token starts inside it or ends inside the next one:
	 * "don't" is the words "do" (on token "don") and "n't" (on token "'") */
	DYAD_GTOK_RECUT = 1 << 1,
	/* its lemma is its lower-case form (dyad__tok_lower): not in the pool */
	DYAD_GTOK_LEMMA_LOWER = 1 << 2,
};

/*
 * The grammar stage's analysis of one token (parse/stage.c), in
 * w->grammar[token index] when its sentence is analysed (s->analysed):
 *   upos      enum dyad_upos (DYAD_UPOS_NONE: not analysed)
 *   feats     kb/ud.h bundle: dyad_ud_feat_get(feats, DYAD_FEAT_Case) ...
 *   lemma     dyad__tok_lemma(w, k, &len) (in the pool w->lemmas, or the
 *             token's lower-case form)
 *   head      token index of its head (a token of the same sentence), -1
 *             for the root of the sentence
 *   deprel    enum dyad_deprel: its relation to the head (nsubj, obl:agent)
 * One token is one word of the parser but for the pieces and recuts of
 * enum dyad__tok_grammar_flags: UD cuts "don't" and joins "из-за".
 */
struct dyad__tok_grammar {
	uint64_t feats;
	uint32_t lemma;
	int32_t head;
	uint16_t lemma_len;
	uint8_t upos;
	uint8_t deprel;
	uint8_t flags;           /* enum dyad__tok_grammar_flags */
};

enum dyad__mention_kind {
	DYAD_MENTION_PERSON,
	DYAD_MENTION_NAME,      /* name-shaped words not (yet) known as a person */
	DYAD_MENTION_COUNTRY,   /* the country named as such */
	DYAD_MENTION_ADJECTIVE, /* "Azerbaijani", "российский" */
	DYAD_MENTION_DEMONYM,   /* "Azerbaijanis", "россияне" */
	DYAD_MENTION_CAPITAL,   /* capital / seat of power, a metonym */
	DYAD_MENTION_REGION,    /* "South Caucasus" */
	DYAD_MENTION_PLACE,
	DYAD_MENTION_ORG,
	DYAD_MENTION_ORG_HEAD,  /* "ministry", "parliament" */
	DYAD_MENTION_ROLE,      /* a title: "the ambassador", "President" */
};

struct dyad__person;

/* A stretch of tokens that refers to an entity. Small fields are packed at
 * the end: a long document holds a mention every few dozen bytes. */
struct dyad__mention {
	uint32_t tok_start, tok_end; /* token range */
	uint32_t start, end;         /* byte span */
	int32_t entity;              /* index into work.entities */
	int32_t sentence;
	int32_t record;              /* gazetteer record of its kind, or -1 */
	int32_t lead_tok;            /* first token of its title ("President ..."), or -1 */
	const char *country;         /* country this mention acts for, or NULL */
	const char *actor;           /* CAMEO actor code, or NULL */
	const char *role;            /* role named in the mention, or NULL */
	const char *agent;           /* CAMEO agent code of the role ("GOV") */
	const struct dyad__person *person; /* knowledge-base record, or NULL */
	int16_t role_rank;
	uint8_t kind;                /* enum dyad__mention_kind */
	uint8_t n_words;             /* words of a name */
	uint8_t attached;            /* a title already given to a name */
	uint8_t country_from_kb_only; /* country guessed from the KB, not the text */
};

/* An entity while it is being built: mentions are collected, then frozen. */
struct dyad__entity {
	enum dyad_entity_kind kind;
	const char *name;
	const char *country;
	const char *role;
	const char *actor;
	const char *key;       /* merge key (surname skeleton, iso3, ...) */
	double lat, lon;
	int has_coords;
	int role_rank;
	size_t n_mentions;
	const struct dyad__person *person; /* knowledge-base record, or NULL */
	const char *agent;
	const char *given;     /* skeleton of the given name, or NULL */
	int n_words;
	int country_from_kb;
};

/*
 * The bound on one document's working memory: a document within
 * DYAD_MAX_DOC_BYTES takes at most 8 times its size besides the engine (its
 * text twice, the reader's and the normalised one, and the working arrays
 * of the scratch arena: lines, sentences, tokens, mentions, entities). The
 * tokenizer and the mention finder stop where those arrays would hold more
 * than DYAD_ANALYSIS_BYTES(len): the text past that point is not analysed
 * (news takes about 4.5 times its size: a token per 6 bytes, a mention per
 * 45). Any push past DYAD_WORK_CAP(len) fails, and the document with it,
 * with DYAD_ETOOBIG (millions of one-letter lines, say).
 */
#define DYAD_ANALYSIS_BYTES(len) ((len) * 5 + ((size_t)256 << 10))
#define DYAD_WORK_CAP(len) ((len) * 11 / 2 + ((size_t)512 << 10))

/* Bytes the working arrays of the scratch arena hold (doc/freeze.c). */
struct dyad__work;
size_t dyad__work_bytes(const struct dyad__work *w);

struct dyad__work {
	const dyad_engine *engine;
	struct dyad_arena *arena;   /* the result's: lives as long as the document */
	struct dyad_arena *scratch; /* the working arrays (lines, sentences, tokens,
	                               mentions, entities being built), released
	                               when dyad_extract() returns; NULL: arena */
	struct dyad_doc *doc;       /* the result being filled */
	const struct dyad_input *input;

	char *text;                 /* normalised text, NUL-terminated */
	size_t len;

	struct dyad__line *lines;
	size_t n_lines, lines_cap;
	size_t body_line;           /* first line of the article body */

	const struct dyad__lang *lang; /* the body's language, or the one read for
	                                  its script (NULL before the metadata stage) */
	struct dyad__date published;
	int published_weekday;      /* 0..6 (Sunday 0) when only a weekday is known, else -1 */

	struct dyad__sentence *sentences;
	size_t n_sentences, sentences_cap;
	struct dyad__token *tokens;
	size_t n_tokens, tokens_cap;
	const struct dyad__form *forms; /* the engine's memo records (kb/forms.h) */
	struct dyad__form_list own_forms; /* the document's own (token form ids
	                                  from DYAD_FORMS_CAP on) */

	struct dyad__mention *mentions;
	size_t n_mentions, mentions_cap;
	struct dyad__entity *entities;
	size_t n_entities, entities_cap;

	/* the grammar stage (parse/stage.c): the analyses of the first
	 * n_grammar tokens (all of them but past the bound of DYAD_WORK_CAP),
	 * NULL when no sentence was analysed; the lemmas they point into */
	struct dyad__tok_grammar *grammar;
	size_t n_grammar;
	char *lemmas;
	size_t lemmas_len, lemmas_cap;

	/* the state whose capital or city the dateline names (entities/
	 * titles.c), looked up once: NULL for none; known once looked up */
	const char *dateline_state;
	int dateline_state_known;

	struct dyad_event *events;
	size_t n_events, events_cap;
	/* the date the last sentence with an event names (events/emit.c): read
	 * once per sentence, however many events it holds */
	size_t dated_sentence;      /* its index + 1; 0 = none yet */
	struct dyad__date sentence_date;
	int sentence_dated, sentence_past;
	struct dyad_quote *quotes;
	size_t n_quotes, quotes_cap;
	struct dyad_amount *amounts;
	size_t n_amounts, amounts_cap;
};

/* The record of a token's written form (kb/forms.h). */
static inline const struct dyad__form *dyad__tok_form(const struct dyad__work *w,
                                                      const struct dyad__token *t)
{
	return dyad__form_get(w->forms, &w->own_forms, t->form);
}

/* Token text helpers: the forms of its record (lower_len / stem_len bytes;
 * do not rely on a NUL after them). */
static inline const char *dyad__tok_lower(const struct dyad__work *w,
                                          const struct dyad__token *t)
{
	return dyad__tok_form(w, t)->lower;
}
static inline const char *dyad__tok_stem(const struct dyad__work *w,
                                         const struct dyad__token *t)
{
	return dyad__tok_form(w, t)->stem;
}

/* The grammar of token k, or NULL when its sentence was not analysed. */
static inline const struct dyad__tok_grammar *dyad__tok_grammar(const struct dyad__work *w,
                                                                size_t k)
{
	return k < w->n_grammar && w->grammar[k].upos != DYAD_UPOS_NONE ? &w->grammar[k] : NULL;
}

/* The lemma of token k (*len bytes, no NUL after them); NULL (and *len 0)
 * when its sentence was not analysed. */
static inline const char *dyad__tok_lemma(const struct dyad__work *w, size_t k, size_t *len)
{
	const struct dyad__tok_grammar *g = dyad__tok_grammar(w, k);
	if (!g) {
		*len = 0;
		return NULL;
	}
	if (g->flags & DYAD_GTOK_LEMMA_LOWER) {
		*len = w->tokens[k].lower_len;
		return dyad__tok_lower(w, &w->tokens[k]);
	}
	*len = g->lemma_len;
	return w->lemmas ? w->lemmas + g->lemma : "";
}

/* Token k is the single punctuation character c. */
static inline int dyad__tok_is_char(const struct dyad__work *w, size_t k, char c)
{
	const struct dyad__token *t = &w->tokens[k];
	return (t->flags & DYAD_TOK_PUNCT) && t->end - t->start == 1 &&
	       w->text[t->start] == c;
}

/*
 * Append one element to an arena array kept as (items, n, cap) in the work:
 * returns a zeroed slot or NULL when memory is exhausted.
 */
void *dyad__work_push(struct dyad__work *w, void **items, size_t *n,
                      size_t *cap, size_t size);

/* A new empty result that owns an arena of its own (DYAD_ARENA_DOC_CAP);
 * NULL when out of memory. The caller frees it with dyad_doc_free(). */
struct dyad_doc *dyad__doc_new(void);

/* The arena of a result made by dyad__doc_new(): lives as long as it. */
struct dyad_arena *dyad__doc_arena(struct dyad_doc *doc);

/* Move the working layers (entities with their mentions, events, quotes,
 * amounts) into w->doc once every stage has run. DYAD_ENOMEM only. */
dyad_status dyad__work_freeze(struct dyad__work *w);

/* A 128-bit FNV-1a digest of (s, n) in hex, in the arena: the document id,
 * stable across runs and machines. NULL when out of memory. */
char *dyad__digest_hex(struct dyad_arena *arena, const char *s, size_t n);

#define DYAD_WORK_PUSH(w, field)                                              \
	((__typeof__((w)->field))dyad__work_push((w), (void **)&(w)->field,        \
	                                         &(w)->n_##field,                  \
	                                         &(w)->field##_cap,                \
	                                         sizeof *(w)->field))

/* Where the working arrays live: w->scratch, else the result's arena. */
static inline struct dyad_arena *dyad__work_scratch(struct dyad__work *w)
{
	return w->scratch ? w->scratch : w->arena;
}

/* The same into dyad__work_scratch(w), for the arrays nothing reads once
 * the result is frozen; NULL too (with its refused flag set) past
 * DYAD_WORK_CAP. */
void *dyad__work_push_in(struct dyad_arena *arena, void **items, size_t *n,
                         size_t *cap, size_t size);
void *dyad__work_push_scratch(struct dyad__work *w, void **items, size_t *n,
                              size_t *cap, size_t size);
#define DYAD_WORK_PUSH_SCRATCH(w, field)                                      \
	((__typeof__((w)->field))dyad__work_push_scratch((w), (void **)&(w)->field, \
	                                                 &(w)->n_##field,          \
	                                                 &(w)->field##_cap,        \
	                                                 sizeof *(w)->field))

#endif
