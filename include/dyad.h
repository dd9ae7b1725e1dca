/*
 * dyad.h - the public API of libdyad.
 *
 * dyad reads news articles and turns them into event data: document facts,
 * entities (people, countries, places, organisations), CAMEO events between
 * actors, quotes and amounts. This header is all a client needs: the dyad
 * command-line program and any other front end use only what is declared here.
 *
 * The flow is
 *
 *     dyad_engine_open()      load the knowledge in data/ once
 *     dyad_reader_open()      walk files, folders, gzip, JSON Lines, stdin
 *     dyad_reader_next()      one raw document at a time
 *     dyad_extract()          one raw document -> one struct dyad_doc
 *     dyad_doc_free()         release everything the result owns
 *
 * Every function returns a dyad_status; results come back through an out
 * pointer that is set to NULL on failure. Nothing here aborts on bad input or
 * on allocation failure.
 *
 * Threads. An open engine is shared: dyad_extract(), dyad_cameo_codes() and
 * dyad_engine_data_dir() may be called from any number of threads at once
 * on one engine (its memos of word forms and stems are safe to share).
 * dyad_engine_use_dict() and dyad_engine_free() change it: call them when
 * no extraction is running. Every other handle (a reader, a store and its
 * cursors, a pool, an eval, a dictionary coding) is used by one thread at a
 * time; different handles may be used in different threads. A loaded
 * dictionary (dyad_dict) is read-only and may be shared like the engine.
 * Results (struct dyad_doc) belong to whoever holds them. dyad_pool_*
 * below runs extraction on several threads for you.
 */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DYAD_VERSION "0.1.0"

/* ---- status ----------------------------------------------------------- */

#define DYAD_STATUS_MAP(X)                                                    \
	X(OK, "success")                                                          \
	X(DONE, "no more documents")                                              \
	X(ENOMEM, "out of memory")                                                \
	X(EIO, "input/output error")                                              \
	X(ENOENT, "no such file or folder")                                       \
	X(EINVAL, "invalid argument")                                             \
	X(EEMPTY, "document is empty")                                            \
	X(EBINARY, "not a text document (binary data)")                           \
	X(ETOOBIG, "document is too large")                                       \
	X(EENCODING, "text encoding could not be decoded")                        \
	X(EFORMAT, "malformed input")                                             \
	X(EGZIP, "corrupt or truncated gzip data")                                \
	X(EDATA, "malformed knowledge file")                                      \
	X(EDB, "database error")

typedef enum {
#define DYAD__STATUS_ENUM(name, msg) DYAD_##name,
	DYAD_STATUS_MAP(DYAD__STATUS_ENUM)
#undef DYAD__STATUS_ENUM
	DYAD_N_STATUS
} dyad_status;

/* A short English description of a status; static storage, never NULL. */
const char *dyad_strerror(dyad_status status);

/* Size of the error buffers taken by functions that explain their failures. */
#define DYAD_ERRMSG_MAX 512

/* ---- engine ----------------------------------------------------------- */

typedef struct dyad_engine dyad_engine;

/*
 * Load the knowledge files from data_dir, or when data_dir is NULL from the
 * first folder that exists of: $DYAD_DATA, the source tree the program was
 * built from, PREFIX/share/dyad.
 * On failure *out is NULL and errmsg (if not NULL, DYAD_ERRMSG_MAX bytes) says
 * which file and line was at fault. Free the engine with dyad_engine_free().
 */
dyad_status dyad_engine_open(const char *data_dir, dyad_engine **out,
                             char *errmsg);
void dyad_engine_free(dyad_engine *engine);

/* The folder the engine loaded its data from; valid while the engine lives. */
const char *dyad_engine_data_dir(const dyad_engine *engine);

/*
 * The precision dial: events whose confidence (dyad_event.confidence) is
 * under min are not reported. The default, DYAD_MIN_CONFIDENCE, keeps the
 * shared dev corpus at a precision of 0.90 or more (docs/events.md); 0 keeps
 * every event the coder finds. Call before the engine is shared by threads.
 */
#define DYAD_MIN_CONFIDENCE 0.55
void dyad_engine_set_min_confidence(dyad_engine *engine, double min);

/* ---- reading ---------------------------------------------------------- */

enum dyad_format {
	DYAD_FORMAT_AUTO = 0, /* guess from the name and the first bytes */
	DYAD_FORMAT_TEXT,
	DYAD_FORMAT_HTML,
	DYAD_FORMAT_JSONL,
};

/*
 * One raw document as the reader found it: UTF-8 text (decoded, with HTML
 * already reduced to its article text) plus the facts its container gave.
 * Fields the container did not give are NULL. When status is not DYAD_OK the
 * document could not be read: error explains why and text may be NULL.
 * Owned by the reader; valid until the next dyad_reader_next() or
 * dyad_reader_free().
 */
struct dyad_input {
	const char *path;      /* as given, or the file found in a folder; "-" = stdin */
	const char *text;      /* UTF-8, NUL-terminated, text_len bytes */
	size_t text_len;
	enum dyad_format format; /* what the document was read as */
	dyad_status status;    /* DYAD_OK, or why the document was lost */
	const char *error;     /* human message when status != DYAD_OK */
	const char *warning;   /* NULL, or what was wrong but ignored (a JSON
	                          Lines fact of the wrong type); tell the user */
	/* facts given by the container (JSON Lines fields, HTML meta tags) */
	const char *url;
	const char *title;
	const char *published;
	const char *source;
	const char *author;
	size_t head_lines;     /* lines of text before the article body (the
	                          headline an HTML page gave); 0 when unknown */
};

typedef struct dyad_reader dyad_reader;

/*
 * Prepare to read the given paths in order ("-" is standard input). Folders
 * are walked recursively in name order. Paths are not opened until
 * dyad_reader_next(), so a missing path becomes one failed document.
 * The reader copies the path strings. Free with dyad_reader_free().
 */
dyad_status dyad_reader_open(const char *const *paths, size_t n_paths,
                             enum dyad_format format, dyad_reader **out);

/*
 * Produce the next document. Returns DYAD_OK with *out set (look at
 * (*out)->status: a document that failed to read is still returned so that
 * the caller can report it), DYAD_DONE when all paths are exhausted, or
 * DYAD_ENOMEM.
 */
dyad_status dyad_reader_next(dyad_reader *reader, const struct dyad_input **out);
void dyad_reader_free(dyad_reader *reader);

/*
 * Reduce HTML pages with the knowledge the engine loaded from data/html/
 * (class and id words, tag weights) and read their dates with its date
 * words. Without an engine a page is reduced by its structure alone. The
 * engine is borrowed: it must outlive the reader.
 */
void dyad_reader_set_engine(dyad_reader *reader, const dyad_engine *engine);

/* Largest document body accepted; larger ones fail with DYAD_ETOOBIG. */
#define DYAD_MAX_DOC_BYTES (8u << 20)

/* ---- extraction results ----------------------------------------------- */

struct dyad_span {
	uint32_t start; /* byte offset into dyad_doc.text */
	uint32_t end;   /* one past the last byte */
};

enum dyad_entity_kind {
	DYAD_ENTITY_PERSON,
	DYAD_ENTITY_COUNTRY,
	DYAD_ENTITY_PLACE,
	DYAD_ENTITY_ORG,
	DYAD_N_ENTITY_KINDS
};

/* "person", "country", "place", "org". */
const char *dyad_entity_kind_name(enum dyad_entity_kind kind);

struct dyad_entity {
	enum dyad_entity_kind kind;
	const char *name;    /* canonical name, Latin script when known */
	const char *country; /* ISO 3166-1 alpha-3, "IGO", or NULL */
	const char *role;    /* persons: office or title, or NULL */
	const char *actor;   /* CAMEO actor code ("AZEGOV"), or NULL */
	double lat, lon;     /* places with known coordinates, else 0 */
	int has_coords;
	struct dyad_span *mentions;
	size_t n_mentions;
};

/* One side of an event. */
struct dyad_party {
	const char *country; /* ISO 3166-1 alpha-3, an IGO code, or NULL */
	const char *actor;   /* CAMEO actor code, or NULL */
	const char *name;    /* entity name, or NULL */
	int entity;          /* index into dyad_doc.entities, or -1 */
};

enum dyad_event_flags {
	DYAD_EVENT_BACKGROUND = 1 << 0, /* told as past background, not news */
	DYAD_EVENT_INTENT = 1 << 1,     /* reported as intended or possible */
};

struct dyad_event {
	char code[8];       /* CAMEO event code, "051" */
	int quad;           /* QuadClass 1..4 */
	double goldstein;   /* Goldstein scale value of the code */
	struct dyad_party source;
	struct dyad_party target;
	const char *date;   /* YYYY-MM-DD, or NULL */
	const char *place;  /* where it happened, or NULL */
	const char *text;   /* the sentence it was coded from (a copy) */
	struct dyad_span span;      /* the sentence in dyad_doc.text */
	struct dyad_span predicate; /* the words that carry the event */
	unsigned flags;             /* enum dyad_event_flags */
	unsigned n_mentions;        /* sentences that report this same event */
	double confidence;          /* 0..1: how firmly the text binds its parties
	                               (docs/events.md); the best of its mentions */
};

struct dyad_quote {
	const char *speaker; /* entity name, or NULL when unknown */
	int speaker_entity;  /* index into dyad_doc.entities, or -1 */
	struct dyad_span span; /* the quoted words, without the quote marks */
};

struct dyad_amount {
	double value;      /* in units of `unit` */
	const char *unit;  /* ISO 4217 for money ("USD"), "t" for tonnes, NULL for counts */
	const char *counts; /* what is counted ("schools", "soldiers"), or NULL */
	struct dyad_span span;
};

/*
 * The result of extracting one document. Every pointer inside belongs to the
 * document and lives until dyad_doc_free(). Strings are NUL-terminated UTF-8.
 */
struct dyad_doc {
	const char *path;
	const char *id;        /* hex digest of the normalised text */
	const char *lang;      /* ISO 639-1, or "und" */
	const char *title;
	const char *published; /* YYYY-MM-DD or full ISO 8601; NULL if unknown */
	const char *source;    /* outlet */
	const char *author;
	const char *dateline;  /* place in the dateline */
	const char *url;
	const char *error;     /* NULL on success; the reason the document failed */
	dyad_status status;

	const char *text;      /* the normalised text spans point into */
	size_t text_len;
	struct dyad_span body; /* the article text in text, headline excluded */

	struct dyad_entity *entities;
	size_t n_entities;
	struct dyad_event *events;
	size_t n_events;
	struct dyad_quote *quotes;
	size_t n_quotes;
	struct dyad_amount *amounts;
	size_t n_amounts;

	/* dyad_parse(): every sentence's grammar as CoNLL-U (conllu_len bytes,
	 * NUL-terminated); NULL from dyad_extract() */
	const char *conllu;
	size_t conllu_len;

	struct dyad__doc_private *priv; /* arena and working state */
};

/*
 * Extract one document. On DYAD_OK *out holds the result; a document whose
 * input failed to read is still returned (with error set and status != OK)
 * so that it can be reported and stored. Returns DYAD_ENOMEM (and *out NULL)
 * only when even the failure record could not be built.
 * Free the result with dyad_doc_free().
 *
 * Memory: one extraction takes at most about 8 times the document's size
 * besides the engine. The text past the point where its working arrays
 * reach 5 times its size is not analysed (no news article comes near), and
 * a document that would need more than 5.5 times (millions of one-letter
 * lines) fails with status DYAD_ETOOBIG.
 * Safe to call from several threads at once on one engine.
 */
dyad_status dyad_extract(const dyad_engine *engine,
                         const struct dyad_input *input,
                         struct dyad_doc **out);
void dyad_doc_free(struct dyad_doc *doc);

/*
 * The grammar of one document: read it as dyad_extract() does (the same
 * text, sentences and tokens), then tag, lemmatise and parse every sentence
 * with its language's model (data/lang/LANG/grammar.model) into
 * doc->conllu. No entities or events are extracted. A sentence in a
 * language without a model is left out. Same statuses and ownership as
 * dyad_extract(); safe from several threads at once on one engine.
 */
dyad_status dyad_parse(const dyad_engine *engine, const struct dyad_input *input,
                       struct dyad_doc **out);

/*
 * Write a dyad_parse() result as CoNLL-U: "# newdoc id", then per sentence
 * "# sent_id", "# text" and one line per word, with the word's byte range
 * in doc->text as MISC TokenRange=START:END (and SpaceAfter=No where no
 * space follows). A result of dyad_extract() or a failed document writes
 * nothing. DYAD_EIO when writing fails.
 */
dyad_status dyad_doc_write_conllu(const struct dyad_doc *doc, FILE *out);

/*
 * Write the document as one line of JSON (the output contract, see
 * ../shared/docs/output-contract.md) followed by '\n'.
 */
dyad_status dyad_doc_write_json(const struct dyad_doc *doc, FILE *out);

enum dyad_json_flags {
	DYAD_JSON_BODY = 1 << 0, /* add "body": the article text, headline excluded */
};

/* The same with the extra fields of flags (enum dyad_json_flags). */
dyad_status dyad_doc_write_json_with(const struct dyad_doc *doc, unsigned flags,
                                     FILE *out);

/*
 * The line of dyad_doc_write_json_with() in memory: *out (NUL-terminated,
 * *len bytes with the final '\n') is the caller's, to free with
 * dyad_free(). DYAD_ENOMEM, with *out NULL.
 */
dyad_status dyad_doc_json(const struct dyad_doc *doc, unsigned flags, char **out,
                          size_t *len);

/* ---- extraction on several threads ----------------------------------- */

/*
 * A pool of worker threads that extract documents with one shared engine
 * and hand the results back in the order the documents went in. One thread
 * (the caller's) submits and takes; the workers only extract (and, with
 * DYAD_POOL_JSON, write each document's JSON line, so that a client that
 * prints the lines has nothing left to do but write them).
 */
typedef struct dyad_pool dyad_pool;

enum dyad_pool_flags {
	DYAD_POOL_JSON = 1 << 0, /* also make each result's JSON line (dyad_doc_json) */
};

/* The number of cores the system has online (1 when it cannot tell). */
unsigned dyad_cpu_count(void);

/*
 * Start a pool of n_threads workers on engine (0 = dyad_cpu_count()); flags
 * are enum dyad_pool_flags, json_flags those of the lines it makes (enum
 * dyad_json_flags). With one thread no thread is started: documents are
 * extracted in dyad_pool_next() by the caller, exactly as dyad_extract()
 * would. The engine is borrowed and must outlive the pool. Free with
 * dyad_pool_free(). DYAD_ENOMEM, DYAD_EINVAL (threads could not be started).
 */
dyad_status dyad_pool_new(const dyad_engine *engine, unsigned n_threads,
                          unsigned flags, unsigned json_flags, dyad_pool **out);

/* Stop the workers (after the documents they hold) and free the pool and
 * every result not taken. NULL is a no-op. */
void dyad_pool_free(dyad_pool *pool);

/* The number of worker threads (1 for a pool that extracts inline). */
unsigned dyad_pool_threads(const dyad_pool *pool);

/*
 * Queue a copy of input (its text and strings are copied: the caller may
 * reuse it at once). Never waits. DYAD_ENOMEM. The caller bounds how many
 * documents are in flight (dyad_pool_pending()): each holds its text.
 */
dyad_status dyad_pool_submit(dyad_pool *pool, const struct dyad_input *input);

/* Documents submitted and not yet taken, and their text bytes. */
size_t dyad_pool_pending(const dyad_pool *pool);
size_t dyad_pool_pending_bytes(const dyad_pool *pool);

/* One document's result; every pointer in it is the taker's, released
 * together by dyad_pool_result_release(). */
struct dyad_pool_result {
	char *path;            /* the input's path (a copy) */
	char *warning;         /* the input's warning (a copy), or NULL */
	struct dyad_doc *doc;  /* as dyad_extract() made it; NULL on DYAD_ENOMEM */
	dyad_status status;    /* dyad_extract()'s status */
	char *json;            /* with DYAD_POOL_JSON: the line, else NULL */
	size_t json_len;
	dyad_status json_status; /* DYAD_OK, or why the line could not be made */
};

void dyad_pool_result_release(struct dyad_pool_result *result);

/*
 * The result of the oldest document submitted and not taken, waiting for
 * it when needed: DYAD_OK with *out filled (the caller's, see above), or
 * DYAD_DONE when nothing is pending.
 */
dyad_status dyad_pool_next(dyad_pool *pool, struct dyad_pool_result *out);

/*
 * Every document of reader through the pool: fn is called on the caller's
 * thread for each result, in input order, and the result is released when
 * it returns; fn returns 0 to go on, anything else to stop (the documents
 * in flight are still finished and dropped). At most DYAD_POOL_WINDOW
 * documents per thread (and DYAD_POOL_MAX_BYTES of text, one document at
 * least) are in flight. Returns DYAD_OK, or the reader's error (DYAD_ENOMEM)
 * after the documents read before it are delivered.
 */
#define DYAD_POOL_WINDOW 4
#define DYAD_POOL_MAX_BYTES (32u << 20)
typedef int (*dyad_pool_fn)(void *ctx, struct dyad_pool_result *result);
dyad_status dyad_pool_run(dyad_pool *pool, dyad_reader *reader, dyad_pool_fn fn,
                          void *ctx);

/* ---- CAMEO ontology --------------------------------------------------- */

struct dyad_cameo_code {
	const char *code;     /* "0311" */
	const char *name;     /* "Express intent to cooperate economically" */
	double goldstein;
	int quad;
	const char *plover;   /* PLOVER category, "CONSULT" */
};

/* The codes the engine knows, in code order; valid while the engine lives. */
const struct dyad_cameo_code *dyad_cameo_codes(const dyad_engine *engine,
                                               size_t *n_codes);

/* ---- store ---- */

/*
 * A SQLite database of extracted documents: one row per document plus its
 * entities, mentions, events, quotes and amounts, and a full-text index over
 * titles and texts. The schema is documented in docs/schema.md.
 *
 * A handle is used by one thread at a time; several processes may share one
 * database file (WAL journal). Documents are stored in batches of
 * DYAD_STORE_BATCH (dyad_store_set_batch()) per transaction, so a crash
 * loses at most the open batch, which storing the same documents again adds.
 * The calls below say what a store does, not how: another backend (a
 * server database) can implement the same ones.
 *
 * DYAD_EDB from any call means the database failed (a full disk, an I/O
 * error, corruption, a read-only file, a lock held past the busy timeout):
 * the store cannot go on and the caller should stop; what was committed
 * stays. Problems of one document are other statuses (DYAD_EINVAL,
 * DYAD_ETOOBIG).
 */
typedef struct dyad_store dyad_store;

/* Documents per transaction unless dyad_store_set_batch() says otherwise. */
#define DYAD_STORE_BATCH 200

/*
 * Open the database at path for writing, creating it (and its tables) when
 * missing and upgrading an older schema. On failure *out is NULL, the status
 * is DYAD_EDB (or DYAD_ENOMEM) and errmsg (if not NULL, DYAD_ERRMSG_MAX
 * bytes) says why, starting with the path. Close with dyad_store_close().
 */
dyad_status dyad_store_open(const char *path, dyad_store **out, char *errmsg);

/*
 * Open an existing database for reading only: the file is never changed,
 * not even its schema (SQLite's immutable mode when its folder cannot be
 * written). DYAD_ENOENT when the file does not exist; DYAD_EDB with errmsg
 * when it is empty, not a dyad database, or of an older or newer schema
 * than this build's. Puts on such a handle fail with DYAD_EDB.
 */
dyad_status dyad_store_open_readonly(const char *path, dyad_store **out,
                                     char *errmsg);

/* The same as dyad_store_open_readonly() (its former name). */
dyad_status dyad_store_open_existing(const char *path, dyad_store **out,
                                     char *errmsg);

/* Commit the open batch (if any) and close. Free every cursor taken from
 * it first. NULL is a no-op. Call dyad_store_commit() first to learn
 * whether the last batch was stored. */
void dyad_store_close(dyad_store *store);

/* What went wrong in the last call that failed on this store; never NULL. */
const char *dyad_store_errmsg(const dyad_store *store);

/*
 * Store one extracted document and everything found in it, as one unit
 * inside the open batch (a batch opens at the first put and commits after
 * its last document). *added (if not NULL) is 1 when the document was new,
 * 0 when a document with the same id was already stored (nothing is changed
 * then) or when the document has no id: a document that failed before its
 * text was read has nothing to be keyed by and is not stored (its failure
 * is the caller's to report). A failed document that has an id is stored
 * with its error. Returns DYAD_OK; DYAD_EINVAL (no id and no error, or rows
 * the database refused: only this document is undone) or DYAD_ETOOBIG (text
 * over 2 GiB), after which the next document may be put; DYAD_EDB or
 * DYAD_ENOMEM when the database failed: the open batch is rolled back
 * (dyad_store_pending() documents lost, committed ones stay). The message
 * is in dyad_store_errmsg().
 */
dyad_status dyad_store_put(dyad_store *store, const struct dyad_doc *doc,
                           int *added);

/* Commit the open batch now. DYAD_OK (also when none is open), DYAD_EDB or
 * DYAD_ENOMEM with the batch rolled back. */
dyad_status dyad_store_commit(dyad_store *store);

/* Documents per transaction from now on (0 is taken as 1). */
void dyad_store_set_batch(dyad_store *store, size_t n_docs);

/* New documents put into the open batch and not yet committed; after a
 * put or commit that failed with DYAD_EDB, how many of them were lost. */
size_t dyad_store_pending(const dyad_store *store);

/*
 * Check the database: the storage engine's own integrity check, then the
 * schema's consistency (the tables exist, every child row has its document,
 * mentions and events point at entities that exist, spans lie inside the
 * text, the full-text index matches the documents). Each problem found is
 * passed to report (with ctx) as one line of English; *n_problems (if not
 * NULL) is their count. Returns DYAD_OK when the check could run (whatever
 * it found), DYAD_EDB when the database could not be read far enough to
 * check it (also reported), DYAD_ENOMEM.
 */
dyad_status dyad_store_check(dyad_store *store,
                             void (*report)(void *ctx, const char *problem),
                             void *ctx, size_t *n_problems);

/*
 * Which stored events to list. NULL / 0 fields do not filter. Strings are
 * the caller's and are only read during dyad_store_events().
 */
struct dyad_event_filter {
	const char *actor;   /* case-insensitive substring of either side's actor code or name */
	const char *country; /* ISO3 (or IGO code) of either side */
	const char *dyad;    /* "A:B": source A, target B (each a country or an actor code
	                        prefix; empty = any); consultations (root 04) match either way */
	const char *code;    /* CAMEO code prefix, digits only: "05", "051" */
	const char *since;   /* YYYY[-MM[-DD]] (a real day) on the event date, else the publication date */
	const char *until;   /* inclusive, same rule */
	const char *source;  /* outlet, case-insensitive */
	const char *lang;    /* ISO 639-1 of the document, any case */
	const char *match;   /* SQLite FTS5 query over document titles and texts */
	double min_confidence; /* events with at least this confidence; 0 = all */
	size_t limit;        /* at most this many events; 0 = all */
	const char *after;   /* a cursor (dyad_event_row_cursor()): the events after
	                        that row in the listing's order */
};

/* One stored event with the document it comes from. */
struct dyad_event_row {
	const char *doc_id;
	const char *doc_path;
	const char *doc_title;
	const char *published;
	const char *outlet;    /* the document's source */
	const char *lang;
	const char *day;       /* event.date, else the publication day, else NULL */
	size_t idx;            /* position of the event in its document */
	struct dyad_event event; /* party.entity indexes the document's entities */
};

typedef struct dyad_event_cursor dyad_event_cursor;

/*
 * Start listing the events that pass filter (NULL = all), ordered by day,
 * document and position. DYAD_EINVAL with dyad_store_errmsg() naming the bad
 * value (a date that is not a date, a code that is not digits, a dyad without
 * ':'), DYAD_EDB, DYAD_ENOMEM. Free the cursor with dyad_event_cursor_free().
 */
dyad_status dyad_store_events(dyad_store *store,
                              const struct dyad_event_filter *filter,
                              dyad_event_cursor **out);

/*
 * The next event: DYAD_OK with *out valid until the next call or the free,
 * DYAD_DONE at the end, DYAD_EINVAL (a --match query SQLite cannot parse) or
 * DYAD_EDB, with dyad_store_errmsg() set.
 */
dyad_status dyad_event_cursor_next(dyad_event_cursor *cursor,
                                   const struct dyad_event_row **out);
void dyad_event_cursor_free(dyad_event_cursor *cursor);

/* Longest cursor dyad_event_row_cursor() writes, with its NUL. */
#define DYAD_EVENT_CURSOR_MAX 192

/*
 * The paging cursor of a row: "DAY_DOCID_IDX". Given back as filter.after,
 * the listing goes on after that row. Written into buf (size bytes,
 * DYAD_EVENT_CURSOR_MAX is enough), always NUL-terminated.
 */
void dyad_event_row_cursor(const struct dyad_event_row *row, char *buf,
                           size_t size);

enum dyad_event_format {
	DYAD_EVENTS_TABLE, /* aligned columns for people, cut to a width */
	DYAD_EVENTS_JSONL, /* one JSON object per event (output-contract fields) */
	DYAD_EVENTS_CSV,   /* RFC 4180, header row, CRLF line ends */
};

/* Default and smallest line width of the table format. */
#define DYAD_TABLE_WIDTH 120
#define DYAD_TABLE_MIN_WIDTH 80

/*
 * Write the header of a listing (table column names, the CSV header row;
 * nothing for JSON Lines), then one line per event. width is the table's
 * line width in characters (0 = DYAD_TABLE_WIDTH); the other formats ignore
 * it. DYAD_EIO when the stream fails, DYAD_ENOMEM.
 */
dyad_status dyad_event_write_header(FILE *out, enum dyad_event_format format,
                                    unsigned width);
dyad_status dyad_event_write(FILE *out, enum dyad_event_format format,
                             unsigned width, const struct dyad_event_row *row);

/*
 * Exports for the field's tools (docs/formats.md): the GDELT 2.0 Event and
 * Mentions tables, an ICEWS-style CSV, the listing's CSV and JSON Lines,
 * and the knowledge graph as GraphML or GEXF. Every format streams: memory
 * does not grow with the number of rows.
 */
enum dyad_export_format {
	DYAD_EXPORT_GDELT,          /* GDELT 2.0 Event table, 61 TAB-separated columns */
	DYAD_EXPORT_GDELT_MENTIONS, /* GDELT 2.0 Mentions table, 16 columns */
	DYAD_EXPORT_ICEWS,          /* ICEWS-style CSV, 17 columns, header row */
	DYAD_EXPORT_CSV,            /* as dyad events --format csv */
	DYAD_EXPORT_JSONL,          /* as dyad events --format jsonl */
	DYAD_EXPORT_GRAPHML,        /* the graph of the filter's events */
	DYAD_EXPORT_GEXF,
};

/* "gdelt", "gdelt-mentions", "icews", "csv", "jsonl", "graphml", "gexf"
 * -> *out; 0 for anything else. */
int dyad_export_format_parse(const char *name, enum dyad_export_format *out);

/* What an export may use besides the store: the CAMEO names of the
 * engine's codes (ICEWS's Event Text; NULL leaves it empty). */
struct dyad_export_options {
	const struct dyad_cameo_code *codes;
	size_t n_codes;
};

/*
 * Write the events of filter (NULL: all; limit and after honoured by the
 * event formats) to out in format. DYAD_EIO when out fails, DYAD_EINVAL
 * for a bad filter, DYAD_EDB, DYAD_ENOMEM, with dyad_store_errmsg().
 */
dyad_status dyad_store_export(dyad_store *store, const struct dyad_event_filter *filter,
                              enum dyad_export_format format,
                              const struct dyad_export_options *options, FILE *out);

/*
 * Load a stored document back into a struct dyad_doc (entities with their
 * mentions, events, quotes, amounts and the text spans point into); status
 * is DYAD_OK, or DYAD_EIO for a document stored with an error.
 * id may be any unique prefix of the document id. DYAD_ENOENT when nothing
 * matches, DYAD_EINVAL when several documents match (dyad_store_errmsg()
 * says so), DYAD_EDB, DYAD_ENOMEM. Free the result with dyad_store_doc_free()
 * (not dyad_doc_free()).
 */
dyad_status dyad_store_get_doc(dyad_store *store, const char *id,
                               struct dyad_doc **out);
void dyad_store_doc_free(struct dyad_doc *doc);

/* A label and how many rows carry it. */
struct dyad_store_count {
	const char *key;
	int64_t n;
};

struct dyad_store_counts {
	struct dyad_store_count *items;
	size_t n;
};

/* What the database holds. */
struct dyad_store_stats {
	int64_t n_documents; /* rows of each table */
	int64_t n_failed;    /* documents stored with an error */
	int64_t n_entities;
	int64_t n_mentions;
	int64_t n_events;
	int64_t n_quotes;
	int64_t n_amounts;
	struct dyad_store_counts by_lang;     /* documents, most first */
	struct dyad_store_counts by_source;   /* documents, most first, at most top */
	struct dyad_store_counts by_kind;     /* entities, in kind name order */
	struct dyad_store_counts by_root;     /* events, in root code order */
	struct dyad_store_counts top_dyads;   /* events, "SRC>TGT" countries, at most top */
};

/*
 * Count what the database holds; lists that can be long keep their top
 * entries (top = 0: DYAD_STATS_TOP). Free with dyad_store_stats_free().
 * DYAD_EDB, DYAD_ENOMEM.
 */
#define DYAD_STATS_TOP 10
dyad_status dyad_store_stats(dyad_store *store, size_t top,
                             struct dyad_store_stats **out);
void dyad_store_stats_free(struct dyad_store_stats *stats);

/*
 * Give every later query of the handle at most ms milliseconds (0: no
 * limit, the default): a query still running then stops and fails with
 * DYAD_EDB, and dyad_store_timed_out() is 1 until the next query starts.
 * For servers, so that one costly filter cannot hold a worker.
 */
void dyad_store_set_time_limit(dyad_store *store, unsigned ms);
int dyad_store_timed_out(const dyad_store *store);

/*
 * Let the handle map up to map_bytes of the file into memory and keep
 * cache_bytes of pages of its own: for a long-lived reader (a server)
 * that asks many queries, so that pages are not copied from the system
 * on every one. DYAD_EDB when the database refuses.
 */
dyad_status dyad_store_set_memory(dyad_store *store, size_t map_bytes,
                                  size_t cache_bytes);

/*
 * 1 when the database's content changed (a commit by any process) since
 * the previous call on this handle (the first call says 1), else 0. For
 * clients that keep answers: a change means they are stale.
 */
int dyad_store_changed(dyad_store *store);

/* ---- knowledge graph ---- */

/*
 * The store resolves the entities of all documents into nodes, one per
 * real-world referent (a country by its code, anything else by kind,
 * country and the knowledge base's canonical name), and keeps the events
 * between nodes as weighted edges and the relations articles state about
 * them (docs/schema.md, "knowledge graph"). Strings in the results belong
 * to the result and live until it is freed.
 */

/* One node with its totals over all documents. */
struct dyad_node {
	int64_t id;
	const char *kind;     /* "person", "country", "place", "org" */
	const char *name;     /* canonical name */
	const char *country;  /* ISO3, "IGO", or NULL */
	const char *actor;    /* CAMEO actor code, or NULL */
	int64_t n_docs;       /* documents that mention it */
	int64_t n_mentions;   /* mentions in all of them */
	int64_t n_events;     /* events between it and another node */
	const char *first_day, *last_day; /* publication days, or NULL */
};

/* Which nodes to list; NULL / 0 fields do not filter. */
struct dyad_node_filter {
	const char *kind;    /* one kind name */
	const char *country; /* ISO3 or IGO */
	const char *name;    /* case-insensitive substring of the name or of a variant */
	size_t limit;        /* at most this many (0: DYAD_NODES_LIMIT) */
	size_t offset;       /* skip this many first */
};

#define DYAD_NODES_LIMIT 100

struct dyad_nodes {
	struct dyad_node *items; /* most mentioned first, then by id */
	size_t n;
	int64_t total;           /* nodes that pass the filter, all pages */
	struct dyad__result_private *priv;
};

/* The nodes that pass filter (NULL: all). DYAD_EINVAL for an unknown kind,
 * DYAD_EDB, DYAD_ENOMEM. Free with dyad_store_nodes_free(). */
dyad_status dyad_store_nodes(dyad_store *store, const struct dyad_node_filter *filter,
                             struct dyad_nodes **out);

struct dyad_node_variant {
	const char *text; /* as written in an article */
	int64_t n;        /* mentions written so */
};

/* An event edge or a relation seen from one node. */
struct dyad_node_link {
	int outgoing;             /* 1: this node is the source / subject */
	struct dyad_node other;   /* the node at the other end (totals included) */
	const char *what;         /* edges: the CAMEO root ("04"); relations:
	                             "office", "member_of", "located_in" */
	const char *label;        /* relations: the office ("president"), else "" */
	int quad;                 /* edges: the root's QuadClass; relations: 0 */
	int64_t n;                /* edges: events; relations: documents */
	const char *first_day, *last_day;
};

struct dyad_node_detail {
	struct dyad_node node;
	struct dyad_node_variant *variants; /* most used first */
	size_t n_variants;
	struct dyad_node_link *edges;       /* most events first */
	size_t n_edges;
	struct dyad_node_link *relations;   /* most documents first */
	size_t n_relations;
	struct dyad__result_private *priv;
};

/* At most this many variants, edges and relations come with a node. */
#define DYAD_NODE_LINKS_MAX 200

/*
 * One node with its variants, event edges and relations. key is a node id
 * (digits), or a name: the node whose canonical name or a variant is key
 * in any case (the most mentioned when several are), else the one node
 * whose name contains it. DYAD_ENOENT when none matches, DYAD_EINVAL when
 * several contain it (the message names some), DYAD_EDB, DYAD_ENOMEM.
 * Free with dyad_store_node_free().
 */
dyad_status dyad_store_node(dyad_store *store, const char *key,
                            struct dyad_node_detail **out);

struct dyad_graph_edge {
	int64_t src, tgt; /* node ids */
	int quad;         /* QuadClass of the events */
	int64_t n;        /* events */
};

struct dyad_graph {
	struct dyad_node *nodes;       /* weightiest first; n_events is the node's
	                                  events in the filter */
	size_t n_nodes;
	struct dyad_graph_edge *edges; /* between those nodes, most events first */
	size_t n_edges;
	int64_t n_events;              /* events between these nodes */
	struct dyad__result_private *priv;
};

#define DYAD_GRAPH_NODES 40

/*
 * The graph of the events that pass filter (NULL or an empty filter: all,
 * read from the stored edges; filter.limit and .after are ignored): the
 * max_nodes (0: DYAD_GRAPH_NODES) nodes with the most events, and the
 * edges between them by QuadClass. Errors as dyad_store_events(). Free
 * with dyad_store_graph_free().
 */
dyad_status dyad_store_graph(dyad_store *store, const struct dyad_event_filter *filter,
                             size_t max_nodes, struct dyad_graph **out);

enum dyad_timeline_unit { DYAD_TIMELINE_DAY, DYAD_TIMELINE_WEEK, DYAD_TIMELINE_MONTH };
enum dyad_timeline_group { DYAD_TIMELINE_QUAD, DYAD_TIMELINE_ROOT };

struct dyad_timeline_bin {
	const char *period; /* first day of the bin, YYYY-MM-DD (weeks start on Monday) */
	const char *key;    /* QuadClass "1".."4", or CAMEO root "01".."20" */
	int64_t n;          /* events */
	double goldstein;   /* their mean Goldstein value */
};

struct dyad_timeline {
	struct dyad_timeline_bin *bins; /* by period, then key; empty bins left out */
	size_t n;
	struct dyad__result_private *priv;
};

/* Events that pass filter (limit and after ignored) counted per period and
 * QuadClass or root; events with no day are left out. Errors as
 * dyad_store_events(). Free with dyad_store_timeline_free(). */
dyad_status dyad_store_timeline(dyad_store *store, const struct dyad_event_filter *filter,
                                enum dyad_timeline_unit unit,
                                enum dyad_timeline_group group,
                                struct dyad_timeline **out);

/* Free the results of the calls above with everything they point to;
 * NULL is a no-op. */
void dyad_store_nodes_free(struct dyad_nodes *nodes);
void dyad_store_node_free(struct dyad_node_detail *detail);
void dyad_store_graph_free(struct dyad_graph *graph);
void dyad_store_timeline_free(struct dyad_timeline *timeline);

/* ---- end of store ---- */

/* ---- evaluation ---- */

/*
 * Scoring extraction output against gold annotations (one JSON file per
 * article, see ../shared/docs/annotation.md) with the rules, figures and
 * rounding of the reference scorer ../shared/tools/score.py: unique
 * (source country, target country, CAMEO root) triples per document, root 04
 * without direction, optional triples neither rewarded nor penalised, codes
 * other than ISO 3166-1 alpha-3 counted as the one actor "IGO"; persons found
 * by surname across scripts; metadata checks on language, date, outlet and
 * title. Output documents are matched to gold files by the base name of
 * their path without the extension; a later document with the same name
 * replaces an earlier one.
 */
typedef struct dyad_eval dyad_eval;

struct dyad_eval_scores {
	size_t n_docs;          /* gold documents */
	size_t n_missing;       /* gold documents without output */
	size_t n_badjson;       /* output lines that were not JSON objects */
	size_t tp, fp, fn;      /* event triples over all documents */
	size_t n_persons;       /* gold persons */
	size_t n_persons_found;
	size_t n_persons_country; /* found with the right country */
	size_t n_meta;          /* metadata checks made */
	size_t n_meta_ok;
	double event_p, event_r, event_f1; /* 0 when undefined */
	double person_recall, person_country, metadata;
};

/*
 * Load every *.json file of gold_dir. On failure *out is NULL and errmsg (if
 * not NULL, DYAD_ERRMSG_MAX bytes) names the file and the problem:
 * DYAD_ENOENT (no such folder), DYAD_EIO, DYAD_EFORMAT (a gold file that is
 * not JSON or not in the annotation format), DYAD_ENOMEM.
 * Free with dyad_eval_free().
 */
dyad_status dyad_eval_open(const char *gold_dir, dyad_eval **out, char *errmsg);
void dyad_eval_free(dyad_eval *eval);

/*
 * Add one line of `dyad extract` output (JSON Lines; surrounding white space
 * and blank lines are ignored, bytes that are not UTF-8 read as U+FFFD). A
 * line that is not a JSON object is counted in n_badjson, not an error.
 * Returns DYAD_OK or DYAD_ENOMEM.
 */
dyad_status dyad_eval_add_line(dyad_eval *eval, const char *line, size_t len);

/* Add every line of a JSON Lines stream ("\n", "\r\n" or "\r" ends a line).
 * DYAD_EIO when reading fails, DYAD_ETOOBIG for a line over 1 GiB,
 * DYAD_ENOMEM. */
dyad_status dyad_eval_add_file(dyad_eval *eval, FILE *in);

/* Add an extracted document, scored as its dyad_doc_write_json() line
 * would be. DYAD_ENOMEM, DYAD_EIO. */
dyad_status dyad_eval_add_doc(dyad_eval *eval, const struct dyad_doc *doc);

/*
 * Score what was added against the gold, in gold file name order. When
 * verbose is not NULL, write score.py's --verbose lines to it (per document:
 * event triples right, wrong and missed, metadata checks, persons found).
 * The eval can take more documents and be scored again. DYAD_EIO when
 * writing fails, DYAD_ENOMEM.
 */
dyad_status dyad_eval_score(dyad_eval *eval, FILE *verbose,
                            struct dyad_eval_scores *out);

/* Write score.py's summary line "docs=N missing=N badjson=N event_P=0.00
 * ... metadata=0.00" and '\n'. DYAD_EIO when writing fails. */
dyad_status dyad_eval_write_scores(FILE *out,
                                   const struct dyad_eval_scores *scores);

/*
 * The precision dial's curve: for each confidence threshold from 0 to 1 in
 * steps of 0.05, the event precision, recall and F1 of what was added when
 * only the events of that confidence or more are kept (each found triple
 * counts with its best event's "confidence"; an output without one counts
 * as 1). One line per threshold: "min=0.50 event_P=0.91 event_R=0.70
 * event_F1=0.79 tp=.. fp=.. fn=..". Add an output made with the dial at 0
 * (extract --min-confidence 0). DYAD_EIO when writing fails.
 */
dyad_status dyad_eval_sweep(dyad_eval *eval, FILE *out);

/*
 * The events per CAMEO root: tp/fp/fn[r] count score.py's right, wrong and
 * missed triples of root r (1..20; 0 = a code that is no root), so they add
 * up to the summary's. confusion[g][f] counts, for each required triple of
 * root g, the output triples of root f between the same actors (root 04
 * either way); [g][0] a required triple with no output between its actors,
 * [0][f] a wrong output triple between actors the gold has nothing for.
 */
#define DYAD_EVAL_N_ROOTS 21
struct dyad_eval_roots {
	size_t tp[DYAD_EVAL_N_ROOTS], fp[DYAD_EVAL_N_ROOTS], fn[DYAD_EVAL_N_ROOTS];
	size_t confusion[DYAD_EVAL_N_ROOTS][DYAD_EVAL_N_ROOTS];
};
dyad_status dyad_eval_by_root(dyad_eval *eval, struct dyad_eval_roots *out);
/* "root tp fp fn P R F1" then one line per root that has a count. DYAD_EIO. */
dyad_status dyad_eval_write_roots(FILE *out, const struct dyad_eval_roots *roots);
/* The table: a header "gold\found" and the found roots, then one line per
 * gold root ("-" = none); only rows and columns with a count. DYAD_EIO. */
dyad_status dyad_eval_write_confusion(FILE *out, const struct dyad_eval_roots *roots);

/* ---- end of evaluation ---- */

/* ---- TABARI/PETRARCH dictionaries ----------------------------------- */

/*
 * CAMEO dictionaries in the formats of TABARI and PETRARCH (actors with dated
 * codes, agents, verb blocks with patterns and synsets, discards), and a coder
 * that uses them on single sentences without a treebank parser. See
 * docs/petrarch.md for the formats and the coding rules.
 */
typedef struct dyad_dict dyad_dict;

/* The files of one dictionary set; NULL (or 0 actor files) leaves one out. */
struct dyad_dict_files {
	const char *const *actors; /* several actor files, as Phoenix ships */
	size_t n_actors;
	const char *agents;
	const char *verbs;
	const char *discards;
};

/*
 * Load a dictionary set from path: a folder (every file whose name contains
 * "actors", "agents", "verbs", "discards" is read, actor files in name order)
 * or a config file of "actors = FILE" lines (also agents, verbs, discards;
 * paths relative to the config's folder; actors may repeat).
 * On failure *out is NULL and errmsg (DYAD_ERRMSG_MAX bytes, may be NULL)
 * says "FILE:LINE: message". Free with dyad_dict_free().
 */
dyad_status dyad_dict_open(const char *path, dyad_dict **out, char *errmsg);
dyad_status dyad_dict_open_files(const struct dyad_dict_files *files,
                                 dyad_dict **out, char *errmsg);
void dyad_dict_free(dyad_dict *dict);

struct dyad_dict_stats {
	size_t actor_entries, actor_phrases, agent_phrases;
	size_t verb_blocks, verb_forms, patterns, synsets, discards;
};
void dyad_dict_stats(const dyad_dict *dict, struct dyad_dict_stats *out);

enum dyad_dict_discard {
	DYAD_DICT_KEPT = 0,
	DYAD_DICT_SENTENCE_DISCARD, /* a discard phrase: the sentence is not coded */
	DYAD_DICT_STORY_DISCARD,    /* a '+' discard phrase: nor is its story */
};

struct dyad_dict_event {
	const char *source; /* actor code ("GONGOV"), "---GOV" for an agent alone */
	const char *target; /* actor code, or "---" when the event has no target */
	const char *code;   /* CAMEO event code as the dictionary writes it */
};

/* The coding of one sentence; everything inside belongs to it. */
struct dyad_dict_coding {
	enum dyad_dict_discard discard;
	struct dyad_dict_event *events; /* distinct (source, target, code) */
	size_t n_events;
	struct dyad__dict_coding_private *priv;
};

/*
 * Code one sentence (UTF-8, len bytes) with the dictionaries. date is the
 * sentence date ("YYYYMMDD" or "YYYY-MM-DD", NULL = undated) against which
 * dated actor codes are chosen. On DYAD_OK *out holds the events (maybe none)
 * or the discard reason; free it with dyad_dict_coding_free().
 */
dyad_status dyad_dict_code_sentence(const dyad_dict *dict, const char *text,
                                    size_t len, const char *date,
                                    struct dyad_dict_coding **out);
void dyad_dict_coding_free(struct dyad_dict_coding *coding);

/*
 * Make dyad_extract() code events with dict as well: DYAD_DICT_INSTEAD
 * replaces dyad's own event coding (its entities, quotes and amounts stay),
 * DYAD_DICT_ON_TOP adds the dictionary's events to dyad's own. Actor codes
 * follow the sentence's date (the publication date when the text gives no
 * other). dict is borrowed: it must outlive every extraction that uses it;
 * NULL goes back to dyad's own coding.
 */
enum dyad_dict_mode {
	DYAD_DICT_INSTEAD,
	DYAD_DICT_ON_TOP,
};
void dyad_engine_use_dict(dyad_engine *engine, const dyad_dict *dict,
                          enum dyad_dict_mode mode);

/*
 * A PETRARCH/TABARI validation file: <Environment> names the dictionaries,
 * each <Sentence date id category sentence> holds <EventCoding> expectations
 * and a <Text> (its <Parse> is ignored).
 */
struct dyad_validation_record {
	const char *id;
	const char *category;
	const char *date;        /* as written, "19950101" */
	int sentence;            /* sentence="true"; 0 for "false" */
	const char *text;        /* the <Text>, entities decoded */
	struct dyad_dict_event *expected; /* the <EventCoding> triples */
	size_t n_expected;
	int expect_none;         /* noevents="True" */
	const char *expect_error; /* error="..." ("sentencediscard"), or NULL */
	size_t line;             /* of the <Sentence> tag */
};

struct dyad_validation {
	const char *path;
	struct dyad_dict_files files; /* paths resolved from the file's folder */
	struct dyad_validation_record *records;
	size_t n_records;
	struct dyad__validation_private *priv;
};

/* Read a validation file. DYAD_EFORMAT with errmsg "FILE:LINE: message" when
 * it is malformed. Free with dyad_validation_free(). */
dyad_status dyad_validation_read(const char *path, struct dyad_validation **out,
                                 char *errmsg);
void dyad_validation_free(struct dyad_validation *validation);

/* ---- memory ----------------------------------------------------------- */

/* Release memory the library handed out with "free with dyad_free". */
void dyad_free(void *ptr);

#ifdef __cplusplus
}
#endif

#endif /* DYAD_H */
