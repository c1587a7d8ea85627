#!/bin/sh
# rekap-xlsx: every exit status, and bad input never leaves a file.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/rekap

plan 46

check "--help exits 0" rekap-xlsx --help
check_text "--help starts with the usage" \
	"usage: rekap-xlsx [-o FILE.xlsx] [-t TITLE] [-s COL] [--total] [-c COL] [-n NAME]... [FILE.tsv...]" \
	"$(head -n 1 "$SCRATCH/.out")"
check "--version exits 0" rekap-xlsx --version
check_text "--version names the toolkit" "rekap-xlsx (kinerja) 0.1.0" "$(cat "$SCRATCH/.out")"

# bad (input, expected first line of stderr) pairs; each exits 2 and
# leaves neither out.xlsx nor a temporary beside it.
bad() {
	_desc=$1
	_msg=$2
	shift 2
	check_exit 2 "$_desc: exit 2" "$@"
	check_stderr "$_desc: message" "$_msg"
	check_absent "$_desc: no output file" out.xlsx
}

printf 'a\tb\n1\t2\n3\n' > ragged.tsv
bad "ragged row" "rekap-xlsx: ragged.tsv:3: error: expected 2 fields, found 1" \
	rekap-xlsx -o out.xlsx ragged.tsv
printf 'nama\tb\nSiti\t\377x\n' > utf8.tsv
bad "invalid UTF-8" \
	"rekap-xlsx: utf8.tsv:2:6: error: invalid UTF-8 byte 0xFF (expected UTF-8 text; convert the file with iconv)" \
	rekap-xlsx -o out.xlsx utf8.tsv
printf 'a\tb\n1\tx\\\n' > esc.tsv
bad "unterminated escape" \
	"rekap-xlsx: esc.tsv:2:4: error: unterminated escape: a backslash at the end of the line (write \\\\ for a backslash)" \
	rekap-xlsx -o out.xlsx esc.tsv
printf 'a\tb\n1\tC:\\data\n' > esc2.tsv
bad "unknown escape" \
	"rekap-xlsx: esc2.tsv:2:5: error: unknown escape '\\d' (expected \\t, \\n, \\r or \\\\)" \
	rekap-xlsx -o out.xlsx esc2.tsv
: > empty.tsv
bad "empty file" "rekap-xlsx: empty.tsv:1: error: empty file, expected a header line" \
	rekap-xlsx -o out.xlsx empty.tsv
bad "missing input" "rekap-xlsx: missing.tsv: error: cannot open: No such file or directory" \
	rekap-xlsx -o out.xlsx missing.tsv
printf 'nip\tnetto\n1\t1.2.3\n' > money.tsv
bad "a Rupiah value that does not parse" \
	"rekap-xlsx: money.tsv:2:5: error: netto: expected 3 digits after the thousands separator '.', found 1 (Rupiah take '.' between thousands and ',' before decimals)" \
	rekap-xlsx -o out.xlsx money.tsv
check_exit 2 "output into a missing folder: exit 2" rekap-xlsx -o nodir/out.xlsx "$D/tpp-kecil.tsv"
check_stderr "missing folder: message" \
	"rekap-xlsx: nodir/out.xlsx: error: cannot create: No such file or directory"
if [ "$(id -u)" -eq 0 ]; then
	# root writes anywhere a permission allows; /proc allows no new file.
	check_exit 2 "output into an unwritable folder: exit 2" rekap-xlsx -o /proc/out.xlsx "$D/tpp-kecil.tsv"
	check_absent "unwritable folder: nothing written" /proc/out.xlsx
else
	mkdir ro && chmod 555 ro
	check_exit 2 "output into an unwritable folder: exit 2" rekap-xlsx -o ro/out.xlsx "$D/tpp-kecil.tsv"
	check_absent "unwritable folder: nothing written" ro/out.xlsx
fi

# An existing workbook survives a failed run untouched.
echo "old contents" > keep.xlsx
check_exit 2 "failed run over an existing file: exit 2" rekap-xlsx -o keep.xlsx ragged.tsv
check_text "the existing file is untouched" "old contents" "$(cat keep.xlsx)"

# Usage errors.
check_exit 2 "--chart without --split-by" rekap-xlsx -c netto -o out.xlsx "$D/tpp-kecil.tsv"
check_stderr "--chart without --split-by: message" \
	"rekap-xlsx: --chart needs --split-by (the chart is drawn on the summary sheet)"
check_exit 2 "--chart of a text column" rekap-xlsx -s opd -c nama -o out.xlsx "$D/tpp-kecil.tsv"
check_exit 2 "unknown option" rekap-xlsx --bogus "$D/tpp-kecil.tsv"
check_stderr "unknown option: message" "rekap-xlsx: unrecognized option '--bogus'"
check_exit 2 "--split-by a missing column" rekap-xlsx -s nosuch -o out.xlsx "$D/tpp-kecil.tsv"
check_stderr "missing split column: message" \
	"rekap-xlsx: $D/tpp-kecil.tsv:1: error: no column 'nosuch' to split by"
printf 'opd\tb\nX\t2\n' > h1.tsv
printf 'opd\tc\nX\t2\n' > h2.tsv
check_exit 2 "split inputs with different columns" rekap-xlsx -s opd -o out.xlsx h1.tsv h2.tsv
check_stderr "different columns: message" \
	"rekap-xlsx: h2.tsv:1: error: column 2 is 'c', but in h1.tsv it is 'b' (inputs split together need the same columns)"
check_exit 2 "more --sheet names than inputs" rekap-xlsx -n a -n b -o out.xlsx h1.tsv
check_absent "usage errors write nothing" out.xlsx

# A terminal never gets a binary workbook.
# script(1) gives the command a pseudo-terminal; without one (no script,
# or no /dev/ptmx in a container) the check is skipped, not failed.
if command -v script >/dev/null 2>&1 && script -qec true /dev/null >/dev/null 2>&1 </dev/null; then
	script -qec "rekap-xlsx $D/tpp-kecil.tsv" /dev/null > tty.txt 2>&1 </dev/null
	check_text "stdout a terminal: exit 2" 2 "$?"
	check_text "stdout a terminal: message" \
		"rekap-xlsx: refusing to write a binary workbook to a terminal; use -o FILE or a redirection" \
		"$(head -n 1 tty.txt | tr -d '\r')"
else
	skip 2 "no pseudo-terminal (script(1))"
fi

# Exit 3: a system error while writing (a full device).
check_exit 3 "a full device: exit 3" sh -c "rekap-xlsx '$D/tpp-kecil.tsv' > /dev/full"
check_stderr "a full device: message" "rekap-xlsx: <stdout>: error: write error: No space left on device"

done_testing
