# Makefile — `make` builds ./tandem; `make test` builds with ASan/UBSan and runs every test.
CC ?= cc
CFLAGS ?= -O2 -g
WARN = -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wformat=2 -Wno-format-nonliteral \
       -Wno-missing-field-initializers
PKGS = libmicrohttpd sqlite3 jansson libsodium libcmark-gfm libcurl
CPPFLAGS += -Isrc -Ibuild/gen $(shell pkg-config --cflags $(PKGS))
LDLIBS += $(shell pkg-config --libs $(PKGS)) -lglpk -lcsv -lpthread -lm

SRC := $(sort $(wildcard src/platform/*.c src/model/*.c src/domain/*.c src/app/*.c src/api/*.c src/web/*.c src/server/*.c src/cli/*.c))
GEN := build/gen/migrations_gen.c build/gen/assets_gen.c
LIB_SRC := $(filter-out src/cli/main.c,$(SRC))

OBJ := $(patsubst src/%.c,build/obj/%.o,$(SRC)) $(patsubst build/gen/%.c,build/obj/gen/%.o,$(GEN))
SAN_OBJ := $(patsubst src/%.c,build/san/%.o,$(SRC)) $(patsubst build/gen/%.c,build/san/gen/%.o,$(GEN))
SANFLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))

.PHONY: all test test-unit clean demo
all: tandem

tandem: $(OBJ)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

build/gen/migrations_gen.c: $(sort $(wildcard migrations/*.sql)) tools/sql2c.sh
	@mkdir -p $(dir $@)
	sh tools/sql2c.sh $(sort $(wildcard migrations/*.sql)) > $@

build/gen/assets_gen.c: $(sort $(wildcard src/web/static/*)) tools/file2c.sh
	@mkdir -p $(dir $@)
	sh tools/file2c.sh $(sort $(wildcard src/web/static/*)) > $@

build/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(WARN) $(CPPFLAGS) -MMD -MP -c -o $@ $<

build/obj/gen/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(WARN) $(CPPFLAGS) -c -o $@ $<

# The sanitizer build: the same sources, compiled again with ASan and UBSan.
build/san/tandem: $(SAN_OBJ)
	$(CC) $(SANFLAGS) -o $@ $^ $(LDLIBS)

build/san/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(SANFLAGS) $(WARN) $(CPPFLAGS) -MMD -MP -c -o $@ $<

build/san/gen/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(SANFLAGS) $(WARN) $(CPPFLAGS) -c -o $@ $<

build/san/unit_tests: $(TEST_SRC) tests/unit/harness.h $(filter-out build/san/cli/main.o,$(SAN_OBJ))
	$(CC) $(SANFLAGS) $(WARN) $(CPPFLAGS) -Itests/unit -o $@ $(TEST_SRC) $(filter-out build/san/cli/main.o,$(SAN_OBJ)) $(LDLIBS)

test: build/san/tandem build/san/unit_tests
	sh tests/run.sh

demo: tandem
	./tandem demo

clean:
	rm -rf build tandem

-include $(OBJ:.o=.d) $(SAN_OBJ:.o=.d)
