#!/bin/sh
# capaian-check --kegiatan: the quarterly check of sub kegiatan per OPD;
# worked by hand in tests/data/capaian/README.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/capaian
K=$D/kegiatan.tsv
T=$(printf '\t')
H="opd${T}kode${T}nama${T}periode${T}pagu${T}target_fisik_pct${T}realisasi_fisik_pct${T}target_keuangan${T}realisasi_keuangan"

plan 45

bad() {
	_desc=$1
	_msg=$2
	shift 2
	check_exit 2 "$_desc: exit 2" "$@"
	check_stderr "$_desc: message" "$_msg"
	check_absent "$_desc: no output file" out.tsv sub.tsv
}

check_exit 1 "an OPD under 75: exit 1" \
	capaian-check --kegiatan "$K" -m 2026-TW3 -o out.tsv -s sub.tsv
check_same "per OPD" "$D/expected-kegiatan.tsv" out.tsv
check_same "per sub kegiatan" "$D/expected-sub.tsv" sub.tsv
check_text "74.99 fails" "BAPPEDA${T}74.99${T}tidak" \
	"$(awk -F '\t' '$1 == "BAPPEDA" { print $1 "\t" $5 "\t" $10 }' out.tsv)"
check_text "75 passes" "75${T}sedang" \
	"$(awk -F '\t' '$1 == "BAPPEDA" { print $7 "\t" $8 }' out.tsv)"

# --batas-fisik 74.99: BAPPEDA passes, nobody is under: exit 0.
check "--batas-fisik 74.99: exit 0" \
	capaian-check --kegiatan "$K" -m 2026-TW3 --batas-fisik 74.99 -o out.tsv
check_text "--batas-fisik 74.99: lulus" "ya" \
	"$(awk -F '\t' '$1 == "BAPPEDA" { print $10 }' out.tsv)"
# --batas-keuangan 75.01: BAPPEDA's 75 fails on keuangan even with fisik
# passing; DINKES's 91.25 passes.
check_exit 1 "--batas-keuangan 75.01: exit 1" \
	capaian-check --kegiatan "$K" -m 2026-TW3 --batas-fisik 70 \
	--batas-keuangan 75,01 -o out.tsv
check_text "--batas-keuangan 75.01: lulus per OPD" "ya tidak" \
	"$(cut -f 10 out.tsv | tail -n +2 | tr '\n' ' ' | sed 's/ $//')"
# --batas-keuangan 92: DINKES's keuangan 91.25 fails too.
check_exit 1 "--batas-keuangan 92: exit 1" \
	capaian-check --kegiatan "$K" -m 2026-TW3 --batas-fisik 0 \
	--batas-keuangan 92 -o out.tsv
check_text "--batas-keuangan 92: both fail" "tidak tidak" \
	"$(cut -f 10 out.tsv | tail -n +2 | tr '\n' ' ' | sed 's/ $//')"

check_exit 1 "long options" capaian-check --kegiatan "$K" --periode 2026-TW3 \
	--output out.tsv --sub-kegiatan sub.tsv
check_same "long options: per sub kegiatan" "$D/expected-sub.tsv" sub.tsv

# Standard input, standard output.
check "kegiatan from standard input to standard output" sh -c \
	"capaian-check --kegiatan - -m 2026-tw3 --batas-fisik 50 < '$K' > out.tsv"
check_text "standard output: the two OPDs" "3" "$(wc -l < out.tsv | tr -d ' ')"

# Errors (the files of the runs above removed first).
rm -f out.tsv sub.tsv
bad "a month for --kegiatan" \
	"capaian-check: -m: expected a quarter such as 2026-TW3 with --kegiatan, found '2026-11'" \
	capaian-check --kegiatan "$K" -m 2026-11 -o out.tsv -s sub.tsv
bad "a quarter without rows" \
	"capaian-check: $K: error: no sub kegiatan for 2026-TW1" \
	capaian-check --kegiatan "$K" -m 2026-TW1 -o out.tsv -s sub.tsv
bad "an option of the default mode" "capaian-check: -p does not apply with --kegiatan" \
	capaian-check --kegiatan "$K" -m 2026-TW3 -p x -o out.tsv -s sub.tsv
bad "an extra argument" \
	"capaian-check: unexpected argument 'extra' (--kegiatan names the input)" \
	capaian-check --kegiatan "$K" -m 2026-TW3 -o out.tsv -s sub.tsv extra
bad "a threshold that is not a percentage" \
	"capaian-check: --batas-fisik: expected a percentage such as 75 or 75.5, found 'tinggi'" \
	capaian-check --kegiatan "$K" -m 2026-TW3 --batas-fisik tinggi -o out.tsv -s sub.tsv
printf '%s\nA\t1\tx\t2026-TW3\t1.000,5\t1\t1\t1\t1\n' "$H" > k.tsv
bad "a pagu with cents" \
	"capaian-check: k.tsv:2:21: error: pagu: fraction of a Rupiah: amounts are whole Rupiah, found ,5" \
	capaian-check --kegiatan k.tsv -m 2026-TW3 -o out.tsv -s sub.tsv
printf '%s\nA\t1\tx\t2026-TW3\t1000\t-1\t1\t1\t1\n' "$H" > k.tsv
bad "a negative target" \
	"capaian-check: k.tsv:2:21: error: target_fisik_pct: expected a percentage of 0 or more, found '-1'" \
	capaian-check --kegiatan k.tsv -m 2026-TW3 -o out.tsv -s sub.tsv
printf '%s\nA\t1\tx\t2026-TW3\t1000\t1\t1\t1\t1\nA\t1\ty\t2026-TW3\t1000\t1\t1\t1\t1\n' "$H" > k.tsv
bad "a sub kegiatan twice" \
	"capaian-check: k.tsv:3:3: error: sub kegiatan 1 of OPD A appears twice for this quarter" \
	capaian-check --kegiatan k.tsv -m 2026-TW3 -o out.tsv -s sub.tsv
printf '%s\nA\t1\tx\t2026-TWX\t1000\t1\t1\t1\t1\n' "$H" > k.tsv
bad "a quarter in the wrong form" \
	"capaian-check: k.tsv:2:14: error: periode: expected a quarter number TW1-TW4, found 'X'" \
	capaian-check --kegiatan k.tsv -m 2026-TW3 -o out.tsv -s sub.tsv
bad "unreadable kegiatan" \
	"capaian-check: nofile.tsv: error: cannot open: No such file or directory" \
	capaian-check --kegiatan nofile.tsv -m 2026-TW3 -o out.tsv -s sub.tsv

done_testing
