#!/bin/sh
# scripts/gen-data --stdout: the one output --what names goes to standard
# output (the national benchmark pipes the log into gzip), byte for byte
# the file it would have written, and nothing is written in a folder.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
G=${KJ_TOOLS:-$KJ_TOP/build/tools}/gen-data
if [ ! -x "$G" ]; then
	plan 1
	skip 1 "gen-data not built (KJ_TOOLS)"
	exit 0
fi
plan 9

check "the log into a folder" "$G" --pegawai 300 --seed 5 --what log -o d
check "the log to standard output" \
	sh -c '"$1" --pegawai 300 --seed 5 --what log --stdout >log.tsv' sh "$G"
check "the same bytes" cmp d/log-2026-11.tsv log.tsv
check_text "only the log went into the folder" "log-2026-11.tsv" "$(cd d && echo *)"
check "the roster to standard output, as its file" \
	sh -c '"$1" --pegawai 300 --seed 5 --what pegawai --stdout >p.tsv &&
	       "$1" --pegawai 300 --seed 5 --what pegawai -o e && cmp p.tsv e/pegawai.tsv' sh "$G"
check_exit 2 "--stdout with two outputs" sh -c '"$1" --pegawai 10 --what pegawai,log --stdout >x' sh "$G"
check_stderr "names the rule" "gen-data: --stdout needs --what naming exactly one output"
check_exit 2 "--stdout with -o" sh -c '"$1" --pegawai 10 --what log --stdout -o d >x' sh "$G"
check_stderr "names the conflict" "gen-data: --stdout and -o DIR exclude each other"
done_testing
