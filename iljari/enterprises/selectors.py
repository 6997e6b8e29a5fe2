"""enterprises selectors — reads of the registry, the strong-SME platform and public procurement.

Contract:
- organisation_list(*, user, q="", kind="", certification="", district_code="", on=None) -> QuerySet[Organisation]
      office-wide roles every organisation; a district officer those of their district (scope_rows).
      `q` matches the name or the business number (hyphens or not); `certification` a type valid on `on` (today).
- organisation_get(*, user, pk) -> Organisation                 (404 outside the user's scope)
- organisation_contacts(*, organisation) -> list[User]
- my_organisation(*, user) -> Organisation                       (the organisation account's own)
- organisation_by_business_number(*, user, number) -> Organisation | None   (for entering purchases)
- social_economy_counts(*, on) -> dict[str, int]                 (organisations per valid type, and 'total')
- platform_list(*, q="", district_code="", sector="", conditions=(), on=None) -> QuerySet[Organisation]
      public: the strong SMEs designated on the day, with their published reviews' mean rating and count.
- platform_get(*, pk, on=None) -> Organisation                   (404 unless designated on the day)
- platform_reviews(*, organisation) -> list[PlatformReview]      (published only)
- platform_review_get(*, pk) -> PlatformReview                  (public: a published review, 404 otherwise)
- review_queue(*, user, status="pending") -> QuerySet[PlatformReview]   (staff: author always named)
      with each review's reports (reporter, reason); "reported": published ones with reports and those hidden.
- procurement_progress(*, user, year, as_of=None) -> ProcurementProgress
      target, total and rate of the purchases up to as_of; by buyer, type, category and month.
- purchase_list(*, user, year, buyer_id=None) -> QuerySet[Purchase]
- organisation_purchase_list(*, user, organisation_id) -> QuerySet[Purchase]
      public purchases from this organisation as the supplier, in scope, newest first (the organisation's one page)
- my_purchase_list(*, user, year) -> QuerySet[Purchase]            (a public body's own account: its purchases)
- my_purchase_total(*, user, year) -> int                            (their sum, 원)
- purchase_template() -> bytes                                   (the upload sheet, PURCHASE_COLUMNS)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Avg, Count, Exists, OuterRef, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import ExtractMonth
from django.utils import timezone

from iljari.core.access import (
    access_organisation_own,
    access_organisations_manage,
    access_organisations_view,
    access_procurement_own,
    access_procurement_view,
    access_purchases_enter_any,
    require,
    scope_rows,
)
from iljari.core.errors import NotFound
from iljari.core.formats import ratio
from iljari.core.models import User
from iljari.core.xlsx import Column, xlsx_table
from iljari.enterprises.models import (
    SOCIAL_ECONOMY_KINDS,
    Certification,
    Organisation,
    PlatformReview,
    ProcurementTarget,
    Purchase,
    ReviewReport,
    valid_on_q,
)


def _certified(kind: str, on: date):
    return Exists(Certification.objects.filter(valid_on_q(on), organisation=OuterRef("pk"), kind=kind))


def organisation_list(
    *, user, q: str = "", kind: str = "", certification: str = "", district_code: str = "", on: date | None = None
) -> QuerySet[Organisation]:
    require(access_organisations_view(user))
    rows = scope_rows(user, Organisation.objects.select_related("district"), district="district")
    q = (q or "").strip()
    if q:
        digits = re.sub(r"[\s-]", "", q)
        match = Q(name__icontains=q)
        if digits.isdecimal():
            match |= Q(business_number__startswith=digits)
        rows = rows.filter(match)
    if kind:
        rows = rows.filter(kind=kind)
    if district_code:
        rows = rows.filter(district__code=district_code)
    if certification:
        rows = rows.filter(_certified(certification, on or timezone.localdate()))
    return rows.order_by("name", "pk")


def organisation_get(*, user, pk: int) -> Organisation:
    require(access_organisations_view(user))
    organisation = (
        scope_rows(user, Organisation.objects.select_related("district"), district="district").filter(pk=pk).first()
    )
    if organisation is None:
        raise NotFound("기업·단체를 찾을 수 없습니다.")
    return organisation


def organisation_contacts(*, organisation: Organisation) -> list:
    return list(User.objects.filter(organisation=organisation).order_by("username"))


def my_organisation(*, user) -> Organisation:
    require(access_organisation_own(user), "기업·단체 담당자로 지정된 계정만 볼 수 있습니다.")
    return Organisation.objects.select_related("district").get(pk=user.organisation_id)


def organisation_by_business_number(*, user, number: str) -> Organisation | None:
    require(access_purchases_enter_any(user))
    return Organisation.objects.filter(business_number=re.sub(r"[\s-]", "", number or "")).first()


def social_economy_counts(*, on: date) -> dict[str, int]:
    """How many organisations hold each social-economy type valid on the day (one aggregate query)."""
    valid = Certification.objects.filter(valid_on_q(on), kind__in=SOCIAL_ECONOMY_KINDS)
    counts = {kind: 0 for kind in SOCIAL_ECONOMY_KINDS}
    for kind, n in valid.values_list("kind").annotate(n=Count("organisation", distinct=True)).values_list("kind", "n"):
        counts[kind] = n
    counts["total"] = valid.values("organisation").distinct().count()
    return counts


# --- the strong-SME platform (public) ---------------------------------------------------------------------

CONDITIONS = {
    "flexible_work": "유연근무제",
    "parental_leave": "육아휴직 사용·복귀 지원",
    "youth_hiring": "청년 채용",
}


def _platform_rows(on: date) -> QuerySet[Organisation]:
    published = Q(reviews__status=PlatformReview.Status.PUBLISHED)
    return (
        Organisation.objects.filter(_certified(Certification.Kind.STRONG_SME, on))
        .select_related("district")
        .annotate(rating=Avg("reviews__rating", filter=published), review_count=Count("reviews", filter=published))
    )


def platform_list(
    *, q: str = "", district_code: str = "", sector: str = "", conditions=(), on: date | None = None
) -> QuerySet[Organisation]:
    rows = _platform_rows(on or timezone.localdate())
    if (q or "").strip():
        rows = rows.filter(Q(name__icontains=q.strip()) | Q(introduction__icontains=q.strip()))
    if district_code:
        rows = rows.filter(district__code=district_code)
    if sector:
        rows = rows.filter(sector=sector)
    for condition in conditions:
        if condition in CONDITIONS:
            rows = rows.filter(**{condition: True})
    return rows.order_by("name", "pk")


def platform_get(*, pk: int, on: date | None = None) -> Organisation:
    organisation = _platform_rows(on or timezone.localdate()).filter(pk=pk).first()
    if organisation is None:
        raise NotFound("서울형 강소기업 플랫폼에 없는 기업입니다.")
    return organisation


def masked_name(name: str) -> str:
    """'김철수' → '김**' (the public never sees a reviewer's name; staff do)."""
    name = (name or "").strip()
    return (name[0] + "*" * (len(name) - 1)) if len(name) > 1 else "*"


def platform_reviews(*, organisation: Organisation) -> list[PlatformReview]:
    reviews = list(
        organisation.reviews.filter(status=PlatformReview.Status.PUBLISHED)
        .select_related("author")
        .order_by("-created_at")
    )
    for review in reviews:
        review.public_author = masked_name(review.author.name) if review.author_id else "(파기)"
    return reviews


def platform_review_get(*, pk: int) -> PlatformReview:
    """A published review, as the public platform shows it (the one a visitor may report); NotFound otherwise."""
    review = PlatformReview.objects.filter(pk=pk, status=PlatformReview.Status.PUBLISHED).first()
    if review is None:
        raise NotFound("후기를 찾을 수 없습니다.")
    return review


def review_queue(*, user, status: str = PlatformReview.Status.PENDING) -> QuerySet[PlatformReview]:
    require(access_organisations_manage(user))
    rows = PlatformReview.objects.select_related("organisation", "author", "moderated_by").prefetch_related(
        Prefetch("reports", queryset=ReviewReport.objects.select_related("reporter").order_by("created_at", "pk"))
    )
    if status == "reported":  # published with reports, and those the reports hid: the moderator decides
        reported = Q(report_count__gt=0, status=PlatformReview.Status.PUBLISHED) | Q(
            status=PlatformReview.Status.HIDDEN
        )
        return rows.filter(reported).order_by("-report_count", "-pk")
    if status:
        rows = rows.filter(status=status)
    return rows.order_by("created_at", "pk")


def review_get(*, user, pk: int) -> PlatformReview:
    review = review_queue(user=user, status="").filter(pk=pk).first()
    if review is None:
        raise NotFound("후기를 찾을 수 없습니다.")
    return review


# --- public procurement -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Share:
    label: str
    amount: int
    count: int


@dataclass(frozen=True)
class ProcurementProgress:
    year: int
    as_of: date | None
    target: int | None
    total: int
    count: int
    last_purchase: date | None
    by_buyer: list[Share]
    by_kind: list[Share]
    by_category: list[Share]
    by_month: list[Share]

    @property
    def rate(self) -> Decimal | None:
        """The share of the target reached (a ratio: 0.268 is shown as 26.8%)."""
        return ratio(self.total, self.target)


def purchase_list(*, user, year: int, buyer_id: int | None = None, query: str = "") -> QuerySet[Purchase]:
    """The purchases of a year in the user's scope, newest first; `query` a part of the buyer's or the supplier's
    name or of the item."""
    require(access_procurement_view(user))
    rows = scope_rows(user, Purchase.objects.select_related("buyer", "supplier"), district="buyer__district").filter(
        purchased_on__year=year
    )
    if buyer_id:
        rows = rows.filter(buyer_id=buyer_id)
    if query:
        rows = rows.filter(
            Q(buyer__name__icontains=query) | Q(supplier__name__icontains=query) | Q(item__icontains=query)
        )
    return rows.order_by("-purchased_on", "-pk")


def organisation_purchase_list(*, user, organisation_id: int) -> QuerySet[Purchase]:
    require(access_procurement_view(user))
    rows = Purchase.objects.filter(supplier_id=organisation_id).select_related("buyer")
    return scope_rows(user, rows, district="buyer__district").order_by("-purchased_on", "-pk")


def my_purchase_list(*, user, year: int) -> QuerySet[Purchase]:
    """A public body's own purchases of the year (its own account: access_procurement_own)."""
    require(access_procurement_own(user), "구매기관(자치구·공공기관) 담당자 계정만 볼 수 있습니다.")
    return (
        Purchase.objects.filter(buyer_id=user.organisation_id, purchased_on__year=year)
        .select_related("supplier")
        .order_by("-purchased_on", "-pk")
    )


def my_purchase_total(*, user, year: int) -> int:
    return my_purchase_list(user=user, year=year).aggregate(total=Sum("amount"))["total"] or 0


def procurement_progress(*, user, year: int, as_of: date | None = None) -> ProcurementProgress:
    """The office's figures for the year, from the purchases made up to `as_of` (the whole year when None), so that
    a past figure ('18.5.31. 기준) is rebuilt exactly. A district officer sees the office's total too: the target is
    the city's."""
    require(access_procurement_view(user))
    rows = Purchase.objects.filter(purchased_on__year=year)
    if as_of is not None:
        rows = rows.filter(purchased_on__lte=as_of)
    totals = rows.aggregate(total=Sum("amount"), count=Count("pk"))
    last = rows.order_by("-purchased_on").values_list("purchased_on", flat=True).first()
    target = ProcurementTarget.objects.filter(year=year).values_list("amount", flat=True).first()

    def shares(key, labels) -> list[Share]:
        grouped = rows.values_list(key).annotate(amount=Sum("amount"), n=Count("pk")).values_list(key, "amount", "n")
        result = [Share(labels(value), amount, n) for value, amount, n in grouped]
        return sorted(result, key=lambda s: (-s.amount, s.label))

    kinds = dict(Certification.Kind.choices)
    categories = dict(Purchase.Category.choices)
    buyer_names = dict(Organisation.objects.filter(pk__in=rows.values("buyer_id")).values_list("pk", "name"))
    by_month = sorted(
        (
            Share(f"{month}월", amount, n)
            for month, amount, n in rows.annotate(month=ExtractMonth("purchased_on"))
            .values_list("month")
            .annotate(amount=Sum("amount"), n=Count("pk"))
            .values_list("month", "amount", "n")
        ),
        key=lambda s: int(s.label[:-1]),
    )
    return ProcurementProgress(
        year=year,
        as_of=as_of,
        target=target,
        total=totals["total"] or 0,
        count=totals["count"] or 0,
        last_purchase=last,
        by_buyer=shares("buyer_id", lambda pk: buyer_names.get(pk, "")),
        by_kind=shares("supplier_kind", lambda kind: str(kinds.get(kind, kind))),
        by_category=shares("category", lambda value: str(categories.get(value, value))),
        by_month=by_month,
    )


PURCHASE_COLUMNS = [
    Column("buyer", "구매기관 사업자등록번호"),
    Column("supplier", "공급기업 사업자등록번호"),
    Column("category", "구분(물품·용역·공사)"),
    Column("item", "품목", required=False),  # checked by the service with the other rules
    Column("amount", "금액(원)", kind="int"),  # within a bigint here; the service refuses 0, negatives and past MONEY
    Column("purchased_on", "구매일", kind="date"),
]


def purchase_template() -> bytes:
    return xlsx_table(
        title="공공구매 실적",
        columns=PURCHASE_COLUMNS,
        rows=[],
        note="한 행에 구매 한 건. 사업자등록번호는 하이픈이 있어도 됩니다. 구분은 물품, 용역, 공사 가운데 하나.",
    )
