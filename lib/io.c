/* io: see io.h. */
#include "io.h"
#include "mem.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

/* Read size, and zlib's buffer size (it keeps two).  64 KiB reads run at
 * full speed; more only costs small inputs their page faults. */
#ifdef KJ_FUZZING
/* Tiny reads, so that the fuzzers reach the refill and compaction paths
 * with small inputs. */
#define CHUNK ((size_t)64)
#else
#define CHUNK ((size_t)64 << 10)
#endif

/*
 * A gzipped regular file is inflated on a second thread (the producer)
 * into a ring of slots while the caller parses: zlib's inflate is 40 % of
 * absen-rekap's time on a gzipped log.  Each slot holds one gzread()'s
 * result: bytes, or its end (0) or failure (-1: zlib's code and message
 * kept; -2: a truncated stream), which the reader then reports as the
 * unthreaded path would.  Only the producer touches gz until it stops.
 */
#define NSLOT 4
#define SLOT ((size_t)256 << 10)

struct slot {
	char *buf;
	int n;          /* bytes, or 0 end, -1 zlib error, -2 truncated */
	int code;       /* gzerror's code when n is -1 */
	int err_no;     /* errno then (the producer's is its own) */
	char msg[128];  /* and its message */
};

struct reader {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t more, room;
	struct slot slot[NSLOT];
	int head, nfull;        /* the oldest full slot; how many */
	int stop;               /* the reader is closing: producer, quit */
	size_t off;             /* bytes of slot[head] already taken */
};

struct kj_input {
	gzFile gz;
	struct reader *rd;       /* the producer thread, or NULL */
	int gzipped;             /* known at open when rd is set */
	char *name;
	char *buf;       /* decoded bytes: [pos, end) not yet returned */
	size_t pos, end, cap;
	long lineno;
	int eof;
	int first;       /* no line returned yet: strip a BOM */
	int raw_started; /* kj_input_read was used */
};

static void start_reader(kj_input *in, int fd);

kj_input *kj_input_open(const char *path, kj_err *err)
{
	return kj_input_open_as(path, NULL, err);
}

kj_input *kj_input_open_as(const char *path, const char *name, kj_err *err)
{
	kj_input *in;
	int fd;

	if (!path || strcmp(path, "-") == 0) {
		fd = dup(STDIN_FILENO);
		path = NULL;
	} else {
		struct stat st;

		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd >= 0 && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
			close(fd);
			kj_err_set(err, path, 0, 0,
			           "is a folder, expected a file");
			return NULL;
		}
	}
	if (fd < 0) {
		kj_err_sys(err, path ? path : "<stdin>", "cannot open");
		if (err)
			err->status = KJ_EXIT_USAGE; /* unreadable input */
		return NULL;
	}
	in = kj_xcalloc(1, sizeof *in);
	in->gz = gzdopen(fd, "rb");
	if (!in->gz) {
		close(fd);
		free(in);
		kj_err_sys(err, path ? path : "<stdin>", "cannot open");
		return NULL;
	}
	gzbuffer(in->gz, CHUNK);
	in->name = kj_xstrdup(name ? name : path ? path : "<stdin>");
	in->first = 1;
	start_reader(in, fd);
	return in;
}

const char *kj_input_name(const kj_input *in)
{
	return in->name;
}

long kj_input_lineno(const kj_input *in)
{
	return in->lineno;
}

int kj_input_gzipped(const kj_input *in)
{
	if (in->rd)
		return in->gzipped;
	return !gzdirect(in->gz);
}

static int gz_failed_msg(kj_input *in, int code, const char *msg,
                         kj_err *err)
{
	const char *sep = strstr(msg, ": ");

	/* zlib names the stream "<fd:N>: " in its message: drop that. */
	if (strncmp(msg, "<fd:", 4) == 0 && sep)
		msg = sep + 2;
	if (code == Z_ERRNO)
		kj_err_sys(err, in->name, "read error");
	else
		kj_err_set(err, in->name, in->raw_started ? 0 : in->lineno + 1,
		           0, "corrupt gzip data: %s", msg);
	return -1;
}

static int gz_failed(kj_input *in, kj_err *err)
{
	int code;
	const char *msg = gzerror(in->gz, &code);

	return gz_failed_msg(in, code, msg, err);
}

/* ---- the producer thread ---- */

static void *produce(void *arg)
{
	kj_input *in = arg;
	struct reader *rd = in->rd;

	for (;;) {
		struct slot *sl;
		int n;

		pthread_mutex_lock(&rd->mu);
		while (rd->nfull == NSLOT && !rd->stop)
			pthread_cond_wait(&rd->room, &rd->mu);
		if (rd->stop) {
			pthread_mutex_unlock(&rd->mu);
			return NULL;
		}
		sl = &rd->slot[(rd->head + rd->nfull) % NSLOT];
		pthread_mutex_unlock(&rd->mu);

		n = gzread(in->gz, sl->buf, (unsigned)SLOT);
		sl->n = n;
		if (n <= 0) {
			int code;
			const char *msg = gzerror(in->gz, &code);

			if (n == 0 && code == Z_BUF_ERROR) {
				sl->n = -2;
			} else if (n < 0 || code != Z_OK) {
				sl->n = -1;
				sl->code = code;
				snprintf(sl->msg, sizeof sl->msg, "%s", msg);
				sl->err_no = errno;     /* for kj_err_sys */
			}
		}
		pthread_mutex_lock(&rd->mu);
		rd->nfull++;
		pthread_cond_signal(&rd->more);
		pthread_mutex_unlock(&rd->mu);
		if (n <= 0)
			return NULL;
	}
}

/* Start the producer for a gzipped regular file; on any failure the
 * input is simply read on the caller's thread. */
static void start_reader(kj_input *in, int fd)
{
#ifndef KJ_FUZZING
	struct stat st;
	struct reader *rd;
	sigset_t all, old;
	int i;

	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size < (off_t)CHUNK || gzdirect(in->gz))
		return;
	rd = kj_xcalloc(1, sizeof *rd);
	for (i = 0; i < NSLOT; i++)
		rd->slot[i].buf = kj_xmalloc(SLOT);
	pthread_mutex_init(&rd->mu, NULL);
	pthread_cond_init(&rd->more, NULL);
	pthread_cond_init(&rd->room, NULL);
	in->rd = rd;
	in->gzipped = 1;
	/* Signals are for the main thread (the handlers of the outputs). */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	if (pthread_create(&rd->thread, NULL, produce, in) != 0) {
		in->rd = NULL;
		for (i = 0; i < NSLOT; i++)
			free(rd->slot[i].buf);
		pthread_mutex_destroy(&rd->mu);
		pthread_cond_destroy(&rd->more);
		pthread_cond_destroy(&rd->room);
		free(rd);
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
#else
	(void)in;
	(void)fd;
#endif
}

static void stop_reader(kj_input *in)
{
	struct reader *rd = in->rd;

	if (!rd)
		return;
	pthread_mutex_lock(&rd->mu);
	rd->stop = 1;
	pthread_cond_signal(&rd->room);
	pthread_mutex_unlock(&rd->mu);
	pthread_join(rd->thread, NULL);
	for (int i = 0; i < NSLOT; i++)
		free(rd->slot[i].buf);
	pthread_mutex_destroy(&rd->mu);
	pthread_cond_destroy(&rd->more);
	pthread_cond_destroy(&rd->room);
	free(rd);
	in->rd = NULL;
}

/*
 * Up to n bytes from the producer: > 0 bytes, 0 at the end, -1 a zlib
 * error (*code, *msg), -2 a truncated stream.  The end and the errors
 * stay: asked again, the same answer.
 */
static int take(kj_input *in, char *buf, size_t n, int *code,
                const char **msg)
{
	struct reader *rd = in->rd;
	struct slot *sl;
	size_t k;

	pthread_mutex_lock(&rd->mu);
	while (rd->nfull == 0)
		pthread_cond_wait(&rd->more, &rd->mu);
	pthread_mutex_unlock(&rd->mu);
	sl = &rd->slot[rd->head];
	if (sl->n <= 0) {
		*code = sl->code;
		*msg = sl->msg;
		errno = sl->err_no;
		return sl->n;
	}
	k = (size_t)sl->n - rd->off;
	if (k > n)
		k = n;
	memcpy(buf, sl->buf + rd->off, k);
	rd->off += k;
	if (rd->off == (size_t)sl->n) {
		rd->off = 0;
		pthread_mutex_lock(&rd->mu);
		rd->head = (rd->head + 1) % NSLOT;
		rd->nfull--;
		pthread_cond_signal(&rd->room);
		pthread_mutex_unlock(&rd->mu);
	}
	return (int)k;
}

/* Read more bytes into buf after end; returns bytes read, 0 at EOF. */
static int fill(kj_input *in, kj_err *err)
{
	int n;

	if (in->eof)
		return 0;
	if (in->pos > 0 && in->pos == in->end) {
		in->pos = in->end = 0;
	} else if (in->pos > 0 && in->cap - in->end < CHUNK) {
		memmove(in->buf, in->buf + in->pos, in->end - in->pos);
		in->end -= in->pos;
		in->pos = 0;
	}
	if (in->cap - in->end < CHUNK)
		kj_grow(&in->buf, &in->cap, in->end + CHUNK + 1, 1);
	if (in->rd) {
		int code = 0;
		const char *msg = "";

		n = take(in, in->buf + in->end, CHUNK, &code, &msg);
		if (n == -1)
			return gz_failed_msg(in, code, msg, err);
		if (n == -2) {
			kj_err_set(err, in->name, in->lineno + 1, 0,
			           "truncated gzip data");
			return -1;
		}
		if (n == 0)
			in->eof = 1;
		in->end += (size_t)n;
		return n;
	}
	n = gzread(in->gz, in->buf + in->end, (unsigned)CHUNK);
	if (n < 0)
		return gz_failed(in, err);
	if (n == 0) {
		int code;

		gzerror(in->gz, &code);
		if (code != Z_OK && code != Z_BUF_ERROR)
			return gz_failed(in, err);
		/* Z_BUF_ERROR at the end means a truncated gzip stream. */
		if (code == Z_BUF_ERROR) {
			kj_err_set(err, in->name, in->lineno + 1, 0,
			           "truncated gzip data");
			return -1;
		}
		in->eof = 1;
	}
	in->end += (size_t)n;
	return n;
}

int kj_input_line(kj_input *in, char **line, size_t *len, kj_err *err)
{
	size_t scanned = 0;
	char *start, *nl;
	size_t n;

	for (;;) {
		start = in->buf ? in->buf + in->pos : NULL;
		n = in->end - in->pos;
		nl = n > scanned ? memchr(start + scanned, '\n', n - scanned)
		                 : NULL;
		if (nl)
			break;
		scanned = n;
		/* A line of the maximum length may still have a BOM before
		 * it and a CR after it. */
		if (n > KJ_MAX_LINE + 4) {
			kj_err_set(err, in->name, in->lineno + 1, 0,
			           "line longer than %zu MiB", KJ_MAX_LINE >> 20);
			return -1;
		}
		int r = fill(in, err);
		if (r < 0)
			return -1;
		if (r == 0) {
			n = in->end - in->pos;
			if (n == 0)
				return 0;
			/* A last line without its newline. */
			start = in->buf + in->pos;
			nl = start + n;
			break;
		}
	}
	n = (size_t)(nl - start);
	in->pos += n + (nl < in->buf + in->end ? 1 : 0);
	if (n > 0 && start[n - 1] == '\r')
		n--;
	start[n] = '\0';
	if (in->first) {
		in->first = 0;
		if (n >= 3 && memcmp(start, "\xEF\xBB\xBF", 3) == 0) {
			start += 3;
			n -= 3;
		}
	}
	if (n > KJ_MAX_LINE) {
		kj_err_set(err, in->name, in->lineno + 1, 0,
		           "line longer than %zu MiB", KJ_MAX_LINE >> 20);
		return -1;
	}
	in->lineno++;
	*line = start;
	*len = n;
	return 1;
}

ssize_t kj_input_read(kj_input *in, void *buf, size_t n, kj_err *err)
{
	int r;

	in->raw_started = 1;
	if (n > INT_MAX)
		n = INT_MAX;
	/* Bytes already buffered by the line reader come first. */
	if (in->pos < in->end) {
		size_t k = in->end - in->pos;

		if (k > n)
			k = n;
		memcpy(buf, in->buf + in->pos, k);
		in->pos += k;
		return (ssize_t)k;
	}
	if (in->eof)
		return 0;
	if (in->rd) {
		int code = 0;
		const char *msg = "";

		r = take(in, buf, n, &code, &msg);
		if (r == -1)
			return gz_failed_msg(in, code, msg, err);
		if (r == -2) {
			kj_err_set(err, in->name, 0, 0, "truncated gzip data");
			return -1;
		}
		if (r == 0)
			in->eof = 1;
		return r;
	}
	r = gzread(in->gz, buf, (unsigned)n);
	if (r < 0)
		return gz_failed(in, err);
	if (r == 0) {
		int code;

		gzerror(in->gz, &code);
		if (code == Z_BUF_ERROR) {
			kj_err_set(err, in->name, 0, 0, "truncated gzip data");
			return -1;
		}
		if (code != Z_OK)
			return gz_failed(in, err);
		in->eof = 1;
	}
	return r;
}

void kj_input_close(kj_input *in)
{
	if (!in)
		return;
	stop_reader(in);
	gzclose_r(in->gz);
	free(in->buf);
	free(in->name);
	free(in);
}

/* ---- outputs ------------------------------------------------------------ */

struct kj_output {
	FILE *fp;
	char *target;   /* NULL for standard output */
	char *tmp;      /* temporary file, NULL when writing stdout directly */
	int named;      /* opened by kj_output_open_named */
	int anon;       /* an unnamed O_TMPFILE, given a name at commit */
	int afd;        /* a named output's unnamed O_TMPFILE, or -1 */
	char *proc;     /* its name for the library: /proc/self/fd/AFD */
	int direct;     /* the target is a device or FIFO: written in place */
	int slot;       /* index in pending[] */
};

/*
 * Temporary files not yet committed.  The signal handler may only use
 * async-signal-safe calls, so the paths live in a fixed table that is
 * written before the handler can see a slot as used.
 */
#define MAX_PENDING 64
static char *volatile pending[MAX_PENDING];
static int handlers_installed;
/* A child made by fork() inherits the table and the atexit handler, but
 * each temporary file belongs to the process that made it: only that
 * process removes it. */
static volatile pid_t pending_pid[MAX_PENDING];

static void remove_pending(void)
{
	pid_t self = getpid();

	for (int i = 0; i < MAX_PENDING; i++) {
		char *p = pending[i];

		if (p && pending_pid[i] == self)
			unlink(p);
	}
}

static void on_signal(int sig)
{
	remove_pending();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void on_exit_cleanup(void)
{
	remove_pending();
}

static void install_handlers(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
	struct sigaction sa;

	if (handlers_installed)
		return;
	handlers_installed = 1;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		struct sigaction old;

		/* Keep an inherited "ignore" (nohup, or a shell's SIGPIPE). */
		if (sigaction(sigs[i], NULL, &old) == 0 &&
		    old.sa_handler == SIG_IGN)
			continue;
		sigaction(sigs[i], &sa, NULL);
	}
	atexit(on_exit_cleanup);
}

static int add_pending(char *path)
{
	install_handlers();
	for (int i = 0; i < MAX_PENDING; i++) {
		if (!pending[i]) {
			pending_pid[i] = getpid();
			pending[i] = path;
			return i;
		}
	}
	return -1;
}

/*
 * Signals that remove the temporary files are held while a temporary is
 * created and registered: one arriving in between would otherwise kill
 * the command and leave the new file behind.
 */
static void hold_signals(sigset_t *old)
{
	sigset_t set;

	install_handlers();
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGPIPE);
	sigprocmask(SIG_BLOCK, &set, old);
}

static void release_signals(const sigset_t *old)
{
	sigprocmask(SIG_SETMASK, old, NULL);
}

static sigset_t held_for_library;

void kj_signals_hold(void)
{
	hold_signals(&held_for_library);
}

void kj_signals_release(void)
{
	release_signals(&held_for_library);
}

static void drop_pending(kj_output *o)
{
	if (o->slot >= 0)
		pending[o->slot] = NULL;
	o->slot = -1;
}

/* Create "<dir>/.<base>.XXXXXX" beside target (or in $TMPDIR). */
static char *make_temp(const char *target, int *fd, kj_err *err)
{
	const char *slash, *base, *tmpdir;
	char *tmp;
	size_t dirlen;

	if (target) {
		slash = strrchr(target, '/');
		base = slash ? slash + 1 : target;
		dirlen = slash ? (size_t)(slash - target) + 1 : 0;
		if (!*base) {
			kj_err_set(err, target, 0, 0,
			           "output must be a file name, not a folder");
			return NULL;
		}
		tmp = kj_xmalloc(dirlen + strlen(base) + 10);
		memcpy(tmp, target, dirlen);
		sprintf(tmp + dirlen, ".%s.XXXXXX", base);
	} else {
		tmpdir = getenv("TMPDIR");
		if (!tmpdir || !*tmpdir)
			tmpdir = "/tmp";
		tmp = kj_xmalloc(strlen(tmpdir) + 32);
		sprintf(tmp, "%s/.kinerja-out.XXXXXX", tmpdir);
	}
	*fd = mkostemp(tmp, O_CLOEXEC);
	if (*fd < 0) {
		int saved = errno;

		free(tmp);
		errno = saved;
		kj_err_sys(err, target ? target : "<stdout>", "cannot create");
		/* A missing or unwritable folder is the user's to fix. */
		if (err && (saved == ENOENT || saved == EACCES ||
		            saved == ENOTDIR || saved == EROFS ||
		            saved == EPERM))
			err->status = KJ_EXIT_USAGE;
		return NULL;
	}
	return tmp;
}

/*
 * An unnamed temporary file (O_TMPFILE) in the target's folder, or -1
 * (then a named one is made).  Nothing can be left of it, even after
 * SIGKILL; commit gives it a name through /proc/self/fd with linkat().
 */
static int open_anon(const char *target)
{
#ifdef O_TMPFILE
	const char *slash;
	char *dir;
	mode_t mask;
	int fd;

	/* For the tests of the named fallback (tests/unit/test_io.c). */
	if (getenv("KJ_IO_NO_TMPFILE"))
		return -1;
	if (!target) {          /* standard output or a spool: in TMPDIR */
		const char *tmpdir = getenv("TMPDIR");

		if (!tmpdir || !*tmpdir)
			tmpdir = "/tmp";
		if (access("/proc/self/fd", X_OK) != 0)
			return -1;
		mask = umask(0);
		umask(mask);
		return open(tmpdir, O_TMPFILE | O_RDWR | O_CLOEXEC,
		            0666 & ~mask);
	}
	slash = strrchr(target, '/');
	if (!*(slash ? slash + 1 : target) ||
	    access("/proc/self/fd", X_OK) != 0)
		return -1;
	if (!slash)
		dir = kj_xstrdup(".");
	else if (slash == target)
		dir = kj_xstrdup("/");
	else
		dir = kj_xstrndup(target, (size_t)(slash - target));
	mask = umask(0);
	umask(mask);
	fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0666 & ~mask);
	free(dir);
	return fd;
#else
	(void)target;
	return -1;
#endif
}

/* Give the unnamed temporary of o the name ".<base>.XXXXXX" beside the
 * target, so that commit can rename it over the target. */
static int link_anon(kj_output *o, int fd, kj_err *err)
{
	char proc[64];
	int tfd, saved;
	sigset_t old;

	hold_signals(&old);
	o->tmp = make_temp(o->target, &tfd, err);
	if (!o->tmp) {
		release_signals(&old);
		return -1;
	}
	close(tfd);
	/* Between linkat and rename a signal removes the name. */
	o->slot = add_pending(o->tmp);
	unlink(o->tmp);
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	if (linkat(AT_FDCWD, proc, AT_FDCWD, o->tmp, AT_SYMLINK_FOLLOW) == 0) {
		release_signals(&old);
		return 0;
	}
	saved = errno;
	release_signals(&old);
	drop_pending(o);
	free(o->tmp);
	o->tmp = NULL;
	errno = saved;
	kj_err_sys(err, o->target, "cannot move the finished file into place");
	return -1;
}

/* An existing target that is neither a regular file nor a folder. */
static int is_special(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && !S_ISREG(st.st_mode) &&
	       !S_ISDIR(st.st_mode);
}

static kj_output *open_common(const char *path, int named, kj_err *err)
{
	kj_output *o;
	int fd = -1;
	int to_stdout = !path || strcmp(path, "-") == 0;
	sigset_t held;

	o = kj_xcalloc(1, sizeof *o);
	o->slot = -1;
	o->afd = -1;
	o->named = named;
	if (to_stdout && !named) {
		o->fp = stdout;
		return o;
	}
	if (!to_stdout)
		o->target = kj_xstrdup(path);
	/*
	 * -o /dev/null, /dev/stdout, a FIFO: a rename would replace the
	 * device with a regular file (as root, for every other process too).
	 * Such a target is written in place; a named output goes through a
	 * temporary in TMPDIR, copied there at commit, like standard output.
	 */
	if (!to_stdout && is_special(path)) {
		o->direct = 1;
		if (!named) {
			fd = open(path, O_WRONLY | O_CLOEXEC);
			if (fd < 0 || !(o->fp = fdopen(fd, "w"))) {
				if (fd >= 0)
					close(fd);
				kj_err_sys(err, path, "cannot open");
				free(o->target);
				free(o);
				return NULL;
			}
			return o;
		}
	}
	/*
	 * A library that needs a file name (libxlsxwriter) gets the unnamed
	 * file's /proc/self/fd path: it opens the same inode again, and even
	 * SIGKILL leaves nothing behind.  Given a name only at commit.
	 */
	if (named && (fd = open_anon(o->direct ? NULL : o->target)) >= 0) {
		char proc[64];

		snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
		o->afd = fd;
		o->proc = kj_xstrdup(proc);
		return o;
	}
	if (!to_stdout && !named && (fd = open_anon(o->target)) >= 0) {
		o->anon = 1;
		o->fp = fdopen(fd, "w");
		if (!o->fp) {
			close(fd);
			kj_err_sys(err, path, "cannot open");
			kj_output_abort(o);
			return NULL;
		}
		return o;
	}
	hold_signals(&held);
	o->tmp = make_temp(o->direct ? NULL : o->target, &fd, err);
	if (!o->tmp) {
		release_signals(&held);
		free(o->target);
		free(o);
		return NULL;
	}
	o->slot = add_pending(o->tmp);
	release_signals(&held);
	if (o->slot < 0) {
		unlink(o->tmp);
		close(fd);
		kj_err_set(err, path, 0, 0, "too many open outputs");
		if (err)
			err->status = KJ_EXIT_INTERNAL;
		free(o->tmp);
		free(o->target);
		free(o);
		return NULL;
	}
	/* The final file gets the usual permissions, not mkstemp's 0600. */
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	if (named) {
		close(fd);
		return o;
	}
	o->fp = fdopen(fd, "w");
	if (!o->fp) {
		close(fd);
		kj_err_sys(err, path, "cannot open");
		kj_output_abort(o);
		return NULL;
	}
	return o;
}

kj_output *kj_output_open(const char *path, kj_err *err)
{
	return open_common(path, 0, err);
}

kj_output *kj_output_open_named(const char *path, kj_err *err)
{
	return open_common(path, 1, err);
}

FILE *kj_output_stream(kj_output *o)
{
	return o->fp;
}

const char *kj_output_path(const kj_output *o)
{
	return o->proc ? o->proc : o->tmp;
}

const char *kj_output_name(const kj_output *o)
{
	return o->target ? o->target : "<stdout>";
}

static void free_output(kj_output *o)
{
	if (o->afd >= 0)
		close(o->afd);
	free(o->proc);
	free(o->tmp);
	free(o->target);
	free(o);
}

void kj_output_abort(kj_output *o)
{
	if (!o)
		return;
	if (o->fp && o->fp != stdout)
		fclose(o->fp);
	if (o->tmp)
		unlink(o->tmp);
	drop_pending(o);
	free_output(o);
}

/* Copy a finished temporary file to out (standard output, or a device
 * or FIFO target), named name in messages. */
static int copy_out(const char *tmp, FILE *out, const char *name, kj_err *err)
{
	char buf[1 << 16];
	int fd = open(tmp, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0) {
		kj_err_sys(err, tmp, "cannot reopen");
		return -1;
	}
	while ((n = read(fd, buf, sizeof buf)) > 0) {
		if (fwrite(buf, 1, (size_t)n, out) != (size_t)n)
			break;
	}
	close(fd);
	if (n < 0 || fflush(out) != 0 || ferror(out)) {
		kj_err_sys(err, name, "write error");
		return -1;
	}
	return 0;
}

/* Commit of an output written in place or copied to a device or FIFO. */
static int commit_direct(kj_output *o, kj_err *err)
{
	int rc = 0;

	if (o->fp) {
		if (fflush(o->fp) != 0 || ferror(o->fp))
			rc = -1;
		if (fclose(o->fp) != 0)
			rc = -1;
		if (rc < 0)
			kj_err_sys(err, o->target, "write error");
	} else {
		FILE *f = fopen(o->target, "w");

		if (!f) {
			kj_err_sys(err, o->target, "cannot open");
			rc = -1;
		} else {
			rc = copy_out(kj_output_path(o), f, o->target, err);
			if (fclose(f) != 0 && rc == 0) {
				kj_err_sys(err, o->target, "write error");
				rc = -1;
			}
		}
		if (o->tmp)
			unlink(o->tmp);
	}
	drop_pending(o);
	free_output(o);
	return rc;
}

static int sync_dir_of(const char *target)
{
	const char *slash = strrchr(target, '/');
	char *dir = slash ? kj_xstrndup(target, (size_t)(slash - target) + 1)
	                  : kj_xstrdup(".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	free(dir);
	if (fd < 0)
		return -1;
	fsync(fd);
	close(fd);
	return 0;
}

int kj_output_commit(kj_output *o, kj_err *err)
{
	int rc = 0;

	if (o->direct)
		return commit_direct(o, err);
	if (o->fp == stdout) {
		if (fflush(stdout) != 0 || ferror(stdout)) {
			kj_err_sys(err, "<stdout>", "write error");
			rc = -1;
		}
		free_output(o);
		return rc;
	}
	if (o->fp) {
		int fd = fileno(o->fp);

		if (fflush(o->fp) != 0 || ferror(o->fp) || fsync(fd) != 0) {
			kj_err_sys(err, kj_output_name(o), "write error");
			rc = -1;
		}
		if (rc == 0 && o->anon && link_anon(o, fd, err) < 0)
			rc = -1;
		if (fclose(o->fp) != 0 && rc == 0) {
			kj_err_sys(err, kj_output_name(o), "write error");
			rc = -1;
		}
		o->fp = NULL;
	} else if (o->afd >= 0) {
		/* A named output in an unnamed file: sync, then a name for
		 * the rename (standard output: copied below). */
		if (fsync(o->afd) != 0) {
			kj_err_sys(err, kj_output_name(o), "write error");
			rc = -1;
		}
		if (rc == 0 && o->target && link_anon(o, o->afd, err) < 0)
			rc = -1;
		if (rc == 0 && !o->target) {
			rc = copy_out(o->proc, stdout, "<stdout>", err);
			free_output(o);
			return rc;
		}
	} else if (o->target) {
		/* A named output written by a library: sync it too. */
		int fd = open(o->tmp, O_RDONLY | O_CLOEXEC);

		if (fd < 0 || fsync(fd) != 0) {
			kj_err_sys(err, kj_output_name(o), "write error");
			rc = -1;
		}
		if (fd >= 0)
			close(fd);
	}
	if (rc == 0) {
		if (o->target) {
			if (rename(o->tmp, o->target) != 0) {
				kj_err_sys(err, o->target,
				           "cannot move the finished file into place");
				rc = -1;
			} else {
				drop_pending(o);
				sync_dir_of(o->target);
			}
		} else {
			rc = copy_out(o->tmp, stdout, "<stdout>", err);
		}
	}
	if (o->tmp && (o->slot >= 0 || !o->target))
		unlink(o->tmp);
	drop_pending(o);
	free_output(o);
	return rc;
}

int kj_stdout_is_tty(void)
{
	return isatty(STDOUT_FILENO);
}
