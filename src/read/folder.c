/*
 * folder.c - depth-first folder walking in byte-wise name order
 * (see folder.h).
 *
 * Each folder on the way down is one frame holding its sorted entry names;
 * a frame is read whole when it is entered, so the walk never keeps a
 * directory handle open and never depends on readdir's order.
 */
#include "read/folder.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/alloc.h"
#include "core/vec.h"

struct dyad__walk_frame {
	char *dir;      /* heap */
	dev_t dev;      /* which folder this is, to see link loops */
	ino_t ino;
	char **names;   /* heap, each heap */
	size_t n_names, names_cap;
	size_t next;
};

void dyad__walk_init(struct dyad__walk *walk)
{
	walk->frames = NULL;
	walk->n_frames = 0;
	walk->frames_cap = 0;
}

static void frame_release(struct dyad__walk_frame *frame)
{
	for (size_t i = 0; i < frame->n_names; i++)
		dyad__free(frame->names[i]);
	dyad__free(frame->names);
	dyad__free(frame->dir);
}

static int compare_names(const void *a, const void *b)
{
	/* strcmp compares as unsigned char: byte-wise order, whatever the locale */
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static dyad_status errno_message(char *errmsg, const char *what, int err)
{
	int n = snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: %s", what, strerror(err));
	(void)n;
	return err == ENOENT ? DYAD_ENOENT : DYAD_EIO;
}

/* Read the names in dir (without dot-names) into frame, sorted. */
static dyad_status read_names(struct dyad__walk_frame *frame, const char *dir,
                              char *errmsg)
{
	DIR *d = opendir(dir);
	if (!d)
		return errno_message(errmsg, "cannot read folder", errno);
	dyad_status st = DYAD_OK;
	for (;;) {
		errno = 0;
		struct dirent *ent = readdir(d);
		if (!ent) {
			if (errno)
				st = errno_message(errmsg, "cannot read folder", errno);
			break;
		}
		if (ent->d_name[0] == '.')
			continue;
		char **slot = DYAD_VEC_PUSH(&frame->names, &frame->n_names,
		                            &frame->names_cap);
		if (!slot) {
			st = DYAD_ENOMEM;
			break;
		}
		*slot = dyad__strdup(ent->d_name);
		if (!*slot) {
			frame->n_names--;
			st = DYAD_ENOMEM;
			break;
		}
	}
	closedir(d);
	if (st == DYAD_OK && frame->n_names > 1)
		qsort(frame->names, frame->n_names, sizeof *frame->names,
		      compare_names);
	return st;
}

dyad_status dyad__walk_push(struct dyad__walk *walk, const char *dir,
                            char *errmsg)
{
	if (walk->n_frames >= DYAD_WALK_MAX_DEPTH) {
		int n = snprintf(errmsg, DYAD_ERRMSG_MAX,
		                 "folders nested deeper than %d (a link loop?)",
		                 DYAD_WALK_MAX_DEPTH);
		(void)n;
		return DYAD_EIO;
	}
	struct stat info;
	if (stat(dir, &info) != 0)
		return errno_message(errmsg, "cannot read folder", errno);
	for (size_t i = 0; i < walk->n_frames; i++)
		if (walk->frames[i].dev == info.st_dev &&
		    walk->frames[i].ino == info.st_ino) {
			int n = snprintf(errmsg, DYAD_ERRMSG_MAX,
			                 "folder link loop (back to %s)", walk->frames[i].dir);
			(void)n;
			return DYAD_EIO;
		}
	struct dyad__walk_frame frame = {0};
	frame.dev = info.st_dev;
	frame.ino = info.st_ino;
	frame.dir = dyad__strdup(dir);
	dyad_status st = frame.dir ? read_names(&frame, dir, errmsg) : DYAD_ENOMEM;
	if (st == DYAD_OK) {
		struct dyad__walk_frame *slot =
			DYAD_VEC_PUSH(&walk->frames, &walk->n_frames, &walk->frames_cap);
		if (slot)
			*slot = frame;
		else
			st = DYAD_ENOMEM;
	}
	if (st != DYAD_OK)
		frame_release(&frame);
	return st;
}

/* dir + "/" + name on the heap (no doubled '/'). */
static char *join_path(const char *dir, const char *name)
{
	size_t dlen = strlen(dir), nlen = strlen(name);
	int slash = dlen > 0 && dir[dlen - 1] != '/';
	char *path = dyad__malloc(dlen + (size_t)slash + nlen + 1);
	if (!path)
		return NULL;
	memcpy(path, dir, dlen);
	if (slash)
		path[dlen] = '/';
	memcpy(path + dlen + (size_t)slash, name, nlen + 1);
	return path;
}

/* What an entry that is neither a file nor a folder is, for the message. */
static const char *kind_name(mode_t mode)
{
	if (S_ISFIFO(mode))
		return "a FIFO (named pipe)";
	if (S_ISSOCK(mode))
		return "a socket";
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	return "an entry of unknown type";
}

dyad_status dyad__walk_next(struct dyad__walk *walk, char **path,
                            char *errmsg)
{
	*path = NULL;
	while (walk->n_frames > 0) {
		struct dyad__walk_frame *top = &walk->frames[walk->n_frames - 1];
		if (top->next == top->n_names) {
			frame_release(top);
			walk->n_frames--;
			continue;
		}
		char *found = join_path(top->dir, top->names[top->next++]);
		if (!found)
			return DYAD_ENOMEM;
		struct stat st;
		if (stat(found, &st) != 0) {
			*path = found;
			if (errno == ENOENT) {
				int n = snprintf(errmsg, DYAD_ERRMSG_MAX,
				                 "no such file or folder (a dangling link?)");
				(void)n;
				return DYAD_ENOENT;
			}
			return errno_message(errmsg, "cannot read", errno);
		}
		if (S_ISREG(st.st_mode)) {
			*path = found;
			return DYAD_OK;
		}
		if (!S_ISDIR(st.st_mode)) {
			/* Never opened (a FIFO would block the walk), but named. */
			*path = found;
			int n = snprintf(errmsg, DYAD_ERRMSG_MAX, "skipped: %s, not a regular file",
			                 kind_name(st.st_mode));
			(void)n;
			return DYAD_EINVAL;
		}
		/* push may move the frames: `top` is not used after it */
		dyad_status rc = dyad__walk_push(walk, found, errmsg);
		if (rc == DYAD_ENOMEM) {
			dyad__free(found);
			return rc;
		}
		if (rc != DYAD_OK) {
			*path = found;
			return rc;
		}
		dyad__free(found);
	}
	return DYAD_DONE;
}

void dyad__walk_release(struct dyad__walk *walk)
{
	for (size_t i = 0; i < walk->n_frames; i++)
		frame_release(&walk->frames[i]);
	dyad__free(walk->frames);
	dyad__walk_init(walk);
}
