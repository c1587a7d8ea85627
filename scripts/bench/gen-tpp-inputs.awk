# gen-tpp-inputs.awk: absen.tsv or kinerja.tsv for the tpp-calc benchmark,
# one row per employee of a gen-data pegawai.tsv, deterministic.
#
#   awk -v what=absen   -f scripts/bench/gen-tpp-inputs.awk pegawai.tsv > absen.tsv
#   awk -v what=kinerja -f scripts/bench/gen-tpp-inputs.awk pegawai.tsv > kinerja.tsv
#
# Running absen-rekap on gen-data's punch log would take minutes at 4.7
# million employees; the benchmark only needs plausible counts.  Like
# gen-rekap.awk it carries its own Park-Miller generator and prints only
# integers with %d, so mawk, gawk and one-true-awk give the same bytes.
#
# absen.tsv (periode 2026-11, 21 working days): 1 % of the roster has no
# row (tanpa_absen), the rest 0-3 TL and PSW days per band (mostly 0), TK
# 0 for 90 %, 1-5 for 9 %, 6-21 for 1 %.  kinerja.tsv: 2 % have no row;
# skp tidak 3 %, lapor tidak 3 %, predikat empty 2 %, else one of the five.
# Rows follow the roster but in a different order for each file (the
# roster is cut in 64 stripes taken in turn: row i goes to stripe i % 64
# (absen) or (i * 7) % 64 (kinerja)), so neither peer can rely on order;
# both join by NIP.  The stripes are held in memory (one line per row).

function rnd(n) {
	seed = (seed * 16807) % 2147483647
	return seed % n
}

function small() {
	# 0 for 70 %, then 1, 2 or 3
	return rnd(10) < 7 ? 0 : 1 + rnd(3)
}

BEGIN {
	FS = OFS = "\t"
	if (what == "absen")
		seed = 20261101
	else if (what == "kinerja")
		seed = 20261102
	else {
		print "gen-tpp-inputs.awk: -v what=absen or what=kinerja" > "/dev/stderr"
		exit 2
	}
	nstripe = 64
	pred[0] = "sangat_baik"; pred[1] = "baik"; pred[2] = "butuh_perbaikan"
	pred[3] = "kurang"; pred[4] = "sangat_kurang"
	if (what == "absen")
		print "nip", "periode", "hari_kerja", "tl1", "tl2", "tl3", "tl4",
		    "psw1", "psw2", "psw3", "psw4", "tk", "cuti_tahunan"
	else
		print "nip", "periode", "skp", "lapor", "predikat"
}
FNR == 1 { next }
{
	nip = $1
	i = FNR - 2
	if (what == "absen") {
		if (rnd(100) == 0)
			next
		u = rnd(100)
		tk = u < 90 ? 0 : u < 99 ? 1 + rnd(5) : 6 + rnd(16)
		line = sprintf("%s\t2026-11\t21\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d",
		    nip, small(), small(), small(), small(),
		    small(), small(), small(), small(), tk, rnd(20) == 0 ? 1 : 0)
		s = i % nstripe
	} else {
		if (rnd(50) == 0)
			next
		skp = rnd(100) < 3 ? "tidak" : "ada"
		lapor = rnd(100) < 3 ? "tidak" : "ya"
		p = rnd(50) == 0 ? "" : pred[rnd(5)]
		line = nip "\t2026-11\t" skp "\t" lapor "\t" p
		s = (i * 7) % nstripe
	}
	n = cnt[s]++
	buf[s, n] = line
}
END {
	for (s = 0; s < nstripe; s++)
		for (n = 0; n < cnt[s]; n++)
			print buf[s, n]
}
