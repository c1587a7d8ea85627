#!/bin/sh
# The monthly job on the bundled example Pemda (Kota Contoh), as far as the
# toolkit goes today: the staff recap workbook for the Sekda.
#
#   make demo                      (builds first)
#   KJ_BIN=bin examples/demo.sh    (with the commands already built)
#
# Later commands (absen-rekap, capaian-check, tpp-calc) join this script as
# they land; examples/kota-contoh/README describes the data.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${KJ_BIN:-$top/bin}
data=$top/examples/kota-contoh
out=${KJ_DEMO_OUT:-$top/out/demo}
mkdir -p "$out"

echo "demo: recap of the staff of Kota Contoh per OPD"
"$bin/rekap-xlsx" --split-by opd --total --chart gaji \
	--title "Rekap Pegawai Kota Contoh" \
	-o "$out/rekap-pegawai.xlsx" "$data/pegawai.tsv"
echo "demo: list of OPDs"
"$bin/rekap-xlsx" --sheet "Daftar OPD" -o "$out/daftar-opd.xlsx" "$data/opd.tsv"

echo
echo "demo: done; the workbooks are in $out:"
ls -l "$out"
