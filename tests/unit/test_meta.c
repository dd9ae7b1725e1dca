/*
 * test_meta.c - the metadata stage on page shapes written for the test:
 * language, headline, publication date, outlet, byline, dateline, and the
 * line flags that keep clutter out of the body.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/alloc.h"
#include "dyad.h"
#include "meta/meta.h"
#include "text/text.h"
#include "kb/engine.h"
#include "testlib.h"

static dyad_engine *engine;

static struct dyad_doc *extract_input(struct dyad_input *in)
{
	struct dyad_doc *doc = NULL;
	in->path = "test.txt";
	in->text_len = strlen(in->text);
	in->status = DYAD_OK;
	if (dyad_extract(engine, in, &doc) != DYAD_OK)
		return NULL;
	return doc;
}

static struct dyad_doc *extract(const char *text)
{
	struct dyad_input in;
	memset(&in, 0, sizeof in);
	in.text = text;
	return extract_input(&in);
}

/* First 10 bytes of a date, or NULL. */
static const char *day_of(const char *published)
{
	static char buf[11];
	if (!published)
		return NULL;
	snprintf(buf, sizeof buf, "%s", published);
	return buf;
}

/* The text of the line of doc that starts with prefix, re-run through the
 * stage so that its flags can be seen: returns the flags or -1. */
static int line_flags(const char *text, const char *prefix, uint32_t *start_out)
{
	struct dyad_doc doc;
	struct dyad_arena arena;
	struct dyad_input in;
	struct dyad__work w;
	memset(&doc, 0, sizeof doc);
	memset(&in, 0, sizeof in);
	memset(&w, 0, sizeof w);
	dyad_arena_init(&arena, 0);
	in.text = text;
	in.text_len = strlen(text);
	w.engine = engine;
	w.arena = &arena;
	w.doc = &doc;
	w.input = &in;
	w.published_weekday = -1;
	int flags = -1;
	if (dyad__normalise(&w, text, strlen(text)) == DYAD_OK &&
	    dyad__meta_extract(&w) == DYAD_OK) {
		size_t n = strlen(prefix);
		for (size_t l = 0; l < w.n_lines; l++) {
			const struct dyad__line *line = &w.lines[l];
			if (line->end - line->start >= n &&
			    memcmp(w.text + line->start, prefix, n) == 0) {
				flags = (int)line->flags;
				if (start_out)
					*start_out = line->start;
				break;
			}
		}
	}
	dyad_arena_release(&arena);
	return flags;
}

static const char *const TREND_PAGE =
	"Kazakh envoy praises growing trade with Azerbaijan\n"
	"\n"
	"Kazakhstan Materials 12 March 2022 10:30 (UTC +04:00)\n"
	"Kazakh envoy praises growing trade with Azerbaijan\n"
	"\n"
	"BAKU, Azerbaijan, March 12\n"
	"\n\n"
	"Trade between the two countries grew by a third last year, Kazakh "
	"Ambassador Bolat Imanbayev told Trend.\n"
	"\n"
	"\"We see great potential in transport and energy,\" the ambassador said.\n";

TEST(trend_page)
{
	struct dyad_doc *doc = extract(TREND_PAGE);
	CHECK(doc != NULL);
	if (!doc)
		return;
	CHECK_STR_EQ(doc->lang, "en");
	CHECK_STR_EQ(doc->title, "Kazakh envoy praises growing trade with Azerbaijan");
	CHECK_STR_EQ(doc->published, "2022-03-12T10:30:00+04:00");
	CHECK_STR_EQ(doc->source, "Trend");
	CHECK_STR_EQ(doc->dateline, "Baku");
	CHECK_STR_EQ(doc->author, NULL);
	dyad_doc_free(doc);
}

TEST(trend_page_lines)
{
	int f = line_flags(TREND_PAGE, "Kazakhstan Materials", NULL);
	CHECK(f >= 0 && (f & DYAD_LINE_META));
	f = line_flags(TREND_PAGE, "BAKU, Azerbaijan", NULL);
	CHECK(f >= 0 && (f & DYAD_LINE_META));
	f = line_flags(TREND_PAGE, "Trade between", NULL);
	CHECK_INT_EQ(f, 0);
	/* the headline is kept once; its repeat is clutter */
	int title = line_flags(TREND_PAGE, "Kazakh envoy", NULL);
	CHECK_INT_EQ(title, DYAD_LINE_TITLE);
}

static const char *const AZERNEWS_PAGE =
	"Azernews.Az\n"
	"\n"
	"Monday March 4 2024\n"
	"\n"
	"Georgian minister visits Baku port\n"
	"\n"
	"20 February 2024 14:05 (UTC+04:00)\n"
	"Georgian minister visits Baku port\n"
	"Laman Ismayilova\n"
	"Laman Ismayilova\n"
	"Read more\n"
	"\n"
	"Georgia's Minister of Economy visited the Baku International Sea Trade "
	"Port on Tuesday, where he discussed transit cargo with port officials.\n"
	"\n"
	"Azernews reports that the sides agreed to set up a working group.\n"
	"\n"
	"---\n"
	"\n"
	"Follow us on Twitter @AzerNewsAz\n"
	"\n"
	"Loading...\n"
	"Latest See more\n";

TEST(azernews_page)
{
	struct dyad_doc *doc = extract(AZERNEWS_PAGE);
	CHECK(doc != NULL);
	if (!doc)
		return;
	CHECK_STR_EQ(doc->lang, "en");
	CHECK_STR_EQ(doc->title, "Georgian minister visits Baku port");
	/* the crawl header above the site title is not the publication date */
	CHECK_STR_EQ(day_of(doc->published), "2024-02-20");
	CHECK_STR_EQ(doc->author, "Laman Ismayilova");
	CHECK_STR_EQ(doc->source, "Azernews");
	dyad_doc_free(doc);
	CHECK(line_flags(AZERNEWS_PAGE, "Loading...", NULL) & DYAD_LINE_CLUTTER);
	CHECK(line_flags(AZERNEWS_PAGE, "Follow us", NULL) & DYAD_LINE_CLUTTER);
	CHECK(line_flags(AZERNEWS_PAGE, "Latest See more", NULL) & DYAD_LINE_CLUTTER);
	CHECK(line_flags(AZERNEWS_PAGE, "Laman", NULL) & DYAD_LINE_META);
	CHECK(line_flags(AZERNEWS_PAGE, "Monday March", NULL) &
	      (DYAD_LINE_META | DYAD_LINE_CLUTTER));
}

TEST(apa_page)
{
	struct dyad_doc *doc = extract(
		"Azerbaijani FM: We are ready for talks with Yerevan\n"
		"\n"
		"Azerbaijani FM Jeyhun Bayramov\n"
		"\n"
		"© APA | Azerbaijani FM Jeyhun Bayramov\n"
		"\n"
		"# 5 May 2023 11:20 (UTC +04:00)\n"
		"\n"
		"\"We are ready to continue the talks,\" Foreign Minister Jeyhun "
		"Bayramov said at a press conference, APA reports.\n");
	CHECK(doc != NULL);
	if (!doc)
		return;
	CHECK_STR_EQ(doc->title, "Azerbaijani FM: We are ready for talks with Yerevan");
	CHECK_STR_EQ(day_of(doc->published), "2023-05-05");
	CHECK_STR_EQ(doc->source, "APA");
	dyad_doc_free(doc);
}

static const char *const DAYAZ_PAGE =
	" date 2025-03-14 14 марта в Баку состоялась встреча министров иностранных "
	"дел Азербайджана и Турции.\n"
	"\n"
	"Об этом сообщает Day.Az со ссылкой на АЗЕРТАДЖ.\n"
	"\n"
	"Министры обсудили вопросы региональной безопасности и транспортных "
	"коридоров, а также подготовку к визиту президента.\n";

TEST(crawl_field_and_russian_body)
{
	struct dyad_doc *doc = extract(DAYAZ_PAGE);
	CHECK(doc != NULL);
	if (!doc)
		return;
	CHECK_STR_EQ(doc->lang, "ru");
	CHECK_STR_EQ(doc->title, NULL); /* the first sentence is not a headline */
	CHECK_STR_EQ(doc->published, "2025-03-14");
	CHECK_STR_EQ(doc->source, "Day.Az");
	dyad_doc_free(doc);
	uint32_t start = 0;
	CHECK_INT_EQ(line_flags(DAYAZ_PAGE, "14 марта", &start), 0);
	CHECK(line_flags(DAYAZ_PAGE, "Об этом сообщает", NULL) & DYAD_LINE_META);
}

TEST(tass_dateline_ru)
{
	const char *text =
		" date 2024-12-10 Лавров провел переговоры с главой МИД Египта\n"
		"\n"
		"Стороны обсудили ситуацию на Ближнем Востоке\n"
		"\n"
		"КАИР, 10 декабря. /ТАСС/. Министр иностранных дел России Сергей Лавров "
		"провел переговоры с египетским коллегой.\n";
	struct dyad_doc *doc = extract(text);
	CHECK(doc != NULL);
	if (!doc)
		return;
	CHECK_STR_EQ(doc->title, "Лавров провел переговоры с главой МИД Египта");
	CHECK_STR_EQ(doc->source, "TASS");
	CHECK_STR_EQ(doc->dateline, "Каир");
	CHECK_STR_EQ(doc->published, "2024-12-10");
	CHECK_STR_EQ(doc->lang, "ru");
	dyad_doc_free(doc);
	/* the sentence is kept without its dateline */
	CHECK_INT_EQ(line_flags(text, "Министр иностранных", NULL), 0);
}

TEST(tass_dateline_en_without_year)
{
	struct dyad_doc *doc = extract(
		"EU calls on Serbia to align with sanctions\n"
		"BRUSSELS, May 15. /TASS/. The European Union has called on Serbia to "
		"align its foreign policy with the bloc, the statement reads.\n");
	CHECK(doc != NULL);
	if (!doc)
		return;
	CHECK_STR_EQ(doc->source, "TASS");
	CHECK_STR_EQ(doc->dateline, "Brussels");
	CHECK_STR_EQ(doc->published, NULL); /* no year anywhere */
	dyad_doc_free(doc);
}

TEST(yonhap_dateline)
{
	const char *text =
		" date 2023-04-02 SEOUL, April 2 (Yonhap) -- South Korea and Japan agreed "
		"on Sunday to resume their security dialogue, the ministry said.\n";
	struct dyad_doc *doc = extract(text);
	CHECK(doc != NULL);
	if (!doc)
		return;
	CHECK_STR_EQ(doc->source, "Yonhap");
	CHECK_STR_EQ(doc->dateline, "Seoul");
	CHECK_STR_EQ(doc->title, NULL);
	CHECK_STR_EQ(doc->published, "2023-04-02");
	dyad_doc_free(doc);
	CHECK_INT_EQ(line_flags(text, "South Korea and Japan", NULL), 0);
}

TEST(bloomberg_and_astana)
{
	struct dyad_doc *doc = extract(
		" date 2023-12-28 (Bloomberg) -- Venezuela has decided to deploy "
		"troops on its coast, according to the president.\n");
	CHECK(doc && doc->source && strcmp(doc->source, "Bloomberg") == 0);
	dyad_doc_free(doc);
	doc = extract(" date 2024-08-08 ASTANA — Kazakhstan and Uzbekistan signed a "
	              "number of documents during the state visit on Aug. 8.\n");
	CHECK(doc && doc->dateline && strcmp(doc->dateline, "Astana") == 0);
	CHECK(doc && doc->title == NULL);
	dyad_doc_free(doc);
}

static const char *const RU_TICKER_PAGE =
	"sunny\n"
	"21°С Москва\n"
	"USD 91.20\n"
	"EUR 99.10\n"
	"15:40 3 апреля 2023\n"
	"Политика\n"
	"\n"
	"Песков прокомментировал визит Эрдогана в Москву\n"
	"\n"
	"В Кремле ожидают переговоров в ближайшее время\n"
	"Иван Петров\n"
	"\n"
	"Пресс-секретарь президента России Дмитрий Песков заявил, что Кремль "
	"ожидает переговоров лидеров в ближайшее время.\n";

TEST(ticker_stamp_byline_ru)
{
	struct dyad_doc *doc = extract(RU_TICKER_PAGE);
	CHECK(doc != NULL);
	if (!doc)
		return;
	CHECK_STR_EQ(doc->title, "Песков прокомментировал визит Эрдогана в Москву");
	CHECK_STR_EQ(day_of(doc->published), "2023-04-03");
	CHECK_STR_EQ(doc->author, "Иван Петров");
	CHECK_STR_EQ(doc->lang, "ru");
	dyad_doc_free(doc);
	CHECK(line_flags(RU_TICKER_PAGE, "USD 91.20", NULL) & DYAD_LINE_CLUTTER);
	CHECK(line_flags(RU_TICKER_PAGE, "21°С", NULL) & DYAD_LINE_CLUTTER);
	CHECK(line_flags(RU_TICKER_PAGE, "sunny", NULL) & DYAD_LINE_CLUTTER);
	CHECK(line_flags(RU_TICKER_PAGE, "15:40", NULL) & DYAD_LINE_META);
	/* the subtitle stays in the body */
	CHECK_INT_EQ(line_flags(RU_TICKER_PAGE, "В Кремле", NULL), 0);
}

TEST(weekday_fixes_the_year)
{
	struct dyad_doc *doc = extract(
		"Sunday, May 26\n"
		"\n"
		"Russia and Azerbaijan discuss the North-South corridor\n"
		"\n"
		"The corridor, first agreed in 2023, carried more cargo this spring, "
		"the deputy minister said at the meeting.\n");
	CHECK(doc && doc->published && strncmp(doc->published, "2024-05-26", 10) == 0);
	CHECK(doc && doc->title &&
	      strcmp(doc->title, "Russia and Azerbaijan discuss the North-South corridor") == 0);
	dyad_doc_free(doc);
	/* no year in the text: nothing sure to say */
	doc = extract("Sunday, May 26\n\nRussia and Azerbaijan discuss trade\n\n"
	              "The sides discussed trade at the meeting in the Kremlin.\n");
	CHECK(doc && doc->published == NULL);
	dyad_doc_free(doc);
}

TEST(menafn_us_date)
{
	struct dyad_doc *doc = extract(
		"Ambassador: Baku And Moscow Discuss All Issues Openly\n"
		"Date\n"
		"8/18/2024 10:09:32 AM\n"
		"(MENAFN- AzerNews)\n"
		"Currently, there are no deep contradictions in\n"
		"the relations, the two countries are actively\n"
		"cooperating, the ambassador said.\n");
	CHECK(doc != NULL);
	if (!doc)
		return;
	CHECK_STR_EQ(day_of(doc->published), "2024-08-18");
	CHECK_STR_EQ(doc->source, "Azernews");
	CHECK_STR_EQ(doc->title, "Ambassador: Baku And Moscow Discuss All Issues Openly");
	dyad_doc_free(doc);
}

TEST(reuters_byline)
{
	struct dyad_doc *doc = extract(
		"Russia launches drone attack on Kyiv - military\n"
		"A firefighter works at the site of a strike near Kyiv AFP\n"
		"July 02, 2023\n"
		"By John Smith KYIV (Reuters) -Russia launched an overnight drone attack "
		"on Kyiv, Ukrainian officials said on Sunday.\n");
	CHECK(doc != NULL);
	if (!doc)
		return;
	CHECK_STR_EQ(doc->title, "Russia launches drone attack on Kyiv - military");
	CHECK_STR_EQ(doc->author, "John Smith");
	CHECK_STR_EQ(doc->source, "Reuters");
	CHECK_STR_EQ(doc->dateline, "Kyiv");
	CHECK_STR_EQ(doc->published, "2023-07-02");
	dyad_doc_free(doc);
}

TEST(agency_byline_is_not_an_author)
{
	struct dyad_doc *doc = extract(
		" date 2020-05-03 Pakistan rejects Indian allegations\n"
		"\n"
		"By PTI\n"
		"\n"
		"ISLAMABAD: Pakistan's Foreign Office on Saturday rejected the Indian "
		"allegations, a statement said.\n");
	CHECK(doc != NULL);
	if (!doc)
		return;
	CHECK_STR_EQ(doc->author, NULL);
	CHECK_STR_EQ(doc->source, "PTI");
	CHECK_STR_EQ(doc->dateline, "Islamabad");
	CHECK_STR_EQ(doc->title, "Pakistan rejects Indian allegations");
	dyad_doc_free(doc);
}

TEST(unknown_outlet_credit)
{
	struct dyad_doc *doc = extract(
		"25 ноября,\n"
		"16:49\n"
		"Посольство атаковали протестующие\n"
		"Несколько сотен протестующих устроили митинг у посольства.\n"
		"Об этом сообщает ВВС Россия.\n");
	CHECK(doc != NULL);
	if (!doc)
		return;
	CHECK_STR_EQ(doc->source, "ВВС Россия");
	CHECK_STR_EQ(doc->title, "Посольство атаковали протестующие");
	CHECK_STR_EQ(doc->published, NULL); /* no year to be sure of */
	dyad_doc_free(doc);
}

TEST(place_dash_agency)
{
	struct dyad_doc *doc = extract(
		"Латакия – САНА\n"
		"14-03-2023\n"
		"Сегодня в порт прибыло судно с гуманитарной помощью для пострадавших.\n");
	CHECK(doc != NULL);
	if (!doc)
		return;
	CHECK_STR_EQ(doc->source, "SANA");
	CHECK_STR_EQ(doc->dateline, "Латакия");
	CHECK_STR_EQ(doc->published, "2023-03-14");
	CHECK_STR_EQ(doc->title, NULL);
	dyad_doc_free(doc);
}

TEST(stamp_shapes)
{
	static const struct {
		const char *stamp;
		const char *want;
	} cases[] = {
		{"30 августа 2022, 18:11", "2022-08-30"},
		{"05.03.2024 21:46", "2024-03-05"},
		{"22:25 8 ноября 2021", "2021-11-08"},
		{"14:50 25 April 2024 Society", "2024-04-25"},
		{"by November 8, 2022", "2022-11-08"},
		{"September 18, 2023", "2023-09-18"},
		{"10:43, 31 января 2026", "2026-01-31"},
		{"(Last Updated On: February 21, 2020)", "2020-02-21"},
		{"Uzbekistan 21 June 2022 3950", "2022-06-21"},
		{"5 сентября 2022 13:15", "2022-09-05"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char text[512];
		snprintf(text, sizeof text,
		         "Ministers discuss the transit corridor\n\n%s\n\n"
		         "The ministers discussed the corridor at length on the day.\n",
		         cases[i].stamp);
		struct dyad_doc *doc = extract(text);
		CHECK(doc != NULL);
		if (!doc)
			continue;
		if (!doc->published || strncmp(doc->published, cases[i].want, 10) != 0)
			TESTLIB_FAIL("\"%s\" -> %s, want %s", cases[i].stamp,
			             doc->published ? doc->published : "(null)", cases[i].want);
		CHECK_STR_EQ(doc->title, "Ministers discuss the transit corridor");
		dyad_doc_free(doc);
	}
}

TEST(container_facts_win)
{
	struct dyad_input in;
	memset(&in, 0, sizeof in);
	in.text = TREND_PAGE;
	in.title = "Given title";
	in.published = "2020-01-02";
	in.source = "Given Outlet";
	in.author = "Given Author";
	struct dyad_doc *doc = extract_input(&in);
	CHECK(doc != NULL);
	if (!doc)
		return;
	CHECK_STR_EQ(doc->title, "Given title");
	CHECK_STR_EQ(doc->published, "2020-01-02");
	CHECK_STR_EQ(doc->source, "Given Outlet");
	CHECK_STR_EQ(doc->author, "Given Author");
	dyad_doc_free(doc);
}

TEST(languages)
{
	static const struct {
		const char *text;
		const char *want;
	} cases[] = {
		{"Der Außenminister hat am Montag mit seinem Amtskollegen über die "
		 "Lage in der Region gesprochen, und die beiden Seiten wollen die "
		 "Zusammenarbeit ausbauen.\n", "de"},
		{"Dışişleri Bakanı ile bir görüşme yaptı ve iki ülke arasındaki "
		 "ilişkilerin daha da gelişmesi için çok önemli olduğunu söyledi, "
		 "ancak yeni bir anlaşma olmadı.\n", "tr"},
		{"Le ministre des affaires étrangères a rencontré son homologue et "
		 "les deux pays ont signé un accord sur la coopération dans le "
		 "domaine de l'énergie.\n", "fr"},
		{"Қазақстан Президенті Қасым-Жомарт Тоқаев Әзербайжан Президентімен "
		 "телефон арқылы сөйлесті және екі ел арасындағы ынтымақтастық "
		 "туралы айтты.\n", "kk"},
		{"Міністр закордонних справ України зустрівся з колегою, і вони "
		 "обговорили питання безпеки та енергетики, які є важливими для "
		 "обох країн.\n", "uk"},
		{"The foreign minister met his counterpart on Monday and the two "
		 "sides agreed to expand cooperation in the energy sector.\n", "en"},
		{"Министр иностранных дел встретился с коллегой, и стороны обсудили "
		 "вопросы сотрудничества в энергетике.\n", "ru"},
		/* Russian with few of the words only Russian writes: за and до
		 * are as Russian as Bulgarian */
		{"Поставки газа за зиму выросли на треть, а цена за тысячу "
		 "кубометров снизилась до 180 долларов.\n", "ru"},
		{"Министърът на външните работи заяви, че двете страни са готови да "
		 "продължат разговорите и че това е важно за региона.\n", "bg"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct dyad_doc *doc = extract(cases[i].text);
		CHECK(doc != NULL);
		if (!doc)
			continue;
		if (strcmp(doc->lang, cases[i].want) != 0)
			TESTLIB_FAIL("case %zu: lang %s, want %s", i, doc->lang, cases[i].want);
		dyad_doc_free(doc);
	}
	/* Latin script without English words is never guessed as English */
	struct dyad_doc *doc = extract("Xyzzy plugh qwerty zork frobozz.\n");
	CHECK(doc && strcmp(doc->lang, "en") != 0);
	dyad_doc_free(doc);
	/* the body decides, not the English clutter around it */
	doc = extract("Read more\nFollow us on Twitter @Example\nLoading...\n"
	              "Министр иностранных дел встретился с коллегой, и стороны "
	              "обсудили вопросы сотрудничества.\n");
	CHECK(doc && strcmp(doc->lang, "ru") == 0);
	dyad_doc_free(doc);
}

TEST(trailing_tag_lists)
{
	const char *text =
		"Leaders meet in Moscow\n\n"
		"The two leaders met in Moscow on Tuesday and discussed trade.\n\n"
		"Persons\nIvan Ivanov Petr Petrov\nCountries\nChina\n";
	CHECK(line_flags(text, "Ivan Ivanov", NULL) & DYAD_LINE_CLUTTER);
	CHECK(line_flags(text, "China", NULL) & DYAD_LINE_CLUTTER);
	CHECK_INT_EQ(line_flags(text, "The two leaders", NULL), 0);
}

/* A data folder holding only the files of one loader, with one bad line. */
static int write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return 0;
	fputs(text, f);
	return fclose(f) == 0;
}

TEST(bad_data_lines_are_reported)
{
	char dir[] = "/tmp/dyad-meta-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	char sub[sizeof dir + 16], path[sizeof dir + 64];
	snprintf(sub, sizeof sub, "%s/meta", dir);
	CHECK(mkdir(sub, 0700) == 0);
	snprintf(path, sizeof path, "%s/meta/outlets.tsv", dir);
	CHECK(write_file(path, "# test\noutlet\tvariants\nTrend\t-\nAPA\n"));
	struct dyad__meta_lexicon lex;
	memset(&lex, 0, sizeof lex);
	dyad_hash_init(&lex.stopwords);
	dyad_hash_init(&lex.outlet_names);
	struct dyad_arena arena;
	dyad_arena_init(&arena, 0);
	char errmsg[DYAD_ERRMSG_MAX] = "";
	dyad_status st = dyad__meta_source_load(&lex, &arena, dir, errmsg);
	CHECK_INT_EQ(st, DYAD_EDATA);
	CHECK(strstr(errmsg, "outlets.tsv:4:") != NULL);
	dyad_hash_release(&lex.outlet_names);
	dyad_hash_release(&lex.stopwords);
	dyad__free(lex.outlets);
	unlink(path);
	snprintf(path, sizeof path, "%s/meta/clutter.tsv", dir);
	CHECK(write_file(path, "match\ttext\nexact\tread more\nsometimes\tx\n"));
	memset(&lex, 0, sizeof lex);
	st = dyad__meta_lines_load(&lex, &arena, dir, errmsg);
	CHECK_INT_EQ(st, DYAD_EDATA);
	CHECK(strstr(errmsg, "clutter.tsv:3:") != NULL);
	dyad__free(lex.clutter);
	unlink(path);
	rmdir(sub);
	rmdir(dir);
	dyad_arena_release(&arena);
}

/* ---- outlets from datelines, credits and URLs ------------------------- */

/* The outlet, dateline and date of one text (NULL fields are not checked). */
static void check_credit(const char *text, const char *source, const char *dateline,
                         const char *published)
{
	struct dyad_doc *doc = extract(text);
	CHECK(doc != NULL);
	if (!doc)
		return;
	CHECK_STR_EQ(doc->source, source);
	if (dateline)
		CHECK_STR_EQ(doc->dateline, dateline);
	if (published)
		CHECK_STR_EQ(day_of(doc->published), published);
	dyad_doc_free(doc);
}

TEST(agency_datelines_of_both_languages)
{
	check_credit("Tokyo, Feb. 18 (Jiji Press)--The government plans to widen the "
	             "programme next year, officials said on Tuesday.\n",
	             "Jiji Press", "Tokyo", NULL);
	check_credit("Ереван, 23 февраля /Синьхуа/. Премьер-министр Армении провел "
	             "встречу с делегацией соседней страны.\n",
	             "Xinhua", "Ереван", NULL);
	check_credit("МОСКВА, 5 мар — РИА Новости. Министр заявил о новых планах "
	             "ведомства на будущий год, сообщили в пресс-службе.\n",
	             "RIA Novosti", "Москва", NULL);
	check_credit("ASTANA. KAZINFORM – The President received the foreign minister "
	             "of a neighbouring country in the capital today.\n",
	             "Kazinform", "Astana", NULL);
	check_credit("New Delhi [India], May 11 (ANI): The minister said the talks with "
	             "the delegation had gone well and would go on.\n",
	             "ANI", "New Delhi", NULL);
	check_credit("New York, Oct 03, 2016: The council met on Friday to discuss the "
	             "situation in the region, diplomats said.\n",
	             NULL, "New York", "2016-10-03");
	/* a place and a date in a sentence is no dateline */
	check_credit("Moscow, May 5 is the date the talks were set for, the ministry "
	             "said in a statement on Monday.\n",
	             NULL, NULL, NULL);
}

TEST(credits_at_the_end_and_links_to_the_site)
{
	check_credit("Министр провел переговоры с коллегой из соседней страны.\n\n"
	             "Стороны обсудили вопросы торговли и транспорта, сказал он. — ТАСС\n",
	             "TASS", NULL, NULL);
	check_credit("Министр провел переговоры с коллегой из соседней страны.\n\n"
	             "Стороны обсудили вопросы торговли и транспорта.\n\nЧитать на tass.ru\n",
	             "TASS", NULL, NULL);
	check_credit("Министр провел переговоры с коллегой из соседней страны.\n\n"
	             "Источник: http://ria.ru/\n",
	             "RIA Novosti", NULL, NULL);
	/* a URL's path is not the slashes of an agency credit */
	check_credit("Министр провел переговоры с коллегой из соседней страны.\n\n"
	             "Фото: http://www.kommersant.ru/photo\n",
	             NULL, NULL, NULL);
}

static struct dyad_doc *extract_url(const char *text, const char *url,
                                    const char *published)
{
	struct dyad_input in;
	memset(&in, 0, sizeof in);
	in.text = text;
	in.url = url;
	in.published = published;
	return extract_input(&in);
}

TEST(outlet_and_date_of_the_url)
{
	static const char *const text =
		"Talks end in Ankara\n\nThe delegations met for two days and agreed on a "
		"joint statement (Reuters).\n";
	struct dyad_doc *doc = extract_url(text, "https://www.tass.ru/politika/123", NULL);
	CHECK(doc && doc->source && strcmp(doc->source, "TASS") == 0);
	dyad_doc_free(doc);
	/* a subdomain of a listed outlet */
	doc = extract_url(text, "https://news.rambler.ru/world/1-x/", NULL);
	CHECK(doc && doc->source && strcmp(doc->source, "Rambler") == 0);
	dyad_doc_free(doc);
	/* an unknown host: a reporting credit of the text first, else the host */
	doc = extract_url(text, "http://m.some-daily-news.example/a/2024/06/19/talks", NULL);
	CHECK(doc && doc->source && strcmp(doc->source, "some-daily-news.example") == 0);
	CHECK(doc && doc->published && strcmp(doc->published, "2024-06-19") == 0);
	dyad_doc_free(doc);
	doc = extract_url("Talks end\n\nThe delegations agreed, Reuters reports. More "
	                  "talks are planned for June.\n", "https://x.example/a", NULL);
	CHECK(doc && doc->source && strcmp(doc->source, "Reuters") == 0);
	dyad_doc_free(doc);
}

TEST(given_dates_are_normalised_or_dropped)
{
	static const char *const text =
		"Talks end in Ankara\n\nThe delegations met for two days and agreed on a "
		"joint statement.\n";
	static const struct { const char *given, *want; } cases[] = {
		{"Mon, 18 Nov 2019 16:07:38 -0600", "2019-11-18T16:07:38-06:00"},
		{"sexta-feira, 22 de outubro de 2010", "2010-10-22"},
		{"12 травня 2023 р.", "2023-05-12"},
		{"2021-03-04T10:00:00Z", "2021-03-04T10:00:00Z"},
		{"yesterday", NULL},
		{"n/a", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct dyad_doc *doc = extract_url(text, NULL, cases[i].given);
		CHECK(doc != NULL);
		if (doc)
			CHECK_STR_EQ(doc->published, cases[i].want);
		dyad_doc_free(doc);
	}
}

TEST(headlines_and_bylines_in_text)
{
	struct dyad_doc *doc = extract(
		"Ссылки для упрощенного доступа\n"
		"Skip to main content\n"
		"Photo by Anna Lind on 19 April, 2023\n"
		"Ministers agree on a new transit corridor\n"
		"By Senior Correspondent\n"
		"By Maria Petrova, Staff Writer\n"
		"The ministers of the two countries agreed on Tuesday to build a new "
		"transit corridor across the region.\n");
	CHECK(doc != NULL);
	if (!doc)
		return;
	CHECK_STR_EQ(doc->title, "Ministers agree on a new transit corridor");
	CHECK_STR_EQ(doc->author, "Maria Petrova");
	dyad_doc_free(doc);
}

/* A caption printed twice above its photo credit is no headline, though
 * repeated; nor in Russian with "Фото:". */
TEST(captions_are_not_headlines)
{
	static const char *const pages[][2] = {
		{"World\nBusiness\nMilitary\nSociety\nSport\nPress Review\n"
		 "News Feed\nSections\nAll news\nMore news\n"
		 "Border talks resume after a year of silence\n"
		 "Politics\n"
		 "June 3, 10:15 UTC+3\n"
		 "The commission will meet again in the autumn\n"
		 "Share\n"
		 "2 pages in this article\n"
		 "Delegations at the checkpoint on Monday\n\n"
		 "Delegations at the checkpoint on Monday\n\n"
		 "© Example Photo Agency\n\n"
		 "BAKU, June 3. /TASS/. The delegations of the two neighbours met at "
		 "the border on Monday for the first time in a year.\n"
		 "They agreed on the order of work of the joint commission.\n"
		 "The next round is planned for the autumn in the other capital.\n"
		 "Both sides called the talks constructive.\n"
		 "The border has been closed to trucks since last spring.\n"
		 "Traders on both sides hope that it will open soon.\n",
		 "Border talks resume after a year of silence"},
		{"Стороны возобновили переговоры о границе\n"
		 "Делегации на пограничном переходе\n"
		 "Делегации на пограничном переходе\n"
		 "Фото: пресс-служба ведомства\n"
		 "Делегации двух соседних стран встретились на границе впервые за "
		 "год и обсудили порядок работы комиссии.\n",
		 "Стороны возобновили переговоры о границе"},
	};
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		struct dyad_doc *doc = extract(pages[i][0]);
		CHECK(doc != NULL);
		if (!doc)
			continue;
		if (!doc->title || strcmp(doc->title, pages[i][1]) != 0)
			TESTLIB_FAIL("page %zu: title \"%s\"", i, doc->title ? doc->title : "(none)");
		/* the caption and its credit do not hide the dateline below them */
		if (i == 0 && (!doc->source || strcmp(doc->source, "TASS") != 0))
			TESTLIB_FAIL("page 0: source \"%s\"", doc->source ? doc->source : "(none)");
		dyad_doc_free(doc);
	}
}

int main(void)
{
	char errmsg[DYAD_ERRMSG_MAX];
	if (dyad_engine_open(NULL, &engine, errmsg) != DYAD_OK) {
		fprintf(stderr, "engine: %s\n", errmsg);
		printf("RESULT passed=0 failed=1\n");
		return 1;
	}
	RUN(trend_page);
	RUN(trend_page_lines);
	RUN(azernews_page);
	RUN(apa_page);
	RUN(crawl_field_and_russian_body);
	RUN(tass_dateline_ru);
	RUN(tass_dateline_en_without_year);
	RUN(yonhap_dateline);
	RUN(bloomberg_and_astana);
	RUN(ticker_stamp_byline_ru);
	RUN(weekday_fixes_the_year);
	RUN(menafn_us_date);
	RUN(reuters_byline);
	RUN(agency_byline_is_not_an_author);
	RUN(unknown_outlet_credit);
	RUN(place_dash_agency);
	RUN(stamp_shapes);
	RUN(container_facts_win);
	RUN(languages);
	RUN(captions_are_not_headlines);
	RUN(trailing_tag_lists);
	RUN(bad_data_lines_are_reported);
	RUN(agency_datelines_of_both_languages);
	RUN(credits_at_the_end_and_links_to_the_site);
	RUN(outlet_and_date_of_the_url);
	RUN(given_dates_are_normalised_or_dropped);
	RUN(headlines_and_bylines_in_text);
	dyad_engine_free(engine);
	return testlib_done();
}
