/*
 * quotes.c - quotations and their speakers (placeholder).
 */
#include "extract/stages.h"

dyad_status dyad__quotes_extract(struct dyad__work *w)
{
	(void)w;
	return DYAD_OK;
}
