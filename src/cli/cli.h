/*
 * cli.h - the subcommands of the dyad program. main.c only dispatches; each
 * subcommand lives in its own cli_NAME.c and parses its own options.
 *
 * Exit status of every subcommand: 0 success, 1 when some document or query
 * failed, 2 for bad usage, 3 when the database failed (could not be opened,
 * read or written: a full disk, an I/O error, corruption, a read-only file,
 * a lock held too long, a schema of another version). A database error
 * stops a run at once; it is never counted as a failed document.
 */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

#include "dyad.h"

enum {
	DYAD_EXIT_OK = 0,
	DYAD_EXIT_FAILED = 1,
	DYAD_EXIT_USAGE = 2,
	DYAD_EXIT_STORE = 3,
};

/* argv[0] is the subcommand name. */
int dyad_cli_extract(int argc, char **argv);
int dyad_cli_ingest(int argc, char **argv);
int dyad_cli_events(int argc, char **argv);
int dyad_cli_export(int argc, char **argv);
int dyad_cli_doc(int argc, char **argv);
int dyad_cli_stats(int argc, char **argv);
int dyad_cli_entities(int argc, char **argv);
int dyad_cli_entity(int argc, char **argv);
int dyad_cli_serve(int argc, char **argv);
int dyad_cli_check(int argc, char **argv);
int dyad_cli_codes(int argc, char **argv);
int dyad_cli_eval(int argc, char **argv);
int dyad_cli_validate(int argc, char **argv);
int dyad_cli_parse(int argc, char **argv);
int dyad_cli_train(int argc, char **argv);

/* The data folder: option_value, else $DYAD_DATA, the source tree's, the
 * installed one (cli_parse.c). */
const char *dyad_cli_data_dir(const char *option_value);

/* Load the grammar model of lang (model: another file, or NULL) and the
 * dictionary it needs; 0 (reported on stderr) on failure. Both are freed by
 * the caller (dyad_grammar_free, dyad__morph_free). */
struct dyad_grammar;
struct dyad__morph;
int dyad_cli_open_grammar(const char *data_dir, const char *lang, const char *model,
                          struct dyad_grammar **g, struct dyad__morph **dict);

/* Open the engine (data from $DYAD_DATA or the defaults), reporting failures
 * on stderr. NULL on failure. */
dyad_engine *dyad_cli_open_engine(const char *data_dir);

/* 1 when arg is -h or --help. */
int dyad_cli_is_help(const char *arg);

/* "auto", "text", "html", "jsonl" -> *out; 0 for anything else. */
int dyad_cli_parse_format(const char *s, enum dyad_format *out);

/* Load the TABARI/PETRARCH dictionaries at path (NULL: none) and have the
 * engine code with them; *out is the set to free after the engine's last
 * use. 0 (reported on stderr) when they could not be loaded. */
int dyad_cli_use_dict(dyad_engine *engine, const char *path, enum dyad_dict_mode mode,
                      dyad_dict **out);

/* Report what getopt_long() objected to: code ':' is an option missing its
 * value, anything else an unknown option. */
void dyad_cli_option_error(const char *command, int code, char **argv, int next);

/* The value of -j / --jobs: a number of threads from 1 to 256 -> *out; 0
 * for anything else. */
int dyad_cli_parse_jobs(const char *s, unsigned *out);

/* --min-confidence X: a number from 0 to 1 into *out; 0 when it is not. */
int dyad_cli_parse_confidence(const char *s, double *out);

/* The database path: --db value, else $DYAD_DB, else "dyad.db". */
const char *dyad_cli_db_path(const char *option_value);

/* Name on stderr what the reader ignored in an input it kept (a JSON
 * Lines field of the wrong type): "dyad: PATH: warning: ...". */
void dyad_cli_warn_input(const struct dyad_input *input);

/* Open the database at path for a command that only reads, reporting a
 * failure on stderr. The exit status for the failure when NULL: 1 when
 * the file does not exist, DYAD_EXIT_STORE otherwise. */
dyad_store *dyad_cli_open_store_readonly(const char *path, int *exit_code);

/* The listing filters that `events` and `export` share (--actor, --country,
 * --dyad, --code, --since, --until, --lang, --match as 'a', 'c', 'y', 'C',
 * 's', 'u', 'l', 'm' of their getopt tables): 1 when c was one of them and
 * arg is now in filter, 0 otherwise. */
int dyad_cli_filter_option(int c, const char *arg, struct dyad_event_filter *filter);

#endif
