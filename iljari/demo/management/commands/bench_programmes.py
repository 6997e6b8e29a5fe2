"""`iljari bench_programmes [--repeat 3]`: the people programmes' scenarios of `iljari bench` on their own
(iljari/demo/bench/programmes.py): eligibility and selection of 100,000 applications in 20 quotas, a month's pay for
10,000 placements, an Excel import of 100,000 rows — on synthetic rows rolled back at the end."""

from django.core.management.base import BaseCommand

from iljari.demo.bench import programmes
from iljari.demo.bench.data import module_run, results_table


class Command(BaseCommand):
    help = "모집·선발·급여·엑셀 일괄 등록의 처리 시간을 잽니다(합성 자료, 끝나면 되돌림; iljari bench의 일부)."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=3)

    def handle(self, *args, repeat, **options):
        results = module_run(programmes, repeat=repeat, say=self.stderr.write)
        self.stdout.write(results_table(results))
