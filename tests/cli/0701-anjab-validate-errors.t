#!/bin/sh
# anjab-validate: usage errors and unreadable input exit 2 with
# file:line:col and leave no output file; findings exit 1 and still
# write the table.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/anjab
C=$D/clean.yaml
U="usage: anjab-validate [-p pegawai.tsv] [--wke-jam 1250] [--pembulatan half-up|ceil|floor] [--strict] [--peta] [-o FILE] [ANJAB...]"

plan 57

# bad DESC MESSAGE CMD...: exit 2, the first line of stderr, no out.tsv.
bad() {
	_desc=$1
	_msg=$2
	shift 2
	check_exit 2 "$_desc: exit 2" "$@"
	check_stderr "$_desc: message" "$_msg"
	check_absent "$_desc: no output file" out.tsv
}

# Usage.
bad "unknown option" "anjab-validate: unrecognized option '--bogus'" \
	anjab-validate --bogus -o out.tsv "$C"
check_text "unknown option: the usage follows" "$U" "$(sed -n 2p "$SCRATCH/.err")"
bad "--wke-jam 0" "anjab-validate: --wke-jam: expected whole hours a year from 1 to 8784, found '0'" \
	anjab-validate --wke-jam 0 -o out.tsv "$C"
bad "--wke-jam with decimals" "anjab-validate: --wke-jam: expected whole hours a year from 1 to 8784, found '1250.5'" \
	anjab-validate --wke-jam 1250.5 -o out.tsv "$C"
bad "--pembulatan round" "anjab-validate: --pembulatan: expected half-up, ceil or floor, found 'round'" \
	anjab-validate --pembulatan round -o out.tsv "$C"
bad "standard input twice" "anjab-validate: standard input (-) can be read only once" \
	anjab-validate -p - -o out.tsv -

# Unreadable input.
bad "a missing file" "anjab-validate: nofile.yaml: error: cannot open: No such file or directory" \
	anjab-validate -o out.tsv nofile.yaml
bad "a missing roster" "anjab-validate: nofile.tsv: error: cannot open: No such file or directory" \
	anjab-validate -p nofile.tsv -o out.tsv "$C"
sed 's/^evjab: .*/evjab: [F1L3, F2L2, F3L2, F4L2, F5L1, F6L1, F7L1, F8L1, F9L1, F1-3]/' "$C" > evdup.yaml
bad "evjab: a factor given twice" "anjab-validate: evdup.yaml:21:63: error: evjab: a second level for factor f1 (first at line 21, column 9)" \
	anjab-validate -o out.tsv evdup.yaml
sed 's/^evjab: .*/evjab: [F1L3, tiga]/' "$C" > evword.yaml
bad "evjab: an item that is not a label" "anjab-validate: evword.yaml:21:15: error: evjab: expected a factor level such as F1L6, 1-6 or 'Faktor 1 - 6', found 'tiga'" \
	anjab-validate -o out.tsv evword.yaml
printf 'nama: A\n  tugas: [\n' > broken.yaml
bad "malformed YAML" "anjab-validate: broken.yaml:2:8: error: mapping values are not allowed in this context" \
	anjab-validate -o out.tsv "$C" broken.yaml
sed 's/^ikhtisar:/ikhtisr:/' "$C" > key.yaml
bad "an unknown key" "anjab-validate: key.yaml:6:1: error: unknown key 'ikhtisr' (expected one of: nama, kode, jenis, opd, unit, unit_kerja, ikhtisar, kualifikasi, tugas, jumlah_pegawai, pembulatan, hasil_kerja, bahan_kerja, perangkat_kerja, tanggung_jawab, wewenang, korelasi, kondisi_lingkungan, risiko_bahaya, syarat, prestasi, kelas, evjab, bezetting, bezetting_per, butir_lain); did you mean 'ikhtisar'?" \
	anjab-validate -o out.tsv key.yaml
sed 's/satuan: berkas, jumlah/satuan: berkas, jumalh/' "$C" > tkey.yaml
bad "an unknown key in a task" "anjab-validate: tkey.yaml:9:66: error: unknown key 'jumalh' (expected one of: uraian, tahapan, hasil, satuan, jumlah, waktu, waktu_efektif, kebutuhan); did you mean 'jumlah'?" \
	anjab-validate -o out.tsv tkey.yaml
sed 's/^jenis: .*/jenis: eselon IV/' "$C" > jenis.yaml
bad "an unknown jenis" "anjab-validate: jenis.yaml:3:8: error: jenis: expected jpt_madya, jpt_pratama, administrator, pengawas, pelaksana or fungsional, found 'eselon IV'" \
	anjab-validate -o out.tsv jenis.yaml
sed -e '/^  - { uraian/d' -e 's/^tugas:/tugas: Mengolah data/' "$C" > tugas.yaml
bad "tugas as text" "anjab-validate: tugas.yaml:8:8: error: tugas: expected a sequence of mappings (uraian: ...), found 'Mengolah data'" \
	anjab-validate -o out.tsv tugas.yaml
printf -- '- nama: A\n' > seq.yaml
bad "a sequence for a document" "anjab-validate: seq.yaml:1:1: error: expected a mapping (one jabatan: nama, unit, tugas, ...), found a sequence" \
	anjab-validate -o out.tsv seq.yaml
printf 'nama: &a A\nkode: *a\n' > alias.yaml
bad "an alias" "anjab-validate: alias.yaml:1:7: error: anchors are not allowed" \
	anjab-validate -o out.tsv alias.yaml
printf 'nip\tnama\n' > roster.tsv
bad "a roster without opd" "anjab-validate: roster.tsv:1: error: missing column 'opd' in the header" \
	anjab-validate -p roster.tsv -o out.tsv "$C"

# Findings: exit 1, the table is still written, atomically.
sed 's/^kelas: 6/kelas: 7/' "$C" > a12.yaml
check_exit 1 "an error: exit 1" anjab-validate -o out.tsv a12.yaml
check_text "an error: the table is written" "DINAS	DINAS.SEK	Pengolah Data	pelaksana	1000	0.80	1	1	0	0.80	C	7	6	740" \
	"$(sed -n 2p out.tsv)"
check_text "an error: nothing on stdout with -o" "" "$(cat "$SCRATCH/.out")"
printf '' > empty.yaml
check "an empty file: no jabatan, exit 0" anjab-validate empty.yaml
check_text "an empty file: the header only" "opd	unit	jabatan	jenis	beban_jam	kebutuhan_hitung	kebutuhan	bezetting	selisih	ej	pj	kelas	kelas_evjab	nilai_evjab" \
	"$(cat "$SCRATCH/.out")"
