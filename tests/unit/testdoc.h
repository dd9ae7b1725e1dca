/*
 * testdoc.h - what the tests that run text through the whole library share:
 * an engine on the source tree's data/ and extraction of a string.
 */
#ifndef DYAD_TESTDOC_H
#define DYAD_TESTDOC_H

#include <stdio.h>
#include <string.h>

#include "dyad.h"

/* The engine on $DYAD_DATA or the source tree's data/, or NULL with the
 * reason and a failed RESULT line printed (the caller returns 1). */
static inline dyad_engine *testdoc_engine(void)
{
	char err[DYAD_ERRMSG_MAX];
	dyad_engine *engine = NULL;
	if (dyad_engine_open(NULL, &engine, err) != DYAD_OK) {
		fprintf(stderr, "engine: %s\n", err);
		printf("RESULT passed=0 failed=1\n");
		return NULL;
	}
	return engine;
}

/* Extract text as the document path; NULL when extraction failed. Free
 * the result with dyad_doc_free(). */
static inline struct dyad_doc *testdoc_extract(const dyad_engine *engine,
                                               const char *path, const char *text)
{
	struct dyad_input in;
	memset(&in, 0, sizeof in);
	in.path = path;
	in.text = text;
	in.text_len = strlen(text);
	in.status = DYAD_OK;
	struct dyad_doc *doc = NULL;
	if (dyad_extract(engine, &in, &doc) != DYAD_OK)
		return NULL;
	return doc;
}

#endif
