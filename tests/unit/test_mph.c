/*
 * Unit tests of lib/mph.c (the Matriks Peran Hasil), on the cascade of
 * tests/unit/test_draft.c (the same roster and SKP, repeated here).
 * Every expected value is worked out by hand below from the rules of
 * mph.h.
 *
 * The roster, unit, atasan (roster order):
 *   K  D                 -    B  D.KESMAS          K
 *   C1 D.KESMAS.KGM      B    C2 D.KESMAS.PROMKES  B
 *   S1 D.KESMAS.KGM      B    S2 D.KESMAS          B
 *   S3 D.KESMAS.GIZI     B    S4 D.KESMAS (cltn)   B
 *   P  D.P2P             K
 * The SKP 2026: K: D.1 (indicators D.1.a, D.1.b), D.2 (D.2.a);
 * B: KES.1 -> D.1 (KES.1.a, KES.1.b), KES.2 -> D.1 (no indicator),
 * KES.T1 tambahan; C1: KES.1.1 -> KES.1 (indicator KES.1.2.a).
 *
 * Matrices: an employee with an SKP and direct subordinates, in roster
 * order: K (subordinates B, P) and B (C1, C2, S1, S2, S3, S4).  C1 has an
 * SKP but no subordinate: no matrix.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "mph.h"

#include "skp_cascade_fixture.h"

static char roster_path[] = "/tmp/test_mph.XXXXXX";

static int setup(void **state)
{
	int fd = mkstemp(roster_path);
	FILE *f = fdopen(fd, "w");

	(void)state;
	write_roster(f);
	fclose(f);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(roster_path);
	return 0;
}

static void load(struct fixture *x)
{
	load_at(x, roster_path);
}

static long rhk(const struct fixture *x, const char *id)
{
	long j = kj_sv_find_rhk(&x->v, id);

	assert_true(j >= 0);
	return j;
}

static size_t pegawai(const struct fixture *x, const char *nip)
{
	long e = kj_roster_find(&x->r, nip, strlen(nip));

	assert_true(e >= 0);
	return (size_t)e;
}

/* Column c of matrix k as "RHK" or "RHK/IND". */
static void col_text(const struct fixture *x, const kj_mph *m, size_t k,
                     size_t c, char *buf, size_t size)
{
	const kj_mph_col *col = &m->col[m->m[k].col + c];

	if (col->ind < 0)
		snprintf(buf, size, "%s", kj_sv_rhk_id(&x->v, col->rhk));
	else
		snprintf(buf, size, "%s/%s", kj_sv_rhk_id(&x->v, col->rhk),
		         kj_sv_ind_id(&x->v, (size_t)col->ind));
}

/* The cell of row r, column c of matrix k as "ID ID" ("" when none). */
static void cell_text(const struct fixture *x, const kj_mph *m, size_t k,
                      size_t r, size_t c, char *buf, size_t size)
{
	const kj_mph_matrix *mx = &m->m[k];
	const kj_mph_cell *cl = &m->cell[mx->cell + r * mx->ncol + c];
	size_t n = 0;

	buf[0] = '\0';
	for (size_t l = 0; l < cl->nlink; l++)
		n += (size_t)snprintf(buf + n, size - n, "%s%s", l ? " " : "",
		                      kj_sv_rhk_id(&x->v,
		                                   m->link[cl->link + l]));
}

#define COL(k, c, want) do { \
	col_text(&x, &m, k, c, buf, sizeof buf); \
	assert_string_equal(buf, want); \
} while (0)
#define CELL(k, r, c, want) do { \
	cell_text(&x, &m, k, r, c, buf, sizeof buf); \
	assert_string_equal(buf, want); \
} while (0)

/*
 * Per RHK: K's matrix, columns D.1 D.2 (both utama); row B: D.1 holds
 * KES.1 and KES.2 (both intervene D.1, in the order of B's SKP), D.2
 * nothing; row P (no SKP): nothing.  B's matrix, columns KES.1 KES.2
 * (KES.T1 is tambahan: no column); row C1: KES.1.1 under KES.1; the five
 * others (no SKP): nothing.  Two columns at most.
 */
static void test_mph_rhk(void **state)
{
	struct fixture x;
	kj_mph m;
	char buf[256];

	(void)state;
	load(&x);
	kj_mph_build(&x.v, KJ_MPH_PER_RHK, &m);
	assert_int_equal(m.n, 2);
	assert_int_equal(m.maxcols, 2);
	assert_int_equal(m.m[0].atasan, pegawai(&x, K));
	assert_int_equal(m.m[0].ncol, 2);
	assert_int_equal(m.m[0].nrow, 2);
	assert_int_equal(m.row[m.m[0].row], pegawai(&x, B));
	assert_int_equal(m.row[m.m[0].row + 1], pegawai(&x, P));
	COL(0, 0, "D.1");
	COL(0, 1, "D.2");
	CELL(0, 0, 0, "KES.1 KES.2");
	CELL(0, 0, 1, "");
	CELL(0, 1, 0, "");
	CELL(0, 1, 1, "");
	assert_int_equal(m.m[1].atasan, pegawai(&x, B));
	assert_int_equal(m.m[1].ncol, 2);
	assert_int_equal(m.m[1].nrow, 6);
	assert_int_equal(m.row[m.m[1].row], pegawai(&x, C1));
	assert_int_equal(m.row[m.m[1].row + 5], pegawai(&x, S4));
	COL(1, 0, "KES.1");
	COL(1, 1, "KES.2");
	CELL(1, 0, 0, "KES.1.1");
	CELL(1, 0, 1, "");
	for (size_t r = 1; r < 6; r++) {
		CELL(1, r, 0, "");
		CELL(1, r, 1, "");
	}
	assert_int_equal(m.m[0].col + 2, m.m[1].col);
	assert_int_equal((size_t)rhk(&x, "KES.1"), m.link[0]);
	kj_mph_free(&m);
	done(&x);
}

/*
 * Per indikator: K's columns D.1/D.1.a, D.1/D.1.b, D.2/D.2.a; row B:
 * KES.1 KES.2 under both indicators of D.1 (they intervene D.1, which has
 * two), nothing under D.2.a.  B's columns KES.1/KES.1.a, KES.1/KES.1.b and
 * KES.2 alone (no indicator: one column, ind -1); row C1: KES.1.1 under
 * both indicators of KES.1, nothing under KES.2.  Three columns at most.
 */
static void test_mph_indikator(void **state)
{
	struct fixture x;
	kj_mph m;
	char buf[256];

	(void)state;
	load(&x);
	kj_mph_build(&x.v, KJ_MPH_PER_INDIKATOR, &m);
	assert_int_equal(m.per, KJ_MPH_PER_INDIKATOR);
	assert_int_equal(m.n, 2);
	assert_int_equal(m.maxcols, 3);
	assert_int_equal(m.m[0].ncol, 3);
	COL(0, 0, "D.1/D.1.a");
	COL(0, 1, "D.1/D.1.b");
	COL(0, 2, "D.2/D.2.a");
	CELL(0, 0, 0, "KES.1 KES.2");
	CELL(0, 0, 1, "KES.1 KES.2");
	CELL(0, 0, 2, "");
	CELL(0, 1, 0, "");
	assert_int_equal(m.m[1].ncol, 3);
	COL(1, 0, "KES.1/KES.1.a");
	COL(1, 1, "KES.1/KES.1.b");
	COL(1, 2, "KES.2");
	assert_int_equal(m.col[m.m[1].col + 2].ind, -1);
	CELL(1, 0, 0, "KES.1.1");
	CELL(1, 0, 1, "KES.1.1");
	CELL(1, 0, 2, "");
	CELL(1, 4, 0, "");
	/* Cells: 2 rows x 3 + 6 rows x 3; links: 2 + 2 + 1 + 1. */
	assert_int_equal(m.ncell, 24);
	assert_int_equal(m.nlink, 6);
	kj_mph_free(&m);
	done(&x);
}

/* No SKP of the year for anybody with subordinates: no matrix. */
static void test_mph_empty(void **state)
{
	struct fixture x;
	kj_mph m;
	kj_err err;
	static const char only_c1[] =
		DOC(C1, "  - {id: X.1, teks: Sendiri, intervensi: KES.1}\n");

	(void)state;
	x.s = kj_skp_set_new();
	if (kj_skp_load_yaml_mem(x.s, "t.yaml", only_c1, strlen(only_c1),
	                         &err))
		fail_msg("%s", err.msg);
	if (kj_roster_load(&x.r, roster_path, &err))
		fail_msg("%s", err.msg);
	kj_cascade_check(x.s, &x.r, 0, &x.c);
	kj_skpview_init(&x.v, x.s, &x.r, &x.c);
	kj_mph_build(&x.v, KJ_MPH_PER_RHK, &m);
	assert_int_equal(m.n, 0);
	assert_int_equal(m.maxcols, 0);
	kj_mph_free(&m);
	done(&x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mph_rhk),
		cmocka_unit_test(test_mph_indikator),
		cmocka_unit_test(test_mph_empty),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
