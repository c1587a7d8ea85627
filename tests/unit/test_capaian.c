/*
 * Unit tests of lib/capaian.c.  Every expected value is worked out by hand
 * in the comment beside it from domain/skp-capaian.md (§2.3 matrix, §2.6
 * kurva, §2.8 angka kredit, §2.10/§4.1 capaian).  kj_pct is 1/10000 %:
 * P(87.5) is 875000.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "capaian.h"
#include "colreg.h"

#define P(x) ((kj_pct)((x) * 10000.0 + ((x) >= 0 ? 0.5 : -0.5)))
#define V(x) ((int64_t)((x) * KJ_IKI_SCALE + 0.5))

static kj_target tgt(const char *s, bool neg)
{
	kj_target t;

	assert_int_equal(kj_target_parse(s, strlen(s), &t, NULL), 0);
	t.negatif = neg;
	return t;
}

static kj_pct cap(const char *target, bool neg, double r, int want_status)
{
	kj_target t = tgt(target, neg);
	kj_pct c = -1;

	assert_int_equal(kj_capaian_iki(&t, V(r), &c), want_status);
	return c;
}

static void test_positive(void **state)
{
	(void)state;
	/* 95 / 100 = 95 % */
	assert_int_equal(cap("100", false, 95, KJ_IKI_OK), P(95));
	/* 25 / 10 = 250 %: not capped here, the cap is in the mean */
	assert_int_equal(cap("10", false, 25, KJ_IKI_OK), P(250));
	/* 2 / 3 = 66.6666.. %, half up to 66.6667 */
	assert_int_equal(cap("3", false, 2, KJ_IKI_OK), 666667);
	/* 0 realised: 0 % */
	assert_int_equal(cap("7,5", false, 0, KJ_IKI_OK), 0);
}

static void test_negative(void **state)
{
	(void)state;
	/* 8/2021 worked examples: target 7-8 bulan, realisasi 6.5 -> below
	 * the range, lower bound: (2 - 6.5/7) x 100 = 107.142857.. */
	assert_int_equal(cap("7-8", true, 6.5, KJ_IKI_OK), 1071429);
	/* realisasi 9 -> above, upper bound: (2 - 9/8) x 100 = 87.5 */
	assert_int_equal(cap("7-8", true, 9, KJ_IKI_OK), P(87.5));
	/* exactly the target: 100 */
	assert_int_equal(cap("12", true, 12, KJ_IKI_OK), P(100));
	/* 9 of 12 days: (2 - 0.75) x 100 = 125 */
	assert_int_equal(cap("12", true, 9, KJ_IKI_OK), P(125));
	/* twice the target: exactly 0, not clamped */
	assert_int_equal(cap("4", true, 8, KJ_IKI_OK), 0);
	/* 9 of 4: 2 - 2.25 < 0, clamped at 0 and flagged */
	assert_int_equal(cap("4", true, 9, KJ_IKI_CLAMPED), 0);
	/* realised 0 with negative polarity: 200 */
	assert_int_equal(cap("4", true, 0, KJ_IKI_OK), P(200));
}

static void test_range(void **state)
{
	(void)state;
	/* inside 80-90, at both edges and between: 100 */
	assert_int_equal(cap("80-90", false, 80, KJ_IKI_OK), P(100));
	assert_int_equal(cap("80-90", false, 85, KJ_IKI_OK), P(100));
	assert_int_equal(cap("80 - 90", false, 90, KJ_IKI_OK), P(100));
	/* below: 70 / 80 = 87.5 (the 8/2021 example) */
	assert_int_equal(cap("80-90", false, 70, KJ_IKI_OK), P(87.5));
	/* just below: 79.99 / 80 = 99.9875 */
	assert_int_equal(cap("80-90", false, 79.99, KJ_IKI_OK), 999875);
	/* above: 99 / 90 = 110 */
	assert_int_equal(cap("80-90", false, 99, KJ_IKI_OK), P(110));
	/* just above: 90.01 / 90 = 100.01111.. -> 100.0111 */
	assert_int_equal(cap("80-90", false, 90.01, KJ_IKI_OK), 1000111);
}

static void test_not_computable(void **state)
{
	kj_target t = tgt("0", false);
	kj_pct c;

	(void)state;
	assert_int_equal(kj_capaian_iki(&t, V(3), &c), KJ_IKI_NA);
	t.negatif = true;
	assert_int_equal(kj_capaian_iki(&t, V(0), &c), KJ_IKI_NA);
	t = tgt("0-5", false);
	assert_int_equal(kj_capaian_iki(&t, V(3), &c), KJ_IKI_NA);
}

static void test_target_parse(void **state)
{
	kj_target t;
	kj_err err;

	(void)state;
	t = tgt("80,5", false);
	assert_int_equal(t.lo, V(80.5));
	assert_int_equal(t.hi, V(80.5));
	t = tgt("7.5-8", false);
	assert_int_equal(t.lo, V(7.5));
	assert_int_equal(t.hi, V(8));
	assert_int_equal(kj_target_parse("90-80", 5, &t, &err), -1);
	assert_int_equal(kj_target_parse("abc", 3, &t, &err), -1);
	assert_int_equal(kj_target_parse("80-", 3, &t, &err), -1);
}

static void test_mean(void **state)
{
	(void)state;
	/* (120 + 100 + 120) / 3 = 113.3333.. -> 113.33 */
	assert_int_equal(kj_capaian_mean(P(120) + P(100) + P(120), 3),
	                 P(113.33));
	/* (95 + 0) / 2 = 47.5 */
	assert_int_equal(kj_capaian_mean(P(95), 2), P(47.5));
	/* 2 x 109.995 / 2 = 109.995 -> half up 110.00 (hundredths) */
	assert_int_equal(kj_capaian_mean(2 * 1099950, 2), P(110));
	/* 109.9949 -> 109.99 */
	assert_int_equal(kj_capaian_mean(1099949, 1), P(109.99));
	assert_int_equal(kj_capaian_mean(P(50), 0), 0);
}

static void test_rating_hasil(void **state)
{
	const kj_batas_rating *b = &kj_batas_rating_default;
	kj_batas_rating own = { P(100), P(80) };

	(void)state;
	assert_int_equal(kj_rating_hasil(P(110), b), KJ_RATING_DI_ATAS);
	assert_int_equal(kj_rating_hasil(P(109.99), b), KJ_RATING_SESUAI);
	assert_int_equal(kj_rating_hasil(P(90), b), KJ_RATING_SESUAI);
	assert_int_equal(kj_rating_hasil(P(89.99), b), KJ_RATING_DI_BAWAH);
	assert_int_equal(kj_rating_hasil(0, b), KJ_RATING_DI_BAWAH);
	assert_int_equal(kj_rating_hasil(P(100), &own), KJ_RATING_DI_ATAS);
	assert_int_equal(kj_rating_hasil(P(80), &own), KJ_RATING_SESUAI);
	assert_int_equal(kj_rating_hasil(P(79.99), &own), KJ_RATING_DI_BAWAH);
}

static void test_rating_org(void **state)
{
	(void)state;
	assert_int_equal(kj_rating_from_org(KJ_ORG_ISTIMEWA), KJ_RATING_DI_ATAS);
	assert_int_equal(kj_rating_from_org(KJ_ORG_BAIK), KJ_RATING_SESUAI);
	assert_int_equal(kj_rating_from_org(KJ_ORG_BUTUH_PERBAIKAN),
	                 KJ_RATING_DI_BAWAH);
	assert_int_equal(kj_rating_from_org(KJ_ORG_KURANG), KJ_RATING_DI_BAWAH);
	assert_int_equal(kj_rating_from_org(KJ_ORG_SANGAT_KURANG),
	                 KJ_RATING_DI_BAWAH);
}

static void test_perilaku(void **state)
{
	enum kj_rating v[7];

	(void)state;
	/* scores 1/2/3; 7 values: di_bawah when the sum <= 10 (mean < 1.5),
	 * sesuai when <= 17 (mean <= 2.5), else di_atas */
	for (int i = 0; i < 7; i++)
		v[i] = KJ_RATING_SESUAI;                 /* sum 14 */
	assert_int_equal(kj_rating_perilaku(v, 7), KJ_RATING_SESUAI);
	/* 4 di_bawah, 3 sesuai: 4 + 6 = 10, mean 1.43 -> di_bawah */
	for (int i = 0; i < 4; i++)
		v[i] = KJ_RATING_DI_BAWAH;
	assert_int_equal(kj_rating_perilaku(v, 7), KJ_RATING_DI_BAWAH);
	/* 3 di_bawah, 4 sesuai: 3 + 8 = 11, mean 1.57 -> sesuai */
	v[3] = KJ_RATING_SESUAI;
	assert_int_equal(kj_rating_perilaku(v, 7), KJ_RATING_SESUAI);
	/* 3 di_atas, 4 sesuai: 9 + 8 = 17, mean 2.43 -> sesuai */
	for (int i = 0; i < 7; i++)
		v[i] = i < 3 ? KJ_RATING_DI_ATAS : KJ_RATING_SESUAI;
	assert_int_equal(kj_rating_perilaku(v, 7), KJ_RATING_SESUAI);
	/* 4 di_atas, 3 sesuai: 12 + 6 = 18, mean 2.57 -> di_atas */
	v[3] = KJ_RATING_DI_ATAS;
	assert_int_equal(kj_rating_perilaku(v, 7), KJ_RATING_DI_ATAS);
	/* two values, exactly 1.5 (di_bawah + sesuai) -> sesuai */
	v[0] = KJ_RATING_DI_BAWAH;
	v[1] = KJ_RATING_SESUAI;
	assert_int_equal(kj_rating_perilaku(v, 2), KJ_RATING_SESUAI);
	/* exactly 2.5 (sesuai + di_atas) -> sesuai */
	v[0] = KJ_RATING_DI_ATAS;
	assert_int_equal(kj_rating_perilaku(v, 2), KJ_RATING_SESUAI);
}

/* Every cell of the §2.3 table, row hasil, column perilaku. */
static void test_matrix(void **state)
{
	(void)state;
	assert_int_equal(kj_predikat_of(KJ_RATING_DI_ATAS, KJ_RATING_DI_BAWAH),
	                 KJ_PRED_KURANG);
	assert_int_equal(kj_predikat_of(KJ_RATING_DI_ATAS, KJ_RATING_SESUAI),
	                 KJ_PRED_BAIK);
	assert_int_equal(kj_predikat_of(KJ_RATING_DI_ATAS, KJ_RATING_DI_ATAS),
	                 KJ_PRED_SANGAT_BAIK);
	assert_int_equal(kj_predikat_of(KJ_RATING_SESUAI, KJ_RATING_DI_BAWAH),
	                 KJ_PRED_KURANG);
	assert_int_equal(kj_predikat_of(KJ_RATING_SESUAI, KJ_RATING_SESUAI),
	                 KJ_PRED_BAIK);
	assert_int_equal(kj_predikat_of(KJ_RATING_SESUAI, KJ_RATING_DI_ATAS),
	                 KJ_PRED_BAIK);
	assert_int_equal(kj_predikat_of(KJ_RATING_DI_BAWAH, KJ_RATING_DI_BAWAH),
	                 KJ_PRED_SANGAT_KURANG);
	assert_int_equal(kj_predikat_of(KJ_RATING_DI_BAWAH, KJ_RATING_SESUAI),
	                 KJ_PRED_BUTUH_PERBAIKAN);
	assert_int_equal(kj_predikat_of(KJ_RATING_DI_BAWAH, KJ_RATING_DI_ATAS),
	                 KJ_PRED_BUTUH_PERBAIKAN);
}

/* counts in the order sangat_baik, baik, butuh_perbaikan, kurang,
 * sangat_kurang */
static size_t kurva(enum kj_org_predikat org, long sb, long b, long bp,
                    long k, long sk, kj_kurva_finding *f)
{
	long c[KJ_PRED_N] = { sb, b, bp, k, sk };

	return kj_kurva_check(org, c, f, 4);
}

static void test_kurva_small(void **state)
{
	kj_kurva_finding f[4];

	(void)state;
	/* Istimewa, n = 3: max 70 % sangat baik = floor(2.1) = 2 */
	assert_int_equal(kurva(KJ_ORG_ISTIMEWA, 2, 1, 0, 0, 0, f), 0);
	assert_int_equal(kurva(KJ_ORG_ISTIMEWA, 3, 0, 0, 0, 0, f), 1);
	assert_int_equal(f[0].count, 3);
	assert_int_equal(f[0].limit, 2);
	assert_int_equal(f[0].n, 3);
	assert_true(f[0].rule->max);
	/* n = 1: floor(0.7) = 0, so one sangat baik alone breaks it */
	assert_int_equal(kurva(KJ_ORG_ISTIMEWA, 1, 0, 0, 0, 0, f), 1);
	assert_int_equal(f[0].limit, 0);
	/* n = 10: floor(7) = 7 allowed, 8 not */
	assert_int_equal(kurva(KJ_ORG_ISTIMEWA, 7, 3, 0, 0, 0, f), 0);
	assert_int_equal(kurva(KJ_ORG_ISTIMEWA, 8, 2, 0, 0, 0, f), 1);
	/* Baik, n = 4: baik <= floor(2.8) = 2, and some butuh perbaikan or
	 * kurang (at least 1) */
	assert_int_equal(kurva(KJ_ORG_BAIK, 1, 2, 1, 0, 0, f), 0);
	assert_int_equal(kurva(KJ_ORG_BAIK, 0, 3, 0, 1, 0, f), 1);
	assert_int_equal(f[0].limit, 2);
	assert_int_equal(kurva(KJ_ORG_BAIK, 2, 2, 0, 0, 0, f), 1);
	assert_false(f[0].rule->max);
	assert_int_equal(f[0].limit, 1);
	assert_int_equal(f[0].count, 0);
	/* both broken: 4 baik of 4 and nobody below */
	assert_int_equal(kurva(KJ_ORG_BAIK, 0, 4, 0, 0, 0, f), 2);
	/* Butuh perbaikan, n = 3: bp >= ceil(1.8) = 2, sb <= floor(0.3) = 0 */
	assert_int_equal(kurva(KJ_ORG_BUTUH_PERBAIKAN, 0, 1, 2, 0, 0, f), 0);
	assert_int_equal(kurva(KJ_ORG_BUTUH_PERBAIKAN, 0, 2, 1, 0, 0, f), 1);
	assert_int_equal(f[0].limit, 2);
	assert_int_equal(kurva(KJ_ORG_BUTUH_PERBAIKAN, 1, 0, 2, 0, 0, f), 1);
	assert_int_equal(f[0].limit, 0);
	/* Butuh perbaikan, n = 10: bp >= 6, sb <= 1 */
	assert_int_equal(kurva(KJ_ORG_BUTUH_PERBAIKAN, 1, 3, 6, 0, 0, f), 0);
	assert_int_equal(kurva(KJ_ORG_BUTUH_PERBAIKAN, 2, 3, 5, 0, 0, f), 2);
	/* Kurang, n = 5: kurang >= 3, bp >= ceil(0.5) = 1, sb <= 0 */
	assert_int_equal(kurva(KJ_ORG_KURANG, 0, 1, 1, 3, 0, f), 0);
	assert_int_equal(kurva(KJ_ORG_KURANG, 0, 2, 0, 3, 0, f), 1);
	assert_int_equal(f[0].limit, 1);
	/* Sangat kurang, n = 1: sk >= 1, kurang+bp >= 1, no sangat baik */
	assert_int_equal(kurva(KJ_ORG_SANGAT_KURANG, 0, 0, 0, 0, 1, f), 1);
	assert_int_equal(f[0].count, 0);
	assert_int_equal(f[0].limit, 1);
	/* n = 2: sk >= ceil(1.2) = 2 -> one sk and one kurang break it */
	assert_int_equal(kurva(KJ_ORG_SANGAT_KURANG, 0, 0, 0, 1, 1, f), 1);
	assert_int_equal(f[0].limit, 2);
	/* n = 10: 6 sk, 1 kurang, 3 baik ok; a sangat baik never */
	assert_int_equal(kurva(KJ_ORG_SANGAT_KURANG, 0, 3, 0, 1, 6, f), 0);
	assert_int_equal(kurva(KJ_ORG_SANGAT_KURANG, 1, 2, 0, 1, 6, f), 1);
	assert_int_equal(f[0].limit, 0);
	/* an empty unit breaks nothing */
	assert_int_equal(kurva(KJ_ORG_SANGAT_KURANG, 0, 0, 0, 0, 0, f), 0);
}

static void test_kurva_words(void **state)
{
	char buf[64];
	unsigned set = (1u << KJ_PRED_BUTUH_PERBAIKAN) | (1u << KJ_PRED_KURANG);

	(void)state;
	assert_int_equal(kj_kurva_set_words(set, buf, sizeof buf), 22);
	assert_string_equal(buf, "butuh_perbaikan+kurang");
}

static void test_angka_kredit(void **state)
{
	(void)state;
	assert_int_equal(kj_ak_koefisien("ahli_pertama", 12), 1250);
	assert_int_equal(kj_ak_koefisien("Ahli Madya", 10), 3750);
	assert_int_equal(kj_ak_koefisien("pemula", 6), 375);
	assert_int_equal(kj_ak_koefisien("guru", 4), -1);
	/* 12/12 x 150 % x 12.5 = 18.75 (PerBKN 3/2023 example) */
	assert_int_equal(kj_angka_kredit(12, KJ_PRED_SANGAT_BAIK, 1250), 187500);
	/* 2/12 x 100 % x 12.5 = 2.08333.. -> 2.0833 */
	assert_int_equal(kj_angka_kredit(2, KJ_PRED_BAIK, 1250), 20833);
	/* 12/12 x 100 % x 37.5 = 37.5 (Ahli Madya, Baik) */
	assert_int_equal(kj_angka_kredit(12, KJ_PRED_BAIK, 3750), 375000);
	/* 1/12 x 75 % x 12.5 = 0.78125 -> half up 0.7813 */
	assert_int_equal(kj_angka_kredit(1, KJ_PRED_BUTUH_PERBAIKAN, 1250),
	                 7813);
	/* 1/12 x 25 % x 50 = 1.041666.. -> 1.0417 */
	assert_int_equal(kj_angka_kredit(1, KJ_PRED_SANGAT_KURANG, 5000), 10417);
	/* 6/12 x 50 % x 25 = 6.25 */
	assert_int_equal(kj_angka_kredit(6, KJ_PRED_KURANG, 2500), 62500);
}

static void test_words(void **state)
{
	(void)state;
	assert_int_equal(kj_word_index(kj_rating_words, KJ_RATING_N,
	                               "Di Atas Ekspektasi", 18),
	                 KJ_RATING_DI_ATAS);
	assert_int_equal(kj_word_index(kj_rating_words, KJ_RATING_N, "sesuai",
	                               6), KJ_RATING_SESUAI);
	assert_int_equal(kj_word_index(kj_org_predikat_words, KJ_ORG_N,
	                               "Sangat Kurang", 13),
	                 KJ_ORG_SANGAT_KURANG);
	assert_int_equal(kj_word_index(kj_rating_words, KJ_RATING_N, "baik",
	                               4), -1);
	/* a prefix or an extension of a word is not the word */
	assert_int_equal(kj_word_index(kj_rating_words, KJ_RATING_N, "sesua",
	                               5), -1);
	assert_int_equal(kj_word_index(kj_rating_words, KJ_RATING_N,
	                               "sesuaix", 7), -1);
	assert_int_equal(kj_word_index(kj_rating_words, KJ_RATING_N,
	                               "SESUAI", 6), KJ_RATING_SESUAI);
	/* the fast path for canonical words relies on this */
	for (int i = 0; i < KJ_RATING_N; i++) {
		const char *w = kj_enum_word(kj_rating_words[i],
		                             strlen(kj_rating_words[i]));

		assert_true(!w || strcmp(w, kj_rating_words[i]) == 0);
	}
	for (int i = 0; i < KJ_ORG_N; i++) {
		const char *w = kj_enum_word(kj_org_predikat_words[i],
		                             strlen(kj_org_predikat_words[i]));

		assert_true(!w || strcmp(w, kj_org_predikat_words[i]) == 0);
	}
}

/* kj_iki_value_parse's fast path against kj_decimal_parse, on the shapes
 * it takes and the ones just outside it. */
static void test_iki_value(void **state)
{
	static const char *const ok[] = {
		"0", "7", "25", "100", "999999999999", "0.5", "12.25",
		"1.2345", "1.234", "7,5", "1.234,5", "1.234.567", "007",
		"0.0001", "12.", ".5", "1.23456", "9999999999999", "12a",
		"", "-3", "1 000", "12.2.5", "00", "0.50",
	};
	int64_t a, b;
	kj_err e1, e2;

	(void)state;
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		size_t n = strlen(ok[i]);
		int ra = kj_iki_value_parse(ok[i], n, &a, &e1);
		int rb = kj_decimal_parse(ok[i], n, KJ_IKI_SCALE_DIGITS, &b,
		                          &e2);

		assert_int_equal(ra, rb);
		if (ra == 0)
			assert_true(a == b);
		else
			assert_string_equal(e1.msg, e2.msg);
	}
	/* by hand: x 10^4 */
	assert_int_equal(kj_iki_value_parse("25", 2, &a, NULL), 0);
	assert_true(a == 250000);
	assert_int_equal(kj_iki_value_parse("12.25", 5, &a, NULL), 0);
	assert_true(a == 122500);
	assert_int_equal(kj_iki_value_parse("0.0001", 6, &a, NULL), 0);
	assert_true(a == 1);
	assert_int_equal(kj_iki_value_parse("999999999999", 12, &a, NULL), 0);
	assert_true(a == 9999999999990000LL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_positive),
		cmocka_unit_test(test_negative),
		cmocka_unit_test(test_range),
		cmocka_unit_test(test_not_computable),
		cmocka_unit_test(test_target_parse),
		cmocka_unit_test(test_mean),
		cmocka_unit_test(test_rating_hasil),
		cmocka_unit_test(test_rating_org),
		cmocka_unit_test(test_perilaku),
		cmocka_unit_test(test_matrix),
		cmocka_unit_test(test_kurva_small),
		cmocka_unit_test(test_kurva_words),
		cmocka_unit_test(test_angka_kredit),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_iki_value),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
