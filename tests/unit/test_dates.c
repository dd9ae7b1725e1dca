/*
 * test_dates.c - the date module: calendar arithmetic, time stamps, and
 * date expressions resolved against a publication date.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dyad.h"
#include "kb/date_norm.h"
#include "kb/engine.h"
#include "meta/meta.h"
#include "text/dates.h"
#include "testlib.h"

static dyad_engine *engine;

/* Resolve the expression in text against pub ("YYYY-MM-DD"); returns the
 * formatted date ("" when none) and *past. */
static const char *resolve(const char *text, int y, int m, int d, int *past)
{
	static char out[16];
	struct dyad__work w;
	struct dyad_doc doc;
	memset(&w, 0, sizeof w);
	memset(&doc, 0, sizeof doc);
	w.engine = engine;
	w.doc = &doc;
	w.text = (char *)text;
	w.len = strlen(text);
	w.published.year = y;
	w.published.month = m;
	w.published.day = d;
	struct dyad__date got;
	int p = 0;
	out[0] = '\0';
	if (dyad__date_in_span(&w, 0, (uint32_t)w.len, &got, &p))
		dyad__date_format(&got, out, sizeof out);
	if (past)
		*past = p;
	return out;
}

TEST(calendar)
{
	CHECK_INT_EQ(dyad__weekday(2024, 5, 26), 0); /* a Sunday */
	CHECK_INT_EQ(dyad__weekday(2021, 9, 28), 2);
	CHECK_INT_EQ(dyad__days_in_month(2024, 2), 29);
	CHECK_INT_EQ(dyad__days_in_month(2023, 2), 28);
	CHECK_INT_EQ(dyad__days_in_month(1900, 2), 28);
	CHECK(dyad__date_valid(2000, 2, 29));
	CHECK(!dyad__date_valid(2023, 2, 29));
	struct dyad__date d;
	dyad__civil_from_days(dyad__days_from_civil(2024, 3, 1) - 1, &d);
	CHECK_INT_EQ(d.year, 2024);
	CHECK_INT_EQ(d.month, 2);
	CHECK_INT_EQ(d.day, 29);
	char buf[16];
	struct dyad__date month = {2023, 11, 0}, year = {1924, 0, 0}, none = {0, 0, 0};
	dyad__date_format(&month, buf, sizeof buf);
	CHECK_STR_EQ(buf, "2023-11");
	dyad__date_format(&year, buf, sizeof buf);
	CHECK_STR_EQ(buf, "1924");
	CHECK_INT_EQ(dyad__date_format(&none, buf, sizeof buf), 0);
	CHECK_INT_EQ(dyad__date_format(&month, buf, 4), 0); /* too small */
}

TEST(infer_year)
{
	struct dyad__date pub = {2024, 1, 10};
	CHECK_INT_EQ(dyad__date_infer_year(&pub, 12, 28), 2023);
	CHECK_INT_EQ(dyad__date_infer_year(&pub, 1, 3), 2024);
	CHECK_INT_EQ(dyad__date_infer_year(&pub, 1, 15), 2024); /* a few days ahead */
	CHECK_INT_EQ(dyad__date_infer_year(&pub, 3, 1), 2023);
	struct dyad__date unknown = {0, 0, 0};
	CHECK_INT_EQ(dyad__date_infer_year(&unknown, 3, 1), 0);
}

static int find(const char *text, struct dyad__date_expr *e)
{
	return dyad__date_find(dyad__meta_dates(engine), text, 0,
	                       (uint32_t)strlen(text), e);
}

TEST(time_stamps)
{
	struct dyad__date_expr e;
	CHECK(find("Kyrgyzstan Materials 28 September 2021 08:00 (UTC +04:00)", &e));
	CHECK_INT_EQ(e.date.year, 2021);
	CHECK_INT_EQ(e.date.month, 9);
	CHECK_INT_EQ(e.date.day, 28);
	CHECK_INT_EQ(e.hour, 8);
	CHECK_INT_EQ(e.has_offset, 1);
	CHECK_INT_EQ(e.offset_minutes, 240);
	CHECK(find("8/18/2024 10:09:32 PM", &e));
	CHECK_INT_EQ(e.date.month, 8);
	CHECK_INT_EQ(e.date.day, 18);
	CHECK_INT_EQ(e.hour, 22);
	CHECK_INT_EQ(e.second, 32);
	CHECK(find("June 05, 16:10 UTC+3 MOSCOW", &e));
	CHECK_INT_EQ(e.date.year, 0);
	CHECK_INT_EQ(e.date.day, 5);
	CHECK_INT_EQ(e.hour, 16);
	CHECK_INT_EQ(e.offset_minutes, 180);
	CHECK(find("Sunday, May 26", &e));
	CHECK_INT_EQ(e.weekday, 0);
	CHECK_INT_EQ(e.date.month, 5);
	CHECK(find("BAKU, Azerbaijan, Sept. 28", &e));
	CHECK_INT_EQ(e.date.month, 9);
	CHECK_INT_EQ(e.date.day, 28);
	CHECK(find("2025-10-21", &e));
	CHECK_INT_EQ(e.date.day, 21);
	CHECK(find("28-02-2023", &e));
	CHECK_INT_EQ(e.date.month, 2);
	CHECK(find("в 2021 г. 8 ноября 2021 г.", &e));
	CHECK_INT_EQ(e.date.day, 8);
	CHECK(find("the 8th of May 2020", &e));
	CHECK_INT_EQ(e.date.month, 5);
	CHECK_INT_EQ(e.date.day, 8);
	/* not dates */
	CHECK(!find("30 февраля 2023", &e));
	CHECK(!find("they may 2 be", &e));
	CHECK(!find("USD 92.13", &e));
	CHECK(!find("64,247.73", &e));
	CHECK(!find("MENAFN18082024000195011045ID1108572726", &e));
}

/* The contract's form of a written date, or "" (dyad__date_normalise). */
static const char *norm(const char *s)
{
	static char out[DYAD_DATE_ISO_CAP];
	if (!dyad__date_normalise(s, strlen(s), dyad__meta_dates(engine), out, sizeof out))
		out[0] = '\0';
	return out;
}

/* Month and weekday names of every language data/dates/ lists. */
TEST(dates_in_many_languages)
{
	CHECK_STR_EQ(norm("Mittwoch, 5. Juni 2024"), "2024-06-05");
	CHECK_STR_EQ(norm("12. März 2023 um 14:30"), "2023-03-12");
	CHECK_STR_EQ(norm("mercredi 1er mai 2024"), "2024-05-01");
	CHECK_STR_EQ(norm("le 14 juillet 2022 à 10:00"), "2022-07-14");
	CHECK_STR_EQ(norm("lunes, 3 de marzo de 2025"), "2025-03-03");
	CHECK_STR_EQ(norm("1º de mayo del 2023"), "2023-05-01");
	CHECK_STR_EQ(norm("sexta-feira, 22 de outubro de 2010"), "2010-10-22");
	CHECK_STR_EQ(norm("quarta-feira, 9 de março de 2022 às 18:00"), "2022-03-09");
	CHECK_STR_EQ(norm("giovedì 7 settembre 2023, ore 9:15"), "2023-09-07");
	CHECK_STR_EQ(norm("18 Şubat 2024 Pazar"), "2024-02-18");
	CHECK_STR_EQ(norm("30 Ağustos 2023 Çarşamba"), "2023-08-30");
	CHECK_STR_EQ(norm("23 fevral 2024-cü il"), "2024-02-23");
	CHECK_STR_EQ(norm("bazar ertəsi, 4 mart 2024"), "2024-03-04");
	CHECK_STR_EQ(norm("2024 жылғы 23 ақпан"), "2024-02-23");
	CHECK_STR_EQ(norm("15 желтоқсан 2023 ж."), "2023-12-15");
	CHECK_STR_EQ(norm("п'ятниця, 24 лютого 2023 р."), "2023-02-24");
	CHECK_STR_EQ(norm("24 серпня 2021 року"), "2021-08-24");
	CHECK_STR_EQ(norm("Среда, 8 ноября 2023"), "2023-11-08");
	CHECK_STR_EQ(norm("Wednesday, November 8th, 2023 at 10:30"), "2023-11-08");
	/* English "may" is a verb unless capitalised; other languages' words
	 * that look like months stay words */
	CHECK_STR_EQ(norm("they may 2 be"), "");
	CHECK_STR_EQ(norm("Section 5. The rules of 2024"), "");
}

TEST(relative_days)
{
	int past;
	CHECK_STR_EQ(resolve("The talks were held yesterday.", 2024, 3, 1, &past),
	             "2024-02-29");
	CHECK_INT_EQ(past, 0);
	CHECK_STR_EQ(resolve("Переговоры прошли вчера.", 2025, 1, 1, NULL), "2024-12-31");
	CHECK_STR_EQ(resolve("накануне министр заявил", 2025, 10, 21, NULL), "2025-10-20");
	CHECK_STR_EQ(resolve("сегодня министр заявил", 2025, 10, 21, NULL), "2025-10-21");
	CHECK_STR_EQ(resolve("the day before yesterday", 2025, 10, 21, NULL),
	             "2025-10-19");
	/* vague: the month of publication, never the past */
	CHECK_STR_EQ(resolve("The other day, the president visited Moscow.", 2024, 5,
	                     26, &past), "2024-05");
	CHECK_INT_EQ(past, 0);
	CHECK_STR_EQ(resolve("на днях президент посетил Москву", 2024, 5, 26, NULL),
	             "2024-05");
}

TEST(weekdays)
{
	/* 2024-01-24 was a Wednesday */
	CHECK_STR_EQ(resolve("Erdogan said on Wednesday.", 2024, 1, 24, NULL), "2024-01-24");
	CHECK_STR_EQ(resolve("Maduro said Thursday on state TV.", 2023, 12, 28, NULL),
	             "2023-12-28");
	CHECK_STR_EQ(resolve("the talks on Monday", 2024, 1, 24, NULL), "2024-01-22");
	CHECK_STR_EQ(resolve("во вторник встретился", 2024, 3, 5, NULL), "2024-03-05");
	CHECK_STR_EQ(resolve("в пятницу в Ашхабаде", 2025, 12, 13, NULL), "2025-12-12");
	CHECK_STR_EQ(resolve("last Wednesday", 2024, 1, 24, NULL), "2024-01-17");
	CHECK_STR_EQ(resolve("next Monday", 2024, 1, 24, NULL), "2024-01-29");
	/* lower-case English weekday names are other words */
	CHECK_STR_EQ(resolve("the sun rose", 2024, 1, 24, NULL), "");
}

TEST(month_and_day)
{
	int past;
	CHECK_STR_EQ(resolve("on April 4", 2024, 8, 31, &past), "2024-04-04");
	CHECK_INT_EQ(past, 1);
	CHECK_STR_EQ(resolve("21 октября в Астане", 2025, 10, 21, &past), "2025-10-21");
	CHECK_INT_EQ(past, 0);
	CHECK_STR_EQ(resolve("met on October 7 in Gabala", 2025, 10, 7, NULL),
	             "2025-10-07");
	CHECK_STR_EQ(resolve("visit on Aug. 8.", 2024, 8, 8, NULL), "2024-08-08");
	CHECK_STR_EQ(resolve("8 ноября провели разговор", 2021, 11, 8, NULL),
	             "2021-11-08");
	/* a date well after publication is last year's */
	CHECK_STR_EQ(resolve("on December 28", 2024, 1, 10, &past), "2023-12-28");
	CHECK_INT_EQ(past, 1);
	CHECK_STR_EQ(resolve("on January 12", 2024, 1, 10, NULL), "2024-01-12");
	/* a written year wins */
	CHECK_STR_EQ(resolve("on October 14, 1924,", 2024, 8, 31, &past), "1924-10-14");
	CHECK_INT_EQ(past, 1);
	/* an exact day beats a month or a year in the same span */
	CHECK_STR_EQ(resolve("last year on March 3", 2024, 8, 31, NULL), "2024-03-03");
}

TEST(months_and_years)
{
	int past;
	CHECK_STR_EQ(resolve("in April of this year", 2024, 8, 31, &past), "2024-04");
	CHECK_INT_EQ(past, 1);
	CHECK_STR_EQ(resolve("last November", 2024, 2, 10, &past), "2023-11");
	CHECK_INT_EQ(past, 1);
	CHECK_STR_EQ(resolve("last November", 2024, 12, 10, NULL), "2024-11");
	CHECK_STR_EQ(resolve("в ноябре прошлого года", 2025, 10, 22, &past), "2024-11");
	CHECK_INT_EQ(past, 1);
	CHECK_STR_EQ(resolve("в июле этого года", 2025, 10, 7, NULL), "2025-07");
	CHECK_STR_EQ(resolve("в июне 2025 года", 2025, 11, 21, NULL), "2025-06");
	CHECK_STR_EQ(resolve("в декабре 2024 года", 2025, 11, 21, NULL), "2024-12");
	CHECK_STR_EQ(resolve("in 1924", 2024, 8, 31, &past), "1924");
	CHECK_INT_EQ(past, 1);
	CHECK_STR_EQ(resolve("в 1991 году", 2024, 8, 31, NULL), "1991");
	CHECK_STR_EQ(resolve("32 years ago", 2024, 8, 31, &past), "1992");
	CHECK_INT_EQ(past, 1);
	CHECK_STR_EQ(resolve("5 дней назад", 2024, 8, 31, NULL), "2024-08-26");
	CHECK_STR_EQ(resolve("last year", 2024, 8, 31, &past), "2023");
	CHECK_INT_EQ(past, 1);
	CHECK_STR_EQ(resolve("в прошлом году", 2024, 8, 31, NULL), "2023");
	CHECK_STR_EQ(resolve("в позапрошлом году", 2024, 8, 31, NULL), "2022");
	CHECK_STR_EQ(resolve("this year", 2024, 8, 31, &past), "2024");
	CHECK_INT_EQ(past, 0);
	CHECK_STR_EQ(resolve("в этом году", 2024, 8, 31, NULL), "2024");
	CHECK_STR_EQ(resolve("last month", 2024, 1, 15, NULL), "2023-12");
	CHECK_STR_EQ(resolve("earlier this month", 2024, 1, 15, NULL), "2024-01");
	CHECK_STR_EQ(resolve("last week", 2024, 1, 15, NULL), "2024-01");
}

TEST(unknown_publication_date)
{
	/* relative expressions need the publication date; written years do not */
	CHECK_STR_EQ(resolve("yesterday", 0, 0, 0, NULL), "");
	CHECK_STR_EQ(resolve("21 октября", 0, 0, 0, NULL), "");
	CHECK_STR_EQ(resolve("on 5 May 2022", 0, 0, 0, NULL), "2022-05-05");
	CHECK_STR_EQ(resolve("no date here at all", 2024, 1, 1, NULL), "");
}

TEST(bad_date_files_are_reported)
{
	char dir[] = "/tmp/dyad-dates-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	char sub[sizeof dir + 16], path[sizeof dir + 64];
	snprintf(sub, sizeof sub, "%s/dates", dir);
	CHECK(mkdir(sub, 0700) == 0);
	snprintf(path, sizeof path, "%s/dates/months.tsv", dir);
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	if (!f)
		return;
	fputs("month\tlang\tcase\tforms\n1\ten\ttitle\tjanuary\n13\ten\ttitle\tsmarch\n", f);
	fclose(f);
	struct dyad__date_lexicon lex;
	struct dyad_arena arena;
	dyad_arena_init(&arena, 0);
	char errmsg[DYAD_ERRMSG_MAX] = "";
	CHECK_INT_EQ(dyad__date_lexicon_load(&lex, &arena, dir, errmsg), DYAD_EDATA);
	CHECK(strstr(errmsg, "months.tsv:3:") != NULL);
	unlink(path);
	rmdir(sub);
	rmdir(dir);
	dyad_arena_release(&arena);
}

int main(void)
{
	char errmsg[DYAD_ERRMSG_MAX];
	if (dyad_engine_open(NULL, &engine, errmsg) != DYAD_OK) {
		fprintf(stderr, "engine: %s\n", errmsg);
		printf("RESULT passed=0 failed=1\n");
		return 1;
	}
	RUN(calendar);
	RUN(infer_year);
	RUN(time_stamps);
	RUN(dates_in_many_languages);
	RUN(relative_days);
	RUN(weekdays);
	RUN(month_and_day);
	RUN(months_and_years);
	RUN(unknown_publication_date);
	RUN(bad_date_files_are_reported);
	dyad_engine_free(engine);
	return testlib_done();
}
