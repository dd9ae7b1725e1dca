/*
 * features.h - what the tagger and the parser see of a word, and how their
 * features become 64-bit keys.
 *
 * Both models are linear over sparse binary features ("the word two to the
 * left is 'the'", "the top of the stack is a NOUN and the next word a VERB").
 * A feature is never spelled out: its template number and its values are
 * mixed into one 64-bit key, which the weight tables look up (a collision
 * between two features of 64 bits is negligible next to training noise). The
 * string parts of a word (its normalised form, affixes, shape) are hashed
 * once per sentence into struct dyad__word_keys, so that building a feature
 * costs a multiply and a few shifts.
 */
#ifndef DYAD_PARSE_FEATURES_H
#define DYAD_PARSE_FEATURES_H

#include <stddef.h>
#include <stdint.h>

/* Affixes of 1..DYAD_AFFIX_MAX characters are features of a word. */
#define DYAD_AFFIX_MAX 4

/* Longest form (bytes) whose normalised spelling is kept; longer are cut. */
#define DYAD_WORD_MAX_BYTES 256

enum dyad__word_flags {
	DYAD_WORD_UPPER_INITIAL = 1 << 0, /* first letter is upper case */
	DYAD_WORD_ALL_UPPER = 1 << 1,     /* two or more letters, all upper case */
	DYAD_WORD_HAS_DIGIT = 1 << 2,
	DYAD_WORD_HAS_HYPHEN = 1 << 3,
	DYAD_WORD_HAS_LETTER = 1 << 4,
	DYAD_WORD_NO_ALNUM = 1 << 5,      /* punctuation, symbols */
};

/* The hashed string attributes of one word. */
struct dyad__word_keys {
	uint64_t form;               /* exact spelling */
	uint64_t norm;               /* lower case, digits as '0' */
	uint64_t prefix[DYAD_AFFIX_MAX]; /* of the lower-case form: 1..4 characters */
	uint64_t suffix[DYAD_AFFIX_MAX];
	uint64_t shape;              /* "Xxxx", "dd.dd", runs of a class cut at 3 */
	unsigned flags;              /* enum dyad__word_flags */
	uint32_t n_chars;            /* code points of the form */
};

/*
 * Fill *keys for the word (form, len) and write its lower-case spelling into
 * lower (DYAD_WORD_MAX_BYTES bytes, NUL-terminated; cut when longer).
 * Returns the length of the lower-case spelling. Allocates nothing.
 */
size_t dyad__word_keys(const char *form, size_t len, struct dyad__word_keys *keys,
                       char *lower);

/* Hash of a byte string (seeded FNV-1a, finished by dyad__mix). */
uint64_t dyad__hash_str(const char *s, size_t len);

/* A strong 64-bit finaliser (MurmurHash3's fmix64). */
static inline uint64_t dyad__mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

/* Key 0 marks an empty slot in the weight tables, so no feature has it. */
static inline uint64_t dyad__nonzero(uint64_t h)
{
	return h ? h : 1;
}

/* The key of template t with one, two or three values: a linear mix of
 * the values by odd constants, then one finaliser. Values are hashes or
 * small integers; two different tuples meet on a key with chance 2^-64. */
static inline uint64_t dyad__fkey1(uint32_t t, uint64_t a)
{
	return dyad__nonzero(dyad__mix(a * 0x9E3779B97F4A7C15ULL + t * 0xD6E8FEB86659FD93ULL));
}

static inline uint64_t dyad__fkey2(uint32_t t, uint64_t a, uint64_t b)
{
	return dyad__nonzero(dyad__mix(a * 0x9E3779B97F4A7C15ULL + b * 0xC2B2AE3D27D4EB4FULL +
	                               t * 0xD6E8FEB86659FD93ULL));
}

static inline uint64_t dyad__fkey3(uint32_t t, uint64_t a, uint64_t b, uint64_t c)
{
	return dyad__nonzero(dyad__mix(a * 0x9E3779B97F4A7C15ULL + b * 0xC2B2AE3D27D4EB4FULL +
	                               c * 0x165667B19E3779F9ULL + t * 0xD6E8FEB86659FD93ULL));
}

#endif
