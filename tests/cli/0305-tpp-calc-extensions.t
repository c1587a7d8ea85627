#!/bin/sh
# tpp-calc: the optional columns of the rule-set extensions
# (kinerja-formats(5), "TPP rule set"): a rule whose column is absent is
# not applied, with a warning naming both; a bad value in one stops the
# run with file:line:col, exit 2 and no output file.  The amounts of
# these rules are worked by hand in tests/data/tpp/perkada/README
# (0303-tpp-calc-perkada.t) and tests/unit/test_tpp.c.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/tpp
P=$D/perkada
R=$KJ_TOP/examples/rules

plan 33

# The roster and absen.tsv of 0300 have none of the new columns.
cp "$D/pegawai.tsv" "$D/absen.tsv" "$D/kinerja.tsv" .
check "balangan without its columns: runs" tpp-calc -r "$R/balangan-2025.yaml" \
	-m 2026-11 -p pegawai.tsv -a absen.tsv -k kinerja.tsv -o b.tsv
check_text "balangan: the two warnings, first" \
	"tpp-calc: pegawai.tsv:1: warning: no cuti_panjang column: the rule set's faktor.cuti_panjang is not applied
tpp-calc: pegawai.tsv:1: warning: no lhkpn column: the rule set's syarat.lhkpn is not applied" \
	"$(sed -n 1,2p "$SCRATCH/.err")"
check_text "balangan: hadir is there, so kurang_hadir is applied (no warning)" \
	"0" "$(grep -c 'kurang_hadir' "$SCRATCH/.err")"
check "brebes without its columns: runs" tpp-calc -r "$R/brebes-2023.yaml" \
	-m 2026-11 -p pegawai.tsv -a absen.tsv -k kinerja.tsv -o br.tsv
check_text "brebes: six warnings" \
	"tpp-calc: pegawai.tsv:1: warning: no lhkpn column: the rule set's syarat.lhkpn is not applied
tpp-calc: pegawai.tsv:1: warning: no aset column: the rule set's syarat.aset is not applied
tpp-calc: pegawai.tsv:1: warning: no sakip_pct column: the rule set's produktivitas.sakip is not applied
tpp-calc: pegawai.tsv:1: warning: no cuti_rp column: the rule set's potongan_rp is not applied
tpp-calc: pegawai.tsv:1: warning: no hukdis_rp column: the rule set's potongan_rp is not applied
tpp-calc: pegawai.tsv:1: warning: no tgr_rp column: the rule set's potongan_rp is not applied" \
	"$(sed -n 1,6p "$SCRATCH/.err")"
# Without sakip_pct the produktivitas is 100 % kinerja: Ani (kelas 5,
# III/a, gaji 3.000.000, present, baik): beban 1.989.093; prestasi
# 852.468: disiplin 340.987,2 -> 340.987, produktivitas 511.481 paid
# whole; bruto 2.841.561; PPh 5 % 142.078,05 -> 142.078; BPJS 28.415,61
# -> 28.416; netto 2.671.067.
check_text "brebes without sakip_pct: Ani's produktivitas all kinerja" \
	"2841561 142078 28416 2671067" \
	"$(awk -F'\t' '$1 == "198001012005011001" { print $14, $15, $16, $17 }' br.tsv)"
check "pekalongan without its columns: runs" tpp-calc \
	-r "$R/kota-pekalongan-2020.yaml" -m 2026-11 -p pegawai.tsv \
	-a absen.tsv -k kinerja.tsv -o pk.tsv
check_text "pekalongan: kode_status and tidak_apel warnings" \
	"tpp-calc: pegawai.tsv:1: warning: no kode_status column: the rule set's faktor.kode_status is not applied
tpp-calc: absen.tsv:1: warning: no tidak_apel column: the rule set's disiplin.apel is not applied" \
	"$(sed -n 1,2p "$SCRATCH/.err")"
check "the template needs none of them: no warning about a column" \
	tpp-calc -r "$R/template-permenpan-63.yaml" -m 2026-11 -p pegawai.tsv \
	-a absen.tsv -k kinerja.tsv -o t.tsv
check_text "the template: no column warning" "0" \
	"$(grep -c 'column' "$SCRATCH/.err")"

# Bad values in the new columns.
cp "$P/pegawai.tsv" pp.tsv
cp "$P/absen.tsv" pa.tsv
cp "$P/kinerja.tsv" pk.tsv
bad() {
	_desc=$1
	_msg=$2
	shift 2
	check_exit 2 "$_desc: exit 2" tpp-calc -o out.tsv "$@"
	check_stderr "$_desc: message" "$_msg"
	check_absent "$_desc: no output file" out.tsv
}
# field F of data row N (line N + 1) of pegawai.tsv set to V
setf() {
	awk -F'\t' -v OFS='\t' -v n="$1" -v f="$2" -v v="$3" \
		'NR == n + 1 { $f = v } { print }' pp.tsv > "$4"
}
args="-m 2026-11 -a pa.tsv -k pk.tsv"
setf 1 21 mungkin p1.tsv
bad "lhkpn neither ya nor tidak" \
	"tpp-calc: p1.tsv:2:$(($(head -2 p1.tsv | tail -1 | cut -f1-20 | wc -c) + 1)): error: lhkpn: expected ya, tidak or empty, found 'mungkin'" \
	-r "$R/balangan-2025.yaml" -p p1.tsv $args
setf 12 20 "" p2.tsv
bad "cuti_panjang without cuti_mulai" \
	"tpp-calc: p2.tsv:13:$(($(sed -n 13p p2.tsv | cut -f1-18 | wc -c) + 1)): error: cuti_panjang: 'cuti_sakit' without cuti_mulai (the month of the leave decides its %)" \
	-r "$R/balangan-2025.yaml" -p p2.tsv $args
setf 12 19 cuti_lama p3.tsv
bad "an unknown leave word" \
	"tpp-calc: p3.tsv:13:$(($(sed -n 13p p3.tsv | cut -f1-18 | wc -c) + 1)): error: cuti_panjang: expected a leave word such as cuti_sakit or cuti_besar, found 'cuti_lama'" \
	-r "$R/balangan-2025.yaml" -p p3.tsv $args
setf 1 23 100.5 p4.tsv
bad "a SAKIP score over 100" \
	"tpp-calc: p4.tsv:2:$(($(sed -n 2p p4.tsv | cut -f1-22 | wc -c) + 1)): error: sakip_pct: expected a score from 0 to 100, found '100.5'" \
	-r "$R/brebes-2023.yaml" -p p4.tsv $args
setf 1 26 -5000 p5.tsv
bad "a negative tgr_rp" \
	"tpp-calc: p5.tsv:2:$(($(sed -n 2p p5.tsv | cut -f1-25 | wc -c) + 1)): error: tgr_rp: negative amount '-5000'" \
	-r "$R/brebes-2023.yaml" -p p5.tsv $args
setf 1 24 "seratus ribu" p6.tsv
bad "a cuti_rp that is no amount" \
	"tpp-calc: p6.tsv:2:$(($(sed -n 2p p6.tsv | cut -f1-23 | wc -c) + 1)): error: cuti_rp: expected a digit in the amount, found 's'" \
	-r "$R/brebes-2023.yaml" -p p6.tsv $args
awk -F'\t' -v OFS='\t' 'NR == 2 { $23 = 25 } { print }' pa.tsv > a1.tsv
bad "tidak_apel more than hari_kerja" \
	"tpp-calc: a1.tsv:2:$(($(sed -n 2p a1.tsv | cut -f1-22 | wc -c) + 1)): error: tidak_apel: expected a whole number from 0 to 21, found '25'" \
	-r "$R/kota-pekalongan-2020.yaml" -p pp.tsv -m 2026-11 -a a1.tsv -k pk.tsv

# A Rupiah written as text is read as Rupiah: Nanda's cuti_rp
# "Rp 100.000" gives the same table as 100000.
setf 14 24 "Rp 100.000" p7.tsv
check "cuti_rp as Rp 100.000: runs" tpp-calc -r "$R/brebes-2023.yaml" \
	-p p7.tsv $args -o o7.tsv
check_same "cuti_rp as Rp 100.000: the worked table" \
	"$P/expected-brebes-2023-2026-11.tsv" o7.tsv

done_testing
