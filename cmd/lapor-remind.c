/*
 * lapor-remind: one reminder per late OPD, from the unreported-units TSV
 * of capaian-check --unreported and a message template.
 *
 * Everything is read, checked and rendered in memory before anything is
 * written or sent: bad input leaves no output and sends no mail.  The
 * template is lib/template.h, the messages lib/mail.h.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "diag.h"
#include "io.h"
#include "mail.h"
#include "mem.h"
#include "money.h"
#include "nip.h"
#include "period.h"
#include "strmap.h"
#include "template.h"
#include "tsv.h"

static const char usage_text[] =
	"usage: lapor-remind -t template [--mbox | --sendmail[=CMD] | --tsv] "
	"[-f ADDR] [--qp] [--strict] [-o FILE] [unreported.tsv...]\n";

static const char help_text[] =
	"Render one reminder per late OPD (one per row of the unreported-"
	"units\nTSV of capaian-check --unreported) from a message template.\n"
	"\n"
	"  -t, --template FILE   the template: headers, an empty line, the "
	"body\n"
	"      --mbox            write the messages as an mbox (the default)\n"
	"      --sendmail[=CMD]  pipe each message to CMD (default "
	"'sendmail -t -oi')\n"
	"      --tsv             write telepon, pesan for a WhatsApp gateway\n"
	"  -f, --from ADDR       the sender (overrides the template's From:)\n"
	"      --qp              the body as quoted-printable\n"
	"      --strict          exit 1 when a row was skipped (a warning)\n"
	"  -o, --output FILE     write to FILE (atomically) instead of "
	"standard output\n"
	"  -h, --help            this help;  -V, --version  the version\n"
	"\n"
	"Placeholders: {opd} {nama} {periode} {periode_teks} {batas} "
	"{batas_teks}\n{terlambat_hari} {kepala} {email} {telepon}; {{ and "
	"}} are braces.\n"
	"Exit status: 0 done, 1 rows skipped under --strict, 2 bad usage or\n"
	"input (nothing written or sent), 3 a sendmail failed or a system "
	"error.\nSee lapor-remind(1).\n";

/* The placeholders, in the order of values[]. */
enum {
	V_OPD, V_NAMA, V_PERIODE, V_PERIODE_TEKS, V_BATAS, V_BATAS_TEKS,
	V_TERLAMBAT, V_KEPALA, V_EMAIL, V_TELEPON, NVARS
};
static const char *const vars[NVARS] = {
	"opd", "nama", "periode", "periode_teks", "batas", "batas_teks",
	"terlambat_hari", "kepala", "email", "telepon"
};
/* The columns read, for the placeholders that are columns. */
static const int column_of[NVARS] = {
	1, 1, 1, 0, 1, 0, 1, 1, 1, 1
};

enum { H_FROM, H_SUBJECT, H_CC, H_REPLY_TO, NHDRS };
static const char *const hdrs[NHDRS] = {
	"From", "Subject", "Cc", "Reply-To"
};

enum mode { MODE_MBOX, MODE_SENDMAIL, MODE_TSV };

#define DEFAULT_SENDMAIL "sendmail -t -oi"

struct msg {
	char *opd, *periode;
	char *text;          /* the message (mail) or pesan (tsv) */
	size_t len;
	char *telepon;       /* tsv */
};

struct run {
	enum mode mode;
	const char *tpath;
	kj_tpl *tpl;
	const char *from_opt;
	kj_buf from_hdr, from_addr;
	int qp;
	int64_t now;
	int off;
	struct msg *msgs;
	size_t nmsg, cap;
	kj_strmap *seen;     /* opd TAB periode */
	size_t row;          /* rows read, for the Message-ID salt */
};

static char *read_all(const char *path, size_t *len)
{
	kj_err err;
	kj_input *in = kj_input_open(path, &err);
	char *buf = NULL;
	size_t n = 0, cap = 0;
	ssize_t r;

	if (!in)
		kj_die_err(&err);
	do {
		kj_grow(&buf, &cap, n + 65536 + 1, 1);
		r = kj_input_read(in, buf + n, 65536, &err);
		if (r < 0)
			kj_die_err(&err);
		n += (size_t)r;
		if (n > ((size_t)1 << 20)) {
			kj_err_set(&err, kj_input_name(in), 0, 0, "a template "
			           "over 1 MiB: is this the right file?");
			kj_die_err(&err);
		}
	} while (r > 0);
	buf[n] = '\0';
	*len = n;
	kj_input_close(in);
	return buf;
}

static void load_template(struct run *r)
{
	size_t len, nerr;
	char *text = read_all(r->tpath, &len);
	kj_err errs[20];
	const char *name = strcmp(r->tpath, "-") ? r->tpath : "<stdin>";
	/* A UTF-8 byte order mark (Notepad writes one) is not text. */
	size_t bom = len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;

	r->tpl = kj_tpl_parse(name, text + bom, len - bom, vars, NVARS, hdrs,
	                      NHDRS, errs, sizeof errs / sizeof *errs, &nerr);
	free(text);
	if (!r->tpl) {
		for (size_t i = 0; i + 1 < nerr; i++)
			kj_diag_report(&errs[i]);
		kj_die_err(&errs[nerr - 1]);
	}
	if (!kj_tpl_header(r->tpl, H_SUBJECT)) {
		kj_err err;

		kj_err_set(&err, name, 1, 1, "the template has no Subject: "
		           "header (it starts with the headers, then an empty "
		           "line and the body)");
		kj_die_err(&err);
	}
}

static _Noreturn void die_field(const kj_tsv *t, size_t col,
                                const kj_err *e)
{
	kj_err full;

	kj_tsv_value_err(t, col, e, &full);
	kj_die_err(&full);
}

/* A phone number for the gateway: digits only, 62 for Indonesia first.
 * Returns 0, or -1 when it is not one. */
static int phone(const char *s, size_t n, kj_buf *out)
{
	char d[32];
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (c >= '0' && c <= '9') {
			if (k + 1 >= sizeof d)
				return -1;
			d[k++] = c;
		} else if (c == '+' && k == 0) {
			continue;
		} else if (!strchr(" -.()", c)) {
			return -1;
		}
	}
	d[k] = '\0';
	if (k > 0 && d[0] == '0')
		kj_buf_adds(out, "62"), kj_buf_add(out, d + 1, k - 1);
	else if (k > 0 && d[0] == '8')
		kj_buf_adds(out, "62"), kj_buf_add(out, d, k);
	else
		kj_buf_add(out, d, k);
	if (out->len < 10 || out->len > 15)
		return -1;
	return 0;
}

/* The sender of the mail: --from, or the template's From: rendered. */
static int sender(struct run *r, const char *const *values, const char **hv,
                  const char **addr)
{
	kj_err err;

	if (r->from_opt || !kj_tpl_header(r->tpl, H_FROM)) {
		*hv = r->from_hdr.p;
		*addr = r->from_addr.p;
		return 0;
	} else {
		char *f = kj_tpl_render(r->tpl, H_FROM, values, NULL);

		r->from_hdr.len = r->from_addr.len = 0;
		if (kj_mail_mailbox(f, &r->from_hdr, &r->from_addr)) {
			kj_err_set(&err, r->tpath, kj_tpl_header(r->tpl,
			           H_FROM), 1, "From: '%s' is not an address "
			           "('addr' or 'Name <addr>')", f);
			free(f);
			kj_die_err(&err);
		}
		free(f);
	}
	*hv = r->from_hdr.p;
	*addr = r->from_addr.p;
	return 0;
}

static void add_msg(struct run *r, const char *opd, const char *periode,
                    char *text, size_t len, const char *telepon)
{
	struct msg *m;

	kj_grow(&r->msgs, &r->cap, r->nmsg + 1, sizeof *r->msgs);
	m = &r->msgs[r->nmsg++];
	m->opd = kj_xstrdup(opd);
	m->periode = kj_xstrdup(periode);
	m->text = text;
	m->len = len;
	m->telepon = telepon ? kj_xstrdup(telepon) : NULL;
}

static void mail_row(struct run *r, const kj_tsv *t, size_t cemail,
                     const char *const *values)
{
	kj_buf to = { 0 }, cc = { 0 }, msg = { 0 }, rt = { 0 }, dummy = { 0 };
	kj_mail m;
	size_t bad;
	char *subject, *body, *salt;
	const char *fromv, *froma;
	kj_err err;

	if (kj_tsv_len(t, cemail) == 0) {
		kj_diag_warning(kj_tsv_name(t), kj_tsv_line(t),
		                kj_tsv_fieldcol(t, cemail), "OPD %s has no "
		                "email: no mail for %s (row skipped)",
		                values[V_OPD], values[V_PERIODE]);
		return;
	}
	if (kj_mail_addr_list(kj_tsv_field(t, cemail), kj_tsv_len(t, cemail),
	                      &to, &bad)) {
		kj_diag_warning(kj_tsv_name(t), kj_tsv_line(t),
		                kj_tsv_fieldcol(t, cemail) + (long)bad,
		                "email: '%s' is not an address list: no mail "
		                "for OPD %s (row skipped)",
		                kj_tsv_field(t, cemail), values[V_OPD]);
		return;
	}
	sender(r, values, &fromv, &froma);
	memset(&m, 0, sizeof m);
	m.from = fromv;
	m.to = to.p;
	if (kj_tpl_header(r->tpl, H_CC)) {
		char *c = kj_tpl_render(r->tpl, H_CC, values, NULL);

		if (kj_mail_addr_list(c, strlen(c), &cc, &bad)) {
			kj_err_set(&err, r->tpath, kj_tpl_header(r->tpl, H_CC),
			           1, "Cc: '%s' is not an address list", c);
			kj_die_err(&err);
		}
		free(c);
		m.cc = cc.p;
	}
	if (kj_tpl_header(r->tpl, H_REPLY_TO)) {
		char *c = kj_tpl_render(r->tpl, H_REPLY_TO, values, NULL);

		if (kj_mail_mailbox(c, &rt, &dummy)) {
			kj_err_set(&err, r->tpath,
			           kj_tpl_header(r->tpl, H_REPLY_TO), 1,
			           "Reply-To: '%s' is not an address", c);
			kj_die_err(&err);
		}
		free(c);
		m.reply_to = rt.p;
	}
	subject = kj_tpl_render(r->tpl, H_SUBJECT, values, NULL);
	body = kj_tpl_render(r->tpl, KJ_TPL_BODY, values, &m.body_len);
	m.subject = subject;
	m.body = body;
	m.date = r->now;
	m.date_off = r->off;
	m.domain = strchr(froma, '@') + 1;
	salt = kj_xmalloc(strlen(values[V_OPD]) + strlen(values[V_PERIODE]) +
	                  32);
	sprintf(salt, "%s\t%s\t%zu", values[V_OPD], values[V_PERIODE],
	        r->row);
	m.salt = salt;
	m.qp = r->qp;
	kj_mail_build(&m, &msg);
	if (r->mode == MODE_MBOX) {
		kj_buf box = { 0 };

		kj_mbox_append(&box, froma, r->now, msg.p, msg.len);
		kj_buf_free(&msg);
		msg = box;
	}
	add_msg(r, values[V_OPD], values[V_PERIODE], msg.p, msg.len, NULL);
	free(salt);
	free(subject);
	free(body);
	kj_buf_free(&to);
	kj_buf_free(&cc);
	kj_buf_free(&rt);
	kj_buf_free(&dummy);
}

static void tsv_row(struct run *r, const kj_tsv *t, size_t ctel,
                    const char *const *values)
{
	kj_buf tel = { 0 }, pesan = { 0 };
	char *subject, *body;
	size_t blen;

	if (kj_tsv_len(t, ctel) == 0) {
		kj_diag_warning(kj_tsv_name(t), kj_tsv_line(t),
		                kj_tsv_fieldcol(t, ctel), "OPD %s has no "
		                "telepon: no message for %s (row skipped)",
		                values[V_OPD], values[V_PERIODE]);
		return;
	}
	if (phone(kj_tsv_field(t, ctel), kj_tsv_len(t, ctel), &tel)) {
		kj_diag_warning(kj_tsv_name(t), kj_tsv_line(t),
		                kj_tsv_fieldcol(t, ctel), "telepon: '%s' is "
		                "not a phone number (10 to 15 digits, 0 or +62 "
		                "first): no message for OPD %s (row skipped)",
		                kj_tsv_field(t, ctel), values[V_OPD]);
		kj_buf_free(&tel);
		return;
	}
	subject = kj_tpl_render(r->tpl, H_SUBJECT, values, NULL);
	body = kj_tpl_render(r->tpl, KJ_TPL_BODY, values, &blen);
	while (blen > 0 && body[blen - 1] == '\n')
		blen--;
	kj_buf_adds(&pesan, subject);
	if (blen) {
		kj_buf_add(&pesan, "\n\n", 2);
		kj_buf_add(&pesan, body, blen);
	}
	add_msg(r, values[V_OPD], values[V_PERIODE], pesan.p, pesan.len,
	        tel.p);
	kj_buf_free(&tel);
	free(subject);
	free(body);
}

static void read_rows(struct run *r, const char *path)
{
	kj_err err;
	kj_tsv *t = kj_tsv_open(path, &err);
	int col[NVARS];
	int rc;

	if (!t)
		kj_die_err(&err);
	for (int v = 0; v < NVARS; v++) {
		col[v] = -1;
		if (column_of[v] && (col[v] = kj_tsv_need(t, vars[v], &err)) < 0)
			kj_die_err(&err);
	}
	while ((rc = kj_tsv_next(t, &err)) > 0) {
		const char *values[NVARS];
		char plabel[KJ_LABEL_BUFSZ], blabel[KJ_LABEL_BUFSZ];
		char key[512];
		kj_period per;
		kj_date batas;
		int64_t late;
		int added;

		r->row++;
		for (int v = 0; v < NVARS; v++)
			values[v] = col[v] >= 0 ?
			            kj_tsv_field(t, (size_t)col[v]) : "";
		if (kj_tsv_len(t, (size_t)col[V_OPD]) == 0) {
			kj_tsv_field_err(t, (size_t)col[V_OPD], &err,
			                 "opd: empty (the code of the OPD is "
			                 "needed)");
			kj_die_err(&err);
		}
		if (kj_period_parse(values[V_PERIODE],
		                    kj_tsv_len(t, (size_t)col[V_PERIODE]), &per,
		                    &err))
			die_field(t, (size_t)col[V_PERIODE], &err);
		if (kj_date_parse(values[V_BATAS],
		                  kj_tsv_len(t, (size_t)col[V_BATAS]), &batas,
		                  &err))
			die_field(t, (size_t)col[V_BATAS], &err);
		if (kj_decimal_parse(values[V_TERLAMBAT],
		                     kj_tsv_len(t, (size_t)col[V_TERLAMBAT]), 0,
		                     &late, NULL) || late < 0) {
			kj_tsv_field_err(t, (size_t)col[V_TERLAMBAT], &err,
			                 "terlambat_hari: expected a whole "
			                 "number of days >= 0, found '%s'",
			                 values[V_TERLAMBAT]);
			kj_die_err(&err);
		}
		if (kj_tsv_len(t, (size_t)col[V_KEPALA]) &&
		    kj_nip_parse(values[V_KEPALA],
		                 kj_tsv_len(t, (size_t)col[V_KEPALA]),
		                 &(kj_nip){ 0 }, &err))
			die_field(t, (size_t)col[V_KEPALA], &err);
		kj_period_label(&per, plabel, sizeof plabel);
		kj_date_label(batas, blabel, sizeof blabel);
		values[V_PERIODE_TEKS] = plabel;
		values[V_BATAS_TEKS] = blabel;
		snprintf(key, sizeof key, "%s\t%s", values[V_OPD],
		         values[V_PERIODE]);
		kj_strmap_put(r->seen, key, strlen(key), 0, &added);
		if (!added) {
			kj_diag_warning(kj_tsv_name(t), kj_tsv_line(t), 0,
			                "OPD %s, %s: a second row (skipped)",
			                values[V_OPD], values[V_PERIODE]);
			continue;
		}
		if (r->mode == MODE_TSV)
			tsv_row(r, t, (size_t)col[V_TELEPON], values);
		else
			mail_row(r, t, (size_t)col[V_EMAIL], values);
	}
	if (rc < 0)
		kj_die_err(&err);
	kj_tsv_close(t);
}

static void write_out(const struct run *r, const char *path)
{
	kj_err err;
	kj_output *out = kj_output_open(path, &err);
	FILE *f;

	if (!out)
		kj_die_err(&err);
	f = kj_output_stream(out);
	if (r->mode == MODE_TSV) {
		static const char *const head[] = {
			"telepon", "pesan", "opd", "periode"
		};

		kj_tsv_put_row(f, head, 4);
	}
	for (size_t i = 0; i < r->nmsg; i++) {
		const struct msg *m = &r->msgs[i];

		if (r->mode == MODE_TSV) {
			const char *row[4] = {
				m->telepon, m->text, m->opd, m->periode
			};

			kj_tsv_put_row(f, row, 4);
		} else {
			fwrite(m->text, 1, m->len, f);
		}
	}
	if (kj_output_commit(out, &err))
		kj_die_err(&err);
}

/* Pipe one message to sh -c cmd.  0 when the command read it and exited
 * 0; otherwise the reason is in why. */
static int send_one(const char *cmd, const struct msg *m, char *why,
                    size_t n)
{
	int fd[2], status;
	pid_t pid;
	size_t done = 0;
	int werr = 0;

	if (pipe(fd) < 0) {
		snprintf(why, n, "pipe: %s", strerror(errno));
		return -1;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		snprintf(why, n, "fork: %s", strerror(errno));
		close(fd[0]);
		close(fd[1]);
		return -1;
	}
	if (pid == 0) {
		dup2(fd[0], 0);
		close(fd[0]);
		close(fd[1]);
		signal(SIGPIPE, SIG_DFL);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(fd[0]);
	while (done < m->len) {
		ssize_t w = write(fd[1], m->text + done, m->len - done);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			werr = errno;
			break;
		}
		done += (size_t)w;
	}
	close(fd[1]);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			snprintf(why, n, "waitpid: %s", strerror(errno));
			return -1;
		}
	}
	if (WIFSIGNALED(status)) {
		snprintf(why, n, "killed by signal %d", WTERMSIG(status));
		return -1;
	}
	if (WEXITSTATUS(status) != 0) {
		snprintf(why, n, "exited with status %d", WEXITSTATUS(status));
		return -1;
	}
	if (werr) {
		snprintf(why, n, "did not read the whole message (%s)",
		         strerror(werr));
		return -1;
	}
	return 0;
}

static int send_all(const struct run *r, const char *cmd)
{
	size_t failed = 0;

	signal(SIGPIPE, SIG_IGN);
	for (size_t i = 0; i < r->nmsg; i++) {
		char why[256];

		if (send_one(cmd, &r->msgs[i], why, sizeof why)) {
			kj_diag_error(NULL, 0, 0, "'%s' %s for OPD %s, %s: "
			              "that reminder was not sent", cmd, why,
			              r->msgs[i].opd, r->msgs[i].periode);
			failed++;
		}
	}
	if (failed)
		kj_diag_note("%zu of %zu reminders not sent", failed, r->nmsg);
	return failed ? KJ_EXIT_INTERNAL : KJ_EXIT_OK;
}

/* The time of the Date header: SOURCE_DATE_EPOCH (UTC) when set, so that
 * tests and reproducible runs get the same bytes; else now, local. */
static void clock_now(struct run *r)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	struct tm tm;
	time_t now;

	if (sde && *sde) {
		char *end;
		long long v;

		errno = 0;
		v = strtoll(sde, &end, 10);
		if (errno || *end || v < 0 || v > INT64_C(32503680000))
			kj_die(KJ_EXIT_USAGE, "SOURCE_DATE_EPOCH: expected "
			       "seconds since 1970, found '%s'", sde);
		r->now = v;
		r->off = 0;
		return;
	}
	now = time(NULL);
	r->now = (int64_t)now;
	localtime_r(&now, &tm);
	r->off = (int)(tm.tm_gmtoff / 60);
}

int main(int argc, char **argv)
{
	enum { OPT_MBOX = 256, OPT_SENDMAIL, OPT_TSV, OPT_QP, OPT_STRICT };
	static const struct option longopts[] = {
		{ "template", required_argument, NULL, 't' },
		{ "mbox", no_argument, NULL, OPT_MBOX },
		{ "sendmail", optional_argument, NULL, OPT_SENDMAIL },
		{ "tsv", no_argument, NULL, OPT_TSV },
		{ "from", required_argument, NULL, 'f' },
		{ "qp", no_argument, NULL, OPT_QP },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *const *inputs;
	const char *opath = NULL, *sendmail = DEFAULT_SENDMAIL;
	size_t ninputs;
	int nmodes = 0, strict = 0, ch, status;
	struct run r;

	kj_diag_init(argv[0]);
	argv[0] = (char *)kj_prog();
	memset(&r, 0, sizeof r);
	while ((ch = getopt_long(argc, argv, "t:f:o:hV", longopts,
	                         NULL)) != -1) {
		switch (ch) {
		case 't': r.tpath = optarg; break;
		case 'f': r.from_opt = optarg; break;
		case 'o': opath = optarg; break;
		case OPT_MBOX: r.mode = MODE_MBOX; nmodes++; break;
		case OPT_TSV: r.mode = MODE_TSV; nmodes++; break;
		case OPT_SENDMAIL:
			r.mode = MODE_SENDMAIL;
			nmodes++;
			if (optarg)
				sendmail = optarg;
			break;
		case OPT_QP: r.qp = 1; break;
		case OPT_STRICT: strict = 1; break;
		case 'h':
			fputs(usage_text, stdout);
			fputs(help_text, stdout);
			return KJ_EXIT_OK;
		case 'V':
			printf("lapor-remind (kinerja) %s\n", KJ_VERSION);
			return KJ_EXIT_OK;
		default:
			fputs(usage_text, stderr);
			return KJ_EXIT_USAGE;
		}
	}
	if (!r.tpath)
		kj_die_usage(usage_text, "-t FILE is required (the message "
		             "template)");
	if (nmodes > 1)
		kj_die_usage(usage_text, "--mbox, --sendmail and --tsv: "
		             "choose one");
	if (r.mode == MODE_SENDMAIL && opath)
		kj_die_usage(usage_text, "-o: --sendmail writes no file");
	if (r.mode == MODE_SENDMAIL && !*sendmail)
		kj_die_usage(usage_text, "--sendmail=: the command is empty");
	if (r.mode == MODE_TSV && r.qp)
		kj_die_usage(usage_text, "--qp: only for mail (--mbox, "
		             "--sendmail)");
	inputs = kj_cli_operands(argc, argv, optind, &ninputs);
	kj_cli_stdin_once(usage_text, inputs, ninputs,
	                  (const char *const[]){ r.tpath }, 1);
	if (r.from_opt && kj_mail_mailbox(r.from_opt, &r.from_hdr,
	                                  &r.from_addr))
		kj_die_usage(usage_text, "--from: '%s' is not an address "
		             "('addr' or 'Name <addr>')", r.from_opt);

	clock_now(&r);
	load_template(&r);
	if (r.mode != MODE_TSV && !r.from_opt &&
	    !kj_tpl_header(r.tpl, H_FROM))
		kj_die_usage(usage_text, "no sender: give --from ADDR or a "
		             "From: header in %s", r.tpath);
	r.seen = kj_strmap_new();
	for (size_t i = 0; i < ninputs; i++)
		read_rows(&r, inputs[i]);

	if (r.mode == MODE_SENDMAIL)
		status = send_all(&r, sendmail);
	else {
		write_out(&r, opath);
		status = KJ_EXIT_OK;
	}
	if (status == KJ_EXIT_OK && strict && kj_diag_warnings())
		status = KJ_EXIT_FOUND;

	for (size_t i = 0; i < r.nmsg; i++) {
		free(r.msgs[i].opd);
		free(r.msgs[i].periode);
		free(r.msgs[i].text);
		free(r.msgs[i].telepon);
	}
	free(r.msgs);
	kj_strmap_free(r.seen);
	kj_buf_free(&r.from_hdr);
	kj_buf_free(&r.from_addr);
	kj_tpl_free(r.tpl);
	return status;
}
