# Crossing Borders Together -- build and test from nothing.
#   make book     HTML book in _build/html (warnings are errors, a failing notebook fails it)
#   make test     everything: lint, library, notebooks, built book, browser
#   make student  student edition (no solutions) in _build/student
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
PY      := $(BIN)/python
STAMP   := $(VENV)/.installed
MATHJAX := _assets/mathjax/es5/tex-mml-chtml.js
SHARED  := ../shared
JB_FLAGS := -W -n --keep-going
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg

.PHONY: help install book test lint unit notebooks book-tests overlap student clean set-repo bench

help:
	@echo "make book | make test | make student | make bench | make clean | make set-repo URL=..."

# --- setup ------------------------------------------------------------------
$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	$(PY) -m ipykernel install --prefix $(VENV) --name python3 >/dev/null
	touch $@

# MathJax 3 served by the book itself (from a PyPI wheel, so setup stays pip-only).
$(MATHJAX): $(STAMP)
	rm -rf _assets/mathjax
	mkdir -p _assets/mathjax
	src=$$($(PY) -c "import mathjax, pathlib; print(pathlib.Path(mathjax.__file__).parent / 'static/mathjax/es5')"); \
	  mkdir -p _assets/mathjax/es5 && cp $$src/tex-mml-chtml.js _assets/mathjax/es5/ && cp -r $$src/output _assets/mathjax/es5/
	test -f $@

install: $(STAMP) $(MATHJAX)

# --- the book ------------------------------------------------------------------
book: install
	rm -rf _build/html _build/jupyter_execute _build/.doctrees
	mkdir -p _build
	MIGCOOP_STATIC=1 $(BIN)/jupyter-book build . $(JB_FLAGS) 2>&1 | tee _build/build.log
	@echo "Book built in _build/html (open _build/html/index.html)."

# The student edition reuses the executed chapters of the instructor build.
student: install
	test -d _build/jupyter_execute/chapters || $(MAKE) book
	$(PY) tools/student_edition.py

# --- tests -------------------------------------------------------------------
lint: install
	$(BIN)/ruff check lib tests tools benchmarks _ext chapters

unit: install
	$(PY) -m pytest -q -m "not book and not browser" --doctest-modules lib tests

notebooks: install
	$(PY) -m pytest -q -p no:cacheprovider --nbval-lax -n 2 --dist loadfile chapters

book-tests: book
	$(PY) tools/student_edition.py
	$(PY) -m pytest -q -m "book" tests

overlap:
	@if [ -f $(SHARED)/tools/source_overlap.py ]; then \
	  python3 $(SHARED)/tools/source_overlap.py . ; \
	else echo "no ../shared: source-overlap check skipped"; fi

test: lint unit notebooks book-tests overlap
	@echo "All checks passed."

bench: install
	MPLBACKEND=Agg $(PY) benchmarks/redraw.py

set-repo:
	@test -n "$(URL)" || (echo "usage: make set-repo URL=https://github.com/you/repo" && exit 2)
	$(PY) tools/set_repository.py "$(URL)"

clean:
	rm -rf _build _assets/mathjax
