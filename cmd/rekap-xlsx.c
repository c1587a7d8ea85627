/*
 * rekap-xlsx: TSV streams into the XLSX recap workbook for the Sekda.
 *
 * Two passes over the inputs: the first learns the columns' types (from
 * the registry, or inferred from the values), checks every value, and
 * collects the split values; the second writes the cells.  Every value is
 * checked before the workbook is created, so bad input never leaves a
 * half-written file, and memory stays flat however many rows come
 * (libxlsxwriter's constant_memory mode, one line of TSV at a time).
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "colreg.h"
#include "diag.h"
#include "io.h"
#include "mem.h"
#include "period.h"
#include "strmap.h"
#include "table.h"
#include "tsv.h"
#include "xlsx.h"

static const char usage_text[] =
	"usage: rekap-xlsx [-o FILE.xlsx] [-t TITLE] [-s COL] [--total] "
	"[-c COL] [-n NAME]... [FILE.tsv...]\n";

static const char help_text[] =
	"Turn TSV files into an XLSX recap workbook.\n"
	"\n"
	"  -o, --output FILE   write the workbook to FILE (atomically); without\n"
	"                      -o it goes to standard output, never a terminal\n"
	"  -t, --title TEXT    a title row (and the period, when the inputs\n"
	"                      have one periode) above the header\n"
	"  -s, --split-by COL  one sheet per value of COL after a summary sheet\n"
	"      --total         a totals row under every summable column\n"
	"  -c, --chart COL     bar chart of COL (or jumlah) per value of the\n"
	"                      split column, on the summary sheet\n"
	"  -n, --sheet NAME    name of the sheet of the next input (with -s:\n"
	"                      of the summary sheet); repeatable\n"
	"  -h, --help          this help;  -V, --version  the version\n"
	"\n"
	"No FILE, or -, reads standard input; .gz files are read directly.\n"
	"Exit status: 0 written, 2 bad usage or input (nothing written),\n"
	"3 internal or system error.  See rekap-xlsx(1).\n";

/* The sheet (and summary row) of rows whose split value is empty. */
#define EMPTY_VALUE "(kosong)"

struct column {
	const char *name;   /* canonical, owned by the tsv of pass 1 copy */
	char *label;
	kj_coldef def;      /* for unknown columns: inferred */
	int known;
	kj_infer inf;
};

struct input {
	const char *arg;    /* as given */
	char *path;         /* what to open (a spooled copy for stdin) */
	const char *display;
	const char *sheet;  /* from -n, or NULL */
	size_t ncols;
	struct column *cols;
};

struct opts {
	const char *output, *title, *split, *chart, *summary_name;
	int total;
};

static kj_output *stdin_spool;

/* Standard input can be read only once: copy it to a temporary file
 * (removed at exit) so that both passes can read it. */
static char *spool_stdin(void)
{
	kj_err err;
	char buf[1 << 16];
	ssize_t n;
	FILE *f;

	stdin_spool = kj_output_open_named(NULL, &err);
	if (!stdin_spool)
		kj_die_err(&err);
	f = fopen(kj_output_path(stdin_spool), "wb");
	if (!f)
		kj_die(KJ_EXIT_INTERNAL, "cannot spool standard input: %s",
		       strerror(errno));
	while ((n = read(STDIN_FILENO, buf, sizeof buf)) > 0)
		if (fwrite(buf, 1, (size_t)n, f) != (size_t)n)
			break;
	if (n < 0 || fclose(f) != 0)
		kj_die(KJ_EXIT_INTERNAL, "cannot spool standard input: %s",
		       strerror(errno));
	return kj_xstrdup(kj_output_path(stdin_spool));
}

static _Noreturn void die_field(const kj_tsv *t, size_t col, const kj_err *e)
{
	kj_err full;

	kj_tsv_value_err(t, col, e, &full);
	kj_die_err(&full);
}

/* Pass 1 over one input: columns, types, checks, split values. */
static void scan_input(struct input *in, const struct input *first,
                       const struct opts *o, kj_strmap *groups,
                       char **periode, int *periode_mixed)
{
	kj_err err;
	kj_tsv *t = kj_tsv_open_as(in->path, in->display, &err);
	int split_col = -1, per_col;

	if (!t)
		kj_die_err(&err);
	in->ncols = kj_tsv_ncols(t);
	in->cols = kj_xcalloc(in->ncols, sizeof *in->cols);
	for (size_t c = 0; c < in->ncols; c++) {
		struct column *col = &in->cols[c];
		const kj_coldef *def = kj_col_lookup(kj_tsv_colname(t, c));

		col->name = kj_xstrdup(kj_tsv_colname(t, c));
		if (def) {
			col->def = *def;
			col->known = 1;
			col->label = kj_xstrdup(def->label);
		} else {
			col->def.name = col->name;
			col->label = kj_xstrdup(kj_tsv_header(t, c));
			col->def.label = col->label;
			kj_infer_init(&col->inf);
		}
	}
	if (o->split && first && first != in) {
		/* Pooled inputs must agree column by column. */
		if (first->ncols != in->ncols) {
			kj_err_set(&err, in->display, 1, 0,
			           "%zu columns, but %s has %zu (inputs "
			           "split together need the same columns)",
			           in->ncols, first->display, first->ncols);
			kj_die_err(&err);
		}
		for (size_t c = 0; c < in->ncols; c++) {
			if (strcmp(first->cols[c].name, in->cols[c].name)) {
				kj_err_set(&err, in->display, 1,
				           0, "column %zu is '%s', but in %s it "
				           "is '%s' (inputs split together need "
				           "the same columns)", c + 1,
				           in->cols[c].name, first->display,
				           first->cols[c].name);
				kj_die_err(&err);
			}
		}
	}
	if (o->split) {
		split_col = kj_tsv_need(t, o->split, &err);
		if (split_col < 0) {
			kj_err_set(&err, in->display, 1, 0,
			           "no column '%s' to split by", o->split);
			kj_die_err(&err);
		}
	}
	per_col = kj_tsv_col(t, "periode");
	for (;;) {
		int rc = kj_tsv_next(t, &err);

		if (rc < 0)
			kj_die_err(&err);
		if (rc == 0)
			break;
		for (size_t c = 0; c < in->ncols; c++) {
			struct column *col = &in->cols[c];
			const char *s = kj_tsv_field(t, c);
			size_t len = kj_tsv_len(t, c);
			kj_value v;

			if (!col->known) {
				kj_infer_add(&col->inf, s, len);
				continue;
			}
			if (kj_value_parse(col->def.type, s, len, &v, &err))
				die_field(t, c, &err);
		}
		if (split_col >= 0) {
			size_t n = kj_strmap_count(groups);

			kj_strmap_put(groups, kj_tsv_field(t, (size_t)split_col),
			              kj_tsv_len(t, (size_t)split_col), n, NULL);
		}
		if (per_col >= 0 && !*periode_mixed) {
			const char *p = kj_tsv_field(t, (size_t)per_col);

			if (!*periode)
				*periode = kj_xstrdup(p);
			else if (strcmp(*periode, p) != 0)
				*periode_mixed = 1;
		}
	}
	kj_tsv_close(t);
}

/*
 * The types of unknown columns, from all their values: per input, or over
 * all inputs when they are split together (one column, one type, on every
 * sheet and in the summary).
 */
static void settle_types(struct input *inputs, size_t n, int pooled)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t c = 0; c < inputs[i].ncols; c++) {
			struct column *col = &inputs[i].cols[c];
			kj_infer inf = col->inf;

			if (col->known)
				continue;
			for (size_t k = 0; pooled && k < n; k++) {
				const kj_infer *o = &inputs[k].cols[c].inf;

				inf.numeric &= o->numeric;
				inf.integral &= o->integral;
				inf.wide |= o->wide;
				inf.any |= o->any;
			}
			col->def.type = kj_infer_type(&inf);
		}
	}
}

/* Write the current record of t into grid g. */
static void write_row(kj_tsv *t, const struct input *in, kj_xgrid *g)
{
	kj_err err;

	for (size_t c = 0; c < in->ncols; c++) {
		kj_value v;

		if (kj_value_parse(in->cols[c].def.type, kj_tsv_field(t, c),
		                   kj_tsv_len(t, c), &v, &err) ||
		    kj_xgrid_value(g, c, &v, &err))
			die_field(t, c, &err);
	}
	if (kj_xgrid_end_row(g, &err))
		kj_die_err(&err);
}

static kj_tsv *reopen(const struct input *in)
{
	kj_err err;
	kj_tsv *t = kj_tsv_open_as(in->path, in->display, &err);

	if (!t)
		kj_die_err(&err);
	return t;
}

static void next_or_die(kj_tsv *t, int *rc)
{
	kj_err err;

	*rc = kj_tsv_next(t, &err);
	if (*rc < 0)
		kj_die_err(&err);
}

static const char *sheet_from_file(const struct input *in, char *buf,
                                   size_t n)
{
	const char *base, *s = in->arg;
	static const char *const ext[] = { ".tsv.gz", ".gz", ".tsv" };
	size_t len;

	if (in->sheet)
		return in->sheet;
	if (strcmp(s, "-") == 0)
		return "Data";
	base = strrchr(s, '/');
	base = base ? base + 1 : s;
	len = strlen(base);
	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		size_t el = strlen(ext[i]);

		if (len > el && strcmp(base + len - el, ext[i]) == 0) {
			len -= el;
			break;
		}
	}
	snprintf(buf, n, "%.*s", (int)len, base);
	return buf;
}

/* Each split value gets a sheet, and constant_memory keeps a temporary
 * file open per sheet: allow as many open files as the system lets us. */
static size_t max_sheets(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return 900;
	if (rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
		getrlimit(RLIMIT_NOFILE, &rl);
	}
	return rl.rlim_cur > 64 + 16 ? (size_t)rl.rlim_cur - 64 : 16;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static const kj_coldef **defs_of(const struct input *in, const char ***labels)
{
	const kj_coldef **defs = kj_xcalloc(in->ncols, sizeof *defs);

	*labels = kj_xcalloc(in->ncols, sizeof **labels);
	for (size_t c = 0; c < in->ncols; c++) {
		defs[c] = &in->cols[c].def;
		(*labels)[c] = in->cols[c].label;
	}
	return defs;
}

/* One sheet per input. */
static void write_plain(kj_xlsx *x, struct input *inputs, size_t n,
                        const kj_xgrid_opts *gopts)
{
	kj_err err;

	for (size_t i = 0; i < n; i++) {
		const char **labels;
		const kj_coldef **defs = defs_of(&inputs[i], &labels);
		char buf[256];
		kj_tsv *t = reopen(&inputs[i]);
		kj_xgrid *g = kj_xgrid_begin(x, sheet_from_file(&inputs[i], buf,
		                                                sizeof buf),
		                             inputs[i].ncols, defs, labels,
		                             gopts, &err);
		int rc;

		if (!g)
			kj_die_err(&err);
		for (next_or_die(t, &rc); rc > 0; next_or_die(t, &rc))
			write_row(t, &inputs[i], g);
		if (kj_xgrid_end(g, &err))
			kj_die_err(&err);
		kj_tsv_close(t);
		free(defs);
		free(labels);
	}
}

/* A summary sheet, then one sheet per value of the split column. */
static void write_split(kj_xlsx *x, struct input *inputs, size_t n,
                        kj_strmap *groups, const struct opts *o,
                        const kj_xgrid_opts *gopts)
{
	const struct input *first = &inputs[0];
	size_t ngroups = kj_strmap_count(groups), split_col = 0, nsum = 0;
	const char **labels, **values, **sum_names;
	const kj_coldef **defs = defs_of(first, &labels);
	size_t *sum_cols, *order;
	kj_xgrid **grids, *summary;
	kj_table *table;
	kj_err err;
	int chart_col = -1;

	for (size_t c = 0; c < first->ncols; c++)
		if (strcmp(first->cols[c].name, o->split) == 0)
			split_col = c;

	/* The summary: the split value, jumlah, and every summable
	 * column's total. */
	sum_cols = kj_xcalloc(first->ncols, sizeof *sum_cols);
	sum_names = kj_xcalloc(first->ncols + 2, sizeof *sum_names);
	sum_names[0] = first->cols[split_col].name;
	sum_names[1] = "jumlah";
	for (size_t c = 0; c < first->ncols; c++) {
		if (c != split_col && kj_col_summable(defs[c])) {
			sum_cols[nsum] = c;
			sum_names[2 + nsum++] = first->cols[c].name;
		}
	}
	if (o->chart) {
		for (size_t k = 1; k < nsum + 2; k++)
			if (strcmp(sum_names[k], o->chart) == 0)
				chart_col = (int)k;
		if (chart_col < 0)
			kj_die(KJ_EXIT_USAGE,
			       "--chart %s: expected 'jumlah' or a summable "
			       "numeric column of the input", o->chart);
	}
	/* Unknown numeric columns: the table takes the input's types. */
	const kj_coldef **sdefs = kj_xcalloc(nsum + 2, sizeof *sdefs);
	const char **slabels = kj_xcalloc(nsum + 2, sizeof *slabels);
	/* The split values are sheet names: text, whatever their type. */
	kj_coldef split_def = *defs[split_col];
	split_def.type = KJ_COL_TEXT;
	sdefs[0] = &split_def;
	slabels[0] = labels[split_col];
	sdefs[1] = kj_col_lookup("jumlah");
	slabels[1] = sdefs[1]->label;
	for (size_t k = 0; k < nsum; k++) {
		sdefs[2 + k] = defs[sum_cols[k]];
		slabels[2 + k] = labels[sum_cols[k]];
	}
	table = kj_table_new_defs(nsum + 2, sdefs);
	summary = kj_xgrid_begin(x, o->summary_name ? o->summary_name
	                                            : "Ringkasan",
	                         nsum + 2, sdefs, slabels, gopts, &err);
	if (!summary)
		kj_die_err(&err);

	/* Sheets in byte order of the value, all created before any row. */
	values = kj_xcalloc(ngroups, sizeof *values);
	for (size_t i = 0; i < ngroups; i++)
		values[i] = kj_strmap_key(groups, i);
	qsort(values, ngroups, sizeof *values, cmp_str);
	grids = kj_xcalloc(ngroups, sizeof *grids);
	order = kj_xcalloc(ngroups, sizeof *order);
	for (size_t i = 0; i < ngroups; i++) {
		size_t gi = kj_strmap_get(groups, values[i], strlen(values[i]));

		order[i] = gi;
		grids[gi] = kj_xgrid_begin(x, *values[i] ? values[i]
		                                         : EMPTY_VALUE,
		                           first->ncols, defs, labels, gopts,
		                           &err);
		if (!grids[gi])
			kj_die_err(&err);
	}
	for (size_t i = 0; i < n; i++) {
		kj_tsv *t = reopen(&inputs[i]);
		int rc;

		for (next_or_die(t, &rc); rc > 0; next_or_die(t, &rc)) {
			size_t gi = kj_strmap_get(groups,
			                          kj_tsv_field(t, split_col),
			                          kj_tsv_len(t, split_col));

			if (gi == KJ_STRMAP_NONE)
				kj_die(KJ_EXIT_USAGE, "%s changed while being "
				       "read", inputs[i].display);
			write_row(t, &inputs[i], grids[gi]);
		}
		kj_tsv_close(t);
	}
	for (size_t i = 0; i < ngroups; i++) {
		kj_xgrid *g = grids[order[i]];

		kj_table_add_row(table);
		kj_table_set_text(table, 0, *values[i] ? values[i] : EMPTY_VALUE);
		kj_table_set_int(table, 1, (int64_t)kj_xgrid_rows(g));
		for (size_t k = 0; k < nsum; k++) {
			if (sdefs[2 + k]->type == KJ_COL_NUM)
				kj_table_set_num(table, 2 + k,
				                 kj_xgrid_dsum(g, sum_cols[k]));
			else
				kj_table_set_int(table, 2 + k,
				                 kj_xgrid_sum(g, sum_cols[k]));
		}
		if (kj_xgrid_end(g, &err))
			kj_die_err(&err);
	}
	if (kj_table_write_grid(table, summary, &err))
		kj_die_err(&err);
	if (chart_col >= 0 &&
	    kj_xgrid_chart(summary, 0, (size_t)chart_col, slabels[chart_col],
	                   &err))
		kj_die_err(&err);
	if (kj_xgrid_end(summary, &err))
		kj_die_err(&err);
	kj_table_free(table);
	free(sdefs);
	free(slabels);
	free(sum_cols);
	free(sum_names);
	free(values);
	free(grids);
	free(order);
	free(defs);
	free(labels);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "title", required_argument, NULL, 't' },
		{ "split-by", required_argument, NULL, 's' },
		{ "total", no_argument, NULL, 'T' },
		{ "chart", required_argument, NULL, 'c' },
		{ "sheet", required_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct opts o = { 0 };
	const char **sheets = NULL;
	size_t nsheets = 0, capsheets = 0, ninputs;
	struct input *inputs;
	kj_strmap *groups;
	char *periode = NULL, subtitle[80];
	int periode_mixed = 0, ch, stdin_seen = 0;
	kj_xgrid_opts gopts = { 0 };
	kj_output *out;
	kj_xlsx *x;
	kj_err err;

	kj_diag_init(argv[0]);
	argv[0] = (char *)kj_prog(); /* getopt's messages name the program */
	while ((ch = getopt_long(argc, argv, "o:t:s:c:n:hV", longopts,
	                         NULL)) != -1) {
		switch (ch) {
		case 'o': o.output = optarg; break;
		case 't': o.title = optarg; break;
		case 's': o.split = optarg; break;
		case 'T': o.total = 1; break;
		case 'c': o.chart = optarg; break;
		case 'n':
			kj_grow(&sheets, &capsheets, nsheets + 1,
			        sizeof *sheets);
			sheets[nsheets++] = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			fputs(help_text, stdout);
			free(sheets);
			return KJ_EXIT_OK;
		case 'V':
			printf("rekap-xlsx (kinerja) %s\n", KJ_VERSION);
			free(sheets);
			return KJ_EXIT_OK;
		default:
			fputs(usage_text, stderr);
			free(sheets);
			return KJ_EXIT_USAGE;
		}
	}
	if (o.chart && !o.split)
		kj_die_usage(usage_text, "--chart needs --split-by (the chart "
		             "is drawn on the summary sheet)");
	if (o.split) {
		char buf[128];

		o.split = kj_xstrdup(kj_col_normalise(o.split, strlen(o.split),
		                                      buf, sizeof buf));
		if (o.chart)
			o.chart = kj_xstrdup(kj_col_normalise(
				o.chart, strlen(o.chart), buf, sizeof buf));
		if (nsheets > 1)
			kj_die_usage(usage_text, "with --split-by, --sheet names "
			             "the summary sheet and may be given once");
		o.summary_name = nsheets ? sheets[0] : NULL;
	}
	if ((!o.output || strcmp(o.output, "-") == 0) && kj_stdout_is_tty())
		kj_die_usage(usage_text, "refusing to write a binary workbook "
		             "to a terminal; use -o FILE or a redirection");

	groups = kj_strmap_new();
	ninputs = optind < argc ? (size_t)(argc - optind) : 1;
	if (!o.split && nsheets > ninputs)
		kj_die_usage(usage_text, "%zu --sheet names for %zu inputs",
		             nsheets, ninputs);
	inputs = kj_xcalloc(ninputs, sizeof *inputs);
	for (size_t i = 0; i < ninputs; i++) {
		struct input *in = &inputs[i];

		in->arg = optind < argc ? argv[optind + (int)i] : "-";
		if (strcmp(in->arg, "-") == 0) {
			if (stdin_seen++)
				kj_die_usage(usage_text,
				             "standard input given twice");
			in->path = spool_stdin();
			in->display = "<stdin>";
		} else {
			in->path = kj_xstrdup(in->arg);
			in->display = in->arg;
		}
		if (!o.split && i < nsheets)
			in->sheet = sheets[i];
	}

	for (size_t i = 0; i < ninputs; i++)
		scan_input(&inputs[i], &inputs[0], &o, groups, &periode,
		           &periode_mixed);
	settle_types(inputs, ninputs, o.split != NULL);
	if (o.split && kj_strmap_count(groups) + 1 > max_sheets())
		kj_die(KJ_EXIT_USAGE, "--split-by %s: %zu values would make "
		       "more sheets than this system can write at once (%zu)",
		       o.split, kj_strmap_count(groups), max_sheets());

	gopts.title = o.title;
	gopts.total = o.total;
	if (o.title && periode && !periode_mixed && *periode) {
		kj_period p;
		char label[KJ_LABEL_BUFSZ];

		if (kj_period_parse(periode, strlen(periode), &p, NULL) == 0) {
			kj_period_label(&p, label, sizeof label);
			snprintf(subtitle, sizeof subtitle, "Periode: %s",
			         label);
		} else {
			snprintf(subtitle, sizeof subtitle, "Periode: %.60s",
			         periode);
		}
		gopts.subtitle = subtitle;
	}

	out = kj_output_open_named(o.output, &err);
	if (!out)
		kj_die_err(&err);
	x = kj_xlsx_open(kj_output_path(out), o.title, &err);
	if (!x)
		kj_die_err(&err);
	if (o.split)
		write_split(x, inputs, ninputs, groups, &o, &gopts);
	else
		write_plain(x, inputs, ninputs, &gopts);
	if (kj_xlsx_close(x, &err) || kj_output_commit(out, &err))
		kj_die_err(&err);

	if (stdin_spool)
		kj_output_abort(stdin_spool);
	for (size_t i = 0; i < ninputs; i++) {
		for (size_t c = 0; c < inputs[i].ncols; c++) {
			free((char *)inputs[i].cols[c].name);
			free(inputs[i].cols[c].label);
		}
		free(inputs[i].cols);
		free(inputs[i].path);
	}
	free(inputs);
	free(sheets);
	free(periode);
	if (o.split) {
		free((char *)o.split);
		free((char *)o.chart);
	}
	kj_strmap_free(groups);
	return KJ_EXIT_OK;
}
