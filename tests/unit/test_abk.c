/*
 * Unit tests of lib/abk.c: the arithmetic of ABK, EJ/PJ and evaluasi
 * jabatan at every edge the issue names, and the rule catalogue on
 * documents loaded from memory.  Every expected value is worked out by
 * hand next to it (WKE 1,250 hours; beban in millionths of an hour).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "abk.h"
#include "anjab.h"

/* c hundredths of an hour, in millionths: H(61250) is 612.5 hours */
#define H(c) ((int64_t)(c) * 10000)

static void test_kebutuhan_edges(void **state)
{
	(void)state;
	/* 612.5 h / 1250 = 0.49: prints 0.49, rounds to 0 (ceil 1) */
	assert_int_equal(kj_abk_hitung(H(61250), 1250), 49);
	assert_int_equal(kj_abk_kebutuhan(H(61250), 1250, KJ_BULAT_HALF_UP), 0);
	assert_int_equal(kj_abk_kebutuhan(H(61250), 1250, KJ_BULAT_CEIL), 1);
	assert_int_equal(kj_abk_kebutuhan(H(61250), 1250, KJ_BULAT_FLOOR), 0);
	/* 625 h = 0.50 exactly: half up gives 1, floor 0 */
	assert_int_equal(kj_abk_hitung(H(62500), 1250), 50);
	assert_int_equal(kj_abk_kebutuhan(H(62500), 1250, KJ_BULAT_HALF_UP), 1);
	assert_int_equal(kj_abk_kebutuhan(H(62500), 1250, KJ_BULAT_CEIL), 1);
	assert_int_equal(kj_abk_kebutuhan(H(62500), 1250, KJ_BULAT_FLOOR), 0);
	/* 1875 h = 1.50: 2, 2, 1 */
	assert_int_equal(kj_abk_hitung(H(187500), 1250), 150);
	assert_int_equal(kj_abk_kebutuhan(H(187500), 1250, KJ_BULAT_HALF_UP), 2);
	assert_int_equal(kj_abk_kebutuhan(H(187500), 1250, KJ_BULAT_CEIL), 2);
	assert_int_equal(kj_abk_kebutuhan(H(187500), 1250, KJ_BULAT_FLOOR), 1);
	/* 3123.75 h = 2.499: shown as 2.50, but the exact value rounds
	 * half up to 2 (it is below 2.5); ceil 3, floor 2 */
	assert_int_equal(kj_abk_hitung(H(312375), 1250), 250);
	assert_int_equal(kj_abk_kebutuhan(H(312375), 1250, KJ_BULAT_HALF_UP),
	                 2);
	assert_int_equal(kj_abk_kebutuhan(H(312375), 1250, KJ_BULAT_CEIL), 3);
	assert_int_equal(kj_abk_kebutuhan(H(312375), 1250, KJ_BULAT_FLOOR),
	                 2);
	/* another WKE: 1200 h / 1200 = 1.00 */
	assert_int_equal(kj_abk_hitung(H(120000), 1200), 100);
	/* 0 h: 0 */
	assert_int_equal(kj_abk_kebutuhan(0, 1250, KJ_BULAT_CEIL), 0);
}

static void test_ej_bands(void **state)
{
	(void)state;
	/* 1118.75 h / (1 x 1250) = 0.895 -> 0.90 -> B */
	assert_int_equal(kj_abk_ej(H(111875), 1, 1250), 90);
	assert_int_equal(kj_abk_pj(90), 'B');
	/* 1118.625 h / 1250 = 0.8949 -> 0.89 -> C */
	assert_int_equal(kj_abk_ej(1118625000, 1, 1250), 89);
	assert_int_equal(kj_abk_pj(89), 'C');
	/* 868.75 h / 1250 = 0.695 -> 0.70 -> C */
	assert_int_equal(kj_abk_ej(H(86875), 1, 1250), 70);
	assert_int_equal(kj_abk_pj(70), 'C');
	/* 2 x 1250 = 2500; 1725 h / 2500 = 0.69 -> D */
	assert_int_equal(kj_abk_ej(H(172500), 2, 1250), 69);
	assert_int_equal(kj_abk_pj(69), 'D');
	/* 1.00 is B, 1.005 rounds to 1.01: A */
	assert_int_equal(kj_abk_ej(H(125000), 1, 1250), 100);
	assert_int_equal(kj_abk_pj(100), 'B');
	assert_int_equal(kj_abk_ej(H(125625), 1, 1250), 101);
	assert_int_equal(kj_abk_pj(101), 'A');
	/* 0.50 D, 0.49 E */
	assert_int_equal(kj_abk_pj(50), 'D');
	assert_int_equal(kj_abk_pj(49), 'E');
	/* bezetting 0: N/A */
	assert_int_equal(kj_abk_ej(H(10000), 0, 1250), -1);
	assert_int_equal(kj_abk_pj(-1), 0);
}

static void test_evjab_kelas(void **state)
{
	(void)state;
	/* every boundary of the §3.3 table */
	static const int64_t bounds[][3] = {
		{ 190, 240, 1 }, { 245, 300, 2 }, { 305, 370, 3 },
		{ 375, 450, 4 }, { 455, 650, 5 }, { 655, 850, 6 },
		{ 855, 1100, 7 }, { 1105, 1350, 8 }, { 1355, 1600, 9 },
		{ 1605, 1850, 10 }, { 1855, 2100, 11 }, { 2105, 2350, 12 },
		{ 2355, 2750, 13 }, { 2755, 3150, 14 }, { 3155, 3600, 15 },
		{ 3605, 4050, 16 }, { 4055, 4730, 17 },
	};

	for (size_t i = 0; i < sizeof bounds / sizeof bounds[0]; i++) {
		assert_int_equal(kj_evjab_kelas(bounds[i][0]), bounds[i][2]);
		assert_int_equal(kj_evjab_kelas(bounds[i][1]), bounds[i][2]);
	}
	/* invalid totals: below 190, not a multiple of 5 */
	assert_int_equal(kj_evjab_kelas(185), -1);
	assert_int_equal(kj_evjab_kelas(0), -1);
	assert_int_equal(kj_evjab_kelas(-5), -1);
	assert_int_equal(kj_evjab_kelas(242), -1);
	assert_int_equal(kj_evjab_kelas(4051), -1);
}

static void test_evjab_points(void **state)
{
	int64_t lo = 0, hi = 0;

	(void)state;
	/* struktural: all level 1 = 175+100+450+25+30+75+310 = 1165 (kelas
	 * 8); all top = 900+350+900+100+125+1030+1325 = 4730 (kelas 17) */
	assert_int_equal(kj_evjab_nfactors(true), 7);
	for (int i = 0; i < 7; i++) {
		lo += kj_evjab_points(true, i, 1);
		hi += kj_evjab_points(true, i, kj_evjab_nlevels(true, i));
	}
	assert_int_equal(lo, 1165);
	assert_int_equal(hi, 4730);
	assert_int_equal(kj_evjab_kelas(lo), 8);
	assert_int_equal(kj_evjab_kelas(hi), 17);
	/* fungsional: 50+25+25+25+25+10+20+5+5 = 190 (kelas 1);
	 * 1850+650+650+450+450+110+220+50+50 = 4480 (kelas 17) */
	lo = hi = 0;
	assert_int_equal(kj_evjab_nfactors(false), 9);
	for (int i = 0; i < 9; i++) {
		lo += kj_evjab_points(false, i, 1);
		hi += kj_evjab_points(false, i, kj_evjab_nlevels(false, i));
	}
	assert_int_equal(lo, 190);
	assert_int_equal(hi, 4480);
	/* out of range levels */
	assert_int_equal(kj_evjab_points(true, 0, 0), -1);
	assert_int_equal(kj_evjab_points(true, 0, 6), -1);
	assert_int_equal(kj_evjab_points(false, 0, 9), 1850);
	assert_int_equal(kj_evjab_points(false, 0, 10), -1);
	assert_string_equal(kj_evjab_factor(true, 3), "f4a");
	assert_string_equal(kj_evjab_factor(false, 3), "f4");
}

static void test_div(void **state)
{
	(void)state;
	assert_int_equal(kj_abk_div(5, 2, KJ_BULAT_HALF_UP), 3);
	assert_int_equal(kj_abk_div(5, 2, KJ_BULAT_FLOOR), 2);
	assert_int_equal(kj_abk_div(4, 2, KJ_BULAT_CEIL), 2);
	assert_int_equal(kj_abk_div(7, 3, KJ_BULAT_CEIL), 3);
	assert_int_equal(kj_abk_div(7, 3, KJ_BULAT_HALF_UP), 2);
}

/* ---- documents ---------------------------------------------------------- */

static const char clean[] =
	"nama: Pengolah Data\n"
	"jenis: pelaksana\n"
	"pembulatan: 1\n"
	"opd: DINAS\n"
	"unit: DINAS.SEK\n"
	"ikhtisar: Mengolah data.\n"
	"kualifikasi: { pendidikan: [D3] }\n"
	"tugas:\n"
	"  - { uraian: A, hasil: H1, satuan: berkas, jumlah: 300, waktu: 2 }\n"
	"  - { uraian: B, hasil: H2, satuan: berkas, jumlah: '12,5',"
	" waktu: 10, kebutuhan: 0.1 }\n"
	"jumlah_pegawai: 0.58\n"
	"hasil_kerja: [{ hasil: H1, satuan: berkas },"
	" { hasil: H2, satuan: berkas }]\n"
	"bahan_kerja: [{ bahan: X, penggunaan: Y }]\n"
	"perangkat_kerja: [{ perangkat: X, penggunaan: Y }]\n"
	"tanggung_jawab: [X]\n"
	"wewenang: [X]\n"
	"korelasi: [{ jabatan: X, unit: Y, dalam_hal: Z }]\n"
	"kondisi_lingkungan: { tempat_kerja: a, suhu: a, udara: a,"
	" keadaan_ruangan: a, letak: a, penerangan: a, suara: a,"
	" keadaan_tempat_kerja: a, getaran: a }\n"
	"risiko_bahaya: Tidak ada\n"
	"syarat: { keterampilan: [X], bakat: [g, Bakat Numerik, 'Q - Bakat"
	" Ketelitian'], temperamen: [r, Tolerances], minat: [Konvensional],"
	" upaya_fisik: ['Ketajaman jarak jauh (> 5 m)'], kondisi_fisik:"
	" { umur: 20 }, fungsi: [D3, '00', 'B7 Memegang'] }\n"
	"prestasi: Baik\n"
	"kelas: 5\n"
	"bezetting: 1\n";

static void run(const char *doc, kj_anjab_set *s, kj_abk_result *r)
{
	kj_err err;
	kj_abk_opts o = { 1250, KJ_BULAT_HALF_UP };

	memset(s, 0, sizeof *s);
	assert_int_equal(kj_anjab_load_mem(s, "t.yaml", doc, strlen(doc),
	                                   &err), 0);
	kj_abk_run(s, &o, NULL, r);
}

static void test_clean(void **state)
{
	kj_anjab_set s;
	kj_abk_result r;

	(void)state;
	run(clean, &s, &r);
	for (size_t i = 0; i < r.nf; i++)
		print_message("# %ld:%ld %s %s\n", r.f[i].line, r.f[i].col,
		              r.f[i].rule, r.f[i].msg);
	assert_int_equal(r.nf, 0);
	/* 300 x 2 = 600 h, 12.5 x 10 = 125 h: beban 725 h;
	 * 725 / 1250 = 0.58 -> kebutuhan 1; task 2 is 125 / 1250 = 0.1 */
	assert_int_equal(r.nrows, 3);
	assert_int_equal(r.rows[0].beban, 725000000);
	assert_int_equal(r.rows[0].hitung, 58);
	assert_int_equal(r.rows[0].kebutuhan, 1);
	assert_int_equal(r.rows[0].selisih, 0);
	assert_int_equal(r.rows[0].ej, 58);
	assert_int_equal(r.rows[0].pj, 'D');
	assert_int_equal(r.rows[1].kind, KJ_ROW_UNIT);
	assert_int_equal(r.rows[2].kind, KJ_ROW_OPD);
	kj_abk_result_free(&r);
	kj_anjab_free(&s);
}

/* Replace the first occurrence of from by to in clean, run, and expect
 * rule among the findings. */
static void expect_rule(const char *from, const char *to, const char *rule)
{
	char doc[8192];
	const char *p = strstr(clean, from);
	kj_anjab_set s;
	kj_abk_result r;
	bool found = false;

	assert_non_null(p);
	snprintf(doc, sizeof doc, "%.*s%s%s", (int)(p - clean), clean, to,
	         p + strlen(from));
	run(doc, &s, &r);
	for (size_t i = 0; i < r.nf; i++)
		found |= strcmp(r.f[i].rule, rule) == 0;
	if (!found)
		fail_msg("%s not found after '%s' -> '%s'", rule, from, to);
	kj_abk_result_free(&r);
	kj_anjab_free(&s);
}

static void test_rules(void **state)
{
	(void)state;
	expect_rule("nama: Pengolah Data", "nama: TIDAK DIISI", "A01");
	expect_rule("ikhtisar: Mengolah data.", "ikhtisar: \xe2\x80\xa6", "A01");
	expect_rule("ikhtisar: Mengolah data.", "ikhtisar: ....", "A01");
	expect_rule("pendidikan: [D3]", "pendidikan: KOSONG", "A01");
	expect_rule("wewenang: [X]", "wewenang: [-]", "A02");
	expect_rule("suara: a,", "", "A03");
	expect_rule("ikhtisar: Mengolah data.", "ikhtisar: Satu. Dua.", "A04");
	expect_rule("hasil: H1, satuan: berkas, jumlah",
	            "hasil: H1, jumlah", "A08");
	expect_rule("hasil_kerja: [{ hasil: H1, satuan: berkas }",
	            "hasil_kerja: [{ hasil: H1 }", "A08");
	expect_rule("bakat: [g,", "bakat: [X,", "A09");
	expect_rule("temperamen: [r,", "temperamen: [Q,", "A09");
	expect_rule("minat: [Konvensional]", "minat: [Pemalas]", "A09");
	expect_rule("minat: [Konvensional]", "minat: [1a]", "A09");
	expect_rule("upaya_fisik: [", "upaya_fisik: [Terbang, ", "A09");
	expect_rule("fungsi: [D3,", "fungsi: [D7,", "A09");
	expect_rule("fungsi: [D3,", "fungsi: [O9,", "A09");
	expect_rule("kelas: 5", "kelas: 18", "A10");
	expect_rule("kelas: 5", "kelas: 0", "A10");
	expect_rule("kelas: 5", "kelas: lima", "A10");
	expect_rule("jenis: pelaksana", "jenis: pengawas", "A11");
	expect_rule("kelas: 5", "kelas: 5\nevjab: { f1: 10 }", "A11");
	/* 50+25*4+10+20+5+5 = 190 -> kelas 1, not 5 */
	expect_rule("kelas: 5", "kelas: 5\nevjab: { f1: 1, f2: 1, f3: 1, "
	            "f4: 1, f5: 1, f6: 1, f7: 1, f8: 1, f9: 1 }", "A12");
	/* a label of another factor */
	expect_rule("kelas: 5", "kelas: 5\nevjab: { f1: F2L2, f2: 2, f3: 1, "
	            "f4: 2, f5: 1, f6: 1, f7: 1, f8: 1, f9: 1 }", "A11");
	expect_rule("unit: DINAS.SEK", "unit: LAIN.SEK", "A13");
	expect_rule("jumlah: 300", "jumlah: -300", "B01");
	expect_rule("jumlah: 300", "jumlah: banyak", "B01");
	expect_rule("jumlah: 300", "jumlah: 0", "B01");
	expect_rule("waktu: 2 }", "waktu: 2, waktu_efektif: 1200 }", "B02");
	expect_rule("kebutuhan: 0.1", "kebutuhan: 0.2", "B03");
	expect_rule("jumlah_pegawai: 0.58", "jumlah_pegawai: 0.57", "B03");
	expect_rule("pembulatan: 1", "pembulatan: 2", "B03");
	expect_rule("waktu: 10,", "waktu: 1300,", "B04");
	expect_rule("waktu: 10,", "waktu: 0.01,", "B04");
	expect_rule("jumlah: 300", "jumlah: 3000", "B05");
	expect_rule("jenis: pelaksana\npembulatan: 1",
	            "jenis: administrator\npembulatan: 2", "B06");
	expect_rule("jumlah: 300", "jumlah: 3", "B07");
	expect_rule("bezetting: 1", "bezetting: -1", "B08");
	expect_rule("bezetting: 1", "bezetting_per: 2026-06-30", "B08");
	expect_rule("uraian: B,", "uraian: a,", "B10");
}

static void test_set_rules(void **state)
{
	char doc[16384];
	kj_anjab_set s;
	kj_abk_result r;
	const char *seen = "";

	(void)state;
	/* the same document twice: A05 (same name, same unit) */
	snprintf(doc, sizeof doc, "%s---\n%s", clean, clean);
	run(doc, &s, &r);
	for (size_t i = 0; i < r.nf; i++)
		if (!strcmp(r.f[i].rule, "A05"))
			seen = "A05";
	assert_string_equal(seen, "A05");
	/* and the OPD total adds both: 725 + 725 = 1450 h, kebutuhan 2 */
	assert_int_equal(r.rows[r.nrows - 1].beban, 1450000000);
	assert_int_equal(r.rows[r.nrows - 1].kebutuhan, 2);
	assert_int_equal(r.rows[r.nrows - 1].ej, 58);
	kj_abk_result_free(&r);
	kj_anjab_free(&s);
	/* a rekap that is wrong: B09 */
	snprintf(doc, sizeof doc, "%s---\nrekap: { opd: DINAS, kebutuhan: 3,"
	         " eu: 0.58 }\n", clean);
	run(doc, &s, &r);
	assert_int_equal(r.nf, 1);
	assert_string_equal(r.f[0].rule, "B09");
	kj_abk_result_free(&r);
	kj_anjab_free(&s);
}

/* A level written as a label counts as the integer: the same points and
 * kelas, no finding.  200+125+25+75+25+10+20+5+5 = 490 -> kelas 5
 * (455-650), the kelas the document states. */
static void test_evjab_labels(void **state)
{
	static const char *const forms[] = {
		"evjab: { f1: 2, f2: 2, f3: 1, f4: 2, f5: 1, f6: 1, f7: 1, "
		"f8: 1, f9: 1 }",
		"evjab: { f1: F1L2, f2: 2-2, f3: 'Faktor 3 - 1', f4: Faktor 4 "
		"Level 2, f5: 5-1, f6: F6L1, f7: F7L1, f8: F8L1, f9: F9L1 }",
		"evjab: [F1L2, F2L2, F3L1, F4L2, F5L1, F6L1, F7L1, F8L1, F9L1]",
		"evjab: [9-1, 8-1, 7-1, 6-1, 5-1, 4-2, 3-1, 2-2, 1-2]",
	};
	char doc[8192];
	const char *p = strstr(clean, "kelas: 5");

	(void)state;
	for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++) {
		kj_anjab_set s;
		kj_abk_result r;

		snprintf(doc, sizeof doc, "%.*skelas: 5\n%s%s",
		         (int)(p - clean), clean, forms[k], p + 8);
		run(doc, &s, &r);
		for (size_t i = 0; i < r.nf; i++)
			print_message("# %s: %ld:%ld %s %s\n", forms[k],
			              r.f[i].line, r.f[i].col, r.f[i].rule,
			              r.f[i].msg);
		assert_int_equal(r.nf, 0);
		assert_int_equal(r.rows[0].nilai_evjab, 490);
		assert_int_equal(r.rows[0].kelas_evjab, 5);
		kj_abk_result_free(&r);
		kj_anjab_free(&s);
	}
}

static void on_doc(void *arg, const kj_jabatan *j, const kj_anj_rekap *q)
{
	if (j)
		kj_abk_add(arg, j);
	else
		kj_abk_add_rekap(arg, q);
}

/* Checked one document at a time as they stream by (kj_anjab_each_mem,
 * kj_abk_add): the same findings, in the same order, and the same rows as
 * kj_abk_run on the loaded set, bezetting from a roster included. */
static void test_streaming(void **state)
{
	char doc[32768];
	kj_abk_opts o = { 1250, KJ_BULAT_HALF_UP };
	int64_t bez[3] = { 0, 1, 5 };
	kj_err err;

	(void)state;
	/* three jabatan: the clean one, the same (A05), one with defects,
	 * and a wrong rekap */
	snprintf(doc, sizeof doc, "%s---\n%s---\n%s---\nrekap: { opd: DINAS, "
	         "kebutuhan: 3 }\n", clean, clean, clean);
	{
		char *q = strstr(doc + strlen(clean) * 2, "jumlah: 300");

		memcpy(q, "jumlah: 900", 11);   /* B05: 1,800 h alone */
	}
	for (int roster = 0; roster < 2; roster++) {
		kj_anjab_set s;
		kj_abk_result r1, r2;
		kj_abk *a = kj_abk_new(&o);

		memset(&s, 0, sizeof s);
		assert_int_equal(kj_anjab_load_mem(&s, "t.yaml", doc,
		                                   strlen(doc), &err), 0);
		kj_abk_run(&s, &o, roster ? bez : NULL, &r1);
		assert_int_equal(kj_anjab_each_mem("t.yaml", doc, strlen(doc),
		                                   0, on_doc, a, &err), 0);
		assert_int_equal(kj_abk_njab(a), 3);
		kj_abk_finish(a, roster ? bez : NULL, &r2);
		kj_abk_free(a);
		assert_true(r1.nf > 2);
		assert_int_equal(r1.nf, r2.nf);
		for (size_t i = 0; i < r1.nf; i++) {
			assert_string_equal(r1.f[i].rule, r2.f[i].rule);
			assert_string_equal(r1.f[i].msg, r2.f[i].msg);
			assert_string_equal(r1.f[i].file, r2.f[i].file);
			assert_int_equal(r1.f[i].line, r2.f[i].line);
			assert_int_equal(r1.f[i].col, r2.f[i].col);
		}
		assert_int_equal(r1.nrows, r2.nrows);
		for (size_t i = 0; i < r1.nrows; i++) {
			assert_int_equal(r1.rows[i].beban, r2.rows[i].beban);
			assert_int_equal(r1.rows[i].ej, r2.rows[i].ej);
			assert_int_equal(r1.rows[i].bezetting,
			                 r2.rows[i].bezetting);
		}
		kj_abk_result_free(&r1);
		kj_abk_result_free(&r2);
		kj_anjab_free(&s);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kebutuhan_edges),
		cmocka_unit_test(test_ej_bands),
		cmocka_unit_test(test_evjab_kelas),
		cmocka_unit_test(test_evjab_points),
		cmocka_unit_test(test_div),
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_set_rules),
		cmocka_unit_test(test_evjab_labels),
		cmocka_unit_test(test_streaming),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
