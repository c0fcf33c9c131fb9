# Crossing Borders Together -- build and test from nothing.
#   make book     HTML book in _build/html (warnings are errors, a failing notebook fails it)
#                 and its two PDFs (linked from the front page); `make html` for the HTML alone
#   make test     everything: lint, library, notebooks, built book, browser, PDFs, Binder env
#   make student  student edition (no answers): HTML in _build/student/html, the notebooks for the
#                 course's student repository in _build/student/repo (STUDENT_REPO=... below)
#   make pdf      whole-book PDF, instructor's edition: _build/pdf/book.pdf
#   make answer-key   instructor-only answer key: _build/instructor/answer-key.{json,html}
#   make assignments  nbgrader course directory, one assignment a chapter: _build/nbgrader
#   make student-pdf  the same without solutions: _build/pdf/book-student.pdf
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
PY      := $(BIN)/python
STAMP   := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
SHARED  := ../shared
JB_FLAGS := -W -n --keep-going
# Browser tooling for the browser, accessibility and PDF steps: Debian's Chromium and
# poppler-utils (apt-get, as root or with sudo, only when missing) and axe-core from npm
# (pinned in package-lock.json, installed with `npm ci`). Nothing is downloaded at run time.
CHROMIUM ?= /usr/bin/chromium
AXE      := node_modules/axe-core/axe.min.js
export PYTHONHASHSEED := 0
# The explorers' frame chunks and figure font, written by the HTML build and served by every
# edition (_ext/explorer_assets.py): the student edition and the PDFs build from copies.
export MIGCOOP_FRAMES_DIR := $(CURDIR)/_build/frames
# No global MPLBACKEND: chapter kernels need Jupyter's inline backend, or a figure they
# display is written to the book as "<Figure size ...>" text instead of a picture.

.PHONY: help install book html test lint unit notebooks book-tests overlap student clean set-repo bench sync \
        browser-deps browser-tests pdf student-pdf pdf-tests publish-pdfs binder-test \
        answer-key check-hashes assignments nbgrader-test jupyterlab-test

help:
	@echo "make book | make test | make sync | make student | make pdf | make student-pdf | make answer-key | make assignments | make bench | make clean | make set-repo URL=..."

# --- setup ------------------------------------------------------------------
$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	$(PY) -m ipykernel install --prefix $(VENV) --name python3 >/dev/null
	touch $@

# Node packages (package-lock.json, `npm ci`): MathJax and Font Awesome's SVG icons, which
# tools/finish_pages.mjs draws into every built page (no MathJax or icon script in the book),
# and axe-core for the browser tests.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(STAMP) $(NODE_STAMP)

# --- the book ------------------------------------------------------------------
html: install
	rm -rf _build/html _build/jupyter_execute _build/.doctrees _assets/mathjax
	mkdir -p _build
	rm -rf _build/frames && mkdir -p _build/frames
	$(PY) tools/figure_fonts.py _build/frames
	MIGCOOP_STATIC=1 $(BIN)/jupyter-book build . $(JB_FLAGS) 2>&1 | tee _build/build.log
	node tools/finish_pages.mjs _build/html
	$(PY) tools/slim_site.py _build/html
	@echo "Book built in _build/html (open _build/html/index.html)."

# The front page links the PDFs, so the book includes them (the two editions print in parallel).
book: html
	$(MAKE) --no-print-directory -j2 pdf student-pdf

# --- print edition: one PDF of the whole book, printed by headless Chromium ----------
# Both reuse the chapters executed by the HTML build (`make html` first when missing).
pdf: install browser-deps
	test -d _build/jupyter_execute/chapters || $(MAKE) html
	$(PY) tools/pdf_book.py instructor
	$(MAKE) --no-print-directory publish-pdfs

student-pdf: install browser-deps
	test -d _build/jupyter_execute/chapters || $(MAKE) html
	$(PY) tools/pdf_book.py student
	$(MAKE) --no-print-directory publish-pdfs

# Copy the PDFs that exist next to the sites that link them (the student site gets only its own).
publish-pdfs:
	@if [ -d _build/html ]; then mkdir -p _build/html/pdf; \
	  for f in _build/pdf/book.pdf _build/pdf/book-student.pdf; do [ ! -f $$f ] || cp $$f _build/html/pdf/; done; fi
	@if [ -d _build/student/html ] && [ -f _build/pdf/book-student.pdf ]; then \
	  mkdir -p _build/student/html/pdf && cp _build/pdf/book-student.pdf _build/student/html/pdf/; fi

# The student edition reuses the executed chapters of the instructor build. Its launch buttons
# open the course's student repository: push _build/student/repo/ there and name it with
#   make student STUDENT_REPO=https://github.com/<course>/<repo>
# (default: the book's repository.url in _config.yml with "-student" appended).
STUDENT_REPO ?=
export STUDENT_REPO
student: install
	test -d _build/jupyter_execute/chapters || $(MAKE) book
	$(PY) tools/student_edition.py
	$(MAKE) --no-print-directory publish-pdfs

# --- tests -------------------------------------------------------------------
# Lint: Python (ruff), the GitHub workflows and Dependabot config (actionlint; zizmor with no
# network), spelling (codespell, configured in pyproject.toml), notebooks stored clean, and the
# pre-commit config. The workflows cannot run here, so this is where they are checked.
lint: install
	$(BIN)/ruff check lib tests tools benchmarks _ext chapters
	$(BIN)/actionlint
	$(BIN)/zizmor --offline --no-progress --quiet .github
	$(BIN)/codespell
	$(PY) tools/check_clean_notebooks.py chapters/*.ipynb
	$(BIN)/pre-commit validate-config .pre-commit-config.yaml

unit: install
	MPLBACKEND=Agg $(PY) -m pytest -q -n 2 -m "not book and not browser" --doctest-modules lib tests \
	  --ignore=tests/book/test_binder_env.py --ignore=tests/book/test_nbgrader.py \
	  --ignore=tests/book/test_jupyterlab.py

notebooks: install
	$(PY) -m pytest -q -p no:cacheprovider --nbval-lax -n 2 --dist loadfile chapters

# The built book and the student edition; tests/book/test_student.py also runs every student
# notebook once in a fresh kernel and checks that no exercise's answer is left in its namespace.
book-tests: book
	$(PY) tools/student_edition.py
	$(MAKE) --no-print-directory publish-pdfs
	$(PY) -m pytest -q -m "book" tests/book

# --- browser: every page in headless Chromium, network cut off; axe-core; dark; phone
browser-deps: $(AXE)
	@missing=""; \
	  test -x $(CHROMIUM) || missing="$$missing chromium"; \
	  { command -v pdftotext && command -v pdfimages && command -v pdfinfo; } >/dev/null || missing="$$missing poppler-utils"; \
	  { command -v fc-list >/dev/null && fc-list | grep -qi dejavu; } || missing="$$missing fonts-dejavu-core"; \
	  if [ -n "$$missing" ]; then \
	    echo "apt-get install:$$missing"; \
	    if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi; \
	    $$sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -q $$missing; \
	  fi
	@test -x $(CHROMIUM) || { echo "no Chromium at $(CHROMIUM)"; exit 1; }

$(AXE): $(NODE_STAMP)
	test -f $@ && touch $@

browser-tests: book browser-deps
	# One Playwright session a process: the page suite runs beside the navigation and math
	# suites (two cores), each writing its own log; all must pass.
	CHROMIUM=$(CHROMIUM) $(PY) -m pytest -q -p no:cacheprovider tests/book/test_browser.py \
	  > _build/browser-pages.log 2>&1 & pages=$$!; \
	  reader=0; : > _build/browser-reader.log; \
	  for suite in test_reader_nav test_reader_math; do \
	    CHROMIUM=$(CHROMIUM) $(PY) -m pytest -q -p no:cacheprovider tests/book/$$suite.py \
	      >> _build/browser-reader.log 2>&1 || reader=1; \
	  done; \
	  status=0; wait $$pages || status=1; \
	  tail -n 25 _build/browser-pages.log _build/browser-reader.log; \
	  test $$status -eq 0 && test $$reader -eq 0

pdf-tests: book browser-deps
	$(PY) -m pytest -q -p no:cacheprovider tests/book/test_pdf.py

# --- Binder: a fresh venv from requirements.txt alone runs every chapter -----------
binder-test: install
	$(PY) -m pytest -q -p no:cacheprovider tests/book/test_binder_env.py

# --- live JupyterLab: that fresh env's JupyterLab runs every chapter in headless Chromium --------
# Run All, widgets, slider tracks, drag and keys, MyST and math rendering, console, extensions;
# key-to-figure medians go to _build/jupyterlab-timings.json (benchmarks/jupyterlab_keys.py).
# Includes binder-test's checks: one session, so the environment is built once.
jupyterlab-test: install browser-deps
	CHROMIUM=$(CHROMIUM) $(PY) -m pytest -q -p no:cacheprovider \
	  tests/book/test_binder_env.py tests/book/test_jupyterlab.py

# --- instructor: answer key, check() digests, graded assignments (nbgrader) ------------------
# The answers live in tools/answer_key.py, outside the installed package. `make answer-key`
# prints them (JSON + a printable page) for the instructor only; `make check-hashes` rewrites
# the salted digests check() compares with (a unit test fails when they are stale).
answer-key: install
	$(PY) tools/answer_key.py key

check-hashes: install
	$(PY) tools/answer_key.py digests

# One nbgrader assignment a chapter in _build/nbgrader (source/chNN/chNN.ipynb).
assignments: install
	$(PY) tools/assignments.py

# nbgrader in its own environment (_build/nbgrader-env, from requirements-nbgrader.txt):
# generate and autograde every chapter for a blank, a right and a wrong submission.
nbgrader-test: install
	$(PY) -m pytest -q -p no:cacheprovider -s tests/book/test_nbgrader.py

overlap:
	@if [ -f $(SHARED)/tools/source_overlap.py ]; then \
	  python3 $(SHARED)/tools/source_overlap.py . ; \
	else echo "no ../shared: source-overlap check skipped"; fi

test: lint unit notebooks book-tests browser-tests pdf-tests jupyterlab-test nbgrader-test overlap
	@echo "All checks passed."

# A chapter's source is chapters/NN_name.md (MyST Markdown); its paired .ipynb follows it.
sync: install
	$(BIN)/jupytext --quiet --sync chapters/*.md

bench: install
	MPLBACKEND=Agg $(PY) benchmarks/redraw.py

set-repo:
	@test -n "$(URL)" || (echo "usage: make set-repo URL=https://github.com/you/repo" && exit 2)
	$(PY) tools/set_repository.py "$(URL)"

clean:
	rm -rf _build _assets/mathjax node_modules
