/*
 * libFuzzer target for the schedule loader (lib/jadwal.c over lib/yaml.c)
 * and the day classification that follows it (lib/absen.c).
 *
 * Each input is a jadwal.yaml loaded from memory (kj_yload_mem, then
 * kj_jadwal_load on the loaded file, so every byte reaches the loader).
 * On failure the error must carry a message and a position >= 0
 * (FUZZ_JADWAL_LAX=1 tolerates an empty one, the old bug in check_err).
 * On success the target does what absen-rekap does next:
 *   - checks every schedule: a name that kj_jadwal_find finds again;
 *   - picks the schedule of a few OPD/unit codes (fixed ones and the first
 *     codes written under 'penugasan') and checks kj_jadwal_assign gives
 *     an existing schedule;
 *   - asks kj_jadwal_day for every date of 2026-02 and 2026-11 and checks
 *     the day: a day off is all zero; a working day ends after it starts,
 *     its windows are ordered (masuk_buka <= mulai <= batas <= selesai <=
 *     pulang_tutup) and its tolerance is within 0..240 minutes;
 *   - classifies each day with no punch (tk), with punches at the start and
 *     the end (on time and hadir), with one punch, with late punches and
 *     with leave, accumulating a month, and checks the counts add up;
 *   - checks the TL/PSW bands: a lateness of band[k] minutes is band k+1,
 *     one second less is band k.
 *
 * Build and run (see the Makefile's fuzz and test-fuzz targets):
 *   make fuzz
 *   build/fuzz/fuzz_jadwal -max_len=8192 /tmp/scratch tests/fuzz/corpus/jadwal
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "absen.h"
#include "jadwal.h"
#include "period.h"
#include "yaml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                        \
	do {                                                               \
		if (!(cond)) {                                             \
			fprintf(stderr, "fuzz_jadwal: %s:%d: check failed: %s\n", \
			        __FILE__, __LINE__, #cond);                \
			abort();                                           \
		}                                                          \
	} while (0)

static int strict = -1;

/* loader: the error is kj_jadwal_load's (see the known bug below). */
static void check_err(const kj_err *e, int loader)
{
	/*
	 * A fixed bug: kj_jadwal_load failed without a message (and without
	 * a place) on a null where a mapping or a text is needed
	 * ("jadwal: {x: }", "penugasan: [~]", ...): lib/jadwal.c took the 1
	 * (null) of kj_y_map / kj_y_str for an error.  Checked by default;
	 * FUZZ_JADWAL_LAX=1 tolerates it (to fuzz an old library).
	 */
	if (loader && !strict && e->msg[0] == '\0') {
		CHECK(e->line == 0 && e->col == 0);
		return;
	}
	CHECK(e->msg[0] != '\0');
	CHECK(memchr(e->msg, '\0', sizeof e->msg) != NULL);
	CHECK(memchr(e->file, '\0', sizeof e->file) != NULL);
	CHECK(e->line >= 0 && e->col >= 0);
	CHECK(e->status == KJ_EXIT_USAGE || e->status == KJ_EXIT_INTERNAL);
}

#define MAX_CODES 12

struct code {
	const char *opd, *unit;
};

/* The first few opd/unit texts written under 'penugasan', so that the
 * lookups can hit the assignments of the input and not only fixed codes. */
static size_t file_codes(const kj_yfile *f, struct code *c, size_t n,
                         size_t max)
{
	const kj_ynode *seq;

	if (f->ndocs != 1 || f->docs[0].kind != KJ_Y_MAP)
		return n;
	seq = kj_y_get(&f->docs[0], "penugasan");
	if (!seq || seq->kind != KJ_Y_SEQ)
		return n;
	for (size_t i = 0; i < seq->len && n < max; i++) {
		for (int u = 0; u < 2 && n < max; u++) {
			const kj_ynode *v = kj_y_get(&seq->items[i],
			                             u ? "unit" : "opd");
			const kj_ynode *it;
			size_t cnt;

			if (!v)
				continue;
			if (v->kind == KJ_Y_SCALAR) {
				it = v;
				cnt = 1;
			} else if (v->kind == KJ_Y_SEQ) {
				it = v->items;
				cnt = v->len;
			} else {
				continue;
			}
			for (size_t k = 0; k < cnt && k < 2 && n < max; k++) {
				if (it[k].kind != KJ_Y_SCALAR)
					continue;
				c[n].opd = u ? "X" : it[k].str;
				c[n].unit = u ? it[k].str : NULL;
				n++;
			}
		}
	}
	return n;
}

static void check_day(const kj_hari *h)
{
	if (!h->kerja) {
		CHECK(h->mulai == 0 && h->selesai == 0 && h->toleransi == 0 &&
		      h->masuk_buka == 0 && h->batas == 0 &&
		      h->pulang_tutup == 0);
		return;
	}
	CHECK(h->mulai >= 0 && h->mulai < 86400);
	CHECK(h->selesai > h->mulai && h->selesai <= 2 * 86400);
	CHECK(h->toleransi >= 0 && h->toleransi <= 240 * 60);
	CHECK(h->masuk_buka <= h->mulai);
	CHECK(h->mulai <= h->batas && h->batas <= h->selesai);
	CHECK(h->selesai <= h->pulang_tutup);
}

static void check_classified(const kj_hari *h, const kj_absen_day *d)
{
	CHECK(d->kerja == (h->kerja ? 1 : 0));
	CHECK(d->tl >= 0 && d->tl <= KJ_BANDS);
	CHECK(d->psw >= 0 && d->psw <= KJ_BANDS);
	CHECK(d->hadir == 0 || d->hadir == 1);
	CHECK(d->tk == 0 || d->tk == 1);
	CHECK(d->lupa_absen == 0 || d->lupa_absen == 1);
	CHECK(d->izin >= 0 && d->izin < KJ_IZIN_COUNT);
	if (!h->kerja)
		CHECK(!d->hadir && !d->tk && !d->tl && !d->psw &&
		      !d->lupa_absen && !d->izin);
	if (d->tk || d->izin)
		CHECK(!d->hadir && !d->tl && !d->psw && !d->lupa_absen);
}

/* One employee-month of schedule sched: five ways to spend each day. */
static void month(const kj_jadwal *j, size_t sched, int y, int m)
{
	const kj_aturan *a = kj_jadwal_aturan(j);
	kj_absen_month mon;
	int kerja = 0, tk = 0, izin = 0;

	memset(&mon, 0, sizeof mon);
	for (int dd = 1; dd <= kj_days_in_month(y, m); dd++) {
		kj_date d;
		kj_hari h;
		kj_punches p;
		kj_absen_day out;
		const char *hol;
		int way = dd % 5;

		CHECK(kj_date_from_ymd(y, m, dd, &d) == 0);
		kj_jadwal_day(j, sched, d, &h);
		check_day(&h);
		hol = kj_jadwal_holiday(j, d);
		if (hol)
			CHECK(strlen(hol) < 1u << 20);
		kerja += h.kerja;

		kj_punches_reset(&p);
		if (way == 1) {
			/* on time: at the start and at the end */
			kj_punches_add(&h, h.mulai, &p);
			kj_punches_add(&h, h.selesai, &p);
			/* a punch in neither window does not count */
			kj_punches_add(&h, h.masuk_buka - 1, &p);
			kj_punches_add(&h, h.pulang_tutup + 1, &p);
		} else if (way == 2) {
			/* late and early by 45 minutes, and a double punch */
			kj_punches_add(&h, h.mulai + h.toleransi + 45 * 60, &p);
			kj_punches_add(&h, h.mulai + h.toleransi + 46 * 60, &p);
			kj_punches_add(&h, h.selesai - 45 * 60, &p);
		} else if (way == 3) {
			/* check-in only */
			kj_punches_add(&h, h.mulai + 10 * 60, &p);
		}
		kj_absen_classify(&h, a, &p, way == 4 ? KJ_IZIN_CUTI_SAKIT : 0,
		                  &out);
		check_classified(&h, &out);
		if (h.kerja) {
			/* no punch in either window (way 0, and punches
			 * that miss a short or narrow day): tk */
			if (way != 4 && p.masuk == KJ_NO_IN &&
			    p.pulang == KJ_NO_OUT) {
				CHECK(out.tk == 1);
				tk++;
			} else {
				CHECK(out.tk == 0);
			}
			if (way == 4) {
				CHECK(out.izin == KJ_IZIN_CUTI_SAKIT);
				izin++;
			}
			if (way == 1 && h.selesai - h.mulai >= 2) {
				CHECK(p.masuk == h.mulai);
				CHECK(p.pulang == h.selesai);
				CHECK(out.hadir == 1 && out.tl == 0 &&
				      out.psw == 0);
			}
			if (way == 3 && p.masuk != KJ_NO_IN) {
				CHECK(!out.hadir);
				CHECK(a->lupa_absen ? out.lupa_absen == 1
				                    : out.psw == KJ_BANDS);
			}
		}
		kj_absen_add(&mon, &out);
	}
	CHECK(mon.hari_kerja == kerja);
	CHECK(mon.tk == tk);
	CHECK(mon.izin[KJ_IZIN_CUTI_SAKIT] == izin);
	CHECK(mon.hadir + mon.tk + mon.lupa_absen + izin <= mon.hari_kerja);
}

static void check_bands(const kj_aturan *a)
{
	CHECK(a->band[0] >= 1);
	for (int k = 0; k < KJ_BANDS; k++) {
		if (k)
			CHECK(a->band[k] > a->band[k - 1]);
		CHECK(a->band[k] <= 1440);
		CHECK(kj_absen_band(a, (int64_t)a->band[k] * 60) == k + 1);
		CHECK(kj_absen_band(a, (int64_t)a->band[k] * 60 - 1) == k);
	}
	CHECK(kj_absen_band(a, 0) == 0);
	CHECK(kj_absen_band(a, -3600) == 0);
	CHECK(kj_absen_band(a, INT64_C(10) * 86400) == KJ_BANDS);
}

static void exercise(const kj_yfile *f, const kj_jadwal *j)
{
	static const struct code fixed[] = {
		{ NULL, NULL },
		{ "DINKES", "DINKES.PKM01" },
		{ "DISDIK", "DISDIK.SDN001" },
		{ "RSUD", "RSUD.INST01" },
		{ "SEKOLAH", NULL },
		{ NULL, "RSUD.IGD" },
		{ "", "" },
	};
	struct code codes[MAX_CODES];
	size_t n = 0, ns = kj_jadwal_count(j);

	CHECK(ns >= 2);
	for (size_t i = 0; i < ns; i++) {
		const char *name = kj_jadwal_name(j, i);

		CHECK(name != NULL);
		CHECK(kj_jadwal_find(j, name) == i);
	}
	CHECK(kj_jadwal_find(j, "tidak ada \x01") == (size_t)-1);
	check_bands(kj_jadwal_aturan(j));

	for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
		codes[n++] = fixed[i];
	n = file_codes(f, codes, n, MAX_CODES);

	for (size_t i = 0; i < n; i++) {
		size_t s = kj_jadwal_assign(j, codes[i].opd, codes[i].unit);

		CHECK(s < ns);
		/* Only the first few codes get two whole months; the rest a
		 * few days, to keep the executions fast. */
		if (i < 4 || i >= sizeof fixed / sizeof *fixed) {
			month(j, s, 2026, 11);
			month(j, s, 2026, 2);
		}
	}
	/* Every schedule on a few days: a Monday, a Friday, a Saturday and
	 * a Sunday of November, Ramadan days of February. */
	for (size_t s = 0; s < ns && s < 32; s++) {
		static const int days[][2] = {
			{ 11, 2 }, { 11, 6 }, { 11, 7 }, { 11, 8 },
			{ 2, 16 }, { 2, 17 }, { 2, 19 }, { 2, 27 },
		};

		for (size_t k = 0; k < sizeof days / sizeof *days; k++) {
			kj_date d;
			kj_hari h;

			CHECK(kj_date_from_ymd(2026, days[k][0], days[k][1],
			                       &d) == 0);
			kj_jadwal_day(j, s, d, &h);
			check_day(&h);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kj_err err;
	kj_yfile *f;
	kj_jadwal *j;

	if (strict < 0)
		strict = getenv("FUZZ_JADWAL_LAX") == NULL; /* the null-value bug is fixed */
	memset(&err, 0, sizeof err);
	f = kj_yload_mem("fuzz.yaml", data, size, &err);
	if (!f) {
		check_err(&err, 0);
		return 0;
	}
	memset(&err, 0, sizeof err);
	j = kj_jadwal_load(f, &err);
	if (!j) {
		check_err(&err, 1);
		kj_yfree(f);
		return 0;
	}
	exercise(f, j);
	kj_jadwal_free(j);
	kj_yfree(f);
	return 0;
}
