/*
 * meta.h - the knowledge the metadata stage reads documents with: outlets
 * and their spellings, credit-line patterns, news domains, clutter, line
 * labels, the date words, and the stop words and letters that tell
 * languages apart. Loaded from data/meta/ and data/dates/ by kb/meta.c when
 * the engine opens.
 */
#ifndef DYAD_KB_META_H
#define DYAD_KB_META_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/hash.h"
#include "dyad.h"
#include "kb/aho.h"
#include "kb/dates.h"
#include "kb/lang.h"

#define DYAD_META_MAX_NAME_BYTES 128 /* longest outlet or place name */
#define DYAD_META_MAX_LINE_BYTES 256 /* bytes of a line compared with clutter.tsv */
#define DYAD_META_MAX_WORD_BYTES 64  /* longest stop word */
#define DYAD_META_MAX_LANGS 32 /* languages of stopwords.tsv (a bit mask) */
#define DYAD_META_LETTER_TABLE_CPS 0x800 /* Latin, Greek, Cyrillic, ... */
#define DYAD_META_LETTER_SCAN 0xFF

struct dyad__meta_lang {
	char code[8];            /* ISO 639-1 */
	enum dyad__script script;
};

/* A letter that only some languages of a script use ("ә", "ї"). */
struct dyad__meta_letter {
	uint32_t cp;
	uint32_t langs;          /* bit mask over lexicon langs */
};

enum dyad__credit_place {
	DYAD_CREDIT_BEFORE,      /* "{OUTLET} reports": the name comes first */
	DYAD_CREDIT_AFTER,       /* "told {OUTLET}": the name comes after */
};

/* One line of credits.tsv: [^]prefix {OUTLET} suffix[$]. */
struct dyad__meta_credit {
	const char *prefix;      /* may be "" */
	const char *suffix;      /* may be "" */
	size_t prefix_len, suffix_len;
	int rank;                /* higher wins */
	int open;                /* names missing from outlets.tsv are accepted */
	uint8_t at_start;        /* "^": the pattern opens the line */
	uint8_t at_end;          /* "$": it ends the line (a full stop may follow) */
	uint32_t next_same;      /* the next credit with the same literal, or
	                            UINT32_MAX (see credit_aho) */
};

/* One line of domains.tsv: a news site and its outlet. */
struct dyad__meta_domain {
	const char *domain;      /* lower case, no "www." */
	const char *outlet;
	char country[4];         /* ISO 3166-1 alpha-3 */
	char lang[4];            /* ISO 639-1 */
};

/* Longest host name looked up in domains.tsv. */
#define DYAD_META_MAX_HOST_BYTES 128

enum dyad__clutter_match {
	DYAD_CLUTTER_EXACT,      /* the whole line */
	DYAD_CLUTTER_PREFIX,     /* the line starts with it */
	DYAD_CLUTTER_CONTAINS,
	DYAD_CLUTTER_LABEL,      /* the whole line, and the line after it */
};

struct dyad__meta_clutter {
	enum dyad__clutter_match match;
	const char *text;        /* lower case */
	size_t len;
};

struct dyad__meta_lexicon {
	struct dyad__date_lexicon dates;

	struct dyad__meta_lang langs[DYAD_META_MAX_LANGS];
	size_t n_langs;
	struct dyad_hash stopwords;        /* lower word -> bit mask of langs */
	struct dyad__meta_letter *letters; /* heap */
	size_t n_letters;
	/* the letters below DYAD_META_LETTER_TABLE_CPS, for the language
	 * detector: script << 8 | letters index + 1 of their lower case (0: not
	 * in letters.tsv; DYAD_META_LETTER_SCAN: past the table's reach) */
	uint16_t letter_table[DYAD_META_LETTER_TABLE_CPS];

	const char **outlets;              /* canonical names; heap array */
	size_t n_outlets;
	struct dyad_hash outlet_names;     /* lower variant -> outlet index */
	struct dyad_hash not_outlets;      /* lower names that are no outlet */
	struct dyad__meta_credit *credits; /* heap */
	size_t n_credits;
	/* The literal side of every credit (its prefix, or its suffix when the
	 * prefix is empty) in one automaton: a line is scanned once for all of
	 * them. Key k's credits are credit_of_key[k], then their next_same. */
	struct dyad__aho credit_aho;
	uint32_t *credit_of_key;           /* heap */
	struct dyad__meta_domain *domains; /* heap */
	size_t n_domains;
	struct dyad_hash domain_index;     /* domain -> index in domains */

	struct dyad__meta_clutter *clutter; /* heap */
	size_t n_clutter;
	/* The entries a line whose lower case starts with byte c can match, in
	 * file order: clutter_by_byte[clutter_from[c] .. clutter_from[c + 1])
	 * (those starting with c, the empty ones and every "contains"); arena */
	uint32_t clutter_from[257];
	uint32_t *clutter_by_byte;
	const char **bylines;              /* lower "by", "автор:"; heap array */
	size_t n_bylines;
	const char **date_labels;          /* lower words allowed on a date line */
	size_t n_date_labels;
	const char **photo_labels;         /* lower "©", "photo:" opening a photo
	                                      credit; heap array */
	size_t n_photo_labels;
};

/* The date words of the engine, for dates.c; NULL before loading. */
const struct dyad__date_lexicon *dyad__meta_dates(const dyad_engine *engine);

/* The meta lexicon of an engine: dyad__meta_lexicon_load() reads every
 * file; the parts are loaded by the three functions after it (the tests
 * call them on data folders of their own). All return DYAD_EDATA with
 * "file:line: message" in errmsg on a bad line. */
dyad_status dyad__meta_lexicon_load(dyad_engine *engine, char *errmsg);
void dyad__meta_lexicon_free(struct dyad__meta_lexicon *meta);

/* stopwords.tsv and letters.tsv */
dyad_status dyad__meta_lang_load(struct dyad__meta_lexicon *lex,
                                 struct dyad_arena *arena, const char *data_dir,
                                 char *errmsg);
/* clutter.tsv and labels.tsv */
dyad_status dyad__meta_lines_load(struct dyad__meta_lexicon *lex,
                                  struct dyad_arena *arena,
                                  const char *data_dir, char *errmsg);
/* outlets.tsv, not_outlets.tsv, credits.tsv and domains.tsv */
dyad_status dyad__meta_source_load(struct dyad__meta_lexicon *lex,
                                   struct dyad_arena *arena,
                                   const char *data_dir, char *errmsg);

/*
 * The host of a URL ("https://www.Tass.ru:443/x?y" -> "tass.ru"): lower
 * case, without scheme, user, port, path and a leading "www." or "m.", into
 * out (cap bytes, NUL-terminated). A bare domain is its own host. Returns
 * the length, 0 when there is no host with a dot in it.
 */
size_t dyad__url_host(const char *url, size_t len, char *out, size_t cap);

/* The domains.tsv entry of a host (dyad__url_host's form) or of its nearest
 * listed parent domain ("news.rambler.ru", then "rambler.ru"), or NULL. */
const struct dyad__meta_domain *dyad__meta_domain_find(
	const struct dyad__meta_lexicon *lex, const char *host, size_t len);

#endif
