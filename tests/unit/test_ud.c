/*
 * test_ud.c - the Universal Dependencies inventory: tags, feature bundles
 * and relation labels read and written as CoNLL-U spells them.
 */
#include <string.h>

#include "kb/ud.h"
#include "testlib.h"

TEST(upos_names_round_trip)
{
	for (unsigned u = 1; u < DYAD_N_UPOS; u++) {
		const char *name = dyad_upos_name((enum dyad_upos)u);
		CHECK_INT_EQ(dyad_upos_parse(name, strlen(name)), u);
	}
	CHECK_INT_EQ(dyad_upos_parse("NOUNS", 5), DYAD_UPOS_NONE);
	CHECK_STR_EQ(dyad_upos_name(DYAD_UPOS_NONE), "_");
}

TEST(feature_fields_do_not_overlap)
{
	uint64_t seen = 0;
	for (unsigned f = 0; f < DYAD_N_UD_FEATS; f++) {
		uint64_t mask = dyad_ud_feat_mask((enum dyad_ud_feat)f);
		CHECK(mask != 0);
		CHECK((seen & mask) == 0);
		seen |= mask;
		/* every value fits its field */
		unsigned n = dyad_ud_feat_n_values((enum dyad_ud_feat)f);
		uint64_t b = dyad_ud_feat_set(0, (enum dyad_ud_feat)f, n);
		CHECK_INT_EQ(dyad_ud_feat_get(b, (enum dyad_ud_feat)f), n);
	}
}

TEST(feats_parse_and_format_in_alphabetical_order)
{
	uint64_t b;
	size_t unknown = 0;
	const char *in = "Number=Sing|Case=Gen|Animacy=Anim|Gender=Masc";
	CHECK_INT_EQ(dyad_ud_feats_parse(in, strlen(in), &b, &unknown), DYAD_OK);
	CHECK_INT_EQ(unknown, 0);
	CHECK_INT_EQ(dyad_ud_feat_get(b, DYAD_FEAT_Case), 2); /* Gen */
	char buf[128];
	dyad_ud_feats_format(b, buf, sizeof buf);
	CHECK_STR_EQ(buf, "Animacy=Anim|Case=Gen|Gender=Masc|Number=Sing");
	CHECK_INT_EQ(dyad_ud_feats_parse("_", 1, &b, NULL), DYAD_OK);
	CHECK(b == 0);
	dyad_ud_feats_format(b, buf, sizeof buf);
	CHECK_STR_EQ(buf, "_");
}

TEST(feats_keep_known_values_and_count_the_rest)
{
	uint64_t b;
	size_t unknown = 0;
	const char *in = "Cxn=Foo|Person=3|Case=Acc,Nom|Mood=Weird";
	CHECK_INT_EQ(dyad_ud_feats_parse(in, strlen(in), &b, &unknown), DYAD_OK);
	CHECK_INT_EQ(unknown, 2);
	CHECK_STR_EQ(dyad_ud_feat_value_name(DYAD_FEAT_Person, dyad_ud_feat_get(b, DYAD_FEAT_Person)), "3");
	CHECK_STR_EQ(dyad_ud_feat_value_name(DYAD_FEAT_Case, dyad_ud_feat_get(b, DYAD_FEAT_Case)), "Acc");
	CHECK_INT_EQ(dyad_ud_feats_parse("Case", 4, &b, NULL), DYAD_EFORMAT);
	CHECK_INT_EQ(dyad_ud_feats_parse("Case=", 5, &b, NULL), DYAD_EFORMAT);
}

TEST(format_reports_the_length_it_needs)
{
	uint64_t b = dyad_ud_feat_set(0, DYAD_FEAT_Typo, 1);
	char small[4];
	size_t need = dyad_ud_feats_format(b, small, sizeof small);
	CHECK_INT_EQ(need, strlen("Typo=Yes"));
	CHECK_STR_EQ(small, "Typ");
}

TEST(deprels_fall_back_to_their_universal_relation)
{
	CHECK_INT_EQ(dyad_deprel_parse("nsubj:pass", 10), DYAD_DEPREL_NSUBJ_PASS);
	CHECK_INT_EQ(dyad_deprel_parse("obl:arg", 7), DYAD_DEPREL_OBL);
	CHECK_INT_EQ(dyad_deprel_parse("bogus", 5), DYAD_DEPREL_NONE);
	CHECK_INT_EQ(dyad_deprel_universal(DYAD_DEPREL_NSUBJ_PASS), DYAD_DEPREL_NSUBJ);
	CHECK_INT_EQ(dyad_deprel_universal(DYAD_DEPREL_OBJ), DYAD_DEPREL_OBJ);
	CHECK_STR_EQ(dyad_deprel_name(DYAD_DEPREL_ACL_RELCL), "acl:relcl");
	for (unsigned r = 1; r < DYAD_N_DEPRELS; r++) {
		const char *name = dyad_deprel_name((enum dyad_deprel)r);
		CHECK_INT_EQ(dyad_deprel_parse(name, strlen(name)), r);
	}
}

int main(void)
{
	RUN(upos_names_round_trip);
	RUN(feature_fields_do_not_overlap);
	RUN(feats_parse_and_format_in_alphabetical_order);
	RUN(feats_keep_known_values_and_count_the_rest);
	RUN(format_reports_the_length_it_needs);
	RUN(deprels_fall_back_to_their_universal_relation);
	return testlib_done();
}
