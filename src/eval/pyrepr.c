/*
 * pyrepr.c - Python's repr(), str() and bool() of JSON values (see pyrepr.h).
 */
#include "eval/pyrepr.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "eval/fold.h"

/* Significant digits that always give a double back (IEEE 754 binary64). */
#define DOUBLE_MAX_DIGITS 17

/* repr() of floats switches to exponent notation outside 1e-4 <= |x| < 1e16:
 * in terms of the decimal point position of the shortest digits. */
#define FLOAT_FIXED_MIN_DECPT (-3)
#define FLOAT_FIXED_MAX_DECPT 16

/* Room for "%.*e" of a double with DOUBLE_MAX_DIGITS digits. */
#define FLOAT_BUF 40

int dyad__eval_truthy(const json_t *v)
{
	if (!v)
		return 0;
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return json_object_size(v) > 0;
	case JSON_ARRAY:
		return json_array_size(v) > 0;
	case JSON_STRING:
		return json_string_length(v) > 0;
	case JSON_INTEGER:
		return json_integer_value(v) != 0;
	case JSON_REAL:
		return json_real_value(v) != 0.0;
	case JSON_TRUE:
		return 1;
	case JSON_FALSE:
	case JSON_NULL:
	default:
		return 0;
	}
}

dyad_status dyad__eval_repr_str(struct dyad_buf *out, const char *s, size_t n)
{
	/* Python quotes with ' unless the text has ' and no " */
	int has_single = memchr(s, '\'', n) != NULL;
	int has_double = memchr(s, '"', n) != NULL;
	char quote = has_single && !has_double ? '"' : '\'';
	dyad_buf_putc(out, quote);
	for (size_t i = 0; i < n;) {
		size_t at = i;
		uint32_t cp = dyad_utf8_next(s, n, &i);
		if (cp == (uint32_t)quote || cp == '\\') {
			dyad_buf_putc(out, '\\');
			dyad_buf_putc(out, (char)cp);
		} else if (cp == '\t') {
			dyad_buf_puts(out, "\\t");
		} else if (cp == '\n') {
			dyad_buf_puts(out, "\\n");
		} else if (cp == '\r') {
			dyad_buf_puts(out, "\\r");
		} else if (dyad__eval_is_printable(cp)) {
			if (cp == DYAD_UTF8_INVALID && i - at == 1)
				dyad_buf_puts(out, "\xEF\xBF\xBD"); /* a byte that did not decode */
			else
				dyad_buf_append(out, s + at, i - at);
		} else if (cp <= 0xFF) {
			dyad_buf_printf(out, "\\x%02x", (unsigned)cp);
		} else if (cp <= 0xFFFF) {
			dyad_buf_printf(out, "\\u%04x", (unsigned)cp);
		} else {
			dyad_buf_printf(out, "\\U%08x", (unsigned)cp);
		}
	}
	return dyad_buf_putc(out, quote);
}

/* Python's float repr: the shortest digits that read back as x, in fixed
 * notation near 1 and exponent notation far from it. */
static dyad_status repr_float(struct dyad_buf *out, double x)
{
	if (isnan(x))
		return dyad_buf_puts(out, "nan");
	if (isinf(x))
		return dyad_buf_puts(out, x < 0 ? "-inf" : "inf");
	char sci[FLOAT_BUF];
	for (int prec = 1; prec <= DOUBLE_MAX_DIGITS; prec++) {
		snprintf(sci, sizeof sci, "%.*e", prec - 1, x);
		if (strtod(sci, NULL) == x)
			break;
	}
	/* sci is "-d.ddde+XX": split it into sign, digits and exponent */
	char digits[FLOAT_BUF];
	size_t n_digits = 0;
	const char *p = sci;
	int negative = *p == '-';
	if (negative)
		p++;
	for (; *p && *p != 'e'; p++)
		if (*p >= '0' && *p <= '9')
			digits[n_digits++] = *p;
	long exp10 = *p == 'e' ? strtol(p + 1, NULL, 10) : 0;
	while (n_digits > 1 && digits[n_digits - 1] == '0')
		n_digits--;
	long decpt = exp10 + 1;
	if (negative)
		dyad_buf_putc(out, '-');
	if (decpt >= FLOAT_FIXED_MIN_DECPT && decpt <= FLOAT_FIXED_MAX_DECPT) {
		if (decpt <= 0) {
			dyad_buf_puts(out, "0.");
			for (long k = decpt; k < 0; k++)
				dyad_buf_putc(out, '0');
			dyad_buf_append(out, digits, n_digits);
		} else if ((size_t)decpt >= n_digits) {
			dyad_buf_append(out, digits, n_digits);
			for (long k = (long)n_digits; k < decpt; k++)
				dyad_buf_putc(out, '0');
			dyad_buf_puts(out, ".0");
		} else {
			dyad_buf_append(out, digits, (size_t)decpt);
			dyad_buf_putc(out, '.');
			dyad_buf_append(out, digits + decpt, n_digits - (size_t)decpt);
		}
	} else {
		dyad_buf_putc(out, digits[0]);
		if (n_digits > 1) {
			dyad_buf_putc(out, '.');
			dyad_buf_append(out, digits + 1, n_digits - 1);
		}
		dyad_buf_printf(out, "e%c%02ld", decpt - 1 < 0 ? '-' : '+',
		                labs(decpt - 1));
	}
	return dyad_buf_append(out, "", 0);
}

dyad_status dyad__eval_repr_json(struct dyad_buf *out, const json_t *v)
{
	if (!v)
		return dyad_buf_puts(out, "None");
	switch (json_typeof(v)) {
	case JSON_STRING:
		return dyad__eval_repr_str(out, json_string_value(v),
		                           json_string_length(v));
	case JSON_INTEGER:
		return dyad_buf_printf(out, "%" JSON_INTEGER_FORMAT,
		                       json_integer_value(v));
	case JSON_REAL:
		return repr_float(out, json_real_value(v));
	case JSON_TRUE:
		return dyad_buf_puts(out, "True");
	case JSON_FALSE:
		return dyad_buf_puts(out, "False");
	case JSON_ARRAY: {
		dyad_buf_putc(out, '[');
		for (size_t i = 0; i < json_array_size(v); i++) {
			if (i)
				dyad_buf_puts(out, ", ");
			dyad__eval_repr_json(out, json_array_get(v, i));
		}
		return dyad_buf_putc(out, ']');
	}
	case JSON_OBJECT: {
		/* jansson keeps keys in insertion order, as Python's dict does */
		const char *key;
		json_t *value;
		int first = 1;
		dyad_buf_putc(out, '{');
		json_object_foreach((json_t *)v, key, value) {
			if (!first)
				dyad_buf_puts(out, ", ");
			first = 0;
			dyad__eval_repr_str(out, key, strlen(key));
			dyad_buf_puts(out, ": ");
			dyad__eval_repr_json(out, value);
		}
		return dyad_buf_putc(out, '}');
	}
	case JSON_NULL:
	default:
		return dyad_buf_puts(out, "None");
	}
}

dyad_status dyad__eval_str_json(struct dyad_buf *out, const json_t *v)
{
	if (v && json_is_string(v))
		return dyad_buf_append(out, json_string_value(v), json_string_length(v));
	return dyad__eval_repr_json(out, v);
}
