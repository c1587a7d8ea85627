/*
 * Unit tests for lib/io.c: inputs (plain, gzip, CRLF, BOM, long lines,
 * damaged gzip) and outputs that are never half-written (commit, abort,
 * exit, signals).
 *
 * The output tests fork children that die in various ways and then look
 * at the folder: only the target may be there, with the right content.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include "io.h"

static char scratch[PATH_MAX];

static int rm_one(const char *p, const struct stat *st, int flag,
                  struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(p);
}

static int group_setup(void **state)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
	const char *tmp = getenv("TMPDIR");

	(void)state;
	/*
	 * io.c keeps an inherited "ignore" (nohup, a shell's SIGPIPE).  The
	 * signal tests below need io's handlers, so start from the default
	 * disposition whatever the test harness left us.
	 */
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		signal(sigs[i], SIG_DFL);
	if (snprintf(scratch, sizeof scratch, "%s/kj-test-io-XXXXXX",
	             tmp && *tmp ? tmp : "/tmp") >= (int)sizeof scratch)
		return -1;
	return mkdtemp(scratch) ? 0 : -1;
}

static int group_teardown(void **state)
{
	(void)state;
	return nftw(scratch, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* dir/name into buf (size n). */
static char *pjoin(char *buf, size_t n, const char *dir, const char *name)
{
	int r = snprintf(buf, n, "%s/%s", dir, name);

	assert_true(r > 0 && (size_t)r < n);
	return buf;
}

/* A path in the scratch folder; the buffer is the caller's. */
static char *spath(char *buf, size_t n, const char *name)
{
	return pjoin(buf, n, scratch, name);
}

static void write_bytes(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}
#define WRITE_LIT(path, lit) write_bytes((path), (lit), sizeof(lit) - 1)

static void write_gz(const char *path, const void *data, size_t len)
{
	gzFile gz = gzopen(path, "wb");

	assert_non_null(gz);
	if (len)
		assert_int_equal(gzwrite(gz, data, (unsigned)len), (int)len);
	assert_int_equal(gzclose(gz), Z_OK);
}

/* Whole file into a malloc'd buffer; *len its size. */
static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, r;

	if (!f)
		return NULL;
	do {
		if (cap - n < 4096) {
			cap = cap ? cap * 2 : 8192;
			buf = realloc(buf, cap + 1);
			assert_non_null(buf);
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
	} while (r > 0);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static void assert_file(const char *path, const char *want)
{
	size_t len;
	char *got = read_all(path, &len);

	if (!got) {
		print_error("%s: %s\n", path, strerror(errno));
		fail();
	}
	assert_int_equal(len, strlen(want));
	assert_string_equal(got, want);
	free(got);
}

#define assert_contains(hay, needle)                                       \
	do {                                                               \
		if (!strstr((hay), (needle))) {                            \
			print_error("'%s' does not contain '%s'\n", (hay), \
			            (needle));                             \
			fail();                                            \
		}                                                          \
	} while (0)

/* A fresh sub-folder of the scratch folder for one output test. */
static char *subdir(char *buf, size_t n, const char *name)
{
	spath(buf, n, name);
	assert_int_equal(mkdir(buf, 0777), 0);
	return buf;
}

/* Names in folder dir, sorted, joined by "/"; "" when empty. */
static char *dir_listing(const char *dir)
{
	struct dirent **ents;
	int n = scandir(dir, &ents, NULL, alphasort);
	char *out = calloc(1, 4096);

	assert_true(n >= 0);
	assert_non_null(out);
	for (int i = 0; i < n; i++) {
		const char *d = ents[i]->d_name;

		if (strcmp(d, ".") != 0 && strcmp(d, "..") != 0) {
			if (*out)
				strcat(out, "/");
			strncat(out, d, 4096 - strlen(out) - 2);
		}
		free(ents[i]);
	}
	free(ents);
	return out;
}

static void assert_listing(const char *dir, const char *want)
{
	char *got = dir_listing(dir);

	if (strcmp(got, want) != 0) {
		print_error("folder %s holds '%s', expected '%s'\n", dir, got,
		            want);
		free(got);
		fail();
	}
	free(got);
}

/*
 * Read every line of path into one string, each line followed by "|",
 * and check the line numbers.  Returns the string; rc is the final
 * return of kj_input_line (0 or -1), err its error.
 */
static char *lines_of(const char *path, int *rc, kj_err *err)
{
	kj_input *in;
	char *line, *buf = NULL;
	size_t len, size = 0;
	long n = 0;
	FILE *f = open_memstream(&buf, &size);

	assert_non_null(f);
	memset(err, 0, sizeof *err);
	in = kj_input_open(path, err);
	assert_non_null(in);
	while ((*rc = kj_input_line(in, &line, &len, err)) == 1) {
		n++;
		assert_int_equal(kj_input_lineno(in), n);
		/* NUL-terminated at len */
		assert_int_equal(line[len], '\0');
		fwrite(line, 1, len, f);
		fputc('|', f);
	}
	kj_input_close(in);
	fclose(f);
	return buf;
}

/* ---- inputs ------------------------------------------------------------- */

static void test_plain_lines(void **state)
{
	char p[PATH_MAX], *got;
	kj_err err;
	kj_input *in;
	char *line;
	size_t len;
	int rc;

	(void)state;
	WRITE_LIT(spath(p, sizeof p, "plain.txt"),
	          "alpha\nbeta\n\ngamma \xC3\xA9\n");
	got = lines_of(p, &rc, &err);
	assert_int_equal(rc, 0);
	/* four lines, the third empty */
	assert_string_equal(got, "alpha|beta||gamma \xC3\xA9|");
	free(got);

	in = kj_input_open(p, &err);
	assert_non_null(in);
	assert_string_equal(kj_input_name(in), p);
	assert_int_equal(kj_input_lineno(in), 0);
	assert_int_equal(kj_input_line(in, &line, &len, &err), 1);
	assert_int_equal(len, 5);
	assert_string_equal(line, "alpha");
	/* the line is writable */
	line[0] = 'A';
	assert_int_equal(kj_input_line(in, &line, &len, &err), 1);
	assert_string_equal(line, "beta");
	assert_false(kj_input_gzipped(in));
	assert_int_equal(kj_input_line(in, &line, &len, &err), 1);
	assert_int_equal(kj_input_line(in, &line, &len, &err), 1);
	assert_int_equal(len, 8);
	assert_int_equal(kj_input_lineno(in), 4);
	/* end, and it stays the end */
	assert_int_equal(kj_input_line(in, &line, &len, &err), 0);
	assert_int_equal(kj_input_line(in, &line, &len, &err), 0);
	assert_int_equal(kj_input_lineno(in), 4);
	kj_input_close(in);
}

static void test_gzip_lines(void **state)
{
	static const char text[] = "alpha\nbeta\n\ngamma\r\nlast";
	char p[PATH_MAX], *got;
	kj_err err;
	kj_input *in;
	char *line;
	size_t len;
	int rc;

	(void)state;
	write_gz(spath(p, sizeof p, "lines.gz"), text, sizeof text - 1);
	got = lines_of(p, &rc, &err);
	assert_int_equal(rc, 0);
	/* CR removed, last line without newline kept */
	assert_string_equal(got, "alpha|beta||gamma|last|");
	free(got);

	in = kj_input_open(p, &err);
	assert_non_null(in);
	assert_int_equal(kj_input_line(in, &line, &len, &err), 1);
	assert_true(kj_input_gzipped(in));
	kj_input_close(in);

	/* The same through a name without ".gz": no name sniffing. */
	write_gz(spath(p, sizeof p, "lines.tsv"), text, sizeof text - 1);
	got = lines_of(p, &rc, &err);
	assert_int_equal(rc, 0);
	assert_string_equal(got, "alpha|beta||gamma|last|");
	free(got);

	/* Two gzip members one after the other (cat a.gz b.gz). */
	{
		gzFile gz;

		write_gz(spath(p, sizeof p, "two.gz"), "one\ntw", 6);
		gz = gzopen(p, "ab");
		assert_non_null(gz);
		assert_int_equal(gzwrite(gz, "o\nthree\n", 8), 8);
		assert_int_equal(gzclose(gz), Z_OK);
		got = lines_of(p, &rc, &err);
		assert_int_equal(rc, 0);
		assert_string_equal(got, "one|two|three|");
		free(got);
	}

	/* An empty gzip stream is an empty input. */
	write_gz(spath(p, sizeof p, "empty.gz"), "", 0);
	got = lines_of(p, &rc, &err);
	assert_int_equal(rc, 0);
	assert_string_equal(got, "");
	free(got);
}

/*
 * A gzipped regular file of more than 64 KiB is inflated on a second
 * thread (io.c, struct reader): the same lines, the same raw bytes, and
 * a truncated or corrupt stream gives the same errors, after every line
 * before the damage.  3 MB of numbered lines, so the ring of four 256 KiB
 * slots wraps many times.
 */
static void test_gzip_large(void **state)
{
	enum { NLINES = 300000 };
	char p[PATH_MAX], q[PATH_MAX], *text, *line, *gz;
	size_t n = 0, len, gzlen;
	long good = 0;
	kj_err err;
	kj_input *in;
	int rc;

	(void)state;
	text = malloc((size_t)NLINES * 12);
	assert_non_null(text);
	for (long i = 0; i < NLINES; i++)
		n += (size_t)sprintf(text + n, "%08ld\n", i * 7);
	write_gz(spath(p, sizeof p, "large.gz"), text, n);

	/* Lines, all of them, in order. */
	in = kj_input_open(p, &err);
	assert_non_null(in);
	assert_true(kj_input_gzipped(in));
	while ((rc = kj_input_line(in, &line, &len, &err)) > 0) {
		char want[24];

		snprintf(want, sizeof want, "%08ld", good * 7);
		if (strcmp(line, want) != 0)
			break;
		good++;
	}
	assert_int_equal(rc, 0);
	assert_int_equal(good, NLINES);
	kj_input_close(in);

	/* Raw reads (the YAML loaders' path), after a first line. */
	in = kj_input_open(p, &err);
	assert_non_null(in);
	assert_int_equal(kj_input_line(in, &line, &len, &err), 1);
	{
		char *back = malloc(n), buf[10000];
		size_t m = 9;
		ssize_t r;

		assert_non_null(back);
		memcpy(back, text, 9);
		while ((r = kj_input_read(in, buf, sizeof buf, &err)) > 0) {
			assert_true(m + (size_t)r <= n);
			memcpy(back + m, buf, (size_t)r);
			m += (size_t)r;
		}
		assert_int_equal(r, 0);
		assert_int_equal(m, n);
		assert_memory_equal(back, text, n);
		free(back);
	}
	kj_input_close(in);

	/* Closed early: the producer stops (nothing hangs, nothing leaks). */
	in = kj_input_open(p, &err);
	assert_non_null(in);
	assert_int_equal(kj_input_line(in, &line, &len, &err), 1);
	kj_input_close(in);

	/* Cut in the middle: the lines before, then the error. */
	gz = read_all(p, &gzlen);
	assert_non_null(gz);
	assert_true(gzlen > 200000);
	write_bytes(spath(q, sizeof q, "large-cut.gz"), gz, gzlen / 2);
	in = kj_input_open(q, &err);
	assert_non_null(in);
	good = 0;
	while ((rc = kj_input_line(in, &line, &len, &err)) > 0)
		good++;
	assert_int_equal(rc, -1);
	assert_true(good > 1000 && good < NLINES);
	assert_contains(err.msg, "truncated gzip data");
	assert_int_equal(err.line, good + 1);
	/* asked again, the same answer */
	assert_int_equal(kj_input_line(in, &line, &len, &err), -1);
	kj_input_close(in);

	/* A damaged byte in the middle: zlib's error, named. */
	gz[gzlen / 2] ^= 0x55;
	gz[gzlen / 2 + 1] ^= 0x55;
	write_bytes(q, gz, gzlen);
	in = kj_input_open(q, &err);
	assert_non_null(in);
	while ((rc = kj_input_line(in, &line, &len, &err)) > 0)
		;
	assert_int_equal(rc, -1);
	assert_contains(err.msg, "corrupt gzip data: ");
	kj_input_close(in);
	free(gz);
	free(text);
}

/* kj_input_open_as: another name in messages (a spooled stdin). */
static void test_open_as(void **state)
{
	static const unsigned char bad[] = {
		0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03,
		0xff, 0xff
	};
	char p[PATH_MAX], *line;
	kj_err err;
	kj_input *in;
	size_t len;

	(void)state;
	WRITE_LIT(spath(p, sizeof p, "spool.txt"), "x\n");
	in = kj_input_open_as(p, "<stdin>", &err);
	assert_non_null(in);
	assert_string_equal(kj_input_name(in), "<stdin>");
	assert_int_equal(kj_input_line(in, &line, &len, &err), 1);
	assert_string_equal(line, "x");
	kj_input_close(in);

	write_bytes(p, bad, sizeof bad);
	in = kj_input_open_as(p, "<stdin>", &err);
	assert_non_null(in);
	memset(&err, 0, sizeof err);
	assert_int_equal(kj_input_line(in, &line, &len, &err), -1);
	assert_string_equal(err.file, "<stdin>");
	kj_input_close(in);
}

static void test_crlf(void **state)
{
	char p[PATH_MAX], *got;
	kj_err err;
	int rc;

	(void)state;
	/* CR of CRLF removed; a CR inside a line kept; a lone CR at the end
	 * of the file (no LF) removed too; a blank CRLF line is empty. */
	WRITE_LIT(spath(p, sizeof p, "crlf.txt"),
	          "a\r\nbb\r\n\r\nx\ry\r\nlast\r");
	got = lines_of(p, &rc, &err);
	assert_int_equal(rc, 0);
	assert_string_equal(got, "a|bb||x\ry|last|");
	free(got);

	/* Only one CR is removed: "z\r\r\n" is "z\r". */
	WRITE_LIT(spath(p, sizeof p, "crcr.txt"), "z\r\r\n");
	got = lines_of(p, &rc, &err);
	assert_string_equal(got, "z\r|");
	free(got);
}

static void test_bom(void **state)
{
	char p[PATH_MAX], *got;
	kj_err err;
	int rc;

	(void)state;
	/* The BOM at the start is removed, the same bytes later are data. */
	WRITE_LIT(spath(p, sizeof p, "bom.txt"),
	          "\xEF\xBB\xBF" "first\n\xEF\xBB\xBF" "second\n");
	got = lines_of(p, &rc, &err);
	assert_int_equal(rc, 0);
	assert_string_equal(got, "first|\xEF\xBB\xBF" "second|");
	free(got);

	/* BOM + CRLF */
	WRITE_LIT(spath(p, sizeof p, "bomcrlf.txt"),
	          "\xEF\xBB\xBFnip\r\n\xEF\xBB\xBF\r\n");
	got = lines_of(p, &rc, &err);
	assert_string_equal(got, "nip|\xEF\xBB\xBF|");
	free(got);

	/* Only a BOM: one empty line. */
	WRITE_LIT(spath(p, sizeof p, "bomonly.txt"), "\xEF\xBB\xBF");
	got = lines_of(p, &rc, &err);
	assert_string_equal(got, "|");
	free(got);

	/* A BOM inside a gzip stream is removed too. */
	write_gz(spath(p, sizeof p, "bom.gz"), "\xEF\xBB\xBFx\n", 5);
	got = lines_of(p, &rc, &err);
	assert_string_equal(got, "x|");
	free(got);

	/* Two bytes of a BOM are not a BOM. */
	WRITE_LIT(spath(p, sizeof p, "halfbom.txt"), "\xEF\xBBx\n");
	got = lines_of(p, &rc, &err);
	assert_string_equal(got, "\xEF\xBBx|");
	free(got);
}

static void test_no_final_newline(void **state)
{
	char p[PATH_MAX], *got;
	kj_err err;
	int rc;

	(void)state;
	WRITE_LIT(spath(p, sizeof p, "nonl.txt"), "one\ntwo");
	got = lines_of(p, &rc, &err);
	assert_int_equal(rc, 0);
	assert_string_equal(got, "one|two|");
	free(got);

	/* a single character, no newline */
	WRITE_LIT(spath(p, sizeof p, "one.txt"), "x");
	got = lines_of(p, &rc, &err);
	assert_string_equal(got, "x|");
	free(got);

	/* A final newline does not make an extra empty line. */
	WRITE_LIT(spath(p, sizeof p, "nl.txt"), "one\n");
	got = lines_of(p, &rc, &err);
	assert_string_equal(got, "one|");
	free(got);
}

static void test_empty_input(void **state)
{
	char p[PATH_MAX], buf[16];
	kj_err err;
	kj_input *in;
	char *line = NULL;
	size_t len = 99;

	(void)state;
	write_bytes(spath(p, sizeof p, "empty.txt"), "", 0);
	in = kj_input_open(p, &err);
	assert_non_null(in);
	assert_int_equal(kj_input_line(in, &line, &len, &err), 0);
	assert_int_equal(kj_input_lineno(in), 0);
	kj_input_close(in);

	in = kj_input_open(p, &err);
	assert_non_null(in);
	assert_int_equal(kj_input_read(in, buf, sizeof buf, &err), 0);
	kj_input_close(in);
}

static void test_open_errors(void **state)
{
	char p[PATH_MAX];
	kj_err err;

	(void)state;
	memset(&err, 0, sizeof err);
	assert_null(kj_input_open(spath(p, sizeof p, "missing.txt"), &err));
	assert_string_equal(err.file, p);
	assert_int_equal(err.status, KJ_EXIT_USAGE);
	assert_contains(err.msg, strerror(ENOENT));

	/* A folder: open(2) succeeds on it, io must refuse it. */
	memset(&err, 0, sizeof err);
	assert_null(kj_input_open(scratch, &err));
	assert_string_equal(err.file, scratch);
	assert_int_equal(err.status, KJ_EXIT_USAGE);
	assert_contains(err.msg, "folder");

	kj_input_close(NULL); /* allowed */
}

static void test_stdin(void **state)
{
	char p[PATH_MAX];
	kj_err err;
	kj_input *in;
	char *line;
	size_t len;
	int saved, fd;

	(void)state;
	write_gz(spath(p, sizeof p, "stdin.gz"), "from\nstdin\n", 11);
	/* CI may run us with standard input closed: then saved is -1 and
	 * open() may return 0 itself. */
	saved = dup(STDIN_FILENO);
	fd = open(p, O_RDONLY);
	assert_true(fd >= 0);
	if (fd != STDIN_FILENO) {
		assert_int_equal(dup2(fd, STDIN_FILENO), STDIN_FILENO);
		close(fd);
	}
	in = kj_input_open("-", &err);
	assert_non_null(in);
	assert_string_equal(kj_input_name(in), "<stdin>");
	assert_int_equal(kj_input_line(in, &line, &len, &err), 1);
	assert_string_equal(line, "from");
	assert_int_equal(kj_input_line(in, &line, &len, &err), 1);
	assert_string_equal(line, "stdin");
	assert_int_equal(kj_input_line(in, &line, &len, &err), 0);
	assert_true(kj_input_gzipped(in));
	kj_input_close(in);
	/* closing the input does not close the process's stdin */
	assert_true(fcntl(STDIN_FILENO, F_GETFD) >= 0);
	if (saved >= 0) {
		assert_int_equal(dup2(saved, STDIN_FILENO), STDIN_FILENO);
		close(saved);
	} else {
		close(STDIN_FILENO);
	}
}

/* A line of exactly KJ_MAX_LINE bytes is read; one byte more is an error
 * that names the line.  (16 MiB; about a second under ASan.) */
static void test_max_line(void **state)
{
	const size_t max = KJ_MAX_LINE;
	char p[PATH_MAX], *buf, *line;
	kj_err err;
	kj_input *in;
	size_t len;

	(void)state;
	assert_int_equal(max, (size_t)16 << 20);
	buf = malloc(max + 16);
	assert_non_null(buf);

	/* "short\n" + max x + "\n" + "ok\n" */
	memcpy(buf, "short\n", 6);
	memset(buf + 6, 'x', max);
	memcpy(buf + 6 + max, "\nok\n", 4);
	write_bytes(spath(p, sizeof p, "max.txt"), buf, max + 10);
	in = kj_input_open(p, &err);
	assert_non_null(in);
	assert_int_equal(kj_input_line(in, &line, &len, &err), 1);
	assert_int_equal(kj_input_line(in, &line, &len, &err), 1);
	assert_int_equal(len, max);
	assert_int_equal(line[0], 'x');
	assert_int_equal(line[max - 1], 'x');
	assert_int_equal(line[max], '\0');
	assert_int_equal(kj_input_line(in, &line, &len, &err), 1);
	assert_string_equal(line, "ok");
	assert_int_equal(kj_input_lineno(in), 3);
	assert_int_equal(kj_input_line(in, &line, &len, &err), 0);
	kj_input_close(in);

	/* The same line with no newline after it, at the end of the file */
	write_bytes(p, buf, max + 6);
	in = kj_input_open(p, &err);
	assert_non_null(in);
	assert_int_equal(kj_input_line(in, &line, &len, &err), 1);
	assert_int_equal(kj_input_line(in, &line, &len, &err), 1);
	assert_int_equal(len, max);
	assert_int_equal(kj_input_line(in, &line, &len, &err), 0);
	kj_input_close(in);

	/* One byte more: line 2 is refused. */
	buf[6 + max] = 'x';
	memcpy(buf + 7 + max, "\nok\n", 4);
	write_bytes(p, buf, max + 11);
	in = kj_input_open(p, &err);
	assert_non_null(in);
	assert_int_equal(kj_input_line(in, &line, &len, &err), 1);
	memset(&err, 0, sizeof err);
	assert_int_equal(kj_input_line(in, &line, &len, &err), -1);
	assert_string_equal(err.file, p);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.status, KJ_EXIT_USAGE);
	assert_contains(err.msg, "line longer than 16 MiB");
	kj_input_close(in);

	/* ... also without a newline at the end of the file. */
	write_bytes(p, buf, max + 7);
	in = kj_input_open(p, &err);
	assert_non_null(in);
	assert_int_equal(kj_input_line(in, &line, &len, &err), 1);
	memset(&err, 0, sizeof err);
	assert_int_equal(kj_input_line(in, &line, &len, &err), -1);
	assert_int_equal(err.line, 2);
	assert_contains(err.msg, "line longer");
	kj_input_close(in);
	free(buf);
}

/* A CRLF file must read as the LF one: a line of KJ_MAX_LINE characters
 * followed by CR LF is as long as with LF alone. */
static void test_max_line_crlf(void **state)
{
	const size_t max = KJ_MAX_LINE;
	char p[PATH_MAX], *buf, *line;
	kj_err err;
	kj_input *in;
	size_t len;

	(void)state;
	buf = malloc(max + 8);
	assert_non_null(buf);
	memset(buf, 'x', max);
	memcpy(buf + max, "\r\nok\r\n", 6);
	write_bytes(spath(p, sizeof p, "maxcrlf.txt"), buf, max + 6);
	free(buf);
	in = kj_input_open(p, &err);
	assert_non_null(in);
	memset(&err, 0, sizeof err);
	if (kj_input_line(in, &line, &len, &err) != 1) {
		print_error("%s:%ld: %s\n", err.file, err.line, err.msg);
		kj_input_close(in);
		fail();
	}
	assert_int_equal(len, max);
	assert_int_equal(kj_input_line(in, &line, &len, &err), 1);
	assert_string_equal(line, "ok");
	kj_input_close(in);
}

/* The BOM is not part of the first line: a BOM and KJ_MAX_LINE characters
 * are a line of the maximum length, as without the BOM. */
static void test_max_line_bom(void **state)
{
	const size_t max = KJ_MAX_LINE;
	char p[PATH_MAX], *buf, *line;
	kj_err err;
	kj_input *in;
	size_t len;

	(void)state;
	buf = malloc(max + 8);
	assert_non_null(buf);
	memcpy(buf, "\xEF\xBB\xBF", 3);
	memset(buf + 3, 'x', max);
	memcpy(buf + 3 + max, "\nok\n", 4);
	write_bytes(spath(p, sizeof p, "maxbom.txt"), buf, max + 7);
	free(buf);
	in = kj_input_open(p, &err);
	assert_non_null(in);
	memset(&err, 0, sizeof err);
	if (kj_input_line(in, &line, &len, &err) != 1) {
		print_error("%s:%ld: %s\n", err.file, err.line, err.msg);
		kj_input_close(in);
		fail();
	}
	assert_int_equal(len, max);
	assert_int_equal(line[0], 'x');
	assert_int_equal(kj_input_line(in, &line, &len, &err), 1);
	assert_string_equal(line, "ok");
	kj_input_close(in);
}

/* A big compressible text for the gzip damage tests: "baris N\n". */
static char *numbered_text(int lines, size_t *len)
{
	char *buf = malloc((size_t)lines * 20);
	size_t n = 0;

	assert_non_null(buf);
	for (int i = 1; i <= lines; i++)
		n += (size_t)sprintf(buf + n, "baris %d\n", i);
	*len = n;
	return buf;
}

static void truncate_to(const char *path, off_t size)
{
	assert_int_equal(truncate(path, size), 0);
}

static off_t file_size(const char *path)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	return st.st_size;
}

static void test_truncated_gzip(void **state)
{
	char p[PATH_MAX], *text, *got;
	size_t tlen;
	kj_err err;
	int rc;
	off_t full;

	(void)state;
	text = numbered_text(50000, &tlen);

	/* Cut in the middle of the deflate data. */
	write_gz(spath(p, sizeof p, "trunc.gz"), text, tlen);
	full = file_size(p);
	truncate_to(p, full / 2);
	got = lines_of(p, &rc, &err);
	/* an error, not a silent end of input */
	assert_int_equal(rc, -1);
	assert_string_equal(err.file, p);
	assert_contains(err.msg, "truncated gzip");
	/* the lines before the damage were good */
	assert_memory_equal(got, "baris 1|baris 2|", 16);
	assert_true(err.line > 1);
	free(got);

	/* Cut only the 8-byte trailer (CRC-32 and length): every line was
	 * decoded, but the file is still incomplete. */
	write_gz(p, text, tlen);
	truncate_to(p, full - 8);
	got = lines_of(p, &rc, &err);
	assert_int_equal(rc, -1);
	assert_contains(err.msg, "truncated gzip");
	free(got);

	/* Cut inside the 10-byte gzip header. */
	write_gz(p, text, tlen);
	truncate_to(p, 5);
	got = lines_of(p, &rc, &err);
	assert_int_equal(rc, -1);
	assert_contains(err.msg, "gzip");
	free(got);

	/* The same through kj_input_read. */
	{
		kj_input *in;
		char buf[4096];
		ssize_t r;
		size_t total = 0;

		write_gz(p, text, tlen);
		truncate_to(p, full / 2);
		in = kj_input_open(p, &err);
		assert_non_null(in);
		while ((r = kj_input_read(in, buf, sizeof buf, &err)) > 0)
			total += (size_t)r;
		assert_int_equal(r, -1);
		assert_contains(err.msg, "truncated gzip");
		assert_true(total > 0 && total < tlen);
		kj_input_close(in);
	}
	free(text);
}

static void test_corrupt_gzip(void **state)
{
	/* A valid 10-byte gzip header, then 0xFF: a deflate block with the
	 * reserved block type 3. */
	static const unsigned char bad[] = {
		0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff
	};
	char p[PATH_MAX], *text, *got;
	size_t tlen, glen;
	kj_err err;
	int rc;

	(void)state;
	write_bytes(spath(p, sizeof p, "bad.gz"), bad, sizeof bad);
	got = lines_of(p, &rc, &err);
	assert_int_equal(rc, -1);
	assert_string_equal(got, "");
	assert_string_equal(err.file, p);
	assert_int_equal(err.line, 1);
	/* zlib's own words, without its "<fd:N>: " stream name */
	assert_string_equal(err.msg, "corrupt gzip data: invalid block type");
	free(got);

	/* Through kj_input_read: no line to name. */
	{
		kj_input *in = kj_input_open(p, &err);
		char buf[64];

		assert_non_null(in);
		memset(&err, 0, sizeof err);
		assert_int_equal(kj_input_read(in, buf, sizeof buf, &err), -1);
		assert_int_equal(err.line, 0);
		assert_string_equal(err.msg,
		                    "corrupt gzip data: invalid block type");
		kj_input_close(in);
	}

	/* A wrong CRC-32 in the trailer: the data decodes, the check
	 * fails at the end. */
	text = numbered_text(2000, &tlen);
	write_gz(p, text, tlen);
	{
		char *gz = read_all(p, &glen);

		assert_non_null(gz);
		gz[glen - 8] ^= 0x55; /* first byte of the CRC-32 */
		write_bytes(p, gz, glen);
		free(gz);
	}
	got = lines_of(p, &rc, &err);
	assert_int_equal(rc, -1);
	assert_string_equal(err.msg, "corrupt gzip data: incorrect data check");
	/* zlib fails the whole read in which the check failed, so the
	 * line named is where reading stopped: here 1, as all 2000 lines
	 * (24 KB) came in one read. */
	assert_true(err.line >= 1);
	free(got);

	/* A wrong length (ISIZE) in the trailer. */
	write_gz(p, text, tlen);
	{
		char *gz = read_all(p, &glen);

		assert_non_null(gz);
		gz[glen - 1] ^= 0x01;
		write_bytes(p, gz, glen);
		free(gz);
	}
	got = lines_of(p, &rc, &err);
	assert_int_equal(rc, -1);
	assert_string_equal(err.msg,
	                    "corrupt gzip data: incorrect length check");
	free(got);
	free(text);
}

/* kj_input_read returns the decoded bytes, for plain and gzip files, in
 * whatever pieces the caller asks for. */
static void test_raw_read(void **state)
{
	enum { N = 300000 };
	char p[PATH_MAX], *data, *got;
	kj_err err;
	size_t steps[] = { 1, 7, 4096, 65536, N + 10 };

	(void)state;
	data = malloc(N);
	got = malloc(N + 1);
	assert_non_null(data);
	assert_non_null(got);
	/* Every byte value including NUL, CR, LF and a BOM at the start. */
	memcpy(data, "\xEF\xBB\xBF\r\n", 5);
	for (size_t i = 5; i < N; i++)
		data[i] = (char)((i * 2654435761u) >> 13);

	for (int gz = 0; gz < 2; gz++) {
		spath(p, sizeof p, gz ? "raw.gz" : "raw.bin");
		if (gz)
			write_gz(p, data, N);
		else
			write_bytes(p, data, N);
		for (size_t s = 0; s < sizeof steps / sizeof steps[0]; s++) {
			kj_input *in = kj_input_open(p, &err);
			size_t total = 0;
			ssize_t r;

			assert_non_null(in);
			while ((r = kj_input_read(in, got + total,
			                          steps[s] < N + 1 - total
			                          ? steps[s] : N + 1 - total,
			                          &err)) > 0) {
				assert_true((size_t)r <= steps[s]);
				total += (size_t)r;
			}
			assert_int_equal(r, 0);
			assert_int_equal(total, N);
			/* the BOM is not removed from raw bytes */
			assert_memory_equal(got, data, N);
			assert_int_equal(kj_input_gzipped(in), gz);
			kj_input_close(in);
		}
	}
	free(data);
	free(got);
}

/* ---- outputs ------------------------------------------------------------ */

static void test_output_commit(void **state)
{
	char d[PATH_MAX], t[PATH_MAX];
	kj_err err;
	kj_output *o;
	FILE *f;
	struct stat st;
	mode_t old = umask(022);

	(void)state;
	subdir(d, sizeof d, "commit");
	pjoin(t, sizeof t, d, "out.tsv");
	o = kj_output_open(t, &err);
	assert_non_null(o);
	assert_string_equal(kj_output_name(o), t);
	f = kj_output_stream(o);
	assert_non_null(f);
	assert_ptr_not_equal(f, stdout);
	fputs("nip\tnama\n198503102010011002\tAni\n", f);
	/* Before commit: the target does not exist; the temporary is an
	 * unnamed O_TMPFILE (nothing listed) or, where the file system
	 * refuses one, a hidden ".out.tsv.XXXXXX" (6 random characters). */
	assert_int_equal(access(t, F_OK), -1);
	{
		char *l = dir_listing(d);

		assert_true(*l == '\0' || (strncmp(l, ".out.tsv.", 9) == 0 &&
		                           strlen(l) == 15));
		free(l);
	}
	assert_int_equal(kj_output_commit(o, &err), 0);
	assert_file(t, "nip\tnama\n198503102010011002\tAni\n");
	assert_listing(d, "out.tsv");
	/* the usual permissions, not mkstemp's 0600 */
	assert_int_equal(stat(t, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);

	/* Commit over an existing file replaces it. */
	o = kj_output_open(t, &err);
	assert_non_null(o);
	fputs("new\n", kj_output_stream(o));
	assert_int_equal(kj_output_commit(o, &err), 0);
	assert_file(t, "new\n");
	assert_listing(d, "out.tsv");

	/* An empty output is an empty file. */
	pjoin(t, sizeof t, d, "empty.tsv");
	o = kj_output_open(t, &err);
	assert_non_null(o);
	assert_int_equal(kj_output_commit(o, &err), 0);
	assert_file(t, "");
	assert_listing(d, "empty.tsv/out.tsv");
	umask(old);
}

/* A relative target: the temporary goes into the current folder. */
static void test_output_relative(void **state)
{
	char d[PATH_MAX], cwd[PATH_MAX], t[PATH_MAX], *during = NULL;
	kj_err err;
	kj_output *o;
	int rc = -1;

	(void)state;
	subdir(d, sizeof d, "relative");
	assert_non_null(getcwd(cwd, sizeof cwd));
	assert_int_equal(chdir(d), 0);
	o = kj_output_open("rel.tsv", &err);
	if (o) {
		fputs("r\n", kj_output_stream(o));
		during = dir_listing(".");
		rc = kj_output_commit(o, &err);
	}
	/* back to the old folder before any assertion can jump out */
	assert_int_equal(chdir(cwd), 0);
	assert_non_null(o);
	assert_int_equal(rc, 0);
	/* while open: nothing (O_TMPFILE) or only ".rel.tsv.XXXXXX" */
	assert_true(*during == '\0' || (strncmp(during, ".rel.tsv.", 9) == 0 &&
	                                strlen(during) == 15));
	free(during);
	assert_file(pjoin(t, sizeof t, d, "rel.tsv"), "r\n");
	assert_listing(d, "rel.tsv");
}

static void test_output_abort(void **state)
{
	char d[PATH_MAX], t[PATH_MAX];
	kj_err err;
	kj_output *o;

	(void)state;
	subdir(d, sizeof d, "abort");
	pjoin(t, sizeof t, d, "new.tsv");
	o = kj_output_open(t, &err);
	assert_non_null(o);
	fputs("half a file", kj_output_stream(o));
	kj_output_abort(o);
	assert_listing(d, "");

	/* An existing target is left as it was. */
	pjoin(t, sizeof t, d, "old.tsv");
	WRITE_LIT(t, "old\n");
	o = kj_output_open(t, &err);
	assert_non_null(o);
	fputs("replacement", kj_output_stream(o));
	fflush(kj_output_stream(o));
	kj_output_abort(o);
	assert_file(t, "old\n");
	assert_listing(d, "old.tsv");

	/* Named outputs too. */
	o = kj_output_open_named(t, &err);
	assert_non_null(o);
	WRITE_LIT(kj_output_path(o), "library output");
	kj_output_abort(o);
	assert_file(t, "old\n");
	assert_listing(d, "old.tsv");

	kj_output_abort(NULL); /* allowed */
}

static void test_output_errors(void **state)
{
	char t[PATH_MAX];
	kj_err err;

	(void)state;
	/* Into a missing folder: status 2 and the errno text. */
	memset(&err, 0, sizeof err);
	spath(t, sizeof t, "no/such/folder/out.tsv");
	assert_null(kj_output_open(t, &err));
	assert_string_equal(err.file, t);
	assert_int_equal(err.status, KJ_EXIT_USAGE);
	assert_contains(err.msg, strerror(ENOENT));

	memset(&err, 0, sizeof err);
	assert_null(kj_output_open_named(t, &err));
	assert_int_equal(err.status, KJ_EXIT_USAGE);
	assert_contains(err.msg, strerror(ENOENT));

	/* A folder name ending in '/' is not a file name. */
	memset(&err, 0, sizeof err);
	spath(t, sizeof t, "");
	assert_null(kj_output_open(t, &err));
	assert_int_equal(err.status, KJ_EXIT_USAGE);
	assert_contains(err.msg, "file name");

	/* Under a regular file: ENOTDIR, also the user's to fix. */
	spath(t, sizeof t, "plainfile");
	WRITE_LIT(t, "x");
	spath(t, sizeof t, "plainfile/out.tsv");
	memset(&err, 0, sizeof err);
	assert_null(kj_output_open(t, &err));
	assert_int_equal(err.status, KJ_EXIT_USAGE);
	assert_contains(err.msg, strerror(ENOTDIR));
	spath(t, sizeof t, "plainfile");
	unlink(t);
}

static void test_output_named(void **state)
{
	char d[PATH_MAX], t[PATH_MAX], tmp[PATH_MAX];
	kj_err err;
	kj_output *o;

	(void)state;
	subdir(d, sizeof d, "named");
	pjoin(t, sizeof t, d, "rekap.xlsx");
	/* O_TMPFILE: the library gets /proc/self/fd/N, nothing is named
	 * in the folder until commit. */
	o = kj_output_open_named(t, &err);
	assert_non_null(o);
	assert_string_equal(kj_output_name(o), t);
	assert_null(kj_output_stream(o));
	assert_int_equal(strncmp(kj_output_path(o), "/proc/self/fd/", 14), 0);
	assert_listing(d, "");
	/* The library opens it by that name, truncating (fopen "wb"). */
	WRITE_LIT(kj_output_path(o), "a longer first attempt");
	WRITE_LIT(kj_output_path(o), "PK\3\4 new");
	assert_listing(d, "");
	assert_int_equal(kj_output_commit(o, &err), 0);
	assert_file(t, "PK\3\4 new");
	assert_listing(d, "rekap.xlsx");
	/* Aborted: nothing left, the target as it was. */
	o = kj_output_open_named(t, &err);
	assert_non_null(o);
	WRITE_LIT(kj_output_path(o), "discarded");
	kj_output_abort(o);
	assert_file(t, "PK\3\4 new");
	assert_listing(d, "rekap.xlsx");
	unlink(t);

	/* Without O_TMPFILE: a hidden temporary beside the target. */
	setenv("KJ_IO_NO_TMPFILE", "1", 1);
	o = kj_output_open_named(t, &err);
	unsetenv("KJ_IO_NO_TMPFILE");
	assert_non_null(o);
	assert_string_equal(kj_output_name(o), t);
	/* no stream: a library writes the file by its name */
	assert_null(kj_output_stream(o));
	assert_non_null(kj_output_path(o));
	pjoin(tmp, sizeof tmp, d, ".rekap.xlsx.");
	assert_int_equal(strncmp(kj_output_path(o), tmp, strlen(tmp)), 0);
	assert_int_equal(access(kj_output_path(o), F_OK), 0);
	/* The library replaces the file (as libxlsxwriter does). */
	snprintf(tmp, sizeof tmp, "%s", kj_output_path(o));
	unlink(tmp);
	WRITE_LIT(tmp, "PK\3\4 workbook");
	assert_int_equal(kj_output_commit(o, &err), 0);
	assert_file(t, "PK\3\4 workbook");
	assert_listing(d, "rekap.xlsx");
}

/* Read the FIFO path into file copy in a child; returns its pid. */
static pid_t fifo_reader(const char *path, const char *copy)
{
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		char buf[256];
		int in = open(path, O_RDONLY), out;
		ssize_t n;

		out = open(copy, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (in < 0 || out < 0)
			_exit(1);
		while ((n = read(in, buf, sizeof buf)) > 0)
			if (write(out, buf, (size_t)n) != n)
				_exit(1);
		_exit(n < 0 || close(out) != 0);
	}
	return pid;
}

/*
 * A target that is a device or a FIFO (-o /dev/null, -o /dev/stdout, a
 * named pipe) is written in place: renaming a temporary over it would
 * replace /dev/null with a regular file for every process of the machine
 * (it happened: a benchmark ran with -o /dev/null as root).
 */
static void test_output_special(void **state)
{
	char d[PATH_MAX], fifo[PATH_MAX], copy[PATH_MAX];
	struct stat st;
	kj_err err;
	kj_output *o;
	pid_t pid;
	int status;

	(void)state;
	o = kj_output_open("/dev/null", &err);
	assert_non_null(o);
	fputs("nothing\n", kj_output_stream(o));
	assert_int_equal(kj_output_commit(o, &err), 0);
	assert_int_equal(stat("/dev/null", &st), 0);
	assert_true(S_ISCHR(st.st_mode));

	/* A stream output into a FIFO: the bytes arrive, the FIFO stays. */
	subdir(d, sizeof d, "special");
	pjoin(fifo, sizeof fifo, d, "pipe");
	pjoin(copy, sizeof copy, d, "copy");
	assert_int_equal(mkfifo(fifo, 0600), 0);
	pid = fifo_reader(fifo, copy);
	o = kj_output_open(fifo, &err);
	assert_non_null(o);
	fputs("a\tb\n", kj_output_stream(o));
	assert_int_equal(kj_output_commit(o, &err), 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(status, 0);
	assert_file(copy, "a\tb\n");
	assert_int_equal(stat(fifo, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));

	/* A named output (a library writes it by name) is copied there. */
	o = kj_output_open_named(fifo, &err);
	assert_non_null(o);
	assert_string_not_equal(kj_output_path(o), fifo);
	WRITE_LIT(kj_output_path(o), "PK\3\4 workbook");
	pid = fifo_reader(fifo, copy);
	assert_int_equal(kj_output_commit(o, &err), 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(status, 0);
	assert_file(copy, "PK\3\4 workbook");
	assert_int_equal(stat(fifo, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	/* Nothing left beside the FIFO and the copy. */
	assert_listing(d, "copy/pipe");
}

/* Run fn with standard output sent to file path; cmocka must not print
 * in between, so fn only records failures. */
static void with_stdout_to(const char *path, int (*fn)(void *), void *arg,
                           int *result)
{
	int saved, fd;

	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(saved >= 0 && fd >= 0);
	dup2(fd, STDOUT_FILENO);
	close(fd);
	*result = fn(arg);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
}

struct named_stdout {
	const char *tmpdir;
	char tmp[PATH_MAX];
	char name[64];
	kj_err err;
};

static int named_to_stdout(void *arg)
{
	struct named_stdout *a = arg;
	kj_output *o = kj_output_open_named("-", &a->err);

	if (!o)
		return 1;
	snprintf(a->name, sizeof a->name, "%s", kj_output_name(o));
	snprintf(a->tmp, sizeof a->tmp, "%s", kj_output_path(o));
	{
		FILE *f = fopen(a->tmp, "wb");

		if (!f)
			return 2;
		/* binary: NUL and CR LF pass unchanged */
		fwrite("PK\3\4\0\r\nxlsx", 1, 11, f);
		fclose(f);
	}
	/* something already buffered on stdout comes first */
	fputs("before:", stdout);
	return kj_output_commit(o, &a->err) == 0 ? 0 : 3;
}

static void test_output_named_stdout(void **state)
{
	char d[PATH_MAX], cap[PATH_MAX], *got, *oldtmp;
	struct named_stdout a;
	size_t len;
	int r;

	(void)state;
	subdir(d, sizeof d, "namedstdout");
	spath(cap, sizeof cap, "stdout-capture.bin");
	/* The temporary goes to $TMPDIR: our folder, to look at it. */
	oldtmp = getenv("TMPDIR") ? strdup(getenv("TMPDIR")) : NULL;
	setenv("TMPDIR", d, 1);
	memset(&a, 0, sizeof a);
	with_stdout_to(cap, named_to_stdout, &a, &r);
	if (oldtmp) {
		setenv("TMPDIR", oldtmp, 1);
		free(oldtmp);
	} else {
		unsetenv("TMPDIR");
	}
	if (r != 0) {
		print_error("step %d failed: %s\n", r, a.err.msg);
		fail();
	}
	assert_string_equal(a.name, "<stdout>");
	/* the temporary was an unnamed file (in $TMPDIR), now gone */
	assert_int_equal(strncmp(a.tmp, "/proc/self/fd/", 14), 0);
	assert_listing(d, "");
	got = read_all(cap, &len);
	assert_non_null(got);
	assert_int_equal(len, 7 + 11);
	assert_memory_equal(got, "before:PK\3\4\0\r\nxlsx", 18);
	free(got);
	unlink(cap);
}

static int plain_to_stdout(void *arg)
{
	kj_err *err = arg;
	kj_output *o = kj_output_open("-", err);

	if (!o)
		return 1;
	if (kj_output_stream(o) != stdout)
		return 2;
	if (strcmp(kj_output_name(o), "<stdout>") != 0)
		return 3;
	if (kj_output_path(o) != NULL)
		return 4;
	fputs("direct\n", kj_output_stream(o));
	if (kj_output_commit(o, err) != 0)
		return 5;
	/* NULL is standard output too */
	o = kj_output_open(NULL, err);
	if (!o || kj_output_stream(o) != stdout)
		return 6;
	fputs("null\n", stdout);
	if (kj_output_commit(o, err) != 0)
		return 7;
	/* abort of stdout does not close it */
	o = kj_output_open("-", err);
	if (!o)
		return 8;
	kj_output_abort(o);
	return fputs("still open\n", stdout) < 0 ? 9 : 0;
}

static void test_output_stdout(void **state)
{
	char cap[PATH_MAX];
	kj_err err;
	int r;

	(void)state;
	spath(cap, sizeof cap, "stdout-plain.txt");
	with_stdout_to(cap, plain_to_stdout, &err, &r);
	assert_int_equal(r, 0);
	assert_file(cap, "direct\nnull\nstill open\n");
	unlink(cap);
}

/* Several outputs at once: each is its own temporary file. */
static void test_output_several(void **state)
{
	char d[PATH_MAX], a[PATH_MAX], b[PATH_MAX];
	kj_err err;
	kj_output *oa, *ob;

	(void)state;
	subdir(d, sizeof d, "several");
	pjoin(a, sizeof a, d, "a.tsv");
	pjoin(b, sizeof b, d, "b.tsv");
	oa = kj_output_open(a, &err);
	ob = kj_output_open(b, &err);
	assert_non_null(oa);
	assert_non_null(ob);
	fputs("A\n", kj_output_stream(oa));
	fputs("B\n", kj_output_stream(ob));
	kj_output_abort(ob);
	assert_int_equal(kj_output_commit(oa, &err), 0);
	assert_file(a, "A\n");
	assert_listing(d, "a.tsv");
}

/*
 * Run fn in a child and return its wait status: for calls that may crash
 * (a NULL err written through), so the crash is a failed test, not a
 * dead test program.
 */
static int in_child(int (*fn)(void *), void *arg);

/* err may be NULL: the error is then only in the return value. */
struct null_err_arg {
	char missing[PATH_MAX];
};

static int input_null_err(void *arg)
{
	struct null_err_arg *a = arg;

	return kj_input_open(a->missing, NULL) == NULL ? 0 : 10;
}

static int output_null_err(void *arg)
{
	struct null_err_arg *a = arg;

	if (kj_output_open(a->missing, NULL) != NULL)
		return 10;
	if (kj_output_open_named(a->missing, NULL) != NULL)
		return 11;
	return 0;
}

static void test_null_err(void **state)
{
	struct null_err_arg a;
	int status;

	(void)state;
	spath(a.missing, sizeof a.missing, "no/such/folder/x.tsv");
	status = in_child(input_null_err, &a);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	status = in_child(output_null_err, &a);
	if (WIFSIGNALED(status))
		print_error("kj_output_open(\"%s\", NULL) died of signal "
		            "%d\n", a.missing, WTERMSIG(status));
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

/* More outputs open at once than io can track: an internal error
 * (status 3), nothing left behind, and outputs work again after. */
static void test_too_many_outputs(void **state)
{
	enum { LIMIT = 10000 };
	char d[PATH_MAX], t[PATH_MAX];
	kj_output **o = calloc(LIMIT, sizeof *o);
	kj_err err;
	int n = 0;

	(void)state;
	assert_non_null(o);
	subdir(d, sizeof d, "many");
	pjoin(t, sizeof t, d, "out.xlsx");
	memset(&err, 0, sizeof err);
	/* named outputs with a hidden temporary hold no file descriptor */
	setenv("KJ_IO_NO_TMPFILE", "1", 1);
	while (n < LIMIT && (o[n] = kj_output_open_named(t, &err)) != NULL)
		n++;
	unsetenv("KJ_IO_NO_TMPFILE");
	assert_true(n > 1 && n < LIMIT);
	assert_int_equal(err.status, KJ_EXIT_INTERNAL);
	assert_contains(err.msg, "too many open outputs");
	while (n > 0)
		kj_output_abort(o[--n]);
	free(o);
	assert_listing(d, "");
	{
		kj_output *one = kj_output_open(t, &err);

		assert_non_null(one);
		assert_int_equal(kj_output_commit(one, &err), 0);
		assert_listing(d, "out.xlsx");
	}
}

/* ---- outputs and process death ------------------------------------------ */

/* A child's exit() must give the status it asked for: LeakSanitizer is
 * turned off in children (this hook is LSan's documented interface; it
 * is an unused function in builds without LSan).  Otherwise any leak of
 * an earlier failed test would turn exit(3) into exit(1). */
static volatile int lsan_off;
int __lsan_is_turned_off(void);
int __lsan_is_turned_off(void)
{
	return lsan_off;
}

static kj_output *volatile child_output;

/* In a child: a crash must kill the child.  cmocka's handlers would
 * instead jump back into the test runner and run the other tests a
 * second time in the child. */
static void child_default_signals(void)
{
	static const int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT };

	lsan_off = 1;
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		signal(sigs[i], SIG_DFL);
}

static int in_child(int (*fn)(void *), void *arg)
{
	pid_t pid;
	int status;

	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		child_default_signals();
		_exit(fn(arg));
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return status;
}

/*
 * Fork a child that opens target, writes and flushes part of a file, tells
 * the parent through a pipe, then either calls exit(3) (sig == 0) or waits
 * to be killed by sig.  Returns the wait status.  The output is a named
 * one: with anon, an unnamed O_TMPFILE; without, a hidden temporary that
 * exists from the start, so that its removal can be seen (stream outputs:
 * test_sigkill_stream_leaves_nothing).
 */
static int run_child(const char *target, int sig, int anon)
{
	int fds[2], status;
	pid_t pid;
	char c;

	assert_int_equal(pipe(fds), 0);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		kj_err err;

		child_default_signals();
		alarm(30); /* never outlive a parent whose test failed */
		close(fds[0]);
		FILE *f;

		if (!anon)
			setenv("KJ_IO_NO_TMPFILE", "1", 1);
		child_output = kj_output_open_named(target, &err);
		if (!child_output)
			_exit(100);
		f = fopen(kj_output_path(child_output), "w");
		if (!f)
			_exit(100);
		fputs("half of the new content", f);
		if (fflush(f) != 0)
			_exit(101);
		if (sig == 0)
			exit(3); /* atexit handlers run */
		if (write(fds[1], "r", 1) != 1)
			_exit(102);
		for (;;)
			pause();
	}
	close(fds[1]);
	if (sig != 0) {
		char d[PATH_MAX], *slash, *l;

		/* wait until the child has written */
		assert_int_equal(read(fds[0], &c, 1), 1);
		/* The test can fail: the temporary exists now. */
		snprintf(d, sizeof d, "%s", target);
		slash = strrchr(d, '/');
		*slash = '\0';
		l = dir_listing(d);
		if (!anon)
			assert_non_null(strstr(l, ".target.tsv."));
		free(l);
		assert_int_equal(kill(pid, sig), 0);
	}
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return status;
}

static void test_exit_removes_temp(void **state)
{
	char d[PATH_MAX], t[PATH_MAX];
	int status;

	(void)state;
	subdir(d, sizeof d, "exit");
	pjoin(t, sizeof t, d, "target.tsv");
	WRITE_LIT(t, "old\n");
	status = run_child(t, 0, 0);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 3);
	assert_file(t, "old\n");
	assert_listing(d, "target.tsv");
}

static void test_signals_remove_temp(void **state)
{
	static const int sigs[] = { SIGTERM, SIGINT, SIGHUP, SIGPIPE };
	char d[PATH_MAX], t[PATH_MAX];
	int status;

	(void)state;
	subdir(d, sizeof d, "signals");
	pjoin(t, sizeof t, d, "target.tsv");
	WRITE_LIT(t, "old\n");
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		status = run_child(t, sigs[i], 0);
		/* the child dies of the signal, as without a handler */
		assert_true(WIFSIGNALED(status));
		assert_int_equal(WTERMSIG(status), sigs[i]);
		assert_file(t, "old\n");
		assert_listing(d, "target.tsv");
	}
}

static void test_sigkill_keeps_target(void **state)
{
	char d[PATH_MAX], t[PATH_MAX], *l, *tok, *save = NULL;
	int status;

	(void)state;
	subdir(d, sizeof d, "sigkill");
	pjoin(t, sizeof t, d, "target.tsv");
	WRITE_LIT(t, "old\n");
	status = run_child(t, SIGKILL, 0);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGKILL);
	/* The old target is intact; the hidden temporary may remain. */
	assert_file(t, "old\n");
	l = dir_listing(d);
	for (tok = strtok_r(l, "/", &save); tok;
	     tok = strtok_r(NULL, "/", &save)) {
		char p[PATH_MAX];

		if (strcmp(tok, "target.tsv") == 0)
			continue;
		assert_int_equal(strncmp(tok, ".target.tsv.", 12), 0);
		pjoin(p, sizeof p, d, tok);
		unlink(p);
	}
	free(l);
}

/* A named output (O_TMPFILE, written through /proc/self/fd/N) killed
 * with SIGKILL: the old target is intact and nothing else is left. */
static void test_sigkill_named_leaves_nothing(void **state)
{
	char d[PATH_MAX], t[PATH_MAX];
	int status;

	(void)state;
	subdir(d, sizeof d, "sigkill-named");
	pjoin(t, sizeof t, d, "target.tsv");
	WRITE_LIT(t, "old\n");
	status = run_child(t, SIGKILL, 1);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGKILL);
	assert_file(t, "old\n");
	assert_listing(d, "target.tsv");
}

/* A stream output killed with SIGKILL: the old target is intact and,
 * with O_TMPFILE, nothing else is left (without it: the hidden
 * temporary only). */
static void test_sigkill_stream_leaves_nothing(void **state)
{
	char d[PATH_MAX], t[PATH_MAX], *l;
	int fds[2], status;
	pid_t pid;
	char c;

	(void)state;
	subdir(d, sizeof d, "sigkill-stream");
	pjoin(t, sizeof t, d, "target.tsv");
	WRITE_LIT(t, "old\n");
	assert_int_equal(pipe(fds), 0);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		kj_err err;

		child_default_signals();
		alarm(30);
		close(fds[0]);
		child_output = kj_output_open(t, &err);
		if (!child_output)
			_exit(100);
		fputs("half of the new content", kj_output_stream(child_output));
		if (fflush(kj_output_stream(child_output)) != 0 ||
		    write(fds[1], "r", 1) != 1)
			_exit(101);
		for (;;)
			pause();
	}
	close(fds[1]);
	assert_int_equal(read(fds[0], &c, 1), 1);
	close(fds[0]);
	assert_int_equal(kill(pid, SIGKILL), 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_file(t, "old\n");
	l = dir_listing(d);
	assert_true(strcmp(l, "target.tsv") == 0 ||
	            strncmp(l, ".target.tsv.", 12) == 0);
	free(l);
}

/*
 * A child process that merely exits (a forked helper, or a fork whose
 * exec failed and that calls exit()) must not remove the parent's
 * uncommitted temporary files: they are not the child's.
 */
static void test_child_exit_keeps_parent_temp(void **state)
{
	char d[PATH_MAX], t[PATH_MAX];
	kj_err err;
	kj_output *o;
	pid_t pid;
	int status, rc;

	(void)state;
	subdir(d, sizeof d, "forkexit");
	pjoin(t, sizeof t, d, "parent.tsv");
	o = kj_output_open(t, &err);
	assert_non_null(o);
	fputs("parent's data\n", kj_output_stream(o));
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		child_default_signals();
		exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	memset(&err, 0, sizeof err);
	rc = kj_output_commit(o, &err);
	if (rc != 0)
		print_error("commit after a child's exit: %s\n", err.msg);
	assert_int_equal(rc, 0);
	assert_file(t, "parent's data\n");
}

/*
 * The same when the child opens an output of its own before it exits: its
 * exit removes its own temporary file, not the parent's.
 */
static void test_child_output_keeps_parent_temp(void **state)
{
	char d[PATH_MAX], t[PATH_MAX], c[PATH_MAX];
	kj_err err;
	kj_output *o;
	pid_t pid;
	int status, rc;

	(void)state;
	subdir(d, sizeof d, "forkopen");
	pjoin(t, sizeof t, d, "parent.tsv");
	pjoin(c, sizeof c, d, "child.tsv");
	o = kj_output_open(t, &err);
	assert_non_null(o);
	fputs("parent's data\n", kj_output_stream(o));
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		child_default_signals();
		child_output = kj_output_open(c, &err);
		exit(child_output ? 0 : 100);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	memset(&err, 0, sizeof err);
	rc = kj_output_commit(o, &err);
	if (rc != 0)
		print_error("commit after a child's exit: %s\n", err.msg);
	assert_int_equal(rc, 0);
	assert_file(t, "parent's data\n");
	/* the child's own temporary is gone */
	assert_listing(d, "parent.tsv");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_lines),
		cmocka_unit_test(test_gzip_lines),
		cmocka_unit_test(test_open_as),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_no_final_newline),
		cmocka_unit_test(test_empty_input),
		cmocka_unit_test(test_open_errors),
		cmocka_unit_test(test_stdin),
		cmocka_unit_test(test_max_line),
		cmocka_unit_test(test_max_line_crlf),
		cmocka_unit_test(test_max_line_bom),
		cmocka_unit_test(test_truncated_gzip),
		cmocka_unit_test(test_gzip_large),
		cmocka_unit_test(test_corrupt_gzip),
		cmocka_unit_test(test_raw_read),
		cmocka_unit_test(test_output_commit),
		cmocka_unit_test(test_output_relative),
		cmocka_unit_test(test_output_abort),
		cmocka_unit_test(test_output_errors),
		cmocka_unit_test(test_output_named),
		cmocka_unit_test(test_output_named_stdout),
		cmocka_unit_test(test_output_special),
		cmocka_unit_test(test_output_stdout),
		cmocka_unit_test(test_output_several),
		cmocka_unit_test(test_null_err),
		cmocka_unit_test(test_too_many_outputs),
		cmocka_unit_test(test_exit_removes_temp),
		cmocka_unit_test(test_signals_remove_temp),
		cmocka_unit_test(test_sigkill_keeps_target),
		cmocka_unit_test(test_child_exit_keeps_parent_temp),
		cmocka_unit_test(test_child_output_keeps_parent_temp),
		cmocka_unit_test(test_sigkill_named_leaves_nothing),
		cmocka_unit_test(test_sigkill_stream_leaves_nothing),
	};

	return cmocka_run_group_tests_name("io", tests, group_setup,
	                                   group_teardown);
}
