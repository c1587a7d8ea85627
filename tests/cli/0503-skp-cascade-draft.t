#!/bin/sh
# skp-cascade --draft: a skeleton SKP for each employee without one whose
# atasan has one, one RHK per RHK utama of the atasan, intervensi filled;
# once its TODOs are filled the cascade checks clean.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/skp
P=$D/pegawai.tsv

plan 12

mkdir skp
cp "$D"/clean/* skp/
rm skp/05-staf.yaml skp/06-epidemiolog.yaml
check_exit 1 "before: three employees without SKP" skp-cascade -p "$P" skp
check_text "before: three tidak-menyusun-skp" 3 "$(grep -c tidak-menyusun-skp "$SCRATCH/.err")"
check "--draft exits 0" skp-cascade --draft -p "$P" -o draft.yaml skp
check_text "three drafts" 3 "$(grep -c '^nip: ' draft.yaml)"
check_text "the drafts' NIP, in roster order" \
	'nip: "198505052010011005" nip: "199006062015032006" nip: "198707072012012007"' \
	"$(grep '^nip: ' draft.yaml | tr '\n' ' ' | sed 's/ $//')"
# Rudi is the 1st subordinate of Promkes, Nur Aini the 2nd; the
# epidemiolog the 1st of P2P: ids PARENT.k.
check_text "one RHK per RHK of the atasan, ids below it" \
	"PROMKES.1.1 PROMKES.1.2 P2P.1.1" \
	"$(grep '^  - id: ' draft.yaml | sed 's/.*: //' | tr '\n' ' ' | sed 's/ $//')"
check_text "intervensi filled" "PROMKES.1 PROMKES.1 P2P.1" \
	"$(grep '^    intervensi: ' draft.yaml | sed 's/.*: //' | tr '\n' ' ' | sed 's/ $//')"
check_text "teks marked TODO" 3 "$(grep -c '^    teks: TODO$' draft.yaml)"
check_exit 1 "unfilled, the draft is not yet a valid SKP (TODO targets)" \
	skp-cascade -p "$P" skp draft.yaml
check_text "unfilled: three target-salah" 3 "$(grep -c 'target-salah' "$SCRATCH/.err")"
sed 's/target: TODO/target: 12/; s/TODO/Laporan/' draft.yaml > skp/07-draft.yaml
check "filled, the whole cascade checks clean" skp-cascade -p "$P" skp
check_text "filled: no diagnostic" "" "$(cat "$SCRATCH/.err")"
done_testing
