"""`iljari worker [--batch]`: run the background tasks (report builds, batches) queued in the database.

A thin front of django-tasks-db's `db_worker` with Iljari's defaults: every queue, a short polling interval, and
a Korean line on start. `--batch` runs what is queued and stops (for tests and cron). With TASKS_BACKEND=immediate
the tasks run in the request itself and no worker is needed."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "백그라운드 작업(보고서 만들기, 일괄 처리)을 실행합니다."

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="대기 중인 작업만 실행하고 끝냅니다")
        parser.add_argument("--interval", type=float, default=1.0, help="대기열을 살피는 간격(초)")

    def handle(self, *args, batch, interval, **options):
        if settings.TASKS_QUEUE != "db":
            self.stdout.write(
                "TASKS_BACKEND가 db가 아니어서(작업을 요청한 곳에서 바로 실행) 작업 실행기가 필요 없습니다."
            )
            return
        if not batch:
            self.stdout.write("작업 실행기를 시작합니다. 끝내려면 Ctrl+C를 누르십시오.")
            self.stdout.flush()
        arguments = ["--queue-name", "*", "--interval", str(interval), "--no-startup-delay"]
        call_command("db_worker", *arguments, *(["--batch"] if batch else []), verbosity=options["verbosity"])
