#!/bin/sh
# skp-cascade: bad usage and unreadable input exit 2 with a clear
# file:line:col error, and leave no output file.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/skp
P=$D/pegawai.tsv
C=$D/clean

plan 45

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
bad "no -p" "skp-cascade: -p FILE is required (the roster, pegawai.tsv)" \
	skp-cascade -o out.tsv "$C"
bad "two modes" "skp-cascade: --draft and --mph cannot be combined" \
	skp-cascade --draft --mph -p "$P" -o out.tsv "$C"
bad "--to something else" "skp-cascade: --to: expected yaml or tsv, found 'xml'" \
	skp-cascade --to xml -o out.tsv "$C"
bad "a year that is not one" "skp-cascade: -t: expected a year such as 2026, found '26'" \
	skp-cascade -t 26 -p "$P" -o out.tsv "$C"
bad "standard input twice" "skp-cascade: standard input (-) can be read only once" \
	skp-cascade -p - -o out.tsv -
bad "unknown option" "skp-cascade: unrecognized option '--bogus'" \
	skp-cascade --bogus -p "$P" -o out.tsv "$C"
bad "a missing SKP file" "skp-cascade: nofile.yaml: error: cannot open: No such file or directory" \
	skp-cascade -p "$P" -o out.tsv nofile.yaml

# SKP documents.
printf 'nip: "197001011995031001"\ntahun: 2026\nrhk:\n  - id: A\n    teks: "unclosed\n' > malformed.yaml
bad "malformed YAML: libyaml's place, 1-based" \
	"skp-cascade: malformed.yaml:6:1: error: found unexpected end of stream (while scanning a quoted scalar that starts at line 5, column 11)" \
	skp-cascade -p "$P" -o out.tsv malformed.yaml
printf 'nip: "197001011995031001"\ntahun: 2026\nrhk:\n  - id: A\n    intervesi: B\n' > typo.yaml
bad "a typo in a key is not dropped" \
	"skp-cascade: typo.yaml:5:5: error: unknown key 'intervesi' (expected one of: id, jenis, teks, intervensi, perspektif, indikator); did you mean 'intervensi'?" \
	skp-cascade -p "$P" -o out.tsv typo.yaml
printf 'nip: "19700101199503100"\ntahun: 2026\n' > shortnip.yaml
bad "a NIP of 17 digits" "skp-cascade: shortnip.yaml:1:7: error: nip: expected 18 digits, found 17" \
	skp-cascade -p "$P" -o out.tsv shortnip.yaml
printf 'nip: "197001011995031001"\ntahun: 2026\nrhk:\n  - id: A\n    jenis: pokok\n' > jenis.yaml
bad "an unknown jenis" "skp-cascade: jenis.yaml:5:12: error: jenis: expected utama or tambahan, found 'pokok'" \
	skp-cascade -p "$P" -o out.tsv jenis.yaml
printf 'nip: "197001011995031001"\ntahun: 2026\nrhk:\n  - &a {id: A}\n' > anchor.yaml
bad "an anchor" "skp-cascade: anchor.yaml:4:5: error: anchors are not allowed" \
	skp-cascade -p "$P" -o out.tsv anchor.yaml
printf 'nip\ttahun\trhk\n197001011995031001\t2026\t\n' > norhk.tsv
bad "skp.tsv: a row without rhk" "skp-cascade: norhk.tsv:2:25: error: rhk: the RHK id is required" \
	skp-cascade -p "$P" -o out.tsv norhk.tsv

# The roster.
printf 'nip\tnama\topd\tjabatan\tatasan\n197001011995031001\tA\tX\tJ\t197502022000032002\n197502022000032002\tB\tX\tJ\t197001011995031001\n' > cycle.tsv
check_exit 2 "a roster with a cycle in atasan: exit 2" skp-cascade -p cycle.tsv -o out.tsv "$C"
check_text "a roster with a cycle: lib/org names it" "1" \
	"$(grep -c 'cycle.tsv:.*cycle' "$SCRATCH/.err")"
check_absent "a roster with a cycle: no output file" out.tsv
bad "a missing roster" "skp-cascade: nofile.tsv: error: cannot open: No such file or directory" \
	skp-cascade -p nofile.tsv -o out.tsv "$C"
done_testing
