/*
 * check_rules.c - the reporting both backends' checks share (see
 * check_rules.h).
 */
#include "store/check_rules.h"

#include <stdarg.h>
#include <stdio.h>

#include "dyad.h"

void dyad__check_problem(struct dyad__checker *c, const char *fmt, ...)
{
	char line[DYAD_ERRMSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	(void)vsnprintf(line, sizeof line, fmt, ap); /* a cut line is still a line */
	va_end(ap);
	c->n++;
	if (c->report)
		c->report(c->ctx, line);
}
