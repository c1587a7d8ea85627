# gen-rekap.awk: a deterministic tpp.tsv-like table for the rekap-xlsx
# benchmark: 20 columns, ROWS data rows after the header.
#
#   awk -v rows=100000 [-v seed=20261105] -f scripts/bench/gen-rekap.awk > rekap-100k.tsv
#
# The same rows and seed give the same bytes with mawk, gawk and one-true-awk:
# awk's rand() differs between implementations, so the script carries its own
# generator (Park-Miller, multiplier 16807 modulo 2^31-1).  Every product stays
# below 2^47, exact in a double, and every value is printed with %d or %s of
# integers, never with a float conversion whose rounding could differ.
#
# The money is consistent the way tpp-calc's output would be (disiplin is the
# disiplin pagu less its percent cut, bruto = disiplin + produktivitas, netto
# = bruto - pph21 - iuran_bpjs), so a reader who opens the workbook sees
# plausible figures; the benchmark itself only needs the shape and the types.

function rnd(n) {
	# Park-Miller "minimal standard": s in 1 .. 2^31-2.
	seed = (seed * 16807) % 2147483647
	return seed % n
}

function pick(list, n) {
	return list[rnd(n) + 1]
}

# A percent held in tenths, printed as "12.5" or "3" (the form tpp-calc uses).
function pct(tenths) {
	if (tenths % 10 == 0)
		return sprintf("%d", tenths / 10)
	return sprintf("%d.%d", int(tenths / 10), tenths % 10)
}

function pad(v, w) {
	return sprintf("%0" w "d", v)
}

BEGIN {
	if (rows == "")
		rows = 100000
	if (seed == "")
		seed = 20261105
	seed = seed % 2147483647
	if (seed <= 0)
		seed = 1

	nf = split("Agus Budi Citra Dewi Eko Fitri Gunawan Hendra Indah Joko " \
	    "Kartika Lestari Made Nur Putu Rina Siti Teguh Wahyu Yuliana " \
	    "Ahmad Bambang Dian Endang Fajar Hadi Ika Ketut Lukman Maya", first, " ")
	nl = split("Santoso Wijaya Siregar Nasution Hasibuan Simanjuntak " \
	    "Saputra Lestari Pratama Kurniawan Hidayat Setiawan Rahmawati " \
	    "Wibowo Susanto Purnomo Harahap Lubis Sitompul Daulay Manurung " \
	    "Gultom Tambunan Suryadi Maharani", last, " ")
	ng = split("|, S.Kom.|, S.E.|, S.H.|, S.Sos.|, M.Si.|, S.Pd.|, S.T.|" \
	    ", A.Md.|, M.M.", gelar, "|")
	no = split("Sekretariat Daerah|Sekretariat DPRD|Inspektorat Daerah|" \
	    "Badan Perencanaan Pembangunan Daerah|" \
	    "Badan Pengelolaan Keuangan dan Aset Daerah|" \
	    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia|" \
	    "Badan Pendapatan Daerah|Dinas Pendidikan dan Kebudayaan|" \
	    "Dinas Kesehatan|Dinas Pekerjaan Umum dan Penataan Ruang|" \
	    "Dinas Perumahan dan Kawasan Permukiman|Dinas Sosial|" \
	    "Dinas Tenaga Kerja|Dinas Lingkungan Hidup|" \
	    "Dinas Kependudukan dan Pencatatan Sipil|Dinas Perhubungan|" \
	    "Dinas Komunikasi dan Informatika|" \
	    "Dinas Koperasi, Usaha Kecil dan Menengah|" \
	    "Dinas Penanaman Modal dan PTSP|Dinas Kepemudaan dan Olahraga|" \
	    "Dinas Pariwisata|Dinas Perpustakaan dan Kearsipan|" \
	    "Dinas Ketahanan Pangan dan Pertanian|Dinas Perdagangan|" \
	    "Satuan Polisi Pamong Praja|Badan Penanggulangan Bencana Daerah|" \
	    "Kecamatan Kota Utara|Kecamatan Kota Selatan|RSUD Kota Contoh|" \
	    "Badan Kesatuan Bangsa dan Politik", opd, "|")
	# jabatan and its kelas jabatan, in step.
	nj = split("Kepala Dinas|Sekretaris|Kepala Bidang|Kepala Sub Bagian|" \
	    "Analis Kebijakan Ahli Muda|Perencana Ahli Pertama|" \
	    "Pranata Komputer Ahli Pertama|Analis SDM Aparatur Ahli Muda|" \
	    "Auditor Ahli Madya|Pengelola Keuangan|Penata Layanan Operasional|" \
	    "Pengadministrasi Perkantoran|Operator Layanan Operasional|" \
	    "Pengolah Data dan Informasi|Guru Ahli Pertama|Perawat Terampil|" \
	    "Dokter Ahli Muda|Arsiparis Terampil", jab, "|")
	split("14 12 11 9 9 8 8 9 11 7 7 5 5 6 8 7 10 6", jkelas, " ")
	# basic TPP by kelas jabatan (Rupiah), an illustrative Perkada table.
	split("1950000 2300000 2650000 3100000 3600000 4250000 5100000 " \
	    "6200000 7400000 8900000 10500000 12600000 15000000 18500000 " \
	    "22000000", tarif, " ")
	split("TL1 TL2 TL3 TL4 PSW1 PSW2 PSW3 PSW4", kode, " ")
	# cut per late/early code, in tenths of a percent.
	split("5 10 15 30 5 10 15 30", cut, " ")

	print "nip\tnama\topd\tjabatan\tkelas\tperiode\tbasic\tdisiplin_pagu\t" \
	    "produktivitas_pagu\tpotongan_disiplin_pct\tpotongan_produktivitas_pct\t" \
	    "disiplin\tproduktivitas\tbruto\tpph21\tiuran_bpjs\tnetto\thari_kerja\t" \
	    "tk\trincian"

	for (i = 1; i <= rows; i++) {
		# NIP: birth date, TMT (year and month), sex digit, sequence.
		by = 1965 + rnd(36)
		ty = by + 22 + rnd(14)
		if (ty > 2024)
			ty = 2024
		nip = by pad(1 + rnd(12), 2) pad(1 + rnd(28), 2) ty \
		    pad(1 + rnd(12), 2) (1 + rnd(2)) pad(1 + (i % 999), 3)
		nama = pick(first, nf) " " pick(last, nl) pick(gelar, ng)
		j = rnd(nj) + 1
		kelas = jkelas[j]
		basic = tarif[kelas]
		dpagu = int(basic * 40 / 100)
		ppagu = basic - dpagu

		# Attendance: mostly clean, a tail of late arrivals and absences.
		tk = 0
		r = rnd(100)
		if (r >= 97)
			tk = 1 + rnd(3)
		dcut = tk * 30
		rincian = ""
		nlate = 0
		if (r >= 60)
			nlate = 1 + rnd(4)
		for (k = 1; k <= nlate; k++) {
			c = rnd(8) + 1
			n = 1 + rnd(3)
			dcut += cut[c] * n
			rincian = rincian (rincian == "" ? "" : "; ") kode[c] " x" n
		}
		if (tk > 0)
			rincian = rincian (rincian == "" ? "" : "; ") "TK x" tk
		if (dcut > 1000)
			dcut = 1000
		if (rincian != "")
			rincian = rincian " (potong " pct(dcut) "%)"
		# Capaian kinerja below "Baik" costs 5 to 25 %.
		pcut = 0
		if (rnd(10) == 0)
			pcut = 50 * (1 + rnd(5))

		disiplin = dpagu - int(dpagu * dcut / 1000)
		prod = ppagu - int(ppagu * pcut / 1000)
		bruto = disiplin + prod
		pph = 0
		if (kelas >= 9)
			pph = int(bruto * 5 / 100)
		if (kelas >= 12)
			pph = int(bruto * 15 / 100)
		bpjs = int((bruto < 12000000 ? bruto : 12000000) / 100)
		netto = bruto - pph - bpjs

		printf "%s\t%s\t%s\t%s\t%d\t2026-11\t%d\t%d\t%d\t%s\t%s\t%d\t%d\t" \
		    "%d\t%d\t%d\t%d\t21\t%d\t%s\n", \
		    nip, nama, pick(opd, no), jab[j], kelas, basic, dpagu, ppagu,
		    pct(dcut), pct(pcut), disiplin, prod, bruto, pph, bpjs, netto,
		    tk, rincian
	}
}
