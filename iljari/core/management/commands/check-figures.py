"""`iljari check-figures`: the figures already stored outside their kind's bounds (core.figures) — written around
the application, or before the bounds existed — one line each to correct; exit 1 when there is any."""

from django.core.management.base import BaseCommand

from iljari.core.selectors import stored_figures_outside


class Command(BaseCommand):
    help = "범위 밖에 저장된 수치(금액·인원·값·날짜)를 찾습니다. 하나라도 있으면 종료 코드 1."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=1000, help="보여 줄 최대 건수(기본 1,000)")

    def handle(self, *args, limit, **options):
        outliers = stored_figures_outside(user=None, limit=max(1, min(limit, 100_000)))
        if not outliers:
            self.stdout.write("범위 밖에 저장된 수치가 없습니다.")
            return
        self.stdout.write(f"범위 밖에 저장된 수치 {len(outliers):,}건(고쳐야 합니다):")
        for row in outliers:
            self.stdout.write(f"  {row.model}({row.label}) #{row.pk} {row.field}: {row.value} — {row.message}")
        raise SystemExit(1)
