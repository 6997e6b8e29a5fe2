"""`iljari bench_fund [--loans 10000] [--repeat 3] [--write F]`: time the fund's batch reads on a synthetic book of
loans with 60-month schedules, paid on time up to '18.5.31. (a few lapsed), made inside a transaction that is rolled
back so the database is left as it was: the twice-monthly repayment notice batch, the monthly overdue notice batch,
and the portfolio as of a date. Needs the org data (`iljari demo --no-serve` or `iljari migrate` + load_org)."""

from __future__ import annotations

import random
import statistics
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from iljari.core.models import User
from iljari.core.roles import Role
from iljari.fund import services
from iljari.fund.models import Instalment, Notice, Repayment
from iljari.fund.selectors import portfolio


class _Rollback(Exception):
    pass


def _timed(function, repeat: int, undo=None) -> tuple[float, float, object]:
    timings, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        timings.append(time.perf_counter() - start)
        if undo:
            undo()
    return statistics.median(timings), max(timings), result


class Command(BaseCommand):
    help = "사회투자기금 고지 일괄 생성과 채권 현황 조회 시간을 잽니다(합성 자료, 끝나면 되돌림)."

    def add_arguments(self, parser):
        parser.add_argument("--loans", type=int, default=10_000)
        parser.add_argument("--repeat", type=int, default=3)
        parser.add_argument("--write", type=str, default="")

    def handle(self, *args, loans: int, repeat: int, write: str, **options):
        lines: list[str] = []
        try:
            with transaction.atomic():
                lines = self._run(loans, repeat)
                raise _Rollback
        except _Rollback:
            pass
        text = "\n".join(lines)
        self.stdout.write(text)
        if write:
            Path(write).write_text(text + "\n", encoding="utf-8")

    def _run(self, count: int, repeat: int) -> list[str]:
        from iljari.demo.fund_loader import _borrowers, _insert_book
        from iljari.org import services as org_services
        from iljari.org.models import District

        generator = random.Random(6)
        start = time.perf_counter()
        services.contribution_record(actor=None, amount=10**15, on=date(2013, 1, 1))
        partners = [
            org_services.partner_create(
                actor=None, code=f"BENCH-INT-{n}", name=f"벤치 수행기관 {n}", kind="intermediary"
            )
            for n in range(8)
        ]
        book = []
        for index in range(count):
            method = generator.choice(["annuity", "equal_principal", "bullet"])
            book.append(
                {
                    "purpose": generator.choice(["enterprise", "project", "social_housing"]),
                    "method": method,
                    "term": 60,
                    "grace": 0 if method == "bullet" else generator.choice([0, 6, 12]),
                    "rate": Decimal(generator.choice(["0", "1", "2", "3"])),
                    "disbursed_on": date(
                        generator.randrange(2014, 2018), generator.randrange(1, 13), generator.randrange(1, 29)
                    ),  # fmt: skip
                    "principal": generator.randrange(10, 1_000) * 1_000_000,
                    "intermediary": partners[index % len(partners)],
                }
            )
        agreements = [
            services.agreement_create(
                actor=None,
                code=f"BENCH-{n}",
                intermediary=partner,
                year=2014,
                call_round=1,
                city_amount=sum(s["principal"] for s in book if s["intermediary"] == partner),
                matched_amount=None,
                max_rate="3",
                overdue_rate="5",
                starts_on=date(2014, 1, 1),
                ends_on=date(2030, 12, 31),
            )  # fmt: skip
            for n, partner in enumerate(partners)
        ]
        _insert_book(book, agreements, partners, _borrowers(count, list(District.objects.all())), prefix="BENCH")
        built = time.perf_counter() - start
        user = User.objects.create(username="bench-fund-auditor", role=Role.AUDITOR)
        instalments = Instalment.objects.filter(version__loan__number__startswith="BENCH-").count()
        payments = Repayment.objects.filter(loan__number__startswith="BENCH-").count()

        def undo():
            Notice.objects.filter(loan__number__startswith="BENCH-").delete()

        repayment = _timed(
            lambda: services.notices_generate(
                kind="repayment", period_start=date(2018, 6, 1), period_end=date(2018, 6, 15)
            ),
            repeat,
            undo,
        )
        overdue = _timed(
            lambda: services.notices_generate(
                kind="overdue", period_start=date(2018, 5, 1), period_end=date(2018, 5, 31)
            ),
            repeat,
            undo,
        )
        book_on = _timed(lambda: portfolio(user=user, as_of=date(2018, 5, 31)), repeat)
        return [
            f"# 사회투자기금 벤치마크 ({connection.vendor}, 융자 {count:,}건, 60개월 일정)",
            "",
            f"합성 자료: 융자 {count:,}건, 상환 회차 {instalments:,}개, 입금 {payments:,}건 (만드는 데 {built:.1f}초)",
            "",
            "| 작업 | 결과 | 중앙값(초) | 최대(초) |",
            "|---|---|---:|---:|",
            f"| 원리금 상환고지 ('18.6.1.~6.15.) | 고지 {repayment[2]:,}건 | {repayment[0]:.2f} | {repayment[1]:.2f} |",
            f"| 미납·연체고지 ('18.5.31. 기준) | 고지 {overdue[2]:,}건 | {overdue[0]:.2f} | {overdue[1]:.2f} |",
            f"| 채권 현황 ('18.5.31. 기준) | {book_on[2].count:,}건 | {book_on[0]:.2f} | {book_on[1]:.2f} |",
        ]
