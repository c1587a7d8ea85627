/*
 * anjab-validate: check a Pemda's ANJAB documents the way a compiler
 * checks code, and compute the ABK numbers they claim.
 *
 * Thin: options, load every document (lib/anjab), count bezetting from
 * the roster when asked (lib/org), check and compute (lib/abk), print the
 * findings on stderr and the ABK table (or the peta jabatan) on stdout.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abk.h"
#include "anjab.h"
#include "cli.h"
#include "diag.h"
#include "io.h"
#include "mem.h"
#include "money.h"
#include "org.h"
#include "strmap.h"
#include "tsv.h"

static const char usage_text[] =
	"usage: anjab-validate [-p pegawai.tsv] [--wke-jam 1250] "
	"[--pembulatan half-up|ceil|floor] [--strict] [--peta] "
	"[-o FILE] [ANJAB...]\n";

static const char help_text[] =
	"Check ANJAB documents (one YAML document per jabatan) and compute\n"
	"their ABK: beban kerja, kebutuhan pegawai, selisih, EJ/PJ, kelas.\n"
	"\n"
	"  -p, --roster FILE     count bezetting per jabatan and unit in\n"
	"                        pegawai.tsv instead of the documents' own\n"
	"      --wke-jam N       waktu kerja efektif, hours a year (1250)\n"
	"      --pembulatan R    half-up (default), ceil or floor: how\n"
	"                        kebutuhan is rounded\n"
	"      --strict          warnings count as errors (exit 1)\n"
	"      --peta            print the peta jabatan, not the ABK table\n"
	"  -o, --output FILE     write to FILE (atomically) instead of "
	"standard output\n"
	"  -h, --help            this help;  -V, --version  the version\n"
	"\n"
	"Findings go to standard error as file:line:col: error|warning:\n"
	"... [rule id].  No ANJAB, or -, reads standard input.\n"
	"Exit status: 0 no error, 1 errors found (or warnings with\n"
	"--strict), 2 bad usage or unreadable input, 3 internal or system\n"
	"error.  See anjab-validate(1).\n";

/* Bezetting from the roster: employees per (opd, unit, jabatan). */
static int64_t *count_roster(const kj_abk *s, const char *path)
{
	kj_roster r;
	kj_err err;
	kj_strmap *m = kj_strmap_new(), *orphans = kj_strmap_new();
	kj_strmap *opds = kj_strmap_new();
	size_t njab = kj_abk_njab(s);
	int64_t *bez = kj_xcalloc(njab ? njab : 1, sizeof *bez);
	char key[800], a[256], b[256], c[256];
	size_t len;
	int added;

	if (kj_roster_load(&r, path, &err) < 0)
		kj_die_err(&err);
	for (size_t i = 0; i < njab; i++) {
		const char *opd, *unit, *nama;

		kj_abk_names(s, i, &opd, &unit, &nama);
		kj_anj_norm(opd, a, sizeof a);
		kj_anj_norm(unit, b, sizeof b);
		kj_anj_norm(nama, c, sizeof c);
		len = (size_t)snprintf(key, sizeof key, "%s\t%s\t%s", a, b, c);
		kj_strmap_put(m, key, len, i, &added);
		kj_strmap_put(opds, a, strlen(a), i, &added);
	}
	for (size_t p = 0; p < r.n; p++) {
		const kj_pegawai *e = &r.p[p];
		size_t i;

		kj_anj_norm(e->opd, a, sizeof a);
		kj_anj_norm(e->unit, b, sizeof b);
		kj_anj_norm(e->jabatan, c, sizeof c);
		len = (size_t)snprintf(key, sizeof key, "%s\t%s\t%s", a, b, c);
		i = kj_strmap_get(m, key, len);
		if (i != KJ_STRMAP_NONE) {
			bez[i]++;
			continue;
		}
		/* a jabatan of a validated OPD without a document */
		if (kj_strmap_get(opds, a, strlen(a)) == KJ_STRMAP_NONE)
			continue;
		kj_strmap_put(orphans, key, len, p, &added);
		if (added)
			kj_diag_warning(path, e->line, 0, "jabatan '%s' of "
			                "unit %s has no ANJAB document: its "
			                "pegawai are in no bezetting (first "
			                "here) [B08]", e->jabatan, e->unit);
	}
	kj_strmap_free(m);
	kj_strmap_free(orphans);
	kj_strmap_free(opds);
	kj_roster_free(&r);
	return bez;
}

/*
 * One row of the table is built in a line and written at once: a
 * hundred thousand rows through fprintf cost more than checking them.
 */
struct line {
	char buf[4096];
	size_t n;
	FILE *f;
};

static void l_flush(struct line *l)
{
	fwrite(l->buf, 1, l->n, l->f);
	l->n = 0;
}

static void l_ch(struct line *l, char c)
{
	if (l->n == sizeof l->buf)
		l_flush(l);
	l->buf[l->n++] = c;
}

static void l_mem(struct line *l, const char *s, size_t n)
{
	if (n > sizeof l->buf - l->n) {
		l_flush(l);
		if (n > sizeof l->buf) {
			fwrite(s, 1, n, l->f);
			return;
		}
	}
	memcpy(l->buf + l->n, s, n);
	l->n += n;
}

/* A text field, escaped as kj_tsv_puts escapes it. */
static void l_text(struct line *l, const char *s)
{
	size_t n = strcspn(s, "\t\n\r\\");

	if (!s[n]) {
		l_mem(l, s, n);
	} else {
		l_flush(l);
		kj_tsv_puts(l->f, s);
	}
}

static void l_int(struct line *l, int64_t v)
{
	char tmp[24];
	size_t i = sizeof tmp;
	uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;

	do {
		tmp[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		tmp[--i] = '-';
	l_mem(l, tmp + i, sizeof tmp - i);
}

/* Hundredths with both decimals: "0.89", "-1.05". */
static void l_fixed2(struct line *l, int64_t v)
{
	uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;

	if (v < 0)
		l_ch(l, '-');
	l_int(l, (int64_t)(u / 100));
	l_ch(l, '.');
	l_ch(l, (char)('0' + u / 10 % 10));
	l_ch(l, (char)('0' + u % 10));
}

/* Millionths, exact, no trailing zeros (kj_decimal_format(v, 6, 6)). */
static void l_beban(struct line *l, int64_t v)
{
	char buf[64];
	int64_t frac;
	int k = 6;

	if (v < 0) {
		l_mem(l, buf, kj_decimal_format(v, 6, 6, buf, sizeof buf));
		return;
	}
	l_int(l, v / 1000000);
	frac = v % 1000000;
	if (!frac)
		return;
	while (frac % 10 == 0) {
		frac /= 10;
		k--;
	}
	l_ch(l, '.');
	for (int i = k - 1; i >= 0; i--) {
		buf[i] = (char)('0' + frac % 10);
		frac /= 10;
	}
	l_mem(l, buf, (size_t)k);
}

static void write_table(FILE *f, const kj_abk_result *r)
{
	struct line l;

	l.n = 0;
	l.f = f;
	fputs("opd\tunit\tjabatan\tjenis\tbeban_jam\tkebutuhan_hitung\t"
	      "kebutuhan\tbezetting\tselisih\tej\tpj\tkelas\tkelas_evjab\t"
	      "nilai_evjab\n", f);
	for (size_t i = 0; i < r->nrows; i++) {
		const kj_abk_row *w = &r->rows[i];

		l_text(&l, w->opd);
		l_ch(&l, '\t');
		l_text(&l, w->unit);
		l_ch(&l, '\t');
		if (w->kind == KJ_ROW_JABATAN) {
			l_text(&l, w->nama);
			l_ch(&l, '\t');
			if (w->jenis >= 0)
				l_text(&l, kj_jenis_word(w->jenis));
		} else {
			l_ch(&l, '\t');
		}
		l_ch(&l, '\t');
		if (w->ok) {
			l_beban(&l, w->beban);
			l_ch(&l, '\t');
			l_fixed2(&l, w->hitung);
			l_ch(&l, '\t');
			l_int(&l, w->kebutuhan);
		} else {
			l_mem(&l, "\t\t", 2);
		}
		l_ch(&l, '\t');
		if (w->has_bez)
			l_int(&l, w->bezetting);
		l_ch(&l, '\t');
		if (w->has_bez && w->ok) {
			l_int(&l, w->selisih);
			l_ch(&l, '\t');
			if (w->ej < 0) {
				/* ej is a number column: empty, and the
				 * reason in pj */
				l_mem(&l, "\tN/A", 4);
			} else {
				l_fixed2(&l, w->ej);
				l_ch(&l, '\t');
				l_ch(&l, w->pj);
			}
		} else {
			l_mem(&l, "\t\t", 2);
		}
		l_ch(&l, '\t');
		if (w->kelas)
			l_int(&l, w->kelas);
		l_ch(&l, '\t');
		if (w->kelas_evjab)
			l_int(&l, w->kelas_evjab);
		l_ch(&l, '\t');
		if (w->kelas_evjab)
			l_int(&l, w->nilai_evjab);
		l_ch(&l, '\n');
		if (l.n > sizeof l.buf / 2)
			l_flush(&l);
	}
	l_flush(&l);
}

/* "bezetting/kebutuhan selisih" of a row, "?" where unknown. */
static void put_counts(FILE *f, const kj_abk_row *w)
{
	if (w->has_bez)
		fprintf(f, "  %lld/", (long long)w->bezetting);
	else
		fputs("  ?/", f);
	if (w->ok)
		fprintf(f, "%lld", (long long)w->kebutuhan);
	else
		fputc('?', f);
	if (w->has_bez && w->ok)
		fprintf(f, "  %s%lld", w->selisih > 0 ? "+" : "",
		        (long long)w->selisih);
	fputc('\n', f);
}

static size_t depth_of(const char *unit)
{
	size_t d = 0;

	for (; *unit; unit++)
		d += *unit == '.';
	return d;
}

static void indent(FILE *f, size_t n)
{
	while (n-- > 0)
		fputs("  ", f);
}

static void write_peta(FILE *f, const kj_abk_result *r)
{
	const char *opd = NULL, *unit = NULL;

	for (size_t i = 0; i < r->nrows; i++) {
		const kj_abk_row *w = &r->rows[i];

		if (w->kind != KJ_ROW_JABATAN)
			continue;
		if (!opd || strcmp(opd, w->opd) != 0) {
			size_t k = i;

			while (r->rows[k].kind != KJ_ROW_OPD)
				k++;
			fputs(*w->opd ? w->opd : "?", f);
			put_counts(f, &r->rows[k]);
			opd = w->opd;
			unit = NULL;
		}
		if (!unit || strcmp(unit, w->unit) != 0) {
			size_t k = i;

			while (r->rows[k].kind != KJ_ROW_UNIT)
				k++;
			if (strcmp(w->unit, w->opd) != 0) {
				indent(f, depth_of(w->unit));
				fputs(w->unit, f);
				put_counts(f, &r->rows[k]);
			}
			unit = w->unit;
		}
		indent(f, depth_of(w->unit) + 1);
		fputs(*w->nama ? w->nama : "?", f);
		if (w->kelas)
			fprintf(f, "  kelas %d", w->kelas);
		put_counts(f, w);
	}
}

/* Each document is checked as it is read (lib/abk), then forgotten. */
static void on_doc(void *arg, const kj_jabatan *j, const kj_anj_rekap *q)
{
	if (j)
		kj_abk_add(arg, j);
	else
		kj_abk_add_rekap(arg, q);
}

int main(int argc, char **argv)
{
	enum { OPT_WKE = 256, OPT_BULAT, OPT_STRICT, OPT_PETA };
	static const struct option longopts[] = {
		{ "roster", required_argument, NULL, 'p' },
		{ "wke-jam", required_argument, NULL, OPT_WKE },
		{ "pembulatan", required_argument, NULL, OPT_BULAT },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "peta", no_argument, NULL, OPT_PETA },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *ppath = NULL, *opath = NULL;
	const char *const *files;
	size_t nfiles;
	kj_abk_opts opts = { 1250, KJ_BULAT_HALF_UP };
	bool strict = false, peta = false;
	kj_abk *abk;
	kj_abk_result res;
	int64_t *bez = NULL;
	kj_output *out;
	kj_err err;
	int ch;

	kj_diag_init(argv[0]);
	argv[0] = (char *)kj_prog();
	while ((ch = getopt_long(argc, argv, "p:o:hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'p': ppath = optarg; break;
		case 'o': opath = optarg; break;
		case OPT_WKE: {
			int64_t v = 0;
			size_t n = strspn(optarg, "0123456789");

			for (size_t i = 0; i < n && v <= 8784; i++)
				v = v * 10 + (optarg[i] - '0');
			if (n == 0 || optarg[n] != '\0' || v < 1 || v > 8784)
				kj_die_usage(usage_text, "--wke-jam: expected "
				             "whole hours a year from 1 to "
				             "8784, found '%s'", optarg);
			opts.wke_jam = v;
			break;
		}
		case OPT_BULAT:
			if (!strcmp(optarg, "half-up"))
				opts.pembulatan = KJ_BULAT_HALF_UP;
			else if (!strcmp(optarg, "ceil"))
				opts.pembulatan = KJ_BULAT_CEIL;
			else if (!strcmp(optarg, "floor"))
				opts.pembulatan = KJ_BULAT_FLOOR;
			else
				kj_die_usage(usage_text, "--pembulatan: "
				             "expected half-up, ceil or floor, "
				             "found '%s'", optarg);
			break;
		case OPT_STRICT: strict = true; break;
		case OPT_PETA: peta = true; break;
		case 'h':
			fputs(usage_text, stdout);
			fputs(help_text, stdout);
			return KJ_EXIT_OK;
		case 'V':
			printf("anjab-validate (kinerja) %s\n", KJ_VERSION);
			return KJ_EXIT_OK;
		default:
			fputs(usage_text, stderr);
			return KJ_EXIT_USAGE;
		}
	}
	files = kj_cli_operands(argc, argv, optind, &nfiles);
	kj_cli_stdin_once(usage_text, files, nfiles,
	                  (const char *const[]){ ppath }, 1);

	abk = kj_abk_new(&opts);
	for (size_t i = 0; i < nfiles; i++)
		if (kj_anjab_each(files[i], i, on_doc, abk, &err) < 0)
			kj_die_err(&err);
	if (ppath)
		bez = count_roster(abk, ppath);
	kj_abk_finish(abk, bez, &res);
	kj_abk_free(abk);
	for (size_t i = 0; i < res.nf; i++) {
		const kj_finding *x = &res.f[i];

		if (x->error)
			kj_diag_error(x->file, x->line, x->col, "%s [%s]",
			              x->msg, x->rule);
		else
			kj_diag_warning(x->file, x->line, x->col, "%s [%s]",
			                x->msg, x->rule);
	}
	out = kj_output_open(opath, &err);
	if (!out)
		kj_die_err(&err);
	if (peta)
		write_peta(kj_output_stream(out), &res);
	else
		write_table(kj_output_stream(out), &res);
	if (kj_output_commit(out, &err) < 0)
		kj_die_err(&err);

	free(bez);
	kj_abk_result_free(&res);
	if (kj_diag_errors() > 0 || (strict && kj_diag_warnings() > 0))
		return KJ_EXIT_FOUND;
	return KJ_EXIT_OK;
}
