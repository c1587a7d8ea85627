/*
 * absen-rekap: fingerprint logs into the monthly attendance summary.
 *
 * One pass over the logs.  The state is per employee-day, not per row:
 * for each employee of the roster and each day of the month, the earliest
 * punch in the check-in window and the latest in the check-out window
 * (lib/absen.h), so memory grows with the roster, never with the logs.
 * Everything is read and checked before the output is opened, so bad
 * input leaves no file.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "absen.h"
#include "cli.h"
#include "diag.h"
#include "io.h"
#include "jadwal.h"
#include "mem.h"
#include "nip.h"
#include "period.h"
#include "strmap.h"
#include "tsv.h"

static const char usage_text[] =
	"usage: absen-rekap -m YYYY-MM -j jadwal.yaml -p pegawai.tsv "
	"[-i izin.tsv] [-o absen.tsv] [LOG...]\n";

static const char help_text[] =
	"Summarise fingerprint logs into one absen.tsv row per employee.\n"
	"\n"
	"  -m, --month YYYY-MM   the month to count (required)\n"
	"  -j, --schedule FILE   jadwal.yaml: hours, holidays, bands "
	"(required)\n"
	"  -p, --roster FILE     pegawai.tsv: the employees (required)\n"
	"  -i, --leave FILE      izin.tsv: leave and dinas luar\n"
	"  -o, --output FILE     write to FILE (atomically) instead of "
	"standard output\n"
	"  -h, --help            this help;  -V, --version  the version\n"
	"\n"
	"LOG files are TSV with columns nip and waktu, in any order, .gz\n"
	"read directly; no LOG, or -, reads standard input.\n"
	"Exit status: 0 written, 2 bad usage or input (nothing written),\n"
	"3 internal or system error.  See absen-rekap(1).\n";

struct emp {
	size_t sched;
	kj_date tmt, keluar;    /* working from tmt, before keluar */
	int has_tmt, has_keluar;
};

/* A NIP of the logs that is not in the roster. */
struct stranger {
	char *file;
	long line;
	size_t punches;
};

struct state {
	kj_date first, last;    /* the month */
	int ndays;
	kj_jadwal *jadwal;
	kj_hari *days;          /* [sched * ndays + day] */
	kj_strmap *nips;        /* NIP -> employee index */
	struct emp *emps;
	size_t nemp;
	kj_punches *punch;      /* [emp * ndays + day] */
	unsigned char *izin;    /* [emp * ndays + day], enum kj_izin */
	kj_strmap *strangers;
	struct stranger *str;
	size_t capstr;
	size_t in_month;        /* log rows dated inside the month */
	kj_date seen_min, seen_max;
	int overnight;          /* some check-out window passes midnight */
	int early;              /* some check-in window opens the day before */
};

/* Report a parse error of field col (e->col counts within the field). */
static _Noreturn void die_field(const kj_tsv *t, size_t col, const kj_err *e)
{
	kj_err full;

	kj_tsv_value_err(t, col, e, &full);
	kj_die_err(&full);
}


/* An optional date field: 0 when empty, 1 when stored. */
static int opt_date(const kj_tsv *t, int col, kj_date *out)
{
	kj_err err;

	if (col < 0 || kj_tsv_len(t, (size_t)col) == 0)
		return 0;
	if (kj_date_parse(kj_tsv_field(t, (size_t)col),
	                  kj_tsv_len(t, (size_t)col), out, &err))
		die_field(t, (size_t)col, &err);
	return 1;
}

static void read_roster(struct state *s, const char *path)
{
	kj_tsv *t = kj_cli_open_tsv(path);
	size_t cnip = kj_cli_need_col(t, "nip"), copd = kj_cli_need_col(t, "opd");
	int cunit = kj_tsv_col(t, "unit"), ctmt = kj_tsv_col(t, "tmt");
	int ckel = kj_tsv_col(t, "tmt_keluar");
	size_t cap = 0;
	kj_err err;
	int rc;

	while ((rc = kj_tsv_next(t, &err)) > 0) {
		const char *nip = kj_tsv_field(t, cnip);
		size_t len = kj_tsv_len(t, cnip);
		struct emp *e;
		kj_nip parsed;
		int added;

		if (kj_nip_parse(nip, len, &parsed, &err))
			die_field(t, cnip, &err);
		kj_strmap_put(s->nips, nip, len, s->nemp, &added);
		if (!added) {
			kj_tsv_field_err(t, cnip, &err, "nip: %s appears "
			                 "twice in the roster", parsed.text);
			kj_die_err(&err);
		}
		kj_grow(&s->emps, &cap, s->nemp + 1, sizeof *s->emps);
		e = &s->emps[s->nemp++];
		memset(e, 0, sizeof *e);
		e->sched = kj_jadwal_assign(s->jadwal, kj_tsv_field(t, copd),
		                            cunit >= 0 ?
		                            kj_tsv_field(t, (size_t)cunit) :
		                            NULL);
		e->has_tmt = opt_date(t, ctmt, &e->tmt);
		e->has_keluar = opt_date(t, ckel, &e->keluar);
	}
	if (rc < 0)
		kj_die_err(&err);
	if (s->nemp == 0) {
		kj_err_set(&err, kj_tsv_name(t), kj_tsv_line(t) + 1, 0,
		           "no employee in the roster (a header only)");
		kj_die_err(&err);
	}
	kj_tsv_close(t);
}

/* Is day i (0-based) of the month a working day of employee e? */
static const kj_hari *emp_day(const struct state *s, size_t e, int i)
{
	const struct emp *p = &s->emps[e];
	const kj_hari *h = &s->days[p->sched * (size_t)s->ndays + (size_t)i];
	kj_date d = s->first + i;

	if (!h->kerja || (p->has_tmt && d < p->tmt) ||
	    (p->has_keluar && d >= p->keluar))
		return NULL;
	return h;
}

static void read_leave(struct state *s, const char *path)
{
	kj_tsv *t = kj_cli_open_tsv(path);
	size_t cnip = kj_cli_need_col(t, "nip"), cm = kj_cli_need_col(t, "mulai");
	size_t cs = kj_cli_need_col(t, "selesai"), cj = kj_cli_need_col(t, "jenis");
	kj_err err;
	int rc;

	while ((rc = kj_tsv_next(t, &err)) > 0) {
		size_t e = kj_strmap_get(s->nips, kj_tsv_field(t, cnip),
		                         kj_tsv_len(t, cnip));
		int kind = kj_izin_parse(kj_tsv_field(t, cj),
		                         kj_tsv_len(t, cj));
		kj_date a, b;

		if (kind < 0) {
			kj_tsv_field_err(t, cj, &err, "jenis: unknown leave "
			                 "type '%s' (expected cuti_tahunan, "
			                 "cuti_sakit, cuti_besar, "
			                 "cuti_melahirkan, cuti_alasan_penting, "
			                 "cltn, dinas_luar, sakit, izin or "
			                 "tugas_belajar)", kj_tsv_field(t, cj));
			kj_die_err(&err);
		}
		if (!opt_date(t, (int)cm, &a) || !opt_date(t, (int)cs, &b)) {
			kj_tsv_field_err(t, kj_tsv_len(t, cm) ? cs : cm, &err,
			                 "%s: a date is required",
			                 kj_tsv_len(t, cm) ? "selesai" : "mulai");
			kj_die_err(&err);
		}
		if (b < a) {
			kj_tsv_field_err(t, cs, &err, "selesai: before mulai");
			kj_die_err(&err);
		}
		if (e == KJ_STRMAP_NONE) {
			if (kj_nip_parse(kj_tsv_field(t, cnip),
			                 kj_tsv_len(t, cnip), &(kj_nip){ 0 },
			                 &err))
				die_field(t, cnip, &err);
			kj_diag_warning(kj_tsv_name(t), kj_tsv_line(t),
			                kj_tsv_fieldcol(t, cnip),
			                "NIP %s is not in the roster; row ignored",
			                kj_tsv_field(t, cnip));
			continue;
		}
		if (a < s->first)
			a = s->first;
		if (b > s->last)
			b = s->last;
		for (kj_date d = a; d <= b; d++) {
			unsigned char *slot =
				&s->izin[e * (size_t)s->ndays +
				         (size_t)(d - s->first)];

			if (*slot && *slot != kind) {
				char buf[KJ_DATE_BUFSZ];

				kj_date_format(d, buf, sizeof buf);
				kj_tsv_field_err(t, cm, &err, "mulai: %s is "
				                 "already covered by another "
				                 "row of this NIP (%s)", buf,
				                 kj_izin_name(*slot));
				kj_die_err(&err);
			}
			*slot = (unsigned char)kind;
		}
	}
	if (rc < 0)
		kj_die_err(&err);
	kj_tsv_close(t);
}

static void stranger(struct state *s, const kj_tsv *t, size_t cnip)
{
	const char *nip = kj_tsv_field(t, cnip);
	size_t len = kj_tsv_len(t, cnip);
	size_t n = kj_strmap_count(s->strangers);
	int added;
	size_t i = kj_strmap_put(s->strangers, nip, len, n, &added);
	kj_err err;

	if (added) {
		kj_nip parsed;

		if (kj_nip_parse(nip, len, &parsed, &err))
			die_field(t, cnip, &err);
		kj_grow(&s->str, &s->capstr, n + 1, sizeof *s->str);
		s->str[i].file = kj_xstrdup(kj_tsv_name(t));
		s->str[i].line = kj_tsv_line(t);
		s->str[i].punches = 0;
	}
	s->str[i].punches++;
}

/*
 * A fast path for the common timestamp "YYYY-MM-DD HH:MM:SS" in the same
 * month as the previous row's: the day and the time are read directly.
 * Anything else, including every malformed value, goes to
 * kj_timestamp_parse, which also makes the error message.
 */
struct ts_cache {
	char ym[8];        /* "2026-11-" of the last full parse */
	kj_date first;     /* its first day */
	int ndays;
};

static int two(const char *p)
{
	if (p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9')
		return -1;
	return (p[0] - '0') * 10 + (p[1] - '0');
}

static int quick_ts(const char *w, size_t len, const struct ts_cache *c,
                    kj_timestamp *ts)
{
	int day, h, m, sec;

	if (len != 19 || c->ndays == 0 || memcmp(w, c->ym, 8) != 0 ||
	    (w[10] != ' ' && w[10] != 'T') || w[13] != ':' || w[16] != ':')
		return -1;
	day = two(w + 8);
	h = two(w + 11);
	m = two(w + 14);
	sec = two(w + 17);
	if (day < 1 || day > c->ndays || h < 0 || h > 23 || m < 0 ||
	    m > 59 || sec < 0 || sec > 59)
		return -1;
	*ts = kj_timestamp_make(c->first + day - 1, h * 3600 + m * 60 + sec);
	return 0;
}

static void ts_remember(struct ts_cache *c, const char *w, size_t len,
                        kj_timestamp ts)
{
	int y, m, d;

	if (len < 10)
		return;
	kj_date_ymd(kj_timestamp_date(ts), &y, &m, &d);
	memcpy(c->ym, w, 8);
	c->first = kj_timestamp_date(ts) - (d - 1);
	c->ndays = kj_days_in_month(y, m);
}

static void read_log(struct state *s, const char *path)
{
	kj_tsv *t = kj_cli_open_tsv(path);
	size_t cnip = kj_cli_need_col(t, "nip"), cw = kj_cli_need_col(t, "waktu");
	char last_nip[KJ_NIP_LEN];
	struct ts_cache tc = { "", 0, 0 };
	size_t last_e = KJ_STRMAP_NONE;
	kj_err err;
	int rc;

	while ((rc = kj_tsv_next(t, &err)) > 0) {
		const char *w = kj_tsv_field(t, cw);
		const char *nip = kj_tsv_field(t, cnip);
		size_t wlen = kj_tsv_len(t, cw), nlen = kj_tsv_len(t, cnip);
		kj_timestamp ts;
		kj_date d;
		size_t e;

		if (quick_ts(w, wlen, &tc, &ts) != 0) {
			if (kj_timestamp_parse(w, wlen, &ts, &err))
				die_field(t, cw, &err);
			ts_remember(&tc, w, wlen, ts);
		}
		d = kj_timestamp_date(ts);
		if (d < s->seen_min)
			s->seen_min = d;
		if (d > s->seen_max)
			s->seen_max = d;
		/* The same NIP as the previous row needs no lookup. */
		if (last_e != KJ_STRMAP_NONE && nlen == KJ_NIP_LEN &&
		    memcmp(nip, last_nip, KJ_NIP_LEN) == 0) {
			e = last_e;
		} else {
			e = kj_strmap_get(s->nips, nip, nlen);
			last_e = e;
			if (e != KJ_STRMAP_NONE)
				memcpy(last_nip, nip, KJ_NIP_LEN);
		}
		if (e == KJ_STRMAP_NONE) {
			stranger(s, t, cnip);
			continue;
		}
		/* A punch the day after the month may end its last night,
		 * one the day before may start the first shift. */
		if (d < s->first - s->early || d > s->last + s->overnight)
			continue;
		if (d >= s->first && d <= s->last)
			s->in_month++;
		/* The punch may belong to its own day or, for a shift that
		 * crosses midnight, to the day before (or after). */
		for (kj_date k = d - s->overnight; k <= d + s->early; k++) {
			const kj_hari *h;
			int i = (int)(k - s->first);

			if (k < s->first || k > s->last)
				continue;
			h = emp_day(s, e, i);
			if (h)
				kj_punches_add(h, (int32_t)(ts -
				               kj_timestamp_make(k, 0)),
				               &s->punch[e * (size_t)s->ndays +
				                         (size_t)i]);
		}
	}
	if (rc < 0)
		kj_die_err(&err);
	kj_tsv_close(t);
}

/* Append TAB and v (>= 0) to buf at *n: fprintf per number is most of
 * the time of writing 100,000 rows. */
static void put_int(char *buf, size_t *n, int v)
{
	char tmp[12];
	size_t k = 0;

	buf[(*n)++] = '\t';
	do {
		tmp[k++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0 && k < sizeof tmp);
	while (k > 0)
		buf[(*n)++] = tmp[--k];
}

static void write_out(const struct state *s, const char *path,
                      const char *periode)
{
	static const char *const head[] = {
		"nip", "periode", "hari_kerja", "hadir", "tl1", "tl2", "tl3",
		"tl4", "psw1", "psw2", "psw3", "psw4", "tk", "lupa_absen"
	};
	kj_err err;
	kj_output *out = kj_output_open(path, &err);
	const kj_aturan *a = kj_jadwal_aturan(s->jadwal);
	FILE *f;

	if (!out)
		kj_die_err(&err);
	f = kj_output_stream(out);
	for (size_t i = 0; i < sizeof head / sizeof *head; i++)
		fprintf(f, "%s%s", i ? "\t" : "", head[i]);
	for (int k = 1; k < KJ_IZIN_COUNT; k++)
		fprintf(f, "\t%s", kj_izin_name(k));
	fputc('\n', f);
	for (size_t e = 0; e < s->nemp; e++) {
		kj_absen_month m;
		/* 22 numbers of at most 11 characters and their TABs. */
		char line[64 + 24 * 12];
		size_t n = 0;

		memset(&m, 0, sizeof m);
		for (int i = 0; i < s->ndays; i++) {
			const kj_hari *h = emp_day(s, e, i);
			size_t at = e * (size_t)s->ndays + (size_t)i;
			kj_absen_day day;

			if (!h)
				continue;
			kj_absen_classify(h, a, &s->punch[at], s->izin[at],
			                  &day);
			kj_absen_add(&m, &day);
		}
		fputs(kj_strmap_key(s->nips, e), f);
		fputc('\t', f);
		fputs(periode, f);
		put_int(line, &n, m.hari_kerja);
		put_int(line, &n, m.hadir);
		for (int k = 0; k < KJ_BANDS; k++)
			put_int(line, &n, m.tl[k]);
		for (int k = 0; k < KJ_BANDS; k++)
			put_int(line, &n, m.psw[k]);
		put_int(line, &n, m.tk);
		put_int(line, &n, m.lupa_absen);
		for (int k = 1; k < KJ_IZIN_COUNT; k++)
			put_int(line, &n, m.izin[k]);
		line[n++] = '\n';
		fwrite(line, 1, n, f);
	}
	if (kj_output_commit(out, &err))
		kj_die_err(&err);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "month", required_argument, NULL, 'm' },
		{ "schedule", required_argument, NULL, 'j' },
		{ "roster", required_argument, NULL, 'p' },
		{ "leave", required_argument, NULL, 'i' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *month = NULL, *jpath = NULL, *ppath = NULL;
	const char *ipath = NULL, *opath = NULL;
	const char *const *logs;
	size_t nlogs;
	struct state s;
	kj_period per;
	char periode[KJ_PERIOD_BUFSZ];
	kj_err err;
	int ch;

	kj_diag_init(argv[0]);
	argv[0] = (char *)kj_prog();
	while ((ch = getopt_long(argc, argv, "m:j:p:i:o:hV", longopts,
	                         NULL)) != -1) {
		switch (ch) {
		case 'm': month = optarg; break;
		case 'j': jpath = optarg; break;
		case 'p': ppath = optarg; break;
		case 'i': ipath = optarg; break;
		case 'o': opath = optarg; break;
		case 'h':
			fputs(usage_text, stdout);
			fputs(help_text, stdout);
			return KJ_EXIT_OK;
		case 'V':
			printf("absen-rekap (kinerja) %s\n", KJ_VERSION);
			return KJ_EXIT_OK;
		default:
			fputs(usage_text, stderr);
			return KJ_EXIT_USAGE;
		}
	}
	if (!month)
		kj_die_usage(usage_text,
		             "-m YYYY-MM is required (the month to count)");
	if (!jpath)
		kj_die_usage(usage_text, "-j FILE is required (the schedule, "
		             "jadwal.yaml)");
	if (!ppath)
		kj_die_usage(usage_text, "-p FILE is required (the roster, "
		             "pegawai.tsv)");
	if (kj_period_parse(month, strlen(month), &per, &err) ||
	    per.kind != KJ_PERIOD_MONTH)
		kj_die_usage(usage_text, "-m: expected a month such as "
		             "2026-11, found '%s'", month);
	logs = kj_cli_operands(argc, argv, optind, &nlogs);
	kj_cli_stdin_once(usage_text, logs, nlogs,
	                  (const char *const[]){ ipath, ppath, jpath }, 3);

	memset(&s, 0, sizeof s);
	s.first = kj_period_first(&per);
	s.last = kj_period_last(&per);
	s.ndays = (int)(s.last - s.first + 1);
	s.seen_min = INT32_MAX;
	s.seen_max = INT32_MIN;
	kj_period_format(&per, periode, sizeof periode);

	s.jadwal = kj_jadwal_load_path(jpath, &err);
	if (!s.jadwal)
		kj_die_err(&err);
	s.days = kj_xcalloc(kj_jadwal_count(s.jadwal) * (size_t)s.ndays,
	                    sizeof *s.days);
	for (size_t j = 0; j < kj_jadwal_count(s.jadwal); j++) {
		for (int i = 0; i < s.ndays; i++) {
			kj_hari *h = &s.days[j * (size_t)s.ndays + (size_t)i];

			kj_jadwal_day(s.jadwal, j, s.first + i, h);
			if (h->kerja && h->pulang_tutup >= 86400)
				s.overnight = 1;
			if (h->kerja && h->masuk_buka < 0)
				s.early = 1;
		}
	}
	s.nips = kj_strmap_new();
	s.strangers = kj_strmap_new();
	read_roster(&s, ppath);
	s.punch = kj_xcalloc(s.nemp * (size_t)s.ndays + 1, sizeof *s.punch);
	{
		kj_punches none;

		kj_punches_reset(&none);
		for (size_t i = 0; i < s.nemp * (size_t)s.ndays; i++)
			s.punch[i] = none;
	}
	s.izin = kj_xcalloc(s.nemp * (size_t)s.ndays + 1, 1);
	if (ipath)
		read_leave(&s, ipath);
	for (size_t i = 0; i < nlogs; i++)
		read_log(&s, logs[i]);

	if (s.in_month == 0) {
		char a[KJ_DATE_BUFSZ], b[KJ_DATE_BUFSZ];

		if (s.seen_min > s.seen_max)
			kj_err_set(&err, logs[0], 0, 0, "no punch in the logs "
			           "(a header only), so nothing of %s",
			           periode);
		else {
			kj_date_format(s.seen_min, a, sizeof a);
			kj_date_format(s.seen_max, b, sizeof b);
			kj_err_set(&err, logs[0], 0, 0, "no punch of a roster "
			           "employee in %s: the logs run from %s to "
			           "%s", periode, a, b);
		}
		kj_die_err(&err);
	}
	for (size_t i = 0; i < kj_strmap_count(s.strangers); i++)
		kj_diag_warning(s.str[i].file, s.str[i].line, 0,
		                "NIP %s is not in the roster: %zu punch%s "
		                "ignored (first here)",
		                kj_strmap_key(s.strangers, i),
		                s.str[i].punches,
		                s.str[i].punches == 1 ? "" : "es");
	write_out(&s, opath, periode);

	for (size_t i = 0; i < kj_strmap_count(s.strangers); i++)
		free(s.str[i].file);
	free(s.str);
	kj_strmap_free(s.strangers);
	kj_strmap_free(s.nips);
	free(s.izin);
	free(s.punch);
	free(s.emps);
	free(s.days);
	kj_jadwal_free(s.jadwal);
	return KJ_EXIT_OK;
}
