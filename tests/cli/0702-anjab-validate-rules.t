#!/bin/sh
# anjab-validate: every rule id of the catalogue (domain/anjab-abk.md
# §4.2) fires on a minimal change to tests/data/anjab/clean.yaml, on which
# none fires (0700), with its id, its place and its severity: errors exit
# 1, warnings alone exit 0.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
C=$KJ_TOP/tests/data/anjab/clean.yaml

plan 106

# mut FILE SED-ARGS...: clean.yaml changed by sed.
mut() {
	_f=$1
	shift
	sed "$@" "$C" > "$_f"
}

# rule STATUS FILE EXPECTED-LINE...: exit STATUS, each line on stderr.
rule() {
	_st=$1
	_f=$2
	shift 2
	check_exit "$_st" "$_f: exit $_st" anjab-validate "$_f"
	for _l in "$@"; do
		if grep -qxF "anjab-validate: $_f:$_l" "$SCRATCH/.err"; then
			_ok "$_f: $_l"
		else
			_not_ok "$_f: $_l"
			diag_file "$SCRATCH/.err"
		fi
	done
}

# A01: missing values and placeholders.
mut a01.yaml -e 's/^ikhtisar: .*/ikhtisar: KOSONG/'
rule 1 a01.yaml "6:11: error: ikhtisar (ikhtisar jabatan) is missing (a placeholder) [A01]"
mut a01-nama.yaml -e 's/^nama: .*/nama: "…"/'
rule 1 a01-nama.yaml "1:7: error: nama (nama jabatan) is missing (a placeholder) [A01]"
mut a01-dash.yaml -e 's/^opd: .*/opd: "-"/' -e '/^unit:/d'
rule 1 a01-dash.yaml "4:6: error: opd (unit kerja) is missing (a placeholder) [A01]"
mut a01-pend.yaml -e 's/pendidikan: \[D3 Komputer\]/pendidikan: TIDAK DIISI/'
rule 1 a01-pend.yaml "7:28: error: kualifikasi.pendidikan (pendidikan formal) is missing [A01]"
mut a01-tugas.yaml -e '/^tugas:/,+1d'
rule 1 a01-tugas.yaml "1:1: error: tugas (tugas pokok) is missing: no task, so no beban kerja [A01]"
mut a01-hasil.yaml -e 's/^hasil_kerja: .*/hasil_kerja: KOSONG/'
rule 1 a01-hasil.yaml "10:14: error: hasil_kerja is missing [A01]"
# A02, A03, A04: warnings.
mut a02.yaml -e '/^wewenang:/d'
rule 0 a02.yaml "1:1: warning: wewenang is missing [A02]"
mut a03.yaml -e 's/, getaran: Tidak ada//'
rule 0 a03.yaml "16:21: warning: kondisi_lingkungan.getaran is missing [A03]"
mut a04.yaml -e 's/^ikhtisar: .*/ikhtisar: Mengolah data. Menyimpan data./'
rule 0 a04.yaml "6:11: warning: ikhtisar has more than one sentence (an ikhtisar jabatan is one sentence) [A04]"
# A08: tasks, results, satuan.
mut a08.yaml -e 's/hasil: Data olahan, satuan: berkas, jumlah/satuan: berkas, jumlah/'
rule 1 a08.yaml "9:5: error: tugas 1 has no hasil (hasil kerja) [A08]" \
	"10:24: warning: hasil kerja 'Data olahan' is the result of no tugas [A08]"
mut a08-satuan.yaml -e 's/^hasil_kerja: .*/hasil_kerja: [{ hasil: Data olahan }]/'
rule 1 a08-satuan.yaml "10:15: error: hasil kerja 'Data olahan' has no satuan [A08]"
mut a08-unused.yaml -e 's/^hasil_kerja: .*/hasil_kerja: [{ hasil: Data olahan, satuan: berkas }, { hasil: Laporan, satuan: laporan }]/'
rule 0 a08-unused.yaml "10:64: warning: hasil kerja 'Laporan' is the result of no tugas [A08]"
# A09: closed code lists; names and "00" for O0 are accepted.
mut a09.yaml -e 's/bakat: \[G\]/bakat: [X, intelegensia]/' \
	-e 's/temperamen: \[R\]/temperamen: [Repetitive, Z]/' \
	-e 's/fungsi: \[D3\]/fungsi: [D7, "00", B7 Memegang]/' \
	-e 's/minat: \[Konvensional\]/minat: [1a, KEWIRAUSAHAAN, Pemalas]/' \
	-e 's/upaya_fisik: \[Duduk\]/upaya_fisik: [Terbang, duduk]/'
rule 1 a09.yaml \
	"18:45: error: bakat 'X' is not a bakat kerja (G V N S P Q K F M E C or their names) [A09]" \
	"18:88: error: temperamen 'Z' is not a temperamen kerja (D F I J M P R S T V or their names) [A09]" \
	"18:100: warning: minat '1a' is the old 1a-5b coding (format lama); use Realistik, Investigatif, Artistik, Sosial, Kewirausahaan or Konvensional [A09]" \
	"18:119: error: minat 'Pemalas' is not a minat kerja (Realistik, Investigatif, Artistik, Sosial, Kewirausahaan, Konvensional) [A09]" \
	"18:143: error: upaya fisik 'Terbang' is not in the list of upaya fisik (Duduk, Berdiri, Berjalan, ...) [A09]" \
	"18:228: error: fungsi pekerja 'D7' is not one of D0-D6, O0-O8, B0-B7 or their names [A09]"
check_text "a09.yaml: exactly those six" 6 "$(grep -c 'A09' "$SCRATCH/.err")"
# A10, A11, A12: kelas and evjab.
mut a10.yaml -e 's/^kelas: 6/kelas: 18/' -e '/^evjab/d'
rule 1 a10.yaml "20:8: error: kelas: expected an integer from 1 to 17, found '18' [A10]"
mut a10-word.yaml -e 's/^kelas: 6/kelas: enam/' -e '/^evjab/d'
rule 1 a10-word.yaml "20:8: error: kelas: expected an integer from 1 to 17, found 'enam' [A10]"
mut a11.yaml -e 's/^jenis: pelaksana/jenis: pengawas/' -e 's/^kelas: 6/kelas: 7/' -e '/^evjab/d'
rule 1 a11.yaml "20:8: error: kelas 7 is below 8, the lowest kelas a struktural jabatan (pengawas) can reach by evaluasi jabatan [A11]"
mut a11-level.yaml -e 's/f1: 3/f1: 10/' -e 's/, f9: 1//'
rule 1 a11-level.yaml "21:8: error: evjab.f9 has no level [A11]" \
	"21:14: error: evjab.f1: level '10' is out of range (1 to 9) [A11]"
mut a11-label.yaml -e 's/f1: 3/f1: F2L3/'
rule 1 a11-label.yaml "21:14: error: evjab.f1: level 'F2L3' is a level of f2, not of f1 [A11]"
mut a11-label-range.yaml -e 's/^evjab: .*/evjab: [F1L10, F2L2, F3L2, F4L2, F5L1, F6L1, F7L1, F8L1, F9L1]/'
rule 1 a11-label-range.yaml "21:9: error: evjab.f1: level 'F1L10' is out of range (1 to 9) [A11]"
mut a12.yaml -e 's/^kelas: 6/kelas: 7/'
rule 1 a12.yaml "20:8: error: kelas 7 stated, but evjab gives 740 points, kelas 6 [A12]"
# A13: the unit tree.
mut a13.yaml -e 's/^jenis: pelaksana/jenis: pengawas/' -e 's/^unit: .*/unit: DINAS/' -e 's/^kelas: 6/kelas: 9/' -e '/^evjab/d'
rule 0 a13.yaml "3:8: warning: jabatan pengawas heads the OPD itself (DINAS): its unit should be below the OPD [A13]"
mut a13-opd.yaml -e 's/^unit: .*/unit: LAIN.SEK/'
rule 0 a13-opd.yaml "5:7: warning: unit 'LAIN.SEK' is not in OPD 'DINAS' (a unit code starts with its OPD's code) [A13]"

# B01: volumes and times.
mut b01.yaml -e 's/jumlah: 500/jumlah: -500/'
rule 1 b01.yaml "9:74: error: tugas 1: jumlah: expected a number between 0 and 10000000 with at most 2 decimals, found '-500' [B01]"
mut b01-word.yaml -e 's/waktu: 2 }/waktu: dua }/'
rule 1 b01-word.yaml "9:86: error: tugas 1: waktu: expected a number between 0 and 10000 with at most 4 decimals, found 'dua' [B01]"
mut b01-zero.yaml -e 's/jumlah: 500/jumlah: 0/'
rule 1 b01-zero.yaml "9:74: error: tugas 1: jumlah must be more than 0, found 0 [B01]"
mut b01-none.yaml -e 's/, waktu: 2//'
rule 1 b01-none.yaml "9:5: error: tugas 1: waktu is missing [B01]"
check_text "b01-none.yaml: no numbers for the job" "DINAS	DINAS.SEK	Pengolah Data	pelaksana				1				6	6	740" \
	"$(sed -n 2p "$SCRATCH/.out")"
mut b01-comma.yaml -e 's/jumlah: 500, waktu: 2 }/jumlah: 500, waktu: "2,0" }/'
check "b01-comma.yaml: a decimal comma is a number" anjab-validate b01-comma.yaml
# B02-B07.
mut b02.yaml -e 's/waktu: 2 }/waktu: 2, waktu_efektif: 1200 }/'
rule 0 b02.yaml "9:104: warning: waktu_efektif 1200 is not the WKE of 1250 hours a year (1,200 hours is the old WKE of Perka BKN 19/2011) [B02]"
mut b02-min.yaml -e 's/waktu: 2 }/waktu: 2, waktu_efektif: 75000 }/'
rule 0 b02-min.yaml "9:104: warning: waktu_efektif 75000 is not the WKE of 1250 hours a year (this is minutes, not hours) [B02]"
mut b03.yaml -e 's/waktu: 2 }/waktu: 2, kebutuhan: 0.5 }/' -e 's/^kelas: 6/jumlah_pegawai: 0.81\npembulatan: 2\nkelas: 6/'
rule 1 b03.yaml "9:100: error: tugas 1: kebutuhan 0.5 stated, but 500 x 2 / 1250 = 0.8 [B03]" \
	"20:17: error: jumlah_pegawai 0.81 stated, but the tasks add up to 0.8 [B03]" \
	"21:13: error: pembulatan 2 stated, but the tasks round to 1 [B03]"
mut b03-ok.yaml -e 's/waktu: 2 }/waktu: 2, waktu_efektif: 1250, kebutuhan: "0,80" }/' -e 's/^kelas: 6/jumlah_pegawai: 0.8\npembulatan: 1\nkelas: 6/'
check "b03-ok.yaml: the right arithmetic is silent" anjab-validate b03-ok.yaml
check_text "b03-ok.yaml: nothing on stderr" "" "$(cat "$SCRATCH/.err")"
mut b04.yaml -e 's/jumlah: 500, waktu: 2/jumlah: 1, waktu: 1300/'
rule 0 b04.yaml "9:84: warning: tugas 1: waktu 1300 hours for one berkas is the whole WKE of a year or more [B04]"
mut b04-min.yaml -e 's/jumlah: 500, waktu: 2 }/jumlah: 500, waktu: 2 }\n  - { uraian: Memberi paraf, hasil: Data olahan, satuan: berkas, jumlah: 100, waktu: 0.01 }/'
rule 0 b04-min.yaml "10:86: warning: tugas 2: waktu 0.01 hours is under one minute (minutes written as hours?) [B04]"
mut b05.yaml -e 's/jumlah: 500/jumlah: 2000/'
rule 0 b05.yaml "9:3: warning: kebutuhan_hitung 3.20 is far from the bezetting of 1 [B05]" \
	"9:5: warning: tugas 1 alone needs more than one pegawai, and the bezetting is 1 [B05]"
mut b06.yaml -e 's/^jenis: pelaksana/jenis: administrator/' -e 's/^kelas: 6/pembulatan: 2\nkelas: 11/' -e '/^evjab/d'
rule 1 b06.yaml "20:13: error: a struktural jabatan (administrator) is held by one person: kebutuhan must be 1, found 2 [B06]"
mut b07.yaml -e 's/jumlah: 500/jumlah: 200/'
rule 0 b07.yaml "9:3: warning: kebutuhan_hitung 0.32 is below 0.5 pegawai: consider merging this jabatan with another [B07]"
# B08: bezetting.
mut b08.yaml -e 's/^bezetting: 1/bezetting: -1/'
rule 1 b08.yaml "22:12: error: bezetting must be 0 or more, found -1 [B08]"
mut b08-none.yaml -e '/^bezetting:/d'
rule 0 b08-none.yaml "1:1: warning: bezetting is missing: selisih and EJ are not computed (give it, or -p pegawai.tsv) [B08]"
mut b08-per.yaml -e 's/^bezetting: 1/bezetting: 1\nbezetting_per: 2026-06-30/'
rule 0 b08-per.yaml "23:16: warning: bezetting_per '2026-06-30' is not 31 December (bezetting is counted as of 31 Desember of the previous year) [B08]"
# B10: the same task twice (case and blanks do not matter).
mut b10.yaml -e 's/jumlah: 500, waktu: 2 }/jumlah: 250, waktu: 2 }\n  - { uraian: mengolah  DATA, hasil: Data olahan, satuan: berkas, jumlah: 250, waktu: 2 }/'
rule 0 b10.yaml "10:15: warning: tugas 2 repeats tugas 1 ('mengolah  DATA'): its beban is counted twice [B10]"

# Across documents: A05, A06, A07, A13, B09.
{ cat "$C"; echo ---; cat "$C"; } > a05.yaml
rule 1 a05.yaml "24:7: error: jabatan 'Pengolah Data' appears twice in unit DINAS.SEK (also a05.yaml:1) [A05]"
{ cat "$C"; echo ---; sed 's/^nama: .*/nama: Pengelola Data/' "$C"; } > a06.yaml
rule 1 a06.yaml "25:7: error: kode T-01 is also the kode of 'Pengolah Data' (a06.yaml:2) [A06]"
{ cat "$C"; echo ---; sed -e '/^kode:/d' -e 's/^unit: .*/unit: DINAS.UMUM/' -e 's/^kelas: 6/kelas: 7/' -e '/^evjab/d' "$C"; } > a07.yaml
rule 0 a07.yaml "42:8: warning: 'Pengolah Data' is kelas 7 here and kelas 6 in DINAS.SEK (a07.yaml:20) [A07]"
{ sed -e 's/^jenis: .*/jenis: pengawas/' -e 's/^kelas: 6/kelas: 9/' -e '/^evjab/d' "$C"; echo ---
  sed -e '/^kode:/d' -e 's/^nama: .*/nama: Kepala Bidang/' -e 's/^jenis: .*/jenis: administrator/' \
	-e 's/^unit: .*/unit: DINAS.SEK.BID/' -e 's/^kelas: 6/kelas: 11/' -e '/^evjab/d' "$C"; } > a13-head.yaml
rule 0 a13-head.yaml "24:8: warning: jabatan administrator under 'Pengolah Data', jabatan pengawas (a13-head.yaml:1) [A13]"
{ cat "$C"; echo ---; echo "rekap: { opd: DINAS, unit: DINAS.SEK, kebutuhan: 2, bezetting: 1, eu: '0,75', pu: C }"; } > b09.yaml
rule 1 b09.yaml "24:50: error: rekap: kebutuhan 2 stated, the jabatan add up to 1 [B09]" \
	"24:71: error: rekap: EU 0.75 stated, but it is 0.80 [B09]"
{ cat "$C"; echo ---; echo "rekap: { opd: DINAS, kebutuhan: 1, bezetting: 1, eu: 0.80, pu: c }"; } > b09-ok.yaml
check "b09-ok.yaml: a right OPD rekap is silent" anjab-validate b09-ok.yaml
check_text "b09-ok.yaml: nothing on stderr" "" "$(cat "$SCRATCH/.err")"
{ cat "$C"; echo ---; echo "rekap: { opd: LAIN }"; } > b09-none.yaml
rule 1 b09-none.yaml "24:8: error: rekap: no jabatan of OPD LAIN in the documents [B09]"
