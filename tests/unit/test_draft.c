/*
 * Unit tests of lib/peran.c (the responsibility map of --draft) and
 * lib/draft.c (the skeleton SKP), on a small cascade built in memory.
 * Every expected value is worked out by hand below from the rules of
 * draft.h and peran.h.
 *
 * The roster (written to a temporary file), line, unit, atasan:
 *   K  197001011995031001  2  D                 -   jpt_pratama
 *   B  197502022000032002  3  D.KESMAS          K   administrator
 *   C1 198004042005012004  4  D.KESMAS.KGM      B   (has an SKP)
 *   C2 198505052010011005  5  D.KESMAS.PROMKES  B
 *   S1 199006062015032006  6  D.KESMAS.KGM      B
 *   S2 198707072012012007  7  D.KESMAS          B
 *   S3 199101012019031008  8  D.KESMAS.GIZI     B
 *   S4 199202022020032009  9  D.KESMAS          B   keterangan cltn
 *   P  197603032001031003 10  D.P2P             K
 *
 * B's direct subordinates, in roster order: C1 1, C2 2, S1 3, S2 4, S3 5,
 * S4 6; K's: B 1, P 2.
 *
 * The SKP 2026: K: D.1 (indicators D.1.a, D.1.b), D.2 (D.2.a);
 * B: KES.1 -> D.1 (KES.1.a, KES.1.b), KES.2 -> D.1 (no indicator),
 * KES.T1 tambahan; C1: one RHK KES.1.1 -> KES.1, whose indicator is
 * (on purpose) called KES.1.2.a.
 *
 * Who gets a draft: no SKP, the atasan has one, not cltn/tugas_belajar:
 * C2, S1, S2, S3 (below B) and P (below K); not C1 (has an SKP), not S4
 * (cltn), not K (no atasan), not B (has one).  5 drafts in roster order.
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

#include "draft.h"
#include "peran.h"

#include "skp_cascade_fixture.h"

static char roster_path[] = "/tmp/test_draft.XXXXXX";
static char map_path[] = "/tmp/test_draft_map.XXXXXX";

static int setup(void **state)
{
	int fd = mkstemp(roster_path);
	FILE *f = fdopen(fd, "w");

	(void)state;
	write_roster(f);
	fclose(f);
	fd = mkstemp(map_path);
	close(fd);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(roster_path);
	unlink(map_path);
	return 0;
}

static void load(struct fixture *x)
{
	load_at(x, roster_path);
}

static void write_map(const char *text)
{
	FILE *f = fopen(map_path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static long rhk(const struct fixture *x, const char *id)
{
	long j = kj_sv_find_rhk(&x->v, id);

	assert_true(j >= 0);
	return j;
}

static long pegawai(const struct fixture *x, const char *nip)
{
	long e = kj_roster_find(&x->r, nip, strlen(nip));

	assert_true(e >= 0);
	return e;
}

/* The drafted RHK of draft i as "ID<-PARENT ID.a ..." for comparison. */
static void draft_text(const struct fixture *x, const kj_drafts *d,
                       size_t i, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (size_t j = d->d[i].rhk; j < d->d[i].rhk + d->d[i].nrhk; j++)
		n += (size_t)snprintf(buf + n, size - n, "%s%s<-%s %s",
		                      n ? " " : "", d->rhk[j].id,
		                      kj_sv_rhk_id(&x->v, d->rhk[j].parent),
		                      d->rhk[j].ind_id);
}

/*
 * Without a map every RHK utama of the atasan (KES.T1, tambahan, never):
 *   C2 (2nd of B): KES.1.2 -- but KES.1.2.a is C1's indicator, so
 *                  KES.1.2.2 / KES.1.2.2.a; KES.2.2 / KES.2.2.a
 *   S1 (3rd): KES.1.3, KES.2.3;  S2 (4th): KES.1.4, KES.2.4;
 *   S3 (5th): KES.1.5, KES.2.5;  P (2nd of K): D.1.2, D.2.2.
 * 10 RHK, no fallback (no map).
 */
static void test_draft_default(void **state)
{
	struct fixture x;
	kj_drafts d;
	char buf[512];

	(void)state;
	load(&x);
	kj_draft_build(&x.v, NULL, &d);
	assert_int_equal(d.n, 5);
	assert_int_equal(d.nrhk, 10);
	assert_int_equal(d.fallbacks, 0);
	assert_int_equal(d.d[0].pegawai, pegawai(&x, C2));
	assert_int_equal(d.d[0].atasan, pegawai(&x, B));
	assert_int_equal(d.d[1].pegawai, pegawai(&x, S1));
	assert_int_equal(d.d[2].pegawai, pegawai(&x, S2));
	assert_int_equal(d.d[3].pegawai, pegawai(&x, S3));
	assert_int_equal(d.d[4].pegawai, pegawai(&x, P));
	assert_int_equal(d.d[4].atasan, pegawai(&x, K));
	draft_text(&x, &d, 0, buf, sizeof buf);
	assert_string_equal(buf, "KES.1.2.2<-KES.1 KES.1.2.2.a "
	                         "KES.2.2<-KES.2 KES.2.2.a");
	draft_text(&x, &d, 1, buf, sizeof buf);
	assert_string_equal(buf, "KES.1.3<-KES.1 KES.1.3.a "
	                         "KES.2.3<-KES.2 KES.2.3.a");
	draft_text(&x, &d, 3, buf, sizeof buf);
	assert_string_equal(buf, "KES.1.5<-KES.1 KES.1.5.a "
	                         "KES.2.5<-KES.2 KES.2.5.a");
	draft_text(&x, &d, 4, buf, sizeof buf);
	assert_string_equal(buf, "D.1.2<-D.1 D.1.2.a D.2.2<-D.2 D.2.2.a");
	for (size_t i = 0; i < d.n; i++)
		assert_false(d.d[i].fallback);
	kj_drafts_free(&d);
	done(&x);
}

/*
 * With the map
 *   KES.1 D.KESMAS.KGM;  KES.2 D.KESMAS.PROMKES;  KES.1 D.KESMAS;
 *   KES.2 D.KESMAS;  D.2 D.P2P
 * C2 (PROMKES): KES.2 only -> KES.2.2;  S1 (KGM): KES.1 only -> KES.1.3;
 * S2 (D.KESMAS): both -> KES.1.4, KES.2.4;  S3 (GIZI, no row): every RHK
 * utama, fallback -> KES.1.5, KES.2.5;  P (P2P): D.2 only -> D.2.2.
 * 7 RHK, 1 fallback.
 */
static void test_draft_peran(void **state)
{
	struct fixture x;
	kj_peran m;
	kj_drafts d;
	kj_err err;
	char buf[512];

	(void)state;
	load(&x);
	write_map("rhk\tunit\n"
	          "KES.1\tD.KESMAS.KGM\n"
	          "KES.2\tD.KESMAS.PROMKES\n"
	          "KES.1\tD.KESMAS\n"
	          "KES.2\tD.KESMAS\n"
	          "D.2\tD.P2P\n");
	if (kj_peran_load(&m, map_path, &x.v, &err))
		fail_msg("%ld:%ld: %s", err.line, err.col, err.msg);
	assert_int_equal(m.n, 5);
	assert_true(kj_peran_has(&m, (size_t)rhk(&x, "KES.1"),
	                         "D.KESMAS.KGM"));
	assert_false(kj_peran_has(&m, (size_t)rhk(&x, "KES.2"),
	                          "D.KESMAS.KGM"));
	assert_false(kj_peran_has(&m, (size_t)rhk(&x, "D.1"), "D.P2P"));
	kj_draft_build(&x.v, &m, &d);
	assert_int_equal(d.n, 5);
	assert_int_equal(d.nrhk, 7);
	assert_int_equal(d.fallbacks, 1);
	draft_text(&x, &d, 0, buf, sizeof buf);
	assert_string_equal(buf, "KES.2.2<-KES.2 KES.2.2.a");
	draft_text(&x, &d, 1, buf, sizeof buf);
	assert_string_equal(buf, "KES.1.3<-KES.1 KES.1.3.a");
	draft_text(&x, &d, 2, buf, sizeof buf);
	assert_string_equal(buf, "KES.1.4<-KES.1 KES.1.4.a "
	                         "KES.2.4<-KES.2 KES.2.4.a");
	draft_text(&x, &d, 3, buf, sizeof buf);
	assert_string_equal(buf, "KES.1.5<-KES.1 KES.1.5.a "
	                         "KES.2.5<-KES.2 KES.2.5.a");
	assert_false(d.d[2].fallback);
	assert_true(d.d[3].fallback);
	draft_text(&x, &d, 4, buf, sizeof buf);
	assert_string_equal(buf, "D.2.2<-D.2 D.2.2.a");
	kj_drafts_free(&d);
	kj_peran_free(&m);
	done(&x);
}

/* One bad map: the error's line, column and message. */
static void bad_map(const char *text, long line, long col, const char *msg)
{
	struct fixture x;
	kj_peran m;
	kj_err err;

	load(&x);
	write_map(text);
	assert_int_equal(kj_peran_load(&m, map_path, &x.v, &err), -1);
	assert_int_equal(err.status, KJ_EXIT_USAGE);
	assert_int_equal(err.line, line);
	assert_int_equal(err.col, col);
	assert_non_null(strstr(err.msg, msg));
	assert_int_equal(m.n, 0);
	assert_false(kj_peran_has(&m, 0, "D"));
	kj_peran_free(&m);
	done(&x);
}

static void test_peran_errors(void **state)
{
	(void)state;
	/* Columns: "KES.1<TAB>" is 6 characters, the unit starts at 7. */
	bad_map("rhk\n", 1, 0, "unit");
	bad_map("rhk\tunit\nKES.9\tD.KESMAS\n", 2, 1,
	        "rhk: 'KES.9' is no RHK of an SKP 2026 in the roster");
	bad_map("rhk\tunit\nKES.T1\tD.KESMAS\n", 2, 1,
	        "rhk: 'KES.T1' is an RHK tambahan");
	bad_map("rhk\tunit\nKES.1\tD.GIZI\n", 2, 7,
	        "unit: no employee of the roster works in 'D.GIZI'");
	/* D.P2P exists, but none of B's direct subordinates works there. */
	bad_map("rhk\tunit\nKES.1\tD.P2P\n", 2, 7,
	        "unit: no direct subordinate of " B " (Kabid), who holds "
	        "RHK KES.1, works in 'D.P2P'");
	bad_map("rhk\tunit\nKES.1\tD.KESMAS\nKES.2\tD.KESMAS\n"
	        "KES.1\tD.KESMAS\n", 4, 1,
	        "RHK KES.1 and unit D.KESMAS are already paired at line 2");
	bad_map("rhk\tunit\n\tD.KESMAS\n", 2, 1, "rhk: the RHK id is required");
	bad_map("rhk\tunit\nKES.1\t\n", 2, 7, "unit: the unit is required");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_draft_default),
		cmocka_unit_test(test_draft_peran),
		cmocka_unit_test(test_peran_errors),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
