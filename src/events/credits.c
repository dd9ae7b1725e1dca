/*
 * credits.c - credits and sources never act (reading.h): a news outlet
 * named as the source of a report ("according to Reuters", "told Trend",
 * "сообщает ТАСС", "по данным Reuters") is not a party to the events it
 * reports, and neither acts nor is acted upon. A mention whose words are an
 * outlet's name or variant (data/meta/outlets.tsv, as the metadata stage
 * reads it) is therefore no actor.
 */
#include "events/reading.h"

#include "core/utf8.h"
#include "kb/engine.h"
#include "kb/meta.h"

int dyad__is_credit(const struct dyad__work *w, const struct dyad__mention *m)
{
	char lower[DYAD_META_MAX_NAME_BYTES];
	const struct dyad__meta_lexicon *meta = w->engine->meta;
	if (!meta || m->end <= m->start || m->end - m->start + 1 >= sizeof lower)
		return 0;
	size_t n = dyad_utf8_lower(w->text + m->start, m->end - m->start, lower, sizeof lower);
	uint32_t id;
	return n > 0 && n + 1 < sizeof lower && dyad_hash_get(&meta->outlet_names, lower, n, &id);
}
