# ruff: noqa: F811  (the fixtures imported from district_fixtures are redefined as test arguments)
"""The demo's district projects, ecosystem funding and SIB hold the 2018 report's figures exactly."""

from __future__ import annotations

from datetime import date

from django.db.models import Sum

from iljari.demo.districts_loader import load_districts
from iljari.grants.models import (
    DistrictProject,
    DistrictProjectJobs,
    EcosystemSupport,
    EcosystemTranche,
    OutcomeContract,
)
from iljari.grants.tests.district_fixtures import report_office  # noqa: F401
from iljari.performance.models import JobAchievement


def test_demo_holds_the_reports_75_projects_in_23_districts_and_2573_jobs(report_office):
    load_districts()
    load_districts()  # twice changes nothing
    projects = DistrictProject.objects.filter(year=2018)
    assert projects.count() == 75
    assert projects.filter(is_new=True).count() == 25
    assert projects.values("district").distinct().count() == 23
    jobs = dict(
        DistrictProjectJobs.objects.values_list("target_group").annotate(n=Sum("planned")).order_by("target_group")
    )
    assert jobs == {"youth": 1286, "middle_aged": 734, "women": 260, "seniors": 91, "general": 202}
    totals = projects.aggregate(total=Sum("budget_total"), city=Sum("city_share"), district=Sum("district_share"))
    assert totals == {"total": 25_400_000_000, "city": 15_000_000_000, "district": 10_400_000_000}
    for project in projects:
        assert project.city_share * 100 == project.budget_total * project.city_ratio
    # the monitoring feeds the programme's job achievements as of June
    june = JobAchievement.objects.filter(job_target__programme__code="P1-05", as_of=date(2018, 6, 30))
    assert june.count() == 5
    assert 0 < sum(june.values_list("achieved", flat=True)) <= 2573


def test_demo_ecosystem_has_11_zones_in_main_stage_and_one_preparing(report_office):
    load_districts()
    assert EcosystemSupport.objects.filter(status="main").count() == 11
    assert EcosystemSupport.objects.filter(status="preparation").count() == 1
    third_year = EcosystemTranche.objects.filter(stage=2, year_number=3, starts_on__year=2018).count()
    assert third_year == 6
    for support in EcosystemSupport.objects.all():
        assert (support.tranches.filter(stage=2).aggregate(s=Sum("amount"))["s"] or 0) <= 500_000_000
    in_2018 = EcosystemTranche.objects.filter(starts_on__year=2018).aggregate(s=Sum("amount"))["s"]
    assert in_2018 == 1_730_000_000  # docs/districts-sib.md: not the 2,125백만원 budget line
    contract = OutcomeContract.objects.get()
    assert contract.principal == 1_100_000_000
    assert sum(contract.investors.values_list("amount", flat=True)) == contract.principal
