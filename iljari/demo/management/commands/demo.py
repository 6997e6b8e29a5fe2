"""`iljari demo`: prepare the demo database (SQLite under var/ by default), print the demo accounts, serve."""

from __future__ import annotations

import os
import subprocess  # nosec B404
import sys
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from iljari.demo.console import PartProgress, account_table
from iljari.demo.loader import load_demo

WORKER = "import sys; from iljari.manage import main; sys.argv = ['iljari', 'worker']; main()"


class Command(BaseCommand):
    help = "데모 데이터베이스를 준비하고(마이그레이션, 데모 데이터, 역할별 데모 계정) 서버를 띄웁니다."

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="데이터베이스만 준비하고 끝냅니다.")
        parser.add_argument("--reset", action="store_true", help="데모 데이터베이스를 지우고 새로 만듭니다.")
        parser.add_argument(
            "--port", type=int, default=int(os.environ.get("PORT", "8000")), help="서버 포트 (기본 8000, 환경변수 PORT)"
        )
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "데모는 개발 프로필(DEBUG=1)에서만 실행할 수 있습니다: 데모 계정의 비밀번호가 공개되어 있습니다."
            )
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        if options["reset"]:
            self._reset()
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("데이터베이스를 준비했습니다.")
        self.stdout.flush()
        start = time.perf_counter()
        # the bar goes to the raw stderr stream: it redraws one line (Django's wrapper would end every write)
        printed = load_demo(PartProgress(self._line, getattr(self.stderr, "_out", None)))
        self.stdout.write(f"데모 자료를 불러왔습니다 ({time.perf_counter() - start:.1f}초).")
        self.stdout.write("")
        self.stdout.write("데모 계정 (역할 / 아이디 / 비밀번호):")
        for line in account_table(printed):
            self.stdout.write(line)
        if settings.ILJARI_SECOND_FACTOR_EXEMPTIONS:
            self.stdout.write(
                "데모 계정은 2단계 인증 없이 비밀번호만으로 로그인합니다(시스템관리자·감사도). 2단계 인증을 보려면 "
                "내 정보 > 2단계 인증에서 인증 앱을 등록하십시오."
            )
        else:
            self.stdout.write(
                "SECOND_FACTOR_EXEMPTIONS=0: 시스템관리자·감사 데모 계정은 첫 로그인 뒤 인증 앱을 등록해야 합니다."
            )
        self.stdout.write("")
        if options["no_serve"]:
            return
        address = f"{options['host']}:{options['port']}"
        worker = self._start_worker()
        self.stdout.write(f"http://{address}/ 에서 서비스합니다. 끝내려면 Ctrl+C를 누르십시오.")
        self.stdout.flush()  # the accounts must show before the server takes over, even when output is piped
        try:
            call_command("runserver", address, use_reloader=False)
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=10)

    def _line(self, text: str) -> None:
        self.stdout.write(text)
        self.stdout.flush()  # each part's line shows when it is done, also when the output is piped

    def _start_worker(self):
        """The background worker beside the server (report builds, batches), stopped with it."""
        if settings.TASKS_QUEUE != "db":
            return None
        worker = subprocess.Popen(  # noqa: S603 - our own interpreter and command, no user input # nosec B603
            [
                sys.executable,
                "-c",
                WORKER,
            ]
        )
        self.stdout.write(f"작업 실행기(백그라운드 작업)를 함께 띄웠습니다 (프로세스 {worker.pid}).")
        return worker

    def _reset(self) -> None:
        database = settings.DATABASES["default"]
        if database["ENGINE"] == "django.db.backends.sqlite3":
            connections.close_all()
            path = settings.VAR_DIR.__class__(database["NAME"])
            for suffix in ("", "-wal", "-shm", "-journal"):
                candidate = path.with_name(path.name + suffix)
                if candidate.exists():
                    candidate.unlink()
            self.stdout.write(f"데모 데이터베이스를 지웠습니다: {path}")
        else:
            call_command("flush", interactive=False, verbosity=0)
            self.stdout.write("데이터베이스의 모든 자료를 지웠습니다.")
