/*
 * Unit tests of lib/period.c: dates, times, timestamps, periods, working
 * days.  Every expected value is worked out by hand in the comment next
 * to it; the anchor facts used throughout are
 *
 *   1970-01-01 (day 0) was a Thursday;
 *   2000-01-01 was a Saturday;
 *   2026-01-01 was a Thursday, day 56 x 365 + 14 leap days (1972, 1976,
 *   ..., 2024) = 20440 + 14 = 20454.
 *
 * and month lengths 31 28/29 31 30 31 30 31 31 30 31 30 31.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "period.h"

static kj_date D(const char *s)
{
	kj_err e;
	kj_date d = 0;

	if (kj_date_parse(s, strlen(s), &d, &e) != 0)
		fail_msg("date \"%s\": %s", s, e.msg);
	return d;
}

static kj_period P(const char *s)
{
	kj_err e;
	kj_period p;

	memset(&p, 0, sizeof p);
	if (kj_period_parse(s, strlen(s), &p, &e) != 0)
		fail_msg("period \"%s\": %s", s, e.msg);
	return p;
}

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

static void bad_date(const char *s, const char *msg, long col)
{
	kj_err e;
	kj_date d = 12345;

	memset(&e, 0, sizeof e);
	assert_int_equal(kj_date_parse(s, strlen(s), &d, &e), -1);
	assert_int_equal(d, 12345);     /* untouched on error */
	want_msg(s, &e, msg, col);
}

static void bad_time(const char *s, const char *msg, long col)
{
	kj_err e;
	int32_t t;

	memset(&e, 0, sizeof e);
	assert_int_equal(kj_time_parse(s, strlen(s), &t, &e), -1);
	want_msg(s, &e, msg, col);
}

static void bad_timestamp(const char *s, const char *msg, long col)
{
	kj_err e;
	kj_timestamp t;

	memset(&e, 0, sizeof e);
	assert_int_equal(kj_timestamp_parse(s, strlen(s), &t, &e), -1);
	want_msg(s, &e, msg, col);
}

static void bad_period(const char *s, const char *msg, long col)
{
	kj_err e;
	kj_period p;

	memset(&e, 0, sizeof e);
	assert_int_equal(kj_period_parse(s, strlen(s), &p, &e), -1);
	want_msg(s, &e, msg, col);
}

static void test_leap_years(void **state)
{
	(void)state;
	/* Divisible by 4, except centuries, except every 400 years. */
	assert_true(kj_leap_year(1984));
	assert_false(kj_leap_year(1985));
	assert_false(kj_leap_year(1900));   /* century, not by 400 */
	assert_true(kj_leap_year(2000));    /* by 400 */
	assert_false(kj_leap_year(2100));
	assert_true(kj_leap_year(2028));
	assert_int_equal(kj_days_in_month(2028, 2), 29);
	assert_int_equal(kj_days_in_month(2026, 2), 28);
	assert_int_equal(kj_days_in_month(1900, 2), 28);
	assert_int_equal(kj_days_in_month(2000, 2), 29);
	assert_int_equal(kj_days_in_month(2026, 4), 30);
	assert_int_equal(kj_days_in_month(2026, 12), 31);
	assert_int_equal(kj_days_in_month(2026, 0), 0);
	assert_int_equal(kj_days_in_month(2026, 13), 0);
}

static void test_day_numbers(void **state)
{
	kj_date d;
	int y, m, dd;

	(void)state;
	assert_int_equal(kj_date_from_ymd(1970, 1, 1, &d), 0);
	assert_int_equal(d, 0);
	/* 2026-01-01: 20454, see the top of the file. */
	assert_int_equal(kj_date_from_ymd(2026, 1, 1, &d), 0);
	assert_int_equal(d, 20454);
	/* 2026-11-01: + Jan..Oct = 31+28+31+30+31+30+31+31+30+31 = 304. */
	assert_int_equal(D("2026-11-01"), 20758);
	/* 1900-01-01: 70 x 365 + 17 leap days (1904..1968) = 25567 back. */
	assert_int_equal(D("1900-01-01"), -25567);
	kj_date_ymd(-25567, &y, &m, &dd);
	assert_int_equal(y, 1900);
	assert_int_equal(m, 1);
	assert_int_equal(dd, 1);
	/* 1969-12-31 is the day before day 0. */
	assert_int_equal(D("1969-12-31"), -1);
	kj_date_ymd(20758 + 29, &y, &m, &dd);   /* Nov has 30 days */
	assert_int_equal(y, 2026);
	assert_int_equal(m, 11);
	assert_int_equal(dd, 30);
	assert_int_equal(kj_date_from_ymd(2026, 2, 29, &d), -1);
	assert_int_equal(kj_date_from_ymd(1899, 12, 31, &d), -1);
	assert_int_equal(kj_date_from_ymd(3000, 1, 1, &d), -1);
	assert_int_equal(kj_date_from_ymd(2026, 4, 31, &d), -1);
	assert_int_equal(kj_date_from_ymd(2026, 1, 0, &d), -1);
}

static void test_weekday(void **state)
{
	(void)state;
	assert_int_equal(kj_date_weekday(0), 4);              /* Thursday */
	assert_int_equal(kj_date_weekday(D("2026-01-01")), 4);
	/*
	 * 2026-11-01: 304 days after a Thursday; 304 = 43 x 7 + 3, so
	 * Thursday + 3 = Sunday.
	 */
	assert_int_equal(kj_date_weekday(D("2026-11-01")), 7);
	assert_int_equal(kj_date_weekday(D("2026-11-02")), 1);   /* Monday */
	/* 2000-02-29 is 2000-01-01 (Saturday) + 59 days, 59 = 8 x 7 + 3:
	 * Saturday + 3 = Tuesday. */
	assert_int_equal(kj_date_weekday(D("2000-02-29")), 2);
	/* 1969-12-29: three days before a Thursday: Monday (negative day). */
	assert_int_equal(kj_date_weekday(-3), 1);
	/* 1900-01-01 was a Monday: -25567 = -3653 x 7 + 4, Thursday - 3. */
	assert_int_equal(kj_date_weekday(D("1900-01-01")), 1);
}

static void test_date_arithmetic(void **state)
{
	char buf[KJ_LABEL_BUFSZ];

	(void)state;
	assert_int_equal(D("2026-12-31") + 1, D("2027-01-01"));
	assert_int_equal(D("2028-02-28") + 1, D("2028-02-29"));
	assert_int_equal(D("2026-02-28") + 1, D("2026-03-01"));
	/* 2026-11-05 - 2026-01-01 = 304 (Jan..Oct) + 4 = 308 days. */
	assert_int_equal(D("2026-11-05") - D("2026-01-01"), 308);
	/* A leap year has 366 days between 1 January and the next one. */
	assert_int_equal(D("2029-01-01") - D("2028-01-01"), 366);
	assert_int_equal(D("2027-01-01") - D("2026-01-01"), 365);
	assert_true(D("2026-11-05") < D("2026-11-06"));
	{
		kj_date a = D("2026-11-05"), b = D("2026-01-01");

		assert_true(kj_date_cmp(&a, &b) > 0);
		assert_true(kj_date_cmp(&b, &a) < 0);
		assert_int_equal(kj_date_cmp(&a, &a), 0);
	}
	assert_int_equal(kj_date_format(D("2026-11-05") + 60, buf, sizeof buf),
	                 10);
	assert_string_equal(buf, "2027-01-04");  /* 25 left in Nov, 31 in Dec */
	assert_int_equal(kj_date_label(D("2026-11-05"), buf, sizeof buf), 15);
	assert_string_equal(buf, "5 November 2026");
	kj_date_label(D("2026-03-31"), buf, sizeof buf);
	assert_string_equal(buf, "31 Maret 2026");
	assert_string_equal(kj_month_name(8), "Agustus");
	assert_string_equal(kj_month_name(13), "");
	/* snprintf semantics: truncated, NUL-terminated, full length back. */
	assert_int_equal(kj_date_format(D("2026-11-05"), buf, 5), 10);
	assert_string_equal(buf, "2026");
}

static void test_date_parse_errors(void **state)
{
	kj_date d;
	kj_err e;

	(void)state;
	assert_int_equal(kj_date_parse("2028-02-29", 10, &d, &e), 0);
	assert_int_equal(kj_date_parse("2000-02-29", 10, &d, &e), 0);
	/* Only the first len bytes are read. */
	assert_int_equal(kj_date_parse("2026-11-05junk", 10, &d, &e), 0);
	assert_int_equal(d, 20758 + 4);
	bad_date("2026-02-29", "date 2026-02-29 does not exist", 9);
	bad_date("1900-02-29", "date 1900-02-29 does not exist", 9);
	bad_date("2026-04-31", "date 2026-04-31 does not exist", 9);
	bad_date("2026-13-01", "date 2026-13-01 does not exist", 6);
	bad_date("2026-00-10", "date 2026-00-10 does not exist", 6);
	bad_date("2026-11-00", "date 2026-11-00 does not exist", 9);
	bad_date("1899-12-31", "year 1899 is outside 1900-2999", 1);
	bad_date("3000-01-01", "year 3000 is outside 1900-2999", 1);
	bad_date("26-11-05", "4-digit year, found 2 digits", 1);
	bad_date("2026-1-05", "2-digit month", 6);
	bad_date("2026-11-5", "2-digit day in a date YYYY-MM-DD, found 1", 9);
	bad_date("2026/11/05", "expected '-' after the year", 5);
	bad_date("2026-11-05 ", "unexpected ' ' after the date", 11);
	bad_date("2026-11-055", "2-digit day in a date YYYY-MM-DD, found 3", 9);
	bad_date("", "expected a date YYYY-MM-DD, found end of text", 1);
	bad_date("x", "expected a date YYYY-MM-DD, found 'x'", 1);
	bad_date("\xc3\xa9", "found byte 0xc3", 1);
}

static void test_time(void **state)
{
	char buf[KJ_TIME_BUFSZ];
	int32_t t;
	kj_err e;

	(void)state;
	/* 7 x 3600 + 31 x 60 = 25200 + 1860 = 27060. */
	assert_int_equal(kj_time_parse("07:31", 5, &t, &e), 0);
	assert_int_equal(t, 27060);
	assert_int_equal(kj_time_parse("07:31:09", 8, &t, &e), 0);
	assert_int_equal(t, 27069);
	assert_int_equal(kj_time_parse("00:00", 5, &t, &e), 0);
	assert_int_equal(t, 0);
	/* 23 x 3600 + 59 x 60 + 59 = 82800 + 3540 + 59 = 86399. */
	assert_int_equal(kj_time_parse("23:59:59", 8, &t, &e), 0);
	assert_int_equal(t, 86399);
	bad_time("24:00", "hour 24 does not exist; expected 00-23", 1);
	bad_time("07:60", "minute 60 does not exist; expected 00-59", 4);
	bad_time("07:31:60", "second 60 does not exist", 7);
	bad_time("7:31", "2-digit hour", 1);
	bad_time("0731", "2-digit hour", 1);
	bad_time("07.31", "expected ':' after the hour", 3);
	bad_time("07:31:09.5", "fractions of a second are not supported", 9);
	bad_time("07:31:", "2-digit second", 7);
	bad_time("07:31 ", "unexpected ' ' after the time", 6);
	bad_time("", "2-digit hour", 1);
	kj_time_format(27069, 1, buf, sizeof buf);
	assert_string_equal(buf, "07:31:09");
	kj_time_format(27069, 0, buf, sizeof buf);
	assert_string_equal(buf, "07:31");
	kj_time_format(86399, 1, buf, sizeof buf);
	assert_string_equal(buf, "23:59:59");
}

static void test_timestamp(void **state)
{
	char buf[KJ_TIMESTAMP_BUFSZ];
	kj_timestamp ts, ts2;
	kj_err e;
	const char *s;

	(void)state;
	s = "2026-11-05 07:31:09";
	assert_int_equal(kj_timestamp_parse(s, strlen(s), &ts, &e), 0);
	/* (20758 + 4) x 86400 + 27069 = 20762 x 86400 + 27069. */
	assert_int_equal(ts, (int64_t)20762 * 86400 + 27069);
	assert_int_equal(kj_timestamp_date(ts), D("2026-11-05"));
	assert_int_equal(kj_timestamp_secs(ts), 27069);
	s = "2026-11-05T07:31:09";
	assert_int_equal(kj_timestamp_parse(s, strlen(s), &ts2, &e), 0);
	assert_int_equal(ts2, ts);
	s = "2026-11-05t07:31";
	assert_int_equal(kj_timestamp_parse(s, strlen(s), &ts2, &e), 0);
	assert_int_equal(ts2, ts - 9);
	kj_timestamp_format(ts, buf, sizeof buf);
	assert_string_equal(buf, "2026-11-05 07:31:09");
	/* One second before day 0: day -1 at 23:59:59 (floor, not trunc). */
	s = "1969-12-31 23:59:59";
	assert_int_equal(kj_timestamp_parse(s, strlen(s), &ts, &e), 0);
	assert_int_equal(ts, -1);
	assert_int_equal(kj_timestamp_date(ts), -1);
	assert_int_equal(kj_timestamp_secs(ts), 86399);
	kj_timestamp_format(ts, buf, sizeof buf);
	assert_string_equal(buf, "1969-12-31 23:59:59");
	assert_int_equal(kj_timestamp_make(D("1969-12-31"), 0), -86400);
	bad_timestamp("2026-11-05 07:31:09Z", "time zones are not supported",
	              20);
	bad_timestamp("2026-11-05T07:31:09+07:00",
	              "time zones are not supported", 20);
	bad_timestamp("2026-11-0507:31", "2-digit day", 9);
	bad_timestamp("2026-11-05  07:31", "2-digit hour", 12);
	bad_timestamp("2026-11-05_07:31", "expected ' ' or 'T'", 11);
	bad_timestamp("2026-11-05", "expected ' ' or 'T'", 11);
	bad_timestamp("2026-11-05 24:00", "hour 24 does not exist", 12);
	bad_timestamp("2026-02-30 07:00", "date 2026-02-30 does not exist", 9);
	bad_timestamp("2026-11-05 07:31:09 x", "unexpected ' ' after the "
	              "timestamp", 20);
}

static void test_period_parse(void **state)
{
	kj_period p;
	char buf[KJ_PERIOD_BUFSZ];

	(void)state;
	p = P("2026-11");
	assert_int_equal(p.kind, KJ_PERIOD_MONTH);
	assert_int_equal(p.year, 2026);
	assert_int_equal(p.n, 11);
	p = P("2026-TW3");
	assert_int_equal(p.kind, KJ_PERIOD_QUARTER);
	assert_int_equal(p.n, 3);
	assert_int_equal(kj_period_cmp(&p, &(kj_period){ KJ_PERIOD_QUARTER,
	                                                 2026, 3 }), 0);
	p = P("2026-tw3");
	assert_int_equal(p.kind, KJ_PERIOD_QUARTER);
	assert_int_equal(p.n, 3);
	p = P("2026-Q3");
	assert_int_equal(p.kind, KJ_PERIOD_QUARTER);
	assert_int_equal(p.n, 3);
	/* "2026-Q3" is written back in the canonical TW form. */
	assert_int_equal(kj_period_format(&p, buf, sizeof buf), 8);
	assert_string_equal(buf, "2026-TW3");
	p = P("2026-q1");
	assert_int_equal(p.n, 1);
	p = P("2026-S2");
	assert_int_equal(p.kind, KJ_PERIOD_SEMESTER);
	assert_int_equal(p.n, 2);
	p = P("2026-s1");
	assert_int_equal(p.kind, KJ_PERIOD_SEMESTER);
	assert_int_equal(p.n, 1);
	p = P("2026");
	assert_int_equal(p.kind, KJ_PERIOD_YEAR);
	assert_int_equal(p.year, 2026);
	assert_int_equal(p.n, 0);
	p = P("1900-01");
	assert_int_equal(p.year, 1900);
	p = P("2999-TW4");
	assert_int_equal(p.year, 2999);

	bad_period("2026-13", "month 13 does not exist; expected 01-12", 6);
	bad_period("2026-00", "month 00 does not exist; expected 01-12", 6);
	bad_period("2026-TW5", "quarter 5 does not exist; expected TW1-TW4", 8);
	bad_period("2026-TW0", "quarter 0 does not exist", 8);
	bad_period("2026-Q5", "quarter 5 does not exist; expected Q1-Q4", 7);
	bad_period("2026-TW12", "quarter 12 does not exist", 8);
	bad_period("2026-TW03", "quarter 03 does not exist", 8);
	bad_period("2026-S01", "semester 01 does not exist", 7);
	bad_period("2026-Q1234567890", "quarter 123456789... does not exist",
	           7);
	bad_period("2026-S3", "semester 3 does not exist; expected S1-S2", 7);
	bad_period("2026-TW", "expected a quarter number TW1-TW4, found end",
	           8);
	bad_period("26-11", "4-digit year", 1);
	bad_period("20266", "4-digit year", 1);
	bad_period("2026-1", "2-digit month (01-12) after the year, found 1",
	           6);
	bad_period("2026-111", "found 3 digits", 6);
	bad_period("2026-11x", "unexpected 'x' after the period", 8);
	bad_period("2026-TW3 ", "unexpected ' ' after the period", 9);
	bad_period("2026-11-05", "looks like a date", 8);
	bad_period("2026/11", "expected '-' after the year", 5);
	bad_period("2026-", "expected a month 01-12, TW1-TW4", 6);
	bad_period("2026-X1", "expected a month 01-12, TW1-TW4", 6);
	bad_period("1899", "year 1899 is outside 1900-2999", 1);
	bad_period("3000-01", "year 3000 is outside 1900-2999", 1);
	bad_period("", "expected a period (2026-11, 2026-TW3, 2026-S2 or "
	           "2026), found end of text", 1);
	bad_period(" 2026", "found ' '", 1);
}

static void test_period_format_label(void **state)
{
	static const struct {
		const char *in, *canon, *label;
	} t[] = {
		{ "2026-11", "2026-11", "November 2026" },
		{ "2026-01", "2026-01", "Januari 2026" },
		{ "2026-05", "2026-05", "Mei 2026" },
		{ "2026-TW1", "2026-TW1", "Triwulan I 2026" },
		{ "2026-Q3", "2026-TW3", "Triwulan III 2026" },
		{ "2026-tw4", "2026-TW4", "Triwulan IV 2026" },
		{ "2026-S1", "2026-S1", "Semester I 2026" },
		{ "2026-s2", "2026-S2", "Semester II 2026" },
		{ "2026", "2026", "Tahun 2026" },
	};
	char buf[KJ_LABEL_BUFSZ];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		kj_period p = P(t[i].in);

		kj_period_format(&p, buf, sizeof buf);
		assert_string_equal(buf, t[i].canon);
		kj_period_label(&p, buf, sizeof buf);
		assert_string_equal(buf, t[i].label);
	}
}

static void check_bounds(const char *period, const char *first,
                         const char *last)
{
	kj_period p = P(period);

	assert_int_equal(kj_period_first(&p), D(first));
	assert_int_equal(kj_period_last(&p), D(last));
}

static void test_period_bounds(void **state)
{
	kj_period p;

	(void)state;
	check_bounds("2026-11", "2026-11-01", "2026-11-30");
	check_bounds("2026-02", "2026-02-01", "2026-02-28");
	check_bounds("2028-02", "2028-02-01", "2028-02-29");     /* leap */
	check_bounds("2026-TW1", "2026-01-01", "2026-03-31");
	check_bounds("2026-TW3", "2026-07-01", "2026-09-30");
	check_bounds("2026-TW4", "2026-10-01", "2026-12-31");
	check_bounds("2026-S1", "2026-01-01", "2026-06-30");
	check_bounds("2026-S2", "2026-07-01", "2026-12-31");
	check_bounds("2026", "2026-01-01", "2026-12-31");
	check_bounds("2999-12", "2999-12-01", "2999-12-31");
	p = P("2026-TW3");
	assert_true(kj_period_contains(&p, D("2026-07-01")));
	assert_true(kj_period_contains(&p, D("2026-09-30")));
	assert_false(kj_period_contains(&p, D("2026-06-30")));
	assert_false(kj_period_contains(&p, D("2026-10-01")));
	/* 2026-11-05: month 11, quarter (11 - 1) / 3 + 1 = 4, semester 2. */
	assert_int_equal(kj_period_of(KJ_PERIOD_QUARTER, D("2026-11-05"), &p),
	                 0);
	assert_int_equal(p.kind, KJ_PERIOD_QUARTER);
	assert_int_equal(p.n, 4);
	assert_int_equal(kj_period_of(KJ_PERIOD_SEMESTER, D("2026-06-30"), &p),
	                 0);
	assert_int_equal(p.n, 1);
	assert_int_equal(kj_period_of(KJ_PERIOD_MONTH, D("2026-11-05"), &p), 0);
	assert_int_equal(p.n, 11);
	assert_int_equal(kj_period_of(KJ_PERIOD_YEAR, D("2026-11-05"), &p), 0);
	assert_int_equal(p.n, 0);
	assert_int_equal(p.year, 2026);
	assert_int_equal(kj_period_of(KJ_PERIOD_MONTH, D("1900-01-01") - 1, &p),
	                 -1);
	assert_int_equal(kj_period_make(KJ_PERIOD_QUARTER, 2026, 5, &p), -1);
	assert_int_equal(kj_period_make(KJ_PERIOD_YEAR, 2026, 1, &p), -1);
	assert_int_equal(kj_period_make(KJ_PERIOD_SEMESTER, 2026, 2, &p), 0);
}

static void check_step(const char *from, long k, const char *to)
{
	char buf[KJ_PERIOD_BUFSZ];
	kj_period p = P(from), q;

	if (kj_period_add(&p, k, &q) != 0)
		fail_msg("%s + %ld failed", from, k);
	kj_period_format(&q, buf, sizeof buf);
	assert_string_equal(buf, to);
}

static void test_period_steps(void **state)
{
	kj_period p, q;

	(void)state;
	check_step("2026-12", 1, "2027-01");
	check_step("2027-01", -1, "2026-12");
	check_step("2026-11", 1, "2026-12");
	check_step("2026-01", -13, "2024-12");    /* 13 = 12 + 1 */
	check_step("2026-TW4", 1, "2027-TW1");
	check_step("2027-TW1", -1, "2026-TW4");
	check_step("2026-TW2", 6, "2027-TW4");    /* TW2 + 6 = TW8 = next TW4 */
	check_step("2026-S2", 1, "2027-S1");
	check_step("2026-S1", -1, "2025-S2");
	check_step("2026", 1, "2027");
	check_step("2026", -126, "1900");
	check_step("2026-11", 0, "2026-11");
	p = P("2026-12");
	assert_int_equal(kj_period_next(&p, &q), 0);
	assert_int_equal(q.year, 2027);
	assert_int_equal(q.n, 1);
	assert_int_equal(kj_period_prev(&q, &q), 0);
	assert_int_equal(q.year, 2026);
	assert_int_equal(q.n, 12);
	/* The edges of the year range. */
	p = P("2999-12");
	assert_int_equal(kj_period_next(&p, &q), -1);
	p = P("2999-TW4");
	assert_int_equal(kj_period_next(&p, &q), -1);
	p = P("1900-01");
	assert_int_equal(kj_period_prev(&p, &q), -1);
	p = P("1900");
	assert_int_equal(kj_period_prev(&p, &q), -1);
	p = P("2026");
	assert_int_equal(kj_period_add(&p, 2147483647L, &q), -1);
	assert_int_equal(kj_period_add(&p, -2147483647L - 1, &q), -1);
}

static void test_period_months(void **state)
{
	kj_period p, m[12];

	(void)state;
	p = P("2026-TW3");
	assert_int_equal(kj_period_months(&p, m), 3);
	assert_int_equal(m[0].kind, KJ_PERIOD_MONTH);
	assert_int_equal(m[0].year, 2026);
	assert_int_equal(m[0].n, 7);
	assert_int_equal(m[1].n, 8);
	assert_int_equal(m[2].n, 9);
	p = P("2026-S2");
	assert_int_equal(kj_period_months(&p, m), 6);
	assert_int_equal(m[0].n, 7);
	assert_int_equal(m[5].n, 12);
	p = P("2026");
	assert_int_equal(kj_period_months(&p, m), 12);
	assert_int_equal(m[11].n, 12);
	p = P("2026-11");
	assert_int_equal(kj_period_months(&p, m), 1);
	assert_int_equal(m[0].n, 11);
}

static void test_period_cmp(void **state)
{
	kj_period a = P("2026-01"), b = P("2026-TW1"), c = P("2026"),
		  d = P("2025-12");

	(void)state;
	/* Same first day: the shorter period sorts first. */
	assert_true(kj_period_cmp(&a, &b) < 0);
	assert_true(kj_period_cmp(&b, &c) < 0);
	assert_true(kj_period_cmp(&c, &a) > 0);
	assert_true(kj_period_cmp(&d, &a) < 0);
	assert_int_equal(kj_period_cmp(&a, &a), 0);
}

static void test_working_days(void **state)
{
	kj_period p;
	/*
	 * December 2026, a made-up calendar: Natal (Fri 25), cuti bersama
	 * (Thu 24), a Saturday holiday (26), Natal twice (a careless YAML),
	 * and New Year 2027 outside the month; unsorted on purpose.
	 */
	kj_date hol[5];

	(void)state;
	/*
	 * November 2026: 1 Nov is a Sunday (test_weekday), 30 days.
	 *   Mon-Fri: 2-6, 9-13, 16-20, 23-27, 30      = 5+5+5+5+1 = 21
	 *   Saturdays: 7, 14, 21, 28                   = 4  -> Mon-Sat 25
	 */
	p = P("2026-11");
	assert_int_equal(kj_period_working_days(&p, KJ_WEEK_MON_FRI, NULL, 0),
	                 21);
	assert_int_equal(kj_period_working_days(&p, KJ_WEEK_MON_SAT, NULL, 0),
	                 25);
	/*
	 * February 2028 (leap, 29 days): 1 Jan 2026 Thursday, +365 = 1 Jan
	 * 2027 Friday, +365 = 1 Jan 2028 Saturday, +31 = 1 Feb 2028
	 * Saturday + 3 = Tuesday.  Days 1-28 are four whole weeks: 20
	 * weekdays and 4 Saturdays; the 29th is again a Tuesday.
	 *   Mon-Fri: 20 + 1 = 21;  Mon-Sat: 24 + 1 = 25.
	 */
	p = P("2028-02");
	assert_int_equal(kj_date_weekday(kj_period_first(&p)), 2);
	assert_int_equal(kj_period_working_days(&p, KJ_WEEK_MON_FRI, NULL, 0),
	                 21);
	assert_int_equal(kj_period_working_days(&p, KJ_WEEK_MON_SAT, NULL, 0),
	                 25);
	/*
	 * February 2026 (28 days): 1 Feb = Thursday 1 Jan + 31 = Sunday; four
	 * whole weeks: Mon-Fri 20.  The leap day is the whole difference.
	 */
	p = P("2026-02");
	assert_int_equal(kj_period_working_days(&p, KJ_WEEK_MON_FRI, NULL, 0),
	                 20);
	/*
	 * December 2026: 1 Dec = Sunday 1 Nov + 30 = Tuesday, 31 days.
	 *   Mon-Fri: 1-4 (Tue-Fri) 4, 7-11 5, 14-18 5, 21-25 5, 28-31 4 = 23
	 *   Saturdays 5, 12, 19, 26: Mon-Sat 27.
	 * Holidays: 24 (Thu) and 25 (Fri) are weekdays, 26 is a Saturday,
	 * 25 is listed twice, 2027-01-01 is outside.
	 *   Mon-Fri: 23 - 2 (24, 25) = 21; the Saturday is not subtracted.
	 *   Mon-Sat: 27 - 3 (24, 25, 26) = 24.
	 */
	hol[0] = D("2026-12-25");
	hol[1] = D("2027-01-01");
	hol[2] = D("2026-12-26");
	hol[3] = D("2026-12-24");
	hol[4] = D("2026-12-25");
	p = P("2026-12");
	assert_int_equal(kj_date_weekday(D("2026-12-25")), 5);
	assert_int_equal(kj_date_weekday(D("2026-12-26")), 6);
	assert_int_equal(kj_period_working_days(&p, KJ_WEEK_MON_FRI, NULL, 0),
	                 23);
	assert_int_equal(kj_period_working_days(&p, KJ_WEEK_MON_SAT, NULL, 0),
	                 27);
	assert_int_equal(kj_period_working_days(&p, KJ_WEEK_MON_FRI, hol, 5),
	                 21);
	assert_int_equal(kj_period_working_days(&p, KJ_WEEK_MON_SAT, hol, 5),
	                 24);
	assert_false(kj_is_working_day(D("2026-12-25"), KJ_WEEK_MON_FRI, hol,
	                               5));
	assert_true(kj_is_working_day(D("2026-12-23"), KJ_WEEK_MON_FRI, hol,
	                              5));
	assert_false(kj_is_working_day(D("2026-12-26"), KJ_WEEK_MON_SAT, hol,
	                               5));
	assert_true(kj_is_working_day(D("2026-12-19"), KJ_WEEK_MON_SAT, hol,
	                              5));
	assert_false(kj_is_working_day(D("2026-12-19"), KJ_WEEK_MON_FRI, hol,
	                               5));
	/*
	 * Part of a month (an employee who started on Mon 21 Dec):
	 * 21-23 (3) + 28-31 (4) = 7 working days after the holidays.
	 */
	assert_int_equal(kj_working_days(D("2026-12-21"), D("2026-12-31"),
	                                 KJ_WEEK_MON_FRI, hol, 5), 7);
	/* One day, an empty range, a reversed range. */
	assert_int_equal(kj_working_days(D("2026-12-23"), D("2026-12-23"),
	                                 KJ_WEEK_MON_FRI, hol, 5), 1);
	assert_int_equal(kj_working_days(D("2026-12-25"), D("2026-12-25"),
	                                 KJ_WEEK_MON_FRI, hol, 5), 0);
	assert_int_equal(kj_working_days(D("2026-12-31"), D("2026-12-01"),
	                                 KJ_WEEK_MON_FRI, hol, 5), 0);
	/* A whole year without holidays: 2026 has 365 = 52 x 7 + 1 days, the
	 * extra one the 365th, 31 Dec, a Thursday: 52 x 5 + 1 = 261. */
	p = P("2026");
	assert_int_equal(kj_period_working_days(&p, KJ_WEEK_MON_FRI, NULL, 0),
	                 261);
	/* An empty week mask has no working day at all. */
	assert_int_equal(kj_period_working_days(&p, 0, NULL, 0), 0);
	/* Sundays only: 2026 has 52 (4 Jan ... 27 Dec). */
	assert_int_equal(kj_period_working_days(&p, KJ_WEEKDAY_BIT(7), NULL,
	                                        0), 52);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_day_numbers),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_date_arithmetic),
		cmocka_unit_test(test_date_parse_errors),
		cmocka_unit_test(test_time),
		cmocka_unit_test(test_timestamp),
		cmocka_unit_test(test_period_parse),
		cmocka_unit_test(test_period_format_label),
		cmocka_unit_test(test_period_bounds),
		cmocka_unit_test(test_period_steps),
		cmocka_unit_test(test_period_months),
		cmocka_unit_test(test_period_cmp),
		cmocka_unit_test(test_working_days),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
