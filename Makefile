# kinerja: one non-recursive GNU Makefile.
#
#   make                 libkinerja.a and every command into bin/
#   make check           install what is missing, build, run every test
#                        (unit, command, man pages, fuzz smoke, and the whole
#                        suite again under ASan+UBSan)
#   make demo            the monthly job on examples/kota-contoh
#   make bench           benchmarks against the peers (see BENCHMARKS.md)
#   make bench NATIONAL=1  the national-scale pipeline (4.7 M employees)
#   make fuzz            libFuzzer targets (clang) into build/fuzz/
#   make check-valgrind  the command tests under valgrind memcheck (slow;
#                        VALGRIND_SCALE=no leaves out the scale tests)
#   make install         PREFIX, DESTDIR, BINDIR, MANDIR honoured
#
# Knobs: SANITIZE=address,undefined  O=builddir  V=1 (show commands)
#        WERROR= (drop -Werror)  PYTHON=/usr/bin/python3

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
DESTDIR ?=

CC      ?= cc
CLANG   ?= clang
PKG_CONFIG ?= pkg-config
PYTHON  ?= /usr/bin/python3
PROVE   ?= prove

# The user may replace the optimisation and hardening flags; the warnings
# and the language level below are added whatever CFLAGS says.
CFLAGS  ?= -O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=2
WERROR  ?= -Werror
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wformat=2 -Wpointer-arith -Wvla -Wundef $(WERROR)
override CFLAGS := -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS)
# The one place threads are switched on, for everything built here:
# capaian-check reads skp.tsv on a second thread while the roster loads;
# tpp-calc reads absen.tsv and kinerja.tsv beside the roster and formats
# its table on two threads.
override CFLAGS += -pthread
override LDFLAGS += -pthread

ifdef SANITIZE
O ?= build/sanitize
override CFLAGS += -fsanitize=$(SANITIZE) -fno-sanitize-recover=all \
                   -fno-omit-frame-pointer -O1
override LDFLAGS += -fsanitize=$(SANITIZE)
B ?= $(O)/bin
else
O ?= build
B ?= bin
endif

DEPS_CFLAGS := $(shell $(PKG_CONFIG) --cflags yaml-0.1 xlsxwriter zlib 2>/dev/null)
DEPS_LIBS   := $(shell $(PKG_CONFIG) --libs yaml-0.1 xlsxwriter zlib 2>/dev/null)
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)
# -iquote, not -I: lib/yaml.h must not hide libyaml's <yaml.h>.
override CPPFLAGS += -iquote lib $(DEPS_CFLAGS)

ifeq ($(V),1)
Q :=
else
Q := @
endif

LIB_SRC   := $(sort $(wildcard lib/*.c))
LIB_OBJ   := $(LIB_SRC:%.c=$(O)/%.o)
LIBKJ     := $(O)/libkinerja.a
CMD_SRC   := $(sort $(wildcard cmd/*.c))
CMDS      := $(CMD_SRC:cmd/%.c=%)
CMD_BIN   := $(CMDS:%=$(B)/%)
UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(O)/tests/unit/%)
FUZZ_SRC  := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN  := $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
TOOL_SRC  := $(sort $(wildcard scripts/*.c scripts/bench/*.c))
TOOL_BIN  := $(patsubst scripts/%.c,$(O)/tools/%,$(TOOL_SRC))
MAN1      := $(sort $(wildcard man/*.1))
MAN5      := $(sort $(wildcard man/*.5))
MAN7      := $(sort $(wildcard man/*.7))

.PHONY: all lib tools check test test-unit test-cli test-man test-fuzz \
        check-sanitize deps demo bench fuzz install uninstall clean FRC
.SUFFIXES:
# Keep objects that pattern rules chain through (make would delete them,
# and the last line of `make check` must be the test summary).
.SECONDARY:

all: $(CMD_BIN) tools

lib: $(LIBKJ)
tools: $(TOOL_BIN)

$(O)/lib/%.o: lib/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(O)/cmd/%.o: cmd/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(LIBKJ): $(LIB_OBJ)
	@echo "  AR      $@"
	$(Q)rm -f $@ && $(AR) rcs $@ $^

$(B)/%: $(O)/cmd/%.o $(LIBKJ)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIBKJ) $(DEPS_LIBS) -lm

$(O)/tools/%: scripts/%.c $(LIBKJ)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIBKJ) $(DEPS_LIBS) -lm

$(O)/tests/unit/%: tests/unit/%.c $(LIBKJ)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(CMOCKA_CFLAGS) $(CFLAGS) -Wno-missing-prototypes \
	    $(LDFLAGS) -o $@ $< $(LIBKJ) $(DEPS_LIBS) $(CMOCKA_LIBS) -lm

-include $(LIB_OBJ:.o=.d) $(CMD_SRC:cmd/%.c=$(O)/cmd/%.d)

# ---- tests -----------------------------------------------------------------

# Every test speaks TAP and runs under prove: the cmocka suites (with
# CMOCKA_MESSAGE_OUTPUT=TAP) and the command tests in tests/cli.  The
# environment tells the command tests where the binaries are.
TEST_ENV = KJ_BIN=$(abspath $(B)) KJ_TOOLS=$(abspath $(O)/tools) \
           KJ_TOP=$(CURDIR) PYTHON=$(PYTHON) CMOCKA_MESSAGE_OUTPUT=TAP \
           LC_ALL=C.UTF-8 TZ=UTC

test-unit: $(UNIT_BIN)
	@echo "== unit tests ($(O))"
	$(Q)$(TEST_ENV) $(PROVE) -j2 --exec '' $(UNIT_BIN)

test-cli: all
	@echo "== command tests ($(B))"
	$(Q)$(TEST_ENV) $(PROVE) -j2 tests/cli/*.t

test: run-tests

test-man:
	@echo "== man pages (mandoc -T lint)"
	$(Q)mandoc -T lint -W warning $(MAN1) $(MAN5) $(MAN7)

# A short libFuzzer run of each target over its seed corpus.
test-fuzz: fuzz
	@echo "== fuzz smoke run"
	$(Q)for f in $(FUZZ_BIN); do \
	    n=$${f##*/}; c=tests/fuzz/corpus/$${n#fuzz_}; mkdir -p build/fuzz/work/$$n; \
	    $$f -runs=20000 -max_total_time=30 -max_len=4096 -timeout=10 build/fuzz/work/$$n $$c \
	        >build/fuzz/$$n.log 2>&1 || { tail -30 build/fuzz/$$n.log; exit 1; }; \
	    echo "  $$n: $$(grep -o 'Done [0-9]* runs' build/fuzz/$$n.log)"; \
	done

check-sanitize:
	@echo "== the whole suite under ASan+UBSan"
	$(Q)$(MAKE) --no-print-directory SANITIZE=address,undefined \
	    ASAN_OPTIONS=detect_leaks=1 run-tests

# The command tests with every command under valgrind memcheck (through
# wrappers made by tests/cli/lib.sh): an invalid access or a definite leak
# fails the test that ran the command, and any report fails the target.
# Not part of check: it takes 15 minutes of CPU (an hour of wall time on a
# loaded machine).  VALGRIND_SCALE=no leaves out the scale tests (today
# 0102: 1,048,580 rows through rekap-xlsx, 3 of those 15 minutes);
# VALGRIND_TESTS picks other scripts; VALGRIND_JOBS is prove's -j.
VALGRIND_TESTS ?= $(sort $(wildcard tests/cli/*.t))
VALGRIND_SCALE_TESTS := tests/cli/0102-rekap-xlsx-rows.t
VALGRIND_JOBS ?= 2
ifeq ($(VALGRIND_SCALE),no)
VALGRIND_RUN = $(filter-out $(VALGRIND_SCALE_TESTS),$(VALGRIND_TESTS))
else
VALGRIND_RUN = $(VALGRIND_TESTS)
endif
.PHONY: check-valgrind
check-valgrind: all
	@echo "== command tests under valgrind memcheck"
	$(Q)rm -rf $(O)/valgrind && mkdir -p $(O)/valgrind
	$(Q)$(TEST_ENV) KJ_VALGRIND=1 KJ_VALGRIND_LOG=$(abspath $(O)/valgrind) \
	    $(PROVE) -j$(VALGRIND_JOBS) $(VALGRIND_RUN); rc=$$?; \
	    bad=$$(find $(O)/valgrind -type f -size +0 | sort); \
	    if [ -n "$$bad" ]; then cat $$bad; \
	        echo "valgrind: $$(echo $$bad | wc -w) reports in $(O)/valgrind"; exit 1; fi; \
	    echo "valgrind: no report ($$(ls $(O)/valgrind | wc -l) processes)"; exit $$rc

# One prove run over the unit suites and the command tests, so that its
# summary (the last lines of `make check`) counts every test.
run-tests: all $(UNIT_BIN)
	$(Q)$(TEST_ENV) ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    $(PROVE) -j2 --exec '' $(UNIT_BIN) tests/cli/*.t

check: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(MAKE) --no-print-directory run-tests
	$(Q)$(MAKE) --no-print-directory test-man
	$(Q)$(MAKE) --no-print-directory test-fuzz
	$(Q)$(MAKE) --no-print-directory check-sanitize

deps:
	$(Q)scripts/install-deps

# ---- demo, bench, fuzz -----------------------------------------------------

demo: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)KJ_BIN=$(abspath $(B)) examples/demo.sh

# NATIONAL=1: the national-scale pipeline instead (issue 8; not in CI:
# about 7 GB of data under build/bench/national/, minutes of both CPUs).
bench: deps
	$(Q)$(MAKE) --no-print-directory all
ifeq ($(NATIONAL),1)
	$(Q)KJ_BIN=$(abspath $(B)) KJ_TOOLS=$(abspath $(O)/tools) \
	    scripts/bench/national
else
	$(Q)KJ_BIN=$(abspath $(B)) KJ_TOOLS=$(abspath $(O)/tools) PYTHON=$(PYTHON) \
	    scripts/bench/run
endif

FUZZ_CFLAGS := -std=c11 -D_GNU_SOURCE -g -O1 -fno-omit-frame-pointer \
               -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
               -DKJ_FUZZING
build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(LIB_SRC) $(wildcard lib/*.h)
	@mkdir -p $(@D)
	@echo "  CLANG   $<"
	$(Q)$(CLANG) $(CPPFLAGS) $(FUZZ_CFLAGS) -o $@ $< $(LIB_SRC) $(DEPS_LIBS) -lm

fuzz: $(FUZZ_BIN)

# ---- install ---------------------------------------------------------------

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7
	install -m0755 $(CMD_BIN) $(DESTDIR)$(BINDIR)
	install -m0644 $(MAN1) $(DESTDIR)$(MANDIR)/man1
	install -m0644 $(MAN5) $(DESTDIR)$(MANDIR)/man5
	install -m0644 $(MAN7) $(DESTDIR)$(MANDIR)/man7

uninstall:
	rm -f $(CMDS:%=$(DESTDIR)$(BINDIR)/%)
	rm -f $(MAN1:man/%=$(DESTDIR)$(MANDIR)/man1/%) \
	      $(MAN5:man/%=$(DESTDIR)$(MANDIR)/man5/%) \
	      $(MAN7:man/%=$(DESTDIR)$(MANDIR)/man7/%)

clean:
	rm -rf build bin out
