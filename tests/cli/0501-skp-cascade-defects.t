#!/bin/sh
# skp-cascade --check: every defect of tests/data/skp/defect (see its
# README) is found with its rule id, file, line and column; exit 1 for
# errors, 0 for warnings unless --strict.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/skp
P=$D/pegawai.tsv

plan 41

# cascade NAME: clean/ with defect/NAME/ over it, in $SCRATCH/NAME.
cascade() {
	mkdir -p "$1"
	cp "$D"/clean/* "$1"/
	[ -d "$D/defect/$1" ] && cp "$D/defect/$1"/* "$1"/
	:
}

# found DESC EXPECTED-LINE: that line is one of the last run's stderr.
found() {
	if grep -qxF "$2" "$SCRATCH/.err"; then
		echo "ok $((_n + 1)) - $1"
	else
		echo "not ok $((_n + 1)) - $1"
		echo "# expected: $2"
		diag_file "$SCRATCH/.err"
		_failed=$((_failed + 1))
	fi
	_n=$((_n + 1))
}

# count DESC N: the last run printed N diagnostics.
count() {
	check_text "$1" "$2" "$(wc -l < "$SCRATCH/.err" | tr -d ' ')"
}

K="RHK of the atasan 197502022000032002 (Siti Rahma, S.KM.): KESMAS.1, KESMAS.T1"
W="skp-cascade: hilang/02-kesmas.yaml:6:5: warning: RHK KESMAS.1 is not cascaded: none of the 1 subordinate with an SKP intervenes it [tidak-diturunkan]"

cascade hilang
check_exit 1 "utama without intervensi: exit 1" skp-cascade -p "$P" hilang
found "intervensi-hilang, naming the atasan and her RHK" \
	"skp-cascade: hilang/04-promkes.yaml:6:5: error: RHK utama PROMKES.1 has no intervensi: name an $K [intervensi-hilang]"
found "the atasan's RHK is then not cascaded" "$W"
count "hilang: two diagnostics" 2

cascade bukan-atasan
check_exit 1 "intervensi on another Kabid's RHK: exit 1" skp-cascade -p "$P" bukan-atasan
found "intervensi-bukan-atasan" \
	"skp-cascade: bukan-atasan/04-promkes.yaml:9:17: error: RHK PROMKES.1 intervenes P2P.1, which is not an $K [intervensi-bukan-atasan]"
count "bukan-atasan: two diagnostics" 2

cascade lompat
check_exit 1 "a skipped level: exit 1" skp-cascade -p "$P" lompat
found "intervensi-lompat" \
	"skp-cascade: lompat/04-promkes.yaml:9:17: error: RHK PROMKES.1 intervenes DINKES.1 of 197001011995031001 (dr. Ahmad Fauzi, M.Kes.), which skips a level: name an RHK of the direct atasan 197502022000032002: KESMAS.1, KESMAS.T1 [intervensi-lompat]"

cascade diri
check_exit 1 "intervensi on her own RHK: exit 1" skp-cascade -p "$P" diri
found "intervensi-diri" \
	"skp-cascade: diri/04-promkes.yaml:18:17: error: RHK PROMKES.2 intervenes PROMKES.1, an RHK of the same employee; name an RHK of the atasan: KESMAS.1, KESMAS.T1 [intervensi-diri]"

cascade siklus
check_exit 1 "a cycle: exit 1" skp-cascade -p "$P" siklus
found "intervensi-siklus names the cycle" \
	"skp-cascade: siklus/04-promkes.yaml:20:17: error: intervensi links go round in a cycle: PROMKES.2 -> PROMKES.1.1 -> PROMKES.2 [intervensi-siklus]"
found "the link down to a subordinate is not to the atasan" \
	"skp-cascade: siklus/04-promkes.yaml:20:17: error: RHK PROMKES.2 intervenes PROMKES.1.1, which is not an $K [intervensi-bukan-atasan]"

cascade diturunkan
check_exit 0 "a warning alone: exit 0" skp-cascade -p "$P" diturunkan
found "tidak-diturunkan is a warning" \
	"skp-cascade: diturunkan/01-kadis.yaml:27:5: warning: RHK DINKES.3 is not cascaded: none of the 2 subordinates with an SKP intervenes it [tidak-diturunkan]"
check_exit 1 "--strict: the warning counts" skp-cascade --strict -p "$P" diturunkan
check_text "the links table shows DINKES.3 with no turunan" "DINKES.3		0" \
	"$(skp-cascade -p "$P" diturunkan 2>/dev/null | grep DINKES.3 | cut -f4,8,9)"

cascade id-ganda
check_exit 1 "duplicate ids: exit 1" skp-cascade -p "$P" id-ganda
found "a duplicate indicator id" \
	"skp-cascade: id-ganda/06-epidemiolog.yaml:11:13: error: indicator id P2P.1.a is already used at id-ganda/03-p2p.yaml:11 [id-ganda]"
found "a duplicate RHK id" \
	"skp-cascade: id-ganda/06-epidemiolog.yaml:16:9: error: RHK id P2P.1 is already used at id-ganda/03-p2p.yaml:6 [id-ganda]"

cascade indikator
check_exit 1 "indicator defects: exit 1" skp-cascade -p "$P" indikator
found "target-hilang" \
	"skp-cascade: indikator/06-epidemiolog.yaml:13:9: error: indicator P2P.1.1.a has no target [target-hilang]"
found "target-salah: text" \
	"skp-cascade: indikator/06-epidemiolog.yaml:20:17: error: indicator P2P.1.1.b: target 'setiap bulan' is not a number or a range a-b (e.g. 95 or 80-90) [target-salah]"
found "aspek-salah" \
	"skp-cascade: indikator/06-epidemiolog.yaml:23:16: error: indicator P2P.1.1.c: unknown aspek 'mutu' (expected kuantitas, kualitas, waktu or biaya) [aspek-salah]"
found "target-salah: a range the wrong way round" \
	"skp-cascade: indikator/06-epidemiolog.yaml:29:17: error: indicator P2P.1.1.d: target '100-90' is not a number or a range a-b (e.g. 95 or 80-90) [target-salah]"

cascade jpt
check_exit 1 "JPT defects: exit 1" skp-cascade -p "$P" jpt
found "jpt-intervensi" \
	"skp-cascade: jpt/01-kadis.yaml:10:17: error: RHK DINKES.1 of a JPT (Kepala Dinas Kesehatan) has intervensi PEMDA.1: a JPT's RHK come from the Perjanjian Kinerja [jpt-intervensi]"
found "perspektif-salah" \
	"skp-cascade: jpt/01-kadis.yaml:11:17: error: RHK DINKES.1: unknown perspektif 'pelanggan' (expected penerima_layanan, proses_bisnis, penguatan_internal or anggaran) [perspektif-salah]"
found "perspektif-hilang" \
	"skp-cascade: jpt/01-kadis.yaml:18:5: error: RHK DINKES.2 of a JPT (Kepala Dinas Kesehatan) has no perspektif (penerima_layanan, proses_bisnis, penguatan_internal or anggaran) [perspektif-hilang]"
found "perspektif-non-jpt" \
	"skp-cascade: jpt/03-p2p.yaml:9:17: error: RHK P2P.1 has perspektif, which only a JPT's RHK take (197603032001031003 is administrator) [perspektif-non-jpt]"
count "jpt: four diagnostics" 4

cascade ganda
check_exit 1 "two SKP of one employee: exit 1" skp-cascade -p "$P" ganda
found "skp-ganda, pointing at the first" \
	"skp-cascade: ganda/07-ganda.yaml:3:1: error: a second SKP of 198707072012012007 (Eko Prasetyo, S.KM.) for 2026 (the first is at ganda/06-epidemiolog.yaml:2); this one is ignored [skp-ganda]"
count "ganda: the SKP 2025 is another year" 1

cascade asing
check_exit 1 "a NIP outside the roster: exit 1" skp-cascade -p "$P" asing
found "nip-tidak-dikenal" \
	"skp-cascade: asing/07-asing.yaml:2:1: error: NIP 199101012020121001 is not in the roster $P [nip-tidak-dikenal]"

cascade tanpa
rm tanpa/05-staf.yaml
check_exit 1 "employees without SKP: exit 1" skp-cascade -p "$P" tanpa
found "tidak-menyusun-skp at the roster line" \
	"skp-cascade: $P:6:1: error: 198505052010011005 (Rudi Hartono), Pengelola Data Kesehatan: tidak menyusun SKP 2026 (no SKP for the year) [tidak-menyusun-skp]"
found "tidak-menyusun-skp: the second" \
	"skp-cascade: $P:7:1: error: 199006062015032006 (Nur Aini), Pengadministrasi Umum: tidak menyusun SKP 2026 (no SKP for the year) [tidak-menyusun-skp]"
count "tanpa: two diagnostics, nothing about Promkes's RHK" 2
done_testing
