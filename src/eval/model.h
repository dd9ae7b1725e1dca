/*
 * model.h - what the evaluation keeps of a gold file and of one document of
 * extraction output: already folded the way score.py compares them.
 *
 * The scorer (score.c) reads gold files and output lines as JSON, turns each
 * into one of these records right away and drops the JSON: an output file
 * of thousands of documents keeps only a few strings per document. Each
 * field follows score.py's expression for it (see the comments), including
 * how Python treats values that are missing, null or of another type.
 * Everything points into the arena given to the builders.
 */
#ifndef DYAD_EVAL_MODEL_H
#define DYAD_EVAL_MODEL_H

#include <jansson.h>
#include <stddef.h>

#include "core/arena.h"
#include "eval/triple.h"

/* Sizes of score.py's metadata comparisons, in code points. */
#define DYAD_EVAL_LANG_CPS 2       /* (d.get("lang") or "")[:2] */
#define DYAD_EVAL_PUBLISHED_CPS 10 /* (d.get("published") or "")[:10] */
#define DYAD_EVAL_TITLE_SHOWN_CPS 60 /* --verbose: str(d.get('title'))[:60] */
#define DYAD_EVAL_ROOT_CPS 2       /* code[:2], and shorter codes are not scored */

struct dyad__eval_gold_person {
	const char *first_name; /* names[0], printed by --verbose; "" if none */
	const char **surnames;  /* skel() of the last token of each name */
	size_t n_surnames;
	const char *actor;      /* actor(country) */
};

struct dyad__eval_gold {
	const char *key;        /* "doc" without its extension */
	const char *lang;
	const char *published;  /* NULL when published_optional */
	const char **sources;   /* latin() of each accepted outlet */
	size_t n_sources;       /* 0: the outlet is not scored */
	const char *title;      /* norm_title() of the headline; NULL: not scored */
	struct dyad__eval_gold_person *persons;
	size_t n_persons;
	struct dyad__eval_set required; /* canonical, source != target */
	struct dyad__eval_set optional; /* canonical */
};

struct dyad__eval_person {
	const char **keys;         /* name_keys(name) */
	size_t n_keys;
	const char *actor;         /* actor(country) */
	const char *name_shown;    /* repr(e.get('name')) */
	const char *country_shown; /* str(e.get('country')) */
};

/* One document of output. A comparison field is NULL when the value has a
 * type score.py could not compare (it would fail there): never equal. */
struct dyad__eval_pred {
	const char *lang;       /* first DYAD_EVAL_LANG_CPS code points */
	const char *published;  /* first DYAD_EVAL_PUBLISHED_CPS code points */
	const char *source;     /* latin() */
	const char *title;      /* norm_title() */
	const char *published_shown; /* repr() of the fields, for --verbose */
	const char *source_shown;
	const char *title_shown;
	struct dyad__eval_person *persons; /* the entities of kind "person" */
	size_t n_persons;
	struct dyad__eval_set events; /* canonical triples(d) */
};

/*
 * Build the gold record of one parsed gold file. DYAD_EFORMAT with errmsg
 * (DYAD_ERRMSG_MAX bytes) naming the field when the file does not follow
 * the annotation format; DYAD_ENOMEM.
 */
dyad_status dyad__eval_gold_build(struct dyad_arena *arena, const json_t *g,
                                  struct dyad__eval_gold *out, char *errmsg);

/*
 * Build the record of one output document (a JSON object; score.py's d).
 * *key is the document's key: the base name of its "path" without the
 * extension. DYAD_ENOMEM.
 */
dyad_status dyad__eval_pred_build(struct dyad_arena *arena, const json_t *d,
                                  struct dyad__eval_pred *out, const char **key);

/* The gold person's surname found among the output persons (person_found()),
 * or NULL. */
const struct dyad__eval_person *
dyad__eval_person_found(const struct dyad__eval_gold_person *gold,
                        const struct dyad__eval_pred *pred);

/*
 * os.path.splitext(path)[0], of the base name when base_only: the part
 * before the last '.', unless that dot only starts the name (".bashrc").
 * Returns the length of the kept prefix of (path + *start); *start is where
 * the base name begins (0 when !base_only).
 */
size_t dyad__eval_path_root(const char *path, size_t len, int base_only,
                            size_t *start);

#endif
