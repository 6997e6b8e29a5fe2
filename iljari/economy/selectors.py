"""economy selectors — reads of the social economy's networks and markets. The pages' reads need
core.access.access_economy_view (the office-wide roles; 403 otherwise); the figures' counts take no user (the office's
own totals, registered as figures from records and fed to the indicators).

Contract:
Pages and API (user):
- member_list(*, user, query="", kind="", state="", on=None) -> QuerySet[NetworkMember]
      `query` a part of the name, country or city; state "member" (standing on `on`, default today) or "left"
- member_get(*, user, pk) -> NetworkMember          its dues prefetched (newest year first); 404 otherwise
- dialogue_list(*, user, year=None, query="") -> QuerySet[PolicyDialogue]
- criterion_rows(*, user, as_of) -> list[CriterionRow]   each of the 5 기준 with its evidence and whether it is met
      (some evidence dated on or before `as_of`)
- certification_latest(*, user, as_of=None) -> FairTradeCertification | None
- evidence_get(*, user, pk) -> CriterionEvidence
- space_list(*, user, query="", kind="", district="") -> QuerySet[Space]   annotated with `tenants` (standing today)
- space_get(*, user, pk) -> Space                    404 otherwise
- organisation_by_number(*, user, number) -> Organisation | None   a registered organisation by its 사업자등록번호
      (hyphens allowed), to record it as a tenant (access_economy_manage)
- tenancy_get(*, user, space, pk) -> Tenancy         one tenancy of the space; 404 otherwise
- space_detail(*, space, on) -> dict                 its uses by month, tenancies (current first) and programmes
- channel_list(*, user) -> QuerySet[SalesChannel]
- sale_list(*, user, year, query="", channel="") -> QuerySet[ChannelSale]
- market_summary(*, user, year, as_of=None) -> MarketSummary   the channels' sales of the year (to `as_of`) by
      channel and by month, beside the year's public procurement from enterprises.procurement_progress
- economy_overview(*, user, year, as_of) -> dict     the figures of the overview page, and `printed`: the figures
      this app registers from records (P3-02, P3-06, P3-07) beside the values the report printed
Figures (no user):
- member_count(*, on) -> int                         GSEF members standing on `on`
- dialogue_count(*, code, year, field) -> int|None   a dialogue's participants or cities ("participants"|"cities")
- criteria_met_count(*, as_of) -> int
- space_counts(*, year, as_of) -> dict                clusters open on `as_of`, clusters opened by `as_of` (누계),
      centres in their fourth year in `year`, hubs open, tenancies standing
- zone_counts(*, year, as_of) -> dict                 grants' ecosystem_zone_counts (특구)
- indicator_actuals(*, year, as_of) -> dict          {"IND-09": 특구 누계, "IND-10": 클러스터 공간 누계}
- SALE_COLUMNS, sale_template() -> bytes             the sales upload's columns and its empty sheet
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.utils import timezone

from iljari.core.access import access_economy_manage, access_economy_view, require
from iljari.core.errors import NotFound
from iljari.core.xlsx import Column, xlsx_table
from iljari.economy.models import (
    ChannelSale,
    CriterionEvidence,
    FairTradeCertification,
    FairTradeCriterion,
    NetworkMember,
    PolicyDialogue,
    SalesChannel,
    Space,
    SpaceProgramme,
    SpaceUse,
    Tenancy,
)
from iljari.enterprises.models import Organisation
from iljari.enterprises.selectors import procurement_progress
from iljari.grants.district_selectors import ecosystem_zone_counts
from iljari.performance.record_figures import record_figure_rows

VIEW_MESSAGE = "사회적경제 연대·판로 자료를 볼 권한이 없습니다."
ZONE_INDICATOR = "IND-09"  # 사회적경제 특구 육성(누계)
CLUSTER_INDICATOR = "IND-10"  # 사회적경제 클러스터 공간조성(누계)
MEMBER_STATES = {"member": "회원", "left": "탈퇴"}
FIGURE_PROGRAMMES = ("P3-02", "P3-06", "P3-07")


def _view(user) -> None:
    require(access_economy_view(user), VIEW_MESSAGE)


def _standing(on: date) -> Q:
    return Q(joined_on__lte=on) & (Q(left_on__isnull=True) | Q(left_on__gt=on))


# --- GSEF -----------------------------------------------------------------------------------------------------


def member_list(
    *, user, query: str = "", kind: str = "", state: str = "", on: date | None = None
) -> QuerySet[NetworkMember]:
    _view(user)
    rows = NetworkMember.objects.all()
    if query:
        rows = rows.filter(Q(name__icontains=query) | Q(country__icontains=query) | Q(city__icontains=query))
    if kind:
        rows = rows.filter(kind=kind)
    on = on or timezone.localdate()
    if state == "member":
        rows = rows.filter(_standing(on))
    elif state == "left":
        rows = rows.filter(left_on__isnull=False, left_on__lte=on)
    return rows


def member_get(*, user, pk: int) -> NetworkMember:
    _view(user)
    member = NetworkMember.objects.filter(pk=pk).prefetch_related("dues").first()
    if member is None:
        raise NotFound("GSEF 회원을 찾을 수 없습니다.")
    return member


def member_count(*, on: date) -> int:
    return NetworkMember.objects.filter(_standing(on)).count()


def dialogue_list(*, user, year: int | None = None, query: str = "") -> QuerySet[PolicyDialogue]:
    _view(user)
    rows = PolicyDialogue.objects.all()
    if year:
        rows = rows.filter(held_on__year=year)
    if query:
        rows = rows.filter(Q(title__icontains=query) | Q(place__icontains=query) | Q(host__icontains=query))
    return rows.order_by("held_on", "code")


def dialogue_count(*, code: str, year: int, field: str) -> int | None:
    """A dialogue's recorded participants or cities: expected ones until it is held (the report prints the year's
    planned dialogues with their expected numbers), so the figure reads the year's record whatever the as-of date."""
    if field not in ("participants", "cities"):
        raise ValueError(field)
    return PolicyDialogue.objects.filter(code=code, held_on__year=year).values_list(field, flat=True).first()


# --- 공정무역도시 ---------------------------------------------------------------------------------------------


@dataclass
class CriterionRow:
    criterion: FairTradeCriterion
    evidence: list[CriterionEvidence]
    met_on: date | None

    @property
    def met(self) -> bool:
        return self.met_on is not None


def criterion_rows(*, user, as_of: date) -> list[CriterionRow]:
    _view(user)
    criteria = FairTradeCriterion.objects.prefetch_related(
        Prefetch("evidence", queryset=CriterionEvidence.objects.order_by("dated_on", "pk"))
    ).order_by("number")
    rows = []
    for criterion in criteria:
        evidence = list(criterion.evidence.all())
        dated = [e.dated_on for e in evidence if e.dated_on <= as_of]
        rows.append(CriterionRow(criterion=criterion, evidence=evidence, met_on=min(dated) if dated else None))
    return rows


def criteria_met_count(*, as_of: date) -> int:
    return FairTradeCriterion.objects.filter(evidence__dated_on__lte=as_of).distinct().count()


def certification_latest(*, user, as_of: date | None = None) -> FairTradeCertification | None:
    _view(user)
    rows = FairTradeCertification.objects.all()
    if as_of is not None:
        rows = rows.filter(certified_on__lte=as_of)
    return rows.order_by("-certified_on", "-pk").first()


def evidence_get(*, user, pk: int) -> CriterionEvidence:
    _view(user)
    evidence = CriterionEvidence.objects.filter(pk=pk).select_related("criterion").first()
    if evidence is None:
        raise NotFound("인증 기준의 근거를 찾을 수 없습니다.")
    return evidence


# --- places ---------------------------------------------------------------------------------------------------


def _tenancy_standing(on: date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}starts_on__lte": on}) & (
        Q(**{f"{prefix}ends_on__isnull": True}) | Q(**{f"{prefix}ends_on__gte": on})
    )


def space_list(*, user, query: str = "", kind: str = "", district: str = "") -> QuerySet[Space]:
    _view(user)
    today = timezone.localdate()
    rows = Space.objects.select_related("district").annotate(
        tenants=Count("tenancies", filter=_tenancy_standing(today, "tenancies__"), distinct=True)
    )
    if query:
        rows = rows.filter(Q(name__icontains=query) | Q(operator__icontains=query))
    if kind:
        rows = rows.filter(kind=kind)
    if district:
        rows = rows.filter(district__code=district)
    return rows


def space_get(*, user, pk: int) -> Space:
    _view(user)
    space = Space.objects.select_related("district").filter(pk=pk).first()
    if space is None:
        raise NotFound("사회적경제 공간을 찾을 수 없습니다.")
    return space


def organisation_by_number(*, user, number: str):
    require(access_economy_manage(user), VIEW_MESSAGE)
    digits = re.sub(r"\D", "", number or "")
    return Organisation.objects.filter(business_number=digits).first() if digits else None


def tenancy_get(*, user, space: Space, pk: int) -> Tenancy:
    _view(user)
    tenancy = Tenancy.objects.filter(space=space, pk=pk).select_related("organisation").first()
    if tenancy is None:
        raise NotFound("입주 기록을 찾을 수 없습니다.")
    return tenancy


def space_detail(*, space: Space, on: date) -> dict:
    uses = list(SpaceUse.objects.filter(space=space).order_by("-month", "kind"))
    months: dict[date, dict] = {}
    for use in uses:
        row = months.setdefault(use.month, {"month": use.month, "total": 0, "by_kind": {}})
        row["by_kind"][use.kind] = use.count
        row["total"] += use.count
    tenancies = list(Tenancy.objects.filter(space=space).select_related("organisation").order_by("-starts_on", "pk"))
    for tenancy in tenancies:
        tenancy.standing = tenancy.starts_on <= on and (tenancy.ends_on is None or tenancy.ends_on >= on)
    tenancies.sort(key=lambda t: not t.standing)
    return {
        "months": list(months.values()),
        "use_kinds": SpaceUse.Kind.choices,
        "tenancies": tenancies,
        "programmes": list(SpaceProgramme.objects.filter(space=space).order_by("-starts_on", "pk")),
    }


def space_counts(*, year: int, as_of: date) -> dict[str, int]:
    opened = Space.objects.filter(opened_on__isnull=False, opened_on__lte=as_of)
    open_now = opened.filter(Q(closed_on__isnull=True) | Q(closed_on__gt=as_of))
    return {
        "clusters": open_now.filter(kind=Space.Kind.CLUSTER).count(),
        "clusters_cumulative": opened.filter(kind=Space.Kind.CLUSTER).count(),
        "centres_year4": open_now.filter(kind=Space.Kind.CENTRE, opened_on__year=year - 3).count(),
        "hubs": open_now.filter(kind=Space.Kind.HUB).count(),
        "hub_tenancies": Tenancy.objects.filter(_tenancy_standing(as_of), space__kind=Space.Kind.HUB).count(),
    }


def zone_counts(*, year: int, as_of: date) -> dict[str, int]:
    return ecosystem_zone_counts(year=year, as_of=as_of)


def indicator_actuals(*, year: int, as_of: date) -> dict[str, int]:
    return {
        ZONE_INDICATOR: zone_counts(year=year, as_of=as_of)["cumulative"],
        CLUSTER_INDICATOR: space_counts(year=year, as_of=as_of)["clusters_cumulative"],
    }


# --- markets --------------------------------------------------------------------------------------------------


def channel_list(*, user) -> QuerySet[SalesChannel]:
    _view(user)
    return SalesChannel.objects.order_by("code")


def sale_list(*, user, year: int, query: str = "", channel: str = "") -> QuerySet[ChannelSale]:
    _view(user)
    rows = ChannelSale.objects.select_related("channel", "organisation").filter(month__year=year)
    if query:
        rows = rows.filter(Q(organisation__name__icontains=query) | Q(channel__name__icontains=query))
    if channel:
        rows = rows.filter(channel__code=channel)
    return rows


@dataclass
class MarketSummary:
    year: int
    as_of: date | None
    channels: list[dict] = field(default_factory=list)
    months: list[dict] = field(default_factory=list)
    total: int = 0
    procurement_total: int = 0
    procurement_count: int = 0
    procurement_target: int | None = None


def market_summary(*, user, year: int, as_of: date | None = None) -> MarketSummary:
    _view(user)
    sales = ChannelSale.objects.filter(month__year=year)
    if as_of is not None:
        sales = sales.filter(month__lte=as_of)
    by_channel = {
        row["channel"]: row
        for row in sales.values("channel").annotate(amount=Sum("amount"), sellers=Count("organisation", distinct=True))
    }
    summary = MarketSummary(year=year, as_of=as_of)
    for channel in SalesChannel.objects.order_by("code"):
        row = by_channel.get(channel.pk, {})
        summary.channels.append(
            {"channel": channel, "amount": row.get("amount") or 0, "sellers": row.get("sellers") or 0}
        )
    summary.total = sum(row["amount"] for row in summary.channels)
    months = sales.values("month").annotate(amount=Sum("amount")).order_by("month")
    summary.months = [{"month": row["month"], "amount": row["amount"]} for row in months]
    progress = procurement_progress(user=user, year=year, as_of=as_of)
    summary.procurement_total, summary.procurement_count = progress.total, progress.count
    summary.procurement_target = progress.target
    return summary


SALE_COLUMNS = [
    Column("channel", "판로 코드"),
    Column("business_number", "사업자등록번호"),
    Column("month", "월(그 달의 아무 날)", kind="date"),
    Column("amount", "매출액(원)", kind="int"),
]


def sale_template() -> bytes:
    codes = ", ".join(SalesChannel.objects.order_by("code").values_list("code", flat=True)) or "없음"
    return xlsx_table(
        title="판로 매출",
        columns=SALE_COLUMNS,
        rows=[],
        note=f"한 행에 판로·기업·월 하나. 판로 코드: {codes}. 사업자등록번호는 하이픈이 있어도 됩니다.",
    )


# --- the overview ---------------------------------------------------------------------------------------------


def economy_overview(*, user, year: int, as_of: date) -> dict:
    _view(user)
    spaces = space_counts(year=year, as_of=as_of)
    zones = zone_counts(year=year, as_of=as_of)
    return {
        "members": member_count(on=as_of),
        "dialogues": PolicyDialogue.objects.filter(held_on__year=year).count(),
        "dialogues_held": PolicyDialogue.objects.filter(held_on__year=year, held_on__lte=as_of).count(),
        "criteria": FairTradeCriterion.objects.count(),
        "criteria_met": criteria_met_count(as_of=as_of),
        "certification": certification_latest(user=user, as_of=as_of),
        "spaces": spaces,
        "zones": zones,
        "channels": SalesChannel.objects.count(),
        "printed": [
            row
            for programme in FIGURE_PROGRAMMES
            for row in record_figure_rows(year=year, as_of=as_of, programme=programme)
        ],
    }
