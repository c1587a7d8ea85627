#!/bin/sh
# skp-cascade --draft --peran: the responsibility map restricts each draft
# to the atasan's RHK its unit handles; unmapped units fall back to every
# RHK with a warning (exit 1 with --strict); a bad map is exit 2 with
# file:line:col and no output.  Worked by hand in tests/data/skp-peran/README.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/skp-peran
P=$D/pegawai.tsv

plan 46

# --- without a map: every RHK utama of the atasan ---------------------------
check "--draft without --peran" skp-cascade --draft -p "$P" -o draft.yaml "$D/skp"
check_same "--draft: every RHK utama of the atasan" "$D/expected-draft-default.yaml" draft.yaml
check_text "no warning without a map" "" "$(cat "$SCRATCH/.err")"
check_text "an id taken by an indicator is skipped: KESMAS.1.2.2" \
	"KESMAS.1.2.2 KESMAS.2.2" \
	"$(sed -n '/Rudi/,/^---/p' draft.yaml | grep '^  - id: ' | sed 's/.*: //' | tr '\n' ' ' | sed 's/ $//')"
check_text "nobody on cltn gets a draft" "" "$(grep 199202022020032009 draft.yaml)"

# --- with the map ------------------------------------------------------------
check "--draft --peran: exit 0 despite the fallback warning" \
	skp-cascade --draft --peran "$D/peran.tsv" -p "$P" -o draft.yaml "$D/skp"
check_same "--draft --peran: only the paired RHK" "$D/expected-draft.yaml" draft.yaml
check_text "one warning: the unit with no row falls back" \
	"skp-cascade: $P:8:1: warning: 199101012019031008 (Yudi Santoso, S.Gz.), unit DINKES.KESMAS.GIZI: $D/peran.tsv pairs no RHK of the atasan 197502022000032002 (Siti Rahma, S.KM.) with the unit; the draft intervenes every RHK utama of the atasan [peran-tidak-dipetakan]" \
	"$(cat "$SCRATCH/.err")"
check_text "the Kasi Promkes intervenes only KESMAS.2" "KESMAS.2" \
	"$(sed -n '/Rudi/,/^---/p' draft.yaml | grep '^    intervensi: ' | sed 's/.*: //' | tr '\n' ' ' | sed 's/ $//')"
check_text "the bidan of Seksi KGM intervenes only KESMAS.1" "KESMAS.1" \
	"$(sed -n '/Nur Aini/,/^---/p' draft.yaml | grep '^    intervensi: ' | sed 's/.*: //' | tr '\n' ' ' | sed 's/ $//')"
check_text "the Kabid's own staff: both rows" "KESMAS.1 KESMAS.2" \
	"$(sed -n '/Eko Prasetyo/,/^---/p' draft.yaml | grep '^    intervensi: ' | sed 's/.*: //' | tr '\n' ' ' | sed 's/ $//')"
check_text "the fallback draft says so in a comment" 1 \
	"$(sed -n '/Yudi Santoso/,/^---/p' draft.yaml | grep -c '^# The peran map pairs no RHK of the atasan with unit DINKES.KESMAS.GIZI')"
check_text "the Kabid P2P: DINKES.2 only" "DINKES.2" \
	"$(sed -n '/Bambang/,$p' draft.yaml | grep '^    intervensi: ' | sed 's/.*: //')"
check_exit 1 "--strict: a fallback makes the exit status 1" \
	skp-cascade --draft --strict --peran "$D/peran.tsv" -p "$P" -o strict.yaml "$D/skp"
check_same "--strict: the drafts are still written" "$D/expected-draft.yaml" strict.yaml
grep -v GIZI "$D/peran.tsv" > full.tsv
printf 'KESMAS.1\tDINKES.KESMAS.GIZI\n' >> full.tsv
check "--strict with every unit paired: exit 0" \
	skp-cascade --draft --strict --peran full.tsv -p "$P" -o full.yaml "$D/skp"
check_text "no fallback, no warning" "" "$(cat "$SCRATCH/.err")"
check "the map from standard input" \
	sh -c 'skp-cascade --draft --peran - -p "$1" "$2" < "$3"' sh "$P" "$D/skp" "$D/peran.tsv"
check_same "the map from standard input: the same drafts" "$D/expected-draft.yaml" "$SCRATCH/.out"

# --- filled in, the drafts complete a clean cascade -------------------------
check_exit 1 "unfilled: the TODO targets are errors" skp-cascade -p "$P" "$D/skp" draft.yaml
mkdir skp
cp "$D"/skp/* skp/
sed 's/target: TODO/target: 12/; s/TODO/Laporan/' draft.yaml > skp/09-draft.yaml
check "filled: the whole cascade checks clean" skp-cascade --strict -p "$P" -o links.tsv skp
check_text "filled: no diagnostic at all" "" "$(cat "$SCRATCH/.err")"

# --- a bad map: exit 2, file:line:col, no output ------------------------------
# bad DESC MESSAGE MAP-TEXT: exit 2, the first line of stderr, no out.yaml.
bad() {
	printf "$3" > bad.tsv
	check_exit 2 "$1: exit 2" skp-cascade --draft --peran bad.tsv -p "$P" -o out.yaml "$D/skp"
	check_stderr "$1: message" "skp-cascade: bad.tsv:$2"
	check_absent "$1: no output file" out.yaml
}
bad "an unknown RHK id" "2:1: error: rhk: 'KESMAS.9' is no RHK of an SKP 2026 in the roster" \
	'rhk\tunit\nKESMAS.9\tDINKES.KESMAS\n'
bad "an RHK tambahan" "2:1: error: rhk: 'KESMAS.T1' is an RHK tambahan; only an RHK utama is cascaded" \
	'rhk\tunit\nKESMAS.T1\tDINKES.KESMAS\n'
bad "an unknown unit" "2:10: error: unit: no employee of the roster works in 'DINKES.KESMAS.KIA'" \
	'rhk\tunit\nKESMAS.1\tDINKES.KESMAS.KIA\n'
bad "a unit not below the RHK's holder" "2:10: error: unit: no direct subordinate of 197502022000032002 (Siti Rahma, S.KM.), who holds RHK KESMAS.1, works in 'DINKES.P2P'" \
	'rhk\tunit\nKESMAS.1\tDINKES.P2P\n'
bad "a duplicate row" "3:1: error: RHK KESMAS.1 and unit DINKES.KESMAS are already paired at line 2" \
	'rhk\tunit\nKESMAS.1\tDINKES.KESMAS\nKESMAS.1\tDINKES.KESMAS\n'
bad "a missing column" "1: error: missing column 'unit' in the header" \
	'rhk\tbidang\nKESMAS.1\tDINKES.KESMAS\n'

# --- usage ---------------------------------------------------------------------
check_exit 2 "--peran without --draft" skp-cascade --mph --peran "$D/peran.tsv" -p "$P" "$D/skp"
check_stderr "--peran without --draft: message" "skp-cascade: --peran goes with --draft only"
check_exit 2 "--peran and the SKP both from standard input" \
	skp-cascade --draft --peran - -p "$P" -
check_stderr "standard input once: message" "skp-cascade: standard input (-) can be read only once"
check_exit 2 "a map that cannot be read" skp-cascade --draft --peran nofile.tsv -p "$P" "$D/skp"
check_stderr "a map that cannot be read: message" "skp-cascade: nofile.tsv: error: cannot open: No such file or directory"
done_testing
