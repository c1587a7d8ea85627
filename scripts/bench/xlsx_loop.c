/*
 * xlsx_loop: the bare libxlsxwriter peer of the rekap-xlsx benchmark.
 *
 *     xlsx_loop IN.tsv OUT.xlsx
 *
 * It writes the cells rekap-xlsx writes for the benchmark table, with nothing
 * of rekap-xlsx around them: one pass over the input (rekap-xlsx reads it
 * twice, for types and widths), no unescaping (the generated data has no
 * backslashes), no validation of UTF-8 or of Rupiah forms, no atomic output.
 * That is the point of the peer: the ratio rekap-xlsx / xlsx_loop is the
 * price of everything rekap-xlsx adds to the library's own work.
 *
 * What must match rekap-xlsx so the comparison is fair: constant_memory mode,
 * one worksheet, a bold header row, the same cell types (numbers for numeric
 * columns, strings for text, empty fields left empty), one format object per
 * kind (Rupiah, percent written as a fraction, integer), frozen header and an
 * autofilter.  Column widths are left out: they need the first pass.
 *
 * Exit status as in kinerja: 0 written, 2 bad usage or bad input, 3 a
 * libxlsxwriter or system failure.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#define MAX_COLS 256
/* Benchmark rows are about 200 bytes; a longer line means the wrong input. */
#define MAX_LINE 65536

/* Cell kinds, decided from the column name as the rekap-xlsx registry does
 * for these columns. */
enum kind { K_TEXT, K_MONEY, K_PERCENT, K_INTEGER };

static const char *prog = "xlsx_loop";

static _Noreturn void die(int status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static _Noreturn void die(int status, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(status);
}

static void check(lxw_error e, const char *what)
{
	if (e != LXW_NO_ERROR) {
		fprintf(stderr, "%s: %s: %s\n", prog, what, lxw_strerror(e));
		exit(3);
	}
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static enum kind kind_of(const char *name)
{
	static const char *const text[] = {
		"nip", "nama", "opd", "jabatan", "periode", "rincian"
	};
	static const char *const integer[] = { "kelas", "hari_kerja", "tk" };
	size_t i;

	for (i = 0; i < sizeof text / sizeof text[0]; i++)
		if (strcmp(name, text[i]) == 0)
			return K_TEXT;
	for (i = 0; i < sizeof integer / sizeof integer[0]; i++)
		if (strcmp(name, integer[i]) == 0)
			return K_INTEGER;
	if (ends_with(name, "_pct"))
		return K_PERCENT;
	return K_MONEY;
}

/*
 * Split line (without its newline) at TABs in place; returns the number of
 * fields, or MAX_COLS + 1 when there are too many.
 */
static size_t split(char *line, char **field)
{
	size_t n = 0;
	char *p = line, *tab;

	for (;;) {
		if (n == MAX_COLS)
			return MAX_COLS + 1;
		field[n++] = p;
		tab = strchr(p, '\t');
		if (tab == NULL)
			return n;
		*tab = '\0';
		p = tab + 1;
	}
}

/*
 * The sheet name rekap-xlsx gives a single input: the file name without
 * folder and ".tsv", at most 31 bytes (benchmark names are ASCII).
 */
static void sheet_name(const char *path, char *out, size_t size)
{
	const char *base = strrchr(path, '/');
	size_t n;

	base = base != NULL ? base + 1 : path;
	n = strlen(base);
	if (ends_with(base, ".tsv"))
		n -= 4;
	if (n > 31)
		n = 31;
	if (n >= size)
		n = size - 1;
	memcpy(out, base, n);
	out[n] = '\0';
	if (n == 0)
		strcpy(out, "Data");
}

/* Read one line into buf without its LF; 0 at end of input. */
static int read_line(FILE *in, char *buf, const char *path, long lineno)
{
	size_t len;

	if (fgets(buf, MAX_LINE, in) == NULL) {
		if (ferror(in))
			die(3, "%s: read error", path);
		return 0;
	}
	len = strlen(buf);
	if (len > 0 && buf[len - 1] == '\n')
		buf[--len] = '\0';
	else if (!feof(in))
		die(2, "%s:%ld: line too long", path, lineno);
	return 1;
}

int main(int argc, char **argv)
{
	static char buf[MAX_LINE];
	static char *field[MAX_COLS + 1];
	static char *names[MAX_COLS];
	static enum kind kinds[MAX_COLS];
	char sheet[32];
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE };
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *bold, *money, *percent, *integer, *fmt;
	FILE *in;
	size_t ncols, n, c;
	lxw_row_t row = 0;
	long lineno = 1;

	if (argc != 3) {
		fprintf(stderr, "usage: %s IN.tsv OUT.xlsx\n", prog);
		return 2;
	}
	in = fopen(argv[1], "r");
	if (in == NULL)
		die(2, "cannot open %s: %s", argv[1], strerror(errno));
	if (!read_line(in, buf, argv[1], lineno))
		die(2, "%s: empty input, expected a header", argv[1]);
	ncols = split(buf, field);
	if (ncols > MAX_COLS)
		die(2, "%s:1: more than %d columns", argv[1], MAX_COLS);

	wb = workbook_new_opt(argv[2], &opt);
	if (wb == NULL)
		die(3, "cannot create workbook %s", argv[2]);
	sheet_name(argv[1], sheet, sizeof sheet);
	ws = workbook_add_worksheet(wb, sheet);
	if (ws == NULL)
		die(3, "cannot add a worksheet to %s", argv[2]);
	bold = workbook_add_format(wb);
	money = workbook_add_format(wb);
	percent = workbook_add_format(wb);
	integer = workbook_add_format(wb);
	if (bold == NULL || money == NULL || percent == NULL || integer == NULL)
		die(3, "cannot add formats to %s", argv[2]);
	format_set_bold(bold);
	format_set_num_format(money, "\"Rp \"#,##0");
	format_set_num_format(percent, "0.00%");
	format_set_num_format(integer, "#,##0");

	for (c = 0; c < ncols; c++) {
		/* The header buffer is reused for data: keep the names. */
		names[c] = strdup(field[c]);
		if (names[c] == NULL)
			die(3, "out of memory");
		kinds[c] = kind_of(names[c]);
		check(worksheet_write_string(ws, 0, (lxw_col_t)c, names[c], bold),
		      "header");
	}
	worksheet_freeze_panes(ws, 1, 0);

	while (read_line(in, buf, argv[1], ++lineno)) {
		n = split(buf, field);
		if (n != ncols) {
			die(2, "%s:%ld: expected %zu fields, found %zu",
			    argv[1], lineno, ncols, n);
		}
		row++;
		for (c = 0; c < ncols; c++) {
			const char *v = field[c];
			char *end;
			double d;

			if (*v == '\0')
				continue;  /* empty field, empty cell */
			if (kinds[c] == K_TEXT) {
				check(worksheet_write_string(ws, row, (lxw_col_t)c,
				                             v, NULL), "string cell");
				continue;
			}
			errno = 0;
			d = strtod(v, &end);
			if (*end != '\0' || errno != 0)
				die(2, "%s:%ld: not a number: %s", argv[1], lineno, v);
			fmt = money;
			if (kinds[c] == K_PERCENT) {
				d /= 100;
				fmt = percent;
			} else if (kinds[c] == K_INTEGER) {
				fmt = integer;
			}
			check(worksheet_write_number(ws, row, (lxw_col_t)c, d, fmt),
			      "number cell");
		}
	}
	fclose(in);
	check(worksheet_autofilter(ws, 0, 0, row, (lxw_col_t)(ncols - 1)),
	      "autofilter");
	check(workbook_close(wb), "workbook_close");
	for (c = 0; c < ncols; c++)
		free(names[c]);
	return 0;
}
