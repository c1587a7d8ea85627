#!/bin/sh
# capaian-check --unreported: who has not reported by the deadline; worked
# by hand in tests/data/capaian/README.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/capaian
O=$D/opd.tsv
L=$D/laporan.tsv
T=$(printf '\t')

plan 55

bad() {
	_desc=$1
	_msg=$2
	shift 2
	check_exit 2 "$_desc: exit 2" "$@"
	check_stderr "$_desc: message" "$_msg"
	check_absent "$_desc: no output file" out.tsv
}

# col N LINE-PATTERN: field N of the lines of out.tsv that match.
col() {
	grep "$2" out.tsv | cut -f "$1" | tr '\n' ' ' | sed 's/ $//'
}

check_exit 1 "OPDs late: exit 1" capaian-check --unreported -m 2026-11 \
	--laporan "$L" --per 2026-12-10 --kecuali "$D/kecuali-opd.tsv" \
	-o out.tsv "$O"
check_same "OPDs late" "$D/expected-unreported.tsv" out.tsv

check_exit 1 "per employee: exit 1" capaian-check --unreported -m 2026-11 \
	--laporan "$D/laporan-nip.tsv" --per 2026-12-10 -p "$D/pegawai.tsv" \
	-o out.tsv "$O"
check_same "per employee" "$D/expected-unreported-nip.tsv" out.tsv
check_exit 1 "--kecuali per employee (pensiun)" capaian-check \
	--unreported -m 2026-11 --laporan "$D/laporan-nip.tsv" \
	--per 2026-12-10 -p "$D/pegawai.tsv" --kecuali "$D/kecuali-nip.tsv" \
	-o out.tsv "$O"
check_text "--kecuali: Staf D left out" "199001012015031003" \
	"$(tail -n +2 out.tsv | cut -f 9)"

# Before the deadline, the units without a report are listed with 0 days.
check_exit 1 "before the deadline" capaian-check --unreported -m 2026-11 \
	--laporan "$L" --per 2026-12-04 -o out.tsv "$O"
check_text "before the deadline: 0 days" "0 0 0" "$(col 5 2026-11)"
check_text "before the deadline: who" "BAPPEDA DISDIK INSPEKTORAT" \
	"$(col 1 2026-11)"
# On the day a report arrives after --per it does not count yet.
check_exit 1 "--per before a late report" capaian-check --unreported \
	-m 2026-11 --laporan "$L" --per 2026-12-07 -o out.tsv "$O"
check_text "--per 12-07: BAPPEDA's report of the 8th not yet there" "2" \
	"$(col 5 ^BAPPEDA)"

# Everyone reported: exit 0, the header only.
printf 'opd\tperiode\tdikirim\nDINKES\t2026-11\t2026-12-01\nBAPPEDA\t2026-11\t2026-12-05 16:00\nDISDIK\t2026-11\t2026-12-02\nINSPEKTORAT\t2026-11\t2026-11-30\n' > all.tsv
check "everyone reported: exit 0" capaian-check --unreported -m 2026-11 \
	--laporan all.tsv --per 2026-12-31 -o out.tsv "$O"
check_text "everyone reported: the header only" "1" \
	"$(wc -l < out.tsv | tr -d ' ')"

# Deadlines: over the year end, --batas-hari, working days and holidays.
check_exit 1 "December: the deadline in January" capaian-check --unreported \
	-m 2026-12 --laporan "$L" --per 2027-01-10 -o out.tsv "$O"
check_text "December: 2027-01-05, 5 days late" "2027-01-05${T}5" \
	"$(grep ^DINKES out.tsv | cut -f 4,5)"
check_exit 1 "--batas-hari 10" capaian-check --unreported -m 2026-11 \
	--laporan "$L" --per 2026-12-12 --batas-hari 10 -o out.tsv "$O"
check_text "--batas-hari 10: 2026-12-10, 2 days" "2026-12-10${T}2" \
	"$(grep ^DISDIK out.tsv | cut -f 4,5)"
check_exit 1 "--hari-kerja: TW4" capaian-check --unreported -m 2026-TW4 \
	--hari-kerja --laporan "$L" --per 2027-01-11 -o out.tsv "$O"
check_text "--hari-kerja: Fri 1 Jan .. Thu 7 Jan" "2027-01-07${T}4" \
	"$(grep ^DINKES out.tsv | cut -f 4,5)"
check_exit 1 "--hari-kerja --libur: 1 January off" capaian-check \
	--unreported -m 2026-TW4 --hari-kerja --libur "$D/libur.tsv" \
	--laporan "$L" --per 2027-01-11 -o out.tsv "$O"
check_text "--libur: Mon 4 .. Fri 8 Jan" "2027-01-08${T}3" \
	"$(grep ^DINKES out.tsv | cut -f 4,5)"

# A report of a unit that is not in the list is a warning.
printf 'opd\tperiode\tdikirim\nDINSOS\t2026-11\t2026-12-01\n' > l.tsv
check_exit 1 "an unknown OPD in laporan.tsv" capaian-check --unreported \
	-m 2026-11 --laporan l.tsv --per 2026-12-10 -o out.tsv "$O"
check_stderr "an unknown OPD: the warning" \
	"capaian-check: l.tsv:2:1: warning: OPD DINSOS is not in $O; row ignored"

# Without --per, days late count to today: a period in 2100 is not late yet.
check_exit 1 "without --per: today" capaian-check --unreported -m 2100-11 \
	--laporan "$L" -o out.tsv "$O"
check_text "without --per: 0 days before a future deadline" "0 0 0 0" \
	"$(col 5 2100-11)"

# Errors.
rm -f out.tsv
bad "no --laporan" "capaian-check: --laporan FILE is required (the report log)" \
	capaian-check --unreported -m 2026-11 -o out.tsv "$O"
bad "no opd.tsv" "capaian-check: --unreported needs one opd.tsv" \
	capaian-check --unreported -m 2026-11 --laporan "$L" -o out.tsv
bad "a bad --per" "capaian-check: --per: expected a date such as 2026-12-05, found '2026-13-01'" \
	capaian-check --unreported -m 2026-11 --laporan "$L" --per 2026-13-01 -o out.tsv "$O"
bad "a bad --batas-hari" "capaian-check: --batas-hari: expected a number of days 0-366, found 'x'" \
	capaian-check --unreported -m 2026-11 --laporan "$L" --batas-hari x -o out.tsv "$O"
bad "--libur without --hari-kerja" "capaian-check: --libur needs --hari-kerja" \
	capaian-check --unreported -m 2026-11 --laporan "$L" --libur "$D/libur.tsv" -o out.tsv "$O"
bad "an option of the default mode" "capaian-check: -r does not apply with --unreported" \
	capaian-check --unreported -m 2026-11 --laporan "$L" -r x -o out.tsv "$O"
printf 'opd\tperiode\tdikirim\nDINKES\t2026-11\tkemarin\n' > l.tsv
bad "a dikirim that is not a timestamp" \
	"capaian-check: l.tsv:2:16: error: dikirim: expected a date YYYY-MM-DD, found 'k'" \
	capaian-check --unreported -m 2026-11 --laporan l.tsv -o out.tsv "$O"
printf 'tanggal\n2027-02-30\n' > h.tsv
bad "a holiday that does not exist" \
	"capaian-check: h.tsv:2:9: error: tanggal: date 2027-02-30 does not exist" \
	capaian-check --unreported -m 2026-TW4 --hari-kerja --libur h.tsv --laporan "$L" -o out.tsv "$O"
bad "an output folder that does not exist" \
	"capaian-check: nodir/out.tsv: error: cannot create: No such file or directory" \
	capaian-check --unreported -m 2026-11 --laporan "$L" --per 2026-12-10 -o nodir/out.tsv "$O"
bad "unreadable opd.tsv" "capaian-check: nofile.tsv: error: cannot open: No such file or directory" \
	capaian-check --unreported -m 2026-11 --laporan "$L" -o out.tsv nofile.tsv

done_testing
