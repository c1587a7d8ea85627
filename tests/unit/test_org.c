/*
 * Unit tests of lib/org.c: the roster loaded as an organisation.
 *
 * The small roster below (A heads the OPD, B and C report to A, D to B):
 *
 *     A 198001012005011001  jpt_pratama  top
 *     B 198502022010012002  administrator  atasan A
 *     C 199003032015031003  pelaksana      atasan A  (keterangan cltn,mpp)
 *     D 199504042020041004  pengawas       atasan B
 *
 * so the tops are {A}, A's subordinates {B, C} in file order, B's {D},
 * C's and D's none; depths 0, 1, 1, 2.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "colreg.h"
#include "org.h"

#define A "198001012005011001"
#define B "198502022010012002"
#define C "199003032015031003"
#define D "199504042020041004"

#define HEAD "nip\tnama\tstatus\topd\tunit\tjabatan\tjenis_jabatan\tkelas\tatasan\tketerangan\n"

static char path[64];

static void write_file(const char *text)
{
	FILE *f;

	snprintf(path, sizeof path, "/tmp/test_org.%ld.tsv", (long)getpid());
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static int load(const char *text, kj_roster *r, kj_err *err)
{
	int rc;

	write_file(text);
	rc = kj_roster_load(r, path, err);
	unlink(path);
	return rc;
}

static const char good[] = HEAD
	A "\tdr. Ani\tpns\tDINKES\tDINKES\tKepala Dinas\tjpt_pratama\t14\t\t\n"
	B "\tBudi\tpns\tDINKES\tDINKES.SEK\tSekretaris\tadministrator\t11\t" A "\t\n"
	C "\tCici\tpns\tDINKES\t\tPengadministrasi\tpelaksana\t5\t" A "\tcltn,MPP\n"
	D "\tDedi\tpns\tDINKES\tDINKES.SEK.UMUM\tKasubbag Umum\tpengawas\t9\t" B "\t\n";

static void test_good_roster(void **state)
{
	kj_roster r;
	kj_err err;
	const long *sub;
	size_t n;

	(void)state;
	assert_int_equal(load(good, &r, &err), 0);
	assert_int_equal(r.n, 4);
	assert_true(r.has_atasan && r.has_jenis && r.has_kelas);
	assert_false(r.has_jenjang);
	assert_int_equal(kj_roster_find(&r, C, 18), 2);
	assert_int_equal(kj_roster_find(&r, "199504042020041005", 18), -1);
	assert_int_equal(r.p[3].atasan, 1);
	assert_int_equal(r.p[0].atasan, -1);
	assert_int_equal(r.p[0].depth, 0);
	assert_int_equal(r.p[2].depth, 1);
	assert_int_equal(r.p[3].depth, 2);
	assert_int_equal(r.p[0].jenis, KJ_JJ_JPT_PRATAMA);
	assert_true(kj_jenis_is_jpt(r.p[0].jenis));
	assert_true(kj_jenis_is_struktural(r.p[3].jenis));
	assert_false(kj_jenis_is_struktural(r.p[2].jenis));
	assert_int_equal(r.p[1].kelas, 11);
	/* An empty unit is the OPD; keterangan is kept canonical. */
	assert_string_equal(r.p[2].unit, "DINKES");
	assert_string_equal(r.p[2].keterangan, "cltn,mpp");
	assert_true(kj_pegawai_has_ket(&r.p[2], "mpp"));
	assert_true(kj_pegawai_has_ket(&r.p[2], "cltn"));
	assert_false(kj_pegawai_has_ket(&r.p[2], "cl"));
	assert_false(kj_pegawai_has_ket(&r.p[0], "mpp"));
	/* The same OPD code is stored once. */
	assert_ptr_equal(r.p[0].opd, r.p[3].opd);
	assert_int_equal(r.p[3].line, 5);

	sub = kj_roster_bawahan(&r, -1, &n);
	assert_int_equal(n, 1);
	assert_int_equal(sub[0], 0);
	sub = kj_roster_bawahan(&r, 0, &n);
	assert_int_equal(n, 2);
	assert_int_equal(sub[0], 1);
	assert_int_equal(sub[1], 2);
	sub = kj_roster_bawahan(&r, 1, &n);
	assert_int_equal(n, 1);
	assert_int_equal(sub[0], 3);
	kj_roster_bawahan(&r, 2, &n);
	assert_int_equal(n, 0);
	kj_roster_bawahan(&r, 4, &n);
	assert_int_equal(n, 0);
	kj_roster_free(&r);
}

static void test_minimal_columns(void **state)
{
	kj_roster r;
	kj_err err;
	size_t n;

	(void)state;
	assert_int_equal(load("nip\tnama\topd\tjabatan\n"
	                      A "\tAni\tX\tKepala\n", &r, &err), 0);
	assert_int_equal(r.n, 1);
	assert_false(r.has_atasan);
	assert_int_equal(r.p[0].jenis, KJ_JJ_NONE);
	assert_int_equal(r.p[0].kelas, 0);
	assert_string_equal(r.p[0].unit, "X");
	assert_string_equal(r.p[0].status, "");
	kj_roster_bawahan(&r, -1, &n);
	assert_int_equal(n, 1);
	kj_roster_free(&r);
}

/* Each bad roster: the message and where it points. */
static void bad(const char *text, long line, long col, const char *msg)
{
	kj_roster r;
	kj_err err;

	memset(&err, 0, sizeof err);
	assert_int_equal(load(text, &r, &err), -1);
	if (err.line != line || err.col != col)
		fail_msg("%ld:%ld, expected %ld:%ld: %s", err.line, err.col,
		         line, col, err.msg);
	if (!strstr(err.msg, msg))
		fail_msg("'%s' does not contain '%s'", err.msg, msg);
	assert_int_equal(r.n, 0);
	kj_roster_free(&r);
}

static void test_errors(void **state)
{
	(void)state;
	bad("nip\tnama\topd\n", 1, 0, "jabatan");
	/* A header only: nobody would be in any output. */
	bad(HEAD, 2, 0, "no employee in the roster (a header only)");
	/* Line 3: A twice.  The NIP is the first column. */
	bad(HEAD A "\ta\tpns\tX\t\tj\tpelaksana\t5\t\t\n"
	         A "\tb\tpns\tX\t\tj\tpelaksana\t5\t\t\n",
	    3, 1, "twice in the roster (first on line 2)");
	/* 17 digits. */
	bad(HEAD "19800101200501100\ta\tpns\tX\t\tj\tpelaksana\t5\t\t\n",
	    2, 1, "nip");
	/* jenis_jabatan starts at character 1+19+2+4+2+1+2 = 31. */
	bad(HEAD A "\ta\tpns\tX\t\tj\tstaf\t5\t\t\n", 2, 31, "jenis_jabatan");
	/* kelas 18 and 0 */
	bad(HEAD A "\ta\tpns\tX\t\tj\tpelaksana\t18\t\t\n", 2, 41, "kelas");
	bad(HEAD A "\ta\tpns\tX\t\tj\tpelaksana\t0\t\t\n", 2, 41, "kelas");
	bad(HEAD A "\ta\tpegawai\tX\t\tj\tpelaksana\t5\t\t\n", 2, 22, "status");
	bad(HEAD A "\ta\tpns\tX\t\tj\tpelaksana\t5\t\tcuti\n", 2, 44,
	    "unknown word 'cuti'");
	/* The second word starts 5 characters into the field. */
	bad(HEAD A "\ta\tpns\tX\t\tj\tpelaksana\t5\t\tcltn,libur\n", 2, 49,
	    "unknown word 'libur'");
	bad(HEAD A "\ta\tpns\tX\t\tj\tpelaksana\t5\t" A "\t\n", 2, 43,
	    "own NIP");
	bad(HEAD A "\ta\tpns\tX\t\tj\tpelaksana\t5\t" B "\t\n", 2, 0,
	    "atasan " B " of NIP " A " is not in the roster");
	/* A -> B -> C -> A, found when the walk from A returns to A. */
	bad(HEAD A "\ta\tpns\tX\t\tj\tpelaksana\t5\t" B "\t\n"
	         B "\tb\tpns\tX\t\tj\tpelaksana\t5\t" C "\t\n"
	         C "\tc\tpns\tX\t\tj\tpelaksana\t5\t" A "\t\n",
	    2, 0, "cycle in the chain of superiors: " A " -> " B " -> " C
	    " -> " A);
	/* A cycle not through the first employee: D -> B -> D. */
	bad(HEAD A "\ta\tpns\tX\t\tj\tpelaksana\t5\t\t\n"
	         B "\tb\tpns\tX\t\tj\tpelaksana\t5\t" D "\t\n"
	         D "\td\tpns\tX\t\tj\tpelaksana\t5\t" B "\t\n",
	    3, 0, B " -> " D " -> " B);
}

static void test_jenis_words(void **state)
{
	(void)state;
	assert_int_equal(kj_jenis_parse("fungsional", 10), KJ_JJ_FUNGSIONAL);
	assert_int_equal(kj_jenis_parse("kepala", 6), -1);
	assert_string_equal(kj_jenis_word(KJ_JJ_PENGAWAS), "pengawas");
	assert_string_equal(kj_jenis_word(KJ_JJ_NONE), "");
	/* labels and other spellings still go through colreg */
	assert_int_equal(kj_jenis_parse("JPT Pratama", 11), KJ_JJ_JPT_PRATAMA);
	assert_int_equal(kj_jenis_parse("Fungsional", 10), KJ_JJ_FUNGSIONAL);
	assert_int_equal(kj_jenis_parse("fungsiona", 9), -1);
	assert_int_equal(kj_jenis_parse("fungsionalx", 11), -1);
	/* the loader's fast path for canonical words (jenis_jabatan,
	 * status) relies on colreg mapping each to itself */
	for (int i = 0; i < KJ_JJ_N; i++) {
		const char *w = kj_jenis_jabatan_words[i];

		assert_int_equal(kj_jenis_parse(w, strlen(w)), i);
		assert_string_equal(kj_enum_word(w, strlen(w)), w);
	}
	assert_string_equal(kj_enum_word("pns", 3), "pns");
	assert_string_equal(kj_enum_word("cpns", 4), "cpns");
	assert_string_equal(kj_enum_word("pppk", 4), "pppk");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_roster),
		cmocka_unit_test(test_minimal_columns),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_jenis_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
