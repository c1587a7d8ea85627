# absen.awk: the mawk peer of absen-rekap for `make bench`.
#
#   mawk -v month=2026-11 -f absen.awk pegawai.tsv LOG...
#
# Computes absen.tsv as absen-rekap does with an empty jadwal.yaml (all the
# defaults): everyone on lima_hari (Monday-Thursday 07:30-16:00, Friday
# 07:30-16:30), no holidays, no tolerance, check-in window from two hours
# before the start to the middle of the day, check-out window from the
# middle to four hours after the end, bands [1,31) [31,61) [61,91) [91,...)
# in whole minutes, a missing punch TL4 / PSW4, no izin.tsv; tmt and
# tmt_keluar honoured.  State per employee-day, like absen-rekap: the
# earliest check-in and the latest check-out.  Logs need seconds in waktu.
BEGIN {
	FS = OFS = "\t"
	y = substr(month, 1, 4) + 0
	m = substr(month, 6, 2) + 0
	mdays[1] = 31; mdays[2] = 28; mdays[3] = 31; mdays[4] = 30
	mdays[5] = 31; mdays[6] = 30; mdays[7] = 31; mdays[8] = 31
	mdays[9] = 30; mdays[10] = 31; mdays[11] = 30; mdays[12] = 31
	ndays = mdays[m]
	if (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		ndays = 29
	# ISO weekday of the 1st (Sakamoto's method: 0 Sunday).
	split("0 3 2 5 0 3 5 1 4 6 2 4", t, " ")
	yy = m < 3 ? y - 1 : y
	w = (yy + int(yy / 4) - int(yy / 100) + int(yy / 400) + t[m] + 1) % 7
	wd1 = w == 0 ? 7 : w
}
FNR == 1 {
	file++
	for (i = 1; i <= NF; i++)
		col[$i] = i
	if (file == 1) {
		cn = col["nip"]; ct = col["tmt"]; ck = col["tmt_keluar"]
	} else {
		ln = col["nip"]; lw = col["waktu"]
	}
	for (k in col)
		delete col[k]
	next
}
file == 1 {
	n++
	nip[n] = $cn
	emp[$cn] = 1
	tmt[$cn] = ct ? $ct : ""
	kel[$cn] = ck ? $ck : ""
	next
}
{
	wt = $lw
	if (substr(wt, 1, 7) != month)
		next
	id = $ln
	if (!(id in emp))
		next
	d = substr(wt, 9, 2) + 0
	wd = (wd1 - 1 + d - 1) % 7 + 1
	if (wd > 5)
		next
	s = substr(wt, 12, 2) * 3600 + substr(wt, 15, 2) * 60 + substr(wt, 18, 2)
	end = wd == 5 ? 59400 : 57600
	mid = 27000 + int((end - 27000) / 2)
	k = id SUBSEP d
	if (s >= 19800 && s < mid) {
		if (!(k in IN) || s < IN[k])
			IN[k] = s
	} else if (s >= mid && s <= end + 14400) {
		if (!(k in OUT) || s > OUT[k])
			OUT[k] = s
	}
}
function band(secs,    mm) {
	if (secs < 60)
		return 0
	mm = int(secs / 60)
	return mm >= 91 ? 4 : mm >= 61 ? 3 : mm >= 31 ? 2 : 1
}
END {
	print "nip", "periode", "hari_kerja", "hadir", "tl1", "tl2", "tl3",
	    "tl4", "psw1", "psw2", "psw3", "psw4", "tk", "lupa_absen",
	    "cuti_tahunan", "cuti_sakit", "cuti_besar", "cuti_melahirkan",
	    "cuti_alasan_penting", "cltn", "dinas_luar", "sakit", "izin",
	    "tugas_belajar"
	for (i = 1; i <= n; i++) {
		id = nip[i]
		hk = hd = tk = 0
		for (b = 1; b <= 4; b++)
			tl[b] = psw[b] = 0
		for (d = 1; d <= ndays; d++) {
			wd = (wd1 - 1 + d - 1) % 7 + 1
			if (wd > 5)
				continue
			date = sprintf("%s-%02d", month, d)
			if ((tmt[id] != "" && date < tmt[id]) ||
			    (kel[id] != "" && date >= kel[id]))
				continue
			hk++
			k = id SUBSEP d
			hi = k in IN
			ho = k in OUT
			if (!hi && !ho) {
				tk++
				continue
			}
			end = wd == 5 ? 59400 : 57600
			b = hi ? band(IN[k] - 27000) : 4
			if (b)
				tl[b]++
			b = ho ? band(end - OUT[k]) : 4
			if (b)
				psw[b]++
			if (hi && ho)
				hd++
		}
		print id, month, hk, hd, tl[1], tl[2], tl[3], tl[4], psw[1],
		    psw[2], psw[3], psw[4], tk, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
	}
}
