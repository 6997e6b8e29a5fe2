"""`iljari generate`'s run: the stages in order, each in its own transaction and timed (see the package docstring);
the first stage loads the demo's organisation, accounts and 2018 report, the last analyses the tables. Also the
checks the command and the tests use (database_has_data, sample_checksum, table_counts)."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

from django.apps import apps
from django.db import connection, transaction
from django.db.models import Count, Sum

from iljari.core.models import User
from iljari.demo.loader import load_accounts, load_org
from iljari.demo.report2018_loader import load_report2018
from iljari.demo.scale.base import LIVING_WAGE, PREFIX, SCALES, YEARS, Generation, Report, Scale
from iljari.demo.scale.enterprises import organisations_stage
from iljari.demo.scale.frontline import frontline_stage
from iljari.demo.scale.fund import fund_stage
from iljari.demo.scale.participation import job_targets_stage, participation_stage
from iljari.demo.scale.people import people_stage
from iljari.demo.scale.plan import plan_stage
from iljari.frontline.models import Booking, Consultation
from iljari.fund.models import Loan
from iljari.intake.models import Application
from iljari.org.models import District, OrgUnit, Partner
from iljari.participation.models import LivingWage, WorkRecord
from iljari.people.models import Person
from iljari.plan.models import Programme

__all__ = [
    "PREFIX",
    "SCALES",
    "YEARS",
    "Generator",
    "Report",
    "Scale",
    "database_has_data",
    "generate",
    "sample_checksum",
    "table_counts",
]


def base_stage(run: Generation) -> None:
    """The demo's organisation, accounts and 2018 report (through its loaders), the living wages of the years."""
    load_org()
    load_report2018()
    load_accounts()
    for year, hourly in LIVING_WAGE.items():
        LivingWage.objects.get_or_create(year=year, defaults={"hourly": hourly, "note": "합성 자료"})
    run.districts = list(District.objects.order_by("sort_order", "code").values_list("pk", flat=True))
    run.partners = list(Partner.objects.order_by("code").values_list("pk", flat=True))
    run.divisions = {u.code: u for u in OrgUnit.objects.filter(kind="division")}
    for team in OrgUnit.objects.filter(kind="team").order_by("path"):
        run.teams[team.parent_id].append(team.pk)


def analyse_stage(run: Generation) -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


STAGES = (
    ("기본 자료(조직·계정·2018 보고서)", base_stage),
    ("계획·예산·지표", plan_stage),
    ("사람", people_stage),
    ("기업·단체", organisations_stage),
    ("사회투자기금", fund_stage),
    ("모집·신청·참여·근무", participation_stage),
    ("일자리 목표·실적", job_targets_stage),
    ("상담·대관", frontline_stage),
    ("통계 갱신(ANALYZE)", analyse_stage),
)


class Generator(Generation):
    def run(self) -> Report:
        for name, stage in STAGES:
            start = time.perf_counter()
            self.say(f"[{name}] 시작")
            with transaction.atomic():
                stage(self)
            seconds = time.perf_counter() - start
            self.report.stages.append((name, seconds))
            self.say(f"[{name}] {seconds:.1f}초")
        return self.report


def database_has_data() -> bool:
    return OrgUnit.objects.exists() or User.objects.exists() or Person.objects.exists() or Programme.objects.exists()


def generate(*, scale: str | Scale, seed: int = 2018, say: Callable[[str], None] = print) -> Report:
    spec = SCALES[scale] if isinstance(scale, str) else scale
    return Generator(spec, seed, say).run()


def sample_checksum() -> str:
    """A digest of the generated data that does not depend on ids: a sample of persons, the outcome counts of every
    call, the placed days per programme, the loan book, the consultations per service point."""
    digest = hashlib.sha256()
    parts = [
        Person.objects.order_by("rrn_index").values_list("name", "birth_date", "sex", "rrn_index", "district__code")[
            :500
        ],
        Application.objects.filter(call__code__startswith=PREFIX)
        .values_list("call__code", "status")
        .annotate(n=Count("pk"))
        .order_by("call__code", "status"),
        WorkRecord.objects.filter(placement__programme__code__startswith=PREFIX)
        .values_list("placement__programme__code")
        .annotate(days=Sum("days_worked"), n=Count("pk"))
        .order_by("placement__programme__code"),
        Loan.objects.filter(number__startswith=PREFIX)
        .order_by("number")
        .values_list("number", "principal", "method", "disbursed_on", "borrower__business_number"),
        Consultation.objects.filter(service_point__code__startswith=PREFIX)
        .values_list("service_point__code", "outcome")
        .annotate(n=Count("pk"))
        .order_by("service_point__code", "outcome"),
        Booking.objects.filter(room__code__startswith=PREFIX)
        .values_list("room__code", "status")
        .annotate(n=Count("pk"))
        .order_by("room__code", "status"),
    ]
    for part in parts:
        for row in part:
            digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def table_counts() -> dict[str, int]:
    """Rows of every table of the project's apps (for docs/scale.md and the bench's dataset line)."""
    counts = {}
    for model in apps.get_models():
        if not model.__module__.startswith("iljari.") or not model._meta.managed:
            continue
        counts[model._meta.db_table] = model.objects.count()
    return counts
