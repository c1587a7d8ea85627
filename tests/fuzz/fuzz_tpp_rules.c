/*
 * libFuzzer target for the TPP rule set loader (lib/tpp_rules.c over
 * lib/yaml.c) and the calculation that follows it (lib/tpp.c).
 *
 * The loader takes a path or a NUL-terminated text.  Each input is loaded
 * with kj_tpp_rules_load_mem from a NUL-terminated copy; an input holding
 * a NUL byte, a gzip input and one input in 8 (chosen by content, so a
 * crash reproduces) are also written to a memfd and loaded by its
 * /proc/self/fd path with kj_tpp_rules_load, so that every byte reaches
 * the loader.  Unless the input is gzip or holds a NUL, the two must agree
 * (both fail with the same message at the same place, or both load the
 * same rules).
 *
 * On failure the error must carry a message and a position >= 0.  On
 * success the target checks what the loader promises (1..8 components,
 * porsi adding up to 100 %, percentages within 0..100 %, bands in order)
 * and computes kj_tpp_calc for a handful of fixed employees (kelas 1, 9
 * and 17; PNS, CPNS, PPPK; TL/PSW/TK/leave counts; Plt; hukdis; no absen
 * or kinerja row; an override by jabatan/OPD of the file) in November and
 * December, with and without KJ_TPP_DETAIL, checking:
 *   netto >= 0, 0 <= disiplin <= disiplin_pagu,
 *   0 <= produktivitas <= produktivitas_pagu,
 *   bruto = tetap + disiplin + produktivitas (tpp.h),
 *   the deduction percentages within 0..100 %,
 *   every explanation line NUL-terminated, at most KJ_TPP_MAX_LINES,
 *   only rincian lines without KJ_TPP_DETAIL,
 *   kj_tpp_rincian NUL-terminated, of the length it returns, and a
 *   prefix of itself when cut short.
 * A refusal of kj_tpp_calc must fill the message.
 *
 * iuran_bpjs >= 0 is checked too (a fixed bug); FUZZ_TPP_LAX=1 in the
 * environment leaves that check out, to fuzz an old library.
 *
 * Build and run (see the Makefile's fuzz and test-fuzz targets):
 *   make fuzz
 *   build/fuzz/fuzz_tpp_rules -max_len=8192 /tmp/scratch \
 *       tests/fuzz/corpus/tpp_rules
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "tpp.h"
#include "tpp_rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_input.h"

static int strict = -1;

static void check_err(const kj_err *e)
{
	CHECK(e->msg[0] != '\0');
	CHECK(memchr(e->msg, '\0', sizeof e->msg) != NULL);
	CHECK(memchr(e->file, '\0', sizeof e->file) != NULL);
	CHECK(e->line >= 0 && e->col >= 0);
	CHECK(e->status == KJ_EXIT_USAGE || e->status == KJ_EXIT_INTERNAL);
}

static bool pct_ok(kj_pct p)
{
	return p >= 0 && p <= KJ_PCT_100;
}

/* What the loader promises about a rule set it accepts. */
static void check_rules(const kj_tpp_rules *r)
{
	CHECK(r->perkada != NULL);
	CHECK(r->berlaku_month >= 1 && r->berlaku_month <= 12);
	CHECK(r->ncomp >= 1 && r->ncomp <= KJ_TPP_MAX_COMPONENTS);
	for (size_t i = 0; i < r->ncomp; i++) {
		const struct kj_tpp_component *c = &r->comp[i];

		CHECK(c->name != NULL && c->name[0] != '\0');
		for (size_t j = 0; j < i; j++)
			CHECK(strcmp(r->comp[j].name, c->name) != 0);
		for (int k = 1; k <= KJ_TPP_KELAS_MAX; k++)
			CHECK(c->kelas[k] >= 0);
		for (size_t j = 0; j < c->njabatan; j++)
			CHECK(c->jabatan[j].key && c->jabatan[j].amount >= 0);
		for (size_t j = 0; j < c->nopd; j++)
			CHECK(c->opd[j].key && c->opd[j].amount >= 0);
	}
	CHECK(pct_ok(r->porsi_disiplin) && pct_ok(r->porsi_produktivitas));
	CHECK(r->porsi_disiplin + r->porsi_produktivitas == KJ_PCT_100);
	for (int i = 0; i < KJ_TPP_BANDS; i++) {
		CHECK(pct_ok(r->tl[i].pct) && pct_ok(r->psw[i].pct));
		CHECK(r->tl[i].from >= 0 && r->psw[i].from >= 0);
		if (i < KJ_TPP_BANDS - 1)
			CHECK(r->tl[i].to >= r->tl[i].from &&
			      r->psw[i].to >= r->psw[i].from);
		if (i > 0)
			CHECK(r->tl[i].from == r->tl[i - 1].to + 1 &&
			      r->psw[i].from == r->psw[i - 1].to + 1);
	}
	CHECK(pct_ok(r->tk_pct) && pct_ok(r->cap));
	for (int i = 0; i < KJ_CUTI_N; i++)
		CHECK(pct_ok(r->cuti_pct[i]));
	for (int i = 0; i < KJ_PRED_N; i++)
		CHECK(pct_ok(r->predikat[i]));
	CHECK(pct_ok(r->tanpa_skp) && pct_ok(r->tidak_lapor) &&
	      pct_ok(r->tanpa_kinerja));
	for (int i = 0; i < KJ_ST_N; i++)
		CHECK(pct_ok(r->status[i]));
	for (int i = 0; i < KJ_KET_N; i++)
		CHECK(pct_ok(r->ket[i]));
	CHECK(pct_ok(r->plt_setingkat) && pct_ok(r->plt_lebih_tinggi));
	CHECK(r->tk_gugur_disiplin >= 0 && r->tk_gugur_tpp >= 0);
	CHECK(pct_ok(r->bpjs_pemda) && pct_ok(r->bpjs_pegawai));
	CHECK(r->bpjs_batas >= 0);
	for (int i = 0; i < 5; i++)
		CHECK(pct_ok(r->pph_tarif[i]));
}

/* Both loads of one input gave rules: the same rules. */
static void same_rules(const kj_tpp_rules *a, const kj_tpp_rules *b)
{
	CHECK(strcmp(a->perkada, b->perkada) == 0);
	CHECK(a->berlaku_year == b->berlaku_year &&
	      a->berlaku_month == b->berlaku_month);
	CHECK(a->ncomp == b->ncomp);
	for (size_t i = 0; i < a->ncomp; i++) {
		CHECK(strcmp(a->comp[i].name, b->comp[i].name) == 0);
		CHECK(memcmp(a->comp[i].kelas, b->comp[i].kelas,
		             sizeof a->comp[i].kelas) == 0);
		CHECK(a->comp[i].njabatan == b->comp[i].njabatan &&
		      a->comp[i].nopd == b->comp[i].nopd);
	}
	CHECK(a->porsi_disiplin == b->porsi_disiplin);
	CHECK(memcmp(a->tl, b->tl, sizeof a->tl) == 0);
	CHECK(memcmp(a->psw, b->psw, sizeof a->psw) == 0);
	CHECK(a->tk_pct == b->tk_pct && a->cap == b->cap);
	CHECK(a->pph == b->pph && a->bpjs == b->bpjs);
}

struct emp {
	kj_tpp_pegawai p;
	kj_tpp_absen a;
	kj_tpp_kinerja k;
};

static void employees(const kj_tpp_rules *r, struct emp *e, size_t *n)
{
	const char *jab = NULL, *opd = NULL;
	size_t m = 0;

	/* an override of the file, when it has one */
	for (size_t i = 0; i < r->ncomp; i++) {
		if (!jab && r->comp[i].njabatan)
			jab = r->comp[i].jabatan[0].key;
		if (!opd && r->comp[i].nopd)
			opd = r->comp[i].opd[0].key;
	}
	memset(e, 0, 8 * sizeof *e);

	/* 1: kelas 1 PNS, full attendance, predikat baik */
	e[m].p = (kj_tpp_pegawai){ .kelas = 1, .status = KJ_ST_PNS,
		.plt_hari = -1, .gaji = 2100000, .golongan = 0, .ptkp = 0,
		.hari_aktif = 15, .hari_bulan = 30 };
	e[m].a = (kj_tpp_absen){ .present = true, .hari_kerja = 21 };
	e[m++].k = (kj_tpp_kinerja){ true, true, true, KJ_PRED_BAIK, true,
	                             875000 };

	/* 2: kelas 9 PNS with TL/PSW/TK/leave, Plt higher, a jabatan
	 * override, butuh perbaikan */
	e[m].p = (kj_tpp_pegawai){ .jabatan = jab, .opd = "DINKES",
		.kelas = 9, .status = KJ_ST_PNS, .plt_kelas = 12,
		.plt_hari = 25, .gaji = 4800000, .golongan = 2, .ptkp = 1 };
	e[m].a = (kj_tpp_absen){ .present = true, .hari_kerja = 21,
		.tl = { 3, 1, 0, 2 }, .psw = { 1, 0, 1, 0 }, .tk = 2,
		.cuti = { 1, 0, 2, 0, 1, 0 } };
	e[m++].k = (kj_tpp_kinerja){ true, true, true,
	                             KJ_PRED_BUTUH_PERBAIKAN, true, 1000000 };

	/* 3: kelas 17 CPNS, hukdis sedang, many TK days (gugur) */
	e[m].p = (kj_tpp_pegawai){ .opd = opd, .kelas = 17,
		.status = KJ_ST_CPNS,
		.ket = 1u << KJ_KET_HUKDIS_SEDANG | 1u << KJ_KET_MPP,
		.hukdis_bulan = 2, .plt_hari = -1, .gaji = 6200000,
		.golongan = 3, .ptkp = 2 };
	e[m].a = (kj_tpp_absen){ .present = true, .hari_kerja = 21,
		.tl = { 0, 0, 0, 21 }, .psw = { 0, 0, 0, 21 }, .tk = 12,
		.cuti = { 0, 3, 0, 0, 0, 2 } };
	e[m++].k = (kj_tpp_kinerja){ true, true, false, KJ_PRED_KURANG, true,
	                             420000 };

	/* 4: kelas 9 CPNS, no absen row, no kinerja row, Plt setingkat
	 * with too few days */
	e[m].p = (kj_tpp_pegawai){ .kelas = 9, .status = KJ_ST_CPNS,
		.plt_kelas = 9, .plt_hari = 3, .gaji = 0, .golongan = 1,
		.ptkp = -1 };
	e[m].a = (kj_tpp_absen){ .present = false };
	e[m++].k = (kj_tpp_kinerja){ false, false, false, -1, true, 0 };

	/* 5: kelas 1 PPPK, no SKP, Plt setingkat */
	e[m].p = (kj_tpp_pegawai){ .kelas = 1, .status = KJ_ST_PPPK,
		.plt_kelas = 1, .plt_hari = 31, .gaji = 5400000,
		.golongan = 4, .ptkp = 0 };
	e[m].a = (kj_tpp_absen){ .present = true, .hari_kerja = 22,
		.tk = 1 };
	e[m++].k = (kj_tpp_kinerja){ true, false, false, KJ_PRED_SANGAT_BAIK,
	                             true, 1100000 };

	/* 6: kelas 17 PNS, tugas belajar, no predikat, high gaji */
	e[m].p = (kj_tpp_pegawai){ .kelas = 17, .status = KJ_ST_PNS,
		.ket = 1u << KJ_KET_TUGAS_BELAJAR, .plt_hari = -1,
		.gaji = 25000000, .golongan = 3, .ptkp = 1 };
	e[m].a = (kj_tpp_absen){ .present = true, .hari_kerja = 20,
		.tl = { 1, 1, 1, 1 }, .psw = { 1, 1, 1, 1 } };
	e[m++].k = (kj_tpp_kinerja){ true, true, true, -1, true, 950000 };

	/* 7: no golongan (PPh flat refuses it) */
	e[m].p = (kj_tpp_pegawai){ .kelas = 9, .status = KJ_ST_PNS,
		.plt_hari = -1, .gaji = 3000000, .golongan = -1, .ptkp = -1 };
	e[m].a = (kj_tpp_absen){ .present = true, .hari_kerja = 21 };
	e[m++].k = (kj_tpp_kinerja){ true, true, true,
	                             KJ_PRED_SANGAT_KURANG, true, 0 };
	*n = m;
}

static void check_result(const kj_tpp_result *res, unsigned flags)
{
	static char big[KJ_TPP_MAX_LINES * (KJ_TPP_RULE_LEN + 64) + 1];
	char small[24];
	size_t len, slen;

	CHECK(res->netto >= 0);
	CHECK(res->disiplin >= 0 && res->disiplin <= res->disiplin_pagu);
	CHECK(res->produktivitas >= 0 &&
	      res->produktivitas <= res->produktivitas_pagu);
	CHECK(res->bruto == res->tetap + res->disiplin + res->produktivitas);
	CHECK(res->tetap >= 0 && res->tetap <= res->basic);
	CHECK(res->tetap + res->disiplin_pagu + res->produktivitas_pagu <=
	      res->basic);
	CHECK(pct_ok(res->potongan_disiplin_pct));
	CHECK(pct_ok(res->potongan_produktivitas_pct));
	CHECK(res->pph21 >= 0 && res->tunjangan_pph >= 0);
	CHECK(res->tunjangan_pph == 0 || res->tunjangan_pph == res->pph21);
	CHECK(res->bpjs_pemda >= 0);
	if (strict)
		CHECK(res->iuran_bpjs >= 0);
	CHECK(res->detail == ((flags & KJ_TPP_DETAIL) != 0));
	CHECK(res->nlines <= KJ_TPP_MAX_LINES);
	for (size_t i = 0; i < res->nlines; i++) {
		const kj_tpp_line *l = &res->lines[i];

		CHECK(memchr(l->rule, '\0', sizeof l->rule) != NULL);
		if (!(flags & KJ_TPP_DETAIL))
			CHECK(l->in_rincian);
		CHECK(l->count >= -1);
	}
	len = kj_tpp_rincian(res, big, sizeof big);
	CHECK(len < sizeof big);
	CHECK(strlen(big) == len);
	slen = kj_tpp_rincian(res, small, sizeof small);
	CHECK(slen == len);
	CHECK(strlen(small) < sizeof small);
	CHECK(memcmp(small, big, strlen(small)) == 0);
	CHECK(kj_tpp_rincian(res, small, 0) == len);
}

static void calc_all(const kj_tpp_rules *r)
{
	static kj_tpp_result res;
	static const int months[] = { 11, 12 };
	struct emp e[8];
	size_t n;

	employees(r, e, &n);
	for (size_t i = 0; i < n; i++)
		for (size_t m = 0; m < 2; m++)
			for (unsigned flags = 0; flags <= KJ_TPP_DETAIL;
			     flags++) {
				kj_err err;

				memset(&err, 0, sizeof err);
				if (kj_tpp_calc(r, months[m], &e[i].p, &e[i].a,
				                &e[i].k, flags, &res,
				                &err) < 0) {
					CHECK(err.msg[0] != '\0');
					CHECK(memchr(err.msg, '\0',
					             sizeof err.msg));
					if (e[i].p.golongan >= 0)
						CHECK(r->pph != KJ_PPH_FLAT ||
						      strstr(err.msg,
						             "golongan") == NULL);
					continue;
				}
				if (r->pph == KJ_PPH_FLAT)
					CHECK(e[i].p.golongan >= 0);
				check_result(&res, flags);
			}
	/* A kelas outside 1..17 is refused, not read out of bounds. */
	{
		kj_err err;

		e[0].p.kelas = 18;
		memset(&err, 0, sizeof err);
		CHECK(kj_tpp_calc(r, 11, &e[0].p, &e[0].a, &e[0].k, 0, &res,
		                  &err) < 0);
		CHECK(err.msg[0] != '\0');
	}
}

static bool want_file(const uint8_t *data, size_t size, bool gz, bool nul)
{
	unsigned sum = 0;

	for (size_t i = 0; i < size; i++)
		sum += data[i];
	return gz || nul || sum % 8 == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kj_err em, ef;
	kj_tpp_rules *rm, *rf = NULL;
	char *text;
	bool gz = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
	bool nul = memchr(data, '\0', size) != NULL;

	if (strict < 0)
		strict = getenv("FUZZ_TPP_LAX") == NULL; /* the negative-netto bug is fixed */
	text = malloc(size + 1);
	CHECK(text != NULL);
	memcpy(text, data, size);
	text[size] = '\0';
	memset(&em, 0, sizeof em);
	rm = kj_tpp_rules_load_mem("fuzz.yaml", text, &em);
	free(text);
	if (!rm)
		check_err(&em);

	if (want_file(data, size, gz, nul)) {
		set_content(data, size);
		memset(&ef, 0, sizeof ef);
		rf = kj_tpp_rules_load(in_path, &ef);
		if (!rf)
			check_err(&ef);
		if (!gz && !nul) {
			CHECK(!rm == !rf);
			if (!rm) {
				CHECK(strcmp(em.msg, ef.msg) == 0);
				CHECK(em.line == ef.line && em.col == ef.col);
				CHECK(em.status == ef.status);
			} else {
				same_rules(rm, rf);
			}
		}
	}
	if (rm) {
		check_rules(rm);
		calc_all(rm);
	}
	if (rf && (gz || nul)) {
		check_rules(rf);
		calc_all(rf);
	}
	kj_tpp_rules_free(rm);
	kj_tpp_rules_free(rf);
	return 0;
}
