#!/bin/sh
# absen-rekap: every exit status; bad input is reported at file:line:col
# and never leaves an output file.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/absen
J=$D/jadwal.yaml
P=$D/pegawai.tsv
L=$D/log-a.tsv
U="usage: absen-rekap -m YYYY-MM -j jadwal.yaml -p pegawai.tsv [-i izin.tsv] [-o absen.tsv] [LOG...]"

plan 72

# bad DESC MESSAGE CMD...: exit 2, the first line of stderr, no out.tsv.
bad() {
	_desc=$1
	_msg=$2
	shift 2
	check_exit 2 "$_desc: exit 2" "$@"
	check_stderr "$_desc: message" "$_msg"
	check_absent "$_desc: no output file" out.tsv
}

# Usage.
bad "no -m" "absen-rekap: -m YYYY-MM is required (the month to count)" \
	absen-rekap -j "$J" -p "$P" -o out.tsv "$L"
check_text "no -m: the usage follows" "$U" "$(sed -n 2p "$SCRATCH/.err")"
bad "no -j" "absen-rekap: -j FILE is required (the schedule, jadwal.yaml)" \
	absen-rekap -m 2026-11 -p "$P" -o out.tsv "$L"
bad "no -p" "absen-rekap: -p FILE is required (the roster, pegawai.tsv)" \
	absen-rekap -m 2026-11 -j "$J" -o out.tsv "$L"
bad "a month that does not exist" "absen-rekap: -m: expected a month such as 2026-11, found '2026-13'" \
	absen-rekap -m 2026-13 -j "$J" -p "$P" -o out.tsv "$L"
bad "a quarter for -m" "absen-rekap: -m: expected a month such as 2026-11, found '2026-TW3'" \
	absen-rekap -m 2026-TW3 -j "$J" -p "$P" -o out.tsv "$L"
bad "standard input twice" "absen-rekap: standard input (-) can be read only once" \
	absen-rekap -m 2026-11 -j "$J" -p - -o out.tsv -
bad "unknown option" "absen-rekap: unrecognized option '--bogus'" \
	absen-rekap --bogus -m 2026-11 -j "$J" -p "$P" -o out.tsv "$L"
bad "a missing log" "absen-rekap: nofile.tsv: error: cannot open: No such file or directory" \
	absen-rekap -m 2026-11 -j "$J" -p "$P" -o out.tsv nofile.tsv

# Logs.
printf 'nip\twaktu\n198503102010011002\t2026-11-02 7:30\n' > badtime.tsv
bad "a time that does not parse" \
	"absen-rekap: badtime.tsv:2:31: error: waktu: expected a 2-digit hour in a time HH:MM or HH:MM:SS, found 1 digits" \
	absen-rekap -m 2026-11 -j "$J" -p "$P" -o out.tsv badtime.tsv
printf 'nip\twaktu\n1985031020100110\t2026-11-02 07:30\n' > badnip.tsv
bad "a NIP that is not 18 digits" \
	"absen-rekap: badnip.tsv:2:1: error: nip: expected 18 digits, found 16" \
	absen-rekap -m 2026-11 -j "$J" -p "$P" -o out.tsv "$L" badnip.tsv
printf 'nip\tjam\n198503102010011002\t07:30\n' > nocol.tsv
bad "a log without waktu" "absen-rekap: nocol.tsv:1: error: missing column 'waktu' in the header" \
	absen-rekap -m 2026-11 -j "$J" -p "$P" -o out.tsv nocol.tsv
bad "a month outside the logs" \
	"absen-rekap: $L: error: no punch of a roster employee in 2026-09: the logs run from 2026-10-30 to 2026-11-13" \
	absen-rekap -m 2026-09 -j "$J" -p "$P" -o out.tsv "$L"
printf 'nip\twaktu\n' > hdr.tsv
bad "a log with a header only" \
	"absen-rekap: hdr.tsv: error: no punch in the logs (a header only), so nothing of 2026-11" \
	absen-rekap -m 2026-11 -j "$J" -p "$P" -o out.tsv hdr.tsv

# The schedule.
printf 'jadwal:\n  x:\n    senin: 16:00-07:30\n' > endbefore.yaml
bad "a schedule that ends before it starts" \
	"absen-rekap: endbefore.yaml:3:18: error: the end is not after the start (write +1 after the end of a shift that ends the next day, e.g. 19:00-07:00+1)" \
	absen-rekap -m 2026-11 -j endbefore.yaml -p "$P" -o out.tsv "$L"
printf 'rentang:\n  - {mulai: 2026-02-19, selesai: 2026-03-19, senin: 08:00-15:00}\n  - {mulai: 2026-03-01, selesai: 2026-03-31, senin: 09:00-15:00}\n' > overlap.yaml
bad "overlapping schedule ranges" \
	"absen-rekap: overlap.yaml:3:5: error: this range overlaps the range at line 2 for the same schedule" \
	absen-rekap -m 2026-11 -j overlap.yaml -p "$P" -o out.tsv "$L"
printf 'toleransi: 0\nlibur:\n  - tanggal: 2026-11-10\n    name: HUT\n' > key.yaml
bad "an unknown key in the schedule" \
	"absen-rekap: key.yaml:4:5: error: unknown key 'name' (expected one of: tanggal, sampai, nama, jenis); did you mean 'nama'?" \
	absen-rekap -m 2026-11 -j key.yaml -p "$P" -o out.tsv "$L"

# The leave records.
printf 'nip\tmulai\tselesai\tjenis\n198503102010011002\t2026-11-02\t2026-11-03\tcuti\n' > badizin.tsv
bad "an unknown leave type" \
	"absen-rekap: badizin.tsv:2:42: error: jenis: unknown leave type 'cuti' (expected cuti_tahunan, cuti_sakit, cuti_besar, cuti_melahirkan, cuti_alasan_penting, cltn, dinas_luar, sakit, izin or tugas_belajar)" \
	absen-rekap -m 2026-11 -j "$J" -p "$P" -i badizin.tsv -o out.tsv "$L"
printf 'nip\tmulai\tselesai\tjenis\n198503102010011002\t2026-11-02\t2026-11-03\tcuti_sakit\n198503102010011002\t2026-11-03\t2026-11-04\tdinas_luar\n' > ovizin.tsv
bad "two kinds of leave on one day" \
	"absen-rekap: ovizin.tsv:3:20: error: mulai: 2026-11-03 is already covered by another row of this NIP (cuti_sakit)" \
	absen-rekap -m 2026-11 -j "$J" -p "$P" -i ovizin.tsv -o out.tsv "$L"
printf 'nip\tmulai\tselesai\tjenis\n198503102010011002\t2026-11-05\t2026-11-03\tcuti_sakit\n' > revizin.tsv
bad "leave that ends before it starts" "absen-rekap: revizin.tsv:2:31: error: selesai: before mulai" \
	absen-rekap -m 2026-11 -j "$J" -p "$P" -i revizin.tsv -o out.tsv "$L"

# The roster.
{ head -n 2 "$P"; sed -n 2p "$P"; } > duproster.tsv
bad "a NIP twice in the roster" \
	"absen-rekap: duproster.tsv:3:1: error: nip: 198503102010011002 appears twice in the roster" \
	absen-rekap -m 2026-11 -j "$J" -p duproster.tsv -o out.tsv "$L"
{ head -n 1 "$P"; printf '198503102010011002\tAni\tBKPSDM\tBKPSDM\t2010-13-01\t\n'; } > badtmt.tsv
bad "a tmt that is not a date" "absen-rekap: badtmt.tsv:2:43: error: tmt: date 2010-13-01 does not exist" \
	absen-rekap -m 2026-11 -j "$J" -p badtmt.tsv -o out.tsv "$L"

# An existing output survives a failed run untouched.
echo "old contents" > keep.tsv
check_exit 2 "failed run over an existing file: exit 2" \
	absen-rekap -m 2026-11 -j "$J" -p "$P" -o keep.tsv badtime.tsv
check_text "the existing file is untouched" "old contents" "$(cat keep.tsv)"
check_absent "no temporary left beside it" keep.tsv.none

# Output problems.
check_exit 2 "output into a missing folder: exit 2" \
	absen-rekap -m 2026-11 -j "$J" -p "$P" -o nodir/out.tsv "$L"
check_text "missing folder: message" \
	"absen-rekap: nodir/out.tsv: error: cannot create: No such file or directory" \
	"$(tail -n 1 "$SCRATCH/.err")"
check_exit 3 "a full device: exit 3" sh -c "absen-rekap -m 2026-11 -j '$J' -p '$P' '$L' > /dev/full"
check_text "a full device: message" "absen-rekap: <stdout>: error: write error: No space left on device" \
	"$(tail -n 1 "$SCRATCH/.err")"

# Warnings do not change the exit status.
check_exit 0 "an unknown NIP is a warning: exit 0" \
	absen-rekap -m 2026-11 -j "$J" -p "$P" -o out.tsv "$L"

done_testing
