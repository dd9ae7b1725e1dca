/*
 * pg_store.c - the PostgreSQL backend (backend.h): not yet written; a
 * postgresql:// URL is refused with a message.
 */
#include <stdio.h>

#include "store/store.h"

dyad_status dyad__pg_open(const char *url, int readonly, struct dyad_store *store,
                          char *errmsg)
{
	(void)readonly;
	(void)store;
	if (errmsg)
		snprintf(errmsg, DYAD_ERRMSG_MAX, "%s: PostgreSQL is not supported yet", url);
	return DYAD_EDB;
}

static void pg_close(struct dyad_store *store)
{
	(void)store;
}

const struct dyad__backend dyad__pg_backend = {
	.name = "postgresql",
	.close = pg_close,
};
