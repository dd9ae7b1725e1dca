/*
 * test_petrarch_coder.c - coding sentences with TABARI/PETRARCH dictionaries:
 * compounds, agents carried through, paired events, passive voice, pattern
 * operators ($ + % ^), verbal nouns, comma clauses, the tokenizer. The
 * dictionaries are small snippets of invented places written here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dyad.h"
#include "petrarch/ptoken.h"
#include "testlib.h"

static char tmpdir[] = "/tmp/dyad-test-pcoder-XXXXXX";
static dyad_dict *dict;

static const char ACTORS[] =
	"VELMORA [VEL]\n"
	"+VELMORAN\n"
	"BRINDOR [BRI]\n"
	"KESSRA [KES]\n"
	"QUESSA [QUE]\n"
	"NORTH_ARVEN [NAR]\n"
	"HARBOUR OF TULL [TUL]\n"
	"ORDER OF THE SILVER LANTERN [IGOSLV]\n"
	"HIGH_SEAT [BRIGOV]\n";

static const char AGENTS[] =
	"ENVOY [~GOV]\n"
	"MINISTER [~GOV]\n"
	"SOLDIER [~MIL]\n"
	"GOVERNMENT [~GOV]\n"
	"LAWMAKER [~LEG]\n"
	"OFFICIAL [~GOV]\n"
	"HARBOUR_GUARD [~COP]\n";

static const char VERBS[] =
	"&MONEY\n"
	"+CROWN\n"
	"+SILVER MARK\n"
	"&NEGATE_\n"
	"+WO N'T\n"
	"+CA N'T\n"
	"+DID NOT\n"
	"--- SCOLD [121] ---\n"
	"SCOLD\n"
	"- HEAVILY * [122]\n"
	"- &NEGATE * [111]\n"
	"--- VISIT [042:043] ---\n"
	"VISIT\n"
	"--- ARRIVE [032:033] ---\n"
	"ARRIVE\n"
	"--- SAID [010] ---\n"
	"SAID\n"
	"--- FREE [066] ---\n"
	"FREE\n"
	"- + * FROM $ [067]\n"
	"--- GIVE [070] ---\n"
	"GIVE {GAVE GIVEN}\n"
	"- * &MONEY [071]\n"
	"- * AID TO ^ AGAINST + [072]\n"
	"--- AGREE [081] ---\n"
	"AGREE\n"
	"- % * [083:083]\n"
	"- * WITH % [084]\n"
	"--- DELAY [190] ---\n"
	"DELAY\n"
	"- % HAVE * [191]\n"
	"--- MEET [040:040] ---\n"
	"MEET\n"
	"- % HAVE DELAYED * [192]\n"
	"--- URGE [102] ---\n"
	"URGE\n"
	"--- RESPOND [100] ---\n"
	"RESPOND\n"
	"--- ATTACK [190] ---\n"
	"ATTACK\n"
	"--- BREAK [160] ---\n"
	"BREAK { BROKE BROKEN }\n"
	"+BREAK_OFF {+BROKE_OFF +BROKEN_OFF}\n"
	"--- TRY [---] ---\n"
	"TRY\n";

static const char DISCARDS[] = "+REGATTA\nHANDBALL\n";

static const char *put(const char *name, const char *content, char *path,
                       size_t cap)
{
	snprintf(path, cap, "%s/%s", tmpdir, name);
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(content, f);
		fclose(f);
	}
	return path;
}

/* "SRC TGT CODE;..." of one sentence, in the order the coder found them. */
static const char *code(const char *text)
{
	static char out[1024];
	struct dyad_dict_coding *c;
	out[0] = '\0';
	if (!dict || dyad_dict_code_sentence(dict, text, strlen(text), "19950101",
	                                     &c) != DYAD_OK)
		return "error";
	if (c->discard != DYAD_DICT_KEPT)
		snprintf(out, sizeof out, "%s",
		         c->discard == DYAD_DICT_STORY_DISCARD ? "story discard"
		                                               : "sentence discard");
	for (size_t i = 0; i < c->n_events; i++) {
		size_t n = strlen(out);
		snprintf(out + n, sizeof out - n, "%s%s %s %s", i ? ";" : "",
		         c->events[i].source, c->events[i].target, c->events[i].code);
	}
	dyad_dict_coding_free(c);
	return out;
}

TEST(tokens_follow_the_treebank)
{
	struct dyad_arena a;
	dyad_arena_init(&a, 0);
	const char *text = "Velmora's envoy won't go to the U.S. capital, "
	                   "officials’ aides said--today (in Quessa).";
	struct dyad__ptok *t;
	size_t n;
	CHECK(dyad__ptokenize(&a, text, strlen(text), &t, &n) == DYAD_OK);
	const char *want[] = {"VELMORA", "'S", "ENVOY", "WO", "N'T", "GO", "TO",
	                      "THE", "U.S.", "CAPITAL", ",", "OFFICIALS", "'",
	                      "AIDES", "SAID", "--", "TODAY", "(", "IN", "QUESSA",
	                      ")", "."};
	CHECK_INT_EQ(n, sizeof want / sizeof *want);
	for (size_t i = 0; i < n && i < sizeof want / sizeof *want; i++)
		CHECK_STR_EQ(t[i].up, want[i]);
	dyad_arena_release(&a);
}

TEST(simple_event_and_agents)
{
	CHECK_STR_EQ(code("Velmora scolded Brindor."), "VEL BRI 121");
	CHECK_STR_EQ(code("The Velmoran minister scolded Brindor's soldiers."),
	             "VELGOV BRIMIL 121");
	/* an agent alone has no actor */
	CHECK_STR_EQ(code("A senior official scolded Brindor."), "---GOV BRI 121");
	/* the possessed name is the head */
	CHECK_STR_EQ(code("Brindor's High Seat scolded Kessra."), "BRIGOV KES 121");
	/* multi-word actors with a preposition inside */
	CHECK_STR_EQ(code("The Harbour of Tull scolded the Order of the Silver "
	                  "Lantern."),
	             "TUL IGOSLV 121");
}

TEST(compounds_and_agents_carried_through)
{
	CHECK_STR_EQ(code("Velmora, Brindor and Kessra scolded Quessa."),
	             "VEL QUE 121;BRI QUE 121;KES QUE 121");
	CHECK_STR_EQ(code("Quessa scolded Velmora, the old Brindor, and Kessra."),
	             "QUE VEL 121;QUE BRI 121;QUE KES 121");
	CHECK_STR_EQ(code("The envoys of Velmora, Brindor and Kessra scolded "
	                  "Quessa."),
	             "VELGOV QUE 121;BRIGOV QUE 121;KESGOV QUE 121");
	CHECK_STR_EQ(code("Lawmakers in Velmora and Brindor scolded Quessa."),
	             "VELLEG QUE 121;BRILEG QUE 121");
	CHECK_STR_EQ(code("Velmora and the government of Brindor scolded Quessa."),
	             "VEL QUE 121;BRIGOV QUE 121");
	/* a member without a code drops out */
	CHECK_STR_EQ(code("Lions, tigers, and Velmora scolded Quessa."),
	             "VEL QUE 121");
}

TEST(paired_codes)
{
	CHECK_STR_EQ(code("The Velmora minister arrived in Brindor on Monday."),
	             "VELGOV BRI 032;BRI VELGOV 033");
	CHECK_STR_EQ(code("Kessra will visit Velmora and Brindor."),
	             "KES VEL 042;VEL KES 043;KES BRI 042;BRI KES 043");
}

TEST(passive_voice)
{
	CHECK_STR_EQ(code("Velmora was heavily scolded by Brindor."),
	             "BRI VEL 122");
	/* no "by": the subject stays the source */
	CHECK_STR_EQ(code("Velmora was scolded over its treaty with Brindor."),
	             "VEL BRI 121");
}

TEST(pattern_operators)
{
	/* + before the verb, $ after it */
	CHECK_STR_EQ(code("Kessra's harbour guard was freed from Brindor."),
	             "BRI KESCOP 067");
	/* ^ skips a noun phrase; + takes the next one */
	CHECK_STR_EQ(code("Velmora gave aid to Brindor against Kessra."),
	             "VEL KES 072");
	/* synset phrases of several words, and plurals */
	CHECK_STR_EQ(code("Velmora gave a silver mark to Quessa."), "VEL QUE 071");
	CHECK_STR_EQ(code("Velmora gave crowns to Quessa."), "VEL QUE 071");
	/* negation synsets in treebank form */
	CHECK_STR_EQ(code("Velmora won't scold Brindor."), "VEL BRI 111");
	CHECK_STR_EQ(code("Velmora can't scold Brindor."), "VEL BRI 111");
	/* % before the verb: a compound, its members on each other */
	CHECK_STR_EQ(code("Velmora and Brindor agree that the war must end."),
	             "VEL BRI 083;BRI VEL 083");
	/* % after the verb */
	CHECK_STR_EQ(code("Kessra agrees with Velmora and Brindor."),
	             "KES VEL 084;KES BRI 084");
}

TEST(verbal_nouns)
{
	/* "an attack" is a noun */
	CHECK_STR_EQ(code("Velmora scolded an attack by Brindor soldiers."),
	             "VEL BRIMIL 121");
	/* "their meeting" counts only when a pattern names the governing verb */
	CHECK_STR_EQ(code("Velmora and Brindor have delayed their meeting in "
	                  "North Arven."),
	             "VEL NAR 192;BRI NAR 192");
	/* and "their" is the compound itself otherwise */
	CHECK_STR_EQ(code("Velmora and Brindor have delayed their talks."),
	             "VEL BRI 191;BRI VEL 191");
}

TEST(clauses_and_complements)
{
	/* a short final ", officials said" clause is dropped... */
	CHECK_STR_EQ(code("Velmora scolded Brindor, officials said."),
	             "VEL BRI 121");
	/* ...and so is a short aside */
	CHECK_STR_EQ(code("The Velmora minister, in a speech on Monday, urged "
	                  "Brindor to respond."),
	             "VELGOV BRI 102");
	/* "to respond" belongs to "urged"; "try" makes no event of its own */
	CHECK_STR_EQ(code("Velmora won't try to scold Kessra."), "VEL KES 111");
	/* coordinated verbs share their subject */
	CHECK_STR_EQ(code("The Velmora government scolded Brindor on Monday and "
	                  "attacked Kessra."),
	             "VELGOV BRI 121;VELGOV KES 190");
	/* a verb with no object may have no target */
	CHECK_STR_EQ(code("Kessra said on Friday."), "KES --- 010");
	/* multi-word verb */
	CHECK_STR_EQ(code("Velmora has broken off talks with Brindor."),
	             "VEL BRI 160");
	CHECK_STR_EQ(code("Velmora criticized Brindor."), ""); /* not a verb here */
}

TEST(partial_names)
{
	/* the first words of a long name the dictionary knows */
	CHECK_STR_EQ(code("The Order of the Silver Council scolded Velmora."),
	             "IGOSLV VEL 121");
}

TEST(discards)
{
	CHECK_STR_EQ(code("Velmora scolded Brindor after the regatta."),
	             "story discard");
	CHECK_STR_EQ(code("Velmora scolded Brindor at handball."),
	             "sentence discard");
}

int main(void)
{
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 1;
	}
	char a[300], g[300], v[300], d[300], err[DYAD_ERRMSG_MAX];
	const char *actors[] = {put("c.actors.txt", ACTORS, a, sizeof a)};
	struct dyad_dict_files files = {
		actors, 1, put("c.agents.txt", AGENTS, g, sizeof g),
		put("c.verbs.txt", VERBS, v, sizeof v),
		put("c.discards.txt", DISCARDS, d, sizeof d)};
	if (dyad_dict_open_files(&files, &dict, err) != DYAD_OK)
		fprintf(stderr, "dictionaries: %s\n", err);
	RUN(tokens_follow_the_treebank);
	RUN(simple_event_and_agents);
	RUN(compounds_and_agents_carried_through);
	RUN(paired_codes);
	RUN(passive_voice);
	RUN(pattern_operators);
	RUN(verbal_nouns);
	RUN(clauses_and_complements);
	RUN(partial_names);
	RUN(discards);
	dyad_dict_free(dict);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmpdir);
	return testlib_done();
}
