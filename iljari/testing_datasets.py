"""Test support: the demo datasets (the organisation, the 2018 report) loaded once per test session and put back
into every test that asks for them.

The first test of a session that needs a dataset makes the session capture all of them: their loaders run through
the services, as `iljari demo` runs them, in a transaction that is rolled back, and `Snapshot` keeps what each
loader wrote — per table, the new rows as the database stores them. A test then gets a dataset back with one
set-based INSERT per table (`executemany`; COPY on PostgreSQL) inside its own transaction, which rolls back as
usual (a `transactional_db` test's flush empties the tables as it always does):

- the rows keep their primary keys, so the ids match between the layers (the report's programmes point at the
  organisation's units) and match what the loader gives a fresh database; on PostgreSQL each sequence is then set
  past the largest id;
- the change history takes new ids instead, after the entries the test already wrote (a persona's), as the
  loader would have numbered them (the entries name their rows by those rows' kept ids);
- every time the loader wrote as "now" (created/updated stamps, the change history's timestamps, a password's
  change time: any value between the loader's start and end) moves forward by the time since the capture, so it
  reads as written just before the test (at most `STALE` before it), in the same order;
- references to content types follow the content types' current ids (a `transactional_db` test's flush makes
  them anew with other ids).

When a dataset cannot go back as captured — the test already wrote a row the dataset holds (same id or same unique
key) — its loader simply runs again, as it did before this cache existed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from auditlog.models import LogEntry
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import IntegrityError, connection, models, transaction
from django.test import override_settings
from django.utils import timezone

from iljari.demo.loader import load_org
from iljari.demo.report2018_loader import load_report2018
from iljari.testing import PERSONAS, make_persona


def load_personas() -> None:
    for persona in PERSONAS.values():
        make_persona(persona)


# name -> (loader, the datasets it is loaded on top of), in the order they are captured
DATASETS: dict[str, tuple[Callable[[], None], tuple[str, ...]]] = {
    "org": (load_org, ()),
    "report2018": (load_report2018, ("org",)),
    "personas": (load_personas, ("org",)),
}
# The settings the tests' autouse fixtures set (iljari/conftest.py) that change what a loader writes.
CAPTURE_SETTINGS = {"PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"]}


@dataclass
class Table:
    model: type[models.Model]
    columns: list[str]
    rows: list[tuple]
    keep_ids: bool  # False: the change history, whose rows take new ids after the test's own
    # column -> per row, the time the loader wrote (moved on when replayed), or None for a value it was given
    stamps: dict[str, list[datetime | None]] = field(default_factory=dict)


@dataclass
class Snapshot:
    name: str
    tables: list[Table]
    captured_at: datetime  # when the loader had finished
    content_types: dict[int, tuple[str, str]]  # id at capture -> (app label, model)


_snapshots: dict[str, Snapshot | None] = {}  # None: the loader changed rows it did not write; it runs each time


def _models() -> dict[str, type[models.Model]]:
    return {
        model._meta.db_table: model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


def _columns(model) -> list[str]:
    return [f.column for f in model._meta.local_concrete_fields]


def _read(model) -> dict:
    """The table's rows, pk -> row, as the database gives them (text on PostgreSQL, through COPY)."""
    table, columns = model._meta.db_table, _columns(model)
    pk_index = columns.index(model._meta.pk.column)
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    if connection.vendor == "postgresql":
        statement = f"COPY (SELECT {quoted} FROM {connection.ops.quote_name(table)}) TO STDOUT"  # noqa: S608 - names from the models # nosec B608
        with connection.wrap_database_errors, connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
            rows = list(copy.rows())
    else:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {quoted} FROM {connection.ops.quote_name(table)}")  # noqa: S608 - names from the models # nosec B608
            rows = cursor.fetchall()
    return {row[pk_index]: tuple(row) for row in rows}


def _sort_key(pk):
    return int(pk) if isinstance(pk, str) and pk.isdecimal() else pk


def _dependency_order(tables: list[Table]) -> list[Table]:
    """Referenced tables before the tables that point at them (a self-reference aside)."""
    by_table = {table.model._meta.db_table: table for table in tables}
    ordered: list[Table] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen:
            return
        seen.add(name)
        for f in by_table[name].model._meta.local_concrete_fields:
            if f.is_relation and f.related_model is not None:
                target = f.related_model._meta.db_table
                if target in by_table:
                    visit(target)
        ordered.append(by_table[name])

    for name in by_table:
        visit(name)
    return ordered


def _capture_layer(name: str, loader: Callable[[], None], tables: dict[str, type[models.Model]]) -> Snapshot | None:
    before = {table: _read(model) for table, model in tables.items()}
    started = timezone.now()
    loader()
    captured_at = timezone.now()  # the replayed stamps move on by the time since: the last of them reads as now
    captured: list[Table] = []
    for table, model in tables.items():
        after = _read(model)
        old = before[table]
        if any(pk not in after or after[pk] != row for pk, row in old.items()):
            return None  # it changed or removed rows that were there: replaying new rows would not be the same
        new = sorted((pk for pk in after if pk not in old), key=_sort_key)
        if not new:
            continue
        columns = _columns(model)
        keep_ids = model is not LogEntry
        stamps = {}
        times = [f for f in model._meta.local_concrete_fields if isinstance(f, models.DateTimeField)]
        if times:
            values = {
                str(row[0]): row[1:]
                for row in model._base_manager.filter(pk__in=[_sort_key(pk) for pk in new]).values_list(
                    model._meta.pk.attname, *[f.attname for f in times]
                )
            }
            for index, time_field in enumerate(times):
                written = [values[str(pk)][index] for pk in new]
                written = [
                    value if value is not None and started <= value <= captured_at else None for value in written
                ]
                if any(written):
                    stamps[time_field.column] = written
        captured.append(Table(model, columns, [after[pk] for pk in new], keep_ids, stamps))
    content_types = {ct.id: (ct.app_label, ct.model) for ct in ContentType.objects.all()}
    return Snapshot(name, _dependency_order(captured), captured_at, content_types)


def datasets_capture() -> None:
    """Run every dataset's loader once in a transaction that is rolled back, and keep what each one wrote.
    Called by the session fixture `_datasets` (iljari/conftest.py) outside any test's transaction."""
    if _snapshots:
        return
    tables = _models()
    with override_settings(**CAPTURE_SETTINGS), transaction.atomic():
        for name, (loader, _after) in DATASETS.items():
            _snapshots[name] = _capture_layer(name, loader, tables)
        transaction.set_rollback(True)
    ContentType.objects.clear_cache()


def _content_type_columns(model) -> list[int]:
    return [
        index
        for index, f in enumerate(model._meta.local_concrete_fields)
        if f.is_relation and f.related_model is ContentType
    ]


def _content_types() -> tuple[tuple[int, str, str], ...]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, app_label, model FROM django_content_type ORDER BY id")
        return tuple((int(pk), app_label, name) for pk, app_label, name in cursor.fetchall())


def _rows(snapshot: Snapshot, table: Table, now: datetime, content_types) -> tuple[list[str], list[tuple]]:
    """The table's rows as they go back: timestamps moved on to `now`, content types renumbered to the current
    ones, ids dropped where the table takes new ones."""
    model, columns = table.model, table.columns
    rows = [list(row) for row in table.rows]
    if table.stamps:
        shift = now - snapshot.captured_at
        for column, values in table.stamps.items():
            index = columns.index(column)
            stamp_field = next(f for f in model._meta.local_concrete_fields if f.column == column)
            for row, value in zip(rows, values, strict=True):
                if value is not None:
                    row[index] = stamp_field.get_db_prep_value(value + shift, connection)
    ct_columns = _content_type_columns(model)
    if ct_columns:
        current = {(app_label, name): pk for pk, app_label, name in content_types}
        renumber = {old: current[key] for old, key in snapshot.content_types.items() if key in current}
        for row in rows:
            for index in ct_columns:
                if row[index] is not None:
                    row[index] = renumber[int(row[index])]
    if not table.keep_ids:
        pk_index = columns.index(model._meta.pk.column)
        columns = [column for index, column in enumerate(columns) if index != pk_index]
        rows = [[value for index, value in enumerate(row) if index != pk_index] for row in rows]
    return columns, [tuple(row) for row in rows]


# The rows as they last went back, per dataset: (the time their stamps were moved to, the content types then,
# [(table, columns, rows)]). Reused while the content types are the same and the stamps at most STALE old: the
# stamps then read a few seconds before the test began, still before anything the test writes.
_prepared: dict[str, tuple[datetime, tuple, list[tuple[str, list[str], list[tuple]]]]] = {}
STALE = timedelta(seconds=10)


def _prepared_rows(snapshot: Snapshot) -> list[tuple[str, list[str], list[tuple]]]:
    now = timezone.now()
    content_types = _content_types()
    kept = _prepared.get(snapshot.name)
    if kept and kept[1] == content_types and kept[0] <= now < kept[0] + STALE:
        return kept[2]
    prepared = [(table.model._meta.db_table, *_rows(snapshot, table, now, content_types)) for table in snapshot.tables]
    _prepared[snapshot.name] = (now, content_types, prepared)
    return prepared


def _insert(table_name: str, columns: list[str], rows: list[tuple]) -> None:
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            statement = f"COPY {quote(table_name)} ({names}) FROM STDIN"
            with connection.wrap_database_errors, cursor.cursor.copy(statement) as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            statement = f"INSERT INTO {quote(table_name)} ({names}) VALUES ({marks})"  # noqa: S608 - names from the models, values are parameters # nosec B608
            cursor.executemany(statement, rows)


def _replay(snapshot: Snapshot) -> None:
    for table_name, columns, rows in _prepared_rows(snapshot):
        _insert(table_name, columns, rows)
    if connection.vendor == "postgresql":
        models_with_ids = [table.model for table in snapshot.tables if table.keep_ids]
        statements = connection.ops.sequence_reset_sql(no_style(), models_with_ids)
        if statements:
            with connection.cursor() as cursor:
                cursor.execute("; ".join(statements))


def dataset_put(name: str) -> None:
    """Put the dataset `name` (and nothing else: load the datasets it builds on first) into the test's database,
    as its loader would have written it. Without a capture (or where the rows cannot go back as they were) the
    loader runs."""
    loader, _after = DATASETS[name]
    snapshot = _snapshots.get(name)
    if snapshot is None:
        loader()
        return
    try:
        with transaction.atomic():
            _replay(snapshot)
    except IntegrityError:  # the test already holds some of these rows: load as the demo does
        loader()
