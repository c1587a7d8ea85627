#!/bin/sh
# scripts/gen-data's performance outputs (skp, skptsv, realisasi, perilaku,
# organisasi, kegiatan, laporan; --cacat, --indikator): determinism, the
# cascade (every intervensi an RHK of the atasan), the row counts and the
# links between the files.  The properties are those the usage text
# promises; where a count is exact it is derived in a comment.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
G=${KJ_TOOLS:-$KJ_TOP/build/tools}/gen-data
if [ ! -x "$G" ]; then
	plan 1
	skip 1 "gen-data not built (KJ_TOOLS)"
	exit 0
fi
plan 54
PERF=skp,skptsv,realisasi,perilaku,organisasi,kegiatan,laporan

check "the performance outputs are written" \
	"$G" --pegawai 1500 --seed 7 --what pegawai,opd,$PERF -o a
check_text "all seven files and the roster are there" \
	"kegiatan.tsv laporan.tsv opd.tsv organisasi.tsv pegawai.tsv perilaku.tsv realisasi.tsv skp.tsv skp.yaml" \
	"$(cd a && echo *)"
check "default outputs" "$G" --pegawai 1500 --seed 7 -o d
check_text "by default no performance output (only when named)" \
	"opd.tsv pegawai.tsv" "$(cd d && echo *)"
check "again, all outputs at once, named in another order" \
	"$G" --pegawai 1500 --seed 7 --what laporan,all -o b
same=yes
for f in skp.yaml skp.tsv realisasi.tsv perilaku.tsv organisasi.tsv kegiatan.tsv laporan.tsv; do
	cmp -s "a/$f" "b/$f" || same="no ($f)"
done
check_text "deterministic: the same bytes whatever else is written" yes "$same"
check_text "the roster does not change when performance outputs are asked" \
	yes "$(cmp -s a/pegawai.tsv d/pegawai.tsv && cmp -s a/opd.tsv d/opd.tsv && echo yes)"
check "another seed" "$G" --pegawai 1500 --seed 8 --what skp -o s8
check_text "another seed, another SKP" yes "$(cmp -s a/skp.yaml s8/skp.yaml || echo yes)"

# ---- skp.tsv -------------------------------------------------------------
check_text "skp.tsv header (FORMATS.md)" \
	"nip	tahun	rhk	jenis	rhk_teks	intervensi	perspektif	indikator	indikator_teks	aspek	target	satuan	polaritas" \
	"$(head -n 1 a/skp.tsv)"
# cascade.awk: the roster, then skp.tsv; prints one line per broken rule.
cat >cascade.awk <<'EOF'
BEGIN { FS = "\t" }
FNR == 1 { f++; next }
f == 1 { at[$1] = $10; jn[$1] = $8; next }
{
	if (!($1 in at)) print "not in roster: " $1
	if ($2 != TAHUN) print "tahun " $2
	if (($3 in owner) && owner[$3] != $1) print "rhk id of two SKP: " $3
	owner[$3] = $1; jenis[$3] = $4
	if (idx[$8]++) print "duplicate indicator id: " $8
	if (index($8, $3 ".") != 1) print "indicator id not below its RHK: " $8
	if ($11 == "") print "no target: " $8
	if ($10 !~ /^(kuantitas|kualitas|waktu|biaya)$/) print "aspek: " $10
	if ($13 !~ /^(positif|negatif)$/) print "polaritas: " $13
	if (!($3 in rhkn)) { rhkn[$3] = 1; nr[$1]++ }
	ni[$3]++
	rows[NR] = $0
}
END {
	for (i in rows) {
		split(rows[i], a, FS)
		jpt = jn[a[1]] ~ /^jpt/
		if (jpt && (a[7] == "" || a[6] != "")) print "JPT RHK without perspektif or with intervensi: " a[3]
		if (!jpt && a[7] != "") print "perspektif below the JPT: " a[3]
		if (!jpt && a[4] == "utama") {
			if (a[6] == "") print "utama without intervensi: " a[3]
			else if (owner[a[6]] != at[a[1]]) print "intervensi not an RHK of the atasan: " a[3] " -> " a[6]
			else if (jenis[a[6]] != "utama") print "intervensi to a tambahan RHK: " a[3]
		}
	}
	for (n in nr) if (nr[n] < 2 || nr[n] > 5) print "RHK count " nr[n] ": " n
	for (r in ni) if (ni[r] > 3) print "indicator count " ni[r] ": " r
	for (n in at) if (!(n in nr)) print "no SKP: " n
}
EOF
check_text "the cascade holds: every intervensi an utama RHK of the atasan, JPT with perspektif, 2-5 RHK of 1-3 indicators, ids unique, everyone an SKP" \
	"" "$(awk -v TAHUN=2026 -f cascade.awk a/pegawai.tsv a/skp.tsv | sort | head -5)"
# The subordinates of a head share out its utama RHK (Matriks Peran
# Hasil): every utama RHK of a head is intervened when the head's
# subordinates have at least as many utama RHK between them (all but the
# rare head whose cache slot another took meanwhile: at least 98 %).
check_text "the subordinates together intervene every utama RHK of their head" yes \
	"$(awk -F'\t' 'FNR == 1 { f++; next } f == 1 { at[$1] = $10; jn[$1] = $8; next }
	    $4 == "utama" && !seen[$3]++ { u[$1]++; rhk[$3] = $1; if ($6 != "") { sub_u[at[$1]]++; hit[$6] = 1 } }
	    END { for (r in rhk) { h = rhk[r]; if (sub_u[h] >= u[h]) { n++; if (r in hit) ok++ } }
	          print (n > 100 && ok >= 0.98 * n) ? "yes" : "no " ok "/" n }' a/pegawai.tsv a/skp.tsv)"
check_text "some RHK are tambahan, some targets ranges, some polarity negatif" \
	"yes yes yes" \
	"$(awk -F'\t' 'NR > 1 { t += $4 == "tambahan"; r += $11 ~ /^[0-9]+-[0-9]+$/; n += $13 == "negatif" }
	    END { print (t > 0 ? "yes" : "no"), (r > 0 ? "yes" : "no"), (n > 0 ? "yes" : "no") }' a/skp.tsv)"
check_text "every aspek occurs" "biaya kualitas kuantitas waktu" \
	"$(awk -F'\t' 'NR > 1 { print $10 }' a/skp.tsv | sort -u | tr '\n' ' ' | sed 's/ $//')"
check_text "texts follow the job (a teacher's RHK speak of peserta didik)" yes \
	"$(awk -F'\t' 'NR == FNR { j[$1] = $7; next } FNR > 1 && j[$1] ~ /^Guru/ && $5 ~ /peserta didik|pembelajaran|keprofesian/ { print "yes"; exit }' a/pegawai.tsv a/skp.tsv)"
# Size: about 1.7 KB of YAML per employee (the issue's scale).
check_text "skp.yaml has 1.5-2.1 KB per employee" yes \
	"$(awk -v b="$(wc -c <a/skp.yaml)" 'BEGIN { k = b / 1500; print (k >= 1500 && k <= 2100) ? "yes" : "no " k }')"

# ---- skp.yaml: the same content ------------------------------------------
cat >y2t.py <<'EOF'
import sys, yaml
out = ["nip\ttahun\trhk\tjenis\trhk_teks\tintervensi\tperspektif\tindikator\tindikator_teks\taspek\ttarget\tsatuan\tpolaritas"]
keys_doc = {"nip", "tahun", "pendekatan", "rhk"}
for d in yaml.safe_load_all(open(sys.argv[1], encoding="utf-8")):
    assert set(d) == keys_doc, d.keys()
    assert d["pendekatan"] == "kuantitatif"
    assert isinstance(d["nip"], str) and len(d["nip"]) == 18
    for r in d["rhk"]:
        for i in r["indikator"]:
            t = i.get("target", "")
            out.append("\t".join(str(x) for x in [
                d["nip"], d["tahun"], r["id"], r["jenis"], r["teks"],
                r.get("intervensi", ""), r.get("perspektif", ""), i["id"],
                i["teks"], i["aspek"], t, i["satuan"], i["polaritas"]]))
print("\n".join(out))
EOF
"$PYTHON" y2t.py a/skp.yaml >y.tsv 2>y.err
check_same "skp.yaml read by PyYAML gives skp.tsv row for row" a/skp.tsv y.tsv
check_text "skp.yaml: one document per employee" "1500" "$(grep -c '^---$' a/skp.yaml)"

# ---- realisasi.tsv ---------------------------------------------------------
check_text "realisasi.tsv header" "nip	periode	indikator	realisasi	bukti" "$(head -n 1 a/realisasi.tsv)"
check_text "realisasi: every indicator is one of the employee's in skp.tsv, once, for 2026-11, a number" "" \
	"$(awk -F'\t' 'FNR == 1 { f++; next } f == 1 { own[$8] = $1; next }
	    { if (own[$3] != $1) print "not in skp.tsv: " $3; if ($2 != "2026-11") print "periode " $2
	      if (seen[$3]++) print "twice: " $3; if ($4 !~ /^[0-9]+(\.[0-9][0-9]?)?$/) print "value " $4 }' \
	    a/skp.tsv a/realisasi.tsv | head -5)"
# Who reports reports every indicator: the rows are the indicators of the
# employees who appear.
check_text "a reporting employee reports every indicator of the SKP" "" \
	"$(awk -F'\t' 'FNR == 1 { f++; next } f == 1 { ni[$1]++; next } { nr[$1]++ }
	    END { for (n in nr) if (nr[n] != ni[n]) print n, nr[n], ni[n] }' a/skp.tsv a/realisasi.tsv | head -3)"
check_text "some employees do not report (those on CLTN or tugas belajar and about 4 %: 2-12 %)" yes \
	"$(awk -F'\t' 'FNR == 1 { f++; next } f == 1 { k[$1] = $12; next } { r[$1] = 1 }
	    END { for (n in k) { if (!(n in r)) m++; if ((n in r) && k[n] ~ /cltn|tugas_belajar/) bad++ }
	          print (!bad && m >= 30 && m <= 180) ? "yes" : "no " m " " bad }' a/pegawai.tsv a/realisasi.tsv)"

# ---- perilaku.tsv ----------------------------------------------------------
check_text "perilaku.tsv header: the seven BerAKHLAK values" \
	"nip	periode	berorientasi_pelayanan	akuntabel	kompeten	harmonis	loyal	adaptif	kolaboratif" \
	"$(head -n 1 a/perilaku.tsv)"
awk -F'\t' 'NR > 1 { print $1 }' a/pegawai.tsv >roster.txt
awk -F'\t' 'NR > 1 { for (i = 3; i <= 9; i++) if ($i !~ /^(di_atas|sesuai|di_bawah)$/) print "bad " $i; print $1 }' a/perilaku.tsv >pnip.txt
check_same "perilaku: every employee once, in roster order, ratings only" roster.txt pnip.txt
check_text "all three ratings occur" "di_atas di_bawah sesuai" \
	"$(awk -F'\t' 'NR > 1 { for (i = 3; i <= 9; i++) print $i }' a/perilaku.tsv | sort -u | tr '\n' ' ' | sed 's/ $//')"

# ---- organisasi, kegiatan, laporan -----------------------------------------
check_text "organisasi: one row per OPD of opd.tsv, in its order, for 2026-11" \
	"$(awk -F'\t' 'NR > 1 { print $1 "\t2026-11" }' a/opd.tsv)" \
	"$(awk -F'\t' 'NR > 1 { print $1 "\t" $2 }' a/organisasi.tsv)"
check_text "organisasi: predikat words only" "" \
	"$(awk -F'\t' 'NR > 1 && $3 !~ /^(istimewa|baik|butuh_perbaikan|kurang|sangat_kurang)$/' a/organisasi.tsv)"
check_text "kegiatan.tsv header (FORMATS.md)" \
	"opd	kode	nama	periode	pagu	target_fisik_pct	realisasi_fisik_pct	target_keuangan	realisasi_keuangan" \
	"$(head -n 1 a/kegiatan.tsv)"
check_text "kegiatan: every OPD has 4-12 sub kegiatan of 2026-TW4, codes unique in the OPD" "" \
	"$(awk -F'\t' 'FNR == 1 { f++; next } f == 1 { o[$1] = 0; next }
	    { o[$1]++; if ($4 != "2026-TW4") print "periode " $4; if (s[$1, $2]++) print "dup " $2
	      if ($7 + 0 > 100 || $9 + 0 > $8 * 1.06) print "over: " $0 }
	    END { for (x in o) if (o[x] < 4 || o[x] > 12) print x, o[x] }' a/opd.tsv a/kegiatan.tsv | head -3)"
# One OPD in four lags: 30 OPD at 1500 employees (opd_count: 1500/... see
# opd.tsv), so 7 or 8 OPD below 75 % of the physical target.
check_text "kegiatan: one OPD in four below 75 % of its physical target, the rest above" \
	"$(awk 'END { n = NR - 1; print int(n / 4) "-" int((n + 3) / 4) }' a/opd.tsv)" \
	"$(awk -F'\t' 'NR > 1 { t[$1] += $6; r[$1] += $7 } END { for (o in t) if (r[o] < 0.75 * t[o]) low++; else if (r[o] >= 0.75 * t[o]) hi++; print low }' a/kegiatan.tsv |
	    awk -v n="$(($(wc -l <a/opd.tsv) - 1))" '{ lo = int(n / 4); hi = int((n + 3) / 4); print ($1 >= lo && $1 <= hi) ? lo "-" hi : $1 }')"
check_text "laporan.tsv header" "opd	periode	dikirim" "$(head -n 1 a/laporan.tsv)"
# Of every ten OPD in a row one never reports, two late (after the 5th of
# December), seven on time: with n OPD, never is n/10 rounded either way.
check_text "laporan: some OPD on time, some late, some never (1 in 10 never, 2 in 10 late)" yes \
	"$(awk -F'\t' 'FNR == 1 { f++; next } f == 1 { n++; next }
	    { r++; if ($3 > "2026-12-05 23:59:59") late++; else ontime++ }
	    END { never = n - r; ok = never >= int(n / 10) && never <= int((n + 9) / 10) &&
	          late >= int(2 * n / 10) - 1 && late <= int((2 * n + 9) / 10) + 1 && ontime > late
	          print ok ? "yes" : "no never " never " late " late " ontime " ontime }' a/opd.tsv a/laporan.tsv)"

# ---- --bulan -----------------------------------------------------------------
check "--bulan 2027-03" "$G" --pegawai 300 --seed 7 --bulan 2027-03 --what $PERF -o m
check_text "--bulan sets the SKP year, the periods, the quarter and the report month" \
	"2027 2027-03 2027-03 2027-TW1 2027-04" \
	"$(awk -F'\t' 'NR == 2 { print $2 }' m/skp.tsv) $(awk -F'\t' 'NR == 2 { print $2 }' m/realisasi.tsv) $(awk -F'\t' 'NR == 2 { print $2 }' m/organisasi.tsv) $(awk -F'\t' 'NR == 2 { print $4 }' m/kegiatan.tsv) $(awk -F'\t' 'NR == 2 { print substr($3, 1, 7) }' m/laporan.tsv)"

# ---- --indikator -----------------------------------------------------------
check "--indikator 3" "$G" --pegawai 1500 --seed 7 --indikator 3 --what pegawai,skptsv,realisasi -o k3
check_text "--indikator 3: every SKP exactly 3 indicators, and the cascade still holds" "" \
	"$(awk -F'\t' 'NR > 1 { n[$1]++ } END { for (x in n) if (n[x] != 3) print x, n[x] }' k3/skp.tsv | head -3)$(awk -v TAHUN=2026 -f cascade.awk k3/pegawai.tsv k3/skp.tsv | head -3)"
check_text "--indikator 3: realisasi has 3 rows per reporting employee" "" \
	"$(awk -F'\t' 'NR > 1 { n[$1]++ } END { for (x in n) if (n[x] != 3) print x, n[x] }' k3/realisasi.tsv | head -3)"

# ---- --cacat ----------------------------------------------------------------
check "--cacat 0 is the default" "$G" --pegawai 1500 --seed 7 --cacat 0 --what skp -o c0
check_text "--cacat 0 gives the same bytes as no --cacat" yes "$(cmp -s a/skp.yaml c0/skp.yaml && echo yes)"
check "--cacat 1000: every SKP one defect" "$G" --pegawai 1500 --seed 7 --cacat 1000 --what pegawai,skp,skptsv,realisasi,perilaku -o c
"$PYTHON" y2t.py c/skp.yaml >cy.tsv 2>cy.err
check_same "with defects too, skp.yaml and skp.tsv hold the same" c/skp.tsv cy.tsv
awk -v TAHUN=2026 -f cascade.awk c/pegawai.tsv c/skp.tsv >found.txt
kind() { grep -c "$1" found.txt; }
# Six kinds drawn uniformly over 1500 employees: about 250 SKP each, found
# once per indicator row (and the subordinates of an employee without SKP
# point at nothing), so a wide band: 50 to 3000 findings of each kind.
check_text "each kind of defect is there" "yes yes yes yes yes yes" \
	"$(for k in 'utama without intervensi' 'intervensi not an RHK of the atasan' 'aspek: kuantitatif' 'indicator id not below its RHK' 'no target' 'no SKP'; do
	    n=$(kind "$k"); [ "$n" -ge 50 ] && [ "$n" -le 3000 ] && printf 'yes ' || printf 'no(%s:%s) ' "$k" "$n"; done | sed 's/ $//')"
check_text "a skip-level intervensi points at an RHK of the atasan's atasan" yes \
	"$(awk -F'\t' 'FNR == 1 { f++; next } f == 1 { at[$1] = $10; next }
	    $6 != "" { split($6, p, "."); if (p[1] != at[$1] && p[1] == at[at[$1]]) { print "yes"; exit } }' c/pegawai.tsv c/skp.tsv)"
check_text "a duplicated RHK id: two RHK of one SKP share an id" yes \
	"$(awk -F'\t' 'NR > 1 { if (($3, $5) in s) next; s[$3, $5] = 1; if (t[$3]++) { print "yes"; exit } }' c/skp.tsv)"
check_text "no SKP, then no realisasi and no perilaku" "" \
	"$(awk -F'\t' 'FNR == 1 { f++; next } f == 1 { s[$1] = 1; next } !($1 in s) { print FILENAME ": " $1 }' c/skp.tsv c/realisasi.tsv c/perilaku.tsv | head -3)"

# ---- usage --------------------------------------------------------------------
check_exit 2 "--what with an unknown output" "$G" --pegawai 10 --what skp,nosuch -o u
check_stderr "it names the output and lists the known ones" \
	"gen-data: --what: unknown output 'nosuch' (known: opd, pegawai, log, skp, skptsv, realisasi, perilaku, organisasi, kegiatan, laporan, all)"
check_exit 2 "--cacat above 1000" "$G" --pegawai 10 --cacat 1001 --what skp -o u
check_stderr "it says the range" \
	"gen-data: --cacat: '1001' is not a number of defective SKP per mille, 0 to 1000"
check_exit 2 "--cacat not a number" "$G" --pegawai 10 --cacat 5% --what skp -o u
check_exit 2 "--indikator 1 (below 2)" "$G" --pegawai 10 --indikator 1 --what skp -o u
check_exit 2 "--indikator 16 (above 15)" "$G" --pegawai 10 --indikator 16 --what skp -o u
check_text "nothing written on bad usage" "" "$(ls u 2>/dev/null)"
"$G" --help >help.txt
check_text "--help lists the outputs and --cacat" "7 1" \
	"$(grep -cE '^ +(skp|skptsv|realisasi|perilaku|organisasi|kegiatan|laporan) +DIR/' help.txt) $(grep -c -- '--cacat PERMIL' help.txt)"

done_testing
