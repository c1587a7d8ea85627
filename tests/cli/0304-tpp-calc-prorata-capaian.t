#!/bin/sh
# tpp-calc: prorata by tmt / tmt_keluar, produktivitas by capaian bands,
# and the errors of both.  The template rule set (one component "tpp",
# Basic TPP of Lubuklinggau, 40/60, BPJS 1 %/4 % of the realised TPP, no
# PPh) with `prorata: kalender` and the capaian bands of Balangan before
# 2023 (domain/tpp.md §4: >= 90 100 %, 76-89 90 %, 61-75 80 %, 51-60
# 70 %, 10-50 40 %, < 10 0 %).  November 2026 has 30 days, 21 of them
# Monday to Friday.
#
# Worked by hand:
# P1 kelas 5 (2.841.561), tmt 2026-11-16: in service 16..30 = 15 of 30
#    days: 2.841.561 x 15/30 = 1.420.780,5 -> 1.420.781 (the .5 goes up);
#    disiplin 40 % 568.312,4 -> 568.312; produktivitas 852.469, capaian
#    92 >= 90: 100 %; bruto 1.420.781; BPJS 1 % 14.207,81 -> 14.208,
#    4 % 56.831,24 -> 56.831; netto 1.406.573.
#    Under prorata hari_kerja: 11 of 21 weekdays: 2.841.561 x 11/21 =
#    1.488.436,71 -> 1.488.437.
# P2 kelas 9 (5.532.975), tmt_keluar 2026-11-11 (the first day out): in
#    service 1..10 = 10 of 30: 1.844.325; disiplin 737.730; produktivitas
#    1.106.595 x 90 % (capaian 80 >= 76) = 995.935,5 -> 995.936; bruto
#    1.733.666; BPJS 17.336,66 -> 17.337, 4 % 69.346,64 -> 69.347; netto
#    1.716.329.
# P3 kelas 8, tmt 2026-12-01: not yet in service, 0 of 30: nothing;
#    capaian 55 >= 51: 70 % (of nothing).
# P4 kelas 6 (3.407.272), in service all month: disiplin 1.362.908,8 ->
#    1.362.909; produktivitas 2.044.363 x 40 % (capaian 50 >= 10) =
#    817.745,2 -> 817.745; bruto 2.180.654; BPJS 21.806,54 -> 21.807,
#    4 % 87.226,16 -> 87.226; netto 2.158.847.
# P5 kelas 7 (3.920.964), SKP and report but no capaian_pct: tanpa
#    capaian, the tanpa_kinerja rate 0 %: disiplin 1.568.385,6 ->
#    1.568.386, produktivitas 0; BPJS 15.683,86 -> 15.684, 4 % 62.735,44
#    -> 62.735; netto 1.552.702.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
R=$KJ_TOP/examples/rules

plan 28

sed -e 's/^desember_penuh: false$/desember_penuh: false\nprorata: kalender/' \
    -e 's/^produktivitas:$/produktivitas:\n  dasar: capaian\n  capaian:\n    - {dari: 90, pct: 100}\n    - {dari: 76, pct: 90}\n    - {dari: 61, pct: 80}\n    - {dari: 51, pct: 70}\n    - {dari: 10, pct: 40}\n    - {dari: 0, pct: 0}/' \
    "$R/template-permenpan-63.yaml" > rules.yaml
T='	'
cat > pegawai.tsv <<EOT
nip${T}nama${T}status${T}golongan${T}opd${T}jabatan${T}kelas${T}gaji${T}tmt${T}tmt_keluar
199401012019031001${T}P1${T}pns${T}III/a${T}X${T}Staf${T}5${T}3000000${T}2026-11-16${T}
198702022012012002${T}P2${T}pns${T}III/c${T}X${T}Kasi${T}9${T}4000000${T}2012-01-01${T}2026-11-11
199912122026011003${T}P3${T}pns${T}III/a${T}X${T}Analis${T}8${T}2800000${T}2026-12-01${T}
198903032014031004${T}P4${T}pns${T}II/c${T}X${T}Pengelola${T}6${T}3500000${T}2014-03-01${T}
199105052016012005${T}P5${T}pns${T}III/b${T}X${T}Penata${T}7${T}3200000${T}${T}
EOT
cat > absen.tsv <<EOT
nip${T}periode${T}hari_kerja${T}tl1${T}tl2${T}tl3${T}tl4${T}psw1${T}psw2${T}psw3${T}psw4${T}tk
199401012019031001${T}2026-11${T}11${T}0${T}0${T}0${T}0${T}0${T}0${T}0${T}0${T}0
198702022012012002${T}2026-11${T}7${T}0${T}0${T}0${T}0${T}0${T}0${T}0${T}0${T}0
199912122026011003${T}2026-11${T}0${T}0${T}0${T}0${T}0${T}0${T}0${T}0${T}0${T}0
198903032014031004${T}2026-11${T}21${T}0${T}0${T}0${T}0${T}0${T}0${T}0${T}0${T}0
199105052016012005${T}2026-11${T}21${T}0${T}0${T}0${T}0${T}0${T}0${T}0${T}0${T}0
EOT
cat > kinerja.tsv <<EOT
nip${T}periode${T}skp${T}lapor${T}capaian_pct${T}predikat
199401012019031001${T}2026-11${T}ada${T}ya${T}92${T}baik
198702022012012002${T}2026-11${T}ada${T}ya${T}80${T}baik
199912122026011003${T}2026-11${T}ada${T}ya${T}55${T}kurang
198903032014031004${T}2026-11${T}ada${T}ya${T}50${T}kurang
199105052016012005${T}2026-11${T}ada${T}ya${T}${T}baik
EOT
cat > expected.tsv <<EOT
nip${T}nama${T}opd${T}jabatan${T}kelas${T}periode${T}basic${T}disiplin_pagu${T}produktivitas_pagu${T}potongan_disiplin_pct${T}potongan_produktivitas_pct${T}disiplin${T}produktivitas${T}bruto${T}pph21${T}iuran_bpjs${T}netto${T}rincian${T}tunjangan_pph${T}bpjs_pemda
199401012019031001${T}P1${T}X${T}Staf${T}5${T}2026-11${T}1420781${T}568312${T}852469${T}0${T}0${T}568312${T}852469${T}1420781${T}0${T}14208${T}1406573${T}prorata 15/30 hari kalender; capaian 92 (>=90)=100%${T}0${T}56831
198702022012012002${T}P2${T}X${T}Kasi${T}9${T}2026-11${T}1844325${T}737730${T}1106595${T}0${T}10${T}737730${T}995936${T}1733666${T}0${T}17337${T}1716329${T}prorata 10/30 hari kalender; capaian 80 (>=76)=90%${T}0${T}69347
199912122026011003${T}P3${T}X${T}Analis${T}8${T}2026-11${T}0${T}0${T}0${T}0${T}30${T}0${T}0${T}0${T}0${T}0${T}0${T}prorata 0/30 hari kalender; capaian 55 (>=51)=70%${T}0${T}0
198903032014031004${T}P4${T}X${T}Pengelola${T}6${T}2026-11${T}3407272${T}1362909${T}2044363${T}0${T}60${T}1362909${T}817745${T}2180654${T}0${T}21807${T}2158847${T}capaian 50 (>=10)=40%${T}0${T}87226
199105052016012005${T}P5${T}X${T}Penata${T}7${T}2026-11${T}3920964${T}1568386${T}2352578${T}0${T}100${T}1568386${T}0${T}1568386${T}0${T}15684${T}1552702${T}tanpa capaian=0%${T}0${T}62735
EOT

check "prorata kalender and capaian bands" tpp-calc -r rules.yaml -m 2026-11 \
	-p pegawai.tsv -a absen.tsv -k kinerja.tsv -o tpp.tsv
check_same "every amount as worked by hand" expected.tsv tpp.tsv

sed 's/^prorata: kalender$/prorata: hari_kerja/' rules.yaml > hk.yaml
check "prorata hari_kerja" tpp-calc -r hk.yaml -m 2026-11 \
	-p pegawai.tsv -a absen.tsv -k kinerja.tsv -o hk.tsv
check_text "P1: 11 of 21 weekdays" \
	"1488437	prorata 11/21 hari kerja; capaian 92 (>=90)=100%" \
	"$(awk -F'\t' '$2 == "P1" { print $7 "\t" $18 }' hk.tsv)"
check_text "P2: 7 of 21 weekdays, the same third" "1844325" \
	"$(awk -F'\t' '$2 == "P2" { print $7 }' hk.tsv)"

sed '/^prorata: kalender$/d' rules.yaml > none.yaml
check "without prorata the month is whole" tpp-calc -r none.yaml -m 2026-11 \
	-p pegawai.tsv -a absen.tsv -k kinerja.tsv -o none.tsv
check_text "P1 and P3 get the kelas amount" "2841561 4447069" \
	"$(awk -F'\t' '$2 == "P1" { a = $7 } $2 == "P3" { b = $7 } END { print a, b }' none.tsv)"

# bad DESC MESSAGE ARGS...: exit 2, the message, no output file.
bad() {
	_desc=$1
	_msg=$2
	shift 2
	check_exit 2 "$_desc: exit 2" tpp-calc -o out.tsv "$@"
	check_stderr "$_desc: message" "$_msg"
	check_absent "$_desc: no output file" out.tsv
}
ok="-m 2026-11 -p pegawai.tsv -a absen.tsv -k kinerja.tsv"

sed 's/{dari: 76, pct: 90}/{dari: 95, pct: 90}/' rules.yaml > c1.yaml
bad "capaian bands that go up" \
	"tpp-calc: c1.yaml:57:14: error: capaian bands must go down: this one starts at or above the band before it (write the highest band first)" \
	-r c1.yaml $ok
sed 's/{dari: 0, pct: 0}/{dari: 5, pct: 0}/' rules.yaml > c2.yaml
bad "capaian bands that leave the bottom out" \
	"tpp-calc: c2.yaml:61:14: error: the last capaian band must start at 0, so that every capaian has a band" \
	-r c2.yaml $ok
sed '/^  dasar: capaian$/d' rules.yaml > c3.yaml
bad "capaian bands under dasar predikat" \
	"tpp-calc: c3.yaml:55:5: error: capaian bands need 'dasar: capaian'" \
	-r c3.yaml $ok
sed 's/^prorata: kalender$/prorata: harian/' rules.yaml > c4.yaml
bad "an unknown prorata" \
	"tpp-calc: c4.yaml:88:10: error: unknown word 'harian' (expected one of: tidak, kalender, hari_kerja)" \
	-r c4.yaml $ok
sed 's/\t2026-11-11$/\t2011-12-31/' pegawai.tsv > p1.tsv
bad "tmt_keluar before tmt" \
	"tpp-calc: p1.tsv:3:61: error: tmt_keluar: '2011-12-31' is not after tmt '2012-01-01'" \
	-r rules.yaml -m 2026-11 -p p1.tsv -a absen.tsv -k kinerja.tsv
sed 's/\t2026-11-16\t/\t16-11-2026\t/' pegawai.tsv > p2.tsv
bad "a tmt that is no date" \
	"tpp-calc: p2.tsv:2:50: error: tmt: expected a date such as 2026-11-16, found '16-11-2026'" \
	-r rules.yaml -m 2026-11 -p p2.tsv -a absen.tsv -k kinerja.tsv
cut -f1-4,6 kinerja.tsv > k1.tsv
bad "dasar capaian without a capaian_pct column" \
	"tpp-calc: k1.tsv:1: error: no capaian_pct column, which the rule set's produktivitas dasar capaian needs" \
	-r rules.yaml -m 2026-11 -p pegawai.tsv -a absen.tsv -k k1.tsv

done_testing
