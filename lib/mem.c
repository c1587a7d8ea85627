/* mem: see mem.h. */
#include "mem.h"
#include "diag.h"

#include <errno.h>
#include <malloc.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static _Noreturn void out_of_memory(size_t n)
{
	kj_die(KJ_EXIT_INTERNAL, "out of memory (allocating %zu bytes)", n);
}

/*
 * Ask for transparent huge pages in a large block (hash tables and arrays
 * of a national roster: gigabytes touched at random).  With 4 KiB pages
 * the TLB misses of the NIP tables cost a third of capaian-check's time at
 * 4.7 million employees; where THP is "madvise" (Debian's default) the
 * kernel only uses huge pages where asked.  A refusal changes nothing but
 * speed.
 *
 * The advice covers every page of the block up to its usable end, which
 * for a block of its own (glibc maps large blocks) is the whole mapping:
 * advising only a part would split the mapping in three, and Linux's
 * mremap refuses a range across mappings (EFAULT), so every later realloc
 * of the block would copy it instead of moving its pages.
 */
#define HUGE_MIN ((size_t)4 << 20)

#if defined(MADV_HUGEPAGE) || defined(MADV_POPULATE_WRITE)
/* Asked each time (a read of the auxiliary vector): no static for two
 * threads to race on. */
static uintptr_t page_size(void)
{
	long ps = sysconf(_SC_PAGESIZE);

	return ps > 0 ? (uintptr_t)ps : 4096;
}
#endif

static void *want_huge(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
	uintptr_t a, e, pg;

	if (!p || n < HUGE_MIN)
		return p;
	pg = page_size();
	n = malloc_usable_size(p);
	a = (uintptr_t)p & ~(pg - 1);
	e = ((uintptr_t)p + n + pg - 1) & ~(pg - 1);
	if (e > a)
		madvise((void *)a, e - a, MADV_HUGEPAGE);
#else
	(void)n;
#endif
	return p;
}

void *kj_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		out_of_memory(n);
	return want_huge(p, n);
}

void *kj_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		out_of_memory(n * size);
	return want_huge(p, n * size);
}

void *kj_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		out_of_memory(n);
	return want_huge(q, n);
}

void *kj_xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		out_of_memory(SIZE_MAX);
	return kj_xrealloc(p, n * size);
}

char *kj_xstrdup(const char *s)
{
	return kj_xstrndup(s, strlen(s));
}

char *kj_xstrndup(const char *s, size_t n)
{
	char *p = kj_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void kj_grow(void *items, size_t *cap, size_t need, size_t size)
{
	void **pp = items;
	size_t c = *cap;

	if (need <= c)
		return;
	if (c < 8)
		c = 8;
	while (c < need) {
		if (c > SIZE_MAX / 2)
			out_of_memory(SIZE_MAX);
		c *= 2;
	}
	*pp = kj_xreallocarray(*pp, c, size);
	*cap = c;
}

void kj_prefault(void *p, size_t n)
{
#ifdef MADV_POPULATE_WRITE
	static atomic_int unsupported;  /* threads may call this too */
	uintptr_t a, e, page = page_size();

	if (atomic_load_explicit(&unsupported, memory_order_relaxed) || !p ||
	    n == 0)
		return;
	a = ((uintptr_t)p + page - 1) & ~(page - 1);
	e = ((uintptr_t)p + n) & ~(page - 1);
	if (e <= a || (uintptr_t)p + n < (uintptr_t)p)
		return;
	if (madvise((void *)a, e - a, MADV_POPULATE_WRITE) != 0 &&
	    (errno == EINVAL || errno == ENOSYS || errno == EPERM))
		atomic_store_explicit(&unsupported, 1, memory_order_relaxed);
#else
	(void)p;
	(void)n;
#endif
}
