/*
 * validation.c - reader of PETRARCH/TABARI validation record files.
 *
 *     <Environment> <Verbfile>F</Verbfile> <Actorfile>F</Actorfile> ...
 *     <Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
 *     <EventCoding sourcecode="ARN" targetcode="GON" eventcode="064">
 *     <EventCoding noevents="True">   or   error="sentencediscard"
 *     <Text> ... </Text>   <Parse> ... </Parse>   (the parse is ignored)
 *
 * A small purpose-built scanner, not a general XML parser: it knows tags,
 * attributes (either quote, blanks around '='), comments and the five named
 * entities plus numeric ones, which is all these files use. Dictionary paths
 * are resolved from the folder of the validation file. The `dyad validate`
 * command (src/cli/cli_validate.c) codes the records and compares.
 */
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/utf8.h"
#include "core/vec.h"
#include "dyad.h"
#include "kb/tsv.h"

#define VALIDATION_ARENA_CAP ((size_t)1 << 30)
#define VALIDATION_MAX_ACTOR_FILES 64
#define VALIDATION_NAME_MAX 32 /* tag and attribute names */

struct dyad__validation_private {
	struct dyad_arena arena;
	const char *actor_files[VALIDATION_MAX_ACTOR_FILES];
	size_t n_records, a_records;
};

struct scanner {
	const char *path;
	const char *text;
	size_t len, pos;
	char *errmsg;
};

struct tag {
	char name[VALIDATION_NAME_MAX];
	int closing;     /* </name> */
	int self_closing;
	size_t attrs, attrs_end; /* attribute text */
	size_t start, end;       /* the tag, '<' to after '>' */
};

static size_t line_at(const struct scanner *sc, size_t pos)
{
	size_t line = 1;
	for (size_t i = 0; i < pos && i < sc->len; i++)
		line += sc->text[i] == '\n';
	return line;
}

static dyad_status fail(const struct scanner *sc, size_t pos, const char *what)
{
	if (sc->errmsg)
		snprintf(sc->errmsg, DYAD_ERRMSG_MAX, "%s:%zu: %s", sc->path,
		         line_at(sc, pos), what);
	return DYAD_EFORMAT;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Next tag from sc->pos, skipping comments and processing instructions.
 * 0 at the end, 1 with *t, -1 on malformed input (error set). */
static int next_tag(struct scanner *sc, struct tag *t, dyad_status *st)
{
	for (;;) {
		const char *lt = memchr(sc->text + sc->pos, '<', sc->len - sc->pos);
		if (!lt)
			return 0;
		size_t at = (size_t)(lt - sc->text);
		if (strncmp(lt, "<!--", 4) == 0) {
			const char *close = strstr(lt + 4, "-->");
			if (!close) {
				*st = fail(sc, at, "comment without \"-->\"");
				return -1;
			}
			sc->pos = (size_t)(close - sc->text) + 3;
			continue;
		}
		const char *gt = memchr(lt, '>', sc->len - at);
		if (!gt) {
			*st = fail(sc, at, "tag without '>'");
			return -1;
		}
		sc->pos = (size_t)(gt - sc->text) + 1;
		if (lt[1] == '?' || lt[1] == '!')
			continue;
		memset(t, 0, sizeof *t);
		t->start = at;
		t->end = sc->pos;
		size_t i = at + 1;
		if (sc->text[i] == '/') {
			t->closing = 1;
			i++;
		}
		size_t n = 0;
		while (i < t->end - 1 && !is_space(sc->text[i]) && sc->text[i] != '/' &&
		       sc->text[i] != '>') {
			if (n + 1 < sizeof t->name)
				t->name[n++] = sc->text[i];
			i++;
		}
		t->name[n] = '\0';
		t->attrs = i;
		t->attrs_end = t->end - 1;
		if (t->attrs_end > t->attrs && sc->text[t->attrs_end - 1] == '/') {
			t->self_closing = 1;
			t->attrs_end--;
		}
		if (!n) {
			*st = fail(sc, at, "tag without a name");
			return -1;
		}
		return 1;
	}
}

/* Append the decoded form of (s, n) to buf: entities, blanks collapsed. */
static dyad_status decode(struct dyad_buf *buf, const char *s, size_t n)
{
	int space = 0;
	dyad_status st = DYAD_OK;
	for (size_t i = 0; i < n && st == DYAD_OK; i++) {
		char c = s[i];
		if (is_space(c)) {
			space = buf->len > 0;
			continue;
		}
		if (space) {
			st = dyad_buf_putc(buf, ' ');
			space = 0;
		}
		if (c != '&') {
			st = dyad_buf_putc(buf, c);
			continue;
		}
		static const struct {
			const char *name;
			char c;
		} named[] = {{"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'},
		             {"quot;", '"'}, {"apos;", '\''}};
		int done = 0;
		for (size_t k = 0; k < sizeof named / sizeof *named && !done; k++) {
			size_t l = strlen(named[k].name);
			if (i + 1 + l <= n && memcmp(s + i + 1, named[k].name, l) == 0) {
				st = dyad_buf_putc(buf, named[k].c);
				i += l;
				done = 1;
			}
		}
		if (!done && i + 2 < n && s[i + 1] == '#') {
			size_t j = i + 2;
			int hex = s[j] == 'x' || s[j] == 'X';
			if (hex)
				j++;
			uint32_t cp = 0;
			size_t digits = 0;
			for (; j < n && s[j] != ';' && digits < 8; j++, digits++) {
				char d = s[j];
				int v = d >= '0' && d <= '9'               ? d - '0'
				        : hex && (d | 0x20) >= 'a' && (d | 0x20) <= 'f'
				            ? (d | 0x20) - 'a' + 10
				            : -1;
				if (v < 0)
					break;
				cp = cp * (hex ? 16 : 10) + (uint32_t)v;
			}
			if (j < n && s[j] == ';' && digits && cp && cp <= 0x10FFFF) {
				char out[4];
				st = dyad_buf_append(buf, out, dyad_utf8_encode(cp, out));
				i = j;
				done = 1;
			}
		}
		if (!done)
			st = dyad_buf_putc(buf, '&');
	}
	return st;
}

static char *decoded_copy(struct dyad_arena *arena, const char *s, size_t n)
{
	struct dyad_buf buf;
	dyad_buf_init(&buf, 0);
	char *out = NULL;
	if (decode(&buf, s, n) == DYAD_OK)
		out = dyad_arena_strndup(arena, buf.data ? buf.data : "", buf.len);
	dyad_buf_release(&buf);
	return out;
}

/*
 * Value of attribute name in the tag, decoded into the arena; NULL when
 * absent. *oom is set when memory ran out.
 */
static char *attr(const struct scanner *sc, const struct tag *t,
                  struct dyad_arena *arena, const char *name, int *oom)
{
	size_t nl = strlen(name);
	size_t i = t->attrs;
	while (i < t->attrs_end) {
		while (i < t->attrs_end && is_space(sc->text[i]))
			i++;
		size_t ns = i;
		while (i < t->attrs_end && !is_space(sc->text[i]) && sc->text[i] != '=')
			i++;
		size_t ne = i;
		while (i < t->attrs_end && is_space(sc->text[i]))
			i++;
		if (i >= t->attrs_end || sc->text[i] != '=')
			return NULL;
		i++;
		while (i < t->attrs_end && is_space(sc->text[i]))
			i++;
		if (i >= t->attrs_end)
			return NULL;
		char q = sc->text[i];
		size_t vs, ve;
		if (q == '"' || q == '\'') {
			vs = ++i;
			while (i < t->attrs_end && sc->text[i] != q)
				i++;
			ve = i++;
		} else {
			vs = i;
			while (i < t->attrs_end && !is_space(sc->text[i]))
				i++;
			ve = i;
		}
		if (ne - ns == nl && strncmp(sc->text + ns, name, nl) == 0) {
			char *v = decoded_copy(arena, sc->text + vs, ve - vs);
			if (!v)
				*oom = 1;
			return v;
		}
	}
	return NULL;
}

/* Content up to the closing tag of name; the scanner moves past it. */
static char *content(struct scanner *sc, struct dyad_arena *arena,
                     const char *name, dyad_status *st)
{
	size_t from = sc->pos;
	struct tag t;
	int r;
	while ((r = next_tag(sc, &t, st)) == 1)
		if (t.closing && strcmp(t.name, name) == 0)
			break;
	if (r != 1) {
		if (r == 0)
			*st = fail(sc, from, "element without its closing tag");
		return NULL;
	}
	char *v = decoded_copy(arena, sc->text + from, t.start - from);
	if (!v)
		*st = DYAD_ENOMEM;
	return v;
}

static char *resolve(struct dyad_arena *arena, const char *dir, const char *file)
{
	if (file[0] == '/' || !dir[0])
		return dyad_arena_strdup(arena, file);
	size_t a = strlen(dir), b = strlen(file);
	char *p = dyad_arena_alloc(arena, a + b + 2);
	if (!p)
		return NULL;
	memcpy(p, dir, a);
	p[a] = '/';
	memcpy(p + a + 1, file, b + 1);
	return p;
}

static dyad_status read_environment(struct scanner *sc,
                                    struct dyad_validation *v, const char *dir)
{
	struct dyad__validation_private *priv = v->priv;
	struct tag t;
	dyad_status st = DYAD_OK;
	int r;
	while ((r = next_tag(sc, &t, &st)) == 1) {
		if (t.closing && strcmp(t.name, "Environment") == 0)
			return DYAD_OK;
		if (t.closing || t.self_closing)
			continue;
		const char **slot = NULL;
		if (strcmp(t.name, "Verbfile") == 0)
			slot = &v->files.verbs;
		else if (strcmp(t.name, "Agentfile") == 0)
			slot = &v->files.agents;
		else if (strcmp(t.name, "Discardfile") == 0)
			slot = &v->files.discards;
		else if (strcmp(t.name, "Actorfile") == 0) {
			if (v->files.n_actors == VALIDATION_MAX_ACTOR_FILES)
				return fail(sc, t.start, "too many <Actorfile> entries");
			slot = &priv->actor_files[v->files.n_actors++];
		}
		if (!slot)
			continue;
		char *file = content(sc, &priv->arena, t.name, &st);
		if (!file)
			return st;
		if (!file[0])
			return fail(sc, t.start, "empty dictionary file name");
		if (!(*slot = resolve(&priv->arena, dir, file)))
			return DYAD_ENOMEM;
	}
	return r < 0 ? st : fail(sc, sc->pos, "<Environment> without its end");
}

static int is_true(const char *v)
{
	return v && (v[0] == 't' || v[0] == 'T');
}

static dyad_status read_sentence(struct scanner *sc, struct dyad_validation *v,
                                 const struct tag *open)
{
	struct dyad__validation_private *priv = v->priv;
	struct dyad_arena *arena = &priv->arena;
	struct dyad_validation_record *rec = DYAD_VEC_PUSH(
		&v->records, &priv->n_records, &priv->a_records);
	if (!rec)
		return DYAD_ENOMEM;
	v->n_records = priv->n_records;
	int oom = 0;
	rec->line = line_at(sc, open->start);
	rec->id = attr(sc, open, arena, "id", &oom);
	rec->category = attr(sc, open, arena, "category", &oom);
	rec->date = attr(sc, open, arena, "date", &oom);
	const char *sentence = attr(sc, open, arena, "sentence", &oom);
	if (oom)
		return DYAD_ENOMEM;
	if (!rec->id)
		return fail(sc, open->start, "<Sentence> without an id");
	if (!rec->category)
		rec->category = "";
	rec->sentence = !sentence || is_true(sentence);
	struct dyad_dict_event *expected = NULL;
	struct tag t;
	dyad_status st = DYAD_OK;
	int r;
	while ((r = next_tag(sc, &t, &st)) == 1) {
		if (t.closing && strcmp(t.name, "Sentence") == 0)
			break;
		if (t.closing)
			continue;
		if (strcmp(t.name, "EventCoding") == 0) {
			const char *none = attr(sc, &t, arena, "noevents", &oom);
			const char *error = attr(sc, &t, arena, "error", &oom);
			const char *src = attr(sc, &t, arena, "sourcecode", &oom);
			const char *tgt = attr(sc, &t, arena, "targetcode", &oom);
			const char *code = attr(sc, &t, arena, "eventcode", &oom);
			if (oom)
				return DYAD_ENOMEM;
			if (is_true(none)) {
				rec->expect_none = 1;
			} else if (error) {
				rec->expect_error = error;
			} else if (src && tgt && code) {
				struct dyad_dict_event *e = dyad_arena_grow(
					arena, expected, rec->n_expected, rec->n_expected + 1,
					sizeof *e);
				if (!e)
					return DYAD_ENOMEM;
				expected = e;
				e[rec->n_expected++] = (struct dyad_dict_event){src, tgt, code};
			} else {
				return fail(sc, t.start, "<EventCoding> needs sourcecode, "
				                         "targetcode and eventcode, noevents or "
				                         "error");
			}
		} else if (strcmp(t.name, "Text") == 0 && !t.self_closing) {
			rec->text = content(sc, arena, "Text", &st);
			if (!rec->text)
				return st;
		}
	}
	if (r < 0)
		return st;
	if (r == 0)
		return fail(sc, open->start, "<Sentence> without </Sentence>");
	rec->expected = expected;
	if (!rec->text)
		return fail(sc, open->start, "<Sentence> without a <Text>");
	return DYAD_OK;
}

dyad_status dyad_validation_read(const char *path, struct dyad_validation **out,
                                 char *errmsg)
{
	*out = NULL;
	if (errmsg)
		errmsg[0] = '\0';
	struct dyad_validation *v = dyad__calloc(1, sizeof *v);
	struct dyad__validation_private *priv = dyad__calloc(1, sizeof *priv);
	if (!v || !priv) {
		dyad__free(v);
		dyad__free(priv);
		return DYAD_ENOMEM;
	}
	v->priv = priv;
	dyad_arena_init(&priv->arena, VALIDATION_ARENA_CAP);
	v->files.actors = priv->actor_files;
	dyad_status st = DYAD_ENOMEM;
	char *text;
	size_t len;
	v->path = dyad_arena_strdup(&priv->arena, path);
	if (!v->path)
		goto fail;
	st = dyad_read_file(&priv->arena, path, &text, &len);
	if (st != DYAD_OK) {
		if (errmsg)
			snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: %s", path,
			         dyad_strerror(st));
		goto fail;
	}
	const char *slash = strrchr(path, '/');
	char *dir = dyad_arena_strndup(&priv->arena, path,
	                               slash ? (size_t)(slash - path) : 0);
	if (!dir) {
		st = DYAD_ENOMEM;
		goto fail;
	}
	struct scanner sc = {path, text, len, 0, errmsg};
	struct tag t;
	int r;
	st = DYAD_OK;
	while ((r = next_tag(&sc, &t, &st)) == 1) {
		if (t.closing || t.self_closing)
			continue;
		if (strcmp(t.name, "Environment") == 0)
			st = read_environment(&sc, v, dir);
		else if (strcmp(t.name, "Sentence") == 0)
			st = read_sentence(&sc, v, &t);
		else if (strcmp(t.name, "Stop") == 0)
			break;
		if (st != DYAD_OK)
			goto fail;
	}
	if (r < 0)
		goto fail;
	*out = v;
	return DYAD_OK;
fail:
	if (st == DYAD_ENOMEM && errmsg && !errmsg[0])
		snprintf(errmsg, DYAD_ERRMSG_MAX, "%s", dyad_strerror(st));
	dyad_validation_free(v);
	return st;
}

void dyad_validation_free(struct dyad_validation *validation)
{
	if (!validation)
		return;
	dyad__free(validation->records);
	if (validation->priv) {
		dyad_arena_release(&validation->priv->arena);
		dyad__free(validation->priv);
	}
	dyad__free(validation);
}
