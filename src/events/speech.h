/*
 * speech.h - who is speaking: attribution of reported speech, shared by the
 * quote stage and the event coder.
 */
#ifndef DYAD_EVENTS_SPEECH_H
#define DYAD_EVENTS_SPEECH_H

#include "doc/work.h"

/*
 * The person a sentence attributes speech to ("X said", "said X", "told
 * X"): the nearest person mention with a country on either side of a verb of
 * saying, or NULL.
 */
const struct dyad__mention *dyad__speaker_in(const struct dyad__work *w, size_t s);

/*
 * Walks the sentences in order and keeps the current speaker: the person a
 * paragraph attributes its speech to holds for the whole paragraph ("..."
 * Osmonaliyev said, at its end), and after "X said:" for the paragraphs that
 * follow until another speaker is named.
 */
struct dyad__speech_state {
	const struct dyad__mention *speaker;
	int32_t line;         /* paragraph the speaker was named in */
	int carries_on;       /* that paragraph ended with ':' */
};

void dyad__speech_init(struct dyad__speech_state *state);

/* Advance to sentence s; returns the speaker in force there, or NULL. */
const struct dyad__mention *dyad__speech_at(struct dyad__speech_state *state,
                                            const struct dyad__work *w, size_t s);

#endif
