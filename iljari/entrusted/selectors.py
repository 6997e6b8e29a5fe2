"""entrusted selectors — the entrusted facilities (민간위탁), read in the user's scope.

Contract (every function with `user` checks core.access.access_entrusted_view, 403 otherwise; the office-wide roles
read every facility, a partner agency the facilities it holds a contract for and only its own contracts):
- facility_list(*, user, query="", kind="", division="", state="", on=None) -> QuerySet[Facility]
      `query` a part of the code, name, address or a trustee's name; `division` an org unit code; `state` the
      state of a contract of the facility (planned, running, ended; "none": no contract at all); annotated with
      the current contract's trustee name, term and state (`current_*`, the newest contract by term)
- facility_get(*, user, code) -> Facility                                   404 outside the scope
- facility_detail(*, user, facility, on) -> FacilityDetail                  contracts, budgets, evaluations and the
      renewal path (each step with its D-day or overdue days as of `on`), all scoped
- contract_list(*, user, facility=None, state="") -> QuerySet[Contract]
- contract_get(*, user, pk) -> Contract
- budget_get(*, user, pk) -> YearBudget;  renewal_step_get(*, user, pk) -> RenewalStep
- contracts_ending(*, user, on, within_days=365, kept=False) -> QuerySet[Contract]
      contracts not ended whose term ends between `on` and `on` + within_days (both days included); `kept`: only
      the facilities the user keeps (the work list's count and the list its link opens: the office manager every
      facility, division staff their own division's)
- renewal_steps_due(*, user, on, within_days=None, kept=False) -> QuerySet[RenewalStep]
      steps not done: overdue on `on` (due before it) when within_days is None, else due by `on` + within_days
- renewal_path(*, steps, on) -> list[StepRow]      a path's steps with 완료 / D-n / n일 지남 as of `on`
- entrusted_figures(*, year, as_of) -> EntrustedFigures     the counts from records the report prints (no user:
      the office's figures, registered with performance.record_figures in entrusted.figures)
- trustee_choices() -> QuerySet[Partner];  division_choices() -> QuerySet[OrgUnit]   for the forms
- facility_for_code(*, user, code) -> Facility | None     a facility by code (participation's institute page may
      link to its facility: the same code), None when absent or out of scope
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery, Sum

from iljari.core.access import (
    access_entrusted_view,
    entrusted_kept_filter,
    require,
    scope_entrusted_contracts,
    scope_entrusted_facilities,
)
from iljari.core.errors import NotFound
from iljari.entrusted.models import Contract, Evaluation, Facility, RenewalStep, YearBudget
from iljari.org.models import OrgUnit, Partner

STATE_FILTERS = {**dict(Contract.State.choices), "none": "계약 없음"}


def _facilities(user) -> QuerySet[Facility]:
    require(access_entrusted_view(user))
    return scope_entrusted_facilities(user, Facility.objects.all())


def _contracts(user) -> QuerySet[Contract]:
    require(access_entrusted_view(user))
    return scope_entrusted_contracts(user, Contract.objects.all())


def facility_list(
    *, user, query: str = "", kind: str = "", division: str = "", state: str = "", on: date | None = None
) -> QuerySet[Facility]:
    facilities = _facilities(user).select_related("division")
    if query:
        facilities = facilities.filter(
            Q(code__icontains=query)
            | Q(name__icontains=query)
            | Q(address__icontains=query)
            | Q(pk__in=_contracts(user).filter(trustee__name__icontains=query).values("facility"))
        )
    if kind in Facility.Kind.values:
        facilities = facilities.filter(kind=kind)
    if division:
        facilities = facilities.filter(division__code=division)
    own = _contracts(user).filter(facility=OuterRef("pk"))
    if state == "none":
        facilities = facilities.filter(~Exists(Contract.objects.filter(facility=OuterRef("pk"))))
    elif state in Contract.State.values:
        facilities = facilities.filter(Exists(own.filter(state=state)))
    newest = own.order_by(F("term_start").desc(nulls_last=True), "-pk")
    return facilities.annotate(
        current_trustee=Subquery(newest.values("trustee__name")[:1]),
        current_term_start=Subquery(newest.values("term_start")[:1]),
        current_term_end=Subquery(newest.values("term_end")[:1]),
        current_state=Subquery(newest.values("state")[:1]),
    )


def facility_get(*, user, code: str) -> Facility:
    facility = _facilities(user).select_related("division").filter(code=code).first()
    if facility is None:
        raise NotFound("위탁 시설을 찾을 수 없습니다.")
    return facility


def facility_for_code(*, user, code: str) -> Facility | None:
    if not access_entrusted_view(user):
        return None
    return scope_entrusted_facilities(user, Facility.objects.all()).filter(code=code).first()


def contract_list(*, user, facility: Facility | None = None, state: str = "") -> QuerySet[Contract]:
    contracts = _contracts(user).select_related("facility", "trustee", "facility__division")
    if facility is not None:
        contracts = contracts.filter(facility=facility)
    if state in Contract.State.values:
        contracts = contracts.filter(state=state)
    return contracts


def contract_get(*, user, pk: int) -> Contract:
    contract = contract_list(user=user).filter(pk=pk).first()
    if contract is None:
        raise NotFound("위탁 계약을 찾을 수 없습니다.")
    return contract


def budget_get(*, user, pk: int) -> YearBudget:
    require(access_entrusted_view(user))
    rows = scope_entrusted_contracts(user, YearBudget.objects.all(), trustee="contract__trustee")
    budget = rows.select_related("contract__facility__division", "contract__trustee").filter(pk=pk).first()
    if budget is None:
        raise NotFound("위탁 예산을 찾을 수 없습니다.")
    return budget


def _steps(user) -> QuerySet[RenewalStep]:
    require(access_entrusted_view(user))
    facilities = scope_entrusted_facilities(user, Facility.objects.all())
    return RenewalStep.objects.filter(facility__in=facilities).select_related(
        "facility", "facility__division", "contract__trustee", "ending_contract__trustee"
    )


def renewal_step_get(*, user, pk: int) -> RenewalStep:
    step = _steps(user).filter(pk=pk).first()
    if step is None:
        raise NotFound("재위탁 절차를 찾을 수 없습니다.")
    return step


def _kept(user, queryset: QuerySet, division: str) -> QuerySet:
    mine = entrusted_kept_filter(user, division=division)
    return queryset.none() if mine is None else queryset.filter(mine)


def contracts_ending(*, user, on: date, within_days: int = 365, kept: bool = False) -> QuerySet[Contract]:
    within_days = max(0, min(int(within_days), 3650))
    contracts = contract_list(user=user).exclude(state=Contract.State.ENDED)
    contracts = contracts.filter(term_end__gte=on, term_end__lte=on + timedelta(days=within_days))
    if kept:
        contracts = _kept(user, contracts, "facility__division__path")
    return contracts.order_by("term_end", "facility__code", "pk")


def renewal_steps_due(*, user, on: date, within_days: int | None = None, kept: bool = False) -> QuerySet[RenewalStep]:
    steps = _steps(user).filter(done_on__isnull=True)
    if within_days is None:
        steps = steps.filter(due_on__lt=on)
    else:
        steps = steps.filter(due_on__lte=on + timedelta(days=max(0, min(int(within_days), 3650))))
    if kept:
        steps = _kept(user, steps, "facility__division__path")
    return steps.order_by("due_on", "facility__code", "round", "kind")


# --- one facility -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StepRow:
    step: RenewalStep
    status: str  # done | overdue | due | later
    text: str  # 완료('18.4.30.), D-12, 30일 지남, D-day


def _step_row(step: RenewalStep, on: date) -> StepRow:
    if step.done_on is not None:
        return StepRow(step, "done", "완료")
    days = (step.due_on - on).days
    if days < 0:
        return StepRow(step, "overdue", f"{-days:,}일 지남")
    if days == 0:
        return StepRow(step, "due", "D-day")
    return StepRow(step, "due" if days <= 30 else "later", f"D-{days:,}")


def renewal_path(*, steps, on: date) -> list[StepRow]:
    return [_step_row(step, on) for step in steps]


@dataclass(frozen=True)
class FacilityDetail:
    facility: Facility
    contracts: list[Contract]
    budgets: list[YearBudget]
    evaluations: list[Evaluation]
    rounds: list[tuple[int, list[StepRow]]]
    current: Contract | None


def facility_detail(*, user, facility: Facility, on: date) -> FacilityDetail:
    contracts = list(contract_list(user=user, facility=facility).order_by(F("term_start").asc(nulls_last=True), "pk"))
    ids = [c.pk for c in contracts]
    budgets = list(
        YearBudget.objects.filter(contract__in=ids).select_related("contract__trustee").order_by("year", "pk")
    )
    evaluations = list(
        Evaluation.objects.filter(contract__in=ids).select_related("contract__trustee").order_by("year", "pk")
    )
    rounds: dict[int, list[StepRow]] = {}
    for step in _steps(user).filter(facility=facility).order_by("round", "kind"):
        rounds.setdefault(step.round, []).append(_step_row(step, on))
    current = next((c for c in reversed(contracts) if c.runs_on(on)), None)
    return FacilityDetail(
        facility=facility,
        contracts=contracts,
        budgets=budgets,
        evaluations=evaluations,
        rounds=sorted(rounds.items()),
        current=current,
    )


# --- the office's figures -----------------------------------------------------------------------------------------


def _running_on(day: date) -> Q:
    """In force on `day`: signed (운영 중, 종료) and its term covers the day; an unknown term while 운영 중."""
    dated = Q(term_start__lte=day, term_end__gte=day) & ~Q(state=Contract.State.PLANNED)
    undated = Q(term_start__isnull=True, state=Contract.State.RUNNING)
    return dated | undated


@dataclass(frozen=True)
class EntrustedFigures:
    facilities: int  # facilities with a contract in force on the day
    institutes: int  # 기술교육원 with a contract in force on the day
    contracts_running: int
    institutes_ending: int  # 기술교육원 contracts in force whose term ends within a year of the day
    social_economy_centre_budget: int | None  # 원, the year's budgets of the 사회적경제지원센터's contracts


def entrusted_figures(*, year: int, as_of: date) -> EntrustedFigures:
    running = Contract.objects.filter(_running_on(as_of))
    institutes = running.filter(facility__kind=Facility.Kind.TRAINING_INSTITUTE)
    budget = YearBudget.objects.filter(
        year=year, contract__facility__kind=Facility.Kind.SOCIAL_ECONOMY_CENTRE
    ).aggregate(total=Sum("budget"))["total"]
    return EntrustedFigures(
        facilities=running.values("facility").distinct().count(),
        institutes=institutes.values("facility").distinct().count(),
        contracts_running=running.count(),
        institutes_ending=institutes.filter(term_end__lte=as_of + timedelta(days=365)).count(),
        social_economy_centre_budget=budget,
    )


def trustee_choices() -> QuerySet[Partner]:
    return Partner.objects.filter(kind=Partner.Kind.TRUSTEE, is_active=True).order_by("name")


def division_choices() -> QuerySet[OrgUnit]:
    return OrgUnit.objects.filter(kind=OrgUnit.Kind.DIVISION).order_by("sort_order", "code")
