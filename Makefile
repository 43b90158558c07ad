# storyline: set up, run the example story, test, benchmark.
#   make demo   - create .venv, install the hashed lock (storyline[all] and the
#                 dev tools), analyze examples/jlr-chery
#   make lint   - same install, then ruff check, ruff format --check and mypy
#   make test   - same install, then lint, then the test suite
#   make bench  - same install, then benchmarks/analyze_speed.py
#   make lock   - regenerate requirements*.lock from pyproject.toml (needs network)
#   make train  - (the `train` extra is in the dev lock) rebuild every model file under
#                 src/storyline/models from its data (fixed seeds), print dev figures
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Touched after a successful install; the install is redone only when a lock
# file or pyproject.toml is newer than it, so a second `make` is quick.
STAMP  := $(VENV)/.storyline-installed
PIP    := $(BIN)/python -m pip --disable-pip-version-check --no-input
STORY  ?= examples/jlr-chery
PYTEST_ARGS ?=

.PHONY: help install demo lint test bench lock clean train polnear

help:
	@echo "make demo   - install into .venv and analyze $(STORY) -> dossier.html, dossier.json"
	@echo "make lint   - install into .venv and run ruff (check, format --check) and mypy"
	@echo "make test   - install into .venv, lint, and run the test suite"
	@echo "make bench  - install into .venv and run benchmarks/analyze_speed.py"
	@echo "make lock   - regenerate requirements.lock and requirements-dev.lock"
	@echo "make train  - rebuild the model files in src/storyline/models and print dev figures"
	@echo "make clean  - remove .venv, build output and dossiers"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "storyline needs Python >= 3.11; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)

# Every package comes from the lock with its sha256 (--require-hashes), and the
# project itself is installed editable without touching the network again:
# setuptools is in the lock, so no isolated build environment is fetched.
# --no-deps: the lock is the whole closure already, and pip (23.x, as python3.11
# -m venv ships it) otherwise takes a dependency asked for with an extra
# (weasel -> smart-open[http]) as a new, unpinned requirement and refuses it
# (pypa/pip#9644, #12345). `pip check` then proves the closure is complete.
$(STAMP): requirements-dev.lock pyproject.toml | $(BIN)/python
	@echo "Installing requirements-dev.lock into $(VENV) ..."
	@start=$$(date +%s); \
	$(PIP) install --quiet --no-deps --require-hashes -r requirements-dev.lock && \
	$(PIP) install --quiet --no-deps --no-build-isolation -e . && \
	$(PIP) check && \
	echo "Installed in $$(( $$(date +%s) - start ))s"
	@touch $@

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/storyline analyze $(STORY) --format html --output dossier.html
	$(BIN)/storyline analyze $(STORY) --format json --output dossier.json
	@echo
	@echo "Dossier written to:"
	@echo "  $(CURDIR)/dossier.html"
	@echo "  $(CURDIR)/dossier.json"

# Lint and types: a lint or type error fails `make test`, and so .ci/run.
lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

# pytest's own exit code is make's: 1 (failures) and 5 (no tests collected)
# both fail the target.
test: lint
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python benchmarks/analyze_speed.py

# pip-tools lives in its own throwaway venv so it never enters the locked one.
# Pinned: with the pip 23 that python3.11 -m venv ships, pip-compile drops
# packages pulled in through extras (lxml[html_clean] -> lxml-html-clean).
LOCK_TOOLS := pip==26.3 pip-tools==7.6.2
LOCK_VENV := .venv-lock
LOCK_FLAGS := --quiet --generate-hashes --strip-extras --allow-unsafe \
	--no-emit-index-url --no-emit-find-links
# The extras name each other (all = storyline[web,batch,postgres]), and pip-compile
# then writes the project itself into the lock as an unhashed `storyline @ file://`
# line that --require-hashes refuses (jazzband/pip-tools#2002): drop that line, its
# "via" line and pip-compile's warning about it.
UNSELF := sed -i -E -e '/^\# WARNING: pip install will require the following package to be hashed/d' \
	-e '/^\# Consider using a hashable URL/d' -e '/^storyline @ file:/{N;d}'
lock:
	test -x $(LOCK_VENV)/bin/python || $(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check $(LOCK_TOOLS)
	$(LOCK_VENV)/bin/pip-compile $(LOCK_FLAGS) --output-file requirements.lock pyproject.toml
	$(LOCK_VENV)/bin/pip-compile $(LOCK_FLAGS) --extra all --extra dev --extra train --all-build-deps \
		--output-file requirements-dev.lock pyproject.toml
	$(UNSELF) requirements.lock requirements-dev.lock

# Every script listed here rebuilds its model file(s) under src/storyline/models
# from the training data with a fixed seed and prints its dev figures; add a
# script by adding it to TRAIN_SCRIPTS (they run in this order, and the first
# that fails stops the target). PolNeAR's train and dev splits are not in
# shared/bench: `make polnear` clones the public repository to POLNEAR_DIR.
TRAIN_SCRIPTS ?= train/train_certainty.py train/train_attribution.py train/train_holder.py
POLNEAR_DIR ?= data/polnear
POLNEAR_URL := https://github.com/networkdynamics/PolNeAR

$(POLNEAR_DIR)/data/train:
	git clone --depth 1 $(POLNEAR_URL) $(POLNEAR_DIR)

polnear: $(POLNEAR_DIR)/data/train

# The training packages (the `train` extra) are in requirements-dev.lock, hashed.
train: $(STAMP) polnear
	@set -e; for script in $(TRAIN_SCRIPTS); do \
		echo "== $$script"; \
		POLNEAR_DIR=$(POLNEAR_DIR) PYTHONHASHSEED=0 $(BIN)/python $$script; \
	done

clean:
	rm -rf $(VENV) $(LOCK_VENV) build dist src/*.egg-info .pytest_cache .hypothesis dossier.html dossier.json dossier.md
