"""Reads that may go to a read replica: the office's figures pages and report builds, at city scale.

`reading_replica()` marks a block (a view, a report build) whose reads may be served by the "replica" database
alias — a PostgreSQL streaming standby, configured by DATABASE_REPLICA_URL. `ReplicaRouter` sends a read there
only inside such a block, only where the alias exists, and never inside a transaction on the primary (a read after
a write in the same transaction must see that write). Writes always go to the primary, and so does every read
outside the marked blocks: sessions, logins, the pages that edit figures, the access log.

Contract:
- reading_replica() -> context manager (also usable as a decorator)
- replica_configured() -> bool
- ReplicaRouter: db_for_read / db_for_write / allow_relation / allow_migrate (the replica is never migrated: it is
  a copy of the primary)
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"
_reading: ContextVar[bool] = ContextVar("iljari_reading_replica", default=False)


@contextmanager
def reading_replica():
    """Inside, reads may be served by the replica (a fresh context per use, so also safe as a view decorator)."""
    token = _reading.set(True)
    try:
        yield
    finally:
        _reading.reset(token)


def replica_configured() -> bool:
    return REPLICA in connections.settings


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if not _reading.get() or not replica_configured():
            return None
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return None  # read your own writes
        return REPLICA

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA
