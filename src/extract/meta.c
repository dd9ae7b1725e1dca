/*
 * meta.c - document facts (placeholder until the metadata stage lands).
 */
#include "extract/stages.h"
#include "lexicon/engine.h"

struct dyad__meta_lexicon {
	int unused;
};

dyad_status dyad__meta_lexicon_load(dyad_engine *engine, char *errmsg)
{
	(void)errmsg;
	engine->meta = NULL;
	return DYAD_OK;
}

void dyad__meta_lexicon_free(struct dyad__meta_lexicon *meta)
{
	(void)meta;
}

dyad_status dyad__meta_extract(struct dyad__work *w)
{
	w->doc->lang = "en";
	return DYAD_OK;
}
