/*
 * Unit tests for lib/table.c: typed values (kj_value_parse), type inference
 * for unknown columns (kj_infer), and the in-memory table written as TSV and
 * YAML byte for byte.  (kj_table_write_grid is tested in test_xlsx.c, with
 * the workbook it writes.)
 *
 * Percent values are in units of 1/10000 % (KJ_PCT_SCALE): 87,5 % is
 * 875000, 33,3333 % is 333333.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "yaml.h"

#define assert_contains(hay, needle)                                       \
	do {                                                               \
		if (!strstr((hay), (needle)))                              \
			fail_msg("'%s' does not contain '%s'", (hay),      \
			         (needle));                                \
	} while (0)

/*
 * What a test allocates is registered here and freed by the teardown, so
 * that a failed assertion (a longjmp out of the test) leaks nothing and
 * the leak checker does not bury the failure.
 */
static void *gc_mem[8];
static kj_table *gc_table[4];
static kj_yfile *gc_yaml[2];

static void *keep(void *p)
{
	for (size_t i = 0; i < sizeof gc_mem / sizeof gc_mem[0]; i++)
		if (!gc_mem[i])
			return gc_mem[i] = p;
	fail_msg("keep: no room");
	return p;
}

static kj_table *keep_table(kj_table *t)
{
	for (size_t i = 0; i < sizeof gc_table / sizeof gc_table[0]; i++)
		if (!gc_table[i])
			return gc_table[i] = t;
	fail_msg("keep_table: no room");
	return t;
}

static kj_yfile *keep_yaml(kj_yfile *f)
{
	for (size_t i = 0; i < sizeof gc_yaml / sizeof gc_yaml[0]; i++)
		if (!gc_yaml[i])
			return gc_yaml[i] = f;
	fail_msg("keep_yaml: no room");
	return f;
}

static int teardown(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof gc_mem / sizeof gc_mem[0]; i++) {
		free(gc_mem[i]);
		gc_mem[i] = NULL;
	}
	for (size_t i = 0; i < sizeof gc_table / sizeof gc_table[0]; i++) {
		kj_table_free(gc_table[i]);
		gc_table[i] = NULL;
	}
	for (size_t i = 0; i < sizeof gc_yaml / sizeof gc_yaml[0]; i++) {
		kj_yfree(gc_yaml[i]);
		gc_yaml[i] = NULL;
	}
	return 0;
}

/* ---- kj_value_parse --------------------------------------------------- */

static kj_value parse_ok(kj_coltype t, const char *s)
{
	kj_value v;
	kj_err err;

	memset(&err, 0, sizeof err);
	if (kj_value_parse(t, s, strlen(s), &v, &err) != 0)
		fail_msg("%s '%s': unexpected error at col %ld: %s",
		         kj_coltype_name(t), s, err.col, err.msg);
	assert_int_equal(v.type, t);
	assert_int_equal(v.empty, 0);
	/* the text is kept, not copied */
	assert_ptr_equal(v.s, s);
	assert_int_equal(v.len, strlen(s));
	return v;
}

/* A refused value: -1, and a message that holds msg, at column col
 * (1-based within s; -1 to skip the column check). */
static kj_err parse_bad(kj_coltype t, const char *s, const char *msg,
                        long col)
{
	kj_value v;
	kj_err err;

	memset(&err, 0, sizeof err);
	if (kj_value_parse(t, s, strlen(s), &v, &err) != -1)
		fail_msg("%s '%s': accepted, expected an error",
		         kj_coltype_name(t), s);
	assert_int_equal(err.status, KJ_EXIT_USAGE);
	assert_true(err.msg[0] != '\0');
	if (msg)
		assert_contains(err.msg, msg);
	if (col >= 0 && err.col != col)
		fail_msg("%s '%s': error column %ld, want %ld (%s)",
		         kj_coltype_name(t), s, err.col, col, err.msg);
	return err;
}

/* An empty field is "no value" in every column type. */
static void test_value_empty(void **state)
{
	static const kj_coltype types[] = {
		KJ_COL_TEXT, KJ_COL_INT, KJ_COL_NUM,
		KJ_COL_MONEY, KJ_COL_PCT, KJ_COL_DATE
	};
	kj_value v;
	kj_err err;

	(void)state;
	for (size_t k = 0; k < sizeof types / sizeof types[0]; k++) {
		memset(&v, 0x5a, sizeof v);
		assert_int_equal(kj_value_parse(types[k], "", 0, &v, &err), 0);
		assert_int_equal(v.empty, 1);
		assert_int_equal(v.type, types[k]);
		assert_int_equal(v.len, 0);
		assert_int_equal(v.i, 0);
	}
}

static void test_value_text(void **state)
{
	kj_value v;

	(void)state;
	/* Anything is text: numbers, blanks, formulas, NIPs. */
	parse_ok(KJ_COL_TEXT, "198503102010011002");
	parse_ok(KJ_COL_TEXT, "007");
	parse_ok(KJ_COL_TEXT, "=SUM(A1:A9)");
	parse_ok(KJ_COL_TEXT, " \t spasi ");
	parse_ok(KJ_COL_TEXT, "Dinas Kesehatan \xe2\x80\x93 Bidang P2P");
	/* (s, len): the text need not end at len */
	assert_int_equal(kj_value_parse(KJ_COL_TEXT, "DINKES.1.2", 6, &v,
	                                NULL), 0);
	assert_int_equal(v.len, 6);
}

static void test_value_money(void **state)
{
	(void)state;
	assert_int_equal(parse_ok(KJ_COL_MONEY, "Rp 1.234.567,00").i, 1234567);
	assert_int_equal(parse_ok(KJ_COL_MONEY, "1234567").i, 1234567);
	assert_int_equal(parse_ok(KJ_COL_MONEY, "1.234.567").i, 1234567);
	assert_int_equal(parse_ok(KJ_COL_MONEY, "Rp1.234.567,-").i, 1234567);
	assert_int_equal(parse_ok(KJ_COL_MONEY, "-Rp 1.234.567").i, -1234567);
	assert_int_equal(parse_ok(KJ_COL_MONEY, "0").i, 0);
	/* "1.2.3": the group after the first '.' has 1 digit, not 3; the
	 * bad group ends at byte 3 ('.'), col 3 */
	parse_bad(KJ_COL_MONEY, "1.2.3", "thousands", 3);
	/* "12.34": never 1234 */
	parse_bad(KJ_COL_MONEY, "12.34", "thousands", -1);
	/* a fraction of a Rupiah */
	parse_bad(KJ_COL_MONEY, "1.234.567,50", "fraction", -1);
	parse_bad(KJ_COL_MONEY, "Rp", NULL, -1);
	parse_bad(KJ_COL_MONEY, "satu juta", NULL, -1);
}

static void test_value_pct(void **state)
{
	(void)state;
	/* 87,5 % = 87.5 x 10000 = 875000 */
	assert_int_equal(parse_ok(KJ_COL_PCT, "87,5").i, 875000);
	assert_int_equal(parse_ok(KJ_COL_PCT, "87.5").i, 875000);
	assert_int_equal(parse_ok(KJ_COL_PCT, "87,5 %").i, 875000);
	assert_int_equal(parse_ok(KJ_COL_PCT, "100").i, 1000000);
	/* 0,5 % = 5000; 33,3333 % = 333333 (four decimals are allowed) */
	assert_int_equal(parse_ok(KJ_COL_PCT, "0,5").i, 5000);
	assert_int_equal(parse_ok(KJ_COL_PCT, "33.3333").i, 333333);
	assert_int_equal(parse_ok(KJ_COL_PCT, "-2,5").i, -25000);
	/* five decimals: no silent rounding */
	parse_bad(KJ_COL_PCT, "12,34567", "decimals", -1);
	parse_bad(KJ_COL_PCT, "abc", NULL, 1);
	parse_bad(KJ_COL_PCT, "87,5 persen", NULL, -1);
}

static void test_value_int(void **state)
{
	(void)state;
	assert_int_equal(parse_ok(KJ_COL_INT, "-3").i, -3);
	assert_int_equal(parse_ok(KJ_COL_INT, "0").i, 0);
	assert_int_equal(parse_ok(KJ_COL_INT, "17").i, 17);
	assert_int_equal(parse_ok(KJ_COL_INT, "9223372036854775807").i,
	                 INT64_MAX);
	/* a fraction: refused (the column depends on whether the '.' or
	 * the digit after it is blamed) */
	parse_bad(KJ_COL_INT, "1.5", NULL, -1);
	parse_bad(KJ_COL_INT, "-", NULL, -1);
	parse_bad(KJ_COL_INT, "12a", NULL, 3);
	/* INT64_MAX + 1 */
	parse_bad(KJ_COL_INT, "9223372036854775808", NULL, -1);
}

/*
 * FORMATS.md, Numbers: "Input also accepts the Indonesian form
 * (1.234.567,50, 75,5) where the column is numeric", and money.h gives
 * the reading: two or more '.' and no ',' are Indonesian thousands;
 * a lone '.' with three digits after it ("1.234") is more decimals than a
 * whole-number column allows, an error "whose message says to write 1234".
 * kj_decimal_parse(s, len, 0, ...) implements exactly that.
 */
static void test_value_int_indonesian(void **state)
{
	(void)state;
	assert_int_equal(parse_ok(KJ_COL_INT, "1.234.567").i, 1234567);
	parse_bad(KJ_COL_INT, "1.234", "1234", -1);
	/* the whole int64 range, as for money */
	assert_int_equal(parse_ok(KJ_COL_INT, "-9223372036854775808").i,
	                 INT64_MIN);
}

static void test_value_num(void **state)
{
	(void)state;
	assert_true(parse_ok(KJ_COL_NUM, "0,5").d == 0.5);
	assert_true(parse_ok(KJ_COL_NUM, "0.5").d == 0.5);
	assert_true(parse_ok(KJ_COL_NUM, "-3").d == -3.0);
	assert_true(parse_ok(KJ_COL_NUM, "1.234.567,50").d == 1234567.5);
	/* a lone '.' is a decimal point: 1.234 */
	assert_true(parse_ok(KJ_COL_NUM, "1.234").d == 1.234);
	/* six decimals: 0.000001 */
	assert_true(parse_ok(KJ_COL_NUM, "0.000001").d == 1e-6);
	parse_bad(KJ_COL_NUM, "0.1234567", "decimals", -1);
	/* "1e5": the 'e' is byte 1, col 2 */
	parse_bad(KJ_COL_NUM, "1e5", NULL, 2);
	parse_bad(KJ_COL_NUM, "abc", NULL, 1);
}

static void test_value_date(void **state)
{
	kj_value v;

	(void)state;
	v = parse_ok(KJ_COL_DATE, "2028-02-29"); /* 2028 is a leap year */
	assert_int_equal(v.y, 2028);
	assert_int_equal(v.m, 2);
	assert_int_equal(v.dd, 29);
	v = parse_ok(KJ_COL_DATE, "2026-11-05");
	assert_int_equal(v.y, 2026);
	assert_int_equal(v.m, 11);
	assert_int_equal(v.dd, 5);
	parse_bad(KJ_COL_DATE, "2026-02-29", "does not exist", -1);
	parse_bad(KJ_COL_DATE, "2026-11-5", NULL, -1);
	parse_bad(KJ_COL_DATE, "05/11/2026", NULL, -1);
	parse_bad(KJ_COL_DATE, "2026-13-01", NULL, -1);
}

/* ---- kj_infer ------------------------------------------------------- */

/* The type inferred from the values, given as a NULL-terminated list. */
static kj_coltype infer(const char *first, ...)
{
	kj_infer inf;
	va_list ap;

	kj_infer_init(&inf);
	va_start(ap, first);
	for (const char *s = first; s; s = va_arg(ap, const char *))
		kj_infer_add(&inf, s, strlen(s));
	va_end(ap);
	return kj_infer_type(&inf);
}

static void test_infer_single(void **state)
{
	(void)state;
	assert_int_equal(infer("12", NULL), KJ_COL_INT);
	assert_int_equal(infer("0", NULL), KJ_COL_INT);
	assert_int_equal(infer("-5", NULL), KJ_COL_INT);
	assert_int_equal(infer("0.5", NULL), KJ_COL_NUM);
	assert_int_equal(infer("12.50", NULL), KJ_COL_NUM);
	assert_int_equal(infer("-0.25", NULL), KJ_COL_NUM);
	/* a leading zero makes a code */
	assert_int_equal(infer("007", NULL), KJ_COL_TEXT);
	assert_int_equal(infer("00.5", NULL), KJ_COL_TEXT);
	/* an 18-digit NIP: more than 15 digits */
	assert_int_equal(infer("198503102010011002", NULL), KJ_COL_TEXT);
	/* 15 digits still fit a double exactly; 16 do not */
	assert_int_equal(infer("123456789012345", NULL), KJ_COL_INT);
	assert_int_equal(infer("1234567890123456", NULL), KJ_COL_TEXT);
	assert_int_equal(infer("1234567890.12345", NULL), KJ_COL_NUM);
	assert_int_equal(infer("1234567890.123456", NULL), KJ_COL_TEXT);
	/* not the plain C form */
	assert_int_equal(infer("1e5", NULL), KJ_COL_TEXT);
	assert_int_equal(infer("1,5", NULL), KJ_COL_TEXT);
	assert_int_equal(infer("1.234.567", NULL), KJ_COL_TEXT);
	assert_int_equal(infer("1.", NULL), KJ_COL_TEXT);
	assert_int_equal(infer(".5", NULL), KJ_COL_TEXT);
	assert_int_equal(infer("-", NULL), KJ_COL_TEXT);
	assert_int_equal(infer("+5", NULL), KJ_COL_TEXT);
	assert_int_equal(infer(" 12", NULL), KJ_COL_TEXT);
	assert_int_equal(infer("12 ", NULL), KJ_COL_TEXT);
	assert_int_equal(infer("III/a", NULL), KJ_COL_TEXT);
}

static void test_infer_columns(void **state)
{
	(void)state;
	/* no values at all, or only empty ones: text */
	assert_int_equal(infer(NULL), KJ_COL_TEXT);
	assert_int_equal(infer("", "", NULL), KJ_COL_TEXT);
	/* "" is ignored: it neither makes the column text nor numeric */
	assert_int_equal(infer("12", "", "3", NULL), KJ_COL_INT);
	assert_int_equal(infer("", "0.5", "", NULL), KJ_COL_NUM);
	/* one decimal makes the column non-integral */
	assert_int_equal(infer("12", "0.5", "3", NULL), KJ_COL_NUM);
	/* one code makes it text, for good */
	assert_int_equal(infer("12", "007", "3", NULL), KJ_COL_TEXT);
	assert_int_equal(infer("x", "1", "2", NULL), KJ_COL_TEXT);
	/* kj_infer_init resets */
	{
		kj_infer inf;

		kj_infer_init(&inf);
		kj_infer_add(&inf, "abc", 3);
		kj_infer_init(&inf);
		kj_infer_add(&inf, "4", 1);
		assert_int_equal(kj_infer_type(&inf), KJ_COL_INT);
		/* (s, len): "45x" taken as "45" */
		kj_infer_add(&inf, "45x", 2);
		assert_int_equal(kj_infer_type(&inf), KJ_COL_INT);
	}
}

/*
 * rekap-xlsx infers the type of an unknown column and then parses every
 * value of it with kj_value_parse(kj_infer_type(...)): every value must
 * therefore parse as the type inferred (text, or a number that fits the
 * NUM reader), or a valid input dies with "expected at most 6 decimals"
 * or "number too large".  (Seen end to end: rekap-xlsx on a column
 * "rasio" holding 0.1234567 exits 2.)
 *
 *   "0.1234567": 1+7 = 8 digits <= 15, numeric; NUM parses at 6 decimals.
 *   "1234567890123.5": 13+1 = 14 digits; NUM is scaled by 10^6 into an
 *     int64: 1.2e12 x 1e6 = 1.2e18 fits (INT64_MAX ~ 9.22e18).
 *   "12345678901234.5": 15 digits; 1.2e13 x 1e6 = 1.2e19 does not fit.
 */
static void test_infer_agrees_with_parse(void **state)
{
	static const char *const values[] = {
		"0", "-5", "12", "12.50", "0.5", "123456789012345",
		"1234567890.12345", "0.000001", "1234567890123.5",
		"0.1234567", "12345678901234.5",
	};

	char problems[1024] = "";
	size_t used = 0;

	(void)state;
	for (size_t k = 0; k < sizeof values / sizeof values[0]; k++) {
		const char *s = values[k];
		kj_coltype t = infer(s, NULL);
		kj_value v;
		kj_err err;

		/* text is always a way out; a number must parse */
		memset(&err, 0, sizeof err);
		if (kj_value_parse(t, s, strlen(s), &v, &err) != 0 &&
		    used < sizeof problems)
			used += (size_t)snprintf(problems + used,
			        sizeof problems - used,
			        "\n  '%s' is inferred %s but does not parse as "
			        "one: %s", s, kj_coltype_name(t), err.msg);
	}
	/* A column: a 14-digit whole number and a decimal make a NUM
	 * column (or text); as NUM, 14 integer digits at 10^6 overflow. */
	{
		kj_coltype t = infer("12345678901234", "0.5", NULL);
		kj_value v;
		kj_err err;

		memset(&err, 0, sizeof err);
		if (kj_value_parse(t, "12345678901234", 14, &v, &err) != 0 &&
		    used < sizeof problems)
			used += (size_t)snprintf(problems + used,
			        sizeof problems - used,
			        "\n  column of '12345678901234' and '0.5' is "
			        "inferred %s, but '12345678901234' does not "
			        "parse as one: %s", kj_coltype_name(t),
			        err.msg);
	}
	if (problems[0])
		fail_msg("inference and parsing disagree:%s", problems);
}

/* ---- tables: building ------------------------------------------------- */

static void test_table_new(void **state)
{
	static const char *const names[] = { "nip", "gaji", "kelas",
	                                     "capaian_pct", "catatan" };
	kj_table *t = keep_table(kj_table_new(5, names));
	const kj_coldef *d;

	(void)state;
	assert_int_equal(kj_table_ncols(t), 5);
	assert_int_equal(kj_table_nrows(t), 0);
	/* registry columns take the registry's definition */
	d = kj_table_def(t, 0);
	assert_string_equal(d->name, "nip");
	assert_int_equal(d->type, KJ_COL_TEXT);
	assert_string_equal(d->label, "NIP");
	d = kj_table_def(t, 1);
	assert_int_equal(d->type, KJ_COL_MONEY);
	assert_string_equal(d->label, "Gaji (Rp)");
	d = kj_table_def(t, 2);
	assert_int_equal(d->type, KJ_COL_INT);
	assert_true(d->flags & KJ_COL_NOSUM);
	assert_int_equal(kj_table_def(t, 3)->type, KJ_COL_PCT);
	/* an unknown column is text, labelled with its name */
	d = kj_table_def(t, 4);
	assert_string_equal(d->name, "catatan");
	assert_int_equal(d->type, KJ_COL_TEXT);
	assert_string_equal(d->label, "catatan");
	kj_table_add_row(t);
	kj_table_add_row(t);
	assert_int_equal(kj_table_nrows(t), 2);
	kj_table_free(NULL);
}

/* kj_table_new_defs copies the names: the caller's buffers may go. */
static void test_table_new_defs(void **state)
{
	char name0[32], name1[32];
	kj_coldef d0 = { NULL, KJ_COL_NUM, KJ_COL_NOSUM, "Rasio" };
	kj_coldef d1 = { NULL, KJ_COL_MONEY, 0, "Jumlah (Rp)" };
	const kj_coldef *defs[2] = { &d0, &d1 };
	kj_table *t;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	strcpy(name0, "rasio_x");
	strcpy(name1, "total_rp");
	d0.name = name0;
	d1.name = name1;
	t = keep_table(kj_table_new_defs(2, defs));
	/* overwrite the caller's buffers */
	memset(name0, 'Z', sizeof name0 - 1);
	memset(name1, 'Z', sizeof name1 - 1);
	name0[sizeof name0 - 1] = name1[sizeof name1 - 1] = '\0';

	assert_int_equal(kj_table_ncols(t), 2);
	assert_string_equal(kj_table_def(t, 0)->name, "rasio_x");
	assert_int_equal(kj_table_def(t, 0)->type, KJ_COL_NUM);
	assert_int_equal(kj_table_def(t, 0)->flags, KJ_COL_NOSUM);
	assert_string_equal(kj_table_def(t, 0)->label, "Rasio");
	assert_string_equal(kj_table_def(t, 1)->name, "total_rp");
	assert_int_equal(kj_table_def(t, 1)->type, KJ_COL_MONEY);

	kj_table_add_row(t);
	kj_table_set_num(t, 0, 0.25);
	kj_table_set_int(t, 1, 1500000);
	f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(kj_table_write_tsv(t, f), 0);
	fclose(f);
	keep(buf);
	assert_string_equal(buf, "rasio_x\ttotal_rp\n0.25\t1500000\n");
}

/* ---- tables: TSV and YAML ------------------------------------------------ */

static const char *const sample_names[] = {
	"nip", "nama", "gaji", "capaian_pct", "hadir", "beban_jam", "mulai",
	"catatan"
};
enum { C_NIP, C_NAMA, C_GAJI, C_PCT, C_HADIR, C_BEBAN, C_MULAI, C_CATATAN,
       NCOLS };

/*
 * Three rows:
 *   1. every type set; a name with a tab, a newline and a backslash;
 *      87.5 % (875000); catatan unset;
 *   2. a negative amount, 33.3333 % (333333, shown with two decimals,
 *      33.33), zero days, a decimal with a fraction, mulai unset, a
 *      carriage return in catatan; the text set twice (the last wins);
 *   3. nothing set.
 */
static kj_table *sample_table(void)
{
	kj_table *t = kj_table_new(NCOLS, sample_names);

	kj_table_add_row(t);
	kj_table_set_text(t, C_NIP, "198503102010011002");
	kj_table_set_text(t, C_NAMA, "Ani\tB\nC\\D");
	kj_table_set_int(t, C_GAJI, 1234567);
	kj_table_set_int(t, C_PCT, 875000);
	kj_table_set_int(t, C_HADIR, 20);
	kj_table_set_num(t, C_BEBAN, 0.5);
	kj_table_set_text(t, C_MULAI, "2026-11-05");

	kj_table_add_row(t);
	kj_table_set_text(t, C_NIP, "099001012015032001");
	kj_table_set_text(t, C_NAMA, "dibuang");
	kj_table_set_text(t, C_NAMA, "Budi \"Ucok\" Santoso");
	kj_table_set_int(t, C_GAJI, -5);
	kj_table_set_int(t, C_PCT, 333333);
	kj_table_set_int(t, C_HADIR, 0);
	kj_table_set_num(t, C_BEBAN, 1234567.5);
	kj_table_set_text(t, C_CATATAN, "x\ry");

	kj_table_add_row(t);
	return t;
}

/* The TSV (or YAML) of t as a string freed by the teardown. */
static char *tsv_of(const kj_table *t)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int rc;

	assert_non_null(f);
	rc = kj_table_write_tsv(t, f);
	assert_int_equal(fclose(f), 0);
	keep(buf);
	assert_int_equal(rc, 0);
	return buf;
}

static char *yaml_of(const kj_table *t)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int rc;

	assert_non_null(f);
	rc = kj_table_write_yaml(t, f);
	assert_int_equal(fclose(f), 0);
	keep(buf);
	assert_int_equal(rc, 0);
	return buf;
}

static void test_write_tsv(void **state)
{
	kj_table *t = keep_table(sample_table());
	char *out = tsv_of(t);

	(void)state;
	assert_string_equal(out,
		"nip\tnama\tgaji\tcapaian_pct\thadir\tbeban_jam\tmulai\t"
		"catatan\n"
		/* tab -> \t, newline -> \n, backslash -> \\; money as a
		 * plain integer; 875000 -> 87.5; unset -> empty */
		"198503102010011002\tAni\\tB\\nC\\\\D\t1234567\t87.5\t20\t"
		"0.5\t2026-11-05\t\n"
		/* 333333 = 33.3333 % -> 33.33; CR -> \r */
		"099001012015032001\tBudi \"Ucok\" Santoso\t-5\t33.33\t0\t"
		"1234567.5\t\tx\\ry\n"
		/* eight empty fields: seven tabs */
		"\t\t\t\t\t\t\t\n");
}

static void test_write_tsv_pct_rounding(void **state)
{
	static const char *const names[] = { "capaian_pct" };
	/* value -> two decimals, half up, no trailing zeros:
	 *   1000000 = 100 %        -> 100
	 *   125000  = 12.5 %       -> 12.5
	 *   50      = 0.005 %      -> 0.01 (half up)
	 *   49      = 0.0049 %     -> 0
	 *   -5000   = -0.5 %       -> -0.5
	 *   666667  = 66.6667 %    -> 66.67 */
	static const int64_t v[] = { 1000000, 125000, 50, 49, -5000, 666667 };
	kj_table *t = keep_table(kj_table_new(1, names));
	char *out;

	(void)state;
	for (size_t k = 0; k < sizeof v / sizeof v[0]; k++) {
		kj_table_add_row(t);
		kj_table_set_int(t, 0, v[k]);
	}
	out = tsv_of(t);
	assert_string_equal(out, "capaian_pct\n100\n12.5\n0.01\n0\n-0.5\n"
	                         "66.67\n");
}

static void test_write_tsv_no_rows(void **state)
{
	kj_table *t = keep_table(kj_table_new(NCOLS, sample_names));
	char *out = tsv_of(t);

	(void)state;
	assert_string_equal(out, "nip\tnama\tgaji\tcapaian_pct\thadir\t"
	                         "beban_jam\tmulai\tcatatan\n");
}

/*
 * A decimal column is written with "a decimal point on output"
 * (FORMATS.md) and must read back through kj_value_parse(KJ_COL_NUM),
 * which takes at most 6 decimals and no exponent: "our own output must
 * read back unchanged" (money.h).
 *   0.00001 is "0.00001", not %g's "1e-05" (and -0.000002 not "-2e-06");
 *   1/3 must not come out with 15 significant digits
 *   ("0.333333333333333", 15 decimals) that the reader refuses;
 *   123456789012.5 (12 integer digits, the most that the reader's int64
 *   at 10^6 holds) comes back whole.
 */
static void test_write_tsv_num_reads_back(void **state)
{
	static const char *const names[] = { "beban_jam" };
	static const double v[] = { 0.00001, 123456789012.5, 1.0 / 3,
	                            2.0 / 3, 1234.5678, -0.000002 };
	static const char *const want[] = { "0.00001", "123456789012.5",
	                                    NULL, NULL, "1234.5678",
	                                    "-0.000002" };
	enum { N = sizeof v / sizeof v[0] };
	kj_table *t = keep_table(kj_table_new(1, names));
	char *out, *line, *save = NULL, problems[2048] = "";
	size_t k = 0, used = 0;

	(void)state;
	for (k = 0; k < N; k++) {
		kj_table_add_row(t);
		kj_table_set_num(t, 0, v[k]);
	}
	out = tsv_of(t);
	line = strtok_r(out, "\n", &save);
	assert_string_equal(line, "beban_jam");
	/* Every value checked, every problem listed, then one failure. */
	for (k = 0; k < N && (line = strtok_r(NULL, "\n", &save)); k++) {
		kj_value val;
		kj_err err;

		memset(&err, 0, sizeof err);
		if (kj_value_parse(KJ_COL_NUM, line, strlen(line), &val,
		                   &err) != 0)
			used += (size_t)snprintf(problems + used,
			        sizeof problems - used,
			        "\n  %.17g written as '%s', which does not "
			        "read back: %s", v[k], line, err.msg);
		else if (fabs(val.d - v[k]) > 5e-7)  /* 6 decimals */
			used += (size_t)snprintf(problems + used,
			        sizeof problems - used,
			        "\n  %.17g written as '%s', read back as %.17g",
			        v[k], line, val.d);
		else if (want[k] && strcmp(line, want[k]) != 0)
			used += (size_t)snprintf(problems + used,
			        sizeof problems - used,
			        "\n  %.17g written as '%s', want '%s'", v[k],
			        line, want[k]);
		if (used >= sizeof problems)
			break;
	}
	assert_int_equal(k, N);
	if (problems[0])
		fail_msg("decimal cells that do not read back:%s", problems);
}

static void test_write_yaml(void **state)
{
	kj_table *t = keep_table(sample_table());
	char *out = yaml_of(t);

	(void)state;
	assert_string_equal(out,
		/* the NIP double-quoted (text, leading zero kept), numbers
		 * bare, escapes in double-quoted style, null when unset */
		"- nip: \"198503102010011002\"\n"
		"  nama: \"Ani\\tB\\nC\\\\D\"\n"
		"  gaji: 1234567\n"
		"  capaian_pct: 87.5\n"
		"  hadir: 20\n"
		"  beban_jam: 0.5\n"
		"  mulai: \"2026-11-05\"\n"
		"  catatan: null\n"
		"- nip: \"099001012015032001\"\n"
		"  nama: \"Budi \\\"Ucok\\\" Santoso\"\n"
		"  gaji: -5\n"
		"  capaian_pct: 33.33\n"
		"  hadir: 0\n"
		"  beban_jam: 1234567.5\n"
		"  mulai: null\n"
		/* CR (0x0D) as a \x escape */
		"  catatan: \"x\\x0Dy\"\n"
		"- nip: null\n"
		"  nama: null\n"
		"  gaji: null\n"
		"  capaian_pct: null\n"
		"  hadir: null\n"
		"  beban_jam: null\n"
		"  mulai: null\n"
		"  catatan: null\n");
}

static void test_write_yaml_no_rows(void **state)
{
	kj_table *t = keep_table(kj_table_new(NCOLS, sample_names));
	char *out = yaml_of(t);

	(void)state;
	assert_string_equal(out, "[]\n");
}

/* The YAML reads back through lib/yaml (libyaml) with the same texts. */
static void test_write_yaml_reads_back(void **state)
{
	kj_table *t = keep_table(sample_table());
	char *out = yaml_of(t);
	const kj_ynode *root, *row;
	kj_yfile *f;
	kj_err err;

	(void)state;
	memset(&err, 0, sizeof err);
	f = keep_yaml(kj_yload_mem("table.yaml", out, strlen(out), &err));
	if (!f)
		fail_msg("%ld:%ld: %s", err.line, err.col, err.msg);
	assert_int_equal(f->ndocs, 1);
	root = &f->docs[0];
	assert_int_equal(root->kind, KJ_Y_SEQ);
	assert_int_equal(root->len, 3);
	row = &root->items[0];
	assert_int_equal(row->kind, KJ_Y_MAP);
	assert_int_equal(row->len, NCOLS);
	for (size_t c = 0; c < NCOLS; c++)
		assert_true(kj_y_is(&row->keys[c], sample_names[c]));
	assert_true(kj_y_is(kj_y_get(row, "nip"), "198503102010011002"));
	assert_false(kj_y_get(row, "nip")->plain);
	assert_true(kj_y_is(kj_y_get(row, "nama"), "Ani\tB\nC\\D"));
	assert_true(kj_y_get(row, "gaji")->plain);
	assert_true(kj_y_is_null(kj_y_get(row, "catatan")));
	row = &root->items[1];
	assert_true(kj_y_is(kj_y_get(row, "nip"), "099001012015032001"));
	assert_true(kj_y_is(kj_y_get(row, "nama"), "Budi \"Ucok\" Santoso"));
	assert_true(kj_y_is(kj_y_get(row, "catatan"), "x\ry"));
}

/*
 * Column names are keys: a name that YAML would read as something else
 * must be quoted.  "no" (the row-number column of nearly every Indonesian
 * spreadsheet, normalised from "No") is the boolean false to a YAML 1.1
 * reader when plain; "#catatan" plain starts a comment; "[1]" a flow
 * sequence.
 */
static void test_write_yaml_odd_keys(void **state)
{
	static const char *const names[] = { "no", "#catatan", "[1]", "nip" };
	kj_table *t = keep_table(kj_table_new(4, names));
	const kj_ynode *row;
	kj_yfile *f;
	kj_err err;
	char *out;

	(void)state;
	kj_table_add_row(t);
	kj_table_set_text(t, 0, "1");
	kj_table_set_text(t, 1, "ok");
	kj_table_set_text(t, 2, "x");
	kj_table_set_text(t, 3, "198503102010011002");
	out = yaml_of(t);
	memset(&err, 0, sizeof err);
	f = keep_yaml(kj_yload_mem("odd.yaml", out, strlen(out), &err));
	if (!f)
		fail_msg("unreadable YAML (%ld:%ld: %s):\n%s", err.line,
		         err.col, err.msg, out);
	assert_int_equal(f->ndocs, 1);
	assert_int_equal(f->docs[0].kind, KJ_Y_SEQ);
	assert_int_equal(f->docs[0].len, 1);
	row = &f->docs[0].items[0];
	if (row->kind != KJ_Y_MAP || row->len != 4)
		fail_msg("expected one mapping of 4 keys, got:\n%s", out);
	for (size_t c = 0; c < 4; c++)
		if (!kj_y_is(&row->keys[c], names[c]))
			fail_msg("key %zu is not '%s':\n%s", c, names[c], out);
	/* "no" must not be a plain scalar (YAML 1.1 boolean) */
	if (row->keys[0].plain)
		fail_msg("key 'no' is plain, a YAML 1.1 boolean:\n%s", out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_value_empty, teardown),
		cmocka_unit_test_teardown(test_value_text, teardown),
		cmocka_unit_test_teardown(test_value_money, teardown),
		cmocka_unit_test_teardown(test_value_pct, teardown),
		cmocka_unit_test_teardown(test_value_int, teardown),
		cmocka_unit_test_teardown(test_value_int_indonesian, teardown),
		cmocka_unit_test_teardown(test_value_num, teardown),
		cmocka_unit_test_teardown(test_value_date, teardown),
		cmocka_unit_test_teardown(test_infer_single, teardown),
		cmocka_unit_test_teardown(test_infer_columns, teardown),
		cmocka_unit_test_teardown(test_infer_agrees_with_parse, teardown),
		cmocka_unit_test_teardown(test_table_new, teardown),
		cmocka_unit_test_teardown(test_table_new_defs, teardown),
		cmocka_unit_test_teardown(test_write_tsv, teardown),
		cmocka_unit_test_teardown(test_write_tsv_pct_rounding, teardown),
		cmocka_unit_test_teardown(test_write_tsv_no_rows, teardown),
		cmocka_unit_test_teardown(test_write_tsv_num_reads_back, teardown),
		cmocka_unit_test_teardown(test_write_yaml, teardown),
		cmocka_unit_test_teardown(test_write_yaml_no_rows, teardown),
		cmocka_unit_test_teardown(test_write_yaml_reads_back, teardown),
		cmocka_unit_test_teardown(test_write_yaml_odd_keys, teardown),
	};

	return cmocka_run_group_tests_name("table", tests, NULL, NULL);
}
