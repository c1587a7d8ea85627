#!/bin/sh
# skp-cascade --mph --per rhk|indikator: the Matriks Peran Hasil with a
# column per RHK or per indicator of the superior, as TSV and, through
# rekap-xlsx, as a workbook read back with openpyxl.  Worked by hand in
# tests/data/skp-peran/README.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/skp-peran
P=$D/pegawai.tsv
KADIS=197001011995031001
KABID=197502022000032002

plan 22

check "--mph" skp-cascade --mph -p "$P" -o mph.tsv "$D/skp"
check_same "--mph: a column per RHK utama" "$D/expected-mph.tsv" mph.tsv
check "--mph --per rhk is the default" skp-cascade --mph --per rhk -p "$P" "$D/skp"
check_same "--per rhk: the same matrices" "$D/expected-mph.tsv" "$SCRATCH/.out"

check "--mph --per indikator" skp-cascade --mph --per indikator -p "$P" -o ind.tsv "$D/skp"
check_same "--per indikator: a column per indicator" "$D/expected-mph-indikator.tsv" ind.tsv
check_text "--per indikator: as many columns as the widest matrix (3)" \
	"atasan	nip	nama	jabatan	indikator_1	indikator_2	indikator_3" "$(head -n 1 ind.tsv)"
check_text "--per indikator: heading cells name the indicator and its RHK" \
	"DINKES.1.a Angka kematian ibu per 100.000 kelahiran hidup (RHK DINKES.1)|DINKES.1.b Prevalensi balita stunting (RHK DINKES.1)|DINKES.2.a Angka keberhasilan pengobatan TB (RHK DINKES.2)" \
	"$(awk -F'\t' -v a=$KADIS '$1==a && $2==a {print $5 "|" $6 "|" $7}' ind.tsv)"
check_text "--per indikator: an RHK under every indicator of the RHK it intervenes" \
	"KESMAS.1 Meningkatnya pelayanan kesehatan ibu, anak dan gizi; KESMAS.2 Meningkatnya perilaku hidup bersih dan sehat|KESMAS.1 Meningkatnya pelayanan kesehatan ibu, anak dan gizi; KESMAS.2 Meningkatnya perilaku hidup bersih dan sehat|x" \
	"$(awk -F'\t' -v a=$KADIS -v b=$KABID '$1==a && $2==b {print $5 "|" $6 "|" $7}' ind.tsv)"
check_text "--per indikator: an RHK without indicators keeps a column of its own" \
	"KESMAS.2 Meningkatnya perilaku hidup bersih dan sehat" \
	"$(awk -F'\t' -v a=$KABID '$1==a && $2==a {print $7}' ind.tsv)"
check_text "--per indikator: the Kasi KGM's RHK under KESMAS.1.a and .1.b, x under KESMAS.2" \
	"KESMAS.1.1 Terlaksananya persalinan di fasilitas pelayanan kesehatan|KESMAS.1.1 Terlaksananya persalinan di fasilitas pelayanan kesehatan|x" \
	"$(awk -F'\t' -v a=$KABID '$1==a && $2=="198004042005012004" {print $5 "|" $6 "|" $7}' ind.tsv)"

check_exit 2 "--per something else" skp-cascade --mph --per iki -p "$P" "$D/skp"
check_stderr "--per something else: message" "skp-cascade: --per: expected rhk or indikator, found 'iki'"
check_exit 2 "--per without --mph" skp-cascade --tree --per indikator -p "$P" "$D/skp"
check_stderr "--per without --mph: message" "skp-cascade: --per goes with --mph only"

# --- through rekap-xlsx, read back with openpyxl -------------------------------
if [ -x "$KJ_BIN/rekap-xlsx" ]; then
	check "--mph --per indikator | rekap-xlsx --split-by atasan" \
		sh -c 'skp-cascade --mph --per indikator -p "$1" "$2" | rekap-xlsx --split-by atasan -o mph.xlsx' sh "$P" "$D/skp"
	xlsx_dump mph.xlsx > mph.txt
	check_text "a summary sheet, then one sheet per atasan" \
		"sheets: Ringkasan | $KADIS | $KABID" "$(head -n 1 mph.txt)"
	check_text "the Kadis's sheet: NIP as text, the indicator headings" \
		"A2 s '$KADIS'|E2 s 'DINKES.1.a Angka kematian ibu per 100.000 kelahiran hidup (RHK DINKES.1)'|G2 s 'DINKES.2.a Angka keberhasilan pengobatan TB (RHK DINKES.2)'" \
		"$(xlsx_dump mph.xlsx --sheet $KADIS | grep -E '^(A2|E2|G2) ' | paste -sd '|')"
	check_text "the Kadis's sheet: the Kabid P2P row is x x x" \
		"E4 s 'x'|F4 s 'x'|G4 s 'x'" \
		"$(xlsx_dump mph.xlsx --sheet $KADIS | grep -E '^[EFG]4 ' | paste -sd '|')"
	check_text "the Kabid's sheet: 1 heading row and 6 subordinates (rows 2-8)" \
		"freeze: A2 filter: A1:G8 drawing: False" \
		"$(xlsx_dump mph.xlsx --sheet $KABID | sed -n 4p)"
	check_text "the Kabid's sheet: the Kasi KGM's cells" \
		"E3 s 'KESMAS.1.1 Terlaksananya persalinan di fasilitas pelayanan kesehatan'|F3 s 'KESMAS.1.1 Terlaksananya persalinan di fasilitas pelayanan kesehatan'|G3 s 'x'" \
		"$(xlsx_dump mph.xlsx --sheet $KABID | grep -E '^[EFG]3 ' | paste -sd '|')"
	check_text "the column headings of the TSV" "E1 s 'indikator_1' bold" \
		"$(xlsx_dump mph.xlsx --sheet $KABID | grep '^E1 ')"
else
	skip 7 "no rekap-xlsx"
fi
done_testing
