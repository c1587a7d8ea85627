#!/bin/sh
# skp-cascade --check on a clean cascade: exit 0, no diagnostic, the links
# table with the cascading worked out in tests/data/skp/README; the
# options every command has.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/skp
P=$D/pegawai.tsv
U="usage: skp-cascade [--check | --draft [--peran FILE] | --mph [--per rhk|indikator] | --tree | --dot | --to yaml|tsv] [--strict] [-p pegawai.tsv] [-t TAHUN] [-o FILE] [SKP...]"

plan 20

check "a clean cascade exits 0" skp-cascade -p "$P" "$D/clean"
check_same "the links table" "$D/expected-links.tsv" "$SCRATCH/.out"
check_text "no diagnostic" "" "$(cat "$SCRATCH/.err")"
check "--check is the default, said out loud" skp-cascade --check -p "$P" "$D/clean"
check_same "the same table" "$D/expected-links.tsv" "$SCRATCH/.out"
check "files one by one, in any order" skp-cascade -p "$P" \
	"$D/clean/05-staf.yaml" "$D/clean/01-kadis.yaml" "$D/clean/02-kesmas.yaml" \
	"$D/clean/03-p2p.yaml" "$D/clean/04-promkes.yaml" "$D/clean/06-epidemiolog.yaml"
check_text "the same links, in load order" \
	"$(sed 1d "$D/expected-links.tsv" | sort)" "$(sed 1d "$SCRATCH/.out" | sort)"
check "-o writes the file" skp-cascade -p "$P" -o links.tsv "$D/clean"
check_same "-o: the table" "$D/expected-links.tsv" links.tsv
for f in "$D"/clean/*.yaml; do cat "$f"; echo ---; done > all.yaml
check "- reads standard input" sh -c 'skp-cascade -p "$1" < all.yaml' sh "$P"
check_same "stdin: the table" "$D/expected-links.tsv" "$SCRATCH/.out"
check "no SKP argument reads standard input too" sh -c 'skp-cascade -p "$1" - < all.yaml' sh "$P"
check "-t 2026 picks the year" skp-cascade -p "$P" -t 2026 "$D/clean"
check_exit 1 "-t 2025: nobody has an SKP 2025" skp-cascade -p "$P" -t 2025 "$D/clean"
check_text "-t 2025: seven times tidak menyusun SKP" 7 "$(grep -c 'tidak-menyusun-skp' "$SCRATCH/.err")"
check "--help" skp-cascade --help
check_text "--help: usage first" "$U" "$(head -n 1 "$SCRATCH/.out")"
check "--version" skp-cascade --version
check_text "--version text" "skp-cascade (kinerja) 0.1.0" "$(cat "$SCRATCH/.out")"
check_exit 0 "--strict on a clean cascade" skp-cascade --strict -p "$P" "$D/clean"
done_testing
