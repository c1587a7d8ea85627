/*
 * mem: allocation that cannot return NULL.  Running out of memory is an
 * internal failure (exit 3); no caller has a better answer to it.
 */
#ifndef KJ_MEM_H
#define KJ_MEM_H

#include <stddef.h>

void *kj_xmalloc(size_t n);
void *kj_xcalloc(size_t n, size_t size);
void *kj_xrealloc(void *p, size_t n);
/* realloc for arrays: n * size, checked for overflow. */
void *kj_xreallocarray(void *p, size_t n, size_t size);
char *kj_xstrdup(const char *s);
char *kj_xstrndup(const char *s, size_t n);

/* Grow *items (holding *cap elements of size) so that need fit. */
void kj_grow(void *items, size_t *cap, size_t need, size_t size);

/*
 * Map the whole pages inside [p, p + n) now, in one call, rather than one
 * page fault at a time as they are first written (a page fault costs
 * several times the work of filling the page in bulk).  For memory about
 * to be written anyway; contents are unchanged.  A no-op where the system
 * cannot (MADV_POPULATE_WRITE, Linux 5.14).
 */
void kj_prefault(void *p, size_t n);

#endif
