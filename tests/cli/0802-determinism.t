#!/bin/sh
# Determinism: every command run twice on the same inputs writes
# byte-identical outputs (XLSX with SOURCE_DATE_EPOCH), the order of the
# punches in the logs does not matter, and the whole demo pipeline
# (examples/demo.sh) run twice gives identical files.  tests/cli/0103-demo.t
# checks what the demo's numbers are; this checks that they do not move.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
A=$KJ_TOP/tests/data/absen
T=$KJ_TOP/tests/data/tpp
R=$KJ_TOP/examples/rules
EX=$KJ_TOP/examples/kota-contoh
SOURCE_DATE_EPOCH=1796083200
export SOURCE_DATE_EPOCH

plan 18

# twice DESC OUT CMD... (CMD writes OUT): run it twice, same bytes.
twice() {
	_desc=$1
	_out=$2
	shift 2
	"$@" 2>/dev/null && mv "$_out" first.out && "$@" 2>/dev/null
	if [ $? -eq 0 ] && [ -s first.out ] && cmp -s first.out "$_out"; then
		_ok "$_desc: twice the same bytes"
	else
		_not_ok "$_desc: twice the same bytes"
	fi
}

twice "absen-rekap" out.tsv absen-rekap -m 2026-11 -j "$A/jadwal.yaml" \
	-p "$A/pegawai.tsv" -i "$A/izin.tsv" -o out.tsv "$A/log-a.tsv" "$A/log-b.tsv"
twice "absen-rekap, Kota Contoh (gzip log)" out.tsv absen-rekap -m 2026-11 \
	-j "$EX/jadwal-2026.yaml" -p "$EX/pegawai.tsv" -i "$EX/izin-2026-11.tsv" \
	-o out.tsv "$EX/log-2026-11.tsv.gz"
twice "tpp-calc" out.tsv tpp-calc -r "$R/template-permenpan-63.yaml" -m 2026-11 \
	-p "$T/pegawai.tsv" -a "$T/absen.tsv" -k "$T/kinerja.tsv" -o out.tsv
twice "tpp-calc --ringkas" out.tsv tpp-calc -r "$R/kota-contoh-2026.yaml" \
	-m 2026-11 -p "$T/pegawai.tsv" -a "$T/absen.tsv" -k "$T/kinerja.tsv" \
	--ringkas -o out.tsv
twice "tpp-calc --explain" out.tsv tpp-calc -r "$R/kota-contoh-2026.yaml" \
	-m 2026-11 -p "$T/pegawai.tsv" -a "$T/absen.tsv" -k "$T/kinerja.tsv" \
	--explain 199002022019032001 -o out.tsv
twice "rekap-xlsx" out.xlsx rekap-xlsx -o out.xlsx "$KJ_TOP/tests/data/rekap/tpp-kecil.tsv"
twice "rekap-xlsx --split-by --total --chart" out.xlsx rekap-xlsx -s opd --total \
	-c gaji -t "Rekap Pegawai" -o out.xlsx "$EX/pegawai.tsv"
twice "rekap-xlsx from standard input" out.xlsx \
	sh -c 'rekap-xlsx -o out.xlsx - < "$1"' sh "$KJ_TOP/tests/data/rekap/tpp-kecil.tsv"
twice "rekap-xlsx to standard output" out.xlsx \
	sh -c 'rekap-xlsx "$1" > out.xlsx' sh "$KJ_TOP/tests/data/rekap/tpp-kecil.tsv"

# A bigger generated Pemda: hash tables and buffers see more than a page.
if [ -x "${KJ_TOOLS:-}/gen-data" ]; then
	"$KJ_TOOLS/gen-data" -n 3000 -w pegawai,log -o g >/dev/null
	twice "absen-rekap, 3000 employees" out.tsv absen-rekap -m 2026-11 \
		-j "$EX/jadwal-2026.yaml" -p g/pegawai.tsv -o out.tsv g/log-2026-11.tsv
	cp out.tsv g/absen.tsv
	# The punches in reverse order, and split over two files in the
	# other order: the same summary.
	{ head -n 1 g/log-2026-11.tsv; tail -n +2 g/log-2026-11.tsv | sort -r; } > rev.tsv
	head -n 20001 rev.tsv > part1.tsv
	{ head -n 1 rev.tsv; tail -n +20002 rev.tsv; } > part2.tsv
	absen-rekap -m 2026-11 -j "$EX/jadwal-2026.yaml" -p g/pegawai.tsv \
		-o rev.out part2.tsv part1.tsv 2>/dev/null
	check "absen-rekap: the order of the punches does not matter" cmp g/absen.tsv rev.out
	twice "tpp-calc, 3000 employees" out.tsv tpp-calc -r "$R/kota-contoh-2026.yaml" \
		-m 2026-11 -p g/pegawai.tsv -a g/absen.tsv -o out.tsv
	twice "rekap-xlsx, 3000 employees split by OPD" out.xlsx rekap-xlsx -s opd \
		--total -c netto -o out.xlsx out.tsv
else
	skip 4 "no gen-data (run through make)"
fi

# The whole demo pipeline, twice, into two folders.
KJ_DEMO_OUT=$SCRATCH/d1 "$KJ_TOP/examples/demo.sh" >/dev/null 2>&1
check_text "demo.sh, first run: exit 0" 0 "$?"
KJ_DEMO_OUT=$SCRATCH/d2 "$KJ_TOP/examples/demo.sh" >/dev/null 2>&1
check_text "demo.sh, second run: exit 0" 0 "$?"
check_text "the demo writes the same files both times" "$(ls d1)" "$(ls d2)"
_files=$(ls d1 | wc -l | tr -d ' ')
check "the demo writes its TSV and XLSX files ($_files)" test "$_files" -ge 6
_diff=""
for f in d1/*; do
	cmp -s "$f" "d2/${f#d1/}" || _diff="$_diff ${f#d1/}"
done
check_text "every demo output is the same both times" "" "$_diff"

done_testing
