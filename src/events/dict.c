/*
 * dict.c - events coded with the user's TABARI/PETRARCH dictionaries
 * (src/petrarch/), as dyad_engine_use_dict() asks: sentence by sentence,
 * dated by the publication date, turned into the same struct dyad_event as
 * dyad's own coder makes, with the sentence as evidence.
 */
#include <stdio.h>
#include <string.h>

#include "events/events.h"
#include "kb/engine.h"
#include "text/dates.h"

void dyad_engine_use_dict(dyad_engine *engine, const dyad_dict *dict,
                          enum dyad_dict_mode mode)
{
	engine->dict = dict;
	engine->dict_mode = mode;
}

/* "GONGOV" -> country "GON"; "---GOV" (an agent alone) -> no country. */
static void party_from_code(struct dyad__work *w, struct dyad_party *p, const char *code)
{
	p->entity = -1;
	p->name = NULL;
	p->actor = NULL;
	p->country = NULL;
	if (!code || strncmp(code, "---", 3) == 0 || strlen(code) < 3) {
		if (code && strlen(code) > 3)
			p->actor = dyad_arena_strdup(w->arena, code);
		return;
	}
	p->actor = dyad_arena_strdup(w->arena, code);
	p->country = dyad_arena_strndup(w->arena, code, 3);
}

static dyad_status add_event(struct dyad__work *w, const struct dyad__sentence *sent,
                             const struct dyad_dict_event *de, const char *date)
{
	const struct dyad_cameo_code *cameo = dyad__cameo_find(w->engine, de->code);
	struct dyad_event *e = DYAD_WORK_PUSH(w, events);
	if (!e)
		return DYAD_ENOMEM;
	snprintf(e->code, sizeof e->code, "%s", de->code);
	e->quad = cameo ? cameo->quad : 0;
	e->goldstein = cameo ? cameo->goldstein : 0;
	party_from_code(w, &e->source, de->source);
	party_from_code(w, &e->target, strcmp(de->target, "---") == 0 ? NULL : de->target);
	e->date = date;
	e->place = w->doc->dateline;
	e->text = dyad_arena_strndup(w->arena, w->text + sent->start, sent->end - sent->start);
	if (!e->text || !e->source.actor)
		return DYAD_ENOMEM;
	e->span.start = e->predicate.start = sent->start;
	e->span.end = e->predicate.end = sent->end;
	e->n_mentions = 1;
	e->confidence = 1.0; /* the user's dictionaries are the user's call */
	return DYAD_OK;
}

dyad_status dyad__dict_events_extract(struct dyad__work *w)
{
	const dyad_dict *dict = w->engine->dict;
	if (!dict)
		return DYAD_OK;
	if (w->engine->dict_mode == DYAD_DICT_INSTEAD)
		w->n_events = 0;
	char date[16] = "";
	const char *date_arg = NULL;
	if (w->published.year && dyad__date_format(&w->published, date, sizeof date) == 10) {
		date_arg = date;
	}
	const char *event_date = date_arg ? dyad_arena_strdup(w->arena, date) : NULL;
	size_t first_own = w->n_events;
	for (size_t s = 0; s < w->n_sentences; s++) {
		const struct dyad__sentence *sent = &w->sentences[s];
		struct dyad_dict_coding *coding;
		dyad_status st = dyad_dict_code_sentence(dict, w->text + sent->start,
		                                         sent->end - sent->start, date_arg, &coding);
		if (st != DYAD_OK)
			return st;
		if (coding->discard == DYAD_DICT_STORY_DISCARD) {
			/* the dictionary says this story is not about events at all */
			w->n_events = w->engine->dict_mode == DYAD_DICT_INSTEAD ? 0 : first_own;
			dyad_dict_coding_free(coding);
			return DYAD_OK;
		}
		for (size_t i = 0; st == DYAD_OK && i < coding->n_events; i++)
			st = add_event(w, sent, &coding->events[i], event_date);
		dyad_dict_coding_free(coding);
		if (st != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}
