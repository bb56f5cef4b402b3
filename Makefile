# Two commands set up everything on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-lowest bench fuzz clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -q -e '.[all,dev]'
	touch $(STAMP)

demo: $(STAMP)
	bash examples/demo.sh

# The suite, then a clean install without extras (scripts/smoke-clean-venv): an import
# that pyproject.toml does not declare fails there even when the dev venv has it.
test: $(STAMP)
	@scripts/ensure-chromium
	$(BIN)/python -m pytest -q
	PY=$(PY) scripts/smoke-clean-venv

# Install at the lowest versions pyproject.toml allows (uv's lowest-direct resolution) and
# run the same smoke test: checks the lower bounds. Not part of `make test` (see README).
test-lowest:
	SMOKE_PIP_ARGS='--resolution lowest-direct' PY=$(PY) scripts/smoke-clean-venv --uv

bench: $(STAMP)
	$(BIN)/python -m benchmarks

# a long fuzz run (default 1,000,000 inputs): make fuzz FUZZ_ARGS="--count 20000 --seed 1"
fuzz: $(STAMP)
	$(BIN)/python scripts/fuzz.py $(FUZZ_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info demo-out
