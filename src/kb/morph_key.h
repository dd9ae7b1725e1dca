/*
 * morph_key.h - the dictionary's key alphabet. pymorphy2's DAWGs as az ships
 * them spell keys in Windows-1251, one byte per letter, so a form is turned
 * into lower-case 1251 bytes once and every walk steps a byte per letter;
 * lemmas are turned back into UTF-8 with the letter case UD asks for.
 */
#ifndef DYAD_KB_MORPH_KEY_H
#define DYAD_KB_MORPH_KEY_H

#include <stddef.h>
#include <stdint.h>

/* The longest form looked up, in letters; longer ones are no words. */
#define DYAD__MORPH_MAX_KEY 64

/* The 1251 bytes of the two letters a lookup may exchange (е may stand for ё). */
#define DYAD__KEY_YE 0xE5u
#define DYAD__KEY_YO 0xB8u

/* What the letter case of a form was. */
enum dyad__key_shape {
	DYAD__KEY_FIRST_UPPER = 1 << 0, /* the first letter is upper case */
	DYAD__KEY_ALL_UPPER = 1 << 1,   /* every letter is (two or more letters) */
	DYAD__KEY_HAS_LETTER = 1 << 2,  /* at least one letter of the alphabet */
};

/*
 * Encode the UTF-8 form (s, len) as lower-case 1251 bytes into key (cap
 * bytes); *shape (may be NULL) gets enum dyad__key_shape flags, *upper (may
 * be NULL) bit i set when byte i was an upper-case letter (63: any from 63
 * on). Returns the key's length, or 0 when a character has no 1251 byte,
 * the form is malformed, empty or longer than cap.
 */
size_t dyad__key_encode(const char *s, size_t len, uint8_t *key, size_t cap, unsigned *shape,
                        uint64_t *upper);

/*
 * Write the 1251 bytes (key, n) as UTF-8 into out (cap bytes, no NUL), the
 * letter at byte i in upper case when bit i of upper is set (bit 63 stands
 * for every byte from 63 on). Returns the bytes written, or SIZE_MAX when
 * they do not fit.
 */
size_t dyad__key_decode(const uint8_t *key, size_t n, uint64_t upper, char *out, size_t cap);

/* 1 when the 1251 byte c is a letter (Latin or Cyrillic). */
int dyad__key_is_letter(uint8_t c);

#endif
