/*
 * shim_diskfail.c - an LD_PRELOAD library for store_failures.sh: writes to
 * files whose path contains $DYAD_SHIM_PATH succeed until $DYAD_SHIM_BYTES
 * bytes have been written to them, then fail with $DYAD_SHIM_ERRNO
 * ("ENOSPC", a full disk, or "EIO", a failing one). A CI machine has no
 * small file system to fill and no root to make one, and SQLite reaches
 * the disk only through these calls, so this is the failure it would see.
 *
 * Built by the test: cc -shared -fPIC -o shim.so shim_diskfail.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static long long budget = -1; /* bytes still allowed; -1 before the first call */

/* 1 when fd is a file of the database under test. */
static int watched(int fd)
{
	const char *want = getenv("DYAD_SHIM_PATH");
	char link[64], path[4096];
	if (!want || !*want)
		return 0;
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, path, sizeof path - 1);
	if (n <= 0)
		return 0;
	path[n] = '\0';
	return strstr(path, want) != NULL;
}

/* 0 when a write of n bytes to fd may go ahead, else -1 with errno set. */
static int allow(int fd, size_t n)
{
	if (budget == -1) {
		const char *b = getenv("DYAD_SHIM_BYTES");
		budget = b ? atoll(b) : 0;
	}
	if (!watched(fd))
		return 0;
	if ((long long)n <= budget) {
		budget -= (long long)n;
		return 0;
	}
	const char *e = getenv("DYAD_SHIM_ERRNO");
	errno = e && strcmp(e, "EIO") == 0 ? EIO : ENOSPC;
	return -1;
}

ssize_t write(int fd, const void *buf, size_t n)
{
	static ssize_t (*real)(int, const void *, size_t);
	if (!real)
		real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
	if (allow(fd, n) != 0)
		return -1;
	return real(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	static ssize_t (*real)(int, const void *, size_t, off_t);
	if (!real)
		real = (ssize_t (*)(int, const void *, size_t, off_t))dlsym(RTLD_NEXT, "pwrite");
	if (allow(fd, n) != 0)
		return -1;
	return real(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
	static ssize_t (*real)(int, const void *, size_t, off_t);
	if (!real)
		real = (ssize_t (*)(int, const void *, size_t, off_t))dlsym(RTLD_NEXT, "pwrite64");
	if (allow(fd, n) != 0)
		return -1;
	return real(fd, buf, n, off);
}
