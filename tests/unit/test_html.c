/*
 * test_html.c - the HTML reader: choosing the article, taking the furniture
 * out of it, the fallback passes, and the facts of the markup (dates to the
 * contract, authors without job titles, titles without the site name).
 *
 * Every page here is written for the test; none comes from a corpus or the
 * benchmark. The engine is the source tree's data/ (data/html/ weighs the
 * class words), as dyad extract uses it.
 */
#define _GNU_SOURCE /* mkdtemp */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/arena.h"
#include "dyad.h"
#include "kb/date_norm.h"
#include "kb/engine.h"
#include "kb/html.h"
#include "kb/meta.h"
#include "read/html.h"
#include "read/html_evidence.h"
#include "read/html_facts.h"
#include "testdoc.h"
#include "testlib.h"

static dyad_engine *engine;

/* Three paragraphs of an article about a bridge, as several tests use it. */
#define STORY_P1 "<p>The city council voted on Tuesday to rebuild the old river bridge, which has been closed to traffic since the spring floods damaged two of its piers.</p>"
#define STORY_P2 "<p>Engineers said the new bridge would carry four lanes and a cycle path, and that the work should take about eighteen months if the weather allows it.</p>"
#define STORY_P3 "<p>Residents of the east bank, who now drive twenty minutes to the next crossing, welcomed the decision but asked the council to keep a ferry running meanwhile.</p>"

struct page {
	struct dyad_arena arena;
	struct dyad__html_page out;
	dyad_status st;
	char err[DYAD_ERRMSG_MAX];
};

static void reduce(struct page *p, const char *html)
{
	dyad_arena_init(&p->arena, 0);
	p->err[0] = '\0';
	p->st = dyad__html_reduce(engine, html, strlen(html), &p->arena, &p->out, p->err);
}

static void release(struct page *p)
{
	dyad_arena_release(&p->arena);
}

static int has(const struct page *p, const char *s)
{
	return p->out.text && strstr(p->out.text, s) != NULL;
}

/* The body: the text after the headline lines. */
static const char *body(const struct page *p)
{
	const char *t = p->out.text;
	for (size_t l = 0; t && l < p->out.head_lines; l++) {
		const char *nl = strchr(t, '\n');
		t = nl ? nl + 1 : t + strlen(t);
	}
	return t;
}

/* ---- choosing the article ------------------------------------------------- */

TEST(wrapper_named_after_its_sidebar_keeps_the_article)
{
	/* a class that mentions a sidebar on the column that holds the article */
	struct page p;
	reduce(&p, "<html><body><nav><a href='/'>Home</a> <a href='/city'>City</a></nav>"
	           "<div class='content-with-sidebar-wrapper'><div class='article-body'>"
	           "<h1>Council votes to rebuild the river bridge</h1>" STORY_P1 STORY_P2 STORY_P3
	           "</div><div class='sidebar'><p>Most read: Festival dates announced for the summer.</p>"
	           "</div></div></body></html>");
	CHECK_INT_EQ(p.st, DYAD_OK);
	CHECK(has(&p, "The city council voted on Tuesday"));
	CHECK(has(&p, "keep a ferry running meanwhile."));
	CHECK(!has(&p, "Festival dates"));
	CHECK(!has(&p, "Home"));
	CHECK(strncmp(p.out.text, "Council votes to rebuild the river bridge\n\n", 43) == 0);
	CHECK_INT_EQ(p.out.head_lines, 2);
	release(&p);
}

TEST(page_wrapped_in_one_form_is_read)
{
	struct page p;
	reduce(&p, "<html><body><form id='aspnetForm' action='/'><div class='top-menu'>"
	           "<a href='/a'>News</a> <a href='/b'>Sport</a> <a href='/c'>Weather</a></div>"
	           "<div id='story'>" STORY_P1 STORY_P2 "</div>"
	           "<input type='hidden' name='state' value='x'></form></body></html>");
	CHECK_INT_EQ(p.st, DYAD_OK);
	CHECK(has(&p, "rebuild the old river bridge"));
	CHECK(has(&p, "eighteen months"));
	CHECK(!has(&p, "Weather"));
	release(&p);
}

TEST(comments_longer_than_the_article_do_not_win)
{
	struct page p;
	reduce(&p, "<html><body><article><h1>Bridge vote</h1>" STORY_P1 "</article>"
	           "<section class='comments'><div class='comment'><p>I have lived by the river for forty years and I can tell you that this bridge was never built well, the piers were always too thin for the spring floods.</p></div>"
	           "<div class='comment'><p>Eighteen months is optimistic. The last road project in this town took three years, cost twice the estimate and the cycle path was dropped halfway through.</p></div>"
	           "<div class='comment'><p>Why not a tunnel? Other cities have built tunnels under rivers of this size and they never close for floods, which would save everyone a lot of trouble later on.</p></div>"
	           "</section></body></html>");
	CHECK_INT_EQ(p.st, DYAD_OK);
	CHECK(has(&p, "The city council voted on Tuesday"));
	CHECK(!has(&p, "forty years"));
	CHECK(!has(&p, "tunnel"));
	release(&p);
}

TEST(article_cut_into_chunks_comes_out_whole)
{
	/* an ad between two chunks, each wrapped in a grid named after the ad rail */
	struct page p;
	reduce(&p, "<html><body><main><h1>Bridge vote</h1>"
	           "<div class='grid grid--with-adrail'><div class='story-text'>" STORY_P1 STORY_P2 "</div></div>"
	           "<div class='ad-slot'><a href='/ad'>Buy a boat today</a></div>"
	           "<div class='grid grid--with-adrail'><div class='story-text'>" STORY_P3
	           "<p>The council will publish the tender next month and hopes to pick a builder before the end of the year.</p></div></div>"
	           "<div class='grid grid--with-adrail'><div class='newsletter-signup'><p>Get our newsletter every morning, with the news that matters to you.</p></div></div>"
	           "</main></body></html>");
	CHECK_INT_EQ(p.st, DYAD_OK);
	CHECK(has(&p, "The city council voted"));
	CHECK(has(&p, "east bank"));
	CHECK(has(&p, "publish the tender"));
	CHECK(!has(&p, "Buy a boat"));
	CHECK(!has(&p, "newsletter"));
	release(&p);
}

/* ---- furniture inside the article ------------------------------------------ */

TEST(furniture_inside_the_article_is_removed)
{
	struct page p;
	reduce(&p, "<html><body><div class='cookie-consent'>We use cookies to improve the site. <button>OK</button></div>"
	           "<article><h1>Bridge vote</h1><div class='byline'>By Anna Lind, City Reporter</div>"
	           "<div class='share-tools'><a href='#'>Share</a> <a href='#'>Tweet</a></div>"
	           STORY_P1 "<figure><img src='b.jpg'><figcaption>The old bridge after the floods. Photo: J. Berg</figcaption></figure>"
	           STORY_P2 "<ul><li><a href='/1'>Ferry timetable changes</a></li><li><a href='/2'>Floods: what we know</a></li><li><a href='/3'>Council budget explained</a></li></ul>"
	           STORY_P3 "<h3>Related stories</h3>"
	           "<div class='card'><a href='/x'><img src='x.jpg'></a><h4><a href='/x'>Second bridge planned upstream</a></h4><span>Plans for a footbridge near the mill.</span></div>"
	           "<div class='card'><a href='/y'><img src='y.jpg'></a><h4><a href='/y'>Road closures this week</a></h4><span>Detours around the centre.</span></div>"
	           "<div class='card'><a href='/z'><img src='z.jpg'></a><h4><a href='/z'>Mayor answers questions</a></h4><span>A live chat on Friday.</span></div>"
	           "<p><a href='/more'>Read more city news</a></p></article>"
	           "<div id='disqus_thread'><p>Join the discussion: comments are moderated before they appear on the site.</p></div>"
	           "</body></html>");
	CHECK_INT_EQ(p.st, DYAD_OK);
	const char *b = body(&p);
	CHECK(strstr(b, "The city council voted") == b);
	static const char *const gone[] = {
		"cookies", "Anna Lind", "Tweet", "Photo: J. Berg", "Ferry timetable", "Related stories",
		"Second bridge", "footbridge", "Read more", "discussion",
	};
	for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++)
		if (has(&p, gone[i]))
			TESTLIB_FAIL("furniture kept: %s", gone[i]);
	CHECK(has(&p, "eighteen months"));
	CHECK(has(&p, "keep a ferry running meanwhile."));
	CHECK_STR_EQ(p.out.facts.author, "Anna Lind");
	release(&p);
}

TEST(digest_of_linked_items_is_article_text)
{
	/* a list whose items start with a link and go on in prose is content */
	struct page p;
	reduce(&p, "<html><body><article><h1>Five things to know this morning</h1><ol>"
	           "<li><strong><a href='/1'>The bridge will be rebuilt</a>.</strong> The council voted on Tuesday after months of debate about the cost.</li>"
	           "<li><strong><a href='/2'>Ferries keep running</a>.</strong> The operator added two crossings an hour until the new bridge opens.</li>"
	           "<li><strong><a href='/3'>Floods cost millions</a>.</strong> Insurers say the spring floods were the costliest in twenty years.</li>"
	           "<li><strong><a href='/4'>School reopens</a>.</strong> The east bank school opens again on Monday after repairs to its roof.</li>"
	           "</ol></article></body></html>");
	CHECK_INT_EQ(p.st, DYAD_OK);
	CHECK(has(&p, "The bridge will be rebuilt"));
	CHECK(has(&p, "costliest in twenty years"));
	CHECK(has(&p, "repairs to its roof"));
	release(&p);
}

TEST(mislabelled_article_falls_back_to_structure)
{
	/* every class here says furniture; the text must still come out */
	struct page p;
	reduce(&p, "<html><body><div class='sidebar-widget'><div class='comment-like promo'>"
	           STORY_P1 STORY_P2 STORY_P3 "</div></div></body></html>");
	CHECK_INT_EQ(p.st, DYAD_OK);
	CHECK(has(&p, "The city council voted"));
	CHECK(has(&p, "eighteen months"));
	release(&p);
}

TEST(short_brief_beside_long_sidebar_stays_short)
{
	struct page p;
	reduce(&p, "<html><body><article><h1>Bridge closed</h1><p>The river bridge is closed until Friday "
	           "after a truck hit its railing on Monday night, the police said.</p></article>"
	           "<aside class='sidebar'><div class='sidebar-about'>"
	           "<p>The River Gazette has covered the valley since 1888. Our reporters live in the towns they write about, and our editors answer every letter.</p>"
	           "<p>We are owned by a foundation, not a company, and every cent of your subscription pays for local reporting in the valley and its towns.</p>"
	           "<p>Our newsroom is open to visitors on the first Saturday of every month, from ten in the morning until two in the afternoon, at the old mill.</p>"
	           "<p>Write to us with your news, your questions and your complaints; the letters we print are chosen by readers, not by the editors.</p>"
	           "</div></aside></body></html>");
	CHECK_INT_EQ(p.st, DYAD_OK);
	CHECK(has(&p, "truck hit its railing"));
	CHECK(!has(&p, "foundation"));
	release(&p);
}

TEST(short_page_and_empty_page)
{
	struct page p;
	reduce(&p, "<html><body><p>Bridge opens.</p></body></html>");
	CHECK_INT_EQ(p.st, DYAD_OK);
	CHECK(has(&p, "Bridge opens."));
	release(&p);
	reduce(&p, "<html><body><nav><a href='/'>Home</a></nav><script>var x = 1;</script></body></html>");
	CHECK_INT_EQ(p.st, DYAD_EEMPTY);
	CHECK_STR_EQ(p.err, "no article text in the HTML page");
	release(&p);
}

/* ---- dates ------------------------------------------------------------------ */

static const char *norm(const char *s, char *out)
{
	const struct dyad__date_lexicon *dates = dyad__meta_dates(engine);
	return dyad__date_normalise(s, strlen(s), dates, out, 64) ? out : NULL;
}

TEST(dates_are_normalised_or_dropped)
{
	char b[64];
	CHECK_STR_EQ(norm("2023-04-12", b), "2023-04-12");
	CHECK_STR_EQ(norm(" 2023-04-12T09:30:00+04:00 ", b), "2023-04-12T09:30:00+04:00");
	CHECK_STR_EQ(norm("2023-04-12T09:30:00.123Z", b), "2023-04-12T09:30:00Z");
	CHECK_STR_EQ(norm("2023-04-12T09:30+0200", b), "2023-04-12T09:30:00+02:00");
	CHECK_STR_EQ(norm("2023-04-12T09:30:00", b), "2023-04-12"); /* no offset: the day */
	CHECK_STR_EQ(norm("2023/04/12", b), "2023-04-12");
	CHECK_STR_EQ(norm("20230412", b), "2023-04-12");
	CHECK_STR_EQ(norm("Wed, 12 Apr 2023 09:30:00 -0500", b), "2023-04-12T09:30:00-05:00");
	CHECK_STR_EQ(norm("12 Apr 2023 09:30:00 EST", b), "2023-04-12T09:30:00-05:00");
	CHECK_STR_EQ(norm("April 12, 2023", b), "2023-04-12");
	CHECK_STR_EQ(norm("12 апреля 2023 года", b), "2023-04-12");
	CHECK_STR_EQ(norm("Posted: 12 April 2023, 9:30", b), "2023-04-12");
	CHECK(norm("0001-01-01T00:00:00Z", b) == NULL);  /* a placeholder */
	CHECK(norm("2023-02-30", b) == NULL);
	CHECK(norm("2023-13-01", b) == NULL);
	CHECK(norm("yesterday", b) == NULL);
	CHECK(norm("", b) == NULL);
	CHECK(dyad__date_from_url("https://x.example/news/2023/4/12/bridge-vote", b, 64) &&
	      strcmp(b, "2023-04-12") == 0);
	CHECK(dyad__date_from_url("https://x.example/2023-04-12/bridge.html", b, 64) &&
	      strcmp(b, "2023-04-12") == 0);
	CHECK(!dyad__date_from_url("https://x.example/2023/04/bridge-vote", b, 64));
	CHECK(!dyad__date_from_url("https://x.example/item/20230412999", b, 64));
}

static const char *published_of(const char *head, const char *body_html)
{
	static char kept[64];
	struct page p;
	char html[4096];
	snprintf(html, sizeof html, "<html><head>%s</head><body>%s<article>" STORY_P1 STORY_P2
	         "</article></body></html>", head, body_html);
	reduce(&p, html);
	const char *v = p.st == DYAD_OK ? p.out.facts.published : NULL;
	snprintf(kept, sizeof kept, "%s", v ? v : "(none)");
	release(&p);
	return kept;
}

TEST(dates_follow_the_documented_priority)
{
	const char *ld = "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\":\"2023-04-11T08:00:00+02:00\"}</script>";
	/* article:published_time over JSON-LD over itemprop over <time> over the URL */
	CHECK_STR_EQ(published_of("<meta property='article:published_time' content='2023-04-10'>"
	                          "<link rel='canonical' href='https://x.example/2020/01/02/a'>", ""),
	             "2023-04-10");
	CHECK_STR_EQ(published_of(ld, "<meta itemprop='datePublished' content='2023-04-09'>"),
	             "2023-04-11T08:00:00+02:00");
	CHECK_STR_EQ(published_of("", "<meta itemprop='datePublished' content='2023-04-09'>"
	                              "<time datetime='2023-04-01'>1 April</time>"),
	             "2023-04-09");
	CHECK_STR_EQ(published_of("", "<span itemprop='datePublished'>9 April 2023</span>"), "2023-04-09");
	CHECK_STR_EQ(published_of("", "<time datetime='2023-04-01T10:00:00Z'>1 April</time>"),
	             "2023-04-01T10:00:00Z");
	CHECK_STR_EQ(published_of("<link rel='canonical' href='https://x.example/2020/01/02/a'>", ""),
	             "2020-01-02");
	/* a raw string that is no date never takes the place of a good one */
	CHECK_STR_EQ(published_of("<meta property='article:published_time' content='soon'>"
	                          "<meta name='date' content='Tue, 11 Apr 2023 10:00:00 GMT'>", ""),
	             "2023-04-11T10:00:00Z");
	CHECK_STR_EQ(published_of("<meta property='article:published_time' content='tba'>", ""), "(none)");
	/* the stamp printed under the headline */
	CHECK_STR_EQ(published_of("", "<h1>Bridge vote</h1><div class='info'>12 April 2023</div>"),
	             "2023-04-12");
}

static int stamp(const char *s)
{
	return dyad__html_stamp_line(dyad__html_lexicon(engine), dyad__meta_dates(engine), s, strlen(s));
}

TEST(stamp_and_byline_lines_are_told_from_text)
{
	CHECK(stamp("Updated 9:30 am, Wednesday, April 12, 2023"));
	CHECK(stamp("12.04.2023, 09:30"));
	CHECK(stamp("By Anna Lind"));
	CHECK(stamp("BY: Omar Haddad and Anna Lind"));
	CHECK(!stamp("By the end of the year the bridge will be open"));
	CHECK(!stamp("The vote is set for April 12, 2023, in the town hall."));
	CHECK(!stamp("Bridge vote"));
	struct page p;
	reduce(&p, "<html><body><article><h1>Bridge vote</h1><div>By Anna Lind</div>"
	           "<p>Updated <span class='timestamp'>9:30 am, April 12, 2023</span></p>"
	           STORY_P1 STORY_P2 "</article></body></html>");
	CHECK(strncmp(body(&p), "The city council voted", 22) == 0);
	CHECK_STR_EQ(p.out.facts.published, "2023-04-12");
	release(&p);
}

/* ---- authors and titles -------------------------------------------------------- */

static const char *author_of(const char *head, const char *body_html)
{
	static char kept[256];
	struct page p;
	char html[4096];
	snprintf(html, sizeof html, "<html><head><meta property='og:site_name' content='River Gazette'>%s</head>"
	         "<body><article><h1>Bridge vote</h1>%s" STORY_P1 STORY_P2 "</article></body></html>",
	         head, body_html);
	reduce(&p, html);
	const char *v = p.st == DYAD_OK ? p.out.facts.author : NULL;
	snprintf(kept, sizeof kept, "%s", v ? v : "(none)");
	release(&p);
	return kept;
}

TEST(authors_are_names_only)
{
	const char *ld = "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":"
	                 "[{\"@type\":\"Person\",\"name\":\"Anna Lind\"},{\"@type\":\"Person\",\"name\":\"Omar Haddad\"}]}</script>";
	/* JSON-LD and bylines over a generic meta author (often the publisher) */
	CHECK_STR_EQ(author_of("<meta name='author' content='River Media Group'>", ""), "River Media Group");
	CHECK_STR_EQ(author_of(ld, ""), "Anna Lind, Omar Haddad");
	CHECK_STR_EQ(author_of("<meta name='author' content='River Media Group'>",
	                       "<div class='byline'>By Anna Lind</div>"), "Anna Lind");
	CHECK_STR_EQ(author_of("<meta name='author' content='River Media Group'>", ld),
	             "Anna Lind, Omar Haddad");
	CHECK_STR_EQ(author_of("", "<p class='article-byline'>By ANNA LIND, Senior Correspondent</p>"), "ANNA LIND");
	CHECK_STR_EQ(author_of("", "<div class='author'>Anna Lind and Omar Haddad | River Gazette</div>"),
	             "Anna Lind, Omar Haddad");
	CHECK_STR_EQ(author_of("", "<div class='byline'>Anna Lind River Gazette</div>"), "Anna Lind");
	CHECK_STR_EQ(author_of("", "<div class='byline'>Anna Lind April 12, 2023 at 9:30 am</div>"), "Anna Lind");
	CHECK_STR_EQ(author_of("", "<div class='byline'>Analysis by Anna Lind, rivergazette.example</div>"), "Anna Lind");
	CHECK_STR_EQ(author_of("", "<div class='byline'>Anna E. Lind, MD</div>"), "Anna E. Lind");
	CHECK_STR_EQ(author_of("", "<div class='byline'>Staff Writer</div>"), "(none)");
	CHECK_STR_EQ(author_of("<meta name='author' content='https://social.example/annalind'>", ""), "(none)");
}

TEST(titles_are_headlines)
{
	struct page p;
	reduce(&p, "<html><head><title>Council votes to rebuild bridge | River Gazette</title>"
	           "<meta property='og:title' content='Council votes to rebuild bridge - River Gazette'>"
	           "<meta property='og:site_name' content='River Gazette'></head><body>"
	           "<header><h1 class='logo'><a href='/'>River Gazette</a></h1></header>"
	           "<article>" STORY_P1 STORY_P2 "</article></body></html>");
	CHECK_INT_EQ(p.st, DYAD_OK);
	CHECK_STR_EQ(p.out.facts.title, "Council votes to rebuild bridge");
	CHECK(strncmp(p.out.text, "Council votes to rebuild bridge\n\n", 33) == 0);
	release(&p);
	/* a title that is only the site's name is not the headline */
	reduce(&p, "<html><head><meta property='og:title' content='River Gazette'>"
	           "<meta property='og:site_name' content='River Gazette'></head><body>"
	           "<article><h1>Council votes to rebuild bridge</h1>" STORY_P1 "</article></body></html>");
	CHECK_STR_EQ(p.out.facts.title, "Council votes to rebuild bridge");
	release(&p);
}

/* ---- the knowledge file ------------------------------------------------------- */

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/html/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static dyad_status load_html_data(const char *dir, const char *words, char *err)
{
	write_file(dir, "tags.tsv", "tag\tkind\tweight\nscript\tskip\t0\nnav\ttext\t-80\n");
	write_file(dir, "attrs.tsv", "attribute\tvalue\tweight\tkind\nrole\tnavigation\t-80\tnavigation\n");
	write_file(dir, "bylines.tsv", "kind\tlang\tword\nprefix\ten\tby\ntitle\ten\twriter\n");
	write_file(dir, "words.tsv", words);
	struct dyad_engine e;
	memset(&e, 0, sizeof e);
	dyad_arena_init(&e.arena, 0);
	e.data_dir = (char *)dir;
	dyad_status st = dyad__html_lexicon_load(&e, err);
	if (st == DYAD_OK) {
		/* "mainNav" is main + nav; "topnav" ends with nav; a word counts once */
		static const struct { const char *cls; int want; } cases[] = {
			{"mainNav", 10 - 60}, {"topnav", -60}, {"nav nav-nav", -60}, {"navigation", 0},
		};
		for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
			char html[128];
			snprintf(html, sizeof html, "<div class='%s'>x</div>", cases[i].cls);
			GumboOutput *out = gumbo_parse(html);
			const GumboNode *body_node = out->root->v.element.children.data[1];
			const GumboNode *div = body_node->v.element.children.data[0];
			int got = dyad__html_evidence(e.html, div);
			if (got != cases[i].want)
				TESTLIB_FAIL("evidence of \"%s\" = %d, want %d", cases[i].cls, got, cases[i].want);
			gumbo_destroy_output(&kGumboDefaultOptions, out);
		}
	}
	dyad__html_lexicon_free(e.html);
	dyad_arena_release(&e.arena);
	return st;
}

TEST(bad_lines_of_data_html_are_named)
{
	char dir[512];
	snprintf(dir, sizeof dir, "%s/dyad-html-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(dir)) {
		TESTLIB_FAIL("mkdtemp");
		return;
	}
	char sub[512], err[DYAD_ERRMSG_MAX];
	snprintf(sub, sizeof sub, "%s/html", dir);
	mkdir(sub, 0700);
	CHECK_INT_EQ(load_html_data(dir, "word\tweight\tkind\nmain\t10\tcontent\n*nav\t-60\tnavigation\n", err),
	             DYAD_OK);
	CHECK_INT_EQ(load_html_data(dir, "word\tweight\tkind\nmain\t300\tcontent\n", err), DYAD_EDATA);
	CHECK(strstr(err, "html/words.tsv:2:") && strstr(err, "weight"));
	CHECK_INT_EQ(load_html_data(dir, "word\tweight\tkind\nmain\t10\tcontents\n", err), DYAD_EDATA);
	CHECK(strstr(err, "html/words.tsv:2:") && strstr(err, "kind"));
	CHECK_INT_EQ(load_html_data(dir, "word\tweight\tkind\nMain\t10\tcontent\n", err), DYAD_EDATA);
	CHECK_INT_EQ(load_html_data(dir, "word\tweight\tkind\nmain\t10\tcontent\nmain\t5\tcontent\n", err),
	             DYAD_EDATA);
	CHECK(strstr(err, "html/words.tsv:3:") && strstr(err, "twice"));
	write_file(dir, "tags.tsv", "");
	const char *names[] = {"tags.tsv", "attrs.tsv", "bylines.tsv", "words.tsv"};
	for (size_t i = 0; i < 4; i++) {
		snprintf(sub, sizeof sub, "%s/html/%s", dir, names[i]);
		remove(sub);
	}
	snprintf(sub, sizeof sub, "%s/html", dir);
	rmdir(sub);
	rmdir(dir);
}

/* ---- deep pages --------------------------------------------------------- */

/* A page whose article sits under depth nested <div>s, built in a buffer. */
static char *deep_page(size_t depth)
{
	static const char head[] = "<html><head><title>Bridge vote</title></head><body>";
	static const char story[] = STORY_P1 "<div><span>" STORY_P2 "</span></div>"
	                            "<script>var hidden = 1;</script>" STORY_P3;
	static const char tail[] = "</body></html>";
	size_t cap = sizeof head + sizeof story + sizeof tail + depth * 11 + 1;
	char *html = malloc(cap);
	if (!html)
		return NULL;
	size_t n = 0;
	memcpy(html, head, sizeof head - 1);
	n += sizeof head - 1;
	for (size_t i = 0; i < depth; i++, n += 5)
		memcpy(html + n, "<div>", 5);
	memcpy(html + n, story, sizeof story - 1);
	n += sizeof story - 1;
	for (size_t i = 0; i < depth; i++, n += 6)
		memcpy(html + n, "</div>", 6);
	memcpy(html + n, tail, sizeof tail);
	return html;
}

TEST(deep_pages_keep_their_text)
{
	static const size_t depths[] = {100, 399, 401, 450, 1000, 4990};
	for (size_t k = 0; k < sizeof depths / sizeof depths[0]; k++) {
		char *html = deep_page(depths[k]);
		CHECK(html != NULL);
		if (!html)
			return;
		struct page p;
		reduce(&p, html);
		CHECK_INT_EQ(p.st, DYAD_OK);
		/* three paragraphs on lines of their own, the script left out */
		CHECK(has(&p, "since the spring floods damaged two of its piers.\n"));
		CHECK(has(&p, "\nEngineers said the new bridge"));
		CHECK(has(&p, "\nResidents of the east bank"));
		CHECK(!has(&p, "hidden"));
		if (!has(&p, "Residents of the east bank"))
			fprintf(stderr, "depth %zu: %s\n", depths[k], p.st == DYAD_OK ? p.out.text : p.err);
		release(&p);
		free(html);
	}
	/* deeper than gumbo can take in time: refused, with the reason */
	char *html = deep_page(DYAD_HTML_MAX_NESTING + 10);
	CHECK(html != NULL);
	if (!html)
		return;
	struct page p;
	reduce(&p, html);
	CHECK_INT_EQ(p.st, DYAD_EFORMAT);
	CHECK(strstr(p.err, "nested more than") != NULL);
	release(&p);
	free(html);
}

int main(void)
{
	if (!(engine = testdoc_engine()))
		return 1;
	RUN(wrapper_named_after_its_sidebar_keeps_the_article);
	RUN(page_wrapped_in_one_form_is_read);
	RUN(comments_longer_than_the_article_do_not_win);
	RUN(article_cut_into_chunks_comes_out_whole);
	RUN(furniture_inside_the_article_is_removed);
	RUN(digest_of_linked_items_is_article_text);
	RUN(mislabelled_article_falls_back_to_structure);
	RUN(short_brief_beside_long_sidebar_stays_short);
	RUN(short_page_and_empty_page);
	RUN(dates_are_normalised_or_dropped);
	RUN(dates_follow_the_documented_priority);
	RUN(stamp_and_byline_lines_are_told_from_text);
	RUN(authors_are_names_only);
	RUN(titles_are_headlines);
	RUN(bad_lines_of_data_html_are_named);
	RUN(deep_pages_keep_their_text);
	dyad_engine_free(engine);
	return testlib_done();
}
