/*
 * test_read.c - the read stage: encodings, binary and empty files, gzip,
 * JSON Lines, HTML reduction, folder walking, missing paths, oversized
 * files. Every error path of src/read has a test here.
 *
 * Files are written to a fresh temporary folder at run time (the 100 MB
 * file too, deleted at the end); the HTML fixture lives in
 * tests/fixtures/read/ and is found relative to the repository root, where
 * tests/run runs the tests.
 */
#define _GNU_SOURCE /* mkdtemp */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "dyad.h"
#include "read/decode.h"
#include "read/format.h"
#include "read/gzip.h"
#include "read/html.h"
#include "read/jsonl.h"
#include "testdoc.h"
#include "testlib.h"

#define FIXTURES "tests/fixtures/read"
#define BIG_FILE_BYTES ((size_t)100 << 20)
#define BIG_FILE_SECONDS 5.0
#define MAX_DOCS 32
#define PATH_MAX_LEN 512

static char tmp_dir[PATH_MAX_LEN];
/* The engine HTML pages are reduced with (data/html/), as in dyad extract. */
static dyad_engine *engine;

/* ---- helpers ------------------------------------------------------------ */

static const char *tmp_path(const char *name)
{
	static char paths[8][PATH_MAX_LEN];
	static int next;
	char *p = paths[next++ % 8];
	snprintf(p, PATH_MAX_LEN, "%s/%s", tmp_dir, name);
	return p;
}

static const char *write_file(const char *name, const void *bytes, size_t len)
{
	const char *path = tmp_path(name);
	FILE *f = fopen(path, "wb");
	if (!f)
		return path;
	if (len)
		fwrite(bytes, 1, len, f);
	fclose(f);
	return path;
}

static const char *write_str(const char *name, const char *s)
{
	return write_file(name, s, strlen(s));
}

static void make_dir(const char *name)
{
	mkdir(tmp_path(name), 0755);
}

static void remove_tree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return;
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(path);
		if (d) {
			struct dirent *e;
			while ((e = readdir(d))) {
				if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
					continue;
				char child[PATH_MAX_LEN];
				snprintf(child, sizeof child, "%s/%s", path, e->d_name);
				remove_tree(child);
			}
			closedir(d);
		}
		rmdir(path);
	} else {
		unlink(path);
	}
}

/* A copy of one document as the reader gave it. */
struct doc {
	char *path, *text, *error, *url, *title, *published, *source, *author;
	char *warning;
	size_t text_len;
	dyad_status status;
	enum dyad_format format;
};

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void doc_release(struct doc *d)
{
	free(d->path);
	free(d->text);
	free(d->error);
	free(d->url);
	free(d->title);
	free(d->published);
	free(d->source);
	free(d->author);
	free(d->warning);
	memset(d, 0, sizeof *d);
}

/* Read every document of paths into docs; returns how many (-1 on failure). */
static int read_all(const char *const *paths, size_t n_paths,
                    enum dyad_format format, struct doc *docs)
{
	dyad_reader *r;
	if (dyad_reader_open(paths, n_paths, format, &r) != DYAD_OK)
		return -1;
	dyad_reader_set_engine(r, engine);
	int n = 0;
	const struct dyad_input *in;
	dyad_status st;
	while ((st = dyad_reader_next(r, &in)) == DYAD_OK && n < MAX_DOCS) {
		struct doc *d = &docs[n++];
		d->path = dup_or_null(in->path);
		d->text = in->text ? malloc(in->text_len + 1) : NULL;
		if (d->text) {
			memcpy(d->text, in->text, in->text_len);
			d->text[in->text_len] = '\0';
			/* the reader promises NUL termination and valid UTF-8 */
			CHECK(in->text[in->text_len] == '\0');
			CHECK(strlen(in->text) == in->text_len);
		}
		d->text_len = in->text_len;
		d->error = dup_or_null(in->error);
		d->url = dup_or_null(in->url);
		d->title = dup_or_null(in->title);
		d->published = dup_or_null(in->published);
		d->source = dup_or_null(in->source);
		d->author = dup_or_null(in->author);
		d->warning = dup_or_null(in->warning);
		d->status = in->status;
		d->format = in->format;
		if (in->status != DYAD_OK)
			CHECK(in->error != NULL);
	}
	CHECK_INT_EQ(st, DYAD_DONE);
	dyad_reader_free(r);
	return n;
}

/* Read the single document of path. */
static struct doc read_one(const char *path)
{
	struct doc docs[MAX_DOCS];
	memset(docs, 0, sizeof docs);
	int n = read_all(&path, 1, DYAD_FORMAT_AUTO, docs);
	CHECK_INT_EQ(n, 1);
	for (int i = 1; i < n; i++)
		doc_release(&docs[i]);
	return docs[0];
}

static void free_docs(struct doc *docs, int n)
{
	for (int i = 0; i < n; i++)
		doc_release(&docs[i]);
}

/* gzip (not zlib) compression of (s, len) into a malloc'd buffer. */
static unsigned char *gzip_bytes(const void *s, size_t len, size_t *out_len)
{
	z_stream zs;
	memset(&zs, 0, sizeof zs);
	if (deflateInit2(&zs, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8,
	                 Z_DEFAULT_STRATEGY) != Z_OK)
		return NULL;
	size_t cap = deflateBound(&zs, (uLong)len) + 64;
	unsigned char *out = malloc(cap);
	zs.next_in = (Bytef *)(uintptr_t)s;
	zs.avail_in = (uInt)len;
	zs.next_out = out;
	zs.avail_out = (uInt)cap;
	int rc = deflate(&zs, Z_FINISH);
	*out_len = cap - zs.avail_out;
	deflateEnd(&zs);
	if (rc != Z_STREAM_END) {
		free(out);
		return NULL;
	}
	return out;
}

static int contains(const char *hay, const char *needle)
{
	return hay && strstr(hay, needle) != NULL;
}

/* ---- encodings ---------------------------------------------------------- */

static const char ru_utf8[] =
	"Министр иностранных дел Азербайджана встретился с послом Франции в Баку.";
static const char ru_cp1251[] =
	"\xcc\xe8\xed\xe8\xf1\xf2\xf0 \xe8\xed\xee\xf1\xf2\xf0\xe0\xed\xed\xfb\xf5 "
	"\xe4\xe5\xeb \xc0\xe7\xe5\xf0\xe1\xe0\xe9\xe4\xe6\xe0\xed\xe0 "
	"\xe2\xf1\xf2\xf0\xe5\xf2\xe8\xeb\xf1\xff \xf1 \xef\xee\xf1\xeb\xee\xec "
	"\xd4\xf0\xe0\xed\xf6\xe8\xe8 \xe2 \xc1\xe0\xea\xf3.";
static const char ru_koi8r[] =
	"\xed\xc9\xce\xc9\xd3\xd4\xd2 \xc9\xce\xcf\xd3\xd4\xd2\xc1\xce\xce\xd9\xc8 "
	"\xc4\xc5\xcc \xe1\xda\xc5\xd2\xc2\xc1\xca\xc4\xd6\xc1\xce\xc1 "
	"\xd7\xd3\xd4\xd2\xc5\xd4\xc9\xcc\xd3\xd1 \xd3 \xd0\xcf\xd3\xcc\xcf\xcd "
	"\xe6\xd2\xc1\xce\xc3\xc9\xc9 \xd7 \xe2\xc1\xcb\xd5.";

TEST(utf8_bom_is_stripped)
{
	struct doc d = read_one(write_str("bom.txt", "\xEF\xBB\xBFHello, Baku.\n"));
	CHECK_INT_EQ(d.status, DYAD_OK);
	CHECK_STR_EQ(d.text, "Hello, Baku.\n");
	CHECK_INT_EQ(d.format, DYAD_FORMAT_TEXT);
	doc_release(&d);
}

TEST(crlf_and_cr_become_lf)
{
	struct doc d = read_one(write_str("crlf.txt", "one\r\ntwo\rthree\r\n\r\nfour"));
	CHECK_STR_EQ(d.text, "one\ntwo\nthree\n\nfour");
	doc_release(&d);
}

TEST(cp1251_russian_is_converted)
{
	struct doc d = read_one(write_str("cp1251.txt", ru_cp1251));
	CHECK_INT_EQ(d.status, DYAD_OK);
	CHECK_STR_EQ(d.text, ru_utf8);
	doc_release(&d);
}

TEST(koi8r_russian_is_converted)
{
	struct doc d = read_one(write_str("koi8.txt", ru_koi8r));
	CHECK_STR_EQ(d.text, ru_utf8);
	doc_release(&d);
}

TEST(latin1_cafe_is_converted)
{
	struct doc d = read_one(write_str("latin1.txt", "Le caf\xe9 est tr\xe8s bon \xe0 Paris.\n"));
	CHECK_INT_EQ(d.status, DYAD_OK);
	CHECK_STR_EQ(d.text, "Le café est très bon à Paris.\n");
	doc_release(&d);
	/* Windows-1252 punctuation in 0x80-0x9F */
	d = read_one(write_str("cp1252.txt", "\x93" "Caf\xe9\x94 \x96 open\n"));
	CHECK_STR_EQ(d.text, "“Café” – open\n");
	doc_release(&d);
}

TEST(utf16le_with_bom_is_converted)
{
	/* "Привет, Baku\r\n" in UTF-16LE after FF FE */
	static const unsigned char bytes[] = {
		0xFF, 0xFE, 0x1F, 0x04, 0x40, 0x04, 0x38, 0x04, 0x32, 0x04, 0x35, 0x04,
		0x42, 0x04, ',', 0, ' ', 0, 'B', 0, 'a', 0, 'k', 0, 'u', 0, '\r', 0,
		'\n', 0};
	struct doc d = read_one(write_file("utf16le.txt", bytes, sizeof bytes));
	CHECK_INT_EQ(d.status, DYAD_OK);
	CHECK_STR_EQ(d.text, "Привет, Baku\n");
	doc_release(&d);
}

TEST(utf16be_with_bom_and_bomless_utf16le)
{
	static const unsigned char be[] = {0xFE, 0xFF, 0, 'O', 0, 'k', 0x04, 0x34, 0, '\n'};
	struct doc d = read_one(write_file("utf16be.txt", be, sizeof be));
	CHECK_STR_EQ(d.text, "Okд\n");
	doc_release(&d);
	static const unsigned char le[] = {'N', 0, 'e', 0, 'w', 0, 's', 0, ' ', 0,
	                                   'f', 0, 'r', 0, 'o', 0, 'm', 0, ' ', 0,
	                                   'B', 0, 'a', 0, 'k', 0, 'u', 0};
	d = read_one(write_file("utf16-nobom.txt", le, sizeof le));
	CHECK_INT_EQ(d.status, DYAD_OK);
	CHECK_STR_EQ(d.text, "News from Baku");
	doc_release(&d);
}

TEST(binary_files_are_refused)
{
	static const unsigned char nul[] = {'%', 'P', 'D', 'F', 0, 1, 2, 3, 'x'};
	struct doc d = read_one(write_file("nul.bin", nul, sizeof nul));
	CHECK_INT_EQ(d.status, DYAD_EBINARY);
	CHECK_STR_EQ(d.error, "binary file (NUL bytes)");
	CHECK(d.text == NULL);
	doc_release(&d);
	d = read_one(write_str("ctrl.bin", "\x01\x02\x03\x04\x05\x06 ab\x07\x08\x0e\x0f"));
	CHECK_INT_EQ(d.status, DYAD_EBINARY);
	CHECK_STR_EQ(d.error, "binary file (control characters)");
	doc_release(&d);
}

TEST(empty_and_blank_files_are_refused)
{
	struct doc d = read_one(write_str("empty.txt", ""));
	CHECK_INT_EQ(d.status, DYAD_EEMPTY);
	CHECK_STR_EQ(d.error, "empty file");
	doc_release(&d);
	d = read_one(write_str("blank.txt", " \n\t\r\n \xC2\xA0 \n"));
	CHECK_INT_EQ(d.status, DYAD_EEMPTY);
	CHECK_STR_EQ(d.error, "only white space");
	doc_release(&d);
	d = read_one(write_str("bom-only.txt", "\xEF\xBB\xBF"));
	CHECK_INT_EQ(d.status, DYAD_EEMPTY);
	doc_release(&d);
}

/*
 * The choice documented in decode.h: bytes that are neither UTF-8 nor
 * plausible Windows-1251/KOI8-R/Windows-1252 are refused (DYAD_EENCODING)
 * rather than turned into mojibake; UTF-8 with a rare broken byte is kept,
 * the byte replaced by U+FFFD.
 */
TEST(implausible_bytes_are_refused_nearly_utf8_is_repaired)
{
	struct doc d = read_one(write_str("junk.txt", "Report \x81\x8d\x90\x9d\xff\xfe\x8f data\n"));
	CHECK_INT_EQ(d.status, DYAD_EENCODING);
	CHECK(contains(d.error, "not UTF-8"));
	doc_release(&d);
	/* mostly high bytes, isolated: not Russian, too many for Latin-1 */
	d = read_one(write_str("junk2.txt", "\xe9x\xe8y\xe0z\xf6w\xfc\xe4\xf1 \xe7"));
	CHECK_INT_EQ(d.status, DYAD_EENCODING);
	doc_release(&d);
	d = read_one(write_str("repair.txt", "Баку, Москва и Тбилиси \xff договорились."));
	CHECK_INT_EQ(d.status, DYAD_OK);
	CHECK_STR_EQ(d.text, "Баку, Москва и Тбилиси \xEF\xBF\xBD договорились.");
	doc_release(&d);
}

TEST(decode_api_directly)
{
	struct dyad_buf out;
	dyad_buf_init(&out, 0);
	char err[DYAD_ERRMSG_MAX];
	enum dyad__encoding enc;
	CHECK_INT_EQ(dyad__decode(ru_cp1251, strlen(ru_cp1251), NULL, &out, &enc, err), DYAD_OK);
	CHECK_INT_EQ(enc, DYAD_ENC_CP1251);
	CHECK_STR_EQ(out.data, ru_utf8);
	/* a declared charset wins over the guess */
	CHECK_INT_EQ(dyad__decode("caf\xe9", 4, "ISO-8859-5", &out, &enc, err), DYAD_OK);
	CHECK_INT_EQ(enc, DYAD_ENC_DECLARED);
	CHECK_STR_EQ(out.data, "cafщ");
	CHECK_INT_EQ(dyad__decode("caf\xe9", 4, "no-such-charset", &out, &enc, err), DYAD_OK);
	CHECK_INT_EQ(enc, DYAD_ENC_CP1252);
	CHECK_INT_EQ(dyad__newlines_to_lf((char[]){"a\r\r\nb"}, 5), 4);
	CHECK(dyad__is_blank("\xE2\x80\x83 \xEF\xBB\xBF", 7));
	CHECK(!dyad__is_blank(" x", 2));
	dyad_buf_release(&out);
}

/* ---- gzip --------------------------------------------------------------- */

TEST(gzip_round_trip)
{
	const char *text = "Azerbaijan and Turkey signed a gas deal.\nThe deal runs to 2030.\n";
	size_t gz_len;
	unsigned char *gz = gzip_bytes(text, strlen(text), &gz_len);
	CHECK(gz != NULL);
	struct doc d = read_one(write_file("deal.txt.gz", gz, gz_len));
	CHECK_INT_EQ(d.status, DYAD_OK);
	CHECK_STR_EQ(d.text, text);
	doc_release(&d);
	/* by magic bytes, whatever the name */
	d = read_one(write_file("deal.dat", gz, gz_len));
	CHECK_STR_EQ(d.text, text);
	doc_release(&d);
	/* two members, as `cat a.gz b.gz` makes */
	unsigned char *two = malloc(2 * gz_len);
	memcpy(two, gz, gz_len);
	memcpy(two + gz_len, gz, gz_len);
	d = read_one(write_file("twice.txt.gz", two, 2 * gz_len));
	CHECK(d.text && d.text_len == 2 * strlen(text));
	doc_release(&d);
	free(two);
	free(gz);
}

/* Inflate (in, len) through the streaming calls in chunks of `chunk`. */
static dyad_status gunzip_chunked(const unsigned char *in, size_t len, size_t chunk,
                                  size_t *total)
{
	unsigned char out[4096];
	char err[DYAD_ERRMSG_MAX];
	struct dyad__gunzip gz;
	size_t at = 0, want = chunk;
	*total = 0;
	dyad_status st = dyad__gunzip_init(&gz);
	while (st == DYAD_OK) {
		size_t n = len - at < want ? len - at : want, used = 0, made = 0;
		st = dyad__gunzip_step(&gz, in + at, n, &used, out, sizeof out, &made, err);
		at += used;
		*total += made;
		if (used || made)
			want = chunk;
		else if (at + n >= len)
			break;
		else
			want += chunk; /* it waits for more bytes, as source.c gives */
	}
	if (st == DYAD_OK)
		st = dyad__gunzip_finish(&gz, err);
	dyad__gunzip_end(&gz);
	return st;
}

/* Found by tests/fuzz/fuzz_gzip: garbage after a member used to hide a later
 * member only when it arrived in the same chunk. */
TEST(gzip_garbage_ends_the_data_whatever_the_chunks)
{
	size_t a_len = 0, b_len = 0;
	unsigned char *a = gzip_bytes("one member\n", 11, &a_len);
	unsigned char *b = gzip_bytes("two members\n", 12, &b_len);
	unsigned char data[512];
	CHECK(a && b && a_len + 36 + b_len <= sizeof data);
	if (!a || !b || a_len + 36 + b_len > sizeof data) {
		free(a);
		free(b);
		return;
	}
	memcpy(data, a, a_len);
	memset(data + a_len, 0, 36);
	memcpy(data + a_len + 36, b, b_len);
	size_t len = a_len + 36 + b_len;
	char err[DYAD_ERRMSG_MAX];
	struct dyad_buf whole;
	dyad_buf_init(&whole, 1 << 20);
	CHECK_INT_EQ(dyad__gunzip_buf(data, len, &whole, err), DYAD_OK);
	CHECK_INT_EQ(whole.len, 11);
	for (size_t chunk = 1; chunk <= 64; chunk++) {
		size_t total = 0;
		CHECK_INT_EQ(gunzip_chunked(data, len, chunk, &total), DYAD_OK);
		if (total != whole.len)
			TESTLIB_FAIL("chunks of %zu: %zu bytes, whole: %zu", chunk, total,
			             whole.len);
	}
	dyad_buf_release(&whole);
	free(a);
	free(b);
}

TEST(truncated_and_corrupt_gzip_fail)
{
	static char text[4096];
	for (size_t i = 0; i + 1 < sizeof text; i++)
		text[i] = (char)('a' + (i * 7) % 26);
	size_t gz_len;
	unsigned char *gz = gzip_bytes(text, strlen(text), &gz_len);
	struct doc d = read_one(write_file("cut.txt.gz", gz, gz_len / 2));
	CHECK_INT_EQ(d.status, DYAD_EGZIP);
	CHECK_STR_EQ(d.error, "truncated gzip data");
	doc_release(&d);
	/* the header alone */
	d = read_one(write_file("header.gz", gz, 10));
	CHECK_INT_EQ(d.status, DYAD_EGZIP);
	doc_release(&d);
	gz[12] ^= 0xFF;
	gz[13] ^= 0xFF;
	gz[gz_len - 6] ^= 0xFF; /* the CRC */
	d = read_one(write_file("bad.txt.gz", gz, gz_len));
	CHECK_INT_EQ(d.status, DYAD_EGZIP);
	CHECK(contains(d.error, "corrupt gzip data"));
	doc_release(&d);
	free(gz);
}

TEST(gzip_bomb_is_capped)
{
	size_t n = DYAD_MAX_DOC_BYTES + ((size_t)1 << 20);
	char *text = malloc(n);
	memset(text, 'a', n);
	size_t gz_len;
	unsigned char *gz = gzip_bytes(text, n, &gz_len);
	free(text);
	struct doc d = read_one(write_file("bomb.txt.gz", gz, gz_len));
	CHECK_INT_EQ(d.status, DYAD_ETOOBIG);
	CHECK(contains(d.error, "limit"));
	doc_release(&d);
	/* the in-memory inflater honours the buffer's cap the same way */
	struct dyad_buf out;
	dyad_buf_init(&out, 1000);
	char err[DYAD_ERRMSG_MAX];
	CHECK_INT_EQ(dyad__gunzip_buf(gz, gz_len, &out, err), DYAD_ETOOBIG);
	dyad_buf_release(&out);
	free(gz);
}

/* ---- JSON Lines --------------------------------------------------------- */

TEST(jsonl_lines_are_documents)
{
	const char *path = write_str(
		"news.jsonl",
		"{\"text\": \"Line one text.\\r\\nSecond line.\", \"title\": \"One\", "
		"\"url\": \"https://x.example/1\", \"published\": \"2021-09-28\", "
		"\"source\": \"Trend\", \"author\": \"A. Writer\"}\n"
		"{\"text\": \"broken\n"
		"\n"
		"{\"html\": \"<html><head><meta property='og:title' content='Page'>"
		"<meta property='og:site_name' content='Site'>"
		"<meta name='author' content='Page Author'></head><body><article>"
		"<h1>Headline here</h1><p>Body paragraph.</p></article></body></html>\", "
		"\"title\": \"Given title\"}\r\n");
	struct doc docs[MAX_DOCS];
	int n = read_all(&path, 1, DYAD_FORMAT_AUTO, docs);
	CHECK_INT_EQ(n, 3);
	if (n == 3) {
		CHECK(contains(docs[0].path, "news.jsonl:1"));
		CHECK_INT_EQ(docs[0].status, DYAD_OK);
		CHECK_INT_EQ(docs[0].format, DYAD_FORMAT_JSONL);
		CHECK_STR_EQ(docs[0].text, "Line one text.\nSecond line.");
		CHECK_STR_EQ(docs[0].title, "One");
		CHECK_STR_EQ(docs[0].url, "https://x.example/1");
		CHECK_STR_EQ(docs[0].published, "2021-09-28");
		CHECK_STR_EQ(docs[0].source, "Trend");
		CHECK_STR_EQ(docs[0].author, "A. Writer");

		CHECK(contains(docs[1].path, "news.jsonl:2"));
		CHECK_INT_EQ(docs[1].status, DYAD_EFORMAT);
		CHECK(contains(docs[1].error, "line 2: invalid JSON: "));

		/* the blank line 3 is skipped; line 4 is HTML, its given title wins */
		CHECK(contains(docs[2].path, "news.jsonl:4"));
		CHECK_INT_EQ(docs[2].status, DYAD_OK);
		CHECK_STR_EQ(docs[2].text, "Headline here\n\nBody paragraph.\n");
		CHECK_STR_EQ(docs[2].title, "Given title");
		CHECK_STR_EQ(docs[2].source, "Site");
		CHECK_STR_EQ(docs[2].author, "Page Author");
	}
	free_docs(docs, n);
}

TEST(jsonl_bad_records)
{
	const char *path = write_str(
		"bad.ndjson",
		"[1, 2]\n"
		"{\"title\": \"no body\"}\n"
		"{\"text\": 42}\n"
		"{\"text\": \"   \"}\n"
		"{\"text\": \"Named.\", \"path\": \"corpus/a.txt\", \"id\": 7}\n"
		"{\"html\": \"<nav>Home</nav>\"}\n"
		"{\"text\": \"ok\", \"title\": [1]}\n");
	struct doc docs[MAX_DOCS];
	int n = read_all(&path, 1, DYAD_FORMAT_AUTO, docs);
	CHECK_INT_EQ(n, 7);
	if (n == 7) {
		CHECK_INT_EQ(docs[5].status, DYAD_EEMPTY);
		CHECK_STR_EQ(docs[5].error, "line 6: no article text in the HTML page");
		/* a fact of the wrong type is ignored, the record kept */
		CHECK_INT_EQ(docs[6].status, DYAD_OK);
		CHECK_STR_EQ(docs[6].text, "ok");
		CHECK_STR_EQ(docs[6].warning, "\"title\" is an array, not a string: ignored");
		CHECK_INT_EQ(docs[0].status, DYAD_EFORMAT);
		CHECK_STR_EQ(docs[0].error, "line 1: expected a JSON object");
		CHECK_INT_EQ(docs[1].status, DYAD_EEMPTY);
		CHECK_STR_EQ(docs[1].error, "line 2: no \"text\" or \"html\" field");
		CHECK_INT_EQ(docs[2].status, DYAD_EFORMAT);
		CHECK_STR_EQ(docs[2].error, "line 3: \"text\" is a number, not a string");
		CHECK_INT_EQ(docs[3].status, DYAD_EEMPTY);
		CHECK_STR_EQ(docs[3].error, "line 4: only white space");
		CHECK_INT_EQ(docs[4].status, DYAD_OK);
		CHECK_STR_EQ(docs[4].path, "corpus/a.txt");
	}
	free_docs(docs, n);
}

TEST(jsonl_overlong_line_fails_alone)
{
	const char *path = tmp_path("long.jsonl");
	FILE *f = fopen(path, "wb");
	CHECK(f != NULL);
	if (!f)
		return;
	fputs("{\"text\": \"", f);
	static char chunk[1 << 16];
	memset(chunk, 'y', sizeof chunk);
	for (size_t done = 0; done <= DYAD_JSONL_MAX_LINE; done += sizeof chunk)
		fwrite(chunk, 1, sizeof chunk, f);
	fputs("\"}\n{\"text\": \"After.\"}\n", f);
	fclose(f);
	struct doc docs[MAX_DOCS];
	int n = read_all(&path, 1, DYAD_FORMAT_AUTO, docs);
	CHECK_INT_EQ(n, 2);
	if (n == 2) {
		CHECK_INT_EQ(docs[0].status, DYAD_ETOOBIG);
		CHECK(contains(docs[0].error, "line 1: longer than"));
		CHECK_STR_EQ(docs[1].text, "After.");
	}
	free_docs(docs, n);
	unlink(path);
}

TEST(jsonl_gz_is_read_by_inner_type)
{
	const char *lines = "{\"text\": \"First.\"}\n{\"text\": \"Second.\"}\n";
	size_t gz_len;
	unsigned char *gz = gzip_bytes(lines, strlen(lines), &gz_len);
	const char *path = write_file("feed.jsonl.gz", gz, gz_len);
	struct doc docs[MAX_DOCS];
	int n = read_all(&path, 1, DYAD_FORMAT_AUTO, docs);
	CHECK_INT_EQ(n, 2);
	if (n == 2) {
		CHECK_STR_EQ(docs[0].text, "First.");
		CHECK_STR_EQ(docs[1].text, "Second.");
		CHECK(contains(docs[1].path, "feed.jsonl.gz:2"));
	}
	free_docs(docs, n);
	/* a truncated JSON Lines gzip: the lines before the cut, then one failure */
	path = write_file("cut.jsonl.gz", gz, gz_len - 4);
	n = read_all(&path, 1, DYAD_FORMAT_AUTO, docs);
	CHECK(n >= 1);
	if (n >= 1) {
		CHECK_INT_EQ(docs[n - 1].status, DYAD_EGZIP);
		CHECK_STR_EQ(docs[n - 1].error, "truncated gzip data");
	}
	free_docs(docs, n);
	free(gz);
}

/* ---- HTML --------------------------------------------------------------- */

TEST(html_article_is_kept_clutter_dropped)
{
	struct doc d = read_one(FIXTURES "/page.html");
	CHECK_INT_EQ(d.status, DYAD_OK);
	CHECK_INT_EQ(d.format, DYAD_FORMAT_HTML);
	const char *want_start = "Ministers discuss new rail link\n\n";
	CHECK(d.text && strncmp(d.text, want_start, strlen(want_start)) == 0);
	CHECK(contains(d.text, "\n\nBAKU, April 12. The transport ministers"));
	CHECK(contains(d.text, "\n\n“This line will cut the travel time by half,” the minister"));
	CHECK(contains(d.text, "Length: 450 km\nCost: $1.2 billion"));
	static const char *const clutter[] = {
		"Politics", "cookies", "Share on Facebook", "Tweet", "Related",
		"Port traffic", "Comments", "Great news", "Most read", "Weather",
		"rights reserved", "tracking", "color", "not text",
	};
	for (size_t i = 0; i < sizeof clutter / sizeof clutter[0]; i++)
		if (contains(d.text, clutter[i]))
			TESTLIB_FAIL("clutter kept: %s", clutter[i]);
	CHECK_STR_EQ(d.title, "Ministers discuss new rail link between the two capitals");
	CHECK_STR_EQ(d.published, "2023-04-12T09:30:00+04:00");
	CHECK_STR_EQ(d.author, "Leyla Mammadova");
	CHECK_STR_EQ(d.source, "Caspian Daily");
	CHECK_STR_EQ(d.url, "https://caspiandaily.example/news/rail-link-42");
	doc_release(&d);
}

TEST(html_without_article_uses_density_and_title_tag)
{
	const char *page =
		"<html><head><title>Talks end in Ankara - Day.Az</title>"
		"<link rel=canonical href='https://day.example/1'></head><body>"
		"<div id='menu'><a href='/'>Home</a> <a href='/x'>World</a></div>"
		"<div class='content'><div class='byline'>By Anna Petrova</div>"
		"<p>ANKARA, May 3. Talks between the delegations ended on Tuesday with a joint statement.</p>"
		"<p>The next round is planned for June in Baku, officials said.</p>"
		"<div>Both sides<br>welcomed the result.</div></div>"
		"<div class='footer-links'><p>About us. Contacts. Advertising on this site.</p></div>"
		"<time datetime='2022-05-03'>3 May</time>"
		"</body></html>";
	struct doc d = read_one(write_str("page.htm", page));
	CHECK_INT_EQ(d.status, DYAD_OK);
	CHECK_STR_EQ(d.title, "Talks end in Ankara");
	CHECK_STR_EQ(d.author, "Anna Petrova");
	CHECK_STR_EQ(d.url, "https://day.example/1");
	CHECK_STR_EQ(d.published, "2022-05-03");
	CHECK_STR_EQ(d.text,
	             "Talks end in Ankara\n\n" /* the byline is a fact, not text */
	             "ANKARA, May 3. Talks between the delegations ended on Tuesday with a joint statement.\n\n"
	             "The next round is planned for June in Baku, officials said.\n\n"
	             "Both sides\nwelcomed the result.\n");
	doc_release(&d);
}

TEST(html_title_suffix_needs_a_site_name)
{
	/* a dash inside a headline is not a site suffix */
	const char *page =
		"<!doctype html><title>Unity brought victory - Kyrgyz ambassador</title>"
		"<p>The ambassador spoke on Tuesday about the anniversary.</p>";
	struct doc d = read_one(write_str("dash.html", page));
	CHECK_STR_EQ(d.title, "Unity brought victory - Kyrgyz ambassador");
	doc_release(&d);
	page = "<!doctype html><head><meta property='og:site_name' content='Azer News'>"
	       "<title>Azer News - Gas exports grow</title></head>"
	       "<body><p>Exports grew by ten percent.</p></body>";
	d = read_one(write_str("prefix.html", page));
	CHECK_STR_EQ(d.title, "Gas exports grow");
	CHECK_STR_EQ(d.text, "Gas exports grow\n\nExports grew by ten percent.\n");
	doc_release(&d);
}

TEST(html_json_ld_and_charset)
{
	/* cp1251 page that declares its charset; facts from JSON-LD */
	const char *page =
		"<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>"
		"<script type='application/ld+json'>{\"@context\":\"https://schema.org\","
		"\"@graph\":[{\"@type\":\"NewsArticle\",\"headline\":\"Headline LD\","
		"\"datePublished\":\"2020-01-02T03:04:05Z\",\"author\":[{\"name\":\"Ivan\"},"
		"{\"name\":\"Olga\"}],\"publisher\":{\"@type\":\"Organization\",\"name\":\"LD News\"}}]}"
		"</script></head><body><article><p>\xcc\xe8\xed\xe8\xf1\xf2\xf0 "
		"\xe2 \xc1\xe0\xea\xf3.</p></article></body></html>";
	struct doc d = read_one(write_str("ld.html", page));
	CHECK_INT_EQ(d.status, DYAD_OK);
	CHECK_STR_EQ(d.text, "Headline LD\n\nМинистр в Баку.\n");
	CHECK_STR_EQ(d.title, "Headline LD");
	CHECK_STR_EQ(d.published, "2020-01-02T03:04:05Z");
	CHECK_STR_EQ(d.author, "Ivan, Olga");
	CHECK_STR_EQ(d.source, "LD News");
	doc_release(&d);
}

TEST(html_without_text_is_empty)
{
	const char *page = "<html><head><title>Home</title></head><body>"
	                   "<nav><a href='/'>Home</a></nav><script>x()</script></body></html>";
	struct doc d = read_one(write_str("nothing.html", page));
	CHECK_INT_EQ(d.status, DYAD_EEMPTY);
	CHECK_STR_EQ(d.error, "no article text in the HTML page");
	doc_release(&d);
}

/* Append s to page at *n (the caller sized page). */
static void put(char *page, size_t *n, const char *s)
{
	size_t len = strlen(s);
	memcpy(page + *n, s, len);
	*n += len;
}

TEST(html_nested_too_deep_is_refused)
{
	/* gumbo is quadratic in nesting depth: such pages are refused up front */
	size_t depth = 6000, n = 0;
	char *page = malloc(depth * 11 + 64);
	put(page, &n, "<html><body>");
	for (size_t i = 0; i < depth; i++)
		put(page, &n, "<div>");
	put(page, &n, "<p>deep</p>");
	for (size_t i = 0; i < depth; i++)
		put(page, &n, "</div>");
	struct doc d = read_one(write_file("deep.html", page, n));
	CHECK_INT_EQ(d.status, DYAD_EFORMAT);
	CHECK(contains(d.error, "nested more than"));
	doc_release(&d);
	/* many unclosed <p> and <li> are ordinary sloppy HTML, not depth */
	n = 0;
	put(page, &n, "<html><body>");
	for (size_t i = 0; i < depth; i++)
		put(page, &n, "<p>x<li>");
	d = read_one(write_file("sloppy.html", page, n));
	CHECK_INT_EQ(d.status, DYAD_OK);
	doc_release(&d);
	free(page);
}

TEST(html_sniffing_and_formats)
{
	CHECK(dyad__html_sniff("  <!DOCTYPE html><p>", 20));
	CHECK(dyad__html_sniff("<HTML>", 6));
	CHECK(!dyad__html_sniff("Plain text about <b> tags", 25));
	CHECK_INT_EQ(dyad__format_guess("a/b.JSONL.gz", "", 0), DYAD_FORMAT_JSONL);
	CHECK_INT_EQ(dyad__format_guess("a/page.htm", "", 0), DYAD_FORMAT_HTML);
	CHECK_INT_EQ(dyad__format_guess("notes.txt", "<html>", 6), DYAD_FORMAT_TEXT);
	CHECK_INT_EQ(dyad__format_guess("-", " {\"text\":1}", 11), DYAD_FORMAT_JSONL);
	CHECK_INT_EQ(dyad__format_guess("article", "<!doctype html>", 15), DYAD_FORMAT_HTML);
	CHECK_INT_EQ(dyad__format_guess("article", "News", 4), DYAD_FORMAT_TEXT);
	char name[32];
	CHECK(dyad__html_charset("<meta charset=\"KOI8-R\">", 23, name, sizeof name));
	CHECK_STR_EQ(name, "KOI8-R");
	CHECK(!dyad__html_charset("<p>no charset</p>", 17, name, sizeof name));
	/* a sniffed page without an .html name is reduced too */
	struct doc d = read_one(write_str("page-noext", "<!doctype html><body><p>Sniffed body.</p></body>"));
	CHECK_INT_EQ(d.format, DYAD_FORMAT_HTML);
	CHECK_STR_EQ(d.text, "Sniffed body.\n");
	doc_release(&d);
}

/* ---- paths, folders, limits --------------------------------------------- */

TEST(jsonl_wrong_typed_facts_are_warned_and_ignored)
{
	const char *path = write_str(
		"facts.jsonl",
		"{\"text\": \"One.\", \"title\": 7, \"author\": \"A. Writer\"}\n"
		"{\"text\": \"Two.\", \"url\": {\"href\": \"x\"}, \"published\": true,"
		" \"source\": \"Trend\"}\n"
		"{\"text\": \"Three.\", \"id\": 42}\n"
		"{\"text\": \"Four.\", \"id\": 1.5}\n"
		"{\"text\": \"Five.\", \"id\": 123456789012345678901234567890}\n"
		"{\"text\": \"Six.\", \"id\": [1], \"path\": 3}\n");
	struct doc docs[MAX_DOCS];
	int n = read_all(&path, 1, DYAD_FORMAT_AUTO, docs);
	CHECK_INT_EQ(n, 6);
	if (n == 6) {
		for (int i = 0; i < 6; i++)
			CHECK_INT_EQ(docs[i].status, DYAD_OK);
		CHECK_STR_EQ(docs[0].text, "One.");
		CHECK(docs[0].title == NULL);
		CHECK_STR_EQ(docs[0].author, "A. Writer");
		CHECK_STR_EQ(docs[0].warning, "\"title\" is a number, not a string: ignored");
		CHECK_STR_EQ(docs[1].source, "Trend");
		CHECK(docs[1].url == NULL && docs[1].published == NULL);
		CHECK_STR_EQ(docs[1].warning, "\"url\" is an object, not a string: ignored; "
		                              "\"published\" is a boolean, not a string: ignored");
		/* numbers are ids, even ones too big for 64 bits */
		CHECK(docs[2].warning == NULL);
		CHECK(docs[3].warning == NULL);
		CHECK(docs[4].warning == NULL);
		CHECK_STR_EQ(docs[4].text, "Five.");
		CHECK(contains(docs[5].warning, "\"path\" is a number"));
		CHECK(contains(docs[5].warning, "\"id\" is an array"));
		CHECK(contains(docs[5].path, "facts.jsonl:6"));
	}
	free_docs(docs, n);
	char err[DYAD_ERRMSG_MAX];
	struct dyad_arena arena;
	struct dyad__jsonl_record rec;
	dyad_arena_init(&arena, 1 << 20);
	static const char huge[] = "{\"text\": \"x\", \"id\": 123456789012345678901234567890}";
	CHECK_INT_EQ(dyad__jsonl_parse(huge, sizeof huge - 1, 1, &arena, &rec, err), DYAD_OK);
	CHECK(rec.id != NULL && strncmp(rec.id, "1.2345678901234568e+29", 22) == 0);
	static const char small[] = "{\"text\": \"x\", \"id\": -7}";
	CHECK_INT_EQ(dyad__jsonl_parse(small, sizeof small - 1, 1, &arena, &rec, err), DYAD_OK);
	CHECK_STR_EQ(rec.id, "-7");
	dyad_arena_release(&arena);
}

TEST(folder_fifo_and_socket_are_named_not_opened)
{
	make_dir("special");
	write_str("special/a.txt", "a");
	CHECK(mkfifo(tmp_path("special/b-fifo"), 0644) == 0);
	int sock = socket(AF_UNIX, SOCK_STREAM, 0);
	struct sockaddr_un addr;
	memset(&addr, 0, sizeof addr);
	addr.sun_family = AF_UNIX;
	snprintf(addr.sun_path, sizeof addr.sun_path, "%s", tmp_path("special/c-sock"));
	int bound = sock >= 0 && bind(sock, (struct sockaddr *)&addr, sizeof addr) == 0;
	write_str("special/d.txt", "d");
	const char *path = tmp_path("special");
	struct doc docs[MAX_DOCS];
	/* a FIFO opened for reading would block here for ever */
	int n = read_all(&path, 1, DYAD_FORMAT_AUTO, docs);
	CHECK_INT_EQ(n, bound ? 4 : 3);
	if (n >= 3) {
		CHECK_STR_EQ(docs[0].text, "a");
		CHECK(contains(docs[1].path, "special/b-fifo"));
		CHECK_INT_EQ(docs[1].status, DYAD_EINVAL);
		CHECK_STR_EQ(docs[1].error, "skipped: a FIFO (named pipe), not a regular file");
		if (bound) {
			CHECK(contains(docs[2].path, "special/c-sock"));
			CHECK_STR_EQ(docs[2].error, "skipped: a socket, not a regular file");
		}
		CHECK_STR_EQ(docs[n - 1].text, "d");
	}
	free_docs(docs, n);
	if (sock >= 0)
		close(sock);
}

TEST(folders_are_walked_in_byte_order)
{
	make_dir("walk");
	make_dir("walk/sub");
	make_dir("walk/a0");
	make_dir("walk/.git");
	make_dir("walk/empty");
	write_str("walk/b.txt", "b");
	write_str("walk/a.txt", "a");
	write_str("walk/B.txt", "B");
	write_str("walk/sub/c.txt", "c");
	write_str("walk/a0/z.txt", "z");
	write_str("walk/.hidden.txt", "hidden");
	write_str("walk/.git/x.txt", "x");
	const char *path = tmp_path("walk");
	struct doc docs[MAX_DOCS];
	int n = read_all(&path, 1, DYAD_FORMAT_AUTO, docs);
	static const char *const want[] = {"B", "a", "z", "b", "c"};
	static const char *const want_path[] = {"walk/B.txt", "walk/a.txt",
	                                        "walk/a0/z.txt", "walk/b.txt",
	                                        "walk/sub/c.txt"};
	CHECK_INT_EQ(n, 5);
	for (int i = 0; i < n && i < 5; i++) {
		CHECK_STR_EQ(docs[i].text, want[i]);
		const char *p = docs[i].path;
		size_t pl = p ? strlen(p) : 0, wl = strlen(want_path[i]);
		CHECK(pl >= wl && strcmp(p + pl - wl, want_path[i]) == 0);
	}
	free_docs(docs, n);
}

TEST(links_dangling_and_looping_fail_once)
{
	make_dir("links");
	write_str("links/a.txt", "a");
	CHECK(symlink("no-such-target", tmp_path("links/b-dangling")) == 0);
	CHECK(symlink(".", tmp_path("links/c-loop")) == 0);
	const char *path = tmp_path("links");
	struct doc docs[MAX_DOCS];
	int n = read_all(&path, 1, DYAD_FORMAT_AUTO, docs);
	CHECK_INT_EQ(n, 3);
	if (n == 3) {
		CHECK_STR_EQ(docs[0].text, "a");
		CHECK_INT_EQ(docs[1].status, DYAD_ENOENT);
		CHECK(contains(docs[1].error, "dangling link"));
		CHECK_INT_EQ(docs[2].status, DYAD_EIO);
		CHECK(contains(docs[2].error, "folder link loop"));
		CHECK(contains(docs[2].path, "links/c-loop"));
	}
	free_docs(docs, n);
}

TEST(missing_path_is_one_failed_document)
{
	const char *paths[] = {tmp_path("no-such-file.txt"), tmp_path("walk/a.txt"),
	                       tmp_path("no-such-folder/x.txt")};
	struct doc docs[MAX_DOCS];
	int n = read_all(paths, 3, DYAD_FORMAT_AUTO, docs);
	CHECK_INT_EQ(n, 3);
	if (n == 3) {
		CHECK_INT_EQ(docs[0].status, DYAD_ENOENT);
		CHECK_STR_EQ(docs[0].error, "no such file or folder");
		CHECK_STR_EQ(docs[0].path, paths[0]);
		CHECK_INT_EQ(docs[1].status, DYAD_OK);
		CHECK_INT_EQ(docs[2].status, DYAD_ENOENT);
	}
	free_docs(docs, n);
}

TEST(oversized_file_is_refused_quickly)
{
	const char *path = tmp_path("big.txt");
	FILE *f = fopen(path, "wb");
	CHECK(f != NULL);
	if (!f)
		return;
	static char chunk[1 << 16];
	memset(chunk, 'x', sizeof chunk);
	for (size_t done = 0; done < BIG_FILE_BYTES; done += sizeof chunk)
		fwrite(chunk, 1, sizeof chunk, f);
	fclose(f);
	const char *paths[] = {path, tmp_path("walk/b.txt")};
	clock_t t0 = clock();
	struct doc docs[MAX_DOCS];
	int n = read_all(paths, 2, DYAD_FORMAT_AUTO, docs);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	CHECK(secs < BIG_FILE_SECONDS);
	CHECK_INT_EQ(n, 2);
	if (n == 2) {
		CHECK_INT_EQ(docs[0].status, DYAD_ETOOBIG);
		CHECK(contains(docs[0].error, "8 MiB"));
		CHECK_INT_EQ(docs[1].status, DYAD_OK); /* the run goes on */
	}
	free_docs(docs, n);
	unlink(path);
}

TEST(stdin_is_read_for_dash)
{
	const char *path = write_str("stdin.txt", "From standard input.\n");
	if (!freopen(path, "rb", stdin)) {
		TESTLIB_FAIL("freopen failed");
		return;
	}
	struct doc d = read_one("-");
	CHECK_STR_EQ(d.path, "-");
	CHECK_STR_EQ(d.text, "From standard input.\n");
	doc_release(&d);
}

TEST(open_rejects_bad_arguments)
{
	dyad_reader *r = (dyad_reader *)1;
	CHECK_INT_EQ(dyad_reader_open(NULL, 2, DYAD_FORMAT_AUTO, &r), DYAD_EINVAL);
	CHECK(r == NULL);
	const char *p = "x";
	CHECK_INT_EQ(dyad_reader_open(&p, 1, (enum dyad_format)99, &r), DYAD_EINVAL);
	/* no paths: nothing to read */
	CHECK_INT_EQ(dyad_reader_open(NULL, 0, DYAD_FORMAT_AUTO, &r), DYAD_OK);
	const struct dyad_input *in;
	CHECK_INT_EQ(dyad_reader_next(r, &in), DYAD_DONE);
	dyad_reader_free(r);
	dyad_reader_free(NULL);
}

TEST(forced_format_applies_to_every_file)
{
	const char *path = write_str("forced.txt", "<html><body><p>Tagged.</p></body></html>");
	struct doc docs[MAX_DOCS];
	int n = read_all(&path, 1, DYAD_FORMAT_HTML, docs);
	CHECK_INT_EQ(n, 1);
	if (n == 1)
		CHECK_STR_EQ(docs[0].text, "Tagged.\n");
	free_docs(docs, n);
}

int main(void)
{
	snprintf(tmp_dir, sizeof tmp_dir, "%s/dyad-read-XXXXXX",
	         getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(tmp_dir)) {
		perror("mkdtemp");
		return 1;
	}
	if (!(engine = testdoc_engine()))
		return 1;
	RUN(utf8_bom_is_stripped);
	RUN(crlf_and_cr_become_lf);
	RUN(cp1251_russian_is_converted);
	RUN(koi8r_russian_is_converted);
	RUN(latin1_cafe_is_converted);
	RUN(utf16le_with_bom_is_converted);
	RUN(utf16be_with_bom_and_bomless_utf16le);
	RUN(binary_files_are_refused);
	RUN(empty_and_blank_files_are_refused);
	RUN(implausible_bytes_are_refused_nearly_utf8_is_repaired);
	RUN(decode_api_directly);
	RUN(gzip_round_trip);
	RUN(truncated_and_corrupt_gzip_fail);
	RUN(gzip_garbage_ends_the_data_whatever_the_chunks);
	RUN(gzip_bomb_is_capped);
	RUN(jsonl_lines_are_documents);
	RUN(jsonl_bad_records);
	RUN(jsonl_overlong_line_fails_alone);
	RUN(jsonl_gz_is_read_by_inner_type);
	RUN(html_article_is_kept_clutter_dropped);
	RUN(html_without_article_uses_density_and_title_tag);
	RUN(html_title_suffix_needs_a_site_name);
	RUN(html_json_ld_and_charset);
	RUN(html_without_text_is_empty);
	RUN(html_nested_too_deep_is_refused);
	RUN(html_sniffing_and_formats);
	RUN(jsonl_wrong_typed_facts_are_warned_and_ignored);
	RUN(folder_fifo_and_socket_are_named_not_opened);
	RUN(folders_are_walked_in_byte_order);
	RUN(links_dangling_and_looping_fail_once);
	RUN(missing_path_is_one_failed_document);
	RUN(oversized_file_is_refused_quickly);
	RUN(stdin_is_read_for_dash);
	RUN(open_rejects_bad_arguments);
	RUN(forced_format_applies_to_every_file);
	remove_tree(tmp_dir);
	dyad_engine_free(engine);
	return testlib_done();
}
