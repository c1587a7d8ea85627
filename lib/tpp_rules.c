/*
 * tpp_rules: load and check a TPP rule set (see tpp_rules.h and the
 * "TPP rule set" section of kinerja-formats(5)).
 */
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "period.h"
#include "tpp_rules.h"
#include "yaml.h"

const char *const kj_predikat_words[KJ_PRED_N] = {
	"sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"
};
const char *const kj_ket_words[KJ_KET_N] = {
	"tugas_belajar", "cltn", "mpp", "hukdis_ringan", "hukdis_sedang",
	"hukdis_berat"
};
const char *const kj_cuti_words[KJ_CUTI_N] = {
	"cuti_tahunan", "cuti_sakit", "cuti_besar", "cuti_melahirkan",
	"cuti_alasan_penting", "cltn"
};
const char *const kj_status_words[KJ_ST_N] = { "pns", "cpns", "pppk" };
const char *const kj_tpp_rp_words[KJ_RP_N] = {
	"cuti_rp", "hukdis_rp", "tgr_rp"
};

static const char *const component_words[] = {
	"beban_kerja", "prestasi_kerja", "kondisi_kerja", "tempat_bertugas",
	"kelangkaan_profesi", "pertimbangan_objektif", "tpp"
};
#define NCOMPONENT_WORDS ((int)(sizeof component_words / sizeof *component_words))

static const char *const pph_keys[5] = { "I", "II", "III", "IV", "pppk" };

int kj_tpp_word(const char *const *words, int n, const char *s, size_t len)
{
	for (int i = 0; i < n; i++)
		if (strlen(words[i]) == len && memcmp(words[i], s, len) == 0)
			return i;
	return -1;
}

/* A percent 0..100 with at most 4 decimals; 1 when absent. */
static int get_pct(const kj_yfile *f, const kj_ynode *map, const char *key,
                   kj_pct *out, kj_err *err)
{
	return kj_y_decimal(f, kj_y_get(map, key), KJ_PCT_DIGITS, 0,
	                    KJ_PCT_100, out, err);
}

static int need_pct(const kj_yfile *f, const kj_ynode *map, const char *key,
                    kj_pct *out, kj_err *err)
{
	const kj_ynode *n = kj_y_need(f, map, key, err);

	if (!n)
		return -1;
	return kj_y_decimal(f, n, KJ_PCT_DIGITS, 0, KJ_PCT_100, out, err);
}

static int get_money(const kj_yfile *f, const kj_ynode *n, kj_money *out,
                     kj_err *err)
{
	return kj_y_int(f, n, 0, INT64_C(10000000000), out, err);
}

/* An enum word out of words; 1 when absent. */
static int get_word(const kj_yfile *f, const kj_ynode *n,
                    const char *const *words, int nwords, int *out,
                    kj_err *err)
{
	const char *s;
	int rc = kj_y_str(f, n, &s, err), i;
	char list[256] = "";

	if (rc != 0)
		return rc;
	i = kj_tpp_word(words, nwords, s, strlen(s));
	if (i >= 0) {
		*out = i;
		return 0;
	}
	for (int k = 0; k < nwords; k++) {
		if (k)
			strncat(list, ", ", sizeof list - strlen(list) - 1);
		strncat(list, words[k], sizeof list - strlen(list) - 1);
	}
	kj_y_err(err, f, n, "unknown word '%s' (expected one of: %s)", s, list);
	return -1;
}

static int get_round(const kj_yfile *f, const kj_ynode *n, enum kj_round *out,
                     kj_err *err)
{
	static const char *const w[] = { "half_up", "floor" };
	int i, rc = get_word(f, n, w, 2, &i, err);

	if (rc == 0)
		*out = i == 0 ? KJ_ROUND_HALF_UP : KJ_ROUND_FLOOR;
	return rc;
}

static int get_bool(const kj_yfile *f, const kj_ynode *map, const char *key,
                    bool *out, kj_err *err)
{
	return kj_y_bool(f, kj_y_get(map, key), out, err);
}

static int load_overrides(const kj_yfile *f, const kj_ynode *n,
                          struct kj_tpp_override **out, size_t *nout,
                          kj_err *err)
{
	const kj_ynode *vals;

	if (!n || kj_y_is_null(n))
		return 0;
	if (kj_y_map(f, n, err) < 0)
		return -1;
	vals = kj_y_vals(n);
	*out = kj_xcalloc(n->len ? n->len : 1, sizeof **out);
	*nout = n->len;
	for (uint32_t i = 0; i < n->len; i++) {
		(*out)[i].key = kj_xstrdup(n->keys[i].str);
		if (kj_y_need(f, n, n->keys[i].str, err) == NULL ||
		    get_money(f, &vals[i], &(*out)[i].amount, err) < 0)
			return -1;
	}
	return 0;
}

static int load_component(const kj_yfile *f, const kj_ynode *m,
                          struct kj_tpp_component *c, kj_err *err)
{
	static const char *const keys[] = {
		"nama", "dinilai", "pembulatan", "kelas", "jabatan", "opd", NULL
	};
	const kj_ynode *n, *kelas, *vals;
	int w;
	bool seen[KJ_TPP_KELAS_MAX + 1] = { false };

	if (kj_y_map(f, m, err) < 0 || kj_y_check_keys(f, m, keys, err) < 0)
		return -1;
	if (!(n = kj_y_need(f, m, "nama", err)) ||
	    get_word(f, n, component_words, NCOMPONENT_WORDS, &w, err) < 0)
		return -1;
	c->name = kj_xstrdup(component_words[w]);
	c->scaled = true;
	if (get_bool(f, m, "dinilai", &c->scaled, err) < 0)
		return -1;
	c->round = KJ_ROUND_HALF_UP;
	if (get_round(f, kj_y_get(m, "pembulatan"), &c->round, err) < 0)
		return -1;
	if (!(kelas = kj_y_need(f, m, "kelas", err)) ||
	    kj_y_map(f, kelas, err) < 0)
		return -1;
	vals = kj_y_vals(kelas);
	for (uint32_t i = 0; i < kelas->len; i++) {
		int64_t k;

		if (kj_y_int(f, &kelas->keys[i], 1, KJ_TPP_KELAS_MAX, &k,
		             err) != 0) {
			if (err->msg[0] == '\0')
				kj_y_err(err, f, &kelas->keys[i],
				         "expected a kelas 1 to 17");
			return -1;
		}
		if (kj_y_is_null(&vals[i])) {
			kj_y_err(err, f, &kelas->keys[i],
			         "kelas %d has no amount (write 0 if the "
			         "kelas gets nothing)", (int)k);
			return -1;
		}
		if (seen[k]) {
			kj_y_err(err, f, &kelas->keys[i],
			         "kelas %d given twice", (int)k);
			return -1;
		}
		seen[k] = true;
		if (get_money(f, &vals[i], &c->kelas[k], err) < 0)
			return -1;
	}
	for (int k = 1; k <= KJ_TPP_KELAS_MAX; k++)
		if (!seen[k]) {
			kj_y_err(err, f, kelas,
			         "kelas %d missing (every kelas 1 to 17 needs "
			         "an amount; write 0 if it gets nothing)", k);
			return -1;
		}
	if (load_overrides(f, kj_y_get(m, "jabatan"), &c->jabatan,
	                   &c->njabatan, err) < 0 ||
	    load_overrides(f, kj_y_get(m, "opd"), &c->opd, &c->nopd, err) < 0)
		return -1;
	return 0;
}

/* Escalation rows {kali, pct} of a band: kali from 2, ascending. */
static int load_eskalasi(const kj_yfile *f, const kj_ynode *seq,
                         struct kj_tpp_band *b, kj_err *err)
{
	static const char *const keys[] = { "kali", "pct", NULL };

	if (!seq || kj_y_is_null(seq))
		return 0;
	if (kj_y_seq(f, seq, err) < 0)
		return -1;
	if (seq->len == 0 || seq->len > KJ_TPP_MAX_ESKALASI) {
		kj_y_err(err, f, seq, "expected 1 to %d escalation rows, found "
		         "%u", KJ_TPP_MAX_ESKALASI, (unsigned)seq->len);
		return -1;
	}
	for (uint32_t i = 0; i < seq->len; i++) {
		const kj_ynode *m = &seq->items[i], *n;
		struct kj_tpp_eskalasi *e = &b->esk[i];

		if (kj_y_map(f, m, err) < 0 ||
		    kj_y_check_keys(f, m, keys, err) < 0 ||
		    kj_y_require(f, m, keys, err) < 0)
			return -1;
		n = kj_y_get(m, "kali");
		if (kj_y_int(f, n, 2, 31, &e->kali, err) < 0 ||
		    need_pct(f, m, "pct", &e->pct, err) < 0)
			return -1;
		if (i > 0 && e->kali <= b->esk[i - 1].kali) {
			kj_y_err(err, f, n, "escalation rows must go up: kali "
			         "%lld does not follow %lld", (long long)e->kali,
			         (long long)b->esk[i - 1].kali);
			return -1;
		}
	}
	b->nesk = seq->len;
	return 0;
}

/* Four bands [dari, sampai] in whole minutes, ascending, without overlap
 * or gap; the last may be open (sampai absent). */
static int load_bands(const kj_yfile *f, const kj_ynode *map, const char *key,
                      struct kj_tpp_band *b, kj_err *err)
{
	static const char *const keys[] = {
		"dari", "sampai", "pct", "eskalasi", NULL
	};
	const kj_ynode *seq = kj_y_need(f, map, key, err);

	if (!seq || kj_y_seq(f, seq, err) < 0)
		return -1;
	if (seq->len != KJ_TPP_BANDS) {
		kj_y_err(err, f, seq, "expected %d bands (%s1 to %s4 of "
		         "absen.tsv), found %u", KJ_TPP_BANDS, key, key,
		         (unsigned)seq->len);
		return -1;
	}
	for (int i = 0; i < KJ_TPP_BANDS; i++) {
		const kj_ynode *m = &seq->items[i], *n;

		if (kj_y_map(f, m, err) < 0 ||
		    kj_y_check_keys(f, m, keys, err) < 0)
			return -1;
		if (!(n = kj_y_need(f, m, "dari", err)) ||
		    kj_y_int(f, n, 0, 1440, &b[i].from, err) < 0)
			return -1;
		b[i].to = -1;
		if (kj_y_int(f, kj_y_get(m, "sampai"), 0, 1440, &b[i].to,
		             err) < 0)
			return -1;
		if (need_pct(f, m, "pct", &b[i].pct, err) < 0 ||
		    load_eskalasi(f, kj_y_get(m, "eskalasi"), &b[i], err) < 0)
			return -1;
		if (b[i].to >= 0 && b[i].to < b[i].from) {
			kj_y_err(err, f, kj_y_get(m, "sampai"),
			         "band ends (%lld) before it starts (%lld)",
			         (long long)b[i].to, (long long)b[i].from);
			return -1;
		}
		if (i > 0) {
			if (b[i - 1].to < 0 || b[i].from <= b[i - 1].to) {
				kj_y_err(err, f, n, "%s%d overlaps %s%d "
				         "(starts at minute %lld, %s%d ends at "
				         "%lld)", key, i + 1, key, i,
				         (long long)b[i].from, key, i,
				         (long long)b[i - 1].to);
				return -1;
			}
			if (b[i].from != b[i - 1].to + 1) {
				kj_y_err(err, f, n, "gap between %s%d and "
				         "%s%d (minutes %lld to %lld belong to "
				         "no band)", key, i, key, i + 1,
				         (long long)b[i - 1].to + 1,
				         (long long)b[i].from - 1);
				return -1;
			}
		}
		if (i < KJ_TPP_BANDS - 1 && b[i].to < 0) {
			kj_y_err(err, f, m, "only the last band may be open "
			         "(no 'sampai')");
			return -1;
		}
	}
	return 0;
}

static int load_disiplin(const kj_yfile *f, const kj_ynode *m,
                         kj_tpp_rules *r, kj_err *err)
{
	static const char *const keys[] = {
		"dasar", "tl", "psw", "tk", "cuti", "maks", "tk_gugur_disiplin",
		"tk_gugur_tpp", "tanpa_absen", "apel", NULL
	};
	static const char *const dasar[] = { "porsi", "total" };
	static const char *const miss[] = { "tk", "hadir" };
	const kj_ynode *cuti;
	int w;

	if (kj_y_map(f, m, err) < 0 || kj_y_check_keys(f, m, keys, err) < 0)
		return -1;
	w = 0;
	if (get_word(f, kj_y_get(m, "dasar"), dasar, 2, &w, err) < 0)
		return -1;
	r->base = w ? KJ_BASE_TOTAL : KJ_BASE_PORSI;
	if (load_bands(f, m, "tl", r->tl, err) < 0 ||
	    load_bands(f, m, "psw", r->psw, err) < 0 ||
	    need_pct(f, m, "tk", &r->tk_pct, err) < 0)
		return -1;
	r->cap = KJ_PCT_100;
	if (get_pct(f, m, "maks", &r->cap, err) < 0 ||
	    get_pct(f, m, "apel", &r->apel_pct, err) < 0)
		return -1;
	if (kj_y_int(f, kj_y_get(m, "tk_gugur_disiplin"), 0, 31,
	             &r->tk_gugur_disiplin, err) < 0 ||
	    kj_y_int(f, kj_y_get(m, "tk_gugur_tpp"), 0, 31, &r->tk_gugur_tpp,
	             err) < 0)
		return -1;
	w = 0;
	if (get_word(f, kj_y_get(m, "tanpa_absen"), miss, 2, &w, err) < 0)
		return -1;
	r->tanpa_absen = w ? KJ_MISS_HADIR : KJ_MISS_TK;
	cuti = kj_y_get(m, "cuti");
	if (cuti && !kj_y_is_null(cuti)) {
		const char *ck[KJ_CUTI_N + 1];

		for (int i = 0; i < KJ_CUTI_N; i++)
			ck[i] = kj_cuti_words[i];
		ck[KJ_CUTI_N] = NULL;
		if (kj_y_map(f, cuti, err) < 0 ||
		    kj_y_check_keys(f, cuti, ck, err) < 0)
			return -1;
		for (int i = 0; i < KJ_CUTI_N; i++)
			if (get_pct(f, cuti, kj_cuti_words[i], &r->cuti_pct[i],
			            err) < 0)
				return -1;
	}
	return 0;
}

/* Capaian bands: {dari, pct} in descending dari, the last from 0, so
 * that every capaian_pct falls in exactly one band. */
static int load_capaian(const kj_yfile *f, const kj_ynode *seq,
                        kj_tpp_rules *r, kj_err *err)
{
	static const char *const keys[] = { "dari", "pct", NULL };

	if (kj_y_seq(f, seq, err) < 0)
		return -1;
	if (seq->len == 0 || seq->len > KJ_TPP_MAX_CAPAIAN) {
		kj_y_err(err, f, seq, "expected 1 to %d capaian bands, found %u",
		         KJ_TPP_MAX_CAPAIAN, (unsigned)seq->len);
		return -1;
	}
	for (uint32_t i = 0; i < seq->len; i++) {
		const kj_ynode *m = &seq->items[i], *n;
		struct kj_tpp_capaian_band *b = &r->capaian[i];

		if (kj_y_map(f, m, err) < 0 ||
		    kj_y_check_keys(f, m, keys, err) < 0 ||
		    kj_y_require(f, m, keys, err) < 0)
			return -1;
		n = kj_y_get(m, "dari");
		if (kj_y_decimal(f, n, KJ_PCT_DIGITS, 0, 10 * KJ_PCT_100,
		                 &b->dari, err) < 0 ||
		    need_pct(f, m, "pct", &b->pct, err) < 0)
			return -1;
		if (i > 0 && b->dari >= r->capaian[i - 1].dari) {
			kj_y_err(err, f, n, "capaian bands must go down: this "
			         "one starts at or above the band before it "
			         "(write the highest band first)");
			return -1;
		}
		if (i == seq->len - 1 && b->dari != 0) {
			kj_y_err(err, f, n, "the last capaian band must start "
			         "at 0, so that every capaian has a band");
			return -1;
		}
	}
	r->ncapaian = seq->len;
	return 0;
}

/* kurang_hadir: {hari, porsi}: fewer than hari days at work, and the
 * produktivitas part is porsi % of the pagu instead of porsi
 * produktivitas (Balangan mkd7h: 40 instead of 60 below 7 days). */
static int load_kurang_hadir(const kj_yfile *f, const kj_ynode *m,
                             kj_tpp_rules *r, kj_err *err)
{
	static const char *const keys[] = { "hari", "porsi", NULL };

	if (!m || kj_y_is_null(m))
		return 0;
	if (kj_y_map(f, m, err) < 0 || kj_y_check_keys(f, m, keys, err) < 0 ||
	    kj_y_require(f, m, keys, err) < 0 ||
	    kj_y_int(f, kj_y_get(m, "hari"), 1, 31, &r->kurang_hadir_hari,
	             err) < 0 ||
	    get_pct(f, m, "porsi", &r->kurang_hadir_porsi, err) < 0)
		return -1;
	if (r->kurang_hadir_porsi > r->porsi_produktivitas) {
		char a[KJ_NUM_BUFSZ];

		kj_pct_format(r->porsi_produktivitas, a, sizeof a);
		kj_y_err(err, f, kj_y_get(m, "porsi"), "porsi is more than "
		         "porsi produktivitas %s %%", a);
		return -1;
	}
	return 0;
}

static int load_produktivitas(const kj_yfile *f, const kj_ynode *m,
                              kj_tpp_rules *r, kj_err *err)
{
	static const char *const keys[] = {
		"dasar", "capaian", "predikat", "tanpa_skp", "tidak_lapor",
		"tanpa_kinerja", "kurang_hadir", "sakip", NULL
	};
	static const char *const dasar[] = { "predikat", "capaian" };
	const kj_ynode *p;
	int w = 0;

	/* Defaults of domain/tpp.md §4 (Balangan, template). */
	r->predikat[KJ_PRED_SANGAT_BAIK] = KJ_PCT_100;
	r->predikat[KJ_PRED_BAIK] = KJ_PCT_100;
	r->predikat[KJ_PRED_BUTUH_PERBAIKAN] = 80 * KJ_PCT_SCALE;
	r->predikat[KJ_PRED_KURANG] = 60 * KJ_PCT_SCALE;
	r->predikat[KJ_PRED_SANGAT_KURANG] = 40 * KJ_PCT_SCALE;
	if (!m || kj_y_is_null(m))
		return 0;
	if (kj_y_map(f, m, err) < 0 || kj_y_check_keys(f, m, keys, err) < 0)
		return -1;
	if (get_word(f, kj_y_get(m, "dasar"), dasar, 2, &w, err) < 0)
		return -1;
	r->prod_dasar = w ? KJ_PROD_CAPAIAN : KJ_PROD_PREDIKAT;
	p = kj_y_get(m, "capaian");
	if (p && !kj_y_is_null(p)) {
		if (r->prod_dasar != KJ_PROD_CAPAIAN) {
			kj_y_err(err, f, p, "capaian bands need 'dasar: "
			         "capaian'");
			return -1;
		}
		if (load_capaian(f, p, r, err) < 0)
			return -1;
	}
	p = kj_y_get(m, "predikat");
	if (p && !kj_y_is_null(p)) {
		const char *pk[KJ_PRED_N + 1];

		for (int i = 0; i < KJ_PRED_N; i++)
			pk[i] = kj_predikat_words[i];
		pk[KJ_PRED_N] = NULL;
		if (kj_y_map(f, p, err) < 0 ||
		    kj_y_check_keys(f, p, pk, err) < 0 ||
		    kj_y_require(f, p, pk, err) < 0)
			return -1;
		for (int i = 0; i < KJ_PRED_N; i++)
			if (get_pct(f, p, kj_predikat_words[i],
			            &r->predikat[i], err) < 0)
				return -1;
	}
	if (get_pct(f, m, "tanpa_skp", &r->tanpa_skp, err) < 0 ||
	    get_pct(f, m, "tidak_lapor", &r->tidak_lapor, err) < 0 ||
	    get_pct(f, m, "tanpa_kinerja", &r->tanpa_kinerja, err) < 0 ||
	    get_pct(f, m, "sakip", &r->sakip_porsi, err) < 0)
		return -1;
	return load_kurang_hadir(f, kj_y_get(m, "kurang_hadir"), r, err);
}

/* cuti_panjang: {jenis: [{bulan, pct}, ...]}, bulan from 1 ascending. */
static int load_cuti_panjang(const kj_yfile *f, const kj_ynode *m,
                             kj_tpp_rules *r, kj_err *err)
{
	static const char *const bk[] = { "bulan", "pct", NULL };
	const char *ck[KJ_CUTI_N + 1];
	const kj_ynode *vals;

	if (!m || kj_y_is_null(m))
		return 0;
	for (int i = 0; i < KJ_CUTI_N; i++)
		ck[i] = kj_cuti_words[i];
	ck[KJ_CUTI_N] = NULL;
	if (kj_y_map(f, m, err) < 0 || kj_y_check_keys(f, m, ck, err) < 0)
		return -1;
	vals = kj_y_vals(m);
	for (uint32_t j = 0; j < m->len; j++) {
		const kj_ynode *seq = &vals[j];
		int c = kj_tpp_word(kj_cuti_words, KJ_CUTI_N, m->keys[j].str,
		                    strlen(m->keys[j].str));

		if (kj_y_seq(f, seq, err) < 0)
			return -1;
		if (seq->len == 0 || seq->len > KJ_TPP_MAX_CUTI_BANDS) {
			kj_y_err(err, f, seq, "expected 1 to %d month bands, "
			         "found %u", KJ_TPP_MAX_CUTI_BANDS,
			         (unsigned)seq->len);
			return -1;
		}
		for (uint32_t i = 0; i < seq->len; i++) {
			const kj_ynode *b = &seq->items[i], *n;
			struct kj_tpp_bulan_band *o = &r->cuti_panjang[c][i];

			if (kj_y_map(f, b, err) < 0 ||
			    kj_y_check_keys(f, b, bk, err) < 0 ||
			    kj_y_require(f, b, bk, err) < 0)
				return -1;
			n = kj_y_get(b, "bulan");
			if (kj_y_int(f, n, 1, 600, &o->bulan, err) < 0 ||
			    need_pct(f, b, "pct", &o->pct, err) < 0)
				return -1;
			if (i == 0 && o->bulan != 1) {
				kj_y_err(err, f, n, "the first band must start "
				         "at bulan 1, so that every month of "
				         "the leave has a band");
				return -1;
			}
			if (i > 0 && o->bulan <= r->cuti_panjang[c][i - 1].bulan) {
				kj_y_err(err, f, n, "month bands must go up: "
				         "bulan %lld does not follow %lld",
				         (long long)o->bulan,
				         (long long)r->cuti_panjang[c][i - 1].bulan);
				return -1;
			}
		}
		r->ncuti_panjang[c] = seq->len;
	}
	return 0;
}

/* kode_status: {"29": 50, ...}, the % paid for a Pemda status code. */
static int load_kode(const kj_yfile *f, const kj_ynode *m, kj_tpp_rules *r,
                     kj_err *err)
{
	const kj_ynode *vals;

	if (!m || kj_y_is_null(m))
		return 0;
	if (kj_y_map(f, m, err) < 0)
		return -1;
	if (m->len > KJ_TPP_MAX_KODE) {
		kj_y_err(err, f, m, "expected at most %d status codes, found %u",
		         KJ_TPP_MAX_KODE, (unsigned)m->len);
		return -1;
	}
	vals = kj_y_vals(m);
	r->kode = kj_xcalloc(m->len ? m->len : 1, sizeof *r->kode);
	for (uint32_t i = 0; i < m->len; i++) {
		if (m->keys[i].str[0] == '\0') {
			kj_y_err(err, f, &m->keys[i], "empty status code");
			return -1;
		}
		r->kode[i].kode = kj_xstrdup(m->keys[i].str);
		r->nkode = i + 1;
		if (kj_y_decimal(f, &vals[i], KJ_PCT_DIGITS, 0, KJ_PCT_100,
		                 &r->kode[i].pct, err) < 0)
			return -1;
	}
	return 0;
}

static int load_faktor(const kj_yfile *f, const kj_ynode *m, kj_tpp_rules *r,
                       kj_err *err)
{
	static const char *const keys[] = {
		"status", "keterangan", "cuti_panjang", "kode_status", NULL
	};
	const char *sk[KJ_ST_N + 1], *kk[KJ_KET_N + 1];
	const kj_ynode *n;

	for (int i = 0; i < KJ_ST_N; i++)
		r->status[i] = KJ_PCT_100;
	r->status[KJ_ST_CPNS] = 80 * KJ_PCT_SCALE;
	for (int i = 0; i < KJ_KET_N; i++)
		r->ket[i] = KJ_PCT_100;
	if (!m || kj_y_is_null(m))
		return 0;
	if (kj_y_map(f, m, err) < 0 || kj_y_check_keys(f, m, keys, err) < 0)
		return -1;
	for (int i = 0; i < KJ_ST_N; i++)
		sk[i] = kj_status_words[i];
	sk[KJ_ST_N] = NULL;
	for (int i = 0; i < KJ_KET_N; i++)
		kk[i] = kj_ket_words[i];
	kk[KJ_KET_N] = NULL;
	n = kj_y_get(m, "status");
	if (n && !kj_y_is_null(n)) {
		if (kj_y_map(f, n, err) < 0 ||
		    kj_y_check_keys(f, n, sk, err) < 0)
			return -1;
		for (int i = 0; i < KJ_ST_N; i++)
			if (get_pct(f, n, sk[i], &r->status[i], err) < 0)
				return -1;
	}
	n = kj_y_get(m, "keterangan");
	if (n && !kj_y_is_null(n)) {
		if (kj_y_map(f, n, err) < 0 ||
		    kj_y_check_keys(f, n, kk, err) < 0)
			return -1;
		for (int i = 0; i < KJ_KET_N; i++)
			if (get_pct(f, n, kk[i], &r->ket[i], err) < 0)
				return -1;
	}
	if (load_cuti_panjang(f, kj_y_get(m, "cuti_panjang"), r, err) < 0)
		return -1;
	return load_kode(f, kj_y_get(m, "kode_status"), r, err);
}

static int load_plt(const kj_yfile *f, const kj_ynode *m, kj_tpp_rules *r,
                    kj_err *err)
{
	static const char *const keys[] = {
		"setingkat", "lebih_tinggi", "min_hari", NULL
	};
	static const char *const req[] = {
		"setingkat", "lebih_tinggi", "min_hari", NULL
	};
	const kj_ynode *n;

	if (!m || kj_y_is_null(m))
		return 0;
	if (kj_y_map(f, m, err) < 0 || kj_y_check_keys(f, m, keys, err) < 0 ||
	    kj_y_require(f, m, req, err) < 0)
		return -1;
	r->plt = true;
	if (get_pct(f, m, "setingkat", &r->plt_setingkat, err) < 0 ||
	    get_pct(f, m, "lebih_tinggi", &r->plt_lebih_tinggi, err) < 0)
		return -1;
	n = kj_y_get(m, "min_hari");
	return kj_y_int(f, n, 0, 31, &r->plt_min_hari, err) < 0 ? -1 : 0;
}

static int load_bpjs(const kj_yfile *f, const kj_ynode *m, kj_tpp_rules *r,
                     kj_err *err)
{
	static const char *const keys[] = {
		"pemberi_kerja", "pegawai", "batas", "dasar", "pembulatan", NULL
	};
	static const char *const dasar[] = { "nominal", "realisasi" };
	int w = 0;

	r->bpjs_round = KJ_ROUND_HALF_UP;
	if (!m || kj_y_is_null(m))
		return 0;
	if (kj_y_map(f, m, err) < 0 || kj_y_check_keys(f, m, keys, err) < 0 ||
	    kj_y_require(f, m, keys, err) < 0)
		return -1;
	r->bpjs = true;
	if (get_pct(f, m, "pemberi_kerja", &r->bpjs_pemda, err) < 0 ||
	    get_pct(f, m, "pegawai", &r->bpjs_pegawai, err) < 0 ||
	    get_money(f, kj_y_get(m, "batas"), &r->bpjs_batas, err) < 0 ||
	    get_word(f, kj_y_get(m, "dasar"), dasar, 2, &w, err) < 0 ||
	    get_round(f, kj_y_get(m, "pembulatan"), &r->bpjs_round, err) < 0)
		return -1;
	r->bpjs_dasar = w ? KJ_BPJS_REALISASI : KJ_BPJS_NOMINAL;
	return 0;
}

static int load_pph(const kj_yfile *f, const kj_ynode *m, kj_tpp_rules *r,
                    kj_err *err)
{
	static const char *const keys[] = {
		"model", "tarif", "ditanggung", "pembulatan",
		"dasar_bpjs_pemda", NULL
	};
	static const char *const models[] = { "none", "flat", "ter" };
	static const char *const payer[] = { "pegawai", "apbd" };
	const kj_ynode *n;
	int w = 0;

	r->pph = KJ_PPH_NONE;
	r->pph_round = KJ_ROUND_HALF_UP;
	if (!m || kj_y_is_null(m))
		return 0;
	if (kj_y_map(f, m, err) < 0 || kj_y_check_keys(f, m, keys, err) < 0)
		return -1;
	if (!(n = kj_y_need(f, m, "model", err)) ||
	    get_word(f, n, models, 3, &w, err) < 0)
		return -1;
	r->pph = w == 2 ? KJ_PPH_TER : w ? KJ_PPH_FLAT : KJ_PPH_NONE;
	w = 0;
	if (get_word(f, kj_y_get(m, "ditanggung"), payer, 2, &w, err) < 0 ||
	    get_round(f, kj_y_get(m, "pembulatan"), &r->pph_round, err) < 0)
		return -1;
	r->pph_payer = w ? KJ_PPH_APBD : KJ_PPH_PEGAWAI;
	n = kj_y_get(m, "tarif");
	if (r->pph == KJ_PPH_FLAT) {
		const char *req[6];

		for (int i = 0; i < 5; i++)
			req[i] = pph_keys[i];
		req[5] = NULL;
		if (!(n = kj_y_need(f, m, "tarif", err)) ||
		    kj_y_map(f, n, err) < 0 ||
		    kj_y_check_keys(f, n, req, err) < 0 ||
		    kj_y_require(f, n, req, err) < 0)
			return -1;
		for (int i = 0; i < 5; i++)
			if (get_pct(f, n, pph_keys[i], &r->pph_tarif[i],
			            err) < 0)
				return -1;
	} else if (n) {
		kj_y_err(err, f, n, "'tarif' is only for model flat (TER "
		         "takes its rates from PP 58/2023)");
		return -1;
	}
	/* Whether the Pemda's BPJS 4 % is in the TER base: tpp.md §8 q8
	 * leaves it open; false (Balangan) unless said. */
	n = kj_y_get(m, "dasar_bpjs_pemda");
	if (kj_y_bool(f, n, &r->pph_bpjs_pemda, err) < 0)
		return -1;
	if (n && r->pph != KJ_PPH_TER) {
		kj_y_err(err, f, n, "'dasar_bpjs_pemda' is only for model ter "
		         "(the base of the TER rate)");
		return -1;
	}
	if (r->pph_bpjs_pemda && !r->bpjs) {
		kj_y_err(err, f, n, "'dasar_bpjs_pemda' needs a bpjs mapping "
		         "(without it the Pemda pays no BPJS to add)");
		return -1;
	}
	return 0;
}

/* syarat: {skp, lhkpn, lhkpn_dari_bulan, aset}: the % of the pagu paid
 * when a precondition fails (Balangan: 0, the TPP is not computed). */
static int load_syarat(const kj_yfile *f, const kj_ynode *m, kj_tpp_rules *r,
                       kj_err *err)
{
	static const char *const keys[] = {
		"skp", "lhkpn", "lhkpn_dari_bulan", "aset", NULL
	};
	const kj_ynode *n;

	if (!m || kj_y_is_null(m))
		return 0;
	if (kj_y_map(f, m, err) < 0 || kj_y_check_keys(f, m, keys, err) < 0)
		return -1;
	r->syarat_skp = kj_y_get(m, "skp") != NULL;
	r->syarat_lhkpn = kj_y_get(m, "lhkpn") != NULL;
	r->syarat_aset = kj_y_get(m, "aset") != NULL;
	r->syarat_lhkpn_dari = 1;
	if (get_pct(f, m, "skp", &r->syarat_skp_pct, err) < 0 ||
	    get_pct(f, m, "lhkpn", &r->syarat_lhkpn_pct, err) < 0 ||
	    get_pct(f, m, "aset", &r->syarat_aset_pct, err) < 0 ||
	    kj_y_int(f, n = kj_y_get(m, "lhkpn_dari_bulan"), 1, 12,
	             &r->syarat_lhkpn_dari, err) < 0)
		return -1;
	if (n && !r->syarat_lhkpn) {
		kj_y_err(err, f, n, "lhkpn_dari_bulan without lhkpn");
		return -1;
	}
	return 0;
}

/* potongan_rp: a list of Rupiah columns of pegawai.tsv deducted from the
 * TPP (Brebes cuti_rp, hukdis_rp, tgr_rp). */
static int load_potongan_rp(const kj_yfile *f, const kj_ynode *seq,
                            kj_tpp_rules *r, kj_err *err)
{
	if (!seq || kj_y_is_null(seq))
		return 0;
	if (kj_y_seq(f, seq, err) < 0)
		return -1;
	for (uint32_t i = 0; i < seq->len; i++) {
		int w;

		if (get_word(f, &seq->items[i], kj_tpp_rp_words, KJ_RP_N, &w,
		             err) < 0)
			return -1;
		if (r->potongan_rp[w]) {
			kj_y_err(err, f, &seq->items[i], "'%s' given twice",
			         kj_tpp_rp_words[w]);
			return -1;
		}
		r->potongan_rp[w] = true;
	}
	return 0;
}

static int load_doc(const kj_yfile *f, const kj_ynode *root, kj_tpp_rules *r,
                    kj_err *err)
{
	static const char *const keys[] = {
		"perkada", "berlaku", "komponen", "porsi", "disiplin",
		"produktivitas", "faktor", "plt", "desember_penuh", "prorata",
		"bpjs", "pph21", "syarat", "potongan_rp", NULL
	};
	static const char *const prorata[] = {
		"tidak", "kalender", "hari_kerja"
	};
	int w;
	static const char *const porsi_keys[] = {
		"disiplin", "produktivitas", NULL
	};
	const kj_ynode *n, *comp;
	const char *s;
	kj_period p;
	kj_err perr;

	if (kj_y_map(f, root, err) < 0 ||
	    kj_y_check_keys(f, root, keys, err) < 0)
		return -1;
	if (!(n = kj_y_need(f, root, "perkada", err)) ||
	    kj_y_str(f, n, &s, err) < 0)
		return -1;
	r->perkada = kj_xstrdup(s);
	if (!(n = kj_y_need(f, root, "berlaku", err)) ||
	    kj_y_str(f, n, &s, err) < 0)
		return -1;
	if (kj_period_parse(s, strlen(s), &p, &perr) < 0 ||
	    p.kind != KJ_PERIOD_MONTH) {
		kj_y_err(err, f, n, "expected a month such as 2026-01, found "
		         "'%s'", s);
		return -1;
	}
	r->berlaku_year = p.year;
	r->berlaku_month = p.n;

	if (!(comp = kj_y_need(f, root, "komponen", err)) ||
	    kj_y_seq(f, comp, err) < 0)
		return -1;
	if (comp->len == 0 || comp->len > KJ_TPP_MAX_COMPONENTS) {
		kj_y_err(err, f, comp, "expected 1 to %d components, found %u",
		         KJ_TPP_MAX_COMPONENTS, (unsigned)comp->len);
		return -1;
	}
	for (uint32_t i = 0; i < comp->len; i++) {
		if (load_component(f, &comp->items[i], &r->comp[i], err) < 0) {
			r->ncomp = i + 1;
			return -1;
		}
		r->ncomp = i + 1;
		for (uint32_t j = 0; j < i; j++)
			if (strcmp(r->comp[j].name, r->comp[i].name) == 0) {
				kj_y_err(err, f, &comp->items[i],
				         "component '%s' given twice",
				         r->comp[i].name);
				return -1;
			}
	}

	r->porsi_disiplin = 40 * KJ_PCT_SCALE;
	r->porsi_produktivitas = 60 * KJ_PCT_SCALE;
	n = kj_y_get(root, "porsi");
	if (n && !kj_y_is_null(n)) {
		if (kj_y_map(f, n, err) < 0 ||
		    kj_y_check_keys(f, n, porsi_keys, err) < 0 ||
		    kj_y_require(f, n, porsi_keys, err) < 0 ||
		    get_pct(f, n, "disiplin", &r->porsi_disiplin, err) < 0 ||
		    get_pct(f, n, "produktivitas", &r->porsi_produktivitas,
		            err) < 0)
			return -1;
		if (r->porsi_disiplin + r->porsi_produktivitas != KJ_PCT_100) {
			char a[KJ_NUM_BUFSZ], b[KJ_NUM_BUFSZ];

			kj_pct_format(r->porsi_disiplin, a, sizeof a);
			kj_pct_format(r->porsi_produktivitas, b, sizeof b);
			kj_y_err(err, f, n, "disiplin %s %% + produktivitas "
			         "%s %% must add up to 100 %%", a, b);
			return -1;
		}
	}
	if (!(n = kj_y_need(f, root, "disiplin", err)) ||
	    load_disiplin(f, n, r, err) < 0 ||
	    load_produktivitas(f, kj_y_get(root, "produktivitas"), r,
	                       err) < 0 ||
	    load_faktor(f, kj_y_get(root, "faktor"), r, err) < 0 ||
	    load_plt(f, kj_y_get(root, "plt"), r, err) < 0 ||
	    get_bool(f, root, "desember_penuh", &r->desember_penuh, err) < 0 ||
	    load_bpjs(f, kj_y_get(root, "bpjs"), r, err) < 0 ||
	    load_pph(f, kj_y_get(root, "pph21"), r, err) < 0)
		return -1;
	w = 0;
	if (get_word(f, kj_y_get(root, "prorata"), prorata, 3, &w, err) < 0)
		return -1;
	r->prorata = (enum kj_prorata)w;
	if (load_syarat(f, kj_y_get(root, "syarat"), r, err) < 0)
		return -1;
	return load_potongan_rp(f, kj_y_get(root, "potongan_rp"), r, err);
}

static kj_tpp_rules *load_file(kj_yfile *f, kj_err *err)
{
	kj_tpp_rules *r;

	if (!f)
		return NULL;
	if (f->ndocs != 1) {
		kj_err_set(err, f->name, 1, 0, "expected one rule set "
		           "document, found %zu", f->ndocs);
		kj_yfree(f);
		return NULL;
	}
	r = kj_xcalloc(1, sizeof *r);
	memset(err, 0, sizeof *err);
	if (load_doc(f, &f->docs[0], r, err) < 0) {
		kj_tpp_rules_free(r);
		r = NULL;
	}
	kj_yfree(f);
	return r;
}

kj_tpp_rules *kj_tpp_rules_load(const char *path, kj_err *err)
{
	return load_file(kj_yload_path(path, err), err);
}

kj_tpp_rules *kj_tpp_rules_load_mem(const char *name, const char *text,
                                    kj_err *err)
{
	return load_file(kj_yload_mem(name, text, strlen(text), err), err);
}

void kj_tpp_rules_free(kj_tpp_rules *r)
{
	if (!r)
		return;
	free(r->perkada);
	for (size_t i = 0; i < r->nkode; i++)
		free(r->kode[i].kode);
	free(r->kode);
	for (size_t i = 0; i < r->ncomp; i++) {
		struct kj_tpp_component *c = &r->comp[i];

		free(c->name);
		for (size_t j = 0; j < c->njabatan; j++)
			free(c->jabatan[j].key);
		for (size_t j = 0; j < c->nopd; j++)
			free(c->opd[j].key);
		free(c->jabatan);
		free(c->opd);
	}
	free(r);
}
