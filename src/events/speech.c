/*
 * speech.c - attribution of reported speech (see speech.h).
 */
#include "events/speech.h"

#include "kb/engine.h"
#include "text/words.h"

#define CUE_WINDOW 6 /* tokens between a verb of saying and its speaker */
#define PRONOUN_WINDOW 1 /* "he said", "said he", "сказал он" */

/* A person, or a title standing for one ("the head of state noted"). */
static const struct dyad__mention *person_at(const struct dyad__work *w, size_t k)
{
	int32_t mi = w->tokens[k].mention;
	if (mi < 0)
		return NULL;
	const struct dyad__mention *m = &w->mentions[mi];
	if (m->kind == DYAD_MENTION_PERSON && m->country)
		return m;
	if (m->kind == DYAD_MENTION_ROLE && m->entity >= 0 &&
	    w->entities[m->entity].kind == DYAD_ENTITY_PERSON && w->entities[m->entity].country)
		return m;
	return NULL;
}

/* The last person named before token k: whom "he said" refers to. */
static const struct dyad__mention *last_person_before(const struct dyad__work *w,
                                                      uint32_t k)
{
	const struct dyad__mention *found = NULL;
	for (size_t i = 0; i < w->n_mentions && w->mentions[i].tok_start < k; i++) {
		const struct dyad__mention *m = &w->mentions[i];
		if (m->kind == DYAD_MENTION_PERSON && m->country)
			found = m;
	}
	return found;
}

const struct dyad__mention *dyad__speaker_in(const struct dyad__work *w, size_t s)
{
	const struct dyad__sentence *sent = &w->sentences[s];
	for (size_t k = sent->tok_start; k < sent->tok_end; k++) {
		if (!dyad__is_cue(w, k))
			continue;
		for (size_t d = 1; d <= CUE_WINDOW; d++) {
			const struct dyad__mention *m;
			if (k + d < sent->tok_end && (m = person_at(w, k + d)) != NULL)
				return m;
			if (d <= k - sent->tok_start && (m = person_at(w, k - d)) != NULL)
				return m;
		}
		/* "..., he told Putin", "- сказал он": the person named last */
		for (size_t d = 1; d <= PRONOUN_WINDOW; d++) {
			size_t j[2] = {k + d, k - d};
			for (int side = 0; side < 2; side++) {
				if ((side == 0 && j[0] >= sent->tok_end) ||
				    (side == 1 && d > k - sent->tok_start))
					continue;
				if (dyad__tok_kind(w, j[side], MOD_THIRD_PERSON))
					return last_person_before(w, sent->tok_start);
			}
		}
	}
	return NULL;
}

void dyad__speech_init(struct dyad__speech_state *state)
{
	state->speaker = NULL;
	state->line = -1;
	state->carries_on = 0;
}

const struct dyad__mention *dyad__speech_at(struct dyad__speech_state *state,
                                            const struct dyad__work *w, size_t s)
{
	const struct dyad__sentence *sent = &w->sentences[s];
	if (sent->line == state->line)
		return state->speaker;
	/* a new paragraph: does it name its own speaker anywhere? */
	const struct dyad__mention *found = NULL;
	for (size_t t = s; t < w->n_sentences && w->sentences[t].line == sent->line; t++)
		if ((found = dyad__speaker_in(w, t)) != NULL)
			break;
	if (found) {
		const struct dyad__line *line = &w->lines[sent->line];
		state->speaker = found;
		state->carries_on = line->end > line->start && w->text[line->end - 1] == ':';
	} else if (!state->carries_on) {
		state->speaker = NULL;
	}
	state->line = sent->line;
	return state->speaker;
}
