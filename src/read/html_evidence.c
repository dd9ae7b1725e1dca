/*
 * html_evidence.c - what one element of a page says about itself, weighed
 * with the words of data/html/ (kb/html.h).
 *
 * The evidence is additive and bounded on purpose: a class such as
 * "content-with-sidebar-wrp" says "content" and "sidebar" at once, and the
 * two cancel out instead of one substring vetoing the container. What the
 * extractor does with the sum is html_score.c's and html_prune.c's business.
 */
#include "read/html_evidence.h"

#include <stdio.h>
#include <string.h>

#define WORD_MAX DYAD_HTML_WORD_MAX
/* Distinct words weighed per element; the rest of a long class is ignored. */
#define WORDS_PER_ELEMENT 24
/* Bytes of a class or id value looked at. */
#define CLASS_SCAN 256
#define ATTR_KEY_MAX DYAD_HTML_ATTR_KEY_MAX

static char lower_ascii(char c)
{
	return (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
}

static int is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

struct seen_words {
	char words[WORDS_PER_ELEMENT][WORD_MAX + 1];
	size_t n;
};

/* Weigh (w, len) unless this element already had the word. */
static int weigh_once(const struct dyad__html_lexicon *lex, struct seen_words *seen,
                      const char *w, size_t len)
{
	if (len == 0 || len > WORD_MAX || seen->n >= WORDS_PER_ELEMENT)
		return 0;
	for (size_t i = 0; i < seen->n; i++)
		if (strlen(seen->words[i]) == len && memcmp(seen->words[i], w, len) == 0)
			return 0;
	memcpy(seen->words[seen->n], w, len);
	seen->words[seen->n++][len] = '\0';
	return dyad__html_word_weight(lex, w, len);
}

/* The words of a class or id value: cut at non-alphanumerics, digits and
 * lower-to-upper case changes. */
static int weigh_class(const struct dyad__html_lexicon *lex, struct seen_words *seen,
                       const char *v)
{
	int sum = 0;
	char word[WORD_MAX + 1];
	size_t n = 0, long_word = 0;
	for (size_t i = 0; i < CLASS_SCAN; i++) {
		char c = v[i];
		int cut = !is_alnum(c) || is_digit(c) ||
		          (i > 0 && c >= 'A' && c <= 'Z' && v[i - 1] >= 'a' && v[i - 1] <= 'z');
		if (cut && n) {
			if (!long_word)
				sum += weigh_once(lex, seen, word, n);
			n = long_word = 0;
		}
		if (!c)
			break;
		if (!is_alnum(c) || is_digit(c))
			continue;
		if (n < WORD_MAX)
			word[n++] = lower_ascii(c);
		else
			long_word = 1;
	}
	return sum;
}

/* "role=navigation": each space-separated value of the attribute. */
static int weigh_attr(const struct dyad__html_lexicon *lex, const char *name,
                      const char *v, int last_segment)
{
	int sum = 0;
	char key[ATTR_KEY_MAX];
	size_t base = (size_t)snprintf(key, sizeof key, "%s=", name);
	while (v && *v) {
		while (*v == ' ')
			v++;
		size_t len = strcspn(v, " ");
		const char *s = v;
		size_t n = len;
		if (last_segment) {
			for (size_t i = 0; i < len; i++)
				if (v[i] == '/' || v[i] == '#')
					s = v + i + 1;
			n = len - (size_t)(s - v);
		}
		if (n && base + n < sizeof key) {
			for (size_t i = 0; i < n; i++)
				key[base + i] = lower_ascii(s[i]);
			sum += dyad__html_attr_weight(lex, key, base + n);
		}
		v += len;
	}
	return sum;
}

int dyad__html_evidence(const struct dyad__html_lexicon *lex, const GumboNode *n)
{
	if (!lex || n->type != GUMBO_NODE_ELEMENT)
		return 0;
	const GumboVector *attrs = &n->v.element.attributes;
	int sum = dyad__html_tag_weight(lex, n->v.element.tag);
	struct seen_words seen;
	seen.n = 0;
	for (unsigned i = 0; i < attrs->length; i++) {
		const GumboAttribute *a = attrs->data[i];
		if (strcmp(a->name, "class") == 0 || strcmp(a->name, "id") == 0)
			sum += weigh_class(lex, &seen, a->value);
		else if (strcmp(a->name, "role") == 0 || strcmp(a->name, "itemprop") == 0)
			sum += weigh_attr(lex, a->name, a->value, 0);
		else if (strcmp(a->name, "itemtype") == 0)
			sum += weigh_attr(lex, a->name, a->value, 1);
	}
	if (sum > DYAD_HTML_EVIDENCE_MAX)
		sum = DYAD_HTML_EVIDENCE_MAX;
	if (sum < -DYAD_HTML_EVIDENCE_MAX)
		sum = -DYAD_HTML_EVIDENCE_MAX;
	return sum;
}

