"""`iljari restore ARCHIVE`: an archive of `iljari backup` into an empty database and an empty media folder
(core.backup.restore): refused before anything is written when the archive is damaged, from another vendor, of a
schema this code does not know, or made under other keys; checked at the end (rows, files, decryption). Exit 0:
restored and whole; 1: restored but a check failed; 2: refused."""

from pathlib import Path

from django.core.management.base import BaseCommand

from iljari.core.backup import RestoreRefused, restore


class Command(BaseCommand):
    help = "iljari backup으로 만든 백업을 빈 데이터베이스와 빈 파일 폴더에 복원하고, 행·파일·복호화를 확인합니다."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)

    def handle(self, *args, archive, **options):
        if not archive.is_file():
            self.stderr.write(f"백업 파일이 없습니다: {archive}")
            raise SystemExit(2)
        try:
            check = restore(archive=archive, say=self.stdout.write)
        except RestoreRefused as error:
            self.stderr.write(f"복원하지 않았습니다. {error.message}")
            raise SystemExit(2) from error
        self.stdout.write(
            f"복원했습니다: 표 {check.tables}개, 행 {check.rows:,}개, 파일 {check.files:,}개"
            + (" (스키마 변경 적용)" if check.migrated else "")
        )
        problems = [
            ("행 수가 백업과 다른 표", check.count_mismatches),
            ("파일이 없는 행", check.missing_files),
            ("설정된 키로 읽을 수 없는 값", check.unreadable),
        ]
        for title, lines in problems:
            if lines:
                self.stdout.write(f"{title} {len(lines)}건:")
                for line in lines[:50]:
                    self.stdout.write(f"  {line}")
        if not check.whole:
            raise SystemExit(1)
        self.stdout.write("모든 행과 파일이 있고, 암호화된 값이 모두 복호화됩니다.")
