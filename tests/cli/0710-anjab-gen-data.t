#!/bin/sh
# gen-data --what anjab,anjab-cacat: documents consistent with the roster
# (anjab-validate finds nothing, and counts the same bezetting with -p),
# and seeded defects that anjab-validate finds, each under its rule id.
. "${KJ_TOP:-.}/tests/cli/lib.sh"

plan 12

G=${KJ_TOOLS:-$KJ_TOP/build/tools}/gen-data
if [ ! -x "$G" ]; then
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do skip "gen-data not built"; done
	exit 0
fi
check "gen-data --what pegawai,anjab,anjab-cacat" "$G" --pegawai 600 --seed 7 --what pegawai,anjab,anjab-cacat -o gd
check_text "anjab.yaml: one document per (opd, unit, jabatan) of the roster" \
	"$(tail -n +2 gd/pegawai.tsv | cut -f5-7 | sort -u | wc -l)" \
	"$(grep -c '^---$' gd/anjab.yaml)"
check "anjab.yaml: no error" anjab-validate --strict -p gd/pegawai.tsv gd/anjab.yaml
check_text "anjab.yaml: no finding at all" "" "$(cat "$SCRATCH/.err")"
cp "$SCRATCH/.out" roster.tsv
check "anjab.yaml without -p" anjab-validate gd/anjab.yaml
check_same "the documents' bezetting is the roster's count" roster.tsv "$SCRATCH/.out"
check_text "the OPD rows add up to the roster" "$(($(wc -l < gd/pegawai.tsv) - 1))" \
	"$(awk -F '\t' '$2 == "" && NR > 1 { s += $8 } END { print s }' roster.tsv)"
check_text "every kelas has its evjab kelas, or none" "" \
	"$(awk -F '\t' 'NR > 1 && $3 != "" && $13 != "" && $12 != $13' roster.tsv)"
check_exit 1 "anjab-cacat.yaml: errors found" anjab-validate gd/anjab-cacat.yaml
grep '^# cacat: ' gd/anjab-cacat.yaml | sed 's/# cacat: //' | sort -u > seeded
sed -n 's/.*\[\([AB][0-9][0-9]\)\]$/\1/p' "$SCRATCH/.err" | sort -u > found
check_text "anjab-cacat.yaml: some defects are seeded" "yes" "$([ "$(wc -l < seeded)" -ge 4 ] && echo yes)"
check_text "anjab-cacat.yaml: every seeded rule is found" "" "$(comm -23 seeded found)"
check_text "anjab-cacat.yaml: each seeded error once per document" \
	"$(grep -c '^# cacat: [AB]' gd/anjab-cacat.yaml)" \
	"$(grep -c 'error: .*\[\(A01\|A09\|A10\|A12\|B01\|B03\)\]$' "$SCRATCH/.err" | \
	  awk -v w="$(grep -c '^# cacat: \(A03\|B10\)' gd/anjab-cacat.yaml)" '{ print $1 + w }')"
