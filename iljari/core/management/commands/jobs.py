"""`iljari jobs reap [--every SECONDS] | prune`: settle the background jobs whose worker stopped (retry a repeatable
one, fail the rest, core.jobs.jobs_reap) — once, or every SECONDS until stopped, for a timer or a service beside rq
workers (`iljari worker` reaps by itself) —; remove the files and rows of jobs finished more than JOB_KEEP_DAYS ago."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from iljari.core.jobs import jobs_prune, jobs_reap


class Command(BaseCommand):
    help = "멈춘 작업 실행기의 작업을 정리하거나(reap: 다시 실행하거나 실패 처리) 오래된 작업 결과를 지웁니다(prune)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["reap", "prune"])
        parser.add_argument("--every", type=float, default=0, help="reap: 이 간격(초)마다 되풀이합니다(0: 한 번)")

    def handle(self, *args, action, every, **options):
        if action == "prune":
            count = jobs_prune()
            self.stdout.write(f"끝난 지 {settings.ILJARI_JOB_KEEP_DAYS}일이 지난 작업 {count:,}건을 지웠습니다.")
            return
        while True:
            reaped = jobs_reap()
            if reaped.retried or reaped.failed or not every:
                self.stdout.write(
                    f"멈춘 작업 실행기의 작업: 다시 실행 {len(reaped.retried)}건, 실패 처리 {len(reaped.failed)}건."
                )
                self.stdout.flush()
            if not every:
                return
            close_old_connections()
            time.sleep(every)
