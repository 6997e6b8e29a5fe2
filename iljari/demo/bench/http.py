"""Application submissions through HTTP, as citizens make them at a call's opening hour.

The scenario starts gunicorn (deploy/gunicorn.conf.py, WORKERS sync workers, a free loopback port, the same
database and settings as this process, ILJARI_BENCH_VIEWS=1), makes CITIZENS citizen accounts with their persons
and CALLS open calls with quotas, and drives a small loopback load tool (threads, http.client): every citizen
logs in through the login page, then submits to every call through the portal API
(POST /api/portal/calls/<code>/applications, the session and its CSRF token), a RETRY share of them twice (a
retry must answer the same application). Then it checks what the database holds: every 2xx answer has its row,
no application is missing or doubled, and each call's selection (the service, in this process) fills no quota
beyond its places. The reference is a bare Django JSON view on the same server (/bench/json/, with the same
session cookie, CONCURRENCY threads) — the framework's own floor: the ratio is submissions' p95 over its p95.

Unlike the batch scenarios it cannot roll back: the server's workers commit. Every row it made (accounts,
persons, consents, calls, applications, their change history, login records, sessions) is deleted at the end,
whatever happened. The accounts' passwords use Django's MD5 hasher (the server is started with
ILJARI_FAST_HASHER=1): logging in is the set-up here, not the measured work.

The note also gives the CPU each request cost the server (gunicorn's master and workers, from /proc) and the
load tool (this process), and how busy the machine was: the load tool must not be the bottleneck. CITIZENS is
ILJARI_BENCH_HTTP_CITIZENS when set (300 for a quick run).

Goals: ≥ 200 submissions/s sustained, p95 < 200 ms. On SQLite every write takes the database's one write lock,
so the figure there is the engine's, and is reported as measured."""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import subprocess  # nosec B404  # starts our own gunicorn, with a fixed argument list
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

from auditlog.context import disable_auditlog
from auditlog.models import LogEntry
from django.contrib.auth.hashers import MD5PasswordHasher, make_password
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session as StoredSession
from django.db import connection, transaction
from django.utils import timezone

from iljari.core.models import LoginEvent, User
from iljari.core.roles import Role
from iljari.demo.bench.base import Context, Result, percentile, scenario
from iljari.demo.bench.data import bench_programme, synthetic_people
from iljari.intake import services as intake
from iljari.intake.models import Application, Call, Quota, SelectionResult, SelectionRun
from iljari.people.models import Consent, Person

CITIZENS = int(os.environ.get("ILJARI_BENCH_HTTP_CITIZENS", "1000"))  # 300 for the quick run of the benchmark doc
CALLS = 4
QUOTAS = 5
PLACES = 50
RETRY_EVERY = 10  # every tenth citizen sends each submission twice
WORKERS = 4
CONCURRENCY = 16
REFERENCE_REQUESTS = 2_000
PASSWORD = "Bench!citizen2018"  # nosec B105  # the benchmark accounts' throwaway password; deleted after the run
PREFIX = "bench-http-"
ROOT = Path(__file__).resolve().parents[3]


@dataclass
class Answer:
    status: int
    seconds: float
    body: bytes = b""


@dataclass
class Load:
    answers: list[Answer] = field(default_factory=list)
    wall_s: float = 0.0
    errors: list[str] = field(default_factory=list)
    client_cpu_s: float = 0.0  # the load tool's own CPU (this process, all its threads) while it ran
    server_cpu_s: float = 0.0  # gunicorn's (master and workers), when the server was given
    machine_busy: float | None = None  # the share of the machine's CPU time that was not idle (Linux)

    @property
    def rate(self) -> float:
        return len(self.answers) / self.wall_s if self.wall_s else 0.0

    def timings(self) -> list[float]:
        return [answer.seconds for answer in self.answers]


# --- the load tool ------------------------------------------------------------------------------------------


class Session:
    """One citizen's browser: cookies, and requests over a fresh loopback connection each (gunicorn's sync workers
    close the connection after every answer)."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None) -> Answer:
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        start = time.perf_counter()
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key.strip()] = rest.split(";", 1)[0]
            return Answer(response.status, time.perf_counter() - start, data)
        finally:
            conn.close()

    def log_in(self, username: str, password: str) -> bool:
        page = self.request("GET", "/accounts/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
        if token is None:
            return False
        body = urlencode({"csrfmiddlewaretoken": token.group(1).decode(), "username": username, "password": password})
        answer = self.request(
            "POST", "/accounts/login/", body.encode(), {"Content-Type": "application/x-www-form-urlencoded"}
        )
        return answer.status == 302 and "sessionid" in self.cookies

    def submit(self, code: str, quota: str) -> Answer:
        body = json.dumps({"quota": quota, "consents": ["personal_data", "unique_identifier"]}).encode()
        return self.request(
            "POST",
            f"/api/portal/calls/{code}/applications",
            body,
            {"Content-Type": "application/json", "X-CSRFToken": self.cookies.get("csrftoken", "")},
        )


def _machine_cpu() -> tuple[int, int] | None:
    """(busy, total) clock ticks of every core since boot, from /proc/stat; None elsewhere."""
    try:
        ticks = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)  # idle and iowait
    return sum(ticks) - idle, sum(ticks)


def _group_cpu(pgid: int) -> float:
    """The CPU seconds (user and system) used so far by the live processes of a process group (Linux)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid:  # fields after the name: state, ppid, pgrp, ...; utime and stime are 12th, 13th
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def run_load(jobs: list[Callable[[], Answer | None]], concurrency: int, server: Server | None = None) -> Load:
    """Run the jobs on `concurrency` threads as fast as the server answers; the wall time is from the first
    request to the last answer. It also measures its own CPU (to show it is not the bottleneck), the server's and
    the machine's."""
    load = Load()
    lock = threading.Lock()
    queue = iter(jobs)

    def worker():
        while True:
            with lock:
                job = next(queue, None)
            if job is None:
                return
            try:
                answer = job()
            except Exception as exc:  # noqa: BLE001 - a refused connection or a timeout counts as lost
                with lock:
                    load.errors.append(repr(exc)[:200])
                continue
            if answer is not None:
                with lock:
                    load.answers.append(answer)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    machine = _machine_cpu()
    server_cpu = _group_cpu(server.process.pid) if server is not None else 0.0
    cpu = time.process_time()
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    load.wall_s = time.perf_counter() - start
    load.client_cpu_s = time.process_time() - cpu
    if server is not None:
        load.server_cpu_s = _group_cpu(server.process.pid) - server_cpu
    after = _machine_cpu()
    if machine is not None and after is not None and after[1] > machine[1]:
        load.machine_busy = (after[0] - machine[0]) / (after[1] - machine[1])
    return load


# --- the server ---------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> str:
    """The URL of the database this process uses (the test database too, under pytest)."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    user = db["USER"] or ""
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user else ""
    return f"postgres://{auth}{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Server:
    def __init__(self, workers: int):
        self.port = free_port()
        env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": str(workers),
            "WEB_MAX_REQUESTS": "0",  # no worker recycled in the middle of a run
            "ILJARI_BENCH_VIEWS": "1",
            "ILJARI_FAST_HASHER": "1",
            "DJANGO_SETTINGS_MODULE": "iljari.settings",
            # persistent connections, as docs/deployment.md advises
            "DB_CONN_MAX_AGE": os.environ.get("DB_CONN_MAX_AGE", "60"),
        }
        env.pop("DATABASE_REPLICA_URL", None)
        self.log = open(Path(tempfile.gettempdir()) / f"iljari-bench-gunicorn-{self.port}.log", "wb")  # noqa: SIM115
        self.process = subprocess.Popen(  # noqa: S603 # nosec B603  # our own interpreter, config and app
            [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "iljari.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped (exit {self.process.returncode}); see {self.log.name}")
            try:
                if Session(self.port).request("GET", "/bench/json/").status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer in {timeout:.0f} s; see {self.log.name}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


# --- the rows -----------------------------------------------------------------------------------------------


def _set_up(now) -> tuple[list[str], list]:
    """CITIZENS citizen accounts with their persons, CALLS open calls of QUOTAS quotas of PLACES places."""
    hashed = make_password(PASSWORD, hasher=MD5PasswordHasher())
    usernames = [f"{PREFIX}{n:05d}" for n in range(CITIZENS)]
    User.objects.bulk_create(
        [User(username=name, password=hashed, role=Role.CITIZEN, display_name="벤치 시민") for name in usernames],
        batch_size=2000,
    )
    users = dict(User.objects.filter(username__in=usernames).values_list("username", "pk"))
    people = synthetic_people(CITIZENS, seed=29)
    for name, person_id in zip(usernames, people, strict=True):
        Person.objects.filter(pk=person_id).update(user_id=users[name])
    programme = bench_programme()
    calls = [
        intake.call_set(
            actor=None,
            code=f"BENCH-HTTP-{n}",
            programme=programme,
            title=f"벤치마크 온라인 접수 {n}",
            opens_at=now - timedelta(hours=1),
            closes_at=now + timedelta(days=1),
            announce_on=(now + timedelta(days=10)).date(),
            quotas=[(f"Q{q}", f"구분 {q}", PLACES) for q in range(QUOTAS)],
            eligibility=[{"kind": "resides_in_seoul"}],
            priorities=[("basic_livelihood_recipient", 5)],
        )
        for n in range(CALLS)
    ]
    return usernames, calls


def _clean_up() -> None:
    """Delete every row the scenario made, and their change history (they are the benchmark's, not the office's)."""
    with disable_auditlog(), transaction.atomic():
        users = list(User.objects.filter(username__startswith=PREFIX).values_list("pk", flat=True))
        people = list(Person.objects.filter(user_id__in=users).values_list("pk", flat=True))
        calls = list(Call.objects.filter(code__startswith="BENCH-HTTP-").values_list("pk", flat=True))
        applications = list(Application.objects.filter(call_id__in=calls).values_list("pk", flat=True))
        consents = list(Consent.objects.filter(person_id__in=people).values_list("pk", flat=True))
        for model, ids in ((Application, applications), (Consent, consents), (Person, people), (User, users)):
            content_type = ContentType.objects.get_for_model(model)
            for start in range(0, len(ids), 5000):
                LogEntry.objects.filter(content_type=content_type, object_id__in=ids[start : start + 5000]).delete()
        LoginEvent.objects.filter(user_id__in=users).delete()
        for stored in StoredSession.objects.all().iterator():
            if str(stored.get_decoded().get("_auth_user_id")) in {str(pk) for pk in users}:
                stored.delete()
        SelectionResult.objects.filter(run__call_id__in=calls).delete()
        SelectionRun.objects.filter(call_id__in=calls).delete()
        Application.objects.filter(call_id__in=calls).delete()
        Quota.objects.filter(call_id__in=calls).delete()
        Call.objects.filter(pk__in=calls).delete()
        Person.objects.filter(pk__in=people).delete()
        User.objects.filter(pk__in=users).delete()


def _per_request_ms(load: Load) -> str:
    return f"{load.server_cpu_s / max(len(load.answers), 1) * 1000:.1f} ms"


@scenario(70)
def submissions_through_http(ctx: Context) -> list[Result]:
    now = timezone.now()
    _clean_up()  # what an interrupted earlier run may have left
    server = None
    try:
        usernames, calls = _set_up(now)
        server = Server(WORKERS)
        server.wait_ready()
        sessions = [Session(server.port) for _ in usernames]
        start = time.perf_counter()
        logins = run_load(
            [
                (lambda s=s, u=u: Answer(200 if s.log_in(u, PASSWORD) else 0, 0.0))
                for s, u in zip(sessions, usernames, strict=True)
            ],
            CONCURRENCY,
        )
        logged_in = sum(1 for a in logins.answers if a.status == 200)
        ctx.say(f"로그인 {logged_in:,}/{len(sessions):,}명: {time.perf_counter() - start:.1f}s")
        jobs = []
        for index, session in enumerate(sessions):
            for call in calls:
                quota = f"Q{index % QUOTAS}"
                times = 2 if index % RETRY_EVERY == 0 else 1
                jobs += [lambda s=session, c=call.code, q=quota: s.submit(c, q)] * times
        submissions = run_load(jobs, CONCURRENCY, server)
        bare = [sessions[n % len(sessions)] for n in range(REFERENCE_REQUESTS)]
        reference = run_load([(lambda s=s: s.request("GET", "/bench/json/")) for s in bare], CONCURRENCY, server)
    finally:
        if server is not None:
            server.stop()
    try:
        answered = [json.loads(a.body)["id"] for a in submissions.answers if 200 <= a.status < 300]
        refused = [a for a in submissions.answers if not 200 <= a.status < 300]
        stored = set(Application.objects.filter(call__in=calls).values_list("pk", flat=True))
        lost = set(answered) - stored
        expected = logged_in * len(calls)
        per_person = Application.objects.filter(call__in=calls).count()
        overfilled = []
        # the submissions are over: the calls' 접수 closes, so their selection may run (intake's rule)
        Call.objects.filter(pk__in=[call.pk for call in calls]).update(closes_at=timezone.now())
        for call in calls:
            intake.selection_run(actor=None, call=call, seed=2018)
            for quota in call.quotas.all():
                taken = Application.objects.filter(quota=quota, status=Application.Status.SELECTED).count()
                if taken > quota.places:
                    overfilled.append(f"{call.code}/{quota.code} {taken}>{quota.places}")
    finally:
        _clean_up()
    timings = submissions.timings()
    p95 = percentile(timings, 0.95) if timings else float("inf")
    met = (
        submissions.rate >= 200
        and p95 < 0.2
        and not lost
        and not refused
        and not submissions.errors
        and len(stored) == expected == per_person
        and not overfilled
    )
    engine = connection.vendor
    note = (
        f"{engine}; {WORKERS} gunicorn sync workers, {CONCURRENCY} client threads; {len(jobs):,} requests "
        f"({logged_in:,} citizens × {len(calls)} calls, every {RETRY_EVERY}th twice) in {submissions.wall_s:.1f} s "
        f"= {submissions.rate:.0f}/s; bare view {reference.rate:.0f}/s, "
        f"p95 {percentile(reference.timings(), 0.95) * 1000:.0f} ms; "
        f"2xx {len(answered):,}, refused {len(refused)}, connection errors {len(submissions.errors)}, "
        f"rows {len(stored):,} (expected {expected:,}), 2xx without a row {len(lost)}, quotas over-filled "
        f"{len(overfilled)}; CPU per submission: server {_per_request_ms(submissions)}, load tool "
        f"{submissions.client_cpu_s / max(len(jobs), 1) * 1000:.1f} ms (bare view: server "
        f"{_per_request_ms(reference)}, load tool {reference.client_cpu_s / max(REFERENCE_REQUESTS, 1) * 1000:.1f} ms)"
        + (f"; machine busy {submissions.machine_busy:.0%}" if submissions.machine_busy is not None else "")
    )
    if engine == "sqlite":
        note += "; SQLite: every write waits for the one write lock"
    return [
        Result(
            name="application submissions through HTTP (gunicorn)",
            goal="≥ 200/s sustained, p95 < 200 ms, none lost, no quota over-filled",
            timings_s=timings or [float("inf")],
            met=met,
            reference="a bare Django JSON view on the same server",
            reference_timings_s=reference.timings(),
            note=note,
        )
    ]
