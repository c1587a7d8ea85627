/*
 * Unit tests of lib/absen.c: one employee-day classified from its hours
 * and its punches, and the month accumulated.  Every expected value is
 * worked out by hand in the comment next to it.
 *
 * The standard day below is Monday-Thursday of the default schedule:
 * 07:30-16:00, no tolerance, check-in window from 05:30 (two hours before)
 * up to the middle of the day, 11:45 (07:30 + 8 h 30 / 2), check-out
 * window from 11:45 to 20:00 (four hours after the end).  Bands [1, 31),
 * [31, 61), [61, 91), [91, ...) minutes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "absen.h"

#define HMS(h, m, s) ((int32_t)((h) * 3600 + (m) * 60 + (s)))

static const kj_aturan rules = { { 1, 31, 61, 91 }, false };
static const kj_aturan rules_lupa = { { 1, 31, 61, 91 }, true };

static kj_hari day(int32_t mulai, int32_t selesai, int32_t tol)
{
	kj_hari h;

	memset(&h, 0, sizeof h);
	h.kerja = true;
	h.mulai = mulai;
	h.selesai = selesai;
	h.toleransi = tol;
	h.masuk_buka = mulai - 2 * 3600;
	h.batas = mulai + (selesai - mulai) / 2;
	h.pulang_tutup = selesai + 4 * 3600;
	return h;
}

/* Classify a day from up to four punches (-1 ends the list). */
static kj_absen_day run(const kj_hari *h, const kj_aturan *a, int izin,
                        int32_t p1, int32_t p2, int32_t p3, int32_t p4)
{
	int32_t ps[4] = { p1, p2, p3, p4 };
	kj_punches p;
	kj_absen_day d;

	kj_punches_reset(&p);
	for (int i = 0; i < 4 && ps[i] >= 0; i++)
		kj_punches_add(h, ps[i], &p);
	kj_absen_classify(h, a, &p, izin, &d);
	return d;
}

static kj_absen_day in_out(const kj_hari *h, int32_t in, int32_t out)
{
	return run(h, &rules, 0, in, out, -1, -1);
}

static void test_whole_minutes(void **state)
{
	kj_hari h = day(HMS(7, 30, 0), HMS(16, 0, 0), 0);
	kj_absen_day d;

	(void)state;
	/* 07:30:59 is 59 s after the start: 0 whole minutes, on time. */
	d = in_out(&h, HMS(7, 30, 59), HMS(16, 0, 0));
	assert_int_equal(d.tl, 0);
	assert_int_equal(d.hadir, 1);
	/* 07:31:00 is 60 s: 1 minute, TL1. */
	d = in_out(&h, HMS(7, 31, 0), HMS(16, 0, 0));
	assert_int_equal(d.tl, 1);
	assert_int_equal(d.hadir, 1);   /* late but present */
	/* Before the start is on time: 06:58. */
	d = in_out(&h, HMS(6, 58, 0), HMS(16, 0, 0));
	assert_int_equal(d.tl, 0);
	/* Leaving at 15:59:01 is 59 s early: 0 minutes, no PSW. */
	d = in_out(&h, HMS(7, 0, 0), HMS(15, 59, 1));
	assert_int_equal(d.psw, 0);
	/* 15:59:00 is 60 s early: PSW1. */
	d = in_out(&h, HMS(7, 0, 0), HMS(15, 59, 0));
	assert_int_equal(d.psw, 1);
}

static void test_band_edges(void **state)
{
	kj_hari h = day(HMS(7, 30, 0), HMS(16, 0, 0), 0);
	/* minutes late -> band: 30 -> 1 (band 1 is [1, 31)), 31 -> 2,
	 * 60 -> 2, 61 -> 3, 90 -> 3, 91 -> 4, 240 -> 4. */
	static const struct { int min, band; } late[] = {
		{ 1, 1 }, { 30, 1 }, { 31, 2 }, { 60, 2 }, { 61, 3 },
		{ 90, 3 }, { 91, 4 }, { 240, 4 }
	};

	(void)state;
	for (size_t i = 0; i < sizeof late / sizeof *late; i++) {
		/* Arrival 07:30 + min minutes (and 59 s more: still the
		 * same whole minute). */
		kj_absen_day d = in_out(&h, HMS(7, 30, 0) + late[i].min * 60,
		                        HMS(16, 0, 0));
		kj_absen_day d59 = in_out(&h, HMS(7, 30, 59) +
		                          late[i].min * 60, HMS(16, 0, 0));

		if (d.tl != late[i].band || d59.tl != late[i].band)
			fail_msg("%d minutes late: band %d / %d, want %d",
			         late[i].min, d.tl, d59.tl, late[i].band);
		/* Leaving min minutes before 16:00: the same band. */
		d = in_out(&h, HMS(7, 30, 0), HMS(16, 0, 0) -
		           late[i].min * 60);
		if (d.psw != late[i].band)
			fail_msg("%d minutes early: band %d, want %d",
			         late[i].min, d.psw, late[i].band);
	}
	/* kj_absen_band directly: 1859 s = 30 min 59 s -> 30 -> TL1;
	 * 1860 s = 31 min -> TL2; 59 s -> 0. */
	assert_int_equal(kj_absen_band(&rules, 1859), 1);
	assert_int_equal(kj_absen_band(&rules, 1860), 2);
	assert_int_equal(kj_absen_band(&rules, 59), 0);
	assert_int_equal(kj_absen_band(&rules, -600), 0);
}

static void test_other_bands(void **state)
{
	/* Pekalongan-like bands [1,16) [16,31) [31,60) [60,...). */
	kj_aturan a = { { 1, 16, 31, 60 }, false };

	(void)state;
	assert_int_equal(kj_absen_band(&a, 15 * 60 + 59), 1);  /* 15 min */
	assert_int_equal(kj_absen_band(&a, 16 * 60), 2);
	assert_int_equal(kj_absen_band(&a, 59 * 60 + 59), 3);  /* 59 min */
	assert_int_equal(kj_absen_band(&a, 60 * 60), 4);
	/* Bands starting at 5 minutes: 4 min 59 s is nothing. */
	a.band[0] = 5;
	assert_int_equal(kj_absen_band(&a, 4 * 60 + 59), 0);
	assert_int_equal(kj_absen_band(&a, 5 * 60), 1);
}

static void test_tolerance(void **state)
{
	/* 15 minutes of tolerance: lateness counts after 07:45. */
	kj_hari h = day(HMS(7, 30, 0), HMS(16, 0, 0), 15 * 60);
	kj_absen_day d;

	(void)state;
	d = in_out(&h, HMS(7, 45, 59), HMS(16, 0, 0));  /* 59 s: 0 min */
	assert_int_equal(d.tl, 0);
	d = in_out(&h, HMS(7, 46, 0), HMS(16, 0, 0));   /* 1 min: TL1 */
	assert_int_equal(d.tl, 1);
	d = in_out(&h, HMS(8, 16, 0), HMS(16, 0, 0));   /* 31 min: TL2 */
	assert_int_equal(d.tl, 2);
	/* The tolerance does not apply to leaving early. */
	d = in_out(&h, HMS(7, 30, 0), HMS(15, 50, 0));  /* 10 min: PSW1 */
	assert_int_equal(d.psw, 1);
}

static void test_first_and_last(void **state)
{
	kj_hari h = day(HMS(7, 30, 0), HMS(16, 0, 0), 0);
	kj_absen_day d;

	(void)state;
	/* Four punches: 07:40, 07:20 (the earliest arrival wins),
	 * 12:30 and 16:10 (the latest departure wins). */
	d = run(&h, &rules, 0, HMS(7, 40, 0), HMS(7, 20, 0), HMS(12, 30, 0),
	        HMS(16, 10, 0));
	assert_int_equal(d.tl, 0);
	assert_int_equal(d.psw, 0);
	assert_int_equal(d.hadir, 1);
	/* The same punch twice (a duplicate) changes nothing. */
	d = run(&h, &rules, 0, HMS(7, 35, 0), HMS(7, 35, 0), HMS(16, 0, 0),
	        HMS(16, 0, 0));
	assert_int_equal(d.tl, 1);
	assert_int_equal(d.hadir, 1);
	/* The window edge: 11:45:00 is the check-out window (so 4 h 15 min
	 * early: PSW4, and no arrival: TL4); 11:44:59 is a check-in
	 * (4 h 14 min 59 s late: TL4) with no departure: PSW4. */
	d = run(&h, &rules, 0, HMS(11, 45, 0), -1, -1, -1);
	assert_int_equal(d.tl, 4);
	assert_int_equal(d.psw, 4);
	assert_int_equal(d.hadir, 0);
	d = run(&h, &rules, 0, HMS(11, 44, 59), -1, -1, -1);
	assert_int_equal(d.tl, 4);
	assert_int_equal(d.psw, 4);
}

static void test_one_punch(void **state)
{
	kj_hari h = day(HMS(7, 30, 0), HMS(16, 0, 0), 0);
	kj_absen_day d;

	(void)state;
	/* Arrival only, 07:40 (10 min late): TL1 and no departure, PSW4;
	 * not hadir (hadir needs both), not tk (there is a punch). */
	d = run(&h, &rules, 0, HMS(7, 40, 0), -1, -1, -1);
	assert_int_equal(d.tl, 1);
	assert_int_equal(d.psw, 4);
	assert_int_equal(d.hadir, 0);
	assert_int_equal(d.tk, 0);
	assert_int_equal(d.lupa_absen, 0);
	/* Departure only, 16:30: no arrival, TL4; PSW none. */
	d = run(&h, &rules, 0, HMS(16, 30, 0), -1, -1, -1);
	assert_int_equal(d.tl, 4);
	assert_int_equal(d.psw, 0);
	/* With tanpa_absen: lupa_absen the missing punch is lupa_absen,
	 * and the punch there still has its band: 07:40 -> TL1. */
	d = run(&h, &rules_lupa, 0, HMS(7, 40, 0), -1, -1, -1);
	assert_int_equal(d.tl, 1);
	assert_int_equal(d.psw, 0);
	assert_int_equal(d.lupa_absen, 1);
	assert_int_equal(d.hadir, 0);
	d = run(&h, &rules_lupa, 0, HMS(15, 0, 0), -1, -1, -1);
	assert_int_equal(d.tl, 0);
	assert_int_equal(d.psw, 2);   /* 60 min early: in [31, 61) */
}

static void test_outside_windows(void **state)
{
	kj_hari h = day(HMS(7, 30, 0), HMS(16, 0, 0), 0);
	kj_absen_day d;

	(void)state;
	/* 05:29:59 is before the check-in window (05:30), 20:00:01 after
	 * the check-out window (20:00): neither counts, the day is tk. */
	d = run(&h, &rules, 0, HMS(5, 29, 59), HMS(20, 0, 1), -1, -1);
	assert_int_equal(d.tk, 1);
	assert_int_equal(d.tl, 0);
	assert_int_equal(d.psw, 0);
	assert_int_equal(d.hadir, 0);
	/* 05:30:00 and 20:00:00 are inside: present, on time. */
	d = run(&h, &rules, 0, HMS(5, 30, 0), HMS(20, 0, 0), -1, -1);
	assert_int_equal(d.hadir, 1);
	assert_int_equal(d.tk, 0);
}

static void test_holiday_and_leave(void **state)
{
	kj_hari h = day(HMS(7, 30, 0), HMS(16, 0, 0), 0);
	kj_hari off;
	kj_absen_day d;

	(void)state;
	memset(&off, 0, sizeof off);
	/* A holiday with punches: nothing counts, not even hari_kerja. */
	d = run(&off, &rules, 0, HMS(7, 0, 0), HMS(16, 0, 0), -1, -1);
	assert_int_equal(d.kerja, 0);
	assert_int_equal(d.hadir, 0);
	assert_int_equal(d.tk, 0);
	/* A holiday inside a leave: not counted as leave either. */
	d = run(&off, &rules, KJ_IZIN_CUTI_TAHUNAN, -1, -1, -1, -1);
	assert_int_equal(d.izin, 0);
	/* Leave on a working day, no punches: the leave only, not tk. */
	d = run(&h, &rules, KJ_IZIN_CUTI_SAKIT, -1, -1, -1, -1);
	assert_int_equal(d.izin, KJ_IZIN_CUTI_SAKIT);
	assert_int_equal(d.tk, 0);
	/* Dinas luar with a late punch: dinas luar, no TL. */
	d = run(&h, &rules, KJ_IZIN_DINAS_LUAR, HMS(9, 0, 0), -1, -1, -1);
	assert_int_equal(d.izin, KJ_IZIN_DINAS_LUAR);
	assert_int_equal(d.tl, 0);
	assert_int_equal(d.psw, 0);
	assert_int_equal(d.hadir, 0);
}

static void test_night_shift(void **state)
{
	/* 19:00-07:00+1: start 68400, end 86400 + 25200 = 111600; the
	 * check-in window opens at 17:00 (61200) and closes at the middle,
	 * 68400 + 21600 = 90000 (01:00 the next day); the check-out window
	 * closes at 111600 + 14400 = 126000 (11:00 the next day). */
	kj_hari h = day(HMS(19, 0, 0), HMS(31, 0, 0), 0);
	kj_absen_day d;

	(void)state;
	assert_int_equal(h.batas, 90000);
	/* In at 19:10 (10 min late), out the next day at 06:50
	 * (86400 + 24600 = 111000, 600 s = 10 min early). */
	d = in_out(&h, HMS(19, 10, 0), 86400 + HMS(6, 50, 0));
	assert_int_equal(d.tl, 1);
	assert_int_equal(d.psw, 1);
	assert_int_equal(d.hadir, 1);
	/* The morning punch of the same calendar day (07:00, 25200) is
	 * before the check-in window: it belongs to the night before. */
	d = run(&h, &rules, 0, HMS(7, 0, 0), -1, -1, -1);
	assert_int_equal(d.tk, 1);
}

static void test_month(void **state)
{
	kj_hari h = day(HMS(7, 30, 0), HMS(16, 0, 0), 0);
	kj_hari off;
	kj_absen_month m;
	kj_absen_day d;

	(void)state;
	memset(&off, 0, sizeof off);
	memset(&m, 0, sizeof m);
	/* 3 working days: on time; 35 min late and 95 min early; no punch.
	 * Then a weekend day and a leave day. */
	d = in_out(&h, HMS(7, 30, 0), HMS(16, 0, 0));
	kj_absen_add(&m, &d);
	d = in_out(&h, HMS(8, 5, 0), HMS(14, 25, 0));
	kj_absen_add(&m, &d);
	d = in_out(&h, -1, -1);
	kj_absen_add(&m, &d);
	d = run(&off, &rules, 0, -1, -1, -1, -1);
	kj_absen_add(&m, &d);
	d = run(&h, &rules, KJ_IZIN_CUTI_TAHUNAN, -1, -1, -1, -1);
	kj_absen_add(&m, &d);
	assert_int_equal(m.hari_kerja, 4);   /* the weekend day is not */
	assert_int_equal(m.hadir, 2);
	assert_int_equal(m.tl[1], 1);        /* 35 min: TL2 */
	assert_int_equal(m.psw[3], 1);       /* 95 min: PSW4 */
	assert_int_equal(m.tk, 1);
	assert_int_equal(m.izin[KJ_IZIN_CUTI_TAHUNAN], 1);
}

/*
 * Whole months through the default schedule (lima_hari, no holidays):
 * no punch at all, and cuti tahunan from day leave_from to leave_to.
 */
static kj_absen_month month_of(int y, int m, int leave_from, int leave_to)
{
	kj_err e;
	kj_jadwal *j = kj_jadwal_load_mem("empty.yaml", "", &e);
	kj_absen_month out;
	kj_date d;

	assert_non_null(j);
	memset(&out, 0, sizeof out);
	assert_int_equal(kj_date_from_ymd(y, m, 1, &d), 0);
	for (int i = 1; i <= kj_days_in_month(y, m); i++, d++) {
		kj_hari h;
		kj_punches p;
		kj_absen_day day;

		kj_jadwal_day(j, 0, d, &h);
		kj_punches_reset(&p);
		kj_absen_classify(&h, kj_jadwal_aturan(j), &p,
		                  i >= leave_from && i <= leave_to ?
		                  KJ_IZIN_CUTI_TAHUNAN : 0, &day);
		kj_absen_add(&out, &day);
	}
	kj_jadwal_free(j);
	return out;
}

static void test_whole_months(void **state)
{
	kj_absen_month m;

	(void)state;
	/* No punches at all: every working day tk.  December 2026 has 31
	 * days, the 1st a Tuesday: weekdays 1-4, 7-11, 14-18, 21-25, 28-31
	 * = 4 + 5 + 5 + 5 + 4 = 23. */
	m = month_of(2026, 12, 0, -1);
	assert_int_equal(m.hari_kerja, 23);
	assert_int_equal(m.tk, 23);
	assert_int_equal(m.hadir, 0);
	assert_int_equal(m.tl[3] + m.psw[3], 0);   /* tk, not TL4/PSW4 */
	/* February 2026: 28 days from a Sunday, four full weeks: 20. */
	m = month_of(2026, 2, 0, -1);
	assert_int_equal(m.hari_kerja, 20);
	assert_int_equal(m.tk, 20);
	/* February 2028 (leap): 29 days from a Tuesday: 1-4, 7-11, 14-18,
	 * 21-25, 28-29 = 4 + 5 + 5 + 5 + 2 = 21. */
	m = month_of(2028, 2, 0, -1);
	assert_int_equal(m.hari_kerja, 21);
	assert_int_equal(m.tk, 21);
	/* Leave over a weekend: cuti tahunan Friday 6 to Monday 9 November
	 * 2026 covers two working days (Fri 6, Mon 9); Saturday and Sunday
	 * are not counted.  November: 21 weekdays, so tk 19. */
	m = month_of(2026, 11, 6, 9);
	assert_int_equal(m.hari_kerja, 21);
	assert_int_equal(m.izin[KJ_IZIN_CUTI_TAHUNAN], 2);
	assert_int_equal(m.tk, 19);
}

static void test_izin_words(void **state)
{
	(void)state;
	assert_int_equal(kj_izin_parse("cuti_tahunan", 12),
	                 KJ_IZIN_CUTI_TAHUNAN);
	assert_int_equal(kj_izin_parse("dinas_luar", 10), KJ_IZIN_DINAS_LUAR);
	assert_int_equal(kj_izin_parse("tugas_belajar", 13),
	                 KJ_IZIN_TUGAS_BELAJAR);
	assert_int_equal(kj_izin_parse("cuti", 4), -1);
	assert_int_equal(kj_izin_parse("", 0), -1);
	assert_string_equal(kj_izin_name(KJ_IZIN_CLTN), "cltn");
	assert_string_equal(kj_izin_name(0), "");
	assert_string_equal(kj_izin_name(99), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_whole_minutes),
		cmocka_unit_test(test_band_edges),
		cmocka_unit_test(test_other_bands),
		cmocka_unit_test(test_tolerance),
		cmocka_unit_test(test_first_and_last),
		cmocka_unit_test(test_one_punch),
		cmocka_unit_test(test_outside_windows),
		cmocka_unit_test(test_holiday_and_leave),
		cmocka_unit_test(test_night_shift),
		cmocka_unit_test(test_month),
		cmocka_unit_test(test_whole_months),
		cmocka_unit_test(test_izin_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
