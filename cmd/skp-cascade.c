/*
 * skp-cascade: check and draw the cascade of SKP from the Kepala OPD
 * down to every staff member (issue 5).
 *
 * Thin: options, load (lib/skp, lib/org), check (lib/cascade), write one
 * of the outputs.  Every input is read before the output is opened, so
 * bad input leaves no file.
 */
#include <fcntl.h>
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cascade.h"
#include "cli.h"
#include "diag.h"
#include "draft.h"
#include "io.h"
#include "mem.h"
#include "mph.h"
#include "org.h"
#include "peran.h"
#include "skp.h"
#include "skpview.h"
#include "tsv.h"

static const char usage_text[] =
	"usage: skp-cascade [--check | --draft [--peran FILE] | "
	"--mph [--per rhk|indikator] | --tree | --dot | --to yaml|tsv] "
	"[--strict] [-p pegawai.tsv] [-t TAHUN] [-o FILE] [SKP...]\n";

static const char help_text[] =
	"Check the cascade of SKP (RHK and their intervensi) against the "
	"roster.\n"
	"\n"
	"  -c, --check          report broken links and defects (default);\n"
	"                       the links table (TSV) goes to the output\n"
	"  -d, --draft          skeleton SKP (YAML) for employees without "
	"one\n"
	"                       whose atasan has one\n"
	"      --peran FILE     with --draft: the responsibility map (TSV: "
	"rhk, unit);\n"
	"                       a draft takes only the atasan's RHK paired "
	"with\n"
	"                       the employee's unit (all of them, with a "
	"warning,\n"
	"                       when none is)\n"
	"  -m, --mph            the Matriks Peran Hasil of every atasan (TSV)\n"
	"      --per WHAT       with --mph: columns per rhk (default) or per "
	"indikator\n"
	"      --tree           the cascade as an indented text tree\n"
	"      --dot            the cascade as Graphviz DOT\n"
	"      --to FORMAT      convert the SKP to yaml or tsv (no roster "
	"needed)\n"
	"  -s, --strict         warnings also make the exit status 1 (with "
	"--check\n"
	"                       and --draft)\n"
	"  -p, --roster FILE    pegawai.tsv (required except with --to)\n"
	"  -t, --tahun YEAR     the year (default: the latest year of the "
	"SKP)\n"
	"  -o, --output FILE    write to FILE (atomically) instead of "
	"standard output\n"
	"  -h, --help           this help;  -V, --version  the version\n"
	"\n"
	"SKP are YAML files, folders of them, skp.tsv, or - (standard "
	"input,\n"
	"also when none is given).\n"
	"Exit status: 0 clean, 1 errors found (or warnings with --strict),\n"
	"2 bad usage or input (nothing written), 3 internal or system "
	"error.\n"
	"See skp-cascade(1).\n";

enum mode { M_CHECK, M_DRAFT, M_MPH, M_TREE, M_DOT, M_TO_YAML, M_TO_TSV };

struct run {
	kj_skp_set *s;
	kj_roster r;
	kj_cascade c;
	FILE *f;
};

/* ---- loading ------------------------------------------------------- */

/*
 * The roster loads on a second thread while the SKP load on this one: the
 * two share nothing.  Its error waits until the SKP are loaded, so that
 * the messages and the exit status are those of loading one after the
 * other (an SKP error first).
 */
struct roster_job {
	kj_roster *r;
	const char *path;
	kj_err err;
	int rc;
	pthread_t th;
	bool started;
};

static void *roster_run(void *arg)
{
	struct roster_job *j = arg;

	j->rc = kj_roster_load(j->r, j->path, &j->err);
	return NULL;
}

static void roster_start(struct roster_job *j, kj_roster *r, const char *path)
{
	memset(j, 0, sizeof *j);
	j->r = r;
	j->path = path;
	j->started = pthread_create(&j->th, NULL, roster_run, j) == 0;
}

/* The roster, loaded; exits with its error. */
static void roster_finish(struct roster_job *j)
{
	if (j->started)
		pthread_join(j->th, NULL);
	else
		roster_run(j);
	j->started = false;
	if (j->rc)
		kj_die_err(&j->err);
}

/* ---- --check -------------------------------------------------------- */

static void report(const kj_cascade *c)
{
	for (size_t i = 0; i < c->nf; i++) {
		const kj_finding *f = &c->f[i];

		if (f->severity == KJ_SEV_ERROR)
			kj_diag_error(f->file, f->line, f->col, "%s [%s]",
			              f->msg, f->rule);
		else
			kj_diag_warning(f->file, f->line, f->col, "%s [%s]",
			                f->msg, f->rule);
	}
}

/* v in decimal, written backwards from end (a buffer of 21 or more). */
static const char *fmt_count(size_t v, char *end)
{
	char *p = end;

	*--p = '\0';
	do
		*--p = (char)('0' + v % 10);
	while (v /= 10);
	return p;
}

/*
 * The links table has a row per RHK (330,000 at 100,000 employees, 60 MB):
 * its rows are put together in a buffer, escaped as kj_tsv_put does, and
 * written in large blocks rather than a stdio call per field.
 */
struct rowbuf {
	FILE *f;
	size_t used;
	size_t unsynced;        /* bytes written since the last writeback */
	char b[1 << 16];
};

/* The output is synced when committed (lib/io): start writing it to disk
 * every few MB on the way, so that the sync has little left to wait for.
 * (An output that is not a file refuses; nothing else changes.) */
#define WRITEBACK ((size_t)2 << 20)

static void rb_flush(struct rowbuf *w)
{
	if (w->used)
		fwrite(w->b, 1, w->used, w->f);
	w->unsynced += w->used;
	w->used = 0;
	if (w->unsynced >= WRITEBACK) {
		w->unsynced = 0;
		if (fflush(w->f) == 0)
			sync_file_range(fileno(w->f), 0, 0,
			                SYNC_FILE_RANGE_WRITE);
	}
}

/* A field, escaped (\t \n \r \\) as kj_tsv_puts writes it: runs without
 * an escape found by strcspn (vectorised) and copied whole. */
static void rb_put(struct rowbuf *w, const char *s)
{
	for (;;) {
		size_t n = strcspn(s, "\t\n\r\\");

		while (n) {
			size_t room = sizeof w->b - w->used, k = n < room ? n
			                                                 : room;

			memcpy(w->b + w->used, s, k);
			w->used += k;
			s += k;
			n -= k;
			if (w->used == sizeof w->b)
				rb_flush(w);
		}
		if (!*s)
			return;
		if (sizeof w->b - w->used < 2)
			rb_flush(w);
		w->b[w->used++] = '\\';
		w->b[w->used++] = *s == '\t' ? 't' : *s == '\n' ? 'n'
		                : *s == '\r' ? 'r' : '\\';
		s++;
	}
}

static void rb_char(struct rowbuf *w, char c)
{
	if (w->used == sizeof w->b)
		rb_flush(w);
	w->b[w->used++] = c;
}

/* One row per RHK of the year: its link and cascading. */
static void write_links(const struct run *u)
{
	static const char *const head[] = {
		"nip", "nama", "tahun", "rhk", "jenis", "intervensi", "atasan",
		"cascading", "turunan", "rhk_teks"
	};
	const kj_skp_set *s = u->s;
	struct rowbuf *w = kj_xmalloc(sizeof *w);
	char tahun[16], n[24];

	kj_tsv_put_row(u->f, head, sizeof head / sizeof *head);
	snprintf(tahun, sizeof tahun, "%d", u->c.tahun);
	w->f = u->f;
	w->used = w->unsynced = 0;
	for (size_t j = 0; j < s->nrhk; j++) {
		const kj_skp_rhk *h = &s->rhk[j];
		const char *row[10];
		long e;

		if (!u->c.active[j])
			continue;
		e = u->c.pegawai[h->skp];
		row[8] = fmt_count(u->c.nchild[j], n + sizeof n);
		row[0] = u->r.p[e].nip;
		row[1] = u->r.p[e].nama;
		row[2] = tahun;
		row[3] = h->id;
		row[4] = kj_rhk_jenis_words[h->jenis];
		row[5] = h->intervensi ? h->intervensi : "";
		row[6] = u->r.p[e].atasan >= 0 ? u->r.p[u->r.p[e].atasan].nip
		                               : "";
		row[7] = kj_cascading_words[u->c.cascading[j]];
		row[9] = h->teks;
		for (size_t i = 0; i < 10; i++) {
			if (i)
				rb_char(w, '\t');
			rb_put(w, row[i]);
		}
		rb_char(w, '\n');
	}
	rb_flush(w);
	free(w);
}

/* ---- --draft -------------------------------------------------------- */

/* Warn for each draft that fell back to every RHK of the atasan. */
static void warn_fallbacks(const struct run *u, const kj_drafts *d,
                           const char *peran)
{
	for (size_t i = 0; i < d->n; i++) {
		const kj_pegawai *p = &u->r.p[d->d[i].pegawai];
		const kj_pegawai *a = &u->r.p[d->d[i].atasan];

		if (d->d[i].fallback)
			kj_diag_warning(u->r.path, p->line, 1,
			                "%s (%s), unit %s: %s pairs no RHK of "
			                "the atasan %s (%s) with the unit; the "
			                "draft intervenes every RHK utama of "
			                "the atasan [peran-tidak-dipetakan]",
			                p->nip, p->nama, p->unit, peran, a->nip,
			                a->nama);
	}
}

/* Text for a YAML comment: up to its first line break. */
static int line_len(const char *s)
{
	return (int)strcspn(s, "\r\n");
}

static void write_draft(const struct run *u, const kj_skpview *v,
                        const kj_drafts *d)
{
	for (size_t i = 0; i < d->n; i++) {
		const kj_draft *x = &d->d[i];
		const kj_pegawai *p = &u->r.p[x->pegawai];
		const kj_pegawai *a = &u->r.p[x->atasan];

		fprintf(u->f, "%s# Draft SKP %d of %.*s, %.*s\n"
		        "# atasan: %s %.*s, %.*s\n"
		        "# Replace every TODO, then check with skp-cascade.\n",
		        i ? "---\n" : "", kj_sv_tahun(v), line_len(p->nama),
		        p->nama, line_len(p->jabatan), p->jabatan, a->nip,
		        line_len(a->nama), a->nama, line_len(a->jabatan),
		        a->jabatan);
		if (x->fallback)
			fprintf(u->f, "# The peran map pairs no RHK of the "
			        "atasan with unit %.*s: every RHK\n"
			        "# utama of the atasan is drafted; delete "
			        "those that are not this unit's.\n",
			        line_len(p->unit), p->unit);
		fprintf(u->f, "nip: \"%s\"\ntahun: %d\npendekatan: kuantitatif\n",
		        p->nip, kj_sv_tahun(v));
		if (x->nrhk == 0) {
			fputs("rhk: []\n", u->f);
			continue;
		}
		fputs("rhk:\n", u->f);
		for (size_t j = x->rhk; j < x->rhk + x->nrhk; j++) {
			const kj_draft_rhk *h = &d->rhk[j];
			const char *teks = kj_sv_rhk_teks(v, h->parent);

			fputs("  - id: ", u->f);
			kj_skp_put_yaml_str(u->f, h->id);
			fputs("\n    jenis: utama\n", u->f);
			/* The superior's text as a reminder, first line. */
			fprintf(u->f, "    # intervenes: %.*s\n",
			        line_len(teks), teks);
			fputs("    teks: TODO\n    intervensi: ", u->f);
			kj_skp_put_yaml_str(u->f, kj_sv_rhk_id(v, h->parent));
			fputs("\n    indikator:\n      - id: ", u->f);
			kj_skp_put_yaml_str(u->f, h->ind_id);
			fputs("\n        teks: TODO\n"
			      "        aspek: kuantitas\n"
			      "        target: TODO\n"
			      "        satuan: TODO\n", u->f);
		}
	}
}

/* ---- --mph ---------------------------------------------------------- */

/* Cell text: "ID teks" */
static void cell(FILE *f, const char *id, const char *teks)
{
	kj_tsv_puts(f, id);
	if (*teks) {
		fputc(' ', f);
		kj_tsv_puts(f, teks);
	}
}

/* The first four fields of a row: the atasan's NIP and an employee. */
static void row_head(FILE *f, const kj_pegawai *a, const kj_pegawai *p)
{
	kj_tsv_puts(f, a->nip);
	fputc('\t', f);
	kj_tsv_puts(f, p->nip);
	fputc('\t', f);
	kj_tsv_puts(f, p->nama);
	fputc('\t', f);
	kj_tsv_puts(f, p->jabatan);
}

/* A heading cell: the RHK, or the indicator and "(RHK id)". */
static void col_head(FILE *f, const kj_skpview *v, const kj_mph_col *c)
{
	if (c->ind < 0) {
		cell(f, kj_sv_rhk_id(v, c->rhk), kj_sv_rhk_teks(v, c->rhk));
		return;
	}
	cell(f, kj_sv_ind_id(v, (size_t)c->ind),
	     kj_sv_ind_teks(v, (size_t)c->ind));
	fputs(" (RHK ", f);
	kj_tsv_puts(f, kj_sv_rhk_id(v, c->rhk));
	fputc(')', f);
}

static void write_mph(const struct run *u, const kj_skpview *v,
                      const kj_mph *x)
{
	const char *colname = x->per == KJ_MPH_PER_RHK ? "rhk" : "indikator";

	fputs("atasan\tnip\tnama\tjabatan", u->f);
	for (size_t i = 1; i <= x->maxcols; i++)
		fprintf(u->f, "\t%s_%zu", colname, i);
	fputc('\n', u->f);
	for (size_t k = 0; k < x->n; k++) {
		const kj_mph_matrix *m = &x->m[k];
		const kj_pegawai *a = &u->r.p[m->atasan];

		/* The heading row: the atasan and their columns. */
		row_head(u->f, a, a);
		for (size_t c = 0; c < x->maxcols; c++) {
			fputc('\t', u->f);
			if (c < m->ncol)
				col_head(u->f, v, &x->col[m->col + c]);
		}
		fputc('\n', u->f);
		/* One row per direct subordinate. */
		for (size_t r = 0; r < m->nrow; r++) {
			row_head(u->f, a, &u->r.p[x->row[m->row + r]]);
			for (size_t c = 0; c < x->maxcols; c++) {
				const kj_mph_cell *cl;

				fputc('\t', u->f);
				if (c >= m->ncol)
					continue;
				cl = &x->cell[m->cell + r * m->ncol + c];
				if (!cl->nlink)
					fputc('x', u->f);
				for (size_t l = 0; l < cl->nlink; l++) {
					size_t j = x->link[cl->link + l];

					if (l)
						fputs("; ", u->f);
					cell(u->f, kj_sv_rhk_id(v, j),
					     kj_sv_rhk_teks(v, j));
				}
			}
			fputc('\n', u->f);
		}
	}
}

/* ---- --tree --------------------------------------------------------- */

static void tree_node(const struct run *u, long e, int depth)
{
	const kj_skp_set *s = u->s;
	const kj_pegawai *p = &u->r.p[e];
	long k = u->c.skp_of[e];
	const long *b;
	size_t nb;

	fprintf(u->f, "%*s%s %s, %s%s\n", depth * 4, "", p->nip, p->nama,
	        p->jabatan, k < 0 ? " (tidak menyusun SKP)" : "");
	if (k >= 0) {
		const kj_skp *q = &s->skp[k];

		for (size_t j = q->rhk; j < q->rhk + q->nrhk; j++) {
			const kj_skp_rhk *h = &s->rhk[j];
			const char *cw = kj_cascading_words[u->c.cascading[j]];

			fprintf(u->f, "%*s- %s", depth * 4 + 2, "", h->id);
			if (h->jenis == KJ_RHK_TAMBAHAN)
				fputs(" (tambahan)", u->f);
			if (h->intervensi && u->c.parent[j] >= 0)
				fprintf(u->f, " <- %s [%s]", h->intervensi, cw);
			else if (h->intervensi)
				fprintf(u->f, " <- %s [broken link]",
				        h->intervensi);
			fprintf(u->f, ": %s\n", h->teks);
		}
	}
	b = kj_roster_bawahan(&u->r, e, &nb);
	for (size_t i = 0; i < nb; i++)
		if (u->c.opd_loaded[b[i]])
			tree_node(u, b[i], depth + 1);
}

static void write_tree(const struct run *u)
{
	/* From each top of the roster, or from the highest employee of a
	 * loaded OPD whose atasan is outside the loaded OPDs. */
	for (size_t e = 0; e < u->r.n; e++) {
		long a = u->r.p[e].atasan;

		if (!u->c.opd_loaded[e])
			continue;
		if (a < 0 || !u->c.opd_loaded[a])
			tree_node(u, (long)e, 0);
	}
}

/* ---- --dot ---------------------------------------------------------- */

static void dot_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', f);
		if (*s == '\n') {
			fputs("\\n", f);
			continue;
		}
		if ((unsigned char)*s < 0x20)
			continue;
		fputc(*s, f);
	}
	fputc('"', f);
}

/* At most 40 bytes of a text, cut between UTF-8 characters. */
static void dot_short(char *buf, size_t size, const char *id, const char *t)
{
	size_t n = strlen(t), cut = n > 40 ? 40 : n;

	while (cut < n && cut > 0 && ((unsigned char)t[cut] & 0xC0) == 0x80)
		cut--;
	snprintf(buf, size, "%s\n%.*s%s", id, (int)cut, t,
	         cut < n ? "..." : "");
}

static void write_dot(const struct run *u)
{
	const kj_skp_set *s = u->s;
	char label[600];

	fputs("digraph skp {\n"
	      "\trankdir=TB;\n"
	      "\tnode [shape=box, fontsize=10];\n", u->f);
	for (size_t e = 0; e < u->r.n; e++) {
		long k = u->c.skp_of[e];
		const kj_skp *q;

		if (k < 0)
			continue;
		q = &s->skp[k];
		fprintf(u->f, "\tsubgraph cluster_%zu {\n\t\tlabel=", e);
		snprintf(label, sizeof label, "%s\n%s\n%s", u->r.p[e].nama,
		         u->r.p[e].jabatan, u->r.p[e].nip);
		dot_str(u->f, label);
		fputs(";\n", u->f);
		for (size_t j = q->rhk; j < q->rhk + q->nrhk; j++) {
			dot_short(label, sizeof label, s->rhk[j].id,
			          s->rhk[j].teks);
			fprintf(u->f, "\t\tr%zu [label=", j);
			dot_str(u->f, label);
			fputs(s->rhk[j].jenis == KJ_RHK_TAMBAHAN
			      ? ", style=dashed];\n" : "];\n", u->f);
		}
		fputs("\t}\n", u->f);
	}
	/* Edges from the intervened RHK down to the one intervening it;
	 * a link that breaks a rule is red. */
	for (size_t j = 0; j < s->nrhk; j++) {
		long t;

		if (!u->c.active[j] || !s->rhk[j].intervensi)
			continue;
		t = u->c.parent[j];
		if (t >= 0) {
			fprintf(u->f, "\tr%ld -> r%zu [label=\"%s\"];\n", t, j,
			        kj_cascading_words[u->c.cascading[j]]);
			continue;
		}
		t = kj_skp_find_rhk(s, s->rhk[j].intervensi);
		if (t >= 0 && u->c.active[t])
			fprintf(u->f, "\tr%ld -> r%zu [color=red, "
			        "fontcolor=red, label=\"broken\"];\n", t, j);
	}
	fputs("}\n", u->f);
}

/* ---- main ----------------------------------------------------------- */

int main(int argc, char **argv)
{
	enum { OPT_TREE = 256, OPT_DOT, OPT_TO, OPT_PERAN, OPT_PER };
	static const struct option longopts[] = {
		{ "check", no_argument, NULL, 'c' },
		{ "draft", no_argument, NULL, 'd' },
		{ "mph", no_argument, NULL, 'm' },
		{ "tree", no_argument, NULL, OPT_TREE },
		{ "dot", no_argument, NULL, OPT_DOT },
		{ "to", required_argument, NULL, OPT_TO },
		{ "peran", required_argument, NULL, OPT_PERAN },
		{ "per", required_argument, NULL, OPT_PER },
		{ "strict", no_argument, NULL, 's' },
		{ "roster", required_argument, NULL, 'p' },
		{ "tahun", required_argument, NULL, 't' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *ppath = NULL, *opath = NULL, *mode_opt = NULL;
	const char *peran_path = NULL, *per_opt = NULL;
	const char *const *inputs;
	size_t ninputs;
	enum mode mode = M_CHECK;
	bool strict = false;
	int tahun = 0, ch, status = KJ_EXIT_OK, per = KJ_MPH_PER_RHK;
	struct run u;
	struct roster_job rj;
	kj_skpview v;
	kj_peran peran = { 0 };
	kj_drafts drafts;
	kj_mph mph;
	kj_output *out;
	kj_err err;

	kj_diag_init(argv[0]);
	argv[0] = (char *)kj_prog();
	while ((ch = getopt_long(argc, argv, "cdmsp:t:o:hV", longopts,
	                         NULL)) != -1) {
		enum mode m;
		const char *name;

		switch (ch) {
		case 'c': m = M_CHECK; name = "--check"; goto set_mode;
		case 'd': m = M_DRAFT; name = "--draft"; goto set_mode;
		case 'm': m = M_MPH; name = "--mph"; goto set_mode;
		case OPT_TREE: m = M_TREE; name = "--tree"; goto set_mode;
		case OPT_DOT: m = M_DOT; name = "--dot"; goto set_mode;
		case OPT_TO:
			name = "--to";
			if (!strcmp(optarg, "yaml"))
				m = M_TO_YAML;
			else if (!strcmp(optarg, "tsv"))
				m = M_TO_TSV;
			else
				kj_die_usage(usage_text, "--to: expected yaml "
				             "or tsv, found '%s'", optarg);
		set_mode:
			if (mode_opt && strcmp(mode_opt, name))
				kj_die_usage(usage_text, "%s and %s cannot be "
				             "combined", mode_opt, name);
			mode_opt = name;
			mode = m;
			break;
		case OPT_PERAN: peran_path = optarg; break;
		case OPT_PER:
			per_opt = optarg;
			if (!strcmp(optarg, "rhk"))
				per = KJ_MPH_PER_RHK;
			else if (!strcmp(optarg, "indikator"))
				per = KJ_MPH_PER_INDIKATOR;
			else
				kj_die_usage(usage_text, "--per: expected rhk "
				             "or indikator, found '%s'", optarg);
			break;
		case 's': strict = true; break;
		case 'p': ppath = optarg; break;
		case 'o': opath = optarg; break;
		case 't': {
			char *end;
			long y = strtol(optarg, &end, 10);

			if (end == optarg || *end || y < 1900 || y > 2999)
				kj_die_usage(usage_text, "-t: expected a year "
				             "such as 2026, found '%s'", optarg);
			tahun = (int)y;
			break;
		}
		case 'h':
			fputs(usage_text, stdout);
			fputs(help_text, stdout);
			return KJ_EXIT_OK;
		case 'V':
			printf("skp-cascade (kinerja) %s\n", KJ_VERSION);
			return KJ_EXIT_OK;
		default:
			fputs(usage_text, stderr);
			return KJ_EXIT_USAGE;
		}
	}
	if (!ppath && mode != M_TO_YAML && mode != M_TO_TSV)
		kj_die_usage(usage_text, "-p FILE is required (the roster, "
		             "pegawai.tsv)");
	if (peran_path && mode != M_DRAFT)
		kj_die_usage(usage_text, "--peran goes with --draft only");
	if (per_opt && mode != M_MPH)
		kj_die_usage(usage_text, "--per goes with --mph only");
	inputs = kj_cli_operands(argc, argv, optind, &ninputs);
	kj_cli_stdin_once(usage_text, inputs, ninputs,
	                  (const char *const[]){ ppath, peran_path }, 2);

	memset(&u, 0, sizeof u);
	u.s = kj_skp_set_new();
	/* Only --mph --per indikator and --to show an indicator's text. */
	if (mode == M_CHECK || mode == M_TREE || mode == M_DOT)
		kj_skp_set_options(u.s, KJ_SKP_NO_IND_TEKS);
	rj.started = false;
	if (mode != M_TO_YAML && mode != M_TO_TSV)
		roster_start(&rj, &u.r, ppath);
	for (size_t i = 0; i < ninputs; i++)
		if (kj_skp_load_path(u.s, inputs[i], &err)) {
			/* A roster file is soon read (and then nothing runs
			 * at exit); standard input may never end. */
			if (rj.started && strcmp(ppath, "-") != 0)
				pthread_join(rj.th, NULL);
			kj_die_err(&err);
		}

	if (mode == M_TO_YAML || mode == M_TO_TSV) {
		out = kj_output_open(opath, &err);
		if (!out)
			kj_die_err(&err);
		u.f = kj_output_stream(out);
		if (mode == M_TO_TSV)
			kj_skp_write_tsv_header(u.f);
		for (size_t k = 0, first = 1; k < u.s->n; k++) {
			if (tahun && u.s->skp[k].tahun != tahun)
				continue;
			if (mode == M_TO_TSV) {
				if (u.s->skp[k].nrhk == 0)
					kj_diag_warning(
						kj_skp_file(u.s,
						            u.s->skp[k].pos.file),
						u.s->skp[k].pos.line,
						u.s->skp[k].pos.col,
						"SKP of %s has no RHK, so no "
						"row in skp.tsv",
						u.s->skp[k].nip);
				kj_skp_write_tsv(u.s, k, k + 1, u.f);
			} else {
				if (!first)
					fputs("---\n", u.f);
				kj_skp_write_yaml(u.s, k, k + 1, u.f);
			}
			first = 0;
		}
		if (kj_output_commit(out, &err))
			kj_die_err(&err);
		kj_skp_set_free(u.s);
		return KJ_EXIT_OK;
	}

	roster_finish(&rj);
	kj_cascade_check(u.s, &u.r, tahun, &u.c);
	kj_skpview_init(&v, u.s, &u.r, &u.c);
	if (peran_path && kj_peran_load(&peran, peran_path, &v, &err))
		kj_die_err(&err);
	if (u.s->n == 0)
		kj_diag_warning(NULL, 0, 0, "no SKP in the input");

	out = kj_output_open(opath, &err);
	if (!out)
		kj_die_err(&err);
	u.f = kj_output_stream(out);
	switch (mode) {
	case M_CHECK:
		report(&u.c);
		write_links(&u);
		if (u.c.errors || (strict && u.c.warnings))
			status = KJ_EXIT_FOUND;
		break;
	case M_DRAFT:
		kj_draft_build(&v, peran_path ? &peran : NULL, &drafts);
		warn_fallbacks(&u, &drafts, peran_path);
		write_draft(&u, &v, &drafts);
		if (strict && drafts.fallbacks)
			status = KJ_EXIT_FOUND;
		kj_drafts_free(&drafts);
		break;
	case M_MPH:
		kj_mph_build(&v, per, &mph);
		write_mph(&u, &v, &mph);
		kj_mph_free(&mph);
		break;
	case M_TREE:
		write_tree(&u);
		break;
	default:
		write_dot(&u);
		break;
	}
	if (kj_output_commit(out, &err))
		kj_die_err(&err);
	kj_peran_free(&peran);
	kj_cascade_free(&u.c);
	kj_roster_free(&u.r);
	kj_skp_set_free(u.s);
	return status;
}
