# Two commands matter: `make run` (install and start the wizard) and `make test` (install and test).
# Each creates its own virtual environment in .venv on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench snapshots clean

$(BIN)/wizard: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

run: $(BIN)/wizard
	$(BIN)/wizard

lint: $(BIN)/wizard
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/wizard check trees/ --strict
	$(BIN)/pytest -n 2 --durations=10

snapshots: $(BIN)/wizard
	$(BIN)/pytest tests/app --snapshot-update

bench: $(BIN)/wizard
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
