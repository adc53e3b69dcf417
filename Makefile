# Two entry points on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEMO_DB ?= demo.duckdb

.PHONY: demo dashboard test bench clean

$(BIN)/bilat: pyproject.toml requirements.txt requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-test.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(BIN)/bilat

demo: $(BIN)/bilat
	rm -f $(DEMO_DB)
	$(BIN)/bilat ingest examples/seeds --db $(DEMO_DB)
	$(BIN)/bilat timeline PAK USA --db $(DEMO_DB)
	@echo
	@echo "Dashboard on these samples: make dashboard   (or: $(BIN)/bilat serve --db $(DEMO_DB))"
	@echo "bilat is installed in $(BIN)/bilat; to type 'bilat' in this shell: source $(BIN)/activate"

# The dashboard and REST API on the samples, at http://127.0.0.1:8000/ (Ctrl-C stops).
dashboard: $(BIN)/bilat
	test -f $(DEMO_DB) || $(BIN)/bilat ingest examples/seeds --db $(DEMO_DB)
	$(BIN)/bilat serve --db $(DEMO_DB)

test: $(BIN)/bilat
	$(BIN)/python -m pytest -q

bench: $(BIN)/bilat
	$(BIN)/python benchmarks/bench_code.py

clean:
	rm -rf $(VENV) $(DEMO_DB) build dist src/*.egg-info
