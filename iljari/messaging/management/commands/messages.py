"""`iljari messages send-due [--every SECONDS]`: send every queued message now due — SMS held for the quiet hours,
retries — once, or every SECONDS until stopped (a timer; on a queue that defers tasks, `iljari worker` does it)."""

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from iljari.messaging.services import messages_due_send


class Command(BaseCommand):
    help = "발송 예정 시각이 지난 대기 알림(야간 대기 문자, 재시도)을 보냅니다."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["send-due"])
        parser.add_argument("--every", type=float, default=0, help="이 간격(초)마다 되풀이합니다(0: 한 번)")

    def handle(self, *args, action, every, **options):
        while True:
            sent = messages_due_send()
            if sent or not every:
                self.stdout.write(f"대기 알림 {sent:,}건을 보냈습니다.")
                self.stdout.flush()
            if not every:
                return
            close_old_connections()
            time.sleep(every)
