"""`iljari accesslog verify`: check the access log's hash chain; exit 1 when an entry was edited or deleted."""

from django.core.management.base import BaseCommand

from iljari.core.accesslog import access_log_verify


class Command(BaseCommand):
    help = "접속기록의 해시 체인을 검증합니다. 고쳐지거나 지워진 기록이 있으면 1로 끝납니다."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args, action, **options):
        checked, broken = access_log_verify()
        if broken is None:
            self.stdout.write(f"접속기록 {checked:,}건의 체인이 온전합니다.")
            return
        where = "마지막 기록 뒤(최근 기록이 지워짐)" if broken == -1 else f"기록 #{broken}"
        self.stdout.write(f"접속기록 체인이 끊어졌습니다: {checked:,}건까지 온전하고 {where}에서 어긋납니다.")
        raise SystemExit(1)
