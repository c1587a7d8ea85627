#!/bin/sh
# capaian-check, default mode: kinerja.tsv from the roster, the SKP and the
# realisasi; worked by hand in tests/data/capaian/README.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/capaian
P=$D/pegawai.tsv
R=$D/realisasi.tsv
S=$D/skp.tsv

plan 44

check "--help exits 0" capaian-check --help
check_text "--help: usage first" \
	"usage: capaian-check -m PERIODE -p pegawai.tsv -r realisasi.tsv [--perilaku FILE] [--organisasi FILE] [--kurva] [--angka-kredit] [-o kinerja.tsv] SKP..." \
	"$(head -n 1 "$SCRATCH/.out")"
check "--version exits 0" capaian-check --version
check_text "--version" "capaian-check (kinerja) 0.1.0" "$(cat "$SCRATCH/.out")"

check "the month" capaian-check -m 2026-11 -p "$P" -r "$R" \
	--perilaku "$D/perilaku.tsv" -o out.tsv "$S"
check_same "the month: kinerja.tsv" "$D/expected.tsv" out.tsv
check_text "the month: target 0 is reported at its line" \
	"capaian-check: $S:10:41: warning: target 0 for indikator B2 of NIP 199101012016032004: capaian not computable, left out of the mean" \
	"$(sed -n 1p "$SCRATCH/.err")"
check_text "the month: the clamp is reported" \
	"capaian-check: $R: warning: 1 realisasi of negative polarity at more than twice the target: capaian clamped at 0" \
	"$(sed -n 2p "$SCRATCH/.err")"
check_text "the month: a partial report is reported" \
	"capaian-check: $R: warning: 1 employees (first 197001011995031001) reported only part of their indicators; the missing ones count as capaian 0" \
	"$(sed -n 3p "$SCRATCH/.err")"

# The same SKP as YAML documents in a folder (tests/data/capaian/skp).
check "SKP as a folder of YAML" capaian-check -m 2026-11 -p "$P" -r "$R" \
	--perilaku "$D/perilaku.tsv" -o out.tsv "$D/skp"
check_same "SKP as YAML: the same kinerja.tsv" "$D/expected.tsv" out.tsv
check_text "SKP as YAML: target 0 at its line" \
	"capaian-check: $D/skp/dinkes.yaml:65:17: warning: target 0 for indikator B2 of NIP 199101012016032004: capaian not computable, left out of the mean" \
	"$(sed -n 1p "$SCRATCH/.err")"
check "SKP in two files" capaian-check -m 2026-11 -p "$P" -r "$R" \
	--perilaku "$D/perilaku.tsv" -o out.tsv "$D/skp/dinkes.yaml" \
	"$D/skp/bappeda.yaml"
check_same "SKP in two files: the same kinerja.tsv" "$D/expected.tsv" out.tsv
gzip -c "$S" > skp.tsv.gz
check "skp.tsv.gz" capaian-check -m 2026-11 -p "$P" -r "$R" \
	--perilaku "$D/perilaku.tsv" -o out.tsv skp.tsv.gz
check_same "skp.tsv.gz: the same kinerja.tsv" "$D/expected.tsv" out.tsv
check "the month again" capaian-check -m 2026-11 -p "$P" -r "$R" \
	--perilaku "$D/perilaku.tsv" -o out.tsv "$S"

# The roster anti-join: every employee has a row, Staf C without an SKP
# and Staf D without a report among them.
check_text "every employee of the roster has a row" "7" \
	"$(tail -n +2 out.tsv | wc -l | tr -d ' ')"
check_text "no SKP: skp tidak, lapor tidak" \
	"199201012017031005	2026-11	tidak	tidak			sesuai	" \
	"$(grep ^199201012017031005 out.tsv)"
check_text "SKP without realisasi: lapor tidak" \
	"199301012018032006	2026-11	ada	tidak			di_bawah	" \
	"$(grep ^199301012018032006 out.tsv)"

check_exit 1 "organisasi, kurva and angka kredit: exit 1 for the kurva" \
	capaian-check -m 2026-11 -p "$P" -r "$R" --perilaku "$D/perilaku.tsv" \
	--organisasi "$D/organisasi-sk.tsv" --kurva --angka-kredit \
	-o out.tsv "$S"
check_same "organisasi: kinerja.tsv" "$D/expected-org.tsv" out.tsv
check_text "kurva: the warning names the OPD, the limit and the counts" \
	"capaian-check: warning: kurva: OPD BAPPEDA (predikat sangat_kurang): 0 of 1 pegawai sangat_kurang, fewer than the minimum 1 (ceil of 60 % of 1, SE MenPAN-RB 3/2023)" \
	"$(tail -n 1 "$SCRATCH/.err")"
check "kurva within the limits: exit 0" \
	capaian-check -m 2026-11 -p "$P" -r "$R" --perilaku "$D/perilaku.tsv" \
	--organisasi "$D/organisasi.tsv" --kurva -o out.tsv "$S"
check_text "organisasi: the head of DINKES follows its predikat" \
	"198001012005011002	2026-11	ada	ya	110	sesuai	di_atas	baik" \
	"$(grep ^198001012005011002 out.tsv)"

check "the year" capaian-check -m 2026 -p "$P" -r "$R" \
	--perilaku "$D/perilaku.tsv" --organisasi "$D/organisasi.tsv" \
	--angka-kredit -o out.tsv "$S"
check_same "the year: a predikat per month" "$D/expected-tahun.tsv" out.tsv

# A row for the year beats the months (realisasi are cumulative): Staf A's
# A1 for 2026 is 8 of 10 = 80, so (80 + 100 + 120) / 3 = 100, sesuai;
# November keeps its own 113.33 (predikat_11 sangat_baik).
{ cat "$R"; printf '199001012015031003\t2026\tA1\t8\t\n'; } > r-tahun.tsv
check "the year: a row for the year" capaian-check -m 2026 -p "$P" \
	-r r-tahun.tsv --perilaku "$D/perilaku.tsv" -o out.tsv "$S"
check_text "the year: the year's row counts" \
	"199001012015031003	2026	ada	ya	100	sesuai	di_atas	baik" \
	"$(grep ^199001012015031003 out.tsv | cut -f 1-8)"
check_text "the year: November keeps its predikat" "butuh_perbaikan sangat_baik" \
	"$(grep ^199001012015031003 out.tsv | cut -f 18,19 | tr '\t' ' ')"

# --batas-atas and --batas-sesuai: with 113 for di_atas the Kabid's 110 is
# sesuai and Staf A's 113.33 di_atas; with 40 for sesuai the Kadis's 47.5
# is sesuai.
check "--batas-atas, --batas-sesuai" capaian-check -m 2026-11 -p "$P" \
	-r "$R" --batas-atas 113 --batas-sesuai 40 -o out.tsv "$S"
check_text "--batas-atas: 110 is sesuai under 113" "sesuai" \
	"$(grep ^198001012005011002 out.tsv | cut -f6)"
check_text "--batas-atas: 113.33 is di_atas" "di_atas" \
	"$(grep ^199001012015031003 out.tsv | cut -f6)"
check_text "--batas-sesuai: 47.5 is sesuai over 40" "sesuai" \
	"$(grep ^197001011995031001 out.tsv | cut -f6)"
check_text "without --perilaku: no rating_perilaku, no predikat" \
	"197001011995031001	2026-11	ada	ya	47.5	sesuai		" \
	"$(grep ^197001011995031001 out.tsv)"

# Standard input and standard output.
check "realisasi from standard input" sh -c \
	"capaian-check -m 2026-11 -p '$P' -r - --perilaku '$D/perilaku.tsv' '$S' < '$R' > out.tsv"
check_same "standard input and output" "$D/expected.tsv" out.tsv
gzip -c "$R" > r.tsv.gz
check "gzip realisasi" capaian-check -m 2026-11 -p "$P" -r r.tsv.gz \
	--perilaku "$D/perilaku.tsv" -o out.tsv "$S"
check_same "gzip realisasi: the same result" "$D/expected.tsv" out.tsv

# The output feeds tpp-calc: its reader takes every row (the Kadis's
# butuh_perbaikan reaches the rincian).
head -n 1 "$KJ_TOP/tests/data/tpp/absen.tsv" > absen.tsv
check "tpp-calc reads kinerja.tsv" sh -c \
	"tpp-calc -r '$KJ_TOP/examples/rules/template-permenpan-63.yaml' -m 2026-11 -p '$P' -a absen.tsv -k '$D/expected.tsv' > tpp.tsv 2>/dev/null && grep -q '^197001011995031001.*predikat butuh_perbaikan' tpp.tsv"

# The long options.
check "long options" capaian-check --periode 2026-11 --pegawai "$P" \
	--realisasi "$R" --perilaku "$D/perilaku.tsv" --output out.tsv "$S"
check_same "long options: the same kinerja.tsv" "$D/expected.tsv" out.tsv

# -o replaces a file atomically.
echo old > keep.tsv
check "-o over an existing file" capaian-check -m 2026-11 -p "$P" -r "$R" \
	--perilaku "$D/perilaku.tsv" -o keep.tsv "$S"
check_same "-o: replaced" "$D/expected.tsv" keep.tsv

done_testing
