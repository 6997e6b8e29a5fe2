"""`iljari report business|jobs|programme|payroll|notice [--programme P1-03 | --worksite ND18-C01 | --notice N]`
`--year 2018`
`--as-of 2018-06-30 --format html|md|xlsx|pdf|hwpx -o FILE [--programme-new-page]`

Builds the report from the database through the same function as the pages and the background task
(reports.files.report_file): the same checks and Korean messages, a progress bar on a terminal, and the file
written whole (to a temporary name, then renamed) or not at all. A payroll names people: the command writes the
access log as the page does (the account it ran as, no address)."""

import os
import tempfile
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from iljari.core.errors import IljariError
from iljari.core.progress import TerminalProgress
from iljari.core.selectors import command_user
from iljari.reports.files import personal_access_log, personal_request_check, report_file
from iljari.reports.renderers import BINARY, EXTENSIONS


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"기준일은 YYYY-MM-DD 형식이어야 합니다: {text}") from None


class Command(BaseCommand):
    help = "보고서를 데이터베이스에서 다시 만듭니다 (business: 주요업무보고)."

    def add_arguments(self, parser):
        parser.add_argument(
            "kind",
            help="보고서 (business: 주요업무보고, jobs: 일자리 목표 공시, programme: 사업 요약, payroll: 급여대장)",
        )
        parser.add_argument("--programme", default="", help="programme 보고서의 주요업무 코드 (예: P1-03)")
        parser.add_argument("--worksite", default="", help="payroll의 사업장 코드; 기준일이 속한 달의 급여대장")
        parser.add_argument(
            "--notice", default="", help="notice의 고지 번호, 또는 고지 묶음 (예: repayment-2018-06-01)"
        )
        parser.add_argument("--purpose", default="", help="payroll의 이용 목적 (payment, audit, statistics)")
        parser.add_argument("--reason", default="", help="payroll을 만드는 사유 (접속기록에 남습니다)")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--as-of", required=True, help="기준일 YYYY-MM-DD")
        parser.add_argument("--format", default="html", help=f"형식: {', '.join(EXTENSIONS)}")
        parser.add_argument("-o", "--output", type=Path, help="파일 (없으면 표준출력; xlsx·pdf·hwpx는 파일만)")
        parser.add_argument(
            "--programme-new-page",
            action="store_true",
            help="business: Ⅲ의 사업마다 새 쪽에서 시작합니다 (pdf, hwpx)",
        )
        parser.add_argument("--as-user", default="", help="이 계정의 권한으로 만듭니다 (기본: 첫 총괄 계정)")

    def handle(
        self,
        *args,
        kind,
        year,
        as_of,
        format,
        output,
        as_user,
        programme,
        worksite,
        notice,
        purpose,
        reason,
        programme_new_page=False,
        **options,
    ):
        user = command_user(username=as_user)
        if user is None:
            raise CommandError("보고서를 만들 총괄 계정이 없습니다: --as-user로 계정을 지정하십시오.")
        if output is None and format in BINARY:
            raise CommandError(f"{format}는 -o 파일로만 쓸 수 있습니다.")
        progress = TerminalProgress(getattr(self.stderr, "_out", None))  # the raw stream: the bar redraws one line
        try:
            subject = {"payroll": worksite, "notice": notice}.get(kind, programme)
            personal = personal_request_check(user=user, kind=kind, purpose=purpose, reason=reason)
            made = report_file(
                user=user, kind=kind, year=year, as_of=_date(as_of), fmt=format, subject=subject,
                purpose=personal.purpose, watermark=personal.watermark, programme_new_page=programme_new_page,
                progress=progress,
            )  # fmt: skip
            personal_access_log(
                user=user, remote_addr=None, kind=kind, subject=subject, as_of=_date(as_of), fmt=format,
                request=personal, channel="명령줄",
            )  # fmt: skip
        except IljariError as error:
            raise CommandError(" ".join([error.message, *_option_errors(error.field_errors)])) from None
        finally:
            progress.close()
        if output is None:
            self.stdout.write(made.data.decode("utf-8"))
            return
        _write_whole(output, made.data)
        self.stdout.write(f"{output} ({len(made.data):,} bytes)")


OPTIONS = {"purpose": "--purpose", "reason": "--reason", "programme_new_page": "--programme-new-page"}


def _option_errors(field_errors: dict[str, list[str]]) -> list[str]:
    """The messages, each naming the command's option where one field is one option."""
    return [
        f"{message} ({OPTIONS[field]})" if field in OPTIONS else message
        for field, messages in field_errors.items()
        for message in messages
    ]


def _write_whole(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target and rename it: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
