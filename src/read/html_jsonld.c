/*
 * html_jsonld.c - facts from the page's JSON-LD (schema.org) with jansson.
 *
 * Objects typed as an article count (NewsArticle, BlogPosting...), found at
 * the top, in arrays, in "@graph" or as a page's "mainEntity"; of the page
 * itself (WebPage) only its date, which a page without an article object
 * gives for the article. Broken
 * JSON-LD is common and is simply ignored: the meta tags still count.
 */
#include <jansson.h>
#include <string.h>

#include "read/html_facts.h"

#define JSONLD_MAX_DEPTH 8
#define JSONLD_MAX_AUTHORS 4

static int is_article_type(json_t *type)
{
	static const char *const types[] = {
		"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
		"OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle",
		"BlogPosting", "LiveBlogPosting", "Report", "TechArticle",
		"SatiricalArticle", "SocialMediaPosting",
	};
	if (json_is_array(type)) {
		size_t i;
		json_t *t;
		json_array_foreach(type, i, t)
			if (is_article_type(t))
				return 1;
		return 0;
	}
	const char *s = json_string_value(type);
	for (size_t k = 0; s && k < sizeof types / sizeof types[0]; k++)
		if (strcmp(s, types[k]) == 0)
			return 1;
	return 0;
}

static int has_type(json_t *v, const char *name)
{
	json_t *type = json_object_get(v, "@type");
	if (json_is_string(type))
		return strcmp(json_string_value(type), name) == 0;
	size_t i;
	json_t *t;
	json_array_foreach(type, i, t)
		if (json_is_string(t) && strcmp(json_string_value(t), name) == 0)
			return 1;
	return 0;
}

static const char *name_of(json_t *v)
{
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_object(v))
		return json_string_value(json_object_get(v, "name"));
	return NULL;
}

/* The names of the authors of one kind (organisations or not), joined. */
static void offer_authors(struct dyad__html_facts *f, json_t *author, int orgs)
{
	dyad_buf_reset(&f->scratch);
	size_t n = 0, count = json_is_array(author) ? json_array_size(author) : 1;
	for (size_t i = 0; i < count && n < JSONLD_MAX_AUTHORS; i++) {
		json_t *one = json_is_array(author) ? json_array_get(author, i) : author;
		if (json_is_object(one) && has_type(one, "Organization") != orgs)
			continue;
		if (!json_is_object(one) && orgs)
			continue;
		const char *name = name_of(one);
		if (!name || !*name)
			continue;
		if ((n++ && dyad_buf_puts(&f->scratch, ", ") != DYAD_OK) ||
		    dyad_buf_puts(&f->scratch, name) != DYAD_OK) {
			f->st = DYAD_ENOMEM;
			return;
		}
	}
	if (!n)
		return;
	/* the scratch buffer is reused while the value is cleaned: copy it */
	char *names = dyad_arena_strndup(f->arena, f->scratch.data, f->scratch.len);
	if (!names) {
		f->st = DYAD_ENOMEM;
		return;
	}
	dyad__html_fact_offer_str(f, DYAD_HF_AUTHOR,
	                          orgs ? DYAD_RANK_AUTHOR_JSONLD_ORG : DYAD_RANK_AUTHOR_JSONLD,
	                          names);
}

static void article_facts(struct dyad__html_facts *f, json_t *v)
{
	dyad__html_fact_offer_str(f, DYAD_HF_TITLE, DYAD_RANK_TITLE_JSONLD,
	                          json_string_value(json_object_get(v, "headline")));
	dyad__html_fact_offer_str(f, DYAD_HF_PUBLISHED, DYAD_RANK_PUB_JSONLD,
	                          json_string_value(json_object_get(v, "datePublished")));
	dyad__html_fact_offer_str(f, DYAD_HF_SOURCE, DYAD_RANK_SOURCE_JSONLD,
	                          name_of(json_object_get(v, "publisher")));
	json_t *author = json_object_get(v, "author");
	if (author) {
		offer_authors(f, author, 0);
		offer_authors(f, author, 1);
	}
	const char *url = json_string_value(json_object_get(v, "url"));
	json_t *page = json_object_get(v, "mainEntityOfPage");
	if (!url)
		url = json_is_object(page) ? json_string_value(json_object_get(page, "@id"))
		                           : json_string_value(page);
	dyad__html_fact_offer_str(f, DYAD_HF_URL, DYAD_RANK_URL_JSONLD, url);
}

static void read_value(struct dyad__html_facts *f, json_t *v, int depth)
{
	if (depth > JSONLD_MAX_DEPTH || f->st != DYAD_OK)
		return;
	if (json_is_array(v)) {
		size_t i;
		json_t *item;
		json_array_foreach(v, i, item)
			read_value(f, item, depth + 1);
		return;
	}
	if (!json_is_object(v))
		return;
	json_t *graph = json_object_get(v, "@graph");
	if (graph)
		read_value(f, graph, depth + 1);
	json_t *main = json_object_get(v, "mainEntity");
	if (json_is_object(main) || json_is_array(main))
		read_value(f, main, depth + 1);
	if (is_article_type(json_object_get(v, "@type")))
		article_facts(f, v);
	else if (has_type(v, "WebPage") || has_type(v, "ItemPage"))
		dyad__html_fact_offer_str(f, DYAD_HF_PUBLISHED, DYAD_RANK_PUB_PAGE,
		                          json_string_value(json_object_get(v, "datePublished")));
}

void dyad__html_jsonld(struct dyad__html_facts *f, const struct dyad__htree *tree,
                       uint32_t i)
{
	const GumboNode *script = tree->nodes[i].g;
	const GumboVector *kids = &script->v.element.children;
	if (kids->length == 0)
		return;
	const GumboNode *text = kids->data[0];
	if (text->type != GUMBO_NODE_TEXT && text->type != GUMBO_NODE_CDATA &&
	    text->type != GUMBO_NODE_WHITESPACE)
		return;
	json_error_t err;
	json_t *root = json_loads(text->v.text.text, JSON_DECODE_ANY, &err);
	if (!root)
		return;
	read_value(f, root, 0);
	json_decref(root);
}
