#!/bin/sh
# The monthly job on the bundled example Pemda (Kota Contoh), November 2026:
# the SKP cascade checked, fingerprint logs -> attendance summary, realisasi
# -> kinerja, both -> TPP -> the Sekda's workbook; the quarterly check, the
# reminders to late OPD, and the ANJAB/ABK check.
#
#   make demo                      (installs what is missing, builds first)
#   KJ_BIN=bin examples/demo.sh    (with the commands already built)
#
# examples/kota-contoh/README and README.kinerja describe every file.  Some
# steps find something on purpose (87 Dinas Kesehatan staff without an SKP,
# three OPD under 75 %, eight OPD late): their exit status 1 is expected.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${KJ_BIN:-$top/bin}
data=$top/examples/kota-contoh
rules=$top/examples/rules
out=${KJ_DEMO_OUT:-$top/out/demo}
bulan=2026-11
mkdir -p "$out"
PATH=$bin:$PATH

# found CMD...: run a check whose findings are the point: 0 or 1 is fine.
found() {
	"$@" || [ $? -eq 1 ]
}

echo "demo: the SKP cascade of 2026 (skp-cascade)"
found skp-cascade -p "$data/pegawai.tsv" -o "$out/skp-links-2026.tsv" \
	"$data/skp/" "$data/skp-lain-2026.tsv" 2>"$out/skp-check-2026.txt"
echo "  $(grep -c 'tidak-menyusun-skp' "$out/skp-check-2026.txt") employees have no SKP;" \
	"skeletons for them in $out/skp-draft-2026.yaml"
skp-cascade --draft --peran "$data/peran-2026.tsv" -p "$data/pegawai.tsv" -o "$out/skp-draft-2026.yaml" \
	"$data/skp/" "$data/skp-lain-2026.tsv"
skp-cascade --tree -p "$data/pegawai.tsv" -o "$out/skp-tree-dinkes.txt" "$data/skp/"

echo "demo: attendance of $bulan (absen-rekap)"
absen-rekap -m "$bulan" -j "$data/jadwal-2026.yaml" -p "$data/pegawai.tsv" \
	-i "$data/izin-$bulan.tsv" -o "$out/absen-$bulan.tsv" \
	"$data/log-$bulan.tsv.gz"

echo "demo: capaian and predikat of $bulan (capaian-check)"
capaian-check -m "$bulan" -p "$data/pegawai.tsv" -r "$data/realisasi-$bulan.tsv" \
	--perilaku "$data/perilaku-$bulan.tsv" \
	--organisasi "$data/organisasi-$bulan.tsv" \
	-o "$out/kinerja-$bulan.tsv" "$data/skp/" "$data/skp-lain-2026.tsv"

echo "demo: TPP of $bulan under examples/rules/kota-contoh-2026.yaml (tpp-calc)"
tpp-calc -r "$rules/kota-contoh-2026.yaml" -m "$bulan" -p "$data/pegawai.tsv" \
	-a "$out/absen-$bulan.tsv" -k "$out/kinerja-$bulan.tsv" \
	-o "$out/tpp-$bulan.tsv"
tpp-calc -r "$rules/kota-contoh-2026.yaml" -m "$bulan" -p "$data/pegawai.tsv" \
	-a "$out/absen-$bulan.tsv" -k "$out/kinerja-$bulan.tsv" \
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

echo "demo: the third quarter's fisik and keuangan against 75 % (capaian-check --kegiatan)"
found capaian-check --kegiatan "$data/kegiatan-2026-TW3.tsv" -m 2026-TW3 \
	-s "$out/kegiatan-sub-2026-TW3.tsv" -o "$out/kegiatan-opd-2026-TW3.tsv"

echo "demo: who has not reported $bulan by 8 December, and their reminders (lapor-remind)"
found capaian-check --unreported -m "$bulan" --laporan "$data/laporan-$bulan.tsv" \
	--per 2026-12-08 -o "$out/belum-lapor-$bulan.tsv" "$data/opd.tsv"
lapor-remind -t "$top/examples/lapor-template.txt" -o "$out/pengingat-$bulan.mbox" \
	"$out/belum-lapor-$bulan.tsv"

echo "demo: ANJAB and ABK of three jabatan (anjab-validate)"
found anjab-validate -p "$data/pegawai.tsv" -o "$out/abk.tsv" "$data"/anjab/*.yaml \
	2>"$out/anjab-check.txt"
echo "  $(grep -c ': error: ' "$out/anjab-check.txt") errors," \
	"$(grep -c ': warning: ' "$out/anjab-check.txt") warnings (the other jabatan" \
	"of those OPD have no document yet): $out/anjab-check.txt"

echo
echo "demo: why one employee's TPP is what it is (tpp-calc --explain):"
nip=$(awk -F'\t' 'NR == 3 { print $1 }' "$data/pegawai.tsv")
tpp-calc -r "$rules/kota-contoh-2026.yaml" -m "$bulan" -p "$data/pegawai.tsv" \
	-a "$out/absen-$bulan.tsv" -k "$out/kinerja-$bulan.tsv" --explain "$nip"

echo
echo "demo: done; the outputs are in $out:"
ls -l "$out"
echo "demo: the Sekda's workbook: $out/rekap-tpp-$bulan.xlsx"
