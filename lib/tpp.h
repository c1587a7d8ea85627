/*
 * tpp: the TPP of one employee for one month, from a rule set
 * (tpp_rules.h), the employee's master data, the attendance counts of
 * absen.tsv and the kinerja row.  Pure arithmetic on structs: no I/O.
 *
 * The order of the calculation, per component (see kinerja-formats(5)):
 *
 *   1. amount: jabatan override, else OPD override, else the kelas table;
 *      with Plt/Plh (plt_hari >= min_hari): plus setingkat % of the Plt
 *      job's kelas amount when plt_kelas <= kelas, or lebih_tinggi % of it
 *      instead of the own amount when plt_kelas > kelas (never less than
 *      the own amount);
 *   2. pagu = amount x status % x keterangan % (the lowest keterangan),
 *      rounded once by the component's rule;
 *   3. scaled components: disiplin pagu = pagu x porsi disiplin (rounded),
 *      produktivitas pagu = pagu - disiplin pagu;
 *   4. disiplin deduction % = TL/PSW bands x counts + TK % x days + leave %
 *      x days, 100 % from tk_gugur_disiplin days, capped at maks; taken of
 *      the disiplin pagu (dasar porsi) or of the whole pagu (dasar total,
 *      what exceeds the disiplin part comes off produktivitas);
 *   5. produktivitas paid = produktivitas pagu x predikat % (rounded);
 *   6. December with desember_penuh: no deduction, 100 % paid; TK days >=
 *      tk_gugur_tpp: nothing at all.
 *
 * Proration (prorata, hari_aktif of hari_bulan) multiplies the amount in
 * step 2, before the one rounding; an employee out of service the whole
 * month gets 0.  Produktivitas by capaian: the band capaian_pct falls
 * in, or capaian_pct itself capped at 100 % without bands.
 *
 * The extension keys (kinerja-formats(5)) fit in as follows: a long
 * leave (faktor.cuti_panjang), a status code and a failed precondition
 * (syarat) are factors of step 2 taken with the keterangan (the lowest
 * applies), and a long leave pays every component as if not scaled;
 * apel days and escalated band % join the sum of step 4;
 * produktivitas.kurang_hadir cuts the produktivitas part to porsi /
 * porsi produktivitas (rounded) and produktivitas.sakip pays a share of
 * it at the OPD's SAKIP score, in step 5; potongan_rp comes off bruto.
 *
 * Then bruto = sum (less potongan_rp); BPJS on min(gaji + TPP, batas) - min(gaji, batas);
 * PPh 21 flat % of bruto by golongan, or TER(gaji + bruto) x (gaji + bruto)
 * - TER(gaji) x gaji; netto = bruto + tunjangan PPh - PPh
 * - iuran BPJS, never negative.
 */
#ifndef KJ_TPP_H
#define KJ_TPP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "money.h"
#include "tpp_rules.h"

typedef struct kj_tpp_pegawai {
	const char *jabatan, *opd;   /* for overrides; may be NULL */
	int kelas;                   /* 1..17 */
	enum kj_status status;
	unsigned ket;                /* bits 1u << enum kj_ket, active ones */
	int hukdis_bulan;            /* month of the hukdis (1 = first); 0 unknown */
	int plt_kelas;               /* 0: none */
	int plt_hari;                /* -1: unknown */
	kj_money gaji;               /* 0 when unknown */
	int golongan;                /* 0..3 for I..IV, 4 for PPPK, -1 unknown */
	int ptkp;                    /* TER category 0 A, 1 B, 2 C; -1 unknown (A) */
	/* Proration (kj_tpp_prorata): days in service of hari_bulan; both 0
	 * for a whole month. */
	int hari_aktif, hari_bulan;
	/* Optional inputs of the rule-set extensions; all zero: none. */
	int cuti_panjang;            /* 1 + enum kj_cuti of a long leave; 0 */
	int cuti_bulan;              /* month of that leave, 1 = first */
	const char *kode_status;     /* kode_status column; NULL or "" none */
	int lhkpn;                   /* 0 not wajib/unknown, 1 ya, 2 tidak */
	int aset;                    /* 0 unknown, 1 ya, 2 tidak */
	bool has_sakip;              /* sakip_pct given */
	kj_pct sakip;                /* the OPD's SAKIP score, % */
	kj_money potongan_rp[KJ_RP_N]; /* cuti_rp, hukdis_rp, tgr_rp */
} kj_tpp_pegawai;

typedef struct kj_tpp_absen {
	bool present;                /* false: no row in absen.tsv */
	int hari_kerja;
	int tl[KJ_TPP_BANDS], psw[KJ_TPP_BANDS];
	int tk;
	int cuti[KJ_CUTI_N];
	int tidak_apel;              /* days absent from apel (optional) */
	bool has_masuk;              /* masuk known (hadir column present) */
	int masuk;                   /* days at work: hadir + lupa_absen +
	                              * dinas_luar */
} kj_tpp_absen;

typedef struct kj_tpp_kinerja {
	bool present;                /* false: no row in kinerja.tsv */
	bool skp, lapor;             /* skp=ada, lapor=ya */
	int predikat;                /* enum kj_predikat, -1 none */
	bool has_capaian;            /* capaian_pct given */
	kj_pct capaian;              /* capaian_pct, 0 or more */
} kj_tpp_kinerja;

#define KJ_TPP_MAX_LINES 64
#define KJ_TPP_RULE_LEN 96

/* One line of the explanation: what rule, how many, which %, how much. */
typedef struct kj_tpp_line {
	char rule[KJ_TPP_RULE_LEN];
	int count;                   /* -1: none */
	kj_pct pct;                  /* meaningful when has_pct */
	bool has_pct;
	bool in_rincian;             /* a reason for the rincian column */
	kj_money rp;                 /* meaningful when has_rp */
	bool has_rp;
} kj_tpp_line;

typedef struct kj_tpp_result {
	kj_money basic;              /* sum of pagu after factors and Plt */
	kj_money tetap;              /* components not scaled */
	kj_money disiplin_pagu, produktivitas_pagu;
	kj_pct potongan_disiplin_pct, potongan_produktivitas_pct;
	kj_money disiplin, produktivitas;
	kj_money bruto, tunjangan_pph, pph21, iuran_bpjs, bpjs_pemda, netto;
	kj_money potongan_rp;        /* Rupiah deductions taken off bruto */
	bool detail;                 /* all lines, not only the rincian */
	size_t nlines;
	kj_tpp_line lines[KJ_TPP_MAX_LINES];
} kj_tpp_result;

/* flags of kj_tpp_calc: every explanation line (pagu, rounding, BPJS,
 * PPh, netto), not only the reasons that make up the rincian. */
#define KJ_TPP_DETAIL 1u

/*
 * Compute res for month (1..12).  0, or -1 with err filled (an amount too
 * large, a kelas outside 1..17, PPh flat without a golongan).
 */
int kj_tpp_calc(const kj_tpp_rules *r, int month, const kj_tpp_pegawai *p,
                const kj_tpp_absen *a, const kj_tpp_kinerja *k,
                unsigned flags, kj_tpp_result *res, kj_err *err);

/* No tmt or tmt_keluar. */
#define KJ_TPP_NO_DATE INT32_MIN

/*
 * The days of year-month an employee serves under the rule set's
 * prorata: from tmt (first day in service) to the day before tmt_keluar
 * (the first day out), either KJ_TPP_NO_DATE.  *aktif of *bulan days,
 * calendar days or Monday-Friday working days (holidays are not known
 * here); both 0 when the month is served whole or the rule set does not
 * prorate.
 */
void kj_tpp_prorata(const kj_tpp_rules *r, int year, int month, int32_t tmt,
                    int32_t keluar, int *aktif, int *bulan);

/* The rincian text: the reasons joined by "; " ("TL2×3=3%; ..."). */
size_t kj_tpp_rincian(const kj_tpp_result *res, char *buf, size_t n);

/*
 * Golongan group for PPh flat: "I/a".."IV/e" give 0..3 by the Roman
 * part; status pppk gives 4.  -1 for an empty or unknown golongan.
 */
int kj_tpp_golongan(enum kj_status st, const char *gol, size_t len);

/* TER category of a PTKP status: TK/0 TK/1 K/0 -> 0 (A); TK/2 TK/3 K/1
 * K/2 -> 1 (B); K/3 -> 2 (C); -1 otherwise. */
int kj_tpp_ptkp_category(const char *s, size_t len);
/* The monthly TER rate of category cat (0..2) for a monthly bruto. */
kj_pct kj_tpp_ter_rate(int cat, kj_money bruto);

#endif
