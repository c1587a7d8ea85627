/*
 * Unit tests of lib/jadwal.c: jadwal.yaml loaded from memory, the day of
 * a schedule on a date, and the errors with their line and column.
 *
 * Calendar facts used below (checked against a calendar):
 *   2026-02-01 Sunday, February 2026 has 28 days and 20 weekdays;
 *   2026-02-16 Monday (cuti bersama Imlek), 2026-02-17 Tuesday (Imlek);
 *   2026-02-19 Thursday, 2026-02-20 Friday;
 *   2026-03-18 Wednesday (cuti bersama Nyepi), 2026-03-19 Thursday (Nyepi);
 *   2026-11-01 Sunday, November 2026: 21 weekdays, 25 days Monday-Saturday;
 *   2026-11-06 Friday, 2026-11-07 Saturday;
 *   2026-12-01 Tuesday, December 2026 has 31 days and 23 weekdays;
 *   2026-12-24 Thursday (cuti bersama), 2026-12-25 Friday (Natal);
 *   2028-02-01 Tuesday, February 2028 has 29 days and 21 weekdays.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "jadwal.h"

#define HM(h, m) ((int32_t)((h) * 3600 + (m) * 60))

static kj_date D(int y, int m, int d)
{
	kj_date out = 0;

	if (kj_date_from_ymd(y, m, d, &out))
		fail_msg("bad date %d-%d-%d", y, m, d);
	return out;
}

static const char full[] =
	"# a Pemda's schedule\n"                                  /* 1 */
	"bawaan: lima_hari\n"                                     /* 2 */
	"toleransi: 0\n"                                          /* 3 */
	"band: [1, 31, 61, 91]\n"                                 /* 4 */
	"tanpa_absen: tl4_psw4\n"                                 /* 5 */
	"jendela: {masuk_sebelum: 120, pulang_sesudah: 240}\n"    /* 6 */
	"jadwal:\n"                                               /* 7 */
	"  malam:\n"                                              /* 8 */
	"    senin: 19:00-07:00+1\n"
	"    selasa: 19:00-07:00+1\n"
	"    rabu: 19:00-07:00+1\n"
	"    kamis: 19:00-07:00+1\n"
	"    jumat: 19:00-07:00+1\n"
	"    sabtu: 19:00-07:00+1\n"
	"    minggu: 19:00-07:00+1\n"
	"    ikut_libur: false\n"
	"    toleransi: 5\n"
	"penugasan:\n"
	"  - jadwal: enam_hari\n"
	"    opd: [DISDIK, DINKES.PKM]\n"
	"  - jadwal: malam\n"
	"    unit: RSUD.IGD\n"
	"rentang:\n"
	"  - nama: Ramadan 1447 H\n"
	"    mulai: 2026-02-19\n"
	"    selesai: 2026-03-19\n"
	"    jadwal: lima_hari\n"
	"    senin: 08:00-15:00\n"
	"    selasa: 08:00-15:00\n"
	"    rabu: 08:00-15:00\n"
	"    kamis: 08:00-15:00\n"
	"    jumat: 08:00-15:30\n"
	"libur:\n"
	"  - {tanggal: 2026-02-16, nama: Cuti Bersama Imlek, jenis: cuti_bersama}\n"
	"  - {tanggal: 2026-02-17, nama: Tahun Baru Imlek}\n"
	"  - {tanggal: 2026-03-18, jenis: cuti_bersama}\n"
	"  - {tanggal: 2026-03-19, nama: Nyepi}\n"
	"  - {tanggal: 2026-12-24, sampai: 2026-12-25, nama: Natal}\n";

static int working_days(const kj_jadwal *j, size_t s, int y, int m)
{
	int n = 0;
	kj_date d = D(y, m, 1);
	kj_hari h;

	for (; ; d++) {
		int yy, mm, dd;

		kj_date_ymd(d, &yy, &mm, &dd);
		if (mm != m)
			break;
		kj_jadwal_day(j, s, d, &h);
		n += h.kerja;
	}
	return n;
}

static void test_defaults(void **state)
{
	kj_err e;
	kj_jadwal *j = kj_jadwal_load_mem("empty.yaml", "", &e);
	size_t lima, enam;
	kj_hari h;

	(void)state;
	assert_non_null(j);
	lima = kj_jadwal_find(j, "lima_hari");
	enam = kj_jadwal_find(j, "enam_hari");
	assert_int_equal(lima, 0);
	assert_int_equal(enam, 1);
	assert_int_equal(kj_jadwal_assign(j, "X", "X.Y"), lima);
	/* Monday 2026-11-02: 07:30-16:00; the check-in window opens two
	 * hours before (05:30) and closes in the middle of the day,
	 * 07:30 + 8 h 30 / 2 = 11:45; the check-out window closes four
	 * hours after the end, 20:00. */
	kj_jadwal_day(j, lima, D(2026, 11, 2), &h);
	assert_true(h.kerja);
	assert_int_equal(h.mulai, HM(7, 30));
	assert_int_equal(h.selesai, HM(16, 0));
	assert_int_equal(h.toleransi, 0);
	assert_int_equal(h.masuk_buka, HM(5, 30));
	assert_int_equal(h.batas, HM(11, 45));
	assert_int_equal(h.pulang_tutup, HM(20, 0));
	/* Friday's later end: 16:30, middle 07:30 + 9 h / 2 = 12:00. */
	kj_jadwal_day(j, lima, D(2026, 11, 6), &h);
	assert_int_equal(h.selesai, HM(16, 30));
	assert_int_equal(h.batas, HM(12, 0));
	/* Saturday is not a working day of the five-day week... */
	kj_jadwal_day(j, lima, D(2026, 11, 7), &h);
	assert_false(h.kerja);
	/* ...but is of the six-day one: 07:30-12:30; its Friday ends at
	 * 11:00 and Monday at 14:00. */
	kj_jadwal_day(j, enam, D(2026, 11, 7), &h);
	assert_true(h.kerja);
	assert_int_equal(h.selesai, HM(12, 30));
	kj_jadwal_day(j, enam, D(2026, 11, 6), &h);
	assert_int_equal(h.selesai, HM(11, 0));
	kj_jadwal_day(j, enam, D(2026, 11, 2), &h);
	assert_int_equal(h.selesai, HM(14, 0));
	/* Sunday never. */
	kj_jadwal_day(j, enam, D(2026, 11, 1), &h);
	assert_false(h.kerja);
	/* Month sizes without holidays: November 2026 21 weekdays and 25
	 * Monday-Saturday days; February 2026 20; February 2028 (leap) 21;
	 * December 2026 (31 days) 23. */
	assert_int_equal(working_days(j, lima, 2026, 11), 21);
	assert_int_equal(working_days(j, enam, 2026, 11), 25);
	assert_int_equal(working_days(j, lima, 2026, 2), 20);
	assert_int_equal(working_days(j, lima, 2028, 2), 21);
	assert_int_equal(working_days(j, lima, 2026, 12), 23);
	/* Default rules. */
	assert_int_equal(kj_jadwal_aturan(j)->band[0], 1);
	assert_int_equal(kj_jadwal_aturan(j)->band[3], 91);
	assert_false(kj_jadwal_aturan(j)->lupa_absen);
	kj_jadwal_free(j);
}

static void test_full(void **state)
{
	kj_err e;
	kj_jadwal *j = kj_jadwal_load_mem("jadwal.yaml", full, &e);
	size_t lima, enam, malam;
	kj_hari h;

	(void)state;
	if (!j)
		fail_msg("%s:%ld:%ld: %s", e.file, e.line, e.col, e.msg);
	lima = kj_jadwal_find(j, "lima_hari");
	enam = kj_jadwal_find(j, "enam_hari");
	malam = kj_jadwal_find(j, "malam");
	assert_int_equal(kj_jadwal_count(j), 3);
	/* Assignment: a unit beats its OPD; an OPD in a list; the rest
	 * get the default. */
	assert_int_equal(kj_jadwal_assign(j, "RSUD", "RSUD.IGD"), malam);
	assert_int_equal(kj_jadwal_assign(j, "RSUD", "RSUD.TU"), lima);
	assert_int_equal(kj_jadwal_assign(j, "DISDIK", "DISDIK.SD1"), enam);
	assert_int_equal(kj_jadwal_assign(j, "DINKES.PKM", NULL), enam);
	assert_int_equal(kj_jadwal_assign(j, "BKPSDM", "BKPSDM"), lima);

	/* February 2026: 20 weekdays less the cuti bersama on Monday 16th
	 * and Imlek on Tuesday 17th = 18. */
	assert_int_equal(working_days(j, lima, 2026, 2), 18);
	/* December 2026: 23 weekdays less 24th (Thu) and 25th (Fri) = 21. */
	assert_int_equal(working_days(j, lima, 2026, 12), 21);
	/* The holidays are in 2026 only: February 2028 keeps its 21. */
	assert_int_equal(working_days(j, lima, 2028, 2), 21);
	assert_string_equal(kj_jadwal_holiday(j, D(2026, 2, 16)),
	                    "Cuti Bersama Imlek");
	assert_null(kj_jadwal_holiday(j, D(2026, 2, 18)));

	/* Ramadan: Wednesday 18 Feb is before the range (07:30-16:00);
	 * Thursday 19th is inside (08:00-15:00), Friday 20th 08:00-15:30. */
	kj_jadwal_day(j, lima, D(2026, 2, 18), &h);
	assert_int_equal(h.mulai, HM(7, 30));
	kj_jadwal_day(j, lima, D(2026, 2, 19), &h);
	assert_int_equal(h.mulai, HM(8, 0));
	assert_int_equal(h.selesai, HM(15, 0));
	assert_int_equal(h.batas, HM(11, 30));   /* 08:00 + 7 h / 2 */
	kj_jadwal_day(j, lima, D(2026, 2, 20), &h);
	assert_int_equal(h.selesai, HM(15, 30));
	/* The range names lima_hari only: the six-day week keeps its
	 * hours on the 19th. */
	kj_jadwal_day(j, enam, D(2026, 2, 19), &h);
	assert_int_equal(h.mulai, HM(7, 30));
	assert_int_equal(h.selesai, HM(14, 0));
	/* The last day of the range, Thursday 19 March, is Nyepi: off. */
	kj_jadwal_day(j, lima, D(2026, 3, 19), &h);
	assert_false(h.kerja);
	/* Friday 20 March is after the range: back to 16:30. */
	kj_jadwal_day(j, lima, D(2026, 3, 20), &h);
	assert_int_equal(h.selesai, HM(16, 30));

	/* The night shift works every day, holidays too (ikut_libur:
	 * false): 19:00 to 07:00 the next day = 86400 + 25200 = 111600,
	 * tolerance 5 minutes (its own). */
	kj_jadwal_day(j, malam, D(2026, 12, 25), &h);
	assert_true(h.kerja);
	assert_int_equal(h.mulai, HM(19, 0));
	assert_int_equal(h.selesai, 86400 + HM(7, 0));
	assert_int_equal(h.toleransi, 5 * 60);
	assert_int_equal(h.masuk_buka, HM(17, 0));
	assert_int_equal(h.batas, HM(25, 0));        /* 01:00 next day */
	assert_int_equal(h.pulang_tutup, HM(35, 0)); /* 11:00 next day */
	/* December: 31 nights. */
	assert_int_equal(working_days(j, malam, 2026, 12), 31);
	kj_jadwal_free(j);
}

static void test_rules(void **state)
{
	kj_err e;
	kj_jadwal *j = kj_jadwal_load_mem(
		"j.yaml",
		"band: [1, 16, 31, 60]\n"
		"tanpa_absen: lupa_absen\n"
		"toleransi: 10\n"
		"jendela: {masuk_sebelum: 60}\n", &e);
	kj_hari h;

	(void)state;
	if (!j)
		fail_msg("%s", e.msg);
	assert_int_equal(kj_jadwal_aturan(j)->band[1], 16);
	assert_int_equal(kj_jadwal_aturan(j)->band[3], 60);
	assert_true(kj_jadwal_aturan(j)->lupa_absen);
	kj_jadwal_day(j, 0, D(2026, 11, 2), &h);
	assert_int_equal(h.toleransi, 600);
	assert_int_equal(h.masuk_buka, HM(6, 30));
	assert_int_equal(h.pulang_tutup, HM(20, 0));   /* default kept */
	kj_jadwal_free(j);
}

static void test_jam_parse(void **state)
{
	int32_t a, b;
	kj_err e;

	(void)state;
	assert_int_equal(kj_jam_parse("07:30-16:00", 11, &a, &b, &e), 0);
	assert_int_equal(a, HM(7, 30));
	assert_int_equal(b, HM(16, 0));
	assert_int_equal(kj_jam_parse("22:00-06:00+1", 13, &a, &b, &e), 0);
	assert_int_equal(b, 86400 + HM(6, 0));
	/* A 24-hour shift. */
	assert_int_equal(kj_jam_parse("07:00-07:00+1", 13, &a, &b, &e), 0);
	assert_int_equal(b - a, 86400);
	assert_int_equal(kj_jam_parse("16:00-07:30", 11, &a, &b, &e), -1);
	assert_non_null(strstr(e.msg, "not after the start"));
	assert_int_equal(kj_jam_parse("07:30-07:30", 11, &a, &b, &e), -1);
	assert_int_equal(kj_jam_parse("0730", 4, &a, &b, &e), -1);
	assert_int_equal(kj_jam_parse("25:00-26:00", 11, &a, &b, &e), -1);
	assert_int_equal(kj_jam_parse("07:30-24:00", 11, &a, &b, &e), -1);
	assert_int_equal(e.col, 7);
}

/* Loading text must fail at line:col with msg in the message. */
static void bad(const char *text, long line, long col, const char *msg)
{
	kj_err e;
	kj_jadwal *j;

	memset(&e, 0, sizeof e);
	j = kj_jadwal_load_mem("bad.yaml", text, &e);
	if (j) {
		kj_jadwal_free(j);
		fail_msg("loaded: %s", text);
	}
	if (!strstr(e.msg, msg) || e.line != line || (col && e.col != col))
		fail_msg("%s: got %ld:%ld: %s; want %ld:%ld: ...%s...", text,
		         e.line, e.col, e.msg, line, col, msg);
	assert_string_equal(e.file, "bad.yaml");
	assert_int_equal(e.status, 2);
}

static void test_errors(void **state)
{
	(void)state;
	bad("jadwl: {}\n", 1, 1, "unknown key 'jadwl'");
	bad("jadwal:\n  x:\n    senen: 07:00-15:00\n", 3, 5,
	    "unknown key 'senen'");
	bad("jadwal:\n  x:\n    senin: 16:00-07:30\n", 3, 18,
	    "not after the start");
	bad("jadwal:\n  x:\n    senin: 07:30-16:61\n", 3, 0, "end:");
	bad("bawaan: tujuh_hari\n", 1, 9, "unknown schedule 'tujuh_hari'");
	bad("penugasan:\n  - jadwal: malam\n    opd: RSUD\n", 2, 13,
	    "unknown schedule 'malam'");
	bad("penugasan:\n  - jadwal: enam_hari\n", 2, 5, "needs 'opd' or");
	bad("band: [1, 31, 31, 91]\n", 1, 15, "between 32 and 1440");
	bad("band: [1, 31, 61]\n", 1, 7, "expected 4 lower bounds");
	bad("band: [0, 31, 61, 91]\n", 1, 8, "between 1 and 1440");
	bad("tanpa_absen: tl4\n", 1, 14, "expected tl4_psw4 or lupa_absen");
	bad("toleransi: -1\n", 1, 12, "between 0 and 240");
	bad("libur:\n  - {tanggal: 2026-13-01}\n", 2, 15, "does not exist");
	bad("libur:\n  - {tanggal: 2026-12-25, jenis: cuti}\n", 2, 34,
	    "expected libur_nasional or cuti_bersama");
	bad("libur:\n  - {nama: x}\n", 2, 5, "missing required key 'tanggal'");
	bad("rentang:\n"
	    "  - {mulai: 2026-02-19, selesai: 2026-03-19, senin: 08:00-15:00}\n"
	    "  - {mulai: 2026-03-01, selesai: 2026-03-31, jadwal: enam_hari}\n",
	    3, 5, "overlaps the range at line 2");
	bad("rentang:\n"
	    "  - {mulai: 2026-03-19, selesai: 2026-02-19}\n", 2, 34,
	    "ends before it starts");
	bad("a: 1\n---\nb: 2\n", 3, 1, "expected one document");
	bad("- 1\n", 1, 1, "expected a mapping");
}

static void test_ranges_apart(void **state)
{
	kj_err e;
	/* Two ranges on the same dates for different schedules do not
	 * overlap; nor do back-to-back ranges. */
	kj_jadwal *j = kj_jadwal_load_mem(
		"ok.yaml",
		"rentang:\n"
		"  - {mulai: 2026-02-19, selesai: 2026-03-19, jadwal: lima_hari,"
		" senin: 08:00-15:00}\n"
		"  - {mulai: 2026-02-19, selesai: 2026-03-19, jadwal: enam_hari,"
		" senin: 08:00-13:00}\n"
		"  - {mulai: 2026-03-20, selesai: 2026-03-31, jadwal: lima_hari,"
		" senin: 09:00-15:00}\n", &e);
	kj_hari h;

	(void)state;
	if (!j)
		fail_msg("%s:%ld:%ld: %s", e.file, e.line, e.col, e.msg);
	kj_jadwal_day(j, 1, D(2026, 2, 23), &h);    /* a Monday */
	assert_int_equal(h.selesai, HM(13, 0));
	kj_jadwal_day(j, 0, D(2026, 3, 23), &h);    /* a Monday */
	assert_int_equal(h.mulai, HM(9, 0));
	kj_jadwal_free(j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_full),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_jam_parse),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_ranges_apart),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
