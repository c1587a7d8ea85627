#!/bin/sh
# 0900-man-examples.t: every command in the EXAMPLES section of every
# section-1 manual page runs and exits with the status the page promises.
# The extraction convention is described at the top of tests/man-examples.sh.
# Environment (set by "make check"): KJ_BIN, the folder of the built
# commands; KJ_TOP, the top of the repository, whose examples/ the commands
# see.  Self-contained: does not use tests/cli/lib.sh.
top=$(cd "$(dirname "$0")/../.." && pwd) || exit 2
KJ_TOP=${KJ_TOP:-$top}
export KJ_TOP
set -- "$top"/man/*.1
if [ ! -e "$1" ]; then
	echo "1..0 # skip no section-1 manual pages"
	exit 0
fi
exec sh "$top/tests/man-examples.sh" "$@"
