/*
 * json.c - dyad_doc_write_json() and dyad_doc_json(): one document as one
 * line of JSON, in the shape of the output contract
 * (docs/output-contract.md in ../shared).
 *
 * The line is built in a heap buffer and written in one call. Bytes are
 * stored straight into room reserved ahead of each item, strings escaped
 * through a table and numbers converted here: no printf. Fractions are
 * rounded exactly as printf's "%.Nf" rounds them (the binary value, ties to
 * even), so the output is the same to the byte.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "dyad.h"

#define STR_BLOCK 4096   /* string bytes escaped per reservation */
#define NUM_ROOM 64      /* room for any number */
#define MAX_DECIMALS 4   /* of the fixed-point numbers written here */

/* Room for n more bytes at the end of the line, or NULL (b->error set). */
static inline char *room(struct dyad_buf *b, size_t n)
{
	if (b->data && b->error == DYAD_OK && b->alloc - b->len > n)
		return b->data + b->len; /* the room is there: no call */
	return dyad_buf_reserve(b, n) == DYAD_OK ? b->data + b->len : NULL;
}

/* The bytes up to end were written into the room. */
static inline void commit(struct dyad_buf *b, char *end)
{
	b->len = (size_t)(end - b->data);
	b->data[b->len] = '\0';
}

static void put_bytes(struct dyad_buf *b, const char *s, size_t n)
{
	char *p = room(b, n);
	if (p) {
		memcpy(p, s, n);
		commit(b, p + n);
	}
}

#define PUT_LIT(b, lit) put_bytes((b), (lit), sizeof(lit) - 1)

static inline void put_char(struct dyad_buf *b, char c)
{
	char *p = room(b, 1);
	if (p) {
		*p = c;
		commit(b, p + 1);
	}
}

/* What a byte becomes in a JSON string: 0 itself, 'u' \u00XX, else \c. */
static const char escape_of[256] = {
	[0] = 'u', [1] = 'u', [2] = 'u', [3] = 'u', [4] = 'u', [5] = 'u', [6] = 'u',
	[7] = 'u', [8] = 'u', ['\t'] = 't', ['\n'] = 'n', [11] = 'u', [12] = 'u',
	['\r'] = 'r', [14] = 'u', [15] = 'u', [16] = 'u', [17] = 'u', [18] = 'u',
	[19] = 'u', [20] = 'u', [21] = 'u', [22] = 'u', [23] = 'u', [24] = 'u',
	[25] = 'u', [26] = 'u', [27] = 'u', [28] = 'u', [29] = 'u', [30] = 'u',
	[31] = 'u', ['"'] = '"', ['\\'] = '\\',
};

/* Whether one of the eight bytes of v is below 0x20, '"' or '\\' (the
 * bytes escape_of changes), by the usual bit tricks for a zero byte. */
static int needs_escape8(uint64_t v)
{
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
	uint64_t q = v ^ (ones * '"'), bs = v ^ (ones * '\\');
	return ((((v - ones * 0x20) & ~v) | ((q - ones) & ~q) | ((bs - ones) & ~bs)) & highs) != 0;
}

/* Escape one block of at most STR_BLOCK bytes into reserved room, after
 * the opening quotation mark or before the closing one if asked. */
static void put_block(struct dyad_buf *b, const unsigned char *s, size_t n, int open,
                      int close)
{
	static const char hex[] = "0123456789abcdef";
	char *p = room(b, 6 * n + 2);
	if (!p)
		return;
	if (open)
		*p++ = '"';
	for (size_t i = 0; i < n; i++) {
		uint64_t v;
		while (n - i >= 8 && (memcpy(&v, s + i, 8), !needs_escape8(v))) {
			memcpy(p, s + i, 8); /* eight plain bytes at once */
			p += 8;
			i += 8;
		}
		if (i >= n)
			break;
		unsigned char c = s[i];
		char e = escape_of[c];
		if (!e) {
			*p++ = (char)c;
		} else if (e != 'u') {
			p[0] = '\\';
			p[1] = e;
			p += 2;
		} else {
			memcpy(p, "\\u00", 4);
			p[4] = hex[c >> 4];
			p[5] = hex[c & 15];
			p += 6;
		}
	}
	if (close)
		*p++ = '"';
	commit(b, p);
}

static void put_str(struct dyad_buf *b, const char *s, size_t n)
{
	size_t i = 0;
	do {
		size_t k = n - i < STR_BLOCK ? n - i : STR_BLOCK;
		put_block(b, (const unsigned char *)s + i, k, i == 0, i + k == n);
		i += k;
	} while (i < n);
}

static void put_cstr(struct dyad_buf *b, const char *s)
{
	if (s)
		put_str(b, s, strlen(s));
	else
		PUT_LIT(b, "null");
}

/* ---- numbers -------------------------------------------------------- */

/* The decimal digits of v at p, at least min_digits of them (leading
 * zeros); returns the end. */
static char *digits(char *p, unsigned long long v, int min_digits)
{
	char tmp[24];
	int n = 0;
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v || n < min_digits);
	while (n)
		*p++ = tmp[--n];
	return p;
}

static void put_uint(struct dyad_buf *b, unsigned long long v)
{
	char *p = room(b, NUM_ROOM);
	if (p)
		commit(b, digits(p, v, 1));
}

static void put_int(struct dyad_buf *b, long long v)
{
	char *p = room(b, NUM_ROOM);
	if (!p)
		return;
	if (v < 0)
		*p++ = '-';
	commit(b, digits(p, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v, 1));
}

/* x * 10^decimals rounded as printf does: the exact binary value of x,
 * halves to even. 0 with *ok unset when the integer arithmetic here cannot
 * hold it (then printf is asked). */
static unsigned long long scaled(double x, int decimals, int *ok)
{
	static const unsigned pow10[MAX_DECIMALS + 1] = {1, 10, 100, 1000, 10000};
	*ok = 0;
#ifdef __SIZEOF_INT128__
	if (!(x < 1e15) || decimals > MAX_DECIMALS)
		return 0;
	int e;
	double m = frexp(x, &e); /* x = m 2^e, m in [0.5, 1) */
	unsigned long long mant = (unsigned long long)ldexp(m, 53);
	e -= 53; /* x = mant 2^e exactly */
	unsigned __int128 q = (unsigned __int128)mant * pow10[decimals];
	*ok = 1;
	if (e >= 0)
		return (unsigned long long)(q << e);
	if (e <= -128)
		return 0;
	unsigned __int128 whole = q >> -e;
	unsigned __int128 rem = q - (whole << -e), half = (unsigned __int128)1 << (-e - 1);
	return (unsigned long long)(whole + (rem > half || (rem == half && (whole & 1))));
#else
	(void)x;
	(void)decimals;
	return 0;
#endif
}

/* printf's "%.Nf" (N = decimals, 1..MAX_DECIMALS). */
static void put_fixed(struct dyad_buf *b, double x, int decimals)
{
	char *p = room(b, NUM_ROOM);
	if (!p)
		return;
	int ok = 0;
	unsigned long long v = isfinite(x) ? scaled(fabs(x), decimals, &ok) : 0;
	if (!ok) {
		int n = snprintf(p, NUM_ROOM, "%.*f", decimals, x); /* huge, inf, nan */
		commit(b, p + (n > 0 && n < NUM_ROOM ? n : 0));
		return;
	}
	if (signbit(x))
		*p++ = '-';
	char num[32];
	char *end = digits(num, v, decimals + 1);
	size_t n = (size_t)(end - num), whole = n - (size_t)decimals;
	memcpy(p, num, whole);
	p[whole] = '.';
	memcpy(p + whole + 1, num + whole, (size_t)decimals);
	commit(b, p + n + 1);
}

/* printf's "%.15g": whole numbers (the common amounts) here, the rest by
 * printf. */
static void put_g15(struct dyad_buf *b, double x)
{
	if (isfinite(x) && fabs(x) < 1e15 && x == floor(x)) {
		char *p = room(b, NUM_ROOM);
		if (!p)
			return;
		if (signbit(x))
			*p++ = '-';
		commit(b, digits(p, (unsigned long long)fabs(x), 1));
		return;
	}
	char *p = room(b, NUM_ROOM);
	if (p) {
		int n = snprintf(p, NUM_ROOM, "%.15g", x);
		commit(b, p + (n > 0 && n < NUM_ROOM ? n : 0));
	}
}

/* ---- the document --------------------------------------------------- */

/* The keys are this file's literals, plain ASCII: nothing to escape. */
static inline void put_key(struct dyad_buf *b, const char *key, int *first)
{
	size_t n = strlen(key);
	char *p = room(b, n + 4);
	if (!p)
		return;
	if (!*first)
		*p++ = ',';
	*first = 0;
	*p++ = '"';
	memcpy(p, key, n);
	p += n;
	*p++ = '"';
	*p++ = ':';
	commit(b, p);
}

static void put_field(struct dyad_buf *b, const char *key, const char *value,
                      int *first)
{
	put_key(b, key, first);
	put_cstr(b, value);
}

static void put_span(struct dyad_buf *b, struct dyad_span span)
{
	char *p = room(b, 2 * NUM_ROOM);
	if (!p)
		return;
	*p++ = '[';
	p = digits(p, span.start, 1);
	*p++ = ',';
	p = digits(p, span.end, 1);
	*p++ = ']';
	commit(b, p);
}

static void put_party(struct dyad_buf *b, const struct dyad_party *p)
{
	int first = 1;
	put_char(b, '{');
	put_field(b, "country", p->country, &first);
	put_field(b, "actor", p->actor, &first);
	put_field(b, "name", p->name, &first);
	put_char(b, '}');
}

static void put_entities(struct dyad_buf *b, const struct dyad_doc *doc)
{
	put_char(b, '[');
	for (size_t i = 0; i < doc->n_entities; i++) {
		const struct dyad_entity *e = &doc->entities[i];
		int first = 1;
		if (i)
			put_char(b, ',');
		put_char(b, '{');
		put_field(b, "kind", dyad_entity_kind_name(e->kind), &first);
		put_field(b, "name", e->name, &first);
		put_field(b, "country", e->country, &first);
		put_field(b, "role", e->role, &first);
		put_field(b, "actor", e->actor, &first);
		if (e->has_coords) {
			put_key(b, "coords", &first);
			put_char(b, '[');
			put_fixed(b, e->lat, 4);
			put_char(b, ',');
			put_fixed(b, e->lon, 4);
			put_char(b, ']');
		}
		put_key(b, "mentions", &first);
		put_char(b, '[');
		for (size_t m = 0; m < e->n_mentions; m++) {
			if (m)
				put_char(b, ',');
			put_span(b, e->mentions[m]);
		}
		PUT_LIT(b, "]}");
	}
	put_char(b, ']');
}

static void put_event(struct dyad_buf *b, const struct dyad_event *e)
{
	int first = 1;
	char root[3] = {e->code[0], e->code[1], '\0'};
	put_char(b, '{');
	put_field(b, "code", e->code, &first);
	put_field(b, "root", root, &first);
	put_key(b, "quad", &first);
	put_int(b, e->quad);
	put_key(b, "goldstein", &first);
	put_fixed(b, e->goldstein, 1);
	put_key(b, "source", &first);
	put_party(b, &e->source);
	put_key(b, "target", &first);
	put_party(b, &e->target);
	put_field(b, "date", e->date, &first);
	put_field(b, "place", e->place, &first);
	put_field(b, "text", e->text, &first);
	put_key(b, "span", &first);
	put_span(b, e->span);
	put_key(b, "predicate", &first);
	put_span(b, e->predicate);
	put_key(b, "background", &first);
	if (e->flags & DYAD_EVENT_BACKGROUND)
		PUT_LIT(b, "true");
	else
		PUT_LIT(b, "false");
	put_key(b, "intent", &first);
	if (e->flags & DYAD_EVENT_INTENT)
		PUT_LIT(b, "true");
	else
		PUT_LIT(b, "false");
	put_key(b, "mentions", &first);
	put_uint(b, e->n_mentions);
	put_key(b, "confidence", &first);
	put_fixed(b, e->confidence, 2);
	put_char(b, '}');
}

static void put_events(struct dyad_buf *b, const struct dyad_doc *doc)
{
	put_char(b, '[');
	for (size_t i = 0; i < doc->n_events; i++) {
		if (i)
			put_char(b, ',');
		put_event(b, &doc->events[i]);
	}
	put_char(b, ']');
}

static void put_quotes(struct dyad_buf *b, const struct dyad_doc *doc)
{
	put_char(b, '[');
	for (size_t i = 0; i < doc->n_quotes; i++) {
		const struct dyad_quote *q = &doc->quotes[i];
		int first = 1;
		if (i)
			put_char(b, ',');
		put_char(b, '{');
		put_field(b, "speaker", q->speaker, &first);
		put_key(b, "text", &first);
		put_str(b, doc->text + q->span.start, q->span.end - q->span.start);
		put_key(b, "span", &first);
		put_span(b, q->span);
		put_char(b, '}');
	}
	put_char(b, ']');
}

static void put_amounts(struct dyad_buf *b, const struct dyad_doc *doc)
{
	put_char(b, '[');
	for (size_t i = 0; i < doc->n_amounts; i++) {
		const struct dyad_amount *a = &doc->amounts[i];
		int first = 1;
		if (i)
			put_char(b, ',');
		put_char(b, '{');
		put_key(b, "value", &first);
		put_g15(b, a->value);
		put_field(b, "unit", a->unit, &first);
		put_field(b, "counts", a->counts, &first);
		put_key(b, "text", &first);
		put_str(b, doc->text + a->span.start, a->span.end - a->span.start);
		put_key(b, "span", &first);
		put_span(b, a->span);
		put_char(b, '}');
	}
	put_char(b, ']');
}

/* The whole line into b, with the fields of flags (enum dyad_json_flags);
 * DYAD_ENOMEM when it could not grow. */
static dyad_status put_doc(struct dyad_buf *b, const struct dyad_doc *doc, unsigned flags)
{
	int first = 1;
	put_char(b, '{');
	put_field(b, "path", doc->path, &first);
	put_field(b, "id", doc->id, &first);
	put_field(b, "lang", doc->lang, &first);
	put_field(b, "title", doc->title, &first);
	put_field(b, "published", doc->published, &first);
	put_field(b, "source", doc->source, &first);
	put_field(b, "author", doc->author, &first);
	put_field(b, "dateline", doc->dateline, &first);
	if (doc->url)
		put_field(b, "url", doc->url, &first);
	if (doc->error)
		put_field(b, "error", doc->error, &first);
	if (flags & DYAD_JSON_BODY) {
		put_key(b, "body", &first);
		put_str(b, doc->text ? doc->text + doc->body.start : "",
		        doc->text ? doc->body.end - doc->body.start : 0);
	}
	put_key(b, "entities", &first);
	put_entities(b, doc);
	put_key(b, "events", &first);
	put_events(b, doc);
	put_key(b, "quotes", &first);
	put_quotes(b, doc);
	put_key(b, "amounts", &first);
	put_amounts(b, doc);
	PUT_LIT(b, "}\n");
	return b->error;
}

dyad_status dyad_doc_json(const struct dyad_doc *doc, unsigned flags, char **out,
                          size_t *len)
{
	struct dyad_buf b;
	dyad_buf_init(&b, 0);
	*out = NULL;
	*len = 0;
	dyad_status st = put_doc(&b, doc, flags);
	if (st != DYAD_OK) {
		dyad_buf_release(&b);
		return st;
	}
	*out = dyad_buf_detach(&b, len);
	return *out ? DYAD_OK : DYAD_ENOMEM;
}

dyad_status dyad_doc_write_json(const struct dyad_doc *doc, FILE *out)
{
	return dyad_doc_write_json_with(doc, 0, out);
}

dyad_status dyad_doc_write_json_with(const struct dyad_doc *doc, unsigned flags,
                                     FILE *out)
{
	struct dyad_buf b;
	dyad_buf_init(&b, 0);
	dyad_status st = put_doc(&b, doc, flags);
	if (st == DYAD_OK && fwrite(b.data, 1, b.len, out) != b.len)
		st = DYAD_EIO;
	dyad_buf_release(&b);
	return st;
}
