#!/bin/sh
# tpp-calc: PPh 21 TER (PP 58/2023) paid by the employee (ditanggung:
# pegawai), through the command: six employees worked by hand in
# tests/data/tpp/ter-pegawai/README (categories A, B and C, a missing
# ptkp, a TER band edge and one Rupiah above it, gaji above the BPJS
# ceiling), the table and two --explain worksheets compared byte for byte;
# then the same with the Pemda's BPJS 4 % in the TER base
# (rules-bpjs.yaml, pph21.dasar_bpjs_pemda: true).
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/tpp/ter-pegawai

plan 26

run() {
	_rules=$1
	shift
	tpp-calc -r "$_rules" -m 2026-11 -p "$D/pegawai.tsv" -a "$D/absen.tsv" \
		-k "$D/kinerja.tsv" "$@"
}

check "TER ditanggung pegawai: runs" run "$D/rules.yaml" -o tpp.tsv
check_same "every amount as worked by hand" "$D/expected.tsv" tpp.tsv
check_text "Eka has no ptkp: category A, with a warning" \
	"tpp-calc: $D/pegawai.tsv: warning: 1 employees have no ptkp: TER category A (TK/0) used" \
	"$(sed -n 1p "$SCRATCH/.err")"
check_text "the rule set named on stderr, and nothing else there" \
	"2 tpp-calc: $D/rules.yaml: aturan: Uji PPh 21 TER ditanggung pegawai (template PermenPANRB 63/2011, Basic TPP Kota Lubuklinggau 2022), berlaku 2022-01" \
	"$(wc -l < "$SCRATCH/.err" | tr -d ' ') $(tail -n 1 "$SCRATCH/.err")"
# Redundant with the whole file, said once more so that a failure names
# the rule: the tax is deducted, never paid back.
check_text "paid by the employee: no tunjangan PPh, netto = bruto - PPh - iuran" \
	"6 ok" \
	"$(awk -F'\t' 'NR > 1 { n++; if ($19 != 0 || $17 != $14 - $15 - $16) bad++ } END { print n, bad ? "bad" : "ok" }' tpp.tsv)"
# Budi and Citra: gaji + TPP 9.200.000 (top of B's 1 % band) and
# 9.200.001 (1,5 %).
check_text "TER B at the band edge and one Rupiah above" \
	"Budi Hartono 92000 5385645 Citra Anggraini 138000 5339645" \
	"$(awk -F'\t' 'NR == 3 || NR == 4 { printf "%s%s %s %s", (NR > 3 ? " " : ""), $2, $15, $17 }' tpp.tsv)"

check "--explain Fajar (C, TK and predikat cuts, BPJS ceiling)" \
	run "$D/rules.yaml" --explain 197911272003121006
check_same "the worksheet of Fajar" "$D/explain-fajar.txt" "$SCRATCH/.out"
check "--explain Dedi (C, gaji above the ceiling, taxed alone)" \
	run "$D/rules.yaml" --explain 197303091998031004
check_same "the worksheet of Dedi" "$D/explain-dedi.txt" "$SCRATCH/.out"

check "standard output without -o" run "$D/rules.yaml"
check_same "the same bytes on standard output" "$D/expected.tsv" \
	"$SCRATCH/.out"

# The same rule set with the tax borne by the APBD: the same PPh, now
# paid back as tunjangan PPh, so netto is the worked netto + PPh.
sed 's/^  ditanggung: pegawai .*/  ditanggung: apbd/' "$D/rules.yaml" > apbd.yaml
check_text "the copy differs only in ditanggung" "1" \
	"$(diff "$D/rules.yaml" apbd.yaml | grep -c '^>')"
check "ditanggung apbd: runs" run apbd.yaml -o apbd.tsv
check_text "apbd: the same PPh 21 and BPJS" \
	"$(cut -f1-16,18,20 "$D/expected.tsv")" "$(cut -f1-16,18,20 apbd.tsv)"
check_text "apbd: tunjangan PPh = PPh 21, netto = worked netto + PPh 21" \
	"$(awk -F'\t' 'BEGIN { OFS = "\t" } NR > 1 { print $1, $15, $17 + $15 }' "$D/expected.tsv")" \
	"$(awk -F'\t' 'BEGIN { OFS = "\t" } NR > 1 { print $1, $19, $17 }' apbd.tsv)"
check_text "apbd: netto differs from the pegawai run for everyone taxed" \
	"6" "$(paste tpp.tsv apbd.tsv | awk -F'\t' 'NR > 1 && $17 != $37 { n++ } END { print n + 0 }')"

# pph21.dasar_bpjs_pemda: true: the TER base is gaji + bruto + the 4 %
# (README, "The Pemda's BPJS 4 % in the TER base").
check_text "rules-bpjs.yaml is rules.yaml with one line more" \
	"1 >   dasar_bpjs_pemda: true" \
	"$(diff "$D/rules.yaml" "$D/rules-bpjs.yaml" | grep -c '^[<>]') $(diff "$D/rules.yaml" "$D/rules-bpjs.yaml" | grep '^>' | sed 's/ *#.*//')"
check "the 4 % in the TER base: runs" run "$D/rules-bpjs.yaml" -o bpjs.tsv
check_same "the 4 % in the TER base: every amount as worked by hand" \
	"$D/expected-bpjs.tsv" bpjs.tsv
check_text "Budi: 9.200.000 + 221.319 leaves B's 1 % band for 1,5 %" \
	"Budi Hartono 141320 5336325 Citra Anggraini 141320 5336325" \
	"$(awk -F'\t' 'NR == 3 || NR == 4 { printf "%s%s %s %s", (NR > 3 ? " " : ""), $2, $15, $17 }' bpjs.tsv)"
check_text "only pph21 and netto change (not the 4 % itself)" \
	"$(cut -f1-14,16,18- "$D/expected.tsv")" "$(cut -f1-14,16,18- bpjs.tsv)"
check "--explain Budi with the 4 % in the base" \
	run "$D/rules-bpjs.yaml" --explain 198706222011011002
check_same "the worksheet of Budi shows the base used" \
	"$D/explain-budi-bpjs.txt" "$SCRATCH/.out"
# Said false, the key gives Balangan's base: the first table, byte for byte.
sed 's/dasar_bpjs_pemda: true/dasar_bpjs_pemda: false/' "$D/rules-bpjs.yaml" > off.yaml
check "dasar_bpjs_pemda: false: runs" run off.yaml -o off.tsv
check_same "false is the default: the table of rules.yaml" "$D/expected.tsv" off.tsv

done_testing
