#!/bin/sh
# monthly.sh: the monthly TPP batch of a BKPSDM/BPKAD admin.  Copy it,
# set the paths below, and run it from cron on the 5th (see crontab):
#
#   monthly.sh [YYYY-MM]      (default: last month)
#
# Each step writes its file atomically and stops the script on bad input
# (exit 2, with file:line:col on stderr), so a failed month leaves the
# previous outputs as they were and cron mails the message.
set -eu

DATA=${KJ_DATA:-/srv/kinerja}          # pegawai.tsv, jadwal, rules, logs, skp/, realisasi
OUT=${KJ_OUT:-$DATA/keluaran}
RULES=${KJ_RULES:-$DATA/perkada-tpp.yaml}
bulan=${1:-$(date -d "$(date +%Y-%m-15) -1 month" +%Y-%m)}
tahun=${bulan%-*}

mkdir -p "$OUT/$bulan"
o=$OUT/$bulan

absen-rekap -m "$bulan" -j "$DATA/jadwal-$tahun.yaml" -p "$DATA/pegawai.tsv" \
	-i "$DATA/izin-$bulan.tsv" -o "$o/absen.tsv" "$DATA/log/$bulan"/*.tsv.gz

# kinerja.tsv: capaian and predikat from the SKP of the year (skp/, YAML
# or skp.tsv files) and the month's realisasi, perilaku and the OPD's
# predikat.  Everyone in the roster gets a row; no SKP or no report counts.
capaian-check -m "$bulan" -p "$DATA/pegawai.tsv" -r "$DATA/realisasi-$bulan.tsv" \
	--perilaku "$DATA/perilaku-$bulan.tsv" \
	--organisasi "$DATA/organisasi-$bulan.tsv" \
	-o "$o/kinerja.tsv" "$DATA/skp-$tahun/"

tpp-calc -r "$RULES" -m "$bulan" -p "$DATA/pegawai.tsv" -a "$o/absen.tsv" \
	-k "$o/kinerja.tsv" -o "$o/tpp.tsv"
tpp-calc -r "$RULES" -m "$bulan" -p "$DATA/pegawai.tsv" -a "$o/absen.tsv" \
	-k "$o/kinerja.tsv" --ringkas -o "$o/tpp-ringkas.tsv"

rekap-xlsx --split-by opd --total --chart netto --title "TPP $bulan" \
	-o "$o/rekap-tpp-$bulan.xlsx" "$o/tpp.tsv"

echo "monthly.sh: $bulan done: $o/rekap-tpp-$bulan.xlsx"
