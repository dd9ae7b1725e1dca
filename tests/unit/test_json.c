/*
 * test_json.c - dyad_doc_write_json() and dyad_doc_json(): numbers written
 * without printf read exactly as printf would write them ("%.1f", "%.4f",
 * "%.15g", ties to even on the binary value), strings escaped, and the two
 * calls give the same line. Documents are built by hand here.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "testlib.h"

/* A document with one place entity at (lat, lon), one event of that
 * Goldstein value and one amount of that value. */
static struct dyad_doc make_doc(double lat, double lon, double goldstein, double value,
                                struct dyad_entity *ent, struct dyad_event *ev,
                                struct dyad_amount *am, struct dyad_span *span)
{
	static const char text[] = "Some text.";
	struct dyad_doc doc;
	memset(&doc, 0, sizeof doc);
	memset(ent, 0, sizeof *ent);
	memset(ev, 0, sizeof *ev);
	memset(am, 0, sizeof *am);
	doc.path = "a.txt";
	doc.id = "00";
	doc.lang = "en";
	doc.text = text;
	doc.text_len = sizeof text - 1;
	span->start = 0;
	span->end = 4;
	ent->kind = DYAD_ENTITY_PLACE;
	ent->name = "Place";
	ent->has_coords = 1;
	ent->lat = lat;
	ent->lon = lon;
	ent->mentions = span;
	ent->n_mentions = 1;
	strcpy(ev->code, "051");
	ev->quad = 1;
	ev->goldstein = goldstein;
	ev->text = "tab\there, \"quoted\" \\ \x01 line\nend";
	ev->source.entity = ev->target.entity = -1;
	ev->span = *span;
	am->value = value;
	am->span = *span;
	doc.entities = ent;
	doc.n_entities = 1;
	doc.events = ev;
	doc.n_events = 1;
	doc.amounts = am;
	doc.n_amounts = 1;
	return doc;
}

static char *json_of(const struct dyad_doc *doc)
{
	char *line;
	size_t len;
	if (dyad_doc_json(doc, 0, &line, &len) != DYAD_OK)
		return NULL;
	CHECK_INT_EQ(strlen(line), len);
	return line;
}

/* The numbers as printf writes them must be in the line. */
static void check_numbers(double lat, double lon, double goldstein, double value)
{
	struct dyad_entity ent;
	struct dyad_event ev;
	struct dyad_amount am;
	struct dyad_span span;
	struct dyad_doc doc = make_doc(lat, lon, goldstein, value, &ent, &ev, &am, &span);
	char *line = json_of(&doc);
	char want[128];
	CHECK(line != NULL);
	if (!line)
		return;
	snprintf(want, sizeof want, "\"coords\":[%.4f,%.4f]", lat, lon);
	if (!strstr(line, want))
		TESTLIB_FAIL("%s not in %s", want, line);
	snprintf(want, sizeof want, "\"goldstein\":%.1f,", goldstein);
	if (!strstr(line, want))
		TESTLIB_FAIL("%s not in %s", want, line);
	snprintf(want, sizeof want, "\"value\":%.15g,", value);
	if (!strstr(line, want))
		TESTLIB_FAIL("%s not in %s", want, line);
	dyad_free(line);
}

TEST(numbers_read_as_printf_writes_them)
{
	static const double fixed[] = {0.0, -0.0, 0.25, 0.75, 1.25, -2.5, 2.45, 9.95, 10.0,
	                               -10.0, 3.4, -7.2, 0.05, 0.15, 40.40955, 49.86705,
	                               -0.00004, 0.00005, 0.00015, 89.99995, 179.99995,
	                               -33.33335, 1e-300, 123456.789};
	static const double values[] = {0.0, -0.0, 1.0, 4000.0, 3e10, 169.4, 1.5e6, 0.5,
	                                1e15, 123456789012345.0, 2.5e-7, -42.0};
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		check_numbers(fixed[i], -fixed[i], fixed[i],
		              values[i % (sizeof values / sizeof values[0])]);
	/* random values of every magnitude the fields hold */
	srand(14);
	for (int i = 0; i < 20000; i++) {
		double a = (rand() / (double)RAND_MAX - 0.5) * 360.0;
		double g = round((rand() / (double)RAND_MAX - 0.5) * 200.0) / 10.0;
		double v = i % 2 ? floor(rand() * 1000.0) : rand() / 1000.0;
		check_numbers(a, a / 7.0, i % 3 ? g : a / 1000.0, v);
	}
}

TEST(strings_are_escaped)
{
	struct dyad_entity ent;
	struct dyad_event ev;
	struct dyad_amount am;
	struct dyad_span span;
	struct dyad_doc doc = make_doc(1, 2, 3, 4, &ent, &ev, &am, &span);
	char *line = json_of(&doc);
	CHECK(line && strstr(line, "\"text\":\"tab\\there, \\\"quoted\\\" \\\\ \\u0001 line\\nend\""));
	dyad_free(line);
}

TEST(write_and_memory_agree)
{
	struct dyad_entity ent;
	struct dyad_event ev;
	struct dyad_amount am;
	struct dyad_span span;
	struct dyad_doc doc = make_doc(40.4093, 49.8671, -4.4, 30e9, &ent, &ev, &am, &span);
	char *line = json_of(&doc);
	char *mem = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&mem, &len);
	CHECK(f && dyad_doc_write_json(&doc, f) == DYAD_OK);
	if (f)
		fclose(f);
	CHECK(line && mem && strcmp(line, mem) == 0);
	CHECK(line && line[strlen(line) - 1] == '\n');
	dyad_free(line);
	free(mem);
}

int main(void)
{
	RUN(numbers_read_as_printf_writes_them);
	RUN(strings_are_escaped);
	RUN(write_and_memory_agree);
	return testlib_done();
}
