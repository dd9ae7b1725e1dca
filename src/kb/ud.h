/*
 * ud.h - the Universal Dependencies inventory: part-of-speech tags,
 * morphological features and dependency relations as dyad represents them.
 *
 * Every stage that reads grammar (the Russian dictionary, the tagger, the
 * parser, the event coder) speaks this one vocabulary, so it sits in kb/,
 * below all of them. The inventory is the UD standard itself
 * (https://universaldependencies.org/u/), not a language's knowledge: what a
 * language does with it lives in data/ and in the trained models.
 *
 * Features are packed into one uint64_t: each category owns a fixed bit field
 * (its width and position come from the table in ud.c) holding 0 for "not
 * set" or 1 + the index of its value. Two bundles compare with ==, a category
 * is read or written with dyad_ud_feat_get/set.
 */
#ifndef DYAD_KB_UD_H
#define DYAD_KB_UD_H

#include <stddef.h>
#include <stdint.h>

#include "dyad.h"

/* ---- universal part-of-speech tags ------------------------------------ */

/* The parameter is T, not X: one of the tags is X. */
#define DYAD_UD_UPOS_MAP(T)                                                   \
	T(ADJ) T(ADP) T(ADV) T(AUX) T(CCONJ) T(DET) T(INTJ) T(NOUN) T(NUM)       \
	T(PART) T(PRON) T(PROPN) T(PUNCT) T(SCONJ) T(SYM) T(VERB) T(X)

enum dyad_upos {
	DYAD_UPOS_NONE = 0, /* not tagged */
#define DYAD__UPOS_ENUM(name) DYAD_UPOS_##name,
	DYAD_UD_UPOS_MAP(DYAD__UPOS_ENUM)
#undef DYAD__UPOS_ENUM
	DYAD_N_UPOS
};

/* "NOUN" for DYAD_UPOS_NOUN, "_" for DYAD_UPOS_NONE or an unknown value. */
const char *dyad_upos_name(enum dyad_upos upos);

/* The tag named by (s, len), or DYAD_UPOS_NONE when it is not a UD tag. */
enum dyad_upos dyad_upos_parse(const char *s, size_t len);

/* ---- morphological features -------------------------------------------- */

/*
 * X(Category, bits, "Value1", "Value2", ...) in the order of their bit fields.
 * A field of b bits holds up to 2^b - 1 values. Categories and values are
 * UD's spelling; the lists cover what the English and Russian treebanks and
 * the OpenCorpora mapping use.
 */
#define DYAD_UD_FEAT_MAP(X)                                                   \
	X(Case, 4, "Nom", "Gen", "Dat", "Acc", "Ins", "Loc", "Voc", "Par", "Abl", "Ess")                     \
	X(PronType, 4, "Prs", "Art", "Dem", "Int", "Rel", "Ind", "Neg", "Tot", "Emp", "Rcp", "Exc")             \
	X(NameType, 4, "Giv", "Sur", "Pat", "Geo", "Prs", "Com", "Pro", "Oth", "Zoo", "Nat")                 \
	X(ExtPos, 4, "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "PART", "PRON", "PROPN", "SCONJ", "VERB") \
	X(VerbForm, 3, "Fin", "Inf", "Part", "Conv", "Ger", "Vnoun")                             \
	X(Mood, 3, "Ind", "Imp", "Cnd", "Sub")                                             \
	X(NumType, 3, "Card", "Ord", "Mult", "Frac", "Sets")                                  \
	X(NumForm, 3, "Digit", "Word", "Roman", "Combi")                                   \
	X(Style, 3, "Arch", "Coll", "Expr", "Slng", "Vrnc", "Rare")                              \
	X(Number, 2, "Sing", "Plur", "Ptan")                                            \
	X(Gender, 2, "Masc", "Fem", "Neut")                                             \
	X(Animacy, 2, "Anim", "Inan")                                                \
	X(Voice, 2, "Act", "Pass", "Mid")                                               \
	X(Tense, 2, "Past", "Pres", "Fut")                                              \
	X(Aspect, 2, "Imp", "Perf", "Prog")                                             \
	X(Person, 2, "1", "2", "3")                                                     \
	X(Degree, 2, "Pos", "Cmp", "Sup")                                               \
	X(Definite, 2, "Def", "Ind")                                                 \
	X(Polarity, 2, "Neg", "Pos")                                                 \
	X(Variant, 2, "Short", "Long")                                               \
	X(InflClass, 2, "Ind")                                                    \
	X(Abbr, 1, "Yes")                                                         \
	X(Foreign, 1, "Yes")                                                      \
	X(Poss, 1, "Yes")                                                         \
	X(Reflex, 1, "Yes")                                                       \
	X(Typo, 1, "Yes")

enum dyad_ud_feat {
#define DYAD__FEAT_ENUM(name, bits, ...) DYAD_FEAT_##name,
	DYAD_UD_FEAT_MAP(DYAD__FEAT_ENUM)
#undef DYAD__FEAT_ENUM
	DYAD_N_UD_FEATS
};

/* UD's name of a category ("Case"). */
const char *dyad_ud_feat_name(enum dyad_ud_feat feat);

/* How many values the category has (not counting "not set"). */
unsigned dyad_ud_feat_n_values(enum dyad_ud_feat feat);

/* The name of value v (1-based) of a category, or NULL when out of range. */
const char *dyad_ud_feat_value_name(enum dyad_ud_feat feat, unsigned v);

/* The category named by (s, len); DYAD_N_UD_FEATS when there is none. */
enum dyad_ud_feat dyad_ud_feat_parse(const char *s, size_t len);

/* Value of (s, len) in a category, 1-based; 0 when it is not one of them. */
unsigned dyad_ud_feat_value_parse(enum dyad_ud_feat feat, const char *s, size_t len);

/* The value (0 = not set) of one category in a bundle. */
unsigned dyad_ud_feat_get(uint64_t feats, enum dyad_ud_feat feat);

/* The bundle with one category set to v (0 clears it); v must be in range. */
uint64_t dyad_ud_feat_set(uint64_t feats, enum dyad_ud_feat feat, unsigned v);

/* The bits a category occupies, to compare or mask bundles by category. */
uint64_t dyad_ud_feat_mask(enum dyad_ud_feat feat);

/*
 * Parse a CoNLL-U FEATS column ("Case=Nom|Number=Sing", or "_") into *out.
 * Categories or values outside the inventory are left out and counted in
 * *n_unknown (may be NULL). DYAD_EFORMAT when the text is not "Name=Value"
 * pairs joined by '|'.
 */
dyad_status dyad_ud_feats_parse(const char *s, size_t len, uint64_t *out,
                                size_t *n_unknown);

/*
 * Write a bundle as a CoNLL-U FEATS column, categories in UD's alphabetical
 * order, "_" when empty, into buf (cap bytes, NUL-terminated, truncated when
 * short). Returns the length the full text needs, like snprintf.
 */
size_t dyad_ud_feats_format(uint64_t feats, char *buf, size_t cap);

/* ---- dependency relations ---------------------------------------------- */

/*
 * Universal relations and the subtypes the English and Russian treebanks
 * use. A subtype the inventory lacks is read as its universal relation
 * ("obl:arg" -> obl). DEPREL_NONE is a token without a head yet.
 */
#define DYAD_UD_DEPREL_MAP(X)                                                 \
	X(ACL, "acl") X(ACL_RELCL, "acl:relcl") X(ADVCL, "advcl")                 \
	X(ADVCL_RELCL, "advcl:relcl") X(ADVMOD, "advmod") X(AMOD, "amod")         \
	X(APPOS, "appos") X(AUX, "aux") X(AUX_PASS, "aux:pass") X(CASE, "case")   \
	X(CC, "cc") X(CC_PRECONJ, "cc:preconj") X(CCOMP, "ccomp")                 \
	X(CLF, "clf") X(COMPOUND, "compound") X(COMPOUND_PRT, "compound:prt")     \
	X(CONJ, "conj") X(COP, "cop") X(CSUBJ, "csubj")                           \
	X(CSUBJ_OUTER, "csubj:outer") X(CSUBJ_PASS, "csubj:pass") X(DEP, "dep")   \
	X(DET, "det") X(DET_PREDET, "det:predet") X(DISCOURSE, "discourse")       \
	X(DISLOCATED, "dislocated") X(EXPL, "expl") X(FIXED, "fixed")             \
	X(FLAT, "flat") X(FLAT_FOREIGN, "flat:foreign") X(FLAT_NAME, "flat:name") \
	X(GOESWITH, "goeswith") X(IOBJ, "iobj") X(LIST, "list") X(MARK, "mark")   \
	X(NMOD, "nmod") X(NMOD_DESC, "nmod:desc") X(NMOD_POSS, "nmod:poss")       \
	X(NMOD_TMOD, "nmod:tmod") X(NMOD_UNMARKED, "nmod:unmarked")               \
	X(NSUBJ, "nsubj") X(NSUBJ_OUTER, "nsubj:outer") X(NSUBJ_PASS, "nsubj:pass") \
	X(NUMMOD, "nummod") X(NUMMOD_ENTITY, "nummod:entity")                     \
	X(NUMMOD_GOV, "nummod:gov") X(OBJ, "obj") X(OBL, "obl")                   \
	X(OBL_AGENT, "obl:agent") X(OBL_DEPICT, "obl:depict")                     \
	X(OBL_FLOAT, "obl:float") X(OBL_TMOD, "obl:tmod")                         \
	X(OBL_UNMARKED, "obl:unmarked") X(ORPHAN, "orphan")                       \
	X(PARATAXIS, "parataxis") X(PARATAXIS_DISCOURSE, "parataxis:discourse")   \
	X(PUNCT, "punct") X(REPARANDUM, "reparandum") X(ROOT, "root")             \
	X(VOCATIVE, "vocative") X(XCOMP, "xcomp")

enum dyad_deprel {
	DYAD_DEPREL_NONE = 0,
#define DYAD__DEPREL_ENUM(name, label) DYAD_DEPREL_##name,
	DYAD_UD_DEPREL_MAP(DYAD__DEPREL_ENUM)
#undef DYAD__DEPREL_ENUM
	DYAD_N_DEPRELS
};

/* The label ("nsubj:pass"); "_" for DEPREL_NONE or an unknown value. */
const char *dyad_deprel_name(enum dyad_deprel rel);

/*
 * The relation labelled (s, len): exact label, else the universal part
 * before ':' ("obl:arg" -> OBL); DEPREL_NONE when neither is known.
 */
enum dyad_deprel dyad_deprel_parse(const char *s, size_t len);

/* The universal relation of a subtype (NSUBJ_PASS -> NSUBJ); itself otherwise. */
enum dyad_deprel dyad_deprel_universal(enum dyad_deprel rel);

#endif
