/*
 * normalise.c - the first stage: one canonical form of the text that every
 * later offset points into.
 *
 * Unicode NFC (ICU), so that "й" typed as и + combining breve matches the
 * dictionaries; line ends as LF; exotic spaces (no-break, thin, ideographic)
 * and tabs as plain spaces, runs of spaces collapsed; invisible characters
 * (zero-width, soft hyphen, BOM) and control characters dropped. Then the
 * text is cut into lines, the unit the metadata stage classifies.
 */
#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "core/alloc.h"
#include "core/utf8.h"
#include "text/text.h"

static int is_invisible(uint32_t cp)
{
	return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 ||
	       cp == 0xFEFF || (cp >= 0x202A && cp <= 0x202E);
}

static int is_space_like(uint32_t cp)
{
	return cp == '\t' || cp == '\f' || cp == '\v' || cp == 0x00A0 ||
	       (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
	       cp == 0x3000 || cp == 0x1680;
}

/*
 * Text whose every character is a starter that never composes (ccc 0, NFC
 * quick check yes) is in NFC already. Most news is: ASCII, Latin letters
 * below U+0300, basic Cyrillic (the combining marks U+0483..U+0489 left
 * out), and the dashes and quotes U+2010..U+2027 (test_text checks the
 * ranges against ICU). Only well-formed sequences of those pass, so ICU's
 * repair of bad bytes is not skipped either.
 */
static int nfc_already(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint64_t eight;
		while (n - i >= 8 && (memcpy(&eight, s + i, 8), !(eight & 0x8080808080808080ull)))
			i += 8; /* eight ASCII bytes at once */
		if (i >= n)
			break;
		unsigned char c = s[i];
		if (c < 0x80)
			continue;
		if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80)
			return 0;
		unsigned char d = s[++i];
		if ((c >= 0xC2 && c <= 0xCB) || c == 0xD0 || c == 0xD1 || c == 0xD3 ||
		    (c == 0xD2 && (d < 0x83 || d > 0x89)))
			continue;
		if (c != 0xE2 || d != 0x80 || i + 1 >= n || s[i + 1] < 0x90 || s[i + 1] > 0xA7)
			return 0;
		i++;
	}
	return 1;
}

/* NFC through UTF-16; NULL on allocation failure or an ICU error. */
static char *to_nfc(struct dyad_arena *arena, const char *text, size_t len,
                    size_t *out_len)
{
	if (nfc_already((const unsigned char *)text, len)) {
		*out_len = len;
		return dyad_arena_strndup(arena, text, len);
	}
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
	if (U_FAILURE(err) || len > INT32_MAX / 2)
		return NULL;
	int32_t n16 = 0;
	u_strFromUTF8WithSub(NULL, 0, &n16, text, (int32_t)len, 0xFFFD, NULL, &err);
	if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err))
		return NULL;
	err = U_ZERO_ERROR;
	/* pages of their own: given back whole at the end, whatever the heap does */
	size_t src_size = ((size_t)n16 + 1) * sizeof(UChar), dst_size = 0;
	UChar *src = dyad__pages_alloc(src_size);
	UChar *dst = NULL;
	char *out = NULL;
	if (!src)
		goto done;
	u_strFromUTF8WithSub(src, n16 + 1, NULL, text, (int32_t)len, 0xFFFD, NULL, &err);
	if (U_FAILURE(err))
		goto done;
	if (unorm2_isNormalized(nfc, src, n16, &err) && U_SUCCESS(err)) {
		out = dyad_arena_strndup(arena, text, len);
		*out_len = len;
		goto done;
	}
	err = U_ZERO_ERROR;
	/* NFC never grows a string by more than a factor of 3 in UTF-16. */
	int32_t cap = n16 * 3 + 1;
	dst_size = (size_t)cap * sizeof(UChar);
	dst = dyad__pages_alloc(dst_size);
	if (!dst)
		goto done;
	int32_t n_nfc = unorm2_normalize(nfc, src, n16, dst, cap, &err);
	if (U_FAILURE(err))
		goto done;
	int32_t n8 = 0;
	u_strToUTF8(NULL, 0, &n8, dst, n_nfc, &err);
	if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err))
		goto done;
	err = U_ZERO_ERROR;
	out = dyad_arena_alloc(arena, (size_t)n8 + 1);
	if (!out)
		goto done;
	u_strToUTF8(out, n8 + 1, NULL, dst, n_nfc, &err);
	if (U_FAILURE(err)) {
		out = NULL;
		goto done;
	}
	*out_len = (size_t)n8;
done:
	dyad__pages_free(src, src_size);
	dyad__pages_free(dst, dst_size);
	return out;
}

/* The end of the run from r of characters clean() keeps as they are:
 * printable ASCII and the two-byte letters from U+00C0 on (the spaces,
 * controls and the soft hyphen of that range all start with 0xC2). */
static size_t kept_char(const unsigned char *s, size_t r, size_t n)
{
	unsigned char c = s[r];
	if (c > ' ' && c < 0x7F)
		return 1;
	return c >= 0xC3 && c <= 0xDF && r + 1 < n && (s[r + 1] & 0xC0) == 0x80 ? 2 : 0;
}

/* ... and inside the run, a single space between two of them: clean()
 * would write it as it is. */
static size_t kept_run(const char *text, size_t r, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t from = r, k;
	while (r < n) {
		if ((k = kept_char(s, r, n)) != 0)
			r += k;
		else if (s[r] == ' ' && r > from && r + 1 < n && kept_char(s, r + 1, n))
			r++;
		else
			break;
	}
	return r;
}

/* In place: spaces, line ends, invisibles; the text only ever shrinks. */
static size_t clean(char *s, size_t n)
{
	size_t r = 0, w = 0;
	int pending_space = 0;
	while (r < n) {
		size_t k = kept_run(s, r, n);
		if (k > r) { /* most of the text: moved in one piece, if at all */
			if (pending_space && w > 0 && s[w - 1] != '\n')
				s[w++] = ' ';
			pending_space = 0;
			if (w != r)
				memmove(s + w, s + r, k - r);
			w += k - r;
			r = k;
			continue;
		}
		size_t at = r;
		uint32_t cp = dyad_utf8_next(s, n, &r);
		if (cp == '\r') {
			if (r < n && s[r] == '\n')
				continue;
			cp = '\n';
		}
		if (is_invisible(cp))
			continue;
		if (cp == ' ' || is_space_like(cp) || (cp < 0x20 && cp != '\n') ||
		    (cp >= 0x7F && cp < 0xA0)) {
			pending_space = 1;
			continue;
		}
		if (cp == '\n') {
			/* trailing spaces of a line are dropped */
			pending_space = 0;
			s[w++] = '\n';
			continue;
		}
		if (pending_space && w > 0 && s[w - 1] != '\n')
			s[w++] = ' ';
		pending_space = 0;
		while (at < r) /* w <= at: a forward copy is safe */
			s[w++] = s[at++];
	}
	s[w] = '\0';
	return w;
}

static dyad_status split_lines(struct dyad__work *w)
{
	size_t start = 0;
	while (start <= w->len) {
		const char *nl = memchr(w->text + start, '\n', w->len - start);
		size_t end = nl ? (size_t)(nl - w->text) : w->len;
		struct dyad__line *line = DYAD_WORK_PUSH_SCRATCH(w, lines);
		if (!line)
			return DYAD_ENOMEM;
		size_t a = start, b = end;
		while (a < b && w->text[a] == ' ')
			a++;
		line->start = (uint32_t)a;
		line->end = (uint32_t)b;
		if (a == b)
			line->flags |= DYAD_LINE_BLANK;
		if (!nl)
			break;
		start = end + 1;
	}
	return DYAD_OK;
}

dyad_status dyad__normalise(struct dyad__work *w, const char *text, size_t len)
{
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (len > UINT32_MAX / 4)
		return DYAD_ETOOBIG;
	size_t n = 0;
	char *s = to_nfc(w->arena, text, len, &n);
	if (!s)
		return DYAD_ENOMEM;
	w->text = s;
	w->len = clean(s, n);
	return split_lines(w);
}
