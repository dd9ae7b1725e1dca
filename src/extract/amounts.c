/*
 * amounts.c - money and counts (placeholder).
 */
#include "extract/stages.h"

dyad_status dyad__amounts_extract(struct dyad__work *w)
{
	(void)w;
	return DYAD_OK;
}
