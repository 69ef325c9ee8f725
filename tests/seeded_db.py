"""Seeded content written back from recorded rows instead of rebuilt by every test.

Loading the demo content costs more than a second a test (revisions, publishing, the
jieba-segmented search index) and nearly two hundred tests ask for it; the two editorial desks
cost nearly as much for another hundred. The first time a worker loads one, the rows the loader
wrote are recorded table by table; after that the content is those rows, written straight into
the tables inside the test's transaction, and the test's rollback removes them as before. What
a loader does outside the database (words it teaches the search segmenter) was done when it
was recorded, in this same process.

A recording is written back only onto the state it was recorded on: the whole database holds
exactly the migrated baseline's rows, under the same overridden settings and language.
Anything else (a fixture that wrote rows first, a test that changed a setting) runs the loader
for real. After a test that committed (a transactional test), the tables it changed get their
baseline rows back, in place of Django's flush (tests/conftest.py).
"""

import copy
import dataclasses
import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from django.conf import UserSettingsHolder, settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.db import connection, models, transaction
from django.utils import translation

from tests import index_updates

# SQLite full-text tables are kept in step with their source table by its triggers.
FTS_SHADOW_SUFFIXES = ("data", "idx", "content", "docsize", "config")
# Rows as read from one table: value tuples (SQLite) or COPY text (PostgreSQL).
Rows = Any
T = TypeVar("T")


@dataclasses.dataclass
class _Recording:
    tables: dict[str, Rows]
    result: Any


_baseline: dict[str, Rows] = {}
_recordings: dict[Hashable, _Recording] = {}
# The test database's columns (SQLite) and counters (PostgreSQL) of each table, by database.
_columns: dict[tuple[str, str], list[str]] = {}
_sequences: dict[tuple[str, str], list[dict]] = {}
# Whether the running test writes only through this thread's connection, inside the
# transaction rolled back at its end (set for each test by tests/conftest.py).
rolled_back_test = False
# SQLite: the connection and its count of changed rows when last known at the baseline.
_clean_changes: tuple[int, int] | None = None


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _sqlite_tables(cursor) -> list[str]:
    cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
    found = cursor.fetchall()
    virtual = {name for name, sql in found if (sql or "").upper().startswith("CREATE VIRTUAL")}
    skipped = virtual | {f"{name}_{suffix}" for name in virtual for suffix in FTS_SHADOW_SUFFIXES}
    names = [name for name, _ in found if name not in skipped and not name.startswith("sqlite_")]
    # Last, so that rows written with explicit ids cannot move a counter past its recording.
    return [*sorted(names), "sqlite_sequence"]


def _sqlite_columns(cursor, table: str) -> list[str]:
    key = (connection.settings_dict["NAME"], table)
    if key not in _columns:
        cursor.execute(f"PRAGMA table_info({_quote(table)})")
        _columns[key] = [row[1] for row in cursor.fetchall()]
    return _columns[key]


def _sqlite_read(cursor, table: str) -> Rows:
    # "+column" is an expression, so no type converter turns stored text into Python objects.
    columns = ", ".join(f"+{_quote(column)}" for column in _sqlite_columns(cursor, table))
    cursor.execute(f"SELECT {columns} FROM {_quote(table)} ORDER BY rowid")  # noqa: S608
    return cursor.fetchall()


def _sqlite_write(cursor, table: str, rows: Rows) -> None:
    columns = _sqlite_columns(cursor, table)
    cursor.execute(f"DELETE FROM {_quote(table)}")  # noqa: S608
    if rows:
        names = ", ".join(_quote(column) for column in columns)
        marks = ", ".join(["%s"] * len(columns))
        cursor.executemany(f"INSERT INTO {_quote(table)} ({names}) VALUES ({marks})", rows)  # noqa: S608


def _postgresql_read(cursor, table: str) -> Rows:
    with cursor.copy(f"COPY {_quote(table)} TO STDOUT") as copy:
        return b"".join(bytes(block) for block in copy)


def _postgresql_write(cursor, tables: dict[str, Rows]) -> None:
    """In two round trips and one COPY per table, not four round trips per table: each is a
    wait on the server, and a write-back of the demo content spent most of its 40 ms waiting."""
    deletes = " ".join(f"DELETE FROM {_quote(table)};" for table in tables)  # noqa: S608
    cursor.execute(f"DO $$ BEGIN {deletes} END $$")
    for table, rows in tables.items():
        if rows:
            with cursor.copy(f"COPY {_quote(table)} FROM STDIN") as copy:
                copy.write(rows)
    counters, names = [], []
    for table in tables:
        for sequence in _postgresql_sequences(cursor, table):
            column, quoted_table = _quote(sequence["column"]), _quote(table)
            counters.append(
                f"setval(%s, COALESCE((SELECT MAX({column}) FROM {quoted_table}), 1),"  # noqa: S608
                f" (SELECT MAX({column}) FROM {quoted_table}) IS NOT NULL)"
            )
            names.append(sequence["name"])
    if counters:
        cursor.execute(f"SELECT {', '.join(counters)}", names)


def _postgresql_sequences(cursor, table: str) -> list[dict]:
    key = (connection.settings_dict["NAME"], table)
    if key not in _sequences:
        _sequences[key] = connection.introspection.get_sequences(cursor, table)
    return _sequences[key]


def _tables(cursor) -> list[str]:
    if connection.vendor == "sqlite":
        return _sqlite_tables(cursor)
    return sorted(connection.introspection.table_names(cursor))


def _read(tables: list[str]) -> dict[str, Rows]:
    reader = _sqlite_read if connection.vendor == "sqlite" else _postgresql_read
    with connection.cursor() as cursor:
        return {table: reader(cursor, table) for table in tables}


def _read_all() -> dict[str, Rows]:
    with connection.cursor() as cursor:
        tables = _tables(cursor)
    return _read(tables)


def _same(rows: Rows, other: Rows) -> bool:
    if isinstance(rows, bytes) and isinstance(other, bytes):
        # COPY gives rows in storage order, which an update that was rolled back can change.
        return sorted(rows.split(b"\n")) == sorted(other.split(b"\n"))
    return rows == other


def _write(tables: dict[str, Rows]) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for table, rows in tables.items():
                _sqlite_write(cursor, table, rows)
        elif tables:
            _postgresql_write(cursor, tables)
    # Rows changed behind the ORM's back: nothing cached about them may outlive the write.
    for cache in caches.all():
        cache.clear()
    ContentType.objects.clear_cache()


def _context() -> str:
    """What else a loader's rows depend on: overridden settings and the active language."""
    overrides = []
    wrapped = settings._wrapped
    while isinstance(wrapped, UserSettingsHolder):
        overrides.append(sorted((name, repr(value)) for name, value in vars(wrapped).items()))
        wrapped = wrapped.default_settings
    return repr((overrides, translation.get_language()))


def changed_tables() -> list[str]:
    """The tables whose rows differ from the migrated baseline's."""
    current = _read_all()
    return sorted(
        table
        for table in current.keys() | _baseline.keys()
        if table not in current
        or table not in _baseline
        or not _same(current[table], _baseline[table])
    )


def at_baseline() -> bool:
    """Whether every table holds exactly the migrated baseline's rows."""
    return _nothing_written_yet() or not changed_tables()


def note_clean() -> None:
    """Remember this moment (between tests) as one when the database is at the baseline."""
    global _clean_changes
    if _baseline and connection.vendor == "sqlite":
        _clean_changes = _sqlite_changes()


def _sqlite_changes() -> tuple[int, int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT total_changes()")
        return id(connection.connection), cursor.fetchone()[0]


def _nothing_written_yet() -> bool:
    """Whether the running test has written no row yet, known without reading every table
    (which took 4 ms on SQLite and 12 ms on PostgreSQL, before each seeded load)."""
    if not rolled_back_test or threading.current_thread() is not threading.main_thread():
        return False
    if connection.vendor == "sqlite":
        return _clean_changes is not None and _sqlite_changes() == _clean_changes
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # A transaction is given its id when it first writes or locks a row.
            cursor.execute("SELECT pg_current_xact_id_if_assigned() IS NULL")
            return cursor.fetchone()[0]
    return False


def record_baseline() -> None:
    """Remember the freshly set-up test database, before any test has touched it."""
    _baseline.clear()
    _baseline.update(_read_all())
    _recordings.clear()
    note_clean()


def restore_baseline() -> None:
    """Write back the baseline's rows in every table that differs from it (after a test that
    committed)."""
    if not _baseline:
        return
    current = _read_all()
    _write(
        {table: rows for table, rows in _baseline.items() if not _same(current.get(table), rows)}
    )


def _fresh(value: Any) -> Any:
    """``value`` with every model instance in it read again from the database."""
    if isinstance(value, models.Model):
        return type(value)._default_manager.get(pk=value.pk)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {
            field.name: _fresh(getattr(value, field.name))
            for field in dataclasses.fields(value)
            if field.init
        }
        return dataclasses.replace(value, **fields)
    if isinstance(value, dict):
        return {key: _fresh(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set):
        return type(value)(_fresh(item) for item in value)
    return value


def seeded(name: Hashable, load: Callable[[], T]) -> T:
    """``load()``, or the rows it wrote the first time written back, with the same result:
    dataclasses, dicts and lists of model instances and plain values, read again."""
    if not _baseline or not at_baseline():
        return load()
    key = (name, _context())
    recording = _recordings.get(key)
    if recording is not None:
        _write(recording.tables)
        return _fresh(recording.result)
    result = load()
    index_updates.run_pending()  # its index rows are part of what it wrote
    changed = {
        table: rows for table, rows in _read_all().items() if not _same(rows, _baseline.get(table))
    }
    _recordings[key] = _Recording(changed, copy.deepcopy(result))
    return result
