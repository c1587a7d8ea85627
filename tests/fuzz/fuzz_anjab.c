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
 *   - every kelas from evjab is 1..17 and its points map back to it.
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
		check_findings(&r);
		check_rows(&r, modes[m]);
		kj_abk_result_free(&r);
		free(bez);
	}
	kj_anjab_free(&s);
	return 0;
}
