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

#endif
