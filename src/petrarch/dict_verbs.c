/*
 * dict_verbs.c - reader of TABARI/PETRARCH verb dictionaries.
 *
 *     &CURRENCY                         synset: its phrases follow as +lines
 *     +DOLLARS
 *     +SWISS FRANCS
 *     --- BREAK [1717] ---              verb block and its code
 *     BREAK { BROKE BROKEN }            verb, irregular forms
 *     +BREAK_DOWN {+BROKEN_DOWN}        multi-word verb, '+' marks the verb
 *     WIRE_+TAP [081]                   own code
 *     - + KNOWN_ * IN_ $  [076]         pattern: upper * lower [code]
 *
 * Pattern elements: words, &SYNSET, $ source, + target, % compound actor,
 * ^ skip a noun phrase, * the verb. A blank between elements lets other words
 * come between them, '_' does not. Regular verb forms (S, ED, ING) and
 * regular synset plurals are generated; a synset label or phrase ending in
 * '_' has no plurals. A pattern that names an undefined synset is ignored,
 * as PETRARCH does; transformation lines ('~') are skipped.
 */
#include <string.h>

#include "core/vec.h"
#include "petrarch/dict_file.h"
#include "petrarch/pdict.h"

#define VERB_FORM_MAX 128     /* bytes of one generated form */
#define VERB_MAX_ITEMS 48     /* elements of one pattern */
#define VERB_MAX_FORMS 8      /* regular forms of one verb */
/* Phrases all the synsets of a dictionary may hold together: a synset copied
 * into the next one twice a line doubles at each step, so a short file could
 * otherwise ask for more phrases than memory holds. PETRARCH's own
 * dictionaries stay far below it. */
#define VERB_MAX_SYNSET_PHRASES 200000

struct verb_reader {
	struct dyad_dict *dict;
	struct dyad__dfile *f;
	uint32_t block;   /* current verb block, or NONE */
	uint32_t synset;  /* synset whose +lines are being read, or NONE */
};

static int is_vowel(char c)
{
	return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

static int is_consonant(char c)
{
	return c >= 'A' && c <= 'Z' && !is_vowel(c);
}

/* Append w+suffix (after cutting `cut` letters) as one form. */
static void add_form(char forms[][VERB_FORM_MAX], size_t *n, const char *w,
                     size_t len, size_t cut, const char *suffix)
{
	size_t s = strlen(suffix);
	if (*n == VERB_MAX_FORMS || cut > len || len - cut + s >= VERB_FORM_MAX)
		return;
	memcpy(forms[*n], w, len - cut);
	memcpy(forms[*n] + len - cut, suffix, s + 1);
	(*n)++;
}

/*
 * The regular forms of a verb word: itself, -S, -ED, -ING, and the doubled
 * final consonant variants (BAN -> BANNED) where English would double it.
 */
static size_t regular_forms(const char *w, size_t len,
                            char forms[][VERB_FORM_MAX])
{
	size_t n = 0;
	add_form(forms, &n, w, len, 0, "");
	if (len < 2)
		return n;
	char last = w[len - 1], prev = w[len - 2];
	char plural[VERB_FORM_MAX];
	size_t pl = dyad__pdict_plural(w, len, plural, sizeof plural);
	if (pl) {
		plural[pl] = '\0';
		add_form(forms, &n, plural, pl, 0, "");
	}
	if (last == 'E') {
		add_form(forms, &n, w, len, 0, "D");
		add_form(forms, &n, w, len, prev == 'I' ? 2 : 1,
		         prev == 'I' ? "YING" : prev == 'E' ? "EING" : "ING");
		return n;
	}
	if (last == 'Y' && is_consonant(prev)) {
		add_form(forms, &n, w, len, 1, "IED");
		add_form(forms, &n, w, len, 0, "ING");
		return n;
	}
	add_form(forms, &n, w, len, 0, "ED");
	add_form(forms, &n, w, len, 0, "ING");
	if (len >= 3 && is_consonant(last) && last != 'W' && last != 'X' &&
	    last != 'Y' && is_vowel(prev) && is_consonant(w[len - 3])) {
		char doubled[VERB_FORM_MAX];
		if (len + 1 < sizeof doubled) {
			memcpy(doubled, w, len);
			doubled[len] = last;
			add_form(forms, &n, doubled, len + 1, 0, "ED");
			add_form(forms, &n, doubled, len + 1, 0, "ING");
		}
	}
	return n;
}

/*
 * Split a verb phrase ("WIRE_+TAP") into canonical words in buf; words[i]
 * point into buf. *verb_at is the word marked '+', or 0. Returns the count,
 * 0 when empty or too long.
 */
static size_t split_verb(const char *s, size_t n, char *buf, size_t cap,
                         char **words, size_t max, size_t *verb_at)
{
	size_t w = 0, count = 0;
	*verb_at = 0;
	int in_word = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ' || c == '\t' || c == '_') {
			if (in_word)
				buf[w++] = '\0';
			in_word = 0;
			continue;
		}
		if (c == '+' && !in_word) {
			*verb_at = count;
			continue;
		}
		if (w + 2 >= cap)
			return 0;
		if (!in_word) {
			if (count == max)
				return 0;
			words[count++] = buf + w;
			in_word = 1;
		}
		buf[w++] = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
	}
	if (in_word)
		buf[w++] = '\0';
	return count;
}

static dyad_status put_form(struct verb_reader *r, char **words, size_t n,
                            size_t verb_at, const char *verb_word,
                            uint32_t verb)
{
	char key[VERB_FORM_MAX * 2];
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const char *w = i == verb_at ? verb_word : words[i];
		size_t wl = strlen(w);
		if (k + wl + 2 > sizeof key)
			return dyad__dfile_error(r->f, "verb phrase too long");
		if (i)
			key[k++] = ' ';
		memcpy(key + k, w, wl);
		k += wl;
	}
	char *stored = dyad_arena_strndup(&r->dict->arena, key, k);
	struct dyad__pform *form = DYAD_VEC_PUSH(&r->dict->forms,
	                                         &r->dict->n_forms,
	                                         &r->dict->a_forms);
	if (!stored || !form)
		return DYAD_ENOMEM;
	form->verb = verb;
	form->n_words = (uint8_t)n;
	form->verb_at = (uint8_t)verb_at;
	return dyad__phrases_put(&r->dict->verb_forms, stored, k, n,
	                         (uint32_t)(r->dict->n_forms - 1));
}

/* One written verb (main or irregular form); regular forms when asked. */
static dyad_status add_verb_phrase(struct verb_reader *r, const char *s,
                                   size_t n, uint32_t verb, int regular)
{
	char buf[VERB_FORM_MAX * 2];
	char *words[DYAD_PDICT_MAX_WORDS];
	size_t verb_at;
	size_t count = split_verb(s, n, buf, sizeof buf, words,
	                          DYAD_PDICT_MAX_WORDS, &verb_at);
	if (count == 0)
		return dyad__dfile_error(r->f, "empty or overlong verb '%.*s'", (int)n,
		                         s);
	if (verb_at >= count)
		verb_at = 0;
	if (!regular)
		return put_form(r, words, count, verb_at, words[verb_at], verb);
	char forms[VERB_MAX_FORMS][VERB_FORM_MAX];
	size_t nf = regular_forms(words[verb_at], strlen(words[verb_at]), forms);
	for (size_t i = 0; i < nf; i++) {
		dyad_status st = put_form(r, words, count, verb_at, forms[i], verb);
		if (st != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}

/* "[CODE]" at p: the code (arena) in *code, p advanced past ']'. */
static dyad_status read_bracket(struct verb_reader *r, char **p,
                                const char **code)
{
	char *open = *p;
	char *close = strchr(open, ']');
	if (!close)
		return dyad__dfile_error(r->f, "'[' without ']'");
	char *s = dyad__dfile_skip_blanks(open + 1);
	char *e = close;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if (e == s)
		return dyad__dfile_error(r->f, "empty code []");
	*code = dyad_arena_strndup(&r->dict->arena, s, (size_t)(e - s));
	if (!*code)
		return DYAD_ENOMEM;
	*p = close + 1;
	return DYAD_OK;
}

static dyad_status read_header(struct verb_reader *r, char *s)
{
	while (*s == '-')
		s++;
	char *open = strchr(s, '[');
	char *end = open ? open : s + strlen(s);
	while (end > s && (end[-1] == '-' || end[-1] == ' ' || end[-1] == '\t'))
		end--;
	s = dyad__dfile_skip_blanks(s);
	if (end <= s)
		return dyad__dfile_error(r->f, "verb block without a name");
	struct dyad__pblock *b = DYAD_VEC_PUSH(&r->dict->blocks,
	                                       &r->dict->n_blocks,
	                                       &r->dict->a_blocks);
	if (!b)
		return DYAD_ENOMEM;
	b->name = dyad_arena_strndup(&r->dict->arena, s, (size_t)(end - s));
	b->code = DYAD_PDICT_NULL_CODE;
	b->first_pattern = (uint32_t)r->dict->n_patterns;
	if (!b->name)
		return DYAD_ENOMEM;
	/* a second [code] on the header (TABARI's paired default) is ignored */
	if (open) {
		const char *code;
		dyad_status st = read_bracket(r, &open, &code);
		if (st != DYAD_OK)
			return st;
		b->code = code;
	}
	r->block = (uint32_t)(r->dict->n_blocks - 1);
	r->synset = DYAD_PDICT_NONE;
	return DYAD_OK;
}

static dyad_status read_verb(struct verb_reader *r, char *s)
{
	if (r->block == DYAD_PDICT_NONE)
		return dyad__dfile_error(r->f, "verb '%s' before any '--- BLOCK ---' "
		                               "header", s);
	r->synset = DYAD_PDICT_NONE;
	char *brace = strchr(s, '{');
	char *bracket = strchr(s, '[');
	char *main_end = s + strlen(s);
	if (brace && brace < main_end)
		main_end = brace;
	if (bracket && bracket < main_end)
		main_end = bracket;
	struct dyad__pverb *v = DYAD_VEC_PUSH(&r->dict->verbs, &r->dict->n_verbs,
	                                      &r->dict->a_verbs);
	if (!v)
		return DYAD_ENOMEM;
	v->block = r->block;
	uint32_t verb = (uint32_t)(r->dict->n_verbs - 1);
	if (bracket) {
		char *p = bracket;
		const char *code;
		dyad_status st = read_bracket(r, &p, &code);
		if (st != DYAD_OK)
			return st;
		r->dict->verbs[verb].code = code;
	}
	dyad_status st = add_verb_phrase(r, s, (size_t)(main_end - s), verb, 1);
	if (st != DYAD_OK || !brace)
		return st;
	char *close = strchr(brace, '}');
	if (!close)
		return dyad__dfile_error(r->f, "'{' without '}'");
	for (char *p = brace + 1; p < close;) {
		while (p < close && (*p == ' ' || *p == '\t'))
			p++;
		char *e = p;
		while (e < close && *e != ' ' && *e != '\t')
			e++;
		if (e > p && (st = add_verb_phrase(r, p, (size_t)(e - p), verb, 0)) !=
		                 DYAD_OK)
			return st;
		p = e;
	}
	return DYAD_OK;
}

static uint32_t find_synset(struct dyad_dict *dict, const char *name, size_t n)
{
	uint32_t id;
	return dyad_hash_get(&dict->synset_ids, name, n, &id) ? id
	                                                       : DYAD_PDICT_NONE;
}

static dyad_status read_synset_label(struct verb_reader *r, char *s)
{
	char *e = s + 1;
	while (*e && *e != ' ' && *e != '\t')
		e++;
	size_t n = (size_t)(e - s - 1);
	int no_plural = n && s[n] == '_';
	if (no_plural)
		n--;
	if (n == 0)
		return dyad__dfile_error(r->f, "synset label without a name");
	if (*dyad__dfile_skip_blanks(e))
		return dyad__dfile_error(r->f, "unexpected text after synset label");
	char *name = dyad__pdict_canon(r->dict, s + 1, n, NULL);
	struct dyad__psynset *syn = DYAD_VEC_PUSH(&r->dict->synsets,
	                                          &r->dict->n_synsets,
	                                          &r->dict->a_synsets);
	if (!name || !syn)
		return DYAD_ENOMEM;
	syn->name = name;
	syn->first = (uint32_t)r->dict->n_sphrases;
	syn->no_plural = no_plural;
	uint32_t id = (uint32_t)(r->dict->n_synsets - 1);
	r->synset = id;
	return dyad_hash_put(&r->dict->synset_ids, name, strlen(name), id, NULL,
	                     NULL);
}

static dyad_status push_phrase_word(struct dyad_dict *dict, uint32_t id)
{
	uint32_t *slot = DYAD_VEC_PUSH(&dict->phrase_words, &dict->n_phrase_words,
	                               &dict->a_phrase_words);
	if (!slot)
		return DYAD_ENOMEM;
	*slot = id;
	return DYAD_OK;
}

/* Append one phrase (canonical words) to the current synset. */
static dyad_status push_sphrase(struct verb_reader *r, char **words, size_t n,
                                const char *last_override)
{
	struct dyad_dict *dict = r->dict;
	uint32_t first = (uint32_t)dict->n_phrase_words;
	for (size_t i = 0; i < n; i++) {
		const char *w = i + 1 == n && last_override ? last_override : words[i];
		uint32_t id = dyad__pdict_word_id(dict, w, strlen(w));
		if (id == DYAD_PDICT_NONE || push_phrase_word(dict, id) != DYAD_OK)
			return DYAD_ENOMEM;
	}
	struct dyad__pphrase *ph = DYAD_VEC_PUSH(&dict->sphrases,
	                                         &dict->n_sphrases,
	                                         &dict->a_sphrases);
	if (!ph)
		return DYAD_ENOMEM;
	ph->first = first;
	ph->n = (uint32_t)n;
	dict->synsets[r->synset].n++;
	return DYAD_OK;
}

static dyad_status read_synset_member(struct verb_reader *r, char *s)
{
	struct dyad_dict *dict = r->dict;
	s = dyad__dfile_skip_blanks(s + 1);
	if (*s == '&') {
		/* a synset inside a synset: its phrases are copied */
		char *e = s + 1;
		while (*e && *e != ' ' && *e != '\t')
			e++;
		size_t n = (size_t)(e - s - 1);
		if (n && s[n] == '_')
			n--;
		char *name = dyad__pdict_canon(dict, s + 1, n, NULL);
		if (!name)
			return DYAD_ENOMEM;
		uint32_t inner = find_synset(dict, name, strlen(name));
		if (inner == DYAD_PDICT_NONE)
			return dyad__dfile_error(r->f, "synset &%s used before it is "
			                               "defined", name);
		if (inner == r->synset)
			return dyad__dfile_error(r->f, "synset &%s includes itself", name);
		struct dyad__psynset copy = dict->synsets[inner];
		if (dict->n_sphrases + copy.n > VERB_MAX_SYNSET_PHRASES)
			return dyad__dfile_error(r->f, "synsets hold more than %d phrases",
			                         VERB_MAX_SYNSET_PHRASES);
		for (uint32_t i = 0; i < copy.n; i++) {
			struct dyad__pphrase ph = dict->sphrases[copy.first + i];
			uint32_t first = (uint32_t)dict->n_phrase_words;
			for (uint32_t k = 0; k < ph.n; k++)
				if (push_phrase_word(dict, dict->phrase_words[ph.first + k]) !=
				    DYAD_OK)
					return DYAD_ENOMEM;
			struct dyad__pphrase *slot = DYAD_VEC_PUSH(
				&dict->sphrases, &dict->n_sphrases, &dict->a_sphrases);
			if (!slot)
				return DYAD_ENOMEM;
			slot->first = first;
			slot->n = ph.n;
			dict->synsets[r->synset].n++;
		}
		return DYAD_OK;
	}
	size_t len = strlen(s);
	int no_plural = dict->synsets[r->synset].no_plural ||
	                (len && s[len - 1] == '_');
	char buf[VERB_FORM_MAX * 2];
	char *words[DYAD_PDICT_MAX_WORDS];
	size_t verb_at;
	size_t n = split_verb(s, len, buf, sizeof buf, words, DYAD_PDICT_MAX_WORDS,
	                      &verb_at);
	if (n == 0)
		return dyad__dfile_error(r->f, "empty or overlong synset phrase");
	dyad_status st = push_sphrase(r, words, n, NULL);
	if (st != DYAD_OK || no_plural)
		return st;
	char plural[VERB_FORM_MAX];
	size_t pl = dyad__pdict_plural(words[n - 1], strlen(words[n - 1]), plural,
	                               sizeof plural);
	if (!pl)
		return DYAD_OK;
	plural[pl] = '\0';
	return push_sphrase(r, words, n, plural);
}

static int is_blank_char(char c)
{
	return c == ' ' || c == '\t';
}

struct raw_item {
	uint8_t kind;
	uint8_t closed_next; /* '_' between this item and the next */
	uint32_t value;
};

/*
 * Split pattern text into items. Returns the number of items; -1 for a
 * pattern to ignore (undefined synset); errors through *st.
 */
static int pattern_items(struct verb_reader *r, const char *s, size_t n,
                         struct raw_item *items, dyad_status *st)
{
	int count = 0;
	size_t i = 0;
	while (i < n) {
		while (i < n && is_blank_char(s[i]))
			i++;
		if (i == n)
			break;
		size_t chunk_end = i;
		while (chunk_end < n && !is_blank_char(s[chunk_end]))
			chunk_end++;
		/* pieces of the chunk, '_' between them is a closed connector */
		size_t p = i;
		while (p < chunk_end) {
			size_t q = p;
			while (q < chunk_end && s[q] != '_')
				q++;
			if (q > p) {
				if (count == VERB_MAX_ITEMS) {
					*st = dyad__dfile_error(r->f, "pattern with more than %d "
					                              "elements", VERB_MAX_ITEMS);
					return 0;
				}
				struct raw_item *it = &items[count++];
				memset(it, 0, sizeof *it);
				size_t len = q - p;
				const char *w = s + p;
				if (len == 1 && (*w == '*' || *w == '$' || *w == '+' ||
				                 *w == '%' || *w == '^')) {
					it->kind = *w == '*'   ? UINT8_MAX
					           : *w == '$' ? DYAD_PELEM_SOURCE
					           : *w == '+' ? DYAD_PELEM_TARGET
					           : *w == '%' ? DYAD_PELEM_COMPOUND
					                       : DYAD_PELEM_SKIP;
				} else if (*w == '&') {
					char *name = dyad__pdict_canon(r->dict, w + 1, len - 1, NULL);
					if (!name) {
						*st = DYAD_ENOMEM;
						return 0;
					}
					it->kind = DYAD_PELEM_SYNSET;
					it->value = find_synset(r->dict, name, strlen(name));
					if (it->value == DYAD_PDICT_NONE)
						return -1;
				} else {
					char *word = dyad__pdict_canon(r->dict, w, len, NULL);
					if (!word) {
						*st = DYAD_ENOMEM;
						return 0;
					}
					it->kind = DYAD_PELEM_WORD;
					it->value = dyad__pdict_word_id(r->dict, word, strlen(word));
					if (it->value == DYAD_PDICT_NONE) {
						*st = DYAD_ENOMEM;
						return 0;
					}
				}
				it->closed_next = q < chunk_end && q + 1 < chunk_end;
			}
			p = q + 1;
		}
		i = chunk_end;
	}
	return count;
}

static dyad_status push_elem(struct dyad_dict *dict, const struct raw_item *it,
                             int closed)
{
	struct dyad__pelem *e = DYAD_VEC_PUSH(&dict->elems, &dict->n_elems,
	                                      &dict->a_elems);
	if (!e)
		return DYAD_ENOMEM;
	e->kind = it->kind;
	e->value = it->value;
	e->closed = (uint8_t)closed;
	return DYAD_OK;
}

static dyad_status read_pattern(struct verb_reader *r, char *s)
{
	struct dyad_dict *dict = r->dict;
	if (r->block == DYAD_PDICT_NONE)
		return dyad__dfile_error(r->f, "pattern before any verb block");
	r->synset = DYAD_PDICT_NONE;
	char *open = strrchr(s, '[');
	if (!open)
		return dyad__dfile_error(r->f, "pattern without a [code]");
	char *p = open;
	const char *code;
	dyad_status st = read_bracket(r, &p, &code);
	if (st != DYAD_OK)
		return st;
	if (*dyad__dfile_skip_blanks(p))
		return dyad__dfile_error(r->f, "unexpected text after the code");
	struct raw_item items[VERB_MAX_ITEMS];
	st = DYAD_OK;
	int n = pattern_items(r, s + 1, (size_t)(open - s - 1), items, &st);
	if (st != DYAD_OK)
		return st;
	if (n < 0) {
		dict->n_ignored_patterns++;
		return DYAD_OK;
	}
	int verb = -1;
	for (int i = 0; i < n; i++) {
		if (items[i].kind != UINT8_MAX)
			continue;
		if (verb >= 0)
			return dyad__dfile_error(r->f, "pattern with two '*'");
		verb = i;
	}
	if (verb < 0)
		return dyad__dfile_error(r->f, "pattern without '*' for the verb");
	struct dyad__ppattern *pat = DYAD_VEC_PUSH(&dict->patterns,
	                                           &dict->n_patterns,
	                                           &dict->a_patterns);
	if (!pat)
		return DYAD_ENOMEM;
	pat->code = code;
	pat->line = (uint32_t)r->f->line_no;
	pat->upper = (uint32_t)dict->n_elems;
	pat->n_upper = (uint32_t)verb;
	for (int i = verb - 1; i >= 0; i--)
		if ((st = push_elem(dict, &items[i], items[i].closed_next)) != DYAD_OK)
			return st;
	pat = &dict->patterns[dict->n_patterns - 1];
	pat->lower = (uint32_t)dict->n_elems;
	pat->n_lower = (uint32_t)(n - verb - 1);
	for (int i = verb + 1; i < n; i++)
		if ((st = push_elem(dict, &items[i], items[i - 1].closed_next)) !=
		    DYAD_OK)
			return st;
	dict->blocks[r->block].n_patterns++;
	return DYAD_OK;
}

dyad_status dyad__pdict_read_verbs(struct dyad_dict *dict, const char *path,
                                   char *errmsg)
{
	struct dyad__dfile f;
	dyad_status st = dyad__dfile_open(&f, &dict->arena, path, errmsg);
	if (st != DYAD_OK)
		return st;
	struct verb_reader r = {dict, &f, DYAD_PDICT_NONE, DYAD_PDICT_NONE};
	char *line;
	while ((line = dyad__dfile_next(&f, NULL)) != NULL) {
		char *s = dyad__dfile_skip_blanks(line);
		if (strncmp(s, "---", 3) == 0)
			st = read_header(&r, s);
		else if (*s == '&')
			st = read_synset_label(&r, s);
		else if (*s == '+' && r.synset != DYAD_PDICT_NONE)
			st = read_synset_member(&r, s);
		else if (*s == '-')
			st = read_pattern(&r, s);
		else if (*s == '~')
			continue; /* transformations: not used by this coder */
		else
			st = read_verb(&r, s);
		if (st != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}
