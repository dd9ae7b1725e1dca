/*
 * pyrepr.h - Python's view of JSON values, for the evaluation.
 *
 * score.py reads the extraction output with json.loads and then leans on
 * Python: a field is "missing" when it is falsy, event codes go through
 * str(), and --verbose prints values with repr(). dyad eval prints the same
 * lines, so these functions spell values exactly as Python 3 does ('x',
 * "it's", None, True, 1.5, [1, 'a'], {'k': None}) and decide truthiness the
 * same way. A NULL json_t stands for a key that is absent (Python's None).
 */
#ifndef DYAD_EVAL_PYREPR_H
#define DYAD_EVAL_PYREPR_H

#include <jansson.h>
#include <stddef.h>

#include "core/buf.h"

/* Python's bool() of the value json.loads makes of v (NULL: None). */
int dyad__eval_truthy(const json_t *v);

/* Append Python's repr() of the str (s, n), quotes and escapes included. */
dyad_status dyad__eval_repr_str(struct dyad_buf *out, const char *s, size_t n);

/* Append Python's repr() of the value of v (NULL: None). */
dyad_status dyad__eval_repr_json(struct dyad_buf *out, const json_t *v);

/* Append Python's str() of the value of v: a string as it is, else repr(). */
dyad_status dyad__eval_str_json(struct dyad_buf *out, const json_t *v);

#endif
