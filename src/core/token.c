/*
 * token.c - the one scanning rule of dyad (see token.h). Text is cut into
 * pieces (runs of letters, runs of digits, single spaces and marks), and a
 * token is made of pieces: a word is adjacent letter and digit pieces, a
 * number keeps its "," and "." separators, a dotted acronym and the English
 * possessive "'s" are one token, any other mark is a token of its own. The
 * document tokenizer (text/tokenize.c), the phrase keys of the knowledge
 * base (kb/phrase.c), the date reader (text/dates.c), the metadata stage and
 * the PETRARCH coder's treebank view (petrarch/ptoken.c) all read pieces or
 * tokens from here.
 */
#include "core/token.h"

#include "core/utf8.h"

#define MIN_ACRONYM_LETTERS 2 /* "U.S."; "U." alone is an initial */

/* The rest of a run of letters (or of ASCII digits) from i: its end, with
 * its code points and capitals added to p. ASCII takes no table. */
static size_t run_end(const char *text, size_t i, size_t end, int digits,
                      struct dyad__piece *p)
{
	while (i < end) {
		unsigned char b = (unsigned char)text[i];
		if (b < 0x80) {
			int in = digits ? b >= '0' && b <= '9' : (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
			if (!in)
				break;
			i++;
			p->n_cps++;
			p->n_upper += !digits && b <= 'Z';
			continue;
		}
		size_t k = i;
		uint32_t next = dyad_utf8_next(text, end, &k);
		if (digits || !dyad_cp_is_letter(next))
			break;
		i = k;
		p->n_cps++;
		p->n_upper += dyad_cp_is_upper(next);
	}
	return i;
}

int dyad__next_piece(const char *text, size_t *pos, size_t end,
                     struct dyad__piece *p)
{
	size_t i = *pos;
	if (i >= end)
		return 0;
	unsigned char b = (unsigned char)text[i];
	p->start = (uint32_t)i;
	p->cp = b < 0x80 ? (i++, b) : dyad_utf8_next(text, end, &i);
	p->n_cps = 1;
	p->n_upper = 0;
	p->alnum = 0;
	if ((p->cp >= '0' && p->cp <= '9') || dyad_cp_is_letter(p->cp)) {
		int digits = p->cp >= '0' && p->cp <= '9';
		p->kind = digits ? DYAD_PIECE_DIGITS : DYAD_PIECE_LETTERS;
		p->n_upper = !digits && dyad_cp_is_upper(p->cp);
		p->alnum = 1;
		i = run_end(text, i, end, digits, p);
	} else if (p->cp < 0x80) { /* ASCII white space: TAB..CR and ' ' */
		p->kind = p->cp == ' ' || (p->cp >= '\t' && p->cp <= '\r') ? DYAD_PIECE_SPACE
		                                                          : DYAD_PIECE_MARK;
	} else {
		p->kind = dyad_cp_is_space(p->cp) ? DYAD_PIECE_SPACE : DYAD_PIECE_MARK;
		p->alnum = p->kind == DYAD_PIECE_MARK && dyad_cp_is_digit(p->cp);
	}
	p->end = (uint32_t)i;
	*pos = i;
	return 1;
}

int dyad__piece_is_alnum(const struct dyad__piece *p)
{
	return p->alnum;
}

/* The piece at pos, or kind DYAD_PIECE_NONE at the end. */
static void piece_at(const char *text, size_t pos, size_t end, struct dyad__piece *p)
{
	if (!dyad__next_piece(text, &pos, end, p)) {
		p->kind = DYAD_PIECE_NONE;
		p->start = p->end = (uint32_t)end;
		p->cp = 0;
		p->n_cps = p->n_upper = 0;
		p->alnum = 0;
	}
}

static int is_quote(uint32_t cp)
{
	return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E ||
	       cp == 0x00AB || cp == 0x00BB || cp == 0x2018 || cp == 0x2019 ||
	       cp == '\'';
}

static int is_word_cp(uint32_t cp)
{
	return dyad_cp_is_letter(cp) || dyad_cp_is_digit(cp);
}

static int is_capital_ascii(const struct dyad__piece *p)
{
	return p->kind == DYAD_PIECE_LETTERS && p->n_cps == 1 && p->cp >= 'A' && p->cp <= 'Z';
}

/* The end of a dotted acronym starting with piece p ("U.S.", "U.N."), or
 * p->start when there is none: single capitals each followed by a full
 * stop, and no Latin letter right after the last one. */
static size_t acronym_end(const char *text, const struct dyad__piece *p, size_t end)
{
	struct dyad__piece letter = *p, dot;
	size_t letters = 0, j = p->start;
	while (is_capital_ascii(&letter)) {
		piece_at(text, letter.end, end, &dot);
		if (dot.kind != DYAD_PIECE_MARK || dot.cp != '.')
			break;
		letters++;
		j = dot.end;
		piece_at(text, j, end, &letter);
	}
	if (letters < MIN_ACRONYM_LETTERS)
		return p->start;
	if (letter.kind == DYAD_PIECE_LETTERS && letter.cp < 0x80)
		return p->start;
	return j;
}

/* A word or number starting with piece p: adjacent letter and digit
 * pieces; a number ("4,000", "169.4") also takes a separator followed by
 * digits. Returns the end; sets the WORD or NUMBER, CAP, ALLCAPS, INITIAL
 * and script flags. */
static size_t word_end(const char *text, const struct dyad__piece *p, size_t end,
                       uint32_t *f)
{
	int letters = 0, upper = 0, digits_only = p->kind != DYAD_PIECE_LETTERS;
	if (p->kind == DYAD_PIECE_LETTERS)
		*f |= dyad_cp_is_cyrillic(p->cp) ? DYAD_TOK_CYRILLIC
		    : dyad_cp_is_latin(p->cp)  ? DYAD_TOK_LATIN : 0;
	if (dyad_cp_is_upper(p->cp))
		*f |= DYAD_TOK_CAP;
	struct dyad__piece q = *p, after;
	size_t i;
	for (;;) {
		if (q.kind == DYAD_PIECE_LETTERS) {
			digits_only = 0;
			letters += (int)q.n_cps;
			upper += (int)q.n_upper;
		}
		i = q.end;
		piece_at(text, i, end, &q);
		if (dyad__piece_is_alnum(&q))
			continue;
		if (!digits_only || q.kind != DYAD_PIECE_MARK || (q.cp != ',' && q.cp != '.'))
			break;
		piece_at(text, q.end, end, &after);
		if (after.kind != DYAD_PIECE_DIGITS)
			break;
		q = after; /* "4,000": the separator and the digits after it */
	}
	*f |= digits_only ? DYAD_TOK_NUMBER : DYAD_TOK_WORD;
	if (letters >= 2 && upper == letters)
		*f |= DYAD_TOK_ALLCAPS;
	if (letters == 1 && upper == 1 && i < end && text[i] == '.')
		*f |= DYAD_TOK_INITIAL;
	return i;
}

/* "'s" after a word, written with either apostrophe, when no letter or
 * digit follows the s (the byte after it is looked at: a letter of any
 * script keeps "'sth" apart). */
static int possessive_s(const char *text, const struct dyad__piece *p, size_t end)
{
	size_t i = p->end;
	return (p->cp == '\'' || p->cp == 0x2019) && i < end && text[i] == 's' &&
	       (i + 1 >= end || !is_word_cp((unsigned char)text[i + 1]));
}

/* A code point that starts or continues a word or number: a letter, or a
 * digit that is no space (the alnum pieces). */
static int word_cp(uint32_t cp)
{
	if ((cp >= '0' && cp <= '9') || dyad_cp_is_letter(cp))
		return 1;
	return cp >= 0x80 && !dyad_cp_is_space(cp) && dyad_cp_is_digit(cp);
}

/* A token of one mark that is not a letter or a digit: 0 when it is a
 * space, the apostrophe of "'s" or "’s", or a letter after all. */
static int plain_mark(const char *text, size_t at, size_t end, uint32_t *len,
                      uint32_t *flags)
{
	unsigned char c = (unsigned char)text[at];
	if (c < 0x80) {
		if (c == '\'' || c == ' ' || (c >= '\t' && c <= '\r'))
			return 0;
		*len = 1;
		*flags = DYAD_TOK_PUNCT | (c == '"' ? DYAD_TOK_QUOTE : 0);
		return 1;
	}
	size_t k = at; /* "«", "—" */
	uint32_t cp = dyad_utf8_next(text, end, &k);
	if (cp == 0x2019 || word_cp(cp) || dyad_cp_is_space(cp))
		return 0;
	*len = (uint32_t)(k - at);
	*flags = DYAD_TOK_PUNCT | (is_quote(cp) ? DYAD_TOK_QUOTE : 0);
	return 1;
}

/* What a byte is to plain_token(): the bytes that start basic Cyrillic
 * letters, the other bytes outside ASCII, letters and digits of ASCII. */
enum { BYTE_OTHER, BYTE_LOWER, BYTE_UPPER, BYTE_DIGIT, BYTE_CYRILLIC, BYTE_HIGH };
static const unsigned char byte_kind[256] = {
	['a'] = BYTE_LOWER, ['b'] = BYTE_LOWER, ['c'] = BYTE_LOWER, ['d'] = BYTE_LOWER,
	['e'] = BYTE_LOWER, ['f'] = BYTE_LOWER, ['g'] = BYTE_LOWER, ['h'] = BYTE_LOWER,
	['i'] = BYTE_LOWER, ['j'] = BYTE_LOWER, ['k'] = BYTE_LOWER, ['l'] = BYTE_LOWER,
	['m'] = BYTE_LOWER, ['n'] = BYTE_LOWER, ['o'] = BYTE_LOWER, ['p'] = BYTE_LOWER,
	['q'] = BYTE_LOWER, ['r'] = BYTE_LOWER, ['s'] = BYTE_LOWER, ['t'] = BYTE_LOWER,
	['u'] = BYTE_LOWER, ['v'] = BYTE_LOWER, ['w'] = BYTE_LOWER, ['x'] = BYTE_LOWER,
	['y'] = BYTE_LOWER, ['z'] = BYTE_LOWER, ['A'] = BYTE_UPPER, ['B'] = BYTE_UPPER,
	['C'] = BYTE_UPPER, ['D'] = BYTE_UPPER, ['E'] = BYTE_UPPER, ['F'] = BYTE_UPPER,
	['G'] = BYTE_UPPER, ['H'] = BYTE_UPPER, ['I'] = BYTE_UPPER, ['J'] = BYTE_UPPER,
	['K'] = BYTE_UPPER, ['L'] = BYTE_UPPER, ['M'] = BYTE_UPPER, ['N'] = BYTE_UPPER,
	['O'] = BYTE_UPPER, ['P'] = BYTE_UPPER, ['Q'] = BYTE_UPPER, ['R'] = BYTE_UPPER,
	['S'] = BYTE_UPPER, ['T'] = BYTE_UPPER, ['U'] = BYTE_UPPER, ['V'] = BYTE_UPPER,
	['W'] = BYTE_UPPER, ['X'] = BYTE_UPPER, ['Y'] = BYTE_UPPER, ['Z'] = BYTE_UPPER,
	['0'] = BYTE_DIGIT, ['1'] = BYTE_DIGIT, ['2'] = BYTE_DIGIT, ['3'] = BYTE_DIGIT,
	['4'] = BYTE_DIGIT, ['5'] = BYTE_DIGIT, ['6'] = BYTE_DIGIT, ['7'] = BYTE_DIGIT,
	['8'] = BYTE_DIGIT, ['9'] = BYTE_DIGIT,
	[0xD0] = BYTE_CYRILLIC, [0xD1] = BYTE_CYRILLIC, [0x80] = BYTE_HIGH,
	[0x81] = BYTE_HIGH, [0x82] = BYTE_HIGH, [0x83] = BYTE_HIGH, [0x84] = BYTE_HIGH,
	[0x85] = BYTE_HIGH, [0x86] = BYTE_HIGH, [0x87] = BYTE_HIGH, [0x88] = BYTE_HIGH,
	[0x89] = BYTE_HIGH, [0x8A] = BYTE_HIGH, [0x8B] = BYTE_HIGH, [0x8C] = BYTE_HIGH,
	[0x8D] = BYTE_HIGH, [0x8E] = BYTE_HIGH, [0x8F] = BYTE_HIGH, [0x90] = BYTE_HIGH,
	[0x91] = BYTE_HIGH, [0x92] = BYTE_HIGH, [0x93] = BYTE_HIGH, [0x94] = BYTE_HIGH,
	[0x95] = BYTE_HIGH, [0x96] = BYTE_HIGH, [0x97] = BYTE_HIGH, [0x98] = BYTE_HIGH,
	[0x99] = BYTE_HIGH, [0x9A] = BYTE_HIGH, [0x9B] = BYTE_HIGH, [0x9C] = BYTE_HIGH,
	[0x9D] = BYTE_HIGH, [0x9E] = BYTE_HIGH, [0x9F] = BYTE_HIGH, [0xA0] = BYTE_HIGH,
	[0xA1] = BYTE_HIGH, [0xA2] = BYTE_HIGH, [0xA3] = BYTE_HIGH, [0xA4] = BYTE_HIGH,
	[0xA5] = BYTE_HIGH, [0xA6] = BYTE_HIGH, [0xA7] = BYTE_HIGH, [0xA8] = BYTE_HIGH,
	[0xA9] = BYTE_HIGH, [0xAA] = BYTE_HIGH, [0xAB] = BYTE_HIGH, [0xAC] = BYTE_HIGH,
	[0xAD] = BYTE_HIGH, [0xAE] = BYTE_HIGH, [0xAF] = BYTE_HIGH, [0xB0] = BYTE_HIGH,
	[0xB1] = BYTE_HIGH, [0xB2] = BYTE_HIGH, [0xB3] = BYTE_HIGH, [0xB4] = BYTE_HIGH,
	[0xB5] = BYTE_HIGH, [0xB6] = BYTE_HIGH, [0xB7] = BYTE_HIGH, [0xB8] = BYTE_HIGH,
	[0xB9] = BYTE_HIGH, [0xBA] = BYTE_HIGH, [0xBB] = BYTE_HIGH, [0xBC] = BYTE_HIGH,
	[0xBD] = BYTE_HIGH, [0xBE] = BYTE_HIGH, [0xBF] = BYTE_HIGH, [0xC0] = BYTE_HIGH,
	[0xC1] = BYTE_HIGH, [0xC2] = BYTE_HIGH, [0xC3] = BYTE_HIGH, [0xC4] = BYTE_HIGH,
	[0xC5] = BYTE_HIGH, [0xC6] = BYTE_HIGH, [0xC7] = BYTE_HIGH, [0xC8] = BYTE_HIGH,
	[0xC9] = BYTE_HIGH, [0xCA] = BYTE_HIGH, [0xCB] = BYTE_HIGH, [0xCC] = BYTE_HIGH,
	[0xCD] = BYTE_HIGH, [0xCE] = BYTE_HIGH, [0xCF] = BYTE_HIGH, [0xD2] = BYTE_HIGH,
	[0xD3] = BYTE_HIGH, [0xD4] = BYTE_HIGH, [0xD5] = BYTE_HIGH, [0xD6] = BYTE_HIGH,
	[0xD7] = BYTE_HIGH, [0xD8] = BYTE_HIGH, [0xD9] = BYTE_HIGH, [0xDA] = BYTE_HIGH,
	[0xDB] = BYTE_HIGH, [0xDC] = BYTE_HIGH, [0xDD] = BYTE_HIGH, [0xDE] = BYTE_HIGH,
	[0xDF] = BYTE_HIGH, [0xE0] = BYTE_HIGH, [0xE1] = BYTE_HIGH, [0xE2] = BYTE_HIGH,
	[0xE3] = BYTE_HIGH, [0xE4] = BYTE_HIGH, [0xE5] = BYTE_HIGH, [0xE6] = BYTE_HIGH,
	[0xE7] = BYTE_HIGH, [0xE8] = BYTE_HIGH, [0xE9] = BYTE_HIGH, [0xEA] = BYTE_HIGH,
	[0xEB] = BYTE_HIGH, [0xEC] = BYTE_HIGH, [0xED] = BYTE_HIGH, [0xEE] = BYTE_HIGH,
	[0xEF] = BYTE_HIGH, [0xF0] = BYTE_HIGH, [0xF1] = BYTE_HIGH, [0xF2] = BYTE_HIGH,
	[0xF3] = BYTE_HIGH, [0xF4] = BYTE_HIGH, [0xF5] = BYTE_HIGH, [0xF6] = BYTE_HIGH,
	[0xF7] = BYTE_HIGH, [0xF8] = BYTE_HIGH, [0xF9] = BYTE_HIGH, [0xFA] = BYTE_HIGH,
	[0xFB] = BYTE_HIGH, [0xFC] = BYTE_HIGH, [0xFD] = BYTE_HIGH, [0xFE] = BYTE_HIGH,
	[0xFF] = BYTE_HIGH,
};

/*
 * The common tokens read on the bytes, with what the pieces would give: a
 * word of ASCII and basic Cyrillic letters and ASCII digits that ends at
 * an ASCII byte or the end, a number of ASCII digits not followed by a
 * separator, a mark of ASCII other than the apostrophe. 0 when the token
 * is another (dotted acronyms, numbers with separators, other letters):
 * dyad__next_token reads it by pieces.
 */
static int plain_token(const char *text, size_t at, size_t end, uint32_t *len,
                       uint32_t *flags)
{
	const unsigned char *s = (const unsigned char *)text;
	unsigned char c = s[at];
	size_t i = at;
	unsigned letters = 0, upper = 0, first_run = 0;
	uint32_t f = 0;
	if ((c < 0x80 && !((unsigned)((c | 0x20) - 'a') < 26u) && !(c >= '0' && c <= '9')) ||
	    (c >= 0x80 && c != 0xD0 && c != 0xD1))
		return plain_mark(text, at, end, len, flags);
	while (i < end) {
		unsigned k = byte_kind[s[i]];
		if (k == BYTE_LOWER || k == BYTE_UPPER) {
			letters++;
			upper += k == BYTE_UPPER;
			i++;
		} else if (k == BYTE_DIGIT) {
			if (!first_run)
				first_run = (unsigned)(i - at);
			i++;
		} else if (k == BYTE_CYRILLIC && i + 1 < end) {
			/* А..Я, а..п D0 90..BF, Ё D0 81; р..я D1 80..8F, ё D1 91 */
			unsigned char d = s[i + 1];
			int d0 = s[i] == 0xD0;
			if (d0 ? !((unsigned)(d - 0x90) < 0x30u || d == 0x81)
			       : !((unsigned)(d - 0x80) < 0x10u || d == 0x91))
				return 0;
			if (i == at)
				f |= DYAD_TOK_CYRILLIC;
			letters++;
			upper += d0 && d <= 0xAF;
			i += 2;
		} else if (k != BYTE_OTHER) {
			size_t next = i;
			if (i == at || word_cp(dyad_utf8_next(text, end, &next)))
				return 0; /* a broken byte, or another letter goes on the word */
			break;
		} else {
			break;
		}
	}
	int digit_first = s[at] >= '0' && s[at] <= '9';
	if (!digit_first) {
		if (!(f & DYAD_TOK_CYRILLIC))
			f |= DYAD_TOK_LATIN;
		if (s[at] <= 'Z' || (s[at] == 0xD0 && s[at + 1] <= 0xAF))
			f |= DYAD_TOK_CAP;
		/* a single capital and a full stop may open "U.S." */
		size_t run = first_run ? first_run : i - at;
		if (run == 1 && s[at] <= 'Z' && at + 1 < end && s[at + 1] == '.')
			return 0;
	}
	if (digit_first && !letters) {
		if (i < end && (s[i] == ',' || s[i] == '.'))
			return 0; /* "4,000" */
		f |= DYAD_TOK_NUMBER;
	} else {
		f |= DYAD_TOK_WORD;
	}
	if (letters >= 2 && upper == letters)
		f |= DYAD_TOK_ALLCAPS;
	if (letters == 1 && upper == 1 && i < end && s[i] == '.')
		f |= DYAD_TOK_INITIAL;
	*len = (uint32_t)(i - at);
	*flags = f;
	return 1;
}

int dyad__next_token(const char *text, size_t *pos, size_t end,
                     uint32_t *tok_start, uint32_t *tok_end, uint32_t *flags)
{
	size_t from = *pos;
	while (from < end && (text[from] == ' ' || text[from] == '\n'))
		from++;
	*pos = from;
	if (from >= end)
		return 0;
	uint32_t len, plain;
	if (plain_token(text, from, end, &len, &plain)) {
		if (from > 0 && text[from - 1] != ' ' && text[from - 1] != '\n')
			plain |= DYAD_TOK_GLUED;
		*tok_start = (uint32_t)from;
		*tok_end = (uint32_t)(from + len);
		*flags = plain;
		*pos = from + len;
		return 1;
	}
	struct dyad__piece p;
	do {
		if (!dyad__next_piece(text, pos, end, &p))
			return 0;
	} while (p.kind == DYAD_PIECE_SPACE && (p.cp == ' ' || p.cp == '\n'));
	uint32_t f = 0;
	size_t at = p.start, i = p.end;
	if (at > 0 && text[at - 1] != ' ' && text[at - 1] != '\n')
		f |= DYAD_TOK_GLUED;
	size_t acronym = acronym_end(text, &p, end);
	if (acronym > at) {
		f |= DYAD_TOK_WORD | DYAD_TOK_CAP | DYAD_TOK_ALLCAPS | DYAD_TOK_LATIN;
		i = acronym;
	} else if (dyad__piece_is_alnum(&p)) {
		i = word_end(text, &p, end, &f);
	} else if (possessive_s(text, &p, end)) {
		i = p.end + 1; /* English possessive 's stays one token */
		f |= DYAD_TOK_WORD | DYAD_TOK_LATIN;
	} else {
		f |= DYAD_TOK_PUNCT;
		if (is_quote(p.cp))
			f |= DYAD_TOK_QUOTE;
	}
	*tok_start = (uint32_t)at;
	*tok_end = (uint32_t)i;
	*flags = f;
	*pos = i;
	return 1;
}
