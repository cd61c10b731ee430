# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip install --disable-pip-version-check -q -c constraints.txt
STAMP := $(VENV)/.installed
QM := resources/i18n/alama_ar.qm

.PHONY: run test bench lint screenshots clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	# torch first, from the pinned CPU wheel, so camel-tools never pulls a CUDA build.
	$(PIP) torch==2.13.0
	$(PIP) -e ".[test]"
	touch $(STAMP)

$(QM): resources/i18n/alama_ar.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

run: $(STAMP) $(QM)
	$(VENV)/bin/alama demo

test: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check core gui tests
	$(VENV)/bin/mypy core

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/benchmarks -s -q -p no:cacheprovider

screenshots: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m alama.gui.screenshots docs

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
