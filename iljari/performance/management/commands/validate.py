"""`iljari validate --year 2018 [--as-of 2018-06-30] [--violations-only]`: run the validation rules and print
the results in Korean (performance/wording.py), violations first; exit 1 where a high-importance rule fails."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from iljari.core.period import default_period
from iljari.performance import wording
from iljari.performance.services import validation_run

MARKS = {"failed": "위반", "skipped": "확인 불가", "passed": "통과"}


class Command(BaseCommand):
    help = "검증 규칙을 돌려 결과를 위반부터 출력합니다. 중요도 '높음' 규칙이 위반되면 1로 끝납니다."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument(
            "--as-of", type=date.fromisoformat, default=None, help="기준일 YYYY-MM-DD (기본: 최근 입력일)"
        )
        parser.add_argument("--violations-only", action="store_true", help="위반만 출력합니다.")

    def handle(self, *args, year: int, as_of: date | None, violations_only: bool, **options):
        if as_of is None:
            _, as_of = default_period(year=year)
        if as_of.year != year:
            raise CommandError(f"기준일은 {year}년 안의 날짜여야 합니다.")
        run = validation_run(year=year, as_of=as_of)
        passed = len(run.results) - len(run.failed) - len(run.skipped)
        self.stdout.write(
            f"{year}년 검증 ({as_of:%Y-%m-%d} 기준): 규칙 결과 {len(run.results)}건 — 위반 {len(run.failed)}건, "
            f"확인 불가 {len(run.skipped)}건, 통과 {passed}건"
        )
        labels = wording.Labels.load()
        shown = run.failed if violations_only else run.results  # the run lists violations first
        for result in shown:
            text = wording.result_text(result, labels)
            importance = f"[{text.importance}] " if result.outcome == "failed" else ""
            self.stdout.write(f"  {MARKS[result.outcome]} {importance}{text.rule} — {text.subject}: {text.explanation}")
        if run.high_failed:
            raise SystemExit(1)
