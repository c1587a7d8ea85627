# Shared helpers for the command tests (TAP, run by prove), in the style of
# mblaze's t/lib.sh.  Each test script:
#
#     . "${KJ_TOP:-.}/tests/cli/lib.sh"
#     plan 3
#     check "what is tested" command args...       # passes on exit 0
#     check_exit 2 "what is tested" command args... # passes on that status
#     check_same "what" expected-file actual-file
#
# The environment (set by make): KJ_BIN, the built commands (put first on
# PATH); KJ_TOP, the repository; PYTHON, an interpreter with openpyxl.
# Every script runs in its own scratch folder, removed at the end.

set -u
KJ_TOP=${KJ_TOP:-$(pwd)}
KJ_BIN=${KJ_BIN:-$KJ_TOP/bin}
PYTHON=${PYTHON:-/usr/bin/python3}
PATH=$KJ_BIN:$PATH
export PATH KJ_TOP KJ_BIN PYTHON
LC_ALL=C.UTF-8
TZ=UTC
export LC_ALL TZ

_n=0
_failed=0
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/kj-test.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT

# KJ_VALGRIND=1 (make check-valgrind): every command of KJ_BIN runs under
# valgrind memcheck through a wrapper of the same name, first on PATH and
# as KJ_BIN (scripts such as examples/demo.sh put KJ_BIN first on their
# PATH).  An invalid access or a definite leak makes the command exit 99,
# which fails the test that ran it; the reports go to KJ_VALGRIND_LOG
# (one file per process, empty when clean).
if [ -n "${KJ_VALGRIND:-}" ]; then
	KJ_VALGRIND_LOG=${KJ_VALGRIND_LOG:-$SCRATCH/.valgrind-log}
	mkdir -p "$SCRATCH/.valgrind-bin" "$KJ_VALGRIND_LOG"
	for _c in "$KJ_BIN"/*; do
		[ -f "$_c" ] && [ -x "$_c" ] || continue
		cat > "$SCRATCH/.valgrind-bin/${_c##*/}" <<VG
#!/bin/sh
exec valgrind -q --leak-check=full --show-leak-kinds=definite \\
	--errors-for-leak-kinds=definite \\
	--error-exitcode=99 --log-file='$KJ_VALGRIND_LOG/${_c##*/}.%p.log' \\
	'$_c' "\$@"
VG
		chmod +x "$SCRATCH/.valgrind-bin/${_c##*/}"
	done
	KJ_BIN=$SCRATCH/.valgrind-bin
	PATH=$KJ_BIN:$PATH
	export KJ_BIN PATH KJ_VALGRIND_LOG
fi
cd "$SCRATCH" || exit 1

plan() {
	echo "1..$1"
}

_ok() {
	_n=$((_n + 1))
	echo "ok $_n - $1"
}

_not_ok() {
	_n=$((_n + 1))
	_failed=$((_failed + 1))
	echo "not ok $_n - $1"
}

# skip COUNT REASON: count tests as skipped.
skip() {
	_k=0
	while [ "$_k" -lt "$1" ]; do
		_n=$((_n + 1))
		_k=$((_k + 1))
		echo "ok $_n # skip $2"
	done
}

# Show a file (stderr, a diff) as TAP diagnostics.
diag_file() {
	sed 's/^/# /' "$1"
}

# check DESC CMD...: CMD exits 0.
check() {
	_desc=$1
	shift
	if "$@" >"$SCRATCH/.out" 2>"$SCRATCH/.err"; then
		_ok "$_desc"
	else
		_not_ok "$_desc (exit $?)"
		diag_file "$SCRATCH/.err"
	fi
}

# check_exit STATUS DESC CMD...: CMD exits with STATUS; its stdout and
# stderr are left in $SCRATCH/.out and $SCRATCH/.err.
check_exit() {
	_want=$1
	_desc=$2
	shift 2
	"$@" >"$SCRATCH/.out" 2>"$SCRATCH/.err"
	_got=$?
	if [ "$_got" -eq "$_want" ]; then
		_ok "$_desc"
	else
		_not_ok "$_desc (exit $_got, expected $_want)"
		diag_file "$SCRATCH/.err"
	fi
}

# check_same DESC EXPECTED ACTUAL: the two files are equal.
check_same() {
	if diff -u "$2" "$3" >"$SCRATCH/.diff" 2>&1; then
		_ok "$1"
	else
		_not_ok "$1"
		diag_file "$SCRATCH/.diff"
	fi
}

# check_text DESC EXPECTED-TEXT ACTUAL-TEXT
check_text() {
	if [ "$2" = "$3" ]; then
		_ok "$1"
	else
		_not_ok "$1"
		echo "# expected: $2"
		echo "#      got: $3"
	fi
}

# check_stderr DESC EXPECTED-FIRST-LINE: the first line of the last
# check_exit's stderr.
check_stderr() {
	check_text "$1" "$2" "$(head -n 1 "$SCRATCH/.err")"
}

# check_absent DESC PATH...: no such files (and no temporaries beside them).
check_absent() {
	_desc=$1
	shift
	_left=""
	for _f in "$@"; do
		[ -e "$_f" ] && _left="$_left $_f"
		_d=$(dirname "$_f")
		_b=$(basename "$_f")
		for _t in "$_d"/."$_b".*; do
			[ -e "$_t" ] && _left="$_left $_t"
		done
	done
	if [ -z "$_left" ]; then
		_ok "$_desc"
	else
		_not_ok "$_desc (left:$_left)"
	fi
}

# A dump of an XLSX file read back with openpyxl (tests/xlsx-dump.py).
xlsx_dump() {
	"$PYTHON" "$KJ_TOP/tests/xlsx-dump.py" "$@"
}

done_testing() {
	[ "$_failed" -eq 0 ]
}
