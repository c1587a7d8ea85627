/*
 * Unit tests of lib/anjab.c: what loads (and becomes a finding later) and
 * what is refused with file:line:col (exit 2).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "anjab.h"

/* Load doc; return 0 or -1 with *err. */
static int load(const char *doc, kj_anjab_set *s, kj_err *err)
{
	memset(s, 0, sizeof *s);
	return kj_anjab_load_mem(s, "t.yaml", doc, strlen(doc), err);
}

static void refused(const char *doc, long line, long col, const char *msg)
{
	kj_anjab_set s;
	kj_err err;

	assert_int_equal(load(doc, &s, &err), -1);
	assert_string_equal(err.msg, msg);
	assert_int_equal(err.line, line);
	assert_int_equal(err.col, col);
	assert_int_equal(err.status, 2);
	kj_anjab_free(&s);
}

static void test_refused(void **state)
{
	(void)state;
	refused("nama: A\nikhtisr: x\n", 2, 1, "unknown key 'ikhtisr' "
	        "(expected one of: nama, kode, jenis, opd, unit, unit_kerja, "
	        "ikhtisar, kualifikasi, tugas, jumlah_pegawai, pembulatan, "
	        "hasil_kerja, bahan_kerja, perangkat_kerja, tanggung_jawab, "
	        "wewenang, korelasi, kondisi_lingkungan, risiko_bahaya, "
	        "syarat, prestasi, kelas, evjab, bezetting, bezetting_per, "
	        "butir_lain); did you mean 'ikhtisar'?");
	refused("- a\n- b\n", 1, 1, "expected a mapping (one jabatan: nama, "
	        "unit, tugas, ...), found a sequence");
	refused("nama: [a, b]\n", 1, 7, "nama: expected a text value, found "
	        "a sequence");
	refused("tugas: Menyusun laporan\n", 1, 8, "tugas: expected a "
	        "sequence of mappings (uraian: ...), found 'Menyusun laporan'");
	refused("tugas:\n  - { uraian: a, jumlh: 3 }\n", 2, 18, "unknown key "
	        "'jumlh' (expected one of: uraian, tahapan, hasil, satuan, "
	        "jumlah, waktu, waktu_efektif, kebutuhan); did you mean "
	        "'jumlah'?");
	refused("jenis: eselon\n", 1, 8, "jenis: expected jpt_madya, "
	        "jpt_pratama, administrator, pengawas, pelaksana or "
	        "fungsional, found 'eselon'");
	refused("jenis: pengawas\nevjab: { f4: 1 }\n", 2, 10, "evjab: unknown "
	        "key 'f4' (expected one of: f1, f2, f3, f4a, f4b, f5, f6); "
	        "did you mean 'f4a'? (struktural jobs have f1 f2 f3 f4a f4b "
	        "f5 f6)");
	refused("syarat: { bakat: { a: 1 } }\n", 1, 18, "bakat: expected a list "
	        "of texts, found a mapping");
	refused("rekap: { unit: A }\n", 1, 8, "rekap: missing required key "
	        "'opd'");
	refused("nama: a\n  b: [\n", 2, 4, "mapping values are not allowed "
	        "in this context");
	/* evjab as a sequence: every item a label of a factor of the job,
	 * each factor once */
	refused("jenis: pelaksana\nevjab: [F1L2, x]\n", 2, 15, "evjab: "
	        "expected a factor level such as F1L6, 1-6 or 'Faktor 1 - "
	        "6', found 'x'");
	refused("jenis: pelaksana\nevjab: [F1L2, F4AL1]\n", 2, 15, "evjab: "
	        "'F4AL1' is a level of factor f4a, which fungsional and "
	        "pelaksana jobs do not have (they have f1 to f9)");
	refused("jenis: pengawas\nevjab: [F1L2, 1-3]\n", 2, 15, "evjab: a "
	        "second level for factor f1 (first at line 2, column 9)");
}

static void test_loads(void **state)
{
	kj_anjab_set s;
	kj_err err;

	(void)state;
	assert_int_equal(load("nama: A\njenis: Pelaksana\ntugas:\n"
	                      "  - jumlah: 0,5\n    waktu: 1,25\n"
	                      "  - { jumlah: -3, waktu: x }\n"
	                      "kelas: 99\nbezetting: -1\n"
	                      "risiko_bahaya: KOSONG\n---\n---\n"
	                      "rekap: { opd: A, eu: '0,85' }\n", &s, &err), 0);
	assert_int_equal(s.njab, 1);
	assert_int_equal(s.nrekap, 1);
	assert_int_equal(s.rekap[0].eu.v, 85);
	/* "Pelaksana", the label, is the word pelaksana */
	assert_int_equal(s.jab[0].jenis, 4);
	assert_int_equal(s.jab[0].ntugas, 2);
	/* 0,5 with 2 decimals is 50; 1,25 hours with 4 is 12500 */
	assert_int_equal(s.jab[0].tugas[0].jumlah.v, 50);
	assert_null(s.jab[0].tugas[0].jumlah.bad);
	assert_int_equal(s.jab[0].tugas[0].waktu.v, 12500);
	/* a negative number and a word do not parse (B01 says so later) */
	assert_string_equal(s.jab[0].tugas[1].jumlah.bad, "expected a number "
	                    "between 0 and 10000000 with at most 2 decimals, "
	                    "found '-3'");
	assert_non_null(s.jab[0].tugas[1].waktu.bad);
	assert_int_equal(s.jab[0].kelas.v, 99);
	assert_int_equal(s.jab[0].bezetting.v, -1);
	assert_true(kj_anj_missing(s.jab[0].risiko_bahaya));
	kj_anjab_free(&s);
}

static void test_missing(void **state)
{
	kj_anjab_set s;
	kj_err err;
	static const char *const holders[] = {
		"''", "'-'", "'\xe2\x80\x93'", "'\xe2\x80\xa6'", "'.........'",
		"KOSONG", "kosong", "TIDAK DIISI", "'  Tidak Diisi '", "[]",
		"[KOSONG, '-']", "~"
	};

	(void)state;
	for (size_t i = 0; i < sizeof holders / sizeof holders[0]; i++) {
		char doc[128];

		snprintf(doc, sizeof doc, "nama: A\nwewenang: %s\n", holders[i]);
		assert_int_equal(load(doc, &s, &err), 0);
		if (!kj_anj_missing(s.jab[0].wewenang))
			fail_msg("%s is not missing", holders[i]);
		kj_anjab_free(&s);
	}
	assert_int_equal(load("nama: A\nwewenang: [Tidak Kosong]\n", &s, &err),
	                 0);
	assert_false(kj_anj_missing(s.jab[0].wewenang));
	assert_false(kj_anj_missing(s.jab[0].nama));
	kj_anjab_free(&s);
}

/* evjab levels written as labels (domain/anjab-abk.md §3.2: "F-L", e.g.
 * 1-6; F1L6; Faktor 1 - 6), in a mapping or as a sequence. */
static void test_evjab_labels(void **state)
{
	kj_anjab_set s;
	kj_err err;
	/* f1..f9 of a pelaksana: 3 2 2 2 1 1 2 1 1, in every spelling */
	static const int64_t want[9] = { 3, 2, 2, 2, 1, 1, 2, 1, 1 };

	(void)state;
	assert_int_equal(load("nama: A\njenis: pelaksana\nevjab: { f1: F1L3, "
	                      "f2: 2-2, f3: 'Faktor 3 - 2', f4: Faktor 4 "
	                      "Level 2, f5: f5l1, f6: F6-1, f7: 7 - 2, f8: 1, "
	                      "f9: F9 L1 }\n", &s, &err), 0);
	for (int i = 0; i < 9; i++) {
		assert_int_equal(s.jab[0].level[i].v, want[i]);
		assert_null(s.jab[0].level[i].bad);
		assert_string_equal(s.jab[0].level_of[i], "");
	}
	kj_anjab_free(&s);
	assert_int_equal(load("nama: A\njenis: pelaksana\nevjab: [F1L3, F2L2, "
	                      "3-2, 'Faktor 4 - 2', F5L1, F6L1, F7L2, F8L1, "
	                      "F9L1]\n", &s, &err), 0);
	for (int i = 0; i < 9; i++)
		assert_int_equal(s.jab[0].level[i].v, want[i]);
	assert_false(s.jab[0].evjab_struktural);
	kj_anjab_free(&s);
	/* no jenis: 4a/4b make it struktural; the order does not matter */
	assert_int_equal(load("nama: A\nevjab: [F6L2, F4AL3, f4b-1]\n", &s,
	                      &err), 0);
	assert_true(s.jab[0].evjab_struktural);
	assert_int_equal(s.jab[0].level[3].v, 3);   /* f4a */
	assert_int_equal(s.jab[0].level[4].v, 1);   /* f4b */
	assert_int_equal(s.jab[0].level[6].v, 2);   /* f6 */
	assert_null(s.jab[0].level[0].node);        /* f1 not given */
	kj_anjab_free(&s);
	/* a label of another factor loads, and says which (A11 later); a
	 * level out of range loads as its number */
	assert_int_equal(load("nama: A\njenis: pelaksana\nevjab: { f1: F2L3, "
	                      "f2: 2-12 }\n", &s, &err), 0);
	assert_string_equal(s.jab[0].level_of[0], "f2");
	assert_int_equal(s.jab[0].level[0].v, 3);
	assert_string_equal(s.jab[0].level_of[1], "");
	assert_int_equal(s.jab[0].level[1].v, 12);
	kj_anjab_free(&s);
	/* not a label: as before, a value that is not a level */
	assert_int_equal(load("nama: A\njenis: pelaksana\nevjab: { f1: F1, "
	                      "f2: 2-, f3: L3 }\n", &s, &err), 0);
	assert_non_null(s.jab[0].level[0].bad);
	assert_non_null(s.jab[0].level[1].bad);
	assert_non_null(s.jab[0].level[2].bad);
	kj_anjab_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_loads),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_evjab_labels),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
