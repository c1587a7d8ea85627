#!/bin/sh
# anjab-validate: the hand-worked documents of tests/data/anjab (see its
# README) and examples/kota-contoh/anjab (numbers in their comments);
# every option.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/anjab
E=$KJ_TOP/examples/kota-contoh/anjab

plan 52

check "--help exits 0" anjab-validate --help
check_text "--help starts with the usage" \
	"usage: anjab-validate [-p pegawai.tsv] [--wke-jam 1250] [--pembulatan half-up|ceil|floor] [--strict] [--peta] [-o FILE] [ANJAB...]" \
	"$(head -n 1 "$SCRATCH/.out")"
check "--version exits 0" anjab-validate --version
check_text "--version names the toolkit" "anjab-validate (kinerja) 0.1.0" "$(cat "$SCRATCH/.out")"

# A clean document: no finding at all.
check "clean.yaml: exit 0" anjab-validate "$D/clean.yaml"
check_text "clean.yaml: nothing on stderr" "" "$(cat "$SCRATCH/.err")"
check_same "clean.yaml: the ABK of the README" "$D/clean.tsv" "$SCRATCH/.out"
check "--strict with nothing to report: exit 0" anjab-validate --strict "$D/clean.yaml"

# evjab levels written as labels (F1L6, 1-6, Faktor 1 - 6; kinerja-formats(5))
# count as the integers: clean.yaml's 740 points, kelas 6, the same table.
sed 's/^evjab: .*/evjab: { f1: F1L3, f2: 2-2, f3: "Faktor 3 - 2", f4: Faktor 4 Level 2, f5: f5l1, f6: 6-1, f7: F7L1, f8: 1, f9: F9 - 1 }/' \
	"$D/clean.yaml" > labels.yaml
check "evjab labels in the mapping: exit 0" anjab-validate labels.yaml
check_text "evjab labels in the mapping: nothing on stderr" "" "$(cat "$SCRATCH/.err")"
check_same "evjab labels in the mapping: the ABK of clean.yaml" "$D/clean.tsv" "$SCRATCH/.out"
sed 's/^evjab: .*/evjab: [F9L1, F8L1, F7L1, F6L1, F5L1, F4L2, F3L2, F2L2, F1L3]/' \
	"$D/clean.yaml" > labels-seq.yaml
check "evjab as a sequence of labels: exit 0" anjab-validate labels-seq.yaml
check_same "evjab as a sequence of labels: the ABK of clean.yaml" "$D/clean.tsv" "$SCRATCH/.out"

# The three examples, worked in their comments.
check "the examples: exit 0" anjab-validate "$E/kepala-bidang-mutasi.yaml" \
	"$E/pengadministrasi-perkantoran.yaml" "$E/analis-sdma-ahli-muda.yaml"
check_text "the examples: no finding" "" "$(cat "$SCRATCH/.err")"
check_same "the examples: struktural first, unit and OPD totals" "$D/examples.tsv" "$SCRATCH/.out"
check "--peta" anjab-validate --peta "$E/analis-sdma-ahli-muda.yaml" \
	"$E/kepala-bidang-mutasi.yaml" "$E/pengadministrasi-perkantoran.yaml"
check_same "--peta: the tree of units and jobs" "$D/examples-peta.txt" "$SCRATCH/.out"

# Rounding edges and EJ bands, each --pembulatan.
check "edges: half-up is the default" anjab-validate "$D/edges.yaml"
check_same "edges: half-up" "$D/edges-half-up.tsv" "$SCRATCH/.out"
check_text "edges: the warnings of the README" \
"anjab-validate: $D/edges.yaml:11:3: warning: kebutuhan_hitung 0.49 is below 0.5 pegawai: consider merging this jabatan with another [B07]
anjab-validate: $D/edges.yaml:55:5: warning: tugas 1 alone needs more than one pegawai, and the bezetting is 1 [B05]
anjab-validate: $D/edges.yaml:77:5: warning: tugas 1 alone needs more than one pegawai, and the bezetting is 1 [B05]" \
	"$(cat "$SCRATCH/.err")"
check "edges: --pembulatan half-up" anjab-validate --pembulatan half-up "$D/edges.yaml"
check_same "edges: --pembulatan half-up is the default" "$D/edges-half-up.tsv" "$SCRATCH/.out"
check "edges: --pembulatan ceil" anjab-validate --pembulatan ceil "$D/edges.yaml"
check_same "edges: ceil" "$D/edges-ceil.tsv" "$SCRATCH/.out"
check "edges: --pembulatan floor" anjab-validate --pembulatan=floor "$D/edges.yaml"
check_same "edges: floor" "$D/edges-floor.tsv" "$SCRATCH/.out"
check_exit 1 "edges: --strict makes the warnings count" anjab-validate --strict "$D/edges.yaml"
check_same "edges: --strict still writes the table" "$D/edges-half-up.tsv" "$SCRATCH/.out"

# --wke-jam: 1000 h / 1000 = 1.00, EJ 1.00 -> B.
check "--wke-jam 1000" anjab-validate --wke-jam 1000 "$D/clean.yaml"
check_text "--wke-jam: kebutuhan_hitung 1.00, EJ 1.00, B" \
	"DINAS	DINAS.SEK	Pengolah Data	pelaksana	1000	1.00	1	1	0	1.00	B	6	6	740" \
	"$(sed -n 2p "$SCRATCH/.out")"

# -p: bezetting counted in the roster.
check "-p pegawai.tsv" anjab-validate -p "$D/pegawai.tsv" "$D/clean.yaml"
check_text "-p: bezetting 2, selisih 1, EJ 0.40 E" \
	"DINAS	DINAS.SEK	Pengolah Data	pelaksana	1000	0.80	1	2	1	0.40	E	6	6	740" \
	"$(sed -n 2p "$SCRATCH/.out")"
check_text "-p: jabatan without documents, and the document's own bezetting" \
"anjab-validate: $D/pegawai.tsv:2: warning: jabatan 'Kepala Dinas' of unit DINAS has no ANJAB document: its pegawai are in no bezetting (first here) [B08]
anjab-validate: $D/pegawai.tsv:5: warning: jabatan 'Pengolah Data' of unit DINAS.UMUM has no ANJAB document: its pegawai are in no bezetting (first here) [B08]
anjab-validate: $D/clean.yaml:22:12: warning: bezetting 1 in the document, 2 in pegawai.tsv (used) [B08]" \
	"$(cat "$SCRATCH/.err")"
check "--roster from standard input" sh -c "anjab-validate --roster - '$D/clean.yaml' < '$D/pegawai.tsv'"
check_text "--roster -: the same bezetting" "2" "$(sed -n 2p "$SCRATCH/.out" | cut -f8)"
sed '/^bezetting:/d' "$D/clean.yaml" > nobez.yaml
check "no bezetting: exit 0 (a warning)" anjab-validate nobez.yaml
check_text "no bezetting: selisih, EJ and PJ empty" \
	"DINAS	DINAS.SEK	Pengolah Data	pelaksana	1000	0.80	1					6	6	740" \
	"$(sed -n 2p "$SCRATCH/.out")"
sed 's/^bezetting: 1/bezetting: 0/' "$D/clean.yaml" > zero.yaml
check "bezetting 0" anjab-validate zero.yaml
check_text "bezetting 0: EJ empty, PJ N/A (an empty job)" \
	"DINAS	DINAS.SEK	Pengolah Data	pelaksana	1000	0.80	1	0	-1		N/A	6	6	740" \
	"$(sed -n 2p "$SCRATCH/.out")"

# -o, standard input.
check "-o writes the file" anjab-validate --output o.tsv "$D/clean.yaml"
check_same "-o: the same bytes" "$D/clean.tsv" o.tsv
check "a document on standard input (-)" sh -c "anjab-validate - < '$D/clean.yaml' > in.tsv"
check_same "-: the same table" "$D/clean.tsv" in.tsv
check "no ANJAB reads standard input" sh -c "anjab-validate < '$D/clean.yaml' > none.tsv"
check_same "no ANJAB: the same table" "$D/clean.tsv" none.tsv
check "bezetting 0: the table goes through rekap-xlsx" sh -c "anjab-validate zero.yaml | rekap-xlsx -o abk.xlsx"
check_text "bezetting 0: the workbook has the row" "yes" "$(xlsx_dump abk.xlsx | grep -q 'N/A' && echo yes)"
check "--peta of edges.yaml" anjab-validate --peta "$D/edges.yaml"
check_text "--peta: bezetting/kebutuhan and a signed selisih (README)" \
"DINAS  6/7  -1
  DINAS.SEK  6/7  -1
    E049  kelas 6  1/0  +1
    E050  kelas 6  1/1  0
    E150  kelas 6  1/2  -1
    E2499  kelas 6  1/2  -1
    EJ0895  kelas 6  1/1  0
    EJ0695  kelas 6  1/1  0" "$(cat "$SCRATCH/.out")"
check "--peta without bezetting" sh -c "anjab-validate --peta nobez.yaml"
check_text "--peta: an unknown bezetting is ?, and no selisih" \
"DINAS  ?/1
  DINAS.SEK  ?/1
    Pengolah Data  kelas 6  ?/1" "$(cat "$SCRATCH/.out")"
