"""grants selectors — programmes, agreements and their history, the grantee's own, the xlsx sheets; scoped by
iljari.core.access.

Contract:
- grant_programme_list(*, user, year=None) -> list[GrantProgramme]    each with .agreement_count, .city_total,
      .disbursed (one aggregate query for all)
- grant_programme_get(*, user, code) -> GrantProgramme
- manageable_programmes(*, user) / budget_line_choices(*, user, year)   the 주요업무 and budget lines a programme
      form offers (the user's own division for division staff)
- agreement_list(*, user, q="", programme="", status="", year=None, settle_due=None) -> QuerySet[GrantAgreement]
      office-wide roles: every agreement; a district officer: those of their district; a partner agency: those it
      manages (scope_rows); annotated with .disbursed; `settle_due` (a day): only agreements_to_settle on it
- organisation_agreement_list(*, user, organisation_id) -> QuerySet[GrantAgreement]   the grantee's agreements
      in scope, newest first (the organisation's one page in web)
- agreements_to_settle(*, user, on) -> QuerySet[GrantAgreement]
      signed agreements in scope whose period ended before `on`, not yet settled (정산); division staff: their
      own division's programmes'. The work list counts these and links to the list filtered to them.
- agreement_get(*, user, code) -> GrantAgreement                       (404 outside the scope)
- agreement_detail(*, user, agreement) -> AgreementDetail              tranches, reports with items, settlement,
      evaluation, payrolls, change history, and (for office-wide roles) the budget line's execution today
- my_agreement_list(*, user) / my_agreement_get(*, user, code)       the organisation's own (404 for another's)
- agreement_readable(*, user, code) -> GrantAgreement                 the grantee's own, or the office's scoped one
- payroll_get(*, user, pk) -> Payroll                                  (staff in scope, or the grantee's own)
- selectable_applications(*, user, programme) -> list[Application]    selected, confirmed, not yet agreed
- agreement_sheet(*, user, order=None, **filters) -> bytes            xlsx of the agreements (`order(queryset)`:
                                                                      the page's sort, grants/lists.py)
- payroll_template() -> bytes                                          the xlsx to fill in (PAYROLL_COLUMNS)
- agreement_sign_at_once(*, user, signing) -> bool; agreement_sign_approval(*, agreement)   협약 체결's approval
- disbursement_at_once(*, user, payment) -> bool; disbursement_approval(*, agreement)   교부's approval (결재)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from iljari.approvals.selectors import approval_at_once, approval_open_under
from iljari.core.access import (
    access_grant_own,
    access_grants_manage_any,
    access_grants_view,
    access_office_figures_view,
    access_organisation_own,
    figures_unit_path,
    require,
    scope_rows,
)
from iljari.core.errors import NotFound
from iljari.core.xlsx import Column, xlsx_table
from iljari.finance.selectors import budget_line_list, lines_execution
from iljari.grants.models import (
    Disbursement,
    Evaluation,
    GrantAgreement,
    GrantProgramme,
    Payroll,
    Settlement,
    SpendingItem,
    SpendingReport,
)
from iljari.intake.models import Application, Call
from iljari.intake.selectors import application_list, call_list
from iljari.plan.models import Programme

# The payroll upload (services.payroll_import). Empty cells are checked there, so that one upload lists every
# error of every row.
PAYROLL_COLUMNS = [
    Column("employee_number", "사번", required=False),
    Column("employee_name", "성명", required=False),
    Column("month", "지급월", required=False),
    Column("wage", "지급 임금(원)", "int", required=False),
    Column("insurance", "사업주 사회보험료(원)", "int", required=False),
]

AGREEMENT_COLUMNS = [
    Column("code", "협약번호"),
    Column("programme", "보조금 사업"),
    Column("grantee", "수행기관"),
    Column("business_number", "사업자등록번호"),
    Column("title", "사업명"),
    Column("starts_on", "시작일", "date"),
    Column("ends_on", "종료일", "date"),
    Column("city_amount", "시비(원)", "int"),
    Column("matched_amount", "매칭(원)", "int"),
    Column("disbursed", "교부액(원)", "int"),
    Column("returned", "반납액(원)", "int"),
    Column("status", "상태"),
    Column("district", "자치구"),
]


def _disbursed_subquery():
    return Coalesce(
        Subquery(
            Disbursement.objects.filter(agreement=OuterRef("pk"))
            .values("agreement")
            .annotate(s=Sum("amount"))
            .values("s")[:1]
        ),
        Value(0),
    )


def grant_programme_list(*, user, year: int | None = None) -> list[GrantProgramme]:
    require(access_grants_view(user))
    programmes = GrantProgramme.objects.select_related("programme", "programme__division", "budget_line")
    if year:
        programmes = programmes.filter(year=year)
    programmes = list(programmes.order_by("-year", "code"))
    agreements = scope_rows(user, GrantAgreement.objects.all(), district="district", partner="partner")
    totals = {
        row["programme_id"]: row
        for row in agreements.filter(programme__in=programmes)
        .values("programme_id")
        .annotate(n=Count("pk"), city=Sum("city_amount"))
        .order_by("programme_id")
    }
    paid = {
        row["agreement__programme_id"]: row["s"]
        for row in Disbursement.objects.filter(agreement__in=agreements, agreement__programme__in=programmes)
        .values("agreement__programme_id")
        .annotate(s=Sum("amount"))
        .order_by("agreement__programme_id")
    }
    for programme in programmes:
        row = totals.get(programme.pk, {})
        programme.agreement_count = row.get("n", 0)
        programme.city_total = row.get("city") or 0
        programme.disbursed = paid.get(programme.pk, 0)
    return programmes


def manageable_programmes(*, user) -> list:
    """The 주요업무 whose grant programmes this user may set up: every one for the office manager, their own
    division's for division staff."""
    require(access_grants_manage_any(user), "보조금 사업을 만들 권한이 없습니다.")
    programmes = Programme.objects.select_related("division", "objective__vision").order_by("code")
    path = figures_unit_path(user)
    return list(programmes.filter(division__path__startswith=path) if path else programmes)


def budget_line_choices(*, user, year: int) -> list:
    return list(budget_line_list(user=user, year=year, unit_path=figures_unit_path(user)))


def grant_programme_get(*, user, code: str) -> GrantProgramme:
    require(access_grants_view(user))
    programme = (
        GrantProgramme.objects.select_related("programme", "programme__division", "budget_line", "call")
        .filter(code=code)
        .first()
    )
    if programme is None:
        raise NotFound("보조금 사업을 찾을 수 없습니다.")
    return programme


def _agreements(user) -> QuerySet[GrantAgreement]:
    rows = GrantAgreement.objects.select_related(
        "programme", "programme__programme", "programme__programme__division", "grantee", "district", "budget_line"
    )
    return scope_rows(user, rows, district="district", partner="partner")


def organisation_agreement_list(*, user, organisation_id: int) -> QuerySet[GrantAgreement]:
    require(access_grants_view(user))
    return _agreements(user).filter(grantee_id=organisation_id).order_by("-year", "code")


def agreements_to_settle(*, user, on: date) -> QuerySet[GrantAgreement]:
    require(access_grants_view(user))
    rows = _agreements(user).filter(status=GrantAgreement.Status.SIGNED, ends_on__lt=on)
    unit_path = figures_unit_path(user)
    if unit_path:
        rows = rows.filter(programme__programme__division__path__startswith=unit_path)
    return rows


def agreement_list(
    *,
    user,
    q: str = "",
    programme: str = "",
    status: str = "",
    year: int | None = None,
    settle_due: date | None = None,
) -> QuerySet[GrantAgreement]:
    require(access_grants_view(user))
    rows = _agreements(user).annotate(disbursed=_disbursed_subquery())
    if settle_due is not None:
        rows = rows.filter(pk__in=agreements_to_settle(user=user, on=settle_due).values("pk"))
    q = (q or "").strip()
    if q:
        digits = q.replace("-", "").replace(" ", "")
        match = Q(code__icontains=q) | Q(title__icontains=q) | Q(grantee__name__icontains=q)
        if digits.isdecimal():
            match |= Q(grantee__business_number__startswith=digits)
        rows = rows.filter(match)
    if programme:
        rows = rows.filter(programme__code=programme)
    if status:
        rows = rows.filter(status=status)
    if year:
        rows = rows.filter(year=year)
    return rows.order_by("-year", "code")


def agreement_get(*, user, code: str) -> GrantAgreement:
    require(access_grants_view(user))
    agreement = _agreements(user).filter(code=code).first()
    if agreement is None:
        raise NotFound("보조금 협약을 찾을 수 없습니다.")
    return agreement


def my_agreement_list(*, user) -> QuerySet[GrantAgreement]:
    require(access_organisation_own(user), "기업·단체 담당자로 지정된 계정만 볼 수 있습니다.")
    return (
        GrantAgreement.objects.filter(grantee_id=user.organisation_id)
        .select_related("programme")
        .annotate(disbursed=_disbursed_subquery())
        .order_by("-year", "code")
    )


def my_agreement_get(*, user, code: str) -> GrantAgreement:
    require(access_organisation_own(user), "기업·단체 담당자로 지정된 계정만 볼 수 있습니다.")
    agreement = (
        GrantAgreement.objects.select_related("programme", "programme__programme", "grantee", "budget_line")
        .filter(code=code, grantee_id=user.organisation_id)
        .first()
    )
    if agreement is None:
        raise NotFound("보조금 협약을 찾을 수 없습니다.")
    return agreement


def agreement_readable(*, user, code: str) -> GrantAgreement:
    """The grantee's own agreement for an organisation account, otherwise the office's scoped one."""
    if access_organisation_own(user):
        return my_agreement_get(user=user, code=code)
    return agreement_get(user=user, code=code)


@dataclass
class ReportRow:
    report: SpendingReport
    items: dict[str, int]
    total: int

    @property
    def amounts(self) -> list[int]:
        """The amount of every category, in the order of SpendingItem.Category (0 where none)."""
        return [self.items.get(code, 0) for code in SpendingItem.Category.values]


@dataclass
class AgreementDetail:
    agreement: GrantAgreement
    disbursements: list[Disbursement]
    disbursed: int
    left: int
    reports: list[ReportRow]
    settlement: Settlement | None
    evaluation: Evaluation | None
    payrolls: list[Payroll]
    extension: GrantAgreement | None
    history: list = field(default_factory=list)
    line_execution: object | None = None  # finance ExecutionRow, for office-wide roles


def agreement_detail(*, user, agreement: GrantAgreement, history: bool = True) -> AgreementDetail:
    disbursements = list(agreement.disbursements.order_by("number"))
    disbursed = sum(d.amount for d in disbursements)
    reports = []
    for report in agreement.spending_reports.prefetch_related("items").order_by("period_end"):
        items = {item.category: item.amount for item in report.items.all()}
        reports.append(ReportRow(report=report, items=items, total=sum(items.values())))
    settlement = Settlement.objects.filter(agreement=agreement).first()
    evaluation = Evaluation.objects.filter(agreement=agreement).first()
    payrolls = list(agreement.payrolls.order_by("pk"))
    extension = GrantAgreement.objects.filter(previous=agreement).first()
    detail = AgreementDetail(
        agreement=agreement,
        disbursements=disbursements,
        disbursed=disbursed,
        left=agreement.city_amount - disbursed,
        reports=reports,
        settlement=settlement,
        evaluation=evaluation,
        payrolls=payrolls,
        extension=extension,
    )
    if history:
        detail.history = _history(agreement, disbursements, [r.report for r in reports], settlement, evaluation)
    if access_office_figures_view(user):
        today = timezone.localdate()
        on = today if today.year == agreement.budget_line.year else date(agreement.budget_line.year, 12, 31)
        detail.line_execution = lines_execution(
            user=user, line_ids=[agreement.budget_line_id], year=agreement.budget_line.year, as_of=on
        )
        detail.line_execution.as_of = on
    return detail


def _history(agreement, disbursements, reports, settlement, evaluation) -> list:
    """The change history (django-auditlog) of the agreement and its records, newest first (one query)."""
    wanted = [(GrantAgreement, [agreement.pk]), (Disbursement, [d.pk for d in disbursements])]
    wanted.append((SpendingReport, [r.pk for r in reports]))
    if settlement:
        wanted.append((Settlement, [settlement.pk]))
    if evaluation:
        wanted.append((Evaluation, [evaluation.pk]))
    condition = Q(pk__in=[])
    for model, ids in wanted:
        if ids:
            content_type = ContentType.objects.get_for_model(model)
            condition |= Q(content_type=content_type, object_pk__in=[str(i) for i in ids])
    return list(LogEntry.objects.filter(condition).select_related("actor", "content_type").order_by("-timestamp")[:50])


def payroll_get(*, user, pk: int) -> Payroll:
    payroll = (
        Payroll.objects.select_related("agreement", "agreement__programme", "agreement__grantee")
        .prefetch_related("lines")
        .filter(pk=pk)
        .first()
    )
    if payroll is None:
        raise NotFound("인건비 지원 신청을 찾을 수 없습니다.")
    if access_grant_own(user, payroll.agreement):
        return payroll
    agreement_get(user=user, code=payroll.agreement.code)  # 403 / 404 as for the agreement
    return payroll


def selectable_applications(*, user, programme: GrantProgramme) -> list:
    """The selected applications of the programme's confirmed calls for organisations that have no agreement yet:
    the programme's own call, or else every call of its 주요업무 (intake's selectors give them, scoped)."""
    calls = [
        call
        for call in call_list(user=user)
        if call.audience == Call.Audience.ORGANISATIONS
        and call.selection_confirmed
        and (call.pk == programme.call_id if programme.call_id else call.programme_id == programme.programme_id)
    ]
    agreed = set(GrantAgreement.objects.filter(application__isnull=False).values_list("application_id", flat=True))
    chosen = []
    for call in calls:
        rows = application_list(user=user, call=call, status=Application.Status.SELECTED).select_related("organisation")
        chosen.extend(a for a in rows if a.pk not in agreed)
    return chosen


def agreement_sheet(*, user, order=None, **filters) -> bytes:
    rows = agreement_list(user=user, **filters)
    rows = (order(rows) if order else rows).annotate(
        returned=Coalesce(Subquery(Settlement.objects.filter(agreement=OuterRef("pk")).values("returned")[:1]), 0)
    )
    return xlsx_table(
        title="보조금 협약",
        columns=AGREEMENT_COLUMNS,
        rows=[
            {
                "code": a.code,
                "programme": a.programme.name,
                "grantee": a.grantee.name,
                "business_number": a.grantee.business_number_text,
                "title": a.title,
                "starts_on": a.starts_on,
                "ends_on": a.ends_on,
                "city_amount": a.city_amount,
                "matched_amount": a.matched_amount,
                "disbursed": a.disbursed,
                "returned": a.returned,
                "status": a.get_status_display(),
                "district": a.district.name if a.district else "",
            }
            for a in rows
        ],
        note="보조금 협약 목록(내려받기 전용).",
    )


def payroll_template() -> bytes:
    return xlsx_table(
        title="인건비 지원 신청",
        columns=PAYROLL_COLUMNS,
        rows=[],
        note="근로자 한 명의 한 달을 한 행에 적습니다. 지급월은 2018-07 처럼 적습니다.",
    )


def spending_categories() -> list[tuple[str, str]]:
    return list(SpendingItem.Category.choices)


def report_prefetch() -> Prefetch:
    return Prefetch("items", queryset=SpendingItem.objects.order_by("category"))


def agreement_sign_at_once(*, user, signing) -> bool:
    """Does the user's own position sign the agreement at once (전결 for its city share), without choosing a line?"""
    return approval_at_once(user=user, act="grants.agreement_sign", target=signing)


def agreement_sign_approval(*, agreement):
    """The open approval (결재 중) of signing the agreement, whatever day it names, or None."""
    return approval_open_under(act="grants.agreement_sign", key_prefix=f"{agreement.code}/")


def disbursement_at_once(*, user, payment) -> bool:
    """Does the user's own position pay the tranche at once (전결 for its amount), without choosing a line?"""
    return approval_at_once(user=user, act="grants.disburse", target=payment)


def payroll_at_once(*, user, payment) -> bool:
    """Does the user's own position approve the payroll at once (전결 for its subsidy)?"""
    return approval_at_once(user=user, act="grants.payroll_pay", target=payment)


def payroll_approval(*, payroll):
    """The open approval (결재 중) of the payroll, whatever day it names, or None."""
    return approval_open_under(act="grants.payroll_pay", key_prefix=f"{payroll.pk}/")


def disbursement_approval(*, agreement):
    """The open approval (결재 중) of a tranche of the agreement, whatever day and amount it names, or None."""
    return approval_open_under(act="grants.disburse", key_prefix=f"{agreement.code}/")
