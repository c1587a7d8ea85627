/*
 * Unit tests of lib/cascade.c: the link rules on small cascades built in
 * memory, each finding checked by rule id, severity and place; the
 * cascading of each valid link worked out by hand from skp-capaian.md
 * §1.7 (direct: the parent's only child, same text; indirect otherwise).
 *
 * The roster (written to a temporary file):
 *   K  197001011995031001 jpt_pratama, OPD A            line 2
 *   B1 197502022000032002 administrator, atasan K       line 3
 *   B2 197603032001031003 administrator, atasan K       line 4
 *   C  198004042005012004 pengawas, atasan B1           line 5
 *   X  198505052010011005 pelaksana, OPD B, no atasan   line 6
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

#include "cascade.h"

#define K  "197001011995031001"
#define B1 "197502022000032002"
#define B2 "197603032001031003"
#define C  "198004042005012004"
#define X  "198505052010011005"

static char roster_path[] = "/tmp/test_cascade.XXXXXX";

static int setup(void **state)
{
	int fd = mkstemp(roster_path);
	FILE *f = fdopen(fd, "w");

	(void)state;
	fputs("nip\tnama\topd\tjabatan\tjenis_jabatan\tatasan\n"
	      K "\tKepala\tA\tKepala Dinas\tjpt_pratama\t\n"
	      B1 "\tKabid Satu\tA\tKabid\tadministrator\t" K "\n"
	      B2 "\tKabid Dua\tA\tKabid\tadministrator\t" K "\n"
	      C "\tKasi\tA\tKasi\tpengawas\t" B1 "\n"
	      X "\tStaf\tB\tStaf\tpelaksana\t\n", f);
	fclose(f);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(roster_path);
	return 0;
}

struct fixture {
	kj_skp_set *s;
	kj_roster r;
	kj_cascade c;
};

static void run(struct fixture *x, const char *yaml, int tahun)
{
	kj_err err;

	x->s = kj_skp_set_new();
	if (kj_skp_load_yaml_mem(x->s, "t.yaml", yaml, strlen(yaml), &err))
		fail_msg("%ld:%ld: %s", err.line, err.col, err.msg);
	if (kj_roster_load(&x->r, roster_path, &err))
		fail_msg("roster: %s", err.msg);
	kj_cascade_check(x->s, &x->r, tahun, &x->c);
}

static void done(struct fixture *x)
{
	kj_cascade_free(&x->c);
	kj_roster_free(&x->r);
	kj_skp_set_free(x->s);
}

/* The number of findings of a rule; the place of the last one. */
static size_t count(const struct fixture *x, const char *rule, long *line,
                    long *col)
{
	size_t n = 0;

	for (size_t i = 0; i < x->c.nf; i++)
		if (!strcmp(x->c.f[i].rule, rule)) {
			n++;
			if (line)
				*line = x->c.f[i].line;
			if (col)
				*col = x->c.f[i].col;
		}
	return n;
}

/* A document: nip, tahun 2026, then the rhk lines. */
#define DOC(nip, rhk) "nip: " nip "\ntahun: 2026\nrhk:\n" rhk
#define SEP "---\n"

/* Lines: K 1-7, B1 9-16, B2 18-21, C 23-26. */
static const char clean[] =
	DOC(K, "  - id: K1\n"                                     /* 4 */
	       "    teks: Meningkatnya layanan\n"
	       "    perspektif: penerima_layanan\n"
	       "  - {id: K2, teks: Tertib anggaran, perspektif: anggaran}\n")
	SEP                                                      /* 8 */
	DOC(B1, "  - id: B1.1\n"                                  /* 12 */
	        "    teks: Meningkatnya  LAYANAN.\n"
	        "    intervensi: K1\n"
	        "  - {id: B1.T, jenis: tambahan, teks: Panitia}\n")
	SEP                                                      /* 17 */
	DOC(B2, "  - {id: B2.1, teks: Tertib anggaran bidang dua, intervensi: K2}\n")
	SEP                                                      /* 22 */
	DOC(C, "  - {id: C.1, teks: Layanan seksi, intervensi: B1.1}\n");

static void test_clean(void **state)
{
	struct fixture x;
	long k1, k2, b11, b1t, b21, c1;

	(void)state;
	run(&x, clean, 0);
	assert_int_equal(x.c.tahun, 2026);
	for (size_t i = 0; i < x.c.nf; i++)
		fprintf(stderr, "# %s:%ld:%ld: %s [%s]\n", x.c.f[i].file,
		        x.c.f[i].line, x.c.f[i].col, x.c.f[i].msg,
		        x.c.f[i].rule);
	/* X (OPD B) has no SKP, but no SKP of OPD B is loaded. */
	assert_int_equal(x.c.nf, 0);
	k1 = kj_skp_find_rhk(x.s, "K1");
	k2 = kj_skp_find_rhk(x.s, "K2");
	b11 = kj_skp_find_rhk(x.s, "B1.1");
	b1t = kj_skp_find_rhk(x.s, "B1.T");
	b21 = kj_skp_find_rhk(x.s, "B2.1");
	c1 = kj_skp_find_rhk(x.s, "C.1");
	/* B1.1 is K1's only child, same text but for case, spacing and
	 * the full stop: direct.  B2.1 narrows K2: indirect. */
	assert_int_equal(x.c.parent[b11], k1);
	assert_int_equal(x.c.cascading[b11], KJ_CASC_DIRECT);
	assert_int_equal(x.c.parent[b21], k2);
	assert_int_equal(x.c.cascading[b21], KJ_CASC_INDIRECT);
	assert_int_equal(x.c.cascading[c1], KJ_CASC_INDIRECT);
	assert_int_equal(x.c.cascading[b1t], KJ_CASC_NON);
	assert_int_equal(x.c.cascading[k1], KJ_CASC_NONE);
	assert_int_equal(x.c.nchild[k1], 1);
	assert_int_equal(x.c.nchild[b11], 1);
	assert_int_equal(x.c.nchild[c1], 0);
	assert_int_equal(x.c.skp_of[4], -1);
	assert_int_equal(x.c.skp_of[3], 3);
	done(&x);
}

static void test_split_is_indirect(void **state)
{
	struct fixture x;

	(void)state;
	/* K1 goes to B1 and to B2 with the same text: two children, so
	 * both indirect although the text is the same. */
	run(&x, DOC(K, "  - {id: K1, teks: Layanan, perspektif: anggaran}\n")
	        SEP DOC(B1, "  - {id: B1.1, teks: Layanan, intervensi: K1}\n")
	        SEP DOC(B2, "  - {id: B2.1, teks: Layanan, intervensi: K1}\n"),
	    2026);
	/* C has no SKP: the only finding. */
	assert_int_equal(x.c.nf, 1);
	assert_int_equal(count(&x, "tidak-menyusun-skp", NULL, NULL), 1);
	assert_int_equal(x.c.nchild[0], 2);
	assert_int_equal(x.c.cascading[1], KJ_CASC_INDIRECT);
	assert_int_equal(x.c.cascading[2], KJ_CASC_INDIRECT);
	done(&x);
}

static void test_link_rules(void **state)
{
	struct fixture x;
	long line = 0, col = 0;

	(void)state;
	/* Lines: K 1-5; B1 7-12; B2 14-17; C 19-23. */
	run(&x, DOC(K, "  - {id: K1, teks: a, perspektif: anggaran}\n"
	               "  - {id: K2, teks: b, perspektif: anggaran}\n")
	        SEP
	        DOC(B1, "  - {id: B1.1, teks: c, intervensi: K1}\n"
	                "  - {id: B1.2, teks: d}\n"              /* 11 */
	                "  - {id: B1.3, teks: e, intervensi: B1.1}\n")
	        SEP
	        DOC(B2, "  - {id: B2.1, teks: f, intervensi: B1.1}\n")
	        SEP
	        DOC(C, "  - {id: C.1, teks: g, intervensi: K2}\n" /* 22 */
	               "  - {id: C.2, teks: h, intervensi: NOPE}\n"),
	    2026);
	assert_int_equal(count(&x, "intervensi-hilang", &line, &col), 1);
	/* An RHK's place is its mapping: the '{' of a flow mapping. */
	assert_int_equal(line, 11);
	assert_int_equal(col, 5);
	assert_int_equal(count(&x, "intervensi-diri", &line, NULL), 1);
	assert_int_equal(line, 12);
	/* B2.1 names a colleague's RHK, C.2 an unknown id. */
	assert_int_equal(count(&x, "intervensi-bukan-atasan", &line, NULL), 2);
	assert_int_equal(line, 23);
	assert_int_equal(count(&x, "intervensi-lompat", &line, &col), 1);
	assert_int_equal(line, 22);
	assert_int_equal(col, 36);      /* the K of "intervensi: K2" */
	/* Not cascaded: K2 (C.1 skips B1, B2.1 is broken), and the three
	 * RHK of B1, since C's links go elsewhere. */
	assert_int_equal(count(&x, "tidak-diturunkan", &line, NULL), 4);
	assert_int_equal(x.c.warnings, 4);
	assert_int_equal(x.c.errors, 5);
	/* Sorted by place. */
	for (size_t i = 1; i < x.c.nf; i++)
		assert_true(x.c.f[i - 1].line <= x.c.f[i].line);
	done(&x);
}

static void test_cycle(void **state)
{
	struct fixture x;
	long line = 0;

	(void)state;
	/* B1.2 -> C.1 -> B1.2 (C.1's link to B1.2 is valid, B1.2's is not). */
	run(&x, DOC(B1, "  - {id: B1.1, teks: x, intervensi: K9}\n"
	                "  - {id: B1.2, teks: y, intervensi: C.1}\n")
	        SEP DOC(C, "  - {id: C.1, teks: z, intervensi: B1.2}\n"),
	    2026);
	assert_int_equal(count(&x, "intervensi-siklus", &line, NULL), 1);
	assert_int_equal(line, 5);
	for (size_t i = 0; i < x.c.nf; i++)
		if (!strcmp(x.c.f[i].rule, "intervensi-siklus"))
			assert_string_equal(x.c.f[i].msg, "intervensi links go "
			                    "round in a cycle: B1.2 -> C.1 -> "
			                    "B1.2");
	/* K and B2 have no SKP: tidak menyusun SKP at their roster lines. */
	assert_int_equal(count(&x, "tidak-menyusun-skp", &line, NULL), 2);
	assert_int_equal(line, 4);
	done(&x);
}

static void test_jpt_and_indicators(void **state)
{
	struct fixture x;
	long line = 0, col = 0;

	(void)state;
	run(&x, DOC(K, "  - id: K1\n"                             /* 4 */
	               "    teks: a\n"
	               "    intervensi: PEMDA\n"                  /* 6 */
	               "    indikator:\n"
	               "      - {id: K1.a, target: 80-90}\n"
	               "      - {id: K1.b, target: x, aspek: mutu}\n" /* 9 */
	               "      - {id: K1.a}\n"                     /* 10 */
	               "  - {id: K2, teks: b, perspektif: pelanggan}\n")
	        SEP DOC(B1, "  - {id: K2, teks: c, intervensi: K1, perspektif: anggaran}\n"),
	    2026);
	assert_int_equal(count(&x, "jpt-intervensi", &line, &col), 1);
	assert_int_equal(line, 6);
	assert_int_equal(col, 17);
	assert_int_equal(count(&x, "perspektif-hilang", &line, NULL), 1);
	assert_int_equal(line, 4);
	assert_int_equal(count(&x, "perspektif-salah", &line, NULL), 1);
	assert_int_equal(line, 11);
	assert_int_equal(count(&x, "perspektif-non-jpt", &line, NULL), 1);
	assert_int_equal(line, 16);
	assert_int_equal(count(&x, "target-salah", &line, &col), 1);
	assert_int_equal(line, 9);
	assert_int_equal(col, 28);
	assert_int_equal(count(&x, "aspek-salah", &line, NULL), 1);
	assert_int_equal(count(&x, "target-hilang", &line, NULL), 1);
	assert_int_equal(line, 10);
	/* K1.a twice, K2 twice. */
	assert_int_equal(count(&x, "id-ganda", NULL, NULL), 2);
	done(&x);
}

static void test_roster_rules(void **state)
{
	struct fixture x;
	long line = 0;

	(void)state;
	run(&x, DOC(X, "  - {id: X1, teks: a}\n")
	        SEP DOC(X, "  - {id: X2, teks: b}\n")
	        SEP DOC("199101012020121001", "  - {id: Y1, teks: c}\n")
	        SEP "nip: " K "\ntahun: 2025\nrhk: []\n", 0);
	assert_int_equal(count(&x, "skp-ganda", &line, NULL), 1);
	assert_int_equal(line, 6);
	assert_int_equal(count(&x, "nip-tidak-dikenal", &line, NULL), 1);
	assert_int_equal(line, 11);
	/* X is a top without atasan: X1 needs no intervensi.  K's SKP
	 * 2025 makes OPD A part of the run: K, B1, B2, C have no 2026. */
	assert_int_equal(count(&x, "intervensi-hilang", NULL, NULL), 0);
	assert_int_equal(count(&x, "tidak-menyusun-skp", NULL, NULL), 4);
	assert_int_equal(kj_skp_latest_year(x.s), 2026);
	done(&x);
}

/*
 * An intervensi that names an id used twice: the index answers the first
 * RHK with that id, in load order, and so must the look-up among the
 * superior's RHK.  Here B2 (line 4-5) owns the first D.1; B1's D.1 (line
 * 9) is the second (id-ganda).  C (atasan B1) intervenes D.1: it is B2's,
 * not an RHK of C's atasan, so intervensi-bukan-atasan at C's intervensi
 * (line 13, column 30), and no valid link: B1's D.1 keeps 0 children.
 * With the ids made distinct, the same link is valid (parent = B1's RHK).
 */
static const char dup_target[] =
	DOC(K, "  - {id: K1, teks: Layanan, perspektif: anggaran}\n")  /* 4 */
	SEP                                                          /* 5 */
	DOC(B2, "  - {id: D.1, teks: Dua, intervensi: K1}\n")        /* 9 */
	SEP                                                          /* 10 */
	DOC(B1, "  - {id: D.1, teks: Satu, intervensi: K1}\n")       /* 14 */
	SEP                                                          /* 15 */
	DOC(C, "  - {id: C.1, teks: Seksi, intervensi: D.1}\n");     /* 19 */

static void test_duplicate_target(void **state)
{
	struct fixture x;
	long line = 0, col = 0;
	char *fixed;

	(void)state;
	run(&x, dup_target, 2026);
	assert_int_equal(count(&x, "id-ganda", &line, &col), 1);
	assert_int_equal(line, 14);
	assert_int_equal(count(&x, "intervensi-bukan-atasan", &line, &col), 1);
	assert_int_equal(line, 19);
	/* "  - {id: C.1, teks: Seksi, intervensi: D.1}": D.1 at column 40. */
	assert_int_equal(col, 40);
	assert_int_equal(x.c.parent[3], -1);
	assert_int_equal(x.c.nchild[2], 0);
	done(&x);

	/* B1's RHK renamed D.2, C intervening D.2: a valid link,
	 * with another text than its parent, so indirect. */
	fixed = strdup(dup_target);
	assert_non_null(fixed);
	{
		char *b1 = strstr(fixed, "{id: D.1, teks: Satu");
		char *c = strstr(fixed, "intervensi: D.1}");

		assert_non_null(b1);
		assert_non_null(c);
		b1[7] = '2';
		c[14] = '2';
	}
	run(&x, fixed, 2026);
	assert_int_equal(count(&x, "id-ganda", NULL, NULL), 0);
	assert_int_equal(count(&x, "intervensi-bukan-atasan", NULL, NULL), 0);
	assert_int_equal(x.c.parent[3], 2);
	assert_int_equal(x.c.nchild[2], 1);
	assert_int_equal(x.c.cascading[3], KJ_CASC_INDIRECT);
	done(&x);
	free(fixed);
}

static void test_same_text(void **state)
{
	(void)state;
	assert_true(kj_rhk_same_text("Meningkatnya layanan",
	                             " meningkatnya   LAYANAN. "));
	assert_true(kj_rhk_same_text("a\tb", "a b"));
	assert_false(kj_rhk_same_text("a b", "ab"));
	assert_false(kj_rhk_same_text("", ""));
	assert_false(kj_rhk_same_text("layanan", "layanan dasar"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_split_is_indirect),
		cmocka_unit_test(test_link_rules),
		cmocka_unit_test(test_cycle),
		cmocka_unit_test(test_jpt_and_indicators),
		cmocka_unit_test(test_roster_rules),
		cmocka_unit_test(test_same_text),
		cmocka_unit_test(test_duplicate_target),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
