#!/bin/sh
# rekap-xlsx past Excel's 1,048,576 rows: the rows continue on a new sheet
# and the totals row counts every sheet.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
plan 7

# 1,048,580 rows with netto = row number.  Header on row 1; with --total
# one row is kept free for the totals, so the first sheet holds rows
# 2..1,048,575 = 1,048,574 data rows (values 1..1048574), and "big (2)"
# holds the other 6 (1048575..1048580) and the totals.
# Sum 1..n = n(n+1)/2 = 1048580 * 1048581 / 2 = 549,760,532,490.
awk 'BEGIN { print "nip\tnetto"
	for (i = 1; i <= 1048580; i++) printf "%018d\t%d\n", i, i }' > big.tsv
check_exit 0 "1,048,580 rows: exit 0" rekap-xlsx --total -o big.xlsx big.tsv
check_stderr "a warning names both sheets" \
	"rekap-xlsx: warning: sheet 'big' is full at 1048576 rows; continuing on 'big (2)'"
check_text "two sheets" '<sheet name="big" sheetId="1" r:id="rId1"/><sheet name="big (2)" sheetId="2" r:id="rId2"/>' \
	"$(unzip -p big.xlsx xl/workbook.xml | grep -o '<sheet [^>]*>' | tr -d '\n')"
unzip -p big.xlsx xl/worksheets/sheet2.xml > s2.xml
check_text "second sheet: header, 6 rows, totals" '<dimension ref="A1:B8"/>' \
	"$(grep -o '<dimension [^>]*>' s2.xml)"
check_text "first row of the second sheet is row 1,048,575" \
	'<c r="B2" s="2"><v>1048575</v></c>' "$(grep -o '<c r="B2"[^/]*/v></c>' s2.xml)"
check_text "the totals count every sheet: 549,760,532,490" \
	'<v>549760532490</v>' "$(grep -o '<c r="B8"[^/]*/v>' s2.xml | grep -o '<v>.*</v>')"
unzip -p big.xlsx xl/worksheets/sheet1.xml | head -c 400 > s1.xml
check_text "first sheet ends at row 1,048,575" '<dimension ref="A1:B1048575"/>' \
	"$(grep -o '<dimension [^>]*>' s1.xml)"

done_testing
