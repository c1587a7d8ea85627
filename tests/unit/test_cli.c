/*
 * Unit tests of lib/cli.c: the operands of a command line, and standard
 * input read at most once (whose failure ends the process: run in a child).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "cli.h"
#include "diag.h"

static void test_operands(void **state)
{
	char *argv[] = { "prog", "-m", "2026-11", "a.tsv", "b.tsv", NULL };
	const char *const *ops;
	size_t n;

	(void)state;
	/* getopt stopped at index 3: two operands. */
	ops = kj_cli_operands(5, argv, 3, &n);
	assert_int_equal(n, 2);
	assert_string_equal(ops[0], "a.tsv");
	assert_string_equal(ops[1], "b.tsv");
	/* None left: standard input alone. */
	ops = kj_cli_operands(3, argv, 3, &n);
	assert_int_equal(n, 1);
	assert_string_equal(ops[0], "-");
}

/* Status of kj_cli_stdin_once in a child, its stderr thrown away. */
static int stdin_once_status(const char *const *ops, size_t n,
                             const char *const *opts, size_t nopts)
{
	pid_t pid = fork();
	int status;

	assert_true(pid >= 0);
	if (pid == 0) {
		if (!freopen("/dev/null", "w", stderr))
			_exit(99);
		kj_cli_stdin_once("usage: prog", ops, n, opts, nopts);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

static void test_stdin_once(void **state)
{
	const char *const one[] = { "-" }, *const two[] = { "a", "-" };
	const char *const none[] = { NULL, "x.tsv" },
	      *const dash[] = { NULL, "-" };

	(void)state;
	kj_diag_init("prog");
	assert_int_equal(stdin_once_status(one, 1, none, 2), 0);
	assert_int_equal(stdin_once_status(two, 2, none, 2), 0);
	/* An operand and an option value both "-": bad usage, status 2. */
	assert_int_equal(stdin_once_status(one, 1, dash, 2), KJ_EXIT_USAGE);
	assert_int_equal(stdin_once_status(two, 2, dash, 2), KJ_EXIT_USAGE);
	/* Two options reading standard input, the operands not. */
	assert_int_equal(stdin_once_status(two, 1,
	                 (const char *const[]){ "-", "-" }, 2), KJ_EXIT_USAGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_operands),
		cmocka_unit_test(test_stdin_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
