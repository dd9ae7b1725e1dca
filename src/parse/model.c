/*
 * model.c - the sectioned model file (see model.h).
 *
 * Loading is one read into one allocation and a checksum pass, so a model
 * of tens of megabytes is ready in milliseconds; the owners of sections
 * then point into that memory.
 */
#include "parse/model.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "core/alloc.h"

#define MAGIC "DYADGRAM"
#define ALIGN 64
#define BYTE_ORDER_MARK 0x01020304u

struct file_header {
	char magic[8];
	uint32_t version, n_sections;
	uint64_t checksum;
	uint32_t byte_order, reserved;
};

struct section_entry {
	char tag[DYAD_MODEL_TAG_BYTES];
	uint64_t offset, size;
};

void dyad__model_writer_init(struct dyad__model_writer *w)
{
	memset(w, 0, sizeof *w);
}

void dyad__model_writer_release(struct dyad__model_writer *w)
{
	for (size_t i = 0; i < w->n; i++)
		dyad_buf_release(&w->data[i]);
	w->n = 0;
}

struct dyad_buf *dyad__model_writer_section(struct dyad__model_writer *w, const char *tag)
{
	if (w->n == DYAD_MODEL_MAX_SECTIONS)
		return NULL;
	memset(w->tags[w->n], 0, DYAD_MODEL_TAG_BYTES);
	size_t len = strlen(tag);
	memcpy(w->tags[w->n], tag, len < DYAD_MODEL_TAG_BYTES ? len : DYAD_MODEL_TAG_BYTES);
	dyad_buf_init(&w->data[w->n], 0);
	return &w->data[w->n++];
}

uint64_t dyad__model_checksum(const void *p, size_t len)
{
	const unsigned char *s = p;
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ len;
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t v;
		memcpy(&v, s + i, 8);
		h = (h ^ v) * 0xff51afd7ed558ccdULL;
		h ^= h >> 29;
	}
	for (; i < len; i++)
		h = (h ^ s[i]) * 0x100000001b3ULL;
	return h ^ (h >> 31);
}

static size_t aligned(size_t n)
{
	return (n + ALIGN - 1) / ALIGN * ALIGN;
}

/* The whole file in memory: header, table, padded payloads. */
static dyad_status layout(const struct dyad__model_writer *w, struct dyad_buf *out)
{
	static const char zeros[ALIGN];
	struct file_header h = {.version = DYAD_MODEL_VERSION, .n_sections = (uint32_t)w->n,
	                        .byte_order = BYTE_ORDER_MARK};
	memcpy(h.magic, MAGIC, 8);
	size_t offset = aligned(sizeof h + w->n * sizeof(struct section_entry));
	dyad_buf_append(out, &h, sizeof h);
	for (size_t i = 0; i < w->n; i++) {
		if (w->data[i].error)
			return w->data[i].error;
		struct section_entry e = {.offset = offset, .size = w->data[i].len};
		memcpy(e.tag, w->tags[i], DYAD_MODEL_TAG_BYTES);
		dyad_buf_append(out, &e, sizeof e);
		offset = aligned(offset + w->data[i].len);
	}
	for (size_t i = 0; i < w->n; i++) {
		dyad_buf_append(out, zeros, aligned(out->len) - out->len);
		if (w->data[i].len)
			dyad_buf_append(out, w->data[i].data, w->data[i].len);
	}
	if (out->error)
		return out->error;
	h.checksum = dyad__model_checksum(out->data + sizeof h, out->len - sizeof h);
	memcpy(out->data, &h, sizeof h);
	return DYAD_OK;
}

dyad_status dyad__model_writer_save(const struct dyad__model_writer *w, const char *path,
                                    char *errmsg)
{
	struct dyad_buf out;
	dyad_buf_init(&out, 0);
	dyad_status st = layout(w, &out);
	char tmp[DYAD_ERRMSG_MAX];
	if (st == DYAD_OK && snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp)
		st = DYAD_EINVAL;
	FILE *f = st == DYAD_OK ? fopen(tmp, "wb") : NULL;
	if (st == DYAD_OK && !f)
		st = DYAD_EIO;
	if (f) {
		if (fwrite(out.data, 1, out.len, f) != out.len)
			st = DYAD_EIO;
		if (fclose(f) != 0)
			st = DYAD_EIO;
		if (st == DYAD_OK && rename(tmp, path) != 0)
			st = DYAD_EIO;
		if (st != DYAD_OK)
			remove(tmp);
	}
	if (st != DYAD_OK && errmsg)
		snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: cannot write the model: %s", path,
		         st == DYAD_EIO ? strerror(errno) : dyad_strerror(st));
	dyad_buf_release(&out);
	return st;
}

/* Ask for huge pages where the system gives them on request: the weight
 * tables are probed at random, and 4 KB pages would cost a TLB miss on
 * most probes. Only advice: nothing changes when it is refused. */
static void huge_pages(void *p, size_t len)
{
#ifdef MADV_HUGEPAGE
	const uintptr_t huge = (uintptr_t)2 << 20;
	uintptr_t start = ((uintptr_t)p + huge - 1) & ~(huge - 1);
	uintptr_t end = ((uintptr_t)p + len) & ~(huge - 1);
	if (end > start)
		madvise((void *)start, end - start, MADV_HUGEPAGE);
#else
	(void)p, (void)len;
#endif
}

static dyad_status bad(char *errmsg, const char *path, const char *what)
{
	if (errmsg)
		snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: not a dyad grammar model: %s", path, what);
	return DYAD_EDATA;
}

static dyad_status check(const struct dyad__model_file *f, const char *path, char *errmsg)
{
	struct file_header h;
	if (f->len < sizeof h)
		return bad(errmsg, path, "too short");
	memcpy(&h, f->data, sizeof h);
	if (memcmp(h.magic, MAGIC, 8) != 0)
		return bad(errmsg, path, "wrong magic bytes");
	if (h.byte_order != BYTE_ORDER_MARK)
		return bad(errmsg, path, "written on a machine of the other byte order");
	if (h.version != DYAD_MODEL_VERSION)
		return bad(errmsg, path, "written by another version of dyad (retrain: make models)");
	if (h.n_sections > DYAD_MODEL_MAX_SECTIONS ||
	    sizeof h + h.n_sections * sizeof(struct section_entry) > f->len)
		return bad(errmsg, path, "section table out of the file");
	const char *base = f->data;
	if (dyad__model_checksum(base + sizeof h, f->len - sizeof h) != h.checksum)
		return bad(errmsg, path, "checksum mismatch (truncated or damaged)");
	for (uint32_t i = 0; i < h.n_sections; i++) {
		struct section_entry e;
		memcpy(&e, base + sizeof h + i * sizeof e, sizeof e);
		if (e.offset % ALIGN || e.offset > f->len || e.size > f->len - e.offset)
			return bad(errmsg, path, "a section lies outside the file");
	}
	return DYAD_OK;
}

dyad_status dyad__model_file_read(const char *path, struct dyad__model_file *f, char *errmsg)
{
	memset(f, 0, sizeof *f);
	FILE *in = fopen(path, "rb");
	if (!in) {
		int e = errno;
		if (errmsg)
			snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: %s", path, strerror(e));
		return e == ENOENT ? DYAD_ENOENT : DYAD_EIO;
	}
	dyad_status st = DYAD_EIO;
	long size = -1;
	if (fseek(in, 0, SEEK_END) == 0 && (size = ftell(in)) >= 0 && fseek(in, 0, SEEK_SET) == 0) {
		f->block = dyad__malloc((size_t)size + ALIGN);
		f->data = f->block ? (char *)f->block + (ALIGN - (uintptr_t)f->block % ALIGN) % ALIGN
		                   : NULL;
		st = f->data ? DYAD_OK : DYAD_ENOMEM;
		if (st == DYAD_OK)
			huge_pages(f->data, (size_t)size);
		if (st == DYAD_OK && fread(f->data, 1, (size_t)size, in) != (size_t)size)
			st = DYAD_EIO;
	}
	fclose(in);
	if (st == DYAD_OK) {
		f->len = (size_t)size;
		st = check(f, path, errmsg);
	} else if (errmsg) {
		snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: cannot read: %s", path, dyad_strerror(st));
	}
	if (st != DYAD_OK) {
		dyad__model_file_release(f);
		return st;
	}
	struct file_header h;
	memcpy(&h, f->data, sizeof h);
	f->n_sections = h.n_sections;
	return DYAD_OK;
}

void dyad__model_file_release(struct dyad__model_file *f)
{
	dyad__free(f->block);
	memset(f, 0, sizeof *f);
}

int dyad__model_file_section(const struct dyad__model_file *f, const char *tag,
                             const void **p, size_t *len)
{
	char want[DYAD_MODEL_TAG_BYTES] = {0};
	size_t tl = strlen(tag);
	memcpy(want, tag, tl < DYAD_MODEL_TAG_BYTES ? tl : DYAD_MODEL_TAG_BYTES);
	const char *base = f->data;
	for (uint32_t i = 0; i < f->n_sections; i++) {
		struct section_entry e;
		memcpy(&e, base + sizeof(struct file_header) + i * sizeof e, sizeof e);
		if (memcmp(e.tag, want, DYAD_MODEL_TAG_BYTES) == 0) {
			*p = base + e.offset;
			*len = (size_t)e.size;
			return 1;
		}
	}
	return 0;
}
