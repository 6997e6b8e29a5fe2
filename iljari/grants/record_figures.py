"""The 2018 report's counts that the grants' records give (performance.record_figures), registered when the app
starts: the calls' selections of the 소셜벤처 민관협력사업 (Ⅲ 3-⑤: "5개기관 선정") and of the fair-trade grants
(Ⅲ 3-⑥: "7개 자치구, 150백만원", "6개 단체, 230백만원"); the social enterprises' support (Ⅲ 3-①: "인건비 /
사회보험료 지원 : 1,208개 기업(3,992백만원) / 4,971명 (1,179백만원)", "사업개발비 지원 : 111개 기업(2.400백만원)",
마을기업 "예비 3개 기업, 총 23백만원 / 신규 6개 기업, 총 218백만원 / 2차년도 5개 기업 총 142백만원", 혁신형 "18개
기업, 총 633백만원"); the 시-구 협력 district projects (Ⅲ 1-⑤: 23개 자치구 75개 사업, 계속 50·신규 25, 일자리 2,573개
by target group).

The system's reads (no user):
- subsidies: the year's employment-kind grant programmes of P3-01 — their agreements, the payrolls' wage and
  insurance subsidies paid by the day (a payroll counts once its disbursement is paid), and the people in them
  (an employee of an agreement counted once, from the paid payrolls' lines); the business-development grants, the
  마을기업 육성 (예비·신규·2차년도) and the 혁신형 사업모델 are the year's grant programmes of those codes
  (`PROJECT_GRANTS`) — their agreements signed by the day and the tranches paid by the day.
- selections: the year's agreements of the plan programme signed by the day (the fair-trade ones told apart by
  their grantee: a district's, or an organisation's), and their city amounts.
- district projects: the year's projects of P1-05 and the jobs they plan by target group (each project's record
  of its jobs; the report's 2,573개 is the projects' total).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache

from django.db.models import Sum

from iljari.grants.models import (
    Disbursement,
    DistrictProject,
    DistrictProjectJobs,
    GrantAgreement,
    GrantProgramme,
    PayrollLine,
)
from iljari.grants.models import Payroll as GrantPayroll

MILLION = Decimal(1_000_000)
Kind = GrantProgramme.Kind


def _agreements(year: int, kind: str, programme: str = "P3-01"):
    return GrantAgreement.objects.filter(
        programme__year=year, programme__kind=kind, programme__programme__code=programme
    )


def _paid_payroll_ids(year: int, as_of: date) -> list[int]:
    """The year's employment-grant payrolls paid by the as-of date, as ids: one small query, so that the counts below
    filter on a plain list (PostgreSQL planned the nested IN of the line count badly: minutes on the demo)."""
    agreements = list(_agreements(year, Kind.EMPLOYMENT).values_list("pk", flat=True))
    return list(
        GrantPayroll.objects.filter(agreement_id__in=agreements, disbursement__paid_on__lte=as_of)
        .values_list("pk", flat=True)
        .distinct()
    )


def subsidy_million(field: str):
    def count(*, year: int, as_of: date) -> Decimal:
        total = GrantPayroll.objects.filter(pk__in=_paid_payroll_ids(year, as_of)).aggregate(s=Sum(field))["s"]
        return Decimal(total or 0) / MILLION

    return count


def subsidised_people(*, year: int, as_of: date) -> int:
    lines = PayrollLine.objects.filter(payroll_id__in=_paid_payroll_ids(year, as_of))
    return lines.values_list("payroll__agreement_id", "employee_number").distinct().count()


# The project grants of P3-01 the report counts one by one, told by the grant programme's code (`<year>-<name>`, as
# the office codes its grant programmes): the printed figure's key -> the name part of the code.
PROJECT_GRANTS = {
    "p3-01.development": "SE-DEVELOPMENT",
    "p3-01.village.preliminary": "VILLAGE-PRELIMINARY",
    "p3-01.village.new": "VILLAGE-NEW",
    "p3-01.village.second": "VILLAGE-SECOND",
    "p3-01.innovation": "SE-INNOVATION",
}


def _project_grants(key: str, year: int):
    return GrantAgreement.objects.filter(programme__code=f"{year}-{PROJECT_GRANTS[key]}")


def project_grantees(key: str):
    def count(*, year: int, as_of: date) -> int:
        return _project_grants(key, year).filter(signed_on__lte=as_of).count()

    return count


def project_paid_million(key: str):
    def count(*, year: int, as_of: date) -> Decimal:
        paid = Disbursement.objects.filter(agreement__in=_project_grants(key, year), paid_on__lte=as_of)
        return Decimal(paid.aggregate(s=Sum("amount"))["s"] or 0) / MILLION

    return count


# The grant programmes a call selected: the printed count's key -> how the programme is told among the year's ones
# of its plan programme (the fair-trade calls by the grantee: districts, or organisations).
SELECTED = {
    "p3-05.accelerators": ("P3-05", None),
    "p3-06.fairtrade-districts": ("P3-06", True),
    "p3-06.fairtrade-ngos": ("P3-06", False),
}


def _selected(key: str, year: int, as_of: date):
    programme, districts = SELECTED[key]
    rows = GrantAgreement.objects.filter(
        programme__year=year, programme__programme__code=programme, signed_on__lte=as_of
    )
    if districts is not None:
        rows = rows.filter(district__isnull=not districts)
    return rows


def selected_million(key: str):
    def count(*, year: int, as_of: date) -> Decimal:
        return Decimal(_selected(key, year, as_of).aggregate(s=Sum("city_amount"))["s"] or 0) / MILLION

    return count


def district_projects(year: int):
    return DistrictProject.objects.filter(year=year, programme__code="P1-05")


def district_jobs(*, year: int, group: str | None = None) -> int:
    rows = DistrictProjectJobs.objects.filter(project__in=district_projects(year))
    if group is not None:
        rows = rows.filter(target_group=group)
    return rows.aggregate(n=Sum("planned"))["n"] or 0


@cache  # once: a second ready() registers nothing new (a key registered twice with another count is refused)
def register() -> None:
    from iljari.performance.record_figures import RecordFigure, record_figure_register

    def figure(programme, key, label, unit, page, count):
        record_figure_register(
            RecordFigure(key=key, programme=programme, label=label, unit=unit, page=page, count=count)
        )

    agreements = "grants:agreement_list"
    figure(
        "P3-01",
        "p3-01.wage.enterprises",
        "사회적기업 인건비·사회보험료 지원 기업",
        "개",
        agreements,
        lambda *, year, as_of: _agreements(year, Kind.EMPLOYMENT).filter(signed_on__lte=as_of).count(),
    )
    figure("P3-01", "p3-01.wage.amount", "인건비 지원액", "백만원", agreements, subsidy_million("wage_subsidy"))
    figure("P3-01", "p3-01.insurance.people", "사회보험료 지원 인원", "명", agreements, subsidised_people)
    figure(
        "P3-01",
        "p3-01.insurance.amount",
        "사회보험료 지원액",
        "백만원",
        agreements,
        subsidy_million("insurance_subsidy"),
    )
    for key, label in (
        ("p3-01.development", "사업개발비 지원"),
        ("p3-01.village.preliminary", "마을기업 육성(예비)"),
        ("p3-01.village.new", "마을기업 육성(신규)"),
        ("p3-01.village.second", "마을기업 육성(2차년도)"),
        ("p3-01.innovation", "혁신형 사업모델 지원"),
    ):
        figure("P3-01", f"{key}.enterprises", f"{label} 기업", "개", agreements, project_grantees(key))
        figure("P3-01", f"{key}.amount", f"{label}액", "백만원", agreements, project_paid_million(key))

    for key, label in (
        ("p3-05.accelerators", "소셜벤처 민관협력사업 전문지원기관(액셀러레이터) 선정"),
        ("p3-06.fairtrade-districts", "자치구 공정무역 특화사업 공모 선정 자치구"),
        ("p3-06.fairtrade-ngos", "공정무역 캠페인·교육연구 지원사업 공모 선정 단체"),
    ):
        programme = SELECTED[key][0]
        figure(
            programme, key, label, "개", agreements, lambda *, year, as_of, key=key: _selected(key, year, as_of).count()
        )
        if programme == "P3-06":
            figure(programme, f"{key}.amount", f"{label}(선정액)", "백만원", agreements, selected_million(key))

    projects = "grants:district_project_list"
    figure(
        "P1-05",
        "p1-05.projects",
        "시-구 협력 일자리 사업 수",
        "개",
        projects,
        lambda *, year, as_of: district_projects(year).filter(starts_on__lte=as_of).count(),
    )
    figure(
        "P1-05",
        "p1-05.projects.continued",
        "시-구 협력 계속사업 수",
        "개",
        projects,
        lambda *, year, as_of: district_projects(year).filter(starts_on__lte=as_of, is_new=False).count(),
    )
    figure(
        "P1-05",
        "p1-05.projects.new",
        "시-구 협력 신규사업 수",
        "개",
        projects,
        lambda *, year, as_of: district_projects(year).filter(starts_on__lte=as_of, is_new=True).count(),
    )
    figure(
        "P1-05",
        "p1-05.districts",
        "시-구 협력 사업 자치구 수",
        "개",
        projects,
        lambda *, year, as_of: (
            district_projects(year).filter(starts_on__lte=as_of).values("district").distinct().count()
        ),
    )
    figure(
        "P1-05", "p1-05.jobs", "시-구 협력 일자리 창출", "개", projects, lambda *, year, as_of: district_jobs(year=year)
    )
    for key, group, word in (
        ("youth", "youth", "청년"),
        ("new-middle-aged", "middle_aged", "신중년"),
        ("women", "women", "여성"),
        ("seniors", "seniors", "어르신"),
        ("other", "general", "기타"),
    ):
        figure(
            "P1-05",
            f"p1-05.jobs.{key}",
            f"시-구 협력 일자리: {word}",
            "개",
            projects,
            lambda *, year, as_of, group=group: district_jobs(year=year, group=group),
        )
