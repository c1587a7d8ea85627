/*
 * Unit tests of lib/tpp_rules.c and lib/tpp.c.
 *
 * Every expected amount below is worked by hand in the comment beside it,
 * from domain/tpp.md and the rule set file, never from the program's
 * output.  "x 40 % = 1.136.624,4 -> 1.136.624" means: the exact product,
 * then the rounding named by the rule set (half_up unless said).
 * Percentages in the code are in 1/10000 % (100 % = 1000000).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "period.h"
#include "tpp.h"
#include "tpp_rules.h"

static kj_tpp_rules *load_example(const char *name)
{
	char path[1024];
	const char *top = getenv("KJ_TOP");
	kj_err err;
	kj_tpp_rules *r;

	snprintf(path, sizeof path, "%s/examples/rules/%s.yaml",
	         top ? top : ".", name);
	r = kj_tpp_rules_load(path, &err);
	if (!r)
		fail_msg("%s:%ld:%ld: %s", err.file, err.line, err.col,
		         err.msg);
	return r;
}

/* An employee with no keterangan, no Plt, PNS, golongan III. */
static kj_tpp_pegawai peg(int kelas, kj_money gaji)
{
	kj_tpp_pegawai p;

	memset(&p, 0, sizeof p);
	p.kelas = kelas;
	p.status = KJ_ST_PNS;
	p.plt_hari = -1;
	p.gaji = gaji;
	p.golongan = 2;
	return p;
}

/* Present every day, nothing late. */
static kj_tpp_absen hadir(void)
{
	kj_tpp_absen a;

	memset(&a, 0, sizeof a);
	a.present = true;
	a.hari_kerja = 21;
	return a;
}

static kj_tpp_kinerja kin(int predikat)
{
	kj_tpp_kinerja k = { true, true, true, predikat, false, 0 };

	return k;
}

struct want {
	kj_money basic, dis_pagu, prod_pagu, dis, prod, bruto, pph, iuran,
	         netto;
};

static void check(const kj_tpp_rules *r, int month, const kj_tpp_pegawai *p,
                  const kj_tpp_absen *a, const kj_tpp_kinerja *k,
                  struct want w)
{
	kj_tpp_result res;
	kj_err err;

	if (kj_tpp_calc(r, month, p, a, k, KJ_TPP_DETAIL, &res, &err) != 0)
		fail_msg("calc: %s", err.msg);
	assert_int_equal(res.basic, w.basic);
	assert_int_equal(res.disiplin_pagu, w.dis_pagu);
	assert_int_equal(res.produktivitas_pagu, w.prod_pagu);
	assert_int_equal(res.disiplin, w.dis);
	assert_int_equal(res.produktivitas, w.prod);
	assert_int_equal(res.bruto, w.bruto);
	assert_int_equal(res.pph21, w.pph);
	assert_int_equal(res.iuran_bpjs, w.iuran);
	assert_int_equal(res.netto, w.netto);
	/* The sum of the parts. */
	assert_int_equal(res.netto, res.bruto + res.tunjangan_pph -
	                 res.pph21 - res.iuran_bpjs);
	assert_true(res.netto >= 0);
}

/*
 * template-permenpan-63: one component "tpp" (Lubuklinggau Basic TPP),
 * scaled, 40 % disiplin / 60 % produktivitas, TL/PSW 0,5/1/1,25/1,5 %,
 * TK 5 %/day, base = the disiplin part, BPJS 1 % on realised TPP with the
 * Rp 12.000.000 cap on gaji + TPP, no PPh.
 */
static void test_template(void **state)
{
	kj_tpp_rules *r = load_example("template-permenpan-63");
	kj_tpp_pegawai p;
	kj_tpp_absen a;
	kj_tpp_kinerja k = kin(KJ_PRED_BAIK);

	(void)state;
	/* 1. PNS kelas 5, all present, baik, gaji 3.000.000.
	 *    pagu 2.841.561; disiplin 2.841.561 x 40 % = 1.136.624,4 ->
	 *    1.136.624; produktivitas 2.841.561 - 1.136.624 = 1.704.937.
	 *    BPJS: min(3.000.000 + 2.841.561, 12 jt) - 3.000.000 =
	 *    2.841.561 x 1 % = 28.415,61 -> 28.416; netto 2.813.145. */
	p = peg(5, 3000000);
	a = hadir();
	check(r, 11, &p, &a, &k, (struct want){ 2841561, 1136624, 1704937,
	      1136624, 1704937, 2841561, 0, 28416, 2813145 });

	/* 2. CPNS kelas 8, TL at every band: TL1x2 TL2x1 TL3x1 TL4x1 =
	 *    1 + 1 + 1,25 + 1,5 = 4,75 %.  pagu 4.447.069 x 80 % =
	 *    3.557.655,2 -> 3.557.655; disiplin pagu x 40 % = 1.423.062;
	 *    produktivitas 2.134.593; potongan 1.423.062 x 4,75 % =
	 *    67.595,445 -> 67.595; disiplin 1.355.467; bruto 3.490.060;
	 *    BPJS (gaji 2.500.000) 34.900,60 -> 34.901; netto 3.455.159. */
	p = peg(8, 2500000);
	p.status = KJ_ST_CPNS;
	a = hadir();
	a.tl[0] = 2;
	a.tl[1] = a.tl[2] = a.tl[3] = 1;
	check(r, 11, &p, &a, &k, (struct want){ 3557655, 1423062, 2134593,
	      1355467, 2134593, 3490060, 0, 34901, 3455159 });

	/* 3. 3 TK days, kelas 9, butuh_perbaikan (80 %).  pagu 5.532.975;
	 *    disiplin 2.213.190; produktivitas 3.319.785; potongan 15 % of
	 *    2.213.190 = 331.978,5 -> 331.979 (half up at .5); disiplin
	 *    1.881.211; produktivitas 3.319.785 x 80 % = 2.655.828; bruto
	 *    4.537.039; BPJS (gaji 4 jt) 45.370,39 -> 45.370; netto
	 *    4.491.669. */
	p = peg(9, 4000000);
	a = hadir();
	a.tk = 3;
	k = kin(KJ_PRED_BUTUH_PERBAIKAN);
	check(r, 11, &p, &a, &k, (struct want){ 5532975, 2213190, 3319785,
	      1881211, 2655828, 4537039, 0, 45370, 4491669 });

	/* 4. 11 TK days, kelas 7, sangat_baik, no gaji.  pagu 3.920.964;
	 *    disiplin 1.568.385,6 -> 1.568.386; produktivitas 2.352.578;
	 *    potongan 55 % = 862.612,3 -> 862.612; disiplin 705.774; bruto
	 *    3.058.352; BPJS 30.583,52 -> 30.584; netto 3.027.768. */
	p = peg(7, 0);
	a = hadir();
	a.tk = 11;
	k = kin(KJ_PRED_SANGAT_BAIK);
	check(r, 11, &p, &a, &k, (struct want){ 3920964, 1568386, 2352578,
	      705774, 2352578, 3058352, 0, 30584, 3027768 });

	/* 5. No SKP, kelas 6: produktivitas 0 %.  pagu 3.407.272;
	 *    disiplin 1.362.908,8 -> 1.362.909; produktivitas pagu
	 *    2.044.363 paid 0; bruto 1.362.909; BPJS (gaji 3.500.000)
	 *    13.629,09 -> 13.629; netto 1.349.280. */
	p = peg(6, 3500000);
	a = hadir();
	k = kin(KJ_PRED_BAIK);
	k.skp = false;
	check(r, 11, &p, &a, &k, (struct want){ 3407272, 1362909, 2044363,
	      1362909, 0, 1362909, 0, 13629, 1349280 });

	/* 6. BPJS above the cap: kelas 15, gaji 6.000.000.  pagu
	 *    17.311.827; disiplin 6.924.730,8 -> 6.924.731; produktivitas
	 *    10.387.096.  BPJS base min(23.311.827, 12 jt) - 6 jt =
	 *    6.000.000 -> 60.000; netto 17.251.827. */
	k = kin(KJ_PRED_BAIK);
	p = peg(15, 6000000);
	check(r, 11, &p, &a, &k, (struct want){ 17311827, 6924731, 10387096,
	      6924731, 10387096, 17311827, 0, 60000, 17251827 });
	/* 6b. gaji already above the cap (12.500.000): base 12 jt - 12 jt
	 *     = 0.  kelas 12: pagu 9.458.076; disiplin 3.783.230,4 ->
	 *     3.783.230; produktivitas 5.674.846. */
	p = peg(12, 12500000);
	check(r, 11, &p, &a, &k, (struct want){ 9458076, 3783230, 5674846,
	      3783230, 5674846, 9458076, 0, 0, 9458076 });
	/* 6c. exactly at the cap: gaji 2.541.924 + 9.458.076 = 12 jt;
	 *     base 9.458.076 -> 94.580,76 -> 94.581; netto 9.363.495. */
	p = peg(12, 2541924);
	check(r, 11, &p, &a, &k, (struct want){ 9458076, 3783230, 5674846,
	      3783230, 5674846, 9458076, 0, 94581, 9363495 });

	/* 7. Plt same level: kelas 12, Plt of a kelas 12 job for 22 days:
	 *    9.458.076 + 20 % x 9.458.076 (1.891.615,2) = 11.349.691,2 ->
	 *    11.349.691; disiplin 4.539.876,4 -> 4.539.876; produktivitas
	 *    6.809.815; BPJS (no gaji) 113.496,91 -> 113.497; netto
	 *    11.236.194. */
	p = peg(12, 0);
	p.plt_kelas = 12;
	p.plt_hari = 22;
	check(r, 11, &p, &a, &k, (struct want){ 11349691, 4539876, 6809815,
	      4539876, 6809815, 11349691, 0, 113497, 11236194 });
	/* 7b. Plt one level higher: kelas 11 as Plt kelas 12 for 20 days
	 *     (the minimum): the kelas 12 TPP, 9.458.076; BPJS 94.580,76 ->
	 *     94.581; netto 9.363.495. */
	p = peg(11, 0);
	p.plt_kelas = 12;
	p.plt_hari = 20;
	check(r, 11, &p, &a, &k, (struct want){ 9458076, 3783230, 5674846,
	      3783230, 5674846, 9458076, 0, 94581, 9363495 });
	/* 7c. the same for 19 days: own kelas 11, 7.312.275; disiplin
	 *     2.924.910; produktivitas 4.387.365; BPJS 73.122,75 -> 73.123;
	 *     netto 7.239.152. */
	p.plt_hari = 19;
	check(r, 11, &p, &a, &k, (struct want){ 7312275, 2924910, 4387365,
	      2924910, 4387365, 7312275, 0, 73123, 7239152 });

	/* 8. Tugas belajar (50 % ⚠), kelas 9: 5.532.975 x 50 % =
	 *    2.766.487,5 -> 2.766.488 (half up at .5); disiplin 1.106.595,2
	 *    -> 1.106.595; produktivitas 1.659.893; BPJS 27.664,88 ->
	 *    27.665; netto 2.738.823. */
	p = peg(9, 0);
	p.ket = 1u << KJ_KET_TUGAS_BELAJAR;
	check(r, 11, &p, &a, &k, (struct want){ 2766488, 1106595, 1659893,
	      1106595, 1659893, 2766488, 0, 27665, 2738823 });

	/* 9. Hukdis sedang (PP 94/2021, 25 % cut), kelas 8: 4.447.069 x
	 *    75 % = 3.335.301,75 -> 3.335.302; disiplin 1.334.120,8 ->
	 *    1.334.121; produktivitas 2.001.181; BPJS 33.353,02 -> 33.353;
	 *    netto 3.301.949. */
	p = peg(8, 0);
	p.ket = 1u << KJ_KET_HUKDIS_SEDANG;
	check(r, 11, &p, &a, &k, (struct want){ 3335302, 1334121, 2001181,
	      1334121, 2001181, 3335302, 0, 33353, 3301949 });

	/* 10. No absen row (tanpa_absen: tk): disiplin 100 % cut, kelas 5:
	 *     produktivitas 1.704.937 only; BPJS 17.049,37 -> 17.049;
	 *     netto 1.687.888. */
	p = peg(5, 0);
	a.present = false;
	check(r, 11, &p, &a, &k, (struct want){ 2841561, 1136624, 1704937,
	      0, 1704937, 1704937, 0, 17049, 1687888 });

	/* 11. No kinerja row (tanpa_kinerja 0 %), kelas 5, present: only
	 *     the disiplin part 1.136.624; BPJS 11.366,24 -> 11.366;
	 *     netto 1.125.258. */
	a = hadir();
	k.present = false;
	check(r, 11, &p, &a, &k, (struct want){ 2841561, 1136624, 1704937,
	      1136624, 0, 1136624, 0, 11366, 1125258 });

	/* 12. 20 TK days: 100 %, the cap; 25 would be capped too.  kelas
	 *     5, baik: bruto = produktivitas 1.704.937. */
	k = kin(KJ_PRED_BAIK);
	a.tk = 25;
	check(r, 11, &p, &a, &k, (struct want){ 2841561, 1136624, 1704937,
	      0, 1704937, 1704937, 0, 17049, 1687888 });
	kj_tpp_rules_free(r);
}

/*
 * kota-contoh-2026: beban_kerja paid in full, prestasi_kerja scaled 40/60,
 * kelangkaan_profesi (floor) for the Sekda; TK 3 %, disiplin forfeited at
 * 7 TK days, TPP at 11; December in full; BPJS on the nominal TPP; PPh
 * flat 0/0/5/15 (pppk 5) borne by the APBD (tunjangan = potongan).
 */
static void test_kota_contoh(void **state)
{
	kj_tpp_rules *r = load_example("kota-contoh-2026");
	kj_tpp_pegawai p;
	kj_tpp_absen a;
	kj_tpp_kinerja k = kin(KJ_PRED_KURANG);

	(void)state;
	/* 1. December in full: kelas 9 PNS III/b, gaji 4 jt, 5 TK days,
	 *    predikat kurang, all ignored.  beban 2.100.000 + prestasi
	 *    3.150.000 = 5.250.000; prestasi 40 % = 1.260.000, 60 % =
	 *    1.890.000, paid whole.  BPJS min(9.25 jt, 12 jt) - 4 jt =
	 *    5.250.000 x 1 % = 52.500.  PPh 5 % = 262.500 paid by the
	 *    APBD; netto 5.250.000 - 52.500 = 5.197.500. */
	p = peg(9, 4000000);
	a = hadir();
	a.tk = 5;
	check(r, 12, &p, &a, &k, (struct want){ 5250000, 1260000, 1890000,
	      1260000, 1890000, 5250000, 262500, 52500, 5197500 });
	/* 1b. The same in November: TK 5 x 3 % = 15 % of 1.260.000 =
	 *     189.000 -> 1.071.000; kurang 60 % x 1.890.000 = 1.134.000;
	 *     bruto 2.100.000 + 1.071.000 + 1.134.000 = 4.305.000; PPh 5 %
	 *     215.250; BPJS on the nominal 5.250.000 still 52.500; netto
	 *     4.252.500. */
	check(r, 11, &p, &a, &k, (struct want){ 5250000, 1260000, 1890000,
	      1071000, 1134000, 4305000, 215250, 52500, 4252500 });

	/* 2. 11 TK days: the whole TPP forfeited (beban kerja too); BPJS
	 *    52.500 on the nominal TPP cannot exceed what is paid: 0. */
	a.tk = 11;
	check(r, 11, &p, &a, &k, (struct want){ 5250000, 0, 0, 0, 0, 0, 0,
	      0, 0 });

	/* 3. 7 TK days: the disiplin part forfeited; golongan IV (15 %),
	 *    gaji 5 jt, baik.  bruto 2.100.000 + 0 + 1.890.000 =
	 *    3.990.000; PPh 598.500; BPJS min(10.25 jt, 12 jt) - 5 jt =
	 *    5.250.000 -> 52.500; netto 3.937.500. */
	p = peg(9, 5000000);
	p.golongan = 3;
	a.tk = 7;
	k = kin(KJ_PRED_BAIK);
	check(r, 11, &p, &a, &k, (struct want){ 5250000, 1260000, 1890000,
	      0, 1890000, 3990000, 598500, 52500, 3937500 });

	/* 4. The Sekda (jabatan override of kelangkaan profesi), kelas 15,
	 *    IV/d, gaji 5.746.900, sangat_baik: 7.000.000 + 10.500.000 +
	 *    1.750.000 = 19.250.000; BPJS 12 jt - 5.746.900 = 6.253.100 ->
	 *    62.531; PPh 15 % = 2.887.500; netto 19.187.469. */
	p = peg(15, 5746900);
	p.golongan = 3;
	p.jabatan = "Sekretaris Daerah";
	a = hadir();
	k = kin(KJ_PRED_SANGAT_BAIK);
	check(r, 11, &p, &a, &k, (struct want){ 19250000, 4200000, 6300000,
	      4200000, 6300000, 19250000, 2887500, 62531, 19187469 });

	/* 5. PPPK kelas 8, hukdis sedang (75 %), TL3 x 2 = 2,5 %, baik,
	 *    gaji 3 jt.  beban 1.700.000 x 75 % = 1.275.000; prestasi
	 *    2.550.000 x 75 % = 1.912.500: 765.000 / 1.147.500; potongan
	 *    2,5 % x 765.000 = 19.125; bruto 1.275.000 + 745.875 +
	 *    1.147.500 = 3.168.375; PPh pppk 5 % = 158.418,75 -> 158.419;
	 *    BPJS nominal 3.187.500 -> 31.875; netto 3.136.500. */
	p = peg(8, 3000000);
	p.status = KJ_ST_PPPK;
	p.golongan = 4;
	p.ket = 1u << KJ_KET_HUKDIS_SEDANG;
	a = hadir();
	a.tl[2] = 2;
	k = kin(KJ_PRED_BAIK);
	check(r, 11, &p, &a, &k, (struct want){ 3187500, 765000, 1147500,
	      745875, 1147500, 3168375, 158419, 31875, 3136500 });

	/* 6. Plt one level higher: kelas 12 as Plt kelas 14, 21 days, IV/a,
	 *    gaji 4.213.600: 5.400.000 + 8.100.000 = 13.500.000; PPh 15 %
	 *    2.025.000; BPJS 12 jt - 4.213.600 = 7.786.400 -> 77.864; netto
	 *    13.422.136.  6b: 19 days: own 3.800.000 + 5.700.000 =
	 *    9.500.000 (2.280.000 / 3.420.000); PPh 1.425.000; BPJS the
	 *    same 77.864; netto 9.422.136. */
	p = peg(12, 4213600);
	p.golongan = 3;
	a = hadir();
	p.plt_kelas = 14;
	p.plt_hari = 21;
	check(r, 11, &p, &a, &k, (struct want){ 13500000, 3240000, 4860000,
	      3240000, 4860000, 13500000, 2025000, 77864, 13422136 });
	p.plt_hari = 19;
	check(r, 11, &p, &a, &k, (struct want){ 9500000, 2280000, 3420000,
	      2280000, 3420000, 9500000, 1425000, 77864, 9422136 });

	/* 7. Cuti besar 2 days x 3 % = 6 %, kelas 5 II/c (0 %): prestasi
	 *    1.500.000 -> 600.000 / 900.000; potongan 36.000; bruto
	 *    1.000.000 + 564.000 + 900.000 = 2.464.000; no gaji: BPJS
	 *    nominal 2.500.000 -> 25.000; netto 2.439.000. */
	p = peg(5, 0);
	p.golongan = 1;
	a = hadir();
	a.cuti[KJ_CUTI_BESAR] = 2;
	check(r, 11, &p, &a, &k, (struct want){ 2500000, 600000, 900000,
	      564000, 900000, 2464000, 0, 25000, 2439000 });

	/* 8. CPNS kelas 8 III/a, gaji 2,5 jt, TL at every band once: 0,5 +
	 *    1 + 1,25 + 1,5 = 4,25 %.  beban 1.700.000 x 80 % = 1.360.000;
	 *    prestasi 2.550.000 x 80 % = 2.040.000: 816.000 / 1.224.000;
	 *    potongan 34.680; bruto 1.360.000 + 781.320 + 1.224.000 =
	 *    3.365.320; PPh 5 % 168.266; BPJS nominal 3.400.000 -> 34.000;
	 *    netto 3.331.320. */
	p = peg(8, 2500000);
	p.status = KJ_ST_CPNS;
	a = hadir();
	a.tl[0] = a.tl[1] = a.tl[2] = a.tl[3] = 1;
	check(r, 11, &p, &a, &k, (struct want){ 3400000, 816000, 1224000,
	      781320, 1224000, 3365320, 168266, 34000, 3331320 });

	/* 9. Tugas belajar (0 % here), kelas 11: nothing. */
	p = peg(11, 4000000);
	p.ket = 1u << KJ_KET_TUGAS_BELAJAR;
	a = hadir();
	check(r, 11, &p, &a, &k, (struct want){ 0, 0, 0, 0, 0, 0, 0, 0, 0 });

	/* 10. No SKP, kelas 6 II/d, gaji 3 jt: beban 1.200.000; prestasi
	 *     1.800.000: 720.000 / 1.080.000 paid 0 %; bruto 1.920.000; BPJS
	 *     nominal 3.000.000 -> 30.000; netto 1.890.000. */
	p = peg(6, 3000000);
	p.golongan = 1;
	k.skp = false;
	check(r, 11, &p, &a, &k, (struct want){ 3000000, 720000, 1080000,
	      720000, 0, 1920000, 0, 30000, 1890000 });

	/* 11. BPJS with gaji above the cap (12,5 jt), kelas 13 IV/c:
	 *     4.600.000 + 6.900.000 = 11.500.000 (2.760.000 / 4.140.000);
	 *     PPh 15 % 1.725.000; BPJS 0; netto 11.500.000. */
	k = kin(KJ_PRED_BAIK);
	p = peg(13, 12500000);
	p.golongan = 3;
	check(r, 11, &p, &a, &k, (struct want){ 11500000, 2760000, 4140000,
	      2760000, 4140000, 11500000, 1725000, 0, 11500000 });

	/* 12. BPJS at exactly .5: kelas 1 golongan I, gaji 11.999.950:
	 *     400.000 + 600.000 = 1.000.000; base 12.000.000 - 11.999.950
	 *     = 50; 1 % = 0,5 -> 1 (half up); netto 999.999. */
	p = peg(1, 11999950);
	p.golongan = 0;
	check(r, 11, &p, &a, &k, (struct want){ 1000000, 240000, 360000,
	      240000, 360000, 1000000, 0, 1, 999999 });

	/* 12b. BPJS exactly at the cap: kelas 9 III, baik, all present,
	 *      gaji 6.750.000 + nominal 5.250.000 = 12.000.000: base
	 *      5.250.000 -> 52.500; bruto 5.250.000; PPh 5 % 262.500 (APBD);
	 *      netto 5.197.500. */
	p = peg(9, 6750000);
	check(r, 11, &p, &a, &k, (struct want){ 5250000, 1260000, 1890000,
	      1260000, 1890000, 5250000, 262500, 52500, 5197500 });

	/* 13. Plt of a kelas 9 job by a kelas 9, 20 days: beban 2.100.000 +
	 *     20 % = 2.520.000; prestasi 3.150.000 + 630.000 = 3.780.000:
	 *     1.512.000 / 2.268.000; bruto 6.300.000; PPh 5 % 315.000; no
	 *     gaji: BPJS 63.000; netto 6.237.000. */
	p = peg(9, 0);
	p.plt_kelas = 9;
	p.plt_hari = 20;
	check(r, 11, &p, &a, &k, (struct want){ 6300000, 1512000, 2268000,
	      1512000, 2268000, 6300000, 315000, 63000, 6237000 });
	kj_tpp_rules_free(r);
}

/*
 * balangan-2025: four components all scaled (40/60 each, rounded per
 * component and part), CPNS 80 %, any hukdis 0, December in full, BPJS on
 * the realised TPP, PPh 21 TER borne by the APBD.
 */
static void test_balangan(void **state)
{
	kj_tpp_rules *r = load_example("balangan-2025");
	kj_tpp_pegawai p;
	kj_tpp_absen a = hadir();
	kj_tpp_kinerja k = kin(KJ_PRED_BAIK);

	(void)state;
	/* 1. kelas 9, gaji 4 jt, K/1 (B), baik.  prestasi 3.319.785: 40 %
	 *    1.327.914 / 1.991.871; beban 2.213.190: 885.276 / 1.327.914.
	 *    bruto 5.532.975; TER B 1,5 % of 9.532.975 = 142.994,625 ->
	 *    142.995 (gaji alone 0 %); BPJS 55.329,75 -> 55.330; netto
	 *    5.477.645. */
	p = peg(9, 4000000);
	p.ptkp = 1;
	check(r, 11, &p, &a, &k, (struct want){ 5532975, 2213190, 3319785,
	      2213190, 3319785, 5532975, 142995, 55330, 5477645 });

	/* 2. CPNS nakes (DINKES kondisi 500.000) kelas 9, TK 3, TK/0 (A),
	 *    gaji 3 jt.  x 80 %: prestasi 2.655.828 (1.062.331,2 -> 1.062.331
	 *    / 1.593.497), beban 1.770.552 (708.220,8 -> 708.221 /
	 *    1.062.331), kondisi 400.000 (160.000 / 240.000).  TK 15 %:
	 *    159.349,65 -> 159.350, 106.233,15 -> 106.233, 24.000; disiplin
	 *    902.981 + 601.988 + 136.000 = 1.640.969; produktivitas
	 *    2.895.828; bruto 4.536.797.  TER A of 7.536.797: 1,5 % =
	 *    113.051,955 -> 113.052.  BPJS 45.367,97 -> 45.368; netto
	 *    4.491.429. */
	p = peg(9, 3000000);
	p.status = KJ_ST_CPNS;
	p.opd = "DINKES";
	a.tk = 3;
	check(r, 11, &p, &a, &k, (struct want){ 4826380, 1930552, 2895828,
	      1640969, 2895828, 4536797, 113052, 45368, 4491429 });

	/* 3. hukdis sedang (k100): nothing. */
	p = peg(8, 0);
	p.ket = 1u << KJ_KET_HUKDIS_SEDANG;
	a = hadir();
	check(r, 11, &p, &a, &k, (struct want){ 0, 0, 0, 0, 0, 0, 0, 0, 0 });

	/* 4. December, the Sekda (kelangkaan 1.731.183), TK 5 and kurang
	 *    ignored, gaji 5.746.900, K/2 (B).  prestasi 10.387.096
	 *    (4.154.838,4 -> 4.154.838 / 6.232.258), beban 6.924.731
	 *    (2.769.892,4 -> 2.769.892 / 4.154.839), kelangkaan 1.731.183
	 *    (692.473,2 -> 692.473 / 1.038.710): 19.043.010 paid whole.
	 *    TER B 9 % of 24.789.910 = 2.231.091,9 -> 2.231.092; BPJS 12 jt
	 *    - 5.746.900 -> 62.531; netto 18.980.479. */
	p = peg(15, 5746900);
	p.jabatan = "Sekretaris Daerah";
	p.ptkp = 1;
	a.tk = 5;
	k = kin(KJ_PRED_KURANG);
	check(r, 12, &p, &a, &k, (struct want){ 19043010, 7617203, 11425807,
	      7617203, 11425807, 19043010, 2231092, 62531, 18980479 });
	kj_tpp_rules_free(r);
}

/*
 * brebes-2023: beban kerja 70 % paid in full, prestasi kerja 30 % scaled
 * 40/60; PPh flat by golongan deducted; BPJS on the realised TPP.
 */
static void test_brebes(void **state)
{
	kj_tpp_rules *r = load_example("brebes-2023");
	kj_tpp_pegawai p;
	kj_tpp_absen a = hadir();
	kj_tpp_kinerja k = kin(KJ_PRED_BAIK);

	(void)state;
	/* 1. III/c kelas 9, gaji 4 jt, TL2 x 2 = 2 %, baik.  beban
	 *    3.873.083; prestasi 1.659.893: 663.957,2 -> 663.957 / 995.936;
	 *    potongan 13.279,14 -> 13.279; bruto 3.873.083 + 650.678 +
	 *    995.936 = 5.519.697; PPh 5 % 275.984,85 -> 275.985; BPJS
	 *    55.196,97 -> 55.197; netto 5.188.515. */
	p = peg(9, 4000000);
	a.tl[1] = 2;
	check(r, 11, &p, &a, &k, (struct want){ 5532976, 663957, 995936,
	      650678, 995936, 5519697, 275985, 55197, 5188515 });
	/* 2. IV/a kelas 12, gaji 5 jt, 11 TK days (55 %), sangat_kurang
	 *    40 %.  beban 6.620.653; prestasi 2.837.423: 1.134.969,2 ->
	 *    1.134.969 / 1.702.454; potongan 624.232,95 -> 624.233;
	 *    produktivitas 680.981,6 -> 680.982; bruto 6.620.653 + 510.736
	 *    + 680.982 = 7.812.371; PPh 15 % 1.171.855,65 -> 1.171.856;
	 *    BPJS 12 jt - 5 jt -> 70.000; netto 6.570.515. */
	p = peg(12, 5000000);
	p.golongan = 3;
	a = hadir();
	a.tk = 11;
	k = kin(KJ_PRED_SANGAT_KURANG);
	check(r, 11, &p, &a, &k, (struct want){ 9458076, 1134969, 1702454,
	      510736, 680982, 7812371, 1171856, 70000, 6570515 });
	kj_tpp_rules_free(r);
}

/*
 * kota-pekalongan-2020: beban kerja 40 % in full; prestasi kerja 60 % =
 * e-Presensi 36 (disiplin 60 %) + e-Kinerja 24 (produktivitas 40 %);
 * TK 7 forfeits the disiplin part, 11 the TPP; BPJS on the nominal TPP;
 * PPh flat deducted.
 */
static void test_pekalongan(void **state)
{
	kj_tpp_rules *r = load_example("kota-pekalongan-2020");
	kj_tpp_pegawai p;
	kj_tpp_absen a = hadir();
	kj_tpp_kinerja k = kin(KJ_PRED_BUTUH_PERBAIKAN);

	(void)state;
	/* Pekalongan pays produktivitas at the capaian itself (its
	 * 100 - poin_kinerja cut), capped at 100 %. */
	k.has_capaian = true;
	k.capaian = 80 * KJ_PCT_SCALE;
	/* 1. III/b kelas 7, gaji 3,5 jt, TL1 x 3 (1,5 %) + PSW4 x 1
	 *    (1,5 %) = 3 %, capaian 80: 80 %.  beban 1.568.386;
	 *    prestasi 2.352.578: 60 % 1.411.546,8 -> 1.411.547 / 941.031;
	 *    potongan 42.346,41 -> 42.346; produktivitas 752.824,8 ->
	 *    752.825; bruto 1.568.386 + 1.369.201 + 752.825 = 3.690.412;
	 *    PPh 5 % 184.520,6 -> 184.521; BPJS nominal 3.920.964 ->
	 *    39.209,64 -> 39.210; netto 3.466.681. */
	p = peg(7, 3500000);
	a.tl[0] = 3;
	a.psw[3] = 1;
	check(r, 11, &p, &a, &k, (struct want){ 3920964, 1411547, 941031,
	      1369201, 752825, 3690412, 184521, 39210, 3466681 });
	/* 2. II/d kelas 5, gaji 3 jt, TK 7: disiplin part gone, capaian
	 *    104 -> 100 %.
	 *    beban 1.136.624; prestasi 1.704.937: 1.022.962,2 -> 1.022.962
	 *    / 681.975; bruto 1.818.599; PPh 0; BPJS 2.841.561 ->
	 *    28.415,61 -> 28.416; netto 1.790.183. */
	p = peg(5, 3000000);
	p.golongan = 1;
	a = hadir();
	a.tk = 7;
	k = kin(KJ_PRED_BAIK);
	k.has_capaian = true;
	k.capaian = 104 * KJ_PCT_SCALE;     /* over 100: paid 100 % */
	check(r, 11, &p, &a, &k, (struct want){ 2841561, 1022962, 681975,
	      0, 681975, 1818599, 0, 28416, 1790183 });
	/* 3. TK 11: the whole TPP is 0; BPJS cannot exceed it. */
	a.tk = 11;
	check(r, 11, &p, &a, &k, (struct want){ 2841561, 0, 0, 0, 0, 0, 0,
	      0, 0 });
	/* 4. No e-Kinerja score: the 24 % part cut whole.  bruto
	 *    1.136.624 + 1.022.962 = 2.159.586; BPJS 28.416; netto
	 *    2.131.170. */
	a.tk = 0;
	k.present = false;
	check(r, 11, &p, &a, &k, (struct want){ 2841561, 1022962, 681975,
	      1022962, 0, 2159586, 0, 28416, 2131170 });
	kj_tpp_rules_free(r);
}

/*
 * Proration by tmt / tmt_keluar (November 2026: 30 days, 21 of them
 * Monday-Friday; the 16th is a Monday) and produktivitas by capaian.
 */
static void test_prorata(void **state)
{
	kj_tpp_rules *r = load_example("template-permenpan-63");
	kj_tpp_pegawai p = peg(5, 0);
	kj_tpp_absen a = hadir();
	kj_tpp_kinerja k = kin(KJ_PRED_BAIK);
	kj_date d16, d1, d11, dec1, oct1;
	int on, of;

	(void)state;
	assert_int_equal(kj_date_from_ymd(2026, 11, 16, &d16), 0);
	assert_int_equal(kj_date_from_ymd(2026, 11, 1, &d1), 0);
	assert_int_equal(kj_date_from_ymd(2026, 11, 11, &d11), 0);
	assert_int_equal(kj_date_from_ymd(2026, 12, 1, &dec1), 0);
	assert_int_equal(kj_date_from_ymd(2026, 10, 1, &oct1), 0);
	/* The rule set does not prorate: always the whole month. */
	kj_tpp_prorata(r, 2026, 11, d16, KJ_TPP_NO_DATE, &on, &of);
	assert_int_equal(on + of, 0);
	r->prorata = KJ_PRORATA_KALENDER;
	/* Joins on the 16th: the 16th to the 30th, 15 of 30. */
	kj_tpp_prorata(r, 2026, 11, d16, KJ_TPP_NO_DATE, &on, &of);
	assert_int_equal(on, 15);
	assert_int_equal(of, 30);
	/* Out from the 11th: the 1st to the 10th, 10 of 30. */
	kj_tpp_prorata(r, 2026, 11, oct1, d11, &on, &of);
	assert_int_equal(on, 10);
	assert_int_equal(of, 30);
	/* In service from the 1st, out from December: the whole month. */
	kj_tpp_prorata(r, 2026, 11, d1, dec1, &on, &of);
	assert_int_equal(on + of, 0);
	/* Joins in December: none of November. */
	kj_tpp_prorata(r, 2026, 11, dec1, KJ_TPP_NO_DATE, &on, &of);
	assert_int_equal(on, 0);
	assert_int_equal(of, 30);
	/* Weekdays: the 16th to the 30th hold 11 of the 21; the 1st to
	 * the 10th hold 7 (2-6, 9, 10). */
	r->prorata = KJ_PRORATA_HARI_KERJA;
	kj_tpp_prorata(r, 2026, 11, d16, KJ_TPP_NO_DATE, &on, &of);
	assert_int_equal(on, 11);
	assert_int_equal(of, 21);
	kj_tpp_prorata(r, 2026, 11, oct1, d11, &on, &of);
	assert_int_equal(on, 7);
	assert_int_equal(of, 21);

	/* kelas 5, 11 of 21 weekdays: 2.841.561 x 11/21 = 1.488.436,71 ->
	 * 1.488.437; disiplin 40 % 595.374,8 -> 595.375; produktivitas
	 * 893.062; BPJS 1 % of 1.488.437 = 14.884,37 -> 14.884; netto
	 * 1.473.553. */
	p.hari_aktif = 11;
	p.hari_bulan = 21;
	check(r, 11, &p, &a, &k, (struct want){ 1488437, 595375, 893062,
	      595375, 893062, 1488437, 0, 14884, 1473553 });
	/* Not in service at all: nothing, and no BPJS. */
	p.hari_aktif = 0;
	check(r, 11, &p, &a, &k, (struct want){ 0, 0, 0, 0, 0, 0, 0, 0, 0 });

	/* Capaian without bands: the capaian itself, capped at 100 %.
	 * kelas 5 whole month: produktivitas 1.704.937 x 87,5 % =
	 * 1.491.819,875 -> 1.491.820; bruto 1.136.624 + 1.491.820 =
	 * 2.628.444; BPJS 26.284,44 -> 26.284; netto 2.602.160. */
	p = peg(5, 0);
	r->prod_dasar = KJ_PROD_CAPAIAN;
	k.has_capaian = true;
	k.capaian = 875000;
	check(r, 11, &p, &a, &k, (struct want){ 2841561, 1136624, 1704937,
	      1136624, 1491820, 2628444, 0, 26284, 2602160 });
	/* Bands >= 90 100 %, >= 0 50 %: 87,5 falls in the second:
	 * 1.704.937 x 50 % = 852.468,5 -> 852.469; bruto 1.989.093; BPJS
	 * 19.890,93 -> 19.891; netto 1.969.202.  Exactly 90: 100 %. */
	r->ncapaian = 2;
	r->capaian[0].dari = 90 * KJ_PCT_SCALE;
	r->capaian[0].pct = KJ_PCT_100;
	r->capaian[1].dari = 0;
	r->capaian[1].pct = 50 * KJ_PCT_SCALE;
	check(r, 11, &p, &a, &k, (struct want){ 2841561, 1136624, 1704937,
	      1136624, 852469, 1989093, 0, 19891, 1969202 });
	k.capaian = 90 * KJ_PCT_SCALE;
	check(r, 11, &p, &a, &k, (struct want){ 2841561, 1136624, 1704937,
	      1136624, 1704937, 2841561, 0, 28416, 2813145 });
	kj_tpp_rules_free(r);
}

/* The same worked cases under floor: the .5 goes down. */
static void test_floor(void **state)
{
	kj_tpp_rules *r = load_example("template-permenpan-63");
	kj_tpp_pegawai p;
	kj_tpp_absen a = hadir();
	kj_tpp_kinerja k = kin(KJ_PRED_BUTUH_PERBAIKAN);

	(void)state;
	r->comp[0].round = KJ_ROUND_FLOOR;
	r->bpjs_round = KJ_ROUND_FLOOR;
	/* template case 3 under floor: potongan 331.978,5 -> 331.978;
	 * disiplin 1.881.212; bruto 4.537.040; BPJS 45.370,40 -> 45.370;
	 * netto 4.491.670. */
	p = peg(9, 4000000);
	a.tk = 3;
	check(r, 11, &p, &a, &k, (struct want){ 5532975, 2213190, 3319785,
	      1881212, 2655828, 4537040, 0, 45370, 4491670 });
	/* template case 8 under floor: 2.766.487,5 -> 2.766.487; disiplin
	 * 1.106.594,8 -> 1.106.594; produktivitas 1.659.893; BPJS
	 * 27.664,87 -> 27.664; netto 2.738.823. */
	p = peg(9, 0);
	p.ket = 1u << KJ_KET_TUGAS_BELAJAR;
	a = hadir();
	k = kin(KJ_PRED_BAIK);
	check(r, 11, &p, &a, &k, (struct want){ 2766487, 1106594, 1659893,
	      1106594, 1659893, 2766487, 0, 27664, 2738823 });
	kj_tpp_rules_free(r);
}

/*
 * PPh 21 TER (PP 58/2023, tables of domain/tpp.md §3.2) on the template
 * set: TER(gaji + TPP) x (gaji + TPP) - TER(gaji) x gaji.
 */
static void test_ter(void **state)
{
	kj_tpp_rules *r = load_example("template-permenpan-63");
	kj_tpp_pegawai p;
	kj_tpp_absen a = hadir();
	kj_tpp_kinerja k = kin(KJ_PRED_BAIK);

	(void)state;
	assert_int_equal(kj_tpp_ptkp_category("TK/0", 4), 0);
	assert_int_equal(kj_tpp_ptkp_category("K/0", 3), 0);
	assert_int_equal(kj_tpp_ptkp_category("TK/2", 4), 1);
	assert_int_equal(kj_tpp_ptkp_category("K/2", 3), 1);
	assert_int_equal(kj_tpp_ptkp_category("K/3", 3), 2);
	assert_int_equal(kj_tpp_ptkp_category("K/4", 3), -1);
	/* Band edges are "> lower up to <= upper". */
	assert_int_equal(kj_tpp_ter_rate(0, 5400000), 0);
	assert_int_equal(kj_tpp_ter_rate(0, 5400001), 2500);
	assert_int_equal(kj_tpp_ter_rate(1, 9200000), 10000);
	assert_int_equal(kj_tpp_ter_rate(1, 9200001), 15000);
	assert_int_equal(kj_tpp_ter_rate(2, 2000000000), 340000);

	r->pph = KJ_PPH_TER;
	r->pph_payer = KJ_PPH_APBD;
	/* 1. kelas 9, gaji 4.000.000, K/1 (B), borne by the APBD: bruto
	 *    5.532.975; gaji + TPP 9.532.975 is in B's (9.200.000,
	 *    10.750.000] band: 1,5 % = 142.994,625 -> 142.995; gaji 4 jt
	 *    alone: 0 %.  PPh 142.995, paid back as tunjangan.  BPJS
	 *    5.532.975 x 1 % = 55.329,75 -> 55.330; netto 5.477.645. */
	p = peg(9, 4000000);
	p.ptkp = 1;
	check(r, 11, &p, &a, &k, (struct want){ 5532975, 2213190, 3319785,
	      2213190, 3319785, 5532975, 142995, 55330, 5477645 });

	r->pph_payer = KJ_PPH_PEGAWAI;
	/* 2. kelas 15, gaji 6.000.000, K/3 (C), paid by the employee:
	 *    23.311.827 is in C's (22.700.000, 26.600.000] band: 9 % =
	 *    2.098.064,43 -> 2.098.064; gaji 6 jt: 0 %.  BPJS 60.000 (cap);
	 *    netto 17.311.827 - 2.098.064 - 60.000 = 15.153.763. */
	p = peg(15, 6000000);
	p.ptkp = 2;
	check(r, 11, &p, &a, &k, (struct want){ 17311827, 6924731, 10387096,
	      6924731, 10387096, 17311827, 2098064, 60000, 15153763 });
	/* 3. kelas 12, gaji 7.000.000, TK/0 (A): 16.458.076 in A's
	 *    (15.100.000, 16.950.000] band: 7 % = 1.152.065,32 ->
	 *    1.152.065; gaji 7 jt in (6.750.000, 7.500.000]: 1,25 % =
	 *    87.500; PPh 1.064.565.  BPJS 12 jt - 7 jt = 5 jt -> 50.000;
	 *    netto 9.458.076 - 1.064.565 - 50.000 = 8.343.511. */
	p = peg(12, 7000000);
	p.ptkp = 0;
	check(r, 11, &p, &a, &k, (struct want){ 9458076, 3783230, 5674846,
	      3783230, 5674846, 9458076, 1064565, 50000, 8343511 });

	/* pph21.dasar_bpjs_pemda: the Pemda's BPJS 4 % in the TER base
	 * (gaji + bruto + bpjs_pemda); the TER on gaji alone as before. */
	assert_false(r->pph_bpjs_pemda);        /* the default */
	r->pph_bpjs_pemda = true;
	/* 3b. case 3 again: BPJS base 12 jt - 7 jt = 5.000.000, 4 % =
	 *     200.000.  TER base 16.458.076 + 200.000 = 16.658.076, still
	 *     A's (15.100.000, 16.950.000] 7 % = 1.166.065,32 -> 1.166.065;
	 *     less 87.500 on gaji: PPh 1.078.565 (14.000 more than 3, the
	 *     7 % of 200.000).  netto 9.458.076 - 1.078.565 - 50.000 =
	 *     8.329.511. */
	check(r, 11, &p, &a, &k, (struct want){ 9458076, 3783230, 5674846,
	      3783230, 5674846, 9458076, 1078565, 50000, 8329511 });
	/* 2b. case 2 again (C, gaji 6 jt, kelas 15): BPJS base 12 jt - 6 jt
	 *     = 6.000.000, 4 % = 240.000.  TER base 23.311.827 + 240.000 =
	 *     23.551.827, C (22.700.000, 26.600.000] 9 % = 2.119.664,43 ->
	 *     2.119.664; gaji 0 %.  netto 17.311.827 - 2.119.664 - 60.000
	 *     = 15.132.163. */
	p = peg(15, 6000000);
	p.ptkp = 2;
	check(r, 11, &p, &a, &k, (struct want){ 17311827, 6924731, 10387096,
	      6924731, 10387096, 17311827, 2119664, 60000, 15132163 });
	/* 4. kelas 9, gaji 3.667.025, K/1 (B): bruto 5.532.975 (as case 1),
	 *    gaji + TPP = 9.200.000 exactly, the top of B's 1 % band.
	 *    BPJS base 5.532.975: 1 % = 55.329,75 -> 55.330; 4 % =
	 *    221.318,99 -> 221.319.
	 *    Off: 9.200.000 x 1 % = 92.000; netto 5.532.975 - 92.000 -
	 *    55.330 = 5.385.645.
	 *    On: 9.200.000 + 221.319 = 9.421.319, B (9.200.000, 10.750.000]
	 *    1,5 % = 141.319,785 -> 141.320; gaji 3.667.025 B 0 %.  netto
	 *    5.532.975 - 141.320 - 55.330 = 5.336.325. */
	p = peg(9, 3667025);
	p.ptkp = 1;
	r->pph_bpjs_pemda = false;
	check(r, 11, &p, &a, &k, (struct want){ 5532975, 2213190, 3319785,
	      2213190, 3319785, 5532975, 92000, 55330, 5385645 });
	r->pph_bpjs_pemda = true;
	check(r, 11, &p, &a, &k, (struct want){ 5532975, 2213190, 3319785,
	      2213190, 3319785, 5532975, 141320, 55330, 5336325 });
	{
		/* The worksheet shows the base and names it on the TER
		 * line; with the key off neither appears. */
		kj_tpp_result res;
		kj_err err;
		int seen = 0;

		for (int on = 1; on >= 0; on--) {
			r->pph_bpjs_pemda = on;
			if (kj_tpp_calc(r, 11, &p, &a, &k, KJ_TPP_DETAIL, &res,
			                &err) != 0)
				fail_msg("calc: %s", err.msg);
			for (size_t i = 0; i < res.nlines; i++) {
				const kj_tpp_line *l = &res.lines[i];

				if (strcmp(l->rule, "dasar PPh 21 TER (gaji "
				           "+ TPP + BPJS pemda)") == 0) {
					assert_true(on);
					assert_int_equal(l->rp, 9421319);
					assert_false(l->in_rincian);
					seen |= 1;
				}
				if (strcmp(l->rule, "PPh 21 TER B atas gaji "
				           "+ TPP + BPJS pemda") == 0) {
					assert_true(on);
					assert_int_equal(l->pct, 15000);
					assert_int_equal(l->rp, 141320);
					seen |= 2;
				}
				if (strcmp(l->rule, "PPh 21 TER B atas gaji "
				           "+ TPP") == 0) {
					assert_false(on);
					assert_int_equal(l->pct, 10000);
					assert_int_equal(l->rp, 92000);
					seen |= 4;
				}
			}
		}
		assert_int_equal(seen, 7);
	}
	kj_tpp_rules_free(r);
}

/* A cap under 100 % limits the sum, but not a forfeit. */
static void test_cap(void **state)
{
	kj_tpp_rules *r = load_example("template-permenpan-63");
	kj_tpp_pegawai p = peg(7, 0);
	kj_tpp_absen a = hadir();
	kj_tpp_kinerja k = kin(KJ_PRED_BAIK);

	(void)state;
	r->cap = 50 * KJ_PCT_SCALE;
	a.tk = 11;
	/* 55 % capped at 50 %: kelas 7 disiplin 1.568.386 x 50 % =
	 * 784.193 cut; bruto 784.193 + 2.352.578 = 3.136.771; BPJS
	 * 31.367,71 -> 31.368; netto 3.105.403. */
	check(r, 11, &p, &a, &k, (struct want){ 3920964, 1568386, 2352578,
	      784193, 2352578, 3136771, 0, 31368, 3105403 });
	/* With the disiplin part forfeited from 11 TK days: all of it
	 * goes; bruto 2.352.578; BPJS 23.525,78 -> 23.526; netto
	 * 2.329.052. */
	r->tk_gugur_disiplin = 11;
	check(r, 11, &p, &a, &k, (struct want){ 3920964, 1568386, 2352578,
	      0, 2352578, 2352578, 0, 23526, 2329052 });
	kj_tpp_rules_free(r);
}

static void test_rincian(void **state)
{
	kj_tpp_rules *r = load_example("template-permenpan-63");
	kj_tpp_pegawai p = peg(9, 0);
	kj_tpp_absen a = hadir();
	kj_tpp_kinerja k = kin(KJ_PRED_BAIK);
	kj_tpp_result res;
	kj_err err;
	char buf[512];

	(void)state;
	a.tl[1] = 3;
	a.tk = 1;
	assert_int_equal(kj_tpp_calc(r, 11, &p, &a, &k, 0, &res, &err), 0);
	kj_tpp_rincian(&res, buf, sizeof buf);
	assert_string_equal(buf, "TL2\xc3\x97" "3=3%; TK\xc3\x97" "1=5%; "
	                    "predikat baik=100%");
	kj_tpp_rules_free(r);
}

/*
 * The rule-set extensions under the shipped sets (kinerja-formats(5)).
 * balangan-2025: faktor.cuti_panjang (k40 months 1-6, k20 7-12, k100
 * from 13), produktivitas.kurang_hadir {hari 7, porsi 40}, syarat skp 0
 * and lhkpn 0 from April.
 */
static void test_balangan_ext(void **state)
{
	kj_tpp_rules *r = load_example("balangan-2025");
	kj_tpp_pegawai p;
	kj_tpp_absen a = hadir();
	kj_tpp_kinerja k = kin(KJ_PRED_BAIK);

	(void)state;
	/* 1. cuti sakit, 3rd month: 40 % of the pagu, not scored (the 5 TK
	 *    days count for nothing).  kelas 9, gaji 4 jt, K/1 (B):
	 *    prestasi 3.319.785 x 40 % = 1.327.914; beban 2.213.190 x 40 %
	 *    = 885.276; bruto 2.213.190.  TER B of 6.213.190 (6.200.000,
	 *    6.500.000]: 0,25 % = 15.532,975 -> 15.533, gaji alone 0 %.
	 *    BPJS 22.131,9 -> 22.132; netto 2.213.190 + 15.533 - 15.533 -
	 *    22.132 = 2.191.058. */
	p = peg(9, 4000000);
	p.ptkp = 1;
	p.cuti_panjang = 1 + KJ_CUTI_SAKIT;
	p.cuti_bulan = 3;
	a.tk = 5;
	check(r, 11, &p, &a, &k, (struct want){ 2213190, 0, 0, 0, 0, 2213190,
	      15533, 22132, 2191058 });
	/* 1b. 7th month: 20 %: 663.957 + 442.638 = 1.106.595; TER B of
	 *     5.106.595: 0 %; BPJS 11.065,95 -> 11.066; netto 1.095.529. */
	p.cuti_bulan = 7;
	check(r, 11, &p, &a, &k, (struct want){ 1106595, 0, 0, 0, 0, 1106595,
	      0, 11066, 1095529 });
	/* 1c. 13th month: k100, nothing. */
	p.cuti_bulan = 13;
	check(r, 11, &p, &a, &k, (struct want){ 0, 0, 0, 0, 0, 0, 0, 0, 0 });
	/* 1d. cuti besar, 8th month: still 40 % (one band). */
	p.cuti_panjang = 1 + KJ_CUTI_BESAR;
	p.cuti_bulan = 8;
	check(r, 11, &p, &a, &k, (struct want){ 2213190, 0, 0, 0, 0, 2213190,
	      15533, 22132, 2191058 });

	/* 2. mkd7h: 6 days at work < 7, kelas 5, baik, no gaji (TER A 0 %).
	 *    prestasi 1.704.937: disiplin 681.974,8 -> 681.975, produktivitas
	 *    1.022.962 x 40/60 = 681.974,67 -> 681.975; beban 1.136.624:
	 *    454.649,6 -> 454.650, 681.974 x 40/60 = 454.649,33 -> 454.649.
	 *    bruto 681.975 + 454.650 + 681.975 + 454.649 = 2.273.249; BPJS
	 *    22.732,49 -> 22.732; netto 2.250.517.  Produktivitas paid
	 *    66,6667 %: potongan 33,3333 %. */
	p = peg(5, 0);
	a = hadir();
	a.has_masuk = true;
	a.masuk = 6;
	check(r, 11, &p, &a, &k, (struct want){ 2841561, 1136625, 1704936,
	      1136625, 1136624, 2273249, 0, 22732, 2250517 });
	{
		kj_tpp_result res;
		kj_err err;

		assert_int_equal(kj_tpp_calc(r, 11, &p, &a, &k, 0, &res, &err),
		                 0);
		assert_int_equal(res.potongan_produktivitas_pct, 333333);
	}
	/* 2b. exactly 7 days: the whole 60 %: bruto 2.841.561; BPJS
	 *     28.415,61 -> 28.416; netto 2.813.145.  2c: no hadir column
	 *     (has_masuk false) with masuk 0: the same. */
	a.masuk = 7;
	check(r, 11, &p, &a, &k, (struct want){ 2841561, 1136625, 1704936,
	      1136625, 1704936, 2841561, 0, 28416, 2813145 });
	a.masuk = 0;
	a.has_masuk = false;
	check(r, 11, &p, &a, &k, (struct want){ 2841561, 1136625, 1704936,
	      1136625, 1704936, 2841561, 0, 28416, 2813145 });
	/* 2d. December in full: no mkd7h either (6 days): 2.841.561. */
	a.has_masuk = true;
	a.masuk = 6;
	check(r, 12, &p, &a, &k, (struct want){ 2841561, 1136625, 1704936,
	      1136625, 1704936, 2841561, 0, 28416, 2813145 });

	/* 3. LHKPN not reported: in March nothing happens (from April);
	 *    in April and in December the TPP is 0. */
	a = hadir();
	p.lhkpn = 2;
	check(r, 3, &p, &a, &k, (struct want){ 2841561, 1136625, 1704936,
	      1136625, 1704936, 2841561, 0, 28416, 2813145 });
	check(r, 4, &p, &a, &k, (struct want){ 0, 0, 0, 0, 0, 0, 0, 0, 0 });
	check(r, 12, &p, &a, &k, (struct want){ 0, 0, 0, 0, 0, 0, 0, 0, 0 });
	/* 3b. reported (ya) or not wajib (0): paid. */
	p.lhkpn = 1;
	check(r, 4, &p, &a, &k, (struct want){ 2841561, 1136625, 1704936,
	      1136625, 1704936, 2841561, 0, 28416, 2813145 });
	/* 4. syarat skp: SKP reported but lapor tidak: 0. */
	k.lapor = false;
	check(r, 11, &p, &a, &k, (struct want){ 0, 0, 0, 0, 0, 0, 0, 0, 0 });
	kj_tpp_rules_free(r);
}

/*
 * brebes-2023: produktivitas.sakip 10 % (the OPD's sakip_pct),
 * potongan_rp cuti_rp, hukdis_rp, tgr_rp off the TPP before tax, syarat
 * lhkpn and aset 0 ⚠.
 */
static void test_brebes_ext(void **state)
{
	kj_tpp_rules *r = load_example("brebes-2023");
	kj_tpp_pegawai p = peg(12, 5000000);
	kj_tpp_absen a = hadir();
	kj_tpp_kinerja k = kin(KJ_PRED_BAIK);

	(void)state;
	/* 1. IV/b kelas 12, gaji 5 jt, SAKIP 72,5, baik.  beban 6.620.653;
	 *    prestasi 2.837.423: disiplin 1.134.969,2 -> 1.134.969,
	 *    produktivitas 1.702.454: kinerja 90 % = 1.532.208,6 ->
	 *    1.532.209 paid 100 %; SAKIP 170.245 x 72,5 % = 123.427,625 ->
	 *    123.428; produktivitas 1.655.637.  bruto 6.620.653 + 1.134.969
	 *    + 1.655.637 = 9.411.259; PPh 15 % 1.411.688,85 -> 1.411.689;
	 *    BPJS 12 jt - 5 jt -> 70.000; netto 7.929.570. */
	p.golongan = 3;
	p.has_sakip = true;
	p.sakip = 725000;
	check(r, 11, &p, &a, &k, (struct want){ 9458076, 1134969, 1702454,
	      1134969, 1655637, 9411259, 1411689, 70000, 7929570 });
	{
		kj_tpp_result res;
		kj_err err;

		/* paid 90 % x 100 + 10 % x 72,5 = 97,25 %: potongan 2,75 %. */
		assert_int_equal(kj_tpp_calc(r, 11, &p, &a, &k, 0, &res, &err),
		                 0);
		assert_int_equal(res.potongan_produktivitas_pct, 27500);
	}
	/* 2. hukdis_rp 500.000 and tgr_rp 250.000: bruto 9.411.259 -
	 *    750.000 = 8.661.259; PPh 15 % 1.299.188,85 -> 1.299.189; BPJS
	 *    (realised) min(13.661.259, 12 jt) - 5 jt -> 70.000; netto
	 *    8.661.259 - 1.299.189 - 70.000 = 7.292.070. */
	p.potongan_rp[KJ_RP_HUKDIS] = 500000;
	p.potongan_rp[KJ_RP_TGR] = 250000;
	check(r, 11, &p, &a, &k, (struct want){ 9458076, 1134969, 1702454,
	      1134969, 1655637, 8661259, 1299189, 70000, 7292070 });
	/* 3. tgr_rp 10.000.000 is more than the 8.911.259 left after the
	 *    hukdis: it takes only that; bruto 0, nothing else. */
	p.potongan_rp[KJ_RP_TGR] = 10000000;
	check(r, 11, &p, &a, &k, (struct want){ 9458076, 1134969, 1702454,
	      1134969, 1655637, 0, 0, 0, 0 });
	/* 4. aset tidak (syarat aset 0 % ⚠): nothing. */
	memset(p.potongan_rp, 0, sizeof p.potongan_rp);
	p.aset = 2;
	check(r, 11, &p, &a, &k, (struct want){ 0, 0, 0, 0, 0, 0, 0, 0, 0 });
	/* 5. BPJS exactly at the cap: no SAKIP, gaji 2.541.924 + the
	 *    kelas 12 TPP 9.458.076 = 12.000.000.  prestasi: produktivitas
	 *    1.702.454 paid whole; bruto 9.458.076; PPh 15 % 1.418.711,4 ->
	 *    1.418.711; BPJS 94.580,76 -> 94.581; netto 7.944.784. */
	p = peg(12, 2541924);
	p.golongan = 3;
	check(r, 11, &p, &a, &k, (struct want){ 9458076, 1134969, 1702454,
	      1134969, 1702454, 9458076, 1418711, 94581, 7944784 });
	kj_tpp_rules_free(r);
}

/*
 * kota-pekalongan-2020: the ⚠ escalation row of TL1 (from the 4th,
 * 1 % each), apel 2 % a day ⚠, kode_status 29 at 50 %.
 */
static void test_pekalongan_ext(void **state)
{
	kj_tpp_rules *r = load_example("kota-pekalongan-2020");
	kj_tpp_pegawai p = peg(7, 3500000);
	kj_tpp_absen a = hadir();
	kj_tpp_kinerja k = kin(KJ_PRED_BAIK);

	(void)state;
	k.has_capaian = true;
	k.capaian = KJ_PCT_100;
	/* 1. TL1 x 3: 0,5 % each, 1,5 %.  kelas 7 III/b: beban 1.568.386;
	 *    prestasi 2.352.578: 60 % 1.411.546,8 -> 1.411.547 / 941.031;
	 *    cut 21.173,205 -> 21.173; bruto 1.568.386 + 1.390.374 +
	 *    941.031 = 3.899.791; PPh 5 % 194.989,55 -> 194.990; BPJS
	 *    nominal 3.920.964 -> 39.210; netto 3.665.591. */
	a.tl[0] = 3;
	check(r, 11, &p, &a, &k, (struct want){ 3920964, 1411547, 941031,
	      1390374, 941031, 3899791, 194990, 39210, 3665591 });
	/* 2. TL1 x 4: the escalation row, 1 % each, 4 %: cut 56.461,88 ->
	 *    56.462; bruto 3.864.502; PPh 193.225,1 -> 193.225; netto
	 *    3.864.502 - 193.225 - 39.210 = 3.632.067. */
	a.tl[0] = 4;
	check(r, 11, &p, &a, &k, (struct want){ 3920964, 1411547, 941031,
	      1355085, 941031, 3864502, 193225, 39210, 3632067 });
	/* 3. TL1 x 3 and 2 days without apel: 1,5 + 4 = 5,5 %: cut
	 *    77.635,085 -> 77.635; bruto 1.568.386 + 1.333.912 + 941.031 =
	 *    3.843.329; PPh 192.166,45 -> 192.166; gaji 9 jt: BPJS 12 jt -
	 *    9 jt = 3.000.000 -> 30.000 (above the cap); netto 3.621.163. */
	p = peg(7, 9000000);
	a.tl[0] = 3;
	a.tidak_apel = 2;
	check(r, 11, &p, &a, &k, (struct want){ 3920964, 1411547, 941031,
	      1333912, 941031, 3843329, 192166, 30000, 3621163 });
	/* 4. kode_status 29 (50 %), the same absen, gaji 3,5 jt: beban
	 *    784.193; prestasi 1.176.289: 705.773,4 -> 705.773 / 470.516;
	 *    cut 5,5 % 38.817,515 -> 38.818; bruto 784.193 + 666.955 +
	 *    470.516 = 1.921.664; PPh 96.083,2 -> 96.083; BPJS nominal
	 *    1.960.482 -> 19.604,82 -> 19.605; netto 1.805.976.  A code
	 *    the rule set does not name ("03") pays 100 %. */
	p = peg(7, 3500000);
	p.kode_status = "29";
	check(r, 11, &p, &a, &k, (struct want){ 1960482, 705773, 470516,
	      666955, 470516, 1921664, 96083, 19605, 1805976 });
	/* 3b. BPJS exactly at the cap: TL1 x 3 as case 1, gaji 8.079.036 +
	 *     the nominal 3.920.964 = 12.000.000: base 3.920.964 -> 39.210,
	 *     the same as under the cap; bruto 3.899.791, PPh 194.990, netto
	 *     3.665.591. */
	p = peg(7, 8079036);
	a.tidak_apel = 0;
	check(r, 11, &p, &a, &k, (struct want){ 3920964, 1411547, 941031,
	      1390374, 941031, 3899791, 194990, 39210, 3665591 });
	a.tidak_apel = 2;
	/* 4b. kode "03": 100 %: bruto 3.843.329 (case 3); PPh 192.166;
	 *     BPJS nominal 39.210; netto 3.611.953. */
	p.kode_status = "03";
	check(r, 11, &p, &a, &k, (struct want){ 3920964, 1411547, 941031,
	      1333912, 941031, 3843329, 192166, 39210, 3611953 });
	kj_tpp_rules_free(r);
}

/* A small valid rule set; the bad ones below change one thing. */
static const char good[] =
	"perkada: Uji\n"
	"berlaku: 2026-01\n"
	"komponen:\n"
	"  - nama: tpp\n"
	"    kelas: {1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9,\n"
	"            10: 10, 11: 11, 12: 12, 13: 13, 14: 14, 15: 15, 16: 16,\n"
	"            17: 17}\n"
	"disiplin:\n"
	"  tl: [{dari: 1, sampai: 30, pct: 0.5}, {dari: 31, sampai: 60, pct: 1},\n"
	"       {dari: 61, sampai: 90, pct: 1.25}, {dari: 91, pct: 1.5}]\n"
	"  psw: [{dari: 1, sampai: 30, pct: 0.5}, {dari: 31, sampai: 60, pct: 1},\n"
	"       {dari: 61, sampai: 90, pct: 1.25}, {dari: 91, pct: 1.5}]\n"
	"  tk: 5\n";

/* A bpjs mapping to put before a pph21 one in the cases below. */
#define BPJS_LINE "bpjs: {pemberi_kerja: 4, pegawai: 1, batas: 12000000, " \
	"dasar: realisasi, pembulatan: half_up}\n"

static void bad(const char *from, const char *to, long line, long col,
                const char *msg)
{
	char text[4096];
	const char *at = strstr(good, from);
	kj_err err;
	kj_tpp_rules *r;

	assert_non_null(at);
	snprintf(text, sizeof text, "%.*s%s%s", (int)(at - good), good, to,
	         at + strlen(from));
	memset(&err, 0, sizeof err);
	r = kj_tpp_rules_load_mem("r.yaml", text, &err);
	if (r) {
		kj_tpp_rules_free(r);
		fail_msg("accepted: %s -> %s", from, to);
	}
	if (!strstr(err.msg, msg) || err.line != line || err.col != col)
		fail_msg("%s -> %s: got %ld:%ld: %s; want %ld:%ld: %s", from,
		         to, err.line, err.col, err.msg, line, col, msg);
	assert_int_equal(err.status, 2);
}

static void test_rules_errors(void **state)
{
	kj_err err;
	kj_tpp_rules *r = kj_tpp_rules_load_mem("r.yaml", good, &err);

	(void)state;
	if (!r)
		fail_msg("%ld:%ld: %s", err.line, err.col, err.msg);
	/* defaults */
	assert_int_equal(r->porsi_disiplin, 400000);
	assert_int_equal(r->status[KJ_ST_CPNS], 800000);
	assert_int_equal(r->predikat[KJ_PRED_BUTUH_PERBAIKAN], 800000);
	assert_int_equal(r->cap, 1000000);
	kj_tpp_rules_free(r);

	bad("perkada: Uji\n", "perkada: Uji\nperkadaa: x\n", 2, 1,
	    "unknown key 'perkadaa'");
	bad("perkada: Uji\n", "", 1, 1, "missing required key 'perkada'");
	bad("  tk: 5\n", "  tk: 5\nporsi: {disiplin: 40, produktivitas: 50}\n",
	    14, 8, "must add up to 100");
	bad(" 17: 17}", " 18: 17}", 7, 13, "between 1 and 17");
	bad(", 16: 16,\n", ",\n", 5, 12, "kelas 16 missing");
	bad("{dari: 31, sampai: 60, pct: 1}", "{dari: 30, sampai: 60, pct: 1}",
	    9, 48, "tl2 overlaps tl1");
	bad("{dari: 31, sampai: 60, pct: 1}", "{dari: 32, sampai: 60, pct: 1}",
	    9, 48, "gap between tl1 and tl2");
	bad("  tk: 5\n", "  tk: 100.5\n", 13, 7, "between 0 and 100");
	bad("berlaku: 2026-01", "berlaku: 2026", 2, 10, "expected a month");
	bad("  - nama: tpp\n", "  - nama: tunjangan\n", 4, 11,
	    "unknown word 'tunjangan'");

	/* The extension keys. */
	bad("  tk: 5\n", "  tk: 5\n  apel: 101\n", 14, 9,
	    "between 0 and 100");
	bad("{dari: 1, sampai: 30, pct: 0.5}, {dari: 31",
	    "{dari: 1, sampai: 30, pct: 0.5, eskalasi: [{kali: 5, pct: 1}, "
	    "{kali: 3, pct: 2}]}, {dari: 31", 9, 77,
	    "escalation rows must go up");
	bad("{dari: 1, sampai: 30, pct: 0.5}, {dari: 31",
	    "{dari: 1, sampai: 30, pct: 0.5, eskalasi: [{kali: 1, pct: 1}]}, "
	    "{dari: 31", 9, 58, "between 2 and 31");
	bad("  tk: 5\n", "  tk: 5\nproduktivitas:\n"
	    "  kurang_hadir: {hari: 7, porsi: 70}\n", 15, 34,
	    "porsi is more than porsi produktivitas 60 %");
	bad("  tk: 5\n", "  tk: 5\nproduktivitas:\n  kurang_hadir: {hari: 7}\n",
	    15, 17, "missing required key 'porsi'");
	bad("  tk: 5\n", "  tk: 5\nfaktor:\n  cuti_panjang:\n"
	    "    cuti_sakit: [{bulan: 2, pct: 40}]\n", 16, 26,
	    "must start at bulan 1");
	bad("  tk: 5\n", "  tk: 5\nfaktor:\n  cuti_panjang:\n"
	    "    cuti_sakit: [{bulan: 1, pct: 40}, {bulan: 1, pct: 20}]\n",
	    16, 47, "month bands must go up");
	bad("  tk: 5\n", "  tk: 5\nfaktor:\n  cuti_panjang:\n"
	    "    cuti_lama: [{bulan: 1, pct: 40}]\n", 16, 5,
	    "unknown key 'cuti_lama'");
	bad("  tk: 5\n", "  tk: 5\nfaktor:\n  kode_status: {\"29\": 150}\n",
	    15, 23, "between 0 and 100");
	bad("  tk: 5\n", "  tk: 5\nsyarat: {lhkpn: 0, lhkpm: 0}\n", 14, 20,
	    "unknown key 'lhkpm'");
	bad("  tk: 5\n", "  tk: 5\nsyarat: {lhkpn_dari_bulan: 4}\n", 14, 28,
	    "lhkpn_dari_bulan without lhkpn");
	bad("  tk: 5\n", "  tk: 5\nsyarat: {lhkpn: 0, lhkpn_dari_bulan: 13}\n",
	    14, 38, "between 1 and 12");
	bad("  tk: 5\n", "  tk: 5\npotongan_rp: [tgr_rp, zakat_rp]\n", 14, 23,
	    "unknown word 'zakat_rp'");
	bad("  tk: 5\n", "  tk: 5\npotongan_rp: [tgr_rp, tgr_rp]\n", 14, 23,
	    "'tgr_rp' given twice");

	/* pph21.dasar_bpjs_pemda: a yes/no key, only with model ter and
	 * a bpjs mapping.  Columns: "pph21: {" is 8 wide, "model: ter, "
	 * 12 and "dasar_bpjs_pemda: " 18, so the value is at 39 (40 after
	 * "model: none, " or "model: flat, "). */
	bad("  tk: 5\n", "  tk: 5\n" BPJS_LINE
	    "pph21: {model: ter, dasar_bpjs_pemda: ya}\n", 15, 39,
	    "expected true, false, yes or no, found 'ya'");
	bad("  tk: 5\n", "  tk: 5\n" BPJS_LINE
	    "pph21: {model: none, dasar_bpjs_pemda: false}\n", 15, 40,
	    "'dasar_bpjs_pemda' is only for model ter");
	bad("  tk: 5\n", "  tk: 5\npph21: {model: ter, dasar_bpjs_pemda: "
	    "true}\n", 14, 39, "'dasar_bpjs_pemda' needs a bpjs mapping");
	bad("  tk: 5\n", "  tk: 5\npph21: {model: ter, dasar_bpjs_pemdaa: "
	    "true}\n", 14, 21, "unknown key 'dasar_bpjs_pemdaa'");
	{
		static const char *const val[] = { "true", "yes", "false",
		                                   "no", NULL };
		char text[4096];

		for (int i = 0; val[i]; i++) {
			snprintf(text, sizeof text, "%s" BPJS_LINE
			         "pph21: {model: ter, dasar_bpjs_pemda: %s}\n",
			         good, val[i]);
			r = kj_tpp_rules_load_mem("r.yaml", text, &err);
			if (!r)
				fail_msg("%s: %ld:%ld: %s", val[i], err.line,
				         err.col, err.msg);
			assert_int_equal(r->pph, KJ_PPH_TER);
			assert_int_equal(r->pph_bpjs_pemda, i < 2);
			kj_tpp_rules_free(r);
		}
		/* Absent: false (Balangan's base). */
		snprintf(text, sizeof text, "%s" BPJS_LINE
		         "pph21: {model: ter}\n", good);
		r = kj_tpp_rules_load_mem("r.yaml", text, &err);
		if (!r)
			fail_msg("%ld:%ld: %s", err.line, err.col, err.msg);
		assert_false(r->pph_bpjs_pemda);
		kj_tpp_rules_free(r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_template),
		cmocka_unit_test(test_kota_contoh),
		cmocka_unit_test(test_balangan),
		cmocka_unit_test(test_brebes),
		cmocka_unit_test(test_pekalongan),
		cmocka_unit_test(test_prorata),
		cmocka_unit_test(test_floor),
		cmocka_unit_test(test_ter),
		cmocka_unit_test(test_cap),
		cmocka_unit_test(test_rincian),
		cmocka_unit_test(test_rules_errors),
		cmocka_unit_test(test_balangan_ext),
		cmocka_unit_test(test_brebes_ext),
		cmocka_unit_test(test_pekalongan_ext),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
