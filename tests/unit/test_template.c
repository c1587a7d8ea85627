/*
 * Unit tests of lib/template.c: the header block, the placeholders and
 * their escapes, rendering, and every error with its line and column
 * (columns count characters, 1-based, at the '{' or the start of the
 * line).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "template.h"

static const char *const vars[] = { "opd", "nama", "periode" };
static const char *const hdrs[] = { "From", "Subject", "Cc" };
static const char *const vals[] = { "DINKES", "Dinas Kesehatan", "2026-11" };

#define NV (sizeof vars / sizeof *vars)
#define NH (sizeof hdrs / sizeof *hdrs)

static kj_err errs[8];
static size_t nerr;

static kj_tpl *parse(const char *text)
{
	memset(errs, 0, sizeof errs);
	return kj_tpl_parse("t.txt", text, strlen(text), vars, NV, hdrs, NH,
	                    errs, 8, &nerr);
}

static void assert_render(const kj_tpl *t, size_t part, const char *want)
{
	size_t len;
	char *got = kj_tpl_render(t, part, vals, &len);

	assert_string_equal(got, want);
	assert_int_equal(len, strlen(want));
	free(got);
}

/* Parse that must fail with one error at line:col whose message starts
 * with msg. */
static void assert_error(const char *text, long line, long col,
                         const char *msg)
{
	kj_tpl *t = parse(text);

	assert_null(t);
	assert_int_equal(nerr, 1);
	assert_string_equal(errs[0].file, "t.txt");
	assert_int_equal(errs[0].line, line);
	assert_int_equal(errs[0].col, col);
	assert_int_equal(strncmp(errs[0].msg, msg, strlen(msg)), 0);
	assert_int_equal(errs[0].status, 2);
}

static void test_render(void **state)
{
	kj_tpl *t = parse("subject: Laporan {periode}: {nama}\n"
	                  "\n"
	                  "Yth. Kepala {nama} ({opd}),\n"
	                  "{{opd}} tetap {{opd}}; satu } saja, dua }} juga.\n");

	(void)state;
	assert_non_null(t);
	/* Header names match in any case; Subject is line 1. */
	assert_int_equal(kj_tpl_header(t, 1), 1);
	assert_int_equal(kj_tpl_header(t, 0), 0);
	assert_int_equal(kj_tpl_header(t, 2), 0);
	assert_render(t, 1, "Laporan 2026-11: Dinas Kesehatan");
	/* {{ is {, }} is }, a lone } stays. */
	assert_render(t, KJ_TPL_BODY,
	              "Yth. Kepala Dinas Kesehatan (DINKES),\n"
	              "{opd} tetap {opd}; satu } saja, dua } juga.\n");
	assert_true(kj_tpl_uses(t, 0));
	assert_true(kj_tpl_uses(t, 1));
	assert_true(kj_tpl_uses(t, 2));
	kj_tpl_free(t);
}

static void test_headers(void **state)
{
	/* A continuation line joins with one space; CRLF reads as LF; the
	 * header value starts after the blanks that follow ':'. */
	kj_tpl *t = parse("From:    bkpsdm@x.go.id\r\n"
	                  "Subject: Laporan\r\n"
	                  "\t  {periode} belum ada\r\n"
	                  "Cc: {opd}@x.go.id\r\n"
	                  "\r\n"
	                  "baris 1\r\n"
	                  "baris 2");

	(void)state;
	assert_non_null(t);
	assert_int_equal(kj_tpl_header(t, 0), 1);
	assert_int_equal(kj_tpl_header(t, 1), 2);
	assert_int_equal(kj_tpl_header(t, 2), 4);
	assert_render(t, 0, "bkpsdm@x.go.id");
	assert_render(t, 1, "Laporan 2026-11 belum ada");
	assert_render(t, 2, "DINKES@x.go.id");
	/* The missing final newline is added. */
	assert_render(t, KJ_TPL_BODY, "baris 1\nbaris 2\n");
	assert_false(kj_tpl_uses(t, 1));
	kj_tpl_free(t);

	/* An empty body renders as "". */
	t = parse("Subject: x\n\n");
	assert_non_null(t);
	assert_render(t, KJ_TPL_BODY, "");
	kj_tpl_free(t);
}

static void test_placeholder_errors(void **state)
{
	(void)state;
	/* "Yth. {kepala}": the '{' is character 6 of line 3. */
	assert_error("Subject: x\n\nYth. {kepala}\n", 3, 6,
	             "unknown placeholder {kepala} (expected one of {opd}, "
	             "{nama}, {periode})");
	/* In a header: "Subject: " is 9 characters, '{' is column 10. */
	assert_error("Subject: {Opd}\n\nx\n", 1, 10,
	             "unknown placeholder {Opd}");
	/* Columns count characters: "Pengingat — " is 12 characters
	 * (14 bytes), so the '{' is column 13. */
	assert_error("Subject: x\n\nPengingat \xe2\x80\x94 {x}\n", 3, 13,
	             "unknown placeholder {x}");
	assert_error("Subject: x\n\nbiaya {nama\n", 3, 7,
	             "'{' without its '}'");
	assert_error("Subject: x\n\nbiaya {nama lengkap}\n", 3, 7,
	             "'{' without its '}'");
	assert_error("Subject: x\n\n{}\n", 3, 1, "empty placeholder {}");
	/* {{x}} is literal: no error. */
	{
		kj_tpl *t = parse("Subject: x\n\n{{x}}\n");

		assert_non_null(t);
		kj_tpl_free(t);
	}
}

static void test_all_errors_reported(void **state)
{
	/* Three unknown placeholders: three errors, in text order. */
	kj_tpl *t = parse("Subject: {a}\n\n{nama} {b}\n\n  {c}\n");

	(void)state;
	assert_null(t);
	assert_int_equal(nerr, 3);
	assert_int_equal(errs[0].line, 1);
	assert_int_equal(errs[0].col, 10);
	assert_int_equal(errs[1].line, 3);
	assert_int_equal(errs[1].col, 8);
	assert_int_equal(errs[2].line, 5);
	assert_int_equal(errs[2].col, 3);
}

static void test_header_errors(void **state)
{
	(void)state;
	assert_error("Yth. Kepala {nama}\n\nx\n", 1, 1,
	             "expected a header line 'Name: value'");
	assert_error("Subject: a\nTo: b@x.go.id\n\nx\n", 2, 1,
	             "unknown header 'To' (expected From, Subject, Cc)");
	assert_error("Subject: a\nsubject: b\n\nx\n", 2, 1,
	             "header 'Subject' given twice (first on line 1)");
	assert_error(" lanjut\nSubject: a\n\nx\n", 1, 1,
	             "a continuation line");
	/* No empty line: the error is after the last line. */
	assert_error("Subject: a\nFrom: b@x.go.id\n", 3, 0,
	             "the template ends in its headers");
	assert_error("", 1, 0, "the template ends in its headers");
	/* Invalid UTF-8: the bad byte is character 4 of line 3. */
	assert_error("Subject: a\n\nabc\xff\n", 3, 4, "invalid UTF-8");
	{
		static const char nul[] = "Subject: a\n\nab\0c\n";
		kj_tpl *t = kj_tpl_parse("t.txt", nul, sizeof nul - 1, vars,
		                         NV, hdrs, NH, errs, 8, &nerr);

		assert_null(t);
		assert_int_equal(nerr, 1);
		assert_int_equal(errs[0].line, 3);
		assert_int_equal(errs[0].col, 3);
	}
}

static void test_maxerr(void **state)
{
	kj_err one[1];
	size_t n;
	const char *text = "Subject: {a}{b}{c}\n\nx\n";
	kj_tpl *t = kj_tpl_parse("t.txt", text, strlen(text), vars, NV, hdrs,
	                         NH, one, 1, &n);

	(void)state;
	/* Only the first is kept when the caller has room for one. */
	assert_null(t);
	assert_int_equal(n, 1);
	assert_int_equal(one[0].col, 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_headers),
		cmocka_unit_test(test_placeholder_errors),
		cmocka_unit_test(test_all_errors_reported),
		cmocka_unit_test(test_header_errors),
		cmocka_unit_test(test_maxerr),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
