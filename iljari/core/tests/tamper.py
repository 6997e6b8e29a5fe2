"""What someone with the database owner's rights could do to the access log: switch its append-only triggers off
and change rows with plain SQL. The chain must still give them away."""

from __future__ import annotations

from contextlib import contextmanager

from django.db import connection


@contextmanager
def triggers_off():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = replica")
            try:
                yield cursor
            finally:
                cursor.execute("SET session_replication_role = DEFAULT")
        else:
            from importlib import import_module

            migration = import_module("iljari.core.migrations.0008_access_log_append_only")
            for statement in migration.SQLITE_DOWN:
                cursor.execute(statement)
            try:
                yield cursor
            finally:
                for statement in migration.SQLITE_UP:
                    cursor.execute(statement)


def sql_update(entry_id: int, **values) -> None:
    with triggers_off() as cursor:
        sets = ", ".join(f"{column} = %s" for column in values)
        cursor.execute(f"UPDATE core_accesslogentry SET {sets} WHERE id = %s", [*values.values(), entry_id])  # noqa: S608


def sql_delete(entry_id: int) -> None:
    with triggers_off() as cursor:
        cursor.execute("DELETE FROM core_accesslogentry WHERE id = %s", [entry_id])
