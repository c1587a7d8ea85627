#!/bin/sh
# rekap-xlsx: sheets, types, formats, totals, split, chart, title, names.
# The expected values are worked by hand in tests/data/rekap/README.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/rekap
E=$KJ_TOP/tests/cli/expected
SOURCE_DATE_EPOCH=1764000000
export SOURCE_DATE_EPOCH

plan 38

# --- one input, one sheet -------------------------------------------------
check "plain workbook with --total" rekap-xlsx --total -o plain.xlsx "$D/tpp-kecil.tsv"
xlsx_dump plain.xlsx > plain.txt
check_same "plain: every cell, type, format and total" "$E/rekap-plain.txt" plain.txt
# The facts the golden file holds, asserted one by one:
check_text "NIP is text, never 1.98E+17" \
	"A2 s '198503102010011002'" "$(grep '^A2 ' plain.txt)"
check_text "Indonesian Rupiah form 12.000.000 is the number 12000000 in Rupiah format" \
	"G2 n 12000000 fmt=\"Rp \"#,##0" "$(grep '^G2 ' plain.txt)"
check_text "Rp 4.500.000,00 is 4500000" \
	"G3 n 4500000 fmt=\"Rp \"#,##0" "$(grep '^G3 ' plain.txt)"
check_text "4,5 percent is the fraction 0.045 shown as 0.00%" \
	"I2 n 0.045 fmt=0.00%" "$(grep '^I2 ' plain.txt)"
check_text "a formula typed by a user stays text" \
	"L2 s '=SUM(A1)'" "$(grep '^L2 ' plain.txt)"
check_text "leading-zero codes keep the column text" \
	"M2 s '007'" "$(grep '^M2 ' plain.txt)"
check_text "dates are Excel dates" \
	"K2 d '2010-01-01' fmt=yyyy-mm-dd" "$(grep '^K2 ' plain.txt)"
check_text "netto total = 27.085.000 (by hand), as a live SUM" \
	"H7 f '=SUM(H2:H6)' fmt=\"Rp \"#,##0 bold cached=27085000" "$(grep '^H7 ' plain.txt)"
check_text "kelas and percent columns have no total" \
	"" "$(grep -E '^(E|I)7 ' plain.txt)"
check_text "header frozen, autofilter over the data" \
	"freeze: A2 filter: A1:M6 drawing: False" "$(sed -n 4p plain.txt)"

# --- split by OPD, summary, chart, title -----------------------------------
check "split by opd with summary, totals, chart and title" \
	rekap-xlsx -s opd --total -c netto -t "Rekap TPP" -o split.xlsx "$D/tpp-kecil.tsv"
xlsx_dump split.xlsx > split.txt
check_same "split: every sheet and cell" "$E/rekap-split.txt" split.txt
check_text "summary first, then one sheet per OPD in byte order" \
	"sheets: Ringkasan | (kosong) | BPKAD | DINKES" "$(head -n 1 split.txt)"
check_text "BPKAD: 2 rows, basic 8.000.000, netto 7.850.000, tk 1" \
	"A6 s 'BPKAD'|B6 n 2 fmt=#,##0|C6 n 8000000 fmt=\"Rp \"#,##0|D6 n 7850000 fmt=\"Rp \"#,##0|E6 n 1 fmt=#,##0" \
	"$(xlsx_dump split.xlsx --sheet Ringkasan | grep '^[A-E]6 ' | paste -sd '|')"
check_text "one chart, on the summary sheet" "charts: 1" "$(sed -n 2p split.txt)"
check_text "title and the period label" \
	"A1 s 'Rekap TPP' bold|A2 s 'Periode: November 2026'" \
	"$(xlsx_dump split.xlsx --sheet DINKES | grep '^A[12] ' | paste -sd '|')"
check "--chart jumlah charts the row count" \
	rekap-xlsx -s opd -c jumlah -o chart2.xlsx "$D/tpp-kecil.tsv"
check "--sheet names the summary sheet with --split-by" \
	rekap-xlsx -s opd -n "Rekap per OPD" -o sum.xlsx "$D/tpp-kecil.tsv"
check_text "summary sheet named by --sheet" "sheets: Rekap per OPD | (kosong) | BPKAD | DINKES" \
	"$(xlsx_dump sum.xlsx | head -n 1)"

# --- several inputs, names, stdin, gzip, CRLF and BOM ---------------------
printf 'opd\tnama\nDINKES\tDinas Kesehatan\n' > opd.tsv
check "two inputs, two sheets, named by --sheet" \
	rekap-xlsx -n "Pegawai" -n "Daftar OPD" -o two.xlsx "$D/tpp-kecil.tsv" opd.tsv
check_text "sheet names from --sheet" "sheets: Pegawai | Daftar OPD" "$(xlsx_dump two.xlsx | head -n 1)"
cp opd.tsv 'a[b]:c*d?e.tsv'
cp opd.tsv 'A[B]:C*D?E.tsv.gz'
check "names made valid and unique without regard to case" \
	rekap-xlsx -o names.xlsx 'a[b]:c*d?e.tsv' 'A[B]:C*D?E.tsv.gz'
check_text "forbidden characters become _, a clash gets (2)" \
	"sheets: a_b__c_d_e | A_B__C_D_E (2)" "$(xlsx_dump names.xlsx | head -n 1)"
check "a 40-character name is cut to 31" \
	rekap-xlsx -n "Badan Pengelolaan Keuangan dan Aset Daerah" -o long.xlsx opd.tsv
check_text "31 characters" "sheets: Badan Pengelolaan Keuangan dan" "$(xlsx_dump long.xlsx | head -n 1)"
gzip -c "$D/tpp-kecil.tsv" > kecil.tsv.gz
check "gzip input, sheet named without .tsv.gz" rekap-xlsx --total -o gz.xlsx kecil.tsv.gz
check_text "gzip gives the same cells" "$(sed 1,3d "$E/rekap-plain.txt")" "$(xlsx_dump gz.xlsx | sed 1,3d)"
printf '\357\273\277' > crlf.tsv
sed 's/$/\r/' "$D/tpp-kecil.tsv" >> crlf.tsv
check "BOM and CRLF input" rekap-xlsx --total -o crlf.xlsx crlf.tsv
check_text "BOM and CRLF give the same cells" "$(sed 1,3d "$E/rekap-plain.txt")" "$(xlsx_dump crlf.xlsx | sed 1,3d)"
rekap-xlsx --total < "$D/tpp-kecil.tsv" > stdout.xlsx
check_text "stdin to stdout (not a terminal), sheet Data" "sheets: Data" "$(xlsx_dump stdout.xlsx | head -n 1)"
check_text "stdin gives the same cells" "$(sed 1,3d "$E/rekap-plain.txt")" "$(xlsx_dump stdout.xlsx | sed 1,3d)"

# --- enum words show their labels (FORMATS.md: "XLSX shows the label") -----
printf 'nip\tstatus\tjenis_jabatan\tketerangan\tpredikat\n' > enum.tsv
printf '1\tpns\tjpt_pratama\ttugas_belajar,hukdis_ringan\tSANGAT BAIK\n' >> enum.tsv
printf '2\tpppk\tfungsional\tlain-lain\tbutuh_perbaikan\n' >> enum.tsv
check "enum columns" rekap-xlsx -o enum.xlsx enum.tsv
check_text "labels, several joined by a comma, any case; other words as written" \
	"B2 s 'PNS'|C2 s 'JPT Pratama'|D2 s 'Tugas Belajar, Hukuman Disiplin Ringan'|E2 s 'Sangat Baik'|B3 s 'PPPK'|C3 s 'Fungsional'|D3 s 'lain-lain'|E3 s 'Butuh Perbaikan'" \
	"$(xlsx_dump enum.xlsx | grep '^[B-E][23] ' | paste -sd '|')"

# --- split inputs: one column, one type over all inputs ---------------------
printf 'opd\tx\nA\t5\n' > t1.tsv
printf 'opd\tx\nB\tabc\n' > t2.tsv
check "split inputs whose unknown column is numeric in one, text in the other" \
	rekap-xlsx -s opd -o pooled.xlsx t1.tsv t2.tsv
check_text "the column is text on every sheet, and not summed" \
	"sheets: Ringkasan | A | B|B2 s '5'|B2 s 'abc'" \
	"$(xlsx_dump pooled.xlsx | head -n 1)|$(xlsx_dump pooled.xlsx --sheet A | grep '^B2 ')|$(xlsx_dump pooled.xlsx --sheet B | grep '^B2 ')"

# --- determinism -----------------------------------------------------------
rekap-xlsx -s opd --total -c netto -t "Rekap TPP" -o again.xlsx "$D/tpp-kecil.tsv"
check "SOURCE_DATE_EPOCH: the same input gives the same bytes" cmp split.xlsx again.xlsx

done_testing
