#!/bin/sh
# skp-cascade --to yaml|tsv: the two SKP representations of FORMATS.md
# convert both ways without loss (round trip), and check alike.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/skp
P=$D/pegawai.tsv

plan 12

check "--to tsv" skp-cascade --to tsv -o skp.tsv "$D/clean"
check_text "the header of FORMATS.md, then pendekatan" \
	"nip	tahun	rhk	jenis	rhk_teks	intervensi	perspektif	indikator	indikator_teks	aspek	target	satuan	polaritas	pendekatan" \
	"$(head -n 1 skp.tsv)"
# 10 indicators in clean/: kadis 2, kesmas 3, p2p 1, promkes 1, staf 2,
# epidemiolog 1; one row each.
check_text "one row per indicator" 10 "$(sed 1d skp.tsv | wc -l | tr -d ' ')"
check "--to yaml from the TSV" skp-cascade --to yaml -o back.yaml skp.tsv
check "--to tsv again" skp-cascade --to tsv -o again.tsv back.yaml
check_same "TSV -> YAML -> TSV is the same TSV" skp.tsv again.tsv
check "--to yaml of the YAML" skp-cascade --to yaml -o direct.yaml "$D/clean"
check_same "YAML -> TSV -> YAML is YAML -> YAML" direct.yaml back.yaml
check "the check reads the TSV" skp-cascade -p "$P" skp.tsv
check_same "the same links table as from YAML" "$D/expected-links.tsv" "$SCRATCH/.out"
check "--to tsv from standard input" sh -c 'skp-cascade --to tsv < skp.tsv > stdin.tsv'
check_same "stdin TSV -> TSV" skp.tsv stdin.tsv
done_testing
