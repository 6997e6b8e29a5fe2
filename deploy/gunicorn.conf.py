"""gunicorn settings for an Iljari app process (`uv run gunicorn -c deploy/gunicorn.conf.py iljari.wsgi`).

Every value comes from the environment, so one file serves every machine behind the load balancer."""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
# Sync workers, about two per core: a request's Python is CPU-bound (the GIL makes threads no faster), and each
# also waits on PostgreSQL (a submission's nine round trips and its commit's WAL flush), which the second worker
# per core fills. More only adds switching between processes on the same cores: the HTTP benchmark on 2 cores,
# PostgreSQL and its own load tool on them too, runs 4.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("WEB_THREADS", "1"))
# The workers' heartbeat is a file touched on every request: in memory, not on a disk or an overlay layer that can
# stall it (gunicorn's advice for containers).
SHM = "/dev/shm"  # noqa: S108 # nosec B108 - gunicorn's own heartbeat files, nothing of the app's
worker_tmp_dir = SHM if os.path.isdir(SHM) else None
timeout = int(os.environ.get("WEB_TIMEOUT", "60"))  # report files are built by workers, not in requests
graceful_timeout = 30
keepalive = 5
max_requests = int(os.environ.get("WEB_MAX_REQUESTS", "2000"))  # recycle a worker now and then
max_requests_jitter = 200
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")  # the load balancer's address
accesslog = "-"
errorlog = "-"
# one JSON object per request line, like the app's LOG_FORMAT=json
access_log_format = (
    '{"time": "%(t)s", "remote": "%(h)s", "method": "%(m)s", "path": "%(U)s", "status": %(s)s, '
    '"bytes": "%(B)s", "duration_us": %(D)s, "user_agent": "%(a)s"}'
)
