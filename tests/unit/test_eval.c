/*
 * test_eval.c - the evaluation (src/eval): score.py's folds and scoring
 * rules on small invented gold files and outputs written to a temp folder.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "dyad.h"
#include "eval/fold.h"
#include "eval/pyrepr.h"
#include "testlib.h"

/* Files a test may write into its gold folder. */
#define MAX_FILES 16
#define PATH_MAX_LEN 512

static char tmp_dir[PATH_MAX_LEN];
static char files[MAX_FILES][PATH_MAX_LEN];
static size_t n_files;

static void gold_begin(void)
{
	snprintf(tmp_dir, sizeof tmp_dir, "%s/dyad-eval-XXXXXX",
	         getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(tmp_dir))
		TESTLIB_FAIL("mkdtemp failed");
	n_files = 0;
}

static void gold_file(const char *name, const char *json)
{
	if (n_files == MAX_FILES)
		return;
	snprintf(files[n_files], PATH_MAX_LEN, "%s/%s", tmp_dir, name);
	FILE *f = fopen(files[n_files], "w");
	if (!f) {
		TESTLIB_FAIL("cannot write %s", files[n_files]);
		return;
	}
	fputs(json, f);
	fclose(f);
	n_files++;
}

static void gold_end(void)
{
	for (size_t i = 0; i < n_files; i++)
		unlink(files[i]);
	rmdir(tmp_dir);
}

/* Open the eval on the temp folder; NULL (and a failed check) on error. */
static dyad_eval *open_eval(void)
{
	dyad_eval *ev = NULL;
	char err[DYAD_ERRMSG_MAX];
	dyad_status st = dyad_eval_open(tmp_dir, &ev, err);
	if (st != DYAD_OK)
		TESTLIB_FAIL("dyad_eval_open: %s", err);
	return ev;
}

static void add(dyad_eval *ev, const char *line)
{
	CHECK_INT_EQ(dyad_eval_add_line(ev, line, strlen(line)), DYAD_OK);
}

/* ---- folds ----------------------------------------------------------- */

static const char *fold(dyad_status (*fn)(const char *, size_t, struct dyad_buf *),
                        const char *s)
{
	static char out[PATH_MAX_LEN];
	struct dyad_buf b;
	dyad_buf_init(&b, 0);
	dyad_status st = fn(s, strlen(s), &b);
	dyad_buf_append(&b, "", 0);
	snprintf(out, sizeof out, "%s", st == DYAD_OK ? b.data : "(error)");
	dyad_buf_release(&b);
	return out;
}

static const char *actor(const char *s)
{
	const char *out = NULL;
	dyad__eval_actor(s, strlen(s), &out);
	return out;
}

TEST(latin_lowers_strips_marks_and_transliterates)
{
	CHECK_STR_EQ(fold(dyad__eval_latin, "Ёлка"), "elka");
	CHECK_STR_EQ(fold(dyad__eval_latin, "Erdoğan"), "erdogan");
	CHECK_STR_EQ(fold(dyad__eval_latin, "Щука и Ъ"), "shchuka i ");
	CHECK_STR_EQ(fold(dyad__eval_latin, "Қазақстан"), "kazakstan");
	CHECK_STR_EQ(fold(dyad__eval_latin, "ﬁ½"), "fi1\xE2\x81\x84" "2");
	CHECK_STR_EQ(fold(dyad__eval_latin, ""), "");
}

TEST(skeleton_matches_surnames_across_scripts)
{
	CHECK_STR_EQ(fold(dyad__eval_skel, "Tokayev"), "tkv");
	CHECK_STR_EQ(fold(dyad__eval_skel, "Токаев"), "tkv");
	CHECK_STR_EQ(fold(dyad__eval_skel, "Lecornu"), fold(dyad__eval_skel, "Лекорню"));
	CHECK_STR_EQ(fold(dyad__eval_skel, "Shoigu"), fold(dyad__eval_skel, "Шойгу"));
	CHECK_STR_EQ(fold(dyad__eval_skel, "Xi"), "s");
	CHECK_STR_EQ(fold(dyad__eval_skel, "Jabbarov"), "Jbrv");
	CHECK_STR_EQ(fold(dyad__eval_skel, "Aaa"), "a");
	CHECK_STR_EQ(fold(dyad__eval_skel, "Tttt"), "tt");
	CHECK_STR_EQ(fold(dyad__eval_skel, "123"), "");
}

TEST(titles_compare_by_words)
{
	CHECK_STR_EQ(fold(dyad__eval_norm_title, "«Hello, World!»  "), "hello world");
	CHECK_STR_EQ(fold(dyad__eval_norm_title, "snake_case—and 3½"), "snake_case and 31 2");
	CHECK_STR_EQ(fold(dyad__eval_norm_title, "Путин: «да»"), "putin da");
	CHECK_STR_EQ(fold(dyad__eval_norm_title, "..."), "");
}

TEST(actors_are_iso3_or_igo)
{
	CHECK_STR_EQ(actor("AZE"), "AZE");
	CHECK_STR_EQ(actor(" aze\t"), "AZE");
	CHECK_STR_EQ(actor("xkx"), "XKX");
	CHECK_STR_EQ(actor("UN"), "IGO");
	CHECK_STR_EQ(actor("NATO"), "IGO");
	CHECK_STR_EQ(actor("EUR"), "IGO");
	CHECK_STR_EQ(actor("ruſ"), "RUS"); /* Python's upper() makes long s an S */
	CHECK_STR_EQ(actor(""), "");
	CHECK_STR_EQ(actor(" \xC2\xA0"), "");
}

TEST(repr_quotes_like_python)
{
	struct dyad_buf b;
	dyad_buf_init(&b, 0);
	dyad__eval_repr_str(&b, "it's", 4);
	CHECK_STR_EQ(b.data, "\"it's\"");
	dyad_buf_reset(&b);
	dyad__eval_repr_str(&b, "a\t\"'\\\xE2\x80\x8B\xC3\xA9", 10);
	CHECK_STR_EQ(b.data, "'a\\t\"\\'\\\\\\u200b\xC3\xA9'");
	dyad_buf_reset(&b);
	json_t *v = json_loads("[null, true, 1.0, 1e16, 0.00001, {\"k\": -2}]", 0, NULL);
	dyad__eval_repr_json(&b, v);
	CHECK_STR_EQ(b.data, "[None, True, 1.0, 1e+16, 1e-05, {'k': -2}]");
	json_decref(v);
	dyad_buf_release(&b);
}

/* ---- scoring --------------------------------------------------------- */

static const char *const gold_events =
	"{\"doc\": \"a.txt\", \"lang\": \"en\", \"published\": \"2024-05-01\","
	" \"source\": [], \"title\": null, \"persons\": [],"
	" \"events_required\": [[\"AZE\", \"KGZ\", \"05\"], [\"KGZ\", \"AZE\", \"05\"],"
	"                       [\"AZE\", \"TUR\", \"04\"], [\"AZE\", \"AZE\", \"03\"]],"
	" \"events_optional\": [[\"AZE\", \"ARM\", \"19\"]]}";

#define EV(code, s, t) \
	"{\"code\": " code ", \"source\": {\"country\": " s "}, \"target\": {\"country\": " t "}}"

TEST(events_precision_recall_f1)
{
	gold_begin();
	gold_file("a.json", gold_events);
	dyad_eval *ev = open_eval();
	if (!ev)
		return;
	add(ev, "{\"path\": \"texts/a.txt\", \"lang\": \"en\", \"published\": \"2024-05-01\","
	        " \"events\": ["
	        EV("\"051\"", "\"AZE\"", "\"KGZ\"") ","   /* right */
	        EV("\"057\"", "\"AZE\"", "\"KGZ\"") ","   /* the same triple again */
	        EV("\"042\"", "\"TUR\"", "\"AZE\"") ","   /* 04 either way round */
	        EV("\"190\"", "\"AZE\"", "\"ARM\"") ","   /* optional: neutral */
	        EV("\"031\"", "\"AZE\"", "\"RUS\"") ","   /* wrong */
	        EV("\"05\"", "\"AZE\"", "\"aze\"") ","    /* one country: not scored */
	        EV("\"05\"", "null", "\"KGZ\"") ","       /* no country: not scored */
	        "{\"root\": \"12\", \"source\": {\"country\": \"AZE\"}, \"target\": {\"country\": \"GEO\"}},"
	        "{\"code\": 5, \"source\": {\"country\": \"AZE\"}, \"target\": {\"country\": \"GEO\"}}"
	        "]}");
	struct dyad_eval_scores s;
	CHECK_INT_EQ(dyad_eval_score(ev, NULL, &s), DYAD_OK);
	CHECK_INT_EQ(s.n_docs, 1);
	CHECK_INT_EQ(s.n_missing, 0);
	CHECK_INT_EQ(s.tp, 2);
	CHECK_INT_EQ(s.fp, 2); /* AZE>RUS 03 and AZE>GEO 12; code 5 is too short */
	CHECK_INT_EQ(s.fn, 1);
	CHECK_NEAR(s.event_p, 0.5, 1e-12);
	CHECK_NEAR(s.event_r, 2.0 / 3.0, 1e-12);
	CHECK_NEAR(s.event_f1, 2 * 0.5 * (2.0 / 3.0) / (0.5 + 2.0 / 3.0), 1e-12);
	dyad_eval_free(ev);
	gold_end();
}

TEST(other_codes_count_as_igo)
{
	gold_begin();
	gold_file("b.json",
	          "{\"doc\": \"b.txt\", \"lang\": \"ru\", \"published_optional\": true,"
	          " \"source\": [], \"title\": null,"
	          " \"events_required\": [[\"AZE\", \"UN\", \"05\"], [\"NATO\", \"XKX\", \"17\"]]}");
	dyad_eval *ev = open_eval();
	if (!ev)
		return;
	add(ev, "{\"path\": \"b\", \"lang\": \"ru\", \"events\": ["
	        EV("\"050\"", "\"AZE\"", "\"EU\"") ","
	        EV("\"172\"", "\"igo\"", "\"xkx\"") ","
	        EV("\"173\"", "\"UN\"", "\"NATO\"") "]}"); /* IGO > IGO: one actor */
	struct dyad_eval_scores s;
	CHECK_INT_EQ(dyad_eval_score(ev, NULL, &s), DYAD_OK);
	CHECK_INT_EQ(s.tp, 2);
	CHECK_INT_EQ(s.fp, 0);
	CHECK_INT_EQ(s.fn, 0);
	CHECK_INT_EQ(s.n_meta, 1); /* lang only */
	CHECK_INT_EQ(s.n_meta_ok, 1);
	dyad_eval_free(ev);
	gold_end();
}

TEST(persons_found_by_surname_across_scripts)
{
	gold_begin();
	gold_file("c.json",
	          "{\"doc\": \"c.txt\", \"lang\": \"ru\", \"published\": \"2025-01-02\","
	          " \"source\": [], \"title\": null, \"events_required\": [],"
	          " \"persons\": ["
	          "  {\"names\": [\"Kassym-Jomart Tokayev\", \"Tokayev\"], \"country\": \"KAZ\"},"
	          "  {\"names\": [\"Sébastien Lecornu\"], \"country\": \"FRA\"},"
	          "  {\"names\": [\"Antonio Guterres\"], \"country\": \"UN\"},"
	          "  {\"names\": [\"Ivan Ivanov\"], \"country\": \"RUS\"}]}");
	dyad_eval *ev = open_eval();
	if (!ev)
		return;
	add(ev, "{\"path\": \"/x/c.txt\", \"entities\": ["
	        "{\"kind\": \"country\", \"name\": \"Ivanov\", \"country\": \"RUS\"},"
	        "{\"kind\": \"person\", \"name\": \"Токаев\", \"country\": \"KAZ\"},"
	        "{\"kind\": \"person\", \"name\": \"Себастьен Лекорню\", \"country\": \"USA\"},"
	        "{\"kind\": \"person\", \"name\": \"A. Guterres\", \"country\": \"IGO\"},"
	        "{\"kind\": \"person\", \"name\": null}]}");
	struct dyad_eval_scores s;
	CHECK_INT_EQ(dyad_eval_score(ev, NULL, &s), DYAD_OK);
	CHECK_INT_EQ(s.n_persons, 4);
	CHECK_INT_EQ(s.n_persons_found, 3);  /* not Ivanov: his name is a country */
	CHECK_INT_EQ(s.n_persons_country, 2); /* Tokayev, Guterres (UN = IGO) */
	CHECK_NEAR(s.person_recall, 0.75, 1e-12);
	CHECK_NEAR(s.person_country, 0.5, 1e-12);
	dyad_eval_free(ev);
	gold_end();
}

TEST(metadata_checks)
{
	gold_begin();
	gold_file("d1.json",
	          "{\"doc\": \"d1.txt\", \"lang\": \"en\", \"published\": \"2024-05-01\","
	          " \"source\": [\"Trend\", \"Trend News Agency\"],"
	          " \"title\": \"Azerbaijan, Kyrgyzstan sign  deal!\", \"events_required\": []}");
	gold_file("d2.json",
	          "{\"doc\": \"d2.txt\", \"lang\": \"ru\", \"published\": \"2024-05-02\","
	          " \"source\": [\"Day.Az\"], \"title\": \"Визит\", \"events_required\": []}");
	gold_file("d3.json",
	          "{\"doc\": \"d3.txt\", \"lang\": \"en\", \"published\": \"2024\","
	          " \"published_optional\": true, \"source\": [], \"title\": null,"
	          " \"events_required\": []}");
	dyad_eval *ev = open_eval();
	if (!ev)
		return;
	/* all four right: language prefix, date prefix, outlet case, title words */
	add(ev, "{\"path\": \"d1.txt\", \"lang\": \"en-GB\", \"published\": "
	        "\"2024-05-01T10:00:00+04:00\", \"source\": \"TREND\","
	        " \"title\": \"azerbaijan kyrgyzstan sign deal\"}");
	/* right language and outlet (case and accent aside); wrong date, title */
	add(ev, "{\"path\": \"d2.txt\", \"lang\": \"ru\", \"published\": \"2024-05-03\","
	        " \"source\": \"DAY.Áz\", \"title\": \"Визиты\"}");
	/* only the language is checked, and it is wrong */
	add(ev, "{\"path\": \"d3.txt\", \"lang\": null}");
	struct dyad_eval_scores s;
	CHECK_INT_EQ(dyad_eval_score(ev, NULL, &s), DYAD_OK);
	CHECK_INT_EQ(s.n_meta, 9);
	CHECK_INT_EQ(s.n_meta_ok, 6);
	dyad_eval_free(ev);
	gold_end();
}

TEST(missing_bad_and_repeated_documents)
{
	gold_begin();
	gold_file("e.json", "{\"doc\": \"e.txt\", \"lang\": \"en\", \"published\": \"2024-01-01\","
	                    " \"events_required\": [[\"USA\", \"RUS\", \"04\"]]}");
	gold_file("f.json", "{\"doc\": \"f.txt\", \"lang\": \"en\", \"published\": \"2024-01-01\","
	                    " \"events_required\": []}");
	gold_file("notes.txt", "not gold");
	dyad_eval *ev = open_eval();
	if (!ev)
		return;
	add(ev, "{\"path\": \"e.txt\", \"events\": [" EV("\"040\"", "\"RUS\"", "\"USA\"") "]}");
	add(ev, "  ");
	add(ev, "{\"path\": \"e.txt\"");      /* not JSON */
	add(ev, "[1, 2]");                    /* not an object */
	add(ev, "{\"path\": \"e.html\"}");   /* same name: replaces the first */
	struct dyad_eval_scores s;
	CHECK_INT_EQ(dyad_eval_score(ev, NULL, &s), DYAD_OK);
	CHECK_INT_EQ(s.n_docs, 2);
	CHECK_INT_EQ(s.n_missing, 1);
	CHECK_INT_EQ(s.n_badjson, 2);
	CHECK_INT_EQ(s.tp, 0);
	CHECK_INT_EQ(s.fn, 1);
	dyad_eval_free(ev);
	gold_end();
}

TEST(file_lines_and_summary)
{
	gold_begin();
	gold_file("g.json", "{\"doc\": \"g.txt\", \"lang\": \"en\", \"published\": \"2024-01-01\","
	                    " \"source\": [\"APA\"], \"title\": \"It's here\","
	                    " \"persons\": [{\"names\": [\"Ilham Aliyev\"], \"country\": \"AZE\"}],"
	                    " \"events_required\": [[\"AZE\", \"KGZ\", \"05\"]]}");
	dyad_eval *ev = open_eval();
	if (!ev)
		return;
	/* CR, CRLF and LF line ends; a byte that is not UTF-8 */
	const char output[] =
		"{\"path\": \"g.txt\", \"lang\": \"en\", \"title\": \"It's \xFF here\","
		" \"source\": \"APA\", \"entities\": [{\"kind\": \"person\", \"name\": \"Aliyev\","
		" \"country\": \"AZE\"}], \"events\": [" EV("\"051\"", "\"AZE\"", "\"KGZ\"") ","
		EV("\"051\"", "\"KGZ\"", "\"AZE\"") "]}\r\n\r{oops\n";
	FILE *in = tmpfile();
	FILE *out = tmpfile();
	if (!in || !out) {
		TESTLIB_FAIL("tmpfile failed");
		return;
	}
	fwrite(output, 1, sizeof output - 1, in);
	rewind(in);
	CHECK_INT_EQ(dyad_eval_add_file(ev, in), DYAD_OK);
	struct dyad_eval_scores s;
	CHECK_INT_EQ(dyad_eval_score(ev, out, &s), DYAD_OK);
	CHECK_INT_EQ(dyad_eval_write_scores(out, &s), DYAD_OK);
	char text[1024];
	size_t n = 0;
	rewind(out);
	n = fread(text, 1, sizeof text - 1, out);
	text[n] = '\0';
	CHECK_STR_EQ(text,
	             "# g: events tp=[('AZE', 'KGZ', '05')] fp=[('KGZ', 'AZE', '05')] fn=[]\n"
	             "#   meta lang=ok published=WRONG source=ok title=ok | published=None"
	             " source='APA' title=\"It's \xEF\xBF\xBD here\"\n"
	             "#   person Ilham Aliyev: found as 'Aliyev' country=AZE\n"
	             "docs=1 missing=0 badjson=1 event_P=0.50 event_R=1.00 event_F1=0.67"
	             " person_recall=1.00 person_country=1.00 metadata=0.75\n");
	fclose(in);
	fclose(out);
	dyad_eval_free(ev);
	gold_end();
}

TEST(extracted_documents_score_like_their_json)
{
	gold_begin();
	gold_file("h.json", "{\"doc\": \"h.txt\", \"lang\": \"en\", \"published\": \"2024-03-04\","
	                    " \"source\": [\"Trend\"], \"title\": \"Baku hosts talks\","
	                    " \"persons\": [{\"names\": [\"Ilham Aliyev\"], \"country\": \"AZE\"}],"
	                    " \"events_required\": [[\"TUR\", \"AZE\", \"04\"]]}");
	dyad_eval *ev = open_eval();
	if (!ev)
		return;
	struct dyad_entity person = {.kind = DYAD_ENTITY_PERSON, .name = "Ilham Aliyev",
	                             .country = "AZE"};
	struct dyad_event event = {.code = "043",
	                           .source = {.country = "AZE", .entity = -1},
	                           .target = {.country = "TUR", .entity = -1}};
	struct dyad_doc doc = {.path = "dir/h.txt", .lang = "en", .title = "Baku hosts talks",
	                       .published = "2024-03-04", .source = "Trend",
	                       .entities = &person, .n_entities = 1,
	                       .events = &event, .n_events = 1};
	CHECK_INT_EQ(dyad_eval_add_doc(ev, &doc), DYAD_OK);
	struct dyad_eval_scores s;
	CHECK_INT_EQ(dyad_eval_score(ev, NULL, &s), DYAD_OK);
	CHECK_INT_EQ(s.tp, 1);
	CHECK_INT_EQ(s.fp, 0);
	CHECK_INT_EQ(s.n_persons_country, 1);
	CHECK_INT_EQ(s.n_meta_ok, 4);
	CHECK_NEAR(s.metadata, 1.0, 0);
	dyad_eval_free(ev);
	gold_end();
}

TEST(bad_gold_is_reported)
{
	dyad_eval *ev = (dyad_eval *)1;
	char err[DYAD_ERRMSG_MAX];
	CHECK_INT_EQ(dyad_eval_open("/nonexistent/dyad-gold", &ev, err), DYAD_ENOENT);
	CHECK(ev == NULL);
	gold_begin();
	gold_file("x.json", "{\"doc\": \"x.txt\", \"lang\": \"en\", \"published\": \"2024-01-01\","
	                    " \"events_required\": [[\"AZE\", \"KGZ\"]]}");
	CHECK_INT_EQ(dyad_eval_open(tmp_dir, &ev, err), DYAD_EFORMAT);
	CHECK(strstr(err, "x.json") != NULL);
	gold_end();
	gold_begin();
	gold_file("y.json", "{\"doc\": ");
	CHECK_INT_EQ(dyad_eval_open(tmp_dir, &ev, err), DYAD_EFORMAT);
	CHECK(strstr(err, "y.json") != NULL);
	gold_end();
}

int main(void)
{
	RUN(latin_lowers_strips_marks_and_transliterates);
	RUN(skeleton_matches_surnames_across_scripts);
	RUN(titles_compare_by_words);
	RUN(actors_are_iso3_or_igo);
	RUN(repr_quotes_like_python);
	RUN(events_precision_recall_f1);
	RUN(other_codes_count_as_igo);
	RUN(persons_found_by_surname_across_scripts);
	RUN(metadata_checks);
	RUN(missing_bad_and_repeated_documents);
	RUN(file_lines_and_summary);
	RUN(extracted_documents_score_like_their_json);
	RUN(bad_gold_is_reported);
	return testlib_done();
}
