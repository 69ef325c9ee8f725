# Duizhao: `make run` serves the demo site on SQLite; `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint format check venv clean bench mutants

$(STAMP): pyproject.toml requirements/constraints.txt package-lock.json
	$(PYTHON) -m venv $(VENV)
	# uv installs the pinned packages in 17 s where pip took 27 (CI builds a new environment for
	# every run). Compiled ahead, as pip compiles them: where bytecode is not written
	# (PYTHONDONTWRITEBYTECODE), every process would compile Django and Wagtail again.
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt uv
	$(BIN)/uv pip install --python $(BIN)/python --quiet --compile-bytecode -c requirements/constraints.txt -e ".[dev]"
	# axe-core for the browser tests' accessibility scan; without npm that scan is skipped.
	if command -v npm >/dev/null; then npm ci --no-audit --no-fund --silent; fi
	touch $(STAMP)

# The test processes' frame-chunk cache (tests/native/datastack_cache.c), where a C compiler is.
NATIVE := $(VENV)/.native-stamp
$(NATIVE): tests/native/datastack_cache.c tests/native/build.py $(STAMP)
	$(BIN)/python tests/native/build.py
	touch $(NATIVE)

venv: $(STAMP) $(NATIVE)

run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# One pytest worker per core (TEST_WORKERS=0 runs in one process). A worker that runs out of
# tests takes half of the other's queue (worksteal): handed out in fixed chunks, the last tests
# kept one worker busy for 35-47 s after the other had finished. Bytecode is written even
# where PYTHONDONTWRITEBYTECODE is set: the workers, and the servers and commands the tests
# start, then load the project and the rewritten tests compiled (collection: 5.4 s to 2.8 s).
TEST_WORKERS ?= auto
test: $(STAMP) $(NATIVE)
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: $(STAMP)
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run --noinput

# Mutation testing of the rule modules listed under [tool.mutmut] in pyproject.toml: before a
# release, not in CI (it takes a while). The test database is kept in a file between mutants.
mutants: $(STAMP)
	mkdir -p var
	DUIZHAO_TEST_DB_FILE=$(CURDIR)/var/mutants-test.sqlite3 $(BIN)/mutmut run --max-children 2
	$(BIN)/mutmut results

clean:
	rm -rf $(VENV) db.sqlite3 var mutants node_modules tests/native/_datastack_cache*.so
