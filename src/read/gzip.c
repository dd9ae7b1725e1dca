/*
 * gzip.c - inflating gzip data with zlib, capped (see gzip.h).
 *
 * Sits under source.c: the reader never sees compressed bytes. zlib's own
 * allocations go through dyad__malloc so that one out-of-memory policy holds.
 */
#include "read/gzip.h"

#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "core/alloc.h"

/* windowBits for inflateInit2: 15 (largest window) + 32 (gzip or zlib header). */
#define GZIP_WINDOW_BITS (15 + 32)
/* Chunk of inflated output that dyad__gunzip_buf asks for at a time. */
#define GZIP_BUF_CHUNK ((size_t)64 << 10)

static const unsigned char gzip_magic[DYAD_GZIP_MAGIC_LEN] = {0x1F, 0x8B};

int dyad__gzip_magic(const void *bytes, size_t len)
{
	return len >= DYAD_GZIP_MAGIC_LEN &&
	       memcmp(bytes, gzip_magic, DYAD_GZIP_MAGIC_LEN) == 0;
}

static voidpf zalloc_cb(voidpf opaque, uInt items, uInt size)
{
	(void)opaque;
	return dyad__calloc(items, size);
}

static void zfree_cb(voidpf opaque, voidpf ptr)
{
	(void)opaque;
	dyad__free(ptr);
}

dyad_status dyad__gunzip_init(struct dyad__gunzip *gz)
{
	gz->at_member_end = 0;
	gz->in_garbage = 0;
	gz->total_out = 0;
	z_stream *zs = dyad__calloc(1, sizeof *zs);
	gz->zs = zs;
	if (!zs)
		return DYAD_ENOMEM;
	zs->zalloc = zalloc_cb;
	zs->zfree = zfree_cb;
	if (inflateInit2(zs, GZIP_WINDOW_BITS) != Z_OK) {
		dyad__free(zs);
		gz->zs = NULL;
		return DYAD_ENOMEM;
	}
	return DYAD_OK;
}

void dyad__gunzip_end(struct dyad__gunzip *gz)
{
	if (gz->zs) {
		inflateEnd(gz->zs);
		dyad__free(gz->zs);
		gz->zs = NULL;
	}
}

static dyad_status corrupt(char *errmsg, const char *why)
{
	int n = snprintf(errmsg, DYAD_ERRMSG_MAX, "corrupt gzip data: %s",
	                 why ? why : "unknown error");
	(void)n;
	return DYAD_EGZIP;
}

dyad_status dyad__gunzip_step(struct dyad__gunzip *gz, const void *in,
                              size_t in_len, size_t *consumed, void *out,
                              size_t out_cap, size_t *produced, char *errmsg)
{
	z_stream *zs = gz->zs;
	*consumed = 0;
	*produced = 0;
	if (!zs)
		return DYAD_ENOMEM;
	if (gz->in_garbage) {
		/* Everything after trailing garbage is garbage too, wherever the
		 * chunks that bring it happen to start. */
		*consumed = in_len;
		return DYAD_OK;
	}
	if (gz->at_member_end) {
		if (in_len == 0)
			return DYAD_OK;
		/* A lone first magic byte at the end of a chunk: wait for more. */
		if (in_len < DYAD_GZIP_MAGIC_LEN &&
		    ((const unsigned char *)in)[0] == gzip_magic[0])
			return DYAD_OK;
		if (!dyad__gzip_magic(in, in_len)) {
			/* Trailing garbage after the last member: ignored, as gzip does. */
			gz->in_garbage = 1;
			*consumed = in_len;
			return DYAD_OK;
		}
		if (inflateReset(zs) != Z_OK)
			return corrupt(errmsg, zs->msg);
		gz->at_member_end = 0;
	}
	/* zlib counts in uInt; feed at most that much per call. */
	uInt avail_in = in_len > UINT32_MAX ? UINT32_MAX : (uInt)in_len;
	uInt avail_out = out_cap > UINT32_MAX ? UINT32_MAX : (uInt)out_cap;
	zs->next_in = (Bytef *)(uintptr_t)in;
	zs->avail_in = avail_in;
	zs->next_out = out;
	zs->avail_out = avail_out;
	int rc = inflate(zs, Z_NO_FLUSH);
	*consumed = avail_in - zs->avail_in;
	*produced = avail_out - zs->avail_out;
	gz->total_out += *produced;
	switch (rc) {
	case Z_OK:
	case Z_BUF_ERROR: /* no progress possible: needs more input or room */
		return DYAD_OK;
	case Z_STREAM_END:
		gz->at_member_end = 1;
		return DYAD_OK;
	case Z_MEM_ERROR:
		return DYAD_ENOMEM;
	case Z_NEED_DICT:
		return corrupt(errmsg, "needs a preset dictionary");
	default:
		return corrupt(errmsg, zs->msg);
	}
}

dyad_status dyad__gunzip_finish(const struct dyad__gunzip *gz, char *errmsg)
{
	if (gz->at_member_end)
		return DYAD_OK;
	int n = snprintf(errmsg, DYAD_ERRMSG_MAX, "truncated gzip data");
	(void)n;
	return DYAD_EGZIP;
}

dyad_status dyad__gunzip_buf(const void *in, size_t in_len,
                             struct dyad_buf *out, char *errmsg)
{
	struct dyad__gunzip gz;
	dyad_status st = dyad__gunzip_init(&gz);
	const unsigned char *p = in;
	while (st == DYAD_OK) {
		if (in_len == 0) {
			st = dyad__gunzip_finish(&gz, errmsg);
			break;
		}
		size_t want = GZIP_BUF_CHUNK;
		if (out->cap && want > out->cap - out->len)
			want = out->cap - out->len;
		st = dyad_buf_reserve(out, want);
		if (st != DYAD_OK)
			break;
		/* room may be 0 at the cap: zlib can still read a member's trailer. */
		size_t room = want;
		size_t used = 0, made = 0;
		st = dyad__gunzip_step(&gz, p, in_len, &used, out->data + out->len,
		                       room, &made, errmsg);
		if (st != DYAD_OK)
			break;
		p += used;
		in_len -= used;
		out->len += made;
		out->data[out->len] = '\0';
		if (used == 0 && made == 0) {
			if (room == 0)
				st = DYAD_ETOOBIG;
			else
				st = dyad__gunzip_finish(&gz, errmsg);
			break;
		}
	}
	dyad__gunzip_end(&gz);
	return st;
}
