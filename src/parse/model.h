/*
 * model.h - the file a trained grammar model lives in: named sections of
 * bytes, each 64-byte aligned, used where they were read.
 *
 *     "DYADGRAM" | version u32 | n_sections u32 | checksum u64 | reserved u64
 *     n_sections x { tag char[8] | offset u64 | size u64 }
 *     payloads
 *
 * Little-endian, as every machine dyad runs on; the reader refuses a file
 * of the wrong byte order, version, checksum (of everything after the
 * header) or with a section outside the file. What a section holds is its
 * owner's business (weights tables, lexicons, names).
 */
#ifndef DYAD_PARSE_MODEL_H
#define DYAD_PARSE_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "dyad.h"

#define DYAD_MODEL_VERSION 1
#define DYAD_MODEL_MAX_SECTIONS 32
#define DYAD_MODEL_TAG_BYTES 8

/* ---- writing ----------------------------------------------------------- */

struct dyad__model_writer {
	char tags[DYAD_MODEL_MAX_SECTIONS][DYAD_MODEL_TAG_BYTES];
	struct dyad_buf data[DYAD_MODEL_MAX_SECTIONS];
	size_t n;
};

void dyad__model_writer_init(struct dyad__model_writer *w);
void dyad__model_writer_release(struct dyad__model_writer *w);

/* A new empty section named tag (at most 8 bytes); the buffer to fill, owned
 * by the writer. NULL when there are DYAD_MODEL_MAX_SECTIONS already. */
struct dyad_buf *dyad__model_writer_section(struct dyad__model_writer *w, const char *tag);

/* Write the file (through a temporary name, then renamed). DYAD_EIO with
 * errmsg naming the path, or the first error of a section's buffer. */
dyad_status dyad__model_writer_save(const struct dyad__model_writer *w, const char *path,
                                    char *errmsg);

/* ---- reading ----------------------------------------------------------- */

struct dyad__model_file {
	void *data;  /* the whole file, 64-byte aligned (sections are too) */
	void *block; /* the allocation holding it, owned */
	size_t len;
	uint32_t n_sections;
};

/* Read and check the file at path into *f (release with
 * dyad__model_file_release). DYAD_ENOENT, DYAD_EIO, DYAD_EDATA (errmsg
 * says what is wrong with which file), DYAD_ENOMEM. */
dyad_status dyad__model_file_read(const char *path, struct dyad__model_file *f, char *errmsg);
void dyad__model_file_release(struct dyad__model_file *f);

/* The section named tag: 1 with *p, *len set (into f->data), 0 if absent. */
int dyad__model_file_section(const struct dyad__model_file *f, const char *tag,
                             const void **p, size_t *len);

/* The checksum the header holds, of len bytes at p. */
uint64_t dyad__model_checksum(const void *p, size_t len);

#endif
