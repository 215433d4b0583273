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

.PHONY: site serve test browser-deps clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(TEST_STAMP)

site: $(STAMP)
	$(BIN)/pressroom build

serve: $(STAMP)
	$(BIN)/pressroom serve

# Browser tests drive Debian's Chromium through Playwright; Playwright's own
# browser download cannot work offline, so install the distribution package.
browser-deps:
	@test -x /usr/bin/chromium || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: $(TEST_STAMP) browser-deps
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest

clean:
	rm -rf site build .pressroom
