#!/bin/sh
# tpp-calc: the hand-worked roster of tests/data/tpp (README there has the
# working), --explain, --ringkas, and the Kota Contoh roster end to end.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/tpp
R=$KJ_TOP/examples/rules
K=$KJ_TOP/examples/kota-contoh

plan 27

check "--help exits 0" tpp-calc --help
check_text "--help starts with the usage" \
	"usage: tpp-calc -r RULES.yaml -m YYYY-MM -p pegawai.tsv -a absen.tsv [-k kinerja.tsv] [--explain NIP] [--ringkas] [-o tpp.tsv]" \
	"$(head -n 1 "$SCRATCH/.out")"
check "--version exits 0" tpp-calc --version
check_text "--version names the toolkit" "tpp-calc (kinerja) 0.1.0" "$(cat "$SCRATCH/.out")"

check "template rule set on the worked roster" \
	tpp-calc -r "$R/template-permenpan-63.yaml" -m 2026-11 \
	-p "$D/pegawai.tsv" -a "$D/absen.tsv" -k "$D/kinerja.tsv" -o tpp.tsv
check_same "every amount as worked by hand" "$D/expected.tsv" tpp.tsv
check_text "missing absen row: a warning with the count" \
	"tpp-calc: $D/absen.tsv: warning: 1 employees (first 198805052015042001) have no row for 2026-11: treated as absent all month (tanpa_absen: tk)" \
	"$(sed -n 1p "$SCRATCH/.err")"
check_text "missing kinerja row: a warning with the count" \
	"tpp-calc: $D/kinerja.tsv: warning: 1 employees (first 199106062021211001) have no kinerja row for 2026-11: produktivitas paid at the tanpa_kinerja rate" \
	"$(sed -n 2p "$SCRATCH/.err")"

check "standard output without -o" \
	tpp-calc -r "$R/template-permenpan-63.yaml" -m 2026-11 \
	-p "$D/pegawai.tsv" -a "$D/absen.tsv" -k "$D/kinerja.tsv"
check_same "the same bytes on standard output" "$D/expected.tsv" "$SCRATCH/.out"

check "--explain one employee" \
	tpp-calc -r "$R/template-permenpan-63.yaml" -m 2026-11 \
	-p "$D/pegawai.tsv" -a "$D/absen.tsv" -k "$D/kinerja.tsv" \
	--explain 199002022019032001
check_text "--explain: the TL2 line" \
	"  TL2                                                    1 x        1 %" \
	"$(grep '^  TL2 ' "$SCRATCH/.out")"
check_text "--explain: netto" "  Netto                              Rp 3.455.159" \
	"$(grep '^  Netto' "$SCRATCH/.out")"

check "--ringkas" \
	tpp-calc -r "$R/template-permenpan-63.yaml" -m 2026-11 \
	-p "$D/pegawai.tsv" -a "$D/absen.tsv" -k "$D/kinerja.tsv" --ringkas
# DISDIK: Ani, Budi, Fajar; DINKES: Citra, Dedi, Eka (expected.tsv sums).
check_text "--ringkas: DISDIK totals" \
	"DISDIK	3	9806488	67595	2044363	7694530	0	76946	7617584	Template PermenPANRB 63/2011 (contoh; Basic TPP Kota Lubuklinggau 2022), berlaku 2022-01" \
	"$(grep '^DISDIK' "$SCRATCH/.out")"
check_text "--ringkas: DINKES totals" \
	"DINKES	3	19649154	1438574	663957	17546623	0	175466	17371157	Template PermenPANRB 63/2011 (contoh; Basic TPP Kota Lubuklinggau 2022), berlaku 2022-01" \
	"$(grep '^DINKES' "$SCRATCH/.out")"

# Kota Contoh: everyone present all month (an absen.tsv made here), the
# committed kinerja file.
awk -F'\t' 'BEGIN { OFS = "\t"; print "nip", "periode", "hari_kerja", "tl1", "tl2", "tl3", "tl4", "psw1", "psw2", "psw3", "psw4", "tk" }
NR > 1 { print $1, "2026-11", 21, 0, 0, 0, 0, 0, 0, 0, 0, 0 }' "$K/pegawai.tsv" > absen.tsv
check "Kota Contoh roster" \
	tpp-calc -r "$R/kota-contoh-2026.yaml" -m 2026-11 -p "$K/pegawai.tsv" \
	-a absen.tsv -k "$K/kinerja-2026-11.tsv" -o kota.tsv
check_text "one row per employee, in roster order" \
	"$(cut -f1 "$K/pegawai.tsv")" "$(cut -f1 kota.tsv)"
check_text "netto = bruto + tunjangan PPh - PPh - iuran, none negative" "ok" \
	"$(awk -F'\t' 'NR > 1 { if ($17 != $14 + $19 - $15 - $16 || $17 < 0) bad++ } END { print bad ? "bad " bad : "ok" }' kota.tsv)"
check_text "the Sekda: 19.250.000 less BPJS 62.531" "19187469" \
	"$(awk -F'\t' '$4 == "Sekretaris Daerah" { print $17 }' kota.tsv)"
check_text "--ringkas sums the detail" \
	"$(awk -F'\t' 'NR > 1 { s += $17 } END { print s }' kota.tsv)" \
	"$(tpp-calc -r "$R/kota-contoh-2026.yaml" -m 2026-11 -p "$K/pegawai.tsv" -a absen.tsv -k "$K/kinerja-2026-11.tsv" --ringkas 2>/dev/null | awk -F'\t' 'NR > 1 { s += $9 } END { print s }')"
# The Plt rows of Kota Contoh carry plt_hari (gen-data 2).  Dewi
# Nurhayati, kelas 12 IV/b, gaji 5.628.300, Plt of a kelas 14 job for 21
# days >= 20, baik: the kelas 14 amounts, beban 5.400.000 + prestasi
# 8.100.000 (3.240.000 / 4.860.000 paid whole) = 13.500.000; PPh 15 %
# 2.025.000 borne by the APBD; BPJS nominal min(5.628.300 + 13.500.000,
# 12.000.000) - 5.628.300 = 6.371.700 x 1 % = 63.717; netto 13.436.283.
check_text "a Plt one level up for 21 days: the kelas 14 TPP" \
	"13500000 13500000 2025000 63717 13436283" \
	"$(awk -F'\t' '$1 == "197008311994082001" { print $7, $14, $15, $16, $17 }' kota.tsv)"
# dr. Joko Fathur Wijaya, kelas 9 III/d, gaji 3.683.400, Plt of a kelas
# 11 job for 14 days < 20: own beban 2.100.000 + prestasi 3.150.000
# (1.260.000 / 1.890.000), kurang 60 % = 1.134.000; bruto 4.494.000; PPh
# 5 % 224.700 (APBD); BPJS min(8.933.400, 12 jt) - 3.683.400 =
# 5.250.000 -> 52.500; netto 4.441.500.
check_text "a Plt of 14 days: not paid, and the rincian says why" \
	"5250000 4494000 224700 52500 4441500 plt kelas 11 kurang dari 20 hari: tidak dibayar×14; predikat kurang=60%" \
	"$(awk -F'\t' '$1 == "198209162015021001" { print $7, $14, $15, $16, $17, $18 }' kota.tsv)"

# A hukdis counts only in its months (hukdis_mulai .. hukdis_sampai).
# kelas 8: 4.447.069; hukdis sedang 75 % = 3.335.301,75 -> 3.335.302.
printf 'nip\tnama\tstatus\topd\tjabatan\tkelas\tketerangan\thukdis_mulai\thukdis_sampai\n' > h.tsv
printf '198001012005011001\tA\tpns\tX\tJ\t8\thukdis_sedang\t2026-09\t2027-02\n' >> h.tsv
printf '199002022019032001\tB\tpns\tX\tJ\t8\thukdis_sedang\t2026-05\t2026-10\n' >> h.tsv
printf '198503032010011002\tC\tpns\tX\tJ\t8\thukdis_sedang\t\t\n' >> h.tsv
check "hukdis months" tpp-calc -r "$R/template-permenpan-63.yaml" -m 2026-11 \
	-p h.tsv -a "$D/absen.tsv" -k "$D/kinerja.tsv" -o h-out.tsv
check_text "in its 3rd month: 75 %, and the rincian says which month" \
	"3335302	hukdis_sedang bulan ke-3=75%" \
	"$(awk -F'\t' '$1 == "198001012005011001" { print $7 "\t" substr($18, 1, 28) }' h-out.tsv)"
check_text "ended in October: the full amount" "4447069" \
	"$(awk -F'\t' '$1 == "199002022019032001" { print $7 }' h-out.tsv)"
check_text "no months given: every month" "3335302" \
	"$(awk -F'\t' '$1 == "198503032010011002" { print $7 }' h-out.tsv)"

done_testing
