#!/bin/sh
# The monthly job on the bundled example Pemda (Kota Contoh), November 2026:
# fingerprint logs -> attendance summary -> TPP -> the Sekda's workbook.
#
#   make demo                      (installs what is missing, builds first)
#   KJ_BIN=bin examples/demo.sh    (with the commands already built)
#
# kinerja-2026-11.tsv stands in for capaian-check, which is not written
# yet; examples/kota-contoh/README describes every file.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${KJ_BIN:-$top/bin}
data=$top/examples/kota-contoh
rules=$top/examples/rules
out=${KJ_DEMO_OUT:-$top/out/demo}
bulan=2026-11
mkdir -p "$out"
PATH=$bin:$PATH

echo "demo: attendance of $bulan (absen-rekap)"
absen-rekap -m "$bulan" -j "$data/jadwal-2026.yaml" -p "$data/pegawai.tsv" \
	-i "$data/izin-$bulan.tsv" -o "$out/absen-$bulan.tsv" \
	"$data/log-$bulan.tsv.gz"

echo "demo: TPP of $bulan under examples/rules/kota-contoh-2026.yaml (tpp-calc)"
tpp-calc -r "$rules/kota-contoh-2026.yaml" -m "$bulan" -p "$data/pegawai.tsv" \
	-a "$out/absen-$bulan.tsv" -k "$data/kinerja-$bulan.tsv" \
	-o "$out/tpp-$bulan.tsv"
tpp-calc -r "$rules/kota-contoh-2026.yaml" -m "$bulan" -p "$data/pegawai.tsv" \
	-a "$out/absen-$bulan.tsv" -k "$data/kinerja-$bulan.tsv" \
	--ringkas -o "$out/tpp-ringkas-$bulan.tsv"

echo "demo: the recap workbooks for the Sekda (rekap-xlsx)"
rekap-xlsx --split-by opd --total --chart netto \
	--title "TPP Pegawai Kota Contoh" \
	-o "$out/rekap-tpp-$bulan.xlsx" "$out/tpp-$bulan.tsv"
rekap-xlsx --total --sheet "Kehadiran $bulan" \
	--title "Rekap Kehadiran Kota Contoh" \
	-o "$out/rekap-absen-$bulan.xlsx" "$out/absen-$bulan.tsv"
rekap-xlsx --split-by opd --total --chart gaji \
	--title "Rekap Pegawai Kota Contoh" \
	-o "$out/rekap-pegawai.xlsx" "$data/pegawai.tsv"

echo
echo "demo: why one employee's TPP is what it is (tpp-calc --explain):"
nip=$(awk -F'\t' 'NR == 3 { print $1 }' "$data/pegawai.tsv")
tpp-calc -r "$rules/kota-contoh-2026.yaml" -m "$bulan" -p "$data/pegawai.tsv" \
	-a "$out/absen-$bulan.tsv" -k "$data/kinerja-$bulan.tsv" --explain "$nip"

echo
echo "demo: done; the outputs are in $out:"
ls -l "$out"
echo "demo: the Sekda's workbook: $out/rekap-tpp-$bulan.xlsx"
