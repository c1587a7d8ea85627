/*
 * Unit tests for lib/colreg.c: the registry of known columns.
 *
 * The expected types below are worked out from FORMATS.md, not copied from
 * colreg.c: NIP and codes are text, Rp columns are money, *_pct columns are
 * percent, day counts are integers whose total means something, kelas is an
 * integer whose total means nothing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "colreg.h"

#define NSUM 0 /* not summable */
#define SUM 1  /* summable */

struct want {
	const char *name;
	kj_coltype type;
	int summable;
};

static void check_want(const struct want *w, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const kj_coldef *d = kj_col_lookup(w[i].name);

		if (!d) {
			print_error("column '%s' is not registered\n",
			            w[i].name);
			fail();
		}
		assert_string_equal(d->name, w[i].name);
		if (d->type != w[i].type) {
			print_error("column '%s': type %s, expected %s\n",
			            w[i].name, kj_coltype_name(d->type),
			            kj_coltype_name(w[i].type));
			fail();
		}
		if (kj_col_summable(d) != w[i].summable) {
			print_error("column '%s': summable %d, expected %d\n",
			            w[i].name, kj_col_summable(d),
			            w[i].summable);
			fail();
		}
		assert_non_null(d->label);
		assert_true(d->label[0] != '\0');
	}
}

/* The registry is in strcmp order (kj_col_lookup uses bsearch), every
 * name is unique and already in normal form. */
static void test_registry_sorted_unique(void **state)
{
	size_t n = 0;
	const kj_coldef *all = kj_col_all(&n);

	(void)state;
	/* FORMATS.md names well over 100 distinct columns. */
	assert_true(n >= 100);
	for (size_t i = 1; i < n; i++) {
		if (strcmp(all[i - 1].name, all[i].name) >= 0) {
			print_error("registry out of order or duplicate at "
			            "%zu: '%s' then '%s'\n", i,
			            all[i - 1].name, all[i].name);
			fail();
		}
	}
	for (size_t i = 0; i < n; i++) {
		/* bsearch finds every entry at its own address. */
		assert_ptr_equal(kj_col_lookup(all[i].name), &all[i]);
		for (const char *p = all[i].name; *p; p++) {
			int ok = (*p >= 'a' && *p <= 'z') ||
			         (*p >= '0' && *p <= '9') || *p == '_';
			if (!ok) {
				print_error("'%s' is not a normal name\n",
				            all[i].name);
				fail();
			}
		}
		assert_non_null(all[i].label);
		assert_true(all[i].label[0] != '\0');
		assert_string_not_equal(kj_coltype_name(all[i].type), "?");
	}
}

/* absen.tsv, every column of FORMATS.md "Monthly summary". */
static void test_absen_columns(void **state)
{
	static const struct want w[] = {
		{ "nip", KJ_COL_TEXT, NSUM },
		{ "periode", KJ_COL_TEXT, NSUM },
		{ "hari_kerja", KJ_COL_INT, SUM },
		{ "hadir", KJ_COL_INT, SUM },
		{ "tl1", KJ_COL_INT, SUM },
		{ "tl2", KJ_COL_INT, SUM },
		{ "tl3", KJ_COL_INT, SUM },
		{ "tl4", KJ_COL_INT, SUM },
		{ "psw1", KJ_COL_INT, SUM },
		{ "psw2", KJ_COL_INT, SUM },
		{ "psw3", KJ_COL_INT, SUM },
		{ "psw4", KJ_COL_INT, SUM },
		{ "tk", KJ_COL_INT, SUM },
		{ "lupa_absen", KJ_COL_INT, SUM },
		{ "cuti_tahunan", KJ_COL_INT, SUM },
		{ "cuti_sakit", KJ_COL_INT, SUM },
		{ "cuti_besar", KJ_COL_INT, SUM },
		{ "cuti_melahirkan", KJ_COL_INT, SUM },
		{ "cuti_alasan_penting", KJ_COL_INT, SUM },
		{ "cltn", KJ_COL_INT, SUM },
		{ "dinas_luar", KJ_COL_INT, SUM },
	};

	(void)state;
	check_want(w, sizeof w / sizeof w[0]);
}

/* kinerja.tsv (output of capaian-check). */
static void test_kinerja_columns(void **state)
{
	static const struct want w[] = {
		{ "nip", KJ_COL_TEXT, NSUM },
		{ "periode", KJ_COL_TEXT, NSUM },
		{ "skp", KJ_COL_TEXT, NSUM },
		{ "lapor", KJ_COL_TEXT, NSUM },
		{ "capaian_pct", KJ_COL_PCT, NSUM },
		{ "rating_hasil", KJ_COL_TEXT, NSUM },
		{ "rating_perilaku", KJ_COL_TEXT, NSUM },
		{ "predikat", KJ_COL_TEXT, NSUM },
	};

	(void)state;
	check_want(w, sizeof w / sizeof w[0]);
}

/* tpp.tsv (output of tpp-calc). */
static void test_tpp_columns(void **state)
{
	static const struct want w[] = {
		{ "nip", KJ_COL_TEXT, NSUM },
		{ "nama", KJ_COL_TEXT, NSUM },
		{ "opd", KJ_COL_TEXT, NSUM },
		{ "jabatan", KJ_COL_TEXT, NSUM },
		{ "kelas", KJ_COL_INT, NSUM },
		{ "periode", KJ_COL_TEXT, NSUM },
		{ "basic", KJ_COL_MONEY, SUM },
		{ "disiplin_pagu", KJ_COL_MONEY, SUM },
		{ "produktivitas_pagu", KJ_COL_MONEY, SUM },
		{ "potongan_disiplin_pct", KJ_COL_PCT, NSUM },
		{ "potongan_produktivitas_pct", KJ_COL_PCT, NSUM },
		{ "disiplin", KJ_COL_MONEY, SUM },
		{ "produktivitas", KJ_COL_MONEY, SUM },
		{ "bruto", KJ_COL_MONEY, SUM },
		{ "pph21", KJ_COL_MONEY, SUM },
		{ "iuran_bpjs", KJ_COL_MONEY, SUM },
		{ "netto", KJ_COL_MONEY, SUM },
		{ "rincian", KJ_COL_TEXT, NSUM },
	};
	const kj_coldef *d;

	(void)state;
	check_want(w, sizeof w / sizeof w[0]);

	/* The specific facts of the brief. */
	d = kj_col_lookup("nip");
	assert_non_null(d);
	assert_int_equal(d->type, KJ_COL_TEXT);
	assert_string_equal(kj_coltype_name(d->type), "text");
	d = kj_col_lookup("netto");
	assert_non_null(d);
	assert_int_equal(d->type, KJ_COL_MONEY);
	assert_string_equal(d->label, "TPP Bersih (Rp)");
	assert_string_equal(kj_coltype_name(d->type), "Rupiah");
	d = kj_col_lookup("capaian_pct");
	assert_non_null(d);
	assert_int_equal(d->type, KJ_COL_PCT);
	assert_string_equal(kj_coltype_name(d->type), "percent");
	d = kj_col_lookup("kelas");
	assert_non_null(d);
	assert_int_equal(d->type, KJ_COL_INT);
	assert_true(d->flags & KJ_COL_NOSUM);
	assert_false(kj_col_summable(d));
	assert_string_equal(kj_coltype_name(d->type), "integer");
	d = kj_col_lookup("tk");
	assert_non_null(d);
	assert_int_equal(d->type, KJ_COL_INT);
	assert_true(kj_col_summable(d));
}

/* The other tables of FORMATS.md: every column must at least be known. */
static void test_other_formats_columns_known(void **state)
{
	static const char *const names[] = {
		/* pegawai.tsv and its optional columns */
		"nip", "nama", "status", "golongan", "opd", "unit",
		"jabatan", "jenis_jabatan", "kelas", "atasan", "plt_kelas",
		"keterangan", "gaji", "ptkp", "tmt", "tmt_keluar",
		"hukdis_mulai", "hukdis_sampai", "plt_hari", "jenjang",
		/* opd.tsv */
		"kepala", "email", "telepon",
		/* raw logs, izin.tsv */
		"waktu", "mulai", "selesai", "jenis",
		/* skp.tsv */
		"tahun", "rhk", "rhk_teks", "intervensi", "perspektif",
		"indikator", "indikator_teks", "aspek", "target", "satuan",
		"polaritas",
		/* realisasi.tsv, perilaku.tsv, organisasi.tsv */
		"realisasi", "bukti", "rating", "berorientasi_pelayanan",
		"akuntabel", "kompeten", "harmonis", "loyal", "adaptif",
		"kolaboratif", "predikat",
		/* kegiatan.tsv, laporan.tsv, unreported */
		"kode", "pagu", "target_fisik_pct", "realisasi_fisik_pct",
		"target_keuangan", "realisasi_keuangan", "dikirim", "batas",
		"terlambat_hari",
		/* ABK table */
		"beban_jam", "kebutuhan_hitung", "kebutuhan", "bezetting",
		"selisih", "ej", "pj", "kelas_evjab", "nilai_evjab",
	};

	(void)state;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (!kj_col_lookup(names[i])) {
			print_error("FORMATS.md column '%s' is not "
			            "registered\n", names[i]);
			fail();
		}
	}
	/* Percent columns end in _pct (FORMATS.md "Percent"), and money
	 * (Rp) columns of kegiatan.tsv are money. */
	assert_int_equal(kj_col_lookup("target_fisik_pct")->type, KJ_COL_PCT);
	assert_int_equal(kj_col_lookup("pagu")->type, KJ_COL_MONEY);
	assert_int_equal(kj_col_lookup("gaji")->type, KJ_COL_MONEY);
	assert_int_equal(kj_col_lookup("tmt")->type, KJ_COL_DATE);
	/* tahun is a year: integer, a total means nothing. */
	assert_int_equal(kj_col_lookup("tahun")->type, KJ_COL_INT);
	assert_false(kj_col_summable(kj_col_lookup("tahun")));
}

/* Every registry entry ending in _pct is percent, and every percent
 * column ends in _pct. */
static void test_pct_suffix_rule(void **state)
{
	size_t n = 0;
	const kj_coldef *all = kj_col_all(&n);

	(void)state;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(all[i].name);
		int suffix = len > 4 &&
		             strcmp(all[i].name + len - 4, "_pct") == 0;

		if (suffix != (all[i].type == KJ_COL_PCT)) {
			print_error("'%s': _pct suffix %d but type %s\n",
			            all[i].name, suffix,
			            kj_coltype_name(all[i].type));
			fail();
		}
	}
}

static void test_unknown_lookup(void **state)
{
	(void)state;
	assert_null(kj_col_lookup(""));
	assert_null(kj_col_lookup("NIP"));      /* lookup takes the canonical */
	assert_null(kj_col_lookup("nip_baru")); /* an alias is not a column */
	assert_null(kj_col_lookup("zzz"));
	assert_null(kj_col_lookup("aaa"));      /* before the first entry */
}

static const char *norm(const char *h, char *buf, size_t n)
{
	return kj_col_normalise(h, strlen(h), buf, n);
}

/* The aliases as documented in colreg.c's table: each maps to a
 * registered canonical column. */
static void test_aliases(void **state)
{
	static const struct {
		const char *alias, *name;
	} a[] = {
		{ "golru", "golongan" },
		{ "hasil_akhir", "predikat" },
		{ "hasil_kerja", "rating_hasil" },
		{ "jenis_pegawai", "status" },
		{ "nama_pegawai", "nama" },
		{ "nip_baru", "nip" },
		{ "perilaku_kerja", "rating_perilaku" },
		{ "skp_jabatan", "jabatan" },
		{ "skp_jenis_jabatan", "jenis_jabatan" },
		{ "skp_unor", "unit" },
		{ "skp_unor_induk", "opd" },
	};
	char buf[128];

	(void)state;
	for (size_t i = 0; i < sizeof a / sizeof a[0]; i++) {
		assert_non_null(kj_col_lookup(a[i].name));
		assert_null(kj_col_lookup(a[i].alias));
		assert_string_equal(norm(a[i].alias, buf, sizeof buf),
		                    a[i].name);
	}
	/* As the e-Kinerja BKN export writes them. */
	assert_string_equal(norm("Skp_Unor", buf, sizeof buf), "unit");
	assert_string_equal(norm("SKP Unor Induk", buf, sizeof buf), "opd");
	assert_string_equal(norm("GOLRU", buf, sizeof buf), "golongan");
	assert_string_equal(norm("NIP Baru", buf, sizeof buf), "nip");
	assert_string_equal(norm("Nama-Pegawai", buf, sizeof buf), "nama");
	/* An alias is matched whole, not as a prefix. */
	assert_string_equal(norm("skp_unor_x", buf, sizeof buf),
	                    "skp_unor_x");
}

/* No alias shadows a canonical name: each registered name normalises to
 * itself. */
static void test_canonical_is_fixed_point(void **state)
{
	size_t n = 0;
	const kj_coldef *all = kj_col_all(&n);
	char buf[128];

	(void)state;
	for (size_t i = 0; i < n; i++)
		assert_string_equal(norm(all[i].name, buf, sizeof buf),
		                    all[i].name);
}

static void test_normalise(void **state)
{
	char buf[128];
	char small[4];

	(void)state;
	/* Trimmed (spaces and tabs at both ends), ASCII lower case, inner
	 * spaces and '-' as '_'. */
	assert_string_equal(norm(" NIP ", buf, sizeof buf), "nip");
	assert_string_equal(norm("\t nip\t", buf, sizeof buf), "nip");
	assert_string_equal(norm("Hari Kerja", buf, sizeof buf),
	                    "hari_kerja");
	assert_string_equal(norm("  Hari-Kerja  ", buf, sizeof buf),
	                    "hari_kerja");
	assert_string_equal(norm("Cuti-Alasan Penting", buf, sizeof buf),
	                    "cuti_alasan_penting");
	assert_string_equal(norm("CAPAIAN_PCT", buf, sizeof buf),
	                    "capaian_pct");
	assert_string_equal(norm("PPh21", buf, sizeof buf), "pph21");
	/* Only ASCII letters are folded: "É" (C3 89) stays as it is. */
	assert_string_equal(norm("\xC3\x89tat", buf, sizeof buf),
	                    "\xC3\x89tat");
	/* A second BOM before a name (a file saved twice by a tool that
	 * adds one) is dropped: the reader strips only the first. */
	assert_string_equal(norm("\xEF\xBB\xBFnip", buf, sizeof buf), "nip");
	assert_string_equal(norm(" \xEF\xBB\xBF\xEF\xBB\xBF Nama", buf,
	                         sizeof buf), "nama");
	/* Blank names normalise to "" (tsv reports them). */
	assert_string_equal(norm("", buf, sizeof buf), "");
	assert_string_equal(norm("   ", buf, sizeof buf), "");
	/* len is honoured: only "NIPXYZ"[0..3) is read. */
	assert_string_equal(kj_col_normalise("NIPXYZ", 3, buf, sizeof buf),
	                    "nip");
	/* The result is cut to fit: 3 characters and the NUL in 4 bytes. */
	assert_string_equal(norm("Golongan", small, sizeof small), "gol");
	/* The return value is buf. */
	assert_ptr_equal(kj_col_normalise("a", 1, buf, sizeof buf), buf);
	/* n == 0 writes nothing. */
	small[0] = 'Z';
	kj_col_normalise("abc", 3, small, 0);
	assert_int_equal(small[0], 'Z');
}

static void test_type_names(void **state)
{
	(void)state;
	assert_string_equal(kj_coltype_name(KJ_COL_TEXT), "text");
	assert_string_equal(kj_coltype_name(KJ_COL_INT), "integer");
	assert_string_equal(kj_coltype_name(KJ_COL_NUM), "number");
	assert_string_equal(kj_coltype_name(KJ_COL_MONEY), "Rupiah");
	assert_string_equal(kj_coltype_name(KJ_COL_PCT), "percent");
	assert_string_equal(kj_coltype_name(KJ_COL_DATE), "date");
}

/* kj_col_summable on hand-made definitions: counts, money and numbers
 * sum; text, percent and dates do not; NOSUM wins. */
static void test_summable(void **state)
{
	kj_coldef d = { "x", KJ_COL_INT, 0, "X" };

	(void)state;
	assert_true(kj_col_summable(&d));
	d.type = KJ_COL_MONEY;
	assert_true(kj_col_summable(&d));
	d.type = KJ_COL_NUM;
	assert_true(kj_col_summable(&d));
	d.type = KJ_COL_TEXT;
	assert_false(kj_col_summable(&d));
	d.type = KJ_COL_PCT;
	assert_false(kj_col_summable(&d));
	d.type = KJ_COL_DATE;
	assert_false(kj_col_summable(&d));
	d.type = KJ_COL_MONEY;
	d.flags = KJ_COL_NOSUM;
	assert_false(kj_col_summable(&d));
}

/* Every enum word of FORMATS.md, with the label XLSX shows where the
 * label is not simply the word in title case. */
static const char *const enum_words[] = {
	/* pegawai.tsv status, jenis_jabatan, keterangan */
	"pns", "cpns", "pppk",
	"jpt_madya", "jpt_pratama", "administrator", "pengawas", "pelaksana",
	"fungsional",
	"tugas_belajar", "cltn", "hukdis_ringan", "hukdis_sedang",
	"hukdis_berat", "mpp",
	/* izin.tsv jenis */
	"cuti_tahunan", "cuti_sakit", "cuti_besar", "cuti_melahirkan",
	"cuti_alasan_penting", "dinas_luar", "sakit", "izin",
	/* SKP: pendekatan, jenis, perspektif, aspek, polaritas */
	"kuantitatif", "kualitatif", "utama", "tambahan",
	"penerima_layanan", "proses_bisnis", "penguatan_internal", "anggaran",
	"kuantitas", "kualitas", "waktu", "biaya", "positif", "negatif",
	/* ratings and predikat (employee and organisation) */
	"di_atas", "sesuai", "di_bawah",
	"sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang",
	"istimewa",
	/* kinerja.tsv skp, lapor */
	"ada", "tidak", "ya",
};

static void test_enum_labels(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof enum_words / sizeof enum_words[0]; i++) {
		const char *w = enum_words[i];
		const char *l = kj_enum_label(w, strlen(w));

		if (!l) {
			print_error("enum word '%s' has no label\n", w);
			fail();
		}
		/* the label reads back as the word */
		if (!kj_enum_word(l, strlen(l)) ||
		    strcmp(kj_enum_word(l, strlen(l)), w) != 0) {
			print_error("label '%s' of '%s' reads back as '%s'\n",
			            l, w, kj_enum_word(l, strlen(l)) ?
			            kj_enum_word(l, strlen(l)) : "(null)");
			fail();
		}
		/* and the word as itself */
		assert_string_equal(kj_enum_word(w, strlen(w)), w);
	}
	assert_string_equal(kj_enum_label("sangat_baik", 11), "Sangat Baik");
	assert_string_equal(kj_enum_label("jpt_pratama", 11), "JPT Pratama");
	assert_string_equal(kj_enum_label("butuh_perbaikan", 15),
	                    "Butuh Perbaikan");
	assert_string_equal(kj_enum_label("pppk", 4), "PPPK");
	/* len is honoured: "baik" out of "baikXYZ" */
	assert_string_equal(kj_enum_label("baikXYZ", 4), "Baik");
	/* not an enum word (labels are not words; case matters here) */
	assert_null(kj_enum_label("Sangat Baik", 11));
	assert_null(kj_enum_label("SANGAT_BAIK", 11));
	assert_null(kj_enum_label("", 0));
	assert_null(kj_enum_label("nip", 3));
	assert_null(kj_enum_label("a_word_much_longer_than_any_enum_word_is",
	                          41));
}

static const char *word(const char *text)
{
	return kj_enum_word(text, strlen(text));
}

static void test_enum_words(void **state)
{
	(void)state;
	/* FORMATS.md: "readers also accept the Indonesian label in any case
	 * and spacing (Sangat Baik)" */
	assert_string_equal(word("Sangat Baik"), "sangat_baik");
	assert_string_equal(word("SANGAT BAIK"), "sangat_baik");
	assert_string_equal(word("sangat_baik"), "sangat_baik");
	assert_string_equal(word("SANGAT_BAIK"), "sangat_baik");
	assert_string_equal(word("  sangat   baik  "), "sangat_baik");
	assert_string_equal(word("Sangat-Baik"), "sangat_baik");
	assert_string_equal(word("Butuh  Perbaikan"), "butuh_perbaikan");
	/* labels that are not the word: "Di Atas Ekspektasi" is di_atas,
	 * "Hukuman Disiplin Berat" is hukdis_berat */
	assert_string_equal(word("Di Atas Ekspektasi"), "di_atas");
	assert_string_equal(word("di atas ekspektasi"), "di_atas");
	assert_string_equal(word("Di Atas"), "di_atas");
	assert_string_equal(word("Sesuai Ekspektasi"), "sesuai");
	assert_string_equal(word("Di Bawah Ekspektasi"), "di_bawah");
	assert_string_equal(word("Hukuman Disiplin Berat"), "hukdis_berat");
	assert_string_equal(word("JPT Pratama"), "jpt_pratama");
	assert_string_equal(word("Tugas Belajar"), "tugas_belajar");
	assert_string_equal(word("PNS"), "pns");
	/* len is honoured */
	assert_string_equal(kj_enum_word("baik, kurang", 4), "baik");
	/* not enum words */
	assert_null(word(""));
	assert_null(word("   "));
	assert_null(word("___"));
	assert_null(word("luar biasa"));
	assert_null(word("sangat"));
	assert_null(word("baik sekali"));
	assert_null(word("Sang\xC3\xA1t Baik"));
	assert_null(word("a very long text that is no enum word or label "
	                 "at all"));
}

/* Columns that hold enum words carry KJ_COL_ENUM; free text, codes and
 * numbers do not. */
static void test_enum_columns(void **state)
{
	static const char *const enums[] = {
		"status", "jenis_jabatan", "keterangan", "jenis",
		"perspektif", "aspek", "polaritas", "rating", "rating_hasil",
		"rating_perilaku", "predikat", "skp", "lapor",
	};
	static const char *const not_enums[] = {
		"nip", "nama", "golongan", "opd", "unit", "jabatan", "periode",
		"rincian", "indikator", "rhk", "satuan", "target", "kode",
		"ptkp", "kelas", "netto", "capaian_pct", "tmt",
	};
	size_t n = 0;
	const kj_coldef *all = kj_col_all(&n);

	(void)state;
	for (size_t i = 0; i < sizeof enums / sizeof enums[0]; i++) {
		const kj_coldef *d = kj_col_lookup(enums[i]);

		assert_non_null(d);
		if (!(d->flags & KJ_COL_ENUM)) {
			print_error("'%s' holds enum words but is not "
			            "KJ_COL_ENUM\n", enums[i]);
			fail();
		}
	}
	for (size_t i = 0; i < sizeof not_enums / sizeof not_enums[0]; i++) {
		const kj_coldef *d = kj_col_lookup(not_enums[i]);

		assert_non_null(d);
		if (d->flags & KJ_COL_ENUM) {
			print_error("'%s' is KJ_COL_ENUM\n", not_enums[i]);
			fail();
		}
	}
	/* enum columns are text */
	for (size_t i = 0; i < n; i++)
		if (all[i].flags & KJ_COL_ENUM)
			assert_int_equal(all[i].type, KJ_COL_TEXT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_registry_sorted_unique),
		cmocka_unit_test(test_absen_columns),
		cmocka_unit_test(test_kinerja_columns),
		cmocka_unit_test(test_tpp_columns),
		cmocka_unit_test(test_other_formats_columns_known),
		cmocka_unit_test(test_pct_suffix_rule),
		cmocka_unit_test(test_unknown_lookup),
		cmocka_unit_test(test_aliases),
		cmocka_unit_test(test_canonical_is_fixed_point),
		cmocka_unit_test(test_normalise),
		cmocka_unit_test(test_type_names),
		cmocka_unit_test(test_summable),
		cmocka_unit_test(test_enum_labels),
		cmocka_unit_test(test_enum_words),
		cmocka_unit_test(test_enum_columns),
	};

	return cmocka_run_group_tests_name("colreg", tests, NULL, NULL);
}
