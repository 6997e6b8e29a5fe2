"""`iljari validate --year 2018 [--as-of 2018-06-30]`: run the validation rules, print violations,
exit 1 where a high-importance rule fails."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from iljari.core.formats import format_number
from iljari.core.period import default_period
from iljari.performance.services import validation_run


def _value(value) -> str:
    if value is None:
        return "(없음)"
    return format_number(value, decimals=0 if value == value.to_integral_value() else 4)


class Command(BaseCommand):
    help = "검증 규칙을 돌려 위반을 출력합니다. 중요도 '높음' 규칙이 위반되면 1로 끝납니다."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument(
            "--as-of", type=date.fromisoformat, default=None, help="기준일 YYYY-MM-DD (기본: 최근 입력일)"
        )

    def handle(self, *args, year: int, as_of: date | None, **options):
        if as_of is None:
            _, as_of = default_period(year=year)
        if as_of.year != year:
            raise CommandError(f"기준일은 {year}년 안의 날짜여야 합니다.")
        run = validation_run(year=year, as_of=as_of)
        self.stdout.write(
            f"{year}년 검증 ({as_of} 기준): 규칙 결과 {len(run.results)}건, 위반 {len(run.failed)}건, "
            f"확인 불가 {len(run.skipped)}건"
        )
        for result in run.failed:
            rule = result.rule
            self.stdout.write(
                f"  위반 [{rule.get_importance_display()}] {rule.code} {rule.name} — 대상 {result.subject or '계'}: "
                f"{_value(result.left_value)} {rule.operator} {_value(result.right_value)} 아님"
            )
        for result in run.skipped:
            self.stdout.write(f"  확인 불가 {result.rule.code} — 대상 {result.subject or '계'}: 값이 없음")
        if run.high_failed:
            raise SystemExit(1)
