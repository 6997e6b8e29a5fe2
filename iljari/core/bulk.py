"""Set-based writes for the batch services (selection results, a month's pay, placing a call's selected people)
and the demo loaders.

`rows_insert` sends rows to one INSERT statement run with `executemany` (on PostgreSQL, through COPY): no model
instance per row and no SQL compiled per batch, which is where `bulk_create` spends most of its time on 100,000
rows. Values go through each
field's own `get_db_prep_save` (remembered per distinct value), so dates, decimals, aware datetimes and encrypted
fields are stored exactly as the ORM would store them, on SQLite and PostgreSQL alike; the fields left out take
their defaults, and created/updated timestamps are set to now. Like `bulk_create`, it sends no signals: use it only
where `bulk_create` would do.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection, models
from django.utils import timezone
from psycopg import sql

BATCH = 5000
# Exactly these types are sent as they are (a subclass, such as an encrypted field, converts its values).
PLAIN = {
    models.IntegerField,
    models.BigIntegerField,
    models.SmallIntegerField,
    models.PositiveIntegerField,
    models.PositiveBigIntegerField,
    models.PositiveSmallIntegerField,
    models.CharField,
    models.TextField,
    models.ForeignKey,
    models.OneToOneField,
}


def _converter(field):
    """The field's own conversion to the database value, remembered per distinct value (a batch repeats its dates,
    amounts and timestamps); integers, plain text and ids pass as they are."""
    if type(field) in PLAIN:
        return lambda value: value
    seen: dict = {}

    def to_db(value):
        try:
            return seen[value]
        except KeyError:
            seen[value] = prepared = field.get_db_prep_save(value, connection)
            return prepared
        except TypeError:  # an unhashable value
            return field.get_db_prep_save(value, connection)

    return to_db


def _filler(field, now):
    """The value of a field the caller left out: now for timestamps, else the field's default."""
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return lambda: now
    if field.has_default() and callable(field.default):
        return field.get_default
    default = field.get_default()
    return lambda: default


def _copy(table: str, columns: list[str], rows) -> int:
    """PostgreSQL: the rows through COPY FROM STDIN (psycopg 3), an order of magnitude faster than INSERTs."""
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table), sql.SQL(", ").join(sql.Identifier(column) for column in columns)
    )
    count = 0
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for values in rows:
            copy.write_row(values)
            count += 1
    return count


def rows_insert(model, fields: Sequence[str], rows: Iterable[Sequence], *, batch: int = BATCH) -> int:
    """Insert `rows` (tuples in the order of `fields`; a foreign key is given by its id) into `model`'s table
    inside the caller's transaction. Returns the number of rows."""
    opts = model._meta
    given = [opts.get_field(name) for name in fields]
    left = [f for f in opts.concrete_fields if f not in given and not f.primary_key]
    now = timezone.now()
    fillers = [_filler(field, now) for field in left]
    columns = given + left
    convert = [_converter(field) for field in columns]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 - names come from the model, values are parameters # nosec B608
        quote(opts.db_table),
        ", ".join(quote(field.column) for field in columns),
        ", ".join(["%s"] * len(columns)),
    )
    prepared = ([to_db(value) for to_db, value in zip(convert, [*row, *(fill() for fill in fillers)], strict=True)]
                for row in rows)  # fmt: skip
    if connection.vendor == "postgresql":
        return _copy(opts.db_table, [field.column for field in columns], prepared)
    count = 0
    chunk: list[list] = []
    with connection.cursor() as cursor:
        for values in prepared:
            chunk.append(values)
            if len(chunk) >= batch:
                cursor.executemany(sql, chunk)
                count += len(chunk)
                chunk = []
        if chunk:
            cursor.executemany(sql, chunk)
            count += len(chunk)
    return count
