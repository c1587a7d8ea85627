/*
 * Unit tests of lib/kegiatan.c: the quarterly check of sub kegiatan.
 * Expected values worked out by hand from domain/skp-capaian.md §4.2-§4.4
 * in the comments.  kj_pct is 1/10000 %.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "kegiatan.h"

#define P(x) ((kj_pct)((x) * 10000.0 + ((x) >= 0 ? 0.5 : -0.5)))

static void test_kategori(void **state)
{
	(void)state;
	/* >= 91 ST, >= 76 T, >= 66 S, >= 51 R, else SR; the gaps of the
	 * official intervals (90.5, 75.5) belong to the band below */
	assert_int_equal(kj_kategori_of(P(150)), KJ_KAT_SANGAT_TINGGI);
	assert_int_equal(kj_kategori_of(P(91)), KJ_KAT_SANGAT_TINGGI);
	assert_int_equal(kj_kategori_of(P(90.99)), KJ_KAT_TINGGI);
	assert_int_equal(kj_kategori_of(P(76)), KJ_KAT_TINGGI);
	assert_int_equal(kj_kategori_of(P(75.99)), KJ_KAT_SEDANG);
	assert_int_equal(kj_kategori_of(P(66)), KJ_KAT_SEDANG);
	assert_int_equal(kj_kategori_of(P(65.99)), KJ_KAT_RENDAH);
	assert_int_equal(kj_kategori_of(P(51)), KJ_KAT_RENDAH);
	assert_int_equal(kj_kategori_of(P(50.99)), KJ_KAT_SANGAT_RENDAH);
	assert_int_equal(kj_kategori_of(0), KJ_KAT_SANGAT_RENDAH);
	assert_string_equal(kj_kategori_words[KJ_KAT_SEDANG], "sedang");
}

static void test_kritis(void **state)
{
	(void)state;
	/* plan <= 70: late by more than 10 points */
	assert_false(kj_kontrak_kritis(P(60), P(50)));      /* 10: not */
	assert_true(kj_kontrak_kritis(P(60), P(49.99)));    /* 10.01 */
	assert_false(kj_kontrak_kritis(P(70), P(60)));      /* 10 at 70 */
	assert_true(kj_kontrak_kritis(P(70), P(59.99)));
	/* plan above 70: more than 5 points */
	assert_false(kj_kontrak_kritis(P(70.01), P(65.01))); /* 5: not */
	assert_true(kj_kontrak_kritis(P(70.01), P(65)));     /* 5.01 */
	assert_true(kj_kontrak_kritis(P(100), P(94)));
	assert_false(kj_kontrak_kritis(P(100), P(95)));
	/* ahead of plan */
	assert_false(kj_kontrak_kritis(P(50), P(80)));
}

static void test_subkeg(void **state)
{
	kj_subkeg s = { 100000000, P(60), P(45), 50000000, 40000000 };
	kj_subkeg_hasil h;

	(void)state;
	/* fisik 45 / 60 = 75; keuangan 40 / 50 million = 80; deviasi 15
	 * points at a plan of 60 -> kritis */
	kj_subkeg_eval(&s, &h);
	assert_true(h.fisik_ok);
	assert_int_equal(h.fisik, P(75));
	assert_true(h.keuangan_ok);
	assert_int_equal(h.keuangan, P(80));
	assert_int_equal(h.deviasi, P(15));
	assert_true(h.kritis);
	/* the 75 % boundary: 59.992 / 80 = 74.99 exactly; 60 / 80 = 75 */
	s.target_fisik = P(80);
	s.realisasi_fisik = P(59.992);
	kj_subkeg_eval(&s, &h);
	assert_int_equal(h.fisik, P(74.99));
	s.realisasi_fisik = P(60);
	kj_subkeg_eval(&s, &h);
	assert_int_equal(h.fisik, P(75));
	/* 2 / 3 = 66.666..% -> 66.67 (hundredths, half up) */
	s.target_keuangan = 3;
	s.realisasi_keuangan = 2;
	kj_subkeg_eval(&s, &h);
	assert_int_equal(h.keuangan, P(66.67));
	/* targets 0: not computable */
	s.target_fisik = 0;
	s.target_keuangan = 0;
	kj_subkeg_eval(&s, &h);
	assert_false(h.fisik_ok);
	assert_false(h.keuangan_ok);
}

static void test_wmean(void **state)
{
	kj_wmean w;
	kj_pct out = -1;

	(void)state;
	memset(&w, 0, sizeof w);
	assert_int_equal(kj_wmean_get(&w, &out), -1);
	/* (100 million x 75 + 300 million x 95) / 400 million = 90 */
	kj_wmean_add(&w, 100000000, P(75));
	kj_wmean_add(&w, 300000000, P(95));
	assert_int_equal(kj_wmean_get(&w, &out), 0);
	assert_int_equal(out, P(90));
	/* (1 x 74.99 + 2 x 75) / 3 = 74.99666.. -> 75.00 */
	memset(&w, 0, sizeof w);
	kj_wmean_add(&w, 1, P(74.99));
	kj_wmean_add(&w, 2, P(75));
	kj_wmean_get(&w, &out);
	assert_int_equal(out, P(75));
	/* (2 x 74.99 + 1 x 75) / 3 = 74.99333.. -> 74.99 */
	memset(&w, 0, sizeof w);
	kj_wmean_add(&w, 2, P(74.99));
	kj_wmean_add(&w, 1, P(75));
	kj_wmean_get(&w, &out);
	assert_int_equal(out, P(74.99));
	/* a trillion Rupiah of pagu does not overflow: 10^12 x 10^6 */
	memset(&w, 0, sizeof w);
	kj_wmean_add(&w, 1000000000000, P(100));
	kj_wmean_add(&w, 3000000000000, P(50));
	kj_wmean_get(&w, &out);
	assert_int_equal(out, P(62.5));
	/* pagu 0 only: nothing to weigh */
	memset(&w, 0, sizeof w);
	kj_wmean_add(&w, 0, P(50));
	assert_int_equal(kj_wmean_get(&w, &out), -1);
}

static void test_round2(void **state)
{
	(void)state;
	assert_int_equal(kj_pct_round2(749950), 750000);
	assert_int_equal(kj_pct_round2(749949), 749900);
	assert_int_equal(kj_pct_round2(0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kategori),
		cmocka_unit_test(test_kritis),
		cmocka_unit_test(test_subkeg),
		cmocka_unit_test(test_wmean),
		cmocka_unit_test(test_round2),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
