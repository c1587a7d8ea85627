#!/bin/sh
# tpp-calc and absen-rekap: inputs the fuzzers found (tests/fuzz/corpus).
. "${KJ_TOP:-.}/tests/cli/lib.sh"
C=$KJ_TOP/tests/fuzz/corpus
plan 6

# TER on gaji + TPP less TER on gaji alone exceeds a TPP of Rp 100:
# gaji 5.400.000 is the top of TER A's 0 % band; 5.400.100 falls in the
# 0.25 % band, so PPh = 0.25 % x 5.400.100 = 13.500,25 -> 13.500, more
# than the TPP itself.  Nothing is paid, and no negative iuran appears.
printf 'nip\tnama\tstatus\tgolongan\topd\tunit\tjabatan\tjenis_jabatan\tkelas\tatasan\tplt_kelas\tketerangan\tgaji\tptkp\n' > p.tsv
printf '198001012005011001\tAni\tpns\tII/a\tX\tX\tStaf\tpelaksana\t1\t\t\t\t5400000\tTK/0\n' >> p.tsv
printf 'nip\tperiode\thari_kerja\thadir\ttl1\ttl2\ttl3\ttl4\tpsw1\tpsw2\tpsw3\tpsw4\ttk\tlupa_absen\n' > a.tsv
printf '198001012005011001\t2026-11\t21\t21\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n' >> a.tsv
check "a TPP smaller than its TER tax" tpp-calc -r "$C/tpp_rules/ter-iuran-negatif.yaml" \
	-m 2026-11 -p p.tsv -a a.tsv -o t.tsv
cols() { awk -F'\t' -v want="$1" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; n = split(want, w, ","); next }
	{ for (i = 1; i <= n; i++) printf "%s%s", (i > 1 ? " " : ""), $c[w[i]]; print "" }' t.tsv; }
check_text "bruto 100, pph21 13500, iuran 0, netto 0" "100 13500 0 0" \
	"$(cols bruto,pph21,iuran_bpjs,netto)"

# A schedule key with no value is an error at its place, never an empty
# message (the loader took YAML's "no value" for a failure).
printf 'jadwal:\n  shift:\n' > j.yaml
check_exit 2 "a schedule with no value: exit 2" \
	absen-rekap -m 2026-11 -j j.yaml -p p.tsv a.tsv
check_stderr "a schedule with no value: message" \
	"absen-rekap: j.yaml:2:9: error: expected a mapping, found an empty value"
printf 'libur:\n  -\n' > j2.yaml
check_exit 2 "a holiday with no value: exit 2" \
	absen-rekap -m 2026-11 -j j2.yaml -p p.tsv a.tsv
check_text "a holiday with no value: the message names the place" "j2.yaml:2:" \
	"$(head -n 1 "$SCRATCH/.err" | sed 's/^absen-rekap: //' | cut -d' ' -f1 | sed 's/[0-9]*:$//')"

done_testing
