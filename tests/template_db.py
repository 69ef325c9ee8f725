"""The migrated test database, built once and copied to every pytest worker.

Running every migration from nothing costs a worker about 18 s of a two-core machine. The
first worker to start migrates into a template named by a hash of every migration file, of
the project code those migrations import, of the settings and of the installed packages'
versions; the others wait for it and copy it. A changed migration gives a new name, so no test
ever runs on a stale schema. The template outlives the run and is shared by every clone on
the machine, as pip's or uv's caches are: a second run, or a new clone of the same code,
copies it instead of migrating again.

- SQLite: the template is a file in the user's cache (``$DUIZHAO_TEST_DB_CACHE``, else
  ``$XDG_CACHE_HOME/duizhao/test-db``, else ``~/.cache/duizhao/test-db``), copied page by page
  into the worker's in-memory database (sqlite3's backup API);
- PostgreSQL: a database on the server (``test_duizhao_template_<hash>``), which each worker
  clones with ``CREATE DATABASE ... TEMPLATE``.

Templates of other hashes are removed once nobody is using them (their lock is free) and, for
SQLite, an hour after they were last built.
"""

import ast
import fcntl
import hashlib
import importlib.metadata
import importlib.util
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, connections
from django.db.migrations.loader import MigrationLoader

from tests import index_updates


def _cache_dir() -> Path:
    if folder := os.environ.get("DUIZHAO_TEST_DB_CACHE"):
        return Path(folder)
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache) / "duizhao" / "test-db"


TEMPLATE_DIR = _cache_dir()
PROJECT_DIR = Path(settings.BASE_DIR).resolve()
SETTINGS_DIR = Path(settings.PROJECT_DIR) / "settings"
STALE_AFTER_SECONDS = 3600  # older templates of other hashes are removed after an hour


def _project_file(module: str) -> Path | None:
    """The source file of ``module`` when it is the project's own code, else None."""
    base = PROJECT_DIR.joinpath(*module.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file() and ".venv" not in path.relative_to(PROJECT_DIR).parts:
            return path
    return None


def _imported_modules(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_bytes())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def _project_code_run_by(files: set[Path]) -> set[Path]:
    """The project's modules that these migration files import, directly or not: a data
    migration that calls them writes what they write today."""
    found: set[Path] = set()
    pending = [path for path in files if PROJECT_DIR in path.resolve().parents]
    while pending:
        for module in _imported_modules(pending.pop()):
            path = _project_file(module)
            if path is not None and path not in found and path not in files:
                found.add(path)
                pending.append(path)
    return found


def _migration_files() -> set[Path]:
    files: set[Path] = set()
    for app_config in apps.get_app_configs():
        module, _ = MigrationLoader.migrations_module(app_config.label)
        try:
            spec = importlib.util.find_spec(module) if module else None
        except ImportError:
            spec = None
        for folder in (spec and spec.submodule_search_locations) or ():
            files.update(path.resolve() for path in Path(folder).glob("*.py"))
    return files


def _installed_packages() -> list[str]:
    """Every installed distribution and its version: the data migrations of Wagtail and the
    others run their own package's code, which their migration files do not show. The
    project itself is left out (its files are hashed), and so are repeats: the project's
    metadata is found once more for each time its folder is on ``sys.path``."""
    found = {(dist.metadata["Name"], dist.version) for dist in importlib.metadata.distributions()}
    return sorted(f"{name}=={version}" for name, version in found if name != "duizhao")


def schema_key(vendor: str) -> str:
    """A hash of everything the migrated database depends on."""
    files = _migration_files()
    files |= _project_code_run_by(files) | {path.resolve() for path in SETTINGS_DIR.glob("*.py")}
    # Named the same in every checkout: a clone elsewhere shares the template.
    named = sorted(("/".join(path.parts[-3:]), path.read_bytes()) for path in files)
    digest = hashlib.sha256(vendor.encode())
    # The SQLite file is written by this Python's sqlite3.
    digest.update(f"{sys.version}\0{sqlite3.sqlite_version}\0".encode())
    for package in _installed_packages():
        digest.update(package.encode() + b"\0")
    for name, content in named:
        digest.update(name.encode() + b"\0" + content + b"\0")
    return digest.hexdigest()[:16]


@contextmanager
def _locked(name: str, wait: bool = True) -> Iterator[bool]:
    """One process at a time builds, copies or removes a template (pytest-xdist workers start
    together, and other clones share the templates). Without ``wait``, yields whether the
    lock was free and is now held."""
    TEMPLATE_DIR.mkdir(parents=True, exist_ok=True)
    with open(TEMPLATE_DIR / f"{name}.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@contextmanager
def _test_name(connection, name: str) -> Iterator[None]:
    """Point the connection's test database name at ``name`` while the template is built."""
    test = connection.settings_dict["TEST"]
    saved_test, saved_name = test.get("NAME"), connection.settings_dict["NAME"]
    test["NAME"] = name
    try:
        yield
    finally:
        connection.close()
        test["NAME"] = saved_test
        settings.DATABASES[connection.alias]["NAME"] = saved_name
        connection.settings_dict["NAME"] = saved_name


def _migrate(connection, name: str, verbosity: int) -> None:
    with _test_name(connection, name):
        connection.creation.create_test_db(verbosity=verbosity, autoclobber=True, serialize=False)
        # The rows the data migrations saved (the home page) indexed, as the task worker would.
        index_updates.run_pending()


def _use(connection, name: str) -> None:
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = name
    connection.settings_dict["NAME"] = name
    connection.ensure_connection()


def _remove_stale_sqlite(keep: Path) -> None:
    for path in TEMPLATE_DIR.glob(f"{keep.name.split('-')[0]}-*.sqlite3"):
        if path == keep or time.time() - path.stat().st_mtime <= STALE_AFTER_SECONDS:
            continue
        with _locked(path.stem, wait=False) as free:
            if free:
                path.unlink(missing_ok=True)


def _sqlite_template(connection) -> Path:
    return TEMPLATE_DIR / f"{connection.alias}-{schema_key('sqlite')}.sqlite3"


def _build_sqlite(connection, template: Path, verbosity: int) -> None:
    """Migrate the template unless it is there already (call with its lock held)."""
    if not template.exists():
        building = template.with_name(f"{template.name}.{os.getpid()}.building")
        _migrate(connection, str(building), verbosity)
        os.replace(building, template)
        _remove_stale_sqlite(template)


def _set_up_sqlite(connection, verbosity: int) -> None:
    template = _sqlite_template(connection)
    with _locked(template.stem):
        _build_sqlite(connection, template, verbosity)
        _use(connection, connection.creation._get_test_db_name())
        source = sqlite3.connect(f"file:{template}?mode=ro", uri=True)
        try:
            source.backup(connection.connection)
        finally:
            source.close()


def _database_exists(connection, name: str) -> bool:
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return cursor.fetchone() is not None


POSTGRESQL_PREFIX = "test_duizhao_template_"


def _postgresql_template(connection) -> str:
    return POSTGRESQL_PREFIX + schema_key("postgresql")


def _build_postgresql(connection, template: str, verbosity: int) -> None:
    """Migrate the template unless it is there already, and drop the server's templates of
    other schemas that nobody is using (call with its lock held)."""
    if _database_exists(connection, template):
        return
    quote = connection.ops.quote_name
    building = f"{template}_building"
    _migrate(connection, building, verbosity)
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quote(template)}")
        cursor.execute(f"ALTER DATABASE {quote(building)} RENAME TO {quote(template)}")
        cursor.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
            [POSTGRESQL_PREFIX.replace("_", r"\_") + "%", template],
        )
        stale = [row[0] for row in cursor.fetchall()]
    for name in stale:
        with _locked(name, wait=False) as free:
            if free:
                _drop_quietly(connection, name)


def _set_up_postgresql(connection, verbosity: int) -> None:
    quote = connection.ops.quote_name
    template = _postgresql_template(connection)
    test_name = connection.creation._get_test_db_name()
    with _locked(template):
        _build_postgresql(connection, template, verbosity)
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quote(test_name)}")
            cursor.execute(f"CREATE DATABASE {quote(test_name)} TEMPLATE {quote(template)}")
    _use(connection, test_name)


def _drop_quietly(connection, name: str) -> None:
    """Drop an old template, unless someone is cloning it right now."""
    try:
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)}")
    except DatabaseError:
        pass


def supported() -> bool:
    """Templates replace a fresh migration for in-memory SQLite and for PostgreSQL; a test
    database kept in a file (``make mutants``) is left to pytest-django."""
    for connection in connections.all():
        if connection.vendor == "sqlite":
            if not connection.creation.is_in_memory_db(connection.creation._get_test_db_name()):
                return False
        elif connection.vendor != "postgresql":
            return False
    return True


def set_up(verbosity: int) -> Callable[[], None]:
    """Give every connection its test database, copied from the template; returns the
    teardown."""
    originals = []
    for connection in connections.all():
        originals.append((connection, connection.settings_dict["NAME"]))
        if connection.vendor == "sqlite":
            _set_up_sqlite(connection, verbosity)
        else:
            _set_up_postgresql(connection, verbosity)

    def tear_down() -> None:
        for connection, name in originals:
            if connection.vendor == "postgresql":
                _end_other_sessions(connection)
            connection.creation.destroy_test_db(name, verbosity)

    return tear_down


def _end_other_sessions(connection) -> None:
    """Threads of this worker (a live server, a test's concurrent readers or writers) can leave
    a session open on the test database, and PostgreSQL refuses to drop a database in use."""
    test_name = connection.settings_dict["NAME"]
    connection.close()
    with connection._nodb_cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            [test_name],
        )


def build(verbosity: int = 0) -> None:
    """Migrate the templates of the configured databases now, if they are missing, without a
    test run: CI builds PostgreSQL's while the SQLite run uses the machine, so that the
    PostgreSQL run's workers only copy it."""
    for connection in connections.all():
        if connection.vendor == "sqlite":
            template = _sqlite_template(connection)
            with _locked(template.stem):
                _build_sqlite(connection, template, verbosity)
        else:
            name = _postgresql_template(connection)
            with _locked(name):
                _build_postgresql(connection, name, verbosity)
