# tpp.awk: the awk (mawk) peer of tpp-calc for `make bench`.
#
#   mawk -v month=2026-11 -f tpp.awk absen.tsv kinerja.tsv pegawai.tsv > tpp.tsv
#
# Joins the three files by NIP (absen and kinerja into arrays, then the
# roster streamed, one row per employee in roster order, whatever the order
# of the other two files) and applies examples/rules/template-permenpan-63.yaml,
# hard-coded below.  Prints tpp.tsv's columns nip .. netto, an empty
# rincian, tunjangan_pph and bpjs_pemda; the runner compares every column
# but rincian with tpp-calc's.  No validation: it trusts its input, which
# tpp-calc checks.  Rows whose periode is not the month are skipped, like
# tpp-calc.  Money is whole Rupiah; every product stays below 2^53, exact
# in a double, and rounding is done with integer % (half up, as the YAML
# says), so the figures are tpp-calc's to the Rupiah.
#
# The rule set, YAML key -> value here:
#   komponen[tpp].kelas 1..17     -> amount[1..17]   (one scaled component,
#                                    dinilai: true, pembulatan: half_up)
#   porsi.disiplin 40             -> PORSI_DIS = 40 (produktivitas = the rest)
#   disiplin.dasar porsi          -> the cut is taken of the disiplin part
#   disiplin.tl / psw bands       -> band pct 0.5 1 1.25 1.5 per day (the
#                                    counts tl1..tl4, psw1..psw4 of absen.tsv),
#                                    held in 1/10000 % as 5000 10000 12500 15000
#   disiplin.tk 5                 -> 50000 (1/10000 %) per TK day
#   disiplin.maks 100             -> cap 1000000 (100 %)
#   disiplin.tanpa_absen tk       -> no absen row: cut 100 %
#   (no cuti, no tk_gugur_*)      -> leave and TK forfeits not applied
#   produktivitas.predikat        -> paid 100 100 80 60 40 %
#   tanpa_skp / tidak_lapor /
#   tanpa_kinerja 0               -> paid 0 % (also for an empty predikat)
#   faktor.status pns/cpns/pppk   -> 100 / 80 / 100 %
#   faktor.keterangan             -> tugas_belajar 50, cltn 0, mpp 100,
#                                    hukdis_ringan 100, hukdis_sedang 75,
#                                    hukdis_berat 0 (the lowest of the words);
#                                    a hukdis only within hukdis_mulai ..
#                                    hukdis_sampai when those columns exist
#   plt: setingkat 20,            -> with plt_kelas and plt_hari >= 20:
#        lebih_tinggi 100,           own + 20 % of the Plt kelas amount, or
#        min_hari 20                 max(own, 100 % of it) when higher;
#                                    no plt_hari: not paid
#   desember_penuh false          -> December like any month
#   bpjs: 4 / 1 %, batas 12000000,-> dasar = min(gaji + bruto, batas)
#         dasar realisasi,           - min(gaji, batas); iuran 1 %, pemda 4 %,
#         half_up                    half up; iuran at most bruto
#   pph21.model none              -> pph21 0, tunjangan_pph 0
# netto = bruto - iuran_bpjs.

# amount x num / den, half up, for amount, num >= 0 (exact integers)
function pct_half_up(num, den,    q, r) {
	r = num % den
	q = (num - r) / den
	if (2 * r >= den)
		q++
	return q
}

# 1/10000 % as tpp-calc prints it: at most 2 decimals, no trailing zeros
function fmt_pct(v,    s) {
	s = sprintf("%.2f", v / 10000)
	sub(/0+$/, "", s)
	sub(/\.$/, "", s)
	return s
}

function colmap(    i) {
	for (i in col)
		delete col[i]
	for (i = 1; i <= NF; i++)
		col[$i] = i
}

BEGIN {
	FS = OFS = "\t"
	if (month == "")
		month = "2026-11"
	split("910340 1150930 1391519 1684129 2841561 3407272 3920964 " \
	    "4447069 5532975 6360556 7312275 9458076 11828507 13179238 " \
	    "17311827 0 0", amount, " ")
	PORSI_DIS = 40
	band[1] = 5000; band[2] = 10000; band[3] = 12500; band[4] = 15000
	TK = 50000; CAP = 1000000
	paid["sangat_baik"] = 100; paid["baik"] = 100
	paid["butuh_perbaikan"] = 80; paid["kurang"] = 60
	paid["sangat_kurang"] = 40
	fst["pns"] = 100; fst["cpns"] = 80; fst["pppk"] = 100
	fket["tugas_belajar"] = 50; fket["cltn"] = 0; fket["mpp"] = 100
	fket["hukdis_ringan"] = 100; fket["hukdis_sedang"] = 75
	fket["hukdis_berat"] = 0
	PLT_SAME = 20; PLT_UP = 100; PLT_MIN = 20
	BATAS = 12000000
	cur = substr(month, 1, 4) * 12 + substr(month, 6, 2) - 1
	print "nip", "nama", "opd", "jabatan", "kelas", "periode", "basic",
	    "disiplin_pagu", "produktivitas_pagu", "potongan_disiplin_pct",
	    "potongan_produktivitas_pct", "disiplin", "produktivitas", "bruto",
	    "pph21", "iuran_bpjs", "netto", "rincian", "tunjangan_pph",
	    "bpjs_pemda"
}

FNR == 1 {
	file++
	colmap()
	if (file == 1) {
		an = col["nip"]; ap = col["periode"]; atk = col["tk"]
		for (i = 1; i <= 4; i++) {
			atl[i] = col["tl" i]; aps[i] = col["psw" i]
		}
	} else if (file == 2) {
		kn = col["nip"]; kp = col["periode"]; ks = col["skp"]
		kl = col["lapor"]; kd = col["predikat"]
	} else {
		cn = col["nip"]; cnama = col["nama"]; cst = col["status"]
		copd = col["opd"]; cjab = col["jabatan"]; ckel = col["kelas"]
		cplt = col["plt_kelas"]; cph = col["plt_hari"]
		cket = col["keterangan"]; cg = col["gaji"]
		chm = col["hukdis_mulai"]; chs = col["hukdis_sampai"]
	}
	next
}

# absen.tsv: the disiplin cut per NIP, in 1/10000 %
file == 1 {
	if ($ap != month)
		next
	v = TK * $atk
	for (i = 1; i <= 4; i++)
		v += band[i] * ($atl[i] + $aps[i])
	cut[$an] = v > CAP ? CAP : v
	next
}

# kinerja.tsv: the produktivitas % paid per NIP
file == 2 {
	if ($kp != month)
		next
	if ($ks != "ada" || $kl != "ya" || $kd == "")
		prod[$kn] = 0
	else
		prod[$kn] = paid[$kd]
	next
}

# pegawai.tsv: one row per employee
{
	nip = $cn
	kelas = $ckel + 0
	# factors: status, then the lowest keterangan
	fs = fst[$cst]
	fk = 100
	if (cket && $cket != "") {
		hm = chm ? $chm : ""
		hs = chs ? $chs : ""
		nw = split($cket, w, ",")
		for (i = 1; i <= nw; i++) {
			if (w[i] ~ /^hukdis/ &&
			    ((hm != "" && cur < substr(hm, 1, 4) * 12 + substr(hm, 6, 2) - 1) ||
			     (hs != "" && cur > substr(hs, 1, 4) * 12 + substr(hs, 6, 2) - 1)))
				continue
			if (fket[w[i]] < fk)
				fk = fket[w[i]]
		}
	}
	# x: the amount in 1/100 Rp (x 100 %), Plt included
	x = amount[kelas] * 100
	pk = cplt ? $cplt + 0 : 0
	if (pk > 0 && cph && $cph != "" && $cph + 0 >= PLT_MIN) {
		if (pk > kelas) {
			alt = amount[pk] * PLT_UP
			if (alt > x)
				x = alt
		} else
			x += amount[pk] * PLT_SAME
	}
	basic = pct_half_up(x * fs * fk, 1000000)
	dp = pct_half_up(basic * PORSI_DIS, 100)
	pp = basic - dp
	c = nip in cut ? cut[nip] : CAP
	pr = nip in prod ? prod[nip] : 0
	pot = pct_half_up(dp * c, 1000000)
	dis = dp - pot
	prd = pct_half_up(pp * pr, 100)
	bruto = dis + prd
	g = cg ? $cg + 0 : 0
	lo = g < BATAS ? g : BATAS
	hi = g + bruto < BATAS ? g + bruto : BATAS
	dasar = hi - lo
	iuran = pct_half_up(dasar, 100)
	pemda = pct_half_up(dasar * 4, 100)
	if (iuran > bruto)
		iuran = bruto
	printf "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%d\t%s\t%s\t%d\t%d\t%d\t0\t%d\t%d\t\t0\t%d\n",
	    nip, $cnama, $copd, $cjab, $ckel, month, basic, dp, pp,
	    fmt_pct(c), fmt_pct(1000000 - pr * 10000), dis, prd, bruto,
	    iuran, bruto - iuran, pemda
}
