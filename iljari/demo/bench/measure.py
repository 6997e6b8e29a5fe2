"""Helpers the page scenarios share: a logged-in test client per role, timing a GET, the peak memory of one
request (the process's resident set, which counts WeasyPrint's C libraries, and Python's own allocations), and
timing raw SQL as the reference."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Sequence

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from iljari.core.models import User


class ScenarioError(RuntimeError):
    pass


def client_as(role: str) -> tuple[Client, User]:
    user = User.objects.filter(role=role, is_active=True).order_by("pk").first()
    if user is None:
        raise ScenarioError(
            f"{role} 계정이 없습니다: 먼저 `iljari generate` 나 `iljari demo --no-serve`를 실행하십시오."
        )
    client = Client()
    client.force_login(user)
    return client, user


def get_ok(client: Client, path: str) -> None:
    response = client.get(path)
    if response.status_code != 200:
        raise ScenarioError(f"{path} 가 200이 아니라 {response.status_code}로 답합니다.")


def time_get(client: Client, path: str, repeat: int, cpu: list[float] | None = None) -> list[float]:
    """Wall-clock seconds of each of `repeat` GETs; `cpu`, when given, receives this process's CPU seconds of
    each (Python's own work, without the database server's: a figure other processes on the machine barely move)."""
    get_ok(client, path)  # warm up (templates, caches, the first connection)
    timings = []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(path)
        timings.append(time.perf_counter() - start)
        if cpu is not None:
            cpu.append(time.process_time() - start_cpu)
    return timings


def _hwm_kb() -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _hwm_reset() -> bool:
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")  # resets the peak resident set (Linux ≥ 4.0)
        return True
    except OSError:
        return False


def request_profile(client: Client, path: str) -> tuple[float | None, float, int]:
    """(peak resident MB of the process during one request or None where it cannot be read, Python's peak MB,
    number of queries)."""
    reset = _hwm_reset()
    tracemalloc.start()
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    python_peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    peak = _hwm_kb() if reset else None
    return (None if peak is None else peak / 1024), python_peak, len(queries)


def time_sql(statements: Sequence[tuple[str, Sequence]], repeat: int) -> list[float]:
    """Wall-clock seconds of running every statement (and fetching all its rows) once, `repeat` times."""

    def run():
        with connection.cursor() as cursor:
            for sql, params in statements:
                cursor.execute(sql, params)
                cursor.fetchall()

    run()
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        timings.append(time.perf_counter() - start)
    return timings
