#!/bin/sh
# man-examples.sh: run the examples of the manual pages as TAP tests.
#
# Usage: tests/man-examples.sh [page ...]      (default: man/*.1)
#
# Environment: KJ_BIN, the folder of the built commands (default: bin/ at
# the top of the repository); KJ_TOP, the top of the repository (default:
# the parent of the folder of this script).
#
# The convention that every page in man/ follows:
#
#  - Only the EXAMPLES section of a page is read (from ".Sh EXAMPLES" to the
#    next ".Sh").
#  - In it, every display ".Bd -literal" (the pages write
#    ".Bd -literal -offset indent") up to its ".Ed" is looked at.  A line of
#    the display that starts with "$ " is a command.  A command ending in a
#    backslash (written "\e" in the page) continues on the next line, as in
#    the shell.  The other lines of the display are what the reader would
#    see (output, messages) and are not checked.
#  - A display without any "$ " line is an illustration and is not run
#    (use this for commands that do not exist yet, or that need data the
#    repository does not have).
#  - A command must exit 0, or the status written in a trailing comment
#    "# exit N" (for instance "# exit 2" to show an error).
#  - The escapes a page needs in a display to print shell text exactly are
#    undone before running: \e and \(rs (backslash), \- (minus), \(aq ('),
#    \(dq ("), \(ga (`), \(ti (~), \(ha (^), \& (nothing).
#  - Every command runs as "sh -c COMMAND" in a fresh empty folder that
#    holds one symbolic link, "examples" -> $KJ_TOP/examples, with $KJ_BIN
#    first on PATH and standard input from /dev/null.  So an example names
#    the shipped data as examples/..., and writes its outputs to the
#    current folder.
#  - The examples of page NAME.1 are skipped ("ok N # skip ...") while
#    $KJ_BIN/NAME has not been built.
#
# Output: TAP on standard output, "1..N" first, then one line per command,
# "ok N - page.1: command".  A failing command's output is shown as TAP
# comments.  Exit status 0 when every command passed or was skipped, 1
# otherwise, 2 for bad usage.

LC_ALL=C
export LC_ALL

here=$(cd "$(dirname "$0")" && pwd) || exit 2
KJ_TOP=${KJ_TOP:-$(dirname "$here")}
KJ_BIN=${KJ_BIN:-$KJ_TOP/bin}
case $KJ_TOP in /*) ;; *) KJ_TOP=$(cd "$KJ_TOP" && pwd) || exit 2 ;; esac
case $KJ_BIN in /*) ;; *) KJ_BIN=$(pwd)/$KJ_BIN ;; esac

if [ $# -eq 0 ]; then
	set -- "$KJ_TOP"/man/*.1
fi

tmp=${TMPDIR:-/tmp}/man-examples.$$
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
(umask 077 && mkdir "$tmp") || exit 2

# The commands, one per line: page TAB expected-status TAB command.
list=$tmp/list
for page do
	if [ ! -r "$page" ]; then
		printf 'man-examples.sh: %s: cannot read\n' "$page" >&2
		exit 2
	fi
	awk -v page="${page##*/}" '
	function unescape(s,    out, c, d, n) {
		out = ""
		while ((n = index(s, "\\")) > 0) {
			out = out substr(s, 1, n - 1)
			c = substr(s, n + 1, 1)
			if (c == "e") { out = out "\\"; s = substr(s, n + 2) }
			else if (c == "-") { out = out "-"; s = substr(s, n + 2) }
			else if (c == "&") { s = substr(s, n + 2) }
			else if (c == "(") {
				d = substr(s, n + 2, 2)
				if (d == "aq") out = out "\047"
				else if (d == "dq") out = out "\""
				else if (d == "ga") out = out "`"
				else if (d == "ti") out = out "~"
				else if (d == "ha") out = out "^"
				else if (d == "rs") out = out "\\"
				else out = out "\\(" d
				s = substr(s, n + 4)
			} else { out = out "\\" c; s = substr(s, n + 2) }
		}
		return out s
	}
	function emit(    st, m) {
		st = 0
		if (match(cmd, /[ \t]#[ \t]*exit[ \t]+[0-9]+[ \t]*$/)) {
			m = substr(cmd, RSTART)
			sub(/^[ \t]*#[ \t]*exit[ \t]+/, "", m)
			sub(/[ \t]*$/, "", m)
			st = m + 0
		}
		printf "%s\t%d\t%s\n", page, st, cmd
		cmd = ""; incmd = 0
	}
	/^\.Sh[ \t]/ { inex = ($0 ~ /^\.Sh[ \t]+"?EXAMPLES"?[ \t]*$/); next }
	!inex { next }
	/^\.Bd[ \t]+-literal/ { indisp = 1; next }
	/^\.Ed/ { if (incmd) emit(); indisp = 0; next }
	!indisp { next }
	/^\.\\"/ { next }
	{
		line = unescape($0)
		if (incmd) {
			cont = line
		} else if (substr(line, 1, 2) == "$ ") {
			cont = substr(line, 3); incmd = 1; cmd = ""
		} else {
			next
		}
		if (cont ~ /\\$/) {
			cmd = cmd substr(cont, 1, length(cont) - 1)
		} else {
			cmd = cmd cont
			emit()
		}
	}
	END { if (incmd) emit() }
	' "$page" || exit 2
done >"$list"

total=$(awk 'END { print NR }' "$list")
if [ "$total" -eq 0 ]; then
	printf '1..0 # skip no examples in %s\n' "$*"
	exit 0
fi
echo "1..$total"

n=0
failed=0
tab=$(printf '\t')
while IFS= read -r rec; do
	n=$((n + 1))
	page=${rec%%"$tab"*}
	rest=${rec#*"$tab"}
	want=${rest%%"$tab"*}
	cmd=${rest#*"$tab"}
	prog=${page%.*}
	# The description: one line, blanks squeezed, "#" escaped for TAP.
	desc=$(printf '%s\n' "$cmd" | sed -e 's/[[:space:]][[:space:]]*/ /g' \
	    -e 's/\\/\\\\/g' -e 's/#/\\#/g')
	if [ ! -x "$KJ_BIN/$prog" ]; then
		printf 'ok %d # skip %s not built\n' "$n" "$prog"
		continue
	fi
	dir=$tmp/$n
	mkdir "$dir" && ln -s "$KJ_TOP/examples" "$dir/examples" || exit 2
	(cd "$dir" && PATH=$KJ_BIN:$PATH exec sh -c "$cmd") \
	    </dev/null >"$tmp/out.$n" 2>&1
	got=$?
	if [ "$got" -eq "$want" ]; then
		printf 'ok %d - %s: %s\n' "$n" "$page" "$desc"
	else
		failed=$((failed + 1))
		printf 'not ok %d - %s: %s\n' "$n" "$page" "$desc"
		printf '# exit status %d, expected %d; output:\n' "$got" "$want"
		sed -e 's/^/#   /' "$tmp/out.$n"
	fi
	rm -rf "$dir"
done <"$list"

[ "$failed" -eq 0 ]
