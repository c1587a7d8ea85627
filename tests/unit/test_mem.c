/*
 * mem: allocation that cannot return NULL, and kj_grow's doubling.
 * Running out of memory is exit 3 (internal), checked in a child.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "mem.h"

static void test_strndup(void **state)
{
	char *s;

	(void)state;
	/* "NIPXYZ"[0..3) = "NIP", terminated. */
	s = kj_xstrndup("NIPXYZ", 3);
	assert_string_equal(s, "NIP");
	free(s);
	s = kj_xstrdup("");
	assert_string_equal(s, "");
	free(s);
}

/* kj_prefault maps pages, it never changes a byte: not the pattern of a
 * written buffer (the range cut at both ends to whole pages), not the
 * zeros of a fresh calloc, not the bytes just outside the range. */
static void test_prefault_keeps_contents(void **state)
{
	size_t n = 5 * 4096 + 123;
	unsigned char *p = kj_xmalloc(n), *z = kj_xcalloc(3 << 20, 1);
	size_t i, nz = 0;

	(void)state;
	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(i * 7 + 1);
	kj_prefault(p + 1, n - 2);
	kj_prefault(p, 0);
	kj_prefault(NULL, 0);
	kj_prefault(p + 10, 5);          /* inside one page: nothing */
	for (i = 0; i < n; i++)
		if (p[i] != (unsigned char)(i * 7 + 1))
			break;
	assert_int_equal(i, n);
	kj_prefault(z, 3 << 20);
	for (i = 0; i < (3u << 20); i++)
		nz += z[i] != 0;
	assert_int_equal(nz, 0);
	/* Still ordinary memory: written, read back, freed. */
	memset(z, 0xAB, 3 << 20);
	assert_int_equal(z[(3 << 20) - 1], 0xAB);
	free(z);
	free(p);
}

static void test_grow_doubles(void **state)
{
	int *a = NULL;
	size_t cap = 0;

	(void)state;
	/* The first growth gives at least 8, then doubling: 8, 16, 32. */
	kj_grow(&a, &cap, 1, sizeof *a);
	assert_int_equal(cap, 8);
	kj_grow(&a, &cap, 8, sizeof *a);
	assert_int_equal(cap, 8);       /* enough already: unchanged */
	kj_grow(&a, &cap, 9, sizeof *a);
	assert_int_equal(cap, 16);
	kj_grow(&a, &cap, 33, sizeof *a);
	assert_int_equal(cap, 64);      /* 16 -> 32 -> 64 >= 33 */
	for (int i = 0; i < 33; i++)
		a[i] = i;                   /* all writable (ASan checks) */
	assert_int_equal(a[32], 32);
	free(a);
}

static void test_zero_sizes(void **state)
{
	(void)state;
	/* malloc(0) may return NULL; kj_x* never do. */
	void *p = kj_xmalloc(0), *q = kj_xcalloc(0, 0);

	assert_non_null(p);
	assert_non_null(q);
	free(p);
	free(q);
}

/* An impossible size ends the process with status 3. */
static void test_overflow_exits_3(void **state)
{
	pid_t pid;
	int status;

	(void)state;
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int devnull = open("/dev/null", 1);

		dup2(devnull, 2);
		/* n * size overflows size_t: refused before any allocation. */
		kj_xreallocarray(NULL, SIZE_MAX / 2, 4);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 3);
}

/* The mapping that holds address a: its bounds and VmFlags ("" when not
 * found). */
static void mapping_of(uintptr_t a, uintptr_t *lo_out, uintptr_t *hi_out,
                       char *out, size_t size)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	char line[512];
	int in = 0;

	out[0] = '\0';
	*lo_out = *hi_out = 0;
	if (!f)
		return;
	while (fgets(line, sizeof line, f)) {
		unsigned long lo, hi;

		if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2) {
			in = a >= lo && a < hi;
			if (in) {
				*lo_out = lo;
				*hi_out = hi;
			}
		} else if (in && strncmp(line, "VmFlags:", 8) == 0) {
			snprintf(out, size, "%s", line + 8);
			break;
		}
	}
	fclose(f);
}

static void vm_flags(uintptr_t a, char *out, size_t size)
{
	uintptr_t lo, hi;

	mapping_of(a, &lo, &hi, out, size);
}

static int have_thp(void)
{
	return access("/sys/kernel/mm/transparent_hugepage/enabled", R_OK) == 0;
}

/* A block of 4 MiB or more asks for transparent huge pages (VmFlags
 * "hg"); a small one does not.  Where /proc or THP is missing the
 * allocation still works, and the flag check is skipped. */
static void test_large_blocks_ask_for_huge_pages(void **state)
{
	size_t n = (size_t)32 << 20;
	char *big = kj_xmalloc(n), flags[512];
	char *small = kj_xmalloc(4096);

	(void)state;
	memset(big, 1, n);
	vm_flags((uintptr_t)big + n / 2, flags, sizeof flags);
	if (flags[0] && have_thp())
		assert_non_null(strstr(flags, " hg"));
	big = kj_xrealloc(big, 2 * n);
	assert_int_equal(big[n - 1], 1);
	vm_flags((uintptr_t)big + n, flags, sizeof flags);
	if (flags[0] && have_thp())
		assert_non_null(strstr(flags, " hg"));
	vm_flags((uintptr_t)small, flags, sizeof flags);
	assert_null(strstr(flags, " hg"));
	free(big);
	free(small);
}

/*
 * The advice covers the whole block, first byte to last, so the block
 * stays one mapping: advice on part of it would split the mapping, and
 * Linux's mremap, which lets realloc move a large block without copying
 * it, refuses a range across mappings.  Grown four times, the block is
 * still one mapping with the flag, from its first byte to its last.
 */
static void test_advice_keeps_one_mapping(void **state)
{
	size_t n = ((size_t)6 << 20) + 100;
	char *big = kj_xmalloc(n), flags[512];
	uintptr_t lo, hi;

	(void)state;
	for (int round = 0; round < 4; round++) {
		size_t from = round ? n / 2 : 0;     /* the new half */

		memset(big + from, round + 1, n - from);
		mapping_of((uintptr_t)big, &lo, &hi, flags, sizeof flags);
		if (!flags[0])
			break;          /* no /proc: nothing to look at */
		assert_true(lo <= (uintptr_t)big);
		assert_true(hi >= (uintptr_t)big + n);
		if (have_thp())
			assert_non_null(strstr(flags, " hg"));
		assert_int_equal(big[n - 1], round + 1);
		big = kj_xrealloc(big, 2 * n);
		n *= 2;
	}
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strndup),
		cmocka_unit_test(test_grow_doubles),
		cmocka_unit_test(test_prefault_keeps_contents),
		cmocka_unit_test(test_large_blocks_ask_for_huge_pages),
		cmocka_unit_test(test_advice_keeps_one_mapping),
		cmocka_unit_test(test_zero_sizes),
		cmocka_unit_test(test_overflow_exits_3),
	};

	return cmocka_run_group_tests_name("mem", tests, NULL, NULL);
}
