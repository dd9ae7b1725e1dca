/*
 * confidence.h - how firmly the text binds an event's parties, as a number
 * the precision dial (dyad_engine_set_min_confidence) compares. An event
 * whose two sides are both read from grammatical relations is surer than
 * one whose source is the speaker of reported speech or whose partner is
 * merely the next actor after a verbal noun; the values were calibrated on
 * the development corpora (docs/events.md says how to redo it).
 */
#ifndef DYAD_EVENTS_CONFIDENCE_H
#define DYAD_EVENTS_CONFIDENCE_H

#include "doc/work.h"

/* How the coder bound an event's source and target. */
enum dyad__binding {
	DYAD_BIND_RELATIONS,     /* both sides by relation in the dependency tree */
	DYAD_BIND_RELATION_SPEAKER, /* target by relation, source the speaker */
	DYAD_BIND_RELATION_PAIR, /* a joint act of coordinated or "between" parties, by relation */
	DYAD_BIND_RELATION_FAR,  /* by relation, the subject two or more clauses up */
	DYAD_BIND_SLOTS,         /* a lexicon slot bound a side, the other by position */
	DYAD_BIND_POSITIONS,     /* subject before, object after, by position */
	DYAD_BIND_PASSIVE,       /* by position, with the passive's sides swapped */
	DYAD_BIND_SPEAKER,       /* the source is the speaker, the target by position */
	DYAD_BIND_PAIR,          /* "between A and B", "their meeting", joint subjects */
	DYAD_BIND_NOUN,          /* a verbal noun's owner or the partner next to it */
	DYAD_BIND_PARTIES_AFTER, /* a meeting told from its place: two parties after it */
	DYAD_BIND_TREE_SOURCE,   /* the source by relation, the target by position */
	DYAD_N_BINDINGS
};

/* The confidence of an event bound so, with its DYAD_EVENT_* flags. */
double dyad__confidence(enum dyad__binding how, unsigned flags);

/* The dial in force on the engine. */
double dyad__min_confidence(const dyad_engine *engine);

/* Drop the document's events under the engine's dial, keeping the order. */
void dyad__events_apply_dial(struct dyad__work *w);

#endif
