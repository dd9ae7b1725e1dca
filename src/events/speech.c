/*
 * speech.c - attribution of reported speech (see speech.h).
 */
#include "events/speech.h"

#include "events/reading.h"

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

/* ---- the tree side (reading.h) ---------------------------------------- */

#define SPEECH_DEPTH 4 /* conjoined and controlled verbs passed through */

/* A verb of saying among the parataxis children of k: "X did Y, he said". */
static int32_t said_aside(const struct dyad__tree *t, size_t k)
{
	for (int32_t c = dyad__tree_first(t, k); c >= 0; c = dyad__tree_next(t, (size_t)c))
		if (dyad__tree_urel(t, (size_t)c) == DYAD_DEPREL_PARATAXIS &&
		    dyad__is_cue(t->w, (size_t)c))
			return c;
	return -1;
}

int32_t dyad__speech_verb_of(const struct dyad__tree *t, size_t p)
{
	size_t k = p;
	for (int depth = 0; depth < SPEECH_DEPTH; depth++) {
		int32_t aside = said_aside(t, k);
		if (aside >= 0)
			return aside;
		enum dyad_deprel rel = dyad__tree_urel(t, k);
		int32_t h = dyad__tree_head(t, k);
		if (h < 0)
			return -1;
		if ((rel == DYAD_DEPREL_CCOMP || rel == DYAD_DEPREL_PARATAXIS) &&
		    dyad__is_cue(t->w, (size_t)h))
			return h;
		if (rel != DYAD_DEPREL_CONJ && rel != DYAD_DEPREL_XCOMP && rel != DYAD_DEPREL_CCOMP)
			return -1;
		k = (size_t)h;
	}
	return -1;
}

int dyad__first_person(const struct dyad__tree *t, size_t k)
{
	return dyad__tok_kind(t->w, k, MOD_FIRST_PERSON) ||
	       (dyad__tree_upos(t, k) == DYAD_UPOS_PRON &&
	        dyad__tree_feat_is(t, k, DYAD_FEAT_Person, "1"));
}
