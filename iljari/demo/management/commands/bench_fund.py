"""`iljari bench_fund [--repeat 3]`: the fund's scenarios of `iljari bench` on their own (iljari/demo/bench/fund.py):
the portfolio as of a date and the notice batches on a synthetic book of 10,000 loans, rolled back at the end."""

from django.core.management.base import BaseCommand

from iljari.demo.bench import fund
from iljari.demo.bench.data import module_run, results_table


class Command(BaseCommand):
    help = "사회투자기금 채권 현황과 고지 일괄 생성 시간을 잽니다(합성 자료, 끝나면 되돌림; iljari bench의 일부)."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=3)

    def handle(self, *args, repeat, **options):
        self.stdout.write(results_table(module_run(fund, repeat=repeat, say=self.stderr.write)))
