/*
 * confidence.c - the confidence of an event from how it was bound, and the
 * precision dial (see confidence.h). The values per binding are the
 * precision each way of binding reached on the development corpora (dev,
 * dev2: `dyad eval --sweep`), rounded; an intention or a background
 * mention is told less firmly than the news itself.
 */
#include "events/confidence.h"

#include "kb/engine.h"

static const double by_binding[DYAD_N_BINDINGS] = {
	[DYAD_BIND_RELATIONS] = 0.90,
	[DYAD_BIND_RELATION_SPEAKER] = 0.75,
	[DYAD_BIND_RELATION_PAIR] = 0.80,
	[DYAD_BIND_RELATION_FAR] = 0.55,
	[DYAD_BIND_SLOTS] = 0.80,
	[DYAD_BIND_POSITIONS] = 0.70,
	[DYAD_BIND_PASSIVE] = 0.65,
	[DYAD_BIND_SPEAKER] = 0.60,
	[DYAD_BIND_PAIR] = 0.65,
	[DYAD_BIND_NOUN] = 0.60,
	[DYAD_BIND_PARTIES_AFTER] = 0.55,
	[DYAD_BIND_TREE_SOURCE] = 0.70,
};

#define INTENT_FACTOR 0.9 /* "plans to visit": told, not done */

double dyad__confidence(enum dyad__binding how, unsigned flags)
{
	double c = how < DYAD_N_BINDINGS ? by_binding[how] : 0.5;
	if (flags & DYAD_EVENT_INTENT)
		c *= INTENT_FACTOR;
	/* to the hundredth, as the JSON writes it: a dial compares what it shows */
	return (double)(long)(c * 100 + 0.5) / 100;
}

void dyad_engine_set_min_confidence(dyad_engine *engine, double min)
{
	engine->min_confidence = min;
	engine->min_confidence_set = 1;
}

double dyad__min_confidence(const dyad_engine *engine)
{
	return engine->min_confidence_set ? engine->min_confidence : DYAD_MIN_CONFIDENCE;
}

void dyad__events_apply_dial(struct dyad__work *w)
{
	double min = dyad__min_confidence(w->engine);
	size_t kept = 0;
	for (size_t i = 0; i < w->n_events; i++)
		if (w->events[i].confidence >= min)
			w->events[kept++] = w->events[i];
	w->n_events = kept;
}
