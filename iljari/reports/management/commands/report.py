"""`iljari report business --year 2018 --as-of 2018-06-30 --format html|md|xlsx -o FILE`"""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from iljari.core.models import User
from iljari.core.roles import Role
from iljari.reports.builders.business import build_business_report
from iljari.reports.renderers import EXTENSIONS, render


class Command(BaseCommand):
    help = "보고서를 데이터베이스에서 다시 만듭니다 (business: 주요업무보고)."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["business"])
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--as-of", type=date.fromisoformat, required=True)
        parser.add_argument("--format", choices=sorted(EXTENSIONS), default="html")
        parser.add_argument("-o", "--output", type=Path, help="파일 (없으면 표준출력; xlsx는 파일만)")
        parser.add_argument("--as-user", default="", help="이 계정의 권한으로 만듭니다 (기본: 첫 총괄 계정)")

    def handle(self, *args, kind, year, as_of, format, output, as_user, **options):
        user = (
            User.objects.filter(username=as_user).first()
            if as_user
            else User.objects.filter(role=Role.OFFICE_MANAGER, is_active=True).order_by("pk").first()
        )
        if user is None:
            raise CommandError("보고서를 만들 총괄 계정이 없습니다: --as-user로 계정을 지정하십시오.")
        document = build_business_report(user=user, year=year, as_of=as_of)
        data = render(document, format)
        if output is None:
            if format == "xlsx":
                raise CommandError("xlsx는 -o 파일로만 쓸 수 있습니다.")
            self.stdout.write(data.decode("utf-8"))
            return
        output.write_bytes(data)
        self.stdout.write(f"{output} ({len(data):,} bytes)")
