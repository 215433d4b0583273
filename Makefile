# Two commands do everything on a fresh machine:
#   make site   build the archive from content/ into site/ (make serve previews it)
#   make test   type-check generator/, then run the whole test suite, browser tests included
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site serve test browser-deps clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/pressroom build

serve: $(STAMP)
	$(BIN)/pressroom serve

# Browser tests drive Debian's Chromium through Playwright; Playwright's own
# browser download cannot work offline, so install the distribution package.
browser-deps:
	@test -x /usr/bin/chromium || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: $(STAMP) browser-deps
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest

clean:
	rm -rf site build .pressroom
