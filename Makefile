# interleave — build, run and test.  `make help` lists the targets.
#
# Debug switches (pass on the command line):
#   SAN=1           build with AddressSanitizer + UndefinedBehaviorSanitizer
#                   (into build-asan/; `make check-asan` runs the suite so)
#   SIM_PARANOID=1  check every sync object's invariants after every step
#   OPT=-O0         optimisation level (default -O2)

# ---- settings ---------------------------------------------------------------
BUILD        ?= build
OPT          ?= -O2
# libxxhash-dev: the explorer's state digests (sim/explore/statehash.c) are
# XXH3, the fastest well-tested 64-bit hash Debian packages; one call hashes
# a whole serialised machine state.
DEBIAN_PKGS  := libncurses-dev libuv1-dev libcmocka-dev libxxhash-dev pkg-config tmux procps
PKG_MODULES  := ncursesw libuv cmocka libxxhash
WARNINGS     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
                -Wmissing-prototypes -Wwrite-strings
# Recursive (=) so pkg-config runs when a recipe needs it, after `deps`.
PKG_CFLAGS    = $(shell pkg-config --cflags ncursesw libuv libxxhash)
SIM_LIBS      = $(shell pkg-config --libs libxxhash)
TUI_LIBS      = $(shell pkg-config --libs ncursesw libuv) $(SIM_LIBS)
CMOCKA_LIBS   = $(shell pkg-config --libs cmocka)
CFLAGS       := -std=c11 $(OPT) -g $(WARNINGS) -MMD -MP
LDFLAGS      :=
ifeq ($(SAN),1)
BUILD        := build-asan
CFLAGS       += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS      += -fsanitize=address,undefined
endif
ifeq ($(SIM_PARANOID),1)
CFLAGS       += -DSIM_PARANOID
endif
BIN          := $(if $(filter 1,$(SAN)),$(BUILD)/interleave,interleave)

# ---- sources, grouped by layer -----------------------------------------------
# sim/ is a library in stages: lang (source -> Program), machine (Program ->
# steps), lib (the Go library the machine offers), history, analysis, explore
# (every interleaving); the contract between them (program.h, value.h,
# opcodes.def) sits at its top.
SIM_DIRS     := sim sim/lang sim/machine sim/lib sim/history sim/analysis sim/explore
SIM_INC      := $(addprefix -I,$(SIM_DIRS))
SIM_SRC      := $(wildcard $(addsuffix /*.c,$(SIM_DIRS)))
TUI_SRC      := $(filter-out tui/main.c,$(wildcard tui/*.c))
SCENARIOS    := $(sort $(wildcard scenarios/*.go))
GEN_SRC      := $(BUILD)/gen/scenarios_embedded.c
SIM_OBJ      := $(SIM_SRC:%.c=$(BUILD)/%.o)
TUI_OBJ      := $(TUI_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/scenarios_embedded.o
MAIN_OBJ     := $(BUILD)/tui/main.o
UNIT_SRC     := $(wildcard tests/test_*.c)
UNIT_BIN     := $(UNIT_SRC:tests/%.c=$(BUILD)/tests/%)
BENCH_BIN    := $(BUILD)/tests/bench/bench_vm

PREFIX       ?= /usr/local

.PHONY: all deps bench-deps run test unit golden scenarios race analyses e2e e2e-sanitized go-conformance fidelity check-asan bench install clean help
all: $(BIN)

help:
	@echo "make run     install missing packages, build, open the TUI"
	@echo "make test    install missing packages, build, run every test (then under ASan/UBSan)"
	@echo "make bench   print VM, compiler, scenario and explorer speed figures, and Lua 5.4's for scale"
	@echo "make deps    install missing Debian packages ($(DEBIAN_PKGS))"
	@echo "make install copy the binary and the man page under PREFIX ($(PREFIX))"
	@echo "make clean   remove build outputs"

# ---- set-up: install what is missing ----------------------------------------
# $(call apt_install,PACKAGES,WHO): shell text that installs Debian PACKAGES as
# root or through sudo (updating the package lists only if the first try fails),
# or says what WHO needs and fails.  Every target that installs uses it.
apt_install = if [ "$$(id -u)" = 0 ]; then SUDO=; \
	elif command -v sudo >/dev/null; then SUDO=sudo; \
	else echo "$(2) needs: apt-get install -y $(1)  (run it as root)" >&2; exit 1; fi; \
	echo "installing $(1)"; \
	$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y $(1) || \
	{ $$SUDO apt-get update && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y $(1); }

deps:
	@if pkg-config --exists $(PKG_MODULES) 2>/dev/null && command -v tmux >/dev/null && \
	    command -v pgrep >/dev/null; then \
	    exit 0; fi; \
	$(call apt_install,$(DEBIAN_PKGS),interleave)

# Lua 5.4 is the yardstick of `make bench`; without it the bench says so.
BENCH_PKGS   := lua5.4
bench-deps:
	-@if command -v lua5.4 >/dev/null; then exit 0; fi; \
	$(call apt_install,$(BENCH_PKGS),make bench)

# ---- build ---------------------------------------------------------------------
$(BIN): $(MAIN_OBJ) $(TUI_OBJ) $(SIM_OBJ)
	$(CC) $(LDFLAGS) -o $@ $(filter %.o,$^) $(TUI_LIBS) -lm

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) $(SIM_INC) -Itui -c -o $@ $<

# The scenarios are compiled into the binary, so it runs from any directory.
$(GEN_SRC): $(SCENARIOS) scenarios/embed.awk
	@mkdir -p $(@D)
	LC_ALL=C awk -f scenarios/embed.awk $(SCENARIOS) > $@

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	$(CC) $(CFLAGS) $(PKG_CFLAGS) $(SIM_INC) -Itui -c -o $@ $<

$(BUILD)/tests/test_%: tests/test_%.c $(TUI_OBJ) $(SIM_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) $(SIM_INC) -Itui -o $@ $(filter %.c %.o,$^) $(TUI_LIBS) $(CMOCKA_LIBS) $(LDFLAGS) -lm

$(BENCH_BIN): tests/bench/bench_vm.c $(SIM_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) $(SIM_INC) -o $@ $(filter %.c %.o,$^) $(SIM_LIBS) $(LDFLAGS) -lm

# ---- run and test --------------------------------------------------------------
run:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory all
	./interleave

test:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory unit golden scenarios race analyses go-conformance fidelity e2e
	@$(MAKE) --no-print-directory check-asan
	@echo "all tests passed"

unit: $(UNIT_BIN)
	@fail=0; for t in $(UNIT_BIN); do $$t 2>&1 || fail=1; done; exit $$fail

golden: $(BIN)
	@sh tests/golden/run.sh ./$(BIN)

# The race detector against go run -race, rule by rule of the Go memory model
# (tests/race: the programs, what real Go 1.19 reported, record.sh needs Go).
race: $(BIN)
	@sh tests/race/run.sh ./$(BIN)

# The analyses' findings (deadlocks, partial ones included, and livelocks)
# over tests/go, the scenarios and tests/analyses, on three seeds and core
# counts: exactly those in tests/analyses/expect.txt, no false report; and the
# hallway's livelock on 30 runs.
analyses: $(BIN)
	@sh tests/analyses/run.sh ./$(BIN)

# Every built-in scenario has a golden run and prints what real Go 1.19 did
# (tests/scenarios: the records and the script that makes them with Go).
scenarios: $(BIN)
	@sh tests/scenarios/run.sh ./$(BIN)

e2e: $(BIN)
	@sh tests/e2e/run.sh ./$(BIN)

# The Go conformance corpus (tests/go, expectations from real Go 1.19).  Programs
# on tests/go/known-failures.txt do not pass yet and count as skipped (VERBOSE=1
# lists them); any other failure, or a listed program that now passes, fails.
go-conformance: $(BIN)
	@KNOWN_FAILURES=tests/go/known-failures.txt sh tests/go/run.sh ./$(BIN)

# The machine against real Go 1.19's measured distributions (tests/fidelity:
# the programs, what Go did, and the checks with their tolerances).  Timing
# under the sanitizers would say nothing more, so it runs once.
fidelity: $(BIN)
	@sh tests/fidelity/run.sh ./$(BIN)

check-asan:
	@$(MAKE) --no-print-directory SAN=1 unit golden race analyses go-conformance e2e-sanitized

# The TUI under the sanitizers: reports go to files (the terminal belongs to
# curses), and any report fails the run.
e2e-sanitized: $(BIN)
	@rm -rf $(BUILD)/sanitizer-logs && mkdir -p $(BUILD)/sanitizer-logs
	@ASAN_OPTIONS=log_path=$(CURDIR)/$(BUILD)/sanitizer-logs/asan \
	 UBSAN_OPTIONS=log_path=$(CURDIR)/$(BUILD)/sanitizer-logs/ubsan:print_stacktrace=1 \
	 sh tests/e2e/run.sh ./$(BIN)
	@if [ -n "$$(ls $(BUILD)/sanitizer-logs)" ]; then \
	    cat $(BUILD)/sanitizer-logs/*; echo "sanitizer reports from the TUI (above)"; exit 1; fi

bench: $(BENCH_BIN) $(BIN) bench-deps
	@$(BENCH_BIN)
	@sh tests/bench/bench_run.sh ./$(BIN)
	@sh tests/bench/bench_explore.sh ./$(BIN)

install: $(BIN)
	install -D -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/interleave
	install -D -m 644 assets/interleave.1 $(DESTDIR)$(PREFIX)/share/man/man1/interleave.1

clean:
	rm -rf build build-asan interleave

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# ---- fuzzing: libFuzzer over the front end (lexer, parser, checker, codegen) ----
# `make fuzz` builds tests/fuzz/fuzz_compile with clang -fsanitize=fuzzer,address,
# undefined and runs it for FUZZ_SECONDS on tests/fuzz/corpus and the seeds in
# FUZZ_SEEDS, adding the new inputs it finds to tests/fuzz/corpus.  A crash, hang or leak stops the run and leaves the input
# in $(BUILD)/fuzz/ (crash-*, timeout-*, leak-*); replay one with
# `$(BUILD)/fuzz/fuzz_compile FILE`.  `make fuzz-merge` shrinks the corpus to the
# inputs that keep its coverage: run it before committing the corpus.
FUZZ_SECONDS ?= 600
FUZZ_CC      ?= clang
FUZZ_PKGS    := clang libclang-rt-14-dev
FUZZ_SRC     := tests/fuzz/fuzz_compile.c $(sort $(wildcard sim/lang/*.c)) sim/program.c sim/util.c sim/utf8.c
FUZZ_BIN     := $(BUILD)/fuzz/fuzz_compile
FUZZ_FLAGS   := -max_len=4096 -timeout=10 -dict=tests/fuzz/go.dict
# The repository's own Go programs seed every run (read, never written).
FUZZ_SEEDS   := $(wildcard scenarios tests/go tests/golden/inputs)

.PHONY: fuzz fuzz-merge fuzz-deps
fuzz: $(FUZZ_BIN)
	$(FUZZ_BIN) $(FUZZ_FLAGS) -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=$(BUILD)/fuzz/ \
	    tests/fuzz/corpus $(FUZZ_SEEDS)

# The committed corpus holds only what the seeds do not already cover, at most
# one input per coverage edge (-use_counters=0): the seeds are merged in first
# and dropped after.
fuzz-merge: $(FUZZ_BIN)
	rm -rf $(BUILD)/fuzz/merged && mkdir -p $(BUILD)/fuzz/merged
	for f in $(wildcard $(addsuffix /*.go,$(FUZZ_SEEDS))); do \
	    cp $$f $(BUILD)/fuzz/merged/seed-$$(echo $$f | tr / _); done
	$(FUZZ_BIN) -merge=1 -use_counters=0 $(FUZZ_FLAGS) $(BUILD)/fuzz/merged tests/fuzz/corpus
	rm -f $(BUILD)/fuzz/merged/seed-*
	rm -rf tests/fuzz/corpus && mv $(BUILD)/fuzz/merged tests/fuzz/corpus

# clang alone lacks the fuzzer runtime: Debian ships it in libclang-rt-14-dev.
fuzz-deps:
	@if echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }' | \
	    $(FUZZ_CC) -fsanitize=fuzzer -x c -o /dev/null - 2>/dev/null; then exit 0; fi; \
	$(call apt_install,$(FUZZ_PKGS),make fuzz)

$(FUZZ_BIN): $(FUZZ_SRC) $(wildcard sim/*.h sim/lang/*.h) | fuzz-deps
	@mkdir -p $(@D)
	$(FUZZ_CC) -std=c11 -O1 -g $(WARNINGS) -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600 \
	    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Isim -Isim/lang -o $@ $(FUZZ_SRC)
