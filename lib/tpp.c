/*
 * tpp: one employee-month of TPP (see tpp.h for the order of the steps).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "period.h"
#include "tpp.h"

__extension__ typedef __int128 i128;

static void line(kj_tpp_result *res, bool rincian, int count, bool has_pct,
                 kj_pct pct, bool has_rp, kj_money rp, const char *fmt, ...)
	__attribute__((format(printf, 8, 9)));

/*
 * vsnprintf for the few conversions the rule texts use (%s, %d, %c, %%),
 * truncated to n - 1 bytes: a line is made for every employee, and the
 * general printf machinery was a tenth of the instructions of a run.
 */
static void fmt_rule(char *out, size_t n, const char *fmt, va_list ap)
{
	size_t len = 0;

#define PUT(ch) do { if (len + 1 < n) out[len++] = (ch); } while (0)
	for (const char *f = fmt; *f; f++) {
		if (*f != '%') {
			PUT(*f);
			continue;
		}
		switch (*++f) {
		case 's': {
			const char *a = va_arg(ap, const char *);

			while (*a)
				PUT(*a++);
			break;
		}
		case 'd': {
			int v = va_arg(ap, int);
			unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
			char d[12], *q = d + sizeof d;

			do {
				*--q = (char)('0' + u % 10);
				u /= 10;
			} while (u);
			if (v < 0)
				PUT('-');
			while (q < d + sizeof d)
				PUT(*q++);
			break;
		}
		case 'c':
			PUT((char)va_arg(ap, int));
			break;
		case '%':
			PUT('%');
			break;
		default:        /* not used by the rule texts */
			f--;
			PUT('%');
			break;
		}
	}
#undef PUT
	if (n)
		out[len] = '\0';
}

static void line(kj_tpp_result *res, bool rincian, int count, bool has_pct,
                 kj_pct pct, bool has_rp, kj_money rp, const char *fmt, ...)
{
	kj_tpp_line *l;
	va_list ap;

	if (res->nlines >= KJ_TPP_MAX_LINES || (!rincian && !res->detail))
		return;
	l = &res->lines[res->nlines++];
	va_start(ap, fmt);
	fmt_rule(l->rule, sizeof l->rule, fmt, ap);
	va_end(ap);
	l->count = count;
	l->has_pct = has_pct;
	l->pct = pct;
	l->has_rp = has_rp;
	l->rp = rp;
	l->in_rincian = rincian;
}

/*
 * PPh 21 TER (PP 58/2023, PMK 168/2023): monthly bruto upper bound
 * (inclusive; -1 for the last, open band) and the rate.  Transcribed from
 * domain/tpp.md §3.2 (a public calculator checked against the inatax
 * endpoints); not yet checked against the lampiran of the PP itself.
 */
struct ter_band {
	kj_money upto;
	kj_pct pct;
};

static const struct ter_band ter_a[] = {
	{ 5400000, 0 }, { 5650000, 2500 }, { 5950000, 5000 },
	{ 6300000, 7500 }, { 6750000, 10000 }, { 7500000, 12500 },
	{ 8550000, 15000 }, { 9650000, 17500 }, { 10050000, 20000 },
	{ 10350000, 22500 }, { 10700000, 25000 }, { 11050000, 30000 },
	{ 11600000, 35000 }, { 12500000, 40000 }, { 13750000, 50000 },
	{ 15100000, 60000 }, { 16950000, 70000 }, { 19750000, 80000 },
	{ 24150000, 90000 }, { 26450000, 100000 }, { 28000000, 110000 },
	{ 30050000, 120000 }, { 32400000, 130000 }, { 35400000, 140000 },
	{ 39100000, 150000 }, { 43850000, 160000 }, { 47800000, 170000 },
	{ 51400000, 180000 }, { 56300000, 190000 }, { 62200000, 200000 },
	{ 68600000, 210000 }, { 77500000, 220000 }, { 89000000, 230000 },
	{ 103000000, 240000 }, { 125000000, 250000 }, { 157000000, 260000 },
	{ 206000000, 270000 }, { 337000000, 280000 }, { 454000000, 290000 },
	{ 550000000, 300000 }, { 695000000, 310000 }, { 910000000, 320000 },
	{ 1400000000, 330000 }, { -1, 340000 },
};
static const struct ter_band ter_b[] = {
	{ 6200000, 0 }, { 6500000, 2500 }, { 6850000, 5000 },
	{ 7300000, 7500 }, { 9200000, 10000 }, { 10750000, 15000 },
	{ 11250000, 20000 }, { 11600000, 25000 }, { 12600000, 30000 },
	{ 13600000, 40000 }, { 14950000, 50000 }, { 16400000, 60000 },
	{ 18450000, 70000 }, { 21850000, 80000 }, { 26000000, 90000 },
	{ 27700000, 100000 }, { 29350000, 110000 }, { 31450000, 120000 },
	{ 33950000, 130000 }, { 37100000, 140000 }, { 41100000, 150000 },
	{ 45800000, 160000 }, { 49500000, 170000 }, { 53800000, 180000 },
	{ 58500000, 190000 }, { 64000000, 200000 }, { 71000000, 210000 },
	{ 80000000, 220000 }, { 93000000, 230000 }, { 109000000, 240000 },
	{ 129000000, 250000 }, { 163000000, 260000 }, { 211000000, 270000 },
	{ 374000000, 280000 }, { 459000000, 290000 }, { 555000000, 300000 },
	{ 704000000, 310000 }, { 957000000, 320000 }, { 1405000000, 330000 },
	{ -1, 340000 },
};
static const struct ter_band ter_c[] = {
	{ 6600000, 0 }, { 6950000, 2500 }, { 7350000, 5000 },
	{ 7800000, 7500 }, { 8850000, 10000 }, { 9800000, 12500 },
	{ 10950000, 15000 }, { 11200000, 17500 }, { 12050000, 20000 },
	{ 12950000, 30000 }, { 14150000, 40000 }, { 15550000, 50000 },
	{ 17050000, 60000 }, { 19500000, 70000 }, { 22700000, 80000 },
	{ 26600000, 90000 }, { 28100000, 100000 }, { 30100000, 110000 },
	{ 32600000, 120000 }, { 35400000, 130000 }, { 38900000, 140000 },
	{ 43000000, 150000 }, { 47400000, 160000 }, { 51200000, 170000 },
	{ 55800000, 180000 }, { 60400000, 190000 }, { 66700000, 200000 },
	{ 74500000, 210000 }, { 83300000, 220000 }, { 95600000, 230000 },
	{ 110000000, 240000 }, { 134000000, 250000 }, { 169000000, 260000 },
	{ 221000000, 270000 }, { 390000000, 280000 }, { 463000000, 290000 },
	{ 561000000, 300000 }, { 709000000, 310000 }, { 965000000, 320000 },
	{ 1419000000, 330000 }, { -1, 340000 },
};

kj_pct kj_tpp_ter_rate(int cat, kj_money bruto)
{
	const struct ter_band *t = cat == 2 ? ter_c : cat == 1 ? ter_b : ter_a;

	for (;; t++)
		if (t->upto < 0 || bruto <= t->upto)
			return t->pct;
}

int kj_tpp_ptkp_category(const char *s, size_t len)
{
	static const char *const a[] = { "TK/0", "TK/1", "K/0" };
	static const char *const b[] = { "TK/2", "TK/3", "K/1", "K/2" };

	for (int i = 0; i < 3; i++)
		if (strlen(a[i]) == len && memcmp(a[i], s, len) == 0)
			return 0;
	for (int i = 0; i < 4; i++)
		if (strlen(b[i]) == len && memcmp(b[i], s, len) == 0)
			return 1;
	if (len == 3 && memcmp(s, "K/3", 3) == 0)
		return 2;
	return -1;
}

static kj_money component_amount(const struct kj_tpp_component *c,
                                 const kj_tpp_pegawai *p)
{
	if (p->jabatan)
		for (size_t i = 0; i < c->njabatan; i++)
			if (strcmp(c->jabatan[i].key, p->jabatan) == 0)
				return c->jabatan[i].amount;
	if (p->opd)
		for (size_t i = 0; i < c->nopd; i++)
			if (strcmp(c->opd[i].key, p->opd) == 0)
				return c->opd[i].amount;
	return c->kelas[p->kelas];
}

int kj_tpp_golongan(enum kj_status st, const char *gol, size_t len)
{
	static const char *const roman[] = { "I", "II", "III", "IV" };
	size_t n = 0;

	if (st == KJ_ST_PPPK)
		return 4;
	while (n < len && gol[n] != '/')
		n++;
	for (int i = 0; i < 4; i++)
		if (strlen(roman[i]) == n && memcmp(roman[i], gol, n) == 0)
			return i;
	return -1;
}

void kj_tpp_prorata(const kj_tpp_rules *r, int year, int month, int32_t tmt,
                    int32_t keluar, int *aktif, int *bulan)
{
	kj_date first, last, from, to;

	*aktif = *bulan = 0;
	if (r->prorata == KJ_PRORATA_NONE ||
	    kj_date_from_ymd(year, month, 1, &first) < 0 ||
	    kj_date_from_ymd(year, month, kj_days_in_month(year, month),
	                     &last) < 0)
		return;
	from = tmt != KJ_TPP_NO_DATE && tmt > first ? tmt : first;
	to = keluar != KJ_TPP_NO_DATE && keluar - 1 < last ? keluar - 1 : last;
	if (from == first && to == last)
		return;
	if (r->prorata == KJ_PRORATA_KALENDER) {
		*bulan = (int)(last - first + 1);
		*aktif = to < from ? 0 : (int)(to - from + 1);
	} else {
		*bulan = (int)kj_working_days(first, last, KJ_WEEK_MON_FRI,
		                              NULL, 0);
		*aktif = (int)kj_working_days(from, to, KJ_WEEK_MON_FRI,
		                              NULL, 0);
	}
	if (*bulan == 0)
		*aktif = *bulan = 0;
}

/* x * num * mul / (den * div), rounded by rd; every operand >= 0 and
 * x * num * mul within 2^126 (amounts up to 10^10 Rp scaled by 10^6,
 * factors up to 10^12, days up to 31). */
static int muldiv2(int64_t x, int64_t num, int64_t mul, int64_t den,
                   int64_t div, enum kj_round rd, kj_money *out, kj_err *err)
{
	i128 p = (i128)x * num * mul, q = (i128)den * div, v, rem;

	if (q <= 0 || p < 0) {
		kj_err_set(err, "", 0, 0, "internal: bad proration");
		return -1;
	}
	v = p / q;
	rem = p % q;
	if (rd == KJ_ROUND_HALF_UP ? 2 * rem >= q
	                           : rd == KJ_ROUND_CEIL && rem != 0)
		v++;
	if (v > INT64_MAX) {
		kj_err_set(err, "", 0, 0, "amount too large");
		return -1;
	}
	*out = (kj_money)v;
	return 0;
}

static int pct_of(kj_money amount, kj_pct pct, enum kj_round rd,
                  kj_money *out, kj_err *err)
{
	return kj_money_pct(amount, pct, rd, out, err);
}

/* ---- Rule-set extensions (kinerja-formats(5): disiplin.apel, eskalasi,
 * produktivitas.kurang_hadir and sakip, faktor.cuti_panjang and
 * kode_status, syarat, potongan_rp).  Kept apart from the core steps
 * above: each is inactive at its zero value. */

/* The % per occurrence of a band for the month's count: the escalation
 * row with the highest kali not above count, else the band's own %;
 * *kali is that row's kali, 0 for none. */
static kj_pct band_pct(const struct kj_tpp_band *b, int count, int *kali)
{
	kj_pct pct = b->pct;

	*kali = 0;
	for (size_t i = 0; i < b->nesk; i++)
		if (count >= b->esk[i].kali) {
			pct = b->esk[i].pct;
			*kali = (int)b->esk[i].kali;
		}
	return pct;
}

/* One TL or PSW band's line and its % of the sum. */
static kj_pct band_line(kj_tpp_result *res, const struct kj_tpp_band *b,
                        const char *name, int i, int count)
{
	int kali;
	kj_pct v = band_pct(b, count, &kali) * count;

	if (count > 0 && kali)
		line(res, true, count, true, v, false, 0, "%s%d eskalasi>=%d",
		     name, i + 1, kali);
	else if (count > 0)
		line(res, true, count, true, v, false, 0, "%s%d", name, i + 1);
	return v;
}

/* Days absent from apel: pct a day (Tulang Bawang, Kota Pekalongan A0). */
static kj_pct apel_pct(const kj_tpp_rules *r, const kj_tpp_absen *a,
                       kj_tpp_result *res)
{
	kj_pct v;

	if (r->apel_pct == 0 || a->tidak_apel <= 0)
		return 0;
	v = r->apel_pct * a->tidak_apel;
	line(res, true, a->tidak_apel, true, v, false, 0, "tidak apel");
	return v;
}

/*
 * The factors of a long leave (faktor.cuti_panjang), a Pemda status code
 * (faktor.kode_status) and the preconditions (syarat), each with its
 * line; the lowest of them, KJ_PCT_100 when none applies.  *bypass: a
 * long leave, paid at its % without the disiplin and produktivitas
 * scoring (Balangan k40/k20).
 */
static kj_pct ext_factor(const kj_tpp_rules *r, int month,
                         const kj_tpp_pegawai *p, const kj_tpp_kinerja *k,
                         kj_tpp_result *res, bool *bypass)
{
	kj_pct low = KJ_PCT_100;
	int c = p->cuti_panjang - 1;

	*bypass = false;
	if (c >= 0 && c < KJ_CUTI_N && p->cuti_bulan >= 1 &&
	    r->ncuti_panjang[c] > 0) {
		const struct kj_tpp_bulan_band *b = r->cuti_panjang[c];
		kj_pct v = b[0].pct;

		for (size_t i = 0; i < r->ncuti_panjang[c]; i++)
			if (p->cuti_bulan >= b[i].bulan)
				v = b[i].pct;
		line(res, true, -1, true, v, false, 0, "%s bulan ke-%d",
		     kj_cuti_words[c], p->cuti_bulan);
		low = v;
		*bypass = true;
	}
	if (p->kode_status && *p->kode_status)
		for (size_t i = 0; i < r->nkode; i++)
			if (strcmp(r->kode[i].kode, p->kode_status) == 0) {
				line(res, true, -1, true, r->kode[i].pct, false,
				     0, "kode status %s", p->kode_status);
				if (r->kode[i].pct < low)
					low = r->kode[i].pct;
			}
	if (r->syarat_skp && (!k->present || !k->skp || !k->lapor)) {
		line(res, true, -1, true, r->syarat_skp_pct, false, 0,
		     "syarat SKP tidak terpenuhi");
		if (r->syarat_skp_pct < low)
			low = r->syarat_skp_pct;
	}
	if (r->syarat_lhkpn && p->lhkpn == 2 &&
	    month >= r->syarat_lhkpn_dari) {
		line(res, true, -1, true, r->syarat_lhkpn_pct, false, 0,
		     "syarat LHKPN belum dilaporkan");
		if (r->syarat_lhkpn_pct < low)
			low = r->syarat_lhkpn_pct;
	}
	if (r->syarat_aset && p->aset == 2) {
		line(res, true, -1, true, r->syarat_aset_pct, false, 0,
		     "syarat aset tidak terpenuhi");
		if (r->syarat_aset_pct < low)
			low = r->syarat_aset_pct;
	}
	return low;
}

/* What the produktivitas part is paid with: the predikat/capaian %, the
 * kurang_hadir porsi (0: not active) and the SAKIP share (sakip_on). */
struct prod_ext {
	kj_pct kh_porsi;
	bool sakip_on;
	kj_pct sakip;
};

/* Decide prod_ext for the employee and write its rincian lines. */
static void ext_prod_setup(const kj_tpp_rules *r, const kj_tpp_pegawai *p,
                           const kj_tpp_absen *a, bool scored,
                           kj_tpp_result *res, struct prod_ext *x)
{
	memset(x, 0, sizeof *x);
	if (!scored)
		return;
	if (r->kurang_hadir_hari > 0 && a->present && a->has_masuk &&
	    a->masuk < r->kurang_hadir_hari) {
		x->kh_porsi = r->kurang_hadir_porsi;
		line(res, true, a->masuk, true, x->kh_porsi, false, 0,
		     "masuk<%d hari: porsi produktivitas",
		     (int)r->kurang_hadir_hari);
	}
	if (r->sakip_porsi > 0 && p->has_sakip) {
		char s[KJ_NUM_BUFSZ];

		x->sakip_on = true;
		x->sakip = p->sakip < KJ_PCT_100 ? p->sakip : KJ_PCT_100;
		kj_pct_format(r->sakip_porsi, s, sizeof s);
		line(res, true, -1, true, x->sakip, false, 0,
		     "SAKIP OPD (%s%% produktivitas)", s);
	}
}

/* The % of the produktivitas pagu paid in all (for the
 * potongan_produktivitas_pct column): the SAKIP blend, times
 * kh_porsi / porsi produktivitas, rounded half up to 1/10000 %. */
static kj_pct ext_prod_pct(const kj_tpp_rules *r, const struct prod_ext *x,
                           kj_pct paid)
{
	kj_money v = paid;
	kj_err e;

	if (x->sakip_on)
		v = (paid * (KJ_PCT_100 - r->sakip_porsi) +
		     x->sakip * r->sakip_porsi + KJ_PCT_100 / 2) / KJ_PCT_100;
	if (x->kh_porsi && r->porsi_produktivitas > 0 &&
	    kj_money_muldiv(v, x->kh_porsi, r->porsi_produktivitas,
	                    KJ_ROUND_HALF_UP, &v, &e) < 0)
		v = 0;
	return (kj_pct)v;
}

/*
 * The produktivitas paid of one component from its part pp: with
 * kurang_hadir, pp x porsi / porsi produktivitas first (rounded; the
 * rest is not paid); with SAKIP, that split into the kinerja share
 * (100 - sakip %, rounded) paid at paid % and the rest paid at the
 * OPD's SAKIP %; else pp x paid %.  Each step rounded by rd.
 */
static int ext_prod_paid(const kj_tpp_rules *r, const struct prod_ext *x,
                         const char *name, kj_money pp, kj_pct paid,
                         enum kj_round rd, kj_tpp_result *res,
                         kj_money *out, kj_err *err)
{
	kj_money base = pp, kin, sak, pk, ps;

	if (x->kh_porsi) {
		if (muldiv2(pp, x->kh_porsi, 1, r->porsi_produktivitas, 1, rd,
		            &base, err) < 0)
			return -1;
		line(res, false, -1, true, x->kh_porsi, true, base,
		     "pagu produktivitas %s (kurang hadir)", name);
	}
	if (!x->sakip_on)
		return pct_of(base, paid, rd, out, err);
	if (pct_of(base, KJ_PCT_100 - r->sakip_porsi, rd, &kin, err) < 0)
		return -1;
	sak = base - kin;
	if (pct_of(kin, paid, rd, &pk, err) < 0 ||
	    pct_of(sak, x->sakip, rd, &ps, err) < 0)
		return -1;
	line(res, false, -1, true, paid, true, pk, "kinerja dibayar %s",
	     name);
	line(res, false, -1, true, x->sakip, true, ps, "SAKIP %s", name);
	*out = pk + ps;
	return 0;
}

/* Rupiah deductions of pegawai.tsv (potongan_rp), each at most what is
 * left of bruto; their sum in res->potongan_rp, taken off bruto. */
static void ext_potongan_rp(const kj_tpp_rules *r, const kj_tpp_pegawai *p,
                            kj_tpp_result *res)
{
	for (int i = 0; i < KJ_RP_N; i++) {
		kj_money v = p->potongan_rp[i];
		char num[KJ_NUM_BUFSZ];

		if (!r->potongan_rp[i] || v <= 0)
			continue;
		if (v > res->bruto)
			v = res->bruto;
		kj_money_format(v, num, sizeof num);
		line(res, true, -1, false, 0, true, -v, "%s %s%s",
		     kj_tpp_rp_words[i], num,
		     v < p->potongan_rp[i] ? " (dibatasi TPP)" : "");
		res->bruto -= v;
		res->potongan_rp += v;
	}
}

int kj_tpp_calc(const kj_tpp_rules *r, int month, const kj_tpp_pegawai *p,
                const kj_tpp_absen *a, const kj_tpp_kinerja *k,
                unsigned flags, kj_tpp_result *res, kj_err *err)
{
	kj_pct fstatus, fket = KJ_PCT_100, potdis = 0, paid = 0, fext;
	bool plt_ok = false, plt_higher = false, december, forfeit = false,
	     bypass, scored;
	struct prod_ext px;
	int ket_low = -1;
	kj_money base_bpjs;

	memset(res, 0, offsetof(kj_tpp_result, lines));
	res->detail = (flags & KJ_TPP_DETAIL) != 0;
	if (p->kelas < 1 || p->kelas > KJ_TPP_KELAS_MAX ||
	    p->plt_kelas < 0 || p->plt_kelas > KJ_TPP_KELAS_MAX) {
		kj_err_set(err, "", 0, 0, "kelas outside 1 to 17");
		return -1;
	}

	/* Factors: status, and the lowest active keterangan. */
	fstatus = r->status[p->status];
	for (int i = 0; i < KJ_KET_N; i++)
		if ((p->ket & (1u << i)) && (ket_low < 0 || r->ket[i] < fket)) {
			fket = r->ket[i];
			ket_low = i;
		}
	if (fstatus != KJ_PCT_100)
		line(res, true, -1, true, fstatus, false, 0, "%s",
		     kj_status_words[p->status]);
	if (ket_low >= KJ_KET_HUKDIS_RINGAN && p->hukdis_bulan > 0)
		line(res, true, -1, true, fket, false, 0, "%s bulan ke-%d",
		     kj_ket_words[ket_low], p->hukdis_bulan);
	else if (ket_low >= 0)
		line(res, true, -1, true, fket, false, 0, "%s",
		     kj_ket_words[ket_low]);
	fext = ext_factor(r, month, p, k, res, &bypass);
	if (fext < fket)
		fket = fext;

	if (p->hari_bulan > 0)
		line(res, true, -1, false, 0, false, 0, "prorata %d/%d %s",
		     p->hari_aktif, p->hari_bulan,
		     r->prorata == KJ_PRORATA_KALENDER ? "hari kalender"
		                                       : "hari kerja");

	/* Plt/Plh. */
	if (r->plt && p->plt_kelas > 0) {
		if (p->plt_hari >= r->plt_min_hari || r->plt_min_hari == 0) {
			plt_ok = true;
			plt_higher = p->plt_kelas > p->kelas;
			line(res, true, p->plt_hari, true,
			     plt_higher ? r->plt_lebih_tinggi
			                : r->plt_setingkat,
			     false, 0, "plt kelas %d %s", p->plt_kelas,
			     plt_higher ? "lebih tinggi" : "setingkat");
		} else {
			line(res, true, p->plt_hari < 0 ? 0 : p->plt_hari,
			     false, 0, false, 0,
			     "plt kelas %d kurang dari %d hari: tidak dibayar",
			     p->plt_kelas, (int)r->plt_min_hari);
		}
	}

	december = month == 12 && r->desember_penuh;
	if (december)
		line(res, true, -1, false, 0, false, 0, "desember penuh");
	/* A long leave is paid at its % without the scoring. */
	scored = !december && !bypass;

	/* Disiplin %. */
	if (scored) {
		if (!a->present) {
			if (r->tanpa_absen == KJ_MISS_TK) {
				potdis = KJ_PCT_100;
				forfeit = r->tk_gugur_tpp > 0;
				line(res, true, -1, true, KJ_PCT_100, false, 0,
				     "tanpa absen");
			} else {
				line(res, true, -1, true, 0, false, 0,
				     "tanpa absen (dianggap hadir)");
			}
		} else {
			for (int i = 0; i < KJ_TPP_BANDS; i++)
				potdis += band_line(res, &r->tl[i], "TL", i,
				                    a->tl[i]);
			for (int i = 0; i < KJ_TPP_BANDS; i++)
				potdis += band_line(res, &r->psw[i], "PSW", i,
				                    a->psw[i]);
			if (a->tk > 0) {
				kj_pct v = r->tk_pct * a->tk;

				line(res, true, a->tk, true, v, false, 0,
				     "TK");
				potdis += v;
			}
			potdis += apel_pct(r, a, res);
			for (int i = 0; i < KJ_CUTI_N; i++)
				if (a->cuti[i] > 0 && r->cuti_pct[i] > 0) {
					kj_pct v = r->cuti_pct[i] * a->cuti[i];

					line(res, true, a->cuti[i], true, v,
					     false, 0, "%s", kj_cuti_words[i]);
					potdis += v;
				}
			if (r->tk_gugur_tpp > 0 && a->tk >= r->tk_gugur_tpp) {
				line(res, true, a->tk, false, 0, false, 0,
				     "TK>=%d gugur TPP", (int)r->tk_gugur_tpp);
				forfeit = true;
			}
		}
		if (potdis > r->cap) {
			line(res, true, -1, true, r->cap, false, 0, "maks");
			potdis = r->cap;
		}
		if (potdis > KJ_PCT_100)
			potdis = KJ_PCT_100;
		/* The forfeit is not limited by the cap. */
		if (a->present && r->tk_gugur_disiplin > 0 &&
		    a->tk >= r->tk_gugur_disiplin) {
			line(res, true, a->tk, true, KJ_PCT_100, false, 0,
			     "TK>=%d gugur disiplin",
			     (int)r->tk_gugur_disiplin);
			potdis = KJ_PCT_100;
		}
	}

	/* Produktivitas % paid. */
	if (!scored) {
		paid = KJ_PCT_100;
	} else if (!k->present) {
		paid = r->tanpa_kinerja;
		line(res, true, -1, true, paid, false, 0, "tanpa kinerja");
	} else if (!k->skp) {
		paid = r->tanpa_skp;
		line(res, true, -1, true, paid, false, 0, "tanpa SKP");
	} else if (!k->lapor) {
		paid = r->tidak_lapor;
		line(res, true, -1, true, paid, false, 0, "tidak lapor");
	} else if (r->prod_dasar == KJ_PROD_CAPAIAN) {
		if (!k->has_capaian) {
			paid = r->tanpa_kinerja;
			line(res, true, -1, true, paid, false, 0,
			     "tanpa capaian");
		} else if (r->ncapaian == 0) {
			char c[KJ_NUM_BUFSZ];

			paid = k->capaian < KJ_PCT_100 ? k->capaian
			                               : KJ_PCT_100;
			kj_pct_format(k->capaian, c, sizeof c);
			line(res, true, -1, true, paid, false, 0,
			     "capaian %s", c);
		} else {
			size_t b = 0;
			char c[KJ_NUM_BUFSZ], d[KJ_NUM_BUFSZ];

			while (k->capaian < r->capaian[b].dari)
				b++;
			paid = r->capaian[b].pct;
			kj_pct_format(k->capaian, c, sizeof c);
			kj_pct_format(r->capaian[b].dari, d, sizeof d);
			line(res, true, -1, true, paid, false, 0,
			     "capaian %s (>=%s)", c, d);
		}
	} else if (k->predikat < 0) {
		paid = r->tanpa_kinerja;
		line(res, true, -1, true, paid, false, 0, "tanpa predikat");
	} else {
		paid = r->predikat[k->predikat];
		line(res, true, -1, true, paid, false, 0, "predikat %s",
		     kj_predikat_words[k->predikat]);
	}
	ext_prod_setup(r, p, a, scored, res, &px);
	res->potongan_disiplin_pct = potdis;
	res->potongan_produktivitas_pct = KJ_PCT_100 -
	                                  ext_prod_pct(r, &px, paid);

	/* Per component. */
	for (size_t i = 0; i < r->ncomp; i++) {
		const struct kj_tpp_component *c = &r->comp[i];
		kj_money own = component_amount(c, p), x, pagu, dp, pp, pot,
		         dis, prod;
		int64_t num;

		line(res, false, -1, false, 0, true, own, "%s kelas %d%s",
		     c->name, p->kelas, own != c->kelas[p->kelas]
		             ? " (jabatan/OPD)" : "");
		/* x: the amount in units of 1/1000000 Rp (x 100 %). */
		x = own * KJ_PCT_100;
		if (plt_ok) {
			kj_money plt = c->kelas[p->plt_kelas];

			line(res, false, -1, false, 0, true, plt,
			     "%s kelas %d (plt)", c->name, p->plt_kelas);

			if (plt_higher) {
				kj_money alt = plt * r->plt_lebih_tinggi;

				if (alt > x)
					x = alt;
			} else {
				x += plt * r->plt_setingkat;
			}
		}
		num = fstatus * fket;
		if (p->hari_bulan > 0) {
			if (muldiv2(x, num, p->hari_aktif,
			            (int64_t)KJ_PCT_100 * KJ_PCT_100 *
			                    KJ_PCT_100,
			            p->hari_bulan, c->round, &pagu, err) < 0)
				return -1;
		} else if (kj_money_muldiv(x, num,
		                           (int64_t)KJ_PCT_100 * KJ_PCT_100 *
		                                   KJ_PCT_100,
		                           c->round, &pagu, err) < 0) {
			return -1;
		}
		line(res, false, -1, false, 0, true, pagu, "pagu %s%s (%s)",
		     c->name, c->scaled ? "" : " tetap", kj_round_name(c->round));
		res->basic += pagu;
		if (forfeit)
			continue;
		if (!c->scaled || bypass) {
			res->tetap += pagu;
			continue;
		}
		if (pct_of(pagu, r->porsi_disiplin, c->round, &dp, err) < 0)
			return -1;
		pp = pagu - dp;
		res->disiplin_pagu += dp;
		res->produktivitas_pagu += pp;
		if (pct_of(r->base == KJ_BASE_TOTAL ? pagu : dp, potdis,
		           c->round, &pot, err) < 0)
			return -1;
		line(res, false, -1, true, r->porsi_disiplin, true, dp,
		     "pagu disiplin %s", c->name);
		line(res, false, -1, true, potdis, true, -pot,
		     "potongan disiplin %s", c->name);
		if (ext_prod_paid(r, &px, c->name, pp, paid, c->round, res,
		                  &prod, err) < 0)
			return -1;
		dis = dp - pot;
		if (dis < 0) {
			prod += dis;
			dis = 0;
			if (prod < 0)
				prod = 0;
		}
		line(res, false, -1, true, paid, true, prod,
		     "produktivitas dibayar %s", c->name);
		res->disiplin += dis;
		res->produktivitas += prod;
	}
	if (forfeit) {
		res->disiplin_pagu = res->produktivitas_pagu = 0;
		res->potongan_disiplin_pct = KJ_PCT_100;
		res->potongan_produktivitas_pct = KJ_PCT_100;
	}
	res->bruto = res->tetap + res->disiplin + res->produktivitas;
	ext_potongan_rp(r, p, res);
	line(res, false, -1, false, 0, true, res->bruto, "bruto");

	/* BPJS Kesehatan. */
	if (r->bpjs) {
		kj_money g = p->gaji, lo, hi, dasar;

		base_bpjs = r->bpjs_dasar == KJ_BPJS_NOMINAL ? res->basic
		                                             : res->bruto;
		lo = g < r->bpjs_batas ? g : r->bpjs_batas;
		hi = g + base_bpjs < r->bpjs_batas ? g + base_bpjs
		                                   : r->bpjs_batas;
		dasar = hi - lo;
		if (pct_of(dasar, r->bpjs_pegawai, r->bpjs_round,
		           &res->iuran_bpjs, err) < 0 ||
		    pct_of(dasar, r->bpjs_pemda, r->bpjs_round,
		           &res->bpjs_pemda, err) < 0)
			return -1;
		line(res, false, -1, false, 0, true, dasar,
		     "dasar BPJS (gaji + TPP sampai batas, dikurangi gaji)");
		line(res, false, -1, true, r->bpjs_pegawai, true,
		     res->iuran_bpjs, "iuran BPJS pegawai");
		line(res, false, -1, true, r->bpjs_pemda, true, res->bpjs_pemda,
		     "BPJS dibayar pemda");
	}

	/* PPh 21. */
	if (r->pph == KJ_PPH_FLAT) {
		if (p->golongan < 0) {
			kj_err_set(err, "", 0, 0, "PPh 21 flat needs a golongan "
			           "(I to IV, or status pppk)");
			return -1;
		}
		if (pct_of(res->bruto, r->pph_tarif[p->golongan], r->pph_round,
		           &res->pph21, err) < 0)
			return -1;
		if (r->pph_payer == KJ_PPH_APBD)
			res->tunjangan_pph = res->pph21;
		line(res, false, -1, true, r->pph_tarif[p->golongan], true,
		     res->pph21, "PPh 21 tarif golongan%s",
		     r->pph_payer == KJ_PPH_APBD ? " (ditanggung APBD)" : "");
	}

	if (r->pph == KJ_PPH_TER) {
		int cat = p->ptkp < 0 ? 0 : p->ptkp;
		kj_money all = p->gaji + res->bruto, on_all, on_gaji;
		kj_pct ra, rg = kj_tpp_ter_rate(cat, p->gaji);

		/* dasar_bpjs_pemda: the Pemda's 4 % is paid for the
		 * employee and counts in the TER bruto (tpp.md §8 q8); the
		 * amount as computed above, before the cap at the TPP
		 * received below (which depends on this tax).  The
		 * tunjangan PPh stays out (no gross-up). */
		if (r->pph_bpjs_pemda) {
			all += res->bpjs_pemda;
			line(res, false, -1, false, 0, true, all,
			     "dasar PPh 21 TER (gaji + TPP + BPJS pemda)");
		}
		ra = kj_tpp_ter_rate(cat, all);
		if (pct_of(all, ra, r->pph_round, &on_all, err) < 0 ||
		    pct_of(p->gaji, rg, r->pph_round, &on_gaji, err) < 0)
			return -1;
		res->pph21 = on_all > on_gaji ? on_all - on_gaji : 0;
		if (r->pph_payer == KJ_PPH_APBD)
			res->tunjangan_pph = res->pph21;
		line(res, false, -1, true, ra, true, on_all,
		     "PPh 21 TER %c atas gaji + TPP%s", "ABC"[cat],
		     r->pph_bpjs_pemda ? " + BPJS pemda" : "");
		line(res, false, -1, true, rg, true, -on_gaji,
		     "PPh 21 TER %c atas gaji saja", "ABC"[cat]);
		line(res, false, -1, false, 0, true, res->pph21,
		     "PPh 21 atas TPP%s",
		     r->pph_payer == KJ_PPH_APBD ? " (ditanggung APBD)" : "");
	}

	res->netto = res->bruto + res->tunjangan_pph - res->pph21;
	/* TER on gaji + TPP less TER on gaji alone can exceed a small TPP
	 * when the sum crosses into a higher rate: nothing is paid then, and
	 * no negative contribution may appear in its place. */
	if (res->netto < 0)
		res->netto = 0;
	if (res->iuran_bpjs > res->netto) {
		/* The employee's share is capped at what is received (Kota
		 * Pekalongan, Balangan); the Pemda's share follows it in
		 * proportion ("BPJS 4 % dibayar Pemda = 4 x BPJS 1 %"), so a
		 * forfeited TPP under a nominal base costs no contribution. */
		res->iuran_bpjs = res->netto;
		if (kj_money_muldiv(res->iuran_bpjs, r->bpjs_pemda,
		                    r->bpjs_pegawai, r->bpjs_round,
		                    &res->bpjs_pemda, err) < 0)
			return -1;
		line(res, false, -1, false, 0, true, res->iuran_bpjs,
		     "iuran BPJS dibatasi TPP yang diterima");
		line(res, false, -1, false, 0, true, res->bpjs_pemda,
		     "BPJS pemda menurut iuran yang dibatasi");
	}
	res->netto -= res->iuran_bpjs;
	line(res, false, -1, false, 0, true, res->netto, "netto");
	return 0;
}

size_t kj_tpp_rincian(const kj_tpp_result *res, char *buf, size_t n)
{
	size_t len = 0;
	char num[KJ_NUM_BUFSZ];

	if (n)
		buf[0] = '\0';
	for (size_t i = 0; i < res->nlines; i++) {
		const kj_tpp_line *l = &res->lines[i];
		char one[KJ_TPP_RULE_LEN + 64];
		int m;

		if (!l->in_rincian)
			continue;
		if (l->has_pct)
			kj_pct_format(l->pct, num, sizeof num);
		if (l->count >= 0 && l->has_pct)
			m = snprintf(one, sizeof one, "%s\xc3\x97%d=%s%%",
			             l->rule, l->count, num);
		else if (l->has_pct)
			m = snprintf(one, sizeof one, "%s=%s%%", l->rule, num);
		else if (l->count >= 0)
			m = snprintf(one, sizeof one, "%s\xc3\x97%d", l->rule,
			             l->count);
		else
			m = snprintf(one, sizeof one, "%s", l->rule);
		if (m < 0)
			continue;
		if (len && len + 2 < n) {
			memcpy(buf + len, "; ", 3);
		}
		if (len)
			len += 2;
		if (len + (size_t)m < n)
			memcpy(buf + len, one, (size_t)m + 1);
		len += (size_t)m;
	}
	return len;
}
