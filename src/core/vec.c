/*
 * vec.c - geometric growth for DYAD_VEC_PUSH (see vec.h).
 */
#include "core/vec.h"

#include <stdint.h>
#include <string.h>

#include "core/alloc.h"

void *dyad__vec_push(void **items, size_t *n, size_t *alloc, size_t size)
{
	if (*n == *alloc) {
		size_t grow = *alloc ? *alloc * 2 : 8;
		if (grow > SIZE_MAX / size)
			return NULL;
		void *p = dyad__realloc(*items, grow * size);
		if (!p)
			return NULL;
		*items = p;
		*alloc = grow;
	}
	char *slot = (char *)*items + (*n)++ * size;
	memset(slot, 0, size);
	return slot;
}
