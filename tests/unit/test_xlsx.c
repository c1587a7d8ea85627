/*
 * Unit tests for lib/xlsx.c: sheet names, and grids written to real
 * workbooks in a scratch folder and read back with
 * `unzip -p FILE xl/worksheets/sheetN.xml`.  Also kj_table_write_grid and
 * kj_xgrid_value of lib/table.c, which write through a grid.
 *
 * Cell references are Excel's (1-based rows): with no title the header is
 * sheet row 0, "A1", and data starts at "A2".
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "table.h"
#include "tsv.h"
#include "xlsx.h"

static char scratch[PATH_MAX];

#define assert_contains(hay, needle)                                       \
	do {                                                               \
		if (!strstr((hay), (needle)))                              \
			fail_msg("'%s' does not contain '%s'", (hay),      \
			         (needle));                                \
	} while (0)

#define assert_not_contains(hay, needle)                                   \
	do {                                                               \
		if (strstr((hay), (needle)))                               \
			fail_msg("'%s' contains '%s'", (hay), (needle));   \
	} while (0)

/* ---- scratch folder and clean-up ------------------------------------- */

static int rm_one(const char *p, const struct stat *st, int flag,
                  struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(p);
}

static int group_setup(void **state)
{
	const char *tmp = getenv("TMPDIR");

	(void)state;
	unsetenv("SOURCE_DATE_EPOCH");
	if (snprintf(scratch, sizeof scratch, "%s/kj-test-xlsx-XXXXXX",
	             tmp && *tmp ? tmp : "/tmp") >= (int)sizeof scratch)
		return -1;
	return mkdtemp(scratch) ? 0 : -1;
}

static int group_teardown(void **state)
{
	(void)state;
	return nftw(scratch, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* A path in the scratch folder, in a static buffer of its own (k picks
 * one of four, so that a test can hold a few at once). */
static const char *spath(int k, const char *name)
{
	static char buf[4][PATH_MAX];
	int r = snprintf(buf[k], sizeof buf[k], "%s/%s", scratch, name);

	assert_true(r > 0 && (size_t)r < sizeof buf[k]);
	return buf[k];
}

/*
 * What a test opens is registered and released by the teardown when an
 * assertion fails half-way: grids are ended, workbooks closed, memory
 * freed, the environment restored.  Leak checking stays quiet and the
 * failure is the only message.
 */
static kj_xlsx *cur_x;
static kj_xgrid *cur_g[4];
static FILE *cap_file;
static int cap_saved = -1;
static void cap_restore(void);
static void *gc_mem[8];
static kj_table *gc_table;

static void *keep(void *p)
{
	for (size_t i = 0; i < sizeof gc_mem / sizeof gc_mem[0]; i++)
		if (!gc_mem[i])
			return gc_mem[i] = p;
	fail_msg("keep: no room");
	return p;
}

static int teardown(void **state)
{
	kj_err err;

	(void)state;
	cap_restore();
	if (cap_file)
		fclose(cap_file);
	cap_file = NULL;
	for (size_t i = 0; i < sizeof cur_g / sizeof cur_g[0]; i++) {
		if (cur_g[i])
			kj_xgrid_end(cur_g[i], &err);
		cur_g[i] = NULL;
	}
	if (cur_x)
		kj_xlsx_close(cur_x, &err);
	cur_x = NULL;
	for (size_t i = 0; i < sizeof gc_mem / sizeof gc_mem[0]; i++) {
		free(gc_mem[i]);
		gc_mem[i] = NULL;
	}
	kj_table_free(gc_table);
	gc_table = NULL;
	unsetenv("SOURCE_DATE_EPOCH");
	return 0;
}

static kj_xlsx *open_wb(const char *path)
{
	kj_err err;

	assert_null(cur_x);
	memset(&err, 0, sizeof err);
	cur_x = kj_xlsx_open(path, "Rekap Kinerja", &err);
	if (!cur_x)
		fail_msg("kj_xlsx_open %s: %s", path, err.msg);
	return cur_x;
}

static void close_wb(void)
{
	kj_xlsx *x = cur_x;
	kj_err err;

	cur_x = NULL;
	memset(&err, 0, sizeof err);
	if (kj_xlsx_close(x, &err))
		fail_msg("kj_xlsx_close: %s", err.msg);
}

static kj_xgrid *begin(const char *name, size_t ncols,
                       const kj_coldef *const *defs,
                       const char *const *labels, const kj_xgrid_opts *o)
{
	kj_xgrid *g;
	kj_err err;

	memset(&err, 0, sizeof err);
	g = kj_xgrid_begin(cur_x, name, ncols, defs, labels, o, &err);
	if (!g)
		fail_msg("kj_xgrid_begin '%s': %s", name, err.msg);
	for (size_t i = 0; i < sizeof cur_g / sizeof cur_g[0]; i++)
		if (!cur_g[i])
			return cur_g[i] = g;
	fail_msg("begin: no room");
	return g;
}

/* End g; returns kj_xgrid_end's result, err filled. */
static int end_grid(kj_xgrid *g, kj_err *err)
{
	for (size_t i = 0; i < sizeof cur_g / sizeof cur_g[0]; i++)
		if (cur_g[i] == g)
			cur_g[i] = NULL;
	return kj_xgrid_end(g, err);
}

static void end_ok(kj_xgrid *g)
{
	kj_err err;

	memset(&err, 0, sizeof err);
	if (end_grid(g, &err))
		fail_msg("kj_xgrid_end: %s", err.msg);
}

/* `unzip -p path member` as a NUL-terminated string (freed by the
 * teardown). */
static char *unzip(const char *path, const char *member)
{
	char cmd[PATH_MAX + 128], *buf = NULL;
	size_t len = 0, cap = 0, got;
	FILE *p;

	snprintf(cmd, sizeof cmd, "unzip -p '%s' '%s'", path, member);
	p = popen(cmd, "r");
	assert_non_null(p);
	do {
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 65536;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
		got = fread(buf + len, 1, cap - len - 1, p);
		len += got;
	} while (got > 0);
	buf[len] = '\0';
	keep(buf);
	if (pclose(p) != 0)
		fail_msg("%s: unzip failed", cmd);
	assert_true(len > 0);
	return buf;
}

static char *sheet_xml(const char *path, int n)
{
	char member[64];

	snprintf(member, sizeof member, "xl/worksheets/sheet%d.xml", n);
	return unzip(path, member);
}

/*
 * The XML of cell ref ("B4") in a sheet, from "<c r=" to its end, in a
 * static buffer; NULL when the sheet has no such cell.
 */
static const char *cell(const char *xml, const char *ref)
{
	static char buf[70000];
	char pat[32];
	const char *a, *b;
	size_t n;

	snprintf(pat, sizeof pat, "<c r=\"%s\"", ref);
	a = strstr(xml, pat);
	if (!a)
		return NULL;
	b = strstr(a, "</c>");
	{
		/* a cell without content ends in "/>" before any "</c>" */
		const char *gt = strchr(a, '>');

		if (gt && gt[-1] == '/' && (!b || gt < b))
			b = gt + 1;
		else if (b)
			b += 4;
	}
	assert_non_null(b);
	n = (size_t)(b - a);
	assert_true(n < sizeof buf);
	memcpy(buf, a, n);
	buf[n] = '\0';
	return buf;
}

static const char *cell_ok(const char *xml, const char *ref)
{
	const char *c = cell(xml, ref);

	if (!c)
		fail_msg("no cell %s in the sheet", ref);
	return c;
}

/* A text cell: an inline string holding exactly text, never a formula. */
static void assert_text_cell(const char *xml, const char *ref,
                             const char *text)
{
	const char *c = cell_ok(xml, ref);
	const char *t;

	assert_contains(c, "t=\"inlineStr\"");
	assert_not_contains(c, "<f>");
	t = strstr(c, "<t");
	assert_non_null(t);
	t = strchr(t, '>') + 1;
	if (strncmp(t, text, strlen(text)) != 0 ||
	    strncmp(t + strlen(text), "</t>", 4) != 0)
		fail_msg("cell %s is %s, want the text '%s'", ref, c, text);
}

/* A number cell whose cached value is exactly v ("<v>v</v>"). */
static void assert_num_cell(const char *xml, const char *ref, const char *v)
{
	const char *c = cell_ok(xml, ref);
	char want[64];

	assert_not_contains(c, " t=\"");
	snprintf(want, sizeof want, "<v>%s</v>", v);
	if (!strstr(c, want))
		fail_msg("cell %s is %s, want the value %s", ref, c, v);
}

/* Sheet names in xl/workbook.xml, in order, into names (n slots). */
static size_t workbook_sheets(const char *path, char names[][128], size_t n)
{
	const char *xml = unzip(path, "xl/workbook.xml"), *p = xml;
	size_t k = 0;

	while (k < n && (p = strstr(p, "<sheet name=\""))) {
		const char *q;

		p += strlen("<sheet name=\"");
		q = strchr(p, '"');
		assert_non_null(q);
		assert_true((size_t)(q - p) < sizeof names[0]);
		memcpy(names[k], p, (size_t)(q - p));
		names[k][q - p] = '\0';
		k++;
		p = q;
	}
	return k;
}

/* Length in UTF-16 code units (what Excel limits to 31 in a name). */
static size_t utf16_units(const char *s)
{
	size_t n = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p & 0xC0) != 0x80)
			n += *p >= 0xF0 ? 2 : 1;
	return n;
}

static void read_file(const char *path, char **data, size_t *len)
{
	FILE *f = fopen(path, "rb");
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n > 0);
	rewind(f);
	*data = keep(malloc((size_t)n));
	assert_non_null(*data);
	assert_int_equal(fread(*data, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
}

/* Point stderr at a temporary file for a while (libxlsxwriter and the
 * grid's continuation warning write there); the teardown restores it
 * when an assertion fails in between. */
static void cap_begin(void)
{
	fflush(stderr);
	cap_file = tmpfile();
	assert_non_null(cap_file);
	cap_saved = dup(2);
	assert_true(cap_saved >= 0);
	assert_true(dup2(fileno(cap_file), 2) == 2);
}

static void cap_restore(void)
{
	if (cap_saved >= 0) {
		fflush(stderr);
		dup2(cap_saved, 2);
		close(cap_saved);
		cap_saved = -1;
	}
}

/* Stop capturing; what was written, in buf. */
static const char *cap_end(char *buf, size_t n)
{
	size_t got;

	cap_restore();
	rewind(cap_file);
	got = fread(buf, 1, n - 1, cap_file);
	buf[got] = '\0';
	fclose(cap_file);
	cap_file = NULL;
	return buf;
}

/* ---- sheet names ------------------------------------------------------ */

static void name_is(const char *in, const char *want)
{
	char out[KJ_XLSX_SHEETNAME_BUF];

	memset(out, 'X', sizeof out);
	kj_xlsx_sheet_name(in, out);
	if (strcmp(out, want) != 0)
		fail_msg("sheet name of '%s' is '%s', want '%s'", in, out, want);
}

static void test_name_plain(void **state)
{
	(void)state;
	name_is("DINKES", "DINKES");
	name_is("Dinas Kesehatan", "Dinas Kesehatan");
	name_is("Ringkasan", "Ringkasan");
	/* apostrophes inside are fine */
	name_is("Jum'at", "Jum'at");
	/* non-ASCII letters are kept */
	name_is("Bidang P2P \xe2\x80\x93 Seksi", "Bidang P2P \xe2\x80\x93 Seksi");
}

static void test_name_forbidden_chars(void **state)
{
	(void)state;
	/* each of [ ] : * ? / \ becomes '_' */
	name_is("A[B]C:D*E?F/G\\H", "A_B_C_D_E_F_G_H");
	name_is("2026/11", "2026_11");
	name_is("[DINKES]", "_DINKES_");
	/* control characters: tab, 0x01, newline, DEL */
	name_is("A\tB\x01" "C\nD\x7f", "A_B_C_D_");
}

static void test_name_cut_31(void **state)
{
	char in[80], want[80];

	(void)state;
	/* 40 ASCII characters: the first 31 */
	name_is("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN",
	        "abcdefghijklmnopqrstuvwxyzABCDE");
	/* exactly 31: unchanged */
	name_is("abcdefghijklmnopqrstuvwxyzABCDE",
	        "abcdefghijklmnopqrstuvwxyzABCDE");

	/* 30 ASCII + "é" (2 bytes, 1 character) + "xyz": the 31st character
	 * is the whole "é", 32 bytes, never half of it */
	memset(in, 'a', 30);
	strcpy(in + 30, "\xc3\xa9xyz");
	memset(want, 'a', 30);
	strcpy(want + 30, "\xc3\xa9");
	name_is(in, want);

	/* 30 ASCII + "€" (3 bytes) + "x": the 31st character is "€" */
	strcpy(in + 30, "\xe2\x82\xacx");
	strcpy(want + 30, "\xe2\x82\xac");
	name_is(in, want);

	/* 31 two-byte characters and more: 31 of them, 62 bytes */
	in[0] = want[0] = '\0';
	for (int i = 0; i < 35; i++)
		strcat(in, "\xc3\xa9");
	for (int i = 0; i < 31; i++)
		strcat(want, "\xc3\xa9");
	name_is(in, want);
}

/* Excel counts UTF-16 units: a 4-byte character (outside the BMP) takes
 * two of the 31. */
static void test_name_astral(void **state)
{
	char in[80], want[80];

	(void)state;
	/* 30 ASCII + U+1F600 (f0 9f 98 80) + "b": the emoji would be units
	 * 31 and 32, so it goes, and so does everything after it */
	memset(in, 'a', 30);
	strcpy(in + 30, "\xf0\x9f\x98\x80" "b");
	memset(want, 'a', 30);
	want[30] = '\0';
	name_is(in, want);

	/* 29 ASCII + the emoji: units 30 and 31, kept */
	memset(in, 'a', 29);
	strcpy(in + 29, "\xf0\x9f\x98\x80" "b");
	memset(want, 'a', 29);
	strcpy(want + 29, "\xf0\x9f\x98\x80");
	name_is(in, want);
}

static void test_name_apostrophes_blanks(void **state)
{
	char in[80], want[80];

	(void)state;
	name_is("'DINKES'", "DINKES");
	name_is("''DINKES''", "DINKES");
	name_is("DINKES   ", "DINKES");
	name_is("DINKES ' ", "DINKES");
	name_is("'", "Sheet");
	name_is("'''", "Sheet");
	name_is("   ", "Sheet");
	/* a cut that leaves a blank or an apostrophe at the end:
	 * 30 ASCII + " " + "b" -> 31 chars ending in a blank -> 30 */
	memset(in, 'a', 30);
	strcpy(in + 30, " b");
	memset(want, 'a', 30);
	want[30] = '\0';
	name_is(in, want);
	strcpy(in + 30, "'b");
	name_is(in, want);
}

static void test_name_empty_and_history(void **state)
{
	(void)state;
	name_is("", "Sheet");
	/* "History" is reserved by Excel, in any case; the case written is
	 * kept */
	name_is("History", "History_");
	name_is("history", "history_");
	name_is("HISTORY", "HISTORY_");
	name_is("'History'", "History_");
	name_is("History ", "History_");
	name_is("Histories", "Histories");
	name_is("History 2026", "History 2026");
}

/* Validate UTF-8 strictly: no overlong forms, no surrogates, <= U+10FFFF. */
static int strict_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		unsigned c = *p, n, cp;

		if (c < 0x80) {
			p++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			n = 1, cp = c & 0x1F;
		else if (c >= 0xE0 && c <= 0xEF)
			n = 2, cp = c & 0x0F;
		else if (c >= 0xF0 && c <= 0xF4)
			n = 3, cp = c & 0x07;
		else
			return 0;
		for (unsigned i = 1; i <= n; i++) {
			if ((p[i] & 0xC0) != 0x80)
				return 0;
			cp = cp << 6 | (p[i] & 0x3F);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		p += n + 1;
	}
	return 1;
}

static void test_name_invalid_utf8(void **state)
{
	static const char *const bad[] = {
		"\xff", "Dinas\xc3", "\xc3\xa9\xff" "X", "\xed\xa0\x80" "X",
		"\xc0\xaf" "X", "\xf8\x88\x80\x80\x80" "X", "\x80\x80\x80",
	};
	char out[KJ_XLSX_SHEETNAME_BUF], in[64];

	(void)state;
	/* a lone invalid byte is replaced, the ASCII kept */
	name_is("Dinas\xffKes", "Dinas_Kes");
	name_is("OPD\xfe\xff", "OPD__");
	name_is("Dinas\xc3", "Dinas_");
	/* whatever the input, the name is valid UTF-8 and the ASCII stays */
	for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
		kj_xlsx_sheet_name(bad[k], out);
		if (!strict_utf8(out))
			fail_msg("input %zu gives invalid UTF-8", k);
		assert_true(out[0] != '\0');
	}
	kj_xlsx_sheet_name("\xc3\xa9\xff" "X", out);
	assert_true(out[strlen(out) - 1] == 'X');
	/* 40 invalid bytes: 31 replacement characters */
	memset(in, 0xff, 40);
	in[40] = '\0';
	kj_xlsx_sheet_name(in, out);
	assert_int_equal(strlen(out), 31);
	assert_int_equal(strspn(out, "_"), 31);
}

/* ---- a grid of every type ---------------------------------------------- */

static const char *const cols7[] = {
	"nip", "gaji", "hadir", "capaian_pct", "beban_jam", "mulai", "kelas"
};

static void defs_of(const char *const *names, size_t n,
                    const kj_coldef **defs, const char **labels)
{
	for (size_t c = 0; c < n; c++) {
		defs[c] = kj_col_lookup(names[c]);
		assert_non_null(defs[c]);
		labels[c] = defs[c]->label;
	}
}

/* Two rows of every type into g (columns cols7). */
static void two_rows(kj_xgrid *g)
{
	kj_err err;

	memset(&err, 0, sizeof err);
	assert_int_equal(kj_xgrid_text(g, 0, "198503102010011002", 18, &err),
	                 0);
	assert_int_equal(kj_xgrid_money(g, 1, 1234567, &err), 0);
	assert_int_equal(kj_xgrid_int(g, 2, 20, &err), 0);
	assert_int_equal(kj_xgrid_pct(g, 3, 875000, &err), 0);
	assert_int_equal(kj_xgrid_num(g, 4, 1.5, 3, &err), 0);
	assert_int_equal(kj_xgrid_date(g, 5, 2026, 11, 5, &err), 0);
	assert_int_equal(kj_xgrid_int(g, 6, 9, &err), 0);
	assert_int_equal(kj_xgrid_end_row(g, &err), 0);

	/* a text that looks like a formula, with XML specials, a control
	 * character and blanks at both ends */
	assert_int_equal(kj_xgrid_text(g, 0, " =SUM(A1)\x01<&> ", 14, &err),
	                 0);
	assert_int_equal(kj_xgrid_money(g, 1, 2000000, &err), 0);
	assert_int_equal(kj_xgrid_int(g, 2, 21, &err), 0);
	assert_int_equal(kj_xgrid_pct(g, 3, 1000000, &err), 0);
	assert_int_equal(kj_xgrid_num(g, 4, 2.25, 4, &err), 0);
	/* mulai left empty */
	assert_int_equal(kj_xgrid_int(g, 6, 7, &err), 0);
	assert_int_equal(kj_xgrid_end_row(g, &err), 0);
}

static void test_grid_cells_and_totals(void **state)
{
	const char *path = spath(0, "cells.xlsx");
	const kj_coldef *defs[7];
	const char *labels[7], *xml, *c;
	kj_xgrid_opts o = { .total = 1 };
	kj_xgrid *g;

	(void)state;
	defs_of(cols7, 7, defs, labels);
	open_wb(path);
	g = begin("OPD", 7, defs, labels, &o);
	assert_string_equal(kj_xgrid_sheet_name(g), "OPD");
	assert_int_equal(kj_xgrid_header_row(g), 0);
	two_rows(g);
	assert_int_equal(kj_xgrid_rows(g), 2);
	/* exact sums: money 1234567 + 2000000 = 3234567, hadir 20 + 21 =
	 * 41; kelas is NOSUM: 0; beban_jam 1.5 + 2.25 = 3.75 */
	assert_int_equal(kj_xgrid_sum(g, 1), 3234567);
	assert_int_equal(kj_xgrid_sum(g, 2), 41);
	assert_int_equal(kj_xgrid_sum(g, 6), 0);
	assert_true(kj_xgrid_dsum(g, 4) == 3.75);
	end_ok(g);
	close_wb();

	xml = sheet_xml(path, 1);
	/* header: the labels, as text */
	assert_text_cell(xml, "A1", "NIP");
	assert_text_cell(xml, "B1", "Gaji (Rp)");
	assert_text_cell(xml, "D1", "Capaian (%)");
	/* text cells: inline strings, never formulas, NIP with all 18
	 * digits */
	assert_text_cell(xml, "A2", "198503102010011002");
	c = cell_ok(xml, "A3");
	assert_contains(c, "t=\"inlineStr\"");
	assert_not_contains(c, "<f>");
	assert_contains(c, "=SUM(A1)");
	assert_contains(c, "&lt;&amp;&gt;");
	/* the control character is escaped, never a raw byte in XML */
	assert_null(strchr(xml, '\x01'));
	assert_contains(c, "xml:space=\"preserve\"");
	/* numbers: money as the whole number, the percent as a fraction
	 * (87.5 % = 0.875), the date as an Excel serial (2026-11-05 is
	 * 46331 days after 1899-12-30) */
	assert_num_cell(xml, "B2", "1234567");
	assert_num_cell(xml, "B3", "2000000");
	assert_num_cell(xml, "C2", "20");
	assert_num_cell(xml, "D2", "0.875");
	assert_num_cell(xml, "D3", "1");
	assert_num_cell(xml, "E2", "1.5");
	assert_num_cell(xml, "F2", "46331");
	assert_num_cell(xml, "G2", "9");
	assert_null(cell(xml, "F3"));  /* not set, not written */

	/* totals row 4: "Jumlah", then SUM formulas with the exact sums
	 * cached, only under summable columns */
	assert_text_cell(xml, "A4", "Jumlah");
	c = cell_ok(xml, "B4");
	assert_contains(c, "<f>SUM(B2:B3)</f><v>3234567</v>");
	c = cell_ok(xml, "C4");
	assert_contains(c, "<f>SUM(C2:C3)</f><v>41</v>");
	c = cell_ok(xml, "E4");
	assert_contains(c, "<f>SUM(E2:E3)</f><v>3.75</v>");
	assert_null(cell(xml, "D4"));  /* a percent is not summed */
	assert_null(cell(xml, "F4"));  /* nor a date */
	assert_null(cell(xml, "G4"));  /* nor kelas (NOSUM) */

	/* the autofilter covers header and data, not the totals; the pane
	 * is frozen under the header */
	assert_contains(xml, "<autoFilter ref=\"A1:G3\"/>");
	assert_contains(xml, "<pane ySplit=\"1\" topLeftCell=\"A2\" "
	                     "activePane=\"bottomLeft\" state=\"frozen\"/>");
	assert_contains(unzip(path, "xl/workbook.xml"),
	                "<definedName name=\"_xlnm._FilterDatabase\" "
	                "localSheetId=\"0\" hidden=\"1\">OPD!$A$1:$G$3"
	                "</definedName>");
}

/* With a title and a subtitle: title row 1, subtitle row 2, a blank row
 * 3, the header on row 4 (sheet row 3), data on 5 and 6, totals on 7. */
static void test_grid_title(void **state)
{
	const char *path = spath(0, "title.xlsx");
	const kj_coldef *defs[7];
	const char *labels[7], *xml;
	kj_xgrid_opts o = { .title = "Rekap TPP", .subtitle =
	                    "Periode: November 2026", .total = 1 };
	kj_xgrid *g;

	(void)state;
	defs_of(cols7, 7, defs, labels);
	open_wb(path);
	g = begin("Rekap", 7, defs, labels, &o);
	assert_int_equal(kj_xgrid_header_row(g), 3);
	two_rows(g);
	end_ok(g);
	close_wb();

	xml = sheet_xml(path, 1);
	assert_text_cell(xml, "A1", "Rekap TPP");
	assert_text_cell(xml, "A2", "Periode: November 2026");
	assert_null(cell(xml, "A3"));
	assert_text_cell(xml, "A4", "NIP");
	assert_text_cell(xml, "A5", "198503102010011002");
	assert_num_cell(xml, "B6", "2000000");
	assert_contains(cell_ok(xml, "B7"), "<f>SUM(B5:B6)</f><v>3234567</v>");
	assert_contains(xml, "<autoFilter ref=\"A4:G6\"/>");
	assert_contains(xml, "<pane ySplit=\"4\" topLeftCell=\"A5\"");
	assert_contains(xml, "state=\"frozen\"");
}

/* No rows at all: the totals are 0 (no empty SUM range), the autofilter
 * is the header alone. */
static void test_grid_empty(void **state)
{
	const char *path = spath(0, "empty.xlsx");
	const kj_coldef *defs[7];
	const char *labels[7], *xml;
	kj_xgrid_opts o = { .total = 1 };
	kj_xgrid *g;

	(void)state;
	defs_of(cols7, 7, defs, labels);
	open_wb(path);
	g = begin("Kosong", 7, defs, labels, &o);
	assert_int_equal(kj_xgrid_rows(g), 0);
	end_ok(g);
	close_wb();

	xml = sheet_xml(path, 1);
	assert_text_cell(xml, "A2", "Jumlah");
	assert_contains(cell_ok(xml, "B2"), "<v>0</v>");
	assert_not_contains(cell_ok(xml, "B2"), "SUM(");
	assert_contains(xml, "<autoFilter ref=\"A1:G1\"/>");
}

static void test_grid_no_columns(void **state)
{
	const kj_coldef *defs[1] = { NULL };
	const char *labels[1] = { NULL };
	kj_err err;

	(void)state;
	open_wb(spath(0, "nocols.xlsx"));
	memset(&err, 0, sizeof err);
	assert_null(kj_xgrid_begin(cur_x, "X", 0, defs, labels, NULL, &err));
	assert_contains(err.msg, "columns");
	close_wb();
}

/* ---- sheet names in a workbook ------------------------------------------ */

static void test_unique_sheet_names(void **state)
{
	const char *path = spath(0, "names.xlsx");
	static const char *const one[] = { "opd" };
	const kj_coldef *defs[1];
	const char *labels[1];
	char names[8][128], long31[40];
	kj_xgrid *g;

	(void)state;
	defs_of(one, 1, defs, labels);
	/* 31 characters: "Dinas Pendidikan dan Kebudayaan" */
	strcpy(long31, "Dinas Pendidikan dan Kebudayaan");
	assert_int_equal(strlen(long31), 31);
	open_wb(path);
	g = begin("OPD", 1, defs, labels, NULL);
	assert_string_equal(kj_xgrid_sheet_name(g), "OPD");
	end_ok(g);
	/* case-insensitively the same: "opd (2)" */
	g = begin("opd", 1, defs, labels, NULL);
	assert_string_equal(kj_xgrid_sheet_name(g), "opd (2)");
	end_ok(g);
	g = begin("Opd", 1, defs, labels, NULL);
	assert_string_equal(kj_xgrid_sheet_name(g), "Opd (3)");
	end_ok(g);
	/* the same name after sanitising: "OPD?" -> "OPD_", then "OPD*"
	 * -> "OPD_" again */
	g = begin("OPD?", 1, defs, labels, NULL);
	assert_string_equal(kj_xgrid_sheet_name(g), "OPD_");
	end_ok(g);
	g = begin("OPD*", 1, defs, labels, NULL);
	assert_string_equal(kj_xgrid_sheet_name(g), "OPD_ (2)");
	end_ok(g);
	/* a 31-character name twice: the base is cut to 27 characters to
	 * make room for " (2)" (4 characters) */
	g = begin(long31, 1, defs, labels, NULL);
	end_ok(g);
	g = begin(long31, 1, defs, labels, NULL);
	assert_string_equal(kj_xgrid_sheet_name(g),
	                    "Dinas Pendidikan dan Kebuda (2)");
	end_ok(g);
	close_wb();

	assert_int_equal(workbook_sheets(path, names, 8), 7);
	assert_string_equal(names[0], "OPD");
	assert_string_equal(names[1], "opd (2)");
	assert_string_equal(names[2], "Opd (3)");
	assert_string_equal(names[3], "OPD_");
	assert_string_equal(names[4], "OPD_ (2)");
	assert_string_equal(names[5], long31);
	assert_string_equal(names[6], "Dinas Pendidikan dan Kebuda (2)");
}

/*
 * The suffix of a unique name must respect Excel's limit in UTF-16 units
 * too.  15 emoji (U+1F600, 2 units each) + "A" is 31 units, a valid name;
 * the second grid of that name needs " (2)" (4 units), so the base must
 * be cut to 27 units: 13 emoji (26 units).  Counting code points instead
 * (16 + 4 = 20 <= 31) gives a 35-unit name that Excel refuses.
 */
static void test_unique_sheet_names_utf16(void **state)
{
	const char *path = spath(0, "names16.xlsx");
	static const char *const one[] = { "opd" };
	const kj_coldef *defs[1];
	const char *labels[1];
	char names[4][128], in[80];
	kj_xgrid *g;

	(void)state;
	defs_of(one, 1, defs, labels);
	in[0] = '\0';
	for (int i = 0; i < 15; i++)
		strcat(in, "\xf0\x9f\x98\x80");
	strcat(in, "A");
	assert_int_equal(utf16_units(in), 31);
	open_wb(path);
	g = begin(in, 1, defs, labels, NULL);
	assert_string_equal(kj_xgrid_sheet_name(g), in);
	end_ok(g);
	g = begin(in, 1, defs, labels, NULL);
	if (utf16_units(kj_xgrid_sheet_name(g)) > 31)
		fail_msg("second sheet name is %zu UTF-16 units (Excel allows "
		         "31)", utf16_units(kj_xgrid_sheet_name(g)));
	end_ok(g);
	close_wb();

	assert_int_equal(workbook_sheets(path, names, 4), 2);
	assert_true(utf16_units(names[1]) <= 31);
	assert_string_not_equal(names[0], names[1]);
}

/* ---- limits ------------------------------------------------------------- */

static void test_text_too_long(void **state)
{
	const char *path = spath(0, "long.xlsx");
	static const char *const one[] = { "nama" };
	const kj_coldef *defs[1];
	const char *labels[1], *xml;
	char *text = keep(malloc(2 * 32768 + 1));
	kj_xgrid *g;
	kj_err err;

	(void)state;
	defs_of(one, 1, defs, labels);
	open_wb(path);
	g = begin("Panjang", 1, defs, labels, NULL);

	/* 32768 characters: refused */
	memset(text, 'a', 32768);
	text[32768] = '\0';
	memset(&err, 0, sizeof err);
	assert_int_equal(kj_xgrid_text(g, 0, text, 32768, &err), -1);
	assert_contains(err.msg, "32768 characters");
	assert_contains(err.msg, "32767");
	assert_int_equal(kj_xgrid_end_row(g, &err), 0);

	/* 32767: the limit, accepted (NUL-terminated here: the (s, len)
	 * contract is test_text_len's business) */
	text[32767] = '\0';
	if (kj_xgrid_text(g, 0, text, 32767, &err) != 0)
		fail_msg("32767 characters refused: %s", err.msg);
	assert_int_equal(kj_xgrid_end_row(g, &err), 0);

	/* 32767 two-byte characters (65534 bytes): characters count, not
	 * bytes */
	text[0] = '\0';
	for (int i = 0; i < 32767; i++)
		memcpy(text + 2 * i, "\xc3\xa9", 2);
	text[2 * 32767] = '\0';
	assert_int_equal(kj_xgrid_text(g, 0, text, 2 * 32767, &err), 0);
	assert_int_equal(kj_xgrid_end_row(g, &err), 0);
	end_ok(g);
	close_wb();

	xml = sheet_xml(path, 1);
	assert_null(cell(xml, "A2"));              /* the refused one */
	assert_true(strlen(cell_ok(xml, "A3")) > 32767);
	assert_true(strlen(cell_ok(xml, "A4")) > 65534);
}

/* Text is (s, len): the bytes after len are not the cell's. */
static void test_text_len(void **state)
{
	const char *path = spath(0, "len.xlsx");
	static const char *const one[] = { "kode" };
	const kj_coldef *defs[1];
	const char *labels[1];
	kj_xgrid *g;
	kj_err err;

	(void)state;
	defs_of(one, 1, defs, labels);
	open_wb(path);
	g = begin("Kode", 1, defs, labels, NULL);
	memset(&err, 0, sizeof err);
	/* "DINKES.1.2" with len 6 is "DINKES" */
	assert_int_equal(kj_xgrid_text(g, 0, "DINKES.1.2", 6, &err), 0);
	assert_int_equal(kj_xgrid_end_row(g, &err), 0);
	/* len 0 is an empty cell */
	assert_int_equal(kj_xgrid_text(g, 0, "X", 0, &err), 0);
	assert_int_equal(kj_xgrid_end_row(g, &err), 0);
	end_ok(g);
	close_wb();
	{
		const char *xml = sheet_xml(path, 1);

		assert_text_cell(xml, "A2", "DINKES");
		assert_null(cell(xml, "A3"));
	}
}

/* Whole numbers are exact up to 2^53 = 9007199254740992 only. */
static void test_money_too_large(void **state)
{
	const char *path = spath(0, "big.xlsx");
	static const char *const names[] = { "opd", "gaji", "hadir" };
	const int64_t max = (int64_t)1 << 53;
	const kj_coldef *defs[3];
	const char *labels[3], *xml;
	kj_xgrid *g;
	kj_err err;

	(void)state;
	defs_of(names, 3, defs, labels);
	open_wb(path);
	g = begin("Besar", 3, defs, labels, NULL);
	memset(&err, 0, sizeof err);
	assert_int_equal(kj_xgrid_money(g, 1, max, &err), 0);
	assert_int_equal(kj_xgrid_int(g, 2, -max, &err), 0);
	assert_int_equal(kj_xgrid_end_row(g, &err), 0);
	assert_int_equal(kj_xgrid_money(g, 1, max + 1, &err), -1);
	assert_contains(err.msg, "9007199254740993");
	assert_contains(err.msg, "2^53");
	assert_int_equal(kj_xgrid_money(g, 1, -max - 1, &err), -1);
	assert_int_equal(kj_xgrid_money(g, 1, INT64_MAX, &err), -1);
	assert_int_equal(kj_xgrid_int(g, 2, INT64_MIN, &err), -1);
	assert_int_equal(kj_xgrid_end_row(g, &err), 0);
	/* the refused values are not in the sums */
	assert_int_equal(kj_xgrid_sum(g, 1), max);
	assert_int_equal(kj_xgrid_sum(g, 2), -max);
	end_ok(g);
	close_wb();

	xml = sheet_xml(path, 1);
	assert_num_cell(xml, "B2", "9007199254740992");
	assert_null(cell(xml, "B3"));
}

/* A total over 2^53 cannot be a cell: kj_xgrid_end fails, and still frees
 * the grid (the leak checker watches). */
static void test_total_too_large(void **state)
{
	static const char *const names[] = { "opd", "gaji" };
	const int64_t max = (int64_t)1 << 53;
	const kj_coldef *defs[2];
	const char *labels[2];
	kj_xgrid_opts o = { .total = 1 };
	kj_xgrid *g;
	kj_err err;

	(void)state;
	defs_of(names, 2, defs, labels);
	open_wb(spath(0, "bigtotal.xlsx"));
	g = begin("Total", 2, defs, labels, &o);
	memset(&err, 0, sizeof err);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(kj_xgrid_money(g, 1, max, &err), 0);
		assert_int_equal(kj_xgrid_end_row(g, &err), 0);
	}
	assert_int_equal(end_grid(g, &err), -1);
	assert_contains(err.msg, "too large");
	assert_contains(err.msg, "Gaji (Rp)");
	close_wb();
}

/* ---- reproducible output ------------------------------------------------ */

static void write_small(const char *path)
{
	static const char *const names[] = { "opd", "gaji" };
	const kj_coldef *defs[2];
	const char *labels[2];
	kj_xgrid_opts o = { .title = "Rekap", .total = 1 };
	kj_xgrid *g;
	kj_err err;

	defs_of(names, 2, defs, labels);
	open_wb(path);
	g = begin("OPD", 2, defs, labels, &o);
	memset(&err, 0, sizeof err);
	assert_int_equal(kj_xgrid_text(g, 0, "DINKES", 6, &err), 0);
	assert_int_equal(kj_xgrid_money(g, 1, 1500000, &err), 0);
	assert_int_equal(kj_xgrid_end_row(g, &err), 0);
	end_ok(g);
	close_wb();
}

/* SOURCE_DATE_EPOCH=1764000000 is 2025-11-24 16:00:00 UTC; two workbooks
 * written a second apart are the same bytes. */
static void test_source_date_epoch(void **state)
{
	const char *a = spath(0, "sde-a.xlsx"), *b = spath(1, "sde-b.xlsx");
	struct timespec pause = { 1, 100000000 };
	char *da, *db;
	size_t la, lb;

	(void)state;
	assert_int_equal(setenv("SOURCE_DATE_EPOCH", "1764000000", 1), 0);
	write_small(a);
	nanosleep(&pause, NULL);
	write_small(b);
	read_file(a, &da, &la);
	read_file(b, &db, &lb);
	assert_int_equal(la, lb);
	assert_memory_equal(da, db, la);
	assert_contains(unzip(a, "docProps/core.xml"),
	                "<dcterms:created xsi:type=\"dcterms:W3CDTF\">"
	                "2025-11-24T16:00:00Z</dcterms:created>");
}

/*
 * SOURCE_DATE_EPOCH=0 is a valid time (1970-01-01T00:00:00Z), not "now".
 * libxlsxwriter 1.1.4 takes a created time of 0 to mean "now", so the
 * workbook cannot carry exactly 0; a second later (…00:00:01Z) is still
 * reproducible, and is accepted here.
 */
static void test_source_date_epoch_zero(void **state)
{
	const char *a = spath(0, "sde-0.xlsx");

	(void)state;
	assert_int_equal(setenv("SOURCE_DATE_EPOCH", "0", 1), 0);
	write_small(a);
	assert_contains(unzip(a, "docProps/core.xml"),
	                "<dcterms:created xsi:type=\"dcterms:W3CDTF\">"
	                "1970-01-01T00:00:0");
}

static void test_source_date_epoch_invalid(void **state)
{
	static const char *const bad[] = { "abc", "-5", "17640000x", "1e9" };
	kj_err err;

	(void)state;
	for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
		assert_int_equal(setenv("SOURCE_DATE_EPOCH", bad[k], 1), 0);
		memset(&err, 0, sizeof err);
		assert_null(kj_xlsx_open(spath(0, "sde-bad.xlsx"), NULL, &err));
		assert_contains(err.msg, "SOURCE_DATE_EPOCH");
		assert_contains(err.msg, bad[k]);
	}
}

/* A refused SOURCE_DATE_EPOCH is a usage error (status 2: "nothing
 * written"): no workbook may appear at the path. */
static void test_source_date_epoch_invalid_writes_nothing(void **state)
{
	const char *path = spath(0, "sde-nothing.xlsx");
	kj_err err;

	(void)state;
	assert_int_equal(setenv("SOURCE_DATE_EPOCH", "abc", 1), 0);
	memset(&err, 0, sizeof err);
	assert_null(kj_xlsx_open(path, NULL, &err));
	assert_int_equal(err.status, KJ_EXIT_USAGE);
	if (access(path, F_OK) == 0) {
		remove(path);
		fail_msg("kj_xlsx_open refused SOURCE_DATE_EPOCH=abc but "
		         "wrote a workbook to %s", path);
	}
}

/* ---- failures ---------------------------------------------------------- */

/* A workbook that cannot be created: an error with status 3 from open
 * or close, nothing crashes, nothing leaks. */
static void test_unwritable_path(void **state)
{
	static const char *const one[] = { "opd" };
	const kj_coldef *defs[1];
	const char *labels[1];
	kj_xlsx *x;
	kj_err err;

	(void)state;
	defs_of(one, 1, defs, labels);
	memset(&err, 0, sizeof err);
	x = kj_xlsx_open(spath(0, "no-such-dir/out.xlsx"), "t", &err);
	if (x) {
		kj_xgrid *g = kj_xgrid_begin(x, "A", 1, defs, labels, NULL,
		                             &err);

		char buf[1024];
		int rc;

		assert_non_null(g);
		assert_int_equal(kj_xgrid_end(g, &err), 0);
		/* libxlsxwriter prints its own "[ERROR] workbook_close()"
		 * line: keep it out of the test log */
		cap_begin();
		rc = kj_xlsx_close(x, &err);
		cap_end(buf, sizeof buf);
		assert_int_equal(rc, -1);
	}
	assert_int_equal(err.status, KJ_EXIT_INTERNAL);
	assert_true(err.msg[0] != '\0');
}

/* ---- continuation sheets ------------------------------------------------ */

/*
 * Past Excel's 1,048,576 rows the grid goes on on "Big (2)".  With a
 * totals row, the last sheet row (1048576) is kept free on every sheet,
 * so the first holds the header (row 1) and data rows 2..1048575:
 * 1,048,574 rows.  1,048,576 rows leave 2 for "Big (2)" (rows 2 and 3),
 * whose row 4 holds the totals of all sheets as plain numbers (a SUM over
 * one sheet would be wrong).  About 60 MB of XML: the slowest test here.
 */
static void test_continuation_sheet(void **state)
{
	const char *path = spath(0, "cont.xlsx");
	static const char *const names[] = { "opd", "hadir" };
	const kj_coldef *defs[2];
	const char *labels[2], *xml, *wb;
	kj_xgrid_opts o = { .total = 1 };
	char msgs[1024];
	kj_xgrid *g;
	kj_err err;

	(void)state;
	defs_of(names, 2, defs, labels);
	open_wb(path);
	g = begin("Big", 2, defs, labels, &o);
	memset(&err, 0, sizeof err);
	cap_begin();
	for (uint32_t i = 0; i < 1048576u; i++)
		if (kj_xgrid_int(g, 1, 1, &err) || kj_xgrid_end_row(g, &err))
			fail_msg("row %u: %s", i, err.msg);
	cap_end(msgs, sizeof msgs);
	assert_string_equal(msgs, "kinerja: warning: sheet 'Big' is full at "
	                          "1048576 rows; continuing on 'Big (2)'\n");
	assert_int_equal(kj_xgrid_rows(g), 1048576);
	assert_int_equal(kj_xgrid_sum(g, 1), 1048576);
	/* the grid keeps the name of its first sheet */
	assert_string_equal(kj_xgrid_sheet_name(g), "Big");
	end_ok(g);
	close_wb();

	xml = sheet_xml(path, 2);
	assert_text_cell(xml, "A1", "OPD");
	assert_num_cell(xml, "B2", "1");
	assert_num_cell(xml, "B3", "1");
	assert_text_cell(xml, "A4", "Jumlah (semua lembar)");
	assert_num_cell(xml, "B4", "1048576");
	assert_not_contains(xml, "<f>");
	assert_contains(xml, "<autoFilter ref=\"A1:B3\"/>");
	assert_contains(xml, "<pane ySplit=\"1\" topLeftCell=\"A2\"");
	wb = unzip(path, "xl/workbook.xml");
	assert_contains(wb, "<sheet name=\"Big\" sheetId=\"1\"");
	assert_contains(wb, "<sheet name=\"Big (2)\" sheetId=\"2\"");
	assert_contains(wb, ">Big!$A$1:$B$1048575</definedName>");
	assert_contains(wb, ">'Big (2)'!$A$1:$B$3</definedName>");
}

/* ---- chart -------------------------------------------------------------- */

static void test_chart(void **state)
{
	const char *path = spath(0, "chart.xlsx");
	static const char *const names[] = { "opd", "gaji" };
	const kj_coldef *defs[2];
	const char *labels[2], *xml;
	kj_xgrid *g;
	kj_err err;

	(void)state;
	defs_of(names, 2, defs, labels);
	open_wb(path);
	/* a sheet name with a blank must be quoted in the chart's ranges */
	g = begin("Rekap OPD", 2, defs, labels, NULL);
	memset(&err, 0, sizeof err);
	assert_int_equal(kj_xgrid_text(g, 0, "DINKES", 6, &err), 0);
	assert_int_equal(kj_xgrid_money(g, 1, 1500000, &err), 0);
	assert_int_equal(kj_xgrid_end_row(g, &err), 0);
	assert_int_equal(kj_xgrid_text(g, 0, "DISDIK", 6, &err), 0);
	assert_int_equal(kj_xgrid_money(g, 1, 2500000, &err), 0);
	assert_int_equal(kj_xgrid_end_row(g, &err), 0);
	assert_int_equal(kj_xgrid_chart(g, 0, 1, "Gaji per OPD", &err), 0);
	end_ok(g);
	close_wb();

	xml = unzip(path, "xl/charts/chart1.xml");
	assert_contains(xml, "<c:f>'Rekap OPD'!$A$2:$A$3</c:f>");
	assert_contains(xml, "<c:f>'Rekap OPD'!$B$2:$B$3</c:f>");
	assert_contains(xml, "Gaji per OPD");
}

/* ---- kj_table_write_grid and kj_xgrid_value (lib/table.c) --------------- */

static void test_table_write_grid(void **state)
{
	const char *path = spath(0, "table.xlsx");
	static const char *const names[] = {
		"nip", "gaji", "capaian_pct", "beban_jam", "mulai", "hadir"
	};
	const kj_coldef *defs[6];
	const char *labels[6], *xml;
	kj_xgrid_opts o = { .total = 1 };
	kj_table *t;
	kj_xgrid *g;
	kj_err err;

	(void)state;
	gc_table = t = kj_table_new(6, names);
	for (size_t c = 0; c < 6; c++) {
		defs[c] = kj_table_def(t, c);
		labels[c] = defs[c]->label;
	}
	kj_table_add_row(t);
	kj_table_set_text(t, 0, "098503102010011002");
	kj_table_set_int(t, 1, 4500000);
	kj_table_set_int(t, 2, 875000);
	kj_table_set_num(t, 3, 0.5);
	kj_table_set_text(t, 4, "2026-11-05");
	kj_table_set_int(t, 5, 20);
	kj_table_add_row(t);
	kj_table_set_text(t, 0, "199001012015032001");
	kj_table_set_int(t, 1, 500000);
	/* the rest unset: empty cells */

	open_wb(path);
	g = begin("Tabel", 6, defs, labels, &o);
	memset(&err, 0, sizeof err);
	if (kj_table_write_grid(t, g, &err))
		fail_msg("kj_table_write_grid: %s", err.msg);
	assert_int_equal(kj_xgrid_rows(g), 2);
	end_ok(g);
	close_wb();

	xml = sheet_xml(path, 1);
	/* the NIP with its leading zero, as text */
	assert_text_cell(xml, "A2", "098503102010011002");
	assert_num_cell(xml, "B2", "4500000");
	assert_num_cell(xml, "C2", "0.875");
	assert_num_cell(xml, "D2", "0.5");
	assert_num_cell(xml, "E2", "46331");
	assert_num_cell(xml, "F2", "20");
	assert_text_cell(xml, "A3", "199001012015032001");
	assert_null(cell(xml, "C3"));
	assert_null(cell(xml, "E3"));
	assert_contains(cell_ok(xml, "B4"), "<f>SUM(B2:B3)</f><v>5000000</v>");
}

/* A date column holding a text that is not a date: an error, not a
 * crash or a text cell. */
static void test_table_write_grid_bad_date(void **state)
{
	static const char *const names[] = { "nip", "mulai" };
	const kj_coldef *defs[2];
	const char *labels[2];
	kj_table *t;
	kj_xgrid *g;
	kj_err err;

	(void)state;
	gc_table = t = kj_table_new(2, names);
	for (size_t c = 0; c < 2; c++) {
		defs[c] = kj_table_def(t, c);
		labels[c] = defs[c]->label;
	}
	kj_table_add_row(t);
	kj_table_set_text(t, 0, "198503102010011002");
	kj_table_set_text(t, 1, "2026-02-30");
	open_wb(spath(0, "baddate.xlsx"));
	g = begin("Tabel", 2, defs, labels, NULL);
	memset(&err, 0, sizeof err);
	assert_int_equal(kj_table_write_grid(t, g, &err), -1);
	assert_contains(err.msg, "2026-02-30");
	end_ok(g);
	close_wb();
}

/* kj_xgrid_value writes each parsed type as its own cell kind; an empty
 * value writes nothing. */
static void test_xgrid_value(void **state)
{
	const char *path = spath(0, "value.xlsx");
	static const char *const names[] = {
		"nip", "gaji", "capaian_pct", "beban_jam", "mulai", "hadir"
	};
	static const char *const texts[] = {
		"198503102010011002", "Rp 1.234.567", "87,5", "0,25",
		"2028-02-29", "-3"
	};
	const kj_coldef *defs[6];
	const char *labels[6], *xml;
	kj_xgrid *g;
	kj_value v;
	kj_err err;

	(void)state;
	defs_of(names, 6, defs, labels);
	open_wb(path);
	g = begin("Nilai", 6, defs, labels, NULL);
	memset(&err, 0, sizeof err);
	for (size_t c = 0; c < 6; c++) {
		assert_int_equal(kj_value_parse(defs[c]->type, texts[c],
		                                strlen(texts[c]), &v, &err), 0);
		assert_int_equal(kj_xgrid_value(g, c, &v, &err), 0);
	}
	assert_int_equal(kj_xgrid_end_row(g, &err), 0);
	for (size_t c = 0; c < 6; c++) {
		assert_int_equal(kj_value_parse(defs[c]->type, "", 0, &v,
		                                &err), 0);
		assert_int_equal(kj_xgrid_value(g, c, &v, &err), 0);
	}
	assert_int_equal(kj_xgrid_end_row(g, &err), 0);
	end_ok(g);
	close_wb();

	xml = sheet_xml(path, 1);
	assert_text_cell(xml, "A2", "198503102010011002");
	assert_num_cell(xml, "B2", "1234567");
	assert_num_cell(xml, "C2", "0.875");
	assert_num_cell(xml, "D2", "0.25");
	/* 2028-02-29: 46331 (2026-11-05) + 25 (rest of Nov) + 31 (Dec) +
	 * 365 (2027) + 31 (Jan 2028) + 29 = 46812 */
	assert_num_cell(xml, "E2", "46812");
	assert_num_cell(xml, "F2", "-3");
	/* the empty values: no cell on row 3 */
	assert_null(cell(xml, "A3"));
	assert_null(cell(xml, "C3"));
	assert_null(cell(xml, "F3"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_name_plain),
		cmocka_unit_test(test_name_forbidden_chars),
		cmocka_unit_test(test_name_cut_31),
		cmocka_unit_test(test_name_astral),
		cmocka_unit_test(test_name_apostrophes_blanks),
		cmocka_unit_test(test_name_empty_and_history),
		cmocka_unit_test(test_name_invalid_utf8),
		cmocka_unit_test_teardown(test_grid_cells_and_totals, teardown),
		cmocka_unit_test_teardown(test_grid_title, teardown),
		cmocka_unit_test_teardown(test_grid_empty, teardown),
		cmocka_unit_test_teardown(test_grid_no_columns, teardown),
		cmocka_unit_test_teardown(test_unique_sheet_names, teardown),
		cmocka_unit_test_teardown(test_unique_sheet_names_utf16,
		                          teardown),
		cmocka_unit_test_teardown(test_text_too_long, teardown),
		cmocka_unit_test_teardown(test_text_len, teardown),
		cmocka_unit_test_teardown(test_money_too_large, teardown),
		cmocka_unit_test_teardown(test_total_too_large, teardown),
		cmocka_unit_test_teardown(test_source_date_epoch, teardown),
		cmocka_unit_test_teardown(test_source_date_epoch_zero, teardown),
		cmocka_unit_test_teardown(test_source_date_epoch_invalid,
		                          teardown),
		cmocka_unit_test_teardown(
			test_source_date_epoch_invalid_writes_nothing,
			teardown),
		cmocka_unit_test_teardown(test_unwritable_path, teardown),
		cmocka_unit_test_teardown(test_continuation_sheet, teardown),
		cmocka_unit_test_teardown(test_chart, teardown),
		cmocka_unit_test_teardown(test_table_write_grid, teardown),
		cmocka_unit_test_teardown(test_table_write_grid_bad_date,
		                          teardown),
		cmocka_unit_test_teardown(test_xgrid_value, teardown),
	};

	return cmocka_run_group_tests_name("xlsx", tests, group_setup,
	                                   group_teardown);
}
