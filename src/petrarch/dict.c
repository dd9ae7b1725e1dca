/*
 * dict.c - opening and freeing a TABARI/PETRARCH dictionary set, and the
 * helpers the four readers share (canonical phrases, word ids, plurals,
 * dates). The readers themselves are dict_actors.c, dict_agents.c,
 * dict_verbs.c and dict_discards.c; the coder is coder.c.
 */
#include "petrarch/pdict.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/alloc.h"
#include "core/vec.h"
#include "petrarch/dict_file.h"

#define DICT_ARENA_CAP ((size_t)1 << 32) /* a Phoenix set is a few MB */
#define DICT_MAX_ACTOR_FILES 64          /* per folder or config */
#define DICT_PATH_MAX 4096

void dyad__phrases_init(struct dyad__phrases *ph)
{
	dyad_hash_init(&ph->map);
	dyad_hash_init(&ph->first);
}

void dyad__phrases_release(struct dyad__phrases *ph)
{
	dyad_hash_release(&ph->map);
	dyad_hash_release(&ph->first);
}

dyad_status dyad__phrases_put(struct dyad__phrases *ph, const char *key,
                              size_t len, size_t n_words, uint32_t value)
{
	dyad_status st = dyad_hash_put(&ph->map, key, len, value, NULL, NULL);
	if (st != DYAD_OK)
		return st;
	const char *sp = memchr(key, ' ', len);
	size_t first_len = sp ? (size_t)(sp - key) : len;
	uint32_t longest = 0;
	if (dyad_hash_get(&ph->first, key, first_len, &longest) &&
	    longest >= n_words)
		return DYAD_OK;
	return dyad_hash_put(&ph->first, key, first_len, (uint32_t)n_words, NULL,
	                     NULL);
}

size_t dyad__phrases_longest(const struct dyad__phrases *ph, const char *word,
                             size_t len)
{
	uint32_t longest = 0;
	return dyad_hash_get(&ph->first, word, len, &longest) ? longest : 0;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '_' || c == '\r' || c == '\n';
}

char *dyad__pdict_canon(struct dyad_dict *dict, const char *s, size_t n,
                        size_t *n_words)
{
	char *out = dyad_arena_alloc(&dict->arena, n + 1);
	if (!out)
		return NULL;
	size_t w = 0, words = 0;
	int in_word = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (is_blank(c)) {
			in_word = 0;
			continue;
		}
		if (!in_word) {
			if (w)
				out[w++] = ' ';
			words++;
			in_word = 1;
		}
		out[w++] = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
	}
	out[w] = '\0';
	if (n_words)
		*n_words = words;
	return out;
}

uint32_t dyad__pdict_find_word(const struct dyad_dict *dict, const char *w,
                               size_t n)
{
	uint32_t id;
	return dyad_hash_get(&dict->word_ids, w, n, &id) ? id : DYAD_PDICT_NONE;
}

uint32_t dyad__pdict_word_id(struct dyad_dict *dict, const char *w, size_t n)
{
	uint32_t id = dyad__pdict_find_word(dict, w, n);
	if (id != DYAD_PDICT_NONE)
		return id;
	char *copy = dyad_arena_strndup(&dict->arena, w, n);
	const char **slot = DYAD_VEC_PUSH(&dict->words, &dict->n_words,
	                                  &dict->a_words);
	if (!copy || !slot)
		return DYAD_PDICT_NONE;
	*slot = copy;
	id = (uint32_t)(dict->n_words - 1);
	if (dyad_hash_put(&dict->word_ids, copy, n, id, NULL, NULL) != DYAD_OK)
		return DYAD_PDICT_NONE;
	return id;
}

static int is_vowel(char c)
{
	return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

size_t dyad__pdict_plural(const char *w, size_t n, char *out, size_t cap)
{
	if (n == 0 || n + 3 > cap)
		return 0;
	memcpy(out, w, n);
	char last = w[n - 1];
	char prev = n > 1 ? w[n - 2] : '\0';
	if (last == 'Y' && n > 1 && !is_vowel(prev)) {
		memcpy(out + n - 1, "IES", 3);
		return n + 2;
	}
	if (last == 'S' || last == 'X' || last == 'Z' ||
	    (last == 'H' && (prev == 'S' || prev == 'C'))) {
		memcpy(out + n, "ES", 2);
		return n + 2;
	}
	out[n] = 'S';
	return n + 1;
}

static int is_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return n > 0;
}

static int digits_value(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

int32_t dyad__pdict_date(const char *s, size_t n)
{
	int year, month, day;
	if (n == 6 && is_digits(s, 6)) {
		year = digits_value(s, 2);
		year += year < DYAD_PDICT_CENTURY_PIVOT ? 2000 : 1900;
		month = digits_value(s + 2, 2);
		day = digits_value(s + 4, 2);
	} else if (n == 8 && is_digits(s, 8)) {
		year = digits_value(s, 4);
		month = digits_value(s + 4, 2);
		day = digits_value(s + 6, 2);
	} else {
		return -1;
	}
	if (month < 1 || month > 12 || day < 1 || day > 31)
		return -1;
	return (int32_t)(year * 10000 + month * 100 + day);
}

/* ---- opening ------------------------------------------------------------ */

static dyad_status dict_new(struct dyad_dict **out)
{
	struct dyad_dict *dict = dyad__calloc(1, sizeof *dict);
	if (!dict)
		return DYAD_ENOMEM;
	dyad_arena_init(&dict->arena, DICT_ARENA_CAP);
	dyad_hash_init(&dict->word_ids);
	dyad__phrases_init(&dict->actor_phrases);
	dyad_hash_init(&dict->actor_prefixes);
	dyad__phrases_init(&dict->agent_phrases);
	dyad__phrases_init(&dict->verb_forms);
	dyad_hash_init(&dict->synset_ids);
	*out = dict;
	return DYAD_OK;
}

void dyad_dict_free(dyad_dict *dict)
{
	if (!dict)
		return;
	dyad_hash_release(&dict->word_ids);
	dyad__phrases_release(&dict->actor_phrases);
	dyad_hash_release(&dict->actor_prefixes);
	dyad__phrases_release(&dict->agent_phrases);
	dyad__phrases_release(&dict->verb_forms);
	dyad_hash_release(&dict->synset_ids);
	dyad__free(dict->words);
	dyad__free(dict->actors);
	dyad__free(dict->roles);
	dyad__free(dict->agents);
	dyad__free(dict->blocks);
	dyad__free(dict->patterns);
	dyad__free(dict->elems);
	dyad__free(dict->verbs);
	dyad__free(dict->forms);
	dyad__free(dict->synsets);
	dyad__free(dict->sphrases);
	dyad__free(dict->phrase_words);
	dyad__free(dict->discards);
	dyad_arena_release(&dict->arena);
	dyad__free(dict);
}

dyad_status dyad_dict_open_files(const struct dyad_dict_files *files,
                                 dyad_dict **out, char *errmsg)
{
	*out = NULL;
	if (errmsg)
		errmsg[0] = '\0';
	struct dyad_dict *dict;
	dyad_status st = dict_new(&dict);
	if (st != DYAD_OK)
		return st;
	/* verbs first: their synsets and words are what the patterns need */
	if (files->verbs)
		st = dyad__pdict_read_verbs(dict, files->verbs, errmsg);
	for (size_t i = 0; st == DYAD_OK && i < files->n_actors; i++)
		st = dyad__pdict_read_actors(dict, files->actors[i], errmsg);
	if (st == DYAD_OK && files->agents)
		st = dyad__pdict_read_agents(dict, files->agents, errmsg);
	if (st == DYAD_OK && files->discards)
		st = dyad__pdict_read_discards(dict, files->discards, errmsg);
	if (st != DYAD_OK) {
		if (st == DYAD_ENOMEM && errmsg && !errmsg[0])
			snprintf(errmsg, DYAD_ERRMSG_MAX, "%s", dyad_strerror(st));
		dyad_dict_free(dict);
		return st;
	}
	*out = dict;
	return DYAD_OK;
}

void dyad_dict_stats(const dyad_dict *dict, struct dyad_dict_stats *out)
{
	memset(out, 0, sizeof *out);
	out->actor_entries = dict->n_actors;
	out->actor_phrases = dict->actor_phrases.map.n_used;
	out->agent_phrases = dict->agent_phrases.map.n_used;
	out->verb_blocks = dict->n_blocks;
	out->verb_forms = dict->verb_forms.map.n_used;
	out->patterns = dict->n_patterns;
	out->synsets = dict->n_synsets;
	out->discards = dict->n_discards;
}

/* The paths gathered from a folder or a config file, heap-owned. */
struct path_set {
	char *actors[DICT_MAX_ACTOR_FILES];
	size_t n_actors;
	char *agents, *verbs, *discards;
};

static void path_set_release(struct path_set *ps)
{
	for (size_t i = 0; i < ps->n_actors; i++)
		dyad__free(ps->actors[i]);
	dyad__free(ps->agents);
	dyad__free(ps->verbs);
	dyad__free(ps->discards);
}

static char *join_path(const char *dir, const char *name)
{
	if (name[0] == '/' || !dir[0])
		return dyad__strdup(name);
	size_t a = strlen(dir), b = strlen(name);
	char *p = dyad__malloc(a + b + 2);
	if (!p)
		return NULL;
	memcpy(p, dir, a);
	p[a] = '/';
	memcpy(p + a + 1, name, b + 1);
	return p;
}

static int contains_nocase(const char *s, const char *word)
{
	size_t n = strlen(word);
	for (; *s; s++) {
		size_t i = 0;
		while (i < n && s[i] && (s[i] | 0x20) == word[i])
			i++;
		if (i == n)
			return 1;
	}
	return 0;
}

/* Put one named file into the set; 1 = kept, 0 = not a dictionary kind,
 * -1 = out of memory or too many actor files (errmsg set). */
static int add_kind(struct path_set *ps, const char *kind, char *path,
                    char *errmsg)
{
	char **slot = NULL;
	if (contains_nocase(kind, "actor")) {
		if (ps->n_actors == DICT_MAX_ACTOR_FILES) {
			if (errmsg)
				snprintf(errmsg, DYAD_ERRMSG_MAX,
				         "%s: more than %d actor files", path,
				         DICT_MAX_ACTOR_FILES);
			dyad__free(path);
			return -1;
		}
		ps->actors[ps->n_actors++] = path;
		return 1;
	}
	if (contains_nocase(kind, "agent"))
		slot = &ps->agents;
	else if (contains_nocase(kind, "verb"))
		slot = &ps->verbs;
	else if (contains_nocase(kind, "discard"))
		slot = &ps->discards;
	if (!slot) {
		dyad__free(path);
		return 0;
	}
	dyad__free(*slot);
	*slot = path;
	return 1;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static dyad_status scan_folder(const char *dir, struct path_set *ps,
                               char *errmsg)
{
	DIR *d = opendir(dir);
	if (!d) {
		if (errmsg)
			snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: cannot open folder", dir);
		return DYAD_EIO;
	}
	char *names[DICT_MAX_ACTOR_FILES * 4];
	size_t n = 0;
	dyad_status st = DYAD_OK;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (!contains_nocase(e->d_name, "actor") &&
		    !contains_nocase(e->d_name, "agent") &&
		    !contains_nocase(e->d_name, "verb") &&
		    !contains_nocase(e->d_name, "discard"))
			continue;
		if (n == sizeof names / sizeof names[0])
			break;
		names[n] = dyad__strdup(e->d_name);
		if (!names[n]) {
			st = DYAD_ENOMEM;
			break;
		}
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof names[0], cmp_names);
	for (size_t i = 0; i < n; i++) {
		if (st == DYAD_OK) {
			char *path = join_path(dir, names[i]);
			if (!path)
				st = DYAD_ENOMEM;
			else if (add_kind(ps, names[i], path, errmsg) < 0)
				st = DYAD_EINVAL;
		}
		dyad__free(names[i]);
	}
	return st;
}

/* A config file: "kind = path" lines, '#' comments, paths relative to it. */
static dyad_status read_config(const char *path, struct path_set *ps,
                               char *errmsg)
{
	struct dyad_arena arena;
	dyad_arena_init(&arena, 0);
	struct dyad__dfile f;
	dyad_status st = dyad__dfile_open(&f, &arena, path, errmsg);
	char dir[DICT_PATH_MAX];
	const char *slash = strrchr(path, '/');
	size_t dn = slash ? (size_t)(slash - path) : 0;
	if (dn >= sizeof dir)
		dn = 0;
	memcpy(dir, path, dn);
	dir[dn] = '\0';
	char *line;
	while (st == DYAD_OK && (line = dyad__dfile_next(&f, NULL)) != NULL) {
		char *eq = strpbrk(line, "=:");
		if (!eq) {
			st = dyad__dfile_error(&f, "expected \"KIND = FILE\"");
			break;
		}
		*eq = '\0';
		char *value = dyad__dfile_skip_blanks(eq + 1);
		if (!*value) {
			st = dyad__dfile_error(&f, "no file after '%s'", line);
			break;
		}
		char *file = join_path(dir, value);
		if (!file) {
			st = DYAD_ENOMEM;
			break;
		}
		int kept = add_kind(ps, line, file, errmsg);
		if (kept < 0)
			st = DYAD_EINVAL;
		else if (kept == 0)
			st = dyad__dfile_error(&f, "unknown kind '%s' (want actors, "
			                           "agents, verbs or discards)",
			                       dyad__dfile_skip_blanks(line));
	}
	dyad_arena_release(&arena);
	return st;
}

dyad_status dyad_dict_open(const char *path, dyad_dict **out, char *errmsg)
{
	*out = NULL;
	if (errmsg)
		errmsg[0] = '\0';
	struct stat sb;
	if (stat(path, &sb) != 0) {
		if (errmsg)
			snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: no such file or folder",
			         path);
		return DYAD_ENOENT;
	}
	struct path_set ps;
	memset(&ps, 0, sizeof ps);
	dyad_status st = S_ISDIR(sb.st_mode) ? scan_folder(path, &ps, errmsg)
	                                     : read_config(path, &ps, errmsg);
	if (st == DYAD_OK && !ps.n_actors && !ps.agents && !ps.verbs &&
	    !ps.discards) {
		if (errmsg)
			snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: no dictionary files", path);
		st = DYAD_ENOENT;
	}
	if (st == DYAD_OK) {
		struct dyad_dict_files files = {
			.actors = (const char *const *)ps.actors,
			.n_actors = ps.n_actors,
			.agents = ps.agents,
			.verbs = ps.verbs,
			.discards = ps.discards,
		};
		st = dyad_dict_open_files(&files, out, errmsg);
	}
	path_set_release(&ps);
	return st;
}
