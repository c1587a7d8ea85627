/* yaml: see yaml.h. */
#include "yaml.h"
#include "mem.h"

#include <stdalign.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>

/* libyaml's header: the build puts lib/ on the quote path only (-iquote),
 * so <yaml.h> is never this module's own yaml.h. */
#include <yaml.h>

/* ---- arena -------------------------------------------------------------- */

/*
 * Blocks grow eightfold from ARENA_FIRST to ARENA_MAX (4 KiB, 32 KiB,
 * 256 KiB, 2 MiB, 8 MiB, 8 MiB ...), so a small file, such as one of a
 * thousand SKP documents, costs one small malloc, and a large one a few
 * dozen.  A request bigger than half a block (a long scalar, the items of a
 * long sequence) gets a block of its own, so the current block's free
 * space is not thrown away.
 *
 * A tree takes two to three times the bytes of its text, all of it fresh
 * memory, and faulting that in 4 KiB pages cost as much as libyaml's whole
 * parse in our measurements.  So blocks of 2 MiB and more are aligned to
 * 2 MiB and offered to the kernel for transparent huge pages (where it has
 * them), which cuts those page faults 512 times.
 */
#if defined(__SANITIZE_ADDRESS__)
#define KJ_Y_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KJ_Y_ASAN 1
#endif
#endif

#define ARENA_FIRST ((size_t)4 << 10)
#define ARENA_MAX   ((size_t)8 << 20)
#define HUGE_PAGE   ((size_t)2 << 20)

struct block {
	struct block *next;
	void *raw;       /* what kj_xmalloc returned, for free() */
	size_t size;     /* bytes in data[] */
	alignas(max_align_t) unsigned char data[];
};

struct kj_yarena {
	struct block *blocks;
	unsigned char *cur, *end;
	size_t next_size;
};

static struct block *new_block(size_t size)
{
	struct block *b;
	unsigned char *raw;

	if (size > SIZE_MAX / 2)
		size = SIZE_MAX / 2; /* kj_xmalloc then fails cleanly */
#ifdef MADV_HUGEPAGE
	if (size >= HUGE_PAGE) {
		uintptr_t d;

		raw = kj_xmalloc(sizeof *b + size + HUGE_PAGE);
		d = ((uintptr_t)raw + sizeof *b + HUGE_PAGE - 1) &
		    ~(uintptr_t)(HUGE_PAGE - 1);
		b = (struct block *)(d - offsetof(struct block, data));
		b->raw = raw;
		b->next = NULL;
		b->size = size;
		/* Only advice: where it fails, small pages still work. */
		madvise((void *)d, size & ~(HUGE_PAGE - 1), MADV_HUGEPAGE);
		return b;
	}
#endif
	raw = kj_xmalloc(sizeof *b + size);
	b = (struct block *)raw;
	b->raw = raw;
	b->next = NULL;
	b->size = size;
	return b;
}

static void *arena_alloc(struct kj_yarena *a, size_t n, size_t align)
{
	uintptr_t p = ((uintptr_t)a->cur + (align - 1)) & ~(uintptr_t)(align - 1);
	struct block *b;

	if (a->cur && p <= (uintptr_t)a->end && n <= (uintptr_t)a->end - p) {
		a->cur = (unsigned char *)p + n;
		return (void *)p;
	}
	if (n > a->next_size / 2) {
		/* Own block, behind the current one. */
		b = new_block(n);
		if (a->blocks) {
			b->next = a->blocks->next;
			a->blocks->next = b;
		} else {
			a->blocks = b;
		}
		return b->data;
	}
	b = new_block(a->next_size);
	b->next = a->blocks;
	a->blocks = b;
	a->cur = b->data + n;
	a->end = b->data + a->next_size;
	a->next_size = a->next_size < ARENA_MAX / 8 ? a->next_size * 8
	                                            : ARENA_MAX;
	return b->data;
}

static void arena_free(struct kj_yarena *a)
{
	struct block *b, *next;

	for (b = a->blocks; b; b = next) {
		next = b->next;
		free(b->raw);
	}
}

/*
 * Forget everything allocated, keeping the newest regular block (the
 * biggest so far) for what comes next: a stream of similar documents then
 * runs in one block that stays in the cache, with no malloc and no fresh
 * page per document.  Blocks of one big request are freed.
 */
static void arena_reset(struct kj_yarena *a)
{
	struct block *keep = a->blocks, *b, *next;

#ifdef KJ_Y_ASAN
	/* Under AddressSanitizer nothing is reused, so that a pointer kept
	 * into a document past its time is a use after free, not a silent
	 * read of the next document. */
	arena_free(a);
	a->blocks = NULL;
	a->cur = a->end = NULL;
	keep = NULL;
#endif
	if (!keep)
		return;
	for (b = keep->next; b; b = next) {
		next = b->next;
		free(b->raw);
	}
	keep->next = NULL;
	/* The head is a regular block unless it is the only one and was
	 * made for one big request; either way its whole size is usable. */
	a->cur = keep->data;
	a->end = keep->data + keep->size;
}

/* ---- loading ------------------------------------------------------------ */

/* Mappings with more keys than this find duplicates through a hash table;
 * below it a linear compare is cheaper than building one. */
#define LINEAR_KEYS 16

struct frame {
	enum kj_ykind kind;
	size_t start;        /* index in the stack of the first child */
	uint32_t line, col;
	/* Big mappings: open addressing over pair indexes + 1 (0 is empty). */
	size_t *tab;
	size_t tabcap;
};

struct loader {
	yaml_parser_t parser;
	struct kj_yarena *arena;
	kj_yfile *file;
	kj_err *err;
	/*
	 * Finished nodes whose container is still open, innermost last; at
	 * depth 0 the roots of the documents read so far.  A container's
	 * children are copied from here into the arena, exactly sized, when
	 * it ends.
	 */
	kj_ynode *stack;
	size_t nstack, capstack;
	struct frame frames[KJ_Y_MAX_DEPTH];
	int depth;
	kj_err spare;        /* where errors go when the caller gave none */
	/* The input, and its own error when a read fails. */
	kj_input *in;
	kj_err read_err;
	bool read_failed;
	kj_ytail tail;       /* the input's last line, for problem_mark */
};

/* A 0-based libyaml mark as a 1-based position; a file of 4 G lines
 * cannot be loaded into memory anyway, but stay defined. */
static uint32_t pos1(size_t v)
{
	return v < UINT32_MAX ? (uint32_t)v + 1 : UINT32_MAX;
}

static void lerr(struct loader *ld, const yaml_mark_t *m, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void lerr(struct loader *ld, const yaml_mark_t *m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kj_err_setv(ld->err, ld->file->name, m ? (long)m->line + 1 : 0,
	            m ? (long)m->column + 1 : 0, fmt, ap);
	va_end(ap);
}

/* Write at most 40 bytes of s for a message: control characters become
 * '?', a cut falls between UTF-8 characters, and "..." marks it. */
static const char *excerpt(const char *s, size_t len, char *buf, size_t size)
{
	size_t max = size > 4 ? size - 4 : 0, i, n;

	if (max > 40)
		max = 40;
	n = len;
	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		buf[i] = c < 0x20 || c == 0x7F ? '?' : (char)c;
	}
	if (n < len && size >= 4)
		memcpy(buf + i, "...", 3), i += 3;
	if (size > 0)
		buf[i < size ? i : size - 1] = '\0';
	return buf;
}

static void push(struct loader *ld, const kj_ynode *n)
{
	if (ld->nstack == ld->capstack)
		kj_grow(&ld->stack, &ld->capstack, ld->nstack + 1,
		        sizeof *ld->stack);
	ld->stack[ld->nstack++] = *n;
}

static uint64_t hash_bytes(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325u; /* FNV-1a */

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3u;
	}
	return h;
}

static bool same_key(const kj_ynode *a, const kj_ynode *b)
{
	return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
}

/* Insert pair i of frame fr into its table; returns the pair index of an
 * equal key already there, or (size_t)-1. */
static size_t tab_insert(struct loader *ld, struct frame *fr, size_t i)
{
	const kj_ynode *key = &ld->stack[fr->start + 2 * i];
	size_t mask = fr->tabcap - 1;
	size_t h = (size_t)hash_bytes(key->str, key->len) & mask;

	while (fr->tab[h]) {
		size_t j = fr->tab[h] - 1;

		if (same_key(&ld->stack[fr->start + 2 * j], key))
			return j;
		h = (h + 1) & mask;
	}
	fr->tab[h] = i + 1;
	return (size_t)-1;
}

/*
 * The key just pushed as pair i of the mapping fr: return the pair index
 * of an earlier equal key, or (size_t)-1.  Linear for small mappings; a
 * table kept at most half full for big ones, so that a mapping with
 * thousands of keys costs thousands of steps, not millions.
 */
static size_t find_duplicate(struct loader *ld, struct frame *fr, size_t i)
{
	const kj_ynode *key = &ld->stack[fr->start + 2 * i];

	if (i < LINEAR_KEYS) {
		for (size_t j = 0; j < i; j++)
			if (same_key(&ld->stack[fr->start + 2 * j], key))
				return j;
		return (size_t)-1;
	}
	if ((i + 1) * 2 > fr->tabcap) {
		size_t cap = fr->tabcap ? fr->tabcap * 2 : 4 * LINEAR_KEYS;

		while ((i + 1) * 2 > cap)
			cap *= 2;
		free(fr->tab);
		fr->tab = kj_xcalloc(cap, sizeof *fr->tab);
		fr->tabcap = cap;
		/* The earlier keys are known to be distinct. */
		for (size_t j = 0; j < i; j++)
			tab_insert(ld, fr, j);
	}
	return tab_insert(ld, fr, i);
}

/* A node is about to start inside the innermost container: refuse a
 * non-scalar mapping key. */
static int check_key_slot(struct loader *ld, const yaml_mark_t *m)
{
	struct frame *fr;

	if (ld->depth == 0)
		return 0;
	fr = &ld->frames[ld->depth - 1];
	if (fr->kind == KJ_Y_MAP && (ld->nstack - fr->start) % 2 == 0) {
		lerr(ld, m, "mapping key must be a scalar");
		return -1;
	}
	return 0;
}

/* Refuse a tag, shown short (!!int for tag:yaml.org,2002:int). */
static void tag_error(struct loader *ld, const yaml_mark_t *m,
                      const yaml_char_t *tag, enum kj_ykind kind)
{
	static const char std[] = "tag:yaml.org,2002:";
	static const char *const why[] = {
		[KJ_Y_SCALAR] = "(only !!str)",
		[KJ_Y_SEQ] = "on a sequence (only !!seq)",
		[KJ_Y_MAP] = "on a mapping (only !!map)",
	};
	const char *t = (const char *)tag;
	bool short_form = strncmp(t, std, sizeof std - 1) == 0;
	char buf[64];

	if (short_form)
		t += sizeof std - 1;
	lerr(ld, m, "tag '%s%s' is not allowed %s", short_form ? "!!" : "",
	     excerpt(t, strlen(t), buf, sizeof buf), why[kind]);
}

/* "!" is the non-specific tag: it only says "not plain". */
static bool tag_is(const yaml_char_t *tag, const char *full)
{
	return strcmp((const char *)tag, "!") == 0 ||
	       strcmp((const char *)tag, full) == 0;
}

/* The error at the second of two equal keys; within one line (a flow
 * mapping) the line alone would not say which one came first. */
static void duplicate(struct loader *ld, const yaml_mark_t *m,
                      const kj_ynode *key, const kj_ynode *first)
{
	char buf[64], col[32] = "";

	excerpt(key->str, key->len, buf, sizeof buf);
	if (first->line == key->line)
		snprintf(col, sizeof col, ", column %lu",
		         (unsigned long)first->col);
	lerr(ld, m, "duplicate key '%s' (first at line %lu%s)", buf,
	     (unsigned long)first->line, col);
}

static int on_scalar(struct loader *ld, const yaml_event_t *ev)
{
	const yaml_mark_t *m = &ev->start_mark;
	size_t len = ev->data.scalar.length;
	kj_ynode n;

	if (ev->data.scalar.anchor) {
		lerr(ld, m, "anchors are not allowed");
		return -1;
	}
	if (ev->data.scalar.tag &&
	    !tag_is(ev->data.scalar.tag, "tag:yaml.org,2002:str")) {
		tag_error(ld, m, ev->data.scalar.tag, KJ_Y_SCALAR);
		return -1;
	}
	if (len > KJ_Y_MAX_SCALAR) {
		lerr(ld, m, "scalar longer than %zu MiB", KJ_Y_MAX_SCALAR >> 20);
		return -1;
	}
	n.kind = KJ_Y_SCALAR;
	n.plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	          !ev->data.scalar.tag;
	n.line = pos1(m->line);
	n.col = pos1(m->column);
	n.len = (uint32_t)len;
	if (len == 0) {
		n.str = "";
	} else {
		char *s = arena_alloc(ld->arena, len + 1, 1);

		memcpy(s, ev->data.scalar.value, len);
		s[len] = '\0';
		n.str = s;
	}
	push(ld, &n);

	if (ld->depth > 0) {
		struct frame *fr = &ld->frames[ld->depth - 1];
		size_t k = ld->nstack - 1 - fr->start;

		if (fr->kind == KJ_Y_MAP && k % 2 == 0) {
			size_t j = find_duplicate(ld, fr, k / 2);

			if (j != (size_t)-1) {
				duplicate(ld, m, &n,
				          &ld->stack[fr->start + 2 * j]);
				return -1;
			}
		}
	}
	return 0;
}

static int on_start(struct loader *ld, const yaml_event_t *ev,
                    enum kj_ykind kind)
{
	const yaml_mark_t *m = &ev->start_mark;
	const yaml_char_t *anchor, *tag;
	struct frame *fr;

	if (kind == KJ_Y_MAP) {
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
	} else {
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
	}
	if (anchor) {
		lerr(ld, m, "anchors are not allowed");
		return -1;
	}
	if (tag && !tag_is(tag, kind == KJ_Y_MAP ? "tag:yaml.org,2002:map"
	                                         : "tag:yaml.org,2002:seq")) {
		tag_error(ld, m, tag, kind);
		return -1;
	}
	if (check_key_slot(ld, m) < 0)
		return -1;
	if (ld->depth == KJ_Y_MAX_DEPTH) {
		lerr(ld, m, "nesting deeper than %d levels", KJ_Y_MAX_DEPTH);
		return -1;
	}
	fr = &ld->frames[ld->depth++];
	fr->kind = kind;
	fr->start = ld->nstack;
	fr->line = pos1(m->line);
	fr->col = pos1(m->column);
	fr->tab = NULL;
	fr->tabcap = 0;
	return 0;
}

/* What an empty collection points at: never NULL, so that callers may do
 * arithmetic such as kj_y_vals() on it. */
static const kj_ynode no_children[1];

_Static_assert(sizeof(kj_ynode) <= 24, "kj_ynode grew: loading gets slower");

static int on_end(struct loader *ld, const yaml_mark_t *m)
{
	struct frame *fr = &ld->frames[--ld->depth];
	size_t n = ld->nstack - fr->start;
	const kj_ynode *src;
	kj_ynode node, *dst;

	free(fr->tab);
	fr->tab = NULL;
	if (n > UINT32_MAX) {
		lerr(ld, m, "more than %lu items in one %s",
		     (unsigned long)UINT32_MAX,
		     fr->kind == KJ_Y_MAP ? "mapping" : "sequence");
		return -1;
	}
	/* The stack may still be NULL here: "[]" as the first node. */
	src = n ? ld->stack + fr->start : NULL;
	dst = n ? arena_alloc(ld->arena, n * sizeof *dst, alignof(kj_ynode))
	        : NULL;
	node.kind = fr->kind;
	node.plain = false;
	node.line = fr->line;
	node.col = fr->col;
	if (fr->kind == KJ_Y_SEQ) {
		if (n > 0)
			memcpy(dst, src, n * sizeof *dst);
		node.len = (uint32_t)n;
		node.items = n ? dst : no_children;
	} else {
		size_t pairs = n / 2;

		/* Parallel arrays: keys first, then the values. */
		for (size_t i = 0; i < pairs; i++) {
			dst[i] = src[2 * i];
			dst[pairs + i] = src[2 * i + 1];
		}
		node.len = (uint32_t)pairs;
		node.keys = n ? dst : no_children;
	}
	ld->nstack = fr->start;
	push(ld, &node);
	return 0;
}

/*
 * Where a reader error is: libyaml gives only a byte offset, but at that
 * moment its decoded buffer holds, from the scanner's mark on, exactly the
 * characters before the bad byte.  Counting line breaks the way libyaml
 * does (CR LF, CR, LF, NEL, LS, PS) from the mark gives line and column.
 */
static void reader_place(const yaml_parser_t *p, long *line, long *col)
{
	const unsigned char *s = p->buffer.pointer, *e = p->buffer.last;
	size_t l = p->mark.line, c = p->mark.column;

	if (!s || !e || s > e) {
		*line = (long)l + 1;
		*col = (long)c + 1;
		return;
	}
	while (s < e) {
		if (s[0] == '\r' && s + 1 < e && s[1] == '\n') {
			l++, c = 0, s += 2;
		} else if (s[0] == '\r' || s[0] == '\n') {
			l++, c = 0, s++;
		} else if (s[0] == 0xC2 && s + 1 < e && s[1] == 0x85) {
			l++, c = 0, s += 2;
		} else if (s[0] == 0xE2 && s + 2 < e && s[1] == 0x80 &&
		           (s[2] == 0xA8 || s[2] == 0xA9)) {
			l++, c = 0, s += 3;
		} else {
			/* One character: skip its continuation bytes. */
			s++;
			while (s < e && (*s & 0xC0) == 0x80)
				s++;
			c++;
		}
	}
	*line = (long)l + 1;
	*col = (long)c + 1;
}

static yaml_mark_t problem_mark(const yaml_parser_t *p, const kj_ytail *t);

static void parser_error(struct loader *ld)
{
	const yaml_parser_t *p = &ld->parser;
	const char *problem = p->problem ? p->problem : "unknown error";
	long line, col;

	switch (p->error) {
	case YAML_MEMORY_ERROR:
		kj_err_set(ld->err, ld->file->name, 0, 0,
		           "out of memory while reading YAML");
		ld->err->status = KJ_EXIT_INTERNAL;
		return;
	case YAML_READER_ERROR:
		if (ld->read_failed) {
			/* The input's own error (read or gzip); a line of
			 * the compressed stream means nothing here. */
			*ld->err = ld->read_err;
			ld->err->line = ld->err->col = 0;
			return;
		}
		reader_place(p, &line, &col);
		if (p->problem_value == -1)
			kj_err_set(ld->err, ld->file->name, line, col,
			           "%s at byte offset %zu: expected UTF-8 text",
			           problem, p->problem_offset);
		else if (strstr(problem, "octet"))
			kj_err_set(ld->err, ld->file->name, line, col,
			           "%s 0x%02x at byte offset %zu: "
			           "expected UTF-8 text", problem,
			           (unsigned)p->problem_value,
			           p->problem_offset);
		else
			kj_err_set(ld->err, ld->file->name, line, col,
			           "%s (U+%04X at byte offset %zu)", problem,
			           (unsigned)p->problem_value, p->problem_offset);
		return;
	default:
		break;
	}
	/* libyaml's context names what it was reading and where that began:
	 * "while scanning a quoted scalar" that starts where the quote was
	 * opened, which is where a user will look for the mistake. */
	yaml_mark_t pm = problem_mark(p, &ld->tail);

	if (p->context && (p->context_mark.line != pm.line ||
	                   p->context_mark.column != pm.column))
		lerr(ld, &pm,
		     "%s (%s that starts at line %zu, column %zu)", problem,
		     p->context, p->context_mark.line + 1,
		     p->context_mark.column + 1);
	else if (p->context)
		lerr(ld, &pm, "%s (%s)", problem, p->context);
	else
		lerr(ld, &pm, "%s", problem);
}

static int read_handler(void *data, unsigned char *buf, size_t size,
                        size_t *size_read)
{
	struct loader *ld = data;
	ssize_t r = kj_input_read(ld->in, buf, size, &ld->read_err);

	if (r < 0) {
		ld->read_failed = true;
		*size_read = 0;
		return 0;
	}
	*size_read = (size_t)r;
	kj_ytail_feed(&ld->tail, buf, (size_t)r);
	return 1;
}

void kj_ytail_feed(kj_ytail *t, const void *buf, size_t n)
{
	const unsigned char *b = buf, *p;

	if (n == 0)
		return;
	p = b + n;
	/* back to the last line break (\n or \r) of the chunk, if any */
	while (p > b && p[-1] != '\n' && p[-1] != '\r')
		p--;
	if (p > b)
		t->col = 0;
	for (; p < b + n; p++)
		t->col += (*p & 0xC0) != 0x80;  /* UTF-8 lead bytes */
}

void kj_ytail_place(const kj_ytail *t, bool at_end, size_t *line,
                    size_t *col)
{
	if (at_end && *line > 0 && *col == 0 && t->col > 0) {
		*line -= 1;
		*col = t->col;
	}
}

/* The problem mark, placed by kj_ytail when libyaml put it past the end. */
static yaml_mark_t problem_mark(const yaml_parser_t *p, const kj_ytail *t)
{
	yaml_mark_t m = p->problem_mark;

	kj_ytail_place(t, p->eof && m.index == p->mark.index, &m.line,
	               &m.column);
	return m;
}

static kj_yfile *new_file(const char *name)
{
	struct kj_yarena a = { NULL, NULL, NULL, ARENA_FIRST };
	struct kj_yarena *ap;
	kj_yfile *f;
	size_t len = strlen(name);
	char *s;

	/* The file and its arena live in the arena's first block. */
	ap = arena_alloc(&a, sizeof *ap, alignof(struct kj_yarena));
	*ap = a;
	f = arena_alloc(ap, sizeof *f, alignof(kj_yfile));
	s = arena_alloc(ap, len + 1, 1);
	memcpy(s, name, len + 1);
	f->name = s;
	f->ndocs = 0;
	f->docs = NULL;
	f->arena = ap;
	return f;
}

void kj_yfree(kj_yfile *f)
{
	struct kj_yarena a;

	if (!f)
		return;
	a = *f->arena; /* the arena frees the block it lives in */
	arena_free(&a);
}

/*
 * Run the event loop of a parser whose input is set, until the end of the
 * stream, or with one_doc until the end of the next document.  1: a
 * document ended (one_doc only; its root is the last node of the stack),
 * 0: the stream ended, -1: err filled (and the open frames freed).
 */
static int run(struct loader *ld, bool one_doc)
{
	yaml_event_t ev;
	int rc = 0, ret = 0;

	for (;;) {
		if (!yaml_parser_parse(&ld->parser, &ev)) {
			parser_error(ld);
			ret = -1;
			break;
		}
		/* UTF-8 only (kinerja-formats(5)): libyaml would decode a
		 * file with a UTF-16 byte order mark and accept it. */
		if (ev.type == YAML_STREAM_START_EVENT &&
		    ev.data.stream_start.encoding != YAML_UTF8_ENCODING &&
		    ev.data.stream_start.encoding != YAML_ANY_ENCODING) {
			lerr(ld, &ev.start_mark, "UTF-16 text (expected UTF-8 "
			     "text; convert the file with iconv)");
			yaml_event_delete(&ev);
			ret = -1;
			break;
		}
		switch (ev.type) {
		case YAML_SCALAR_EVENT:
			rc = on_scalar(ld, &ev);
			break;
		case YAML_SEQUENCE_START_EVENT:
			rc = on_start(ld, &ev, KJ_Y_SEQ);
			break;
		case YAML_MAPPING_START_EVENT:
			rc = on_start(ld, &ev, KJ_Y_MAP);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			rc = on_end(ld, &ev.start_mark);
			break;
		case YAML_ALIAS_EVENT:
			lerr(ld, &ev.start_mark, "aliases are not allowed");
			rc = -1;
			break;
		case YAML_DOCUMENT_END_EVENT:
			if (one_doc)
				ret = 1;
			break;
		case YAML_STREAM_END_EVENT:
			ret = 2;
			break;
		default:
			/* Stream and document starts: the roots simply pile
			 * up at depth 0. */
			break;
		}
		yaml_event_delete(&ev);
		if (rc < 0)
			ret = -1;
		if (ret != 0)
			break;
	}
	if (ret < 0) {
		for (int i = 0; i < ld->depth; i++)
			free(ld->frames[i].tab);
		ld->depth = 0;
		return -1;
	}
	return ret == 2 ? 0 : 1;
}

/* Load a whole stream into ld->file. */
static kj_yfile *load(struct loader *ld)
{
	if (run(ld, false) < 0) {
		free(ld->stack);
		kj_yfree(ld->file);
		return NULL;
	}
	if (ld->nstack > 0) {
		kj_ynode *docs = arena_alloc(ld->arena,
		                             ld->nstack * sizeof *docs,
		                             alignof(kj_ynode));

		memcpy(docs, ld->stack, ld->nstack * sizeof *docs);
		ld->file->docs = docs;
		ld->file->ndocs = ld->nstack;
	}
	free(ld->stack);
	return ld->file;
}

static int loader_init(struct loader *ld, const char *name, kj_err *err)
{
	memset(ld, 0, sizeof *ld);
	ld->err = err ? err : &ld->spare;
	if (!yaml_parser_initialize(&ld->parser)) {
		kj_err_set(ld->err, name, 0, 0,
		           "out of memory while reading YAML");
		ld->err->status = KJ_EXIT_INTERNAL;
		return -1;
	}
	ld->file = new_file(name);
	ld->arena = ld->file->arena;
	return 0;
}

kj_yfile *kj_yload(kj_input *in, kj_err *err)
{
	struct loader ld;
	kj_yfile *f;

	if (loader_init(&ld, kj_input_name(in), err) < 0)
		return NULL;
	ld.in = in;
	yaml_parser_set_input(&ld.parser, read_handler, &ld);
	f = load(&ld);
	yaml_parser_delete(&ld.parser);
	return f;
}

kj_yfile *kj_yload_path(const char *path, kj_err *err)
{
	kj_err spare;
	kj_input *in;
	kj_yfile *f;

	if (!err)
		err = &spare;
	in = kj_input_open(path, err);
	if (!in)
		return NULL;
	f = kj_yload(in, err);
	kj_input_close(in);
	return f;
}

kj_yfile *kj_yload_mem(const char *name, const void *buf, size_t len,
                       kj_err *err)
{
	struct loader ld;
	kj_yfile *f;

	if (!name)
		name = "<memory>";
	if (loader_init(&ld, name, err) < 0)
		return NULL;
	yaml_parser_set_input_string(&ld.parser,
	                             len ? buf : (const void *)"", len);
	kj_ytail_feed(&ld.tail, buf, len);
	f = load(&ld);
	yaml_parser_delete(&ld.parser);
	return f;
}

/* ---- streaming ---------------------------------------------------------- */

struct kj_ystream {
	struct loader ld;
	struct kj_yarena arena;  /* reset before each document */
	kj_yfile view;           /* what kj_ystream_next hands out */
	kj_ynode root;
	kj_input *own;           /* opened by kj_ystream_open_path */
	int state;               /* 0 reading, 1 at the end, -1 failed */
	kj_err fail;             /* the error, repeated by later calls */
	char name[];
};

static kj_ystream *stream_new(const char *name, kj_err *err)
{
	size_t len = strlen(name);
	kj_ystream *s = kj_xcalloc(1, sizeof *s + len + 1);

	memcpy(s->name, name, len + 1);
	s->ld.err = err ? err : &s->ld.spare;
	if (!yaml_parser_initialize(&s->ld.parser)) {
		kj_err_set(s->ld.err, name, 0, 0,
		           "out of memory while reading YAML");
		s->ld.err->status = KJ_EXIT_INTERNAL;
		free(s);
		return NULL;
	}
	s->arena.next_size = ARENA_FIRST;
	s->ld.arena = &s->arena;
	s->view.name = s->name;
	s->view.arena = &s->arena;
	s->ld.file = &s->view;
	return s;
}

kj_ystream *kj_ystream_open(kj_input *in, kj_err *err)
{
	kj_ystream *s = stream_new(kj_input_name(in), err);

	if (!s)
		return NULL;
	s->ld.in = in;
	yaml_parser_set_input(&s->ld.parser, read_handler, &s->ld);
	return s;
}

kj_ystream *kj_ystream_open_path(const char *path, kj_err *err)
{
	kj_err spare;
	kj_input *in;
	kj_ystream *s;

	if (!err)
		err = &spare;
	in = kj_input_open(path, err);
	if (!in)
		return NULL;
	s = kj_ystream_open(in, err);
	if (!s) {
		kj_input_close(in);
		return NULL;
	}
	s->own = in;
	return s;
}

kj_ystream *kj_ystream_open_mem(const char *name, const void *buf,
                                size_t len, kj_err *err)
{
	kj_ystream *s = stream_new(name ? name : "<memory>", err);

	if (!s)
		return NULL;
	yaml_parser_set_input_string(&s->ld.parser,
	                             len ? buf : (const void *)"", len);
	kj_ytail_feed(&s->ld.tail, buf, len);
	return s;
}

int kj_ystream_next(kj_ystream *s, const kj_yfile **doc, kj_err *err)
{
	int rc;

	*doc = NULL;
	if (s->state > 0)
		return 0;
	if (s->state < 0) {
		if (err)
			*err = s->fail;
		return -1;
	}
	s->ld.err = err ? err : &s->ld.spare;
	arena_reset(&s->arena);
	s->ld.nstack = 0;
	s->view.ndocs = 0;
	s->view.docs = NULL;
	rc = run(&s->ld, true);
	if (rc < 0) {
		s->state = -1;
		s->fail = *s->ld.err;
		return -1;
	}
	if (rc == 0) {
		s->state = 1;
		return 0;
	}
	/* A document holds exactly one root; libyaml gives an empty
	 * document an empty plain scalar. */
	s->root = s->ld.stack[s->ld.nstack - 1];
	s->ld.nstack = 0;
	s->view.ndocs = 1;
	s->view.docs = &s->root;
	*doc = &s->view;
	return 1;
}

const char *kj_ystream_name(const kj_ystream *s)
{
	return s->name;
}

void kj_ystream_close(kj_ystream *s)
{
	if (!s)
		return;
	for (int i = 0; i < s->ld.depth; i++)
		free(s->ld.frames[i].tab);
	yaml_parser_delete(&s->ld.parser);
	free(s->ld.stack);
	arena_free(&s->arena);
	if (s->own)
		kj_input_close(s->own);
	free(s);
}

/* ---- keeping nodes ------------------------------------------------------ */

struct kept_str {
	const char *s;       /* NULL: an empty slot */
	size_t len;
	uint64_t hash;
};

/*
 * Short texts are looked up in a small direct-mapped cache of the texts
 * kept last: a text that recurs (a key, "Tidak ada", a unit's name) is
 * kept once per run of documents, and the cache, unlike a table of every
 * text ever kept, stays in the CPU's cache.  A miss just keeps a new copy
 * and takes the slot.
 */
#define KEEP_SLOTS 4096

struct kj_ykeep {
	struct kj_yarena arena;
	struct kept_str tab[KEEP_SLOTS];
};

kj_ykeep *kj_ykeep_new(void)
{
	kj_ykeep *k = kj_xcalloc(1, sizeof *k);

	k->arena.next_size = ARENA_FIRST;
	return k;
}

void kj_ykeep_free(kj_ykeep *k)
{
	if (!k)
		return;
	arena_free(&k->arena);
	free(k);
}

/* A hash for short texts, eight bytes at a step (FNV-1a's byte loop
 * was half of what keeping cost). */
static uint64_t hash_short(const char *s, size_t len)
{
	const uint64_t m = 0x9E3779B97F4A7C15u;
	uint64_t h = len * m, w;

	for (; len >= 8; s += 8, len -= 8) {
		memcpy(&w, s, 8);
		h = ((h << 5 | h >> 59) ^ w) * m;
	}
	if (len > 0) {
		w = 0;
		memcpy(&w, s, len);
		h = ((h << 5 | h >> 59) ^ w) * m;
	}
	return h ^ h >> 29;
}

static const char *keep_str(kj_ykeep *k, const char *s, size_t len)
{
	char *d;

	if (len == 0)
		return "";
	if (len <= KJ_Y_KEEP_INTERN) {
		uint64_t hash = hash_short(s, len);
		struct kept_str *e = &k->tab[hash % KEEP_SLOTS];

		if (e->s && e->hash == hash && e->len == len &&
		    memcmp(e->s, s, len) == 0)
			return e->s;
		d = arena_alloc(&k->arena, len + 1, 1);
		memcpy(d, s, len);
		d[len] = '\0';
		e->s = d;
		e->len = len;
		e->hash = hash;
		return d;
	}
	d = arena_alloc(&k->arena, len + 1, 1);
	memcpy(d, s, len);
	d[len] = '\0';
	return d;
}

/* Copy what n's children point at into k (n itself is already a copy). */
static void keep_children(kj_ykeep *k, kj_ynode *n)
{
	size_t cnt;
	kj_ynode *dst;

	if (n->kind == KJ_Y_SCALAR) {
		n->str = keep_str(k, n->str, n->len);
		return;
	}
	cnt = n->kind == KJ_Y_MAP ? 2 * (size_t)n->len : n->len;
	if (cnt == 0) {
		n->items = no_children;
		return;
	}
	dst = arena_alloc(&k->arena, cnt * sizeof *dst, alignof(kj_ynode));
	memcpy(dst, n->items, cnt * sizeof *dst);
	for (size_t i = 0; i < cnt; i++)
		keep_children(k, &dst[i]);
	n->items = dst;
}

const kj_ynode *kj_ykeep_tree(kj_ykeep *k, const kj_ynode *n)
{
	kj_ynode *c;

	if (!n)
		return NULL;
	c = arena_alloc(&k->arena, sizeof *c, alignof(kj_ynode));
	*c = *n;
	keep_children(k, c);
	return c;
}

const kj_ynode *kj_ykeep_node(kj_ykeep *k, const kj_ynode *n)
{
	kj_ynode *c;

	if (!n)
		return NULL;
	c = arena_alloc(&k->arena, sizeof *c, alignof(kj_ynode));
	*c = *n;
	if (n->kind == KJ_Y_SCALAR) {
		c->str = keep_str(k, n->str, n->len);
	} else {
		c->len = 0;
		c->items = no_children;
	}
	return c;
}

/* ---- looking at nodes --------------------------------------------------- */

void kj_y_err(kj_err *err, const kj_yfile *f, const kj_ynode *n,
              const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kj_err_setv(err, f ? f->name : "", n ? (long)n->line : 0,
	            n ? (long)n->col : 0, fmt, ap);
	va_end(ap);
}

bool kj_y_is_null(const kj_ynode *n)
{
	if (!n || n->kind != KJ_Y_SCALAR || !n->plain)
		return false;
	switch (n->len) {
	case 0:
		return true;
	case 1:
		return n->str[0] == '~';
	case 4:
		return strcmp(n->str, "null") == 0 ||
		       strcmp(n->str, "Null") == 0 ||
		       strcmp(n->str, "NULL") == 0;
	default:
		return false;
	}
}

bool kj_y_is(const kj_ynode *n, const char *s)
{
	size_t len = strlen(s);

	return n && n->kind == KJ_Y_SCALAR && n->len == len &&
	       memcmp(n->str, s, len) == 0;
}

/* Index of key in map, or -1. */
static long find_key(const kj_ynode *map, const char *key)
{
	size_t len;

	if (!map || map->kind != KJ_Y_MAP)
		return -1;
	len = strlen(key);
	for (size_t i = 0; i < map->len; i++) {
		const kj_ynode *k = &map->keys[i];

		if (k->len == len && k->str[0] == key[0] &&
		    memcmp(k->str, key, len) == 0)
			return (long)i;
	}
	return -1;
}

const kj_ynode *kj_y_get(const kj_ynode *map, const char *key)
{
	long i = find_key(map, key);

	return i < 0 ? NULL : &kj_y_vals(map)[i];
}

const char *kj_y_found(const kj_ynode *n, char *buf, size_t size)
{
	char tmp[64];

	if (!n)
		snprintf(buf, size, "nothing");
	else if (n->kind == KJ_Y_MAP)
		snprintf(buf, size, "a mapping");
	else if (n->kind == KJ_Y_SEQ)
		snprintf(buf, size, "a sequence");
	else if (kj_y_is_null(n))
		snprintf(buf, size, "an empty value");
	else
		snprintf(buf, size, "'%s'",
		         excerpt(n->str, n->len, tmp, sizeof tmp));
	return buf;
}

/* ---- checking mappings -------------------------------------------------- */

/*
 * Optimal string alignment distance (insertions, deletions, substitutions
 * and swaps of neighbours, the usual typos), or 3 when it is more than 2:
 * only "within 2" matters.
 */
static int edit_distance(const char *a, size_t la, const char *b, size_t lb)
{
	enum { MAXK = 64 };
	int d[3][MAXK + 1];   /* rows i-2, i-1, i */

	if (la > MAXK || lb > MAXK || (la > lb ? la - lb : lb - la) > 2)
		return 3;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int *cur = d[i % 3], *prev = d[(i - 1) % 3],
		    *prev2 = d[(i + 1) % 3];

		cur[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int cost = a[i - 1] != b[j - 1];
			int v = prev[j] + 1;

			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (prev[j - 1] + cost < v)
				v = prev[j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < v)
				v = prev2[j - 2] + 1;
			cur[j] = v;
		}
	}
	return d[la % 3][lb] > 2 ? 3 : d[la % 3][lb];
}

/* True when allowed key a holds the bytes of key (a may be NULL). */
static bool contains(const char *a, const kj_ynode *key)
{
	return a && key->len > 0 &&
	       memmem(a, strlen(a), key->str, key->len) != NULL;
}

static void unknown_key(kj_err *err, const kj_yfile *f, const kj_ynode *key,
                        const char *const *allowed)
{
	char list[320], name[64];
	const char *best = NULL;
	int best_d = 3;
	size_t used = 0;
	bool cut = false;

	list[0] = '\0';
	for (size_t i = 0; allowed[i]; i++) {
		const char *a = allowed[i];
		size_t alen = strlen(a);
		int d = edit_distance(key->str, key->len, a, alen);

		/* On a tie, prefer a key that contains the one written:
		 * 'f4' is more likely 'f4a' cut short than 'f1' mistyped. */
		if (d < best_d ||
		    (d == best_d && d < 3 && !contains(best, key) &&
		     contains(a, key))) {
			best_d = d;
			best = a;
		}
		if (cut)
			continue;
		/* Leave room for ", ..." */
		if (used + alen + 2 + 6 >= sizeof list) {
			cut = true;
			used += (size_t)snprintf(list + used, sizeof list - used,
			                         ", ...");
			continue;
		}
		used += (size_t)snprintf(list + used, sizeof list - used,
		                         "%s%s", i ? ", " : "", a);
	}
	excerpt(key->str, key->len, name, sizeof name);
	if (!allowed[0])
		kj_y_err(err, f, key, "unknown key '%s' (this mapping takes no keys)",
		         name);
	else if (best)
		kj_y_err(err, f, key,
		         "unknown key '%s' (expected one of: %s); did you mean '%s'?",
		         name, list, best);
	else
		kj_y_err(err, f, key, "unknown key '%s' (expected one of: %s)",
		         name, list);
}

int kj_y_check_keys(const kj_yfile *f, const kj_ynode *map,
                    const char *const *allowed, kj_err *err)
{
	if (!map || kj_y_is_null(map))
		return 0;
	if (kj_y_map(f, map, err) < 0)
		return -1;
	for (size_t i = 0; i < map->len; i++) {
		const kj_ynode *k = &map->keys[i];
		size_t j;

		/* The first byte first (a key's str is NUL-terminated,
		 * even when empty): most keys differ there. */
		for (j = 0; allowed[j]; j++)
			if (allowed[j][0] == k->str[0] &&
			    k->len == strlen(allowed[j]) &&
			    memcmp(k->str, allowed[j], k->len) == 0)
				break;
		if (!allowed[j]) {
			unknown_key(err, f, k, allowed);
			return -1;
		}
	}
	return 0;
}

const kj_ynode *kj_y_need(const kj_yfile *f, const kj_ynode *map,
                          const char *key, kj_err *err)
{
	long i;

	if (!map) {
		kj_y_err(err, f, NULL, "missing required key '%s'", key);
		return NULL;
	}
	if (map->kind != KJ_Y_MAP) {
		char buf[80];

		kj_y_err(err, f, map, "expected a mapping with key '%s', found %s",
		         key, kj_y_found(map, buf, sizeof buf));
		return NULL;
	}
	i = find_key(map, key);
	if (i < 0) {
		kj_y_err(err, f, map, "missing required key '%s'", key);
		return NULL;
	}
	if (kj_y_is_null(&kj_y_vals(map)[i])) {
		kj_y_err(err, f, &map->keys[i], "key '%s' has no value", key);
		return NULL;
	}
	return &kj_y_vals(map)[i];
}

int kj_y_require(const kj_yfile *f, const kj_ynode *map,
                 const char *const *required, kj_err *err)
{
	for (size_t i = 0; required[i]; i++)
		if (!kj_y_need(f, map, required[i], err))
			return -1;
	return 0;
}

/* ---- typed values ------------------------------------------------------- */

static int expect_kind(const kj_yfile *f, const kj_ynode *n,
                       enum kj_ykind kind, kj_err *err)
{
	char buf[80];

	if (!n || kj_y_is_null(n))
		return 1;
	if (n->kind == kind)
		return 0;
	kj_y_err(err, f, n, "expected %s, found %s",
	         kind == KJ_Y_MAP ? "a mapping" : "a sequence",
	         kj_y_found(n, buf, sizeof buf));
	return -1;
}

int kj_y_map(const kj_yfile *f, const kj_ynode *n, kj_err *err)
{
	return expect_kind(f, n, KJ_Y_MAP, err);
}

int kj_y_seq(const kj_yfile *f, const kj_ynode *n, kj_err *err)
{
	return expect_kind(f, n, KJ_Y_SEQ, err);
}

int kj_y_str(const kj_yfile *f, const kj_ynode *n, const char **out,
             kj_err *err)
{
	char buf[80];

	if (!n || kj_y_is_null(n))
		return 1;
	if (n->kind != KJ_Y_SCALAR) {
		kj_y_err(err, f, n, "expected a text value, found %s",
		         kj_y_found(n, buf, sizeof buf));
		return -1;
	}
	if (memchr(n->str, '\0', n->len)) {
		kj_y_err(err, f, n, "text contains a NUL character");
		return -1;
	}
	*out = n->str;
	return 0;
}

/*
 * Decimal digits at *sp (at least one): their value in *mag and *sp moved
 * past them; false when there is no digit or the value passes limit.
 */
static bool parse_digits(const char **sp, const char *e, uint64_t limit,
                         uint64_t *mag)
{
	const char *s = *sp;
	uint64_t v = 0;

	if (s == e || *s < '0' || *s > '9')
		return false;
	for (; s < e && *s >= '0' && *s <= '9'; s++) {
		unsigned d = (unsigned)(*s - '0');

		if (v > (limit - d) / 10)
			return false;
		v = v * 10 + d;
	}
	*sp = s;
	*mag = v;
	return true;
}

/* Apply the sign and check the range. */
static bool signed_in(bool neg, uint64_t mag, int64_t min, int64_t max,
                      int64_t *out)
{
	int64_t v;

	if (neg) {
		if (mag > (uint64_t)INT64_MAX + 1)
			return false;
		v = mag == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)mag;
	} else {
		if (mag > (uint64_t)INT64_MAX)
			return false;
		v = (int64_t)mag;
	}
	if (v < min || v > max)
		return false;
	*out = v;
	return true;
}

/* "between a and b", "of at least a", "of at most b" or "". */
static void range_text(char *buf, size_t size, const char *lo, const char *hi,
                       bool has_lo, bool has_hi)
{
	if (has_lo && has_hi)
		snprintf(buf, size, " between %s and %s", lo, hi);
	else if (has_lo)
		snprintf(buf, size, " of at least %s", lo);
	else if (has_hi)
		snprintf(buf, size, " of at most %s", hi);
	else
		buf[0] = '\0';
}

int kj_y_int(const kj_yfile *f, const kj_ynode *n, int64_t min, int64_t max,
             int64_t *out, kj_err *err)
{
	const char *s, *e;
	uint64_t mag;
	bool neg = false;
	char found[80], range[80], lo[24], hi[24];

	if (!n || kj_y_is_null(n))
		return 1;
	if (n->kind == KJ_Y_SCALAR) {
		s = n->str;
		e = s + n->len;
		if (s < e && (*s == '-' || *s == '+'))
			neg = *s++ == '-';
		if (parse_digits(&s, e, UINT64_MAX, &mag) && s == e &&
		    signed_in(neg, mag, min, max, out))
			return 0;
	}
	snprintf(lo, sizeof lo, "%lld", (long long)min);
	snprintf(hi, sizeof hi, "%lld", (long long)max);
	range_text(range, sizeof range, lo, hi, min != INT64_MIN,
	           max != INT64_MAX);
	kj_y_err(err, f, n, "expected an integer%s, found %s", range,
	         kj_y_found(n, found, sizeof found));
	return -1;
}

int kj_y_bool(const kj_yfile *f, const kj_ynode *n, bool *out, kj_err *err)
{
	static const char *const yes[] = { "true", "yes" };
	static const char *const no[] = { "false", "no" };
	char found[80];

	if (!n || kj_y_is_null(n))
		return 1;
	if (n->kind == KJ_Y_SCALAR) {
		for (int i = 0; i < 2; i++) {
			if (n->len == strlen(yes[i]) &&
			    strcasecmp(n->str, yes[i]) == 0) {
				*out = true;
				return 0;
			}
			if (n->len == strlen(no[i]) &&
			    strcasecmp(n->str, no[i]) == 0) {
				*out = false;
				return 0;
			}
		}
	}
	kj_y_err(err, f, n, "expected true, false, yes or no, found %s",
	         kj_y_found(n, found, sizeof found));
	return -1;
}

/* A scaled value as a decimal with no trailing zeros: 10050, 2 -> 100.5. */
static void fmt_scaled(char *buf, size_t size, int64_t v, int scale)
{
	uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	uint64_t p = 1, rest;
	char frac[24];
	int i;

	for (i = 0; i < scale; i++)
		p *= 10;
	rest = mag % p;
	for (i = scale; i > 0; i--) {
		frac[i - 1] = (char)('0' + rest % 10);
		rest /= 10;
	}
	for (i = scale; i > 0 && frac[i - 1] == '0'; i--)
		;
	frac[i] = '\0';
	snprintf(buf, size, "%s%llu%s%s", v < 0 ? "-" : "",
	         (unsigned long long)(mag / p), frac[0] ? "." : "", frac);
}

int kj_y_decimal(const kj_yfile *f, const kj_ynode *n, int scale,
                 int64_t min, int64_t max, int64_t *out, kj_err *err)
{
	const char *s, *e;
	uint64_t limit = (uint64_t)INT64_MAX + 1, p = 1, mag, frac = 0;
	bool neg = false;
	char found[80], range[128], lo[48], hi[48], dec[40];
	int i;

	if (scale < 0)
		scale = 0;
	if (scale > 18)
		scale = 18;
	if (!n || kj_y_is_null(n))
		return 1;
	for (i = 0; i < scale; i++)
		p *= 10;
	if (n->kind != KJ_Y_SCALAR)
		goto bad;
	s = n->str;
	e = s + n->len;
	if (s < e && (*s == '-' || *s == '+'))
		neg = *s++ == '-';
	if (!parse_digits(&s, e, limit / p, &mag))
		goto bad;
	if (s < e && (*s == '.' || *s == ',')) {
		uint64_t q = p;

		if (++s == e)
			goto bad;
		for (; s < e && *s >= '0' && *s <= '9'; s++) {
			q /= 10;
			if (q == 0) {
				/* Past the scale: only zeros are exact. */
				if (*s != '0')
					goto bad;
				continue;
			}
			frac += (uint64_t)(*s - '0') * q;
		}
	}
	if (s != e)
		goto bad;
	mag = mag * p;
	if (mag > limit - frac)
		goto bad;
	if (signed_in(neg, mag + frac, min, max, out))
		return 0;
bad:
	fmt_scaled(lo, sizeof lo, min, scale);
	fmt_scaled(hi, sizeof hi, max, scale);
	range_text(range, sizeof range, lo, hi, min != INT64_MIN,
	           max != INT64_MAX);
	if (scale == 0)
		snprintf(dec, sizeof dec, " without decimals");
	else
		snprintf(dec, sizeof dec, " with at most %d decimal%s", scale,
		         scale == 1 ? "" : "s");
	kj_y_err(err, f, n, "expected a number%s%s, found %s", range, dec,
	         kj_y_found(n, found, sizeof found));
	return -1;
}
