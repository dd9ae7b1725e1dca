/*
 * test_entities_actors.c - actors that stand for a state, measured on the
 * hand-written set tests/entities/actors.tsv (English and Russian).
 *
 * Each line is a sentence and checks on what dyad_extract() makes of it:
 * an entity with a CAMEO actor code (ministries, embassies, forces, border
 * guards, security services, courts, parliaments, state companies and
 * media, rebels), an event party with a code (a capital or a seat of power
 * that acts, a group of citizens), an actor that must not act (a capital
 * that is only where talks were held), a person's country from context.
 * The set passes while the share of checks met stays at or above the
 * floor below (what the entity stage achieved when the set was written,
 * rounded down to 0.05); every check missed is listed with what was found.
 */
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "dyad.h"
#include "kb/gazetteer.h"
#include "kb/tsv.h"
#include "testdoc.h"
#include "testlib.h"

#define ACTORS_SET_PATH "tests/entities/actors.tsv"

/* Share of checks that must hold; raise it when the entity stage improves. */
#define MIN_CHECKS_MET 0.90

#define MAX_CHECKS 8    /* checks on one line */
#define SKELETON_MAX 64 /* bytes of a surname skeleton */

static dyad_engine *engine;

static int same_text(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static int entity_has_actor(const struct dyad_doc *doc, const char *code)
{
	for (size_t e = 0; e < doc->n_entities; e++)
		if (same_text(doc->entities[e].actor, code))
			return 1;
	return 0;
}

static int event_has_party(const struct dyad_doc *doc, const char *code)
{
	for (size_t i = 0; i < doc->n_events; i++)
		if (same_text(doc->events[i].source.actor, code) ||
		    same_text(doc->events[i].target.actor, code))
			return 1;
	return 0;
}

/* 1 when some word of name has the skeleton skel. */
static int name_has_surname(const char *name, const char *skel)
{
	for (const char *p = name; *p;) {
		while (*p == ' ')
			p++;
		size_t word = strcspn(p, " ");
		if (!word)
			break;
		char part[SKELETON_MAX];
		dyad__name_skeleton(engine, p, word, part, sizeof part);
		if (strcmp(part, skel) == 0)
			return 1;
		p += word;
	}
	return 0;
}

/* "Surname:ISO3": a person entity of that surname with that country. */
static int person_has_country(const struct dyad_doc *doc, const char *arg)
{
	const char *colon = strchr(arg, ':');
	if (!colon)
		return 0;
	char skel[SKELETON_MAX];
	dyad__name_skeleton(engine, arg, (size_t)(colon - arg), skel, sizeof skel);
	for (size_t e = 0; e < doc->n_entities; e++) {
		const struct dyad_entity *ent = &doc->entities[e];
		if (ent->kind == DYAD_ENTITY_PERSON && ent->name &&
		    name_has_surname(ent->name, skel) && same_text(ent->country, colon + 1))
			return 1;
	}
	return 0;
}

/* One check against the document: 1 met, 0 not, -1 malformed. */
static int check_met(const struct dyad_doc *doc, const char *check)
{
	if (strncmp(check, "e:", 2) == 0)
		return entity_has_actor(doc, check + 2);
	if (strncmp(check, "a:", 2) == 0)
		return event_has_party(doc, check + 2);
	if (strncmp(check, "!a:", 3) == 0)
		return !event_has_party(doc, check + 3);
	if (strncmp(check, "!e:", 3) == 0)
		return !entity_has_actor(doc, check + 3);
	if (strncmp(check, "p:", 2) == 0)
		return person_has_country(doc, check + 2);
	return -1;
}

static void print_found(const struct dyad_doc *doc)
{
	printf("       entities");
	for (size_t e = 0; e < doc->n_entities; e++) {
		const struct dyad_entity *ent = &doc->entities[e];
		printf(" %s:%s", ent->name ? ent->name : "?", ent->actor ? ent->actor : "-");
	}
	printf("\n       events  ");
	for (size_t i = 0; i < doc->n_events; i++)
		printf(" %s>%s:%s", doc->events[i].source.actor ? doc->events[i].source.actor : "-",
		       doc->events[i].target.actor ? doc->events[i].target.actor : "-",
		       doc->events[i].code);
	putchar('\n');
}

/* Count the checks of one line into *met and *total. */
static void run_line(const char *path, size_t line_no, const char *id, const char *text,
                     char *expect, size_t *met, size_t *total)
{
	char *checks[MAX_CHECKS];
	size_t n = dyad_tsv_split(expect, checks, MAX_CHECKS);
	if (n == 0 || n > MAX_CHECKS) {
		TESTLIB_FAIL("%s:%zu: expected 1 to %d checks", path, line_no, MAX_CHECKS);
		return;
	}
	struct dyad_doc *doc = testdoc_extract(engine, "actors-set.txt", text);
	if (!doc) {
		TESTLIB_FAIL("%s: extraction failed", id);
		return;
	}
	int shown = 0;
	for (size_t i = 0; i < n; i++) {
		int ok = check_met(doc, checks[i]);
		if (ok < 0) {
			TESTLIB_FAIL("%s:%zu: unknown check \"%s\"", path, line_no, checks[i]);
			continue;
		}
		(*total)++;
		*met += (size_t)ok;
		if (!ok) {
			printf("  miss %s: %s\n", id, checks[i]);
			shown = 1;
		}
	}
	if (shown)
		print_found(doc);
	dyad_doc_free(doc);
}

TEST(actors_set)
{
	static const char *const columns[] = {"id", "text", "expect"};
	char err[DYAD_ERRMSG_MAX];
	struct dyad_arena arena;
	dyad_arena_init(&arena, 0);
	struct dyad_tsv tsv;
	if (dyad_tsv_open(&tsv, &arena, ACTORS_SET_PATH, columns, 3, err) != DYAD_OK) {
		TESTLIB_FAIL("%s", err);
		dyad_arena_release(&arena);
		return;
	}
	size_t met = 0, total = 0, lines = 0;
	dyad_status st;
	while ((st = dyad_tsv_next(&tsv)) == DYAD_OK) {
		lines++;
		run_line(ACTORS_SET_PATH, tsv.line_no, tsv.fields[0], tsv.fields[1], tsv.fields[2],
		         &met, &total);
	}
	if (st != DYAD_DONE)
		TESTLIB_FAIL("%s", err);
	double share = total ? (double)met / (double)total : 0.0;
	printf("actors: %zu lines, %zu/%zu checks met (%.3f)\n", lines, met, total, share);
	fflush(stdout);
	if (share < MIN_CHECKS_MET)
		TESTLIB_FAIL("checks met %.3f < %.2f", share, MIN_CHECKS_MET);
	dyad_arena_release(&arena);
}

int main(void)
{
	engine = testdoc_engine();
	if (!engine)
		return 1;
	RUN(actors_set);
	dyad_engine_free(engine);
	return testlib_done();
}
