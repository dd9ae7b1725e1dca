/*
 * fuzzlib.h - what the libFuzzer targets of tests/fuzz share: a scratch
 * file for the readers that take a path (in /dev/shm when there is one, so
 * an execution costs no disk write).
 *
 * Every target is built and run by `make fuzz` (FUZZ_SECONDS each) and for
 * 10 seconds each by `make check`, with clang, ASan and UBSan; see
 * tests/fuzz/run. Seeds are in tests/fuzz/seeds/NAME/, written for dyad.
 */
#ifndef DYAD_FUZZLIB_H
#define DYAD_FUZZLIB_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Write (data, size) to this process's scratch file named by suffix (the
 * extension some readers look at); its path, valid until the next call. */
static inline const char *fuzz_write_tmp(const uint8_t *data, size_t size,
                                         const char *suffix)
{
	static char path[256];
	const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	snprintf(path, sizeof path, "%s/dyad-fuzz-%ld%s", dir, (long)getpid(), suffix);
	FILE *f = fopen(path, "wb");
	if (!f)
		abort(); /* the machine, not the code under test */
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	return path;
}

#endif
