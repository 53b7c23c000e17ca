# FlowQL — the two commands a newcomer needs:
#   make lab    install what is missing, build, install the kernel, start JupyterLab on Notebooks/
#   make test   every test: Swift (unit) and Python (real Jupyter clients against the real kernel)

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
# chromium + a font: the JupyterLab client tests drive Debian's browser (never a downloaded one)
# and take screenshots a person can read.
APT_PACKAGES := libzmq3-dev pkg-config libxml2-utils librsvg2-bin chromium fonts-dejavu-core
DEBUG_BIN := .build/debug/flowql
RELEASE_BIN := .build/release/flowql

.PHONY: format lint notebooks lab test deps system-deps python-deps bench-deps build release swift-test python-test clients-test fuzz bench clean

lab: deps release
	$(RELEASE_BIN) install --prefix $(VENV)
	JUPYTER_PLATFORM_DIRS=1 $(VENV)/bin/jupyter lab --ip=127.0.0.1 --no-browser --notebook-dir=Notebooks \
	  $$([ "$$(id -u)" = 0 ] && echo --allow-root)

test: deps lint build swift-test python-test clients-test fuzz

deps: system-deps python-deps

# libzmq and the tools the tests use, from Debian; installed with apt-get when running as root.
system-deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "missing Debian packages: $$missing — run: sudo apt-get install $$missing" >&2; exit 1; \
	  fi; \
	fi

# A virtual environment with the pinned Jupyter packages (requirements.txt).
python-deps: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

build:
	swift build

# Statically linked Swift runtime: faster start-up and a smaller resident set for the kernel.
release:
	swift build -c release --static-swift-stdlib

# Rewrites Notebooks/*.ipynb from Scripts/make_notebooks.py and runs them with the kernel.
notebooks: deps build
	$(DEBUG_BIN) install --prefix .build/notebook-prefix >/dev/null
	JUPYTER_PATH=.build/notebook-prefix/share/jupyter PYTHONPATH=Tests $(PY) Scripts/make_notebooks.py

# The formatter is the toolchain's swift-format, configured by .swift-format (2 spaces, 120 columns).
SWIFT_FILES = $$(git ls-files '*.swift')
format:
	swift format -i -p $(SWIFT_FILES)

lint:
	swift format lint --strict -p $(SWIFT_FILES)

swift-test:
	swift test

python-test: build
	FLOWQL_BIN=$(DEBUG_BIN) $(PY) -m pytest -q Tests/python

# A short libFuzzer run of both targets (Scripts/fuzz.sh 1800 is the long run).
fuzz:
	Scripts/fuzz.sh $(FUZZ_SECONDS)

FUZZ_SECONDS ?= 20
SOAK_EXECUTES ?= 100000

# Figures side by side with ipykernel, pandas and DuckDB, from one run (docs/performance.md).
bench: deps bench-deps release
	$(RELEASE_BIN) install --prefix .build/bench-prefix >/dev/null
	$(PY) -m ipykernel install --prefix .build/bench-prefix >/dev/null
	JUPYTER_PATH=.build/bench-prefix/share/jupyter PYTHONPATH=Tests $(PY) Benchmarks/kernel_bench.py 2>/dev/null
	PYTHONPATH=Tests $(PY) Benchmarks/query_bench.py .build/release/flowql-bench
	.build/release/flowql-bench --verbs
	PYTHONPATH=Tests $(PY) Benchmarks/uncertainty_bench.py .build/release/flowql-bench
	PYTHONPATH=Tests $(PY) Benchmarks/stock_bench.py .build/release/flowql-bench
	JUPYTER_PATH=.build/bench-prefix/share/jupyter PYTHONPATH=Tests $(PY) Benchmarks/soak.py $(SOAK_EXECUTES) 2>/dev/null

bench-deps: $(VENV)/.bench-installed

$(VENV)/.bench-installed: requirements-bench.txt $(VENV)/.installed
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-bench.txt
	touch $@

# Real clients against the real kernel: nbclient, JupyterLab in headless Chromium (Playwright),
# nbconvert, jupyter console. Screenshots land in build/screenshots/.
clients-test: deps build
	FLOWQL_BIN=$(DEBUG_BIN) $(PY) -m pytest -q Tests/clients

clean:
	rm -rf .build $(VENV)
