/*
 * tpp_rules: the TPP rule set of one Perkada, loaded from YAML and checked
 * strictly (unknown keys, missing keys, a kelas missing, bands that overlap
 * or leave a gap, a percent over 100, a split that does not add up to
 * 100 %): every error names file:line:col.  The keys are documented in
 * kinerja-formats(5), section "TPP rule set".
 *
 * Money is int64 Rupiah, percentages kj_pct (1/10000 %).  The structure
 * holds pointers into nothing: every text is copied, so the YAML tree is
 * freed by the loader.
 */
#ifndef KJ_TPP_RULES_H
#define KJ_TPP_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "money.h"

#define KJ_TPP_KELAS_MAX 17
#define KJ_TPP_BANDS 4            /* TL1..TL4, PSW1..PSW4 of absen.tsv */
#define KJ_TPP_MAX_COMPONENTS 8

/* Predikat of kinerja.tsv, in order. */
enum kj_predikat {
	KJ_PRED_SANGAT_BAIK,
	KJ_PRED_BAIK,
	KJ_PRED_BUTUH_PERBAIKAN,
	KJ_PRED_KURANG,
	KJ_PRED_SANGAT_KURANG,
	KJ_PRED_N
};
extern const char *const kj_predikat_words[KJ_PRED_N];

/* Keterangan of pegawai.tsv. */
enum kj_ket {
	KJ_KET_TUGAS_BELAJAR,
	KJ_KET_CLTN,
	KJ_KET_MPP,
	KJ_KET_HUKDIS_RINGAN,
	KJ_KET_HUKDIS_SEDANG,
	KJ_KET_HUKDIS_BERAT,
	KJ_KET_N
};
extern const char *const kj_ket_words[KJ_KET_N];

/* Leave columns of absen.tsv that can carry a deduction per day. */
enum kj_cuti {
	KJ_CUTI_TAHUNAN,
	KJ_CUTI_SAKIT,
	KJ_CUTI_BESAR,
	KJ_CUTI_MELAHIRKAN,
	KJ_CUTI_ALASAN_PENTING,
	KJ_CUTI_CLTN,
	KJ_CUTI_N
};
extern const char *const kj_cuti_words[KJ_CUTI_N];

enum kj_status { KJ_ST_PNS, KJ_ST_CPNS, KJ_ST_PPPK, KJ_ST_N };
extern const char *const kj_status_words[KJ_ST_N];

struct kj_tpp_override {
	char *key;              /* jabatan name or OPD code */
	kj_money amount;
};

struct kj_tpp_component {
	char *name;                          /* beban_kerja, ..., tpp */
	bool scaled;                         /* dinilai: by disiplin/produktivitas */
	enum kj_round round;
	kj_money kelas[KJ_TPP_KELAS_MAX + 1]; /* [1..17] */
	struct kj_tpp_override *jabatan, *opd;
	size_t njabatan, nopd;
};

enum kj_tpp_base { KJ_BASE_PORSI, KJ_BASE_TOTAL };
enum kj_tpp_missing_absen { KJ_MISS_TK, KJ_MISS_HADIR };
enum kj_bpjs_base { KJ_BPJS_NOMINAL, KJ_BPJS_REALISASI };
enum kj_pph_model { KJ_PPH_NONE, KJ_PPH_FLAT, KJ_PPH_TER };
enum kj_pph_payer { KJ_PPH_PEGAWAI, KJ_PPH_APBD };
/* Proration of a month served in part (tmt, tmt_keluar of pegawai.tsv). */
enum kj_prorata { KJ_PRORATA_NONE, KJ_PRORATA_KALENDER, KJ_PRORATA_HARI_KERJA };
/* What the produktivitas % paid is read from. */
enum kj_prod_dasar { KJ_PROD_PREDIKAT, KJ_PROD_CAPAIAN };

#define KJ_TPP_MAX_CAPAIAN 16

/* capaian_pct >= dari: pct paid (bands in descending dari, the last 0). */
struct kj_tpp_capaian_band {
	kj_pct dari, pct;
};

#define KJ_TPP_MAX_ESKALASI 8

/* Escalation by frequency (Kota Pekalongan tb_kode_presensi rows
 * (minimal, pot)): from the kali-th occurrence in the month, every
 * occurrence of the band counts pct instead. */
struct kj_tpp_eskalasi {
	int64_t kali;
	kj_pct pct;
};

struct kj_tpp_band {
	int64_t from, to;       /* minutes, to = -1: open */
	kj_pct pct;             /* per occurrence */
	struct kj_tpp_eskalasi esk[KJ_TPP_MAX_ESKALASI]; /* ascending kali */
	size_t nesk;
};

/* Month bands of a long leave (Balangan k40/k20/k100): from the
 * bulan-th month of the leave, pct of the pagu is paid. */
#define KJ_TPP_MAX_CUTI_BANDS 8
struct kj_tpp_bulan_band {
	int64_t bulan;
	kj_pct pct;
};

/* Rupiah deductions read from pegawai.tsv (Brebes). */
enum kj_tpp_rp { KJ_RP_CUTI, KJ_RP_HUKDIS, KJ_RP_TGR, KJ_RP_N };
extern const char *const kj_tpp_rp_words[KJ_RP_N];

#define KJ_TPP_MAX_KODE 16
struct kj_tpp_kode {
	char *kode;             /* kode_status of pegawai.tsv */
	kj_pct pct;             /* paid */
};

typedef struct kj_tpp_rules {
	char *perkada;          /* identity, echoed */
	int berlaku_year, berlaku_month;

	struct kj_tpp_component comp[KJ_TPP_MAX_COMPONENTS];
	size_t ncomp;

	kj_pct porsi_disiplin, porsi_produktivitas;  /* add up to 100 % */

	/* disiplin */
	enum kj_tpp_base base;
	struct kj_tpp_band tl[KJ_TPP_BANDS], psw[KJ_TPP_BANDS];
	kj_pct tk_pct;                  /* per day */
	kj_pct cuti_pct[KJ_CUTI_N];     /* per day, default 0 */
	kj_pct cap;                     /* monthly cap, default 100 % */
	int64_t tk_gugur_disiplin;      /* 0: never */
	int64_t tk_gugur_tpp;           /* 0: never */
	enum kj_tpp_missing_absen tanpa_absen;

	/* produktivitas: % paid */
	enum kj_prod_dasar prod_dasar;
	/* dasar capaian: the bands; none: capaian_pct itself, capped at
	 * 100 % (Kota Pekalongan's 100 - poin_kinerja cut). */
	struct kj_tpp_capaian_band capaian[KJ_TPP_MAX_CAPAIAN];
	size_t ncapaian;
	kj_pct predikat[KJ_PRED_N];
	kj_pct tanpa_skp, tidak_lapor, tanpa_kinerja;

	/* factors: % paid */
	kj_pct status[KJ_ST_N];
	kj_pct ket[KJ_KET_N];

	/* Plt/Plh */
	bool plt;
	kj_pct plt_setingkat;           /* % of the Plt job's TPP added */
	kj_pct plt_lebih_tinggi;        /* % of the Plt job's TPP instead */
	int64_t plt_min_hari;

	bool desember_penuh;
	enum kj_prorata prorata;

	/* BPJS Kesehatan */
	bool bpjs;
	kj_pct bpjs_pemda, bpjs_pegawai;
	kj_money bpjs_batas;
	enum kj_bpjs_base bpjs_dasar;
	enum kj_round bpjs_round;

	/* PPh 21 */
	enum kj_pph_model pph;
	kj_pct pph_tarif[5];            /* I, II, III, IV, pppk */
	enum kj_pph_payer pph_payer;
	enum kj_round pph_round;
	/* pph21.dasar_bpjs_pemda (model ter only): the Pemda's BPJS share
	 * is part of the TER base (gaji + bruto + bpjs_pemda); false, the
	 * default, is Balangan's gaji + bruto (tpp.md §8 q8). */
	bool pph_bpjs_pemda;

	/*
	 * Extensions for the rules of domain/tpp.md §6 that the keys above
	 * cannot say (kinerja-formats(5), "TPP rule set"); each is inactive
	 * at its zero value.
	 */
	kj_pct apel_pct;                /* disiplin.apel: per tidak_apel day */
	int64_t kurang_hadir_hari;      /* produktivitas.kurang_hadir.hari */
	kj_pct kurang_hadir_porsi;      /* ... .porsi (of the pagu) */
	kj_pct sakip_porsi;             /* produktivitas.sakip: share */
	struct kj_tpp_bulan_band cuti_panjang[KJ_CUTI_N][KJ_TPP_MAX_CUTI_BANDS];
	size_t ncuti_panjang[KJ_CUTI_N];
	struct kj_tpp_kode *kode;       /* faktor.kode_status */
	size_t nkode;
	bool syarat_skp, syarat_lhkpn, syarat_aset;
	kj_pct syarat_skp_pct, syarat_lhkpn_pct, syarat_aset_pct;
	int64_t syarat_lhkpn_dari;      /* month 1..12 from which it counts */
	bool potongan_rp[KJ_RP_N];      /* columns deducted from the TPP */
} kj_tpp_rules;

/*
 * Load and check a rule set from path ("-" is standard input).  NULL and
 * err filled (file:line:col, status 2) on failure.
 */
kj_tpp_rules *kj_tpp_rules_load(const char *path, kj_err *err);
/* The same from memory (tests); name is used in messages. */
kj_tpp_rules *kj_tpp_rules_load_mem(const char *name, const char *text,
                                    kj_err *err);
void kj_tpp_rules_free(kj_tpp_rules *r);

/* Index of word in words[0..n) (exact, lower-case enum word), or -1. */
int kj_tpp_word(const char *const *words, int n, const char *s, size_t len);

#endif
