"""`iljari record-figures --year 2018 --as-of 2018-06-30 [--mismatches-only]`: each count the report prints,
computed from the records as of the day, one line each ("P1-02 청년일자리센터 상담 인원 13,869명 (보고서 13,869명,
일치) — /frontline/"), in the order of part Ⅲ; exit 1 when a registered figure with a printed value disagrees."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from iljari.core.period import default_period
from iljari.performance.record_figures import record_figure_rows
from iljari.performance.selectors.records import group_rows


class Command(BaseCommand):
    help = "보고서가 인쇄한 수치를 기록에서 세어 한 줄씩 출력합니다. 인쇄값과 다른 수치가 있으면 1로 끝납니다."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument(
            "--as-of", type=date.fromisoformat, default=None, help="기준일 YYYY-MM-DD (기본: 최근 입력일)"
        )
        parser.add_argument("--mismatches-only", action="store_true", help="불일치만 출력합니다.")

    def handle(self, *args, year: int, as_of: date | None, mismatches_only: bool, **options):
        if as_of is None:
            _, as_of = default_period(year=year)
        if as_of.year != year:
            raise CommandError(f"기준일은 {year}년 안의 날짜여야 합니다.")
        rows = record_figure_rows(year=year, as_of=as_of)
        differs = [row for row in rows if row.status == "differs"]
        agrees = sum(1 for row in rows if row.status == "agrees")
        self.stdout.write(
            f"{year}년 보고서 수치와 기록 ({as_of:%Y-%m-%d} 기준): {len(rows)}건 — 일치 {agrees}건, "
            f"불일치 {len(differs)}건, 그 밖 {len(rows) - agrees - len(differs)}건"
        )
        for group in group_rows(year, differs if mismatches_only else rows):
            for row in group.rows:
                printed = f"보고서 {row.printed_text}" if row.printed_text else "보고서 인쇄값 없음"
                value = row.value_text or "기록 없음"
                where = f" — {row.url}" if row.url else ""
                self.stdout.write(
                    f"{row.figure.programme} {row.figure.label} {value} ({printed}, {row.status_label}){where}"
                )
        if differs:
            raise SystemExit(1)
