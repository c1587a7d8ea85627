/*
 * What the fuzz targets that hand their input to a loader by path share:
 * CHECK, which aborts (a finding for libFuzzer) naming the failed
 * condition, and set_content, which puts the input into one memfd whose
 * /proc/self/fd path (in_path) the loader opens.  A memfd, not a file in
 * /tmp: millions of runs, no disk, nothing left behind.
 */
#ifndef KJ_FUZZ_INPUT_H
#define KJ_FUZZ_INPUT_H

#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#define CHECK(cond)                                                        \
	do {                                                               \
		if (!(cond)) {                                             \
			fprintf(stderr, "%s:%d: check failed: %s\n",       \
			        __FILE__, __LINE__, #cond);                \
			abort();                                           \
		}                                                          \
	} while (0)

static int in_fd = -1;
static char in_path[64];

static void set_content(const void *buf, size_t len)
{
	const char *p = buf;
	off_t off = 0;

	if (in_fd < 0) {
		in_fd = memfd_create("fuzz-input", MFD_CLOEXEC);
		if (in_fd < 0) {
			perror("memfd_create");
			abort();
		}
		snprintf(in_path, sizeof in_path, "/proc/self/fd/%d", in_fd);
	}
	CHECK(ftruncate(in_fd, 0) == 0);
	while (len > 0) {
		ssize_t w = pwrite(in_fd, p, len, off);

		CHECK(w > 0);
		p += w;
		off += w;
		len -= (size_t)w;
	}
}

#endif
