"""`iljari year open 2019 --from 2018 [--dry-run]`: open a year from an earlier one (core.years), as the system (the
change batch names no person). --dry-run prints the preview and writes nothing. A year already prepared is said so
(exit 0: nothing to do); a bad year is an error (exit 1)."""

from django.core.management.base import BaseCommand, CommandError

from iljari.core.errors import IljariError
from iljari.core.http import error_text
from iljari.core.years import nothing_to_open, year_open, year_preview


class Command(BaseCommand):
    help = "앞선 연도에서 새 연도를 준비합니다(예: iljari year open 2019 --from 2018, 미리 보기는 --dry-run)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        opening = sub.add_parser("open", help="새 연도 준비")
        opening.add_argument("to_year", type=int, help="준비할 연도")
        opening.add_argument("--from", dest="from_year", type=int, required=True, help="가져올 연도")
        opening.add_argument("--dry-run", action="store_true", help="만들 것만 보여 주고 아무것도 쓰지 않습니다")

    def handle(self, *args, action, to_year, from_year, dry_run, **options):
        try:
            preview = year_preview(user=None, from_year=from_year, to_year=to_year)
        except IljariError as error:
            raise CommandError(error_text(error)) from error
        for step, parts in preview.steps:
            for part in parts:
                made = "-" if part.informational else f"{len(part.create):,}"
                line = f"[{step.label}] {part.label}: 새로 만들 것 {made}, 이미 있는 것 {len(part.existing):,}"
                self.stdout.write(line + (f" — {part.note}" if part.note else ""))
                if options.get("verbosity", 1) > 1:
                    for row in part.create:
                        self.stdout.write(f"    + {row}")
        blocked = nothing_to_open(preview)
        if blocked:
            self.stdout.write(blocked)
            return
        if dry_run:
            self.stdout.write(f"미리 보기입니다: {preview.to_create:,}건을 만들 수 있습니다(아무것도 쓰지 않았습니다).")
            return
        try:
            opening = year_open(actor=None, to_year=to_year, from_year=from_year)
        except IljariError as error:
            raise CommandError(error_text(error)) from error
        counts = ", ".join(f"{label} {count:,}건" for label, count in opening.created if count)
        self.stdout.write(f"{to_year}년을 준비했습니다({counts}). 변경이력 묶음 {opening.batch_id}번.")
