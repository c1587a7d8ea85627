/*
 * Unit tests for lib/tsv.c: the TSV reader and writer of FORMATS.md.
 *
 * Columns in the expected errors are 1-based character (code point)
 * columns of the line as written; the working is in the comments, with
 * byte offsets counted from 0.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "tsv.h"

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
	const char *tmp = getenv("TMPDIR");

	(void)state;
	if (snprintf(scratch, sizeof scratch, "%s/kj-test-tsv-XXXXXX",
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

static void write_bytes(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* Write a literal (sizeof - 1 keeps embedded NUL bytes). */
#define WRITE_LIT(path, lit) write_bytes((path), (lit), sizeof(lit) - 1)

#define assert_contains(hay, needle)                                       \
	do {                                                               \
		if (!strstr((hay), (needle))) {                            \
			print_error("'%s' does not contain '%s'\n", (hay), \
			            (needle));                             \
			fail();                                            \
		}                                                          \
	} while (0)

/*
 * Write a file holding data, open it and read records until one fails;
 * return the error.  want_records is how many records must be read
 * before the error.
 */
static kj_err read_until_error(const char *name, const char *data,
                               size_t len, int want_records)
{
	char p[PATH_MAX];
	kj_err err;
	kj_tsv *t;
	int rc, n = 0;

	memset(&err, 0, sizeof err);
	write_bytes(spath(p, sizeof p, name), data, len);
	t = kj_tsv_open(p, &err);
	assert_non_null(t);
	while ((rc = kj_tsv_next(t, &err)) == 1)
		n++;
	assert_int_equal(rc, -1);
	assert_int_equal(n, want_records);
	assert_string_equal(err.file, p);
	assert_int_equal(err.status, KJ_EXIT_USAGE);
	kj_tsv_close(t);
	return err;
}
#define ERR_LIT(name, lit, nrec) read_until_error((name), (lit), \
                                                  sizeof(lit) - 1, (nrec))

/* An error from kj_tsv_open itself. */
static kj_err open_error(const char *name, const char *data, size_t len)
{
	char p[PATH_MAX];
	kj_err err;

	memset(&err, 0, sizeof err);
	write_bytes(spath(p, sizeof p, name), data, len);
	assert_null(kj_tsv_open(p, &err));
	assert_string_equal(err.file, p);
	return err;
}
#define OPEN_ERR_LIT(name, lit) open_error((name), (lit), sizeof(lit) - 1)

/* ---- header ------------------------------------------------------------ */

static void test_header_names_and_aliases(void **state)
{
	char p[PATH_MAX];
	kj_err err;
	kj_tsv *t;

	(void)state;
	WRITE_LIT(spath(p, sizeof p, "hdr.tsv"),
	          "Skp_Unor\tGOLRU\t NIP \tnama\tExtra-Col\n"
	          "U1\tIII/a\t198503102010011002\tAni\tx\n");
	t = kj_tsv_open(p, &err);
	assert_non_null(t);
	assert_string_equal(kj_tsv_name(t), p);
	assert_int_equal(kj_tsv_ncols(t), 5);
	/* canonical names */
	assert_string_equal(kj_tsv_colname(t, 0), "unit");
	assert_string_equal(kj_tsv_colname(t, 1), "golongan");
	assert_string_equal(kj_tsv_colname(t, 2), "nip");
	assert_string_equal(kj_tsv_colname(t, 3), "nama");
	assert_string_equal(kj_tsv_colname(t, 4), "extra_col");
	/* headers as written */
	assert_string_equal(kj_tsv_header(t, 0), "Skp_Unor");
	assert_string_equal(kj_tsv_header(t, 2), " NIP ");
	/* lookups by canonical name only */
	assert_int_equal(kj_tsv_col(t, "unit"), 0);
	assert_int_equal(kj_tsv_col(t, "golongan"), 1);
	assert_int_equal(kj_tsv_col(t, "nip"), 2);
	assert_int_equal(kj_tsv_col(t, "extra_col"), 4);
	assert_int_equal(kj_tsv_col(t, "opd"), -1);
	assert_int_equal(kj_tsv_col(t, "NIP"), -1);
	assert_int_equal(kj_tsv_need(t, "nama", &err), 3);
	memset(&err, 0, sizeof err);
	assert_int_equal(kj_tsv_need(t, "opd", &err), -1);
	assert_string_equal(err.file, p);
	assert_int_equal(err.line, 1);
	assert_contains(err.msg, "missing column 'opd'");

	assert_int_equal(kj_tsv_next(t, &err), 1);
	assert_int_equal(kj_tsv_line(t), 2);
	assert_string_equal(kj_tsv_field(t, 2), "198503102010011002");
	assert_int_equal(kj_tsv_len(t, 2), 18);
	assert_string_equal(kj_tsv_field(t, 1), "III/a");
	assert_int_equal(kj_tsv_next(t, &err), 0);
	kj_tsv_close(t);
}

static void test_header_duplicates(void **state)
{
	kj_err e;

	(void)state;
	/* "nip\tnama\tNIP": the third name starts at byte 4+5 = 9, col 10 */
	e = OPEN_ERR_LIT("dup1.tsv", "nip\tnama\tNIP\n1\t2\t3\n");
	assert_int_equal(e.line, 1);
	assert_int_equal(e.col, 10);
	assert_int_equal(e.status, KJ_EXIT_USAGE);
	assert_contains(e.msg, "duplicate column 'NIP' (also column 1)");

	/* Through an alias: NIP_BARU (8 bytes + tab), nip at col 10. */
	e = OPEN_ERR_LIT("dup2.tsv", "NIP_BARU\tnip\n");
	assert_int_equal(e.line, 1);
	assert_int_equal(e.col, 10);
	assert_contains(e.msg, "duplicate column 'nip' (also column 1)");

	/* Through spaces, case and '-': "Hari Kerja" and "hari-kerja".
	 * "a\t" 2 + "Hari Kerja\t" 11: the third starts at col 14. */
	e = OPEN_ERR_LIT("dup3.tsv", "a\tHari Kerja\thari-kerja\n");
	assert_int_equal(e.line, 1);
	assert_int_equal(e.col, 14);
	assert_contains(e.msg, "(also column 2)");

	/* After multi-byte text: "é" is 2 bytes but one character, so
	 * "é\tnip\t" is 6 characters and the second nip is at col 7. */
	e = OPEN_ERR_LIT("dup4.tsv", "\xC3\xA9\tnip\tnip\n");
	assert_int_equal(e.line, 1);
	assert_int_equal(e.col, 7);
}

static void test_header_empty_name(void **state)
{
	kj_err e;

	(void)state;
	/* "nip\t\tnama": the empty second name starts at byte 4, col 5 */
	e = OPEN_ERR_LIT("empty1.tsv", "nip\t\tnama\n");
	assert_int_equal(e.line, 1);
	assert_int_equal(e.col, 5);
	assert_contains(e.msg, "column 2 has no name");

	/* Blanks only are no name either. */
	e = OPEN_ERR_LIT("empty2.tsv", "nip\t   \tnama\n");
	assert_int_equal(e.col, 5);
	assert_contains(e.msg, "column 2 has no name");

	/* A trailing tab makes an empty third name at byte 9, col 10. */
	e = OPEN_ERR_LIT("empty3.tsv", "nip\tnama\t\n");
	assert_int_equal(e.col, 10);
	assert_contains(e.msg, "column 3 has no name");

	/* An empty first line: one column with no name. */
	e = OPEN_ERR_LIT("empty4.tsv", "\nnip\n");
	assert_int_equal(e.line, 1);
	assert_int_equal(e.col, 1);
	assert_contains(e.msg, "column 1 has no name");
}

static void test_empty_file(void **state)
{
	char p[PATH_MAX];
	kj_err e;

	(void)state;
	e = open_error("empty.tsv", "", 0);
	assert_int_equal(e.line, 1);
	assert_int_equal(e.col, 0);
	assert_int_equal(e.status, KJ_EXIT_USAGE);
	assert_contains(e.msg, "empty file");

	/* "file:1" is what a message would print. */
	spath(p, sizeof p, "empty.tsv");
	assert_string_equal(e.file, p);
}

static void test_missing_file(void **state)
{
	char p[PATH_MAX];
	kj_err e;

	(void)state;
	memset(&e, 0, sizeof e);
	assert_null(kj_tsv_open(spath(p, sizeof p, "nope.tsv"), &e));
	assert_string_equal(e.file, p);
	assert_int_equal(e.status, KJ_EXIT_USAGE);
	assert_contains(e.msg, strerror(ENOENT));
}

/* kj_tsv_open_as: the other name is used in messages. */
static void test_open_as(void **state)
{
	char p[PATH_MAX];
	kj_err err;
	kj_tsv *t;

	(void)state;
	WRITE_LIT(spath(p, sizeof p, "as.tsv"), "nip\tnama\n1\n");
	t = kj_tsv_open_as(p, "<stdin>", &err);
	assert_non_null(t);
	assert_string_equal(kj_tsv_name(t), "<stdin>");
	memset(&err, 0, sizeof err);
	assert_int_equal(kj_tsv_need(t, "opd", &err), -1);
	assert_string_equal(err.file, "<stdin>");
	assert_int_equal(kj_tsv_next(t, &err), -1);
	assert_string_equal(err.file, "<stdin>");
	assert_int_equal(err.line, 2);
	kj_tsv_close(t);

	/* NULL name: the path, as kj_tsv_open */
	t = kj_tsv_open_as(p, NULL, &err);
	assert_non_null(t);
	assert_string_equal(kj_tsv_name(t), p);
	kj_tsv_close(t);

	/* an error in the header names the other name too */
	WRITE_LIT(p, "nip\tnip\n");
	memset(&err, 0, sizeof err);
	assert_null(kj_tsv_open_as(p, "spool", &err));
	assert_string_equal(err.file, "spool");
	assert_int_equal(err.line, 1);
	assert_int_equal(err.col, 5);
}

/* err may be NULL: errors are then only in the return values. */
static void test_null_err(void **state)
{
	char p[PATH_MAX];
	kj_tsv *t;

	(void)state;
	assert_null(kj_tsv_open(spath(p, sizeof p, "nothere.tsv"), NULL));
	WRITE_LIT(spath(p, sizeof p, "nullerr.tsv"), "");
	assert_null(kj_tsv_open(p, NULL));
	WRITE_LIT(p, "a\ta\n");
	assert_null(kj_tsv_open(p, NULL));
	/* a ragged row, bad UTF-8, a bad escape: each -1 */
	{
		static const char *const rows[] = {
			"1\n", "\xFF\t2\n", "x\\q\ty\n"
		};

		for (size_t i = 0; i < 3; i++) {
			FILE *f = fopen(p, "wb");

			assert_non_null(f);
			fprintf(f, "a\tb\n%s", rows[i]);
			assert_int_equal(fclose(f), 0);
			t = kj_tsv_open(p, NULL);
			assert_non_null(t);
			assert_int_equal(kj_tsv_next(t, NULL), -1);
			kj_tsv_close(t);
		}
	}
	WRITE_LIT(p, "a\tb\nok\tok\n");
	t = kj_tsv_open(p, NULL);
	assert_non_null(t);
	assert_int_equal(kj_tsv_need(t, "zzz", NULL), -1);
	assert_int_equal(kj_tsv_next(t, NULL), 1);
	kj_tsv_field_err(t, 1, NULL, "x");
	assert_int_equal(kj_tsv_next(t, NULL), 0);
	kj_tsv_close(t);
}

static void test_header_invalid_utf8(void **state)
{
	kj_err e;

	(void)state;
	/* 0xE9 (Latin-1 é) at byte 7 of "nip\tnam\xE9": col 8 */
	e = OPEN_ERR_LIT("hdr8.tsv", "nip\tnam\xE9\n");
	assert_int_equal(e.line, 1);
	assert_int_equal(e.col, 8);
	assert_contains(e.msg, "invalid UTF-8 byte 0xE9");
}

/* ---- escapes ------------------------------------------------------------ */

static void test_put_bytes(void **state)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);
	static const char *const row[] = { "a\tb", NULL, "c\\d", "" };

	(void)state;
	assert_non_null(f);
	/* Each special character becomes backslash + letter. */
	kj_tsv_put(f, "x\ty\nz\r\\", 7);
	putc('|', f);
	/* A field that is just a backslash: two backslashes. */
	kj_tsv_puts(f, "\\");
	putc('|', f);
	/* len is honoured, embedded NUL passes unchanged (the reader will
	 * refuse it: there is no escape for NUL). */
	kj_tsv_put(f, "ab\0cd", 3);
	putc('|', f);
	/* NULL and "" are both empty fields. */
	kj_tsv_put_row(f, row, 4);
	assert_int_equal(fclose(f), 0);
	/* x\ty\nz\r\\ is 11 bytes, "|" 12, \\ 14, "|" 15, "ab" NUL 18,
	 * "|" 19, a\tb 23, TAB 24, (NULL) TAB 25, c\\d 29, TAB 30, ("")
	 * NL 31. */
	assert_int_equal(size, 31);
	assert_memory_equal(buf, "x\\ty\\nz\\r\\\\|\\\\|ab\0|a\\tb\t\tc\\\\d\t\n",
	                    31);
	free(buf);
}

/* kj_tsv_puts takes one fwrite for a clean field and escapes the rest
 * wherever the special byte is: first, last, or between clean runs. */
static void test_puts_fast_and_slow(void **state)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);
	static const char want[] =
		"Meningkatnya layanan kesehatan dasar|"
		"\\tepi|akhir\\n|a\\tb\\nc\\rd\\\\e|\\t\\t||";

	(void)state;
	assert_non_null(f);
	kj_tsv_puts(f, "Meningkatnya layanan kesehatan dasar");
	putc('|', f);
	kj_tsv_puts(f, "\tepi");
	putc('|', f);
	kj_tsv_puts(f, "akhir\n");
	putc('|', f);
	kj_tsv_puts(f, "a\tb\nc\rd\\e");
	putc('|', f);
	kj_tsv_puts(f, "\t\t");
	putc('|', f);
	kj_tsv_puts(f, "");
	putc('|', f);
	assert_int_equal(fclose(f), 0);
	/* 36 + 1, \tepi 5 + 1, akhir\n 7 + 1, a\tb\nc\rd\\e 13 + 1,
	 * \t\t 4 + 1, "" 0 + 1: 71 bytes. */
	assert_int_equal(size, 71);
	assert_int_equal(strlen(want), 71);
	assert_memory_equal(buf, want, 71);
	free(buf);
}

static void test_escape_round_trip(void **state)
{
	static const char *const values[] = {
		"tab\there",
		"line1\nline2",
		"carriage\rreturn",
		"back\\slash",
		"\\",
		"\\\\",
		"\\t is not a tab",
		"\t\n\r\\",
		"",
		"trailing\\",
		"\xC3\xA9\t\xE2\x82\xAC\n", /* é TAB € NL */
	};
	const size_t nv = sizeof values / sizeof values[0];
	char p[PATH_MAX];
	kj_err err;
	kj_tsv *t;
	FILE *f;

	(void)state;
	f = fopen(spath(p, sizeof p, "rt.tsv"), "wb");
	assert_non_null(f);
	fputs("id\tvalue\tafter\n", f);
	for (size_t i = 0; i < nv; i++) {
		fprintf(f, "%zu\t", i);
		kj_tsv_puts(f, values[i]);
		fputs("\tend\n", f);
	}
	assert_int_equal(fclose(f), 0);

	t = kj_tsv_open(p, &err);
	assert_non_null(t);
	for (size_t i = 0; i < nv; i++) {
		char id[16];

		if (kj_tsv_next(t, &err) != 1) {
			print_error("%s:%ld:%ld: %s\n", err.file, err.line,
			            err.col, err.msg);
			fail();
		}
		/* one record per value: line i + 2 */
		assert_int_equal(kj_tsv_line(t), (long)i + 2);
		snprintf(id, sizeof id, "%zu", i);
		assert_string_equal(kj_tsv_field(t, 0), id);
		assert_int_equal(kj_tsv_len(t, 1), strlen(values[i]));
		assert_memory_equal(kj_tsv_field(t, 1), values[i],
		                    strlen(values[i]) + 1);
		assert_string_equal(kj_tsv_field(t, 2), "end");
	}
	assert_int_equal(kj_tsv_next(t, &err), 0);
	kj_tsv_close(t);
}

static void test_escape_read_exact(void **state)
{
	char p[PATH_MAX];
	kj_err err;
	kj_tsv *t;

	(void)state;
	/* Read hand-written escapes, not only our own writer's. */
	WRITE_LIT(spath(p, sizeof p, "esc.tsv"),
	          "a\tb\n"
	          "\\t\\n\\r\\\\\t\\\\\\\\\n"   /* \t\n\r\\ TAB \\\\ */
	          "x\\\\t\tq\n");              /* x\\t TAB q */
	t = kj_tsv_open(p, &err);
	assert_non_null(t);
	assert_int_equal(kj_tsv_next(t, &err), 1);
	assert_int_equal(kj_tsv_len(t, 0), 4);
	assert_memory_equal(kj_tsv_field(t, 0), "\t\n\r\\", 5);
	assert_string_equal(kj_tsv_field(t, 1), "\\\\");
	/* The escaped field begins after the raw tab: "\t\n\r\\" is 8 raw
	 * characters, so field 2 is at col 10. */
	assert_int_equal(kj_tsv_fieldcol(t, 1), 10);
	assert_int_equal(kj_tsv_next(t, &err), 1);
	/* "x\\t" is x, backslash, t: not a tab. */
	assert_string_equal(kj_tsv_field(t, 0), "x\\t");
	assert_int_equal(kj_tsv_len(t, 0), 3);
	kj_tsv_close(t);
}

static void test_bad_escapes(void **state)
{
	kj_err e;

	(void)state;
	/* "ab\tc\\xd": the backslash is byte 4, col 5 */
	e = ERR_LIT("bad1.tsv", "h1\th2\nab\tc\\xd\n", 0);
	assert_int_equal(e.line, 2);
	assert_int_equal(e.col, 5);
	assert_contains(e.msg, "unknown escape '\\x'");

	/* é (2 bytes) € (3 bytes) TAB x then the backslash at byte 7:
	 * characters before it é € TAB x = 4, col 5 (byte column 8). */
	e = ERR_LIT("bad2.tsv",
	            "h1\th2\nok\tfine\n\xC3\xA9\xE2\x82\xAC\tx\\q\n", 1);
	assert_int_equal(e.line, 3);
	assert_int_equal(e.col, 5);
	assert_contains(e.msg, "unknown escape '\\q'");

	/* A backslash at the end of the line: "abc\tdef\\", byte 7, col 8 */
	e = ERR_LIT("bad3.tsv", "h1\th2\nabc\tdef\\\n", 0);
	assert_int_equal(e.line, 2);
	assert_int_equal(e.col, 8);
	assert_contains(e.msg, "end of the line");

	/* ... and at the end of a field: "ab\\\tc", byte 2, col 3 */
	e = ERR_LIT("bad4.tsv", "h1\th2\nab\\\tc\n", 0);
	assert_int_equal(e.col, 3);
	assert_contains(e.msg, "end of a field");

	/* After multi-byte text: ñ TAB a b then the backslash at byte 5;
	 * characters before it ñ TAB a b = 4, col 5. */
	e = ERR_LIT("bad5.tsv", "h1\th2\n\xC3\xB1\tab\\\n", 0);
	assert_int_equal(e.col, 5);
	assert_contains(e.msg, "end of the line");

	/* Three backslashes: an escaped backslash, then a lone one at
	 * byte 2 + 2 = 4 of "x\t\\\\\\" -> col 5. */
	e = ERR_LIT("bad6.tsv", "h1\th2\nx\t\\\\\\\n", 0);
	assert_int_equal(e.col, 5);

	/* A CRLF line: the CR is the line end, not the escaped char, so a
	 * backslash before it is at the end of the line: byte 3, col 4 */
	e = ERR_LIT("bad7.tsv", "h1\th2\r\nx\tc\\\r\n", 0);
	assert_int_equal(e.col, 4);
	assert_contains(e.msg, "end of the line");

	/* An unprintable escaped byte is shown as '?': backslash + 0x01 */
	e = ERR_LIT("bad8.tsv", "h1\th2\nx\t\\\x01\n", 0);
	assert_int_equal(e.col, 3);
	assert_contains(e.msg, "unknown escape '\\?'");

	/* The escaped character is a multi-byte one: "\\é" at byte 2. */
	e = ERR_LIT("bad9.tsv", "h1\th2\nx\t\\\xC3\xA9\n", 0);
	assert_int_equal(e.col, 3);
	assert_contains(e.msg, "unknown escape");
}

/* ---- records ------------------------------------------------------------ */

static void test_ragged_rows(void **state)
{
	kj_err e;

	(void)state;
	e = ERR_LIT("rag1.tsv", "a\tb\tc\n1\t2\t3\n4\t5\n", 1);
	assert_int_equal(e.line, 3);
	assert_int_equal(e.col, 0);
	assert_contains(e.msg, "expected 3 fields, found 2");

	e = ERR_LIT("rag2.tsv", "a\tb\tc\n1\t2\t3\t4\n", 0);
	assert_int_equal(e.line, 2);
	/* The column of the tab before the extra field "4". */
	assert_int_equal(e.col, 6);
	assert_contains(e.msg, "expected 3 fields, found 4 (write \\t for "
	                "a tab inside a value)");
	/* Counted in characters: "é" is two bytes, one column. */
	e = ERR_LIT("rag2u.tsv", "a\tb\n\xc3\xa9\tx\ty\n", 0);
	assert_int_equal(e.col, 4);

	/* Singular for a one-column file. */
	e = ERR_LIT("rag3.tsv", "nip\nx\ty\n", 0);
	assert_int_equal(e.line, 2);
	assert_contains(e.msg, "expected 1 field, found 2");

	/* An escaped tab does not separate fields. */
	e = ERR_LIT("rag4.tsv", "a\tb\tc\n1\\t2\t3\n", 0);
	assert_contains(e.msg, "expected 3 fields, found 2");

	/* A blank line in a 3-column file is one empty field. */
	e = ERR_LIT("rag5.tsv", "a\tb\tc\n1\t2\t3\n\n7\t8\t9\n", 1);
	assert_int_equal(e.line, 3);
	assert_contains(e.msg, "expected 3 fields, found 1");
}

static void test_invalid_utf8(void **state)
{
	kj_err e;

	(void)state;
	/* "x\ty\xFFz": 0xFF at byte 3, col 4 */
	e = ERR_LIT("u1.tsv", "a\tb\nx\ty\xFFz\n", 0);
	assert_int_equal(e.line, 2);
	assert_int_equal(e.col, 4);
	assert_contains(e.msg, "invalid UTF-8 byte 0xFF");

	/* Overlong "/" C0 AF after "é\t": é TAB = 2 characters, col 3 */
	e = ERR_LIT("u2.tsv", "a\tb\n\xC3\xA9\t\xC0\xAF\n", 0);
	assert_int_equal(e.col, 3);
	assert_contains(e.msg, "invalid UTF-8 byte 0xC0");

	/* Overlong 3-byte form of "/": E0 80 AF, byte 3, col 4 */
	e = ERR_LIT("u3.tsv", "a\tb\nab\t\xE0\x80\xAF\n", 0);
	assert_int_equal(e.col, 4);
	assert_contains(e.msg, "0xE0");

	/* Surrogate U+D800 (ED A0 80) at byte 3, col 4 */
	e = ERR_LIT("u4.tsv", "a\tb\nab\t\xED\xA0\x80\n", 0);
	assert_int_equal(e.col, 4);
	assert_contains(e.msg, "invalid UTF-8 byte 0xED");

	/* Truncated € (E2 82 without AC) at the end of the line: byte 4,
	 * col 5; the LF must not be taken as a continuation. */
	e = ERR_LIT("u5.tsv", "a\tb\nab\tc\xE2\x82\nx\ty\n", 0);
	assert_int_equal(e.line, 2);
	assert_int_equal(e.col, 5);
	assert_contains(e.msg, "0xE2");

	/* ... and at the very end of a file without a final newline */
	e = ERR_LIT("u6.tsv", "a\tb\nok\tok\nab\tc\xE2\x82", 1);
	assert_int_equal(e.line, 3);
	assert_int_equal(e.col, 5);

	/* Past U+10FFFF: F4 90 80 80 at byte 2, col 3 */
	e = ERR_LIT("u7.tsv", "a\tb\n1\t\xF4\x90\x80\x80\n", 0);
	assert_int_equal(e.col, 3);
	assert_contains(e.msg, "0xF4");

	/* A NUL byte: "ab\tc" NUL "d", byte 4, col 5 */
	e = ERR_LIT("u8.tsv", "a\tb\nab\tc\0d\n", 0);
	assert_int_equal(e.line, 2);
	assert_int_equal(e.col, 5);
	assert_contains(e.msg, "NUL byte");

	/* A NUL after multi-byte text: € TAB then NUL at byte 4, col 3 */
	e = ERR_LIT("u9.tsv", "a\tb\n\xE2\x82\xAC\t\0\n", 0);
	assert_int_equal(e.col, 3);
	assert_contains(e.msg, "NUL byte");

	/* A stray continuation byte 0x80 after 9 ASCII bytes (past the
	 * 8-byte fast path): "abcdefgh\t" then 0x80 at byte 9, col 10 */
	e = ERR_LIT("u10.tsv", "a\tb\nabcdefgh\t\x80\n", 0);
	assert_int_equal(e.col, 10);
	assert_contains(e.msg, "0x80");
}

static void test_fieldcol(void **state)
{
	char p[PATH_MAX];
	kj_err err;
	kj_tsv *t;

	(void)state;
	WRITE_LIT(spath(p, sizeof p, "col.tsv"),
	          "a\tb\tc\n"
	          "abc\tde\tf\n"
	          /* é(2) €(3) 𝄞(4) TAB ñ(2) TAB z */
	          "\xC3\xA9\xE2\x82\xAC\xF0\x9D\x84\x9E\t\xC3\xB1\tz\n"
	          /* escapes count as written: a\tb is 4 characters */
	          "a\\tb\tc\t\xC3\xA9\n");
	t = kj_tsv_open(p, &err);
	assert_non_null(t);
	assert_int_equal(kj_tsv_next(t, &err), 1);
	/* ASCII: bytes 0, 4, 7 -> cols 1, 5, 8 */
	assert_int_equal(kj_tsv_fieldcol(t, 0), 1);
	assert_int_equal(kj_tsv_fieldcol(t, 1), 5);
	assert_int_equal(kj_tsv_fieldcol(t, 2), 8);

	assert_int_equal(kj_tsv_next(t, &err), 1);
	/* é € 𝄞 TAB = 4 characters before field 2 (10 bytes): col 5;
	 * then ñ TAB: col 7 (byte column 14). */
	assert_int_equal(kj_tsv_fieldcol(t, 0), 1);
	assert_int_equal(kj_tsv_fieldcol(t, 1), 5);
	assert_int_equal(kj_tsv_fieldcol(t, 2), 7);
	assert_string_equal(kj_tsv_field(t, 0),
	                    "\xC3\xA9\xE2\x82\xAC\xF0\x9D\x84\x9E");
	assert_int_equal(kj_tsv_len(t, 0), 9);

	/* kj_tsv_field_err names the line and the field's column. */
	memset(&err, 0, sizeof err);
	kj_tsv_field_err(t, 2, &err, "bad value '%s'", kj_tsv_field(t, 2));
	assert_string_equal(err.file, p);
	assert_int_equal(err.line, 3);
	assert_int_equal(err.col, 7);
	assert_string_equal(err.msg, "bad value 'z'");
	assert_int_equal(err.status, KJ_EXIT_USAGE);

	assert_int_equal(kj_tsv_next(t, &err), 1);
	/* raw "a\tb" (4) TAB -> col 6; "c" TAB -> col 8 */
	assert_string_equal(kj_tsv_field(t, 0), "a\tb");
	assert_int_equal(kj_tsv_fieldcol(t, 1), 6);
	assert_int_equal(kj_tsv_fieldcol(t, 2), 8);
	kj_tsv_close(t);
}

static void test_empty_fields(void **state)
{
	char p[PATH_MAX];
	kj_err err;
	kj_tsv *t;

	(void)state;
	WRITE_LIT(spath(p, sizeof p, "ef.tsv"), "a\tb\tc\n\t\t\nx\t\t\n");
	t = kj_tsv_open(p, &err);
	assert_non_null(t);
	assert_int_equal(kj_tsv_next(t, &err), 1);
	for (size_t i = 0; i < 3; i++) {
		assert_string_equal(kj_tsv_field(t, i), "");
		assert_int_equal(kj_tsv_len(t, i), 0);
	}
	/* "\t\t": fields at bytes 0, 1, 2 */
	assert_int_equal(kj_tsv_fieldcol(t, 2), 3);
	assert_int_equal(kj_tsv_next(t, &err), 1);
	assert_string_equal(kj_tsv_field(t, 0), "x");
	assert_string_equal(kj_tsv_field(t, 2), "");
	assert_int_equal(kj_tsv_next(t, &err), 0);
	kj_tsv_close(t);
}

/*
 * The one-pass path for ASCII lines reads 16 bytes at a time: TABs at
 * every place of a block and across blocks, lines of 15, 16, 17, 32 and
 * 33 bytes, and lines it must hand back whole to the general path (a
 * byte >= 0x80, a backslash or a NUL after some TABs, in a later block).
 */
static void test_fast_path_blocks(void **state)
{
	static char data[32768];
	char p[PATH_MAX], want[64];
	size_t used = 0;
	kj_err err;
	kj_tsv *t;

	(void)state;
	/* header: 3 columns; then for each L in 0..40 and each place k of
	 * the first TAB, a line of L bytes: k 'a's, TAB, 'b's, TAB, 'c'. */
	used += (size_t)sprintf(data, "x\ty\tz\n");
	for (int len = 3; len <= 40; len++)
		for (int k = 0; k + 3 <= len; k++) {
			int j = len - k - 3;  /* 'b's, and one 'c' */

			memset(data + used, 'a', (size_t)k);
			used += (size_t)k;
			data[used++] = '\t';
			memset(data + used, 'b', (size_t)j);
			used += (size_t)j;
			data[used++] = '\t';
			data[used++] = 'c';
			data[used++] = '\n';
			assert_true(used < sizeof data - 64);
		}
	write_bytes(spath(p, sizeof p, "fast.tsv"), data, used);
	t = kj_tsv_open(p, &err);
	assert_non_null(t);
	for (int len = 3; len <= 40; len++)
		for (int k = 0; k + 3 <= len; k++) {
			int j = len - k - 3;

			assert_int_equal(kj_tsv_next(t, &err), 1);
			memset(want, 'a', (size_t)k);
			want[k] = '\0';
			assert_string_equal(kj_tsv_field(t, 0), want);
			assert_int_equal(kj_tsv_len(t, 0), k);
			memset(want, 'b', (size_t)j);
			want[j] = '\0';
			assert_string_equal(kj_tsv_field(t, 1), want);
			assert_int_equal(kj_tsv_len(t, 1), j);
			assert_string_equal(kj_tsv_field(t, 2), "c");
			/* columns: 1, k + 2, k + j + 3 */
			assert_int_equal(kj_tsv_fieldcol(t, 0), 1);
			assert_int_equal(kj_tsv_fieldcol(t, 1), k + 2);
			assert_int_equal(kj_tsv_fieldcol(t, 2), k + j + 3);
		}
	assert_int_equal(kj_tsv_next(t, &err), 0);
	kj_tsv_close(t);
}

static void test_fast_path_hands_back(void **state)
{
	char p[PATH_MAX];
	kj_err err, e;
	kj_tsv *t;

	(void)state;
	/* TABs in the first block, then an é, an escape, in the third. */
	WRITE_LIT(spath(p, sizeof p, "back.tsv"),
	          "a\tb\tc\n"
	          "0123456789\t0123456789012345678901234\tx\xC3\xA9y\n"
	          "0123456789\t0123456789012345678901234\tx\\ty\n"
	          "0123456789012345678901234567890123456789\t\t\xC3\xA9\n");
	t = kj_tsv_open(p, &err);
	assert_non_null(t);
	assert_int_equal(kj_tsv_next(t, &err), 1);
	assert_string_equal(kj_tsv_field(t, 0), "0123456789");
	assert_string_equal(kj_tsv_field(t, 1),
	                    "0123456789012345678901234");
	assert_string_equal(kj_tsv_field(t, 2), "x\xC3\xA9y");
	/* bytes 0, 11, 37: ASCII before the é */
	assert_int_equal(kj_tsv_fieldcol(t, 2), 38);
	assert_int_equal(kj_tsv_next(t, &err), 1);
	assert_string_equal(kj_tsv_field(t, 2), "x\ty");
	assert_int_equal(kj_tsv_len(t, 2), 3);
	assert_int_equal(kj_tsv_fieldcol(t, 2), 38);
	assert_int_equal(kj_tsv_next(t, &err), 1);
	assert_string_equal(kj_tsv_field(t, 1), "");
	assert_string_equal(kj_tsv_field(t, 2), "\xC3\xA9");
	/* 40 digits (bytes 0-39), TAB at 40, TAB at 41: byte 42, col 43 */
	assert_int_equal(kj_tsv_fieldcol(t, 2), 43);
	assert_int_equal(kj_tsv_next(t, &err), 0);
	kj_tsv_close(t);

	/* The errors of the general path, at their columns, when the bad
	 * byte comes after TABs the fast path had seen: 0xFF at byte 37,
	 * col 38; a NUL at byte 20, col 21; '\q' at byte 32, col 33. */
	e = ERR_LIT("back1.tsv", "a\tb\tc\n"
	            "0123456789\t0123456789012345678901234\t\xFF\n", 0);
	assert_int_equal(e.line, 2);
	assert_int_equal(e.col, 38);
	assert_contains(e.msg, "invalid UTF-8 byte 0xFF");
	e = ERR_LIT("back2.tsv", "a\tb\tc\n"
	            "0123456789\t012345678\0\tx\n", 0);
	assert_int_equal(e.col, 21);
	assert_contains(e.msg, "NUL byte");
	e = ERR_LIT("back3.tsv", "a\tb\tc\n"
	            "0123456789\t0123456789\t0123456789\\q\n", 0);
	assert_int_equal(e.col, 33);
	assert_contains(e.msg, "unknown escape '\\q'");
	/* a ragged line on the fast path: the count, as before */
	e = ERR_LIT("back4.tsv", "a\tb\tc\n"
	            "0123456789012345678901234567890123\t1\n", 0);
	assert_int_equal(e.col, 0);
	assert_contains(e.msg, "expected 3 fields, found 2");
	/* one field too many on the fast path: at the tab before "3",
	 * 34 + 1 + 1 + 1 + 1 + 1 = column 39, with the hint */
	e = ERR_LIT("back4b.tsv", "a\tb\tc\n"
	            "0123456789012345678901234567890123\t1\t2\t3\n", 0);
	assert_int_equal(e.col, 39);
	assert_contains(e.msg, "expected 3 fields, found 4 (write \\t for "
	                "a tab inside a value)");
	/* a header error on the fast path keeps its column: the empty
	 * third name at byte 18, col 19 */
	e = OPEN_ERR_LIT("back5.tsv", "abcdefgh\tijklmnop\t\tz\n");
	assert_int_equal(e.col, 19);
	assert_contains(e.msg, "column 3 has no name");
}

/* ---- UTF-8 check -------------------------------------------------------- */

static int check(const char *s, size_t len, size_t *bad)
{
	*bad = (size_t)-1;
	return kj_utf8_check(s, len, bad);
}
#define CHECK_LIT(lit, bad) check((lit), sizeof(lit) - 1, (bad))

static void test_utf8_check(void **state)
{
	size_t bad;

	(void)state;
	/* ASCII: 1, shorter than, equal to and longer than 8 bytes */
	assert_int_equal(check("", 0, &bad), 1);
	assert_int_equal(CHECK_LIT("abc", &bad), 1);
	assert_int_equal(CHECK_LIT("abcdefgh", &bad), 1);
	assert_int_equal(CHECK_LIT("abcdefghij", &bad), 1);
	assert_int_equal(CHECK_LIT("abcdefghijklmnopq", &bad), 1);
	/* Bytes past len are not looked at. */
	assert_int_equal(check("abcdefgh\xFF", 8, &bad), 1);
	assert_int_equal(check("ab\xC3\xA9", 2, &bad), 1);

	/* Valid non-ASCII: 0 */
	/* é (C3 A9) straddles bytes 7..8, across the first 8-byte word */
	assert_int_equal(CHECK_LIT("abcdefg\xC3\xA9", &bad), 0);
	/* 𝄞 (F0 9D 84 9E) at bytes 6..9 */
	assert_int_equal(CHECK_LIT("abcdef\xF0\x9D\x84\x9E", &bad), 0);
	/* non-ASCII after two full ASCII words */
	assert_int_equal(CHECK_LIT("abcdefghijklmnop\xE2\x82\xAC", &bad), 0);
	/* non-ASCII first, ASCII words after */
	assert_int_equal(CHECK_LIT("\xC3\xA9" "abcdefghijklmnop", &bad), 0);
	/* boundary code points: U+0080, U+07FF, U+0800, U+D7FF, U+E000,
	 * U+FFFF, U+10000, U+10FFFF */
	assert_int_equal(CHECK_LIT("\xC2\x80", &bad), 0);
	assert_int_equal(CHECK_LIT("\xDF\xBF", &bad), 0);
	assert_int_equal(CHECK_LIT("\xE0\xA0\x80", &bad), 0);
	assert_int_equal(CHECK_LIT("\xED\x9F\xBF", &bad), 0);
	assert_int_equal(CHECK_LIT("\xEE\x80\x80", &bad), 0);
	assert_int_equal(CHECK_LIT("\xEF\xBF\xBF", &bad), 0);
	assert_int_equal(CHECK_LIT("\xF0\x90\x80\x80", &bad), 0);
	assert_int_equal(CHECK_LIT("\xF4\x8F\xBF\xBF", &bad), 0);
	/* the BOM is a valid character */
	assert_int_equal(CHECK_LIT("\xEF\xBB\xBFnip", &bad), 0);

	/* Invalid: -1 and the offset of the first bad byte */
	/* NUL inside the first word (the fast path must not skip it) */
	assert_int_equal(CHECK_LIT("abc\0efghij", &bad), -1);
	assert_int_equal(bad, 3);
	/* NUL at byte 12 of 16 ASCII bytes */
	assert_int_equal(CHECK_LIT("abcdefghijkl\0nop", &bad), -1);
	assert_int_equal(bad, 12);
	/* NUL as the first and the last byte of a word */
	assert_int_equal(CHECK_LIT("\0bcdefgh", &bad), -1);
	assert_int_equal(bad, 0);
	assert_int_equal(CHECK_LIT("abcdefg\0", &bad), -1);
	assert_int_equal(bad, 7);
	/* a lone continuation byte as the last byte of the first word */
	assert_int_equal(CHECK_LIT("abcdefg\x80", &bad), -1);
	assert_int_equal(bad, 7);
	/* 0xFF after 9 ASCII bytes */
	assert_int_equal(CHECK_LIT("abcdefghi\xFF", &bad), -1);
	assert_int_equal(bad, 9);
	/* é then 0xFF: bad is the byte offset (2), not a character count */
	assert_int_equal(CHECK_LIT("\xC3\xA9\xFF", &bad), -1);
	assert_int_equal(bad, 2);
	/* truncated sequence at the end, lead byte at offset 8 */
	assert_int_equal(CHECK_LIT("abcdefgh\xE2\x82", &bad), -1);
	assert_int_equal(bad, 8);
	/* a sequence cut by len although the bytes exist after it */
	assert_int_equal(check("abcdefgh\xE2\x82\xAC", 10, &bad), -1);
	assert_int_equal(bad, 8);
	/* bad continuation: E2 followed by ASCII */
	assert_int_equal(CHECK_LIT("abcdefghij\xE2\x41\x42", &bad), -1);
	assert_int_equal(bad, 10);
	/* overlong 2-, 3-, 4-byte forms */
	assert_int_equal(CHECK_LIT("x\xC0\xAF", &bad), -1);
	assert_int_equal(bad, 1);
	assert_int_equal(CHECK_LIT("x\xC1\xBF", &bad), -1);
	assert_int_equal(bad, 1);
	assert_int_equal(CHECK_LIT("xy\xE0\x9F\xBF", &bad), -1);
	assert_int_equal(bad, 2);
	assert_int_equal(CHECK_LIT("\xF0\x8F\xBF\xBF", &bad), -1);
	assert_int_equal(bad, 0);
	/* surrogates D800 and DFFF */
	assert_int_equal(CHECK_LIT("abcdefghijk\xED\xA0\x80", &bad), -1);
	assert_int_equal(bad, 11);
	assert_int_equal(CHECK_LIT("\xED\xBF\xBF", &bad), -1);
	assert_int_equal(bad, 0);
	/* past U+10FFFF, and lead bytes F5..FF */
	assert_int_equal(CHECK_LIT("\xF4\x90\x80\x80", &bad), -1);
	assert_int_equal(CHECK_LIT("\xF5\x80\x80\x80", &bad), -1);
	assert_int_equal(CHECK_LIT("\xFE", &bad), -1);
	assert_int_equal(bad, 0);
	/* NULL bad is allowed */
	assert_int_equal(kj_utf8_check("\xFF", 1, NULL), -1);
}

static void test_utf8_len(void **state)
{
	(void)state;
	assert_int_equal(kj_utf8_len("", 0), 0);
	assert_int_equal(kj_utf8_len("abc", 3), 3);
	/* é € 𝄞 a: 2+3+4+1 bytes, 4 characters */
	assert_int_equal(kj_utf8_len("\xC3\xA9\xE2\x82\xAC\xF0\x9D\x84\x9E"
	                             "a", 10), 4);
	/* a prefix ending inside € counts its lead byte: é + E2 82 = 2 */
	assert_int_equal(kj_utf8_len("\xC3\xA9\xE2\x82\xAC", 4), 2);
}

/* ---- line ends, BOM, gzip ------------------------------------------------ */

/* Read every field of a file into one string "f|f|f;f|f|f;" */
static char *slurp(const char *path)
{
	kj_err err;
	kj_tsv *t = kj_tsv_open(path, &err);
	char *buf = NULL;
	size_t size = 0;
	FILE *f;
	int rc;

	if (!t) {
		print_error("%s:%ld:%ld: %s\n", err.file, err.line, err.col,
		            err.msg);
		fail();
	}
	f = open_memstream(&buf, &size);
	assert_non_null(f);
	for (size_t i = 0; i < kj_tsv_ncols(t); i++)
		fprintf(f, "%s%s", i ? "|" : "", kj_tsv_colname(t, i));
	fputs(";", f);
	while ((rc = kj_tsv_next(t, &err)) == 1) {
		fprintf(f, "%ld:", kj_tsv_line(t));
		for (size_t i = 0; i < kj_tsv_ncols(t); i++)
			fprintf(f, "%s%s@%ld", i ? "|" : "",
			        kj_tsv_field(t, i), kj_tsv_fieldcol(t, i));
		fputs(";", f);
	}
	if (rc < 0) {
		print_error("%s:%ld:%ld: %s\n", err.file, err.line, err.col,
		            err.msg);
		fail();
	}
	kj_tsv_close(t);
	fclose(f);
	return buf;
}

static void test_crlf_bom_gzip_same(void **state)
{
	static const char lf[] =
		"nip\tnama\tnilai\n"
		"198503102010011002\tAni \xC3\x89ka\t1\\t2\n"
		"199001012015032001\t\t\n"
		"199001012015032002\tBudi\tx\n";
	static const char crlf[] =
		"nip\tnama\tnilai\r\n"
		"198503102010011002\tAni \xC3\x89ka\t1\\t2\r\n"
		"199001012015032001\t\t\r\n"
		"199001012015032002\tBudi\tx\r\n";
	static const char bom_crlf_nonl[] =
		"\xEF\xBB\xBFnip\tnama\tnilai\r\n"
		"198503102010011002\tAni \xC3\x89ka\t1\\t2\r\n"
		"199001012015032001\t\t\r\n"
		"199001012015032002\tBudi\tx";
	/* The row with a \t escape, and the BOM (if it had been kept, the
	 * header would hold "\xEF\xBB\xBFnip", not "nip"). */
	static const char want[] =
		"nip|nama|nilai;"
		"2:198503102010011002@1|Ani \xC3\x89ka@20|1\t2@28;"
		"3:199001012015032001@1|@20|@21;"
		"4:199001012015032002@1|Budi@20|x@25;";
	char p[PATH_MAX], *got;
	gzFile gz;

	(void)state;
	WRITE_LIT(spath(p, sizeof p, "lf.tsv"), lf);
	got = slurp(p);
	assert_string_equal(got, want);
	free(got);

	WRITE_LIT(spath(p, sizeof p, "crlf.tsv"), crlf);
	got = slurp(p);
	assert_string_equal(got, want);
	free(got);

	WRITE_LIT(spath(p, sizeof p, "bomcrlf.tsv"), bom_crlf_nonl);
	got = slurp(p);
	assert_string_equal(got, want);
	free(got);

	/* BOM, LF */
	{
		char bl[sizeof lf + 3];

		memcpy(bl, "\xEF\xBB\xBF", 3);
		memcpy(bl + 3, lf, sizeof lf);
		write_bytes(spath(p, sizeof p, "bomlf.tsv"), bl,
		            sizeof bl - 1);
		got = slurp(p);
		assert_string_equal(got, want);
		free(got);
	}

	/* The CRLF file gzip-compressed, named without .gz on purpose. */
	gz = gzopen(spath(p, sizeof p, "crlf-gz.tsv"), "wb");
	assert_non_null(gz);
	assert_int_equal(gzwrite(gz, crlf, sizeof crlf - 1),
	                 (int)(sizeof crlf - 1));
	assert_int_equal(gzclose(gz), Z_OK);
	got = slurp(p);
	assert_string_equal(got, want);
	free(got);
}

/* ---- many rows ---------------------------------------------------------- */

static void test_100k_rows(void **state)
{
	enum { ROWS = 100000 };
	char p[PATH_MAX];
	kj_err err;
	kj_tsv *t;
	FILE *f;
	long long sum = 0;
	long rows = 0;
	int rc;

	(void)state;
	f = fopen(spath(p, sizeof p, "big.tsv"), "wb");
	assert_non_null(f);
	fputs("nip\tn\tteks\n", f);
	for (int i = 0; i < ROWS; i++)
		fprintf(f, "1985031020100110%02d\t%d\tbaris \xC3\xA9 %d\\n\n",
		        i % 100, i, i);
	assert_int_equal(fclose(f), 0);

	t = kj_tsv_open(p, &err);
	assert_non_null(t);
	while ((rc = kj_tsv_next(t, &err)) == 1) {
		const char *teks = kj_tsv_field(t, 2);
		size_t len = kj_tsv_len(t, 2);

		rows++;
		sum += atoll(kj_tsv_field(t, 1));
		/* every record: line = rows + 1, text ends in a newline */
		if (kj_tsv_line(t) != rows + 1 || len == 0 ||
		    teks[len - 1] != '\n' || kj_tsv_len(t, 0) != 18)
			fail_msg("row %ld is wrong", rows);
	}
	assert_int_equal(rc, 0);
	assert_int_equal(rows, ROWS);
	/* 0 + 1 + ... + 99999 = 99999 * 100000 / 2 */
	assert_true(sum == 4999950000LL);
	kj_tsv_close(t);
}

/*
 * The character columns of a record cost time linear in the line: 80,000
 * fields of "é" (a 240 KB line) must not take seconds.  Counting the
 * characters from the start of the line for every field is quadratic:
 * 6.7 s at -O2 for this line, and 24 s for 160,000 fields.  The bound is
 * CPU time, 2 s, some 50 times what a linear pass needs under ASan.
 */
static void test_many_fields_linear(void **state)
{
	enum { N = 80000 };
	char p[PATH_MAX];
	kj_err err;
	kj_tsv *t;
	FILE *f;
	clock_t c0;
	double secs;
	int rc;

	(void)state;
	f = fopen(spath(p, sizeof p, "wide.tsv"), "wb");
	assert_non_null(f);
	for (int i = 0; i < N; i++)
		fprintf(f, "%sc%d", i ? "\t" : "", i);
	fputc('\n', f);
	for (int i = 0; i < N; i++)
		fputs(i ? "\t\xC3\xA9" : "\xC3\xA9", f);
	fputc('\n', f);
	assert_int_equal(fclose(f), 0);
	t = kj_tsv_open(p, &err);
	assert_non_null(t);
	assert_int_equal(kj_tsv_ncols(t), N);
	c0 = clock();
	rc = kj_tsv_next(t, &err);
	secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
	assert_int_equal(rc, 1);
	/* "é\t" is 2 characters: field i starts at column 2i + 1 */
	assert_int_equal(kj_tsv_fieldcol(t, N - 1), 2L * (N - 1) + 1);
	kj_tsv_close(t);
	/* Timings do not belong in tests: the CPU time is only reported.
	 * (Before the fix, 80,000 such fields took seconds, not ms.) */
	print_message("# one record of %d fields: %.3f s of CPU\n", N, secs);
}

/* ---- long header names -------------------------------------------------- */

/* Two distinct column names that share their first 130 characters are
 * two columns, not a duplicate. */
static void test_long_distinct_names(void **state)
{
	char p[PATH_MAX], line[400];
	kj_err err;
	kj_tsv *t;

	(void)state;
	memset(line, 'k', 130);
	memcpy(line + 130, "_a\t", 3);
	memset(line + 133, 'k', 130);
	memcpy(line + 263, "_b\nx\ty\n", 8);
	write_bytes(spath(p, sizeof p, "long.tsv"), line, 270);
	memset(&err, 0, sizeof err);
	t = kj_tsv_open(p, &err);
	if (!t) {
		print_error("%s:%ld:%ld: %s\n", err.file, err.line, err.col,
		            err.msg);
		fail();
	}
	assert_int_equal(kj_tsv_ncols(t), 2);
	/* The canonical name is the whole name, not a 127-byte prefix. */
	assert_int_equal(strlen(kj_tsv_colname(t, 0)), 132);
	kj_tsv_close(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header_names_and_aliases),
		cmocka_unit_test(test_header_duplicates),
		cmocka_unit_test(test_header_empty_name),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_open_as),
		cmocka_unit_test(test_null_err),
		cmocka_unit_test(test_header_invalid_utf8),
		cmocka_unit_test(test_put_bytes),
		cmocka_unit_test(test_escape_round_trip),
		cmocka_unit_test(test_puts_fast_and_slow),
		cmocka_unit_test(test_escape_read_exact),
		cmocka_unit_test(test_bad_escapes),
		cmocka_unit_test(test_ragged_rows),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_fieldcol),
		cmocka_unit_test(test_empty_fields),
		cmocka_unit_test(test_fast_path_blocks),
		cmocka_unit_test(test_fast_path_hands_back),
		cmocka_unit_test(test_utf8_check),
		cmocka_unit_test(test_utf8_len),
		cmocka_unit_test(test_crlf_bom_gzip_same),
		cmocka_unit_test(test_100k_rows),
		cmocka_unit_test(test_many_fields_linear),
		cmocka_unit_test(test_long_distinct_names),
	};

	return cmocka_run_group_tests_name("tsv", tests, group_setup,
	                                   group_teardown);
}
