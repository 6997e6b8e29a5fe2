"""`iljari bookings remind [--day YYYY-MM-DD]`: the message the day before every room booking (a daily timer runs it
in the afternoon; frontline.services.booking_reminders_send: once per person and room, a second run sends nothing)."""

from datetime import date

from django.core.management.base import BaseCommand

from iljari.frontline.services import booking_reminders_send


class Command(BaseCommand):
    help = "내일(또는 --day 날짜) 공간 예약이 있는 사람에게 하루 전 안내를 보냅니다."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["remind"])
        parser.add_argument("--day", type=date.fromisoformat, default=None, help="예약 날짜(기본: 내일)")

    def handle(self, *args, action, day, **options):
        count = booking_reminders_send(day=day)
        self.stdout.write(f"하루 전 안내 {count:,}건을 보냈습니다(발송 대기열에 넣음).")
