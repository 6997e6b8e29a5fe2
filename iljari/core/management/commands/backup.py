"""`iljari backup [--dir DIR] [--keep-daily N --keep-weekly N --keep-monthly N]`: one archive of the database, the
stored files and a manifest (checksums, schema version, key fingerprints — never the keys) in DIR (default
var/backups), then, with a --keep option, the older archives beyond that retention removed (core.backup). Run daily
from a timer: docs/operations.md."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from iljari.core.backup import backup_write, backups_prune
from iljari.core.errors import IljariError


class Command(BaseCommand):
    help = "데이터베이스, 저장 파일, 목록(체크섬·스키마 버전·키 지문)을 한 백업 파일로 만듭니다(키는 담지 않음)."

    def add_arguments(self, parser):
        parser.add_argument("--dir", type=Path, default=None, help="백업을 둘 폴더(기본: var/backups)")
        parser.add_argument("--keep-daily", type=int, default=0, help="최근 며칠의 백업을 하루 하나씩 남길지")
        parser.add_argument("--keep-weekly", type=int, default=0, help="최근 몇 주의 백업을 주마다 하나씩 남길지")
        parser.add_argument("--keep-monthly", type=int, default=0, help="최근 몇 달의 백업을 달마다 하나씩 남길지")

    def handle(self, *args, dir, keep_daily, keep_weekly, keep_monthly, **options):
        directory = dir or Path(settings.VAR_DIR) / "backups"
        try:
            backup_write(directory=directory, say=self.stdout.write)
        except IljariError as error:
            self.stderr.write(error.message)
            raise SystemExit(1) from error
        removed = backups_prune(directory=directory, daily=keep_daily, weekly=keep_weekly, monthly=keep_monthly)
        if removed:
            names = ", ".join(path.name for path in removed)
            self.stdout.write(f"보관 기간이 지난 백업 {len(removed)}개를 지웠습니다: {names}")
