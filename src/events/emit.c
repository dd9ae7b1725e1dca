/*
 * emit.c - one event record: the code, both parties, the date the sentence
 * names (else the publication date; a day clearly before publication makes
 * it background), the sentence's place (else the dateline) and the sentence
 * as evidence. The same event told again adds a mention to its record.
 */
#include <stdio.h>
#include <string.h>

#include "events/coder.h"
#include "kb/engine.h"
#include "text/dates.h"
#include "text/words.h"

static const char *format_date(struct dyad__work *w, const struct dyad__date *d)
{
	if (!d->year)
		return NULL;
	char buf[16];
	if (d->day)
		snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->year, d->month, d->day);
	else if (d->month)
		snprintf(buf, sizeof buf, "%04d-%02d", d->year, d->month);
	else
		snprintf(buf, sizeof buf, "%04d", d->year);
	return dyad_arena_strdup(w->arena, buf);
}

/* Where a sentence places its events: the first place or capital after a
 * locative ("in Baku", "в Астане"), by its canonical name. */
static const char *sentence_place(const struct dyad__work *w,
                                  const struct dyad__sentence *sent)
{
	for (size_t k = sent->tok_start; k + 1 < sent->tok_end; k++) {
		if (!dyad__tok_kind(w, k, MOD_LOCATIVE))
			continue;
		int32_t mi = w->tokens[k + 1].mention;
		if (mi < 0)
			continue;
		const struct dyad__mention *m = &w->mentions[mi];
		if ((m->kind == DYAD_MENTION_PLACE || m->kind == DYAD_MENTION_CAPITAL) &&
		    m->entity >= 0)
			return w->entities[m->entity].name;
	}
	return NULL;
}

/* dyad__date_in_span over sentence s, once per sentence. */
static int sentence_date(struct dyad__work *w, size_t s, struct dyad__date *when, int *past)
{
	if (w->dated_sentence != s + 1) {
		const struct dyad__sentence *sent = &w->sentences[s];
		w->sentence_past = 0;
		w->sentence_dated = dyad__date_in_span(w, sent->start, sent->end,
		                                       &w->sentence_date, &w->sentence_past);
		w->dated_sentence = s + 1;
	}
	*when = w->sentence_date;
	*past = w->sentence_past;
	return w->sentence_dated;
}

static void party_of(struct dyad_party *p, const struct dyad__actor *a)
{
	p->country = a->country;
	p->actor = a->actor;
	p->name = a->name;
	p->entity = a->entity;
}

dyad_status dyad__emit(struct dyad__work *w, size_t s, const struct dyad__match *m,
                        const struct dyad__actor *src, const struct dyad__actor *tgt,
                        unsigned flags)
{
	if (!src || !tgt || !src->country || !tgt->country ||
	    strcmp(src->country, tgt->country) == 0)
		return DYAD_OK;
	const struct dyad_cameo_code *code = dyad__cameo_find(w->engine, m->code);
	if (!code)
		return DYAD_OK;
	/* the same event told again: one record, one more mention */
	for (size_t i = 0; i < w->n_events; i++) {
		struct dyad_event *e = &w->events[i];
		if (strcmp(e->code, code->code) == 0 && e->source.actor && e->target.actor &&
		    strcmp(e->source.actor, src->actor) == 0 &&
		    strcmp(e->target.actor, tgt->actor) == 0) {
			e->n_mentions++;
			if (m->confidence > e->confidence)
				e->confidence = m->confidence;
			return DYAD_OK;
		}
	}
	struct dyad_event *e = DYAD_WORK_PUSH(w, events);
	if (!e)
		return DYAD_ENOMEM;
	const struct dyad__sentence *sent = &w->sentences[s];
	snprintf(e->code, sizeof e->code, "%s", code->code);
	e->quad = code->quad;
	e->goldstein = code->goldstein;
	party_of(&e->source, src);
	party_of(&e->target, tgt);
	/* the day the sentence names ("yesterday", "on April 4", "в ноябре
	 * прошлого года"), else the publication day; a day clearly before
	 * publication makes the event background rather than news */
	struct dyad__date when;
	int past = 0;
	if (!sentence_date(w, s, &when, &past))
		when = w->published;
	else if (past)
		flags |= DYAD_EVENT_BACKGROUND;
	e->date = format_date(w, &when);
	e->place = sentence_place(w, sent);
	if (!e->place)
		e->place = w->doc->dateline;
	e->text = dyad_arena_strndup(w->arena, w->text + sent->start, sent->end - sent->start);
	if (!e->text)
		return DYAD_ENOMEM;
	e->span.start = sent->start;
	e->span.end = sent->end;
	e->predicate.start = w->tokens[m->first].start;
	e->predicate.end = w->tokens[m->last].end;
	e->flags = flags;
	e->n_mentions = 1;
	e->confidence = m->confidence;
	return DYAD_OK;
}
