#!/bin/sh
# tpp-calc under every shipped rule set: fifteen employees worked by hand
# in tests/data/tpp/perkada/README, the table and one --explain
# worksheet per run compared byte for byte; sums and row counts checked.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/tpp/perkada
R=$KJ_TOP/examples/rules

plan 64

# run RULE MONTH: the table, its bytes, the warnings and the note.
run() {
	_r=$1
	_m=$2
	check "$_r $_m: runs" tpp-calc -r "$R/$_r.yaml" -m "$_m" \
		-p "$D/pegawai.tsv" -a "$D/absen.tsv" -k "$D/kinerja.tsv" \
		-o "$_r-$_m.tsv"
	check_same "$_r $_m: every amount as worked by hand" \
		"$D/expected-$_r-$_m.tsv" "$_r-$_m.tsv"
	check_text "$_r $_m: Kartika has no absen row (a warning)" \
		"tpp-calc: $D/absen.tsv: warning: 1 employees (first 199303032018011009) have no row for $_m: treated as absent all month (tanpa_absen: tk)" \
		"$(sed -n 1p "$SCRATCH/.err")"
	check_text "$_r $_m: the rule set named on stderr" \
		"tpp-calc: $R/$_r.yaml: aturan: $3" "$(tail -n 1 "$SCRATCH/.err")"
	check_text "$_r $_m: netto = bruto + tunjangan PPh - PPh - BPJS, none negative, no one lost" \
		"15 ok" \
		"$(awk -F'\t' 'NR > 1 { n++; if ($17 != $14 + $19 - $15 - $16 || $17 < 0 || $14 < 0) bad++ } END { print n, bad ? "bad" : "ok" }' "$_r-$_m.tsv")"
	check_text "$_r $_m: roster order" "$(cut -f1 "$D/pegawai.tsv")" \
		"$(cut -f1 "$_r-$_m.tsv")"
}

B="Peraturan Bupati Balangan Nomor 57 Tahun 2020 (SILKA 2025), berlaku 2025-01"
run balangan-2025 2026-11 "$B"
run balangan-2025 2026-12 "$B"
check_text "December: the monthly TER, with a warning" \
	"tpp-calc: $R/balangan-2025.yaml: warning: December PPh 21 uses the monthly TER rate; the annual Pasal 17 recalculation is not done" \
	"$(sed -n 3p "$SCRATCH/.err")"
run brebes-2023 2026-11 \
	"Peraturan Bupati Brebes tentang TPP ASN 2023 (SIMASGANTENG), berlaku 2023-01"
run kota-pekalongan-2020 2026-11 \
	"Peraturan Wali Kota Pekalongan tentang TPP (SIM e-Presensi v3), berlaku 2020-01"
run template-permenpan-63 2026-11 \
	"Template PermenPANRB 63/2011 (contoh; Basic TPP Kota Lubuklinggau 2022), berlaku 2022-01"
run kota-contoh-2026 2026-11 \
	"Peraturan Wali Kota Contoh Nomor 7 Tahun 2025 tentang TPP ASN, berlaku 2026-01"
run kota-contoh-2026 2026-12 \
	"Peraturan Wali Kota Contoh Nomor 7 Tahun 2025 tentang TPP ASN, berlaku 2026-01"

# explain RULE MONTH NIP [SUFFIX]: the worksheet, byte for byte.
explain() {
	check "$1 $2: --explain $3" tpp-calc -r "$R/$1.yaml" -m "$2" \
		-p "$D/pegawai.tsv" -a "$D/absen.tsv" -k "$D/kinerja.tsv" \
		--explain "$3"
	check_same "$1 $2: the worksheet of $3" "$D/explain-$1-$2${4:-}.txt" \
		"$SCRATCH/.out"
}
explain balangan-2025 2026-11 196811111990031007      # Irawan, the Sekda
explain balangan-2025 2026-12 198503032010011002      # Citra, December
explain brebes-2023 2026-11 198609092011012005        # Gilang, hukdis
explain kota-pekalongan-2020 2026-11 199010102014031006   # Hendra, 11 TK
# The rule-set extensions, one worksheet each:
explain balangan-2025 2026-11 199104042019032010 -lina    # cuti_panjang k20
explain balangan-2025 2026-11 199506062020122011 -maya    # kurang_hadir mkd7h
explain balangan-2025 2026-11 197909092005011013 -oki     # syarat lhkpn
explain brebes-2023 2026-11 198708082012011012 -nanda     # sakip, potongan_rp
explain kota-pekalongan-2020 2026-11 198708082012011012 -nanda  # kode_status,
                                                          # apel, eskalasi

# --ringkas: the OPD totals are the sums of the worked rows, and each row
# names the rule set.
check "brebes --ringkas" tpp-calc -r "$R/brebes-2023.yaml" -m 2026-11 \
	-p "$D/pegawai.tsv" -a "$D/absen.tsv" -k "$D/kinerja.tsv" --ringkas
check_text "brebes --ringkas: per OPD, count, pagu, bruto, PPh, BPJS, netto as the worked rows add up" \
	"$(awk -F'\t' 'NR > 1 { if (!($3 in n)) o[++k] = $3; n[$3]++; b[$3] += $7; br[$3] += $14; p[$3] += $15; i[$3] += $16; t[$3] += $17 }
	END { for (j = 1; j <= k; j++) { x = o[j]; print x, n[x], b[x], br[x], p[x], i[x], t[x] } }' "$D/expected-brebes-2023-2026-11.tsv")" \
	"$(awk -F'\t' 'NR > 1 { print $1, $2, $3, $6, $7, $8, $9 }' "$SCRATCH/.out")"
check_text "brebes --ringkas: the aturan column" \
	"Peraturan Bupati Brebes tentang TPP ASN 2023 (SIMASGANTENG), berlaku 2023-01" \
	"$(awk -F'\t' 'NR == 2 { print $10 }' "$SCRATCH/.out")"

done_testing
