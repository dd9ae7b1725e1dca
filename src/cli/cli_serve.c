/*
 * cli_serve.c - 'dyad serve': the JSON API and the web page over a
 * database, until Ctrl-C (src/serve/, docs/api.md).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "serve/serve.h"

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: dyad serve [--db PATH] [--listen HOST:PORT] [--data DIR] [--web DIR]\n"
	        "                  [--threads N] [--cache MB] [--log FILE|-] [--quiet]\n\n"
	        "Serve the JSON API (docs/api.md) and the web page over the database,\n"
	        "read-only, until interrupted (Ctrl-C or SIGTERM: running requests finish).\n\n"
	        "  --db PATH          database file (default: $DYAD_DB, else dyad.db)\n"
	        "  --listen HOST:PORT address to listen on (default %s; port 0 picks a\n"
	        "                     free one). Only loopback unless given otherwise\n"
	        "  --data DIR         knowledge files for /api/extract and /api/codes\n"
	        "  --web DIR          the page's files (default: $DYAD_WEB, else web/ of\n"
	        "                     the source tree, else PREFIX/share/dyad-web)\n"
	        "  --threads N        worker threads (default %d)\n"
	        "  --cache MB         keep answers until the database changes (default\n"
	        "                     %d MiB; 0: answer every request from the database)\n"
	        "  --log FILE         access log, one line per request (default: stderr;\n"
	        "                     '-' for stdout)\n"
	        "  --quiet            no access log\n\n"
	        "Exit status: 0 stopped by a signal, 1 no such database, 2 bad usage or\n"
	        "address, 3 the database failed.\n",
	        DYAD_SERVE_DEFAULT_LISTEN, DYAD_SERVE_THREADS, DYAD_SERVE_CACHE_MB);
}

static int is_dir(const char *path)
{
	struct stat st;
	return path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static const char *web_dir(const char *option)
{
	if (option)
		return option;
	const char *env = getenv("DYAD_WEB");
	if (env && *env)
		return env;
#ifdef DYAD_SOURCE_WEB
	if (is_dir(DYAD_SOURCE_WEB))
		return DYAD_SOURCE_WEB;
#endif
#ifdef DYAD_PREFIX_WEB
	if (is_dir(DYAD_PREFIX_WEB))
		return DYAD_PREFIX_WEB;
#endif
	return NULL;
}

static int run(struct dyad_serve_config *cfg, const char *log_path)
{
	char err[DYAD_ERRMSG_MAX] = "";
	FILE *log = stderr;
	if (log_path && strcmp(log_path, "-") == 0)
		log = stdout;
	else if (log_path && !(log = fopen(log_path, "a"))) {
		fprintf(stderr, "dyad serve: %s: %s\n", log_path, strerror(errno));
		return DYAD_EXIT_USAGE;
	}
	cfg->log = cfg->log ? log : NULL;
	if (!dyad_serve_is_loopback(cfg->listen))
		fprintf(stderr, "dyad serve: warning: %s is not a loopback address: the "
		        "database can be read from other machines\n", cfg->listen);
	if (!cfg->web_dir)
		fprintf(stderr, "dyad serve: no web/ folder found: the API only (--web DIR)\n");
	dyad_status st = dyad_serve_run(cfg, err);
	if (log != stderr && log != stdout)
		fclose(log);
	if (st == DYAD_OK)
		return DYAD_EXIT_OK;
	fprintf(stderr, "dyad serve: %s\n", err[0] ? err : dyad_strerror(st));
	if (st == DYAD_ENOENT)
		return DYAD_EXIT_FAILED;
	return st == DYAD_EINVAL ? DYAD_EXIT_USAGE : st == DYAD_EDATA ? DYAD_EXIT_FAILED
	                                                              : DYAD_EXIT_STORE;
}

int dyad_cli_serve(int argc, char **argv)
{
	static const struct option options[] = {
		{"db", required_argument, NULL, 'b'},     {"listen", required_argument, NULL, 'L'},
		{"data", required_argument, NULL, 'd'},   {"web", required_argument, NULL, 'w'},
		{"threads", required_argument, NULL, 't'}, {"log", required_argument, NULL, 'l'},
		{"quiet", no_argument, NULL, 'q'},        {"help", no_argument, NULL, 'h'},
		{"cache", required_argument, NULL, 'c'},
		{NULL, 0, NULL, 0},
	};
	struct dyad_serve_config cfg = {NULL, DYAD_SERVE_DEFAULT_LISTEN, NULL, NULL, 0, 0,
	                                DYAD_SERVE_CACHE_MB, stderr, stdout};
	const char *db = NULL, *web = NULL, *log_path = NULL;
	char *end;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		switch (c) {
		case 'h': usage(stdout); return DYAD_EXIT_OK;
		case 'b': db = optarg; break;
		case 'L': cfg.listen = optarg; break;
		case 'd': cfg.data_dir = optarg; break;
		case 'w': web = optarg; break;
		case 'l': log_path = optarg; break;
		case 'q': cfg.log = NULL; break;
		case 'c':
			errno = 0;
			cfg.cache_mb = strtoul(optarg, &end, 10);
			if (errno || *end || optarg[0] < '0' || optarg[0] > '9' || cfg.cache_mb > 65536) {
				fprintf(stderr, "dyad serve: --cache '%s': expected 0 to 65536 (MiB)\n",
				        optarg);
				return DYAD_EXIT_USAGE;
			}
			break;
		case 't':
			errno = 0;
			cfg.threads = (unsigned)strtoul(optarg, &end, 10);
			if (errno || *end || cfg.threads < 1 || cfg.threads > DYAD_SERVE_MAX_THREADS) {
				fprintf(stderr, "dyad serve: --threads '%s': expected 1 to %d\n", optarg,
				        DYAD_SERVE_MAX_THREADS);
				return DYAD_EXIT_USAGE;
			}
			break;
		default:
			dyad_cli_option_error("serve", c, argv, optind);
			usage(stderr);
			return DYAD_EXIT_USAGE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "dyad serve: unexpected argument '%s'\n", argv[optind]);
		return DYAD_EXIT_USAGE;
	}
	cfg.db_path = dyad_cli_db_path(db);
	cfg.web_dir = web_dir(web);
	return run(&cfg, log_path);
}
