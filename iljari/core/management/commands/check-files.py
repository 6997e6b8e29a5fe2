"""`iljari check-files [--remove-unnamed]`: the rows whose stored file is missing (exit 1) and the files under
MEDIA_ROOT no row names (core.files); --remove-unnamed removes the latter (those older than an hour)."""

from django.core.management.base import BaseCommand

from iljari.core.files import files_check, files_unnamed_remove


class Command(BaseCommand):
    help = "파일이 없는 행(내려받기가 404가 됨)과, 어느 행도 가리키지 않는 파일을 찾습니다."

    def add_arguments(self, parser):
        parser.add_argument(
            "--remove-unnamed", action="store_true", help="어느 행도 가리키지 않는 파일(한 시간 넘은 것)을 지웁니다"
        )

    def handle(self, *args, remove_unnamed, **options):
        check = files_check()
        self.stdout.write(f"파일을 가리키는 행 {check.rows:,}개, 저장된 파일 {check.files:,}개.")
        if check.missing:
            self.stdout.write(f"파일이 없는 행 {len(check.missing):,}건:")
            for missing in check.missing[:200]:
                self.stdout.write(f"  {missing.label} #{missing.pk}: {missing.name}")
        if check.unnamed:
            self.stdout.write(f"어느 행도 가리키지 않는 파일 {len(check.unnamed):,}개:")
            for name in check.unnamed[:200]:
                self.stdout.write(f"  {name}")
            if remove_unnamed:
                removed = files_unnamed_remove()
                self.stdout.write(f"그중 한 시간이 넘은 {removed:,}개를 지웠습니다.")
        if not check.missing and not check.unnamed:
            self.stdout.write("모든 행의 파일이 있고, 남는 파일도 없습니다.")
        if check.missing:
            raise SystemExit(1)
