#!/bin/sh
# The bad-input catalogue (tests/bad/, format in tests/bad/README): every
# case exits with its status, its first line of stderr names the file,
# line and column exactly, a failed run leaves no output file and no
# temporary, and no sanitizer or valgrind report appears; a case's
# optional check script (e.g. CRLF gives the same output as LF) passes.
. "${KJ_TOP:-.}/tests/cli/lib.sh"

DATA=$KJ_TOP/tests/data
RULES=$KJ_TOP/examples/rules
EX=$KJ_TOP/examples/kota-contoh
export DATA RULES EX

cases=$(cd "$KJ_TOP/tests/bad" && for d in [0-9]*/; do echo "${d%/}"; done)
n=$(echo "$cases" | wc -l)
nchk=$(cd "$KJ_TOP/tests/bad" && ls [0-9]*/check 2>/dev/null | wc -l)
plan $((n * 4 + nchk))

for c in $cases; do
	src=$KJ_TOP/tests/bad/$c
	mkdir "$SCRATCH/$c"
	cp -R "$src"/. "$SCRATCH/$c"/
	cd "$SCRATCH/$c" || exit 1
	want=$(sed -n 1p expect)
	msg=$(sed -n 2p expect)
	sh ./cmd >.stdout 2>.stderr
	got=$?
	if [ "$got" -eq "$want" ]; then
		_ok "$c: exit $want"
	else
		_not_ok "$c: exit $got, expected $want"
		diag_file .stderr
	fi
	check_text "$c: first line of stderr" "$msg" "$(head -n 1 .stderr)"
	# The outputs of a case are named out*; temporaries are .out*.XXXXXX.
	outs=$(find . -name 'out*' -o -name '.out*' | sort | tr '\n' ' ')
	temps=$(find . -name '.out*' | tr '\n' ' ')
	if [ "$want" -eq 0 ]; then
		if [ -n "$outs" ] && [ -z "$temps" ]; then
			_ok "$c: the output written, no temporary"
		else
			_not_ok "$c: the output written, no temporary (found: $outs)"
		fi
	else
		check_text "$c: no output file, no temporary" "" "$outs"
	fi
	if grep -q -e 'Sanitizer' -e 'runtime error:' -e '^==[0-9]*== ' .stderr; then
		_not_ok "$c: no memory error"
		diag_file .stderr
	else
		_ok "$c: no memory error"
	fi
	if [ -f check ]; then
		if sh ./check >.check.out 2>&1; then
			_ok "$c: check"
		else
			_not_ok "$c: check"
			diag_file .check.out
		fi
	fi
	cd "$SCRATCH" || exit 1
done

done_testing
