"""`iljari accesslog verify|prune`: check the access log's hash chain (exit 1, with a Korean report naming the first
broken entry, when an entry was edited or deleted); remove entries older than the keeping period."""

from django.conf import settings
from django.core.management.base import BaseCommand

from iljari.core.accesslog import access_log_check, access_log_prune


class Command(BaseCommand):
    help = "접속기록의 해시 체인을 검증하거나(verify) 보관 기간이 지난 기록을 정리합니다(prune)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify", "prune"])

    def handle(self, *args, action, **options):
        if action == "prune":
            count = access_log_prune()
            years = settings.ILJARI_ACCESS_LOG_KEEP_YEARS
            self.stdout.write(f"보관 기간({years}년)이 지난 접속기록 {count:,}건을 정리했습니다.")
            return
        check = access_log_check()
        if check.whole:
            self.stdout.write(check.message)
            return
        self.stdout.write(f"접속기록 체인이 끊어졌습니다: {check.message}")
        raise SystemExit(1)
