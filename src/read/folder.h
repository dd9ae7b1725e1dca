/*
 * folder.h - walking folders for the read stage.
 *
 * A folder given to the reader stands for every file under it, found
 * depth-first with the entries of each folder in byte-wise name order (files
 * and sub-folders mixed, as `LC_ALL=C ls` sorts them), so that a run is
 * reproducible on any machine. Names starting with '.' are skipped (dot-files
 * and dot-folders: .git, .DS_Store). Entries that are neither regular files
 * nor folders (FIFOs, sockets, devices) are never opened (reading a FIFO
 * would block the walk) but each is named, as one failed document that
 * says what it is. Symbolic links are followed; a link
 * back to a folder being walked is one failed document (not an endless
 * walk), and so is nesting deeper than DYAD_WALK_MAX_DEPTH.
 */
#ifndef DYAD_READ_FOLDER_H
#define DYAD_READ_FOLDER_H

#include <stddef.h>

#include "dyad.h"

/* Deepest folder nesting walked; deeper folders fail as one document. */
#define DYAD_WALK_MAX_DEPTH 64

struct dyad__walk_frame;

struct dyad__walk {
	struct dyad__walk_frame *frames; /* heap; the innermost folder last */
	size_t n_frames, frames_cap;
};

void dyad__walk_init(struct dyad__walk *walk);

/*
 * Start walking folder dir (the walk must be empty, or dir is walked before
 * what is left). DYAD_EIO (errmsg filled) when it cannot be read,
 * DYAD_ENOMEM.
 */
dyad_status dyad__walk_push(struct dyad__walk *walk, const char *dir,
                            char *errmsg);

/*
 * The next file: DYAD_OK with *path = "dir/sub/name" (free with dyad__free),
 * DYAD_DONE when the walk is over, DYAD_ENOMEM. Any other status also sets
 * *path: an entry that could not be walked (a sub-folder that cannot be read,
 * a dangling link: DYAD_ENOENT or DYAD_EIO) or is not a file (a FIFO, a
 * socket: DYAD_EINVAL), to be reported as one failed document with errmsg.
 */
dyad_status dyad__walk_next(struct dyad__walk *walk, char **path,
                            char *errmsg);

/* Forget the rest of the walk and free its memory. */
void dyad__walk_release(struct dyad__walk *walk);

#endif
