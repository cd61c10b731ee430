# Two commands on a fresh machine: `make run` and `make test`.
#
# .venv holds the dependencies and Alama itself, installed editable in setuptools' strict mode:
# build/__editable__.*/alama/ is a tree of links to core/, gui/ and resources/, where mypy,
# lint-imports and PyInstaller see alama.core, alama.gui and alama.resources as an installed
# package. An edit to a file shows at once; a file added or removed shows once the link tree is
# made again, which every target here does by itself when the list of files changed.
# `make develop` makes it again at once (after adding a module, before running pytest directly).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip install --disable-pip-version-check -q -c constraints.txt
DEPS := $(VENV)/.installed
STAMP := $(VENV)/.editable
FILES := $(VENV)/.package-files
QM := resources/i18n/alama_ar.qm resources/i18n/alama_en.qm
# The link tree alone: no dependency looked at, no build environment (setuptools is pinned).
EDITABLE := $(PIP) --no-deps --no-build-isolation --config-settings editable_mode=strict -e .

.PHONY: run test bench lint lint-ruff lint-format lint-mypy lint-imports develop screenshots \
	package clean FORCE

# 1. The venv and every dependency: torch first, from the pinned CPU wheel, so camel-tools never
# pulls a CUDA build.
$(DEPS): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) torch==2.13.0 setuptools
	$(PIP) --config-settings editable_mode=strict -e ".[test]"
	touch $@

# 2. The translations, by the venv's pyside6-lrelease, before the link tree that links them.
resources/i18n/%.qm: resources/i18n/%.ts $(DEPS)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# 3. The link tree, made again when the list of package files changed (or build/ was removed):
# $(FILES) is written only then, so an edit inside a file costs nothing.
$(FILES): FORCE
	@mkdir -p $(VENV)
	@ls -d build/__editable__.*/alama > /dev/null 2>&1 || rm -f $@
	@{ find core gui resources -name __pycache__ -prune -o -type f -print; \
	   printf '%s\n' $(QM); } | LC_ALL=C sort -u > $@.new
	@if cmp -s $@.new $@; then rm $@.new; else mv $@.new $@; fi

$(STAMP): $(DEPS) $(QM) $(FILES)
	$(EDITABLE)
	touch $@

develop: $(DEPS) $(QM) $(FILES)
	$(EDITABLE)
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/alama demo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# Every check runs, and `make lint` fails if one did.
lint: $(STAMP)
	@$(MAKE) --no-print-directory -k lint-ruff lint-format lint-mypy lint-imports

lint-ruff: $(DEPS)
	$(VENV)/bin/ruff check core gui tests packaging

lint-format: $(DEPS)
	$(VENV)/bin/ruff format --check core gui tests packaging

# mypy reads the installed package, so it names files by the link tree: given back as core/….
lint-mypy: $(STAMP)
	set -o pipefail; $(VENV)/bin/mypy -p alama.core -p alama.gui -p alama.resources \
		| sed 's|^build/__editable__[^/]*/alama/||'

lint-imports: $(STAMP)
	$(VENV)/bin/lint-imports

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/benchmarks -s -q -p no:cacheprovider

# One folder in dist/alama (PyInstaller, packaging/alama.spec), then its smoke test.
package: $(STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/alama.spec
	ALAMA_PACKAGE=dist/alama QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider \
		tests/test_package.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m alama.gui.screenshots docs

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
