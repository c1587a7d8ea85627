/*
 * Unit tests of lib/nip.c.  A NIP reads
 *
 *     YYYYMMDD YYYYMM S NNN
 *     birth    TMT    sex sequence
 *
 * and an NI PPPK has a PPPK code (21-29) where a PNS has the TMT month.
 * Leap years: divisible by 4, except centuries, except every 400 years.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "nip.h"

static kj_nip ok(const char *s)
{
	kj_err e;
	kj_nip n;

	memset(&n, 0, sizeof n);
	if (kj_nip_parse(s, strlen(s), &n, &e) != 0)
		fail_msg("NIP \"%s\": %s", s, e.msg);
	return n;
}

static void bad(const char *s, const char *msg, long col)
{
	kj_err e;
	kj_nip n;

	memset(&e, 0, sizeof e);
	memset(&n, 0x5a, sizeof n);
	assert_int_equal(kj_nip_parse(s, strlen(s), &n, &e), -1);
	if (!strstr(e.msg, msg))
		fail_msg("\"%s\": message \"%s\" lacks \"%s\"", s, e.msg, msg);
	if (e.col != col)
		fail_msg("\"%s\": column %ld, want %ld", s, e.col, col);
	assert_int_equal(e.status, KJ_EXIT_USAGE);
	assert_string_equal(e.file, "");
	assert_int_equal(e.line, 0);
	/* *out is untouched on error. */
	assert_int_equal(n.seq, 0x5a5a5a5a);
}

static kj_date ymd(int y, int m, int d)
{
	kj_date date;

	assert_int_equal(kj_date_from_ymd(y, m, d, &date), 0);
	return date;
}

static void test_pns(void **state)
{
	kj_nip n;

	(void)state;
	/* The FORMATS.md example: 1985-03-10, TMT January 2010, man, 002. */
	n = ok("198503102010011002");
	assert_string_equal(n.text, "198503102010011002");
	assert_int_equal(n.kind, KJ_NIP_PNS);
	assert_string_equal(kj_nip_kind_name(n.kind), "pns");
	assert_int_equal(n.birth, ymd(1985, 3, 10));
	assert_int_equal(n.tmt_year, 2010);
	assert_int_equal(n.tmt_month, 1);
	assert_int_equal(n.pppk_code, 0);
	assert_int_equal(n.sex, KJ_SEX_MAN);
	assert_int_equal(n.seq, 2);
	/* A woman, TMT December: month 12 is the last PNS month. */
	n = ok("199612312022122015");
	assert_int_equal(n.birth, ymd(1996, 12, 31));
	assert_int_equal(n.tmt_month, 12);
	assert_int_equal(n.sex, KJ_SEX_WOMAN);
	assert_int_equal(n.seq, 15);
	/* Only len bytes are read. */
	{
		kj_err e;

		assert_int_equal(kj_nip_parse("198503102010011002XYZ", 18, &n,
		                              &e), 0);
		assert_string_equal(n.text, "198503102010011002");
	}
}

static void test_leap_day(void **state)
{
	kj_nip n;

	(void)state;
	/* 1984 = 4 x 496, not a century: leap, 29 February exists. */
	n = ok("198402292010012001");
	assert_int_equal(n.birth, ymd(1984, 2, 29));
	/* 1985 is not divisible by 4. */
	bad("198502292010012001", "birth date 1985-02-29 does not exist", 7);
	/* 1900 is a century not divisible by 400: not leap. */
	bad("190002292010011001", "birth date 1900-02-29 does not exist", 7);
	/* 2000 = 400 x 5: leap. */
	n = ok("200002292020011001");
	assert_int_equal(n.birth, ymd(2000, 2, 29));
	bad("198402302010012001", "birth date 1984-02-30 does not exist", 7);
	bad("198504312010012001", "birth date 1985-04-31 does not exist", 7);
}

static void test_pppk(void **state)
{
	kj_nip n;

	(void)state;
	/* NI PPPK: 1990-01-01, appointed 2021, code 21, man, 001. */
	n = ok("199001012021211001");
	assert_int_equal(n.kind, KJ_NIP_PPPK);
	assert_string_equal(kj_nip_kind_name(n.kind), "pppk");
	assert_int_equal(n.birth, ymd(1990, 1, 1));
	assert_int_equal(n.tmt_year, 2021);
	assert_int_equal(n.tmt_month, 0);
	assert_int_equal(n.pppk_code, 21);
	assert_int_equal(n.sex, KJ_SEX_MAN);
	assert_int_equal(n.seq, 1);
	/* A part-time PPPK of 2025 (code 24), a woman, 014. */
	n = ok("199009132025242014");
	assert_int_equal(n.kind, KJ_NIP_PPPK);
	assert_int_equal(n.pppk_code, 24);
	assert_int_equal(n.sex, KJ_SEX_WOMAN);
	assert_int_equal(n.seq, 14);
	n = ok("199009132025292014");
	assert_int_equal(n.pppk_code, 29);
}

static void test_digits_13_14(void **state)
{
	(void)state;
	bad("198503102010001002", "TMT month 01-12 (PNS) or a PPPK code "
	    "21-29 at digits 13-14, found 00", 13);
	bad("198503102010131002", "found 13", 13);
	bad("198503102010201002", "found 20", 13);
	bad("198503102010301002", "found 30", 13);
	bad("198503102010991002", "found 99", 13);
}

static void test_length_and_characters(void **state)
{
	(void)state;
	bad("19850310201001100", "expected 18 digits, found 17", 0);
	bad("1985031020100110021", "expected 18 digits, found 19", 0);
	bad("1", "expected 18 digits, found 1", 0);
	bad("", "expected an 18-digit NIP, found empty text", 0);
	/* The grouped form of printed documents is not a NIP in data. */
	bad("19850310 201001 1 002", "found a space", 9);
	bad("19850310201001100A", "expected 18 digits, found 'A'", 18);
	bad("-98503102010011002", "found '-'", 1);
	/* A fullwidth digit one (U+FF11) is not an ASCII digit. */
	bad("\xef\xbc\x91" "98503102010011002", "found byte 0xef", 1);
	/* A NIP that lost its leading digits in a spreadsheet. */
	bad("1.98503102010011E+17", "found '.'", 2);
}

static void test_fields(void **state)
{
	kj_nip n;

	(void)state;
	bad("198513102010011002", "birth date 1985-13-10 does not exist", 5);
	bad("198500102010011002", "birth date 1985-00-10 does not exist", 5);
	bad("198503002010011002", "birth date 1985-03-00 does not exist", 7);
	bad("189912312010011002", "birth year 1899 is outside 1900-2999", 1);
	bad("000001012010011002", "birth year 0000 is outside", 1);
	/* TMT: not before the birth year, and nothing more (no age rule). */
	bad("198503101984011002", "TMT year 1984 is before the birth year 1985",
	    9);
	n = ok("198503101985011002");
	assert_int_equal(n.tmt_year, 1985);
	bad("198503109999011002", "TMT year 9999 is after 2999", 9);
	bad("198503102010013002", "expected sex digit 1 (man) or 2 (woman) "
	    "at digit 15, found 3", 15);
	bad("198503102010010002", "found 0", 15);
	/* Sequence 000 is accepted (see nip.h), 999 is the last one. */
	n = ok("198503102010011000");
	assert_int_equal(n.seq, 0);
	n = ok("198503102010011999");
	assert_int_equal(n.seq, 999);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pns),
		cmocka_unit_test(test_leap_day),
		cmocka_unit_test(test_pppk),
		cmocka_unit_test(test_digits_13_14),
		cmocka_unit_test(test_length_and_characters),
		cmocka_unit_test(test_fields),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
