/* colreg: see colreg.h. */
#include "colreg.h"

#include <stdlib.h>
#include <string.h>

/* Sorted by name (strcmp order): kj_col_lookup uses bsearch, and a unit
 * test checks the order. */
static const kj_coldef columns[] = {
	{ "adaptif", KJ_COL_TEXT, KJ_COL_ENUM, "Adaptif" },
	{ "akuntabel", KJ_COL_TEXT, KJ_COL_ENUM, "Akuntabel" },
	{ "angka_kredit", KJ_COL_NUM, KJ_COL_NOSUM, "Angka Kredit" },
	{ "aset", KJ_COL_TEXT, KJ_COL_ENUM, "Aset Dikembalikan" },
	{ "aspek", KJ_COL_TEXT, KJ_COL_ENUM, "Aspek" },
	{ "atasan", KJ_COL_TEXT, 0, "NIP Atasan" },
	{ "basic", KJ_COL_MONEY, 0, "TPP Dasar (Rp)" },
	{ "batas", KJ_COL_DATE, 0, "Batas Waktu" },
	{ "beban_jam", KJ_COL_NUM, 0, "Beban Kerja (Jam)" },
	{ "berorientasi_pelayanan", KJ_COL_TEXT, KJ_COL_ENUM, "Berorientasi Pelayanan" },
	{ "bezetting", KJ_COL_INT, 0, "Bezetting" },
	{ "bpjs_pemda", KJ_COL_MONEY, 0, "BPJS Dibayar Pemda (Rp)" },
	{ "bruto", KJ_COL_MONEY, 0, "TPP Bruto (Rp)" },
	{ "bukti", KJ_COL_TEXT, 0, "Bukti" },
	{ "capaian_fisik_pct", KJ_COL_PCT, 0, "Capaian Fisik (%)" },
	{ "capaian_keuangan_pct", KJ_COL_PCT, 0, "Capaian Keuangan (%)" },
	{ "capaian_pct", KJ_COL_PCT, 0, "Capaian (%)" },
	{ "cascading", KJ_COL_TEXT, 0, "Metode Cascading" },
	{ "cltn", KJ_COL_INT, 0, "CLTN (Hari)" },
	{ "cuti_alasan_penting", KJ_COL_INT, 0, "Cuti Alasan Penting (Hari)" },
	{ "cuti_besar", KJ_COL_INT, 0, "Cuti Besar (Hari)" },
	{ "cuti_melahirkan", KJ_COL_INT, 0, "Cuti Melahirkan (Hari)" },
	{ "cuti_mulai", KJ_COL_TEXT, 0, "Cuti Mulai" },
	{ "cuti_panjang", KJ_COL_TEXT, KJ_COL_ENUM, "Cuti Panjang" },
	{ "cuti_rp", KJ_COL_MONEY, 0, "Potongan Cuti (Rp)" },
	{ "cuti_sakit", KJ_COL_INT, 0, "Cuti Sakit (Hari)" },
	{ "cuti_sampai", KJ_COL_TEXT, 0, "Cuti Sampai" },
	{ "cuti_tahunan", KJ_COL_INT, 0, "Cuti Tahunan (Hari)" },
	{ "deviasi_fisik_pct", KJ_COL_PCT, 0, "Deviasi Fisik (%)" },
	{ "dikirim", KJ_COL_TEXT, 0, "Dikirim" },
	{ "dinas_luar", KJ_COL_INT, 0, "Dinas Luar (Hari)" },
	{ "disiplin", KJ_COL_MONEY, 0, "TPP Disiplin (Rp)" },
	{ "disiplin_pagu", KJ_COL_MONEY, 0, "Pagu Disiplin (Rp)" },
	{ "ej", KJ_COL_NUM, KJ_COL_NOSUM, "Efektivitas Jabatan" },
	{ "email", KJ_COL_TEXT, 0, "Email" },
	{ "gaji", KJ_COL_MONEY, 0, "Gaji (Rp)" },
	{ "golongan", KJ_COL_TEXT, 0, "Golongan" },
	{ "hadir", KJ_COL_INT, 0, "Hadir (Hari)" },
	{ "hari_kerja", KJ_COL_INT, 0, "Hari Kerja" },
	{ "harmonis", KJ_COL_TEXT, KJ_COL_ENUM, "Harmonis" },
	{ "hukdis_mulai", KJ_COL_TEXT, 0, "Hukdis Mulai" },
	{ "hukdis_rp", KJ_COL_MONEY, 0, "Potongan Hukdis (Rp)" },
	{ "hukdis_sampai", KJ_COL_TEXT, 0, "Hukdis Sampai" },
	{ "indikator", KJ_COL_TEXT, 0, "Indikator" },
	{ "indikator_teks", KJ_COL_TEXT, 0, "Uraian Indikator" },
	{ "intervensi", KJ_COL_TEXT, 0, "RHK Atasan yang Diintervensi" },
	{ "iuran_bpjs", KJ_COL_MONEY, 0, "Iuran BPJS (Rp)" },
	{ "izin", KJ_COL_INT, 0, "Izin (Hari)" },
	{ "jabatan", KJ_COL_TEXT, 0, "Jabatan" },
	{ "jenis", KJ_COL_TEXT, KJ_COL_ENUM, "Jenis" },
	{ "jenis_jabatan", KJ_COL_TEXT, KJ_COL_ENUM, "Jenis Jabatan" },
	{ "jenjang", KJ_COL_TEXT, 0, "Jenjang" },
	{ "jumlah", KJ_COL_INT, 0, "Jumlah" },
	{ "jumlah_kritis", KJ_COL_INT, 0, "Kontrak Kritis" },
	{ "jumlah_sub", KJ_COL_INT, 0, "Sub Kegiatan" },
	{ "kategori_fisik", KJ_COL_TEXT, KJ_COL_ENUM, "Kategori Fisik" },
	{ "kategori_keuangan", KJ_COL_TEXT, KJ_COL_ENUM, "Kategori Keuangan" },
	{ "kebutuhan", KJ_COL_INT, 0, "Kebutuhan Pegawai" },
	{ "kebutuhan_hitung", KJ_COL_NUM, 0, "Kebutuhan (Hitung)" },
	{ "kelas", KJ_COL_INT, KJ_COL_NOSUM, "Kelas Jabatan" },
	{ "kelas_evjab", KJ_COL_INT, KJ_COL_NOSUM, "Kelas Hasil Evjab" },
	{ "kepala", KJ_COL_TEXT, 0, "NIP Kepala" },
	{ "keterangan", KJ_COL_TEXT, KJ_COL_ENUM, "Keterangan" },
	{ "kode", KJ_COL_TEXT, 0, "Kode" },
	{ "kode_status", KJ_COL_TEXT, 0, "Kode Status Pegawai" },
	{ "kolaboratif", KJ_COL_TEXT, KJ_COL_ENUM, "Kolaboratif" },
	{ "kompeten", KJ_COL_TEXT, KJ_COL_ENUM, "Kompeten" },
	{ "kontrak_kritis", KJ_COL_TEXT, KJ_COL_ENUM, "Kontrak Kritis" },
	{ "lapor", KJ_COL_TEXT, KJ_COL_ENUM, "Lapor" },
	{ "lhkpn", KJ_COL_TEXT, KJ_COL_ENUM, "LHKPN Dilaporkan" },
	{ "loyal", KJ_COL_TEXT, KJ_COL_ENUM, "Loyal" },
	{ "lulus", KJ_COL_TEXT, KJ_COL_ENUM, "Lulus" },
	{ "lupa_absen", KJ_COL_INT, 0, "Lupa Absen (Hari)" },
	{ "mulai", KJ_COL_DATE, 0, "Mulai" },
	{ "nama", KJ_COL_TEXT, 0, "Nama" },
	{ "netto", KJ_COL_MONEY, 0, "TPP Bersih (Rp)" },
	{ "nilai_evjab", KJ_COL_INT, KJ_COL_NOSUM, "Nilai Evjab" },
	{ "nip", KJ_COL_TEXT, 0, "NIP" },
	{ "opd", KJ_COL_TEXT, 0, "OPD" },
	{ "pagu", KJ_COL_MONEY, 0, "Pagu (Rp)" },
	{ "pegawai", KJ_COL_TEXT, 0, "Nama Pegawai" },
	{ "pendekatan", KJ_COL_TEXT, KJ_COL_ENUM, "Pendekatan" },
	{ "periode", KJ_COL_TEXT, 0, "Periode" },
	{ "perspektif", KJ_COL_TEXT, KJ_COL_ENUM, "Perspektif" },
	{ "pesan", KJ_COL_TEXT, 0, "Pesan" },
	{ "pj", KJ_COL_TEXT, 0, "Prestasi Jabatan" },
	{ "plt_hari", KJ_COL_INT, 0, "Hari Plt/Plh" },
	{ "plt_kelas", KJ_COL_INT, KJ_COL_NOSUM, "Kelas Plt/Plh" },
	{ "polaritas", KJ_COL_TEXT, KJ_COL_ENUM, "Polaritas" },
	{ "potongan_disiplin", KJ_COL_MONEY, 0, "Potongan Disiplin (Rp)" },
	{ "potongan_disiplin_pct", KJ_COL_PCT, 0, "Potongan Disiplin (%)" },
	{ "potongan_produktivitas", KJ_COL_MONEY, 0,
	  "Potongan Produktivitas (Rp)" },
	{ "potongan_produktivitas_pct", KJ_COL_PCT, 0,
	  "Potongan Produktivitas (%)" },
	{ "pph21", KJ_COL_MONEY, 0, "PPh 21 (Rp)" },
	{ "predikat", KJ_COL_TEXT, KJ_COL_ENUM, "Predikat" },
	{ "predikat_01", KJ_COL_TEXT, KJ_COL_ENUM, "Predikat Januari" },
	{ "predikat_02", KJ_COL_TEXT, KJ_COL_ENUM, "Predikat Februari" },
	{ "predikat_03", KJ_COL_TEXT, KJ_COL_ENUM, "Predikat Maret" },
	{ "predikat_04", KJ_COL_TEXT, KJ_COL_ENUM, "Predikat April" },
	{ "predikat_05", KJ_COL_TEXT, KJ_COL_ENUM, "Predikat Mei" },
	{ "predikat_06", KJ_COL_TEXT, KJ_COL_ENUM, "Predikat Juni" },
	{ "predikat_07", KJ_COL_TEXT, KJ_COL_ENUM, "Predikat Juli" },
	{ "predikat_08", KJ_COL_TEXT, KJ_COL_ENUM, "Predikat Agustus" },
	{ "predikat_09", KJ_COL_TEXT, KJ_COL_ENUM, "Predikat September" },
	{ "predikat_10", KJ_COL_TEXT, KJ_COL_ENUM, "Predikat Oktober" },
	{ "predikat_11", KJ_COL_TEXT, KJ_COL_ENUM, "Predikat November" },
	{ "predikat_12", KJ_COL_TEXT, KJ_COL_ENUM, "Predikat Desember" },
	{ "produktivitas", KJ_COL_MONEY, 0, "TPP Produktivitas (Rp)" },
	{ "produktivitas_pagu", KJ_COL_MONEY, 0, "Pagu Produktivitas (Rp)" },
	{ "psw1", KJ_COL_INT, 0, "PSW1" },
	{ "psw2", KJ_COL_INT, 0, "PSW2" },
	{ "psw3", KJ_COL_INT, 0, "PSW3" },
	{ "psw4", KJ_COL_INT, 0, "PSW4" },
	{ "ptkp", KJ_COL_TEXT, 0, "PTKP" },
	{ "rating", KJ_COL_TEXT, KJ_COL_ENUM, "Rating" },
	{ "rating_hasil", KJ_COL_TEXT, KJ_COL_ENUM, "Rating Hasil Kerja" },
	{ "rating_perilaku", KJ_COL_TEXT, KJ_COL_ENUM, "Rating Perilaku Kerja" },
	{ "realisasi", KJ_COL_NUM, KJ_COL_NOSUM, "Realisasi" },
	{ "realisasi_fisik_pct", KJ_COL_PCT, 0, "Realisasi Fisik (%)" },
	{ "realisasi_keuangan", KJ_COL_MONEY, 0, "Realisasi Keuangan (Rp)" },
	{ "rhk", KJ_COL_TEXT, 0, "RHK" },
	{ "rhk_teks", KJ_COL_TEXT, 0, "Uraian RHK" },
	{ "rincian", KJ_COL_TEXT, 0, "Rincian" },
	{ "sakip_pct", KJ_COL_PCT, KJ_COL_NOSUM, "Nilai SAKIP OPD (%)" },
	{ "sakit", KJ_COL_INT, 0, "Sakit (Hari)" },
	{ "satuan", KJ_COL_TEXT, 0, "Satuan" },
	{ "selesai", KJ_COL_DATE, 0, "Selesai" },
	{ "selisih", KJ_COL_INT, 0, "Selisih" },
	{ "skp", KJ_COL_TEXT, KJ_COL_ENUM, "SKP" },
	{ "status", KJ_COL_TEXT, KJ_COL_ENUM, "Status" },
	{ "tahun", KJ_COL_INT, KJ_COL_NOSUM, "Tahun" },
	{ "tanggal", KJ_COL_DATE, 0, "Tanggal" },
	{ "target", KJ_COL_TEXT, 0, "Target" },
	{ "target_fisik_pct", KJ_COL_PCT, 0, "Target Fisik (%)" },
	{ "target_keuangan", KJ_COL_MONEY, 0, "Target Keuangan (Rp)" },
	{ "telepon", KJ_COL_TEXT, 0, "Telepon" },
	{ "terlambat_hari", KJ_COL_INT, 0, "Terlambat (Hari)" },
	{ "tgr_rp", KJ_COL_MONEY, 0, "Potongan TGR (Rp)" },
	{ "tidak_apel", KJ_COL_INT, 0, "Tidak Apel (Hari)" },
	{ "tk", KJ_COL_INT, 0, "TK (Hari)" },
	{ "tl1", KJ_COL_INT, 0, "TL1" },
	{ "tl2", KJ_COL_INT, 0, "TL2" },
	{ "tl3", KJ_COL_INT, 0, "TL3" },
	{ "tl4", KJ_COL_INT, 0, "TL4" },
	{ "tmt", KJ_COL_DATE, 0, "TMT" },
	{ "tmt_keluar", KJ_COL_DATE, 0, "TMT Keluar" },
	{ "tugas_belajar", KJ_COL_INT, 0, "Tugas Belajar (Hari)" },
	{ "tunjangan_pph", KJ_COL_MONEY, 0, "Tunjangan PPh (Rp)" },
	{ "turunan", KJ_COL_INT, KJ_COL_NOSUM, "Jumlah RHK Turunan" },
	{ "unit", KJ_COL_TEXT, 0, "Unit Kerja" },
	{ "waktu", KJ_COL_TEXT, 0, "Waktu" },
};

/* Alternative header names accepted by readers: the e-Kinerja BKN export
 * ("Laporan Penilaian SKP") and common spellings.  Sorted by alias. */
static const struct alias {
	const char *alias, *name;
} aliases[] = {
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

static int cmp_col(const void *key, const void *elem)
{
	return strcmp(key, ((const kj_coldef *)elem)->name);
}

static int cmp_alias(const void *key, const void *elem)
{
	return strcmp(key, ((const struct alias *)elem)->alias);
}

const kj_coldef *kj_col_lookup(const char *name)
{
	return bsearch(name, columns, sizeof columns / sizeof columns[0],
	               sizeof columns[0], cmp_col);
}

const kj_coldef *kj_col_all(size_t *count)
{
	*count = sizeof columns / sizeof columns[0];
	return columns;
}

char *kj_col_normalise(const char *header, size_t len, char *buf, size_t n)
{
	size_t i = 0, j = 0;
	const struct alias *a;

	if (n == 0)
		return buf;
	while (len > 0 && (header[len - 1] == ' ' || header[len - 1] == '\t'))
		len--;
	for (;;) {
		if (i < len && (header[i] == ' ' || header[i] == '\t'))
			i++;
		/* A second byte order mark (the reader strips the first) is
		 * no part of a name. */
		else if (len - i >= 3 && memcmp(header + i, "\xEF\xBB\xBF", 3) == 0)
			i += 3;
		else
			break;
	}
	for (; i < len && j + 1 < n; i++) {
		unsigned char c = (unsigned char)header[i];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		else if (c == ' ' || c == '-')
			c = '_';
		buf[j++] = (char)c;
	}
	buf[j] = '\0';
	a = bsearch(buf, aliases, sizeof aliases / sizeof aliases[0],
	            sizeof aliases[0], cmp_alias);
	if (a && strlen(a->name) < n)
		strcpy(buf, a->name);
	return buf;
}

/* Enum words of FORMATS.md and their Indonesian labels.  Sorted by word. */
static const struct enum_label {
	const char *word, *label;
} enum_labels[] = {
	{ "ada", "Ada" },
	{ "administrator", "Administrator" },
	{ "anggaran", "Anggaran" },
	{ "baik", "Baik" },
	{ "biaya", "Biaya" },
	{ "butuh_perbaikan", "Butuh Perbaikan" },
	{ "cltn", "CLTN" },
	{ "cpns", "CPNS" },
	{ "cuti_alasan_penting", "Cuti Alasan Penting" },
	{ "cuti_besar", "Cuti Besar" },
	{ "cuti_melahirkan", "Cuti Melahirkan" },
	{ "cuti_sakit", "Cuti Sakit" },
	{ "cuti_tahunan", "Cuti Tahunan" },
	{ "di_atas", "Di Atas Ekspektasi" },
	{ "di_bawah", "Di Bawah Ekspektasi" },
	{ "dinas_luar", "Dinas Luar" },
	{ "fungsional", "Fungsional" },
	{ "hukdis_berat", "Hukuman Disiplin Berat" },
	{ "hukdis_ringan", "Hukuman Disiplin Ringan" },
	{ "hukdis_sedang", "Hukuman Disiplin Sedang" },
	{ "istimewa", "Istimewa" },
	{ "izin", "Izin" },
	{ "jpt_madya", "JPT Madya" },
	{ "jpt_pratama", "JPT Pratama" },
	{ "kualitas", "Kualitas" },
	{ "kualitatif", "Kualitatif" },
	{ "kuantitas", "Kuantitas" },
	{ "kuantitatif", "Kuantitatif" },
	{ "kurang", "Kurang" },
	{ "mpp", "MPP" },
	{ "negatif", "Negatif" },
	{ "pelaksana", "Pelaksana" },
	{ "penerima_layanan", "Penerima Layanan" },
	{ "pengawas", "Pengawas" },
	{ "penguatan_internal", "Penguatan Internal" },
	{ "pns", "PNS" },
	{ "positif", "Positif" },
	{ "pppk", "PPPK" },
	{ "proses_bisnis", "Proses Bisnis" },
	{ "rendah", "Rendah" },
	{ "sakit", "Sakit" },
	{ "sangat_baik", "Sangat Baik" },
	{ "sangat_kurang", "Sangat Kurang" },
	{ "sangat_rendah", "Sangat Rendah" },
	{ "sangat_tinggi", "Sangat Tinggi" },
	{ "sedang", "Sedang" },
	{ "sesuai", "Sesuai Ekspektasi" },
	{ "tambahan", "Tambahan" },
	{ "tidak", "Tidak" },
	{ "tinggi", "Tinggi" },
	{ "tugas_belajar", "Tugas Belajar" },
	{ "utama", "Utama" },
	{ "waktu", "Waktu" },
	{ "ya", "Ya" },
};

static int cmp_enum(const void *key, const void *elem)
{
	return strcmp(key, ((const struct enum_label *)elem)->word);
}

const char *kj_enum_label(const char *word, size_t len)
{
	char buf[32];
	const struct enum_label *e;

	if (len >= sizeof buf)
		return NULL;
	memcpy(buf, word, len);
	buf[len] = '\0';
	e = bsearch(buf, enum_labels, sizeof enum_labels / sizeof enum_labels[0],
	            sizeof enum_labels[0], cmp_enum);
	return e ? e->label : NULL;
}

#define N_ENUM (sizeof enum_labels / sizeof enum_labels[0])

/* Lower case, with blanks, '-' and '_' runs as one '_', ends trimmed. */
static size_t enum_key(const char *text, size_t len, char *buf, size_t n)
{
	size_t j = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];

		if (j + 1 >= n)
			return 0;
		if (c == ' ' || c == '-' || c == '_') {
			if (j > 0 && buf[j - 1] != '_')
				buf[j++] = '_';
			continue;
		}
		buf[j++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	while (j > 0 && buf[j - 1] == '_')
		j--;
	buf[j] = '\0';
	return j;
}

const char *kj_enum_word(const char *text, size_t len)
{
	static char label_keys[N_ENUM][40];
	static int ready;
	char buf[40];
	const struct enum_label *e;

	if (!enum_key(text, len, buf, sizeof buf))
		return NULL;
	e = bsearch(buf, enum_labels, N_ENUM, sizeof enum_labels[0], cmp_enum);
	if (e)
		return e->word;
	/* A label ("Di Atas Ekspektasi") in any case and spacing. */
	if (!ready) {
		for (size_t i = 0; i < N_ENUM; i++)
			enum_key(enum_labels[i].label,
			         strlen(enum_labels[i].label), label_keys[i],
			         sizeof label_keys[i]);
		ready = 1;
	}
	for (size_t i = 0; i < N_ENUM; i++)
		if (strcmp(label_keys[i], buf) == 0)
			return enum_labels[i].word;
	return NULL;
}

int kj_col_summable(const kj_coldef *def)
{
	if (def->flags & KJ_COL_NOSUM)
		return 0;
	return def->type == KJ_COL_INT || def->type == KJ_COL_MONEY ||
	       def->type == KJ_COL_NUM;
}

const char *kj_coltype_name(kj_coltype t)
{
	switch (t) {
	case KJ_COL_TEXT: return "text";
	case KJ_COL_INT: return "integer";
	case KJ_COL_NUM: return "number";
	case KJ_COL_MONEY: return "Rupiah";
	case KJ_COL_PCT: return "percent";
	case KJ_COL_DATE: return "date";
	}
	return "?";
}
