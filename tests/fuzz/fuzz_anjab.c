/*
 * libFuzzer target for the ANJAB loader (lib/anjab.c over lib/yaml.c)
 * and everything anjab-validate computes on what loads (lib/abk.c).
 *
 * Each input is loaded from memory as one file of ANJAB documents.  On
 * failure the error must carry a message and status 2 or 3.  On success
 * the whole rule catalogue runs under each rounding rule, and the target
 * checks what must hold whatever the input:
 *   - every finding has a rule id A01-A13 or B01-B10 and a message;
 *   - findings are sorted by line and column;
 *   - every computed row: beban >= 0, kebutuhan_hitung is beban / WKE to
 *     the hundredth, ceil >= half-up >= floor, EJ -1 or >= 0 with a PJ
 *     that matches its band, selisih = bezetting - kebutuhan;
 *   - every kelas from evjab is 1..17 and its points map back to it;
 *   - checking one document at a time as it streams by (kj_anjab_each_mem,
 *     kj_abk_add, kj_abk_finish) loads the same and finds the same, in
 *     the same order, as kj_abk_run on the loaded set.
 *
 * Build and run:
 *   make fuzz
 *   build/fuzz/fuzz_anjab -max_len=8192 /tmp/scratch tests/fuzz/corpus/anjab
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "abk.h"
#include "anjab.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_rows(const kj_abk_result *r, int mode)
{
	static const char pj[] = "EDCBA";

	for (size_t i = 0; i < r->nrows; i++) {
		const kj_abk_row *w = &r->rows[i];

		if (!w->ok)
			continue;
		if (w->beban < 0 || w->hitung < 0 || w->kebutuhan < 0)
			abort();
		if (w->hitung != kj_abk_hitung(w->beban, 1250))
			abort();
		if (w->kind == KJ_ROW_JABATAN && w->kebutuhan != 1 &&
		    w->kebutuhan != kj_abk_kebutuhan(w->beban, 1250, mode))
			abort();
		if (w->has_bez && w->selisih != w->bezetting - w->kebutuhan)
			abort();
		if (w->ej < -1 || (w->ej == -1) != (w->pj == 0))
			abort();
		if (w->ej >= 0) {
			int band = w->ej > 100 ? 4 : w->ej >= 90 ? 3 :
			           w->ej >= 70 ? 2 : w->ej >= 50 ? 1 : 0;

			if (w->pj != pj[band])
				abort();
		}
		if (w->kelas_evjab &&
		    (w->kelas_evjab < 1 || w->kelas_evjab > 17 ||
		     kj_evjab_kelas(w->nilai_evjab) != w->kelas_evjab))
			abort();
	}
	if (kj_abk_kebutuhan(123456789, 1250, KJ_BULAT_CEIL) <
	    kj_abk_kebutuhan(123456789, 1250, KJ_BULAT_HALF_UP))
		abort();
}

static void check_findings(const kj_abk_result *r)
{
	for (size_t i = 0; i < r->nf; i++) {
		const kj_finding *f = &r->f[i];
		int n = atoi(f->rule + 1);

		if ((f->rule[0] != 'A' && f->rule[0] != 'B') || n < 1 ||
		    (f->rule[0] == 'A' && n > 13) ||
		    (f->rule[0] == 'B' && n > 10) || !f->msg[0])
			abort();
		if (i > 0 && (f->line < r->f[i - 1].line ||
		              (f->line == r->f[i - 1].line &&
		               f->col < r->f[i - 1].col)))
			abort();
	}
}

static void on_doc(void *arg, const kj_jabatan *j, const kj_anj_rekap *q)
{
	if (j)
		kj_abk_add(arg, j);
	else
		kj_abk_add_rekap(arg, q);
}

/* The streaming path against r, the result of kj_abk_run. */
static void check_streaming(const uint8_t *data, size_t size, int loaded,
                            const kj_abk_opts *o, const int64_t *bez,
                            const kj_abk_result *r)
{
	static const kj_abk_opts def = { 1250, KJ_BULAT_HALF_UP };
	kj_abk *a = kj_abk_new(o ? o : &def);
	kj_abk_result r2;
	kj_err err;
	int rc = kj_anjab_each_mem("fuzz.yaml", data, size, 0, on_doc, a,
	                           &err);

	if ((rc == 0) != (loaded == 0))
		abort();
	if (rc == 0) {
		kj_abk_finish(a, bez, &r2);
		if (r2.nf != r->nf || r2.nrows != r->nrows)
			abort();
		for (size_t i = 0; i < r->nf; i++)
			if (strcmp(r->f[i].msg, r2.f[i].msg) != 0 ||
			    r->f[i].line != r2.f[i].line ||
			    r->f[i].col != r2.f[i].col)
				abort();
		for (size_t i = 0; i < r->nrows; i++)
			if (r->rows[i].beban != r2.rows[i].beban ||
			    r->rows[i].ej != r2.rows[i].ej)
				abort();
		kj_abk_result_free(&r2);
	}
	kj_abk_free(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kj_anjab_set s;
	kj_err err;
	static const int modes[] = {
		KJ_BULAT_HALF_UP, KJ_BULAT_CEIL, KJ_BULAT_FLOOR
	};

	memset(&s, 0, sizeof s);
	if (kj_anjab_load_mem(&s, "fuzz.yaml", data, size, &err) < 0) {
		if (!err.msg[0] || (err.status != 2 && err.status != 3))
			abort();
		kj_anjab_free(&s);
		check_streaming(data, size, -1, NULL, NULL, NULL);
		return 0;
	}
	for (size_t m = 0; m < 3; m++) {
		kj_abk_opts o = { 1250, modes[m] };
		kj_abk_result r;
		int64_t *bez = NULL;

		if (m == 2) {
			bez = calloc(s.njab + 1, sizeof *bez);
			if (!bez)
				abort();
			for (size_t i = 0; i < s.njab; i++)
				bez[i] = (int64_t)(i % 3);
		}
		kj_abk_run(&s, &o, bez, &r);
		if (m != 1)
			check_streaming(data, size, 0, &o, bez, &r);
		check_findings(&r);
		check_rows(&r, modes[m]);
		kj_abk_result_free(&r);
		free(bez);
	}
	kj_anjab_free(&s);
	return 0;
}
