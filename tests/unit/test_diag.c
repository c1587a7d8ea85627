/*
 * Unit tests for lib/diag.c: the message forms on stderr, the counters,
 * kj_err, and the exits.
 *
 * Messages are caught by pointing file descriptor 2 at a temporary file
 * for the duration of one call (stdout stays the TAP stream); the exits
 * run in a forked child whose stderr is a pipe.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diag.h"

/* ---- capturing stderr ---------------------------------------------------- */

static FILE *cap_file;
static int cap_saved = -1;

static void cap_begin(void)
{
	fflush(stderr);
	cap_file = tmpfile();
	assert_non_null(cap_file);
	cap_saved = dup(2);
	assert_true(cap_saved >= 0);
	assert_true(dup2(fileno(cap_file), 2) == 2);
}

/* Stop capturing; the text written meanwhile, NUL-terminated, in buf. */
static const char *cap_end(char *buf, size_t n)
{
	size_t got;

	fflush(stderr);
	assert_true(dup2(cap_saved, 2) == 2);
	close(cap_saved);
	cap_saved = -1;
	rewind(cap_file);
	got = fread(buf, 1, n - 1, cap_file);
	buf[got] = '\0';
	fclose(cap_file);
	cap_file = NULL;
	return buf;
}

/* Every test starts from the same program name. */
static int setup(void **state)
{
	(void)state;
	kj_diag_init("tpp-calc");
	return 0;
}

/* A failed assertion between cap_begin and cap_end leaves stderr
 * redirected: put it back. */
static int teardown(void **state)
{
	(void)state;
	if (cap_saved >= 0) {
		fflush(stderr);
		dup2(cap_saved, 2);
		close(cap_saved);
		cap_saved = -1;
	}
	if (cap_file) {
		fclose(cap_file);
		cap_file = NULL;
	}
	return 0;
}

/* ---- program name -------------------------------------------------------- */

static void test_init_strips_folder(void **state)
{
	(void)state;
	kj_diag_init("/usr/local/bin/capaian-check");
	assert_string_equal(kj_prog(), "capaian-check");
	kj_diag_init("./bin/absen-rekap");
	assert_string_equal(kj_prog(), "absen-rekap");
	kj_diag_init("rekap-xlsx");
	assert_string_equal(kj_prog(), "rekap-xlsx");
	/* NULL and "" keep the name already set. */
	kj_diag_init(NULL);
	assert_string_equal(kj_prog(), "rekap-xlsx");
	kj_diag_init("");
	assert_string_equal(kj_prog(), "rekap-xlsx");
}

/* ---- message forms ------------------------------------------------------- */

static void test_error_forms(void **state)
{
	char buf[1024];

	(void)state;
	/* file, line and column */
	cap_begin();
	kj_diag_error("pegawai.tsv", 12, 5, "expected %s, found '%s'",
	              "a NIP", "12x");
	assert_string_equal(cap_end(buf, sizeof buf),
	                    "tpp-calc: pegawai.tsv:12:5: error: expected a NIP, "
	                    "found '12x'\n");
	/* column 0: left out */
	cap_begin();
	kj_diag_error("pegawai.tsv", 12, 0, "missing column '%s'", "nip");
	assert_string_equal(cap_end(buf, sizeof buf),
	                    "tpp-calc: pegawai.tsv:12: error: missing column "
	                    "'nip'\n");
	/* line 0: neither line nor column, even when a column is given */
	cap_begin();
	kj_diag_error("rules.yaml", 0, 7, "empty file");
	assert_string_equal(cap_end(buf, sizeof buf),
	                    "tpp-calc: rules.yaml: error: empty file\n");
	/* no file (NULL or ""): no place at all */
	cap_begin();
	kj_diag_error(NULL, 3, 4, "--periode: expected 2026-11");
	kj_diag_error("", 3, 4, "x");
	assert_string_equal(cap_end(buf, sizeof buf),
	                    "tpp-calc: error: --periode: expected 2026-11\n"
	                    "tpp-calc: error: x\n");
	/* '%' in an argument is printed as is */
	cap_begin();
	kj_diag_error("a.tsv", 1, 1, "%s", "100% [rule]");
	assert_string_equal(cap_end(buf, sizeof buf),
	                    "tpp-calc: a.tsv:1:1: error: 100% [rule]\n");
}

static void test_warning_and_note_forms(void **state)
{
	char buf[1024];

	(void)state;
	cap_begin();
	kj_diag_warning("absen.tsv", 3, 9, "%d days late", 4);
	kj_diag_warning("absen.tsv", 3, 0, "w");
	kj_diag_warning("absen.tsv", 0, 0, "w");
	kj_diag_warning(NULL, 0, 0, "sheet full");
	assert_string_equal(cap_end(buf, sizeof buf),
	                    "tpp-calc: absen.tsv:3:9: warning: 4 days late\n"
	                    "tpp-calc: absen.tsv:3: warning: w\n"
	                    "tpp-calc: absen.tsv: warning: w\n"
	                    "tpp-calc: warning: sheet full\n");
	cap_begin();
	kj_diag_note("usage: %s [-o FILE] INPUT...", kj_prog());
	assert_string_equal(cap_end(buf, sizeof buf),
	                    "tpp-calc: usage: tpp-calc [-o FILE] INPUT...\n");
}

/* The program name set by kj_diag_init is the one printed. */
static void test_prog_in_messages(void **state)
{
	char buf[256];

	(void)state;
	kj_diag_init("/opt/kinerja/bin/lapor-remind");
	cap_begin();
	kj_diag_error("laporan.tsv", 2, 0, "bad date");
	assert_string_equal(cap_end(buf, sizeof buf),
	                    "lapor-remind: laporan.tsv:2: error: bad date\n");
}

/* ---- counters ------------------------------------------------------------ */

static void test_counters(void **state)
{
	size_t e0 = kj_diag_errors(), w0 = kj_diag_warnings();
	char buf[1024];
	kj_err err;

	(void)state;
	cap_begin();
	kj_diag_error("a", 1, 1, "e1");
	kj_diag_error(NULL, 0, 0, "e2");
	kj_diag_warning("a", 1, 1, "w1");
	kj_diag_note("not counted");
	kj_err_set(&err, "b.tsv", 4, 2, "e3");
	kj_diag_report(&err);
	cap_end(buf, sizeof buf);
	/* errors: e1, e2 and the reported e3; warnings: w1; a note is
	 * neither */
	assert_int_equal(kj_diag_errors() - e0, 3);
	assert_int_equal(kj_diag_warnings() - w0, 1);
	assert_string_equal(buf,
	                    "tpp-calc: a:1:1: error: e1\n"
	                    "tpp-calc: error: e2\n"
	                    "tpp-calc: a:1:1: warning: w1\n"
	                    "tpp-calc: not counted\n"
	                    "tpp-calc: b.tsv:4:2: error: e3\n");
}

/* ---- kj_err -------------------------------------------------------------- */

static void test_err_set(void **state)
{
	kj_err e;

	(void)state;
	memset(&e, 0x55, sizeof e);
	kj_err_set(&e, "kinerja.tsv", 8, 3, "expected %s, found '%.*s'",
	           "a percent", 3, "abcdef");
	assert_string_equal(e.file, "kinerja.tsv");
	assert_int_equal(e.line, 8);
	assert_int_equal(e.col, 3);
	assert_int_equal(e.status, KJ_EXIT_USAGE);
	assert_string_equal(e.msg, "expected a percent, found 'abc'");

	/* A NULL file is "". */
	kj_err_set(&e, NULL, 0, 0, "x");
	assert_string_equal(e.file, "");
	assert_int_equal(e.line, 0);
	assert_int_equal(e.col, 0);

	/* A NULL kj_err is allowed (the caller does not want the message). */
	kj_err_set(NULL, "f", 1, 1, "ignored");
	kj_err_sys(NULL, "f", "ignored");
}

/* Over-long file names and messages are cut, never overflow. */
static void test_err_truncation(void **state)
{
	char longname[600], longmsg[1200];
	kj_err e;

	(void)state;
	memset(longname, 'f', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	memset(longmsg, 'm', sizeof longmsg - 1);
	longmsg[sizeof longmsg - 1] = '\0';
	kj_err_set(&e, longname, 1, 1, "%s", longmsg);
	/* file[256] keeps 255 characters, msg[512] keeps 511 */
	assert_int_equal(strlen(e.file), sizeof e.file - 1);
	assert_int_equal(strlen(e.msg), sizeof e.msg - 1);
	assert_memory_equal(e.file, longname, sizeof e.file - 1);

	/* kj_err_sys with a full message: no room for the suffix, no
	 * overflow. */
	errno = ENOENT;
	kj_err_sys(&e, "x", "%s", longmsg);
	assert_int_equal(strlen(e.msg), sizeof e.msg - 1);
	assert_int_equal(e.status, KJ_EXIT_INTERNAL);
}

static void test_err_sys(void **state)
{
	char want[600];
	kj_err e;

	(void)state;
	errno = ENOENT;
	kj_err_sys(&e, "pegawai.tsv", "cannot open '%s'", "pegawai.tsv");
	snprintf(want, sizeof want, "cannot open 'pegawai.tsv': %s",
	         strerror(ENOENT));
	assert_string_equal(e.msg, want);
	assert_string_equal(e.file, "pegawai.tsv");
	assert_int_equal(e.line, 0);
	assert_int_equal(e.col, 0);
	assert_int_equal(e.status, KJ_EXIT_INTERNAL);

	errno = ENOSPC;
	kj_err_sys(&e, NULL, "cannot write");
	snprintf(want, sizeof want, "cannot write: %s", strerror(ENOSPC));
	assert_string_equal(e.msg, want);
	assert_string_equal(e.file, "");
	assert_int_equal(e.status, 3);

	/* errno 0: nothing to append ("Success" would be nonsense) */
	errno = 0;
	kj_err_sys(&e, "f", "failed");
	assert_string_equal(e.msg, "failed");
	assert_int_equal(e.status, KJ_EXIT_INTERNAL);
}

/* ---- exits --------------------------------------------------------------- */

enum die_kind { DIE_PLAIN, DIE_ERR };

/*
 * Run one exiting call in a child with stderr on a pipe.  Returns the
 * exit status; the child's stderr text is in buf.
 */
static int run_child(enum die_kind kind, int status, const kj_err *e,
                     char *buf, size_t n)
{
	int fd[2], ws;
	size_t got = 0;
	ssize_t r;
	pid_t pid;

	/* Nothing buffered may be written twice (by the child's exit). */
	fflush(stdout);
	fflush(stderr);
	assert_int_equal(pipe(fd), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fd[0]);
		if (dup2(fd[1], 2) != 2)
			_exit(120);
		close(fd[1]);
		if (kind == DIE_PLAIN)
			kj_die(status, "cannot read '%s': %s", "opd.tsv",
			       "gone");
		kj_die_err(e);
	}
	close(fd[1]);
	while (got < n - 1 && (r = read(fd[0], buf + got, n - 1 - got)) > 0)
		got += (size_t)r;
	buf[got] = '\0';
	close(fd[0]);
	assert_true(waitpid(pid, &ws, 0) == pid);
	assert_true(WIFEXITED(ws));
	return WEXITSTATUS(ws);
}

static void test_die_status_and_message(void **state)
{
	char buf[1024];

	(void)state;
	kj_diag_init("/usr/bin/skp-cascade");
	for (int status = 0; status <= 3; status++) {
		assert_int_equal(run_child(DIE_PLAIN, status, NULL, buf,
		                           sizeof buf), status);
		assert_string_equal(buf, "skp-cascade: cannot read 'opd.tsv': "
		                         "gone\n");
	}
}

static void test_die_err(void **state)
{
	char buf[1024];
	kj_err e;

	(void)state;
	kj_err_set(&e, "skp.yaml", 14, 9, "unknown key 'targt' [%s]",
	           "skp-keys");
	assert_int_equal(run_child(DIE_ERR, 0, &e, buf, sizeof buf),
	                 KJ_EXIT_USAGE);
	assert_string_equal(buf, "tpp-calc: skp.yaml:14:9: error: unknown key "
	                         "'targt' [skp-keys]\n");

	/* kj_err_sys's status 3 is the exit status */
	errno = EACCES;
	kj_err_sys(&e, "out.xlsx", "cannot create");
	assert_int_equal(run_child(DIE_ERR, 0, &e, buf, sizeof buf),
	                 KJ_EXIT_INTERNAL);
	{
		char want[300];

		snprintf(want, sizeof want,
		         "tpp-calc: out.xlsx: error: cannot create: %s\n",
		         strerror(EACCES));
		assert_string_equal(buf, want);
	}

	/* status 1 (found) is kept; status 0 would mean success and
	 * becomes 2 */
	e.status = KJ_EXIT_FOUND;
	assert_int_equal(run_child(DIE_ERR, 0, &e, buf, sizeof buf),
	                 KJ_EXIT_FOUND);
	e.status = 0;
	assert_int_equal(run_child(DIE_ERR, 0, &e, buf, sizeof buf),
	                 KJ_EXIT_USAGE);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_init_strips_folder, teardown),
		T(test_error_forms),
		T(test_warning_and_note_forms),
		T(test_prog_in_messages),
		T(test_counters),
		T(test_err_set),
		T(test_err_truncation),
		T(test_err_sys),
		T(test_die_status_and_message),
		T(test_die_err),
	};

	return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
