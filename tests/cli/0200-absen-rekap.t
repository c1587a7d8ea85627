#!/bin/sh
# absen-rekap: the hand-worked month of tests/data/absen (see its README),
# every option and every way of giving the logs.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/absen

plan 34

check "--help exits 0" absen-rekap --help
check_text "--help starts with the usage" \
	"usage: absen-rekap -m YYYY-MM -j jadwal.yaml -p pegawai.tsv [-i izin.tsv] [-o absen.tsv] [LOG...]" \
	"$(head -n 1 "$SCRATCH/.out")"
check "--version exits 0" absen-rekap --version
check_text "--version names the toolkit" "absen-rekap (kinerja) 0.1.0" "$(cat "$SCRATCH/.out")"

# Standard output.
check "the month to stdout" sh -c "absen-rekap -m 2026-11 -j '$D/jadwal.yaml' -p '$D/pegawai.tsv' -i '$D/izin.tsv' '$D/log-a.tsv' '$D/log-b.tsv' > out.tsv"
check_same "the counts of the README" "$D/expected.tsv" out.tsv
check_text "the unknown NIP is reported once, with its first line" \
	"absen-rekap: $D/log-a.tsv:7: warning: NIP 197001011995031001 is not in the roster: 2 punches ignored (first here)" \
	"$(cat "$SCRATCH/.err")"

# -o and the long options.
check "-o writes the file" absen-rekap --month 2026-11 --schedule "$D/jadwal.yaml" \
	--roster "$D/pegawai.tsv" --leave "$D/izin.tsv" --output o.tsv "$D/log-a.tsv" "$D/log-b.tsv"
check_same "-o: the same bytes" "$D/expected.tsv" o.tsv
check_text "-o: nothing on stdout" "" "$(cat "$SCRATCH/.out")"

# The logs in another order, gzipped, and from standard input.
gzip -c "$D/log-a.tsv" > a.tsv.gz
check "gzipped log, files swapped" sh -c "absen-rekap -m 2026-11 -j '$D/jadwal.yaml' -p '$D/pegawai.tsv' -i '$D/izin.tsv' '$D/log-b.tsv' a.tsv.gz > gz.tsv"
check_same "gzip and order change nothing" "$D/expected.tsv" gz.tsv
check "a log on standard input (-)" sh -c "absen-rekap -m 2026-11 -j '$D/jadwal.yaml' -p '$D/pegawai.tsv' -i '$D/izin.tsv' '$D/log-b.tsv' - < '$D/log-a.tsv' > in.tsv"
check_same "standard input: the same counts" "$D/expected.tsv" in.tsv
check "no LOG reads standard input" sh -c "cat '$D/log-a.tsv' > both.tsv; tail -n +2 '$D/log-b.tsv' | awk -F '\t' -v OFS='\t' '{print \$2, \$1, \"M2\"}' >> both.tsv; absen-rekap -m 2026-11 -j '$D/jadwal.yaml' -p '$D/pegawai.tsv' -i '$D/izin.tsv' < both.tsv > none.tsv"
check_same "no LOG: the same counts" "$D/expected.tsv" none.tsv

# A punch file repeated: every punch a duplicate, counted once.
check "the same log twice" sh -c "absen-rekap -m 2026-11 -j '$D/jadwal.yaml' -p '$D/pegawai.tsv' -i '$D/izin.tsv' '$D/log-a.tsv' '$D/log-b.tsv' '$D/log-a.tsv' > dup.tsv"
check_same "duplicates are counted once" "$D/expected.tsv" dup.tsv

# tanpa_absen: lupa_absen.
check "lupa_absen schedule" sh -c "absen-rekap -m 2026-11 -j '$D/jadwal-lupa.yaml' -p '$D/pegawai.tsv' -i '$D/izin.tsv' '$D/log-a.tsv' '$D/log-b.tsv' > lupa.tsv"
check_same "one-punch days are lupa_absen" "$D/expected-lupa.tsv" lupa.tsv

# Without izin.tsv, A's leave days become tk (6 more) and C's sakit too.
check "without -i" sh -c "absen-rekap -m 2026-11 -j '$D/jadwal.yaml' -p '$D/pegawai.tsv' '$D/log-a.tsv' '$D/log-b.tsv' > noi.tsv"
check_text "without -i: A's dinas luar day is hadir (07:00-16:30), the 5 leave days tk" \
	"198503102010011002 20 11 7 0" \
	"$(awk -F '\t' '$1 == "198503102010011002" {print $1, $3, $4, $13, $21}' noi.tsv)"
check_text "without -i: C has tk 22" "22" \
	"$(awk -F '\t' '$1 == "198707072012121003" {print $13}' noi.tsv)"

# Another month of the same logs: October has only the night of the 31st
# (D: 19:00 in, 07:00 the next day out) and A's punch of the 30th.
check "October from the same logs" sh -c "absen-rekap -m 2026-10 -j '$D/jadwal.yaml' -p '$D/pegawai.tsv' '$D/log-a.tsv' > oct.tsv"
check_text "October: A arrives on the 30th only (PSW4), D works the night of the 31st" \
	"198503102010011002 22 0 1 21 199205052019031004 31 1 0 30" \
	"$(awk -F '\t' '$1 == "198503102010011002" || $1 == "199205052019031004" {printf "%s %s %s %s %s ", $1, $3, $4, $12, $13}' oct.tsv | sed 's/ $//')"

# A shift starting at 01:00: its check-in window opens at 23:00 the day
# before, so the punch of Sunday 23:30 is Monday's arrival (on time);
# Tuesday 01:01 is 1 minute late (TL1), 08:59 1 minute early (PSW1).
# Mondays and Tuesdays of November 2026: 2 9 16 23 30, 3 10 17 24 = 9.
printf 'jadwal:\n  subuh:\n    senin: 01:00-09:00\n    selasa: 01:00-09:00\nbawaan: subuh\n' > subuh.yaml
printf 'nip\topd\n198503102010011002\tX\n' > p1.tsv
printf 'nip\twaktu\n198503102010011002\t2026-11-01 23:30:00\n198503102010011002\t2026-11-02 09:00:00\n198503102010011002\t2026-11-03 01:01:00\n198503102010011002\t2026-11-03 08:59:00\n' > l1.tsv
check "a shift whose check-in window opens the day before" sh -c "absen-rekap -m 2026-11 -j subuh.yaml -p p1.tsv l1.tsv > subuh.tsv"
check_text "the punch of the evening before is the arrival" "9 2 1 0 0 0 1 0 0 0 7" \
	"$(tail -n 1 subuh.tsv | cut -f3-13 | tr '\t' ' ')"

# The example log is what scripts/gen-data makes, and its noise (duplicates,
# punches on days off, NIPs outside the roster) changes no count.
E=$KJ_TOP/examples/kota-contoh
if [ -x "${KJ_TOOLS:-}/gen-data" ]; then
	check "gen-data --what log" "$KJ_TOOLS/gen-data" --pegawai 1000 --seed 2026 --what log -o gd
	check_text "the example log is reproducible" "same" \
		"$(gzip -9n -c gd/log-2026-11.tsv | cmp -s - "$E/log-2026-11.tsv.gz" && echo same)"
	check "gen-data --what log --noise" "$KJ_TOOLS/gen-data" --pegawai 1000 --seed 2026 --what log --noise -o gdn
	absen-rekap -m 2026-11 -j "$E/jadwal-2026.yaml" -p "$E/pegawai.tsv" gd/log-2026-11.tsv > clean.tsv 2>/dev/null
	absen-rekap -m 2026-11 -j "$E/jadwal-2026.yaml" -p "$E/pegawai.tsv" gdn/log-2026-11.tsv > noisy.tsv 2>noisy.err
	check_same "noise changes no count" clean.tsv noisy.tsv
	check_text "each of the 3 NIPs outside the roster is reported once" "3 3" \
		"$(grep -c 'is not in the roster' noisy.err) $(grep 'is not in the roster' noisy.err | cut -d' ' -f5 | sort -u | wc -l)"
else
	skip 5 "gen-data not built (KJ_TOOLS)"
fi

# Every roster employee has a row, in roster order.
check_text "one row per employee, roster order" \
	"198503102010011002 199001012015032001 198707072012121003 199205052019031004 200001012025062001 196511111990031005" \
	"$(tail -n +2 out.tsv | cut -f1 | tr '\n' ' ' | sed 's/ $//')"

# The header: the absen.tsv columns of kinerja-formats(5).
check_text "the header" \
	"nip periode hari_kerja hadir tl1 tl2 tl3 tl4 psw1 psw2 psw3 psw4 tk lupa_absen cuti_tahunan cuti_sakit cuti_besar cuti_melahirkan cuti_alasan_penting cltn dinas_luar sakit izin tugas_belajar" \
	"$(head -n 1 out.tsv | tr '\t' ' ')"

done_testing
