/*
 * Unit tests of lib/laporan.c: deadlines over month and year ends and
 * holidays, and days late.  Calendar checks by hand in the comments
 * (2026-12-31 is a Thursday, 2027-01-01 a Friday).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "laporan.h"

static kj_date D(const char *s)
{
	kj_date d;

	assert_int_equal(kj_date_parse(s, strlen(s), &d, NULL), 0);
	return d;
}

static kj_period per(const char *s)
{
	kj_period p;

	assert_int_equal(kj_period_parse(s, strlen(s), &p, NULL), 0);
	return p;
}

static kj_date batas(const char *period, int n, bool hk, const kj_date *h,
                     size_t nh)
{
	kj_period p = per(period);

	return kj_batas_lapor(&p, n, hk, KJ_WEEK_MON_FRI, h, nh);
}

static void test_calendar(void **state)
{
	(void)state;
	/* day 5 of the next month */
	assert_int_equal(batas("2026-11", 5, false, NULL, 0), D("2026-12-05"));
	/* over the year end */
	assert_int_equal(batas("2026-12", 5, false, NULL, 0), D("2027-01-05"));
	/* February of a leap year: 29 days, then March 5 */
	assert_int_equal(batas("2028-02", 5, false, NULL, 0), D("2028-03-05"));
	assert_int_equal(batas("2027-02", 10, false, NULL, 0),
	                 D("2027-03-10"));
	/* a quarter: day 5 of the month after it */
	assert_int_equal(batas("2026-TW3", 5, false, NULL, 0), D("2026-10-05"));
	assert_int_equal(batas("2026-TW4", 5, false, NULL, 0), D("2027-01-05"));
	/* 0: the last day of the period */
	assert_int_equal(batas("2026-11", 0, false, NULL, 0), D("2026-11-30"));
}

static void test_working_days(void **state)
{
	kj_date tahun_baru = D("2027-01-01");
	kj_date libur[2];

	(void)state;
	/* TW4 ends Thu 2026-12-31; 5 working days: Fri 1, Mon 4, Tue 5,
	 * Wed 6, Thu 7 -> 2027-01-07 */
	assert_int_equal(batas("2026-TW4", 5, true, NULL, 0), D("2027-01-07"));
	/* with 1 January a holiday: Mon 4 .. Fri 8 -> 2027-01-08 */
	assert_int_equal(batas("2026-TW4", 5, true, &tahun_baru, 1),
	                 D("2027-01-08"));
	/* TW3 ends Wed 2026-09-30; 5 working days: Thu 1 Oct, Fri 2,
	 * Mon 5, Tue 6, Wed 7 -> 2026-10-07 */
	assert_int_equal(batas("2026-TW3", 5, true, NULL, 0), D("2026-10-07"));
	/* November 2026 ends Mon 30; Tue 1 Dec .. Mon 7 Dec is 5 */
	assert_int_equal(batas("2026-11", 5, true, NULL, 0), D("2026-12-07"));
	/* two holidays in the middle: 2 and 3 December -> 1, 4, 7, 8, 9 */
	libur[0] = D("2026-12-02");
	libur[1] = D("2026-12-03");
	assert_int_equal(batas("2026-11", 5, true, libur, 2), D("2026-12-09"));
	/* a holiday on a Saturday changes nothing */
	libur[0] = D("2026-12-05");
	assert_int_equal(batas("2026-11", 5, true, libur, 1), D("2026-12-07"));
	/* 0 working days: the last day of the period */
	assert_int_equal(batas("2026-11", 0, true, NULL, 0), D("2026-11-30"));
}

static void test_terlambat(void **state)
{
	kj_date b = D("2026-12-05");

	(void)state;
	/* sent on the deadline or before: 0 */
	assert_int_equal(kj_terlambat(b, true, D("2026-12-05"),
	                              D("2026-12-20")), 0);
	assert_int_equal(kj_terlambat(b, true, D("2026-12-01"),
	                              D("2026-12-20")), 0);
	/* sent on the 8th: 3 days, whatever the day of --per */
	assert_int_equal(kj_terlambat(b, true, D("2026-12-08"),
	                              D("2026-12-20")), 3);
	/* not sent: up to --per */
	assert_int_equal(kj_terlambat(b, false, 0, D("2026-12-10")), 5);
	assert_int_equal(kj_terlambat(b, false, 0, D("2026-12-05")), 0);
	assert_int_equal(kj_terlambat(b, false, 0, D("2026-12-01")), 0);
	/* over the year end: 2027-01-05 -> 2027-02-01 is 27 days */
	assert_int_equal(kj_terlambat(D("2027-01-05"), false, 0,
	                              D("2027-02-01")), 27);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_working_days),
		cmocka_unit_test(test_terlambat),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
