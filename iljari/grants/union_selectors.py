"""grants union selectors — reads of the labour unions' support (노동단체 지원) and the 근로자 자녀 장학금, scoped to
the user.

Contract:
- union_agreement_list(*, user, year=None) -> QuerySet[GrantAgreement]
      the agreements whose grantee is a 노동단체: office-wide roles every one, a district officer or partner agency
      those of its scope (like the agreements), a union's own account its own; annotated with .disbursed,
      .sub_project_count and .sub_project_budget (the known sub-project budgets).
- union_agreement_get(*, user, code) -> GrantAgreement               404 outside the scope or not a union's
- union_sub_projects(*, agreement) -> list[SubProject]               each with .paid (its tranches) and
      .scholarship_count
- union_tranches(*, agreement) -> list[Disbursement]                 each with .sub_project (or None)
- union_years(*, user) -> list[int]
- union_federation_figure(*, federation, what, year, as_of) -> int | Decimal | None
      the report's figures of a federation ("fktu" 한국노총, "kctu" 민주노총: the grantee's name holds it) from the
      records: "budget" (백만원: the city share of its agreements of the year signed on or before as_of),
      "disbursed" (백만원: tranches paid from 1 January to as_of), "projects" (sub-projects not dropped),
      "projects_running" (sub-projects running). None where the federation has no agreement of the year.
- scholarship_list(*, agreement) -> list[Scholarship]               with .recipient_count, .paid_total, .pending
- scholarship_get(*, user, pk) -> Scholarship                        the union's scope and access_scholarship_view
- scholarship_recipient_list(*, user, scholarship, q="", state="", review="") -> QuerySet[ScholarshipRecipient]
      the list's search matches the name in part or the school; the page masks the names (홍*동)
- scholarship_recipient_get(*, user, pk) -> ScholarshipRecipient
- foundation_import_list(*, scholarship) -> list[FoundationImport]   newest first, with who
Reports may read these selectors; grants imports nothing of reports.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from iljari.core.access import (
    access_organisation_own,
    access_scholarship_view,
    access_unions_view,
    require,
    scope_rows,
)
from iljari.core.errors import NotFound
from iljari.enterprises.models import Organisation
from iljari.grants.models import (
    Disbursement,
    FoundationImport,
    GrantAgreement,
    Scholarship,
    ScholarshipRecipient,
    SubProject,
)

VIEW_MESSAGE = "노동단체 지원 사업을 볼 권한이 없습니다."
SCHOLARSHIP_MESSAGE = "장학금 대상 학생 명단을 볼 권한이 없습니다."
FEDERATIONS = {"fktu": "한국노총", "kctu": "민주노총"}
MILLION = Decimal(1_000_000)


def _disbursed():
    paid = (
        Disbursement.objects.filter(agreement=OuterRef("pk")).order_by().values("agreement").annotate(s=Sum("amount"))
    )
    return Coalesce(Subquery(paid.values("s")[:1]), Value(0))


def _sub_projects(field: str):
    rows = SubProject.objects.filter(agreement=OuterRef("pk")).order_by().values("agreement")
    rows = rows.annotate(v=Count("pk")) if field == "count" else rows.annotate(v=Sum("budget"))
    return Coalesce(Subquery(rows.values("v")[:1], output_field=IntegerField()), Value(0))


def _unions(user) -> QuerySet[GrantAgreement]:
    require(access_unions_view(user), VIEW_MESSAGE)
    rows = GrantAgreement.objects.select_related("programme", "programme__programme__division", "grantee").filter(
        grantee__kind=Organisation.Kind.LABOUR_ORGANISATION
    )
    if access_organisation_own(user):
        return rows.filter(grantee_id=user.organisation_id)
    return scope_rows(user, rows, district="district", partner="partner")


def union_agreement_list(*, user, year: int | None = None) -> QuerySet[GrantAgreement]:
    rows = _unions(user)
    if year:
        rows = rows.filter(year=year)
    return rows.annotate(
        disbursed=_disbursed(),
        sub_project_count=_sub_projects("count"),
        sub_project_budget=_sub_projects("budget"),
    ).order_by("-year", "grantee__name", "code")


def union_agreement_get(*, user, code: str) -> GrantAgreement:
    agreement = _unions(user).filter(code=code).annotate(disbursed=_disbursed()).first()
    if agreement is None:
        raise NotFound("노동단체 지원 협약을 찾을 수 없습니다.")
    return agreement


def union_years(*, user) -> list[int]:
    return sorted(set(_unions(user).values_list("year", flat=True)), reverse=True)


def union_sub_projects(*, agreement: GrantAgreement) -> list[SubProject]:
    paid = (
        Disbursement.objects.filter(sub_project_link__sub_project=OuterRef("pk"))
        .order_by()
        .values("sub_project_link__sub_project")
        .annotate(s=Sum("amount"))
        .values("s")[:1]
    )
    return list(
        agreement.sub_projects.annotate(
            paid=Coalesce(Subquery(paid), Value(0)), scholarship_count=Count("scholarships")
        ).order_by("order")
    )


def union_tranches(*, agreement: GrantAgreement) -> list[Disbursement]:
    tranches = list(agreement.disbursements.select_related("sub_project_link__sub_project").order_by("number"))
    for tranche in tranches:
        link = getattr(tranche, "sub_project_link", None)
        tranche.sub_project = link.sub_project if link is not None else None
    return tranches


def union_federation_figure(*, federation: str, what: str, year: int, as_of: date) -> int | Decimal | None:
    agreements = GrantAgreement.objects.filter(
        grantee__kind=Organisation.Kind.LABOUR_ORGANISATION,
        grantee__name__contains=FEDERATIONS[federation],
        year=year,
        signed_on__isnull=False,
        signed_on__lte=as_of,
    )
    if not agreements.exists():
        return None
    if what == "budget":
        total = agreements.aggregate(s=Sum("city_amount"))["s"] or 0
        return Decimal(total) / MILLION
    if what == "disbursed":
        paid = Disbursement.objects.filter(
            agreement__in=agreements, paid_on__gte=date(year, 1, 1), paid_on__lte=as_of
        ).aggregate(s=Sum("amount"))["s"]
        return Decimal(paid or 0) / MILLION
    sub_projects = SubProject.objects.filter(agreement__in=agreements)
    if what == "projects":
        return sub_projects.exclude(state=SubProject.State.DROPPED).count()
    if what == "projects_running":
        return sub_projects.filter(state=SubProject.State.RUNNING).count()
    raise ValueError(f"unknown union figure: {what}")


# --- scholarships -----------------------------------------------------------------------------------------------


def scholarship_list(*, agreement: GrantAgreement) -> list[Scholarship]:
    return list(
        Scholarship.objects.filter(sub_project__agreement=agreement)
        .select_related("sub_project")
        .annotate(
            recipient_count=Count("recipients", filter=~Q(recipients__state=ScholarshipRecipient.State.EXCLUDED)),
            paid_total=Coalesce(
                Sum("recipients__amount", filter=Q(recipients__state=ScholarshipRecipient.State.PAID)), Value(0)
            ),
            pending=Count("recipients", filter=Q(recipients__review=ScholarshipRecipient.Review.PENDING)),
        )
        .order_by("-year", "pk")
    )


def scholarship_get(*, user, pk: int) -> Scholarship:
    scholarship = (
        Scholarship.objects.select_related(
            "sub_project", "sub_project__agreement", "sub_project__agreement__programme__programme__division"
        )
        .filter(pk=pk, sub_project__agreement__in=_unions(user).values("pk"))
        .first()
    )
    if scholarship is None:
        raise NotFound("장학금 회차를 찾을 수 없습니다.")
    require(access_scholarship_view(user, scholarship.sub_project.agreement), SCHOLARSHIP_MESSAGE)
    return scholarship


def scholarship_recipient_list(
    *, user, scholarship: Scholarship, q: str = "", state: str = "", review: str | None = None
) -> QuerySet[ScholarshipRecipient]:
    require(access_scholarship_view(user, scholarship.sub_project.agreement), SCHOLARSHIP_MESSAGE)
    rows = scholarship.recipients.select_related("match")
    q = " ".join((q or "").split())
    if q:
        rows = rows.filter(Q(name__icontains=q) | Q(school__icontains=q))
    if state:
        rows = rows.filter(state=state)
    if review is not None and review in ScholarshipRecipient.Review.values:
        rows = rows.filter(review=review)
    return rows


def scholarship_recipient_get(*, user, pk: int) -> ScholarshipRecipient:
    recipient = ScholarshipRecipient.objects.select_related("scholarship").filter(pk=pk).first()
    if recipient is None:
        raise NotFound("장학금 대상 학생을 찾을 수 없습니다.")
    scholarship_get(user=user, pk=recipient.scholarship_id)
    return recipient


def foundation_import_list(*, scholarship: Scholarship) -> list[FoundationImport]:
    return list(scholarship.imports.select_related("imported_by").order_by("-created_at", "-pk"))
