/*
 * test_petrarch_dicts.c - the TABARI/PETRARCH dictionary readers and the
 * validation record reader, each format feature on a snippet written here
 * (invented places and people), and the "FILE:LINE: message" errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dyad.h"
#include "petrarch/pdict.h"
#include "testlib.h"

static char tmpdir[] = "/tmp/dyad-test-petrarch-XXXXXX";
static char paths[16][256];
static int n_paths;

/* Write content to tmpdir/name; returns the path (static storage). */
static const char *put(const char *name, const char *content)
{
	char *p = paths[n_paths++ % 16];
	snprintf(p, sizeof paths[0], "%s/%s", tmpdir, name);
	FILE *f = fopen(p, "w");
	if (f) {
		fputs(content, f);
		fclose(f);
	}
	return p;
}

static dyad_dict *load(const char *actors, const char *agents,
                       const char *verbs, const char *discards, char *err)
{
	const char *actor_files[1];
	struct dyad_dict_files files = {actor_files, 0, NULL, NULL, NULL};
	if (actors) {
		actor_files[0] = put("t.actors.txt", actors);
		files.n_actors = 1;
	}
	if (agents)
		files.agents = put("t.agents.txt", agents);
	if (verbs)
		files.verbs = put("t.verbs.txt", verbs);
	if (discards)
		files.discards = put("t.discards.txt", discards);
	dyad_dict *dict = NULL;
	err[0] = '\0';
	if (dyad_dict_open_files(&files, &dict, err) != DYAD_OK)
		return NULL;
	return dict;
}

/* The codes of one coded sentence as "SRC TGT CODE;..." in out. */
static const char *code(dyad_dict *dict, const char *text, const char *date,
                        char *out, size_t cap)
{
	struct dyad_dict_coding *c;
	out[0] = '\0';
	if (dyad_dict_code_sentence(dict, text, strlen(text), date, &c) != DYAD_OK)
		return "error";
	if (c->discard == DYAD_DICT_STORY_DISCARD)
		snprintf(out, cap, "story discard");
	else if (c->discard == DYAD_DICT_SENTENCE_DISCARD)
		snprintf(out, cap, "sentence discard");
	for (size_t i = 0; i < c->n_events; i++) {
		size_t n = strlen(out);
		snprintf(out + n, cap - n, "%s%s %s %s", i ? ";" : "",
		         c->events[i].source, c->events[i].target, c->events[i].code);
	}
	dyad_dict_coding_free(c);
	return out;
}

static const char VERBS[] =
	"--- CRITICIZE [121] ---\n"
	"CRITICIZE\n"
	"--- VISIT [042:043] ---\n"
	"VISIT\n";

/* Code of the actor phrase `name` as subject of "NAME criticized Velmora." */
static const char *actor_code(dyad_dict *dict, const char *name,
                              const char *date, char *out, size_t cap)
{
	char text[256];
	snprintf(text, sizeof text, "%s criticized Velmora.", name);
	return code(dict, text, date, out, cap);
}

/* ---- actors ---------------------------------------------------------- */

TEST(actors_entry_synonyms_and_codes)
{
	char err[DYAD_ERRMSG_MAX], out[512];
	dyad_dict *d = load("VELMORA [VEL]\n"
	                    "ZELTANIA  [ZEL]   # a comment\n"
	                    "+ZELTANIAN\n"
	                    "+PORT_ARVEN  ; TABARI comment\n",
	                    NULL, VERBS, NULL, err);
	CHECK(d != NULL);
	if (!d)
		return;
	CHECK_STR_EQ(actor_code(d, "Zeltania", NULL, out, sizeof out),
	             "ZEL VEL 121");
	CHECK_STR_EQ(actor_code(d, "The Zeltanian", NULL, out, sizeof out),
	             "ZEL VEL 121");
	CHECK_STR_EQ(actor_code(d, "Port Arven", NULL, out, sizeof out),
	             "ZEL VEL 121");
	struct dyad_dict_stats st;
	dyad_dict_stats(d, &st);
	CHECK_INT_EQ(st.actor_entries, 2);
	CHECK_INT_EQ(st.actor_phrases, 4);
	dyad_dict_free(d);
}

TEST(actors_several_codes_make_a_compound)
{
	char err[DYAD_ERRMSG_MAX], out[512];
	dyad_dict *d = load("VELMORA [VEL]\nTHE_TWIN_CITIES [TWA/TWB]\n", NULL, VERBS,
	                    NULL, err);
	CHECK(d != NULL);
	if (!d)
		return;
	CHECK_STR_EQ(actor_code(d, "The Twin Cities", NULL, out, sizeof out),
	             "TWA VEL 121;TWB VEL 121");
	dyad_dict_free(d);
}

TEST(actors_date_restrictions)
{
	char err[DYAD_ERRMSG_MAX], out[512];
	dyad_dict *d = load("VELMORA [VEL]\n"
	                    "MARIT OLVANE  [VELOPP]   # default\n"
	                    "+OLVANE_\n"
	                    "\t[VELCIV <950601]\n"
	                    "\t[VELGOV 19950601 - 19990815]\n"
	                    "#\t[950601-990815]  commented out\n"
	                    "\t[VELREB > 990816]\n"
	                    "\n"
	                    "KESSRA\n"
	                    "\t[OLD <790606]\n"
	                    "\t[KES]#no default on the primary line\n"
	                    "TORVEN\n"
	                    "\t[TRV 20100109-20100112]   # eight digits\n",
	                    NULL, VERBS, NULL, err);
	CHECK(d != NULL);
	if (!d)
		return;
	CHECK_STR_EQ(actor_code(d, "Marit Olvane", "19900101", out, sizeof out),
	             "VELCIV VEL 121");
	CHECK_STR_EQ(actor_code(d, "Olvane", "19950531", out, sizeof out),
	             "VELCIV VEL 121"); /* "<D": before D */
	CHECK_STR_EQ(actor_code(d, "Olvane", "19950601", out, sizeof out),
	             "VELGOV VEL 121"); /* a window starts on its first date */
	CHECK_STR_EQ(actor_code(d, "Olvane", "1999-08-14", out, sizeof out),
	             "VELGOV VEL 121");
	CHECK_STR_EQ(actor_code(d, "Olvane", "19990816", out, sizeof out),
	             "VELREB VEL 121"); /* ">D": D or after */
	CHECK_STR_EQ(actor_code(d, "Olvane", "20050101", out, sizeof out),
	             "VELREB VEL 121");
	CHECK_STR_EQ(actor_code(d, "Kessra", "19780101", out, sizeof out),
	             "OLD VEL 121");
	CHECK_STR_EQ(actor_code(d, "Kessra", "19800101", out, sizeof out),
	             "KES VEL 121");
	CHECK_STR_EQ(actor_code(d, "Torven", "20100110", out, sizeof out),
	             "TRV VEL 121");
	/* outside every window and no default: no actor, no event */
	CHECK_STR_EQ(actor_code(d, "Torven", "20110110", out, sizeof out), "");
	dyad_dict_free(d);
}

TEST(actors_markup_comments)
{
	char err[DYAD_ERRMSG_MAX], out[512];
	dyad_dict *d = load("<!-- ACTORS -->\n"
	                    "<!--\n"
	                    "BRINDOR [XXX] this whole block is a comment\n"
	                    "-->\n"
	                    "<! -- a TABARI-style markup line -->\n"
	                    "VELMORA [VEL]\n"
	                    "BRINDOR [BRI]\n"
	                    "NULLAND [---]\n",
	                    NULL, VERBS, NULL, err);
	CHECK(d != NULL);
	if (!d)
		return;
	CHECK_STR_EQ(actor_code(d, "Brindor", NULL, out, sizeof out), "BRI VEL 121");
	CHECK_STR_EQ(actor_code(d, "Nulland", NULL, out, sizeof out), "");
	dyad_dict_free(d);
}

TEST(actors_errors_name_file_and_line)
{
	char err[DYAD_ERRMSG_MAX];
	CHECK(load("VELMORA [VEL]\nBRINDOR [BRI\n", NULL, NULL, NULL, err) == NULL);
	CHECK(strstr(err, "t.actors.txt:2: ") != NULL);
	CHECK(strstr(err, "without ']'") != NULL);
	CHECK(load("VELMORA [VEL]\n\t[VELGOV 9506-990101]\n", NULL, NULL, NULL,
	           err) == NULL);
	CHECK(strstr(err, "t.actors.txt:2: bad date restriction") != NULL);
	CHECK(load("+VELMORAN\nVELMORA [VEL]\n", NULL, NULL, NULL, err) == NULL);
	CHECK(strstr(err, "t.actors.txt:1: synonym") != NULL);
	CHECK(load("VELMORA [VEL] extra words\n", NULL, NULL, NULL, err) == NULL);
	CHECK(strstr(err, "t.actors.txt:1: unexpected text") != NULL);
	CHECK(load("VELMORA []\n", NULL, NULL, NULL, err) == NULL);
	CHECK(strstr(err, "t.actors.txt:1: empty code") != NULL);
	CHECK(load("VELMORA\n\t[<950101]\n", NULL, NULL, NULL, err) == NULL);
	CHECK(strstr(err, "t.actors.txt:2: date restriction without a code") != NULL);
}

/* ---- agents ------------------------------------------------------- */

static const char AGENTS[] =
	"<!-- AGENTS -->\n"
	"!PERSON! = MAN, MEN, WOMAN, WOMEN\n"
	"MINISTER [~GOV]\n"
	"FOREIGN_MINISTER [~GOVFRM]\n"
	"AUTHORITY [~GOV]      # plural in -IES\n"
	"CONGRESS!PERSON! [~LEG]\n"
	"CONGRESS [~LEG]       # plural in -ES\n"
	"POLICE {} [ ~COP]\n"
	"GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\n"
	"RELIEF_BODY  [NGO~]\n";

TEST(agents_plurals_markers_and_sides)
{
	char err[DYAD_ERRMSG_MAX], out[512];
	dyad_dict *d = load("VELMORA [VEL]\nBRINDOR [BRI]\n", AGENTS, VERBS, NULL,
	                    err);
	CHECK(d != NULL);
	if (!d)
		return;
	CHECK_STR_EQ(actor_code(d, "Brindor's ministers", NULL, out, sizeof out),
	             "BRIGOV VEL 121");
	CHECK_STR_EQ(actor_code(d, "Brindor's foreign minister", NULL, out,
	                        sizeof out),
	             "BRIGOVFRM VEL 121");
	CHECK_STR_EQ(actor_code(d, "Brindor authorities", NULL, out, sizeof out),
	             "BRIGOV VEL 121");
	CHECK_STR_EQ(actor_code(d, "Brindor congresswomen", NULL, out, sizeof out),
	             "BRILEG VEL 121");
	CHECK_STR_EQ(actor_code(d, "Brindor congresses", NULL, out, sizeof out),
	             "BRILEG VEL 121");
	CHECK_STR_EQ(actor_code(d, "Brindor police", NULL, out, sizeof out),
	             "BRICOP VEL 121");
	CHECK_STR_EQ(actor_code(d, "Brindor's golden geese", NULL, out, sizeof out),
	             "BRIGGS VEL 121");
	CHECK_STR_EQ(actor_code(d, "A Brindor relief body", NULL, out, sizeof out),
	             "NGOBRI VEL 121");
	/* no plural for {} */
	CHECK_STR_EQ(actor_code(d, "Brindor polices", NULL, out, sizeof out),
	             "BRI VEL 121");
	/* an agent alone */
	CHECK_STR_EQ(actor_code(d, "The minister", NULL, out, sizeof out),
	             "---GOV VEL 121");
	dyad_dict_free(d);
}

TEST(agents_redundant_codes_are_not_repeated)
{
	char err[DYAD_ERRMSG_MAX], out[512];
	dyad_dict *d = load("VELMORA [VEL]\nTHE_PALACE [BRIGOV]\n",
	                    "GOVERNMENT [~GOV]\nWORLD_COUNCIL {} [~WCO]\n", VERBS,
	                    NULL, err);
	CHECK(d != NULL);
	if (!d)
		return;
	CHECK_STR_EQ(actor_code(d, "The Palace government", NULL, out, sizeof out),
	             "BRIGOV VEL 121");
	CHECK_STR_EQ(actor_code(d, "The Palace world council", NULL, out, sizeof out),
	             "BRIGOVWCO VEL 121");
	dyad_dict_free(d);
}

TEST(agents_errors_name_file_and_line)
{
	char err[DYAD_ERRMSG_MAX];
	CHECK(load(NULL, "MINISTER [~GOV]\nJUDGE [JUD]\n", NULL, NULL, err) == NULL);
	CHECK(strstr(err, "t.agents.txt:2: agent code [JUD] needs '~'") != NULL);
	CHECK(load(NULL, "MINISTER\n", NULL, NULL, err) == NULL);
	CHECK(strstr(err, "t.agents.txt:1: agent 'MINISTER' without a [code]") !=
	      NULL);
	CHECK(load(NULL, "!X! = A, B\nCONGRESS!PERSON! [~LEG]\n", NULL, NULL, err) ==
	      NULL);
	CHECK(strstr(err, "t.agents.txt:2: undefined substitution set !PERSON!") !=
	      NULL);
	CHECK(load(NULL, "TROOP {TROOPS [~MIL]\n", NULL, NULL, err) == NULL);
	CHECK(strstr(err, "t.agents.txt:1: '{' without '}'") != NULL);
}

/* ---- verbs ---------------------------------------------------------- */

TEST(verbs_blocks_forms_and_codes)
{
	char err[DYAD_ERRMSG_MAX], out[512];
	dyad_dict *d = load("VELMORA [VEL]\nBRINDOR [BRI]\n", NULL,
	                    "<!-- VERBS -->\n"
	                    "--- SCOLD [130] ---\n"
	                    "SCOLD\n"
	                    "REBUKE [131]\n"
	                    "--- BREAK [170] ---\n"
	                    "BREAK { BROKE BROKEN }\n"
	                    "+BREAK_OFF {+BROKE_OFF +BROKEN_OFF}\n"
	                    "WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING} [171]\n"
	                    "--- STOP [190] ---\n"
	                    "STOP\n",
	                    NULL, err);
	CHECK(d != NULL);
	if (!d)
		return;
	CHECK_STR_EQ(code(d, "Brindor scolds Velmora.", NULL, out, sizeof out),
	             "BRI VEL 130");
	CHECK_STR_EQ(code(d, "Brindor scolded Velmora.", NULL, out, sizeof out),
	             "BRI VEL 130");
	CHECK_STR_EQ(code(d, "Brindor rebuked Velmora.", NULL, out, sizeof out),
	             "BRI VEL 131");
	CHECK_STR_EQ(code(d, "Brindor broke a promise to Velmora.", NULL, out,
	                  sizeof out),
	             "BRI VEL 170");
	CHECK_STR_EQ(code(d, "Brindor has broken off talks with Velmora.", NULL,
	                  out, sizeof out),
	             "BRI VEL 170");
	CHECK_STR_EQ(code(d, "Brindor wire tapped Velmora.", NULL, out, sizeof out),
	             "BRI VEL 171");
	CHECK_STR_EQ(code(d, "Brindor stopped Velmora.", NULL, out, sizeof out),
	             "BRI VEL 190");
	CHECK_STR_EQ(code(d, "Brindor stopx Velmora.", NULL, out, sizeof out), "");
	dyad_dict_free(d);
}

TEST(verbs_patterns_with_synsets)
{
	char err[DYAD_ERRMSG_MAX], out[512];
	dyad_dict *d = load("VELMORA [VEL]\nBRINDOR [BRI]\nKESSRA [KES]\n", NULL,
	                    "&COIN\n"
	                    "+CROWN\n"
	                    "+SILVER MARK\n"
	                    "+GOLDEN_FLORIN_\n"
	                    "&KIND_\n"
	                    "+TRADE\n"
	                    "+ARMY\n"
	                    "&KINDS\n"
	                    "+&KIND\n"
	                    "+CULTURE\n"
	                    "&NOT_\n"
	                    "+WO N'T\n"
	                    "+DID NOT\n"
	                    "--- GIVE [070] ---\n"
	                    "GIVE {GAVE GIVEN}\n"
	                    "- * &COIN [071]\n"
	                    "- * &UNDEFINED [099]\n"
	                    "- * &KINDS_TIES [072]\n"
	                    "- * NEW_&KIND_TIES [073]\n"
	                    "- &NOT * [074]\n",
	                    NULL, err);
	CHECK(d != NULL);
	if (!d)
		return;
	CHECK_INT_EQ(d->n_ignored_patterns, 1);
	CHECK_STR_EQ(code(d, "Brindor gave crowns to Velmora.", NULL, out, sizeof out),
	             "BRI VEL 071"); /* a generated plural */
	CHECK_STR_EQ(code(d, "Brindor gave a silver mark to Velmora.", NULL, out,
	                  sizeof out),
	             "BRI VEL 071");
	CHECK_STR_EQ(code(d, "Brindor gave golden florins to Velmora.", NULL, out,
	                  sizeof out),
	             "BRI VEL 070"); /* '_' at the end: no plural */
	CHECK_STR_EQ(code(d, "Brindor gave culture ties to Velmora.", NULL, out,
	                  sizeof out),
	             "BRI VEL 072");
	CHECK_STR_EQ(code(d, "Brindor gave army ties to Velmora.", NULL, out,
	                  sizeof out),
	             "BRI VEL 072"); /* a synset inside a synset */
	CHECK_STR_EQ(code(d, "Brindor gave new trade ties to Velmora.", NULL, out,
	                  sizeof out),
	             "BRI VEL 073"); /* the longer pattern wins */
	CHECK_STR_EQ(code(d, "Brindor gave new old trade ties to Velmora.", NULL, out,
	                  sizeof out),
	             "BRI VEL 072"); /* '_' allows no word between: the next best */
	CHECK_STR_EQ(code(d, "Brindor won't give Velmora a chance.", NULL, out,
	                  sizeof out),
	             "BRI VEL 074");
	dyad_dict_free(d);
}

TEST(verbs_errors_name_file_and_line)
{
	char err[DYAD_ERRMSG_MAX];
	CHECK(load(NULL, NULL, "- * FOO [010]\n", NULL, err) == NULL);
	CHECK(strstr(err, "t.verbs.txt:1: pattern before any verb block") != NULL);
	CHECK(load(NULL, NULL, "--- A [010] ---\nA\n- FOO BAR [011]\n", NULL, err) ==
	      NULL);
	CHECK(strstr(err, "t.verbs.txt:3: pattern without '*'") != NULL);
	CHECK(load(NULL, NULL, "--- A [010] ---\nA\n- * FOO\n", NULL, err) == NULL);
	CHECK(strstr(err, "t.verbs.txt:3: pattern without a [code]") != NULL);
	CHECK(load(NULL, NULL, "SCOLD\n", NULL, err) == NULL);
	CHECK(strstr(err, "t.verbs.txt:1: verb 'SCOLD' before any") != NULL);
	CHECK(load(NULL, NULL, "&A\n+&B\n", NULL, err) == NULL);
	CHECK(strstr(err, "t.verbs.txt:2: synset &B used before") != NULL);
}

/* ---- discards --------------------------------------------------------- */

TEST(discards_sentence_story_and_exact)
{
	char err[DYAD_ERRMSG_MAX], out[512];
	dyad_dict *d = load("VELMORA [VEL]\nBRINDOR [BRI]\n", NULL, VERBS,
	                    "# sentence and story discards\n"
	                    "HANDBALL\n"
	                    "+Grand Regatta   # story\n"
	                    "CUP FINAL_\n",
	                    err);
	CHECK(d != NULL);
	if (!d)
		return;
	CHECK_STR_EQ(code(d, "Brindor criticized Velmora over handballs.", NULL, out,
	                  sizeof out),
	             "sentence discard"); /* a stem: HANDBALLS matches */
	CHECK_STR_EQ(code(d, "At the GRAND regatta Brindor criticized Velmora.",
	                  NULL, out, sizeof out),
	             "story discard");
	CHECK_STR_EQ(code(d, "Brindor criticized Velmora after the cup final.", NULL,
	                  out, sizeof out),
	             "sentence discard");
	CHECK_STR_EQ(code(d, "Brindor criticized Velmora after the cup finals.",
	                  NULL, out, sizeof out),
	             "BRI VEL 121"); /* '_': FINALS is not FINAL */
	dyad_dict_free(d);
}

/* ---- folders and configs ------------------------------------------------ */

TEST(open_folder_and_config)
{
	char err[DYAD_ERRMSG_MAX];
	char sub[300];
	snprintf(sub, sizeof sub, "%s/set", tmpdir);
	CHECK(mkdir(sub, 0700) == 0);
	put("set/a.actors.txt", "VELMORA [VEL]\n");
	put("set/b.actors.txt", "BRINDOR [BRI]\n");
	put("set/x.verbs.txt", VERBS);
	dyad_dict *d = NULL;
	CHECK(dyad_dict_open(sub, &d, err) == DYAD_OK);
	if (d) {
		struct dyad_dict_stats st;
		dyad_dict_stats(d, &st);
		CHECK_INT_EQ(st.actor_entries, 2);
		CHECK_INT_EQ(st.verb_blocks, 2);
		dyad_dict_free(d);
	}
	const char *cfg = put("dict.conf", "# my set\nactors = set/a.actors.txt\n"
	                                   "actors = set/b.actors.txt\n"
	                                   "verbs = set/x.verbs.txt\n");
	d = NULL;
	CHECK(dyad_dict_open(cfg, &d, err) == DYAD_OK);
	if (d) {
		struct dyad_dict_stats st;
		dyad_dict_stats(d, &st);
		CHECK_INT_EQ(st.actor_entries, 2);
		dyad_dict_free(d);
	}
	cfg = put("bad.conf", "actors = set/a.actors.txt\nissues = x.txt\n");
	CHECK(dyad_dict_open(cfg, &d, err) == DYAD_EDATA);
	CHECK(strstr(err, "bad.conf:2: unknown kind") != NULL);
	CHECK(dyad_dict_open("/nonexistent/dyad", &d, err) == DYAD_ENOENT);
}

/* ---- validation records ------------------------------------------------- */

TEST(validation_records_are_read)
{
	char err[DYAD_ERRMSG_MAX];
	const char *xml = put(
		"v.xml",
		"<Validation>\n"
		"<!-- a comment with <EventCoding sourcecode=\"X\"> inside -->\n"
		"<Environment>\n"
		"  <Verbfile>v.verbs.txt</Verbfile>\n"
		"  <Actorfile>v.actors.txt</Actorfile>\n"
		"  <Agentfile>v.agents.txt</Agentfile>\n"
		"  <Discardfile>v.discards.txt</Discardfile>\n"
		"</Environment>\n"
		"<Sentences>\n"
		"<Sentence date = \"19950101\" id =\"T-1\" category=\"DEMO\" "
		"sentence=\"true\">\n"
		"<EventCoding sourcecode=\"BRI\" targetcode='\"VEL\"' "
		"eventcode=\"121\"></EventCoding>\n"
		"<Text>\nBrindor  criticized\n Velmora &amp; Kessra.\n</Text>\n"
		"<Parse>(ROOT (S (NP (NNP Brindor))))</Parse>\n"
		"</Sentence>\n"
		"<Sentence date=\"19950102\" id=\"T-2\" category=\"ERROR\" "
		"sentence=\"false\">\n"
		"<EventCoding error=\"sentencediscard\"></EventCoding>\n"
		"<Text>x</Text></Sentence>\n"
		"<Sentence date=\"19950103\" id=\"T-3\" category=\"DEMO\">\n"
		"<EventCoding noevents = \"True\"></EventCoding><Text>y</Text>\n"
		"</Sentence>\n"
		"</Sentences></Validation>\n");
	struct dyad_validation *v;
	CHECK(dyad_validation_read(xml, &v, err) == DYAD_OK);
	if (!v)
		return;
	CHECK_INT_EQ(v->n_records, 3);
	CHECK_INT_EQ(v->files.n_actors, 1);
	char want[300];
	snprintf(want, sizeof want, "%s/v.actors.txt", tmpdir);
	CHECK_STR_EQ(v->files.actors[0], want);
	snprintf(want, sizeof want, "%s/v.discards.txt", tmpdir);
	CHECK_STR_EQ(v->files.discards, want);
	const struct dyad_validation_record *r = &v->records[0];
	CHECK_STR_EQ(r->id, "T-1");
	CHECK_STR_EQ(r->date, "19950101");
	CHECK_STR_EQ(r->category, "DEMO");
	CHECK(r->sentence);
	CHECK_STR_EQ(r->text, "Brindor criticized Velmora & Kessra.");
	CHECK_INT_EQ(r->n_expected, 1);
	CHECK_STR_EQ(r->expected[0].target, "\"VEL\"");
	CHECK(!v->records[1].sentence);
	CHECK_STR_EQ(v->records[1].expect_error, "sentencediscard");
	CHECK(v->records[2].expect_none);
	dyad_validation_free(v);
}

TEST(validation_errors_name_file_and_line)
{
	char err[DYAD_ERRMSG_MAX];
	struct dyad_validation *v;
	const char *xml = put("bad.xml", "<Validation>\n<Sentences>\n"
	                                 "<Sentence id=\"A\">\n<Text>x</Text>\n"
	                                 "<EventCoding eventcode=\"010\">\n"
	                                 "</Sentence>\n");
	CHECK(dyad_validation_read(xml, &v, err) == DYAD_EFORMAT);
	CHECK(strstr(err, "bad.xml:5: <EventCoding> needs") != NULL);
	xml = put("bad2.xml", "<Sentences>\n<Sentence id=\"A\">\n</Sentence>\n");
	CHECK(dyad_validation_read(xml, &v, err) == DYAD_EFORMAT);
	CHECK(strstr(err, "bad2.xml:2: <Sentence> without a <Text>") != NULL);
	xml = put("bad3.xml", "<Sentences>\n<!-- never closed\n");
	CHECK(dyad_validation_read(xml, &v, err) == DYAD_EFORMAT);
	CHECK(strstr(err, "bad3.xml:2: comment without") != NULL);
}

int main(void)
{
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 1;
	}
	RUN(actors_entry_synonyms_and_codes);
	RUN(actors_several_codes_make_a_compound);
	RUN(actors_date_restrictions);
	RUN(actors_markup_comments);
	RUN(actors_errors_name_file_and_line);
	RUN(agents_plurals_markers_and_sides);
	RUN(agents_redundant_codes_are_not_repeated);
	RUN(agents_errors_name_file_and_line);
	RUN(verbs_blocks_forms_and_codes);
	RUN(verbs_patterns_with_synsets);
	RUN(verbs_errors_name_file_and_line);
	RUN(discards_sentence_story_and_exact);
	RUN(open_folder_and_config);
	RUN(validation_records_are_read);
	RUN(validation_errors_name_file_and_line);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmpdir);
	return testlib_done();
}
