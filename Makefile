# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip install --disable-pip-version-check -q -c constraints.txt
STAMP := $(VENV)/.installed
QM := resources/i18n/alama_ar.qm resources/i18n/alama_en.qm

.PHONY: run test bench lint screenshots package clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	# torch first, from the pinned CPU wheel, so camel-tools never pulls a CUDA build.
	$(PIP) torch==2.13.0
	$(PIP) -e ".[test]"
	touch $(STAMP)

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

run: $(STAMP) $(QM)
	$(VENV)/bin/alama demo

test: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check core gui tests packaging
	$(VENV)/bin/mypy core

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/benchmarks -s -q -p no:cacheprovider

# One folder in dist/alama (PyInstaller, packaging/alama.spec), then its smoke test.
package: $(STAMP) $(QM)
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/alama.spec
	ALAMA_PACKAGE=dist/alama QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider \
		tests/test_package.py

screenshots: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m alama.gui.screenshots docs

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
