"""The jobs the grants of a 주요업무 created, by each grant programme's rule, handed to performance's
job_achievement_derive."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.db.models import Max

from iljari.grants.models import Disbursement, GrantProgramme, Payroll, PayrollLine, SpendingReport
from iljari.performance.services import job_achievement_derive


def grant_jobs_sync(*, programme, year: int, as_of: date) -> dict[tuple[str, str], int]:
    """The jobs the grants of a 주요업무 created in a year, as of a day, by each grant programme's rule: the latest
    reported hires of each agreement (REPORTED), or the distinct employees of its approved payrolls (EMPLOYEES).
    Summed per target group and kind over every grant programme of the 주요업무, then handed to performance's
    job_achievement_derive. A report dated before later ones changes those later figures too: every day from
    as_of on that has a report or a paid payroll is counted again. Returns the counts as of as_of."""
    groups = set(
        GrantProgramme.objects.filter(programme=programme, year=year)
        .exclude(job_count=GrantProgramme.JobCount.NONE)
        .values_list("target_group", "job_kind")
    )
    if not groups:
        return {}
    later = set(
        SpendingReport.objects.filter(
            agreement__programme__programme=programme, agreement__year=year, period_end__gt=as_of
        ).values_list("period_end", flat=True)
    ) | set(
        Disbursement.objects.filter(
            agreement__programme__programme=programme, agreement__year=year, payroll__isnull=False, paid_on__gt=as_of
        ).values_list("paid_on", flat=True)
    )
    result: dict[tuple[str, str], int] = {}
    for day in sorted({as_of} | later):
        counts = _jobs_counted(programme=programme, year=year, on=day)
        for group, kind in groups | set(counts):
            job_achievement_derive(
                programme=programme, year=year, target_group=group, achieved=counts.get((group, kind), 0), as_of=day,
                kind=kind,
            )  # fmt: skip
        if day == as_of:
            result = counts
    return result


def _jobs_counted(*, programme, year: int, on: date) -> dict[tuple[str, str], int]:
    """Three queries, whatever the number of agreements."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    latest = (
        SpendingReport.objects.filter(
            agreement__programme__programme=programme,
            agreement__programme__job_count=GrantProgramme.JobCount.REPORTED,
            agreement__year=year,
            period_end__lte=on,
        )
        .values("agreement_id")
        .annotate(last=Max("period_end"))
        .order_by("agreement_id")
    )
    last_day = {row["agreement_id"]: row["last"] for row in latest}
    reports = SpendingReport.objects.filter(agreement_id__in=list(last_day)).values_list(
        "agreement_id", "period_end", "jobs_created", "agreement__programme__target_group",
        "agreement__programme__job_kind",
    )  # fmt: skip
    for agreement_id, period_end, jobs, group, kind in reports:
        if last_day.get(agreement_id) == period_end:
            counts[(group, kind)] += jobs
    pairs = (
        PayrollLine.objects.filter(
            payroll__status=Payroll.Status.APPROVED,
            payroll__agreement__programme__programme=programme,
            payroll__agreement__programme__job_count=GrantProgramme.JobCount.EMPLOYEES,
            payroll__agreement__year=year,
            payroll__disbursement__paid_on__lte=on,
        )
        .values_list(
            "payroll__agreement_id",
            "employee_number",
            "payroll__agreement__programme__target_group",
            "payroll__agreement__programme__job_kind",
        )
        .distinct()
        .order_by()
    )
    for _agreement, _employee, group, kind in pairs:
        counts[(group, kind)] += 1
    return dict(counts)
