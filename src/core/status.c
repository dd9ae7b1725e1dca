/*
 * status.c - messages for dyad_status and the other small enums of the API.
 */
#include "dyad.h"

#include "core/alloc.h"

static const char *const status_messages[] = {
#define DYAD__STATUS_MSG(name, msg) msg,
	DYAD_STATUS_MAP(DYAD__STATUS_MSG)
#undef DYAD__STATUS_MSG
};

const char *dyad_strerror(dyad_status status)
{
	if ((unsigned)status >= DYAD_N_STATUS)
		return "unknown status";
	return status_messages[status];
}

const char *dyad_entity_kind_name(enum dyad_entity_kind kind)
{
	static const char *const names[DYAD_N_ENTITY_KINDS] = {
		[DYAD_ENTITY_PERSON] = "person",
		[DYAD_ENTITY_COUNTRY] = "country",
		[DYAD_ENTITY_PLACE] = "place",
		[DYAD_ENTITY_ORG] = "org",
	};
	if ((unsigned)kind >= DYAD_N_ENTITY_KINDS)
		return "unknown";
	return names[kind];
}

void dyad_free(void *ptr)
{
	dyad__free(ptr);
}
