#!/bin/sh
# make demo's script on the bundled example: it runs, and the workbook
# agrees with the TSV it came from (rows and money summed by awk).
. "${KJ_TOP:-.}/tests/cli/lib.sh"
plan 12
P=$KJ_TOP/examples/kota-contoh/pegawai.tsv

KJ_DEMO_OUT=$SCRATCH/demo
export KJ_DEMO_OUT
check "examples/demo.sh runs" "$KJ_TOP/examples/demo.sh"
xlsx_dump demo/rekap-pegawai.xlsx --sheet Ringkasan > sum.txt

# Per OPD: "OPD rows gaji", from the TSV with awk and from the summary.
awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	{ n[$col["opd"]]++; g[$col["opd"]] += $col["gaji"] }
	END { for (o in n) printf "%s %d %.0f\n", o, n[o], g[o] }' "$P" |
	LC_ALL=C sort > want.txt
awk '$2 == "s" && $1 ~ /^A/ && $1 !~ /^A[123]$/ { r = substr($1, 2); opd[r] = $3 }
	$1 ~ /^B/ { cnt[substr($1, 2)] = $3 }
	$1 ~ /^C/ { gaji[substr($1, 2)] = $3 }
	END { for (r in opd) if (opd[r] != "\047Jumlah\047") printf "%s %s %s\n", opd[r], cnt[r], gaji[r] }' sum.txt |
	tr -d "'" | LC_ALL=C sort > got.txt
check_same "rows and gaji per OPD in the summary equal the TSV" want.txt got.txt
check_text "the total row counts every employee" \
	"$(awk 'END { print NR - 1 }' "$P")" \
	"$(grep '^B[0-9]* f ' sum.txt | sed 's/.*cached=//')"
check_text "the total gaji equals the TSV's" \
	"$(awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "gaji") c = i; next } { s += $c } END { printf "%.0f\n", s }' "$P")" \
	"$(grep '^C[0-9]* f ' sum.txt | sed 's/.*cached=//')"
check_text "one sheet per OPD after the summary" \
	"$(($(awk -F'\t' 'NR > 1 { print $5 }' "$P" | sort -u | wc -l) + 1))" \
	"$(head -n 1 sum.txt | tr '|' '\n' | wc -l)"

# The monthly pipeline: every roster employee exactly once in absen.tsv and
# tpp.tsv, in roster order, and the workbook's netto total equals the TSV's.
awk -F'\t' 'NR > 1 { print $1 }' "$P" > roster.txt
check_text "absen.tsv: every employee once, in roster order" "" \
	"$(awk -F'\t' 'NR > 1 { print $1 }' demo/absen-2026-11.tsv | diff - roster.txt)"
check_text "kinerja.tsv: every employee once, in roster order" "" \
	"$(awk -F'\t' 'NR > 1 { print $1 }' demo/kinerja-2026-11.tsv | diff - roster.txt)"
check_text "tpp.tsv: every employee once, in roster order" "" \
	"$(awk -F'\t' 'NR > 1 { print $1 }' demo/tpp-2026-11.tsv | diff - roster.txt)"
xlsx_dump demo/rekap-tpp-2026-11.xlsx --sheet Ringkasan > tpp-sum.txt
netto_col=$(awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "netto") print i }' demo/tpp-2026-11.tsv)
check_text "the workbook's netto total equals the sum of tpp.tsv" \
	"$(awk -F'\t' -v c="$netto_col" 'NR > 1 { s += $c } END { printf "%.0f\n", s }' demo/tpp-2026-11.tsv)" \
	"$(col=$(grep "s 'TPP Bersih (Rp)'" tpp-sum.txt | sed 's/[0-9].*//'); \
	   grep "^$col[0-9]* f " tpp-sum.txt | sed 's/.*cached=//')"

# examples/monthly.sh, as an admin would run it, on a copy of the data.
K=$KJ_TOP/examples/kota-contoh
mkdir -p srv/log/2026-11 srv/skp-2026
cp "$K"/pegawai.tsv "$K"/jadwal-2026.yaml "$K"/izin-2026-11.tsv \
	"$K"/realisasi-2026-11.tsv "$K"/perilaku-2026-11.tsv "$K"/organisasi-2026-11.tsv srv/
cp "$K"/skp/*.yaml "$K"/skp-lain-2026.tsv srv/skp-2026/
cp "$KJ_TOP"/examples/kota-contoh/log-2026-11.tsv.gz srv/log/2026-11/
cp "$KJ_TOP"/examples/rules/kota-contoh-2026.yaml srv/perkada-tpp.yaml
KJ_DATA=$SCRATCH/srv
export KJ_DATA
check "examples/monthly.sh 2026-11 runs" "$KJ_TOP/examples/monthly.sh" 2026-11
check "it writes the workbook" test -s srv/keluaran/2026-11/rekap-tpp-2026-11.xlsx
check "its tpp.tsv is the demo's" cmp srv/keluaran/2026-11/tpp.tsv demo/tpp-2026-11.tsv

done_testing
