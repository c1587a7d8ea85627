#!/bin/sh
# skp-cascade --mph, --tree, --dot on the clean cascade of tests/data/skp
# (cells worked out in its README).
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/skp
P=$D/pegawai.tsv

plan 16

check "--mph" skp-cascade --mph -p "$P" "$D/clean"
check_same "--mph: the matrices" "$D/expected-mph.tsv" "$SCRATCH/.out"
# The Kadis's matrix: row Kesmas, columns DINKES.1 and DINKES.2.
check_text "--mph: a cell names the RHK that intervenes the column" \
	"KESMAS.1 Meningkatnya cakupan imunisasi dasar lengkap	x" \
	"$(awk -F'\t' '$1=="197001011995031001" && $2=="197502022000032002" {print $5 "\t" $6}' "$SCRATCH/.out")"
check_text "--mph: two children in one cell" \
	"PROMKES.1.1 Tersusunnya jadwal penyuluhan posyandu wilayah utara" \
	"$(awk -F'\t' '$1=="198004042005012004" && $2=="198505052010011005" {print $5}' "$SCRATCH/.out")"
mkdir split
cp "$D"/clean/* split/
sed 's/intervensi: KESMAS.1/intervensi: KESMAS.1/' "$D/clean/04-promkes.yaml" > split/04-promkes.yaml
cat >> split/04-promkes.yaml <<'YAML'
  - id: PROMKES.2
    jenis: utama
    teks: Tersedianya leaflet imunisasi
    intervensi: KESMAS.1
YAML
check "--mph: one person, two RHK under one column" skp-cascade --mph -p "$P" split
check_text "--mph: joined by '; '" \
	"PROMKES.1 Terlaksananya penyuluhan imunisasi di posyandu; PROMKES.2 Tersedianya leaflet imunisasi" \
	"$(awk -F'\t' '$1=="197502022000032002" && $2=="198004042005012004" {print $5}' "$SCRATCH/.out")"
if [ -x "$KJ_BIN/rekap-xlsx" ]; then
	check "--mph into rekap-xlsx" sh -c 'skp-cascade --mph -p "$1" "$2" | rekap-xlsx -o mph.xlsx' sh "$P" "$D/clean"
else
	skip 1 "no rekap-xlsx"
fi

check "--tree" skp-cascade --tree -p "$P" "$D/clean"
check_same "--tree: the indented cascade" "$D/expected-tree.txt" "$SCRATCH/.out"
check_text "--tree: staff four levels down" \
	"            198505052010011005 Rudi Hartono, Pengelola Data Kesehatan" \
	"$(grep 198505052010011005 "$SCRATCH/.out")"

check "--dot" skp-cascade --dot -p "$P" -o skp.dot "$D/clean"
check_text "--dot: one node per RHK" 9 "$(grep -c '^		r[0-9]* \[label=' skp.dot)"
check_text "--dot: one cluster per employee" 7 "$(grep -c 'subgraph cluster_' skp.dot)"
# DINKES.2 is RHK 1 (0-based in load order), P2P.1 RHK 4.
check_text "--dot: an edge along intervensi" '	r1 -> r4 [label="direct"];' \
	"$(grep '^	r1 -> r4' skp.dot)"
if command -v dot >/dev/null 2>&1; then
	check "dot -Tsvg accepts it" dot -Tsvg -o skp.svg skp.dot
	check_text "an SVG came out" 1 "$(grep -c '<svg' skp.svg)"
else
	skip 2 "graphviz (dot) is not installed"
fi
done_testing
