#!/bin/sh
# capaian-check: bad usage and bad input exit 2 with a file:line:col
# message and leave no output file.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/capaian
P=$D/pegawai.tsv
R=$D/realisasi.tsv
S=$D/skp.tsv
T=$(printf '\t')
U="usage: capaian-check -m PERIODE -p pegawai.tsv -r realisasi.tsv [--perilaku FILE] [--organisasi FILE] [--kurva] [--angka-kredit] [-o kinerja.tsv] SKP..."

plan 132

# bad DESC MESSAGE CMD...: exit 2, the first error line, no out.tsv.
bad() {
	_desc=$1
	_msg=$2
	shift 2
	check_exit 2 "$_desc: exit 2" "$@"
	check_text "$_desc: message" "$_msg" \
		"$(grep -v ': warning: ' "$SCRATCH/.err" | head -n 1)"
	check_absent "$_desc: no output file" out.tsv
}

real() {
	printf 'nip\tperiode\tindikator\trealisasi\n'
	printf '%s\n' "$@"
}

# Usage.
bad "no -m" "capaian-check: -m PERIODE is required (the period to check)" \
	capaian-check -p "$P" -r "$R" -o out.tsv "$S"
check_text "no -m: the usage follows" "$U" "$(sed -n 2p "$SCRATCH/.err")"
bad "no -p" "capaian-check: -p FILE is required (the roster, pegawai.tsv)" \
	capaian-check -m 2026-11 -r "$R" -o out.tsv "$S"
bad "no -r" "capaian-check: -r FILE is required (realisasi.tsv)" \
	capaian-check -m 2026-11 -p "$P" -o out.tsv "$S"
bad "no SKP" "capaian-check: an SKP file is required (skp.tsv)" \
	capaian-check -m 2026-11 -p "$P" -r "$R" -o out.tsv
bad "a month that does not exist" \
	"capaian-check: -m: expected a period such as 2026-11, 2026-TW3 or 2026, found '2026-13'" \
	capaian-check -m 2026-13 -p "$P" -r "$R" -o out.tsv "$S"
bad "a quarter without --kegiatan" \
	"capaian-check: -m: expected a month such as 2026-11 or a year such as 2026, found '2026-TW3'" \
	capaian-check -m 2026-TW3 -p "$P" -r "$R" -o out.tsv "$S"
bad "--kurva without --organisasi" "capaian-check: --kurva needs --organisasi" \
	capaian-check -m 2026-11 -p "$P" -r "$R" --kurva -o out.tsv "$S"
bad "standard input twice" "capaian-check: standard input (-) can be read only once" \
	capaian-check -m 2026-11 -p - -r - -o out.tsv "$S"
bad "an option of another mode" "capaian-check: --per does not apply without --unreported" \
	capaian-check -m 2026-11 -p "$P" -r "$R" --per 2026-12-01 -o out.tsv "$S"
bad "a threshold that is not a number" \
	"capaian-check: --batas-atas: expected a percentage such as 75 or 75.5, found 'abc'" \
	capaian-check -m 2026-11 -p "$P" -r "$R" --batas-atas abc -o out.tsv "$S"
bad "thresholds in the wrong order" "capaian-check: --batas-sesuai is above --batas-atas" \
	capaian-check -m 2026-11 -p "$P" -r "$R" --batas-atas 80 -o out.tsv "$S"
bad "an unknown option" "capaian-check: unrecognized option '--bogus'" \
	capaian-check --bogus -m 2026-11 -p "$P" -r "$R" -o out.tsv "$S"
bad "--kegiatan with --unreported" "capaian-check: --kegiatan and --unreported exclude each other" \
	capaian-check --kegiatan x --unreported -m 2026-11 -o out.tsv

# Unreadable input.
bad "a missing realisasi" "capaian-check: nofile.tsv: error: cannot open: No such file or directory" \
	capaian-check -m 2026-11 -p "$P" -r nofile.tsv -o out.tsv "$S"
bad "a missing roster" "capaian-check: nofile.tsv: error: cannot open: No such file or directory" \
	capaian-check -m 2026-11 -p nofile.tsv -r "$R" -o out.tsv "$S"

# Realisasi.
real "199001012015031003${T}2026-11${T}A9${T}5" > x.tsv
bad "realisasi of an unknown indicator" \
	"capaian-check: x.tsv:2:28: error: indikator: 'A9' is not an indicator of the SKP of NIP 199001012015031003" \
	capaian-check -m 2026-11 -p "$P" -r x.tsv -o out.tsv "$S"
real "199201012017031005${T}2026-11${T}A1${T}5" > x.tsv
bad "realisasi of an employee without an SKP" \
	"capaian-check: x.tsv:2:1: error: nip: 199201012017031005 has no SKP for 2026, so no indicator 'A1'" \
	capaian-check -m 2026-11 -p "$P" -r x.tsv -o out.tsv "$S"
real "199001012015031099${T}2026-11${T}A1${T}5" > x.tsv
bad "realisasi of an unknown NIP" \
	"capaian-check: x.tsv:2:1: error: nip: 199001012015031099 is not in the roster $P" \
	capaian-check -m 2026-11 -p "$P" -r x.tsv -o out.tsv "$S"
real "19900101201503100${T}2026-11${T}A1${T}5" > x.tsv
bad "realisasi with a short NIP" \
	"capaian-check: x.tsv:2:1: error: nip: expected 18 digits, found 17" \
	capaian-check -m 2026-11 -p "$P" -r x.tsv -o out.tsv "$S"
real "199001012015031003${T}2026-11${T}A1${T}5" "199001012015031003${T}2026-11${T}A1${T}6" > x.tsv
bad "a duplicate realisasi row" \
	"capaian-check: x.tsv:3:28: error: a second realisasi of NIP 199001012015031003, indikator A1 for 2026-11 (the previous row of this indicator is at line 2)" \
	capaian-check -m 2026-11 -p "$P" -r x.tsv -o out.tsv "$S"
real "199001012015031003${T}2026-11${T}A1${T}lima" > x.tsv
bad "a non-numeric realisasi" \
	"capaian-check: x.tsv:2:31: error: realisasi: expected a digit in the number, found 'l'" \
	capaian-check -m 2026-11 -p "$P" -r x.tsv -o out.tsv "$S"
real "199001012015031003${T}2026-11${T}A1${T}-5" > x.tsv
bad "a negative realisasi" \
	"capaian-check: x.tsv:2:31: error: realisasi: expected a number of 0 or more, found '-5'" \
	capaian-check -m 2026-11 -p "$P" -r x.tsv -o out.tsv "$S"
real "199001012015031003${T}11-2026${T}A1${T}5" > x.tsv
bad "a period in the wrong form" \
	"capaian-check: x.tsv:2:20: error: periode: expected a period with a 4-digit year (2026-11, 2026-TW3, 2026-S2 or 2026), found 2 digits" \
	capaian-check -m 2026-11 -p "$P" -r x.tsv -o out.tsv "$S"
printf 'nip\tperiode\tindikator\n' > x.tsv
bad "realisasi without its column" \
	"capaian-check: x.tsv:1: error: missing column 'realisasi' in the header" \
	capaian-check -m 2026-11 -p "$P" -r x.tsv -o out.tsv "$S"

# The SKP (read by lib/skp: YAML, folders, skp.tsv).
printf 'nip\ttahun\trhk\tindikator\ttarget\n199001012015031003\t2026\tR\tA1\t10\n199001012015031003\t2026\tR\tA1\t12\n' > skp.tsv
bad "an indicator twice in one SKP" \
	"capaian-check: skp.tsv:3:27: error: indikator: A1 appears twice in the SKP of NIP 199001012015031003" \
	capaian-check -m 2026-11 -p "$P" -r "$R" -o out.tsv skp.tsv
printf 'nip\ttahun\trhk\tindikator\ttarget\n199001012015031003\t2026\tR\tA1\t90-80\n' > skp.tsv
bad "a range from high to low" \
	"capaian-check: skp.tsv:2:30: error: target: a range target runs from low to high, found '90-80'" \
	capaian-check -m 2026-11 -p "$P" -r "$R" -o out.tsv skp.tsv
printf 'nip\ttahun\trhk\tindikator\ttarget\tpolaritas\n199001012015031003\t2026\tR\tA1\t10\tturun\n' > skp.tsv
bad "an unknown polaritas" \
	"capaian-check: skp.tsv:2:33: error: polaritas: expected positif or negatif, found 'turun'" \
	capaian-check -m 2026-11 -p "$P" -r "$R" -o out.tsv skp.tsv
printf 'nip\ttahun\trhk\tindikator\ttarget\n199001012015031099\t2026\tR\tA1\t10\n' > skp.tsv
bad "an SKP of an unknown NIP" \
	"capaian-check: skp.tsv:2:1: error: nip: 199001012015031099 is not in the roster $P" \
	capaian-check -m 2026-11 -p "$P" -r "$R" -o out.tsv skp.tsv
printf 'nip\ttahun\trhk\tindikator\ttarget\n199001012015031003\t2026\tR\t\t10\n' > skp.tsv
bad "an indicator without an id" \
	"capaian-check: skp.tsv:2:27: error: indikator: an id is required (the realisasi refer to it)" \
	capaian-check -m 2026-11 -p "$P" -r "$R" -o out.tsv skp.tsv
printf 'nip\ttahun\trhk\tindikator\ttarget\n199001012015031003\t2026\tR\tA1\t\n' > skp.tsv
bad "an indicator without a target in skp.tsv" \
	"capaian-check: skp.tsv:2:30: error: target: expected a number or a range such as 80-90 for indikator A1, found ''" \
	capaian-check -m 2026-11 -p "$P" -r "$R" -o out.tsv skp.tsv
printf 'nip\ttahun\trhk\tindikator\ttarget\n199001012015031003\tdua\tR\tA1\t1\n' > skp.tsv
bad "a tahun that is not a number" \
	"capaian-check: skp.tsv:2:20: error: tahun: expected a digit in the number, found 'd'" \
	capaian-check -m 2026-11 -p "$P" -r "$R" -o out.tsv skp.tsv
printf 'nip: "199001012015031003"\ntahun: 2026\nrhk:\n  - id: R\n    indikator:\n      - id: A1\n        target: 10\n---\nnip: "199001012015031003"\ntahun: 2026\nrhk: []\n' > s.yaml
bad "two SKP of one employee and year" \
	"capaian-check: s.yaml:9:1: error: a second SKP of NIP 199001012015031003 for 2026 (the first is at s.yaml:1)" \
	capaian-check -m 2026-11 -p "$P" -r "$R" -o out.tsv s.yaml
printf 'nip: "199001012015031003"\ntahun: 2026\nrhk:\n  - id: R\n    indikator:\n      - id: A1\n' > s.yaml
bad "an indicator without a target" \
	"capaian-check: s.yaml:6:9: error: target: expected a number or a range such as 80-90 for indikator A1, found ''" \
	capaian-check -m 2026-11 -p "$P" -r "$R" -o out.tsv s.yaml

# Perilaku and organisasi.
printf 'nip\tperiode\trating\n199001012015031003\t2026-11\tbagus\n' > x.tsv
bad "an unknown perilaku rating" \
	"capaian-check: x.tsv:2:28: error: rating: expected di_atas, sesuai or di_bawah, found 'bagus'" \
	capaian-check -m 2026-11 -p "$P" -r "$R" --perilaku x.tsv -o out.tsv "$S"
printf 'nip\tperiode\tloyal\n199001012015031003\t2026-11\tsesuai\n199001012015031003\t2026-11\tdi_atas\n' > x.tsv
bad "a perilaku row twice" \
	"capaian-check: x.tsv:3:1: error: a second perilaku row of NIP 199001012015031003 for 2026-11" \
	capaian-check -m 2026-11 -p "$P" -r "$R" --perilaku x.tsv -o out.tsv "$S"
printf 'nip\tperiode\tnilai\n' > x.tsv
bad "perilaku without a rating column" \
	"capaian-check: x.tsv:1: error: missing column 'rating' (or the BerAKHLAK columns berorientasi_pelayanan ... kolaboratif) in the header" \
	capaian-check -m 2026-11 -p "$P" -r "$R" --perilaku x.tsv -o out.tsv "$S"
printf 'opd\tperiode\tpredikat\nDINKES\t2026-11\tcukup\n' > x.tsv
bad "an unknown organisational predikat" \
	"capaian-check: x.tsv:2:16: error: predikat: expected istimewa, baik, butuh_perbaikan, kurang or sangat_kurang, found 'cukup'" \
	capaian-check -m 2026-11 -p "$P" -r "$R" --organisasi x.tsv -o out.tsv "$S"
printf 'opd\tperiode\tpredikat\nDINKES\t2026-11\tbaik\nDINKES\t2026-11\tistimewa\n' > x.tsv
bad "an OPD predikat twice" \
	"capaian-check: x.tsv:3:1: error: a second predikat of OPD DINKES for 2026-11" \
	capaian-check -m 2026-11 -p "$P" -r "$R" --organisasi x.tsv -o out.tsv "$S"

# skp.tsv is read on a second thread while the roster loads; what it finds
# comes out as if read in turn.  Two target-0 warnings, then a NIP the
# roster lacks: both warnings in file order, then the error, nothing else.
{
	printf 'nip\ttahun\trhk\tindikator\ttarget\n'
	printf '199001012015031003\t2026\tR\tA1\t0\n'
	printf '199001012015031003\t2026\tR\tA2\t10\n'
	printf '199101012016032004\t2026\tR\tB1\t0\n'
	printf '199001012015031099\t2026\tR\tX1\t10\n'
} > skp.tsv
check_exit 2 "skp.tsv: warnings, then an unknown NIP: exit 2" \
	capaian-check -m 2026-11 -p "$P" -r "$R" -o out.tsv skp.tsv
check_text "skp.tsv: warnings, then an unknown NIP: stderr in file order" \
"capaian-check: skp.tsv:2:30: warning: target 0 for indikator A1 of NIP 199001012015031003: capaian not computable, left out of the mean
capaian-check: skp.tsv:4:30: warning: target 0 for indikator B1 of NIP 199101012016032004: capaian not computable, left out of the mean
capaian-check: skp.tsv:5:1: error: nip: 199001012015031099 is not in the roster $P" \
	"$(cat "$SCRATCH/.err")"
check_absent "skp.tsv: warnings, then an unknown NIP: no output file" out.tsv
# The rows of one NIP in two places (another NIP's between): an id of the
# first place again in the second is the same SKP's indicator twice.
{
	printf 'nip\ttahun\trhk\tindikator\ttarget\n'
	printf '199001012015031003\t2026\tR\tA1\t10\n'
	printf '199101012016032004\t2026\tR\tB1\t10\n'
	printf '199001012015031003\t2026\tR\tA1\t12\n'
} > skp.tsv
bad "an indicator twice, the NIP's rows in two places" \
	"capaian-check: skp.tsv:4:27: error: indikator: A1 appears twice in the SKP of NIP 199001012015031003" \
	capaian-check -m 2026-11 -p "$P" -r "$R" -o out.tsv skp.tsv
# Without a repeat the two places make one SKP: A1 target 10 realisasi 10
# (100 %), A2 target 20 realisasi 10 (50 %): mean 75, di_bawah (< 90).
{
	printf 'nip\ttahun\trhk\tindikator\ttarget\n'
	printf '199001012015031003\t2026\tR\tA1\t10\n'
	printf '199101012016032004\t2026\tR\tB1\t10\n'
	printf '199001012015031003\t2026\tR\tA2\t20\n'
} > skp.tsv
real "199001012015031003${T}2026-11${T}A1${T}10" \
	"199001012015031003${T}2026-11${T}A2${T}10" > x.tsv
check "one SKP in two places of skp.tsv" \
	capaian-check -m 2026-11 -p "$P" -r x.tsv -o out.tsv skp.tsv
check_text "one SKP in two places: both indicators count" \
	"199001012015031003${T}2026-11${T}ada${T}ya${T}75${T}di_bawah${T}${T}" \
	"$(grep '^199001012015031003' out.tsv)"
rm -f out.tsv
# A polaritas written as its label (read in turn, not on the thread):
# negatif, target 10, realisasi 5: (2 - 5/10) x 100 = 150, capped at 120,
# di_atas (>= 110).
{
	printf 'nip\ttahun\trhk\tindikator\ttarget\tpolaritas\n'
	printf '199001012015031003\t2026\tR\tA1\t10\tNegatif\n'
} > skp.tsv
real "199001012015031003${T}2026-11${T}A1${T}5" > x.tsv
check "a polaritas label in skp.tsv" \
	capaian-check -m 2026-11 -p "$P" -r x.tsv -o out.tsv skp.tsv
check_text "a polaritas label: negatif, capped at 120" \
	"199001012015031003${T}2026-11${T}ada${T}ya${T}120${T}di_atas${T}${T}" \
	"$(grep '^199001012015031003' out.tsv)"
rm -f out.tsv

# perilaku.tsv is read on a second thread while realisasi.tsv is read.
# Canonical words only (the thread's own result): seven di_atas score 3,
# mean 3 > 2.5: di_atas; a rating column's di_bawah as given.
{
	printf 'nip\tperiode\trating\tberorientasi_pelayanan\takuntabel\tkompeten\tharmonis\tloyal\tadaptif\tkolaboratif\n'
	printf '199001012015031003\t2026-11\t\tdi_atas\tdi_atas\tdi_atas\tdi_atas\tdi_atas\tdi_atas\tdi_atas\n'
	printf '199301012018032006\t2026-11\tdi_bawah\t\t\t\t\t\t\t\n'
} > x.tsv
check "perilaku in canonical words" \
	capaian-check -m 2026-11 -p "$P" -r "$R" --perilaku x.tsv -o out.tsv "$S"
check_text "perilaku in canonical words: the ratings" \
	"199001012015031003 di_atas
199301012018032006 di_bawah" \
	"$(awk -F '\t' '$7 != "" && NR > 1 { print $1, $7 }' out.tsv)"
rm -f out.tsv
# A bad realisasi row and a bad perilaku row: realisasi.tsv is read
# first, so its error is the one reported.
real "199001012015031003${T}2026-11${T}A1${T}-5" > r.tsv
printf 'nip\tperiode\trating\n199001012015031003\t2026-11\tbagus\n' > x.tsv
bad "a bad realisasi and a bad perilaku" \
	"capaian-check: r.tsv:2:31: error: realisasi: expected a number of 0 or more, found '-5'" \
	capaian-check -m 2026-11 -p "$P" -r r.tsv --perilaku x.tsv -o out.tsv "$S"

# An OPD of organisasi.tsv without employees is a warning, not an error.
printf 'opd\tperiode\tpredikat\nDISHUB\t2026-11\tbaik\n' > x.tsv
check "an OPD without employees" capaian-check -m 2026-11 -p "$P" -r "$R" \
	--organisasi x.tsv -o out.tsv "$S"
check_text "an OPD without employees: the warning" \
	"capaian-check: x.tsv:2:1: warning: OPD DISHUB has no employee in the roster; row ignored" \
	"$(grep DISHUB "$SCRATCH/.err")"

done_testing
