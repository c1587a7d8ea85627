/*
 * Unit tests of lib/money.c: Rupiah, percentages, decimals, rounding.
 * Percentages are in units of 1/10000 percent (KJ_PCT_SCALE), so 100 % is
 * 1000000, 87,5 % is 875000 and 0,5 % is 5000.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "money.h"

static void want_msg(const char *input, const kj_err *e, const char *msg,
                     long col)
{
	if (!strstr(e->msg, msg))
		fail_msg("\"%s\": message \"%s\" lacks \"%s\"", input, e->msg,
		         msg);
	if (e->col != col)
		fail_msg("\"%s\": column %ld, want %ld (%s)", input, e->col,
		         col, e->msg);
}

static void money_ok(const char *s, kj_money want)
{
	kj_money v = 42;
	kj_err e;

	if (kj_money_parse(s, strlen(s), &v, &e) != 0)
		fail_msg("money \"%s\": %s", s, e.msg);
	if (v != want)
		fail_msg("money \"%s\" = %lld, want %lld", s, (long long)v,
		         (long long)want);
}

static void money_bad(const char *s, const char *msg, long col)
{
	kj_money v = 42;
	kj_err e;

	memset(&e, 0, sizeof e);
	assert_int_equal(kj_money_parse(s, strlen(s), &v, &e), -1);
	assert_int_equal(v, 42);        /* untouched on error */
	want_msg(s, &e, msg, col);
}

static void pct_ok(const char *s, kj_pct want)
{
	kj_pct v = 42;
	kj_err e;

	if (kj_pct_parse(s, strlen(s), &v, &e) != 0)
		fail_msg("pct \"%s\": %s", s, e.msg);
	if (v != want)
		fail_msg("pct \"%s\" = %lld, want %lld", s, (long long)v,
		         (long long)want);
}

static void pct_bad(const char *s, const char *msg, long col)
{
	kj_pct v = 42;
	kj_err e;

	memset(&e, 0, sizeof e);
	assert_int_equal(kj_pct_parse(s, strlen(s), &v, &e), -1);
	assert_int_equal(v, 42);
	want_msg(s, &e, msg, col);
}

static void dec_ok(const char *s, int scale, int64_t want)
{
	int64_t v = 42;
	kj_err e;

	if (kj_decimal_parse(s, strlen(s), scale, &v, &e) != 0)
		fail_msg("decimal \"%s\" scale %d: %s", s, scale, e.msg);
	if (v != want)
		fail_msg("decimal \"%s\" scale %d = %lld, want %lld", s, scale,
		         (long long)v, (long long)want);
}

static void dec_bad(const char *s, int scale, const char *msg, long col)
{
	int64_t v = 42;
	kj_err e;

	memset(&e, 0, sizeof e);
	assert_int_equal(kj_decimal_parse(s, strlen(s), scale, &v, &e), -1);
	assert_int_equal(v, 42);
	want_msg(s, &e, msg, col);
}

/* amount x num / den under each rule. */
static void muldiv3(int64_t a, int64_t num, int64_t den, int64_t half_up,
                    int64_t floor_, int64_t ceil_)
{
	int64_t v;
	kj_err e;

	assert_int_equal(kj_money_muldiv(a, num, den, KJ_ROUND_HALF_UP, &v,
	                                 &e), 0);
	if (v != half_up)
		fail_msg("%lld x %lld / %lld half_up = %lld, want %lld",
		         (long long)a, (long long)num, (long long)den,
		         (long long)v, (long long)half_up);
	assert_int_equal(kj_money_muldiv(a, num, den, KJ_ROUND_FLOOR, &v, &e),
	                 0);
	if (v != floor_)
		fail_msg("%lld x %lld / %lld floor = %lld, want %lld",
		         (long long)a, (long long)num, (long long)den,
		         (long long)v, (long long)floor_);
	assert_int_equal(kj_money_muldiv(a, num, den, KJ_ROUND_CEIL, &v, &e),
	                 0);
	if (v != ceil_)
		fail_msg("%lld x %lld / %lld ceil = %lld, want %lld",
		         (long long)a, (long long)num, (long long)den,
		         (long long)v, (long long)ceil_);
}

/* ---- Rupiah -------------------------------------------------------------- */

static void test_money_forms(void **state)
{
	(void)state;
	money_ok("1234567", 1234567);
	money_ok("1.234.567", 1234567);
	money_ok("Rp 1.234.567", 1234567);
	money_ok("Rp1.234.567", 1234567);
	money_ok("rp 1.234.567", 1234567);
	money_ok("RP1.234.567", 1234567);
	money_ok("Rp. 1.234.567", 1234567);
	money_ok("Rp  1.234.567", 1234567);
	money_ok("Rp 1.234.567,00", 1234567);
	money_ok("Rp 1.234.567,0", 1234567);
	money_ok("1.234.567,00", 1234567);
	money_ok("1234567,00", 1234567);
	money_ok("Rp 1.234.567,-", 1234567);
	money_ok("  1.234.567  ", 1234567);
	money_ok("\t1.234.567\t", 1234567);
	/* Excel's Rupiah cells hold a no-break space (U+00A0). */
	money_ok("Rp\xc2\xa0" "1.234.567", 1234567);
	money_ok("\xc2\xa0" "1.234.567\xc2\xa0", 1234567);
	money_ok("-1.234.567", -1234567);
	money_ok("-1234567", -1234567);
	money_ok("-Rp 1.234.567", -1234567);
	money_ok("-Rp1.234.567", -1234567);
	money_ok("Rp -1.234.567", -1234567);
	money_ok(" -Rp 1.234.567,00 ", -1234567);
	money_ok("0", 0);
	money_ok("-0", 0);
	money_ok("Rp 0", 0);
	money_ok("Rp 0,00", 0);
	money_ok("999", 999);
	money_ok("1.000", 1000);
	money_ok("12.345", 12345);
	money_ok("123.456", 123456);
	money_ok("0500000", 500000);
	/* The ends of int64. */
	money_ok("9.223.372.036.854.775.807", INT64_MAX);
	money_ok("-Rp 9.223.372.036.854.775.808", INT64_MIN);
	/* Only len bytes are read. */
	{
		kj_money v;
		kj_err e;

		assert_int_equal(kj_money_parse("1.234.567xyz", 9, &v, &e), 0);
		assert_int_equal(v, 1234567);
	}
}

static void test_money_rejects(void **state)
{
	(void)state;
	money_bad("", "expected an amount in Rupiah, found empty text", 0);
	money_bad("   ", "expected an amount in Rupiah, found only blanks", 0);
	/* Thousands groups: 1-3 digits first, then exactly 3. */
	money_bad("1.2.3", "expected 3 digits after the thousands separator "
	          "'.', found 1", 3);
	money_bad("12.34", "expected 3 digits after the thousands separator "
	          "'.', found 2", 4);
	money_bad("1.2345", "found 4", 3);
	money_bad("1.234.56", "found 2", 7);
	money_bad("1.", "found 0", 3);
	money_bad("1234.567", "expected at most 3 digits before the first "
	          "thousands separator '.', found 4", 1);
	money_bad("12.34", "Rupiah take '.' between thousands and ','", 4);
	/* Decimals must be zeros. */
	money_bad("1.234,5", "fraction of a Rupiah: amounts are whole Rupiah, "
	          "found ,5", 6);
	money_bad("Rp 1.234.567,50", "fraction of a Rupiah", 13);
	money_bad("Rp 1.234.567,01", "found ,01", 13);
	money_bad("1,234,567", "fraction of a Rupiah", 2);
	money_bad("1.234,", "expected digits after ',', found end of text", 7);
	money_bad("1.234,00,00", "unexpected ',' after the amount", 9);
	/* Signs, letters, the place of "Rp". */
	money_bad("Rp", "expected a digit in the amount, found end of text", 3);
	money_bad("--1", "expected a digit in the amount, found '-'", 2);
	money_bad("-Rp -5", "found '-'", 5);
	money_bad("+5", "found '+'", 1);
	money_bad("1.234.567 Rp", "unexpected ' ' after the amount", 10);
	money_bad("Rp 1,234,567.00", "unexpected '.' after ','; write "
	          "1.234,5 or 1234.5, not 1,234.5", 13);
	money_bad("1 234", "unexpected ' ' after the amount", 2);
	money_bad("1e6", "unexpected 'e' after the amount", 2);
	money_bad("IDR 5", "expected a digit in the amount, found 'I'", 1);
	money_bad("Rp \xe2\x82\xac", "found byte 0xe2", 4);
	/* Overflow: 10^19 and Rp 10^20 do not fit in int64. */
	money_bad("10000000000000000000", "amount too large", 1);
	money_bad("Rp 100.000.000.000.000.000.000", "amount too large", 4);
	money_bad("9223372036854775808", "amount too large", 1);
	money_bad("-9223372036854775809", "amount too large", 2);
}

static void test_money_format(void **state)
{
	static const struct {
		kj_money v;
		const char *human, *plain;
	} t[] = {
		{ 1234567, "Rp 1.234.567", "1234567" },
		{ -1234567, "-Rp 1.234.567", "-1234567" },
		{ 0, "Rp 0", "0" },
		{ 7, "Rp 7", "7" },
		{ 999, "Rp 999", "999" },
		{ 1000, "Rp 1.000", "1000" },
		{ -1000, "-Rp 1.000", "-1000" },
		{ 100000, "Rp 100.000", "100000" },
		{ 2841561, "Rp 2.841.561", "2841561" },
		{ INT64_MAX, "Rp 9.223.372.036.854.775.807",
		  "9223372036854775807" },
		{ INT64_MIN, "-Rp 9.223.372.036.854.775.808",
		  "-9223372036854775808" },
	};
	char buf[KJ_NUM_BUFSZ];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		assert_int_equal(kj_money_format(t[i].v, buf, sizeof buf),
		                 strlen(t[i].human));
		assert_string_equal(buf, t[i].human);
		money_ok(buf, t[i].v);
		assert_int_equal(kj_money_format_plain(t[i].v, buf, sizeof buf),
		                 strlen(t[i].plain));
		assert_string_equal(buf, t[i].plain);
		money_ok(buf, t[i].v);
	}
	/* snprintf semantics. */
	assert_int_equal(kj_money_format(1234567, buf, 6), 12);
	assert_string_equal(buf, "Rp 1.");
}

/* ---- rounding ------------------------------------------------------------ */

static void test_muldiv_worked_examples(void **state)
{
	kj_money v;
	kj_err e;

	(void)state;
	/*
	 * 0,5 % of Rp 2.841.561: 2841561 x 5000 / 1000000
	 * = 14207805000 / 1000000 = 14207.805
	 *   half_up 14208 (.805 >= .5), floor 14207, ceil 14208;
	 * negated: -14207.805: half_up -14208, floor -14208, ceil -14207.
	 */
	muldiv3(2841561, 5000, KJ_PCT_100, 14208, 14207, 14208);
	muldiv3(-2841561, 5000, KJ_PCT_100, -14208, -14208, -14207);
	assert_int_equal(kj_money_pct(2841561, 5000, KJ_ROUND_HALF_UP, &v, &e),
	                 0);
	assert_int_equal(v, 14208);
	assert_int_equal(kj_money_pct(2841561, 5000, KJ_ROUND_FLOOR, &v, &e),
	                 0);
	assert_int_equal(v, 14207);
	/*
	 * A TPP deduction of 3 % on the same basic: 2841561 x 30000 / 1000000
	 * = 85246.83: half_up 85247, floor 85246, ceil 85247.
	 */
	muldiv3(2841561, 30000, KJ_PCT_100, 85247, 85246, 85247);
	/* 87,5 % of Rp 1.000.000 is exactly 875.000 whatever the rule. */
	muldiv3(1000000, 875000, KJ_PCT_100, 875000, 875000, 875000);
	/* 50 % of Rp 1.234.567 = 617283.5: the half goes up. */
	muldiv3(1234567, 500000, KJ_PCT_100, 617284, 617283, 617284);
	muldiv3(-1234567, 500000, KJ_PCT_100, -617284, -617284, -617283);
	/*
	 * A capaian in percent: realisasi 87 of target 95 =
	 * 87 x 1000000 / 95 = 87000000 / 95 = 915789.47...: half_up 915789,
	 * i.e. 91,5789 %.
	 */
	muldiv3(87, KJ_PCT_100, 95, 915789, 915789, 915790);
}

static void test_muldiv_halves(void **state)
{
	(void)state;
	/* Exactly a half: 5 x 1 / 2 = 2.5 and its negatives. */
	muldiv3(5, 1, 2, 3, 2, 3);
	muldiv3(-5, 1, 2, -3, -3, -2);
	muldiv3(5, -1, 2, -3, -3, -2);
	muldiv3(5, 1, -2, -3, -3, -2);      /* a negative denominator */
	muldiv3(-5, 1, -2, 3, 2, 3);
	/* 1/2 and -1/2: half away from zero is 1 and -1, not 0. */
	muldiv3(1, 1, 2, 1, 0, 1);
	muldiv3(-1, 1, 2, -1, -1, 0);
	/* Just under a half: 2.4999 and -2.4999. */
	muldiv3(24999, 1, 10000, 2, 2, 3);
	muldiv3(-24999, 1, 10000, -2, -3, -2);
	/* Just over a half: 2.5001 and -2.5001. */
	muldiv3(25001, 1, 10000, 3, 2, 3);
	muldiv3(-25001, 1, 10000, -3, -3, -2);
	/* Odd denominator: 7 / 3 = 2.33, 8 / 3 = 2.67. */
	muldiv3(7, 1, 3, 2, 2, 3);
	muldiv3(8, 1, 3, 3, 2, 3);
	muldiv3(-8, 1, 3, -3, -3, -2);
	/* No remainder, any sign. */
	muldiv3(-6, 1, 3, -2, -2, -2);
	muldiv3(0, 123, 7, 0, 0, 0);
}

static void test_muldiv_limits(void **state)
{
	int64_t v;
	kj_err e;

	(void)state;
	/*
	 * INT64_MAX x 3 overflows 64 bits but not 128; / 3 brings it back.
	 * A 64-bit intermediate would get this wrong.
	 */
	muldiv3(INT64_MAX, 3, 3, INT64_MAX, INT64_MAX, INT64_MAX);
	/* (2^63 - 1) x 2^62 / 2^62, and a half at the very top. */
	muldiv3(INT64_MAX, (int64_t)1 << 62, (int64_t)1 << 62, INT64_MAX,
	        INT64_MAX, INT64_MAX);
	/* (2^63 - 1) / 2 = 2^62 - 0.5: half_up 2^62, floor 2^62 - 1. */
	muldiv3(INT64_MAX, 1, 2, (int64_t)1 << 62, ((int64_t)1 << 62) - 1,
	        (int64_t)1 << 62);
	/* INT64_MIN^2 / INT64_MIN: 2^126 in the middle, fits 128 bits. */
	muldiv3(INT64_MIN, INT64_MIN, INT64_MIN, INT64_MIN, INT64_MIN,
	        INT64_MIN);

	memset(&e, 0, sizeof e);
	assert_int_equal(kj_money_muldiv(INT64_MAX, 2, 1, KJ_ROUND_HALF_UP,
	                                 &v, &e), -1);
	assert_non_null(strstr(e.msg, "does not fit in 64 bits"));
	assert_int_equal(kj_money_muldiv(INT64_MIN, -1, 1, KJ_ROUND_FLOOR, &v,
	                                 &e), -1);
	/* Below the bottom: -2^64, and -2^63 - 1/3 floored to -2^63 - 1. */
	assert_int_equal(kj_money_muldiv(INT64_MIN, 2, 1, KJ_ROUND_HALF_UP,
	                                 &v, &e), -1);
	assert_int_equal(kj_money_muldiv(INT64_MIN, 3, 3, KJ_ROUND_FLOOR, &v,
	                                 &e), 0);
	assert_int_equal(v, INT64_MIN);
	assert_int_equal(kj_money_muldiv(INT64_MIN + 1, 3 * 4 + 1, 12,
	                                 KJ_ROUND_FLOOR, &v, &e), -1);
	assert_int_equal(kj_money_muldiv(INT64_MIN, 1, -1, KJ_ROUND_CEIL, &v,
	                                 &e), -1);
	/* Rounding up can be the step that overflows. */
	assert_int_equal(kj_money_muldiv(INT64_MAX, 2, 2, KJ_ROUND_CEIL, &v,
	                                 &e), 0);
	assert_int_equal(kj_money_muldiv(INT64_MAX, 4, 3, KJ_ROUND_CEIL, &v,
	                                 &e), -1);
	memset(&e, 0, sizeof e);
	v = 42;
	assert_int_equal(kj_money_muldiv(100, 1, 0, KJ_ROUND_HALF_UP, &v, &e),
	                 -1);
	assert_int_equal(v, 42);
	assert_non_null(strstr(e.msg, "division by zero"));
	/* err may be NULL. */
	assert_int_equal(kj_money_muldiv(100, 1, 0, KJ_ROUND_HALF_UP, &v,
	                                 NULL), -1);
}

static void test_round_names(void **state)
{
	enum kj_round r = KJ_ROUND_CEIL;
	kj_err e;

	(void)state;
	assert_int_equal(kj_round_parse("half_up", 7, &r, &e), 0);
	assert_int_equal(r, KJ_ROUND_HALF_UP);
	assert_int_equal(kj_round_parse("floor", 5, &r, &e), 0);
	assert_int_equal(r, KJ_ROUND_FLOOR);
	assert_int_equal(kj_round_parse("Ceil", 4, &r, &e), 0);
	assert_int_equal(r, KJ_ROUND_CEIL);
	assert_int_equal(kj_round_parse("HALF-UP", 7, &r, &e), 0);
	assert_int_equal(r, KJ_ROUND_HALF_UP);
	assert_int_equal(kj_round_parse("half up", 7, &r, &e), 0);
	assert_int_equal(r, KJ_ROUND_HALF_UP);
	memset(&e, 0, sizeof e);
	assert_int_equal(kj_round_parse("round", 5, &r, &e), -1);
	assert_non_null(strstr(e.msg, "expected a rounding rule half_up, "
	                              "floor or ceil, found \"round\""));
	assert_int_equal(kj_round_parse("", 0, &r, &e), -1);
	assert_int_equal(kj_round_parse("half_upx", 8, &r, &e), -1);
	assert_int_equal(kj_round_parse("\x01oor", 4, &r, &e), -1);
	assert_null(strchr(e.msg, '\x01'));
	assert_string_equal(kj_round_name(KJ_ROUND_HALF_UP), "half_up");
	assert_string_equal(kj_round_name(KJ_ROUND_FLOOR), "floor");
	assert_string_equal(kj_round_name(KJ_ROUND_CEIL), "ceil");
}

/* ---- percentages --------------------------------------------------------- */

static void test_pct_parse(void **state)
{
	(void)state;
	pct_ok("87.5", 875000);
	pct_ok("87,5", 875000);
	pct_ok("0.5", 5000);
	pct_ok("0,5", 5000);
	pct_ok("100", 1000000);
	pct_ok("12.3456", 123456);
	pct_ok("87.5%", 875000);
	pct_ok("87,5 %", 875000);
	pct_ok(" 100 % ", 1000000);
	pct_ok("-2,5", -25000);
	pct_ok("-2.5%", -25000);
	pct_ok("0", 0);
	pct_ok("0.0001", 1);
	/* A lone '.' is a decimal point: 1,234 %. */
	pct_ok("1.234", 12340);
	/* Indonesian thousands with a decimal comma: 1234,5 %. */
	pct_ok("1.234,5", 12345000);
	pct_ok("1.000.000", 10000000000);

	pct_bad("12.34567", "expected at most 4 decimals in the percentage, "
	        "found 5", 4);
	/* Zeros too: a fifth decimal is refused, never silently dropped. */
	pct_bad("12.34560", "found 5", 4);
	pct_bad("", "expected a percentage, found empty text", 0);
	pct_bad("%", "expected a number before '%'", 1);
	pct_bad(" % ", "expected a number before '%'", 2);
	pct_bad("87.5%%", "unexpected '%' after the percentage", 5);
	pct_bad(".5", "expected a digit in the percentage, found '.'", 1);
	pct_bad("abc", "found 'a'", 1);
	pct_bad("1,2,3", "unexpected ',' after the percentage", 4);
	pct_bad("1.2.3", "expected 3 digits after the thousands separator", 3);
	pct_bad("5 0", "unexpected ' '", 2);
	pct_bad("50 persen", "unexpected ' '", 3);
	/* 10^15 % is 10^19 units: over int64. */
	pct_bad("1000000000000000", "percentage too large", 1);
}

static void pct_fmt(kj_pct p, const char *tsv, const char *human)
{
	char buf[KJ_NUM_BUFSZ];

	assert_int_equal(kj_pct_format(p, buf, sizeof buf), strlen(tsv));
	if (strcmp(buf, tsv) != 0)
		fail_msg("pct %lld: \"%s\", want \"%s\"", (long long)p, buf,
		         tsv);
	kj_pct_format_id(p, buf, sizeof buf);
	if (strcmp(buf, human) != 0)
		fail_msg("pct %lld: \"%s\", want \"%s\"", (long long)p, buf,
		         human);
}

static void test_pct_format(void **state)
{
	(void)state;
	pct_fmt(875000, "87.5", "87,5 %");
	pct_fmt(1000000, "100", "100 %");
	pct_fmt(5000, "0.5", "0,5 %");
	pct_fmt(0, "0", "0 %");
	/* 33.3333 % to 2 decimals: 33.33 (.0033 < .005). */
	pct_fmt(333333, "33.33", "33,33 %");
	/* 33.3350 %: exactly half a hundredth, half up: 33.34. */
	pct_fmt(333350, "33.34", "33,34 %");
	pct_fmt(-333350, "-33.34", "-33,34 %");
	/* 33.3349: just under the half. */
	pct_fmt(333349, "33.33", "33,33 %");
	/* 0.0049 % is 0 at 2 decimals, and -0.0049 is 0, not "-0". */
	pct_fmt(49, "0", "0 %");
	pct_fmt(-49, "0", "0 %");
	/* 0.0050 % rounds to 0.01, away from zero both ways. */
	pct_fmt(50, "0.01", "0,01 %");
	pct_fmt(-50, "-0.01", "-0,01 %");
	/* 99.995 % rounds to 100.00: the trailing zeros go. */
	pct_fmt(999950, "100", "100 %");
	pct_fmt(12345, "1.23", "1,23 %");
	pct_fmt(100, "0.01", "0,01 %");
	pct_fmt(120000, "12", "12 %");
	pct_fmt(125000, "12.5", "12,5 %");
	pct_fmt(12500000, "1250", "1.250 %");
	/* INT64_MAX = 922337203685477.5807 %: .5807 -> .58. */
	pct_fmt(INT64_MAX, "922337203685477.58", "922.337.203.685.477,58 %");
	pct_fmt(INT64_MIN, "-922337203685477.58",
	        "-922.337.203.685.477,58 %");
	/* What fits two decimals reads back unchanged. */
	pct_ok("87.5", 875000);
	pct_ok("33.34", 333400);
}

/* ---- decimals ------------------------------------------------------------ */

static void test_decimal_parse(void **state)
{
	kj_err e;
	int64_t v;

	(void)state;
	dec_ok("75,5", 1, 755);
	dec_ok("75,5", 2, 7550);
	dec_ok("1.234.567,50", 2, 123456750);
	dec_ok("1.234.567,5", 2, 123456750);
	dec_ok("1234.5", 2, 123450);
	dec_ok("1234.5", 1, 12345);
	dec_ok("1.234.567", 0, 1234567);
	dec_ok("1.234.567", 2, 123456700);
	dec_ok("1.234,5", 1, 12345);
	dec_ok("0.125", 3, 125);
	dec_ok("-3", 0, -3);
	dec_ok("-0,5", 1, -5);
	dec_ok("  42  ", 0, 42);
	dec_ok("95", 4, 950000);
	dec_ok("1.5", 18, 1500000000000000000);
	dec_ok("9223372036854775807", 0, INT64_MAX);
	dec_ok("922337203685477580,7", 1, INT64_MAX);
	dec_ok("-922337203685477580,8", 1, INT64_MIN);
	/*
	 * The ambiguous "1.234": a lone '.' is a decimal point, so with 3
	 * decimals allowed it is 1.234 ...
	 */
	dec_ok("1.234", 3, 1234);
	dec_ok("1.234", 4, 12340);
	/* ... and where 3 decimals do not fit, an error that says why. */
	dec_bad("1.234", 0, "expected at most 0 decimals, found 3; a lone '.' "
	        "is a decimal point, so for thousands write 1234", 3);
	dec_bad("1.234", 2, "so for thousands write 1234", 3);
	dec_bad("100.000", 0, "so for thousands write 100000", 5);
	dec_bad("-12.500", 2, "so for thousands write 12500", 5);
	/* A leading 0 cannot be thousands: no hint. */
	dec_bad("0.125", 2, "expected at most 2 decimals in the number, "
	        "found 3", 3);
	dec_bad("75,5", 0, "expected at most 0 decimals in the number, found 1",
	        4);
	dec_bad("1,234.5", 2, "unexpected '.' after ','", 6);
	dec_bad("1,234.5", 4, "unexpected '.' after ','", 6);
	dec_bad("1,2,3", 4, "unexpected ',' after the number", 4);
	dec_bad("12.34.56", 2, "expected 3 digits after the thousands "
	        "separator '.', found 2", 4);
	dec_bad("1.", 2, "expected digits after '.', found end of text", 3);
	dec_bad("1,", 2, "expected digits after ',', found end of text", 3);
	dec_bad(",5", 2, "expected a digit in the number, found ','", 1);
	dec_bad("", 2, "expected a number, found empty text", 0);
	dec_bad("Rp 5", 0, "found 'R'", 1);
	dec_bad("5%", 0, "unexpected '%'", 2);
	dec_bad("9223372036854775808", 0, "number too large", 1);
	dec_bad("9223372036854775807", 1, "number too large", 1);
	dec_bad("1e3", 0, "unexpected 'e' after the number", 2);
	memset(&e, 0, sizeof e);
	assert_int_equal(kj_decimal_parse("1", 1, 19, &v, &e), -1);
	assert_int_equal(e.status, KJ_EXIT_INTERNAL);
	assert_int_equal(kj_decimal_parse("1", 1, -1, &v, &e), -1);
}

static void dec_fmt(int64_t v, int scale, int decimals, const char *c,
                    const char *id)
{
	char buf[KJ_NUM_BUFSZ];

	assert_int_equal(kj_decimal_format(v, scale, decimals, buf, sizeof buf),
	                 strlen(c));
	if (strcmp(buf, c) != 0)
		fail_msg("(%lld, %d, %d): \"%s\", want \"%s\"", (long long)v,
		         scale, decimals, buf, c);
	kj_decimal_format_id(v, scale, decimals, buf, sizeof buf);
	if (strcmp(buf, id) != 0)
		fail_msg("(%lld, %d, %d) id: \"%s\", want \"%s\"",
		         (long long)v, scale, decimals, buf, id);
}

static void test_decimal_format(void **state)
{
	(void)state;
	dec_fmt(755, 1, 1, "75.5", "75,5");
	dec_fmt(7550, 2, 2, "75.5", "75,5");
	dec_fmt(123456750, 2, 2, "1234567.5", "1.234.567,5");
	dec_fmt(1234, 3, 3, "1.234", "1,234");
	/* 1.234 to 1 decimal: 1.2; 1.25 to 1 decimal: half up, 1.3. */
	dec_fmt(1234, 3, 1, "1.2", "1,2");
	dec_fmt(1250, 3, 1, "1.3", "1,3");
	dec_fmt(-1250, 3, 1, "-1.3", "-1,3");
	/* A kebutuhan of 1.4950 to 2 decimals: 1.50, written 1.5. */
	dec_fmt(14950, 4, 2, "1.5", "1,5");
	dec_fmt(-3, 0, 2, "-3", "-3");
	dec_fmt(5, 1, 0, "1", "1");        /* 0.5 -> 1 */
	dec_fmt(-5, 1, 0, "-1", "-1");
	dec_fmt(4, 1, 0, "0", "0");        /* 0.4 -> 0 */
	dec_fmt(-4, 1, 0, "0", "0");       /* -0.4 -> 0, not "-0" */
	dec_fmt(1000000, 0, 2, "1000000", "1.000.000");
	dec_fmt(1, 18, 18, "0.000000000000000001", "0,000000000000000001");
	/* The C form reads back: "1.234" at scale 3 is 1234 again. */
	dec_ok("1.234", 3, 1234);
	dec_ok("1234567.5", 2, 123456750);
	dec_ok("1.234.567,5", 2, 123456750);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_money_forms),
		cmocka_unit_test(test_money_rejects),
		cmocka_unit_test(test_money_format),
		cmocka_unit_test(test_muldiv_worked_examples),
		cmocka_unit_test(test_muldiv_halves),
		cmocka_unit_test(test_muldiv_limits),
		cmocka_unit_test(test_round_names),
		cmocka_unit_test(test_pct_parse),
		cmocka_unit_test(test_pct_format),
		cmocka_unit_test(test_decimal_parse),
		cmocka_unit_test(test_decimal_format),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
