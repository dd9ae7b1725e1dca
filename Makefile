# dyad - build, test and install.
#
#   make            build/libdyad.a and build/dyad
#   make check      install missing packages, build, run every test, then all
#                   of them again under AddressSanitizer + UBSan
#   make demo       ingest examples/ into dyad.db, print the events and the
#                   URL 'make serve' serves them on
#   make serve      dyad serve on dyad.db (http://127.0.0.1:8080/), until Ctrl-C
#   make bench      throughput and load-time benchmarks (not part of check)
#   make fuzz       build the libFuzzer targets of tests/fuzz with clang,
#                   ASan and UBSan, and run each FUZZ_SECONDS (default 60)
#   make models     retrain the grammar models of data/lang/ from ../shared/ud
#   make install    PREFIX=/usr/local DESTDIR=
#
# Sources are found by wildcard: a new .c under src/ joins the library, a new
# tests/unit/test_*.c becomes a test program.

PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build
SAN     ?=

PKGS    := sqlite3 libpq gumbo jansson zlib icu-uc icu-i18n libexttextcat libmicrohttpd
CC      ?= cc
OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
WARN    := -Wall -Wextra -Wshadow -Wmissing-prototypes -Wstrict-prototypes -Werror -Wno-format-truncation
DEFS    := -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
           -DDYAD_SOURCE_DATA='"$(CURDIR)/data"' \
           -DDYAD_PREFIX_DATA='"$(PREFIX)/share/dyad"' \
           -DDYAD_SOURCE_WEB='"$(CURDIR)/web"' \
           -DDYAD_PREFIX_WEB='"$(PREFIX)/share/dyad-web"'
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lm -pthread
ALL_CFLAGS = -std=c11 -pthread $(WARN) $(DEFS) -Iinclude -Isrc $(PKG_CFLAGS) $(CFLAGS) $(SAN)
LDFLAGS ?=

LIB_SRC  := $(sort $(shell find src -name '*.c' ! -path 'src/cli/*'))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
DEPFILES := $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

.PHONY: all lib tests check test demo serve bench install uninstall clean deps layout \
        fuzz fuzz-build models
all: $(BUILD)/libdyad.a $(BUILD)/dyad

lib: $(BUILD)/libdyad.a

# V=1 shows the full commands.
Q = $(if $(V),,@)
say = $(if $(V),,@printf '  %-6s %s\n' $(1) $(2);)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

# The layout rules (include ranks, one reader per data/ folder, function
# length) are checked before the library is archived: a violation fails the
# build (tools/check-layout says which rule and where).
layout:
	@tools/check-layout

$(BUILD)/libdyad.a: $(LIB_OBJ) | layout
	@rm -f $@
	$(call say,AR,$@)ar rcs $@ $^

$(BUILD)/dyad: $(CLI_OBJ) $(BUILD)/libdyad.a
	$(call say,LINK,$@)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libdyad.a $(PKG_LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(BUILD)/libdyad.a
	@mkdir -p $(dir $@)
	$(call say,LINK,$@)$(CC) $(ALL_CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(BUILD)/libdyad.a $(PKG_LIBS)

tests: $(TEST_BIN)

deps:
	@tools/install-deps

# The whole suite: unit tests, golden tests on ../shared, then the same under
# the sanitizers, then every fuzz target for 10 seconds. tests/run prints the
# one closing line "N passed, N failed".
check: deps
	@$(MAKE) --no-print-directory all tests
	@$(MAKE) --no-print-directory BUILD=build-asan OPT=-O1 \
	  SAN='-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer' \
	  all tests
	@$(MAKE) --no-print-directory fuzz-build
	@FUZZ_BUILD=$(FUZZ_BUILD) FUZZ_SECONDS=10 tests/run build build-asan

# ---- fuzzing ----
# Every tests/fuzz/fuzz_*.c is a libFuzzer target, linked against a library
# built with clang in build-fuzz/ (coverage for the fuzzer, ASan and UBSan
# for the bugs); fuzz_conllu only once the grammar stage's CoNLL-U reader is
# in the tree. tests/fuzz/run runs them, each on its own corpus
# (build-fuzz/corpus/NAME, seeded from tests/fuzz/seeds/NAME).
FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_SRC     := $(filter-out $(if $(wildcard src/parse/conllu.c),,tests/fuzz/fuzz_conllu.c), \
                  $(sort $(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_BIN     := $(FUZZ_SRC:tests/fuzz/%.c=$(FUZZ_BUILD)/%)

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzzlib.h $(FUZZ_BUILD)/libdyad.a
	$(call say,LINK,$@)$(FUZZ_CC) $(ALL_CFLAGS) -Itests/fuzz -fsanitize=fuzzer \
	  -o $@ $< $(FUZZ_BUILD)/libdyad.a $(PKG_LIBS)

fuzz-build:
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) OPT=-O1 \
	  WARN='$(WARN) -Wno-unknown-warning-option' \
	  SAN='$(FUZZ_SAN) -fsanitize=fuzzer-no-link' $(FUZZ_BIN)

fuzz: deps fuzz-build
	@tests/fuzz/run $(FUZZ_BUILD) $(FUZZ_SECONDS)

test: all tests
	@tests/run $(BUILD)

demo: deps
	@$(MAKE) --no-print-directory all
	@rm -f dyad.db
	./$(BUILD)/dyad ingest --db dyad.db examples/
	./$(BUILD)/dyad events --db dyad.db
	@echo
	@echo "The page and the API over dyad.db: make serve (./$(BUILD)/dyad serve --db dyad.db),"
	@echo "then open http://127.0.0.1:8080/"

serve: all
	@[ -f dyad.db ] || $(MAKE) --no-print-directory demo
	./$(BUILD)/dyad serve --db dyad.db --listen 127.0.0.1:8080

bench: all
	@bench/run $(BUILD)

# The grammar models (src/parse/, data/lang/MODELS.md): trained from the UD
# treebanks of ../shared/ud, deterministic, one training at a time. English
# learns from EWT train (dev is measured, never learnt from); Russian from
# GSD dev, following GSD's conventions, and Taiga dev + test, whose
# conventions are learnt apart. GSD test is never read here.
UD ?= ../shared/ud
GRAMMAR_COMMON := --tag-share 0.05 --tag-min-weight 0.5 --min-weight 1
models: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p data/lang/en data/lang/ru
	./$(BUILD)/dyad train --lang en --out data/lang/en/grammar.model $(GRAMMAR_COMMON) \
	  --xpos --featlex --tag-epochs 5 --parse-epochs 10 --parse-runs 2 --explore 0.5 --one-step \
	  --train $(UD)/en_ewt/en_ewt-ud-train.conllu --dev $(UD)/en_ewt/en_ewt-ud-dev.conllu
	./$(BUILD)/dyad train --lang ru --out data/lang/ru/grammar.model $(GRAMMAR_COMMON) \
	  --rich --dict data/lang/ru/morph --tag-epochs 10 --parse-epochs 15 --parse-runs 3 \
	  --explore 0.9 --one-step \
	  --train $(UD)/ru_gsd/ru_gsd-ud-dev.conllu \
	  --train-other $(UD)/ru_taiga/ru_taiga-ud-dev.conllu \
	  --train-other $(UD)/ru_taiga/ru_taiga-ud-test.conllu
	@sha256sum data/lang/en/grammar.model data/lang/ru/grammar.model

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib \
	  $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/share/dyad
	install -m 755 $(BUILD)/dyad $(DESTDIR)$(PREFIX)/bin/dyad
	install -m 644 $(BUILD)/libdyad.a $(DESTDIR)$(PREFIX)/lib/libdyad.a
	install -m 644 include/dyad.h $(DESTDIR)$(PREFIX)/include/dyad.h
	cp -R data/. $(DESTDIR)$(PREFIX)/share/dyad/
	install -d $(DESTDIR)$(PREFIX)/share/dyad-web
	cp -R web/. $(DESTDIR)$(PREFIX)/share/dyad-web/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/dyad $(DESTDIR)$(PREFIX)/lib/libdyad.a \
	  $(DESTDIR)$(PREFIX)/include/dyad.h
	rm -rf $(DESTDIR)$(PREFIX)/share/dyad $(DESTDIR)$(PREFIX)/share/dyad-web

clean:
	rm -rf build build-asan $(FUZZ_BUILD)

-include $(DEPFILES)
