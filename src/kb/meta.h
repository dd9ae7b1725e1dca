/*
 * meta.h - the knowledge the metadata stage reads documents with: outlets
 * and their spellings, credit-line patterns, clutter, line labels, the date
 * words, and the stop words and letters that tell languages apart. Loaded
 * from data/meta/ and data/dates/ by kb/meta.c when the engine opens.
 */
#ifndef DYAD_KB_META_H
#define DYAD_KB_META_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/hash.h"
#include "dyad.h"
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

/* One line of credits.tsv: prefix {OUTLET} suffix. */
struct dyad__meta_credit {
	const char *prefix;      /* may be "" */
	const char *suffix;      /* may be "" */
	size_t prefix_len, suffix_len;
	int rank;                /* higher wins */
	int open;                /* names missing from outlets.tsv are accepted */
};

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

	struct dyad__meta_clutter *clutter; /* heap */
	size_t n_clutter;
	const char **bylines;              /* lower "by", "автор:"; heap array */
	size_t n_bylines;
	const char **date_labels;          /* lower words allowed on a date line */
	size_t n_date_labels;
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
/* outlets.tsv, not_outlets.tsv and credits.tsv */
dyad_status dyad__meta_source_load(struct dyad__meta_lexicon *lex,
                                   struct dyad_arena *arena,
                                   const char *data_dir, char *errmsg);

#endif
