# capaian.awk: the mawk peer of the capaian-check benchmark.
#
#   mawk -v month=2026-11 -f scripts/bench/capaian.awk \
#       skp.tsv realisasi.tsv perilaku.tsv pegawai.tsv > kinerja.tsv
#
# What `capaian-check -m 2026-11 -p pegawai.tsv -r realisasi.tsv
# -b perilaku.tsv skp.tsv` writes in its default mode: kinerja.tsv of
# FORMATS.md, one row per roster employee in pegawai.tsv order,
#
#   nip periode skp lapor capaian_pct rating_hasil rating_perilaku predikat
#
# - skp: `ada` when skp.tsv has an indicator of the NIP for the year of
#   the month, else `tidak`;
# - lapor: `ya` when realisasi.tsv has a row of the NIP for the month;
# - capaian per indicator (domain/skp-capaian.md §2.10, lib/capaian.h):
#   positif r / t x 100; negatif (2 - r / t) x 100, 0 at least; a range
#   "lo-hi" compares r with hi when above it, lo when below, and is 100
#   inside; rounded half up to 1/10000 %, each counted at most 120 %.
#   A target of 0 cannot be computed and is left out.  Only realisasi rows
#   of the month whose indicator is one of the NIP's own count;
# - capaian_pct: their sum over the number of the SKP's indicators with a
#   target above 0 (an indicator not reported counts 0), rounded half up
#   to hundredths, printed without trailing zeros (`100`, `87.5`, `93.33`);
#   empty without SKP, without report or without such an indicator;
# - rating_hasil: di_atas from 110 %, sesuai from 90 %, else di_bawah;
# - rating_perilaku: the `rating` column of perilaku.tsv, or the seven
#   BerAKHLAK values scored 1, 2, 3: mean < 1.5 di_bawah, <= 2.5 sesuai,
#   else di_atas;
# - predikat: the 3x3 matrix of domain/skp-capaian.md §2.3, when both
#   ratings are there; rating_perilaku is written whenever perilaku.tsv has
#   the employee, rating_hasil whenever capaian_pct is.
#
# Every number is an integer held exactly in a double (values scaled by
# 10^4, at most about 10^13), so the rounding is the C command's, not
# printf's.  Columns are found by name, as kinerja's readers do; the files
# may come in any order of rows.  The peer does not validate (no NIP or
# number checks, no diagnostics): that is work capaian-check does and mawk
# is spared.
BEGIN {
	FS = OFS = "\t"
	if (month !~ /^[0-9][0-9][0-9][0-9]-[01][0-9]$/) {
		print "capaian.awk: -v month=YYYY-MM is required" > "/dev/stderr"
		exit 2
	}
	year = substr(month, 1, 4)
	nval = split("berorientasi_pelayanan akuntabel kompeten harmonis loyal adaptif kolaboratif", vals, " ")
	score["di_bawah"] = 1; score["sesuai"] = 2; score["di_atas"] = 3
	pred["di_atas", "di_bawah"] = "kurang"
	pred["di_atas", "sesuai"] = "baik"
	pred["di_atas", "di_atas"] = "sangat_baik"
	pred["sesuai", "di_bawah"] = "kurang"
	pred["sesuai", "sesuai"] = "baik"
	pred["sesuai", "di_atas"] = "baik"
	pred["di_bawah", "di_bawah"] = "sangat_kurang"
	pred["di_bawah", "sesuai"] = "butuh_perbaikan"
	pred["di_bawah", "di_atas"] = "butuh_perbaikan"
}

FNR == 1 {
	file++
	split("", c)
	for (i = 1; i <= NF; i++)
		c[$i] = i
	if (file == 4)
		print "nip", "periode", "skp", "lapor", "capaian_pct",
		    "rating_hasil", "rating_perilaku", "predikat"
	next
}

# skp.tsv: the target and polarity of each indicator, with its owner.
file == 1 {
	if ($c["tahun"] != year)
		next
	nip = $c["nip"]
	skp[nip] += 0
	tg[$c["indikator"]] = nip "\t" $c["target"] "\t" $c["polaritas"]
	if (scaled($c["target"]) > 0)         # the lower bound of a range
		skp[nip]++
	next
}

# realisasi.tsv: the capaian of each indicator, summed per employee.
file == 2 {
	if ($c["periode"] != month)
		next
	nip = $c["nip"]
	id = $c["indikator"]
	if (!(id in tg))
		next
	split(tg[id], t, "\t")
	if (t[1] != nip)
		next
	lapor[nip] = 1
	r = scaled($c["realisasi"])
	if (index(t[2], "-") > 1) {
		split(t[2], lh, "-")
		lo = scaled(lh[1]); hi = scaled(lh[2])
		if (r > hi) b = hi
		else if (r < lo) b = lo
		else b = -1                     # inside the range: 100 %
	} else {
		b = scaled(t[2])
	}
	if (b == 0)
		next                            # not computable
	if (b < 0)
		x = 1000000
	else if (t[3] == "negatif")
		x = halfup((2 * b - r) * 1000000, b)
	else
		x = halfup(r * 1000000, b)
	if (x < 0)
		x = 0
	if (x > 1200000)
		x = 1200000
	sum[nip] += x
	next
}

# perilaku.tsv: one rating per employee.
file == 3 {
	if ($c["periode"] != month)
		next
	if ("rating" in c) {
		per[$c["nip"]] = $c["rating"]
		next
	}
	s = n = 0
	for (i = 1; i <= nval; i++)
		if ((vals[i] in c) && $c[vals[i]] in score) {
			s += score[$c[vals[i]]]
			n++
		}
	if (n)
		per[$c["nip"]] = 2 * s < 3 * n ? "di_bawah" : 2 * s <= 5 * n ? "sesuai" : "di_atas"
	next
}

# pegawai.tsv: a row per employee, in roster order.
{
	nip = $c["nip"]
	has = nip in skp
	rep = nip in lapor
	cap = rh = rp = pr = ""
	if (has && rep && skp[nip]) {
		m = halfup(sum[nip], 100 * skp[nip])    # hundredths of a percent
		cap = m % 100 == 0 ? sprintf("%d", m / 100) \
		    : m % 10 == 0 ? sprintf("%d.%d", int(m / 100), int(m / 10) % 10) \
		    : sprintf("%d.%02d", int(m / 100), m % 100)
		rh = m >= 11000 ? "di_atas" : m >= 9000 ? "sesuai" : "di_bawah"
	}
	if (nip in per) {
		rp = per[nip]
		if (rh != "")
			pr = pred[rh, rp]
	}
	print nip, month, has ? "ada" : "tidak", rep ? "ya" : "tidak", cap, rh, rp, pr
}

# A decimal ("12", "12.5", "0.0125") times 10^4, as an integer.
function scaled(s,    p, w, f) {
	p = index(s, ".")
	if (!p)
		return s * 10000
	w = substr(s, 1, p - 1)
	f = substr(substr(s, p + 1) "0000", 1, 4)
	return w * 10000 + f
}

# a / b rounded half up, for b > 0 (a may be negative).
function halfup(a, b,    q) {
	q = (2 * a + b) / (2 * b)
	return q >= 0 || q == int(q) ? int(q) : int(q) - 1
}
