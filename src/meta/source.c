/*
 * source.c - who published the article, who wrote it and where it was
 * filed (part of the metadata stage, see meta.h).
 *
 * The outlet comes from credits: an agency dateline ("/TASS/", "(Yonhap)
 * --"), a reporting phrase ("Trend reports", "told Trend", "сообщает Day.Az"),
 * and weaker hints (photo credits "© APA", "By PTI", a site-name line). The
 * patterns live in data/meta/credits.tsv and the outlets with their
 * spellings in data/meta/outlets.tsv. The dateline is the capitalised place
 * that opens the first paragraph ("BAKU, Azerbaijan, Sept. 28"); the author
 * is a byline line near the headline.
 */
#include <string.h>
#include <unicode/uchar.h>

#include "core/token.h"
#include "core/utf8.h"
#include "meta/meta.h"

#define CREDIT_HEAD_LINES 12 /* lines of the page's top searched for a credit */
#define CREDIT_TAIL_LINES 4  /* and of its bottom */

#define MAX_OUTLET_WORDS 4      /* words in an outlet name */
#define MAX_PLACE_WORDS 3       /* words in a dateline place ("NEW YORK") */
#define MAX_AUTHOR_WORDS 4      /* words of a byline name */
#define MIN_AUTHOR_WORDS 2
#define MAX_AUTHOR_CHARS 48
#define DATELINE_WINDOW 80      /* bytes after the place where the date and
                                   the agency of a dateline may stand */
#define DATELINE_ONLY_WORDS 6   /* a dateline line with no sentence */
#define CREDIT_LINE_MAX_WORDS 10 /* a line this short with a credit is one */
#define NO_LINE ((size_t)-1)
/* ---- characters ------------------------------------------------------ */

static uint32_t cp_at(const char *text, size_t end, size_t i)
{
	return i < end ? dyad_utf8_next(text, end, &i) : 0;
}

static uint32_t cp_before(const char *text, size_t start, size_t i)
{
	if (i <= start)
		return 0;
	size_t a = i - 1;
	while (a > start && ((unsigned char)text[a] & 0xC0) == 0x80)
		a--;
	return dyad_utf8_next(text, i, &a);
}

static int is_alnum(uint32_t cp)
{
	return dyad_cp_is_letter(cp) || dyad_cp_is_digit(cp);
}

static int is_dash(uint32_t cp)
{
	return cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0x2212;
}

/* Marks that join the parts of a name: "Day.Az", "Interfax-Azerbaijan",
 * "O'Brien", "AT&T". */
static int name_joiner(uint32_t cp)
{
	return cp == '.' || cp == '-' || cp == '\'' || cp == 0x2019 || cp == '&';
}

/*
 * One word of a name starting at i: letters and digits, with . - ' inside
 * ("Day.Az", "Interfax-Azerbaijan", "URA.RU"). Returns its end, or i.
 */
static size_t name_word(const char *text, size_t end, size_t i)
{
	size_t j = i, pos = i;
	struct dyad__piece p, after;
	if (!dyad__next_piece(text, &pos, end, &p) || !dyad__piece_is_alnum(&p))
		return i;
	for (;;) {
		j = p.end;
		if (!dyad__next_piece(text, &pos, end, &p))
			break;
		if (dyad__piece_is_alnum(&p))
			continue;
		size_t k = p.end;
		if (!(p.kind == DYAD_PIECE_MARK && name_joiner(p.cp) &&
		      dyad__next_piece(text, &k, end, &after) && dyad__piece_is_alnum(&after)))
			break;
		p = after; /* the joiner, then the run after it */
		pos = k;
	}
	return j;
}

/* The start of the name word that ends at i, or i. */
static size_t name_word_back(const char *text, size_t start, size_t i)
{
	size_t pos = start, word = i;
	int after_alnum = 0, joined = 0; /* the last piece: a letter or digit run;
	                                    a joiner right after one */
	struct dyad__piece p;
	while (dyad__next_piece(text, &pos, i, &p)) {
		if (dyad__piece_is_alnum(&p)) {
			if (!after_alnum && !joined)
				word = p.start;
			after_alnum = 1;
			joined = 0;
		} else {
			joined = after_alnum && p.kind == DYAD_PIECE_MARK && name_joiner(p.cp);
			after_alnum = 0;
		}
	}
	return after_alnum ? word : i;
}

static int word_starts_upper(const char *text, size_t a, size_t b)
{
	uint32_t cp = cp_at(text, b, a);
	return dyad_cp_is_upper(cp) || dyad_cp_is_digit(cp);
}

/* Every letter upper case, two letters at least. */
static int word_all_caps(const char *text, size_t a, size_t b)
{
	size_t i = a, letters = 0;
	while (i < b) {
		uint32_t cp = dyad_utf8_next(text, b, &i);
		if (!dyad_cp_is_letter(cp))
			continue;
		if (!dyad_cp_is_upper(cp))
			return 0;
		letters++;
	}
	return letters >= 2;
}

/* Looks like the name of an outlet even when unknown: "ВВС", "URA.RU",
 * "AzerNews" (capitals, an inner dot or an inner capital). */
static int looks_like_outlet(const struct dyad__meta_lexicon *lex,
                             const char *text, size_t a, size_t b)
{
	size_t w = name_word(text, b, a);
	char lower[DYAD_META_MAX_NAME_BYTES];
	uint32_t v;
	if (w - a < sizeof lower &&
	    dyad_hash_get(&lex->not_outlets, lower,
	                  dyad_utf8_lower(text + a, w - a, lower, sizeof lower), &v))
		return 0;
	if (word_all_caps(text, a, w))
		return 1;
	size_t i = a;
	int seen_lower = 0;
	while (i < w) {
		uint32_t cp = dyad_utf8_next(text, w, &i);
		if (cp == '.')
			return 1;
		if (dyad_cp_is_letter(cp) && !dyad_cp_is_upper(cp))
			seen_lower = 1;
		else if (seen_lower && dyad_cp_is_upper(cp))
			return 1;
	}
	return 0;
}

static int known_outlet(const struct dyad__meta_lexicon *lex, const char *text,
                        size_t a, size_t b, uint32_t *id)
{
	char lower[DYAD_META_MAX_NAME_BYTES];
	if (b <= a || b - a >= sizeof lower || !word_starts_upper(text, a, b))
		return 0;
	size_t len = dyad_utf8_lower(text + a, b - a, lower, sizeof lower);
	return dyad_hash_get(&lex->outlet_names, lower, len, id);
}

/* ---- credits ---------------------------------------------------------- */

struct credit_hit {
	int rank;
	size_t pos;        /* where the name starts, for first-wins */
	const char *name;  /* the outlet's canonical name (outlets.tsv,
	                      domains.tsv), or NULL: the name as written */
	size_t start, end; /* the name as written */
};

static int host_char(char c)
{
	char l = (char)(c | 0x20);
	return (l >= 'a' && l <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

/* A news domain written in the text ("tass.ru", "http://ria.ru/...") at
 * text[at]: its domains.tsv entry, or NULL; *end past the host. */
static const struct dyad__meta_domain *domain_at(const struct dyad__meta_lexicon *lex,
                                                 const char *text, size_t hi,
                                                 size_t at, size_t *end)
{
	size_t i = at;
	static const char *const schemes[] = {"https://", "http://"};
	for (size_t k = 0; k < 2; k++) {
		size_t n = strlen(schemes[k]);
		if (hi - i >= n && memcmp(text + i, schemes[k], n) == 0)
			i += n;
	}
	size_t h = i;
	while (h < hi && host_char(text[h]))
		h++;
	while (h > i && text[h - 1] == '.')
		h--;
	char host[DYAD_META_MAX_HOST_BYTES];
	if (h == i || h - i >= sizeof host || (h < hi && is_alnum(cp_at(text, hi, h))))
		return NULL;
	size_t n = dyad__url_host(text + i, h - i, host, sizeof host);
	const struct dyad__meta_domain *d = n ? dyad__meta_domain_find(lex, host, n) : NULL;
	if (d)
		*end = h;
	return d;
}

/*
 * The outlet name that starts at `at` (after = 1) or ends at `at` (after =
 * 0). The known outlet covering the whole capitalised run wins, then the
 * run itself when the pattern is open and it looks like an outlet, then the
 * longest known outlet inside the run next to the pattern.
 */
static int outlet_name(const struct dyad__meta_lexicon *lex, const char *text,
                       size_t lo, size_t hi, size_t at, int after, int open,
                       struct credit_hit *hit)
{
	size_t ends[MAX_OUTLET_WORDS], starts[MAX_OUTLET_WORDS], n = 0, host_end;
	const struct dyad__meta_domain *d;
	if (after && (d = domain_at(lex, text, hi, at, &host_end)) != NULL) {
		hit->name = d->outlet; /* "Читать на tass.ru", "Источник: http://ria.ru/" */
		hit->start = at;
		hit->end = host_end;
		return 1;
	}
	if (after) {
		size_t i = at, y = name_word(text, hi, at);
		/* "© 2024 Lenta.ru": a year between the mark and the name */
		if (y == at + 4 && dyad_cp_is_digit(cp_at(text, hi, at)) &&
		    dyad_cp_is_digit(cp_at(text, hi, at + 3)) && y < hi && text[y] == ' ')
			i = y + 1;
		while (n < MAX_OUTLET_WORDS) {
			size_t e = name_word(text, hi, i);
			if (e == i || !word_starts_upper(text, i, e))
				break;
			starts[n] = i;
			ends[n++] = e;
			if (e >= hi || text[e] != ' ')
				break;
			i = e + 1;
		}
	} else {
		size_t i = at;
		while (n < MAX_OUTLET_WORDS) {
			size_t s = name_word_back(text, lo, i);
			if (s == i || !word_starts_upper(text, s, i))
				break;
			starts[n] = s;
			ends[n++] = i;
			if (s <= lo || text[s - 1] != ' ')
				break;
			i = s - 1;
		}
	}
	if (n == 0)
		return 0;
	/* the run is [run_a, run_b); sub-runs keep the pattern side fixed */
	for (size_t k = n; k >= 1; k--) {
		size_t a = after ? starts[0] : starts[k - 1];
		size_t b = after ? ends[k - 1] : ends[0];
		uint32_t id;
		if (known_outlet(lex, text, a, b, &id)) {
			if (k < n && open) {
				size_t ra = after ? starts[0] : starts[n - 1];
				size_t rb = after ? ends[n - 1] : ends[0];
				if (looks_like_outlet(lex, text, ra, rb)) {
					hit->name = NULL;
					hit->start = ra;
					hit->end = rb;
					return 1;
				}
			}
			hit->name = lex->outlets[id];
			hit->start = a;
			hit->end = b;
			return 1;
		}
	}
	size_t ra = after ? starts[0] : starts[n - 1];
	size_t rb = after ? ends[n - 1] : ends[0];
	if (open && looks_like_outlet(lex, text, ra, rb)) {
		hit->name = NULL;
		hit->start = ra;
		hit->end = rb;
		return 1;
	}
	return 0;
}

static int boundary_before(const char *text, size_t lo, size_t i)
{
	return i <= lo || !is_alnum(cp_before(text, lo, i));
}

static int boundary_after(const char *text, size_t hi, size_t i)
{
	return i >= hi || !is_alnum(cp_at(text, hi, i));
}

/* A pattern ending in a letter or a slash needs a word boundary after it;
 * one ending in a dash does not ("(Reuters) -Russia launched"). */
static int ends_closed(const char *lit, size_t n)
{
	unsigned char c = (unsigned char)lit[n - 1];
	return c == '/' || c >= 0x80 || (c >= '0' && c <= '9') ||
	       ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Only spaces and full stops between i and the line end. */
static int at_line_end(const char *text, size_t i, size_t hi)
{
	while (i < hi && (text[i] == ' ' || text[i] == '.'))
		i++;
	return i >= hi;
}

/* 1 when text[a] is inside a URL ("http://www.trud.ru/" is no "/TASS/"):
 * the word around it, up to a, holds "://". */
static int inside_url(const char *text, size_t lo, size_t a)
{
	size_t w = a;
	while (w > lo && text[w - 1] != ' ')
		w--;
	for (size_t i = w; i < a; i++)
		if (text[i] == ':' && text[i + 1] == '/' && text[i + 2] == '/')
			return 1;
	return 0;
}

/* The credit c whose literal side starts at text[a], inside [lo, hi). */
static void credit_at(const struct dyad__meta_lexicon *lex,
                      const struct dyad__meta_credit *c, const char *text,
                      size_t lo, size_t hi, size_t a, struct credit_hit *best)
{
	int after = c->prefix_len > 0;
	size_t lit_len = after ? c->prefix_len : c->suffix_len, b = a + lit_len;
	if (b > hi)
		return;
	/* "PKK/PYD/YPG" is not the "/TASS/" of an agency dateline */
	if (after && (!boundary_before(text, lo, a) || inside_url(text, lo, a)))
		return;
	if (after && c->at_start && a != lo)
		return;
	if (!after && ends_closed(c->suffix, lit_len) && !boundary_after(text, hi, b))
		return;
	if (!after && c->at_end && !at_line_end(text, b, hi))
		return;
	struct credit_hit hit = {.rank = c->rank};
	if (!outlet_name(lex, text, lo, hi, after ? b : a, after, c->open, &hit))
		return;
	/* the other side of the pattern must follow the name */
	if (after && c->suffix_len) {
		if (hi - hit.end < c->suffix_len ||
		    memcmp(text + hit.end, c->suffix, c->suffix_len) != 0)
			return;
		size_t z = hit.end + c->suffix_len;
		if (ends_closed(c->suffix, c->suffix_len) && !boundary_after(text, hi, z))
			return;
		if (c->at_end && !at_line_end(text, z, hi))
			return;
	} else if (after && (!boundary_after(text, hi, hit.end) ||
	                     (c->at_end && !at_line_end(text, hit.end, hi)))) {
		return;
	}
	if (!after && (!boundary_before(text, lo, hit.start) ||
	               (c->at_start && hit.start != lo)))
		return;
	hit.pos = hit.start;
	if (hit.rank > best->rank || (hit.rank == best->rank && hit.pos < best->pos))
		*best = hit;
}

struct credit_scan {
	const struct dyad__meta_lexicon *lex;
	const char *text;
	size_t lo, hi;
	struct credit_hit *best;
};

/* One literal found by the automaton: every credit written with it. */
static void credit_literal(void *ctx, uint32_t key, size_t start)
{
	const struct credit_scan *cs = ctx;
	const struct dyad__meta_lexicon *lex = cs->lex;
	for (uint32_t c = lex->credit_of_key[key]; c != UINT32_MAX;
	     c = lex->credits[c].next_same)
		credit_at(lex, &lex->credits[c], cs->text, cs->lo, cs->hi, start, cs->best);
}

/* The best credit inside text[lo, hi): one pass of the credits' automaton
 * over the line, then each pattern checked where its literal stands. */
static void credits_in(const struct dyad__meta_lexicon *lex, const char *text,
                       size_t lo, size_t hi, struct credit_hit *best)
{
	struct credit_scan cs = {lex, text, lo, hi, best};
	dyad__aho_scan(&lex->credit_aho, text, lo, hi, credit_literal, &cs);
}

int dyad__meta_credit_line(const struct dyad__meta_scan *scan, size_t line)
{
	const struct dyad__line *l = &scan->w->lines[line];
	if (scan->info[line].n_words > CREDIT_LINE_MAX_WORDS)
		return 0;
	struct credit_hit best = {.rank = 0, .pos = SIZE_MAX};
	credits_in(scan->lex, scan->w->text, l->start, l->end, &best);
	return best.rank > 0;
}

/* ---- dateline --------------------------------------------------------- */

/* Skip spaces from i. */
static size_t skip_spaces(const char *text, size_t end, size_t i)
{
	while (i < end && text[i] == ' ')
		i++;
	return i;
}

/* The agency that follows the dash of a dateline and ends its sentence
 * ("— РИА Новости. ", "– ПРАЙМ."): capitalised words that name a known
 * outlet or look like one, then a full stop. Returns the name's end, or i. */
static size_t dash_credit(const struct dyad__meta_lexicon *lex, const char *text,
                          size_t i, size_t end)
{
	size_t b = i;
	for (size_t n = 0; n < MAX_OUTLET_WORDS; n++) {
		size_t e = name_word(text, end, b == i ? i : b + 1);
		size_t from = b == i ? i : b + 1;
		if (e == from || !word_starts_upper(text, from, e))
			break;
		b = e;
		if (b >= end || text[b] != ' ')
			break;
	}
	uint32_t id;
	if (b == i || b >= end || text[b] != '.' || (b + 1 < end && text[b + 1] != ' '))
		return i;
	if (known_outlet(lex, text, i, b, &id) || looks_like_outlet(lex, text, i, b))
		return b;
	return i;
}

/* After the place and date: the agency in brackets or slashes ("(Yonhap)",
 * "/TASS/.") or bare before a dash ("INTERFAX.RU -"), then a dash or the
 * end of the dateline. Returns where the sentence starts (0 when the text
 * does not read as a dateline) and the agency span in d (empty if none). */
static size_t after_agency(const struct dyad__meta_lexicon *lex,
                           const char *text, size_t i, size_t end,
                           struct dyad__dateline *d)
{
	i = skip_spaces(text, end, i);
	uint32_t open = cp_at(text, end, i), id;
	size_t a = open == '(' || open == '/' ? i + 1 : i, b = name_word(text, end, a);
	while (b > a && b + 1 < end && text[b] == ' ' && name_word(text, end, b + 1) > b + 1)
		b = name_word(text, end, b + 1);
	int agency = b > a && (known_outlet(lex, text, a, b, &id) ||
	                       looks_like_outlet(lex, text, a, b));
	if (open == '(' || open == '/') {
		uint32_t close = open == '(' ? ')' : '/';
		if (!agency || cp_at(text, end, b) != close)
			return 0;
		i = b + 1;
		if ((close == '/' && cp_at(text, end, i) == '.') || cp_at(text, end, i) == ':')
			i++; /* "/TASS/.", "(ANI):" */
		i = skip_spaces(text, end, i);
	} else if (agency) {
		size_t k = skip_spaces(text, end, b);
		if (!is_dash(cp_at(text, end, k)))
			agency = 0;
		else
			i = k;
	}
	if (agency) {
		d->agency_start = (uint32_t)a;
		d->agency_end = (uint32_t)b;
	}
	size_t k = i;
	uint32_t cp = i < end ? dyad_utf8_next(text, end, &k) : 0;
	if (is_dash(cp)) {
		while (k < end && (is_dash(cp_at(text, end, k)) || text[k] == ' '))
			k++;
		size_t cb;
		if (!agency && (cb = dash_credit(lex, text, k, end)) > k) {
			/* "МОСКВА, 27 окт — РИА Новости. Украинские ..." */
			d->agency_start = (uint32_t)k;
			d->agency_end = (uint32_t)cb;
			k = skip_spaces(text, end, cb + 1);
		}
		return k;
	}
	return open == '(' || open == '/' ? i : 0;
}

/* " – САНА" from i to the line end: a dash and a known agency; *a, *b
 * the agency. */
static int dash_agency(const struct dyad__meta_lexicon *lex, const char *text,
                       size_t i, size_t end, size_t *a, size_t *b)
{
	size_t k = skip_spaces(text, end, i), d = k;
	uint32_t cp = k < end ? dyad_utf8_next(text, end, &d) : 0;
	if (!is_dash(cp))
		return 0;
	d = skip_spaces(text, end, d);
	uint32_t id;
	if (!known_outlet(lex, text, d, end, &id))
		return 0;
	*a = d;
	*b = end;
	return 1;
}

/* After the place of a dateline: the country in brackets, "New Delhi
 * [India], May 11 (ANI):". Returns the end of the bracket, or i. */
static size_t bracketed_country(const char *text, size_t i, size_t end)
{
	if (i + 2 >= end || text[i] != ' ' || text[i + 1] != '[')
		return i;
	size_t j = i + 2;
	while (j < end && j < i + 2 + DYAD_META_MAX_NAME_BYTES && text[j] != ']' &&
	       text[j] != '[')
		j++;
	return j < end && text[j] == ']' && word_starts_upper(text, i + 2, j) ? j + 1 : i;
}

/* A place written in small letters, up to MAX_PLACE_WORDS capitalised
 * words and a country in brackets ("New Delhi [India]"), before a comma. */
static size_t mixed_place(const char *text, size_t a, size_t end, size_t *name_end)
{
	size_t i = a, place_b = a;
	for (size_t n = 0; n < MAX_PLACE_WORDS; n++) {
		size_t e = name_word(text, end, i);
		if (e == i || !word_starts_upper(text, i, e))
			break;
		*name_end = e;
		place_b = bracketed_country(text, e, end);
		if (place_b > e || e >= end || text[e] != ' ')
			break;
		i = e + 1;
	}
	return place_b > a && place_b < end && text[place_b] == ',' ? place_b : a;
}

/* The place: up to MAX_PLACE_WORDS capitalised words, more than one only in
 * capitals ("NEW YORK"). Returns its end (a when none); *caps when every
 * word is in capitals. */
static size_t dateline_place(const char *text, size_t a, size_t end, int *caps,
                             size_t *n_words)
{
	size_t i = a, place_b = a, n = 0;
	*caps = 1;
	while (n < MAX_PLACE_WORDS) {
		size_t e = name_word(text, end, i);
		if (e == i || !word_starts_upper(text, i, e))
			break;
		*caps = *caps && word_all_caps(text, i, e);
		place_b = e;
		n++;
		if (e >= end || text[e] != ' ')
			break;
		size_t e2 = name_word(text, end, e + 1);
		if (!*caps || e2 == e + 1 || !word_all_caps(text, e + 1, e2))
			break;
		i = e + 1;
	}
	*n_words = n;
	return place_b;
}

/* Only a colon from i on, then the sentence: its start, or 0. */
static size_t after_colon(const char *text, size_t i, size_t end)
{
	i = skip_spaces(text, end, i);
	return i < end && text[i] == ':' ? skip_spaces(text, end, i + 1) : 0;
}

/*
 * A place, a comma or a full stop, then a date: "BAKU, Azerbaijan, Sept.
 * 28", "MOSCOW, June 5. /TASS/.", "Москва. 4 февраля. INTERFAX.RU - ". A
 * place not in capitals needs an agency or a dated colon after the date
 * ("Tokyo, Feb. 18 (Jiji Press)--", "Ереван, 23 февраля /Синьхуа/", "New
 * York, Oct 01, 2016:"); a place in capitals with a full stop may name the
 * agency without a date ("ASTANA. KAZINFORM – "). Returns where the
 * sentence starts, 0 when the line is no dateline; d->date the date.
 */
static size_t dated_dateline(const struct dyad__meta_scan *scan, size_t place_b,
                             size_t end, int caps, uint32_t sep,
                             struct dyad__dateline *d)
{
	const char *text = scan->w->text;
	size_t lim = place_b + DATELINE_WINDOW < end ? place_b + DATELINE_WINDOW : end;
	struct dyad__date_expr e;
	if (!dyad__date_find(&scan->lex->dates, text, (uint32_t)place_b, (uint32_t)lim, &e) ||
	    e.start > place_b + DATELINE_WINDOW / 2) {
		if (!caps || sep != '.')
			return 0;
		size_t body = after_agency(scan->lex, text, place_b + 1, end, d);
		return body && d->agency_end > d->agency_start ? body : 0;
	}
	d->date = e.date;
	size_t j = e.end;
	int stop = j < end && text[j] == '.';
	while (j < end && (text[j] == '.' || text[j] == ','))
		j++;
	size_t body = after_agency(scan->lex, text, j, end, d);
	if (!caps && sep == ',') {
		if (body && d->agency_end > d->agency_start)
			return body;
		return e.date.year ? after_colon(text, e.end, end) : 0;
	}
	if (!body) {
		unsigned chars, words;
		dyad__meta_count(text, (uint32_t)j, (uint32_t)end, &chars, &words);
		if (words == 0)
			body = end;
		else if (stop && caps) /* "BAKU, Azerbaijan, May 5. Azerbaijan and..." */
			body = skip_spaces(text, end, j);
	}
	return body;
}

int dyad__meta_dateline(const struct dyad__meta_scan *scan, size_t line,
                        struct dyad__dateline *d)
{
	const struct dyad__work *w = scan->w;
	const char *text = w->text;
	size_t a = w->lines[line].start, end = w->lines[line].end;
	memset(d, 0, sizeof *d);
	uint32_t ns, ne;
	if (dyad__meta_byline(scan, line, &ns, &ne) && ne > ns)
		a = skip_spaces(text, end, ne); /* "By Pavel Polityuk KYIV (Reuters)" */
	int caps;
	size_t n;
	size_t place_b = dateline_place(text, a, end, &caps, &n);
	if (n == 0)
		return 0;
	uint32_t sep = cp_at(text, end, place_b);
	size_t body = 0, mb, name_end = place_b;
	if (sep == ',' || sep == '.') {
		body = dated_dateline(scan, place_b, end, caps, sep, d);
		if (!body && !caps) {
			/* "Rio Grande, May 5 (AP) -" */
			mb = mixed_place(text, a, end, &name_end);
			if (mb > place_b && (body = dated_dateline(scan, mb, end, 0, ',', d)))
				place_b = name_end;
		}
	} else if (!caps && sep == ' ' && (mb = mixed_place(text, a, end, &name_end)) > a) {
		/* "New Delhi [India], May 11 (ANI):" */
		if ((body = dated_dateline(scan, mb, end, 0, ',', d)))
			place_b = name_end;
	} else if (caps && (sep == ':' || sep == ' ')) {
		if (sep == ':')
			body = n == 1 ? skip_spaces(text, end, place_b + 1) : 0;
		else
			body = after_agency(scan->lex, text, place_b, end, d);
		if (!body)
			return 0;
	} else if (sep == ' ') {
		/* "Тартус – САНА": a place, a dash and a known agency */
		size_t oa, ob;
		if (!dash_agency(scan->lex, text, place_b, end, &oa, &ob))
			return 0;
		d->agency_start = (uint32_t)oa;
		d->agency_end = (uint32_t)ob;
		body = end;
	} else {
		return 0;
	}
	if (!body)
		return 0;
	d->place_start = (uint32_t)a;
	d->place_end = (uint32_t)place_b;
	d->rest = (uint32_t)body;
	return 1;
}

/* ---- byline ------------------------------------------------------------ */

/* A word of a person's name: capital then small letters ("Latifova",
 * "O'Brien", "Jean-Pierre"), or an initial "E.". */
static size_t person_word(const char *text, size_t end, size_t i, int *initial)
{
	size_t j = i;
	uint32_t cp = i < end ? dyad_utf8_next(text, end, &j) : 0;
	*initial = 0;
	if (!dyad_cp_is_letter(cp) || !dyad_cp_is_upper(cp))
		return i;
	if (cp_at(text, end, j) == '.') {
		*initial = 1;
		return j + 1;
	}
	size_t letters = 1;
	while (j < end) {
		size_t k = j;
		uint32_t c = dyad_utf8_next(text, end, &k);
		if (dyad_cp_is_letter(c) && !dyad_cp_is_upper(c)) {
			letters++;
			j = k;
		} else if ((c == '-' || c == '\'' || c == 0x2019) &&
		           dyad_cp_is_upper(cp_at(text, end, k))) {
			j = k;
			size_t k2 = k;
			dyad_utf8_next(text, end, &k2);
			j = k2;
		} else {
			break;
		}
	}
	return letters >= 2 ? j : i;
}

static int stopword(const struct dyad__meta_lexicon *lex, const char *text,
                    size_t a, size_t b)
{
	char lower[DYAD_META_MAX_NAME_BYTES];
	uint32_t v;
	if (b - a >= sizeof lower)
		return 0;
	size_t len = dyad_utf8_lower(text + a, b - a, lower, sizeof lower);
	return dyad_hash_get(&lex->stopwords, lower, len, &v) ||
	       dyad_hash_get(&lex->dates.vocab, lower, len, &v) ||
	       dyad_hash_get(&lex->outlet_names, lower, len, &v);
}

/* Person-name words from i: returns the end of the name (i when fewer than
 * MIN_AUTHOR_WORDS), stopping before a word in capitals. */
static size_t person_name(const struct dyad__meta_lexicon *lex, const char *text,
                          size_t end, size_t i, size_t *n_words)
{
	size_t n = 0, name_end = i, j = i;
	while (n < MAX_AUTHOR_WORDS) {
		int initial;
		size_t e = person_word(text, end, j, &initial);
		if (e == j || (!initial && stopword(lex, text, j, e)))
			break;
		if (!initial && e < end && is_alnum(cp_at(text, end, e)))
			break;
		n++;
		name_end = e;
		if (e >= end || text[e] != ' ')
			break;
		j = e + 1;
	}
	*n_words = n;
	return n >= MIN_AUTHOR_WORDS ? name_end : i;
}

/* The byline label the line starts with ("By ", "Автор: "): its end, or 0. */
static size_t byline_label(const struct dyad__meta_lexicon *lex,
                           const char *text, size_t a, size_t end)
{
	char lower[DYAD_META_MAX_NAME_BYTES];
	size_t n = end - a < sizeof lower - 1 ? end - a : sizeof lower - 1;
	/* only the head of the line can hold a label and its space: a code
	 * point lowers to one byte at least, so 4 bytes in per byte out, cut
	 * where a code point starts (the normalised text is valid UTF-8, and
	 * the lower case of the head is the head of the lower case) */
	size_t longest = 0;
	for (size_t k = 0; k < lex->n_bylines; k++) {
		size_t bl = strlen(lex->bylines[k]);
		longest = bl > longest ? bl : longest;
	}
	if (n > 4 * (longest + 1)) {
		n = 4 * (longest + 1);
		while (n > 0 && ((unsigned char)text[a + n] & 0xC0) == 0x80)
			n--;
	}
	size_t len = dyad_utf8_lower(text + a, n, lower, sizeof lower);
	for (size_t k = 0; k < lex->n_bylines; k++) {
		size_t bl = strlen(lex->bylines[k]);
		if (bl < len && memcmp(lower, lex->bylines[k], bl) == 0 && lower[bl] == ' ')
			return a + bl + 1;
	}
	return 0;
}

int dyad__meta_byline(const struct dyad__meta_scan *scan, size_t line,
                      uint32_t *name_start, uint32_t *name_end)
{
	const struct dyad__work *w = scan->w;
	const char *text = w->text;
	size_t a = w->lines[line].start, end = w->lines[line].end, n;
	*name_start = *name_end = (uint32_t)a;
	size_t label = byline_label(scan->lex, text, a, end);
	if (label) {
		label = skip_spaces(text, end, label);
		size_t e = person_name(scan->lex, text, end, label, &n);
		if (e > label) {
			*name_start = (uint32_t)label;
			*name_end = (uint32_t)e;
			return 1;
		}
		/* "By PTI": an outlet, not a person */
		size_t oe = name_word(text, end, label);
		uint32_t id;
		return oe > label && (known_outlet(scan->lex, text, label, oe, &id) ||
		                      word_all_caps(text, label, oe));
	}
	if (scan->info[line].n_chars > MAX_AUTHOR_CHARS)
		return 0;
	size_t e = person_name(scan->lex, text, end, a, &n);
	if (e != end || n > MIN_AUTHOR_WORDS + 1)
		return 0;
	*name_start = (uint32_t)a;
	*name_end = (uint32_t)e;
	return 1;
}

/* ---- the stage's part ------------------------------------------------- */

/* "BAKU" -> "Baku", "NEW YORK" -> "New York", "НУР-СУЛТАН" -> "Нур-Султан". */
static char *title_case(struct dyad_arena *arena, const char *s, size_t n)
{
	char *out = dyad_arena_alloc(arena, n * 2 + 1);
	if (!out)
		return NULL;
	size_t i = 0, o = 0;
	int word_start = 1;
	while (i < n) {
		uint32_t cp = dyad_utf8_next(s, n, &i);
		if (dyad_cp_is_letter(cp)) {
			cp = (uint32_t)(word_start ? u_toupper((UChar32)cp)
			                           : u_tolower((UChar32)cp));
			word_start = 0;
		} else {
			word_start = 1;
		}
		o += dyad_utf8_encode(cp, out + o);
	}
	out[o] = '\0';
	return out;
}

/* A site-name line before the headline: a known outlet, or one word with a
 * dot in it ("Azernews.Az"). */
static void site_name(const struct dyad__meta_scan *scan, struct credit_hit *best)
{
	const struct dyad__work *w = scan->w;
	size_t last = scan->title != NO_LINE ? scan->title : scan->body;
	for (size_t l = 0; l < last && l < w->n_lines; l++) {
		const struct dyad__line *line = &w->lines[l];
		if (line->flags & DYAD_LINE_BLANK)
			continue;
		struct credit_hit hit = {.rank = 1, .pos = line->start};
		uint32_t id;
		if (known_outlet(scan->lex, w->text, line->start, line->end, &id)) {
			hit.name = scan->lex->outlets[id];
		} else if (dyad_cp_is_letter(cp_at(w->text, line->end, line->start)) &&
		           name_word(w->text, line->end, line->start) == line->end &&
		           looks_like_outlet(scan->lex, w->text, line->start, line->end) &&
		           memchr(w->text + line->start, '.', line->end - line->start)) {
			hit.start = line->start;
			hit.end = line->end;
		} else {
			continue;
		}
		if (hit.rank > best->rank || (hit.rank == best->rank && hit.pos < best->pos))
			*best = hit;
	}
}

/* The credits of the page's head, the lede, the last lines and the
 * dateline's agency: an outlet credits itself there, not in the middle of a
 * long story. */
static void text_credits(const struct dyad__meta_scan *scan, struct credit_hit *best)
{
	const struct dyad__work *w = scan->w;
	const struct dyad__meta_lexicon *lex = scan->lex;
	size_t n_text = 0, tail_from = w->n_lines;
	for (size_t l = w->n_lines; l-- > 0 && tail_from > 0;) {
		if (!(w->lines[l].flags & DYAD_LINE_BLANK) && ++n_text > CREDIT_TAIL_LINES)
			break;
		tail_from = l;
	}
	n_text = 0;
	for (size_t l = 0; l < w->n_lines; l++) {
		if (w->lines[l].flags & DYAD_LINE_BLANK)
			continue;
		if (++n_text > CREDIT_HEAD_LINES && l < tail_from)
			continue;
		credits_in(lex, w->text, scan->info[l].start, w->lines[l].end, best);
	}
	if (scan->dateline != NO_LINE && scan->agency_end > scan->agency_start) {
		/* the agency of the dateline: "Тартус – САНА", "INTERFAX.RU -" */
		struct credit_hit hit = {.rank = 3, .pos = scan->agency_start,
		                         .start = scan->agency_start, .end = scan->agency_end};
		uint32_t id;
		if (known_outlet(lex, w->text, scan->agency_start, scan->agency_end, &id))
			hit.name = lex->outlets[id];
		if (hit.rank > best->rank || (hit.rank == best->rank && hit.pos < best->pos))
			*best = hit;
	}
	if (best->rank == 0)
		site_name(scan, best);
}

/*
 * The outlet, in this order: the one the container names (JSON Lines
 * "source", og:site_name), canonical when outlets.tsv knows it; the outlet
 * of the URL's news domain (domains.tsv); a credit in the text that reports
 * or datelines the story; the URL's host; a weaker credit (a photo credit,
 * a site name line).
 */
static dyad_status find_source(struct dyad__meta_scan *scan)
{
	struct dyad__work *w = scan->w;
	const struct dyad__meta_lexicon *lex = scan->lex;
	struct dyad_doc *doc = w->doc;
	const char *given = w->input->source, *url = w->input->url;
	if (given) {
		size_t n = strlen(given);
		uint32_t id;
		int known = n && known_outlet(lex, given, 0, n, &id);
		doc->source = dyad_arena_strdup(w->arena, known ? lex->outlets[id] : given);
		return doc->source ? DYAD_OK : DYAD_ENOMEM;
	}
	char host[DYAD_META_MAX_HOST_BYTES];
	size_t hn = url ? dyad__url_host(url, strlen(url), host, sizeof host) : 0;
	const struct dyad__meta_domain *d = hn ? dyad__meta_domain_find(lex, host, hn) : NULL;
	struct credit_hit best = {.rank = 0, .pos = SIZE_MAX};
	if (!d)
		text_credits(scan, &best);
	if (d)
		doc->source = dyad_arena_strdup(w->arena, d->outlet);
	else if (hn && best.rank <= 1)
		doc->source = dyad_arena_strdup(w->arena, host);
	else if (best.rank > 0 && best.name)
		doc->source = dyad_arena_strdup(w->arena, best.name);
	else if (best.rank > 0)
		doc->source = dyad_arena_strndup(w->arena, w->text + best.start,
		                                 best.end - best.start);
	else
		return DYAD_OK;
	return doc->source ? DYAD_OK : DYAD_ENOMEM;
}

dyad_status dyad__meta_source(struct dyad__meta_scan *scan)
{
	struct dyad__work *w = scan->w;
	struct dyad_doc *doc = w->doc;
	dyad_status st = find_source(scan);
	if (st != DYAD_OK)
		return st;
	if (w->input->author)
		doc->author = dyad_arena_strdup(w->arena, w->input->author);
	else if (scan->author)
		doc->author = scan->author;
	if ((w->input->author || scan->author) && !doc->author)
		return DYAD_ENOMEM;
	if (scan->dateline != NO_LINE) {
		doc->dateline = title_case(w->arena, w->text + scan->dateline_start,
		                           scan->dateline_end - scan->dateline_start);
		if (!doc->dateline)
			return DYAD_ENOMEM;
	}
	return DYAD_OK;
}
