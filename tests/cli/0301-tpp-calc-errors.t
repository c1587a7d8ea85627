#!/bin/sh
# tpp-calc: bad usage and bad input exit 2 with file:line[:col] and never
# leave an output file.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/tpp
R=$KJ_TOP/examples/rules

plan 55

cp "$D/pegawai.tsv" "$D/absen.tsv" "$D/kinerja.tsv" .
cp "$R/template-permenpan-63.yaml" rules.yaml

# bad DESC EXPECTED-FIRST-LINE-OF-STDERR ARGS...: exit 2, the message,
# no out.tsv.
bad() {
	_desc=$1
	_msg=$2
	shift 2
	check_exit 2 "$_desc: exit 2" tpp-calc -o out.tsv "$@"
	check_stderr "$_desc: message" "$_msg"
	check_absent "$_desc: no output file" out.tsv
}
ok_args="-m 2026-11 -p pegawai.tsv -a absen.tsv -k kinerja.tsv"

bad "no rule set" "tpp-calc: -r, -m, -p and -a are required" \
	-m 2026-11 -p pegawai.tsv -a absen.tsv
bad "a bad month" "tpp-calc: -m: expected a month such as 2026-11, found '2026-13'" \
	-r rules.yaml -m 2026-13 -p pegawai.tsv -a absen.tsv

sed 's/^desember_penuh: false/desember_penuh: false\ndesember: true/' rules.yaml > r1.yaml
bad "unknown key in the rule set" \
	"tpp-calc: r1.yaml:80:1: error: unknown key 'desember' (expected one of: perkada, berlaku, komponen, porsi, disiplin, produktivitas, faktor, plt, desember_penuh, prorata, bpjs, pph21, syarat, potongan_rp)" \
	-r r1.yaml $ok_args
sed '/^      16: 0/d' rules.yaml > r2.yaml
bad "a kelas missing" \
	"tpp-calc: r2.yaml:18:7: error: kelas 16 missing (every kelas 1 to 17 needs an amount; write 0 if it gets nothing)" \
	-r r2.yaml $ok_args
sed 's/{dari: 61, sampai: 90, pct: 1.25}/{dari: 60, sampai: 90, pct: 1.25}/' rules.yaml > r3.yaml
bad "overlapping bands" \
	"tpp-calc: r3.yaml:43:14: error: tl3 overlaps tl2 (starts at minute 60, tl2 ends at 60)" \
	-r r3.yaml $ok_args
sed 's/^  tk: 5$/  tk: 105/' rules.yaml > r4.yaml
bad "a percent over 100" \
	"tpp-calc: r4.yaml:50:7: error: expected a number between 0 and 100 with at most 4 decimals, found '105'" \
	-r r4.yaml $ok_args
sed 's/^  produktivitas: 60$/  produktivitas: 70/' rules.yaml > r5.yaml
bad "a split that does not add up" \
	"tpp-calc: r5.yaml:36:3: error: disiplin 40 % + produktivitas 70 % must add up to 100 %" \
	-r r5.yaml $ok_args
# pph21.dasar_bpjs_pemda (the Pemda's BPJS 4 % in the TER base): a yes/no
# value, and only with model ter.
sed 's/^  model: none .*/  model: ter\n  dasar_bpjs_pemda: ya/' rules.yaml > r6.yaml
bad "dasar_bpjs_pemda not true or false" \
	"tpp-calc: r6.yaml:88:21: error: expected true, false, yes or no, found 'ya'" \
	-r r6.yaml $ok_args
sed 's/^  model: none .*/  model: none\n  dasar_bpjs_pemda: true/' rules.yaml > r7.yaml
bad "dasar_bpjs_pemda without model ter" \
	"tpp-calc: r7.yaml:88:21: error: 'dasar_bpjs_pemda' is only for model ter (the base of the TER rate)" \
	-r r7.yaml $ok_args
bad "a month before the rule set" \
	"tpp-calc: rules.yaml: the rule set takes effect in 2022-01, after 2021-12" \
	-r rules.yaml -m 2021-12 -p pegawai.tsv -a absen.tsv

{ cat pegawai.tsv; sed -n 2p pegawai.tsv; } > p1.tsv
bad "a NIP twice in the roster" \
	"tpp-calc: p1.tsv:8:1: error: NIP 198001012005011001 twice in the roster (first on line 2)" \
	-r rules.yaml -m 2026-11 -p p1.tsv -a absen.tsv
sed 's/\t3000000\t$/\t-3000000\t/' pegawai.tsv > p2.tsv
bad "a negative gaji" \
	"tpp-calc: p2.tsv:2:93: error: gaji: negative salary '-3000000'" \
	-r rules.yaml -m 2026-11 -p p2.tsv -a absen.tsv
sed 's/\t3\t0\t0\t0\t0\t0\t0\t0\t0$/\t23\t0\t0\t0\t0\t0\t0\t0\t0/' absen.tsv > a1.tsv
bad "absen counts larger than hari_kerja" \
	"tpp-calc: a1.tsv:4:50: error: tk: expected a whole number from 0 to 21, found '23'" \
	-r rules.yaml -m 2026-11 -p pegawai.tsv -a a1.tsv
sed 's/^\(199002022019032001\t2026-11\t21\t21\t\)2\t1\t1\t1/\115\t5\t1\t1/' absen.tsv > a2.tsv
bad "TL days that add up to more than hari_kerja" \
	"tpp-calc: a2.tsv:3: error: tl1..tl4 add up to 22 days, more than hari_kerja 21" \
	-r rules.yaml -m 2026-11 -p pegawai.tsv -a a2.tsv
sed 's/\tbutuh_perbaikan$/\tcukup/' kinerja.tsv > k1.tsv
bad "an unknown predikat word" \
	"tpp-calc: k1.tsv:4:54: error: predikat: unknown predikat 'cukup' (expected sangat_baik, baik, butuh_perbaikan, kurang or sangat_kurang)" \
	-r rules.yaml -m 2026-11 -p pegawai.tsv -a absen.tsv -k k1.tsv
sed '2s/\tIII\/a\t/\t\t/' pegawai.tsv > p3.tsv
bad "PPh flat without a golongan" \
	"tpp-calc: p3.tsv:2: error: NIP 198001012005011001: PPh 21 flat needs a golongan (I to IV, or status pppk)" \
	-r "$R/kota-contoh-2026.yaml" -m 2026-11 -p p3.tsv -a absen.tsv
sed '2s/\tpns\t/\tpppk\t/' pegawai.tsv > p4.tsv
bad "a status that does not match the NIP" \
	"tpp-calc: p4.tsv:2:32: error: status: 'pppk' does not match the NIP, which is a PNS NIP" \
	-r rules.yaml -m 2026-11 -p p4.tsv -a absen.tsv
bad "--explain an unknown NIP" \
	"tpp-calc: --explain: NIP 199912312020121001 is not in pegawai.tsv" \
	-r rules.yaml $ok_args --explain 199912312020121001

check_exit 2 "an unknown option" tpp-calc --bogus
done_testing
