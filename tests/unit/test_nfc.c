/*
 * test_nfc.c - the characters text/normalise.c takes as NFC without asking
 * ICU (nfc_already) are starters that never compose: NFC quick check "yes"
 * and canonical combining class 0, as ICU says; and a text made of them
 * comes out of the pipeline as it went in.
 */
#include <string.h>
#include <unicode/unorm2.h>

#include "dyad.h"
#include "testdoc.h"
#include "testlib.h"

/* cp (of the BMP) is a starter that NFC keeps and never composes. */
static int stable(const UNormalizer2 *nfc, UChar32 cp)
{
	UChar u = (UChar)cp;
	UErrorCode err = U_ZERO_ERROR;
	return unorm2_getCombiningClass(nfc, cp) == 0 &&
	       unorm2_quickCheck(nfc, &u, 1, &err) == UNORM_YES && U_SUCCESS(err);
}

TEST(the_fast_ranges_are_stable_starters)
{
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
	CHECK(U_SUCCESS(err));
	static const struct { UChar32 from, to; } ranges[] = {
		{0x0000, 0x02FF}, {0x0400, 0x0482}, {0x048A, 0x04FF}, {0x2010, 0x2027},
	};
	for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)
		for (UChar32 cp = ranges[r].from; cp <= ranges[r].to; cp++)
			if (!stable(nfc, cp))
				TESTLIB_FAIL("U+%04X is taken as NFC but is not a stable starter", (unsigned)cp);
	/* and what is left out is left out for a reason */
	CHECK(!stable(nfc, 0x0300));
	CHECK(!stable(nfc, 0x0483));
}

TEST(text_in_those_ranges_keeps_its_bytes)
{
	dyad_engine *engine = testdoc_engine();
	CHECK(engine != NULL);
	if (!engine)
		return;
	const char *text = "Президент — «Ёлка» ёж; café Ærø, “quoted” – done…";
	struct dyad_doc *doc = testdoc_extract(engine, "a.txt", text);
	CHECK(doc && doc->text && strcmp(doc->text, text) == 0);
	dyad_doc_free(doc);
	/* decomposed й (и + U+0306) is composed, as ICU does */
	doc = testdoc_extract(engine, "b.txt", "\xD0\xB8\xCC\x86");
	CHECK(doc && doc->text && strcmp(doc->text, "\xD0\xB9") == 0);
	dyad_doc_free(doc);
	dyad_engine_free(engine);
}

int main(void)
{
	RUN(the_fast_ranges_are_stable_starters);
	RUN(text_in_those_ranges_keeps_its_bytes);
	return testlib_done();
}
